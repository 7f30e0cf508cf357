//! A workbook's package checked before calamine reads it, and what calamine
//! does not say about it.
//!
//! `.xlsx`, `.xlsm`, `.xlsb` and `.ods` files are zip packages of XML (or
//! binary) parts, and calamine reads some parts whole: the shared strings, the
//! styles, an `.ods` sheet. A 1 MB file can hold a 1 GiB string, which would
//! take gigabytes and end in an abort. So every part is first inflated as a
//! stream, in constant memory, and refused (S012, exit 2) when
//!
//! - a part read whole (anything but a worksheet) inflates to more than
//!   [`MAX_WHOLE_PART`] bytes, or
//! - any XML part holds a stretch of more than [`MAX_SEGMENT`] bytes between two
//!   `<`: a cell's text or a tag longer than any spreadsheet writes (Excel's cell
//!   limit is 32,767 characters, under 100 KB).
//!
//! Worksheets are streamed cell by cell, so their total size is not limited.
//!
//! The same pass reads which sheet the workbook shows when opened (its active
//! sheet): `activeTab` in an `.xlsx` workbook part, `ActiveTable` in an `.ods`
//! settings part.

use crate::diagnostic::{Code, Diagnostic, Text};
use std::io::Read;
use std::path::Path;

/// The largest part calamine may read whole (shared strings, styles, an `.ods` sheet).
pub const MAX_WHOLE_PART: u64 = 256 << 20;
/// The longest stretch of an XML part between two `<`.
pub const MAX_SEGMENT: u64 = 1 << 20;

/// The cells of a sheet the library will hold at once (rows × columns of
/// the used range, in an `.xls`; every sheet's, repeats expanded, in an
/// `.ods`): far above any statistics table, far below what would exhaust
/// memory.
pub const MAX_CELLS: u64 = 5_000_000;

mod compound {
    //! `.xls` files are compound files (OLE2/CFB): sectors linked into chains
    //! by a table (the FAT). calamine follows a chain until it ends, so a
    //! damaged table whose chain loops makes it allocate without end (found by
    //! fuzzing: a 4 KB file took 24 GB). The table is checked first: every
    //! chain must end within the file's sectors.

    use crate::diagnostic::Diagnostic;
    use std::io::{Read, Seek, SeekFrom};

    const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    /// Sector numbers from here on mark a chain's end or a special sector.
    const SPECIAL: u32 = 0xFFFF_FFFA;

    pub fn is_compound(mut file: &std::fs::File) -> bool {
        let mut head = [0u8; 8];
        let found = file.read_exact(&mut head).is_ok() && head == SIGNATURE;
        let _ = file.seek(SeekFrom::Start(0));
        found
    }

