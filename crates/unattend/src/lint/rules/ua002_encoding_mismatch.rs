//! ## What it checks
//!
//! TODO(UA002): describe.
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

/// UA002 `encoding-mismatch`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA002",
    name: "encoding-mismatch",
    severity: Severity::Error,
    summary: "bytes are UTF-16 (or legacy 8-bit) but the declaration says utf-8, or the reverse",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
