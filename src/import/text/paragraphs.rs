//! Tables in text copied from a web page, where each cell comes as a
//! paragraph of its own (a blank line between cells) or each row as a
//! paragraph of one line a cell: found by their header, read against the
//! header's number of columns, with category rows, stacked 其中 lines and
//! cells broken over two paragraphs put back (`paragraphs/mended.rs`).

mod header;
mod mended;

use header::{header_like, header_run, with_years_under, without_group_cells};
use mended::{overflow, rejoined, underflow, unfinished};

/// A table found in text copied from a web page: its lines `start..end`
/// and its rows, the header first.
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) rows: Vec<Vec<String>>,
}

/// A paragraph: lines with no blank line between them, from `start`.
struct Paragraph<'a> {
    start: usize,
    end: usize,
    lines: Vec<&'a str>,
}

impl Paragraph<'_> {
    /// The paragraph as one cell: its lines joined (a cell broken over lines).
    fn cell(&self) -> String {
        super::super::clean(&self.lines.join("\n"))
    }
}

fn paragraphs<'a>(lines: &[&'a str]) -> Vec<Paragraph<'a>> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        out.push(Paragraph {
            start,
            end: i,
            lines: lines[start..i].iter().map(|l| l.trim()).collect(),
        });
    }
    out
}

/// A cell that may be a unit: short (`万人`, `家`, `平方公里`), or a rate
/// (`平方米/人`, `千米/平方千米`, `%`). A name longer than six characters
/// (`城市生物多样性指数（鸟类）`) is none; a short one cannot be told from a
/// unit, and is taken for one.
fn may_be_unit(cell: &str) -> bool {
    let c = cell.trim();
    // `万吨标准煤（等价值）`: a unit and its note.
    let before_note = c.split_once(['（', '(']).map_or(c, |(head, _)| head).trim();
    before_note.chars().count() <= 6
        || c.contains(['/', '／', '%', '％', '‰', '每'])
        || c.contains("标准煤")
}

/// A cell that reads as a figure or a target (`≥5`, `〔12〕`, `-`).
fn figure_like(cell: &str) -> bool {
    let c = cell.trim();
    crate::plan::is_dash(c) || crate::plan::read_target(c).is_ok()
}

/// A section's heading: `二、重点任务`, `（一）加快…` (more than the
/// bracket: `（%）` is a unit's cell).
pub(crate) fn section_heading(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    let numeral = |c: Option<char>| c.is_some_and(|c| "一二三四五六七八九十".contains(c));
    (numeral(first) && chars.next() == Some('、'))
        || (first == Some('（')
            && numeral(line.chars().nth(1))
            && line.chars().nth(2) == Some('）')
            && line.chars().count() > 4)
}

/// The end of a table copied from a page: a note, a heading, prose.
fn ends_table(cell: &str) -> bool {
    // 注：…, 注:…, 注 1. …: the notes; 注册护士数 is a row.
    let note = cell.strip_prefix('注').is_some_and(|rest| {
        rest.is_empty() || rest.starts_with(['：', ':', ' ', '①', '1', '（', '('])
    });
    note || cell.starts_with("[...")
        || cell.starts_with('#')
        || cell.chars().count() > 60
        || section_heading(cell)
}

/// A category printed across a table as a section's heading (`一、发展水平`,
/// `二、优质资源建设`), in a table one cell a paragraph: a heading whose
/// next cells are a row, its 约束性/预期性 where the header has it (or, with
/// no 属性 column, a figure in its second or third cell). Not the end of the
/// table, which a heading followed by prose is.
fn category_cell(cell: &str, after: &[Paragraph], attribute: Option<usize>, width: usize) -> bool {
    if !section_heading(cell) || cell.chars().count() > 20 {
        return false;
    }
    let next = window(after, width);
    match attribute {
        // Where the header has it, or later on a row of stacked lines.
        Some(_) => next
            .iter()
            .position(|c| is_attribute(c))
            .is_some_and(|at| at >= 1),
        None => next.iter().skip(1).take(2).any(|c| figure_like(c)),
    }
}

/// The cells of the next row or so, up to the table's end: room for a row
/// of stacked lines (three lines of `width` cells).
fn window(paras: &[Paragraph], width: usize) -> Vec<String> {
    paras
        .iter()
        .take(3 * width)
        .map(Paragraph::cell)
        .take_while(|c| !ends_table(c))
        .collect()
}

