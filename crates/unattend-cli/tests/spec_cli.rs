//! `unattend build` and `unattend convert`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_env, scratch};
use unattend::document::Document;
use unattend::model::Element;
use unattend_e2e::{content_lines, corpus_files};

const SPEC: &str = r#"#:schema ../schemas/unattend-spec.schema.json
[[settings]]
pass = "oobeSystem"

[[settings.components]]
name = "Microsoft-Windows-Shell-Setup"
arch = ["amd64", "x86"]

[settings.components.settings.Microsoft-Windows-Shell-Setup]
TimeZone = "UTC"

[settings.components.settings.Microsoft-Windows-Shell-Setup.UserAccounts.AdministratorPassword]
Value = { env = "ADMIN_PASSWORD" }
PlainText = true

[settings.components.settings.Microsoft-Windows-Shell-Setup.AutoLogon]
Enabled = true
LogonCount = 1
Username = "Administrator"

[settings.components.settings.Microsoft-Windows-Shell-Setup.AutoLogon.Password]
Value = { file = "autologon.txt" }
PlainText = true
"#;

#[test]
fn build_resolves_secrets_and_architectures() {
    let d = scratch("build");
    std::fs::write(d.join("image.toml"), SPEC).unwrap();
    std::fs::write(d.join("autologon.txt"), "from-a-file\n").unwrap();
    let o = run_env(
        &d,
        &["build", "image.toml", "-o", "Unattend.xml"],
        &[("ADMIN_PASSWORD", "from-the-env")],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let xml = std::fs::read_to_string(d.join("Unattend.xml")).unwrap();
    let doc = Document::parse_str(&xml).unwrap();
    let arches: Vec<String> = doc
        .elements()
        .filter(|e| e.local_name() == "component")
        .map(|e| {
            e.attribute_value("processorArchitecture")
                .unwrap()
                .into_owned()
        })
        .collect();
    assert_eq!(arches, ["amd64", "x86"]);
    assert_eq!(xml.matches("<Value>from-the-env</Value>").count(), 2);
    assert_eq!(xml.matches("<Value>from-a-file</Value>").count(), 2);

    // Hidden the way Windows SIM does.
    let o = run_env(
        &d,
        &["build", "--hide-secrets", "image.toml", "-o", "Hidden.xml"],
        &[("ADMIN_PASSWORD", "from-the-env")],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("obfuscation, not encryption"));
    let hidden = std::fs::read_to_string(d.join("Hidden.xml")).unwrap();
    assert!(!hidden.contains("from-the-env") && !hidden.contains("from-a-file"));
    assert!(hidden.contains(&unattend::password::encode(
        "from-the-env",
        "AdministratorPassword"
    )));
    assert!(hidden.contains(&unattend::password::encode("from-a-file", "Password")));
    assert!(!hidden.contains("<PlainText>true</PlainText>"));
}

#[test]
fn spec_errors_point_into_the_spec() {
    let d = scratch("errors");
    std::fs::write(d.join("typo.toml"), SPEC.replace("TimeZone", "TimeZon")).unwrap();
    let o = run_env(&d, &["build", "typo.toml"], &[("ADMIN_PASSWORD", "x")]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("typo.toml:22:1:") && err.contains("autologon.txt"),
        "a missing secret file: {err}"
    );
    std::fs::write(d.join("autologon.txt"), "x").unwrap();
    let o = run_env(&d, &["build", "typo.toml"], &[("ADMIN_PASSWORD", "x")]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("typo.toml:10:1:") && err.contains("TimeZon"),
        "{err}"
    );
    let o = run_env(&d, &["build", "typo.toml"], &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("environment variable ADMIN_PASSWORD is not set"),
        "{err}"
    );
    std::fs::write(
        d.join("bad.yaml"),
        "settings:\n  - pass: oobeSystem\n    components: [\n",
    )
    .unwrap();
    let o = run_env(&d, &["build", "bad.yaml"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("bad.yaml:"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        run_env(&d, &["build", "image.txt"], &[]).status.code(),
        Some(1)
    );
    assert_eq!(
        run_env(&d, &["build", "bad.yaml", "-o", "bad.yaml"], &[])
            .status
            .code(),
        Some(2),
        "never over its own spec"
    );
}

#[test]
fn lint_errors_stop_the_build_unless_told_otherwise() {
    let d = scratch("lint");
    let spec = "settings:\n  - pass: oobeSystem\n    components:\n      - name: Microsoft-Windows-Shell-Setup\n        processorArchitecture: amd64\n        settings:\n          Microsoft-Windows-Shell-Setup:\n            ComputerName: WS-01\n";
    std::fs::write(d.join("wrong-pass.yaml"), spec).unwrap();
    let o = run_env(&d, &["build", "wrong-pass.yaml", "-o", "out.xml"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("wrong-pass.yaml:8:13: UA201 [error] ComputerName is not processed in the oobeSystem pass"), "{err}");
    assert!(!d.join("out.xml").exists(), "nothing written");
    let o = run_env(
        &d,
        &["build", "--no-lint", "wrong-pass.yaml", "-o", "out.xml"],
        &[],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(d.join("out.xml"))
            .unwrap()
            .contains("<ComputerName>WS-01</ComputerName>")
    );
}

/// convert → build gives back the same passes, components, settings and
/// values, for every public corpus answer file, in each spec format.
#[test]
fn convert_then_build_is_equivalent_on_the_public_corpus() {
    let files = corpus_files();
    let d = scratch("corpus");
    let formats = ["toml", "yaml", "json"];
    let mut checked = 0;
    for (i, f) in files.iter().filter(|f| !f.malformed()).enumerate() {
        let Ok(original) = Document::parse(&f.bytes()) else {
            continue;
        };
        if unattend::model::Unattend::from_document(&original).is_err() {
            continue;
        }
        let spec = d.join(format!("spec{i}.{}", formats[i % 3]));
        let built = d.join(format!("built{i}.xml"));
        let o = run_env(
            &d,
            &[
                "convert",
                f.path.to_str().unwrap(),
                "-o",
                spec.to_str().unwrap(),
            ],
            &[],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            f.name,
            String::from_utf8_lossy(&o.stderr)
        );
        let o = run_env(
            &d,
            &[
                "build",
                "--no-lint",
                spec.to_str().unwrap(),
                "-o",
                built.to_str().unwrap(),
            ],
            &[],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            f.name,
            String::from_utf8_lossy(&o.stderr)
        );
        let back = Document::parse(&std::fs::read(&built).unwrap()).unwrap();
        assert_eq!(
            content_lines(&Element::from_document(original.root())),
            content_lines(&Element::from_document(back.root())),
            "{} via {}",
            f.name,
            formats[i % 3]
        );
        checked += 1;
    }
    if !files.is_empty() {
        assert!(checked > 190, "only {checked}");
    }
}
