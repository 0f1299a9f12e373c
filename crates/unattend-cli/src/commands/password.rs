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
    /// `AdministratorPassword`, `OfflineAdministratorPassword`.
    #[arg(long, default_value = "Password")]
    element: String,
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
            let password = match read_line("Password (input is visible): ") {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("unattend: standard input: {e}");
                    return exit::ERROR;
                }
            };
            crate::output::outln!("{}", unattend::password::encode(&password, &args.element));
            eprintln!(
                "note: write it as <Value>…</Value> with <PlainText>false</PlainText> in <{}>; this is obfuscation, not encryption",
                args.element
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
            match unattend::password::decode(value.trim()) {
                Ok(text) => match text.strip_suffix(args.element.as_str()) {
                    Some(password) => {
                        crate::output::outln!("{password}");
                        exit::CLEAN
                    }
                    None => {
                        eprintln!(
                            "unattend: the decoded text does not end with {:?}: it was hidden for another element (see --element), or Windows will not accept it",
                            args.element
                        );
                        exit::PROBLEMS
                    }
                },
                Err(e) => {
                    eprintln!("unattend: not a hidden password: {e}");
                    exit::PROBLEMS
                }
            }
        }
    }
}
