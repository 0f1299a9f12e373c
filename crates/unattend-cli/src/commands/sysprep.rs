//! `unattend sysprep FILE`: the sysprep command a file is meant for, checked.

use std::path::PathBuf;

use unattend::document::{Document, NodeKind};
use unattend::lint::{ResolvedConfig, Severity, lint_bytes, render};
use unattend::model::{ComponentSettings, Pass, Unattend};
use unattend::sysprep::{After, Phase, SysprepCommand};

use crate::exit;

/// Arguments of `unattend sysprep`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The answer file; `-` reads standard input.
    file: PathBuf,
    /// Check this command instead of the one the file suggests.
    #[arg(long, value_name = "OPTIONS")]
    sysprep: Option<String>,
}

/// The command a file names itself in a comment before its root
/// (`sysprep: …`, as `unattend new` writes).
fn declared(bytes: &[u8]) -> Option<String> {
    let doc = Document::parse(bytes).ok()?;
    let root_start = doc.root().span().start;
    doc.nodes()
        .filter(|n| n.kind() == NodeKind::Comment && n.span().end <= root_start)
        .filter_map(|n| n.value().map(|v| v.into_owned()))
        .flat_map(|c| c.lines().map(str::to_string).collect::<Vec<_>>())
        .find_map(|line| {
            let rest = line.trim().strip_prefix("sysprep:")?.trim().to_string();
            (rest.contains("sysprep") || rest.starts_with('/')).then_some(rest)
        })
}

/// The command a file's passes call for: /audit when it works in audit mode
/// (audit passes and no oobeSystem, or a Generalize in auditUser, which
/// generalizes by itself), else /generalize when it configures generalize or
/// specialize, and /oobe.
pub(crate) fn suggested(model: &Unattend, file: &str) -> SysprepCommand {
    let has = |p: Pass| {
        model
            .settings
            .iter()
            .any(|s| s.pass == p && !s.components.is_empty())
    };
    let generalizes_in_audit = model.settings.iter().any(|s| {
        s.pass == Pass::AuditUser
            && s.components.iter().any(|c| match &c.settings() {
                ComponentSettings::Deployment(d) => d.generalize.is_some(),
                _ => false,
            })
    });
    let audit = (has(Pass::AuditSystem) || has(Pass::AuditUser))
        && (!has(Pass::OobeSystem) || generalizes_in_audit);
    SysprepCommand {
        generalize: !audit && (has(Pass::Generalize) || has(Pass::Specialize)),
        phase: Some(if audit { Phase::Audit } else { Phase::Oobe }),
        after: Some(if audit {
            After::Reboot
        } else {
            After::Shutdown
        }),
        quiet: false,
        vm_mode: false,
        unattend: Some(file.to_string()),
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let (bytes, model) = match crate::output::read_model(&args.file) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let shown = crate::output::input_name(&args.file);
    // Where sysprep is told to find the file; standard input has no name.
    let name = match args.file.file_name() {
        Some(n) if args.file.as_os_str() != "-" => n.to_string_lossy().into_owned(),
        Some(_) => "Unattend.xml".to_string(),
        None => String::new(),
    };
    let media = model.settings.iter().any(|s| {
        matches!(s.pass, Pass::WindowsPe | Pass::OfflineServicing) && !s.components.is_empty()
    });
    let command = match (&args.sysprep, declared(&bytes)) {
        (Some(c), _) => c.clone(),
        (None, Some(c)) => c,
        (None, None) if media => {
            eprintln!(
                "{shown}: an answer file for Windows Setup from install media (it configures windowsPE): no sysprep command runs it"
            );
            return exit::CLEAN;
        }
        (None, None) => suggested(&model, &format!("C:\\Windows\\Panther\\{name}")).to_string(),
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
                "UA602" | "UA603" | "UA604" | "UA605" | "UA607" | "UA608"
            )
        })
        .cloned()
        .collect();
    eprint!("{}", render::concise(&shown, &findings));
    if findings.iter().any(|d| d.severity == Severity::Error) {
        exit::PROBLEMS
    } else {
        exit::CLEAN
    }
}
