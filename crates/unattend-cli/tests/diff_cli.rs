//! `unattend diff` and `unattend flatten`: exit codes, formats, errors, and
//! `git diff` through the documented textconv.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_in, run_with_stdin, stderr, stdout, workspace};

fn answer(computer: &str, password: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"specialize\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <ComputerName>{computer}</ComputerName>\n    </component>\n  </settings>\n  <settings pass=\"oobeSystem\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <UserAccounts>\n        <AdministratorPassword>\n          <Value>{password}</Value>\n          <PlainText>true</PlainText>\n        </AdministratorPassword>\n      </UserAccounts>\n    </component>\n  </settings>\n</unattend>\n"
    )
}

#[test]
fn exit_codes_text_and_summary() {
    let dir = workspace(
        "codes",
        &[
            ("old.xml", &answer("WS-001", "hunter2")),
            ("new.xml", &answer("WS-042", "correct-horse")),
            ("same.xml", &answer("WS-001", "hunter2").replace("  ", "\t")),
        ],
    );
    let same = run_in(&dir, &["diff", "old.xml", "same.xml"]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "");
    assert!(stderr(&same).contains("equivalent"), "{}", stderr(&same));

    let d = run_in(&dir, &["diff", "old.xml", "new.xml"]);
    assert_eq!(d.status.code(), Some(1));
    assert_eq!(
        stdout(&d),
        "specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName: changed \"WS-001\" -> \"WS-042\"\noobeSystem/Microsoft-Windows-Shell-Setup[amd64]/UserAccounts/AdministratorPassword/Value: changed (hidden)\n"
    );
    assert_eq!(stderr(&d), "2 changed, 0 added, 0 removed\n");
    let quiet = run_in(&dir, &["diff", "-q", "old.xml", "new.xml"]);
    assert_eq!(stderr(&quiet), "");

    // Standard input for one side.
    let piped = run_with_stdin(
        Some(&dir),
        &["diff", "-", "new.xml"],
        answer("WS-042", "correct-horse"),
    );
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    let both = run_in(&dir, &["diff", "-", "-"]);
    assert_eq!(both.status.code(), Some(2));

    let all = format!("{}{}", stdout(&d), stderr(&d));
    assert!(
        !all.contains("hunter2") && !all.contains("correct-horse"),
        "{all}"
    );
}

#[test]
fn json_and_markdown() {
    let dir = workspace(
        "formats",
        &[
            ("old.xml", &answer("WS-001", "hunter2")),
            ("new.xml", &answer("WS-042", "correct-horse")),
        ],
    );
    let j = run_in(
        &dir,
        &["diff", "--output-format", "json", "old.xml", "new.xml"],
    );
    assert_eq!(j.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&j)).unwrap();
    assert_eq!(v["equivalent"], false);
    assert_eq!(v["counts"]["changed"], 2);
    assert_eq!(v["changes"][0]["kind"], "changed");
    assert_eq!(v["changes"][0]["old"], "WS-001");
    assert_eq!(v["changes"][0]["new"], "WS-042");
    assert_eq!(v["changes"][1]["secret"], true);
    assert!(v["changes"][1]["old"].is_null() && v["changes"][1]["new"].is_null());
    assert!(!stdout(&j).contains("hunter2"));

    let m = run_in(
        &dir,
        &[
            "diff",
            "--output-format",
            "markdown",
            "--label",
            "images/Unattend.xml",
            "old.xml",
            "new.xml",
        ],
    );
    assert_eq!(
        stdout(&m),
        "**`images/Unattend.xml`**: 2 changed, 0 added, 0 removed\n\n```diff\n- specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName = \"WS-001\"\n+ specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName = \"WS-042\"\n- oobeSystem/Microsoft-Windows-Shell-Setup[amd64]/UserAccounts/AdministratorPassword/Value = (hidden)\n+ oobeSystem/Microsoft-Windows-Shell-Setup[amd64]/UserAccounts/AdministratorPassword/Value = (hidden, changed)\n```\n\n"
    );
}

