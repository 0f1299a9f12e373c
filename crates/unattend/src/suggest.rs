//! "Did you mean" for names typed by people: preset names, rule names, or
//! anything else with a short list of valid spellings.
//!
//! ```
//! use unattend::suggest::closest;
//!
//! let names = ["generalize-oobe", "cloudbase-init", "audit-mode"];
//! assert_eq!(closest("generalise-oobe", names), Some("generalize-oobe"));
//! assert_eq!(closest("cloudbase", names), Some("cloudbase-init"));
//! assert_eq!(closest("golden-image", names), None);
//! ```

/// Names further apart than this are not suggested.
const MAX_DISTANCE: usize = 2;

/// The candidate closest to `name`, ignoring ASCII case: within an edit
/// distance of 2, or else the only candidate that starts with `name` (at
/// least three characters typed). `None` when nothing is close enough to be
/// a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let mut best: Option<(usize, &'a str)> = None;
    for c in &candidates {
        let d = distance_ignore_case(c, name);
        if d <= MAX_DISTANCE && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    if let Some((_, c)) = best {
        return Some(c);
    }
    let lower = name.to_ascii_lowercase();
    let mut prefixed = candidates
        .iter()
        .filter(|c| name.len() >= 3 && c.to_ascii_lowercase().starts_with(&lower));
    match (prefixed.next(), prefixed.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// Levenshtein distance over bytes, ignoring ASCII case.
pub(crate) fn distance_ignore_case(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(!ca.eq_ignore_ascii_case(cb));
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_prefixes_are_suggested_others_not() {
        let names = [
            "vm-mode",
            "audit-mode",
            "autounattend-uefi",
            "autounattend-bios",
        ];
        assert_eq!(closest("VM-MODE", names), Some("vm-mode"));
        assert_eq!(closest("vm-mod", names), Some("vm-mode"));
        assert_eq!(closest("audit", names), Some("audit-mode"));
        // Two candidates share the prefix: no guess.
        assert_eq!(closest("autounattend", names), None);
        assert_eq!(closest("xx", names), None);
        assert_eq!(distance_ignore_case("kitten", "sitting"), 3);
        assert_eq!(distance_ignore_case("", "abc"), 3);
    }
}
