//! `unattend::diff`: setting paths, each kind of change, list items by key,
//! architectures, secrets, and equivalence under `fmt`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::diff::{Change, Value, diff, flatten};
use unattend::document::Document;
use unattend::format::{FormatOptions, format};

fn doc(text: &str) -> Document {
    Document::parse_str(text).unwrap()
}

/// The changes between two texts, as the lines `unattend diff` prints.
fn changes(old: &str, new: &str) -> Vec<String> {
    diff(&doc(old), &doc(new))
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// An answer file with `body` as its settings.
fn file(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n{body}\n</unattend>\n"
    )
}

const SHELL: &str = "name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"";

fn specialize(settings: &str) -> String {
    file(&format!(
        "  <settings pass=\"specialize\">\n    <component {SHELL}>\n{settings}\n    </component>\n  </settings>"
    ))
}

#[test]
fn paths_name_pass_component_architecture_and_setting() {
    let text = specialize(
        "      <ComputerName>WS-042</ComputerName>\n      <OEMInformation><Manufacturer>Contoso</Manufacturer></OEMInformation>",
    );
    let lines: Vec<String> = flatten(&doc(&text))
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    // Identity attributes with Microsoft's usual values are left out.
    assert_eq!(
        lines,
        [
            "specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName = WS-042",
            "specialize/Microsoft-Windows-Shell-Setup[amd64]/OEMInformation/Manufacturer = Contoso",
        ]
    );
}

