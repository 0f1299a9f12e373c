//! Conversions between typed values and the text of leaf elements.
//!
//! Typed structs are read leniently and then written back and compared with
//! the source: a component is typed only when that round trip is exact, so
//! reading never changes a value (for example `True` stays `True` in a
//! generic element instead of becoming `true`).

use std::borrow::Cow;

/// A value stored as the text of a leaf element.
pub trait XmlValue: Sized {
    /// Parses the exact XML literal.
    fn parse_xml(text: &str) -> Option<Self>;
    /// The XML literal.
    fn to_xml(&self) -> Cow<'_, str>;
}

impl XmlValue for bool {
    fn parse_xml(text: &str) -> Option<bool> {
        match text {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

impl XmlValue for u32 {
    fn parse_xml(text: &str) -> Option<u32> {
        text.parse().ok()
    }

    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl XmlValue for i64 {
    fn parse_xml(text: &str) -> Option<i64> {
        // Only the canonical decimal form reads, so writing back is exact.
        let v: i64 = text.parse().ok()?;
        (v.to_string() == text).then_some(v)
    }

    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl XmlValue for String {
    fn parse_xml(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

/// Declares a closed set of XML literals as a Rust enum with exact names.
macro_rules! xml_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $lit:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $lit)] $variant),+
        }

        impl $name {
            /// The exact XML literal.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $lit),+ }
            }
        }

        impl $crate::model::xml_value::XmlValue for $name {
            fn parse_xml(text: &str) -> Option<Self> {
                match text { $($lit => Some($name::$variant),)+ _ => None }
            }

            fn to_xml(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use xml_enum;

xml_enum! {
    /// The `wcm:action` of a list item or container.
    WcmAction {
        /// Add the item.
        Add = "add",
        /// Change an item added earlier (by key).
        Modify = "modify",
        /// Remove an item added earlier (by key).
        Remove = "remove",
    }
}

/// The element does not fit a typed struct exactly; it is carried generically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotTyped;

/// The result of reading a typed struct from elements.
pub type Typed<T> = Result<T, NotTyped>;
