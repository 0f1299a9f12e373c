//! The engine: builds the views once, runs every enabled rule at the
//! levels it implements, applies suppressions.

use super::config::ResolvedConfig;
use super::context::{Check, ComponentView, FileCx, PassView, Reporter, SettingView, hooks};
use super::diagnostic::{Diagnostic, Severity};
use super::generated::rule_hooks::RULE_HOOKS;
use super::rules::{self, ALL};
use super::suppress;
use super::template::Templates;
use crate::catalog::{self, SettingInfo};
use crate::document::{Document, ElementRef, UNATTEND_NS};
use crate::model::{Arch, Pass};

/// An enabled rule with what its reporter needs, resolved once per file.
#[derive(Clone, Copy)]
struct ActiveRule {
    rule: &'static dyn Check,
    meta: &'static super::registry::RuleMeta,
    severity: Severity,
}

type Active = Vec<ActiveRule>;

/// The enabled rules, split by the hooks they implement: calling every rule
/// at every element would spend more time in empty default methods than in
/// the checks.
struct ActiveRules {
    file: Active,
    pass: Active,
    component: Active,
    setting: Active,
}

impl ActiveRules {
    fn new(config: &ResolvedConfig) -> ActiveRules {
        let enabled = || {
            ALL.iter()
                .zip(RULE_HOOKS)
                .zip(&config.severities)
                .filter_map(|((r, (_, bits)), s)| s.map(|s| (*r, *bits, s)))
        };
        let at = |level: u8| -> Active {
            enabled()
                .filter(|(_, bits, _)| bits & level != 0)
                .map(|(rule, _, severity)| ActiveRule {
                    rule,
                    meta: rule.meta(),
                    severity,
                })
                .collect()
        };
        ActiveRules {
            file: at(hooks::FILE),
            pass: at(hooks::PASS),
            component: at(hooks::COMPONENT),
            setting: at(hooks::SETTING),
        }
    }
}

/// Runs `check` for every rule of `active` with one reporter, re-aimed at
/// each rule in turn (building a reporter per rule and element cost more
/// than most checks).
fn each_rule(
    doc: &Document,
    active: &[ActiveRule],
    out: &mut Vec<Diagnostic>,
    mut check: impl FnMut(&'static dyn Check, &mut Reporter<'_>),
) {
    let Some(first) = active.first() else { return };
    let mut r = Reporter {
        doc: Some(doc),
        text: doc.text(),
        rule: first.meta,
        severity: first.severity,
        overridden: false,
        out,
    };
    for a in active {
        r.rule = a.meta;
        r.severity = a.severity;
        r.overridden = a.severity != a.meta.severity;
        check(a.rule, &mut r);
    }
}

