//! Finding the plan file when none is named: the only `.toml` in `plan/`.

use super::*;
use crate::diagnostic::Code;

/// The only `.toml` file in `dir` (`./plan/` when neither `--plan`,
/// `PLAN_CHECK_PLAN` nor `--plan-dir` is given); several are an error listing them.
pub fn find_plan_file(dir: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = dir.display().to_string();
    let not_found = || {
        Diagnostic::error(
            Code::P001,
            &shown,
            Text::new(
                "找不到规划文件：请用 --plan 指定，或设置环境变量 PLAN_CHECK_PLAN，或在 ./plan/ 中放一个 .toml 文件",
                "no plan file: give one with --plan, set PLAN_CHECK_PLAN, or put one .toml file in ./plan/",
            ),
        )
    };
    let mut found = crate::plan::set::toml_files(dir).map_err(|_| not_found())?;
    match found.len() {
        0 => Err(not_found()),
        1 => Ok(found.remove(0)),
        _ => {
            let list = found
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            Err(Diagnostic::error(
                Code::P001,
                &shown,
                Text::new(
                    format!("plan/ 中有多个规划文件，请用 --plan 选择一个：{list}"),
                    format!("plan/ holds several plan files, choose one with --plan: {list}"),
                ),
            ))
        }
    }
}
