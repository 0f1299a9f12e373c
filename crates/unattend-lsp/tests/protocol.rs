//! The server driven over JSON-RPC through an in-memory connection, as an
//! editor drives it: initialize → didOpen → publishDiagnostics, hover,
//! completion, incremental didChange, formatting, code actions, symbols,
//! shutdown → exit.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

struct Client {
    conn: Connection,
    thread: Option<std::thread::JoinHandle<Result<(), unattend_lsp::ServerError>>>,
    next_id: i32,
}

impl Client {
    fn start(capabilities: Value) -> (Client, Value) {
        let (server, conn) = Connection::memory();
        let thread = std::thread::spawn(move || unattend_lsp::run(&server));
        let mut client = Client {
            conn,
            thread: Some(thread),
            next_id: 0,
        };
        let init = client.request(
            "initialize",
            json!({"capabilities": capabilities, "processId": null, "rootUri": null}),
        );
        client.notify("initialized", json!({}));
        (client, init)
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .unwrap();
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => match r.response_result {
                    Ok(v) => return v,
                    Err(e) => panic!("{method}: {e:?}"),
                },
                _ => continue,
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.into(), params).into())
            .unwrap();
    }

    /// The next `publishDiagnostics`.
    fn diagnostics(&self) -> Value {
        loop {
            if let Message::Notification(n) = self.recv()
                && n.method == "textDocument/publishDiagnostics"
            {
                return n.params;
            }
        }
    }

    fn open(&self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "xml", "version": 1, "text": text}}),
        );
        self.diagnostics()
    }

    fn shutdown(mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let result = self.thread.take().unwrap().join().unwrap();
        assert!(result.is_ok(), "{result:?}");
    }
}

const URI: &str = "file:///nonexistent-dir/Unattend.xml";

const FILE: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n\
  <settings pass=\"oobeSystem\">\n\
    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n\
      <TimeZone>UTC</TimeZone>\n\
      <OOBE>\n\
        <HideEULAPage>true</HideEULAPage>\n\
      </OOBE>\n\
    </component>\n\
    <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n\
      <Generalize><Mode>OOBE</Mode></Generalize>\n\
    </component>\n\
  </settings>\n\
</unattend>\n";

fn pos(text: &str, needle: &str, delta: usize) -> Value {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle}")) + delta;
    let line = text[..at].matches('\n').count();
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": col})
}

fn codes(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn labels(items: &Value) -> Vec<String> {
    let list = items.as_array().unwrap();
    list.iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn initialize_diagnostics_and_shutdown() {
    let (client, init) = Client::start(json!({}));
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(init["serverInfo"]["name"], "unattend");

    let published = client.open(URI, FILE);
    assert_eq!(published["version"], 1);
    // Generalize sits in oobeSystem but is valid in auditUser only.
    let diags = published["diagnostics"].as_array().unwrap();
    let ua201 = diags
        .iter()
        .find(|d| d["code"] == "UA201")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(ua201["source"], "unattend");
    assert_eq!(ua201["range"]["start"], pos(FILE, "Generalize><Mode>", 0));
    // The rule's page on docs.rs, for this version of the library.
    assert_eq!(
        ua201["codeDescription"]["href"],
        format!(
            "https://docs.rs/unattend/{}/unattend/lint/rule_docs/ua201_setting_not_valid_in_pass/index.html",
            env!("CARGO_PKG_VERSION")
        )
    );
    // Same findings as the library's linter.
    let report =
        unattend::lint::lint_bytes(FILE.as_bytes(), &unattend::lint::ResolvedConfig::default());
    let expected: Vec<String> = report.diagnostics.iter().map(|d| d.code.clone()).collect();
    assert_eq!(codes(&published), expected);
    client.shutdown();
}

#[test]
fn hover_shows_catalog_facts() {
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, FILE);
    let hover = |client: &mut Client, at: Value| {
        client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": at}),
        )
    };
    // A setting's element name: passes, type, values.
    let h = hover(&mut client, pos(FILE, "HideEULAPage>", 3));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("OOBE/HideEULAPage"), "{md}");
    assert!(md.contains("`true`, `false`"), "{md}");
    assert_eq!(h["range"]["start"], pos(FILE, "HideEULAPage>", 0));
    // Generalize in oobeSystem: the pass warning.
    let h = hover(&mut client, pos(FILE, "Generalize>", 2));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("Not valid in `oobeSystem`"), "{md}");
    // The closing tag names the same setting.
    let h = hover(&mut client, pos(FILE, "/TimeZone>", 2));
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("**TimeZone**")
    );
    // A component name and a pass.
    let h = hover(&mut client, pos(FILE, "Microsoft-Windows-Deployment", 5));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("**Microsoft-Windows-Deployment** (component)"),
        "{md}"
    );
    let h = hover(&mut client, pos(FILE, "oobeSystem", 1));
    assert!(h["contents"]["value"].as_str().unwrap().contains("OOBE"));
    // Outside anything the catalog knows: null.
    let h = hover(&mut client, pos(FILE, "<?xml", 2));
    assert!(h.is_null());
    client.shutdown();
}

