//! ## What it checks
//!
//! TODO(UA209): describe.
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

/// UA209 `deprecated-setting`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA209",
    name: "deprecated-setting",
    severity: Severity::Warning,
    summary: "deprecated setting/component (SkipMachineOOBE, SkipUserOOBE, NetworkLocation, OEMInformation fields…)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
