//! The `unattend` language server: answer files checked, explained and
//! completed as they are typed, in any editor with an LSP client.
//!
//! All facts come from the `unattend` library (lint, catalog, format); this
//! crate only speaks the protocol. [`run_stdio`] serves an editor over
//! standard input and output; [`run`] serves any [`Connection`] (tests use
//! [`Connection::memory`]).

mod actions;
mod completion;
mod config;
mod context;
mod definition;
mod diagnostics;
mod hover;
pub mod position;
mod symbols;

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    RegisterCapability, Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, InitializeParams,
    OneOf, PositionEncodingKind, PublishDiagnosticsParams, SaveOptions, ServerCapabilities,
    ServerInfo, TextDocumentContentChangeEvent, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use unattend::lint::ResolvedConfig;

use position::{Encoding, LineMap};

/// An error that ends the server (the connection broke or the client broke
/// the protocol).
#[derive(Debug)]
pub struct ServerError(String);

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServerError {}

/// Wraps any error of the transport or of JSON decoding.
fn fail(e: impl std::fmt::Display) -> ServerError {
    ServerError(e.to_string())
}

/// Serves an editor over standard input and output until it sends `exit`.
pub fn run_stdio() -> Result<(), ServerError> {
    let (connection, io_threads) = Connection::stdio();
    run(&connection)?;
    // The writer thread ends only when every sender is gone.
    drop(connection);
    io_threads.join().map_err(fail)?;
    Ok(())
}

/// Serves one client over `connection`: the initialize handshake, then
/// requests and notifications until `shutdown` and `exit`.
pub fn run(connection: &Connection) -> Result<(), ServerError> {
    let (id, params) = connection.initialize_start().map_err(fail)?;
    let params: InitializeParams = serde_json::from_value(params).map_err(fail)?;
    let encoding = negotiate(&params);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "unattend".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        },
    });
    connection.initialize_finish(id, result).map_err(fail)?;
    let mut server = Server {
        encoding,
        docs: HashMap::new(),
        configs: config::Configs::default(),
    };
    // `initialize_finish` has consumed `initialized`: register now.
    if watches_files(&params) {
        connection
            .sender
            .send(Message::Request(watch_configs_request()))
            .map_err(fail)?;
    }
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req).map_err(fail)? {
                    return Ok(());
                }
                let response = server.request(req);
                connection
                    .sender
                    .send(Message::Response(response))
                    .map_err(fail)?;
            }
            Message::Notification(note) => {
                for out in server.notification(note) {
                    connection.sender.send(out).map_err(fail)?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// UTF-8 when the client offers it (no conversion cost), else the
/// protocol's mandatory UTF-16.
fn negotiate(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

/// The request that asks the client to report every `unattend.toml`
/// created, changed or deleted, in the editor or not (the reply needs no
/// action).
fn watch_configs_request() -> Request {
    let params = lsp_types::RegistrationParams {
        registrations: vec![lsp_types::Registration {
            id: "unattend-config-watch".to_string(),
            method: DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(
                lsp_types::DidChangeWatchedFilesRegistrationOptions {
                    watchers: vec![lsp_types::FileSystemWatcher {
                        glob_pattern: lsp_types::GlobPattern::String(format!(
                            "**/{}",
                            unattend::lint::CONFIG_FILE_NAME
                        )),
                        kind: None,
                    }],
                },
            )
            .ok(),
        }],
    };
    Request::new(
        lsp_server::RequestId::from("unattend-register-config-watch".to_string()),
        RegisterCapability::METHOD.to_string(),
        params,
    )
}

/// Whether the client lets the server register file watchers (then edits
/// of `unattend.toml` outside the editor reach the server too).
fn watches_files(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["<".into(), "\"".into(), "'".into()]),
            ..Default::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        ..Default::default()
    }
}

/// One open document.
pub(crate) struct Doc {
    pub(crate) text: String,
    pub(crate) version: i32,
    pub(crate) lines: LineMap,
    /// The configuration of the nearest `unattend.toml` (found on open and
    /// save, not on every keystroke).
    pub(crate) config: ResolvedConfig,
    /// The findings last published, for code actions.
    pub(crate) findings: Vec<unattend::lint::Diagnostic>,
}

struct Server {
    encoding: Encoding,
    docs: HashMap<Uri, Doc>,
    configs: config::Configs,
}

/// The local path of a `file:` URI (percent-decoded), if it is one.
pub(crate) fn uri_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = rest.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    let mut path = String::from_utf8(out).ok()?;
    // file:///C:/x is C:/x on Windows.
    if cfg!(windows) && path.len() > 2 && path.as_bytes()[2] == b':' {
        path.remove(0);
    }
    Some(PathBuf::from(path))
}

