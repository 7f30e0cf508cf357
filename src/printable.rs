//! Text from the user's files made safe to print: control characters and
//! the bidirectional overrides that could disguise a line on a terminal are
//! shown as `\u{…}` escapes.

use std::fmt::Write as _;

/// Text from the user's files as it may reach a terminal: control characters
/// (C0, DEL, C1: an ESC would start a colour change or worse) and the bidi
/// controls that reorder what is shown are written as escapes (`\u{1b}`), so
/// what is printed is what the file holds. JSON and CSV keep the text verbatim.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
