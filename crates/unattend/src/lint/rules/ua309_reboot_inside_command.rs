//! ## What it checks
//!
//! TODO(UA309): describe.
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

/// UA309 `reboot-inside-command`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA309",
    name: "reboot-inside-command",
    severity: Severity::Warning,
    summary: "command runs shutdown/restart; use WillReboot or Reseal",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
