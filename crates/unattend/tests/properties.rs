//! Property tests (proptest, stable): the lossless round trip
//! `write(parse(x)) == x`, `set`/`get` by setting path, and hidden-password
//! encode/decode. Case counts are set per property so the whole file runs in
//! a few seconds in a debug build; raise them with `PROPTEST_CASES=10000`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;
use unattend::document::{Document, NodeKind};
use unattend::edit::{SettingPath, get, set};
use unattend::password;

// ---------------------------------------------------------------------------
// Generated answer-file-like documents
// ---------------------------------------------------------------------------

/// How the generated text is turned into bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Utf16BeBom,
    /// No BOM: detected from `<?xml` (the declaration is then required).
    Utf16LeNoBom,
    Utf16BeNoBom,
    /// Declared `windows-1252`; only characters it can encode are generated.
    Windows1252,
}

impl Enc {
    fn needs_declaration(self) -> bool {
        matches!(
            self,
            Enc::Utf16LeNoBom | Enc::Utf16BeNoBom | Enc::Windows1252
        )
    }

    fn labels(self) -> &'static [&'static str] {
        match self {
            Enc::Utf8 | Enc::Utf8Bom => &["utf-8", "UTF-8"],
            // A BOM wins over the declaration: "utf-8" here is the classic
            // SIM mistake, read with an encoding finding.
            Enc::Utf16LeBom | Enc::Utf16BeBom => &["utf-16", "UTF-16", "utf-8"],
            Enc::Utf16LeNoBom | Enc::Utf16BeNoBom => &["UTF-16"],
            Enc::Windows1252 => &["windows-1252"],
        }
    }

    fn encode(self, text: &str) -> Vec<u8> {
        let utf16 = |be: bool, bom: bool| {
            let mut out = Vec::new();
            if bom {
                out.extend_from_slice(if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            out
        };
        match self {
            Enc::Utf8 => text.as_bytes().to_vec(),
            Enc::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            Enc::Utf16LeBom => utf16(false, true),
            Enc::Utf16BeBom => utf16(true, true),
            Enc::Utf16LeNoBom => utf16(false, false),
            Enc::Utf16BeNoBom => utf16(true, false),
            Enc::Windows1252 => text
                .chars()
                .map(|c| match c {
                    '€' => 0x80,
                    c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u8,
                    c => panic!("{c:?} was not meant for windows-1252"),
                })
                .collect(),
        }
    }

    /// Replaces characters the encoding cannot hold (only windows-1252 has any).
    fn fit(self, text: String) -> String {
        if self != Enc::Windows1252 {
            return text;
        }
        text.chars()
            .map(|c| {
                if c == '€' || (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) {
                    c
                } else {
                    'x'
                }
            })
            .collect()
    }
}

fn enc() -> impl Strategy<Value = Enc> {
    select(vec![
        Enc::Utf8,
        Enc::Utf8Bom,
        Enc::Utf16LeBom,
        Enc::Utf16BeBom,
        Enc::Utf16LeNoBom,
        Enc::Utf16BeNoBom,
        Enc::Windows1252,
    ])
}

/// Plain characters for text and values: ASCII, Latin-1, the euro sign
/// (windows-1252), CJK and an astral character (a UTF-16 surrogate pair).
const CHARS: &str = "[a-zA-Z0-9 ._:/äöüé€中😀\t\n-]";

fn local_name() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "settings",
            "component",
            "ComputerName",
            "RunSynchronous",
            "RunSynchronousCommand",
            "Path",
            "Order",
            "Value",
            "PlainText",
        ])
        .prop_map(str::to_string),
        "[A-Za-zäé_][A-Za-z0-9äé_.-]{0,7}",
    ]
    .prop_filter("xml… names are reserved", |n| {
        !n.to_ascii_lowercase().starts_with("xml")
    })
}

