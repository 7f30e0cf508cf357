//! The plan file's TOML as written: the shapes serde reads and the JSON
//! Schema describes (`plan-check schema plan`), before any checking.

use super::*;

/// A plan file: `[plan]` and one `[[indicator]]` table per indicator.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "plan-check plan file")]
pub struct PlanFile {
    pub(super) plan: RawMeta,
    #[serde(default)]
    #[schemars(with = "Vec<RawIndicator>")]
    pub(super) indicator: Vec<toml::Spanned<RawIndicator>>,
}

/// The plan as a whole.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeta {
    /// A stable ASCII id of the plan.
    pub(super) id: String,
    /// The plan's title as printed.
    pub(super) title: String,
    /// The region the plan governs (规划的地区).
    pub(super) region: Option<String>,
    /// The issuing body (印发机关).
    pub(super) issuer: Option<String>,
    /// The date of issue, `YYYY-MM-DD`.
    pub(super) issued: Option<String>,
    /// The table the indicators come from (e.g. 专栏1).
    pub(super) table: Option<String>,
    /// Where the plan was published.
    pub(super) source: Option<String>,
    /// The baseline year (基期).
    pub(super) baseline_year: i32,
    /// The target year (目标年); after the baseline year.
    pub(super) target_year: i32,
    /// Pace ratio from which on-track counts as 快于预期 (default 1.1; ours,
    /// not a published band).
    pub(super) ahead_ratio: Option<f64>,
    /// Pace ratio from which a year short of its requirement still counts as
    /// 基本符合预期 (default 0.95: Eurostat's SDG "significant progress" band).
    pub(super) on_schedule_ratio: Option<f64>,
    /// The notes under the plan's table, as printed, one per entry
    /// (`①〔〕为5年累计数`).
    #[serde(default)]
    pub(super) notes: Vec<String>,
    /// With several plans: judge the regions no plan names with this one.
    pub(super) default: Option<bool>,
    /// The band, in percent of the value, of targets printed as `N左右` or
    /// `约N` (default 5).
    pub(super) about_pct: Option<f64>,
    /// How targets printed as bare numbers read when an indicator has no
    /// rule: `"toward_target"` (a floor when the target is above the baseline,
    /// a ceiling when below). Without it, a bare number needs a rule.
    pub(super) bare_numbers: Option<RawBareNumbers>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(super) enum RawBareNumbers {
    TowardTarget,
}

