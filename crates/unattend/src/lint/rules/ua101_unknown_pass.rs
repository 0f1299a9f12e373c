//! ## What it checks
//!
//! That every `<settings pass="…">` names one of the seven configuration
//! passes, with its exact casing: `windowsPE`, `offlineServicing`,
//! `generalize`, `specialize`, `auditSystem`, `auditUser`, `oobeSystem`. It
//! also catches `pass="disabled"`-style tricks and a missing `pass`.
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
        let d = out.report(Some(pass.el), attr.value_span(), format!("unknown configuration pass {value:?}"));
        match Pass::from_str_ignore_case(value.trim()) {
            Some(p) => {
                d.help(format!("did you mean {:?}? pass names are case-sensitive", p.as_str()));
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
