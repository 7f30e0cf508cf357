//! The grammar of a printed target: signs ASCII, full-width and
//! mathematical (`>`, `＞`, `≥`, `≧`), the words around a number (`90%以上`,
//! `控制在5.5%以内`, `1.45左右`), cumulative figures in brackets (`〔13.5〕`),
//! ranges, targets relative to another indicator (`高于GDP增长1个百分点`).
//! `marks.rs` reads the small marks inside a target: （含）/（不含）, a unit
//! after the brackets, a margin in points; `numbers.rs` a number and its
//! unit, ranges, both bounds, and 与…同步.

mod marks;
mod numbers;

use marks::{inclusion_mark, split_margin, unit_into_brackets};
use numbers::{between, both_bounds, in_number, in_step, number_and_unit, starts_with_words};

use crate::number::{read_number, trim_all};
use crate::vocabulary::Comparator;

/// Why a printed target could not be read as a comparator and a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    /// No comparator at the start (`55`, `提高1岁`): the plan must state the rule.
    NoComparator,
    /// A comparator followed by something that is not a number.
    BadNumber,
    /// A number no indicator takes (above 10¹⁵): a slip, not a target.
    TooLarge,
}

/// The comparison signs plans print, ASCII, full-width and mathematical;
/// two-character forms first.
const SIGNS: &[(&str, Comparator)] = &[
    (">=", Comparator::GreaterOrEqual),
    ("＞＝", Comparator::GreaterOrEqual),
    ("≥", Comparator::GreaterOrEqual),
    ("≧", Comparator::GreaterOrEqual),
    ("⩾", Comparator::GreaterOrEqual),
    ("<=", Comparator::LessOrEqual),
    ("＜＝", Comparator::LessOrEqual),
    ("≤", Comparator::LessOrEqual),
    ("≦", Comparator::LessOrEqual),
    ("⩽", Comparator::LessOrEqual),
    (">", Comparator::Greater),
    ("＞", Comparator::Greater),
    ("<", Comparator::Less),
    ("＜", Comparator::Less),
];

/// The sign a text starts with, and the rest.
fn strip_sign(text: &str) -> Option<(Comparator, &str)> {
    SIGNS
        .iter()
        .find_map(|(sign, cmp)| text.strip_prefix(sign).map(|rest| (*cmp, rest)))
}

/// Reads `＞97`, `≥ 95`, `<=5.5`, `≦５．５` into a comparator and its number.
/// A trailing `%`/`％` is accepted.
pub fn parse_comparator(text: &str) -> Result<(Comparator, f64), TargetError> {
    let (cmp, rest) = strip_sign(trim_all(text)).ok_or(TargetError::NoComparator)?;
    let value = read_number(rest, true).map_err(|_| TargetError::BadNumber)?;
    Ok((cmp, value))
}

/// What a printed target says, read by [`read_target`].
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub form: Form,
    /// The number; for [`Form::Between`] the upper end; 0 for
    /// [`Form::Relative`], which has none.
    pub value: f64,
    /// The lower end of [`Form::Between`] (`4.5%-5%`).
    pub low: Option<f64>,
    /// The indicator a [`Form::Relative`] target names (`GDP增长`).
    pub other: Option<String>,
    /// A unit printed with the number (`%`, `年`, `微克/立方米`, `个百分点`).
    pub unit: Option<String>,
    /// Words printed after the requirement, set off by `、`, `，` or `；`
    /// (`力争投入强度高于“十三五”时期实际`): kept as printed, never judged.
    pub clause: Option<String>,
    /// For [`Form::About`]: the direction words beside 左右 give
    /// (`控制在3%左右`: at most about 3), if any.
    pub toward: Option<Comparator>,
    /// For [`Form::Relative`]: how far beyond the other figure, in its unit
    /// (`高于GDP增长1个百分点`: +1; `低于…2个百分点`: −2); 0 for none.
    pub margin: f64,
    /// A cumulative total printed with a sign that excludes it (`[>5000]`,
    /// `[<3256]`): read as strictly as `＞97` is.
    pub strict: bool,
    /// `每年6900` (普陀区“十五五”纲要's 失业人员实现再就业人数): the
    /// requirement holds in every year, not only the target year.
    pub every_year: bool,
}