#[test]
fn each_kind_of_change() {
    let old = specialize(
        "      <ComputerName>WS-001</ComputerName>\n      <RegisteredOwner>IT</RegisteredOwner>",
    );
    let new =
        specialize("      <ComputerName>WS-042</ComputerName>\n      <TimeZone>UTC</TimeZone>");
    assert_eq!(
        changes(&old, &new),
        [
            r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName: changed "WS-001" -> "WS-042""#,
            r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/RegisteredOwner: removed "IT""#,
            r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/TimeZone: added "UTC""#,
        ]
    );
    // The values are there for programs, not only in the text.
    let d = diff(&doc(&old), &doc(&new)).unwrap();
    assert_eq!(
        d[0],
        Change::Changed {
            path: "specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName".into(),
            old: Value::Text("WS-001".into()),
            new: Value::Text("WS-042".into()),
        }
    );
    assert_eq!(
        [d[0].kind(), d[1].kind(), d[2].kind()],
        ["changed", "removed", "added"]
    );
    // A whole component, and an attribute.
    let none = file("  <settings pass=\"specialize\"/>");
    assert_eq!(
        changes(&none, &specialize("      <TimeZone>UTC</TimeZone>")),
        [r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/TimeZone: added "UTC""#],
        "a new component shows as its settings"
    );
    // An empty component is still there.
    let empty = file(&format!(
        "<settings pass=\"specialize\"><component {SHELL}/></settings>"
    ));
    assert_eq!(
        changes(&none, &empty),
        [r#"specialize/Microsoft-Windows-Shell-Setup[amd64]: added """#]
    );
    let neutral = specialize("      <TimeZone>UTC</TimeZone>");
    let en = neutral.replace("language=\"neutral\"", "language=\"en-US\"");
    assert_eq!(
        changes(&neutral, &en),
        [r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/@language: added "en-US""#]
    );
    // Values keep their spaces; an empty value differs from none.
    assert_eq!(
        changes(
            &specialize("      <TimeZone>UTC</TimeZone>"),
            &specialize("      <TimeZone>UTC </TimeZone>\n      <RegisteredOwner/>")
        ),
        [
            r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/RegisteredOwner: added """#,
            r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/TimeZone: changed "UTC" -> "UTC ""#,
        ]
    );
}

#[test]
fn layout_attribute_order_comments_and_component_order_make_no_difference() {
    let a = file(
        "  <settings pass=\"oobeSystem\">\n    <component name=\"Microsoft-Windows-International-Core\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <UILanguage>en-US</UILanguage>\n    </component>\n    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <TimeZone>UTC</TimeZone>\n      <RegisteredOwner>IT &amp; Ops</RegisteredOwner>\n    </component>\n  </settings>\n  <settings pass=\"specialize\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><ComputerName>*</ComputerName></component>\n  </settings>",
    );
    // Passes and components swapped, attributes reordered, settings
    // reordered, comments, CRLF, a character reference, no indentation.
    let b = "<unattend xmlns='urn:schemas-microsoft-com:unattend'>\r\n<!-- machine name -->\r\n<settings pass='specialize'><component versionScope='nonSxS' language='neutral' publicKeyToken='31bf3856ad364e35' processorArchitecture='amd64' name='microsoft-windows-shell-setup'><ComputerName>*</ComputerName></component></settings>\r\n<settings pass='oobeSystem'><component processorArchitecture='amd64' name='Microsoft-Windows-Shell-Setup' publicKeyToken='31bf3856ad364e35' language='neutral' versionScope='nonSxS'><RegisteredOwner>IT &#38; Ops</RegisteredOwner><!-- x --><TimeZone>UTC</TimeZone></component>\r\n<component name='Microsoft-Windows-International-Core' processorArchitecture='amd64' publicKeyToken='31bf3856ad364e35' language='neutral' versionScope='nonSxS'><UILanguage><![CDATA[en-US]]></UILanguage></component></settings></unattend>";
    assert_eq!(changes(&a, b), Vec::<String>::new());
    assert_eq!(
        flatten(&doc(&a)).unwrap(),
        flatten(&doc(b)).unwrap(),
        "the same settings, in the same order"
    );
    // Passes come in processing order whatever the file's order.
    let first = flatten(&doc(b)).unwrap();
    assert!(first[0].path.starts_with("specialize/"), "{first:?}");
}

#[test]
fn every_example_and_corpus_file_is_equivalent_to_its_formatted_self() {
    // The crate's own typical file always; the workspace's example answer
    // files and the public corpus when they are there (not in the package).
    let mut files =
        vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typical.xml")];
    let examples =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/answer-files");
    // The fixture alone in the package; it and the 6+ examples in the workspace.
    let mut minimum = 1;
    match std::fs::read_dir(&examples) {
        Ok(entries) => {
            files.extend(entries.map(|e| e.unwrap().path()));
            minimum = 7;
        }
        Err(_) => eprintln!(
            "notice: no examples at {}; checking the crate's fixture",
            examples.display()
        ),
    }
    let corpus = std::env::var_os("UNATTEND_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/public")
        });
    if let Ok(entries) = std::fs::read_dir(&corpus) {
        files.extend(entries.map(|e| e.unwrap().path()));
    } else {
        eprintln!(
            "note: no corpus at {}; checking the examples only",
            corpus.display()
        );
    }
    let options = [
        FormatOptions::default(),
        FormatOptions {
            indent: "\t".into(),
        },
    ];
    let mut compared = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let Ok(original) = Document::parse(&bytes) else {
            continue; // malformed corpus files
        };
        let Ok(settings) = flatten(&original) else {
            continue;
        };
        for o in &options {
            let formatted = Document::parse_str(&format(&original, o)).unwrap();
            let d = diff(&original, &formatted).unwrap();
            assert!(d.is_empty(), "{}: {d:?}", path.display());
        }
        assert!(
            !settings.is_empty() || bytes.len() < 200,
            "{}",
            path.display()
        );
        compared += 1;
    }
    assert!(
        compared >= minimum,
        "{compared} compared, {minimum} expected"
    );
}

const RUN: &str = "name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"";

fn commands(items: &[(u32, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(order, path)| {
            format!(
                "        <RunSynchronousCommand wcm:action=\"add\">\n          <Order>{order}</Order>\n          <Path>{path}</Path>\n        </RunSynchronousCommand>\n"
            )
        })
        .collect();
    file(&format!(
        "  <settings pass=\"specialize\">\n    <component {RUN}>\n      <RunSynchronous>\n{items}      </RunSynchronous>\n    </component>\n  </settings>"
    ))
}

#[test]
fn list_items_are_named_by_their_key() {
    let old = commands(&[(1, "a.cmd"), (2, "b.cmd")]);
    // A new item first in the file, the others swapped: only the new item
    // shows, and the key is in the path, not a line of its own.
    let new = commands(&[(3, "c.cmd"), (2, "b.cmd"), (1, "a.cmd")]);
    let p = "specialize/Microsoft-Windows-Deployment[amd64]/RunSynchronous/RunSynchronousCommand";
    assert_eq!(
        changes(&old, &new),
        [
            format!("{p}[Order=3]/@wcm:action: added \"add\""),
            format!("{p}[Order=3]/Path: added \"c.cmd\""),
        ]
    );
    assert_eq!(
        changes(&old, &commands(&[(1, "a.cmd"), (2, "b2.cmd")])),
        [format!(
            "{p}[Order=2]/Path: changed \"b.cmd\" -> \"b2.cmd\""
        )]
    );
    // Numbers sort as numbers.
    let many = commands(&[(10, "j"), (9, "i"), (2, "b")]);
    let paths: Vec<String> = flatten(&doc(&many))
        .unwrap()
        .into_iter()
        .map(|s| s.path)
        .filter(|p| p.ends_with("/Path"))
        .collect();
    assert_eq!(
        paths,
        [
            format!("{p}[Order=2]/Path"),
            format!("{p}[Order=9]/Path"),
            format!("{p}[Order=10]/Path"),
        ]
    );
    // wcm:keyValue keys, whatever prefix the file binds to the namespace.
    let dns = |prefix: &str, items: &str| {
        format!(
            "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:{prefix}=\"http://schemas.microsoft.com/WMIConfig/2002/State\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-DNS-Client\" processorArchitecture=\"amd64\"><DNSSuffixSearchOrder>{items}</DNSSuffixSearchOrder></component></settings></unattend>"
        )
        .replace("P:", &format!("{prefix}:"))
    };
    let a = dns(
        "wcm",
        "<DomainName P:action=\"add\" P:keyValue=\"1\">a.example</DomainName><DomainName P:action=\"add\" P:keyValue=\"2\">b.example</DomainName>",
    );
    let b = dns(
        "s",
        "<DomainName P:keyValue=\"2\" P:action=\"add\">b.example</DomainName><DomainName P:keyValue=\"1\" P:action=\"add\">c.example</DomainName>",
    );
    assert_eq!(
        changes(&a, &b),
        [
            "specialize/Microsoft-Windows-DNS-Client[amd64]/DNSSuffixSearchOrder/DomainName[@wcm:keyValue=1]: changed \"a.example\" -> \"c.example\""
        ]
    );
    // Repeated elements without a key are told apart by position.
    let unkeyed = file(
        "<settings pass=\"specialize\"><component name=\"X-Unknown\" processorArchitecture=\"x86\"><Items><Item>a</Item><Item>b</Item></Items></component></settings>",
    );
    let lines: Vec<String> = flatten(&doc(&unkeyed))
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "specialize/X-Unknown[x86]/Items/Item[1] = a",
            "specialize/X-Unknown[x86]/Items/Item[2] = b",
        ]
    );
}

#[test]
fn architectures_are_told_apart() {
    let both = |amd64: &str, x86: &str| {
        file(&format!(
            "<settings pass=\"oobeSystem\"><component name=\"Microsoft-Windows-International-Core\" processorArchitecture=\"x86\"><UILanguage>{x86}</UILanguage></component><component name=\"Microsoft-Windows-International-Core\" processorArchitecture=\"amd64\"><UILanguage>{amd64}</UILanguage></component><component name=\"Microsoft-Windows-International-Core\" processorArchitecture=\"arm64\"><UILanguage>en-US</UILanguage></component></settings>"
        ))
    };
    assert_eq!(
        changes(&both("en-US", "en-US"), &both("en-US", "de-DE")),
        [
            r#"oobeSystem/Microsoft-Windows-International-Core[x86]/UILanguage: changed "en-US" -> "de-DE""#
        ]
    );
    let paths: Vec<String> = flatten(&doc(&both("a", "b")))
        .unwrap()
        .into_iter()
        .map(|s| s.path)
        .collect();
    assert_eq!(
        paths,
        [
            "oobeSystem/Microsoft-Windows-International-Core[amd64]/UILanguage",
            "oobeSystem/Microsoft-Windows-International-Core[arm64]/UILanguage",
            "oobeSystem/Microsoft-Windows-International-Core[x86]/UILanguage",
        ]
    );
    // Moving a component to another architecture is a removal and an addition.
    let amd = both("en-US", "en-US");
    let moved = amd.replace("\"arm64\"", "\"wow64\"");
    assert_eq!(
        changes(&amd, &moved),
        [
            r#"oobeSystem/Microsoft-Windows-International-Core[arm64]/UILanguage: removed "en-US""#,
            r#"oobeSystem/Microsoft-Windows-International-Core[wow64]/UILanguage: added "en-US""#,
        ]
    );
}

#[test]
fn secrets_are_compared_but_never_shown() {
    let account = |password: &str, key: &str| {
        file(&format!(
            "<settings pass=\"oobeSystem\"><component {SHELL}><UserAccounts><AdministratorPassword><Value>{password}</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts><ProductKey>{key}</ProductKey></component></settings>"
        ))
    };
    let old = account("hunter2-old", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE");
    let new = account("s3cret-new", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE");
    let lines = changes(&old, &new);
    assert_eq!(
        lines,
        [
            "oobeSystem/Microsoft-Windows-Shell-Setup[amd64]/UserAccounts/AdministratorPassword/Value: changed (hidden)"
        ]
    );
    let d = diff(&doc(&old), &doc(&new)).unwrap();
    let debug = format!("{d:?}");
    assert!(d[0].is_secret());
    assert!(
        !debug.contains("hunter2") && !debug.contains("s3cret"),
        "{debug}"
    );
    assert_eq!(
        changes(&old, &old),
        Vec::<String>::new(),
        "same secret, no change"
    );
    // Added, removed and flattened secrets are hidden too; PlainText is not a secret.
    let none = file(&format!(
        "<settings pass=\"oobeSystem\"><component {SHELL}/></settings>"
    ));
    let added = changes(&none, &new).join("\n");
    assert!(
        added.contains("AdministratorPassword/Value: added (hidden)")
            && added.contains("/ProductKey: added (hidden)")
            && added.contains("/PlainText: added \"true\""),
        "{added}"
    );
    let removed = changes(&new, &none).join("\n");
    assert!(removed.contains("Value: removed (hidden)"), "{removed}");
    let flat: String = flatten(&doc(&new))
        .unwrap()
        .iter()
        .map(|s| format!("{s}\n{s:?}\n"))
        .collect();
    assert!(
        flat.contains("AdministratorPassword/Value = (hidden)")
            && !flat.contains("s3cret")
            && !flat.contains("EEEEE"),
        "{flat}"
    );
}

#[test]
fn values_print_on_one_line() {
    let old = specialize("      <RegisteredOwner>a</RegisteredOwner>");
    let new =
        specialize("      <RegisteredOwner>two\r\nlines \"quoted\" C:\\x\t</RegisteredOwner>");
    assert_eq!(
        changes(&old, &new),
        [
            r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/RegisteredOwner: changed "a" -> "two\nlines \"quoted\" C:\x\t""#
        ]
    );
    let flat: Vec<String> = flatten(&doc(&new))
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        flat.contains(&r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/RegisteredOwner = two\nlines "quoted" C:\x\t"#.to_string()),
        "{flat:?}"
    );
}

#[test]
fn files_that_are_not_answer_files_are_refused() {
    let other = doc("<configuration><x>1</x></configuration>");
    let good = doc(&specialize(""));
    let e = diff(&other, &good).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the document's root is not <unattend> in the answer-file namespace"
    );
    assert!(
        flatten(&doc("<unattend><settings/></unattend>")).is_err(),
        "no namespace"
    );
}
