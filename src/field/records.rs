//! The field records over the app's record store: list rows (`ROWS`),
//! follow-up cases (`FOLLOWUPS`) and paradata (`PARADATA`), all keyed by
//! response id (a draft's paradata by `draft:<survey>`), and the
//! bookkeeping done when a response is completed or a visit recorded
//! without one. Writes go through `Store::put`, so the save indicator
//! only says "saved" once IndexedDB confirmed.

use canvass_core::followup::{FollowUpCase, DEFAULT_DUE_DAYS};
use canvass_core::listing::ResponseRow;
use canvass_core::paradata::Paradata;
use canvass_core::response::Response;
use canvass_core::LoadedSurvey;

use crate::context::Store;
use crate::storage::{StoreError, FOLLOWUPS, PARADATA, ROWS};

/// The paradata key of the draft of `survey`.
pub fn draft_key(survey: &str) -> String {
    format!("draft:{survey}")
}

/// Every list row, oldest first (by recorded time, then id).
pub async fn rows(store: Store) -> Result<Vec<ResponseRow>, StoreError> {
    let mut rows: Vec<ResponseRow> = store.records().all(ROWS).await?.into_iter().map(|(_, r)| r).collect();
    canvass_core::listing::sort_oldest_first(&mut rows);
    Ok(rows)
}

/// Every follow-up case, in due-date order.
pub async fn follow_ups(store: Store) -> Result<Vec<FollowUpCase>, StoreError> {
    let mut cases: Vec<FollowUpCase> = store.records().all(FOLLOWUPS).await?.into_iter().map(|(_, c)| c).collect();
    cases.sort_by(|a, b| (a.due.is_none(), &a.due, &a.created_at).cmp(&(b.due.is_none(), &b.due, &b.created_at)));
    Ok(cases)
}

/// Stores a case and refreshes its row's follow-up status.
pub async fn save_case(store: Store, case: &FollowUpCase) -> Result<(), StoreError> {
    let id = case.response.to_string();
    let write = store.put(FOLLOWUPS, &id, case);
    if let Some(mut row) = store.records().get::<ResponseRow>(ROWS, &id).await? {
        row.follow_up = Some(case.status);
        store.put_soon(ROWS, &id, &row);
    }
    write.await
}

/// The draft paradata of `survey`, if any.
pub async fn draft_paradata(store: Store, survey: &str) -> Option<Paradata> {
    store.records().get(PARADATA, &draft_key(survey)).await.ok().flatten()
}

pub fn save_draft_paradata(store: Store, survey: &str, p: &Paradata) {
    store.put_soon(PARADATA, &draft_key(survey), p);
}

/// Everything that follows a stored completion: the paradata moves to the
/// response, the list row is written, and a flagged response opens its
/// follow-up case (responsible person: the interviewer).
pub async fn completed(store: Store, loaded: &LoadedSurvey, response: &Response, paradata: Option<Paradata>) -> Result<(), StoreError> {
    let id = response.id.to_string();
    let mut writes = Vec::new();
    if let Some(p) = &paradata {
        writes.push(store.put(PARADATA, &id, p));
    }
    let assignee = response.visit.as_ref().and_then(|v| v.interviewer.clone());
    let case = FollowUpCase::open(response, loaded.contact.as_ref(), assignee, DEFAULT_DUE_DAYS);
    if let Some(case) = &case {
        writes.push(store.put(FOLLOWUPS, &id, case));
    }
    let row = ResponseRow::of(response, case.map(|c| c.status), paradata.as_ref());
    writes.push(store.put(ROWS, &id, &row));
    for w in writes {
        w.await?;
    }
    let _ = store.delete(PARADATA, &draft_key(&response.survey.id)).await;
    Ok(())
}

/// Stores a visit that produced no questionnaire (refused, nobody home,
/// …) as a record of its own, with its row.
pub async fn visit_only(store: Store, record: &Response) -> Result<(), StoreError> {
    let (records, owned) = (store.records(), record.clone());
    store.track(async move { records.append_response(&owned).await }).await?;
    let row = ResponseRow::of(record, None, None);
    store.put(ROWS, &record.id.to_string(), &row).await
}
