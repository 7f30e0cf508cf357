//! What calamine does not say of an `.ods`, read from its `content.xml`
//! as one stream of events, never whole:
//!
//! - the cells each sheet will become ([`extent`]): calamine expands every
//!   `table:number-rows-repeated` and `-columns-repeated`, so a 902-byte
//!   file made 16 million cells of one `x` and 15 GB (a reviewer's); it is
//!   refused first, as an `.xls` over the same count is
//!   ([`crate::stats::package`]);
//! - the cells typed as percentages ([`percent_cells`]): calamine reads
//!   their value (0.983) and drops the type, so a 98.3% that LibreOffice or
//!   WPS shows read as 0.983 (S017, and judged as that); an `.xlsx` says it
//!   by its number format ([`super::workbook`]).

use std::collections::HashSet;
use std::io::BufReader;
use std::path::Path;

/// Repeated rows of percent cells stood for, at most: a style carried down
/// a sheet's million empty rows stands for nothing anyone reads.
const MAX_REPEATED_ROWS: u32 = 1 << 16;

/// The (row, column) positions, 0-based as calamine's, of the cells of
/// `sheet` whose `office:value-type` is `percentage`; empty when the file
/// cannot be read this way (calamine then says what is wrong with it).
pub(crate) fn percent_cells(path: &Path, sheet: &str) -> HashSet<(u32, u32)> {
    let mut out = HashSet::new();
    let Ok(file) = std::fs::File::open(path) else {
        return out;
    };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else {
        return out;
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return out;
    };
    read(BufReader::new(content), sheet, &mut out);
    out
}

fn read(xml: impl std::io::BufRead, sheet: &str, out: &mut HashSet<(u32, u32)>) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut in_sheet = false;
    let (mut row, mut column) = (0u32, 0u32);
    let mut rows_repeated = 1u32;
    // The percent cells of the row being read, by column.
    let mut in_row: Vec<u32> = Vec::new();
    let number = |e: &quick_xml::events::BytesStart, key: &str| {
        u32::try_from(repeats(e, key)).unwrap_or(u32::MAX)
    };
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return,
            Ok(event) => event,
        };
        let (e, closed) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table-row" if in_sheet => {
                        for r in 0..rows_repeated.min(MAX_REPEATED_ROWS) {
                            out.extend(in_row.iter().map(|&c| (row + r, c)));
                        }
                        row = row.saturating_add(rows_repeated);
                    }
                    "table:table" if in_sheet => return,
                    _ => {}
                }
                buf.clear();
                continue;
            }
            _ => {
                buf.clear();
                continue;
            }
        };
        match e.name().as_ref() {
            "table:table" => {
                in_sheet = e.attributes().flatten().any(|a| {
                    a.key.as_ref() == "table:name"
                        && quick_xml::escape::unescape(&a.value).is_ok_and(|v| v == sheet)
                });
                row = 0;
            }
            "table:table-row" if in_sheet => {
                column = 0;
                in_row.clear();
                rows_repeated = number(&e, "table:number-rows-repeated");
                // `<table:table-row/>` has no end to count it by.
                if closed {
                    row = row.saturating_add(rows_repeated);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if in_sheet => {
                let repeated = number(&e, "table:number-columns-repeated");
                let percent = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "office:value-type" && a.value == "percentage");
                if percent {
                    in_row.extend((0..repeated.min(1 << 14)).map(|i| column + i));
                }
                column = column.saturating_add(repeated);
            }
            _ => {}
        }
        buf.clear();
    }
}

/// The cells calamine would make of every sheet of `content`, at most:
/// per sheet, the rows down to its last with a value times the columns out
/// to the farthest value, repeats counted as written; summed over the
/// sheets (calamine reads them all on opening). Stops counting once past
/// `limit`.
pub(crate) fn extent(content: impl std::io::BufRead, limit: u64) -> u64 {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut total = 0u64;
    // The sheet being read: the next row's index, the end of its last row
    // with a value, and its widest row with a value.
    let (mut row, mut rows, mut columns) = (0u64, 0u64, 0u64);
    // The row being read: its repeats, the next column, the end of its
    // last cell with a value.
    let (mut repeated, mut column, mut filled) = (1u64, 0u64, 0u64);
    let number = repeats;
    loop {
        let (e, closed) = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return total,
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                match e.name().as_ref() {
                    "table:table-row" => {
                        if filled > 0 {
                            columns = columns.max(filled);
                            rows = row.saturating_add(repeated);
                        }
                        row = row.saturating_add(repeated);
                    }
                    "table:table" => {
                        total = total.saturating_add(rows.saturating_mul(columns));
                        if total > limit {
                            return total;
                        }
                    }
                    _ => {}
                }
                buf.clear();
                continue;
            }
            Ok(_) => {
                buf.clear();
                continue;
            }
        };
        match e.name().as_ref() {
            "table:table" => (row, rows, columns) = (0, 0, 0),
            "table:table-row" => {
                (repeated, column, filled) = (number(&e, "table:number-rows-repeated"), 0, 0);
                if closed {
                    row = row.saturating_add(repeated);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                column = column.saturating_add(number(&e, "table:number-columns-repeated"));
                // A value, or content (a paragraph) under an open cell.
                let valued = !closed
                    || e.attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "office:value-type");
                if valued {
                    filled = column;
                }
            }
            _ => {}
        }
        buf.clear();
    }
}

/// A repeat count of an element (`table:number-rows-repeated`), at least 1.
fn repeats(e: &quick_xml::events::BytesStart, key: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(xml: &str, sheet: &str) -> Vec<(u32, u32)> {
        let mut out = HashSet::new();
        read(xml.as_bytes(), sheet, &mut out);
        let mut v: Vec<_> = out.into_iter().collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn percent_cells_by_position_with_repeats() {
        let xml = r#"<office:document-content><office:body><office:spreadsheet>
<table:table table:name="说明"><table:table-row><table:table-cell office:value-type="percentage" office:value="0.5"/></table:table-row></table:table>
<table:table table:name="2023年">
<table:table-row><table:table-cell office:value-type="string"><text:p>指标</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>数值</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/></table:table-row>
<table:table-row/>
<table:table-row><table:table-cell office:value-type="string"><text:p>毛入园率</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.983"><text:p>98.3%</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="3"/><table:table-cell table:number-columns-repeated="2" office:value-type="percentage" office:value="1"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        assert_eq!(
            cells(xml, "2023年"),
            vec![(4, 1), (5, 2), (5, 3), (6, 2), (6, 3)]
        );
        assert_eq!(cells(xml, "说明"), vec![(0, 0)]);
        assert!(cells(xml, "其他").is_empty());
    }

    #[test]
    fn the_extent_counts_repeats_as_calamine_expands_them() {
        let sheet = |rows: &str| {
            format!(
                "<office:spreadsheet><table:table table:name=\"s\">{rows}</table:table></office:spreadsheet>"
            )
        };
        // One string repeated over 16384 columns and 1000 rows: 16 million.
        let bomb = sheet(
            r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        );
        assert_eq!(extent(bomb.as_bytes(), u64::MAX), 16_384_000);
        // Empty cells and rows after the last value make nothing.
        let table = sheet(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>指标</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>数值</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        );
        assert_eq!(extent(table.as_bytes(), u64::MAX), 2);
        // Empty rows between two with values are made, as wide as the widest.
        let gap = sheet(
            r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row><table:table-row table:number-rows-repeated="999998"/><table:table-row><table:table-cell/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
        );
        assert_eq!(extent(gap.as_bytes(), u64::MAX), 2_000_000);
    }
}
