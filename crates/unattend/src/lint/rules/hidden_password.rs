//! What UA502 and UA503 share (not a rule: no code, no docs): the hidden
//! password values worth decoding, and where to report them.

use std::borrow::Cow;

use super::ua501_plaintext_password::{Hideable, Storage, hideable};
use crate::lint::prelude::*;

/// A hidden password value (`PlainText` `false`) to check.
pub(super) struct HiddenValue<'d> {
    /// The password element and its children.
    pub h: Hideable<'d>,
    /// The `Value` text, still encoded. Only facts about it may leave a
    /// rule, never the text.
    pub value: Cow<'d, str>,
    /// Where to report: the text of `<PlainText>false`, whose line never
    /// shows the value.
    pub anchor: Span,
}

/// The hidden password at `s`, unless it is not one, its value is empty,
/// a template placeholder or looks like some script's placeholder
/// (`#ADMINPASSWORD#`), or its `PlainText` has no text to report at.
pub(super) fn hidden_value<'d>(
    cx: &FileCx<'_>,
    s: &SettingView<'d, '_>,
) -> Option<HiddenValue<'d>> {
    let h = hideable(s)?;
    if h.storage != Storage::Hidden {
        return None;
    }
    let value = h.value.text()?;
    if value.trim().is_empty()
        || cx.is_template(&value)
        || crate::lint::template::looks_like_placeholder(&value)
    {
        return None;
    }
    let anchor = h
        .plain_text
        .and_then(super::ua401_computer_name::trimmed_text_span)?;
    Some(HiddenValue { h, value, anchor })
}
