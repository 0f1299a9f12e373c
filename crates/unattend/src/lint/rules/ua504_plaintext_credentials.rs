//! ## What it checks
//!
//! TODO(UA504): describe.
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

/// UA504 `plaintext-credentials`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA504",
    name: "plaintext-credentials",
    severity: Severity::Info,
    summary: "domain join / RunSynchronous credentials / product keys in clear — cannot be hidden",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
