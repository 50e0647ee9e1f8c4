//! Backups: reading a backup file back, and merging or replacing a library with it.
//!
//! A file is checked before anything changes: size, JSON, that it is an e-Gov Companion
//! library backup, its format, and that its contents keep the library's limits. A refused
//! file is described in plain words; the current library is never touched by a refusal.

use std::collections::HashSet;

use super::{decode, Bookmark, Library, StoreError, FORMAT_VERSION, NOTE_MAX_CHARS, NOTE_PROMPTS};
use crate::json::{self, Category, JsonError, Reader};

/// Largest backup file accepted, in bytes (a full library with long notes is far smaller).
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// Most bookmarks, notes or attended marks a backup may hold, and most of each a merge
/// fills a library up to.
pub const MAX_IMPORT_ENTRIES: usize = 10_000;

/// A checked backup, ready to preview and then merge or replace.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// The library it holds.
    pub library: Library,
    /// The content version it was made with, if it says.
    pub content_version: Option<String>,
    /// The day it was made (`YYYY-MM-DD`), if it says.
    pub exported_on: Option<String>,
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("the file is {0} KB; a backup is at most {limit} KB", limit = MAX_IMPORT_BYTES / 1024)]
    TooLarge(usize),
    /// Ends before the JSON does.
    #[error("the file is cut short (was the download interrupted?)")]
    Truncated,
    /// Not JSON at all.
    #[error("the file is not a backup made by this app (it is not JSON)")]
    NotJson,
    /// JSON, but not one of our backups.
    #[error("the file is not a backup made by this app")]
    NotABackup,
    /// A backup from a newer version of the app.
    #[error(
        "the backup was made by a newer version of the app (format {0}); update the app first"
    )]
    NewerFormat(u32),
    /// Shaped like a backup, but its contents break the library's rules.
    #[error("the backup is damaged: {0}")]
    Damaged(String),
}

/// The outer shape of a backup file, as `backup_json` writes it: the library stays text,
/// for [`decode`].
#[derive(Default)]
struct BackupIn<'a> {
    app: String,
    kind: String,
    format: u32,
    content_version: Option<String>,
    exported_on: Option<String>,
    library: &'a str,
}

impl<'a> BackupIn<'a> {
    const FIELDS: &'static [&'static str] = &[
        "app",
        "kind",
        "format",
        "content_version",
        "exported_at",
        "exported_on",
        "library",
    ];

    fn read(r: &mut Reader<'a>) -> Result<Self, JsonError> {
        let mut backup = BackupIn::default();
        let mut fields = r.object(Self::FIELDS)?;
        while let Some(field) = fields.next(r)? {
            match field {
                "app" => r.string_into(&mut backup.app)?,
                "kind" => r.string_into(&mut backup.kind)?,
                "format" => backup.format = r.u32()?,
                "content_version" => r.optional_string_into(&mut backup.content_version)?,
                "exported_at" => {
                    r.optional(Reader::u64)?;
                }
                "exported_on" => r.optional_string_into(&mut backup.exported_on)?,
                "library" => backup.library = r.raw()?,
                _ => r.skip()?,
            }
        }
        for name in ["app", "kind", "format", "library"] {
            fields.require(r, name)?;
        }
        Ok(backup)
    }
}

/// Checks a backup file and reads it, or says what is wrong with it.
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len() / 1024));
    }
    // A byte-order mark, which some editors put in front of a file they save again, is not
    // part of the backup.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let outer = json::read_whole(text, BackupIn::read).map_err(|e| match e.category {
        Category::Eof => ImportError::Truncated,
        Category::Syntax => ImportError::NotJson,
        Category::Data => ImportError::NotABackup,
    })?;
    if outer.app != "e-Gov Companion" || outer.kind != "library-backup" {
        return Err(ImportError::NotABackup);
    }
    if outer.format > FORMAT_VERSION {
        return Err(ImportError::NewerFormat(outer.format));
    }
    let raw = outer.library;
    // Counted first, without keeping anything: a file of 80,000 tiny entries is refused
    // before any of them is read into the library.
    if json::read_whole(raw, largest_list).is_ok_and(|n| n > MAX_IMPORT_ENTRIES) {
        return Err(ImportError::Damaged(too_many_entries()));
    }
    let library = decode(raw).map_err(|e| match e {
        StoreError::NewerFormat(n) => ImportError::NewerFormat(n),
        other => ImportError::Damaged(other.to_string()),
    })?;
    if let Some(problem) = breaks_limits(&library) {
        return Err(ImportError::Damaged(problem));
    }
    let short =
        |value: Option<String>| value.filter(|v| v.len() <= 40 && !v.chars().any(char::is_control));
    Ok(Backup {
        library,
        content_version: short(outer.content_version),
        exported_on: short(outer.exported_on),
    })
}

