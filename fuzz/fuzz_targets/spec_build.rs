//! Arbitrary text as a spec (TOML, JSON or YAML, what `unattend build`
//! reads) → `unattend::spec::read` → XML: reading never panics, the built
//! XML must parse, every element of it has a spec position, and it reads
//! back as an answer file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unattend::document::Document;
use unattend::model::{Unattend, WriteOptions};
use unattend::spec::{Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for format in [Format::Toml, Format::Json, Format::Yaml] {
        let Ok(built) = unattend::spec::read(text, format, &ReadOptions::default()) else {
            continue;
        };
        let xml = built.to_xml(&WriteOptions::default());
        let doc = match Document::parse_str(&xml) {
            Ok(doc) => doc,
            Err(e) => panic!("built XML does not parse: {e}\n{xml}"),
        };
        for el in doc.elements() {
            assert!(built.locate_offset(&doc, el.span().start).is_some());
        }
        Unattend::from_document(&doc).expect("built XML is an answer file");
    }
});