/// The forms a target takes in a plan table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A comparison: `＞97`, `90%以上`, `不低于95%`, `低于5.5%`,
    /// `控制在5.5%以内`, `提高到11.7年`, `降至27微克/立方米以下`, `达到85%`,
    /// `超过60%`.
    Compare(Comparator),
    /// About a value: `1.45左右`, `约1.45`.
    About,
    /// A change from the baseline, up (`提高1岁`, `提高2个百分点`) or down
    /// (`下降13.5%`).
    Change { up: bool },
    /// A cumulative change over the period: `〔13.5〕`, `[>5000]` (at least).
    Cumulative,
    /// A cap on the cumulative total over the period: `[<3256]` (新增建设
    /// 用地规模: at most 3256 over the five years).
    CumulativeCap,
    /// A cumulative total over the period within a range: `〔3000—4000〕`
    /// (实施老旧小区改造面积, 上海市城市更新和住房“十五五”规划); `low` the
    /// lower end, `value` the upper.
    CumulativeRange,
    /// A number alone: `55`. Its reading is not printed.
    Bare,
    /// Between two numbers: `4.5%-5%`, `4.5%—5%`, `4.5～5`.
    Between,
    /// Relative to another indicator of the plan: `高于GDP增长` (a comparison
    /// with its figure), `与GDP增长同步` (in step with it: no comparator).
    Relative(Option<Comparator>),
}

/// Words before a number that make it a total over the period.
const TOTAL_WORDS: &[&str] = &[
    "五年累计新增",
    "五年累计完成",
    "五年累计",
    "累计新增",
    "累计完成",
    "累计",
];

