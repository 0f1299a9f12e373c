//! Hostile input through the `unattend` binary: every command that reads an
//! answer file gets entity bombs, external entities, huge files, garbage, a
//! directory, and garbage on standard input. Each run ends with a clear
//! message and exit code 0, 1 or 2: never a panic (101, or the binary's
//! "internal error"), never the content of a file or URL named by the input,
//! and a file that could not be read is never changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use common::{scratch, text};

const NS: &str = "urn:schemas-microsoft-com:unattend";
const EXAMPLE: &str = include_str!("../../../examples/answer-files/sysprep-generalize-oobe.xml");
/// The parser's size limit (unattend::document::ParseOptions::default().max_bytes).
const LIMIT: u64 = 32 * 1024 * 1024;
const PATH: &str = "specialize/Microsoft-Windows-Shell-Setup/ComputerName";

/// Runs the binary; asserts the exit code is one the CLI documents and that
/// nothing panicked.
fn unattend(args: &[&str]) -> Output {
    let o = common::run(args);
    assert_clean_exit(args, &o);
    o
}

fn assert_clean_exit(args: &[&str], o: &Output) {
    let code = o.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{args:?}: exit {code:?}\n{}",
        text(o)
    );
    let all = text(o);
    assert!(
        !all.contains("internal error") && !all.contains("panicked"),
        "{args:?}: {all}"
    );
}

/// Every command that reads an answer file, on `file`. Commands that write
/// (`fmt`, `set`) run for real too: when they fail, the file must be unchanged.
fn every_command(file: &Path) -> Vec<(String, Output)> {
    let f = file.to_str().unwrap();
    let before = std::fs::read(file).ok();
    let set_arg = format!("{PATH}=WS-1");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", f],
        vec!["lint", f],
        vec!["lint", "--output-format", "json", f],
        vec!["lint", "--output-format", "sarif", f],
        vec!["fmt", "--check", f],
        vec!["fmt", "--diff", f],
        vec!["get", f, PATH],
        vec!["set", "--dry-run", f, &set_arg],
        vec!["convert", f],
        vec!["sysprep", f],
        vec!["diff", f, f],
        vec!["flatten", f],
        vec!["fmt", f],
        vec!["set", f, &set_arg],
    ];
    let mut out = Vec::new();
    for args in runs {
        let o = unattend(&args);
        if !o.status.success()
            && let Some(before) = &before
        {
            assert_eq!(
                &std::fs::read(file).unwrap(),
                before,
                "{args:?} failed and changed the file"
            );
        }
        out.push((args.join(" "), o));
    }
    out
}

/// Hostile files must be refused (exit 1 or 2) by every command.
fn all_refuse(file: &Path) -> Vec<(String, Output)> {
    let runs = every_command(file);
    for (args, o) in &runs {
        assert!(
            matches!(o.status.code(), Some(1 | 2)),
            "{args}: accepted\n{}",
            text(o)
        );
        assert!(!text(o).trim().is_empty(), "{args}: no message");
    }
    runs
}

fn assert_no_passwd(runs: &[(String, Output)]) {
    let line = std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|t| t.lines().next().map(str::to_string));
    for (args, o) in runs {
        let all = text(o);
        assert!(!all.contains("root:x:0:0"), "{args}: {all}");
        if let Some(line) = &line {
            assert!(!all.contains(line.as_str()), "{args}: {all}");
        }
    }
}

