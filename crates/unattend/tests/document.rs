#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Tests of the lossless document layer through its public API: decoding and
//! byte-exact round trips, spans and positions, well-formedness errors,
//! resource limits, and text-splice edits.

use unattend::document::{
    CPI_NS, Document, EditError, ElementRef, EncodingFinding, InsertPosition, LineCol, Newline,
    NodeKind, ParseError, ParseErrorKind, ParseOptions, SourceEncoding, Span, TextEdit,
    TextEncoding, UNATTEND_NS, WCM_NS,
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The bytes of a file in `tests/fixtures/encoding` (shipped with the crate).
macro_rules! fixture {
    ($name:literal) => {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/encoding/",
            $name
        ))
        .expect(concat!("reading fixture ", $name))
    };
}

fn lc(line: u32, column: u32) -> LineCol {
    LineCol { line, column }
}

/// The first element with this qualified name, in document order.
fn el<'d>(doc: &'d Document, name: &str) -> ElementRef<'d> {
    doc.elements()
        .find(|e| e.name() == name)
        .unwrap_or_else(|| panic!("no <{name}> in the document"))
}

/// All elements with this qualified name.
fn els<'d>(doc: &'d Document, name: &str) -> Vec<ElementRef<'d>> {
    doc.elements().filter(|e| e.name() == name).collect()
}

fn parse_err(input: &[u8]) -> ParseError {
    match Document::parse(input) {
        Ok(_) => panic!("expected an error for {:?}", String::from_utf8_lossy(input)),
        Err(e) => e,
    }
}

/// Asserts that reading `input` fails with `kind` at `line:column`, and that
/// the message contains `needle`.
#[track_caller]
fn assert_parse_err(
    input: &str,
    kind: ParseErrorKind,
    line: u32,
    column: u32,
    needle: &str,
) -> ParseError {
    let err = parse_err(input.as_bytes());
    assert_eq!(
        (err.kind, err.position),
        (kind, lc(line, column)),
        "wrong error for {input:?}: {err}"
    );
    assert!(
        err.message.contains(needle),
        "message {:?} lacks {needle:?}",
        err.message
    );
    // The byte offset and the position agree.
    let lines = unattend::document::LineIndex::new(input);
    assert_eq!(
        lines.line_col(input, err.offset),
        err.position,
        "offset and position disagree for {input:?}"
    );
    assert_eq!(err.to_string(), format!("{line}:{column}: {}", err.message));
    err
}

/// Asserts that `after` is `before` with `before[start..end]` replaced by
/// `replacement`: every byte outside the edited region is unchanged.
#[track_caller]
fn assert_spliced(before: &str, after: &str, start: usize, end: usize, replacement: &str) {
    assert!(start <= end && end <= before.len());
    let tail = before.len() - end;
    assert!(
        after.len() >= start + tail,
        "edited text is too short: {after:?}"
    );
    assert_eq!(
        &after[..start],
        &before[..start],
        "bytes before the edit changed"
    );
    assert_eq!(
        &after[after.len() - tail..],
        &before[end..],
        "bytes after the edit changed"
    );
    assert_eq!(
        &after[start..after.len() - tail],
        replacement,
        "wrong replacement"
    );
}

/// Offset of the only occurrence of `needle` in `text`.
#[track_caller]
fn at(text: &str, needle: &str) -> usize {
    let i = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    assert_eq!(
        text.rfind(needle),
        Some(i),
        "{needle:?} occurs more than once"
    );
    i
}

/// The document re-read from its own bytes has the same text (edits keep it
/// consistent) and the bytes are the text in the source encoding.
#[track_caller]
fn assert_consistent(doc: &Document) {
    let bytes = doc.to_bytes().unwrap();
    let again = Document::parse(&bytes).unwrap();
    assert_eq!(again.text(), doc.text());
    assert_eq!(again.source_encoding(), doc.source_encoding());
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    out
}

// ---------------------------------------------------------------------------
// 1. Fixtures: encodings and byte-exact round trips
// ---------------------------------------------------------------------------

/// What every copy of the answer-file fixture contains, whatever its encoding.
fn check_answer_file(doc: &Document, declared: &str) {
    let text = doc.text();
    assert!(text.starts_with(&format!(
        "<?xml version=\"1.0\" encoding=\"{declared}\"?>\r\n<unattend "
    )));
    assert!(
        !text.starts_with('\u{FEFF}'),
        "the BOM is not part of the text"
    );
    let stats = doc.newlines();
    assert_eq!((stats.lf, stats.crlf, stats.cr), (0, 31, 0));
    assert_eq!(stats.dominant(), Some(Newline::CrLf));
    assert!(!stats.is_mixed());
    assert_eq!(doc.line_index().line_count(), 32);
    assert_eq!(
        doc.slice(doc.declaration().unwrap()).unwrap(),
        format!("<?xml version=\"1.0\" encoding=\"{declared}\"?>")
    );

    let root = doc.root();
    assert!(root.is(UNATTEND_NS, "unattend"));
    assert_eq!(doc.line_col(root.span().start as usize), lc(2, 1));
    assert_eq!(
        root.attribute("xmlns:wcm")
            .map(|a| a.value().into_owned())
            .as_deref(),
        Some(WCM_NS)
    );
    let passes: Vec<_> = root
        .child_elements()
        .map(|s| s.attribute_value("pass").unwrap().into_owned())
        .collect();
    assert_eq!(passes, ["generalize", "specialize", "oobeSystem"]);

    let comment = root
        .children()
        .find(|n| n.kind() == NodeKind::Comment)
        .unwrap();
    assert_eq!(
        comment.value().unwrap(),
        " Generalize keeping drivers, then reseal into audit mode. "
    );
    assert_eq!(doc.line_col(comment.span().start as usize), lc(3, 5));

    let persist = el(doc, "PersistAllDeviceInstalls");
    assert_eq!(persist.text().unwrap(), "true");
    assert_eq!(
        persist.parent().unwrap().attribute_value("name").unwrap(),
        "Microsoft-Windows-PnpSysprep"
    );
    assert_eq!(doc.line_col(persist.span().start as usize), lc(6, 13));

    // <Mode>Audit</Mode> at 27:17, inside Reseal of the oobeSystem Deployment component.
    let mode = el(doc, "Mode");
    assert_eq!(mode.as_node().raw(), "<Mode>Audit</Mode>");
    assert_eq!(doc.slice(mode.name_span()).unwrap(), "Mode");
    assert_eq!(doc.line_col(mode.span().start as usize), lc(27, 17));
    assert_eq!(doc.line_col(mode.name_span().start as usize), lc(27, 18));
    assert_eq!(
        doc.line_col(mode.end_tag_span().unwrap().start as usize),
        lc(27, 28)
    );
    assert_eq!(mode.text().unwrap(), "Audit");
    assert_eq!(doc.slice(mode.text_span().unwrap()).unwrap(), "Audit");
    assert_eq!(mode.depth(), 4);
    let reseal = mode.parent().unwrap();
    assert_eq!(reseal.name(), "Reseal");
    let deployment = reseal.parent().unwrap();
    assert_eq!(
        deployment.attribute_value("name").unwrap(),
        "Microsoft-Windows-Deployment"
    );
    assert_eq!(
        deployment
            .parent()
            .unwrap()
            .attribute_value("pass")
            .unwrap(),
        "oobeSystem"
    );

    let commands = els(doc, "RunSynchronousCommand");
    assert_eq!(commands.len(), 2);
    for (i, c) in commands.iter().enumerate() {
        let action = c.attribute_ns(Some(WCM_NS), "action").unwrap();
        assert_eq!(action.name(), "wcm:action");
        assert_eq!(action.value(), "add");
        assert_eq!(
            c.child("Order").unwrap().text().unwrap(),
            (i + 1).to_string()
        );
    }
    let path = commands[0].child("Path").unwrap();
    assert_eq!(
        path.text().unwrap(),
        "cmd /c echo Standort Zürich > C:\\Windows\\Temp\\site.txt"
    );
    // Columns count characters: `&gt;` follows "Zürich " at column 55 (byte 56).
    let gt = at(doc.text(), "&gt;");
    assert_eq!(doc.line_col(gt), lc(14, 55));
    assert_eq!(
        commands[1].child("Path").unwrap().text().unwrap(),
        "reg add HKLM\\Software\\Contoso /v Site /d \"Zürich\" /f"
    );
}

#[test]
fn utf16le_fixture_round_trips_byte_for_byte() {
    let bytes = fixture!("utf16le-bom.xml");
    assert_eq!(&bytes[..4], &[0xFF, 0xFE, b'<', 0]);
    let doc = Document::parse(&bytes).unwrap();
    assert_eq!(
        doc.source_encoding(),
        &SourceEncoding {
            encoding: TextEncoding::Utf16Le,
            bom: true
        }
    );
    assert_eq!(doc.source_encoding().encoding.name(), "UTF-16LE");
    assert!(
        doc.encoding_findings().is_empty(),
        "{:?}",
        doc.encoding_findings()
    );
    assert_eq!(doc.to_bytes().unwrap(), bytes);
    check_answer_file(&doc, "utf-16");
    // Spans index the decoded UTF-8 text, not the UTF-16 bytes.
    assert_eq!(el(&doc, "Mode").span().start, 1586);
}

#[test]
fn utf16be_fixture_round_trips_byte_for_byte() {
    let bytes = fixture!("utf16be-bom.xml");
    assert_eq!(&bytes[..4], &[0xFE, 0xFF, 0, b'<']);
    let doc = Document::parse(&bytes).unwrap();
    assert_eq!(
        doc.source_encoding(),
        &SourceEncoding {
            encoding: TextEncoding::Utf16Be,
            bom: true
        }
    );
    assert_eq!(doc.source_encoding().encoding.name(), "UTF-16BE");
    assert!(doc.encoding_findings().is_empty());
    assert_eq!(doc.to_bytes().unwrap(), bytes);
    check_answer_file(&doc, "utf-16");
    assert_eq!(el(&doc, "Mode").span().start, 1586);
    // Both byte orders decode to the same text.
    let le = Document::parse(&fixture!("utf16le-bom.xml")).unwrap();
    assert_eq!(doc.text(), le.text());
}

#[test]
fn utf16_fixture_declaring_utf8_is_a_finding_but_reads() {
    let bytes = fixture!("utf16le-declares-utf8.xml");
    let doc = Document::parse(&bytes).unwrap();
    assert_eq!(doc.source_encoding().encoding, TextEncoding::Utf16Le);
    assert!(doc.source_encoding().bom);
    match doc.encoding_findings() {
        [
            EncodingFinding::DeclarationMismatch {
                declared,
                actual,
                span,
            },
        ] => {
            assert_eq!(declared, "utf-8");
            assert_eq!(*actual, "UTF-16LE");
            assert_eq!(doc.slice(*span).unwrap(), "utf-8");
            assert_eq!(doc.line_col(span.start as usize), lc(1, 31));
        }
        other => panic!("unexpected findings {other:?}"),
    }
    assert_eq!(doc.to_bytes().unwrap(), bytes);
    check_answer_file(&doc, "utf-8");
    assert_eq!(el(&doc, "Mode").span().start, 1585);
}

#[test]
fn utf8_bom_crlf_fixture_round_trips_byte_for_byte() {
    let bytes = fixture!("utf8-bom-crlf.xml");
    assert_eq!(&bytes[..4], b"\xEF\xBB\xBF<");
    let doc = Document::parse(&bytes).unwrap();
    assert_eq!(
        doc.source_encoding(),
        &SourceEncoding {
            encoding: TextEncoding::Utf8,
            bom: true
        }
    );
    assert!(doc.encoding_findings().is_empty());
    assert_eq!(doc.to_bytes().unwrap(), bytes);
    assert_eq!(doc.text().as_bytes(), &bytes[3..]);
    check_answer_file(&doc, "utf-8");
    // Same content as the UTF-16 fixture, apart from the declared encoding.
    let le = Document::parse(&fixture!("utf16le-bom.xml")).unwrap();
    assert_eq!(le.text().replacen("utf-16", "utf-8", 1), doc.text());
}

#[test]
fn utf16_fixture_edit_writes_back_utf16_with_bom() {
    for (bytes, be) in [
        (fixture!("utf16le-bom.xml"), false),
        (fixture!("utf16be-bom.xml"), true),
    ] {
        let mut doc = Document::parse(&bytes).unwrap();
        let before = doc.text().to_string();
        let mode = el(&doc, "Mode").id();
        doc.set_text(mode, "OOBE — ünïcode 𝄞").unwrap();
        let start = at(&before, "Audit");
        assert_spliced(&before, doc.text(), start, start + 5, "OOBE — ünïcode 𝄞");
        assert_eq!(el(&doc, "Mode").text().unwrap(), "OOBE — ünïcode 𝄞");
        let written = doc.to_bytes().unwrap();
        let expected = if be {
            utf16be(doc.text())
        } else {
            utf16le(doc.text())
        };
        assert_eq!(written, expected);
        // Bytes before the edit are the original bytes (BOM included)...
        let raw_start = 2 + 2 * before[..start].encode_utf16().count();
        assert_eq!(&written[..raw_start], &bytes[..raw_start]);
        // ...and so are the bytes after it.
        let tail = bytes.len() - (raw_start + 2 * "Audit".len());
        assert_eq!(
            &written[written.len() - tail..],
            &bytes[bytes.len() - tail..]
        );
        assert_eq!(
            doc.source_encoding().encoding,
            if be {
                TextEncoding::Utf16Be
            } else {
                TextEncoding::Utf16Le
            }
        );
        assert_consistent(&doc);
    }
}

