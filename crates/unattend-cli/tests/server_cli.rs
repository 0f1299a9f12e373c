//! `unattend server` over real standard input and output: the framing an
//! editor uses (Content-Length headers), diagnostics for an opened file,
//! and a clean exit after shutdown.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

/// Reads one framed message.
fn read_message(out: &mut impl BufRead) -> serde_json::Value {
    let mut len = 0;
    loop {
        let mut line = String::new();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "server closed its output"
        );
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse().unwrap();
        }
    }
    let mut body = vec![0; len];
    out.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn server_speaks_lsp_over_stdio() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unattend-cli"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let text = r#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobesystem"/></unattend>"#;
    let messages = [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#.to_string(),
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.to_string(),
        serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": "file:///nowhere/Unattend.xml", "languageId": "xml", "version": 7, "text": text}
        }})
        .to_string(),
    ];
    for m in &messages {
        stdin.write_all(frame(m).as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    let init = read_message(&mut stdout);
    assert_eq!(init["id"], 1);
    assert_eq!(init["result"]["serverInfo"]["name"], "unattend");
    let published = read_message(&mut stdout);
    assert_eq!(published["method"], "textDocument/publishDiagnostics");
    assert_eq!(published["params"]["version"], 7);
    assert_eq!(published["params"]["diagnostics"][0]["code"], "UA101");
    for m in [
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}"#,
        r#"{"jsonrpc":"2.0","method":"exit","params":null}"#,
    ] {
        stdin.write_all(frame(m).as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    let shutdown = read_message(&mut stdout);
    assert_eq!(shutdown["id"], 2);
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn server_without_initialize_fails_cleanly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unattend-cli"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // End of input before any message: an error exit, not a panic.
    drop(child.stdin.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("unattend server: "));
}
