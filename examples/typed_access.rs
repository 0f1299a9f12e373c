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
//! linter finds anything at all (warnings included).

use std::process::ExitCode;

use unattend::lint::{ResolvedConfig, lint_model};
use unattend::model::components::deployment::{RunSynchronous, RunSynchronousCommand};
use unattend::model::components::{Deployment, PnpSysprep, ShellSetup};
use unattend::model::{Arch, ComponentNotTyped, Pass, Unattend, WriteOptions};

fn build() -> Result<Unattend, ComponentNotTyped> {
    let mut file = Unattend::new();

    // generalize: keep the drivers installed on the reference machine.
    file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)?
        .persist_all_device_installs = Some(true);

    // specialize: name each machine and run two setup commands in order.
    let shell = file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)?;
    shell.computer_name = Some("*".into()); // a random name per machine
    shell.time_zone = Some("UTC".into());

    let commands = [
        "cmd /c mkdir C:\\Setup",
        "powershell -NoProfile -Command Set-ExecutionPolicy RemoteSigned -Force",
    ];
    file.component_mut::<Deployment>(Pass::Specialize, Arch::Amd64)?
        .run_synchronous = Some(RunSynchronous {
        run_synchronous_command: commands
            .iter()
            .zip(1..)
            .map(|(path, order)| RunSynchronousCommand {
                // wcm:action is left out: list items are written with "add".
                order: Some(order),
                path: Some((*path).to_string()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    });
    Ok(file)
}

fn main() -> ExitCode {
    let file = match build() {
        Ok(file) => file,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
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
