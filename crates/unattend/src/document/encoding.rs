//! Bytes → text and back: BOM, UTF-8, UTF-16 and legacy single-byte files.
//!
//! Decoding remembers everything needed to write the exact input bytes back:
//! the encoding, whether a BOM was present, and (for the linter) any contradiction
//! between the `encoding=` declaration and the bytes.

use super::error::{EncodeError, ParseError, ParseErrorKind};
use super::line_index::{LineCol, LineIndex};
use super::span::Span;

/// The character encoding of a document's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextEncoding {
    /// UTF-8 (also plain ASCII).
    Utf8,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
    /// An ASCII-compatible legacy encoding such as Windows-1252, either declared
    /// by the file or used as a fallback for bytes that are not valid UTF-8.
    Legacy(&'static encoding_rs::Encoding),
}

impl TextEncoding {
    /// The encoding's canonical name (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Legacy(e) => e.name(),
        }
    }
}

/// The newline sequences a text uses, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NewlineStats {
    /// Number of `\n` not preceded by `\r`.
    pub lf: usize,
    /// Number of `\r\n`.
    pub crlf: usize,
    /// Number of `\r` not followed by `\n`.
    pub cr: usize,
}

/// A newline sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Newline {
    /// `\n`
    #[default]
    Lf,
    /// `\r\n`
    CrLf,
    /// `\r`
    Cr,
}

impl Newline {
    /// The characters of this newline.
    pub fn as_str(self) -> &'static str {
        match self {
            Newline::Lf => "\n",
            Newline::CrLf => "\r\n",
            Newline::Cr => "\r",
        }
    }
}

impl NewlineStats {
    /// Counts the newlines of `text`.
    pub fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut stats = NewlineStats::default();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => stats.lf += 1,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    stats.crlf += 1;
                    i += 1;
                }
                b'\r' => stats.cr += 1,
                _ => {}
            }
            i += 1;
        }
        stats
    }

    /// The most frequent newline, `None` for a single-line text.
    pub fn dominant(self) -> Option<Newline> {
        if self.lf == 0 && self.crlf == 0 && self.cr == 0 {
            None
        } else if self.crlf >= self.lf && self.crlf >= self.cr {
            Some(Newline::CrLf)
        } else if self.lf >= self.cr {
            Some(Newline::Lf)
        } else {
            Some(Newline::Cr)
        }
    }

    /// True when more than one kind of newline occurs.
    pub fn is_mixed(self) -> bool {
        [self.lf, self.crlf, self.cr]
            .iter()
            .filter(|&&n| n > 0)
            .count()
            > 1
    }
}

/// How a document's bytes were encoded; enough to write them back exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEncoding {
    /// The encoding the bytes were decoded with.
    pub encoding: TextEncoding,
    /// Whether the bytes started with a byte order mark.
    pub bom: bool,
}

impl Default for SourceEncoding {
    fn default() -> Self {
        SourceEncoding {
            encoding: TextEncoding::Utf8,
            bom: false,
        }
    }
}

/// Something about the encoding that did not stop the file from being read but
/// that Windows Setup may choke on; the linter reports these.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodingFinding {
    /// The declaration names an encoding that the bytes contradict
    /// (for example `encoding="utf-8"` in a UTF-16 file).
    DeclarationMismatch {
        /// The label as written in the declaration.
        declared: String,
        /// The encoding the bytes are really in.
        actual: &'static str,
        /// Span of the label in the text.
        span: Span,
    },
    /// The declaration names an encoding that is not known.
    UnknownLabel {
        /// The label as written.
        declared: String,
        /// Span of the label in the text.
        span: Span,
    },
    /// The bytes are not valid UTF-8 although the file is read as such by
    /// default; they were read as `read_as` instead.
    InvalidUtf8 {
        /// Offset of the first invalid byte in the raw file.
        raw_offset: usize,
        /// Position of that byte in the decoded text.
        position: LineCol,
        /// The fallback encoding used to read the file.
        read_as: &'static str,
    },
}

/// The result of decoding raw bytes.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub source: SourceEncoding,
    pub findings: Vec<EncodingFinding>,
}

fn decode_error(message: impl Into<String>, offset: usize, position: LineCol) -> ParseError {
    ParseError {
        message: message.into(),
        position,
        offset,
        kind: ParseErrorKind::Encoding,
    }
}