#[test]
fn utf16_without_bom_and_odd_lengths() {
    let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><a>é</a>";
    let mut bytes = utf16le(text);
    bytes.drain(..2);
    let doc = Document::parse(&bytes).unwrap();
    assert_eq!(
        doc.source_encoding(),
        &SourceEncoding {
            encoding: TextEncoding::Utf16Le,
            bom: false
        }
    );
    assert_eq!(doc.to_bytes().unwrap(), bytes);
    // An odd byte count cannot be UTF-16.
    let mut odd = utf16le("<a>\nx</a>");
    odd.push(b'!');
    let err = parse_err(&odd);
    assert_eq!(err.kind, ParseErrorKind::Encoding);
    assert_eq!(err.position.line, 2);
    assert_eq!(err.offset, odd.len() - 1);
    // UTF-32 is refused rather than misread.
    assert_eq!(
        parse_err(&[0xFF, 0xFE, 0, 0, b'<', 0, 0, 0]).kind,
        ParseErrorKind::Encoding
    );
}

#[test]
fn utf8_declaring_utf16_and_unknown_labels_are_findings() {
    let doc = Document::parse(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a/>").unwrap();
    assert_eq!(doc.source_encoding().encoding, TextEncoding::Utf8);
    assert!(matches!(
        doc.encoding_findings(),
        [EncodingFinding::DeclarationMismatch { declared, actual: "UTF-8", .. }] if declared == "UTF-16"
    ));
    let doc = Document::parse(b"<?xml version=\"1.0\" encoding=\"klingon\"?>\n<a/>").unwrap();
    match doc.encoding_findings() {
        [EncodingFinding::UnknownLabel { declared, span }] => {
            assert_eq!(declared, "klingon");
            assert_eq!(doc.slice(*span).unwrap(), "klingon");
        }
        other => panic!("unexpected findings {other:?}"),
    }
}

#[test]
fn declared_latin1_is_read_and_written_back() {
    let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n<a>Z\xFCrich</a>\r\n";
    let doc = Document::parse(bytes).unwrap();
    assert!(matches!(
        doc.source_encoding().encoding,
        TextEncoding::Legacy(_)
    ));
    assert!(doc.encoding_findings().is_empty());
    assert_eq!(doc.root().text().unwrap(), "Zürich");
    assert_eq!(doc.to_bytes().unwrap(), bytes);
}

#[test]
fn invalid_utf8_falls_back_to_windows_1252_and_round_trips() {
    // Mostly UTF-8 ("Zürich", "—") with one stray Windows-1252 byte (0xE9, "é").
    let mut bytes = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a>\n  <b>Zürich — caf"
        .as_bytes()
        .to_vec();
    let raw_offset = bytes.len();
    bytes.extend_from_slice(b"\xE9</b>\n</a>\n");
    let doc = Document::parse(&bytes).unwrap();
    assert_eq!(doc.source_encoding().encoding.name(), "windows-1252");
    assert!(!doc.source_encoding().bom);
    match doc.encoding_findings() {
        [
            EncodingFinding::InvalidUtf8 {
                raw_offset: r,
                position,
                read_as,
            },
        ] => {
            assert_eq!(*r, raw_offset);
            assert_eq!(*read_as, "windows-1252");
            // Line 3 reads "  <b>ZÃ¼rich â€” café": the invalid byte is the
            // 21st character ("é"), whatever the byte lengths before it.
            assert_eq!(*position, lc(3, 21));
            assert_eq!(
                doc.text().lines().nth(2).unwrap().chars().nth(20),
                Some('é')
            );
        }
        other => panic!("unexpected findings {other:?}"),
    }
    assert_eq!(doc.to_bytes().unwrap(), bytes);
}

#[test]
fn invalid_utf8_after_bom_round_trips() {
    let bytes = b"\xEF\xBB\xBF<a>\x80\x81\x8D\xFF</a>";
    let doc = Document::parse(bytes).unwrap();
    assert!(doc.source_encoding().bom);
    assert!(matches!(
        doc.encoding_findings(),
        [EncodingFinding::InvalidUtf8 { raw_offset: 6, position, .. }] if *position == lc(1, 4)
    ));
    assert_eq!(doc.root().text().unwrap().chars().count(), 4);
    assert_eq!(doc.to_bytes().unwrap(), bytes);
}

// ---------------------------------------------------------------------------
// 2. Spans, positions, names, namespaces, navigation, values
// ---------------------------------------------------------------------------

const SAMPLE: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
    "<?xml-stylesheet type=\"text/xsl\" href=\"unattend.xsl\"?>\n",
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\" xmlns:cpi=\"urn:schemas-microsoft-com:cpi\">\n",
    "  <settings pass=\"windowsPE\">\n",
    "    <component name=\"Microsoft-Windows-Setup\" xmlns:w=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n",
    "      <UserData>\n",
    "        <ProductKey w:action=\"add\">\n",
    "          <Key>AAAAA-&amp;-&#x42;&#67;</Key>\n",
    "          <WillShowUI>OnError</WillShowUI>\n",
    "        </ProductKey>\n",
    "        <FullName><![CDATA[<Ops & Co>]]> GmbH</FullName>\n",
    "        <Organization>Zürich — Straße</Organization>\n",
    "      </UserData>\n",
    "      <!-- ä comment -->\n",
    "      <Empty/>\n",
    "      <EmptyAttr x='1' />\n",
    "    </component>\n",
    "    <component name=\"Microsoft-Windows-Deployment\">\n",
    "      <RunSynchronous>\n",
    "        <RunSynchronousCommand wcm:action=\"add\"><Order>1</Order></RunSynchronousCommand>\n",
    "      </RunSynchronous>\n",
    "    </component>\n",
    "  </settings>\n",
    "  <cpi:offlineImage cpi:source=\"wim:c:/install.wim#Windows 11 Pro\" />\n",
    "</unattend>\n",
);

fn sample() -> Document {
    let doc = Document::parse_str(SAMPLE).unwrap();
    assert_eq!(doc.to_bytes().unwrap(), SAMPLE.as_bytes());
    assert_eq!(doc.source_encoding(), &SourceEncoding::default());
    assert!(doc.encoding_findings().is_empty());
    doc
}

#[track_caller]
fn pos(doc: &Document, offset: u32) -> LineCol {
    doc.line_col(offset as usize)
}

#[test]
fn top_level_nodes_declaration_and_processing_instruction() {
    let doc = sample();
    let top: Vec<_> = doc
        .nodes()
        .filter(|n| n.parent().is_none())
        .map(|n| n.kind())
        .collect();
    assert_eq!(
        top,
        [
            NodeKind::Declaration,
            NodeKind::ProcessingInstruction,
            NodeKind::Element
        ]
    );
    let decl = doc.declaration().unwrap();
    assert_eq!(decl, Span { start: 0, end: 38 });
    assert_eq!(
        doc.slice(decl).unwrap(),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    );
    let pi = doc
        .nodes()
        .find(|n| n.kind() == NodeKind::ProcessingInstruction)
        .unwrap();
    assert_eq!(
        pi.raw(),
        "<?xml-stylesheet type=\"text/xsl\" href=\"unattend.xsl\"?>"
    );
    assert_eq!(pos(&doc, pi.span().start), lc(2, 1));
    assert_eq!(pi.value(), None);
    assert!(pi.as_element().is_none());
    assert!(Document::parse_str("<a/>").unwrap().declaration().is_none());
}

#[test]
fn element_and_attribute_spans() {
    let doc = sample();
    let root = doc.root();
    assert_eq!(root.name(), "unattend");
    assert_eq!(pos(&doc, root.span().start), lc(3, 1));
    assert_eq!(pos(&doc, root.name_span().start), lc(3, 2));
    assert_eq!(
        doc.slice(root.span()).unwrap(),
        &SAMPLE[at(SAMPLE, "<unattend ")..SAMPLE.len() - 1]
    );
    assert_eq!(
        doc.slice(root.end_tag_span().unwrap()).unwrap(),
        "</unattend>"
    );
    assert_eq!(pos(&doc, root.end_tag_span().unwrap().start), lc(25, 1));

    let settings = el(&doc, "settings");
    assert_eq!(pos(&doc, settings.span().start), lc(4, 3));
    assert_eq!(pos(&doc, settings.name_span().start), lc(4, 4));
    assert_eq!(
        doc.slice(settings.start_tag_span()).unwrap(),
        "<settings pass=\"windowsPE\">"
    );
    let pass = settings.attribute("pass").unwrap();
    assert_eq!(doc.slice(pass.name_span()).unwrap(), "pass");
    assert_eq!(pos(&doc, pass.name_span().start), lc(4, 13));
    assert_eq!(doc.slice(pass.value_span()).unwrap(), "windowsPE");
    assert_eq!(pos(&doc, pass.value_span().start), lc(4, 19));
    assert_eq!(doc.slice(pass.span()).unwrap(), "pass=\"windowsPE\"");
    assert_eq!(pass.quote(), '"');
    assert_eq!(pass.owner(), settings);
    assert_eq!(settings.attributes().len(), 1);

    let key = el(&doc, "ProductKey").attribute("w:action").unwrap();
    assert_eq!(pos(&doc, key.name_span().start), lc(7, 21));
    assert_eq!(pos(&doc, key.value_span().start), lc(7, 31));
    assert_eq!(key.raw_value(), "add");

    let command = el(&doc, "RunSynchronousCommand");
    let action = command.attribute("wcm:action").unwrap();
    assert_eq!(pos(&doc, action.name_span().start), lc(20, 32));
    assert_eq!(pos(&doc, command.span().end - 1), lc(20, 88));
    assert_eq!(command.span().end, command.end_tag_span().unwrap().end);

    let image = el(&doc, "cpi:offlineImage");
    let source = image.attribute("cpi:source").unwrap();
    assert_eq!(pos(&doc, source.value_span().start), lc(24, 33));
    assert_eq!(source.value(), "wim:c:/install.wim#Windows 11 Pro");
}

#[test]
fn self_closing_elements() {
    let doc = sample();
    let empty = el(&doc, "Empty");
    assert!(empty.is_self_closing());
    assert_eq!(empty.end_tag_span(), None);
    assert_eq!(empty.content_span(), None);
    assert_eq!(empty.text_span(), None);
    assert_eq!(empty.span(), empty.start_tag_span());
    assert_eq!(empty.as_node().raw(), "<Empty/>");
    assert_eq!(pos(&doc, empty.span().start), lc(15, 7));
    assert_eq!(empty.text().unwrap(), "");
    assert_eq!(empty.children().count(), 0);

    let with_attr = el(&doc, "EmptyAttr");
    assert!(with_attr.is_self_closing());
    assert_eq!(with_attr.as_node().raw(), "<EmptyAttr x='1' />");
    let x = with_attr.attribute("x").unwrap();
    assert_eq!(x.quote(), '\'');
    assert_eq!(x.value(), "1");
    assert_eq!(pos(&doc, x.name_span().start), lc(16, 18));
    assert_eq!(pos(&doc, x.value_span().start), lc(16, 21));

    // `<a></a>` is not self-closing: it has an (empty) content span.
    let doc = Document::parse_str("<a><b></b></a>").unwrap();
    let b = el(&doc, "b");
    assert!(!b.is_self_closing());
    assert_eq!(b.content_span(), Some(Span { start: 6, end: 6 }));
    assert_eq!(b.text().unwrap(), "");
}

