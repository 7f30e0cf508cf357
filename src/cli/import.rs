//! `plan-check import FILE`: the plan file drafted from the published plan,
//! to standard output or `--output` (never over an existing file without
//! `--force`), what to confirm on standard error; `--check PLAN.toml` lists
//! where a plan file differs from the document instead (exit 1 when it does).

use super::args::ImportArgs;
use super::{Config, Failure, emit, exit};
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::import::{self, check, draft, table};
use crate::output;

pub fn run(config: &Config, args: &ImportArgs) -> Result<u8, Failure> {
    let lang = config.lang;
    output::refuse_inputs(
        config.output.as_deref(),
        std::iter::once(args.file.as_path()).chain(args.check.as_deref()),
    )?;
    if !args.force {
        let written = match args.check {
            Some(_) => output::Written::Comparison,
            None => output::Written::Draft,
        };
        output::refuse_existing(config.output.as_deref(), written)?;
    }
    let document = import::read(&args.file)?;
    let tables = table::find(&document);
    let chosen = table::choose(&document, tables, args.table)?;
    let meta = table::meta(&document);
    let drafted = draft::draft(&meta, &chosen, &document.file);
    let shown = format!("<{}>", document.file);
    let caption = chosen
        .caption
        .as_deref()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    let parsed = crate::plan::parse_plan(&drafted.toml, &shown);
    if let Some(plan_path) = &args.check {
        let plan = crate::plan::load_plan(plan_path)?;
        let from_document = parsed.map_err(|d| drafted_error(d, &document.file))?;
        let differences = check::compare(&plan, &from_document, &drafted.settled, lang);
        let mut text = String::new();
        if differences.is_empty() {
            text.push_str(&match lang {
                crate::lang::Lang::Zh => format!(
                    "{} 与 {}{caption} 逐格一致：{} 行，分类、指标、单位、基期、目标、属性、其中关系和原文说明了的判断规则都相同。\n",
                    plan_path.display(),
                    document.file,
                    chosen.rows.len()
                ),
                crate::lang::Lang::En => format!(
                    "{} agrees with {}{caption} cell by cell: {} rows; category, name, unit, baseline, target, attribute, parts and every rule the text states are the same.\n",
                    plan_path.display(),
                    document.file,
                    chosen.rows.len()
                ),
            });
        } else {
            text.push_str(&match lang {
                crate::lang::Lang::Zh => format!(
                    "{} 与 {} 有 {} 处不同：\n",
                    plan_path.display(),
                    document.file,
                    differences.len()
                ),
                crate::lang::Lang::En => format!(
                    "{} differs from {} in {} places:\n",
                    plan_path.display(),
                    document.file,
                    differences.len()
                ),
            });
            for d in &differences {
                text.push_str(&match lang {
                    crate::lang::Lang::Zh => format!(
                        "  {} {}：规划文件“{}”，原文“{}”\n",
                        d.row, d.field, d.plan, d.document
                    ),
                    crate::lang::Lang::En => format!(
                        "  {} {}: plan file \"{}\", document \"{}\"\n",
                        d.row, d.field, d.plan, d.document
                    ),
                });
            }
        }
        emit(config, text.as_bytes())?;
        return Ok(if differences.is_empty() {
            exit::PASS
        } else {
            exit::FAIL
        });
    }
    // A draft that would not load is given out all the same, for the reader
    // to mend, and the run says where and exits 2.
    emit(config, drafted.toml.as_bytes())?;
    super::to_stderr(&match lang {
        crate::lang::Lang::Zh => format!(
            "已从 {}{caption} 读取 {} 行指标（{}–{}年）；待核对 {} 处：",
            document.file,
            chosen.rows.len(),
            chosen.baseline_year,
            chosen.target_year,
            drafted.to_confirm.len()
        ),
        crate::lang::Lang::En => format!(
            "read {} indicator rows ({}–{}) from {}{caption}; {} readings to confirm:",
            chosen.rows.len(),
            chosen.baseline_year,
            chosen.target_year,
            document.file,
            drafted.to_confirm.len()
        ),
    });
    for line in &drafted.to_confirm {
        // Cell text from the document: control characters shown escaped.
        super::to_stderr(&format!("  {}", crate::printable::printable(line)));
    }
    match parsed {
        Ok(_) => Ok(exit::PASS),
        Err(d) => Err(drafted_error(d, &document.file).into()),
    }
}

/// The draft does not load: said with what is wrong in it.
fn drafted_error(d: Diagnostic, file: &str) -> Diagnostic {
    Diagnostic::error(
        Code::I003,
        file,
        Text::new(
            format!("起草的规划文件不能加载：{}", d.message.zh),
            format!("the drafted plan file does not load: {}", d.message.en),
        ),
    )
    .with_hint(Text::new(
        format!("起草结果中第 {} 行；请对照原文修改", d.line.unwrap_or(0)),
        format!(
            "line {} of the draft; mend it against the document",
            d.line.unwrap_or(0)
        ),
    ))
}
