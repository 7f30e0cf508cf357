//! The records of one block, each with the line it starts on. A block with
//! no double quote and no carriage return (after the decoder, a CR that is
//! not part of a CRLF) that does not start with a byte-order mark (which the
//! csv crate drops at the start of what it reads), the usual case, is read
//! by splitting its lines at the delimiter, found with `memchr`; any other
//! block is read by the csv crate. Both give the same records, lines and line
//! count (a property test below holds them to it): in such text a record is
//! a line, and the csv crate skips empty lines.

use crate::stats::Cells;
use crate::stats::blocks::record_line;
use csv::ByteRecord;
use std::ops::Range;

/// A UTF-8 byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// One record read: the line it starts on (1-based, in the block), and
/// whether it runs over several lines (a quoted cell with line feeds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RecordAt {
    pub(super) line: u64,
    pub(super) multiline: bool,
}

/// The records of a block, in order.
pub(super) enum Records<'t> {
    Split {
        text: &'t [u8],
        delimiter: u8,
        /// Every delimiter and line feed of the text, in order.
        marks: memchr::Memchr2<'t>,
        /// The start of the cell being read; past the end (`text.len() + 1`)
        /// once the last line is read.
        start: usize,
        /// The line being read.
        line: u64,
    },
    Csv {
        text: &'t [u8],
        reader: Box<csv::Reader<&'t [u8]>>,
        record: ByteRecord,
    },
}

impl<'t> Records<'t> {
    /// `csv` is the reader the csv crate would use for `text`.
    pub(super) fn new(
        text: &'t [u8],
        delimiter: u8,
        csv: impl FnOnce(&'t [u8]) -> csv::Reader<&'t [u8]>,
    ) -> Self {
        if memchr::memchr2(b'"', b'\r', text).is_none() && !text.starts_with(BOM) {
            Records::split(text, delimiter)
        } else {
            Records::Csv {
                text,
                reader: Box::new(csv(text)),
                record: ByteRecord::new(),
            }
        }
    }

    fn split(text: &'t [u8], delimiter: u8) -> Self {
        Records::Split {
            text,
            delimiter,
            marks: memchr::memchr2_iter(delimiter, b'\n', text),
            start: 0,
            line: 1,
        }
    }

    /// The next record's cells, noted in `bounds` (not an `Iterator`: the
    /// cells borrow `bounds` and, from the csv crate, this reader's record);
    /// `None` at the end of the block.
    pub(super) fn next<'s>(
        &'s mut self,
        bounds: &'s mut Vec<Range<usize>>,
    ) -> Result<Option<(RecordAt, Cells<'s>)>, csv::Error> {
        match self {
            Records::Split {
                text,
                delimiter,
                marks,
                start,
                line,
            } => {
                bounds.clear();
                for at in marks.by_ref() {
                    bounds.push(*start..at);
                    *start = at + 1;
                    if text[at] == *delimiter {
                        continue;
                    }
                    let read = RecordAt {
                        line: *line,
                        multiline: false,
                    };
                    *line += 1;
                    // An empty line is no record (the csv crate skips it).
                    if let [only] = bounds.as_slice()
                        && only.is_empty()
                    {
                        bounds.clear();
                        continue;
                    }
                    return Ok(Some((read, Cells::new(text, bounds))));
                }
                // The last line, when the text does not end with a line feed.
                if *start < text.len() || !bounds.is_empty() {
                    bounds.push(*start..text.len());
                    *start = text.len() + 1;
                    let read = RecordAt {
                        line: *line,
                        multiline: false,
                    };
                    return Ok(Some((read, Cells::new(text, bounds))));
                }
                Ok(None)
            }
            Records::Csv {
                text,
                reader,
                record,
            } => {
                if !reader.read_byte_record(record)? {
                    return Ok(None);
                }
                let line = record_line(record, text);
                // A record ending below the line it starts on (not counting
                // its own line feed) has a cell over several lines.
                let end = reader.position();
                let ended_by_line_feed = usize::try_from(end.byte())
                    .ok()
                    .and_then(|b| b.checked_sub(1))
                    .and_then(|b| text.get(b))
                    == Some(&b'\n');
                let read = RecordAt {
                    line,
                    multiline: end.line() > line + u64::from(ended_by_line_feed),
                };
                Ok(Some((read, Cells::of(record, bounds))))
            }
        }
    }

    /// The line feeds read so far (all of the block's, once read to its end).
    pub(super) fn newlines(&self) -> u64 {
        match self {
            Records::Split { line, .. } => *line - 1,
            Records::Csv { reader, .. } => reader.position().line() - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_reader(text: &[u8]) -> csv::Reader<&[u8]> {
        csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .delimiter(b',')
            .from_reader(text)
    }

    type All = (Vec<(RecordAt, Vec<Vec<u8>>)>, u64);

    fn all(mut records: Records) -> All {
        let mut bounds = Vec::new();
        let mut out = Vec::new();
        while let Some((read, cells)) = records.next(&mut bounds).expect("no error") {
            out.push((read, cells.iter().map(<[u8]>::to_vec).collect()));
        }
        (out, records.newlines())
    }

    /// The records as the split and as the csv crate read them.
    fn both(text: &[u8]) -> (All, All) {
        let split = Records::split(text, b',');
        let csv = Records::Csv {
            text,
            reader: Box::new(csv_reader(text)),
            record: ByteRecord::new(),
        };
        (all(split), all(csv))
    }

    #[test]
    fn lines_split_at_the_delimiter_as_the_csv_crate_reads_them() {
        for text in [
            &b""[..],
            b"\n",
            b"\n\n",
            b"a",
            b"a\n",
            b"a,b\n\nc,,d\n",
            b",\n,,\n",
            b"\n\na,1\n \nb,2",
            "地区,指标\n甲,毛入园率\n".as_bytes(),
        ] {
            let (split, csv) = both(text);
            assert_eq!(split, csv, "{:?}", String::from_utf8_lossy(text));
        }
        let (split, _) = both(b"a,1\n\nb\n");
        let lines: Vec<u64> = split.0.iter().map(|(r, _)| r.line).collect();
        assert_eq!(lines, [1, 3]);
        assert_eq!(split.1, 3);
    }

    #[test]
    fn a_block_with_a_quote_a_lone_cr_or_a_leading_bom_goes_to_the_csv_crate() {
        for (text, split) in [
            (&b"a,1\nb,2\n"[..], true),
            (b"a,\"1\"\n", false),
            (b"a,1\rb,2\n", false),
            (b"\xef\xbb\xbf\na,1\n", false),
        ] {
            let records = Records::new(text, b',', csv_reader);
            assert_eq!(matches!(records, Records::Split { .. }), split);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_reader_reads_quote_free_text_as_the_csv_crate(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    &b"a"[..], b",", b"\n", b" ", b"1", b"\xe6", b"\t", BOM,
                ]),
                0..200,
            ),
        ) {
            let text = pieces.concat();
            let csv = Records::Csv {
                text: &text,
                reader: Box::new(csv_reader(&text)),
                record: ByteRecord::new(),
            };
            // What Records::new chooses, split or not, reads as the csv crate.
            let chosen = Records::new(&text, b',', csv_reader);
            proptest::prop_assert_eq!(all(chosen), all(csv));
        }
    }
}
