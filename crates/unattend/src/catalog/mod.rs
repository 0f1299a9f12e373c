//! The catalog: every component and setting of Microsoft's *Unattended
//! Windows Setup Reference*, with the project's additions, as static tables.
//!
//! The facts come from `crates/unattend/catalog/` (the reference snapshot
//! `unattend-catalog.json`, the project's `supplement.json`, and Windows
//! identifier lists in `windows-data/`). `cargo xtask codegen` compiles them
//! into Rust tables; nothing parses JSON at run time and no lookup allocates.
//!
//! ```
//! use unattend::catalog;
//! use unattend::model::Pass;
//!
//! let mode = catalog::setting("microsoft-windows-deployment", "Generalize/Mode").unwrap();
//! assert_eq!(mode.values, ["Audit", "OOBE"]);
//! assert_eq!(mode.default, Some("OOBE"));
//! assert!(mode.valid_in(Pass::AuditUser));
//! assert!(mode.check_value("Audit").is_ok());
//! assert_eq!(mode.check_value("audit").unwrap_err().to_string(), "wrong case: write Audit");
//! ```
//!
//! Names compare ignoring ASCII case everywhere (Windows does the same for
//! component names); [`SettingInfo::element_name`] is the exact spelling to
//! write.

mod generated;
pub mod markdown;
pub mod windows;

use std::cmp::Ordering;
use std::fmt;

use crate::model::Pass;
use generated::tables::{COMPONENTS, NAME_INDEX, REJECTED, SETTINGS};

/// Base address of the reference's pages (`file` without `.md` appended).
pub const REFERENCE_URL: &str =
    "https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/";

// ------------------------------------------------------------------ enums

/// What a setting is in the element tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SettingKind {
    /// Holds other settings (child elements), no value of its own.
    Container,
    /// Holds only repeated items ([`SettingInfo::item`] names them).
    List,
    /// A repeated element written with `wcm:action`, identified by its
    /// [`key`](SettingInfo::key).
    ListItem,
    /// A leaf holding a value.
    Value,
}

impl SettingKind {
    /// The catalog's name: `container`, `list`, `list_item` or `value`.
    pub fn as_str(self) -> &'static str {
        match self {
            SettingKind::Container => "container",
            SettingKind::List => "list",
            SettingKind::ListItem => "list_item",
            SettingKind::Value => "value",
        }
    }
}

impl fmt::Display for SettingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of a value setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueType {
    /// `true` or `false`.
    Boolean,
    /// A decimal integer (possibly restricted to [`values`](SettingInfo::values)
    /// or a [`range`](SettingInfo::range)).
    Integer,
    /// Free text (possibly length-limited).
    String,
    /// One of a closed set of literals ([`values`](SettingInfo::values)).
    Enum,
}

impl ValueType {
    /// The catalog's name: `boolean`, `integer`, `string` or `enum`.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Boolean => "boolean",
            ValueType::Integer => "integer",
            ValueType::String => "string",
            ValueType::Enum => "enum",
        }
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A component or setting that should no longer be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// Still accepted, but on its way out.
    Deprecated,
    /// No longer processed by current Windows releases.
    Removed,
    /// Documented, but the page says it is not supported.
    Unsupported,
}

impl Status {
    /// `deprecated`, `removed` or `unsupported`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Deprecated => "deprecated",
            Status::Removed => "removed",
            Status::Unsupported => "unsupported",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What [`SettingInfo::max_length`] and [`SettingInfo::min_length`] count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LengthUnit {
    /// Characters (Unicode scalar values); the default.
    #[default]
    Characters,
    /// Bytes, when the page says so (counted as UTF-8 bytes here).
    Bytes,
}

impl LengthUnit {
    /// `characters` or `bytes`.
    pub fn as_str(self) -> &'static str {
        match self {
            LengthUnit::Characters => "characters",
            LengthUnit::Bytes => "bytes",
        }
    }

    /// The length of `value` in this unit.
    pub fn measure(self, value: &str) -> usize {
        match self {
            LengthUnit::Characters => value.chars().count(),
            LengthUnit::Bytes => value.len(),
        }
    }
}

impl fmt::Display for LengthUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the documented `Key`/`Value` pseudo-settings of a keyed list item go:
/// they are not child elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum XmlForm {
    /// The item's `wcm:keyValue` attribute.
    KeyAttribute,
    /// The item element's text content.
    TextContent,
}

