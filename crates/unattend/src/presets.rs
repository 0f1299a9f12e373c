//! Ready-made answer files for the usual golden-image and install-media
//! workflows, built from the typed model, each with the sysprep command it
//! is meant for.
//!
//! | preset | what it is for | sysprep command |
//! |---|---|---|
//! | `generalize-oobe` | a generic image: every clone gets a new SID and runs an unattended OOBE | `/generalize /oobe /shutdown /unattend:…` |
//! | `cloudbase-init` | OpenStack and other clouds whose Windows images carry Cloudbase-Init | `/generalize /oobe /shutdown /unattend:<Cloudbase-Init>\conf\Unattend.xml` |
//! | `audit-mode` | enter audit mode, customise, then generalize to OOBE and shut down | `/audit /reboot /unattend:…` (first run) |
//! | `vm-mode` | a VHD redeployed on the same hypervisor (`/mode:vm`) | `/generalize /oobe /mode:vm /shutdown` (no `/unattend`) |
//! | `autounattend-uefi` | install media, UEFI/GPT disk layout | none: `Autounattend.xml` at the root of the media |
//! | `autounattend-bios` | install media, BIOS/MBR disk layout | none: `Autounattend.xml` at the root of the media |
//!
//! ```
//! use unattend::presets::{Preset, PresetOptions};
//!
//! let options = PresetOptions {
//!     time_zone: "W. Europe Standard Time".into(),
//!     administrator_password: "correct horse battery staple".into(),
//!     ..PresetOptions::default()
//! };
//! let preset: Preset = "generalize-oobe".parse()?;
//! let xml = preset.to_xml(&options);
//! assert!(xml.contains("<TimeZone>W. Europe Standard Time</TimeZone>"));
//! let cmd = preset.sysprep().expect("a sysprep preset");
//! assert_eq!(
//!     cmd.to_string(),
//!     r"%WINDIR%\System32\Sysprep\sysprep.exe /generalize /oobe /shutdown /unattend:C:\Windows\Panther\Unattend.xml"
//! );
//! # Ok::<(), unattend::presets::UnknownPreset>(())
//! ```
//!
//! # Passwords
//!
//! Every preset sets the built-in Administrator's password (and the password
//! of [`PresetOptions::local_account`] when there is one) *hidden*, the way
//! Windows System Image Manager does: `<PlainText>false</PlainText>` and a
//! base64 value (see [`crate::password`]). **That is obfuscation, not
//! encryption**: anyone holding the file can read the password. It keeps the
//! file clean of the plain-text password finding (UA501) and the password
//! out of casual sight, nothing more.
//!
//! The default password is [`PLACEHOLDER_PASSWORD`], a placeholder that is
//! public (it is in this source code). **Every machine deployed from a file
//! that still carries it has a password anyone can look up**: set
//! [`PresetOptions::administrator_password`], or use `unattend new
//! --password-stdin`, or replace the value later with `unattend set`.
//! [`PresetOptions::uses_placeholder_password`] tells whether it is still
//! there; the CLI warns on every run that leaves it.

use std::fmt;
use std::str::FromStr;

use crate::model::components::deployment::{
    Generalize, Mode, RunSynchronous, RunSynchronousCommand, WillReboot,
};
use crate::model::components::international_core_win_pe::SetupUiLanguage;
use crate::model::components::setup::{
    CreatePartition, CreatePartitions, DataImageInstallTo, Disk, DiskConfiguration, Format,
    ImageInstall, InstallFrom, Key, MetaData, ModifyPartition, ModifyPartitions, OsImage,
    ProductKey, Type, UserData, WillShowUi,
};
use crate::model::components::shell_setup::{
    AdministratorPassword, LocalAccount, LocalAccounts, Oobe, Password, UserAccounts,
};
use crate::model::components::{
    Deployment, InternationalCore, InternationalCoreWinPe, PnpSysprep, Setup, ShellSetup,
};
use crate::model::{Arch, Component, Pass, Unattend, WcmAction, WriteOptions};
use crate::sysprep::{After, Phase, SysprepCommand};

/// The administrator password a preset carries unless
/// [`PresetOptions::administrator_password`] says otherwise. It is public:
/// replace it before deploying anything built from the file.
pub const PLACEHOLDER_PASSWORD: &str = "CHANGE-ME-unattend-placeholder";