/// An element or attribute name, maybe prefixed (the root binds `wcm` and `cpi`).
fn qname() -> impl Strategy<Value = String> {
    (select(vec!["", "", "", "wcm:", "cpi:"]), local_name()).prop_map(|(p, n)| format!("{p}{n}"))
}

/// Character data: plain runs, the five entities, character references and
/// `>` (never `]`, so `]]>` cannot form).
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::string::string_regex(&format!("{CHARS}{{1,8}}")).unwrap(),
            1 => select(vec!["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x1F600;", "&#10;", "&#13;", ">", "'", "\""])
                .prop_map(str::to_string),
        ],
        1..5,
    )
    .prop_map(|parts| parts.concat())
}

fn attribute_value(quote: char) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::string::string_regex(&format!("{CHARS}{{0,6}}")).unwrap(),
            1 => select(vec!["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#9;", "&#xE9;", ">", "'", "\""])
                .prop_map(str::to_string),
        ],
        0..4,
    )
    .prop_map(move |parts| {
        let raw = parts.concat();
        raw.replace(quote, if quote == '"' { "&quot;" } else { "&apos;" })
    })
}

fn attributes() -> impl Strategy<Value = String> {
    prop::collection::btree_map(qname(), (select(vec!['"', '\'']), 0..3usize), 0..4).prop_flat_map(
        |map| {
            let parts: Vec<_> = map
                .into_iter()
                .map(|(name, (quote, spaces))| {
                    attribute_value(quote).prop_map(move |v| {
                        let eq = if spaces == 2 { " = " } else { "=" };
                        let ws = if spaces == 1 { "\n    " } else { " " };
                        format!("{ws}{name}{eq}{quote}{v}{quote}")
                    })
                })
                .collect();
            parts.prop_map(|p| p.concat())
        },
    )
}

fn comment() -> impl Strategy<Value = String> {
    prop::string::string_regex(&format!("({CHARS}|[<>&-]){{0,12}}"))
        .unwrap()
        .prop_map(|mut c| {
            while c.contains("--") {
                c = c.replace("--", "- ");
            }
            if c.ends_with('-') {
                c.push(' ');
            }
            format!("<!--{c}-->")
        })
}

fn cdata() -> impl Strategy<Value = String> {
    prop::string::string_regex(&format!("({CHARS}|[<>&\\]\\[]){{0,12}}"))
        .unwrap()
        .prop_map(|c| format!("<![CDATA[{}]]>", c.replace("]]>", "]] >")))
}

fn pi() -> impl Strategy<Value = String> {
    ("[a-z][a-z-]{0,5}", "[a-zA-Z0-9 =\"]{0,8}")
        .prop_filter("not xml", |(t, _)| !t.starts_with("xml"))
        .prop_map(|(t, d)| {
            if d.is_empty() {
                format!("<?{t}?>")
            } else {
                format!("<?{t} {d}?>")
            }
        })
}

fn whitespace() -> impl Strategy<Value = String> {
    select(vec!["\n", "\n    ", "\n\t\t", " ", "\n\n  "]).prop_map(str::to_string)
}

/// Element content, nested a few levels deep.
fn content() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        3 => text(),
        1 => comment(),
        1 => cdata(),
        1 => whitespace(),
        1 => Just(String::new()),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            3 => (qname(), attributes(), prop::collection::vec((whitespace(), inner.clone()), 0..5), any::<bool>())
                .prop_map(|(name, attrs, children, self_close)| {
                    if children.is_empty() && self_close {
                        format!("<{name}{attrs}/>")
                    } else {
                        let body: String = children.into_iter().map(|(ws, c)| ws + &c).collect();
                        format!("<{name}{attrs}>{body}</{name}>")
                    }
                }),
            1 => prop::collection::vec(inner.clone(), 1..4).prop_map(|v| v.concat()),
            1 => (comment(), inner.clone()).prop_map(|(c, i)| c + &i),
            1 => (pi(), inner).prop_map(|(p, i)| p + &i),
        ]
    })
}

fn misc() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![comment(), pi(), whitespace()], 0..3).prop_map(|v| v.concat())
}

