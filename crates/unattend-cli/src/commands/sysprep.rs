//! `unattend sysprep FILE`: the sysprep command a file is meant for, checked.

use std::path::PathBuf;

use unattend::lint::{ResolvedConfig, Severity, lint_bytes, render};
use unattend::model::{Pass, Unattend};
use unattend::sysprep::{After, Phase, SysprepCommand};

use crate::exit;

/// Arguments of `unattend sysprep`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The answer file.
    file: PathBuf,
    /// Check this command instead of the one the file suggests.
    #[arg(long, value_name = "OPTIONS")]
    sysprep: Option<String>,
}

/// The command a file's passes call for: /generalize when it configures
/// generalize or specialize, /oobe (or /audit when it only has audit passes).
pub(crate) fn suggested(model: &Unattend, file: &str) -> SysprepCommand {
    let has = |p: Pass| {
        model
            .settings
            .iter()
            .any(|s| s.pass == p && !s.components.is_empty())
    };
    let generalize = has(Pass::Generalize) || has(Pass::Specialize);
    let audit = has(Pass::AuditSystem) || has(Pass::AuditUser);
    SysprepCommand {
        generalize,
        phase: Some(if audit && !has(Pass::OobeSystem) {
            Phase::Audit
        } else {
            Phase::Oobe
        }),
        after: Some(After::Shutdown),
        quiet: false,
        vm_mode: false,
        unattend: Some(file.to_string()),
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("unattend: {}: {e}", args.file.display());
            return exit::ERROR;
        }
    };
    let model = match Unattend::parse(&bytes) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{}:{e}", args.file.display());
            return exit::PROBLEMS;
        }
    };
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let command = match &args.sysprep {
        Some(c) => c.clone(),
        None => suggested(&model, &format!("C:\\Windows\\Panther\\{name}")).to_string(),
    };
    crate::output::outln!("{command}");
    let config = ResolvedConfig::default().with_sysprep(&command);
    let report = lint_bytes(&bytes, &config);
    let findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code.as_str(),
                "UA604" | "UA605" | "UA607" | "UA608" | "UA603" | "UA602"
            )
        })
        .cloned()
        .collect();
    eprint!(
        "{}",
        render::concise(&args.file.display().to_string(), &findings)
    );
    if findings.iter().any(|d| d.severity == Severity::Error) {
        exit::PROBLEMS
    } else {
        exit::CLEAN
    }
}
