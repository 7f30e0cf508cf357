//! Regions of a run whose names look like one place written two ways
//! (`永川` and `永川区`): said, S022.

use crate::diagnostic::{Code, Diagnostic, Text};

/// Regions whose names look like one place written two ways (`永川` and
/// `永川区`, `重庆市江北区` and `江北区`): a warning each (S022). Names are
/// grouped by their stem first, so a run of many regions compares few
/// pairs. The plan's own region is said above.
pub(super) fn region_name_slips(
    observations: &crate::stats::Observations,
    region_years: &[crate::stats::RegionYear],
    plans: &crate::plan::PlanSet,
    file: &str,
) -> Vec<Diagnostic> {
    use crate::region_name::{finest, same_place};
    let mut ids: Vec<crate::stats::Id> = region_years.iter().map(|ry| ry.region).collect();
    ids.sort_unstable();
    ids.dedup();
    const UNITS: [char; 7] = ['省', '市', '区', '县', '州', '旗', '盟'];
    // The finest unit's name without its word (江北 of 重庆市江北区); a name
    // that does not end with a unit's word is its own stem (合成区03800).
    let stem = |name: &str| -> String {
        let unit = if name.ends_with(UNITS) {
            finest(name).unwrap_or(name)
        } else {
            name
        };
        unit.trim_end_matches(UNITS).to_owned()
    };
    let mut groups: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for &id in &ids {
        let name = observations.regions.get(id);
        if name.is_empty() || plans.near_region(name).is_some() {
            continue;
        }
        groups.entry(stem(name)).or_default().push(name);
    }
    let mut out = Vec::new();
    // A few ways of writing one place, never a crowd of places.
    for names in groups
        .values()
        .filter(|names| (2..=8).contains(&names.len()))
    {
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                if same_place(a, b) {
                    out.push(
                        Diagnostic::error(
                            Code::S022,
                            file,
                            Text::new(
                                format!("数据中的地区“{a}”和“{b}”像是同一地区的两种写法，现按两个地区分别检查；若是同一地区，请统一名称"),
                                format!("the regions \"{a}\" and \"{b}\" in the data look like one place written two ways; they are judged as two: use one name if they are one"),
                            ),
                        )
                        .as_warning(),
                    );
                }
            }
        }
    }
    out
}
