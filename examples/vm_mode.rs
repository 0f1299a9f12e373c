//! The `vm-mode` preset: `sysprep /generalize /oobe /mode:vm /shutdown` for a
//! VHD redeployed on the same hypervisor; copy the file to
//! `%WINDIR%\Panther\Unattend.xml` first. Prints the answer file on standard
//! output and the sysprep command on standard error.
//!
//! ```sh
//! ADMIN_PASSWORD=… cargo run --example vm_mode > Unattend.xml
//! ```

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let options = PresetOptions {
        // No default password: from the environment, or none at all.
        password: std::env::var("ADMIN_PASSWORD").ok(),
        ..PresetOptions::default()
    };
    let preset = Preset::VmMode;
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
