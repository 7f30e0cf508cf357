//! The command line as clap reads it: the main job's options, and each
//! subcommand with only the options that apply to it. Nothing here runs.

use crate::lang::Lang;
use crate::render::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
退出码 / Exit codes:
  0  约束性指标均达到要求（--strict：全部指标）
     every binding indicator meets its requirement (--strict: every indicator)
  1  有约束性指标滞后、未达标或未填报（--strict：任一指标）
     a binding indicator is behind, failed or not reported (--strict: any indicator)
  2  用法或输入错误，未作判断 / usage or input error: nothing was judged
  report 的退出码与检查相同（报告照样写出）/ report exits as the check does (the page is written either way)

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
#[command(name = "plan-check", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// 统计数据 CSV 文件、工作簿或文件夹（- 为标准输入）；多个年份时给出期间评估 / statistics files, workbooks or folders (- for standard input); several years give the period view
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub plans: PlanArgs,

    #[command(flatten)]
    pub read: ReadArgs,

    /// 输出格式，默认按 --output 的扩展名（.xlsx .docx .csv .json .md .xml），否则 table / output format; default: by the --output file's extension, else table
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// 多个地区时显示“地区 × 指标”状态矩阵 / with several regions, print the region × indicator grid
    #[arg(long)]
    pub matrix: bool,

    /// 严格模式：预期性指标不达要求、未知指标也视为失败 / strict: expected indicators and unknown names fail too
    #[arg(long)]
    pub strict: bool,

    /// 不输出结果，只给退出码 / print nothing, keep the exit code
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub out: OutArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Which plan files a command reads.
#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// 规划文件，可重复给出（按地区对应）；默认为 plan/ 中唯一的 .toml（在当前或上级文件夹中找）/ the plan file, repeatable (one per region); default: the only .toml in plan/ (here or in a folder above)
    #[arg(long, global = true, env = "PLAN_CHECK_PLAN", value_name = "FILE")]
    pub plan: Vec<PathBuf>,

    /// 规划文件夹：其中每个 .toml 都是一个规划 / a folder whose every .toml is a plan
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "plan")]
    pub plan_dir: Option<PathBuf>,
}

/// How statistics files are read.
#[derive(Debug, Clone, Default, Args)]
pub struct ReadArgs {
    /// 工作簿的工作表，默认为打开时显示的那张 / the worksheet of a workbook (default: the one it opens on)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// 数据年份；默认取“年份”列或文件名中的年份 / the year of the figures; default: the year column or file name
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,

    /// 文件编码，默认自动识别 / the file's encoding, detected when not given: utf-8, gb18030 (gbk), utf-16le, utf-16be
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// 分隔符，默认从表头识别 / field delimiter, detected from the header when not given: , tab ;
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
}

impl ReadArgs {
    /// These options, each falling back to `before` (the same option given
    /// before the subcommand's name).
    pub fn or(&self, before: &ReadArgs) -> ReadArgs {
        ReadArgs {
            sheet: self.sheet.clone().or_else(|| before.sheet.clone()),
            year: self.year.or(before.year),
            encoding: self.encoding.or(before.encoding),
            delimiter: self.delimiter.or(before.delimiter),
        }
    }
}

/// Where and how the output goes: options every command has.
#[derive(Debug, Clone, Args)]
pub struct OutArgs {
    /// 把结果写入文件（原子写入，失败时不留下半截文件；不会覆盖输入）/ write the output to a file (atomically: never half-written; never onto an input)
    #[arg(short, long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// 语言 / language
    #[arg(long, value_enum, global = true, default_value_t = Lang::Zh, env = "PLAN_CHECK_LANG")]
    pub lang: Lang,

    /// 颜色 / colour: auto (终端且未设 NO_COLOR / a terminal without NO_COLOR), always, never
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// 终端较窄时也输出完整的宽表格（默认按终端宽度排版）/ the full table even on a narrow terminal (by default it is laid out to the terminal's width)
    #[arg(long, global = true, conflicts_with = "width")]
    pub wide: bool,

