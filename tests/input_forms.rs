//! Submitted files as they really arrive: encodings, delimiters, title rows,
//! Chinese number forms, units — and input that must never crash the checker.

mod common;

use common::*;
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// The shipped 2023 figures, with the absolute temp path replaced so runs compare.
fn json_for(bytes: &[u8], extra: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023.csv");
    std::fs::write(&path, bytes).unwrap();
    let out = plan_check()
        .args(["--format", "json"])
        .args(extra)
        .arg(&path)
        .output()
        .unwrap();
    let shown = path.display().to_string();
    (
        out.status.code(),
        stdout_of(&out).replace(&shown, "2023.csv"),
        stderr_of(&out).replace(&shown, "2023.csv"),
    )
}

fn utf16(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = Vec::new();
    if encoding == UTF_16LE {
        out.extend_from_slice(&[0xFF, 0xFE]);
        units
            .iter()
            .for_each(|u| out.extend_from_slice(&u.to_le_bytes()));
    } else {
        out.extend_from_slice(&[0xFE, 0xFF]);
        units
            .iter()
            .for_each(|u| out.extend_from_slice(&u.to_be_bytes()));
    }
    out
}

#[test]
fn every_encoding_and_line_ending_gives_the_same_json() {
    let text = std::fs::read_to_string(root().join("data/2023.csv")).unwrap();
    let (code, reference, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    let (gb, _, had_errors) = GB18030.encode(&text);
    assert!(!had_errors);
    let tabs = text.replace(',', "\t");
    let variants: Vec<(&str, Vec<u8>)> = vec![
        (
            "utf-8 with BOM",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        ("GB18030", gb.into_owned()),
        ("CRLF", text.replace('\n', "\r\n").into_bytes()),
        ("UTF-16LE, tabs", utf16(&tabs, UTF_16LE)),
        ("UTF-16BE, tabs", utf16(&tabs, UTF_16BE)),
        ("semicolons", text.replace(',', ";").into_bytes()),
        ("trailing blank lines", format!("{text}\n\n").into_bytes()),
    ];
    for (name, bytes) in variants {
        let (code, json, err) = json_for(&bytes, &[]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert_eq!(json, reference, "{name}");
    }
}

#[test]
fn forced_encoding_and_delimiter() {
    let text = "指标\t数值\n九年义务教育巩固率\t100\n";
    let (gb, _, _) = GB18030.encode(text);
    let (code, json, err) = json_for(&gb, &["--encoding", "gbk", "--delimiter", "tab"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(json.contains("\"actual\": 100.0"));
    // Forcing the wrong encoding shows as undecodable bytes, not as a silent pass.
    let (code, _, err) = json_for(&gb, &["--encoding", "utf-16le"]);
    assert_eq!(code, Some(2), "{err}");
}

#[test]
fn a_title_row_above_the_header_is_skipped() {
    let text = "江津区2023年教育事业统计表,,\n,,\n指标,数值,单位\n九年义务教育巩固率,100,%\n";
    let (code, json, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result(&report, "compulsory_retention_rate")["line"], 4);
}

#[test]
fn chinese_number_forms_read_as_the_numbers_they_are() {
    // Thousands separators on a count in 人, converted to the plan's 万人.
    let text = "分类,指标,数值,单位\n\
        学前教育,毛入园率,９８．２,\n\
        学前教育,公办幼儿园在园幼儿占比,55.38％,\n\
        义务教育,九年义务教育巩固率,\u{3000}100 %\u{3000},\n\
        义务教育,在校学生数,\"123,400\",人\n\
        高中阶段教育,在校学生数,—,\n\
        高等教育,高等教育在学总规模,暂无,\n";
    let (code, json, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        result(&report, "preschool_gross_enrolment_rate")["actual"],
        98.2
    );
    assert_eq!(
        result(&report, "public_kindergarten_share")["actual"],
        55.38
    );
    assert_eq!(
        result(&report, "compulsory_retention_rate")["actual"],
        100.0
    );
    assert_eq!(result(&report, "compulsory_students")["actual"], 12.34);
    assert_eq!(
        result(&report, "compulsory_students")["converted_from"]["value"],
        123400.0
    );
    assert_eq!(
        result(&report, "upper_secondary_students")["status"],
        "missing"
    );
    assert_eq!(
        result(&report, "higher_education_enrolment")["status"],
        "missing"
    );
}

#[test]
fn every_rejected_number_form_exits_2_with_file_line_and_raw_text() {
    for raw in ["12.3.4", "约98", "NaN", "inf", "1e5", "98..2", "１２a"] {
        let text = format!("指标,数值\n九年义务教育巩固率,100\n毛入园率,{raw}\n");
        let (code, out, err) = json_for(text.as_bytes(), &[]);
        assert_eq!(code, Some(2), "{raw}");
        assert!(out.is_empty(), "{raw}: nothing judged");
        assert!(
            err.contains("2023.csv:3:2") && err.contains(raw),
            "{raw}: {err}"
        );
    }
    let text = "指标,数值\n在园幼儿数,3.9%\n";
    let (code, _, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("百分号"), "{err}");
}

#[test]
fn a_row_after_blank_lines_is_named_by_its_own_line() {
    // The csv crate dates such a row from the end of the row before it (line 3
    // here); the message must point where the figure is.
    for ending in ["\n", "\r\n"] {
        let text = "指标,数值\n九年义务教育巩固率,100\n\n\n毛入园率,约98\n".replace('\n', ending);
        let (code, _, err) = json_for(text.as_bytes(), &[]);
        assert_eq!(code, Some(2));
        assert!(err.contains("2023.csv:5:2"), "{ending:?}: {err}");
    }
}

#[test]
fn an_open_quote_that_swallows_rows_is_an_error_a_note_over_two_lines_is_not() {
    let rows =
        "分类,指标,数值,备注\n学前教育,毛入园率,98,\"开始\n义务教育,九年义务教育巩固率,90,\n";
    for text in [rows.to_owned(), rows.trim_end().to_owned()] {
        let (code, out, err) = json_for(text.as_bytes(), &[]);
        assert_eq!(code, Some(2), "{text:?}: {out}");
        assert!(
            err.contains("2023.csv:2:4") && err.contains("双引号"),
            "{err}"
        );
    }
    let text = "分类,指标,数值,备注\n学前教育,毛入园率,98,\"第一行\n第二行, 有一个逗号\"\n义务教育,九年义务教育巩固率,100,\n";
    let (code, out, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("\"actual\": 98.0"), "{out}");
}

#[test]
fn units_convert_when_exact_and_are_refused_otherwise() {
    let text = "指标,数值,单位\n在园幼儿数,39000,人\n九年义务教育巩固率,100,％\n";
    let (code, json, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let r = result(&report, "preschool_enrolment");
    assert_eq!(r["actual"], 3.9);
    assert_eq!(
        r["converted_from"],
        serde_json::json!({"value": 39000.0, "unit": "人"})
    );
    // The table says so too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023.csv");
    std::fs::write(&path, text).unwrap();
    let table = stdout_of(&plan_check().arg(&path).output().unwrap());
    assert!(
        table.contains("单位换算：在园幼儿数 填报为 39000 人，按 3.9 万人 检查"),
        "{table}"
    );

    let text = "指标,数值,单位\n在园幼儿数,39,%\n";
    let (code, _, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("S010") && err.contains("2023.csv:2:3"),
        "{err}"
    );
}

#[test]
fn names_match_as_people_type_them() {
    let text = "分类,指标,数值\n\
        学前教育,毛入园率（%）,98\n\
        学前教育, 公办幼儿园在园幼儿占比 ,55\n\
        义务教育,其中:普通小学,7.5\n\
        义务教育,九年义务教育巩固率(%),100\n";
    let (code, _, err) = json_for(text.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("S007"), "{err}");
}

#[test]
fn hostile_input_gets_a_message_never_a_panic_or_a_pass() {
    let mut random = vec![0u8; 4096];
    let mut x: u32 = 12345;
    for b in &mut random {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("random bytes", random, "S002"),
        ("empty", Vec::new(), "S003"),
        (
            "header only",
            b"\xE6\x8C\x87\xE6\xA0\x87,\xE6\x95\xB0\xE5\x80\xBC\n".to_vec(),
            "S003",
        ),
        (
            "unclosed quote",
            "指标,数值\n九年义务教育巩固率,\"100\n毛入园率,98\n"
                .as_bytes()
                .to_vec(),
            "未闭合",
        ),
        ("a workbook", b"PK\x03\x04rest-of-zip".to_vec(), "Excel"),
        ("one enormous line", vec![b'9'; 2 * 1024 * 1024], "S002"),
        (
            "invalid GB18030 after a UTF-8 start",
            [
                b"\xE6\x8C\x87\xE6\xA0\x87,\xE6\x95\xB0\xE5\x80\xBC\n".as_slice(),
                &vec![b'a'; 70_000],
                b"\n\xB2\xBB,1\n",
            ]
            .concat(),
            "S002",
        ),
    ];
    for (name, bytes, expect) in cases {
        let (code, out, err) = json_for(&bytes, &[]);
        assert_eq!(code, Some(2), "{name}: {err}");
        assert!(out.is_empty(), "{name}");
        assert!(err.contains(expect), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(err.len() < 2000, "{name}: the message stays short");
    }
}

#[test]
fn an_input_file_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023.csv");
    std::fs::copy(root().join("data/2023.csv"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    plan_check().arg(&path).output().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

/// A workbook piped in (`< 报表.xlsx`) is read as the workbook it is, named
/// `<stdin>` in messages, never by its temporary copy.
#[test]
fn a_workbook_on_standard_input_is_read_as_a_workbook() {
    let read = |fixture: &str| {
        plan_check()
            .args(["--format", "json", "--year", "2023", "-"])
            .pipe_stdin(root().join(fixture))
            .unwrap()
            .output()
            .unwrap()
    };
    for fixture in ["tests/fixtures/2023.xls", "tests/fixtures/2023.ods"] {
        let out = read(fixture);
        assert_eq!(out.status.code(), Some(0), "{fixture}: {}", stderr_of(&out));
        let json = json_of(&out);
        assert_eq!(
            result(&json, "preschool_gross_enrolment_rate")["actual"],
            98.3
        );
    }
    let out = read("tests/fixtures/password-protected.xlsx");
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("<stdin>") && stderr.contains("密码"),
        "{stderr}"
    );
    assert!(!stderr.contains("plan-check-stdin"), "{stderr}");
}

/// Slips a reviewer made: a line pasted from a GBK file into a UTF-8 one is
/// reported at its own line (it was read as GB18030 and refused at line 1),
/// a UTF-8 mark before GBK text says to give the encoding, and the header
/// repeated under the data (two files joined) is skipped with S025, never
/// called an indicator the plan lacks.
#[test]
fn a_pasted_gbk_line_a_marked_gbk_file_and_a_repeated_header() {
    let shipped = std::fs::read(root().join("data/2023.csv")).unwrap();
    let mut mixed = shipped.clone();
    let second = String::from_utf8_lossy(&shipped)
        .lines()
        .nth(1)
        .unwrap()
        .to_owned();
    let pasted = format!("{second}\n");
    let (gbk, _, _) = GB18030.encode(&pasted);
    mixed.extend_from_slice(&gbk);
    let (code, _, err) = json_for(&mixed, &[]);
    assert_eq!(code, Some(2), "{err}");
    let last_line = String::from_utf8_lossy(&shipped).lines().count() + 1;
    assert!(
        err.contains(&format!("2023.csv:{last_line}:")) && err.contains("混用了编码"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&shipped).into_owned();
    let (gbk, _, _) = GB18030.encode(&text);
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice(&gbk);
    let (code, _, err) = json_for(&marked, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--encoding gb18030"), "{err}");
    let mut joined = shipped.clone();
    let header = text.lines().next().unwrap();
    joined.extend_from_slice(format!("{header}\n").as_bytes());
    let (code, json, err) = json_for(&joined, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("S025") && !err.contains("S007"), "{err}");
    let (_, plain, _) = json_for(&shipped, &[]);
    let results =
        |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap()["results"].clone();
    assert_eq!(
        results(&json),
        results(&plain),
        "the same judgement as without the repeated header"
    );
}

/// A city's sheets name the district and year columns many ways: a
/// reviewer's 区县名称 was dropped in silence (every row judged by the
/// default plan as its own region, exit 0) and 统计年度 too (the year taken
/// from the file name). Both are read.
#[test]
fn district_and_year_columns_named_otherwise_are_read() {
    for (region, year) in [
        ("区县名称", "统计年度"),
        ("县区", "年度"),
        ("所属区县", "数据年份"),
    ] {
        // 示例数据: 永川区's 2023 figures in a file named for 2024.
        let text = format!(
            "{region},指标,数值,{year}\n永川区,九年义务教育巩固率,97,2023\n永川区,毛入园率,98.4,2023\n"
        );
        let (_dir, path) = write_csv("2024年报送.csv", &text);
        let out = plan_check()
            .args(["--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let json = json_of(&out);
        assert_eq!(json["region"], "永川区", "{region}: {json}");
        assert_eq!(json["year"], 2023, "{year}: {json}");
    }
}

/// Notes a statistician writes under the table (注：…, a numbered line
/// after it, 填表人：… | 审核人：… on one row) stopped the whole file with
/// S002 “这一行有 1 列” and nothing judged (a reviewer's files): each is a
/// warning, S027, at its line, and the figures above are judged.
#[test]
fn notes_under_the_table_are_warned_of_not_fatal() {
    let text = std::fs::read_to_string(root().join("data/2023.csv")).unwrap()
        + "注：1.本表数据为快报数。\n2. 九年义务教育巩固率为预计数。\n填表人：张三,,审核人：李四,,,\n";
    let (_dir, path) = write_csv("2023.csv", &text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert_eq!(err.matches("S027").count(), 3, "{err}");
    assert!(err.contains("2023.csv:15"), "{err}");
    // 注册护士数 under the table is a row, not a note.
    let text = std::fs::read_to_string(root().join("data/2023.csv")).unwrap() + "注册护士数\n";
    let (_dir, path) = write_csv("2023.csv", &text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("S002"), "{}", stderr_of(&out));
}

/// File names that say less than a year, or a date: a half year's figures
/// were judged as the year's and `export-2024-01-05.csv` as 2024's, exit 0,
/// without a word (a reviewer's slips). Refused with the reason, S008;
/// `--year` says they are the year's; `--year` over another year in the
/// name is judged as asked and said (S013).
#[test]
fn a_part_of_a_year_or_a_date_in_the_file_name_is_no_year() {
    let dir = tempfile::tempdir().unwrap();
    let data = std::fs::read_to_string(root().join("data/2023.csv")).unwrap();
    // The file without its 年份 column, as many returns are.
    let without_year: String = data
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            format!("{},{},{},{}\n", cells[0], cells[1], cells[2], cells[3])
        })
        .collect();
    for (name, said) in [
        ("2023年1-6月.csv", "（“1-6月”）"),
        ("2023Q3.csv", "（“Q3”）"),
        ("2023年上半年.csv", "（“上半年”）"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &without_year).unwrap();
        let out = plan_check().arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stdout_of(&out));
        let err = stderr_of(&out);
        assert!(
            err.contains("S008") && err.contains(said) && err.contains("--year 2023"),
            "{name}: {err}"
        );
        // With its 年份 column, still not a year's figures.
        std::fs::write(&path, &data).unwrap();
        let out = plan_check().arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stdout_of(&out));
        // Said to be the year's, it is judged.
        let out = plan_check()
            .args(["--year", "2023"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr_of(&out));
    }
    let path = dir.path().join("export-2024-01-05.csv");
    std::fs::write(&path, &without_year).unwrap();
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("“2024-01-05”是日期"),
        "{}",
        stderr_of(&out)
    );
    // The whole year said in months is the year.
    let path = dir.path().join("2023年1-12月.csv");
    std::fs::write(&path, &without_year).unwrap();
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    // --year over the file name's year: as asked, and said.
    let path = dir.path().join("2023.csv");
    std::fs::write(&path, &without_year).unwrap();
    let out = plan_check()
        .args(["--year", "2022"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("文件名中的年份是 2023，按 --year 2022 检查"),
        "{}",
        stderr_of(&out)
    );
}

/// A mistyped workbook name is a file that is not there (S001), as for a
/// CSV file — it was called a damaged workbook to open and save again.
#[test]
fn a_workbook_that_is_not_there_is_said_to_be_missing() {
    for name in ["nosuch.xlsx", "nosuch.xls", "nosuch.ods"] {
        let out = plan_check().arg(name).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr_of(&out);
        assert!(
            err.contains("S001") && err.contains("无法打开统计数据文件") && !err.contains("另存"),
            "{name}: {err}"
        );
    }
}

/// A second column of figures beside 数值 (本年数值, 修正后数值) was dropped
/// in silence, the 数值 column judged (a reviewer's slip): said, S024.
/// Columns that hold no figures (序号, 填报单位) are not.
#[test]
fn another_column_of_figures_beside_the_value_is_said_not_read() {
    let (_dir, path) = write_csv(
        "2023.csv",
        "序号,分类,指标,数值,本年数值,单位,填报单位\n1,义务教育,九年义务教育巩固率,100,90,%,区教委\n",
    );
    let out = plan_check().arg(&path).output().unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("列“本年数值”没有读取"), "{err}");
    assert_eq!(err.matches("[S024]").count(), 1, "{err}");
    // Any name, not a list of figure words (审定数, 年报数, 快报数, 终值 were
    // dropped in silence: a reviewer's); the plan's own numbers (2025年目标,
    // 计划值) are no figure of the year.
    for column in ["审定数", "年报数", "快报数", "终值"] {
        let (_dir, path) = write_csv(
            "2023.csv",
            &format!(
                "分类,指标,数值,{column},单位,目标值\n义务教育,九年义务教育巩固率,100,90,%,96\n"
            ),
        );
        let err = stderr_of(&plan_check().arg(&path).output().unwrap());
        assert!(err.contains(&format!("列“{column}”没有读取")), "{err}");
        assert_eq!(err.matches("[S024]").count(), 1, "{err}");
    }
    // A table with years as columns: a column of no year is said too.
    let (_dir, path) = write_csv(
        "figures.csv",
        "指标,单位,2022年,2023年,调整后\n九年义务教育巩固率,%,100,100,90\n",
    );
    let err = stderr_of(&plan_check().arg(&path).output().unwrap());
    assert!(
        err.contains("列“调整后”没有读取：数值只读各年份列"),
        "{err}"
    );
}

/// Standard input has no file name to hold a year, and can be read once:
/// the messages said to put the year in the file name, and `- -` called the
/// second read an empty file.
#[test]
fn standard_input_is_spoken_of_as_standard_input() {
    let run = |args: &[&str]| {
        plan_check()
            .args(args)
            .write_stdin("指标,数值\n九年义务教育巩固率,99\n")
            .output()
            .unwrap()
    };
    let out = run(&["-"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("从标准输入读取时请用 --year 指定") && !err.contains("文件名"),
        "{err}"
    );
    let out = run(&["--year", "2023", "-", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("标准输入（-）只能给一次"),
        "{}",
        stderr_of(&out)
    );
}

/// `--year` over two years' files made them one year's, and the clash was
/// said to be about regions (a reviewer's slip): the hint names --year.
#[test]
fn year_over_several_files_is_named_as_the_cause_of_their_clash() {
    let dir = tempfile::tempdir().unwrap();
    for year in [2021, 2023] {
        std::fs::write(
            dir.path().join(format!("{year}.csv")),
            "指标,数值\n九年义务教育巩固率,99\n",
        )
        .unwrap();
    }
    let out = plan_check()
        .args(["--year", "2022"])
        .arg(dir.path().join("2021.csv"))
        .arg(dir.path().join("2023.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("S005") && err.contains("--year 2022 把每个文件都当作 2022 年的数据"),
        "{err}"
    );
}

/// A title row naming another year than the file's (last year's sheet saved
/// under this year's name) is said (S013); a plan period in the title is no
/// year of the figures.
#[test]
fn a_title_naming_another_year_is_said() {
    let body = "指标,数值\n九年义务教育巩固率,99\n";
    let (_dir, path) = write_csv("2023.csv", &format!("江津区2022年教育事业统计表\n{body}"));
    let out = plan_check().arg(&path).output().unwrap();
    assert!(
        stderr_of(&out).contains(
            "标题写的是 2022 年，数据按 2023 年检查（文件名或 --year）：是否用了往年的表？"
        ),
        "{}",
        stderr_of(&out)
    );
    let (_dir, path) = write_csv(
        "2023.csv",
        &format!("江津区教育事业发展规划（2021－2025年）2023年统计表\n{body}"),
    );
    let out = plan_check().arg(&path).output().unwrap();
    assert!(!stderr_of(&out).contains("S013"), "{}", stderr_of(&out));
}

/// A bracket naming the file's own year is the year's figure (the change
/// that refused （2022年） in 2023.csv refused （2023年） too, exit 1).
#[test]
fn a_bracket_naming_the_rows_own_year_is_its_figure() {
    let (_dir, path) = write_csv("2023.csv", "指标,数值\n九年义务教育巩固率（2023年）,99\n");
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        result(&json_of(&out), "compulsory_retention_rate")["actual"],
        99.0
    );
    let (_dir, path) = write_csv(
        "2023.csv",
        "指标,数值\n毛入园率,98\n九年义务教育巩固率（2022年）,99\n",
    );
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("S007"));
}

/// A row whose name cell reads 指标 but whose other cells are not the
/// header's is no repeated header: a second header row (`计划 | 实际` under
/// `2023年`) or a table joined below with its columns in another order. Both
/// were skipped as S025 and the rows read with the first header's columns,
/// the binding row's 计划 or 上年数值 taken for the year's figure, exit 0
/// (a reviewer's, 示例数据，非官方统计).
#[test]
fn a_header_row_that_is_not_the_header_again_is_refused() {
    let joined = "分类,指标,数值,上年数值,单位,年份\n\
        义务教育,九年义务教育巩固率,90,100,%,2023\n\
        分类,指标,上年数值,数值,单位,年份\n\
        学前教育,毛入园率,98.1,98.3,%,2023\n";
    let two_rows = "分类,指标名称,单位,2023年,\n\
        分类,指标名称,单位,计划,实际\n\
        义务教育,九年义务教育巩固率,%,100,90\n";
    for (text, column) in [(joined, "3"), (two_rows, "4")] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2023.csv");
        std::fs::write(&path, text).unwrap();
        let out = plan_check().arg(&path).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("S003") && err.contains(&format!("第{column}列")),
            "{err}"
        );
        assert!(!err.contains("S025"), "{err}");
    }
    // The same header again, spaces and case aside, is still skipped.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023.csv");
    std::fs::write(
        &path,
        "指标,数值,年份\n九年义务教育巩固率,100,2023\n 指标 ,数值,年份\n毛入园率,98.3,2023\n",
    )
    .unwrap();
    let out = plan_check().arg(&path).output().unwrap();
    assert!(stderr_of(&out).contains("S025"), "{}", stderr_of(&out));
    assert_ne!(out.status.code(), Some(2));
}

/// A row of full-width spaces is blank (it was an indicator “” the plan
/// lacks, S007); a name of full-width spaces beside a figure is no name
/// (S002). A reviewer's.
#[test]
fn full_width_spaces_are_blank() {
    let (_dir, path) = write_csv(
        "2023.csv",
        "指标,数值,年份\n九年义务教育巩固率,100,2023\n\u{3000},\u{3000},\n",
    );
    let out = plan_check().arg(&path).output().unwrap();
    let err = stderr_of(&out);
    assert!(!err.contains("S007") && !err.contains("S002"), "{err}");
    let (_dir, path) = write_csv(
        "2023.csv",
        "指标,数值,年份\n九年义务教育巩固率,100,2023\n\u{3000},98,2023\n",
    );
    let out = plan_check().arg(&path).output().unwrap();
    assert!(stderr_of(&out).contains("S002"), "{}", stderr_of(&out));
    assert_eq!(out.status.code(), Some(2));
}
