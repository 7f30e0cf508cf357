//! A PDF page's glyphs and ruling lines back into text and tables: pure
//! geometry, no I/O, tested on pages built in the tests.
//!
//! A table drawn with rules (as Word, WPS, LibreOffice and browsers print
//! one) is rebuilt from them: the rules that touch one another form a table;
//! their distinct heights and positions cut it into rows and columns; where a
//! rule is missing between two cells they are one merged cell, whose text is
//! repeated into every cell it covers (as the other readers do), so a 类别
//! merged down or a note across the table reads as printed. Each glyph goes to
//! the cell its centre falls in; the lines of a wrapped cell are joined.
//!
//! Text outside the tables is read line by line, a wide gap between words as
//! a tab, so a table printed without rules is read by the text reader as a
//! tab-separated table. A table that runs on over a page break is joined with
//! the next page's, its repeated header row dropped; page numbers (“— 3 —”,
//! “- 3 -”) are dropped.

use crate::import::Block;

/// One glyph: its left edge and baseline in points from the page's top-left,
/// its advance width and font size.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size: f64,
    pub text: String,
}

/// A horizontal or vertical ruling line, `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// Lines shorter than this are no rule (a dash, a tick).
const MIN_RULE: f64 = 2.0;
/// A filled rectangle thinner than this is a rule (Word draws borders so).
const THIN: f64 = 2.5;
/// Positions closer than this are one.
const SNAP: f64 = 1.5;

impl Rule {
    pub fn horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < 0.01
    }

    /// The rule along a line segment, when it is horizontal or vertical.
    pub fn between(a: (f64, f64), b: (f64, f64)) -> Option<Rule> {
        let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        if dy < 0.5 && dx >= MIN_RULE {
            let y = (a.1 + b.1) / 2.0;
            Some(Rule {
                x0: a.0.min(b.0),
                y0: y,
                x1: a.0.max(b.0),
                y1: y,
            })
        } else if dx < 0.5 && dy >= MIN_RULE {
            let x = (a.0 + b.0) / 2.0;
            Some(Rule {
                x0: x,
                y0: a.1.min(b.1),
                x1: x,
                y1: a.1.max(b.1),
            })
        } else {
            None
        }
    }

    /// The rules of a rectangle with corners `a` and `b`: a stroked one its
    /// four sides; a filled one only when thin (a border), never a shaded
    /// cell's background.
    pub fn of_rect(a: (f64, f64), b: (f64, f64), filled: bool) -> Vec<Rule> {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        let (w, h) = (x1 - x0, y1 - y0);
        if filled {
            if h < THIN && w >= MIN_RULE {
                let y = (y0 + y1) / 2.0;
                return vec![Rule {
                    x0,
                    y0: y,
                    x1,
                    y1: y,
                }];
            }
            if w < THIN && h >= MIN_RULE {
                let x = (x0 + x1) / 2.0;
                return vec![Rule {
                    x0: x,
                    y0,
                    x1: x,
                    y1,
                }];
            }
            return Vec::new();
        }
        [
            ((x0, y0), (x1, y0)),
            ((x0, y1), (x1, y1)),
            ((x0, y0), (x0, y1)),
            ((x1, y0), (x1, y1)),
        ]
        .into_iter()
        .filter_map(|(p, q)| Rule::between(p, q))
        .collect()
    }

    fn touches(&self, other: &Rule) -> bool {
        self.x0 <= other.x1 + SNAP
            && other.x0 <= self.x1 + SNAP
            && self.y0 <= other.y1 + SNAP
            && other.y0 <= self.y1 + SNAP
    }
}

/// A page: its size, glyphs and rules.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// A row or column thinner than this, in points, holds no text.
const MIN_BAND: f64 = 4.0;

/// More rules than this on a page are a drawing, not a table's borders.
const MAX_RULES: usize = 20_000;

/// What a page holds, top to bottom.
enum Item {
    Line(String),
    Table(Grid),
}

/// A table's rows, and which of its columns have no rule at its top or its
/// bottom edge: a cell merged down over a page break continues there.
struct Grid {
    rows: Vec<Vec<String>>,
    open_top: Vec<bool>,
    open_bottom: Vec<bool>,
}

