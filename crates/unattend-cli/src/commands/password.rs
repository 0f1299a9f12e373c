//! `unattend password encode|decode`: Windows SIM-style hidden passwords.
//!
//! A hidden password is base64 of UTF-16LE(password + element name). This
//! is obfuscation, not encryption: anyone can decode it.

use std::io::{BufRead, IsTerminal};

use crate::exit;

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Action {
    /// Read a password on standard input and print its hidden form.
    Encode,
    /// Read a hidden value on standard input and print the password.
    Decode,
}

/// Arguments of `unattend password`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// `encode` or `decode`.
    #[arg(value_enum)]
    action: Action,
    /// The element the value goes in: `Password` (accounts, AutoLogon),
    /// `AdministratorPassword`, `OfflineAdministratorPassword`. Required to
    /// encode (the name is part of the hidden value); decoding without it strips whichever of
    /// these names the text ends with, and refuses text that ends with none.
    #[arg(long)]
    element: Option<String>,
}

/// One line from standard input, without its line end; prompts on a terminal.
pub(crate) fn read_line(prompt: &str) -> std::io::Result<String> {
    if std::io::stdin().is_terminal() {
        eprint!("{prompt}");
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

pub(crate) fn run(args: &Args) -> u8 {
    match args.action {
        Action::Encode => {
            // The element name is part of the encoded text: a default would
            // silently make AdministratorPassword values Setup cannot read.
            let Some(element) = args.element.as_deref() else {
                eprintln!(
                    "unattend: password encode needs --element: Password (accounts, AutoLogon), AdministratorPassword or OfflineAdministratorPassword; the name is part of the hidden value"
                );
                return exit::ERROR;
            };
            let password = match read_line("Password (input is visible): ") {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("unattend: standard input: {e}");
                    return exit::ERROR;
                }
            };
            match unattend::password::hide(&password, element) {
                Ok(value) => crate::output::outln!("{value}"),
                Err(e) => {
                    eprintln!("unattend: {e} (standard input held no password)");
                    return exit::PROBLEMS;
                }
            }
            eprintln!(
                "note: write it as <Value>…</Value> with <PlainText>false</PlainText> in <{element}>; this is obfuscation, not encryption"
            );
            exit::CLEAN
        }
        Action::Decode => {
            let value = match read_line("Hidden value: ") {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("unattend: standard input: {e}");
                    return exit::ERROR;
                }
            };
            match unattend::password::reveal(value.trim(), args.element.as_deref()) {
                Ok(revealed) => {
                    crate::output::outln!("{}", revealed.password);
                    if args.element.is_none() {
                        eprintln!(
                            "note: hidden for <{}> (the suffix stripped); --element names another",
                            revealed.element
                        );
                    }
                    exit::CLEAN
                }
                Err(e @ unattend::password::PasswordError::MissingSuffix { .. }) => {
                    eprintln!("unattend: {e}");
                    exit::PROBLEMS
                }
                Err(e) => {
                    eprintln!("unattend: not a hidden password: {e}");
                    exit::PROBLEMS
                }
            }
        }
    }
}
