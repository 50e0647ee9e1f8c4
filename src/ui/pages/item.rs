//! An item's page (`/case-studies/hometax`): facts, body, programme, related items, sources.

use leptos::prelude::*;

use super::NotFoundPage;
use crate::content::{day_heading, Catalog, Item, Kind, Schedule, Source};
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
    let related = catalog
        .related_both_ways(item)
        .into_iter()
        .filter(|other| other.kind != Kind::Session || item.kind != Kind::Edition)
        .cloned()
        .collect::<Vec<_>>();
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
        {item
            .sections
            .iter()
            .map(|section| {
                view! {
                    <section>
                        <h2>{section.heading.clone()}</h2>
                        {section
                            .paragraphs
                            .iter()
                            .map(|p| view! { <p>{p.clone()}</p> })
                            .collect_view()}
                    </section>
                }
            })
            .collect_view()}
        {text_list("What to look for", &item.look_for)}
        {text_list("Questions to ask", &item.questions)}
        {programme}
        <NoteEditor id=item.id.clone() with_prompts=item.kind == Kind::CaseStudy />
        <PhotosSlot item_id=item.id.clone() />
        {(!related.is_empty()).then(|| related_view(related))}
        {sources_view(&item.sources)}
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

fn text_list(heading: &'static str, lines: &[String]) -> Option<impl IntoView> {
    (!lines.is_empty()).then(|| {
        view! {
            <section>
                <h2>{heading}</h2>
                <ul>{lines.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul>
            </section>
        }
    })
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

/// Related items in both directions, grouped by kind.
fn related_view(related: Vec<Item>) -> impl IntoView {
    let mut groups: Vec<(Kind, Vec<Item>)> = Vec::new();
    for item in related {
        match groups.last_mut() {
            Some((kind, list)) if *kind == item.kind => list.push(item),
            _ => groups.push((item.kind, vec![item])),
        }
    }
    view! {
        <section aria-labelledby="related-title">
            <h2 id="related-title">"Related"</h2>
            {groups
                .into_iter()
                .map(|(kind, items)| {
                    view! {
                        <h3>{kind.plural()}</h3>
                        <ul class="link-list">
                            {items.iter().map(|item| view! { <li>{link(item)}</li> }).collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </section>
    }
}

fn sources_view(sources: &[Source]) -> impl IntoView {
    view! {
        <section aria-labelledby="sources-title" class="sources">
            <h2 id="sources-title">"Sources"</h2>
            <ol>
                {sources
                    .iter()
                    .map(|source| {
                        let title = match &source.url {
                            Some(url) => {
                                view! {
                                    <a href=url.clone() rel="noopener noreferrer" target="_blank">
                                        {source.title.clone()}
                                    </a>
                                }
                                    .into_any()
                            }
                            None => source.title.clone().into_any(),
                        };
                        let date = source.date.map(|d| format!(", {}", d.display()));
                        let facts = (!source.facts.is_empty())
                            .then(|| format!(" Fact sheet: {}.", source.facts.join(", ")));
                        view! {
                            <li>
                                {source.publisher.clone()}
                                ": "
                                {title}
                                {date}
                                "."
                                {facts}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
