//! ## What it checks
//!
//! That the bytes of the file are in the encoding its XML declaration
//! names:
//!
//! - a UTF-16 file whose declaration says `encoding="utf-8"` (or any other
//!   8-bit encoding), and a UTF-8 or ASCII file that declares `utf-16`;
//! - a declaration naming an encoding no parser knows (`encoding="utf8x"`);
//! - bytes that are not valid UTF-8 in a file that declares UTF-8, or
//!   declares nothing (UTF-8 is then the default): typically a file saved as
//!   Windows-1252 ("ANSI") by an old editor.
//!
//! Files whose bytes cannot be decoded at all (broken UTF-16, UTF-32) are
//! reported here too, instead of as parse errors.
//!
//! ## Why it matters
//!
//! Windows Setup reads the answer file with an XML parser that refuses a
//! declaration contradicting the bytes ("switch from current encoding to
//! specified encoding not supported") and stops at the first byte that is
//! not valid in the declared encoding. Setup then reports that it cannot
//! parse or process the answer file, and the installation never completes.
//!
//! ## Example
//!
//! A file saved as "Unicode" (UTF-16LE) by Notepad, still declaring UTF-8:
//!
//! ```xml
//! <?xml version="1.0" encoding="utf-8"?>
//! <unattend xmlns="urn:schemas-microsoft-com:unattend">
//! ```
//!
//! ## Fix
//!
//! Save the file as UTF-8 (the encoding Windows System Image Manager
//! writes), or make the declaration name the encoding the bytes really use
//! (`encoding="utf-16"` for a UTF-16 file). For a mismatched declaration the
//! linter offers the second as a fix.
//!
//! ## Evidence
//!
//! Error: the file cannot be read as declared. The XML 1.0 specification
//! (section 4.3.3 and appendix F) makes a declaration that contradicts the
//! bytes a fatal error; a UTF-16 file declaring utf-8 is known not to
//! complete setup.
//!
//! ## References
//!
//! - Extensible Markup Language (XML) 1.0, section 4.3.3 "Character Encoding
//!   in Entities" and appendix F "Autodetection of Character Encodings"
//! - Windows Setup: "Windows could not parse or process unattend answer file"

use crate::document::{EncodingFinding, TextEdit};
use crate::lint::prelude::*;

/// UA002 `encoding-mismatch`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA002",
    name: "encoding-mismatch",
    severity: Severity::Error,
    summary: "bytes are UTF-16 (or legacy 8-bit) but the declaration says utf-8, or the reverse",
};

/// The label to declare for bytes in `actual` (a `TextEncoding::name`).
fn label_for(actual: &str) -> &'static str {
    if actual.starts_with("UTF-16") {
        "utf-16"
    } else {
        "utf-8"
    }
}

/// `span` if it lies inside `text` on character boundaries, else the
/// declaration (or the start of the file).
fn checked_span(cx: &FileCx<'_>, span: Span) -> Span {
    let text = cx.doc.text();
    let (s, e) = (span.start as usize, span.end as usize);
    if s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e) {
        span
    } else {
        cx.doc.declaration().unwrap_or_default()
    }
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        for finding in cx.doc.encoding_findings() {
            match finding {
                EncodingFinding::DeclarationMismatch {
                    declared,
                    actual,
                    span,
                } => {
                    let span = checked_span(cx, *span);
                    let label = label_for(actual);
                    let d = out.report(
                        None,
                        span,
                        format!(
                            "the declaration says encoding=\"{declared}\" but the file is {actual}"
                        ),
                    );
                    d.help(format!(
                        "save the file as UTF-8, or declare encoding=\"{label}\" to match its bytes"
                    ));
                    if !span.is_empty() {
                        d.fix(
                            format!("declare encoding=\"{label}\""),
                            vec![TextEdit {
                                span,
                                replacement: label.to_string(),
                            }],
                        );
                    }
                }
                EncodingFinding::UnknownLabel { declared, span } => {
                    let span = checked_span(cx, *span);
                    out.report(
                        None,
                        span,
                        format!("unknown encoding {declared:?} in the XML declaration"),
                    )
                    .help("save the file as UTF-8 and declare encoding=\"utf-8\"");
                }
                EncodingFinding::InvalidUtf8 {
                    raw_offset,
                    read_as,
                    ..
                } => {
                    // Every byte became one character, so the bad byte is
                    // character `raw_offset - BOM` of the text.
                    let bom = if cx.doc.source_encoding().bom { 3 } else { 0 };
                    let text = cx.doc.text();
                    let span = text
                        .char_indices()
                        .nth(raw_offset.saturating_sub(bom))
                        .map_or(Span::default(), |(i, c)| Span::new(i, i + c.len_utf8()));
                    let declared = match cx.doc.declaration().map(|d| cx.doc.span_text(d)) {
                        Some(decl) if decl.contains("encoding") => "declares UTF-8",
                        _ => "has no encoding declaration, so it must be UTF-8",
                    };
                    out.report(
                        None,
                        span,
                        format!("the file {declared}, but this byte is not valid UTF-8 (it seems to be saved as {read_as})"),
                    )
                    .help(format!(
                        "save the file as UTF-8; if it really is {read_as}, declare encoding=\"{read_as}\""
                    ));
                }
            }
        }
    }
}
