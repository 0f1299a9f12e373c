//! `unattend new --preset NAME [--set PATH=VALUE...] [-o FILE]`: write a
//! ready-made answer file (or its spec) and say which sysprep command it is
//! for. The presets live in the library (`unattend::presets`).

use std::path::{Path, PathBuf};

use unattend::document::Document;
use unattend::edit::{self, SettingPath};
use unattend::lint::{ResolvedConfig, Severity, lint_document, render};
use unattend::model::{Arch, Unattend};
use unattend::presets::{PLACEHOLDER_PASSWORD, Preset, PresetOptions};

use crate::commands::edit::{is_secret_path, split_assignment};
use crate::commands::spec::{Format, write_spec};
use crate::exit;
use crate::output;

/// Arguments of `unattend new`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The preset to start from; without NAME, list the presets.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "")]
    preset: Option<String>,
    /// List the presets with a one-line summary each.
    #[arg(long)]
    list: bool,
    /// Change a setting of the generated file, as `unattend set` does
    /// (repeatable). A password `Value` is hidden like the preset's own.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    set: Vec<String>,
    /// Where to write: `.xml` for the answer file; `.toml`, `.yaml`, `.yml`
    /// or `.json` for its spec (default: the answer file on standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Read the administrator password from standard input (a prompt on a
    /// terminal) instead of using the public placeholder.
    #[arg(long)]
    password_stdin: bool,
    /// The components' processor architecture (default: amd64).
    #[arg(long, value_parser = parse_arch)]
    arch: Option<Arch>,
    /// Write the file even when the linter finds errors (after --set).
    #[arg(long)]
    no_lint: bool,
    /// Replace a write-protected output file too.
    #[arg(long)]
    force: bool,
}

fn parse_arch(s: &str) -> Result<Arch, String> {
    s.parse::<Arch>()
        .map_err(|e| format!("{e} (expected x86, amd64, arm64, wow64 or ia64)"))
}

/// The presets, one per line: name and summary.
fn list() -> String {
    let width = Preset::all()
        .iter()
        .map(|p| p.name().len())
        .max()
        .unwrap_or(0);
    Preset::all()
        .iter()
        .map(|p| format!("{:width$}  {}\n", p.name(), p.summary()))
        .collect()
}

/// What `-o` asks for.
enum Target {
    Xml,
    Spec(Format),
}

fn target_of(path: Option<&Path>) -> Result<Target, String> {
    let Some(path) = path else {
        return Ok(Target::Xml);
    };
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
    {
        return Ok(Target::Xml);
    }
    Format::of(path).map(Target::Spec).ok_or_else(|| {
        format!(
            "{}: unknown output format (use .xml for the answer file, or .toml, .yaml, .yml or .json for a spec)",
            path.display()
        )
    })
}

/// For `…Password/Value` under `PlainText` `false`: the value hidden the
/// way Windows SIM does, unless it already is.
fn hidden_value(doc: &Document, path: &SettingPath, value: &str) -> Option<String> {
    let n = path.steps.len();
    if n < 2 || path.steps[n - 1].name != "Value" || !path.steps[n - 2].name.ends_with("Password") {
        return None;
    }
    let element = path.steps[n - 2].name.clone();
    let mut plain = path.clone();
    plain.steps[n - 1].name = "PlainText".to_string();
    let hidden = edit::get(doc, &plain, None)
        .ok()
        .flatten()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("false"));
    if !hidden {
        return None;
    }
    let already = unattend::password::decode(value).is_ok_and(|t| t.ends_with(&element));
    (!already).then(|| unattend::password::encode(value, &element))
}

/// True when the file still holds the placeholder administrator password.
fn has_placeholder(doc: &Document) -> bool {
    let Ok(path) =
        "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value"
            .parse::<SettingPath>()
    else {
        return false;
    };
    edit::get(doc, &path, None).ok().flatten().is_some_and(|v| {
        v.trim() == PLACEHOLDER_PASSWORD
            || unattend::password::decode(&v)
                .is_ok_and(|t| t == format!("{PLACEHOLDER_PASSWORD}AdministratorPassword"))
    })
}

