//! Diagnostics: plain data, no rendering.

use serde::{Deserialize, Serialize};

use crate::document::{LineCol, Span, TextEdit};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice.
    Info,
    /// Works, but risky, deprecated or likely unintended.
    Warning,
    /// Windows Setup fails, silently ignores the setting, or the file is unusable.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not `error`, `warning` or `info`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity {0:?} (expected error, warning or info)")]
pub struct UnknownSeverity(pub String);

impl std::str::FromStr for Severity {
    type Err = UnknownSeverity;

    fn from_str(s: &str) -> Result<Severity, UnknownSeverity> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            _ => Err(UnknownSeverity(s.to_string())),
        }
    }
}

/// A secondary span with its own message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Byte range into the file's decoded text.
    pub span: Span,
    /// Where the span starts.
    pub start: LineCol,
    /// Where the span ends.
    pub end: LineCol,
    /// What this place has to do with the finding.
    pub message: String,
}

/// A suggested fix: text edits against the file's decoded text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the fix does, in a few words.
    pub message: String,
    /// The edits; applying them all makes the fix.
    pub edits: Vec<TextEdit>,
}

/// One finding of one rule in one file.
///
/// Messages never contain password values, product keys or credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `UA201`.
    pub code: String,
    /// Rule name, e.g. `setting-not-valid-in-pass`.
    pub name: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Primary byte range into the file's decoded text.
    pub span: Span,
    /// Where the primary span starts.
    pub start: LineCol,
    /// Where the primary span ends.
    pub end: LineCol,
    /// Secondary spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    /// Element path, e.g.
    /// `/unattend/settings[@pass='specialize']/component[@name='Microsoft-Windows-Shell-Setup']/ComputerName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// A mechanical fix, when one is safe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Sets the help text.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Sets a fix.
    pub fn fix(&mut self, message: impl Into<String>, edits: Vec<TextEdit>) -> &mut Self {
        self.fix = Some(Fix {
            message: message.into(),
            edits,
        });
        self
    }
}
