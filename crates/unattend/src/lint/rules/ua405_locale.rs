//! ## What it checks
//!
//! The language and locale settings of `Microsoft-Windows-International-Core`
//! and `Microsoft-Windows-International-Core-WinPE`:
//!
//! - `UILanguage`, `UILanguageFallback`, `SystemLocale`, `UserLocale` and
//!   `SetupUILanguage/UILanguage` must be a locale name Windows knows
//!   (`en-US`, `de-DE`, `sr-Latn-RS`, `zh-CN`), optionally with a sort
//!   suffix such as `de-DE_phoneb`. Windows ignores case here, so `de-de` is
//!   fine. `en_US` (underscore) and made-up tags are errors.
//! - `InputLocale` is a list separated by `;` whose items are a locale name
//!   (its default keyboard), `LLLL:KKKKKKKK` (a hexadecimal language ID and
//!   keyboard layout, e.g. `0409:00000409`), or `LLLL:{CLSID}{profile}` for
//!   an input method editor. A malformed item is an error; a well-formed
//!   keyboard the catalog does not list (custom layouts exist) and a layout
//!   without its language (`00000409`) are warnings.
//!
//! Empty values (see UA208) and template placeholders are skipped.
//!
//! ## Why it matters
//!
//! Windows Setup cannot apply a locale it does not recognise. Depending on
//! the pass, Setup stops on its language page and waits for someone to
//! choose, or the installed system keeps the image's default language,
//! formats and keyboard, which is easy to miss until someone types a
//! password on the wrong layout.
//!
//! ## Example
//!
//! ```xml
//! <InputLocale>0409-00000409</InputLocale>
//! <SystemLocale>en_US</SystemLocale>
//! <UserLocale>en-UK</UserLocale>
//! ```
//!
//! ## Fix
//!
//! ```xml
//! <InputLocale>0409:00000409</InputLocale>
//! <SystemLocale>en-US</SystemLocale>
//! <UserLocale>en-GB</UserLocale>
//! ```
//!
//! ## Evidence
//!
//! Error: the International-Core pages require a locale name or
//! `LLLL:KKKKKKKK` input locale; Setup does not apply an unknown one. Warning
//! for well-formed keyboards the catalog does not list.
//!
//! ## References
//!
//! - Microsoft-Windows-International-Core and its settings (InputLocale,
//!   SystemLocale, UILanguage, UILanguageFallback, UserLocale), Unattended
//!   Windows Setup Reference (Microsoft Learn)
//! - Default Input Profiles (Input Locales) in Windows, and Available
//!   Language Packs for Windows (Microsoft Learn)

use crate::catalog::windows::{self, KeyboardKind};
use crate::lint::prelude::*;

/// UA405 `locale`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA405",
    name: "locale",
    severity: Severity::Error,
    summary: "UILanguage/SystemLocale/UserLocale not a known tag",
};

/// Locale names Windows accepts that the catalog's locale list spells
/// differently (`zh-Hans-CN`) or leaves out.
const ALSO_KNOWN: &[&str] = &[
    "zh-CN", "zh-TW", "zh-HK", "zh-SG", "zh-MO", "zh-Hans", "zh-CHS", "zh-CHT",
];

/// Alternative sort orders (`de-DE_phoneb`).
const SORTS: &[&str] = &[
    "tradnl", "phoneb", "technl", "modern", "radstr", "stroke", "pronun", "mathan", "unicod",
];

/// Common tags that are not locales, with the one meant.
const MISTAKES: &[(&str, &str)] = &[
    ("en-UK", "en-GB"),
    ("en-EN", "en-US"),
    ("jp-JP", "ja-JP"),
    ("cz-CZ", "cs-CZ"),
    ("dk-DK", "da-DK"),
    ("se-SE", "sv-SE"),
    ("ua-UA", "uk-UA"),
    ("gr-GR", "el-GR"),
    ("kr-KR", "ko-KR"),
    ("cn-CN", "zh-CN"),
];

/// The locale name as the catalog knows it, if Windows knows it.
fn known_locale(tag: &str) -> bool {
    if windows::locale(tag).is_some()
        || windows::image_language(tag).is_some()
        || ALSO_KNOWN.iter().any(|k| k.eq_ignore_ascii_case(tag))
    {
        return true;
    }
    match tag.split_once('_') {
        Some((base, sort)) => {
            SORTS.iter().any(|s| s.eq_ignore_ascii_case(sort))
                && !base.contains('_')
                && known_locale(base)
        }
        None => false,
    }
}

