//! Specs: an answer file written for people, in YAML, TOML or JSON.
//!
//! ```yaml
//! # yaml-language-server: $schema=…/unattend-spec.schema.json
//! arch: amd64
//! specialize:
//!   Microsoft-Windows-Shell-Setup:
//!     ComputerName: WEB01
//!   Microsoft-Windows-Deployment:
//!     RunSynchronous:
//!       - Path: cmd /c C:\Setup\first.cmd
//! ```
//!
//! * Passes are top-level keys, components are keyed by name, settings by
//!   their exact XML element name.
//! * Identity attributes are implied: `arch` at the top (one architecture or
//!   a list, default `amd64`) applies to every component; a component may
//!   override it with its own `arch`. `publicKeyToken`, `language` and
//!   `versionScope` take Microsoft's values unless a component sets
//!   `"@language"` and so on.
//! * Lists are plain arrays: items get `wcm:action="add"` unless they say
//!   `"@wcm:action"`, and items keyed by `Order` are numbered 1, 2, … when
//!   they leave it out. Items that are only a value (`IpAddress`) may be
//!   written as the value; their `wcm:keyValue` is then 1, 2, ….
//! * Any value may be `{ env: NAME }` or `{ file: path }` so secrets stay
//!   out of the spec; `hidePasswords: true` writes every plain-text password
//!   hidden the way Windows SIM does (obfuscation, not encryption).
//! * Keys starting with `@` are XML attributes; `xml` holds raw XML for
//!   content the catalog does not describe (what [`write`](fn@write) emits for such
//!   content, so converting a file drops nothing).
//!
//! Every other key is an error, reported with its line and column and a
//! "did you mean" when a known name is close; [`read`] reports every error
//! of a spec at once. [`schema`] is the pass-aware JSON Schema editors use
//! to complete and check a spec as it is typed.
//!
//! ```
//! use unattend::spec::{self, Format, ReadOptions};
//!
//! let text = "arch: amd64\nspecialize:\n  Microsoft-Windows-Shell-Setup:\n    ComputerName: WEB01\n";
//! let built = spec::read(text, Format::Yaml, &ReadOptions::default()).unwrap();
//! let xml = built.to_xml(&Default::default());
//! assert!(xml.contains("<ComputerName>WEB01</ComputerName>"));
//!
//! let errors = spec::read("specialise: {}\n", Format::Yaml, &ReadOptions::default()).unwrap_err();
//! assert_eq!(errors[0].to_string(), "1:1: unknown key `specialise`; did you mean `specialize`?");
//! ```

mod build;
mod convert;
mod schema;
mod tree;

use std::fmt;
use std::path::Path;

use crate::document::{Document, LineCol};
use crate::lint::Diagnostic;
use crate::model::{Element, Unattend, WriteOptions};

pub use convert::{SCHEMA_REF, WriteSpecOptions, write};
pub use schema::schema;

/// Spec formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// TOML (`.toml`).
    Toml,
    /// YAML (`.yaml`, `.yml`).
    Yaml,
    /// JSON (`.json`).
    Json,
}

impl Format {
    /// The format a file's extension names, if any.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A problem with a spec, at a line and column of the spec text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{position}: {message}")]
pub struct SpecError {
    /// The class of problem.
    pub kind: SpecErrorKind,
    /// Where (1-based line and column in Unicode scalar values).
    pub position: LineCol,
    /// What is wrong and, where possible, what to write instead.
    pub message: String,
}

impl SpecError {
    pub(crate) fn new(kind: SpecErrorKind, position: LineCol, message: impl Into<String>) -> Self {
        SpecError {
            kind,
            position,
            message: message.into(),
        }
    }
}

/// Classes of [`SpecError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SpecErrorKind {
    /// The text is not valid YAML, TOML or JSON.
    Syntax,
    /// A key that is no pass, component, setting or spec keyword there.
    UnknownKey,
    /// The same key twice in one map.
    DuplicateKey,
    /// A map where a value belongs, a list where a map belongs, and so on.
    WrongShape,
    /// A value the spec cannot use (an unknown architecture, a number with a
    /// fraction, an attribute prefix without a namespace).
    InvalidValue,
    /// An `{ env: … }` or `{ file: … }` that cannot be resolved.
    Secret,
    /// An `xml` value that is not well-formed XML.
    InvalidXml,
}

