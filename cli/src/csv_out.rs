//! The per-response table of `canvass score --format csv`: core's
//! [`responses_table`](canvass_core::table::responses_table) (the same
//! table the office downloads) over the re-scored responses.

use canvass_core::LoadedSurvey;

use crate::score::ResponseLine;

/// Renders the table; empty cells mean missing.
pub(crate) fn responses_csv(loaded: &LoadedSurvey, records: &[canvass_core::response::Response], lines: &[ResponseLine]) -> String {
    let scored = records.iter().filter(|r| r.is_completed()).zip(lines).map(|(r, l)| {
        let result = match (&l.score, &l.error) {
            (Some(s), _) => Ok(s.clone()),
            (None, e) => Err(e.clone().unwrap_or_default()),
        };
        (r, result)
    });
    canvass_core::table::responses_table(&loaded.scoring, scored).to_csv()
}
