//! `unattend build` and `unattend convert` (spec v2).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_env, scratch};
use unattend::document::Document;
use unattend::model::Element;
use unattend_e2e::{content_lines, corpus_files, line_diff};

const SPEC: &str = r#"#:schema ../schemas/unattend-spec.schema.json
arch = ["amd64", "x86"]

[oobeSystem.Microsoft-Windows-Shell-Setup]
TimeZone = "UTC"

[oobeSystem.Microsoft-Windows-Shell-Setup.UserAccounts.AdministratorPassword]
Value = { env = "ADMIN_PASSWORD" }
PlainText = true

[oobeSystem.Microsoft-Windows-Shell-Setup.AutoLogon]
Enabled = true
LogonCount = 1
Username = "Administrator"

[oobeSystem.Microsoft-Windows-Shell-Setup.AutoLogon.Password]
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

    // Hidden the way Windows SIM does, by flag or by the spec's hidePasswords.
    for (args, spec) in [
        (
            vec!["build", "--hide-secrets", "image.toml", "-o", "Hidden.xml"],
            None,
        ),
        (
            vec!["build", "hide.toml", "-o", "Hidden.xml"],
            Some(format!("hidePasswords = true\n{SPEC}")),
        ),
    ] {
        if let Some(spec) = spec {
            std::fs::write(d.join("hide.toml"), spec).unwrap();
        }
        let o = run_env(&d, &args, &[("ADMIN_PASSWORD", "from-the-env")]);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
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
}

/// Every problem of a spec at once, each at its line and column, and
/// nothing written.
#[test]
fn spec_errors_are_all_reported_with_positions_and_nothing_is_written() {
    let d = scratch("errors");
    let spec = "arch: amd64\nspecialize:\n  Microsoft-Windows-Shell-Setup:\n    ComputerNme: WEB01\n  Microsoft-Windows-Deployement:\n    RunSynchronous:\n      - Path: cmd /c exit 0\noobeSytem: {}\n";
    std::fs::write(d.join("typo.yaml"), spec).unwrap();
    let o = run_env(&d, &["build", "typo.yaml", "-o", "out.xml"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "typo.yaml:4:5: unknown setting `ComputerNme` in Microsoft-Windows-Shell-Setup; did you mean `ComputerName`?",
            "typo.yaml:5:3: unknown component `Microsoft-Windows-Deployement` in specialize; did you mean `Microsoft-Windows-Deployment`?",
            "typo.yaml:8:1: unknown key `oobeSytem`; did you mean `oobeSystem`?",
            "unattend: 3 problem(s) in the spec: nothing written",
        ]
    );
    assert!(!d.join("out.xml").exists(), "nothing written");

    // A secret that cannot be read names the spec line.
    std::fs::write(d.join("secret.toml"), SPEC).unwrap();
    let o = run_env(&d, &["build", "secret.toml"], &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("secret.toml:8:17: environment variable ADMIN_PASSWORD is not set")
            && err.contains("secret.toml:17:18: autologon.txt: No such file"),
        "{err}"
    );

    std::fs::write(d.join("bad.yaml"), "specialize: [\n").unwrap();
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
fn lint_findings_point_into_the_spec_and_errors_stop_the_build() {
    let d = scratch("lint");
    let spec =
        "arch: amd64\noobeSystem:\n  Microsoft-Windows-Shell-Setup:\n    ComputerName: WS-01\n";
    std::fs::write(d.join("wrong-pass.yaml"), spec).unwrap();
    let o = run_env(&d, &["build", "wrong-pass.yaml", "-o", "out.xml"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("wrong-pass.yaml:4:5: UA201 [error] ComputerName is not processed in the oobeSystem pass"),
        "{err}"
    );
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

/// `convert` writes v2 with the schema line; `--schema` changes it.
#[test]
fn convert_writes_v2_with_the_schema_line() {
    let d = scratch("convert");
    let xml = "<?xml version=\"1.0\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><RunSynchronous><RunSynchronousCommand wcm:action=\"add\"><Order>1</Order><Path>cmd /c C:\\Setup\\first.cmd</Path></RunSynchronousCommand></RunSynchronous></component></settings></unattend>\n";
    std::fs::write(d.join("Unattend.xml"), xml).unwrap();
    let o = run_env(
        &d,
        &[
            "convert",
            "Unattend.xml",
            "-o",
            "spec.yaml",
            "--schema",
            "./schemas/unattend-spec.schema.json",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(d.join("spec.yaml")).unwrap(),
        "# yaml-language-server: $schema=./schemas/unattend-spec.schema.json\narch: amd64\nspecialize:\n  Microsoft-Windows-Deployment:\n    RunSynchronous:\n    - Path: cmd /c C:\\Setup\\first.cmd\n"
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
        let (left, right) = (
            content_lines(&Element::from_document(original.root())),
            content_lines(&Element::from_document(back.root())),
        );
        assert!(
            left == right,
            "{} via {}:\n{}",
            f.name,
            formats[i % 3],
            line_diff(&left, &right)
        );
        checked += 1;
    }
    if !files.is_empty() {
        assert!(checked > 190, "only {checked}");
    }
}