/// Where Cloudbase-Init's installer puts itself by default.
pub const CLOUDBASE_INIT_DIR: &str = r"C:\Program Files\Cloudbase Solutions\Cloudbase-Init";

/// Where the sysprep presets expect the answer file on the machine being
/// generalized (the folder `unattend sysprep FILE` suggests too).
pub const ANSWER_FILE_FOLDER: &str = r"C:\Windows\Panther";

/// A ready-made answer file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// A generic image: `sysprep /generalize /oobe /shutdown`. Every clone
    /// gets a new SID, a computer name (random by default) in specialize,
    /// and an OOBE that asks nothing: locale, time zone, administrator
    /// password, and the license, OEM registration, online account,
    /// wireless and privacy screens skipped.
    ///
    /// Drivers are *not* kept through generalize by default
    /// (`PersistAllDeviceInstalls`): a generic image goes to different
    /// hardware, and Microsoft advises keeping them only when every target
    /// has the same hardware. Set [`PresetOptions::persist_drivers`] for
    /// identical hardware.
    GeneralizeOobe,
    /// For cloud images that carry Cloudbase-Init (OpenStack and the clouds
    /// built on it). Modelled on the `conf\Unattend.xml` that Cloudbase-Init's
    /// installer ships, which its users give to sysprep from the `conf`
    /// folder: drivers kept through generalize (every VM has the same
    /// virtual hardware), Cloudbase-Init run once in specialize through
    /// `RunSynchronous` with `cloudbase-init-unattend.conf` (it sets the
    /// host name from the cloud's metadata, so the file sets no computer
    /// name; exit code 1 restarts, 2 restarts and runs it again, as
    /// `WillReboot` `OnRequest` defines), and an OOBE that asks nothing.
    /// The shipped file hides OOBE with `SkipMachineOOBE`/`SkipUserOOBE`
    /// and sets `NetworkLocation`, all deprecated; this preset uses the
    /// current `Hide…` settings and an administrator password instead.
    ///
    /// Sysprep: `/generalize /oobe /shutdown
    /// /unattend:"<Cloudbase-Init>\conf\Unattend.xml"`; write the file over
    /// the installer's copy.
    CloudbaseInit,
    /// Audit mode: the first run, `sysprep /audit /reboot`, restarts into
    /// audit mode; the auditUser pass runs the customisation commands
    /// ([`PresetOptions::audit_commands`]) and then `Generalize` (`Mode`
    /// `OOBE`, `ForceShutdownNow` `true`, valid only in auditUser)
    /// generalizes the image and shuts the machine down, as `sysprep
    /// /generalize /oobe /shutdown` would. That is the second step: nothing
    /// to type; capture the image once the machine is off. Every clone then
    /// runs specialize and an OOBE that asks nothing.
    ///
    /// The specialize pass is written only when it has something to do (a
    /// computer name other than `*`, a product key): without a
    /// `ComputerName` Windows picks a random name, as `*` asks. Today's
    /// UA604 does not yet know that `Generalize` in auditUser leads to the
    /// generalize and specialize passes, and warns about them under
    /// `/audit /reboot`; leaving the pass out keeps the default file clean.
    ///
    /// The file has no `Reseal` `Mode` `Audit` in oobeSystem: the clones run
    /// that same oobeSystem pass, and `Reseal` there would send every one of
    /// them back into audit mode. To reach audit mode straight from install
    /// media instead, put `Reseal` in the media's answer file
    /// (`oobeSystem/Microsoft-Windows-Deployment/Reseal/Mode=Audit`).
    AuditMode,
    /// VM mode: `sysprep /generalize /oobe /mode:vm /shutdown`, for a
    /// virtual disk redeployed on the same hypervisor (Windows 8 and later,
    /// run inside the VM). `/mode:vm` admits no `/unattend`, so Windows must
    /// find the file on its own: copy it to `%WINDIR%\Panther\Unattend.xml`
    /// before running sysprep. That folder is searched before
    /// `%WINDIR%\System32\Sysprep` (and holds the copy Windows Setup kept
    /// from the installation, which would otherwise win); the file name
    /// must be `Unattend.xml`.
    ///
    /// Content as [`Preset::GeneralizeOobe`]. `Shell-Setup/OOBE/
    /// VMModeOptimizations` (skip Windows RE initialization, the language
    /// change notification, the administrator profile removal) only takes
    /// full effect with `/mode:vm`; add it with `--set` when it fits.
    VmMode,
    /// Install media for UEFI machines: windowsPE language, a GPT disk
    /// layout on [`PresetOptions::disk_id`] (EFI 100 MB FAT32, MSR 16 MB,
    /// Windows NTFS filling the disk), the image at
    /// [`PresetOptions::image_index`], license accepted, product key only
    /// when given; then computer name, locale, time zone, accounts and an
    /// OOBE that asks nothing. **Wipes the disk.** Save as `Autounattend.xml`
    /// at the root of the USB drive or ISO; no sysprep command.
    AutounattendUefi,
    /// Install media for BIOS machines: as [`Preset::AutounattendUefi`] with
    /// an MBR layout (System 350 MB NTFS, active; Windows NTFS filling the
    /// disk). **Wipes the disk.**
    AutounattendBios,
}