impl XmlForm {
    /// A short description: `attribute wcm:keyValue of parent` or
    /// `text content of parent` (the catalog's wording).
    pub fn as_str(self) -> &'static str {
        match self {
            XmlForm::KeyAttribute => "attribute wcm:keyValue of parent",
            XmlForm::TextContent => "text content of parent",
        }
    }
}

impl fmt::Display for XmlForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------- PassSet

/// A set of configuration passes (one bit per [`Pass`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PassSet(pub(crate) u8);

impl PassSet {
    /// No pass.
    pub const EMPTY: PassSet = PassSet(0);
    /// All seven passes.
    pub const ALL: PassSet = PassSet(0x7f);

    /// The set of `passes`.
    pub const fn of(passes: &[Pass]) -> PassSet {
        let mut bits = 0u8;
        let mut i = 0;
        while i < passes.len() {
            bits |= 1 << passes[i] as u8;
            i += 1;
        }
        PassSet(bits)
    }

    /// True when `pass` is in the set.
    pub fn contains(self, pass: Pass) -> bool {
        self.0 & (1 << pass as u8) != 0
    }

    /// The set with `pass` added.
    #[must_use]
    pub fn with(self, pass: Pass) -> PassSet {
        PassSet(self.0 | (1 << pass as u8))
    }

    /// True when no pass is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The number of passes in the set.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The passes, in processing order.
    pub fn iter(self) -> impl Iterator<Item = Pass> + Clone {
        Pass::ALL.into_iter().filter(move |p| self.contains(*p))
    }
}

impl fmt::Display for PassSet {
    /// The passes in processing order, separated by `, `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(p.as_str())?;
        }
        Ok(())
    }
}

impl fmt::Debug for PassSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<Pass> for PassSet {
    fn from_iter<I: IntoIterator<Item = Pass>>(iter: I) -> PassSet {
        iter.into_iter().fold(PassSet::EMPTY, PassSet::with)
    }
}

// ------------------------------------------------------------ small facts

/// Windows-version facts stated on a reference page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct WinFacts {
    /// First release that has it (e.g. `Windows 10, version 1607`).
    pub introduced: Option<&'static str>,
    /// Release that deprecated it.
    pub deprecated_in: Option<&'static str>,
    /// Release that removed it.
    pub removed_in: Option<&'static str>,
    /// Editions it applies to, when the page restricts them.
    pub editions: &'static [&'static str],
    /// The only releases it applies to (e.g. `Windows 8 and Windows Server 2012`).
    pub only: Option<&'static str>,
    /// What it does on Nano Server (e.g. `not configured`).
    pub nano_server: Option<&'static str>,
    /// What it does on Server Core (e.g. `no effect`).
    pub server_core: Option<&'static str>,
    /// Applies to Windows Server only.
    pub server_only: bool,
    /// Support in Windows 10 S mode (e.g. `unsupported`).
    pub s_mode: Option<&'static str>,
    /// Firmware restriction (e.g. `BIOS only (Setup UI)`).
    pub firmware: Option<&'static str>,
    /// A prerequisite (e.g. `Windows Defender present`).
    pub requires: Option<&'static str>,
}

impl WinFacts {
    /// No facts.
    pub(crate) const NONE: WinFacts = WinFacts {
        introduced: None,
        deprecated_in: None,
        removed_in: None,
        editions: &[],
        only: None,
        nano_server: None,
        server_core: None,
        server_only: false,
        s_mode: None,
        firmware: None,
        requires: None,
    };

    /// True when the page states none of these facts.
    pub fn is_empty(&self) -> bool {
        *self == WinFacts::NONE
    }
}

/// An entry of the reference's "Changed answer file settings" pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// The release, e.g. `Windows 10, version 1511` (the section listing
    /// changes relative to Windows 8.1).
    pub release: &'static str,
    /// `new`, `changed`, `deprecated` or `removed`.
    pub change: &'static str,
    /// The change log's sub-section, when it has one (e.g. `ie`).
    pub scope: Option<&'static str>,
}

// ---------------------------------------------------------- ComponentInfo