/// A row whose cells hold stacked lines (a total and its 其中 parts, in
/// merged cells), as a page copied a cell a paragraph gives it: the names,
/// then each figure column's lines in turn, then the 属性 (`幼儿教师专科及以上
/// 学历比例(%)` / `其中:本科及以上学历比例(%)` / `97.74%` / `49.85%` / `100%` /
/// `50%` / `预期性`). Read as one row a line, the 属性 repeated; a name
/// standing over lines with no figures of its own (`义务教育标准班额比例(%)` /
/// `其中:小学` / `初中`) is a row of its own, with no figures, that the
/// lines under it belong to. Only where the 属性 ends the header and the name
/// is its one word column; `None` where the cells do not fall out evenly.
fn stacked(
    paras: &[Paragraph],
    a: usize,
    width: usize,
    figures: &[usize],
) -> Option<(Vec<Vec<String>>, usize)> {
    let columns: Vec<usize> = figures.iter().copied().filter(|&f| f < a).collect();
    if a + 1 != width || a != columns.len() + 1 || columns.is_empty() {
        return None;
    }
    let cells = window(paras, width);
    let at = cells.iter().position(|c| is_attribute(c))?;
    // A figure's cell holds few words (`80%以上`, `12.3年以上`); a numbered
    // name (`4.义务教育标准班额比例(%)`) reads as a number and a clause.
    let figure = |c: &String| {
        figure_like(c)
            && c.chars()
                .filter(|ch| ('\u{4e00}'..='\u{9fff}').contains(ch))
                .count()
                <= 3
    };
    let names = cells[..at].iter().take_while(|c| !figure(c)).count();
    let figs = &cells[names..at];
    let lines = figs.len() / columns.len();
    if lines < 2
        || !figs.len().is_multiple_of(columns.len())
        || !figs.iter().all(figure)
        || !(lines..=lines + 1).contains(&names)
    {
        return None;
    }
    let mut rows = Vec::new();
    let named = &cells[names - lines..names];
    if names > lines {
        let mut heading = vec![String::new(); width];
        heading[0] = cells[0].clone();
        rows.push(heading);
    }
    for (j, name) in named.iter().enumerate() {
        // Under a heading, 其中:小学 is one of its lines, not a part of the
        // row above.
        let name = match names > lines {
            true => ["其中：", "其中:"]
                .iter()
                .find_map(|p| name.strip_prefix(p))
                .unwrap_or(name)
                .to_owned(),
            false => name.clone(),
        };
        let mut row = vec![name];
        row.extend((0..columns.len()).map(|k| figs[k * lines + j].clone()));
        row.push(cells[at].clone());
        rows.push(row);
    }
    Some((rows, at + 1))
}

/// [`category_cell`] in a table one line a cell, a paragraph a row: a
/// paragraph of one heading, and a row after it.
fn category_row(paras: &[Paragraph], attribute: Option<usize>) -> bool {
    let [heading, next, ..] = paras else {
        return false;
    };
    heading.lines.len() == 1
        && section_heading(heading.lines[0])
        && heading.lines[0].chars().count() <= 20
        && match attribute {
            Some(_) => next.lines.iter().any(|l| is_attribute(l)),
            None => next.lines.iter().skip(1).take(2).any(|l| figure_like(l)),
        }
}

/// 约束性 or 预期性, with a footnote mark after it or not (`预期性[1]`).
fn is_attribute(cell: &str) -> bool {
    super::super::attribute_word(cell).is_some()
}

