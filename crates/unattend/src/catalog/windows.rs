//! Windows identifiers that answer-file values come from: time zones
//! (`TimeZone`), locales (`UserLocale`, `SystemLocale`, `UILanguage`, …),
//! keyboard layouts and IMEs (`InputLocale`), GeoIDs (`UserLocale`'s
//! location) and Windows image languages.
//!
//! The lists are facts taken from the MIT-licensed
//! [cschneegans/unattend-generator](https://github.com/cschneegans/unattend-generator)
//! (its notice is in `crates/unattend/catalog/windows-data/LICENSE-MIT.txt`),
//! compiled into static tables by `cargo xtask codegen`.
//!
//! ```
//! use unattend::catalog::windows;
//!
//! assert!(windows::time_zone("W. Europe Standard Time").is_some());
//! assert!(windows::time_zone("w. europe standard time").is_none());
//! assert_eq!(
//!     windows::time_zone_ignore_case("w. europe standard time").map(|t| t.id),
//!     Some("W. Europe Standard Time")
//! );
//! assert_eq!(windows::locale("EN-us").map(|l| l.lcid), Some("0409"));
//! ```

use super::generated::windows_data::{
    GEO_IDS, IMAGE_LANGUAGE_INDEX, IMAGE_LANGUAGES, KEYBOARD_INDEX, KEYBOARDS, LOCALE_INDEX,
    LOCALES, TIME_ZONE_INDEX, TIME_ZONES,
};

/// The first entry of `list` whose key equals `wanted` ignoring ASCII case,
/// found through `index` (positions sorted by key ignoring case).
fn lookup<T>(
    list: &'static [T],
    index: &[u16],
    key: impl Fn(&T) -> &str,
    wanted: &str,
) -> Option<&'static T> {
    let at = index.partition_point(|&i| {
        super::cmp_ignore_ascii_case(key(&list[usize::from(i)]), wanted).is_lt()
    });
    index
        .get(at)
        .map(|&i| &list[usize::from(i)])
        .filter(|t| key(t).eq_ignore_ascii_case(wanted))
}

/// A Windows time zone (`tzutil /l`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeZone {
    /// The ID an answer file's `TimeZone` holds (`W. Europe Standard Time`).
    pub id: &'static str,
    /// What Windows shows (`(UTC+01:00) Amsterdam, Berlin, …`).
    pub display_name: &'static str,
}

/// A locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Locale {
    /// The language tag (`en-US`).
    pub tag: &'static str,
    /// The English display name.
    pub display_name: &'static str,
    /// The LCID as four hex digits (`0409`); `1000` for locales without
    /// their own LCID (`LOCALE_CUSTOM_UNSPECIFIED`).
    pub lcid: &'static str,
    /// The default keyboard layout (`00000409`), if any.
    pub keyboard_layout: Option<&'static str>,
    /// The GeoID of the locale's country or region, if any.
    pub geo_id: Option<u32>,
}

/// Whether a keyboard identifier is a layout or an input method editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyboardKind {
    /// A keyboard layout (`00000409`).
    Layout,
    /// An input method editor (`0411:{…}{…}`).
    Ime,
}

/// A keyboard layout or IME.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Keyboard {
    /// The identifier (`00000409`, or `LANGID:{CLSID}{profile GUID}` for IMEs).
    pub id: &'static str,
    /// The English display name.
    pub display_name: &'static str,
    /// Layout or IME.
    pub kind: KeyboardKind,
}

/// A Windows geographical location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeoLocation {
    /// The GeoID (`244` is the United States).
    pub id: u32,
    /// The English name.
    pub display_name: &'static str,
}

/// A language Windows images are released in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImageLanguage {
    /// The language tag (`de-DE`).
    pub tag: &'static str,
    /// The English name.
    pub display_name: &'static str,
}

/// Every time zone, ordered by UTC offset.
pub fn time_zones() -> &'static [TimeZone] {
    TIME_ZONES
}

/// The time zone with exactly this ID.
pub fn time_zone(id: &str) -> Option<&'static TimeZone> {
    TIME_ZONES.iter().find(|t| t.id == id)
}

