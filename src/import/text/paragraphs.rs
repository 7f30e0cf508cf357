//! Tables in text copied from a web page, where each cell comes as a
//! paragraph of its own (a blank line between cells) or each row as a
//! paragraph of one line a cell: found by their header, read against the
//! header's number of columns, with category rows, stacked 其中 lines and
//! cells broken over two paragraphs put back (`paragraphs/mended.rs`).

mod mended;

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

/// Words a header cell of an indicator table is made of.
const HEADER_WORDS: &[&str] = &[
    "序号", "类别", "分类", "领域", "板块", "指标", "单位", "属性", "类型", "目标", "基期", "基准",
    "现状", "完成", "规划", "年均", "累计", "备注", "一级", "二级",
];

/// A cell that belongs to a header: short, and a header word, a year or a
/// plan period in it.
fn header_like(cell: &str) -> bool {
    let c = cell.replace(['\n', ' '], "");
    // 主要指标表, 专栏1 …: the table's title, not one of its header cells;
    // “十四五”期间主要指标 too, on the line above 类别 (上海市防震减灾“十四五”
    // 规划: the caption was read as a fifth header cell and the table refused).
    // A header cell that is 主要指标 itself stays one (a reviewer's).
    let more_than = |w: &str| c.ends_with(w) && c.chars().count() > w.chars().count();
    let title = c.ends_with('表')
        || more_than("主要指标")
        || more_than("指标体系")
        || c.starts_with("专栏")
        || c.starts_with('表')
        || c.contains('、')
        || c.contains("一览");
    !title
        && c.chars().count() <= 16
        && (HEADER_WORDS.iter().any(|w| c.contains(w))
            || bracketed_year(&c)
            || ["十三五", "十四五", "十五五"].iter().any(|w| c.contains(w))
            || (c.chars().filter(char::is_ascii_digit).count() == 4 && c.contains('年')))
}

/// A header cell's piece that names no column by itself: a place or a
/// period (`松江`, `“十四五”`) the page broke from the words after it
/// (`松江` / `“十四五”` / `现状`, 松江区绿化市容“十五五”规划: the table was
/// refused, its header read as four cells), or a column the header words do
/// not know (`牵头部门`).
fn header_piece(cell: &str) -> bool {
    let c = cell.replace(['\n', ' '], "");
    let n = c.chars().count();
    (1..=8).contains(&n)
        && !c
            .chars()
            .any(|ch| ch.is_ascii_digit() || ch.is_ascii_punctuation())
        && !is_attribute(&c)
        && !figure_like(&c)
        && !ends_table(&c)
        && !names_a_column(&c)
}

/// A header cell that says what its column holds: a header word or a year.
fn names_a_column(cell: &str) -> bool {
    HEADER_WORDS.iter().any(|w| cell.contains(w))
        || (cell.chars().filter(char::is_ascii_digit).count() == 4 && cell.contains('年'))
}

/// A plan period's name (`“十五五”`).
fn names_a_period(cell: &str) -> bool {
    ["十三五", "十四五", "十五五"]
        .iter()
        .any(|w| cell.contains(w))
}

/// How [`run_of`] takes a header piece.
#[derive(Clone, Copy, PartialEq)]
enum Pieces {
    /// Joined with the pieces after it into one figure column's cell, where
    /// a plan period is among them (`松江` / `“十四五”` / `现状`).
    Joined,
    /// Each a column of its own (`牵头部门`).
    Apart,
}

/// The header cells of a table one cell a paragraph, from its first, and
/// the paragraphs they took. In a table whose rows start with their 序号, a
/// header whose pieces read joined gives rows of another width than the
/// first rows have (`1` … `2` …) is read with its pieces apart, where that
/// width fits: `2025年` / `“十五五”` / `年均增速` may be two columns or three.
fn header_run(paras: &[Paragraph]) -> (Vec<String>, usize) {
    let joined = run_of(paras, Pieces::Joined);
    let apart = run_of(paras, Pieces::Apart);
    let numbered = joined.0.first().is_some_and(|h| h.contains("序号"));
    // The rows start where the longer reading of the header ends.
    let Some(width) = numbered
        .then(|| row_width(&paras[joined.1.max(apart.1)..]))
        .flatten()
    else {
        return joined;
    };
    let width_of = |h: &[String]| without_group_cells(with_years_under(h.to_vec())).len();
    if width_of(&joined.0) == width && joined.1 == apart.1.max(joined.1) {
        joined
    } else if width_of(&apart.0) == width {
        apart
    } else {
        joined
    }
}

