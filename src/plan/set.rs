//! The plans of a run and which region each one governs.
//!
//! With one plan, every region is judged against it. With several (`--plan`
//! repeated or `--plan-dir`), each plan names its `region`; a region's rows use
//! its own plan, and a region no plan names is judged against the plan marked
//! `default = true`, or else is an error naming it and the plans available.

use super::{Plan, load_plan};
use crate::diagnostic::{Code, Diagnostic, Text};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct PlanSet {
    pub plans: Vec<Plan>,
    by_region: HashMap<String, usize>,
    default: Option<usize>,
}

impl PlanSet {
    pub fn new(plans: Vec<Plan>) -> Result<PlanSet, Diagnostic> {
        let mut by_region = HashMap::new();
        let mut default = None;
        if plans.len() == 1 {
            default = Some(0);
        } else {
            for (i, plan) in plans.iter().enumerate() {
                if plan.meta.is_default
                    && let Some(first) = default.replace(i)
                {
                    let first: &Plan = &plans[first];
                    return Err(Diagnostic::error(
                        Code::P007,
                        &plan.path,
                        Text::new(
                            format!(
                                "只能有一个默认规划（default = true），{} 也是默认规划",
                                first.path
                            ),
                            format!(
                                "only one plan may be the default (default = true); {} is too",
                                first.path
                            ),
                        ),
                    ));
                }
                match &plan.meta.region {
                    Some(region) => {
                        if let Some(other) = by_region.insert(region.clone(), i) {
                            return Err(Diagnostic::error(
                                Code::P007,
                                &plan.path,
                                Text::new(
                                    format!("地区“{region}”已由 {} 规划", plans[other].path),
                                    format!(
                                        "the region \"{region}\" already has a plan: {}",
                                        plans[other].path
                                    ),
                                ),
                            ));
                        }
                    }
                    None if plan.meta.is_default => {}
                    None => {
                        return Err(Diagnostic::error(
                            Code::P007,
                            &plan.path,
                            Text::new(
                                "同时使用多个规划时，每个规划须写明 region（或标为 default = true）",
                                "with several plans, each must name its region (or be the default)",
                            ),
                        ));
                    }
                }
            }
        }
        Ok(PlanSet {
            plans,
            by_region,
            default,
        })
    }

    /// The plan that governs `region` (an empty name: no region column).
    pub fn for_region(&self, region: &str) -> Result<usize, Text> {
        // One plan judges every region.
        if self.plans.len() == 1 {
            return Ok(0);
        }
        if let Some(&i) = self.by_region.get(region) {
            return Ok(i);
        }
        // 江津 for 江津区: a plan's region but for its last character (区,
        // 县, 市, 旗) is a slip, never the default plan's region — judged by
        // the default plan, the district passed with exit 0 (a reviewer's
        // city collection).
        if let Some(near) = self.by_region.keys().find(|r| same_place(r, region)) {
            return Err(match self.default {
                Some(_) => Text::new(
                    format!(
                        "没有地区“{region}”的规划；是“{near}”吗？请改正地区名，它不按默认规划检查"
                    ),
                    format!(
                        "no plan for the region \"{region}\"; is it \"{near}\"? Correct the name: it is not judged by the default plan"
                    ),
                ),
                None => Text::new(
                    format!("没有地区“{region}”的规划；是“{near}”吗？请改正地区名"),
                    format!(
                        "no plan for the region \"{region}\"; is it \"{near}\"? Correct the name"
                    ),
                ),
            });
        }
        self.default.ok_or_else(|| {
            let available = self
                .plans
                .iter()
                .map(|p| format!("{}（{}）", p.meta.region.as_deref().unwrap_or("?"), p.path))
                .collect::<Vec<_>>()
                .join("、");
            if region.is_empty() {
                Text::new(
                    format!("给出了多个规划，但这一行没有“地区”：无法确定按哪个规划检查。规划：{available}"),
                    format!("several plans are given but the row names no region: which plan applies is unknown. Plans: {available}"),
                )
            } else {
                Text::new(
                    format!("没有地区“{region}”的规划。已有规划：{available}"),
                    format!("no plan for the region \"{region}\". Plans: {available}"),
                )
            }
        })
    }

    /// The plan's region `region` names, as another plan's region but for
    /// its administrative suffix (`江津` / `江津区`), if any.
    pub fn near_region(&self, region: &str) -> Option<&str> {
        self.plans
            .iter()
            .filter_map(|p| p.meta.region.as_deref())
            .find(|r| same_place(r, region))
    }

