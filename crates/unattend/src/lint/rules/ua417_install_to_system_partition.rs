//! ## What it checks
//!
//! `InstallTo` of `Microsoft-Windows-Setup` (`ImageInstall/OSImage`, and
//! Windows Deployment Services' `ImageSelection`) pointing at a partition
//! that the file creates as an `EFI` or `MSR` partition. Checked on disks
//! with `WillWipeDisk` set to `true` whose partitions are numbered plainly
//! (no extended or logical partitions, every `Order` a distinct number, no
//! template branches); a `PartitionID` past the created partitions is
//! UA408's finding.
//!
//! ## Why it matters
//!
//! After the wipe, Setup numbers the partitions 1, 2, 3… in `Order`, and
//! `InstallTo/PartitionID` counts those. The reference's `Type` page says
//! Windows must be installed on a primary or a logical partition; the EFI
//! system partition is a small FAT32 partition for boot files, and the
//! MSR partition is never formatted, so Setup cannot apply the image there.
//! Usually a partition was added at the front of the layout (the EFI or
//! recovery partition) and `InstallTo` was not renumbered.
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
//!   <Type>MSR</Type>
//!   <Size>16</Size>
//! </CreatePartition>
//! <CreatePartition wcm:action="add">
//!   <Order>3</Order>
//!   <Type>Primary</Type>
//!   <Extend>true</Extend>
//! </CreatePartition>
//! …
//! <InstallTo>
//!   <DiskID>0</DiskID>
//!   <PartitionID>2</PartitionID>
//! </InstallTo>
//! ```
//!
//! ## Fix
//!
//! Point `InstallTo` at the Windows partition:
//!
//! ```xml
//! <PartitionID>3</PartitionID>
//! ```
//!
//! ## Evidence
//!
//! Error: the current `CreatePartition/Type` page says Windows must be
//! installed on a primary or logical partition; an EFI or MSR partition is
//! neither.
//!
//! ## References
//!
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | CreatePartitions
//!   | CreatePartition | Type ("Windows must be installed on either a
//!   primary or a logical partition"), Unattended Windows Setup Reference
//!   (Microsoft Learn)
//! - Microsoft-Windows-Setup | ImageInstall | OSImage | InstallTo |
//!   PartitionID
//! - UEFI/GPT-based hard drive partitions, Windows manufacturing
//!   documentation (Microsoft Learn): the system (EFI) and MSR partitions
//!   hold no Windows installation

use super::disk_layout::{PartitionType, disks, value_span};
use super::ua403_user_equals_computer_name::{child_ci, descend};
use crate::lint::prelude::*;

/// UA417 `install-to-system-partition`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA417",
    name: "install-to-system-partition",
    severity: Severity::Error,
    summary: "InstallTo points at a partition the file creates as EFI or MSR",
};

fn number(cx: &FileCx<'_>, el: ElementRef<'_>) -> Option<i64> {
    let text = el.text()?;
    if cx.is_template(&text) {
        return None;
    }
    text.trim().parse().ok()
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        let disks = disks(cx, c);
        if disks.is_empty() {
            return;
        }
        let targets = descend(c.el, "ImageInstall/OSImage/InstallTo").into_iter().chain(
            descend(c.el, "WindowsDeploymentServices/ImageSelection/InstallTo"),
        );
        for install_to in targets {
            let (Some(disk_el), Some(pid_el)) = (
                child_ci(install_to, "DiskID"),
                child_ci(install_to, "PartitionID"),
            ) else {
                continue;
            };
            let (Some(disk_id), Some(pid)) = (number(cx, disk_el), number(cx, pid_el)) else {
                continue;
            };
            let Some(disk) = disks.iter().find(|d| d.id_value() == Some(disk_id)) else {
                continue;
            };
            let Some(numbered) = disk.numbered() else {
                continue;
            };
            let Some(target) = usize::try_from(pid)
                .ok()
                .and_then(|p| p.checked_sub(1))
                .and_then(|i| numbered.get(i))
            else {
                continue;
            };
            let Some(kind) = target.kind.filter(|k| k.gpt_only()) else {
                continue;
            };
            let windows = numbered
                .iter()
                .position(|p| p.kind == Some(PartitionType::Primary) && p.extend.is_some())
                .map(|i| format!("; the partition that fills the disk is {}", i + 1))
                .unwrap_or_default();
            out.report(
                Some(pid_el),
                value_span(pid_el),
                format!(
                    "InstallTo puts Windows on partition {pid} of disk {disk_id}, which the file creates as {} partition{windows}",
                    kind.with_article()
                ),
            )
            .help("Windows is installed on a primary partition: point PartitionID at it (partitions count from 1 in creation Order)");
            if let Some(type_el) = target.type_el {
                out.label(value_span(type_el), "created here");
            }
        }
    }
}
