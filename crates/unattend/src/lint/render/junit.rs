//! JUnit XML: one test suite, one test case per file, a failure per finding.

use super::FileResult;
use crate::document::{escape_attribute, escape_text};

/// A JUnit report CI systems display as test results.
pub fn junit(files: &[FileResult<'_>]) -> String {
    let failures: usize = files.iter().map(|f| f.diagnostics.len()).sum();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"unattend\" tests=\"{}\" failures=\"{failures}\">\n  <testsuite name=\"unattend lint\" tests=\"{}\" failures=\"{failures}\">\n",
        files.len(),
        files.len()
    );
    for f in files {
        let name = escape_attribute(f.path, '"');
        if f.diagnostics.is_empty() {
            out.push_str(&format!(
                "    <testcase name=\"{name}\" classname=\"unattend\"/>\n"
            ));
            continue;
        }
        out.push_str(&format!(
            "    <testcase name=\"{name}\" classname=\"unattend\">\n"
        ));
        for d in f.diagnostics {
            let message = format!(
                "{}:{}: {} {}",
                d.start.line, d.start.column, d.code, d.message
            );
            out.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {} [{}] {}</failure>\n",
                d.severity,
                escape_attribute(&message, '"'),
                escape_text(f.path),
                d.start.line,
                d.start.column,
                d.code,
                d.name,
                escape_text(&d.message)
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
