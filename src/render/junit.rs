//! `--format junit`: JUnit XML for CI test reports (GitLab, Jenkins, GitHub
//! test-report actions).
//!
//! One test suite per region and year, one test case per indicator. An indicator
//! that fails the run (a binding one not passing; with `--strict` any) is a
//! `<failure>`. An expected indicator that does not pass without `--strict` is not
//! a failure: the case passes and carries its status in `<system-out>` and in a
//! `status` property, so the report shows it without failing the pipeline. An
//! indicator the plan does not judge is `<skipped>`.

use super::xml::escape;
use super::{Evaluation, Renderer, Style, labels, summary};
use crate::assess::{Status, YearReport};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use std::fmt::Write as _;

/// `--format junit`.
pub struct Junit;

impl Renderer for Junit {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        out.write_all(render(ev, *style).as_bytes())?;
        Ok(())
    }
}

fn render(ev: &Evaluation, style: Style) -> String {
    let suites: Vec<Suite> = ev
        .year_reports()
        .into_iter()
        .map(|report| suite(&report, ev, style))
        .collect();
    let total = |f: fn(&Suite) -> usize| suites.iter().map(f).sum::<usize>();
    let errors = ev.failed.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"plan-check\" tests=\"{}\" failures=\"{}\" errors=\"{errors}\" skipped=\"{}\">",
        total(|s| s.tests) + errors,
        total(|s| s.failures),
        total(|s| s.skipped)
    );
    for s in &suites {
        out.push_str(&s.xml);
    }
    // A file that could not be read is an error of the run, one test case each.
    if errors > 0 {
        let cases = ev.failed.iter().map(|f| {
            // A region left out (its figures clash) is the case, with its file.
            let name = match &f.region {
                Some(region) => format!("{region} ({})", f.file),
                None => f.file.clone(),
            };
            (name, f.file.as_str(), f.errors.as_slice())
        });
        out.push_str(&inputs_suite(cases, style.lang));
    }
    out.push_str("</testsuites>\n");
    out
}

/// The `inputs` suite: one errored test case per input that could not be
/// read (`name`, its file, its errors).
fn inputs_suite<'d>(
    cases: impl ExactSizeIterator<Item = (String, &'d str, &'d [Diagnostic])>,
    lang: Lang,
) -> String {
    let count = cases.len();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  <testsuite name=\"inputs\" tests=\"{count}\" failures=\"0\" errors=\"{count}\" skipped=\"0\">"
    );
    for (name, file, errors) in cases {
        let detail: Vec<String> = errors.iter().map(|d| d.render(lang)).collect();
        let _ = writeln!(
            out,
            "    <testcase classname=\"inputs\" name=\"{}\" file=\"{}\">\n      <error message=\"{}\">{}</error>\n    </testcase>",
            escape(&name),
            escape(file),
            escape(detail.first().map_or("", String::as_str)),
            escape(&detail.join("\n"))
        );
    }
    out.push_str("  </testsuite>\n");
    out
}

/// The report of a run that could judge nothing (every input, or the plan,
/// could not be read): its errors as the `inputs` suite, a case per file, so
/// a CI job that publishes the report shows why instead of finding none.
pub fn unread(errors: &[Diagnostic], lang: Lang) -> String {
    let mut files: Vec<(&str, Vec<Diagnostic>)> = Vec::new();
    for d in errors {
        match files.iter_mut().find(|(file, _)| *file == d.file) {
            Some((_, ds)) => ds.push(d.clone()),
            None => files.push((&d.file, vec![d.clone()])),
        }
    }
    let count = files.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"plan-check\" tests=\"{count}\" failures=\"0\" errors=\"{count}\" skipped=\"0\">"
    );
    out.push_str(&inputs_suite(
        files
            .iter()
            .map(|(file, ds)| ((*file).to_owned(), *file, ds.as_slice())),
        lang,
    ));
    out.push_str("</testsuites>\n");
    out
}

/// One `<testsuite>`: a region's year.
struct Suite {
    xml: String,
    tests: usize,
    failures: usize,
    skipped: usize,
}

fn suite(report: &YearReport, ev: &Evaluation, style: Style) -> Suite {
    let lang = style.lang;
    let tests = report.results.len();
    let failures = report.results.iter().filter(|r| ev.fails_run(r)).count();
    let skipped = report
        .results
        .iter()
        .filter(|r| r.status == Status::NotAssessed)
        .count();
    let suite_name = if report.region.is_empty() {
        report.year.to_string()
    } else {
        format!("{} {}", report.region, report.year)
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">",
        escape(&suite_name)
    );
    let _ = writeln!(out, "    <properties>");
    for (name, value) in [
        ("plan", report.plan.title.clone()),
        ("region", report.region.clone()),
        ("year", report.year.to_string()),
        ("strict", ev.strict.to_string()),
    ] {
        let _ = writeln!(
            out,
            "      <property name=\"{name}\" value=\"{}\"/>",
            escape(&value)
        );
    }
    let _ = writeln!(out, "    </properties>");
    for r in &report.results {
        let name = format!("{} ({})", summary::display_name(r), r.id);
        let _ = writeln!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"{}>",
            escape(&r.category),
            escape(&name),
            escape(r.file.as_deref().unwrap_or(&report.plan.file)),
            r.line.map(|l| format!(" line=\"{l}\"")).unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "      <properties><property name=\"status\" value=\"{}\"/><property name=\"attribute\" value=\"{}\"/></properties>",
            r.run_status().code(),
            labels::attribute(r.attribute, crate::lang::Lang::En)
        );
        let detail = describe(r, lang);
        if ev.fails_run(r) {
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                r.run_status().code(),
                escape(&detail),
                escape(&detail)
            );
        } else if r.status == Status::NotAssessed {
            let _ = writeln!(out, "      <skipped message=\"{}\"/>", escape(&detail));
        } else {
            let _ = writeln!(out, "      <system-out>{}</system-out>", escape(&detail));
        }
        let _ = writeln!(out, "    </testcase>");
    }
    let _ = writeln!(out, "  </testsuite>");
    Suite {
        xml: out,
        tests,
        failures,
        skipped,
    }
}

/// One line on an indicator: status, requirement and figure.
fn describe(r: &crate::assess::IndicatorResult, lang: crate::lang::Lang) -> String {
    let requirement = labels::result_requirement(r, lang).unwrap_or_else(|| "—".to_owned());
    let actual = labels::judged_figure(r, lang);
    // Judged at an earlier year: 未填报 in the run's, with how it stood then.
    let then = labels::status(r.status, lang);
    match (lang, r.as_of) {
        (crate::lang::Lang::Zh, as_of) => format!(
            "{}（{}）：{}要求 {requirement}，实际 {actual}",
            labels::status(r.run_status(), lang),
            labels::attribute(r.attribute, lang),
            as_of
                .map(|y| format!("按{y}年数据{then}，"))
                .unwrap_or_default(),
        ),
        (crate::lang::Lang::En, as_of) => format!(
            "{} ({}): {}required {requirement}, actual {actual}",
            labels::status(r.run_status(), lang),
            labels::attribute(r.attribute, lang),
            as_of
                .map(|y| format!("{then} on the {y} figure, "))
                .unwrap_or_default(),
        ),
    }
}
