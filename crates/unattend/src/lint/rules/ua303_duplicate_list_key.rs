//! ## What it checks
//!
//! TODO(UA303): describe.
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

/// UA303 `duplicate-list-key`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA303",
    name: "duplicate-list-key",
    severity: Severity::Error,
    summary: "duplicate Order, wcm:keyValue or other key among siblings",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
