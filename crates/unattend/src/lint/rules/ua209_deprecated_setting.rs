//! ## What it checks
//!
//! Settings and components the reference marks as on their way out:
//!
//! - **deprecated** (`SkipMachineOOBE`, `SkipUserOOBE`, `OOBE/NetworkLocation`,
//!   the `OEMInformation` fields `Manufacturer`, `Model`, `Logo`,
//!   `SupportHours`, `SupportPhone`, `HelpCustomized`, the
//!   `Microsoft-Windows-HelpAndSupport` component, …);
//! - **removed** from later releases (`Themes/ScreenSaver`,
//!   `VisualEffects/FontSmoothing`, `ShowWindowsLive`, `DoNotCleanTaskBar`);
//! - documented as **not supported** (the Edge `FavoriteBarItems`, …).
//!
//! All three are warnings. A removed setting is not an error because Setup
//! skips it rather than failing: Packer builds of Windows 10 and Windows 11
//! images still carry `ShowWindowsLive` and install fine. The setting simply
//! has no effect, which is worth knowing but does not break the file.
//! Removed components are reported by UA110, not here.
//!
//! With `target-windows` in `unattend.toml` (`"10"`, `"11"`, `"10.1709"`,
//! `"11.22H2"`, `"8.1"`, or a Server year such as `"2019"`), releases are
//! compared: a setting deprecated or removed after the target release is not
//! reported, and a setting introduced after it is (the target does not have
//! it). `"10"` and `"11"` mean the latest release of each, and each
//! deprecated setting is reported where it is. Without a target, every
//! removed or unsupported setting is reported where it is, and the
//! deprecated ones (which still work) are grouped into one warning per file
//! that lists them all, pointing at each: on most real files they are the
//! same handful of OOBE and OEMInformation settings, and one finding is
//! enough to act on.
//!
//! Only the outermost element is reported when a whole container is
//! deprecated.
//!
//! ## Why it matters
//!
//! Deprecated settings may stop working in any release, and removed ones
//! already do nothing, so the file quietly does less than it says. Older
//! OOBE switches such as `SkipMachineOOBE` also skip screens in ways
//! Microsoft no longer tests.
//!
//! ## Example
//!
//! ```xml
//! <OOBE>
//!   <SkipMachineOOBE>true</SkipMachineOOBE>
//!   <NetworkLocation>Work</NetworkLocation>
//! </OOBE>
//! ```
//!
//! ## Fix
//!
//! Use the current settings, or drop the line:
//!
//! ```xml
//! <OOBE>
//!   <HideEULAPage>true</HideEULAPage>
//!   <HideOEMRegistrationScreen>true</HideOEMRegistrationScreen>
//!   <HideOnlineAccountScreens>true</HideOnlineAccountScreens>
//!   <HideWirelessSetupInOOBE>true</HideWirelessSetupInOOBE>
//!   <ProtectYourPC>3</ProtectYourPC>
//! </OOBE>
//! ```
//!
//! ## Evidence
//!
//! Warning: the status comes from each setting's page in Microsoft's
//! Unattended Windows Setup Reference ("deprecated", "not supported") or
//! its change log ("removed in …"), or, for a few settings, from older
//! references via the supplement. A deprecated setting still works and a
//! removed one is ignored without failing Setup (real Windows 10 and 11
//! builds carrying `ShowWindowsLive` install), so neither is an error.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: "Deprecated
//!   settings", "Changed answer file settings" for each Windows 10 release,
//!   and the notes on each setting's page

use crate::catalog::{Status, WinFacts};
use crate::lint::prelude::*;

/// UA209 `deprecated-setting`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA209",
    name: "deprecated-setting",
    severity: Severity::Warning,
    summary: "deprecated, removed or unsupported setting or component (release-aware with target-windows)",
};

/// A comparable release: (family, version), family 70 = Windows 7, 80 = 8,
/// 81 = 8.1, 100 = 10, 110 = 11; version `yymm` (`22H2` = 2210).
type Release = (u32, u32);

/// Windows 10 version number of `1709`, `20H2`, `21H2`…
fn version_number(v: &str) -> Option<u32> {
    let v = v.trim();
    if let Some((yy, h)) = v.split_once(['H', 'h']) {
        let yy: u32 = yy.parse().ok()?;
        return match h {
            "1" => Some(yy * 100 + 5),
            "2" => Some(yy * 100 + 10),
            _ => None,
        };
    }
    (v.len() == 4).then(|| v.parse().ok()).flatten()
}

