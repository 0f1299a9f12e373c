//! ## What it checks
//!
//! That product keys (`Microsoft-Windows-Setup/UserData/ProductKey/Key` and
//! `Microsoft-Windows-Shell-Setup/ProductKey`) have the shape of a Windows
//! product key: five groups of five letters or digits separated by hyphens,
//! `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`. A key of the right shape that uses
//! characters Windows keys never contain (vowels, `L`, `S`, `Z`, `0`, `1`,
//! `5`) is a warning: it is a placeholder such as `ABCDE-…`. The all-zero
//! key `00000-00000-00000-00000-00000`, which makes Setup show the edition
//! choice, is accepted.
//!
//! A value that looks like a placeholder of some script
//! (`[ REPLACE WITH PRODUCT KEY ]`, `#KEY#`) is a warning, since the file
//! works once it is filled in.
//!
//! The key itself is never shown in messages, and the finding points at the
//! enclosing `ProductKey` element when the key is on a line of its own
//! element, so the source line shown does not hold it. Empty values (see UA208),
//! template placeholders and keys Windows Setup already removed
//! (`*SENSITIVE*DATA*DELETED*`, see UA601) are skipped.
//!
//! ## Why it matters
//!
//! Setup validates the key before it installs anything. A malformed key
//! stops an unattended installation, either with a product-key error or on
//! the product-key page waiting for someone to type a key.
//!
//! ## Example
//!
//! ```xml
//! <ProductKey>
//!   <Key>[ REPLACE WITH PRODUCT KEY ]</Key>
//! </ProductKey>
//! ```
//!
//! ## Fix
//!
//! Write the whole key with its hyphens, or remove `Key` (and set
//! `WillShowUI` to `OnError`) to let Setup ask or use the key in the
//! firmware:
//!
//! ```xml
//! <ProductKey>
//!   <Key>XXXXX-XXXXX-XXXXX-XXXXX-XXXXX</Key>
//! </ProductKey>
//! ```
//!
//! For volume licensing, use the published generic (KMS client) key of the
//! edition you install.
//!
//! ## Evidence
//!
//! Error: the ProductKey pages document the 5x5 format, and Setup stops on a
//! key it cannot read. Warning for values that look like unfilled
//! placeholders (including a value that is just the setting's name).
//!
//! ## References
//!
//! - Microsoft-Windows-Setup | UserData | ProductKey | Key and
//!   Microsoft-Windows-Shell-Setup | ProductKey, Unattended Windows Setup
//!   Reference (Microsoft Learn)
//! - Key Management Services (KMS) client activation and product keys
//!   (Microsoft Learn)

use crate::lint::prelude::*;

/// UA406 `product-key-format`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA406",
    name: "product-key-format",
    severity: Severity::Error,
    summary: "not 5×5 alphanumeric groups",
};

/// The characters Windows product keys are written with.
const KEY_ALPHABET: &str = "BCDFGHJKMNPQRTVWXY2346789";

/// What Windows Setup writes in place of secrets in its processed copy.
pub(super) fn is_deleted_marker(value: &str) -> bool {
    value
        .trim()
        .eq_ignore_ascii_case("*SENSITIVE*DATA*DELETED*")
        || value.trim().eq_ignore_ascii_case("SENSITIVE*DATA*DELETED")
}

/// True for the settings that hold a product key.
pub(super) fn is_product_key(s: &SettingView<'_, '_>) -> bool {
    let local = s.local_name();
    if !(local.eq_ignore_ascii_case("Key") || local.eq_ignore_ascii_case("ProductKey")) {
        return false;
    }
    s.info.is_some_and(|i| {
        let component = i.component().name;
        (i.xml_path == "UserData/ProductKey/Key" && component == "Microsoft-Windows-Setup")
            || (i.xml_path == "ProductKey" && component == "Microsoft-Windows-Shell-Setup")
    })
}

/// What is wrong with the shape of a key, without quoting it.
fn shape_problem(key: &str) -> Option<String> {
    if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Some("contains characters other than letters, digits and hyphens".to_string());
    }
    if !key.contains('-') {
        return Some(if key.len() == 25 {
            "has no hyphens between its five groups".to_string()
        } else {
            format!("has {} characters and no hyphens", key.len())
        });
    }
    let groups: Vec<&str> = key.split('-').collect();
    if groups.len() != 5 {
        return Some(format!(
            "has {} groups separated by hyphens instead of 5",
            groups.len()
        ));
    }
    groups.iter().position(|g| g.len() != 5).map(|i| {
        format!(
            "group {} has {} characters instead of 5",
            i + 1,
            groups[i].len()
        )
    })
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if !is_product_key(s) {
            return;
        }
        let Some(value) = s.value() else { return };
        let key = value.trim();
        if key.is_empty() || cx.is_template(value) || is_deleted_marker(key) {
            return;
        }
        // Point at an element whose line does not show the key.
        let anchor = super::ua504_plaintext_credentials::secret_anchor(s.el);
        let span = anchor.name_span();
        let setting = s.info.map_or("ProductKey", |i| i.xml_path);
        if crate::lint::template::looks_like_placeholder(key)
            || crate::lint::template::names_its_setting(key, s.local_name()) {
            out.report_as(
                Severity::Warning,
                Some(s.el),
                span,
                format!("{setting} looks like a placeholder that was not filled in"),
            )
            .help("put the product key here before the file is used, or remove the element to let Setup ask for it");
            return;
        }
        if let Some(problem) = shape_problem(key) {
            out.report(Some(s.el), span, format!("{setting} is not a product key: it {problem}"))
                .help("a product key is five groups of five letters or digits separated by hyphens (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX)");
            return;
        }
        // All zeros is a known way to make Setup ask for the edition.
        let all_zero = key.chars().all(|c| c == '0' || c == '-');
        let placeholder = !all_zero
            && key
                .chars()
                .filter(|c| *c != '-')
                .any(|c| !KEY_ALPHABET.contains(c.to_ascii_uppercase()));
        if placeholder {
            out.report_as(
                Severity::Warning,
                Some(s.el),
                span,
                format!("{setting} uses letters or digits that never occur in Windows product keys; it looks like a placeholder"),
            )
            .help("put the real key here, or remove the element to let Setup ask for it");
        }
    }
}
