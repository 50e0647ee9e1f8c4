//! The Saved page: bookmarks, notes and attended marks, grouped by kind, with remove and
//! undo, the downloads (backups, trip reports, calendar), a share link and a backup import.
//! Items that left the content stay, marked unavailable.
//!
//! The page's own code is a lazy route; what only some visits use is fetched when first
//! asked for (`#[lazy]`, drawn through [`LazyView`]): the files' making ([`make_download`]),
//! the share link and its QR code ([`share_link`]), an import's choices
//! ([`import_choice`]) and the items no longer in the content ([`unavailable_list`]).

use leptos::prelude::*;

use crate::content::{Item, Kind};
use crate::library::{
    backup_json, calendar_ics, iso_date, removal_message, saved_groups, share_query,
    trip_report_docx, trip_report_markdown_with_photos, zip_backup, BackupWithPhotos, Bookmark,
    Library, Note, SavedGroups, MAX_IMPORT_ENTRIES, MAX_ZIP_BACKUP_BYTES, NOTE_PROMPTS,
};
use crate::ui::components::{plural, PageHeading};
use crate::ui::lazy_view::LazyView;
use crate::ui::library_state::{change_library, use_library, LibraryNotice, LibraryState};
use crate::ui::pages::report::trip_report_of;
use crate::ui::photos::{album, album_and_files, import_photos, photo_space, read_backup};
use crate::ui::qr::QrCodeImage;
use crate::ui::{href, loaded_content};
use crate::web::{self, clock, files};

/// What the person saved, grouped by kind; sessions in programme order.
#[component]
pub fn SavedPage() -> impl IntoView {
    let content = loaded_content();
    let removed = RwSignal::new(None::<(Bookmark, String)>);
    let version = content.catalog.version().map(|v| v.iso());
    view! {
        <PageHeading text="Saved" />
        <p>
            "Your bookmarks and notes stay on this device only; nothing is sent anywhere. "
            "Browsers may clear site data, so keep a backup."
        </p>
        <Exports content_version=version.clone() />
        <UndoRemove removed />
        <SharePanel content_version=version.clone() />
        <ImportPanel content_version=version />
        <SavedList removed />
        // Last: its line arrives after the page is drawn, and moves nothing there.
        <PhotoSpace />
    }
}

/// The downloads: backup, printable and Markdown trip report, calendar. The code that makes
/// the files ([`make_download`]) is fetched the first time one is asked for; the backup of
/// the library alone is made here, so it downloads at once even offline on a first visit.
#[component]
fn Exports(
    /// The content version the backup records.
    content_version: Option<String>,
) -> impl IntoView {
    let state = use_library();
    let download_backup = move |_| download_library_backup(state, content_version.clone());
    let message = RwSignal::new(String::new());
    let owner = Owner::current();
    let start = move |which: Download| {
        message.set(match which {
            Download::WordReport => "Preparing the Word report…".into(),
            Download::BackupWithPhotos => "Preparing the backup with photos…".into(),
            _ => String::new(),
        });
        if let Some(owner) = owner.clone() {
            leptos::task::spawn_local(make_download(owner, which, message));
        }
    };
    let on = move |which: Download| {
        let start = start.clone();
        move |_| start(which)
    };
    view! {
        <div class="exports">
            <button type="button" class="button" on:click=download_backup>
                "Download a backup"
            </button>
            <button type="button" class="button" on:click=on(Download::BackupWithPhotos)>
                "Download a backup with photos (.zip)"
            </button>
            <a href=href("/report") class="button">
                "Printable trip report"
            </a>
            <button type="button" class="button" on:click=on(Download::WordReport)>
                "Download trip report (Word)"
            </button>
            <button type="button" class="button" on:click=on(Download::MarkdownReport)>
                "Download trip report (Markdown)"
            </button>
            <button type="button" class="button" on:click=on(Download::Calendar)>
                "Download calendar (.ics)"
            </button>
        </div>
        <p role="status" class="hint">
            {move || message.get()}
        </p>
    }
}

/// A file the Saved page makes with [`make_download`].
#[derive(Clone, Copy)]
enum Download {
    BackupWithPhotos,
    WordReport,
    MarkdownReport,
    Calendar,
}

