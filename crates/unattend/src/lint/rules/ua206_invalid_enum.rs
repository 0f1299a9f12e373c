//! ## What it checks
//!
//! That settings with a closed set of documented values hold one of them:
//! `WillReboot` is `Always`, `OnRequest` or `Never`; `CreatePartition/Type`
//! is `Primary`, `EFI`, `Extended`, `Logical` or `MSR`; `Reseal/Mode` is
//! `Audit` or `OOBE`.
//!
//! A value that matches a documented one only when case and surrounding
//! spaces are ignored (`/image/index`, `"/IMAGE/NAME "`, `oobe`) is a
//! warning with the canonical spelling: real Packer builds use such values
//! and install fine, so Windows evidently compares them loosely, but the
//! documented form is the one every release is known to accept. Anything
//! else is an error. `ModifyPartition/Format` is documented as `NTFS` or
//! `FAT32` only, yet Windows Server formats `ReFS` data partitions, so an
//! undocumented file system there is a warning. `InstallFrom/MetaData/Key`
//! is documented as `/IMAGE/INDEX`, `/IMAGE/NAME` or `/IMAGE/DESCRIPTION`,
//! but Setup selects the image by any path of the image's WIM XML metadata
//! (`/IMAGE/WINDOWS/EDITIONID`, `/IMAGE/FLAGS`, …, as `dism /Get-ImageInfo`
//! and `wimlib-imagex info --xml` show them): such a path is a warning, a
//! path no WIM metadata has (`/IMAGE/EditionID`) stays an error. Empty
//! values are left to UA208 and template placeholders are skipped.
//!
//! ## Why it matters
//!
//! Windows Setup does not guess: a value outside the set stops it with "The
//! answer file is invalid", or the setting is dropped and Setup falls back
//! to its default (or to asking the user).
//!
//! ## Example
//!
//! ```xml
//! <RunSynchronousCommand wcm:action="add">
//!   <Order>1</Order>
//!   <Path>cmd /c setup.cmd</Path>
//!   <WillReboot>Yes</WillReboot>
//! </RunSynchronousCommand>
//! ```
//!
//! ## Fix
//!
//! Use a documented value, spelt as documented:
//!
//! ```xml
//! <WillReboot>OnRequest</WillReboot>
//! ```
//!
//! ## Evidence
//!
//! Error: the "Values" table of the setting's page in Microsoft's
//! Unattended Windows Setup Reference lists the only documented values.
//! Warning where real files are known to install with the value although
//! the page does not list it: a different case or surrounding spaces, ReFS
//! for `ModifyPartition/Format`, and WIM metadata paths other than the three
//! documented ones for `MetaData/Key`.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the "Values" table
//!   of each setting's page (`unattend catalog COMPONENT/SETTING`)

use crate::lint::prelude::*;

/// UA206 `invalid-enum`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA206",
    name: "invalid-enum",
    severity: Severity::Error,
    summary: "value not in the documented set (case-insensitive match → warning with canonical form)",
};

/// Settings whose documented set is known to be incomplete: other values
/// are warnings. `(component, path)`.
const OPEN_SETS: &[(&str, &str, &str)] = &[(
    "Microsoft-Windows-Setup",
    "DiskConfiguration/Disk/ModifyPartitions/ModifyPartition/Format",
    "the page documents NTFS and FAT32 only, but Windows Server also formats ReFS data partitions; make sure the target edition supports this file system",
)];

