//! ## What it checks
//!
//! TODO(UA103): describe.
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

/// UA103 `component-attributes`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA103",
    name: "component-attributes",
    severity: Severity::Error,
    summary: "name, processorArchitecture, publicKeyToken, language missing; versionScope not nonSxS",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
