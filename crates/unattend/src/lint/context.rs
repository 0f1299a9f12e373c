//! What rules see: views of the file with catalog facts resolved, and the
//! reporter they push diagnostics into.

use std::borrow::Cow;

use super::config::ResolvedConfig;
use super::diagnostic::{Diagnostic, Label};
use super::registry::RuleMeta;
use super::template::Templates;
use crate::catalog::{ComponentInfo, SettingInfo};
use crate::document::{Document, ElementRef, Span, UNATTEND_NS};
use crate::model::{Arch, Pass};

/// Bits naming the [`Check`] hooks a rule implements (the generated
/// `RULE_HOOKS` table reads them off each rule's source file).
pub(crate) mod hooks {
    /// `check_file`.
    pub(crate) const FILE: u8 = 0b0001;
    /// `check_pass`.
    pub(crate) const PASS: u8 = 0b0010;
    /// `check_component`.
    pub(crate) const COMPONENT: u8 = 0b0100;
    /// `check_setting`.
    pub(crate) const SETTING: u8 = 0b1000;
}

/// A rule: metadata plus checks at the levels it cares about. Every hook
/// has an empty default; the walker calls each enabled rule only at the
/// levels whose hooks its source file defines (see [`hooks`]).
pub(crate) trait Check: Sync {
    /// The rule's identity.
    fn meta(&self) -> &'static RuleMeta;
    /// Once per file, before anything else (the document may be absent when
    /// the file did not parse).
    fn check_file(&self, _cx: &FileCx<'_>, _out: &mut Reporter<'_>) {}
    /// Once per `<settings>` element.
    fn check_pass(&self, _cx: &FileCx<'_>, _pass: &PassView<'_>, _out: &mut Reporter<'_>) {}
    /// Once per `<component>` element.
    fn check_component(&self, _cx: &FileCx<'_>, _c: &ComponentView<'_>, _out: &mut Reporter<'_>) {}
    /// Once per element below a component.
    fn check_setting(&self, _cx: &FileCx<'_>, _s: &SettingView<'_, '_>, _out: &mut Reporter<'_>) {}
}

/// The whole file.
pub(crate) struct FileCx<'d> {
    /// The parsed document.
    pub doc: &'d Document,
    /// The `<unattend>` root in the right namespace, if it is one.
    pub root: Option<ElementRef<'d>>,
    /// Every `<settings>` element under the root, in file order.
    pub passes: Vec<PassView<'d>>,
    /// Configuration in force for this file.
    pub config: &'d ResolvedConfig,
    /// Template placeholders found in the file.
    pub templates: &'d Templates,
}

/// One `<settings pass="…">`.
pub(crate) struct PassView<'d> {
    /// The `<settings>` element.
    pub el: ElementRef<'d>,
    /// The pass, when the attribute names one exactly.
    pub pass: Option<Pass>,
    /// Its `<component>` elements.
    pub components: Vec<ComponentView<'d>>,
}

/// One `<component>` with its catalog entry.
pub(crate) struct ComponentView<'d> {
    /// The `<component>` element.
    pub el: ElementRef<'d>,
    /// The pass it is in (when the pass is valid).
    pub pass: Option<Pass>,
    /// The `name` attribute as written.
    pub name: Option<Cow<'d, str>>,
    /// The catalog entry (name compared ignoring case, variants included).
    pub info: Option<&'static ComponentInfo>,
    /// The architecture, when it is one of the five.
    pub arch: Option<Arch>,
}

/// One element below a component, with its catalog entry.
pub(crate) struct SettingView<'d, 'c> {
    /// The element.
    pub el: ElementRef<'d>,
    /// The component it belongs to.
    pub component: &'c ComponentView<'d>,
    /// Its catalog entry, if the catalog knows it.
    pub info: Option<&'static SettingInfo>,
    /// The catalog entry of the parent element (`None` at the top of the
    /// component or below an unknown element).
    pub parent_info: Option<&'static SettingInfo>,
    /// True when some ancestor below the component is unknown to the catalog
    /// (facts about this element are then unknown too).
    pub under_unknown: bool,
    /// The element's text when it is a leaf, resolved once for every rule
    /// (most rules read it; unescaping it per rule cost more than the checks).
    pub(crate) text: Option<Cow<'d, str>>,
    /// The element's local name (every rule asks for it first).
    pub(crate) name: &'d str,
}

