//! Hostile input against the library: entity bombs, external entities,
//! DOCTYPE, deep nesting, huge inputs, garbage. Every case ends in a clear
//! error (or a clean result) with no panic, and nothing is fetched or read:
//! entities are never expanded, so no file or URL named by the input is
//! touched. Bounded time and memory are shown by these tests finishing
//! (timing itself belongs to the benchmarks).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;

use unattend::Unattend;
use unattend::document::{Document, ParseErrorKind, ParseOptions};
use unattend::format::{FormatOptions, format};
use unattend::lint::{ResolvedConfig, lint_bytes, render};
use unattend::model::WriteOptions;

const NS: &str = "urn:schemas-microsoft-com:unattend";
const EXAMPLE: &[u8] = include_bytes!("fixtures/typical.xml");
const UTF16: &[u8] = include_bytes!("fixtures/encoding/utf16le-bom.xml");

/// Parses and lints `bytes`, renders every finding, and returns the parse
/// error kind (`None` when the input parsed) and all text produced.
fn run(bytes: &[u8]) -> (Option<ParseErrorKind>, String) {
    let parsed = Document::parse(bytes);
    let report = lint_bytes(bytes, &ResolvedConfig::default());
    let mut shown = render::full("hostile.xml", report.text(), &report.diagnostics, false);
    shown.push_str(&render::concise("hostile.xml", &report.diagnostics));
    match parsed {
        Ok(doc) => {
            assert_eq!(doc.to_bytes().unwrap(), bytes, "lossless");
            let _ = Unattend::from_document(&doc);
            (None, shown)
        }
        Err(e) => {
            // A parse error is also a lint finding (UA001/UA002/UA007).
            assert!(
                !report.diagnostics.is_empty(),
                "no finding for parse error {e}"
            );
            shown.push_str(&e.to_string());
            (Some(e.kind), shown)
        }
    }
}

fn error_kind(bytes: &[u8]) -> ParseErrorKind {
    let (kind, _) = run(bytes);
    kind.unwrap_or_else(|| panic!("accepted: {}", String::from_utf8_lossy(bytes)))
}

/// The first line of /etc/passwd (where it exists), to prove it never shows up.
fn passwd_line() -> Option<String> {
    std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|t| t.lines().next().map(str::to_string))
}

fn assert_no_passwd(text: &str) {
    assert!(!text.contains("root:x:0:0"), "{text}");
    if let Some(line) = passwd_line() {
        assert!(!text.contains(&line), "{text}");
    }
}

/// A local port nobody talks to: any connection to it would mean the parser
/// went on the network.
struct Tripwire(TcpListener);

impl Tripwire {
    fn new() -> Tripwire {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.set_nonblocking(true).unwrap();
        Tripwire(l)
    }
    fn url(&self, path: &str) -> String {
        format!("http://{}/{path}", self.0.local_addr().unwrap())
    }
    fn assert_untouched(&self) {
        match self.0.accept() {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            other => panic!("something connected to the tripwire: {other:?}"),
        }
    }
}

#[test]
fn billion_laughs_is_refused_at_the_doctype() {
    let mut dtd = String::from("<!ENTITY lol \"lol\">");
    for i in 1..=9 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    let input = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [{dtd}]>\n<unattend xmlns=\"{NS}\">&lol9;</unattend>"
    );
    let (kind, shown) = run(input.as_bytes());
    assert_eq!(kind, Some(ParseErrorKind::Doctype));
    assert!(!shown.contains("lollollol"), "entities were expanded");
    // Without the DOCTYPE the reference is just undefined.
    let bare = format!("<unattend xmlns=\"{NS}\">&lol9;</unattend>");
    assert_eq!(error_kind(bare.as_bytes()), ParseErrorKind::Reference);
    // Quadratic blowup (one big entity used many times) is the same refusal.
    let quadratic = format!(
        "<!DOCTYPE x [<!ENTITY a \"{}\">]><x>{}</x>",
        "a".repeat(50_000),
        "&a;".repeat(50_000)
    );
    assert_eq!(error_kind(quadratic.as_bytes()), ParseErrorKind::Doctype);
}

