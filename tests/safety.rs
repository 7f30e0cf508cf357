//! End-to-end: nothing lost. `--output` never destroys an input or replaces
//! what is not a regular file, and a folder's every data file is read or named
//! in an error. Every test runs in a sandbox whose files are compared, byte for
//! byte, before and after.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A temporary folder holding a copy of the shipped plan and `2023.csv`; it
/// remembers every file's bytes so a test can prove none changed.
struct Sandbox {
    dir: tempfile::TempDir,
    before: BTreeMap<PathBuf, Vec<u8>>,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("plan")).unwrap();
        std::fs::copy(
            plan_path(),
            dir.path().join("plan/jiangjin-education-14th-fyp.toml"),
        )
        .unwrap();
        std::fs::copy(root().join("data/2023.csv"), dir.path().join("2023.csv")).unwrap();
        let mut sandbox = Sandbox {
            dir,
            before: BTreeMap::new(),
        };
        sandbox.remember();
        sandbox
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Records the bytes of every regular file now in the sandbox.
    fn remember(&mut self) {
        self.before = contents(self.dir.path());
    }

    /// Every file remembered is still there with the same bytes, and no file
    /// was added (no temporary file left behind).
    fn assert_untouched(&self) {
        assert_eq!(contents(self.dir.path()), self.before);
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        plan_check()
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .unwrap()
    }
}

fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn assert_refused(out: &std::process::Output, code: &str, names: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(out));
    let err = stderr_of(out);
    assert!(err.contains(code), "{err}");
    assert!(err.contains(names), "{err}");
    assert!(out.stdout.is_empty(), "nothing written: {}", stdout_of(out));
}

#[test]
fn output_onto_the_statistics_file_is_refused_in_every_format_and_command() {
    let sandbox = Sandbox::new();
    for args in [
        &["--output", "2023.csv", "2023.csv"][..],
        &["--format", "json", "-o", "2023.csv", "2023.csv"],
        &["--format", "xlsx", "-o", "2023.csv", "2023.csv"],
        &["report", "2023.csv", "-o", "2023.csv"],
        &["-o", "./2023.csv", "."],
    ] {
        let out = sandbox.run(args);
        assert_refused(&out, "U004", "2023.csv");
        sandbox.assert_untouched();
    }
}

#[test]
fn output_onto_the_plan_is_refused() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["-o", "plan/jiangjin-education-14th-fyp.toml", "2023.csv"]);
    assert_refused(&out, "U004", "jiangjin-education-14th-fyp.toml");
    let out = sandbox.run(&["template", "-o", "plan/jiangjin-education-14th-fyp.toml"]);
    assert_refused(&out, "U004", "jiangjin-education-14th-fyp.toml");
    sandbox.assert_untouched();
}

#[cfg(unix)]
#[test]
fn output_onto_an_input_by_another_name_is_refused() {
    let mut sandbox = Sandbox::new();
    std::fs::hard_link(sandbox.path("2023.csv"), sandbox.path("copy.csv")).unwrap();
    std::os::unix::fs::symlink("2023.csv", sandbox.path("link.csv")).unwrap();
    sandbox.remember();
    for output in ["copy.csv", "link.csv"] {
        let out = sandbox.run(&["-o", output, "2023.csv"]);
        assert_refused(&out, "U004", "2023.csv");
    }
    sandbox.assert_untouched();
}

