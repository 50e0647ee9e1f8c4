//! The library in the UI: its state, the one function that changes and saves it, and the
//! controls on item pages (bookmark, private note, attended).
//!
//! Every change goes through [`change_library`]: it updates the in-memory library at once
//! (so the page responds instantly), then writes it to storage. A failed write is reported
//! and the in-memory library stays, so nothing is lost while the page is open.
//!
//! A note is saved after a short pause in typing, and at once when its field loses focus,
//! when its page goes away (another route), and when the page is hidden or closed (phone
//! locked, app switched), so no keystroke is lost. Other tabs' changes show in open fields
//! that are not being edited; a field edited in two tabs at once keeps both texts.

use leptos::prelude::*;

use std::sync::{Arc, Mutex};

use crate::keys;
use crate::library::{
    backup_key, decode, encode, FieldSave, Library, StoreError, NOTE_MAX_CHARS, NOTE_PROMPTS,
    NOTE_WARN_CHARS,
};
use crate::web::{self, clock, files, storage};

/// How long typing must pause before a note is saved, in milliseconds.
const NOTE_SAVE_DELAY_MS: u64 = 400;

/// Something the person must know about their saved data.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryNotice {
    /// The stored library could not be read; it was kept aside (or could not even be that).
    Unreadable {
        /// Why it could not be read.
        reason: String,
        /// Where the original was kept, if keeping it worked.
        kept_at: Option<String>,
        /// The original text, for download.
        original: String,
    },
    /// Saving failed; the library is kept in memory while the page is open.
    NotSaved(String),
    /// The stored library was written by a newer version of the app (open in another tab,
    /// or this page is an old copy): nothing is written until the page is reloaded.
    NewerFormat,
}

/// The library and its notice, shared by every page.
#[derive(Clone, Copy)]
pub struct LibraryState {
    /// What the person has saved.
    pub library: RwSignal<Library>,
    /// A problem with storage to show, if any.
    pub notice: RwSignal<Option<LibraryNotice>>,
    /// False when the stored value could not be read and could not be kept aside either:
    /// then nothing is written, so the original is never overwritten.
    writable: StoredValue<bool>,
    /// True while storage holds what this page last wrote (or loaded): then a change may
    /// start from the stored value, which includes other tabs' latest changes.
    in_sync: StoredValue<bool>,
}

impl LibraryState {
    /// Reads the stored library. Missing means empty. Unreadable means: keep the original
    /// under a backup key (once: a copy kept by an earlier start is not made again), start
    /// empty, and say so. Written by a newer version of the app: change nothing, ask for a
    /// reload.
    pub fn load() -> Self {
        let (library, notice, writable) = match storage::read(keys::LIBRARY) {
            Ok(None) => (Library::default(), None, true),
            Ok(Some(text)) => match decode(&text) {
                Ok(library) => (library, None, true),
                Err(StoreError::NewerFormat(_)) => {
                    (Library::default(), Some(LibraryNotice::NewerFormat), false)
                }
                Err(error) => {
                    let kept_at = storage::key_holding(keys::LIBRARY_UNREADABLE_PREFIX, &text)
                        .or_else(|| {
                            let key = backup_key(clock::now_ms());
                            storage::write(&key, &text).is_ok().then_some(key)
                        });
                    let writable = kept_at.is_some();
                    let notice = LibraryNotice::Unreadable {
                        reason: error.to_string(),
                        kept_at,
                        original: text,
                    };
                    (Library::default(), Some(notice), writable)
                }
            },
            Err(error) => (
                Library::default(),
                Some(LibraryNotice::NotSaved(error.to_string())),
                true,
            ),
        };
        let in_sync = notice.is_none();
        Self {
            library: RwSignal::new(library),
            notice: RwSignal::new(notice),
            writable: StoredValue::new(writable),
            in_sync: StoredValue::new(in_sync),
        }
    }

    /// Whether the device holds the library as this page does: false after a write failed
    /// (until one succeeds), and while nothing may be written.
    fn on_device(&self) -> bool {
        self.writable.try_get_value() == Some(true) && self.in_sync.try_get_value() == Some(true)
    }

