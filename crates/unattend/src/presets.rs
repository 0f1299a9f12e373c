//! Ready-made answer files for the usual golden-image and install-media
//! workflows, built from the typed model, each with the sysprep command it
//! is meant for, for Windows client and Windows Server editions.
//!
//! | preset | what it is for | sysprep command |
//! |---|---|---|
//! | `generalize-oobe` | a generic image: every clone gets a new SID and runs an unattended OOBE | `/generalize /oobe /shutdown /unattend:…` |
//! | `cloudbase-init` | OpenStack and other clouds whose Windows images carry Cloudbase-Init | `/generalize /oobe /shutdown /unattend:<Cloudbase-Init>\conf\Unattend.xml` |
//! | `audit-mode` | enter audit mode (signed in by itself), customise, then generalize to OOBE and shut down | `/audit /reboot /unattend:…` (first run) |
//! | `vm-mode` | a VHD redeployed on the same hypervisor (`/mode:vm`) | `/generalize /oobe /mode:vm /shutdown` (no `/unattend`) |
//! | `autounattend-uefi` | install media, UEFI/GPT: EFI, MSR, Windows, Recovery | none: `Autounattend.xml` at the root of the media |
//! | `autounattend-bios` | install media, BIOS/MBR: System, Windows, Recovery | none: `Autounattend.xml` at the root of the media |
//!
//! `docs/presets.md` lists every setting each preset writes, why, and the
//! page or file it comes from.
//!
//! ```
//! use unattend::presets::{Edition, Preset, PresetOptions};
//!
//! let options = PresetOptions {
//!     time_zone: "W. Europe Standard Time".into(),
//!     edition: Some(Edition::Client),
//!     user: "builder".into(),
//!     password: Some("correct horse battery staple".into()),
//!     ..PresetOptions::default()
//! };
//! let preset: Preset = "generalize-oobe".parse()?;
//! let xml = preset.to_xml(&options);
//! assert!(xml.contains("<TimeZone>W. Europe Standard Time</TimeZone>"));
//! assert!(xml.contains("<Name>builder</Name>")); // the client's local account
//! let cmd = preset.sysprep().expect("a sysprep preset");
//! assert_eq!(
//!     cmd.to_string(),
//!     r"%WINDIR%\System32\Sysprep\sysprep.exe /generalize /oobe /shutdown /unattend:C:\Windows\Panther\Unattend.xml"
//! );
//! # Ok::<(), unattend::presets::UnknownPreset>(())
//! ```
//!
//! # Editions
//!
//! On Windows client editions (10, 11) the built-in Administrator stays
//! disabled and OOBE stops at "create an account" unless the answer file
//! creates one: [`Edition::Client`] creates a local administrator account
//! ([`PresetOptions::user`]). On Windows Server OOBE asks for the built-in
//! Administrator's password instead: [`Edition::Server`] sets it and hides
//! that page (`HideLocalAccountScreen`, a Server-only setting).
//!
//! # Passwords
//!
//! There is no default password: [`PresetOptions::password`] is `None`
//! unless you set it, and then the file holds no password at all
//! ([`Preset::no_password_note`] says what that means for OOBE). A password
//! is written *hidden*, the way Windows System Image Manager does:
//! `<PlainText>false</PlainText>` and a base64 value (see
//! [`crate::password`]). **That is obfuscation, not encryption**: anyone
//! holding the file can read the password.

use std::fmt;
use std::str::FromStr;

use crate::model::components::deployment::{
    Generalize, Mode, RunSynchronous, RunSynchronousCommand, WillReboot,
};
use crate::model::components::international_core_win_pe::SetupUiLanguage;
use crate::model::components::setup::{
    self as setup_types, DataImageInstallTo, ImageInstall, InstallFrom, Key, MetaData, OsImage,
    ProductKey as SetupProductKey, UserData, WillShowUi,
};
use crate::model::components::shell_setup::{
    AdministratorPassword, AutoLogon, LocalAccount, LocalAccounts, Oobe, Password, ProtectYourPc,
    UserAccounts,
};
use crate::model::components::{
    Deployment, InternationalCore, InternationalCoreWinPe, PnpSysprep, Setup, ShellSetup,
};
use crate::model::{Arch, Component, Pass, Unattend, WcmAction, WriteOptions};
use crate::sysprep::{After, Phase, SysprepCommand};

/// Where Cloudbase-Init's installer puts itself by default.
pub const CLOUDBASE_INIT_DIR: &str = r"C:\Program Files\Cloudbase Solutions\Cloudbase-Init";

/// Where the sysprep presets expect the answer file on the machine being
/// generalized (the folder `unattend sysprep FILE` suggests too).
pub const ANSWER_FILE_FOLDER: &str = r"C:\Windows\Panther";

/// The local administrator account the client edition creates unless
/// [`PresetOptions::user`] says otherwise (the name Cloudbase's
/// windows-imaging-tools template uses for it).
pub const DEFAULT_USER: &str = "Admin";

/// EFI system partition, MB: the minimum Microsoft documents for 4K-native
/// disks (FAT32 needs 65,527 clusters of 4 KB), which also fits 512-byte
/// disks ("UEFI/GPT-based hard drive partitions").
pub const EFI_PARTITION_MB: u32 = 260;
/// Microsoft reserved partition, MB ("The size of the MSR is 16 MB").
pub const MSR_PARTITION_MB: u32 = 16;
/// BIOS system partition, MB (Microsoft's documented minimum and the size
/// of its sample script).
pub const BIOS_SYSTEM_PARTITION_MB: u32 = 100;
/// Recovery tools partition, MB. Microsoft requires at least 300 MB, room
/// for winre.wim (250–300 MB and growing with updates) plus at least 320 MB
/// free once the partition is 500 MB or larger; 1024 MB keeps that margin
/// for a Windows RE image of up to about 700 MB.
pub const RECOVERY_PARTITION_MB: u32 = 1024;
/// GPT type of the recovery tools partition (Microsoft: "This partition
/// must use the Type ID: DE94BBA4-06D1-4D40-A16A-BFD50179D6AC").
pub const RECOVERY_GPT_TYPE: &str = "de94bba4-06d1-4d40-a16a-bfd50179d6ac";
/// GPT attributes of the recovery tools partition: platform-required
/// (bit 0) and no drive letter (bit 63), as Microsoft's DiskPart sample
/// sets them.
pub const RECOVERY_GPT_ATTRIBUTES: &str = "0x8000000000000001";
/// MBR type of the recovery tools partition (`set id=27`).
pub const RECOVERY_MBR_TYPE: &str = "27";
/// Where the media presets write their DiskPart script in Windows PE
/// (`X:` is Windows PE's RAM drive).
pub const DISKPART_SCRIPT: &str = r"X:\unattend-diskpart.txt";
/// Automatic sign-ins the audit-mode preset allows by default.
pub const AUDIT_LOGON_COUNT: u32 = 5;

