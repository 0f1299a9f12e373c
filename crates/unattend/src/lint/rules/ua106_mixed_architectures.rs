//! ## What it checks
//!
//! That the components of one file target one architecture. A component
//! whose `processorArchitecture` differs from the rest of the file (the
//! architecture most components use) is reported, unless the same pass also
//! holds the same component for the main architecture: files that carry
//! every component for several architectures, so that one file serves both
//! x86 and amd64 media, are fine. Also accepted: `wow64` components (32-bit
//! settings on 64-bit Windows) and `x86` components in `windowsPE`
//! (a 32-bit Windows PE may install 64-bit Windows).
//!
//! With `target-arch` set in `unattend.toml`, each component is compared
//! with it instead.
//!
//! ## Why it matters
//!
//! Windows Setup applies only the components of the architecture it
//! installs and skips the others without a word. An `x86` Shell-Setup block
//! copied into an `amd64` file (an old blog post, a 32-bit template) means
//! its computer name, time zone or logon commands never take effect, and
//! the rest of the file works well enough for nobody to notice at once.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="specialize">
//!   <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="x86" …>
//!     <ComputerName>build-01</ComputerName>
//!   </component>
//! </settings>
//! <settings pass="oobeSystem">
//!   <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" …>
//! ```
//!
//! ## Fix
//!
//! Give the component the architecture of the Windows being installed
//! (`amd64` above), or, if the file must serve several architectures, add a
//! copy of the component for each of them.
//!
//! ## Evidence
//!
//! Warning: an inference from how Setup selects components (it applies those
//! of the architecture it installs); a file may serve several architectures
//! on purpose, and a component for every architecture in both copies is not
//! reported.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, "Components":
//!   `processorArchitecture`
//! - Windows System Image Manager: answer files and catalogs are per
//!   architecture; 32-bit Windows PE installing 64-bit Windows

use crate::lint::prelude::*;

/// UA106 `mixed-architectures`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA106",
    name: "mixed-architectures",
    severity: Severity::Warning,
    summary: "components of one file target different architectures (except an x86 windowsPE block alongside amd64 for 32-bit PE, and wow64 pairs), or differ from the configured target arch",
};

fn index(a: Arch) -> usize {
    match a {
        Arch::Amd64 => 0,
        Arch::Arm64 => 1,
        Arch::X86 => 2,
        Arch::Ia64 => 3,
        Arch::Wow64 => 4,
    }
}

/// True when the same pass holds the same component for `arch`.
fn has_twin(pass: &PassView<'_>, c: &ComponentView<'_>, arch: Arch) -> bool {
    let name = c.name.as_deref().unwrap_or_default();
    pass.components.iter().any(|o| {
        o.arch == Some(arch)
            && o.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
    })
}

/// Architectures a component may have next to `main` without being a mistake.
fn compatible(arch: Arch, main: Arch, pass: Option<Pass>) -> bool {
    arch == main
        || (arch == Arch::Wow64 && matches!(main, Arch::Amd64 | Arch::Arm64))
        || (arch == Arch::X86 && pass == Some(Pass::WindowsPe) && main != Arch::X86)
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let target = cx.config.target_arch;
        // The main architecture: the configured one, else the most used
        // (wow64 aside; ties go to amd64, arm64, x86, ia64 in that order).
        let main = match target {
            Some(t) => t,
            None => {
                let mut counts = [0usize; 5];
                for c in cx.components() {
                    if let Some(a) = c.arch {
                        counts[index(a)] += 1;
                    }
                }
                let Some(best) = [Arch::Amd64, Arch::Arm64, Arch::X86, Arch::Ia64]
                    .into_iter()
                    .filter(|a| counts[index(*a)] > 0)
                    .max_by_key(|a| (counts[index(*a)], std::cmp::Reverse(index(*a))))
                else {
                    return;
                };
                best
            }
        };
        let example = cx.components().find(|c| c.arch == Some(main));
        for pass in &cx.passes {
            for c in &pass.components {
                let Some(arch) = c.arch else { continue };
                if compatible(arch, main, c.pass) || has_twin(pass, c, main) {
                    continue;
                }
                let name = c.name.as_deref().unwrap_or("component");
                let span =
                    c.el.attribute_ns(None, "processorArchitecture")
                        .map_or(c.el.name_span(), |a| a.value_span());
                let message = match target {
                    Some(t) => format!(
                        "{name} targets {arch}, but the configured target architecture is {t}"
                    ),
                    None => format!(
                        "{name} targets {arch}, but the other components of this file target {main}"
                    ),
                };
                out.report(Some(c.el), span, message).help(format!(
                    "Setup applies only components of the architecture it installs, so on {main} this one is skipped; write processorArchitecture=\"{main}\", or add a copy for {main} if the file serves several architectures"
                ));
                if target.is_none()
                    && let Some(e) = example
                    && let Some(a) = e.el.attribute_ns(None, "processorArchitecture")
                {
                    out.label(a.value_span(), format!("{main} here"));
                }
            }
        }
    }
}
