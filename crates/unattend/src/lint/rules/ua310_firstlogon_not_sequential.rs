//! ## What it checks
//!
//! TODO(UA310): describe.
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

/// UA310 `firstlogon-not-sequential`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA310",
    name: "firstlogon-not-sequential",
    severity: Severity::Info,
    summary: "FirstLogonCommands assumed sequential (they start together since Windows 10) when Order>1 and no waiting wrapper",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
