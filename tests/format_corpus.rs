//! `fmt` over every public corpus file: idempotent, every comment kept,
//! every element, attribute and value kept, still writable in its encoding.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::{Document, NodeKind, Span, TextEdit};
use unattend::format::{FormatOptions, format};
use unattend::model::Element;
use unattend_e2e::{content_lines, corpus_files};

#[test]
fn fmt_keeps_everything_and_is_idempotent_on_the_public_corpus() {
    let options = FormatOptions::default();
    let mut formatted = 0;
    for f in corpus_files().iter().filter(|f| !f.malformed()) {
        let original = Document::parse(&f.bytes()).unwrap();
        let text = format(&original, &options);
        // Through the document layer, so the result is checked and re-encoded.
        let mut doc = original.clone();
        let whole = Span {
            start: 0,
            end: original.text().len() as u32,
        };
        doc.apply_edits(vec![TextEdit {
            span: whole,
            replacement: text.clone(),
        }])
        .unwrap_or_else(|e| panic!("{}: formatted text does not parse: {e}", f.name));
        doc.to_bytes().unwrap_or_else(|e| panic!("{}: {e}", f.name));
        let comments = |d: &Document| -> Vec<String> {
            let mut c: Vec<String> = d
                .nodes()
                .filter(|n| n.kind() == NodeKind::Comment)
                .map(|n| n.raw().to_string())
                .collect();
            c.sort();
            c
        };
        assert_eq!(
            comments(&original),
            comments(&doc),
            "{}: comments changed",
            f.name
        );
        assert_eq!(
            content_lines(&Element::from_document(original.root())),
            content_lines(&Element::from_document(doc.root())),
            "{}: content changed",
            f.name
        );
        assert_eq!(format(&doc, &options), text, "{}: not idempotent", f.name);
        formatted += 1;
    }
    if !corpus_files().is_empty() {
        assert!(formatted > 190, "only {formatted} files");
    }
}
