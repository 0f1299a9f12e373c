//! `Document::parse` on arbitrary bytes: an error or a document, never a panic.
//! A document that parses must also answer every query without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unattend::document::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::parse(data) else {
        return;
    };
    // Walk everything a caller can reach: names, namespaces, values, positions.
    for el in doc.elements() {
        let _ = (
            el.name(),
            el.local_name(),
            el.namespace(),
            el.text(),
            el.depth(),
        );
        let _ = doc.line_col(el.span().start as usize);
        for a in el.attributes() {
            let _ = (a.name(), a.local_name(), a.namespace(), a.value());
        }
    }
    for node in doc.nodes() {
        let _ = node.value();
    }
    let _ = doc.newlines();
    let _ = unattend::Unattend::from_document(&doc);
});