/// The time zone whose ID matches ignoring ASCII case (for "did you mean").
pub fn time_zone_ignore_case(id: &str) -> Option<&'static TimeZone> {
    time_zone(id).or_else(|| lookup(TIME_ZONES, TIME_ZONE_INDEX, |t| t.id, id))
}

/// Every locale.
pub fn locales() -> &'static [Locale] {
    LOCALES
}

/// The locale with this tag, ignoring ASCII case.
pub fn locale(tag: &str) -> Option<&'static Locale> {
    lookup(LOCALES, LOCALE_INDEX, |l| l.tag, tag)
}

/// Every keyboard layout and IME.
pub fn keyboards() -> &'static [Keyboard] {
    KEYBOARDS
}

/// The keyboard layout or IME with this identifier, ignoring ASCII case.
pub fn keyboard(id: &str) -> Option<&'static Keyboard> {
    lookup(KEYBOARDS, KEYBOARD_INDEX, |k| k.id, id)
}

/// Every GeoID.
pub fn geo_ids() -> &'static [GeoLocation] {
    GEO_IDS
}

/// The location with this GeoID.
pub fn geo_id(id: u32) -> Option<&'static GeoLocation> {
    GEO_IDS.iter().find(|g| g.id == id)
}

/// Every Windows image language.
pub fn image_languages() -> &'static [ImageLanguage] {
    IMAGE_LANGUAGES
}

/// The image language with this tag, ignoring ASCII case.
pub fn image_language(tag: &str) -> Option<&'static ImageLanguage> {
    lookup(IMAGE_LANGUAGES, IMAGE_LANGUAGE_INDEX, |l| l.tag, tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_lookups_agree_with_a_scan() {
        for l in locales() {
            for tag in [
                l.tag.to_string(),
                l.tag.to_ascii_uppercase(),
                l.tag.to_ascii_lowercase(),
            ] {
                let scan = locales().iter().find(|x| x.tag.eq_ignore_ascii_case(&tag));
                assert_eq!(locale(&tag).map(|x| x.tag), scan.map(|x| x.tag), "{tag}");
            }
        }
        for k in keyboards() {
            assert_eq!(
                keyboard(&k.id.to_ascii_lowercase()).map(|x| x.id),
                Some(k.id)
            );
        }
        for l in image_languages() {
            assert_eq!(
                image_language(&l.tag.to_ascii_uppercase()).map(|x| x.tag),
                Some(l.tag)
            );
        }
        for t in time_zones() {
            assert_eq!(
                time_zone_ignore_case(&t.id.to_ascii_uppercase()).map(|x| x.id),
                Some(t.id)
            );
        }
        for missing in ["", "xx-XX", "zz", "en-US-x"] {
            assert!(locale(missing).is_none() && keyboard(missing).is_none());
            assert!(image_language(missing).is_none() && time_zone_ignore_case(missing).is_none());
        }
    }

    #[test]
    fn lists_are_complete_and_cross_referenced() {
        assert!(time_zones().len() > 130);
        assert!(locales().len() > 600);
        assert!(keyboards().len() > 200);
        assert!(geo_ids().len() > 200);
        assert!(image_languages().len() > 30);
        let us = locale("en-us").unwrap();
        assert_eq!(us.tag, "en-US");
        assert_eq!(us.keyboard_layout, Some("00000409"));
        assert_eq!(
            geo_id(us.geo_id.unwrap()).unwrap().display_name,
            "United States"
        );
        assert_eq!(keyboard("00000409").unwrap().kind, KeyboardKind::Layout);
        assert!(keyboards().iter().any(|k| k.kind == KeyboardKind::Ime));
        assert_eq!(image_language("DE-de").unwrap().tag, "de-DE");
        // Every locale's keyboard and GeoID are in the other lists.
        for l in locales() {
            if let Some(k) = l.keyboard_layout {
                assert!(keyboard(k).is_some(), "{}: keyboard {k}", l.tag);
            }
            if let Some(g) = l.geo_id {
                assert!(geo_id(g).is_some(), "{}: GeoID {g}", l.tag);
            }
        }
    }
}