#[test]
fn entity_bombs_and_external_entities_are_refused_without_io() {
    let dir = scratch("xxe");
    let wire = TcpListener::bind("127.0.0.1:0").unwrap();
    wire.set_nonblocking(true).unwrap();
    let url = format!("http://{}/x", wire.local_addr().unwrap());
    let mut laughs = String::from("<!ENTITY l0 \"lol\">");
    for i in 1..=9 {
        laughs.push_str(&format!(
            "<!ENTITY l{i} \"{}\">",
            format!("&l{};", i - 1).repeat(10)
        ));
    }
    let cases = [
        (
            "billion-laughs.xml",
            format!(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE unattend [{laughs}]>\n<unattend xmlns=\"{NS}\">&l9;</unattend>\n"
            ),
        ),
        (
            "xxe-file.xml",
            format!(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE unattend [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<unattend xmlns=\"{NS}\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\"><ComputerName>&e;</ComputerName></component></settings></unattend>\n"
            ),
        ),
        (
            "xxe-http.xml",
            format!(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"{url}\">]><unattend xmlns=\"{NS}\">&e;</unattend>"
            ),
        ),
        (
            "xxe-dtd.xml",
            format!("<!DOCTYPE unattend SYSTEM \"{url}\"><unattend xmlns=\"{NS}\"/>"),
        ),
        (
            "xxe-param.xml",
            format!("<!DOCTYPE x [<!ENTITY % p SYSTEM \"{url}\"> %p;]><unattend xmlns=\"{NS}\"/>"),
        ),
        (
            "doctype.xml",
            format!("<!DOCTYPE unattend>\n<unattend xmlns=\"{NS}\"/>\n"),
        ),
        (
            "no-doctype-entity.xml",
            format!("<unattend xmlns=\"{NS}\">&passwd;</unattend>\n"),
        ),
    ];
    for (name, content) in &cases {
        let file = dir.join(name);
        std::fs::write(&file, content).unwrap();
        let runs = all_refuse(&file);
        assert_no_passwd(&runs);
        let check = &runs[0].1;
        let expected = if name.starts_with("no-doctype") {
            "undefined entity"
        } else {
            "DOCTYPE"
        };
        assert!(text(check).contains(expected), "{name}: {}", text(check));
    }
    match wire.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("the binary connected to the URL in the file: {other:?}"),
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_100_mb_file_is_refused_by_its_size_before_it_is_read() {
    let dir = scratch("big");
    let file = dir.join("big.xml");
    // A real answer file start, then (sparse) zeros up to 100 MB: the commands
    // must refuse it on its size, not read it.
    let mut f = std::fs::File::create(&file).unwrap();
    f.write_all(EXAMPLE.as_bytes()).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    drop(f);
    let size = 100 * 1024 * 1024;
    let message = format!("the file is {size} bytes; the limit is {LIMIT} bytes");
    for (args, o) in all_refuse(&file) {
        assert!(text(&o).contains(&message), "{args}: {}", text(&o));
    }
    // The summaries do not count it as a clean file.
    let o = unattend(&["check", file.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("checked 0 files: no problems; 1 could not be read"),
        "{}",
        text(&o)
    );
    let o = unattend(&["lint", file.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("linted 0 files: no findings; 1 could not be linted"),
        "{}",
        text(&o)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs the binary like [`unattend`], in `cwd`, and fails the test (after
/// killing the process) when it takes longer than `seconds`: a command that
/// reads an endless input to its end would otherwise hang the suite.
fn unattend_within(seconds: u64, cwd: &Path, args: &[&str]) -> Output {
    let mut child = common::command(Some(cwd), args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running unattend");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?}: still running after {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    assert_clean_exit(args, &o);
    o
}

/// A device that never ends: reading stops at the limit, in every command
/// that reads an answer file or a spec.
#[cfg(target_os = "linux")]
#[test]
fn an_endless_file_is_refused_at_the_size_limit() {
    let dir = scratch("endless");
    // `build` picks the spec format by extension: /dev/zero under spec names.
    for name in ["zero.toml", "zero.yaml", "zero.json"] {
        std::os::unix::fs::symlink("/dev/zero", dir.join(name)).unwrap();
    }
    // A spec whose secret is read from a file that never ends.
    std::fs::write(
        dir.join("secret.toml"),
        "[oobeSystem.Microsoft-Windows-Shell-Setup]\nRegisteredOwner = { file = \"/dev/zero\" }\n",
    )
    .unwrap();
    for args in [
        vec!["check", "/dev/zero"],
        vec!["lint", "/dev/zero"],
        vec!["fmt", "--check", "/dev/zero"],
        vec!["get", "/dev/zero", PATH],
        vec!["convert", "/dev/zero"],
        vec!["convert", "/dev/zero", "-o", "out.toml"],
        vec!["sysprep", "/dev/zero"],
        vec!["diff", "/dev/zero", "/dev/zero"],
        vec!["flatten", "/dev/zero"],
        vec!["build", "zero.toml"],
        vec!["build", "zero.yaml", "-o", "out.xml"],
        vec!["build", "zero.json"],
        vec!["build", "secret.toml"],
    ] {
        let o = unattend_within(60, &dir, &args);
        let expected = if args[1] == "secret.toml" { 1 } else { 2 };
        assert_eq!(o.status.code(), Some(expected), "{args:?}: {}", text(&o));
        // The message names the file and the limit.
        let named = match args[1] {
            spec if spec.starts_with("zero.") => spec,
            _ => "/dev/zero",
        };
        assert!(
            text(&o).contains(&format!(
                "{named}: the file is more than {LIMIT} bytes; the limit is {LIMIT} bytes"
            )),
            "{args:?}: {}",
            text(&o)
        );
        assert!(o.stdout.is_empty(), "{args:?}: printed something");
    }
    // Nothing was written.
    assert!(!dir.join("out.toml").exists() && !dir.join("out.xml").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Specs are held to the answer-file limit too: a (sparse) 100 MB spec is
/// refused on its size before it is read, and nothing is written.
#[test]
fn a_100_mb_spec_is_refused_by_its_size_before_it_is_read() {
    let dir = scratch("big-spec");
    let size = 100 * 1024 * 1024;
    for name in ["big.toml", "big.yaml", "big.json"] {
        let f = std::fs::File::create(dir.join(name)).unwrap();
        f.set_len(size).unwrap();
        drop(f);
        let o = unattend_within(60, &dir, &["build", name, "-o", "out.xml"]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", text(&o));
        assert!(
            text(&o).contains(&format!(
                "{name}: the file is {size} bytes; the limit is {LIMIT} bytes"
            )),
            "{name}: {}",
            text(&o)
        );
        assert!(!dir.join("out.xml").exists(), "{name}: wrote the output");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deep_nesting_many_attributes_and_long_lines_get_clear_errors() {
    let dir = scratch("limits");
    let deep = format!(
        "<unattend xmlns=\"{NS}\">{}{}</unattend>",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    let attrs: String = (0..5000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let many = format!("<unattend xmlns=\"{NS}\"{attrs}/>");
    let cases = [
        ("deep.xml", deep, "nest deeper than 256"),
        ("attributes.xml", many, "more than 256 attributes"),
        (
            "comments.xml",
            format!(
                "<unattend xmlns=\"{NS}\">{}x</unattend>",
                "<!--".repeat(10_000)
            ),
            "comment",
        ),
        (
            "cdata.xml",
            format!(
                "<unattend xmlns=\"{NS}\">{}x{}</unattend>",
                "<![CDATA[".repeat(10_000),
                "]]>".repeat(10_000)
            ),
            "]]>",
        ),
    ];
    for (name, content, expected) in &cases {
        let file = dir.join(name);
        std::fs::write(&file, content).unwrap();
        let runs = all_refuse(&file);
        assert!(
            text(&runs[0].1).contains(expected),
            "{name}: {}",
            text(&runs[0].1)
        );
    }
    // A 4 MB single-line value is read, linted and edited normally.
    let long = EXAMPLE.replacen(
        "<settings pass=\"specialize\">",
        &format!(
            "<settings pass=\"specialize\"><!-- {} -->",
            "x".repeat(4 * 1024 * 1024)
        ),
        1,
    );
    let file = dir.join("long-line.xml");
    std::fs::write(&file, &long).unwrap();
    for (args, o) in every_command(&file) {
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args}: {}",
            text(&o)
        );
    }
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.contains(&"x".repeat(4 * 1024 * 1024)), "comment kept");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn garbage_nul_bytes_and_bad_encodings_are_refused_or_read_cleanly() {
    let dir = scratch("garbage");
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let garbage: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect();
    let utf16_declares_utf8: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(EXAMPLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let refused: Vec<(&str, Vec<u8>)> = vec![
        ("garbage.xml", garbage.clone()),
        (
            "nul.xml",
            format!("<unattend xmlns=\"{NS}\">\0</unattend>").into_bytes(),
        ),
        ("zeros.xml", vec![0; 4096]),
        ("empty.xml", Vec::new()),
        ("elf.xml", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec()),
        (
            "odd-utf16.xml",
            utf16_declares_utf8[..utf16_declares_utf8.len() - 1].to_vec(),
        ),
        (
            "double-bom.xml",
            b"\xEF\xBB\xBF\xEF\xBB\xBF<unattend/>".to_vec(),
        ),
        ("bad-utf16.xml", b"\xFF\xFE<\0a".to_vec()),
    ];
    for (name, bytes) in &refused {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        all_refuse(&file);
    }
    // Readable with an encoding finding: invalid UTF-8 (read as
    // Windows-1252) and UTF-16 whose declaration says utf-8.
    let mut invalid_utf8 = EXAMPLE.as_bytes().to_vec();
    let at = EXAMPLE.find("<!--").unwrap() + 5;
    invalid_utf8.splice(at..at, *b"caf\xe9 \xc3\x28 ");
    for (name, bytes) in [
        ("invalid-utf8.xml", invalid_utf8),
        ("utf16-declares-utf8.xml", utf16_declares_utf8),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, &bytes).unwrap();
        let o = unattend(&["check", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", text(&o));
        let o = unattend(&["lint", "--output-format", "concise", file.to_str().unwrap()]);
        assert!(text(&o).contains("UA002"), "{name}: {}", text(&o));
        for (args, o) in every_command(&file) {
            assert!(matches!(o.status.code(), Some(0..=2)), "{args}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_prefix_of_a_real_answer_file_gets_a_clean_exit() {
    let dir = scratch("prefixes");
    let file = dir.join("cut.xml");
    let bytes = EXAMPLE.as_bytes();
    // Processes are slow to start: a spread of cuts through every kind of
    // markup (the library suite covers every single prefix).
    for len in (0..bytes.len())
        .step_by(97)
        .chain([1, 2, 5, bytes.len() - 2])
    {
        std::fs::write(&file, &bytes[..len]).unwrap();
        for args in [["check"], ["lint"]] {
            let o = unattend(&[args[0], file.to_str().unwrap()]);
            assert!(
                matches!(o.status.code(), Some(1 | 2)),
                "{len}: {}",
                text(&o)
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_directory_is_not_an_answer_file() {
    let dir = scratch("dir");
    let sub = dir.join("Unattend.xml");
    std::fs::create_dir_all(&sub).unwrap();
    let s = sub.to_str().unwrap();
    let set_arg = format!("{PATH}=x");
    for args in [
        vec!["check", s],
        vec!["fmt", s],
        vec!["fmt", "--check", s],
        vec!["get", s, PATH],
        vec!["set", s, &set_arg],
        vec!["convert", s],
        vec!["sysprep", s],
        vec!["diff", s, s],
        vec!["flatten", s],
    ] {
        let o = unattend(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o));
        assert!(text(&o).contains(s), "{args:?}: {}", text(&o));
    }
    assert!(sub.is_dir());
    // `lint` walks a directory for answer files; this one holds none, which
    // it says (linting nothing is not a pass).
    let o = unattend(&["lint", s]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("{s}: no answer files found")),
        "{}",
        text(&o)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs the binary with `input` on standard input (it may stop reading
/// early, at the size limit); asserts as [`unattend`] does.
fn with_stdin(args: &[&str], input: Vec<u8>) -> Output {
    let o = common::run_with_stdin(None, args, input);
    assert_clean_exit(args, &o);
    o
}

#[test]
fn garbage_on_standard_input_is_refused() {
    let mut x: u64 = 0x1234_5678_9ABC_DEF1;
    let garbage: Vec<u8> = (0..1024 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 40) as u8
        })
        .collect();
    for args in [
        vec!["check", "-"],
        vec!["lint", "-"],
        vec!["convert", "-"],
        vec!["sysprep", "-"],
    ] {
        let o = with_stdin(&args, garbage.clone());
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o));
        let o = with_stdin(&args, b"\0\0\0<unattend/>".to_vec());
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o));
        // More than the limit on a pipe: refused once the limit is passed.
        let o = with_stdin(&args, vec![b' '; LIMIT as usize + 1024]);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o));
        assert!(
            text(&o).contains(&format!("<stdin>: the file is more than {LIMIT} bytes")),
            "{}",
            text(&o)
        );
    }
    // The password command reads one line; garbage there is an error or a
    // value, never a crash.
    for args in [
        vec!["password", "decode"],
        vec!["password", "encode", "--element", "Password"],
    ] {
        with_stdin(&args, garbage[..4096].to_vec());
    }
}
