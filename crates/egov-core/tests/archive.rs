//! The ZIP writer and reader: what the app writes it reads back byte for byte, and what
//! it cannot read safely it refuses with a message a person understands.

use egov_core::archive::{crc32, read_zip, DosTime, ZipEntry, ZipError, ZipWriter};

const LIMIT: usize = 1024 * 1024;
const TIME: u64 = 1_764_251_130_000;

fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(DosTime::from_millis(TIME));
    for (name, bytes) in entries {
        zip.add(name, bytes).expect("a safe name");
    }
    zip.finish()
}

/// Overwrites the little-endian u16 at `at`.
fn put_u16(bytes: &mut [u8], at: usize, value: u16) {
    bytes[at..at + 2].copy_from_slice(&value.to_le_bytes());
}

/// Where the central directory's first header starts.
fn central_start(zip: &[u8]) -> usize {
    let end = zip.len() - 22;
    u32::from_le_bytes(zip[end + 16..end + 20].try_into().expect("4 bytes")) as usize
}

#[test]
fn what_is_written_is_read_back_in_order() {
    let photo: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let zip = archive(&[
        ("library.json", b"{}"),
        ("photos/전자정부 slide.jpg", &photo),
        ("empty.txt", b""),
    ]);
    let entries = read_zip(&zip, LIMIT).expect("our own archive");
    assert_eq!(
        entries,
        [
            ZipEntry {
                name: "library.json".into(),
                bytes: b"{}".to_vec()
            },
            ZipEntry {
                name: "photos/전자정부 slide.jpg".into(),
                bytes: photo
            },
            ZipEntry {
                name: "empty.txt".into(),
                bytes: Vec::new()
            },
        ]
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let one = archive(&[("a.txt", b"hello")]);
    assert_eq!(one, archive(&[("a.txt", b"hello")]));
    // The stored CRC is the standard one.
    assert_eq!(&one[14..18], &crc32(b"hello").to_le_bytes());
    // UTF-8 names are flagged (bit 11) in the local header.
    assert_eq!(u16::from_le_bytes([one[6], one[7]]) & (1 << 11), 1 << 11);
}

#[test]
fn an_empty_archive_is_valid() {
    let zip = ZipWriter::new(DosTime::from_millis(0)).finish();
    assert_eq!(zip.len(), 22);
    assert_eq!(read_zip(&zip, LIMIT), Ok(Vec::new()));
}

#[test]
fn a_file_that_is_not_a_zip_is_refused() {
    assert_eq!(read_zip(b"{\"app\": 1}", LIMIT), Err(ZipError::NotAZip));
    assert_eq!(read_zip(b"", LIMIT), Err(ZipError::NotAZip));
    assert_eq!(
        ZipError::NotAZip.to_string(),
        "the file is not a .zip archive"
    );
}

#[test]
fn a_cut_short_archive_is_refused_as_truncated() {
    let zip = archive(&[("a.txt", b"hello"), ("b.txt", b"world")]);
    for cut in [10, zip.len() / 2, zip.len() - 1] {
        assert_eq!(
            read_zip(&zip[..cut], LIMIT),
            Err(ZipError::Truncated),
            "{cut}"
        );
    }
}

#[test]
fn a_deflated_entry_is_refused_with_a_clear_message() {
    let mut zip = archive(&[("library.json", b"{}")]);
    let central = central_start(&zip);
    put_u16(&mut zip, central + 10, 8); // method: deflate
    let error = read_zip(&zip, LIMIT).expect_err("compressed");
    assert_eq!(error, ZipError::Compressed("library.json".into()));
    assert_eq!(
        error.to_string(),
        "“library.json” in the .zip was compressed by another program; import the .zip exactly as the app made it"
    );
}

#[test]
fn an_encrypted_entry_is_refused() {
    let mut zip = archive(&[("library.json", b"{}")]);
    let central = central_start(&zip);
    put_u16(&mut zip, central + 8, 1 | 1 << 11);
    assert_eq!(
        read_zip(&zip, LIMIT),
        Err(ZipError::Encrypted("library.json".into()))
    );
}

#[test]
fn a_changed_byte_is_caught_by_the_checksum() {
    let mut zip = archive(&[("a.txt", b"hello")]);
    zip[30 + "a.txt".len()] = b'j';
    let error = read_zip(&zip, LIMIT).expect_err("damaged");
    assert_eq!(error, ZipError::CrcMismatch("a.txt".into()));
    assert!(error.to_string().contains("damaged"), "{error}");
}

#[test]
fn an_archive_past_the_limit_is_refused_before_it_is_unpacked() {
    let zip = archive(&[("a.bin", &[0u8; 600]), ("b.bin", &[0u8; 600])]);
    assert_eq!(read_zip(&zip, 1000), Err(ZipError::TooLarge(1000)));
    assert!(read_zip(&zip, 1200).is_ok());
}

#[test]
fn names_that_could_escape_the_folder_are_refused_on_both_sides() {
    for name in [
        "../evil.txt",
        "photos/../../evil",
        "/etc/passwd",
        "\\windows",
        "c:/x",
        "a//b",
        "",
    ] {
        let mut zip = ZipWriter::new(DosTime::from_millis(0));
        assert!(
            matches!(zip.add(name, b"x"), Err(ZipError::UnsafeName(_))),
            "{name}"
        );
    }
    // Written by another program: same-length names patched into a safe archive.
    let mut zip = archive(&[("aa/evil.txt", b"x")]);
    let central = central_start(&zip);
    zip[central + 46..central + 48].copy_from_slice(b"..");
    zip[30..32].copy_from_slice(b"..");
    assert_eq!(
        read_zip(&zip, LIMIT),
        Err(ZipError::UnsafeName("../evil.txt".into()))
    );
}

#[test]
fn a_name_listed_twice_is_refused() {
    let mut zip = ZipWriter::new(DosTime::from_millis(0));
    zip.add("a.txt", b"1").expect("first");
    assert_eq!(
        zip.add("a.txt", b"2"),
        Err(ZipError::Duplicate("a.txt".into()))
    );
    // Patched: "b.txt" renamed "a.txt" in both headers.
    let mut zip = archive(&[("a.txt", b"1"), ("b.txt", b"2")]);
    let second_local = 30 + 5 + 1;
    zip[second_local + 30] = b'a';
    let central = central_start(&zip);
    zip[central + 46 + 5 + 46] = b'a';
    assert_eq!(
        read_zip(&zip, LIMIT),
        Err(ZipError::Duplicate("a.txt".into()))
    );
}

#[test]
fn more_entries_than_a_plain_zip_holds_are_refused() {
    let mut zip = ZipWriter::new(DosTime::from_millis(0));
    for i in 0..0xFFFF {
        zip.add(&format!("{i}"), b"").expect("room");
    }
    assert_eq!(zip.add("one-more", b""), Err(ZipError::Unsupported));
    let bytes = zip.finish();
    assert_eq!(read_zip(&bytes, LIMIT).map(|e| e.len()), Ok(0xFFFF));
}
