//! An item's page (`/case-studies/hometax`): facts, body, programme, related items, sources.
//! The text blocks that never change once drawn (sections, lists, related items, sources)
//! are written as markup by the core (`egov_core::item_text`) and put in place in one step;
//! what responds or follows a setting (Save, the note, photos, local times) is drawn here.

use leptos::prelude::*;

use super::NotFoundPage;
use crate::content::{day_heading, Catalog, Item, Kind, Schedule};
use crate::item_text::{body_markup, references_markup};
use crate::ui::components::{KstTime, LoadingState, LocalTimesToggle, Name, PageHeading};
use crate::ui::library_state::{AttendedToggle, BookmarkButton, NoteEditor};
use crate::ui::photos::PhotosSlot;
use crate::ui::pictures::{BsecMap, OecdTable, RankChart};
use crate::ui::{bodies_ready, href, loaded_content};

/// The item `id` of the kind `slug` names (`case-studies`, `hometax`). An unknown kind or
/// id, or an id of another kind, is "not found".
#[component]
pub fn ItemPage(slug: String, id: String) -> impl IntoView {
    let Some(kind) = Kind::from_slug(&slug) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    // The page shows the item's body: it waits for it when it did not come with the first
    // load. An id the first load does not know is not found at once.
    let ready = bodies_ready(Some((kind, id.clone())));
    (move || {
        let ready = ready.get();
        let content = loaded_content();
        match content.catalog.get_of_kind(kind, &id) {
            None => view! { <NotFoundPage /> }.into_any(),
            Some(_) if !ready => view! { <LoadingState /> }.into_any(),
            Some(item) => item_view(&content.catalog, item).into_any(),
        }
    })
    .into_any()
}

fn item_view(catalog: &Catalog, item: &Item) -> impl IntoView {
    // An edition's sessions are in its programme, not among its related items.
    let related: Vec<&Item> = catalog
        .related_both_ways(item)
        .into_iter()
        .filter(|other| other.kind != Kind::Session || item.kind != Kind::Edition)
        .collect();
    let programme = (item.kind == Kind::Edition).then(|| programme_view(catalog, item));
    view! {
        <p class="kind-label">{item.kind.singular()}</p>
        <PageHeading text=item.title.clone() />
        <div class="item-actions">
            <BookmarkButton id=item.id.clone() title=item.title.clone() />
            {matches!(item.kind, Kind::Session | Kind::SiteVisit)
                .then(|| view! { <AttendedToggle id=item.id.clone() /> })}
        </div>
        {(!item.aliases.is_empty())
            .then(|| {
                view! {
                    <p class="aliases">
                        "Also known as: "
                        {item
                            .aliases
                            .iter()
                            .enumerate()
                            .map(|(i, alias)| {
                                view! {
                                    {(i > 0).then_some(", ")}
                                    <Name text=alias.clone() />
                                }
                            })
                            .collect_view()}
                    </p>
                }
            })}
        <p class="summary">{item.summary.clone()}</p>
        {facts_view(catalog, item)}
        {item
            .schedule
            .is_some_and(|s| s.start_time.is_some())
            .then(|| view! { <LocalTimesToggle /> })}
        {(!item.un_egov_ranks.is_empty())
            .then(|| view! { <RankChart ranks=item.un_egov_ranks.clone() /> })}
        {(!item.oecd_indices.is_empty())
            .then(|| view! { <OecdTable results=item.oecd_indices.clone() /> })}
        {map_view(item)}
        <div inner_html=body_markup(item) />
        {programme}
        <NoteEditor id=item.id.clone() with_prompts=item.kind == Kind::CaseStudy />
        <PhotosSlot item_id=item.id.clone() />
        <div inner_html=references_markup(&related, &|other| href(&other.path()), &item.sources) />
    }
}

/// The map of member states: an edition's countries, or a country itself, highlighted.
fn map_view(item: &Item) -> Option<impl IntoView> {
    let (selected, what) = match item.kind {
        Kind::Edition if !item.countries.is_empty() => {
            (item.countries.clone(), "took part in this edition")
        }
        Kind::Country => (vec![item.id.clone()], "this country"),
        _ => return None,
    };
    Some(view! { <BsecMap selected what /> })
}

