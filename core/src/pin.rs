//! The interviewer's PIN that ends respondent mode: the rules for a new
//! PIN and the stored record. The PIN itself is never stored: the app
//! keeps a salted PBKDF2-SHA256 hash ([`PinRecord`]) computed by the
//! browser's WebCrypto, and compares hashes in constant time.

use serde::{Deserialize, Serialize};

/// PBKDF2 iterations for new PINs. OWASP's 2023 advice for
/// PBKDF2-HMAC-SHA256 is 600,000; a phone must derive the key each time
/// the PIN is typed, so Canvass takes 210,000 (≥ 100,000, about 0.1–0.3 s
/// on a mid-range phone). The count is stored per record, so it can rise
/// later without invalidating old PINs.
pub const ITERATIONS: u32 = 210_000;
/// Bytes of random salt per PIN.
pub const SALT_BYTES: usize = 16;
/// Bytes of derived key kept.
pub const HASH_BYTES: usize = 32;

/// The stored form of a PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PinRecord {
    /// Always `PBKDF2-SHA256`.
    pub algorithm: String,
    pub iterations: u32,
    /// Hex.
    pub salt: String,
    /// Hex.
    pub hash: String,
}

/// Why a new PIN was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PinError {
    #[error("PIN: use 4 to 12 digits")]
    Shape,
    #[error("PIN: the two entries differ")]
    Mismatch,
    #[error("PIN: all digits the same is too easy to guess")]
    Trivial,
    #[error("stored PIN record: {0}")]
    BadRecord(&'static str),
}

/// The fewest digits of a PIN that also protects encrypted records
/// (at-rest encryption). The PIN hash and the wrapped key can be copied
/// and guessed offline: 10,000 four-digit PINs fall in minutes, a million
/// six-digit ones cost 600,000 PBKDF2 rounds each (docs/FIELD.md).
pub const ENCRYPTION_MIN_DIGITS: usize = 6;

/// Whether `pin` is long enough to encrypt records with.
pub fn strong_enough_for_encryption(pin: &str) -> bool {
    pin.chars().count() >= ENCRYPTION_MIN_DIGITS
}

/// Checks a new PIN and its confirmation.
pub fn check_new_pin(pin: &str, again: &str) -> Result<(), PinError> {
    let n = pin.chars().count();
    if !(4..=12).contains(&n) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::Shape);
    }
    if pin.bytes().all(|b| b == pin.as_bytes()[0]) {
        return Err(PinError::Trivial);
    }
    if pin != again {
        return Err(PinError::Mismatch);
    }
    Ok(())
}

impl PinRecord {
    /// A record from the salt and derived bytes.
    pub fn new(salt: &[u8], hash: &[u8], iterations: u32) -> PinRecord {
        PinRecord {
            algorithm: "PBKDF2-SHA256".into(),
            iterations,
            salt: to_hex(salt),
            hash: to_hex(hash),
        }
    }

    /// The salt bytes, checked (a tampered record must not unlock anything).
    pub fn salt_bytes(&self) -> Result<Vec<u8>, PinError> {
        if self.algorithm != "PBKDF2-SHA256" {
            return Err(PinError::BadRecord("unknown algorithm"));
        }
        if self.iterations < 100_000 {
            return Err(PinError::BadRecord("too few iterations"));
        }
        from_hex(&self.salt)
            .filter(|s| s.len() >= 8)
            .ok_or(PinError::BadRecord("salt is not hex"))
    }

    /// Whether `derived` (from the typed PIN, this salt and iterations)
    /// matches, compared in constant time.
    pub fn matches(&self, derived: &[u8]) -> bool {
        let Some(stored) = from_hex(&self.hash) else {
            return false;
        };
        stored.len() == derived.len()
            && stored
                .iter()
                .zip(derived)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encryption_needs_six_digits() {
        assert!(!strong_enough_for_encryption("1234"));
        assert!(!strong_enough_for_encryption("12345"));
        assert!(strong_enough_for_encryption("123456"));
        assert!(strong_enough_for_encryption("271828182845"));
    }

    #[test]
    fn new_pins_are_4_to_12_digits_not_all_alike_and_confirmed() {
        assert_eq!(check_new_pin("2580", "2580"), Ok(()));
        assert_eq!(check_new_pin("123", "123"), Err(PinError::Shape));
        assert_eq!(check_new_pin("12a4", "12a4"), Err(PinError::Shape));
        assert_eq!(
            check_new_pin("1234567890123", "1234567890123"),
            Err(PinError::Shape)
        );
        assert_eq!(check_new_pin("1111", "1111"), Err(PinError::Trivial));
        assert_eq!(check_new_pin("2580", "2581"), Err(PinError::Mismatch));
    }

    #[test]
    fn a_record_matches_only_its_own_hash() {
        let r = PinRecord::new(&[7; 16], &[1, 2, 3, 255], ITERATIONS);
        assert_eq!(r.hash, "010203ff");
        assert!(r.matches(&[1, 2, 3, 255]));
        assert!(!r.matches(&[1, 2, 3, 254]));
        assert!(!r.matches(&[1, 2, 3]));
        assert_eq!(r.salt_bytes().unwrap(), vec![7; 16]);
        let back: PinRecord = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn tampered_records_are_refused() {
        let mut weak = PinRecord::new(&[7; 16], &[1], 1_000);
        assert!(weak.salt_bytes().is_err());
        weak.iterations = ITERATIONS;
        weak.salt = "zz".into();
        assert!(weak.salt_bytes().is_err());
        weak.salt = "0011223344556677".into();
        weak.algorithm = "MD5".into();
        assert!(weak.salt_bytes().is_err());
        weak.hash = "abc".into();
        assert!(!weak.matches(&[0xab]));
    }
}