    /// Takes in a change made in another tab.
    pub fn take_outside_change(&self, text: Option<String>) {
        match text.as_deref().map(decode) {
            None => self.library.set(Library::default()),
            Some(Ok(library)) => self.library.set(library),
            // A newer version of the app, open in another tab, wrote a format this one
            // cannot read: writing ours over it would lose its changes.
            Some(Err(StoreError::NewerFormat(_))) => {
                self.writable.set_value(false);
                self.notice.set(Some(LibraryNotice::NewerFormat));
            }
            // Anything else unreadable: keep ours; the next start keeps it aside.
            Some(Err(_)) => self.in_sync.set_value(false),
        }
    }
}

/// Changes the library through `change`, then saves it. Returns what `change` returned.
///
/// When storage is in step with this page, the change starts from the stored value: another
/// tab may have written a moment ago, before its storage event arrived, and writing our
/// older copy would lose its change.
pub fn change_library<R>(state: LibraryState, change: impl FnOnce(&mut Library) -> R) -> R {
    if state.writable.get_value() && state.in_sync.get_value() {
        if let Ok(Some(stored)) =
            storage::read(keys::LIBRARY).map(|t| t.and_then(|t| decode(&t).ok()))
        {
            if state.library.with_untracked(|l| *l != stored) {
                state.library.set(stored);
            }
        }
    }
    let had_bookmarks = !state.library.with_untracked(|l| l.bookmarks().is_empty());
    let result = state
        .library
        .try_update(change)
        .expect("the library signal lives as long as the app");
    let (text, has_bookmarks) = state
        .library
        .with_untracked(|l| (encode(l), !l.bookmarks().is_empty()));
    if !had_bookmarks && has_bookmarks {
        storage::request_persistence();
    }
    if state.writable.get_value() {
        let written = storage::write(keys::LIBRARY, &text);
        state.in_sync.set_value(written.is_ok());
        match written {
            Ok(()) => {
                if matches!(
                    state.notice.get_untracked(),
                    Some(LibraryNotice::NotSaved(_))
                ) {
                    state.notice.set(None);
                }
            }
            Err(error) => state
                .notice
                .set(Some(LibraryNotice::NotSaved(error.to_string()))),
        }
    }
    result
}

/// The library state provided by the app.
pub fn use_library() -> LibraryState {
    expect_context::<LibraryState>()
}

/// Storage problems, shown on every page until dismissed or mended.
#[component]
pub fn LibraryNoticeBanner() -> impl IntoView {
    let state = use_library();
    move || {
        state.notice.get().map(|notice| match notice {
            LibraryNotice::Unreadable { reason, kept_at, original } => {
                let kept = match kept_at {
                    Some(_) => "It has been kept aside on this device, unchanged, and you are starting with an empty library.",
                    None => "It could not be kept aside, so nothing you do now will be saved until this is resolved.",
                };
                view! {
                    <section class="notice notice-error" aria-labelledby="library-notice-title">
                        <h2 id="library-notice-title">"Your saved bookmarks and notes could not be read"</h2>
                        <p>{format!("{}. {kept}", capitalise(&reason))}</p>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                let _ = files::download(
                                    "egov-companion-unreadable-library.json",
                                    "application/json",
                                    &original,
                                );
                            }
                        >
                            "Download the unreadable data"
                        </button>
                        " "
                        <button type="button" class="button" on:click=move |_| state.notice.set(None)>
                            "Dismiss"
                        </button>
                    </section>
                }
                    .into_any()
            }
            LibraryNotice::NewerFormat => view! {
                <section class="notice notice-error" aria-labelledby="library-notice-title">
                    <h2 id="library-notice-title">"A newer version of the app has saved your library"</h2>
                    <p>
                        "This page is an older version and cannot read it, so it changes nothing. Reload to use the newer version."
                    </p>
                    <button type="button" class="button" on:click=move |_| web::reload()>
                        "Reload"
                    </button>
                </section>
            }
                .into_any(),
            LibraryNotice::NotSaved(reason) => view! {
                <section class="notice notice-error" aria-labelledby="library-notice-title">
                    <h2 id="library-notice-title">"Your last change is not saved on this device"</h2>
                    <p>
                        {format!(
                            "{}. It stays while this page is open; download a backup from Saved to keep it.",
                            capitalise(&reason),
                        )}
                    </p>
                </section>
            }
                .into_any(),
        })
    }
}

