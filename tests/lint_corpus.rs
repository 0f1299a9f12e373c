//! The linter over every public corpus file. The snapshots are reviewed by
//! hand: every error must be a real problem the file's author would accept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use unattend::lint::{ResolvedConfig, Severity, lint_bytes};
use unattend_e2e::corpus_files;

#[test]
fn lint_diagnostics_over_the_public_corpus() {
    let files = corpus_files();
    if files.is_empty() {
        return;
    }
    let config = ResolvedConfig::default();
    let mut lines = Vec::new();
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for f in &files {
        let report = lint_bytes(&f.bytes(), &config);
        if f.malformed() {
            // The parse error first, exactly where `unattend check` puts it;
            // then, when the structure is clear enough to read past it, the
            // rest of the file's findings.
            let first = &report.diagnostics[0];
            assert_eq!(first.severity, Severity::Error, "{}", f.name);
            assert!(
                matches!(first.code.as_str(), "UA001" | "UA002" | "UA007"),
                "{}",
                f.name
            );
            let err = unattend::document::Document::parse(&f.bytes()).unwrap_err();
            assert_eq!(first.start, err.position, "{}", f.name);
            if report.document().is_none() {
                assert_eq!(report.diagnostics.len(), 1, "{}", f.name);
            }
        }
        for d in &report.diagnostics {
            *counts
                .entry((d.code.clone(), d.severity.to_string()))
                .or_default() += 1;
            lines.push(format!(
                "{}:{}:{}: {} [{}] {}",
                f.name, d.start.line, d.start.column, d.code, d.severity, d.message
            ));
        }
    }
    insta::assert_snapshot!("corpus_diagnostics", lines.join("\n"));
    let summary: Vec<String> = counts
        .iter()
        .map(|((code, sev), n)| format!("{code} {sev}: {n}"))
        .collect();
    insta::assert_snapshot!("corpus_counts", summary.join("\n"));
}
