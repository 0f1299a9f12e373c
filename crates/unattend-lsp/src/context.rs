//! Where in the answer file a position is, from a tolerant scan of the
//! text: files being typed are rarely well-formed, so hover and completion
//! cannot wait for a parse.

use unattend::catalog::{self, ComponentInfo, SettingInfo};
use unattend::model::Pass;

/// An element open at the position.
#[derive(Debug, Clone)]
pub(crate) struct Open {
    /// The qualified name as written.
    pub(crate) name: String,
    /// Attributes as written (values not unescaped).
    pub(crate) attrs: Vec<(String, String)>,
}

impl Open {
    pub(crate) fn local(&self) -> &str {
        local(&self.name)
    }

    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The local part of a qualified name.
pub(crate) fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// What the position is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Spot {
    /// Element content; `start..end` is the text run around the position.
    Text { start: usize, end: usize },
    /// A tag's name (`start..end`), after `<` or `</`.
    TagName {
        start: usize,
        end: usize,
        closing: bool,
    },
    /// Inside a start tag, outside any attribute value.
    InTag { tag: String },
    /// An attribute value (`start..end`, between the quotes).
    AttrValue {
        tag: String,
        attr: String,
        start: usize,
        end: usize,
    },
    /// A comment, processing instruction, CDATA section or DOCTYPE.
    Other,
}

/// The open elements around a position and what it is in.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    /// Open elements, outermost first; for a position in a start tag, the
    /// tag's own element is not included.
    pub(crate) stack: Vec<Open>,
    pub(crate) spot: Spot,
}

fn is_name_byte(b: u8) -> bool {
    !matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/' | b'=' | b'<' | b'"' | b'\''
    )
}

/// Scans `text` up to the construct holding `offset`.
pub(crate) fn at(text: &str, offset: usize) -> Context {
    let b = text.as_bytes();
    let offset = offset.min(b.len());
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    loop {
        let next = memfind(b, i, b"<");
        let p = match next {
            Some(p) if p < offset => p,
            _ => {
                let end = next.unwrap_or(b.len());
                return Context {
                    stack,
                    spot: Spot::Text { start: i, end },
                };
            }
        };
        // Markup that holds no elements.
        for (open, close) in [
            (&b"<!--"[..], &b"-->"[..]),
            (b"<![CDATA[", b"]]>"),
            (b"<?", b"?>"),
            (b"<!", b">"),
        ] {
            if b[p..].starts_with(open) {
                match memfind(b, p + open.len(), close) {
                    Some(e) if e + close.len() <= offset => {
                        i = e + close.len();
                    }
                    _ => {
                        return Context {
                            stack,
                            spot: Spot::Other,
                        };
                    }
                }
                break;
            }
        }
        if i > p {
            continue;
        }
        let closing = b.get(p + 1) == Some(&b'/');
        let name_start = p + 1 + usize::from(closing);
        let mut j = name_start;
        while j < b.len() && is_name_byte(b[j]) {
            j += 1;
        }
        let name = text[name_start..j].to_string();
        if offset <= j {
            return Context {
                stack,
                spot: Spot::TagName {
                    start: name_start,
                    end: j,
                    closing,
                },
            };
        }
        if closing {
            let gt = memfind(b, j, b">");
            if gt.is_none_or(|g| g >= offset) {
                return Context {
                    stack,
                    spot: Spot::Other,
                };
            }
            if let Some(k) = stack.iter().rposition(|o| o.name == name) {
                stack.truncate(k);
            }
            i = gt.map_or(b.len(), |g| g + 1);
            continue;
        }
        // Attributes.
        let mut open = Open {
            name,
            attrs: Vec::new(),
        };
        loop {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if offset <= j {
                // Between attributes, or just before the tag's end.
                let tag = open.name.clone();
                return Context {
                    stack,
                    spot: Spot::InTag { tag },
                };
            }
            if j >= b.len() || b[j] == b'<' {
                // Unfinished tag: not an open element.
                i = j;
                break;
            }
            if b[j] == b'>' {
                stack.push(open);
                i = j + 1;
                break;
            }
            if b[j..].starts_with(b"/>") {
                if offset == j + 1 {
                    return Context {
                        stack,
                        spot: Spot::Other,
                    };
                }
                i = j + 2;
                break;
            }
            let a = j;
            while j < b.len() && is_name_byte(b[j]) {
                j += 1;
            }
            if j == a {
                // A stray character: skip it.
                j += 1;
                continue;
            }
            let attr = text[a..j].to_string();
            if offset <= j {
                let tag = open.name.clone();
                return Context {
                    stack,
                    spot: Spot::InTag { tag },
                };
            }
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if b.get(j) != Some(&b'=') {
                open.attrs.push((attr, String::new()));
                continue;
            }
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let quote = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => continue,
            };
            let vstart = j + 1;
            let vend = memfind(b, vstart, &[quote])
                .unwrap_or(b.len())
                .min(memfind(b, vstart, b"<").unwrap_or(b.len()));
            if offset >= vstart && offset <= vend {
                let tag = open.name.clone();
                return Context {
                    stack,
                    spot: Spot::AttrValue {
                        tag,
                        attr,
                        start: vstart,
                        end: vend,
                    },
                };
            }
            open.attrs.push((attr, text[vstart..vend].to_string()));
            j = (vend + 1).min(b.len());
        }
    }
}

