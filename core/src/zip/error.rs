//! Why an archive could not be written or read; every message names the
//! entry or the byte offset.

/// A ZIP problem, naming its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ZipError {
    #[error("not a ZIP archive: no end-of-central-directory record in the last {searched} bytes")]
    NoEndRecord { searched: usize },
    #[error("ZIP truncated: {what} at offset {offset} runs past the end ({len} bytes)")]
    Truncated { what: &'static str, offset: usize, len: usize },
    #[error("ZIP corrupt: expected a {what} signature at offset {offset}")]
    BadSignature { what: &'static str, offset: usize },
    #[error("ZIP entry {entry:?}: compression method {method} is not supported (Canvass reads stored entries only; do not re-pack the export)")]
    Unsupported { entry: String, method: u16 },
    #[error("ZIP entry {entry:?}: encrypted entries are not supported")]
    Encrypted { entry: String },
    #[error("ZIP entry {entry:?}: CRC-32 mismatch (recorded {recorded:08x}, computed {computed:08x})")]
    Checksum { entry: String, recorded: u32, computed: u32 },
    #[error("ZIP entry {entry:?}: stored size {stored} differs from its size {size}")]
    SizeMismatch { entry: String, stored: u32, size: u32 },
    #[error("ZIP entry at offset {offset}: the name is not UTF-8")]
    NameNotUtf8 { offset: usize },
    #[error("ZIP entry {entry:?}: unsafe name (absolute, empty or with ..)")]
    UnsafeName { entry: String },
    #[error("ZIP entry {entry:?} appears twice")]
    Duplicate { entry: String },
    #[error("ZIP entry {entry:?}: {what} is too large for a ZIP without ZIP64 (limit 4 GiB and 65,535 entries)")]
    TooLarge { entry: String, what: &'static str },
}