/// The document's blocks, in reading order.
pub fn blocks(pages: &[Page]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // The columns of the last table left open at the bottom of its page.
    let mut open_bottom: Vec<bool> = Vec::new();
    for page in pages {
        let mut first = true;
        let mut text = String::new();
        for (_, item) in items(page) {
            match item {
                Item::Line(line) => {
                    text.push_str(&line);
                    text.push('\n');
                    first = false;
                }
                Item::Table(grid) => {
                    flush(&mut text, &mut out);
                    // A table that opens the page continues the one that
                    // closed the last, when it has its columns.
                    let continues = first
                        && matches!(out.last(), Some(Block::Table(prev))
                            if prev.first().map(Vec::len) == grid.rows.first().map(Vec::len));
                    if continues && let Some(Block::Table(prev)) = out.last_mut() {
                        continue_table(prev, grid.rows, &open_bottom, &grid.open_top);
                    } else {
                        out.push(Block::Table(grid.rows));
                    }
                    open_bottom = grid.open_bottom;
                    first = false;
                }
            }
        }
        flush(&mut text, &mut out);
    }
    out
}

/// The rows of a table continued on the next page joined to it: a repeated
/// header row dropped; a cell merged down over the break (no rule under it
/// on the first page, none over it on the next) is one cell again, its text
/// from both pages in both rows, as the other readers repeat a merged cell.
fn continue_table(
    prev: &mut Vec<Vec<String>>,
    rows: Vec<Vec<String>>,
    open_bottom: &[bool],
    open_top: &[bool],
) {
    let repeated = prev.first() == rows.first();
    let mut rows = rows.into_iter().skip(usize::from(repeated)).peekable();
    // A row broken over the page (its cells mostly empty on the next): the
    // rest of the row above, put back into it.
    if let (Some(last), Some(next)) = (prev.last_mut(), rows.peek())
        && next.iter().filter(|c| !c.is_empty()).count() * 2 <= next.len()
    {
        for (above, below) in last.iter_mut().zip(next) {
            if !below.is_empty() {
                if !above.is_empty() {
                    above.push('\n');
                }
                above.push_str(below);
            }
        }
        rows.next();
    }
    if let (Some(last), Some(next)) = (prev.last_mut(), rows.peek_mut()) {
        for (c, (above, below)) in last.iter_mut().zip(next.iter_mut()).enumerate() {
            let merged = open_bottom.get(c).copied().unwrap_or(false)
                && open_top.get(c).copied().unwrap_or(false);
            // Some writers close every cell at the page's foot: an empty
            // cell under words (a 类别 or a heading merged down, never a
            // figure) is that cell going on.
            if !merged {
                let words = above.chars().any(|ch| matches!(ch as u32, 0x4E00..=0x9FFF));
                if below.is_empty() && words {
                    below.clone_from(above);
                }
                continue;
            }
            let whole = match (above.is_empty(), below.is_empty()) {
                (false, false) => format!("{above}\n{below}"),
                (false, true) => above.clone(),
                _ => below.clone(),
            };
            above.clone_from(&whole);
            *below = whole;
        }
    }
    prev.extend(rows);
}

/// Text lines gathered so far, read as the text reader reads a `.txt` (a
/// tab-separated table in them is found there).
fn flush(text: &mut String, out: &mut Vec<Block>) {
    if !text.trim().is_empty() {
        out.extend(crate::import::text::read(text));
    }
    text.clear();
}

/// The page's lines and tables, by their top.
fn items(page: &Page) -> Vec<(f64, Item)> {
    let tables = if page.rules.len() <= MAX_RULES {
        tables(&page.rules)
    } else {
        Vec::new()
    };
    let mut inside: Vec<Vec<&Glyph>> = vec![Vec::new(); tables.len()];
    let mut outside: Vec<&Glyph> = Vec::new();
    for g in &page.glyphs {
        let (cx, cy) = centre(g);
        match tables.iter().position(|t| t.contains(cx, cy)) {
            Some(i) => inside[i].push(g),
            None => outside.push(g),
        }
    }
    let mut items: Vec<(f64, Item)> = paragraphs(lines(&outside))
        .into_iter()
        .filter(|(_, l)| !is_page_number(l))
        .map(|(y, l)| (y, Item::Line(l)))
        .collect();
    for (t, glyphs) in tables.iter().zip(inside) {
        let grid = t.rows(&glyphs);
        if grid.rows.iter().any(|r| r.iter().any(|c| !c.is_empty())) {
            items.push((t.ys[0], Item::Table(grid)));
        }
    }
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    items
}

