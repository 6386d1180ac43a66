//! Reading a store-only archive held in memory: entries borrow their bytes.

use std::collections::BTreeSet;

use super::{crc32, ZipError, CENTRAL, END, LOCAL};

/// One entry of an archive read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub name: String,
    pub data: &'a [u8],
}

/// Refuses names that could escape a folder when extracted.
pub(super) fn check_name(name: &str) -> Result<(), ZipError> {
    let bad = name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains('\0')
        || name.split('/').any(|part| part == ".." || part.is_empty())
        || name.get(1..2) == Some(":");
    if bad {
        return Err(ZipError::UnsafeName { entry: name.to_owned() });
    }
    Ok(())
}

struct Cursor<'a> {
    bytes: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn slice(&self, offset: usize, len: usize, what: &'static str) -> Result<&'a [u8], ZipError> {
        offset
            .checked_add(len)
            .and_then(|end| self.bytes.get(offset..end))
            .ok_or(ZipError::Truncated { what, offset, len: self.bytes.len() })
    }
    fn u16(&self, at: usize, what: &'static str) -> Result<u16, ZipError> {
        let b = self.slice(at, 2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&self, at: usize, what: &'static str) -> Result<u32, ZipError> {
        let b = self.slice(at, 4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn signature(&self, at: usize, sig: u32, what: &'static str) -> Result<(), ZipError> {
        if self.u32(at, what)? != sig {
            return Err(ZipError::BadSignature { what, offset: at });
        }
        Ok(())
    }
}

/// The offset of the end-of-central-directory record (searched backwards
/// over the longest possible comment).
fn end_record(c: &Cursor) -> Result<usize, ZipError> {
    let len = c.bytes.len();
    let lowest = len.saturating_sub(22 + 0xFFFF);
    let mut at = len.checked_sub(22).ok_or(ZipError::NoEndRecord { searched: len })?;
    loop {
        if c.u32(at, "end record")? == END {
            return Ok(at);
        }
        if at == lowest {
            return Err(ZipError::NoEndRecord { searched: len - lowest });
        }
        at -= 1;
    }
}

/// Every entry of `bytes`, in central-directory order, each checked
/// (signatures, bounds, method, CRC-32, name).
pub fn read(bytes: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    let c = Cursor { bytes };
    let end = end_record(&c)?;
    let count = c.u16(end + 10, "end record")? as usize;
    let cd_size = c.u32(end + 12, "end record")? as usize;
    let cd_offset = c.u32(end + 16, "end record")? as usize;
    c.slice(cd_offset, cd_size, "central directory")?;
    let mut entries = Vec::with_capacity(count);
    let mut names = BTreeSet::new();
    let mut at = cd_offset;
    for _ in 0..count {
        c.signature(at, CENTRAL, "central directory entry")?;
        let flags = c.u16(at + 8, "central directory entry")?;
        let method = c.u16(at + 10, "central directory entry")?;
        let crc = c.u32(at + 16, "central directory entry")?;
        let stored = c.u32(at + 20, "central directory entry")?;
        let size = c.u32(at + 24, "central directory entry")?;
        let name_len = c.u16(at + 28, "central directory entry")? as usize;
        let extra_len = c.u16(at + 30, "central directory entry")? as usize;
        let comment_len = c.u16(at + 32, "central directory entry")? as usize;
        let local = c.u32(at + 42, "central directory entry")? as usize;
        let raw_name = c.slice(at + 46, name_len, "entry name")?;
        let name = std::str::from_utf8(raw_name)
            .map_err(|_| ZipError::NameNotUtf8 { offset: at })?
            .to_owned();
        at += 46 + name_len + extra_len + comment_len;
        if flags & 1 != 0 {
            return Err(ZipError::Encrypted { entry: name });
        }
        if method != 0 {
            return Err(ZipError::Unsupported { entry: name, method });
        }
        if stored != size {
            return Err(ZipError::SizeMismatch { entry: name, stored, size });
        }
        if name.ends_with('/') {
            continue; // a folder entry holds nothing
        }
        check_name(&name)?;
        if !names.insert(name.clone()) {
            return Err(ZipError::Duplicate { entry: name });
        }
        c.signature(local, LOCAL, "local file header")?;
        let local_name = c.u16(local + 26, "local file header")? as usize;
        let local_extra = c.u16(local + 28, "local file header")? as usize;
        let data = c.slice(local + 30 + local_name + local_extra, size as usize, "entry data")?;
        let computed = crc32(data);
        if computed != crc {
            return Err(ZipError::Checksum { entry: name, recorded: crc, computed });
        }
        entries.push(Entry { name, data });
    }
    Ok(entries)
}