#[test]
fn external_entities_are_never_resolved() {
    let wire = Tripwire::new();
    let inputs = [
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".to_string(),
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE unattend [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<unattend xmlns=\"{NS}\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\"><ComputerName>&e;</ComputerName></component></settings></unattend>"
        ),
        format!(
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"{}\">]><x>&e;</x>",
            wire.url("xxe")
        ),
        format!(
            "<!DOCTYPE x [<!ENTITY % p SYSTEM \"{}\"> %p;]><x/>",
            wire.url("param.dtd")
        ),
        format!("<!DOCTYPE x SYSTEM \"{}\"><x/>", wire.url("external.dtd")),
        format!(
            "<!DOCTYPE x PUBLIC \"-//X//EN\" \"{}\"><x/>",
            wire.url("public.dtd")
        ),
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"/etc/passwd\">]><x attr=\"&e;\"/>".to_string(),
    ];
    for input in &inputs {
        let (kind, shown) = run(input.as_bytes());
        assert_eq!(kind, Some(ParseErrorKind::Doctype), "{input}");
        assert_no_passwd(&shown);
    }
    // Entity references with no DOCTYPE: undefined, not looked up.
    let (kind, shown) = run(b"<x>&e;&passwd;</x>");
    assert_eq!(kind, Some(ParseErrorKind::Reference));
    assert_no_passwd(&shown);
    wire.assert_untouched();
}

#[test]
fn any_doctype_is_refused_with_a_clear_error() {
    for input in [
        "<!DOCTYPE unattend><unattend/>".to_string(),
        format!("<?xml version=\"1.0\"?>\n<!DOCTYPE unattend []>\n<unattend xmlns=\"{NS}\"/>"),
        "<!DOCTYPE x [<!ELEMENT x ANY><!ATTLIST x a CDATA \"default\">]><x/>".to_string(),
        "<!DOCTYPE x [<!NOTATION n SYSTEM \"n\"><!-- c --><?pi?>]><x/>".to_string(),
    ] {
        let err = Document::parse(input.as_bytes()).unwrap_err();
        assert_eq!(err.kind, ParseErrorKind::Doctype, "{input}");
        assert!(err.message.contains("DOCTYPE"), "{err}");
        run(input.as_bytes());
    }
    // An unclosed DOCTYPE is a syntax error, also clear.
    let (kind, _) = run(b"<!DOCTYPE x [<!ENTITY a \"");
    assert!(kind.is_some());
}

#[test]
fn ten_thousand_deep_nesting_stops_at_the_depth_limit() {
    let depth = 10_000;
    let input = format!(
        "<unattend xmlns=\"{NS}\">{}{}</unattend>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let err = Document::parse(input.as_bytes()).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::TooDeep);
    assert!(err.message.contains("256"), "{err}");
    run(input.as_bytes());
    // Unclosed, and self-closing at the bottom: the same.
    assert_eq!(
        error_kind("<a>".repeat(depth).as_bytes()),
        ParseErrorKind::TooDeep
    );
    // Just under the limit everything that walks the tree copes (no stack
    // overflow in lint, format, the model or its writer).
    let max = ParseOptions::default().max_depth;
    let inner = max - 1;
    let input = format!(
        "<unattend xmlns=\"{NS}\">{}<a/>{}</unattend>",
        "<a>".repeat(inner - 1),
        "</a>".repeat(inner - 1)
    );
    let (kind, _) = run(input.as_bytes());
    assert_eq!(kind, None);
    let doc = Document::parse(input.as_bytes()).unwrap();
    assert_eq!(doc.elements().map(|e| e.depth()).max(), Some(max - 1));
    let formatted = format(&doc, &FormatOptions::default());
    Document::parse_str(&formatted).unwrap();
    let model = Unattend::from_document(&doc).unwrap();
    Document::parse_str(&model.to_xml(&WriteOptions::default())).unwrap();
}

#[test]
fn a_100_mb_buffer_is_refused_by_its_size_without_decoding_it() {
    let mut big = vec![b' '; 100 * 1024 * 1024];
    big[..EXAMPLE.len()].copy_from_slice(EXAMPLE);
    let err = Document::parse(&big).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::TooLarge);
    assert_eq!(
        err.message,
        format!(
            "the file is {} bytes; the limit is {} bytes",
            big.len(),
            ParseOptions::default().max_bytes
        )
    );
    assert_eq!(err.offset, 0);
    // The linter reports it as one finding and does not decode the bytes
    // (decoding would be a second 100 MB copy).
    let report = lint_bytes(&big, &ResolvedConfig::default());
    assert_eq!(report.diagnostics.len(), 1);
    assert!(report.diagnostics[0].message.contains("limit"));
    assert_eq!(report.text(), "");
    render::full("big.xml", report.text(), &report.diagnostics, false);
    // Garbage or UTF-16 of that size: refused the same way, before decoding.
    let mut utf16 = vec![0u8; 100 * 1024 * 1024];
    utf16[..2].copy_from_slice(&[0xFF, 0xFE]);
    assert_eq!(
        Document::parse(&utf16).unwrap_err().kind,
        ParseErrorKind::TooLarge
    );
}

