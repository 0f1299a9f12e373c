//! `unattend::edit::set` with an arbitrary path and value on real answer files.
//!
//! Input: one byte picks the answer file, the rest (UTF-8, lossy) is
//! `PATH` NUL `VALUE`. No panic; when the path parses and `set` succeeds, the
//! result parses again, `get` returns the value, and every comment of the
//! original is still there.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unattend::document::{Document, NodeKind};
use unattend::edit::{SettingPath, get, set};

const SEEDS: &[&[u8]] = &[
    include_bytes!("../../examples/answer-files/sysprep-generalize-oobe.xml"),
    include_bytes!("../../crates/unattend/tests/fixtures/encoding/utf8-bom-crlf.xml"),
    include_bytes!("../../crates/unattend/tests/fixtures/encoding/utf16le-bom.xml"),
    include_bytes!("../../crates/unattend/tests/fixtures/rules/UA111.pass.xml"),
    b"<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n</unattend>\n",
    b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><!-- caf\xe9 --><settings pass=\"specialize\"/></unattend>",
];

fn comments(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Comment)
        .map(|n| n.raw().to_string())
        .collect();
    out.sort();
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let mut doc =
        Document::parse(SEEDS[pick as usize % SEEDS.len()]).expect("seed answer files parse");
    let input = String::from_utf8_lossy(rest);
    let (path, value) = input.split_once('\0').unwrap_or((&input, "value"));
    let Ok(path) = path.parse::<SettingPath>() else {
        return;
    };
    let before = comments(&doc);
    let original = doc.text().to_string();
    match set(&mut doc, &path, value, None) {
        Ok(_) => {
            let bytes = doc.to_bytes().expect("an edited document can be written");
            let reread = Document::parse(&bytes).expect("an edited document parses again");
            assert_eq!(reread.text(), doc.text());
            assert_eq!(
                get(&reread, &path, None).expect("get after set"),
                Some(value.to_string()),
                "get after set"
            );
            let mut after = comments(&reread);
            // Every original comment is still there (the edit adds none).
            for c in &before {
                let at = after
                    .iter()
                    .position(|a| a == c)
                    .expect("a comment was lost");
                after.swap_remove(at);
            }
        }
        Err(_) => assert_eq!(doc.text(), original, "a refused edit changed the document"),
    }
});
