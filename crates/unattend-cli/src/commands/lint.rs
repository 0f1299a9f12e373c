//! `unattend lint FILE...`: every rule over answer files.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use unattend::lint::{Config, ConfigFile, ResolvedConfig, Severity, lint_bytes, render};

use crate::exit;

/// Human output formats (machine formats arrive with the CLI integrations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    /// rustc-style, with the source lines.
    Full,
    /// One line per finding: path:line:col: CODE [severity] message.
    Concise,
}

/// When to colour `full` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Color {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `unattend lint`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Answer files to lint; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// How to print findings.
    #[arg(long, value_enum, default_value = "full")]
    output_format: OutputFormat,
    /// Exit with 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value = "error")]
    fail_level: FailLevel,
    /// Use this configuration file instead of discovering unattend.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every unattend.toml (default rules and severities).
    #[arg(long)]
    isolated: bool,
    /// The file name to report (and to match per-file ignores) for standard input.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Colour in `full` output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
}

/// `--fail-level` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FailLevel {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
}

impl FailLevel {
    fn severity(self) -> Severity {
        match self {
            FailLevel::Error => Severity::Error,
            FailLevel::Warning => Severity::Warning,
            FailLevel::Info => Severity::Info,
        }
    }
}

/// The configuration for one file: explicit, discovered, or default.
fn config_for(
    args: &Args,
    explicit: Option<&ConfigFile>,
    file: &Path,
) -> Result<ResolvedConfig, String> {
    if args.isolated {
        return Ok(ResolvedConfig::default());
    }
    let found = match explicit {
        Some(c) => Some(c.clone()),
        None => Config::discover(file).map_err(|e| e.to_string())?,
    };
    Ok(match found {
        None => ResolvedConfig::default(),
        Some(cf) => {
            let base = cf.path.parent().map(Path::to_path_buf).unwrap_or_default();
            let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
            let rel = abs.strip_prefix(&base).ok().map(Path::to_path_buf);
            cf.config.resolve(rel.as_deref())
        }
    })
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

pub(crate) fn run(args: &Args) -> u8 {
    let explicit = match &args.config {
        None => None,
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => match Config::from_toml(&text, path) {
                Ok(config) => Some(ConfigFile {
                    path: path.clone(),
                    config,
                }),
                Err(e) => {
                    eprintln!("unattend: {e}");
                    return exit::ERROR;
                }
            },
            Err(e) => {
                eprintln!("unattend: {}: {e}", path.display());
                return exit::ERROR;
            }
        },
    };
    let styled = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut code = exit::CLEAN;
    let (mut errors, mut warnings, mut infos) = (0usize, 0usize, 0usize);
    for path in &args.files {
        let stdin = path.as_os_str() == "-";
        let (display, config_path, bytes) = if stdin {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut buf) {
                eprintln!("unattend: <stdin>: {e}");
                code = exit::ERROR;
                continue;
            }
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("<stdin>"));
            let config_path = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("."));
            (name.display().to_string(), config_path, buf)
        } else {
            match std::fs::read(path) {
                Ok(b) => (path.display().to_string(), path.clone(), b),
                Err(e) => {
                    eprintln!("unattend: {}: {e}", path.display());
                    code = exit::ERROR;
                    continue;
                }
            }
        };
        let config = match config_for(args, explicit.as_ref(), &config_path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("unattend: {e}");
                return exit::ERROR;
            }
        };
        let report = lint_bytes(&bytes, &config);
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            if d.severity >= args.fail_level.severity() && code == exit::CLEAN {
                code = exit::PROBLEMS;
            }
        }
        let text = match args.output_format {
            OutputFormat::Full => {
                render::full(&display, report.text(), &report.diagnostics, styled)
            }
            OutputFormat::Concise => render::concise(&display, &report.diagnostics),
        };
        // A closed pipe (`| head`) is not an error worth reporting.
        let _ = out.write_all(text.as_bytes());
    }
    let _ = out.flush();
    let files = plural(args.files.len(), "file");
    if errors + warnings + infos == 0 {
        eprintln!("linted {files}: no findings");
    } else {
        eprintln!(
            "linted {files}: {}, {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(infos, "info")
        );
    }
    code
}
