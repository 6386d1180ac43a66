//! Small derived numbers the office dashboard shows beside the aggregate
//! report, computed here so that the browser only renders.

use crate::aggregate::GroupReport;
use crate::scoring::ScoringModel;
use crate::survey::GradeBasis;

/// The grade of a group as a whole: the survey's bands applied to the
/// group's mean overall score (or mean raw total, when the survey grades
/// on the total). `None` without grades or without a mean.
pub fn group_grade(model: &ScoringModel, group: &GroupReport) -> Option<String> {
    let grading = model.grading()?;
    let mean = match grading.basis {
        GradeBasis::Score => group.overall.summary.mean,
        GradeBasis::Total => group.raw_total.mean,
    }?;
    grading.grade(mean).map(|b| b.name.clone())
}

/// A group's dissatisfaction per item (不满意率): the bottom-box share,
/// sorted worst first; items without boxes or answers are left out.
pub fn worst_items(group: &GroupReport) -> Vec<(&str, f64)> {
    let mut v: Vec<(&str, f64)> =
        group.items.iter().filter_map(|i| i.bottom_box.map(|b| (i.id.as_str(), b))).collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    v
}

/// The first and last local completion date (as recorded, `YYYY-MM-DD`)
/// of the completed records: the report's date range.
pub fn date_range(records: &[crate::response::Response]) -> Option<(String, String)> {
    let mut dates = records.iter().filter_map(|r| r.completed_at.as_deref()).filter_map(|t| t.get(..10));
    let first = dates.next()?;
    let (lo, hi) = dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
    Some((lo.to_owned(), hi.to_owned()))
}

/// The metadata keys used by any record, sorted: the metadata segments
/// the office offers (project, customer type, interviewer, …).
pub fn meta_keys(records: &[crate::response::Response]) -> Vec<String> {
    let keys: std::collections::BTreeSet<&String> = records.iter().flat_map(|r| r.meta.keys()).collect();
    keys.into_iter().cloned().collect()
}
