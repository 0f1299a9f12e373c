//! `unattend lint`, `explain` and `rules` as a user runs them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{command, run_in, run_with_stdin, stdout, workspace};

const COMPONENT: &str = r#"processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS""#;

fn wrong_pass() -> String {
    format!(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"oobeSystem\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" {COMPONENT}>\n      <ComputerName>WS-01</ComputerName>\n    </component>\n  </settings>\n</unattend>\n"
    )
}

fn only_a_warning() -> String {
    format!(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"oobeSystem\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" {COMPONENT}>\n      <OOBE>\n        <HideEULAPage>True</HideEULAPage>\n      </OOBE>\n    </component>\n  </settings>\n</unattend>\n"
    )
}

#[test]
fn findings_at_the_fail_level_exit_1_in_both_formats() {
    let dir = workspace("formats", &[("Unattend.xml", &wrong_pass())]);
    let o = run_in(
        &dir,
        &["lint", "--output-format", "concise", "Unattend.xml"],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(
            "Unattend.xml:4:8: UA201 [error] ComputerName is not processed in the oobeSystem pass"
        ),
        "{out}"
    );
    let full = run_in(&dir, &["lint", "Unattend.xml"]);
    let out = stdout(&full);
    assert!(
        out.contains("error[UA201]")
            && out.contains("--> Unattend.xml:4:8")
            && out.contains("<ComputerName>"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
    assert!(String::from_utf8_lossy(&full.stderr).contains("linted 1 file: 1 error"));
}

#[test]
fn fail_level_decides_the_exit_code() {
    let dir = workspace("fail-level", &[("a.xml", &only_a_warning())]);
    let o = run_in(&dir, &["lint", "a.xml"]);
    assert_eq!(o.status.code(), Some(0), "warnings do not fail by default");
    assert!(stdout(&o).contains("warning[UA204]"));
    assert_eq!(
        run_in(&dir, &["lint", "--fail-level", "warning", "a.xml"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn configuration_is_discovered_upward_and_can_be_bypassed() {
    let dir = workspace(
        "config",
        &[
            (
                "unattend.toml",
                "ignore = [\"setting-not-valid-in-pass\"]\n",
            ),
            ("images/win11/Unattend.xml", &wrong_pass()),
        ],
    );
    let o = run_in(&dir, &["lint", "images/win11/Unattend.xml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "");
    let o = run_in(&dir, &["lint", "--isolated", "images/win11/Unattend.xml"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn per_file_ignores_and_severity_overrides_apply() {
    let dir = workspace(
        "per-file",
        &[
            (
                "unattend.toml",
                "[severity]\nUA201 = \"warning\"\n[per-file-ignores]\n\"legacy/*.xml\" = [\"UA201\"]\n",
            ),
            ("legacy/old.xml", &wrong_pass()),
            ("new.xml", &wrong_pass()),
        ],
    );
    let o = run_in(
        &dir,
        &[
            "lint",
            "--output-format",
            "concise",
            "legacy/old.xml",
            "new.xml",
        ],
    );
    let out = stdout(&o);
    assert!(!out.contains("legacy/old.xml"), "{out}");
    assert!(out.contains("new.xml:4:8: UA201 [warning]"), "{out}");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_broken_configuration_is_an_error_with_its_position() {
    let dir = workspace(
        "bad-config",
        &[
            ("unattend.toml", "select = [\"UA201\",\n \"UA999\"]\n"),
            ("a.xml", &wrong_pass()),
        ],
    );
    let o = run_in(&dir, &["lint", "a.xml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("unattend.toml:2:2: unknown rule \"UA999\""),
        "{err}"
    );
}

#[test]
fn stdin_is_named_by_stdin_filename() {
    let dir = workspace("stdin", &[]);
    let o = run_with_stdin(
        Some(&dir),
        &[
            "lint",
            "--output-format",
            "concise",
            "-",
            "--stdin-filename",
            "images/Unattend.xml",
        ],
        wrong_pass(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("images/Unattend.xml:4:8: UA201"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn unreadable_input_is_exit_2_and_malformed_xml_is_ua001() {
    let dir = workspace(
        "io",
        &[("bad.xml", "<unattend>\n  <a>x & y</a>\n</unattend>\n")],
    );
    assert_eq!(
        run_in(&dir, &["lint", "missing.xml"]).status.code(),
        Some(2)
    );
    let o = run_in(&dir, &["lint", "--output-format", "concise", "bad.xml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("bad.xml:2:8: UA001 [error]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn explain_prints_the_rule_documentation() {
    let dir = std::env::temp_dir();
    for key in ["UA201", "ua201", "setting-not-valid-in-pass"] {
        let o = run_in(&dir, &["explain", key]);
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        assert!(
            out.starts_with("UA201 setting-not-valid-in-pass (error)"),
            "{out}"
        );
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## Fix",
            "## References",
        ] {
            assert!(out.contains(section), "{section} missing");
        }
    }
    assert_eq!(run_in(&dir, &["explain", "UA999"]).status.code(), Some(2));
}

#[test]
fn rules_lists_every_rule() {
    let dir = std::env::temp_dir();
    let o = run_in(&dir, &["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let count = unattend::lint::rules().count();
    assert_eq!(stdout(&o).lines().count(), count);
    assert!(stdout(&o).contains("UA201  setting-not-valid-in-pass"));
    let json: serde_json::Value =
        serde_json::from_slice(&run_in(&dir, &["rules", "--format", "json"]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), count);
    assert_eq!(json[0]["code"], "UA001");
}

/// Every public corpus file through the real binary at once: findings or
/// none, never a crash or an I/O error.
#[test]
fn lint_over_the_public_corpus_never_crashes() {
    let files: Vec<String> = unattend_e2e::corpus_files()
        .iter()
        .map(|f| f.path.display().to_string())
        .collect();
    if files.is_empty() {
        return;
    }
    let mut args = vec!["lint", "--output-format", "concise"];
    args.extend(files.iter().map(String::as_str));
    let o = run_in(&std::env::temp_dir(), &args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("linted {} files", files.len())));
}

#[test]
fn folders_are_walked_respecting_gitignore() {
    let dir = workspace(
        "walk",
        &[
            (".gitignore", "build/\n"),
            ("images/Autounattend.xml", &wrong_pass()),
            ("images/other.xml", &wrong_pass()),
            ("images/not-an-answer-file.xml", "<project/>"),
            ("images/autounattend.pkrtpl.hcl", &wrong_pass()),
            ("build/Unattend.xml", &wrong_pass()),
            ("notes.txt", "unattend"),
        ],
    );
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    let o = run_in(&dir, &["lint", "--output-format", "concise", "."]);
    let out = stdout(&o);
    let files: std::collections::BTreeSet<&str> =
        out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [
            "./images/Autounattend.xml",
            "./images/autounattend.pkrtpl.hcl",
            "./images/other.xml"
        ],
        "{out}"
    );
}

#[test]
fn machine_formats_are_well_formed() {
    let dir = workspace(
        "formats-machine",
        &[("a.xml", &wrong_pass()), ("b.xml", &only_a_warning())],
    );
    // SARIF 2.1.0, checked by deserializing it.
    let o = run_in(
        &dir,
        &["lint", "--output-format", "sarif", "a.xml", "b.xml"],
    );
    let sarif: serde_sarif::sarif::Sarif = serde_json::from_slice(&o.stdout).unwrap();
    let run = &sarif.runs[0];
    assert_eq!(run.tool.driver.name, "unattend");
    assert_eq!(
        run.tool.driver.rules.as_ref().unwrap().len(),
        unattend::lint::rules().count()
    );
    let results = run.results.as_ref().unwrap();
    assert_eq!(results.len(), 2);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a.xml"
    );
    assert_eq!(
        json["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    // JSON with the documented fields.
    let o = run_in(&dir, &["lint", "--output-format", "json", "a.xml"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in [
        "code",
        "name",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "path",
        "help",
        "fix",
    ] {
        assert!(json[0].get(key).is_some(), "{key} missing");
    }
    // JSON lines: one object per finding.
    let o = run_in(
        &dir,
        &["lint", "--output-format", "json-lines", "a.xml", "b.xml"],
    );
    assert_eq!(stdout(&o).lines().count(), 2);
    // JUnit is XML our own parser reads.
    let o = run_in(
        &dir,
        &["lint", "--output-format", "junit", "a.xml", "b.xml"],
    );
    let doc = unattend::document::Document::parse(&o.stdout).unwrap();
    assert_eq!(
        doc.elements()
            .filter(|e| e.local_name() == "failure")
            .count(),
        2
    );
}

#[test]
fn github_annotations_escape_like_the_actions_toolkit() {
    let dir = workspace("github", &[("we,ird:name.xml", &wrong_pass())]);
    let o = run_in(
        &dir,
        &["lint", "--output-format", "github", "we,ird:name.xml"],
    );
    let out = stdout(&o);
    assert!(
        out.starts_with("::error file=we%2Cird%3Aname.xml,line=4,col=8,endLine=4,endColumn=20,title=unattend (UA201)::UA201 [setting-not-valid-in-pass]"),
        "{out}"
    );
}

#[test]
fn output_file_env_format_and_exit_zero() {
    let dir = workspace("outfile", &[("a.xml", &wrong_pass())]);
    let o = command(
        Some(&dir),
        &["lint", "--exit-zero", "-o", "report.txt", "a.xml"],
    )
    .env("UNATTEND_OUTPUT_FORMAT", "concise")
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    let report = std::fs::read_to_string(dir.join("report.txt")).unwrap();
    assert!(report.starts_with("a.xml:4:8: UA201"), "{report}");
}

/// The integrations call flags that exist: a renamed flag would break every
/// user's CI silently.
#[test]
fn integrations_use_real_flags() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let hook = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    assert!(
        hook.contains("id: unattend-lint")
            && hook.contains("entry: unattend lint --output-format concise")
    );
    // The Action's steps call the binary from scripts/action/*.sh.
    let mut action = std::fs::read_to_string(root.join("action.yml")).unwrap();
    for script in ["lint.sh", "diff.sh"] {
        action += &std::fs::read_to_string(root.join("scripts/action").join(script)).unwrap();
    }
    for flag in [
        "--output-format sarif",
        "--exit-zero",
        "-o ",
        "--output-format github",
        "--fail-level",
    ] {
        assert!(action.contains(flag), "{flag}");
    }
    let help = stdout(&run_in(&root, &["lint", "--help"]));
    for flag in [
        "--output-format",
        "--exit-zero",
        "--output-file",
        "--fail-level",
        "--stdin-filename",
        "--config",
        "--isolated",
    ] {
        assert!(help.contains(flag), "{flag} missing from lint --help");
    }
    assert!(help.contains("Examples:"));
}

#[test]
fn every_command_has_examples_in_its_help() {
    let dir = std::env::temp_dir();
    for cmd in [
        "check",
        "lint",
        "catalog",
        "explain",
        "rules",
        "get",
        "set",
        "schema",
        "completions",
        "fmt",
        "password",
        "build",
        "convert",
        "new",
        "sysprep",
    ] {
        let help = stdout(&run_in(&dir, &[cmd, "--help"]));
        assert!(help.contains("Examples:"), "{cmd} --help has no examples");
    }
    let bash = stdout(&run_in(&dir, &["completions", "bash"]));
    assert!(bash.contains("_unattend()") && bash.contains("lint"));
    let schema: serde_json::Value =
        serde_json::from_slice(&run_in(&dir, &["schema", "config"]).stdout).unwrap();
    assert_eq!(schema["title"], "unattend.toml");
}

/// Snippets show the source line of a finding: secrets on that line are
/// masked, in well-formed files and in files that do not parse.
#[test]
fn secrets_never_appear_in_rendered_output() {
    let one_line = format!(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"windowsPE\"><component name=\"Microsoft-Windows-Setup\" {COMPONENT}><UserData><ProductKey><Key>SECRT-KEY99-ABCDE-FGHIJ</Key><WillShowUI>Nope</WillShowUI></ProductKey><AcceptEula>true</AcceptEula></UserData></component></settings></unattend>\n"
    );
    let broken = format!(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"oobeSystem\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" {COMPONENT}>\n      <UserAccounts><AdministratorPassword><Value>p@ss&word</Value></AdministratorPassword></UserAccounts>\n    </component>\n  </settings>\n</unattend>\n"
    );
    let dir = workspace(
        "secrets",
        &[("one.xml", &one_line), ("broken.xml", &broken)],
    );
    for format in ["full", "concise", "json", "sarif", "github", "junit"] {
        let o = run_in(
            &dir,
            &["lint", "--output-format", format, "one.xml", "broken.xml"],
        );
        let out = stdout(&o) + &String::from_utf8_lossy(&o.stderr);
        assert!(out.contains("UA"), "{format}: no findings?\n{out}");
        for secret in ["SECRT-KEY99", "p@ss&word", "p@ss&amp;word"] {
            assert!(!out.contains(secret), "{format} leaks {secret}:\n{out}");
        }
    }
}

/// The issue's own example: a file with windowsPE settings linted for a
/// sysprep run warns that sysprep will not process them.
#[test]
fn lint_with_a_sysprep_command_warns_about_windows_pe() {
    let pe = format!(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"windowsPE\">\n    <component name=\"Microsoft-Windows-International-Core-WinPE\" {COMPONENT}>\n      <UILanguage>en-US</UILanguage>\n    </component>\n  </settings>\n</unattend>\n"
    );
    let dir = workspace("sysprep-flag", &[("Unattend.xml", &pe)]);
    let o = run_in(
        &dir,
        &[
            "lint",
            "--output-format",
            "concise",
            "--sysprep",
            "/generalize /oobe /shutdown",
            "Unattend.xml",
        ],
    );
    assert!(
        stdout(&o).contains("Unattend.xml:2:19: UA604 [warning] sysprep never runs the windowsPE pass: its 1 component will not be applied"),
        "{}",
        stdout(&o)
    );
    let o = run_in(
        &dir,
        &[
            "lint",
            "--output-format",
            "concise",
            "--sysprep",
            "/oobe /audit",
            "Unattend.xml",
        ],
    );
    assert!(stdout(&o).contains("UA608 [error]"));
    assert_eq!(o.status.code(), Some(1));
    // A media file: no sysprep command runs it.
    let o = run_in(&dir, &["sysprep", "Unattend.xml"]);
    assert_eq!(stdout(&o), "");
    assert!(String::from_utf8_lossy(&o.stderr).contains("install media"));
    // Presets name their command; audit and VM runs are recognised.
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/answer-files");
    for (preset, expected) in [
        ("audit-mode.xml", "sysprep.exe /audit /reboot /unattend:"),
        (
            "vm-mode.xml",
            "sysprep.exe /generalize /oobe /mode:vm /shutdown",
        ),
        (
            "generalize-oobe.xml",
            "sysprep.exe /generalize /oobe /shutdown /unattend:",
        ),
    ] {
        let o = run_in(&examples, &["sysprep", preset]);
        assert!(stdout(&o).contains(expected), "{preset}: {}", stdout(&o));
        assert_eq!(
            String::from_utf8_lossy(&o.stderr),
            "",
            "{preset} checks clean"
        );
    }
}
