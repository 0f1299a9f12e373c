//! ## What it checks
//!
//! TODO(UA604): describe.
//!
//! ## Why it matters
//!
//! TODO
//!
//! ## Example
//!
//! ```xml
//! TODO
//! ```
//!
//! ## Fix
//!
//! TODO
//!
//! ## References
//!
//! TODO

use crate::lint::prelude::*;

/// UA604 `pass-ignored-by-sysprep`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA604",
    name: "pass-ignored-by-sysprep",
    severity: Severity::Warning,
    summary: "profile/sysprep command given: settings in windowsPE/offlineServicing (never processed by sysprep), audit passes without /audit",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
