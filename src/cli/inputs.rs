//! The one place that opens inputs: the plans of a run, and its statistics
//! (folders expanded, standard input as `-`), never onto the output.

use super::Config;
use crate::assess::evaluation::FailedInput;
use crate::diagnostic::{Code, Diagnostic, Severity, Text};
use crate::output;
use crate::plan::{Plan, PlanSet, load_plan_set};
use crate::stats::{LoadOptions, Observations, RegionYear};
use std::path::{Path, PathBuf};

use super::folders::expand_inputs;

/// The plans of the run (`--plan`, `--plan-dir`, else `./plan/`), refusing an
/// output onto any of them.
pub fn plans(config: &Config) -> Result<PlanSet, Vec<Diagnostic>> {
    let plans = match load_plan_set(&config.plans.plan, config.plans.plan_dir.as_deref()) {
        // None where the run is: the statistics' own folder, or a `plan/`
        // beside it or above it (`plan-check 区县/江津区/统计/` from
        // elsewhere, a plan file kept with the figures: a reviewer's
        // first hour, stopped at P001).
        Err(not_found)
            if config.plans.plan.is_empty()
                && config.plans.plan_dir.is_none()
                && not_found.message.zh.starts_with("找不到规划文件") =>
        {
            match plan_beside(&config.files) {
                Some(found) => load_plan_set(&[found], None),
                None => Err(not_found),
            }
        }
        loaded => loaded,
    }
    .map_err(|d| vec![d])?;
    output::refuse_inputs(
        config.output.as_deref(),
        plans.plans.iter().map(|p| Path::new(&p.path)),
    )
    .map_err(|d| vec![d])?;
    // Names the statistics cannot tell apart: said at the plan, not as an
    // S006 on every row with a hint to add a 分类 column the file has (a
    // reviewer's hand-written plan).
    for plan in &plans.plans {
        if let Some((a, b)) = crate::stats::resolve::indistinct_names(plan) {
            let (a, b) = (&plan.indicators[a as usize], &plan.indicators[b as usize]);
            return Err(vec![
                Diagnostic::error(
                    Code::P004,
                    plan.path.clone(),
                    Text::new(
                        format!(
                            "分类“{}”下的指标“{}”与第{}行的“{}”在统计数据中分不开（读取时不计单位、括号的全半角、“其中：”和空格）",
                            b.category, b.name, a.line, a.name
                        ),
                        format!(
                            "in the category \"{}\", \"{}\" cannot be told from \"{}\" (line {}) in the statistics (units, bracket widths, 其中： and spaces are not counted)",
                            b.category, b.name, a.name, a.line
                        ),
                    ),
                )
                .at_line(b.line as u64)
                .for_indicator(b.id.clone())
                .with_hint(Text::new(
                    "请改动其中一个名称，使两者去掉单位和括号后仍不相同",
                    "rename one so that the two differ without their units and brackets",
                )),
            ]);
        }
    }
    Ok(plans)
}

