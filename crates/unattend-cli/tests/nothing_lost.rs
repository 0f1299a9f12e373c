//! Commands that write files (fmt, set, build, convert) write atomically: on
//! any error the target is exactly as it was and no temporary file is left.
//! A failing disk is simulated with a file-size limit (`ulimit -f`), which
//! makes writes fail part-way like a full disk does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
#[cfg(unix)]
use std::process::{Command, Output};

use common::{run_in, scratch};

const FILE: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n<settings pass=\"specialize\">\n<!-- keep -->\n<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><ComputerName>OLD</ComputerName></component>\n</settings>\n</unattend>\n";

#[cfg(unix)] // `ulimit -f` and SIGXFSZ: a failing disk, simulated the Unix way
/// Runs the binary with a 1 KiB file-size limit and SIGXFSZ ignored, so a
/// write past the limit fails with an error instead of killing the process.
fn with_tiny_disk(cwd: &Path, args: &[&str]) -> Output {
    let mut script = String::from("ulimit -f 1; trap '' XFSZ; exec \"$0\"");
    for i in 0..args.len() {
        script.push_str(&format!(" \"${}\"", i + 1));
    }
    Command::new("sh")
        .current_dir(cwd)
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_unattend-cli"))
        .args(args)
        .output()
        .unwrap()
}

fn no_temporaries(d: &Path) {
    let left: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".unattend-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[cfg(unix)] // `ulimit -f` and SIGXFSZ: a failing disk, simulated the Unix way
/// A file just over the size limit, so rewriting it fails mid-way.
fn big_file() -> String {
    let padding =
        "<!-- padding padding padding padding padding padding padding padding -->\n".repeat(20);
    FILE.replace("<!-- keep -->\n", &format!("<!-- keep -->\n{padding}"))
}

#[cfg(unix)]
#[test]
fn a_failing_disk_leaves_fmt_and_set_targets_unchanged() {
    let d = scratch("disk");
    let original = big_file();
    assert!(original.len() > 1024);
    std::fs::write(d.join("Unattend.xml"), &original).unwrap();
    let o = with_tiny_disk(&d, &["fmt", "Unattend.xml"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("Unattend.xml")).unwrap(),
        original
    );
    let o = with_tiny_disk(
        &d,
        &[
            "set",
            "Unattend.xml",
            "specialize/Microsoft-Windows-Shell-Setup/ComputerName=NEW",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("Unattend.xml")).unwrap(),
        original
    );
    no_temporaries(&d);
}

#[cfg(unix)]
#[test]
fn a_failing_disk_leaves_build_and_convert_outputs_unchanged() {
    let d = scratch("build");
    std::fs::write(d.join("Unattend.xml"), big_file()).unwrap();
    let o = run_in(&d, &["convert", "Unattend.xml", "-o", "spec.json"]);
    assert_eq!(o.status.code(), Some(0));
    std::fs::write(d.join("out.xml"), "previous build").unwrap();
    std::fs::write(d.join("old.yaml"), "previous spec").unwrap();
    let o = with_tiny_disk(&d, &["build", "--no-lint", "spec.json", "-o", "out.xml"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("out.xml")).unwrap(),
        "previous build"
    );
    let o = with_tiny_disk(&d, &["convert", "Unattend.xml", "-o", "old.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(d.join("old.yaml")).unwrap(),
        "previous spec"
    );
    no_temporaries(&d);
}

#[test]
fn a_target_that_cannot_be_replaced_is_left_alone() {
    let d = scratch("dir-target");
    std::fs::write(d.join("Unattend.xml"), FILE).unwrap();
    std::fs::create_dir_all(d.join("taken.xml/inside")).unwrap();
    let o = run_in(&d, &["convert", "Unattend.xml", "-o", "taken.xml.json"]);
    assert_eq!(o.status.code(), Some(0));
    let o = run_in(
        &d,
        &["build", "--no-lint", "taken.xml.json", "-o", "taken.xml"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        d.join("taken.xml/inside").is_dir(),
        "the directory is untouched"
    );
    let o = run_in(
        &d,
        &[
            "build",
            "--no-lint",
            "taken.xml.json",
            "-o",
            "missing-dir/out.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    no_temporaries(&d);
}

#[test]
fn invalid_input_writes_nothing() {
    let d = scratch("invalid");
    std::fs::write(d.join("bad.xml"), "<unattend><a></unattend>").unwrap();
    assert_eq!(run_in(&d, &["fmt", "bad.xml"]).status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(d.join("bad.xml")).unwrap(),
        "<unattend><a></unattend>"
    );
    std::fs::write(d.join("bad.toml"), "settings = 3\n").unwrap();
    std::fs::write(d.join("out.xml"), "kept").unwrap();
    assert_eq!(
        run_in(&d, &["build", "bad.toml", "-o", "out.xml"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(std::fs::read_to_string(d.join("out.xml")).unwrap(), "kept");
    no_temporaries(&d);
}
