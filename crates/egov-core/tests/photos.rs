//! Photos in notes: the album's rules, the photo list a backup carries, and the `.zip`
//! backup that holds the library and every photo.

use egov_core::sorted::SortedMap;

use egov_core::archive::{read_zip, DosTime, ZipError, ZipWriter};
use egov_core::library::{
    backup_json, parse_photos_manifest, photos_manifest_json, read_backup_file, sha256_hex,
    zip_backup, BackupFileError, ImportError, Library, Move, PhotoAlbum, PhotoError, PhotoMeta,
    CAPTION_MAX_CHARS, PHOTOS_PER_ITEM, PHOTO_MAX_BYTES,
};

const SLIDE: &[u8] = include_bytes!("images/slide.jpg");
const POSTER: &[u8] = include_bytes!("images/poster.jpg");
const TODAY: &str = "2025-11-27";
const NOW: u64 = 1_764_201_600_000;

/// A different valid "JPEG" for each `n` (the header, then bytes that make the hash differ).
fn jpeg(n: u32) -> Vec<u8> {
    let mut bytes = SLIDE.to_vec();
    bytes.extend_from_slice(&n.to_le_bytes());
    bytes
}

fn hashes(photos: &[PhotoMeta]) -> Vec<&str> {
    photos.iter().map(|p| p.hash.as_str()).collect()
}

/// An album with the slide and the poster on "hometax", captioned, and the slide again on
/// "koneps"; with the bytes by hash.
fn sample() -> (PhotoAlbum, SortedMap<String, Vec<u8>>) {
    let mut album = PhotoAlbum::default();
    let slide = album
        .add("hometax", SLIDE, 160, 120, TODAY)
        .expect("a photo");
    let poster = album
        .add("hometax", POSTER, 90, 160, TODAY)
        .expect("a photo");
    album
        .set_caption("hometax", &slide.hash, "Slide 3: the portal")
        .expect("short");
    album
        .set_caption("hometax", &poster.hash, "The poster <at> the door & more")
        .expect("short");
    album
        .add("koneps", SLIDE, 160, 120, TODAY)
        .expect("the same picture on another item");
    let jpegs = SortedMap::from([(slide.hash, SLIDE.to_vec()), (poster.hash, POSTER.to_vec())]);
    (album, jpegs)
}

fn library() -> Library {
    let mut library = Library::default();
    library.toggle_bookmark("hometax", 1);
    library
        .set_note("hometax", "Ask about e-invoices.", 2)
        .expect("short");
    library
}

#[test]
fn a_photo_is_known_by_the_sha256_of_its_bytes() {
    let mut album = PhotoAlbum::default();
    let meta = album
        .add("hometax", SLIDE, 160, 120, TODAY)
        .expect("a photo");
    assert_eq!(meta.hash, sha256_hex(SLIDE));
    assert_eq!(meta.hash.len(), 64);
    assert_eq!(meta.bytes as usize, SLIDE.len());
    assert_eq!((meta.position, meta.added_on.as_str()), (0, TODAY));
    assert_eq!(
        album.add("hometax", SLIDE, 160, 120, TODAY),
        Err(PhotoError::AlreadyThere)
    );
}

#[test]
fn what_is_not_a_small_jpeg_is_refused() {
    let mut album = PhotoAlbum::default();
    assert_eq!(
        album.add("a", b"\x89PNG\r\n", 10, 10, TODAY),
        Err(PhotoError::NotAJpeg)
    );
    let mut huge = SLIDE.to_vec();
    huge.resize(PHOTO_MAX_BYTES + 1, 0);
    assert!(matches!(
        album.add("a", &huge, 10, 10, TODAY),
        Err(PhotoError::TooLarge(_))
    ));
    assert_eq!(
        album.add("a", SLIDE, 4000, 3000, TODAY),
        Err(PhotoError::BadSize(4000, 3000))
    );
    assert!(album.is_empty(), "nothing was added by a refusal");
}

