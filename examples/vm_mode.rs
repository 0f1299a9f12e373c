//! The `vm-mode` preset, for `sysprep /generalize /oobe /mode:vm /shutdown`.
//! VM mode admits no `/unattend`, so the file must be where Windows finds it
//! on its own: `%WINDIR%\Panther\Unattend.xml`. Prints the answer file on
//! standard output and the command and placement on standard error.
//!
//! ```sh
//! cargo run --example vm_mode > Unattend.xml
//! ```

use unattend::presets::{Preset, PresetOptions};

fn main() {
    let mut options = PresetOptions::default();
    if let Ok(password) = std::env::var("ADMIN_PASSWORD") {
        options.administrator_password = password;
    }
    let preset = Preset::VmMode;
    print!("{}", preset.to_xml(&options));
    if let Some(cmd) = preset.sysprep() {
        eprintln!("sysprep command: {cmd}");
    }
    eprintln!("{}", preset.notes());
    if options.uses_placeholder_password() {
        eprintln!(
            "warning: the administrator password is the public placeholder; set ADMIN_PASSWORD"
        );
    }
}
