//! Photos on notes: the editor under an item's note (add from the camera or the gallery,
//! caption, reorder, view large, delete with undo), the album as the Saved page and the
//! report read it, and reading and importing a backup's photos. (The Word report and the
//! .zip backup are made by the Saved page's downloads, `make_download`.)
//!
//! Everything here but [`PhotosSlot`] is loaded on demand (`#[lazy]`): the editor once an
//! item page is up, the album's work when a page or an import asks for it, so the
//! landing code does not grow. The rules (limits, order, merge, formats) are the core's
//! (`PhotoAlbum`, `read_backup_file`); storage is `web::photos`.

use std::collections::HashMap;

use crate::sorted::SortedMap;

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use crate::keys;
use crate::library::{
    iso_date, parse_photos_manifest, photos_manifest_json, read_backup_file, BackupWithPhotos,
    Move, PhotoAlbum, PhotoMeta, PHOTO_LONG_SIDE,
};
use crate::ui::components::megabytes;
use crate::web::images::{self, shrink_to_jpeg};
use crate::web::photos::{self as store, PhotoChange, PhotoChanges, PhotoStoreError};
use crate::web::{clock, files, next_task, storage};

/// The photos' place under an item's note. The editor's code is fetched once the page is
/// up, from a task after the one that draws it (so that the page responds sooner); until
/// then the place keeps the height of the editor's buttons, so nothing moves.
#[component]
pub fn PhotosSlot(
    /// The item's id.
    #[prop(into)]
    item_id: String,
) -> impl IntoView {
    let editor = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(false);
    // A plain task (not `spawn_local_scoped`, whose future type would add code here): the
    // editor is drawn under this component's owner, passed along.
    if let Some(owner) = Owner::current() {
        leptos::task::spawn_local(async move {
            next_task().await;
            let view = photo_editor(owner, item_id).await;
            editor.try_set_value(Some(view));
            ready.try_set(true);
        });
    }
    view! {
        <section class="photos" aria-labelledby="photos-title">
            <h2 id="photos-title">"Photos"</h2>
            {move || {
                if ready.get() {
                    editor.try_update_value(Option::take).flatten()
                } else {
                    // The editor's own markup with no photos, its buttons not yet working:
                    // when the editor arrives, nothing moves.
                    Some(view! { <p role="status" class="hint"></p> {photo_tools(|_| {}, true)} }.into_any())
                }
            }}
            <p class="hint">
                "Photos are made smaller on this device (at most 1600 pixels) and saved without their location or camera details. They stay on this device; a backup with photos (.zip) carries them."
            </p>
        </section>
    }
}

#[lazy]
fn photo_editor(owner: Owner, item_id: String) -> AnyView {
    owner.with(|| view! { <PhotoEditor item_id /> }.into_any())
}

/// Every stored photo, and how many records could not be read (they stay stored).
pub async fn load_album() -> Result<(PhotoAlbum, usize), PhotoStoreError> {
    let mut photos = Vec::new();
    let mut unreadable = 0;
    for text in store::records().await? {
        match parse_photos_manifest(&text) {
            Ok(mut list) => photos.append(&mut list),
            Err(_) => unreadable += 1,
        }
    }
    Ok((PhotoAlbum::new(photos), unreadable))
}

/// The stored records of `item_id`'s photos, as `album` now orders them.
fn item_records(album: &PhotoAlbum, item_id: &str) -> Vec<(String, String)> {
    album
        .of_item(item_id)
        .iter()
        .map(|photo| {
            (
                keys::photo_record_key(&photo.item_id, &photo.hash),
                photos_manifest_json(std::slice::from_ref(photo)),
            )
        })
        .collect()
}

/// The JPEG bytes of every photo in `album` that is stored.
pub async fn album_files(
    album: &PhotoAlbum,
) -> Result<SortedMap<String, Vec<u8>>, PhotoStoreError> {
    let mut hashes: Vec<String> = album.photos().iter().map(|p| p.hash.clone()).collect();
    hashes.sort();
    hashes.dedup();
    store::files(&hashes).await
}

