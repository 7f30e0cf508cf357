//! The import corpus (`tests/fixtures/import/corpus/`, real published
//! tables nobody here wrote, each with a hand transcription in
//! `expected.md`): every table drafts a plan that loads, and its cells come
//! out as printed. The score per table is printed (`cargo test --test
//! import_corpus -- --nocapture`) and held to a floor, so a reader that
//! starts misreading cells fails here.

mod common;

use common::{plan_check, stderr_of, stdout_of};

/// The corpus, with the columns of each transcription's first table.
const CORPUS: [&str; 27] = [
    "01-changning-district-15th",
    "02-putuo-greening-15th",
    "03-minhang-urban-renewal-15th",
    "04-huangpu-urban-renewal-15th",
    "05-huangpu-heritage-14th",
    "06-shanghai-urban-renewal-housing-15th",
    "07-chongming-water-14th",
    "08-putuo-water-15th",
    "09-hubei-cultural-relics-14th",
    "10-qingpu-district-15th",
    "11-shanghai-greening-15th",
    "12-changning-energy-15th",
    "13-songjiang-energy-15th",
    "14-minhang-greening-15th",
    "15-putuo-fire-15th",
    "16-huangpu-eco-space-15th",
    "17-changning-eco-space-15th",
    "18-hongkou-district-15th",
    "19-putuo-district-15th",
    "20-baoshan-district-15th",
    "21-pudong-district-15th",
    "22-songjiang-transport-15th",
    "23-shanghai-outline-15th",
    "24-shanghai-land-15th",
    "25-shanghai-earthquake-14th",
    "26-songjiang-greening-15th",
    "27-putuo-spatial-nearterm-2030",
];

/// A cell as compared: `(绿化)` (a merged cell not printed on the row) as
/// `绿化`, a transcriber's note in ASCII brackets dropped, spaces and the
/// width of `％` ignored, every form of an empty cell one.
fn norm(cell: &str) -> String {
    // `A / B`: a transcriber's mark of one cell printed as two paragraphs.
    let mut c = cell.trim().replace(" / ", "");
    // Notes such as "(two lines)", "(1, sub-row)" after the text.
    while let Some(open) = c.rfind(" (") {
        if c.ends_with(')') {
            c.truncate(open);
        } else {
            break;
        }
    }
    if c.starts_with('(') && c.ends_with(')') {
        c = c[1..c.len() - 1].to_owned();
    }
    // A footnote's mark after a cell (`预期性[1]`) is no part of it.
    if c.ends_with(']')
        && let Some(open) = c.rfind('[')
        && c[open + 1..c.len() - 1]
            .chars()
            .all(|ch| ch.is_ascii_digit())
        && open > 0
    {
        c.truncate(open);
    }
    // ⏎: a transcriber's mark of a line break inside the cell.
    let c: String = c
        .chars()
        .filter(|ch| !ch.is_whitespace() && *ch != '⏎')
        .map(|ch| if ch == '％' { '%' } else { ch })
        .collect();
    match c.as_str() {
        // `(empty)`: the transcriber's word for a cell printed empty.
        "" | "—" | "-" | "－" | "/" | "——" | "empty" => "—".to_owned(),
        _ => c,
    }
}

/// The first table of a transcription: its header and rows.
fn expected(dir: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/import/corpus/{dir}/expected.md",
        common::root().display()
    ))
    .unwrap();
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("| "))
        .take_while(|l| l.starts_with('|'))
        .collect();
    let split = |l: &str| -> Vec<String> {
        l.trim()
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_owned())
            .collect()
    };
    let header = split(lines[0]);
    let rows = lines[2..].iter().map(|l| split(l)).collect();
    (header, rows)
}

/// Whether a drafted indicator is the printed row named `printed_name`
/// (normalised): by its name, or its name with its unit as the table prints
/// them together.
fn is_row(ind: &plan_check::plan::Indicator, printed_name: &str) -> bool {
    norm(&ind.name) == printed_name
        || norm(&format!("{}（{}）", ind.name, ind.unit)) == printed_name
}

#[derive(Default)]
struct Score {
    right: usize,
    cells: usize,
    wrong: Vec<String>,
}

impl Score {
    fn cell(&mut self, what: &str, row: &str, printed: &str, drafted: &str) {
        self.cells += 1;
        if norm(printed) == norm(drafted) {
            self.right += 1;
        } else {
            self.wrong.push(format!(
                "{row} {what}: printed “{printed}”, drafted “{drafted}”"
            ));
        }
    }
}

