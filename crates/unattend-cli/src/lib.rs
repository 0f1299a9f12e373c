//! `unattend`: check, lint, build and edit Windows answer files.
//!
//! The command line only parses arguments, reads files and prints; every
//! behaviour lives in the `unattend` library. It is a library itself so that
//! two thin binaries can share it: `unattend` in the repository's root package
//! (what `cargo install --path .` and pre-commit install) and `unattend-cli`
//! in this package (what this package's tests run).

mod commands;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit codes shared by every command.
pub(crate) mod exit {
    /// No problem found.
    pub const CLEAN: u8 = 0;
    /// Problems found in the inputs.
    pub const PROBLEMS: u8 = 1;
    /// Usage, configuration or I/O error (also: an internal error).
    pub const ERROR: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "unattend",
    bin_name = "unattend",
    version,
    about = "Check and edit Windows answer files (Unattend.xml / Autounattend.xml).",
    after_help = "Examples:\n  unattend check Autounattend.xml\n  unattend check answer-files/*.xml\n  cat Unattend.xml | unattend check -\n  unattend catalog Microsoft-Windows-Deployment/Generalize/Mode\n  unattend lint Autounattend.xml\n  unattend explain UA201\n\nExit codes: 0 clean, 1 problems found, 2 usage or I/O error."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read answer files and report anything that keeps them from being read:
    /// malformed XML, encoding contradictions, a root that is not <unattend>.
    #[command(
        after_help = "Examples:\n  unattend check Unattend.xml\n  unattend check a.xml b.xml\n  unattend check - < Unattend.xml\n\nEach problem prints as path:line:column: message.\nExit codes: 0 clean, 1 problems found, 2 usage or I/O error."
    )]
    Check(commands::check::Args),
    /// Show what the catalog knows: every component, one component's
    /// settings tree, or every fact of one setting.
    #[command(
        after_help = "Examples:\n  unattend catalog\n  unattend catalog Microsoft-Windows-Deployment\n  unattend catalog Microsoft-Windows-Deployment/Generalize/Mode\n  unattend catalog microsoft-windows-shell-setup/oobe --format json\n\nNames ignore case. Exit codes: 0 found, 2 unknown name or usage error."
    )]
    Catalog(commands::catalog::Args),
    /// Run every rule over answer files and report findings with their
    /// place in the file.
    #[command(
        after_help = "Examples:\n  unattend lint Autounattend.xml\n  unattend lint --output-format concise answer-files/*.xml\n  unattend lint --fail-level warning Unattend.xml\n  cat Unattend.xml | unattend lint - --stdin-filename Unattend.xml\n\nConfiguration: the nearest unattend.toml above each file (see `unattend explain` for rules).\nExit codes: 0 no finding at --fail-level or above, 1 findings, 2 usage, configuration or I/O error,\nor no answer file in the paths given (a folder without any is named on stderr)."
    )]
    Lint(commands::lint::Args),
    /// Show a rule's documentation: what it checks, why, an example, the fix.
    #[command(
        after_help = "Examples:\n  unattend explain UA201\n  unattend explain setting-not-valid-in-pass"
    )]
    Explain(commands::explain::ExplainArgs),
    /// Print the value of one setting.
    #[command(
        after_help = "Examples:\n  unattend get Unattend.xml specialize/Microsoft-Windows-Shell-Setup/ComputerName\n  unattend get Unattend.xml specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=2]/Path\n  unattend get --arch x86 Unattend.xml oobeSystem/Microsoft-Windows-International-Core/UILanguage\n\nSecrets (passwords, product keys) print only with --show-secrets.\nExit codes: 0 printed, 1 not set, 2 usage or I/O error."
    )]
    Get(commands::edit::GetArgs),
    /// Set settings in place with a minimal diff, creating the pass, component,
    /// containers and list items they need.
    #[command(
        after_help = "Examples:\n  unattend set Unattend.xml specialize/Microsoft-Windows-Shell-Setup/ComputerName=WS-042\n  unattend set Unattend.xml 'specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=2]/Path=cmd /c exit 0'\n  unattend set --dry-run Autounattend.xml oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=UTC\n  printf '%s' \"$ADMIN_PASSWORD\" | unattend set --value-stdin Unattend.xml oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value\n\nPaths are checked against the catalog and the result against the linter before anything is written;\na password whose PlainText is false is stored hidden. Only the changed bytes differ; the file is\nreplaced atomically (through symbolic links, keeping its permissions).\nExit codes: 0 written, 1 the file does not parse or the linter refuses the edit, 2 usage, unknown path,\nwrite-protected file or I/O error (nothing written unless --force)."
    )]
    Set(commands::edit::SetArgs),
    /// Lay answer files out canonically: passes in processing order, component
    /// attributes in Microsoft's order, consistent indentation; comments,
    /// values and unknown elements are kept byte for byte.
    #[command(
        after_help = "Examples:\n  unattend fmt Unattend.xml\n  unattend fmt --check images/*.xml\n  unattend fmt --diff --indent 4 Autounattend.xml\n\nFiles are replaced atomically, through symbolic links, keeping their permissions; write-protected\nfiles only with --force.\nExit codes: 0 formatted (or nothing to do), 1 --check/--diff found files to reformat, 2 unreadable,\nmalformed or write-protected file."
    )]
    Fmt(commands::fmt::Args),
    /// Compare two answer files setting by setting: what was added, removed
    /// or changed, by path (pass/component[arch]/setting/…), ignoring layout,
    /// attribute order, comments and the order of passes and components.
    #[command(
        after_help = "Examples:\n  unattend diff old/Unattend.xml Unattend.xml\n  git show main:Unattend.xml | unattend diff - Unattend.xml\n  unattend diff --output-format json a.xml b.xml\n\nSecrets (passwords, product keys) show as (hidden).\nExit codes: 0 equivalent, 1 different, 2 a file cannot be read or is not an answer file."
    )]
    Diff(commands::diff::DiffArgs),
    /// Print one `path = value` line per setting (secrets hidden), sorted:
    /// a git textconv that makes `git diff` show setting-level changes.
    #[command(
        after_help = "Examples:\n  unattend flatten Unattend.xml\n  git config diff.unattend.textconv 'unattend flatten --raw-fallback'\n  echo '*unattend*.xml diff=unattend' >> .gitattributes\n\nExit codes: 0 printed, 2 the file cannot be read or is not an answer file (with --raw-fallback: printed unchanged, 0)."
    )]
    Flatten(commands::diff::FlattenArgs),
    /// Hide a password the way Windows SIM does (PlainText=false), or reveal one.
    /// This is obfuscation, not encryption.
    #[command(
        after_help = "Examples:\n  printf '%s' \"$ADMIN_PASSWORD\" | unattend password encode --element AdministratorPassword\n  echo 'UABhAHMAcwB3AG8AcgBkAA==' | unattend password decode\n\nThe password is read from standard input (a prompt on a terminal), never from the command line.\nDecoding strips the element name the text ends with (Password, AdministratorPassword,\nOfflineAdministratorPassword, or --element) and prints nothing when it ends with none.\nExit codes: 0 done, 1 empty password, or the value does not decode for that element, 2 I/O error."
    )]
    Password(commands::password::Args),
    /// Write an answer file from a TOML, YAML or JSON spec, checked by the linter.
    #[command(
        after_help = "Examples:\n  unattend build image.yaml -o Unattend.xml\n  ADMIN_PASSWORD=… unattend build --hide-secrets image.toml -o Unattend.xml\n  unattend build image.json > Unattend.xml\n\nSecrets: any string may be { env = \"NAME\" } or { file = \"path\" } instead of a literal.\nA component's processorArchitecture may be a list: one component per architecture.\nExit codes: 0 written, 1 spec or lint errors (nothing written), 2 usage or I/O error."
    )]
    Build(commands::spec::BuildArgs),
    /// Write the spec (TOML, YAML or JSON) of an existing answer file.
    #[command(
        after_help = "Examples:\n  unattend convert Unattend.xml -o image.yaml\n  unattend convert Autounattend.xml --format json\n\n`unattend build` of the spec gives back an equivalent answer file."
    )]
    Convert(commands::spec::ConvertArgs),
    /// Print a JSON Schema (for editor completion): `config` (unattend.toml) or `spec`.
    #[command(
        after_help = "Examples:\n  unattend schema config > schemas/unattend-config.schema.json\n  unattend schema spec > schemas/unattend-spec.schema.json\n\nIn YAML specs: # yaml-language-server: $schema=./schemas/unattend-spec.schema.json\nIn TOML files: #:schema ./schemas/unattend-spec.schema.json"
    )]
    Schema(commands::misc::SchemaArgs),
    /// Write a ready-made answer file (or its spec) from a preset, and print
    /// the sysprep command it is meant for.
    #[command(
        after_help = "Examples:\n  unattend new --list\n  unattend new --preset generalize-oobe -o Unattend.xml                 (asks for the password)\n  printf '%s' \"$ADMIN_PASSWORD\" | unattend new --preset generalize-oobe --password-stdin -o Unattend.xml\n  unattend new --preset generalize-oobe --edition server --no-password -o Unattend.xml\n  unattend new --preset cloudbase-init -o Unattend.xml                  (Server, no password, like Cloudbase-Init's own file)\n  unattend new --preset audit-mode --copy-profile --password-stdin -o Unattend.xml < admin.txt\n  unattend new --preset autounattend-uefi --product-key enterprise --image-name 'Windows 11 Enterprise' --no-password -o Autounattend.xml\n\nThe sysprep command (and where the file goes) is printed on standard error.\nThere is no default password: on a terminal `new` asks for it (no echo); otherwise give\n--password-stdin or --no-password (cloudbase-init writes none unless --password-stdin).\nExit codes: 0 written, 1 lint errors after --set (nothing written), 2 unknown preset, no password\nchoice without a terminal, usage or I/O error (nothing written)."
    )]
    New(commands::new::Args),
    /// Print the sysprep command a file is meant for, and check the file against it.
    #[command(
        after_help = "Examples:\n  unattend sysprep Unattend.xml\n  unattend sysprep --sysprep \"/generalize /oobe /mode:vm /shutdown\" Unattend.xml\n\nThe command is printed on standard output; findings (passes the run never processes,\ndrivers kept without /generalize, invalid option combinations) on standard error.\nExit codes: 0 fine, 1 errors, 2 I/O error."
    )]
    Sysprep(commands::sysprep::Args),
    /// Run the language server over standard input and output (diagnostics,
    /// hover, completion, formatting and quick fixes in any LSP editor).
    #[command(
        after_help = "Examples:\n  unattend server\n\nStarted by the editor, not by hand: see the README section \"In your editor\".\nExit codes: 0 after the editor's shutdown and exit, 2 protocol or I/O error."
    )]
    Server,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  unattend completions bash > /etc/bash_completion.d/unattend\n  unattend completions zsh > ~/.zfunc/_unattend\n  unattend completions fish > ~/.config/fish/completions/unattend.fish\n  unattend completions powershell >> $PROFILE"
    )]
    Completions(commands::misc::CompletionsArgs),
    /// List every rule with its code, name, default severity and summary.
    #[command(after_help = "Examples:\n  unattend rules\n  unattend rules --format json")]
    Rules(commands::explain::RulesArgs),
}

