//! The pre-commit hooks as pre-commit runs them: `.pre-commit-hooks.yaml`
//! names a binary this (root) package installs, and each hook's `entry`,
//! given file names, fails a broken answer file with its finding and passes
//! a clean one. `scripts/pre-commit-try-repo.sh` does the same through
//! pre-commit itself, from a clean clone (it needs PyPI and minutes).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use serde::Deserialize;
use unattend_e2e::workspace_root;

#[derive(Debug, Deserialize)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    files: String,
}

fn hooks() -> Vec<Hook> {
    let text = std::fs::read_to_string(workspace_root().join(".pre-commit-hooks.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// Runs `entry` (its first word is the installed binary) on `files` in `dir`.
fn run_entry(entry: &str, dir: &std::path::Path, files: &[&str]) -> std::process::Output {
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("unattend"), "{entry}");
    Command::new(env!("CARGO_BIN_EXE_unattend"))
        .args(words)
        .args(files)
        .current_dir(dir)
        .output()
        .unwrap()
}

const BROKEN: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"oobeSystem\">\n    <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <RunSynchronous>\n        <RunSynchronousCommand>\n          <Order>1</Order>\n          <Path>cmd /c exit 0</Path>\n        </RunSynchronousCommand>\n      </RunSynchronous>\n    </component>\n  </settings>\n</unattend>\n";

#[test]
fn the_hooks_run_the_installed_binary() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["unattend-lint", "unattend-fmt"]);
    for h in &hooks {
        // pre-commit's Rust support runs `cargo install --bins --path .`
        // here: the root manifest must have the `unattend` binary.
        assert_eq!(h.language, "rust", "{}", h.id);
        assert!(h.entry.starts_with("unattend "), "{}", h.id);
        assert!(h.files.starts_with("(?i)"), "{}: names ignore case", h.id);
    }
    let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("[[bin]]\nname = \"unattend\"\n"),
        "the root package installs `unattend`"
    );

    let dir = std::env::temp_dir().join(format!("unattend-e2e-hooks-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("clean")).unwrap();
    std::fs::create_dir_all(dir.join("broken")).unwrap();
    let clean =
        std::fs::read(workspace_root().join("examples/answer-files/generalize-oobe.xml")).unwrap();
    std::fs::write(dir.join("clean/Unattend.xml"), &clean).unwrap();
    std::fs::write(dir.join("broken/Unattend.xml"), BROKEN).unwrap();

    let lint = &hooks[0].entry;
    let o = run_entry(lint, &dir, &["broken/Unattend.xml"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains(
            "Unattend.xml:5:8: UA201 [error] RunSynchronous is not processed in the oobeSystem pass"
        ),
        "{out}"
    );
    let o = run_entry(lint, &dir, &["clean/Unattend.xml"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );

    let fmt = &hooks[1].entry;
    let o = run_entry(fmt, &dir, &["clean/Unattend.xml"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read(dir.join("clean/Unattend.xml")).unwrap(),
        clean,
        "nothing to change"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