/// How many entries the longest list of a stored library (`bookmarks`, `notes`,
/// `attended`) holds, counted without keeping them: the elements of an array or the members
/// of an object (other fields and other values count 0; `decode` says what is wrong with
/// them).
fn largest_list(r: &mut Reader) -> Result<usize, JsonError> {
    let mut largest = 0;
    let mut fields = r.map()?;
    while let Some(key) = fields.next_key(r)? {
        if !matches!(&*key, "bookmarks" | "notes" | "attended") {
            r.skip()?;
            continue;
        }
        let count = r.count_entries()?;
        largest = largest.max(count);
    }
    Ok(largest)
}

fn too_many_entries() -> String {
    format!("it holds more than {MAX_IMPORT_ENTRIES} entries")
}

/// A limit the imported library breaks, if any. `decode` keeps over-long notes and unknown
/// prompts (right for our own storage: nothing a person wrote is dropped), but a file a
/// person chose to import must keep today's rules, or a note would be stored that cannot be
/// shown or edited; it is refused whole, with the reason, rather than any part dropped.
fn breaks_limits(library: &Library) -> Option<String> {
    for (id, note) in library.notes() {
        let id = short(id);
        if note.text.chars().count() > NOTE_MAX_CHARS {
            return Some(format!(
                "the note on “{id}” is longer than {NOTE_MAX_CHARS} characters"
            ));
        }
        for (key, answer) in &note.prompts {
            let Some((_, question)) = NOTE_PROMPTS.iter().find(|(k, _)| k == key) else {
                return Some(format!(
                    "the note on “{id}” answers a question this app does not ask (“{}”)",
                    short(key)
                ));
            };
            if answer.chars().count() > NOTE_MAX_CHARS {
                return Some(format!(
                    "the answer to “{question}” on “{id}” is longer than {NOTE_MAX_CHARS} characters"
                ));
            }
        }
    }
    let entries = [
        library.bookmarks().len(),
        library.notes().len(),
        library.attended().len(),
    ];
    if entries.iter().any(|&n| n > MAX_IMPORT_ENTRIES) {
        return Some(too_many_entries());
    }
    let ids = library.item_ids();
    if let Some(id) = ids
        .iter()
        .find(|id| id.is_empty() || id.len() > 200 || id.chars().any(char::is_control))
    {
        return Some(format!("“{}” is not an item id", short(id)));
    }
    None
}

/// At most 40 characters of `text`, for a message.
fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

/// What a merge did: how many of each were added, and notes that could not be combined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Bookmarks added.
    pub bookmarks_added: usize,
    /// Notes added or combined.
    pub notes_merged: usize,
    /// Notes left in the file because combining them would pass the length limit.
    pub notes_too_long: usize,
    /// Bookmarks, notes and attended marks left in the file because the library already
    /// holds [`MAX_IMPORT_ENTRIES`] of that kind.
    pub left_out: usize,
}