/// Position of a raw byte offset in an ASCII-compatible byte string: lines are
/// counted by `\n`, columns by bytes (the bytes could not be decoded, so
/// characters are unknown).
fn raw_position(bytes: &[u8], offset: usize) -> LineCol {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    LineCol {
        line: line as u32,
        column: (before.len() - line_start + 1) as u32,
    }
}

/// Finds the value of `encoding="…"` in an XML declaration at the start of
/// `bytes`; returns the byte range of the label.
pub(crate) fn declared_encoding_range(bytes: &[u8]) -> Option<std::ops::Range<usize>> {
    if !bytes.starts_with(b"<?xml") {
        return None;
    }
    let end = bytes.iter().take(512).position(|&b| b == b'>')?;
    let decl = &bytes[..end];
    let at = decl.windows(8).position(|w| w == b"encoding")?;
    let mut i = at + 8;
    while decl.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    if decl.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while decl.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    let quote = *decl.get(i)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let start = i + 1;
    let len = decl[start..].iter().position(|&b| b == quote)?;
    Some(start..start + len)
}

fn decode_utf16(body: &[u8], big_endian: bool, skip: usize) -> Result<String, ParseError> {
    let units = body.chunks(2).map(|c| match c {
        [a, b] if big_endian => Ok(u16::from_be_bytes([*a, *b])),
        [a, b] => Ok(u16::from_le_bytes([*a, *b])),
        _ => Err(()),
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut pending: Vec<u16> = Vec::with_capacity(2);
    for (unit_index, unit) in units.enumerate() {
        let here = skip + unit_index * 2;
        let Ok(unit) = unit else {
            let position = LineIndex::new(&text).line_col(&text, text.len());
            return Err(decode_error(
                "UTF-16 text ends in the middle of a character (odd number of bytes)",
                here,
                position,
            ));
        };
        pending.push(unit);
        if (0xD800..0xDC00).contains(&unit) && pending.len() == 1 {
            continue; // high surrogate: wait for its pair
        }
        match char::decode_utf16(pending.drain(..)).collect::<Result<Vec<char>, _>>() {
            Ok(chars) => text.extend(chars),
            Err(_) => {
                let position = LineIndex::new(&text).line_col(&text, text.len());
                return Err(decode_error(
                    "invalid UTF-16: unpaired surrogate",
                    here,
                    position,
                ));
            }
        }
    }
    if !pending.is_empty() {
        let position = LineIndex::new(&text).line_col(&text, text.len());
        return Err(decode_error(
            "invalid UTF-16: text ends after a high surrogate",
            skip + body.len(),
            position,
        ));
    }
    Ok(text)
}

/// Decodes the bytes of an answer file. Refuses nothing that can be read
/// losslessly; records contradictions as [`EncodingFinding`]s.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, ParseError> {
    let start = LineCol { line: 1, column: 1 };
    let mut findings = Vec::new();
    let (encoding, bom, body): (Option<TextEncoding>, bool, &[u8]) = match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            return Err(decode_error(
                "UTF-32 files are not supported; save as UTF-8",
                0,
                start,
            ));
        }
        [0xEF, 0xBB, 0xBF, rest @ ..] => (Some(TextEncoding::Utf8), true, rest),
        [0xFF, 0xFE, rest @ ..] => (Some(TextEncoding::Utf16Le), true, rest),
        [0xFE, 0xFF, rest @ ..] => (Some(TextEncoding::Utf16Be), true, rest),
        [b'<', 0, b'?', 0, ..] => (Some(TextEncoding::Utf16Le), false, bytes),
        [0, b'<', 0, b'?', ..] => (Some(TextEncoding::Utf16Be), false, bytes),
        _ => (None, false, bytes),
    };
    let skip = bytes.len() - body.len();

    if let Some(enc @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be)) = encoding {
        let text = decode_utf16(body, enc == TextEncoding::Utf16Be, skip)?;
        if let Some(range) = declared_encoding_range(text.as_bytes()) {
            let label = &text[range.clone()];
            let declared = encoding_rs::Encoding::for_label(label.as_bytes());
            let consistent =
                declared.is_some_and(|d| d == encoding_rs::UTF_16LE || d == encoding_rs::UTF_16BE);
            if !consistent {
                findings.push(EncodingFinding::DeclarationMismatch {
                    declared: label.to_string(),
                    actual: enc.name(),
                    span: Span::new(range.start, range.end),
                });
            }
        }
        return Ok(Decoded {
            text,
            source: SourceEncoding { encoding: enc, bom },
            findings,
        });
    }

    // ASCII-compatible: let the declaration choose among 8-bit encodings.
    let declared_range = declared_encoding_range(body);
    let declared = declared_range.as_ref().map(|r| {
        let label = String::from_utf8_lossy(&body[r.clone()]).into_owned();
        let enc = encoding_rs::Encoding::for_label(label.as_bytes());
        (label, enc, Span::new(r.start, r.end))
    });
    if let Some((label, enc, span)) = &declared {
        match enc {
            None => findings.push(EncodingFinding::UnknownLabel {
                declared: label.clone(),
                span: *span,
            }),
            Some(e) if *e == encoding_rs::UTF_16LE || *e == encoding_rs::UTF_16BE => {
                findings.push(EncodingFinding::DeclarationMismatch {
                    declared: label.clone(),
                    actual: "UTF-8",
                    span: *span,
                });
            }
            Some(e) if *e != encoding_rs::UTF_8 && !bom && e.is_ascii_compatible() => {
                return decode_legacy(bytes, body, e, bom, findings);
            }
            Some(e) if *e != encoding_rs::UTF_8 => {
                findings.push(EncodingFinding::DeclarationMismatch {
                    declared: label.clone(),
                    actual: "UTF-8",
                    span: *span,
                });
            }
            Some(_) => {}
        }
    }
    // simdutf8 validates the common case (valid UTF-8) several times faster
    // than std; std's error carries the position when it is not.
    let checked = match simdutf8::basic::from_utf8(body) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(body),
    };
    match checked {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            source: SourceEncoding {
                encoding: TextEncoding::Utf8,
                bom,
            },
            findings,
        }),
        Err(err) => {
            // Real files saved by old editors: read them as Windows-1252, which
            // maps every byte, so the file still reads and writes back exactly.
            let raw_offset = skip + err.valid_up_to();
            let fallback = encoding_rs::WINDOWS_1252;
            let mut decoded = decode_legacy(bytes, body, fallback, bom, findings)?;
            // Windows-1252 maps every byte to one character, so the invalid byte
            // is the `valid_up_to`-th character of the text. (Its byte offset in
            // the text differs once a multi-byte UTF-8 sequence precedes it.)
            let at = decoded
                .text
                .char_indices()
                .nth(err.valid_up_to())
                .map_or(decoded.text.len(), |(i, _)| i);
            let position = LineIndex::new(&decoded.text).line_col(&decoded.text, at);
            decoded.findings.push(EncodingFinding::InvalidUtf8 {
                raw_offset,
                position,
                read_as: fallback.name(),
            });
            Ok(decoded)
        }
    }
}

