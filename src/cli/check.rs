//! `plan-check FILE…`, the main job: statistics in, one evaluation (a year,
//! the period, or every region), rendered in `--format`, exit code out.

use super::config::Written;
use super::{Config, Failure, deliver, inputs};
use crate::assess::evaluation::Evaluation;
use crate::render::Format;

pub fn run(config: &Config) -> Result<u8, Failure> {
    let format = match config.written {
        Written::Check(format) => format,
        _ => Format::Table,
    };
    let unread = |mut errors: Vec<crate::diagnostic::Diagnostic>| {
        if let Err(d) = report_unread(config, format, &errors) {
            errors.push(d);
        }
        Failure::Input(errors)
    };
    let plans = inputs::plans(config).map_err(unread)?;
    let mut loaded = inputs::load(config, &plans).map_err(unread)?;
    let (warnings, inputs, failed) = loaded.take_notes();
    let regions_left_out = failed.iter().any(|f| f.region.is_some());
    let evaluation = Evaluation::assess(
        &plans,
        &loaded.observations,
        &loaded.region_years,
        |r| loaded.plan_of(&plans, r),
        config.strict,
        regions_left_out,
    )
    .with_inputs(warnings, inputs)
    .with_failures(failed);
    let code = deliver(config, &evaluation, format.renderer());
    // The process ends with this command, and its memory with it: freeing a
    // large run piece by piece first would only cost time (1M rows: 3 ms).
    // Nothing here holds a file or anything else to close.
    std::mem::forget(evaluation);
    std::mem::forget(loaded);
    code
}

/// A run that could judge nothing (the plan or every input unreadable) ends
/// with exit 2 and its errors on standard error. A CI job reading the
/// output still gets them where it looks: `github` as an `::error` at each
/// file and line, `junit` as a report whose `inputs` suite has an errored
/// case per file (written to `--output` as any report is, so the job's
/// publishing step finds one). Other formats have nothing to say.
///
/// Nothing is written when the output itself is what is wrong (a `U` code:
/// `--output` names an input, a folder, a form not written): the report
/// went over the statistics file it was refused for (a helper's review).
fn report_unread(
    config: &Config,
    format: Format,
    errors: &[crate::diagnostic::Diagnostic],
) -> Result<(), crate::diagnostic::Diagnostic> {
    let lang = config.style.lang;
    let text = match format {
        Format::Github => crate::render::github::diagnostics(errors, lang),
        Format::Junit => crate::render::junit::unread(errors, lang),
        _ => return Ok(()),
    };
    let to_stdout = crate::output::is_stdout(config.output.as_deref());
    if (config.quiet && to_stdout) || errors.iter().any(|d| d.code.as_str().starts_with('U')) {
        return Ok(());
    }
    // Never over a file of the run, whichever check failed first (a broken
    // plan is refused before the statistics are compared with --output).
    crate::output::refuse_inputs(
        config.output.as_deref(),
        config
            .files
            .iter()
            .chain(&config.plans.plan)
            .map(std::path::PathBuf::as_path),
    )?;
    let mut out = crate::output::Output::open(config.output.as_deref())?;
    use std::io::Write;
    out.write_all(text.as_bytes()).map_err(|e| out.failed(&e))?;
    out.commit()?;
    super::say_written(config);
    Ok(())
}
