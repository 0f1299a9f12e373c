//! ## What it checks
//!
//! Each `Disk` of `Microsoft-Windows-Setup/DiskConfiguration` that creates
//! a partition only a GPT disk can hold (`Type` `EFI` or `MSR`) together
//! with something only an MBR disk uses:
//!
//! - an `Extended` or `Logical` partition (error: no partition style holds
//!   both, so Setup cannot create this layout on any disk);
//! - `ModifyPartition/Active` set to `true`, or `ModifyPartition/Extend`
//!   set to `true` (warning: on the GPT disk this layout needs, Setup
//!   ignores `Active` and does not support `ModifyPartition/Extend`).
//!
//! One finding per disk. Disks whose partitions a template chooses
//! (`{% if %}` / `%{ if }` blocks) are not checked.
//!
//! ## Why it matters
//!
//! Setup partitions a wiped disk as GPT when the PC starts in UEFI mode and
//! as MBR when it starts in BIOS mode. The reference says installation is
//! terminated when an `EFI` partition is created on an MBR disk, that an
//! `MSR` partition is not created on one (installation terminates when
//! `WillShowUI` is `Never`), and that extended partitions can only be
//! created on MBR disks. A layout that mixes the two styles therefore fails
//! in both firmware modes. `Active` is what a BIOS boots from; on UEFI it is
//! not used and ignored, so on an EFI layout it is dead weight that usually
//! means a BIOS layout and a UEFI layout were merged by hand.
//!
//! ## Example
//!
//! ```xml
//! <CreatePartition wcm:action="add">
//!   <Order>1</Order>
//!   <Type>EFI</Type>
//!   <Size>100</Size>
//! </CreatePartition>
//! <CreatePartition wcm:action="add">
//!   <Order>2</Order>
//!   <Type>Extended</Type>
//!   <Extend>true</Extend>
//! </CreatePartition>
//! ```
//!
//! ## Fix
//!
//! Pick one firmware mode per answer file (or per `Disk`). For UEFI: `EFI`,
//! `MSR` and `Primary` partitions, no `Active`. For BIOS: a `Primary`
//! system partition marked `Active`, then `Primary` (or `Extended` and
//! `Logical`) partitions, no `EFI` or `MSR`.
//!
//! ## Evidence
//!
//! Error for EFI or MSR together with Extended or Logical partitions: the
//! current `CreatePartition/Type` reference page says installation terminates
//! for an EFI partition on an MBR disk and that extended partitions exist only
//! on MBR disks, so the layout fails in both firmware modes. Warning for
//! `Active` or `Extend` on a GPT layout: the pages say `Active` is not used on
//! UEFI, and such files install.
//!
//! ## References
//!
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | CreatePartitions
//!   | CreatePartition | Type (values EFI, Extended, Logical, MSR),
//!   Unattended Windows Setup Reference (Microsoft Learn)
//! - … | ModifyPartitions | ModifyPartition | Active ("On a UEFI-based
//!   system, this setting is not used") and | Extend ("UEFI/GPT-based disks
//!   do not support the Extend setting")
//! - UEFI/GPT-based hard drive partitions and BIOS/MBR-based hard drive
//!   partitions, Windows manufacturing documentation (Microsoft Learn,
//!   learn.microsoft.com/windows-hardware/manufacture/desktop/configure-uefigpt-based-hard-drive-partitions
//!   and …/configure-biosmbr-based-hard-drive-partitions)

use super::disk_layout::{PartitionType, disks, value_span};
use crate::lint::prelude::*;

/// UA411 `partition-style-conflict`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA411",
    name: "partition-style-conflict",
    severity: Severity::Error,
    summary: "GPT-only partitions (EFI, MSR) and MBR-only settings (Extended, Logical, Active) on one disk",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        for disk in disks(cx, c) {
            if disk.branched {
                continue;
            }
            let Some(gpt) = disk
                .created
                .iter()
                .find(|p| p.kind.is_some_and(PartitionType::gpt_only))
            else {
                continue;
            };
            let (Some(gpt_kind), Some(gpt_type)) = (gpt.kind, gpt.type_el) else {
                continue;
            };
            let mbr = disk
                .created
                .iter()
                .find(|p| p.kind.is_some_and(PartitionType::mbr_only));
            if let Some((kind, type_el)) = mbr.and_then(|p| p.kind.zip(p.type_el)) {
                out.report(
                    Some(type_el),
                    value_span(type_el),
                    format!(
                        "disk{} gets {} partition, which only an MBR disk can hold, and {} partition, which only a GPT disk can hold",
                        disk.label(),
                        kind.with_article(),
                        gpt_kind.with_article()
                    ),
                )
                .help("use EFI, MSR and Primary partitions for UEFI, or Primary, Extended and Logical partitions with an Active system partition for BIOS, not both on one disk");
                out.label(value_span(gpt_type), "GPT only");
                continue;
            }
            let active = disk.modified.iter().find_map(|m| m.active);
            let extend = disk.modified.iter().find_map(|m| m.extend);
            let (el, what, why) = match (active, extend) {
                (Some(a), _) => (
                    a,
                    "Active",
                    "a UEFI PC boots from the EFI system partition and ignores Active",
                ),
                (None, Some(e)) => (
                    e,
                    "ModifyPartition/Extend",
                    "UEFI/GPT disks do not support ModifyPartition/Extend",
                ),
                (None, None) => continue,
            };
            out.report_as(
                Severity::Warning,
                Some(el),
                value_span(el),
                format!(
                    "disk{} gets {} partition, so it is a GPT disk, where {what} has no effect: {why}",
                    disk.label(),
                    gpt_kind.with_article()
                ),
            )
            .help(format!(
                "remove {what} from this UEFI layout, or drop the EFI and MSR partitions if the file is meant for BIOS PCs"
            ));
            out.label(value_span(gpt_type), "GPT only");
        }
    }
}