/// A component (`<component name="…">`) and what the catalog knows about it.
#[derive(Debug)]
#[non_exhaustive]
pub struct ComponentInfo {
    /// The name to write (`Microsoft-Windows-Shell-Setup`).
    pub name: &'static str,
    /// Other spellings seen on its page, in links or in real files; lookups
    /// accept them.
    pub name_variants: &'static [&'static str],
    /// One line written for this catalog.
    pub summary: Option<&'static str>,
    /// The passes its settings are valid in (union of the settings' passes).
    pub passes: PassSet,
    /// Deprecated, removed or unsupported.
    pub status: Option<Status>,
    /// Where the status comes from (`page`, `components page`, …).
    pub status_src: Option<&'static str>,
    /// The component that replaces it.
    pub replacement: Option<&'static str>,
    /// Windows-version facts.
    pub win: WinFacts,
    /// The reference page's file name (see [`ComponentInfo::page_url`]).
    pub file: Option<&'static str>,
    /// The page's `ms.date`.
    pub page_date: Option<&'static str>,
    /// False for components known to exist whose settings no reference here
    /// documents (all their content is unknown to the catalog, not wrong).
    pub settings_documented: bool,
    /// For the project's additions and fix-ups: where the facts come from.
    pub source: Option<&'static str>,
    /// A hand-checked note (conflicts in the source, spelling doubts).
    pub curated_note: Option<&'static str>,
    /// Change-log entries about the component itself.
    pub changes: &'static [Change],
    /// `(start, len)` of its settings in `SETTINGS`.
    pub(crate) settings: (u16, u16),
    /// Indices of its top-level settings in `SETTINGS`.
    pub(crate) top_level: &'static [u16],
}

impl ComponentInfo {
    /// The defaults generated entries start from.
    pub(crate) const BLANK: ComponentInfo = ComponentInfo {
        name: "",
        name_variants: &[],
        summary: None,
        passes: PassSet::EMPTY,
        status: None,
        status_src: None,
        replacement: None,
        win: WinFacts::NONE,
        file: None,
        page_date: None,
        settings_documented: true,
        source: None,
        curated_note: None,
        changes: &[],
        settings: (0, 0),
        top_level: &[],
    };

    /// Every setting of the component, depth first in catalog order.
    pub fn settings(&self) -> &'static [SettingInfo] {
        let (start, len) = (usize::from(self.settings.0), usize::from(self.settings.1));
        &SETTINGS[start..start + len]
    }

    /// The settings directly below the `<component>` element.
    pub fn top_level(&self) -> impl ExactSizeIterator<Item = &'static SettingInfo> + Clone {
        self.top_level.iter().map(|&i| &SETTINGS[usize::from(i)])
    }

    /// The top-level setting whose element name is `name` (ignoring ASCII
    /// case). Key/Value pseudo-settings are not elements and never match.
    pub fn child(&self, name: &str) -> Option<&'static SettingInfo> {
        find_child(self.top_level, name, false)
    }

    /// The setting at `path` (`Generalize/Mode`): segments separated by `/`,
    /// each matched against element names ignoring ASCII case. The last
    /// segment may name a Key/Value pseudo-setting.
    pub fn setting(&self, path: &str) -> Option<&'static SettingInfo> {
        let mut segments = path.split('/');
        let first = segments.next()?;
        let mut current = find_child(self.top_level, first, true)?;
        for segment in segments {
            current = find_child(current.children, segment, true)?;
        }
        Some(current)
    }

    /// The top-level element name closest to `name` within an edit distance
    /// of 2, ignoring ASCII case (for "did you mean" messages).
    pub fn similar_child(&self, name: &str) -> Option<&'static SettingInfo> {
        closest(self.top_level(), name)
    }

    /// True when the component's settings are valid in `pass`, or when the
    /// catalog states no passes for it (nothing to contradict).
    pub fn valid_in(&self, pass: Pass) -> bool {
        self.passes.is_empty() || self.passes.contains(pass)
    }

    /// The reference page, when the component has one.
    pub fn page_url(&self) -> Option<String> {
        self.file.map(page_url)
    }
}

// ------------------------------------------------------------ SettingInfo

