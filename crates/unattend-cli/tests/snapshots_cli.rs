//! What every command prints, in every output format, on one small answer
//! file: reviewed snapshots of the user-visible text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{command, run_with_stdin, workspace};

const FILE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>WS-01</ComputerName>
      <OOBE>
        <HideEULAPage>True</HideEULAPage>
      </OOBE>
    </component>
  </settings>
</unattend>
"#;

/// A fresh folder holding the answer file, as `Unattend.xml`.
fn workdir(name: &str) -> PathBuf {
    workspace(name, &[("Unattend.xml", FILE)])
}

/// stdout, then stderr after a marker, then the exit code.
fn run(dir: &Path, args: &[&str], stdin: &str) -> String {
    let o = run_with_stdin(Some(dir), args, stdin);
    format!(
        "{}\n--- stderr ---\n{}--- exit {} ---",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
        o.status.code().unwrap_or(-1)
    )
}

#[test]
fn lint_in_every_format() {
    let d = workdir("lint");
    for format in ["full", "concise", "json", "json-lines", "github", "junit"] {
        insta::assert_snapshot!(
            format!("lint_{format}"),
            run(&d, &["lint", "--output-format", format, "Unattend.xml"], "")
        );
    }
    // SARIF: the results (the driver's rule table is every rule's docs).
    let out = command(
        Some(&d),
        &["lint", "--output-format", "sarif", "Unattend.xml"],
    )
    .output()
    .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    insta::assert_snapshot!(
        "lint_sarif_results",
        serde_json::to_string_pretty(&sarif["runs"][0]["results"]).unwrap()
    );
}

#[test]
fn every_other_command() {
    let d = workdir("other");
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("check", vec!["check", "Unattend.xml"], ""),
        ("explain", vec!["explain", "UA204"], ""),
        (
            "get",
            vec![
                "get",
                "Unattend.xml",
                "oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage",
            ],
            "",
        ),
        (
            "set_dry_run",
            vec![
                "set",
                "--dry-run",
                "Unattend.xml",
                "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=UTC",
            ],
            "",
        ),
        (
            "fmt_diff",
            vec!["fmt", "--diff", "--indent", "4", "Unattend.xml"],
            "",
        ),
        ("convert_toml", vec!["convert", "Unattend.xml"], ""),
        (
            "convert_yaml",
            vec!["convert", "Unattend.xml", "--format", "yaml"],
            "",
        ),
        (
            "convert_json",
            vec!["convert", "Unattend.xml", "--format", "json"],
            "",
        ),
        (
            "password_encode",
            vec!["password", "encode", "--element", "AdministratorPassword"],
            "P@ssw0rd\n",
        ),
        (
            "password_decode",
            vec!["password", "decode"],
            "cAB3AFAAYQBzAHMAdwBvAHIAZAA\n",
        ),
        (
            "catalog_setting",
            vec!["catalog", "Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage"],
            "",
        ),
    ];
    for (name, args, stdin) in cases {
        insta::assert_snapshot!(name, run(&d, &args, stdin));
    }
    // build: the spec convert wrote, back to XML on stdout.
    std::fs::write(
        d.join("spec.yaml"),
        run(&d, &["convert", "Unattend.xml", "--format", "yaml"], "")
            .split("\n--- stderr")
            .next()
            .unwrap(),
    )
    .unwrap();
    insta::assert_snapshot!(
        "build_stdout",
        run(&d, &["build", "--no-lint", "spec.yaml"], "")
    );
    // rules: the first lines (the full table is every rule).
    let rules = run(&d, &["rules"], "");
    insta::assert_snapshot!(
        "rules_head",
        rules.lines().take(5).collect::<Vec<_>>().join("\n")
    );
}
