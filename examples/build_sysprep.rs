//! Builds the answer file for a generic golden image with the typed model and
//! prints it: drivers kept through generalize, no rearm, audit mode on first
//! boot.
//!
//! ```sh
//! cargo run --example build_sysprep > Unattend.xml
//! sysprep /generalize /oobe /shutdown /unattend:Unattend.xml   # on the Windows machine
//! ```

use unattend::model::components::deployment::{Mode, Reseal};
use unattend::model::components::security_spp::SkipRearm;
use unattend::model::components::{Deployment, PnpSysprep, SecuritySpp};
use unattend::model::{Arch, Component, Pass, Unattend, WriteOptions};

fn main() {
    let mut file = Unattend::new();
    let generalize = file.pass_mut(Pass::Generalize);
    generalize.components.push(Component::typed(
        Arch::Amd64,
        PnpSysprep {
            persist_all_device_installs: Some(true),
            ..Default::default()
        },
    ));
    generalize.components.push(Component::typed(
        Arch::Amd64,
        SecuritySpp {
            skip_rearm: Some(SkipRearm::V1),
            ..Default::default()
        },
    ));
    file.pass_mut(Pass::OobeSystem)
        .components
        .push(Component::typed(
            Arch::Amd64,
            Deployment {
                reseal: Some(Reseal {
                    mode: Some(Mode::Audit),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ));
    print!("{}", file.to_xml(&WriteOptions::default()));
}
