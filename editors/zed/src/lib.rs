//! Zed extension: registers `unattend server` as a language server for XML
//! files. The command is `unattend` on the worktree's `PATH`, or the
//! `lsp.unattend.binary` of the user's settings.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct UnattendExtension;

impl zed::Extension for UnattendExtension {
    fn new() -> Self {
        UnattendExtension
    }

    fn language_server_command(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.binary);
        let path = binary.as_ref().and_then(|b| b.path.clone());
        let command = match path.or_else(|| worktree.which("unattend")) {
            Some(command) => command,
            None => {
                return Err(
                    "unattend is not on PATH: install it (cargo install unattend-cli) \
                            or set lsp.unattend.binary.path"
                        .to_string(),
                )
            }
        };
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["server".to_string()]);
        let mut env = worktree.shell_env();
        if let Some(extra) = binary.and_then(|b| b.env) {
            env.extend(extra);
        }
        Ok(zed::Command { command, args, env })
    }
}

zed::register_extension!(UnattendExtension);