#[test]
fn files_that_do_not_parse_are_errors_with_their_place() {
    let dir = workspace(
        "errors",
        &[
            ("good.xml", &answer("A", "p")),
            (
                "broken.xml",
                "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"specialize\">\n</unattend>\n",
            ),
            ("other.xml", "<configuration/>\n"),
        ],
    );
    let d = run_in(&dir, &["diff", "good.xml", "broken.xml"]);
    assert_eq!(d.status.code(), Some(2));
    assert!(stderr(&d).starts_with("broken.xml:3:"), "{}", stderr(&d));
    let o = run_in(&dir, &["diff", "other.xml", "good.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "other.xml: the document's root is not <unattend> in the answer-file namespace\n"
    );
    let missing = run_in(&dir, &["diff", "good.xml", "nope.xml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nope.xml"),
        "{}",
        stderr(&missing)
    );

    // flatten: an error, or the file as it is with --raw-fallback.
    let f = run_in(&dir, &["flatten", "broken.xml"]);
    assert_eq!(f.status.code(), Some(2));
    assert!(stderr(&f).starts_with("broken.xml:3:"), "{}", stderr(&f));
    let raw = run_in(&dir, &["flatten", "--raw-fallback", "other.xml"]);
    assert_eq!(raw.status.code(), Some(0));
    assert_eq!(stdout(&raw), "<configuration/>\n");
}

#[test]
fn flatten_prints_one_line_per_setting() {
    let dir = workspace("flatten", &[("a.xml", &answer("WS-1", "pw"))]);
    let f = run_in(&dir, &["flatten", "a.xml"]);
    assert_eq!(f.status.code(), Some(0), "{}", stderr(&f));
    let out = stdout(&f);
    assert!(
        out.contains("specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName = WS-1\n")
            && out.contains(
                "oobeSystem/Microsoft-Windows-Shell-Setup[amd64]/UserAccounts/AdministratorPassword/Value = (hidden)\n"
            ),
        "{out}"
    );
    assert!(out.find("specialize/").unwrap() < out.find("oobeSystem/").unwrap());
    assert!(!out.contains("= pw"));
}

/// The README's git setup: `git diff` shows settings, not XML.
#[test]
fn git_diff_shows_settings_through_textconv() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("note: git is not installed; skipping the textconv test");
        return;
    }
    let dir = workspace(
        "git",
        &[
            ("Unattend.xml", &answer("WS-001", "pw")),
            (".gitattributes", "*.xml diff=unattend\n"),
        ],
    );
    let git = |args: &[&str]| {
        let o = std::process::Command::new("git")
            .args(args)
            .current_dir(&dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
        stdout(&o)
    };
    let exe = env!("CARGO_BIN_EXE_unattend-cli").replace('\\', "/");
    git(&["init", "-q"]);
    git(&["config", "user.email", "t@example.invalid"]);
    git(&["config", "user.name", "t"]);
    git(&[
        "config",
        "diff.unattend.textconv",
        &format!("\"{exe}\" flatten --raw-fallback"),
    ]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "one"]);
    std::fs::write(dir.join("Unattend.xml"), answer("WS-042", "pw2")).unwrap();
    let shown = git(&["diff", "--no-color"]);
    assert!(
        shown.contains("-specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName = WS-001\n")
            && shown.contains(
                "+specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName = WS-042\n"
            ),
        "{shown}"
    );
    assert!(
        !shown.contains("pw2") && !shown.contains("<ComputerName>"),
        "{shown}"
    );
    // A file that is not an answer file still diffs, as text.
    std::fs::write(dir.join("other.xml"), "<a>1</a>\n").unwrap();
    git(&["add", "other.xml"]);
    assert!(git(&["diff", "--cached", "--no-color"]).contains("+<a>1</a>"));
}
