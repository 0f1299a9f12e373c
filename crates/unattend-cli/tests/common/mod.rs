//! What the CLI test files share: running the `unattend` binary, scratch
//! folders, and its output as text. Each test file is its own crate and
//! uses only some of these.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary with `args`, run in `cwd` (default: the test's working
/// directory), unaffected by an `UNATTEND_OUTPUT_FORMAT` of whoever runs the
/// tests.
pub fn command(cwd: Option<&Path>, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unattend-cli"));
    c.args(args).env_remove("UNATTEND_OUTPUT_FORMAT");
    if let Some(cwd) = cwd {
        c.current_dir(cwd);
    }
    c
}

/// Runs the binary with `args`; standard input is empty.
pub fn run(args: &[&str]) -> Output {
    command(None, args).output().expect("running unattend")
}

/// Runs the binary with `args` in `cwd`; standard input is empty.
pub fn run_in(cwd: &Path, args: &[&str]) -> Output {
    run_env(cwd, args, &[])
}

/// Runs the binary with `args` in `cwd` with extra environment variables.
pub fn run_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = command(Some(cwd), args);
    c.envs(env.iter().copied());
    c.output().expect("running unattend")
}

/// Runs the binary with `args` (in `cwd`, when given) and `input` on
/// standard input. The input is written from another thread, and the binary
/// may stop reading early (a size limit): a broken pipe is not an error.
pub fn run_with_stdin(cwd: Option<&Path>, args: &[&str], input: impl AsRef<[u8]>) -> Output {
    let input = input.as_ref().to_vec();
    let mut child = command(cwd, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running unattend");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    o
}

/// A fresh, empty folder for one test: `name` within the test file, the test
/// file and the process in its name, so no two runs share one.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "unattend-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A fresh folder (see [`scratch`]) holding `files`: relative paths, with
/// their folders, and their text.
pub fn workspace(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = scratch(name);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// A file `name` holding `bytes`, alone in a fresh folder named after it.
pub fn file(name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = scratch(name).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output, then standard error.
pub fn text(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}
