//! ## What it checks
//!
//! TODO(UA106): describe.
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

/// UA106 `mixed-architectures`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA106",
    name: "mixed-architectures",
    severity: Severity::Warning,
    summary: "components of one file target different architectures (except an x86 windowsPE block alongside amd64 for 32-bit PE, and wow64 pairs), or differ from the configured target arch",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
