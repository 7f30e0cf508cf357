//! The regions' paragraph: how many regions, how many fail a binding
//! indicator, and which.

use super::*;

/// Every region's latest year in the same manner: the count, those whose
/// binding indicators all meet their requirement, those that do not, named.
pub fn regions_summary(regions: &RegionsReport, lang: Lang) -> Vec<String> {
    let s = &regions.summary;
    let failing = regions.failing_binding();
    let ok = s.regions.saturating_sub(s.regions_failing_binding);
    let mut out = vec![match lang {
        Lang::Zh => format!("{}个地区中，{ok}个地区约束性指标均达到要求。", s.regions),
        Lang::En => format!(
            "Of {} regions, {ok} {} every binding requirement.",
            s.regions,
            en(ok, "meets", "meet")
        ),
    }];
    if !failing.is_empty() {
        let k = failing.len();
        let list = failing.join(lang.pick("、", ", "));
        out.push(match (k, lang) {
            (1, Lang::Zh) => format!("{list}有约束性指标未达到要求。"),
            (_, Lang::Zh) => format!("{list}等{k}个地区有约束性指标未达到要求。"),
            (1, Lang::En) => format!("{list} has binding indicators short of it."),
            (_, Lang::En) => format!("{list} ({k}) have binding indicators short of it."),
        });
    }
    if s.regions_failing_expected > 0 {
        out.push(match lang {
            Lang::Zh => format!(
                "{}个地区有预期性指标未达到要求。",
                s.regions_failing_expected
            ),
            Lang::En => format!(
                "{} regions have expected indicators short of their requirement.",
                s.regions_failing_expected
            ),
        });
    }
    out
}