#[test]
fn every_corpus_table_drafts_a_plan_that_loads_with_its_cells_as_printed() {
    let mut total = Score::default();
    let mut report = Vec::new();
    for dir in CORPUS {
        // The document as obtained: the text of a web page, or a PDF.
        let path = ["md", "pdf"]
            .iter()
            .map(|ext| format!("tests/fixtures/import/corpus/{dir}/original-excerpt.{ext}"))
            .find(|p| common::root().join(p).exists())
            .unwrap_or_else(|| panic!("{dir}: no original-excerpt.md or .pdf"));
        let out = plan_check().args(["import", &path]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{dir}: {}", stderr_of(&out));
        let plan = plan_check::plan::parse_plan(&stdout_of(&out), "draft.toml")
            .unwrap_or_else(|d| panic!("{dir}: the draft does not load: {d:?}"));
        let (header, rows) = expected(dir);
        // `指 标`: a header spaced out as printed.
        let header: Vec<String> = header.iter().map(|h| h.replace(' ', "")).collect();
        let col = |words: &[&str]| {
            header
                .iter()
                .position(|h| words.iter().any(|w| h.contains(w)))
        };
        // A plan period names a figure column (`松江“十五五”指标`).
        let period = |h: &str| ["十三五", "十四五", "十五五"].iter().any(|w| h.contains(w));
        let name_at = header
            .iter()
            .rposition(|h| {
                h.contains("指标")
                    && !h.contains("属性")
                    && !h.contains("性质")
                    && !h.contains("单位")
                    && !period(h)
            })
            .or_else(|| {
                header
                    .iter()
                    .position(|h| h.ends_with("内容") || h.ends_with("名称"))
            })
            .unwrap();
        // 类型 is the 属性 column where no column says 属性 (普陀区国土空间
        // 近期规划), else a kind of indicator.
        let attribute_at =
            col(&["属性", "性质"]).or_else(|| header.iter().position(|h| h == "类型"));
        let category_at =
            col(&["分类", "类别", "板块", "类型"]).filter(|&c| Some(c) != attribute_at);
        let unit_at = col(&["单位"]);
        // Baseline and target: the year columns (or 现状/完成 and 目标), in order.
        let years: Vec<usize> = header
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != category_at && *i != name_at)
            .filter(|(_, h)| {
                h.contains("20")
                    || h.contains("目标")
                    || h.contains("现状")
                    || h.contains("完成")
                    || period(h)
            })
            .map(|(i, _)| i)
            .collect();
        let (baseline_at, target_at) = match years.as_slice() {
            [target] => (None, *target),
            [baseline, target, ..] => (Some(*baseline), *target),
            [] => panic!("{dir}: no figure columns in {header:?}"),
        };
        let mut score = Score::default();
        // Each printed row is found in the draft by its name; a row not
        // drafted counts every one of its cells wrong.
        let per_row = 2
            + usize::from(attribute_at.is_some())
            + usize::from(category_at.is_some())
            + usize::from(unit_at.is_some())
            + usize::from(baseline_at.is_some());
        for row in &rows {
            let printed_name = norm(&row[name_at]);
            let printed_name = printed_name
                .trim_start_matches("其中")
                .trim_start_matches(['：', ':'])
                .to_owned();
            let found = plan
                .indicators
                .iter()
                .find(|ind| is_row(ind, &printed_name));
            let Some(ind) = found else {
                score.cells += per_row;
                score
                    .wrong
                    .push(format!("row “{printed_name}” not drafted"));
                continue;
            };
            score.cells += 1;
            score.right += 1;
            let name = &ind.name;
            if let Some(a) = attribute_at {
                let drafted = match ind.attribute {
                    plan_check::plan::Attribute::Binding => "约束性",
                    plan_check::plan::Attribute::Expected => "预期性",
                };
                score.cell("属性", name, &row[a], drafted);
            }
            if let Some(c) = category_at {
                score.cell("分类", name, &row[c], &ind.category);
            }
            if let Some(u) = unit_at {
                score.cell("单位", name, &row[u], &ind.unit);
            }
            if let Some(b) = baseline_at {
                let drafted = ind.baseline_text.clone().unwrap_or_else(|| {
                    ind.baseline
                        .map(plan_check::number::display)
                        .unwrap_or_default()
                });
                score.cell("基期", name, &row[b], &drafted);
            }
            score.cell("目标", name, &row[target_at], &ind.target_text);
        }
        // A drafted row the table does not print (a heading or prose read
        // as a row) counts as wrong as a row missed.
        for ind in &plan.indicators {
            let printed = rows.iter().any(|row| {
                let name = norm(&row[name_at]);
                let name = name
                    .trim_start_matches("其中")
                    .trim_start_matches(['：', ':']);
                is_row(ind, name)
            });
            if !printed {
                score.cells += per_row;
                score
                    .wrong
                    .push(format!("drafted row “{}” is not in the table", ind.name));
            }
        }
        report.push(format!(
            "{dir}: {} rows, cells right {}/{} ({:.1} %){}",
            plan.indicators.len(),
            score.right,
            score.cells,
            100.0 * score.right as f64 / score.cells as f64,
            if score.wrong.is_empty() {
                String::new()
            } else {
                format!("\n    {}", score.wrong.join("\n    "))
            }
        ));
        total.right += score.right;
        total.cells += score.cells;
    }
    let share = total.right as f64 / total.cells as f64;
    println!("{}", report.join("\n"));
    println!(
        "corpus: {}/{} cells right ({:.1} %)",
        total.right,
        total.cells,
        100.0 * share
    );
    // Issue 20 asks for 98 %: a reader that starts misplacing cells fails.
    assert!(share >= 0.98, "{}", report.join("\n"));
    // And no cell read right today is lost: the one miss is 03's baseline
    // printed as a sentence (启动8个城中村整体改造项目), drafted as —. (Units
    // printed with brackets of their own, 条（段）, lost their last bracket
    // for a while and the floor above did not notice.)
    assert!(
        total.cells - total.right <= 1,
        "{} cells wrong:\n{}",
        total.cells - total.right,
        report.join("\n")
    );
}

