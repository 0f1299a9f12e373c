//! Specs: an answer file as TOML, YAML or JSON (the serde form of
//! `unattend::model::Unattend`, described by schemas/unattend-spec.schema.json).
//! `unattend build SPEC` writes the answer file; `unattend convert FILE`
//! writes the spec of an existing one.
//!
//! Two conveniences are resolved before the spec is typed: a string value
//! may be `{ env = "NAME" }` or `{ file = "path" }` (secrets stay out of the
//! spec), and a component's `processorArchitecture` (or `arch`) may be a
//! list, which emits the component once per architecture.

use std::path::{Path, PathBuf};

use serde_json::Value;
use unattend::document::{Document, LineIndex};
use unattend::model::{Unattend, WriteOptions};

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
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A spec problem with its place in the spec file.
fn at(
    path: &Path,
    text: &str,
    offset: Option<usize>,
    line_col: Option<(u64, u64)>,
    message: &str,
) -> String {
    let (line, col) = match (line_col, offset) {
        (Some(lc), _) => lc,
        (None, Some(o)) => {
            let lc = LineIndex::new(text).line_col(text, o.min(text.len()));
            (u64::from(lc.line), u64::from(lc.column))
        }
        (None, None) => (1, 1),
    };
    format!("{}:{line}:{col}: {message}", path.display())
}

/// Where a key path (`settings.0.components.1.Reseal`) most likely is in the
/// spec text: each named segment searched after the previous one.
fn locate(text: &str, path: &str) -> Option<usize> {
    let mut from = 0;
    let mut found = None;
    for seg in path.split('.') {
        // `settings[0]` → `settings`; bare indexes and unknown parts carry no name.
        let seg = seg.split('[').next().unwrap_or_default().trim_matches('"');
        if seg.is_empty() || seg.parse::<usize>().is_ok() || seg == "?" {
            continue;
        }
        let i = text[from..].find(seg)?;
        found = Some(from + i);
        from += i + seg.len();
    }
    found
}

