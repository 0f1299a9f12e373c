//! Project automation. `cargo xtask codegen` turns the catalog data in
//! `crates/unattend/catalog/` into checked-in Rust: static lookup tables
//! (`crates/unattend/src/catalog/generated/`) and one typed struct module per
//! component (`crates/unattend/src/model/generated/`). `--check` fails when
//! the checked-in code differs from what the data produces.

mod data;
mod names;
mod output;
mod rule_docs;
mod structs;
mod tables;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask codegen [--check]\n\n  codegen          regenerate code from crates/unattend/catalog/\n  codegen --check  fail if the checked-in generated code is stale";

fn workspace_root() -> PathBuf {
    // crates/xtask → workspace root
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn codegen(check: bool) -> Result<(), String> {
    let root = workspace_root();
    let catalog = data::Catalog::load(&root)?;
    let mut files = tables::generate(&catalog, &root)?;
    files.extend(structs::generate(&catalog)?);
    files.extend(rule_docs::generate(&root)?);
    for f in &mut files {
        if f.path.extension().is_some_and(|e| e == "rs") {
            f.contents =
                output::rustfmt(&f.contents).map_err(|e| format!("{}: {e}", f.path.display()))?;
        }
    }
    output::write_or_check(
        &root,
        &files,
        &[tables::OUT_DIR, structs::OUT_DIR, rule_docs::OUT_DIR],
        check,
    )?;
    if check {
        eprintln!("generated code is up to date ({} files)", files.len());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::from(2)
        }
    }
}
