//! My library: what a person keeps on their device — bookmarks, private notes, attended
//! marks, photos on notes — and the versioned format it is stored in.
//!
//! [`Library`] holds the rules (toggle, note limits, attended); [`decode`] and [`encode`]
//! turn it into text and back, migrating older formats and refusing corrupt or newer ones
//! with a [`StoreError`] so the caller can keep the original aside. [`PhotoAlbum`] holds the
//! photos' rules; [`zip_backup()`] and [`read_backup_file`] are the `.zip` backup that carries
//! them, and [`trip_report_docx`] the report as a Word document. This module is pure: it
//! never touches storage, the clock or the page; callers pass the time in.

mod backup;
mod calendar;
mod docx;
mod note_edit;
mod photos;
mod report;
mod saved;
mod share;
mod zip_backup;

use std::collections::HashMap;

use crate::sorted::{SortedMap, SortedSet};

use crate::json::{self, push_each, push_string, JsonError, Reader};

pub use backup::{
    parse_backup, Backup, ImportError, MergeReport, MAX_IMPORT_BYTES, MAX_IMPORT_ENTRIES,
};
pub use calendar::calendar_ics;
pub use docx::trip_report_docx;
pub use note_edit::{FieldSave, OTHER_VERSION_MARKER};
pub use photos::{
    is_jpeg, normalize_caption, parse_photos_manifest, photos_manifest_json, sha256, sha256_hex,
    Move, PhotoAlbum, PhotoError, PhotoMergeReport, PhotoMeta, CAPTION_MAX_CHARS, MAX_PHOTOS,
    PHOTOS_FORMAT, PHOTOS_PER_ITEM, PHOTO_LONG_SIDE, PHOTO_MAX_BYTES,
};
pub use report::{
    note_parts, trip_report, trip_report_markdown, trip_report_markdown_with_photos,
    trip_report_with_items, ReportEntry, ReportGroup, TripReport, REPORT_TITLE,
};
pub use saved::{removal_message, saved_groups, KindGroup, SavedGroups};
pub use share::{
    added_from_share, decode_share, item_code, share_query, ShareError, SharedList,
    MAX_SHARED_ITEMS,
};
pub use zip_backup::{
    read_backup_file, zip_backup, BackupFileError, BackupWithPhotos, ZipBackupFile, LIBRARY_ENTRY,
    MAX_ZIP_BACKUP_BYTES, PHOTOS_ENTRY,
};

/// The key under which an unreadable stored library is kept aside, never overwritten
/// (under [`crate::keys::LIBRARY_UNREADABLE_PREFIX`]; the library itself is stored under
/// [`crate::keys::LIBRARY`]).
pub fn backup_key(now: u64) -> String {
    format!("{}{now}", crate::keys::LIBRARY_UNREADABLE_PREFIX)
}

/// The storage format written today. Older formats are migrated by [`decode`].
pub const FORMAT_VERSION: u32 = 1;

/// Longest private note, in characters (a page of text; localStorage is small).
pub const NOTE_MAX_CHARS: usize = 5_000;

/// From how many characters on a note shows how many are left.
pub const NOTE_WARN_CHARS: usize = 4_500;

/// Largest stored library accepted when decoding, in bytes.
pub const MAX_STORED_BYTES: usize = 4 * 1024 * 1024;

/// A bookmark: an item id and when it was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// The item's id.
    pub id: String,
    /// When it was saved, in milliseconds since 1970 (UTC).
    pub saved_at: u64,
}

/// A private note on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The text, plain, at most [`NOTE_MAX_CHARS`] characters.
    pub text: String,
    /// When it was last changed, in milliseconds since 1970 (UTC).
    pub updated_at: u64,
    /// Answers to the report prompts ([`NOTE_PROMPTS`]), by prompt key; each plain text of
    /// at most [`NOTE_MAX_CHARS`] characters.
    pub prompts: SortedMap<String, String>,
}

impl Note {
    /// True when neither the text nor any prompt answer has content.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty() && self.prompts.values().all(|a| a.trim().is_empty())
    }

    /// True when the text or a prompt answer is longer than [`NOTE_MAX_CHARS`]. Such a note
    /// can only come from storage written under a higher limit: it is kept whole (never cut
    /// or dropped), and the person is told to shorten it, since an edit over the limit is
    /// refused.
    pub fn is_over_limit(&self) -> bool {
        std::iter::once(&self.text)
            .chain(self.prompts.values())
            .any(|t| t.chars().count() > NOTE_MAX_CHARS)
    }
}