#[test]
fn an_item_holds_at_most_its_limit_of_photos() {
    let mut album = PhotoAlbum::default();
    for n in 0..PHOTOS_PER_ITEM as u32 {
        album.add("a", &jpeg(n), 10, 10, TODAY).expect("room");
    }
    assert_eq!(
        album.add("a", &jpeg(999), 10, 10, TODAY),
        Err(PhotoError::Full)
    );
    assert!(album.add("b", &jpeg(999), 10, 10, TODAY).is_ok());
}

#[test]
fn captions_are_one_clean_line_within_the_limit() {
    let (mut album, _) = sample();
    let hash = sha256_hex(SLIDE);
    album
        .set_caption("hometax", &hash, "  Two\nlines\u{7}  ")
        .expect("short");
    assert_eq!(
        album.get("hometax", &hash).map(|p| p.caption.as_str()),
        Some("Two lines")
    );
    let long = "x".repeat(CAPTION_MAX_CHARS + 1);
    assert_eq!(
        album.set_caption("hometax", &hash, &long),
        Err(PhotoError::CaptionTooLong(CAPTION_MAX_CHARS + 1))
    );
    assert_eq!(
        album.set_caption("nowhere", &hash, "x"),
        Err(PhotoError::NotFound)
    );
}

#[test]
fn photos_move_earlier_and_later_within_their_item() {
    let mut album = PhotoAlbum::default();
    let hashes_of = |album: &PhotoAlbum| -> Vec<String> {
        album.of_item("a").iter().map(|p| p.hash.clone()).collect()
    };
    for n in 0..3 {
        album.add("a", &jpeg(n), 10, 10, TODAY).expect("room");
    }
    album.add("b", &jpeg(9), 10, 10, TODAY).expect("room");
    let [first, second, third] = [0, 1, 2].map(|n| sha256_hex(&jpeg(n)));
    assert!(album.move_photo("a", &third, Move::Earlier));
    assert_eq!(hashes_of(&album), [first.clone(), third, second.clone()]);
    assert!(
        !album.move_photo("a", &first, Move::Earlier),
        "already first"
    );
    assert!(
        !album.move_photo("a", &second, Move::Later),
        "already last: it never moves into another item"
    );
    let positions: Vec<u32> = album.of_item("a").iter().map(|p| p.position).collect();
    assert_eq!(positions, [0, 1, 2]);
    assert_eq!(album.of_item("b").len(), 1);
}

#[test]
fn a_deleted_photo_comes_back_in_its_place_on_undo() {
    let mut album = PhotoAlbum::default();
    for n in 0..3 {
        album.add("a", &jpeg(n), 10, 10, TODAY).expect("room");
    }
    let before = album.clone();
    let middle = sha256_hex(&jpeg(1));
    let removed = album.remove("a", &middle).expect("there");
    assert_eq!(album.of_item("a").len(), 2);
    assert!(!album.uses(&middle), "its bytes may go");
    album.restore(removed.clone());
    assert_eq!(album, before);
    album.restore(removed);
    assert_eq!(album, before, "restoring twice adds nothing");
}

#[test]
fn a_picture_on_two_items_is_stored_once() {
    let (mut album, _) = sample();
    assert_eq!(album.len(), 3);
    assert_eq!(album.total_bytes(), (SLIDE.len() + POSTER.len()) as u64);
    album.remove("koneps", &sha256_hex(SLIDE));
    assert!(album.uses(&sha256_hex(SLIDE)), "hometax still shows it");
}

