//! The field records over the app's record store: list rows (`ROWS`),
//! follow-up cases (`FOLLOWUPS`) and paradata (`PARADATA`), all keyed by
//! response id (a draft's paradata by `draft:<survey>`), and the
//! bookkeeping done when a response is completed or a visit recorded
//! without one. Writes go through `Store::put`, so the save indicator
//! only says "saved" once IndexedDB confirmed.

use canvass_core::followup::{FollowUpCase, DEFAULT_DUE_DAYS};
use std::cell::RefCell;
use std::rc::Rc;

use canvass_core::listing::{ResponseRow, RowChunks};
use canvass_core::paradata::Paradata;
use canvass_core::response::Response;
use canvass_core::LoadedSurvey;

use crate::context::Store;
use crate::storage::{Draft, StoreError, DRAFTS, FOLLOWUPS, PARADATA, ROWS};

thread_local! {
    /// The list rows, read once per session and kept: every row change
    /// goes through here, so the copy and storage agree (chunks: see
    /// `listing::RowChunks`).
    static ROWS_CACHE: RefCell<Option<Rc<RowChunks>>> = const { RefCell::new(None) };
}

/// A `performance.mark` (tests/perf/list.mjs reads them to say where the
/// list's opening time goes).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Reads the row chunks into the session copy (once). An unreadable chunk
/// is moved to the quarantine and reported; the others still load.
async fn ensure_rows(store: Store) -> Result<(), StoreError> {
    if ROWS_CACHE.with(|c| c.borrow().is_some()) {
        return Ok(());
    }
    let records = store.records();
    mark("cv-rows-start");
    // The chunks' texts, parsed once by `RowChunks::decode`.
    let (stored, older) = records.all_texts(ROWS).await?;
    mark("cv-rows-read");
    let (loose, stored): (Vec<_>, Vec<_>) =
        stored.into_iter().partition(|(key, _)| key.starts_with(LOOSE));
    let (mut chunks, errors) = RowChunks::decode(stored);
    mark("cv-rows-decoded");
    for (key, why) in errors {
        records.set_aside(ROWS, &key, &why).await;
    }
    // Rows stored on their own while the list was sealed and the PIN not
    // given: merged into the chunks, then removed.
    let mut changed = std::collections::BTreeSet::new();
    for (key, text) in &loose {
        match serde_json::from_str::<Vec<ResponseRow>>(text) {
            Ok(rows) => changed.extend(rows.into_iter().map(|r| chunks.upsert(r))),
            Err(e) => records.set_aside(ROWS, key, &format!("list row {key}: {e}")).await,
        }
    }
    let writes: Vec<_> = changed
        .into_iter()
        .map(|c| store.put(ROWS, &chunks.key(c), &chunks.chunk(c).to_vec()))
        .collect();
    // The loose rows go only once the chunks holding them are stored.
    leptos::task::spawn_local(async move {
        for w in writes {
            if w.await.is_err() {
                return;
            }
        }
        for (key, _) in loose {
            let _ = store.delete(ROWS, &key).await;
        }
    });
    // Chunks of an older record version were migrated on reading: store
    // them at the current version once, so later opens parse them once.
    for c in 0..chunks.chunks.len() {
        let key = chunks.key(c);
        if older.contains(&key) {
            store.put_soon(ROWS, &key, &chunks.chunk(c).to_vec());
        }
    }
    store.refresh();
    ROWS_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(Rc::new(chunks));
        }
    });
    Ok(())
}

/// Applies `change` to the session rows and stores the chunk it changed.
async fn change_rows(
    store: Store,
    change: impl FnOnce(&mut RowChunks) -> Option<usize>,
) -> Result<(), StoreError> {
    ensure_rows(store).await?;
    let write = ROWS_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        // Copies only when a page still holds the previous rows.
        let chunks = Rc::make_mut(c.as_mut().expect("rows were read"));
        change(chunks).map(|i| store.put(ROWS, &chunks.key(i), &chunks.chunk(i).to_vec()))
    });
    match write {
        Some(w) => w.await,
        None => Ok(()),
    }
}

/// The key prefix of a row stored on its own (`put_row` while locked).
const LOOSE: &str = "row:";

/// Stores (or replaces) one list row. While the rows are sealed and the
/// PIN has not been given (a completion in respondent mode after a
/// reload), the row is stored on its own, sealed, and merged into the
/// chunks the next time the list is opened with the PIN.
pub async fn put_row(store: Store, row: ResponseRow) -> Result<(), StoreError> {
    if let Err(StoreError::Locked { .. }) = ensure_rows(store).await {
        let key = format!("{LOOSE}{}", row.id);
        return store.put(ROWS, &key, &vec![row]).await;
    }
    change_rows(store, move |c| Some(c.upsert(row))).await
}

/// The paradata key of the draft of `survey`.
pub fn draft_key(survey: &str) -> String {
    format!("draft:{survey}")
}

