//! ## What it checks
//!
//! That a UTF-8 file does not start with a byte order mark (the three bytes
//! `EF BB BF`). UTF-16 files keep theirs: there the mark is how readers tell
//! the byte order.
//!
//! ## Why it matters
//!
//! UTF-8 needs no byte order mark, and some Windows 11 24H2 builds failed
//! to process answer files that start with one: Setup ignored the file and
//! the installation went interactive. .NET's `XmlWriter`, PowerShell 5's
//! `Out-File -Encoding utf8` and Notepad's "UTF-8 with BOM" all write the
//! mark, so generated files often carry it without anyone noticing. Older
//! releases read such files fine, hence a warning.
//!
//! ## Example
//!
//! The mark is invisible in most editors; a hex dump shows the bytes
//! `EF BB BF` before the declaration:
//!
//! ```xml
//! <?xml version="1.0" encoding="utf-8"?><!-- preceded by EF BB BF -->
//! <unattend xmlns="urn:schemas-microsoft-com:unattend">
//! ```
//!
//! ## Fix
//!
//! Save the file as UTF-8 without BOM: "UTF-8" rather than "UTF-8 with
//! BOM" in the editor's encoding menu, `new UTF8Encoding(false)` for an
//! `XmlWriter`, or `Set-Content -Encoding utf8NoBOM` in PowerShell 7.
//!
//! ## Evidence
//!
//! Warning: a BOM is allowed by XML 1.0 and most releases read such files;
//! the failures on Windows 11 24H2 come from a third-party report
//! (cschneegans/unattend-generator issue #8), not from Microsoft, so this is
//! risk, not a promised failure.
//!
//! ## References
//!
//! - cschneegans/unattend-generator issue #8: Windows 11 24H2 could not
//!   process generated files until the BOM was dropped
//! - The Unicode Standard, section 23.8 "Specials": the byte order mark

use crate::document::TextEncoding;
use crate::lint::prelude::*;

/// UA003 `utf8-bom`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA003",
    name: "utf8-bom",
    severity: Severity::Warning,
    summary: "UTF-8 BOM present",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let source = cx.doc.source_encoding();
        // Legacy decoding with a BOM means the bytes after a UTF-8 BOM were
        // not valid UTF-8 (UA002 reports that); the mark is still UTF-8's.
        let utf8_mark = matches!(
            source.encoding,
            TextEncoding::Utf8 | TextEncoding::Legacy(_)
        );
        if !source.bom || !utf8_mark {
            return;
        }
        // The mark is not part of the decoded text: point at what follows it.
        let span = cx.doc.declaration().map_or_else(
            || Span { start: 0, end: 0 },
            |d| Span {
                start: d.start,
                end: d.start + 5.min(d.len() as u32),
            },
        );
        out.report(None, span, "the file starts with a UTF-8 byte order mark")
            .help("save it as UTF-8 without BOM; some Windows 11 24H2 builds do not process answer files that start with one");
    }
}