/// A setting (an element below a component) and what the catalog knows
/// about it.
#[derive(Debug)]
#[non_exhaustive]
pub struct SettingInfo {
    /// The documented name (last segment of [`path`](Self::path)).
    pub name: &'static str,
    /// The element name to write; differs from `name` only in case, where
    /// the page's XML example spells it differently from its title.
    pub element_name: &'static str,
    /// The documented path below the component (`Generalize/Mode`).
    pub path: &'static str,
    /// The same path with every segment spelled as its element name.
    pub xml_path: &'static str,
    /// Container, list, list item or value.
    pub kind: SettingKind,
    /// The value type; `None` for non-values and where the page states none.
    pub value_type: Option<ValueType>,
    /// Set when the type is an inference, not a statement of the page
    /// (e.g. `inferred from example`).
    pub type_src: Option<&'static str>,
    /// The raw type an explicit "Type" section names (a few pages only).
    pub type_declared: Option<&'static str>,
    /// The closed set of allowed literals (enums, booleans, integer enums).
    pub values: &'static [&'static str],
    /// Literals listed beside a free-form placeholder (they do not restrict).
    pub special_values: &'static [&'static str],
    /// Short names of `values` (e.g. DeviceForm codes), in `values` order.
    pub labels: &'static [(&'static str, &'static str)],
    /// Inclusive `(min, max)` of an integer.
    pub range: Option<(i64, i64)>,
    /// Maximum length of a string, in [`length_unit`](Self::length_unit).
    pub max_length: Option<u32>,
    /// Minimum length of a string, in [`length_unit`](Self::length_unit).
    pub min_length: Option<u32>,
    /// What the length limits count.
    pub length_unit: LengthUnit,
    /// Whether the page says an empty element is accepted (`None`: not stated).
    pub empty_ok: Option<bool>,
    /// The unit of a number (`MB`, `ms`, `min`, …).
    pub unit: Option<&'static str>,
    /// The default literal the page states.
    pub default: Option<&'static str>,
    /// Literals each stated as default under different conditions.
    pub default_conditional: &'static [&'static str],
    /// The passes the page states the setting is valid in.
    pub passes: PassSet,
    /// Set when the passes are inferred (e.g. `inferred from parent`).
    pub passes_src: Option<&'static str>,
    /// A paraphrased note of the passes section.
    pub pass_note: Option<&'static str>,
    /// Deprecated, removed or unsupported.
    pub status: Option<Status>,
    /// Where the status comes from (`page`, `changelog`, `ancestor`).
    pub status_src: Option<&'static str>,
    /// Windows-version facts.
    pub win: WinFacts,
    /// The value used in the page's XML example.
    pub example: Option<&'static str>,
    /// For lists: the element name of the repeated item.
    pub item: Option<&'static str>,
    /// For list items: what identifies an item (a child element name, or
    /// `@wcm:keyValue`).
    pub key: Option<&'static str>,
    /// Where the key comes from: `xml`, `doc` or `heuristic`.
    pub key_src: Option<&'static str>,
    /// For list items: the evidence that the element repeats.
    pub list_src: Option<&'static str>,
    /// Names of repeated (list item) children of an element that also has
    /// other children.
    pub repeating: &'static [&'static str],
    /// For the Key/Value pseudo-settings of keyed items: where the value goes.
    pub xml_form: Option<XmlForm>,
    /// Short machine notes (`default depends on pass`, `test use only (per page)`, …).
    pub notes: &'static [&'static str],
    /// One line written for this catalog (a few key settings only).
    pub summary: Option<&'static str>,
    /// The reference page's file name (see [`SettingInfo::page_url`]).
    pub file: Option<&'static str>,
    /// For the project's additions: where the facts come from.
    pub source: Option<&'static str>,
    /// A hand-checked note (conflicts in the source, spelling doubts).
    pub curated_note: Option<&'static str>,
    /// Change-log entries about this setting.
    pub changes: &'static [Change],
    /// Index of the owning component in `COMPONENTS`.
    pub(crate) component: u16,
    /// Index of the parent setting in `SETTINGS` (`None` at the top level).
    pub(crate) parent: Option<u16>,
    /// Indices of the child settings in `SETTINGS`, in catalog order.
    pub(crate) children: &'static [u16],
}