#[test]
fn binary_garbage_is_an_error() {
    // A deterministic pseudo-random byte stream (xorshift).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let garbage: Vec<u8> = (0..256 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    assert!(run(&garbage).0.is_some());
    // Garbage after a valid start, and inside an element.
    let mut mixed = b"<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">".to_vec();
    mixed.extend_from_slice(&garbage[..4096]);
    assert!(run(&mixed).0.is_some());
    // Typical non-XML files: an executable header, a zip, a PNG.
    for head in [
        &b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0"[..],
        b"PK\x03\x04\x14\0\0\0\x08\0",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"\x7fELF\x02\x01\x01\0",
        b"",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF\0",
        b"\0\0\xFE\xFF\0\0\0<",
    ] {
        assert!(run(head).0.is_some(), "{head:?}");
    }
}

#[test]
fn nul_bytes_are_an_error_at_their_position() {
    let input = format!("<unattend xmlns=\"{NS}\">\n  <a>x\0y</a>\n</unattend>");
    let err = Document::parse(input.as_bytes()).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::Syntax);
    assert!(err.message.contains("U+0000"), "{err}");
    assert_eq!(err.position.to_string(), "2:7");
    run(input.as_bytes());
    assert!(run(&[0u8; 4096]).0.is_some());
    assert!(run(b"<a\0/>").0.is_some());
    assert!(run(b"<a b=\"\0\"/>").0.is_some());
    assert!(run(b"<a/>\0").0.is_some());
    // Characters XML forbids, by reference.
    for r in [
        "&#0;",
        "&#x0;",
        "&#xD800;",
        "&#xFFFE;",
        "&#x110000;",
        "&#99999999999999999999999;",
        "&#x;",
        "&#;",
        "&#-1;",
    ] {
        let input = format!("<a>{r}</a>");
        assert_eq!(
            error_kind(input.as_bytes()),
            ParseErrorKind::Reference,
            "{r}"
        );
    }
}

#[test]
fn invalid_utf8_is_read_losslessly_as_windows_1252_with_a_finding() {
    let input = b"<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><!-- caf\xe9 \xc3\x28 \x81 --></unattend>";
    let (kind, _) = run(input);
    assert_eq!(kind, None, "read as windows-1252, written back exactly");
    let report = lint_bytes(input, &ResolvedConfig::default());
    assert!(
        report.diagnostics.iter().any(|d| d.code == "UA002"),
        "{:?}",
        report.diagnostics
    );
    // Invalid UTF-8 in a name: Windows-1252 reads 0xFF as `ÿ`, a name
    // character, so this is a well-formed file with an encoding finding.
    assert_eq!(run(b"<a\xff/>").0, None);
    let report = lint_bytes(b"<a\xff/>", &ResolvedConfig::default());
    assert!(report.diagnostics.iter().any(|d| d.code == "UA002"));
    // Overlong and surrogate encodings.
    for bad in [
        &b"<a>\xc0\xaf</a>"[..],
        b"<a>\xed\xa0\x80</a>",
        b"<a>\xf8\x88\x80\x80\x80</a>",
    ] {
        let (kind, _) = run(bad);
        if let Some(kind) = kind {
            assert!(
                matches!(kind, ParseErrorKind::Encoding | ParseErrorKind::Syntax),
                "{kind:?}"
            );
        }
    }
}