/// Object URLs of photos, freed when their owner goes away.
#[derive(Clone, Copy)]
pub struct PhotoUrls(RwSignal<HashMap<String, String>>);

impl PhotoUrls {
    /// An empty set, freed on cleanup of the current owner.
    pub fn new() -> PhotoUrls {
        let urls = RwSignal::new(HashMap::<String, String>::new());
        on_cleanup(move || {
            if let Some(urls) = urls.try_get_untracked() {
                urls.values().for_each(|url| images::revoke(url));
            }
        });
        PhotoUrls(urls)
    }

    /// Shows `bytes` as the photo `hash` (once).
    pub fn insert(self, hash: &str, bytes: &[u8]) {
        // After its page has gone (a task finishing late), there is nothing to show.
        if self.0.try_with_untracked(|u| u.contains_key(hash)) != Some(false) {
            return;
        }
        if let Some(url) = images::jpeg_url(bytes) {
            self.0.update(|u| {
                u.insert(hash.to_string(), url);
            });
        }
    }

    /// The URL showing `hash`, if its bytes were found.
    pub fn get(self, hash: &str) -> Option<String> {
        self.0.with(|u| u.get(hash).cloned())
    }
}

impl Default for PhotoUrls {
    fn default() -> Self {
        PhotoUrls::new()
    }
}

/// A deleted photo, kept in memory for Undo.
#[derive(Clone)]
struct Deleted {
    photo: PhotoMeta,
    bytes: Option<Vec<u8>>,
}