fn decode_legacy(
    bytes: &[u8],
    body: &[u8],
    enc: &'static encoding_rs::Encoding,
    bom: bool,
    findings: Vec<EncodingFinding>,
) -> Result<Decoded, ParseError> {
    let skip = bytes.len() - body.len();
    let Some(text) = enc.decode_without_bom_handling_and_without_replacement(body) else {
        return Err(decode_error(
            format!("bytes are not valid {}", enc.name()),
            skip,
            raw_position(bytes, skip),
        ));
    };
    let text = text.into_owned();
    let source = SourceEncoding {
        encoding: TextEncoding::Legacy(enc),
        bom,
    };
    // Only keep what we can write back byte for byte.
    match encode(&text, &source) {
        Ok(back) if back == bytes => Ok(Decoded {
            text,
            source,
            findings,
        }),
        _ => Err(decode_error(
            format!(
                "the file's {} bytes cannot be read losslessly; save it as UTF-8",
                enc.name()
            ),
            skip,
            raw_position(bytes, skip),
        )),
    }
}

/// Encodes `text` back into bytes with the given source encoding.
pub(crate) fn encode(text: &str, source: &SourceEncoding) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(text.len() + 3);
    match source.encoding {
        TextEncoding::Utf8 => {
            if source.bom {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            out.extend_from_slice(text.as_bytes());
        }
        enc @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be) => {
            let be = enc == TextEncoding::Utf16Be;
            if source.bom {
                out.extend_from_slice(if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
            }
            for unit in text.encode_utf16() {
                out.extend_from_slice(&if be {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
        }
        TextEncoding::Legacy(enc) => {
            if source.bom {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            let mut encoder = enc.new_encoder();
            let mut rest = text;
            loop {
                let mut buf = vec![0u8; rest.len() * 4 + 16];
                let (result, read, written) =
                    encoder.encode_from_utf8_without_replacement(rest, &mut buf, true);
                out.extend_from_slice(&buf[..written]);
                match result {
                    encoding_rs::EncoderResult::InputEmpty => break,
                    encoding_rs::EncoderResult::OutputFull => rest = &rest[read..],
                    encoding_rs::EncoderResult::Unmappable(c) => {
                        let offset = text.len() - rest.len() + read - c.len_utf8();
                        return Err(EncodeError {
                            character: c,
                            encoding: enc.name(),
                            position: LineIndex::new(text).line_col(text, offset),
                        });
                    }
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn utf16(text: &str, be: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf8_with_bom_round_trips() {
        let bytes = b"\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "<?xml version=\"1.0\"?><a/>");
        assert!(d.source.bom);
        assert_eq!(encode(&d.text, &d.source).unwrap(), bytes);
    }

    #[test]
    fn utf16_both_orders_round_trip_and_flag_a_utf8_declaration() {
        for be in [false, true] {
            let text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<a>Ünïcode ✓ 𝄞</a>";
            let bytes = utf16(text, be, true);
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(
                d.source.encoding,
                if be {
                    TextEncoding::Utf16Be
                } else {
                    TextEncoding::Utf16Le
                }
            );
            assert!(matches!(
                &d.findings[..],
                [EncodingFinding::DeclarationMismatch { declared, .. }] if declared == "utf-8"
            ));
            assert_eq!(encode(&d.text, &d.source).unwrap(), bytes);
        }
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><a/>";
        let bytes = utf16(text, false, false);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert!(d.findings.is_empty());
        assert!(!d.source.bom);
        assert_eq!(encode(&d.text, &d.source).unwrap(), bytes);
    }

    #[test]
    fn broken_utf16_is_an_error_with_position() {
        let mut bytes = utf16("<a>\nx</a>", false, true);
        bytes.push(0x41);
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.kind, ParseErrorKind::Encoding);
        assert_eq!(err.position.line, 2);
        let lone = [0xFF, 0xFE, b'<', 0, 0x00, 0xDC, b'>', 0];
        assert!(decode(&lone).unwrap_err().message.contains("surrogate"));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_and_writes_back_exactly() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a>caf\xE9 \x97 \x81</a>";
        let d = decode(bytes).unwrap();
        assert!(d.text.contains("café —"));
        assert!(matches!(
            &d.findings[..],
            [EncodingFinding::InvalidUtf8 { raw_offset: 45, position, .. }] if position.line == 2
        ));
        assert_eq!(encode(&d.text, &d.source).unwrap(), bytes);
    }

    #[test]
    fn declared_legacy_encoding_is_used() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xE9</a>";
        let d = decode(bytes).unwrap();
        assert!(d.text.ends_with("<a>é</a>"));
        assert!(d.findings.is_empty());
        assert_eq!(encode(&d.text, &d.source).unwrap(), bytes);
        let err = encode("<a>✓</a>", &d.source).unwrap_err();
        assert_eq!(err.character, '✓');
        assert_eq!(err.position.column, 4);
    }

    #[test]
    fn utf16_declared_in_utf8_bytes_is_a_finding() {
        let d = decode(b"<?xml version='1.0' encoding='UTF-16'?><a/>").unwrap();
        assert_eq!(d.source.encoding, TextEncoding::Utf8);
        assert!(matches!(
            &d.findings[..],
            [EncodingFinding::DeclarationMismatch {
                actual: "UTF-8",
                ..
            }]
        ));
    }

    #[test]
    fn utf32_is_refused() {
        assert!(decode(&[0xFF, 0xFE, 0, 0, b'<', 0, 0, 0]).is_err());
    }

    #[test]
    fn newline_stats() {
        let s = NewlineStats::of("a\r\nb\r\nc\nd");
        assert_eq!((s.lf, s.crlf, s.cr), (1, 2, 0));
        assert_eq!(s.dominant(), Some(Newline::CrLf));
        assert!(s.is_mixed());
        assert_eq!(NewlineStats::of("x").dominant(), None);
    }
}
