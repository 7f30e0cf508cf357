//! Escaping for XML, HTML and SVG text.

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            // Nor U+FFFE, U+FFFF, nor a lone surrogate's stand-in (a 来源
            // holding U+FFFF made a Word document Word refuses).
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn characters_xml_cannot_carry_are_dropped() {
        assert_eq!(super::escape("a\u{1}b\u{FFFF}c\u{FFFE}<"), "abc&lt;");
        assert_eq!(super::escape("甲\t乙\n"), "甲\t乙\n");
    }
}