/// Replaces `{ env = … }` / `{ file = … }` and expands architecture lists.
fn resolve(value: &mut Value, base: &Path, path: &mut Vec<String>) -> Result<(), String> {
    match value {
        Value::Object(map)
            if map.len() == 1 && (map.contains_key("env") || map.contains_key("file")) =>
        {
            let (kind, arg) = map
                .iter()
                .next()
                .map(|(k, v)| (k.clone(), v.clone()))
                .unwrap_or_default();
            let Some(arg) = arg.as_str() else {
                return Err(format!("{}: `{kind}` needs a string", path.join(".")));
            };
            let text = if kind == "env" {
                std::env::var(arg).map_err(|_| {
                    format!("{}: environment variable {arg} is not set", path.join("."))
                })?
            } else {
                let file = base.join(arg);
                let t = output::read_file(&file)
                    .and_then(|bytes| output::utf8(&file.display().to_string(), bytes))
                    .map_err(|e| format!("{}: {e}", path.join(".")))?;
                t.trim_end_matches(['\r', '\n']).to_string()
            };
            *value = Value::String(text);
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                path.push(k.clone());
                resolve(v, base, path)?;
                path.pop();
                // A component for several architectures: one copy per architecture.
                if k == "components"
                    && let Value::Array(items) = v
                {
                    let mut expanded = Vec::with_capacity(items.len());
                    for mut item in items.drain(..) {
                        // `arch` is the short spelling of processorArchitecture.
                        if let Some(obj) = item.as_object_mut()
                            && let Some(arch) = obj.remove("arch")
                        {
                            obj.insert("processorArchitecture".to_string(), arch);
                        }
                        match item.get("processorArchitecture") {
                            Some(Value::Array(arches)) => {
                                for a in arches.clone() {
                                    let mut copy = item.clone();
                                    copy["processorArchitecture"] = a;
                                    expanded.push(copy);
                                }
                            }
                            _ => expanded.push(item),
                        }
                    }
                    *items = expanded;
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                path.push(i.to_string());
                resolve(v, base, path)?;
                path.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

/// The format of a spec, by its extension.
fn spec_format(path: &Path) -> Result<Format, String> {
    Format::of(path).ok_or_else(|| {
        format!(
            "{}: unknown spec format (use .toml, .yaml, .yml or .json)",
            path.display()
        )
    })
}

/// Types the spec `text` read from `path`; errors are `path:line:col: message`.
fn parse_spec(path: &Path, format: Format, text: &str) -> Result<Unattend, String> {
    let mut value: Value = match format {
        Format::Toml => toml::from_str(text).map_err(|e| {
            at(
                path,
                text,
                e.span().map(|s| s.start),
                None,
                e.message().trim(),
            )
        })?,
        Format::Yaml => serde_saphyr::from_str(text).map_err(|e| {
            let lc = e.location().map(|l| (l.line(), l.column()));
            at(
                path,
                text,
                None,
                lc,
                e.to_string().lines().next().unwrap_or("invalid YAML"),
            )
        })?,
        Format::Json => serde_json::from_str(text).map_err(|e| {
            at(
                path,
                text,
                None,
                Some((e.line() as u64, e.column() as u64)),
                &e.to_string(),
            )
        })?,
    };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut key_path = Vec::new();
    resolve(&mut value, &base, &mut key_path).map_err(|e| {
        let place = e.split(':').next().unwrap_or_default();
        at(path, text, locate(text, place), None, &e)
    })?;
    serde_path_to_error::deserialize::<_, Unattend>(value).map_err(|e| {
        let place = e.path().to_string();
        at(
            path,
            text,
            locate(text, &place),
            None,
            &format!("{}: {}", place, e.inner()),
        )
    })
}

/// The spec text of a model (also used by `unattend new`).
pub(crate) fn write_spec(model: &Unattend, format: Format) -> Result<String, String> {
    match format {
        Format::Toml => toml::to_string_pretty(model).map_err(|e| e.to_string()),
        Format::Yaml => serde_saphyr::to_string(model).map_err(|e| e.to_string()),
        Format::Json => serde_json::to_string_pretty(model)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
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
    /// Write passwords hidden the way Windows SIM does (PlainText=false).
    /// This is obfuscation, not encryption.
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

/// Hides every `<…Password><Value>` whose `PlainText` is true.
fn hide_passwords(doc: &mut Document) -> Result<usize, String> {
    let mut hidden = 0;
    loop {
        let target = doc.elements().find_map(|el| {
            let name = el.local_name();
            if !name.ends_with("Password") {
                return None;
            }
            let value = el.child("Value")?;
            let plain = el.child("PlainText");
            let is_plain = plain.as_ref().is_none_or(|p| {
                p.text()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("true"))
            });
            is_plain.then(|| {
                (
                    name.to_string(),
                    value.id(),
                    value.text().unwrap_or_default().into_owned(),
                    plain.map(|p| p.id()),
                    el.id(),
                )
            })
        });
        let Some((name, value_id, password, plain_id, owner)) = target else {
            return Ok(hidden);
        };
        doc.set_text(value_id, &unattend::password::encode(&password, &name))
            .map_err(|e| e.to_string())?;
        match plain_id {
            Some(p) => {
                let p = doc
                    .elements()
                    .find(|e| e.id() == p)
                    .map(|e| e.id())
                    .unwrap_or(p);
                doc.set_text(p, "false").map_err(|e| e.to_string())?;
            }
            None => {
                doc.insert_element(
                    owner,
                    unattend::document::InsertPosition::LastChild,
                    "<PlainText>false</PlainText>",
                )
                .map_err(|e| e.to_string())?;
            }
        }
        hidden += 1;
    }
}

pub(crate) fn build(args: &BuildArgs) -> u8 {
    if let Some(out) = &args.output
        && std::path::absolute(out).ok() == std::path::absolute(&args.spec).ok()
    {
        eprintln!("unattend: refusing to write the answer file over its own spec");
        return exit::ERROR;
    }
    let format = match spec_format(&args.spec) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return exit::PROBLEMS;
        }
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
    let model = match parse_spec(&args.spec, format, &spec_text) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return exit::PROBLEMS;
        }
    };
    let options = WriteOptions {
        newline: if args.crlf {
            unattend::document::Newline::CrLf
        } else {
            unattend::document::Newline::Lf
        },
        ..WriteOptions::default()
    };
    let xml = model.to_xml(&options);
    let mut doc = match Document::parse_str(&xml) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("unattend: internal error: built XML does not parse: {e}");
            return exit::ERROR;
        }
    };
    if args.hide_secrets {
        match hide_passwords(&mut doc) {
            Ok(n) if n > 0 => eprintln!(
                "hid {n} password(s) as Windows SIM does: this is obfuscation, not encryption"
            ),
            Ok(_) => {}
            Err(e) => {
                eprintln!("unattend: {e}");
                return exit::ERROR;
            }
        }
    }
    if !args.no_lint {
        let diagnostics =
            unattend::lint::lint_document(&doc, &unattend::lint::ResolvedConfig::default());
        let mut errors = 0;
        for d in &diagnostics {
            // Point into the spec: the component, then the setting names.
            let key_path = d
                .path
                .as_deref()
                .unwrap_or_default()
                .split('/')
                .filter_map(|seg| {
                    seg.strip_prefix("component[@name='")
                        .map(|n| n.trim_end_matches("']").to_string())
                        .or_else(|| {
                            (!seg.is_empty() && !seg.starts_with("settings") && seg != "unattend")
                                .then(|| seg.to_string())
                        })
                })
                .collect::<Vec<_>>()
                .join(".");
            let place = at(
                &args.spec,
                &spec_text,
                locate(&spec_text, &key_path).or(Some(0)),
                None,
                "",
            );
            eprintln!("{place}{} [{}] {}", d.code, d.severity, d.message);
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
    let bytes = doc.text().as_bytes();
    match &args.output {
        None => {
            output::out!("{}", doc.text());
            exit::CLEAN
        }
        Some(path) => match output::replace_file(path, bytes, args.force) {
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
    let text = match write_spec(&model, format) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("unattend: {e}");
            return exit::ERROR;
        }
    };
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
