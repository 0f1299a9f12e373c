//! `unattend completions SHELL` and `unattend schema config`.

use clap::CommandFactory;

use crate::exit;

/// Shells completions are generated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// Arguments of `unattend completions`.
#[derive(Debug, clap::Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: Shell,
}

pub(crate) fn completions(args: &CompletionsArgs) -> u8 {
    let mut cmd = crate::Cli::command();
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "unattend", &mut script);
    crate::output::out!("{}", String::from_utf8_lossy(&script));
    exit::CLEAN
}

/// Which schema `unattend schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SchemaKind {
    /// `unattend.toml`, the linter's configuration.
    Config,
    /// The TOML/YAML/JSON spec of `unattend build`.
    Spec,
}

/// Arguments of `unattend schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct SchemaArgs {
    /// The schema to print.
    #[arg(value_enum)]
    kind: SchemaKind,
}

pub(crate) fn schema(args: &SchemaArgs) -> u8 {
    let text = match args.kind {
        SchemaKind::Config => unattend::lint::config_schema(),
        SchemaKind::Spec => unattend::spec::schema(),
    };
    crate::output::out!("{text}");
    exit::CLEAN
}