fn memfind(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|k| k + from)
}

/// What an element path means in answer-file terms.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    /// Outside `<unattend>`.
    Outside,
    /// Directly in `<unattend>`.
    Unattend,
    /// In `<settings>` (with its pass when valid).
    Settings(Option<Pass>),
    /// In a `<component>`; `None` when the catalog does not know it.
    Component(Option<Pass>, Option<&'static ComponentInfo>),
    /// In a setting the catalog knows.
    Setting(Option<Pass>, &'static SettingInfo),
    /// Somewhere the catalog does not describe.
    Unknown,
}

impl Place {
    pub(crate) fn pass(self) -> Option<Pass> {
        match self {
            Place::Settings(p) | Place::Component(p, _) | Place::Setting(p, _) => p,
            _ => None,
        }
    }
}

/// Resolves a stack of open elements (outermost first).
pub(crate) fn place(stack: &[Open]) -> Place {
    let mut it = stack.iter();
    let Some(root) = it.next() else {
        return Place::Outside;
    };
    if root.local() != "unattend" {
        return Place::Unknown;
    }
    let Some(settings) = it.next() else {
        return Place::Unattend;
    };
    if settings.local() != "settings" {
        return Place::Unknown;
    }
    let pass = settings.attr("pass").and_then(|p| p.parse::<Pass>().ok());
    let Some(component) = it.next() else {
        return Place::Settings(pass);
    };
    if component.local() != "component" {
        return Place::Unknown;
    }
    let info = component.attr("name").and_then(catalog::component);
    let Some(first) = it.next() else {
        return Place::Component(pass, info);
    };
    let Some(info) = info else {
        return Place::Unknown;
    };
    let Some(mut setting) = info.child(first.local()) else {
        return Place::Unknown;
    };
    for next in it {
        match setting.child(next.local()) {
            Some(s) => setting = s,
            None => return Place::Unknown,
        }
    }
    Place::Setting(pass, setting)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<?xml version="1.0"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <!-- <settings pass="bogus"> -->
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">
      <TimeZone>UTC</TimeZone>
      <
    </component>
  </settings>
</unattend>"#;

    #[test]
    fn text_in_a_leaf() {
        let at_utc = FILE.find("UTC").unwrap() + 1;
        let cx = at(FILE, at_utc);
        let start = FILE.find("UTC").unwrap();
        assert_eq!(
            cx.spot,
            Spot::Text {
                start,
                end: start + 3
            }
        );
        let names: Vec<_> = cx.stack.iter().map(Open::local).collect();
        assert_eq!(names, ["unattend", "settings", "component", "TimeZone"]);
        match place(&cx.stack) {
            Place::Setting(Some(Pass::Specialize), s) => assert_eq!(s.name, "TimeZone"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn after_a_lone_angle_bracket() {
        let lt = FILE.find("<\n    </component>").unwrap();
        let cx = at(FILE, lt + 1);
        assert!(matches!(cx.spot, Spot::TagName { closing: false, .. }));
        assert!(matches!(
            place(&cx.stack),
            Place::Component(Some(Pass::Specialize), Some(_))
        ));
    }

    #[test]
    fn attribute_value() {
        let v = FILE.find("specialize").unwrap() + 3;
        let cx = at(FILE, v);
        match cx.spot {
            Spot::AttrValue {
                tag,
                attr,
                start,
                end,
            } => {
                assert_eq!((tag.as_str(), attr.as_str()), ("settings", "pass"));
                assert_eq!(&FILE[start..end], "specialize");
            }
            other => panic!("{other:?}"),
        }
        // A commented-out tag is not an element.
        assert_eq!(cx.stack.len(), 1);
    }
}
