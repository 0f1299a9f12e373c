//! `unattend set` asks the catalog and the linter before it writes: every
//! refusal leaves the file byte for byte as it was, exits non-zero with the
//! reason (the linter's code and message for value problems) and says
//! nothing was done; `--force` writes anyway. Passwords under
//! `PlainText` `false` are stored hidden.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, run, run_with_stdin, stderr};

const FILE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>OLD</ComputerName>
      <FutureSetting>1</FutureSetting>
    </component>
    <component name="Contoso-Agent" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <Endpoint>https://old.example</Endpoint>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <UserAccounts>
        <AdministratorPassword>
          <Value>UABsAGEAYwBlAGgAbwBsAGQAZQByAEEAZABtAGkAbgBpAHMAdAByAGEAdABvAHIAUABhAHMAcwB3AG8AcgBkAA==</Value>
          <PlainText>false</PlainText>
        </AdministratorPassword>
        <LocalAccounts>
          <LocalAccount xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" wcm:action="add">
            <Name>operator</Name>
            <Group>Administrators</Group>
            <Password>
              <Value>plain-old</Value>
              <PlainText>true</PlainText>
            </Password>
          </LocalAccount>
        </LocalAccounts>
      </UserAccounts>
    </component>
  </settings>
</unattend>
"#;

const ADMIN: &str =
    "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value";
const OPERATOR: &str = "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=operator]/Password";

/// Runs `set` on a fresh copy of [`FILE`] and checks the refusal: exit
/// code, every expected piece of the message, and the file unchanged.
fn refused(name: &str, assignment: &str, code: i32, expected: &[&str]) {
    let f = file(name, FILE);
    let o = run(&["set", f.to_str().unwrap(), assignment]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(code), "{assignment}: {err}");
    for e in expected {
        assert!(err.contains(e), "{assignment}: expected {e:?} in:\n{err}");
    }
    assert!(err.contains("nothing written"), "{assignment}: {err}");
    assert!(
        !err.lines().any(|l| l.starts_with("set ")),
        "nothing is reported as done: {err}"
    );
    assert_eq!(
        std::fs::read(&f).unwrap(),
        FILE.as_bytes(),
        "{assignment}: the file is byte-identical"
    );
    // --force writes it anyway.
    let o = run(&["set", "--force", f.to_str().unwrap(), assignment]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "--force {assignment}: {}",
        stderr(&o)
    );
    assert_ne!(
        std::fs::read(&f).unwrap(),
        FILE.as_bytes(),
        "--force {assignment}"
    );
}

#[test]
fn unknown_components_and_settings_are_refused_with_did_you_mean() {
    refused(
        "setting.xml",
        "specialize/Microsoft-Windows-Shell-Setup/ComputerNme=WS-1",
        2,
        &[
            "unknown setting ComputerNme in Microsoft-Windows-Shell-Setup; did you mean ComputerName?",
            "--force writes it anyway",
        ],
    );
    refused(
        "nested.xml",
        "oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPages=true",
        2,
        &[
            "unknown setting OOBE/HideEULAPages in Microsoft-Windows-Shell-Setup; did you mean OOBE/HideEULAPage?",
        ],
    );
    refused(
        "component.xml",
        "specialize/Microsoft-Windows-Shell-Setpu/ComputerName=WS-1",
        2,
        &[
            "unknown component Microsoft-Windows-Shell-Setpu; did you mean Microsoft-Windows-Shell-Setup?",
        ],
    );
    refused(
        "far.xml",
        "specialize/Microsoft-Windows-Shell-Setup/Frobnicate=1",
        2,
        &[
            "unknown setting Frobnicate in Microsoft-Windows-Shell-Setup: the catalog does not know it",
        ],
    );
}