/// The header's cells as `pieces` says to take the pieces of one.
fn run_of(paras: &[Paragraph], pieces: Pieces) -> (Vec<String>, usize) {
    // Words of a column that is no figure's: a piece never joins them.
    let other_role = |c: &str| {
        [
            "属性", "性质", "单位", "序号", "类别", "分类", "备注", "名称",
        ]
        .iter()
        .any(|w| c.contains(w))
    };
    let mut cells: Vec<String> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let cell = paras[i].cell();
        if !cells.is_empty() && header_piece(&cell) {
            if pieces == Pieces::Apart {
                cells.push(cell);
                i += 1;
                continue;
            }
            let mut joined = cell.clone();
            let mut j = i + 1;
            // A second period, or a place just before one, opens the next
            // cell (`“十四五”` / `期末` / `“十五五”` / `目标值`: two cells, not
            // one holding both periods, the plan read as 2020–2025).
            let mut next_cell = false;
            while j < paras.len() && j < i + 4 && !names_a_column(&joined) {
                let next = paras[j].cell();
                if !(header_piece(&next) || header_like(&next)) || other_role(&next) {
                    break;
                }
                let opens_next = names_a_period(&next)
                    || (header_piece(&next)
                        && paras.get(j + 1).is_some_and(|p| names_a_period(&p.cell())));
                if names_a_period(&joined) && opens_next {
                    next_cell = true;
                    break;
                }
                joined.push_str(&next);
                j += 1;
            }
            let period_piece = paras[i..j].iter().any(|p| names_a_period(&p.cell()));
            if j > i + 1
                && period_piece
                && (names_a_column(&joined) || next_cell)
                && header_like(&joined)
            {
                cells.push(joined);
                i = j;
                continue;
            }
        }
        if !header_like(&cell) {
            break;
        }
        cells.push(cell);
        i += 1;
    }
    (cells, i)
}