fn pass_views(root: ElementRef<'_>) -> Vec<PassView<'_>> {
    root.child_elements()
        .filter(|e| e.is(UNATTEND_NS, "settings"))
        .map(|el| {
            let pass = el
                .attribute_value("pass")
                .and_then(|p| p.parse::<Pass>().ok());
            let components = el
                .child_elements()
                .filter(|c| c.is(UNATTEND_NS, "component"))
                .map(|c| {
                    let name = c.attribute_value("name");
                    ComponentView {
                        el: c,
                        pass,
                        info: name.as_deref().and_then(catalog::component),
                        arch: c
                            .attribute_value("processorArchitecture")
                            .and_then(|a| a.parse::<Arch>().ok()),
                        name,
                    }
                })
                .collect();
            PassView {
                el,
                pass,
                components,
            }
        })
        .collect()
}

/// Lints a parsed document.
pub(crate) fn run(doc: &Document, config: &ResolvedConfig) -> Vec<Diagnostic> {
    let templates = Templates::scan(doc.text(), config.template);
    let root = doc.root();
    let root = root.is(UNATTEND_NS, "unattend").then_some(root);
    let cx = FileCx {
        doc,
        root,
        passes: root.map(pass_views).unwrap_or_default(),
        config,
        templates: &templates,
    };
    let active = ActiveRules::new(config);
    // Faults a recovering parse read past: reported first, as the file's
    // fatal findings, and not suppressible (nor are they when they stop
    // the parse).
    let mut fatal = Vec::new();
    if let Some(recovery) = doc.recovery() {
        for fault in &recovery.faults {
            super::report_parse_error(fault, Some(doc), doc.text(), config, &mut fatal);
        }
    }
    let mut out = Vec::new();
    each_rule(doc, &active.file, &mut out, |rule, r| {
        rule.check_file(&cx, r)
    });
    for pass in &cx.passes {
        each_rule(doc, &active.pass, &mut out, |rule, r| {
            rule.check_pass(&cx, pass, r)
        });
        for component in &pass.components {
            each_rule(doc, &active.component, &mut out, |rule, r| {
                rule.check_component(&cx, component, r)
            });
            for child in component.el.child_elements() {
                visit(
                    &cx,
                    component,
                    child,
                    None,
                    true,
                    false,
                    &active.setting,
                    &mut out,
                );
            }
        }
    }
    apply_suppressions(doc, config, &mut out);
    out.sort_by(|a, b| (a.span.start, &a.code).cmp(&(b.span.start, &b.code)));
    if let Some(recovery) = doc.recovery() {
        // The root's missing namespace is fatal too (Setup would apply
        // nothing): it follows the parse faults, the first of which stays
        // first (what `check` and a strict parse report).
        if recovery.root_namespace.is_some() {
            let code = rules::ua005_root_element::META.code;
            fatal.extend(out.extract_if(.., |d| d.code == code));
        }
        fatal.append(&mut out);
        return fatal;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn visit<'d>(
    cx: &FileCx<'d>,
    component: &ComponentView<'d>,
    el: ElementRef<'d>,
    parent_info: Option<&'static SettingInfo>,
    top: bool,
    under_unknown: bool,
    active: &Active,
    out: &mut Vec<Diagnostic>,
) {
    let info = if under_unknown || el.namespace() != Some(UNATTEND_NS) {
        None
    } else if top {
        component.info.and_then(|c| c.child(el.local_name()))
    } else {
        parent_info.and_then(|p| p.child(el.local_name()))
    };
    let view = SettingView {
        el,
        component,
        info,
        parent_info,
        under_unknown,
        text: el.text(),
        name: el.local_name(),
    };
    each_rule(cx.doc, active, out, |rule, r| {
        rule.check_setting(cx, &view, r)
    });
    for child in el.child_elements() {
        visit(
            cx,
            component,
            child,
            info,
            false,
            under_unknown || info.is_none(),
            active,
            out,
        );
    }
}

fn apply_suppressions(doc: &Document, config: &ResolvedConfig, out: &mut Vec<Diagnostic>) {
    let mut sups = suppress::collect(doc);
    if sups.is_empty() {
        return;
    }
    out.retain(|d| {
        let mut keep = true;
        for s in sups.iter_mut().filter(|s| s.covers(&d.code, d.span)) {
            s.used = true;
            keep = false;
        }
        keep
    });
    if let Some(sev) = config.severity_of(rules::ua900_unused_suppression::META.code) {
        let rule = ActiveRule {
            rule: &rules::ua900_unused_suppression::Rule,
            meta: &rules::ua900_unused_suppression::META,
            severity: sev,
        };
        each_rule(doc, &[rule], out, |_, r| {
            rules::ua900_unused_suppression::report(&sups, r);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hook_table_lists_every_rule_in_order() {
        let codes: Vec<&str> = ALL.iter().map(|r| r.meta().code).collect();
        let table: Vec<&str> = RULE_HOOKS.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, table, "rerun `cargo xtask codegen`");
        // Only the parse-error rule and the suppression rule are run outside
        // the walker; any other rule without hooks would silently never run
        // (e.g. a hook defined through a macro the generator cannot see).
        let idle: Vec<&str> = RULE_HOOKS
            .iter()
            .filter(|(_, bits)| *bits == 0)
            .map(|(c, _)| *c)
            .collect();
        assert_eq!(idle, ["UA001", "UA900"]);
    }
}
