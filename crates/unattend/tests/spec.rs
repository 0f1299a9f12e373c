//! `unattend::spec`: spec v2 read (every error kind, implied attributes and
//! numbering), written, located, and its JSON Schema checked with a real
//! JSON Schema validator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::Document;
use unattend::lint::{ResolvedConfig, lint_document};
use unattend::model::{Unattend, WriteOptions};
use unattend::presets::{Preset, PresetOptions};
use unattend::spec::{self, Format, ReadOptions, Secrets, SpecErrorKind, WriteSpecOptions};

fn xml(text: &str, format: Format) -> String {
    match spec::read(text, format, &ReadOptions::default()) {
        Ok(built) => built.to_xml(&WriteOptions::default()),
        Err(errors) => panic!("{errors:#?}"),
    }
}

/// `(line, column, kind, message)` of every error.
fn errors(text: &str, format: Format) -> Vec<(u32, u32, SpecErrorKind, String)> {
    match spec::read(text, format, &ReadOptions::default()) {
        Ok(_) => panic!("no error for {text}"),
        Err(errors) => errors
            .into_iter()
            .map(|e| (e.position.line, e.position.column, e.kind, e.message))
            .collect(),
    }
}

const EXAMPLE: &str = r"arch: amd64
specialize:
  Microsoft-Windows-Shell-Setup:
    ComputerName: WEB01
  Microsoft-Windows-Deployment:
    RunSynchronous:
      - Path: cmd /c C:\Setup\first.cmd
      - Path: cmd /c C:\Setup\second.cmd
        Description: second
";