impl SettingInfo {
    /// The defaults generated entries start from.
    pub(crate) const BLANK: SettingInfo = SettingInfo {
        name: "",
        element_name: "",
        path: "",
        xml_path: "",
        kind: SettingKind::Value,
        value_type: None,
        type_src: None,
        type_declared: None,
        values: &[],
        special_values: &[],
        labels: &[],
        range: None,
        max_length: None,
        min_length: None,
        length_unit: LengthUnit::Characters,
        empty_ok: None,
        unit: None,
        default: None,
        default_conditional: &[],
        passes: PassSet::EMPTY,
        passes_src: None,
        pass_note: None,
        status: None,
        status_src: None,
        win: WinFacts::NONE,
        example: None,
        item: None,
        key: None,
        key_src: None,
        list_src: None,
        repeating: &[],
        xml_form: None,
        notes: &[],
        summary: None,
        file: None,
        source: None,
        curated_note: None,
        changes: &[],
        component: 0,
        parent: None,
        children: &[],
    };

    /// The component the setting belongs to.
    pub fn component(&self) -> &'static ComponentInfo {
        &COMPONENTS[usize::from(self.component)]
    }

    /// The enclosing setting; `None` at the component's top level.
    pub fn parent(&self) -> Option<&'static SettingInfo> {
        self.parent.map(|i| &SETTINGS[usize::from(i)])
    }

    /// The settings directly below, in catalog order (Key/Value
    /// pseudo-settings included).
    pub fn children(&self) -> impl ExactSizeIterator<Item = &'static SettingInfo> + Clone {
        self.children.iter().map(|&i| &SETTINGS[usize::from(i)])
    }

    /// The child whose element name is `name` (ignoring ASCII case).
    /// Key/Value pseudo-settings are not elements and never match.
    pub fn child(&self, name: &str) -> Option<&'static SettingInfo> {
        find_child(self.children, name, false)
    }

    /// The child element name closest to `name` within an edit distance of
    /// 2, ignoring ASCII case (for "did you mean" messages).
    pub fn similar_child(&self, name: &str) -> Option<&'static SettingInfo> {
        closest(self.children(), name)
    }

    /// True when the setting is valid in `pass`, or when the page states no
    /// passes (nothing to contradict).
    pub fn valid_in(&self, pass: Pass) -> bool {
        self.passes.is_empty() || self.passes.contains(pass)
    }

    /// True for the Key/Value pseudo-settings of keyed list items (see
    /// [`xml_form`](Self::xml_form)).
    pub fn is_pseudo(&self) -> bool {
        self.xml_form.is_some()
    }

    /// True when the type is an inference rather than a statement of the page.
    pub fn type_inferred(&self) -> bool {
        self.type_src.is_some()
    }

    /// True when the passes are an inference rather than a statement of the page.
    pub fn passes_inferred(&self) -> bool {
        self.passes_src.is_some()
    }

    /// The label of one of [`values`](Self::values), if the page gives one.
    pub fn label(&self, value: &str) -> Option<&'static str> {
        self.labels
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, l)| *l)
    }

    /// The reference page, when the setting has one.
    pub fn page_url(&self) -> Option<String> {
        self.file.map(page_url)
    }

    /// Checks a value as written in an answer file (not trimmed) against what
    /// the catalog knows: type, allowed literals, range, length, emptiness.
    ///
    /// * Empty values fail when [`empty_ok`](Self::empty_ok) is false, and
    ///   for boolean, integer and enum settings unless it is true.
    /// * Booleans are `true`/`false`; enums one of [`values`](Self::values);
    ///   a literal that differs only in ASCII case is [`ValueError::WrongCase`].
    /// * Integers must parse as decimal `i64`; with both `values` and a
    ///   `range`, either admits the value.
    /// * Lengths count characters, or UTF-8 bytes where the unit is bytes.
    /// * [`special_values`](Self::special_values) never restrict.
    pub fn check_value(&self, value: &str) -> Result<(), ValueError> {
        if self.kind != SettingKind::Value {
            return Err(ValueError::NotAValue { kind: self.kind });
        }
        if value.is_empty() {
            return match (self.empty_ok, self.value_type) {
                (Some(true), _) => Ok(()),
                (Some(false), _)
                | (None, Some(ValueType::Boolean | ValueType::Integer | ValueType::Enum)) => {
                    Err(ValueError::Empty)
                }
                (None, _) => self.check_length(value),
            };
        }
        match self.value_type {
            Some(ValueType::Boolean) => {
                check_literal(value, &["true", "false"]).map_err(|e| match e {
                    ValueError::NotAllowed { .. } => ValueError::NotBoolean,
                    other => other,
                })?;
            }
            Some(ValueType::Integer) => self.check_integer(value)?,
            _ if !self.values.is_empty() => check_literal(value, self.values)?,
            _ => {}
        }
        self.check_length(value)
    }

    fn check_integer(&self, value: &str) -> Result<(), ValueError> {
        let n: i64 = value.parse().map_err(|_| ValueError::NotInteger)?;
        let in_values = self
            .values
            .iter()
            .any(|v| v.parse::<i64>().is_ok_and(|x| x == n));
        match self.range {
            Some((min, max)) if !(in_values || (min..=max).contains(&n)) => {
                Err(ValueError::OutOfRange {
                    min,
                    max,
                    also: self.values,
                })
            }
            None if !self.values.is_empty() && !in_values => Err(ValueError::NotAllowed {
                allowed: self.values,
            }),
            _ => Ok(()),
        }
    }

    fn check_length(&self, value: &str) -> Result<(), ValueError> {
        let unit = self.length_unit;
        let len = unit.measure(value);
        if let Some(max) = self.max_length
            && len > max as usize
        {
            return Err(ValueError::TooLong { max, unit });
        }
        if let Some(min) = self.min_length
            && len < min as usize
        {
            return Err(ValueError::TooShort { min, unit });
        }
        Ok(())
    }
}

