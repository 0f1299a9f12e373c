//! `unattend password encode|decode`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_with_stdin, stdout};

#[test]
fn encode_then_decode_round_trips() {
    for (password, element) in [
        ("P@ssw0rd", "AdministratorPassword"),
        ("ünïcødé ✓", "Password"),
        ("", "Password"),
    ] {
        let enc = run_with_stdin(
            None,
            &["password", "encode", "--element", element],
            format!("{password}\n"),
        );
        assert_eq!(enc.status.code(), Some(0));
        let hidden = stdout(&enc).trim().to_string();
        assert!(!hidden.contains(password) || password.is_empty());
        assert!(
            !String::from_utf8_lossy(&enc.stderr).contains(password) || password.is_empty(),
            "the password is not echoed"
        );
        assert!(String::from_utf8_lossy(&enc.stderr).contains("obfuscation, not encryption"));
        let dec = run_with_stdin(
            None,
            &["password", "decode", "--element", element],
            format!("{hidden}\n"),
        );
        assert_eq!(stdout(&dec), format!("{password}\n"));
    }
}

#[test]
fn decodes_microsofts_documented_example() {
    // The reference's example value hides "pw" for a Password element.
    let o = run_with_stdin(
        None,
        &["password", "decode"],
        "cAB3AFAAYQBzAHMAdwBvAHIAZAA\n",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "pw\n");
}

#[test]
fn wrong_element_and_garbage_are_reported() {
    let o = run_with_stdin(
        None,
        &["password", "decode", "--element", "AdministratorPassword"],
        "cAB3AFAAYQBzAHMAdwBvAHIAZAA\n",
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "",
        "nothing is printed when the suffix is wrong"
    );
    let o = run_with_stdin(None, &["password", "decode"], "not base64!\n");
    assert_eq!(o.status.code(), Some(1));
    // The password is never taken from the command line.
    let o = run_with_stdin(None, &["password", "encode", "hunter2"], "");
    assert_eq!(o.status.code(), Some(2));
}
