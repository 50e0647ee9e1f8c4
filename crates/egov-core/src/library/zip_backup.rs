//! The `.zip` backup: the library and its photos in one file.
//!
//! It holds `library.json` (exactly the plain backup, [`super::backup_json`]), `photos.json`
//! (the photo list, [`super::photos_manifest_json`]) and `photos/<hash>.jpg` for each
//! picture, once however many items show it. [`read_backup_file`] reads either kind of
//! backup a person chooses: a plain JSON backup goes through [`super::parse_backup`]
//! unchanged, a `.zip` is unpacked, its `library.json` read by that same reader, and every
//! listed photo checked to have its file with the right SHA-256.
//!
//! What it is not: storage. The caller passes the photos' bytes in and stores what a merge
//! adds; nothing here touches the library until the person chooses merge or replace.

use crate::sorted::SortedMap;

use super::photos::{is_jpeg, parse_photos_manifest, photos_manifest_json, sha256_hex};
use super::{backup_json, parse_backup, Backup, ImportError, Library, PhotoAlbum, PhotoMeta};
use crate::archive::{looks_like_zip, read_zip, DosTime, ZipError, ZipWriter};

/// The library's entry in a `.zip` backup.
pub const LIBRARY_ENTRY: &str = "library.json";
/// The photo list's entry in a `.zip` backup.
pub const PHOTOS_ENTRY: &str = "photos.json";
/// Largest `.zip` backup read, in bytes unpacked: about 1,500 shrunk photos, and well
/// within what a phone's browser can hold in memory at once.
pub const MAX_ZIP_BACKUP_BYTES: usize = 512 * 1024 * 1024;

/// Why a chosen backup file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupFileError {
    /// The `.zip` itself cannot be read.
    #[error(transparent)]
    Zip(#[from] ZipError),
    /// The library (or the photo list) in it cannot be imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A `.zip` without `library.json`.
    #[error("the .zip holds no library.json, so it is not a backup made by this app")]
    NoLibrary,
    /// A listed photo whose file is missing, damaged or not the photo listed.
    #[error("the photo {0} listed in the backup is missing or damaged")]
    BadPhoto(String),
}

/// A `.zip` backup, made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipBackupFile {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Photos in it.
    pub photos: usize,
    /// Photos left out because their bytes were not passed in (gone from storage).
    pub photos_missing: usize,
}

/// Makes the `.zip` backup of `library` and `album`, with each photo's bytes from `jpegs`
/// (by hash). A photo whose bytes are not there is left out and counted, so a lost
/// picture never stops the rest from being saved. `now` is in milliseconds since 1970.
pub fn zip_backup(
    library: &Library,
    album: &PhotoAlbum,
    jpegs: &SortedMap<String, Vec<u8>>,
    content_version: Option<&str>,
    now: u64,
) -> Result<ZipBackupFile, ZipError> {
    let (kept, missing): (Vec<&PhotoMeta>, Vec<&PhotoMeta>) = album
        .photos()
        .iter()
        .partition(|p| jpegs.contains_key(&p.hash));
    let kept: Vec<PhotoMeta> = kept.into_iter().cloned().collect();
    let mut zip = ZipWriter::new(DosTime::from_millis(now));
    zip.add(
        LIBRARY_ENTRY,
        backup_json(library, content_version, now).as_bytes(),
    )?;
    zip.add(PHOTOS_ENTRY, photos_manifest_json(&kept).as_bytes())?;
    for photo in &kept {
        let name = photo_entry(&photo.hash);
        // One file per picture, however many items show it.
        if let Some(bytes) = jpegs.get(&photo.hash) {
            match zip.add(&name, bytes) {
                Ok(()) | Err(ZipError::Duplicate(_)) => {}
                Err(other) => return Err(other),
            }
        }
    }
    Ok(ZipBackupFile {
        bytes: zip.finish(),
        photos: kept.len(),
        photos_missing: missing.len(),
    })
}

/// The entry name of a picture in a `.zip` backup.
fn photo_entry(hash: &str) -> String {
    format!("photos/{hash}.jpg")
}

