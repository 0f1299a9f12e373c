//! The document layer over every public corpus file: well-formed files read
//! and write back byte for byte; malformed files fail with a position.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::Document;
use unattend_e2e::corpus_files;

#[test]
fn every_corpus_file_reads_as_the_manifest_says() {
    let files = corpus_files();
    let mut disagreements = Vec::new();
    for f in &files {
        let result = Document::parse(&f.bytes());
        match (&result, f.malformed()) {
            (Ok(_), false) | (Err(_), true) => {}
            (Ok(_), true) => {
                disagreements.push(format!("{}: read, but manifest says malformed", f.name))
            }
            (Err(e), false) => disagreements.push(format!("{}: {e}", f.name)),
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

#[test]
fn well_formed_corpus_files_write_back_byte_for_byte() {
    let mut checked = 0;
    for f in corpus_files().iter().filter(|f| !f.malformed()) {
        let bytes = f.bytes();
        let doc = Document::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", f.name));
        let written = doc.to_bytes().unwrap_or_else(|e| panic!("{}: {e}", f.name));
        assert!(
            written == bytes,
            "{}: written bytes differ from the input",
            f.name
        );
        checked += 1;
    }
    eprintln!("round-tripped {checked} corpus files");
}

/// Each malformed file's error, as `file: line:col: message`, reviewed by hand
/// against the manifest's notes (expat's verdicts).
#[test]
fn malformed_corpus_files_report_line_and_column() {
    let files = corpus_files();
    if files.is_empty() {
        return;
    }
    let report: Vec<String> = files
        .iter()
        .filter(|f| f.malformed())
        .map(|f| match Document::parse(&f.bytes()) {
            Ok(_) => format!("{}: UNEXPECTEDLY READ", f.name),
            Err(e) => format!("{}: {e}", f.name),
        })
        .collect();
    insta::assert_snapshot!(report.join("\n"));
}