/// Whether `text` starts with a digit (after spaces): 累计 is then a
/// total's word, not part of a name (`累计新增就业`).
fn starts_with_number(text: &str) -> bool {
    trim_all(text)
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Words before the number and what they make of it. Longer forms first, so
/// `不低于` is not read as `低于`. 以上、以下、以内 include the number itself
/// and 超过、低于 exclude it, as Chinese legal and statistical usage has it.
const PREFIXES: &[(&str, Form)] = &[
    ("不低于", Form::Compare(Comparator::GreaterOrEqual)),
    ("不少于", Form::Compare(Comparator::GreaterOrEqual)),
    ("不高于", Form::Compare(Comparator::LessOrEqual)),
    ("不超过", Form::Compare(Comparator::LessOrEqual)),
    ("不多于", Form::Compare(Comparator::LessOrEqual)),
    ("不大于", Form::Compare(Comparator::LessOrEqual)),
    ("不小于", Form::Compare(Comparator::GreaterOrEqual)),
    ("提高到", Form::Compare(Comparator::GreaterOrEqual)),
    ("提高至", Form::Compare(Comparator::GreaterOrEqual)),
    ("提升到", Form::Compare(Comparator::GreaterOrEqual)),
    ("提升至", Form::Compare(Comparator::GreaterOrEqual)),
    ("增加到", Form::Compare(Comparator::GreaterOrEqual)),
    ("增长到", Form::Compare(Comparator::GreaterOrEqual)),
    ("达到", Form::Compare(Comparator::GreaterOrEqual)),
    ("降低到", Form::Compare(Comparator::LessOrEqual)),
    ("降低至", Form::Compare(Comparator::LessOrEqual)),
    ("下降到", Form::Compare(Comparator::LessOrEqual)),
    ("下降至", Form::Compare(Comparator::LessOrEqual)),
    ("减少到", Form::Compare(Comparator::LessOrEqual)),
    ("降到", Form::Compare(Comparator::LessOrEqual)),
    ("降至", Form::Compare(Comparator::LessOrEqual)),
    ("控制在", Form::Compare(Comparator::LessOrEqual)),
    ("超过", Form::Compare(Comparator::Greater)),
    ("突破", Form::Compare(Comparator::Greater)),
    // 超3000亿元 (虹口区“十五五”纲要): 超过, shortened.
    ("超", Form::Compare(Comparator::Greater)),
    ("不满", Form::Compare(Comparator::Less)),
    ("高于", Form::Compare(Comparator::Greater)),
    ("大于", Form::Compare(Comparator::Greater)),
    ("多于", Form::Compare(Comparator::Greater)),
    ("低于", Form::Compare(Comparator::Less)),
    ("小于", Form::Compare(Comparator::Less)),
    ("少于", Form::Compare(Comparator::Less)),
    ("提高", Form::Change { up: true }),
    ("提升", Form::Change { up: true }),
    ("增加", Form::Change { up: true }),
    ("增长", Form::Change { up: true }),
    ("降低", Form::Change { up: false }),
    ("下降", Form::Change { up: false }),
    ("减少", Form::Change { up: false }),
    ("约", Form::About),
];

/// The brackets a cumulative figure is printed in: 〔13.5〕, [13.5], ［13.5］, 【15】.
const BRACKETS: [(char, char); 4] = [('〔', '〕'), ('[', ']'), ('［', '］'), ('【', '】')];

/// Words before a requirement that say nothing of its direction:
/// `保持在95%以上` is `95%以上`, `稳定在1.4左右` `1.4左右`, `力争降至15` `降至15`.
const NEUTRAL_PREFIXES: &[&str] = &["保持在", "稳定在", "维持在", "力争", "保持", "完成"];

/// Words after the number (and its unit).
const SUFFIXES: &[(&str, Form)] = &[
    ("及以上", Form::Compare(Comparator::GreaterOrEqual)),
    ("以上", Form::Compare(Comparator::GreaterOrEqual)),
    ("及以下", Form::Compare(Comparator::LessOrEqual)),
    ("以下", Form::Compare(Comparator::LessOrEqual)),
    ("以内", Form::Compare(Comparator::LessOrEqual)),
    ("左右", Form::About),
];

/// Reads a printed target in any of the forms of [`Form`]: signs full- and
/// half-width, the words of [`PREFIXES`] and [`SUFFIXES`], a unit after the
/// number, `〔N〕` for a cumulative change. The one grammar for targets and
/// year requirements.
pub fn read_target(text: &str) -> Result<Reading, TargetError> {
    let text = trim_all(text);
    // 95%以上。: a full stop ends the cell, and says nothing.
    let text = trim_all(text.trim_end_matches(['。', '；', ';']));
    if let Some(rest) = NEUTRAL_PREFIXES
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .filter(|rest| !trim_all(rest).is_empty())
    {
        return read_target(rest);
    }
    let read = match split_clause(text) {
        Some((head, clause)) => read_requirement(head).map(|reading| Reading {
            clause: Some(clause.to_owned()),
            ..reading
        }),
        None => read_requirement(text),
    };
    // 9%以上（力争10%）, 3.9左右（预测）, ≥98%（除危废外）: words in brackets
    // after a requirement that reads without them are a clause.
    // 达到或好于Ⅲ类水体比例不低于75 (虹口区“十五五”纲要): the name said
    // again, then the requirement; read whole it looked like a comparison
    // with an indicator called 或好于Ⅲ类水体比例不低于75.
    let read = match read {
        Ok(r)
            if r.other.as_deref().is_some_and(|o| {
                o.ends_with(|c: char| c.is_ascii_digit() || c == '%' || c == '％')
            }) =>
        {
            tail_requirement(text).unwrap_or(Ok(r))
        }
        Err(e) => tail_requirement(text).unwrap_or(Err(e)),
        read => read,
    };
    // (Read whole, 3.9左右（预测） is a bare number in the unit “左右（预测）”;
    // ≥98％（除危废外）, the README's own example of 崇明区水务's cell, a
    // comparison in the unit “%（除危废外）”, refused for it.)
    let unread = match &read {
        Err(_) => true,
        Ok(r) => r.unit.as_deref().is_some_and(|u| u.contains(['（', '('])),
    };
    match bracketed_note(text) {
        Some((head, note)) if unread => read_requirement(head)
            .map(|reading| Reading {
                clause: Some(note.to_owned()),
                ..reading
            })
            .or(read),
        _ => read,
    }
}

/// The requirement at the end of `text` after words that restate the
/// indicator (`达到或好于Ⅲ类水体比例不低于75` → ≥ 75, the words before kept
/// as the clause): the last word of [`PREFIXES`] from which the rest reads
/// as a comparison with a number, the earliest (不低于75, not 低于75).
fn tail_requirement(text: &str) -> Option<Result<Reading, TargetError>> {
    let (at, reading) = PREFIXES
        .iter()
        .filter(|(_, form)| matches!(form, Form::Compare(_)))
        // Inside 不低于 is no 低于.
        .filter_map(|(word, _)| {
            text.rfind(word)
                .filter(|&at| at > 0 && !text[..at].ends_with('不'))
        })
        .filter_map(|at| {
            let reading = read_requirement(&text[at..]).ok()?;
            matches!(reading.form, Form::Compare(_)).then_some((at, reading))
        })
        .min_by_key(|(at, _)| *at)?;
    let clause = trim_all(&text[..at]);
    // 上海行政区达到0.8级，邻近地区（行政区域外50公里）达到1.5级 (上海市防震
    // 减灾“十四五”规划): a number in words set apart before the requirement
    // (`，`, `、`, `；`) is another target: two targets in one cell, not the
    // last one's (it was read ≥ 1.5). A number in the requirement's own
    // words is its qualifier (`5分钟覆盖区超80%`), a year (`到2025年，`) no
    // target.
    // Set apart by a line break, a space or `/` as well, or with no mark
    // at all when the words before hold a requirement of their own
    // (`达到0.8级邻近地区…达到1.5级`, `城市不低于95%/农村不低于85%`).
    if let Some(apart) = clause.rfind([',', '，', '、', '；', ';', '/', '／', ' ', '\n', '　'])
        && holds_a_number_besides_years(&clause[..apart])
    {
        return None;
    }
    if holds_a_requirement(clause) {
        return None;
    }
    Some(Ok(Reading {
        clause: (!clause.is_empty()).then(|| clause.to_owned()),
        ..reading
    }))
}

/// Whether `text` holds a comparison word right before a number (`达到0.8`,
/// `不低于95`): a requirement of its own.
fn holds_a_requirement(text: &str) -> bool {
    PREFIXES
        .iter()
        .filter(|(_, form)| matches!(form, Form::Compare(_)))
        .any(|(word, _)| {
            text.match_indices(word).any(|(at, w)| {
                text[at + w.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            })
        })
}

/// Whether `text` holds a digit that is not part of a year (`2025年`).
fn holds_a_number_besides_years(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut i = 0;
    while i < chars.len() {
        if !digit(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && digit(chars[i]) {
            i += 1;
        }
        if !(i - start == 4 && chars.get(i) == Some(&'年')) {
            return true;
        }
    }
    false
}

/// `9%以上（力争10%）` → (`9%以上`, `力争10%`): the words in the brackets
/// that end the text, and what comes before them.
fn bracketed_note(text: &str) -> Option<(&str, &str)> {
    let (open, close) = [('（', '）'), ('(', ')')]
        .into_iter()
        .find(|(_, close)| text.ends_with(*close))?;
    let at = text.rfind(open)?;
    let head = trim_all(&text[..at]);
    let note = trim_all(&text[at + open.len_utf8()..text.len() - close.len_utf8()]);
    (!head.is_empty() && !note.is_empty()).then_some((head, note))
}

/// `＞7、力争投入强度高于“十三五”时期实际` → (`＞7`, `力争…实际`): the
/// requirement, and the words after the first `、`, `；`, `;`, `。` or a `，`
/// that is no thousands separator. `None` when there is no such mark with
/// words on both sides.
pub fn split_clause(text: &str) -> Option<(&str, &str)> {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let separates = match c {
            '、' | '；' | ';' | '。' => true,
            '，' | ',' => !next.is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n)),
            _ => false,
        };
        if separates {
            let head = trim_all(&text[..i]);
            let clause = trim_all(&text[i + c.len_utf8()..]);
            return (!head.is_empty() && !clause.is_empty()).then_some((head, clause));
        }
    }
    None
}

