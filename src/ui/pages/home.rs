//! The home page: what the app is, recently saved items, the programme, featured case
//! studies, and the ways into the knowledge base.

use leptos::prelude::*;

use crate::content::Kind;
use crate::ui::components::{ItemCard, OfflineStatus, PageHeading};
use crate::ui::library_state::use_library;
use crate::ui::{href, loaded_content, APP_NAME};

/// How many recently saved items the home page lists.
const RECENT_SHOWN: usize = 3;

/// Home: one sentence on the app, offline status, recently saved items, the programme
/// editions (newest first), featured case studies, and every kind with its count.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageHeading text=APP_NAME />
        <p class="lead">
            "What Korea built for e-government, and what the Korea–BSEC ICT Cooperation Program "
            "showed civil servants of the Black Sea Economic Cooperation countries."
        </p>
        {
            let content = loaded_content();
            let catalog = &content.catalog;
            let editions: Vec<_> = catalog.of_kind(Kind::Edition).into_iter().cloned().collect();
            let featured: Vec<_> = catalog.featured().into_iter().cloned().collect();
            let library = use_library();
            let recent = {
                let content = content.clone();
                move || {
                    let items: Vec<_> = library.library.with(|l| {
                        l.bookmarks()
                            .iter()
                            .rev()
                            .filter_map(|b| content.catalog.get(&b.id))
                            .take(RECENT_SHOWN)
                            .cloned()
                            .collect()
                    });
                    (!items.is_empty()).then(|| {
                        view! {
                            <section aria-labelledby="home-recent">
                                <h2 id="home-recent">"Recently saved"</h2>
                                <ul class="link-list">
                                    {items
                                        .into_iter()
                                        .map(|item| {
                                            view! {
                                                <li>
                                                    <a href=href(&item.path())>{item.title.clone()}</a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <p>
                                    <a href=href("/saved")>"Everything you saved"</a>
                                </p>
                            </section>
                        }
                    })
                }
            };
            let kinds: Vec<(Kind, usize)> = catalog
                .counts()
                .into_iter()
                .filter(|(_, count)| *count > 0)
                .collect();
            view! {
                {recent}
                <section aria-labelledby="home-programme">
                    <h2 id="home-programme">"Programme editions"</h2>
                    <ul class="cards">
                        {editions
                            .into_iter()
                            .map(|item| view! { <ItemCard item /> })
                            .collect_view()}
                    </ul>
                </section>
                {(!featured.is_empty())
                    .then(|| {
                        view! {
                            <section aria-labelledby="home-featured">
                                <h2 id="home-featured">"Featured case studies"</h2>
                                <ul class="cards">
                                    {featured
                                        .into_iter()
                                        .map(|item| view! { <ItemCard item /> })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    })}
                <section aria-labelledby="home-browse">
                    <h2 id="home-browse">"Browse the knowledge base"</h2>
                    <ul class="link-list">
                        {kinds
                            .into_iter()
                            .map(|(kind, count)| {
                                view! {
                                    <li>
                                        <a href=href(&format!("/{}", kind.slug()))>{kind.plural()}</a>
                                        " "
                                        <span class="count">{format!("({count})")}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        }
        // Last, so the static first screen (which cannot know the offline state) lines up
        // with the app's, and caching finishing later moves nothing above it.
        <OfflineStatus />
    }
}