    pub fn check(mut file: std::fs::File, shown: &str) -> Result<(), Diagnostic> {
        let damaged = |why: &str| super::damaged(shown, Some(why));
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut header = [0u8; 512];
        file.read_exact(&mut header)
            .map_err(|_| damaged("header too short"))?;
        let u32_at =
            |b: &[u8], at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        let sector_size: u64 = match u16::from_le_bytes([header[0x1E], header[0x1F]]) {
            9 => 512,
            12 => 4096,
            _ => return Err(damaged("sector size")),
        };
        let sectors = len.saturating_sub(512) / sector_size;
        let read_sector = |file: &mut std::fs::File, id: u32| -> Option<Vec<u8>> {
            if u64::from(id) >= sectors {
                return None;
            }
            let mut buf = vec![0u8; sector_size as usize];
            file.seek(SeekFrom::Start(512 + u64::from(id) * sector_size))
                .ok()?;
            file.read_exact(&mut buf).ok()?;
            Some(buf)
        };
        // The FAT's own sectors: 109 listed in the header, the rest in a
        // DIFAT chain of at most as many sectors as the file has.
        let mut fat_sectors: Vec<u32> = (0..109).map(|i| u32_at(&header, 0x4C + 4 * i)).collect();
        let mut difat = u32_at(&header, 0x44);
        let mut steps = 0u64;
        while difat < SPECIAL {
            steps += 1;
            if steps > sectors {
                return Err(damaged("DIFAT chain loops"));
            }
            let sector = read_sector(&mut file, difat).ok_or_else(|| damaged("DIFAT sector"))?;
            let entries = sector.len() / 4;
            fat_sectors.extend((0..entries - 1).map(|i| u32_at(&sector, 4 * i)));
            difat = u32_at(&sector, 4 * (entries - 1));
        }
        let mut fat: Vec<u32> = Vec::new();
        for id in fat_sectors.into_iter().filter(|&id| id < SPECIAL) {
            if fat.len() as u64 > sectors {
                break;
            }
            let sector = read_sector(&mut file, id).ok_or_else(|| damaged("FAT sector"))?;
            fat.extend((0..sector.len() / 4).map(|i| u32_at(&sector, 4 * i)));
        }
        // Every chain ends: following the table from any sector reaches an
        // end mark without meeting a sector twice.
        let mut state = vec![0u8; fat.len()]; // 0 unseen, 1 on the path, 2 ends
        for start in 0..fat.len() {
            let mut path = Vec::new();
            let mut at = start;
            loop {
                match state[at] {
                    2 => break,
                    1 => return Err(damaged("a sector chain loops")),
                    _ => {}
                }
                state[at] = 1;
                path.push(at);
                let next = fat[at];
                if next >= SPECIAL || next as usize >= fat.len() {
                    break;
                }
                at = next as usize;
            }
            for p in path {
                state[p] = 2;
            }
        }
        // A chain as bytes: at most as many sectors as the table has (the
        // chains end, so this bounds them).
        let chain = |file: &mut std::fs::File, start: u32, len: u64| -> Option<Vec<u8>> {
            // At most 64 MiB of a chain is read: enough for any check here.
            let len = len.min(64 << 20);
            let mut out = Vec::new();
            let mut at = start;
            while at < SPECIAL && (out.len() as u64) < len {
                out.extend(read_sector(file, at)?);
                at = *fat.get(at as usize)?;
            }
            out.truncate(len.min(out.len() as u64) as usize);
            Some(out)
        };
        let directory = chain(&mut file, u32_at(&header, 0x30), u64::MAX)
            .ok_or_else(|| damaged("directory"))?;
        let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
        let Some(root) = entries.first() else {
            return Err(damaged("directory"));
        };
        let size_of = |e: &[u8]| u64::from(u32_at(e, 120));
        let name_of = |e: &[u8]| {
            let units: Vec<u16> = e[..64]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|&u| u != 0)
                .collect();
            String::from_utf16_lossy(&units)
        };
        let Some(book) = entries.iter().find(|e| {
            matches!(
                name_of(e).as_str(),
                "Workbook" | "Book" | "WORKBOOK" | "BOOK"
            )
        }) else {
            return Ok(()); // not a workbook: calamine says so
        };
        let cutoff = u64::from(u32_at(&header, 0x38));
        let stream = if size_of(book) < cutoff {
            // In the mini stream: 64-byte sectors chained by the mini table.
            let mini = chain(&mut file, u32_at(root, 116), size_of(root))
                .ok_or_else(|| damaged("mini stream"))?;
            let table = chain(
                &mut file,
                u32_at(&header, 0x3C),
                u64::from(u32_at(&header, 0x40)) * sector_size,
            )
            .ok_or_else(|| damaged("mini table"))?;
            let table: Vec<u32> = table.chunks_exact(4).map(|c| u32_at(c, 0)).collect();
            let mut out = Vec::new();
            let mut at = u32_at(book, 116);
            let mut steps = 0;
            while at < SPECIAL && (out.len() as u64) < size_of(book) {
                steps += 1;
                let from = at as usize * 64;
                let piece = mini
                    .get(from..from + 64)
                    .ok_or_else(|| damaged("mini sector"))?;
                out.extend_from_slice(piece);
                at = *table
                    .get(at as usize)
                    .ok_or_else(|| damaged("mini table"))?;
                if steps > table.len() {
                    return Err(damaged("a mini sector chain loops"));
                }
            }
            out
        } else {
            chain(&mut file, u32_at(book, 116), size_of(book))
                .ok_or_else(|| damaged("workbook stream"))?
        };
        biff_extents(&stream).map_err(damaged)
    }

    use super::MAX_CELLS;

    /// Every sheet's used range, from its cell records, must be a range an
    /// `.xls` can hold (256 columns) and at most [`MAX_CELLS`] cells: calamine
    /// makes the whole range at once (a 5 KB file found by fuzzing asked for
    /// 42 GB).
    fn biff_extents(stream: &[u8]) -> Result<(), &'static str> {
        let mut at = 0;
        let mut extent: Option<(u32, u32, u32, u32)> = None;
        let check = |extent: Option<(u32, u32, u32, u32)>| match extent {
            Some((r0, r1, c0, c1))
                if u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1) > MAX_CELLS =>
            {
                Err("a sheet's used range is too large")
            }
            _ => Ok(()),
        };
        while at + 4 <= stream.len() {
            let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
            let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
            let data = stream.get(at + 4..at + 4 + len).unwrap_or(&[]);
            at += 4 + len;
            let u16_at = |i: usize| {
                data.get(i..i + 2)
                    .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
            };
            let cells: Option<(u32, u32, u32)> = match kind {
                // NUMBER, RK, LABEL, LABELSST, BLANK, BOOLERR, FORMULA, RSTRING
                0x0203 | 0x027E | 0x0204 | 0x00FD | 0x0201 | 0x0205 | 0x0006 | 0x00D6 => {
                    u16_at(0).zip(u16_at(2)).map(|(r, c)| (r, c, c))
                }
                // MULRK, MULBLANK: row, first column, …, last column.
                0x00BD | 0x00BE if len >= 6 => u16_at(0)
                    .zip(u16_at(2))
                    .zip(u16_at(len - 2))
                    .map(|((r, c0), c1)| (r, c0.min(c1), c0.max(c1))),
                // DIMENSIONS: the range the sheet declares, which calamine
                // reserves at once (a fuzzed file declared 491 GB).
                0x0200 => {
                    let (r0, r1, c0, c1) = if data.len() >= 14 {
                        let u32_at = |i: usize| {
                            u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]])
                        };
                        (
                            u32_at(0),
                            u32_at(4),
                            u16_at(8).unwrap_or(0),
                            u16_at(10).unwrap_or(0),
                        )
                    } else {
                        (
                            u16_at(0).unwrap_or(0),
                            u16_at(2).unwrap_or(0),
                            u16_at(4).unwrap_or(0),
                            u16_at(6).unwrap_or(0),
                        )
                    };
                    let cells = (u64::from(r1.saturating_sub(r0)) + 1)
                        * (u64::from(c1.saturating_sub(c0)) + 1);
                    if cells > MAX_CELLS {
                        return Err("a sheet declares a range too large");
                    }
                    None
                }
                // BOF: a new sheet.
                0x0809 => {
                    check(extent)?;
                    extent = None;
                    None
                }
                _ => None,
            };
            if let Some((row, c0, c1)) = cells {
                if c1 > 255 {
                    return Err("a cell beyond the 256 columns of an .xls");
                }
                extent = Some(match extent {
                    None => (row, row, c0, c1),
                    Some((r0, r1, a, b)) => (r0.min(row), r1.max(row), a.min(c0), b.max(c1)),
                });
            }
        }
        check(extent)
    }
}