/// What a user typically changes in a preset. `PresetOptions::default()`
/// gives the documented defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetOptions {
    /// The architecture of every component. Default `amd64`.
    pub arch: Arch,
    /// Windows display language (`UILanguage`; also the language of Setup on
    /// media). Default `en-US`.
    pub ui_language: String,
    /// Language for non-Unicode programs (`SystemLocale`). Default `en-US`.
    pub system_locale: String,
    /// Formats of dates, numbers and currency (`UserLocale`). Default `en-US`.
    pub user_locale: String,
    /// Keyboard layouts (`InputLocale`): a language tag or
    /// `0409:00000409`-style pairs separated by `;`. Default `en-US`.
    pub input_locale: String,
    /// A Windows time-zone ID (`tzutil /l`). Default `UTC`.
    pub time_zone: String,
    /// `ComputerName` in specialize: at most 15 characters, or `*` for a
    /// random name. Default `*`. (Not used by `cloudbase-init`, where
    /// Cloudbase-Init sets the host name from the cloud's metadata.)
    pub computer_name: String,
    /// The built-in Administrator's password, written hidden (obfuscated,
    /// not encrypted). Default [`PLACEHOLDER_PASSWORD`]: **public, replace it**.
    pub administrator_password: String,
    /// An extra local account, member of Administrators, with the same
    /// password. Windows client editions ask for an account during OOBE
    /// unless the file creates one. Default none.
    pub local_account: Option<String>,
    /// A product key (`XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`): in windowsPE
    /// `UserData` on media, in specialize `Shell-Setup/ProductKey` for
    /// sysprep presets. Written in clear (answer files cannot hide it).
    /// Default none.
    pub product_key: Option<String>,
    /// Media presets: the index of the image to install from
    /// `install.wim`/`install.esd` (`dism /Get-ImageInfo`). Default 1.
    pub image_index: u32,
    /// Media presets: the disk to wipe and install to. Default 0.
    pub disk_id: u32,
    /// Keep the installed drivers through generalize
    /// (`PnpSysprep/PersistAllDeviceInstalls`). `None`: the preset's choice
    /// (`true` for `cloudbase-init`, not written otherwise).
    pub persist_drivers: Option<bool>,
    /// `audit-mode`: commands run one after the other in the auditUser pass,
    /// before the image is generalized. Default: one command that runs
    /// `C:\Setup\customize.cmd` when it exists.
    pub audit_commands: Vec<String>,
    /// `cloudbase-init`: Cloudbase-Init's installation folder. Default
    /// [`CLOUDBASE_INIT_DIR`].
    pub cloudbase_init_dir: String,
}

impl Default for PresetOptions {
    fn default() -> Self {
        PresetOptions {
            arch: Arch::Amd64,
            ui_language: "en-US".into(),
            system_locale: "en-US".into(),
            user_locale: "en-US".into(),
            input_locale: "en-US".into(),
            time_zone: "UTC".into(),
            computer_name: "*".into(),
            administrator_password: PLACEHOLDER_PASSWORD.into(),
            local_account: None,
            product_key: None,
            image_index: 1,
            disk_id: 0,
            persist_drivers: None,
            audit_commands: vec![
                r"cmd.exe /c if exist C:\Setup\customize.cmd call C:\Setup\customize.cmd".into(),
            ],
            cloudbase_init_dir: CLOUDBASE_INIT_DIR.into(),
        }
    }
}

impl PresetOptions {
    /// True while the administrator password is still [`PLACEHOLDER_PASSWORD`].
    pub fn uses_placeholder_password(&self) -> bool {
        self.administrator_password == PLACEHOLDER_PASSWORD
    }
}

