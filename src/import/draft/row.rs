//! One row of the table as its `[[indicator]]`: the cells as printed, the
//! baseline and target read as the loader reads them (`plan::row`), and
//! each assumption a `# 待核对` line, also listed for standard error.

use super::cells::{ADDED, bare, baseline};
use super::out::Out;
use super::words::{
    counted, in_a_rate, is_amount_of_work, is_change, is_flow, is_growth, names_the, quote,
};
use crate::import::table::{IndicatorTable, Row};
use crate::plan::row::{Conventions, Printed, RowRule, rule_from_text};
use crate::plan::{BareNumbers, Form, Measure, ValidBasis, read_target};
use std::fmt::Write as _;

/// What the plan as a whole says about every row.
pub(super) struct Context<'a> {
    pub table: &'a IndicatorTable,
    pub ids: &'a [String],
    /// The year a `*` in a baseline cell stands for, from the notes.
    pub star_year: Option<i32>,
    /// Rows whose target is a bare number (the plan reads them toward the target).
    pub bare_rows: usize,
}

/// The display name of a row in the list of what to confirm.
pub(super) fn shown(row: &Row) -> String {
    match &row.group {
        Some(g) => format!("{g}：{}", row.name),
        None => row.name.clone(),
    }
}

/// Writes row `i` of the table; whether its rule is settled by the text.
/// `refused`: the loader's words when it refused this row's reading in a
/// draft before.
pub(super) fn write(
    w: &mut Out,
    cx: &Context,
    i: usize,
    row: &Row,
    refused: Option<&String>,
) -> bool {
    let (target, baseline_value) = cells(w, cx, i, row);
    rule(w, cx, row, target, baseline_value, refused)
}

/// The row's cells as printed; its target cell and its baseline's number.
fn cells<'r>(w: &mut Out, cx: &Context, i: usize, row: &'r Row) -> (&'r str, Option<f64>) {
    let _ = writeln!(w.out, "\n[[indicator]]");
    let _ = writeln!(w.out, "id = {}", quote(&cx.ids[i]));
    if let Some(why) = &row.shape {
        w.confirm(why.clone());
    }
    let _ = writeln!(w.out, "category = {}", quote(&row.category));
    if let Some(g) = &row.group {
        let _ = writeln!(w.out, "group = {}", quote(g));
    }
    let _ = writeln!(w.out, "name = {}", quote(&row.name));
    let _ = writeln!(w.out, "unit = {}", quote(&row.unit));
    if row.unit.is_empty() {
        w.confirm("原文没有写单位，请补上".to_owned());
    } else if row.unit_inherited {
        let _ = writeln!(w.out, "# 单位取自上面的合计或表头（本行原文没有写单位）。");
    } else if row.unit_from_target {
        w.confirm("单位取自目标一栏（原文没有单位列）".to_owned());
    }
    let baseline_value = baseline(
        w,
        row,
        cx.star_year,
        cx.table.period_amounts && is_amount_of_work(row),
    );
    let target = if row.target.trim().is_empty() {
        "—"
    } else {
        row.target.trim()
    };
    let _ = writeln!(w.out, "target = {}", quote(target));
    if let Some(period) = &row.period {
        let _ = writeln!(w.out, "period_target = {}", quote(period));
    }
    // A second 年均/累计 column the row fills too: one is drafted, the other
    // said (a plan file holds one period cell a row).
    for other in &row.period_left {
        w.confirm(format!(
            "原文另一栏年均/累计还写着“{other}”，没有写入（每行只写一栏）：请核对哪一栏是要判断的目标"
        ));
    }
    // 预期性[1]: a footnote's mark is no part of the attribute.
    let attribute = match crate::import::attribute_word(&row.attribute) {
        Some(a) => a.to_owned(),
        None => {
            let other = row.attribute.trim();
            w.confirm(if other.is_empty() {
                "原文没有写属性，暂写作“预期性”".to_owned()
            } else {
                format!("原文属性为“{other}”，暂写作“预期性”")
            });
            "预期性".to_owned()
        }
    };
    let _ = writeln!(w.out, "attribute = {}", quote(&attribute));
    if let Some(t) = row.part_of {
        let _ = writeln!(w.out, "part_of = {}", quote(&cx.ids[t]));
        if let Some(why) = &row.part_because {
            w.confirm(why.clone());
        }
    }
    (target, baseline_value)
}