/// Exact match, or the literal it matches ignoring ASCII case.
fn check_literal(value: &str, allowed: &'static [&'static str]) -> Result<(), ValueError> {
    if allowed.contains(&value) {
        return Ok(());
    }
    match allowed.iter().find(|a| a.eq_ignore_ascii_case(value)) {
        Some(expected) => Err(ValueError::WrongCase { expected }),
        None => Err(ValueError::NotAllowed { allowed }),
    }
}

/// Why [`SettingInfo::check_value`] rejects a value. `Display` gives a short
/// reason a linter can print after the setting's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// The value is empty and the setting does not accept that.
    #[error("empty value")]
    Empty,
    /// A boolean setting holds something other than `true`/`false`.
    #[error("not a boolean (write true or false)")]
    NotBoolean,
    /// An integer setting holds something that is not a decimal integer.
    #[error("not an integer")]
    NotInteger,
    /// An integer outside its range (and not one of the extra literals).
    #[error(
        "out of range: expected {min} to {max}{}",
        if .also.is_empty() { String::new() } else { format!(" or {}", .also.join(", ")) }
    )]
    OutOfRange {
        /// Inclusive minimum.
        min: i64,
        /// Inclusive maximum.
        max: i64,
        /// Literals allowed besides the range.
        also: &'static [&'static str],
    },
    /// Not one of the allowed literals.
    #[error("not one of {}", .allowed.join(", "))]
    NotAllowed {
        /// The allowed literals.
        allowed: &'static [&'static str],
    },
    /// Matches an allowed literal only when ASCII case is ignored.
    #[error("wrong case: write {expected}")]
    WrongCase {
        /// The literal as the setting defines it.
        expected: &'static str,
    },
    /// Longer than the maximum length.
    #[error("too long: at most {max} {unit}")]
    TooLong {
        /// The maximum.
        max: u32,
        /// What is counted.
        unit: LengthUnit,
    },
    /// Shorter than the minimum length.
    #[error("too short: at least {min} {unit}")]
    TooShort {
        /// The minimum.
        min: u32,
        /// What is counted.
        unit: LengthUnit,
    },
    /// The setting holds elements, not a value.
    #[error("a {kind} holds elements, not a value")]
    NotAValue {
        /// What the setting is.
        kind: SettingKind,
    },
}

// ------------------------------------------------------------- Rejection

/// A name real answer files use that is deliberately *not* a catalog entry
/// (the project decided it is wrong), so a linter keeps reporting it and can
/// say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rejection {
    /// The component name.
    pub component: &'static str,
    /// The element path below the component; `None` rejects the component.
    pub path: Option<&'static str>,
    /// Why it is not an entry, and what to write instead.
    pub reason: &'static str,
    /// A public file that uses it.
    pub seen_in: Option<&'static str>,
    /// True when no reference documents the name but none says it is wrong
    /// either (weaker evidence: a linter reports it as a warning).
    pub undocumented: bool,
}

