//! Commands that replace a file keep its identity: through a symbolic link
//! the link stays and its target is replaced, the mode (and the owner, where
//! the user may set it) stays, and a write-protected file is refused unless
//! `--force`. One helper does this for set, fmt, build -o and new -o.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;

use common::{run_in, scratch, stderr};

const FILE: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"specialize\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <ComputerName>OLD</ComputerName>\n    </component>\n  </settings>\n</unattend>\n";

const SET: &str = "specialize/Microsoft-Windows-Shell-Setup/ComputerName=WS-042";

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn no_temporaries(d: &Path) {
    let left: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".unattend-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn set_and_fmt_write_through_symbolic_links() {
    let d = scratch("links");
    std::fs::create_dir_all(d.join("real")).unwrap();
    std::fs::write(d.join("real/Unattend.xml"), FILE).unwrap();
    symlink("real/Unattend.xml", d.join("link.xml")).unwrap();
    // A link to a link.
    symlink("link.xml", d.join("link2.xml")).unwrap();

    let o = run_in(&d, &["set", "link2.xml", SET]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for link in ["link.xml", "link2.xml"] {
        assert!(
            std::fs::symlink_metadata(d.join(link))
                .unwrap()
                .file_type()
                .is_symlink(),
            "{link} is still a link"
        );
    }
    let target = std::fs::read_to_string(d.join("real/Unattend.xml")).unwrap();
    assert!(target.contains(">WS-042<"), "{target}");

    std::fs::write(d.join("real/Unattend.xml"), FILE.replace("  ", "\t")).unwrap();
    let o = run_in(&d, &["fmt", "link.xml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(d.join("link.xml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(d.join("real/Unattend.xml")).unwrap(),
        FILE
    );
    no_temporaries(&d);
    no_temporaries(&d.join("real"));
}

#[test]
fn the_mode_is_kept() {
    let d = scratch("mode");
    std::fs::write(d.join("Unattend.xml"), FILE).unwrap();
    for wanted in [0o600, 0o640, 0o755] {
        chmod(&d.join("Unattend.xml"), wanted);
        let value = format!("{SET}{wanted:o}");
        let o = run_in(&d, &["set", "Unattend.xml", &value]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(mode(&d.join("Unattend.xml")), wanted, "{wanted:o}");
    }
    // fmt, build -o and new -o over an existing file too.
    std::fs::write(d.join("messy.xml"), FILE.replace("  ", "\t")).unwrap();
    chmod(&d.join("messy.xml"), 0o600);
    assert_eq!(run_in(&d, &["fmt", "messy.xml"]).status.code(), Some(0));
    assert_eq!(mode(&d.join("messy.xml")), 0o600);

    std::fs::write(d.join("new.xml"), "old").unwrap();
    chmod(&d.join("new.xml"), 0o600);
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "generalize-oobe",
            "--no-password",
            "-o",
            "new.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode(&d.join("new.xml")), 0o600);

    let o = run_in(&d, &["convert", "Unattend.xml", "-o", "spec.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(d.join("built.xml"), "old").unwrap();
    chmod(&d.join("built.xml"), 0o640);
    let o = run_in(&d, &["build", "spec.json", "-o", "built.xml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode(&d.join("built.xml")), 0o640);
    assert!(
        std::fs::read_to_string(d.join("built.xml"))
            .unwrap()
            .contains("<unattend")
    );
    no_temporaries(&d);
}

#[test]
fn write_protected_files_are_refused_unless_forced() {
    let d = scratch("protected");
    std::fs::write(d.join("Unattend.xml"), FILE).unwrap();
    chmod(&d.join("Unattend.xml"), 0o444);
    let o = run_in(&d, &["set", "Unattend.xml", SET]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("write-protected") && err.contains("--force replaces it anyway"),
        "{err}"
    );
    assert!(err.contains("(file unchanged)"), "{err}");
    assert!(!err.lines().any(|l| l.starts_with("set ")), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("Unattend.xml")).unwrap(),
        FILE
    );

    std::fs::write(d.join("messy.xml"), FILE.replace("  ", "\t")).unwrap();
    chmod(&d.join("messy.xml"), 0o444);
    let o = run_in(&d, &["fmt", "messy.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("write-protected"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("messy.xml")).unwrap(),
        FILE.replace("  ", "\t")
    );

    std::fs::write(d.join("out.xml"), "kept").unwrap();
    chmod(&d.join("out.xml"), 0o444);
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--no-password",
            "-o",
            "out.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(d.join("out.xml")).unwrap(), "kept");

    // --force replaces them and keeps them read-only.
    let o = run_in(&d, &["set", "--force", "Unattend.xml", SET]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(d.join("Unattend.xml"))
            .unwrap()
            .contains(">WS-042<")
    );
    assert_eq!(mode(&d.join("Unattend.xml")), 0o444);
    let o = run_in(&d, &["fmt", "--force", "messy.xml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode(&d.join("messy.xml")), 0o444);
    let o = run_in(
        &d,
        &[
            "new",
            "--preset",
            "vm-mode",
            "--no-password",
            "--force",
            "-o",
            "out.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode(&d.join("out.xml")), 0o444);
    no_temporaries(&d);
}

#[test]
fn the_owner_is_kept_where_permitted() {
    let d = scratch("owner");
    std::fs::write(d.join("Unattend.xml"), FILE).unwrap();
    let meta = std::fs::metadata(d.join("Unattend.xml")).unwrap();
    if meta.uid() != 0 {
        eprintln!("note: not running as root; owner preservation needs chown rights, skipped");
        return;
    }
    std::os::unix::fs::chown(d.join("Unattend.xml"), Some(4321), Some(4322)).unwrap();
    let o = run_in(&d, &["set", "Unattend.xml", SET]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::metadata(d.join("Unattend.xml")).unwrap();
    assert_eq!((after.uid(), after.gid()), (4321, 4322));
}
