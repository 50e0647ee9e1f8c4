//! The printable trip report (`/report`): the same grouping as the Markdown download, laid
//! out for A4 paper, with link addresses printed and a page break between sections, and
//! each item's photos with their captions under it.

use leptos::prelude::*;

use crate::library::{
    iso_date, note_parts, trip_report_with_items, PhotoAlbum, PhotoMeta, ReportEntry, TripReport,
    REPORT_TITLE,
};
use crate::ui::components::PageHeading;
use crate::ui::library_state::{use_library, LibraryState};
use crate::ui::photos::{album_and_files, PhotoUrls};
use crate::ui::{href, loaded_content};
use crate::web::loader::LoadedContent;
use crate::web::{self, clock};

/// The trip report, ready to print or save as PDF, with each item's photos.
#[component]
pub fn ReportPage() -> impl IntoView {
    let album = RwSignal::new(None::<PhotoAlbum>);
    let urls = PhotoUrls::new();
    leptos::task::spawn_local_scoped(async move {
        // Without its photos (they could not be read), the report still shows the rest.
        let (loaded, found) = album_and_files().await.unwrap_or_default();
        found
            .iter()
            .for_each(|(hash, bytes)| urls.insert(hash, bytes));
        album.set(Some(loaded));
    });
    view! {
        <PageHeading text=REPORT_TITLE />
        {move || album.get().map(|album| report_view(album, urls))}
    }
}

fn report_view(album: PhotoAlbum, urls: PhotoUrls) -> impl IntoView {
    let state = use_library();
    let content = loaded_content();
    let today = iso_date(clock::now_ms());
    let report = trip_report_of(state, &content, &today, &album);
    let empty = report.groups.is_empty() && report.missing.is_empty();
    let album = &album;
    let entry_view = move |entry: ReportEntry| {
        let photos = album.of_item(&entry.item.id).to_vec();
        entry_view(entry, photos, urls)
    };
    view! {
        <p>{report.prepared.clone()}</p>
        <div class="exports no-print">
            <button type="button" class="button" on:click=|_| web::print()>
                "Print or save as PDF"
            </button>
            <a href=href("/saved") class="button">
                "Back to Saved"
            </a>
        </div>
        {empty.then(|| view! { <p>"Nothing saved yet: bookmark items and write notes, then come back."</p> })}
        {report
            .groups
            .into_iter()
            .map(|group| {
                view! {
                    <section class="report-group">
                        <h2>{group.heading}</h2>
                        {group.entries.into_iter().map(entry_view).collect_view()}
                        {group
                            .days
                            .into_iter()
                            .map(|(day, entries)| {
                                view! {
                                    <h3>{day}</h3>
                                    {entries.into_iter().map(entry_view).collect_view()}
                                }
                            })
                            .collect_view()}
                    </section>
                }
            })
            .collect_view()}
        {(!report.missing.is_empty())
            .then(|| {
                view! {
                    <section class="report-group">
                        <h2>"No longer in the knowledge base"</h2>
                        {report
                            .missing
                            .into_iter()
                            .map(|(id, note)| {
                                view! {
                                    <div class="report-entry">
                                        <p>
                                            <strong>{id}</strong>
                                        </p>
                                        {note.map(|note| note_view(&note))}
                                    </div>
                                }
                            })
                            .collect_view()}
                    </section>
                }
            })}
    }
}

fn entry_view(entry: ReportEntry, photos: Vec<PhotoMeta>, urls: PhotoUrls) -> impl IntoView {
    let item = entry.item;
    let kind = if entry.attended {
        format!(" ({}, attended)", item.kind.singular())
    } else {
        format!(" ({})", item.kind.singular())
    };
    view! {
        <div class="report-entry">
            <p>
                <strong>{item.title.clone()}</strong>
                {kind}
            </p>
            <p>{item.summary.clone()}</p>
            {entry.note.map(|note| note_view(&note))}
            {photos
                .into_iter()
                .map(|photo| {
                    let hash = photo.hash.clone();
                    view! {
                        <figure class="report-photo">
                            <img
                                src=move || urls.get(&hash)
                                alt=photo.caption.clone()
                                width=photo.width
                                height=photo.height
                            />
                            {(!photo.caption.is_empty())
                                .then(|| view! { <figcaption>{photo.caption.clone()}</figcaption> })}
                        </figure>
                    }
                })
                .collect_view()}
            <ul class="report-sources">
                {item
                    .sources
                    .iter()
                    .map(|source| {
                        let link = source
                            .url
                            .clone()
                            .map(|url| view! { " " <a href=url.clone() rel="noreferrer">{url.clone()}</a> });
                        view! { <li>{format!("Source: {}, {}", source.publisher, source.title)} {link}</li> }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

fn note_view(note: &crate::library::Note) -> impl IntoView {
    note_parts(note)
        .into_iter()
        .map(|(heading, text)| {
            view! {
                <div class="saved-note">
                    <p>
                        <strong>{heading}</strong>
                    </p>
                    {text.lines().map(|line| view! { <p>{line.to_string()}</p> }).collect_view()}
                </div>
            }
        })
        .collect_view()
}

/// The trip report of what the person saved, with the items that have photos though not
/// saved (the Word report and this page show the same).
pub(crate) fn trip_report_of(
    state: LibraryState,
    content: &LoadedContent,
    today: &str,
    album: &PhotoAlbum,
) -> TripReport {
    let ids = album.item_ids();
    let also: Vec<&str> = ids.into_iter().collect();
    state
        .library
        .with_untracked(|l| trip_report_with_items(l, &content.catalog, today, &also))
}
