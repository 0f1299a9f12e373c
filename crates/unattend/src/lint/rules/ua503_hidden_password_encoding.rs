//! ## What it checks
//!
//! TODO(UA503): describe.
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

/// UA503 `hidden-password-encoding`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA503",
    name: "hidden-password-encoding",
    severity: Severity::Error,
    summary: "PlainText=false but not base64 of UTF-16LE",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
