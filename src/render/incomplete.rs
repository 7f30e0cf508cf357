//! What a run could not check, said under its verdict: the files that
//! could not be read and the regions left out for a figure reported twice.
//! The one place these lines are worded, for a terminal (the errors are
//! above, on standard error) or a document (each file's first error quoted).

use super::FailedInput;
use crate::lang::Lang;

/// Where the lines about what could not be checked are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Under a terminal table: the errors themselves are above it, on
    /// standard error.
    Terminal,
    /// In a document (Markdown, a workbook, a report): the errors are not
    /// there, so each file's first one is quoted.
    Document,
}

/// The files that could not be read, and the regions left out because a
/// figure of theirs is reported twice, after the verdict on the rest: their
/// figures were not checked, and the run exits 2.
pub fn failed_inputs(failed: &[FailedInput], lang: Lang, shown: Shown) -> Vec<String> {
    let errors = |f: &FailedInput| {
        let count = match lang {
            Lang::Zh => format!("{} 处错误", f.errors.len()),
            Lang::En => format!(
                "{} error{}",
                f.errors.len(),
                if f.errors.len() == 1 { "" } else { "s" }
            ),
        };
        match (shown, f.errors.first()) {
            (Shown::Document, Some(first)) => {
                let at = first.line.map(|l| match lang {
                    Lang::Zh => format!("第 {l} 行，"),
                    Lang::En => format!("line {l}, "),
                });
                format!(
                    "{count}{}{}{}{}",
                    lang.pick("，首个：", "; the first: "),
                    at.unwrap_or_default(),
                    first.code,
                    lang.pick("：", ": ").to_owned() + first.message.get(lang)
                )
            }
            _ => count,
        }
    };
    let unread = failed
        .iter()
        .filter(|f| f.region.is_none())
        .map(|f| match lang {
            Lang::Zh => format!("{}（{}）", f.file, errors(f)),
            Lang::En => format!("{} ({})", f.file, errors(f)),
        })
        .collect::<Vec<_>>();
    let clashing = failed
        .iter()
        .filter_map(|f| {
            let region = f.region.as_deref()?;
            let region = if region.is_empty() {
                lang.pick("（未写明地区）", "(no region named)")
            } else {
                region
            };
            Some(match lang {
                Lang::Zh => format!("{region}（{}）", f.file),
                Lang::En => format!("{region} ({})", f.file),
            })
        })
        .collect::<Vec<_>>();
    let (errors_zh, errors_en) = match shown {
        Shown::Terminal => ("，错误见表格上方", ", their errors above the table"),
        Shown::Document => ("", ""),
    };
    let mut lines = Vec::new();
    if !unread.is_empty() {
        let files = unread.join(lang.pick("、", ", "));
        lines.push(match lang {
            Lang::Zh => format!(
                "未能读取的文件：{files}{errors_zh}；其中的数据未经检查，结果不完整（退出码 2）。"
            ),
            Lang::En => format!(
                "Files that could not be read: {files}{errors_en}; their figures were not checked and the result is incomplete (exit code 2)."
            ),
        });
    }
    if !clashing.is_empty() {
        // The first ten named; the rest counted.
        let more = clashing.len().saturating_sub(10);
        let mut regions = clashing[..clashing.len().min(10)].join(lang.pick("、", ", "));
        if more > 0 {
            regions.push_str(&match lang {
                Lang::Zh => format!("等 {} 个地区", clashing.len()),
                Lang::En => format!(" and {more} more"),
            });
        }
        lines.push(match lang {
            Lang::Zh => format!(
                "同一指标同一年填报了两次、未检查的地区：{regions}{errors_zh}；这些地区未列入，结果不完整（退出码 2）。"
            ),
            Lang::En => format!(
                "Regions with a figure reported twice, not checked: {regions}{errors_en}; they are left out and the result is incomplete (exit code 2)."
            ),
        });
    }
    lines
}
