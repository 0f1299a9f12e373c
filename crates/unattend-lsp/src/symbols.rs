//! Document symbols: passes → components → settings.

use lsp_types::{DocumentSymbol, DocumentSymbolResponse, SymbolKind};
use unattend::document::{Document, ElementRef};

use crate::Doc;
use crate::position::Encoding;

/// The parsed document, when the buffer is well-formed and its spans are
/// the buffer's own offsets.
pub(crate) fn parsed(doc: &Doc) -> Option<Document> {
    let parsed = Document::parse(&crate::diagnostics::source_bytes(&doc.text)).ok()?;
    (parsed.text() == doc.text).then_some(parsed)
}

/// The outline, or `None` while the file does not parse.
pub(crate) fn symbols(doc: &Doc, enc: Encoding) -> Option<DocumentSymbolResponse> {
    let parsed = parsed(doc)?;
    let root = parsed.root();
    let out = root
        .child_elements()
        .map(|e| symbol(doc, e, enc, 0))
        .collect();
    Some(DocumentSymbolResponse::Nested(out))
}

fn symbol(doc: &Doc, e: ElementRef<'_>, enc: Encoding, depth: usize) -> DocumentSymbol {
    let local = e.local_name();
    let (name, kind) = match local {
        "settings" if depth == 0 => (
            e.attribute_value("pass")
                .map_or_else(|| "settings".to_string(), |p| p.into_owned()),
            SymbolKind::NAMESPACE,
        ),
        "component" if depth == 1 => (
            e.attribute_value("name")
                .map_or_else(|| "component".to_string(), |n| n.into_owned()),
            SymbolKind::MODULE,
        ),
        _ if e.has_child_elements() => (local.to_string(), SymbolKind::STRUCT),
        _ => (local.to_string(), SymbolKind::FIELD),
    };
    // Depth is capped by the parser (256), so recursion is bounded.
    let children: Vec<DocumentSymbol> = e
        .child_elements()
        .map(|c| symbol(doc, c, enc, depth + 1))
        .collect();
    let span = e.span();
    let name_span = e.name_span();
    #[allow(deprecated)] // `deprecated` is a required field of the type.
    DocumentSymbol {
        name: if name.is_empty() {
            local.to_string()
        } else {
            name
        },
        detail: None,
        kind,
        tags: None,
        deprecated: None,
        range: doc
            .lines
            .range(&doc.text, span.start as usize, span.end as usize, enc),
        selection_range: doc.lines.range(
            &doc.text,
            name_span.start as usize,
            name_span.end as usize,
            enc,
        ),
        children: (!children.is_empty()).then_some(children),
    }
}