/// Which kind of Windows the file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Edition {
    /// Windows 10 / 11 (Home, Pro, Enterprise, Education): the built-in
    /// Administrator is disabled, so the file creates a local
    /// administrator account and OOBE does not stop to ask for one.
    Client,
    /// Windows Server: the built-in Administrator is the account; the file
    /// sets its password and hides the page that asks for it.
    Server,
}

impl Edition {
    /// Both editions.
    pub const ALL: [Edition; 2] = [Edition::Client, Edition::Server];

    /// `client` or `server`.
    pub fn name(&self) -> &'static str {
        match self {
            Edition::Client => "client",
            Edition::Server => "server",
        }
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not an edition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown edition {0:?} (editions: client, server)")]
pub struct UnknownEdition(pub String);

impl FromStr for Edition {
    type Err = UnknownEdition;

    fn from_str(s: &str) -> Result<Edition, UnknownEdition> {
        Edition::ALL
            .into_iter()
            .find(|e| e.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownEdition(s.to_string()))
    }
}

/// The image to install from `install.wim`/`install.esd`
/// (`dism /Get-ImageInfo /ImageFile:sources\install.wim` lists them).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ImageSelector {
    /// `/IMAGE/INDEX`: the image's index.
    Index(u32),
    /// `/IMAGE/NAME`: the image's name, as `dism /Get-ImageInfo` prints it.
    Name(String),
}

/// Microsoft's published generic product keys: the KMS client setup keys
/// (GVLKs) of "Key Management Services (KMS) client activation and product
/// keys" (Microsoft Learn). On install media such a key picks the edition
/// to install; it activates only against a KMS host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GenericKey {
    /// Windows 11 / 10 Pro.
    Pro,
    /// Windows 11 / 10 Pro N.
    ProN,
    /// Windows 11 / 10 Pro for Workstations.
    ProWorkstations,
    /// Windows 11 / 10 Pro Education.
    ProEducation,
    /// Windows 11 / 10 Education.
    Education,
    /// Windows 11 / 10 Enterprise.
    Enterprise,
    /// Windows 11 Enterprise LTSC 2024 (also 10 LTSC 2021 and 2019).
    EnterpriseLtsc,
    /// Windows Server 2025 Standard.
    Server2025Standard,
    /// Windows Server 2025 Datacenter.
    Server2025Datacenter,
    /// Windows Server 2022 Standard.
    Server2022Standard,
    /// Windows Server 2022 Datacenter.
    Server2022Datacenter,
    /// Windows Server 2019 Standard.
    Server2019Standard,
    /// Windows Server 2019 Datacenter.
    Server2019Datacenter,
}

impl GenericKey {
    /// Every generic key, client editions first.
    pub const ALL: [GenericKey; 13] = [
        GenericKey::Pro,
        GenericKey::ProN,
        GenericKey::ProWorkstations,
        GenericKey::ProEducation,
        GenericKey::Education,
        GenericKey::Enterprise,
        GenericKey::EnterpriseLtsc,
        GenericKey::Server2025Standard,
        GenericKey::Server2025Datacenter,
        GenericKey::Server2022Standard,
        GenericKey::Server2022Datacenter,
        GenericKey::Server2019Standard,
        GenericKey::Server2019Datacenter,
    ];

    /// The name `--product-key` accepts (`pro`, `server-2022-datacenter`).
    pub fn name(&self) -> &'static str {
        match self {
            GenericKey::Pro => "pro",
            GenericKey::ProN => "pro-n",
            GenericKey::ProWorkstations => "pro-workstations",
            GenericKey::ProEducation => "pro-education",
            GenericKey::Education => "education",
            GenericKey::Enterprise => "enterprise",
            GenericKey::EnterpriseLtsc => "enterprise-ltsc",
            GenericKey::Server2025Standard => "server-2025-standard",
            GenericKey::Server2025Datacenter => "server-2025-datacenter",
            GenericKey::Server2022Standard => "server-2022-standard",
            GenericKey::Server2022Datacenter => "server-2022-datacenter",
            GenericKey::Server2019Standard => "server-2019-standard",
            GenericKey::Server2019Datacenter => "server-2019-datacenter",
        }
    }

    /// The key, as Microsoft publishes it.
    pub fn key(&self) -> &'static str {
        match self {
            GenericKey::Pro => "W269N-WFGWX-YVC9B-4J6C9-T83GX",
            GenericKey::ProN => "MH37W-N47XK-V7XM9-C7227-GCQG9",
            GenericKey::ProWorkstations => "NRG8B-VKK3Q-CXVCJ-9G2XF-6Q84J",
            GenericKey::ProEducation => "6TP4R-GNPTD-KYYHQ-7B7DP-J447Y",
            GenericKey::Education => "NW6C2-QMPVW-D7KKK-3GKT6-VCFB2",
            GenericKey::Enterprise => "NPPR9-FWDCX-D2C8J-H872K-2YT43",
            GenericKey::EnterpriseLtsc => "M7XTQ-FN8P6-TTKYV-9D4CC-J462D",
            GenericKey::Server2025Standard => "TVRH6-WHNXV-R9WG3-9XRFY-MY832",
            GenericKey::Server2025Datacenter => "D764K-2NDRG-47T6Q-P8T8W-YP6DF",
            GenericKey::Server2022Standard => "VDYBN-27WPP-V4HQT-9VMD4-VMK7H",
            GenericKey::Server2022Datacenter => "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
            GenericKey::Server2019Standard => "N69G4-B89J2-4G8F4-WWYCC-J464C",
            GenericKey::Server2019Datacenter => "WMDGN-G9PQG-XVVXX-R3X43-63DFG",
        }
    }

    /// The edition the key belongs to.
    pub fn edition(&self) -> Edition {
        if self.name().starts_with("server-") {
            Edition::Server
        } else {
            Edition::Client
        }
    }
}

