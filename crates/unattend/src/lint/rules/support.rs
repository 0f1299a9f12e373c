//! Helpers several rules share (not a rule: no code, no docs).

use crate::catalog::{SettingInfo, SettingKind};
use crate::document::ElementRef;
use crate::lint::context::FileCx;
use crate::model::Pass;

/// The `Order` of a command list item, when it is a number.
pub(crate) fn command_order(item: ElementRef<'_>) -> Option<i64> {
    item.child_elements()
        .find(|c| c.local_name().eq_ignore_ascii_case("Order"))
        .and_then(|o| o.text())
        .and_then(|t| t.trim().parse().ok())
}

/// True when a command of the same list runs after `item` (by `Order`, or
/// by position when orders are missing).
pub(crate) fn has_later_command(item: ElementRef<'_>) -> bool {
    let Some(parent) = item.parent() else {
        return false;
    };
    let mine = command_order(item);
    let mut after = false;
    parent.child_elements().any(|c| {
        if c.id() == item.id() {
            after = true;
            return false;
        }
        if c.local_name() != item.local_name() {
            return false;
        }
        match (mine, command_order(c)) {
            (Some(a), Some(b)) => b > a,
            _ => after,
        }
    })
}

/// True when the configured sysprep run processes `pass`, now or at a later
/// boot the file itself leads to (false without a configured command).
pub(crate) fn runs_pass(cx: &FileCx<'_>, pass: Pass) -> bool {
    cx.config
        .sysprep_command()
        .is_some_and(|cmd| cmd.processes(pass))
        || reached_later(cx, pass)
}

/// The `Mode` of a Deployment `Reseal` or `Generalize` in the given pass
/// (`Generalize` without a Mode goes to OOBE, its documented default).
pub(crate) fn deployment_mode(cx: &FileCx<'_>, in_pass: Pass, container: &str) -> Option<String> {
    cx.passes
        .iter()
        .filter(|p| p.pass == Some(in_pass))
        .flat_map(|p| p.components.iter())
        .filter(|c| {
            c.info
                .is_some_and(|i| i.name == "Microsoft-Windows-Deployment")
        })
        .find_map(|c| {
            let el = c.el.child(container)?;
            match el.child("Mode").and_then(|m| m.text()) {
                Some(t) => Some(t.trim().to_string()),
                None => (container == "Generalize").then(|| "OOBE".to_string()),
            }
        })
}

/// Passes a later boot reaches from this file's own settings.
fn reached_later(cx: &FileCx<'_>, p: Pass) -> bool {
    let Some(cmd) = cx.config.sysprep_command() else {
        return false;
    };
    match p {
        Pass::AuditSystem | Pass::AuditUser => {
            cmd.processes(Pass::OobeSystem)
                && deployment_mode(cx, Pass::OobeSystem, "Reseal")
                    .is_some_and(|m| m.eq_ignore_ascii_case("Audit"))
        }
        // Generalize in auditUser generalizes; specialize runs at the next boot.
        Pass::Generalize | Pass::Specialize => {
            runs_pass(cx, Pass::AuditUser)
                && deployment_mode(cx, Pass::AuditUser, "Generalize").is_some()
        }
        Pass::OobeSystem => {
            runs_pass(cx, Pass::AuditUser)
                && ["Generalize", "Reseal"].iter().any(|c| {
                    deployment_mode(cx, Pass::AuditUser, c)
                        .is_some_and(|m| m.eq_ignore_ascii_case("OOBE"))
                })
        }
        _ => false,
    }
}

/// Byte offsets where the ASCII `needle` occurs in `hay`, ignoring ASCII
/// case. Candidates come from memchr on the first letter in both cases, so
/// long command lines are not compared at every byte; an ASCII match always
/// starts and ends on character boundaries.
pub(crate) fn find_ascii_ci<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let bytes = hay.as_bytes();
    let n = needle.as_bytes();
    let first = n.first().copied().unwrap_or(0);
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        bytes,
    )
    .filter(move |&i| {
        bytes
            .get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// The field and list item of a command's `Path` or `CommandLine` value (a
/// `…Command` list item such as `RunSynchronousCommand`), when `s` is one.
pub(crate) fn command_field(
    s: &crate::lint::context::SettingView<'_, '_>,
) -> Option<(&'static SettingInfo, &'static SettingInfo)> {
    let info = s.info?;
    let field = info.element_name;
    if info.kind != SettingKind::Value || !(field == "Path" || field == "CommandLine") {
        return None;
    }
    let item = s.parent_info?;
    if item.kind != SettingKind::ListItem || !item.element_name.ends_with("Command") {
        return None;
    }
    Some((info, item))
}
