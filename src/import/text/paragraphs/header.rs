//! A table's header as a page copied a cell a paragraph gives it: header
//! cells broken over paragraphs joined (`松江` / `“十四五”` / `现状`), or
//! read apart where the rows' width says so (`牵头部门`); years printed
//! under their columns joined to them; a group cell over its columns
//! dropped.

use super::*;

/// Words a header cell of an indicator table is made of.
const HEADER_WORDS: &[&str] = &[
    "序号", "类别", "分类", "领域", "板块", "指标", "单位", "属性", "类型", "目标", "基期", "基准",
    "现状", "完成", "规划", "年均", "累计", "备注", "一级", "二级",
];

/// A cell that belongs to a header: short, and a header word, a year or a
/// plan period in it.
pub(super) fn header_like(cell: &str) -> bool {
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
pub(super) fn header_run(paras: &[Paragraph]) -> (Vec<String>, usize) {
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
pub(super) fn with_years_under(header: Vec<String>) -> Vec<String> {
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
pub(super) fn without_group_cells(header: Vec<String>) -> Vec<String> {
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
