//! The per-response table of `canvass score --format csv`: one row per
//! completed response, with metadata, overall score, raw total, grade,
//! follow-up flag, every indicator and every item's raw value — for
//! spreadsheets. Uses the `csv` crate for correct quoting.

use std::collections::BTreeSet;

use canvass_core::LoadedSurvey;

use crate::score::ResponseLine;

/// Renders the table; empty cells mean missing.
pub(crate) fn responses_csv(loaded: &LoadedSurvey, lines: &[ResponseLine]) -> String {
    let meta_keys: BTreeSet<&str> = lines.iter().flat_map(|l| l.meta.keys().map(String::as_str)).collect();
    let indicators: Vec<&str> = loaded.survey.scoring.indicators.iter().map(|i| i.name.as_str()).collect();
    let items: Vec<&str> = loaded.scoring.items().iter().map(|i| i.id.as_str()).collect();

    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = vec!["id".into(), "completedAt".into()];
    header.extend(meta_keys.iter().map(|k| format!("meta.{k}")));
    header.extend(["overall", "rawTotal", "grade", "followUp", "error"].map(String::from));
    header.extend(indicators.iter().map(|i| format!("indicator.{i}")));
    header.extend(items.iter().map(|i| format!("item.{i}")));
    w.write_record(&header).expect("writing to memory");

    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    for l in lines {
        let mut row: Vec<String> = vec![l.id.clone(), l.completed_at.clone().unwrap_or_default()];
        row.extend(meta_keys.iter().map(|k| l.meta.get(*k).cloned().unwrap_or_default()));
        let s = l.score.as_ref();
        row.push(num(s.and_then(|s| s.overall)));
        row.push(num(s.and_then(|s| s.raw_total)));
        row.push(s.and_then(|s| s.grade.clone()).unwrap_or_default());
        row.push(s.map(|s| s.follow_up.flagged.to_string()).unwrap_or_default());
        row.push(l.error.clone().unwrap_or_default());
        for name in &indicators {
            let v = s.and_then(|s| s.indicators.iter().find(|i| i.name == *name)).and_then(|i| i.score);
            row.push(num(v));
        }
        for id in &items {
            let v = s.and_then(|s| s.items.iter().find(|i| i.id == *id)).and_then(|i| i.x);
            row.push(num(v));
        }
        w.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flush to memory")).expect("csv of UTF-8 strings")
}