/// Newline conventions of real files.
fn newline() -> impl Strategy<Value = &'static str> {
    select(vec!["\n", "\r\n", "\r"])
}

/// A whole document: encoding, declaration, prolog, `<unattend>` root,
/// trailing misc; with the newline style applied everywhere.
fn document() -> impl Strategy<Value = (Enc, Vec<u8>)> {
    (
        enc(),
        newline(),
        any::<bool>(),
        any::<prop::sample::Index>(),
        select(vec!['"', '\'']),
        any::<bool>(),
        misc(),
        prop::collection::vec((whitespace(), content()), 0..6),
        misc(),
    )
        .prop_map(
            |(enc, nl, want_decl, label, q, standalone, before, children, after)| {
                let mut text = String::new();
                if want_decl || enc.needs_declaration() {
                    let label = label.get(enc.labels());
                    text.push_str(&format!("<?xml version={q}1.0{q} encoding={q}{label}{q}"));
                    if standalone {
                        text.push_str(&format!(" standalone={q}yes{q}"));
                    }
                    text.push_str("?>\n");
                }
                text.push_str(&before);
                text.push_str(
                    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" \
                     xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\" \
                     xmlns:cpi=\"urn:schemas-microsoft-com:cpi\">",
                );
                for (ws, c) in children {
                    text.push_str(&ws);
                    text.push_str(&c);
                }
                text.push_str("\n</unattend>\n");
                text.push_str(&after);
                let text = enc.fit(text.replace('\n', nl));
                (enc, enc.encode(&text))
            },
        )
}

/// Bytes that are XML-ish enough to parse now and then.
fn xmlish_bytes() -> impl Strategy<Value = Vec<u8>> {
    let alphabet: Vec<u8> = b"<>/=\"'a:b!-?[]&;# \r\n\t\0\xFF\xFE\xEF\xBB\xBF\xC3\xA9x".to_vec();
    (
        any::<bool>(),
        prop::collection::vec(select(alphabet), 0..48),
    )
        .prop_map(|(wrap, body)| {
            if wrap {
                [&b"<a>"[..], &body, b"</a>"].concat()
            } else {
                body
            }
        })
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(prop::sample::Index, u8),
    Insert(prop::sample::Index, u8),
    Replace(prop::sample::Index, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = select(b"<>/=\"'&;-!?[] \r\n\0\xFF\xE9\xC3a".to_vec());
    prop_oneof![
        (any::<prop::sample::Index>(), 1..4u8).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<prop::sample::Index>(), byte.clone()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<prop::sample::Index>(), byte).prop_map(|(i, b)| Mutation::Replace(i, b)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        match *m {
            Mutation::Delete(i, n) => {
                let at = i.index(bytes.len());
                let end = (at + n as usize).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Insert(i, b) => {
                let at = i.index(bytes.len() + 1);
                bytes.insert(at, b);
            }
            Mutation::Replace(i, b) => {
                let at = i.index(bytes.len());
                bytes[at] = b;
            }
        }
    }
    bytes
}

/// `n` cases; failures are reported (with the minimal input) but not
/// written to a proptest-regressions file: found bugs become tests in
/// regressions.rs.
fn cases(n: u32) -> Config {
    Config {
        failure_persistence: None,
        ..Config::with_cases(n)
    }
}

fn comments(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Comment)
        .map(|n| n.raw().to_string())
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(cases(256))]

    /// Every generated document parses, and writing it gives back its bytes.
    #[test]
    fn generated_documents_write_back_byte_for_byte((enc, bytes) in document()) {
        let doc = match Document::parse(&bytes) {
            Ok(doc) => doc,
            Err(e) => {
                let shown = String::from_utf8_lossy(&bytes).into_owned();
                return Err(TestCaseError::fail(format!("{enc:?}: {e}\n{shown}")));
            }
        };
        prop_assert_eq!(doc.to_bytes().unwrap(), bytes.clone());
        // The written bytes read again to the same text and tree.
        let again = Document::parse(&doc.to_bytes().unwrap()).unwrap();
        prop_assert_eq!(again.text(), doc.text());
        prop_assert_eq!(again.nodes().count(), doc.nodes().count());
    }

    /// Damaged documents: either an error, or a document that writes back
    /// the damaged bytes exactly.
    #[test]
    fn mutated_documents_that_parse_write_back_byte_for_byte(
        (_, bytes) in document(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let bytes = mutate(bytes, &mutations);
        if let Ok(doc) = Document::parse(&bytes) {
            prop_assert_eq!(doc.to_bytes().unwrap(), bytes);
        }
    }
}

proptest! {
    #![proptest_config(cases(1024))]

    /// Arbitrary (XML-ish) bytes that happen to parse write back exactly.
    #[test]
    fn arbitrary_bytes_that_parse_write_back_byte_for_byte(bytes in xmlish_bytes()) {
        if let Ok(doc) = Document::parse(&bytes) {
            prop_assert_eq!(doc.to_bytes().unwrap(), bytes);
        }
    }

    /// Fully arbitrary bytes: never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        if let Ok(doc) = Document::parse(&bytes) {
            prop_assert_eq!(doc.to_bytes().unwrap(), bytes);
        }
    }
}

