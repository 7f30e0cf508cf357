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
        // Mostly UTF-8 with a line pasted from a GBK file: UTF-8, so the bad
        // bytes are reported at their own line, not the whole file garbled
        // from line 1 on.
        Err(_) if mostly_utf8(head) => Some(UTF_8),
        Err(_) => Some(GB18030),
    }
}

/// Whether `bytes` are mostly well-formed UTF-8: many more characters of
/// three bytes or more (every Chinese character in UTF-8) than invalid
/// stretches. GBK text seldom forms a valid three-byte UTF-8 character (a
/// two-byte one often: those count for neither); UTF-8 with a slip has a
/// few bad bytes among many good characters.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                good += text.chars().filter(|c| c.len_utf8() >= 3).count();
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                good += std::str::from_utf8(&rest[..valid])
                    .map_or(0, |t| t.chars().filter(|c| c.len_utf8() >= 3).count());
                let Some(len) = e.error_len() else {
                    break;
                };
                bad += 1;
                rest = &rest[valid + len..];
            }
        }
    }
    good >= 8 && good > 5 * bad
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

    #[test]
    fn utf8_with_one_pasted_gbk_line_stays_utf8() {
        let mut text = "指标,年份,数值\n毛入园率,2023,98.3\n九年义务教育巩固率,2023,100\n"
            .as_bytes()
            .to_vec();
        // 指标 in GB18030, a line pasted from another file.
        text.extend_from_slice(b"\xD6\xB8\xB1\xEA,2023,1\n");
        assert_eq!(detect(&text), Some(UTF_8));
        // A whole GBK file is GB18030.
        let gbk = b"\xD6\xB8\xB1\xEA,\xC4\xEA\xB7\xDD,\xCA\xFD\xD6\xB5\n".repeat(5);
        assert_eq!(detect(&gbk), Some(GB18030));
    }
}
