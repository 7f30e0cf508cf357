//! The command line resolved once into what every command reads (as
//! ripgrep's `HiArgs`): the statistics files, the plans, how files are read,
//! `--strict` and `--quiet` (given before or after the subcommand's name),
//! where the output goes and how it is drawn, and the output guards (a
//! workbook never to a terminal, no `.pdf` written as a text table). The
//! commands take a [`Config`] and never look at the raw arguments' globals.

use super::Failure;
use super::args::{Cli, Command, PlanArgs, ReadArgs, ReportFormat, TemplateFormat};
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::lang::Lang;
use crate::output;
use crate::render::{Format, Style};
use std::path::{Path, PathBuf};

/// What a command writes, decided from `--format` and `--output`'s
/// extension once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The main job's evaluation in this format.
    Check(Format),
    /// `report`: a web page or a Word document.
    Report(ReportFormat),
    /// `template`: CSV or a workbook.
    Template(TemplateFormat),
    /// Text of its own (`plan`, `import`, `extract`, `schema`, …).
    Text,
}

/// One run's settings, every flag merged and every default decided.
#[derive(Debug, Clone)]
pub struct Config {
    /// The statistics files and folders (the main job's or `report`'s).
    pub files: Vec<PathBuf>,
    pub plans: PlanArgs,
    /// How statistics files are read: the subcommand's options, else those
    /// given before its name.
    pub read: ReadArgs,
    pub strict: bool,
    pub quiet: bool,
    /// `--output`; `None` is standard output.
    pub output: Option<PathBuf>,
    pub lang: Lang,
    pub written: Written,
    /// How renderers draw: language, colour, width, grid.
    pub style: Style,
}

impl Config {
    /// The configuration of `cli`, or why the output it asks for cannot be
    /// written (a workbook to a terminal, `--output 结果.pdf`).
    pub fn resolve(cli: &Cli) -> Result<Config, Failure> {
        let (files, read, strict, quiet) = match &cli.command {
            Some(Command::Report(args)) => (
                args.files.clone(),
                args.read.or(&cli.read),
                args.strict || cli.strict,
                args.quiet || cli.quiet,
            ),
            _ => (cli.files.clone(), cli.read.clone(), cli.strict, cli.quiet),
        };
        let format = output_format(cli.format, cli.out.output.as_deref());
        let written = match &cli.command {
            None => Written::Check(format),
            // `--format docx` given before the subcommand's name reads as the report's.
            Some(Command::Report(args)) => {
                Written::Report(args.format.unwrap_or(if format == Format::Docx {
                    ReportFormat::Docx
                } else {
                    ReportFormat::Html
                }))
            }
            Some(Command::Template(args)) => {
                Written::Template(args.format.unwrap_or(if format == Format::Xlsx {
                    TemplateFormat::Xlsx
                } else {
                    TemplateFormat::Csv
                }))
            }
            Some(_) => Written::Text,
        };
        let config = Config {
            files,
            plans: cli.plans.clone(),
            read,
            strict,
            quiet,
            output: cli.out.output.clone(),
            lang: cli.out.lang,
            written,
            style: style(cli),
        };
        config.guard(cli)?;
        Ok(config)
    }

    /// The output guards: a form plan-check does not write, bytes no
    /// terminal shows.
    fn guard(&self, cli: &Cli) -> Result<(), Failure> {
        let report_named = matches!(&cli.command, Some(Command::Report(a)) if a.format.is_some());
        match self.written {
            Written::Check(format) => {
                if cli.format.is_none() {
                    refuse_unwritable_extension(self.output.as_deref(), false)?;
                } else if output::refuse_inputs(
                    self.output.as_deref(),
                    cli.files.iter().map(std::path::PathBuf::as_path),
                )
                .is_ok()
                {
                    // (An output onto an input is refused as that, U004.)
                    refuse_format_against_extension(format, self.output.as_deref())?;
                }
                if matches!(format, Format::Xlsx | Format::Docx) {
                    refuse_bytes_on_terminal(self.output.as_deref(), format == Format::Docx)?;
                }
            }
            Written::Report(format) => {
                if !report_named && cli.format.is_none() {
                    refuse_unwritable_extension(self.output.as_deref(), true)?;
                }
                // `report --format html -o 评估.docx`: a page under a Word
                // document's name (a reviewer's slip), and the reverse.
                let extension = self
                    .output
                    .as_deref()
                    .filter(|o| output::is_file(Some(o)))
                    .and_then(|o| o.extension())
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase);
                let against = match (format, extension.as_deref()) {
                    (ReportFormat::Html, Some(e @ "docx")) => Some(("html", e)),
                    (ReportFormat::Docx, Some(e @ ("html" | "htm"))) => Some(("docx", e)),
                    _ => None,
                };
                if let (true, Some((asked, extension))) = (report_named, against) {
                    return Err(Diagnostic::error(
                        Code::U005,
                        self.output
                            .as_deref()
                            .map(|o| o.display().to_string())
                            .unwrap_or_default(),
                        Text::new(
                            format!(
                                "--format {asked} 与输出文件的扩展名 .{extension} 不一致：请去掉 --format（按扩展名写出），或把文件名改成相应的扩展名"
                            ),
                            format!(
                                "--format {asked} disagrees with the output's extension .{extension}: drop --format (the extension decides), or name the file to match"
                            ),
                        ),
                    )
                    .into());
                }
                if format == ReportFormat::Docx {
                    refuse_bytes_on_terminal(self.output.as_deref(), true)?;
                } else if output::is_stdout(self.output.as_deref())
                    && std::io::IsTerminal::is_terminal(&std::io::stdout())
                {
                    // A page of HTML is no reading on a terminal (a
                    // first-time user's screen filled with it).
                    return Err(Diagnostic::error(
                        Code::U001,
                        "plan-check",
                        Text::new(
                            "评估报告是一个网页或 Word 文档：请用 --output 评估报告.html 或 --output 评估报告.docx",
                            "the report is a web page or a Word document: give --output report.html or --output report.docx",
                        ),
                    )
                    .into());
                }
            }
            Written::Template(format) => {
                refuse_template_extension(format, self.output.as_deref())?;
                if format == TemplateFormat::Xlsx {
                    refuse_bytes_on_terminal(self.output.as_deref(), false)?;
                }
            }
            Written::Text => {}
        }
        Ok(())
    }
}

