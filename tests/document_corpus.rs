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

/// The recovering parse the linter uses changes nothing on well-formed
/// answer files (same nodes, not marked recovered, so still editable), and
/// on malformed ones either fails like the strict parse or starts its
/// faults with the strict parse's error; either way the text is the file's.
#[test]
fn recovering_parse_agrees_with_the_strict_parse() {
    use unattend::document::{ParseOptions, UNATTEND_NS};
    let options = ParseOptions::default();
    let shape = |d: &Document| -> Vec<String> {
        d.nodes()
            .map(|n| {
                let ns = n.as_element().and_then(|e| e.namespace()).unwrap_or("");
                format!("{:?} {:?} {ns}", n.kind(), n.span())
            })
            .collect()
    };
    let (mut same, mut recovered) = (0, 0);
    for f in corpus_files() {
        let bytes = f.bytes();
        match (
            Document::parse(&bytes),
            Document::parse_recovering(&bytes, &options),
        ) {
            (Ok(strict), Ok(lenient)) => {
                let answer_file = strict.root().namespace() == Some(UNATTEND_NS);
                if answer_file || strict.root().name() != "unattend" {
                    assert!(!lenient.is_recovered(), "{}", f.name);
                    assert_eq!(shape(&strict), shape(&lenient), "{}", f.name);
                    same += 1;
                } else {
                    assert!(lenient.recovery().unwrap().faults.is_empty(), "{}", f.name);
                }
            }
            (Err(err), Ok(lenient)) => {
                let faults = &lenient.recovery().expect("recovered").faults;
                assert_eq!(faults.first(), Some(&err), "{}", f.name);
                assert_eq!(lenient.to_bytes().unwrap(), bytes, "{}", f.name);
                recovered += 1;
            }
            (Err(err), Err(again)) => assert_eq!(err, again, "{}", f.name),
            (Ok(_), Err(e)) => panic!("{}: only the recovering parse fails: {e}", f.name),
        }
    }
    eprintln!("{same} files read the same; {recovered} malformed files recovered");
}
