//! `plan-check template --format xlsx`: the fill-in workbook, written with
//! rust_xlsxwriter: categories, names and units filled in and protected, the
//! value column open and validated as a number, the year column as a year.

use crate::lang::Lang;
use crate::plan::Plan;
use crate::render::xlsx::{fit_columns, header_format};
use rust_xlsxwriter::{Color, DataValidation, DataValidationRule, Format, Workbook, XlsxError};

/// The fill-in template: the same columns as the CSV template.
pub fn template(
    plan: &Plan,
    year: Option<i32>,
    region: Option<&str>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("填报", "Statistics"))?;
    let mut header = super::csv::HEADER.to_vec();
    header.extend(region.map(|_| "地区"));
    let explain = super::needs_how_to_fill(plan);
    if explain {
        header.push("填报说明");
    }
    let explain_at = header.len() as u16 - 1;
    let bold = header_format();
    let locked = Format::new()
        .set_locked()
        .set_background_color(Color::RGB(0xF2F2F2));
    let open = Format::new().set_unlocked();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let n = plan.indicators.len() as u32;
    for (i, ind) in plan.indicators.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string_with_format(r, 0, &ind.category, &locked)?;
        sheet.write_string_with_format(r, 1, ind.display_name(), &locked)?;
        sheet.write_blank(r, 2, &open)?;
        sheet.write_string_with_format(r, 3, &ind.unit, &locked)?;
        match year {
            Some(y) => sheet.write_number_with_format(r, 4, f64::from(y), &open)?,
            None => sheet.write_blank(r, 4, &open)?,
        };
        sheet.write_blank(r, 5, &open)?;
        sheet.write_blank(r, 6, &open)?;
        if let Some(region) = region {
            sheet.write_string_with_format(r, 7, region, &locked)?;
        }
        if explain {
            sheet.write_string_with_format(
                r,
                explain_at,
                super::how_to_fill(ind).unwrap_or(""),
                &locked,
            )?;
        }
    }
    let validation = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1.0e15, 1.0e15))
        .ignore_blank(true)
        .set_input_message(lang.pick(
            "请填写数字；尚无数据请留空",
            "a number; leave empty if not available",
        ))?
        .set_error_message(lang.pick("这里只能填写数字", "only a number can go here"))?;
    sheet.add_data_validation(1, 2, n, 2, &validation)?;
    let years = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(1900, 2200))
        .ignore_blank(true);
    sheet.add_data_validation(1, 4, n, 4, &years)?;
    sheet.set_freeze_panes(1, 0)?;
    let texts: Vec<Vec<String>> = std::iter::once(header.iter().map(|h| h.to_string()).collect())
        .chain(plan.indicators.iter().map(|ind| {
            let mut row = vec![
                ind.category.clone(),
                ind.display_name(),
                "000000".into(),
                ind.unit.clone(),
                "2025".into(),
                "来源来源来源来源".into(),
                "备注备注".into(),
            ];
            row.extend(region.map(str::to_owned));
            if explain {
                row.push(super::how_to_fill(ind).unwrap_or("").to_owned());
            }
            row
        }))
        .collect();
    fit_columns(sheet, &texts)?;
    sheet.protect();
    workbook.save_to_buffer()
}
