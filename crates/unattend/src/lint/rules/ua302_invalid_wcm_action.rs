//! ## What it checks
//!
//! That `wcm:action` is one of `add`, `modify` or `remove`:
//!
//! - a case variant (`Add`, `ADD`) is an error with the lower-case form: the
//!   values are documented in lower case, and nothing documents that Setup
//!   accepts another casing;
//! - anything else (`insert`, `new`, an empty string) is an error;
//! - `modify` and `remove` on a list item are warnings: they change an item
//!   that already exists, and a standalone answer file has none unless the
//!   component itself defines default items, so the item usually has no
//!   effect. Use `add` to create items.
//!
//! Template placeholders are skipped.
//!
//! ## Why it matters
//!
//! Setup uses the action to decide what happens to the item. A value it does
//! not know makes it refuse the answer file or drop the item, and with it a
//! command, an account or a partition.
//!
//! ## Example
//!
//! ```xml
//! <LocalAccount wcm:action="insert">
//!   <Name>operator</Name>
//!   <Group>Users</Group>
//! </LocalAccount>
//! ```
//!
//! ## Fix
//!
//! ```xml
//! <LocalAccount wcm:action="add">
//! ```
//!
//! ## Evidence
//!
//! Error: the Windows System Image Manager technical reference documents add,
//! modify and remove as the actions of list items; Setup does not apply an
//! item with another action.
//!
//! ## References
//!
//! - Windows System Image Manager technical reference: list items and the
//!   `add`, `modify` and `remove` actions
//! - Unattended Windows Setup Reference, Microsoft Learn: XML examples of list
//!   settings

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA302 `invalid-wcm-action`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA302",
    name: "invalid-wcm-action",
    severity: Severity::Error,
    summary: "action not add/modify/remove; modify/remove in a standalone file with nothing to modify",
};

const ACTIONS: [&str; 3] = ["add", "modify", "remove"];

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(attr) = s.el.attribute_ns(Some(WCM_NS), "action") else { return };
        let value = attr.value();
        if value == "add" || cx.is_template(&value) {
            return;
        }
        let span = attr.value_span();
        let name = s.local_name();
        let list_item = s.info.is_some_and(|i| i.kind == SettingKind::ListItem);
        match ACTIONS.iter().find(|a| a.eq_ignore_ascii_case(value.trim())) {
            Some(&canonical) if canonical != value => {
                out.report(
                    Some(s.el),
                    span,
                    format!("wcm:action is {value:?}; the values are lower case: write {canonical:?}"),
                )
                .help("wcm:action takes exactly add, modify or remove")
                .fix(
                    format!("write wcm:action=\"{canonical}\""),
                    vec![TextEdit {
                        span,
                        replacement: canonical.to_string(),
                    }],
                );
            }
            Some(_) if list_item => {
                out.report_as(
                    Severity::Warning,
                    Some(s.el),
                    span,
                    format!(
                        "{name} uses wcm:action=\"{value}\", which changes an existing item; a standalone answer file usually has none"
                    ),
                )
                .help("use wcm:action=\"add\" to create the item; keep modify/remove only when this file is merged over another that defines the item");
            }
            Some(_) => {}
            None => {
                out.report(
                    Some(s.el),
                    span,
                    format!("wcm:action {value:?} is not add, modify or remove"),
                )
                .help("write wcm:action=\"add\" to add the item to its list");
            }
        }
    }
}