pub(crate) fn run(args: &Args) -> u8 {
    let name = match (&args.preset, args.list) {
        (Some(n), false) if !n.is_empty() => n,
        (None, false) => {
            eprint!("unattend: choose a preset with --preset NAME:\n{}", list());
            return exit::ERROR;
        }
        _ => {
            output::out!("{}", list());
            return exit::CLEAN;
        }
    };
    let preset: Preset = match name.parse() {
        Ok(p) => p,
        Err(_) => {
            let names: Vec<&str> = Preset::all().iter().map(|p| p.name()).collect();
            let hint = unattend::suggest::closest(name, names)
                .map(|s| format!("; did you mean {s}?"))
                .unwrap_or_default();
            eprint!(
                "unattend: unknown preset {name:?}{hint}\nthe presets are:\n{}",
                list()
            );
            return exit::ERROR;
        }
    };
    let target = match target_of(args.output.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
    let mut assignments = Vec::new();
    for a in &args.set {
        let Some((p, v)) = split_assignment(a) else {
            eprintln!("unattend: --set expects PATH=VALUE, got {a:?}");
            return exit::ERROR;
        };
        match p.parse::<SettingPath>() {
            Ok(path) => assignments.push((path, v.to_string())),
            Err(e) => {
                eprintln!("unattend: {e}");
                return exit::ERROR;
            }
        }
    }

    let mut options = PresetOptions::default();
    if let Some(arch) = args.arch {
        options.arch = arch;
    }
    if args.password_stdin {
        match crate::commands::password::read_line("Administrator password (input is visible): ") {
            Ok(p) if !p.is_empty() => options.administrator_password = p,
            Ok(_) => {
                eprintln!("unattend: --password-stdin: standard input holds no password");
                return exit::ERROR;
            }
            Err(e) => {
                eprintln!("unattend: standard input: {e}");
                return exit::ERROR;
            }
        }
    }

    let xml = preset.to_xml(&options);
    let mut doc = match Document::parse_str(&xml) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("unattend: internal error: the preset does not parse: {e}");
            return exit::ERROR;
        }
    };
    for (path, value) in &assignments {
        let hidden = hidden_value(&doc, path, value);
        let result = edit::set(&mut doc, path, hidden.as_deref().unwrap_or(value), None);
        if let Err(e) = result {
            eprintln!("unattend: --set {path}: {e}");
            return exit::ERROR;
        }
        let shown = match (&hidden, is_secret_path(path)) {
            (Some(_), _) => "(secret, hidden: obfuscation, not encryption)".to_string(),
            (None, true) => "(secret)".to_string(),
            (None, false) => format!("{value:?}"),
        };
        eprintln!("set {path} = {shown}");
    }

    let command = preset.sysprep_command(&options, preset.file_name());
    let config = match &command {
        Some(cmd) => ResolvedConfig::default().with_sysprep(&cmd.to_string()),
        None => ResolvedConfig::default(),
    };
    let findings = lint_document(&doc, &config);
    let shown_name = args.output.as_ref().map_or_else(
        || preset.file_name().to_string(),
        |p| p.display().to_string(),
    );
    eprint!("{}", render::concise(&shown_name, &findings));
    let errors = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 && !args.no_lint {
        eprintln!("unattend: {errors} error(s): nothing written (use --no-lint to write anyway)");
        return exit::PROBLEMS;
    }

    let text = match target {
        Target::Xml => doc.text().to_string(),
        Target::Spec(format) => {
            let model = match Unattend::from_document(&doc) {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("unattend: internal error: {e}");
                    return exit::ERROR;
                }
            };
            match write_spec(&model, format) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("unattend: {e}");
                    return exit::ERROR;
                }
            }
        }
    };
    match &args.output {
        None => output::out!("{text}"),
        Some(path) => {
            if let Err(e) = output::replace_file(path, text.as_bytes(), args.force) {
                let e = output::describe_write_error(&e);
                eprintln!("unattend: {}: {e} (nothing written)", path.display());
                return exit::ERROR;
            }
            eprintln!("wrote {} ({} preset)", path.display(), preset.name());
        }
    }

    match &command {
        Some(cmd) => eprintln!("sysprep command: {cmd}"),
        None => eprintln!("no sysprep command: this file is for Windows Setup on install media"),
    }
    eprintln!("{}", preset.notes());
    if has_placeholder(&doc) {
        eprintln!(
            "warning: the administrator password is the public placeholder {PLACEHOLDER_PASSWORD:?}: every machine built from this file would have it; use --password-stdin or --set oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value=…"
        );
    }
    exit::CLEAN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_set_on_hidden_values_are_hidden() {
        let mut doc =
            Document::parse_str(&Preset::GeneralizeOobe.to_xml(&PresetOptions::default())).unwrap();
        assert!(has_placeholder(&doc));
        let path: SettingPath =
            "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value"
                .parse()
                .unwrap();
        let hidden = hidden_value(&doc, &path, "s3cret").unwrap();
        assert_eq!(
            unattend::password::decode(&hidden).unwrap(),
            "s3cretAdministratorPassword"
        );
        // An already hidden value is kept as given.
        assert_eq!(hidden_value(&doc, &path, &hidden), None);
        edit::set(&mut doc, &path, &hidden, None).unwrap();
        assert!(!has_placeholder(&doc));
        let tz: SettingPath = "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone"
            .parse()
            .unwrap();
        assert_eq!(hidden_value(&doc, &tz, "UTC"), None);
    }
}
