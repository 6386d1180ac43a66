//! Moving between pages. A page is shown when its own `visibleIf` holds
//! and at least one question on it is visible: SurveyJS likewise skips a
//! page whose elements are all hidden. The progress bar counts only the
//! pages shown, so it never jumps over a gap the respondent cannot see.

use super::LogicState;

/// The pages the respondent will see, in order (indices into `Survey::pages`).
pub fn visible_pages(state: &LogicState) -> Vec<usize> {
    let layout = &state.layout;
    layout
        .pages
        .iter()
        .enumerate()
        .filter(|(_, &e)| {
            state.element_visible(e) && layout.questions_in(e).any(|q| state.element_visible(q))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The first shown page after `page`, if any (`None`: complete next).
pub fn next_page(state: &LogicState, page: usize) -> Option<usize> {
    visible_pages(state).into_iter().find(|&p| p > page)
}

/// The last shown page before `page`, if any.
pub fn previous_page(state: &LogicState, page: usize) -> Option<usize> {
    visible_pages(state).into_iter().rev().find(|&p| p < page)
}

/// Progress on `page`: (its 1-based number among the shown pages, how many
/// pages are shown). A page that is not shown itself (the answers changed
/// under it) counts as the last shown page before it.
pub fn progress(state: &LogicState, page: usize) -> (usize, usize) {
    let pages = visible_pages(state);
    let shown = pages.len();
    let done = pages.iter().filter(|&&p| p <= page).count();
    (done.clamp(1.min(shown), shown), shown)
}
