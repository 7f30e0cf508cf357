//! The outlook of an indicator over the period, in the words of the national
//! mid-term evaluation (提前实现, 快于预期, 基本符合预期, 相对滞后 …): the one
//! place it is decided.

use super::*;

/// How an indicator stands over the period, decided by [`outlook`] from the
/// latest year's status; it refines that status and never contradicts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    /// 提前实现: a target that required movement is met before the target year.
    AchievedEarly,
    /// 基本符合（保持）: a floor or ceiling the baseline already met is held.
    Held,
    /// 已实现: the target is met in or after the target year.
    Achieved,
    /// 快于预期: on track, with a pace ratio at or above the plan's `ahead_ratio`.
    Ahead,
    /// 基本符合预期: on track, or short of this year's requirement at a pace
    /// ratio of at least the plan's `on_schedule_ratio` (Eurostat: 0.95); a
    /// projection inside its band; a yearly requirement met.
    OnSchedule,
    /// 相对滞后: behind this year's requirement, but moving toward the target.
    Behind,
    /// 偏离目标方向: behind, and moved away from the target since the baseline.
    MovingAway,
    /// 偏离预测: a projection outside its band.
    OffProjection,
    /// 未达标: in or after the target year, short of the target.
    Failed,
    /// 未填报: no figure in any year of the run.
    Missing,
    /// 无法判断: the latest figure cannot be judged (see the status).
    Undetermined,
    /// 不考核: no numeric rule.
    NotAssessed,
}

impl Outlook {
    pub const ALL: [Outlook; 12] = [
        Outlook::AchievedEarly,
        Outlook::Held,
        Outlook::Achieved,
        Outlook::Ahead,
        Outlook::OnSchedule,
        Outlook::Behind,
        Outlook::MovingAway,
        Outlook::OffProjection,
        Outlook::Failed,
        Outlook::Missing,
        Outlook::Undetermined,
        Outlook::NotAssessed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Outlook::AchievedEarly => "achieved_early",
            Outlook::Held => "held",
            Outlook::Achieved => "achieved",
            Outlook::Ahead => "ahead",
            Outlook::OnSchedule => "on_schedule",
            Outlook::Behind => "behind",
            Outlook::MovingAway => "moving_away",
            Outlook::OffProjection => "off_projection",
            Outlook::Failed => "failed",
            Outlook::Missing => "missing",
            Outlook::Undetermined => "undetermined",
            Outlook::NotAssessed => "not_assessed",
        }
    }

    /// True for the outlooks that meet this year's requirement.
    pub fn on_track(self) -> bool {
        matches!(
            self,
            Outlook::AchievedEarly
                | Outlook::Held
                | Outlook::Achieved
                | Outlook::Ahead
                | Outlook::OnSchedule
        )
    }
}

/// The outlook of an indicator from its latest status (at `year`, its own
/// latest reported one), the basis of that year's requirement and the pace
/// ratio, in a run whose latest year is `run_year`; `short_before` is whether
/// a figure of an earlier year of the run fell short of what that year asked.
/// The only place an outlook is decided.
pub fn outlook(
    rule: &Rule,
    status: Status,
    basis: Option<Basis>,
    (year, run_year): (i32, i32),
    meta: &PlanMeta,
    pace_ratio: Option<f64>,
    short_before: bool,
) -> Outlook {
    let projection = crate::assess::rules::is_projection(rule);
    // The 总结评估 with no figure for the target year: whether the target
    // was met cannot be said (an earlier year's pace is no result; a
    // reviewer's 高等教育在学总规模 was counted among those that 实现了规划
    // 目标 on its 2024 figure, short of the target).
    if run_year >= meta.target_year && year < meta.target_year && status != Status::NotAssessed {
        return Outlook::Missing;
    }
    match status {
        Status::Missing => Outlook::Missing,
        Status::NotAssessed => Outlook::NotAssessed,
        Status::Undetermined => Outlook::Undetermined,
        Status::Failed if projection => Outlook::OffProjection,
        Status::Failed => Outlook::Failed,
        Status::Achieved if year >= meta.target_year => Outlook::Achieved,
        Status::Achieved | Status::OnTrack if projection => Outlook::OnSchedule,
        // A line the baseline met, held; or a target met with no baseline to
        // show that it took any movement — unless an earlier year of the run
        // shows it (能源综合生产能力 44.5 then 46.6 against ＞46, with no
        // baseline printed, was called 保持).
        Status::Achieved if basis == Some(Basis::Hold) => Outlook::Held,
        Status::Achieved if basis == Some(Basis::TargetMet) && !short_before => Outlook::Held,
        Status::Achieved if basis == Some(Basis::TargetMet) => Outlook::AchievedEarly,
        // A kind that moves toward a number; or a year whose requirement was
        // a schedule's (a range the baseline lies outside of, 6 → 4.5%-5%,
        // entered early).
        Status::Achieved if crate::assess::rules::moves(rule) || basis == Some(Basis::Schedule) => {
            Outlook::AchievedEarly
        }
        // On the schedule, or a requirement of every year (年均, a range, a
        // relative target) met this year: nothing achieved early, ahead when
        // the pace ratio says so, as for every kind.
        Status::Achieved | Status::OnTrack => match pace_ratio {
            Some(r) if reaches(r, meta.ahead_ratio) => Outlook::Ahead,
            _ => Outlook::OnSchedule,
        },
        Status::Behind => match pace_ratio {
            Some(r) if r < 0.0 => Outlook::MovingAway,
            Some(r) if reaches(r, meta.on_schedule_ratio) => Outlook::OnSchedule,
            _ => Outlook::Behind,
        },
    }
}

/// A pace ratio at a band's edge is on it: 55 % done at 50 % of the time is
/// 1.1, which binary arithmetic makes 1.0999999999999996 (and called 基本
/// 符合预期 beside a printed 1.10). Compared to six decimals, as
/// requirements are ([`crate::number::round_requirement`]).
fn reaches(ratio: f64, edge: f64) -> bool {
    crate::number::round_requirement(ratio) >= edge
}