/// The output format: `--format`, else the one `--output`'s extension
/// names (`结果.xlsx` is a workbook, never a text table in a file Excel
/// refuses), else the table.
fn output_format(given: Option<Format>, output: Option<&Path>) -> Format {
    given.unwrap_or_else(|| {
        let extension = output
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("xlsx") => Format::Xlsx,
            Some("docx") => Format::Docx,
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            Some("md" | "markdown") => Format::Markdown,
            Some("xml") => Format::Junit,
            _ => Format::Table,
        }
    })
}

/// How to draw for this command line.
fn style(cli: &Cli) -> Style {
    let output = cli.out.output.as_deref();
    let terminal =
        output::is_stdout(output) && std::io::IsTerminal::is_terminal(&std::io::stdout());
    Style {
        lang: cli.out.lang,
        color: cli.out.color.enabled() && output::is_stdout(output),
        matrix: cli.matrix,
        file: output::is_file(output),
        width: match (cli.out.width, cli.out.wide) {
            (Some(width), _) => Some(width),
            (None, false) if terminal => Some(super::terminal_width()),
            _ => None,
        },
    }
}

/// An `--output` whose extension names a document plan-check does not
/// write (`.pdf`, `.doc`, `.xls`, …), with no `--format`: refused, naming
/// the forms it does write, rather than a terminal table under that name.
fn refuse_unwritable_extension(output: Option<&Path>, report: bool) -> Result<(), Failure> {
    const OTHERS: &[&str] = &[
        "pdf", "doc", "xls", "odt", "ods", "wps", "et", "rtf", "ppt", "pptx", "png", "jpg", "jpeg",
        "htm", "html",
    ];
    let Some((path, extension)) = output.and_then(|p| {
        let extension = p.extension()?.to_str()?.to_ascii_lowercase();
        Some((p, extension))
    }) else {
        return Ok(());
    };
    let writable_here = report && matches!(extension.as_str(), "html" | "htm");
    if !OTHERS.contains(&extension.as_str()) || writable_here {
        return Ok(());
    }
    let (zh, en) = if report {
        (
            "评估报告可写成 .html 或 .docx",
            "a report is written as .html or .docx",
        )
    } else {
        (
            "可写成 .docx（Word）、.xlsx（工作簿）、.csv、.json、.md、.xml（JUnit），或不带这些扩展名的终端表格",
            "plan-check writes .docx (Word), .xlsx (workbook), .csv, .json, .md, .xml (JUnit), or the terminal table under any other name",
        )
    };
    Err(Diagnostic::error(
        Code::U005,
        path.display().to_string(),
        Text::new(
            format!("不能写出 .{extension} 文件：{zh}"),
            format!("cannot write a .{extension} file: {en}"),
        ),
    )
    .into())
}

/// A template under a name of another form (`-o 模板.xls`, `.docx`, `.pdf`,
/// `.json`: CSV text was written under it, exit 0, a reviewer's): refused,
/// as the check refuses one. A template is `.csv` (or `.txt`) or `.xlsx`.
fn refuse_template_extension(format: TemplateFormat, output: Option<&Path>) -> Result<(), Failure> {
    // A file already there (the plan itself) is refused as that, U004.
    let Some(path) = output.filter(|p| output::is_file(output) && !p.exists()) else {
        return Ok(());
    };
    let Some(extension) = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    else {
        return Ok(());
    };
    let fits = match format {
        TemplateFormat::Csv => matches!(extension.as_str(), "csv" | "txt"),
        TemplateFormat::Xlsx => extension == "xlsx",
    };
    if fits {
        return Ok(());
    }
    Err(Diagnostic::error(
        Code::U005,
        path.display().to_string(),
        Text::new(
            format!("模板不能写成 .{extension} 文件：模板可写成 .csv 或 .xlsx（--format 与扩展名须一致）"),
            format!("a template cannot be written as a .{extension} file: it is written as .csv or .xlsx (--format and the extension must agree)"),
        ),
    )
    .into())
}

