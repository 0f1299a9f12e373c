//! `fmt`: a canonical layout that keeps everything.
//!
//! Passes come in processing order (servicing first, the Windows SIM image
//! reference last), each comment travels with the element it precedes,
//! component identity attributes come in Microsoft's order, elements are
//! indented consistently with the file's own newline style. Text, values,
//! comments, CDATA and mixed content are copied byte for byte, so nothing a
//! reader of the file could depend on changes, and formatting twice gives the
//! same text as formatting once.

use crate::document::{CPI_NS, Document, ElementRef, NewlineStats, NodeKind, NodeRef, UNATTEND_NS};
use crate::model::Pass;

/// Layout choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatOptions {
    /// One level of indentation. Default: two spaces.
    pub indent: String,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            indent: "  ".to_string(),
        }
    }
}

const COMPONENT_ORDER: [&str; 5] = [
    "name",
    "processorArchitecture",
    "publicKeyToken",
    "language",
    "versionScope",
];

struct Formatter<'d> {
    doc: &'d Document,
    options: &'d FormatOptions,
    nl: &'static str,
    out: String,
}

/// The formatted text of a document (in its own encoding when written back
/// through [`Document::apply_edits`]).
///
/// ```
/// use unattend::Document;
/// use unattend::format::{FormatOptions, format};
///
/// let doc = Document::parse_str(concat!(
///     "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">",
///     "<settings pass=\"oobeSystem\"/><!-- first -->",
///     "<settings pass=\"specialize\"/></unattend>",
/// ))?;
/// let text = format(&doc, &FormatOptions::default());
/// // Passes in processing order, the comment still before its element.
/// assert!(text.find("specialize").unwrap() < text.find("oobeSystem").unwrap());
/// assert!(text.contains("<!-- first -->"));
/// // Formatting is idempotent.
/// let again = format(&Document::parse_str(&text)?, &FormatOptions::default());
/// assert_eq!(again, text);
/// # Ok::<(), unattend::ParseError>(())
/// ```
pub fn format(doc: &Document, options: &FormatOptions) -> String {
    let nl = NewlineStats::of(doc.text())
        .dominant()
        .unwrap_or_default()
        .as_str();
    let mut f = Formatter {
        doc,
        options,
        nl,
        out: String::with_capacity(doc.text().len() + doc.text().len() / 8),
    };
    let mut first = true;
    for node in top_level(doc) {
        if !first {
            f.out.push_str(nl);
        }
        first = false;
        match node.kind() {
            NodeKind::Element => {
                if let Some(el) = node.as_element() {
                    f.element(el, 0);
                }
            }
            _ => f.out.push_str(node.raw()),
        }
    }
    f.out.push_str(nl);
    f.out
}