#[test]
fn text_comment_and_cdata_nodes() {
    let doc = sample();
    let key = el(&doc, "Key");
    assert_eq!(key.text().unwrap(), "AAAAA-&-BC");
    let children: Vec<_> = key.children().collect();
    assert_eq!(
        children.len(),
        1,
        "references are merged into one text node"
    );
    assert_eq!(children[0].kind(), NodeKind::Text);
    assert_eq!(children[0].raw(), "AAAAA-&amp;-&#x42;&#67;");
    assert_eq!(pos(&doc, children[0].span().start), lc(8, 16));
    assert_eq!(pos(&doc, key.end_tag_span().unwrap().start), lc(8, 39));
    assert_eq!(children[0].parent().unwrap(), key);
    assert!(!children[0].is_whitespace());

    let full = el(&doc, "FullName");
    let kinds: Vec<_> = full.children().map(|n| n.kind()).collect();
    assert_eq!(kinds, [NodeKind::CData, NodeKind::Text]);
    let cdata = full.children().next().unwrap();
    assert_eq!(cdata.value().unwrap(), "<Ops & Co>");
    assert_eq!(pos(&doc, cdata.span().start), lc(11, 19));
    assert_eq!(full.text().unwrap(), "<Ops & Co> GmbH");
    assert_eq!(pos(&doc, full.end_tag_span().unwrap().start), lc(11, 46));

    let comment = doc.nodes().find(|n| n.kind() == NodeKind::Comment).unwrap();
    assert_eq!(comment.value().unwrap(), " ä comment ");
    assert_eq!(comment.raw(), "<!-- ä comment -->");
    assert_eq!(pos(&doc, comment.span().start), lc(14, 7));
    assert_eq!(
        comment.parent().unwrap().attribute_value("name").unwrap(),
        "Microsoft-Windows-Setup"
    );

    // Whitespace between elements is kept as text nodes.
    let user_data = el(&doc, "UserData");
    let ws: Vec<_> = user_data
        .children()
        .filter(|n| n.kind() == NodeKind::Text)
        .collect();
    assert_eq!(ws.len(), 4);
    assert!(ws.iter().all(|n| n.is_whitespace()));
    assert_eq!(ws[0].raw(), "\n        ");
}

#[test]
fn text_values_resolve_references_and_normalize_newlines() {
    let doc = Document::parse_str(
        "<a>\r\n<b>x &lt;&gt;&amp;&apos;&quot; &#x1F600;&#9;y</b><c>1\r\n2\r3<![CDATA[\r\n&amp;]]><!-- skip -->4</c>\
         <d v=\"a&#10;b\tc\r\nd &amp; &#x20AC;\" w='&quot;\"'/></a>",
    )
    .unwrap();
    assert_eq!(el(&doc, "b").text().unwrap(), "x <>&'\" 😀\ty");
    assert_eq!(el(&doc, "c").text().unwrap(), "1\n2\n3\n&amp;4");
    let d = el(&doc, "d");
    assert_eq!(d.attribute_value("v").unwrap(), "a\nb c d & €");
    assert_eq!(
        d.attribute("v").unwrap().raw_value(),
        "a&#10;b\tc\r\nd &amp; &#x20AC;"
    );
    assert_eq!(d.attribute_value("w").unwrap(), "\"\"");
    // An element with child elements has no text value.
    assert_eq!(doc.root().text(), None);
    assert_eq!(doc.root().text_span(), None);
}

#[test]
fn namespaces_resolve_and_prefixes_are_kept_as_written() {
    let doc = sample();
    let root = doc.root();
    assert_eq!(root.namespace(), Some(UNATTEND_NS));
    assert_eq!(root.prefix(), None);
    assert_eq!(root.local_name(), "unattend");

    // Unprefixed descendants inherit the default namespace.
    for e in root.descendants().filter(|e| e.prefix().is_none()) {
        assert_eq!(e.namespace(), Some(UNATTEND_NS), "{e:?}");
    }

    // The cpi prefix.
    let image = el(&doc, "cpi:offlineImage");
    assert_eq!(image.prefix(), Some("cpi"));
    assert_eq!(image.local_name(), "offlineImage");
    assert_eq!(image.namespace(), Some(CPI_NS));
    assert!(image.is(CPI_NS, "offlineImage"));
    assert!(!image.is(UNATTEND_NS, "offlineImage"));
    let source = image.attribute_ns(Some(CPI_NS), "source").unwrap();
    assert_eq!(source.prefix(), Some("cpi"));
    assert_eq!(
        image.attribute_value("source"),
        None,
        "attribute_value is for unprefixed names"
    );

    // wcm:action and w:action (another prefix for the same URI) are the same attribute name.
    let wcm = el(&doc, "RunSynchronousCommand")
        .attribute("wcm:action")
        .unwrap();
    let w = el(&doc, "ProductKey").attribute("w:action").unwrap();
    assert_eq!(wcm.namespace(), Some(WCM_NS));
    assert_eq!(w.namespace(), Some(WCM_NS));
    assert_eq!((wcm.prefix(), wcm.local_name()), (Some("wcm"), "action"));
    assert_eq!(
        (w.prefix(), w.local_name(), w.name()),
        (Some("w"), "action", "w:action")
    );
    let found = el(&doc, "ProductKey")
        .attribute_ns(Some(WCM_NS), "action")
        .unwrap();
    assert_eq!(found.name(), "w:action");
    assert!(el(&doc, "ProductKey").attribute("wcm:action").is_none());
    assert!(
        el(&doc, "ProductKey")
            .attribute_ns(None, "action")
            .is_none()
    );

    // Unprefixed attributes have no namespace; declarations are recognised.
    let pass = el(&doc, "settings").attribute("pass").unwrap();
    assert_eq!(pass.namespace(), None);
    assert!(!pass.is_namespace_declaration());
    let decls: Vec<_> = root
        .attributes()
        .filter(|a| a.is_namespace_declaration())
        .map(|a| a.name())
        .collect();
    assert_eq!(decls, ["xmlns", "xmlns:wcm", "xmlns:cpi"]);
    assert_eq!(root.attribute_value("xmlns"), None);
    assert_eq!(root.attribute("xmlns").unwrap().value(), UNATTEND_NS);
}

#[test]
fn namespace_scoping_and_undeclaring() {
    let doc = Document::parse_str(
        "<a xmlns=\"urn:one\" xmlns:p=\"urn:p1\">\
           <b xmlns=\"\"><c/></b>\
           <p:d xmlns:p=\"urn:p2\"><p:e/></p:d>\
           <p:f/>\
           <g xml:lang=\"de\"/>\
         </a>",
    )
    .unwrap();
    assert_eq!(el(&doc, "a").namespace(), Some("urn:one"));
    assert_eq!(el(&doc, "b").namespace(), None);
    assert_eq!(el(&doc, "c").namespace(), None);
    assert_eq!(el(&doc, "p:d").namespace(), Some("urn:p2"));
    assert_eq!(el(&doc, "p:e").namespace(), Some("urn:p2"));
    // The inner binding of p ended with p:d.
    assert_eq!(el(&doc, "p:f").namespace(), Some("urn:p1"));
    let lang = el(&doc, "g").attribute("xml:lang").unwrap();
    assert_eq!(
        lang.namespace(),
        Some("http://www.w3.org/XML/1998/namespace")
    );
    assert_eq!(el(&doc, "g").namespace(), Some("urn:one"));
}

#[test]
fn navigation_child_children_descendants_parent_depth() {
    let doc = sample();
    let root = doc.root();
    assert_eq!(root.parent(), None);
    assert_eq!(root.depth(), 0);
    assert_eq!(root.as_node().parent(), None);
    let settings = root.child("settings").unwrap();
    assert_eq!(settings.depth(), 1);
    assert_eq!(settings.parent().unwrap(), root);
    // child() looks in the element's own namespace: cpi:offlineImage is not found as "offlineImage".
    assert!(root.child("offlineImage").is_none());
    assert!(
        root.child("component").is_none(),
        "child() does not search grandchildren"
    );

    let components: Vec<_> = settings.child_elements().collect();
    assert_eq!(components.len(), 2);
    assert_eq!(settings.child("component").unwrap(), components[0]);
    let user_data = components[0].child("UserData").unwrap();
    let names: Vec<_> = user_data.descendants().map(|e| e.name()).collect();
    assert_eq!(
        names,
        [
            "ProductKey",
            "Key",
            "WillShowUI",
            "FullName",
            "Organization"
        ]
    );
    let direct: Vec<_> = user_data.child_elements().map(|e| e.name()).collect();
    assert_eq!(direct, ["ProductKey", "FullName", "Organization"]);
    assert_eq!(user_data.children().count(), 7);

    let key = el(&doc, "Key");
    assert_eq!(key.depth(), 5);
    let ancestors: Vec<_> = std::iter::successors(key.parent(), |p| p.parent())
        .map(|p| p.name())
        .collect();
    assert_eq!(
        ancestors,
        [
            "ProductKey",
            "UserData",
            "component",
            "settings",
            "unattend"
        ]
    );
    assert!(!key.has_child_elements());
    assert!(user_data.has_child_elements());

    let kinds: Vec<_> = components[0].children().map(|n| n.kind()).collect();
    use NodeKind::{Comment, Element, Text};
    assert_eq!(
        kinds,
        [
            Text, Element, Text, Comment, Text, Element, Text, Element, Text
        ]
    );

    // Ids round-trip through the document; a text node is not an element.
    assert_eq!(doc.element(key.id()).unwrap(), key);
    assert_eq!(doc.node(key.id()).unwrap().span(), key.span());
    let text = key.children().next().unwrap();
    assert!(doc.element(text.id()).is_none());
    assert_eq!(doc.node(text.id()).unwrap().kind(), NodeKind::Text);
    assert_eq!(
        key.id().index(),
        doc.nodes().position(|n| n.span() == key.span()).unwrap()
    );
    let count = doc.nodes().count();
    assert!(doc.nodes().last().unwrap().id().index() == count - 1);
    // The root's subtree holds every node but the declaration and the PI.
    assert_eq!(root.descendants().count() + 1, doc.elements().count());
    assert_eq!(doc.elements().next().unwrap(), root);
    assert_eq!(key.document().text(), doc.text());
}

#[test]
fn columns_count_unicode_scalar_values_not_bytes() {
    let doc = sample();
    let org = el(&doc, "Organization");
    // "Zürich — Straße" is 15 characters but 19 bytes.
    assert_eq!(pos(&doc, org.content_span().unwrap().start), lc(12, 23));
    assert_eq!(pos(&doc, org.end_tag_span().unwrap().start), lc(12, 38));

    let text = "<a>\r\n𝄞<b/>\r😀é<c/>\n\t<d/></a>";
    let doc = Document::parse_str(text).unwrap();
    assert_eq!(pos(&doc, el(&doc, "b").span().start), lc(2, 2));
    assert_eq!(pos(&doc, el(&doc, "c").span().start), lc(3, 3));
    assert_eq!(pos(&doc, el(&doc, "d").span().start), lc(4, 2));
    assert_eq!(doc.line_index().line_count(), 4);
    assert_eq!(doc.line_index().line_start(3), Some(at(text, "😀")));
    // Past the end clamps; inside a multi-byte character counts it as started.
    assert_eq!(doc.line_col(10_000), lc(4, 10));
    assert_eq!(doc.line_col(at(text, "𝄞") + 2), lc(2, 2));
}

// ---------------------------------------------------------------------------
// 3. Errors: every malformed input is refused with a position
// ---------------------------------------------------------------------------

use ParseErrorKind::{Doctype, Reference, Syntax, UnboundPrefix};

#[test]
fn doctype_is_refused_and_never_expanded() {
    assert_parse_err(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE unattend>\n<unattend/>",
        Doctype,
        2,
        1,
        "DOCTYPE",
    );
    assert_parse_err(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE unattend SYSTEM \"http://example.invalid/x.dtd\">\n<unattend/>",
        Doctype,
        2,
        1,
        "never expanded",
    );
    // Billion laughs: ten levels of ten references would expand to 10^10 "lol"s.
    let mut subset = String::from("<!ENTITY lol0 \"lol\">\n");
    for i in 1..10 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        subset.push_str(&format!("<!ENTITY lol{i} \"{refs}\">\n"));
    }
    let bomb =
        format!("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n{subset}]>\n<lolz>&lol9;</lolz>\n");
    let err = assert_parse_err(&bomb, Doctype, 2, 1, "DOCTYPE");
    assert_eq!(err.offset, at(&bomb, "<!DOCTYPE"));
    // With an internal subset on one line, and after the root or inside it.
    assert_parse_err(
        "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        Doctype,
        1,
        1,
        "DOCTYPE",
    );
    assert_parse_err("<a>\n  <!DOCTYPE a>\n</a>", Doctype, 2, 3, "DOCTYPE");
    assert_parse_err("<a/>\n<!DOCTYPE a>", Doctype, 2, 1, "DOCTYPE");
}

#[test]
fn entity_and_character_references() {
    assert_parse_err(
        "<a>\n  &nbsp;</a>",
        Reference,
        2,
        3,
        "undefined entity &nbsp;",
    );
    assert_parse_err(
        "<a x=\"&lol;\"/>",
        Reference,
        1,
        7,
        "undefined entity &lol;",
    );
    assert_parse_err(
        "<a>&#0;</a>",
        Reference,
        1,
        4,
        "invalid character reference &#0;",
    );
    assert_parse_err("<a>ok &#xD800;</a>", Reference, 1, 7, "&#xD800;");
    assert_parse_err(
        "<a>&#x110000;</a>",
        Reference,
        1,
        4,
        "invalid character reference",
    );
    assert_parse_err(
        "<a>&#xFFFE;</a>",
        Reference,
        1,
        4,
        "invalid character reference",
    );
    assert_parse_err(
        "<a>&#x1F;</a>",
        Reference,
        1,
        4,
        "invalid character reference",
    );
    assert_parse_err(
        "<a>&#x;</a>",
        Reference,
        1,
        4,
        "invalid character reference",
    );
    assert_parse_err("<a>&#65</a>", Reference, 1, 4, "'&' must start a reference");
    assert_parse_err("<a>&amp</a>", Reference, 1, 4, "'&' must start a reference");
    assert_parse_err("<a>AT&T</a>", Reference, 1, 6, "write a literal & as &amp;");
    // Allowed references.
    let doc = Document::parse_str("<a>&#9;&#xA;&#xd;&#x10FFFF;</a>").unwrap();
    assert_eq!(doc.root().text().unwrap(), "\t\n\r\u{10FFFF}");
}