#[test]
fn values_and_passes_the_linter_rejects_are_refused_with_its_code() {
    for (name, assignment, expected) in [
        (
            "long-name.xml",
            "specialize/Microsoft-Windows-Shell-Setup/ComputerName=A-COMPUTER-NAME-OF-37-CHARACTERS-LONG",
            "UA401 [error]",
        ),
        (
            "pass.xml",
            "oobeSystem/Microsoft-Windows-Shell-Setup/ComputerName=WS-1",
            "UA201 [error] ComputerName is not processed in the oobeSystem pass",
        ),
        (
            "tz.xml",
            "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=Mars Standard Time",
            "UA404 [error]",
        ),
        (
            "locale.xml",
            "oobeSystem/Microsoft-Windows-International-Core/UILanguage=xx-ZZ",
            "UA405 [error]",
        ),
        (
            "key.xml",
            "specialize/Microsoft-Windows-Shell-Setup/ProductKey=NOT-A-KEY",
            "UA406 [error]",
        ),
        (
            "enum.xml",
            "auditUser/Microsoft-Windows-Deployment/Generalize/Mode=Sideways",
            "UA206 [error]",
        ),
        (
            "bool.xml",
            "oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage=yes",
            "UA204 [error]",
        ),
        (
            "range.xml",
            "oobeSystem/Microsoft-Windows-CoreMmRes/CameraSoundLevel=250",
            "UA205 [error]",
        ),
    ] {
        refused(name, assignment, 1, &[expected, "--force writes it anyway"]);
    }
    let long = format!(
        "specialize/Microsoft-Windows-Shell-Setup/OEMInformation/Manufacturer={}",
        "x".repeat(300)
    );
    refused(
        "length.xml",
        &long,
        1,
        &["UA207 [error] Manufacturer is 300 characters long; the documented maximum is 256"],
    );
    // The product key is a secret: not even the refusal quotes it.
    let f = file("key-secret.xml", FILE);
    let o = run(&[
        "set",
        f.to_str().unwrap(),
        "specialize/Microsoft-Windows-Shell-Setup/ProductKey=NOT-A-KEY",
    ]);
    assert!(!stderr(&o).contains("NOT-A-KEY"), "{}", stderr(&o));
}

#[test]
fn findings_point_into_the_edited_text() {
    let f = file("located.xml", FILE);
    let o = run(&[
        "set",
        f.to_str().unwrap(),
        "specialize/Microsoft-Windows-Shell-Setup/ComputerName=A-COMPUTER-NAME-OF-37-CHARACTERS-LONG",
    ]);
    let err = stderr(&o);
    // The value sits on line 5 at column 21, where the edit would put it.
    assert!(
        err.starts_with(&format!("{}:5:21: UA401 [error] ", f.display())),
        "{err}"
    );
}

