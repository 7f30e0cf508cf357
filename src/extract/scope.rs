//! What a paragraph speaks of: the year the text reports, or the other
//! times a government work report (政府工作报告) states beside it — the
//! coming year's targets (`今年发展主要预期目标是：国内生产总值增长5%左右`,
//! the sections `二、对今年政府工作的建议`, `二、“十五五”时期主要目标和重大
//! 任务`) and the five years it looks back on (`过去五年…单位国内生产总值能
//! 耗下降8.1%`, `五年来…`). Their figures are no actual of the year: a
//! committee reading the report beside the bulletin had the 2024 target 5
//! written as 2023's growth, and the NBS figure 5.2 then called wrong (a
//! reviewer's). A statistical bulletin has none of these: its headings are
//! its sectors (`一、综合`), and it states no targets.

/// For each paragraph, whether it speaks of another time than the year.
pub fn other_times(paragraphs: &[String]) -> Vec<bool> {
    let mut section = Section::Year;
    paragraphs
        .iter()
        .map(|p| {
            let text = p.trim();
            if let Some(heading) = heading(text) {
                section = if ["建议", "任务", "目标", "展望", "部署", "安排", "重点工作"]
                    .iter()
                    .any(|w| heading.contains(w))
                {
                    Section::Targets
                } else {
                    Section::Year
                };
                return false;
            }
            // A paragraph opening on the five years (过去五年极不寻常…) starts
            // the look back, its `——…` paragraphs after it; a sentence inside
            // one (`2025年是“十四五”收官之年。过去5年，…`, the 2026 report; a
            // press text's `过去5年，全区…累计…`) is that paragraph's alone.
            // `回顾过去五年，`, `近五年`, `“十三五”以来，` open it as well.
            let opens = |s: &str, words: &[&str]| {
                let s = s.trim_start_matches(['—', '-', ' ', '*']);
                let s = s.strip_prefix("回顾").unwrap_or(s);
                words.iter().any(|w| s.starts_with(w))
            };
            if opens(text, FIVE_YEARS) {
                section = Section::FiveYears;
            } else if opens(text, &["过去一年"]) {
                section = Section::Year;
            }
            let looks_back = text.split('。').skip(1).any(|s| opens(s, FIVE_YEARS));
            section != Section::Year || looks_back || TARGET_WORDS.iter().any(|w| text.contains(w))
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    /// The year reported.
    Year,
    /// Targets and the work to come.
    Targets,
    /// The five years looked back on.
    FiveYears,
}

/// Words opening a look back over the plan's five years.
const FIVE_YEARS: &[&str] = &[
    "过去五年",
    "过去5年",
    "过去的五年",
    "近五年",
    "这五年",
    "五年来",
    "“十三五”以来",
    "“十四五”以来",
    "“十三五”期间",
    "“十四五”期间",
    "“十三五”时期",
    "“十四五”时期",
    "“十五五”时期",
    "十三五时期",
    "十四五时期",
];

/// Words of a paragraph that states targets, not figures: a target said
/// (`目标是`, `目标为`, `主要目标：`) or explained (`增长7.5%的目标，综合考虑了…`,
/// 武汉 2022). Not a figure held against one (`比预期目标多80万人`, NBS
/// 2004; `实现了…主要预期目标`).
const TARGET_WORDS: &[&str] = &["目标是", "目标为", "目标：", "目标:", "%的目标", "％的目标"];

/// A section's heading: a Markdown heading, or `一、…` short and with no
/// full stop (a bulletin's `（一）…` paragraphs are text, not sections).
fn heading(text: &str) -> Option<&str> {
    if let Some(rest) = text.strip_prefix('#') {
        return Some(rest.trim_start_matches('#').trim());
    }
    // A line in bold, short (`**三、2022年重点工作**`, `**2025年工作安排建议**`:
    // 武汉, 成都 work reports), is a heading too.
    if let Some(inner) = text
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .filter(|t| !t.contains("**") && t.chars().count() <= 40 && !t.contains('。'))
    {
        return Some(inner.trim());
    }
    let mut chars = text.chars();
    let numeral = chars
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c));
    let top = numeral && (chars.next() == Some('、') || text.chars().nth(2) == Some('、'));
    (top && text.chars().count() <= 40 && !text.contains('。')).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(paragraphs: &[&str]) -> Vec<bool> {
        other_times(
            &paragraphs
                .iter()
                .map(|p| (*p).to_owned())
                .collect::<Vec<_>>(),
        )
    }

    /// The shape of the 2023 report (国务院政府工作报告): the year reviewed,
    /// the five years, then the year's targets.
    #[test]
    fn a_work_report_s_targets_and_five_years_are_set_apart() {
        let other = of(&[
            "## 一、过去一年和五年工作回顾",
            "过去一年，国内生产总值增长3%，城镇新增就业1206万人。",
            "过去五年极不寻常、极不平凡。",
            "——生态环境明显改善。单位国内生产总值能耗下降8.1%。",
            "（一）创新宏观调控。国内生产总值年均增长5.2%。",
            "## 一、2025年工作回顾",
            "2025年是很不平凡的一年。国内生产总值增长5%。",
            "2025年是“十四五”收官之年。过去5年，全社会研发经费投入年均增长10%。",
            "城镇调查失业率平均为5.2%。",
            "## 二、对今年政府工作的建议",
            "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右。",
            "单位国内生产总值能耗降低2.5%左右。",
        ]);
        assert_eq!(
            other,
            [
                false, false, true, true, true, false, false, true, false, false, true, true
            ]
        );
    }

    /// Other wordings (a reviewer's): bold headings, 重点工作, 回顾过去五年,
    /// 近五年, 主要目标：, a target explained; not a figure beside a target.
    #[test]
    fn other_wordings_of_targets_and_five_years() {
        let other = of(&[
            "**一、2021年工作回顾**",
            "全市地区生产总值增长12.2%。",
            "**三、2022年重点工作**",
            "地区生产总值增长7.5%的目标，综合考虑了发展的需要和可能。",
            "## 一、工作回顾",
            "回顾过去五年，单位国内生产总值能耗下降8.1%。",
            "## 一、工作回顾",
            "今年发展的主要目标：国内生产总值增长5%左右。",
            "全年城镇新增就业人员980万人，比预期目标多80万人。",
        ]);
        assert_eq!(
            other,
            [false, false, false, true, false, true, false, true, false]
        );
    }

    /// A bulletin's sections are its sectors, and 目标任务 in its opening
    /// (NBS 2024: 是实现“十四五”规划目标任务的关键一年) states no target.
    #[test]
    fn a_bulletin_is_all_of_its_year() {
        let other = of(&[
            "中华人民共和国2024年国民经济和社会发展统计公报",
            "2024年是实现“十四五”规划目标任务的关键一年。全年国内生产总值1349084亿元，比上年增长5.0%。",
            "一、综合",
            "年末全国人口140828万人。",
            "十二、资源、环境和应急管理",
            "全年能源消费总量59.6亿吨标准煤。",
        ]);
        assert!(other.iter().all(|o| !o), "{other:?}");
    }
}
