//! `lint_bytes` with the default configuration on arbitrary bytes: no panic,
//! every diagnostic renders (its spans are inside the text), and every
//! suggested fix either applies or is refused cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unattend::lint::{ResolvedConfig, lint_bytes, render};

fuzz_target!(|data: &[u8]| {
    let config = ResolvedConfig::default();
    let report = lint_bytes(data, &config);
    let _ = render::full("fuzz.xml", report.text(), &report.diagnostics, false);
    let _ = render::concise("fuzz.xml", &report.diagnostics);
    if let Some(doc) = report.document() {
        for d in &report.diagnostics {
            assert!(
                d.span.end as usize <= doc.text().len(),
                "span outside the text"
            );
            if let Some(fix) = &d.fix {
                let mut fixed = doc.clone();
                let _ = fixed.apply_edits(fix.edits.clone());
            }
        }
    }
});
