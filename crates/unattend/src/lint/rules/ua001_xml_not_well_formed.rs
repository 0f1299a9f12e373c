//! ## What it checks
//!
//! That the file is well-formed XML: every `&` starts a reference such as
//! `&amp;`, every `<` starts markup, tags are closed in order, attribute
//! values are quoted, names are valid, namespace prefixes are declared, and
//! nothing but whitespace and comments surrounds the root element. DOCTYPE
//! declarations are refused (answer files never need them, and entity
//! expansion is a denial-of-service vector).
//!
//! ## Why it matters
//!
//! Windows Setup reads the file with a strict XML parser. A single unescaped
//! `&` in a command line makes the whole file unreadable, and Setup stops
//! with "Windows could not parse or process the unattend answer file" —
//! often an hour into an image build.
//!
//! A fault that leaves the structure clear — an unescaped `&`, text or
//! comments before `<?xml`, a stray, misspelled or missing end tag, an
//! undeclared `wcm:` prefix — does not stop the linter: it is reported first,
//! then every other rule runs on the file as read past it. Other faults (a
//! broken tag, a DOCTYPE, a second root) are the only finding.
//!
//! When the file is a template (Packer `${var}`, Jinja `{{ var }}`), the
//! message says so: lint the rendered file, or keep the template syntax in
//! text and attribute values only.
//!
//! ## Example
//!
//! ```xml
//! <Path>cmd /c echo one & echo two</Path>
//! ```
//!
//! ## Fix
//!
//! Escape the character: `&` as `&amp;`, `<` as `&lt;`:
//!
//! ```xml
//! <Path>cmd /c echo one &amp; echo two</Path>
//! ```
//!
//! ## Evidence
//!
//! Error: the file cannot be read. XML 1.0 requires a conforming parser to
//! stop at a well-formedness error, and Setup then reports that it could not
//! parse the answer file.
//!
//! ## References
//!
//! - Extensible Markup Language (XML) 1.0, section 2.4 "Character Data and Markup"
//! - Windows Setup: "Windows could not parse or process unattend answer file"

use crate::document::ParseError;
use crate::lint::config::ResolvedConfig;
use crate::lint::prelude::*;
use crate::lint::template::describe_raw;

/// UA001 `xml-not-well-formed`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA001",
    name: "xml-not-well-formed",
    severity: Severity::Error,
    summary: "the file is not well-formed XML (unescaped & or <, mismatched tags, undeclared prefixes)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

/// Reports why a file did not parse (one diagnostic: later errors would only
/// be consequences of the first).
pub(crate) fn report_parse_error(err: &ParseError, text: &str, config: &ResolvedConfig, out: &mut Reporter<'_>) {
    // Decoding errors carry a raw byte offset, which can fall inside a
    // character of the decoded (or lossily decoded) text: step back to a
    // character boundary.
    let mut start = err.offset.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
    let span = Span::new(start, end);
    let template = describe_raw(text, config.template);
    let message = match template {
        Some(kind) => format!("{} (the file contains {kind} template syntax)", err.message),
        None => err.message.clone(),
    };
    let d = out.report(None, span, message);
    // Positions of decoding errors come from the raw bytes; keep them exact.
    d.start = err.position;
    if template.is_some() {
        d.help("render the template first and lint the result, or keep template syntax inside text and attribute values");
    } else if err.message.contains("'&'") {
        d.help("write a literal & as &amp;");
    } else if err.message.contains("must be at the very start") {
        d.help("make the declaration the first thing in the file: move or delete what comes before it");
    } else if err.message.starts_with("text before the root") {
        d.help("delete the text, or make it a comment (<!-- … -->) after the declaration");
    } else if err.message.starts_with("stray end tag") || err.message.contains("without a matching start tag") {
        d.help("delete the end tag, or add the start tag it belongs to");
    } else if err.message.contains("is not closed before") {
        d.help("add the missing end tag where the element ends");
    } else if err.message.contains("prefix 'wcm'") {
        d.help(format!("declare it on the root element: xmlns:wcm=\"{WCM_NS}\""));
    }
}
