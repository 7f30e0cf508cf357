//! The national 14th plan's 专栏1, a table nobody here designed, encoded
//! cell for cell from the official image and judged on the real 2021–2022
//! figures (NBS bulletins; sector figures as reported, each with its source
//! in the data file). Every view of one run takes its status from the one
//! judgement: the year, the period, the regions rows, the grid, and the
//! JSON, CSV and workbook outputs.

mod common;

use common::{json_of, plan_check, stdout_of, transcription_rows, write_csv};
use plan_check::plan::{Accumulate, Rule, load_plan};
use serde_json::Value;
use std::path::Path;

const PLAN: &str = "examples/plans/national-14th-fyp.toml";
const DATA: &str = "examples/data/national-14th-2021-2022.csv";
const TRANSCRIPTION: &str = "tests/fixtures/national-14th-fyp.md";

#[test]
fn every_cell_is_the_printed_one() {
    let plan = load_plan(Path::new(PLAN)).expect("the plan loads as printed");
    let rows = transcription_rows(TRANSCRIPTION);
    assert_eq!(rows.len(), 20);
    assert_eq!(plan.indicators.len(), 20);
    common::assert_cells_as_printed(&plan, &rows);
    let text = std::fs::read_to_string(TRANSCRIPTION).unwrap();
    let printed = text
        .lines()
        .find_map(|l| l.strip_prefix("注："))
        .expect("the notes line");
    assert_eq!(plan.meta.notes.concat(), printed);
}

#[test]
fn each_printed_cell_reads_as_it_says() {
    let plan = load_plan(Path::new(PLAN)).unwrap();
    let ind = |id: &str| {
        plan.indicators
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // The whole printed cell: the number and sign are the rule, the clause is kept.
    let rd = ind("rd_spending_growth");
    assert!(matches!(rd.rule, Rule::Annual { average: true, .. }));
    assert_eq!(
        rd.clause.as_deref(),
        Some("力争投入强度高于“十三五”时期实际")
    );
    // 〔1〕 on a level, from the row's own 2019 baseline.
    let life = ind("life_expectancy");
    assert_eq!(
        life.rule,
        Rule::Cumulative {
            total: 1.0,
            from: Accumulate::LevelChange,
            strict: false
        }
    );
    assert_eq!(life.baseline_year, 2019);
    // Yearly reductions in percent compound.
    assert!(matches!(
        ind("energy_intensity_reduction").rule,
        Rule::Cumulative {
            from: Accumulate::Compound,
            ..
        }
    ));
    // A floor with no baseline.
    assert_eq!(ind("grain_production_capacity").baseline, None);
}

fn period_json() -> Value {
    let out = plan_check()
        .args(["--plan", PLAN, "--format", "json", DATA])
        .output()
        .unwrap();
    // Binding indicators behind their schedule: the run fails.
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr_of(&out));
    json_of(&out)
}

fn series<'a>(period: &'a Value, id: &str) -> &'a Value {
    period["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn the_real_figures_are_judged_as_a_planner_would() {
    let period = period_json();
    assert_eq!(period["view"], "period");
    let at = |id: &str, year: usize| series(&period, id)["series"][year]["status"].clone();
    // 粮食综合生产能力 —, ＞6.5: 6.8653 meets the target itself; held, not achieved early.
    assert_eq!(at("grain_production_capacity", 1), "achieved");
    assert_eq!(
        series(&period, "grain_production_capacity")["outlook"],
        "held"
    );
    // 能源综合生产能力 —, ＞46: 43.3 cannot be put on a schedule; 46.6 meets it.
    assert_eq!(at("energy_production_capacity", 0), "undetermined");
    assert_eq!(at("energy_production_capacity", 1), "achieved");
    // ＞7 年均: 14.2 and 10.4 compound to 12.28 %, 1.75 times the rate required.
    let rd = series(&period, "rd_spending_growth");
    assert_eq!(rd["outlook"], "ahead");
    assert!((rd["pace_ratio"].as_f64().unwrap() - 12.2839 / 7.0).abs() < 1e-3);
    assert_eq!(rd["clause"], "力争投入强度高于“十三五”时期实际");
    // 人均预期寿命 77.3 (2019) → 78.2 (2021): a change of 0.9 of 1, at a third of the time.
    let life = series(&period, "life_expectancy");
    assert_eq!(life["as_of"], 2021);
    assert_eq!(life["status"], "on_track");
    assert_eq!(life["outlook"], "ahead");
    // 〔13.5〕: 1 − 0.973 × 0.999 = 2.80 % against 40 % of 13.5.
    let energy = series(&period, "energy_intensity_reduction");
    assert_eq!(energy["status"], "behind");
    assert_eq!(energy["series"][1]["derived"], 2.7973);
    // 空气质量优良天数比率 87 → 87.5, 86.5 in 2022: moving away, not reached on this trend.
    let air = series(&period, "good_air_days");
    assert_eq!(air["outlook"], "moving_away");
    assert_eq!(air["projection"]["reach"]["kind"], "away");
    // 地表水 83.4 → 85, 87.9: achieved early.
    assert_eq!(
        series(&period, "good_surface_water")["outlook"],
        "achieved_early"
    );
    // The binding indicators not on track, named.
    assert_eq!(
        period["summary"]["binding_not_on_track"],
        serde_json::json!([
            "years_of_schooling",
            "energy_intensity_reduction",
            "co2_intensity_reduction",
            "good_air_days"
        ])
    );
    // A proxy figure's warning, from the row's 备注, beside its source.
    let grain = &series(&period, "grain_production_capacity")["series"][1];
    assert!(grain["remark"].as_str().unwrap().contains("代用数据"));
    assert!(grain["source"].as_str().unwrap().contains("68653万吨"));
    // Converted from the bulletin's 万吨.
    assert_eq!(grain["actual"], 6.8653);
}

