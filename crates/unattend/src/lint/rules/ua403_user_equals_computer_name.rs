//! ## What it checks
//!
//! TODO(UA403): describe.
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

/// UA403 `user-equals-computer-name`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA403",
    name: "user-equals-computer-name",
    severity: Severity::Warning,
    summary: "account name equals ComputerName",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
