//! The `cloudbase-init` preset: a cloud image with Cloudbase-Init (Windows
//! Server by default), drivers kept, Cloudbase-Init run in specialize, no
//! administrator password (the cloud's metadata password goes to the user
//! Cloudbase-Init manages). Prints the answer file on standard output and
//! the sysprep command on standard error.
//!
//! ```sh
//! cargo run --example cloudbase_init > Unattend.xml
//! ADMIN_PASSWORD=… cargo run --example cloudbase_init > Unattend.xml   # adds one
//! ```

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let options = PresetOptions {
        cloudbase_init_dir: unattend::presets::CLOUDBASE_INIT_DIR.into(),
        // No default password: from the environment, or none at all.
        password: std::env::var("ADMIN_PASSWORD").ok(),
        ..PresetOptions::default()
    };
    let preset = Preset::CloudbaseInit;
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