#[test]
fn the_issue_example_builds_with_implied_identity_action_and_order() {
    let out = xml(EXAMPLE, Format::Yaml);
    assert!(out.contains("<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">"), "{out}");
    assert!(out.contains("<ComputerName>WEB01</ComputerName>"));
    assert!(out.contains("<RunSynchronousCommand wcm:action=\"add\">\n          <Order>1</Order>\n          <Path>cmd /c C:\\Setup\\first.cmd</Path>"), "{out}");
    assert!(out.contains("<Order>2</Order>\n          <Path>cmd /c C:\\Setup\\second.cmd</Path>\n          <Description>second</Description>"), "{out}");
    // And it lints clean: what build writes is a valid answer file.
    let doc = Document::parse_str(&out).unwrap();
    let findings = lint_document(&doc, &ResolvedConfig::default());
    assert!(
        findings
            .iter()
            .all(|d| d.severity < unattend::lint::Severity::Error),
        "{findings:#?}"
    );
}

#[test]
fn architectures_identity_overrides_and_value_items() {
    let text = r#"
arch: [amd64, x86]
specialize:
  Microsoft-Windows-Shell-Setup:
    arch: arm64
    "@language": en-US
    ComputerName: A
  Microsoft-Windows-DNS-Client:
    - DNSSuffixSearchOrder: [corp.example, example]
    - arch: wow64
      DNSDomain: corp.example
  Microsoft-Windows-Deployment:
    RunSynchronous:
      - Order: 5
        Path: a
        "@wcm:action": modify
"#;
    let out = xml(text, Format::Yaml);
    let doc = Document::parse_str(&out).unwrap();
    let components: Vec<String> = doc
        .elements()
        .filter(|e| e.local_name() == "component")
        .map(|e| {
            format!(
                "{} {} {}",
                e.attribute_value("name").unwrap(),
                e.attribute_value("processorArchitecture").unwrap(),
                e.attribute_value("language").unwrap()
            )
        })
        .collect();
    assert_eq!(
        components,
        [
            "Microsoft-Windows-Shell-Setup arm64 en-US",
            "Microsoft-Windows-DNS-Client amd64 neutral",
            "Microsoft-Windows-DNS-Client x86 neutral",
            "Microsoft-Windows-DNS-Client wow64 neutral",
            "Microsoft-Windows-Deployment amd64 neutral",
            "Microsoft-Windows-Deployment x86 neutral",
        ]
    );
    assert!(
        out.contains("<DomainName wcm:action=\"add\" wcm:keyValue=\"1\">corp.example</DomainName>"),
        "{out}"
    );
    assert!(out.contains("<DomainName wcm:action=\"add\" wcm:keyValue=\"2\">example</DomainName>"));
    assert!(
        out.contains("<RunSynchronousCommand wcm:action=\"modify\">\n          <Order>5</Order>"),
        "{out}"
    );
}

#[test]
fn every_error_kind_with_its_position() {
    use SpecErrorKind::*;
    // Syntax, in each format.
    assert_eq!(errors("specialize: [\n", Format::Yaml)[0].2, Syntax);
    assert_eq!(errors("[specialize\n", Format::Toml)[0].2, Syntax);
    let json = errors("{\n  \"specialize\": {,}\n}", Format::Json);
    assert_eq!(json[0].0..=json[0].1, 2..=18);
    assert_eq!(json[0].2, Syntax);

    // Unknown keys at every level, each with a "did you mean".
    let text = "arch: amd64\nspecialise: {}\nspecialize:\n  Microsoft-Windows-Shel-Setup: {}\n  Microsoft-Windows-Shell-Setup:\n    ComputerNme: A\n    OEMInformation:\n      Manufactuer: X\n  Microsoft-Windows-Deployment:\n    RunSynchronous:\n      - Pth: x\n";
    assert_eq!(
        errors(text, Format::Yaml),
        [
            (2, 1, UnknownKey, "unknown key `specialise`; did you mean `specialize`?".into()),
            (4, 3, UnknownKey, "unknown component `Microsoft-Windows-Shel-Setup` in specialize; did you mean `Microsoft-Windows-Shell-Setup`?".into()),
            (6, 5, UnknownKey, "unknown setting `ComputerNme` in Microsoft-Windows-Shell-Setup; did you mean `ComputerName`?".into()),
            (8, 7, UnknownKey, "unknown setting `Manufactuer` in OEMInformation; did you mean `Manufacturer`?".into()),
            (11, 9, UnknownKey, "unknown setting `Pth` in RunSynchronousCommand; did you mean `Path`?".into()),
        ]
    );
    // Settings are spelled exactly as their elements.
    let case = errors(
        "specialize:\n  Microsoft-Windows-Shell-Setup:\n    computername: A\n",
        Format::Yaml,
    );
    assert_eq!(
        case[0].3,
        "unknown setting `computername` in Microsoft-Windows-Shell-Setup; did you mean `ComputerName`?"
    );
    // Something with no near name says where unknown content goes.
    let far = errors("specialize:\n  Contoso-Agent: {}\n", Format::Yaml);
    assert!(far[0].3.contains("go under `xml`"), "{far:?}");
    let top = errors("component: []\n", Format::Yaml);
    assert!(top[0].3.contains("expected a pass"), "{top:?}");

    // Duplicate keys (the JSON reader keeps them for this check).
    assert_eq!(
        errors("{\"arch\": \"amd64\", \"arch\": \"x86\"}", Format::Json),
        [(1, 19, DuplicateKey, "`arch` is given twice".into())]
    );

    // Wrong shapes.
    let shapes = errors(
        "specialize:\n  Microsoft-Windows-Shell-Setup:\n    ComputerName: [a]\n    OEMInformation: text\n    RegisteredOwner:\n  Microsoft-Windows-Deployment: 3\n",
        Format::Yaml,
    );
    assert_eq!(
        shapes.iter().map(|e| (e.0, e.1, e.2)).collect::<Vec<_>>(),
        [
            (3, 19, WrongShape),
            (4, 21, WrongShape),
            (5, 20, WrongShape),
            (6, 33, WrongShape)
        ]
    );
    assert_eq!(errors("[1]", Format::Json)[0].2, WrongShape);

    // Invalid values.
    let values = errors(
        "arch: amd46\nspecialize:\n  Microsoft-Windows-Shell-Setup:\n    \"@foo:bar\": x\n    RegisteredOwner: 1.5\n",
        Format::Yaml,
    );
    assert_eq!(
        values,
        [
            (1, 7, InvalidValue, "unknown architecture `amd46`; did you mean `amd64`?".into()),
            (4, 5, InvalidValue, "unknown attribute prefix `foo` (use wcm, xsi or cpi, or write the element under `xml`)".into()),
            (5, 22, InvalidValue, "RegisteredOwner: a number with a fraction is no answer-file value; quote it if it is text".into()),
        ]
    );

    // Secrets that cannot be resolved.
    let secrets = errors(
        "specialize:\n  Microsoft-Windows-Shell-Setup:\n    ComputerName: { env: UNATTEND_TEST_SURELY_UNSET }\n    RegisteredOwner: { file: owner.txt }\n    RegisteredOrganization: { env: 3 }\n",
        Format::Yaml,
    );
    assert_eq!(
        secrets
            .iter()
            .map(|e| (e.0, e.2, e.3.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                3,
                Secret,
                "environment variable UNATTEND_TEST_SURELY_UNSET is not set"
            ),
            (4, Secret, "secret files are not available here"),
            (5, Secret, "`env` needs a string"),
        ]
    );

    // Raw XML that is not well-formed.
    let raw = errors("specialize:\n  xml: \"<Foo>\"\n", Format::Yaml);
    assert_eq!((raw[0].0, raw[0].1, raw[0].2), (2, 8, InvalidXml));
}

#[test]
fn secrets_come_from_the_callers_source() {
    struct Fixed;
    impl Secrets for Fixed {
        fn env(&self, name: &str) -> Option<String> {
            (name == "ADMIN").then(|| "s3cret".to_string())
        }
        fn file(&self, path: &str) -> Result<String, String> {
            Ok(format!("from {path}\n"))
        }
    }
    let text = "oobeSystem = { Microsoft-Windows-Shell-Setup = { RegisteredOwner = { file = \"o.txt\" }, UserAccounts = { AdministratorPassword = { Value = { env = \"ADMIN\" }, PlainText = true } } } }\n";
    let options = ReadOptions {
        secrets: &Fixed,
        hide_passwords: false,
    };
    let out = spec::read(text, Format::Toml, &options)
        .unwrap()
        .to_xml(&WriteOptions::default());
    assert!(
        out.contains("<RegisteredOwner>from o.txt</RegisteredOwner>")
            && out.contains("<Value>s3cret</Value>"),
        "{out}"
    );
    let hidden = spec::read(
        &format!("hidePasswords = true\n{text}"),
        Format::Toml,
        &options,
    )
    .unwrap();
    assert_eq!(hidden.hidden_passwords(), 1);
    let out = hidden.to_xml(&WriteOptions::default());
    assert!(!out.contains("s3cret") && out.contains("<PlainText>false</PlainText>"));
    assert!(out.contains(&unattend::password::encode(
        "s3cret",
        "AdministratorPassword"
    )));
}

#[test]
fn findings_on_the_built_file_point_into_the_spec() {
    let text = "arch: amd64\noobeSystem:\n  Microsoft-Windows-Shell-Setup:\n    TimeZone: UTC\n    ComputerName: WS-01\n";
    let built = spec::read(text, Format::Yaml, &ReadOptions::default()).unwrap();
    let doc = Document::parse_str(&built.to_xml(&WriteOptions::default())).unwrap();
    let findings = lint_document(&doc, &ResolvedConfig::default());
    let ua201 = findings.iter().find(|d| d.code == "UA201").expect("UA201");
    let at = built.locate(&doc, ua201).unwrap();
    assert_eq!((at.line, at.column), (5, 5));
}

/// Every preset survives write → read in each format, and the spec text is
/// what people read: no identity attributes, no `wcm:action`, no Order.
#[test]
fn preset_specs_round_trip_in_every_format() {
    for p in Preset::all() {
        let model = p.build(&PresetOptions::default());
        for format in [Format::Yaml, Format::Toml, Format::Json] {
            let text = spec::write(&model, format, &WriteSpecOptions::default());
            assert!(
                !text.contains("publicKeyToken")
                    && !text.contains("wcm:action")
                    && !text.contains("Order"),
                "{p}:\n{text}"
            );
            let built = spec::read(&text, format, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{p} {format:?}: {e:#?}\n{text}"));
            assert_eq!(
                built.unattend(),
                Unattend::from_element(&model.to_element()),
                "{p} {format:?}"
            );
        }
    }
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&spec::schema()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// The schema is pass-aware: a setting is accepted in a pass it is valid
/// in and rejected in one it is not; unknown keys and wrong values are
/// rejected too.
#[test]
fn schema_accepts_settings_only_in_their_passes() {
    let v = validator();
    let json = |text: &str| -> serde_json::Value { serde_json::from_str(text).unwrap() };
    let computer_name = |pass: &str| {
        json(&format!(
            r#"{{"arch": "amd64", "{pass}": {{"Microsoft-Windows-Shell-Setup": {{"ComputerName": "WEB01"}}}}}}"#
        ))
    };
    assert!(v.is_valid(&computer_name("specialize")));
    assert!(
        !v.is_valid(&computer_name("oobeSystem")),
        "ComputerName is not valid in oobeSystem"
    );
    let run = |pass: &str| {
        json(&format!(
            r#"{{"{pass}": {{"Microsoft-Windows-Deployment": {{"RunSynchronous": [{{"Path": "cmd /c exit 0"}}]}}}}}}"#
        ))
    };
    assert!(v.is_valid(&run("specialize")));
    assert!(!v.is_valid(&run("oobeSystem")));
    // A component not valid in the pass at all.
    assert!(!v.is_valid(&json(
        r#"{"windowsPE": {"Microsoft-Windows-Deployment": {}}}"#
    )));
    // Unknown keys, enum values, limits and secrets.
    assert!(!v.is_valid(&json(r#"{"specialise": {}}"#)));
    assert!(!v.is_valid(&json(
        r#"{"specialize": {"Microsoft-Windows-Shell-Setup": {"ComputerNme": "A"}}}"#
    )));
    let mode = |m: &str| {
        json(&format!(
            r#"{{"auditUser": {{"Microsoft-Windows-Deployment": {{"Generalize": {{"Mode": "{m}"}}}}}}}}"#
        ))
    };
    assert!(v.is_valid(&mode("OOBE")));
    assert!(!v.is_valid(&mode("Desktop")));
    assert!(v.is_valid(&json(r#"{"oobeSystem": {"Microsoft-Windows-Shell-Setup": {"UserAccounts": {"AdministratorPassword": {"Value": {"env": "ADMIN"}, "PlainText": true}}}}}"#)));
    // And every preset's converted spec validates.
    for p in Preset::all() {
        let text = spec::write(
            &p.build(&PresetOptions::default()),
            Format::Json,
            &WriteSpecOptions::default(),
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let problems: Vec<String> = v
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{p}: {problems:#?}");
    }
}

/// The schema carries the catalog's facts: descriptions, enums, defaults
/// and limits.
#[test]
fn schema_describes_settings_with_catalog_facts() {
    let schema: serde_json::Value = serde_json::from_str(&spec::schema()).unwrap();
    // Components are shared definitions; follow the pass's reference.
    let component = |pass: &str, name: &str| -> serde_json::Value {
        let reference = schema["definitions"][format!("pass.{pass}")]["properties"][name]["anyOf"]
            [0]["$ref"]
            .as_str()
            .unwrap()
            .trim_start_matches("#/definitions/")
            .replace("~1", "/")
            .replace("~0", "~");
        schema["definitions"][reference].clone()
    };
    let shell = &component("specialize", "Microsoft-Windows-Shell-Setup")["properties"];
    let name = &shell["ComputerName"];
    let description = name["description"].as_str().unwrap();
    assert!(
        description.contains("max 15 bytes")
            && description.contains("Passes: offlineServicing, specialize"),
        "{name}"
    );
    // Limits the catalog states come through (lengths in characters only:
    // a JSON Schema maxLength counts characters).
    let text = spec::schema();
    for keyword in ["\"maxLength\"", "\"minimum\"", "\"maximum\"", "\"default\""] {
        assert!(text.contains(keyword), "{keyword}");
    }
    let deployment = component("auditUser", "Microsoft-Windows-Deployment");
    let mode = &deployment["properties"]["Generalize"]["properties"]["Mode"];
    assert_eq!(
        mode["anyOf"][0]["enum"],
        serde_json::json!(["Audit", "OOBE"])
    );
    assert_eq!(mode["anyOf"][0]["default"], "OOBE");
}

/// The README's spec example builds and lints without errors.
#[test]
fn the_readme_spec_example_builds() {
    struct Env;
    impl Secrets for Env {
        fn env(&self, _: &str) -> Option<String> {
            Some("Correct-Horse-9".into())
        }
        fn file(&self, _: &str) -> Result<String, String> {
            Err("no files".into())
        }
    }
    // The workspace README is not in the published package.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let Ok(readme) = std::fs::read_to_string(path) else {
        eprintln!("notice: no {path} (packaged crate?); README example not checked");
        return;
    };
    let section = &readme[readme.find("### Specs").unwrap()..];
    let start = section.find("```yaml\n").unwrap() + 8;
    let text = &section[start..start + section[start..].find("```").unwrap()];
    let options = ReadOptions {
        secrets: &Env,
        hide_passwords: false,
    };
    let built = spec::read(text, Format::Yaml, &options).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(built.hidden_passwords(), 1);
    let doc = Document::parse_str(&built.to_xml(&WriteOptions::default())).unwrap();
    let errors: Vec<_> = lint_document(&doc, &ResolvedConfig::default())
        .into_iter()
        .filter(|d| d.severity == unattend::lint::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