#[test]
fn merge_never_duplicates_a_photo() {
    let (incoming, _) = sample();
    let mut album = PhotoAlbum::default();
    album
        .add("hometax", POSTER, 90, 160, TODAY)
        .expect("a photo");
    album
        .add("hometax", &jpeg(7), 10, 10, TODAY)
        .expect("a photo");
    assert_eq!(album.count_new(incoming.photos()), 2);
    let report = album.merge(incoming.photos());
    assert_eq!(
        (report.added, report.already_there, report.left_out),
        (2, 1, 0)
    );
    // Ours first, in our order; the new one after.
    assert_eq!(
        hashes(album.of_item("hometax")),
        [sha256_hex(POSTER), sha256_hex(&jpeg(7)), sha256_hex(SLIDE)]
    );
    assert_eq!(album.of_item("koneps").len(), 1);
    let again = album.clone();
    let second = album.merge(incoming.photos());
    assert_eq!((second.added, second.already_there), (0, 3));
    assert_eq!(album, again);
}

#[test]
fn merge_leaves_out_and_counts_what_would_overfill_an_item() {
    let mut album = PhotoAlbum::default();
    let mut incoming = PhotoAlbum::default();
    for n in 0..PHOTOS_PER_ITEM as u32 {
        album.add("a", &jpeg(n), 10, 10, TODAY).expect("room");
    }
    incoming.add("a", &jpeg(100), 10, 10, TODAY).expect("room");
    incoming.add("b", &jpeg(101), 10, 10, TODAY).expect("room");
    let report = album.merge(incoming.photos());
    assert_eq!((report.added, report.left_out), (1, 1));
}