#[test]
fn settings_the_file_has_but_the_catalog_lacks_may_be_edited() {
    let f = file("unknown-ok.xml", FILE);
    let path = f.to_str().unwrap();
    for assignment in [
        "specialize/Microsoft-Windows-Shell-Setup/FutureSetting=2",
        "specialize/Contoso-Agent/Endpoint=https://new.example",
    ] {
        let o = run(&["set", path, assignment]);
        assert_eq!(o.status.code(), Some(0), "{assignment}: {}", stderr(&o));
    }
    let after = std::fs::read_to_string(&f).unwrap();
    assert_eq!(
        after,
        FILE.replace("<FutureSetting>1<", "<FutureSetting>2<")
            .replace("old.example", "new.example")
    );
    // A new element beside them is still checked.
    let o = run(&["set", path, "specialize/Contoso-Agent/Endpoint2=x"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "unknown component: nothing to check against"
    );
    let o = run(&[
        "set",
        path,
        "specialize/Microsoft-Windows-Shell-Setup/FutureSeting=2",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn good_values_are_written_and_reported_after_the_write() {
    let f = file("good.xml", FILE);
    let o = run(&[
        "set",
        f.to_str().unwrap(),
        "specialize/Microsoft-Windows-Shell-Setup/ComputerName=WS-042",
        "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=W. Europe Standard Time",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("set specialize/Microsoft-Windows-Shell-Setup/ComputerName = \"WS-042\""),
        "{err}"
    );
    let after = std::fs::read_to_string(&f).unwrap();
    assert!(after.contains("<ComputerName>WS-042</ComputerName>"));
    assert!(after.contains("<TimeZone>W. Europe Standard Time</TimeZone>"));
}

/// The `Value` text of the password element `name` in `text`.
fn value_of<'a>(text: &'a str, after: &str) -> &'a str {
    let from = text.find(after).unwrap();
    let rest = &text[from..];
    let start = rest.find("<Value>").unwrap() + "<Value>".len();
    let end = rest.find("</Value>").unwrap();
    &rest[start..end]
}

#[test]
fn passwords_under_plaintext_false_are_stored_hidden() {
    let f = file("hidden.xml", FILE);
    let path = f.to_str().unwrap();
    let o = run(&["set", path, &format!("{ADMIN}=n3w P@ss")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("n3w P@ss"), "{err}");
    assert!(err.contains("hidden: obfuscation, not encryption"), "{err}");
    let after = std::fs::read_to_string(&f).unwrap();
    assert!(!after.contains("n3w P@ss"));
    let value = value_of(&after, "<AdministratorPassword>");
    let r = unattend::password::reveal(value, Some("AdministratorPassword")).unwrap();
    assert_eq!(r.password, "n3w P@ss");
    // The linter is satisfied with what was written.
    let lint = run(&["lint", "--isolated", "--output-format", "concise", path]);
    assert!(
        !common::stdout(&lint).contains("UA502"),
        "{}",
        common::stdout(&lint)
    );

    // From standard input, so the secret is not on the command line.
    let o = run_with_stdin(None, &["set", "--value-stdin", path, ADMIN], "fr0m stdin\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::read_to_string(&f).unwrap();
    let value = value_of(&after, "<AdministratorPassword>");
    assert_eq!(
        unattend::password::reveal(value, None).unwrap().password,
        "fr0m stdin"
    );
}

#[test]
fn value_and_plaintext_in_one_edit_hide_in_any_order() {
    let f = file("both.xml", FILE);
    let path = f.to_str().unwrap();
    let o = run(&[
        "set",
        path,
        &format!("{OPERATOR}/PlainText=false"),
        &format!("{OPERATOR}/Value=s3cret"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::read_to_string(&f).unwrap();
    let value = value_of(&after, "<Name>operator</Name>");
    assert_eq!(
        unattend::password::reveal(value, Some("Password"))
            .unwrap()
            .password,
        "s3cret"
    );
}

#[test]
fn hiding_a_plain_password_by_plaintext_alone_is_refused() {
    // The value stays plain text under PlainText=false: Windows would
    // decode it into another password.
    refused(
        "plaintext.xml",
        &format!("{OPERATOR}/PlainText=false"),
        1,
        &["UA503 [error] the hidden LocalAccount/Password is not base64"],
    );
}

#[test]
fn empty_hidden_passwords_and_stdin_mistakes_are_refused() {
    let f = file("empty.xml", FILE);
    let path = f.to_str().unwrap();
    let o = run(&["set", path, &format!("{ADMIN}=")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the password is empty"),
        "{}",
        stderr(&o)
    );
    let o = run_with_stdin(None, &["set", "--value-stdin", path, ADMIN], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("standard input holds no value"),
        "{}",
        stderr(&o)
    );
    let o = run_with_stdin(
        None,
        &["set", "--value-stdin", path, &format!("{ADMIN}=x")],
        "y",
    );
    assert_eq!(o.status.code(), Some(2));
    let o = run_with_stdin(None, &["set", "--value-stdin", path, ADMIN, ADMIN], "y");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&f).unwrap(), FILE.as_bytes());
}