/// Prompts a case-study note offers, for the report home: (key, question).
pub const NOTE_PROMPTS: [(&str, &str); 4] = [
    ("relevance", "Relevance to my country"),
    ("preconditions", "Preconditions we lack"),
    ("questions", "Questions to ask"),
    ("contacts", "Who to contact"),
];

/// Everything a person keeps: bookmarks in the order saved, notes by item id, and the
/// sessions and site visits they marked as attended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    bookmarks: Vec<Bookmark>,
    notes: SortedMap<String, Note>,
    attended: SortedSet<String>,
}

/// Why a note was not saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    /// The note is longer than [`NOTE_MAX_CHARS`].
    #[error("the note is {0} characters; the limit is {NOTE_MAX_CHARS}")]
    TooLong(usize),
}

impl Library {
    /// Bookmarks, oldest first.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// True when `id` is bookmarked.
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.iter().any(|b| b.id == id)
    }

    /// Bookmarks `id` if it is not, removes the bookmark if it is; returns the new state.
    pub fn toggle_bookmark(&mut self, id: &str, now: u64) -> bool {
        if self.is_bookmarked(id) {
            self.remove_bookmark(id);
            false
        } else {
            self.bookmarks.push(Bookmark {
                id: id.to_string(),
                saved_at: now,
            });
            true
        }
    }

    /// Bookmarks every id of `ids` not bookmarked yet (a shared reading list), in order, and
    /// returns how many were added. An id listed twice is added once.
    pub fn add_bookmarks(&mut self, ids: &[String], now: u64) -> usize {
        let mut added = 0;
        for id in ids {
            if !self.is_bookmarked(id) {
                self.bookmarks.push(Bookmark {
                    id: id.clone(),
                    saved_at: now,
                });
                added += 1;
            }
        }
        added
    }

    /// Removes the bookmark on `id` and returns it, so that it can be put back (undo).
    pub fn remove_bookmark(&mut self, id: &str) -> Option<Bookmark> {
        let position = self.bookmarks.iter().position(|b| b.id == id)?;
        Some(self.bookmarks.remove(position))
    }

    /// Puts back a removed bookmark, in its original place in time.
    pub fn restore_bookmark(&mut self, bookmark: Bookmark) {
        if self.is_bookmarked(&bookmark.id) {
            return;
        }
        let position = self
            .bookmarks
            .partition_point(|b| b.saved_at <= bookmark.saved_at);
        self.bookmarks.insert(position, bookmark);
    }

    /// The note on `id`, if there is one.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.get(id)
    }

    /// Every note, by item id.
    pub fn notes(&self) -> &SortedMap<String, Note> {
        &self.notes
    }

    /// Sets the note on `id`; an empty (or blank) text deletes it. Refuses a note over the
    /// limit, leaving the stored one as it was.
    pub fn set_note(&mut self, id: &str, text: &str, now: u64) -> Result<(), NoteError> {
        self.edit_note(id, text, now, |note, text| note.text = text)
    }

    /// Sets the answer to one report prompt (a key of [`NOTE_PROMPTS`]) on `id`'s note;
    /// an empty answer removes it. The same limit as a note applies.
    pub fn set_prompt(
        &mut self,
        id: &str,
        key: &str,
        text: &str,
        now: u64,
    ) -> Result<(), NoteError> {
        let key = key.to_string();
        self.edit_note(id, text, now, move |note, text| {
            if text.trim().is_empty() {
                note.prompts.remove(&key);
            } else {
                note.prompts.insert(key, text);
            }
        })
    }

    /// Applies `edit` to `id`'s note (made if missing), dropping the note when it ends blank.
    fn edit_note(
        &mut self,
        id: &str,
        text: &str,
        now: u64,
        edit: impl FnOnce(&mut Note, String),
    ) -> Result<(), NoteError> {
        let length = text.chars().count();
        if length > NOTE_MAX_CHARS {
            return Err(NoteError::TooLong(length));
        }
        let mut note = self.notes.remove(id).unwrap_or(Note {
            text: String::new(),
            updated_at: now,
            prompts: SortedMap::new(),
        });
        edit(&mut note, text.to_string());
        note.updated_at = now;
        if !note.is_blank() {
            self.notes.insert(id.to_string(), note);
        }
        Ok(())
    }

    /// True when `id` is marked as attended.
    pub fn is_attended(&self, id: &str) -> bool {
        self.attended.contains(id)
    }

    /// Marks or unmarks `id` as attended.
    pub fn set_attended(&mut self, id: &str, attended: bool) {
        if attended {
            self.attended.insert(id.to_string());
        } else {
            self.attended.remove(id);
        }
    }

    /// Ids marked as attended.
    pub fn attended(&self) -> &SortedSet<String> {
        &self.attended
    }

    /// Every item id the library mentions (bookmarks, notes, attended), sorted, unique.
    pub fn item_ids(&self) -> SortedSet<&str> {
        self.bookmarks
            .iter()
            .map(|b| b.id.as_str())
            .chain(self.notes.keys().map(String::as_str))
            .chain(self.attended.iter().map(String::as_str))
            .collect()
    }

    /// True when there is nothing in the library.
    pub fn is_empty(&self) -> bool {
        self.bookmarks.is_empty() && self.notes.is_empty() && self.attended.is_empty()
    }
}

