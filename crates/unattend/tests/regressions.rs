//! Inputs found by fuzzing (fuzz/, see fuzz/README.md) that once panicked or
//! broke an invariant, each with the invariant it broke. Inputs are inline
//! when short, else under tests/fixtures/regressions/.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::{Document, ParseErrorKind};
use unattend::lint::{ResolvedConfig, lint_bytes, render};

/// Everything the `parse`, `roundtrip` and `lint` fuzz targets check.
fn survives(bytes: &[u8]) {
    if let Ok(doc) = Document::parse(bytes) {
        assert_eq!(doc.to_bytes().unwrap(), bytes, "lossless round trip");
        for el in doc.elements() {
            let _ = (
                el.text(),
                el.namespace(),
                doc.line_col(el.span().start as usize),
            );
        }
    }
    let report = lint_bytes(bytes, &ResolvedConfig::default());
    let _ = render::full("f.xml", report.text(), &report.diagnostics, false);
}

/// fuzz `parse`: a UTF-8 BOM followed by a second BOM. quick-xml skips a
/// leading U+FEFF of the decoded text without counting its bytes, so event
/// offsets were 3 short and slicing the text panicked (parse.rs text_chunk,
/// "byte index 2 is not a char boundary").
#[test]
fn double_byte_order_mark() {
    let input = b"\xEF\xBB\xBF\xEF\xBB\xBFl3";
    let err = Document::parse(input).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::Syntax);
    assert!(err.message.contains("byte order mark"), "{err}");
    survives(input);
    // The same with markup after it, and after a UTF-16 BOM.
    survives(b"\xEF\xBB\xBF\xEF\xBB\xBF<a/>");
    survives(b"\xFF\xFE\xFF\xFE<\0a\0/\0>\0");
    assert!(Document::parse(b"\xFF\xFE\xFF\xFE<\0a\0/\0>\0").is_err());
}

/// hostile.rs (binary garbage), then reduced: a UTF-16 decoding error carries
/// a raw byte offset; the linter sliced the lossily decoded text at it, which
/// fell inside a U+FFFD (ua001_xml_not_well_formed.rs report_parse_error,
/// "start byte index 4 is not a char boundary").
#[test]
fn decoding_error_offset_inside_a_replacement_character() {
    let input = b"\xFF\xFE<\0a";
    assert_eq!(
        Document::parse(input).unwrap_err().kind,
        ParseErrorKind::Encoding
    );
    survives(input);
    let report = lint_bytes(input, &ResolvedConfig::default());
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].code, "UA002");
    survives(b"\xFE\xFF\xD8\x00\x00<");
    survives(b"\xFF\xFE\x00\xD8<\0");
}

/// properties.rs (get_after_set_returns_the_value): `set` on a Windows-1252
/// file with a value the encoding cannot hold inserted the pass, component
/// and setting, then failed on the value and left them in the document
/// (edit.rs `set` was not atomic). It now works on a copy.
#[test]
fn refused_set_leaves_the_document_unchanged() {
    use unattend::edit::{PathError, SettingPath, set};
    let file = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <!-- caf\xe9 -->\n  <settings pass=\"specialize\"/>\n</unattend>\n";
    let mut doc = Document::parse(file).unwrap();
    let path: SettingPath = "windowsPE/Microsoft-Windows-Shell-Setup/ComputerName"
        .parse()
        .unwrap();
    let err = set(&mut doc, &path, "中", None).unwrap_err();
    assert!(matches!(err, PathError::Edit(_)), "{err}");
    assert_eq!(doc.to_bytes().unwrap(), file);
    // A step that fails after the pass and component were created: the
    // list item's key cannot be written in the file's encoding.
    let mut doc = Document::parse(file).unwrap();
    let path: SettingPath = "auditUser/Contoso-New/Item[Key=中]/Leaf".parse().unwrap();
    assert!(set(&mut doc, &path, "x", None).is_err());
    assert_eq!(doc.to_bytes().unwrap(), file);
    // (This case used `Item[@bad name=1]`, an attribute name with a space;
    // such a path is now refused when it is parsed.)
    let e = "auditUser/Contoso-New/Item[@bad name=1]/Leaf"
        .parse::<SettingPath>()
        .unwrap_err();
    assert!(e.to_string().contains("at column 32"), "{e}");
}

