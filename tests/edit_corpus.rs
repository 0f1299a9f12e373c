//! `set` over every public corpus answer file keeps every comment, element,
//! attribute and value that was there, and only adds what it must.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::{Document, NodeKind, UNATTEND_NS};
use unattend::edit::{SettingPath, get, set};
use unattend::model::{Arch, Element};
use unattend_e2e::{content_lines, corpus_files};

#[test]
fn set_preserves_everything_on_the_public_corpus() {
    let paths: Vec<SettingPath> = [
        "specialize/Microsoft-Windows-Shell-Setup/ComputerName",
        "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=499]/Path",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let mut edited = 0;
    for f in corpus_files().iter().filter(|f| !f.malformed()) {
        let original = Document::parse(&f.bytes()).unwrap();
        if !original.root().is(UNATTEND_NS, "unattend") {
            continue;
        }
        let comments: Vec<&str> = original
            .nodes()
            .filter(|n| n.kind() == NodeKind::Comment)
            .map(|n| n.raw())
            .collect();
        let before = content_lines(&Element::from_document(original.root()));
        let mut doc = original.clone();
        for path in &paths {
            // Files with a component for several architectures need --arch.
            let arch = match get(&doc, path, None) {
                Err(unattend::edit::PathError::AmbiguousArch { .. }) => Some(Arch::Amd64),
                _ => None,
            };
            set(&mut doc, path, "STAMPED-&-<value>", arch)
                .unwrap_or_else(|e| panic!("{}: {e}", f.name));
            assert_eq!(
                get(&doc, path, arch).unwrap().as_deref(),
                Some("STAMPED-&-<value>"),
                "{}",
                f.name
            );
        }
        let after_comments: Vec<&str> = doc
            .nodes()
            .filter(|n| n.kind() == NodeKind::Comment)
            .map(|n| n.raw())
            .collect();
        assert_eq!(comments, after_comments, "{}: comments changed", f.name);
        let after = content_lines(&Element::from_document(doc.root()));
        // An element that was empty (or held only whitespace) and gained
        // children is kept, not lost: its whitespace became layout.
        let gained_children = |path: &str| after.iter().any(|a| a.starts_with(&format!("{path}/")));
        let kept = |line: &String| {
            after.contains(line)
                || line.strip_suffix(" (empty)").is_some_and(gained_children)
                || line.rsplit_once(" = ").is_some_and(|(path, value)| {
                    value
                        .trim_matches('"')
                        .replace("\\n", "")
                        .replace("\\r", "")
                        .replace("\\t", "")
                        .trim()
                        .is_empty()
                        && gained_children(path)
                })
        };
        let missing: Vec<&String> = before
            .iter()
            .filter(|l| !kept(l) && !l.contains("}ComputerName[]"))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: lost content:\n{missing:#?}",
            f.name
        );
        // The file still writes back in its own encoding.
        doc.to_bytes().unwrap_or_else(|e| panic!("{}: {e}", f.name));
        edited += 1;
    }
    if !corpus_files().is_empty() {
        assert!(edited > 150, "only {edited} files edited");
    }
}
