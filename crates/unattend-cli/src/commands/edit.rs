//! `unattend get FILE PATH` and `unattend set FILE PATH=VALUE...`.

use std::path::PathBuf;

use unattend::document::Document;
use unattend::edit::{self, SettingPath};
use unattend::model::Arch;

use crate::exit;
use crate::output;

/// Arguments of `unattend get`.
#[derive(Debug, clap::Args)]
pub(crate) struct GetArgs {
    /// The answer file.
    file: PathBuf,
    /// PASS/COMPONENT/SETTING[/…], list items as NAME[Key=value].
    path: String,
    /// The component's architecture, when the pass holds it for several.
    #[arg(long, value_parser = parse_arch)]
    arch: Option<Arch>,
    /// Print passwords, product keys and credentials instead of hiding them.
    #[arg(long)]
    show_secrets: bool,
}

/// Arguments of `unattend set`.
#[derive(Debug, clap::Args)]
pub(crate) struct SetArgs {
    /// The answer file, edited in place (atomically).
    file: PathBuf,
    /// PATH=VALUE pairs; PATH as for `unattend get`.
    #[arg(required = true, value_name = "PATH=VALUE")]
    assignments: Vec<String>,
    /// The component's architecture, when the pass holds it for several
    /// (and for components `set` creates; default: the file's first).
    #[arg(long, value_parser = parse_arch)]
    arch: Option<Arch>,
    /// Print what would change instead of writing the file.
    #[arg(long)]
    dry_run: bool,
}

fn parse_arch(s: &str) -> Result<Arch, String> {
    s.parse::<Arch>()
        .map_err(|e| format!("{e} (expected x86, amd64, arm64, wow64 or ia64)"))
}

/// Splits `PATH=VALUE` at the first `=` outside a `[Key=value]` selector.
pub(crate) fn split_assignment(a: &str) -> Option<(&str, &str)> {
    let mut depth = 0usize;
    for (i, c) in a.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '=' if depth == 0 => return Some((&a[..i], &a[i + 1..])),
            _ => {}
        }
    }
    None
}

fn read(file: &std::path::Path) -> Result<Document, u8> {
    let bytes = crate::output::read_input(file).map_err(|e| {
        eprintln!("unattend: {e}");
        exit::ERROR
    })?;
    Document::parse(&bytes).map_err(|e| {
        eprintln!("{}:{e}", file.display());
        exit::PROBLEMS
    })
}

/// True when the path ends in a secret (passwords, product keys, join credentials).
pub(crate) fn is_secret_path(path: &SettingPath) -> bool {
    path.steps
        .iter()
        .any(|s| s.name.contains("Password") || s.name == "ProductKey" || s.name == "AccountData")
        && path.steps.last().is_some_and(|s| s.name != "PlainText")
}

pub(crate) fn get(args: &GetArgs) -> u8 {
    let path: SettingPath = match args.path.parse() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
    let doc = match read(&args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    match edit::get(&doc, &path, args.arch) {
        Ok(Some(value)) if is_secret_path(&path) && !args.show_secrets => {
            drop(value);
            eprintln!("unattend: {path} holds a secret; add --show-secrets to print it");
            exit::PROBLEMS
        }
        Ok(Some(value)) => {
            crate::output::outln!("{value}");
            exit::CLEAN
        }
        Ok(None) => {
            eprintln!("unattend: {}: {path} is not set", args.file.display());
            exit::PROBLEMS
        }
        Err(e) => {
            eprintln!("unattend: {}: {e}", args.file.display());
            exit::ERROR
        }
    }
}

pub(crate) fn set(args: &SetArgs) -> u8 {
    let mut pairs = Vec::new();
    for a in &args.assignments {
        let Some((p, v)) = split_assignment(a) else {
            eprintln!("unattend: expected PATH=VALUE, got {a:?}");
            return exit::ERROR;
        };
        match p.parse::<SettingPath>() {
            Ok(path) => pairs.push((path, v.to_string())),
            Err(e) => {
                eprintln!("unattend: {e}");
                return exit::ERROR;
            }
        }
    }
    let mut doc = match read(&args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    for (path, value) in &pairs {
        match edit::set(&mut doc, path, value, args.arch) {
            Ok(outcome) => {
                let shown = if is_secret_path(path) {
                    "(secret)".to_string()
                } else {
                    format!("{value:?}")
                };
                let created = if outcome.created > 0 {
                    format!(
                        " (created {} element{})",
                        outcome.created,
                        if outcome.created == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                if outcome.changed {
                    eprintln!("set {path} = {shown}{created}");
                } else {
                    eprintln!("{path} already {shown}");
                }
            }
            Err(e) => {
                eprintln!("unattend: {}: {e}", args.file.display());
                return exit::ERROR;
            }
        }
    }
    let bytes = match doc.to_bytes() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("unattend: {}:{e}", args.file.display());
            return exit::ERROR;
        }
    };
    if args.dry_run {
        crate::output::out!("{}", doc.text());
        return exit::CLEAN;
    }
    match output::write_atomic(&args.file, &bytes) {
        Ok(()) => exit::CLEAN,
        Err(e) => {
            eprintln!("unattend: {}: {e} (file unchanged)", args.file.display());
            exit::ERROR
        }
    }
}
