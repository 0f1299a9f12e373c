//! Rendering diagnostics, one file per format: `full` (rustc-style
//! snippets) and `concise` for people; `json`, `json_lines`, `sarif`,
//! `github` and `junit` for machines. Machine formats take every file at
//! once and use paths as given (the CLI makes them relative to the working
//! directory).

mod concise;
mod full;
mod github;
mod json;
mod junit;
mod sarif;

pub use concise::concise;
pub use full::full;
pub use github::github;
pub use json::{json, json_lines};
pub use junit::junit;
pub use sarif::sarif;

use super::Diagnostic;

/// The findings of one file, for the machine formats.
#[derive(Debug, Clone, Copy)]
pub struct FileResult<'a> {
    /// The path to report (relative to the working directory where possible).
    pub path: &'a str,
    /// Its diagnostics.
    pub diagnostics: &'a [Diagnostic],
}
