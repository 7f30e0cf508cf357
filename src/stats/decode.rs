//! Turning the bytes of a submitted file into UTF-8 text, as a stream.
//!
//! What arrives from Excel and WPS: UTF-8 with a BOM ("CSV UTF-8"), GB18030/GBK
//! (a Chinese-locale "CSV"), UTF-16 with a BOM ("Unicode text", tab-separated),
//! plain UTF-8 from scripts. The encoding is detected from the first 64 KiB
//! unless `--encoding` names it; decoding uses encoding_rs.

use encoding_rs::{Encoding, UTF_8};
use std::io::{self, Cursor, Read};

/// How much of a file is looked at to detect its encoding and delimiter.
const HEAD: usize = 64 * 1024;

/// The longest line accepted; a longer one is not CSV (or not a sane one), and
/// refusing it keeps memory bounded on binary input.
pub const MAX_LINE: usize = 1024 * 1024;

/// Why a file could not be turned into text.
#[derive(Debug)]
pub enum DecodeError {
    Io(io::Error),
    /// A workbook, not a CSV: `xlsx` (zip) or `xls` (OLE).
    Workbook(&'static str),
    /// NUL bytes that are not UTF-16: not a text file.
    Binary,
}

/// A decoded stream and what was found out about it.
pub struct Decoded<'a> {
    pub reader: Box<dyn Read + Send + 'a>,
    pub encoding: &'static Encoding,
    /// True when the bytes were transcoded (not UTF-8): a U+FFFD in the text then
    /// marks bytes the encoding could not read.
    pub transcoded: bool,
    pub delimiter: u8,
}

/// What a zip file is, by the entries its first bytes name: a workbook
/// (`xlsx`, `ods`) or a document (`docx`, `pptx`, `odt`); `xlsx` otherwise
/// (a Word document renamed .csv was called an Excel workbook: a reviewer's).
pub fn zip_kind(head: &[u8]) -> &'static str {
    let holds = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if holds(b"application/vnd.oasis.opendocument.spreadsheet") {
        "ods"
    } else if holds(b"application/vnd.oasis.opendocument.text") {
        "odt"
    } else if holds(b"word/") {
        "docx"
    } else if holds(b"ppt/") {
        "pptx"
    } else if holds(b"xl/") {
        "xlsx"
    } else {
        // An Office file whose parts come later, or a bare zip: most often
        // a workbook.
        "xlsx"
    }
}

/// Detects the encoding (unless `forced`) and the delimiter (unless `delimiter`),
/// and returns a reader of UTF-8 text without a BOM.
pub fn decode<'a, R: Read + Send + 'a>(
    mut reader: R,
    forced: Option<&'static Encoding>,
    delimiter: Option<u8>,
) -> Result<Decoded<'a>, DecodeError> {
    let head = read_head(&mut reader, HEAD).map_err(DecodeError::Io)?;
    if head.starts_with(b"PK\x03\x04") {
        return Err(DecodeError::Workbook(zip_kind(&head)));
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(DecodeError::Workbook("xls"));
    }
    let encoding = match forced {
        Some(e) => e,
        None => detect(&head)?,
    };
    let (text, transcoded): (Box<dyn Read + Send + 'a>, bool) = if encoding == UTF_8 {
        // Passed through unchanged, minus the BOM: invalid bytes stay invalid, so
        // the CSV reader reports them with their line instead of hiding them.
        let start = if head.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let mut head = head;
        head.drain(..start);
        (Box::new(Cursor::new(head).chain(reader)), false)
    } else {
        let raw = Cursor::new(head).chain(reader);
        let decoder = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .strip_bom(true)
            .build(raw);
        (Box::new(decoder), true)
    };
    let mut text = LineLimit::new(CrLfToLf::new(text));
    let decoded_head = read_head(&mut text, HEAD).map_err(DecodeError::Io)?;
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&decoded_head));
    Ok(Decoded {
        reader: Box::new(Cursor::new(decoded_head).chain(text)),
        encoding,
        transcoded,
        delimiter,
    })
}

