//! Static lookup tables (to be written).

use std::path::Path;

use crate::data::Catalog;
use crate::output::GeneratedFile;

/// Where the tables go.
pub const OUT_DIR: &str = "crates/unattend/src/catalog/generated";

/// Generates the catalog tables.
pub fn generate(_catalog: &Catalog, _root: &Path) -> Result<Vec<GeneratedFile>, String> {
    Ok(Vec::new())
}
