use super::*;

fn archive() -> Vec<u8> {
    let mut w = ZipWriter::new(dos_time("2026-11-23T16:20:05+08:00"));
    w.add("export.json", br#"{"format":"canvass-export"}"#).unwrap();
    w.add("media/r1/photo-1.jpg", &[0xFF, 0xD8, 0xFF, 0xD9]).unwrap();
    w.add("media/r1/照片-2.jpg", &[]).unwrap();
    w.finish().unwrap()
}

#[test]
fn crc_of_the_check_string() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn round_trip() {
    let bytes = archive();
    assert!(is_zip(&bytes));
    let entries = read(&bytes).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["export.json", "media/r1/photo-1.jpg", "media/r1/照片-2.jpg"]);
    assert_eq!(entries[1].data, &[0xFF, 0xD8, 0xFF, 0xD9]);
    assert!(entries[2].data.is_empty());
}

#[test]
fn empty_archive() {
    let bytes = ZipWriter::new((0, 33)).finish().unwrap();
    assert_eq!(bytes.len(), 22);
    assert!(is_zip(&bytes));
    assert_eq!(read(&bytes).unwrap(), vec![]);
}

#[test]
fn reads_a_stored_zip_written_by_python() {
    let bytes = include_bytes!("../../tests/fixtures/zip/python-stored.zip");
    let entries = read(bytes).unwrap();
    assert_eq!(entries[0].name, "export.json");
    assert_eq!(entries[0].data, br#"{"a":1}"#);
    assert_eq!(entries[1].data, (0..=255u8).collect::<Vec<_>>().as_slice());
}

#[test]
fn refuses_deflate_naming_the_entry() {
    let bytes = include_bytes!("../../tests/fixtures/zip/python-deflated.zip");
    let e = read(bytes).unwrap_err();
    assert_eq!(e, ZipError::Unsupported { entry: "export.json".into(), method: 8 });
    assert!(e.to_string().contains("\"export.json\": compression method 8"), "{e}");
}

#[test]
fn a_flipped_byte_names_the_entry() {
    let mut bytes = archive();
    let at = bytes.windows(4).position(|w| w == [0xFF, 0xD8, 0xFF, 0xD9]).unwrap();
    bytes[at + 1] ^= 1;
    let e = read(&bytes).unwrap_err();
    assert!(matches!(&e, ZipError::Checksum { entry, .. } if entry == "media/r1/photo-1.jpg"), "{e}");
}

#[test]
fn truncation_and_garbage_name_the_offset() {
    let bytes = archive();
    // Cut inside the central directory: the end record is gone.
    let e = read(&bytes[..bytes.len() - 30]).unwrap_err();
    assert!(matches!(e, ZipError::NoEndRecord { .. }), "{e}");
    // Keep the end record but drop data before it: offsets run past.
    let mut short = bytes[..10].to_vec();
    short.extend_from_slice(&bytes[bytes.len() - 22..]);
    let e = read(&short).unwrap_err();
    assert!(e.to_string().contains("offset"), "{e}");
    assert!(matches!(read(b"not a zip at all, just some text here"), Err(ZipError::NoEndRecord { .. })));
    assert!(read(b"").is_err());
    // A central entry pointing at a wrong local header.
    let mut moved = bytes.clone();
    moved[0] = b'X';
    let e = read(&moved).unwrap_err();
    assert_eq!(e, ZipError::BadSignature { what: "local file header", offset: 0 });
    assert_eq!(e.to_string(), "ZIP corrupt: expected a local file header signature at offset 0");
}

#[test]
fn names_are_checked() {
    for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "c:/x", "a\\b"] {
        let mut w = ZipWriter::new((0, 33));
        assert!(matches!(w.add(bad, b"x"), Err(ZipError::UnsafeName { .. })), "{bad:?}");
    }
    let mut w = ZipWriter::new((0, 33));
    w.add("a.json", b"1").unwrap();
    assert_eq!(w.add("a.json", b"2"), Err(ZipError::Duplicate { entry: "a.json".into() }));
}

#[test]
fn every_prefix_and_every_single_byte_change_is_an_error_or_a_valid_read() {
    // Never a panic, whatever the damage.
    let bytes = archive();
    for cut in 0..bytes.len() {
        let _ = read(&bytes[..cut]);
    }
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] = b[i].wrapping_add(0x5A);
        let _ = read(&b);
    }
}

#[test]
fn dos_times() {
    assert_eq!(dos_time("2026-11-23T16:20:05+08:00"), ((16 << 11) | (20 << 5) | 2, (46 << 9) | (11 << 5) | 23));
    assert_eq!(dos_time("garbage"), (0, 33));
    assert_eq!(dos_time("1970-01-01T00:00:00Z"), (0, 33));
}
