//! `plan-check template`: an empty statistics file for the plan, Chinese headers,
//! one row per indicator, ready to fill in Excel or WPS.

use crate::plan::Plan;

/// The template as CSV text. It starts with a UTF-8 byte-order mark so that
/// Excel on a Chinese-locale Windows opens it as UTF-8 rather than GBK.
pub fn render(plan: &Plan, year: Option<i32>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    let _ = writer.write_record(["分类", "指标", "数值", "单位", "年份", "来源", "备注"]);
    for ind in &plan.indicators {
        let _ = writer.write_record([
            ind.category.as_str(),
            &ind.display_name(),
            "",
            &ind.unit,
            &year,
            "",
            "",
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}