/// A release named in the catalog (`Windows 10, version 1709`, `Windows 8.1`,
/// `Windows 11`); the first release of a family when no version is given.
fn catalog_release(s: &str) -> Option<Release> {
    let rest = s.trim().strip_prefix("Windows ")?;
    let (family, version) = match rest.split_once(',') {
        Some((f, v)) => (f.trim(), Some(v.trim().trim_start_matches("version").trim())),
        None => (rest.trim(), None),
    };
    let (fam, first) = match family {
        "7" => (70, 0),
        "8" => (80, 0),
        "8.1" => (81, 0),
        "10" => (100, 1507),
        "11" => (110, 2110),
        _ => return None,
    };
    match version {
        Some(v) => Some((fam, version_number(v)?)),
        None => Some((fam, first)),
    }
}

/// `s` without `prefix`, compared ignoring ASCII case.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &s[prefix.len()..])
}

/// The configured target (`10`, `11`, `10.1709`, `11.22H2`, `8.1`, `2019`);
/// a family alone means its latest release.
fn target_release(s: &str) -> Option<Release> {
    let t = s.trim();
    let t = strip_prefix_ci(t, "windows")
        .or_else(|| strip_prefix_ci(t, "win"))
        .unwrap_or(t)
        .trim()
        .trim_start_matches(['-', '_'])
        .trim();
    let year = strip_prefix_ci(t, "server").unwrap_or(t).trim();
    const SERVERS: &[(&str, Release)] = &[
        ("2008r2", (70, 0)),
        ("2008 r2", (70, 0)),
        ("2012", (80, 0)),
        ("2012r2", (81, 0)),
        ("2012 r2", (81, 0)),
        ("2016", (100, 1607)),
        ("2019", (100, 1809)),
        ("2022", (100, 2110)),
        ("2025", (110, 2410)),
    ];
    if let Some((_, r)) = SERVERS.iter().find(|(y, _)| y.eq_ignore_ascii_case(year)) {
        return Some(*r);
    }
    let (family, version) = match t.split_once(['.', ' ', ',']) {
        Some(("8", "1")) => return Some((81, 0)),
        Some((f, v)) => {
            let v = v.trim();
            (f, Some(strip_prefix_ci(v, "version").unwrap_or(v).trim()))
        }
        None => (t, None),
    };
    let fam = match family {
        "7" => 70,
        "8" => 80,
        "10" => 100,
        "11" => 110,
        _ => return None,
    };
    match version {
        Some(v) => Some((fam, version_number(v)?)),
        None => Some((fam, u32::MAX)),
    }
}