/// `--format csv --output 结果.xlsx`: CSV text under a workbook's name,
/// which Excel refuses (a reviewer's slip, written with “已写出”). Refused
/// when the extension names another format plan-check writes.
fn refuse_format_against_extension(format: Format, output: Option<&Path>) -> Result<(), Failure> {
    let Some(path) = output.filter(|_| output::is_file(output)) else {
        return Ok(());
    };
    let named = output_format(None, Some(path));
    // An extension that names no format (.txt, none) takes any.
    if named == Format::Table || named == format {
        return Ok(());
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    Err(Diagnostic::error(
        Code::U005,
        path.display().to_string(),
        Text::new(
            format!(
                "--format {} 与输出文件的扩展名 .{extension} 不一致：请去掉 --format（按扩展名写出），或把文件名改成相应的扩展名",
                format_name(format)
            ),
            format!(
                "--format {} disagrees with the output's extension .{extension}: drop --format (the extension decides), or name the file to match",
                format_name(format)
            ),
        ),
    )
    .into())
}

/// The name `--format` takes for `format`.
fn format_name(format: Format) -> String {
    clap::ValueEnum::to_possible_value(&format)
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

/// A workbook or a Word document is bytes no terminal shows: it needs
/// `--output` (or a pipe).
fn refuse_bytes_on_terminal(output: Option<&Path>, word: bool) -> Result<(), Failure> {
    if output::is_stdout(output) && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        let text = if word {
            Text::new(
                "Word 文档不能输出到终端：请用 --output 文件.docx",
                "a Word document cannot go to the terminal: give --output FILE.docx",
            )
        } else {
            Text::new(
                "工作簿不能输出到终端：请用 --output 文件.xlsx",
                "a workbook cannot go to the terminal: give --output FILE.xlsx",
            )
        };
        return Err(Diagnostic::error(Code::U001, "plan-check", text).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn config(args: &[&str]) -> Config {
        let cli = Cli::try_parse_from(std::iter::once("plan-check").chain(args.iter().copied()))
            .expect("arguments parse");
        match Config::resolve(&cli) {
            Ok(config) => config,
            Err(_) => panic!("{args:?} resolves"),
        }
    }

    #[test]
    fn flags_before_and_after_the_subcommand_merge_once() {
        let c = config(&[
            "--strict", "--year", "2023", "report", "data/", "--sheet", "表1",
        ]);
        assert!(c.strict);
        assert_eq!(c.read.year, Some(2023));
        assert_eq!(c.read.sheet.as_deref(), Some("表1"));
        assert_eq!(c.files, [PathBuf::from("data/")]);
        let c = config(&["report", "data/", "--quiet", "--year", "2022"]);
        assert!(c.quiet && !c.strict);
        assert_eq!(c.read.year, Some(2022));
    }

    #[test]
    fn the_output_decides_what_is_written() {
        assert_eq!(
            config(&["data/2023.csv", "-o", "结果.xlsx"]).written,
            Written::Check(Format::Xlsx)
        );
        assert_eq!(
            config(&["data/2023.csv", "-o", "r.MD"]).written,
            Written::Check(Format::Markdown)
        );
        assert_eq!(
            config(&["report", "data/", "-o", "评估.docx"]).written,
            Written::Report(ReportFormat::Docx)
        );
        assert_eq!(
            config(&["--format", "xlsx", "template", "-o", "t.xlsx"]).written,
            Written::Template(TemplateFormat::Xlsx)
        );
        assert_eq!(config(&["plan"]).written, Written::Text);
    }

    #[test]
    fn a_form_not_written_is_refused() {
        for args in [
            &["data/2023.csv", "-o", "结果.pdf"][..],
            &["report", "data/", "-o", "评估.doc"][..],
        ] {
            let cli =
                Cli::try_parse_from(std::iter::once("plan-check").chain(args.iter().copied()))
                    .expect("arguments parse");
            match Config::resolve(&cli) {
                Err(Failure::Input(d)) => assert_eq!(d[0].code, Code::U005, "{args:?}"),
                _ => panic!("{args:?} is refused"),
            }
        }
        // A report may be a page.
        assert_eq!(
            config(&["report", "data/", "-o", "评估.html"]).written,
            Written::Report(ReportFormat::Html)
        );
    }
}
