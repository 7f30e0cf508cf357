//! The layout's tests, on pages built here: ruled tables, merged cells, page breaks, paragraphs.

use super::*;

/// Glyphs of `text` from `x` on the baseline `y`, 10 pt, one a character.
fn word(text: &str, x: f64, y: f64) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .map(|(i, c)| Glyph {
            x: x + 10.0 * i as f64,
            y,
            width: 10.0,
            size: 10.0,
            text: c.to_string(),
        })
        .collect()
}

fn h(y: f64, x0: f64, x1: f64) -> Rule {
    Rule {
        x0,
        y0: y,
        x1,
        y1: y,
    }
}

fn v(x: f64, y0: f64, y1: f64) -> Rule {
    Rule {
        x0: x,
        y0,
        x1: x,
        y1,
    }
}

/// A 3 × 3 grid, 100 wide and 30 high a cell, from (0, 100).
fn grid() -> Vec<Rule> {
    let mut rules = Vec::new();
    for i in 0..4 {
        rules.push(h(100.0 + 30.0 * f64::from(i), 0.0, 300.0));
        rules.push(v(100.0 * f64::from(i), 100.0, 190.0));
    }
    rules
}

#[test]
fn a_ruled_table_is_read_cell_by_cell() {
    let mut glyphs = word("指标", 5.0, 120.0);
    glyphs.extend(word("2025年", 105.0, 120.0));
    glyphs.extend(word("属性", 205.0, 120.0));
    glyphs.extend(word("毛入园率", 5.0, 150.0));
    glyphs.extend(word("98.2", 105.0, 150.0));
    glyphs.extend(word("预期性", 205.0, 150.0));
    // A name wrapped over two lines of its cell.
    glyphs.extend(word("财政性教育", 5.0, 172.0));
    glyphs.extend(word("经费", 5.0, 184.0));
    glyphs.extend(word("＞19", 105.0, 178.0));
    let page = Page {
        width: 400.0,
        height: 400.0,
        glyphs,
        rules: grid(),
    };
    let blocks = blocks(&[page]);
    assert_eq!(
        blocks,
        [Block::Table(vec![
            vec!["指标".into(), "2025年".into(), "属性".into()],
            vec!["毛入园率".into(), "98.2".into(), "预期性".into()],
            vec!["财政性教育\n经费".into(), "＞19".into(), String::new()],
        ])]
    );
}

#[test]
fn a_cell_merged_down_is_repeated_and_a_note_across_is_one_cell() {
    let mut rules = vec![
        h(100.0, 0.0, 300.0),
        h(130.0, 100.0, 300.0), // no rule under the first column: 类别 merged
        h(160.0, 0.0, 300.0),
        h(190.0, 0.0, 300.0),
        v(0.0, 100.0, 190.0),
        v(300.0, 100.0, 190.0),
    ];
    // The inner column rules stop above the last row: a note across.
    rules.push(v(100.0, 100.0, 160.0));
    rules.push(v(200.0, 100.0, 160.0));
    let mut glyphs = word("教育", 5.0, 135.0);
    glyphs.extend(word("在园", 105.0, 120.0));
    glyphs.extend(word("3.9", 205.0, 120.0));
    glyphs.extend(word("在校", 105.0, 150.0));
    glyphs.extend(word("12", 205.0, 150.0));
    glyphs.extend(word("注：a 为 b", 100.0, 180.0));
    let rows = match blocks(&[Page {
        width: 400.0,
        height: 400.0,
        glyphs,
        rules,
    }])
    .pop()
    {
        Some(Block::Table(rows)) => rows,
        other => panic!("{other:?}"),
    };
    assert_eq!(rows[0], ["教育", "在园", "3.9"]);
    assert_eq!(rows[1], ["教育", "在校", "12"]);
    assert_eq!(rows[2], ["注：a 为 b", "注：a 为 b", "注：a 为 b"]);
}

