//! Command-line interface: arguments in, exit code out. One file per command
//! (`check.rs`, the main job; `report.rs`, `template.rs`, `plan.rs`,
//! `import.rs`, `extract.rs`, `info.rs`), the clap definitions apart
//! (`args.rs`), the arguments resolved once (`config.rs`), and one place
//! that loads the plans and statistics of a run (`inputs.rs`). The commands read files, call the
//! assessment and hand the evaluation to a renderer; they decide nothing.

mod args;
mod check;
mod config;
mod extract;
mod folders;
mod import;
mod info;
mod inputs;
mod plan;
mod region_slips;
mod report;
mod template;

pub use args::{Cli, ColorChoice, Command};
pub use config::Config;

use crate::assess::evaluation::{Evaluation, Outcome};
use crate::diagnostic::Diagnostic;
use crate::output;
use crate::render;
use std::path::Path;

/// Exit codes: part of the interface, documented in `--help` and the README.
pub mod exit {
    /// Every binding indicator meets its requirement (with `--strict`: every indicator).
    pub const PASS: u8 = 0;
    /// A binding indicator is behind, failed or not reported (with `--strict`: any indicator).
    pub const FAIL: u8 = 1;
    /// Usage or input error: nothing was judged, or a statistics file could
    /// not be read (the others are judged and shown).
    pub const ERROR: u8 = 2;
}

/// Why a command stopped: problems in the user's files (diagnostics with
/// their file, line and code), or a failure of the machine or of the tool
/// itself (an error with its context).
pub enum Failure {
    Input(Vec<Diagnostic>),
    Tool(anyhow::Error),
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::Input(vec![d])
    }
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(d: Vec<Diagnostic>) -> Self {
        Failure::Input(d)
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Tool(e)
    }
}

