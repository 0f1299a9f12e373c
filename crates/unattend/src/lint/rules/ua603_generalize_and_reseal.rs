//! ## What it checks
//!
//! TODO(UA603): describe.
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

/// UA603 `generalize-and-reseal`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA603",
    name: "generalize-and-reseal",
    severity: Severity::Warning,
    summary: "Generalize and Reseal both present (Reseal ignored)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