#[test]
fn attribute_syntax_errors() {
    assert_parse_err(
        "<a x=\"Tom & Jerry\"/>",
        Reference,
        1,
        11,
        "'&' must start a reference",
    );
    assert_parse_err(
        "<a x=\"a<b\"/>",
        Syntax,
        1,
        8,
        "'<' is not allowed in attribute values",
    );
    assert_parse_err(
        "<a x=\"1\"y=\"2\"/>",
        Syntax,
        1,
        9,
        "expected whitespace before the attribute",
    );
    assert_parse_err("<a\n  x/>", Syntax, 2, 3, "attribute \"x\" has no value");
    assert_parse_err(
        "<a x y=\"1\"/>",
        Syntax,
        1,
        4,
        "attribute \"x\" has no value",
    );
    assert_parse_err("<a x=1/>", Syntax, 1, 6, "must be quoted");
    assert_parse_err(
        "<a 1x=\"1\"/>",
        Syntax,
        1,
        4,
        "invalid attribute name \"1x\"",
    );
    assert_parse_err("<a =\"1\"/>", Syntax, 1, 4, "invalid attribute name");
    // Whitespace of any kind separates attributes.
    assert_eq!(
        Document::parse_str("<a x=\"1\"\t\r\n y='2'/>")
            .unwrap()
            .root()
            .attributes()
            .len(),
        2
    );
}

#[test]
fn duplicate_attributes_by_name_and_by_expanded_name() {
    assert_parse_err(
        "<a x=\"1\" x='2'/>",
        Syntax,
        1,
        10,
        "duplicate attribute \"x\"",
    );
    assert_parse_err(
        "<a\nx=\"1\"\ny=\"2\"\nx=\"3\"/>",
        Syntax,
        4,
        1,
        "duplicate attribute",
    );
    // Two prefixes bound to one URI name the same attribute.
    assert_parse_err(
        "<a xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\" \
         xmlns:w=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n  \
         <b wcm:action=\"add\" w:action=\"remove\"/>\n</a>",
        Syntax,
        2,
        23,
        "duplicate attribute \"w:action\"",
    );
    assert_parse_err(
        "<a xmlns:p=\"u\" xmlns:p=\"v\"/>",
        Syntax,
        1,
        16,
        "duplicate attribute",
    );
    // The same local name in different namespaces is fine.
    let doc = Document::parse_str("<a xmlns:p=\"u\" xmlns:q=\"v\" p:x=\"1\" q:x=\"2\" x=\"3\"/>")
        .unwrap();
    assert_eq!(
        doc.root().attribute_ns(Some("v"), "x").unwrap().value(),
        "2"
    );
    assert_eq!(doc.root().attribute_value("x").unwrap(), "3");
}

#[test]
fn element_structure_errors() {
    let err = assert_parse_err("<a>\n  <b>\n  </c>\n</a>", Syntax, 3, 3, "found </c>");
    assert!(
        err.message
            .contains("expected </b> to close the element opened at 2:3"),
        "{err}"
    );
    assert_parse_err("<a></a:b>", Syntax, 1, 4, "opened at 1:1");
    let err = assert_parse_err("<a>\n  <b>", Syntax, 2, 6, "unexpected end of file");
    assert!(
        err.message.contains("<b> opened at 2:3 is not closed"),
        "{err}"
    );
    assert_parse_err("<a/><b/>", Syntax, 1, 5, "content after the root element");
    assert_parse_err("<a/>\ntext", Syntax, 2, 1, "content after the root element");
    assert_parse_err(
        "<a/>\n  &amp;",
        Syntax,
        2,
        3,
        "content after the root element",
    );
    assert_parse_err(
        "<a/>\n</a>",
        Syntax,
        1 + 1,
        1,
        "without a matching start tag",
    );
    assert_parse_err("</a>", Syntax, 1, 1, "without a matching start tag");
    assert_parse_err("hello <a/>", Syntax, 1, 1, "text before the root element");
    assert_parse_err("\n  x<a/>", Syntax, 2, 3, "text before the root element");
    assert_parse_err(
        "<a><![CDATA[x]]></a>\n<![CDATA[y]]>",
        Syntax,
        2,
        1,
        "CDATA is not allowed outside",
    );
    assert_parse_err("", Syntax, 1, 1, "no root element");
    assert_parse_err("  \r\n ", Syntax, 2, 2, "no root element");
    assert_parse_err(
        "<?xml version=\"1.0\"?>\n<!-- nothing -->\n",
        Syntax,
        3,
        1,
        "no root element",
    );
    assert_parse_err("<1a/>", Syntax, 1, 2, "invalid element name \"1a\"");
    assert_parse_err("<a:/>", Syntax, 1, 2, "invalid element name");
    assert_parse_err("< a/>", Syntax, 1, 2, "invalid element name");
    // Comments, PIs and whitespace may surround the root.
    let doc = Document::parse_str("<!-- before -->\n<a/>\n<!-- after -->\n<?pi x?>\n").unwrap();
    let top: Vec<_> = doc.nodes().map(|n| n.kind()).collect();
    assert_eq!(
        top,
        [
            NodeKind::Comment,
            NodeKind::Element,
            NodeKind::Comment,
            NodeKind::ProcessingInstruction
        ]
    );
}

#[test]
fn namespace_errors() {
    assert_parse_err(
        "<p:a/>",
        UnboundPrefix,
        1,
        2,
        "namespace prefix 'p' is not declared",
    );
    assert_parse_err("<a q:x=\"1\"/>", UnboundPrefix, 1, 4, "xmlns:q");
    // A binding ends with its element.
    assert_parse_err(
        "<a>\n  <p:b xmlns:p=\"u\"/>\n  <p:c/>\n</a>",
        UnboundPrefix,
        3,
        4,
        "'p'",
    );
    // wcm must be declared (a common mistake in real answer files).
    assert_parse_err(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <Item wcm:action=\"add\"/>\n</unattend>",
        UnboundPrefix,
        2,
        9,
        "'wcm'",
    );
    assert_parse_err("<a xmlns:p=\"\"/>", Syntax, 1, 4, "cannot be undeclared");
    assert_parse_err("<xmlns:a/>", Syntax, 1, 2, "reserved");
    // Reserved prefixes and namespace names (Namespaces in XML 1.0, section 3).
    assert_parse_err("<a xmlns:xmlns=\"urn:x\"/>", Syntax, 1, 4, "reserved");
    assert_parse_err("<a xmlns:xml=\"urn:x\"/>", Syntax, 1, 4, "reserved");
    assert_parse_err(
        "<a xmlns:p=\"http://www.w3.org/2000/xmlns/\"/>",
        Syntax,
        1,
        4,
        "reserved",
    );
    assert_parse_err(
        "<a xmlns=\"http://www.w3.org/XML/1998/namespace\"/>",
        Syntax,
        1,
        4,
        "reserved",
    );
    assert!(Document::parse_str("<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>").is_ok());
}

#[test]
fn invalid_characters() {
    assert_parse_err("<a>\u{1}</a>", Syntax, 1, 4, "U+0001");
    assert_parse_err("<a>\n é\u{1F}</a>", Syntax, 2, 3, "U+001F");
    assert_parse_err("<a x=\"\u{7}\"/>", Syntax, 1, 7, "U+0007");
    assert_parse_err("<a>\u{FFFE}</a>", Syntax, 1, 4, "U+FFFE");
    assert_parse_err("<a>\u{FFFF}</a>", Syntax, 1, 4, "U+FFFF");
    assert_parse_err("<!-- \u{C} --><a/>", Syntax, 1, 6, "U+000C");
    // NUL bytes, anywhere.
    assert_parse_err("<a>\0</a>", Syntax, 1, 4, "U+0000");
    assert_parse_err("<a\0/>", Syntax, 1, 3, "U+0000");
    let err = parse_err(b"\0\0\0\0");
    assert_eq!((err.kind, err.position), (Syntax, lc(1, 1)));
    // C1 controls and line/paragraph separators are XML characters.
    assert!(Document::parse_str("<a>\u{85}\u{2028}\u{9F}</a>").is_ok());
}

#[test]
fn cdata_end_in_text_and_double_hyphen_in_comments() {
    assert_parse_err("<a>x]]>y</a>", Syntax, 1, 5, "']]>' is not allowed in text");
    assert_parse_err("<a><![CDATA[ ]]> ]]></a>", Syntax, 1, 18, "']]>'");
    assert!(Document::parse_str("<a>]]&gt; ]] ></a>").is_ok());
    assert_parse_err(
        "<a>\n<!-- a -- b --></a>",
        Syntax,
        2,
        8,
        "'--' is not allowed inside a comment",
    );
    assert_parse_err("<a><!-- a ---></a>", Syntax, 1, 11, "'--'");
    assert!(Document::parse_str("<a><!----><!-- - --></a>").is_ok());
}

#[test]
fn xml_declaration_must_come_first_and_be_well_formed() {
    assert_parse_err(
        "\n<?xml version=\"1.0\"?><a/>",
        Syntax,
        2,
        1,
        "at the very start",
    );
    assert_parse_err(
        " <?xml version=\"1.0\"?><a/>",
        Syntax,
        1,
        2,
        "at the very start",
    );
    assert_parse_err(
        "<!-- c -->\n<?xml version=\"1.0\"?>\n<a/>",
        Syntax,
        2,
        1,
        "at the very start",
    );
    assert_parse_err(
        "<a/><?xml version=\"1.0\"?>",
        Syntax,
        1,
        5,
        "at the very start",
    );
    assert_parse_err(
        "<?xml version=\"1.0\"?>\n<a><?xml version=\"1.0\"?></a>",
        Syntax,
        2,
        4,
        "at the very start",
    );
    assert_parse_err(
        "<?XML version=\"1.0\"?><a/>",
        Syntax,
        1,
        1,
        "at the very start",
    );
    // The declaration's pseudo-attributes: version first, then encoding, then standalone.
    assert_parse_err("<?xml?><a/>", Syntax, 1, 1, "must start with version");
    assert_parse_err(
        "<?xml encoding=\"utf-8\"?><a/>",
        Syntax,
        1,
        7,
        "must start with version",
    );
    assert_parse_err(
        "<?xml version=\"1.0\" foo=\"x\"?><a/>",
        Syntax,
        1,
        21,
        "\"foo\" is not allowed",
    );
    assert_parse_err(
        "<?xml version=\"2.0\"?><a/>",
        Syntax,
        1,
        16,
        "invalid version \"2.0\"",
    );
    assert_parse_err(
        "<?xml version=\"1.0\" standalone=\"maybe\"?><a/>",
        Syntax,
        1,
        33,
        "invalid standalone",
    );
    assert_parse_err(
        "<?xml version=\"1.0\" encoding=\"\"?><a/>",
        Syntax,
        1,
        31,
        "invalid encoding",
    );
    assert_parse_err(
        "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"utf-8\"?><a/>",
        Syntax,
        1,
        38,
        "out of order",
    );
    assert_parse_err(
        "<?xml version=\"1.0\" version=\"1.0\"?><a/>",
        Syntax,
        1,
        21,
        "repeated",
    );
    assert_parse_err(
        "<?xml version=\"1.0\"encoding=\"utf-8\"?><a/>",
        Syntax,
        1,
        20,
        "whitespace",
    );
    assert_parse_err("<?xml version=1.0?><a/>", Syntax, 1, 15, "must be quoted");
    for ok in [
        "<?xml version=\"1.0\"?><a/>",
        "<?xml version='1.0' encoding='UTF-8' standalone='no' ?><a/>",
        "<?xml version = \"1.1\"\n encoding=\"windows-1252\"?><a/>",
        "<?xml version=\"1.0\" standalone=\"yes\"?><a/>",
    ] {
        let doc = Document::parse_str(ok).unwrap_or_else(|e| panic!("{ok:?}: {e}"));
        assert_eq!(doc.declaration().unwrap().start, 0);
    }
    // Processing instructions need a proper target.
    assert_parse_err(
        "<a><?x:y?></a>",
        Syntax,
        1,
        6,
        "invalid processing instruction target",
    );
    assert_parse_err(
        "<a><? x?></a>",
        Syntax,
        1,
        6,
        "invalid processing instruction target",
    );
}

