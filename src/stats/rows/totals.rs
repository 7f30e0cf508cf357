//! Total rows in a region column (合计, 全市 above the plan's region): no
//! region of their own; and a whole place of one level (`全区`), which in a
//! district's own file is the district.

use super::names;

/// The name of a total row in the region column (合计, 总计, 小计, 汇总,
/// 全市合计, 重庆市合计, and 全市, 全区 … of another level than the plan's
/// region), if the cell is one. `own`: the last character of the plan's
/// region (区 of 江津区): its 全区 is the region itself, no total (a
/// district's own file saying 全区 was refused: a reviewer's).
pub(super) fn total_row(cell: &[u8], own: Option<char>) -> Option<String> {
    // A region's name is short, and a total's holds 计, 总, 全 or 汇: its
    // bytes first, before any decoding (every row of a long file passes).
    if cell.len() > 36
        || !["计", "总", "全", "汇"]
            .iter()
            .any(|w| cell.windows(3).any(|b| b == w.as_bytes()))
    {
        return None;
    }
    let name: String = std::str::from_utf8(cell)
        .ok()?
        .chars()
        .filter(|c| !c.is_whitespace() && !names::is_invisible_in_a_name(*c))
        .collect();
    if let Some(unit) = whole_place(&name) {
        return (Some(unit) != own).then_some(name);
    }
    let total = ["合计", "总计", "小计", "汇总", "总体", "全部"].contains(&name.as_str())
        || (name.chars().count() <= 8
            && ["合计", "汇总", "总计", "小计", "平均"]
                .iter()
                .any(|w| name.ends_with(w)));
    total.then_some(name)
}

/// `全区` → 区: a whole place of one level (全市, 全区, 全县, 全省 …).
pub(crate) fn whole_place(name: &str) -> Option<char> {
    let mut chars = name.chars();
    (chars.next() == Some('全'))
        .then(|| chars.next())
        .flatten()
        .filter(|c| "省市区县州旗盟国".contains(*c) && chars.next().is_none())
}
