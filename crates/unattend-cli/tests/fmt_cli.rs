//! `unattend fmt`, and every command's behaviour on a closed pipe.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Stdio;

use common::{command, file, run};

const MESSY: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n\n<settings pass=\"oobeSystem\">\n<!-- keep me -->\n      <component versionScope=\"nonSxS\" name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\"><TimeZone>UTC</TimeZone></component>\n</settings>\n  <settings pass=\"specialize\"/>\n</unattend>\n";

const TIDY: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"specialize\" />\n  <settings pass=\"oobeSystem\">\n    <!-- keep me -->\n    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <TimeZone>UTC</TimeZone>\n    </component>\n  </settings>\n</unattend>\n";

#[test]
fn check_diff_and_write() {
    let f = file("messy.xml", MESSY);
    let path = f.to_str().unwrap();
    let check = run(&["fmt", "--check", path]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("would reformat"));
    let diff = run(&["fmt", "--diff", path]);
    assert_eq!(diff.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&diff.stdout).contains("+  <settings pass=\"specialize\" />"));
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        MESSY,
        "--check and --diff change nothing"
    );
    assert_eq!(run(&["fmt", path]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), TIDY);
    assert_eq!(
        run(&["fmt", "--check", path]).status.code(),
        Some(0),
        "idempotent"
    );
}

#[test]
fn indent_option_and_malformed_input() {
    let f = file("tabs.xml", MESSY);
    assert_eq!(
        run(&["fmt", "--indent", "tab", f.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    assert!(
        std::fs::read_to_string(&f)
            .unwrap()
            .contains("\n\t<settings pass=\"specialize\" />")
    );
    let bad = file("bad.xml", "<unattend><a></unattend>");
    let o = run(&["fmt", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(":1:"));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "<unattend><a></unattend>"
    );
    assert_eq!(
        run(&["fmt", "--indent", "many", bad.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}

/// `unattend … | head` closes the pipe early: no crash, no internal error.
#[test]
fn a_closed_pipe_is_not_an_error() {
    let f = file("pipe.xml", MESSY);
    let path = f.to_str().unwrap();
    for args in [
        vec!["rules"],
        vec!["catalog"],
        vec!["completions", "bash"],
        vec!["fmt", "--diff", path],
        vec!["lint", path],
    ] {
        let mut child = command(None, &args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !err.contains("internal error") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
        assert_ne!(o.status.code(), Some(101), "{args:?}");
    }
}
