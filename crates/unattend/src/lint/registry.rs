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

    /// The rule's page in this version's API documentation on docs.rs (the
    /// same text as [`docs`](Self::docs), under [`rule_docs`](super::rule_docs)).
    ///
    /// ```
    /// let rule = unattend::lint::rule("UA201").unwrap();
    /// assert!(rule.doc_url().starts_with("https://docs.rs/unattend/"));
    /// assert!(rule.doc_url().ends_with("/unattend/lint/rule_docs/ua201_setting_not_valid_in_pass/index.html"));
    /// ```
    pub fn doc_url(&self) -> String {
        format!(
            "https://docs.rs/unattend/{}/unattend/lint/rule_docs/{}_{}/index.html",
            env!("CARGO_PKG_VERSION"),
            self.code.to_ascii_lowercase(),
            self.name.replace('-', "_")
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The pages `doc_url` names are generated from the rule files' names.
    #[test]
    fn every_doc_url_names_a_generated_rule_page() {
        let pages = include_str!("generated/rule_pages.rs");
        for r in rules() {
            let url = r.doc_url();
            let module = url
                .strip_prefix(concat!(
                    "https://docs.rs/unattend/",
                    env!("CARGO_PKG_VERSION"),
                    "/unattend/lint/rule_docs/"
                ))
                .and_then(|m| m.strip_suffix("/index.html"))
                .unwrap_or_else(|| panic!("{url}"));
            assert!(
                pages.contains(&format!("\npub mod {module} {{}}")),
                "{} has no page {module}",
                r.code
            );
        }
    }
}
