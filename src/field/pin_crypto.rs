//! PBKDF2-SHA256 of the PIN with the browser's WebCrypto (SubtleCrypto):
//! no hashing code in the wasm bundle. Called through `js_sys::Reflect`
//! so no extra web-sys bindings are compiled in either.

use canvass_core::pin::{PinRecord, HASH_BYTES, ITERATIONS, SALT_BYTES};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the PIN could not be hashed or checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PinCryptoError {
    #[error("PIN hashing (WebCrypto): {0}")]
    Crypto(String),
    #[error("{0}")]
    Record(#[from] canvass_core::pin::PinError),
}

fn js_err(e: JsValue) -> PinCryptoError {
    PinCryptoError::Crypto(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}")),
    )
}

fn call(target: &JsValue, name: &str, args: &Array) -> Result<Promise, PinCryptoError> {
    let f: Function = Reflect::get(target, &name.into())
        .map_err(js_err)?
        .dyn_into()
        .map_err(|_| {
            PinCryptoError::Crypto(format!("{name} is missing (needs https or localhost)"))
        })?;
    f.apply(target, args)
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)
}

fn crypto() -> Result<web_sys::Crypto, PinCryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or_else(|| PinCryptoError::Crypto("window.crypto is missing".into()))
}

/// PBKDF2-SHA256(pin, salt, iterations) → 32 bytes.
pub async fn derive(pin: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, PinCryptoError> {
    let crypto: JsValue = crypto()?.into();
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(js_err)?;
    if subtle.is_undefined() {
        return Err(PinCryptoError::Crypto(
            "crypto.subtle is missing (needs https or localhost)".into(),
        ));
    }
    let usages = Array::of1(&"deriveBits".into());
    let key_data = Uint8Array::from(pin.as_bytes());
    let import = Array::of5(
        &"raw".into(),
        &key_data,
        &"PBKDF2".into(),
        &false.into(),
        &usages,
    );
    let key = JsFuture::from(call(&subtle, "importKey", &import)?)
        .await
        .map_err(js_err)?;
    let params = Object::new();
    for (k, v) in [
        ("name", JsValue::from("PBKDF2")),
        ("hash", "SHA-256".into()),
        ("iterations", iterations.into()),
        ("salt", Uint8Array::from(salt).into()),
    ] {
        Reflect::set(&params, &k.into(), &v).map_err(js_err)?;
    }
    let args = Array::of3(&params, &key, &((HASH_BYTES * 8) as u32).into());
    let bits = JsFuture::from(call(&subtle, "deriveBits", &args)?)
        .await
        .map_err(js_err)?;
    Ok(Uint8Array::new(&bits).to_vec())
}

/// A fresh record for `pin` with a random salt.
pub async fn hash_new(pin: &str) -> Result<PinRecord, PinCryptoError> {
    let mut salt = [0u8; SALT_BYTES];
    crypto()?
        .get_random_values_with_u8_array(&mut salt)
        .map_err(js_err)?;
    let hash = derive(pin, &salt, ITERATIONS).await?;
    Ok(PinRecord::new(&salt, &hash, ITERATIONS))
}

/// Whether `pin` is the one `record` was made from.
pub async fn verify(pin: &str, record: &PinRecord) -> Result<bool, PinCryptoError> {
    let salt = record.salt_bytes()?;
    let derived = derive(pin, &salt, record.iterations).await?;
    Ok(record.matches(&derived))
}
