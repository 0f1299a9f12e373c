//! Formatting and code actions.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, FormattingOptions, Range, TextEdit, Uri,
    WorkspaceEdit,
};
use unattend::format::{FormatOptions, format as format_document};

use crate::Doc;
use crate::position::Encoding;
use crate::symbols::parsed;

/// The `fmt` layout as one edit; `None` while the file does not parse.
pub(crate) fn format(
    doc: &Doc,
    options: &FormattingOptions,
    enc: Encoding,
) -> Option<Vec<TextEdit>> {
    let parsed = parsed(doc)?;
    let indent = if options.insert_spaces {
        " ".repeat(options.tab_size.clamp(1, 16) as usize)
    } else {
        "\t".to_string()
    };
    let formatted = format_document(&parsed, &FormatOptions { indent });
    if formatted == doc.text {
        return Some(Vec::new());
    }
    Some(vec![TextEdit {
        range: doc.lines.range(&doc.text, 0, doc.text.len(), enc),
        new_text: formatted,
    }])
}

fn overlaps(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Quick fixes for the findings in `range`, and a suppression comment for
/// each of them.
pub(crate) fn code_actions(
    doc: &Doc,
    uri: &Uri,
    range: Range,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let parsed = parsed(doc);
    let mut out = Vec::new();
    for d in &doc.findings {
        let d_range = doc
            .lines
            .range(&doc.text, d.span.start as usize, d.span.end as usize, enc);
        if !overlaps(d_range, range) {
            continue;
        }
        if let Some(fix) = &d.fix {
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: doc.lines.range(
                        &doc.text,
                        e.span.start as usize,
                        e.span.end as usize,
                        enc,
                    ),
                    new_text: e.replacement.clone(),
                })
                .collect();
            out.push(action(
                format!("{} ({})", fix.message, d.code),
                uri,
                edits,
                true,
            ));
        }
        if let Some(doc_tree) = &parsed
            && let Some(edit) = suppression(doc, doc_tree, d, enc)
        {
            out.push(action(
                format!("Suppress {} ({}) here", d.code, d.name),
                uri,
                vec![edit],
                false,
            ));
        }
    }
    out
}

fn action(title: String, uri: &Uri, edits: Vec<TextEdit>, preferred: bool) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// An `ignore[CODE]` comment on its own line before the innermost element
/// holding the finding; an `ignore-file[CODE]` comment after the XML
/// declaration when the finding is on the root or outside any element.
fn suppression(
    doc: &Doc,
    tree: &unattend::Document,
    d: &unattend::lint::Diagnostic,
    enc: Encoding,
) -> Option<TextEdit> {
    let text = doc.text.as_str();
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let at = d.span.start;
    let root = tree.root().id();
    let element = tree
        .elements()
        .filter(|e| e.span().start <= at && at < e.span().end.max(e.span().start + 1))
        .last()
        .filter(|e| e.id() != root);
    let (offset, new_text) = match element {
        Some(e) => {
            let start = e.span().start as usize;
            let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let indent: String = text[line_start..start]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            (
                line_start,
                format!("{indent}<!-- unattend: ignore[{}] -->{nl}", d.code),
            )
        }
        None => match tree.declaration() {
            Some(decl) => (
                decl.end as usize,
                format!("{nl}<!-- unattend: ignore-file[{}] -->", d.code),
            ),
            None => (0, format!("<!-- unattend: ignore-file[{}] -->{nl}", d.code)),
        },
    };
    Some(TextEdit {
        range: doc.lines.range(text, offset, offset, enc),
        new_text,
    })
}
