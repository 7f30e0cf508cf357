//! How a status and an outlook look, in one table every renderer reads: the
//! code, the Chinese and English label, the tone (good, lagging, failing,
//! missing, not judged) and the symbol; each output draws the tone its way
//! (a terminal colour, an HTML class, a workbook fill).

use crate::assess::Status;
use crate::assess::period::Outlook;
use crate::lang::Lang;

/// What a status or outlook says about the indicator, for colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Meets its requirement.
    Good,
    /// Lags, but can still be met (behind schedule, off a projection).
    Warn,
    /// Fails: short of the target in the target year, or moving away from it.
    Bad,
    /// No figure: a gap in the data, not a judgement of the indicator.
    Missing,
    /// Not judged: the plan gives no numeric rule.
    Neutral,
}

impl Tone {
    /// The terminal colour.
    pub fn terminal(self) -> comfy_table::Color {
        use comfy_table::Color;
        match self {
            Tone::Good => Color::Green,
            Tone::Warn => Color::Yellow,
            Tone::Bad => Color::Red,
            Tone::Missing => Color::Magenta,
            Tone::Neutral => Color::DarkGrey,
        }
    }

    /// The class the report's stylesheet colours.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Warn => "warn",
            Tone::Bad => "bad",
            Tone::Missing => "missing",
            Tone::Neutral => "none",
        }
    }

    /// The workbook's (fill, font) colours, as RGB.
    pub fn workbook(self) -> (u32, u32) {
        match self {
            Tone::Good => (0xE2F0D9, 0x1A7F37),
            Tone::Warn => (0xFFF2CC, 0x9A6700),
            Tone::Bad => (0xFCE4E4, 0xCF222E),
            Tone::Missing => (0xF3E8FF, 0x8250DF),
            Tone::Neutral => (0xF2F2F2, 0x6E7781),
        }
    }
}

/// A status's or an outlook's face.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub zh: &'static str,
    pub en: &'static str,
    pub tone: Tone,
    /// One character, for the region × indicator grid.
    pub symbol: &'static str,
    /// A mark before the label where emoji show (Markdown comments).
    pub mark: &'static str,
}

impl Look {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

const fn look(zh: &'static str, en: &'static str, tone: Tone, symbol: &'static str) -> Look {
    Look {
        zh,
        en,
        tone,
        symbol,
        mark: match tone {
            Tone::Good => "✅",
            Tone::Warn => "⚠️",
            Tone::Bad => "❌",
            Tone::Missing => "❔",
            Tone::Neutral => "➖",
        },
    }
}

/// A figure reported but not judgeable: a status and an outlook alike.
const UNDETERMINED: Look = look("无法判断", "cannot be judged", Tone::Missing, "?");
const NOT_ASSESSED: Look = look("不考核", "not assessed", Tone::Neutral, "–");
const MISSING: Look = look("未填报", "not reported", Tone::Missing, "·");
const FAILED: Look = look("未达标", "failed", Tone::Bad, "✗");

/// How a status looks. A match, not a table in the enum's order: the
/// compiler holds every status to one look, and the status's code stays
/// [`Status::code`]'s alone.
pub fn status(status: Status) -> &'static Look {
    const ACHIEVED: Look = look("已达标", "achieved", Tone::Good, "✓");
    const ON_TRACK: Look = look("符合序时进度", "on track", Tone::Good, "○");
    const BEHIND: Look = look("滞后于序时进度", "behind schedule", Tone::Warn, "▽");
    match status {
        Status::Achieved => &ACHIEVED,
        Status::OnTrack => &ON_TRACK,
        Status::Behind => &BEHIND,
        Status::Failed => &FAILED,
        Status::Missing => &MISSING,
        Status::Undetermined => &UNDETERMINED,
        Status::NotAssessed => &NOT_ASSESSED,
    }
}

/// How an outlook looks, as [`status`].
pub fn outlook(outlook: Outlook) -> &'static Look {
    const ACHIEVED_EARLY: Look = look("提前实现", "achieved early", Tone::Good, "✓");
    const HELD: Look = look("基本符合（保持）", "held", Tone::Good, "=");
    const ACHIEVED: Look = look("已实现", "achieved", Tone::Good, "✓");
    const AHEAD: Look = look("快于预期", "ahead of schedule", Tone::Good, "↑");
    const ON_SCHEDULE: Look = look("基本符合预期", "on schedule", Tone::Good, "○");
    const BEHIND: Look = look("相对滞后", "behind schedule", Tone::Warn, "▽");
    const MOVING_AWAY: Look = look("偏离目标方向", "moving away", Tone::Bad, "↓");
    const OFF_PROJECTION: Look = look("偏离预测", "off projection", Tone::Warn, "≠");
    match outlook {
        Outlook::AchievedEarly => &ACHIEVED_EARLY,
        Outlook::Held => &HELD,
        Outlook::Achieved => &ACHIEVED,
        Outlook::Ahead => &AHEAD,
        Outlook::OnSchedule => &ON_SCHEDULE,
        Outlook::Behind => &BEHIND,
        Outlook::MovingAway => &MOVING_AWAY,
        Outlook::OffProjection => &OFF_PROJECTION,
        Outlook::Failed => &FAILED,
        Outlook::Missing => &MISSING,
        Outlook::Undetermined => &UNDETERMINED,
        Outlook::NotAssessed => &NOT_ASSESSED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No two statuses, and no two outlooks, look the same.
    #[test]
    fn each_status_and_outlook_has_its_own_words() {
        let words = |looks: Vec<&Look>| {
            let mut zh: Vec<&str> = looks.iter().map(|l| l.zh).collect();
            let mut en: Vec<&str> = looks.iter().map(|l| l.en).collect();
            zh.sort_unstable();
            zh.dedup();
            en.sort_unstable();
            en.dedup();
            (zh.len(), en.len(), looks.len())
        };
        let (zh, en, n) = words(Status::ALL.iter().map(|&s| status(s)).collect());
        assert_eq!((zh, en), (n, n));
        let (zh, en, n) = words(Outlook::ALL.iter().map(|&o| outlook(o)).collect());
        assert_eq!((zh, en), (n, n));
    }

    #[test]
    fn passing_statuses_are_good_and_only_those() {
        for s in Status::ALL {
            assert_eq!(status(s).tone == Tone::Good, s.passes(), "{s:?}");
        }
        for o in Outlook::ALL {
            assert_eq!(outlook(o).tone == Tone::Good, o.on_track(), "{o:?}");
        }
    }
}
