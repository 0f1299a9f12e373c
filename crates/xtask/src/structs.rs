//! Typed structs, one module per component (work in progress).

use crate::data::Catalog;
use crate::output::GeneratedFile;

/// Where the typed component modules go.
pub const OUT_DIR: &str = "crates/unattend/src/model/generated";

/// Generates the typed component modules.
pub fn generate(_catalog: &Catalog) -> Result<Vec<GeneratedFile>, String> {
    Ok(Vec::new())
}
