//! ## What it checks
//!
//! TODO(UA502): describe.
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

/// UA502 `hidden-password-suffix`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA502",
    name: "hidden-password-suffix",
    severity: Severity::Error,
    summary: "PlainText=false value whose decoded text does not end with the element name (Password, AdministratorPassword)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