/// One requirement with no clause after it. Spaces inside it (`5 以 上`,
/// `≥ 95 %`) say nothing and are dropped first.
fn read_requirement(text: &str) -> Result<Reading, TargetError> {
    if text.chars().any(char::is_whitespace) {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        return read_requirement(&compact);
    }
    if let Some(reading) = both_bounds(text) {
        return Ok(reading);
    }
    // 累计15, 累计完成3250, 五年累计新增30 (宝山区、浦东新区“十五五”纲要): a
    // total over the period, as 〔15〕 prints it.
    if let Some(rest) = TOTAL_WORDS.iter().find_map(|w| text.strip_prefix(w))
        && starts_with_number(rest)
    {
        return read_requirement(&format!("〔{rest}〕"));
    }
    // 每年6900: that much in every year.
    if let Some(rest) = text.strip_prefix("每年")
        && starts_with_number(rest.trim_start_matches(['新', '增']))
    {
        let rest = rest.trim_start_matches(['新', '增']);
        let reading = read_requirement(rest)?;
        // A number alone each year is the least each year is to bring.
        let form = match reading.form {
            Form::Bare => Form::Compare(Comparator::GreaterOrEqual),
            form => form,
        };
        if matches!(form, Form::Compare(_) | Form::Between) {
            return Ok(Reading {
                form,
                every_year: true,
                ..reading
            });
        }
    }
    // >〔56.5〕%, ≤[3256]万亩: the unit printed after the brackets is the
    // unit of the number inside them.
    if let Some(moved) = unit_into_brackets(text) {
        return read_requirement(&moved);
    }
    // >[56.5] (十一五's 新型农村合作医疗覆盖率): the sign outside the
    // brackets says what [>56.5] says.
    if let Some((sign, rest)) = SIGNS
        .iter()
        .find_map(|(sign, _)| text.strip_prefix(sign).map(|rest| (*sign, trim_all(rest))))
        && let Some((open, close)) = BRACKETS
            .into_iter()
            .find(|(open, close)| rest.starts_with(*open) && rest.ends_with(*close))
    {
        let inner = &rest[open.len_utf8()..rest.len() - close.len_utf8()];
        if strip_sign(trim_all(inner)).is_none() {
            return read_requirement(&format!("{open}{sign}{inner}{close}"));
        }
    }
    // 〔13.5〕, [13.5], ［13.5］: a cumulative change over the period.
    for (open, close) in BRACKETS {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            // 【累计15】 (普陀区“十五五”纲要): the word says what the brackets say.
            let inner = TOTAL_WORDS
                .iter()
                .find_map(|w| trim_all(inner).strip_prefix(w))
                .unwrap_or(inner);
            // [>5000]: more than that over the period; [<3256]: less; the
            // sign read as strictly as outside brackets (＞97).
            let sign = strip_sign(trim_all(inner));
            let (form, inner) = match sign {
                Some((Comparator::Less | Comparator::LessOrEqual, rest)) => {
                    (Form::CumulativeCap, rest)
                }
                Some((_, rest)) => (Form::Cumulative, rest),
                None => (Form::Cumulative, inner),
            };
            // 〔3000—4000〕: the total within a range.
            if sign.is_none()
                && let Some(range) = between(trim_all(inner))
            {
                return Ok(Reading {
                    form: Form::CumulativeRange,
                    ..range
                });
            }
            let (value, unit) = number_and_unit(inner)?;
            let mut reading = Reading::new(form, value, unit);
            reading.strict = matches!(sign, Some((Comparator::Greater | Comparator::Less, _)));
            return Ok(reading);
        }
    }
    if let Some((cmp, rest)) = strip_sign(text) {
        let (value, unit) = number_and_unit(rest)?;
        return Ok(Reading::new(Form::Compare(cmp), value, unit));
    }
    if let Some(reading) = in_step(text).or_else(|| between(text)) {
        return Ok(reading);
    }
    let (prefix, rest) = PREFIXES
        .iter()
        .find_map(|(word, form)| text.strip_prefix(word).map(|rest| (Some(*form), rest)))
        .unwrap_or((None, text));
    let rest = trim_all(rest);
    let (suffix, body) = SUFFIXES
        .iter()
        .find_map(|(word, form)| rest.strip_suffix(word).map(|body| (Some(*form), body)))
        .unwrap_or((None, rest));
    // 6人（含）以下, 6（含）人以下, 不超过6人（含）: （含） says the number
    // is included, as 以下 and 不超过 say anyway; 6人（不含）以下 that it is
    // not: fewer than 6.
    let body = trim_all(body);
    let (body, excluded) = match (prefix, suffix) {
        (Some(Form::Compare(_)), _) | (_, Some(Form::Compare(_))) => inclusion_mark(body),
        _ => (body.to_owned(), false),
    };
    let body = body.as_str();
    let strict = |form: Form| match form {
        Form::Compare(cmp) if excluded => Form::Compare(cmp.strict()),
        form => form,
    };
    let (prefix, suffix) = (prefix.map(strict), suffix.map(strict));
    let form = match (prefix, suffix) {
        (None, None) => Form::Bare,
        (Some(form), None) | (None, Some(form)) => form,
        // 控制在5.5%以内, 降至27以下: the two words say the same.
        (Some(Form::Compare(a)), Some(Form::Compare(b))) if a.wants_more() == b.wants_more() => {
            Form::Compare(b)
        }
        (Some(Form::About), Some(Form::About)) => Form::About,
        // 控制在3%左右: about 3, and the words say which side matters.
        (Some(Form::Compare(cmp)), Some(Form::About)) => {
            let (value, unit) = number_and_unit(body)?;
            return Ok(Reading {
                toward: Some(cmp.inclusive()),
                ..Reading::new(Form::About, value, unit)
            });
        }
        _ => return Err(TargetError::NoComparator),
    };
    if let Form::Compare(cmp) = form
        && starts_with_words(body)
        && number_and_unit(body.trim_start_matches('约')).is_err()
    {
        // 高于GDP增长: a comparison with another indicator's figure;
        // 高于全区税收增速3个百分点以上: that far beyond it, at least.
        let (other, margin) = split_margin(body);
        // 较“十二五”下降30%以上, 年均递增9%以上: a number with its percent
        // is no indicator's name; nor is 百分点 with no number before it,
        // or a signed margin (GDP增长-1个百分点): the words are not read
        // (a rule says).
        if other.contains(['%', '％', '‰'])
            || other.ends_with("百分点")
            || other.ends_with(['-', '－', '+', '＋', '−'])
        {
            return Err(TargetError::NoComparator);
        }
        let cmp = match margin {
            Some(_) => cmp.inclusive(),
            None => cmp,
        };
        let margin = margin.map_or(0.0, |m| if cmp.wants_more() { m } else { -m });
        return Ok(Reading {
            other: Some(other.to_owned()),
            margin,
            ..Reading::new(Form::Relative(Some(cmp)), 0.0, None)
        });
    }
    let (value, unit) = number_and_unit(body).map_err(|e| match form {
        Form::Bare => TargetError::NoComparator,
        _ => e,
    })?;
    Ok(Reading::new(form, value, unit))
}

impl Form {
    /// A total over the period (`〔13.5〕`, `[<3256]`, `〔3000—4000〕`),
    /// not a year's level.
    pub fn is_cumulative(self) -> bool {
        matches!(
            self,
            Form::Cumulative | Form::CumulativeCap | Form::CumulativeRange
        )
    }
}

impl Reading {
    fn new(form: Form, value: f64, unit: Option<String>) -> Reading {
        Reading {
            form,
            value,
            low: None,
            other: None,
            toward: None,
            margin: 0.0,
            unit,
            clause: None,
            strict: false,
            every_year: false,
        }
    }
}

#[cfg(test)]
mod tests;
