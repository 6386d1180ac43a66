//! The XLSX download (rust_xlsxwriter, only in the office bundle): a
//! "Responses" sheet — core's per-response table, numbers as numbers — and
//! a "Summary" sheet with the dashboard's headline numbers, indicators and
//! items, unrounded.

use canvass_core::aggregate::GroupReport;
use canvass_core::table::{Cell, Table};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::session::Results;

/// The workbook as bytes.
pub fn workbook(table: &Table, results: &Results, locale: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("Responses")?;
    for (c, h) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Cell::Number(x) => {
                    sheet.write_number(r, c, *x)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, *b)?;
                }
            }
        }
    }
    summary(book.add_worksheet().set_name("Summary")?, results, locale, &bold)?;
    book.save_to_buffer()
}

fn summary(sheet: &mut Worksheet, r: &Results, locale: &str, bold: &Format) -> Result<(), XlsxError> {
    let def = &r.definition.loaded;
    let t: &GroupReport = &r.report.total;
    let mut row = 0u32;
    let mut line = |sheet: &mut Worksheet, label: &str, value: Option<f64>, text: Option<&str>| -> Result<(), XlsxError> {
        sheet.write_string(row, 0, label)?;
        if let Some(v) = value {
            sheet.write_number(row, 1, v)?;
        }
        if let Some(s) = text {
            sheet.write_string(row, 1, s)?;
        }
        row += 1;
        Ok(())
    };
    line(sheet, "survey", None, Some(&format!("{} v{}", def.survey.id, def.survey.version)))?;
    line(sheet, "title", None, Some(def.survey.title.get(locale)))?;
    if let Some((a, b)) = &r.date_range {
        line(sheet, "completed", None, Some(&format!("{a} – {b}")))?;
    }
    line(sheet, "n", Some(t.n as f64), None)?;
    line(sheet, "overallMean", t.overall.summary.mean, None)?;
    let grade = canvass_core::dashboard::group_grade(&def.scoring, t);
    line(sheet, "grade", None, grade.as_deref())?;
    line(sheet, "rawTotalMean", t.raw_total.mean, None)?;
    line(sheet, "satisfactionRate", t.satisfaction.and_then(|s| s.rate), None)?;
    line(sheet, "nps", t.nps.and_then(|n| n.nps), None)?;
    line(sheet, "responseRate", t.response_rate.overall.rate, None)?;
    line(sheet, "followUps", Some(t.follow_ups as f64), None)?;
    for target in &t.targets {
        line(sheet, &format!("target.{}", target.name), target.value, None)?;
        let met = target.met.map(|m| if m { "met" } else { "not met" });
        line(sheet, &format!("target.{}.met", target.name), None, met)?;
    }
    row += 1;
    for (c, h) in ["indicator", "title", "mean", "sd", "n"].iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, *h, bold)?;
    }
    row += 1;
    for i in &t.indicators {
        sheet.write_string(row, 0, &i.name)?;
        sheet.write_string(row, 1, crate::titles::indicator(def, &i.name, locale))?;
        write_opt(sheet, row, 2, i.score.summary.mean)?;
        write_opt(sheet, row, 3, i.score.summary.sd)?;
        sheet.write_number(row, 4, i.score.summary.n as f64)?;
        row += 1;
    }
    row += 1;
    for (c, h) in ["item", "title", "meanX", "meanScore", "topBox", "bottomBox", "valid", "notApplicable", "skipped", "hidden"].iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, *h, bold)?;
    }
    row += 1;
    for i in &t.items {
        sheet.write_string(row, 0, &i.id)?;
        sheet.write_string(row, 1, crate::titles::item(def, &i.id, locale))?;
        write_opt(sheet, row, 2, i.x.mean)?;
        write_opt(sheet, row, 3, i.score.mean)?;
        write_opt(sheet, row, 4, i.top_box)?;
        write_opt(sheet, row, 5, i.bottom_box)?;
        for (c, v) in [i.valid, i.not_applicable, i.skipped, i.hidden].into_iter().enumerate() {
            sheet.write_number(row, 6 + c as u16, v as f64)?;
        }
        row += 1;
    }
    Ok(())
}

fn write_opt(sheet: &mut Worksheet, row: u32, col: u16, v: Option<f64>) -> Result<(), XlsxError> {
    if let Some(v) = v {
        sheet.write_number(row, col, v)?;
    }
    Ok(())
}