impl Server {
    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            HoverRequest::METHOD => self.with_params(req, |s, p: lsp_types::HoverParams| {
                let pos = &p.text_document_position_params;
                let doc = s.docs.get(&pos.text_document.uri)?;
                hover::hover(doc, pos.position, s.encoding)
            }),
            Completion::METHOD => self.with_params(req, |s, p: lsp_types::CompletionParams| {
                let pos = &p.text_document_position;
                let doc = s.docs.get(&pos.text_document.uri)?;
                Some(completion::complete(doc, pos.position, s.encoding))
            }),
            GotoDefinition::METHOD => {
                self.with_params(req, |s, p: lsp_types::GotoDefinitionParams| {
                    let pos = &p.text_document_position_params;
                    let doc = s.docs.get(&pos.text_document.uri)?;
                    definition::definition(doc, &pos.text_document.uri, pos.position, s.encoding)
                        .map(lsp_types::GotoDefinitionResponse::Scalar)
                })
            }
            Formatting::METHOD => {
                self.with_params(req, |s, p: lsp_types::DocumentFormattingParams| {
                    let doc = s.docs.get(&p.text_document.uri)?;
                    actions::format(doc, &p.options, s.encoding)
                })
            }
            DocumentSymbolRequest::METHOD => {
                self.with_params(req, |s, p: lsp_types::DocumentSymbolParams| {
                    let doc = s.docs.get(&p.text_document.uri)?;
                    symbols::symbols(doc, s.encoding)
                })
            }
            CodeActionRequest::METHOD => {
                self.with_params(req, |s, p: lsp_types::CodeActionParams| {
                    let doc = s.docs.get(&p.text_document.uri)?;
                    Some(actions::code_actions(
                        doc,
                        &p.text_document.uri,
                        p.range,
                        s.encoding,
                    ))
                })
            }
            other => Err(Response::new_err(
                id.clone(),
                ErrorCode::MethodNotFound as i32,
                format!("unattend server does not handle {other}"),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(e) => e,
        }
    }

