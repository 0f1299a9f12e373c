//! Lint findings as LSP diagnostics.

use std::borrow::Cow;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};
use unattend::lint::{Severity, lint_bytes};

use crate::Doc;
use crate::position::{Encoding, LineMap};

/// The bytes to lint for the buffer's text.
///
/// The editor has already decoded the file; a file that declares UTF-16 or
/// a legacy code page is linted as the same text in that encoding, so the
/// linter sees what `unattend lint` sees on disk (no false encoding
/// mismatch) and decodes back to exactly the buffer's text.
pub(crate) fn source_bytes(text: &str) -> Cow<'_, [u8]> {
    let Some(label) = declared_encoding(text) else {
        return Cow::Borrowed(text.as_bytes());
    };
    let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
        return Cow::Borrowed(text.as_bytes());
    };
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        let mut out = Vec::with_capacity(2 + text.len() * 2);
        out.extend_from_slice(&[0xFF, 0xFE]);
        for unit in text.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        return Cow::Owned(out);
    }
    if enc != encoding_rs::UTF_8 && enc.is_ascii_compatible() {
        let (bytes, _, unmappable) = enc.encode(text);
        if !unmappable {
            return Cow::Owned(bytes.into_owned());
        }
    }
    Cow::Borrowed(text.as_bytes())
}

/// The `encoding="…"` label of the XML declaration, if any.
fn declared_encoding(text: &str) -> Option<&str> {
    let decl = text.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(quote)?])
}

/// Where a rule's documentation lives: its page on docs.rs, the text
/// `unattend explain CODE` prints.
pub(crate) fn rule_doc_url(code: &str) -> Option<String> {
    unattend::lint::rule(code).map(|r| r.doc_url())
}

/// Lints the document; returns the library's findings (kept for code
/// actions) and their LSP form.
pub(crate) fn lint(
    doc: &Doc,
    uri: &Uri,
    enc: Encoding,
) -> (Vec<unattend::lint::Diagnostic>, Vec<lsp_types::Diagnostic>) {
    let report = lint_bytes(&source_bytes(&doc.text), &doc.config);
    // Spans index the linter's decoded text, which is the buffer's text
    // unless the buffer cannot be written in its declared encoding.
    let own;
    let exact = report.text() == doc.text;
    let (text, lines) = if exact {
        (doc.text.as_str(), &doc.lines)
    } else {
        own = LineMap::new(report.text());
        (report.text(), &own)
    };
    let out = report
        .diagnostics
        .iter()
        .map(|d| {
            let range = lines.range(text, d.span.start as usize, d.span.end as usize, enc);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let related: Vec<DiagnosticRelatedInformation> = d
                .labels
                .iter()
                .map(|l| DiagnosticRelatedInformation {
                    location: Location {
                        uri: uri.clone(),
                        range: lines.range(text, l.span.start as usize, l.span.end as usize, enc),
                    },
                    message: l.message.clone(),
                })
                .collect();
            lsp_types::Diagnostic {
                range,
                severity: Some(match d.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(d.code.clone())),
                code_description: rule_doc_url(&d.code)
                    .and_then(|u| u.parse().ok())
                    .map(|href| CodeDescription { href }),
                source: Some("unattend".to_string()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: None,
            }
        })
        .collect();
    // Fixes and suppressions edit the buffer: only with exact offsets.
    let findings = if exact {
        report.diagnostics
    } else {
        Vec::new()
    };
    (findings, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_utf16_is_linted_as_utf16() {
        let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<a>é</a>";
        let bytes = source_bytes(text);
        assert_eq!(&bytes[..2], &[0xFF, 0xFE]);
        let doc = unattend::Document::parse(&bytes).unwrap();
        assert_eq!(doc.text(), text);
        assert!(doc.encoding_findings().is_empty());
    }

    #[test]
    fn declared_code_page_round_trips() {
        let text = "<?xml version='1.0' encoding='windows-1252'?><a>é</a>";
        let bytes = source_bytes(text);
        assert_eq!(bytes.len(), text.len() - 1);
        let doc = unattend::Document::parse(&bytes).unwrap();
        assert_eq!(doc.text(), text);
        // Not representable: plain UTF-8, spans still from the linter's text.
        assert_eq!(
            source_bytes("<?xml version='1.0' encoding='windows-1252'?><a>😀</a>").len(),
            "<?xml version='1.0' encoding='windows-1252'?><a>😀</a>".len()
        );
    }
}
