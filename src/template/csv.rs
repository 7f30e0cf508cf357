//! `plan-check template`: an empty statistics file for the plan, Chinese headers,
//! one row per indicator, ready to fill in Excel or WPS.

use crate::plan::Plan;

/// The template's columns; a region adds 地区 at the end.
pub const HEADER: [&str; 7] = ["分类", "指标", "数值", "单位", "年份", "来源", "备注"];

/// The template as CSV text. It starts with a UTF-8 byte-order mark so that
/// Excel on a Chinese-locale Windows opens it as UTF-8 rather than GBK. With a
/// region, every row names it in a 地区 column, so that many regions' files can
/// be checked in one run.
pub fn render(plan: &Plan, year: Option<i32>, region: Option<&str>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    let mut header = HEADER.to_vec();
    header.extend(region.map(|_| "地区"));
    let explain = super::needs_how_to_fill(plan);
    if explain {
        header.push("填报说明");
    }
    let _ = writer.write_record(&header);
    for ind in &plan.indicators {
        let name = ind.display_name();
        let mut row = vec![ind.category.as_str(), &name, "", &ind.unit, &year, "", ""];
        row.extend(region);
        if explain {
            row.push(super::how_to_fill(ind).unwrap_or(""));
        }
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}