/// The rule: what the deciding cell says, what the text leaves to
/// confirm, and whether the loader reads it; whether it is settled.
fn rule(
    w: &mut Out,
    cx: &Context,
    row: &Row,
    target: &str,
    baseline_value: Option<f64>,
    refused: Option<&String>,
) -> bool {
    // The cell that decides and what it says, as the loader reads them.
    let printed = Printed::new(target, row.period.as_deref()).named(&row.name);
    // Both cells hold a target (`60` beside `〔3.9〕`): the target-year
    // cell is read as if alone, the 年均/累计 one judged beside it.
    let beside = printed.both().then_some(printed.period).flatten();
    let printed = if beside.is_some() {
        Printed::new(target, None).named(&row.name)
    } else {
        printed
    };
    let deciding = printed.deciding();
    let in_period = printed.period.is_some();
    let reading = read_target(deciding);
    let mut is_settled = true;
    // A rule written here; else the loader reads the printed cells.
    let mut explicit = false;
    let mut measure = Measure::Level;
    match reading.as_ref().map(|r| r.form) {
        // The loader refused this row's reading with the plan's others.
        _ if refused.is_some() => {
            is_settled = false;
            explicit = true;
            w.unjudged(format!(
                "暂只展示不判断：按原文读出的规则加载时不成立（{}）",
                refused.map_or("", String::as_str)
            ));
        }
        Ok(form) if form.is_cumulative() && in_period && is_flow(row) => {
            measure = Measure::YearlyChange;
            let _ = writeln!(w.out, "measure = \"yearly_change\"");
            w.confirm(format!(
                    "“{deciding}”是规划期累计数，基期没有数、指标是每年的量：统计数据应为每年的量（如当年{}），逐年相加",
                    row.name
                ),
            );
        }
        Ok(form) if form.is_cumulative() && in_period && is_change(row) => {
            measure = Measure::YearlyChange;
            let _ = writeln!(w.out, "measure = \"yearly_change\"");
            w.confirm(format!(
                    "“{deciding}”是规划期累计数：统计数据应为每年比上年的变化（如“比上年下降2.7%”填 2.7），逐年{}",
                    added_how(row)
                ),
            );
        }
        // 老旧小区整治改造面积 240 → 300 under “十四五”完成值 / “十五五”目标值
        // (闵行区城市更新规划): the work done in each period, so the target
        // is the period's total of each year's amounts (it was drafted as a
        // level, and 0.3 a year of a 1.4 task was 提前实现).
        Ok(Form::Compare(_) | Form::Bare | Form::About | Form::Between)
            if !in_period && cx.table.period_amounts && is_amount_of_work(row) =>
        {
            is_settled = false;
            measure = Measure::YearlyChange;
            let _ = writeln!(w.out, "measure = \"yearly_change\"");
            w.confirm(format!(
                "表头是规划期的完成值和目标值，“{deciding}”按规划期内的累计完成量判断：统计数据填每年完成的量，逐年{}；基期一栏是上一规划期的完成量，不作基期；若填的是年末的水平，请删去 measure",
                added_how(row)
            ));
        }
        // 〔12〕 in the target column of a table with no 年均/累计 column
        // (上海市城市更新和住房“十五五”规划): each year's amount, added up.
        Ok(form) if form.is_cumulative() && !in_period => {
            measure = Measure::YearlyChange;
            let _ = writeln!(w.out, "measure = \"yearly_change\"");
            w.confirm(format!(
                "“{deciding}”是规划期累计数（印在目标一栏）：统计数据应为每年的量，逐年{}；若填的是累计至今的数，请改写 measure",
                added_how(row)
            ));
        }
        Ok(form) if form.is_cumulative() && in_period => {
            w.confirm(format!(
                    "“{deciding}”是规划期累计数，指标是水平值：按本年水平减基期值累计；若统计数据是每年比上年的变化，请写 measure = \"yearly_change\""
                ),
            );
        }
        Ok(Form::Compare(_) | Form::About | Form::Between | Form::Bare)
            if in_period && is_growth(row) =>
        {
            measure = Measure::YearlyRate;
            let _ = writeln!(w.out, "measure = \"yearly_rate\"");
            w.confirm(format!(
                "“{deciding}”在年均/累计一栏、指标是增长率：按规划期至今的复合年均增长判断"
            ));
        }
        // 区级一般公共预算收入年均增长率 5 in the only target column (宝山区
        // 纲要): each year's rate as the figures, the target on their
        // compound average to date.
        Ok(form @ (Form::Compare(_) | Form::About | Form::Between | Form::Bare))
            if !in_period && is_growth(row) && row.name.contains("年均") =>
        {
            measure = Measure::YearlyRate;
            let _ = writeln!(w.out, "measure = \"yearly_rate\"");
            w.confirm(format!(
                "名称说“年均”、指标是增长率：统计数据应为每年的增长率，“{deciding}”按规划期至今的复合年均增长判断"
            ));
            if form == Form::Bare {
                is_settled = false;
                let value = reading.as_ref().map_or(0.0, |r| r.value);
                explicit = bare(w, row, deciding, value, baseline_value);
            }
        }
        Ok(Form::Relative(_)) if is_growth(row) => {
            measure = Measure::YearlyRate;
            let _ = writeln!(w.out, "measure = \"yearly_rate\"");
        }
        // A bare number: what the name says is better (失业率 lower, a
        // 保有量 kept at least), else toward the target from the
        // baseline; written out where the two disagree. Always to confirm.
        // 外贸进出口总额（五年累计） 超3000亿元, 新增各类首店（五年累计） 200:
        // the name says the figure is the period's total, made of each
        // year's amounts (the loader reads the comparison as on the total).
        Ok(Form::Compare(_) | Form::Bare | Form::About)
            if !in_period
                && row.name.contains("累计")
                && counted(row)
                && reading.as_ref().ok().is_some_and(|r| {
                    r.unit.as_deref().is_none_or(|u| {
                        u.replace('％', "%") == row.unit.replace('％', "%")
                            || crate::plan::row::magnitude(u, &row.unit).is_some()
                    })
                }) =>
        {
            is_settled = false;
            measure = Measure::YearlyChange;
            let _ = writeln!(w.out, "measure = \"yearly_change\"");
            w.confirm(format!(
                "名称说“累计”：“{deciding}”按规划期的累计数判断，统计数据应为每年的量，逐年相加；若填的是累计至今的数，请改写 measure"
            ));
        }
        // 30分钟提供震后趋势快速判定意见 (上海市防震减灾“十四五”规划): a
        // sentence with a number in it, not a number in a unit; at least 30
        // of it was drafted (a time limit, if anything, is at most).
        Ok(Form::Bare)
            if reading
                .as_ref()
                .ok()
                .and_then(|r| r.unit.as_deref())
                .is_some_and(|u| !crate::import::table::reads_as_a_unit(u)) =>
        {
            is_settled = false;
            explicit = true;
            let value = reading.as_ref().map_or(0.0, |r| r.value);
            w.unjudged(format!(
                "“{deciding}”是一句话，不是数字加单位：只展示不判断；若是时限（N分钟内）或下限，请写单位和 rule（如 rule = {{ kind = \"at_most\", value = {} }}）",
                crate::number::display(value)
            ));
        }
        // `1.5万` on an indicator in 个: the number is not in the
        // indicator's unit; a rule on 1.5 would pass 2 parking spaces.
        Ok(Form::Bare)
            if reading
                .as_ref()
                .ok()
                .and_then(|r| r.unit.as_deref())
                .is_some_and(|u| {
                    u.replace('％', "%") != row.unit.replace('％', "%")
                        && !row.unit.is_empty()
                        // `8%` in the 年均 column of a level: its growth.
                        && !(in_period && u.replace('％', "%") == "%")
                        // `1.2万` of 亿元: a magnitude, read in the unit.
                        && crate::plan::row::magnitude(u, &row.unit).is_none()
                }) =>
        {
            is_settled = false;
            explicit = true;
            let unit = reading
                .as_ref()
                .ok()
                .and_then(|r| r.unit.clone())
                .unwrap_or_default();
            w.unjudged(format!(
                "目标“{deciding}”的单位“{unit}”与指标的单位“{}”不同，暂只展示不判断；请换算成指标的单位后写 rule",
                row.unit
            ));
        }
        // 地区生产总值 亿元 | 8% in the 年均 column: the level's average
        // growth since the baseline, as the loader reads it.
        Ok(Form::Compare(_) | Form::About | Form::Between | Form::Bare)
            if in_period
                && counted(row)
                && reading.as_ref().is_ok_and(|r| {
                    r.unit.as_deref().map(|u| u.replace('％', "%")).as_deref() == Some("%")
                }) =>
        {
            w.confirm(format!(
                "“{deciding}”在年均一栏，指标是水平值（{}）：按基期至今的复合年均增长判断",
                row.unit
            ));
        }
        // 一般公共预算收入 亿元 | 5以上 under 年均增长（%）: the level's growth,
        // which the cell alone does not say (the loader would hold the
        // level at 5 亿元 every year, and pass it). Written with its %, it
        // is judged as the average growth since the baseline.
        Ok(Form::Compare(_) | Form::About | Form::Between | Form::Bare)
            if in_period
                && row.period_growth
                && counted(row)
                && !is_flow(row)
                && reading.as_ref().is_ok_and(|r| r.unit.is_none()) =>
        {
            is_settled = false;
            explicit = true;
            w.unjudged(format!(
                "“{deciding}”在年均增长一栏，指标是水平值（{}）：若是基期至今的年均增速（%），请把 period_target 写成带 % 的“{}”（按复合年均增长判断），并删去 rule；若是每年的水平，请写 rule",
                row.unit,
                with_percent(deciding)
            ));
        }
        Ok(Form::Bare) => {
            is_settled = false;
            let value = reading.as_ref().map_or(0.0, |r| {
                let factor = r
                    .unit
                    .as_deref()
                    .and_then(|u| crate::plan::row::magnitude(u, &row.unit));
                if let Some(factor) = factor.filter(|f| *f != 1.0) {
                    w.confirm(format!(
                        "“{deciding}”按指标的单位读作 {} {}",
                        crate::number::display(r.value * factor),
                        row.unit
                    ));
                }
                r.value * factor.unwrap_or(1.0)
            });
            explicit = bare(w, row, deciding, value, baseline_value);
        }
        Ok(_) => {}
        Err(_) => {
            is_settled = false;
            explicit = true;
            w.unjudged(format!(
                    "“{deciding}”没有可判断的数值目标，只展示不判断；如有年度目标，请写 year_requirements"
                ),
            );
        }
    }
    // `新增…数量 ≥30` in the target-year column: an increase over the period
    // or the target year's own count? No 〔〕 says (湖北省文物事业发展规划).
    if !in_period
        && matches!(
            reading.as_ref().map(|r| r.form),
            Ok(Form::Compare(_) | Form::Bare | Form::About | Form::Between)
        )
        // 农村公路提档升级总里程 不低于100公里 (松江区综合交通规划): work done
        // over the period is as much a total as what is added.
        && (ADDED.iter().any(|word| row.name.contains(word)) || is_amount_of_work(row))
        // Already read as the period's total (a 完成值 column, 五年累计).
        && measure != Measure::YearlyChange
        // 重大项目开竣工面积（五年累计）: the name says it already.
        && !row.name.contains("累计")
        // 增加值 is value added; a share or a rate (…比重, …比例, %) of new
        // things is no count that adds up.
        && !row.name.contains("增加值")
        && !["比重", "比例", "率", "占比"].iter().any(|w| row.name.ends_with(w))
        && !in_a_rate(row)
    {
        is_settled = false;
        w.confirm(format!(
            "名称说的是新增或完成的量，目标“{deciding}”却没有〔〕累计的标记：若是规划期内累计的量，请写 measure = \"yearly_change\"，各年数据填当年的量（逐年相加）；若是目标年当年的量，照此即可"
        ));
    }
    if let Some(period) = beside {
        is_settled = false;
        both(w, row, target, period, cx.bare_rows);
    }
    // A range the name states (a share, a gross ratio), written out for
    // the reader to see; the loader reads the same without it.
    let implied = crate::plan::plausible::implied(&row.name, &row.unit, measure);
    if matches!(implied.basis, ValidBasis::Share | ValidBasis::Gross)
        && let (Some(min), Some(max)) = (implied.min, implied.max)
    {
        let _ = writeln!(
            w.out,
            "valid = {{ min = {}, max = {} }}",
            crate::number::display(min),
            crate::number::display(max)
        );
    }
    // What the loader would make of the cells: a reading it refuses is
    // never written; the row is shown unjudged, with the loader's words.
    if !explicit && !loads(w, cx, row, &printed, baseline_value, measure) {
        is_settled = false;
    }
    is_settled
}

