//! The backup import parser, the stored-library decoder and the photo-list reader: any bytes
//! as a chosen file, as the value in storage or as a photo record. Never a panic; an
//! accepted library or photo list survives a round trip, and merging a library into
//! another loses nothing.
#![no_main]

use egov_core::library::{
    backup_json, decode, encode, parse_backup, parse_photos_manifest, photos_manifest_json, Library,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(library) = decode(&text) {
        let again = decode(&encode(&library)).expect("an encoded library decodes");
        assert_eq!(again, library, "stored library changed in a round trip");
    }
    if let Ok(photos) = parse_photos_manifest(&text) {
        let again = parse_photos_manifest(&photos_manifest_json(&photos));
        assert_eq!(
            again.as_ref(),
            Ok(&photos),
            "photo list changed in a round trip"
        );
    }
    if let Ok(backup) = parse_backup(&text) {
        let file = backup_json(&backup.library, backup.content_version.as_deref(), 0);
        let again = parse_backup(&file).expect("an exported backup imports");
        assert_eq!(
            again.library, backup.library,
            "backup changed in a round trip"
        );
        let mut ours = Library::default();
        ours.merge(&backup.library);
        for bookmark in backup.library.bookmarks() {
            assert!(
                ours.bookmarks().iter().any(|b| b.id == bookmark.id),
                "merge lost bookmark {}",
                bookmark.id
            );
        }
    }
});
