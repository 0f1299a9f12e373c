//! `unattend get` and `unattend set` as a pipeline runs them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, run};

const FILE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <!-- stamped by CI -->
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>OLD</ComputerName>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <UserAccounts>
        <AdministratorPassword>
          <Value>hunter2</Value>
          <PlainText>true</PlainText>
        </AdministratorPassword>
      </UserAccounts>
    </component>
  </settings>
</unattend>
"#;

#[test]
fn set_stamps_values_with_a_minimal_diff() {
    let f = file("stamp.xml", FILE.as_bytes());
    let path = f.to_str().unwrap();
    let o = run(&[
        "set",
        path,
        "specialize/Microsoft-Windows-Shell-Setup/ComputerName=WS-042",
        "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=1]/Path=cmd /c echo a=b",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let after = std::fs::read_to_string(&f).unwrap();
    // Exactly three changes: the value, the wcm declaration new list items
    // need, and the new component; every other byte is as it was.
    let expected = FILE
        .replace(
            "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">",
            "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">",
        )
        .replace(">OLD<", ">WS-042<")
        .replace(
            "      <ComputerName>WS-042</ComputerName>\n    </component>\n",
            "      <ComputerName>WS-042</ComputerName>\n    </component>\n    <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <RunSynchronous>\n        <RunSynchronousCommand wcm:action=\"add\">\n          <Order>1</Order>\n          <Path>cmd /c echo a=b</Path>\n        </RunSynchronousCommand>\n      </RunSynchronous>\n    </component>\n",
        );
    assert_eq!(after, expected);
    let got = run(&[
        "get",
        path,
        "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=1]/Path",
    ]);
    assert_eq!(String::from_utf8_lossy(&got.stdout), "cmd /c echo a=b\n");
}

#[test]
fn secrets_are_hidden_unless_asked_for() {
    let f = file("secret.xml", FILE.as_bytes());
    let path = f.to_str().unwrap();
    let secret =
        "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value";
    let o = run(&["get", path, secret]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&o.stdout).contains("hunter2"));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("hunter2"));
    let o = run(&["get", "--show-secrets", path, secret]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "hunter2\n");
    let o = run(&["set", path, &format!("{secret}=correct horse")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("correct horse"),
        "set does not echo secrets"
    );
}

#[test]
fn errors_leave_the_file_untouched() {
    let f = file("untouched.xml", FILE.as_bytes());
    let path = f.to_str().unwrap();
    for bad in [
        "specialize/X",
        "Specialize/Microsoft-Windows-Shell-Setup/ComputerName=1",
        "no-equals-sign",
    ] {
        let o = run(&["set", path, bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
    // A value the file's encoding cannot hold.
    let legacy = file("legacy.xml", b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><ComputerName>caf\xe9</ComputerName></component></settings></unattend>\n");
    let before = std::fs::read(&legacy).unwrap();
    let o = run(&[
        "set",
        legacy.to_str().unwrap(),
        "specialize/Microsoft-Windows-Shell-Setup/ComputerName=✓",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&legacy).unwrap(), before);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), FILE);
    // No temporary file is left behind.
    let leftovers = std::fs::read_dir(f.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".unattend-")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn get_reports_unset_paths_and_ambiguity() {
    let f = file("get.xml", FILE.as_bytes());
    let path = f.to_str().unwrap();
    assert_eq!(
        run(&[
            "get",
            path,
            "specialize/Microsoft-Windows-Shell-Setup/TimeZone"
        ])
        .status
        .code(),
        Some(1)
    );
    let dry = run(&[
        "set",
        "--dry-run",
        path,
        "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=UTC",
    ]);
    assert!(String::from_utf8_lossy(&dry.stdout).contains("<TimeZone>UTC</TimeZone>"));
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        FILE,
        "--dry-run writes nothing"
    );
}

/// `lint` reads past faults whose structure is clear and reports the rest of
/// the file; `set` and `fmt` still refuse such a file and leave it as it is:
/// editing a tree read past faults could corrupt data.
#[test]
fn files_lint_reads_past_faults_are_still_not_edited() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../unattend/tests/fixtures/recovery");
    for (name, second) in [
        ("unescaped-ampersand.xml", ":15:17: UA404"),
        ("stray-end-tag.xml", ":12:23: UA204"),
        ("mismatched-end-tag.xml", ":6:17: UA404"),
        ("comment-before-declaration.xml", ":6:21: UA401"),
    ] {
        let bytes = std::fs::read(fixtures.join(name)).unwrap();
        let f = file(name, &bytes);
        let path = f.to_str().unwrap();
        let o = run(&["lint", "--isolated", "--output-format", "concise", path]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{name}: {out}");
        let first = out.lines().next().unwrap_or_default();
        assert!(first.contains(": UA001 [error]"), "{name}: {out}");
        assert!(out.contains(second), "{name}: {out}");
        let o = run(&[
            "set",
            path,
            "specialize/Microsoft-Windows-Shell-Setup/ComputerName=WS-1",
        ]);
        // 1: the file has a problem (as for any file `set` cannot read).
        assert_eq!(o.status.code(), Some(1), "{name}");
        let o = run(&["fmt", path]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert_eq!(std::fs::read(&f).unwrap(), bytes, "{name}");
    }
}