#[test]
fn completion_is_pass_and_component_aware() {
    let (mut client, _) = Client::start(json!({}));
    let text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n\
  <settings pass=\"windowsPE\">\n\
    <\n\
  </settings>\n\
  <settings pass=\"specialize\">\n\
    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"x86\">\n\
      <TimeZone></TimeZone>\n\
      <\n\
    </component>\n\
    <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"x86\" wcm:action=\"\">\n\
      <Reseal><Mode></Mode></Reseal>\n\
    </component>\n\
  </settings>\n\
</unattend>\n";
    client.open(URI, text);
    let mut complete = |at: Value| {
        client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": URI}, "position": at}),
        )
    };
    // Components valid in windowsPE, identity filled in.
    let items = complete(pos(text, "<\n</settings>", 1));
    let names = labels(&items);
    assert!(
        names.contains(&"Microsoft-Windows-Setup".to_string()),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Microsoft-Windows-Deployment".to_string()),
        "{names:?}"
    );
    let setup = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "Microsoft-Windows-Setup")
        .unwrap();
    let insert = setup["textEdit"]["newText"].as_str().unwrap();
    assert!(insert.starts_with("component name=\"Microsoft-Windows-Setup\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\""), "{insert}");

    // Settings of Shell-Setup valid in specialize, not those of oobeSystem only.
    let names = labels(&complete(pos(text, "<\n</component>", 1)));
    assert!(names.contains(&"ComputerName".to_string()), "{names:?}");
    assert!(!names.contains(&"OOBE".to_string()), "{names:?}");
    assert!(!names.contains(&"Reseal".to_string()), "{names:?}");

    // Time zones in TimeZone.
    let names = labels(&complete(pos(text, "</TimeZone>", 0)));
    assert!(names.contains(&"W. Europe Standard Time".to_string()));

    // Enum values in a leaf.
    let names = labels(&complete(pos(text, "</Mode>", 0)));
    assert!(names.contains(&"Audit".to_string()), "{names:?}");
    assert!(names.contains(&"OOBE".to_string()), "{names:?}");

    // Attribute values.
    let names = labels(&complete(pos(text, "windowsPE", 0)));
    assert_eq!(names.len(), 7);
    assert_eq!(names[0], "windowsPE");
    let names = labels(&complete(pos(text, "x86", 0)));
    assert!(names.contains(&"amd64".to_string()));
    let names = labels(&complete(pos(text, "wcm:action=\"\"", 12)));
    assert_eq!(names, ["add", "modify", "remove"]);
    client.shutdown();
}

