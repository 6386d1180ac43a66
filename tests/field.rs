//! Browser tests of the field-work pieces that need a real browser: the
//! PIN's PBKDF2-SHA256 through WebCrypto against the RFC 7914 / RFC 6070-
//! style published test vectors, a stored PIN that verifies only the PIN
//! it was made from, and the device settings (profile, target, lock) in the
//! real localStorage.
//! Run with `cargo test --target wasm32-unknown-unknown --test field`.
#![cfg(target_arch = "wasm32")]

use canvass::field::{pin_crypto, settings};
use canvass_core::pin::ITERATIONS;
use canvass_core::profile::Profile;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[wasm_bindgen_test]
async fn pbkdf2_sha256_matches_the_published_vectors() {
    // PBKDF2-HMAC-SHA256("password", "salt", c, 32), as published with
    // RFC 7914 §11 and widely reproduced.
    let one = pin_crypto::derive("password", b"salt", 1).await.unwrap();
    assert_eq!(hex(&one), "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    let many = pin_crypto::derive("password", b"salt", 4096).await.unwrap();
    assert_eq!(hex(&many), "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

#[wasm_bindgen_test]
async fn a_stored_pin_verifies_only_itself_and_never_holds_the_pin() {
    let record = pin_crypto::hash_new("2580").await.unwrap();
    assert_eq!(record.iterations, ITERATIONS);
    assert_eq!(record.salt.len(), 32, "16 random bytes of salt");
    assert!(!serde_json::to_string(&record).unwrap().contains("2580"));
    assert!(pin_crypto::verify("2580", &record).await.unwrap());
    assert!(!pin_crypto::verify("2581", &record).await.unwrap());
    let again = pin_crypto::hash_new("2580").await.unwrap();
    assert_ne!(again.salt, record.salt, "a fresh salt each time");
    assert_ne!(again.hash, record.hash);
}

#[wasm_bindgen_test]
fn settings_survive_in_local_storage() {
    let p = Profile::new("王芳", "007", "二组").unwrap();
    settings::set_profile(&p).unwrap();
    assert_eq!(settings::profile(), Some(p));
    settings::set_target(0.85).unwrap();
    assert_eq!(settings::target(), 0.85);
    settings::set_lock("s1").unwrap();
    assert_eq!(settings::lock().as_deref(), Some("s1"));
    settings::clear_lock();
    assert_eq!(settings::lock(), None);
}
