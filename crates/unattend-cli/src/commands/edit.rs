//! `unattend get FILE PATH` and `unattend set FILE PATH=VALUE...`.

use std::path::PathBuf;

use unattend::document::Document;
use unattend::edit::{self, Assignment, CheckOptions, PathError, SetError, SettingPath};
use unattend::lint::{Config, ResolvedConfig, render};
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
    /// PATH=VALUE pairs; PATH as for `unattend get`. With --value-stdin,
    /// one PATH without a value.
    #[arg(required = true, value_name = "PATH=VALUE")]
    assignments: Vec<String>,
    /// Read the value of the one PATH given from standard input (a prompt
    /// on a terminal), so that secrets stay off the command line and out of
    /// shell history; one line end at the end is dropped.
    #[arg(long)]
    value_stdin: bool,
    /// Write even when the catalog does not know the path, the linter
    /// finds errors in the edited settings, or the file is write-protected.
    #[arg(long)]
    force: bool,
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
            eprintln!("unattend: {}: {e}{}", args.file.display(), arch_hint(&e));
            exit::ERROR
        }
    }
}

/// The flag that settles an ambiguous architecture: the library's message
/// names no command-line option.
fn arch_hint(e: &PathError) -> &'static str {
    match e {
        PathError::AmbiguousArch { .. } => " with --arch",
        _ => "",
    }
}

/// The value `--value-stdin` reads: a line typed at a terminal, or all of
/// standard input less one final line end.
fn value_from_stdin() -> Result<String, String> {
    use std::io::{IsTerminal, Read};
    if std::io::stdin().is_terminal() {
        return crate::commands::password::read_line("Value (input is visible): ")
            .map_err(|e| format!("standard input: {e}"));
    }
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(1 << 20)
        .read_to_end(&mut buf)
        .map_err(|e| format!("standard input: {e}"))?;
    let mut text =
        String::from_utf8(buf).map_err(|_| "standard input is not UTF-8 text".to_string())?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    if text.is_empty() {
        return Err("--value-stdin: standard input holds no value".to_string());
    }
    Ok(text)
}

/// The linter configuration for `file`, as `unattend lint` finds it (the
/// nearest unattend.toml).
fn config_for(file: &std::path::Path) -> Result<ResolvedConfig, String> {
    Ok(match Config::discover(file).map_err(|e| e.to_string())? {
        None => ResolvedConfig::default(),
        Some(cf) => cf.resolve_for(file),
    })
}

/// Parses the assignments (reading the one value from standard input with
/// `--value-stdin`).
fn assignments(args: &SetArgs) -> Result<Vec<Assignment>, String> {
    if args.value_stdin {
        let [only] = args.assignments.as_slice() else {
            return Err("--value-stdin takes exactly one PATH (without =VALUE)".to_string());
        };
        if split_assignment(only).is_some() {
            return Err(format!(
                "--value-stdin reads the value from standard input: give PATH without =VALUE, not {only:?}"
            ));
        }
        let path = only.parse::<SettingPath>().map_err(|e| e.to_string())?;
        return Ok(vec![Assignment {
            path,
            value: value_from_stdin()?,
        }]);
    }
    args.assignments
        .iter()
        .map(|a| {
            let (p, v) = split_assignment(a).ok_or_else(|| {
                format!("expected PATH=VALUE, got {a:?} (--value-stdin reads a value from standard input)")
            })?;
            Ok(Assignment {
                path: p.parse::<SettingPath>().map_err(|e| e.to_string())?,
                value: v.to_string(),
            })
        })
        .collect()
}

pub(crate) fn set(args: &SetArgs) -> u8 {
    let assignments = match assignments(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
    let name = args.file.display().to_string();
    let mut doc = match read(&args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let config = match config_for(&args.file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
    let options = CheckOptions {
        arch: args.arch,
        config: &config,
        force: args.force,
    };
    let checked = match edit::set_checked(&mut doc, &assignments, &options) {
        Ok(c) => c,
        Err(SetError::Refused { findings }) => {
            eprint!("{}", render::concise(&name, &findings));
            eprintln!(
                "unattend: {name}: {}; nothing written (--force writes it anyway)",
                SetError::Refused { findings }
            );
            return exit::PROBLEMS;
        }
        Err(SetError::Path(
            e @ (PathError::UnknownComponent { .. } | PathError::UnknownSetting { .. }),
        )) => {
            eprintln!("unattend: {name}: {e} (nothing written; --force writes it anyway)");
            return exit::ERROR;
        }
        Err(e @ SetError::EmptyPassword { .. }) => {
            eprintln!("unattend: {name}: {e} (nothing written)");
            return exit::PROBLEMS;
        }
        Err(e) => {
            let hint = match &e {
                SetError::Path(p) => arch_hint(p),
                _ => "",
            };
            eprintln!("unattend: {name}: {e}{hint} (nothing written)");
            return exit::ERROR;
        }
    };
    // Warnings (and, when forced, errors) on what was edited.
    eprint!("{}", render::concise(&name, &checked.findings));
    let bytes = match doc.to_bytes() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("unattend: {name}:{e}");
            return exit::ERROR;
        }
    };
    if args.dry_run {
        crate::output::out!("{}", doc.text());
    } else if let Err(e) = output::replace_file(&args.file, &bytes, args.force) {
        let e = output::describe_write_error(&e);
        eprintln!("unattend: {name}: {e} (file unchanged)");
        return exit::ERROR;
    }
    // Only now, with the file replaced, say what was done.
    let verb = if args.dry_run { "would set" } else { "set" };
    for (a, done) in assignments.iter().zip(&checked.applied) {
        let shown = match (done.hidden, is_secret_path(&a.path)) {
            (true, _) => "(secret, hidden: obfuscation, not encryption)".to_string(),
            (false, true) => "(secret)".to_string(),
            (false, false) => format!("{:?}", a.value),
        };
        let created = match done.outcome.created {
            0 => String::new(),
            1 => " (created 1 element)".to_string(),
            n => format!(" (created {n} elements)"),
        };
        if done.outcome.changed {
            eprintln!("{verb} {} = {shown}{created}", a.path);
        } else {
            eprintln!("{} already {shown}", a.path);
        }
    }
    exit::CLEAN
}