/// Why a stored library could not be read. In every case the caller keeps the original
/// text aside and tells the person; nothing is overwritten.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Not JSON, or not the shape of any known format.
    #[error("the saved library is damaged and cannot be read ({0})")]
    Corrupt(String),
    /// Written by a newer version of the app.
    #[error("the saved library was written by a newer version of the app (format {0})")]
    NewerFormat(u32),
    /// Larger than [`MAX_STORED_BYTES`].
    #[error("the saved library is too large to read ({0} KB)")]
    TooLarge(usize),
}

/// Format 1, as stored. Frozen: a later format gets its own struct and a migration.
///
/// `{"format":1,"bookmarks":[{"id":"hometax","saved_at":1764201600000}],"notes":{"hometax":
/// {"text":"…","updated_at":1764201800000,"prompts":{"relevance":"…"}}},"attended":["…"]}`:
/// `notes` and `attended` may be left out, and so may a note's `prompts` (written only when
/// there are some); nothing else may be added.
#[derive(Debug, Default)]
struct StoredV1 {
    bookmarks: Vec<Bookmark>,
    notes: SortedMap<String, Note>,
    attended: SortedSet<String>,
}

impl StoredV1 {
    fn read(r: &mut Reader) -> Result<Self, JsonError> {
        let mut stored = StoredV1::default();
        let mut fields = r.object(&["format", "bookmarks", "notes", "attended"])?;
        while let Some(field) = fields.next(r)? {
            match field {
                "format" => {
                    r.u32()?;
                }
                "bookmarks" => r.list_into(&mut stored.bookmarks, Bookmark::read)?,
                "notes" => stored.notes = map_of(r, Note::read)?,
                "attended" => stored.attended = r.strings()?.into_iter().collect(),
                _ => r.skip()?,
            }
        }
        fields.require(r, "format")?;
        fields.require(r, "bookmarks")?;
        Ok(stored)
    }
}

/// A JSON object of any keys read into a map, each value by `read`: gathered, then sorted
/// once, so a store or backup in any order reads in n log n.
fn map_of<'a, V>(
    r: &mut Reader<'a>,
    mut read: impl FnMut(&mut Reader<'a>) -> Result<V, JsonError>,
) -> Result<SortedMap<String, V>, JsonError> {
    let (mut fields, mut entries) = (r.map()?, Vec::new());
    while let Some(key) = fields.next_key(r)? {
        entries.push((key.into_owned(), read(r)?));
    }
    Ok(entries.into_iter().collect())
}

impl Bookmark {
    fn read(r: &mut Reader) -> Result<Self, JsonError> {
        let (mut id, mut saved_at) = (String::new(), 0);
        let mut fields = r.object(&["id", "saved_at"])?;
        while let Some(field) = fields.next(r)? {
            match field {
                "id" => r.string_into(&mut id)?,
                "saved_at" => saved_at = r.u64()?,
                _ => r.skip()?,
            }
        }
        fields.require(r, "id")?;
        fields.require(r, "saved_at")?;
        Ok(Bookmark { id, saved_at })
    }
}