/// Makes and downloads `which`; what went wrong, or what was left out, goes to `message`.
#[lazy]
async fn make_download(owner: Owner, which: Download, message: RwSignal<String>) {
    let (state, content) = owner.with(|| (use_library(), loaded_content()));
    let content_version = content.catalog.version().map(|v| v.iso());
    let download = |name: String, mime: &str, text: String| {
        if let Err(error) = files::download(&name, mime, &text) {
            message.try_set(format!("The download did not start: {error}."));
        }
    };
    let now = clock::now_ms();
    let today = iso_date(now);
    match which {
        Download::MarkdownReport => {
            // The photos' captions are listed too; without them (they could not be read),
            // the report still has everything else.
            let album = album().await.unwrap_or_default();
            let text = state.library.with_untracked(|l| {
                trip_report_markdown_with_photos(l, &content.catalog, &today, &album)
            });
            download(format!("trip-report-{today}.md"), "text/markdown", text);
        }
        Download::Calendar => {
            let (text, left_out) = state
                .library
                .with_untracked(|l| calendar_ics(l, &content.catalog, now));
            message.try_set(match left_out {
                0 => String::new(),
                1 => "1 saved session has no recorded day, so it is not in the calendar.".into(),
                n => format!(
                    "{n} saved sessions have no recorded day, so they are not in the calendar."
                ),
            });
            download("egov-companion-programme.ics".into(), "text/calendar", text);
        }
        Download::WordReport => {
            let Ok((album, jpegs)) = album_and_files().await.map_err(|e| message.try_set(e)) else {
                return;
            };
            let report = trip_report_of(state, &content, &today, &album);
            let outcome = match trip_report_docx(&report, &album, &jpegs, now) {
                Ok(bytes) => match files::download_bytes(
                    &format!("trip-report-{today}.docx"),
                    WORD_MIME,
                    &bytes,
                ) {
                    Ok(()) => String::new(),
                    Err(error) => format!("The download did not start: {error}."),
                },
                Err(error) => format!("The Word report could not be made: {error}."),
            };
            message.try_set(outcome);
        }
        Download::BackupWithPhotos => {
            let Ok((album, jpegs)) = album_and_files().await.map_err(|e| message.try_set(e)) else {
                return;
            };
            let made = state.library.with_untracked(|library| {
                zip_backup(library, &album, &jpegs, content_version.as_deref(), now)
            });
            let outcome =
                match made {
                    Ok(file) => {
                        let name = format!("egov-companion-backup-{today}.zip");
                        match files::download_bytes(&name, "application/zip", &file.bytes) {
                            Err(error) => format!("The download did not start: {error}."),
                            Ok(()) if file.photos_missing > 0 => {
                                format!(
                            "{} photo{} could not be read from this device and {} left out.",
                            file.photos_missing,
                            plural(file.photos_missing),
                            if file.photos_missing == 1 { "was" } else { "were" }
                        )
                            }
                            Ok(()) => String::new(),
                        }
                    }
                    Err(error) => format!("The backup could not be made: {error}."),
                };
            message.try_set(outcome);
        }
    }
}

/// The media type of a Word document (.docx).
const WORD_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// How much room photos take on this device, and how much the browser allows this site.
#[component]
fn PhotoSpace() -> impl IntoView {
    let line = RwSignal::new(String::new());
    leptos::task::spawn_local(async move {
        let text = photo_space().await;
        line.try_set(text);
    });
    view! {
        <section aria-labelledby="photo-space-title">
            <h2 id="photo-space-title">"Photos on this device"</h2>
            <p class="hint photo-space">{move || line.get()}</p>
        </section>
    }
}

/// Id of the Undo button of a removal.
const UNDO_REMOVE_ID: &str = "undo-remove";

/// Id of an entry's Remove button (item ids are slugs).
fn remove_button_id(item_id: &str) -> String {
    format!("remove-{item_id}")
}

/// "Removed …" with Undo, after a bookmark was removed from this page.
#[component]
fn UndoRemove(
    /// The last removal, if any.
    removed: RwSignal<Option<(Bookmark, String)>>,
) -> impl IntoView {
    let state = use_library();
    view! {
        <p role="status" class="undo">
            {move || {
                removed
                    .get()
                    .map(|(bookmark, title)| {
                        // The item may stay for its note or attended mark (in this tab or
                        // another): the message follows the library.
                        let id = bookmark.id.clone();
                        let message = move || {
                            state.library.with(|l| {
                                removal_message(&title, l.note(&id).is_some(), l.is_attended(&id))
                            })
                        };
                        view! {
                            {message}
                            " "
                            <button
                                type="button"
                                class="button"
                                id=UNDO_REMOVE_ID
                                on:click=move |_| {
                                    let bookmark = bookmark.clone();
                                    let again = remove_button_id(&bookmark.id);
                                    change_library(state, move |l| l.restore_bookmark(bookmark));
                                    removed.set(None);
                                    // Focus goes back to the entry, not to the page's start.
                                    web::in_next_task(move || web::focus_by_id(&again));
                                }
                            >
                                "Undo"
                            </button>
                        }
                    })
            }}
        </p>
    }
}

