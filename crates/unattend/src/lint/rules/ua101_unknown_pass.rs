//! ## What it checks
//!
//! That every `<settings pass="…">` names one of the seven configuration
//! passes, with its exact casing: `windowsPE`, `offlineServicing`,
//! `generalize`, `specialize`, `auditSystem`, `auditUser`, `oobeSystem`,
//! and that `pass` is there at all. A name that is a near-miss of a real pass
//! (`oobesystem`, `specialise`) is an error with a "did you mean".
//!
//! `pass="disabled"` (or `disable`, `off`, `none`) is how some tools switch a
//! block off, and media built that way install: it is reported as info, to
//! say the block is never processed. Any other unknown name is an error.
//!
//! ## Why it matters
//!
//! Windows Setup matches pass names exactly; a pass it does not know is never
//! processed, so none of its settings apply, and Setup says nothing.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="oobesystem">
//! ```
//!
//! ## Fix
//!
//! Use the exact name:
//!
//! ```xml
//! <settings pass="oobeSystem">
//! ```
//!
//! ## Evidence
//!
//! Error: the answer-file schema enumerates the seven passes and
//! Microsoft's "Windows Setup configuration passes" page names no other.
//! Info for a deliberate `disabled`: files switched off that way are known
//! to install (Setup skips the block), so nothing fails.
//!
//! ## References
//!
//! - Windows Setup configuration passes, Microsoft Learn

use crate::lint::prelude::*;

/// UA101 `unknown-pass`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA101",
    name: "unknown-pass",
    severity: Severity::Error,
    summary: "pass is not one of the seven configuration passes (exact casing)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pass(&self, _cx: &FileCx<'_>, pass: &PassView<'_>, out: &mut Reporter<'_>) {
        if pass.pass.is_some() {
            return;
        }
        let Some(attr) = pass.el.attribute_ns(None, "pass") else {
            out.at(pass.el, "<settings> has no pass attribute")
                .help("add pass=\"…\" with one of windowsPE, offlineServicing, generalize, specialize, auditSystem, auditUser, oobeSystem");
            return;
        };
        let value = attr.value();
        let trimmed = value.trim();
        if is_switched_off(trimmed) {
            out.report_as(
                Severity::Info,
                Some(pass.el),
                attr.value_span(),
                format!("pass={value:?}: this block is never processed"),
            )
            .help("Setup skips a <settings> block whose pass it does not know; delete the block if it is not needed any more");
            return;
        }
        let d = out.report(Some(pass.el), attr.value_span(), format!("unknown configuration pass {value:?}"));
        match Pass::from_str_ignore_case(trimmed).or_else(|| near_miss(trimmed)) {
            Some(p) => {
                let why = if p.as_str().eq_ignore_ascii_case(trimmed) {
                    "pass names are case-sensitive"
                } else {
                    "pass names must be spelt exactly"
                };
                d.help(format!("did you mean {:?}? {why}", p.as_str()));
                let edit = crate::document::TextEdit {
                    span: attr.value_span(),
                    replacement: p.as_str().to_string(),
                };
                d.fix(format!("write pass=\"{p}\""), vec![edit]);
            }
            None => {
                d.help("one of windowsPE, offlineServicing, generalize, specialize, auditSystem, auditUser, oobeSystem");
            }
        }
    }
}

/// Names tools write to switch a `<settings>` block off on purpose.
fn is_switched_off(name: &str) -> bool {
    ["disabled", "disable", "off", "none"].iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// The pass within an edit distance of 2 of `name` (a misspelling).
fn near_miss(name: &str) -> Option<Pass> {
    Pass::ALL
        .into_iter()
        .map(|p| (crate::catalog::edit_distance_ignore_case(p.as_str(), name), p))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p)
}