impl FileCx<'_> {
    /// True when `value` contains a template placeholder (value checks skip it).
    pub fn is_template(&self, value: &str) -> bool {
        self.templates.contains_placeholder(value)
    }

    /// True when a template control block (`%{ if … }`, `{% if … %}`) stands
    /// between two offsets: elements on either side are alternatives the
    /// template picks between, not repeats.
    pub fn in_different_template_branches(&self, from: u32, to: u32) -> bool {
        let between = self
            .doc
            .text()
            .get(from as usize..to as usize)
            .unwrap_or("");
        (between.contains("%{") || between.contains("{%")) && self.is_template(between)
    }

    /// Every component of the file, in order.
    pub fn components(&self) -> impl Iterator<Item = &ComponentView<'_>> {
        self.passes.iter().flat_map(|p| p.components.iter())
    }
}

impl<'d> SettingView<'d, '_> {
    /// The element's text when it is a leaf.
    pub fn value(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The element's local name.
    pub fn local_name(&self) -> &'d str {
        self.name
    }

    /// The pass of the component.
    pub fn pass(&self) -> Option<Pass> {
        self.component.pass
    }

    /// True when the element is in the answer-file namespace.
    pub fn in_unattend_ns(&self) -> bool {
        self.el.namespace() == Some(UNATTEND_NS)
    }
}

/// Collects the diagnostics of one rule.
pub(crate) struct Reporter<'a> {
    pub(crate) doc: Option<&'a Document>,
    pub(crate) text: &'a str,
    pub(crate) rule: &'static RuleMeta,
    pub(crate) severity: super::diagnostic::Severity,
    /// True when configuration set this rule's severity (rules that pick a
    /// severity per finding then keep the configured one).
    pub(crate) overridden: bool,
    pub(crate) out: &'a mut Vec<Diagnostic>,
}

impl Reporter<'_> {
    fn line_col(&self, offset: usize) -> crate::document::LineCol {
        match self.doc {
            Some(d) => d.line_col(offset),
            None => crate::document::LineIndex::new(self.text).line_col(self.text, offset),
        }
    }

    /// Reports a finding at `span`, with the element path of `el`.
    pub fn report(
        &mut self,
        el: Option<ElementRef<'_>>,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let d = Diagnostic {
            code: self.rule.code.to_string(),
            name: self.rule.name.to_string(),
            severity: self.severity,
            message: message.into(),
            span,
            start: self.line_col(span.start as usize),
            end: self.line_col(span.end as usize),
            labels: Vec::new(),
            path: el.map(element_path),
            help: None,
            fix: None,
        };
        self.out.push(d);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    /// Like [`report`](Self::report), at `severity` unless configuration
    /// overrides the rule's severity (for rules whose default depends on the
    /// finding, e.g. an unknown name is an error when it is a near-miss).
    pub fn report_as(
        &mut self,
        severity: super::diagnostic::Severity,
        el: Option<ElementRef<'_>>,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let overridden = self.overridden;
        let d = self.report(el, span, message);
        if !overridden {
            d.severity = severity;
        }
        d
    }

    /// Reports a finding on an element's name (the usual anchor).
    pub fn at(&mut self, el: ElementRef<'_>, message: impl Into<String>) -> &mut Diagnostic {
        self.report(Some(el), el.name_span(), message)
    }

    /// Adds a secondary label to the last diagnostic.
    pub fn label(&mut self, span: Span, message: impl Into<String>) {
        let start = self.line_col(span.start as usize);
        let end = self.line_col(span.end as usize);
        if let Some(d) = self.out.last_mut() {
            d.labels.push(Label {
                span,
                start,
                end,
                message: message.into(),
            });
        }
    }
}

/// `/unattend/settings[@pass='specialize']/component[@name='…']/ComputerName`.
pub(crate) fn element_path(el: ElementRef<'_>) -> String {
    let ancestors: Vec<ElementRef<'_>> = std::iter::successors(Some(el), |e| e.parent()).collect();
    let mut path = String::with_capacity(ancestors.len() * 24);
    for e in ancestors.iter().rev() {
        let name = e.name();
        path.push('/');
        path.push_str(name);
        let key = match name {
            "settings" => Some(("pass", e.attribute_value("pass"))),
            "component" => Some(("name", e.attribute_value("name"))),
            _ => None,
        };
        if let Some((attr, Some(value))) = key {
            path.push_str("[@");
            path.push_str(attr);
            path.push_str("='");
            path.push_str(&value);
            path.push_str("']");
        }
    }
    path
}
