//! Hover: catalog facts for settings, components and passes.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use unattend::catalog::markdown;
use unattend::model::Pass;

use crate::Doc;
use crate::context::{self, Open, Place, Spot, local};
use crate::position::Encoding;

/// The hover at `pos`, if the catalog knows what is there.
pub(crate) fn hover(doc: &Doc, pos: Position, enc: Encoding) -> Option<Hover> {
    let offset = doc.lines.offset(&doc.text, pos, enc);
    let cx = context::at(&doc.text, offset);
    let (value, start, end) = match &cx.spot {
        Spot::TagName {
            start,
            end,
            closing,
        } => {
            let name = &doc.text[*start..*end];
            let mut path = cx.stack.clone();
            if *closing {
                // `</X>` closes the innermost open X.
                if path.last().is_none_or(|o| o.name != name) {
                    return None;
                }
            } else {
                path.push(Open {
                    name: name.to_string(),
                    attrs: Vec::new(),
                });
            }
            (element_markdown(&path)?, *start, *end)
        }
        Spot::AttrValue {
            tag,
            attr,
            start,
            end,
        } => {
            let value = &doc.text[*start..*end];
            let md = match (local(tag), attr.as_str()) {
                ("settings", "pass") => markdown::pass_markdown(value.parse::<Pass>().ok()?),
                ("component", "name") => markdown::component_markdown(
                    unattend::catalog::component(value)?,
                    context::place(&cx.stack).pass(),
                ),
                _ => return None,
            };
            (md, *start, *end)
        }
        Spot::Text { start, end } => match context::place(&cx.stack) {
            Place::Setting(pass, s) if !s.children().any(|c| !c.is_pseudo()) => {
                (markdown::setting_markdown(s, pass), *start, *end)
            }
            _ => return None,
        },
        Spot::InTag { .. } | Spot::Other => return None,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(doc.lines.range(&doc.text, start, end, enc)),
    })
}

/// Markdown for the innermost element of `path`.
fn element_markdown(path: &[Open]) -> Option<String> {
    match context::place(path) {
        Place::Setting(pass, s) => Some(markdown::setting_markdown(s, pass)),
        _ => None,
    }
}
