//! ## What it checks
//!
//! TODO(UA302): describe.
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

/// UA302 `invalid-wcm-action`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA302",
    name: "invalid-wcm-action",
    severity: Severity::Error,
    summary: "action not add/modify/remove; modify/remove in a standalone file with nothing to modify",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
