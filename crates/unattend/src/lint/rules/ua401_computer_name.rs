//! ## What it checks
//!
//! TODO(UA401): describe.
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

/// UA401 `computer-name`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA401",
    name: "computer-name",
    severity: Severity::Error,
    summary: "more than 15 bytes, forbidden characters, spaces, all digits (* = random is fine)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