#[test]
fn the_photo_list_reads_back_what_it_wrote() {
    let (album, _) = sample();
    let text = photos_manifest_json(album.photos());
    assert!(text.starts_with(r#"{"app":"e-Gov Companion","kind":"photos","format":1,"photos":["#));
    assert_eq!(parse_photos_manifest(&text).as_deref(), Ok(album.photos()));
}

/// The app stores each photo as a record of its own, and reads them back in the store's
/// key order (by hash): the album must come back in the order the person chose.
#[test]
fn photos_read_back_one_record_each_keep_the_order_the_person_chose() {
    let mut album = PhotoAlbum::default();
    let hashes: Vec<String> = (0..4)
        .map(|n| {
            album
                .add("hometax", &jpeg(200 + n), 10, 10, TODAY)
                .expect("room")
                .hash
        })
        .collect();
    assert!(album.move_photo("hometax", &hashes[3], Move::Earlier));
    assert!(album.move_photo("hometax", &hashes[3], Move::Earlier));
    assert!(album.move_photo("hometax", &hashes[0], Move::Later));
    let chosen: Vec<&str> = album
        .of_item("hometax")
        .iter()
        .map(|p| p.hash.as_str())
        .collect();
    let mut records: Vec<(String, String)> = album
        .photos()
        .iter()
        .map(|p| {
            (
                p.hash.clone(),
                photos_manifest_json(std::slice::from_ref(p)),
            )
        })
        .collect();
    records.sort();
    let mut read = Vec::new();
    for (_, text) in &records {
        read.extend(parse_photos_manifest(text).expect("a stored record"));
    }
    let again = PhotoAlbum::new(read);
    let order: Vec<&str> = again
        .of_item("hometax")
        .iter()
        .map(|p| p.hash.as_str())
        .collect();
    assert_eq!(order, chosen);
    assert_eq!(again, album);
}

/// A photo's record as the app stored it with serde_json (IndexedDB keeps these): written
/// again byte for byte, and read back.
#[test]
fn a_stored_photo_record_is_written_as_before() {
    let stored = r#"{"app":"e-Gov Companion","kind":"photos","format":1,"photos":[{"hash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","item_id":"hometax","caption":"Slide 3: \"e-invoice\" flow","position":0,"width":1600,"height":1200,"bytes":254000,"added_on":"2026-12-04"}]}"#;
    let photos = parse_photos_manifest(stored).expect("a stored record");
    assert_eq!(photos[0].caption, "Slide 3: \"e-invoice\" flow");
    assert_eq!(photos_manifest_json(&photos), stored);
}

#[test]
fn a_photo_list_that_breaks_the_rules_is_refused_saying_why() {
    let (album, _) = sample();
    let good = photos_manifest_json(album.photos());
    let newer = good.replace("\"format\":1", "\"format\":2");
    assert_eq!(
        parse_photos_manifest(&newer),
        Err(ImportError::NewerFormat(2))
    );
    let cases = [
        (
            good.replace("\"kind\":\"photos\"", "\"kind\":\"other\""),
            "not one this app writes",
        ),
        (good.replacen(&sha256_hex(SLIDE), "abc", 1), "no valid hash"),
        (
            good.replace("Slide 3: the portal", &"x".repeat(CAPTION_MAX_CHARS + 1)),
            "caption",
        ),
        (
            good.replace("Slide 3: the portal", "two\\nlines"),
            "caption",
        ),
        (
            good.replacen("\"width\":160", "\"width\":0", 1),
            "size limits",
        ),
        (good.replacen(TODAY, "yesterday", 1), "date"),
        (
            good.replacen("\"item_id\":\"hometax\"", "\"item_id\":\"\"", 1),
            "not an item id",
        ),
        (good.replace("\"hash\"", "\"sha\""), "cannot be read"),
        (good[..good.len() - 5].to_string(), "cannot be read"),
    ];
    for (text, why) in cases {
        let Err(ImportError::Damaged(message)) = parse_photos_manifest(&text) else {
            panic!("accepted: {text}");
        };
        assert!(message.contains(why), "{message} / {why}");
    }
    let twice = {
        let mut photos = album.photos().to_vec();
        photos.push(photos[0].clone());
        photos_manifest_json(&photos)
    };
    assert!(matches!(
        parse_photos_manifest(&twice),
        Err(ImportError::Damaged(m)) if m.contains("twice")
    ));
}

#[test]
fn a_zip_backup_round_trips_every_photo() {
    let (album, jpegs) = sample();
    let file = zip_backup(&library(), &album, &jpegs, Some("2026-11-27"), NOW).expect("written");
    assert_eq!((file.photos, file.photos_missing), (3, 0));
    let names: Vec<String> = read_zip(&file.bytes, usize::MAX)
        .expect("a zip")
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(
        names,
        [
            "library.json".to_string(),
            "photos.json".into(),
            format!("photos/{}.jpg", sha256_hex(SLIDE)),
            format!("photos/{}.jpg", sha256_hex(POSTER)),
        ],
        "each picture once"
    );
    let read = read_backup_file(&file.bytes).expect("our own backup");
    assert_eq!(read.backup.library, library());
    assert_eq!(read.backup.content_version.as_deref(), Some("2026-11-27"));
    assert_eq!(read.photos, album.photos());
    assert_eq!(read.jpegs, jpegs);
    // Into a fresh profile: every photo, with its caption and order.
    let mut fresh = PhotoAlbum::default();
    assert_eq!(fresh.merge(&read.photos).added, 3);
    assert_eq!(fresh, album);
}

#[test]
fn the_zip_holds_exactly_todays_json_backup() {
    let (album, jpegs) = sample();
    let file = zip_backup(&library(), &album, &jpegs, None, NOW).expect("written");
    let entries = read_zip(&file.bytes, usize::MAX).expect("a zip");
    assert_eq!(
        entries[0].bytes,
        backup_json(&library(), None, NOW).into_bytes()
    );
}

#[test]
fn a_plain_json_backup_still_imports_with_no_photos() {
    let text = backup_json(&library(), Some("2026-11-27"), NOW);
    let read = read_backup_file(text.as_bytes()).expect("a JSON backup");
    assert_eq!(read.backup.library, library());
    assert!(read.photos.is_empty() && read.jpegs.is_empty());
    assert_eq!(
        read_backup_file(b"<html>"),
        Err(BackupFileError::Import(ImportError::NotJson))
    );
}

#[test]
fn a_photo_whose_bytes_are_gone_is_left_out_of_the_backup_and_counted() {
    let (album, mut jpegs) = sample();
    jpegs.remove(&sha256_hex(POSTER));
    let file = zip_backup(&library(), &album, &jpegs, None, NOW).expect("written");
    assert_eq!((file.photos, file.photos_missing), (2, 1));
    let read = read_backup_file(&file.bytes).expect("still a valid backup");
    assert_eq!(read.photos.len(), 2);
}

#[test]
fn the_import_preview_counts_photos_and_new_ones() {
    let (album, jpegs) = sample();
    let file = zip_backup(&library(), &album, &jpegs, Some("2026-11-27"), NOW).expect("written");
    let read = read_backup_file(&file.bytes).expect("our own backup");
    let mut mine = PhotoAlbum::default();
    mine.add("hometax", SLIDE, 160, 120, TODAY)
        .expect("a photo");
    assert_eq!(read.new_photos(&mine), 2);
    assert_eq!(
        read.describe(&mine),
        "This backup, made on 2025-11-27 with the content of 2026-11-27, holds 1 bookmark, 1 note and 0 attended marks, and 3 photos (2 new)."
    );
    let plain = read_backup_file(backup_json(&library(), None, NOW).as_bytes()).expect("JSON");
    assert_eq!(
        plain.describe(&mine),
        "This backup, made on 2025-11-27, holds 1 bookmark, 1 note and 0 attended marks."
    );
}

/// A `.zip` of `entries`, as another tool (or a hand) might make it.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(DosTime::from_millis(NOW));
    for (name, bytes) in entries {
        zip.add(name, bytes).expect("safe name");
    }
    zip.finish()
}

#[test]
fn a_zip_backup_with_a_missing_or_changed_photo_is_refused() {
    let (album, _) = sample();
    let library_json = backup_json(&library(), None, NOW);
    let manifest = photos_manifest_json(album.photos());
    let slide_name = format!("photos/{}.jpg", sha256_hex(SLIDE));
    let poster_name = format!("photos/{}.jpg", sha256_hex(POSTER));
    let missing = zip_of(&[
        ("library.json", library_json.as_bytes()),
        ("photos.json", manifest.as_bytes()),
        (&slide_name, SLIDE),
    ]);
    let error = read_backup_file(&missing).expect_err("a photo is missing");
    assert!(
        matches!(&error, BackupFileError::BadPhoto(which) if which.contains("The poster")),
        "{error}"
    );
    assert!(error.to_string().contains("missing or damaged"), "{error}");
    let swapped = zip_of(&[
        ("library.json", library_json.as_bytes()),
        ("photos.json", manifest.as_bytes()),
        (&slide_name, POSTER),
        (&poster_name, POSTER),
    ]);
    assert!(matches!(
        read_backup_file(&swapped),
        Err(BackupFileError::BadPhoto(_))
    ));
}

#[test]
fn a_zip_that_is_not_our_backup_is_refused_in_plain_words() {
    let no_library = zip_of(&[("notes.txt", b"hello")]);
    let error = read_backup_file(&no_library).expect_err("no library.json");
    assert_eq!(error, BackupFileError::NoLibrary);
    assert_eq!(
        error.to_string(),
        "the .zip holds no library.json, so it is not a backup made by this app"
    );
    let (album, jpegs) = sample();
    let file = zip_backup(&library(), &album, &jpegs, None, NOW).expect("written");
    let cut = &file.bytes[..file.bytes.len() / 2];
    assert_eq!(
        read_backup_file(cut),
        Err(BackupFileError::Zip(ZipError::Truncated))
    );
    let bad_library = zip_of(&[("library.json", b"{\"hello\": 1}")]);
    assert_eq!(
        read_backup_file(&bad_library),
        Err(BackupFileError::Import(ImportError::NotABackup))
    );
}