/// The saved items (the grouping is [`saved_groups`]'s), kept up to date with the library:
/// lists are keyed, so a change redraws only the entries it touches.
#[component]
fn SavedList(
    /// Where a removal is remembered for Undo.
    removed: RwSignal<Option<(Bookmark, String)>>,
) -> impl IntoView {
    let state = use_library();
    let content = loaded_content();
    let groups = Memo::new(move |_| {
        state
            .library
            .with(|library| saved_groups(library, &content.catalog))
    });
    let empty = Memo::new(move |_| groups.with(SavedGroups::is_empty));
    move || {
        if empty.get() {
            return view! {
                <p>
                    "Nothing saved yet. Use “☆ Save” on any item to keep it here, and write private notes on item pages."
                </p>
                <p>
                    <a href=href("/editions")>"Browse the programme"</a>
                </p>
            }
            .into_any();
        }
        view! {
            <For
                each=move || groups.with(|g| g.kinds.iter().map(|k| k.kind).collect::<Vec<_>>())
                key=|kind| *kind
                children=move |kind| view! { <KindSection kind groups removed /> }
            />
            <Unavailable groups />
        }
        .into_any()
    }
}

/// One kind's saved items, sessions under their day.
#[component]
fn KindSection(
    /// The kind.
    kind: Kind,
    /// Everything saved, grouped.
    groups: Memo<SavedGroups>,
    /// Where a removal is remembered for Undo.
    removed: RwSignal<Option<(Bookmark, String)>>,
) -> impl IntoView {
    let group = move || groups.with(|g| g.kinds.iter().find(|k| k.kind == kind).cloned());
    let days = move || {
        group()
            .map(|g| g.days.into_iter().map(|(day, _)| day).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let entries = move |day: &Option<String>| {
        group()
            .and_then(|g| g.days.into_iter().find(|(d, _)| d == day))
            .map(|(_, entries)| entries)
            .unwrap_or_default()
    };
    let heading_id = format!("saved-{}", kind.slug());
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {move || format!("{} ({})", kind.plural(), group().map_or(0, |g| g.len()))}
            </h2>
            <For
                each=days
                key=|day| day.clone()
                children=move |day| {
                    let heading = day.clone().map(|day| {
                        let day = day.clone();
                        view! { <h3>{move || format!("{day} ({})", entries(&Some(day.clone())).len())}</h3> }
                    });
                    view! {
                        {heading}
                        <ul class="cards">
                            <For
                                each=move || entries(&day)
                                key=|entry| entry.item.id.clone()
                                children=move |entry| view! { <SavedEntry item=entry.item removed /> }
                            />
                        </ul>
                    }
                }
            />
        </section>
    }
}

/// Saved ids no longer in the content, with the notes on them: kept, never dropped. Rare
/// (the content changed since they were saved), so their list's code ([`unavailable_list`])
/// is fetched only when there are some.
#[component]
fn Unavailable(
    /// Everything saved, grouped.
    groups: Memo<SavedGroups>,
) -> impl IntoView {
    let count = Memo::new(move |_| groups.with(|g| g.missing.len()));
    let list = LazyView::new();
    Effect::new(move || {
        if count.get() > 0 {
            list.load_once(|owner| unavailable_list(owner, groups, count));
        }
    });
    list.drawn()
}

#[lazy]
fn unavailable_list(owner: Owner, groups: Memo<SavedGroups>, count: Memo<usize>) -> AnyView {
    owner.with(|| view! { <UnavailableList groups count /> }.into_any())
}

/// The list [`Unavailable`] fetches, while there is anything in it.
#[component]
fn UnavailableList(
    /// Everything saved, grouped.
    groups: Memo<SavedGroups>,
    /// How many saved ids are no longer in the content.
    count: Memo<usize>,
) -> impl IntoView {
    move || {
        (count.get() > 0).then(|| {
            view! {
                <section aria-labelledby="saved-unavailable">
                    <h2 id="saved-unavailable">{move || format!("No longer available ({})", count.get())}</h2>
                    <p>"These items are no longer in the knowledge base. Your bookmarks and notes on them are kept."</p>
                    <ul class="cards">
                        <For
                            each=move || groups.with(|g| g.missing.clone())
                            key=|(id, note)| (id.clone(), note.clone().map(|n| (n.text, n.prompts)))
                            children=move |(id, note)| {
                                view! {
                                    <li class="card">
                                        <span class="card-title">{id}</span>
                                        " (no longer available)"
                                        {note.map(|note| view! { <NoteText note /> })}
                                    </li>
                                }
                            }
                        />
                    </ul>
                </section>
            }
        })
    }
}

/// Offers the whole library as a backup file; a failure becomes the library notice.
fn download_library_backup(state: LibraryState, content_version: Option<String>) {
    let now = clock::now_ms();
    let text = state
        .library
        .with_untracked(|l| backup_json(l, content_version.as_deref(), now));
    let name = format!("egov-companion-backup-{}.json", iso_date(now));
    if let Err(error) = files::download(&name, "application/json", &text) {
        state
            .notice
            .set(Some(LibraryNotice::NotSaved(error.to_string())));
    }
}

/// Share the reading list: a short link and its QR code (bookmarks only, never notes),
/// made by [`share_link`], whose code is fetched when the first link is asked for.
#[component]
fn SharePanel(
    /// The content version the link records.
    content_version: Option<String>,
) -> impl IntoView {
    let link = LazyView::new();
    let make = move |_| {
        let content_version = content_version.clone();
        link.load(|owner| share_link(owner, content_version));
    };
    view! {
        <section aria-labelledby="share-title">
            <h2 id="share-title">"Share your reading list"</h2>
            <p>"A link to the items you saved, for colleagues. Your notes are not included."</p>
            <button type="button" class="button" on:click=make>
                "Make a share link"
            </button>
            {link.drawn()}
        </section>
    }
}

/// The link to the bookmarks that are in the content, and its QR code.
#[lazy]
fn share_link(owner: Owner, content_version: Option<String>) -> AnyView {
    owner.with(|| {
        let state = use_library();
        let content = loaded_content();
        let ids: Vec<String> = state.library.with_untracked(|l| {
            l.bookmarks()
                .iter()
                .filter(|b| content.catalog.get(&b.id).is_some())
                .map(|b| b.id.clone())
                .collect()
        });
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let query = share_query(&refs, content_version.as_deref());
        let link = format!("{}{}?{query}", crate::web::origin(), href("/shared"));
        view! {
            <p>
                <label for="share-link">"Link to your reading list"</label>
                <input id="share-link" type="url" readonly prop:value=link.clone() />
            </p>
            <QrCodeImage text=link label="QR code of the link to your reading list" />
        }
        .into_any()
    })
}

/// Where an import stands.
#[derive(Clone)]
enum ImportStep {
    /// Nothing chosen, or finished (with a message).
    Idle(String),
    /// A valid backup, previewed, waiting for Merge or Replace.
    Preview(Imported),
    /// Replace chosen: waiting for confirmation.
    ConfirmReplace(Imported),
    /// Replaced; the library as it was, for Undo while the page is open.
    Replaced(Library),
}

/// A checked backup file and its preview sentence.
#[derive(Clone)]
struct Imported {
    file: BackupWithPhotos,
    summary: String,
}

/// Import a backup: choose a file, see what it holds, then merge (never deletes) or replace
/// (after confirming, with the offer of a backup of the current library first). Photos in a
/// .zip backup are added either way; photos on this device are never removed by an import.
#[component]
fn ImportPanel(
    /// The content version, for the backup offered before replacing.
    content_version: Option<String>,
) -> impl IntoView {
    let step = RwSignal::new(ImportStep::Idle(String::new()));
    let choice = LazyView::new();
    let on_file = move |event: leptos::ev::Event| {
        step.set(ImportStep::Idle("Reading the file…".into()));
        // The choices' code, fetched while the file is read.
        let content_version = content_version.clone();
        choice.load_once(|owner| import_choice(owner, step, content_version));
        leptos::task::spawn_local(async move {
            let next = match files::read_chosen_file(&event, MAX_ZIP_BACKUP_BYTES).await {
                Ok(None) => ImportStep::Idle(String::new()),
                Ok(Some(bytes)) => match read_backup(bytes).await {
                    Ok((file, summary)) => ImportStep::Preview(Imported { file, summary }),
                    Err(error) => ImportStep::Idle(format!(
                        "This file cannot be imported: {error}. Your library is unchanged."
                    )),
                },
                Err(error) => ImportStep::Idle(format!(
                    "This file cannot be imported: {error}. Your library is unchanged."
                )),
            };
            step.set(next);
        });
    };
    view! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">"Import a backup"</h2>
            <label for=IMPORT_FILE_ID>"Choose a backup file (.json or .zip)"</label>
            <input
                id=IMPORT_FILE_ID
                type="file"
                accept=".json,.zip,application/json,application/zip"
                on:change=on_file
            />
            {move || match step.get() {
                ImportStep::Idle(message) => Some(view! { <p role="status">{message}</p> }),
                _ => None,
            }}
            {choice.drawn()}
        </section>
    }
}

