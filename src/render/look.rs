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
    pub code: &'static str,
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

const fn look(
    code: &'static str,
    zh: &'static str,
    en: &'static str,
    tone: Tone,
    symbol: &'static str,
) -> Look {
    Look {
        code,
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
const UNDETERMINED: Look = look(
    "undetermined",
    "无法判断",
    "cannot be judged",
    Tone::Missing,
    "?",
);

/// Every status, in the order of [`Status::ALL`].
pub const STATUSES: [Look; 7] = [
    look("achieved", "已达标", "achieved", Tone::Good, "✓"),
    look("on_track", "符合序时进度", "on track", Tone::Good, "○"),
    look(
        "behind",
        "滞后于序时进度",
        "behind schedule",
        Tone::Warn,
        "▽",
    ),
    look("failed", "未达标", "failed", Tone::Bad, "✗"),
    look("missing", "未填报", "not reported", Tone::Missing, "·"),
    UNDETERMINED,
    look("not_assessed", "不考核", "not assessed", Tone::Neutral, "–"),
];

/// Every outlook, in the order of [`Outlook::ALL`].
pub const OUTLOOKS: [Look; 12] = [
    look(
        "achieved_early",
        "提前实现",
        "achieved early",
        Tone::Good,
        "✓",
    ),
    look("held", "基本符合（保持）", "held", Tone::Good, "="),
    look("achieved", "已实现", "achieved", Tone::Good, "✓"),
    look("ahead", "快于预期", "ahead of schedule", Tone::Good, "↑"),
    look(
        "on_schedule",
        "基本符合预期",
        "on schedule",
        Tone::Good,
        "○",
    ),
    look("behind", "相对滞后", "behind schedule", Tone::Warn, "▽"),
    look("moving_away", "偏离目标方向", "moving away", Tone::Bad, "↓"),
    look(
        "off_projection",
        "偏离预测",
        "off projection",
        Tone::Warn,
        "≠",
    ),
    look("failed", "未达标", "failed", Tone::Bad, "✗"),
    look("missing", "未填报", "not reported", Tone::Missing, "·"),
    UNDETERMINED,
    look("not_assessed", "不考核", "not assessed", Tone::Neutral, "–"),
];

pub fn status(status: Status) -> &'static Look {
    let i = Status::ALL.iter().position(|&s| s == status).unwrap_or(0);
    &STATUSES[i]
}

pub fn outlook(outlook: Outlook) -> &'static Look {
    let i = Outlook::ALL.iter().position(|&o| o == outlook).unwrap_or(0);
    &OUTLOOKS[i]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables are in the enums' order: each look carries its own code.
    #[test]
    fn each_look_is_its_own_status_or_outlook() {
        for s in Status::ALL {
            assert_eq!(status(s).code, s.code());
        }
        for o in Outlook::ALL {
            assert_eq!(outlook(o).code, o.code());
        }
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
