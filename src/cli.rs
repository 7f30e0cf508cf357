//! Command-line interface: arguments in, exit code out. Reads files, calls the
//! assessment, hands the report to a renderer; decides nothing itself.

use crate::assess::period::assess_period;
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::lang::Lang;
use crate::output;
use crate::plan::{Plan, PlanSet, load_plan_set};
use crate::render::{self, Evaluation, Format, Style, View};
use crate::stats::{LoadOptions, Observations, RegionYear};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Exit codes: part of the interface, documented in `--help` and the README.
pub mod exit {
    /// Every binding indicator meets its requirement (with `--strict`: every indicator).
    pub const PASS: u8 = 0;
    /// A binding indicator is behind, failed or not reported (with `--strict`: any indicator).
    pub const FAIL: u8 = 1;
    /// Usage or input error: nothing was judged.
    pub const ERROR: u8 = 2;
}

const AFTER_HELP: &str = "\
退出码 / Exit codes:
  0  约束性指标均达到要求（--strict：全部指标）
     every binding indicator meets its requirement (--strict: every indicator)
  1  有约束性指标滞后、未达标或未填报（--strict：任一指标）
     a binding indicator is behind, failed or not reported (--strict: any indicator)
  2  用法或输入错误，未作判断 / usage or input error: nothing was judged

