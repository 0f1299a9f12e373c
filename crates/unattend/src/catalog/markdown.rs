//! Catalog facts as Markdown, for editor hovers and documentation: one
//! rendering of what the catalog knows about a component, a setting or a
//! configuration pass.

use super::{ComponentInfo, PassSet, SettingInfo, SettingKind, ValueType};
use crate::model::Pass;

/// What a configuration pass does and when Windows runs it.
pub fn pass_summary(pass: Pass) -> &'static str {
    match pass {
        Pass::WindowsPe => {
            "Windows Setup started from installation media (Windows PE): disk \
             partitions, the image to install, product key and Setup's language. \
             Runs first, and only when Setup installs from media."
        }
        Pass::OfflineServicing => {
            "Applies drivers, packages and updates to the offline Windows image \
             before it first starts (also used by `DISM /Apply-Unattend`)."
        }
        Pass::Generalize => {
            "Runs during `sysprep /generalize`: removes machine-specific data \
             (security identifier, drivers state) so the image can be deployed \
             to other computers. Only settings that control generalization."
        }
        Pass::Specialize => {
            "Runs at the first start after Setup or after generalization: \
             machine-specific settings such as computer name, network, domain \
             join, time zone and first commands."
        }
        Pass::AuditSystem => {
            "Runs in audit mode (`sysprep /audit`) as the system, before any \
             user logs on: drivers and applications added in audit mode."
        }
        Pass::AuditUser => {
            "Runs in audit mode after the built-in Administrator logs on: \
             commands and customizations made as that user."
        }
        Pass::OobeSystem => {
            "Runs before the Windows Welcome (OOBE) screens: user accounts, \
             automatic logon, which OOBE pages are shown, first-logon commands."
        }
    }
}

/// Markdown for `pass="…"`.
pub fn pass_markdown(pass: Pass) -> String {
    format!("**pass `{pass}`**\n\n{}", pass_summary(pass))
}

