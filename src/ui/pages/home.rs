//! The home page: what the app is, the programme, and the ways into the knowledge base.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::content::Kind;
use crate::ui::components::{ItemCard, OfflineStatus, PageHeading};
use crate::ui::{href, loaded_content, APP_NAME};

/// Home: one sentence on the app, the programme editions, and every kind with its count.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageHeading text=APP_NAME />
        <p class="lead">
            "What Korea built for e-government, and what the Korea–BSEC ICT Cooperation Program "
            "showed civil servants of the Black Sea Economic Cooperation countries."
        </p>
        <OfflineStatus />
        {
            let content = loaded_content();
            let catalog = &content.catalog;
            let editions: Vec<_> = catalog.of_kind(Kind::Edition).into_iter().cloned().collect();
            let kinds: Vec<(Kind, usize)> = catalog
                .counts()
                .into_iter()
                .filter(|(_, count)| *count > 0)
                .collect();
            view! {
                <section aria-labelledby="home-programme">
                    <h2 id="home-programme">"Programme editions"</h2>
                    <ul class="cards">
                        {editions
                            .into_iter()
                            .map(|item| view! { <ItemCard item /> })
                            .collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="home-browse">
                    <h2 id="home-browse">"Browse the knowledge base"</h2>
                    <ul class="link-list">
                        {kinds
                            .into_iter()
                            .map(|(kind, count)| {
                                view! {
                                    <li>
                                        <A href=href(&format!("/{}", kind.slug()))>{kind.plural()}</A>
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
    }
}
