//! Which sheets of a workbook hold the figures: `--sheet`; every sheet named
//! by a district (a workbook of one sheet a district), each its district's;
//! the latest of the sheets named by a year (the file's name holding none);
//! else the one it opens on, the file's year's, never its instructions; said
//! when there is a choice (S014).

use crate::diagnostic::{Code, Diagnostic, Text};

/// `--sheet`; else the sheet the workbook opens on (its active sheet) when it
/// is visible; else the first visible sheet. But when the file's name holds a
/// year (`named`) and the sheet so chosen is named by another year
/// (`2022年`, saved open on last year's sheet), the visible sheet named by the
/// file's year is read, if there is one. With several sheets, a note says
/// which one was read, and why.
fn choose_sheet(
    sheets: &[calamine::Sheet],
    active: Option<crate::stats::package::Active>,
    named: Option<i32>,
    options: &crate::stats::LoadOptions,
    file: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<String, Diagnostic> {
    use crate::stats::package::Active;
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    if let Some(wanted) = &options.sheet {
        return names
            .iter()
            .find(|n| *n == wanted)
            .map(|n| (*n).to_owned())
            .ok_or_else(|| {
                Diagnostic::error(
                    Code::S012,
                    file,
                    Text::new(
                        format!("工作簿中没有工作表“{wanted}”；现有：{}", names.join("、")),
                        format!(
                            "the workbook has no sheet \"{wanted}\"; it has: {}",
                            names.join(", ")
                        ),
                    ),
                )
            });
    }
    let visible = |s: &&calamine::Sheet| {
        s.visible == calamine::SheetVisible::Visible && s.typ == calamine::SheetType::WorkSheet
    };
    let active = match active {
        Some(Active::Index(i)) => sheets.get(i),
        Some(Active::Name(name)) => sheets.iter().find(|s| s.name == name),
        None => None,
    };
    let opened = active
        .filter(visible)
        .or_else(|| sheets.iter().find(visible))
        .ok_or_else(|| {
            Diagnostic::error(
                Code::S012,
                file,
                Text::new(
                    "工作簿中没有可见的工作表",
                    "the workbook has no visible worksheet",
                ),
            )
            .with_hint(Text::new(
                "用 --sheet 指定要读的工作表",
                "name the sheet to read with --sheet",
            ))
        })?;
    let year_of = |sheet: &calamine::Sheet| crate::stats::year::year_in_name(&sheet.name).one();
    let of_the_named_year = named
        .filter(|&year| year_of(opened).is_some_and(|other| other != year))
        .and_then(|year| {
            sheets
                .iter()
                .filter(visible)
                .find(|s| year_of(s) == Some(year))
        });
    // A workbook saved open on its instructions (填表说明, with an example
    // row under a header like the data's): the data are on another sheet,
    // the first visible one that is not instructions (the example was
    // judged, exit 0, while the return on 2023年数据 failed: a reviewer's).
    let past_instructions = (of_the_named_year.is_none() && is_instructions(&opened.name))
        .then(|| {
            let others = || {
                sheets
                    .iter()
                    .filter(visible)
                    .filter(|s| !is_instructions(&s.name))
            };
            named
                .and_then(|year| others().find(|s| year_of(s) == Some(year)))
                .or_else(|| others().next())
        })
        .flatten();
    let of_the_named_year = of_the_named_year.or(past_instructions);
    let chosen = of_the_named_year.unwrap_or(opened);
    // The sheet of the file name's year is there but hidden: not read
    // unasked (someone hid it), and said, with the way to read it.
    let hidden_of_the_year = named
        .filter(|&year| of_the_named_year.is_none() && year_of(opened) != Some(year))
        .and_then(|year| {
            sheets.iter().find(|s| {
                !visible(s) && s.typ == calamine::SheetType::WorkSheet && year_of(s) == Some(year)
            })
        });
    if let Some(hidden) = hidden_of_the_year {
        warnings.push(
            Diagnostic::warning(
                Code::S014,
                file,
                Text::new(
                    format!(
                        "读取的是工作表“{}”；与文件名年份相同的工作表“{}”是隐藏的，没有读",
                        chosen.name, hidden.name
                    ),
                    format!(
                        "read the sheet \"{}\"; the sheet of the file name's year, \"{}\", is hidden and was not read",
                        chosen.name, hidden.name
                    ),
                ),
            )
            .with_hint(Text::new(
                format!("要读它，请用 --sheet {}", hidden.name),
                format!("to read it, give --sheet {}", hidden.name),
            )),
        );
    }
    if sheets.len() > 1 && hidden_of_the_year.is_none() {
        let (zh, en) = match (of_the_named_year, named) {
            (Some(_), _) if past_instructions.is_some() => (
                format!("打开时显示的“{}”是说明", opened.name),
                format!(
                    "the workbook opens on \"{}\", its instructions",
                    opened.name
                ),
            ),
            (Some(_), Some(year)) => (
                format!(
                    "与文件名的年份（{year}）相同；打开时显示的是“{}”",
                    opened.name
                ),
                format!(
                    "the file name's year, {year}; the workbook opens on \"{}\"",
                    opened.name
                ),
            ),
            _ => (
                "打开时显示的一张".to_owned(),
                "the one the workbook opens on".to_owned(),
            ),
        };
        warnings.push(Diagnostic::warning(
            Code::S014,
            file,
            Text::new(
                format!(
                    "读取的是工作表“{}”（{zh}）；工作簿共有 {} 张：{}。可用 --sheet 指定",
                    chosen.name,
                    names.len(),
                    names.join("、")
                ),
                format!(
                    "read the sheet \"{}\" ({en}) of {}: {}; choose another with --sheet",
                    chosen.name,
                    names.len(),
                    names.join(", ")
                ),
            ),
        ));
    }
    Ok(chosen.name.clone())
}

/// A sheet to read, and the region its name gives its rows.
pub(super) struct Chosen {
    pub(super) name: String,
    pub(super) region: Option<String>,
}

/// The sheets to read. Unless `--sheet` names one: a workbook with two or
/// more visible sheets named by districts (`万州区`, `涪陵区`, …) is read
/// sheet by sheet, each the region its name says (only the first was read,
/// as the plan's region, and the others passed unread with exit 0: a
/// reviewer's city workbook); one with no year in the file's name and two or
/// more visible sheets named by years is read on the latest (saved open on
/// `2022年`, its `2023年` went unread). Else the one sheet [`choose_sheet`]
/// chooses.
pub(super) fn choose_sheets(
    sheets: &[calamine::Sheet],
    active: Option<crate::stats::package::Active>,
    named: Option<i32>,
    options: &crate::stats::LoadOptions,
    file: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Chosen>, Diagnostic> {
    if options.sheet.is_none() {
        let worksheet = |s: &&calamine::Sheet| s.typ == calamine::SheetType::WorkSheet;
        let visible = |s: &&calamine::Sheet| s.visible == calamine::SheetVisible::Visible;
        let data = || {
            sheets
                .iter()
                .filter(worksheet)
                .filter(|s| !is_instructions(&s.name))
        };
        // The largest group of sheets named by districts of one kind (区,
        // 县 …): 万州区, 涪陵区 beside a 重庆市 comparison sheet are the
        // districts; a 重庆市 sheet beside one district's is no collection.
        let kind = |s: &calamine::Sheet| s.name.trim().chars().next_back();
        let by_region: Vec<&calamine::Sheet> = data()
            .filter(visible)
            .filter(|s| names_a_region(&s.name))
            .collect();
        let districts: Vec<&calamine::Sheet> = by_region
            .iter()
            .filter_map(|s| kind(s))
            .max_by_key(|k| by_region.iter().filter(|s| kind(s) == Some(*k)).count())
            .map(|k| {
                by_region
                    .iter()
                    .copied()
                    .filter(|s| kind(s) == Some(k))
                    .collect()
            })
            .unwrap_or_default();
        // Sheets of a year's figures (2022年, 2023年; not 2025年目标,
        // 2024年计划): with no year in the file's name, the latest one is
        // read (saved open on 2022年, the 2023年 sheet went unread; reading
        // them all made a yearbook's editions, years as columns, clash).
        let year_of = |s: &calamine::Sheet| {
            crate::stats::year::year_in_name(&s.name)
                .one()
                .filter(|_| !is_another_figure(&s.name))
        };
        let latest_year = data()
            .filter(visible)
            .filter(|s| year_of(s).is_some())
            .max_by_key(|s| year_of(s));
        let years_named = data()
            .filter(visible)
            .filter(|s| year_of(s).is_some())
            .count();
        let (read, what_zh, what_en) = if districts.len() >= 2 {
            (districts, "地区", "region")
        } else if named.is_none() && years_named >= 2 {
            (latest_year.into_iter().collect(), "年份", "year")
        } else {
            (Vec::new(), "", "")
        };
        if !read.is_empty() {
            let names: Vec<&str> = read.iter().map(|s| s.name.as_str()).collect();
            let unread: Vec<&str> = sheets
                .iter()
                .filter(|s| !names.contains(&s.name.as_str()))
                .map(|s| s.name.as_str())
                .collect();
            let (unread_zh, unread_en) = if unread.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!("；没有读：{}", unread.join("、")),
                    format!("; not read: {}", unread.join(", ")),
                )
            };
            let text = if what_en == "year" {
                Text::new(
                    format!(
                        "工作簿有 {years_named} 张以年份命名的工作表，读的是最新一年的“{}”{unread_zh}。读别的一张请用 --sheet",
                        names.join("、")
                    ),
                    format!(
                        "the workbook has {years_named} sheets named by years; read the latest, \"{}\"{unread_en}; give --sheet to read another",
                        names.join(", ")
                    ),
                )
            } else {
                Text::new(
                    format!(
                        "工作簿有 {} 张以{what_zh}命名的工作表，各按名称中的{what_zh}读取：{}{unread_zh}。只读一张请用 --sheet",
                        names.len(),
                        names.join("、")
                    ),
                    format!(
                        "the workbook has {} sheets named by {what_en}, each read as its name says: {}{unread_en}; give --sheet to read one",
                        names.len(),
                        names.join(", ")
                    ),
                )
            };
            warnings.push(Diagnostic::warning(Code::S014, file, text));
            let by_region = what_en == "region";
            return Ok(read
                .into_iter()
                .map(|s| Chosen {
                    name: s.name.clone(),
                    region: by_region.then(|| s.name.trim().to_owned()),
                })
                .collect());
        }
    }
    Ok(vec![Chosen {
        name: choose_sheet(sheets, active, named, options, file, warnings)?,
        region: None,
    }])
}

