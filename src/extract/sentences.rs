//! A bulletin's paragraphs cut into sentences at 。 and ；, each kept as
//! printed, with a copy for matching: footnote markers (`[19]`, `〔2〕`,
//! `[62]`, superscript digits) dropped, so that `全员劳动生产率[5]为146380元`
//! reads as `全员劳动生产率为146380元`; `〔2〕` here is a footnote, never a
//! cumulative target.

/// One sentence of the bulletin.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The paragraph it stands in, 1-based.
    pub paragraph: usize,
    /// As printed.
    pub text: String,
    /// Without footnote markers, for matching.
    pub plain: String,
}

/// The sentences of `paragraphs`, in order.
pub fn split(paragraphs: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let mut start = 0;
        for (i, c) in paragraph.char_indices() {
            if matches!(c, '。' | '；' | ';') {
                let end = i + c.len_utf8();
                push(&mut out, p + 1, &paragraph[start..end]);
                start = end;
            }
        }
        push(&mut out, p + 1, &paragraph[start..]);
    }
    out
}

fn push(out: &mut Vec<Sentence>, paragraph: usize, text: &str) {
    let text = text.trim();
    if text.chars().count() < 4 {
        return;
    }
    out.push(Sentence {
        paragraph,
        text: text.to_owned(),
        plain: without_footnotes(text),
    });
}

/// `[19]`, `〔2〕`, `［3］` and superscript digits removed.
pub fn without_footnotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let close = match c {
            '[' => ']',
            '〔' => '〕',
            '［' => '］',
            '¹' | '²' | '³' | '⁰'..='⁹' => continue,
            _ => {
                out.push(c);
                continue;
            }
        };
        // A bracket holding only digits (1–3 of them) is a footnote.
        let mut inner = String::new();
        while let Some(&n) = chars.peek() {
            if n.is_ascii_digit() && inner.len() < 3 {
                inner.push(n);
                chars.next();
            } else {
                break;
            }
        }
        if !inner.is_empty() && chars.peek() == Some(&close) {
            chars.next();
        } else {
            out.push(c);
            out.push_str(&inner);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnotes_are_no_part_of_a_sentence_read_for_figures() {
        assert_eq!(
            without_footnotes("全员劳动生产率[5]为146380元/人"),
            "全员劳动生产率为146380元/人"
        );
        assert_eq!(
            without_footnotes("能耗〔22〕比上年下降2.7%"),
            "能耗比上年下降2.7%"
        );
        // Not a footnote: a bracket holding more than digits.
        assert_eq!(without_footnotes("[＞5000]"), "[＞5000]");
    }

    #[test]
    fn paragraphs_are_cut_at_full_stops_and_semicolons() {
        let s = split(&["甲为1%，比上年增长2%。乙为3件；丙为4个".to_owned()]);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["甲为1%，比上年增长2%。", "乙为3件；", "丙为4个"]);
        assert!(s.iter().all(|s| s.paragraph == 1));
    }
}
