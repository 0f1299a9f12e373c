//! ## What it checks
//!
//! TODO(UA007): describe.
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

/// UA007 `wcm-namespace`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA007",
    name: "wcm-namespace",
    severity: Severity::Error,
    summary: "wcm: prefix undeclared, or bound to a URI other than http://schemas.microsoft.com/WMIConfig/2002/State (typos, https)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
