//! The list of every item of one kind (`/case-studies`), in the order the person chose
//! (`?sort=newest`).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::NotFoundPage;
use crate::content::{Kind, ListOrder};
use crate::keys;
use crate::ui::components::{plural, ItemCard, PageHeading};
use crate::ui::pictures::{Pictures, PicturesOf};
use crate::ui::{href, loaded_content};

/// All items of the kind `slug` names (`case-studies`), in the order the URL's query asks
/// for; an unknown kind is "page not found".
#[component]
pub fn KindListPage(slug: String) -> impl IntoView {
    let Some(kind) = Kind::from_slug(&slug) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    // The page stays when only the query changes (the order chosen in the menu).
    let query = use_query_map();
    let order = Memo::new(move |_| {
        ListOrder::from_param(&query.read().get(keys::LIST_ORDER).unwrap_or_default())
    });
    // The map of the countries, written once for the page, whatever the order.
    let map =
        (kind == Kind::Country).then(|| Pictures::load(loaded_content(), PicturesOf::Countries));
    (move || {
        let order = order.get();
        view! {
            <PageHeading text=kind.plural() />
            {
                let content = loaded_content();
                let items: Vec<_> = content
                    .catalog
                    .of_kind_in(kind, order)
                    .into_iter()
                    .cloned()
                    .collect();
                if items.is_empty() {
                    return view! { <p>"There are no items of this kind yet."</p> }.into_any();
                }
                let count = items.len();
                let dated = items.iter().any(|item| item.date().is_some());
                view! {
                    <p class="count">{format!("{count} item{}", plural(count))}</p>
                    <p>
                        <a href=href(&format!("/search?kind={}", kind.slug()))>
                            "Filter these by country, organisation, edition or topic"
                        </a>
                    </p>
                    <SortControl kind order dated />
                    {map.map(Pictures::view)}
                    <ul class="cards">
                        {items.into_iter().map(|item| view! { <ItemCard item /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }
        .into_any()
    })
    .into_any()
}

/// The sort menu; choosing an order puts it in the URL (replacing the entry, so Back leaves
/// the list). Date orders are offered only where items have dates.
#[component]
fn SortControl(kind: Kind, order: ListOrder, dated: bool) -> impl IntoView {
    let navigate = use_navigate();
    let choose = move |event| {
        let chosen = ListOrder::from_param(&event_target_value(&event));
        let path = match chosen.param() {
            "" => format!("/{}", kind.slug()),
            param => format!("/{}?{}={param}", kind.slug(), keys::LIST_ORDER),
        };
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let options = ListOrder::ALL
        .into_iter()
        .filter(|o| dated || matches!(o, ListOrder::Usual | ListOrder::Title))
        .map(|o| {
            // The option's `selected` property, not its attribute: the same menu is kept
            // from list to list, and once the person has chosen in it, the browser no
            // longer follows the attribute (Back to a sorted list showed "Usual order").
            view! {
                <option value=o.param() prop:selected=o == order>
                    {o.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <p class="sort-control">
            <label for="list-sort">"Sort "</label>
            <select id="list-sort" on:change=choose>
                {options}
            </select>
        </p>
    }
}