/// What to report about an element with these facts, given the target.
enum Finding {
    Deprecated(Option<&'static str>),
    Removed(Option<&'static str>),
    Unsupported,
    Later(&'static str),
}

fn finding(status: Option<Status>, win: &WinFacts, target: Option<Release>) -> Option<Finding> {
    let reached = |when: Option<&str>| match (target, when.and_then(catalog_release)) {
        (Some(t), Some(r)) => t >= r,
        _ => true,
    };
    if let (Some(t), Some(intro)) = (target, win.introduced)
        && catalog_release(intro).is_some_and(|r| t < r)
    {
        return Some(Finding::Later(intro));
    }
    match status {
        Some(Status::Removed) if reached(win.removed_in) => Some(Finding::Removed(win.removed_in)),
        Some(Status::Removed) => None,
        Some(Status::Deprecated) if reached(win.deprecated_in) => {
            Some(Finding::Deprecated(win.deprecated_in))
        }
        Some(Status::Deprecated) => None,
        Some(Status::Unsupported) => Some(Finding::Unsupported),
        None if win.removed_in.is_some() && reached(win.removed_in) => {
            Some(Finding::Removed(win.removed_in))
        }
        None if win.deprecated_in.is_some() && target.is_some() && reached(win.deprecated_in) => {
            Some(Finding::Deprecated(win.deprecated_in))
        }
        None => None,
    }
}

/// Advice for well-known cases.
fn advice(component: &str, path: &str) -> Option<&'static str> {
    const ADVICE: &[(&str, &str, &str)] = &[
        (
            "Microsoft-Windows-Shell-Setup",
            "OOBE/SkipMachineOOBE",
            "remove it; hide the OOBE pages you want to skip with OOBE/HideEULAPage, HideOEMRegistrationScreen, HideOnlineAccountScreens, HideWirelessSetupInOOBE and ProtectYourPC",
        ),
        (
            "Microsoft-Windows-Shell-Setup",
            "OOBE/SkipUserOOBE",
            "remove it; create the account with UserAccounts and hide the OOBE pages with the OOBE/Hide… settings",
        ),
        (
            "Microsoft-Windows-Shell-Setup",
            "OOBE/NetworkLocation",
            "remove it; Windows no longer asks for a network location during OOBE (set the category after setup, e.g. Set-NetConnectionProfile)",
        ),
    ];
    ADVICE
        .iter()
        .find(|(c, p, _)| c.eq_ignore_ascii_case(component) && p.eq_ignore_ascii_case(path))
        .map(|(_, _, a)| *a)
}

fn message(what: &str, f: &Finding, target: Option<&str>) -> (String, &'static str) {
    match f {
        Finding::Deprecated(Some(v)) => (format!("{what} is deprecated since {v}"), "remove it, or use what its reference page recommends instead"),
        Finding::Deprecated(None) => (format!("{what} is deprecated"), "remove it, or use what its reference page recommends instead"),
        Finding::Removed(Some(v)) => (
            format!("{what} was removed in {v}; newer Windows releases ignore it"),
            "remove it: it has no effect on current Windows",
        ),
        Finding::Removed(None) => (
            format!("{what} was removed from Windows; current releases ignore it"),
            "remove it: it has no effect on current Windows",
        ),
        Finding::Unsupported => (
            format!("{what} is documented as not supported"),
            "remove it: the reference says Windows does not support it",
        ),
        Finding::Later(v) => (
            format!(
                "{what} first appeared in {v}, after the target release ({})",
                target.unwrap_or("?")
            ),
            "the target release does not know this setting: remove it or raise target-windows",
        ),
    }
}

/// One deprecated element of the file: where, what, since when.
struct Deprecated<'d> {
    el: ElementRef<'d>,
    span: Span,
    what: String,
    since: Option<&'static str>,
}

/// The outermost deprecated settings below `el` (whose catalog entry is
/// `info`, `None` at the component's top), in file order.
fn collect_deprecated<'d>(
    component: &'static catalog::ComponentInfo,
    el: ElementRef<'d>,
    parent: Option<&'static catalog::SettingInfo>,
    out: &mut Vec<Deprecated<'d>>,
) {
    for child in el.child_elements() {
        if child.namespace() != Some(UNATTEND_NS) {
            continue;
        }
        let info = match parent {
            None => component.child(child.local_name()),
            Some(p) => p.child(child.local_name()),
        };
        let Some(info) = info else { continue };
        if let Some(Finding::Deprecated(since)) = finding(info.status, &info.win, None) {
            out.push(Deprecated {
                el: child,
                span: child.name_span(),
                what: info.element_name.to_string(),
                since,
            });
            continue;
        }
        // A removed or unsupported container is reported where it is;
        // nothing below it is reported again.
        if finding(info.status, &info.win, None).is_none() {
            collect_deprecated(component, child, Some(info), out);
        }
    }
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Without a target release, the deprecated settings of the whole file
    /// as one finding.
    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        if cx.config.target_windows.as_deref().and_then(target_release).is_some() {
            return;
        }
        let mut found = Vec::new();
        for c in cx.components() {
            let Some(info) = c.info else { continue };
            match finding(info.status, &info.win, None) {
                Some(Finding::Deprecated(since)) => {
                    let span = c.el.attribute_ns(None, "name").map_or(c.el.name_span(), |a| a.value_span());
                    found.push(Deprecated {
                        el: c.el,
                        span,
                        what: format!("the component {}", info.name),
                        since,
                    });
                }
                None => collect_deprecated(info, c.el, None, &mut found),
                Some(_) => {}
            }
        }
        let Some(first) = found.first() else { return };
        let describe = |d: &Deprecated<'_>| match d.since {
            Some(v) => format!("{} (since {v})", d.what),
            None => d.what.clone(),
        };
        let message = match found.len() {
            1 => format!("{} is deprecated", describe(first)),
            n => {
                let mut names: Vec<String> = Vec::new();
                for d in &found {
                    let text = describe(d);
                    if !names.contains(&text) {
                        names.push(text);
                    }
                }
                format!("{n} deprecated settings: {}", names.join(", "))
            }
        };
        let advice = found.iter().take(usize::from(found.len() == 1)).find_map(|d| {
            let comp = cx.components().find(|c| c.el.descendants().any(|e| e.id() == d.el.id()))?;
            let info = comp.info?;
            let path = crate::lint::context::element_path(d.el);
            let tail = path.rsplit("']/").next().unwrap_or("");
            advice(info.name, tail)
        });
        let help = format!(
            "deprecated settings still work but may stop in any release; {}; set target-windows in unattend.toml to check them against the release you deploy",
            advice.unwrap_or("remove them, or use what their reference pages recommend instead")
        );
        out.report(Some(first.el), first.span, message).help(help);
        for d in found.iter().skip(1) {
            out.label(d.span, describe(d));
        }
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        let Some(info) = c.info else { return };
        // Removed components are UA110's.
        if info.status == Some(Status::Removed) {
            return;
        }
        let target_text = cx.config.target_windows.as_deref();
        let target = target_text.and_then(target_release);
        let Some(f) = finding(info.status, &info.win, target) else { return };
        // Removed: UA110. Deprecated without a target: the file's group.
        if matches!(f, Finding::Removed(_)) || (target.is_none() && matches!(f, Finding::Deprecated(_))) {
            return;
        }
        let span = c.el.attribute_ns(None, "name").map_or(c.el.name_span(), |a| a.value_span());
        let (msg, help) = message(&format!("the component {}", info.name), &f, target_text);
        let d = out.report(Some(c.el), span, msg);
        match info.replacement {
            Some(r) => d.help(format!("use {r} instead")),
            None => d.help(help),
        };
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        let component = s.component.info;
        let target_text = cx.config.target_windows.as_deref();
        let target = target_text.and_then(target_release);
        // The component-level finding (or UA110) covers its settings.
        if component.is_some_and(|c| c.status.is_some() || finding(None, &c.win, target).is_some()) {
            return;
        }
        let Some(f) = finding(info.status, &info.win, target) else { return };
        // Report the outermost element only.
        let mut ancestor = info.parent();
        while let Some(a) = ancestor {
            if finding(a.status, &a.win, target).is_some() {
                return;
            }
            ancestor = a.parent();
        }
        if target.is_none() && matches!(f, Finding::Deprecated(_)) {
            return; // reported with the file's group (check_file)
        }
        let (msg, help) = message(info.element_name, &f, target_text);
        let help = component
            .and_then(|c| advice(c.name, info.path))
            .unwrap_or(help);
        out.at(s.el, msg).help(help);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_compare_in_order() {
        assert_eq!(catalog_release("Windows 10, version 1709"), Some((100, 1709)));
        assert_eq!(catalog_release("Windows 8.1"), Some((81, 0)));
        assert_eq!(catalog_release("Windows 11"), Some((110, 2110)));
        assert_eq!(target_release("10.1709"), Some((100, 1709)));
        assert_eq!(target_release("Windows 10 20H2"), Some((100, 2010)));
        assert_eq!(target_release("11.24H2"), Some((110, 2410)));
        assert_eq!(target_release("8.1"), Some((81, 0)));
        assert_eq!(target_release("2019"), Some((100, 1809)));
        assert_eq!(target_release("server 2022"), Some((100, 2110)));
        assert_eq!(target_release("vista"), None);
        let latest10 = target_release("10");
        assert!(latest10 > catalog_release("Windows 10, version 1903"));
        assert!(latest10 < catalog_release("Windows 11"));
    }

    #[test]
    fn findings_follow_the_target() {
        let win = WinFacts {
            deprecated_in: Some("Windows 10, version 1709"),
            ..WinFacts::NONE
        };
        let deprecated = Some(Status::Deprecated);
        assert!(matches!(finding(deprecated, &win, None), Some(Finding::Deprecated(_))));
        assert!(finding(deprecated, &win, target_release("10.1607")).is_none());
        assert!(finding(deprecated, &win, target_release("11")).is_some());
        let new = WinFacts {
            introduced: Some("Windows 10, version 1903"),
            ..WinFacts::NONE
        };
        assert!(finding(None, &new, None).is_none());
        assert!(matches!(finding(None, &new, target_release("10.1809")), Some(Finding::Later(_))));
        assert!(finding(None, &new, target_release("10")).is_none());
    }
}