/// A checked backup with its photos, ready to preview and then merge or replace.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupWithPhotos {
    /// The library part, as a plain backup gives it.
    pub backup: Backup,
    /// The photos' descriptions (none for a plain JSON backup).
    pub photos: Vec<PhotoMeta>,
    /// Each listed picture's JPEG bytes, by hash, checked against it.
    pub jpegs: SortedMap<String, Vec<u8>>,
}

impl BackupWithPhotos {
    /// How many of its photos `album` lacks: what a merge would add.
    pub fn new_photos(&self, album: &PhotoAlbum) -> usize {
        album.count_new(&self.photos)
    }

    /// The import preview, in a sentence: what the backup holds and how many of its
    /// photos are new to `album`.
    pub fn describe(&self, album: &PhotoAlbum) -> String {
        let library = &self.backup.library;
        let (b, n, a) = (
            library.bookmarks().len(),
            library.notes().len(),
            library.attended().len(),
        );
        let made = self
            .backup
            .exported_on
            .as_deref()
            .map(|d| format!(" made on {d}"))
            .unwrap_or_default();
        let content = self
            .backup
            .content_version
            .as_deref()
            .map(|v| format!(" with the content of {v}"))
            .unwrap_or_default();
        let details = if made.is_empty() && content.is_empty() {
            String::new()
        } else {
            format!(",{made}{content},")
        };
        let photos = if self.photos.is_empty() {
            String::new()
        } else {
            let p = self.photos.len();
            format!(
                ", and {p} photo{} ({} new)",
                plural(p),
                self.new_photos(album)
            )
        };
        format!(
            "This backup{details} holds {b} bookmark{}, {n} note{} and {a} attended mark{}{photos}.",
            plural(b),
            plural(n),
            plural(a),
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Reads a chosen backup file of either kind: a `.zip` backup, or a plain JSON backup
/// (read exactly as before, with no photos).
pub fn read_backup_file(bytes: &[u8]) -> Result<BackupWithPhotos, BackupFileError> {
    if !looks_like_zip(bytes) {
        let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotJson)?;
        return Ok(BackupWithPhotos {
            backup: parse_backup(text)?,
            photos: Vec::new(),
            jpegs: SortedMap::new(),
        });
    }
    let mut entries: SortedMap<String, Vec<u8>> = read_zip(bytes, MAX_ZIP_BACKUP_BYTES)?
        .into_iter()
        .map(|entry| (entry.name, entry.bytes))
        .collect();
    let library = entries
        .remove(LIBRARY_ENTRY)
        .ok_or(BackupFileError::NoLibrary)?;
    let text = std::str::from_utf8(&library).map_err(|_| ImportError::NotJson)?;
    let backup = parse_backup(text)?;
    let photos = match entries.remove(PHOTOS_ENTRY) {
        None => Vec::new(),
        Some(manifest) => {
            let text = std::str::from_utf8(&manifest)
                .map_err(|_| ImportError::Damaged("its photo list is not text".into()))?;
            parse_photos_manifest(text)?
        }
    };
    let mut jpegs = SortedMap::new();
    for photo in &photos {
        if jpegs.contains_key(&photo.hash) {
            continue;
        }
        let bad = || BackupFileError::BadPhoto(photo_label(photo));
        let jpeg = entries.remove(&photo_entry(&photo.hash)).ok_or_else(bad)?;
        if sha256_hex(&jpeg) != photo.hash || !is_jpeg(&jpeg) {
            return Err(bad());
        }
        jpegs.insert(photo.hash.clone(), jpeg);
    }
    // Each listing of a picture must agree with its file's size.
    if let Some(photo) = photos
        .iter()
        .find(|p| jpegs.get(&p.hash).map(Vec::len) != Some(p.bytes as usize))
    {
        return Err(BackupFileError::BadPhoto(photo_label(photo)));
    }
    Ok(BackupWithPhotos {
        backup,
        photos,
        jpegs,
    })
}

/// How a photo is named in a message: its caption, or its place on its item.
fn photo_label(photo: &PhotoMeta) -> String {
    let caption: String = photo.caption.chars().take(40).collect();
    if caption.is_empty() {
        format!("number {} on “{}”", photo.position + 1, photo.item_id)
    } else {
        format!("“{caption}” on “{}”", photo.item_id)
    }
}
