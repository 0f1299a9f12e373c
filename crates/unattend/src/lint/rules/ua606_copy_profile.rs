//! ## What it checks
//!
//! TODO(UA606): describe.
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

/// UA606 `copy-profile`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA606",
    name: "copy-profile",
    severity: Severity::Info,
    summary: "CopyProfile=true with known-failing conditions (more than one local profile; Store apps updated) — advisory",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
