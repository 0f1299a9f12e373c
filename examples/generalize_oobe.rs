//! The `generalize-oobe` preset: a generic golden image whose clones each get
//! a new SID and an OOBE that asks nothing. Prints the answer file on
//! standard output and the sysprep command on standard error.
//!
//! ```sh
//! ADMIN_PASSWORD=… cargo run --example generalize_oobe > Unattend.xml
//! ```
//!
//! Without `ADMIN_PASSWORD` the file carries the public placeholder password.

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let mut options = PresetOptions {
        time_zone: "UTC".into(),
        computer_name: "*".into(), // a random name on every clone
        ..PresetOptions::default()
    };
    if let Ok(password) = std::env::var("ADMIN_PASSWORD") {
        options.administrator_password = password;
    }
    let preset = Preset::GeneralizeOobe;
    print!("{}", preset.to_xml(&options));
    if let Some(cmd) = preset.sysprep() {
        eprintln!("sysprep command: {cmd}");
    }
    if options.uses_placeholder_password() {
        eprintln!(
            "warning: the administrator password is the public placeholder; set ADMIN_PASSWORD"
        );
    }
}
