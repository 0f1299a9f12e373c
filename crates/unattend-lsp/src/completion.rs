//! Completion: pass- and component-aware elements, values and attribute
//! values, all from the catalog.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionItemTag, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, Position, TextEdit,
};
use unattend::catalog::{self, SettingInfo, SettingKind, ValueType, markdown};
use unattend::document::{UNATTEND_NS, WCM_NS, XSI_NS};
use unattend::model::{Arch, LANGUAGE_NEUTRAL, PUBLIC_KEY_TOKEN, Pass, VERSION_SCOPE_NON_SXS};

use crate::Doc;
use crate::context::{self, Place, Spot, local};
use crate::position::Encoding;

/// One candidate before it becomes a `CompletionItem`.
struct Candidate {
    label: String,
    insert: String,
    kind: CompletionItemKind,
    detail: Option<String>,
    docs: Option<String>,
    deprecated: bool,
}

impl Candidate {
    fn new(label: impl Into<String>, insert: impl Into<String>, kind: CompletionItemKind) -> Self {
        Candidate {
            label: label.into(),
            insert: insert.into(),
            kind,
            detail: None,
            docs: None,
            deprecated: false,
        }
    }
}

/// The completions at `pos`.
pub(crate) fn complete(doc: &Doc, pos: Position, enc: Encoding) -> CompletionResponse {
    let offset = doc.lines.offset(&doc.text, pos, enc);
    let cx = context::at(&doc.text, offset);
    let place = context::place(&cx.stack);
    let (candidates, start, end) = match &cx.spot {
        Spot::TagName {
            start,
            end,
            closing: false,
        } => (elements(place, &doc.text, ""), *start, *end),
        Spot::TagName {
            start,
            end,
            closing: true,
        } => {
            let close: Vec<Candidate> = cx
                .stack
                .last()
                .map(|o| {
                    Candidate::new(&o.name, format!("{}>", o.name), CompletionItemKind::STRUCT)
                })
                .into_iter()
                .collect();
            (close, *start, *end)
        }
        Spot::Text { start, end } => match place {
            Place::Setting(_, s) if is_leaf(s) => {
                // Replace the value written so far (whitespace around kept).
                let run = &doc.text[*start..*end];
                let lead = run.len() - run.trim_start().len();
                let trail = run.len() - run.trim_end().len();
                let (vs, ve) = (*start + lead, (*end - trail).max(*start + lead));
                (values(s), vs.min(offset), ve.max(offset))
            }
            _ => (elements(place, &doc.text, "<"), offset, offset),
        },
        Spot::AttrValue {
            tag,
            attr,
            start,
            end,
        } => (attribute_values(local(tag), attr, place), *start, *end),
        Spot::InTag { .. } | Spot::Other => (Vec::new(), offset, offset),
    };
    let range = doc.lines.range(&doc.text, start, end, enc);
    let items = candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| CompletionItem {
            filter_text: Some(c.label.clone()),
            label: c.label,
            kind: Some(c.kind),
            detail: c.detail,
            documentation: c.docs.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            tags: c.deprecated.then(|| vec![CompletionItemTag::DEPRECATED]),
            // Keep catalog order (processing order, documented order).
            sort_text: Some(format!("{i:05}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range,
                new_text: c.insert,
            })),
            ..Default::default()
        })
        .collect();
    CompletionResponse::Array(items)
}

/// True for a setting that holds a value rather than elements.
fn is_leaf(s: &SettingInfo) -> bool {
    s.kind == SettingKind::Value && !s.children().any(|c| !c.is_pseudo())
}

/// The processor architecture the file's components already use.
fn file_arch(text: &str) -> &str {
    text.find("processorArchitecture=\"")
        .map(|i| &text[i + 23..])
        .and_then(|rest| rest.split('"').next())
        .and_then(|a| Arch::ALL.into_iter().find(|x| x.as_str() == a))
        .map_or("amd64", Arch::as_str)
}

/// The elements that may go at `place`; `lt` is `"<"` when the tag's
/// opening bracket is not typed yet.
fn elements(place: Place, text: &str, lt: &str) -> Vec<Candidate> {
    match place {
        Place::Outside => vec![Candidate::new(
            "unattend",
            format!("{lt}unattend xmlns=\"{UNATTEND_NS}\"></unattend>"),
            CompletionItemKind::MODULE,
        )],
        Place::Unattend => Pass::ALL
            .into_iter()
            .map(|p| {
                let mut c = Candidate::new(
                    format!("settings pass=\"{p}\""),
                    format!("{lt}settings pass=\"{p}\"></settings>"),
                    CompletionItemKind::MODULE,
                );
                c.docs = Some(markdown::pass_markdown(p));
                c
            })
            .collect(),
        Place::Settings(pass) => {
            let arch = file_arch(text);
            catalog::components()
                .iter()
                .filter(|c| match pass {
                    Some(p) => c.passes.contains(p),
                    None => true,
                })
                .map(|c| {
                    let mut cand = Candidate::new(
                        c.name,
                        format!(
                            "{lt}component name=\"{}\" processorArchitecture=\"{arch}\" \
                             publicKeyToken=\"{PUBLIC_KEY_TOKEN}\" language=\"{LANGUAGE_NEUTRAL}\" \
                             versionScope=\"{VERSION_SCOPE_NON_SXS}\" xmlns:wcm=\"{WCM_NS}\" \
                             xmlns:xsi=\"{XSI_NS}\"></component>",
                            c.name
                        ),
                        CompletionItemKind::MODULE,
                    );
                    cand.detail = c.summary.map(str::to_string);
                    cand.docs = Some(markdown::component_markdown(c, pass));
                    cand.deprecated = c.status.is_some();
                    cand
                })
                .collect()
        }
        Place::Component(pass, Some(c)) => settings(c.top_level(), pass, lt),
        Place::Setting(pass, s) => settings(s.children(), pass, lt),
        Place::Component(_, None) | Place::Unknown => Vec::new(),
    }
}

