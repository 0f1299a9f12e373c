//! ## What it checks
//!
//! That the `Order` of a list item is a whole number in its documented
//! range: 1 to 500 for `RunSynchronousCommand`, `RunAsynchronousCommand`
//! and FirstLogonCommands' `SynchronousCommand`, 1 to 199 for Start tile
//! `RegionalOverride`. Where no range is documented (`CreatePartition`,
//! `ModifyPartition`, `DataImage`, LogonCommands' `AsynchronousCommand`),
//! a value that is not a whole number is an error and a value below 1 a
//! warning. Surrounding whitespace is tolerated; empty values are left to
//! UA208 and template placeholders are skipped.
//!
//! ## Why it matters
//!
//! `Order` is both the item's key and its position. Setup validates it
//! before running the pass: a value it cannot read, or one out of range,
//! stops Setup with "The answer file is invalid" or drops the command.
//!
//! ## Example
//!
//! ```xml
//! <SynchronousCommand wcm:action="add">
//!   <Order>first</Order>
//!   <CommandLine>cmd /c C:\Setup\first.cmd</CommandLine>
//! </SynchronousCommand>
//! ```
//!
//! ## Fix
//!
//! ```xml
//! <Order>1</Order>
//! ```
//!
//! ## Evidence
//!
//! Error: the command pages document Order as 1 to 500.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the `Order` page of
//!   each command list ("an integer from 1 through 500")

use crate::lint::prelude::*;

/// UA304 `order-range`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA304",
    name: "order-range",
    severity: Severity::Error,
    summary: "Order not an integer 1–500 (commands)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value || info.element_name != "Order" {
            return;
        }
        let Some(item) = s.parent_info else { return };
        if item.kind != SettingKind::ListItem {
            return;
        }
        let Some(value) = s.value() else { return };
        let trimmed = value.trim();
        if trimmed.is_empty() || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        let item_name = item.element_name;
        let Ok(n) = trimmed.parse::<i64>() else {
            let d = out.report(
                Some(s.el),
                span,
                format!("{item_name} Order must be a whole number, not {}", shown(s.el, value)),
            );
            match info.range {
                Some((min, max)) => d.help(format!("write a decimal integer from {min} to {max}")),
                None => d.help("write a decimal integer from 1 up"),
            };
            return;
        };
        match info.range {
            Some((min, max)) if !(min..=max).contains(&n) => {
                out.report(
                    Some(s.el),
                    span,
                    format!("{item_name} Order {n} is outside {min} to {max}"),
                )
                .help(format!("number the items from {min}; at most {max} are allowed"));
            }
            None if n < 1 => {
                out.report_as(
                    Severity::Warning,
                    Some(s.el),
                    span,
                    format!("{item_name} Order {n} is below 1"),
                )
                .help("number the items 1, 2, 3, … in the order Setup should process them");
            }
            _ => {}
        }
    }
}