/// A workbook that cannot be read because it is damaged (S012); `why` is the
/// structural detail found, if any.
pub fn damaged(file: &str, why: Option<&str>) -> Diagnostic {
    let detail = why.map(|w| format!("（{w}）")).unwrap_or_default();
    let detail_en = why.map(|w| format!(" ({w})")).unwrap_or_default();
    Diagnostic::error(
        Code::S012,
        file,
        Text::new(
            format!("工作簿已损坏，无法读取{detail}"),
            format!("the workbook is damaged and cannot be read{detail_en}"),
        ),
    )
    .with_hint(Text::new(
        "请在 Excel/WPS 中打开并另存，或另存为 CSV",
        "open it in Excel or WPS and save it again, or save it as CSV",
    ))
}

/// The sheet a workbook opens on, as it says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Active {
    /// The position among the workbook's sheets (`.xlsx` `activeTab`).
    Index(usize),
    /// The sheet's name (`.ods` `ActiveTable`).
    Name(String),
}

/// Checks the package at `path` (when it is a zip package) and returns the
/// active sheet it names, if any. Files that are not zip packages (`.xls`)
/// are left to calamine: it reads them whole, and their size on disk is the
/// bound.
pub fn check(path: &Path, file: &str) -> Result<Option<Active>, Diagnostic> {
    let Ok(handle) = std::fs::File::open(path) else {
        return Ok(None); // calamine reports it
    };
    if compound::is_compound(&handle) {
        return compound::check(handle, file).map(|()| None);
    }
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(handle)) else {
        return Ok(None); // not a zip package: calamine names what it is
    };
    let mut active = None;
    let mut buffer = vec![0u8; 64 << 10];
    for index in 0..archive.len() {
        let Ok(mut part) = archive.by_index(index) else {
            return Ok(None); // calamine reports the broken package
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        let xml = lower.ends_with(".xml") || lower.ends_with(".rels");
        let streamed = is_worksheet(&lower);
        let keep = lower == "xl/workbook.xml" || lower == "settings.xml";
        let mut kept = Vec::new();
        let mut total: u64 = 0;
        let mut segment: u64 = 0;
        loop {
            let n = match part.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => n,
                Err(_) => return Ok(None), // calamine reports the broken part
            };
            total += n as u64;
            let chunk = &buffer[..n];
            if xml {
                // The stretch since the last `<`, carried over from chunk to chunk.
                let mut start = 0;
                for at in memchr::memchr_iter(b'<', chunk) {
                    if segment + (at - start) as u64 > MAX_SEGMENT {
                        return Err(too_large(file, &name, Limit::Segment));
                    }
                    segment = 0;
                    start = at + 1;
                }
                segment += (n - start) as u64;
                if segment > MAX_SEGMENT {
                    return Err(too_large(file, &name, Limit::Segment));
                }
            }
            if !streamed && total > MAX_WHOLE_PART {
                return Err(too_large(file, &name, Limit::Whole));
            }
            if keep {
                kept.extend_from_slice(chunk);
            }
        }
        if keep {
            active = active.or_else(|| active_sheet(&lower, &kept));
        }
    }
    // An .ods: the cells its repeats expand to, counted before calamine
    // makes them (a 902-byte file asked for 15 GB).
    if archive.index_for_name("xl/workbook.xml").is_none()
        && let Ok(content) = archive.by_name("content.xml")
    {
        let cells = super::ods::extent(std::io::BufReader::new(content), MAX_CELLS);
        if cells > MAX_CELLS {
            return Err(Diagnostic::error(
                Code::S012,
                file,
                Text::new(
                    format!(
                        "工作簿的重复行列展开后有 {cells} 个以上单元格（超过 {MAX_CELLS} 个），不像是统计表：未读取"
                    ),
                    format!(
                        "the workbook's repeated rows and columns expand to {cells} cells or more (over {MAX_CELLS}), which no statistics table has: not read"
                    ),
                ),
            )
            .with_hint(Text::new(
                "请在 LibreOffice/WPS 中删去多余的行列后另存，或另存为 CSV",
                "delete the surplus rows and columns in LibreOffice or WPS and save it again, or save it as CSV",
            )));
        }
    }
    Ok(active)
}

