//! ## What it checks
//!
//! TODO(UA601): describe.
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

/// UA601 `was-pass-processed`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA601",
    name: "was-pass-processed",
    severity: Severity::Error,
    summary: "wasPassProcessed attribute: the file is a copy Windows Setup already processed and cannot be reused",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
