//! The linter: rules with stable codes over a [`Document`] and the catalog,
//! yielding plain [`Diagnostic`]s; rendering is separate ([`render`]).
//!
//! ```
//! use unattend::lint::{lint_bytes, ResolvedConfig};
//!
//! let report = lint_bytes(
//!     br#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobesystem"/></unattend>"#,
//!     &ResolvedConfig::default(),
//! );
//! assert!(report.diagnostics.iter().any(|d| d.code == "UA101"));
//! ```

mod config;
pub(crate) mod context;
mod diagnostic;
mod generated;
mod model;
mod registry;
#[cfg(feature = "render")]
#[cfg_attr(docsrs, doc(cfg(feature = "render")))]
pub mod render;
pub(crate) mod rules;
pub(crate) mod secrets;
mod suppress;
mod template;
mod walk;

#[cfg(all(feature = "config", feature = "schemars"))]
pub use config::config_schema;
#[cfg(feature = "config")]
pub use config::{CONFIG_FILE_NAME, ConfigError, ConfigFile};
pub use config::{Config, Profile, ResolvedConfig};
pub use diagnostic::{Diagnostic, Fix, Label, Severity, UnknownSeverity};
pub use generated::rule_pages as rule_docs;
pub use model::lint_model;
pub use registry::{RuleMeta, rule, rules, select};
pub use template::{TemplateSyntax, Templates};

use crate::document::{Document, ParseError, ParseErrorKind, ParseOptions};

/// What rule code reads (one import for every rule file).
pub(crate) mod prelude {
    #[allow(unused_imports)]
    pub(crate) use super::context::{
        Check, ComponentView, FileCx, PassView, Reporter, SettingView,
    };
    pub(crate) use super::diagnostic::Severity;
    pub(crate) use super::registry::RuleMeta;
    #[allow(unused_imports)]
    pub(crate) use super::secrets::{is_secret, shown};
    #[allow(unused_imports)]
    pub(crate) use crate::catalog::{self, SettingKind, ValueType};
    #[allow(unused_imports)]
    pub(crate) use crate::document::{ElementRef, Span, UNATTEND_NS, WCM_NS};
    #[allow(unused_imports)]
    pub(crate) use crate::model::{Arch, Pass};
}

/// The result of linting one file.
#[derive(Debug)]
pub struct LintReport {
    /// The findings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    document: Option<Document>,
    /// The decoded text when the file did not parse (for rendering).
    fallback_text: String,
}

impl LintReport {
    /// The file's decoded text, which diagnostic spans index.
    pub fn text(&self) -> &str {
        self.document
            .as_ref()
            .map_or(&self.fallback_text, |d| d.text())
    }

    /// The text to show in snippets: [`text`](Self::text) with every secret
    /// value (passwords, product keys, join data) replaced by `*`, byte for
    /// byte, so spans still point at the same places.
    pub fn display_text(&self) -> String {
        match &self.document {
            Some(doc) => secrets::masked(doc),
            None => secrets::masked_raw(&self.fallback_text),
        }
    }

    /// The parsed document: when the file is well-formed, or when it was
    /// read past its faults ([`Document::is_recovered`]; such a document is
    /// for reading only).
    pub fn document(&self) -> Option<&Document> {
        self.document.as_ref()
    }

    /// The most severe finding, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }
}

/// Lints the raw bytes of one answer file.
///
/// A fault that leaves the structure clear (see
/// [`Document::parse_recovering`]) does not stop linting: the faults come
/// first, then every rule's findings on the recovered tree. Other faults are
/// the only finding.
pub fn lint_bytes(bytes: &[u8], config: &ResolvedConfig) -> LintReport {
    let parsed = match Document::parse(bytes) {
        Ok(mut doc) => {
            // Only a root <unattend> outside its namespace changes anything.
            doc.assume_unattend_namespace();
            Ok(doc)
        }
        Err(err) => recover(bytes, err),
    };
    match parsed {
        Ok(doc) => {
            let diagnostics = walk::run(&doc, config);
            LintReport {
                diagnostics,
                document: Some(doc),
                fallback_text: String::new(),
            }
        }
        Err(err) => {
            // An input over the size limit is refused unread: decoding it for
            // snippets would copy all of it (the diagnostic is at 1:1 anyway).
            let text = if err.kind == ParseErrorKind::TooLarge {
                String::new()
            } else {
                crate::document::decode_text(bytes)
                    .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned())
            };
            let mut diagnostics = Vec::new();
            report_parse_error(&err, None, &text, config, &mut diagnostics);
            LintReport {
                diagnostics,
                document: None,
                fallback_text: text,
            }
        }
    }
}

/// The recovered document when `err` is a fault the structure survives and
/// every other fault is one too; otherwise `err`.
fn recover(bytes: &[u8], err: ParseError) -> Result<Document, ParseError> {
    let recoverable = match err.kind {
        ParseErrorKind::Syntax | ParseErrorKind::Reference => true,
        ParseErrorKind::UnboundPrefix => err.message.contains("'wcm'"),
        _ => false,
    };
    if !recoverable {
        return Err(err);
    }
    match Document::parse_recovering(bytes, &ParseOptions::default()) {
        // The first fault is by construction the strict parse's error; were
        // they ever to differ, the strict error alone is the safe report.
        Ok(doc) if doc.recovery().and_then(|r| r.faults.first()) == Some(&err) => Ok(doc),
        _ => Err(err),
    }
}

/// Reports a fault of reading the file (a parse error, or one a recovering
/// parse read past), under the rule it belongs to.
pub(crate) fn report_parse_error(
    err: &ParseError,
    doc: Option<&Document>,
    text: &str,
    config: &ResolvedConfig,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (code, rule): (&str, &'static dyn context::Check) = match err.kind {
        ParseErrorKind::Encoding => (
            rules::ua002_encoding_mismatch::META.code,
            &rules::ua002_encoding_mismatch::Rule,
        ),
        // An undeclared wcm: prefix is the wcm-namespace rule's finding.
        ParseErrorKind::UnboundPrefix if err.message.contains("'wcm'") => (
            rules::ua007_wcm_namespace::META.code,
            &rules::ua007_wcm_namespace::Rule,
        ),
        _ => (
            rules::ua001_xml_not_well_formed::META.code,
            &rules::ua001_xml_not_well_formed::Rule,
        ),
    };
    if let Some(severity) = config.severity_of(code) {
        let mut out = context::Reporter {
            doc,
            text,
            rule: rule.meta(),
            severity,
            overridden: severity != rule.meta().severity,
            out: diagnostics,
        };
        rules::ua001_xml_not_well_formed::report_parse_error(err, text, config, &mut out);
    }
}

/// Lints an already parsed document.
///
/// ```
/// use unattend::Document;
/// use unattend::lint::{ResolvedConfig, Severity, lint_document};
///
/// let doc = Document::parse_str(r#"<unattend xmlns="urn:schemas-microsoft-com:unattend">
///   <settings pass="specialize">
///     <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
///         publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
///       <ComputerName>THIS-NAME-IS-FAR-TOO-LONG</ComputerName>
///     </component>
///   </settings>
/// </unattend>"#)?;
/// let findings = lint_document(&doc, &ResolvedConfig::default());
/// assert!(findings.iter().any(|d| d.severity == Severity::Error && d.start.line == 5));
/// # Ok::<(), unattend::ParseError>(())
/// ```
pub fn lint_document(doc: &Document, config: &ResolvedConfig) -> Vec<Diagnostic> {
    walk::run(doc, config)
}
