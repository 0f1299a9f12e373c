//! ## What it checks
//!
//! TODO(UA104): describe.
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

/// UA104 `public-key-token`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA104",
    name: "public-key-token",
    severity: Severity::Error,
    summary: "not 16 hex digits; Microsoft components use 31bf3856ad364e35",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
