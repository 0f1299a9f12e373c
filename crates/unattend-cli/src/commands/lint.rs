//! `unattend lint FILE...`: every rule over answer files.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use unattend::lint::{Config, ConfigFile, ResolvedConfig, Severity, lint_bytes, render};

use crate::exit;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    /// rustc-style, with the source lines.
    Full,
    /// One line per finding: path:line:col: CODE [severity] message.
    Concise,
    /// A JSON array of findings.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// SARIF 2.1.0 (GitHub code scanning and other tools).
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// JUnit XML test results.
    Junit,
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
    /// Answer files or folders to lint; `-` reads standard input. Folders are
    /// walked respecting .gitignore: `*.xml` files whose root is <unattend>,
    /// and files whose name contains "unattend" (templates included).
    #[arg(required = true, value_name = "PATH")]
    files: Vec<PathBuf>,
    /// How to print findings.
    #[arg(
        long,
        value_enum,
        default_value = "full",
        env = "UNATTEND_OUTPUT_FORMAT"
    )]
    output_format: OutputFormat,
    /// Write the findings to this file instead of standard output.
    #[arg(short = 'o', long = "output-file", value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Exit with 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value = "error")]
    fail_level: FailLevel,
    /// Exit with 0 even when there are findings (errors reading files still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Use this configuration file instead of discovering unattend.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every unattend.toml (default rules and severities).
    #[arg(long)]
    isolated: bool,
    /// The file name to report (and to match per-file ignores) for standard input.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// The sysprep command the files are given to, e.g. "/generalize /oobe
    /// /shutdown": settings in passes it never processes are reported.
    #[arg(long, value_name = "OPTIONS")]
    sysprep: Option<String>,
    /// Colour in `full` output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Print only findings, no summary line.
    #[arg(short, long)]
    quiet: bool,
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

/// The configuration for one file (explicit, discovered, or default), with
/// `--sysprep` applied on top.
fn config_for(
    args: &Args,
    explicit: Option<&ConfigFile>,
    file: &Path,
) -> Result<ResolvedConfig, String> {
    let config = config_from_files(args, explicit, file)?;
    Ok(match &args.sysprep {
        Some(command) => config.with_sysprep(command),
        None => config,
    })
}

fn config_from_files(
    args: &Args,
    explicit: Option<&ConfigFile>,
    file: &Path,
) -> Result<ResolvedConfig, String> {
    if args.isolated {
        return Ok(ResolvedConfig::default());
    }
    let discovered;
    let found = match explicit {
        Some(c) => Some(c),
        None => {
            discovered = Config::discover(file).map_err(|e| e.to_string())?;
            discovered.as_ref()
        }
    };
    Ok(match found {
        None => ResolvedConfig::default(),
        Some(cf) => cf.resolve_for(file),
    })
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// One input: standard input or a file.
enum Input {
    Stdin,
    File(PathBuf),
}

/// True for files a folder walk lints.
fn is_answer_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let template_ext = matches!(
        ext.as_str(),
        "in" | "tpl" | "tmpl" | "j2" | "hcl" | "pkrtpl" | "template"
    );
    if name.contains("unattend") && (ext == "xml" || name.contains(".xml") || template_ext) {
        return true;
    }
    ext == "xml" && root_is_unattend(path)
}

/// Reads the start of a file and tells whether its first element is `unattend`.
fn root_is_unattend(path: &Path) -> bool {
    let mut head = Vec::with_capacity(8192);
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if file.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = unattend::document::decode_text(&head)
        .unwrap_or_else(|| String::from_utf8_lossy(&head).into_owned());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        return name.rsplit(':').next() == Some("unattend");
    }
    false
}

/// The inputs the paths name; folders in which the walk found no answer
/// file are said so on stderr.
fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
                .build()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| is_answer_file(p))
                .collect();
            found.sort();
            if found.is_empty() {
                eprintln!(
                    "unattend: {}: no answer files found (*.xml files whose root is <unattend>, or files named *unattend*)",
                    p.display()
                );
            }
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(p.clone()));
        }
    }
    Ok(inputs)
}

/// The path to show: relative to the working directory when under it.
fn display_path(p: &Path) -> String {
    if p.is_absolute()
        && let Ok(cwd) = std::env::current_dir()
        && let Ok(rel) = p.strip_prefix(&cwd)
    {
        return rel.display().to_string();
    }
    p.display().to_string()
}

/// One linted input.
struct Linted {
    display: String,
    report: Option<unattend::lint::LintReport>,
    /// The findings, once the report is rendered and dropped.
    diagnostics: Option<Vec<unattend::lint::Diagnostic>>,
    error: Option<String>,
    /// The full-format text, rendered on the worker thread (snippets cost
    /// about as much as linting, so they are drawn in parallel too).
    rendered: Option<String>,
}

