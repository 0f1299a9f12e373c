//! ## What it checks
//!
//! That each configuration pass has one `<settings pass="…">` block. A
//! second block for the same pass is reported, pointing back at the first.
//!
//! ## Why it matters
//!
//! An answer file has one `settings` block per pass: Windows System Image
//! Manager writes exactly one and treats the pass as the block's identity.
//! How Windows Setup handles a second block is not documented, and nothing
//! says it merges them; settings in one of the blocks may silently not be
//! applied. Duplicates usually come from pasting a snippet (a `specialize`
//! block from a blog post) into a file that already has one.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="specialize">
//!   <component name="Microsoft-Windows-Shell-Setup" …>…</component>
//! </settings>
//! <settings pass="specialize">
//!   <component name="Microsoft-Windows-Deployment" …>…</component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Move the components of the second block into the first and delete the
//! second. Where both blocks hold the same component, merge its settings
//! into one `<component>` element (see UA107).
//!
//! ## Evidence
//!
//! Warning. No Microsoft page says a second block for a pass is invalid or
//! what Setup does with it; the evidence is Windows System Image Manager,
//! which writes exactly one block per pass. That some settings may not apply
//! is an inference, not a documented or reproduced failure, so it is not an
//! error.
//!
//! ## References
//!
//! - Windows Setup configuration passes ("How configuration passes
//!   work"), Microsoft Learn
//! - Best practices for authoring answer files: validate them in Windows
//!   System Image Manager

use crate::lint::prelude::*;

/// UA102 `duplicate-pass`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA102",
    name: "duplicate-pass",
    severity: Severity::Warning,
    summary: "the same pass appears twice",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pass(&self, cx: &FileCx<'_>, pass: &PassView<'_>, out: &mut Reporter<'_>) {
        let Some(p) = pass.pass else { return };
        let Some(first) = cx
            .passes
            .iter()
            .take_while(|other| other.el != pass.el)
            .find(|other| other.pass == Some(p))
        else {
            return;
        };
        let span = pass
            .el
            .attribute_ns(None, "pass")
            .map_or(pass.el.name_span(), |a| a.value_span());
        out.report(
            Some(pass.el),
            span,
            format!("a second <settings> block for the {p} pass"),
        )
        .help(format!(
            "move its components into the first {p} block and delete this one"
        ));
        let first_span = first
            .el
            .attribute_ns(None, "pass")
            .map_or(first.el.name_span(), |a| a.value_span());
        out.label(first_span, format!("first {p} block"));
    }
}
