//! The store policy over a `Backend`: typed `put` / `get` / `delete` /
//! `all` for any kind, responses appended idempotently and marked when
//! exported, writes held in memory until their transaction completed (and
//! for ever if it failed), unreadable records quarantined and reported.
//!
//! `put` and `delete` issue their write before returning the future, so
//! writes reach storage in call order whether or not anyone awaits them.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use canvass_core::response::Response;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::backup::backup_document;
use super::kind::{Kind, KINDS, QUARANTINE, RESPONSES};
use super::legacy::{legacy_plan, quarantine_entry};
use super::pending::{Pending, SaveState};
use super::record::{decode, encode, Decoded, Envelope, Raw};
use super::seal::{is_sealed_text, session_of, Key, SealError, Sealing, Writer};
use super::{StoreError, StoreNotice};

/// Where records are kept. Every method returns a future that owns what
/// it needs; `put`, `delete` and `quarantine` issue their work before they
/// return. Errors are the storage's own reason (e.g. `QuotaExceededError:
/// …`).
pub trait Backend {
    /// Stores `records` in one transaction; resolves once it completed.
    fn put(
        &self,
        kind: Kind,
        records: &[Envelope],
    ) -> impl Future<Output = Result<(), String>> + 'static + use<Self>;
    fn delete(
        &self,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<(), String>> + 'static + use<Self>;
    fn get(
        &self,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<Option<Raw>, String>> + 'static + use<Self>;
    /// Every record of `kind`, or only those of `survey` (the index).
    fn all(
        &self,
        kind: Kind,
        survey: Option<&str>,
    ) -> impl Future<Output = Result<Vec<Raw>, String>> + 'static + use<Self>;
    /// How many records of `kind` carry the `done` mark of `survey`
    /// (completed responses to it).
    fn count_done(
        &self,
        kind: Kind,
        survey: &str,
    ) -> impl Future<Output = Result<u32, String>> + 'static + use<Self>;
    /// How many records of `kind` carry the `unexported` mark.
    fn count_unexported(
        &self,
        kind: Kind,
    ) -> impl Future<Output = Result<u32, String>> + 'static + use<Self>;
    /// Stores `entry` in `QUARANTINE` and deletes `kind`/`id`, atomically.
    fn quarantine(
        &self,
        kind: Kind,
        id: &str,
        entry: &Envelope,
    ) -> impl Future<Output = Result<(), String>> + 'static + use<Self>;
    /// Adds each record whose id is absent from its kind, in one transaction.
    fn add_absent(
        &self,
        records: &[(Kind, Envelope)],
    ) -> impl Future<Output = Result<(), String>> + 'static + use<Self>;
}

/// Derives the keys of sealing sessions (`epk`s) from the device's
/// private key, which the PIN unwrapped (WebCrypto ECDH in the browser,
/// `storage::at_rest`). A session whose key does not derive is left out.
pub trait Opener {
    #[allow(clippy::type_complexity)]
    fn derive(&self, epks: Vec<String>) -> Pin<Box<dyn Future<Output = Result<Vec<(String, Key)>, String>>>>;
}

/// Every record Canvass keeps, over `B`; `None` when storage could not be
/// opened (then every write fails and values live in memory only).
pub struct Records<B> {
    backend: Option<B>,
    unavailable: String,
    pending: RefCell<Pending>,
    notices: RefCell<Vec<StoreNotice>>,
    /// At-rest encryption (`seal.rs`): off unless a writer is set.
    /// Memory always holds plain values; only storage sees sealed ones.
    sealing: RefCell<Sealing>,
    /// Set after the PIN opened the device's private key.
    opener: RefCell<Option<Rc<dyn Opener>>>,
    /// A read met a sealed record it could not open (the PIN prompt shows).
    locked_hit: Cell<bool>,
}

impl<B: Backend + 'static> Records<B> {
    pub fn new(backend: B) -> Rc<Records<B>> {
        Rc::new(Records {
            backend: Some(backend),
            unavailable: String::new(),
            pending: RefCell::default(),
            notices: RefCell::default(),
            sealing: RefCell::default(),
            opener: RefCell::new(None),
            locked_hit: Cell::new(false),
        })
    }

    /// A store without storage: writes fail (and stay in memory) with `reason`.
    pub fn memory_only(reason: String) -> Rc<Records<B>> {
        Rc::new(Records {
            backend: None,
            notices: RefCell::new(vec![StoreNotice::Unavailable(reason.clone())]),
            unavailable: reason,
            pending: RefCell::default(),
            sealing: RefCell::default(),
            opener: RefCell::new(None),
            locked_hit: Cell::new(false),
        })
    }

    /// Turns sealing on for later writes (`Some`) or off (`None`).
    pub fn set_writer(&self, writer: Option<Writer>) {
        self.sealing.borrow_mut().writer = writer;
    }

    /// Sealing is on but no session key could be made: personal records
    /// are refused (kept in memory) with `why` instead of stored plain.
    pub fn refuse_sealed_writes(&self, why: String) {
        self.sealing.borrow_mut().refuse = Some(why);
    }

    /// Whether later writes are sealed.
    pub fn is_sealing(&self) -> bool {
        self.sealing.borrow().writer.is_some()
    }

    /// Lets reads open sealed records (after the PIN), or forgets every
    /// opening key (`None`: the phone is handed to a resident).
    pub fn set_opener(&self, opener: Option<Rc<dyn Opener>>) {
        if opener.is_none() {
            self.sealing.borrow_mut().ring.clear();
        }
        self.locked_hit.set(false);
        *self.opener.borrow_mut() = opener;
    }

    /// Whether sealed records can be opened now.
    pub fn is_open(&self) -> bool {
        self.opener.borrow().is_some()
    }

    /// Whether a read since the last `set_opener` met a record it could
    /// not open for lack of the PIN.
    pub fn met_locked(&self) -> bool {
        self.locked_hit.get()
    }

    /// Stores `value` as `kind`/`id`. Memory holds it from now on; the
    /// future resolves once the write's transaction completed.
    pub fn put<T: Serialize>(
        self: &Rc<Self>,
        kind: Kind,
        id: &str,
        value: &T,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        self.write(kind, vec![encode(kind, id, value)])
    }

    /// The backend, for writes the generic policy cannot express (media
    /// Blobs, `storage::media`); `None` in memory-only mode.
    pub fn backend(&self) -> Option<&B> {
        self.backend.as_ref()
    }

    /// Counts a write issued outside `put` (`issued`, already started) in
    /// the save state like any other: memory holds `env` until it settles,
    /// and for ever if it failed. `None` (no storage) fails with the reason.
    pub fn track_write(
        self: &Rc<Self>,
        kind: Kind,
        env: Envelope,
        issued: Option<impl Future<Output = Result<(), String>> + 'static>,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        self.settle_one(kind, env.id.clone(), Some(env), issued)
    }

    /// Holds `value` (`None`: a deletion) of `kind`/`id` in memory while
    /// `issued` (`None`: no storage) runs, then settles it in the save
    /// state: forgotten once stored, kept and reported when it failed.
    fn settle_one(
        self: &Rc<Self>,
        kind: Kind,
        id: String,
        value: Option<Envelope>,
        issued: Option<impl Future<Output = Result<(), String>> + 'static>,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        let seq = self.pending.borrow_mut().begin(kind, &id, value);
        let this = self.clone();
        async move {
            let result = match issued {
                Some(f) => f.await,
                None => Err(this.unavailable.clone()),
            };
            this.pending
                .borrow_mut()
                .finish(kind, &id, seq, result.clone());
            result.map_err(|reason| StoreError::WriteFailed {
                kind: kind.name,
                id,
                reason,
            })
        }
    }

    /// Deletes `kind`/`id` (memory and storage in the same turn).
    pub fn delete(
        self: &Rc<Self>,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        let issued = self.backend.as_ref().map(|b| b.delete(kind, id));
        self.settle_one(kind, id.to_owned(), None, issued)
    }

    /// The value of `kind`/`id`; an unreadable record is quarantined and
    /// reported and reads as absent.
    pub async fn get<T: DeserializeOwned>(
        &self,
        kind: Kind,
        id: &str,
    ) -> Result<Option<T>, StoreError> {
        let memory = self.pending.borrow().get(kind, id).map(|v| v.cloned());
        let raw = match memory {
            Some(None) => return Ok(None),
            Some(Some(env)) => Some(Raw::Good(env)),
            None => match &self.backend {
                Some(b) => {
                    let raw = b
                        .get(kind, id)
                        .await
                        .map_err(|reason| read_failed(kind, reason))?;
                    self.open_all(kind, raw.into_iter().collect())
                        .await?
                        .pop()
                }
                None => None,
            },
        };
        match raw {
            Some(raw) => Ok(self.accept(kind, raw).await.map(|(_, t)| t)),
            None => Ok(None),
        }
    }

    /// Every readable record of `kind`, by id; unreadable ones are
    /// quarantined and reported, the rest still load.
    pub async fn all<T: DeserializeOwned>(
        &self,
        kind: Kind,
    ) -> Result<Vec<(String, T)>, StoreError> {
        self.read_all(kind, None).await
    }

    /// Every readable record of `kind` as its JSON text at the kind's
    /// version (`record::current_text`): for a caller that parses the
    /// text itself, once. Unreadable and too new records are handled as
    /// by `all`. The ids of records stored at an older version (migrated
    /// here) come second, for the caller to write back.
    pub async fn all_texts(
        &self,
        kind: Kind,
    ) -> Result<(Vec<(String, String)>, Vec<String>), StoreError> {
        let by_id = self.current(kind, None).await?;
        let mut out = Vec::with_capacity(by_id.len());
        let mut older = Vec::new();
        for raw in by_id.into_values() {
            if matches!(&raw, Raw::Good(e) if e.v < kind.version) {
                older.push(raw.id().to_owned());
            }
            if let Some(pair) = self
                .accept_with(kind, raw, super::record::current_text)
                .await
            {
                out.push(pair);
            }
        }
        Ok((out, older))
    }

    /// The completed responses to `survey`, in id order.
    pub async fn responses_of(&self, survey: &str) -> Result<Vec<Response>, StoreError> {
        let list = self.read_all::<Response>(RESPONSES, Some(survey)).await?;
        Ok(list.into_iter().map(|(_, r)| r).collect())
    }

    /// Stores a completed response, unexported. Idempotent by response id:
    /// when the same response is already stored, nothing is written (so a
    /// retry never duplicates it nor clears its exported mark).
    pub async fn append_response(self: &Rc<Self>, response: &Response) -> Result<(), StoreError> {
        let id = response.id.to_string();
        // Sealed and no PIN (a completion in respondent mode after a
        // reload): the response is new — a retry within the session is
        // answered from memory, which holds it until it is stored.
        let stored = match self.get::<Response>(RESPONSES, &id).await {
            Err(StoreError::Locked { .. }) => None,
            other => other?,
        };
        if stored.as_ref() == Some(response) {
            return Ok(());
        }
        self.put(RESPONSES, &id, response).await
    }

    /// Marks responses as exported (they leave the unexported count and
    /// later backups), in one transaction.
    pub async fn mark_exported(self: &Rc<Self>, ids: &[String]) -> Result<(), StoreError> {
        let mut records = Vec::new();
        for id in ids {
            if let Some(response) = self.get::<Response>(RESPONSES, id).await? {
                let mut env = encode(RESPONSES, id, &response);
                env.unexported = false;
                records.push(env);
            }
        }
        self.write(RESPONSES, records).await
    }

    /// How many stored responses are not yet exported (those held only in
    /// memory after a failed write included).
    pub async fn unexported_count(&self) -> Result<u32, StoreError> {
        let stored = self.backend.as_ref().map(|b| b.count_unexported(RESPONSES));
        self.response_count(stored, |e| e.unexported).await
    }

    /// How many completed responses to `survey` are stored (those held
    /// only in memory after a failed write included), counted by the
    /// `done` index without reading them.
    pub async fn completed_count(&self, survey: &str) -> Result<u32, StoreError> {
        let stored = self
            .backend
            .as_ref()
            .map(|b| b.count_done(RESPONSES, survey));
        self.response_count(stored, |e| e.done && e.survey.as_deref() == Some(survey))
            .await
    }

    /// A count of stored responses (`None`: no storage) plus the responses
    /// held only in memory after a failed write that `keep` accepts.
    async fn response_count(
        &self,
        stored: Option<impl Future<Output = Result<u32, String>>>,
        keep: impl Fn(&Envelope) -> bool,
    ) -> Result<u32, StoreError> {
        let stored = match stored {
            Some(count) => count.await.map_err(|r| read_failed(RESPONSES, r))?,
            None => 0,
        };
        let memory = self
            .pending
            .borrow()
            .unsaved_values()
            .iter()
            .filter(|(k, e)| *k == RESPONSES.name && keep(e))
            .count() as u32;
        Ok(stored + memory)
    }

    /// The backup document (see `backup_document`): every kind read raw,
    /// exported responses left out, memory's values over storage's.
    pub async fn backup_json(&self, created_at: &str) -> String {
        let mut groups = Vec::new();
        let mut errors = Vec::new();
        for &kind in KINDS {
            let mut by_id: BTreeMap<String, Envelope> = BTreeMap::new();
            if let Some(b) = &self.backend {
                match b.all(kind, None).await {
                    Ok(list) => {
                        for raw in list {
                            let env = match raw {
                                Raw::Good(mut env) => {
                                    // Opened when the PIN was given; else kept sealed.
                                    if is_sealed_text(&env.data) {
                                        let ring = &self.sealing.borrow().ring;
                                        if let Ok(plain) = ring.open(kind, &env.id, &env.data) {
                                            env.data = plain;
                                        }
                                    }
                                    env
                                }
                                Raw::Bad { id, raw, .. } => Envelope {
                                    id,
                                    v: 0,
                                    data: raw,
                                    survey: None,
                                    unexported: true,
                                    done: false,
                                },
                            };
                            by_id.insert(env.id.clone(), env);
                        }
                    }
                    Err(e) => errors.push(format!("{}: {e}", kind.name)),
                }
            }
            for (id, value) in self.pending.borrow().of_kind(kind) {
                match value {
                    Some(env) => by_id.insert(id.to_owned(), env.clone()),
                    None => by_id.remove(id),
                };
            }
            let keep = by_id
                .into_values()
                .filter(|e| kind != RESPONSES || e.unexported)
                .collect();
            groups.push((kind.name, keep));
        }
        backup_document(created_at, &groups, &errors)
    }

    /// Moves the localStorage values of the skeleton (`(key, value)`) into
    /// records; returns the keys to delete now that the records are stored.
    pub async fn migrate_legacy(
        &self,
        entries: &[(String, String)],
    ) -> Result<Vec<String>, StoreError> {
        let plan = legacy_plan(entries);
        if plan.records.is_empty() {
            return Ok(plan.remove);
        }
        let Some(b) = &self.backend else {
            return Err(StoreError::OpenFailed {
                reason: self.unavailable.clone(),
            });
        };
        b.add_absent(&plan.records)
            .await
            .map_err(|reason| StoreError::WriteFailed {
                kind: "legacy",
                id: "localStorage".into(),
                reason,
            })?;
        self.notices.borrow_mut().extend(plan.notices);
        Ok(plan.remove)
    }

    /// Writes every readable record of `kinds` again as it is now (same
    /// marks and version), sealed or plain as sealing now says: turning
    /// at-rest encryption on or off. Returns how many were written.
    pub async fn rewrite_all(self: &Rc<Self>, kinds: &[Kind]) -> Result<usize, StoreError> {
        let mut n = 0;
        for &kind in kinds {
            let envs: Vec<Envelope> = self
                .current(kind, None)
                .await?
                .into_values()
                .filter_map(|raw| match raw {
                    Raw::Good(env) => Some(env),
                    Raw::Bad { .. } => None,
                })
                .collect();
            n += envs.len();
            self.write(kind, envs).await?;
        }
        Ok(n)
    }

    /// Writes issued and settled, and why something is unsaved.
    pub fn save_state(&self) -> SaveState {
        self.pending.borrow().state()
    }

    /// Records whose latest write failed: "kind/id: reason".
    pub fn unsaved(&self) -> Vec<String> {
        self.pending
            .borrow()
            .unsaved()
            .into_iter()
            .map(|(k, id, why)| format!("{k}/{id}: {why}"))
            .collect()
    }

    /// Adds a notice for the banner.
    pub fn report(&self, notice: StoreNotice) {
        self.notices.borrow_mut().push(notice);
    }

    /// Moves `kind`/`id` to the quarantine because the app cannot use it
    /// (e.g. a stored survey that no longer loads), and reports it.
    pub async fn set_aside(&self, kind: Kind, id: &str, reason: &str) {
        let raw = match &self.backend {
            Some(b) => b.get(kind, id).await.ok().flatten(),
            None => None,
        };
        let text = match raw {
            Some(Raw::Good(env)) => env.data,
            Some(Raw::Bad { raw, .. }) => raw,
            None => return,
        };
        self.quarantine(kind, id, &text, reason).await;
    }

    /// Notices since the last call.
    pub fn take_notices(&self) -> Vec<StoreNotice> {
        std::mem::take(&mut self.notices.borrow_mut())
    }

    fn write(
        self: &Rc<Self>,
        kind: Kind,
        records: Vec<Envelope>,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        let seqs: Vec<(String, u64)> = {
            let mut pending = self.pending.borrow_mut();
            records
                .iter()
                .map(|r| (r.id.clone(), pending.begin(kind, &r.id, Some(r.clone()))))
                .collect()
        };
        // Memory keeps the plain values; storage gets them sealed.
        let stored: Result<Vec<Envelope>, String> = {
            let mut sealing = self.sealing.borrow_mut();
            records
                .iter()
                .map(|r| match sealing.seal(kind, &r.id, &r.data)? {
                    Some(data) => Ok(Envelope { data, ..r.clone() }),
                    None => Ok(r.clone()),
                })
                .collect()
        };
        let issued = match (&self.backend, records.is_empty(), stored) {
            (_, true, _) => None,
            (_, false, Err(why)) => Some(Err(why)),
            (Some(b), false, Ok(stored)) => Some(Ok(b.put(kind, &stored))),
            (None, false, _) => Some(Err(self.unavailable.clone())),
        };
        let this = self.clone();
        async move {
            let result = match issued {
                None => Ok(()),
                Some(Ok(f)) => f.await,
                Some(Err(e)) => Err(e),
            };
            let mut pending = this.pending.borrow_mut();
            for (id, seq) in &seqs {
                pending.finish(kind, id, *seq, result.clone());
            }
            let id = seqs.first().map(|(id, _)| id.clone()).unwrap_or_default();
            result.map_err(|reason| StoreError::WriteFailed {
                kind: kind.name,
                id,
                reason,
            })
        }
    }

    async fn read_all<T: DeserializeOwned>(
        &self,
        kind: Kind,
        survey: Option<&str>,
    ) -> Result<Vec<(String, T)>, StoreError> {
        let by_id = self.current(kind, survey).await?;
        let mut out = Vec::with_capacity(by_id.len());
        for raw in by_id.into_values() {
            if let Some(pair) = self.accept(kind, raw).await {
                out.push(pair);
            }
        }
        Ok(out)
    }

    /// The records of `kind` (of `survey` only, when given) as they are
    /// now, by id: what storage holds, overlaid with what memory holds
    /// (writes in flight or failed, pending deletions).
    async fn current(
        &self,
        kind: Kind,
        survey: Option<&str>,
    ) -> Result<BTreeMap<String, Raw>, StoreError> {
        let stored = match &self.backend {
            Some(b) => b
                .all(kind, survey)
                .await
                .map_err(|reason| read_failed(kind, reason))?,
            None => Vec::new(),
        };
        let stored = self.open_all(kind, stored).await?;
        // `map_of`, not `collect`: no sort instantiation (docs/SIZE.md).
        let mut by_id: BTreeMap<String, Raw> =
            canvass_core::small_sort::map_of(stored.into_iter().map(|r| (r.id().to_owned(), r)));
        for (id, value) in self.pending.borrow().of_kind(kind) {
            match value {
                Some(env) if survey.is_none() || env.survey.as_deref() == survey => {
                    by_id.insert(id.to_owned(), Raw::Good(env.clone()))
                }
                _ => by_id.remove(id),
            };
        }
        Ok(by_id)
    }

    /// `raws` of `kind` with every sealed record opened: the keys of their
    /// sessions are derived first when the PIN was given. A record that is
    /// malformed or does not decrypt becomes `Raw::Bad` (quarantined by the
    /// caller, verbatim); any record without a key makes the whole read
    /// `Locked`, so nothing is mistaken for damage.
    async fn open_all(&self, kind: Kind, raws: Vec<Raw>) -> Result<Vec<Raw>, StoreError> {
        let sealed = |r: &Raw| matches!(r, Raw::Good(e) if is_sealed_text(&e.data));
        if !raws.iter().any(sealed) {
            return Ok(raws);
        }
        let missing: BTreeSet<String> = {
            let ring = &self.sealing.borrow().ring;
            canvass_core::small_sort::set_of(
                raws.iter()
                    .filter(|r| sealed(r))
                    .filter_map(|r| match r {
                        Raw::Good(e) => session_of(&e.data),
                        Raw::Bad { .. } => None,
                    })
                    .filter(|epk| !ring.has(epk))
                    .map(str::to_owned),
            )
        };
        let opener = self.opener.borrow().clone();
        match (missing.is_empty(), opener) {
            (true, _) => {}
            (false, Some(opener)) => {
                let keys = opener
                    .derive(missing.into_iter().collect())
                    .await
                    .map_err(|reason| read_failed(kind, reason))?;
                let ring = &mut self.sealing.borrow_mut().ring;
                for (epk, key) in keys {
                    ring.insert(epk, key);
                }
            }
            (false, None) => {
                self.locked_hit.set(true);
                return Err(StoreError::Locked { kind: kind.name });
            }
        }
        let ring = &self.sealing.borrow().ring;
        Ok(raws
            .into_iter()
            .map(|raw| match raw {
                Raw::Good(mut env) if is_sealed_text(&env.data) => {
                    match ring.open(kind, &env.id, &env.data) {
                        Ok(plain) => {
                            env.data = plain;
                            Raw::Good(env)
                        }
                        Err(e) => {
                            let reason = match e {
                                SealError::Locked { at } => {
                                    format!("{at}: its session key does not derive")
                                }
                                other => other.to_string(),
                            };
                            Raw::Bad {
                                id: env.id,
                                raw: env.data,
                                reason,
                            }
                        }
                    }
                }
                other => other,
            })
            .collect())
    }

    /// Decodes a record read back, quarantining it when it is unreadable.
    async fn accept<T: DeserializeOwned>(&self, kind: Kind, raw: Raw) -> Option<(String, T)> {
        self.accept_with(kind, raw, decode::<T>).await
    }

    /// `accept` with the decoding given.
    async fn accept_with<T>(
        &self,
        kind: Kind,
        raw: Raw,
        decode: fn(Kind, &Envelope) -> Decoded<T>,
    ) -> Option<(String, T)> {
        let (id, text, reason) = match raw {
            Raw::Good(env) => match decode(kind, &env) {
                Decoded::Ok(t) => return Some((env.id, t)),
                Decoded::TooNew(version) => {
                    let key = format!("{}/{}", kind.name, env.id);
                    self.notices
                        .borrow_mut()
                        .push(StoreNotice::TooNew { key, version });
                    return None;
                }
                Decoded::Corrupt(reason) => (env.id, env.data, reason),
            },
            Raw::Bad { id, raw, reason } => (id, raw, reason),
        };
        self.quarantine(kind, &id, &text, &reason).await;
        None
    }

    /// Moves an unreadable record of `kind` into `QUARANTINE`, verbatim
    /// with the reason, and reports it. The slot's name holds a hash of
    /// the text, so the same bad record quarantined twice is stored once
    /// and two different ones never overwrite each other.
    async fn quarantine(&self, kind: Kind, id: &str, raw: &str, reason: &str) {
        let key = format!("{}/{id}", kind.name);
        let slot = format!("{key}/{:016x}", fnv1a(raw));
        let entry = encode(
            QUARANTINE,
            &slot,
            &quarantine_entry(kind.name, id, raw, reason),
        );
        let result = match &self.backend {
            Some(b) => b.quarantine(kind, id, &entry).await,
            None => Err(self.unavailable.clone()),
        };
        let notice = match result {
            Ok(()) => StoreNotice::Quarantined {
                key,
                moved_to: format!("quarantine/{slot}"),
                reason: reason.to_owned(),
            },
            Err(error) => StoreNotice::QuarantineFailed {
                key,
                reason: reason.to_owned(),
                error,
            },
        };
        self.notices.borrow_mut().push(notice);
    }
}

fn read_failed(kind: Kind, reason: String) -> StoreError {
    StoreError::ReadFailed {
        kind: kind.name,
        reason,
    }
}

/// FNV-1a, 64 bits: a stable name for a quarantined text.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
#[path = "records_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "records_seal_tests.rs"]
mod seal_tests;