// ---------------------------------------------------------------------------
// set / get by setting path
// ---------------------------------------------------------------------------

const CRLF_FILE: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n    <!-- image settings -->\r\n    <settings pass=\"specialize\">\r\n        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\r\n            <ComputerName>OLD<!-- keep --></ComputerName>\r\n            <RegisteredOwner><![CDATA[a < b]]></RegisteredOwner>\r\n        </component>\r\n    </settings>\r\n    <settings pass=\"oobeSystem\">\r\n    </settings>\r\n</unattend>\r\n";

/// Answer files to edit: CRLF with comments, a real sysprep file, UTF-16LE
/// with BOM, a minimal file, and a Windows-1252 file.
fn seed_files() -> Vec<Vec<u8>> {
    vec![
        CRLF_FILE.as_bytes().to_vec(),
        include_bytes!("fixtures/typical.xml").to_vec(),
        include_bytes!("fixtures/encoding/utf16le-bom.xml").to_vec(),
        b"<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"/>".to_vec(),
        b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <!-- caf\xe9 -->\n  <settings pass=\"specialize\"/>\n</unattend>\n".to_vec(),
    ]
}

fn setting_path() -> impl Strategy<Value = String> {
    (
        select(vec![
            "windowsPE",
            "offlineServicing",
            "generalize",
            "specialize",
            "auditSystem",
            "auditUser",
            "oobeSystem",
        ]),
        select(vec![
            "Microsoft-Windows-Shell-Setup",
            "microsoft-windows-shell-setup",
            "Microsoft-Windows-Deployment",
            "Microsoft-Windows-International-Core",
            "Microsoft-Windows-PnpSysprep",
            "Contoso-Custom",
        ]),
        select(vec![
            "ComputerName",
            "computername",
            "TimeZone",
            "RegisteredOwner",
            "PersistAllDeviceInstalls",
            "OOBE/HideEULAPage",
            "UserAccounts/AdministratorPassword/Value",
            "RunSynchronous/RunSynchronousCommand[Order=N]/Path",
            "RunSynchronous/RunSynchronousCommand[Order=N]/Description",
            "RunSynchronous/RunSynchronousCommand[order=N]/Path",
            "Custom/Item[@wcm:KeyValue=N]/Leaf",
            "Custom/Item[@wcm:keyValue=N]/Leaf",
            "Foo",
        ]),
        1..4u8,
    )
        .prop_map(|(pass, component, steps, n)| {
            format!("{pass}/{component}/{}", steps.replace('N', &n.to_string()))
        })
}