/// What a locale name that Windows does not know probably meant.
fn meant(tag: &str) -> Option<String> {
    if let Some((_, right)) = MISTAKES
        .iter()
        .find(|(wrong, _)| wrong.eq_ignore_ascii_case(tag))
    {
        return Some((*right).to_string());
    }
    let hyphenated = tag.replace('_', "-");
    if hyphenated != tag && known_locale(&hyphenated) {
        let canonical =
            windows::locale(&hyphenated).map_or(hyphenated.clone(), |l| l.tag.to_string());
        return Some(canonical);
    }
    None
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}`.
fn is_guid(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
        return false;
    };
    let parts: Vec<&str> = inner.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| is_hex(p, n))
}

/// The settings that hold one locale name.
fn is_locale_setting(xml_path: &str) -> bool {
    matches!(
        xml_path,
        "UILanguage"
            | "UILanguageFallback"
            | "SystemLocale"
            | "UserLocale"
            | "SetupUILanguage/UILanguage"
    )
}

/// A problem with one `InputLocale` item.
enum ItemProblem {
    /// Not any of the accepted shapes.
    Malformed,
    /// A locale name Windows does not know.
    UnknownLocale(Option<String>),
    /// Well-formed, but the keyboard is not in the catalog's list.
    UnknownKeyboard,
    /// A keyboard layout without its language ID.
    LayoutOnly,
}

fn check_input_item(item: &str) -> Option<ItemProblem> {
    if let Some((lang, keyboard)) = item.split_once(':') {
        if !is_hex(lang, 4) {
            return Some(ItemProblem::Malformed);
        }
        if is_hex(keyboard, 8) {
            let known = windows::keyboard(keyboard).is_some_and(|k| k.kind == KeyboardKind::Layout);
            return (!known).then_some(ItemProblem::UnknownKeyboard);
        }
        // An IME: {CLSID}{profile GUID}.
        let ime = keyboard.len() == 76 && is_guid(&keyboard[..38]) && is_guid(&keyboard[38..]);
        if !ime {
            return Some(ItemProblem::Malformed);
        }
        return windows::keyboard(item)
            .is_none()
            .then_some(ItemProblem::UnknownKeyboard);
    }
    if is_hex(item, 8) {
        return Some(ItemProblem::LayoutOnly);
    }
    if known_locale(item) {
        return None;
    }
    match meant(item) {
        Some(m) => Some(ItemProblem::UnknownLocale(Some(m))),
        None if looks_like_tag(item) => Some(ItemProblem::UnknownLocale(None)),
        None => Some(ItemProblem::Malformed),
    }
}

/// `ll`, `ll-CC`, `ll-Scrp-CC`…: letters and digits in hyphen-separated parts.
fn looks_like_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let local = s.local_name();
        if !(local.ends_with("Language")
            || local.ends_with("Locale")
            || local.ends_with("Fallback"))
        {
            return;
        }
        let Some(info) = s.info else { return };
        let component = info.component().name;
        if component != "Microsoft-Windows-International-Core"
            && component != "Microsoft-Windows-International-Core-WinPE"
        {
            return;
        }
        let input = info.xml_path == "InputLocale";
        if !input && !is_locale_setting(info.xml_path) {
            return;
        }
        let Some(value) = s.value() else { return };
        let trimmed = value.trim();
        if trimmed.is_empty() || cx.is_template(value) {
            return;
        }
        let Some(span) = super::ua401_computer_name::trimmed_text_span(s.el) else {
            return;
        };
        let setting = info.element_name;

        if !input {
            if known_locale(trimmed) {
                return;
            }
            match meant(trimmed) {
                Some(m) => {
                    let d = out.report(
                        Some(s.el),
                        span,
                        format!("{setting} {trimmed:?} is not a locale name; did you mean {m:?}?"),
                    );
                    d.help("locale names are language-REGION with a hyphen, e.g. en-US");
                    d.fix(
                        format!("write {m}"),
                        vec![crate::document::TextEdit {
                            span,
                            replacement: m,
                        }],
                    );
                }
                None => {
                    out.report(
                        Some(s.el),
                        span,
                        format!("{setting} {trimmed:?} is not a locale name Windows knows"),
                    )
                    .help("use a language-REGION name such as en-US, de-DE or pt-BR");
                }
            }
            return;
        }

        // InputLocale: items separated by `;`. Positions are reported on the
        // item when the value has no entities (raw text equals the value).
        let raw = s.el.document().text().get(span.range()).unwrap_or_default();
        let exact = raw == trimmed;
        let mut offset = 0usize;
        for item in trimmed.split(';') {
            let start = offset;
            offset += item.len() + 1;
            let lead = item.len() - item.trim_start().len();
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let item_span = if exact {
                let from = span.start as usize + start + lead;
                Span::new(from, from + item.len())
            } else {
                span
            };
            let Some(problem) = check_input_item(item) else {
                continue;
            };
            match problem {
                ItemProblem::Malformed => {
                    out.report(Some(s.el), item_span, format!("InputLocale item {item:?} is neither a locale name nor language:keyboard"))
                        .help("write a locale name (en-US) or a hexadecimal language ID and keyboard layout such as 0409:00000409; separate items with ;");
                }
                ItemProblem::UnknownLocale(Some(m)) => {
                    let d = out.report(
                        Some(s.el),
                        item_span,
                        format!(
                            "InputLocale item {item:?} is not a locale name; did you mean {m:?}?"
                        ),
                    );
                    d.help("locale names are language-REGION with a hyphen, e.g. en-US");
                    d.fix(
                        format!("write {m}"),
                        vec![crate::document::TextEdit {
                            span: item_span,
                            replacement: m,
                        }],
                    );
                }
                ItemProblem::UnknownLocale(None) => {
                    out.report(Some(s.el), item_span, format!("InputLocale item {item:?} is not a locale name Windows knows"))
                        .help("use a language-REGION name such as en-US, or language:keyboard such as 0409:00000409");
                }
                ItemProblem::UnknownKeyboard => {
                    out.report_as(
                        Severity::Warning,
                        Some(s.el),
                        item_span,
                        format!("InputLocale item {item:?} names a keyboard the catalog does not list"),
                    )
                    .help("check the keyboard identifier against Microsoft's \"Default input profiles\" list (custom layouts are fine if they are installed)");
                }
                ItemProblem::LayoutOnly => {
                    let d = out.report_as(
                        Severity::Warning,
                        Some(s.el),
                        item_span,
                        format!(
                            "InputLocale item {item:?} is a keyboard layout without its language ID"
                        ),
                    );
                    let lang = &item[4..];
                    d.help(format!("write the language ID first, e.g. {lang}:{item}"));
                }
            }
        }
    }
}
