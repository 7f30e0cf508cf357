//! Property-based tests: the number reader, the target parser, the CSV loader and
//! the judgement, on generated input.

mod common;

use plan_check::assess::{Figure, Status, judge_figure};
use plan_check::number::{Cell, read_cell};
use plan_check::plan::{Comparator, Plan, PlanSet, Rule, Threshold, load_plan, parse_comparator};
use plan_check::stats::csv_input::{Input, load_csv};
use plan_check::stats::{Clash, Key, LoadOptions, Observations};
use proptest::prelude::*;
use std::sync::OnceLock;

fn plans() -> &'static PlanSet {
    static PLANS: OnceLock<PlanSet> = OnceLock::new();
    PLANS.get_or_init(|| {
        PlanSet::new(vec![load_plan(&common::plan_path()).expect("plan")]).expect("plan set")
    })
}

fn plan() -> &'static Plan {
    &plans().plans[0]
}

fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            '.' => '．',
            '-' => '－',
            c => c,
        })
        .collect()
}

fn with_thousands(integer: u64) -> String {
    let digits = integer.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn load(bytes: &[u8]) -> Result<Observations, plan_check::diagnostic::Diagnostic> {
    let plans = plans();
    let options = LoadOptions::default();
    let input = Input {
        plans,
        options: &options,
        year_from_name: plan_check::stats::csv_input::NameYear::One(2023),
    };
    let mut table = Observations::default();
    let mut warnings = Vec::new();
    load_csv(bytes, "p.csv", &input, &mut table, &mut warnings).map_err(|mut e| e.remove(0))?;
    table
        .finish(|_, _| String::new(), "")
        .map_err(|mut c| c.remove(0).error)?;
    Ok(table)
}

/// Everything a load gives, as text to compare: each figure with its region,
/// year, line, source and unit conversion, then the warnings; or the error.
fn outcome(bytes: &[u8], block_size: Option<usize>) -> String {
    let options = LoadOptions {
        block_size,
        ..LoadOptions::default()
    };
    let input = Input {
        plans: plans(),
        options: &options,
        year_from_name: plan_check::stats::csv_input::NameYear::One(2023),
    };
    let mut table = Observations::default();
    let mut warnings = Vec::new();
    let loaded = load_csv(bytes, "p.csv", &input, &mut table, &mut warnings).and_then(|()| {
        table
            .finish(|_, i| format!("#{i}"), "")
            .map_err(Clash::errors)
    });
    if let Err(e) = loaded {
        return format!("error {e:?}\nwarnings {warnings:?}");
    }
    let mut out = String::new();
    for group in table.region_years() {
        for indicator in 0..plan().indicators.len() as u16 {
            let key = Key {
                region: group.region,
                year: group.year,
                indicator,
            };
            if let Some(o) = table.get(&key) {
                out += &format!(
                    "{} {} #{indicator} {:?} line {} source {:?} converted {:?}\n",
                    table.regions.get(group.region),
                    group.year,
                    o.value,
                    o.origin.line,
                    o.source.map(|s| table.sources.get(s)),
                    o.converted_from.map(|c| (c.value, table.units.get(c.unit))),
                );
            }
        }
    }
    out + &format!("warnings {warnings:?}")
}

/// A CSV row of a long file: mostly good rows (some with a figure in another
/// unit, quoted, over two lines, or not reported), some blank, a few wrong.
fn long_file_row() -> impl Strategy<Value = String> {
    let names: Vec<String> = plan()
        .indicators
        .iter()
        .map(|i| format!("{},{}", i.category, i.display_name()))
        .collect();
    (
        0u16..50,
        prop::sample::select(vec!["2021", "2022", "2023", "2024年"]),
        prop::sample::select(names),
        prop::sample::select(vec!["98.2", "12", "\"1,234\"", "", "—", "１２．５", "0.5"]),
        prop::sample::select(vec!["", "来源甲", "\"两行\n备注\"", "\"引号\"\"内\""]),
        0u8..100,
        prop::sample::select(vec![
            "甲区,2023,学前教育,不存在的指标,1,,",
            "甲区,2023,学前教育,毛入园率,abc,,",
            "甲区,20x,学前教育,毛入园率,1,,",
            "甲区,2023,学前教育,毛入园率,1,kg,",
            "甲区,2023,学前教育,毛入园率",
        ]),
    )
        .prop_map(
            |(region, year, name, value, note, shape, wrong)| match shape {
                0..=3 => String::from("\n"),
                4..=5 => String::from(",,,,,,\n"),
                6 => format!("{wrong}\n"),
                _ => format!("区{region},{year},{name},{value},,{note}\n"),
            },
        )
}

#[test]
fn warnings_before_an_error_are_kept_however_the_file_is_cut() {
    let text = "地区,年份,分类,指标,数值\n\
        甲区,2023,学前教育,不存在的指标,1\n\
        甲区,2023,学前教育,毛入园率,98\n\
        甲区,2023,学前教育,在园幼儿数,abc\n";
    let whole = outcome(text.as_bytes(), None);
    assert!(whole.starts_with("error"), "{whole}");
    assert!(
        whole.contains("S007"),
        "the warning of line 2 is kept: {whole}"
    );
    for size in [1, 30, 60] {
        assert_eq!(
            outcome(text.as_bytes(), Some(size)),
            whole,
            "blocks of {size}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_number_reader_never_panics(text in "\\PC{0,40}", percent in any::<bool>()) {
        if let Ok(Cell::Value(v)) = read_cell(&text, percent) {
            prop_assert!(v.is_finite());
        }
    }

    #[test]
    fn a_printed_number_reads_back_in_every_form(v in -1.0e12f64..1.0e12) {
        let text = v.to_string();
        prop_assert_eq!(read_cell(&text, false), Ok(Cell::Value(v)));
        prop_assert_eq!(read_cell(&full_width(&text), false), Ok(Cell::Value(v)));
        prop_assert_eq!(read_cell(&format!(" {text}% "), true), Ok(Cell::Value(v)));
        prop_assert_eq!(read_cell(&format!("\u{3000}{text}％"), true), Ok(Cell::Value(v)));
    }

    #[test]
    fn thousands_separators_read_as_the_integer(n in 0u64..10_000_000_000_000) {
        prop_assert_eq!(read_cell(&with_thousands(n), false), Ok(Cell::Value(n as f64)));
    }

    #[test]
    fn a_comparator_reads_back(
        form in prop::sample::select(vec![">", "＞", ">=", "≥", "≧", "<", "＜", "<=", "≤", "≦"]),
        v in 0.0f64..1.0e6,
    ) {
        let (cmp, value) = parse_comparator(&format!("{form}{v}")).expect("parses");
        prop_assert_eq!(value, v);
        let wants_more = matches!(form, ">" | "＞" | ">=" | "≥" | "≧");
        prop_assert_eq!(cmp.wants_more(), wants_more);
    }

    #[test]
    fn the_target_parser_never_panics(text in "\\PC{0,30}") {
        let _ = parse_comparator(&text);
        if let Ok(reading) = plan_check::plan::read_target(&text) {
            prop_assert!(reading.value.is_finite());
        }
    }

    #[test]
    fn the_target_grammar_never_panics_on_its_own_words(
        prefix in prop::sample::select(vec!["", "不低于", "低于", "控制在", "提高到", "降至", "约", "提高", "下降", "＞", "≥"]),
        number in "[0-9０-９.．,，-]{0,6}",
        unit in prop::sample::select(vec!["", "%", "％", "年", "个百分点", "微克/立方米"]),
        suffix in prop::sample::select(vec!["", "以上", "以下", "以内", "左右", "及以上"]),
    ) {
        let text = format!("{prefix}{number}{unit}{suffix}");
        if let Ok(reading) = plan_check::plan::read_target(&text) {
            prop_assert!(reading.value.is_finite(), "{}", text);
        }
    }

    #[test]
    fn the_csv_loader_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = load(&bytes);
    }

    #[test]
    fn the_csv_loader_never_panics_on_near_csv(
        rows in prop::collection::vec(
            (prop::sample::select(vec!["毛入园率", "在校学生数", "其中：普通小学", "x", "", "\"", "九年义务教育巩固率"]),
             "[0-9.,%\"—\\- ]{0,8}"),
            0..8)
    ) {
        let mut text = String::from("指标,数值\n");
        for (name, value) in rows {
            text.push_str(&format!("{name},{value}\n"));
        }
        let _ = load(text.as_bytes());
    }

    #[test]
    fn every_figure_written_is_the_figure_read(
        values in prop::collection::vec(prop::option::of(0.0f64..1.0e6), 13),
        form in 0usize..3,
    ) {
        let plan = plan();
        // Within what each indicator can take (a share stays within 0–100,
        // a level within the scale of its baseline and target).
        let values: Vec<Option<f64>> = plan
            .indicators
            .iter()
            .zip(&values)
            .map(|(ind, v)| {
                v.map(|v| match plan_check::plan::plausible::scale(ind) {
                    Some((low, high)) => {
                        let high = ind.valid.max.map_or(high, |max| high.min(max));
                        low + v / 1.0e6 * (high - low)
                    }
                    None => ind.valid.max.map_or(v, |max| v / 1.0e6 * max),
                })
            })
            .collect();
        let mut text = String::from("分类,指标,数值\n");
        for (ind, v) in plan.indicators.iter().zip(&values) {
            let cell = match v {
                None => "—".to_owned(),
                Some(v) => match form {
                    0 => v.to_string(),
                    1 => full_width(&v.to_string()),
                    _ => format!("\" {v} \""),
                },
            };
            text.push_str(&format!("{},{},{cell}\n", ind.category, ind.display_name()));
        }
        let table = load(text.as_bytes()).expect("loads");
        let region = table.region_years()[0].region;
        for (i, v) in values.iter().enumerate() {
            let got = table.get(&Key { region, year: 2023, indicator: i as u16 }).expect("row").value;
            // To the 15 significant digits a spreadsheet keeps: the 16th and
            // 17th of a float printed whole are binary noise.
            prop_assert_eq!(got, v.map(plan_check::number::significant));
        }
    }

    #[test]
    fn a_file_read_in_blocks_of_any_size_gives_what_reading_it_whole_gives(
        rows in prop::collection::vec(long_file_row(), 0..40),
        block_size in prop::sample::select(vec![1usize, 16, 64, 256, 1024]),
        crlf in any::<bool>(),
    ) {
        let mut text = String::from("合成数据（测试用）\n地区,年份,分类,指标,数值,单位,备注\n");
        text.extend(rows);
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let whole = outcome(text.as_bytes(), None);
        prop_assert_eq!(outcome(text.as_bytes(), Some(block_size)), whole);
    }

    #[test]
    fn more_is_never_worse_for_a_higher_is_better_target(
        baseline in 0.0f64..100.0,
        target in 0.0f64..100.0,
        year in 2020i32..2030,
        a in 0.0f64..120.0,
        b in 0.0f64..120.0,
        strict in any::<bool>(),
    ) {
        let cmp = if strict { Comparator::Greater } else { Comparator::GreaterOrEqual };
        let mut ind = plan().indicators[0].clone();
        ind.baseline = Some(baseline);
        ind.rule = Rule::Threshold(Threshold { cmp, value: target });
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let rank = |s: Status| match s {
            Status::Achieved => 3,
            Status::OnTrack => 2,
            Status::Behind | Status::Failed => 1,
            Status::Missing | Status::Undetermined | Status::NotAssessed => 0,
        };
        let meta = &plan().meta;
        let s_low = judge_figure(&ind, meta, year, &Figure::level(&ind, Some(low))).status;
        let s_high = judge_figure(&ind, meta, year, &Figure::level(&ind, Some(high))).status;
        prop_assert!(rank(s_high) >= rank(s_low), "{low} → {s_low:?}, {high} → {s_high:?}");
        // From the target year on, only achieved or failed.
        if year >= meta.target_year {
            prop_assert!(matches!(s_low, Status::Achieved | Status::Failed));
        }
    }
}
