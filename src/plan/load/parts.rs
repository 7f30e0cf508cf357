//! `其中` rows: `part_of` ids turned into indices, each naming a total that
//! exists and is no part itself.

use super::*;
use crate::diagnostic::Code;

/// Turns `part_of` ids into indices, and checks that a part names a total that
/// exists and is not itself a part.
pub(super) fn resolve_parts(
    indicators: &mut [Indicator],
    parts: Vec<Option<(String, u64)>>,
    file: &str,
) -> Result<(), Diagnostic> {
    let index: HashMap<&str, usize> = indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| (ind.id.as_str(), i))
        .collect();
    let mut resolved = Vec::with_capacity(parts.len());
    for (i, part_of) in parts.iter().enumerate() {
        let ind = &indicators[i];
        let total = match part_of {
            None => None,
            Some((total_id, line)) => {
                let err = |zh: String, en: String| {
                    Diagnostic::error(Code::P006, file, Text::new(zh, en))
                        .at_line(*line)
                        .for_indicator(ind.id.clone())
                };
                let Some(&t) = index.get(total_id.as_str()) else {
                    return Err(err(
                        format!("part_of 指向的指标“{total_id}”不存在"),
                        format!(
                            "part_of names \"{total_id}\", which is not an indicator of the plan"
                        ),
                    ));
                };
                if t == i || parts[t].is_some() {
                    return Err(err(
                        format!("part_of 应指向一个合计指标，“{total_id}”本身是分项或就是本指标"),
                        format!(
                            "part_of must name a total; \"{total_id}\" is itself a part or this indicator"
                        ),
                    ));
                }
                if indicators[t].unit != ind.unit {
                    return Err(err(
                        format!(
                            "分项单位“{}”与合计“{total_id}”的单位“{}”不同",
                            ind.unit, indicators[t].unit
                        ),
                        format!(
                            "the part's unit \"{}\" differs from the unit \"{}\" of its total \"{total_id}\"",
                            ind.unit, indicators[t].unit
                        ),
                    ));
                }
                Some(t as IndicatorIdx)
            }
        };
        resolved.push(total);
    }
    for (ind, total) in indicators.iter_mut().zip(resolved) {
        ind.part_of = total;
    }
    Ok(())
}
