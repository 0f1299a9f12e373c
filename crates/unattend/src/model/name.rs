//! Element and attribute names that are valid by construction.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::is_qname;

/// The local name of an element or attribute: an XML name without a colon
/// (an `NCName` in the Namespaces in XML recommendation).
///
/// Every [`Element`](super::Element) and [`Attribute`](super::Attribute)
/// carries one, so a model built through the API, or deserialized from a
/// spec, always writes XML that parses: a name is checked once, when it is
/// made, instead of every time the file is written.
///
/// ```
/// use unattend::model::Name;
///
/// let name = Name::new("ComputerName")?;
/// assert_eq!(name, "ComputerName");
/// assert!(Name::new("Computer Name").is_err()); // a space
/// assert!(Name::new("wcm:action").is_err()); // the prefix is not part of the name
/// assert!(Name::new("1st").is_err()); // names cannot start with a digit
///
/// // Names known when the program is written are checked at compile time.
/// const RESEAL: Name = Name::from_static("Reseal");
/// assert_eq!(RESEAL.as_str(), "Reseal");
/// # Ok::<(), unattend::model::InvalidName>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Cow<'static, str>);

/// A string that is not an XML name without a colon.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name:?} is not a valid XML element or attribute name: {reason}")]
pub struct InvalidName {
    name: String,
    reason: &'static str,
}

impl InvalidName {
    /// The refused string.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Why `name` is not an `NCName`, or `None` when it is one.
fn problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("it is empty")
    } else if name.contains(':') {
        Some("a local name cannot contain ':' (give the namespace separately)")
    } else if !is_qname(name) {
        Some("XML names start with a letter or '_' and hold only letters, digits, '-', '.' and '_'")
    } else {
        None
    }
}

/// The compile-time check behind [`Name::from_static`]: ASCII names only,
/// which covers every name Microsoft's reference uses.
const fn is_ascii_ncname(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = b.is_ascii_alphabetic() || b == b'_';
        let rest = b.is_ascii_digit() || b == b'-' || b == b'.';
        if !(start || (i > 0 && rest)) {
            return false;
        }
        i += 1;
    }
    true
}

impl Name {
    /// Checks `name`: an XML name with no colon.
    pub fn new(name: &str) -> Result<Name, InvalidName> {
        match problem(name) {
            None => Ok(Name(Cow::Owned(name.to_string()))),
            Some(reason) => Err(InvalidName {
                name: name.to_string(),
                reason,
            }),
        }
    }

    /// A name from a string constant, checked when the program is compiled
    /// if used in a `const` (ASCII letters, digits, `-`, `.`, `_`).
    ///
    /// # Panics
    ///
    /// When `name` is not such a name; in a `const` item this is a
    /// compile error, not a run-time panic. Use [`Name::new`] for names
    /// not known in advance.
    pub const fn from_static(name: &'static str) -> Name {
        assert!(
            is_ascii_ncname(name),
            "Name::from_static: not an ASCII XML name without a colon"
        );
        Name(Cow::Borrowed(name))
    }

    /// A name the caller knows is valid: the generated code's catalog names
    /// and names a parsed document already checked.
    pub(crate) fn trusted(name: impl Into<Cow<'static, str>>) -> Name {
        let name = name.into();
        debug_assert!(problem(&name).is_none(), "invalid trusted name {name:?}");
        Name(name)
    }

    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl FromStr for Name {
    type Err = InvalidName;

    fn from_str(s: &str) -> Result<Name, InvalidName> {
        Name::new(s)
    }
}

impl TryFrom<&str> for Name {
    type Error = InvalidName;

    fn try_from(s: &str) -> Result<Name, InvalidName> {
        Name::new(s)
    }
}

impl TryFrom<String> for Name {
    type Error = InvalidName;

    fn try_from(s: String) -> Result<Name, InvalidName> {
        match problem(&s) {
            None => Ok(Name(Cow::Owned(s))),
            Some(reason) => Err(InvalidName { name: s, reason }),
        }
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0.into_owned()
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        let s = String::deserialize(deserializer)?;
        Name::try_from(s).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Name {
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_when_made() {
        for ok in ["a", "_x", "Microsoft-Windows-Shell-Setup", "x.1", "é"] {
            assert_eq!(Name::new(ok).unwrap(), ok);
        }
        for bad in ["", "a b", "1a", "-a", "a:b", ":a", "a<", "a\"", "a\u{1}"] {
            let err = Name::new(bad).unwrap_err();
            assert_eq!(err.name(), bad);
            assert!(err.to_string().contains("not a valid XML"), "{err}");
        }
    }

    #[test]
    fn serde_refuses_an_invalid_name() {
        let name: Name = serde_json::from_str("\"Reseal\"").unwrap();
        assert_eq!(name, "Reseal");
        let err = serde_json::from_str::<Name>("\"Re seal\"").unwrap_err();
        assert!(err.to_string().contains("not a valid XML"), "{err}");
    }

    #[test]
    fn the_const_check_agrees_with_the_full_one_on_ascii() {
        for s in [
            "a", "_", "a-b.c_d9", "", "9", "-", ".a", "a:b", "a b", "a/b",
        ] {
            assert_eq!(is_ascii_ncname(s), problem(s).is_none(), "{s:?}");
        }
    }
}