    /// Decodes the params, runs `f`, and encodes its answer (`null` for
    /// `None`); bad params are an `InvalidParams` error, never a panic.
    fn with_params<P, R>(
        &mut self,
        req: Request,
        f: impl FnOnce(&mut Self, P) -> Option<R>,
    ) -> Result<serde_json::Value, Response>
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        let params: P = serde_json::from_value(req.params).map_err(|e| {
            Response::new_err(
                req.id.clone(),
                ErrorCode::InvalidParams as i32,
                e.to_string(),
            )
        })?;
        let answer = f(self, params);
        Ok(serde_json::to_value(answer).unwrap_or(serde_json::Value::Null))
    }

    fn notification(&mut self, note: Notification) -> Vec<Message> {
        match note.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(note.params)
                else {
                    return Vec::new();
                };
                let item = p.text_document;
                if is_config_uri(&item.uri) {
                    return self.reload_configs();
                }
                let (config, mut out) = self.configs.for_document(&item.uri, self.encoding);
                let doc = Doc {
                    lines: LineMap::new(&item.text),
                    text: item.text,
                    version: item.version,
                    config,
                    findings: Vec::new(),
                };
                self.docs.insert(item.uri.clone(), doc);
                out.extend(self.publish(&item.uri));
                messages(out)
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(note.params)
                else {
                    return Vec::new();
                };
                let uri = p.text_document.uri;
                let Some(doc) = self.docs.get_mut(&uri) else {
                    return Vec::new();
                };
                for change in p.content_changes {
                    apply_change(doc, change, self.encoding);
                }
                doc.version = p.text_document.version;
                messages(self.publish(&uri))
            }
            DidSaveTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(note.params)
                else {
                    return Vec::new();
                };
                let uri = p.text_document.uri;
                if is_config_uri(&uri) {
                    return self.reload_configs();
                }
                if !self.docs.contains_key(&uri) {
                    return Vec::new();
                }
                // The save may come after an edit of unattend.toml that no
                // watcher reported.
                let (config, mut out) = self.configs.for_document(&uri, self.encoding);
                if let Some(doc) = self.docs.get_mut(&uri) {
                    doc.config = config;
                }
                out.extend(self.publish(&uri));
                messages(out)
            }
            DidChangeWatchedFiles::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(note.params)
                else {
                    return Vec::new();
                };
                if p.changes.iter().any(|c| is_config_uri(&c.uri)) {
                    self.reload_configs()
                } else {
                    Vec::new()
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(note.params)
                else {
                    return Vec::new();
                };
                let uri = p.text_document.uri;
                if self.docs.remove(&uri).is_none() {
                    return Vec::new();
                }
                // Clear the closed file's findings from the editor's list.
                messages(vec![Notification::new(
                    PublishDiagnostics::METHOD.to_string(),
                    PublishDiagnosticsParams {
                        uri,
                        diagnostics: Vec::new(),
                        version: None,
                    },
                )])
            }
            _ => Vec::new(),
        }
    }

    /// Re-reads the configuration of every open document and re-lints it
    /// (an `unattend.toml` was created, edited or deleted).
    fn reload_configs(&mut self) -> Vec<Message> {
        let mut out = self.configs.forget_fixed();
        let mut uris: Vec<Uri> = self.docs.keys().cloned().collect();
        // A stable order keeps the editor's updates (and tests) predictable.
        uris.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        for uri in uris {
            let (config, notes) = self.configs.for_document(&uri, self.encoding);
            out.extend(notes);
            if let Some(doc) = self.docs.get_mut(&uri) {
                doc.config = config;
            }
            out.extend(self.publish(&uri));
        }
        messages(out)
    }

    /// Lints the document and builds its `publishDiagnostics`.
    fn publish(&mut self, uri: &Uri) -> Vec<Notification> {
        let Some(doc) = self.docs.get_mut(uri) else {
            return Vec::new();
        };
        let (findings, diagnostics) = diagnostics::lint(doc, uri, self.encoding);
        doc.findings = findings;
        vec![Notification::new(
            PublishDiagnostics::METHOD.to_string(),
            PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version: Some(doc.version),
            },
        )]
    }
}

fn messages(notes: Vec<Notification>) -> Vec<Message> {
    notes.into_iter().map(Message::Notification).collect()
}

/// Whether the URI names an `unattend.toml` (a configuration, not an
/// answer file).
fn is_config_uri(uri: &Uri) -> bool {
    uri_path(uri).is_some_and(|p| config::is_config(&p))
}

/// Applies one `didChange` event: a whole new text, or a range replaced.
pub(crate) fn apply_change(doc: &mut Doc, change: TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => doc.text = change.text,
        Some(range) => {
            let start = doc.lines.offset(&doc.text, range.start, enc);
            let end = doc.lines.offset(&doc.text, range.end, enc).max(start);
            doc.text.replace_range(start..end, &change.text);
        }
    }
    doc.lines = LineMap::new(&doc.text);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hover, completion and their context scan never panic, at any
    /// position of broken, non-ASCII, CRLF text.
    #[test]
    fn every_position_of_broken_text_is_safe() {
        let texts = [
            "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n<settings pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\" a='é'><TimeZone>ü</TimeZone><OOBE><Hide",
            "<</<!--<?<![CDATA[<a b=\"<c\" d=' /><e f g=>😀</a></",
            "<unattend><settings pass='oobeSystem'><component name=\"x\"/>=\"'<",
        ];
        for text in texts {
            let doc = Doc {
                text: text.to_string(),
                version: 1,
                lines: LineMap::new(text),
                config: ResolvedConfig::default(),
                findings: Vec::new(),
            };
            for (line, content) in text.split('\n').enumerate() {
                for character in 0..=content.encode_utf16().count() as u32 + 1 {
                    let p = lsp_types::Position {
                        line: line as u32,
                        character,
                    };
                    for enc in [Encoding::Utf8, Encoding::Utf16] {
                        let _ = hover::hover(&doc, p, enc);
                        let _ = completion::complete(&doc, p, enc);
                    }
                }
            }
            let _ = symbols::symbols(&doc, Encoding::Utf16);
        }
    }
}