/// The message with its first letter in upper case (messages are ASCII-initial English).
fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A toggle that saves or unsaves an item; `aria-pressed` tells its state.
#[component]
pub fn BookmarkButton(
    /// The item's id.
    #[prop(into)]
    id: String,
    /// The item's title, for the accessible name.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let state = use_library();
    let saved = {
        let id = id.clone();
        Memo::new(move |_| state.library.with(|l| l.is_bookmarked(&id)))
    };
    view! {
        <button
            type="button"
            class="bookmark"
            aria-pressed=move || if saved.get() { "true" } else { "false" }
            aria-label=format!("Save {title}")
            on:click=move |_| {
                let id = id.clone();
                change_library(state, move |l| l.toggle_bookmark(&id, clock::now_ms()));
            }
        >
            <span aria-hidden="true">{move || if saved.get() { "★ Saved" } else { "☆ Save" }}</span>
        </button>
    }
}

/// "I attended this", for sessions and site visits.
#[component]
pub fn AttendedToggle(
    /// The item's id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let state = use_library();
    let attended = {
        let id = id.clone();
        Memo::new(move |_| state.library.with(|l| l.is_attended(&id)))
    };
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=attended
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    let id = id.clone();
                    change_library(state, move |l| l.set_attended(&id, checked));
                }
            />
            " I attended this"
        </label>
    }
}

/// A private note on an item, saved as the person types; on case studies, the report
/// prompts too ("Relevance to my country", …).
#[component]
pub fn NoteEditor(
    /// The item's id.
    #[prop(into)]
    id: String,
    /// Whether to offer the report prompts.
    #[prop(optional)]
    with_prompts: bool,
) -> impl IntoView {
    let prompts = with_prompts.then(|| {
        let id = id.clone();
        view! {
            <details class="prompts">
                <summary>"Prompts for your report home"</summary>
                {NOTE_PROMPTS
                    .into_iter()
                    .map(|(key, question)| {
                        view! { <NoteField id=id.clone() prompt=Some(key) label=question /> }
                    })
                    .collect_view()}
            </details>
        }
    });
    view! {
        <section class="note" aria-labelledby="note-title">
            <h2 id="note-title">"My private note"</h2>
            <NoteField id=id prompt=None label="My private note" hide_label=true />
            {prompts}
        </section>
    }
}

/// One field's edit that is not saved yet, and the text it started from. Plain data outside
/// the reactive system, so that a save run as the page goes away (unmount, `pagehide`) never
/// reads a disposed signal.
#[derive(Default)]
struct FieldDraft {
    /// The field's text when this editor last agreed with the library (see
    /// [`Library::save_note_field`]).
    base: String,
    /// What was typed and is not saved yet.
    unsaved: Option<String>,
    /// The delayed save, if one is waiting.
    timer: Option<TimeoutHandle>,
}

/// Saves one note field: after a pause in typing, and at once when the field loses focus,
/// its page goes away, or the page is hidden or closed.
#[derive(Clone)]
struct FieldSaver {
    state: LibraryState,
    id: String,
    prompt: Option<&'static str>,
    draft: Arc<Mutex<FieldDraft>>,
    /// What the text area shows.
    text: RwSignal<String>,
    /// "Saved", or why not.
    status: RwSignal<String>,
}

impl FieldSaver {
    fn draft(&self) -> std::sync::MutexGuard<'_, FieldDraft> {
        // One thread in the browser: the lock is never poisoned by another holder.
        self.draft
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps what was typed and saves it after a pause.
    fn typed(&self, value: String) {
        self.text.set(value.clone());
        self.status.set(String::new());
        let mut draft = self.draft();
        draft.unsaved = Some(value);
        if let Some(timer) = draft.timer.take() {
            timer.clear();
        }
        let saver = self.clone();
        draft.timer = set_timeout_with_handle(
            move || saver.flush(),
            std::time::Duration::from_millis(NOTE_SAVE_DELAY_MS),
        )
        .ok();
    }