fn lint_one(args: &Args, explicit: Option<&ConfigFile>, input: &Input) -> Linted {
    let (display, config_path, bytes) = match input {
        Input::Stdin => {
            let buf = match crate::output::read_input(Path::new("-")) {
                Ok(b) => b,
                Err(e) => {
                    return Linted {
                        display: "<stdin>".into(),
                        report: None,
                        error: Some(e),
                        rendered: None,
                        diagnostics: None,
                    };
                }
            };
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("<stdin>"));
            let config_path = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("."));
            (name.display().to_string(), config_path, buf)
        }
        Input::File(path) => match crate::output::read_input(path) {
            Ok(b) => (display_path(path), path.clone(), b),
            Err(e) => {
                return Linted {
                    display: display_path(path),
                    report: None,
                    error: Some(e),
                    rendered: None,
                    diagnostics: None,
                };
            }
        },
    };
    match config_for(args, explicit, &config_path) {
        Ok(config) => Linted {
            display,
            report: Some(lint_bytes(&bytes, &config)),
            error: None,
            rendered: None,
            diagnostics: None,
        },
        Err(e) => Linted {
            display,
            report: None,
            error: Some(e),
            rendered: None,
            diagnostics: None,
        },
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    use rayon::prelude::*;
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
    let inputs = match collect_inputs(&args.files) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
    // Linting nothing is not a pass: a CI job pointed at the wrong folder
    // must not stay green.
    if inputs.is_empty() {
        eprintln!("unattend: nothing to lint: the paths given hold no answer files");
        return exit::ERROR;
    }
    let styled = args.output_file.is_none()
        && match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
    let results: Vec<Linted> = inputs
        .par_iter()
        .map(|i| {
            let mut linted = lint_one(args, explicit.as_ref(), i);
            if let Some(report) = linted.report.take() {
                linted.rendered = match args.output_format {
                    OutputFormat::Full => Some(render::full(
                        &linted.display,
                        &report.display_text(),
                        &report.diagnostics,
                        styled,
                    )),
                    OutputFormat::Concise => {
                        Some(render::concise(&linted.display, &report.diagnostics))
                    }
                    _ => None,
                };
                // Keep the findings only: holding every parsed file until
                // the end made a large run's memory (and page faults) grow
                // with the number of files.
                linted.diagnostics = Some(report.diagnostics);
            }
            linted
        })
        .collect();

    let mut code = exit::CLEAN;
    let (mut errors, mut warnings, mut infos) = (0usize, 0usize, 0usize);
    let mut unreadable = 0usize;
    let mut text = String::new();
    let mut machine: Vec<unattend::lint::render::FileResult<'_>> = Vec::new();
    for r in &results {
        if let Some(e) = &r.error {
            eprintln!("unattend: {e}");
            code = exit::ERROR;
            unreadable += 1;
            continue;
        }
        let Some(diagnostics) = &r.diagnostics else {
            continue;
        };
        for d in diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            if d.severity >= args.fail_level.severity() && code == exit::CLEAN && !args.exit_zero {
                code = exit::PROBLEMS;
            }
        }
        match args.output_format {
            OutputFormat::Full | OutputFormat::Concise => {
                text.push_str(r.rendered.as_deref().unwrap_or_default())
            }
            _ => machine.push(render::FileResult {
                path: &r.display,
                diagnostics,
            }),
        }
    }
    match args.output_format {
        OutputFormat::Json => text = render::json(&machine),
        OutputFormat::JsonLines => text = render::json_lines(&machine),
        OutputFormat::Sarif => text = render::sarif(&machine),
        OutputFormat::Github => text = render::github(&machine),
        OutputFormat::Junit => text = render::junit(&machine),
        OutputFormat::Full | OutputFormat::Concise => {}
    }
    match &args.output_file {
        Some(path) => {
            if let Err(e) = crate::output::write_atomic(path, text.as_bytes()) {
                eprintln!("unattend: {}: {e}", path.display());
                return exit::ERROR;
            }
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
        }
    }
    if args.quiet {
        return code;
    }
    let files = plural(results.len() - unreadable, "file");
    let not_read = match unreadable {
        0 => String::new(),
        n => format!("; {n} could not be linted"),
    };
    if errors + warnings + infos == 0 {
        eprintln!("linted {files}: no findings{not_read}");
    } else {
        eprintln!(
            "linted {files}: {}, {}, {}{not_read}",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(infos, "info")
        );
    }
    code
}
