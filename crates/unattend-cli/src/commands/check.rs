//! `unattend check FILE...`: can these files be read as answer files?

use std::path::PathBuf;

use unattend::document::{Document, EncodingFinding};
use unattend::model::Unattend;

use crate::exit;
use crate::output;

/// Arguments of `unattend check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Answer files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Print only problems, no summary line.
    #[arg(short, long)]
    quiet: bool,
}

/// One problem in one file.
struct Problem {
    line: u32,
    column: u32,
    message: String,
}

/// Everything that keeps these bytes from being read as an answer file.
fn check_bytes(bytes: &[u8]) -> Vec<Problem> {
    let doc = match Document::parse(bytes) {
        Ok(doc) => doc,
        Err(e) => {
            return vec![Problem {
                line: e.position.line,
                column: e.position.column,
                message: e.message,
            }];
        }
    };
    let mut problems: Vec<Problem> = doc
        .encoding_findings()
        .iter()
        .map(|f| {
            let (offset_pos, message) = match f {
                EncodingFinding::DeclarationMismatch {
                    declared,
                    actual,
                    span,
                } => (
                    doc.line_col(span.start as usize),
                    format!(
                        "the declaration says encoding=\"{declared}\" but the file is {actual}"
                    ),
                ),
                EncodingFinding::UnknownLabel { declared, span } => (
                    doc.line_col(span.start as usize),
                    format!("unknown encoding \"{declared}\""),
                ),
                EncodingFinding::InvalidUtf8 {
                    position, read_as, ..
                } => (
                    *position,
                    format!(
                        "bytes that are not valid UTF-8 (read as {read_as}); save the file as UTF-8"
                    ),
                ),
                other => (doc.line_col(0), format!("{other:?}")),
            };
            Problem {
                line: offset_pos.line,
                column: offset_pos.column,
                message,
            }
        })
        .collect();
    if let Err(e) = Unattend::from_document(&doc) {
        problems.push(Problem {
            line: e.position.line,
            column: e.position.column,
            message: e.message,
        });
    }
    problems
}

pub(crate) fn run(args: &Args) -> u8 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut code = exit::CLEAN;
    let mut problem_count = 0usize;
    let mut files_with_problems = 0usize;
    let mut unreadable = 0usize;
    for path in &args.files {
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let bytes = match output::read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("unattend: {e}");
                code = exit::ERROR;
                unreadable += 1;
                continue;
            }
        };
        let problems = check_bytes(&bytes);
        for p in &problems {
            output::line(
                &mut out,
                &format!("{name}:{}:{}: {}", p.line, p.column, p.message),
            );
        }
        problem_count += problems.len();
        files_with_problems += usize::from(!problems.is_empty());
    }
    if !args.quiet {
        let files = args.files.len() - unreadable;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let not_read = match unreadable {
            0 => String::new(),
            n => format!("; {n} could not be read"),
        };
        if problem_count == 0 {
            eprintln!("checked {}: no problems{not_read}", plural(files, "file"));
        } else {
            eprintln!(
                "checked {}: {} in {}{not_read}",
                plural(files, "file"),
                plural(problem_count, "problem"),
                plural(files_with_problems, "file")
            );
        }
    }
    if problem_count > 0 && code == exit::CLEAN {
        code = exit::PROBLEMS;
    }
    code
}
