//! ## What it checks
//!
//! That `Microsoft-Windows-Shell-Setup/TimeZone` names a Windows time zone
//! by its ID, the names `tzutil /l` prints on its second line
//! (`W. Europe Standard Time`, `UTC`), optionally with the `_dstoff` suffix
//! that turns daylight saving off. IANA names (`Europe/Berlin`), display
//! names (`(UTC+01:00) Amsterdam…`) and abbreviations (`CET`) are errors,
//! with a suggestion when a known ID is close. A known ID written in another
//! case is a warning with a fix. Template placeholders and empty values are
//! skipped; a value that looks like a placeholder of some other script
//! (`***TimeZone***`) is a warning.
//!
//! ## Why it matters
//!
//! Windows looks the ID up among the time zones it knows; when it is not
//! there the setting is not applied and the machine keeps the image's
//! default time zone (Pacific time on en-US images), so local times in logs,
//! scheduled tasks and maintenance windows are off by hours without any
//! message.
//!
//! ## Example
//!
//! ```xml
//! <TimeZone>Europe/Berlin</TimeZone>
//! ```
//!
//! ## Fix
//!
//! ```xml
//! <TimeZone>W. Europe Standard Time</TimeZone>
//! ```
//!
//! `tzutil /l` on a Windows machine lists every ID.
//!
//! ## Evidence
//!
//! Error: the TimeZone page requires a Windows time zone ID (`tzutil /l`);
//! Setup does not apply another. Warning for unfilled placeholders (including
//! a value that is just the setting's name, e.g. `timezone`) and case
//! variants.
//!
//! ## References
//!
//! - Microsoft-Windows-Shell-Setup | TimeZone, Unattended Windows Setup
//!   Reference (Microsoft Learn)
//! - Default Time Zones (Windows manufacturing documentation, Microsoft
//!   Learn), and `tzutil /l`

use std::borrow::Cow;

use crate::catalog::windows;
use crate::lint::prelude::*;

/// UA404 `time-zone`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA404",
    name: "time-zone",
    severity: Severity::Error,
    summary: "not a Windows time-zone ID (_dstoff suffix allowed)",
};

/// IDs current Windows releases still carry that the catalog's list leaves
/// out (no longer shown in Settings, still accepted).
const ALSO_KNOWN: &[&str] = &["Kamchatka Standard Time", "Mid-Atlantic Standard Time"];

/// The suffix that disables daylight saving time.
const DST_OFF: &str = "_dstoff";

fn known_exact(id: &str) -> bool {
    windows::time_zone(id).is_some() || ALSO_KNOWN.contains(&id)
}

fn known_ignore_case(id: &str) -> Option<&'static str> {
    windows::time_zone_ignore_case(id)
        .map(|t| t.id)
        .or_else(|| {
            ALSO_KNOWN
                .iter()
                .copied()
                .find(|k| k.eq_ignore_ascii_case(id))
        })
}

/// Levenshtein distance over chars, ignoring ASCII case.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().map(|c| c.to_ascii_lowercase()).enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// A close known ID, for "did you mean".
fn suggestion(id: &str) -> Option<&'static str> {
    // A few spellings people reach for that are far from the ID by edits.
    let alias = match id.to_ascii_lowercase().as_str() {
        "gmt" | "utc+0" | "utc+00:00" | "etc/utc" | "z" | "zulu" | "coordinated universal time" => {
            Some("UTC")
        }
        "europe/berlin" | "europe/amsterdam" | "europe/vienna" | "europe/rome"
        | "europe/zurich" => Some("W. Europe Standard Time"),
        "europe/paris" | "europe/brussels" | "europe/madrid" | "europe/copenhagen" => {
            Some("Romance Standard Time")
        }
        "europe/london" | "europe/dublin" | "europe/lisbon" => Some("GMT Standard Time"),
        "europe/warsaw" | "europe/zagreb" | "europe/sarajevo" => {
            Some("Central European Standard Time")
        }
        "europe/prague" | "europe/budapest" | "europe/belgrade" => {
            Some("Central Europe Standard Time")
        }
        "europe/moscow" => Some("Russian Standard Time"),
        "america/new_york" | "us/eastern" | "est" | "edt" => Some("Eastern Standard Time"),
        "america/chicago" | "us/central" | "cst" | "cdt" => Some("Central Standard Time"),
        "america/denver" | "us/mountain" | "mst" | "mdt" => Some("Mountain Standard Time"),
        "america/los_angeles" | "us/pacific" | "pst" | "pdt" => Some("Pacific Standard Time"),
        "asia/shanghai" | "asia/chongqing" => Some("China Standard Time"),
        "asia/tokyo" | "jst" => Some("Tokyo Standard Time"),
        "asia/kolkata" | "asia/calcutta" | "ist" => Some("India Standard Time"),
        "australia/sydney" | "australia/melbourne" => Some("AUS Eastern Standard Time"),
        "cet" | "cest" => Some("W. Europe Standard Time"),
        _ => None,
    };
    if alias.is_some() {
        return alias;
    }
    let limit = (id.len() / 6).clamp(1, 3);
    windows::time_zones()
        .iter()
        .map(|t| t.id)
        .chain(ALSO_KNOWN.iter().copied())
        .map(|k| (distance(id, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if !s.local_name().eq_ignore_ascii_case("TimeZone") {
            return;
        }
        let is_time_zone = s.info.is_some_and(|i| {
            i.xml_path == "TimeZone" && i.component().name == "Microsoft-Windows-Shell-Setup"
        });
        if !is_time_zone {
            return;
        }
        let Some(value) = s.value() else { return };
        let id = value.trim();
        if id.is_empty() || cx.is_template(value) {
            return;
        }
        let (base, suffix) = match id.len().checked_sub(DST_OFF.len()) {
            Some(cut) if id.is_char_boundary(cut) && id[cut..].eq_ignore_ascii_case(DST_OFF) => {
                (&id[..cut], &id[cut..])
            }
            _ => (id, ""),
        };
        if known_exact(base) && (suffix.is_empty() || suffix == DST_OFF) {
            return;
        }
        let Some(span) = super::ua401_computer_name::trimmed_text_span(s.el) else {
            return;
        };
        if let Some(canonical) = known_ignore_case(base) {
            let fixed: Cow<'_, str> = if suffix.is_empty() {
                Cow::Borrowed(canonical)
            } else {
                Cow::Owned(format!("{canonical}{DST_OFF}"))
            };
            let d = out.report_as(
                Severity::Warning,
                Some(s.el),
                span,
                format!("time zone {id:?} differs from the Windows ID {fixed:?} in case"),
            );
            d.help(format!("write {fixed}"));
            d.fix(
                format!("write {fixed}"),
                vec![crate::document::TextEdit {
                    span,
                    replacement: fixed.into_owned(),
                }],
            );
            return;
        }
        if crate::lint::template::looks_like_placeholder(id)
            || crate::lint::template::names_its_setting(id, s.local_name()) {
            out.report_as(Severity::Warning, Some(s.el), span, format!("time zone {id:?} looks like a placeholder that was not filled in"))
                .help("fill in a Windows time zone ID such as \"W. Europe Standard Time\" before the file is used");
            return;
        }
        let d = out.report(
            Some(s.el),
            span,
            format!("{id:?} is not a Windows time zone ID"),
        );
        match suggestion(base) {
            Some(known) => d.help(format!("did you mean {known:?}? `tzutil /l` lists the IDs (the second line of each entry)")),
            None => d.help("use a Windows time zone ID such as \"W. Europe Standard Time\" or \"UTC\"; `tzutil /l` lists them (the second line of each entry)"),
        };
    }
}
