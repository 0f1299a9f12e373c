//! The `autounattend-bios` preset: install media for BIOS machines (MBR: an
//! active 350 MB System partition and a Windows partition on disk 0, image
//! index 1). Prints the answer file on standard output; save it as
//! `Autounattend.xml` at the root of the USB drive or ISO. It wipes the
//! target disk.
//!
//! ```sh
//! cargo run --example autounattend_bios > Autounattend.xml
//! ```

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let mut options = PresetOptions {
        disk_id: 0,
        image_index: 1,
        ..PresetOptions::default()
    };
    if let Ok(password) = std::env::var("ADMIN_PASSWORD") {
        options.administrator_password = password;
    }
    let preset = Preset::AutounattendBios;
    print!("{}", preset.to_xml(&options));
    match preset.sysprep() {
        Some(cmd) => eprintln!("sysprep command: {cmd}"),
        None => eprintln!("no sysprep command: {}", preset.notes()),
    }
    if options.uses_placeholder_password() {
        eprintln!(
            "warning: the administrator password is the public placeholder; set ADMIN_PASSWORD"
        );
    }
}
