//! `unattend new --preset NAME [--set PATH=VALUE...] [-o FILE]`: write a
//! ready-made answer file (or its spec) and say which sysprep command it is
//! for. The presets live in the library (`unattend::presets`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use unattend::document::Document;
use unattend::edit::{self, SettingPath};
use unattend::lint::{ResolvedConfig, Severity, lint_document, render};
use unattend::model::{Arch, Unattend};
use unattend::presets::{Edition, ImageSelector, Preset, PresetOptions, ProductKey};

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
    /// Read the password from standard input (the first line) instead of
    /// asking for it.
    #[arg(long, conflicts_with = "no_password")]
    password_stdin: bool,
    /// Write no password at all (`new` says what that means for OOBE on the
    /// edition). Without --password-stdin or --no-password, `new` asks on a
    /// terminal and refuses otherwise; cloudbase-init writes none by default.
    #[arg(long)]
    no_password: bool,
    /// `client` (Windows 10/11: creates a local administrator account) or
    /// `server` (the built-in Administrator). Default: server for
    /// cloudbase-init, client otherwise.
    #[arg(long, value_parser = parse_edition)]
    edition: Option<Edition>,
    /// Client edition: the local administrator account to create (default: Admin).
    #[arg(long, value_name = "NAME")]
    user: Option<String>,
    /// Media presets: install the image with this name (`dism /Get-ImageInfo`).
    #[arg(long, value_name = "NAME", conflicts_with = "image_index")]
    image_name: Option<String>,
    /// Media presets: install the image with this index (`dism /Get-ImageInfo`).
    #[arg(long, value_name = "N")]
    image_index: Option<u32>,
    /// A product key, or the name of one of Microsoft's generic keys (pro,
    /// enterprise, education, server-2022-standard, …; see
    /// `unattend::presets::GenericKey`). Never printed.
    #[arg(long, value_name = "KEY|NAME")]
    product_key: Option<String>,
    /// Sysprep presets: set CopyProfile in specialize (copies the profile
    /// customised in audit mode to the default user profile).
    #[arg(long)]
    copy_profile: bool,
    /// audit-mode: write AutoLogon (LogonCount 5) for the built-in
    /// Administrator into auditSystem. Off by default: Microsoft's
    /// auditSystem page says audit mode signs in by itself and that an
    /// autologon account can keep the image from entering OOBE.
    #[arg(long)]
    audit_autologon: bool,
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

fn parse_edition(s: &str) -> Result<Edition, String> {
    s.parse::<Edition>().map_err(|e| e.to_string())
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

/// Where the password comes from.
enum PasswordSource {
    /// `--password-stdin`: the first line of standard input.
    Stdin,
    /// A prompt without echo on the terminal.
    Prompt,
    /// No password in the file.
    None,
}

/// Reads the password the way `args` ask for it; `Err` is the message for a
/// usage error (exit 2, nothing written).
fn read_password(preset: Preset, args: &Args) -> Result<Option<String>, String> {
    let source = if args.password_stdin {
        PasswordSource::Stdin
    } else if args.no_password || !preset.wants_password() {
        PasswordSource::None
    } else if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        PasswordSource::Prompt
    } else {
        return Err(format!(
            "the {preset} preset needs a password and there is no terminal to ask for it: use --password-stdin (e.g. printf '%s' \"$ADMIN_PASSWORD\" | unattend new --preset {preset} --password-stdin …) or --no-password; nothing written"
        ));
    };
    let password = match source {
        PasswordSource::None => return Ok(None),
        // A terminal on standard input: read without echo all the same.
        PasswordSource::Stdin if std::io::stdin().is_terminal() => {
            rpassword::prompt_password("Password (not shown): ")
                .map_err(|e| format!("terminal: {e}"))?
        }
        PasswordSource::Stdin => {
            crate::commands::password::read_line("").map_err(|e| format!("standard input: {e}"))?
        }
        PasswordSource::Prompt => {
            let first = rpassword::prompt_password("Password (not shown): ")
                .map_err(|e| format!("terminal: {e}"))?;
            let again = rpassword::prompt_password("Same password again: ")
                .map_err(|e| format!("terminal: {e}"))?;
            if first != again {
                return Err("the two passwords differ; nothing written".to_string());
            }
            first
        }
    };
    if password.is_empty() {
        return Err(
            "the password is empty: give one, or --no-password for a file without any; nothing written"
                .to_string(),
        );
    }
    Ok(Some(password))
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

    let mut options = PresetOptions {
        edition: args.edition,
        copy_profile: args.copy_profile,
        audit_autologon: args.audit_autologon,
        ..PresetOptions::default()
    };
    if let Some(arch) = args.arch {
        options.arch = arch;
    }
    if let Some(user) = &args.user {
        options.user.clone_from(user);
    }
    options.image = match (&args.image_name, args.image_index) {
        (Some(name), _) => Some(ImageSelector::Name(name.clone())),
        (None, Some(index)) => Some(ImageSelector::Index(index)),
        (None, None) => None,
    };
    if let Some(key) = &args.product_key {
        options.product_key = key.parse::<ProductKey>().ok();
    }
    match read_password(preset, args) {
        Ok(p) => options.password = p,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
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
        // Same catalog check as `set`: a misspelt component or setting is
        // refused with its closest name instead of being written.
        if let Err(e) = edit::check_path(&doc, path, None) {
            eprintln!("unattend: --set {path}: {e}");
            return exit::ERROR;
        }
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
            eprintln!(
                "wrote {} ({} preset, {} edition)",
                path.display(),
                preset.name(),
                preset.edition(&options)
            );
        }
    }

    match &command {
        Some(cmd) => eprintln!("sysprep command: {cmd}"),
        None => eprintln!("no sysprep command: this file is for Windows Setup on install media"),
    }
    eprintln!("{}", preset.notes());
    if options.password.is_none() {
        eprintln!(
            "note: {}",
            preset.no_password_note(preset.edition(&options), &options.user)
        );
    }
    exit::CLEAN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_set_on_hidden_values_are_hidden() {
        let options = PresetOptions {
            password: Some("first-one".into()),
            edition: Some(Edition::Server),
            ..PresetOptions::default()
        };
        let mut doc = Document::parse_str(&Preset::GeneralizeOobe.to_xml(&options)).unwrap();
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
        let tz: SettingPath = "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone"
            .parse()
            .unwrap();
        assert_eq!(hidden_value(&doc, &tz, "UTC"), None);
    }
}
