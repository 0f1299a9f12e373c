//! ## What it checks
//!
//! `<component>` elements with no settings in them and `<settings pass="…">`
//! blocks with no components (comments and whitespace do not count). They
//! are reported as information, with a fix that deletes them.
//!
//! ## Why it matters
//!
//! An empty component or pass does nothing, so it is harmless to Setup.
//! It usually means something else went wrong, though: a setting was
//! deleted and its component forgotten, a template left a block empty, or
//! the settings were meant to be somewhere else. Windows System Image
//! Manager writes neither, and removing them makes the file say only what
//! it does.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="offlineServicing"/>
//! <settings pass="specialize">
//!   <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64"
//!              publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Delete the empty element (the linter offers this as a fix), or add the
//! settings that were meant to be there.
//!
//! ## Evidence
//!
//! Info: an empty component or pass does nothing; nothing fails.
//!
//! ## References
//!
//! - Best practices for authoring answer files: avoid unnecessary settings,
//!   Microsoft Learn

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA111 `empty-component`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA111",
    name: "empty-component",
    severity: Severity::Info,
    summary: "component or pass with no settings",
};

/// An edit deleting `el`, with its line when nothing else is on it.
fn delete(el: ElementRef<'_>) -> TextEdit {
    let text = el.document().text();
    let span = el.span();
    let (mut start, mut end) = (span.start as usize, span.end as usize);
    let before = &text[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let after = &text[end..];
    let line_end = after.find('\n').map_or(text.len(), |i| end + i + 1);
    let blank = |s: &str| s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
    if blank(&text[line_start..start]) && blank(&text[end..line_end]) && line_start > 0 {
        start = line_start;
        end = line_end;
    }
    TextEdit {
        span: Span::new(start, end),
        replacement: String::new(),
    }
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        // One finding for all empty passes: generators write several.
        let mut empty = cx.passes.iter().filter(|p| !p.el.has_child_elements());
        let Some(first) = empty.next() else { return };
        let rest: Vec<&PassView<'_>> = empty.collect();
        let pass_span = |p: &PassView<'_>| {
            p.el.attribute_ns(None, "pass")
                .map_or(p.el.name_span(), |a| a.value_span())
        };
        let pass_name = |p: &PassView<'_>| p.pass.map_or("?", |p| p.as_str());
        let message = if rest.is_empty() {
            match first.pass {
                Some(p) => format!("the <settings> block for the {p} pass has no components"),
                None => "this <settings> block has no components".to_string(),
            }
        } else {
            let names: Vec<&str> = std::iter::once(first)
                .chain(rest.iter().copied())
                .map(pass_name)
                .collect();
            format!(
                "{} <settings> blocks have no components ({})",
                names.len(),
                names.join(", ")
            )
        };
        let edits = std::iter::once(first)
            .chain(rest.iter().copied())
            .map(|p| delete(p.el))
            .collect();
        out.report(Some(first.el), pass_span(first), message)
            .help(if rest.is_empty() {
                "delete it, or add the components meant to be there"
            } else {
                "delete them, or add the components meant to be there"
            })
            .fix("delete the empty <settings> blocks", edits);
        for p in rest {
            out.label(pass_span(p), "empty too");
        }
    }

    fn check_component(&self, _cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        if c.el.has_child_elements() {
            return;
        }
        let name = c.name.as_deref().unwrap_or("component");
        let span =
            c.el.attribute_ns(None, "name")
                .map_or(c.el.name_span(), |a| a.value_span());
        let where_ = match c.pass {
            Some(p) => format!(" in the {p} pass"),
            None => String::new(),
        };
        out.report(Some(c.el), span, format!("{name}{where_} has no settings"))
            .help("delete it, or add the settings meant to be there")
            .fix("delete the empty component", vec![delete(c.el)]);
    }
}
