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

/// One bulletin's figures, with its name, year and the region its title
/// names.
struct Read {
    file: String,
    /// The bulletin's title, where it prints one.
    title: Option<String>,
    year: i32,
    region: Option<String>,
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
        // An empty file, or a document with no text: said so (it was asked
        // for a year, then found no indicator).
        if document.blocks.iter().all(|b| match b {
            crate::import::Block::Text(t) => t.trim().is_empty(),
            crate::import::Block::Table(rows) => rows.iter().flatten().all(|c| c.trim().is_empty()),
        }) {
            return Err(Diagnostic::error(
                Code::I004,
                &file,
                Text::new(
                    "文件中没有文字：不是公报，或文件是空的",
                    "the file holds no text: not a bulletin, or empty",
                ),
            )
            .into());
        }
        let title = extract::title_of(&document);
        let titled = extract::year_of(&document);
        // --year is for a title that names none; a title's own year stands.
        if let (Some(given), Some(titled)) = (args.year, titled)
            && given != titled
        {
            return Err(Diagnostic::error(
                Code::I004,
                &file,
                Text::new(
                    format!("公报的标题是 {titled} 年的，--year 给的是 {given} 年：公报中的数照标题的年份算"),
                    format!("the bulletin's title is of {titled}, --year says {given}: its figures are of the year its title says"),
                ),
            )
            .with_hint(Text::new(
                "--year 只用于标题中没有年份的公报；请去掉 --year，或换成那一年的公报",
                "--year is for a bulletin whose title names no year: drop it, or give that year's bulletin",
            ))
            .into());
        }
        // A bulletin of another place holds none of this plan's figures,
        // whatever its sentences say (a city's 城镇化率 is no district's).
        if let (Some(plan_region), Some(region)) = (
            plan.meta.region.as_deref(),
            title.as_deref().and_then(extract::region_of),
        ) && !extract::same_region(&region, plan_region)
        {
            return Err(Diagnostic::error(
                Code::I004,
                &file,
                Text::new(
                    format!("这是{region}的公报，规划是{plan_region}的：公报中的数不是{plan_region}的数，未取"),
                    format!("this is {region}'s bulletin and the plan is {plan_region}'s: its figures are not {plan_region}'s; none taken"),
                ),
            )
            .with_hint(Text::new(
                format!("请给出{plan_region}的统计公报，或用 --plan 给出{region}的规划"),
                format!("give {plan_region}'s bulletin, or {region}'s plan with --plan"),
            ))
            .into());
        }
        // A title that speaks for a level, not a place (全市…, 我国…): one
        // above or beside the plan's is not the plan's place either.
        if let Some(plan_region) = plan.meta.region.as_deref()
            && let Some(level) = title.as_deref().and_then(extract::level_of)
            && extract::other_levels(Some(plan_region)).contains(&level)
        {
            return Err(Diagnostic::error(
                Code::I004,
                &file,
                Text::new(
                    format!("公报的标题说的是{level}的数，规划是{plan_region}的：公报中的数不是{plan_region}的数，未取"),
                    format!("the bulletin's title speaks for {level} (a whole place of another level), the plan is {plan_region}'s: none taken"),
                ),
            )
            .with_hint(Text::new(
                format!("请给出{plan_region}的统计公报"),
                format!("give {plan_region}'s bulletin"),
            ))
            .into());
        }
        let Some(year) = args.year.or(titled) else {
            return Err(Diagnostic::error(
                Code::I004,
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
        let extraction =
            extract::extract(plan, &extract::paragraphs(&document, wrapped), Some(year));
        read.push(Read {
            file,
            year,
            region: title.as_deref().and_then(extract::region_of),
            title,
            extraction,
        });
    }
    let mut notes = String::new();
    for r in &read {
        report_unsettled(plan, r, config.lang, &mut notes);
    }
    // Never a panic when standard error is closed early.
    let _ = std::io::Write::write_all(&mut std::io::stderr(), notes.as_bytes());
    // Nothing taken from any bulletin: no statistics file to write, and no
    // run that did its job.
    if read.iter().all(|r| r.extraction.found.is_empty()) {
        let files = read
            .iter()
            .map(|r| r.file.as_str())
            .collect::<Vec<_>>()
            .join(config.lang.pick("、", ", "));
        return Err(Diagnostic::error(
            Code::I004,
            &files,
            Text::new(
                "公报中没有找到规划的任何一项指标，没有写出统计数据",
                "the bulletin states none of the plan's indicators; no statistics written",
            ),
        )
        .with_hint(Text::new(
            "请确认这是规划所说地区、所说方面的公报（教育规划的数多在教育事业统计公报中）；公报的说法与规划的指标名称不同时，可在规划文件中给指标写 aliases",
            "check that the bulletin is of the plan's region and subject (an education plan's figures are mostly in the education bulletin); where the bulletin words an indicator otherwise, give it aliases in the plan file",
        ))
        .into());
    }
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
                    crate::number::written(f.value),
                    safe(&ind.unit),
                    // The bulletin by its title, as a report cites it, and
                    // the file it was read from.
                    safe(&match &r.title {
                        Some(title) => format!("《{title}》第{}段（{}）", f.paragraph, r.file),
                        None => format!("{}，第{}段", r.file, f.paragraph),
                    }),
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
    // A name two categories share (在校学生数) is said with its category.
    let name = |i: crate::plan::IndicatorIdx| {
        let ind = &plan.indicators[i as usize];
        let shown = ind.display_name();
        let shared = plan
            .indicators
            .iter()
            .filter(|other| other.display_name() == shown)
            .count()
            > 1;
        if shared && !ind.category.is_empty() {
            format!("{}/{shown}", ind.category)
        } else {
            shown
        }
    };
    let (found, missing, unsettled) = (
        r.extraction.found.len(),
        r.extraction.missing.len(),
        r.extraction.unsettled.len() + r.extraction.shared.len(),
    );
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Zh => format!(
                "已从 {}（{}年）取得 {found} 项指标的数值；公报中没有找到 {missing} 项，{unsettled} 项待核对（有多个不同的数，或分不清是哪一项的）。",
                r.file, r.year
            ),
            Lang::En => format!(
                "{} ({}): {found} indicators' figures taken; {missing} not found in the bulletin, {unsettled} to confirm (different figures, or a figure that fits two).",
                r.file, r.year
            ),
        }
    );
    // A text whose title names no place (a press article, a page with no
    // title): nothing showed its figures are the plan's region's.
    if let Some(plan_region) = plan.meta.region.as_deref()
        && r.region.is_none()
        && !r.extraction.found.is_empty()
    {
        let _ = writeln!(
            out,
            "  {}",
            match lang {
                Lang::Zh => format!(
                    "注意：标题中没有地区名称，未能核对这些数是不是{plan_region}的；请对照原句逐项核对"
                ),
                Lang::En => format!(
                    "note: the title names no place, so nothing showed these figures are {plan_region}'s; check each against its sentence"
                ),
            }
        );
    }
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
    for u in &r.extraction.shared {
        let (value, paragraph, sentence) = &u.candidates[0];
        let _ = writeln!(
            out,
            "  {}",
            match lang {
                Lang::Zh => format!(
                    "待核对：{}，句中的数 {} 也对得上另一分类的同名指标，句中没有说是哪一类的，未取（第{paragraph}段）“{sentence}”",
                    name(u.indicator),
                    crate::number::display(*value)
                ),
                Lang::En => format!(
                    "to confirm: {}, the figure {} fits an indicator of the same name in another category and the sentence names neither; none taken (paragraph {paragraph}) “{sentence}”",
                    name(u.indicator),
                    crate::number::display(*value)
                ),
            }
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
    let lang = config.lang;
    let mut out = String::new();
    let mut differences = 0;
    let mut compared = 0;
    // Submitted figures of a bulletin's year it states nothing of, and
    // regions it is not the bulletin of: not compared, and said so.
    let mut not_stated: Vec<String> = Vec::new();
    let mut other_regions: Vec<String> = Vec::new();
    // Figures the bulletin states that the submitted file lacks for its
    // year: a difference (a row left out is no agreement).
    let mut unreported: Vec<String> = Vec::new();
    for ry in &loaded.region_years {
        let region = table.regions.get(ry.region);
        for r in read.iter().filter(|r| r.year == ry.year) {
            if let Some(of) = r.region.as_deref()
                && !region.is_empty()
                && !extract::same_region(of, region)
            {
                if !other_regions.iter().any(|o| o == region) {
                    other_regions.push(region.to_owned());
                }
                continue;
            }
            for (i, indicator) in plan.indicators.iter().enumerate() {
                let key = crate::stats::Key {
                    region: ry.region,
                    year: ry.year,
                    indicator: i as crate::plan::IndicatorIdx,
                };
                let Some(submitted) = table.get(&key).and_then(|o| o.value.map(|v| (o, v))) else {
                    continue;
                };
                let (obs, submitted) = submitted;
                let Some(f) = r
                    .extraction
                    .found
                    .iter()
                    .find(|f| f.indicator as usize == i)
                else {
                    // Two indicators of one name (在校学生数 under 义务教育
                    // and 高中阶段教育) are told apart by their category.
                    let shared = plan
                        .indicators
                        .iter()
                        .filter(|o| o.display_name() == indicator.display_name())
                        .count()
                        > 1;
                    let name = if shared {
                        format!(
                            "{}/{}（{}）",
                            indicator.category,
                            indicator.display_name(),
                            ry.year
                        )
                    } else {
                        format!("{}（{}）", indicator.display_name(), ry.year)
                    };
                    if !not_stated.contains(&name) {
                        not_stated.push(name);
                    }
                    continue;
                };
                compared += 1;
                if (f.value - submitted).abs() > 1e-9 * f.value.abs().max(1.0) {
                    differences += 1;
                    let (place, name) = (
                        format!("{}:{}", table.files.get(obs.origin.file), obs.origin.line),
                        indicator.display_name(),
                    );
                    let (submitted, stated) = (
                        crate::number::display(submitted),
                        crate::number::display(f.value),
                    );
                    let _ = writeln!(
                        out,
                        "{}",
                        match lang {
                            Lang::Zh => format!(
                                "{place}：{name}（{}年）报送 {submitted}，公报 {stated}（{}，第{}段：“{}”）",
                                r.year, r.file, f.paragraph, f.sentence
                            ),
                            Lang::En => format!(
                                "{place}: {name} ({}) submitted {submitted}, the bulletin says {stated} ({}, paragraph {}: “{}”)",
                                r.year, r.file, f.paragraph, f.sentence
                            ),
                        }
                    );
                }
            }
            for f in &r.extraction.found {
                let key = crate::stats::Key {
                    region: ry.region,
                    year: ry.year,
                    indicator: f.indicator,
                };
                if table.get(&key).and_then(|o| o.value).is_none() {
                    let name = plan.indicators[f.indicator as usize].display_name();
                    let stated = crate::number::display(f.value);
                    let entry = match lang {
                        Lang::Zh => format!("{name}（{}年，公报 {stated}）", ry.year),
                        Lang::En => format!("{name} ({}, the bulletin says {stated})", ry.year),
                    };
                    if !unreported.contains(&entry) {
                        unreported.push(entry);
                    }
                }
            }
        }
    }
    // Nothing compared: no check was made, and none passes.
    if compared == 0 {
        let years: Vec<String> = read.iter().map(|r| r.year.to_string()).collect();
        return Err(Diagnostic::error(
            Code::I004,
            data.display().to_string(),
            Text::new(
                format!(
                    "报送的数据中没有可与公报（{}年）比对的数：年份、地区或指标都对不上，没有比对",
                    years.join("、")
                ),
                format!(
                    "the submitted file holds no figure to compare with the bulletin ({}): no year, region or indicator in common; nothing compared",
                    years.join(", ")
                ),
            ),
        )
        .into());
    }
    let sep = lang.pick("、", ", ");
    // 全部一致 only when every submitted figure of the year was compared.
    let whole = not_stated.is_empty() && other_regions.is_empty() && unreported.is_empty();
    let verdict = match (lang, differences, whole) {
        (Lang::Zh, 0, true) => "全部一致".to_owned(),
        (Lang::Zh, 0, false) => "都一致".to_owned(),
        (Lang::Zh, k, _) => format!("{k} 个不同"),
        (Lang::En, 0, true) => "all the same".to_owned(),
        (Lang::En, 0, false) => "those the same".to_owned(),
        (Lang::En, k, _) => format!("{k} different"),
    };
    let _ = write!(
        out,
        "{}",
        match lang {
            Lang::Zh => format!("{}：与公报比对 {compared} 个数，{verdict}", data.display()),
            Lang::En => format!(
                "{}: {compared} figures compared with the bulletin, {verdict}",
                data.display()
            ),
        }
    );
    if !unreported.is_empty() {
        let _ = write!(
            out,
            "{}",
            match lang {
                Lang::Zh => format!(
                    "；公报有、报送中没有的 {} 个：{}",
                    unreported.len(),
                    unreported.join(sep)
                ),
                Lang::En => format!(
                    "; {} the bulletin states and the file lacks: {}",
                    unreported.len(),
                    unreported.join(sep)
                ),
            }
        );
    }
    if !not_stated.is_empty() {
        let _ = write!(
            out,
            "{}",
            match lang {
                Lang::Zh => format!(
                    "；公报中没有、未比对的 {} 个：{}",
                    not_stated.len(),
                    not_stated.join(sep)
                ),
                Lang::En => format!(
                    "; {} not in the bulletin, not compared: {}",
                    not_stated.len(),
                    not_stated.join(sep)
                ),
            }
        );
    }
    if !other_regions.is_empty() {
        let _ = write!(
            out,
            "{}",
            match lang {
                Lang::Zh => format!("；其他地区的数未比对：{}", other_regions.join(sep)),
                Lang::En => format!(
                    "; other regions' figures not compared: {}",
                    other_regions.join(sep)
                ),
            }
        );
    }
    let _ = writeln!(out, "{}", lang.pick("。", "."));
    emit(config, out.as_bytes())?;
    Ok(if differences == 0 && unreported.is_empty() {
        exit::PASS
    } else {
        exit::FAIL
    })
}
