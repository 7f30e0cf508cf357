//! Cutting a stream of CSV text into blocks of whole records, so that blocks can
//! be parsed and checked on several threads and put back together in order.
//!
//! A block ends just after a line feed that ends a record: one outside a quoted
//! field, by the csv crate's rules (a `"` opens a quoted field only as a field's
//! first byte; inside, `""` is a quote and a lone `"` closes it). A block that
//! holds no `"` at all, the usual case, is cut at its last line feed without a
//! scan. The line feed is the only terminator looked for: the decoder has turned
//! CRLF into LF, and a file ending its lines with CR alone has no line feed, so it
//! stays one block until the line limit of [`super::decode`] stops it.

use std::io::{self, Read};

/// Bytes read for a block (more when one record is longer).
pub const BLOCK: usize = 1 << 20;

/// The blocks of a stream, in order.
pub struct Blocks<R> {
    reader: R,
    delimiter: u8,
    size: usize,
    /// The start of the next block: the bytes read after the last cut.
    carry: Vec<u8>,
    at_end: bool,
}

impl<R: Read> Blocks<R> {
    /// Blocks of about `size` bytes (small sizes are for tests).
    pub fn with_size(reader: R, delimiter: u8, size: usize) -> Self {
        Blocks {
            reader,
            delimiter,
            size: size.max(1),
            carry: Vec::new(),
            at_end: false,
        }
    }

    /// Puts the next block into `buf`: whole records, the last one ending with
    /// its line feed unless the input ends without one. `false` when the input is
    /// used up.
    pub fn next_into(&mut self, buf: &mut Vec<u8>) -> io::Result<bool> {
        buf.clear();
        buf.append(&mut self.carry);
        let mut goal = self.size;
        loop {
            if !self.at_end && buf.len() < goal {
                let want = goal - buf.len();
                buf.reserve(want);
                let got = (&mut self.reader).take(want as u64).read_to_end(buf)?;
                self.at_end = got < want;
            }
            if self.at_end {
                return Ok(!buf.is_empty());
            }
            if let Some(cut) = last_record_end(buf, self.delimiter) {
                self.carry.extend_from_slice(&buf[cut..]);
                buf.truncate(cut);
                return Ok(true);
            }
            // One record longer than the block: read on until it ends.
            goal = buf.len() + self.size;
        }
    }
}

/// The position just after the last line feed of `text` that ends a record;
/// `text` starts at the start of a record.
pub fn last_record_end(text: &[u8], delimiter: u8) -> Option<usize> {
    if memchr::memchr(b'"', text).is_none() {
        return memchr::memrchr(b'\n', text).map(|i| i + 1);
    }
    let mut last = None;
    let mut i = 0;
    let mut quoted = false;
    while i < text.len() {
        if quoted {
            let Some(k) = memchr::memchr(b'"', &text[i..]) else {
                break;
            };
            let p = i + k;
            if text.get(p + 1) == Some(&b'"') {
                i = p + 2;
            } else {
                quoted = false;
                i = p + 1;
            }
        } else {
            let Some(k) = memchr::memchr2(b'"', b'\n', &text[i..]) else {
                break;
            };
            let p = i + k;
            if text[p] == b'\n' {
                last = Some(p + 1);
            } else if p == 0 || matches!(text[p - 1], b'\n' | b'\r') || text[p - 1] == delimiter {
                quoted = true;
            }
            i = p + 1;
        }
    }
    last
}

/// The line a record read from `text` starts on (1-based, counted from the
/// start of `text`). The csv crate dates a record from where the record before
/// it ended, which is a line too early when blank lines come between (the
/// reader skips them as part of the next record): the skipped line ends are
/// counted here, after a byte-order mark the reader dropped.
pub fn record_line(record: &csv::ByteRecord, text: &[u8]) -> u64 {
    let Some(position) = record.position() else {
        return 0;
    };
    let mut from = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    // The reader drops a byte-order mark at the start of the text, before
    // any line it skips.
    if from == 0 && text.starts_with(b"\xef\xbb\xbf") {
        from = 3;
    }
    let skipped = text.get(from..).map_or(0, |rest| {
        rest.iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .filter(|&&b| b == b'\n')
            .count()
    });
    position.line() + skipped as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_after_the_last_line_feed_outside_quotes() {
        assert_eq!(last_record_end(b"a,1\nb,2\nc,", b','), Some(8));
        assert_eq!(last_record_end(b"a,1", b','), None);
        // The line feed inside the quoted field does not end a record.
        assert_eq!(last_record_end(b"a,1\n\"b\nc\",2", b','), Some(4));
        assert_eq!(last_record_end(b"a,\"x\"\"\n\"\nb", b','), Some(9));
        // A quote inside an unquoted field is an ordinary byte.
        assert_eq!(last_record_end(b"a\"b,1\nc,2\n", b','), Some(10));
        assert_eq!(last_record_end(b"a;\"1\n2\";x\n", b';'), Some(10));
        assert_eq!(last_record_end(b"a;\"1\n2", b';'), None);
        assert_eq!(last_record_end(b"a;\"1\n2", b','), Some(5));
    }

    fn records(text: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        let mut out = Vec::new();
        let mut record = csv::ByteRecord::new();
        while csv.read_byte_record(&mut record).unwrap_or(false) {
            let line = record_line(&record, text);
            out.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    /// Records read block by block, lines counted on across blocks, equal
    /// the records of the whole text.
    fn same_records_in_blocks(text: &[u8], size: usize) {
        let mut blocks = Blocks::with_size(text, b',', size);
        let mut buf = Vec::new();
        let mut joined = Vec::new();
        let mut lines_before = 0u64;
        let mut bytes = Vec::new();
        while blocks.next_into(&mut buf).expect("reads") {
            for (line, fields) in records(&buf) {
                joined.push((line + lines_before, fields));
            }
            lines_before += buf.iter().filter(|&&b| b == b'\n').count() as u64;
            bytes.extend_from_slice(&buf);
        }
        assert_eq!(bytes, text, "the blocks put together are the input");
        assert_eq!(joined, records(text), "block size {size}");
    }

    #[test]
    fn a_record_is_dated_by_the_line_it_starts_on() {
        let text = b"h,v\n\n\na,1\n\"b\nc\",2\r\nd,3";
        let got: Vec<u64> = records(text).into_iter().map(|(line, _)| line).collect();
        assert_eq!(got, vec![1, 4, 5, 7]);
        // A byte-order mark the reader drops, then an empty line (found by
        // fuzzing: the header was dated line 1).
        let text = b"\xef\xbb\xbf\nh,v\na,1\n";
        let got: Vec<u64> = records(text).into_iter().map(|(line, _)| line).collect();
        assert_eq!(got, vec![2, 3]);
    }

    #[test]
    fn blocks_hold_whole_records() {
        let text = b"\xe6\x8c\x87\xe6\xa0\x87,v\na,1\n\"b\nb\",\"2\"\"\n\"\n\nc\"d,3\r\ne,\"\",4\n\"f\"x,5";
        for size in 1..text.len() + 2 {
            same_records_in_blocks(text, size);
        }
    }

    proptest::proptest! {
        #[test]
        fn blocks_of_any_size_read_as_the_whole(
            text in proptest::collection::vec(proptest::sample::select(b"a,\"\n\r1 ".to_vec()), 0..200),
            size in 1usize..64,
        ) {
            same_records_in_blocks(&text, size);
        }
    }
}