/// Where `{ env: … }` and `{ file: … }` values come from. The library does no
/// I/O of its own: the caller decides how files are read (and bounded).
pub trait Secrets {
    /// The value of an environment variable, `None` when it is not set.
    fn env(&self, name: &str) -> Option<String>;
    /// The contents of a file named in the spec; the error names the file
    /// and says why it cannot be read.
    fn file(&self, path: &str) -> Result<String, String>;
}

/// No secrets at all: every `{ env }` and `{ file }` is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSecrets;

impl Secrets for NoSecrets {
    fn env(&self, _: &str) -> Option<String> {
        None
    }

    fn file(&self, _: &str) -> Result<String, String> {
        Err("secret files are not available here".to_string())
    }
}

/// How [`read`] builds an answer file from a spec.
pub struct ReadOptions<'a> {
    /// Resolves `{ env }` and `{ file }` values.
    pub secrets: &'a dyn Secrets,
    /// Hide every plain-text password (as if the spec said
    /// `hidePasswords: true`).
    pub hide_passwords: bool,
}

impl Default for ReadOptions<'_> {
    fn default() -> Self {
        ReadOptions {
            secrets: &NoSecrets,
            hide_passwords: false,
        }
    }
}

impl fmt::Debug for ReadOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadOptions")
            .field("hide_passwords", &self.hide_passwords)
            .finish_non_exhaustive()
    }
}

/// The answer file a spec describes, with the spec position of every element
/// so linter findings on the built file can point into the spec.
#[derive(Debug, Clone)]
pub struct BuiltSpec {
    root: Element,
    /// The spec position of each element of `root`, in document order.
    origins: Vec<LineCol>,
    hidden: usize,
}

impl BuiltSpec {
    /// The answer file as the typed model.
    pub fn unattend(&self) -> Unattend {
        Unattend::from_element(&self.root)
    }

    /// The answer file as a generic `<unattend>` element, in spec order.
    pub fn element(&self) -> &Element {
        &self.root
    }

    /// The answer file's text. Elements are written in spec order (passes in
    /// processing order), which [`locate`](Self::locate) relies on.
    pub fn to_xml(&self, options: &WriteOptions) -> String {
        crate::model::write_document(&self.root, options)
    }

    /// How many passwords were hidden (`hidePasswords`).
    pub fn hidden_passwords(&self) -> usize {
        self.hidden
    }

    /// Where in the spec the element holding byte `offset` of the built file
    /// (`built` = [`to_xml`](Self::to_xml) parsed) was written.
    pub fn locate_offset(&self, built: &Document, offset: u32) -> Option<LineCol> {
        let mut found = None;
        for (i, el) in built.elements().enumerate() {
            let span = el.span();
            if span.start <= offset && offset < span.end.max(span.start + 1) {
                found = Some(i);
            } else if span.start > offset {
                break;
            }
        }
        found.and_then(|i| self.origins.get(i).copied())
    }

    /// Where in the spec a linter finding on the built file belongs.
    pub fn locate(&self, built: &Document, diagnostic: &Diagnostic) -> Option<LineCol> {
        self.locate_offset(built, diagnostic.span.start)
    }
}

/// Reads a spec and builds the answer file it describes. Every problem of
/// the spec is reported, in text order; nothing is built when there is one.
pub fn read(
    text: &str,
    format: Format,
    options: &ReadOptions<'_>,
) -> Result<BuiltSpec, Vec<SpecError>> {
    let tree = tree::parse(text, format).map_err(|e| vec![e])?;
    build::build(&tree, options)
}
