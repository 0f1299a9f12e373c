//! ## What it checks
//!
//! Signs that the file is the copy Windows Setup keeps after using an
//! answer file, not the answer file itself:
//!
//! - a `wasPassProcessed` attribute on `<settings>` (Setup adds
//!   `wasPassProcessed="true"` to each pass it has run); reported once per
//!   file, at the first pass that has it;
//! - values replaced by `*SENSITIVE*DATA*DELETED*`, which Setup writes in
//!   place of passwords and product keys in that copy.
//!
//! ## Why it matters
//!
//! Setup skips passes marked as processed, and the deleted secrets are
//! gone: reusing such a copy (typically taken from `%WINDIR%\Panther`)
//! silently skips whole passes or sets the literal text
//! `*SENSITIVE*DATA*DELETED*` as a password or product key.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="specialize" wasPassProcessed="true">
//! …
//! <ProductKey>
//!   <Key>*SENSITIVE*DATA*DELETED*</Key>
//! </ProductKey>
//! ```
//!
//! ## Fix
//!
//! Start again from the original answer file. If only this copy is left,
//! remove every `wasPassProcessed` attribute and put the passwords and keys
//! back in.
//!
//! ## Evidence
//!
//! Error: Setup skips passes marked wasPassProcessed and has removed the
//! secrets (`*SENSITIVE*DATA*DELETED*`) of its processed copy, so the file
//! cannot be reused as it is.
//!
//! ## References
//!
//! - How Configuration Passes work, and Windows Setup log and answer-file
//!   locations (`%WINDIR%\Panther`), Microsoft Learn
//! - Hide sensitive data in an answer file (Microsoft Learn)

use crate::lint::prelude::*;

/// UA601 `was-pass-processed`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA601",
    name: "was-pass-processed",
    severity: Severity::Error,
    summary: "wasPassProcessed attribute: the file is a copy Windows Setup already processed and cannot be reused",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let mut marked = cx.passes.iter().filter_map(|p| {
            p.el.attributes()
                .find(|a| a.local_name() == "wasPassProcessed")
        });
        let Some(first) = marked.next() else { return };
        let others = marked.count();
        let also = match others {
            0 => String::new(),
            1 => " (and on 1 more pass)".to_string(),
            n => format!(" (and on {n} more passes)"),
        };
        let pass = first.owner().attribute_value("pass").unwrap_or_default();
        out.report(
            Some(first.owner()),
            first.name_span(),
            format!("the {pass} pass is marked wasPassProcessed{also}: this is a copy Windows Setup already processed"),
        )
        .help("reuse the original answer file; Setup skips passes marked as processed (remove every wasPassProcessed attribute if this copy is all you have)");
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(value) = s.value() else { return };
        if !super::ua406_product_key_format::is_deleted_marker(value) {
            return;
        }
        let span = super::ua401_computer_name::trimmed_text_span(s.el).unwrap_or(s.el.name_span());
        let name = s.local_name();
        let what = match s.el.parent() {
            Some(p) if matches!(name, "Value" | "Key") => format!("{}/{name}", p.local_name()),
            _ => name.to_string(),
        };
        out.report(
            Some(s.el),
            span,
            format!("{what} was removed by Windows Setup (*SENSITIVE*DATA*DELETED*): this is a processed copy"),
        )
        .help("put the real value back, or start again from the original answer file");
    }
}
