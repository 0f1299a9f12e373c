//! The `autounattend-uefi` preset: install media for UEFI machines
//! (Microsoft's GPT layout on disk 0: EFI 260 MB, MSR 16 MB, Windows,
//! Recovery). Prints the answer file on standard output; save it as
//! `Autounattend.xml` at the root of the USB drive or ISO. It wipes the
//! target disk.
//!
//! ```sh
//! ADMIN_PASSWORD=… cargo run --example autounattend_uefi > Autounattend.xml
//! ```

use unattend::presets::{GenericKey, Preset, PresetOptions, ProductKey};

fn main() {
    let options = PresetOptions {
        disk_id: 0,
        // `dism /Get-ImageInfo /ImageFile:sources\install.wim` lists the images;
        // without one, the product key picks the edition (Microsoft's generic
        // Pro key on client media).
        image: None,
        product_key: Some(ProductKey::Generic(GenericKey::Pro)),
        // No default password: from the environment, or none at all.
        password: std::env::var("ADMIN_PASSWORD").ok(),
        ..PresetOptions::default()
    };
    let preset = Preset::AutounattendUefi;
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
