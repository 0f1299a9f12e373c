//! Linting past fatal faults. Each fixture in `tests/fixtures/recovery/` has
//! one fault of a kind the recovering parse reads past and a second, real
//! fault elsewhere that the linter must now report too, at its exact
//! position. A recovered tree is for reading only: every edit refuses it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use unattend::document::{
    AssumedNamespace, Document, EditError, InsertPosition, ParseErrorKind, ParseOptions, TextEdit,
};
use unattend::edit::{self, PathError, SettingPath};
use unattend::lint::{ResolvedConfig, Severity, lint_bytes, render};
use unattend::model::{ModelErrorKind, Unattend};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/recovery")
}

/// A finding: code, line, column.
type At = (&'static str, u32, u32);

struct Case {
    file: &'static str,
    /// The fatal findings, which come first, in this order.
    fatal: &'static [At],
    /// Findings of the rest of the file that recovery makes visible.
    also: &'static [At],
}

const CASES: &[Case] = &[
    Case {
        file: "comment-before-declaration.xml",
        fatal: &[("UA001", 2, 1)],
        also: &[("UA401", 6, 21)],
    },
    Case {
        file: "text-before-declaration.xml",
        fatal: &[("UA001", 1, 1)],
        also: &[("UA404", 6, 17)],
    },
    Case {
        file: "root-without-namespace.xml",
        fatal: &[("UA005", 2, 2)],
        also: &[("UA201", 5, 8)],
    },
    Case {
        file: "root-in-other-namespace.xml",
        fatal: &[("UA005", 2, 2)],
        also: &[("UA401", 5, 21)],
    },
    Case {
        file: "unescaped-ampersand.xml",
        fatal: &[("UA001", 8, 33)],
        also: &[("UA404", 15, 17)],
    },
    Case {
        // A stray end tag inside a component, and a second </unattend>.
        file: "stray-end-tag.xml",
        fatal: &[("UA001", 5, 42), ("UA001", 17, 1)],
        also: &[("UA204", 12, 23)],
    },
    Case {
        file: "mismatched-end-tag.xml",
        fatal: &[("UA001", 5, 27)],
        also: &[("UA404", 6, 17)],
    },
    Case {
        // </OOBE> is missing: </component> closes both.
        file: "missing-end-tag.xml",
        fatal: &[("UA001", 7, 5)],
        also: &[("UA401", 11, 21)],
    },
    Case {
        // Reported once, though two list items use the prefix.
        file: "undeclared-wcm-prefix.xml",
        fatal: &[("UA007", 6, 32)],
        also: &[("UA303", 11, 18)],
    },
];

fn read(file: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(file)).unwrap()
}

fn at(d: &unattend::lint::Diagnostic) -> (String, u32, u32) {
    (d.code.clone(), d.start.line, d.start.column)
}

fn owned(a: &At) -> (String, u32, u32) {
    (a.0.to_string(), a.1, a.2)
}

#[test]
fn each_fatal_kind_comes_first_and_the_rest_of_the_file_is_linted() {
    let mut rendered = Vec::new();
    for case in CASES {
        let bytes = read(case.file);
        let report = lint_bytes(&bytes, &ResolvedConfig::default());
        let found: Vec<_> = report.diagnostics.iter().map(at).collect();
        let n = case.fatal.len();
        let fatal: Vec<_> = case.fatal.iter().map(owned).collect();
        assert_eq!(found.get(..n), Some(&fatal[..]), "{}: {found:?}", case.file);
        for d in &report.diagnostics[..n] {
            assert_eq!(d.severity, Severity::Error, "{}: {d:?}", case.file);
        }
        for a in case.also {
            assert!(
                found[n..].contains(&owned(a)),
                "{}: {a:?} not reported after the fatal findings: {found:?}",
                case.file
            );
        }
        // Nothing else from the fatal rules: one cause, one finding.
        let fatal_codes: Vec<&str> = case.fatal.iter().map(|a| a.0).collect();
        assert!(
            found[n..]
                .iter()
                .all(|(c, ..)| !fatal_codes.contains(&c.as_str())),
            "{}: {found:?}",
            case.file
        );
        // The first finding is what the strict parse (and `unattend check`)
        // reports, message and position alike.
        match Document::parse(&bytes) {
            Err(err) => {
                let first = &report.diagnostics[0];
                assert!(first.message.starts_with(&err.message), "{}", case.file);
                assert_eq!(first.start, err.position, "{}", case.file);
            }
            Ok(doc) => assert_ne!(
                doc.root().namespace(),
                Some(unattend::document::UNATTEND_NS)
            ),
        }
        let doc = report.document().expect("a recovered document");
        assert!(doc.is_recovered(), "{}", case.file);
        rendered.push(render::full(
            &format!("tests/fixtures/recovery/{}", case.file),
            &report.display_text(),
            &report.diagnostics,
            false,
        ));
    }
    insta::assert_snapshot!("recovered_fixtures", rendered.join("\n"));
}