/// The list's rows: the stored ones (shared, not copied) in stored order,
/// and the drafts being filled (one per survey, read fresh).
#[derive(Clone, Default)]
pub struct ListRows {
    pub stored: Rc<RowChunks>,
    pub drafts: Vec<ResponseRow>,
}

/// Every list row.
pub async fn rows(store: Store) -> Result<ListRows, StoreError> {
    // A sealed list without the PIN: the refresh shows the PIN prompt.
    ensure_rows(store).await.inspect_err(|_| store.refresh())?;
    let drafts: Vec<(String, Draft)> = store.records().all(DRAFTS).await?;
    let stored = ROWS_CACHE.with(|c| c.borrow().clone().unwrap_or_default());
    Ok(ListRows {
        stored,
        drafts: drafts
            .iter()
            .map(|(_, d)| ResponseRow::of(&d.response, None, None))
            .collect(),
    })
}

/// Every follow-up case, in due-date order.
pub async fn follow_ups(store: Store) -> Result<Vec<FollowUpCase>, StoreError> {
    let mut cases: Vec<FollowUpCase> = store
        .records()
        .all(FOLLOWUPS)
        .await
        .inspect_err(|_| store.refresh())?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    cases.sort_by(|a, b| {
        (a.due.is_none(), &a.due, &a.created_at).cmp(&(b.due.is_none(), &b.due, &b.created_at))
    });
    Ok(cases)
}

/// Stores a case and refreshes its row's follow-up status.
pub async fn save_case(store: Store, case: &FollowUpCase) -> Result<(), StoreError> {
    let id = case.response.to_string();
    let write = store.put(FOLLOWUPS, &id, case);
    let (response, status) = (case.response, case.status);
    change_rows(store, move |c| c.set_follow_up(response, status)).await?;
    write.await
}

/// The draft paradata of `survey`, if any.
pub async fn draft_paradata(store: Store, survey: &str) -> Option<Paradata> {
    store
        .records()
        .get(PARADATA, &draft_key(survey))
        .await
        .ok()
        .flatten()
}

pub fn save_draft_paradata(store: Store, survey: &str, p: &Paradata) {
    store.put_soon(PARADATA, &draft_key(survey), p);
}

/// Everything that follows a stored completion: the paradata moves to the
/// response, the list row is written, and a flagged response opens its
/// follow-up case (responsible person: the interviewer).
pub async fn completed(
    store: Store,
    loaded: &LoadedSurvey,
    response: &Response,
    paradata: Option<Paradata>,
) -> Result<(), StoreError> {
    let id = response.id.to_string();
    // Each write is issued at once; awaiting them in turn only collects
    // the outcomes.
    let para = paradata.as_ref().map(|p| store.put(PARADATA, &id, p));
    let assignee = response.visit.as_ref().and_then(|v| v.interviewer.clone());
    let case = FollowUpCase::open(
        response,
        loaded.contact.as_ref(),
        assignee,
        DEFAULT_DUE_DAYS,
    );
    let case_write = case.as_ref().map(|c| store.put(FOLLOWUPS, &id, c));
    let row = ResponseRow::of(response, case.map(|c| c.status), paradata.as_ref());
    let row_write = put_row(store, row);
    if let Some(w) = para {
        w.await?;
    }
    if let Some(w) = case_write {
        w.await?;
    }
    row_write.await?;
    let _ = store
        .delete(PARADATA, &draft_key(&response.survey.id))
        .await;
    Ok(())
}

/// Stores a visit that produced no questionnaire (refused, nobody home,
/// …) as a record of its own, with its row.
pub async fn visit_only(store: Store, record: &Response) -> Result<(), StoreError> {
    let (records, owned) = (store.records(), record.clone());
    store
        .track(async move { records.append_response(&owned).await })
        .await?;
    put_row(store, ResponseRow::of(record, None, None)).await
}

/// `export` with the stored paradata and follow-up cases of its responses
/// (docs/EXPORT.md). A kind that cannot be read is left out rather than
/// stopping the export; the store reports the read problem.
pub async fn with_field_data(
    store: Store,
    export: canvass_core::export::Export,
) -> canvass_core::export::Export {
    let records = store.records();
    fn by_id<T>(list: Vec<(String, T)>) -> Vec<(uuid::Uuid, T)> {
        list.into_iter()
            .filter_map(|(id, v)| uuid::Uuid::parse_str(&id).ok().map(|id| (id, v)))
            .collect()
    }
    let paradata: Vec<(uuid::Uuid, Paradata)> =
        by_id(records.all(PARADATA).await.unwrap_or_default());
    let cases: Vec<(uuid::Uuid, FollowUpCase)> =
        by_id(records.all(FOLLOWUPS).await.unwrap_or_default());
    export.with_field_data(paradata, cases)
}