/// The width of a numbered table's rows, from its first rows (`1` … `2` …
/// `3` …): the most common number of cells from one 序号 to the next (a row
/// with a cell broken over two paragraphs is longer, one printing no unit
/// shorter). `None` when the rows do not start `1`, `2`, `3`.
fn row_width(paras: &[Paragraph]) -> Option<usize> {
    if paras.first().map(Paragraph::cell).as_deref() != Some("1") {
        return None;
    }
    let mut at = vec![0];
    for n in 2..=6 {
        let from = at[at.len() - 1] + 1;
        let next = n.to_string();
        match paras[from..].iter().take(40).position(|p| p.cell() == next) {
            Some(k) => at.push(from + k),
            None => break,
        }
    }
    if at.len() < 3 {
        return None;
    }
    let gaps: Vec<usize> = at.windows(2).map(|w| w[1] - w[0]).collect();
    let count = |g: usize| gaps.iter().filter(|&&x| x == g).count();
    let most = gaps.iter().map(|&g| count(g)).max()?;
    let mut widths: Vec<usize> = gaps.iter().copied().filter(|&g| count(g) == most).collect();
    widths.dedup();
    widths.sort_unstable();
    widths.dedup();
    // Two widths as common as each other (a row with a cell broken over two
    // paragraphs beside one without): the rows do not say.
    match widths.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// A year in brackets standing alone, under its column: `（2025年）`,
/// `（2025）`.
fn bracketed_year(h: &str) -> bool {
    let inner = h
        .strip_prefix(['（', '('])
        .and_then(|h| h.strip_suffix(['）', ')']))
        .map(|h| h.trim().trim_end_matches('年'));
    inner.is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
}

/// A header printed over three rows, flattened a cell a paragraph: the
/// columns' words, then their years in brackets under them (`现状` /
/// `近期规划` / `（2025年）` / `（2030年）`, 普陀区国土空间近期规划's 专栏1):
/// each year joined to its column, in order (the table was refused, its
/// header two cells too wide). The columns are the figure columns nearest
/// before the years (`基期` / `目标` / `属性` / `（2025年）` / `（2030年）`:
/// 基期 and 目标, a 属性 spanning both rows being none); where there are
/// not as many, the header is left as it is.
fn with_years_under(header: Vec<String>) -> Vec<String> {
    // A column of a level in a year: no rate (年均增速), no year of its own.
    let figure_column = |h: &str| {
        [
            "现状", "基期", "基准", "目标", "规划", "完成", "实际", "预期",
        ]
        .iter()
        .any(|w| h.contains(w))
            && !["年均", "累计", "增速", "增长", "属性", "性质"]
                .iter()
                .any(|w| h.contains(w))
            && h.chars().filter(char::is_ascii_digit).count() < 4
    };
    // `基期` / `（2025年）` / `目标` / `（2030年）`: each cell over two
    // paragraphs, its year just after it.
    let header = {
        let mut out: Vec<String> = Vec::with_capacity(header.len());
        for (i, h) in header.iter().enumerate() {
            let in_a_run = header.get(i + 1).is_some_and(|n| bracketed_year(n))
                || (i > 0 && bracketed_year(&header[i - 1]));
            let alone = !in_a_run;
            match out.last_mut() {
                Some(last) if bracketed_year(h) && alone && figure_column(last) => last.push_str(h),
                _ => out.push(h.clone()),
            }
        }
        out
    };
    let Some(first) = header.iter().position(|h| bracketed_year(h)) else {
        return header;
    };
    let k = header[first..]
        .iter()
        .take_while(|h| bracketed_year(h))
        .count();
    let columns: Vec<usize> = (0..first).filter(|&i| figure_column(&header[i])).collect();
    if k < 2 || columns.len() < k {
        return header;
    }
    let columns = &columns[columns.len() - k..];
    let mut out = Vec::with_capacity(header.len() - k);
    for (i, h) in header.iter().enumerate() {
        if (first..first + k).contains(&i) {
            continue;
        }
        match columns.iter().position(|&c| c == i) {
            Some(n) => out.push(format!("{h}{}", header[first + n])),
            None => out.push(h.clone()),
        }
    }
    out
}

/// A header printed over two lines, flattened a cell a paragraph: a group
/// cell over the columns it spans (`“十五五”目标` over `2030年` and
/// `年均【累计】`, 普陀区“十五五”纲要's 表1) stands before them and is no
/// column of its own: dropped, so the rows fit the header (the table was
/// refused, its rows one cell short of it).
fn without_group_cells(header: Vec<String>) -> Vec<String> {
    let year = |h: &str| h.chars().filter(char::is_ascii_digit).count() == 4 && h.contains('年');
    let spanned = |h: &str| year(h) || h.contains("年均") || h.contains("累计");
    let group_word = |h: &str| {
        !year(h)
            && !spanned(h)
            && (["目标", "十五五", "十四五", "十三五", "规划"]
                .iter()
                .any(|w| h.contains(w))
                || h == "指标值")
    };
    let spans_at =
        |i: usize| header.len() > i + 1 && spanned(&header[i]) && spanned(&header[i + 1]);
    let group = |i: usize| group_word(&header[i]) && spans_at(i + 1);
    let groups: Vec<usize> = (0..header.len()).filter(|&i| group(i)).collect();
    if groups.is_empty() {
        // `指标值` before a cell spanning the header's rows (`类型`), its
        // columns after that cell (`序号` / `指标项` / `单位` / `指标值` /
        // `类型` / `现状（2025年）` / `近期规划（2030年）`, as a page flattens
        // the rows): the columns stand where the group cell stands.
        if let Some(i) = (0..header.len()).find(|&i| header[i] == "指标值")
            && let Some(j) = (i + 2..header.len()).find(|&j| spans_at(j))
            && j + 2 == header.len()
        {
            let mut out = header[..i].to_vec();
            out.extend(header[j..j + 2].iter().cloned());
            out.extend(header[i + 1..j].iter().cloned());
            return out;
        }
        return header;
    }
    header
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !groups.contains(i))
        .map(|(_, h)| h)
        .collect()
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
            let name_at = header.iter().rposition(|h| {
                h.contains("指标")
                    && !h.contains("属性")
                    && !h.contains("性质")
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
                    for (k, &f) in figures.iter().enumerate() {
                        row[f] = ahead[1 + k].clone();
                    }
                    q = (q + 1 + figures.len()).min(paras.len());
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
                let consumed = ahead.len().min(take).max(1) - usize::from(blank_unit);
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
                q = (q + paragraphs_of(consumed, &joins)).min(paras.len());
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
