//! The search page: a search box whose query lives in the URL (`/search?q=…`).

use leptos::prelude::*;
use leptos_router::hooks::query_signal_with_options;
use leptos_router::NavigateOptions;

use crate::search::{search, MAX_QUERY_CHARS};
use crate::ui::components::{ItemCard, PageHeading};
use crate::ui::loaded_content;

/// Search as you type. The query is kept in the URL so a search can be shared and reloaded.
#[component]
pub fn SearchPage() -> impl IntoView {
    let (query, set_query) = query_signal_with_options::<String>(
        "q",
        NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        },
    );
    view! {
        <PageHeading text="Search" />
        <form role="search" on:submit=|event| event.prevent_default()>
            <label for="search-box">"Search the knowledge base"</label>
            <input
                id="search-box"
                type="search"
                autocomplete="off"
                maxlength=MAX_QUERY_CHARS
                prop:value=move || query.get().unwrap_or_default()
                on:input=move |event| {
                    let text = event_target_value(&event);
                    set_query.set((!text.is_empty()).then_some(text));
                }
            />
        </form>
        {
            let content = loaded_content();
            move || {
                let text = query.get().unwrap_or_default();
                if text.trim().is_empty() {
                    return view! { <p>"Type a name, an acronym or a topic."</p> }.into_any();
                }
                let hits: Vec<_> = search(&content.catalog, &text).into_iter().cloned().collect();
                let count = hits.len();
                view! {
                    <p role="status">
                        {match count {
                            0 => format!("No results for “{text}”."),
                            1 => "1 result".to_string(),
                            n => format!("{n} results"),
                        }}
                    </p>
                    <ul class="cards">
                        {hits.into_iter().map(|item| view! { <ItemCard item show_kind=true /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }
    }
}