/// A product key for a preset: your own, or one of Microsoft's generic keys
/// by edition name. Product keys are written in clear (answer files cannot
/// hide them) and never printed.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum ProductKey {
    /// `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.
    Key(String),
    /// A published generic key ([`GenericKey`]).
    Generic(GenericKey),
}

impl ProductKey {
    /// The key as written into the file.
    pub fn key(&self) -> &str {
        match self {
            ProductKey::Key(k) => k,
            ProductKey::Generic(g) => g.key(),
        }
    }
}

impl fmt::Debug for ProductKey {
    /// Never shows a key of your own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProductKey::Key(_) => f.write_str("ProductKey::Key(…)"),
            ProductKey::Generic(g) => write!(f, "ProductKey::Generic({})", g.name()),
        }
    }
}

impl FromStr for ProductKey {
    type Err = std::convert::Infallible;

    /// A generic key's name (`pro`, `server-2022-standard`, ignoring case)
    /// or a key (checked by the linter, UA406).
    fn from_str(s: &str) -> Result<ProductKey, Self::Err> {
        let s = s.trim();
        Ok(GenericKey::ALL
            .into_iter()
            .find(|g| g.name().eq_ignore_ascii_case(s))
            .map_or_else(|| ProductKey::Key(s.to_string()), ProductKey::Generic))
    }
}

/// A ready-made answer file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Preset {
    /// A generic image: `sysprep /generalize /oobe /shutdown`. Every clone
    /// gets a new SID, a computer name (random by default) in specialize,
    /// and an OOBE that asks nothing: locale, time zone, the account (a
    /// local administrator on client editions, the built-in
    /// Administrator's password on Server), and the license, OEM
    /// registration, online account, wireless and privacy screens skipped.
    ///
    /// Drivers are *not* kept through generalize by default
    /// (`PersistAllDeviceInstalls`): a generic image goes to different
    /// hardware, and Microsoft advises keeping them only when every target
    /// has the same hardware. Set [`PresetOptions::persist_drivers`] for
    /// identical hardware.
    GeneralizeOobe,
    /// For cloud images that carry Cloudbase-Init (OpenStack and the clouds
    /// built on it), Windows Server by default. Modelled on the
    /// `conf\Unattend.xml` that Cloudbase-Init's installer ships: drivers
    /// kept through generalize (every VM has the same virtual hardware),
    /// Cloudbase-Init run once in specialize through `RunSynchronous` with
    /// `cloudbase-init-unattend.conf` (it sets the host name from the
    /// cloud's metadata, so the file sets no computer name; exit code 1
    /// restarts, 2 restarts and runs it again, as `WillReboot` `OnRequest`
    /// defines), and an OOBE that asks nothing. Like Cloudbase's file it
    /// sets **no administrator password** unless
    /// [`PresetOptions::password`] is given: the cloud's metadata password
    /// goes to the user Cloudbase-Init manages. The shipped file hides
    /// OOBE with `SkipMachineOOBE`/`SkipUserOOBE` and sets
    /// `NetworkLocation`, all deprecated; this preset uses the current
    /// `Hide…` settings instead.
    ///
    /// Sysprep: `/generalize /oobe /shutdown
    /// /unattend:"<Cloudbase-Init>\conf\Unattend.xml"`; write the file over
    /// the installer's copy and run Cloudbase-Init's `SetSetupComplete.cmd`
    /// first (see [`Preset::notes`]).
    CloudbaseInit,
    /// Audit mode: the first run, `sysprep /audit /reboot`, restarts into
    /// audit mode, where Windows enables the built-in Administrator and
    /// signs it in by itself (Microsoft's auditSystem page: "you don't need
    /// to use an answer file to explicitly enable the built-in administrator
    /// account or specify an autologon account … doing so can prevent the
    /// image or device from successfully entering OOBE"); set
    /// [`PresetOptions::audit_autologon`] to write `AutoLogon` (with a
    /// `LogonCount`) and the password into auditSystem all the same. The
    /// auditUser pass runs the customisation commands
    /// ([`PresetOptions::audit_commands`], `WillReboot` `OnRequest`: exit
    /// code 1 restarts and goes on with the next command, 2 restarts and
    /// runs the command again) and then `Generalize` (`Mode` `OOBE`,
    /// `ForceShutdownNow` `true`, valid only in auditUser) generalizes the
    /// image and shuts the machine down, as `sysprep /generalize /oobe
    /// /shutdown` would. Capture the image once the machine is off. Every
    /// clone then runs specialize (with `CopyProfile` when
    /// [`PresetOptions::copy_profile`] is set) and an OOBE that asks
    /// nothing.
    ///
    /// The file has no `Reseal` `Mode` `Audit` in oobeSystem: the clones run
    /// that same oobeSystem pass, and `Reseal` there would send every one of
    /// them back into audit mode.
    AuditMode,
    /// VM mode: `sysprep /generalize /oobe /mode:vm /shutdown`, for a
    /// virtual disk redeployed on the same hypervisor (run inside the VM).
    /// Microsoft lists `/reboot`, `/shutdown` and `/quit` as the switches
    /// that apply to VM mode, so the command has no `/unattend`: copy the
    /// file to `%WINDIR%\Panther\Unattend.xml` before running sysprep.
    ///
    /// Content as [`Preset::GeneralizeOobe`].
    VmMode,
    /// Install media for UEFI machines: windowsPE language, Microsoft's
    /// recommended layout on [`PresetOptions::disk_id`] (EFI 260 MB, MSR
    /// 16 MB, Windows, Recovery 1024 MB with its GPT type and attributes)
    /// made by a DiskPart script in windowsPE, the image chosen by
    /// [`PresetOptions::image`] or the product key, license accepted; then
    /// computer name, locale, time zone, the account and an OOBE that asks
    /// nothing. **Wipes the disk.** Save as `Autounattend.xml` at the root
    /// of the USB drive or ISO; no sysprep command.
    ///
    /// The layout is a DiskPart script because `DiskConfiguration` cannot
    /// put a partition after one that fills the disk, nor set GPT
    /// attributes.
    AutounattendUefi,
    /// Install media for BIOS machines: as [`Preset::AutounattendUefi`] with
    /// Microsoft's MBR layout (System 100 MB, active; Windows; Recovery
    /// 1024 MB, type 0x27). **Wipes the disk.**
    AutounattendBios,
}

