//! ## What it checks
//!
//! Setting values that contain characters outside ASCII, written as such
//! rather than as numeric character references (`&#xE9;`).
//!
//! - Typographic punctuation and invisible characters (curly quotes `“ ” ‘ ’`,
//!   en and em dashes, no-break and zero-width spaces, a stray byte order
//!   mark) are a warning: they are almost always pasted from a web page or a
//!   word processor, and a command line with a curly quote does not run as
//!   written.
//! - Other characters (accented or Cyrillic letters in a user name, say)
//!   are information: they are usually meant, and work as long as the file
//!   stays in the encoding it declares.
//!
//! Comments and elements outside components are not checked, nor are
//! files whose bytes are not valid in their encoding (UA002 reports those).
//!
//! ## Why it matters
//!
//! A non-ASCII character survives only as long as every tool that touches
//! the file keeps its encoding: one "Save as ANSI" or a pipeline that
//! re-encodes the file turns `Jürgen` into mojibake or into a byte Setup
//! cannot read at all (see UA002). Numeric character references are plain
//! ASCII and mean the same character to any XML reader, whatever the file's
//! encoding. Typographic quotes are worse: `cmd.exe` and PowerShell only
//! treat the straight `"` and `'` as quotes, so the command runs with the
//! wrong arguments or not at all.
//!
//! ## Example
//!
//! ```xml
//! <CommandLine>powershell -Command “Set-ExecutionPolicy RemoteSigned”</CommandLine>
//! <FullName>Jürgen</FullName>
//! ```
//!
//! ## Fix
//!
//! Replace typographic punctuation with its ASCII form (`"`, `'`, `-`, a
//! plain space). Write intended non-ASCII characters as character
//! references, which the linter offers as a fix:
//!
//! ```xml
//! <FullName>J&#xFC;rgen</FullName>
//! ```
//!
//! ## Evidence
//!
//! Warning: Microsoft's pages show ASCII examples and real localized files
//! install; that some releases mishandle non-ASCII text is folklore from real
//! files, not documented.
//!
//! ## References
//!
//! - Extensible Markup Language (XML) 1.0, section 4.1 "Character and Entity
//!   References"
//! - UA002 (encoding-mismatch): what happens when the bytes and the
//!   declaration disagree

use crate::document::{EncodingFinding, NodeKind, TextEdit};
use crate::lint::prelude::*;

/// UA004 `non-ascii-text`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA004",
    name: "non-ascii-text",
    severity: Severity::Warning,
    summary: "non-ASCII characters in values; suggest numeric character references",
};

/// The ASCII character a typographic or invisible one stands in for.
fn ascii_look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        _ => return None,
    })
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let el = s.el;
        if el.has_child_elements() {
            return;
        }
        // Bytes that are not valid UTF-8 were read as Windows-1252: UA002
        // reports that, and the characters seen here are guesses.
        if cx
            .doc
            .encoding_findings()
            .iter()
            .any(|f| matches!(f, EncodingFinding::InvalidUtf8 { .. }))
        {
            return;
        }
        // Scan the raw text (references like `&#xE9;` are already ASCII).
        let mut first: Option<(usize, char)> = None;
        let mut first_suspicious: Option<(usize, char)> = None;
        let mut count = 0usize;
        let mut fixable = true;
        for node in el.children() {
            match node.kind() {
                NodeKind::Text | NodeKind::CData => {}
                _ => {
                    fixable = false;
                    continue;
                }
            }
            if node.kind() == NodeKind::CData {
                fixable = false;
            }
            if node.raw().is_ascii() {
                continue;
            }
            let span = node.span();
            for (i, c) in node.raw().char_indices().filter(|(_, c)| !c.is_ascii()) {
                let at = span.start as usize + i;
                count += 1;
                first.get_or_insert((at, c));
                if first_suspicious.is_none() && ascii_look_alike(c).is_some() {
                    first_suspicious = Some((at, c));
                }
            }
        }
        let Some((at, c)) = first_suspicious.or(first) else {
            return;
        };
        let name = el.local_name();
        let secret = is_secret(el);
        let span = if secret {
            el.name_span()
        } else {
            Span::new(at, at + c.len_utf8())
        };
        let more = match count {
            1 => String::new(),
            2 => " (and 1 more non-ASCII character)".to_string(),
            n => format!(" (and {} more non-ASCII characters)", n - 1),
        };
        if first_suspicious.is_some() {
            let ascii = ascii_look_alike(c).unwrap_or_default();
            let (message, help) = if secret {
                (
                    format!("{name} contains a typographic or invisible character{more}"),
                    "retype the value with plain ASCII punctuation and spaces".to_string(),
                )
            } else {
                let instead = match ascii {
                    "" => "nothing (delete it)".to_string(),
                    " " => "a plain space".to_string(),
                    a => format!("a plain {a}"),
                };
                (
                    format!(
                        "{name} contains {c:?} (U+{:04X}), a typographic or invisible character{more}",
                        c as u32
                    ),
                    format!(
                        "probably pasted from a web page or word processor; write {instead} instead"
                    ),
                )
            };
            out.report_as(Severity::Warning, Some(el), span, message)
                .help(help);
            return;
        }
        let message = if secret {
            format!("{name} contains a non-ASCII character{more}")
        } else {
            format!(
                "{name} contains the non-ASCII character {c:?} (U+{:04X}){more}",
                c as u32
            )
        };
        let d = out.report_as(Severity::Info, Some(el), span, message);
        d.help("it is read correctly only while the file keeps its declared encoding; a character reference such as &#xE9; is plain ASCII and survives re-encoding");
        if fixable {
            let mut edits = Vec::new();
            for node in el.children() {
                let base = node.span().start as usize;
                for (i, c) in node.raw().char_indices().filter(|(_, c)| !c.is_ascii()) {
                    edits.push(TextEdit {
                        span: Span::new(base + i, base + i + c.len_utf8()),
                        replacement: format!("&#x{:X};", c as u32),
                    });
                }
            }
            d.fix("write non-ASCII characters as character references", edits);
        }
    }
}