#[test]
fn truncated_files() {
    let full = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
                <unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  \
                <settings pass=\"specialize\">\n    \
                <!-- name -->\n    \
                <ComputerName>PC&amp;1</ComputerName>\n  \
                </settings>\n\
                </unattend>\n";
    assert!(Document::parse_str(full).is_ok());
    // Every proper prefix that ends inside the root element is an error, never a panic.
    let root_end = full.len() - 1;
    for (cut, _) in full.char_indices().skip(1).filter(|&(i, _)| i < root_end) {
        let err = Document::parse_str(&full[..cut]).expect_err(&full[..cut]);
        let lines = unattend::document::LineIndex::new(&full[..cut]);
        assert_eq!(
            err.position,
            lines.line_col(&full[..cut], err.offset),
            "cut at {cut}"
        );
    }
    assert_parse_err(
        &full[..at(full, ">PC") + 3],
        Syntax,
        5,
        21,
        "<ComputerName> opened at 5:5 is not closed",
    );
    assert_parse_err(
        &full[..at(full, "</ComputerName>") + 8],
        Syntax,
        5,
        27,
        "unclosed tag",
    );
    assert_parse_err(
        &full[..at(full, "specialize")],
        Syntax,
        3,
        3,
        "unclosed attribute value",
    );
    assert_parse_err(&full[..at(full, " name")], Syntax, 4, 5, "unclosed comment");
    assert_parse_err(&full[..20], Syntax, 1, 1, "unclosed XML declaration");
    assert_parse_err("<a><![CDATA[x", Syntax, 1, 4, "unclosed CDATA section");
    assert_parse_err("<a><?pi x", Syntax, 1, 4, "unclosed processing instruction");
    assert_parse_err("<a><b", Syntax, 1, 4, "unclosed tag");
}

/// A small deterministic generator, so the fuzz-like tests are repeatable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn binary_garbage_is_refused_without_panicking() {
    let mut rng = Lcg(0x5eed);
    for len in [1usize, 2, 3, 7, 64, 1000] {
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            if let Err(e) = Document::parse(&bytes) {
                assert!(e.position.line >= 1 && e.position.column >= 1);
            }
        }
    }
    // Typical binary headers.
    for bytes in [
        &b"MZ\x90\x00\x03\x00\x00\x00"[..],
        b"\x89PNG\r\n\x1a\n",
        b"PK\x03\x04\x14\x00",
        b"\xff\xd8\xff\xe0",
    ] {
        assert!(Document::parse(bytes).is_err());
    }
}

#[test]
fn mutated_answer_files_never_panic() {
    // Flip, drop and duplicate bytes of a real file: the parser may accept or
    // refuse, but never panics, and what it accepts writes back exactly.
    let original = fixture!("utf8-bom-crlf.xml");
    let mut rng = Lcg(42);
    let specials = b"<>&;\"'/=!?-[]\0\r\n:x";
    for _ in 0..1500 {
        let mut bytes = original.clone();
        for _ in 0..1 + rng.next() % 3 {
            let i = rng.next() as usize % bytes.len();
            match rng.next() % 3 {
                0 => bytes[i] = specials[rng.next() as usize % specials.len()],
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, bytes[i]),
            }
        }
        if let Ok(doc) = Document::parse(&bytes) {
            assert_eq!(doc.to_bytes().unwrap(), bytes);
        }
    }
}

#[test]
fn parse_error_display_has_line_and_column() {
    let err = parse_err(b"<a>\n  <b>\n  </c>\n</a>");
    assert_eq!(
        err.to_string(),
        "3:3: expected </b> to close the element opened at 2:3, found </c>"
    );
    assert_eq!(err.offset, 12);
}

// ---------------------------------------------------------------------------
// 4. Limits: hostile input is refused quickly, never with a panic
// ---------------------------------------------------------------------------

#[test]
fn deep_nesting_is_refused_without_stack_overflow() {
    let deep = "<a>".repeat(10_000) + &"</a>".repeat(10_000);
    let err = parse_err(deep.as_bytes());
    assert_eq!(err.kind, ParseErrorKind::TooDeep);
    // The 257th start tag is the first one too deep.
    assert_eq!(err.offset, 256 * 3);
    assert_eq!(err.position, lc(1, 769));
    assert!(err.message.contains("256"), "{err}");

    // With the limit raised, 10,000 levels read fine, even on a small stack:
    // nothing in reading, walking or dropping a document recurses.
    let handle = std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(move || {
            let options = ParseOptions {
                max_depth: 20_000,
                ..ParseOptions::default()
            };
            let doc = Document::parse_with(deep.as_bytes(), &options).unwrap();
            let deepest = doc.elements().last().unwrap();
            assert_eq!(deepest.depth(), 9_999);
            assert_eq!(doc.root().descendants().count(), 9_999);
            assert_eq!(doc.to_bytes().unwrap(), deep.as_bytes());
            let copy = doc.clone();
            drop(doc);
            copy.elements().count()
        })
        .unwrap();
    assert_eq!(handle.join().unwrap(), 10_000);
}

#[test]
fn depth_limit_is_exact() {
    let options = ParseOptions {
        max_depth: 3,
        ..ParseOptions::default()
    };
    assert!(Document::parse_with(b"<a><b><c/></b></a>", &options).is_ok());
    let err = Document::parse_with(b"<a><b><c><d/></c></b></a>", &options).unwrap_err();
    assert_eq!(
        (err.kind, err.position),
        (ParseErrorKind::TooDeep, lc(1, 10))
    );
}

#[test]
fn oversized_input_is_refused_before_reading() {
    let options = ParseOptions {
        max_bytes: 64,
        ..ParseOptions::default()
    };
    let fits = format!("<a>{}</a>", "x".repeat(64 - 7));
    assert_eq!(fits.len(), 64);
    assert!(Document::parse_with(fits.as_bytes(), &options).is_ok());
    let over = format!("<a>{}</a>", "x".repeat(64 - 6));
    let err = Document::parse_with(over.as_bytes(), &options).unwrap_err();
    assert_eq!(
        (err.kind, err.position, err.offset),
        (ParseErrorKind::TooLarge, lc(1, 1), 0)
    );
    assert!(
        err.message.contains("65 bytes") && err.message.contains("64 bytes"),
        "{err}"
    );
    // The limit is on the raw bytes, whatever the encoding.
    let utf16 = utf16le("<a>xxxxxxxxxxxxxxxxxxxxxxxxxxxxx</a>");
    assert!(utf16.len() > 64);
    assert_eq!(
        Document::parse_with(&utf16, &options).unwrap_err().kind,
        ParseErrorKind::TooLarge
    );

    // 40 MiB against the default 32 MiB limit: refused before decoding.
    let big = vec![b'<'; 40 * 1024 * 1024];
    let err = parse_err(&big);
    assert_eq!(err.kind, ParseErrorKind::TooLarge);
    assert!(
        err.message.contains("41943040") && err.message.contains("33554432"),
        "{err}"
    );
    assert_eq!(ParseOptions::default().max_bytes, 32 * 1024 * 1024);
}

fn many_attributes(n: usize) -> String {
    let mut s = String::from("<a");
    for i in 0..n {
        s.push_str(&format!(" a{i}=\"{i}\""));
    }
    s.push_str("/>");
    s
}

#[test]
fn too_many_attributes_are_refused() {
    let s = many_attributes(5_000);
    let err = parse_err(s.as_bytes());
    assert_eq!(err.kind, ParseErrorKind::TooManyAttributes);
    assert_eq!(err.offset, at(&s, " a256=") + 1);
    assert_eq!(err.position, lc(1, err.offset as u32 + 1));
    // Exactly at the limit is fine.
    let doc = Document::parse_str(&many_attributes(256)).unwrap();
    assert_eq!(doc.root().attributes().len(), 256);
    assert_eq!(
        Document::parse_str(&many_attributes(257)).unwrap_err().kind,
        ParseErrorKind::TooManyAttributes
    );
    // Raised, 5,000 attributes read, and duplicates among them are still found.
    let options = ParseOptions {
        max_attributes: 5_000,
        ..ParseOptions::default()
    };
    let doc = Document::parse_with(s.as_bytes(), &options).unwrap();
    assert_eq!(doc.root().attributes().len(), 5_000);
    assert_eq!(doc.root().attribute_value("a4999").unwrap(), "4999");
    let dup = s.replace("a4999=", "a17=");
    let err = Document::parse_with(dup.as_bytes(), &options).unwrap_err();
    assert_eq!(err.offset, at(&dup, " a17=\"4999\"") + 1);
}

/// Hostile namespace use reads correctly; its cost is measured in
/// `benches/parse.rs`, not asserted here.
#[test]
fn many_namespace_declarations_are_read() {
    // 100,000 distinct namespace URIs, one per element.
    let mut s = String::from("<r>");
    for i in 0..100_000 {
        s.push_str(&format!("<a xmlns=\"urn:n{i}\"/>"));
    }
    s.push_str("</r>");
    let doc = Document::parse_str(&s).unwrap();
    assert_eq!(
        doc.elements().last().unwrap().namespace(),
        Some("urn:n99999")
    );

    // 40,000 prefixes in scope (200 levels of 200), then 100,000 prefixed elements.
    let mut s = String::new();
    for d in 0..200 {
        s.push_str("<e");
        for p in 0..200 {
            s.push_str(&format!(" xmlns:p{d}x{p}=\"urn:{d}:{p}\""));
        }
        s.push('>');
    }
    s.push_str(&"<p0x0:l/>".repeat(100_000));
    s.push_str(&"</e>".repeat(200));
    let doc = Document::parse_str(&s).unwrap();
    assert_eq!(doc.elements().last().unwrap().namespace(), Some("urn:0:0"));
}

#[test]
fn edits_keep_the_documents_limits() {
    let options = ParseOptions {
        max_depth: 2,
        max_bytes: 40,
        ..ParseOptions::default()
    };
    let mut doc = Document::parse_with(b"<a>\n  <b/>\n</a>", &options).unwrap();
    let before = doc.text().to_string();
    let b = el(&doc, "b").id();
    let err = doc
        .insert_element(b, InsertPosition::LastChild, "<c/>")
        .unwrap_err();
    assert!(
        matches!(&err, EditError::Invalid(e) if e.kind == ParseErrorKind::TooDeep),
        "{err:?}"
    );
    assert_eq!(doc.text(), before);
    let err = doc.set_text(b, &"x".repeat(40)).unwrap_err();
    assert!(
        matches!(&err, EditError::Invalid(e) if e.kind == ParseErrorKind::TooLarge),
        "{err:?}"
    );
    assert_eq!(doc.text(), before);
    doc.set_text(b, "ok").unwrap();
    assert_eq!(doc.text(), "<a>\n  <b>ok</b>\n</a>");
}

// ---------------------------------------------------------------------------
// 5. Edits: exact results, untouched bytes outside the edit, refusals
// ---------------------------------------------------------------------------

const LEAVES: &str = concat!(
    "<r>\n",
    "    <a>old</a>\n",
    "    <e></e>\n",
    "    <s/>\n",
    "    <t x=\"1\" />\n",
    "    <c>x<!-- k -->y</c>\n",
    "    <d><![CDATA[raw]]></d>\n",
    "    <k><!-- only --></k>\n",
    "</r>\n",
);

/// Sets the text of the first `<name>` of LEAVES and checks the result.
#[track_caller]
fn check_set_text(name: &str, value: &str, region: (usize, usize), replacement: &str) -> Document {
    let mut doc = Document::parse_str(LEAVES).unwrap();
    let id = el(&doc, name).id();
    doc.set_text(id, value).unwrap();
    assert_spliced(LEAVES, doc.text(), region.0, region.1, replacement);
    assert_eq!(el(&doc, name).text().unwrap(), value);
    assert_consistent(&doc);
    doc
}

#[test]
fn set_text_on_a_leaf_with_text() {
    let i = at(LEAVES, "old");
    let doc = check_set_text("a", "new", (i, i + 3), "new");
    assert_eq!(
        doc.text(),
        "<r>\n    <a>new</a>\n    <e></e>\n    <s/>\n    <t x=\"1\" />\n    <c>x<!-- k -->y</c>\n    \
         <d><![CDATA[raw]]></d>\n    <k><!-- only --></k>\n</r>\n"
    );
    // Emptying keeps the end tag.
    let doc = check_set_text("a", "", (i, i + 3), "");
    assert!(doc.text().contains("    <a></a>\n"));
}

#[test]
fn set_text_on_empty_and_self_closing_elements() {
    let i = at(LEAVES, "<e></e>") + 3;
    let doc = check_set_text("e", "v", (i, i), "v");
    assert!(doc.text().contains("\n    <e>v</e>\n"));

    let i = at(LEAVES, "<s/>");
    let doc = check_set_text("s", "v", (i, i + 4), "<s>v</s>");
    assert!(doc.text().contains("\n    <s>v</s>\n"));
    assert!(!el(&doc, "s").is_self_closing());

    let i = at(LEAVES, "<t x=\"1\" />");
    let doc = check_set_text("t", "v", (i, i + 11), "<t x=\"1\">v</t>");
    assert_eq!(el(&doc, "t").attribute_value("x").unwrap(), "1");
}

