//! ## What it checks
//!
//! That every element in the answer-file namespace
//! (`urn:schemas-microsoft-com:unattend`) outside the components is one the
//! schema defines at that place:
//!
//! - below `<unattend>`: `<settings>` and `<servicing>`;
//! - below `<settings>`: `<component>`;
//! - below `<servicing>`: `<package>`, and below it `<assemblyIdentity>`,
//!   `<source>` and `<selection>`.
//!
//! Elements that hide settings from Setup are errors: `<Settings>` or
//! `<Component>` with other casing, a `<component>` placed directly below
//! `<unattend>`, a pass written as an element (`<offlineServicing>` instead
//! of `<settings pass="offlineServicing">`), anything but components inside
//! `<settings>`. Other unknown elements directly below `<unattend>` — a
//! tool's `<Extensions>` block written without a namespace of its own — are
//! a warning. Elements in other namespaces (`cpi:offlineImage`,
//! `<Extensions xmlns="https://…">`) are fine, and elements inside
//! components are UA202's business.
//!
//! ## Why it matters
//!
//! Windows Setup looks for components only inside `<settings pass="…">`
//! blocks spelt exactly so: the contents of a misspelt or misplaced block
//! are skipped without a word. Unknown top-level elements are skipped too,
//! which is why generators can embed scripts that way and their files still
//! install; but the schema is closed, so Windows System Image Manager and
//! other validators reject the file ("The element 'unattend' has invalid
//! child element 'Extensions'"), and a typo there goes unnoticed.
//!
//! ## Example
//!
//! ```xml
//! <unattend xmlns="urn:schemas-microsoft-com:unattend">
//!   <settings pass="specialize">…</settings>
//!   <Extensions>
//!     <File path="C:\Windows\Setup\Scripts\first.ps1">…</File>
//!   </Extensions>
//! </unattend>
//! ```
//!
//! ## Fix
//!
//! Give custom data a namespace of its own, the way Windows System Image
//! Manager writes its `cpi:offlineImage` element:
//!
//! ```xml
//! <Extensions xmlns="urn:example:my-deployment-tool">
//! ```
//!
//! Correct the casing of a known element (`<settings>`, `<component>`),
//! write passes as `<settings pass="…">` (the linter offers both as fixes),
//! and move a misplaced `<component>` into the `<settings>` block of its
//! pass.
//!
//! ## Evidence
//!
//! Error where the schema places the element so that Setup skips the settings
//! it holds (a pass written as an element, a component outside `<settings>`,
//! a miscased `<settings>`): the reference's component and pass structure.
//! Warning for other unknown top-level elements: Setup skips them and such
//! files install; only validators reject them.
//!
//! ## References
//!
//! - Answer file schema (`unattend.xsd` in the Windows ADK): the content
//!   models of `unattend`, `settings` and `servicing`
//! - Unattended Windows Setup Reference, "servicing" and "settings"

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA006 `foreign-element-in-unattend-namespace`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA006",
    name: "foreign-element-in-unattend-namespace",
    severity: Severity::Error,
    summary: "an element the schema does not define (e.g. <Extensions>) is in the unattend namespace",
};

const ROOT_CHILDREN: &[&str] = &["settings", "servicing"];
const SETTINGS_CHILDREN: &[&str] = &["component"];
const SERVICING_CHILDREN: &[&str] = &["package"];
const PACKAGE_CHILDREN: &[&str] = &["assemblyIdentity", "source", "selection"];

/// Edits renaming `el` (start and end tag) to `local`, keeping its prefix.
fn rename(el: ElementRef<'_>, local: &str) -> Vec<TextEdit> {
    let prefix = el.name().len() - el.local_name().len();
    let start = el.name_span().start as usize + prefix;
    let mut edits = vec![TextEdit {
        span: Span::new(start, start + el.local_name().len()),
        replacement: local.to_string(),
    }];
    if let Some(end) = el.end_tag_span() {
        // `</` + qualified name.
        let s = end.start as usize + 2 + prefix;
        edits.push(TextEdit {
            span: Span::new(s, s + el.local_name().len()),
            replacement: local.to_string(),
        });
    }
    edits
}

/// Checks the children of `parent` against `allowed`, and recurses into the
/// allowed ones with `descend`.
fn check_children(
    parent: ElementRef<'_>,
    allowed: &[&str],
    descend: &dyn Fn(&str) -> Option<&'static [&'static str]>,
    out: &mut Reporter<'_>,
) {
    for child in parent.child_elements() {
        if child.namespace() != Some(UNATTEND_NS) {
            continue;
        }
        let name = child.local_name();
        if allowed.contains(&name) {
            if let Some(next) = descend(name) {
                check_children(child, next, descend, out);
            }
            continue;
        }
        report(parent, child, allowed, out);
    }
}

fn report(parent: ElementRef<'_>, child: ElementRef<'_>, allowed: &[&str], out: &mut Reporter<'_>) {
    let name = child.local_name();
    let parent_name = parent.local_name();
    let message = format!(
        "<{name}> is not an element of the answer-file schema here (inside <{parent_name}>)"
    );
    if let Some(known) = allowed.iter().find(|a| a.eq_ignore_ascii_case(name)) {
        out.at(child, message)
            .help(format!("element names are case-sensitive: write <{known}>; Setup skips everything inside <{name}>"))
            .fix(format!("rename to <{known}>"), rename(child, known));
        return;
    }
    match (parent_name, name) {
        ("unattend", "component") => {
            out.at(child, message)
                .help("components belong inside a <settings pass=\"…\"> block; Setup never applies this one");
        }
        ("unattend", _) if let Some(pass) = Pass::from_str_ignore_case(name) => {
            let d = out.at(child, message);
            d.help(format!(
                "a pass is written <settings pass=\"{pass}\">; Setup never applies the components inside <{name}>"
            ));
            let mut edits = rename(child, "settings");
            edits[0].replacement = format!("settings pass=\"{pass}\"");
            d.fix(format!("write <settings pass=\"{pass}\">"), edits);
        }
        ("unattend", _) => {
            // Setup skips unknown top-level elements (tools embed scripts
            // this way and their files install fine); validation fails.
            out.report_as(Severity::Warning, Some(child), child.name_span(), message).help(format!(
                "Setup ignores it, but schema validation (Windows System Image Manager) rejects the file; give custom data its own namespace: <{name} xmlns=\"urn:example:my-tool\">"
            ));
        }
        ("settings", "settings") => {
            out.at(child, message)
                .help("<settings> blocks do not nest; make it a sibling of this one");
        }
        ("settings", _) => {
            out.at(child, message).help(format!(
                "only <component> elements belong in <settings>; move <{name}> into the component it is a setting of"
            ));
        }
        _ => {
            out.at(child, message)
                .help(format!("expected here: {}", allowed.join(", ")));
        }
    }
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let Some(root) = cx.root else { return };
        let descend = |name: &str| -> Option<&'static [&'static str]> {
            match name {
                "settings" => Some(SETTINGS_CHILDREN),
                "servicing" => Some(SERVICING_CHILDREN),
                "package" => Some(PACKAGE_CHILDREN),
                // Components are checked setting by setting (UA202);
                // servicing leaves hold attributes only.
                _ => None,
            }
        };
        check_children(root, ROOT_CHILDREN, &descend, out);
    }
}
