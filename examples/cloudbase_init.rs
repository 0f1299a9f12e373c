//! The `cloudbase-init` preset: the answer file of a cloud image that carries
//! Cloudbase-Init (drivers kept, `cloudbase-init-unattend.conf` run in
//! specialize, an OOBE that asks nothing). Prints the answer file on standard
//! output and the sysprep command on standard error.
//!
//! ```sh
//! cargo run --example cloudbase_init > Unattend.xml
//! ```
//!
//! On the VM, the file replaces Cloudbase-Init's own `conf\Unattend.xml`.

use unattend::presets::{CLOUDBASE_INIT_DIR, Preset, PresetOptions};

fn main() {
    let mut options = PresetOptions {
        // Where the Cloudbase-Init MSI installed itself.
        cloudbase_init_dir: CLOUDBASE_INIT_DIR.into(),
        ..PresetOptions::default()
    };
    if let Ok(password) = std::env::var("ADMIN_PASSWORD") {
        options.administrator_password = password;
    }
    let preset = Preset::CloudbaseInit;
    print!("{}", preset.to_xml(&options));
    if let Some(cmd) = preset.sysprep_command(&options, preset.file_name()) {
        eprintln!("sysprep command: {cmd}");
    }
    eprintln!("{}", preset.notes());
    if options.uses_placeholder_password() {
        eprintln!(
            "warning: the administrator password is the public placeholder; set ADMIN_PASSWORD"
        );
    }
}