/// The one plan file found from the statistics given, when none is found
/// where the run is: a single `.toml` in a folder given, else in a `plan/`
/// folder beside the first input or above it (to a repository's root).
fn plan_beside(files: &[PathBuf]) -> Option<PathBuf> {
    let first = files.iter().find(|f| f.as_path() != Path::new("-"))?;
    let only = |dir: &Path| {
        let found = crate::plan::set::toml_files(dir).ok()?;
        match found.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    };
    if first.is_dir()
        && let Some(found) = only(first)
    {
        return Some(found);
    }
    let start = if first.is_dir() {
        first.as_path()
    } else {
        first.parent()?
    };
    let start = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    for dir in start.ancestors() {
        if dir.join("plan").is_dir() {
            return only(&dir.join("plan"));
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// The one plan a command that works on a single plan needs.
pub fn single_plan(plans: &PlanSet) -> Result<&Plan, Vec<Diagnostic>> {
    match plans.plans.as_slice() {
        [one] => Ok(one),
        several => Err(vec![Diagnostic::error(
            Code::U001,
            "plan-check",
            Text::new(
                format!("给出了 {} 个规划：请用 --plan 选一个", several.len()),
                format!("{} plans are given: choose one with --plan", several.len()),
            ),
        )]),
    }
}

/// Everything read from the statistics files of a run.
pub struct Loaded {
    pub observations: Observations,
    pub warnings: Vec<Diagnostic>,
    /// The files read, as shown in messages (`<stdin>` for `-`).
    pub inputs: Vec<String>,
    /// The (region, year) pairs of the run, in order.
    pub region_years: Vec<RegionYear>,
    /// The files that could not be read, with their errors (already shown on
    /// standard error); the others are judged, and the run cannot pass.
    pub failed: Vec<FailedInput>,
}

impl Loaded {
    pub fn regions(&self) -> Vec<crate::stats::Id> {
        let mut regions: Vec<_> = self.region_years.iter().map(|g| g.region).collect();
        regions.dedup();
        regions
    }

    pub fn years(&self, region: crate::stats::Id) -> Vec<i32> {
        self.region_years
            .iter()
            .filter(|g| g.region == region)
            .map(|g| g.year)
            .collect()
    }

    /// The warnings, the inputs' names and the files that failed, for the
    /// evaluation.
    pub fn take_notes(&mut self) -> (Vec<Diagnostic>, Vec<String>, Vec<FailedInput>) {
        (
            std::mem::take(&mut self.warnings),
            std::mem::take(&mut self.inputs),
            std::mem::take(&mut self.failed),
        )
    }

    /// The plan a region's rows were read against.
    pub fn plan_of(&self, plans: &PlanSet, region: crate::stats::Id) -> usize {
        plans
            .for_region(self.observations.regions.get(region))
            .unwrap_or(0)
    }
}

/// Reads the statistics files (folders expanded) of a run.
pub fn load(config: &Config, plans: &PlanSet) -> Result<Loaded, Vec<Diagnostic>> {
    let (files, read, strict, quiet) = (&config.files, &config.read, config.strict, config.quiet);
    if files.is_empty() {
        return Err(vec![Diagnostic::error(
            Code::U001,
            "plan-check",
            Text::new(
                "请给出要检查的统计数据文件，如：plan-check data/2023.csv（plan-check --help 查看用法）",
                "give the statistics file to check, e.g. plan-check data/2023.csv (see plan-check --help)",
            ),
        )]);
    }
    // Standard input can be read once (`- -` read it empty the second time).
    if files
        .iter()
        .filter(|f| f.as_path() == Path::new("-"))
        .count()
        > 1
    {
        return Err(vec![Diagnostic::error(
            Code::U001,
            "-",
            Text::new(
                "标准输入（-）只能给一次",
                "standard input (-) can be given once",
            ),
        )]);
    }
    let (paths, passed_over) = expand_inputs(files).map_err(|d| vec![d])?;
    output::refuse_inputs(config.output.as_deref(), paths.iter().map(PathBuf::as_path))
        .map_err(|d| vec![d])?;
    let options = LoadOptions {
        year: read.year,
        strict,
        encoding: read.encoding,
        delimiter: read.delimiter,
        sheet: read.sheet.clone(),
        block_size: None,
    };
    let mut observations = Observations::default();
    let mut warnings = Vec::new();
    // A file in a folder that is no statistics file (永川区.docx beside the
    // workbooks) is not read, and said so: a district's figures saved in
    // another format were dropped with exit 0.
    for (folder, skipped) in passed_over {
        // The plan of the run, kept with the figures, is no stray file.
        let skipped: Vec<(PathBuf, bool)> = skipped
            .into_iter()
            .filter(|(p, _)| !plans.plans.iter().any(|plan| Path::new(&plan.path) == p))
            .collect();
        if skipped.is_empty() {
            continue;
        }
        let name = |p: &PathBuf| p.strip_prefix(&folder).unwrap_or(p).display().to_string();
        let (results, skipped): (Vec<_>, Vec<_>) = skipped.into_iter().partition(|(_, own)| *own);
        let (results, skipped): (Vec<PathBuf>, Vec<PathBuf>) = (
            results.into_iter().map(|(p, _)| p).collect(),
            skipped.into_iter().map(|(p, _)| p).collect(),
        );
        if !results.is_empty() {
            let names: Vec<String> = results.iter().map(name).collect();
            warnings.push(Diagnostic::warning(
                Code::S026,
                folder.display().to_string(),
                Text::new(
                    format!(
                        "文件夹中的 {} 是 plan-check 写出的检查结果，不是统计数据，没有读",
                        names.join("、")
                    ),
                    format!(
                        "{} in the folder {} plan-check's own results, not statistics: not read",
                        names.join(", "),
                        if names.len() == 1 { "is" } else { "are" }
                    ),
                ),
            ));
        }
        if skipped.is_empty() {
            continue;
        }
        let names: Vec<String> = skipped.iter().map(name).collect();
        warnings.push(
            Diagnostic::warning(
                Code::S026,
                folder.display().to_string(),
                Text::new(
                    format!(
                        "文件夹中有 {} 个文件不是统计数据文件（.csv 或工作簿），没有读：{}",
                        names.len(),
                        names.join("、")
                    ),
                    format!(
                        "{} files in the folder are no statistics files (.csv or a workbook) and were not read: {}",
                        names.len(),
                        names.join(", ")
                    ),
                ),
            )
            .with_hint(Text::new(
                "若其中有数据，请另存为 .xlsx 或 .csv，或直接在命令行给出这个文件",
                "if one holds figures, save it as .xlsx or .csv, or give the file itself on the command line",
            )),
        );
    }
    // A file given twice (also by another name, a hard link, or once in a
    // folder) is read once, and said so: read twice, every figure would
    // clash with itself.
    let mut seen: Vec<(PathBuf, Option<std::fs::Metadata>, &Path)> = Vec::new();
    let mut once = Vec::with_capacity(paths.len());
    for path in &paths {
        let same = std::fs::canonicalize(path).ok();
        let meta = std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file);
        let earlier = same.as_ref().and_then(|c| {
            seen.iter().find(|(s, m, _)| {
                s == c
                    || m.as_ref()
                        .zip(meta.as_ref())
                        .is_some_and(|(a, b)| output::same_file(a, b))
            })
        });
        match earlier.map(|(_, _, first)| first) {
            Some(first) if path != Path::new("-") => warnings.push(
                Diagnostic::error(
                    Code::S021,
                    shown(path),
                    Text::new(
                        format!("这个文件已经给出过（{}），只读一次", shown(first)),
                        format!(
                            "this file was given already ({}); it is read once",
                            shown(first)
                        ),
                    ),
                )
                .as_warning(),
            ),
            _ => {
                if let Some(c) = same {
                    seen.push((c, meta, path));
                }
                once.push(path.clone());
            }
        }
    }
    let paths = once;
    // Every file is read: one that cannot be is reported with all its errors,
    // and the others are still judged.
    let mut failed = Vec::new();
    for path in &paths {
        if let Err(errors) =
            crate::stats::load_path(path, plans, &options, &mut observations, &mut warnings)
        {
            failed.push(FailedInput {
                file: shown(path),
                region: None,
                errors,
            });
        }
    }
    // What was noticed on the way (which sheet was read, a hidden one of
    // the file's year, a repeated header) often explains an error that ends
    // the run: said first, whenever the run ends here.
    let say_warnings = |warnings: &[Diagnostic]| {
        if !quiet {
            for w in warnings {
                super::to_stderr(&w.render(config.lang));
            }
        }
    };
    if failed.len() == paths.len() {
        say_warnings(&warnings);
        return Err(failed.into_iter().flat_map(|f| f.errors).collect());
    }
    // A region with a figure reported twice is left out, the file that
    // repeats it named; the other regions are judged.
    let finished = observations.finish(
        |region, indicator| {
            let plan = &plans.plans[plans.for_region(region).unwrap_or(0)];
            plan.indicators
                .get(indicator as usize)
                .map(|i| i.display_name())
                .unwrap_or_default()
        },
        plans.default_region(),
    );
    if let Err(clashes) = finished {
        for clash in clashes {
            let mut error = clash.error;
            // `--year` over files of several years made them one year's:
            // that, not the regions, is what to change.
            if let Some(year) = read.year
                && paths.len() > 1
            {
                error.hint = Some(Text::new(
                    format!(
                        "--year {year} 把每个文件都当作 {year} 年的数据：各年的文件请去掉 --year，按文件名或“年份”列定年份"
                    ),
                    format!(
                        "--year {year} makes every file {year}'s: for files of several years drop --year, and the file names or a year column give the years"
                    ),
                ));
            }
            failed.push(FailedInput {
                file: error.file.clone(),
                region: Some(clash.region),
                errors: vec![error],
            });
        }
    }
    let region_years = observations.region_years();
    if region_years.is_empty() && !failed.is_empty() {
        // Nothing left to judge: the errors, the clashes' first few in full.
        let (clashing, unread): (Vec<_>, Vec<_>) =
            failed.into_iter().partition(|f| f.region.is_some());
        let mut errors: Vec<Diagnostic> = unread.into_iter().flat_map(|f| f.errors).collect();
        let clashes: Vec<Diagnostic> = clashing.into_iter().flat_map(|f| f.errors).collect();
        let more = clashes
            .len()
            .saturating_sub(crate::stats::MAX_ERRORS_PER_FILE);
        let first_file = clashes.first().map(|d| d.file.clone());
        errors.extend(clashes.into_iter().take(crate::stats::MAX_ERRORS_PER_FILE));
        if let (Some(file), true) = (first_file, more > 0) {
            errors.push(Diagnostic::error(
                Code::S005,
                file,
                more_clashes(more, false),
            ));
        }
        say_warnings(&warnings);
        return Err(errors);
    }
    if region_years.is_empty() {
        say_warnings(&warnings);
        return Err(vec![Diagnostic::error(
            Code::S003,
            files[0].display().to_string(),
            Text::new(
                "没有可检查的数据行（所有指标名称都不在规划中）",
                "no row to check (no indicator name is in the plan)",
            ),
        )]);
    }
    // One plan judges every region; where it names its own, regions of
    // other names are judged by it too, and said so.
    if let [plan] = plans.plans.as_slice()
        && let Some(own) = plan.meta.region.as_deref()
    {
        // The pairs come region by region, and a region's name is its id's:
        // each other region once, without sorting the names.
        let mut ids: Vec<crate::stats::Id> = region_years.iter().map(|ry| ry.region).collect();
        ids.dedup();
        let others = ids
            .iter()
            .map(|&id| observations.regions.get(id))
            .filter(|r| !r.is_empty() && *r != own);
        let k = others.clone().count();
        // 江津 beside 江津区: one place written two ways, two rows.
        for slip in others.clone().filter(|r| plans.near_region(r) == Some(own)) {
            warnings.push(
                Diagnostic::error(
                    Code::S022,
                    shown(&files[0]),
                    Text::new(
                        format!("数据中的地区“{slip}”像是规划的地区“{own}”少写或多写了一个字，现按两个地区分别检查；若是同一地区，请改正名称"),
                        format!("the region \"{slip}\" in the data looks like the plan's \"{own}\" written short or long; they are judged as two regions: correct the name if they are one"),
                    ),
                )
                .as_warning(),
            );
        }
        if let Some(first) = others.min() {
            warnings.push(
                Diagnostic::error(
                    Code::S022,
                    shown(&files[0]),
                    Text::new(
                        format!(
                            "规划《{}》写明地区为“{own}”，数据中的“{first}”{}也按这份规划检查；各地区有各自的规划时，请用 --plan-dir 给出",
                            plan.meta.title,
                            if k > 1 { format!("等 {k} 个地区") } else { String::new() }
                        ),
                        format!(
                            "the plan \"{}\" is {own}'s; \"{first}\"{} in the data {} judged by it too; give each region's plan with --plan-dir",
                            plan.meta.title,
                            if k > 1 { format!(" and {} more", k - 1) } else { String::new() },
                            if k > 1 { "are" } else { "is" }
                        ),
                    ),
                )
                .as_warning(),
            );
        }
    }
    // 永川 beside 永川区, 重庆市江北区 beside 江北区: one district written two
    // ways, judged as two, the real one failing for 未填报 (a reviewer's
    // city workbooks; only the plan's own region was said).
    warnings.extend(super::region_slips::region_name_slips(
        &observations,
        &region_years,
        plans,
        &shown(&files[0]),
    ));
    // A return without the 地区 column among returns with it: read as the
    // plan's region, which is said (a reviewer's 北碚区.xlsx became 江津区).
    let region = plans.default_region();
    for file in observations.files_without_region_column() {
        warnings.push(
            Diagnostic::error(
                Code::S022,
                file,
                Text::new(
                    format!("这个文件没有“地区”列，其余文件有：它的数据按规划的地区“{region}”检查；若是别的地区报来的，请加上“地区”列"),
                    format!("this file has no region column and the others have one: its figures are judged as the plan's region \"{region}\"; if another region sent it, add the column"),
                ),
            )
            .as_warning(),
        );
    }
    // A year typed wrong in a row or two of a one-year return.
    let baseline_years: Vec<i32> = plans.plans.iter().map(|p| p.meta.baseline_year).collect();
    warnings.extend(crate::stats::year_slips(&observations, &baseline_years));
    let inputs = paths.iter().map(|p| shown(p)).collect();
    for d in failed
        .iter()
        .filter(|f| f.region.is_none())
        .flat_map(|f| &f.errors)
    {
        super::to_stderr(&d.render_with_source_in(config.lang, super::stderr_columns()));
    }
    // Regions left out for a figure reported twice: the first few in full
    // (a file given twice under two names repeats every region of it).
    let clashes: Vec<&Diagnostic> = failed
        .iter()
        .filter(|f| f.region.is_some())
        .flat_map(|f| &f.errors)
        .collect();
    for d in clashes.iter().take(crate::stats::MAX_ERRORS_PER_FILE) {
        super::to_stderr(&d.render_with_source_in(config.lang, super::stderr_columns()));
    }
    if let Some(more) = clashes
        .len()
        .checked_sub(crate::stats::MAX_ERRORS_PER_FILE)
        .filter(|&n| n > 0)
    {
        super::to_stderr(more_clashes(more, true).get(config.lang));
    }
    if !quiet {
        for w in &warnings {
            debug_assert_eq!(w.severity, Severity::Warning);
            // One line each: a file with thousands of unknown names must not be
            // read again for every one (errors show their line; there are few).
            super::to_stderr(&w.render(config.lang));
        }
    }
    Ok(Loaded {
        observations,
        warnings,
        inputs,
        region_years,
        failed,
    })
}

/// The regions with a figure reported twice beyond those shown in full;
/// `listed`: the run goes on, and its JSON lists them all.
fn more_clashes(more: usize, listed: bool) -> Text {
    let (zh, en) = if listed {
        (
            "（全部见 --format json 的 failed_inputs）",
            " (all of them in --format json, failed_inputs)",
        )
    } else {
        ("", "")
    };
    Text::new(
        format!("另有 {more} 个地区同样有同一指标同一年填报两次的情况{zh}"),
        format!("{more} more regions have a figure reported twice likewise{en}"),
    )
}

/// A file as messages name it (`<stdin>` for `-`).
fn shown(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}