/// The photo editor under an item's note.
#[component]
fn PhotoEditor(item_id: String) -> impl IntoView {
    let album = RwSignal::new(PhotoAlbum::default());
    let urls = PhotoUrls::new();
    let message = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<Deleted>);
    let large = RwSignal::new(None::<String>);
    let id = StoredValue::new(item_id);

    // Counts this page's own changes: a reload (after another tab's change) that started
    // before one of them would show an older album, so it is dropped and started again.
    let generation = StoredValue::new(0u32);
    let reload = move || {
        spawn_local_scoped(async move {
            // Every read below is `try_`: the page may have gone while the album loaded.
            let loaded = loop {
                let started = generation.try_get_value();
                let loaded = load_album().await;
                if generation.try_get_value() == started {
                    break loaded;
                }
            };
            match loaded {
                Ok((loaded, _)) => {
                    let hashes: Vec<String> = id
                        .try_with_value(|id| {
                            loaded.of_item(id).iter().map(|p| p.hash.clone()).collect()
                        })
                        .unwrap_or_default();
                    album.set(loaded);
                    if let Ok(found) = store::files(&hashes).await {
                        found
                            .iter()
                            .for_each(|(hash, bytes)| urls.insert(hash, bytes));
                    }
                }
                Err(error) => message.set(format!("Your photos could not be read: {error}.")),
            }
        });
    };
    reload();
    let changes = StoredValue::new_local(PhotoChanges::listen(reload));
    on_cleanup(move || drop(changes.try_update_value(Option::take)));

    // Writes the item's records as the album now has them, plus `change`; on failure, puts
    // the album back as it was and says why.
    let save = move |before: PhotoAlbum, change: PhotoChange<'static>, done: String| {
        generation.update_value(|g| *g += 1);
        spawn_local_scoped(async move {
            let mut change = change;
            let records = album
                .try_with_untracked(|a| id.with_value(|id| item_records(a, id)))
                .unwrap_or_default();
            change.put_records.extend(records);
            match store::write(change).await {
                Ok(()) => message.set(done),
                Err(error) => {
                    album.set(before);
                    message.set(format!(
                        "Not saved: {error}. Your other photos and notes are kept."
                    ));
                }
            }
        });
    };

    // Adding outlives the page: a person who chooses a photo and leaves at once (making a
    // phone photo smaller takes a moment) finds it saved when they come back. So the task is
    // not the page's (`spawn_local`, not `spawn_local_scoped`), and once the page has gone it
    // adds to the album as stored, not to the page's.
    let add_files = move |event: leptos::ev::Event| {
        let chosen = files::chosen_files(&event);
        let Some(item) = id.try_get_value() else {
            return;
        };
        if chosen.is_empty() {
            return;
        }
        message.set("Adding…".into());
        leptos::task::spawn_local(async move {
            let mut added = 0;
            let mut problems = Vec::new();
            for file in chosen {
                let name = file.name();
                let jpeg = match shrink_to_jpeg(&file, PHOTO_LONG_SIDE).await {
                    Ok(jpeg) => jpeg,
                    Err(error) => {
                        problems.push(format!("“{name}” was not added: {error}."));
                        continue;
                    }
                };
                let before = match album.try_get_untracked() {
                    Some(shown) => shown,
                    None => match load_album().await {
                        Ok((stored, _)) => stored,
                        Err(error) => {
                            problems.push(format!("“{name}” was not saved: {error}."));
                            continue;
                        }
                    },
                };
                generation.try_update_value(|g| *g += 1);
                let today = iso_date(clock::now_ms());
                let mut after = before.clone();
                let meta = match after.add(&item, &jpeg.bytes, jpeg.width, jpeg.height, &today) {
                    Ok(meta) => meta,
                    Err(error) => {
                        problems.push(format!("“{name}” was not added: {error}."));
                        continue;
                    }
                };
                album.try_set(after.clone());
                let change = PhotoChange {
                    put_files: vec![(meta.hash.as_str(), jpeg.bytes.as_slice())],
                    put_records: item_records(&after, &item),
                    ..Default::default()
                };
                match store::write(change).await {
                    Ok(()) => {
                        urls.insert(&meta.hash, &jpeg.bytes);
                        added += 1;
                        // The person left while it was being added: the page they are on
                        // now (this item's again, perhaps) read the photos before this one.
                        if album.is_disposed() {
                            store::announce_here();
                        }
                    }
                    Err(error) => {
                        album.try_set(before);
                        problems.push(format!(
                            "“{name}” was not saved: {error}. Your other photos and notes are kept."
                        ));
                    }
                }
            }
            if added > 0 {
                storage::request_persistence();
            }
            let mut text = match added {
                0 => String::new(),
                1 => "Photo added.".to_string(),
                n => format!("{n} photos added."),
            };
            for problem in problems {
                text.push(' ');
                text.push_str(&problem);
            }
            message.try_set(text.trim().to_string());
        });
    };

    let caption_changed = move |hash: String, text: String| {
        let before = album.get_untracked();
        let result = album
            .try_update(|a| id.with_value(|id| a.set_caption(id, &hash, &text)))
            .unwrap_or(Err(crate::library::PhotoError::NotFound));
        match result {
            Ok(()) => save(before, PhotoChange::default(), "Caption saved.".into()),
            Err(error) => message.set(format!("The caption was not saved: {error}.")),
        }
    };

    let move_photo = move |hash: String, direction: Move| {
        let before = album.get_untracked();
        let moved = album
            .try_update(|a| id.with_value(|id| a.move_photo(id, &hash, direction)))
            .unwrap_or(false);
        if moved {
            let done = match direction {
                Move::Earlier => "Moved earlier.",
                Move::Later => "Moved later.",
            };
            save(before, PhotoChange::default(), done.into());
        }
    };

    let delete = move |hash: String| {
        spawn_local_scoped(async move {
            let bytes = store::files(std::slice::from_ref(&hash))
                .await
                .ok()
                .and_then(|mut found| found.remove(&hash));
            let Some(before) = album.try_get_untracked() else {
                return;
            };
            let Some(photo) = album
                .try_update(|a| id.with_value(|id| a.remove(id, &hash)))
                .flatten()
            else {
                return;
            };
            let unused = album.try_with_untracked(|a| !a.uses(&hash)) == Some(true);
            let change = PhotoChange {
                delete_records: vec![keys::photo_record_key(&photo.item_id, &photo.hash)],
                delete_files: if unused {
                    vec![hash.clone()]
                } else {
                    Vec::new()
                },
                ..Default::default()
            };
            deleted.set(Some(Deleted { photo, bytes }));
            save(before, change, String::new());
        });
    };

    let undo = move |_| {
        let Some(Deleted { photo, bytes }) = deleted.get_untracked() else {
            return;
        };
        deleted.set(None);
        generation.update_value(|g| *g += 1);
        let before = album.get_untracked();
        album.update(|a| a.restore(photo.clone()));
        spawn_local_scoped(async move {
            let mut change = PhotoChange::default();
            if let Some(bytes) = &bytes {
                change
                    .put_files
                    .push((photo.hash.as_str(), bytes.as_slice()));
            }
            change.put_records = album
                .try_with_untracked(|a| item_records(a, &photo.item_id))
                .unwrap_or_default();
            match store::write(change).await {
                Ok(()) => message.set("Photo restored.".into()),
                Err(error) => {
                    album.set(before);
                    message.set(format!("The photo could not be restored: {error}."));
                }
            }
        });
    };

    // What the person has typed into a caption and not yet saved (a caption is saved when
    // its field is left), by photo. The list is drawn again whenever the album changes (a
    // photo added, another tab's change), which sets every field: to this, not the stored
    // caption, so the typing stays.
    let drafts = StoredValue::new(SortedMap::<String, String>::new());
    let photos = move || album.with(|a| id.with_value(|id| a.of_item(id).to_vec()));
    view! {
        {move || {
            let list = photos();
            let count = list.len();
            (count > 0)
                .then(|| {
                    view! {
                        <ul class="photo-list">
                            {list
                                .into_iter()
                                .enumerate()
                                .map(|(index, photo)| {
                                    let number = index + 1;
                                    let hash = photo.hash.clone();
                                    let is_large = {
                                        let hash = hash.clone();
                                        move || large.get().as_deref() == Some(hash.as_str())
                                    };
                                    let src = {
                                        let hash = hash.clone();
                                        move || urls.get(&hash)
                                    };
                                    let alt = if photo.caption.is_empty() {
                                        format!("Photo {number}")
                                    } else {
                                        photo.caption.clone()
                                    };
                                    let caption = drafts
                                        .with_value(|d| d.get(&hash).cloned())
                                        .unwrap_or_else(|| photo.caption.clone());
                                    let (h1, h2, h3, h4, h5, h6) = (hash.clone(), hash.clone(), hash.clone(), hash.clone(), hash.clone(), hash.clone());
                                    let pressed = is_large.clone();
                                    view! {
                                        <li class="photo" class:photo-large=is_large>
                                            <button
                                                type="button"
                                                class="photo-view"
                                                aria-label=format!("Photo {number}: view large")
                                                aria-pressed=move || if pressed() { "true" } else { "false" }
                                                on:click=move |_| {
                                                    large.update(|l| {
                                                        *l = if l.as_deref() == Some(h1.as_str()) { None } else { Some(h1.clone()) };
                                                    })
                                                }
                                            >
                                                <img src=src alt=alt width=photo.width height=photo.height />
                                            </button>
                                            <label class="photo-caption">
                                                {format!("Caption of photo {number}")}
                                                <input
                                                    type="text"
                                                    maxlength="300"
                                                    prop:value=caption
                                                    on:input=move |event| drafts.update_value(|d| {
                                                        d.insert(h6.clone(), event_target_value(&event));
                                                    })
                                                    on:change=move |event| {
                                                        drafts.update_value(|d| {
                                                            d.remove(&h2);
                                                        });
                                                        caption_changed(h2.clone(), event_target_value(&event))
                                                    }
                                                />
                                            </label>
                                            <div class="photo-actions">
                                                <button type="button" class="button" disabled=index == 0 on:click=move |_| move_photo(h3.clone(), Move::Earlier)>
                                                    {format!("Move photo {number} earlier")}
                                                </button>
                                                <button type="button" class="button" disabled=number == count on:click=move |_| move_photo(h4.clone(), Move::Later)>
                                                    {format!("Move photo {number} later")}
                                                </button>
                                                <button type="button" class="button" on:click=move |_| delete(h5.clone())>
                                                    {format!("Delete photo {number}")}
                                                </button>
                                            </div>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
        }}
        <p role="status" class="hint">
            {move || message.get()}
            {move || {
                deleted
                    .get()
                    .map(|_| {
                        view! {
                            "Photo deleted. "
                            <button type="button" class="button" on:click=undo>
                                "Undo"
                            </button>
                        }
                    })
            }}
        </p>
        {photo_tools(add_files, false)}
    }
}

/// "Take a photo" (the camera) and "Add photos from the gallery" (several at once).
fn photo_tools(add: impl Fn(leptos::ev::Event) + Clone + 'static, disabled: bool) -> impl IntoView {
    let also = add.clone();
    view! {
        <div class="photo-tools">
            <label class="button">
                "Take a photo"
                <input
                    type="file"
                    accept="image/*"
                    capture="environment"
                    class="visually-hidden"
                    disabled=disabled
                    on:change=add
                />
            </label>
            <label class="button">
                "Add photos from the gallery"
                <input
                    type="file"
                    accept="image/*"
                    multiple
                    class="visually-hidden"
                    disabled=disabled
                    on:change=also
                />
            </label>
        </div>
    }
}

/// What the Saved page and the report ask of the stored photos. One lazily loaded piece
/// does all of it (one piece, not one per task: every split point adds to the loader that
/// the landing routes download).
enum PhotoTask {
    Space,
    Album,
    AlbumAndFiles,
    ReadBackup(Vec<u8>),
    Import(BackupWithPhotos),
}

/// The answer to a [`PhotoTask`], of the matching kind.
enum PhotoAnswer {
    Text(String),
    Album(Result<(PhotoAlbum, SortedMap<String, Vec<u8>>), String>),
    Backup(Result<(BackupWithPhotos, String), String>),
}

#[lazy]
async fn photo_work(task: PhotoTask) -> PhotoAnswer {
    match task {
        PhotoTask::Space => PhotoAnswer::Text(photo_space_now().await),
        PhotoTask::Album => PhotoAnswer::Album(
            load_album()
                .await
                .map(|(album, _)| (album, SortedMap::new()))
                .map_err(|error| format!("Your photos could not be read: {error}.")),
        ),
        PhotoTask::AlbumAndFiles => PhotoAnswer::Album(album_and_files_now().await),
        PhotoTask::ReadBackup(bytes) => PhotoAnswer::Backup(read_backup_now(bytes).await),
        PhotoTask::Import(file) => PhotoAnswer::Text(import_photos_now(file).await),
    }
}

const WRONG_ANSWER: &str = "the photo code gave an unexpected answer";

/// "3 photos on this device use 2.1 MB. This site uses … of the … the browser allows it."
pub async fn photo_space() -> String {
    match photo_work(PhotoTask::Space).await {
        PhotoAnswer::Text(text) => text,
        _ => String::new(),
    }
}

/// Every stored photo's record (no bytes), or why they could not be read.
pub async fn album() -> Result<PhotoAlbum, String> {
    match photo_work(PhotoTask::Album).await {
        PhotoAnswer::Album(found) => found.map(|(album, _)| album),
        _ => Err(WRONG_ANSWER.into()),
    }
}

/// Every stored photo and its bytes, or why they could not be read.
pub async fn album_and_files() -> Result<(PhotoAlbum, SortedMap<String, Vec<u8>>), String> {
    match photo_work(PhotoTask::AlbumAndFiles).await {
        PhotoAnswer::Album(found) => found,
        _ => Err(WRONG_ANSWER.into()),
    }
}

/// A chosen backup file read and checked, .zip or .json, with its preview sentence (which
/// counts the photos new to this device).
pub async fn read_backup(bytes: Vec<u8>) -> Result<(BackupWithPhotos, String), String> {
    match photo_work(PhotoTask::ReadBackup(bytes)).await {
        PhotoAnswer::Backup(read) => read,
        _ => Err(WRONG_ANSWER.into()),
    }
}

/// Adds a backup's photos to the ones on this device (never removing any): a sentence
/// saying what happened, starting with a space, or nothing when it had no photos.
pub async fn import_photos(file: BackupWithPhotos) -> String {
    match photo_work(PhotoTask::Import(file)).await {
        PhotoAnswer::Text(text) => text,
        _ => WRONG_ANSWER.into(),
    }
}

/// The work behind [`read_backup`], in the lazily loaded piece.
async fn read_backup_now(bytes: Vec<u8>) -> Result<(BackupWithPhotos, String), String> {
    let file = read_backup_file(&bytes).map_err(|e| e.to_string())?;
    let album = load_album().await.map(|(a, _)| a).unwrap_or_default();
    let summary = file.describe(&album);
    Ok((file, summary))
}

/// The work behind [`import_photos`], in the lazily loaded piece.
async fn import_photos_now(file: BackupWithPhotos) -> String {
    if file.photos.is_empty() {
        return String::new();
    }
    let mut album = match load_album().await {
        Ok((album, _)) => album,
        Err(error) => return format!(" The photos were not imported: {error}."),
    };
    let report = album.merge(&file.photos);
    if report.added == 0 {
        return " No new photos.".into();
    }
    let mut items: Vec<&str> = file.photos.iter().map(|p| p.item_id.as_str()).collect();
    items.sort_unstable();
    items.dedup();
    let change = PhotoChange {
        put_records: items
            .iter()
            .flat_map(|item| item_records(&album, item))
            .collect(),
        put_files: file
            .jpegs
            .iter()
            .filter(|(hash, _)| album.uses(hash))
            .map(|(hash, bytes)| (hash.as_str(), bytes.as_slice()))
            .collect(),
        ..Default::default()
    };
    match store::write(change).await {
        Ok(()) if report.added == 1 => " 1 photo added.".into(),
        Ok(()) => format!(" {} photos added.", report.added),
        Err(error) => format!(
            " The photos were not imported: {error}. Your library and other photos are kept."
        ),
    }
}

/// The work behind [`album_and_files`], in the lazily loaded piece.
async fn album_and_files_now() -> Result<(PhotoAlbum, SortedMap<String, Vec<u8>>), String> {
    let failed = |error| format!("Your photos could not be read: {error}.");
    let (album, _) = load_album().await.map_err(failed)?;
    let jpegs = album_files(&album).await.map_err(failed)?;
    Ok((album, jpegs))
}

/// The work behind [`photo_space`], in the lazily loaded piece.
async fn photo_space_now() -> String {
    let Ok((album, unreadable)) = load_album().await else {
        return String::new();
    };
    let mut text = match album.len() {
        0 => "No photos yet: add them under an item's note.".to_string(),
        1 => format!(
            "1 photo on this device uses {}.",
            megabytes(album.total_bytes())
        ),
        n => format!(
            "{n} photos on this device use {}.",
            megabytes(album.total_bytes())
        ),
    };
    if let Some((usage, quota)) = store::estimate().await {
        text.push_str(&format!(
            " This site uses {} of the {} the browser allows it.",
            megabytes(usage as u64),
            megabytes(quota as u64)
        ));
    }
    if unreadable > 0 {
        text.push_str(&format!(
            " {unreadable} stored photo record(s) could not be read; they are kept as they were."
        ));
    }
    text
}