/// Tables whose cells come one paragraph each (a blank line between cells,
/// as text copied from a government page comes), or one line each with a
/// row per paragraph. Rows are read against the header's number of columns;
/// a row missing its first cells (a category or 序号 printed once for its
/// group) is found by where its 约束性/预期性 stands, and said so by the
/// table reader when it still does not fit.
pub(super) fn paragraph_tables(lines: &[&str]) -> Vec<Found> {
    let paras = paragraphs(lines);
    let mut out = Vec::new();
    let mut p = 0;
    while p < paras.len() {
        let head = &paras[p];
        // Cells starting with a tab are the extraction's own layout, read
        // line by line in [`read`].
        if lines[head.start].starts_with('\t') {
            p += 1;
            continue;
        }
        // One line a cell, a paragraph a row: a header paragraph of 3+ lines
        // (the paragraph's tail, when prose and the table's title run into
        // it with no blank line).
        let tail = head
            .lines
            .iter()
            .rposition(|l| !header_like(l))
            .map_or(0, |last_prose| last_prose + 1);
        if head.lines.len() - tail >= 3 {
            let mut header: Vec<String> = Vec::new();
            for line in &head.lines[tail..] {
                // “十四五” / 完成值: a header cell broken over two lines.
                match header.last_mut() {
                    Some(last) if ["“十三五”", "“十四五”", "“十五五”"].contains(&last.as_str()) => {
                        last.push_str(line)
                    }
                    _ => header.push((*line).to_owned()),
                }
            }
            let header = without_group_cells(header);
            if header.iter().any(|h| h.contains("指标")) {
                let numbered = header.first().is_some_and(|h| h.contains("序号"));
                let width = header.len();
                let attribute_at = header
                    .iter()
                    .position(|h| h.contains("属性") || h.contains("性质"));
                let mut rows = vec![header];
                let mut q = p + 1;
                // A paragraph that starts as the table's end, or holds a
                // section's heading in a later line, ends the table (a caption
                // printed under it runs into the next section with no blank
                // line: 闵行区公园城市“十五五”规划's “十五五”主要发展指标 /
                // 二、重点任务 / …). A cell of a row (注册护士数, （%）, a
                // long name) is no heading.
                while q < paras.len()
                    && ((!ends_table(paras[q].lines[0])
                        && !paras[q].lines[1..].iter().any(|l| section_heading(l)))
                        || category_row(&paras[q..], attribute_at))
                {
                    if category_row(&paras[q..], attribute_at) {
                        rows.push(vec![super::super::clean(paras[q].lines[0])]);
                        q += 1;
                        continue;
                    }
                    let mut row: Vec<String> = paras[q]
                        .lines
                        .iter()
                        .map(|l| super::super::clean(l))
                        .collect();
                    // 地震 / 监测 / 预报 / 预警 / 能力, then the row's cells: a
                    // category in a narrow merged cell, a few characters a
                    // line (上海市防震减灾“十四五”规划), joined into one cell
                    // when the row ends with its 属性 where the header has it.
                    if let Some(a) = attribute_at
                        && a + 1 == width
                        && row.len() > width
                        && row.last().is_some_and(|c| is_attribute(c))
                    {
                        // Three pieces or more of two characters at most:
                        // no category and name of a row with one cell too
                        // many (经济发展 / 城镇化率, a reviewer's), which the
                        // table reader says may be shifted.
                        let extra = row.len() - width + 1;
                        if extra >= 3
                            && row[..extra]
                                .iter()
                                .all(|c| c.chars().count() <= 2 && !figure_like(c))
                        {
                            let joined: String = row.drain(..extra).collect();
                            row.insert(0, joined);
                        }
                    }
                    // `1`, a blank line, then the row: the 序号 printed apart.
                    if numbered
                        && row.len() == 1
                        && row[0].chars().all(|c| c.is_ascii_digit())
                        && q + 1 < paras.len()
                        && !ends_table(paras[q + 1].lines[0])
                    {
                        q += 1;
                        row.extend(paras[q].lines.iter().map(|l| super::super::clean(l)));
                    }
                    // An empty cell printed as a blank line inside the row:
                    // the row is short of two cells after its 属性 and the
                    // next paragraph is one figure.
                    let after_attribute = attribute_at.and_then(|h| {
                        let r = row
                            .iter()
                            .position(|c| matches!(c.as_str(), "约束性" | "预期性"))?;
                        Some((width - h - 1, row.len() - r - 1))
                    });
                    if let Some((header_after, row_after)) = after_attribute
                        && row_after + 2 == header_after
                        && q + 1 < paras.len()
                        && paras[q + 1].lines.len() == 1
                        && figure_like(paras[q + 1].lines[0])
                    {
                        q += 1;
                        row.push(String::new());
                        row.push(super::super::clean(paras[q].lines[0]));
                    }
                    rows.push(row);
                    q += 1;
                }
                if rows.len() > 1 {
                    out.push(Found {
                        start: head.start,
                        end: paras[q - 1].end,
                        rows,
                    });
                    p = q;
                    continue;
                }
            }
        }
        // One paragraph a cell: a run of 3+ header cells.
        let (header, run) = header_run(&paras[p..]);
        let header = without_group_cells(with_years_under(header));
        if run >= 3 && head.lines.len() <= 2 && header.iter().any(|h| h.contains("指标")) {
            let width = header.len();
            let attribute = header
                .iter()
                .position(|h| h.contains("属性") || h.contains("性质"))
                .or_else(|| header.iter().position(|h| h.contains("类型")));
            let seq_at = header.iter().position(|h| h.contains("序号"));
            let unit_at = header.iter().position(|h| h.contains("单位"));
            // Where the name and the figures stand: a 其中 row prints only these.
            // (`松江“十五五”指标` is a figure column: a plan period names it.)
            // (Not the 属性 either where 指标类型 heads it.)
            let name_at = (0..header.len()).rev().find(|&i| {
                let h = &header[i];
                h.contains("指标")
                    && !h.contains("属性")
                    && !h.contains("性质")
                    && Some(i) != attribute
                    && !["十三五", "十四五", "十五五"].iter().any(|w| h.contains(w))
            });
            let figures: Vec<usize> = header
                .iter()
                .enumerate()
                .filter(|(_, h)| {
                    [
                        "目标",
                        "现状",
                        "基期",
                        "基准",
                        "完成",
                        "年均",
                        "累计",
                        "十三五",
                        "十四五",
                        "十五五",
                    ]
                    .iter()
                    .any(|w| h.contains(w))
                        || h.chars().filter(char::is_ascii_digit).count() == 4
                })
                .map(|(i, _)| i)
                .collect();
            let mut rows = vec![header];
            let mut q = p + run;
            // The text of the last cell found broken over two paragraphs: the
            // row below, printing the same text, breaks it the same way.
            let mut last_broken: Option<String> = None;
            while q < paras.len() {
                let cell = paras[q].cell();
                if category_cell(&cell, &paras[q + 1..], attribute, width) {
                    rows.push(vec![cell]);
                    q += 1;
                    continue;
                }
                if ends_table(&cell) {
                    break;
                }
                // A row's cells, and two more: a cell broken over two
                // paragraphs pushes the 属性 along.
                let mut ahead: Vec<String> = paras[q..]
                    .iter()
                    .take(width + 2)
                    .take_while(|para| !ends_table(&para.cell()))
                    .map(Paragraph::cell)
                    .collect();
                // Cells cut short (`微克/` / `立方米`) joined with the next,
                // within the row; `joins` where, so that the paragraphs a row
                // took are counted.
                let mut joins: Vec<usize> = Vec::new();
                let mut i = 0;
                while i + 1 < ahead.len().min(width + 1) {
                    if unfinished(&ahead[i]) && !is_attribute(&ahead[i + 1]) {
                        let next = ahead.remove(i + 1);
                        ahead[i].push_str(&next);
                        joins.push(i);
                    } else {
                        i += 1;
                    }
                }
                let paragraphs_of = |cells: usize, joins: &[usize]| {
                    cells + joins.iter().filter(|&&j| j < cells).count()
                };
                if let Some((mut row, consumed, broken)) =
                    attribute.and_then(|a| rejoined(&ahead, a, width, unit_at))
                {
                    q = (q + paragraphs_of(consumed, &joins)).min(paras.len());
                    q += overflow(&paras[q..], &mut row, seq_at);
                    rows.push(row);
                    last_broken = broken;
                    continue;
                }
                // A row with its 其中 parts stacked in merged cells, read out
                // a cell a paragraph: names, then each figure column's cells.
                if let Some(a) = attribute
                    && let Some((stacked, consumed)) = stacked(&paras[q..], a, width, &figures)
                {
                    q += consumed;
                    rows.extend(stacked);
                    continue;
                }
                // The same text broken the same way in a row that also lacks
                // a leading cell (松江区: 完成市级 / 下达目标 under a category
                // printed once): joined first, so the 属性 says what is missing.
                if let Some(text) = &last_broken
                    && let Some(i) = (0..ahead.len().saturating_sub(1))
                        .find(|&i| format!("{}{}", ahead[i], ahead[i + 1]) == *text)
                {
                    let next = ahead.remove(i + 1);
                    ahead[i].push_str(&next);
                    for j in joins.iter_mut().filter(|j| **j > i) {
                        *j -= 1;
                    }
                    joins.push(i);
                }
                ahead.truncate(width);
                // 其中 公园绿地 | 58.46 | 17.5: a part prints its name and
                // figures, the rest is its total's.
                if let Some(name_at) = name_at
                    && ahead.first().is_some_and(|c| c.starts_with("其中"))
                    && ahead.len() > figures.len()
                {
                    let mut row = vec![String::new(); width];
                    row[name_at] = ahead[0].clone();
                    // Its own unit (`其中：公园绿地` / `公顷` / `580` / `620`)
                    // and 属性 where it prints them (the unit was read as the
                    // baseline, the baseline as the target).
                    let mut used = 1;
                    if let Some(u) = unit_at
                        && ahead
                            .get(1)
                            .is_some_and(|c| !figure_like(c) && !is_attribute(c) && may_be_unit(c))
                        && ahead.len() > figures.len() + 1
                    {
                        row[u] = ahead[1].clone();
                        used = 2;
                    }
                    for (k, &f) in figures.iter().enumerate() {
                        row[f] = ahead.get(used + k).cloned().unwrap_or_default();
                    }
                    used += figures.len();
                    if let Some(a) = attribute
                        && ahead.get(used).is_some_and(|c| is_attribute(c))
                    {
                        row[a] = ahead[used].clone();
                        used += 1;
                    }
                    q = (q + paragraphs_of(used, &joins)).min(paras.len());
                    rows.push(row);
                    continue;
                }
                // A row short before its 属性 whose cell just before it cannot
                // be a unit (`城市生物多样性指数（鸟类）` / `预期性`), where the header
                // has the unit just before the 属性: the unit is the cell
                // missing, left blank (松江区绿化市容“十五五”规划: the row was
                // dropped; with a category column, the name was drafted as
                // the unit). A blank stands for it, no paragraph.
                let mut blank_unit = false;
                if let (Some(a), Some(u)) = (attribute, unit_at)
                    && u + 1 == a
                    && let Some(at) = ahead.iter().position(|c| is_attribute(c))
                    && at > 0
                    && at < a
                    && !may_be_unit(&ahead[at - 1])
                    && !figure_like(&ahead[at - 1])
                {
                    ahead.insert(at, String::new());
                    for j in joins.iter_mut().filter(|j| **j >= at) {
                        *j += 1;
                    }
                    blank_unit = true;
                }
                // Where 约束性/预期性 stands says how many leading cells the
                // row lacks.
                let missing = attribute.and_then(|a| {
                    let at = ahead.iter().position(|c| is_attribute(c))?;
                    (at < a).then(|| a - at)
                });
                let take = width - missing.unwrap_or(0);
                // Cells taken, the blank unit among them (no paragraph).
                let consumed = ahead.len().min(take).max(1);
                let mut cells = ahead.into_iter().take(take);
                let mut row = Vec::with_capacity(width);
                // In a table with nothing before the name but the 序号 (no
                // category printed once), a row still short is not missing a
                // leading cell: which figure it lacks it does not say; kept
                // short, for the table reader to say so (padded in front,
                // its name went where no name was, and the row was dropped).
                let no_category =
                    name_at.is_some_and(|n| rows[0][..n].iter().all(|h| h.contains("序号")));
                if missing.is_some() && no_category {
                    row.extend(cells.by_ref());
                } else if missing.is_some()
                    && rows[0].first().is_some_and(|h| h.contains("序号"))
                    && let Some(first) = cells.next()
                {
                    if first.chars().all(|c| c.is_ascii_digit()) {
                        row.push(first);
                        row.extend(std::iter::repeat_n(String::new(), missing.unwrap_or(0)));
                    } else {
                        row.extend(std::iter::repeat_n(String::new(), missing.unwrap_or(0)));
                        row.push(first);
                    }
                } else {
                    row.extend(std::iter::repeat_n(String::new(), missing.unwrap_or(0)));
                }
                row.extend(cells);
                // The blank unit took no paragraph; a row takes one at least.
                let taken = (paragraphs_of(consumed, &joins) - usize::from(blank_unit)).max(1);
                q = (q + taken).min(paras.len());
                q -= underflow(&paras[q..], &mut row, seq_at);
                q += overflow(&paras[q..], &mut row, seq_at);
                rows.push(row);
            }
            if rows.len() > 1 {
                out.push(Found {
                    start: head.start,
                    end: paras[q - 1].end,
                    rows,
                });
                p = q;
                continue;
            }
        }
        p += 1;
    }
    out
}
