//! The `audit-mode` preset: `sysprep /audit /reboot` enters audit mode, the
//! auditUser pass runs customisation commands, then the file generalizes the
//! image to OOBE and shuts the machine down by itself. Prints the answer file
//! on standard output and the first sysprep command (and what follows) on
//! standard error.
//!
//! ```sh
//! cargo run --example audit_mode > Unattend.xml
//! ```

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let mut options = PresetOptions {
        // Run one after the other in audit mode, before generalizing.
        audit_commands: vec![
            r"cmd.exe /c if exist C:\Setup\customize.cmd call C:\Setup\customize.cmd".into(),
        ],
        ..PresetOptions::default()
    };
    if let Ok(password) = std::env::var("ADMIN_PASSWORD") {
        options.administrator_password = password;
    }
    let preset = Preset::AuditMode;
    print!("{}", preset.to_xml(&options));
    if let Some(cmd) = preset.sysprep() {
        eprintln!("sysprep command (first run): {cmd}");
    }
    eprintln!("{}", preset.notes());
    if options.uses_placeholder_password() {
        eprintln!(
            "warning: the administrator password is the public placeholder; set ADMIN_PASSWORD"
        );
    }
}
