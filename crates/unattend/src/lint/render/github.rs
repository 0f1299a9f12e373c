//! GitHub Actions workflow commands: annotations on the pull request's lines.

use super::FileResult;
use crate::lint::Severity;

/// Escapes a message as the Actions toolkit does.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=unattend (CODE)::message`
/// per diagnostic; columns are dropped on multi-line spans, as GitHub wants.
pub fn github(files: &[FileResult<'_>]) -> String {
    let mut out = String::new();
    for f in files {
        for d in f.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            // GitHub matches annotations to repository paths, which use `/`
            // (a Windows runner's relative paths use `\`).
            let path = f.path.replace('\\', "/");
            let mut props = format!("file={},line={}", escape_property(&path), d.start.line);
            if d.start.line == d.end.line {
                props.push_str(&format!(
                    ",col={},endLine={},endColumn={}",
                    d.start.column, d.end.line, d.end.column
                ));
            } else {
                props.push_str(&format!(",endLine={}", d.end.line));
            }
            props.push_str(&format!(
                ",title={}",
                escape_property(&format!("unattend ({})", d.code))
            ));
            out.push_str(&format!(
                "::{level} {props}::{}\n",
                escape_data(&format!("{} [{}] {}", d.code, d.name, d.message))
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::lint::config::ResolvedConfig;
    use crate::lint::render::FileResult;

    #[test]
    fn windows_paths_are_written_with_slashes() {
        let report = crate::lint::lint_bytes(b"<unattend>", &ResolvedConfig::default());
        assert!(!report.diagnostics.is_empty());
        let out = super::github(&[FileResult {
            path: "images\\win\\Unattend.xml",
            diagnostics: &report.diagnostics,
        }]);
        assert!(out.contains("file=images/win/Unattend.xml,"), "{out}");
    }
}