/// Runs the command line with the process's arguments and returns its exit
/// code (0 clean, 1 problems found, 2 usage, I/O or internal error).
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() {
                exit::ERROR
            } else {
                exit::CLEAN
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    // A bug must never end in a panic's exit code 101 or a half-written
    // output: report it as an internal error instead, without a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "unattend: internal error{place}; please report this with the input that caused it"
        );
    }));
    let result = std::panic::catch_unwind(|| match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Catalog(args) => commands::catalog::run(&args),
        Command::Lint(args) => commands::lint::run(&args),
        Command::Explain(args) => commands::explain::explain(&args),
        Command::Rules(args) => commands::explain::rules(&args),
        Command::Get(args) => commands::edit::get(&args),
        Command::Schema(args) => commands::misc::schema(&args),
        Command::Fmt(args) => commands::fmt::run(&args),
        Command::Diff(args) => commands::diff::run(&args),
        Command::Flatten(args) => commands::diff::flatten(&args),
        Command::Password(args) => commands::password::run(&args),
        Command::Build(args) => commands::spec::build(&args),
        Command::Sysprep(args) => commands::sysprep::run(&args),
        Command::New(args) => commands::new::run(&args),
        Command::Convert(args) => commands::spec::convert(&args),
        Command::Completions(args) => commands::misc::completions(&args),
        Command::Set(args) => commands::edit::set(&args),
        Command::Server => match unattend_lsp::run_stdio() {
            Ok(()) => exit::CLEAN,
            Err(e) => {
                eprintln!("unattend server: {e}");
                exit::ERROR
            }
        },
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(_) => ExitCode::from(exit::ERROR),
    }
}