#[test]
fn a_table_across_a_page_break_is_one_and_its_header_is_not_repeated() {
    let page = |name: &str, value: &str| {
        let mut glyphs = word("指标", 5.0, 120.0);
        glyphs.extend(word("目标", 105.0, 120.0));
        glyphs.extend(word("X", 205.0, 120.0));
        glyphs.extend(word(name, 5.0, 150.0));
        glyphs.extend(word(value, 105.0, 150.0));
        glyphs.extend(word("— 1 —", 150.0, 380.0));
        Page {
            width: 400.0,
            height: 400.0,
            glyphs,
            rules: grid(),
        }
    };
    let blocks = blocks(&[page("甲", "1"), page("乙", "2")]);
    let [Block::Table(rows)] = blocks.as_slice() else {
        panic!("{blocks:?}");
    };
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["指标", "甲", "乙"]);
}

#[test]
fn a_row_or_a_merged_cell_broken_over_a_page_is_put_back_together() {
    let t = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    // LibreOffice breaks a row: 预期 on one page, 性 on the next.
    let mut prev = vec![
        t(&["类别", "指标", "属性"]),
        t(&["民生", "床位占比", "预期"]),
    ];
    continue_table(
        &mut prev,
        vec![t(&["", "", "性"]), t(&["", "寿命", "预期性"])],
        &[false; 3],
        &[false; 3],
    );
    assert_eq!(prev[1], t(&["民生", "床位占比", "预期\n性"]));
    // The next row's empty 类别 goes on from above, as a blank one does.
    assert_eq!(prev[2], t(&["民生", "寿命", "预期性"]));
    // A heading merged down over the break: its words go on; a figure
    // never does.
    let mut prev = vec![t(&["（22）森林发展", "森林覆盖率", "21.66"])];
    continue_table(
        &mut prev,
        vec![t(&["", "森林蓄积量", "151"]), t(&["", "x", ""])],
        &[false; 3],
        &[false; 3],
    );
    assert_eq!(prev[1][0], "（22）森林发展");
    assert_eq!(prev[2][0], "");
    // Open on both sides of the break: one cell, its text from both.
    let mut prev = vec![t(&["甲", "约束", "1"])];
    continue_table(
        &mut prev,
        vec![t(&["乙", "性", "2"])],
        &[false, true, false],
        &[false, true, false],
    );
    assert_eq!(prev[0][1], "约束\n性");
    assert_eq!(prev[1][1], "约束\n性");
}

#[test]
fn text_without_rules_keeps_its_columns_as_tabs() {
    let mut glyphs = word("专栏1 主要指标", 0.0, 50.0);
    glyphs.extend(word("指标", 0.0, 80.0));
    glyphs.extend(word("2025年", 100.0, 80.0));
    let lines = lines(&glyphs.iter().collect::<Vec<_>>());
    assert_eq!(lines[0].text, "专栏1 主要指标");
    assert_eq!(lines[1].text, "指标\t2025年");
}

#[test]
fn a_paragraph_wrapped_over_lines_is_one_and_a_list_item_starts_its_own() {
    let mut glyphs = word("注：①甲为乙。②丙丁戊己庚", 0.0, 50.0);
    glyphs.extend(word("辛。", 0.0, 64.0));
    glyphs.extend(word("③短。", 0.0, 78.0));
    glyphs.extend(word("资料来源：统计局", 0.0, 110.0));
    let lines = paragraphs(lines(&glyphs.iter().collect::<Vec<_>>()));
    let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["注：①甲为乙。②丙丁戊己庚辛。", "③短。", "资料来源：统计局"]
    );
}

#[test]
fn page_numbers_are_not_text() {
    for n in ["— 3 —", "- 12 -", "3", "第 3 页"] {
        assert!(is_page_number(n), "{n}");
    }
    for t in ["2025", "12.5", "注：3"] {
        assert!(!is_page_number(t), "{t}");
    }
}

#[test]
fn thin_filled_rectangles_are_rules_and_shading_is_not() {
    assert_eq!(
        Rule::of_rect((0.0, 10.0), (100.0, 10.5), true),
        [h(10.25, 0.0, 100.0)]
    );
    assert!(Rule::of_rect((0.0, 0.0), (100.0, 20.0), true).is_empty());
    assert_eq!(Rule::of_rect((0.0, 0.0), (100.0, 20.0), false).len(), 4);
}
