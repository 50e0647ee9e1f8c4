//! Backups: reading a backup file back, and merging or replacing a library with it.
//!
//! A file is checked before anything changes: size, JSON, that it is an e-Gov Companion
//! library backup, its format, and that its contents keep the library's limits. A refused
//! file is described in plain words; the current library is never touched by a refusal.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{decode, Library, StoreError, FORMAT_VERSION, NOTE_MAX_CHARS};

/// Largest backup file accepted, in bytes (a full library with long notes is far smaller).
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// Most bookmarks, notes or attended marks a backup may hold.
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

/// The outer shape of a backup file, as `backup_json` writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupIn<'a> {
    app: String,
    kind: String,
    format: u32,
    #[serde(default)]
    content_version: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    exported_at: Option<u64>,
    #[serde(default)]
    exported_on: Option<String>,
    #[serde(borrow)]
    library: &'a RawValue,
}

/// Checks a backup file and reads it, or says what is wrong with it.
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len() / 1024));
    }
    let outer: BackupIn = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        serde_json::error::Category::Syntax => ImportError::NotJson,
        _ => ImportError::NotABackup,
    })?;
    if outer.app != "e-Gov Companion" || outer.kind != "library-backup" {
        return Err(ImportError::NotABackup);
    }
    if outer.format > FORMAT_VERSION {
        return Err(ImportError::NewerFormat(outer.format));
    }
    let raw = outer.library.get();
    let library = decode(raw).map_err(|e| match e {
        StoreError::NewerFormat(n) => ImportError::NewerFormat(n),
        other => ImportError::Damaged(other.to_string()),
    })?;
    if let Some(problem) = breaks_limits(raw, &library) {
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

/// A limit the stored library breaks, if any (`decode` drops over-long notes silently,
/// which is right for our own storage but not for a file a person chose to import).
fn breaks_limits(raw: &str, library: &Library) -> Option<String> {
    #[derive(Deserialize)]
    struct NotesOnly {
        #[serde(default)]
        notes: std::collections::BTreeMap<String, super::Note>,
    }
    let notes = serde_json::from_str::<NotesOnly>(raw)
        .map(|n| n.notes)
        .unwrap_or_default();
    if let Some((id, _)) = notes
        .iter()
        .find(|(_, n)| n.text.chars().count() > NOTE_MAX_CHARS)
    {
        return Some(format!(
            "the note on “{id}” is longer than {NOTE_MAX_CHARS} characters"
        ));
    }
    let entries = [
        library.bookmarks().len(),
        library.notes().len(),
        library.attended().len(),
    ];
    if entries.iter().any(|&n| n > MAX_IMPORT_ENTRIES) {
        return Some(format!("it holds more than {MAX_IMPORT_ENTRIES} entries"));
    }
    let ids = library.item_ids();
    if let Some(id) = ids
        .iter()
        .find(|id| id.is_empty() || id.len() > 200 || id.chars().any(char::is_control))
    {
        return Some(format!(
            "“{}” is not an item id",
            id.chars().take(40).collect::<String>()
        ));
    }
    None
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
}

impl Library {
    /// Adds everything in `other` that this library lacks, deleting nothing. Where both
    /// have different notes on an item, the imported one is appended to ours.
    pub fn merge(&mut self, other: &Library) -> MergeReport {
        let mut report = MergeReport::default();
        for bookmark in other.bookmarks() {
            if !self.is_bookmarked(&bookmark.id) {
                self.restore_bookmark(bookmark.clone());
                report.bookmarks_added += 1;
            }
        }
        for (id, theirs) in other.notes() {
            let Some(ours) = self.notes.get(id) else {
                self.notes.insert(id.clone(), theirs.clone());
                report.notes_merged += 1;
                continue;
            };
            if ours == theirs {
                continue;
            }
            let mut merged = ours.clone();
            merged.text = combine(&ours.text, &theirs.text);
            for (key, answer) in &theirs.prompts {
                let combined = combine(ours.prompts.get(key).map_or("", String::as_str), answer);
                merged.prompts.insert(key.clone(), combined);
            }
            let fits = std::iter::once(&merged.text)
                .chain(merged.prompts.values())
                .all(|t| t.chars().count() <= NOTE_MAX_CHARS);
            if !fits {
                report.notes_too_long += 1;
                continue;
            }
            merged.updated_at = ours.updated_at.max(theirs.updated_at);
            self.notes.insert(id.clone(), merged);
            report.notes_merged += 1;
        }
        for id in other.attended() {
            self.attended.insert(id.clone());
        }
        report
    }
}

/// Two versions of a text, both kept: ours, then theirs marked as imported.
fn combine(ours: &str, theirs: &str) -> String {
    if ours == theirs || theirs.is_empty() {
        ours.to_string()
    } else if ours.is_empty() {
        theirs.to_string()
    } else {
        format!("{ours}\n\n(From the imported backup:)\n{theirs}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::backup_json;

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
}