/// Every rejected name.
pub fn rejected() -> &'static [Rejection] {
    REJECTED
}

/// The rejection of this component (`path` `None`) or element path, both
/// compared ignoring ASCII case.
pub fn rejection(component: &str, path: Option<&str>) -> Option<&'static Rejection> {
    REJECTED.iter().find(|r| {
        r.component.eq_ignore_ascii_case(component)
            && match (r.path, path) {
                (None, None) => true,
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => false,
            }
    })
}

// --------------------------------------------------------------- lookups

/// Every component, sorted by name ignoring ASCII case.
pub fn components() -> &'static [ComponentInfo] {
    COMPONENTS
}

/// The component named `name` (ignoring ASCII case), also by one of its
/// [`name_variants`](ComponentInfo::name_variants).
pub fn component(name: &str) -> Option<&'static ComponentInfo> {
    NAME_INDEX
        .binary_search_by(|(key, _)| cmp_ignore_ascii_case(key, name))
        .ok()
        .map(|i| &COMPONENTS[usize::from(NAME_INDEX[i].1)])
}

/// The setting at `path` (`Generalize/Mode`) of the component named
/// `component`; see [`ComponentInfo::setting`].
pub fn setting(component: &str, path: &str) -> Option<&'static SettingInfo> {
    self::component(component)?.setting(path)
}

/// The component whose name (or a name variant) is closest to `name` within
/// an edit distance of 2, ignoring ASCII case (for "did you mean" messages).
/// An exact match (ignoring case) is returned as such.
pub fn similar_component(name: &str) -> Option<&'static ComponentInfo> {
    let mut best: Option<(usize, u16)> = None;
    for (key, index) in NAME_INDEX {
        let d = edit_distance_ignore_case(key, name);
        if d <= MAX_SUGGESTION_DISTANCE && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, *index));
        }
    }
    best.map(|(_, i)| &COMPONENTS[usize::from(i)])
}

/// Every setting with its component, components in name order.
pub fn all_settings() -> impl Iterator<Item = (&'static ComponentInfo, &'static SettingInfo)> {
    COMPONENTS
        .iter()
        .flat_map(|c| c.settings().iter().map(move |s| (c, s)))
}

/// Names further apart than this are not suggested.
const MAX_SUGGESTION_DISTANCE: usize = 2;

/// The element (not pseudo-setting) whose name is closest to `name`.
fn closest(
    candidates: impl Iterator<Item = &'static SettingInfo>,
    name: &str,
) -> Option<&'static SettingInfo> {
    let mut best: Option<(usize, &'static SettingInfo)> = None;
    for s in candidates.filter(|s| !s.is_pseudo()) {
        let d = edit_distance_ignore_case(s.element_name, name);
        if d <= MAX_SUGGESTION_DISTANCE && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, s));
        }
    }
    best.map(|(_, s)| s)
}

/// Levenshtein distance over bytes, ignoring ASCII case.
pub(crate) fn edit_distance_ignore_case(a: &str, b: &str) -> usize {
    crate::suggest::distance_ignore_case(a, b)
}

fn page_url(file: &str) -> String {
    format!(
        "{REFERENCE_URL}{}",
        file.strip_suffix(".md").unwrap_or(file)
    )
}

fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Names share long prefixes (`Microsoft-Windows-`): skip the bytes that
    // are equal as written eight at a time, then compare ignoring case.
    let mut i = 0;
    while i + 8 <= a.len().min(b.len()) && a[i..i + 8] == b[i..i + 8] {
        i += 8;
    }
    a[i..]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b[i..].iter().map(|c| c.to_ascii_lowercase()))
}

