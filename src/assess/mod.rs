//! The judgement: plan + figures → statuses. Pure: no I/O, no formatting.
//!
//! [`judge`] is the one place a status is decided; [`period::outlook`] the one
//! place an outlook is. [`assess_year`] applies it to
//! every indicator of the plan for one (region, year), and [`Summary`] decides the
//! run's outcome from the statuses.

pub mod as_of;
pub mod evaluation;
pub mod figure;
pub mod judge;
pub mod overview;
pub mod period;
pub mod regions;
pub mod rules;
pub mod year;

use crate::vocabulary::{Attribute, Comparator};
pub use figure::{Derived, DerivedKind, Figure, Unjudged};
#[cfg(test)]
pub use judge::judge;
pub use judge::{Judgement, PeriodCheck, elapsed, judge_figure, judge_indicator, status_of};
use schemars::JsonSchema;
use serde::Serialize;
pub use year::{
    Counts, IndicatorResult, PartsMismatch, PlanInfo, SubmittedFigure, Summary, YearReport,
    assess_year, indicator_result, lookup, plan_info,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已达标: meets the target-year requirement already.
    Achieved,
    /// 符合序时进度: meets this year's time-proportional requirement.
    OnTrack,
    /// 滞后于序时进度: before the target year, short of this year's requirement.
    Behind,
    /// 未达标: in or after the target year, short of the target; or a projection outside its band.
    Failed,
    /// 未填报: no figure.
    Missing,
    /// 无法判断: a figure is reported, but what it is held against cannot be
    /// made (no baseline, a year of a cumulative change missing, the other
    /// indicator of a relative target not reported).
    Undetermined,
    /// 不考核: no numeric rule.
    NotAssessed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Behind,
        Status::Failed,
        Status::Missing,
        Status::Undetermined,
        Status::NotAssessed,
    ];

    pub fn passes(self) -> bool {
        matches!(self, Status::Achieved | Status::OnTrack)
    }

    /// Whether this status fails a run: a binding indicator that does not pass,
    /// or with `strict` any indicator that does not pass. Never `not_assessed`.
    /// Over several years, [`Status::fails_run_at`] also counts a figure
    /// missing from the run's latest year.
    pub fn fails_run(self, attribute: Attribute, strict: bool) -> bool {
        !self.passes() && self != Status::NotAssessed && (strict || attribute == Attribute::Binding)
    }

    /// [`Status::fails_run`] for an indicator judged over several years:
    /// one judged at an earlier year (`earlier`: not reported in the run's
    /// latest year) fails as a missing figure would, whatever its earlier
    /// status. The table still shows that status, at its year; but the
    /// latest year's requirement was not checked, and a run that checks a
    /// year does not pass on a figure of another (a single-year check of
    /// the same file fails it as 未填报).
    pub fn fails_run_at(self, attribute: Attribute, strict: bool, earlier: bool) -> bool {
        self.at_run_year(earlier).fails_run(attribute, strict)
    }

    /// The status the run's latest year counts: an indicator judged at an
    /// earlier year (`earlier`) has no figure in it, and counts as 未填报
    /// there, as a single-year check of that year counts it — in the
    /// summary's numbers, the regions' counts and what fails the run alike
    /// (not judged stays not judged).
    pub fn at_run_year(self, earlier: bool) -> Status {
        if earlier && self != Status::NotAssessed {
            Status::Missing
        } else {
            self
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::Failed => "failed",
            Status::Missing => "missing",
            Status::Undetermined => "undetermined",
            Status::NotAssessed => "not_assessed",
        }
    }
}

/// What a year's figure was held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The target itself: the target year or later.
    Target,
    /// The baseline already met the target: the line must be held every year.
    Hold,
    /// The time-proportional value (序时进度) between baseline and target.
    Schedule,
    /// A requirement the plan sets for this year (annual plan).
    YearRequirement,
    /// The same requirement every year (a 年均 or every-year target).
    EveryYear,
    /// Another indicator's figure this year (`高于GDP增长`).
    Relative,
    /// No baseline to run a schedule from, and the figure meets the target
    /// itself: held against the target alone.
    TargetMet,
}

