//! Response ids: random (v4) UUIDs made on the device, so that exports from
//! many phones merge without collisions and without a server.

use uuid::Uuid;

/// A fresh v4 UUID from `crypto.getRandomValues`. Falls back to
/// `Math.random` only if the Web Crypto API is missing (very old
/// browsers), which still gives 122 random bits in practice.
pub fn new_response_id() -> Uuid {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}
