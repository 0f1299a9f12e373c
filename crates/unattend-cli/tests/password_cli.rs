//! `unattend password encode|decode`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_with_stdin, stderr, stdout};

#[test]
fn encode_then_decode_round_trips() {
    for (password, element) in [
        ("P@ssw0rd", "AdministratorPassword"),
        ("ünïcødé ✓", "Password"),
    ] {
        let enc = run_with_stdin(
            None,
            &["password", "encode", "--element", element],
            format!("{password}\n"),
        );
        assert_eq!(enc.status.code(), Some(0));
        let hidden = stdout(&enc).trim().to_string();
        assert!(!hidden.contains(password));
        assert!(
            !String::from_utf8_lossy(&enc.stderr).contains(password),
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
    // Nor is the element guessed: it is part of the hidden value.
    let o = run_with_stdin(None, &["password", "encode"], "hunter2\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--element"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn decode_without_element_strips_the_suffix_it_recognises() {
    for (password, element) in [
        ("P@ssw0rd", "AdministratorPassword"),
        ("P@ssw0rd", "OfflineAdministratorPassword"),
        ("P@ssw0rd", "Password"),
    ] {
        let value = unattend::password::encode(password, element);
        let o = run_with_stdin(None, &["password", "decode"], format!("{value}\n"));
        assert_eq!(o.status.code(), Some(0), "{element}");
        assert_eq!(stdout(&o), "P@ssw0rd\n", "{element}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(&format!("hidden for <{element}>")),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn decode_refuses_text_without_a_known_suffix() {
    // base64(UTF-16LE("hunter2")): no element name at the end, so there is
    // no telling which part is the password.
    let value = unattend::password::encode("hunter2", "");
    let o = run_with_stdin(None, &["password", "decode"], format!("{value}\n"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "", "no guess is printed");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("ends with none of"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn encode_refuses_an_empty_password() {
    for input in ["", "\n"] {
        let o = run_with_stdin(
            None,
            &["password", "encode", "--element", "AdministratorPassword"],
            input,
        );
        assert_eq!(o.status.code(), Some(1), "{input:?}");
        assert_eq!(stdout(&o), "");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("the password is empty"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}