#[test]
fn the_recovered_tree_reads_what_the_author_meant() {
    let options = ParseOptions::default();
    let doc = Document::parse_recovering(&read("unescaped-ampersand.xml"), &options).unwrap();
    let path = doc.elements().find(|e| e.local_name() == "Path").unwrap();
    assert_eq!(path.text().as_deref(), Some("cmd /c echo one & echo two"));
    let faults = &doc.recovery().unwrap().faults;
    assert_eq!(faults.len(), 1);
    assert_eq!(faults[0].kind, ParseErrorKind::Reference);

    let doc = Document::parse_recovering(&read("root-without-namespace.xml"), &options).unwrap();
    let recovery = doc.recovery().unwrap();
    assert!(recovery.faults.is_empty());
    assert_eq!(recovery.root_namespace, Some(AssumedNamespace::Missing));
    assert!(doc.root().is(unattend::document::UNATTEND_NS, "unattend"));
    let doc = Document::parse_recovering(&read("root-in-other-namespace.xml"), &options).unwrap();
    assert_eq!(
        doc.recovery().unwrap().root_namespace,
        Some(AssumedNamespace::Other(
            "urn:schemas-microsoft-com:unattended".into()
        ))
    );

    // The stray </ComputerName> is skipped: RegisteredOwner stays a sibling.
    let doc = Document::parse_recovering(&read("stray-end-tag.xml"), &options).unwrap();
    let owner = doc
        .elements()
        .find(|e| e.local_name() == "RegisteredOwner")
        .unwrap();
    assert_eq!(owner.parent().unwrap().local_name(), "component");
    // The missing </OOBE> ends where </component> starts.
    let doc = Document::parse_recovering(&read("missing-end-tag.xml"), &options).unwrap();
    let oobe = doc.elements().find(|e| e.local_name() == "OOBE").unwrap();
    assert_eq!(oobe.parent().unwrap().local_name(), "component");
    assert_eq!(oobe.end_tag_span().map(|s| s.len()), Some(0));
    assert_eq!(
        doc.line_col(oobe.span().end as usize).to_string(),
        "7:5",
        "the implicit end is where the enclosing end tag starts"
    );
    // The misspelled </Computername> closes ComputerName.
    let doc = Document::parse_recovering(&read("mismatched-end-tag.xml"), &options).unwrap();
    let name = doc
        .elements()
        .find(|e| e.local_name() == "ComputerName")
        .unwrap();
    assert_eq!(name.text().as_deref(), Some("WS-042"));
    // Text and comments before `<?xml`: the declaration is still found.
    for file in [
        "comment-before-declaration.xml",
        "text-before-declaration.xml",
    ] {
        let doc = Document::parse_recovering(&read(file), &options).unwrap();
        let decl = doc.declaration().expect("the declaration");
        assert!(doc.slice(decl).unwrap().starts_with("<?xml"), "{file}");
        assert_eq!(doc.recovery().unwrap().faults.len(), 1, "{file}");
    }
}

#[test]
fn a_recovered_document_refuses_every_edit_and_keeps_its_bytes() {
    let options = ParseOptions::default();
    for case in CASES {
        let bytes = read(case.file);
        let mut doc = Document::parse_recovering(&bytes, &options).unwrap();
        assert!(doc.is_recovered(), "{}", case.file);
        // Reading never changes the text: spans and write-back are the file's.
        assert_eq!(doc.to_bytes().unwrap(), bytes, "{}", case.file);
        let root = doc.root().id();
        let leaf = doc
            .elements()
            .find(|e| !e.has_child_elements())
            .unwrap()
            .id();
        let child = doc.root().child_elements().next().unwrap().id();
        let refused = |r: Result<(), EditError>| matches!(r, Err(EditError::Recovered));
        assert!(refused(doc.clone().set_text(leaf, "x")), "{}", case.file);
        assert!(refused(doc.set_text_edits(leaf, "x").map(drop)));
        assert!(refused(doc.clone().set_attribute(root, "a", "b")));
        assert!(refused(doc.clone().remove_attribute(root, "a").map(drop)));
        assert!(refused(doc.clone().remove_element(child)));
        assert!(refused(
            doc.clone()
                .insert_element(root, InsertPosition::LastChild, "<x/>")
                .map(drop)
        ));
        assert!(refused(doc.clone().apply_edits(Vec::new())));
        assert!(refused(doc.clone().apply_edits(vec![TextEdit {
            span: doc.root().name_span(),
            replacement: "unattend".into(),
        }])));
        // The high-level `set`, even where the value is already there.
        let path: SettingPath = "specialize/Microsoft-Windows-Shell-Setup/ComputerName"
            .parse()
            .unwrap();
        assert!(matches!(
            edit::set(&mut doc, &path, "WS-042", None),
            Err(PathError::Edit(EditError::Recovered))
        ));
        // Nor can a model read from it be written back as the file.
        let err = Unattend::from_document(&doc).unwrap_err();
        assert_eq!(err.kind, ModelErrorKind::Recovered, "{}", case.file);
        assert_eq!(doc.to_bytes().unwrap(), bytes, "{}", case.file);
    }
}

