//! Rule metadata and lookup by code or name.

use super::diagnostic::Severity;
use super::generated::rule_docs::RULE_DOCS;
use super::rules::ALL;

/// The identity of a rule: code, name, default severity and a one-line summary.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct RuleMeta {
    /// Stable code (`UA201`); never reused.
    pub code: &'static str,
    /// kebab-case name (`setting-not-valid-in-pass`).
    pub name: &'static str,
    /// Severity unless configuration overrides it.
    pub severity: Severity,
    /// What the rule checks, in one line.
    pub summary: &'static str,
}

impl RuleMeta {
    /// The rule's documentation (What it checks / Why it matters / Example /
    /// Fix / References), taken from its source file's doc comment.
    pub fn docs(&self) -> &'static str {
        RULE_DOCS
            .iter()
            .find(|(code, _)| *code == self.code)
            .map(|(_, d)| *d)
            .unwrap_or("")
    }
}

/// Every rule, in code order.
pub fn rules() -> impl ExactSizeIterator<Item = &'static RuleMeta> {
    ALL.iter().map(|r| r.meta())
}

/// A rule by code (`UA201`, any case) or name (`setting-not-valid-in-pass`).
pub fn rule(code_or_name: &str) -> Option<&'static RuleMeta> {
    rules().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// The rules a selector names: a code, a code prefix (`UA2`), a name, or `ALL`.
pub fn select(selector: &str) -> Vec<&'static RuleMeta> {
    if selector.eq_ignore_ascii_case("all") {
        return rules().collect();
    }
    if let Some(r) = rule(selector) {
        return vec![r];
    }
    let upper = selector.to_ascii_uppercase();
    if upper.starts_with("UA") && upper.len() < 5 && upper[2..].bytes().all(|b| b.is_ascii_digit())
    {
        return rules().filter(|r| r.code.starts_with(&upper)).collect();
    }
    Vec::new()
}
