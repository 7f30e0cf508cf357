//! What text a file's bytes are: the one place an encoding is decided, for
//! the statistics (`stats::decode`, which streams), the documents `import`
//! and `extract` read, and the line a diagnostic shows. What arrives: UTF-8
//! with or without a BOM, GB18030/GBK from older Excel, WPS and government
//! sites, UTF-16 from "Unicode text" saves.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// The encoding of a file from its first bytes: a BOM, UTF-16 by its zero
/// bytes, UTF-8 when the bytes are, else GB18030; `None` for bytes no text
/// has (a binary file).
pub fn detect(head: &[u8]) -> Option<&'static Encoding> {
    if head.starts_with(b"\xEF\xBB\xBF") {
        return Some(UTF_8);
    }
    if head.starts_with(b"\xFF\xFE") {
        return Some(UTF_16LE);
    }
    if head.starts_with(b"\xFE\xFF") {
        return Some(UTF_16BE);
    }
    if head.contains(&0) {
        // UTF-16 without a BOM: ASCII characters leave every other byte zero.
        let zeros_at = |parity: usize| {
            head.iter()
                .skip(parity)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count()
        };
        let pairs = head.len() / 2;
        let (even, odd) = (zeros_at(0), zeros_at(1));
        if pairs > 0 && odd * 3 > pairs && even * 10 < pairs {
            return Some(UTF_16LE);
        }
        if pairs > 0 && even * 3 > pairs && odd * 10 < pairs {
            return Some(UTF_16BE);
        }
        return None;
    }
    match std::str::from_utf8(head) {
        Ok(_) => Some(UTF_8),
        // Cut in the middle of a character at the end of the sample: still UTF-8.
        Err(e) if e.error_len().is_none() => Some(UTF_8),
        Err(_) => Some(GB18030),
    }
}

/// `bytes` as text, whatever they were saved as ([`detect`] on the first
/// 64 KiB), without a BOM; `None` when they are no text.
pub fn text(bytes: &[u8]) -> Option<String> {
    let encoding = detect(&bytes[..bytes.len().min(64 * 1024)])?;
    // A valid UTF-8 sample whose later bytes are not: GB18030 after all.
    let encoding = if encoding == UTF_8 && std::str::from_utf8(strip_bom(bytes)).is_err() {
        GB18030
    } else {
        encoding
    };
    Some(encoding.decode_with_bom_removal(bytes).0.into_owned())
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_as_saved() {
        assert_eq!(text("\u{feff}指标".as_bytes()).as_deref(), Some("指标"));
        // 指标 in GB18030.
        assert_eq!(text(b"\xD6\xB8\xB1\xEA").as_deref(), Some("指标"));
        // 指标 in UTF-16LE with its BOM, and "ab" without one.
        assert_eq!(text(b"\xFF\xFE\x07\x63\x07\x68").as_deref(), Some("指标"));
        assert_eq!(text(b"a\0b\0").as_deref(), Some("ab"));
        // UTF-8 for 64 KiB, then a GB18030 byte pair: the whole is GB18030.
        let mut mixed = vec![b'a'; 64 * 1024];
        mixed.extend_from_slice(b"\xD6\xB8\xB1\xEA");
        assert!(text(&mixed).is_some_and(|t| t.ends_with("指标")));
        assert_eq!(text(b"\0\0\0\x01\x02"), None);
    }
}