impl Note {
    fn read(r: &mut Reader) -> Result<Self, JsonError> {
        let mut note = Note {
            text: String::new(),
            updated_at: 0,
            prompts: SortedMap::new(),
        };
        let mut fields = r.object(&["text", "updated_at", "prompts"])?;
        while let Some(field) = fields.next(r)? {
            match field {
                "text" => r.string_into(&mut note.text)?,
                "updated_at" => note.updated_at = r.u64()?,
                "prompts" => note.prompts = map_of(r, Reader::string)?,
                _ => r.skip()?,
            }
        }
        fields.require(r, "text")?;
        fields.require(r, "updated_at")?;
        Ok(note)
    }
}

/// The `format` of a stored library (any other fields skipped), read first to choose how
/// to read the rest.
fn format_of(r: &mut Reader) -> Result<u32, JsonError> {
    let mut fields = r.map()?;
    let mut format = None;
    while let Some(key) = fields.next_key(r)? {
        if key == "format" && format.is_none() {
            format = Some(r.u32()?);
        } else {
            r.skip()?;
        }
    }
    format.ok_or_else(|| r.error(json::Category::Data, "missing field `format`"))
}

/// Reads a stored library of any known format, migrating it to today's.
pub fn decode(text: &str) -> Result<Library, StoreError> {
    if text.len() > MAX_STORED_BYTES {
        return Err(StoreError::TooLarge(text.len() / 1024));
    }
    let format =
        json::read_whole(text, format_of).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    match format {
        1 => {
            let stored = json::read_whole(text, StoredV1::read)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let mut library = Library::default();
            // Keep the stored order (clocks can go backwards); drop repeated ids, in one
            // pass (a stored library can hold tens of thousands). Each id with its place: the
            // catalog's map type, one copy of the hash table's code less than a set.
            let mut seen: HashMap<String, usize> = HashMap::with_capacity(stored.bookmarks.len());
            library.bookmarks = stored
                .bookmarks
                .into_iter()
                .enumerate()
                .filter(|(place, b)| seen.insert(b.id.clone(), *place).is_none())
                .map(|(_, b)| b)
                .collect();
            // A note over today's limit is kept (see `Note::is_over_limit`); only notes
            // with nothing in them are dropped. (`retain`, not collecting a new map, which
            // would sort the notes again with a copy of the standard sort of its own.)
            library.notes = stored.notes;
            library.notes.retain(|_, note| !note.is_blank());
            library.attended = stored.attended;
            Ok(library)
        }
        newer if newer > FORMAT_VERSION => Err(StoreError::NewerFormat(newer)),
        other => Err(StoreError::Corrupt(format!("unknown format {other}"))),
    }
}

/// Writes a library in today's format (format 1's shape, `StoredV1`, in its fields' order).
pub fn encode(library: &Library) -> String {
    let mut out = format!("{{\"format\":{FORMAT_VERSION},\"bookmarks\":[");
    push_each(&mut out, &library.bookmarks, |out, bookmark| {
        out.push_str("{\"id\":");
        push_string(out, &bookmark.id);
        out.push_str(&format!(",\"saved_at\":{}}}", bookmark.saved_at));
    });
    out.push_str("],\"notes\":{");
    push_each(&mut out, &library.notes, |out, (id, note)| {
        push_string(out, id);
        out.push_str(":{\"text\":");
        push_string(out, &note.text);
        out.push_str(&format!(",\"updated_at\":{}", note.updated_at));
        if !note.prompts.is_empty() {
            out.push_str(",\"prompts\":{");
            push_each(out, &note.prompts, |out, (key, answer)| {
                push_string(out, key);
                out.push(':');
                push_string(out, answer);
            });
            out.push('}');
        }
        out.push('}');
    });
    out.push_str("},\"attended\":[");
    push_each(&mut out, &library.attended, |out, id| push_string(out, id));
    out.push_str("]}");
    out
}

/// A backup file for `library`, made now (`now` in milliseconds since 1970): the library in
/// today's format, with the app, the content version it was made with, and when.
pub fn backup_json(library: &Library, content_version: Option<&str>, now: u64) -> String {
    let mut out = format!(
        "{{\"app\":\"e-Gov Companion\",\"kind\":\"library-backup\",\"format\":{FORMAT_VERSION},\"content_version\":"
    );
    match content_version {
        Some(version) => push_string(&mut out, version),
        None => out.push_str("null"),
    }
    out.push_str(&format!(",\"exported_at\":{now},\"exported_on\":"));
    push_string(&mut out, &iso_date(now));
    out.push_str(",\"library\":");
    out.push_str(&encode(library));
    out.push('}');
    out
}