/// The requirement for one indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Requirement {
    /// Compare the figure with `value`.
    Threshold {
        cmp: Comparator,
        value: f64,
        basis: Basis,
    },
    /// A projection: within `[min, max]` around `center`.
    Band {
        center: f64,
        min: f64,
        max: f64,
        basis: Basis,
    },
    /// Within `[min, max]` every year.
    Range { min: f64, max: f64 },
}

impl Requirement {
    /// What the requirement was made from, where it says.
    pub fn basis(&self) -> Option<Basis> {
        match *self {
            Requirement::Threshold { basis, .. } | Requirement::Band { basis, .. } => Some(basis),
            Requirement::Range { .. } => None,
        }
    }

    /// The single number that stands for the requirement, where there is one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Requirement::Threshold { value, .. } => Some(*value),
            Requirement::Band { center, .. } => Some(*center),
            Requirement::Range { .. } => None,
        }
    }

    pub fn met_by(&self, actual: f64) -> bool {
        match *self {
            Requirement::Threshold { cmp, value, .. } => cmp.holds(actual, value),
            Requirement::Band { min, max, .. } | Requirement::Range { min, max } => {
                (min..=max).contains(&actual)
            }
        }
    }
}

/// Plans and indicators for the rules' unit tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::plan::{Attribute, DEFAULT_AHEAD_RATIO, Indicator, PlanMeta, Rule};
    use std::collections::BTreeMap;

    /// A plan from 2020 to 2025.
    pub fn meta() -> PlanMeta {
        PlanMeta {
            id: "p".into(),
            title: "t".into(),
            region: None,
            issuer: None,
            issued: None,
            table: None,
            source: None,
            baseline_year: 2020,
            target_year: 2025,
            ahead_ratio: DEFAULT_AHEAD_RATIO,
            on_schedule_ratio: crate::plan::DEFAULT_ON_SCHEDULE_RATIO,
            notes: Vec::new(),
            is_default: false,
            about_pct: crate::plan::DEFAULT_ABOUT_PCT,
            bare_numbers: None,
        }
    }

    pub fn indicator(baseline: f64, rule: Rule, attribute: Attribute) -> Indicator {
        Indicator {
            id: "x".into(),
            category: "c".into(),
            name: "n".into(),
            unit: "%".into(),
            baseline: Some(baseline),
            baseline_text: None,
            baseline_year: 2020,
            target_text: String::new(),
            period_target: None,
            measure: crate::plan::Measure::Level,
            group: None,
            note: None,
            aliases: Vec::new(),
            bulletin_figure: crate::plan::BulletinFigure::Default,
            clause: None,
            attribute,
            rule,
            period_rule: None,
            part_of: None,
            year_requirements: BTreeMap::new(),
            valid: crate::plan::Valid::default(),
            line: 1,
        }
    }

    /// A year of `indicator`'s plan (2020–2025 from [`meta`]) for a rule
    /// kind to judge: the target year itself, or 2022 (two fifths gone).
    pub fn year(indicator: &Indicator, in_target_year: bool) -> crate::assess::rules::Year<'_> {
        let year = if in_target_year { 2025 } else { 2022 };
        crate::assess::rules::Year::new(indicator, &meta(), year)
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    /// JSON writes a status by serde's name, CSV and JUnit by `code`: one
    /// word for each (a renamed variant would part them).
    #[test]
    fn json_writes_each_status_by_its_code() {
        for status in Status::ALL {
            assert_eq!(
                serde_json::to_string(&status).expect("a status serialises"),
                format!("\"{}\"", status.code())
            );
        }
        for outlook in super::period::Outlook::ALL {
            assert_eq!(
                serde_json::to_string(&outlook).expect("an outlook serialises"),
                format!("\"{}\"", outlook.code())
            );
        }
    }
}