/// Both cells hold a target: said how the 年均/累计 one is judged beside
/// the target year's.
fn both(w: &mut Out, row: &Row, target: &str, period: &str, bare_rows: usize) {
    let conventions = conventions(bare_rows);
    let reads = match crate::plan::row::period_rule_of_level(period, &row.unit, &conventions) {
        Some(crate::plan::Rule::Cumulative { .. }) => {
            "读作规划期内水平值的累计变化（本年水平减基期值）".to_owned()
        }
        Some(crate::plan::Rule::Annual { .. }) => {
            "读作水平值自基期以来的年均增长率（%）".to_owned()
        }
        _ => "没有可判断的数值，只展示".to_owned(),
    };
    w.confirm(format!(
        "目标年一栏“{target}”和年均/累计一栏“{period}”都有目标，两者一并判断：年均/累计一栏{reads}"
    ));
}

/// Whether the loader reads the printed cells as a rule it can judge;
/// else the row is written unjudged, with the loader's words.
fn loads(
    w: &mut Out,
    cx: &Context,
    row: &Row,
    printed: &Printed,
    baseline_value: Option<f64>,
    measure: Measure,
) -> bool {
    let deciding = printed.deciding();
    let conventions = conventions(cx.bare_rows);
    match rule_from_text(printed, &row.unit, baseline_value, measure, &conventions) {
        Err(why) => {
            w.unjudged(format!("暂只展示不判断：{}", why.zh));
        }
        // 与全市经济增速保持同步: compared with a figure this table
        // does not hold, which the loader could not find.
        // 不超过市下达目标, 完成区下达任务: a figure a higher level sets
        // year by year, which the plan file takes as each year's.
        Ok(RowRule::Relative { other, cmp, .. })
            if other.contains("下达")
                && !cx.table.rows.iter().any(|r| names_the(&r.name, &other)) =>
        {
            let sign = match cmp.map(|c| c.wants_more()) {
                Some(false) => "≤",
                _ => "≥",
            };
            w.unjudged(format!(
                "“{deciding}”是上级逐年下达的数，表中没有：暂只展示不判断；拿到下达的数后，请逐年写 year_requirements，如 year_requirements = {{ \"2026\" = \"{sign}…\" }}"
            ));
        }
        Ok(RowRule::Relative { other, .. })
            if !cx.table.rows.iter().any(|r| names_the(&r.name, &other)) =>
        {
            w.unjudged(format!(
                    "“{deciding}”所比较的“{other}”不是本表的指标，暂只展示不判断；如有该指标的数据，可在规划文件中加上这一指标，再写 relative_to"
                ),
            );
        }
        // 470左右 with no side the words, the name or a baseline give: read
        // as a level to reach (short of it by at most 5 %, more no
        // shortfall), as statisticians read 航空货邮年吞吐量 470左右 and
        // 主要劳动年龄人口受过高等教育的比例 60左右 (上海市“十五五”纲要); a band
        // both ways failed a figure past the target (two reviewers). Written
        // out, and said, so a cap or a projection can be written instead.
        Ok(RowRule::Ready(crate::plan::Rule::Projection { value, .. }))
            if !crate::plan::row::projected_by_name(&row.name) =>
        {
            let shown = crate::number::display(value);
            let _ = writeln!(w.out, "rule = {{ kind = \"about\", toward = \"more\" }}");
            w.confirm(format!(
                "“{deciding}”没说是要达到的量还是上限：暂按要达到的量判断（可差 5%，超过不算未达标）；若是上限，请改写 toward = \"less\"；若上下都不能偏（预测值），请改写 rule = {{ kind = \"projection\", value = {shown}, tolerance_pct = 5 }}"
            ));
            return true;
        }
        Ok(_) => return true,
    }
    false
}