fn passes_line(passes: PassSet) -> String {
    if passes.is_empty() {
        "not stated".to_string()
    } else {
        passes
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn code_list(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A warning line when `pass` is not one the facts allow.
fn pass_warning(passes: PassSet, pass: Option<Pass>, what: &str) -> Option<String> {
    let pass = pass?;
    (!passes.is_empty() && !passes.contains(pass)).then(|| {
        format!(
            "⚠ **Not valid in `{pass}`**: Windows processes this {what} only in {}.",
            passes_line(passes)
        )
    })
}

/// Markdown for a component: summary, passes (with a warning when `pass`
/// is not one of them), status and reference page.
pub fn component_markdown(c: &ComponentInfo, pass: Option<Pass>) -> String {
    let mut out = format!("**{}** (component)", c.name);
    if let Some(summary) = c.summary {
        out += &format!("\n\n{summary}");
    }
    if let Some(w) = pass_warning(c.passes, pass, "component") {
        out += &format!("\n\n{w}");
    }
    out += &format!("\n\n- **Passes:** {}", passes_line(c.passes));
    if let Some(status) = c.status {
        out += &format!("\n- **Status:** {status}");
        if let Some(r) = c.replacement {
            out += &format!(" (use `{r}`)");
        }
    }
    if !c.settings_documented {
        out += "\n- **Settings:** not documented by any reference";
    }
    if let Some(url) = c.page_url() {
        out += &format!("\n\n[Reference page]({url})");
    }
    out
}

/// Markdown for a setting: description, passes (with a warning when `pass`
/// is not one of them), kind and type, allowed values, default, limits,
/// status and reference page.
pub fn setting_markdown(s: &SettingInfo, pass: Option<Pass>) -> String {
    let mut out = format!("**{}** · `{}`", s.path, s.component().name);
    if let Some(summary) = s.summary {
        out += &format!("\n\n{summary}");
    }
    if let Some(w) = pass_warning(s.passes, pass, "setting") {
        out += &format!("\n\n{w}");
    }
    let mut facts = vec![format!("- **Passes:** {}", passes_line(s.passes))];
    if let Some(src) = s.passes_src {
        facts[0] += &format!(" ({src})");
    }
    if let Some(note) = s.pass_note {
        facts.push(format!("- **Pass note:** {note}"));
    }
    let mut kind = match (s.kind, s.value_type) {
        (SettingKind::Value, Some(t)) => t.to_string(),
        (SettingKind::Value, None) => "value".to_string(),
        (SettingKind::ListItem, _) => "list item".to_string(),
        (k, _) => k.to_string(),
    };
    if let Some(src) = s.type_src {
        kind += &format!(" ({src})");
    }
    facts.push(format!("- **Type:** {kind}"));
    if !s.values.is_empty() {
        let mut line = format!("- **Values:** {}", code_list(s.values));
        if !s.labels.is_empty() {
            let labels: Vec<String> = s.labels.iter().map(|(v, l)| format!("`{v}` {l}")).collect();
            line = format!("- **Values:** {}", labels.join(", "));
        }
        facts.push(line);
    } else if s.value_type == Some(ValueType::Boolean) {
        facts.push("- **Values:** `true`, `false`".to_string());
    }
    if !s.special_values.is_empty() {
        facts.push(format!(
            "- **Special values:** {}",
            code_list(s.special_values)
        ));
    }
    if let Some(d) = s.default {
        facts.push(format!("- **Default:** `{d}`"));
    } else if !s.default_conditional.is_empty() {
        facts.push(format!(
            "- **Default:** depends: {}",
            code_list(s.default_conditional)
        ));
    }
    if let Some((min, max)) = s.range {
        let unit = s.unit.map(|u| format!(" {u}")).unwrap_or_default();
        facts.push(format!("- **Range:** {min} to {max}{unit}"));
    } else if let Some(unit) = s.unit {
        facts.push(format!("- **Unit:** {unit}"));
    }
    match (s.min_length, s.max_length) {
        (Some(min), Some(max)) => facts.push(format!(
            "- **Length:** {min} to {max} {}",
            s.length_unit.as_str()
        )),
        (None, Some(max)) => facts.push(format!(
            "- **Length:** at most {max} {}",
            s.length_unit.as_str()
        )),
        (Some(min), None) => facts.push(format!(
            "- **Length:** at least {min} {}",
            s.length_unit.as_str()
        )),
        (None, None) => {}
    }
    if let Some(status) = s.status {
        let mut line = format!("- **Status:** {status}");
        if let Some(src) = s.status_src {
            line += &format!(" (per {src})");
        }
        facts.push(line);
    }
    if let Some(removed) = s.win.removed_in {
        facts.push(format!("- **Removed in:** {removed}"));
    } else if let Some(dep) = s.win.deprecated_in {
        facts.push(format!("- **Deprecated in:** {dep}"));
    }
    if let Some(intro) = s.win.introduced {
        facts.push(format!("- **Introduced:** {intro}"));
    }
    if let Some(example) = s.example {
        facts.push(format!("- **Example:** `{example}`"));
    }
    out += "\n\n";
    out += &facts.join("\n");
    if let Some(url) = s.page_url() {
        out += &format!("\n\n[Reference page]({url})");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn setting_facts_and_pass_warning() {
        let s = catalog::setting("Microsoft-Windows-Shell-Setup", "TimeZone").unwrap();
        let md = setting_markdown(s, Some(Pass::WindowsPe));
        assert!(md.contains("**TimeZone**"), "{md}");
        assert!(md.contains("Not valid in `windowsPE`"), "{md}");
        assert!(md.contains("`specialize`"), "{md}");
        let ok = setting_markdown(s, Some(Pass::Specialize));
        assert!(!ok.contains("Not valid"), "{ok}");
    }

    #[test]
    fn enum_values_are_listed() {
        let s = catalog::setting("Microsoft-Windows-Deployment", "Generalize/Mode").unwrap();
        let md = setting_markdown(s, None);
        assert!(md.contains("**Values:**"), "{md}");
    }
}
