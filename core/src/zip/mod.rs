//! A store-only ZIP writer and reader: the container of an export with its
//! photos (`crate::bundle`).
//!
//! Why not a crate: photos are JPEG/WebP, already compressed, so a ZIP of
//! them needs no deflate; the `zip` crate even without default features
//! brings its own flate/CRC/time layers and ~30 KB of wasm for nothing
//! the app uses. This module is ~250 lines, a 1 KiB CRC table built at
//! compile time, and adds ~3 KiB gzip to the app (docs/EXPORT.md).
//!
//! Limits (checked, each an error naming the place): no ZIP64 (entries and
//! the archive below 4 GiB, at most 65,535 entries), stored entries only
//! (method 0) — a ZIP re-packed with deflate by another tool is refused
//! with a message saying so — no encryption, entry names relative without
//! `..`, no duplicates.

mod crc32;
mod error;
mod read;
mod write;

pub use crc32::crc32;
pub use error::ZipError;
pub use read::{read, Entry};
pub use write::{dos_time, ZipWriter};

/// True when `bytes` start like a ZIP archive (a local file header, or the
/// end record of an empty archive).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// General-purpose flag bit 11: names are UTF-8.
const UTF8: u16 = 1 << 11;

#[cfg(test)]
mod tests;