#[test]
fn incremental_changes_relint_with_versions() {
    let (client, _) = Client::start(json!({}));
    let text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"oobesystem\"/>\n</unattend>\n";
    let first = client.open(URI, text);
    assert!(codes(&first).contains(&"UA101".to_string()), "{first}");
    // Duplicate the pass: a second, correct one after the first.
    let end = pos(text, "/>", 2);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
               "contentChanges": [{"range": {"start": end, "end": end}, "text": "<settings pass=\"oobesystem\"/>"}]}),
    );
    let second = client.diagnostics();
    assert_eq!(second["version"], 2);
    assert_eq!(
        codes(&second).iter().filter(|c| *c == "UA101").count(),
        2,
        "{second}"
    );
    // Undo it with a second ranged edit, then replace the whole text.
    let x = pos(text, "/>", 2);
    let x_end = json!({"line": x["line"], "character": x["character"].as_u64().unwrap() + 29});
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3},
               "contentChanges": [{"range": {"start": x, "end": x_end}, "text": ""}]}),
    );
    assert_eq!(codes(&client.diagnostics()), codes(&first));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 4},
               "contentChanges": [{"text": "<unattend"}]}),
    );
    let broken = client.diagnostics();
    assert_eq!(broken["version"], 4);
    assert_eq!(codes(&broken), ["UA001"]);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(client.diagnostics()["diagnostics"], json!([]));
    client.shutdown();
}

#[test]
fn utf8_positions_when_offered_and_utf16_otherwise() {
    // "é" and "😀" before the finding: columns differ by encoding.
    let text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n<!--é😀--><settings pass=\"oobesystem\"/>\r\n</unattend>\r\n";
    let start_of = |params: &Value| {
        params["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "UA101")
            .unwrap_or_else(|| panic!("{params}"))["range"]["start"]
            .clone()
    };
    // Where the library puts the finding, counted independently here.
    let report =
        unattend::lint::lint_bytes(text.as_bytes(), &unattend::lint::ResolvedConfig::default());
    let at = report
        .diagnostics
        .iter()
        .find(|d| d.code == "UA101")
        .unwrap()
        .span
        .start as usize;
    let line_start = text[..at].rfind('\n').unwrap() + 1;
    let before = &text[line_start..at];
    assert!(
        before.contains('😀'),
        "the finding is after the non-ASCII text"
    );
    let utf8 = before.len();
    let utf16 = before.encode_utf16().count();
    assert_ne!(utf8, utf16);

    let (client, init) =
        Client::start(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let d = client.open(URI, text);
    assert_eq!(start_of(&d), json!({"line": 1, "character": utf8}));
    client.shutdown();
    let (client, _) = Client::start(json!({}));
    let d = client.open(URI, text);
    assert_eq!(start_of(&d), json!({"line": 1, "character": utf16}));
    client.shutdown();
}

#[test]
fn formatting_symbols_and_code_actions() {
    let (mut client, _) = Client::start(json!({}));
    let text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n<settings pass=\"specialize\">\n<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n<computername>PC</computername>\n</component>\n</settings>\n</unattend>\n";
    let published = client.open(URI, text);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let doc = unattend::Document::parse_str(text).unwrap();
    let expected = unattend::format::format(&doc, &unattend::format::FormatOptions::default());
    assert_eq!(edits[0]["newText"], expected.as_str());

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(symbols[0]["name"], "specialize");
    assert_eq!(
        symbols[0]["children"][0]["name"],
        "Microsoft-Windows-Shell-Setup"
    );
    assert_eq!(
        symbols[0]["children"][0]["children"][0]["name"],
        "computername"
    );

    // The wrong casing has a fix; every finding can be suppressed.
    let diags = published["diagnostics"].as_array().unwrap();
    let casing = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("ComputerName"))
        .unwrap_or_else(|| panic!("{diags:#?}"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": casing["range"],
               "context": {"diagnostics": [casing]}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let code = casing["code"].as_str().unwrap();
    assert!(
        titles.iter().any(|t| t.starts_with("Suppress ")),
        "{titles:?}"
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("{titles:?}"));
    let edit = &fix["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "ComputerName");
    let suppress = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Suppress"))
        .unwrap();
    let edit = &suppress["edit"]["changes"][URI][0];
    assert_eq!(
        edit["newText"],
        format!("<!-- unattend: ignore[{code}] -->\n")
    );
    assert_eq!(edit["range"]["start"], pos(text, "<computername>", 0));
    // Applying the suppression silences the finding.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
               "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]}),
    );
    let after = client.diagnostics();
    assert!(!codes(&after).contains(&code.to_string()), "{after}");
    client.shutdown();
}

#[test]
fn nearest_config_is_respected() {
    let dir = std::env::temp_dir().join(format!("unattend-lsp-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("unattend.toml"), "ignore = [\"UA101\"]\n").unwrap();
    let uri = format!("file://{}/Unattend.xml", dir.display());
    let text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobesystem\"/></unattend>";
    let (client, _) = Client::start(json!({}));
    let d = client.open(&uri, text);
    assert!(!codes(&d).contains(&"UA101".to_string()), "{d}");
    client.shutdown();
    let (client, _) = Client::start(json!({}));
    let d = client.open(URI, text);
    assert!(codes(&d).contains(&"UA101".to_string()), "{d}");
    client.shutdown();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Documented measurement (README): re-lint round trips of a typical file
/// in this build. Run with `cargo test -p unattend-lsp --release --test
/// protocol -- --ignored --nocapture relint_timing`.
#[test]
#[ignore = "measurement, not a check"]
fn relint_timing() {
    let text = include_str!("../../../examples/answer-files/autounattend-uefi.xml");
    let (client, _) = Client::start(json!({}));
    client.open(URI, text);
    let rounds = 200;
    let started = std::time::Instant::now();
    for v in 0..rounds {
        let (end, new) = if v % 2 == 0 { (0, " ") } else { (1, "") };
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": v + 2},
                   "contentChanges": [{"range": {"start": {"line": 2, "character": 0},
                                                 "end": {"line": 2, "character": end}}, "text": new}]}),
        );
        client.diagnostics();
    }
    let each = started.elapsed() / rounds as u32;
    println!(
        "didChange -> publishDiagnostics: {each:?} per keystroke ({} bytes)",
        text.len()
    );
    client.shutdown();
}

#[test]
fn partition_reference_goes_to_its_partition() {
    let text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n<settings pass=\"windowsPE\">\n<component name=\"Microsoft-Windows-Setup\">\n<DiskConfiguration><Disk><DiskID>0</DiskID><ModifyPartitions>\n<ModifyPartition><Order>1</Order><PartitionID>1</PartitionID></ModifyPartition>\n<ModifyPartition><Order>2</Order><PartitionID>3</PartitionID></ModifyPartition>\n</ModifyPartitions></Disk></DiskConfiguration>\n<ImageInstall><OSImage><InstallTo><DiskID>0</DiskID><PartitionID>3</PartitionID></InstallTo></OSImage></ImageInstall>\n</component>\n</settings>\n</unattend>\n";
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, text);
    let at = pos(text, "3</PartitionID></InstallTo>", 0);
    let loc = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": URI}, "position": at}),
    );
    assert_eq!(loc["uri"], URI);
    assert_eq!(
        loc["range"]["start"],
        pos(text, "<ModifyPartition><Order>2", 0)
    );
    // Not a reference: no answer.
    let none = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": URI}, "position": pos(text, "windowsPE", 1)}),
    );
    assert!(none.is_null());
    client.shutdown();
}

