//! An item's page (`/case-studies/hometax`): facts, body, programme, related items, sources.
//! The text blocks (other names, summary, facts, sections, lists, programme, related items,
//! sources) are written as markup by the core (`egov_core::item_text`) and put in place in
//! one step; the facts and the programme are written again when the person asks for local
//! times. What responds (Save, the note, photos, the local-times choice) is drawn here.

use std::sync::Arc;

use leptos::prelude::*;

use super::NotFoundPage;
use crate::content::{ClockTime, Item, Kind, PartialDate};
use crate::item_text::{body_markup, head_markup, programme_markup, references_markup};
use crate::pictures::has_pictures;
use crate::ui::components::{LoadingState, LocalTimesToggle, PageHeading};
use crate::ui::library_state::{AttendedToggle, BookmarkButton, NoteEditor};
use crate::ui::photos::PhotosSlot;
use crate::ui::pictures::{Pictures, PicturesOf};
use crate::ui::{bodies_ready, href, loaded_content, AppState};
use crate::web::loader::LoadedContent;
use crate::web::time::local_time;

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
            Some(item) => item_view(&content, item).into_any(),
        }
    })
    .into_any()
}

fn link_of(item: &Item) -> String {
    href(&item.path())
}

/// A programme time in the person's zone, when they asked for local times. Markup that
/// shows one is written again when they change their mind.
fn local_time_if_wanted() -> impl Fn(PartialDate, ClockTime) -> Option<String> + Copy {
    let wanted = expect_context::<AppState>().local_times;
    move |day, time| wanted.get().then(|| local_time(day, time)).flatten()
}

fn item_view(content: &Arc<LoadedContent>, item: &Item) -> impl IntoView {
    let catalog = &content.catalog;
    // An edition's sessions are in its programme, not among its related items.
    let related: Vec<&Item> = catalog
        .related_both_ways(item)
        .into_iter()
        .filter(|other| other.kind != Kind::Session || item.kind != Kind::Edition)
        .collect();
    let programme = (item.kind == Kind::Edition).then(|| programme_view(content, item));
    let head = {
        let (content, item, local_time) = (content.clone(), item.clone(), local_time_if_wanted());
        move || head_markup(&content.catalog, &item, &link_of, &local_time)
    };
    view! {
        <p class="kind-label">{item.kind.singular()}</p>
        <PageHeading text=item.title.clone() />
        <div class="item-actions">
            <BookmarkButton id=item.id.clone() title=item.title.clone() />
            {matches!(item.kind, Kind::Session | Kind::SiteVisit)
                .then(|| view! { <AttendedToggle id=item.id.clone() /> })}
        </div>
        <div inner_html=head />
        {item
            .schedule
            .is_some_and(|s| s.start_time.is_some())
            .then(|| view! { <LocalTimesToggle /> })}
        {has_pictures(item)
            .then(|| {
                let of = PicturesOf::Item(item.kind, item.id.clone());
                Pictures::load(Arc::clone(content), of).view()
            })}
        <div inner_html=body_markup(item) />
        {programme}
        <NoteEditor id=item.id.clone() with_prompts=item.kind == Kind::CaseStudy />
        <PhotosSlot item_id=item.id.clone() />
        <div inner_html=references_markup(&related, &link_of, &item.sources) />
    }
}

/// An edition's programme, day by day, with the local-times choice where it has times.
fn programme_view(content: &Arc<LoadedContent>, edition: &Item) -> Option<impl IntoView> {
    let days = content.catalog.programme_days(&edition.id);
    if days.is_empty() {
        return None;
    }
    let has_times = days
        .iter()
        .flat_map(|(_, sessions)| sessions)
        .any(|s| s.schedule.is_some_and(|s| s.start_time.is_some()));
    let markup = {
        let (content, id, local_time) =
            (content.clone(), edition.id.clone(), local_time_if_wanted());
        move || {
            let days = content.catalog.programme_days(&id);
            programme_markup(&days, &link_of, &local_time)
        }
    };
    Some(view! {
        <section aria-labelledby="programme-title">
            <h2 id="programme-title">"Programme, day by day"</h2>
            {has_times.then(|| view! { <LocalTimesToggle /> })}
            <div inner_html=markup />
        </section>
    })
}
