//! The `generalize-oobe` preset: a generic golden image whose clones each get
//! a new SID and an OOBE that asks nothing (a local administrator account on
//! client editions). Prints the answer file on standard output and the
//! sysprep command on standard error.
//!
//! ```sh
//! ADMIN_PASSWORD=… cargo run --example generalize_oobe > Unattend.xml
//! EDITION=server ADMIN_PASSWORD=… cargo run --example generalize_oobe > Unattend.xml
//! ```
//!
//! Without `ADMIN_PASSWORD` the file holds no password (the note on standard
//! error says what that means for OOBE).

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let options = PresetOptions {
        computer_name: "*".into(), // a random name on every clone
        user: "Admin".into(),      // client edition: the local administrator account
        // No default password: from the environment, or none at all.
        edition: std::env::var("EDITION").ok().and_then(|e| e.parse().ok()),
        password: std::env::var("ADMIN_PASSWORD").ok(),
        ..PresetOptions::default()
    };
    let preset = Preset::GeneralizeOobe;
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