    /// The region name rows without a region column belong to.
    pub fn default_region(&self) -> &str {
        self.default
            .and_then(|i| self.plans[i].meta.region.as_deref())
            .unwrap_or("")
    }
}

/// The plan files of a run: `--plan` (repeatable; or `PLAN_CHECK_PLAN`), else
/// every `.toml` in `--plan-dir`, else the only `.toml` in `./plan/`.
pub fn find_plan_files(
    explicit: &[PathBuf],
    dir: Option<&Path>,
) -> Result<Vec<PathBuf>, Diagnostic> {
    if !explicit.is_empty() {
        return Ok(explicit.to_vec());
    }
    match dir {
        Some(dir) => {
            let shown = dir.display().to_string();
            let found = toml_files(dir).map_err(|e| {
                Diagnostic::error(
                    Code::P001,
                    &shown,
                    Text::io("无法读取规划文件夹", "cannot read the plan folder", &e),
                )
            })?;
            if found.is_empty() {
                return Err(Diagnostic::error(
                    Code::P001,
                    &shown,
                    Text::new(
                        "文件夹中没有 .toml 规划文件",
                        "the folder holds no .toml plan file",
                    ),
                ));
            }
            Ok(found)
        }
        None => super::find_plan_file(&plan_folder()).map(|p| vec![p]),
    }
}

/// The `plan/` folder a run uses by default: in the current folder, else in
/// the nearest folder above that has one, as git and cargo search upward;
/// the search stops at the repository's root (a folder with `.git`) or the
/// file system's root. Written relative to the current folder (`../plan`).
pub fn plan_folder() -> PathBuf {
    let here = Path::new("plan").to_path_buf();
    let Ok(cwd) = std::env::current_dir() else {
        return here;
    };
    let mut relative = PathBuf::new();
    for dir in cwd.ancestors() {
        if dir.join("plan").is_dir() {
            return relative.join("plan");
        }
        if dir.join(".git").exists() {
            break;
        }
        relative.push("..");
    }
    here
}

/// The `.toml` files of a folder, in name order.
pub fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    found.sort();
    Ok(found)
}

/// Reads every plan file and puts them together.
pub fn load_plan_set(explicit: &[PathBuf], dir: Option<&Path>) -> Result<PlanSet, Diagnostic> {
    let files = find_plan_files(explicit, dir)?;
    let plans = files
        .iter()
        .map(|f| load_plan(f))
        .collect::<Result<Vec<_>, _>>()?;
    PlanSet::new(plans)
}

/// Whether two region names are one place written two ways: one the other
/// less its unit's word (江津 / 江津区, 璧山 / 璧山县), an autonomous unit
/// written short (恩施州 / 恩施土家族苗族自治州), or the same finest
/// unit with or without its city (重庆市江津区 / 江津区), as
/// [`crate::region_name`] reads a name. Never two names whose stems only
/// begin alike (鄂托克前旗 is not 鄂托克旗, 杭锦后旗 not 杭锦旗: a
/// district with no plan of its own, refused, where the default plan
/// judges it — a reviewer's).
fn same_place(a: &str, b: &str) -> bool {
    use crate::region_name::{finest, short_for};
    // An autonomous unit written short (恩施州 for 恩施土家族苗族自治州).
    let autonomous_short = |long: &str, short: &str| {
        ["自治州", "自治县", "自治旗"].iter().any(|unit| {
            long.ends_with(unit)
                && short.chars().next_back() == unit.chars().next_back()
                && short.chars().count() >= 3
                && long.starts_with(short.trim_end_matches(['州', '县', '旗']))
        })
    };
    a != b
        && (short_for(a, b)
            || finest(a).is_some_and(|f| finest(b) == Some(f))
            || autonomous_short(a, b)
            || autonomous_short(b, a))
}

#[cfg(test)]
mod near_tests {
    #[test]
    fn a_region_written_without_its_suffix_is_the_same_place() {
        assert!(super::same_place("江津区", "江津"));
        assert!(super::same_place("璧山", "璧山县"));
        assert!(!super::same_place("江津区", "江津区"));
        assert!(!super::same_place("江津区", "永川区"));
        assert!(!super::same_place("江津区", ""));
        assert!(!super::same_place("南岸区", "南"));
        // A district named with its city is the district.
        assert!(super::same_place("重庆市江津区", "江津区"));
        // Banners whose names only begin alike are two places.
        assert!(!super::same_place("鄂托克前旗", "鄂托克旗"));
        assert!(!super::same_place("杭锦后旗", "杭锦旗"));
        assert!(super::same_place("恩施州", "恩施土家族苗族自治州"));
        assert!(!super::same_place("恩施市", "恩施土家族苗族自治州"));
    }
}
