//! Arbitrary text as a spec (TOML, JSON or YAML: the serde form of
//! `unattend::model::Unattend`, what `unattend build` reads) → typed model →
//! `to_xml` → the written XML must parse, and read back as the same model
//! text when written again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unattend::document::Document;
use unattend::model::{Unattend, WriteOptions};

fn check(model: &Unattend) {
    let xml = model.to_xml(&WriteOptions::default());
    let doc = match Document::parse_str(&xml) {
        Ok(doc) => doc,
        Err(e) => panic!("built XML does not parse: {e}\n{xml}"),
    };
    // The written file reads back into a model that writes the same XML.
    let again = Unattend::from_document(&doc).expect("built XML is an answer file");
    assert_eq!(
        again.to_xml(&WriteOptions::default()),
        xml,
        "build is not stable"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(model) = toml::from_str::<Unattend>(text) {
        check(&model);
    }
    if let Ok(model) = serde_json::from_str::<Unattend>(text) {
        check(&model);
    }
    if let Ok(model) = serde_saphyr::from_str::<Unattend>(text) {
        check(&model);
    }
});
