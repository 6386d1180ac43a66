//! Standard base64 (RFC 4648 §4, `+/`, `=` padding), strict: the payload of
//! a signature's `data:` URL (`crate::signature`).
//!
//! Why not the `base64` crate: Canvass needs one alphabet, padded, with no
//! line breaks — what `canvas.toDataURL()` writes — and nothing of the
//! crate's engines, configs and streaming wrappers. This is ~70 lines;
//! measured in a minimal wasm (encode + decode, opt-level z, LTO,
//! wasm-opt -Oz) it adds ~1.1 KB (0.9 KB gzip) where the crate's
//! general-purpose engine adds ~7.3 KB (3.1 KB gzip) (docs/EXPORT.md,
//! "Signatures"). It is checked against the crate in the tests (a
//! dev-dependency only).
//!
//! Strict means: length a multiple of 4, `=` only as the last one or two
//! characters, and the unused low bits of the last symbol zero. So every
//! accepted text is the one `encode` writes for its bytes, and a signature
//! moved out of the JSON into a file and back is the same string.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why a text is not strict standard base64; `at` and `len` count bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Base64Error {
    #[error("length {len} is not a multiple of 4")]
    Length { len: usize },
    #[error("character {found:?} at offset {at} is not base64")]
    Symbol { at: usize, found: char },
    #[error("padding '=' at offset {at} before the end")]
    Padding { at: usize },
    #[error("the last symbol at offset {at} has non-zero unused bits (not canonical base64)")]
    TrailingBits { at: usize },
}

/// The base64 text of `bytes`, padded.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' });
        }
    }
    // Only ASCII from ALPHABET and '=' was pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// The value of one base64 symbol.
fn value(c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    }))
}

/// The bytes of strict, padded base64 `text`.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let s = text.as_bytes();
    if !s.len().is_multiple_of(4) {
        return Err(Base64Error::Length { len: s.len() });
    }
    let pad = s.iter().rev().take(2).take_while(|&&c| c == b'=').count();
    let body = &s[..s.len() - pad];
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut n = 0u32;
    for (at, &c) in body.iter().enumerate() {
        let v = value(c).ok_or_else(|| match c {
            b'=' => Base64Error::Padding { at },
            _ => Base64Error::Symbol { at, found: text.get(at..).and_then(|t| t.chars().next()).unwrap_or('?') },
        })?;
        n = n << 6 | v;
        if at % 4 == 3 {
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
            n = 0;
        }
    }
    let last = body.len().saturating_sub(1);
    match pad {
        // `xx==`: 12 bits, one byte; the low 4 must be zero.
        2 if n & 0xF != 0 => return Err(Base64Error::TrailingBits { at: last }),
        2 => out.push((n >> 4) as u8),
        // `xxx=`: 18 bits, two bytes; the low 2 must be zero.
        1 if n & 0x3 != 0 => return Err(Base64Error::TrailingBits { at: last }),
        1 => out.extend_from_slice(&[(n >> 10) as u8, (n >> 2) as u8]),
        _ => {}
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::base64::Engine as _;
    use proptest::prelude::*;

    #[test]
    fn rfc_4648_vectors() {
        let cases = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (plain, coded) in cases {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xFB, 0xFF]), "+/8=");
    }

    #[test]
    fn malformed_text_names_the_place() {
        assert_eq!(decode("Zm9"), Err(Base64Error::Length { len: 3 }));
        assert_eq!(decode("Zm9v\nZm9v"), Err(Base64Error::Length { len: 9 }));
        assert_eq!(decode("Zm!v"), Err(Base64Error::Symbol { at: 2, found: '!' }));
        assert_eq!(decode("Zm9v签A"), Err(Base64Error::Symbol { at: 4, found: '签' }));
        assert_eq!(decode("Zg==Zm9v"), Err(Base64Error::Padding { at: 2 }));
        assert_eq!(decode("Z==="), Err(Base64Error::Padding { at: 1 }));
        assert_eq!(decode("Zh=="), Err(Base64Error::TrailingBits { at: 1 }));
        assert_eq!(decode("Zm9=").unwrap_err().to_string(), "the last symbol at offset 2 has non-zero unused bits (not canonical base64)");
        assert_eq!(decode("Zm!v").unwrap_err().to_string(), "character '!' at offset 2 is not base64");
    }

    proptest! {
        #[test]
        fn agrees_with_the_base64_crate(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let theirs = ::base64::engine::general_purpose::STANDARD.encode(&bytes);
            prop_assert_eq!(encode(&bytes), theirs.clone());
            prop_assert_eq!(decode(&theirs).unwrap(), bytes);
        }

        #[test]
        fn accepts_exactly_what_the_crate_accepts(text in "[A-Za-z0-9+/=!]{0,12}") {
            let theirs = ::base64::engine::general_purpose::STANDARD.decode(&text);
            prop_assert_eq!(decode(&text).ok(), theirs.ok(), "{:?}", text);
        }
    }
}
