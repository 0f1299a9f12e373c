//! ## What it checks
//!
//! TODO(UA110): describe.
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

/// UA110 `removed-component`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA110",
    name: "removed-component",
    severity: Severity::Error,
    summary: "component removed from Windows (Security-Licensing-SLC and friends); suggest replacement",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
