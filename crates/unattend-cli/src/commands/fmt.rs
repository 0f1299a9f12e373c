//! `unattend fmt [--check] [--diff] FILE...`.

use std::path::PathBuf;

use unattend::document::{Document, Span, TextEdit};
use unattend::format::{FormatOptions, format};

use crate::exit;
use crate::output;

/// Arguments of `unattend fmt`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Answer files to format in place.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Change nothing; exit 1 when a file would be reformatted.
    #[arg(long)]
    check: bool,
    /// Change nothing; print what would change as a unified diff (exit 1 if anything would).
    #[arg(long)]
    diff: bool,
    /// Indentation: a number of spaces, or `tab`.
    #[arg(long, default_value = "2", value_parser = parse_indent)]
    indent: String,
    /// Replace write-protected files too.
    #[arg(long)]
    force: bool,
}

fn parse_indent(s: &str) -> Result<String, String> {
    match s {
        "tab" => Ok("\t".to_string()),
        n => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= 8)
            .map(|n| " ".repeat(n))
            .ok_or_else(|| "expected a number of spaces (0-8) or `tab`".to_string()),
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let options = FormatOptions {
        indent: args.indent.clone(),
    };
    let mut code = exit::CLEAN;
    for path in &args.files {
        let bytes = match output::read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("unattend: {e}");
                code = exit::ERROR;
                continue;
            }
        };
        let mut doc = match Document::parse(&bytes) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{}:{e}", path.display());
                code = exit::ERROR;
                continue;
            }
        };
        let formatted = format(&doc, &options);
        if formatted == doc.text() {
            continue;
        }
        if args.check || args.diff {
            if args.diff {
                let name = path.display().to_string();
                let diff = similar::TextDiff::from_lines(doc.text(), &formatted);
                crate::output::out!(
                    "{}",
                    diff.unified_diff().context_radius(3).header(&name, &name)
                );
            } else {
                crate::output::outln!("would reformat {}", path.display());
            }
            if code == exit::CLEAN {
                code = exit::PROBLEMS;
            }
            continue;
        }
        let whole = Span {
            start: 0,
            end: doc.text().len() as u32,
        };
        let written = doc
            .apply_edits(vec![TextEdit {
                span: whole,
                replacement: formatted,
            }])
            .map_err(|e| e.to_string())
            .and_then(|()| doc.to_bytes().map_err(|e| e.to_string()))
            .and_then(|b| {
                output::replace_file(path, &b, args.force)
                    .map_err(|e| output::describe_write_error(&e))
            });
        match written {
            Ok(()) => eprintln!("formatted {}", path.display()),
            Err(e) => {
                eprintln!("unattend: {}: {e} (file unchanged)", path.display());
                code = exit::ERROR;
            }
        }
    }
    code
}