/// What a user typically changes in a preset. `PresetOptions::default()`
/// gives the documented defaults: no password, the preset's own edition.
/// `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct PresetOptions {
    /// The architecture of every component. Default `amd64`.
    pub arch: Arch,
    /// Client or Server; `None`: the preset's own ([`Preset::default_edition`]:
    /// Server for `cloudbase-init`, client otherwise).
    pub edition: Option<Edition>,
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
    /// Client edition: the local administrator account created in
    /// oobeSystem. Default [`DEFAULT_USER`].
    pub user: String,
    /// The password of that account (client) or of the built-in
    /// Administrator (server, and audit mode's automatic sign-in), written
    /// hidden (obfuscated, not encrypted). `None` (the default): the file
    /// holds no password; see [`Preset::no_password_note`].
    pub password: Option<String>,
    /// A product key: in windowsPE `UserData` on media (where it also picks
    /// the edition to install), in specialize `Shell-Setup/ProductKey` for
    /// sysprep presets. `None`: on client media the generic Pro key
    /// ([`GenericKey::Pro`]) so Setup does not stop to ask; none otherwise.
    pub product_key: Option<ProductKey>,
    /// Media presets: the image to install. `None`: on server media index 2
    /// (Standard with the Desktop Experience on Microsoft's Windows Server
    /// 2016–2025 media; index 1 is Server Core); on client media none, the
    /// product key picks the edition.
    pub image: Option<ImageSelector>,
    /// Media presets: the disk to wipe and install to. Default 0.
    pub disk_id: u32,
    /// Keep the installed drivers through generalize
    /// (`PnpSysprep/PersistAllDeviceInstalls`). `None`: the preset's choice
    /// (`true` for `cloudbase-init`, not written otherwise).
    pub persist_drivers: Option<bool>,
    /// `audit-mode`: commands run one after the other in the auditUser pass,
    /// before the image is generalized (`WillReboot` `OnRequest`). Default:
    /// one command that runs `C:\Setup\customize.cmd` when it exists.
    pub audit_commands: Vec<String>,
    /// `audit-mode`: write `AutoLogon` for the built-in Administrator (and
    /// its password, when there is one) into auditSystem. Default off:
    /// Microsoft's auditSystem page says audit mode signs the built-in
    /// Administrator in by itself and that specifying an autologon account
    /// can keep the image from entering OOBE.
    pub audit_autologon: bool,
    /// `audit-mode` with [`audit_autologon`](Self::audit_autologon): how
    /// many automatic sign-ins (`AutoLogon/LogonCount`). Default
    /// [`AUDIT_LOGON_COUNT`].
    pub audit_logon_count: u32,
    /// Sysprep presets: `CopyProfile` in specialize, copying the profile
    /// customised in audit mode to the default user profile. Default off.
    pub copy_profile: bool,
    /// `cloudbase-init`: Cloudbase-Init's installation folder. Default
    /// [`CLOUDBASE_INIT_DIR`].
    pub cloudbase_init_dir: String,
}

impl fmt::Debug for PresetOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PresetOptions")
            .field("arch", &self.arch)
            .field("edition", &self.edition)
            .field("ui_language", &self.ui_language)
            .field("system_locale", &self.system_locale)
            .field("user_locale", &self.user_locale)
            .field("input_locale", &self.input_locale)
            .field("time_zone", &self.time_zone)
            .field("computer_name", &self.computer_name)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "…"))
            .field("product_key", &self.product_key)
            .field("image", &self.image)
            .field("disk_id", &self.disk_id)
            .field("persist_drivers", &self.persist_drivers)
            .field("audit_commands", &self.audit_commands)
            .field("audit_autologon", &self.audit_autologon)
            .field("audit_logon_count", &self.audit_logon_count)
            .field("copy_profile", &self.copy_profile)
            .field("cloudbase_init_dir", &self.cloudbase_init_dir)
            .finish()
    }
}