impl Library {
    /// Adds everything in `other` that this library lacks, deleting nothing. Where both
    /// have different notes on an item, the imported one is appended to ours (once: merging
    /// the same backup again changes nothing). No kind of entry is filled past
    /// [`MAX_IMPORT_ENTRIES`]; what would pass it stays in the file and is counted.
    pub fn merge(&mut self, other: &Library) -> MergeReport {
        let mut report = MergeReport::default();
        let ours: HashSet<&str> = self.bookmarks.iter().map(|b| b.id.as_str()).collect();
        let mut room = MAX_IMPORT_ENTRIES.saturating_sub(self.bookmarks.len());
        let mut added: Vec<Bookmark> = Vec::new();
        let mut taken: HashSet<&str> = HashSet::new();
        for bookmark in other.bookmarks() {
            if ours.contains(bookmark.id.as_str()) || !taken.insert(bookmark.id.as_str()) {
                continue;
            }
            if room == 0 {
                report.left_out += 1;
                continue;
            }
            room -= 1;
            added.push(bookmark.clone());
        }
        report.bookmarks_added = added.len();
        self.bookmarks = interleave(std::mem::take(&mut self.bookmarks), added);

        // New notes and marks are gathered and added at once (sorted once, not moved along
        // one insert at a time).
        let mut new_notes = Vec::new();
        for (id, theirs) in other.notes() {
            let Some(ours) = self.notes.get(id) else {
                if self.notes.len() + new_notes.len() >= MAX_IMPORT_ENTRIES {
                    report.left_out += 1;
                    continue;
                }
                new_notes.push((id.clone(), theirs.clone()));
                report.notes_merged += 1;
                continue;
            };
            let mut merged = ours.clone();
            merged.text = combine(&ours.text, &theirs.text);
            for (key, answer) in &theirs.prompts {
                let combined = combine(ours.prompts.get(key).map_or("", String::as_str), answer);
                merged.prompts.insert(key.clone(), combined);
            }
            if merged.text == ours.text && merged.prompts == ours.prompts {
                // Nothing new: the same note, or one merged before.
                continue;
            }
            if merged.is_over_limit() {
                report.notes_too_long += 1;
                continue;
            }
            merged.updated_at = ours.updated_at.max(theirs.updated_at);
            self.notes.insert(id.clone(), merged);
            report.notes_merged += 1;
        }
        self.notes.extend(new_notes);
        let mut new_marks = Vec::new();
        for id in other.attended() {
            if self.attended.contains(id) {
                continue;
            }
            if self.attended.len() + new_marks.len() >= MAX_IMPORT_ENTRIES {
                report.left_out += 1;
                continue;
            }
            new_marks.push(id.clone());
        }
        self.attended.extend(new_marks);
        report
    }
}

/// `ours` in its order with `added` put in their places in time, as
/// [`Library::restore_bookmark`] would put each, but in one pass.
fn interleave(ours: Vec<Bookmark>, mut added: Vec<Bookmark>) -> Vec<Bookmark> {
    if added.is_empty() {
        return ours;
    }
    // Stable: bookmarks saved at the same moment keep the file's order.
    added.sort_by_key(|b| b.saved_at);
    let mut out = Vec::with_capacity(ours.len() + added.len());
    let mut added = added.into_iter().peekable();
    for bookmark in ours {
        while let Some(next) = added.next_if(|a| a.saved_at < bookmark.saved_at) {
            out.push(next);
        }
        out.push(bookmark);
    }
    out.extend(added);
    out
}

/// What marks the imported part of a combined text.
const IMPORTED: &str = "\n\n(From the imported backup:)\n";

/// Two versions of a text, both kept: ours, then theirs marked as imported. A part of
/// theirs that ours already holds, as whole lines (an older backup of a note written on
/// since, an earlier merge of the same backup, a backup of a merged library), is not added
/// again: nothing of it would be lost.
fn combine(ours: &str, theirs: &str) -> String {
    if ours == theirs || theirs.is_empty() {
        return ours.to_string();
    }
    if ours.is_empty() {
        return theirs.to_string();
    }
    let mut held: Vec<&str> = ours.split(IMPORTED).collect();
    let mut out = ours.to_string();
    for part in theirs.split(IMPORTED) {
        if !part.is_empty() && !held.iter().any(|whole| holds_lines(whole, part)) {
            held.push(part);
            out.push_str(IMPORTED);
            out.push_str(part);
        }
    }
    out
}

