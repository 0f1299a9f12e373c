//! ## What it checks
//!
//! TODO(UA006): describe.
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

/// UA006 `foreign-element-in-unattend-namespace`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA006",
    name: "foreign-element-in-unattend-namespace",
    severity: Severity::Error,
    summary: "an element the schema does not define (e.g. <Extensions>) is in the unattend namespace",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