/// The plan-wide readings a draft states: 左右 as the default band, bare
/// numbers toward the target when any row has one.
fn conventions(bare_rows: usize) -> Conventions {
    Conventions {
        about_pct: crate::plan::DEFAULT_ABOUT_PCT,
        bare_numbers: (bare_rows > 0).then_some(BareNumbers::TowardTarget),
    }
}

/// How the draft says a total of yearly changes is made (as the loader
/// makes it, [`Accumulate::of_yearly_changes`]): 复合 or 相加.
fn added_how(row: &Row) -> &'static str {
    match crate::plan::Accumulate::of_yearly_changes(&row.unit) {
        crate::plan::Accumulate::Compound => "复合",
        _ => "相加",
    }
}

/// A growth cell with its percent sign after the number: `5以上` → `5%以上`,
/// `8` → `8%`.
fn with_percent(cell: &str) -> String {
    // After the first number (`5以上（力争6）` → `5%以上（力争6）`).
    let number = |c: char| c.is_ascii_digit() || c == '.';
    let end = cell.find(|c: char| c.is_ascii_digit()).map(|start| {
        cell[start..]
            .find(|c: char| !number(c))
            .map_or(cell.len(), |n| start + n)
    });
    match end {
        Some(at) => format!("{}%{}", &cell[..at], &cell[at..]),
        None => cell.to_owned(),
    }
}