/// Whether `whole` holds `part` as whole lines: where `part` starts and ends a line.
fn holds_lines(whole: &str, part: &str) -> bool {
    whole.match_indices(part).any(|(start, _)| {
        let end = start + part.len();
        (start == 0 || whole[..start].ends_with('\n'))
            && (end == whole.len() || whole[end..].starts_with('\n'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::backup_json;

    #[test]
    fn an_older_backup_of_a_note_written_on_since_adds_nothing_to_it() {
        let now = "Line one\nLine two\nLine three";
        assert_eq!(combine(now, "Line one\nLine two"), now);
        assert_eq!(combine(now, "Line two"), now);
        assert_eq!(
            combine("Intro\n\nLine one\nLine two", "Line one\nLine two"),
            "Intro\n\nLine one\nLine two"
        );
    }

    #[test]
    fn a_text_found_only_inside_other_words_or_lines_is_still_added() {
        assert_eq!(
            combine("book tickets", "ok"),
            format!("book tickets{IMPORTED}ok")
        );
        assert_eq!(
            combine("Line one\nLine two", "one\nLine"),
            format!("Line one\nLine two{IMPORTED}one\nLine")
        );
        assert_eq!(
            combine("Line one", "Line one\nLine two"),
            format!("Line one{IMPORTED}Line one\nLine two")
        );
    }

    fn sample() -> Library {
        let mut library = Library::default();
        library.toggle_bookmark("hometax", 1);
        library.set_note("hometax", "theirs", 2).expect("ok");
        library.set_attended("2017-wrap-up", true);
        library
    }

    #[test]
    fn reads_back_its_own_backups() {
        let text = backup_json(&sample(), Some("2026-11-27"), 1_764_201_600_000);
        let backup = parse_backup(&text).expect("valid");
        assert_eq!(backup.library, sample());
        assert_eq!(backup.content_version.as_deref(), Some("2026-11-27"));
        assert_eq!(backup.exported_on.as_deref(), Some("2025-11-27"));
    }

    #[test]
    fn reads_a_backup_an_editor_saved_again_with_a_byte_order_mark_and_windows_line_ends() {
        let text = backup_json(&sample(), Some("2026-11-27"), 0);
        let resaved = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        assert_eq!(parse_backup(&resaved).expect("valid").library, sample());
    }

    #[test]
    fn refuses_bad_files_saying_what_is_wrong() {
        let good = backup_json(&sample(), None, 0);
        assert_eq!(
            parse_backup(&good[..good.len() - 10]),
            Err(ImportError::Truncated)
        );
        assert_eq!(parse_backup("<html>"), Err(ImportError::NotJson));
        assert_eq!(
            parse_backup(r#"{"hello": 1}"#),
            Err(ImportError::NotABackup)
        );
        assert_eq!(
            parse_backup(&good.replace("e-Gov Companion", "Other app")),
            Err(ImportError::NotABackup)
        );
        assert_eq!(
            parse_backup(&good.replace("\"format\":1,\"content", "\"format\":9,\"content")),
            Err(ImportError::NewerFormat(9))
        );
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(parse_backup(&huge), Err(ImportError::TooLarge(_))));
        let long_note = good.replace(
            "\"theirs\"",
            &format!("\"{}\"", "x".repeat(NOTE_MAX_CHARS + 1)),
        );
        assert!(matches!(
            parse_backup(&long_note),
            Err(ImportError::Damaged(_))
        ));
    }

    #[test]
    fn merge_adds_and_never_deletes() {
        let mut ours = Library::default();
        ours.toggle_bookmark("koneps", 5);
        ours.set_note("hometax", "ours", 6).expect("ok");
        let report = ours.merge(&sample());
        assert_eq!(report.bookmarks_added, 1);
        assert!(ours.is_bookmarked("koneps") && ours.is_bookmarked("hometax"));
        let note = &ours.note("hometax").expect("note").text;
        assert!(
            note.starts_with("ours") && note.ends_with("theirs"),
            "{note}"
        );
        assert!(ours.is_attended("2017-wrap-up"));
        // Merging the same again changes nothing.
        let before = ours.clone();
        let again = ours.merge(&sample());
        assert_eq!(again.bookmarks_added, 0);
        assert_eq!(ours.bookmarks(), before.bookmarks());
    }

    #[test]
    fn merging_the_same_backup_twice_adds_its_note_once() {
        let mut theirs = sample();
        theirs
            .set_prompt("hometax", "relevance", "their answer", 3)
            .expect("ok");
        let mut ours = Library::default();
        ours.set_note("hometax", "ours", 6).expect("ok");
        ours.set_prompt("hometax", "relevance", "our answer", 6)
            .expect("ok");
        let first = ours.merge(&theirs);
        assert_eq!(first.notes_merged, 1);
        let once = ours.clone();
        let note = once.note("hometax").expect("note");
        assert_eq!(note.text, "ours\n\n(From the imported backup:)\ntheirs");
        assert_eq!(
            note.prompts["relevance"],
            "our answer\n\n(From the imported backup:)\ntheir answer"
        );
        let second = ours.merge(&theirs);
        assert_eq!(second, MergeReport::default());
        assert_eq!(ours, once);
        // A backup of the merged library, merged back into either side, adds nothing twice.
        let mut original = theirs.clone();
        original.merge(&once);
        let text = &original.note("hometax").expect("note").text;
        assert_eq!(
            text.matches("(From the imported backup:)").count(),
            1,
            "{text}"
        );
        assert!(text.contains("ours") && text.contains("theirs"), "{text}");
        let mut again = once.clone();
        assert_eq!(again.merge(&original), MergeReport::default());
    }

    #[test]
    fn merged_bookmarks_take_their_place_in_time() {
        let mut ours = Library::default();
        ours.toggle_bookmark("b", 20);
        ours.toggle_bookmark("d", 40);
        let mut theirs = Library::default();
        theirs.toggle_bookmark("e", 50);
        theirs.toggle_bookmark("a", 10);
        theirs.toggle_bookmark("c", 20);
        theirs.toggle_bookmark("d", 1);
        assert_eq!(ours.merge(&theirs).bookmarks_added, 3);
        let ids: Vec<&str> = ours.bookmarks().iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn a_merge_fills_the_library_to_the_limit_and_counts_the_rest() {
        let mut ours = Library::default();
        for i in 0..MAX_IMPORT_ENTRIES - 2 {
            ours.bookmarks.push(Bookmark {
                id: format!("ours-{i}"),
                saved_at: i as u64,
            });
        }
        let mut theirs = Library::default();
        for i in 0..5 {
            theirs.toggle_bookmark(&format!("theirs-{i}"), i);
        }
        theirs.toggle_bookmark("ours-1", 1);
        let report = ours.merge(&theirs);
        assert_eq!((report.bookmarks_added, report.left_out), (2, 3));
        assert_eq!(ours.bookmarks().len(), MAX_IMPORT_ENTRIES);
    }

    /// A backup file whose library is `library` (JSON text, format 1).
    fn backup_with(library: &str) -> String {
        format!(
            r#"{{"app": "e-Gov Companion", "kind": "library-backup", "format": 1, "library": {library}}}"#
        )
    }

    #[test]
    fn refuses_a_backup_whose_prompt_answer_is_too_long_instead_of_dropping_the_note() {
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        let file = backup_with(&format!(
            r#"{{"format": 1, "bookmarks": [], "notes": {{"hometax": {{"text": "short",
                "updated_at": 1, "prompts": {{"relevance": "{long}"}}}}}}}}"#
        ));
        let Err(ImportError::Damaged(why)) = parse_backup(&file) else {
            panic!("accepted a prompt answer over the limit");
        };
        assert!(
            why.contains("Relevance to my country") && why.contains("hometax"),
            "{why}"
        );
    }

    #[test]
    fn refuses_a_backup_answering_a_prompt_the_app_does_not_ask() {
        let file = backup_with(
            r#"{"format": 1, "bookmarks": [], "notes": {"hometax": {"text": "short",
                "updated_at": 1, "prompts": {"hidden": "never shown"}}}}"#,
        );
        let Err(ImportError::Damaged(why)) = parse_backup(&file) else {
            panic!("accepted an unknown prompt");
        };
        assert!(why.contains("hidden"), "{why}");
        // Every prompt the app asks is accepted.
        let known: Vec<String> = NOTE_PROMPTS
            .iter()
            .map(|(key, _)| format!(r#""{key}": "an answer""#))
            .collect();
        let file = backup_with(&format!(
            r#"{{"format": 1, "bookmarks": [], "notes": {{"hometax": {{"text": "",
                "updated_at": 1, "prompts": {{{}}}}}}}}}"#,
            known.join(",")
        ));
        let backup = parse_backup(&file).expect("known prompts");
        assert_eq!(
            backup.library.note("hometax").map(|n| n.prompts.len()),
            Some(4)
        );
    }

    #[test]
    fn refuses_too_many_entries_before_reading_them() {
        let bookmarks: Vec<String> = (0..=MAX_IMPORT_ENTRIES)
            .map(|i| format!(r#"{{"id":"i{i}","saved_at":0}}"#))
            .collect();
        let file = backup_with(&format!(
            r#"{{"format": 1, "bookmarks": [{}]}}"#,
            bookmarks.join(",")
        ));
        assert_eq!(
            parse_backup(&file),
            Err(ImportError::Damaged(too_many_entries()))
        );
        let attended: Vec<String> = (0..=MAX_IMPORT_ENTRIES)
            .map(|i| format!(r#""a{i}""#))
            .collect();
        let file = backup_with(&format!(
            r#"{{"format": 1, "bookmarks": [], "attended": [{}]}}"#,
            attended.join(",")
        ));
        assert_eq!(
            parse_backup(&file),
            Err(ImportError::Damaged(too_many_entries()))
        );
    }
}
