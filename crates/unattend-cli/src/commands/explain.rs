//! `unattend explain CODE|NAME` and `unattend rules`.

use crate::exit;

/// Arguments of `unattend explain`.
#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// A rule code (UA201) or name (setting-not-valid-in-pass).
    #[arg(value_name = "CODE|NAME")]
    rule: String,
}

pub(crate) fn explain(args: &ExplainArgs) -> u8 {
    match unattend::lint::rule(&args.rule) {
        Some(r) => {
            crate::output::outln!(
                "{} {} ({})\n\n{}\n\n{}",
                r.code,
                r.name,
                r.severity,
                r.summary,
                r.docs().trim_end()
            );
            exit::CLEAN
        }
        None => {
            eprintln!(
                "unattend: unknown rule {:?}; `unattend rules` lists them",
                args.rule
            );
            exit::ERROR
        }
    }
}

/// Arguments of `unattend rules`.
#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Output formats of `unattend rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// A table.
    Text,
    /// A JSON array.
    Json,
}

pub(crate) fn rules(args: &RulesArgs) -> u8 {
    let all: Vec<_> = unattend::lint::rules().collect();
    match args.format {
        Format::Text => {
            let width = all.iter().map(|r| r.name.len()).max().unwrap_or(0);
            for r in &all {
                crate::output::outln!(
                    "{}  {:<width$}  {:<7}  {}",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary
                );
            }
        }
        Format::Json => {
            let list: Vec<serde_json::Value> = all
                .iter()
                .map(|r| {
                    serde_json::json!({"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary})
                })
                .collect();
            crate::output::outln!(
                "{}",
                serde_json::to_string_pretty(&list).unwrap_or_default()
            );
        }
    }
    exit::CLEAN
}
