//! `unattend diff OLD NEW` and `unattend flatten FILE`: answer files compared
//! setting by setting (the comparison is `unattend::diff`).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use unattend::diff::{self, Change, Setting, Value};
use unattend::document::Document;

use crate::exit;
use crate::output::{self, outln};

/// How `unattend diff` prints the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DiffFormat {
    /// One line per change: `path: changed "old" -> "new"`.
    Text,
    /// A JSON object: `equivalent`, `counts` and `changes`.
    Json,
    /// A short Markdown report (a GitHub job summary or pull-request comment).
    Markdown,
}

/// Arguments of `unattend diff`.
#[derive(Debug, clap::Args)]
pub(crate) struct DiffArgs {
    /// The old answer file (`-`: standard input).
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The new answer file (`-`: standard input).
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// Output format.
    #[arg(
        long,
        value_enum,
        default_value = "text",
        env = "UNATTEND_DIFF_FORMAT",
        value_name = "FORMAT"
    )]
    output_format: DiffFormat,
    /// The name shown for the files in Markdown output (default: NEW's path).
    #[arg(long, value_name = "NAME")]
    label: Option<String>,
    /// No summary line on standard error.
    #[arg(long, short)]
    quiet: bool,
}

/// Arguments of `unattend flatten`.
#[derive(Debug, clap::Args)]
pub(crate) struct FlattenArgs {
    /// The answer file (`-`: standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// When FILE is not an answer file that parses, print it unchanged and
    /// exit 0 (for `git diff` textconv, so that other files still diff).
    #[arg(long)]
    raw_fallback: bool,
}

/// Reads and parses one answer file, printing why not (`file:line:column:
/// message` for XML that does not parse).
fn load(path: &Path) -> Result<Vec<Setting>, ()> {
    let name = output::input_name(path);
    let bytes = output::read_input(path).map_err(|e| eprintln!("unattend: {e}"))?;
    let doc = Document::parse(&bytes).map_err(|e| eprintln!("{name}:{e}"))?;
    diff::flatten(&doc).map_err(|e| eprintln!("{name}: {e}"))
}

pub(crate) fn run(args: &DiffArgs) -> u8 {
    if args.old.as_os_str() == "-" && args.new.as_os_str() == "-" {
        eprintln!("unattend: only one of OLD and NEW can be standard input (-)");
        return exit::ERROR;
    }
    let (Ok(old), Ok(new)) = (load(&args.old), load(&args.new)) else {
        return exit::ERROR;
    };
    let changes = diff::diff_settings(old, new);
    let count = |kind: &str| changes.iter().filter(|c| c.kind() == kind).count();
    let (added, removed, changed) = (count("added"), count("removed"), count("changed"));
    match args.output_format {
        DiffFormat::Text => {
            for c in &changes {
                outln!("{c}");
            }
        }
        DiffFormat::Json => {
            let json = serde_json::json!({
                "old": output::input_name(&args.old),
                "new": output::input_name(&args.new),
                "equivalent": changes.is_empty(),
                "counts": { "added": added, "removed": removed, "changed": changed },
                "changes": changes.iter().map(change_json).collect::<Vec<_>>(),
            });
            outln!("{json:#}");
        }
        DiffFormat::Markdown => {
            let label = args
                .label
                .clone()
                .unwrap_or_else(|| output::input_name(&args.new));
            outln!("{}", markdown(&label, &changes, (added, removed, changed)));
        }
    }
    if !args.quiet {
        if changes.is_empty() {
            eprintln!("equivalent: no setting differs");
        } else {
            eprintln!("{changed} changed, {added} added, {removed} removed");
        }
    }
    if changes.is_empty() {
        exit::CLEAN
    } else {
        exit::PROBLEMS
    }
}

/// One change as JSON; a secret's values are left out (`null`).
fn change_json(c: &Change) -> serde_json::Value {
    let text = |v: &Value| v.text().map(str::to_string);
    let (old, new) = match c {
        Change::Added { value, .. } => (None, text(value)),
        Change::Removed { value, .. } => (text(value), None),
        Change::Changed { .. } if c.is_secret() => (None, None),
        Change::Changed { old, new, .. } => (text(old), text(new)),
    };
    serde_json::json!({
        "path": c.path(),
        "kind": c.kind(),
        "secret": c.is_secret(),
        "old": old,
        "new": new,
    })
}

/// A heading line with the counts, then the changes as a `diff` block
/// (`-` old value, `+` new value; secrets as `(hidden)`).
fn markdown(
    label: &str,
    changes: &[Change],
    (added, removed, changed): (usize, usize, usize),
) -> String {
    let label = label.replace('`', "'");
    if changes.is_empty() {
        return format!("**`{label}`**: no setting changed (layout, comments or order only)\n");
    }
    let mut s =
        format!("**`{label}`**: {changed} changed, {added} added, {removed} removed\n\n```diff\n");
    for c in changes {
        let path = c.path();
        match c {
            Change::Added { value, .. } => s.push_str(&format!("+ {path} = {value}\n")),
            Change::Removed { value, .. } => s.push_str(&format!("- {path} = {value}\n")),
            Change::Changed { .. } if c.is_secret() => {
                s.push_str(&format!(
                    "- {path} = (hidden)\n+ {path} = (hidden, changed)\n"
                ));
            }
            Change::Changed { old, new, .. } => {
                s.push_str(&format!("- {path} = {old}\n+ {path} = {new}\n"));
            }
        }
    }
    // A value cannot end the block early: values are on one line, and
    // every line starts with `+` or `-`.
    s.push_str("```\n");
    s
}

pub(crate) fn flatten(args: &FlattenArgs) -> u8 {
    let name = output::input_name(&args.file);
    let bytes = match output::read_input(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
    let settings = match Document::parse(&bytes) {
        Ok(doc) => diff::flatten(&doc).map_err(|e| format!("{name}: {e}")),
        Err(e) => Err(format!("{name}:{e}")),
    };
    match settings {
        Ok(settings) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for s in &settings {
                output::line(&mut out, &s.to_string());
            }
            let _ = out.flush();
            exit::CLEAN
        }
        Err(_) if args.raw_fallback => {
            let _ = std::io::stdout().lock().write_all(&bytes);
            exit::CLEAN
        }
        Err(e) => {
            eprintln!("{e}");
            exit::ERROR
        }
    }
}