/// Reads up to `limit` bytes (fewer only at the end of the input).
fn read_head<R: Read>(reader: &mut R, limit: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(limit.min(8192));
    reader.take(limit as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// The encoding of a file from its first bytes ([`crate::encoding::detect`]);
/// bytes no text encoding gives are an error.
pub fn detect(head: &[u8]) -> Result<&'static Encoding, DecodeError> {
    crate::encoding::detect(head).ok_or(DecodeError::Binary)
}

/// The delimiter of the header row: comma, tab or semicolon, whichever occurs
/// most (outside quotes) in the first line that names the indicator column, else
/// in the first non-empty line; comma when none occurs.
pub fn detect_delimiter(head: &[u8]) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b'\t', b';'];
    let text = String::from_utf8_lossy(head);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let header = lines
        .iter()
        .find(|l| l.contains("指标") || l.to_ascii_lowercase().contains("indicator"))
        .or(lines.first());
    let Some(line) = header else {
        return b',';
    };
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
            counts[i] += 1;
        }
    }
    let (best, &count) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))
        .unwrap_or((0, &0));
    if count == 0 { b',' } else { CANDIDATES[best] }
}

/// Turns CRLF line ends into LF, so that every line number the CSV reader
/// reports is the same whatever the line ends (with CRLF it counts one short).
struct CrLfToLf<R> {
    inner: R,
    /// A byte read but not yet handed out: a CR that may start a CRLF, or the
    /// byte after a lone CR when the caller's buffer held one byte.
    held: Option<u8>,
}

impl<R: Read> CrLfToLf<R> {
    fn new(inner: R) -> Self {
        CrLfToLf { inner, held: None }
    }

    fn raw_byte(&mut self) -> io::Result<Option<u8>> {
        if let Some(b) = self.held.take() {
            return Ok(Some(b));
        }
        let mut one = [0u8; 1];
        loop {
            match self.inner.read(&mut one) {
                Ok(0) => return Ok(None),
                Ok(_) => return Ok(Some(one[0])),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// Drops each `\r` that is followed by `\n` in `buf[..filled]`, in place;
/// returns the new length.
fn drop_crlf(buf: &mut [u8], filled: usize) -> usize {
    let Some(first) = memchr::memchr(b'\r', &buf[..filled]) else {
        return filled;
    };
    let mut out = first;
    for i in first..filled {
        let b = buf[i];
        if !(b == b'\r' && i + 1 < filled && buf[i + 1] == b'\n') {
            buf[out] = b;
            out += 1;
        }
    }
    out
}

impl<R: Read> Read for CrLfToLf<R> {
    /// Reads straight into the caller's buffer (no copy), then drops the CR of
    /// each CRLF in place; a CR at the very end waits for the next read.
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if buf.len() == 1 {
            let Some(b) = self.raw_byte()? else {
                return Ok(0);
            };
            if b == b'\r' {
                match self.raw_byte()? {
                    Some(b'\n') => buf[0] = b'\n',
                    next => {
                        self.held = next;
                        buf[0] = b'\r';
                    }
                }
            } else {
                buf[0] = b;
            }
            return Ok(1);
        }
        loop {
            let start = match self.held.take() {
                Some(b) => {
                    buf[0] = b;
                    1
                }
                None => 0,
            };
            let n = self.inner.read(&mut buf[start..])?;
            if n == 0 {
                return Ok(start);
            }
            let mut out = drop_crlf(buf, start + n);
            if out > 0 && buf[out - 1] == b'\r' {
                self.held = Some(b'\r');
                out -= 1;
            }
            if out > 0 {
                return Ok(out);
            }
        }
    }
}

/// Fails the read when a line grows beyond [`MAX_LINE`] bytes.
struct LineLimit<R> {
    inner: R,
    since_newline: usize,
    /// Line feeds read so far: the line too long is named by its number.
    newlines: u64,
}

impl<R: Read> LineLimit<R> {
    fn new(inner: R) -> Self {
        LineLimit {
            inner,
            since_newline: 0,
            newlines: 0,
        }
    }
}

impl<R: Read> Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let chunk = &buf[..n];
        let too_long = |line: u64| io::Error::new(io::ErrorKind::InvalidData, LineTooLong { line });
        match (memchr::memchr(b'\n', chunk), memchr::memrchr(b'\n', chunk)) {
            (Some(first), Some(last)) => {
                if self.since_newline + first > MAX_LINE {
                    return Err(too_long(self.newlines + 1));
                }
                // Lines wholly inside the chunk are shorter than the chunk; a chunk
                // longer than MAX_LINE is checked line by line.
                if n > MAX_LINE
                    && let Some(k) = memchr::memchr_iter(b'\n', chunk)
                        .zip(memchr::memchr_iter(b'\n', chunk).skip(1))
                        .position(|(a, b)| b - a - 1 > MAX_LINE)
                {
                    return Err(too_long(self.newlines + k as u64 + 2));
                }
                self.newlines += memchr::memchr_iter(b'\n', chunk).count() as u64;
                self.since_newline = n - last - 1;
            }
            _ => self.since_newline += n,
        }
        if self.since_newline > MAX_LINE {
            return Err(too_long(self.newlines + 1));
        }
        Ok(n)
    }
}

/// The error a [`LineLimit`] reader returns: the line (1-based) too long.
#[derive(Debug)]
pub struct LineTooLong {
    pub line: u64,
}

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} is longer than {} bytes", self.line, MAX_LINE)
    }
}

