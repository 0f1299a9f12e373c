//! `unattend new`: presets as answer files and specs, `--set`, the printed
//! sysprep command, and errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use unattend::model::Unattend;
use unattend::presets::{PLACEHOLDER_PASSWORD, Preset};
use unattend_e2e::workspace_root;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("unattend-new-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn unattend(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unattend"))
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap()
}

fn unattend_stdin(cwd: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unattend"))
        .current_dir(cwd)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn example(p: Preset) -> String {
    std::fs::read_to_string(
        workspace_root()
            .join("examples/answer-files")
            .join(format!("{}.xml", p.name())),
    )
    .unwrap()
}

#[test]
fn every_preset_writes_its_example_and_names_its_command() {
    let d = dir("each");
    for p in Preset::all() {
        let o = unattend(&d, &["new", "--preset", p.name()]);
        assert_eq!(o.status.code(), Some(0), "{p}: {}", stderr(&o));
        assert_eq!(
            stdout(&o),
            example(*p),
            "{p}: stdout differs from its example"
        );
        let err = stderr(&o);
        match p.sysprep() {
            Some(cmd) => assert!(
                err.contains(&format!("sysprep command: {cmd}")),
                "{p}: {err}"
            ),
            None => assert!(err.contains("no sysprep command"), "{p}: {err}"),
        }
        // No lint finding is printed for a preset as it comes.
        assert!(
            !err.contains(" [warning] ") && !err.contains(" [error] "),
            "{p}: {err}"
        );
        assert!(err.contains("public placeholder"), "{p}: {err}");

        // -o FILE.xml writes the same bytes.
        let out = format!("{}.xml", p.name());
        let o = unattend(&d, &["new", "--preset", p.name(), "-o", &out]);
        assert_eq!(o.status.code(), Some(0), "{p}: {}", stderr(&o));
        assert_eq!(std::fs::read_to_string(d.join(&out)).unwrap(), example(*p));
        assert!(stdout(&o).is_empty());
    }
    let vm = stderr(&unattend(&d, &["new", "--preset", "vm-mode"]));
    assert!(vm.contains(r"%WINDIR%\Panther\Unattend.xml"), "{vm}");
    assert!(
        vm.contains("/mode:vm") && !vm.contains("/unattend:C"),
        "{vm}"
    );
    let audit = stderr(&unattend(&d, &["new", "--preset", "audit-mode"]));
    assert!(
        audit.contains("/audit /reboot") && audit.contains("Second step"),
        "{audit}"
    );
}

#[test]
fn set_changes_the_file_and_hides_passwords() {
    let d = dir("set");
    let o = unattend(
        &d,
        &[
            "new",
            "--preset",
            "generalize-oobe",
            "--set",
            "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=W. Europe Standard Time",
            "--set",
            "specialize/Microsoft-Windows-Shell-Setup/ComputerName=WS-042",
            "--set",
            "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value=Tr0ub4dor&3",
            "-o",
            "Unattend.xml",
        ],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let xml = std::fs::read_to_string(d.join("Unattend.xml")).unwrap();
    assert!(xml.contains("<TimeZone>W. Europe Standard Time</TimeZone>"));
    assert!(xml.contains("<ComputerName>WS-042</ComputerName>"));
    // Hidden like the preset's own value, never in clear, never echoed.
    assert!(
        !xml.contains("Tr0ub4dor") && !err.contains("Tr0ub4dor"),
        "{err}"
    );
    assert!(xml.contains(&unattend::password::encode(
        "Tr0ub4dor&3",
        "AdministratorPassword"
    )));
    assert!(!err.contains("public placeholder"), "{err}");
    // Only the set values differ from the preset.
    let changed = xml
        .lines()
        .zip(example(Preset::GeneralizeOobe).lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(changed, 3, "{xml}");

    // A value the linter rejects: nothing written, exit 1.
    let o = unattend(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--set",
            "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=Mars Standard Time",
            "-o",
            "bad.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("UA404"));
    assert!(!d.join("bad.xml").exists());

    // A malformed assignment is a usage error.
    let o = unattend(&d, &["new", "--preset", "vm-mode", "--set", "TimeZone"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn password_from_stdin_replaces_the_placeholder() {
    let d = dir("stdin");
    let o = unattend_stdin(
        &d,
        &["new", "--preset", "autounattend-bios", "--password-stdin"],
        "from-stdin-42\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xml = stdout(&o);
    assert!(xml.contains(&unattend::password::encode(
        "from-stdin-42",
        "AdministratorPassword"
    )));
    assert!(!xml.contains(&unattend::password::encode(
        PLACEHOLDER_PASSWORD,
        "AdministratorPassword"
    )));
    assert!(!stderr(&o).contains("placeholder"));
}

#[test]
fn spec_outputs_build_back_to_the_preset() {
    let d = dir("spec");
    for p in [Preset::CloudbaseInit, Preset::AutounattendUefi] {
        let expected = Unattend::parse(example(p).as_bytes()).unwrap();
        for ext in ["yaml", "yml", "toml", "json"] {
            let spec = format!("{}.{ext}", p.name());
            let o = unattend(&d, &["new", "--preset", p.name(), "-o", &spec]);
            assert_eq!(o.status.code(), Some(0), "{spec}: {}", stderr(&o));
            let built = unattend(&d, &["build", &spec]);
            assert_eq!(built.status.code(), Some(0), "{spec}: {}", stderr(&built));
            assert_eq!(
                Unattend::parse(&built.stdout).unwrap(),
                expected,
                "{spec} does not build back to the preset"
            );
        }
    }
    // The YAML is the checked-in example spec.
    for p in Preset::all() {
        let spec = format!("{}.yaml", p.name());
        assert_eq!(
            unattend(&d, &["new", "--preset", p.name(), "-o", &spec])
                .status
                .code(),
            Some(0)
        );
        assert_eq!(
            std::fs::read_to_string(d.join(&spec)).unwrap(),
            std::fs::read_to_string(workspace_root().join("examples/specs").join(&spec)).unwrap(),
            "{spec}"
        );
    }
    let o = unattend(&d, &["new", "--preset", "vm-mode", "-o", "notes.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown output format"));
}

#[test]
fn listing_and_unknown_presets() {
    let d = dir("list");
    for args in [&["new", "--list"][..], &["new", "--preset"][..]] {
        let o = unattend(&d, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = stdout(&o);
        for p in Preset::all() {
            assert!(
                out.contains(&format!("{}  ", p.name())) && out.contains(p.summary()),
                "{args:?}: {out}"
            );
        }
    }
    let o = unattend(&d, &["new", "--preset", "golden-image"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown preset \"golden-image\""), "{err}");
    for p in Preset::all() {
        assert!(err.contains(p.name()), "{err}");
    }
    assert!(stdout(&o).is_empty());

    let o = unattend(&d, &["new"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--preset NAME"));

    let help = stdout(&unattend(&d, &["new", "--help"]));
    assert!(
        help.contains("Examples:") && help.contains("--preset"),
        "{help}"
    );
}