#[test]
fn set_text_escapes_markup_and_carriage_returns() {
    let i = at(LEAVES, "old");
    let value = "a & b < c > d\r\ne ]]> 'q' \"q\"";
    let doc = check_set_text(
        "a",
        value,
        (i, i + 3),
        "a &amp; b &lt; c &gt; d&#13;\ne ]]&gt; 'q' \"q\"",
    );
    assert!(
        doc.text()
            .contains("<a>a &amp; b &lt; c &gt; d&#13;\ne ]]&gt; 'q' \"q\"</a>")
    );
}

#[test]
fn set_text_keeps_comments_and_replaces_cdata() {
    // Text around a comment: the first text run takes the value, the others go.
    let (x, y) = (at(LEAVES, "x<!--"), at(LEAVES, "y</c>"));
    let doc = check_set_text("c", "z", (x, y + 1), "z<!-- k -->");
    assert!(doc.text().contains("<c>z<!-- k --></c>"));
    let comment = el(&doc, "c")
        .children()
        .find(|n| n.kind() == NodeKind::Comment)
        .unwrap();
    assert_eq!(comment.value().unwrap(), " k ");

    let i = at(LEAVES, "<![CDATA[raw]]>");
    let doc = check_set_text("d", "<v>", (i, i + 15), "&lt;v&gt;");
    assert!(doc.text().contains("<d>&lt;v&gt;</d>"));

    // Only a comment: the value goes after it.
    let i = at(LEAVES, "<!-- only -->") + 13;
    let doc = check_set_text("k", "v", (i, i), "v");
    assert!(doc.text().contains("<k><!-- only -->v</k>"));
}

#[test]
fn set_text_refusals_leave_the_document_unchanged() {
    let mut doc = Document::parse_str(LEAVES).unwrap();
    let root = doc.root().id();
    assert_eq!(
        doc.set_text(root, "x"),
        Err(EditError::HasChildElements("r".to_string()))
    );
    let text_node = el(&doc, "a").children().next().unwrap().id();
    assert!(matches!(
        doc.set_text(text_node, "x"),
        Err(EditError::NotAnElement(_))
    ));
    assert_eq!(doc.text(), LEAVES);
}

#[test]
fn set_attribute_replaces_values_keeping_quotes() {
    let src = "<r>\n  <s a='1' b=\"2\" c='3'/>\n</r>";
    let mut doc = Document::parse_str(src).unwrap();
    let s = el(&doc, "s").id();
    doc.set_attribute(s, "a", "x'\"y").unwrap();
    let i = at(src, "'1'") + 1;
    assert_spliced(src, doc.text(), i, i + 1, "x&apos;\"y");
    assert_eq!(doc.text(), "<r>\n  <s a='x&apos;\"y' b=\"2\" c='3'/>\n</r>");
    assert_eq!(el(&doc, "s").attribute_value("a").unwrap(), "x'\"y");

    let before = doc.text().to_string();
    let s = el(&doc, "s").id();
    doc.set_attribute(s, "b", "<&>\t\n\"").unwrap();
    let i = at(&before, "\"2\"") + 1;
    assert_spliced(
        &before,
        doc.text(),
        i,
        i + 1,
        "&lt;&amp;&gt;&#9;&#10;&quot;",
    );
    assert_eq!(el(&doc, "s").attribute_value("b").unwrap(), "<&>\t\n\"");
    assert_consistent(&doc);
}

#[test]
fn set_attribute_adds_new_attributes() {
    // After the last attribute, in its quote style.
    let src = "<r>\n  <s a=\"1\" c='3'/>\n  <t/>\n  <u>x</u>\n</r>";
    let mut doc = Document::parse_str(src).unwrap();
    let s = el(&doc, "s").id();
    doc.set_attribute(s, "d", "it's").unwrap();
    let i = at(src, "'3'") + 3;
    assert_spliced(src, doc.text(), i, i, " d='it&apos;s'");
    assert_eq!(
        doc.text(),
        "<r>\n  <s a=\"1\" c='3' d='it&apos;s'/>\n  <t/>\n  <u>x</u>\n</r>"
    );

    // After the name of an element without attributes, self-closing or not.
    let before = doc.text().to_string();
    let t = el(&doc, "t").id();
    doc.set_attribute(t, "x", "1").unwrap();
    let i = at(&before, "<t/>") + 2;
    assert_spliced(&before, doc.text(), i, i, " x=\"1\"");
    let before = doc.text().to_string();
    let u = el(&doc, "u").id();
    doc.set_attribute(u, "y", "2").unwrap();
    let i = at(&before, "<u>") + 2;
    assert_spliced(&before, doc.text(), i, i, " y=\"2\"");
    assert_eq!(
        doc.text(),
        "<r>\n  <s a=\"1\" c='3' d='it&apos;s'/>\n  <t x=\"1\"/>\n  <u y=\"2\">x</u>\n</r>"
    );
}

