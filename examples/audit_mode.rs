//! The `audit-mode` preset: `sysprep /audit /reboot` enters audit mode, which
//! signs the built-in Administrator in by itself (AutoLogon in auditSystem),
//! runs the customisation commands, then generalizes to OOBE and shuts down.
//! Prints the answer file on standard output and the sysprep command on
//! standard error.
//!
//! ```sh
//! ADMIN_PASSWORD=… cargo run --example audit_mode > Unattend.xml
//! ```

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let options = PresetOptions {
        audit_commands: vec![
            // Exit code 1 restarts and goes on, 2 restarts and runs it again.
            r"cmd.exe /c if exist C:\Setup\customize.cmd call C:\Setup\customize.cmd".into(),
        ],
        copy_profile: true, // the customised Administrator profile becomes the default profile
        // No default password: from the environment, or none at all.
        password: std::env::var("ADMIN_PASSWORD").ok(),
        ..PresetOptions::default()
    };
    let preset = Preset::AuditMode;
    print!("{}", preset.to_xml(&options));
    match preset.sysprep_command(&options, preset.file_name()) {
        Some(cmd) => eprintln!("sysprep command: {cmd}"),
        None => eprintln!("no sysprep command: {}", preset.notes()),
    }
    if options.password.is_none() {
        eprintln!(
            "note: {}",
            preset.no_password_note(preset.edition(&options), &options.user)
        );
    }
}
