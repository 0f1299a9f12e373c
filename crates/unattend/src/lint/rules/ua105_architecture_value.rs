//! ## What it checks
//!
//! That `processorArchitecture` on each `<component>` is one of `x86`,
//! `amd64`, `arm64`, `wow64` or `ia64`. Other casings (`AMD64`) are a
//! warning with the canonical form; names from other tools (`x64`,
//! `x86_64`, `aarch64`, `i386`) and anything else are errors, with the
//! Windows name suggested where there is one. Template placeholders are
//! skipped; a missing attribute is reported by UA103.
//!
//! ## Why it matters
//!
//! Windows Setup applies a component only when its architecture matches a
//! manifest of the Windows being installed. `x64` is what Microsoft calls
//! the platform in prose, but no component is built for an architecture of
//! that name, so the component is never applied: its settings are ignored
//! without a word, or Setup reports that the component does not exist.
//!
//! ## Example
//!
//! ```xml
//! <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="x64" …>
//! ```
//!
//! ## Fix
//!
//! Use the Windows name: `amd64` for 64-bit Intel and AMD processors, `x86`
//! for 32-bit, `arm64` for 64-bit ARM, `wow64` for 32-bit components on
//! 64-bit Windows:
//!
//! ```xml
//! <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" …>
//! ```
//!
//! ## Evidence
//!
//! Error: the reference's processorArchitecture attribute allows x86, amd64,
//! arm64, ia64 and wow64; Setup applies no component with another value.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, "Components": `processorArchitecture`
//! - Windows System Image Manager technical reference: catalogs are per
//!   architecture

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA105 `architecture-value`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA105",
    name: "architecture-value",
    severity: Severity::Error,
    summary: "processorArchitecture not x86, amd64, arm64, ia64 or wow64",
};

/// The Windows name of an architecture another tool's name stands for,
/// and whether the mapping is certain enough to fix mechanically.
fn windows_name(value: &str) -> Option<(Arch, bool)> {
    let v = value.trim().to_ascii_lowercase();
    Some(match v.as_str() {
        "x64" | "x86_64" | "x86-64" | "amd-64" | "em64t" | "intel64" => (Arch::Amd64, true),
        "64" | "64bit" | "64-bit" | "win64" => (Arch::Amd64, false),
        "aarch64" | "arm-64" | "armv8" => (Arch::Arm64, true),
        "arm" | "arm32" | "armv7" => (Arch::Arm64, false),
        "i386" | "i486" | "i586" | "i686" | "x32" | "win32" | "32" | "32bit" | "32-bit" => {
            (Arch::X86, true)
        }
        "ia-64" | "itanium" => (Arch::Ia64, true),
        _ => return None,
    })
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        if c.arch.is_some() {
            return;
        }
        let Some(attr) = c.el.attribute_ns(None, "processorArchitecture") else {
            return;
        };
        let value = attr.value();
        if cx.is_template(&value) {
            return;
        }
        let span = attr.value_span();
        let edit = |a: Arch| {
            vec![TextEdit {
                span,
                replacement: a.as_str().to_string(),
            }]
        };
        if let Some(a) = Arch::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(value.trim()))
        {
            out.report_as(
                Severity::Warning,
                Some(c.el),
                span,
                format!("processorArchitecture {value:?} is not in canonical form; write {a}"),
            )
            .fix(format!("write {a}"), edit(a));
            return;
        }
        if value.trim().is_empty() {
            out.report(Some(c.el), span, "processorArchitecture is empty")
                .help("use amd64, x86 or arm64, matching the Windows being installed");
            return;
        }
        match windows_name(&value) {
            Some((a, certain)) => {
                let d = out.report(
                    Some(c.el),
                    span,
                    format!("processorArchitecture {value:?} is not a Windows architecture name; did you mean {a}?"),
                );
                d.help("Windows names: x86, amd64 (64-bit Intel/AMD, also called x64), arm64, wow64, ia64");
                if certain {
                    d.fix(format!("write {a}"), edit(a));
                }
            }
            None => {
                out.report(
                    Some(c.el),
                    span,
                    format!("unknown processorArchitecture {value:?}"),
                )
                .help("one of x86, amd64, arm64, wow64, ia64");
            }
        }
    }
}