#[test]
fn utf16_with_a_utf8_declaration_reads_with_a_finding() {
    // The fixture: UTF-16LE with BOM whose declaration says utf-8.
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/encoding/utf16le-declares-utf8.xml"),
    )
    .unwrap();
    let (kind, _) = run(&bytes);
    assert_eq!(kind, None);
    let report = lint_bytes(&bytes, &ResolvedConfig::default());
    assert!(report.diagnostics.iter().any(|d| d.code == "UA002"));
    // Without a BOM (detected from `<?xml` in UTF-16): the same.
    let text = format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><unattend xmlns=\"{NS}\"/>");
    for be in [false, true] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect();
        let (kind, _) = run(&bytes);
        assert_eq!(kind, None);
        let report = lint_bytes(&bytes, &ResolvedConfig::default());
        assert!(report.diagnostics.iter().any(|d| d.code == "UA002"));
        // An odd number of bytes, and an unpaired surrogate: encoding errors.
        let mut odd = bytes.clone();
        odd.push(b'x');
        assert_eq!(error_kind(&odd), ParseErrorKind::Encoding);
    }
    let mut lone = vec![0xFF, 0xFE];
    for u in "<a>"
        .encode_utf16()
        .chain([0xD800])
        .chain("</a>".encode_utf16())
    {
        lone.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(error_kind(&lone), ParseErrorKind::Encoding);
    // UTF-8 bytes that declare UTF-16: read as UTF-8 with a finding.
    let declared16 =
        format!("<?xml version=\"1.0\" encoding=\"UTF-16\"?><unattend xmlns=\"{NS}\"/>");
    let report = lint_bytes(declared16.as_bytes(), &ResolvedConfig::default());
    assert!(report.diagnostics.iter().any(|d| d.code == "UA002"));
    // UTF-32 is refused by name.
    assert_eq!(
        error_kind(&[0xFF, 0xFE, 0, 0, b'<', 0, 0, 0]),
        ParseErrorKind::Encoding
    );
}

#[test]
fn every_prefix_of_a_real_answer_file_is_handled() {
    let full_text = std::str::from_utf8(EXAMPLE).unwrap();
    let close = full_text.rfind("</unattend>").unwrap() + "</unattend>".len();
    for len in 0..EXAMPLE.len() {
        let prefix = &EXAMPLE[..len];
        match Document::parse(prefix) {
            Ok(doc) => {
                assert!(len >= close, "a truncated file parsed ({len} bytes)");
                assert_eq!(doc.to_bytes().unwrap(), prefix);
            }
            Err(e) => assert!(len < close, "{len}: {e}"),
        }
        // The linter on every prefix would be slow in debug builds; every
        // 7th byte and the last 64 still cover each kind of cut.
        if len % 7 == 0 || len + 64 > EXAMPLE.len() {
            run(prefix);
        }
    }
    // UTF-16: cuts in the middle of a code unit are encoding errors.
    for len in 0..UTF16.len() {
        let prefix = &UTF16[..len];
        if let Err(e) = Document::parse(prefix)
            && len % 2 == 1
            && len > 2
        {
            assert_eq!(e.kind, ParseErrorKind::Encoding, "{len}");
        }
    }
}