/// Id of the import's file input.
const IMPORT_FILE_ID: &str = "import-file";

/// Once the import's buttons are gone (merged, cancelled, undone), focus goes back to the
/// file input above the message, not to the page's start.
fn focus_file_choice() {
    web::in_next_task(|| web::focus_by_id(IMPORT_FILE_ID));
}

/// Id of the first button of the import's next step (the confirmation, or Undo).
const IMPORT_NEXT_ID: &str = "import-next";

/// When the import's buttons give way to the next step's, focus goes to its first button.
fn focus_next_choice() {
    web::in_next_task(|| web::focus_by_id(IMPORT_NEXT_ID));
}

#[lazy]
fn import_choice(
    owner: Owner,
    step: RwSignal<ImportStep>,
    content_version: Option<String>,
) -> AnyView {
    owner.with(|| view! { <ImportChoice step content_version /> }.into_any())
}

/// What a checked backup offers (merge, replace, cancel, undo), drawn below the file input
/// by [`ImportPanel`] for every step but `Idle`; its code is fetched when a file is chosen.
#[component]
fn ImportChoice(
    /// Where the import stands; [`ImportPanel`] shows `Idle`'s message.
    step: RwSignal<ImportStep>,
    /// The content version, for the backup offered before replacing.
    content_version: Option<String>,
) -> impl IntoView {
    let state = use_library();
    let merge =
        move |imported: Imported| {
            let report = change_library(state, |l| l.merge(&imported.file.backup.library));
            let mut message = format!(
                "Merged: {} bookmark{} added, {} note{} added or combined.",
                report.bookmarks_added,
                plural(report.bookmarks_added),
                report.notes_merged,
                plural(report.notes_merged),
            );
            if report.notes_too_long > 0 {
                message.push_str(&format!(
                " {} note{} would pass the length limit when combined, so stayed only in the file.",
                report.notes_too_long,
                plural(report.notes_too_long)
            ));
            }
            if report.left_out > 0 {
                message.push_str(&format!(
                " {} entr{} left out: the library holds at most {MAX_IMPORT_ENTRIES} of each kind.",
                report.left_out,
                if report.left_out == 1 { "y was" } else { "ies were" },
            ));
            }
            step.set(ImportStep::Idle(message.clone()));
            focus_file_choice();
            leptos::task::spawn_local(async move {
                let photos = import_photos(imported.file.clone()).await;
                if !photos.is_empty() {
                    step.set(ImportStep::Idle(format!("{message}{photos}")));
                }
            });
        };
    let replace = move |imported: Imported| {
        let previous = change_library(state, |l| {
            std::mem::replace(l, imported.file.backup.library.clone())
        });
        step.set(ImportStep::Replaced(previous));
        focus_next_choice();
        leptos::task::spawn_local(async move {
            let photos = import_photos(imported.file.clone()).await;
            if photos.contains("not imported") {
                step.set(ImportStep::Idle(format!(
                    "Replaced: your library is now the one from the backup.{photos}"
                )));
            }
        });
    };
    let undo_replace = move |previous: Library| {
        change_library(state, |l| *l = previous);
        step.set(ImportStep::Idle(
            "Undone: your library is as it was before the import.".into(),
        ));
        focus_file_choice();
    };
    let cancel = move |_| {
        step.set(ImportStep::Idle(
            "Import cancelled. Your library is unchanged.".into(),
        ));
        focus_file_choice();
    };

    view! {
            {move || match step.get() {
                ImportStep::Idle(_) => ().into_any(),
                ImportStep::Replaced(previous) => view! {
                    <p role="status">"Replaced: your library is now the one from the backup."</p>
                    <button
                        type="button"
                        class="button"
                        id=IMPORT_NEXT_ID
                        on:click=move |_| undo_replace(previous.clone())
                    >
                        "Undo"
                    </button>
                }
                    .into_any(),
                ImportStep::Preview(imported) => {
                    let summary = imported.summary.clone();
                    let (for_merge, for_replace) = (imported.clone(), imported);
                    view! {
                        <p role="status">{summary}</p>
                        <div class="exports">
                            <button type="button" class="button" on:click=move |_| merge(for_merge.clone())>
                                "Merge into my library"
                            </button>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    step.set(ImportStep::ConfirmReplace(for_replace.clone()));
                                    focus_next_choice();
                                }
                            >
                                "Replace my library"
                            </button>
                            <button type="button" class="button" on:click=cancel>
                                "Cancel"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                ImportStep::ConfirmReplace(imported) => {
                    let current = state.library.with_untracked(|l| (l.bookmarks().len(), l.notes().len()));
                    let version = content_version.clone();
                    view! {
                        <p role="status">
                            {format!(
                                "Replacing removes everything now in your library ({} bookmark{}, {} note{}); photos on this device are kept. Download a backup of it first?",
                                current.0,
                                plural(current.0),
                                current.1,
                                plural(current.1),
                            )}
                        </p>
                        <div class="exports">
                            <button
                                type="button"
                                class="button"
                                id=IMPORT_NEXT_ID
                                on:click=move |_| download_library_backup(state, version.clone())
                            >
                                "Download a backup first"
                            </button>
                            <button type="button" class="button" on:click=move |_| replace(imported.clone())>
                                "Yes, replace my library"
                            </button>
                            <button type="button" class="button" on:click=cancel>
                                "Cancel"
                            </button>
                        </div>
                    }
                        .into_any()
                }
            }}
    }
}

/// One saved item: link, note, attended mark, remove. It follows the library (another
/// tab's change shows here too).
#[component]
fn SavedEntry(
    /// The item.
    item: Item,
    /// Where a removal is remembered for Undo.
    removed: RwSignal<Option<(Bookmark, String)>>,
) -> impl IntoView {
    let state = use_library();
    let (id, title) = (item.id.clone(), item.title.clone());
    let note = {
        let id = id.clone();
        move || state.library.with(|l| l.note(&id).cloned())
    };
    let attended = {
        let id = id.clone();
        move || state.library.with(|l| l.is_attended(&id))
    };
    let bookmarked = {
        let id = id.clone();
        move || state.library.with(|l| l.is_bookmarked(&id))
    };
    let remove = move || {
        let (id, title) = (id.clone(), title.clone());
        let label = format!("Remove {title} from Saved");
        view! {
            <button
                type="button"
                class="button"
                id=remove_button_id(&id)
                aria-label=label
                on:click=move |_| {
                    let id = id.clone();
                    if let Some(bookmark) = change_library(state, move |l| l.remove_bookmark(&id)) {
                        removed.set(Some((bookmark, title.clone())));
                        // The button is gone: focus goes to Undo, beside what was removed.
                        web::in_next_task(|| web::focus_by_id(UNDO_REMOVE_ID));
                    }
                }
            >
                "Remove"
            </button>
        }
    };
    view! {
        <li class="card">
            <a href=href(&item.path()) class="card-title">
                {item.title.clone()}
            </a>
            {move || attended().then(|| view! { <span class="card-kind">"✓ Attended"</span> })}
            {move || note().map(|note| view! { <NoteText note /> })}
            {move || bookmarked().then(remove.clone())}
        </li>
    }
}

/// A note as Saved shows it: the text, then each answered prompt with its question.
#[component]
fn NoteText(
    /// The note.
    note: Note,
) -> impl IntoView {
    let answers = NOTE_PROMPTS
        .into_iter()
        .filter_map(|(key, question)| {
            note.prompts.get(key).map(|answer| {
                view! {
                    <p class="saved-note">
                        <strong>{format!("{question}: ")}</strong>
                        {answer.clone()}
                    </p>
                }
            })
        })
        .collect_view();
    view! {
        {(!note.text.is_empty()).then(|| view! { <p class="saved-note">{note.text.clone()}</p> })}
        {answers}
    }
}