/// A name that is not a preset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown preset {0:?} (presets: {list})", list = Preset::names().join(", "))]
pub struct UnknownPreset(pub String);

impl Preset {
    /// Every preset, in the order `unattend new --list` shows them.
    pub const ALL: [Preset; 6] = [
        Preset::GeneralizeOobe,
        Preset::CloudbaseInit,
        Preset::AuditMode,
        Preset::VmMode,
        Preset::AutounattendUefi,
        Preset::AutounattendBios,
    ];

    /// Every preset.
    pub fn all() -> &'static [Preset] {
        &Preset::ALL
    }

    /// Every preset's name.
    pub fn names() -> Vec<&'static str> {
        Preset::ALL.iter().map(|p| p.name()).collect()
    }

    /// The kebab-case name (`generalize-oobe`).
    pub fn name(&self) -> &'static str {
        match self {
            Preset::GeneralizeOobe => "generalize-oobe",
            Preset::CloudbaseInit => "cloudbase-init",
            Preset::AuditMode => "audit-mode",
            Preset::VmMode => "vm-mode",
            Preset::AutounattendUefi => "autounattend-uefi",
            Preset::AutounattendBios => "autounattend-bios",
        }
    }

    /// One line on what the preset is for.
    pub fn summary(&self) -> &'static str {
        match self {
            Preset::GeneralizeOobe => {
                "generic golden image: new SID per clone, unattended OOBE (sysprep /generalize /oobe /shutdown)"
            }
            Preset::CloudbaseInit => {
                "cloud image with Cloudbase-Init: drivers kept, cloudbase-init-unattend in specialize, unattended OOBE"
            }
            Preset::AuditMode => {
                "enter audit mode (sysprep /audit /reboot), run customisation commands, then generalize to OOBE and shut down"
            }
            Preset::VmMode => {
                "VHD for the same hypervisor (sysprep /generalize /oobe /mode:vm /shutdown; file in %WINDIR%\\Panther)"
            }
            Preset::AutounattendUefi => {
                "install media, UEFI/GPT: wipes the disk, EFI + MSR + Windows partitions, unattended OOBE"
            }
            Preset::AutounattendBios => {
                "install media, BIOS/MBR: wipes the disk, System (active) + Windows partitions, unattended OOBE"
            }
        }
    }

    /// The name the file must have where it is used: `Autounattend.xml` for
    /// the media presets, `Unattend.xml` otherwise.
    pub fn file_name(&self) -> &'static str {
        match self {
            Preset::AutounattendUefi | Preset::AutounattendBios => "Autounattend.xml",
            _ => "Unattend.xml",
        }
    }

    /// True for the install-media presets (no sysprep command).
    pub fn is_media(&self) -> bool {
        matches!(self, Preset::AutounattendUefi | Preset::AutounattendBios)
    }

    /// The sysprep command the preset is meant for, with the default
    /// options and file name; `None` for the install-media presets.
    pub fn sysprep(&self) -> Option<SysprepCommand> {
        self.sysprep_command(&PresetOptions::default(), self.file_name())
    }

    /// The sysprep command for a file called `file_name` built with
    /// `options` (the Cloudbase-Init folder is an option); `None` for the
    /// install-media presets. For `audit-mode` this is the first run; the
    /// file generalizes the image by itself afterwards.
    pub fn sysprep_command(
        &self,
        options: &PresetOptions,
        file_name: &str,
    ) -> Option<SysprepCommand> {
        let in_panther = Some(format!(r"{ANSWER_FILE_FOLDER}\{file_name}"));
        let generalize_oobe = SysprepCommand {
            generalize: true,
            phase: Some(Phase::Oobe),
            after: Some(After::Shutdown),
            quiet: false,
            vm_mode: false,
            unattend: in_panther.clone(),
        };
        match self {
            Preset::GeneralizeOobe => Some(generalize_oobe),
            Preset::CloudbaseInit => Some(SysprepCommand {
                unattend: Some(format!(
                    r"{}\conf\{file_name}",
                    options.cloudbase_init_dir.trim_end_matches('\\')
                )),
                ..generalize_oobe
            }),
            Preset::AuditMode => Some(SysprepCommand {
                generalize: false,
                phase: Some(Phase::Audit),
                after: Some(After::Reboot),
                quiet: false,
                vm_mode: false,
                unattend: in_panther,
            }),
            Preset::VmMode => Some(SysprepCommand {
                vm_mode: true,
                unattend: None,
                ..generalize_oobe
            }),
            Preset::AutounattendUefi | Preset::AutounattendBios => None,
        }
    }

    /// What to do with the file besides running the command: where it goes,
    /// what happens next. One short paragraph.
    pub fn notes(&self) -> &'static str {
        match self {
            Preset::GeneralizeOobe => {
                r"Copy the file to C:\Windows\Panther\Unattend.xml on the reference machine, run the command, and capture the image once the machine is off. Logs: %WINDIR%\System32\Sysprep\Panther (generalize), %WINDIR%\Panther (specialize, OOBE)."
            }
            Preset::CloudbaseInit => {
                r"Write the file over Cloudbase-Init's own conf\Unattend.xml, run the command, and create the image once the VM is off. Cloudbase-Init then sets the host name and injects the metadata password on first boot."
            }
            Preset::AuditMode => {
                r"First step: copy the file to C:\Windows\Panther\Unattend.xml and run the command; Windows restarts into audit mode and runs the auditUser commands. Second step: nothing to type: Generalize (Mode=OOBE, ForceShutdownNow=true) then generalizes the image and shuts the machine down, as sysprep /generalize /oobe /shutdown would. Capture the image once it is off."
            }
            Preset::VmMode => {
                r"/mode:vm admits no /unattend: copy the file to %WINDIR%\Panther\Unattend.xml (searched before %WINDIR%\System32\Sysprep; the name must be Unattend.xml), then run the command inside the VM. Deploy the VHD on the same hypervisor only."
            }
            Preset::AutounattendUefi | Preset::AutounattendBios => {
                "Save the file as Autounattend.xml at the root of the USB drive or ISO next to the Windows media: Setup finds it on its own. It wipes the target disk."
            }
        }
    }

    /// The answer file, as a typed model.
    pub fn build(&self, options: &PresetOptions) -> Unattend {
        let arch = options.arch;
        let mut file = Unattend::new();
        let mut add = |pass: Pass, component: Component| {
            file.pass_mut(pass).components.push(component);
        };

        let persist = match (self, options.persist_drivers) {
            (_, Some(p)) => p,
            (Preset::CloudbaseInit, None) => true,
            _ => false,
        };
        if persist && !self.is_media() {
            add(
                Pass::Generalize,
                Component::typed(
                    arch,
                    PnpSysprep {
                        persist_all_device_installs: Some(true),
                        ..Default::default()
                    },
                ),
            );
        }

        match self {
            Preset::AutounattendUefi | Preset::AutounattendBios => {
                add(
                    Pass::WindowsPe,
                    Component::typed(arch, international_win_pe(options)),
                );
                add(
                    Pass::WindowsPe,
                    Component::typed(
                        arch,
                        media_setup(*self == Preset::AutounattendUefi, options),
                    ),
                );
            }
            Preset::CloudbaseInit => {
                add(
                    Pass::Specialize,
                    Component::typed(
                        arch,
                        Deployment {
                            run_synchronous: Some(RunSynchronous {
                                run_synchronous_command: vec![cloudbase_init_command(options)],
                                ..Default::default()
                            }),
                            ..Default::default()
                        },
                    ),
                );
            }
            Preset::AuditMode => {
                let commands = options
                    .audit_commands
                    .iter()
                    .enumerate()
                    .map(|(i, path)| RunSynchronousCommand {
                        wcm_action: Some(WcmAction::Add),
                        order: Some(i as i64 + 1),
                        path: Some(path.clone()),
                        description: Some(format!("Audit mode customisation, step {}", i + 1)),
                        ..Default::default()
                    })
                    .collect::<Vec<_>>();
                add(
                    Pass::AuditUser,
                    Component::typed(
                        arch,
                        Deployment {
                            run_synchronous: (!commands.is_empty()).then(|| RunSynchronous {
                                run_synchronous_command: commands,
                                ..Default::default()
                            }),
                            generalize: Some(Generalize {
                                force_shutdown_now: Some(true),
                                mode: Some(Mode::Oobe),
                                ..Default::default()
                            }),
                            ..Default::default()
                        },
                    ),
                );
            }
            Preset::GeneralizeOobe | Preset::VmMode => {}
        }

        // specialize: the computer name and, for sysprep presets, the
        // product key. Cloudbase-Init names cloud VMs itself. audit-mode
        // writes no `*` (a random name, what Windows picks anyway without a
        // ComputerName): see `Preset::AuditMode` for why.
        let name_wanted = match self {
            Preset::CloudbaseInit => false,
            Preset::AuditMode => options.computer_name != "*",
            _ => true,
        };
        let specialize = ShellSetup {
            computer_name: name_wanted.then(|| options.computer_name.clone()),
            product_key: if self.is_media() {
                None
            } else {
                options.product_key.clone()
            },
            ..Default::default()
        };
        if specialize != ShellSetup::default() {
            add(Pass::Specialize, Component::typed(arch, specialize));
        }

        add(
            Pass::OobeSystem,
            Component::typed(
                arch,
                InternationalCore {
                    input_locale: Some(options.input_locale.clone()),
                    system_locale: Some(options.system_locale.clone()),
                    ui_language: Some(options.ui_language.clone()),
                    user_locale: Some(options.user_locale.clone()),
                    ..Default::default()
                },
            ),
        );
        add(
            Pass::OobeSystem,
            Component::typed(arch, oobe_shell_setup(options)),
        );
        file
    }

    /// The answer file as `unattend new` writes it: the canonical XML with a
    /// comment after the declaration naming the preset, its sysprep command
    /// and where the file goes.
    pub fn to_xml(&self, options: &PresetOptions) -> String {
        let xml = self.build(options).to_xml(&WriteOptions::default());
        let mut body = format!("unattend preset {}: {}", self.name(), self.summary());
        match self.sysprep_command(options, self.file_name()) {
            Some(cmd) => body.push_str(&format!("\n     sysprep: {cmd}")),
            None => body.push_str(
                "\n     no sysprep command: Windows Setup reads this file from the install media",
            ),
        }
        body.push_str(&format!("\n     {}", self.notes()));
        // `--` may not appear inside a comment, nor `-` just before its end.
        let header = format!("<!-- {} -->\n", body.replace("--", "- -"));
        match xml.split_once('\n') {
            Some((decl, rest)) if decl.starts_with("<?xml") => format!("{decl}\n{header}{rest}"),
            _ => format!("{header}{xml}"),
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Preset {
    type Err = UnknownPreset;

    /// Accepts the kebab-case name, ignoring case; `_` for `-` too.
    fn from_str(s: &str) -> Result<Preset, UnknownPreset> {
        let wanted = s.trim().replace('_', "-");
        Preset::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(&wanted))
            .ok_or_else(|| UnknownPreset(s.to_string()))
    }
}

/// Shell-Setup in oobeSystem: OOBE screens skipped, time zone, accounts.
fn oobe_shell_setup(options: &PresetOptions) -> ShellSetup {
    let local_accounts = options.local_account.as_ref().map(|name| LocalAccounts {
        local_account: vec![LocalAccount {
            wcm_action: Some(WcmAction::Add),
            description: Some("Local administrator created by the answer file".into()),
            display_name: Some(name.clone()),
            group: Some("Administrators".into()),
            name: Some(name.clone()),
            password: Some(Password {
                plain_text: Some(false),
                value: Some(crate::password::encode(
                    &options.administrator_password,
                    "Password",
                )),
                ..Default::default()
            }),
            ..Default::default()
        }],
        ..Default::default()
    });
    ShellSetup {
        oobe: Some(Oobe {
            hide_eula_page: Some(true),
            hide_oem_registration_screen: Some(true),
            hide_online_account_screens: Some(true),
            hide_wireless_setup_in_oobe: Some(true),
            // 3: the privacy/"express settings" page is skipped with the
            // recommended settings off; change it with --set when you want 1.
            protect_your_pc: Some(3),
            ..Default::default()
        }),
        time_zone: Some(options.time_zone.clone()),
        user_accounts: Some(UserAccounts {
            administrator_password: Some(AdministratorPassword {
                plain_text: Some(false),
                value: Some(crate::password::encode(
                    &options.administrator_password,
                    "AdministratorPassword",
                )),
                ..Default::default()
            }),
            local_accounts,
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The RunSynchronous command Cloudbase-Init's installer writes into its
/// `conf\Unattend.xml`: run `cloudbase-init.exe` once with the unattend
/// configuration; exit code 1 (restart) on success, 2 (restart and run it
/// again) otherwise.
fn cloudbase_init_command(options: &PresetOptions) -> RunSynchronousCommand {
    let dir = options.cloudbase_init_dir.trim_end_matches('\\');
    RunSynchronousCommand {
        wcm_action: Some(WcmAction::Add),
        order: Some(1),
        path: Some(format!(
            r#"cmd.exe /c ""{dir}\Python\Scripts\cloudbase-init.exe" --config-file "{dir}\conf\cloudbase-init-unattend.conf" && exit 1 || exit 2""#
        )),
        description: Some("Run Cloudbase-Init to set the hostname".into()),
        will_reboot: Some(WillReboot::OnRequest),
        ..Default::default()
    }
}

/// International-Core-WinPE: the language of Setup and of the installed
/// Windows.
fn international_win_pe(options: &PresetOptions) -> InternationalCoreWinPe {
    InternationalCoreWinPe {
        input_locale: Some(options.input_locale.clone()),
        setup_ui_language: Some(SetupUiLanguage {
            ui_language: Some(options.ui_language.clone()),
            ..Default::default()
        }),
        system_locale: Some(options.system_locale.clone()),
        ui_language: Some(options.ui_language.clone()),
        user_locale: Some(options.user_locale.clone()),
        ..Default::default()
    }
}

fn create(order: i64, type_: Type, size: Option<i64>) -> CreatePartition {
    CreatePartition {
        wcm_action: Some(WcmAction::Add),
        order: Some(order),
        type_: Some(type_),
        size,
        extend: size.is_none().then_some(true),
        ..Default::default()
    }
}

fn modify(
    order: i64,
    partition_id: i64,
    format: Format,
    label: &str,
    letter: Option<&str>,
    active: bool,
) -> ModifyPartition {
    ModifyPartition {
        wcm_action: Some(WcmAction::Add),
        order: Some(order),
        partition_id: Some(partition_id),
        format: Some(format),
        label: Some(label.into()),
        letter: letter.map(str::to_string),
        active: active.then_some(true),
        ..Default::default()
    }
}

/// Microsoft-Windows-Setup on media: disk layout, image, license, key.
fn media_setup(uefi: bool, options: &PresetOptions) -> Setup {
    let (partitions, modifications, windows_partition) = if uefi {
        (
            vec![
                create(1, Type::Efi, Some(100)),
                create(2, Type::Msr, Some(16)),
                create(3, Type::Primary, None),
            ],
            // The MSR partition is neither formatted nor labelled.
            vec![
                modify(1, 1, Format::Fat32, "System", None, false),
                modify(2, 3, Format::Ntfs, "Windows", Some("C"), false),
            ],
            3,
        )
    } else {
        (
            vec![
                create(1, Type::Primary, Some(350)),
                create(2, Type::Primary, None),
            ],
            vec![
                modify(1, 1, Format::Ntfs, "System", None, true),
                modify(2, 2, Format::Ntfs, "Windows", Some("C"), false),
            ],
            2,
        )
    };
    let disk_id = i64::from(options.disk_id);
    Setup {
        disk_configuration: Some(DiskConfiguration {
            disk: vec![Disk {
                wcm_action: Some(WcmAction::Add),
                create_partitions: Some(CreatePartitions {
                    create_partition: partitions,
                    ..Default::default()
                }),
                disk_id: Some(disk_id),
                modify_partitions: Some(ModifyPartitions {
                    modify_partition: modifications,
                    ..Default::default()
                }),
                will_wipe_disk: Some(true),
                ..Default::default()
            }],
            will_show_ui: Some(WillShowUi::OnError),
            ..Default::default()
        }),
        image_install: Some(ImageInstall {
            os_image: Some(OsImage {
                install_from: Some(InstallFrom {
                    meta_data: vec![MetaData {
                        wcm_action: Some(WcmAction::Add),
                        key: Some(Key::ImageIndex),
                        value: Some(options.image_index.to_string()),
                        ..Default::default()
                    }],
                    ..Default::default()
                }),
                install_to: Some(DataImageInstallTo {
                    disk_id: Some(disk_id),
                    partition_id: Some(windows_partition),
                    ..Default::default()
                }),
                will_show_ui: Some(WillShowUi::OnError),
                ..Default::default()
            }),
            ..Default::default()
        }),
        user_data: Some(UserData {
            accept_eula: Some(true),
            product_key: options.product_key.as_ref().map(|key| ProductKey {
                key: Some(key.clone()),
                will_show_ui: Some(WillShowUi::OnError),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{ResolvedConfig, lint_document};

    #[test]
    fn names_round_trip() {
        for p in Preset::all() {
            assert_eq!(p.name().parse::<Preset>(), Ok(*p));
            assert_eq!(p.to_string(), p.name());
        }
        assert_eq!("Vm_Mode".parse::<Preset>(), Ok(Preset::VmMode));
        let err = "golden".parse::<Preset>().unwrap_err().to_string();
        assert!(err.contains("generalize-oobe") && err.contains("autounattend-bios"));
    }

    #[test]
    fn every_preset_lints_clean_with_its_command() {
        for p in Preset::all() {
            let xml = p.to_xml(&PresetOptions::default());
            let doc = crate::Document::parse_str(&xml).unwrap();
            let config = match p.sysprep() {
                Some(cmd) => ResolvedConfig::default().with_sysprep(&cmd.to_string()),
                None => ResolvedConfig::default(),
            };
            let findings: Vec<String> = lint_document(&doc, &config)
                .iter()
                .map(|d| format!("{} [{}] {}", d.code, d.severity, d.message))
                .collect();
            assert!(findings.is_empty(), "{p}: {findings:#?}\n{xml}");
        }
    }

    #[test]
    fn commands_match_the_presets() {
        let cmd = |p: Preset| p.sysprep().map(|c| c.to_string());
        assert_eq!(
            cmd(Preset::CloudbaseInit).as_deref(),
            Some(
                r#"%WINDIR%\System32\Sysprep\sysprep.exe /generalize /oobe /shutdown "/unattend:C:\Program Files\Cloudbase Solutions\Cloudbase-Init\conf\Unattend.xml""#
            )
        );
        assert_eq!(
            cmd(Preset::AuditMode).as_deref(),
            Some(
                r"%WINDIR%\System32\Sysprep\sysprep.exe /audit /reboot /unattend:C:\Windows\Panther\Unattend.xml"
            )
        );
        assert_eq!(
            cmd(Preset::VmMode).as_deref(),
            Some(r"%WINDIR%\System32\Sysprep\sysprep.exe /generalize /oobe /mode:vm /shutdown")
        );
        for p in Preset::all() {
            if let Some(c) = p.sysprep() {
                assert_eq!(c.validate(), Ok(()), "{p}");
            }
        }
        assert_eq!(cmd(Preset::AutounattendUefi), None);
    }

    #[test]
    fn passwords_are_hidden_and_the_placeholder_is_flagged() {
        let options = PresetOptions {
            local_account: Some("operator".into()),
            ..Default::default()
        };
        assert!(options.uses_placeholder_password());
        let xml = Preset::GeneralizeOobe.to_xml(&options);
        assert!(!xml.contains(PLACEHOLDER_PASSWORD));
        assert!(xml.contains(&crate::password::encode(
            PLACEHOLDER_PASSWORD,
            "AdministratorPassword"
        )));
        assert!(xml.contains(&crate::password::encode(PLACEHOLDER_PASSWORD, "Password")));
        assert_eq!(xml.matches("<PlainText>false</PlainText>").count(), 2);
    }

    #[test]
    fn media_layouts() {
        let uefi = Preset::AutounattendUefi.to_xml(&PresetOptions {
            product_key: Some("VK7JG-NPHTM-C97JM-9MPGT-3V66T".into()),
            image_index: 6,
            ..Default::default()
        });
        for needle in [
            "<Type>EFI</Type>",
            "<Size>100</Size>",
            "<Type>MSR</Type>",
            "<Size>16</Size>",
            "<Format>FAT32</Format>",
            "<Key>/IMAGE/INDEX</Key>",
            "<Value>6</Value>",
            "<Key>VK7JG-NPHTM-C97JM-9MPGT-3V66T</Key>",
            "<AcceptEula>true</AcceptEula>",
        ] {
            assert!(uefi.contains(needle), "{needle} missing");
        }
        let bios = Preset::AutounattendBios.to_xml(&PresetOptions::default());
        assert!(bios.contains("<Size>350</Size>") && bios.contains("<Active>true</Active>"));
        assert!(!bios.contains("<ProductKey>") && !bios.contains("EFI"));
    }

    #[test]
    fn header_comment_is_well_formed() {
        let options = PresetOptions {
            cloudbase_init_dir: r"D:\odd--folder".into(),
            ..Default::default()
        };
        for p in Preset::all() {
            let xml = p.to_xml(&options);
            assert!(crate::Document::parse_str(&xml).is_ok(), "{p}:\n{xml}");
            assert!(
                xml.starts_with(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- unattend preset "
                )
            );
        }
    }
}