#[test]
fn thousands_of_attributes_stop_at_the_attribute_limit() {
    let attrs: String = (0..5000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let input = format!("<unattend xmlns=\"{NS}\"{attrs}/>");
    let err = Document::parse(input.as_bytes()).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::TooManyAttributes);
    run(input.as_bytes());
    // Thousands of namespace declarations (prefix bindings): the same limit.
    let decls: String = (0..5000)
        .map(|i| format!(" xmlns:p{i}=\"urn:{i}\""))
        .collect();
    let input = format!("<unattend xmlns=\"{NS}\"{decls}/>");
    assert_eq!(
        error_kind(input.as_bytes()),
        ParseErrorKind::TooManyAttributes
    );
    // Thousands of duplicates of one attribute: the limit comes first; under
    // it, the first duplicate.
    let dups = " a=\"1\"".repeat(5000);
    assert_eq!(
        error_kind(format!("<x{dups}/>").as_bytes()),
        ParseErrorKind::TooManyAttributes
    );
    let dups = " a=\"1\"".repeat(200);
    let err = Document::parse(format!("<x{dups}/>").as_bytes()).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::Syntax);
    assert!(err.message.contains("duplicate"), "{err}");
    // At the limit it parses, and declarations on every one of thousands of
    // nested-then-closed siblings stay cheap.
    let max = ParseOptions::default().max_attributes;
    let attrs: String = (1..max).map(|i| format!(" a{i}=\"{i}\"")).collect();
    assert_eq!(
        run(format!("<unattend xmlns=\"{NS}\"{attrs}/>").as_bytes()).0,
        None
    );
    let siblings: String = (0..5000)
        .map(|i| format!("<p{i}:a xmlns:p{i}=\"urn:{i}\" p{i}:b=\"\"/>"))
        .collect();
    assert_eq!(run(format!("<x>{siblings}</x>").as_bytes()).0, None);
}

#[test]
fn very_long_lines_and_values_are_handled() {
    let value = "x".repeat(1024 * 1024);
    let input = format!(
        "<unattend xmlns=\"{NS}\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><ComputerName>{value}</ComputerName><RegisteredOwner a=\"{value}\">&amp;{value}</RegisteredOwner></component></settings></unattend>"
    );
    let (kind, _) = run(input.as_bytes());
    assert_eq!(kind, None);
    let doc = Document::parse(input.as_bytes()).unwrap();
    let end = doc.line_col(doc.text().len());
    assert_eq!(end.line, 1);
    // A long name, a long comment, a long unclosed tag.
    let name = "n".repeat(256 * 1024);
    assert_eq!(run(format!("<{name}/>").as_bytes()).0, None);
    assert!(run(format!("<a><!--{value}</a>").as_bytes()).0.is_some());
    assert!(run(format!("<a b=\"{value}").as_bytes()).0.is_some());
    assert!(run("<".repeat(1024 * 1024).as_bytes()).0.is_some());
    assert!(run("&".repeat(1024 * 1024).as_bytes()).0.is_some());
    assert!(
        run(format!("<a>{}</a>", "&amp;".repeat(200_000)).as_bytes())
            .0
            .is_none()
    );
}

#[test]
fn deeply_nested_comments_and_cdata_are_plain_errors() {
    let depth = 10_000;
    // Comments do not nest: the inner `<!--` is text and `--` is refused.
    let comments = format!("<a>{}x{}</a>", "<!--".repeat(depth), "-->".repeat(depth));
    assert_eq!(error_kind(comments.as_bytes()), ParseErrorKind::Syntax);
    // CDATA does not nest: the first `]]>` closes it, the next is refused.
    let cdata = format!(
        "<a>{}x{}</a>",
        "<![CDATA[".repeat(depth),
        "]]>".repeat(depth)
    );
    assert_eq!(error_kind(cdata.as_bytes()), ParseErrorKind::Syntax);
    // Many comments and CDATA sections in a row are fine.
    let many = format!(
        "<a>{}{}</a>",
        "<!-- c -->".repeat(depth * 5),
        "<![CDATA[<x>]]>".repeat(depth * 5)
    );
    assert_eq!(run(many.as_bytes()).0, None);
    // Processing instructions and unclosed markup of every kind.
    for input in [
        format!("<a>{}", "<?pi ".repeat(depth)),
        format!("<a>{}", "<![CDATA[".repeat(depth)),
        format!("<a>{}", "<!--".repeat(depth)),
        format!("<a>{}", "<!".repeat(depth)),
        format!("<a>{}", "<?".repeat(depth)),
    ] {
        assert!(run(input.as_bytes()).0.is_some());
    }
}
