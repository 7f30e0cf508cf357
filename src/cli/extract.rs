//! `plan-check extract BULLETIN…`: the plan's figures taken from statistical
//! bulletins, written as the statistics file plan-check reads (the long
//! layout: 指标, 年份, 数值, 单位, 来源 naming the bulletin and its paragraph,
//! 备注 quoting the sentence); indicators not found, and those whose figures
//! no rule settles, listed on standard error by name. `--check DATA.csv`
//! compares a submitted file's figures with the bulletin's instead (exit 1
//! on a difference).

use super::args::ExtractArgs;
use super::{Config, Failure, emit, exit, inputs};
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::extract::{self, Extraction};
use crate::lang::Lang;
use crate::output;
use crate::plan::Plan;
use std::fmt::Write as _;

/// One bulletin's figures, with its name and year.
struct Read {
    file: String,
    year: i32,
    extraction: Extraction,
}

pub fn run(config: &Config, args: &ExtractArgs) -> Result<u8, Failure> {
    let plans = inputs::plans(config)?;
    let plan = inputs::single_plan(&plans)?;
    // Never onto a bulletin or the file checked; and the figures (or the
    // comparison) are written where a filled-in statistics file may be.
    output::refuse_inputs(
        config.output.as_deref(),
        args.bulletins
            .iter()
            .map(std::path::PathBuf::as_path)
            .chain(args.check.as_deref()),
    )?;
    if !args.force {
        let written = match args.check {
            Some(_) => output::Written::Comparison,
            None => output::Written::Extracted,
        };
        output::refuse_existing(config.output.as_deref(), written)?;
    }
    let mut read = Vec::new();
    for path in &args.bulletins {
        let document = crate::import::read(path)?;
        let file = document.file.clone();
        let Some(year) = args.year.or_else(|| extract::year_of(&document)) else {
            return Err(Diagnostic::error(
                Code::I001,
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
        report_unsettled(plan, r, config.lang, &mut notes);
    }
    eprint!("{notes}");
    match &args.check {
        Some(data) => check(config, &plans, plan, &read, data),
        None => {
            emit(config, statistics(plan, &read).as_bytes())?;
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

/// A text cell a spreadsheet must not run, guarded as the CSV output is.
fn safe(cell: &str) -> String {
    crate::render::csv::text(cell).into_owned()
}

/// Indicators not found, and those left out with every candidate, on
/// standard error.
fn report_unsettled(plan: &Plan, r: &Read, lang: Lang, out: &mut String) {
    let name = |i: crate::plan::IndicatorIdx| plan.indicators[i as usize].display_name();
    let (found, missing, unsettled) = (
        r.extraction.found.len(),
        r.extraction.missing.len(),
        r.extraction.unsettled.len(),
    );
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Zh => format!(
                "已从 {}（{}年）取得 {found} 项指标的数值；公报中没有找到 {missing} 项，{unsettled} 项有多个不同的数、待核对。",
                r.file, r.year
            ),
            Lang::En => format!(
                "{} ({}): {found} indicators' figures taken; {missing} not found in the bulletin, {unsettled} with several different figures to confirm.",
                r.file, r.year
            ),
        }
    );
    // A bulletin of a year the plan does not cover: its figures would be
    // refused by the check (S008); said now.
    let meta = &plan.meta;
    if r.year < meta.baseline_year {
        let _ = writeln!(
            out,
            "  {}",
            match lang {
                Lang::Zh => format!(
                    "注意：公报是 {} 年的，早于规划基期 {} 年；检查时这些数会被拒绝（S008）",
                    r.year, meta.baseline_year
                ),
                Lang::En => format!(
                    "note: the bulletin is of {}, before the plan's baseline year {}; a check refuses these figures (S008)",
                    r.year, meta.baseline_year
                ),
            }
        );
    }
    if !r.extraction.missing.is_empty() {
        let names: Vec<String> = r.extraction.missing.iter().map(|&i| name(i)).collect();
        let _ = writeln!(
            out,
            "  {}{}",
            lang.pick("没有找到：", "not found: "),
            names.join(lang.pick("、", ", "))
        );
    }
    for u in &r.extraction.unsettled {
        let _ = writeln!(
            out,
            "  {}",
            match lang {
                Lang::Zh => format!("待核对：{}，公报中有不同的数，未取：", name(u.indicator)),
                Lang::En => format!(
                    "to confirm: {}, the bulletin gives different figures, none taken:",
                    name(u.indicator)
                ),
            }
        );
        for (value, paragraph, sentence) in &u.candidates {
            let _ = writeln!(
                out,
                "    {}",
                match lang {
                    Lang::Zh => format!(
                        "{}（第{paragraph}段）“{sentence}”",
                        crate::number::display(*value)
                    ),
                    Lang::En => format!(
                        "{} (paragraph {paragraph}) “{sentence}”",
                        crate::number::display(*value)
                    ),
                }
            );
        }
    }
}

/// `--check DATA`: each submitted figure of the bulletins' years against
/// the bulletin's. The file is read as every statistics file is (CSV in any
/// encoding, workbooks, wide tables, units converted), so a difference is
/// one of figures, never of reading.
fn check(
    config: &Config,
    plans: &crate::plan::PlanSet,
    plan: &Plan,
    read: &[Read],
    data: &std::path::Path,
) -> Result<u8, Failure> {
    // The submitted file as a run of its own: read with no options, its
    // warnings shown.
    let submitted = Config {
        files: vec![data.to_path_buf()],
        read: super::args::ReadArgs::default(),
        strict: false,
        quiet: false,
        ..config.clone()
    };
    let loaded = inputs::load(&submitted, plans)?;
    let table = &loaded.observations;
    let mut out = String::new();
    let mut differences = 0;
    let mut compared = 0;
    for ry in &loaded.region_years {
        for r in read.iter().filter(|r| r.year == ry.year) {
            for f in &r.extraction.found {
                let key = crate::stats::Key {
                    region: ry.region,
                    year: ry.year,
                    indicator: f.indicator,
                };
                let Some(obs) = table.get(&key) else { continue };
                let Some(submitted) = obs.value else { continue };
                compared += 1;
                if (f.value - submitted).abs() > 1e-9 * f.value.abs().max(1.0) {
                    differences += 1;
                    let _ = writeln!(
                        out,
                        "{}:{}：{}（{}年）报送 {}，公报 {}（{}，第{}段：“{}”）",
                        table.files.get(obs.origin.file),
                        obs.origin.line,
                        plan.indicators[f.indicator as usize].display_name(),
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
    }
    let _ = writeln!(
        out,
        "{}：与公报比对 {compared} 个数，{}。",
        data.display(),
        if differences == 0 {
            "全部一致".to_owned()
        } else {
            format!("{differences} 个不同")
        }
    );
    emit(config, out.as_bytes())?;
    Ok(if differences == 0 {
        exit::PASS
    } else {
        exit::FAIL
    })
}
