//! The terminal table as a person sees it: captures of tmux panes 80, 100,
//! 120 and 200 columns wide (`tests/fixtures/tmux/`, how they were made is in
//! `tests/fixtures/README.md`) must be what the binary prints with `--width`,
//! no line wider than the pane, and every figure of the JSON output whole on
//! one line of the year and period views.

mod common;

use common::{plan_check, stdout_of};
use unicode_width::UnicodeWidthStr;

const VIEWS: [(&str, &str); 3] = [
    ("year", "data/2023.csv"),
    ("period", "data/"),
    ("regions", "tests/fixtures/regions-2023.csv"),
];
const WIDTHS: [u16; 4] = [80, 100, 120, 200];

/// Lines without trailing spaces, trailing empty lines dropped.
fn normalized(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end].join("\n")
}

fn capture(view: &str, width: u16) -> String {
    let path = common::root().join(format!("tests/fixtures/tmux/{view}_{width}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_binary_prints_what_the_tmux_pane_showed() {
    for (view, input) in VIEWS {
        for width in WIDTHS {
            let out = plan_check()
                .args(["--width", &width.to_string(), input])
                .output()
                .unwrap();
            assert_eq!(
                normalized(&stdout_of(&out)),
                normalized(&capture(view, width)),
                "{view} at {width} columns"
            );
        }
    }
}

#[test]
fn no_line_is_wider_than_the_pane() {
    for (view, _) in VIEWS {
        for width in WIDTHS {
            for line in capture(view, width).lines() {
                assert!(
                    line.width() <= usize::from(width),
                    "{view} at {width}: {line}"
                );
            }
        }
    }
}

/// Every figure of `plan-check --format json` (the reported values) is on one
/// line of the capture, whole: not `3.716` and `4` on two lines. At 80
/// columns the period view keeps the target and the outlook and shows the
/// latest two years (it says so): their figures.
#[test]
fn every_figure_of_the_json_is_whole_in_the_80_and_120_column_captures() {
    for (view, input) in &VIEWS[..2] {
        let out = plan_check()
            .args(["--format", "json", input])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        let figures = common::figures_of(&json);
        assert!(figures.len() > 5, "{view}");
        for width in [80, 120] {
            let text = capture(view, width);
            let figures = if *view == "period" && width == 80 {
                assert!(text.contains("目标 2025") && text.contains("只列最近两年"));
                let years = json["years"].as_array().unwrap();
                let latest: Vec<&serde_json::Value> = years[years.len() - 2..].iter().collect();
                json["indicators"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|s| s["series"].as_array().unwrap())
                    .filter(|p| latest.contains(&&p["year"]))
                    .filter_map(|p| p["actual"].as_f64())
                    .map(plan_check::number::display)
                    .collect()
            } else {
                figures.clone()
            };
            for figure in &figures {
                assert!(
                    text.lines().any(|l| common::whole(l, figure)),
                    "{view} at {width}: {figure}"
                );
            }
        }
    }
}

/// `plan-check plan` on a narrow terminal: one indicator a few lines, no
/// line wider than asked.
#[test]
fn the_plan_listing_fits_a_narrow_terminal() {
    for plan in [
        "plan/jiangjin-education-14th-fyp.toml",
        "examples/plans/national-15th-fyp.toml",
    ] {
        let out = plan_check()
            .args(["--width", "80", "--plan", plan, "plan"])
            .output()
            .unwrap();
        let text = stdout_of(&out);
        for line in text.lines() {
            assert!(line.width() <= 80, "{plan}: {line}");
        }
        assert!(text.contains("判断规则"), "{text}");
    }
}