/// A worksheet part, read by calamine as a stream (`.xlsx`; `.xlsb` binary
/// sheets too). An `.ods` keeps every sheet in `content.xml`, read whole.
fn is_worksheet(lower: &str) -> bool {
    lower.starts_with("xl/worksheets/") && !lower.contains("_rels")
}

enum Limit {
    Segment,
    Whole,
}

fn too_large(file: &str, part: &str, limit: Limit) -> Diagnostic {
    let (zh, en) = match limit {
        Limit::Segment => (
            format!(
                "工作簿的部件 {part} 中有超过 {} MB 的单个单元格或标记，不像是统计表：未读取",
                MAX_SEGMENT >> 20
            ),
            format!(
                "the workbook's part {part} holds a single cell or tag of more than {} MB, which no statistics table has: not read",
                MAX_SEGMENT >> 20
            ),
        ),
        Limit::Whole => (
            format!(
                "工作簿的部件 {part} 解压后超过 {} MB，不像是统计表：未读取",
                MAX_WHOLE_PART >> 20
            ),
            format!(
                "the workbook's part {part} inflates to more than {} MB, which no statistics table needs: not read",
                MAX_WHOLE_PART >> 20
            ),
        ),
    };
    Diagnostic::error(Code::S012, file, Text::new(zh, en)).with_hint(Text::new(
        "请在 Excel/WPS 中打开、检查后另存，或另存为 CSV",
        "open and check it in Excel or WPS and save it again, or save it as CSV",
    ))
}

/// The active sheet a workbook or settings part names.
fn active_sheet(lower: &str, xml: &[u8]) -> Option<Active> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    // In settings.xml: the text of <config:config-item config:name="ActiveTable">.
    let mut in_active_table = false;
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Eof => return None,
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                if lower == "xl/workbook.xml" && local.as_ref() == "workbookView" {
                    let tab = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "activeTab")
                        .and_then(|a| a.value.trim().parse().ok())
                        .unwrap_or(0);
                    return Some(Active::Index(tab));
                }
                in_active_table = local.as_ref() == "config-item"
                    && e.attributes()
                        .flatten()
                        .any(|a| a.key.local_name().as_ref() == "name" && a.value == "ActiveTable");
            }
            Event::Text(t) if in_active_table => {
                let name = t.xml10_content();
                return Some(Active::Name(name.trim().to_owned()));
            }
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_active_tab_of_an_xlsx_workbook() {
        let xml = br#"<workbook xmlns="x"><bookViews><workbookView xWindow="0" activeTab="2"/></bookViews></workbook>"#;
        assert_eq!(active_sheet("xl/workbook.xml", xml), Some(Active::Index(2)));
        let xml = br#"<workbook><bookViews><workbookView xWindow="0"/></bookViews></workbook>"#;
        assert_eq!(active_sheet("xl/workbook.xml", xml), Some(Active::Index(0)));
    }

    #[test]
    fn reads_the_active_table_of_an_ods_file() {
        let xml = br#"<office:document-settings xmlns:config="c" xmlns:office="o"><config:config-item config:name="ViewId" config:type="string">view1</config:config-item><config:config-item config:name="ActiveTable" config:type="string">2024</config:config-item></office:document-settings>"#;
        assert_eq!(
            active_sheet("settings.xml", xml),
            Some(Active::Name("2024".to_owned()))
        );
    }
}
