//! `unattend build SPEC` and `unattend convert FILE`: file and environment
//! I/O around `unattend::spec` (reading, checking, writing and locating
//! findings in specs all live in the library).

use std::path::{Path, PathBuf};

use unattend::document::Document;
use unattend::model::{Unattend, WriteOptions};
use unattend::spec::{ReadOptions, Secrets, WriteSpecOptions};

use crate::exit;
use crate::output;

/// Spec formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// `.toml`
    Toml,
    /// `.yaml` / `.yml`
    Yaml,
    /// `.json`
    Json,
}

impl Format {
    /// The format a file's extension names, if any.
    pub(crate) fn of(path: &Path) -> Option<Format> {
        unattend::spec::Format::of(path).and_then(|f| match f {
            unattend::spec::Format::Toml => Some(Format::Toml),
            unattend::spec::Format::Yaml => Some(Format::Yaml),
            unattend::spec::Format::Json => Some(Format::Json),
            // A format this CLI does not know yet.
            _ => None,
        })
    }

    fn lib(self) -> unattend::spec::Format {
        match self {
            Format::Toml => unattend::spec::Format::Toml,
            Format::Yaml => unattend::spec::Format::Yaml,
            Format::Json => unattend::spec::Format::Json,
        }
    }
}

/// The spec text of a model, with the schema line (also used by `unattend new`).
pub(crate) fn write_spec(model: &Unattend, format: Format) -> Result<String, String> {
    Ok(unattend::spec::write(
        model,
        format.lib(),
        &WriteSpecOptions::default(),
    ))
}

/// `{ env }` from the process environment, `{ file }` relative to the spec,
/// bounded like every input.
struct SpecSecrets {
    base: PathBuf,
}

impl Secrets for SpecSecrets {
    fn env(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }

    fn file(&self, path: &str) -> Result<String, String> {
        let file = self.base.join(path);
        output::read_file(&file).and_then(|bytes| output::utf8(&file.display().to_string(), bytes))
    }
}

/// Arguments of `unattend build`.
#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    /// The spec (.toml, .yaml, .yml or .json).
    spec: PathBuf,
    /// Where to write the answer file (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write passwords hidden the way Windows SIM does (PlainText=false), as
    /// `hidePasswords: true` in the spec does. This is obfuscation, not encryption.
    #[arg(long)]
    hide_secrets: bool,
    /// CRLF line ends (Notepad-era tools).
    #[arg(long)]
    crlf: bool,
    /// Write the file even when the linter finds errors.
    #[arg(long)]
    no_lint: bool,
    /// Replace a write-protected output file too.
    #[arg(long)]
    force: bool,
}

pub(crate) fn build(args: &BuildArgs) -> u8 {
    if let Some(out) = &args.output
        && std::path::absolute(out).ok() == std::path::absolute(&args.spec).ok()
    {
        eprintln!("unattend: refusing to write the answer file over its own spec");
        return exit::ERROR;
    }
    let Some(format) = Format::of(&args.spec) else {
        eprintln!(
            "{}: unknown spec format (use .toml, .yaml, .yml or .json)",
            args.spec.display()
        );
        return exit::PROBLEMS;
    };
    // Bounded like an answer file: an endless or huge spec is refused
    // before it is read.
    let spec_bytes = match output::read_file(&args.spec) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
    let spec_text = match output::utf8(&args.spec.display().to_string(), spec_bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return exit::PROBLEMS;
        }
    };
    let secrets = SpecSecrets {
        base: args
            .spec
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    let options = ReadOptions {
        secrets: &secrets,
        hide_passwords: args.hide_secrets,
    };
    let built = match unattend::spec::read(&spec_text, format.lib(), &options) {
        Ok(b) => b,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}:{e}", args.spec.display());
            }
            eprintln!(
                "unattend: {} problem(s) in the spec: nothing written",
                errors.len()
            );
            return exit::PROBLEMS;
        }
    };
    let write_options = WriteOptions {
        newline: if args.crlf {
            unattend::document::Newline::CrLf
        } else {
            unattend::document::Newline::Lf
        },
        ..WriteOptions::default()
    };
    let xml = built.to_xml(&write_options);
    let doc = match Document::parse_str(&xml) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("unattend: internal error: built XML does not parse: {e}");
            return exit::ERROR;
        }
    };
    if built.hidden_passwords() > 0 {
        eprintln!(
            "hid {} password(s) as Windows SIM does: this is obfuscation, not encryption",
            built.hidden_passwords()
        );
    }
    if !args.no_lint {
        let diagnostics =
            unattend::lint::lint_document(&doc, &unattend::lint::ResolvedConfig::default());
        let mut errors = 0;
        for d in &diagnostics {
            let place = built
                .locate(&doc, d)
                .map_or_else(|| "1:1".to_string(), |p| p.to_string());
            eprintln!(
                "{}:{place}: {} [{}] {}",
                args.spec.display(),
                d.code,
                d.severity,
                d.message
            );
            if d.severity == unattend::lint::Severity::Error {
                errors += 1;
            }
        }
        if errors > 0 {
            eprintln!(
                "unattend: {errors} error(s): nothing written (use --no-lint to write anyway)"
            );
            return exit::PROBLEMS;
        }
    }
    match &args.output {
        None => {
            output::out!("{xml}");
            exit::CLEAN
        }
        Some(path) => match output::replace_file(path, xml.as_bytes(), args.force) {
            Ok(()) => exit::CLEAN,
            Err(e) => {
                let e = output::describe_write_error(&e);
                eprintln!("unattend: {}: {e} (nothing written)", path.display());
                exit::ERROR
            }
        },
    }
}

/// Arguments of `unattend convert`.
#[derive(Debug, clap::Args)]
pub(crate) struct ConvertArgs {
    /// The answer file; `-` reads standard input.
    file: PathBuf,
    /// Where to write the spec; its extension picks the format (default: TOML on standard output).
    #[arg(short, long, value_name = "SPEC")]
    output: Option<PathBuf>,
    /// The format when writing to standard output.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The schema reference written at the top of the spec (a URL or a
    /// path relative to the spec; `unattend schema spec` writes the file);
    /// `none` writes none.
    #[arg(long, value_name = "URL", default_value = unattend::spec::SCHEMA_REF)]
    schema: String,
}

pub(crate) fn convert(args: &ConvertArgs) -> u8 {
    let model = match output::read_model(&args.file) {
        Ok((_, model)) => model,
        Err(code) => return code,
    };
    let format = match (&args.output, args.format) {
        (_, Some(f)) => f,
        (Some(p), None) => match Format::of(p) {
            Some(f) => f,
            None => {
                eprintln!(
                    "unattend: {}: unknown spec format (use .toml, .yaml, .yml or .json)",
                    p.display()
                );
                return exit::ERROR;
            }
        },
        (None, None) => Format::Toml,
    };
    let options = WriteSpecOptions {
        schema: (args.schema != "none").then(|| args.schema.clone()),
    };
    let text = unattend::spec::write(&model, format.lib(), &options);
    match &args.output {
        None => {
            output::out!("{text}");
            exit::CLEAN
        }
        Some(path) => match output::write_atomic(path, text.as_bytes()) {
            Ok(()) => exit::CLEAN,
            Err(e) => {
                eprintln!("unattend: {}: {e}", path.display());
                exit::ERROR
            }
        },
    }
}
