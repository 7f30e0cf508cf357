//! `plan-check extract BULLETIN…`: the plan's figures taken from statistical
//! bulletins, written as the statistics file plan-check reads (the long
//! layout: 指标, 年份, 数值, 单位, 来源 naming the bulletin and its paragraph,
//! 备注 quoting the sentence); indicators not found, and those whose figures
//! no rule settles, listed on standard error by name. `--check DATA.csv`
//! compares a submitted file's figures with the bulletin's instead (exit 1
//! on a difference).

use super::args::ExtractArgs;
use super::{Cli, Failure, emit, exit, inputs};
use crate::diagnostic::{Diagnostic, Text};
use crate::extract::{self, Extraction};
use crate::plan::Plan;
use std::fmt::Write as _;

/// One bulletin's figures, with its name and year.
struct Read {
    file: String,
    year: i32,
    extraction: Extraction,
}

pub fn run(cli: &Cli, args: &ExtractArgs) -> Result<u8, Failure> {
    let plans = inputs::plans(cli)?;
    let plan = inputs::single_plan(&plans)?;
    let mut read = Vec::new();
    for path in &args.bulletins {
        let document = crate::import::read(path)?;
        let file = document.file.clone();
        let Some(year) = args.year.or_else(|| extract::year_of(&document)) else {
            return Err(Diagnostic::error(
                "I001",
                &file,
                Text::new(
                    "公报的标题中没有年份（如“2022年国民经济和社会发展统计公报”）：请用 --year 给出",
                    "the bulletin's title names no year (as in 2022年国民经济和社会发展统计公报): give it with --year",
                ),
            )
            .into());
        };
        // Plain text breaks its lines inside sentences; the other readers
        // give whole paragraphs.
        let wrapped = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        let extraction = extract::extract(plan, &extract::paragraphs(&document, wrapped));
        read.push(Read {
            file,
            year,
            extraction,
        });
    }
    let mut notes = String::new();
    for r in &read {
        report_unsettled(plan, r, &mut notes);
    }
    eprint!("{notes}");
    match &args.check {
        Some(data) => check(cli, plan, &read, data),
        None => {
            emit(cli, statistics(plan, &read).as_bytes())?;
            Ok(exit::PASS)
        }
    }
}

/// The statistics file: one row per figure found, the bulletin and its
/// paragraph in 来源, the sentence in 备注.
fn statistics(plan: &Plan, read: &[Read]) -> String {
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // 分类 first: two indicators may share a name (在校学生数).
        let _ = w.write_record(["分类", "指标", "年份", "数值", "单位", "来源", "备注"]);
        for r in read {
            for f in &r.extraction.found {
                let ind = &plan.indicators[f.indicator as usize];
                let _ = w.write_record([
                    safe(&ind.category),
                    safe(&ind.display_name()),
                    r.year.to_string(),
                    crate::number::display(f.value),
                    safe(&ind.unit),
                    safe(&format!("{}，第{}段", r.file, f.paragraph)),
                    safe(&match &f.converted {
                        Some(note) => format!("“{}”；{note}", f.sentence),
                        None => format!("“{}”", f.sentence),
                    }),
                ]);
            }
        }
        let _ = w.flush();
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A text cell a spreadsheet must not run (as the CSV output guards it).
fn safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Indicators not found, and those left out with every candidate, on
/// standard error.
fn report_unsettled(plan: &Plan, r: &Read, out: &mut String) {
    let name = |i: crate::plan::IndicatorIdx| plan.indicators[i as usize].display_name();
    let _ = writeln!(
        out,
        "已从 {}（{}年）取得 {} 项指标的数值；公报中没有找到 {} 项，{} 项有多个不同的数、待核对。",
        r.file,
        r.year,
        r.extraction.found.len(),
        r.extraction.missing.len(),
        r.extraction.unsettled.len()
    );
    if !r.extraction.missing.is_empty() {
        let names: Vec<String> = r.extraction.missing.iter().map(|&i| name(i)).collect();
        let _ = writeln!(out, "  没有找到：{}", names.join("、"));
    }
    for u in &r.extraction.unsettled {
        let _ = writeln!(
            out,
            "  待核对：{}，公报中有不同的数，未取：",
            name(u.indicator)
        );
        for (value, paragraph, sentence) in &u.candidates {
            let _ = writeln!(
                out,
                "    {}（第{paragraph}段）“{sentence}”",
                crate::number::display(*value)
            );
        }
    }
}

/// `--check DATA.csv`: each submitted figure of the bulletins' years
/// against the bulletin's.
fn check(cli: &Cli, plan: &Plan, read: &[Read], data: &std::path::Path) -> Result<u8, Failure> {
    let shown = data.display().to_string();
    let unreadable = |why: String| {
        Failure::from(Diagnostic::error(
            "S001",
            &shown,
            Text::new(
                format!("无法读取统计数据：{why}"),
                format!("cannot read the statistics: {why}"),
            ),
        ))
    };
    let bytes = std::fs::read(data).map_err(|e| unreadable(e.to_string()))?;
    let text =
        String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).into_owned();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| unreadable(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let at = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let (Some(name_at), Some(value_at)) = (at(&["指标", "indicator"]), at(&["数值", "value"]))
    else {
        return Err(unreadable("表头须有“指标”和“数值”列".to_owned()));
    };
    let year_at = at(&["年份", "year"]);
    let mut out = String::new();
    let mut differences = 0;
    let mut compared = 0;
    for record in reader.records() {
        let Ok(record) = record else { continue };
        let line = record.position().map_or(0, |p| p.line());
        let name = record.get(name_at).unwrap_or("").trim();
        let Some(index) = plan
            .indicators
            .iter()
            .position(|i| i.display_name() == name || i.name == name || i.id == name)
        else {
            continue;
        };
        let year: Option<i32> = year_at
            .and_then(|y| record.get(y))
            .and_then(|y| y.trim().parse().ok());
        let Some(submitted) = record
            .get(value_at)
            .and_then(|v| crate::number::read_number(v.trim(), true).ok())
        else {
            continue;
        };
        for r in read.iter().filter(|r| year.is_none_or(|y| y == r.year)) {
            let Some(f) = r
                .extraction
                .found
                .iter()
                .find(|f| f.indicator as usize == index)
            else {
                continue;
            };
            compared += 1;
            if (f.value - submitted).abs() > 1e-9 * f.value.abs().max(1.0) {
                differences += 1;
                let _ = writeln!(
                    out,
                    "{shown}:{line}：{name}（{}年）报送 {}，公报 {}（{}，第{}段：“{}”）",
                    r.year,
                    crate::number::display(submitted),
                    crate::number::display(f.value),
                    r.file,
                    f.paragraph,
                    f.sentence
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "{}：与公报比对 {compared} 个数，{}。",
        shown,
        if differences == 0 {
            "全部一致".to_owned()
        } else {
            format!("{differences} 个不同")
        }
    );
    emit(cli, out.as_bytes())?;
    Ok(if differences == 0 {
        exit::PASS
    } else {
        exit::FAIL
    })
}
