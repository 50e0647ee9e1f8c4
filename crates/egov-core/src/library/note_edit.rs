//! Saving one field of a note (the note itself or a prompt's answer) from an editor that may
//! have fallen behind: another tab, or another window on the same device, may have changed
//! the same field since the editor last read it.
//!
//! The rule: an editor remembers the field's text when it last agreed with the library (its
//! *base*). On save, if the stored field still equals the base, the edit simply replaces it.
//! If it does not, both tabs edited the field: neither text is dropped, the two are kept one
//! after the other under a line that says so, and the caller tells the person. Nothing here
//! guesses which text is wanted. This module does not know about tabs or storage; the caller
//! passes in the library as stored a moment ago.

use super::{Library, NoteError};

/// The line put between two versions of a field edited in two places at once.
pub const OTHER_VERSION_MARKER: &str = "——— Changed in another tab at the same time: ———";

/// What saving a field did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldSave {
    /// The edit was saved as it was typed.
    Saved,
    /// The field had been changed elsewhere meanwhile. Nothing was replaced: the field now
    /// holds both versions (this one first), or the other version alone when this edit
    /// emptied the field. The editor should show this text and say so.
    ChangedElsewhere(String),
}

impl Library {
    /// The text of one field of `id`'s note: the note itself (`prompt` is `None`) or the
    /// answer to a prompt. Empty when there is none.
    pub fn note_field(&self, id: &str, prompt: Option<&str>) -> String {
        self.note(id)
            .and_then(|note| match prompt {
                None => Some(note.text.clone()),
                Some(key) => note.prompts.get(key).cloned(),
            })
            .unwrap_or_default()
    }

    /// Saves `text` into a field of `id`'s note, given `base`, the field's text when the
    /// editor last agreed with the library. When the stored field has changed since and
    /// differs from `text`, both versions are kept (see the module doc); that combined text
    /// may be over the length limit, which is allowed so that nothing is lost.
    pub fn save_note_field(
        &mut self,
        id: &str,
        prompt: Option<&str>,
        base: &str,
        text: &str,
        now: u64,
    ) -> Result<FieldSave, NoteError> {
        let stored = self.note_field(id, prompt);
        if stored == base || stored == text || stored.trim().is_empty() {
            self.set_field(id, prompt, text, now)?;
            return Ok(FieldSave::Saved);
        }
        if text.trim().is_empty() {
            // Emptied here, changed there: the other version stays.
            return Ok(FieldSave::ChangedElsewhere(stored));
        }
        let both = format!("{text}\n\n{OTHER_VERSION_MARKER}\n{stored}");
        self.set_field_unchecked(id, prompt, &both, now);
        Ok(FieldSave::ChangedElsewhere(both))
    }

    fn set_field(
        &mut self,
        id: &str,
        prompt: Option<&str>,
        text: &str,
        now: u64,
    ) -> Result<(), NoteError> {
        match prompt {
            None => self.set_note(id, text, now),
            Some(key) => self.set_prompt(id, key, text, now),
        }
    }

    /// Like [`Library::set_field`] without the length limit: only for keeping two versions.
    fn set_field_unchecked(&mut self, id: &str, prompt: Option<&str>, text: &str, now: u64) {
        let mut note = self.notes.remove(id).unwrap_or(super::Note {
            text: String::new(),
            updated_at: now,
            prompts: Default::default(),
        });
        match prompt {
            None => note.text = text.to_string(),
            Some(key) => {
                note.prompts.insert(key.to_string(), text.to_string());
            }
        }
        note.updated_at = now;
        self.notes.insert(id.to_string(), note);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_from_an_editor_in_step_replaces_the_field() {
        let mut library = Library::default();
        library.set_note("a", "first", 1).expect("short");
        let saved = library.save_note_field("a", None, "first", "first, more", 2);
        assert_eq!(saved, Ok(FieldSave::Saved));
        assert_eq!(library.note_field("a", None), "first, more");
    }

    #[test]
    fn an_edit_over_a_change_made_elsewhere_keeps_both_texts() {
        let mut library = Library::default();
        library.set_note("a", "from tab A", 1).expect("short");
        let saved = library.save_note_field("a", None, "", "from tab B", 2);
        let expected = format!("from tab B\n\n{OTHER_VERSION_MARKER}\nfrom tab A");
        assert_eq!(saved, Ok(FieldSave::ChangedElsewhere(expected.clone())));
        assert_eq!(library.note_field("a", None), expected);
    }

    #[test]
    fn a_prompt_answer_changed_elsewhere_keeps_both_and_leaves_the_note_alone() {
        let mut library = Library::default();
        library.set_note("a", "note", 1).expect("short");
        library
            .set_prompt("a", "relevance", "A's answer", 2)
            .expect("short");
        let saved = library.save_note_field("a", Some("relevance"), "old", "B's answer", 3);
        assert!(matches!(saved, Ok(FieldSave::ChangedElsewhere(_))));
        let answer = library.note_field("a", Some("relevance"));
        assert!(answer.contains("A's answer") && answer.contains("B's answer"));
        assert_eq!(library.note_field("a", None), "note");
    }

    #[test]
    fn the_same_text_typed_in_two_places_is_not_doubled() {
        let mut library = Library::default();
        library.set_note("a", "same", 1).expect("short");
        assert_eq!(
            library.save_note_field("a", None, "", "same", 2),
            Ok(FieldSave::Saved)
        );
        assert_eq!(library.note_field("a", None), "same");
    }

    #[test]
    fn a_note_deleted_elsewhere_while_typing_here_keeps_what_was_typed() {
        let mut library = Library::default();
        let saved = library.save_note_field("a", None, "old text", "new text", 2);
        assert_eq!(saved, Ok(FieldSave::Saved));
        assert_eq!(library.note_field("a", None), "new text");
    }

    #[test]
    fn emptying_a_field_that_was_changed_elsewhere_keeps_the_other_version() {
        let mut library = Library::default();
        library.set_note("a", "A's new text", 1).expect("short");
        let saved = library.save_note_field("a", None, "old", "", 2);
        assert_eq!(
            saved,
            Ok(FieldSave::ChangedElsewhere("A's new text".into()))
        );
        assert_eq!(library.note_field("a", None), "A's new text");
    }

    #[test]
    fn two_long_versions_are_kept_even_over_the_limit() {
        let mut library = Library::default();
        let long = "x".repeat(super::super::NOTE_MAX_CHARS - 10);
        library.set_note("a", &long, 1).expect("within the limit");
        let saved = library.save_note_field("a", None, "", &"y".repeat(100), 2);
        assert!(matches!(saved, Ok(FieldSave::ChangedElsewhere(_))));
        assert!(library.note_field("a", None).contains(&long));
    }

    #[test]
    fn an_over_long_edit_in_step_is_refused_and_the_stored_text_stays() {
        let mut library = Library::default();
        library.set_note("a", "kept", 1).expect("short");
        let long = "x".repeat(super::super::NOTE_MAX_CHARS + 1);
        assert!(library
            .save_note_field("a", None, "kept", &long, 2)
            .is_err());
        assert_eq!(library.note_field("a", None), "kept");
    }
}