    /// Saves what is not saved yet, now. Safe to call at any time, also after unmounting.
    fn flush(&self) {
        let (base, value) = {
            let mut draft = self.draft();
            if let Some(timer) = draft.timer.take() {
                timer.clear();
            }
            let Some(value) = draft.unsaved.take() else {
                return;
            };
            (draft.base.clone(), value)
        };
        let now = clock::now_ms();
        let (id, prompt) = (&self.id, self.prompt);
        let result = change_library(self.state, |l| {
            l.save_note_field(id, prompt, &base, &value, now)
        });
        // The signals below may be gone (the page has been left): `try_` does nothing then.
        match result {
            Ok(FieldSave::Saved) if self.state.on_device() => {
                self.draft().base = value;
                self.status.try_set("Saved".into());
            }
            Ok(FieldSave::Saved) => {
                // Kept in the page, not on the device: leaving the field, the page's going
                // away or the next pause in typing tries again.
                let mut draft = self.draft();
                draft.base = value.clone();
                draft.unsaved = Some(value);
                let why = match self.state.notice.try_get_untracked().flatten() {
                    Some(LibraryNotice::NotSaved(reason)) => format!(
                        "Not saved on this device: {reason}. It stays while this page is open."
                    ),
                    _ => "Not saved on this device: see the message at the top of the page."
                        .to_string(),
                };
                self.status.try_set(why);
            }
            Ok(FieldSave::ChangedElsewhere(kept)) => {
                self.draft().base = kept.clone();
                self.text.try_set(kept);
                self.status.try_set(CHANGED_ELSEWHERE.into());
            }
            Err(error) => {
                // Still typed, still not saved: the next change or pause tries again.
                self.draft().unsaved = Some(value);
                self.status.try_set(format!("Not saved: {error}."));
            }
        }
    }

    /// Shows a change made in another tab, unless this field has an edit of its own
    /// waiting (then saving it keeps both, see [`FieldSave::ChangedElsewhere`]).
    fn take_outside_change(&self, stored: String) {
        let mut draft = self.draft();
        if draft.unsaved.is_none() && draft.base != stored {
            draft.base = stored.clone();
            drop(draft);
            self.text.set(stored);
        }
    }
}

/// What a note field says when another tab changed it while it was being edited here.
const CHANGED_ELSEWHERE: &str =
    "This note was changed in another tab at the same time. Nothing was replaced: both versions are kept here.";

/// One text field of a note (the note itself or a prompt's answer), saved as you type.
#[component]
fn NoteField(
    /// The item's id.
    id: String,
    /// The prompt key, or `None` for the note itself.
    prompt: Option<&'static str>,
    /// The field's label.
    label: &'static str,
    /// Show the label only to screen readers (the section heading says it already).
    #[prop(optional)]
    hide_label: bool,
) -> impl IntoView {
    let state = use_library();
    let field_id = format!("note-{}", prompt.unwrap_or("text"));
    let (help_id, status_id) = (format!("{field_id}-help"), format!("{field_id}-status"));
    let initial = state.library.with_untracked(|l| l.note_field(&id, prompt));
    let text = RwSignal::new(initial.clone());
    let status = RwSignal::new(String::new());
    let saver = FieldSaver {
        state,
        id: id.clone(),
        prompt,
        draft: Arc::new(Mutex::new(FieldDraft {
            base: initial,
            ..FieldDraft::default()
        })),
        text,
        status,
    };
    {
        let saver = saver.clone();
        Effect::new(move |_| {
            let stored = state.library.with(|l| l.note_field(&saver.id, prompt));
            saver.take_outside_change(stored);
        });
    }
    let leaving = {
        let saver = saver.clone();
        window_event_listener(leptos::ev::pagehide, move |_| saver.flush())
    };
    let hidden = {
        let saver = saver.clone();
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if web::page_is_hidden() {
                saver.flush();
            }
        })
    };
    {
        let saver = saver.clone();
        on_cleanup(move || {
            leaving.remove();
            hidden.remove();
            saver.flush();
        });
    }
    let on_input = {
        let saver = saver.clone();
        move |event| saver.typed(event_target_value(&event))
    };
    let on_blur = move |_| saver.flush();
    let length = move || text.with(|t| t.chars().count());
    view! {
        <label for=field_id.clone() class:visually-hidden=hide_label>
            {label}
        </label>
        <textarea
            id=field_id
            rows=if prompt.is_some() { "3" } else { "5" }
            aria-describedby=format!("{help_id} {status_id}")
            prop:value=move || text.get()
            on:input=on_input
            on:blur=on_blur
        ></textarea>
        <p id=help_id class="hint">
            {move || {
                let used = length();
                if used > NOTE_MAX_CHARS {
                    format!(
                        "{} characters too many: not saved until it is shorter.",
                        used - NOTE_MAX_CHARS,
                    )
                } else if used >= NOTE_WARN_CHARS {
                    format!("{} characters left.", NOTE_MAX_CHARS - used)
                } else if prompt.is_none() {
                    "Only on this device. Saved as you type.".to_string()
                } else {
                    String::new()
                }
            }}
        </p>
        <p id=status_id role="status" class="hint">
            {move || status.get()}
        </p>
    }
}
