//! Small things a new user trips over: a mistyped preset name, linting a
//! folder with no answer files in it, a summary line in scripts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_in, scratch, stderr, stdout, workspace};

#[test]
fn a_mistyped_preset_gets_a_did_you_mean() {
    let d = scratch("preset");
    let o = run_in(&d, &["new", "--preset", "generalise-oobe"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unknown preset \"generalise-oobe\"; did you mean generalize-oobe?"),
        "{err}"
    );
    assert!(err.contains("the presets are:"), "{err}");
    let o = run_in(&d, &["new", "--preset", "cloudbase"]);
    assert!(
        stderr(&o).contains("did you mean cloudbase-init?"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "");
}

#[test]
fn linting_paths_without_answer_files_says_so() {
    let d = workspace(
        "empty",
        &[
            ("docs/readme.md", "# nothing\n"),
            ("docs/data.xml", "<root/>\n"),
        ],
    );
    let o = run_in(&d, &["lint", "docs"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("docs: no answer files found"), "{err}");
    assert!(err.contains("nothing to lint"), "{err}");

    // One empty folder beside answer files is named, the rest is linted.
    std::fs::write(
        d.join("Unattend.xml"),
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"></unattend>\n",
    )
    .unwrap();
    let o = run_in(&d, &["lint", "docs", "Unattend.xml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("docs: no answer files found"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn lint_quiet_drops_the_summary_line() {
    let d = workspace(
        "quiet",
        &[(
            "Unattend.xml",
            "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"></unattend>\n",
        )],
    );
    let loud = run_in(&d, &["lint", "Unattend.xml"]);
    assert!(stderr(&loud).contains("linted 1 file"), "{}", stderr(&loud));
    for flag in ["--quiet", "-q"] {
        let o = run_in(&d, &["lint", flag, "Unattend.xml"]);
        assert_eq!(o.status.code(), loud.status.code());
        assert_eq!(stderr(&o), "", "{flag}");
        assert_eq!(stdout(&o), stdout(&loud), "{flag}");
    }
}
