//! Linting the typed model without the caller writing XML.

use super::{Diagnostic, ResolvedConfig, lint_document};
use crate::document::Document;
use crate::model::{Unattend, WriteOptions};

/// Lints an answer file held as a typed [`Unattend`]: the file is written
/// canonically in memory and checked by every rule, exactly as `lint` checks
/// the file the model would write. Each diagnostic's
/// [`path`](Diagnostic::path) names the setting
/// (`/unattend/settings[@pass='specialize']/component[@name='…']/ComputerName`);
/// its line and column refer to the canonical text
/// ([`Unattend::to_xml`] with default options).
///
/// ```
/// use unattend::lint::{lint_model, ResolvedConfig};
/// use unattend::model::components::ShellSetup;
/// use unattend::model::{Arch, Pass, Unattend};
///
/// let mut file = Unattend::new();
/// // ComputerName is a specialize setting, not an oobeSystem one.
/// file.component_mut::<ShellSetup>(Pass::OobeSystem, Arch::Amd64).computer_name =
///     Some("WEB01".into());
/// let findings = lint_model(&file, &ResolvedConfig::default());
/// let finding = findings.iter().find(|d| d.code == "UA201").unwrap();
/// assert!(finding.path.as_deref().unwrap().ends_with("/ComputerName"));
/// ```
pub fn lint_model(file: &Unattend, config: &ResolvedConfig) -> Vec<Diagnostic> {
    let xml = file.to_xml(&WriteOptions::default());
    match Document::parse(xml.as_bytes()) {
        Ok(doc) => lint_document(&doc, config),
        // The canonical writer always produces well-formed XML (tested over
        // the corpus and fuzzed); should it not, lint the text so the fault
        // is reported rather than hidden.
        Err(_) => super::lint_bytes(xml.as_bytes(), config).diagnostics,
    }
}
