//! The staff bundle's root (`/staff/`, entry `staff/`): the shared shell
//! of `crate::app` with the staff pages only — staff menu, visits, visit
//! form, response list, follow-ups. The respondent's first load (`/`)
//! therefore carries none of them (docs/SIZE.md). Respondent mode guards
//! these routes here as in the app: a locked phone is sent back to the
//! locked survey in the app bundle (src/field/lock.rs).

use std::rc::Rc;

use leptos::prelude::*;

use crate::app::shell;
use crate::context::Db;
use crate::pages::{
    followups_page::FollowUpsPage, responses_page::ResponsesPage, staff_page::StaffPage,
    visit_page::VisitPage, visits_page::VisitsPage,
};
use crate::route::Route;

/// `records`, `surveys`: as for `crate::app::App`.
#[component]
pub fn StaffApp(records: Rc<Db>, surveys: Vec<(String, String)>) -> impl IntoView {
    shell(records, surveys, |route| match route {
        Route::Staff => view! { <StaffPage/> }.into_any(),
        Route::Visits => view! { <VisitsPage/> }.into_any(),
        Route::Visit(id) => view! { <VisitPage survey_id=id/> }.into_any(),
        Route::Responses => view! { <ResponsesPage/> }.into_any(),
        Route::FollowUps => view! { <FollowUpsPage/> }.into_any(),
        // The app bundle's routes: `route::replace` is loading it.
        _ => ().into_any(),
    })
}
