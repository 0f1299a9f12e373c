//! ## What it checks
//!
//! Whether the file is a template rather than a finished answer file: it
//! holds placeholders such as Packer's `${var}` or `%{ if … }`, Jinja's
//! `{{ var }}` and `{% … %}`, `@VAR@`, `%VAR%` (Windows variables such as
//! `%WINDIR%` and `%SystemRoot%` do not count), a whole value `{Name}` (a
//! token a script fills in from a tokens file), or PowerShell's `$Name`,
//! `$($x.Name)` and `${Name}` in a file that is a PowerShell here-string
//! template (a `$( … )` in a value, or at least two values that are a bare
//! `$Name`). The first placeholder is reported, once per file, as
//! information, naming the syntax it is written in.
//!
//! Only placeholders in component and pass attributes and in setting
//! values count. Inside a command line (unless the placeholder is the whole
//! value) and in scripts embedded outside the components, `${env:TEMP}` or
//! `%name%` are usually PowerShell's or cmd's own variables, so they do not
//! make the file a template.
//!
//! Other rules skip values that hold a placeholder, since their real value
//! is only known once the template is rendered; this finding says so,
//! rather than letting the file look fully checked.
//!
//! ## Why it matters
//!
//! Windows Setup does not render templates: a placeholder that reaches it
//! is taken literally, so `${var.hostname}` becomes an invalid computer name
//! and `{{ admin_password }}` a password. Values with placeholders also
//! escape most of this linter's checks.
//!
//! ## Example
//!
//! ```xml
//! <ComputerName>${hostname}</ComputerName>
//! ```
//!
//! ## Fix
//!
//! Nothing to fix in a template. For full checks, render it and lint the
//! result as well. If the file is not a template and the match is a false
//! alarm, set `template = "none"` in `unattend.toml` (or name the one syntax
//! the file uses, e.g. `template = "packer"`).
//!
//! ## Evidence
//!
//! Info: nothing is wrong with a template; the finding says that values
//! holding placeholders were not checked.
//!
//! ## References
//!
//! - Packer `templatefile` function; Jinja template designer documentation
//! - `unattend.toml`: the `template` setting

use crate::lint::prelude::*;

/// UA008 `template-placeholder`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA008",
    name: "template-placeholder",
    severity: Severity::Info,
    summary: "file or value contains template syntax (${x}, {{ x }}, {% %}, @X@, %X%, {Name}, PowerShell $Name/$(…)) — reported once as info",
};

/// Elements whose text is a command or script: `${x}` and `%x%` there are
/// usually PowerShell or cmd variables, not template placeholders.
const COMMANDS: &[&str] = &["CommandLine", "Path", "Command"];

/// Where the first credible placeholder is: in a `<settings>` or
/// `<component>` attribute, or in a value below a component (a command only
/// when the placeholder is all of it). Scripts embedded outside the
/// components (`<Extensions>`) use `${var}` and `%var%` as their own syntax
/// and do not count.
fn first_placeholder<'d>(cx: &FileCx<'d>) -> Option<(ElementRef<'d>, Span)> {
    for pass in &cx.passes {
        for a in pass.el.attributes().filter(|a| a.prefix() != Some("xmlns")) {
            if cx.is_template(&a.value()) {
                return Some((pass.el, a.value_span()));
            }
        }
        for c in &pass.components {
            for el in std::iter::once(c.el).chain(c.el.descendants()) {
                for a in el.attributes().filter(|a| a.prefix() != Some("xmlns")) {
                    if cx.is_template(&a.value()) {
                        return Some((el, a.value_span()));
                    }
                }
                if el.id() == c.el.id() || el.has_child_elements() {
                    continue;
                }
                let Some(value) = el.text() else { continue };
                if !cx.is_template(&value) {
                    continue;
                }
                let command = COMMANDS.contains(&el.local_name());
                let whole = !value.trim().contains(char::is_whitespace);
                if !command || whole {
                    let span = el.text_span().unwrap_or(el.name_span());
                    return Some((el, span));
                }
            }
        }
    }
    None
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let Some((first_kind, first)) = cx.templates.first() else {
            return;
        };
        let Some((el, span)) = first_placeholder(cx) else {
            return;
        };
        // Point at the placeholder itself when it is the file's first one.
        let (kind, span) = if span.contains(first) {
            (first_kind, first)
        } else {
            (cx.templates.kind_in(cx.doc.span_text(span)).unwrap_or(first_kind), span)
        };
        let written = cx.doc.span_text(span);
        let quoted = if is_secret(el) || written.chars().count() > 40 || written.contains('\n') {
            String::new()
        } else {
            format!(" (the first is {written})")
        };
        out.report(
            Some(el),
            span,
            format!("the file is a template: it contains {} placeholders{quoted}", kind.describe()),
        )
        .help("values holding placeholders are not checked; lint the rendered file too, or set template = \"none\" in unattend.toml if this is not a template");
    }
}
