//! SARIF 2.1.0, the subset code-scanning tools read: the tool with every
//! rule's metadata and help, and one result per diagnostic with its region.

use serde_json::{Value, json};

use super::FileResult;
use crate::lint::{Severity, rules};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A SARIF 2.1.0 log. Paths are written as relative URIs.
pub fn sarif(files: &[FileResult<'_>]) -> String {
    let all: Vec<_> = rules().collect();
    let rule_meta: Vec<Value> = all
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.docs(), "markdown": r.docs() },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": ["unattend"] },
            })
        })
        .collect();
    let all = &all;
    let results: Vec<Value> = files
        .iter()
        .flat_map(|f| {
            f.diagnostics.iter().map(move |d| {
                let index = all.iter().position(|r| r.code == d.code).unwrap_or(0);
                let uri = f.path.replace('\\', "/");
                let mut result = json!({
                    "ruleId": d.code,
                    "ruleIndex": index,
                    "level": level(d.severity),
                    "message": { "text": d.message },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri },
                            "region": {
                                "startLine": d.start.line,
                                "startColumn": d.start.column,
                                "endLine": d.end.line,
                                "endColumn": d.end.column,
                            }
                        }
                    }],
                });
                if let Some(help) = &d.help {
                    result["message"]["text"] = Value::String(format!("{} ({help})", d.message));
                }
                result
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "unattend",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rule_meta,
                }
            },
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}
