//! ## What it checks
//!
//! TODO(UA109): describe.
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

/// UA109 `component-casing`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA109",
    name: "component-casing",
    severity: Severity::Warning,
    summary: "component or setting name differs from the canonical casing only (e.g. Microsoft-Windows-PnPSysprep)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
