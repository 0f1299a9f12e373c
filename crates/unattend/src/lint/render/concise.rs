//! `path:line:col: CODE message`, one line per diagnostic.

use crate::lint::Diagnostic;

/// One line per diagnostic: `path:line:col: CODE message`.
pub fn concise(path: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{path}:{}:{}: {} [{}] {}\n",
            d.start.line, d.start.column, d.code, d.severity, d.message
        ));
    }
    out
}
