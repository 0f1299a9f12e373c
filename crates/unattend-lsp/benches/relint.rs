//! Re-lint time after a keystroke: one incremental `didChange` to a typical
//! answer file, answered by its `publishDiagnostics`, through the in-memory
//! connection (what an editor waits for after each key).

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::json;

fn main() {
    divan::main();
}

const FILE: &str = include_str!("../../../examples/answer-files/autounattend-uefi.xml");

#[divan::bench(sample_count = 200)]
fn relint_after_keystroke(bencher: divan::Bencher) {
    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || unattend_lsp::run(&server));
    let send = |m: Message| client.sender.send(m).ok();
    send(
        Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}}),
        )
        .into(),
    );
    let _ = client.receiver.recv();
    send(Notification::new("initialized".into(), json!({})).into());
    let uri = "file:///bench/Autounattend.xml";
    send(
        Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": uri, "languageId": "xml", "version": 1, "text": FILE}}),
        )
        .into(),
    );
    let _ = client.receiver.recv();
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        // Type a space at the start of line 3, alternating with deleting it.
        let change = if version % 2 == 0 {
            json!({"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": " "})
        } else {
            json!({"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 1}}, "text": ""})
        };
        send(Notification::new(
            "textDocument/didChange".into(),
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        )
        .into());
        client.receiver.recv().ok()
    });
    send(Request::new(RequestId::from(2), "shutdown".into(), json!(null)).into());
    let _ = client.receiver.recv();
    send(Notification::new("exit".into(), json!(null)).into());
    let _ = thread.join();
}
