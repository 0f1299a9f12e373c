//! ## What it checks
//!
//! TODO(UA008): describe.
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

/// UA008 `template-placeholder`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA008",
    name: "template-placeholder",
    severity: Severity::Info,
    summary: "file or value contains template syntax (${x}, {{ x }}, {% %}, @X@, %X%) — reported once as info",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
