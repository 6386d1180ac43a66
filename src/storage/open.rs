//! Opening the browser's store at start: IndexedDB, then the skeleton's
//! localStorage values moved in (their keys deleted only once the records
//! are stored). A database that opens new gets the mirrored records back
//! (src/storage/mirror.rs). When IndexedDB cannot be opened the app still starts, with
//! every write failing into memory and the banner offering a backup.

use std::rc::Rc;

use super::idb::{Idb, DB_NAME};
use super::records::Records;
use super::{local, StoreNotice};

/// The app's store, opened and migrated.
pub async fn open_browser_store() -> Rc<Records<Idb>> {
    let idb = match Idb::open(DB_NAME).await {
        Ok(idb) => idb,
        Err(reason) => return Records::memory_only(format!("IndexedDB: {reason}")),
    };
    let (lost, restored) = (idb.lost().map(str::to_owned), idb.restored());
    let records = Records::new(idb);
    // At-rest encryption on: this session seals with a key of its own.
    if let Err(e) = super::at_rest::start(&records).await {
        records.report(StoreNotice::Unavailable(e.to_string()));
    }
    let entries = local::legacy_entries();
    if !entries.is_empty() {
        match records.migrate_legacy(&entries).await {
            Ok(done) => local::remove(&done),
            // The old keys stay: the next start tries again.
            Err(e) => records.report(StoreNotice::Unavailable(e.to_string())),
        }
    }
    // A database the browser reset, or one deleted under the app, got its
    // drafts and unexported responses back from the mirror at open.
    if lost.is_some() || restored > 0 {
        records.report(StoreNotice::Reset {
            message: lost,
            restored,
        });
    }
    records
}
