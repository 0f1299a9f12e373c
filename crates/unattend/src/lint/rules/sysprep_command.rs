//! What the sysprep-command rules share (not a rule: no code, no docs): the
//! configured sysprep command is invalid, and its error is the rule's.

use crate::lint::prelude::*;

/// Reports the configured sysprep command's error on the root element when
/// the error belongs to the rule `meta` (each error names its rule), with
/// `help` on how to write the command.
pub(super) fn report_invalid(meta: &RuleMeta, help: &str, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
    let Some(Err(error)) = &cx.config.sysprep else {
        return;
    };
    if error.rule() != meta.code {
        return;
    }
    let root = cx.doc.root();
    out.report(
        Some(root),
        root.name_span(),
        format!("the sysprep command this file is for is invalid: {error}"),
    )
    .help(help);
}