#[test]
fn well_formed_files_read_the_same_with_or_without_recovery() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut compared = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "xml") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let Ok(strict) = Document::parse(&bytes) else {
            continue;
        };
        let recovering = Document::parse_recovering(&bytes, &ParseOptions::default()).unwrap();
        let in_ns = strict.root().namespace() == Some(unattend::document::UNATTEND_NS);
        assert_eq!(
            recovering.is_recovered(),
            !in_ns && strict.root().name() == "unattend"
        );
        let shape = |d: &Document| -> Vec<String> {
            d.nodes()
                .map(|n| {
                    let ns = n.as_element().and_then(|e| e.namespace()).unwrap_or("");
                    format!(
                        "{:?} {:?} {:?} {ns}",
                        n.kind(),
                        n.span(),
                        n.parent().map(|p| p.id().index())
                    )
                })
                .collect()
        };
        if in_ns {
            assert_eq!(shape(&strict), shape(&recovering), "{}", path.display());
            assert!(
                recovering
                    .clone()
                    .set_text(recovering.root().id(), "")
                    .is_err_and(|e| !matches!(e, EditError::Recovered))
            );
        }
        compared += 1;
    }
    assert!(compared > 100, "only {compared} fixtures read");
}

#[test]
fn faults_that_hide_the_structure_stay_the_only_finding() {
    let ns = r#"<unattend xmlns="urn:schemas-microsoft-com:unattend">"#;
    let inputs = [
        // An attribute without a value: where does the tag end?
        format!("{ns}<settings pass></settings></unattend>"),
        // A DOCTYPE is refused, never read past.
        format!("<!DOCTYPE x [<!ENTITY a 'b'>]>{ns}</unattend>"),
        // A second root.
        format!("{ns}</unattend><unattend/>"),
        // An undeclared prefix other than wcm.
        format!("{ns}<settings pass=\"specialize\" x:y=\"1\"/></unattend>"),
        // More faults than an answer file with a few slips has.
        format!("{ns}<a>{}</a></unattend>", "& ".repeat(40)),
    ];
    for input in &inputs {
        let report = lint_bytes(input.as_bytes(), &ResolvedConfig::default());
        assert_eq!(
            report.diagnostics.len(),
            1,
            "{input}: {:?}",
            report.diagnostics
        );
        assert!(report.document().is_none(), "{input}");
        let err = Document::parse(input.as_bytes()).unwrap_err();
        assert_eq!(report.diagnostics[0].start, err.position, "{input}");
    }
}

#[test]
fn a_file_without_faults_is_not_recovered() {
    let bytes = br#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"/></unattend>"#;
    let report = lint_bytes(bytes, &ResolvedConfig::default());
    assert!(!report.document().unwrap().is_recovered());
    let mut doc = Document::parse_recovering(bytes, &ParseOptions::default()).unwrap();
    assert!(doc.recovery().is_none());
    let root = doc.root().id();
    doc.set_attribute(root, "xmlns:wcm", unattend::document::WCM_NS)
        .unwrap();
}

#[test]
fn parse_faults_lead_then_the_missing_namespace_then_the_rest() {
    let input = "<unattend>\n  <settings pass=\"specialize\">\n    <a>x & y</a>\n  </settings>\n  <settings pass=\"specialize\"/>\n</unattend>\n";
    let report = lint_bytes(input.as_bytes(), &ResolvedConfig::default());
    let found: Vec<_> = report.diagnostics.iter().map(at).collect();
    let expected = [("UA001", 3, 10), ("UA005", 1, 2)];
    assert_eq!(
        found.get(..2),
        Some(&expected.iter().map(owned).collect::<Vec<_>>()[..]),
        "{found:?}"
    );
    // The duplicate pass is found although the file has neither a
    // well-formed body nor the namespace.
    assert!(found[2..].contains(&owned(&("UA102", 5, 19))), "{found:?}");
    assert_eq!(found.iter().filter(|f| f.0 == "UA005").count(), 1);
}
