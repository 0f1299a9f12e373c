//! `unattend new`: presets as answer files and specs, `--set`, the printed
//! sysprep command, and errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_in, run_with_stdin, scratch, stderr, stdout};
use unattend::model::Unattend;
use unattend::presets::{GenericKey, Preset};
use unattend_e2e::workspace_root;

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
    let d = scratch("each");
    for p in Preset::all() {
        let o = run_in(&d, &["new", "--preset", p.name(), "--no-password"]);
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
        // No password: `new` says what that means on the preset's edition.
        assert!(
            err.contains("note: no ") && err.contains("password"),
            "{p}: {err}"
        );
        assert!(
            !err.to_ascii_lowercase().contains("placeholder"),
            "{p}: {err}"
        );

        // -o FILE.xml writes the same bytes.
        let out = format!("{}.xml", p.name());
        let o = run_in(
            &d,
            &["new", "--preset", p.name(), "--no-password", "-o", &out],
        );
        assert_eq!(o.status.code(), Some(0), "{p}: {}", stderr(&o));
        assert_eq!(std::fs::read_to_string(d.join(&out)).unwrap(), example(*p));
        assert!(stdout(&o).is_empty());
    }
    let vm = stderr(&run_in(
        &d,
        &["new", "--preset", "vm-mode", "--no-password"],
    ));
    assert!(vm.contains(r"%WINDIR%\Panther\Unattend.xml"), "{vm}");
    assert!(
        vm.contains("/mode:vm") && !vm.contains("/unattend:C"),
        "{vm}"
    );
    let audit = stderr(&run_in(
        &d,
        &["new", "--preset", "audit-mode", "--no-password"],
    ));
    assert!(
        audit.contains("/audit /reboot") && audit.contains("Second step"),
        "{audit}"
    );
}