/// The command line, or, when it cannot be read, the exit code after
/// saying why: in Chinese first (a first-time user's slips — `--ouput`,
/// `-o` with no file, no file at all — met clap's English alone), then
/// clap's own words with the usage. Help and the version print as clap
/// prints them.
pub fn parse() -> Result<Cli, u8> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let e = match <Cli as clap::Parser>::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return Err(0);
    }
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join("、")),
        _ => None,
    };
    let argument = context(ContextKind::InvalidArg).unwrap_or_default();
    let said = match e.kind() {
        ErrorKind::UnknownArgument => {
            let suggested = context(ContextKind::SuggestedArg)
                .map(|s| format!("（是不是 {s}？）"))
                .unwrap_or_default();
            format!("不认识的参数 {argument}{suggested}")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数 {argument}"),
        ErrorKind::InvalidValue => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            let valid = context(ContextKind::ValidValue)
                .map(|v| format!("，可用：{v}"))
                .unwrap_or_default();
            if value.is_empty() {
                format!("{argument} 后面要写一个值{valid}")
            } else {
                format!("{argument} 的值“{value}”不对{valid}")
            }
        }
        ErrorKind::InvalidSubcommand => {
            let suggested = context(ContextKind::SuggestedSubcommand)
                .map(|s| format!("（是不是 {s}？）"))
                .unwrap_or_default();
            format!(
                "不认识的命令 {}{suggested}",
                context(ContextKind::InvalidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::ValueValidation => format!("{argument} 的值不对"),
        _ => "命令行参数有误".to_owned(),
    };
    eprintln!("错误：{said}（plan-check --help 查看用法）\n");
    let _ = e.print();
    Err(2)
}

/// Runs the command line and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    output::remove_temporary_on_signal();
    let lang = cli.out.lang;
    let result = Config::resolve(&cli).and_then(|config| {
        let config = &config;
        match &cli.command {
            None => check::run(config),
            Some(Command::Report(_)) => report::run(config),
            Some(Command::Template(args)) => template::run(config, args),
            Some(Command::Plan) => plan::run(config),
            Some(Command::Import(args)) => import::run(config, args),
            Some(Command::Extract(args)) => extract::run(config, args),
            Some(Command::Completions { shell }) => info::completions(config, *shell),
            Some(Command::Man) => info::man(config),
            Some(Command::Schema { of }) => info::schema(config, *of),
        }
    });
    match result {
        Ok(code) => code,
        Err(Failure::Input(diagnostics)) => {
            for d in diagnostics {
                to_stderr(&d.render_with_source_in(lang, stderr_columns()));
            }
            exit::ERROR
        }
        Err(Failure::Tool(e)) => {
            to_stderr(&format!("{}{e:#}", lang.pick("错误：", "error: ")));
            exit::ERROR
        }
    }
}

/// Writes `text` to standard error, each line laid out to the terminal's
/// width when standard error is a terminal (never mid-word, as the tables
/// are); a source line under a diagnostic (`5 | …`, `  |   ^`) as it is.
pub fn to_stderr(text: &str) {
    use std::io::{IsTerminal, Write};
    // Standard error closed early (`2>&1 | head -1`): what is left is lost,
    // and the run goes on to its exit code; eprintln! would panic.
    if !std::io::stderr().is_terminal() {
        let _ = writeln!(std::io::stderr(), "{text}");
        return;
    }
    let width = stderr_columns();
    let mut out = String::new();
    for line in text.lines() {
        let snippet = line
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start()
            .starts_with('|');
        if snippet {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let indent = line.len() - line.trim_start().len() + 2;
        for piece in crate::render::fit::wrap_text(line, width, indent) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
    let _ = write!(std::io::stderr(), "{out}");
}

/// The columns a message on standard error may take: `COLUMNS` when set,
/// else the width of the terminal standard error is on (standard output may
/// go to a file or a pipe), else 80.
pub(crate) fn stderr_columns() -> usize {
    let columns = columns_set()
        .or_else(|| terminal_size::terminal_size_of(std::io::stderr()).map(|(w, _)| w.0))
        .unwrap_or(80);
    usize::from(columns)
}

/// The terminal's width: `COLUMNS` when set (as shells and test harnesses
/// set it), else what the terminal says, else 80.
pub(crate) fn terminal_width() -> u16 {
    columns_set()
        .or_else(|| comfy_table::Table::new().width())
        .unwrap_or(80)
}

/// `COLUMNS`, when it is set to a usable width.
fn columns_set() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&w| w >= 20)
}

/// Writes `bytes` to the output (`--output`, else standard output).
fn emit(config: &Config, bytes: &[u8]) -> Result<(), Failure> {
    output::emit(bytes, config.output.as_deref())?;
    say_written(config);
    Ok(())
}

/// A file written says so (its path is where to look), on standard error,
/// as cargo says what it did; standard output and `--quiet` say nothing.
fn say_written(config: &Config) {
    if config.quiet {
        return;
    }
    if let Some(path) = config.output.as_deref().filter(|p| *p != Path::new("-")) {
        let lang = config.style.lang;
        to_stderr(&format!(
            "{}{}",
            lang.pick("已写出：", "wrote "),
            path.display()
        ));
    }
}

/// Writes the evaluation with `renderer` (unless `--quiet`) and gives the exit
/// code its outcome calls for. The output is written as it is rendered; a
/// failure leaves a regular file untouched (its temporary file is dropped).
fn deliver(
    config: &Config,
    evaluation: &Evaluation,
    renderer: &dyn render::Renderer,
) -> Result<u8, Failure> {
    // --quiet keeps standard output empty; a file asked for with --output is
    // still written (a CI job's `-q -o report.xml` published nothing).
    if !config.quiet || !output::is_stdout(config.output.as_deref()) {
        let mut out = output::Output::open(config.output.as_deref())?;
        if let Err(e) = renderer.render(evaluation, &config.style, &mut out) {
            // Writing failed (a full disk): the user's destination, named.
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                return Err(out.failed(&std::io::Error::from(io.kind())).into());
            }
            return Err(e.context("cannot render the output").into());
        }
        out.commit()?;
        say_written(config);
    }
    Ok(exit_code(evaluation.outcome))
}

/// The exit code of a run that was judged.
fn exit_code(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Pass => exit::PASS,
        Outcome::Fail => exit::FAIL,
        Outcome::Incomplete => exit::ERROR,
    }
}
