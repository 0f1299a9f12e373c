//! Builds a sysprep answer file through typed access alone, lints it in
//! memory and prints it: what a Rust image pipeline embedding `unattend`
//! writes. Uses only the public API.
//!
//! ```sh
//! cargo run --example typed_access > Unattend.xml
//! sysprep /generalize /oobe /shutdown /unattend:Unattend.xml   # on the Windows machine
//! ```
//!
//! The program exits 1, printing the findings instead of the file, if the
//! linter finds anything at all (warnings included). The library crate
//! ships a fuller version of this program as its own example,
//! `cargo run -p unattend --example sysprep_pipeline`.

use std::process::ExitCode;

use unattend::lint::{ResolvedConfig, lint_model};
use unattend::model::components::deployment::RunSynchronous;
use unattend::model::components::{Deployment, PnpSysprep, ShellSetup};
use unattend::model::{Arch, Pass, Unattend, WriteOptions};

fn build() -> Unattend {
    let mut file = Unattend::new();

    // generalize: keep the drivers installed on the reference machine.
    file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
        .persist_all_device_installs = Some(true);

    // specialize: name each machine and run two setup commands in order.
    let shell = file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64);
    shell.computer_name = Some("*".into()); // a random name per machine
    shell.time_zone = Some("UTC".into());

    // Numbered 1 and 2, each written with wcm:action="add".
    file.component_mut::<Deployment>(Pass::Specialize, Arch::Amd64)
        .run_synchronous = Some(RunSynchronous::from_commands([
        "cmd /c mkdir C:\\Setup",
        "powershell -NoProfile -Command Set-ExecutionPolicy RemoteSigned -Force",
    ]));
    file
}

fn main() -> ExitCode {
    let file = build();
    let findings = lint_model(&file, &ResolvedConfig::default());
    if !findings.is_empty() {
        for d in &findings {
            eprintln!(
                "{} {}: {} ({})",
                d.code,
                d.severity,
                d.message,
                d.path.as_deref().unwrap_or("-")
            );
        }
        return ExitCode::FAILURE;
    }
    print!("{}", file.to_xml(&WriteOptions::default()));
    ExitCode::SUCCESS
}