/// Every message up to and including the next `publishDiagnostics` for `uri`.
fn messages_until_diagnostics(client: &Client, uri: &str) -> Vec<Message> {
    let mut out = Vec::new();
    loop {
        let m = client.recv();
        let done = matches!(&m, Message::Notification(n)
            if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri);
        out.push(m);
        if done {
            return out;
        }
    }
}

fn notifications<'a>(msgs: &'a [Message], method: &str) -> Vec<&'a Value> {
    msgs.iter()
        .filter_map(|m| match m {
            Message::Notification(n) if n.method == method => Some(&n.params),
            _ => None,
        })
        .collect()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("unattend-lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const UA101_FILE: &str = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobesystem\"/></unattend>";

#[test]
fn config_changes_relint_open_documents() {
    let dir = temp_dir("reload");
    let toml = dir.join("unattend.toml");
    std::fs::write(&toml, "ignore = [\"UA101\"]\n").unwrap();
    let uri = format!("file://{}/Unattend.xml", dir.display());
    let toml_uri = format!("file://{}", toml.display());
    let (mut client, _) = Client::start(json!({
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
    }));
    // The server asks to watch every unattend.toml.
    let registration = loop {
        if let Message::Request(r) = client.recv() {
            break r;
        }
    };
    assert_eq!(registration.method, "client/registerCapability");
    let reg = &registration.params["registrations"][0];
    assert_eq!(reg["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        reg["registerOptions"]["watchers"][0]["globPattern"],
        "**/unattend.toml"
    );
    client
        .conn
        .sender
        .send(lsp_server::Response::new_ok(registration.id, Value::Null).into())
        .unwrap();
    let d = client.open(&uri, UA101_FILE);
    assert!(!codes(&d).contains(&"UA101".to_string()), "{d}");

    let changed = |client: &Client| {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": toml_uri, "type": 2}]}),
        );
        messages_until_diagnostics(client, &uri)
    };

    // Edited outside the editor: the open document follows at once.
    std::fs::write(&toml, "# no ignores any more\n").unwrap();
    let msgs = changed(&client);
    let d = notifications(&msgs, "textDocument/publishDiagnostics");
    assert!(
        codes(d.last().unwrap()).contains(&"UA101".to_string()),
        "{msgs:?}"
    );
    assert!(notifications(&msgs, "window/showMessage").is_empty());

    // Broken: one clear message naming file, line and column, an error on
    // the configuration file itself, and findings with the defaults.
    std::fs::write(&toml, "severity = {}\nignore = [\"UA999\"]\n").unwrap();
    let msgs = changed(&client);
    let shown = notifications(&msgs, "window/showMessage");
    assert_eq!(shown.len(), 1, "{msgs:?}");
    assert_eq!(shown[0]["type"], 1, "an error");
    let text = shown[0]["message"].as_str().unwrap();
    assert!(text.contains(&format!("{}:2:", toml.display())), "{text}");
    assert!(text.contains("UA999") && text.contains("default"), "{text}");
    let published = notifications(&msgs, "textDocument/publishDiagnostics");
    let on_toml = published
        .iter()
        .find(|p| p["uri"] == toml_uri.as_str())
        .expect("a diagnostic on unattend.toml");
    assert_eq!(on_toml["diagnostics"][0]["range"]["start"]["line"], 1);
    assert_eq!(on_toml["diagnostics"][0]["severity"], 1);
    assert!(codes(published.last().unwrap()).contains(&"UA101".to_string()));

    // Still broken the same way: not repeated on every change.
    let msgs = changed(&client);
    assert!(
        notifications(&msgs, "window/showMessage").is_empty(),
        "{msgs:?}"
    );

    // Fixed: the error on the configuration file is cleared, the file's
    // settings apply again.
    std::fs::write(&toml, "ignore = [\"UA101\"]\n").unwrap();
    let msgs = changed(&client);
    let published = notifications(&msgs, "textDocument/publishDiagnostics");
    let on_toml = published
        .iter()
        .find(|p| p["uri"] == toml_uri.as_str())
        .expect("the configuration error is cleared");
    assert_eq!(on_toml["diagnostics"], json!([]));
    assert!(!codes(published.last().unwrap()).contains(&"UA101".to_string()));

    // Another file's change does not re-lint.
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}/other.txt", dir.display()), "type": 2}]}),
    );
    let _ = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    client.shutdown();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn config_is_reread_on_save_without_watchers() {
    let dir = temp_dir("save");
    let toml = dir.join("unattend.toml");
    let uri = format!("file://{}/Unattend.xml", dir.display());
    let (client, _) = Client::start(json!({}));
    let d = client.open(&uri, UA101_FILE);
    assert!(codes(&d).contains(&"UA101".to_string()), "{d}");
    // A new unattend.toml, then the answer file saved: its settings apply.
    std::fs::write(&toml, "ignore = [\"UA101\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let d = client.diagnostics();
    assert!(!codes(&d).contains(&"UA101".to_string()), "{d}");
    // Saving unattend.toml itself (an editor that sends it) re-lints every
    // open answer file; a broken one is reported.
    std::fs::write(&toml, "ignore = [\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": format!("file://{}", toml.display())}}),
    );
    let msgs = messages_until_diagnostics(&client, &uri);
    assert_eq!(
        notifications(&msgs, "window/showMessage").len(),
        1,
        "{msgs:?}"
    );
    let d = notifications(&msgs, "textDocument/publishDiagnostics");
    assert!(codes(d.last().unwrap()).contains(&"UA101".to_string()));
    client.shutdown();
    std::fs::remove_dir_all(&dir).unwrap();
}
