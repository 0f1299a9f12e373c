//! The `autounattend-bios` preset: install media for BIOS machines
//! (Microsoft's MBR layout on disk 0: System 100 MB active, Windows,
//! Recovery type 0x27), here for Windows Server: image index 2. Prints the
//! answer file on standard output; save it as `Autounattend.xml` at the root
//! of the USB drive or ISO. It wipes the target disk.
//!
//! ```sh
//! ADMIN_PASSWORD=… cargo run --example autounattend_bios > Autounattend.xml
//! ```

use unattend::presets::{Edition, ImageSelector, Preset, PresetOptions};

fn main() {
    let options = PresetOptions {
        edition: Some(Edition::Server),
        disk_id: 0,
        image: Some(ImageSelector::Index(2)), // Standard (Desktop Experience) on Microsoft's media
        // No default password: from the environment, or none at all.
        password: std::env::var("ADMIN_PASSWORD").ok(),
        ..PresetOptions::default()
    };
    let preset = Preset::AutounattendBios;
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