#[test]
fn set_attribute_with_a_prefix_and_refusals() {
    let src = "<r xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\" \
               xmlns:w=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n  <c w:action=\"add\"/>\n</r>";
    let mut doc = Document::parse_str(src).unwrap();
    let c = el(&doc, "c").id();
    // Prefixes are matched as written: w:action is replaced ...
    doc.set_attribute(c, "w:action", "remove").unwrap();
    let i = at(src, "\"add\"") + 1;
    assert_spliced(src, doc.text(), i, i + 3, "remove");
    // ... while wcm:action would be a second attribute with the same expanded name.
    let before = doc.text().to_string();
    let c = el(&doc, "c").id();
    let err = doc.set_attribute(c, "wcm:action", "add").unwrap_err();
    assert!(
        matches!(&err, EditError::Invalid(e) if e.message.contains("duplicate attribute")),
        "{err:?}"
    );
    assert_eq!(doc.text(), before);
    // An undeclared prefix is refused with the position of the new attribute.
    let err = doc.set_attribute(c, "q:x", "1").unwrap_err();
    match &err {
        EditError::Invalid(e) => {
            assert_eq!(e.kind, ParseErrorKind::UnboundPrefix);
            assert_eq!(e.position, lc(2, 24));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(doc.text(), before);
    for bad in ["", "1x", "a b", "a:b:c", "x=\"1\""] {
        assert_eq!(
            doc.set_attribute(c, bad, "v"),
            Err(EditError::InvalidName(bad.to_string()))
        );
    }
    assert_eq!(doc.text(), before);
}

#[test]
fn remove_attribute_removes_the_attribute_and_its_leading_space() {
    let src = "<r a=\"1\" b='2'\n   c=\"3\"/>";
    let mut doc = Document::parse_str(src).unwrap();
    let r = doc.root().id();
    assert!(doc.remove_attribute(r, "b").unwrap());
    let i = at(src, " b='2'");
    assert_spliced(src, doc.text(), i, i + 6, "");
    assert_eq!(doc.text(), "<r a=\"1\"\n   c=\"3\"/>");
    let r = doc.root().id();
    assert!(doc.remove_attribute(r, "c").unwrap());
    assert_eq!(doc.text(), "<r a=\"1\"/>");
    let r = doc.root().id();
    assert!(!doc.remove_attribute(r, "zz").unwrap());
    assert_eq!(doc.text(), "<r a=\"1\"/>");
    assert!(doc.remove_attribute(r, "a").unwrap());
    assert_eq!(doc.text(), "<r/>");

    // Removing a namespace declaration still in use is refused.
    let src = "<r xmlns:p=\"urn:p\"><p:x/></r>";
    let mut doc = Document::parse_str(src).unwrap();
    let r = doc.root().id();
    let err = doc.remove_attribute(r, "xmlns:p").unwrap_err();
    assert!(matches!(&err, EditError::Invalid(e) if e.kind == ParseErrorKind::UnboundPrefix));
    assert_eq!(doc.text(), src);
}

const LF4: &str = "<?xml version=\"1.0\"?>\n<r>\n    <a/>\n    <b/>\n</r>\n";

#[track_caller]
fn check_insert(
    src: &str,
    parent: &str,
    position: &str,
    markup: &str,
    region: (usize, usize),
    replacement: &str,
) -> Document {
    let mut doc = Document::parse_str(src).unwrap();
    let p = el(&doc, parent).id();
    let sibling = |name: &str| el(&doc, name).id();
    let position = match position.split_once(':') {
        None if position == "first" => InsertPosition::FirstChild,
        None => InsertPosition::LastChild,
        Some(("before", s)) => InsertPosition::Before(sibling(s)),
        Some((_, s)) => InsertPosition::After(sibling(s)),
    };
    let (planned, start) = doc.insert_element_edits(p, position, markup).unwrap();
    let id = doc.insert_element(p, position, markup).unwrap();
    assert_spliced(src, doc.text(), region.0, region.1, replacement);
    let new = doc.element(id).unwrap();
    assert_eq!(new.span().start as usize, start);
    assert_eq!(new.parent().unwrap().name(), parent);
    assert_eq!(planned.len(), 1);
    assert_consistent(&doc);
    doc
}

#[test]
fn insert_element_lf_four_spaces() {
    let b_end = at(LF4, "<b/>") + 4;
    let doc = check_insert(LF4, "r", "last", "<n/>", (b_end, b_end), "\n    <n/>");
    assert_eq!(
        doc.text(),
        "<?xml version=\"1.0\"?>\n<r>\n    <a/>\n    <b/>\n    <n/>\n</r>\n"
    );
    assert_eq!(doc.root().child_elements().last().unwrap().name(), "n");

    let a = at(LF4, "<a/>");
    let doc = check_insert(LF4, "r", "first", "<n/>", (a, a), "<n/>\n    ");
    assert_eq!(
        doc.text(),
        "<?xml version=\"1.0\"?>\n<r>\n    <n/>\n    <a/>\n    <b/>\n</r>\n"
    );

    let b = at(LF4, "<b/>");
    let doc = check_insert(LF4, "r", "before:b", "<n/>", (b, b), "<n/>\n    ");
    assert_eq!(
        doc.text(),
        "<?xml version=\"1.0\"?>\n<r>\n    <a/>\n    <n/>\n    <b/>\n</r>\n"
    );

    let a_end = a + 4;
    let doc = check_insert(
        LF4,
        "r",
        "after:a",
        "<n>1</n>",
        (a_end, a_end),
        "\n    <n>1</n>",
    );
    assert_eq!(
        doc.text(),
        "<?xml version=\"1.0\"?>\n<r>\n    <a/>\n    <n>1</n>\n    <b/>\n</r>\n"
    );
    // Surrounding whitespace of the markup is ignored.
    let doc = check_insert(
        LF4,
        "r",
        "after:a",
        "\n  <n/>  \n",
        (a_end, a_end),
        "\n    <n/>",
    );
    assert_eq!(el(&doc, "n").as_node().raw(), "<n/>");
}

const CRLF_TAB: &str =
    "<?xml version=\"1.0\"?>\r\n<r>\r\n\t<a>\r\n\t\t<x/>\r\n\t</a>\r\n\t<b/>\r\n</r>\r\n";

#[test]
fn insert_element_crlf_tabs() {
    let b_end = at(CRLF_TAB, "<b/>") + 4;
    let doc = check_insert(CRLF_TAB, "r", "last", "<n/>", (b_end, b_end), "\r\n\t<n/>");
    assert_eq!(
        doc.text(),
        "<?xml version=\"1.0\"?>\r\n<r>\r\n\t<a>\r\n\t\t<x/>\r\n\t</a>\r\n\t<b/>\r\n\t<n/>\r\n</r>\r\n"
    );
    assert_eq!(doc.newlines().lf, 0);

    let x_end = at(CRLF_TAB, "<x/>") + 4;
    let doc = check_insert(
        CRLF_TAB,
        "a",
        "last",
        "<n/>",
        (x_end, x_end),
        "\r\n\t\t<n/>",
    );
    assert!(doc.text().contains("\t\t<x/>\r\n\t\t<n/>\r\n\t</a>"));

    let a = at(CRLF_TAB, "<a>");
    let doc = check_insert(CRLF_TAB, "r", "first", "<n/>", (a, a), "<n/>\r\n\t");
    assert!(doc.text().contains("<r>\r\n\t<n/>\r\n\t<a>"));

    // Multi-line markup (written with LF, as if at column 0) takes the
    // document's newlines and indentation.
    let doc = check_insert(
        CRLF_TAB,
        "r",
        "after:a",
        "<n>\n  <m/>\n</n>",
        (at(CRLF_TAB, "</a>") + 4, at(CRLF_TAB, "</a>") + 4),
        "\r\n\t<n>\r\n\t  <m/>\r\n\t</n>",
    );
    assert_eq!(doc.newlines().lf, 0);
    assert!(!doc.newlines().is_mixed());
    assert_eq!(el(&doc, "m").parent().unwrap().name(), "n");
}

#[test]
fn insert_element_into_parents_without_children() {
    // The root at offset 0: one level is four spaces, learnt from the root's children.
    let src = "<r>\n    <p></p>\n    <q/>\n    <s>\n    </s>\n</r>";
    let p = at(src, "<p></p>") + 3;
    let doc = check_insert(src, "p", "last", "<n/>", (p, p), "\n        <n/>\n    ");
    assert_eq!(
        doc.text(),
        "<r>\n    <p>\n        <n/>\n    </p>\n    <q/>\n    <s>\n    </s>\n</r>"
    );

    let q = at(src, "<q/>");
    let doc = check_insert(
        src,
        "q",
        "first",
        "<n/>",
        (q, q + 4),
        "<q>\n        <n/>\n    </q>",
    );
    assert!(doc.text().contains("\n    <q>\n        <n/>\n    </q>\n"));

    let s = at(src, "    </s>");
    let doc = check_insert(src, "s", "last", "<n/>", (s, s), "        <n/>\n");
    assert!(doc.text().contains("\n    <s>\n        <n/>\n    </s>\n"));

    // Deeper, after a declaration.
    let src = "<?xml version=\"1.0\"?>\n<r>\n  <x>\n    <p/>\n  </x>\n</r>\n";
    let p = at(src, "<p/>");
    let doc = check_insert(
        src,
        "p",
        "last",
        "<n/>",
        (p, p + 4),
        "<p>\n      <n/>\n    </p>",
    );
    assert!(doc.text().contains("\n    <p>\n      <n/>\n    </p>\n"));

    // CRLF and tabs.
    let src = "<r>\r\n\t<p a=\"1\" />\r\n</r>\r\n";
    let p = at(src, "<p a=\"1\" />");
    let doc = check_insert(
        src,
        "p",
        "last",
        "<n/>",
        (p, p + 11),
        "<p a=\"1\">\r\n\t\t<n/>\r\n\t</p>",
    );
    assert_eq!(
        doc.text(),
        "<r>\r\n\t<p a=\"1\">\r\n\t\t<n/>\r\n\t</p>\r\n</r>\r\n"
    );

    // An empty root: the default indentation of two spaces.
    let doc = check_insert("<r></r>", "r", "last", "<n/>", (3, 3), "\n  <n/>\n");
    assert_eq!(doc.text(), "<r>\n  <n/>\n</r>");
    let doc = check_insert("<r/>", "r", "last", "<n/>", (0, 4), "<r>\n  <n/>\n</r>");
    assert_eq!(doc.text(), "<r>\n  <n/>\n</r>");
    let src = "<?xml version=\"1.0\"?>\r\n<r/>\r\n";
    let doc = check_insert(src, "r", "last", "<n/>", (23, 27), "<r>\r\n  <n/>\r\n</r>");
    assert_eq!(
        doc.text(),
        "<?xml version=\"1.0\"?>\r\n<r>\r\n  <n/>\r\n</r>\r\n"
    );

    // Inline layouts stay inline.
    let doc = check_insert("<r><p/></r>", "p", "last", "<n/>", (3, 7), "<p><n/></p>");
    assert_eq!(doc.text(), "<r><p><n/></p></r>");
    let doc = check_insert("<r><p/></r>", "r", "last", "<n/>", (7, 7), "<n/>");
    assert_eq!(doc.text(), "<r><p/><n/></r>");
}

const RUN_SYNC: &str = concat!(
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n",
    "    <RunSynchronous>\n",
    "        <RunSynchronousCommand wcm:action=\"add\">\n",
    "            <Order>1</Order>\n",
    "        </RunSynchronousCommand>\n",
    "    </RunSynchronous>\n",
    "</unattend>\n",
);

#[test]
fn insert_multi_line_markup_with_wcm_action() {
    let markup = "<RunSynchronousCommand wcm:action=\"add\">\n    <Order>2</Order>\n    <Path>cmd /c exit</Path>\n</RunSynchronousCommand>";
    let end = at(RUN_SYNC, "</RunSynchronousCommand>") + "</RunSynchronousCommand>".len();
    let doc = check_insert(
        RUN_SYNC,
        "RunSynchronous",
        "last",
        markup,
        (end, end),
        "\n        <RunSynchronousCommand wcm:action=\"add\">\n            <Order>2</Order>\n            \
         <Path>cmd /c exit</Path>\n        </RunSynchronousCommand>",
    );
    let commands = els(&doc, "RunSynchronousCommand");
    assert_eq!(commands.len(), 2);
    let new = commands[1];
    assert!(new.is(UNATTEND_NS, "RunSynchronousCommand"));
    assert_eq!(
        new.attribute_ns(Some(WCM_NS), "action").unwrap().value(),
        "add"
    );
    assert_eq!(new.child("Order").unwrap().text().unwrap(), "2");
    assert_eq!(new.child("Path").unwrap().text().unwrap(), "cmd /c exit");
}

#[test]
fn insert_markup_using_any_prefix_bound_in_the_document() {
    // The document binds the WCM namespace to "w", not "wcm".
    let src = "<r xmlns:w=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n  <a/>\n</r>";
    let end = at(src, "<a/>") + 4;
    let doc = check_insert(
        src,
        "r",
        "last",
        "<c w:action=\"add\"/>",
        (end, end),
        "\n  <c w:action=\"add\"/>",
    );
    assert_eq!(
        el(&doc, "c")
            .attribute_ns(Some(WCM_NS), "action")
            .unwrap()
            .name(),
        "w:action"
    );
    // Markup may declare its own prefixes too.
    let doc = check_insert(
        src,
        "r",
        "last",
        "<x:c xmlns:x=\"urn:x\"/>",
        (end, end),
        "\n  <x:c xmlns:x=\"urn:x\"/>",
    );
    assert_eq!(el(&doc, "x:c").namespace(), Some("urn:x"));
    // A prefix bound only on an unrelated element is not in scope.
    let src = "<r>\n  <a xmlns:p=\"urn:p\"/>\n  <b/>\n</r>";
    let mut doc = Document::parse_str(src).unwrap();
    let b = el(&doc, "b").id();
    let err = doc
        .insert_element(b, InsertPosition::LastChild, "<p:c/>")
        .unwrap_err();
    match err {
        EditError::Invalid(e) => {
            assert_eq!(e.kind, ParseErrorKind::UnboundPrefix);
            assert_eq!(e.position, lc(4, 6));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(doc.text(), src);
}

#[test]
fn insert_refuses_markup_that_is_not_one_element() {
    for markup in [
        "<x/><y/>",
        "text",
        "<x/>text",
        "text<x/>",
        "<x>",
        "<x></y>",
        "</a><x>",
        "</r><r>",
        "<x/></r><r>",
        "<!-- c --><x/>",
        "<x/><!-- c -->",
        "<?pi?><x/>",
        "<![CDATA[x]]>",
        "<!DOCTYPE x><x/>",
        "",
        "   ",
    ] {
        let mut doc = Document::parse_str(LF4).unwrap();
        let root = doc.root().id();
        for position in [InsertPosition::LastChild, InsertPosition::FirstChild] {
            assert_eq!(
                doc.insert_element(root, position, markup),
                Err(EditError::NotOneElement),
                "markup {markup:?}"
            );
            assert_eq!(doc.text(), LF4, "markup {markup:?}");
        }
        let a = el(&doc, "a").id();
        assert_eq!(
            doc.insert_element(a, InsertPosition::LastChild, markup),
            Err(EditError::NotOneElement)
        );
        assert_eq!(doc.text(), LF4);
    }
    // Malformed markup inside a single element is refused too.
    let mut doc = Document::parse_str(LF4).unwrap();
    let root = doc.root().id();
    assert_eq!(
        doc.insert_element(root, InsertPosition::LastChild, "<x a=\"1\" a=\"2\"/>"),
        Err(EditError::NotOneElement)
    );
    assert_eq!(doc.text(), LF4);
    // A sibling that is not a child of the parent.
    let a = el(&doc, "a").id();
    assert_eq!(
        doc.insert_element(a, InsertPosition::Before(a), "<x/>"),
        Err(EditError::NotAnElement(a.index() as u32))
    );
    assert_eq!(doc.text(), LF4);
}

#[test]
fn remove_element_on_its_own_line_removes_the_line() {
    let src = "<r>\n    <a/>\n    <b>\n        <c/>\n    </b>\n</r>\n";
    let mut doc = Document::parse_str(src).unwrap();
    let b = el(&doc, "b").id();
    doc.remove_element(b).unwrap();
    let start = at(src, "    <b>");
    let end = at(src, "</b>\n") + 5;
    assert_spliced(src, doc.text(), start, end, "");
    assert_eq!(doc.text(), "<r>\n    <a/>\n</r>\n");

    // CRLF, with trailing blanks after the element.
    let src = "<r>\r\n\t<a/>  \t\r\n\t<b/>\r\n</r>";
    let mut doc = Document::parse_str(src).unwrap();
    let a = el(&doc, "a").id();
    doc.remove_element(a).unwrap();
    assert_spliced(src, doc.text(), 5, 15, "");
    assert_eq!(doc.text(), "<r>\r\n\t<b/>\r\n</r>");
    assert_consistent(&doc);
}

#[test]
fn remove_inline_element_removes_just_the_element() {
    let src = "<r><a/><b>x</b></r>";
    let mut doc = Document::parse_str(src).unwrap();
    let b = el(&doc, "b").id();
    doc.remove_element(b).unwrap();
    assert_spliced(src, doc.text(), 7, 15, "");
    assert_eq!(doc.text(), "<r><a/></r>");

    // Something else on the line: only the element goes.
    let src = "<r>\n    <a/> <!-- keep -->\n    <b/><c/>\n</r>";
    let mut doc = Document::parse_str(src).unwrap();
    let a = el(&doc, "a").id();
    doc.remove_element(a).unwrap();
    assert_eq!(doc.text(), "<r>\n     <!-- keep -->\n    <b/><c/>\n</r>");
    let c = el(&doc, "c").id();
    doc.remove_element(c).unwrap();
    assert_eq!(doc.text(), "<r>\n     <!-- keep -->\n    <b/>\n</r>");
    let b = el(&doc, "b").id();
    doc.remove_element(b).unwrap();
    assert_eq!(doc.text(), "<r>\n     <!-- keep -->\n</r>");
}

#[test]
fn remove_element_refuses_the_root_and_non_elements() {
    let mut doc = Document::parse_str(LF4).unwrap();
    let root = doc.root().id();
    assert_eq!(doc.remove_element(root), Err(EditError::RootElement));
    let decl = doc.nodes().next().unwrap().id();
    assert!(matches!(
        doc.remove_element(decl),
        Err(EditError::NotAnElement(0))
    ));
    assert_eq!(doc.text(), LF4);
}

#[test]
fn apply_edits_in_any_order() {
    let src = "<r><a>1</a><b>2</b></r>";
    let mut doc = Document::parse_str(src).unwrap();
    let edit = |start: u32, end: u32, text: &str| TextEdit {
        span: Span { start, end },
        replacement: text.to_string(),
    };
    doc.apply_edits(vec![
        edit(14, 15, "two"),
        edit(6, 7, "one"),
        edit(3, 3, "<z/>"),
    ])
    .unwrap();
    assert_eq!(doc.text(), "<r><z/><a>one</a><b>two</b></r>");
    assert_eq!(el(&doc, "b").text().unwrap(), "two");
    // No edits: nothing changes.
    doc.apply_edits(Vec::new()).unwrap();
    assert_eq!(doc.text(), "<r><z/><a>one</a><b>two</b></r>");
}

#[test]
fn apply_edits_refuses_bad_splices() {
    let src = "<r><a>é</a></r>";
    let mut doc = Document::parse_str(src).unwrap();
    let edit = |start: u32, end: u32| TextEdit {
        span: Span { start, end },
        replacement: String::new(),
    };
    // Overlapping.
    assert_eq!(
        doc.apply_edits(vec![edit(3, 6), edit(5, 8)]),
        Err(EditError::BadSplice { start: 5, end: 8 })
    );
    // Reversed (start after end).
    assert_eq!(
        doc.apply_edits(vec![edit(8, 6)]),
        Err(EditError::BadSplice { start: 8, end: 6 })
    );
    // Inside a character ("é" is bytes 6..8).
    assert_eq!(
        doc.apply_edits(vec![edit(7, 8)]),
        Err(EditError::BadSplice { start: 7, end: 8 })
    );
    // Past the end.
    let len = src.len() as u32;
    assert_eq!(
        doc.apply_edits(vec![edit(len, len + 1)]),
        Err(EditError::BadSplice {
            start: src.len(),
            end: src.len() + 1
        })
    );
    assert_eq!(doc.text(), src);
}

#[test]
fn edits_producing_invalid_xml_are_refused() {
    let src = "<r>\n  <a>1</a>\n</r>";
    let mut doc = Document::parse_str(src).unwrap();
    let err = doc
        .apply_edits(vec![TextEdit {
            span: Span { start: 7, end: 8 },
            replacement: "b".to_string(),
        }])
        .unwrap_err();
    match err {
        EditError::Invalid(e) => {
            assert_eq!(e.position, lc(2, 7));
            assert!(e.message.contains("found </a>"), "{e}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(doc.text(), src);
    // Removing the root's start tag, or adding a second root.
    for (start, end, text) in [(0, 3, ""), (18, 18, "<r/>"), (0, 0, "x"), (8, 9, "&bad;")] {
        let e = doc.apply_edits(vec![TextEdit {
            span: Span { start, end },
            replacement: text.to_string(),
        }]);
        assert!(
            matches!(e, Err(EditError::Invalid(_))),
            "{start}..{end} {text:?}: {e:?}"
        );
        assert_eq!(doc.text(), src);
    }
    assert_eq!(doc.to_bytes().unwrap(), src.as_bytes());
}

#[test]
fn windows_1252_fallback_documents_edit_within_their_charset() {
    let bytes = b"<a>\n  <b>caf\xE9</b>\n  <c>x</c>\n</a>\n";
    let mut doc = Document::parse(bytes).unwrap();
    assert_eq!(doc.source_encoding().encoding.name(), "windows-1252");
    let before = doc.text().to_string();
    let c = el(&doc, "c").id();
    match doc.set_text(c, "ok ✓") {
        Err(EditError::Encode(e)) => {
            assert_eq!(e.character, '✓');
            assert_eq!(e.encoding, "windows-1252");
            assert_eq!(e.position, lc(3, 9));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(doc.text(), before);
    assert_eq!(doc.to_bytes().unwrap(), bytes);
    let b = el(&doc, "b").id();
    assert!(matches!(
        doc.set_attribute(b, "x", "→"),
        Err(EditError::Encode(_))
    ));
    assert!(matches!(
        doc.insert_element(doc.root().id(), InsertPosition::LastChild, "<d>日本</d>"),
        Err(EditError::Encode(_))
    ));
    assert_eq!(doc.to_bytes().unwrap(), bytes);

    // Characters Windows-1252 has are written as its bytes; the rest is untouched.
    let c = el(&doc, "c").id();
    doc.set_text(c, "€ ü").unwrap();
    let written = doc.to_bytes().unwrap();
    let i = bytes.iter().position(|&b| b == b'x').unwrap();
    assert_eq!(&written[..i], &bytes[..i]);
    assert_eq!(&written[i..i + 3], b"\x80 \xFC");
    assert_eq!(&written[i + 3..], &bytes[i + 1..]);
    assert_eq!(el(&doc, "c").text().unwrap(), "€ ü");
    assert_eq!(el(&doc, "b").text().unwrap(), "café");
    assert_eq!(doc.source_encoding().encoding.name(), "windows-1252");
}

#[test]
fn utf16_documents_insert_and_remove_as_utf16() {
    let bytes = fixture!("utf16be-bom.xml");
    let mut doc = Document::parse(&bytes).unwrap();
    let before = doc.text().to_string();
    let run = el(&doc, "RunSynchronous").id();
    let id = doc
        .insert_element(
            run,
            InsertPosition::LastChild,
            "<RunSynchronousCommand wcm:action=\"add\">\n  <Order>3</Order>\n</RunSynchronousCommand>",
        )
        .unwrap();
    assert_eq!(
        doc.element(id)
            .unwrap()
            .child("Order")
            .unwrap()
            .text()
            .unwrap(),
        "3"
    );
    let end = before.rfind("</RunSynchronousCommand>").unwrap() + "</RunSynchronousCommand>".len();
    let inserted = "\r\n                <RunSynchronousCommand wcm:action=\"add\">\r\n                  <Order>3</Order>\r\n                \
                    </RunSynchronousCommand>";
    assert_spliced(&before, doc.text(), end, end, inserted);
    let written = doc.to_bytes().unwrap();
    assert_eq!(written, utf16be(doc.text()));
    let raw_end = 2 + 2 * before[..end].encode_utf16().count();
    assert_eq!(&written[..raw_end], &bytes[..raw_end]);
    assert_eq!(&written[raw_end + 2 * inserted.len()..], &bytes[raw_end..]);

    // Removing it again restores the original bytes exactly.
    doc.remove_element(id).unwrap();
    assert_eq!(doc.text(), before);
    assert_eq!(doc.to_bytes().unwrap(), bytes);
}

#[test]
fn edits_keep_encoding_findings_and_bom() {
    let bytes = fixture!("utf16le-declares-utf8.xml");
    let mut doc = Document::parse(&bytes).unwrap();
    let mode = el(&doc, "Mode").id();
    doc.set_text(mode, "OOBE").unwrap();
    assert!(matches!(
        doc.encoding_findings(),
        [EncodingFinding::DeclarationMismatch { declared, .. }] if declared == "utf-8"
    ));
    assert_eq!(&doc.to_bytes().unwrap()[..2], &[0xFF, 0xFE]);

    let bytes = fixture!("utf8-bom-crlf.xml");
    let mut doc = Document::parse(&bytes).unwrap();
    let persist = el(&doc, "PersistAllDeviceInstalls").id();
    doc.set_text(persist, "false").unwrap();
    let written = doc.to_bytes().unwrap();
    assert_eq!(&written[..3], b"\xEF\xBB\xBF");
    let i = bytes.windows(4).position(|w| w == b"true").unwrap();
    assert_eq!(&written[..i], &bytes[..i]);
    assert_eq!(&written[i..i + 5], b"false");
    assert_eq!(&written[i + 5..], &bytes[i + 4..]);
}

#[test]
fn insert_reindents_layout_but_not_multi_line_values() {
    let text = "<r>\n    <a/>\n</r>";
    let mut doc = Document::parse_str(text).unwrap();
    let root = doc.root().id();
    let markup = "<Cmd>\n  <Path>line one\nline two</Path>\n  <!-- keep\n  this -->\n</Cmd>";
    doc.insert_element(root, InsertPosition::LastChild, markup)
        .unwrap();
    assert_eq!(
        doc.text(),
        "<r>\n    <a/>\n    <Cmd>\n      <Path>line one\nline two</Path>\n      <!-- keep\n  this -->\n    </Cmd>\n</r>"
    );
    let path = doc.elements().find(|e| e.local_name() == "Path").unwrap();
    assert_eq!(path.text().unwrap(), "line one\nline two");
}

#[test]
fn editing_a_windows_1252_file_keeps_its_encoding() {
    // Only one byte is not valid UTF-8 (0xE9); the rest, C3 A9, would read as
    // "é" in UTF-8 but is "Ã©" in Windows-1252. Removing the 0xE9 value must
    // not make the file re-read as UTF-8.
    let bytes = b"<r><a>\xC3\xA9</a><b>\xE9</b></r>".to_vec();
    let mut doc = Document::parse(&bytes).unwrap();
    assert_eq!(doc.source_encoding().encoding.name(), "windows-1252");
    assert_eq!(doc.root().child("a").unwrap().text().unwrap(), "Ã©");
    let b = doc.root().child("b").unwrap().id();
    doc.remove_element(b).unwrap();
    assert_eq!(doc.source_encoding().encoding.name(), "windows-1252");
    assert_eq!(doc.root().child("a").unwrap().text().unwrap(), "Ã©");
    assert_eq!(doc.to_bytes().unwrap(), b"<r><a>\xC3\xA9</a></r>");
}

// ---------------------------------------------------------------------------
// Node handles across edits; spans and offsets that do not fit
// ---------------------------------------------------------------------------

mod handles {
    use unattend::document::{Document, EditError, InsertPosition, Span, TextEdit};

    const XML: &str = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <A>1</A>\n  <B>2</B>\n  <C/>\n</unattend>\n";

    fn ids(doc: &Document) -> (unattend::document::NodeId, unattend::document::NodeId) {
        let root = doc.root();
        (root.child("A").unwrap().id(), root.child("B").unwrap().id())
    }

    /// After an edit that adds or removes nodes, a handle taken before it is
    /// stale: lookups give `None` and every edit method refuses it, rather
    /// than editing whatever element now sits at its position.
    #[test]
    fn a_structural_edit_makes_old_handles_stale_for_every_method() {
        let structural: [fn(&mut Document); 4] = [
            |d| {
                let root = d.root().id();
                d.insert_element(root, InsertPosition::FirstChild, "<Z>0</Z>")
                    .unwrap();
            },
            |d| {
                let a = d.root().child("A").unwrap().id();
                d.remove_element(a).unwrap();
            },
            |d| {
                let c = d.root().child("C").unwrap().id();
                d.set_text(c, "now has text").unwrap(); // a new text node
            },
            |d| {
                let at = d.text().find("<C/>").unwrap();
                d.apply_edits(vec![TextEdit {
                    span: Span {
                        start: at as u32,
                        end: at as u32,
                    },
                    replacement: "<!-- c -->".into(),
                }])
                .unwrap();
            },
        ];
        for (i, edit) in structural.iter().enumerate() {
            let mut doc = Document::parse_str(XML).unwrap();
            let (a, b) = ids(&doc);
            edit(&mut doc);
            assert!(!doc.is_current(b), "edit {i}");
            assert!(doc.node(b).is_none(), "edit {i}");
            assert!(doc.element(a).is_none(), "edit {i}");
            let before = doc.text().to_string();
            assert!(
                matches!(doc.set_text(b, "x"), Err(EditError::StaleNode)),
                "edit {i}"
            );
            assert!(matches!(
                doc.set_attribute(b, "k", "v"),
                Err(EditError::StaleNode)
            ));
            assert!(matches!(
                doc.remove_attribute(b, "k"),
                Err(EditError::StaleNode)
            ));
            assert!(matches!(doc.remove_element(b), Err(EditError::StaleNode)));
            assert!(matches!(
                doc.insert_element(b, InsertPosition::LastChild, "<Y/>"),
                Err(EditError::StaleNode)
            ));
            let root = doc.root().id();
            assert!(matches!(
                doc.insert_element(root, InsertPosition::After(b), "<Y/>"),
                Err(EditError::StaleNode)
            ));
            assert_eq!(doc.text(), before, "refused edits change nothing");
            // Looked up again, the handle works.
            let b = doc.root().child("B").unwrap().id();
            doc.set_text(b, "3").unwrap();
            assert!(doc.text().contains("<B>3</B>"));
        }
    }

    /// Edits that keep every node where it was keep the handles valid.
    #[test]
    fn edits_that_keep_the_structure_keep_handles() {
        let mut doc = Document::parse_str(XML).unwrap();
        let (a, b) = ids(&doc);
        doc.set_text(a, "10").unwrap();
        doc.set_attribute(b, "k", "v").unwrap();
        doc.remove_attribute(b, "k").unwrap();
        doc.set_text(b, "20").unwrap();
        assert!(doc.is_current(a) && doc.is_current(b));
        assert_eq!(doc.element(a).unwrap().text().as_deref(), Some("10"));
        assert_eq!(doc.element(b).unwrap().text().as_deref(), Some("20"));
    }

    /// A handle from another document (even with the same text) is refused.
    #[test]
    fn a_handle_from_another_document_is_stale() {
        let one = Document::parse_str(XML).unwrap();
        let mut two = Document::parse_str(XML).unwrap();
        let (_, b) = ids(&one);
        assert!(two.element(b).is_none());
        assert!(matches!(two.set_text(b, "x"), Err(EditError::StaleNode)));
    }

    /// Spans past the end, reversed, or inside a UTF-8 character give
    /// `None`; offsets past the end or inside a character give a position;
    /// a text edit with such a span is an error. Nothing panics.
    #[test]
    fn out_of_range_spans_and_offsets_do_not_panic() {
        let mut doc = Document::parse_str("<a>é€</a>").unwrap();
        let len = doc.text().len() as u32;
        let e_acute = doc.text().find('é').unwrap() as u32;
        for span in [
            Span {
                start: 0,
                end: len + 1,
            },
            Span {
                start: len + 5,
                end: len + 9,
            },
            Span { start: 4, end: 2 },
            Span {
                start: e_acute,
                end: e_acute + 1,
            },
            Span {
                start: e_acute + 1,
                end: e_acute + 2,
            },
            Span {
                start: u32::MAX,
                end: u32::MAX,
            },
        ] {
            assert_eq!(doc.slice(span), None, "{span:?}");
            let _ = span.len();
            let edit = TextEdit {
                span,
                replacement: "x".into(),
            };
            assert!(doc.apply_edits(vec![edit]).is_err(), "{span:?}");
        }
        assert_eq!(doc.slice(Span { start: 0, end: len }), Some(doc.text()));
        let end = doc.line_col(usize::MAX);
        assert_eq!((end.line, end.column), (1, 10));
        let mid = doc.line_col(e_acute as usize + 1);
        assert_eq!(
            (mid.line, mid.column),
            (1, 5),
            "inside é counts é as started"
        );
        // An index asked about a different, shorter text.
        let other = doc.line_index().line_col("", 7);
        assert_eq!(other.column, 1);
    }
}
