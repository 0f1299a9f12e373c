//! ## What it checks
//!
//! TODO(UA306): describe.
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

/// UA306 `command-path-too-long`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA306",
    name: "command-path-too-long",
    severity: Severity::Error,
    summary: "RunSynchronousCommand/Path (and friends) over 259 characters",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