示例 / Examples:
  plan-check data/2023.csv
  plan-check data/                       多个年份：期间评估 / several years: the period view
  plan-check --format json data/2023.csv
  plan-check --year 2023 - < data/2023.csv
  plan-check --format junit --output report.xml data/2023.csv
  plan-check report data/ --output 评估报告.html
  plan-check template > 2024.csv
  plan-check template --region 永川区 > 永川区.csv   带“地区”列 / with a region column
  plan-check --matrix 报表/*.csv           多个地区 / many regions
  plan-check plan
  plan-check completions bash > /etc/bash_completion.d/plan-check";

/// 对照规划指标检查年度统计数据 / Check a plan's indicators against a year's statistics.
#[derive(Debug, Parser)]
#[command(
    name = "plan-check",
    version,
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// 统计数据 CSV 文件或文件夹（- 为标准输入）；多个年份时给出期间评估 / statistics CSV files or folders (- for standard input); several years give the period view
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// 规划文件，可重复给出（按地区对应）；默认为 ./plan/ 中唯一的 .toml / the plan file, repeatable (one per region); default: the only .toml in ./plan/
    #[arg(long, global = true, env = "PLAN_CHECK_PLAN", value_name = "FILE")]
    pub plan: Vec<PathBuf>,

    /// 规划文件夹：其中每个 .toml 都是一个规划 / a folder whose every .toml is a plan
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "plan")]
    pub plan_dir: Option<PathBuf>,

    /// 多个地区时显示“地区 × 指标”状态矩阵 / with several regions, print the region × indicator grid
    #[arg(long)]
    pub matrix: bool,

    /// 工作簿的工作表，默认第一个 / the worksheet of a workbook (default: the first)
    #[arg(long, global = true, value_name = "NAME")]
    pub sheet: Option<String>,

    /// 数据年份；默认取“年份”列或文件名中的年份 / the year of the figures; default: the year column or file name
    #[arg(long, global = true, value_name = "YEAR")]
    pub year: Option<i32>,

    /// 输出格式 / output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// 严格模式：预期性指标不达要求、未知指标也视为失败 / strict: expected indicators and unknown names fail too
    #[arg(long, global = true)]
    pub strict: bool,

    /// 文件编码，默认自动识别 / the file's encoding, detected when not given: utf-8, gb18030 (gbk), utf-16le, utf-16be
    #[arg(long, global = true, value_name = "ENCODING", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// 分隔符，默认从表头识别 / field delimiter, detected from the header when not given: , tab ;
    #[arg(long, global = true, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// 把结果写入文件（原子写入，失败时不留下半截文件）/ write the output to a file (atomically: never half-written)
    #[arg(short, long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// 不输出结果，只给退出码 / print nothing, keep the exit code
    #[arg(short, long)]
    pub quiet: bool,

    /// 语言 / language
    #[arg(long, value_enum, global = true, default_value_t = Lang::Zh, env = "PLAN_CHECK_LANG")]
    pub lang: Lang,

    /// 颜色 / colour: auto (终端且未设 NO_COLOR / a terminal without NO_COLOR), always, never
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 输出空白填报模板（CSV）/ print an empty statistics file to fill in (CSV)
    Template {
        /// 填入“年份”列的年份 / the year to put in the year column
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// 加“地区”列并填入这一地区（多个地区的报表可一次检查）；有多个规划时选这一地区的规划 /
        /// add a region column holding this region (many regions' files can then be checked in one run);
        /// with several plans, use this region's plan
        #[arg(long, value_name = "REGION")]
        region: Option<String>,
        /// 允许 --output 替换已有文件 / let --output replace an existing file
        #[arg(long)]
        force: bool,
    },
    /// 生成评估报告（自包含 HTML，含图表）/ write the evaluation report (one self-contained HTML page with charts)
    Report {
        /// 统计数据文件或文件夹 / statistics files or folders
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// 列出规划指标及判断规则，并检查勾稽关系 / list the plan's indicators and rules, check parts against totals
    Plan,
    /// 输出 shell 补全脚本 / print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// 输出 man 手册页（roff）/ print the man page (roff)
    Man,
    /// 输出 JSON Schema：规划文件或 JSON 报告 / print the JSON Schema of the plan file or of the JSON report
    Schema {
        #[arg(value_enum)]
        of: crate::schema::SchemaOf,
    },
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
        // GBK files are read as GB18030, its superset.
        Some(e) if e == encoding_rs::GBK => Ok(encoding_rs::GB18030),
        Some(e) => Ok(e),
        None => Err(format!(
            "未知编码 / unknown encoding \"{label}\" (utf-8, gb18030, gbk, utf-16le, utf-16be)"
        )),
    }
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," | "comma" => Ok(b','),
        "\t" | "\\t" | "tab" => Ok(b'\t'),
        ";" | "semicolon" => Ok(b';'),
        _ => Err(format!(
            "分隔符应为 , tab ; 之一 / the delimiter must be one of , tab ; (got \"{text}\")"
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// Runs the command line and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    output::remove_temporary_on_signal();
    let lang = cli.lang;
    match execute(&cli) {
        Ok(code) => code,
        Err(diagnostics) => {
            for d in diagnostics {
                eprintln!("{}", d.render(lang));
            }
            exit::ERROR
        }
    }
}

fn execute(cli: &Cli) -> Result<u8, Vec<Diagnostic>> {
    let style = Style {
        lang: cli.lang,
        color: cli.color.enabled() && output::is_stdout(cli.output.as_deref()),
        matrix: cli.matrix,
    };
    let emit_bytes = |bytes: &[u8]| output::emit(bytes, cli.output.as_deref()).map_err(|d| vec![d]);
    let emit = |text: &str| emit_bytes(text.as_bytes());
    if cli.format == Format::Xlsx
        && output::is_stdout(cli.output.as_deref())
        && std::io::stdout().is_terminal()
    {
        return Err(vec![Diagnostic::error(
            "U001",
            "plan-check",
            Text::new(
                "工作簿不能输出到终端：请用 --output 文件.xlsx",
                "a workbook cannot go to the terminal: give --output FILE.xlsx",
            ),
        )]);
    }
    // Commands that need no plan.
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut text = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "plan-check", &mut text);
            emit(&String::from_utf8_lossy(&text))?;
            return Ok(exit::PASS);
        }
        Some(Command::Man) => {
            let mut text = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut text)
                .map_err(|e| {
                    vec![Diagnostic::error(
                        "U003",
                        "<man>",
                        Text::new(e.to_string(), e.to_string()),
                    )]
                })?;
            emit(&String::from_utf8_lossy(&text))?;
            return Ok(exit::PASS);
        }
        Some(Command::Schema { of }) => {
            emit(&crate::schema::schema_json(*of))?;
            return Ok(exit::PASS);
        }
        _ => {}
    }
    let plans = load_plan_set(&cli.plan, cli.plan_dir.as_deref()).map_err(|d| vec![d])?;
    output::refuse_inputs(
        cli.output.as_deref(),
        plans.plans.iter().map(|p| Path::new(&p.path)),
    )
    .map_err(|d| vec![d])?;
    match &cli.command {
        Some(Command::Template {
            year,
            region,
            force,
        }) => {
            if !force {
                output::refuse_existing(cli.output.as_deref()).map_err(|d| vec![d])?;
            }
            let plan = match region {
                Some(region) if plans.plans.len() > 1 => {
                    let index = plans
                        .for_region(region)
                        .map_err(|m| vec![Diagnostic::error("U001", "plan-check", m)])?;
                    &plans.plans[index]
                }
                _ => single_plan(&plans)?,
            };
            let region = region.as_deref();
            match cli.format {
                Format::Xlsx => {
                    let bytes = crate::template::xlsx::template(plan, *year, region, cli.lang)
                        .map_err(|e| {
                            vec![Diagnostic::error(
                                "U003",
                                "template.xlsx",
                                Text::new(e.to_string(), e.to_string()),
                            )]
                        })?;
                    emit_bytes(&bytes)?;
                }
                Format::Table | Format::Csv => {
                    emit(&crate::template::csv::render(plan, *year, region))?
                }
                other => {
                    return Err(vec![Diagnostic::error(
                        "U001",
                        "plan-check",
                        Text::new(
                            format!("模板只有 CSV 和 xlsx 两种格式，不支持 {other:?}"),
                            format!("the template comes as CSV or xlsx, not {other:?}"),
                        ),
                    )]);
                }
            }
            Ok(exit::PASS)
        }
        Some(Command::Plan) => {
            let text: Vec<String> = plans
                .plans
                .iter()
                .map(|p| render::plan_listing::render(&crate::assess::overview::overview(p), style))
                .collect();
            emit(&text.join("\n"))?;
            Ok(exit::PASS)
        }
        Some(Command::Report { files }) => report(cli, files, &plans, style),
        _ => check(cli, &plans, style),
    }
}

/// The one plan a command that works on a single plan needs.
fn single_plan(plans: &PlanSet) -> Result<&Plan, Vec<Diagnostic>> {
    match plans.plans.as_slice() {
        [one] => Ok(one),
        several => Err(vec![Diagnostic::error(
            "U001",
            "plan-check",
            Text::new(
                format!("给出了 {} 个规划：请用 --plan 选一个", several.len()),
                format!("{} plans are given: choose one with --plan", several.len()),
            ),
        )]),
    }
}

/// Everything read from the statistics files of a run.
struct Loaded {
    observations: Observations,
    warnings: Vec<Diagnostic>,
    /// The files read, as shown in messages (`<stdin>` for `-`).
    inputs: Vec<String>,
    /// The (region, year) pairs of the run, in order.
    region_years: Vec<RegionYear>,
}

impl Loaded {
    fn regions(&self) -> Vec<crate::stats::Id> {
        let mut regions: Vec<_> = self.region_years.iter().map(|g| g.region).collect();
        regions.dedup();
        regions
    }

    fn years(&self, region: crate::stats::Id) -> Vec<i32> {
        self.region_years
            .iter()
            .filter(|g| g.region == region)
            .map(|g| g.year)
            .collect()
    }

    /// The plan a region's rows were read against.
    fn plan_of(&self, plans: &PlanSet, region: crate::stats::Id) -> usize {
        plans
            .for_region(self.observations.regions.get(region))
            .unwrap_or(0)
    }
}

/// Reads the statistics files (folders expanded) of a run.
fn load(cli: &Cli, files: &[PathBuf], plans: &PlanSet) -> Result<Loaded, Vec<Diagnostic>> {
    if files.is_empty() {
        return Err(vec![Diagnostic::error(
            "U001",
            "plan-check",
            Text::new(
                "请给出要检查的统计数据文件，如：plan-check data/2023.csv（plan-check --help 查看用法）",
                "give the statistics file to check, e.g. plan-check data/2023.csv (see plan-check --help)",
            ),
        )]);
    }
    let paths = expand_inputs(files).map_err(|d| vec![d])?;
    output::refuse_inputs(cli.output.as_deref(), paths.iter().map(PathBuf::as_path))
        .map_err(|d| vec![d])?;
    let options = LoadOptions {
        year: cli.year,
        strict: cli.strict,
        encoding: cli.encoding,
        delimiter: cli.delimiter,
        sheet: cli.sheet.clone(),
        block_size: None,
    };
    let mut observations = Observations::default();
    let mut warnings = Vec::new();
    for path in &paths {
        crate::stats::load_path(path, plans, &options, &mut observations, &mut warnings)
            .map_err(|d| vec![d])?;
    }
    observations
        .finish(|region, indicator| {
            let plan = &plans.plans[plans.for_region(region).unwrap_or(0)];
            plan.indicators
                .get(indicator as usize)
                .map(|i| i.display_name())
                .unwrap_or_default()
        })
        .map_err(|d| vec![d])?;
    let region_years = observations.region_years();
    if region_years.is_empty() {
        return Err(vec![Diagnostic::error(
            "S003",
            files[0].display().to_string(),
            Text::new(
                "没有可检查的数据行（所有指标名称都不在规划中）",
                "no row to check (no indicator name is in the plan)",
            ),
        )]);
    }
    let inputs = paths
        .iter()
        .map(|p| {
            if p == Path::new("-") {
                "<stdin>".to_owned()
            } else {
                p.display().to_string()
            }
        })
        .collect();
    if !cli.quiet {
        for w in &warnings {
            debug_assert_eq!(w.severity, Severity::Warning);
            eprintln!("{}", w.render(cli.lang));
        }
    }
    Ok(Loaded {
        observations,
        warnings,
        inputs,
        region_years,
    })
}

/// The main job: statistics files → one year's report, the period view, or
/// every region → exit code.
fn check(cli: &Cli, plans: &PlanSet, style: Style) -> Result<u8, Vec<Diagnostic>> {
    let loaded = load(cli, &cli.files, plans)?;
    let evaluation = Evaluation::assess(
        plans,
        &loaded.observations,
        &loaded.region_years,
        |r| loaded.plan_of(plans, r),
        cli.strict,
    )
    .with_inputs(loaded.warnings.clone(), loaded.inputs.clone());
    deliver(cli, &evaluation, cli.format.renderer(), &style)
}

/// Writes the evaluation with `renderer` (unless `--quiet`) and gives the
/// exit code its outcome calls for. The output is written as it is rendered;
/// a failure leaves a regular file untouched (its temporary file is dropped).
fn deliver(
    cli: &Cli,
    evaluation: &Evaluation,
    renderer: &dyn render::Renderer,
    style: &Style,
) -> Result<u8, Vec<Diagnostic>> {
    if !cli.quiet {
        let mut out = output::Output::open(cli.output.as_deref()).map_err(|d| vec![d])?;
        if let Err(e) = renderer.render(evaluation, style, &mut out) {
            let io = match e.downcast_ref::<std::io::Error>() {
                Some(e) => std::io::Error::from(e.kind()),
                None => std::io::Error::other(e.to_string()),
            };
            return Err(vec![out.failed(&io)]);
        }
        out.commit().map_err(|d| vec![d])?;
    }
    Ok(exit_code(evaluation.outcome))
}

/// The exit code of a run that was judged.
fn exit_code(outcome: crate::render::Outcome) -> u8 {
    if outcome.passes() {
        exit::PASS
    } else {
        exit::FAIL
    }
}

/// `plan-check report`: the evaluation report of one region as one HTML page.
fn report(
    cli: &Cli,
    files: &[PathBuf],
    plans: &PlanSet,
    style: Style,
) -> Result<u8, Vec<Diagnostic>> {
    let loaded = load(cli, files, plans)?;
    let region = match loaded.regions().as_slice() {
        [one] => *one,
        several => {
            let names: Vec<&str> = several
                .iter()
                .take(5)
                .map(|&r| loaded.observations.regions.get(r))
                .collect();
            return Err(vec![Diagnostic::error(
                "U002",
                files[0].display().to_string(),
                Text::new(
                    format!(
                        "评估报告针对一个地区，数据中有 {} 个（{}…）：请按地区拆分后分别生成",
                        several.len(),
                        names.join("、")
                    ),
                    format!(
                        "a report covers one region; the figures hold {} ({}…): split them by region",
                        several.len(),
                        names.join(", ")
                    ),
                ),
            )]);
        }
    };
    let plan = &plans.plans[loaded.plan_of(plans, region)];
    let period = assess_period(plan, &loaded.observations, region, &loaded.years(region));
    let evaluation = Evaluation::of(View::Period(Box::new(period)), cli.strict)
        .with_inputs(loaded.warnings.clone(), loaded.inputs.clone());
    deliver(cli, &evaluation, &render::html::Report, &style)
}

/// The statistics files of the arguments: a folder stands for every file in it
/// that the tool reads (`.csv` and workbooks), in name order; `-` is standard
/// input. An entry that cannot be read (a dangling or looping link, a folder
/// named like a file) is an error, never skipped. Excel's lock files (`~$…`)
/// and hidden files are not data.
fn expand_inputs(args: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut paths = Vec::new();
    for arg in args {
        if arg == Path::new("-") || !arg.is_dir() {
            paths.push(arg.clone());
            continue;
        }
        let shown = arg.display().to_string();
        let unreadable = |path: &Path, e: &std::io::Error| {
            Diagnostic::error(
                "S001",
                path.display().to_string(),
                Text::io("无法读取", "cannot read", e),
            )
        };
        let entries = std::fs::read_dir(arg).map_err(|e| unreadable(arg, &e))?;
        let mut found = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| unreadable(arg, &e))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name.starts_with("~$") || !crate::stats::is_input(&path) {
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    return Err(Diagnostic::error(
                        "S001",
                        path.display().to_string(),
                        Text::new(
                            "这是一个文件夹，不是数据文件",
                            "this is a folder, not a data file",
                        ),
                    ));
                }
                Ok(_) => found.push(path),
                Err(e) => {
                    let mut d = unreadable(&path, &e);
                    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) {
                        d = d.with_hint(Text::new(
                            "这是一个链接，它指向的文件不存在或链接成环",
                            "this is a link to a file that does not exist, or a loop of links",
                        ));
                    }
                    return Err(d);
                }
            }
        }
        if found.is_empty() {
            return Err(Diagnostic::error(
                "S001",
                &shown,
                Text::new(
                    "文件夹中没有统计数据文件（.csv 或工作簿）",
                    "the folder holds no statistics file (.csv or a workbook)",
                ),
            ));
        }
        found.sort();
        paths.extend(found);
    }
    Ok(paths)
}
