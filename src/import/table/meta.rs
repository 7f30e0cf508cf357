//! What the document says of the plan itself: its title, issuer, date and
//! region, from the notice's opening.

use super::*;

/// What the document says of the plan itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The plan's title (from `《…》` or `关于印发…的通知`).
    pub title: Option<String>,
    /// The notice's title (`关于印发……的通知`).
    pub notice: Option<String>,
    pub issuer: Option<String>,
    /// `YYYY-MM-DD`.
    pub issued: Option<String>,
    /// The region the issuer governs (`江津区` of 重庆市江津区人民政府).
    pub region: Option<String>,
    /// The title was taken from the opening lines, with no notice and no
    /// 《》 to say it: the draft asks to confirm it.
    pub title_from_cover: bool,
}

/// The plan's title, issuer, date and region from the document's opening:
/// `关于印发……的通知`, `现将《……》印发给你们`, the issuing body's line
/// and the date under it.
pub fn meta(doc: &Document) -> Meta {
    let opening: Vec<&str> = doc
        .blocks
        .iter()
        .take(40)
        .filter_map(|b| match b {
            Block::Text(t) => Some(t.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    let joined: String = opening
        .iter()
        .map(|t| clean(t))
        .collect::<Vec<_>>()
        .join("");
    let mut meta = Meta::default();
    if let Some(start) = joined.find("关于印发")
        && let Some(len) = joined[start..].find("的通知")
    {
        let notice = &joined[start..start + len + "的通知".len()];
        meta.notice = Some(notice.to_owned());
        // The notice's own title (关于印发《X》的通知: X), before any plan
        // the text cites.
        let title = &notice["关于印发".len()..notice.len() - "的通知".len()];
        meta.title = Some(
            title
                .trim_start_matches('《')
                .trim_end_matches('》')
                .to_owned(),
        );
    }
    // No notice: the first 《…》 that names a plan (《…规划》, 《…纲要》)
    // printed before a title line of the opening (a plan the preamble cites,
    // 为贯彻落实《重庆市教育事业发展“十五五”规划》, comes after its own title);
    // a law or a rule cited in the text (《中华人民共和国著作权法》, 《…管理办
    // 法》) is not the plan's title.
    let cover = if meta.title.is_none() {
        cover_title(&opening)
    } else {
        None
    };
    // Where the cover's title line starts in `joined`.
    let cover_at = cover.as_ref().map_or(joined.len(), |(line, _)| {
        opening[..*line].iter().map(|t| clean(t).len()).sum()
    });
    let mut from = 0;
    while meta.title.is_none()
        && let Some(start) = joined[from..].find('《').map(|i| i + from)
        && start < cover_at
        && let Some(len) = joined[start..].find('》')
    {
        let title = &joined[start + '《'.len_utf8()..start + len];
        if title.contains("规划") || title.contains("纲要") {
            meta.title = Some(title.to_owned());
        }
        from = start + len;
    }
    if meta.title.is_none()
        && let Some((_, title)) = cover
    {
        meta.title = Some(title);
        meta.title_from_cover = true;
    }
    meta.issuer = opening
        .iter()
        .map(|t| unlabel(&clean(t)).to_owned())
        .find(|t| {
            (t.ends_with("人民政府")
                || t.ends_with("委员会")
                || t.ends_with("办公室")
                || t.ends_with("局"))
                && t.chars().count() <= 30
        });
    meta.issued = opening.iter().find_map(|t| date(&clean(t)));
    meta.region = meta.issuer.as_deref().and_then(region_of);
    meta
}

/// A plan printed without its notice opens with its cover: the title in
/// large type, often over two lines (`湖北省文物事业发展` / `“十四五”规划`),
/// with no 《》. Among the first lines, a short one that ends as a plan's
/// name does (规划, 纲要, or the period in brackets after it), joined with the
/// short line above it when that line ends without punctuation.
fn cover_title(opening: &[&str]) -> Option<(usize, String)> {
    let raw: Vec<String> = opening.iter().take(12).map(|t| clean(t)).collect();
    // A site's breadcrumb (首页 > 政策文件 > …规划) is no title.
    let lines: Vec<&str> = raw
        .iter()
        .map(|t| {
            if crate::import::is_breadcrumb(t) {
                ""
            } else {
                unlabel(t)
            }
        })
        .collect();
    let names_a_plan = |t: &str| {
        t.ends_with("规划")
            || t.ends_with("纲要")
            || (t.ends_with(['）', ')']) && (t.contains("规划") || t.contains("纲要")))
    };
    let at = lines.iter().position(|t| {
        let n = t.chars().count();
        (4..=40).contains(&n) && names_a_plan(t) && !t.starts_with(['一', '（', '(', '第'])
    })?;
    let line = lines[at];
    // The line above, when the title runs on from it: words of its own
    // (not a rule of dashes, a label's line, a sentence or a date).
    let labelled = line.len() != raw[at].len();
    // Only a line that cannot start a title (“十四五”规划, （2021—2025年）) runs
    // on from the one above, and that one is no 附件, issuer or site name.
    let continues = line.starts_with(['“', '"', '（', '(']);
    let above = at.checked_sub(1).map(|i| lines[i]).filter(|t| {
        let n = t.chars().count();
        let ideographs = t
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        continues
            && !labelled
            && (2..=24).contains(&n)
            && ideographs >= 2
            && !t.starts_with("附件")
            && !["人民政府", "委员会", "办公室", "局", "厅", "网"]
                .iter()
                .any(|w| t.ends_with(w))
            && !t.ends_with(['。', '，', '；', '：', '、', '！', '？'])
            && date(t).is_none()
    });
    Some(match above {
        Some(above) => (at - 1, format!("{above}{line}")),
        None => (at, line.to_owned()),
    })
}

/// A line without the label a page's metadata puts before it
/// (`发布单位: 上海市…局`, `标题：…`).
fn unlabel(line: &str) -> &str {
    match line.find([':', '：']) {
        Some(at)
            if line[..at].chars().count() <= 6
                && !line[..at].chars().any(|c| c.is_ascii_digit()) =>
        {
            line[at..].trim_start_matches([':', '：']).trim_start()
        }
        _ => line,
    }
}

/// `2022年3月30日` → `2022-03-30`.
fn date(text: &str) -> Option<String> {
    let text = crate::number::ascii_digits_in(text);
    let y = text.find('年')?;
    let year: i32 = text[..y].trim().parse().ok()?;
    let rest = &text[y + '年'.len_utf8()..];
    let m = rest.find('月')?;
    let month: u32 = rest[..m].trim().parse().ok()?;
    let rest = &rest[m + '月'.len_utf8()..];
    let d = rest.find('日')?;
    let day: u32 = rest[..d].trim().parse().ok()?;
    ((1949..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

/// The region an issuing body governs: 重庆市江津区人民政府 → 江津区.
fn region_of(issuer: &str) -> Option<String> {
    let body = issuer
        .trim_end_matches("人民政府")
        .trim_end_matches("办公室")
        .trim_end_matches("人民政府");
    crate::region_name::finest(body)
        .filter(|r| r.chars().count() >= 2)
        .map(str::to_owned)
}