/// fuzz `set`: a list-item key spelled in another case
/// (`RunSynchronousCommand[OrdeR=1]`) in a file that has an `Order=1` item.
/// Matching compared key names case-sensitively, so `set` missed the
/// existing item and added a second one with the catalog's key name
/// `<Order>1</Order>` (a duplicate list key, which Windows Setup rejects), and
/// `get` with the same path then found nothing. edit.rs `matches` now treats
/// key names like step names: exact first, then ignoring ASCII case.
#[test]
fn list_item_key_in_another_case() {
    use unattend::edit::{SettingPath, get, set};
    let input = include_bytes!("fixtures/encoding/utf8-bom-crlf.xml");
    let items = |doc: &Document| {
        doc.elements()
            .filter(|e| e.local_name() == "RunSynchronousCommand")
            .count()
    };
    let mut doc = Document::parse(input).unwrap();
    let before = items(&doc);
    let path: SettingPath = "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[OrdeR=1]/Path"
        .parse()
        .unwrap();
    let value = "cmd /c \"echo a & b < c\"";
    assert_eq!(set(&mut doc, &path, value, None).unwrap().created, 0);
    assert_eq!(get(&doc, &path, None).unwrap().as_deref(), Some(value));
    assert_eq!(items(&doc), before, "no duplicate Order=1 item");
    let exact: SettingPath = "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=1]/Path"
        .parse()
        .unwrap();
    assert_eq!(get(&doc, &exact, None).unwrap().as_deref(), Some(value));
    // A new item created through a miscased key is found by it afterwards.
    let new: SettingPath = "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[oRDER=7]/Path"
        .parse()
        .unwrap();
    assert_eq!(set(&mut doc, &new, "x", None).unwrap().created, 2);
    assert!(doc.text().contains("<Order>7</Order>"));
    assert_eq!(get(&doc, &new, None).unwrap().as_deref(), Some("x"));
    assert_eq!(set(&mut doc, &new, "y", None).unwrap().created, 0);
    assert_eq!(items(&doc), before + 1);
    // The same for a key attribute: `[@KeyValue=…]` finds `wcm:keyValue`.
    let mut doc = Document::parse_str("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-DNS-Client\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><DNSSuffixSearchOrder><DomainName wcm:action=\"add\" wcm:keyValue=\"1\">a.example</DomainName></DNSSuffixSearchOrder></component></settings></unattend>").unwrap();
    let path: SettingPath =
        "specialize/Microsoft-Windows-DNS-Client/DNSSuffixSearchOrder/DomainName[@KeyValue=1]"
            .parse()
            .unwrap();
    assert_eq!(
        get(&doc, &path, None).unwrap().as_deref(),
        Some("a.example")
    );
    assert_eq!(set(&mut doc, &path, "b.example", None).unwrap().created, 0);
}

/// fuzz `spec_build`: a spec whose `other` comment holds `--`. The writer
/// copied comment text as is, so the built file had `<!-- Gener--alize … -->`
/// and did not parse ("'--' is not allowed inside a comment"). Fixed in
/// crates/unattend/src/model/write.rs: `--` is broken up, as are a final `-`,
/// characters XML cannot hold and processing instructions no parser reads.
#[test]
fn spec_comment_with_double_hyphen() {
    use unattend::model::{Unattend, WriteOptions};
    let spec = r#"
[[settings]]
pass = "generalize"

[[settings.components]]
name = "MUs-Deployment"
processorArchitecture = "amd64"
publicKeyToken = "31bf3856ad364e35"
language = "neutral"
versionScope = "nonSxS"

[settings.components.settings.Microsoft-Windows-Deployment.Reseal]
Mode = "Audit"

[[other]]
comment = " Gener--alize keeping drivers,888888888888888888888 osoft-Windows-Deploymenmode. "
"#;
    // The fuzzer's name does not fit the typed settings: that is refused
    // now (a component's name comes from its typed settings).
    let err = toml::from_str::<Unattend>(spec).unwrap_err();
    assert!(
        err.to_string().contains("cannot hold the typed settings"),
        "{err}"
    );
    let spec = spec.replace("MUs-Deployment", "Microsoft-Windows-Deployment");
    let model: Unattend = toml::from_str(&spec).unwrap();
    let xml = model.to_xml(&WriteOptions::default());
    let doc = Document::parse_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let again = Unattend::from_document(&doc).unwrap();
    assert_eq!(again.to_xml(&WriteOptions::default()), xml);
    assert!(xml.contains("<!-- Gener- -alize keeping drivers"), "{xml}");
}