#[test]
fn the_table_names_the_readings_taken() {
    let out = plan_check()
        .args(["--plan", PLAN, "--wide", DATA])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    for expected in [
        "人均预期寿命：2019年77.3 → 2021年78.2，累计变化（本年水平减基期值）0.9岁",
        "“力争投入强度高于“十三五”时期实际”照原文列出，不作判断",
        "粮食综合生产能力：数据备注：代用数据",
        "常住人口城镇化率（2019年起，50%）",
        "按趋势达不到",
        "⑤2020年全员劳动生产率增长2.5%为预计数。",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

/// The statuses of a regions JSON: each row's, each full report's.
fn regions_statuses(json: &Value) -> Vec<(String, Vec<String>, Vec<String>)> {
    let rows = json["regions"].as_array().unwrap();
    let reports = json["reports"].as_array().unwrap();
    rows.iter()
        .zip(reports)
        .map(|(row, report)| {
            assert_eq!(row["region"], report["region"]);
            let of_row = row["statuses"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_owned())
                .collect();
            let of_report = report["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["status"].as_str().unwrap().to_owned())
                .collect();
            (
                row["region"].as_str().unwrap().to_owned(),
                of_row,
                of_report,
            )
        })
        .collect()
}

/// The statuses of a single-region year check of `csv` (one year).
fn single_statuses(plan: &str, csv: &str) -> Vec<String> {
    let (_dir, path) = write_csv("2026.csv", csv);
    let out = plan_check()
        .args(["--plan", plan, "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let report = json_of(&out);
    assert!(report["results"].is_array(), "a year report: {report}");
    report["results"]
        .as_array()
        .unwrap_or_else(|| panic!("{report}"))
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .collect()
}

/// `csv` (a 指标,数值,… file) written as region `region`, with a 地区 column.
fn as_region(region: &str, csv: &str) -> String {
    csv.lines()
        .skip(1)
        .map(|l| format!("{region},{l}\n"))
        .collect()
}

/// The national 15th plan's example as two regions, the second with the
/// relative and cumulative rows changed: the regions rows, the full reports,
/// the grid, CSV and the workbook all say what the single-region check says.
#[test]
fn every_view_of_several_regions_agrees_with_the_single_region_check() {
    let plan = "examples/plans/national-15th-fyp.toml";
    let first =
        std::fs::read_to_string(common::root().join("examples/data/national-2026.csv")).unwrap();
    let header = first.lines().next().unwrap();
    // 示例数据: the second region's GDP growth 5.2 (productivity 5.1 is then
    // below it, income 4.9 in step), CO2 down 2 %.
    let second = first
        .replace(
            "国内生产总值（GDP）增长,4.8,",
            "国内生产总值（GDP）增长,5.2,",
        )
        .replace("单位GDP二氧化碳排放降低,3.5,", "单位GDP二氧化碳排放降低,2,");
    let both = format!(
        "地区,{header}\n{}{}",
        as_region("甲省", &first),
        as_region("乙省", &second)
    );
    let (_dir, path) = write_csv("2026.csv", &both);
    let out = plan_check()
        .args(["--plan", plan, "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json = json_of(&out);
    assert_eq!(json["view"], "regions");
    let singles = [
        ("甲省", single_statuses(plan, &first)),
        ("乙省", single_statuses(plan, &second)),
    ];
    let regions = regions_statuses(&json);
    assert_eq!(regions.len(), 2);
    for (region, of_row, of_report) in &regions {
        let single = &singles.iter().find(|(r, _)| r == region).unwrap().1;
        assert_eq!(of_row, single, "{region}: the regions row");
        assert_eq!(of_report, single, "{region}: the full report");
    }
    // The relative rows are judged, not 无法判断, in every view.
    let first_single = &singles[0].1;
    assert_eq!(first_single[1], "achieved", "全员劳动生产率增长 5.1 > 4.8");
    assert_eq!(
        first_single[7], "achieved",
        "居民人均可支配收入增长 4.9 ≈ 4.8"
    );
    assert!(!first_single.iter().any(|s| s == "undetermined"));
    // 乙省: productivity 5.1 is not above 5.2.
    assert_eq!(singles[1].1[1], "behind");

    // CSV: each region's rows carry the same statuses.
    let out = plan_check()
        .args(["--plan", plan, "--format", "csv"])
        .arg(&path)
        .output()
        .unwrap();
    let text = stdout_of(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (region_col, status_col) = (col("region"), col("status"));
    for (region, single) in &singles {
        let statuses: Vec<String> = csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .filter(|r| &r[region_col] == *region)
            .map(|r| r[status_col].to_owned())
            .collect();
        assert_eq!(&statuses, single, "{region}: CSV");
    }

    // The grid: one cell a status, in the plan's order.
    let out = plan_check()
        .args(["--plan", plan, "--matrix", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let grid = regions_statuses(&json_of(&out));
    assert_eq!(grid, regions);

    // The workbook: the 结果 column of each region's rows.
    let dir = tempfile::tempdir().unwrap();
    let book_path = dir.path().join("结果.xlsx");
    plan_check()
        .args(["--plan", plan, "--format", "xlsx", "--output"])
        .arg(&book_path)
        .arg(&path)
        .output()
        .unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&book_path).unwrap();
    let sheet = book.worksheet_range("检查结果").unwrap();
    let header_row: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let status_at = header_row
        .iter()
        .position(|h| h == "结果")
        .expect("a 结果 column");
    let region_at = header_row
        .iter()
        .position(|h| h == "地区")
        .expect("a 地区 column");
    let labels = |codes: &[String]| -> Vec<String> {
        codes
            .iter()
            .map(|c| {
                match c.as_str() {
                    "achieved" => "已达标",
                    "on_track" => "符合序时进度",
                    "behind" => "滞后于序时进度",
                    "failed" => "未达标",
                    "missing" => "未填报",
                    "undetermined" => "无法判断",
                    "not_assessed" => "不考核",
                    other => panic!("{other}"),
                }
                .to_owned()
            })
            .collect()
    };
    for (region, single) in &singles {
        let in_book: Vec<String> = sheet
            .rows()
            .skip(1)
            .filter(|r| r[region_at] == **region)
            .map(|r| r[status_at].to_string())
            .collect();
        assert_eq!(in_book, labels(single), "{region}: workbook");
    }
}

/// 比上年下降2.7% typed as −2.7 on 单位GDP能源消耗降低: judged as a rise, and
/// said so at the cell.
#[test]
fn a_reduction_typed_as_a_negative_is_warned_of_at_the_cell() {
    let (_dir, path) = write_csv(
        "2021.csv",
        "指标,数值\n单位GDP能源消耗降低,-2.7\n单位GDP二氧化碳排放降低,3.8\n",
    );
    let out = plan_check()
        .args(["--plan", PLAN, "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let err = common::stderr_of(&out);
    assert!(err.contains("S018") && err.contains(":2:2"), "{err}");
    assert!(err.contains("应填 2.7"), "{err}");
    // Only the negative one.
    assert_eq!(err.matches("S018").count(), 1, "{err}");
    let json = json_of(&out);
    assert_eq!(
        common::result(&json, "energy_intensity_reduction")["status"],
        "behind"
    );
}

/// A line that states a requirement on a figure made from the years (a
/// cumulative total, an average) gives that figure beside the year's, so
/// “要求 ≥ 5.4，实际 0.1” never reads as a pass beside 符合序时进度 or a
/// failure beside 已达标: JUnit and GitHub annotations alike. The requirement
/// says what it is on (累计 ≥ 5.4), as 人均预期寿命's `≥ 1` must (a change
/// of one year, not a level: a helper's final evaluation).
#[test]
fn a_cumulative_lines_figure_is_the_one_judged() {
    let run = |format: &str| {
        let out = plan_check()
            .args(["--plan", PLAN, "--format", format, DATA])
            .output()
            .unwrap();
        stdout_of(&out)
    };
    let junit = run("junit");
    assert!(
        junit.contains("要求 累计 ≥ 5.4，实际 0.1%，累计（逐年复合）2.7973%"),
        "{junit}"
    );
    assert!(
        junit.contains("实际 10.4%，年均（逐年复合）12.2839%"),
        "{junit}"
    );
    let github = run("github");
    assert!(
        github.contains("2022年要求 累计 ≥ 5.4，实际 0.1%25，累计（逐年复合）2.7973%25"),
        "{github}"
    );
}

/// The year's table set the year's 0.1 against `累计 ≥ 5.4` with nothing
/// beside it (a reviewer's Markdown of the national 14th plan): the figure
/// the requirement is on stands beside the year's, in the table and in
/// Markdown alike.
#[test]
fn a_cumulative_requirement_has_its_cumulative_figure_beside_the_years() {
    let out = plan_check()
        .args([
            "--plan",
            "examples/plans/national-14th-fyp.toml",
            "--format",
            "markdown",
            "examples/data/national-14th-2021-2022.csv",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("| 累计 ≥ 5.4 | 0.1（累计 2.7973） |"),
        "{text}"
    );
    assert!(text.contains("10.4（年均 12.2839）"), "{text}");
}