/// Whether a sheet's name says its figures are no year's own: a target, a
/// forecast, a plan, a copy (`2025年目标`, `2024年计划`, `2023年备份`).
fn is_another_figure(name: &str) -> bool {
    [
        "目标", "预计", "计划", "预测", "规划", "备份", "副本", "草稿", "修订",
    ]
    .iter()
    .any(|w| name.contains(w))
}

/// Whether a sheet's name is a district's (`万州区`, `丰都县`, `重庆市`):
/// a few characters ending with a unit's word, no year in it, no total, no
/// zone that is no administrative unit (主城都市区, 第一学区, 片区, 园区).
fn names_a_region(name: &str) -> bool {
    let name = name.trim();
    if [
        "都市区",
        "学区",
        "片区",
        "园区",
        "社区",
        "校区",
        "景区",
        "城区",
        "合计",
        "汇总",
    ]
    .iter()
    .any(|w| name.contains(w))
        || is_another_figure(name)
    {
        return false;
    }
    let count = name.chars().count();
    (3..=12).contains(&count)
        && name.ends_with(['省', '市', '区', '县', '州', '旗', '盟'])
        && crate::region_name::finest(name).is_some()
        && crate::stats::year::year_in_name(name).one().is_none()
        && !name.starts_with('全')
        && !name.chars().any(|c| c.is_ascii_digit())
}

/// Whether a sheet's name says it holds instructions or an example, not the
/// return: 说明, 填表说明, 填报说明, 示例, 样表, 封面, 目录.
fn is_instructions(name: &str) -> bool {
    let name = name.trim();
    ["说明", "示例", "样表", "样例", "范例", "封面", "目录"]
        .iter()
        .any(|w| name.contains(w))
        || name.eq_ignore_ascii_case("readme")
}