/// The UTC calendar date of a time in milliseconds since 1970, as `YYYY-MM-DD`.
pub fn iso_date(ms: u64) -> String {
    let (year, month, day) = crate::content::civil_from_days((ms / 86_400_000) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_date_of_a_timestamp() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_764_201_600_000), "2025-11-27");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29");
    }

    #[test]
    fn a_backup_carries_format_content_version_and_date() {
        let mut library = Library::default();
        library.toggle_bookmark("hometax", 1);
        let backup: serde_json::Value = serde_json::from_str(&backup_json(
            &library,
            Some("2026-11-27"),
            1_764_201_600_000,
        ))
        .expect("JSON");
        assert_eq!(backup["format"], FORMAT_VERSION);
        assert_eq!(backup["content_version"], "2026-11-27");
        assert_eq!(backup["exported_on"], "2025-11-27");
        assert_eq!(backup["library"]["bookmarks"][0]["id"], "hometax");
        // As serde_json wrote it before the app wrote it itself, byte for byte.
        let written = backup_json(&library, Some("2026-11-27"), 1_764_201_600_000);
        assert_eq!(
            written,
            r#"{"app":"e-Gov Companion","kind":"library-backup","format":1,"content_version":"2026-11-27","exported_at":1764201600000,"exported_on":"2025-11-27","library":{"format":1,"bookmarks":[{"id":"hometax","saved_at":1}],"notes":{},"attended":[]}}"#
        );
        let without_version = backup_json(&library, None, 0);
        assert!(without_version.contains(r#""content_version":null,"#));
    }

    #[test]
    fn adding_a_shared_list_bookmarks_only_what_is_new_and_counts_it() {
        let mut library = Library::default();
        library.toggle_bookmark("hometax", 1);
        let ids = ["koneps", "hometax", "uni-pass", "koneps"].map(String::from);
        assert_eq!(library.add_bookmarks(&ids, 2), 2);
        let saved: Vec<(&str, u64)> = library
            .bookmarks()
            .iter()
            .map(|b| (b.id.as_str(), b.saved_at))
            .collect();
        assert_eq!(saved, [("hometax", 1), ("koneps", 2), ("uni-pass", 2)]);
        assert_eq!(
            library.add_bookmarks(&ids, 3),
            0,
            "nothing new the second time"
        );
    }

    #[test]
    fn toggles_a_bookmark_on_and_off() {
        let mut library = Library::default();
        assert!(library.toggle_bookmark("hometax", 1));
        assert!(library.is_bookmarked("hometax"));
        assert!(!library.toggle_bookmark("hometax", 2));
        assert!(!library.is_bookmarked("hometax"));
    }

    #[test]
    fn undo_puts_a_bookmark_back_in_its_place() {
        let mut library = Library::default();
        library.toggle_bookmark("a", 1);
        library.toggle_bookmark("b", 2);
        library.toggle_bookmark("c", 3);
        let removed = library.remove_bookmark("b").expect("was there");
        library.restore_bookmark(removed);
        let ids: Vec<&str> = library.bookmarks().iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn refuses_a_note_over_the_limit_and_keeps_the_old_one() {
        let mut library = Library::default();
        library.set_note("a", "first", 1).expect("short note");
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        assert_eq!(
            library.set_note("a", &long, 2),
            Err(NoteError::TooLong(NOTE_MAX_CHARS + 1))
        );
        assert_eq!(library.note("a").map(|n| n.text.as_str()), Some("first"));
    }

    #[test]
    fn prompt_answers_live_beside_the_note() {
        let mut library = Library::default();
        library
            .set_prompt("hometax", "relevance", "We plan e-filing.", 1)
            .expect("ok");
        let note = library
            .note("hometax")
            .expect("a note with only a prompt answer");
        assert_eq!(
            note.prompts.get("relevance").map(String::as_str),
            Some("We plan e-filing.")
        );
        assert!(note.text.is_empty());
        library
            .set_prompt("hometax", "relevance", "", 2)
            .expect("ok");
        assert!(library.note("hometax").is_none(), "blank notes are dropped");
    }

    #[test]
    fn an_emptied_note_is_deleted() {
        let mut library = Library::default();
        library.set_note("a", "text", 1).expect("ok");
        library.set_note("a", "  \n", 2).expect("ok");
        assert!(library.note("a").is_none());
        assert!(library.is_empty());
    }

    #[test]
    fn round_trips_through_the_stored_format() {
        let mut library = Library::default();
        library.toggle_bookmark("hometax", 10);
        library
            .set_note("hometax", "Ask about e-invoices · 전자세금계산서", 11)
            .expect("ok");
        library.set_attended("2017-wrap-up", true);
        assert_eq!(decode(&encode(&library)), Ok(library));
    }

    #[test]
    fn keeps_a_stored_note_over_the_limit_and_flags_it() {
        // Written when the limit was higher (or by hand): never dropped on reading.
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        let stored = format!(
            r#"{{"format": 1, "bookmarks": [], "notes": {{
                "hometax": {{"text": "{long}", "updated_at": 1}},
                "koneps": {{"text": "", "updated_at": 1, "prompts": {{"relevance": "{long}"}}}},
                "unipass": {{"text": "short", "updated_at": 1}}
            }}}}"#
        );
        let library = decode(&stored).expect("readable");
        let flagged: Vec<&str> = library
            .notes()
            .iter()
            .filter(|(_, note)| note.is_over_limit())
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(flagged, ["hometax", "koneps"]);
        assert_eq!(
            library.note("hometax").map(|n| n.text.len()),
            Some(long.len())
        );
        // Written back, it is still whole.
        assert_eq!(decode(&encode(&library)), Ok(library));
    }

    #[test]
    fn an_over_long_note_keeps_its_text_when_another_part_is_edited() {
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        let stored = format!(
            r#"{{"format": 1, "bookmarks": [], "notes": {{"a": {{"text": "{long}", "updated_at": 1}}}}}}"#
        );
        let mut library = decode(&stored).expect("readable");
        library
            .set_prompt("a", "relevance", "yes", 2)
            .expect("short answer");
        assert_eq!(library.note("a").map(|n| n.text.len()), Some(long.len()));
        assert!(
            library.set_note("a", &long, 3).is_err(),
            "an edit over the limit is refused"
        );
        library.set_note("a", "shortened", 4).expect("short note");
        assert!(!library.note("a").is_some_and(Note::is_over_limit));
    }

    #[test]
    fn repeated_bookmarks_in_storage_are_read_once_in_stored_order() {
        let stored = r#"{"format": 1, "bookmarks": [
            {"id": "b", "saved_at": 5}, {"id": "a", "saved_at": 1},
            {"id": "b", "saved_at": 9}, {"id": "c", "saved_at": 2}]}"#;
        let library = decode(stored).expect("readable");
        let ids: Vec<(&str, u64)> = library
            .bookmarks()
            .iter()
            .map(|b| (b.id.as_str(), b.saved_at))
            .collect();
        assert_eq!(ids, [("b", 5), ("a", 1), ("c", 2)]);
    }

    #[test]
    fn a_large_stored_library_is_read_in_linear_time() {
        // 60,000 distinct bookmarks (2.4 MB): quadratic de-duplication takes many seconds.
        let bookmarks: Vec<String> = (0..60_000)
            .map(|i| format!(r#"{{"id": "item-{i}", "saved_at": {i}}}"#))
            .collect();
        let stored = format!(r#"{{"format": 1, "bookmarks": [{}]}}"#, bookmarks.join(","));
        let started = std::time::Instant::now();
        let library = decode(&stored).expect("readable");
        assert_eq!(library.bookmarks().len(), 60_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn refuses_corrupt_newer_and_oversized_values() {
        assert!(matches!(decode("{not json"), Err(StoreError::Corrupt(_))));
        assert!(matches!(decode("[]"), Err(StoreError::Corrupt(_))));
        assert!(matches!(
            decode(r#"{"format": 1, "bookmarks": "nope"}"#),
            Err(StoreError::Corrupt(_))
        ));
        assert_eq!(
            decode(r#"{"format": 99, "whatever": true}"#),
            Err(StoreError::NewerFormat(99))
        );
        let huge = format!(
            r#"{{"format": 1, "bookmarks": [], "pad": "{}"}}"#,
            "x".repeat(MAX_STORED_BYTES)
        );
        assert!(matches!(decode(&huge), Err(StoreError::TooLarge(_))));
    }
}