/// Values with markup characters, quotes, line ends and non-ASCII text; now
/// and then anything at all (which may hold characters XML forbids).
fn setting_value() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(
            prop_oneof![
                select(vec!["&", "<", ">", "\"", "'", "]]>", "\r\n", "\r", "\n", "\t", " ", "é", "€", "中", "😀", "&amp;", "<!--", "x y"])
                    .prop_map(str::to_string),
                "[a-zA-Z0-9 ]{0,6}",
            ],
            0..6,
        )
        .prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

/// True when `small`'s characters appear in `big` in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut it = big.chars();
    small.chars().all(|c| it.any(|b| b == c))
}

proptest! {
    #![proptest_config(cases(192))]

    /// `get` after `set` returns the value; the file still parses; nothing
    /// outside the edit changes (no comment lost, no start tag touched, and
    /// creating a setting only inserts); a refused edit changes nothing.
    #[test]
    fn get_after_set_returns_the_value(
        seed in any::<prop::sample::Index>(),
        path in setting_path(),
        value in setting_value(),
    ) {
        let seeds = seed_files();
        let bytes = seed.get(&seeds);
        let mut doc = Document::parse(bytes).unwrap();
        let path: SettingPath = path.parse().unwrap();
        // The path prints back to itself.
        prop_assert_eq!(path.to_string().parse::<SettingPath>().unwrap(), path.clone());

        let original = doc.clone();
        let before = get(&original, &path, None);
        match set(&mut doc, &path, &value, None) {
            Ok(outcome) => {
                let written = doc.to_bytes().unwrap();
                let reread = Document::parse(&written).unwrap();
                prop_assert_eq!(reread.text(), doc.text());
                prop_assert_eq!(get(&reread, &path, None).unwrap(), Some(value.clone()));
                // Every comment is still there.
                let mut after = comments(&reread);
                for c in comments(&original) {
                    let at = after.iter().position(|a| *a == c);
                    prop_assert!(at.is_some(), "comment {:?} lost", c);
                    after.swap_remove(at.unwrap());
                }
                match before {
                    Ok(Some(old)) => {
                        // The setting existed: only its value changed.
                        prop_assert_eq!(outcome.created, 0);
                        prop_assert_eq!(outcome.changed, old != value);
                        let old_tags: Vec<&str> = original.elements().map(|e| original.slice(e.start_tag_span()).unwrap()).collect();
                        let new_tags: Vec<&str> = reread.elements().map(|e| reread.slice(e.start_tag_span()).unwrap()).collect();
                        prop_assert_eq!(old_tags, new_tags);
                        if !outcome.changed {
                            prop_assert_eq!(reread.text(), original.text());
                        }
                    }
                    _ => {
                        // Created: the edit only inserted text.
                        prop_assert!(outcome.created > 0);
                        prop_assert!(is_subsequence(original.text(), reread.text()),
                            "bytes of the original changed:\n{}\n---\n{}", original.text(), reread.text());
                    }
                }
            }
            Err(_) => {
                prop_assert_eq!(doc.text(), original.text(), "a refused edit changed the document");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Hidden passwords
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(512))]

    /// decode(encode(p, name)) is p followed by the element name, for any text.
    #[test]
    fn password_encode_decode_round_trip(pw in any::<String>(), element in any::<String>()) {
        let value = password::encode(&pw, &element);
        prop_assert_eq!(value.len() % 4, 0);
        prop_assert!(value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')));
        prop_assert_eq!(password::decode(&value).unwrap(), format!("{pw}{element}"));
        // Unpadded and whitespace-wrapped values decode the same.
        let bare = value.trim_end_matches('=');
        prop_assert_eq!(password::decode(&format!(" {bare}\n")).unwrap(), format!("{pw}{element}"));
    }

    /// The usual element names with typical passwords.
    #[test]
    fn password_round_trip_for_answer_file_elements(
        pw in "[ -~äöü€😀]{0,24}",
        element in select(vec!["Password", "AdministratorPassword", "OfflineAdministratorPassword"]),
    ) {
        let value = password::encode(&pw, element);
        let decoded = password::decode(&value).unwrap();
        prop_assert_eq!(decoded.strip_suffix(element), Some(pw.as_str()));
    }

    /// Decoding arbitrary text never panics; what decodes re-encodes to the
    /// canonical padded form.
    #[test]
    fn password_decode_arbitrary_text(value in prop_oneof!["[A-Za-z0-9+/=]{0,16}", any::<String>()]) {
        if let Ok(text) = password::decode(&value) {
            let canonical = password::encode(&text, "");
            prop_assert_eq!(password::decode(&canonical).unwrap(), text);
        }
    }
}

// ---------------------------------------------------------------------------
// Models built through the API always write XML that parses
// ---------------------------------------------------------------------------

/// Strings that are often names, sometimes almost names, sometimes anything.
fn name_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z_][A-Za-z0-9._-]{0,8}",
        "[A-Za-z_:0-9 <>&\"'.-]{0,6}",
        select(vec![
            "xmlns", "xml", "wcm", "ns0", "xmlFoo", "a:b", "é", "\u{1}"
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ]
}

fn namespace_like() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "urn:schemas-microsoft-com:unattend",
            "http://schemas.microsoft.com/WMIConfig/2002/State",
            "http://www.w3.org/2001/XMLSchema-instance",
            "http://www.w3.org/XML/1998/namespace",
            "http://www.w3.org/2000/xmlns/",
            "urn:a",
            "urn:b",
            "",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ]
}

