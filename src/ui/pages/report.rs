//! The printable trip report (`/report`): the same grouping as the Markdown download, laid
//! out for A4 paper, with link addresses printed and a page break between sections.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::library::{iso_date, note_parts, trip_report, ReportEntry, REPORT_TITLE};
use crate::ui::components::PageHeading;
use crate::ui::library_state::use_library;
use crate::ui::{href, loaded_content};
use crate::web::{self, clock};

/// The trip report, ready to print or save as PDF.
#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_library();
    let content = loaded_content();
    let today = iso_date(clock::now_ms());
    let report = state
        .library
        .with_untracked(|l| trip_report(l, &content.catalog, &today));
    let empty = report.groups.is_empty() && report.missing.is_empty();
    view! {
        <PageHeading text=REPORT_TITLE />
        <p>{report.prepared.clone()}</p>
        <div class="exports no-print">
            <button type="button" class="button" on:click=|_| web::print()>
                "Print or save as PDF"
            </button>
            <A href=href("/saved") {..} class="button">
                "Back to Saved"
            </A>
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

fn entry_view(entry: ReportEntry) -> impl IntoView {
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