/// Paths of the XML metadata a WIM file keeps for each image (below
/// `/IMAGE`), upper case as the WIM writes them. `MetaData/Key` names one of
/// them; Setup matches the image by it.
const WIM_METADATA_PATHS: &[&str] = &[
    "/IMAGE/INDEX",
    "/IMAGE/NAME",
    "/IMAGE/DESCRIPTION",
    "/IMAGE/DISPLAYNAME",
    "/IMAGE/DISPLAYDESCRIPTION",
    "/IMAGE/FLAGS",
    "/IMAGE/DIRCOUNT",
    "/IMAGE/FILECOUNT",
    "/IMAGE/TOTALBYTES",
    "/IMAGE/HARDLINKBYTES",
    "/IMAGE/CREATIONTIME/HIGHPART",
    "/IMAGE/CREATIONTIME/LOWPART",
    "/IMAGE/LASTMODIFICATIONTIME/HIGHPART",
    "/IMAGE/LASTMODIFICATIONTIME/LOWPART",
    "/IMAGE/WIMBOOT",
    "/IMAGE/WINDOWS/ARCH",
    "/IMAGE/WINDOWS/PRODUCTNAME",
    "/IMAGE/WINDOWS/EDITIONID",
    "/IMAGE/WINDOWS/INSTALLATIONTYPE",
    "/IMAGE/WINDOWS/PRODUCTTYPE",
    "/IMAGE/WINDOWS/PRODUCTSUITE",
    "/IMAGE/WINDOWS/HAL",
    "/IMAGE/WINDOWS/SYSTEMROOT",
    "/IMAGE/WINDOWS/LANGUAGES/LANGUAGE",
    "/IMAGE/WINDOWS/LANGUAGES/DEFAULT",
    "/IMAGE/WINDOWS/LANGUAGES/FALLBACK",
    "/IMAGE/WINDOWS/VERSION/MAJOR",
    "/IMAGE/WINDOWS/VERSION/MINOR",
    "/IMAGE/WINDOWS/VERSION/BUILD",
    "/IMAGE/WINDOWS/VERSION/SPBUILD",
    "/IMAGE/WINDOWS/VERSION/SPLEVEL",
    "/IMAGE/WINDOWS/VERSION/BRANCH",
    "/IMAGE/WINDOWS/SERVICINGDATA/IMAGESTATE",
    "/IMAGE/WINDOWS/SERVICINGDATA/GDRDUREVISION",
    "/IMAGE/WINDOWS/SERVICINGDATA/PKEYCONFIGVERSION",
];

/// True for `InstallFrom/MetaData/Key` settings (OS and data images).
fn is_metadata_key(info: &catalog::SettingInfo) -> bool {
    info.component().name == "Microsoft-Windows-Setup" && info.path.ends_with("InstallFrom/MetaData/Key")
}

/// The WIM metadata path `value` names, ignoring case and surrounding space.
fn wim_metadata_path(value: &str) -> Option<&'static str> {
    let v = value.trim();
    WIM_METADATA_PATHS.iter().find(|p| p.eq_ignore_ascii_case(v)).copied()
}

fn open_set_note(info: &catalog::SettingInfo) -> Option<&'static str> {
    let component = info.component().name;
    OPEN_SETS
        .iter()
        .find(|(c, p, _)| c.eq_ignore_ascii_case(component) && p.eq_ignore_ascii_case(info.path))
        .map(|(_, _, note)| *note)
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value || info.values.is_empty() {
            return;
        }
        match info.value_type {
            Some(ValueType::Enum) | None => {}
            Some(_) => return,
        }
        let Some(value) = s.value() else { return };
        let trimmed = value.trim();
        if trimmed.is_empty() || info.values.contains(&value) || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        let name = info.element_name;
        let allowed = info.values.join(", ");
        let canonical = info
            .values
            .iter()
            .find(|v| v.eq_ignore_ascii_case(trimmed))
            .copied();
        match canonical {
            Some(c) => {
                let what = if trimmed == c {
                    "surrounding whitespace"
                } else if trimmed.len() == value.len() {
                    "non-canonical case"
                } else {
                    "non-canonical case and surrounding whitespace"
                };
                let d = out.report_as(
                    Severity::Warning,
                    Some(s.el),
                    span,
                    format!("{name} is {} ({what}); write {c}", shown(s.el, value)),
                );
                d.help(format!(
                    "Windows Setup is known to accept this spelling, but the documented value is {c}"
                ));
                if let Ok(edits) = cx.doc.set_text_edits(s.el.id(), c) {
                    d.fix(format!("write {c}"), edits);
                }
            }
            None if is_metadata_key(info) && wim_metadata_path(value).is_some() => {
                let path = wim_metadata_path(value).unwrap_or_default();
                out.report_as(
                    Severity::Warning,
                    Some(s.el),
                    span,
                    format!("{name} is {}, a WIM metadata path the reference does not document ({allowed})", shown(s.el, value)),
                )
                .help(format!(
                    "Setup matches {path} against the image's WIM XML metadata; the documented keys are {allowed}, which every release is known to accept"
                ));
            }
            None => match open_set_note(info) {
                Some(note) => {
                    out.report_as(
                        Severity::Warning,
                        Some(s.el),
                        span,
                        format!("{name} is {}, not a documented value ({allowed})", shown(s.el, value)),
                    )
                    .help(note);
                }
                None => {
                    out.report(
                        Some(s.el),
                        span,
                        format!("{name} is {}, not one of {allowed}", shown(s.el, value)),
                    )
                    .help(format!("write one of {allowed} (spelt exactly so)"));
                }
            },
        }
    }
}
