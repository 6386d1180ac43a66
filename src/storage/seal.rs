//! Sealed records: the optional at-rest encryption of what identifies a
//! household (responses, visits, follow-ups, list rows, paradata), with
//! AES-256-GCM in Rust so that sealing is synchronous — a write is still
//! issued in the same turn as `put`, in call order (docs/STORAGE.md).
//!
//! The keys come from the browser's WebCrypto (`at_rest.rs`): each app
//! session gets a fresh *writer* key from an ephemeral ECDH P-256 key pair
//! and the device's public key, so the app seals without the PIN (a
//! resident in respondent mode completes a survey after a reload). Opening
//! needs the device's private key, which only the PIN unwraps; the keys of
//! the sessions whose records are read are then derived into a `Ring`.
//!
//! A sealed record's `data` is `~1.<epk>.<nonce>.<ciphertext>` (base64):
//! `epk` names the session (its ephemeral public key), the nonce is the
//! session's write counter (unique per key, as GCM requires), and the
//! additional data binds the text to its kind and id, so a sealed value
//! moved to another record does not open.

use std::collections::BTreeMap;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use canvass_core::base64;

use super::kind::{Kind, FOLLOWUPS, PARADATA, RESPONSES, ROWS, VISITS};

/// The start of a sealed record's text (never the start of JSON).
pub const PREFIX: &str = "~1.";

/// A 256-bit AES key.
pub type Key = [u8; 32];

/// Why a sealed record could not be opened. `Locked` is not damage: the
/// record stays where it is until the PIN opens it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SealError {
    #[error("{at}: encrypted; enter the PIN to open it")]
    Locked { at: String },
    #[error("{at}: sealed record is malformed: {why}")]
    Malformed { at: String, why: &'static str },
    #[error("{at}: sealed record does not decrypt (damaged, or moved from another record)")]
    Damaged { at: String },
}

/// Whether `kind`/`id` is sealed when sealing is on. Survey definitions
/// and settings are not personal; the draft being filled and its
/// paradata stay open so a reload in respondent mode resumes without the
/// PIN (the resident holding the phone is the one who gave them); photos
/// are Blobs and not sealed (docs/FIELD.md, threat model).
pub fn is_sealed_kind(kind: Kind, id: &str) -> bool {
    SEALED_KINDS.contains(&kind) && !id.starts_with("draft:")
}

/// The kinds whose records are sealed (but the draft's paradata).
pub const SEALED_KINDS: [Kind; 5] = [RESPONSES, VISITS, FOLLOWUPS, ROWS, PARADATA];

/// Whether a stored text is sealed.
pub fn is_sealed_text(data: &str) -> bool {
    data.starts_with(PREFIX)
}

/// The additional data of `kind`/`id`.
fn aad(kind: Kind, id: &str) -> String {
    format!("{}/{id}", kind.name)
}

/// The parts of a sealed text.
struct Parts {
    epk: String,
    nonce: [u8; 12],
    ct: Vec<u8>,
}

fn parse(at: &str, data: &str) -> Result<Parts, SealError> {
    let bad = |why| SealError::Malformed { at: at.to_owned(), why };
    let rest = data.strip_prefix(PREFIX).ok_or(bad("no ~1. prefix"))?;
    let mut fields = rest.split('.');
    let (Some(epk), Some(nonce), Some(ct), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(bad("not three dot-separated parts"));
    };
    let nonce: [u8; 12] = base64::decode(nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or(bad("the nonce is not 12 bytes of base64"))?;
    let ct = base64::decode(ct).map_err(|_| bad("the ciphertext is not base64"))?;
    if epk.is_empty() || base64::decode(epk).is_err() {
        return Err(bad("the session key is not base64"));
    }
    Ok(Parts {
        epk: epk.to_owned(),
        nonce,
        ct,
    })
}

/// The session key name (`epk`) of a sealed text, if it has one.
pub fn session_of(data: &str) -> Option<&str> {
    data.strip_prefix(PREFIX)?.split('.').next()
}

/// This session's sealing key: encrypts only. Its nonces count up from 0;
/// the key is new every session, so a nonce never repeats under one key.
pub struct Writer {
    epk: String,
    cipher: Aes256Gcm,
    counter: u64,
}

impl Writer {
    /// A writer for the session named `epk` (base64 of its ephemeral
    /// public key) with the key derived for it.
    pub fn new(epk: String, key: &Key) -> Writer {
        Writer {
            epk,
            cipher: Aes256Gcm::new(key.into()),
            counter: 0,
        }
    }

    /// The sealed text of `plain` stored as `kind`/`id`.
    pub fn seal(&mut self, kind: Kind, id: &str, plain: &str) -> String {
        let mut nonce = [0u8; 12];
        nonce[4..].copy_from_slice(&self.counter.to_be_bytes());
        self.counter += 1;
        let aad = aad(kind, id);
        let ct = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .expect("AES-GCM encrypts any text shorter than 64 GiB");
        format!(
            "{PREFIX}{}.{}.{}",
            self.epk,
            base64::encode(&nonce),
            base64::encode(&ct)
        )
    }
}

/// The keys that open sealed records, by session (`epk`). Filled only
/// after the PIN unwrapped the device's private key; emptied when the
/// phone is handed to a resident.
#[derive(Default)]
pub struct Ring {
    keys: BTreeMap<String, Key>,
}

impl Ring {
    pub fn insert(&mut self, epk: String, key: Key) {
        self.keys.insert(epk, key);
    }

    pub fn clear(&mut self) {
        self.keys.clear();
    }

    pub fn has(&self, epk: &str) -> bool {
        self.keys.contains_key(epk)
    }

    /// The plain text of a sealed record of `kind`/`id`.
    pub fn open(&self, kind: Kind, id: &str, data: &str) -> Result<String, SealError> {
        let at = aad(kind, id);
        let parts = parse(&at, data)?;
        let key = self
            .keys
            .get(&parts.epk)
            .ok_or_else(|| SealError::Locked { at: at.clone() })?;
        let damaged = || SealError::Damaged { at: at.clone() };
        let plain = Aes256Gcm::new(key.into())
            .decrypt(
                Nonce::from_slice(&parts.nonce),
                Payload {
                    msg: &parts.ct,
                    aad: at.as_bytes(),
                },
            )
            .map_err(|_| damaged())?;
        String::from_utf8(plain).map_err(|_| damaged())
    }
}

/// What the store seals with and opens with.
#[derive(Default)]
pub struct Sealing {
    /// `None`: sealing is off, records are written as plain JSON.
    pub writer: Option<Writer>,
    /// Sealing is on but this session has no key (WebCrypto failed):
    /// personal records are refused — kept in memory, offered in the
    /// backup — rather than stored in the clear.
    pub refuse: Option<String>,
    pub ring: Ring,
}

impl Sealing {
    /// `data` as stored for `kind`/`id`: `Some` sealed text when sealing
    /// is on and the record is one that is sealed, `None` to store it as
    /// it is, or why it must not be stored now.
    pub fn seal(&mut self, kind: Kind, id: &str, data: &str) -> Result<Option<String>, String> {
        if !is_sealed_kind(kind, id) {
            return Ok(None);
        }
        match (&mut self.writer, &self.refuse) {
            (Some(w), _) => Ok(Some(w.seal(kind, id, data))),
            (None, Some(why)) => Err(why.clone()),
            (None, None) => Ok(None),
        }
    }
}

#[cfg(test)]
#[path = "seal_tests.rs"]
mod tests;
