//! Place names as documents print them (重庆市江津区人民政府, 2023年重庆市江津区
//! 国民经济和社会发展统计公报, 恩施土家族苗族自治州): one reading of where a
//! unit of the administrative divisions ends, for `import` (the region an
//! issuer governs) and `extract` (the region a bulletin is of) alike.

/// The characters a unit's name ends with.
fn ends_a_unit(c: char) -> bool {
    matches!(c, '省' | '市' | '区' | '县' | '州' | '旗' | '盟')
}

/// Where each unit of `name` ends (the byte after it), in order. 市容, 市场,
/// 区域, …级 are words of a body's name, no unit's end (上海市绿化和市容管理局
/// is 上海市's).
pub fn unit_ends(name: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = name.char_indices().peekable();
    // Characters since the last unit's end: a unit's name has two or more
    // before its word (杭州市 is one unit, not 杭州 and 市).
    let mut since = 0;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // 市容, 市场, 区域, …级: words of a body's name; 杭州市, 贵州省,
        // 通州区: the unit goes on.
        let goes_on =
            next.is_some_and(|n| matches!(n, '容' | '场' | '域' | '级') || ends_a_unit(n));
        if ends_a_unit(c) && !goes_on && since >= 2 {
            ends.push(i + c.len_utf8());
            since = 0;
        } else {
            since += 1;
        }
    }
    ends
}

/// The finest unit a name ends with, whole: 重庆市江津区 → 江津区.
pub fn finest(name: &str) -> Option<&str> {
    let ends = unit_ends(name);
    let (start, end) = match ends.as_slice() {
        [] => return None,
        [only] => (0, *only),
        [.., before, last] => (*before, *last),
    };
    Some(&name[start..end])
}

/// Whether one name is the other less its unit's word (乙 / 乙区, 璧山 /
/// 璧山县), however short its stem.
pub fn short_for(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long
            .strip_prefix(short)
            .is_some_and(|rest| matches!(rest, "区" | "县" | "市" | "旗" | "新区" | "自治县"))
}

/// Whether two names are of one place: their finest units agree, in full or
/// shortened, without the unit's word (江津区 and 重庆市江津区; 恩施州 and
/// 恩施土家族苗族自治州; never 上海市浦东新区 and 上海市).
pub fn same_place(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if short_for(a, b) {
        return true;
    }
    match (finest(a), finest(b)) {
        // The same kind of unit (州 and 州, never 州 and 市: 恩施州 is not
        // 恩施市, 吉林省 not 吉林市), its name in full or shortened.
        (Some(x), Some(y)) => {
            let kind = |u: &str| u.chars().next_back();
            let stem = |u: &'_ str| -> String { u.chars().take(u.chars().count() - 1).collect() };
            let (sx, sy) = (stem(x), stem(y));
            kind(x) == kind(y)
                && sx.chars().count() >= 2
                && sy.chars().count() >= 2
                && (sx.starts_with(&sy) || sy.starts_with(&sx))
        }
        // A name without its units' words (重庆江津): the other's, without
        // them, holds it.
        _ => {
            let bare = |n: &str| -> String { n.chars().filter(|&c| !ends_a_unit(c)).collect() };
            let (x, y) = (bare(a), bare(b));
            x.chars().count() >= 2 && y.chars().count() >= 2 && (x.contains(&y) || y.contains(&x))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_its_finest_unit() {
        assert_eq!(finest("重庆市江津区"), Some("江津区"));
        assert_eq!(finest("上海市绿化和市容管理局"), Some("上海市"));
        assert_eq!(finest("上海市松江区绿化和市容管理局"), Some("松江区"));
        assert_eq!(finest("上海市民政局"), Some("上海市"));
        assert_eq!(finest("全国"), None);
        assert!(same_place("重庆市江津区", "江津区"));
        assert!(same_place("恩施土家族苗族自治州", "恩施州"));
        assert!(same_place("全国", "全国"));
        assert!(!same_place("上海市浦东新区", "上海市"));
        assert!(!same_place("重庆市", "江津区"));
        assert!(!same_place("全国", "上海市"));
        // 州 inside a name (a second review): 杭州市, 贵州省, 通州区 are whole.
        assert_eq!(finest("杭州市"), Some("杭州市"));
        assert_eq!(finest("北京市通州区"), Some("通州区"));
        assert_eq!(finest("贵州省人民政府"), Some("贵州省"));
        assert!(same_place("杭州市", "杭州市"));
        assert!(same_place("广州市", "广东省广州市"));
        // Places that share the start of their names are not one.
        assert!(!same_place("恩施州", "恩施市"));
        // A name less its unit's word, however short its stem.
        assert!(same_place("乙区", "乙"));
        assert!(!same_place("南岸区", "南"));
        assert!(!same_place("阿拉善盟", "阿拉善左旗"));
        assert!(!same_place("吉林省", "吉林市"));
        assert!(!same_place("喀什地区", "喀什市"));
        assert!(same_place("重庆江津", "重庆市江津区"));
    }
}