#[test]
fn template_output_does_not_replace_a_file_without_force() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("2024.csv"), "指标,数值\n毛入园率,98.5\n").unwrap();
    let mut sandbox = sandbox;
    sandbox.remember();
    let out = sandbox.run(&["template", "--output", "2024.csv"]);
    assert_refused(&out, "U004", "--force");
    sandbox.assert_untouched();

    let out = sandbox.run(&["template", "--output", "2024.csv", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let written = std::fs::read_to_string(sandbox.path("2024.csv")).unwrap();
    assert!(written.contains("在园幼儿数"), "{written}");

    let out = sandbox.run(&["template", "--output", "new.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(sandbox.path("new.csv").is_file());
}

#[test]
fn dash_is_standard_output() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["--format", "json", "-o", "-", "2023.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(json_of(&out)["year"], 2023);
    assert!(!sandbox.path("-").exists());
    sandbox.assert_untouched();
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn a_character_device_is_written_through_never_replaced() {
        let sandbox = Sandbox::new();
        let out = sandbox.run(&["-o", "/dev/null", "2023.csv"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(meta.file_type().is_char_device());
        sandbox.assert_untouched();
    }

    #[test]
    fn a_link_to_a_device_stays_a_link() {
        let mut sandbox = Sandbox::new();
        std::os::unix::fs::symlink("/dev/null", sandbox.path("null")).unwrap();
        sandbox.remember();
        let out = sandbox.run(&["--format", "csv", "-o", "null", "2023.csv"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let meta = std::fs::symlink_metadata(sandbox.path("null")).unwrap();
        assert!(meta.file_type().is_symlink());
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        sandbox.assert_untouched();
    }

    #[test]
    fn a_fifo_receives_the_output_and_stays_a_fifo() {
        let mut sandbox = Sandbox::new();
        let fifo = sandbox.path("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        sandbox.remember();
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        let out = sandbox.run(&["--format", "json", "-o", "pipe", "2023.csv"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let received = reader.join().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&received).unwrap();
        assert_eq!(report["year"], 2023);
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
        sandbox.assert_untouched();
    }

    #[test]
    fn a_link_to_standard_output_writes_to_standard_output() {
        let mut sandbox = Sandbox::new();
        std::os::unix::fs::symlink("/dev/stdout", sandbox.path("out")).unwrap();
        sandbox.remember();
        let out = sandbox.run(&["--format", "json", "-o", "out", "2023.csv"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(json_of(&out)["year"], 2023);
        let meta = std::fs::symlink_metadata(sandbox.path("out")).unwrap();
        assert!(meta.file_type().is_symlink());
        sandbox.assert_untouched();
    }

    #[test]
    fn a_link_to_a_regular_file_replaces_the_file_and_keeps_the_link() {
        let mut sandbox = Sandbox::new();
        std::fs::write(sandbox.path("old.json"), "{}").unwrap();
        std::os::unix::fs::symlink("old.json", sandbox.path("latest.json")).unwrap();
        sandbox.remember();
        let out = sandbox.run(&["--format", "json", "-o", "latest.json", "2023.csv"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let meta = std::fs::symlink_metadata(sandbox.path("latest.json")).unwrap();
        assert!(meta.file_type().is_symlink());
        let written: serde_json::Value =
            serde_json::from_slice(&std::fs::read(sandbox.path("old.json")).unwrap()).unwrap();
        assert_eq!(written["year"], 2023);
    }

    /// A read-only file is refused exactly when the shell's `>` refuses it (as
    /// root, both write it).
    #[test]
    fn a_read_only_file_is_treated_as_the_shell_treats_it() {
        use std::os::unix::fs::PermissionsExt;
        let mut sandbox = Sandbox::new();
        let probe = sandbox.path("probe.txt");
        let target = sandbox.path("result.txt");
        for path in [&probe, &target] {
            std::fs::write(path, "old").unwrap();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).unwrap();
        }
        let shell_writes = std::process::Command::new("sh")
            .arg("-c")
            .arg("echo new > probe.txt")
            .current_dir(sandbox.path(""))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success();
        sandbox.remember();
        let out = sandbox.run(&["-o", "result.txt", "2023.csv"]);
        let written = std::fs::read_to_string(&target).unwrap();
        if shell_writes {
            assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
            assert!(written.contains("毛入园率"));
        } else {
            assert_refused(&out, "U003", "result.txt");
            assert_eq!(written, "old");
            sandbox.assert_untouched();
        }
    }

    /// An unreadable entry of a folder is reported, never skipped, and the
    /// other files are still judged (README: every file is read); the run
    /// is incomplete (exit 2).
    fn reported_and_the_rest_judged(out: &std::process::Output, name: &str) {
        assert_eq!(out.status.code(), Some(2), "{}", stderr_of(out));
        let err = stderr_of(out);
        assert!(err.contains("S001") && err.contains(name), "{err}");
        assert!(err.contains("链接"), "says it is a link: {err}");
        let text = stdout_of(out);
        assert!(text.contains("2023年指标检查"), "the others judged: {text}");
        assert!(
            text.contains("未能读取的文件") && text.contains(name),
            "{text}"
        );
    }

    #[test]
    fn a_dangling_link_in_a_folder_is_an_error_not_a_skip() {
        let mut sandbox = Sandbox::new();
        std::os::unix::fs::symlink("gone.csv", sandbox.path("2024.csv")).unwrap();
        sandbox.remember();
        let out = sandbox.run(&["."]);
        reported_and_the_rest_judged(&out, "2024.csv");
        sandbox.assert_untouched();
    }

    #[test]
    fn a_looping_link_in_a_folder_is_an_error_not_a_skip() {
        let mut sandbox = Sandbox::new();
        std::os::unix::fs::symlink("b.csv", sandbox.path("a.csv")).unwrap();
        std::os::unix::fs::symlink("a.csv", sandbox.path("b.csv")).unwrap();
        sandbox.remember();
        let out = sandbox.run(&["."]);
        reported_and_the_rest_judged(&out, "a.csv");
        sandbox.assert_untouched();
    }
}

/// The workbook holds the same 2023 figures as `2023.csv`: read from the
/// folder, they are duplicates (before, the workbook was skipped in silence).
#[test]
fn a_folder_includes_its_workbooks() {
    let mut sandbox = Sandbox::new();
    std::fs::copy(
        root().join("tests/fixtures/2023.ods"),
        sandbox.path("2023.ods"),
    )
    .unwrap();
    sandbox.remember();
    let out = sandbox.run(&["."]);
    assert_refused(&out, "S005", "2023.ods");
    sandbox.assert_untouched();
}

/// A plan whose explicit rule contradicts its printed target would pass 50
/// against `＞96`: it does not load, and the error names the plan line.
#[test]
fn a_plan_that_contradicts_itself_does_not_load() {
    let mut sandbox = Sandbox::new();
    let plan = sandbox.path("plan/jiangjin-education-14th-fyp.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("target = \"＞96\""))
        .expect("the 巩固率 target")
        + 1;
    let text = text.replacen(
        "target = \"＞96\"",
        "target = \"＞96\"\nrule = { kind = \"at_least\", value = 0 }",
        1,
    );
    std::fs::write(&plan, text).unwrap();
    sandbox.remember();
    let out = sandbox.run(&["2023.csv"]);
    assert_refused(
        &out,
        "P004",
        &format!("jiangjin-education-14th-fyp.toml:{}", line + 1),
    );
    assert!(stderr_of(&out).contains("＞96"), "{}", stderr_of(&out));
    sandbox.assert_untouched();
}

/// Figures read but not judged as what they are: each is now an error naming
/// the file and line, or a warning.
mod silent_passes {
    use super::*;

    fn sandbox_with(name: &str, text: &str) -> Sandbox {
        let mut sandbox = Sandbox::new();
        std::fs::write(sandbox.path(name), text).unwrap();
        sandbox.remember();
        sandbox
    }

    /// 96.00000000000001 (0.2 + 79.9 + 15.9 as pandas writes it, or a
    /// workbook caches a SUM) passed ＞96 with exit 0, the table showing 96
    /// against > 96 as 已达标 (a reviewer's file): figures keep the 15
    /// significant digits a spreadsheet does.
    #[test]
    fn binary_noise_past_fifteen_digits_passes_no_strict_target() {
        let (_dir, path) = write_csv(
            "2023.csv",
            &data_2023_with("九年义务教育巩固率", "96.00000000000001"),
        );
        let out = plan_check()
            .args(["--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
        let json = json_of(&out);
        assert_eq!(result(&json, "compulsory_retention_rate")["actual"], 96.0);
        assert_ne!(
            result(&json, "compulsory_retention_rate")["status"],
            "achieved"
        );
    }

    #[test]
    fn a_year_typo_far_beyond_the_plan_is_an_error_not_a_period() {
        let text = std::fs::read_to_string(root().join("data/2023.csv"))
            .unwrap()
            .replacen(",2023,", ",2032,", 1);
        let sandbox = sandbox_with("2023.csv", &text);
        let out = sandbox.run(&["2023.csv"]);
        assert_refused(&out, "S008", "2023.csv:2");
        assert!(stderr_of(&out).contains("2032"));
        sandbox.assert_untouched();
    }

    #[test]
    fn rows_of_another_year_than_the_file_name_are_one_warning_naming_the_lines() {
        let text = "年份,指标,数值\n2023,毛入园率,98.3\n2024,九年义务教育巩固率,100\n2024,在园幼儿数,3.9\n";
        let sandbox = sandbox_with("2023.csv", text);
        let out = sandbox.run(&["2023.csv"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let err = stderr_of(&out);
        assert_eq!(err.matches("S013").count(), 1, "{err}");
        assert!(err.contains("2023.csv:3"), "{err}");
        assert!(err.contains("第 3、4 行"), "{err}");
    }

    #[test]
    fn several_years_in_a_file_name_and_no_year_column_ask_for_the_year() {
        let name = "江津区2024年1月报送_2023年度数据.csv";
        let sandbox = sandbox_with(name, "指标,数值\n毛入园率,98.3\n九年义务教育巩固率,100\n");
        let out = sandbox.run(&[name]);
        assert_refused(&out, "S008", "--year");
        assert!(
            stderr_of(&out).contains("2024、2023"),
            "{}",
            stderr_of(&out)
        );
        let out = sandbox.run(&["--year", "2023", "--format", "json", name]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(json_of(&out)["year"], 2023);
        sandbox.assert_untouched();
    }

    #[test]
    fn a_unit_in_brackets_after_a_name_is_read_as_the_unit() {
        let sandbox = sandbox_with(
            "2023.csv",
            "指标,数值\n在园幼儿数（人）,39000\n九年义务教育巩固率,100\n",
        );
        let out = sandbox.run(&["--format", "json", "2023.csv"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let report = json_of(&out);
        assert_eq!(result(&report, "preschool_enrolment")["actual"], 3.9);
        assert_eq!(
            result(&report, "preschool_enrolment")["converted_from"]["unit"],
            "人"
        );

        let sandbox = sandbox_with("2023.csv", "指标,数值\n九年义务教育巩固率（元）,100\n");
        let out = sandbox.run(&["2023.csv"]);
        assert_refused(&out, "S010", "2023.csv:2");
        assert!(stderr_of(&out).contains("元"));
        sandbox.assert_untouched();
    }

    /// A figure typed one column too far, under no header, was dropped
    /// without a word (a helper's slip test): said once, every line listed.
    #[test]
    fn a_figure_under_no_header_is_named_not_dropped_in_silence() {
        let sandbox = sandbox_with(
            "2023.csv",
            "指标,数值,年份,\n毛入园率,,2023,98.3\n九年义务教育巩固率,100,2023,\n高中阶段教育毛入学率,98.6,2023,x\n",
        );
        let out = sandbox.run(&["2023.csv"]);
        let err = stderr_of(&out);
        // One warning per column: the figure and the note apart.
        assert_eq!(err.matches("S024").count(), 1, "{err}");
        assert!(
            err.contains("2023.csv:2:4") && err.contains("98.3") && err.contains("第 2、4 行"),
            "{err}"
        );
        sandbox.assert_untouched();
        // A 序号 column with no header beside it did not hide a figure typed
        // in another headerless column (a helper's review): one warning each.
        let sandbox = sandbox_with(
            "2023.csv",
            ",指标,数值,年份,\n1,毛入园率,98.3,2023,\n2,九年义务教育巩固率,100,2023,\n3,高中阶段教育毛入学率,,2023,98.6\n",
        );
        let out = sandbox.run(&["2023.csv"]);
        let err = stderr_of(&out);
        assert_eq!(err.matches("S024").count(), 2, "{err}");
        assert!(
            err.contains("2023.csv:4:5") && err.contains("98.6"),
            "{err}"
        );
        assert!(err.contains("这一列共 3 行有内容"), "{err}");
    }

    #[test]
    fn a_blank_region_in_a_file_with_a_region_column_is_an_error() {
        let sandbox = sandbox_with(
            "2023.csv",
            "地区,指标,数值\n江津区,毛入园率,98.3\n,九年义务教育巩固率,100\n",
        );
        let out = sandbox.run(&["2023.csv"]);
        assert_refused(&out, "S002", "2023.csv:3:1");
        sandbox.assert_untouched();
    }
}

/// Workbook cells that are not what they show, and sheets not meant to be read.
mod workbooks {
    use super::*;
    use common::xlsx::{self, Cell, Sheet, rows_2023, sheet};

    fn book(sheets: &[Sheet], active: Option<usize>) -> Sandbox {
        let mut sandbox = Sandbox::new();
        xlsx::write(&sandbox.path("2023.xlsx"), sheets, active, None);
        sandbox.remember();
        sandbox
    }

    /// The 2023 rows with the 巩固率 figure (row 3, column B) replaced.
    fn with_figure(cell: Cell<'static>) -> Vec<Vec<Cell<'static>>> {
        let mut rows = rows_2023();
        rows[2][1] = cell;
        rows
    }

    #[test]
    fn the_plain_workbook_reads() {
        let sandbox = book(&[sheet("2023", rows_2023())], None);
        let out = sandbox.run(&["--format", "json", "2023.xlsx"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(
            result(&json_of(&out), "compulsory_retention_rate")["actual"],
            100.0
        );
    }

    #[test]
    fn a_date_in_a_figure_cell_is_an_error_at_the_cell() {
        // 2023-04-05 is day 45021: read as a number, it passed the binding indicator.
        let sandbox = book(&[sheet("2023", with_figure(Cell::Date(45021.0)))], None);
        let out = sandbox.run(&["2023.xlsx"]);
        assert_refused(&out, "S004", "2023!B3");
        assert!(
            stderr_of(&out).contains("2023-04-05"),
            "{}",
            stderr_of(&out)
        );
        assert!(stderr_of(&out).contains("九年义务教育巩固率"));
        sandbox.assert_untouched();
    }

    #[test]
    fn truth_and_error_values_are_errors_at_the_cell() {
        for (cell, shown) in [
            (Cell::Bool(true), "TRUE"),
            (Cell::Error("#DIV/0!"), "#DIV/0!"),
        ] {
            let sandbox = book(&[sheet("2023", with_figure(cell))], None);
            let out = sandbox.run(&["2023.xlsx"]);
            assert_refused(&out, "S004", "2023!B3");
            assert!(stderr_of(&out).contains(shown), "{}", stderr_of(&out));
        }
    }

    #[test]
    fn a_date_in_the_year_column_is_an_error() {
        let mut rows = rows_2023();
        rows[1][2] = Cell::Date(44927.0);
        let sandbox = book(&[sheet("2023", rows)], None);
        let out = sandbox.run(&["2023.xlsx"]);
        assert_refused(&out, "S004", "2023!C2");
    }

    #[test]
    fn a_formula_without_a_computed_value_is_an_error_naming_the_cell() {
        let sandbox = book(
            &[sheet("2023", with_figure(Cell::Formula("SUM(D2:D9)")))],
            None,
        );
        let out = sandbox.run(&["2023.xlsx"]);
        assert_refused(&out, "S015", "2023!B3");
        assert!(
            stderr_of(&out).contains("SUM(D2:D9)"),
            "{}",
            stderr_of(&out)
        );
        // The indicator its row names (S015 named none: a reviewer's).
        assert!(
            stderr_of(&out).contains("（指标“九年义务教育巩固率”）"),
            "{}",
            stderr_of(&out)
        );
        sandbox.assert_untouched();
    }

    /// A formula in the region column, saved without its value: S015 at the
    /// cell, not an empty region (S002, which said to fill the region in).
    #[test]
    fn a_formula_for_a_region_without_its_value_is_said_so() {
        let mut rows = rows_2023();
        rows[0].insert(0, Cell::Text("地区"));
        for row in &mut rows[1..] {
            row.insert(0, Cell::Text("江津区"));
        }
        rows[2][0] = Cell::Formula("A2");
        let sandbox = book(&[sheet("2023", rows)], None);
        let out = sandbox.run(&["2023.xlsx"]);
        assert_refused(&out, "S015", "2023!A3");
        assert!(!stderr_of(&out).contains("S002"), "{}", stderr_of(&out));
        sandbox.assert_untouched();
    }

    /// A formula for a category saved without its value: S015 at the cell,
    /// not a name that matches several indicators (S006, which asked for
    /// the 分类 column the file had).
    #[test]
    fn a_formula_for_a_category_without_its_value_is_said_so() {
        let mut rows = vec![vec![
            Cell::Text("分类"),
            Cell::Text("指标"),
            Cell::Text("数值"),
            Cell::Text("年份"),
        ]];
        rows.push(vec![
            Cell::Formula("\"义务\"&\"教育\""),
            Cell::Text("在校学生数"),
            Cell::Number(12.3),
            Cell::Number(2023.0),
        ]);
        let sandbox = book(&[sheet("2023", rows)], None);
        let out = sandbox.run(&["2023.xlsx"]);
        assert_refused(&out, "S015", "2023!A2");
        assert!(!stderr_of(&out).contains("S006"), "{}", stderr_of(&out));
    }

    /// A stale hidden sheet first, the current one second and active.
    fn stale_and_current() -> Vec<Sheet<'static>> {
        vec![
            Sheet {
                name: "旧数据",
                hidden: true,
                rows: with_figure(Cell::Number(50.0)),
            },
            sheet("2023", rows_2023()),
        ]
    }

    #[test]
    fn the_active_visible_sheet_is_read_and_named() {
        for active in [Some(1), None, Some(0)] {
            // Some(1): the active sheet; None and Some(0) (a hidden active
            // sheet): the first visible one.
            let sandbox = book(&stale_and_current(), active);
            let out = sandbox.run(&["--format", "json", "2023.xlsx"]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{active:?}: {}",
                stderr_of(&out)
            );
            assert_eq!(
                result(&json_of(&out), "compulsory_retention_rate")["actual"],
                100.0,
                "{active:?}"
            );
            let err = stderr_of(&out);
            assert!(err.contains("S014") && err.contains("“2023”"), "{err}");
        }
    }

    /// 2023.xlsx saved open on last year's sheet: its rows all say 2022 and
    /// pass, so reading it judged 2022 with exit 0 and the 2023 sheet (a
    /// failing binding figure) was never read (a helper's slip test).
    #[test]
    fn the_sheet_of_the_file_names_year_is_read_when_it_opens_on_another_year() {
        let mut last_year = with_figure(Cell::Number(99.0));
        for row in last_year.iter_mut().skip(1) {
            row[2] = Cell::Number(2022.0);
        }
        let sheets = vec![
            sheet("2022年", last_year),
            sheet("2023年", with_figure(Cell::Number(80.0))),
        ];
        let sandbox = book(&sheets, Some(0));
        let out = sandbox.run(&["--format", "json", "2023.xlsx"]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let report = json_of(&out);
        assert_eq!(report["year"], 2023);
        assert_eq!(result(&report, "compulsory_retention_rate")["actual"], 80.0);
        let err = stderr_of(&out);
        assert!(
            err.contains("S014") && err.contains("“2023年”") && err.contains("文件名"),
            "{err}"
        );
        // --sheet still chooses; a sheet named by no year is left as it opens.
        let out = sandbox.run(&["--format", "json", "--sheet", "2022年", "2023.xlsx"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let sheets = vec![
            sheet("数据", with_figure(Cell::Number(99.0))),
            sheet("2023年", with_figure(Cell::Number(80.0))),
        ];
        let out = book(&sheets, Some(0)).run(&["--format", "json", "2023.xlsx"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    }

    /// The sheet of the file name's year is there but hidden: not read
    /// unasked, and said, with the way to read it (before the error it
    /// explains when there is one: `cli::inputs` says the warnings of a run
    /// whose every file failed).
    #[test]
    fn a_hidden_sheet_of_the_file_names_year_is_named_with_the_way_to_read_it() {
        let mut last_year = with_figure(Cell::Number(99.0));
        for row in last_year.iter_mut().skip(1) {
            row[2] = Cell::Number(2022.0);
        }
        let sheets = vec![
            sheet("2022年", last_year),
            Sheet {
                name: "2023年",
                hidden: true,
                rows: with_figure(Cell::Number(80.0)),
            },
        ];
        let sandbox = book(&sheets, Some(0));
        // The rows' 年份 (2022) are judged, the file name's other year
        // warned of (S013), as for any file.
        let out = sandbox.run(&["2023.xlsx"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let err = stderr_of(&out);
        assert!(err.contains("“2023年”是隐藏的，没有读"), "{err}");
        assert!(err.contains("--sheet 2023年"), "{err}");
        assert!(err.contains("S013"), "{err}");
        let out = sandbox.run(&["--format", "json", "--sheet", "2023年", "2023.xlsx"]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        assert_eq!(
            result(&json_of(&out), "compulsory_retention_rate")["actual"],
            80.0
        );
        sandbox.assert_untouched();
        // Without a 年份 column the sheet's year (2022) and the file name's
        // (2023) differ: an error (S008), the warning said before it.
        let no_year = |rows: Vec<Vec<Cell<'static>>>| -> Vec<Vec<Cell<'static>>> {
            rows.into_iter()
                .map(|mut r| {
                    r.truncate(2);
                    r
                })
                .collect()
        };
        let sheets = vec![
            sheet("2022年", no_year(with_figure(Cell::Number(99.0)))),
            Sheet {
                name: "2023年",
                hidden: true,
                rows: no_year(with_figure(Cell::Number(80.0))),
            },
        ];
        let out = book(&sheets, Some(0)).run(&["2023.xlsx"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
        let err = stderr_of(&out);
        let warned = err
            .find("“2023年”是隐藏的")
            .expect("the hidden sheet named");
        let refused = err.find("S008").expect("the year refused");
        assert!(warned < refused, "{err}");
    }

    #[test]
    fn a_figure_right_of_the_table_is_named() {
        // The figure in D3, its own cell blank; nothing else in column D,
        // not even a header cell.
        let mut rows = with_figure(Cell::Text(""));
        rows[2].push(Cell::Number(98.3));
        // And a note two columns further on another row: one warning a
        // column (one per sheet hid the figure behind the note).
        rows[1].extend([Cell::Text(""), Cell::Text("备注")]);
        let out = book(&[sheet("2023", rows)], None).run(&["2023.xlsx"]);
        let err = stderr_of(&out);
        assert_eq!(err.matches("S024").count(), 2, "{err}");
        assert!(err.contains("2023!D3") && err.contains("2023!E2"), "{err}");
    }

    /// A sheet's name is the rows' year where the file's name has none, and
    /// a sheet of another year than the file's name leaves the year to be
    /// given: 2023.xlsx read on its only sheet, 2022年, was judged as 2023
    /// with no word (a helper's review).
    #[test]
    fn a_sheet_named_by_a_year_is_the_rows_year_or_a_question() {
        let no_year_column = || -> Vec<Vec<Cell<'static>>> {
            rows_2023()
                .into_iter()
                .map(|row| row.into_iter().take(2).collect())
                .collect()
        };
        let mut sandbox = Sandbox::new();
        xlsx::write(
            &sandbox.path("2023.xlsx"),
            &[sheet("2022年", no_year_column())],
            None,
            None,
        );
        xlsx::write(
            &sandbox.path("江津区.xlsx"),
            &[sheet("2022年", no_year_column())],
            None,
            None,
        );
        sandbox.remember();
        let out = sandbox.run(&["2023.xlsx"]);
        assert_refused(&out, "S008", "2022年");
        assert!(
            stderr_of(&out).contains("2023、2022"),
            "{}",
            stderr_of(&out)
        );
        let out = sandbox.run(&["--format", "json", "江津区.xlsx"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(json_of(&out)["year"], 2022);
        sandbox.assert_untouched();
    }

    #[test]
    fn the_active_sheet_is_read_when_it_is_not_the_first() {
        let sheets = vec![
            sheet("说明", vec![vec![Cell::Text("填报说明")]]),
            sheet("2023", rows_2023()),
        ];
        let sandbox = book(&sheets, Some(1));
        let out = sandbox.run(&["--format", "json", "2023.xlsx"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        // --sheet still chooses.
        let out = sandbox.run(&["--sheet", "说明", "2023.xlsx"]);
        assert_refused(&out, "S003", "说明");
    }

    #[test]
    fn an_oversized_shared_string_is_refused_before_it_is_read() {
        let mut sandbox = Sandbox::new();
        let huge = format!("<si><t>{}</t></si>", "x".repeat(2 << 20));
        let mut rows = rows_2023();
        rows[1][0] = Cell::Shared(0);
        xlsx::write(
            &sandbox.path("2023.xlsx"),
            &[sheet("2023", rows)],
            None,
            Some(&huge),
        );
        sandbox.remember();
        let out = sandbox.run(&["2023.xlsx"]);
        assert_refused(&out, "S012", "xl/sharedStrings.xml");
        sandbox.assert_untouched();
    }
}

/// Text from the user's files reaches a terminal with its control characters
/// escaped; JSON and CSV keep it as it is.
#[test]
fn control_characters_are_escaped_on_the_terminal_and_kept_in_json() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.path("2023.csv"),
        "地区,指标,数值\n江津区\u{1b}[31m,九年义务教育巩固率,100\n江津区\u{1b}[31m,毛入\u{1b}[2J园率,98\n",
    )
    .unwrap();
    for args in [&["2023.csv"][..], &["--color", "always", "2023.csv"]] {
        let out = sandbox.run(args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let table = stdout_of(&out);
        let err = stderr_of(&out);
        assert!(table.contains("江津区\\u{1b}[31m"), "{table}");
        assert!(!err.contains('\u{1b}'), "{err}");
        assert!(err.contains("S007"), "{err}");
        if args.len() == 1 {
            assert!(!table.contains('\u{1b}'), "{table}");
        }
    }
    let out = sandbox.run(&["--format", "json", "2023.csv"]);
    assert_eq!(json_of(&out)["region"], "江津区\u{1b}[31m");
}

/// Figures the indicator cannot take are errors; a percent written as a
/// fraction is a warning with the likely figure.
mod plausibility {
    use super::*;

    fn run_with(name: &str, value: &str) -> (Sandbox, std::process::Output) {
        let mut sandbox = Sandbox::new();
        std::fs::write(sandbox.path("2023.csv"), data_2023_with(name, value)).unwrap();
        sandbox.remember();
        let out = sandbox.run(&["2023.csv"]);
        (sandbox, out)
    }

    #[test]
    fn a_negative_count_is_an_error_at_its_line() {
        let (sandbox, out) = run_with("在园幼儿数", "-3.9");
        assert_refused(&out, "S016", "2023.csv:2:3");
        assert!(stderr_of(&out).contains("≥ 0"), "{}", stderr_of(&out));
        sandbox.assert_untouched();
    }

    #[test]
    fn a_share_over_100_where_the_plan_says_it_is_a_share_is_an_error() {
        let (_, out) = run_with("公办幼儿园在园幼儿占比", "561");
        assert_refused(&out, "S016", "[0, 100]");
        // A gross ratio has no such bound in the plan: 101 is a figure.
        let (_, out) = run_with("毛入园率", "101");
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    }

    #[test]
    fn a_percent_written_as_a_fraction_is_a_warning_with_the_likely_figure() {
        let (_, out) = run_with("毛入园率", "0.983");
        let err = stderr_of(&out);
        assert!(err.contains("S017") && err.contains("98.3"), "{err}");
        assert!(err.contains("2023.csv:3:3"), "{err}");
    }
}

/// A run terminated while it writes its output leaves neither the output nor
/// its temporary file behind. The output is written as it is rendered, so the
/// temporary file exists for the whole rendering of 20,000 regions' JSON.
#[cfg(unix)]
#[test]
fn sigterm_and_sigint_remove_the_temporary_file() {
    for signal in ["-TERM", "-INT"] {
        let mut sandbox = Sandbox::new();
        let mut text = String::from("地区,指标,数值\n");
        for region in 0..20_000 {
            for (name, value) in [("毛入园率", 98.3), ("九年义务教育巩固率", 100.0)] {
                text.push_str(&format!("合成区县{region:05},{name},{value}\n"));
            }
        }
        std::fs::write(sandbox.path("2023.csv"), text).unwrap();
        sandbox.remember();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("plan-check"))
            .current_dir(sandbox.path(""))
            .args(["--format", "json", "--output", "out.json", "2023.csv"])
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let temporary = || {
            std::fs::read_dir(sandbox.path(""))
                .unwrap()
                .filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().starts_with(".plan-check-"))
        };
        let start = std::time::Instant::now();
        while !temporary() {
            assert!(
                child.try_wait().unwrap().is_none(),
                "the run ended before its temporary file was seen"
            );
            assert!(start.elapsed().as_secs() < 120, "no temporary file");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let killed = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{signal}: {status:?}");
        assert!(!temporary(), "{signal}: the temporary file is left behind");
        assert!(!sandbox.path("out.json").exists());
        sandbox.assert_untouched();
    }
}

/// Each self-contradiction of a plan file, in the shipped plan: exit 2 with the
/// plan's line, before any figure is read.
#[test]
fn plans_with_impossible_numbers_or_names_do_not_load() {
    let original = std::fs::read_to_string(plan_path()).unwrap();
    for (from, to, says) in [
        ("baseline = 98.2\n", "baseline = nan\n", "baseline"),
        ("baseline = 98.2\n", "baseline = inf\n", "baseline"),
        (
            "tolerance_pct = 5 }",
            "tolerance_pct = 1e300 }",
            "tolerance_pct",
        ),
        ("name = \"毛入园率\"", "name = \"\"", "名称"),
        ("name = \"毛入园率\"", "name = \"在园幼儿数\"", "同名"),
    ] {
        assert!(original.contains(from), "{from}");
        let mut sandbox = Sandbox::new();
        let plan = sandbox.path("plan/jiangjin-education-14th-fyp.toml");
        std::fs::write(&plan, original.replacen(from, to, 1)).unwrap();
        sandbox.remember();
        let out = sandbox.run(&["2023.csv"]);
        assert_refused(&out, "P004", "jiangjin-education-14th-fyp.toml:");
        assert!(stderr_of(&out).contains(says), "{to}: {}", stderr_of(&out));
        sandbox.assert_untouched();
    }
}

/// A write that cannot start names the path the user gave, in the user's
/// language, never the temporary file; a folder that does not exist is named.
#[test]
fn a_failed_write_names_the_output_not_the_temporary_file() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["-o", "no-such-folder/out.txt", "2023.csv"]);
    assert_refused(&out, "U003", "no-such-folder/out.txt");
    let err = stderr_of(&out);
    assert!(!err.contains(".plan-check-"), "{err}");
    assert!(
        err.contains("文件夹 no-such-folder 不存在") && !err.contains("No such file"),
        "{err}"
    );
    sandbox.assert_untouched();
    // The report names the folder too, in English when asked.
    let out = sandbox.run(&["--lang", "en", "report", "2023.csv", "-o", "gone/r.docx"]);
    assert_refused(&out, "U003", "the folder gone does not exist");
    sandbox.assert_untouched();
}

/// A damaged .xls header on which the workbook library asserts (found by the
/// workbook_loader fuzz target): an error naming the file, never a panic.
#[test]
fn a_workbook_the_library_cannot_parse_is_an_error_not_a_panic() {
    let mut sandbox = Sandbox::new();
    std::fs::copy(
        root().join("tests/fixtures/fuzz/damaged-cfb-header.xls"),
        sandbox.path("2023.xls"),
    )
    .unwrap();
    sandbox.remember();
    let out = sandbox.run(&["2023.xls"]);
    assert_refused(&out, "S012", "2023.xls");
    assert!(!stderr_of(&out).contains("panicked"), "{}", stderr_of(&out));
    sandbox.assert_untouched();
}

/// A text file named like a workbook is told apart from a damaged workbook,
/// in the user's language (the library's English comes last, in brackets).
#[test]
fn a_csv_named_xlsx_is_told_to_be_renamed() {
    let mut sandbox = Sandbox::new();
    std::fs::copy(sandbox.path("2023.csv"), sandbox.path("2023.xlsx")).unwrap();
    sandbox.remember();
    let out = sandbox.run(&["2023.xlsx"]);
    assert_refused(&out, "S012", "2023.xlsx");
    let err = stderr_of(&out);
    assert!(
        err.contains("内容却是文本") && err.contains(".csv"),
        "{err}"
    );
    assert!(err.find("内容却是文本") < err.find("Zip"), "{err}");
}

/// A 4 KB .xls whose sector table loops (found by fuzzing) made the workbook
/// library allocate without end (24 GB): it is refused, S012, and the test
/// runs it under a 1 GB address-space limit so a regression fails, not hangs.
#[cfg(unix)]
#[test]
fn a_looping_compound_file_is_refused_within_bounded_memory() {
    let mut sandbox = Sandbox::new();
    std::fs::copy(
        root().join("tests/fixtures/fuzz/looping-fat.xls"),
        sandbox.path("2023.xls"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/fuzz/huge-range.xls"),
        sandbox.path("2024.xls"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/fuzz/huge-dimensions.xls"),
        sandbox.path("2025.xls"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/fuzz/repeat-bomb.ods"),
        sandbox.path("2026.ods"),
    )
    .unwrap();
    sandbox.remember();
    let bin = assert_cmd::cargo::cargo_bin("plan-check");
    let run = |file: &str| {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 1048576; exec '{}' {file}",
                bin.display()
            ))
            .current_dir(sandbox.path(""))
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    assert_refused(&run("2023.xls"), "S012", "2023.xls");
    // A cell record far outside an .xls sheet made the library ask for 42 GB.
    assert_refused(&run("2024.xls"), "S012", "2024.xls");
    // A DIMENSIONS record declaring a range of 491 GB.
    assert_refused(&run("2025.xls"), "S012", "2025.xls");
    // A 904-byte .ods whose repeated row and columns expand to 98 million
    // cells (a reviewer's; 15 GB, then an abort, under a limit).
    assert_refused(&run("2026.ods"), "S012", "2026.ods");
    sandbox.assert_untouched();
    // A genuine .xls still reads.
    let out = plan_check()
        .args(["--format", "json", "tests/fixtures/2023.xls"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        result(&json_of(&out), "compulsory_retention_rate")["actual"],
        100.0
    );
}

/// Standard error closed before plan-check writes to it (`2>&1 >/dev/null |
/// head -1` closes it after one line): the messages are lost, never a panic
/// (exit 101); the run ends with its own exit code.
#[test]
fn a_closed_standard_error_is_no_panic() {
    let bin = env!("CARGO_BIN_EXE_plan-check");
    for (args, code) in [
        (
            "tests/fixtures/import/corpus/09-hubei-cultural-relics-14th/original-excerpt.pdf",
            0,
        ),
        ("data/2023.csv missing.csv", 2),
    ] {
        let args = if args.ends_with(".pdf") {
            format!("import {args}")
        } else {
            args.to_owned()
        };
        // The reader closes its end at once and outlives plan-check.
        let script = format!(
            "'{bin}' {args} 2>&1 >/dev/null | (exec 0<&-; sleep 1); exit ${{PIPESTATUS[0]}}"
        );
        let status = std::process::Command::new("bash")
            .args(["-c", &script])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(code), "{args}");
    }
}

/// A district's workbook saved by WPS as `.et` beside the others is not
/// passed over (it was, and its failing binding figure with it, exit 0): it
/// is refused with the way to read it; a file in the folder that is no
/// statistics file is named (S026), never skipped in silence.
#[test]
fn a_folder_reads_a_wps_workbook_and_names_what_it_does_not_read() {
    let mut sandbox = Sandbox::new();
    std::fs::remove_file(sandbox.path("data/2024.csv")).ok();
    let folder = sandbox.path("district");
    std::fs::create_dir_all(&folder).unwrap();
    // The binding 巩固率 at 90, below ＞96, in a workbook named .et.
    let mut rows = common::xlsx::rows_2023();
    for row in rows.iter_mut().skip(1) {
        if matches!(row[0], common::xlsx::Cell::Text("九年义务教育巩固率")) {
            row[1] = common::xlsx::Cell::Number(90.0);
        }
    }
    common::xlsx::write(
        &folder.join("2023.et"),
        &[common::xlsx::sheet("2023", rows)],
        None,
        None,
    );
    std::fs::write(folder.join("说明.docx"), b"not a table").unwrap();
    sandbox.remember();
    let out = sandbox.run(&["district"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("S026") && err.contains("说明.docx"), "{err}");
    assert!(
        err.contains("district/2023.et") && err.contains("请把扩展名改为 .xlsx"),
        "{err}"
    );
    sandbox.assert_untouched();
}

/// A header of two rows (数值 merged over 2022年 | 2023年): the second row
/// was skipped as a repeated header and the 2022 column judged as 2023's
/// figures, exit 0 (a reviewer's workbook). Refused at the cell, S003.
#[test]
fn a_header_of_two_rows_with_years_under_the_value_is_refused() {
    let out = plan_check()
        .arg("tests/fixtures/two-row-header-2023.xlsx")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("S003") && err.contains("D2") && err.contains("表头占了两行"),
        "{err}"
    );
}

/// A 数值 merged down over two indicators is the first's figure only: the
/// binding 巩固率 under 毛入园率's merged 98.3 was judged 已达标 on it, exit
/// 0 (a reviewer's workbook); it is 未填报 now, as `.xls` and `.ods` read
/// it. A 年份 merged down every row still stands in each.
#[test]
fn a_merged_figure_stands_for_its_first_row_only() {
    let out = plan_check()
        .args(["--format", "json", "tests/fixtures/merged-value-2023.xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["year"], 2023, "{json}");
    assert_eq!(
        result(&json, "compulsory_retention_rate")["status"],
        "missing"
    );
    assert_eq!(
        result(&json, "preschool_gross_enrolment_rate")["actual"],
        98.3
    );
}

/// An `.ods` whose 数值 cells of percent rows are typed as percentages
/// (LibreOffice and WPS show 98.3%, the file holds 0.983): read as shown,
/// as an `.xlsx` percent format is (they read 0.983, S017, and judged as it).
#[test]
fn percent_typed_cells_of_an_ods_read_as_shown() {
    let out = plan_check()
        .args(["--format", "json", "tests/fixtures/percent-2023.ods"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains("S017"), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        result(&json, "preschool_gross_enrolment_rate")["actual"],
        98.3
    );
    assert_eq!(result(&json, "compulsory_retention_rate")["actual"], 100.0);
    // A count beside them is read as it is.
    assert_eq!(result(&json, "preschool_enrolment")["actual"], 3.85);
}

/// A city's collection sheet with each district's 地区 cell merged down over
/// its rows (a reviewer's WPS workbook): read as Excel shows it, every row
/// with its district (it was S002, 地区是空的, with a hint that could not work).
#[test]
fn merged_region_cells_stand_for_every_row_of_their_block() {
    let out = plan_check()
        .args([
            "--format",
            "json",
            "tests/fixtures/merged-regions-2023.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let regions: Vec<&str> = json["regions"]
        .as_array()
        .expect("the regions view")
        .iter()
        .map(|r| r["region"].as_str().unwrap())
        .collect();
    assert_eq!(regions.len(), 2, "{json}");
    assert!(
        regions.contains(&"江津区") && regions.contains(&"永川区"),
        "{regions:?}"
    );
}

/// Warnings that repeat on every row are kept bounded and counted: two
/// thousand rows of one unknown name are one S007 that counts them (a
/// reviewer's two million kept two million warnings, 9.7 GB), and the first
/// few fractions of one indicator are listed, the rest counted.
#[test]
fn repeated_warnings_are_one_that_counts_them() {
    let mut text = String::from("指标,数值,年份\n九年义务教育巩固率,99,2023\n");
    for _ in 0..2000 {
        text.push_str("某个没有的指标,1,2023\n");
    }
    let (_dir, path) = write_csv("2023.csv", &text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert_eq!(err.matches("[S007]").count(), 1, "{err}");
    assert!(err.contains("共 2000 行是这一名称：第 3、4、5"), "{err}");
    // The table's footer counts the rows, not the one warning.
    assert!(
        stdout_of(&out).contains("其中 2000 行的指标不在规划中，未检查"),
        "{}",
        stdout_of(&out)
    );
    // A warning of another kind on every row (100 districts' 毛入园率
    // written as fractions, S017): the first 20 listed, the rest counted.
    let mut text = String::from(
        "地区,指标,数值,年份
",
    );
    for i in 0..100 {
        text.push_str(&format!(
            "示例区{i},毛入园率,0.983,2023
"
        ));
    }
    let (_dir, path) = write_csv("2023.csv", &text);
    let out = plan_check().arg(&path).output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(err.matches("[S017]").count(), 20, "{err}");
    assert!(err.contains("另有 80 处同样的警告未列出"), "{err}");
    // JSON says how many more each stands for.
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let more: u64 = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["more"].as_u64())
        .sum();
    assert_eq!(more, 80, "{json}");
}

/// A workbook row with thousands of cells right of its header is no table
/// row: refused at once, as a CSV row wider than its header is (a
/// reviewer's one row of 20 million cells ran 10 minutes into 16 GB); and
/// a cell past an .xlsx sheet's 16,384 columns is a damaged file.
#[test]
fn a_workbook_row_far_wider_than_its_header_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "指标").unwrap();
    sheet.write_string(0, 1, "数值").unwrap();
    sheet.write_string(1, 0, "九年义务教育巩固率").unwrap();
    sheet.write_number(1, 1, 99.0).unwrap();
    for column in 2..200 {
        sheet.write_number(1, column, 1.0).unwrap();
    }
    workbook.save(&path).unwrap();
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("S002") && err.contains("没有表头的列中有超过 64 个单元格有内容"),
        "{err}"
    );
    // The refused row's cells are not each warned of first.
    assert!(!err.contains("S024"), "{err}");
    // A note or two beside the table is still only said.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "指标").unwrap();
    sheet.write_string(0, 1, "数值").unwrap();
    sheet.write_string(1, 0, "九年义务教育巩固率").unwrap();
    sheet.write_number(1, 1, 99.0).unwrap();
    sheet.write_string(1, 3, "已核").unwrap();
    workbook.save(&path).unwrap();
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("S024"));
}

/// A return saved open on its 填表说明 sheet, which holds an example row
/// under the same header: the example was judged (exit 0) and the district's
/// 90 on 2023年数据 never read (a reviewer's template). The first sheet that
/// is not instructions is read, and said.
#[test]
fn a_workbook_open_on_its_instructions_reads_the_data_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet().set_name("填表说明").unwrap();
    notes.write_string(0, 0, "指标").unwrap();
    notes.write_string(0, 1, "数值").unwrap();
    notes.write_string(1, 0, "九年义务教育巩固率").unwrap();
    notes.write_number(1, 1, 98.5).unwrap();
    notes.set_active(true);
    let data = workbook.add_worksheet().set_name("2023年数据").unwrap();
    data.write_string(0, 0, "指标").unwrap();
    data.write_string(0, 1, "数值").unwrap();
    data.write_string(1, 0, "九年义务教育巩固率").unwrap();
    data.write_number(1, 1, 90.0).unwrap();
    workbook.save(&path).unwrap();
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result(&json, "compulsory_retention_rate")["actual"], 90.0);
    let err = stderr_of(&out);
    assert!(
        err.contains("读取的是工作表“2023年数据”（打开时显示的“填表说明”是说明）"),
        "{err}"
    );
    // Asked for by name, the instructions are read.
    let out = plan_check()
        .args(["--format", "json", "--sheet", "填表说明"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result(&json, "compulsory_retention_rate")["actual"], 98.5);
}