/// One indicator of the plan's table.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIndicator {
    /// A stable id: lowercase ASCII letters, digits, `_` and `-`.
    #[schemars(regex(pattern = r"^[a-z0-9_-]+$"))]
    pub(super) id: String,
    /// 分类, as printed.
    pub(super) category: String,
    /// 指标, as printed, without the unit.
    pub(super) name: String,
    /// 单位, e.g. `%`, `万人`; left out (or `""`) for a target in words
    /// with no unit (明显提升).
    #[serde(default)]
    pub(super) unit: String,
    /// The baseline cell (基期值): a number, or the cell as printed when it is
    /// more than a number: `"10.5*"` (with `baseline_year`), `"—"` (none),
    /// `"〔17.7〕"` (the previous plan's cumulative figure, not a baseline).
    #[schemars(with = "RawBaseline")]
    pub(super) baseline: toml::Spanned<RawBaseline>,
    /// The year of the baseline value when it is not the plan's (`*` =
    /// 2024 data).
    #[schemars(with = "Option<i32>")]
    pub(super) baseline_year: Option<toml::Spanned<i32>>,
    /// The target-year cell as printed (`＞97`, `55`, `提高到11.7年`, `—`).
    /// What it says is the rule; what it does not settle needs `rule`.
    #[schemars(with = "String")]
    pub(super) target: toml::Spanned<String>,
    /// The 年均/累计 cell as printed, when the table has that column: `＞7`
    /// (年均, every year), `〔17〕` (cumulative), `高于GDP增长`.
    #[schemars(with = "Option<String>")]
    pub(super) period_target: Option<toml::Spanned<String>>,
    /// What the yearly figures are: `level` (default), `yearly_rate` (增长%
    /// on the year before), `yearly_change` (比上年下降/提高).
    pub(super) measure: Option<Measure>,
    /// For a target relative to another indicator (`高于GDP增长`): that
    /// indicator's id, when the printed name is not enough to find it.
    #[schemars(with = "Option<String>")]
    pub(super) relative_to: Option<toml::Spanned<String>>,
    /// A heading the row stands under in the table (`每千人口拥有医护人员数`);
    /// unlike `part_of`, rows under a heading do not add up to anything.
    pub(super) group: Option<String>,
    /// A note for the reader (a footnote of the table that concerns this
    /// indicator, a definition).
    pub(super) note: Option<String>,
    /// Other names the indicator goes by in published text, e.g. a
    /// bulletin's `水质优良（Ⅰ～Ⅲ类）断面比例` for `地表水达到或好于Ⅲ类水体比例`:
    /// `plan-check extract` looks for them too.
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    /// Which of a bulletin's differing figures `plan-check extract` takes:
    /// `year_end` (年末, 12月: a level at the year's end) or `nominal` (a
    /// rate before taking out prices), where the default (the whole year's
    /// figure; the real rate) is not the plan's.
    pub(super) bulletin_figure: Option<crate::plan::BulletinFigure>,
    /// 属性: 约束性 (binding) or 预期性 (expected).
    #[schemars(with = "AttributeText")]
    pub(super) attribute: toml::Spanned<String>,
    /// How to judge the indicator when the printed target does not say it.
    #[schemars(with = "Option<RawRule>")]
    pub(super) rule: Option<toml::Spanned<RawRule>>,
    /// `{ kind = "none" }`: the 年均/累计 cell beside a target-year target
    /// (`55.8` beside `年均 7`) is shown and not judged (another statistic,
    /// as a natural growth rate beside a population). Without it the cell
    /// is judged as printed: `〔N〕` the level's change since the baseline, a
    /// comparison or number the level's average yearly growth in percent.
    #[schemars(with = "Option<RawRule>")]
    pub(super) period_rule: Option<toml::Spanned<RawRule>>,
    /// For a 其中 row: the id of the total it is part of.
    #[schemars(with = "Option<String>")]
    pub(super) part_of: Option<toml::Spanned<String>>,
    /// The values a figure can take at all, e.g. `{ min = 0, max = 100 }` for a
    /// share; a figure outside is an error in the data. Counts and money (人,
    /// 万人, 元, 所, …) are at least 0 without saying so.
    #[schemars(with = "Option<RawValid>")]
    pub(super) valid: Option<toml::Spanned<RawValid>>,
    /// Requirements for single years (annual plans), e.g. `{ "2023" = "≥18.5" }`.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub(super) year_requirements: Option<toml::Spanned<BTreeMap<String, String>>>,
}

/// A baseline cell: a number, or its printed text.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
pub(super) enum RawBaseline {
    Number(f64),
    Text(String),
}

/// The range of possible values.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawValid {
    pub(super) min: Option<f64>,
    pub(super) max: Option<f64>,
}

/// The attribute as the plan file may write it.
#[derive(JsonSchema)]
#[allow(dead_code)]
pub(super) enum AttributeText {
    #[serde(rename = "约束性")]
    Binding,
    #[serde(rename = "预期性")]
    Expected,
    #[serde(rename = "binding")]
    BindingEn,
    #[serde(rename = "expected")]
    ExpectedEn,
}

/// The explicit rule, for targets whose printed text does not say how to judge them.
#[derive(Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum RawRule {
    /// A value to reach and keep: at least `value`.
    AtLeast { value: f64 },
    /// A value to get down to: at most `value`.
    AtMost { value: f64 },
    /// A projection (enrolment counts): within `tolerance_pct` % of the
    /// time-proportional value.
    Projection { value: f64, tolerance_pct: f64 },
    /// Within `[min, max]` every year.
    Range { min: f64, max: f64 },
    /// Relative to the baseline: `by` in the unit (`提高1岁`), or `by_pct` percent
    /// of the baseline (`累计降低13.5%` is `by_pct = -13.5`).
    Change {
        by: Option<f64>,
        by_pct: Option<f64>,
    },
    /// A `左右` target whose side the text does not give, on the side the
    /// plan file says (`toward = "more"`: a level to reach, short of it by
    /// at most `about_pct` %, more no shortfall; `"less"`: a cap with that
    /// margin); the number is the printed one.
    About { toward: Toward },
    /// Shown, not judged: a qualitative goal.
    None,
}

/// The side of a `左右` target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(super) enum Toward {
    /// A level to reach.
    More,
    /// A cap.
    Less,
}