/// Where a glyph sits: the middle of its advance, a third of its size above
/// the baseline.
fn centre(g: &Glyph) -> (f64, f64) {
    (g.x + g.width / 2.0, g.y - g.size * 0.35)
}

/// A line of text: its top, left and right edges, font size and text.
struct Line {
    top: f64,
    left: f64,
    right: f64,
    size: f64,
    text: String,
}

/// Glyphs into lines of text, top to bottom: a gap wider than a character
/// between two words is a tab (a column of a table without rules), a smaller
/// one between two Latin letters or digits a space.
fn lines(glyphs: &[&Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<(f64, f64, Vec<&Glyph>)> = Vec::new();
    for g in sorted {
        match rows.last_mut() {
            Some((y, size, row)) if (g.y - *y).abs() < size.max(g.size) * 0.45 => row.push(g),
            _ => rows.push((g.y, g.size, vec![g])),
        }
    }
    rows.into_iter()
        .map(|(y, size, mut row)| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let right = row.iter().map(|g| g.x + g.width).fold(f64::MIN, f64::max);
            Line {
                top: y - size,
                left: row[0].x,
                right,
                size,
                text: join(&row, true),
            }
        })
        .collect()
}

/// Lines into paragraphs: a line that runs to the right edge of the text
/// goes on in the next one, unless that one is indented, starts a list
/// (①, （1）, 注：) or is far below; a line holding a tab (a table's row)
/// stands alone.
fn paragraphs(lines: Vec<Line>) -> Vec<(f64, String)> {
    let edge = lines.iter().map(|l| l.right).fold(f64::MIN, f64::max);
    let mut out: Vec<(f64, String)> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in &lines {
        let goes_on = previous.is_some_and(|p| {
            p.right >= edge - 2.0 * p.size
                && line.left <= p.left + p.size * 0.5
                && line.top - p.top < p.size * 2.5
                && !p.text.contains('\t')
                && !line.text.contains('\t')
                && !starts_item(&line.text)
        });
        match out.last_mut() {
            Some((_, text)) if goes_on => text.push_str(&line.text),
            _ => out.push((line.top, line.text.clone())),
        }
        previous = Some(line);
    }
    out
}

/// Whether a line opens an item of its own: ①, （1）, 1., 一、, 注：.
fn starts_item(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    matches!(
        first,
        '\u{2460}'..='\u{2473}' | '（' | '(' | '•' | '·' | '-' | '—'
    ) || text.trim_start().starts_with("注")
        || (first.is_ascii_digit() && matches!(second, '.' | '、' | '．'))
        || ("一二三四五六七八九十".contains(first) && second == '、')
}

/// The glyphs of one line as text; `tabs`: a wide gap is a tab.
fn join(row: &[&Glyph], tabs: bool) -> String {
    let mut text = String::new();
    let mut end: Option<f64> = None;
    let mut last = ' ';
    for g in row {
        if let Some(end) = end {
            let gap = g.x - end;
            let first = g.text.chars().next().unwrap_or(' ');
            if tabs && gap > g.size * 1.5 {
                text.push('\t');
            } else if gap > g.size * 0.2
                && (last.is_ascii_alphanumeric() || first.is_ascii_alphanumeric())
            {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        last = g.text.chars().next_back().unwrap_or(' ');
        end = Some(g.x + g.width);
    }
    text
}

/// “— 3 —”, “- 3 -”, “3”, “第 3 页”: a page number, not the document's text.
fn is_page_number(line: &str) -> bool {
    let core: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '–' | '－' | '第' | '页'))
        .collect();
    !core.is_empty() && core.len() <= 3 && core.chars().all(|c| c.is_ascii_digit())
}

/// A table found in the rules: its row and column lines, and the rules that
/// tell which neighbouring cells are one.
struct Table {
    ys: Vec<f64>,
    xs: Vec<f64>,
    horizontal: Vec<Rule>,
    vertical: Vec<Rule>,
}