/// The setting among `indices` named `name`; pseudo-settings only when
/// `pseudo` is set (real elements first).
fn find_child(indices: &[u16], name: &str, pseudo: bool) -> Option<&'static SettingInfo> {
    let candidates = || {
        indices
            .iter()
            .map(|&i| &SETTINGS[usize::from(i)])
            .filter(|s| s.element_name.eq_ignore_ascii_case(name))
    };
    candidates()
        .find(|s| !s.is_pseudo())
        .or_else(|| candidates().find(|s| pseudo && s.is_pseudo()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_index_is_sorted_for_binary_search() {
        for pair in NAME_INDEX.windows(2) {
            assert_eq!(
                cmp_ignore_ascii_case(pair[0].0, pair[1].0),
                Ordering::Less,
                "{pair:?}"
            );
        }
        for pair in COMPONENTS.windows(2) {
            assert_eq!(
                cmp_ignore_ascii_case(pair[0].name, pair[1].name),
                Ordering::Less
            );
        }
    }

    #[test]
    fn tree_links_are_consistent() {
        for (ci, c) in COMPONENTS.iter().enumerate() {
            for s in c.settings() {
                assert_eq!(usize::from(s.component), ci, "{}", s.path);
                for child in s.children() {
                    assert!(std::ptr::eq(child.parent().unwrap(), s), "{}", child.path);
                    assert_eq!(child.path, format!("{}/{}", s.path, child.name));
                }
                match s.parent() {
                    Some(p) => assert!(p.children().any(|x| std::ptr::eq(x, s))),
                    None => assert!(c.top_level().any(|x| std::ptr::eq(x, s))),
                }
                assert!(std::ptr::eq(c.setting(s.path).unwrap(), s), "{}", s.path);
                assert!(
                    std::ptr::eq(c.setting(s.xml_path).unwrap(), s),
                    "{}",
                    s.path
                );
            }
        }
    }

    /// No catalog entry has a minimum length above 1 (and the one with 1
    /// accepts empty values), so the rule is checked on made-up entries.
    #[test]
    fn too_short_counts_in_the_length_unit() {
        let chars = SettingInfo {
            value_type: Some(ValueType::String),
            min_length: Some(3),
            ..SettingInfo::BLANK
        };
        let unit = LengthUnit::Characters;
        assert_eq!(
            chars.check_value("ÄÄ"),
            Err(ValueError::TooShort { min: 3, unit })
        );
        assert_eq!(
            chars.check_value(""),
            Err(ValueError::TooShort { min: 3, unit })
        );
        assert_eq!(
            chars.check_value("ab").unwrap_err().to_string(),
            "too short: at least 3 characters"
        );
        assert_eq!(chars.check_value("abc"), Ok(()));
        let bytes = SettingInfo {
            length_unit: LengthUnit::Bytes,
            ..chars
        };
        assert_eq!(bytes.check_value("ÄÄ"), Ok(()));
        // Untyped values with literals still match them.
        let untyped = SettingInfo {
            values: &["On", "Off"],
            ..SettingInfo::BLANK
        };
        assert_eq!(
            untyped.check_value("on"),
            Err(ValueError::WrongCase { expected: "On" })
        );
        assert_eq!(untyped.check_value(""), Ok(()));
    }

    #[test]
    fn suggestions_within_two_edits() {
        assert_eq!(edit_distance_ignore_case("kitten", "SITTING"), 3);
        assert_eq!(edit_distance_ignore_case("", "abc"), 3);
        assert_eq!(edit_distance_ignore_case("Mode", "mode"), 0);
        assert_eq!(
            similar_component("Microsoft-Windows-Deploymnet").map(|c| c.name),
            Some("Microsoft-Windows-Deployment")
        );
        assert_eq!(
            similar_component("microsoft-windows-wlansvc").map(|c| c.name),
            Some("Microsoft-Windows-WLANSVC")
        );
        assert!(similar_component("Microsoft-Windows-Nothing-Like-It").is_none());
        let deployment = component("Microsoft-Windows-Deployment").unwrap();
        let generalize = deployment.similar_child("Generalise").unwrap();
        assert_eq!(generalize.name, "Generalize");
        assert_eq!(generalize.similar_child("Mod").unwrap().name, "Mode");
        assert!(generalize.similar_child("Shutdown").is_none());
    }

    #[test]
    fn pass_sets() {
        let set = PassSet::of(&[Pass::OobeSystem, Pass::WindowsPe]);
        assert_eq!(set.to_string(), "windowsPE, oobeSystem");
        assert_eq!(set.len(), 2);
        assert!(set.contains(Pass::WindowsPe) && !set.contains(Pass::Specialize));
        assert_eq!(Pass::ALL.into_iter().collect::<PassSet>(), PassSet::ALL);
        assert!(PassSet::EMPTY.is_empty());
        assert_eq!(format!("{set:?}"), "{WindowsPe, OobeSystem}");
    }
}
