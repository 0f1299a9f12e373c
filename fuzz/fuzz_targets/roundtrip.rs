//! Lossless: whenever `Document::parse` accepts bytes, `to_bytes` gives back
//! exactly those bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unattend::document::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::parse(data) else {
        return;
    };
    let written = doc
        .to_bytes()
        .expect("a parsed document can be written in its own encoding");
    assert!(written == data, "to_bytes differs from the input");
    // Reading the written bytes again gives the same text.
    let again = Document::parse(&written).expect("written bytes parse again");
    assert_eq!(again.text(), doc.text());
});