/// The tables the page's rules draw: rules that touch one another, with at
/// least two rows and two columns between them.
fn tables(rules: &[Rule]) -> Vec<Table> {
    // Rules into groups that touch (union-find).
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..rules.len() {
        for j in i + 1..rules.len() {
            if rules[i].touches(&rules[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                if a != b {
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Rule>)> = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(*rule),
            None => groups.push((r, vec![*rule])),
        }
    }
    groups
        .into_iter()
        .filter_map(|(_, members)| {
            let (horizontal, vertical): (Vec<Rule>, Vec<Rule>) =
                members.into_iter().partition(Rule::horizontal);
            let ys = snap(horizontal.iter().map(|r| r.y0));
            let xs = snap(vertical.iter().map(|r| r.x0));
            (ys.len() >= 2 && xs.len() >= 2).then_some(Table {
                ys,
                xs,
                horizontal,
                vertical,
            })
        })
        .collect()
}

/// Distinct positions, sorted, those within [`SNAP`] of each other as one.
fn snap(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in v {
        match out.last() {
            Some(&last) if x - last < SNAP => {}
            _ => out.push(x),
        }
    }
    out
}

impl Table {
    fn contains(&self, x: f64, y: f64) -> bool {
        let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) = (
            self.xs.first(),
            self.xs.last(),
            self.ys.first(),
            self.ys.last(),
        ) else {
            return false;
        };
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }

    /// Whether a horizontal rule at `y` crosses `x`.
    fn h_at(&self, y: f64, x: f64) -> bool {
        self.horizontal
            .iter()
            .any(|r| (r.y0 - y).abs() < SNAP && r.x0 - SNAP <= x && x <= r.x1 + SNAP)
    }

    /// Whether a vertical rule at `x` crosses `y`.
    fn v_at(&self, x: f64, y: f64) -> bool {
        self.vertical
            .iter()
            .any(|r| (r.x0 - x).abs() < SNAP && r.y0 - SNAP <= y && y <= r.y1 + SNAP)
    }

    /// The rows of cell texts, a merged cell's text in every cell it covers.
    fn rows(&self, glyphs: &[&Glyph]) -> Grid {
        let (nr, nc) = (self.ys.len() - 1, self.xs.len() - 1);
        let index = |r: usize, c: usize| r * nc + c;
        let mut parent: Vec<usize> = (0..nr * nc).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
            let (a, b) = (root(parent, a), root(parent, b));
            if a != b {
                parent[b.max(a)] = a.min(b);
            }
        };
        for r in 0..nr {
            let ym = (self.ys[r] + self.ys[r + 1]) / 2.0;
            for c in 0..nc {
                let xm = (self.xs[c] + self.xs[c + 1]) / 2.0;
                if c + 1 < nc && !self.v_at(self.xs[c + 1], ym) {
                    union(&mut parent, index(r, c), index(r, c + 1));
                }
                if r + 1 < nr && !self.h_at(self.ys[r + 1], xm) {
                    union(&mut parent, index(r, c), index(r + 1, c));
                }
            }
        }
        // Each glyph to its cell's group.
        let band = |edges: &[f64], v: f64| -> Option<usize> {
            edges.windows(2).position(|w| v >= w[0] && v <= w[1])
        };
        let mut members: Vec<Vec<&Glyph>> = vec![Vec::new(); nr * nc];
        for g in glyphs {
            let (cx, cy) = centre(g);
            if let (Some(r), Some(c)) = (band(&self.ys, cy), band(&self.xs, cx)) {
                let group = root(&mut parent, index(r, c));
                members[group].push(g);
            }
        }
        let texts: Vec<String> = members
            .iter()
            .map(|glyphs| {
                lines(glyphs)
                    .into_iter()
                    .map(|l| l.text.replace('\t', " "))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        // Bands too thin for a line of text (between the two rules of a
        // double border, a web page's cell spacing) hold no row or column.
        let rows: Vec<usize> = (0..nr)
            .filter(|&r| self.ys[r + 1] - self.ys[r] >= MIN_BAND)
            .collect();
        let cols: Vec<usize> = (0..nc)
            .filter(|&c| self.xs[c + 1] - self.xs[c] >= MIN_BAND)
            .collect();
        let middle = |c: usize| (self.xs[c] + self.xs[c + 1]) / 2.0;
        let (top, bottom) = (self.ys[0], self.ys[nr]);
        Grid {
            rows: rows
                .iter()
                .map(|&r| -> Vec<String> {
                    cols.iter()
                        .map(|&c| texts[root(&mut parent, index(r, c))].clone())
                        .collect()
                })
                .filter(|row| row.iter().any(|c| !c.trim().is_empty()))
                .collect(),
            open_top: cols.iter().map(|&c| !self.h_at(top, middle(c))).collect(),
            open_bottom: cols
                .iter()
                .map(|&c| !self.h_at(bottom, middle(c)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
