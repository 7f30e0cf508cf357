//! Which side of a printed number counts, where the number alone does not
//! say: the indicator's name (失业率 lower, 保有量 at least, …下降比例 a fall
//! to reach), a head count's projection, and a `左右` read toward the side
//! the words, the name or the baseline give.

use super::*;

/// What an indicator's name says is better, for a bare number printed as its
/// target: `Some(false)` lower (失业率, 能耗, 排放, 浓度, 死亡率 …: the
/// number is a ceiling), `Some(true)` at least (保有量, 红线, 底线: a floor
/// to keep; a reduction, 下降率, …降低, …下降比例, …下降幅度: a fall to
/// reach), `None` when the name does not say. `import`'s draft asks (what
/// it reads is marked to confirm), and the loader for a `左右` whose side
/// the words do not give (`城镇调查失业率 5.5%左右`: at most about 5.5).
pub fn better_by_name(name: &str) -> Option<bool> {
    const LOWER: &[&str] = &[
        "失业率",
        "能耗",
        "能源消耗",
        "排放",
        "浓度",
        "死亡率",
        "发病率",
        "患病率",
        "漏损率",
        "用水量",
        "事故",
        "贫困发生率",
        "劣Ⅴ类",
        "劣V类",
        "负债率",
        "债务率",
        "空置率",
        "超标",
        // Totals a plan caps: 能源消费总量, 用水总量, 建设用地总规模.
        "能源消费",
        "用水总量",
        "建设用地",
    ];
    const FLOOR: &[&str] = &["保有量", "红线", "底线", "储备", "不减少"];
    // A reduction is a name of what falls, and more of it is better
    // (碳排放下降率 3, 单位GDP能耗降低 13.5: at least that much).
    const REDUCTION_RATE: &[&str] = &["下降率", "降低率", "减排率", "削减率", "减量化"];
    const REDUCTION: &[&str] = &["下降", "降低", "减少", "削减", "减排", "压减"];
    // 非化石能源占能源消费总量比重: a share is judged by its subject; the
    // words after 占 name the whole it is a share of.
    let whole = name;
    let name = name.split('占').next().unwrap_or(name);
    let bare = name
        .split(['（', '('])
        .next()
        .unwrap_or(name)
        .trim_end_matches(['*', ' ']);
    // …下降比例, …降低幅度, …下降百分比: the size of a fall, as 下降率 is.
    const OF_A_FALL: &[&str] = &["", "比例", "幅度", "百分比", "程度", "率"];
    if REDUCTION_RATE.iter().any(|w| bare.contains(w))
        || (REDUCTION.iter().any(|w| {
            OF_A_FALL
                .iter()
                .any(|tail| bare.ends_with(&format!("{w}{tail}")))
        }) && !bare.ends_with("不减少"))
    {
        return Some(true);
    }
    if FLOOR.iter().any(|w| name.contains(w)) {
        Some(true)
    } else if LOWER.iter().any(|w| name.contains(w)) {
        Some(false)
    } else if let plain = without_glosses(name)
        && ["增长", "增速", "增长率"]
            .iter()
            .any(|w| plain.ends_with(w))
        && GROWTH_OF.iter().any(|w| plain.contains(w))
    {
        // 国内生产总值增长 5.5%左右 (an annual plan): output, income and
        // productivity growing faster is no shortfall (a reviewer's 6.0
        // against it was 未达标, a band both ways).
        Some(true)
    } else if let plain = without_glosses(whole)
        && GROWTH_OF.iter().any(|w| plain.contains(w))
        && !plain.contains('占')
        && (plain.ends_with("劳动生产率")
            || !["比重", "占比", "比例", "率", "指数"]
                .iter()
                .any(|w| plain.ends_with(w)))
    {
        // The level itself: 全员劳动生产率 55左右 (长宁区纲要, no baseline
        // printed) is a level to reach, more no shortfall — it was a band
        // both ways, and 57.8 偏离预测.
        Some(true)
    } else {
        None
    }
}

/// A name without its bracketed glosses: 国内生产总值（GDP）增长 →
/// 国内生产总值增长.
pub fn without_glosses(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim_end_matches(['*', ' ']).to_owned()
}

/// What a growth rate is better high for: output, value added, income,
/// productivity.
const GROWTH_OF: &[&str] = &[
    "生产总值",
    "GDP",
    "增加值",
    "产值",
    "收入",
    "营收",
    "劳动生产率",
];

/// Whether a name is a head count that plans project rather than target
/// (总人口, 在校学生数, 在园幼儿数): a bare number there is a projection.
pub fn projected_by_name(name: &str) -> bool {
    const COUNTS: &[&str] = &[
        "人口",
        "人数",
        "学生数",
        "在校生",
        "幼儿数",
        "人口总量",
        "人口规模",
    ];
    COUNTS.iter().any(|w| name.ends_with(w)) && !name.contains("新增")
}

/// `1.45左右`: a target give or take `about_pct` percent, on the side the
/// words give (控制在3%左右: at most), else the name (城镇调查失业率 from 5.0
/// to 5.5%左右 is a ceiling, not a rise to reach), else — only where the plan
/// reads numbers toward the target (`toward`: `bare_numbers =
/// "toward_target"`, as the national outlines' files say) — the side the
/// baseline lies from it (1.39 → 1.45左右 粮食综合生产能力: at least). With
/// none of these the side is not printed: 能源消费总量 from 1000 to 1100左右
/// may be a cap or a level to reach, so it is a band both ways, off it
/// either way, as a head count's (`projected`: 总人口, 在校学生数) is.
pub fn about(
    value: f64,
    baseline: Option<f64>,
    projected: bool,
    about_pct: f64,
    said: Option<Comparator>,
    name: &str,
    toward_target: bool,
) -> Rule {
    let toward = |cmp| Rule::About {
        value,
        tolerance_pct: about_pct,
        cmp,
    };
    if let Some(cmp) = said.or_else(|| side_by_name(name)) {
        return toward(cmp);
    }
    match baseline {
        Some(b) if toward_target && !projected && b < value => toward(Comparator::GreaterOrEqual),
        Some(b) if toward_target && !projected && b > value => toward(Comparator::LessOrEqual),
        _ => Rule::Projection {
            value,
            tolerance_pct: about_pct,
        },
    }
}

/// The side a name says is better, as a comparator.
pub(super) fn side_by_name(name: &str) -> Option<Comparator> {
    better_by_name(name).map(|floor| {
        if floor {
            Comparator::GreaterOrEqual
        } else {
            Comparator::LessOrEqual
        }
    })
}

/// `value` give or take `about_pct` %, as a bound on the side `cmp` keeps:
/// at most 3 × 1.05 for `控制在3%左右`.
pub fn about_bound(value: f64, about_pct: f64, cmp: Comparator) -> Threshold {
    let margin = crate::number::round_requirement(value.abs() * about_pct / 100.0);
    let bound = if cmp.wants_more() {
        value - margin
    } else {
        value + margin
    };
    Threshold {
        cmp: cmp.inclusive(),
        value: crate::number::round_requirement(bound),
    }
}