#[derive(Debug, Clone)]
struct AttrSpec {
    name: String,
    namespace: Option<String>,
    prefix: Option<String>,
    value: String,
}

fn attr_spec() -> impl Strategy<Value = AttrSpec> {
    (
        name_like(),
        proptest::option::of(namespace_like()),
        proptest::option::of(name_like()),
        any::<String>(),
    )
        .prop_map(|(name, namespace, prefix, value)| AttrSpec {
            name,
            namespace,
            prefix,
            value,
        })
}

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    /// Element and attribute names are refused when they are not XML names;
    /// whatever is accepted, with any namespace, prefix and value, writes a
    /// file that parses and reads back with the same names.
    #[test]
    fn names_are_refused_or_the_written_xml_parses(
        names in proptest::collection::vec((name_like(), namespace_like()), 1..4),
        attrs in proptest::collection::vec(attr_spec(), 0..5),
        text in any::<String>(),
    ) {
        use unattend::model::{Attribute, Element, Name, Node, Unattend, WriteOptions};

        let mut accepted = Vec::new();
        for (name, ns) in &names {
            match Name::new(name) {
                Ok(n) => {
                    prop_assert_eq!(n.as_str(), name.as_str());
                    let mut el = Element::leaf(n, text.clone());
                    el.namespace = ns.clone();
                    accepted.push(el);
                }
                Err(e) => prop_assert_eq!(e.name(), name.as_str()),
            }
        }
        let mut holder = Element::new(Name::new("Holder").unwrap());
        for a in &attrs {
            let Ok(name) = Name::new(&a.name) else { continue };
            let mut attr = Attribute::new(name, a.value.clone());
            attr.namespace = a.namespace.clone();
            attr.prefix = a.prefix.clone();
            holder.attributes.push(attr);
        }
        holder.children.extend(accepted.iter().cloned().map(Node::Element));
        let mut model = Unattend::new();
        model.other.push(Node::Element(holder));
        let xml = model.to_xml(&WriteOptions::default());
        let doc = Document::parse_str(&xml);
        prop_assert!(doc.is_ok(), "{:?}\n{}", doc.err(), xml);
        let doc = doc.unwrap();
        let holder = doc.root().child("Holder");
        prop_assert!(holder.is_some(), "{}", xml);
        let written: Vec<String> = holder
            .unwrap()
            .child_elements()
            .map(|e| e.local_name().to_string())
            .collect();
        let expected: Vec<String> = accepted.iter().map(|e| e.name.to_string()).collect();
        prop_assert_eq!(written, expected);
    }
}
