//! Browser tests of the media store over the real IndexedDB: a photo Blob
//! written through `storage::media` is counted by the save state, read
//! back byte for byte by a fresh connection (what a reload does), and
//! deleted alone or with every media file of its response.
//! Run with `cargo test --target wasm32-unknown-unknown --test media`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use canvass::storage::media::{blob_bytes, delete_media, delete_media_of, media_blob, put_media, MediaMeta};
use canvass::storage::{Idb, Records, MEDIA};
use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Blob;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> Rc<Records<Idb>> {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let req = factory.delete_database(name).unwrap();
    let done = Promise::new(&mut |ok, _| req.set_onsuccess(Some(&ok)));
    JsFuture::from(done).await.unwrap();
    Records::new(Idb::open(name).await.unwrap())
}

fn blob(bytes: &[u8]) -> Blob {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/jpeg");
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap()
}

fn meta(response: &str, size: u64) -> MediaMeta {
    MediaMeta { response: response.into(), question: "photo".into(), mime: "image/jpeg".into(), size, name: "a.jpg".into() }
}

#[wasm_bindgen_test]
async fn a_blob_round_trips_and_is_counted_as_a_write() {
    let name = "canvass-test-media-1";
    let records = fresh(name).await;
    let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let before = records.save_state();
    let write = put_media(&records, "media/r1/photo-1.jpg", "s", &meta("r1", 5000), &blob(&bytes));
    assert_eq!(records.save_state().issued, before.issued + 1, "issued before awaiting");
    write.await.unwrap();
    assert!(records.save_state().is_saved());

    // A fresh connection (a reload) reads the same bytes and type.
    let again = Records::new(Idb::open(name).await.unwrap());
    let stored = media_blob(&again, "media/r1/photo-1.jpg").await.unwrap().expect("stored");
    assert_eq!(stored.type_(), "image/jpeg");
    assert_eq!(blob_bytes(&stored).await.unwrap(), bytes);
    // The metadata reads like any record (and so reaches backups).
    let meta_back: MediaMeta = again.get(MEDIA, "media/r1/photo-1.jpg").await.unwrap().expect("metadata");
    assert_eq!(meta_back.size, 5000);
    assert!(media_blob(&again, "media/r1/none.jpg").await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn deleting_one_or_all_of_a_response() {
    let records = fresh("canvass-test-media-2").await;
    for id in ["media/r1/photo-1.jpg", "media/r1/photo-2.jpg", "media/r10/photo-1.jpg", "media/r2/photo-1.jpg"] {
        let response = id.split('/').nth(1).unwrap();
        put_media(&records, id, "s", &meta(response, 1), &blob(&[1])).await.unwrap();
    }
    delete_media(&records, "media/r1/photo-2.jpg").await.unwrap();
    assert!(media_blob(&records, "media/r1/photo-2.jpg").await.unwrap().is_none());
    delete_media_of(&records, "r1").await.unwrap();
    assert!(media_blob(&records, "media/r1/photo-1.jpg").await.unwrap().is_none());
    // r10 shares the prefix "r1" but not "r1/": kept, as is r2.
    assert!(media_blob(&records, "media/r10/photo-1.jpg").await.unwrap().is_some());
    assert!(media_blob(&records, "media/r2/photo-1.jpg").await.unwrap().is_some());
}