impl std::error::Error for LineTooLong {}

#[cfg(test)]
mod tests {

    /// The line too long is named by its number, wherever the reads cut it
    /// (an error that named no line, a reviewer's 1 MB 来源 cell).
    #[test]
    fn a_line_too_long_is_named_by_its_number() {
        let line_of = |text: Vec<u8>, chunk: usize| {
            struct Chunks(Vec<u8>, usize, usize);
            impl Read for Chunks {
                fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                    let n = self.1.min(buf.len()).min(self.0.len() - self.2);
                    buf[..n].copy_from_slice(&self.0[self.2..self.2 + n]);
                    self.2 += n;
                    Ok(n)
                }
            }
            let mut reader = LineLimit::new(Chunks(text, chunk, 0));
            let mut sink = Vec::new();
            let e = reader.read_to_end(&mut sink).expect_err("too long");
            e.get_ref()
                .and_then(|e| e.downcast_ref::<LineTooLong>())
                .map(|t| t.line)
        };
        let mut text = b"a,b\n1,2\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_LINE + 5));
        text.extend(b"\n3,4\n");
        for chunk in [7, 4096, 1 << 16, MAX_LINE + 100, 4 * MAX_LINE] {
            assert_eq!(line_of(text.clone(), chunk), Some(3), "{chunk}");
        }
    }

    use super::*;
    use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

    fn through_crlf(input: &[u8], chunk: usize) -> Vec<u8> {
        struct Chunks<'a>(&'a [u8], usize);
        impl Read for Chunks<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = Vec::new();
        CrLfToLf::new(Chunks(input, chunk))
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn crlf_becomes_lf_whatever_the_caller_asks_for() {
        let input: &[u8] = b"a,b\r\nc\r\r\n\rx\r";
        for ask in 1..=input.len() + 1 {
            let mut reader = CrLfToLf::new(input);
            let mut out = Vec::new();
            let mut buf = vec![0u8; ask];
            loop {
                let n = reader.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&buf[..n]);
            }
            assert_eq!(out, b"a,b\nc\r\n\rx\r", "buffer of {ask}");
        }
    }

    #[test]
    fn crlf_becomes_lf_across_any_chunking() {
        let input = b"a,b\r\nc,d\r\n\r\ne\rf\r";
        for chunk in 1..=input.len() {
            assert_eq!(
                through_crlf(input, chunk),
                b"a,b\nc,d\n\ne\rf\r",
                "chunk {chunk}"
            );
        }
    }

    #[test]
    fn detects_encodings_from_their_first_bytes() {
        assert_eq!(detect(b"\xEF\xBB\xBFa").unwrap(), UTF_8);
        assert_eq!(detect(b"\xFF\xFEa\0").unwrap(), UTF_16LE);
        assert_eq!(detect(b"\xFE\xFF\0a").unwrap(), UTF_16BE);
        assert_eq!(detect("指标,数值".as_bytes()).unwrap(), UTF_8);
        assert_eq!(detect(b"\xD6\xB8\xB1\xEA").unwrap(), GB18030);
        assert_eq!(detect(b"a\0,\0b\0").unwrap(), UTF_16LE);
        assert!(matches!(
            detect(b"\0\0\0\x01\x02"),
            Err(DecodeError::Binary)
        ));
        // A sample cut inside a character is still UTF-8.
        assert_eq!(detect(&"指标".as_bytes()[..4]).unwrap(), UTF_8);
    }

    #[test]
    fn detects_the_delimiter_of_the_header() {
        assert_eq!(detect_delimiter(b"a,b,c\n"), b',');
        assert_eq!(
            detect_delimiter(
                b"\xE6\xA0\x87\xE9\xA2\x98\n\xE6\x8C\x87\xE6\xA0\x87\t\xE6\x95\xB0\xE5\x80\xBC\n"
            ),
            b'\t'
        );
        assert_eq!(detect_delimiter(b"indicator;value;\"a,b\"\n"), b';');
        assert_eq!(detect_delimiter(b""), b',');
    }
}
