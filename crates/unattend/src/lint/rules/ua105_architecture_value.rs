//! ## What it checks
//!
//! TODO(UA105): describe.
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

/// UA105 `architecture-value`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA105",
    name: "architecture-value",
    severity: Severity::Error,
    summary: "processorArchitecture not x86, amd64, arm64, ia64 or wow64",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