    /// 按这一宽度排版表格（默认为终端宽度；输出到管道或文件时为完整表格）/ lay tables out to this many columns (default: the terminal's; the full table when piped or written to a file)
    #[arg(long, global = true, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 输出空白填报模板（CSV 或工作簿）/ print an empty statistics file to fill in (CSV or a workbook)
    Template(TemplateArgs),
    /// 生成评估报告：自包含的网页（含图表），或 --output 评估.docx 按公文格式排版的 Word 文档 / write the evaluation report: one self-contained HTML page with charts, or with --output X.docx a Word document typeset as a government document
    Report(ReportArgs),
    /// 列出规划指标及判断规则，并检查勾稽关系 / list the plan's indicators and rules, check parts against totals
    Plan,
    /// 从印发的规划文本 （.pdf、.docx、.html、.md、.txt、.xlsx）起草规划文件， 或与已有规划文件逐格核对 / draft the plan file from the published plan (.pdf, .docx, .html, .md, .txt, .xlsx), or check a plan file against it cell by cell
    Import(ImportArgs),
    /// 从统计公报（.html、.md、.txt、.docx、.pdf）中取出规划指标的数值， 写成统计数据文件（每个数引原句）；--check 与报送的数据比对 / take the plan's figures from a statistical bulletin into a statistics file, each citing its sentence; --check compares submitted figures with it
    Extract(ExtractArgs),
    /// 输出 shell 补全脚本 / print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// 输出 man 手册页（roff）/ print the man page (roff)
    Man,
    /// 输出 JSON Schema：规划文件或 JSON 报告 / print the JSON Schema of the plan file or of the JSON report
    Schema {
        /// plan：规划文件 / the plan file; report：JSON 报告 / the JSON report
        #[arg(value_enum, value_name = "KIND")]
        of: crate::schema::SchemaOf,
    },
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 规划文本 / the published plan
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// 文中有多个主要指标表时，选第 N 个表格 / with several indicator tables, take table N
    #[arg(long, value_name = "N")]
    pub table: Option<usize>,
    /// 不起草，而是把这个规划文件与原文逐格核对，列出差异（有差异时退出码 1）/ instead of drafting, check this plan file against the document cell by cell (exit 1 when they differ)
    #[arg(long, value_name = "PLAN.toml")]
    pub check: Option<PathBuf>,
    /// 允许 --output 替换已有文件 / let --output replace an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// 统计公报 / the statistical bulletins
    #[arg(value_name = "BULLETIN", required = true)]
    pub bulletins: Vec<PathBuf>,
    /// 年份（公报标题中没有时）/ the year, where the bulletin's title names none
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// 不写统计数据，而是把这个数据文件中的数与公报比对，列出不同（有不同时退出码 1）/ instead, compare this statistics file's figures with the bulletin's, listing each difference (exit 1 when any)
    #[arg(long, value_name = "DATA.csv")]
    pub check: Option<PathBuf>,
    /// 允许 --output 替换已有文件 / let --output replace an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// 填入“年份”列的年份 / the year to put in the year column
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// 加“地区”列并填入这一地区（多个地区的报表可一次检查）； 有多个规划时选这一地区的规划 /
    /// add a region column holding this region (many regions' files can then be checked in one run);
    /// with several plans, use this region's plan
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// 模板格式 / the template's format [default: csv]
    #[arg(long, value_enum)]
    pub format: Option<TemplateFormat>,
    /// 允许 --output 替换已有文件 / let --output replace an existing file
    #[arg(long)]
    pub force: bool,
}

/// The forms a template comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// CSV（UTF-8，带 BOM，Excel/WPS 可直接打开）/ CSV (UTF-8 with a BOM, opens in Excel and WPS)
    Csv,
    /// Excel 工作簿（须配合 --output）/ an Excel workbook (with --output)
    Xlsx,
}

/// The forms a report comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// 自包含的网页（默认）/ a self-contained web page (the default)
    Html,
    /// Word 文档，按党政机关公文格式排版（须配合 --output）/ a Word document typeset as a government document (with --output)
    Docx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 统计数据文件或文件夹 / statistics files or folders
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// 严格模式：预期性指标不达要求也视为失败（影响结论和退出码）/ strict: expected indicators fail too (the verdict and the exit code)
    #[arg(long)]
    pub strict: bool,
    /// 不输出报告，只给退出码 / write nothing, keep the exit code
    #[arg(short, long)]
    pub quiet: bool,
    /// 报告格式，默认按 --output 的扩展名（.docx 为 Word），否则网页 / the report's form; default: by the --output file's extension (.docx: Word), else a web page
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
}

pub fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
        // GBK files are read as GB18030, its superset.
        Some(e) if e == encoding_rs::GBK => Ok(encoding_rs::GB18030),
        Some(e) => Ok(e),
        None => Err(format!(
            "未知编码 / unknown encoding \"{label}\" (utf-8, gb18030, gbk, utf-16le, utf-16be)"
        )),
    }
}

pub fn parse_delimiter(text: &str) -> Result<u8, String> {
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
    pub fn enabled(self) -> bool {
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
