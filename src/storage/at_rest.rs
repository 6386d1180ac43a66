//! Turning at-rest encryption on and off, and opening it with the PIN:
//! the browser half of `seal.rs`. The key work is WebCrypto's
//! (`at_rest.js`: PBKDF2, ECDH P-256, HKDF, AES-GCM key wrapping), so no
//! elliptic-curve code is compiled into the wasm bundle.
//!
//! The configuration (the device's public key and its private key wrapped
//! under the PIN, as the JSON text `at_rest.js` writes and reads:
//! `{format: "canvass-at-rest", version, kdf, iterations, salt, iv,
//! wrapped, public}`, base64 fields) is a `SETTINGS` record, stored and
//! mirrored with the data it opens: a cleared localStorage (which holds
//! the PIN hash) cannot separate the records from their key. Rust keeps
//! it as text (no struct and no serde code for it in the bundle).

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::idb::js_reason;
use super::kind::SETTINGS;
use super::records::{Opener, Records};
use super::seal::{Key, Writer, SEALED_KINDS};
use super::{Idb, StoreError};

#[wasm_bindgen(module = "/src/storage/at_rest.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn create(pin: &str, iterations: u32) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn unlock(config: &str, pin: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn rewrap(config: &str, old_pin: &str, new_pin: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = lock)]
    fn js_lock();
    #[wasm_bindgen(catch)]
    fn writer(config: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn derive(epks: Array) -> Result<Promise, JsValue>;
}

/// The `SETTINGS` id of the configuration.
pub const CONFIG_ID: &str = "at-rest";

/// PBKDF2 iterations for the key that wraps the private key: OWASP's
/// 600,000 for PBKDF2-HMAC-SHA256. Typed once per unlock, so the cost
/// (about 0.3–1 s on a phone) is paid rarely.
pub const ITERATIONS: u32 = 600_000;


/// Why encryption could not be turned on, off or opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AtRestError {
    #[error("wrong PIN")]
    WrongPin,
    #[error("encryption (WebCrypto): {0}")]
    Crypto(String),
    #[error("encryption settings ({CONFIG_ID}): {0}")]
    Config(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn crypto_err(e: JsValue) -> AtRestError {
    let reason = js_reason(&e);
    if reason.ends_with("wrong PIN") {
        AtRestError::WrongPin
    } else {
        AtRestError::Crypto(reason)
    }
}

async fn call(p: Result<Promise, JsValue>) -> Result<JsValue, AtRestError> {
    JsFuture::from(p.map_err(crypto_err)?)
        .await
        .map_err(crypto_err)
}

fn key_of(bytes: JsValue) -> Option<Key> {
    Uint8Array::new(&bytes).to_vec().try_into().ok()
}

/// Derives session keys with the private key `unlock` opened.
struct WebOpener;

impl Opener for WebOpener {
    fn derive(
        &self,
        epks: Vec<String>,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<(String, Key)>, String>>>> {
        let list: Array = epks.iter().map(|e| JsValue::from_str(e)).collect();
        let started = derive(list);
        Box::pin(async move {
            let out = JsFuture::from(started.map_err(|e| js_reason(&e))?)
                .await
                .map_err(|e| js_reason(&e))?;
            Ok(Array::from(&out)
                .iter()
                .filter_map(|pair| {
                    let pair = Array::from(&pair);
                    Some((pair.get(0).as_string()?, key_of(pair.get(1))?))
                })
                .collect())
        })
    }
}

/// The stored configuration's JSON text (nothing in it opens a record
/// without the PIN), if encryption is on.
pub async fn config(records: &Records<Idb>) -> Result<Option<String>, StoreError> {
    records.get::<String>(SETTINGS, CONFIG_ID).await
}

/// This session's writer for the device public key in `config`.
async fn new_writer(config: &str) -> Result<Writer, AtRestError> {
    let pair = Array::from(&call(writer(config)).await?);
    let epk = pair.get(0).as_string();
    match (epk, key_of(pair.get(1))) {
        (Some(epk), Some(key)) => Ok(Writer::new(epk, &key)),
        _ => Err(AtRestError::Crypto("no session key".into())),
    }
}

/// At start: when encryption is on, every write of this session is
/// sealed. If the session key cannot be made, writes are refused (and
/// stay in memory, with the backup offered) rather than stored in the
/// clear.
pub async fn start(records: &Records<Idb>) -> Result<bool, AtRestError> {
    let config = match config(records).await {
        Ok(Some(c)) => c,
        Ok(None) => return Ok(false),
        Err(e) => {
            records.refuse_sealed_writes(format!("encryption settings unreadable: {e}"));
            return Err(e.into());
        }
    };
    match new_writer(&config).await {
        Ok(w) => {
            records.set_writer(Some(w));
            Ok(true)
        }
        Err(e) => {
            records.refuse_sealed_writes(format!("no encryption key this session: {e}"));
            Err(e)
        }
    }
}

/// Opens sealed records for this page with `pin`.
pub async fn open(records: &Records<Idb>, pin: &str) -> Result<(), AtRestError> {
    let config = config(records).await?.ok_or_else(|| AtRestError::Config("encryption is off".into()))?;
    call(unlock(&config, pin)).await?;
    records.set_opener(Some(Rc::new(WebOpener)));
    Ok(())
}

/// Forgets the private key and every opened key (the phone is handed
/// over); writes stay sealed.
pub fn close(records: &Records<Idb>) {
    js_lock();
    records.set_opener(None);
}

/// Turns encryption on under `pin`: stores the configuration first, then
/// rewrites every personal record sealed. Returns how many were sealed.
pub async fn turn_on(records: &Rc<Records<Idb>>, pin: &str) -> Result<usize, AtRestError> {
    if config(records).await?.is_some() {
        return Err(AtRestError::Config("encryption is already on".into()));
    }
    let config = call(create(pin, ITERATIONS))
        .await?
        .as_string()
        .ok_or_else(|| AtRestError::Crypto("no configuration".into()))?;
    records.put(SETTINGS, CONFIG_ID, &config).await?;
    records.set_writer(Some(new_writer(&config).await?));
    records.set_opener(Some(Rc::new(WebOpener)));
    Ok(records.rewrite_all(&SEALED_KINDS).await?)
}

/// Turns encryption off with `pin`: every record is rewritten in the
/// clear before the configuration is deleted, so a failure half way
/// leaves every sealed record still openable.
pub async fn turn_off(records: &Rc<Records<Idb>>, pin: &str) -> Result<usize, AtRestError> {
    open(records, pin).await?;
    records.set_writer(None);
    let n = records.rewrite_all(&SEALED_KINDS).await?;
    records.delete(SETTINGS, CONFIG_ID).await?;
    close(records);
    Ok(n)
}

/// Wraps the private key under `new_pin` (the PIN is being changed).
pub async fn change_pin(records: &Rc<Records<Idb>>, old_pin: &str, new_pin: &str) -> Result<(), AtRestError> {
    let config = config(records).await?.ok_or_else(|| AtRestError::Config("encryption is off".into()))?;
    let next = call(rewrap(&config, old_pin, new_pin))
        .await?
        .as_string()
        .ok_or_else(|| AtRestError::Crypto("no configuration".into()))?;
    Ok(records.put(SETTINGS, CONFIG_ID, &next).await?)
}
