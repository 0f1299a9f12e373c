//! ## What it checks
//!
//! Suppression comments (`<!-- unattend: ignore[UA201] reason -->` and
//! `<!-- unattend: ignore-file[…] reason -->`) that silence nothing: the
//! named rule reports nothing where the comment applies, the comment names a
//! rule that does not exist, or no element follows it.
//!
//! ## Why it matters
//!
//! A stale suppression hides the next real problem of that kind at that
//! place, and a misspelt code silences nothing while looking as if it does.
//!
//! ## Example
//!
//! ```xml
//! <!-- unattend: ignore[UA201] kept from an older layout -->
//! <ComputerName>WS-01</ComputerName>
//! ```
//!
//! ## Fix
//!
//! Remove the comment, or correct the code so it names the rule that fires.
//!
//! ## Evidence
//!
//! Warning: a suppression that silences nothing is stale configuration in the
//! file, not a problem for Setup.
//!
//! ## References
//!
//! - `unattend rules` lists every code and name.

use crate::lint::prelude::*;
use crate::lint::suppress::Suppression;

/// UA900 `unused-suppression`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA900",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that suppresses nothing, or names an unknown rule",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

/// Reports the suppressions that silenced nothing.
pub(crate) fn report(suppressions: &[Suppression], out: &mut Reporter<'_>) {
    for s in suppressions.iter().filter(|s| !s.used) {
        let message = match (&s.rule, s.scope) {
            (Err(name), _) => format!("suppression names unknown rule {name:?}"),
            (Ok(rule), Some(scope)) if scope.is_empty() => {
                format!("suppression of {} ({}) is not followed by an element", rule.code, rule.name)
            }
            (Ok(rule), _) => format!("suppression of {} ({}) suppresses nothing", rule.code, rule.name),
        };
        out.report(None, s.comment, message)
            .help("remove the comment, or name the rule that reports here");
    }
}
