//! The list of every item of one kind (`/case-studies`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::NotFoundPage;
use crate::content::Kind;
use crate::ui::components::{plural, ItemCard, PageHeading};
use crate::ui::pictures::BsecMap;
use crate::ui::{href, loaded_content};

/// All items of the kind named in the URL; an unknown kind is "page not found".
#[component]
pub fn KindListPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("kind").unwrap_or_default();
        let Some(kind) = Kind::from_slug(&slug) else {
            return view! { <NotFoundPage /> }.into_any();
        };
        view! {
            <PageHeading text=kind.plural() />
            {
                let content = loaded_content();
                let items: Vec<_> = content.catalog.of_kind(kind).into_iter().cloned().collect();
                if items.is_empty() {
                    return view! { <p>"There are no items of this kind yet."</p> }.into_any();
                }
                let count = items.len();
                view! {
                    <p class="count">{format!("{count} item{}", plural(count))}</p>
                    <p>
                        <A href=href(&format!("/search?kind={}", kind.slug()))>
                            "Filter these by country, edition or topic"
                        </A>
                    </p>
                    {(kind == Kind::Country)
                        .then(|| view! { <BsecMap selected=Vec::new() what="" /> })}
                    <ul class="cards">
                        {items.into_iter().map(|item| view! { <ItemCard item /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }
        .into_any()
    }
}
