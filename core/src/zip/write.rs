//! Writing a store-only archive into memory.

use super::{crc32, ZipError, CENTRAL, END, LOCAL, UTF8};

/// An archive being written: add entries, then `finish`.
#[derive(Debug, Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
    names: std::collections::BTreeSet<String>,
    time: (u16, u16),
}

fn u16le(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}
fn u32le(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// MS-DOS `(time, date)` of an RFC 3339 local time
/// (`2026-11-23T16:20:05+08:00`); 1980-01-01 00:00 when unreadable.
pub fn dos_time(rfc3339: &str) -> (u16, u16) {
    let num = |r: std::ops::Range<usize>| rfc3339.get(r).and_then(|s| s.parse::<u16>().ok());
    match (num(0..4), num(5..7), num(8..10), num(11..13), num(14..16), num(17..19)) {
        (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s))
            if (1980..=2107).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&d) && h < 24 && mi < 60 && s < 61 =>
        {
            ((h << 11) | (mi << 5) | (s.min(59) / 2), ((y - 1980) << 9) | (mo << 5) | d)
        }
        _ => (0, (1 << 5) | 1),
    }
}

impl ZipWriter {
    /// A writer whose entries carry the modification time `(time, date)`
    /// (see `dos_time`).
    pub fn new(time: (u16, u16)) -> ZipWriter {
        ZipWriter { time, ..ZipWriter::default() }
    }

    /// Appends `name` holding `data`, stored uncompressed.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), ZipError> {
        super::read::check_name(name)?;
        if !self.names.insert(name.to_owned()) {
            return Err(ZipError::Duplicate { entry: name.to_owned() });
        }
        let too_large = |what| ZipError::TooLarge { entry: name.to_owned(), what };
        let size = u32::try_from(data.len()).map_err(|_| too_large("its size"))?;
        let offset = u32::try_from(self.out.len()).map_err(|_| too_large("the archive"))?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_large("its name"))?;
        self.count = self.count.checked_add(1).ok_or_else(|| too_large("the entry count"))?;
        let crc = crc32(data);
        // Fields shared by the local and the central header, from
        // "version needed" to the extra field's length.
        let mut common = Vec::with_capacity(26);
        u16le(&mut common, 20);
        u16le(&mut common, UTF8);
        u16le(&mut common, 0);
        u16le(&mut common, self.time.0);
        u16le(&mut common, self.time.1);
        u32le(&mut common, crc);
        u32le(&mut common, size);
        u32le(&mut common, size);
        u16le(&mut common, name_len);
        u16le(&mut common, 0);
        u32le(&mut self.out, LOCAL);
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);
        u32le(&mut self.central, CENTRAL);
        u16le(&mut self.central, 20); // made by: MS-DOS, 2.0
        self.central.extend_from_slice(&common);
        u16le(&mut self.central, 0); // comment length
        u16le(&mut self.central, 0); // disk
        u16le(&mut self.central, 0); // internal attributes
        u32le(&mut self.central, 0); // external attributes
        u32le(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The archive's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, ZipError> {
        let too_large = || ZipError::TooLarge { entry: String::new(), what: "the archive" };
        let offset = u32::try_from(self.out.len()).map_err(|_| too_large())?;
        let size = u32::try_from(self.central.len()).map_err(|_| too_large())?;
        self.out.append(&mut self.central);
        u32le(&mut self.out, END);
        u16le(&mut self.out, 0);
        u16le(&mut self.out, 0);
        u16le(&mut self.out, self.count);
        u16le(&mut self.out, self.count);
        u32le(&mut self.out, size);
        u32le(&mut self.out, offset);
        u16le(&mut self.out, 0);
        Ok(self.out)
    }
}
