//! ## What it checks
//!
//! Component names and setting element names that match a catalog entry
//! only when case is ignored: `Microsoft-Windows-PnPSysprep` for
//! `Microsoft-Windows-PnpSysprep`, `<Computername>` for `<ComputerName>`.
//! Spellings that Microsoft's own pages use (a component's variant
//! spellings, a setting whose title and XML example disagree such as
//! `OEMAppId`/`OEMAppID`, or `SQMAPI` beside the manifest's `SQMApi`) are
//! accepted. Names that are wrong beyond case are UA108's and UA202's
//! business.
//!
//! ## Why it matters
//!
//! Windows Setup matches component names ignoring case, which is why files
//! with `Microsoft-Windows-PnPSysprep` work. XML itself is case-sensitive,
//! though: tools that read answer files, validators built on the schema
//! among them, compare names exactly, and Microsoft does not document that
//! Setup ignores the case of setting names too; a setting it does not
//! match is skipped without a word. Writing names exactly as documented
//! removes the doubt.
//!
//! ## Example
//!
//! ```xml
//! <component name="Microsoft-Windows-PnPSysprep" …>
//!   <PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>
//! </component>
//! ```
//!
//! ## Fix
//!
//! Write the documented casing (the linter offers it as a fix):
//!
//! ```xml
//! <component name="Microsoft-Windows-PnpSysprep" …>
//! ```
//!
//! ## Evidence
//!
//! Warning: Windows compares component and setting names ignoring case (the
//! catalog's variants and real files installing with other casing), so it
//! works; the documented spelling is the one every tool expects.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference: each component's and setting's
//!   page gives the exact name (`unattend catalog NAME`)
//! - Extensible Markup Language (XML) 1.0, section 2.3: names are
//!   case-sensitive

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA109 `component-casing`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA109",
    name: "component-casing",
    severity: Severity::Warning,
    summary: "component or setting name differs from the canonical casing only (e.g. Microsoft-Windows-PnPSysprep)",
};

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

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, _cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        let (Some(info), Some(name)) = (c.info, c.name.as_deref()) else {
            return;
        };
        if name == info.name
            || info.name_variants.contains(&name)
            || !name.eq_ignore_ascii_case(info.name)
        {
            return;
        }
        let Some(attr) = c.el.attribute_ns(None, "name") else {
            return;
        };
        let span = attr.value_span();
        out.report(
            Some(c.el),
            span,
            format!("component {name} is documented as {}", info.name),
        )
        .help("Setup ignores the case of component names, but write the documented name so every tool agrees")
        .fix(
            format!("write {}", info.name),
            vec![TextEdit {
                span,
                replacement: info.name.to_string(),
            }],
        );
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        let name = s.local_name();
        // Where the page's title and XML example disagree (OEMAppId vs
        // OEMAppID), either spelling is accepted.
        if name == info.element_name
            || name == info.name
            || !name.eq_ignore_ascii_case(info.element_name)
        {
            return;
        }
        let component = s.component.info.map_or("the component", |c| c.name);
        out.at(
            s.el,
            format!("<{name}> is written <{}> in {component}", info.element_name),
        )
        .help("element names are case-sensitive in XML; write the documented name")
        .fix(
            format!("rename to <{}>", info.element_name),
            rename(s.el, info.element_name),
        );
    }
}
