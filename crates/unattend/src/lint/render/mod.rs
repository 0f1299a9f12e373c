//! Rendering diagnostics for people: `full` (rustc-style snippets) and
//! `concise` (`path:line:col: CODE message`). Machine formats are built on
//! the serde form of [`Diagnostic`](super::Diagnostic).

mod concise;
mod full;

pub use concise::concise;
pub use full::full;