/// The facts summary list: dates, place, edition, session, organisations, countries…
fn facts_view(catalog: &Catalog, item: &Item) -> impl IntoView {
    let mut rows: Vec<(&'static str, AnyView)> = Vec::new();
    if let Some(expansion) = &item.expansion {
        rows.push(("Stands for", expansion.clone().into_any()));
    }
    if let Some(role) = &item.role {
        rows.push(("Role", role.clone().into_any()));
    }
    if let Some(schedule) = item.schedule {
        rows.push(("When", schedule_view(schedule)));
    } else if let Some(start) = item.start {
        let text = match item.end {
            Some(end) if end != start => format!("{} to {}", start.display(), end.display()),
            _ => start.display(),
        };
        rows.push((item.kind.start_label(), text.into_any()));
    }
    if let Some(place) = &item.place {
        rows.push(("Place", place.clone().into_any()));
    }
    if let Some(format) = &item.format {
        rows.push(("Format", format.clone().into_any()));
    }
    if let Some(status) = &item.status {
        rows.push(("Status", status.clone().into_any()));
    }
    for (label, id) in [("Edition", &item.edition), ("Session", &item.session)] {
        if let Some(linked) = id.as_deref().and_then(|id| catalog.get(id)) {
            rows.push((label, link(linked).into_any()));
        }
    }
    for (label, ids) in [
        ("Organisations", &item.organisations),
        ("Countries", &item.countries),
        ("People", &item.people),
    ] {
        let linked: Vec<&Item> = ids.iter().filter_map(|id| catalog.get(id)).collect();
        if !linked.is_empty() {
            let links = linked
                .into_iter()
                .enumerate()
                .map(|(i, other)| view! { {(i > 0).then_some(", ")} {link(other)} })
                .collect_view();
            rows.push((label, links.into_any()));
        }
    }
    if !item.topics.is_empty() {
        rows.push(("Topics", item.topics.join(", ").into_any()));
    }
    (!rows.is_empty()).then(|| {
        view! {
            <dl class="facts">
                {rows
                    .into_iter()
                    .map(|(label, value)| view! { <dt>{label}</dt> <dd>{value}</dd> })
                    .collect_view()}
            </dl>
        }
    })
}

/// "Monday 30 October 2017, 09:30 KST to 12:00 KST" (times only where known), with local
/// times beside them when the person asked for them.
fn schedule_view(schedule: Schedule) -> AnyView {
    let Schedule {
        day,
        start_time,
        end_time,
    } = schedule;
    let day_text = day.with_weekday();
    match (start_time, end_time) {
        (Some(start), Some(end)) => view! {
            {day_text}", "<KstTime day time=start />" to "<KstTime day time=end />
        }
        .into_any(),
        (Some(start), None) => view! { {day_text}", from "<KstTime day time=start /> }.into_any(),
        _ => day_text.into_any(),
    }
}

fn link(item: &Item) -> impl IntoView {
    let (target, title) = (href(&item.path()), item.title.clone());
    view! { <a href=target>{title}</a> }
}

/// An edition's programme, day by day.
fn programme_view(catalog: &Catalog, edition: &Item) -> impl IntoView {
    let days = catalog.programme_days(&edition.id);
    let has_times = days
        .iter()
        .flat_map(|(_, sessions)| sessions)
        .any(|s| s.schedule.is_some_and(|s| s.start_time.is_some()));
    (!days.is_empty()).then(|| {
        view! {
            <section aria-labelledby="programme-title">
                <h2 id="programme-title">"Programme, day by day"</h2>
                {has_times.then(|| view! { <LocalTimesToggle /> })}
                {days
                    .into_iter()
                    .map(|(day, sessions)| {
                        let heading = day_heading(day);
                        view! {
                            <h3>{heading}</h3>
                            <ul class="cards">
                                {sessions
                                    .into_iter()
                                    .map(|session| {
                                        let time = session
                                            .schedule
                                            .and_then(|s| Some((s.day, s.start_time?)))
                                            .map(|(day, time)| view! { <KstTime day time />" · " });
                                        view! {
                                            <li class="card">
                                                <span class="card-kind">{time}{session.format.clone()}</span>
                                                {link(session)}
                                                <p class="card-summary">{session.summary.clone()}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}