/// 《上海市普陀区消防事业发展“十五五”规划》表1: `新建消防救援站（座） 2 → 1`
/// counts stations built in each period, not a level that falls: drafted
/// as at least 1, not toward the target (≤ 1, which building none passed),
/// and marked to confirm as an amount added.
#[test]
fn a_count_of_what_is_built_is_at_least_its_number() {
    let path = "tests/fixtures/import/corpus/15-putuo-fire-15th/original-excerpt.md";
    let out = plan_check().args(["import", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let draft = stdout_of(&out);
    let plan = plan_check::plan::parse_plan(&draft, "draft.toml").unwrap();
    let station = plan
        .indicators
        .iter()
        .find(|i| i.name == "新建消防救援站")
        .expect("the row is drafted");
    assert_eq!(
        station.rule,
        plan_check::plan::Rule::Threshold(plan_check::plan::Threshold {
            cmp: plan_check::plan::Comparator::GreaterOrEqual,
            value: 1.0
        })
    );
    let block = draft
        .split("[[indicator]]")
        .find(|b| b.contains("name = \"新建消防救援站\""))
        .unwrap();
    assert!(block.contains("要完成的量"), "{block}");
    assert!(!block.contains("方向相反"), "{block}");
}

/// 《虹口区国民经济和社会发展第十五个五年规划纲要》's table: `800万` on an
/// indicator in 平方米 was drafted ≥ 800 (850 平方米 passed, the true
/// scale was refused as off by a factor), then shown unjudged; it is
/// 8,000,000 平方米, the five years' total its name says, and the draft
/// says how it read the 万. 外贸进出口总额（五年累计） `超3000亿元` is more than 3000 over the
/// five years, of each year's amounts, and a bare 200 under a 累计 name a
/// total to reach.
#[test]
fn a_magnitude_is_read_in_the_unit_and_chao_is_more_than() {
    let path = "tests/fixtures/import/corpus/18-hongkou-district-15th/original-excerpt.md";
    let out = plan_check().args(["import", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let plan = plan_check::plan::parse_plan(&stdout_of(&out), "draft.toml").unwrap();
    let row = |name: &str| {
        plan.indicators
            .iter()
            .find(|i| i.name.starts_with(name))
            .unwrap_or_else(|| panic!("{name} drafted"))
    };
    assert_eq!(
        row("重大项目开竣工面积").rule,
        plan_check::plan::Rule::Cumulative {
            total: 8_000_000.0,
            from: plan_check::plan::Accumulate::Sum,
            strict: false
        }
    );
    let trade = row("外贸进出口总额");
    assert_eq!(trade.measure, plan_check::plan::Measure::YearlyChange);
    assert_eq!(
        trade.rule,
        plan_check::plan::Rule::Cumulative {
            total: 3000.0,
            from: plan_check::plan::Accumulate::Sum,
            strict: true
        }
    );
    assert!(matches!(
        row("新增各类首店").rule,
        plan_check::plan::Rule::Cumulative { total, strict: false, .. } if total == 200.0
    ));
}