/// Nodes outside the root (declaration, comments, PIs) and the root, in order.
fn top_level(doc: &Document) -> Vec<NodeRef<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let nodes: Vec<NodeRef<'_>> = doc.nodes().collect();
    while i < nodes.len() {
        let n = nodes[i];
        if n.parent().is_none() {
            out.push(n);
            if n.kind() == NodeKind::Element {
                // Skip the root's descendants.
                let end = n.span().end;
                while i + 1 < nodes.len() && nodes[i + 1].span().start < end {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    out
}

/// Sort key of a root child: servicing, passes in order, others, image reference.
fn root_rank(el: ElementRef<'_>) -> (u8, u8) {
    if el.is(UNATTEND_NS, "servicing") {
        (0, 0)
    } else if el.is(UNATTEND_NS, "settings") {
        let pass = el
            .attribute_value("pass")
            .and_then(|p| p.parse::<Pass>().ok());
        (1, pass.map_or(u8::MAX, |p| p as u8))
    } else if el.is(CPI_NS, "offlineImage") {
        (3, 0)
    } else {
        (2, 0)
    }
}

impl Formatter<'_> {
    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(&self.options.indent);
        }
    }

    fn start_tag(&mut self, el: ElementRef<'_>) {
        self.out.push('<');
        self.out.push_str(el.name());
        let mut attrs: Vec<_> = el.attributes().collect();
        let rank = |name: &str, is_decl: bool| -> usize {
            if el.local_name() == "component" {
                COMPONENT_ORDER
                    .iter()
                    .position(|n| *n == name)
                    .unwrap_or(COMPONENT_ORDER.len())
            } else if el.parent().is_none() {
                // Root: default namespace, then prefixed declarations, then the rest.
                if name == "xmlns" {
                    0
                } else if is_decl {
                    1
                } else {
                    2
                }
            } else {
                0
            }
        };
        attrs.sort_by_key(|a| rank(a.name(), a.is_namespace_declaration()));
        for a in attrs {
            self.out.push(' ');
            self.out.push_str(a.name());
            self.out.push_str("=\"");
            if a.quote() == '"' {
                self.out.push_str(a.raw_value());
            } else {
                self.out.push_str(&a.raw_value().replace('"', "&quot;"));
            }
            self.out.push('"');
        }
    }

    fn element(&mut self, el: ElementRef<'_>, depth: usize) {
        self.start_tag(el);
        let Some(content) = el.content_span() else {
            self.out.push_str(" />");
            return;
        };
        let children: Vec<NodeRef<'_>> = el.children().collect();
        let has_elements = children.iter().any(|c| c.kind() == NodeKind::Element);
        let mixed = children
            .iter()
            .any(|c| matches!(c.kind(), NodeKind::Text | NodeKind::CData) && !c.is_whitespace());
        if !has_elements || mixed {
            // Values, and text beside elements, are copied exactly.
            self.out.push('>');
            self.out.push_str(self.doc.span_text(content));
        } else {
            self.out.push('>');
            for item in self.layout(el, children) {
                self.out.push_str(self.nl);
                self.indent(depth + 1);
                match item.kind() {
                    NodeKind::Element => {
                        if let Some(c) = item.as_element() {
                            self.element(c, depth + 1);
                        }
                    }
                    _ => self.out.push_str(item.raw()),
                }
            }
            self.out.push_str(self.nl);
            self.indent(depth);
        }
        self.out.push_str("</");
        self.out.push_str(el.name());
        self.out.push('>');
    }

    /// The children to lay out (whitespace dropped); the root's are sorted,
    /// each element keeping the comments just before it.
    fn layout<'d>(&self, el: ElementRef<'d>, children: Vec<NodeRef<'d>>) -> Vec<NodeRef<'d>> {
        let kept: Vec<NodeRef<'d>> = children
            .into_iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        if el.parent().is_some() || !el.is(UNATTEND_NS, "unattend") {
            return kept;
        }
        let mut groups: Vec<((u8, u8), Vec<NodeRef<'d>>)> = Vec::new();
        let mut pending: Vec<NodeRef<'d>> = Vec::new();
        for node in kept {
            pending.push(node);
            if let Some(e) = node.as_element() {
                groups.push((root_rank(e), std::mem::take(&mut pending)));
            }
        }
        groups.sort_by_key(|(rank, _)| *rank);
        let mut out: Vec<NodeRef<'d>> = groups.into_iter().flat_map(|(_, g)| g).collect();
        out.extend(pending);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_order_and_comments() {
        let doc = Document::parse_str(
            "<?xml version=\"1.0\"?>\r\n<!-- top -->\r\n<unattend xmlns:wcm=\"w\"   xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobeSystem\"><!-- oobe --><component versionScope=\"nonSxS\" name=\"X\" language='neutral'><A>  keep &amp; this </A><B/></component></settings>\r\n<!-- about specialize -->\r\n<settings pass=\"specialize\"></settings><!-- tail --></unattend>",
        )
        .unwrap();
        let out = format(&doc, &FormatOptions::default());
        assert_eq!(
            out,
            "<?xml version=\"1.0\"?>\r\n<!-- top -->\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"w\">\r\n  <!-- about specialize -->\r\n  <settings pass=\"specialize\"></settings>\r\n  <settings pass=\"oobeSystem\">\r\n    <!-- oobe -->\r\n    <component name=\"X\" language=\"neutral\" versionScope=\"nonSxS\">\r\n      <A>  keep &amp; this </A>\r\n      <B />\r\n    </component>\r\n  </settings>\r\n  <!-- tail -->\r\n</unattend>\r\n"
        );
        let again = format(
            &Document::parse_str(&out).unwrap(),
            &FormatOptions::default(),
        );
        assert_eq!(again, out, "idempotent");
    }
}