#[test]
fn set_changes_the_file_and_hides_passwords() {
    let d = scratch("set");
    let base = [
        "new",
        "--preset",
        "generalize-oobe",
        "--edition",
        "server",
        "--password-stdin",
    ];
    let plain = run_with_stdin(Some(&d), &base, "first-password\n");
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let mut args = base.to_vec();
    args.extend([
        "--set",
        "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=W. Europe Standard Time",
        "--set",
        "specialize/Microsoft-Windows-Shell-Setup/ComputerName=WS-042",
        "--set",
        "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value=Tr0ub4dor&3",
        "-o",
        "Unattend.xml",
    ]);
    let o = run_with_stdin(Some(&d), &args, "first-password\n");
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
    // Only the set values differ from the preset.
    let changed = xml
        .lines()
        .zip(stdout(&plain).lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(changed, 3, "{xml}");

    // A value the linter rejects: nothing written, exit 1.
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--no-password",
            "--set",
            "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=Mars Standard Time",
            "-o",
            "bad.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("UA404"));
    assert!(!d.join("bad.xml").exists());

    // A misspelt setting is refused with the closest catalog name, before
    // anything is linted or written (as `set` does).
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--no-password",
            "--set",
            "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZon=UTC",
            "-o",
            "typo.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("TimeZone"), "{}", stderr(&o));
    assert!(!d.join("typo.xml").exists());

    // A malformed assignment is a usage error.
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--no-password",
            "--set",
            "TimeZone",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn password_from_stdin_is_hidden() {
    let d = scratch("stdin");
    let o = run_with_stdin(
        Some(&d),
        &["new", "--preset", "autounattend-bios", "--password-stdin"],
        "from-stdin-42\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xml = stdout(&o);
    assert!(xml.contains(&unattend::password::encode("from-stdin-42", "Password")));
    assert!(!xml.contains("from-stdin-42") && !stderr(&o).contains("from-stdin-42"));
    assert!(!stderr(&o).contains("note: no"));
}

#[test]
fn no_password_choice_without_a_terminal_writes_nothing() {
    let d = scratch("nochoice");
    for p in Preset::all().iter().filter(|p| p.wants_password()) {
        let o = run_in(&d, &["new", "--preset", p.name(), "-o", "out.xml"]);
        assert_eq!(o.status.code(), Some(2), "{p}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("--password-stdin") && err.contains("--no-password"),
            "{err}"
        );
        assert!(!d.join("out.xml").exists(), "{p}");
        assert!(stdout(&o).is_empty());
    }
    // An empty password is refused too, and the two flags exclude each other.
    let o = run_with_stdin(
        Some(&d),
        &[
            "new",
            "--preset",
            "vm-mode",
            "--password-stdin",
            "-o",
            "out.xml",
        ],
        "\n",
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!d.join("out.xml").exists());
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--password-stdin",
            "--no-password",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    // cloudbase-init writes none unless asked, like Cloudbase-Init's own file.
    let o = run_in(&d, &["new", "--preset", "cloudbase-init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).contains("Password"));
    assert!(stderr(&o).contains("Cloudbase-Init"));
    let o = run_with_stdin(
        Some(&d),
        &["new", "--preset", "cloudbase-init", "--password-stdin"],
        "cloud-pw-9\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("<AdministratorPassword>"));
}

#[test]
fn editions_accounts_and_media_options() {
    let d = scratch("editions");
    let client = run_with_stdin(
        Some(&d),
        &[
            "new",
            "--preset",
            "generalize-oobe",
            "--user",
            "builder",
            "--password-stdin",
        ],
        "client-pw-1\n",
    );
    assert_eq!(client.status.code(), Some(0), "{}", stderr(&client));
    let xml = stdout(&client);
    assert!(xml.contains("<Name>builder</Name>") && xml.contains("<Group>Administrators</Group>"));
    assert!(xml.contains(&unattend::password::encode("client-pw-1", "Password")));
    assert!(!stderr(&client).contains("client-pw-1"));

    let server = run_in(
        &d,
        &[
            "new",
            "--preset",
            "generalize-oobe",
            "--edition",
            "server",
            "--no-password",
        ],
    );
    assert_eq!(server.status.code(), Some(0), "{}", stderr(&server));
    assert!(stdout(&server).contains("<HideLocalAccountScreen>true</HideLocalAccountScreen>"));
    assert!(stderr(&server).contains("built-in Administrator"));
    let o = run_in(&d, &["new", "--preset", "vm-mode", "--edition", "home"]);
    assert_eq!(o.status.code(), Some(2));

    // Media: image by name, a generic key by edition name; keys never printed.
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "autounattend-uefi",
            "--no-password",
            "--image-name",
            "Windows 11 Enterprise",
            "--product-key",
            "enterprise",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xml = stdout(&o);
    assert!(xml.contains("<Value>Windows 11 Enterprise</Value>"));
    assert!(xml.contains(GenericKey::Enterprise.key()));
    assert!(!stderr(&o).contains(GenericKey::Enterprise.key()));
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "autounattend-bios",
            "--no-password",
            "--image-index",
            "4",
            "--product-key",
            "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY",
        ],
    );
    assert!(stdout(&o).contains("<Value>4</Value>"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("ABCDE-FGHIJ"));
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "autounattend-bios",
            "--no-password",
            "--image-index",
            "4",
            "--image-name",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(2));

    // audit-mode options.
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "audit-mode",
            "--no-password",
            "--copy-profile",
            "--audit-autologon",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xml = stdout(&o);
    assert!(xml.contains("<CopyProfile>true</CopyProfile>"));
    assert!(
        xml.contains("<settings pass=\"auditSystem\">")
            && xml.contains("<LogonCount>5</LogonCount>")
    );
}

#[test]
fn spec_outputs_build_back_to_the_preset() {
    let d = scratch("spec");
    for p in [Preset::CloudbaseInit, Preset::AutounattendUefi] {
        let expected = Unattend::parse(example(p).as_bytes()).unwrap();
        for ext in ["yaml", "yml", "toml", "json"] {
            let spec = format!("{}.{ext}", p.name());
            let o = run_in(
                &d,
                &["new", "--preset", p.name(), "--no-password", "-o", &spec],
            );
            assert_eq!(o.status.code(), Some(0), "{spec}: {}", stderr(&o));
            let built = run_in(&d, &["build", &spec]);
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
            run_in(
                &d,
                &["new", "--preset", p.name(), "--no-password", "-o", &spec]
            )
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
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--no-password",
            "-o",
            "notes.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown output format"));
}

#[test]
fn listing_and_unknown_presets() {
    let d = scratch("list");
    for args in [&["new", "--list"][..], &["new", "--preset"][..]] {
        let o = run_in(&d, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = stdout(&o);
        for p in Preset::all() {
            assert!(
                out.contains(&format!("{}  ", p.name())) && out.contains(p.summary()),
                "{args:?}: {out}"
            );
        }
    }
    let o = run_in(&d, &["new", "--preset", "golden-image"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown preset \"golden-image\""), "{err}");
    for p in Preset::all() {
        assert!(err.contains(p.name()), "{err}");
    }
    assert!(stdout(&o).is_empty());

    let o = run_in(&d, &["new"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--preset NAME"));

    let help = stdout(&run_in(&d, &["new", "--help"]));
    assert!(
        help.contains("Examples:") && help.contains("--preset"),
        "{help}"
    );
}

/// Splits a README command line the way a POSIX shell would for the simple
/// quoting the README uses ('…' and "…").
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// README's "Sysprep in three steps" works word for word: every `$ unattend
/// …` line is run in order in one folder (`printf '%s' "$ADMIN_PASSWORD" |`
/// feeds a password on standard input), and its output is exactly the
/// lines shown below it.
#[test]
fn readme_sysprep_in_three_steps_works_word_for_word() {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let start = readme.find("## Sysprep in three steps").unwrap();
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let d = scratch("readme");
    let mut ran = 0;
    for block in section.split("```console\n").skip(1) {
        let block = &block[..block.find("```").unwrap()];
        let mut steps: Vec<(String, Vec<String>)> = Vec::new();
        for line in block.lines() {
            match line.strip_prefix("$ ") {
                Some(cmd) => steps.push((cmd.to_string(), Vec::new())),
                None => steps.last_mut().unwrap().1.push(line.to_string()),
            }
        }
        for (cmd, expected) in steps {
            let (stdin, cmd) = match cmd.strip_prefix("printf '%s' \"$ADMIN_PASSWORD\" | ") {
                Some(rest) => (Some("README-example-pw-1"), rest.to_string()),
                None => (None, cmd),
            };
            let words = shell_words(&cmd);
            assert_eq!(words[0], "unattend", "{cmd}");
            let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
            let o = match stdin {
                Some(input) => run_with_stdin(Some(&d), &args, input),
                None => run_in(&d, &args),
            };
            assert_eq!(o.status.code(), Some(0), "{cmd}: {}", stderr(&o));
            let mut got: Vec<String> = stdout(&o)
                .lines()
                .chain(stderr(&o).lines())
                .map(str::to_string)
                .collect();
            let mut want = expected.clone();
            got.sort();
            want.sort();
            assert_eq!(got, want, "README output of `{cmd}` differs");
            ran += 1;
        }
    }
    assert!(ran >= 3, "the README section has {ran} commands");
}
