//! JSON: an array of flat records (`json`), or one record per line (`json-lines`).

use serde::Serialize;

use super::FileResult;
use crate::lint::{Diagnostic, Fix, Severity};

/// One diagnostic as machines read it.
#[derive(Serialize)]
struct Record<'a> {
    code: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    path: Option<&'a str>,
    help: Option<&'a str>,
    fix: Option<&'a Fix>,
}

fn record<'a>(file: &'a str, d: &'a Diagnostic) -> Record<'a> {
    Record {
        code: &d.code,
        name: &d.name,
        severity: d.severity,
        message: &d.message,
        file,
        line: d.start.line,
        column: d.start.column,
        end_line: d.end.line,
        end_column: d.end.column,
        path: d.path.as_deref(),
        help: d.help.as_deref(),
        fix: d.fix.as_ref(),
    }
}

fn records<'a>(files: &'a [FileResult<'a>]) -> impl Iterator<Item = Record<'a>> {
    files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| record(f.path, d)))
}

/// A pretty-printed JSON array of every diagnostic.
pub fn json(files: &[FileResult<'_>]) -> String {
    let all: Vec<Record<'_>> = records(files).collect();
    serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".to_string()) + "\n"
}

/// One JSON object per line.
pub fn json_lines(files: &[FileResult<'_>]) -> String {
    records(files)
        .filter_map(|r| serde_json::to_string(&r).ok())
        .map(|l| l + "\n")
        .collect()
}
