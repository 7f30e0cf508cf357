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
    while let Some((i, c)) = chars.next() {
        let within_a_word = chars
            .peek()
            .is_some_and(|&(_, next)| matches!(next, '容' | '场' | '域' | '级'));
        if ends_a_unit(c) && !within_a_word {
            ends.push(i + c.len_utf8());
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

/// Whether two names are of one place: their finest units agree, in full or
/// shortened, without the unit's word (江津区 and 重庆市江津区; 恩施州 and
/// 恩施土家族苗族自治州; never 上海市浦东新区 and 上海市).
pub fn same_place(a: &str, b: &str) -> bool {
    let stem = |name: &str| -> String {
        let unit = finest(name.trim()).unwrap_or(name.trim());
        unit.trim_end_matches(ends_a_unit).to_owned()
    };
    let (a, b) = (stem(a), stem(b));
    a.chars().count() >= 2 && b.chars().count() >= 2 && (a.starts_with(&b) || b.starts_with(&a))
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
    }
}