fn settings(
    list: impl Iterator<Item = &'static SettingInfo>,
    pass: Option<Pass>,
    lt: &str,
) -> Vec<Candidate> {
    list.filter(|s| !s.is_pseudo())
        .filter(|s| pass.is_none_or(|p| s.valid_in(p)))
        .map(|s| {
            let name = s.element_name;
            let action = if s.kind == SettingKind::ListItem {
                " wcm:action=\"add\""
            } else {
                ""
            };
            let mut c = Candidate::new(
                name,
                format!("{lt}{name}{action}></{name}>"),
                if is_leaf(s) {
                    CompletionItemKind::PROPERTY
                } else {
                    CompletionItemKind::STRUCT
                },
            );
            c.detail = Some(match s.value_type {
                Some(t) if is_leaf(s) => t.to_string(),
                _ => s.kind.to_string(),
            });
            c.docs = Some(markdown::setting_markdown(s, pass));
            c.deprecated = s.status.is_some();
            c
        })
        .collect()
}

/// Settings whose values are Windows locale tags.
const LOCALE_SETTINGS: [&str; 5] = [
    "UILanguage",
    "UILanguageFallback",
    "SystemLocale",
    "UserLocale",
    "InputLocale",
];

/// The values a leaf setting may hold.
fn values(s: &SettingInfo) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = s
        .values
        .iter()
        .chain(s.special_values)
        .map(|v| {
            let mut c = Candidate::new(*v, *v, CompletionItemKind::ENUM_MEMBER);
            c.detail = s.label(v).map(str::to_string);
            if s.default == Some(*v) {
                c.detail = Some(
                    c.detail
                        .map_or("default".into(), |d| format!("{d} (default)")),
                );
            }
            c
        })
        .collect();
    if out.is_empty() && s.value_type == Some(ValueType::Boolean) {
        out = ["true", "false"]
            .into_iter()
            .map(|v| Candidate::new(v, v, CompletionItemKind::ENUM_MEMBER))
            .collect();
    }
    if s.name.eq_ignore_ascii_case("TimeZone") {
        out.extend(catalog::windows::time_zones().iter().map(|tz| {
            let mut c = Candidate::new(tz.id, tz.id, CompletionItemKind::VALUE);
            c.detail = Some(tz.display_name.to_string());
            c
        }));
    }
    if LOCALE_SETTINGS
        .iter()
        .any(|n| s.name.eq_ignore_ascii_case(n))
    {
        out.extend(catalog::windows::locales().iter().map(|l| {
            let mut c = Candidate::new(l.tag, l.tag, CompletionItemKind::VALUE);
            c.detail = Some(l.display_name.to_string());
            c
        }));
    }
    out
}

/// The values of `attr` on an element named `tag`.
fn attribute_values(tag: &str, attr: &str, place: Place) -> Vec<Candidate> {
    let plain = |v: &str| Candidate::new(v, v, CompletionItemKind::ENUM_MEMBER);
    match (tag, attr) {
        ("settings", "pass") => Pass::ALL
            .into_iter()
            .map(|p| {
                let mut c = plain(p.as_str());
                c.docs = Some(markdown::pass_summary(p).to_string());
                c
            })
            .collect(),
        ("component", "processorArchitecture") => {
            Arch::ALL.into_iter().map(|a| plain(a.as_str())).collect()
        }
        ("component", "name") => catalog::components()
            .iter()
            .filter(|c| place.pass().is_none_or(|p| c.passes.contains(p)))
            .map(|c| {
                let mut cand = Candidate::new(c.name, c.name, CompletionItemKind::MODULE);
                cand.detail = c.summary.map(str::to_string);
                cand.deprecated = c.status.is_some();
                cand
            })
            .collect(),
        ("component", "language") => vec![plain(LANGUAGE_NEUTRAL)],
        ("component", "versionScope") => vec![plain(VERSION_SCOPE_NON_SXS)],
        ("component", "publicKeyToken") => vec![plain(PUBLIC_KEY_TOKEN)],
        (_, "wcm:action") => ["add", "modify", "remove"].map(plain).into_iter().collect(),
        _ => Vec::new(),
    }
}
