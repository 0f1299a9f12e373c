//! `unattend.toml` for open documents: found on open and save, re-read
//! when the editor reports the file changed, and never broken in silence.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_server::Notification;
use lsp_types::notification::{Notification as _, PublishDiagnostics, ShowMessage};
use lsp_types::{
    DiagnosticSeverity, MessageType, Position, PublishDiagnosticsParams, Range, ShowMessageParams,
    Uri,
};
use unattend::lint::{CONFIG_FILE_NAME, Config, ConfigError, ResolvedConfig};

use crate::position::Encoding;

/// Whether `path` names a configuration file (`unattend.toml`).
pub(crate) fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == CONFIG_FILE_NAME)
}

/// The configuration `unattend lint FILE` uses for `path`: the nearest
/// `unattend.toml` above it, resolved for the file's relative path.
fn discover(path: &Path) -> Result<ResolvedConfig, ConfigError> {
    Ok(Config::discover(path)?.map_or_else(ResolvedConfig::default, |cf| cf.resolve_for(path)))
}

/// The configuration files found broken, each reported once (a message
/// and a diagnostic on the file) until it is fixed or removed.
#[derive(Default)]
pub(crate) struct Configs {
    broken: HashMap<PathBuf, ConfigError>,
}

impl Configs {
    /// The configuration for the document at `uri`, and the notifications
    /// that tell the user about a configuration that changed state. A broken
    /// `unattend.toml` lints with the defaults (findings keep coming) and
    /// says so: `window/showMessage` plus an error on the file itself.
    pub(crate) fn for_document(
        &mut self,
        uri: &Uri,
        enc: Encoding,
    ) -> (ResolvedConfig, Vec<Notification>) {
        let Some(path) = crate::uri_path(uri) else {
            return (ResolvedConfig::default(), Vec::new());
        };
        match discover(&path) {
            Ok(config) => (config, self.forget_fixed()),
            Err(e) => {
                let mut out = self.forget_fixed();
                if self.broken.get(&e.path) != Some(&e) {
                    out.extend(report(&e, enc));
                    self.broken.insert(e.path.clone(), e);
                }
                (ResolvedConfig::default(), out)
            }
        }
    }

    /// Clears the reports of configuration files that are now valid or gone.
    pub(crate) fn forget_fixed(&mut self) -> Vec<Notification> {
        let mut out = Vec::new();
        self.broken.retain(|path, _| {
            let still_broken = path.is_file()
                && std::fs::read_to_string(path)
                    .ok()
                    .is_some_and(|text| Config::from_toml(&text, path).is_err());
            if !still_broken && let Some(uri) = path_uri(path) {
                out.push(publish(uri, Vec::new()));
            }
            still_broken
        });
        out
    }
}

/// The message and the diagnostic for a broken configuration file.
fn report(e: &ConfigError, enc: Encoding) -> Vec<Notification> {
    let mut out = vec![Notification::new(
        ShowMessage::METHOD.to_string(),
        ShowMessageParams {
            typ: MessageType::ERROR,
            message: format!("unattend: {e} (linting with the default settings until it is fixed)"),
        },
    )];
    if let Some(uri) = path_uri(&e.path) {
        let start = config_position(&e.path, e.position.line, e.position.column, enc);
        let diagnostic = lsp_types::Diagnostic {
            range: Range { start, end: start },
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("unattend".to_string()),
            message: e.message.clone(),
            ..Default::default()
        };
        out.push(publish(uri, vec![diagnostic]));
    }
    out
}

fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> Notification {
    Notification::new(
        PublishDiagnostics::METHOD.to_string(),
        PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        },
    )
}

/// The LSP position of a 1-based line and column (in characters) of the
/// file, in the negotiated encoding.
fn config_position(path: &Path, line: u32, column: u32, enc: Encoding) -> Position {
    let line0 = line.saturating_sub(1);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let prefix: String = text
        .lines()
        .nth(line0 as usize)
        .unwrap_or_default()
        .chars()
        .take(column.saturating_sub(1) as usize)
        .collect();
    let character = match enc {
        Encoding::Utf8 => prefix.len(),
        Encoding::Utf16 => prefix.encode_utf16().count(),
    };
    Position {
        line: line0,
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

/// The `file:` URI of a local path, percent-encoding what a URI path may
/// not hold.
pub(crate) fn path_uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        // C:/x is file:///C:/x.
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_through_uris() {
        let path = Path::new("/tmp/a b/ü#x/unattend.toml");
        let uri = path_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%C3%BC%23x/unattend.toml");
        assert_eq!(crate::uri_path(&uri).unwrap(), path);
        assert!(is_config(path));
        assert!(!is_config(Path::new("/tmp/Unattend.xml")));
    }
}