impl Default for PresetOptions {
    fn default() -> Self {
        PresetOptions {
            arch: Arch::Amd64,
            edition: None,
            ui_language: "en-US".into(),
            system_locale: "en-US".into(),
            user_locale: "en-US".into(),
            input_locale: "en-US".into(),
            time_zone: "UTC".into(),
            computer_name: "*".into(),
            user: DEFAULT_USER.into(),
            password: None,
            product_key: None,
            image: None,
            disk_id: 0,
            persist_drivers: None,
            audit_commands: vec![
                r"cmd.exe /c if exist C:\Setup\customize.cmd call C:\Setup\customize.cmd".into(),
            ],
            audit_autologon: false,
            audit_logon_count: AUDIT_LOGON_COUNT,
            copy_profile: false,
            cloudbase_init_dir: CLOUDBASE_INIT_DIR.into(),
        }
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
                "cloud image with Cloudbase-Init: drivers kept, cloudbase-init-unattend in specialize, unattended OOBE, no password"
            }
            Preset::AuditMode => {
                "enter audit mode (sysprep /audit /reboot), run customisation commands, then generalize to OOBE and shut down"
            }
            Preset::VmMode => {
                "VHD for the same hypervisor (sysprep /generalize /oobe /mode:vm /shutdown; file in %WINDIR%\\Panther)"
            }
            Preset::AutounattendUefi => {
                "install media, UEFI/GPT: wipes the disk, EFI + MSR + Windows + Recovery partitions, unattended OOBE"
            }
            Preset::AutounattendBios => {
                "install media, BIOS/MBR: wipes the disk, System (active) + Windows + Recovery partitions, unattended OOBE"
            }
        }
    }

    /// The edition used when [`PresetOptions::edition`] is `None`: Server
    /// for `cloudbase-init` (cloud images are mostly Windows Server),
    /// client for the others.
    pub fn default_edition(&self) -> Edition {
        match self {
            Preset::CloudbaseInit => Edition::Server,
            _ => Edition::Client,
        }
    }

    /// The edition `options` ask for.
    pub fn edition(&self, options: &PresetOptions) -> Edition {
        options.edition.unwrap_or_else(|| self.default_edition())
    }

    /// Whether the preset normally carries a password. `cloudbase-init`
    /// does not (Cloudbase-Init's own file sets none: the cloud's metadata
    /// password goes to the user Cloudbase-Init manages); `unattend new`
    /// asks for one for every other preset.
    pub fn wants_password(&self) -> bool {
        !matches!(self, Preset::CloudbaseInit)
    }

    /// What a file without a password means for OOBE on `edition`.
    pub fn no_password_note(&self, edition: Edition, user: &str) -> String {
        let audit = if *self == Preset::AuditMode {
            " Audit mode signs the built-in Administrator in with an empty password."
        } else {
            ""
        };
        let main = match (self, edition) {
            (Preset::CloudbaseInit, Edition::Server) => {
                "no administrator password: the file sets none for the built-in Administrator and hides the page that would ask for one; sign in with the user Cloudbase-Init creates and gives the metadata password (username in cloudbase-init.conf).".to_string()
            }
            (_, Edition::Client) => format!(
                "no password: the local administrator account {user:?} is created with an empty password; OOBE completes, and anyone at the console can sign in as {user:?} until a password is set."
            ),
            (_, Edition::Server) => {
                "no password: the file sets none for the built-in Administrator and hides the page that would ask for one; set it before the machine is reachable (net user Administrator *).".to_string()
            }
        };
        format!("{main}{audit}")
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
                r"Copy the file to C:\Windows\Panther\Unattend.xml on the reference machine, run the command from an administrator Command Prompt (%WINDIR% is cmd syntax; in PowerShell write $env:WINDIR), and capture the image once the machine is off. Logs: %WINDIR%\System32\Sysprep\Panther (generalize), %WINDIR%\Panther (specialize, OOBE)."
            }
            Preset::CloudbaseInit => {
                r"Write the file over Cloudbase-Init's own conf\Unattend.xml. Run Cloudbase-Init's Bin\SetSetupComplete.cmd first, as its installer does before sysprep: it sets the cloudbase-init service to manual start and writes %WINDIR%\Setup\Scripts\SetupComplete.cmd, which starts it once Windows Setup has finished. Then run the command from an administrator Command Prompt (%WINDIR% is cmd syntax; in PowerShell write $env:WINDIR) and create the image once the VM is off. On first boot Cloudbase-Init sets the host name and the metadata password."
            }
            Preset::AuditMode => {
                r"First step: copy the file to C:\Windows\Panther\Unattend.xml and run the command from an administrator Command Prompt (%WINDIR% is cmd syntax; in PowerShell write $env:WINDIR); Windows restarts into audit mode, signs the built-in Administrator in by itself and runs the auditUser commands (exit code 1 restarts and continues, 2 restarts and runs the command again). Second step: nothing to type: Generalize (Mode=OOBE, ForceShutdownNow=true) then generalizes the image and shuts the machine down, as sysprep /generalize /oobe /shutdown would. Capture the image once it is off."
            }
            Preset::VmMode => {
                r"Microsoft lists /reboot, /shutdown and /quit as the switches that apply to /mode:vm, so the command has no /unattend: copy the file to %WINDIR%\Panther\Unattend.xml (searched before %WINDIR%\System32\Sysprep; the name must be Unattend.xml), then run the command inside the VM from an administrator Command Prompt (in PowerShell write $env:WINDIR for %WINDIR%). Deploy the VHD on the same hypervisor only."
            }
            Preset::AutounattendUefi | Preset::AutounattendBios => {
                "Save the file as Autounattend.xml at the root of the USB drive or ISO next to the Windows media: Setup finds it on its own. It wipes the target disk (a DiskPart script in windowsPE makes Microsoft's recommended layout, recovery partition last)."
            }
        }
    }

    /// The image the media presets install: [`PresetOptions::image`], or
    /// index 2 on server media; `None` on client media without one (the
    /// product key picks the edition).
    pub fn image(&self, options: &PresetOptions) -> Option<ImageSelector> {
        match (&options.image, self.edition(options)) {
            (Some(image), _) => Some(image.clone()),
            (None, Edition::Server) => Some(ImageSelector::Index(2)),
            (None, Edition::Client) => None,
        }
    }

    /// The product key written into the file: [`PresetOptions::product_key`],
    /// or on client media Microsoft's generic Pro key.
    pub fn product_key(&self, options: &PresetOptions) -> Option<ProductKey> {
        match (&options.product_key, self.is_media(), self.edition(options)) {
            (Some(key), _, _) => Some(key.clone()),
            (None, true, Edition::Client) => Some(ProductKey::Generic(GenericKey::Pro)),
            _ => None,
        }
    }

    /// The DiskPart script the media presets run in windowsPE, one command a
    /// line (Microsoft's sample layouts with this module's sizes); `None`
    /// for the sysprep presets.
    pub fn diskpart_script(&self, options: &PresetOptions) -> Option<Vec<String>> {
        let disk = options.disk_id;
        let lines: Vec<String> = match self {
            Preset::AutounattendUefi => vec![
                format!("select disk {disk}"),
                "clean".into(),
                "convert gpt".into(),
                format!("create partition efi size={EFI_PARTITION_MB}"),
                r#"format quick fs=fat32 label="System""#.into(),
                format!("create partition msr size={MSR_PARTITION_MB}"),
                "create partition primary".into(),
                format!("shrink minimum={RECOVERY_PARTITION_MB}"),
                r#"format quick fs=ntfs label="Windows""#.into(),
                "create partition primary".into(),
                r#"format quick fs=ntfs label="Recovery""#.into(),
                format!(r#"set id="{RECOVERY_GPT_TYPE}""#),
                format!("gpt attributes={RECOVERY_GPT_ATTRIBUTES}"),
            ],
            Preset::AutounattendBios => vec![
                format!("select disk {disk}"),
                "clean".into(),
                format!("create partition primary size={BIOS_SYSTEM_PARTITION_MB}"),
                r#"format quick fs=ntfs label="System""#.into(),
                "active".into(),
                "create partition primary".into(),
                format!("shrink minimum={RECOVERY_PARTITION_MB}"),
                r#"format quick fs=ntfs label="Windows""#.into(),
                "create partition primary".into(),
                r#"format quick fs=ntfs label="Recovery""#.into(),
                format!("set id={RECOVERY_MBR_TYPE}"),
            ],
            _ => return None,
        };
        Some(lines)
    }

    /// The answer file, as a typed model.
    pub fn build(&self, options: &PresetOptions) -> Unattend {
        let arch = options.arch;
        let edition = self.edition(options);
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
                    Component::typed(arch, self.media_setup(options)),
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
                if options.audit_autologon {
                    add(
                        Pass::AuditSystem,
                        Component::typed(arch, audit_system_shell_setup(options)),
                    );
                }
                let commands = options
                    .audit_commands
                    .iter()
                    .enumerate()
                    .map(|(i, path)| RunSynchronousCommand {
                        wcm_action: Some(WcmAction::Add),
                        order: Some(i as i64 + 1),
                        path: Some(path.clone()),
                        description: Some(format!("Audit mode customisation, step {}", i + 1)),
                        will_reboot: Some(WillReboot::OnRequest),
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
        // product key and CopyProfile. Cloudbase-Init names cloud VMs
        // itself. audit-mode writes no `*` (a random name, what Windows
        // picks anyway without a ComputerName).
        let name_wanted = match self {
            Preset::CloudbaseInit => false,
            Preset::AuditMode => options.computer_name != "*",
            _ => true,
        };
        let specialize = ShellSetup {
            computer_name: name_wanted.then(|| options.computer_name.clone()),
            copy_profile: (options.copy_profile && !self.is_media()).then_some(true),
            product_key: if self.is_media() {
                None
            } else {
                self.product_key(options).map(|k| k.key().to_string())
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
            Component::typed(arch, oobe_shell_setup(edition, options)),
        );
        file
    }

    /// The answer file as `unattend new` writes it: the canonical XML with a
    /// comment after the declaration naming the preset, its edition, its
    /// sysprep command and where the file goes.
    pub fn to_xml(&self, options: &PresetOptions) -> String {
        let xml = self.build(options).to_xml(&WriteOptions::default());
        let mut body = format!(
            "unattend preset {} ({} edition): {}",
            self.name(),
            self.edition(options),
            self.summary()
        );
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

    /// Microsoft-Windows-Setup on media: DiskPart layout, image, license,
    /// key.
    fn media_setup(&self, options: &PresetOptions) -> Setup {
        let script = self.diskpart_script(options).unwrap_or_default();
        let mut commands: Vec<setup_types::RunSynchronousCommand> = script
            .iter()
            .enumerate()
            .map(|(i, line)| {
                // Redirection first: `echo select disk 0>>file` would
                // redirect handle 0 instead of writing "0".
                let redirect = if i == 0 { ">" } else { ">>" };
                setup_types::RunSynchronousCommand {
                    wcm_action: Some(WcmAction::Add),
                    order: Some(i as i64 + 1),
                    path: Some(format!(
                        "cmd.exe /c {redirect}{DISKPART_SCRIPT} echo {line}"
                    )),
                    description: (i == 0).then(|| "Write the DiskPart script".to_string()),
                    ..Default::default()
                }
            })
            .collect();
        commands.push(setup_types::RunSynchronousCommand {
            wcm_action: Some(WcmAction::Add),
            order: Some(commands.len() as i64 + 1),
            path: Some(format!("diskpart.exe /s {DISKPART_SCRIPT}")),
            description: Some("Partition the disk (wipes it)".to_string()),
            ..Default::default()
        });
        let windows_partition = if *self == Preset::AutounattendUefi {
            3
        } else {
            2
        };
        let install_from = self.image(options).map(|image| {
            let (key, value) = match image {
                ImageSelector::Index(i) => (Key::ImageIndex, i.to_string()),
                ImageSelector::Name(n) => (Key::ImageName, n),
            };
            InstallFrom {
                meta_data: vec![MetaData {
                    wcm_action: Some(WcmAction::Add),
                    key: Some(key),
                    value: Some(value),
                    ..Default::default()
                }],
                ..Default::default()
            }
        });
        Setup {
            image_install: Some(ImageInstall {
                os_image: Some(OsImage {
                    install_from,
                    install_to: Some(DataImageInstallTo {
                        disk_id: Some(i64::from(options.disk_id)),
                        partition_id: Some(windows_partition),
                        ..Default::default()
                    }),
                    will_show_ui: Some(WillShowUi::OnError),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            run_synchronous: Some(setup_types::RunSynchronous {
                run_synchronous_command: commands,
                ..Default::default()
            }),
            user_data: Some(UserData {
                accept_eula: Some(true),
                product_key: self.product_key(options).map(|key| SetupProductKey {
                    key: Some(key.key().to_string()),
                    will_show_ui: Some(WillShowUi::OnError),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
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

/// `Password` hidden for the element `element` (`Password` or
/// `AdministratorPassword`, which share the shape).
fn hidden(password: &str, element: &str) -> (Option<bool>, Option<String>) {
    (
        Some(false),
        Some(crate::password::encode(password, element)),
    )
}

/// Shell-Setup in oobeSystem: OOBE screens skipped, time zone, the account.
fn oobe_shell_setup(edition: Edition, options: &PresetOptions) -> ShellSetup {
    let user_accounts = match edition {
        Edition::Client => Some(UserAccounts {
            local_accounts: Some(LocalAccounts {
                local_account: vec![LocalAccount {
                    wcm_action: Some(WcmAction::Add),
                    description: Some("Local administrator created by the answer file".into()),
                    display_name: Some(options.user.clone()),
                    group: Some("Administrators".into()),
                    name: Some(options.user.clone()),
                    password: options.password.as_deref().map(|p| {
                        let (plain_text, value) = hidden(p, "Password");
                        Password {
                            plain_text,
                            value,
                            ..Default::default()
                        }
                    }),
                    ..Default::default()
                }],
                ..Default::default()
            }),
            ..Default::default()
        }),
        Edition::Server => options.password.as_deref().map(|p| UserAccounts {
            administrator_password: Some(administrator_password(p)),
            ..Default::default()
        }),
    };
    ShellSetup {
        oobe: Some(Oobe {
            hide_eula_page: Some(true),
            // Server only: the page that asks for the Administrator's
            // password.
            hide_local_account_screen: (edition == Edition::Server).then_some(true),
            hide_oem_registration_screen: Some(true),
            hide_online_account_screens: Some(true),
            hide_wireless_setup_in_oobe: Some(true),
            // 3: the privacy/"express settings" page is skipped with the
            // recommended settings off; change it with --set when you want 1.
            protect_your_pc: Some(ProtectYourPc::V3),
            ..Default::default()
        }),
        time_zone: Some(options.time_zone.clone()),
        user_accounts,
        ..Default::default()
    }
}

fn administrator_password(password: &str) -> AdministratorPassword {
    let (plain_text, value) = hidden(password, "AdministratorPassword");
    AdministratorPassword {
        plain_text,
        value,
        ..Default::default()
    }
}

/// Shell-Setup in auditSystem: audit mode signs the built-in Administrator
/// in by itself, with its password when there is one.
fn audit_system_shell_setup(options: &PresetOptions) -> ShellSetup {
    ShellSetup {
        auto_logon: Some(AutoLogon {
            enabled: Some(true),
            logon_count: Some(i64::from(options.audit_logon_count)),
            password: options.password.as_deref().map(|p| {
                let (plain_text, value) = hidden(p, "Password");
                Password {
                    plain_text,
                    value,
                    ..Default::default()
                }
            }),
            username: Some("Administrator".into()),
            ..Default::default()
        }),
        user_accounts: options.password.as_deref().map(|p| UserAccounts {
            administrator_password: Some(administrator_password(p)),
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

#[cfg(test)]
#[cfg(feature = "lint")]
mod tests {
    use super::*;
    use crate::lint::{ResolvedConfig, Severity, lint_document};

    fn findings(p: Preset, options: &PresetOptions) -> Vec<String> {
        let xml = p.to_xml(options);
        let doc = crate::Document::parse_str(&xml).unwrap();
        let config = match p.sysprep_command(options, p.file_name()) {
            Some(cmd) => ResolvedConfig::default().with_sysprep(&cmd.to_string()),
            None => ResolvedConfig::default(),
        };
        lint_document(&doc, &config)
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| format!("{} [{}] {}", d.code, d.severity, d.message))
            .collect()
    }

    #[test]
    fn names_round_trip() {
        for p in Preset::all() {
            assert_eq!(p.name().parse::<Preset>(), Ok(*p));
            assert_eq!(p.to_string(), p.name());
        }
        assert_eq!("Vm_Mode".parse::<Preset>(), Ok(Preset::VmMode));
        let err = "golden".parse::<Preset>().unwrap_err().to_string();
        assert!(err.contains("generalize-oobe") && err.contains("autounattend-bios"));
        assert_eq!("Server".parse::<Edition>(), Ok(Edition::Server));
        assert!("home".parse::<Edition>().is_err());
        assert_eq!(
            "Server-2022-Datacenter".parse::<ProductKey>().unwrap(),
            ProductKey::Generic(GenericKey::Server2022Datacenter)
        );
        let own: ProductKey = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE".parse().unwrap();
        assert_eq!(own.key(), "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE");
        assert!(!format!("{own:?}").contains("AAAAA"));
        let options = PresetOptions {
            password: Some("never-shown-7".into()),
            product_key: Some(own),
            ..Default::default()
        };
        let debug = format!("{options:?}");
        assert!(
            !debug.contains("never-shown-7") && !debug.contains("AAAAA"),
            "{debug}"
        );
        for g in GenericKey::ALL {
            assert_eq!(g.key().len(), 29, "{}", g.name());
        }
    }

    #[test]
    fn every_preset_and_edition_lints_clean_with_its_command() {
        for p in Preset::all() {
            for edition in Edition::ALL {
                for password in [None, Some("S3cret-enough".to_string())] {
                    let options = PresetOptions {
                        edition: Some(edition),
                        password: password.clone(),
                        ..Default::default()
                    };
                    let f = findings(*p, &options);
                    assert!(f.is_empty(), "{p} {edition} {password:?}: {f:#?}");
                }
            }
        }
    }

    #[test]
    fn no_placeholder_and_no_password_by_default() {
        for p in Preset::all() {
            for edition in Edition::ALL {
                let options = PresetOptions {
                    edition: Some(edition),
                    ..Default::default()
                };
                let xml = p.to_xml(&options);
                assert!(!xml.contains("<PlainText>"), "{p} {edition}:\n{xml}");
                assert!(!xml.to_ascii_lowercase().contains("change-me"), "{p}");
            }
        }
    }

    #[test]
    fn client_creates_a_local_administrator_and_server_sets_the_builtin_one() {
        let options = PresetOptions {
            user: "builder".into(),
            password: Some("pw-123-abc".into()),
            ..Default::default()
        };
        let client = Preset::GeneralizeOobe.to_xml(&options);
        assert!(client.contains("<Name>builder</Name>"));
        assert!(client.contains("<Group>Administrators</Group>"));
        assert!(client.contains(&crate::password::encode("pw-123-abc", "Password")));
        assert!(!client.contains("AdministratorPassword"));
        assert!(!client.contains("HideLocalAccountScreen"));
        let server = Preset::GeneralizeOobe.to_xml(&PresetOptions {
            edition: Some(Edition::Server),
            ..options
        });
        assert!(!server.contains("<LocalAccounts>"));
        assert!(server.contains("<HideLocalAccountScreen>true</HideLocalAccountScreen>"));
        assert!(server.contains(&crate::password::encode(
            "pw-123-abc",
            "AdministratorPassword"
        )));
        assert!(!server.contains("pw-123-abc"));
    }

    #[test]
    fn cloudbase_init_is_server_without_a_password() {
        assert_eq!(Preset::CloudbaseInit.default_edition(), Edition::Server);
        assert!(!Preset::CloudbaseInit.wants_password());
        let xml = Preset::CloudbaseInit.to_xml(&PresetOptions::default());
        assert!(!xml.contains("Password") && xml.contains("HideLocalAccountScreen"));
        assert!(Preset::CloudbaseInit.notes().contains("SetupComplete"));
        assert!(Preset::CloudbaseInit.notes().contains("$env:WINDIR"));
        let with = Preset::CloudbaseInit.to_xml(&PresetOptions {
            password: Some("metadata-too".into()),
            ..Default::default()
        });
        assert!(with.contains("<AdministratorPassword>"));
    }

    #[test]
    fn audit_mode_autologon_only_when_asked() {
        // Microsoft's auditSystem page: audit mode signs in by itself, and an
        // autologon account in the file can keep the image from OOBE.
        let plain = Preset::AuditMode.to_xml(&PresetOptions {
            password: Some("audit-pw-1".into()),
            ..Default::default()
        });
        assert!(!plain.contains("auditSystem") && !plain.contains("AutoLogon"));
        let xml = Preset::AuditMode.to_xml(&PresetOptions {
            password: Some("audit-pw-1".into()),
            copy_profile: true,
            audit_autologon: true,
            ..Default::default()
        });
        let audit_system = xml
            .split("<settings pass=\"auditSystem\">")
            .nth(1)
            .and_then(|s| s.split("</settings>").next())
            .expect("an auditSystem pass");
        for needle in [
            "<AutoLogon>",
            "<Enabled>true</Enabled>",
            "<LogonCount>5</LogonCount>",
            "<Username>Administrator</Username>",
            "<AdministratorPassword>",
        ] {
            assert!(audit_system.contains(needle), "{needle}:\n{audit_system}");
        }
        assert!(xml.contains("<CopyProfile>true</CopyProfile>"));
        assert!(xml.contains("<WillReboot>OnRequest</WillReboot>"));
        for password in [None, Some("audit-pw-1".to_string())] {
            let options = PresetOptions {
                copy_profile: true,
                audit_autologon: true,
                password,
                ..Default::default()
            };
            assert_eq!(findings(Preset::AuditMode, &options), Vec::<String>::new());
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
    fn media_layouts_follow_microsofts_recommendation() {
        let uefi = Preset::AutounattendUefi;
        let script = uefi.diskpart_script(&PresetOptions::default()).unwrap();
        let at = |needle: &str| {
            script
                .iter()
                .position(|l| l == needle)
                .unwrap_or_else(|| panic!("{needle} missing: {script:#?}"))
        };
        // EFI, MSR, Windows, then Recovery made from the space shrunk off
        // Windows, with its type and attributes.
        assert!(at("create partition efi size=260") < at("create partition msr size=16"));
        assert!(at("create partition msr size=16") < at("shrink minimum=1024"));
        assert!(
            at(r#"format quick fs=ntfs label="Windows""#)
                < at(r#"format quick fs=ntfs label="Recovery""#)
        );
        assert!(
            at(r#"set id="de94bba4-06d1-4d40-a16a-bfd50179d6ac""#)
                > at(r#"format quick fs=ntfs label="Recovery""#)
        );
        at("gpt attributes=0x8000000000000001");
        at("convert gpt");
        let xml = uefi.to_xml(&PresetOptions::default());
        assert!(xml.contains("<PartitionID>3</PartitionID>"));
        assert!(xml.contains(r"diskpart.exe /s X:\unattend-diskpart.txt"));
        assert!(xml.contains(&format!("<Key>{}</Key>", GenericKey::Pro.key())));
        assert!(!xml.contains("/IMAGE/"));

        let bios = Preset::AutounattendBios;
        let script = bios
            .diskpart_script(&PresetOptions {
                disk_id: 1,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(script[0], "select disk 1");
        assert!(script.contains(&"active".to_string()));
        assert!(script.contains(&"create partition primary size=100".to_string()));
        assert_eq!(script.last().map(String::as_str), Some("set id=27"));
        let server = bios.to_xml(&PresetOptions {
            edition: Some(Edition::Server),
            ..Default::default()
        });
        assert!(server.contains("<Key>/IMAGE/INDEX</Key>") && server.contains("<Value>2</Value>"));
        assert!(!server.contains("<ProductKey>"));
        assert!(server.contains("<PartitionID>2</PartitionID>"));
        let named = bios.to_xml(&PresetOptions {
            image: Some(ImageSelector::Name("Windows 11 Enterprise".into())),
            product_key: Some(ProductKey::Generic(GenericKey::Enterprise)),
            ..Default::default()
        });
        assert!(named.contains("<Key>/IMAGE/NAME</Key>"));
        assert!(named.contains("<Value>Windows 11 Enterprise</Value>"));
        assert!(named.contains(GenericKey::Enterprise.key()));
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
