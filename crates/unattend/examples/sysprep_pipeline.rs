//! An image pipeline's answer file, built with the public API alone: typed
//! components through `component_mut`, list items and passwords through
//! their constructors, checked by the linter before a byte is written.
//!
//! ```sh
//! ADMIN_PASSWORD=… cargo run -p unattend --example sysprep_pipeline > Unattend.xml
//! sysprep /generalize /oobe /shutdown /unattend:Unattend.xml   # on the reference machine
//! ```
//!
//! The program prints the findings instead of the file, and exits 1, if the
//! linter finds anything at all, warnings and notes included.

use std::process::ExitCode;

use unattend::lint::{Diagnostic, ResolvedConfig, lint_model};
use unattend::model::components::deployment::RunSynchronous;
use unattend::model::components::shell_setup::{
    LocalAccount, LocalAccounts, Oobe, Password, ProtectYourPc, UserAccounts,
};
use unattend::model::components::{Deployment, PnpSysprep, ShellSetup};
use unattend::model::{Arch, Pass, Unattend, WriteOptions};
use unattend::password::PasswordError;

/// The answer file: generalize keeps the drivers, specialize names the
/// machine and runs two commands in order, oobeSystem skips the OOBE pages
/// and creates an administrator whose password is hidden.
pub fn build(admin_password: &str) -> Result<Unattend, PasswordError> {
    let mut file = Unattend::new();

    // generalize: keep the drivers installed on the reference machine.
    file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
        .persist_all_device_installs = Some(true);

    // specialize: a random name per machine, and two commands numbered 1
    // and 2 (each written with wcm:action="add").
    let shell = file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64);
    shell.computer_name = Some("*".into());
    shell.time_zone = Some("UTC".into());
    file.component_mut::<Deployment>(Pass::Specialize, Arch::Amd64)
        .run_synchronous = Some(RunSynchronous::from_commands([
        r"cmd /c mkdir C:\Setup",
        "powershell -NoProfile -Command Set-ExecutionPolicy RemoteSigned -Force",
    ]));

    // oobeSystem: no questions, one local administrator.
    let oobe = file.component_mut::<ShellSetup>(Pass::OobeSystem, Arch::Amd64);
    oobe.oobe = Some(Oobe {
        hide_eula_page: Some(true),
        hide_oem_registration_screen: Some(true),
        hide_online_account_screens: Some(true),
        hide_wireless_setup_in_oobe: Some(true),
        protect_your_pc: Some(ProtectYourPc::V3),
        ..Default::default()
    });
    oobe.user_accounts = Some(UserAccounts {
        local_accounts: Some(LocalAccounts {
            local_account: vec![LocalAccount {
                group: Some("Administrators".into()),
                password: Some(Password::hidden(admin_password)?),
                ..LocalAccount::new("Operator")
            }],
            ..Default::default()
        }),
        ..Default::default()
    });
    Ok(file)
}

/// Every finding on the file, warnings and notes included.
pub fn check(file: &Unattend) -> Vec<Diagnostic> {
    lint_model(file, &ResolvedConfig::default())
}

fn main() -> ExitCode {
    // A real pipeline reads the password from its secret store; no
    // placeholder is ever written.
    let Ok(password) = std::env::var("ADMIN_PASSWORD") else {
        eprintln!("error: set ADMIN_PASSWORD to the administrator's password");
        return ExitCode::from(2);
    };
    let file = match build(&password) {
        Ok(file) => file,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let findings = check(&file);
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
