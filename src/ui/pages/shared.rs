//! A shared reading list, opened from a share link (`/shared?v=…&i=…`): a preview of the
//! items, a warning when the content has changed since the link was made, and the choice
//! to add them to Saved or ignore them. Nothing is added without that choice.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::keys;
use crate::library::{added_from_share, decode_share};
use crate::ui::components::{plural, ItemCard, PageHeading};
use crate::ui::library_state::{change_library, use_library};
use crate::ui::{href, loaded_content};
use crate::web::clock;

/// The preview of a shared reading list.
#[component]
pub fn SharedPage() -> impl IntoView {
    let query = use_query_map();
    let state = use_library();
    let content = loaded_content();
    let added = RwSignal::new(None::<usize>);
    let (codes, version) = query.with_untracked(|q| {
        (
            q.get(keys::share::ITEMS).unwrap_or_default(),
            q.get(keys::share::CONTENT_VERSION),
        )
    });
    let body = match decode_share(&codes, version.as_deref(), &content.catalog) {
        Err(error) => view! {
            <p class="notice notice-error">
                {format!("This share link cannot be read: {error}. Ask for the link again.")}
            </p>
            <p>
                <a href=href("/")>"Go to the home page"</a>
            </p>
        }
        .into_any(),
        Ok(list) => {
            let items: Vec<_> = list
                .ids
                .iter()
                .filter_map(|id| content.catalog.get(id))
                .cloned()
                .collect();
            let count = items.len();
            let ids = list.ids.clone();
            let changed = list.content_changed.then(|| {
                view! {
                    <p class="notice">
                        "The knowledge base has changed since this list was made, so some items may read differently."
                    </p>
                }
            });
            let unknown = (list.unknown > 0).then(|| {
                view! {
                    <p class="notice">
                        {format!(
                            "{} item{} in this list {} not in this version of the knowledge base.",
                            list.unknown,
                            plural(list.unknown),
                            if list.unknown == 1 { "is" } else { "are" },
                        )}
                    </p>
                }
            });
            view! {
                <p>{format!("Someone shared {count} item{} with you.", plural(count))}</p>
                {changed}
                {unknown}
                <div class="exports">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            let ids = ids.clone();
                            let now = clock::now_ms();
                            let new = change_library(state, move |l| l.add_bookmarks(&ids, now));
                            added.set(Some(new));
                        }
                    >
                        "Add them to my saved items"
                    </button>
                    <a href=href("/") class="button">
                        "Ignore"
                    </a>
                </div>
                <p role="status">
                    {move || {
                        added.get().map(|n| added_from_share(n, count))
                    }}
                </p>
                <ul class="cards">
                    {items.into_iter().map(|item| view! { <ItemCard item show_kind=true /> }).collect_view()}
                </ul>
            }
                .into_any()
        }
    };
    view! {
        <PageHeading text="Shared reading list" />
        {body}
    }
}
