//! The search page. The query and filters live in the URL (`/search?q=seoul&kind=session`),
//! so a search can be shared, reloaded and navigated with Back.
//!
//! Keys: `/` anywhere focuses the box (see `ui::App`), ↓ and ↑ move through the results,
//! Enter opens one, Esc clears the search.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::content::Catalog;
use crate::search::{
    search, FacetCounts, Filters, Query, SearchParams, SearchResults, Segment, MAX_QUERY_CHARS,
};
use crate::ui::components::PageHeading;
use crate::ui::{href, loaded_content, AppState};
use crate::web;
use crate::web::loader::prepare_search;

/// Id of the search box, for the `/` shortcut and for moving focus back from results.
pub const SEARCH_BOX_ID: &str = "search-box";
/// Id of the results list, for arrow-key movement.
const RESULTS_ID: &str = "search-results";
/// Topic and country values shown per facet before the list is cut.
const FACET_VALUES_SHOWN: usize = 8;

/// Search as you type, with facets, highlighted matches and keyboard movement.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query_map = use_query_map();
    let navigate = use_navigate();
    let state = expect_context::<AppState>();
    let content = loaded_content();

    // The URL's values, cut where they are read (`SearchParams`).
    let text = move || {
        let map = query_map.read();
        SearchParams::from_query(|key| map.get_str(key)).text
    };
    let filters = Memo::new(move |_| {
        let map = query_map.read();
        SearchParams::from_query(|key| map.get_str(key)).filters
    });
    // The index file built at deploy time, fetched once (from the offline cache after the
    // first visit); until it is ready, the page says so instead of "no results".
    let preparing = {
        let content = content.clone();
        LocalResource::new(move || {
            let content = content.clone();
            async move { prepare_search(&content).await }
        })
    };
    let ready = Memo::new(move |_| preparing.get().is_some());
    let results = {
        let content = content.clone();
        Memo::new(move |_| {
            let text = text();
            let mut query = Query::new(&text);
            query.filters = filters.get();
            match (ready.get(), content.search_index()) {
                (true, Some(index)) => search(index, &content.catalog, &query),
                _ => SearchResults::default(),
            }
        })
    };

    let go = {
        let navigate = navigate.clone();
        move |text: &str, filters: &Filters| {
            navigate(
                &search_path(text, filters),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        }
    };
    let on_input = {
        let go = go.clone();
        move |event| go(&event_target_value(&event), &filters.get_untracked())
    };
    let on_box_key = {
        let go = go.clone();
        move |event: KeyboardEvent| match event.key().as_str() {
            "ArrowDown" => {
                event.prevent_default();
                web::focus_nth_link(RESULTS_ID, 0);
            }
            "Escape" => {
                event.prevent_default();
                go("", &filters.get_untracked());
            }
            _ => {}
        }
    };
    let on_results_key = move |event: KeyboardEvent| {
        let Some(current) = web::focused_link_position(RESULTS_ID) else {
            return;
        };
        match event.key().as_str() {
            "ArrowDown" => {
                event.prevent_default();
                web::focus_nth_link(RESULTS_ID, current + 1);
            }
            "ArrowUp" => {
                event.prevent_default();
                if current == 0 {
                    web::focus_by_id(SEARCH_BOX_ID);
                } else {
                    web::focus_nth_link(RESULTS_ID, current - 1);
                }
            }
            "Escape" => {
                event.prevent_default();
                go("", &filters.get_untracked());
                web::focus_by_id(SEARCH_BOX_ID);
            }
            _ => {}
        }
    };

    // Arriving through the `/` shortcut: the box takes focus instead of the page heading.
    let focus_box = state.focus_search.get_untracked();
    let search_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search_box.get() {
            if focus_box {
                web::focus(&input);
                state.focus_search.set(false);
            }
        }
    });

    // The results list is drawn only once something is asked and search is ready.
    let shows_results =
        move || ready.get() && !(text().trim().is_empty() && filters.read().is_empty());

    let catalog = content.clone();
    let status = move || {
        let results = results.read();
        let text = text();
        if text.trim().is_empty() && filters.read().is_empty() {
            String::new()
        } else if !ready.get() {
            "Preparing search…".to_string()
        } else {
            match results.total {
                0 if text.trim().is_empty() => "No items match these filters.".to_string(),
                0 => format!("No results for “{}”.", text.trim()),
                1 => "1 result".to_string(),
                n => format!("{n} results"),
            }
        }
    };

    view! {
        <PageHeading text="Search" leave_focus=focus_box />
        <form role="search" on:submit=|event| event.prevent_default()>
            <label for=SEARCH_BOX_ID>"Search the knowledge base"</label>
            <input
                node_ref=search_box
                id=SEARCH_BOX_ID
                type="search"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                aria-describedby="search-hint"
                aria-controls=move || shows_results().then_some(RESULTS_ID)
                maxlength=MAX_QUERY_CHARS
                prop:value=text
                on:input=on_input
                on:keydown=on_box_key
            />
            <p id="search-hint" class="hint">
                "Names, acronyms or topics, in any script. Press / to search from any page."
            </p>
        </form>
        <p role="status" class="count">
            {status}
        </p>
        {move || {
            let results = results.get();
            let text = text();
            let filters = filters.get();
            if text.trim().is_empty() && filters.is_empty() {
                return view! { <SearchTips /> }.into_any();
            }
            if !ready.get() {
                return ().into_any();
            }
            let suggestion = results
                .suggestion
                .clone()
                .map(|fixed| {
                    view! {
                        <p class="suggestion">
                            "Did you mean "
                            <A href=search_href(&fixed, &filters)>{fixed.clone()}</A>
                            "?"
                        </p>
                    }
                });
            let hits = results
                .hits
                .iter()
                .map(|hit| {
                    let item = &catalog.catalog.items()[hit.item];
                    let link_to = href(&item.path());
                    let kind = item.kind.singular();
                    let title = segments(&hit.title);
                    let snippet = segments(&hit.snippet);
                    view! {
                        <li class="card">
                            <span class="card-kind">{kind}</span>
                            <A href={link_to} {..} class="card-title">
                                {title}
                            </A>
                            <p class="card-summary">{snippet}</p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {suggestion}
                <FacetFilters facets=results.facets.clone() text=text.clone() filters=filters.clone() />
                <ol id=RESULTS_ID class="cards" on:keydown=on_results_key.clone()>
                    {hits}
                </ol>
            }
                .into_any()
        }}
    }
}

/// Text segments with matched words in `<mark>`.
fn segments(parts: &[Segment]) -> impl IntoView {
    parts
        .iter()
        .map(|part| {
            if part.marked {
                view! { <mark>{part.text.clone()}</mark> }.into_any()
            } else {
                part.text.clone().into_any()
            }
        })
        .collect_view()
}

/// What to type, shown before anything is typed.
#[component]
fn SearchTips() -> impl IntoView {
    view! {
        <div class="tips">
            <p>"Try:"</p>
            <ul class="link-list">
                <li>
                    <A href=href("/search?q=KONEPS")>"KONEPS"</A>
                    " (an acronym)"
                </li>
                <li>
                    <A href=href("/search?q=%EC%A0%95%EB%B3%B4%ED%99%94%EB%A7%88%EC%9D%84")>
                        <span lang="ko">"정보화마을"</span>
                    </A>
                    " (a Korean name)"
                </li>
                <li>
                    <A href=href("/search?q=Rom%C3%A2nia")>"România"</A>
                    " (a country in its own language)"
                </li>
                <li>
                    <A href=href("/search?q=data%20centre")>"data centre"</A>
                    " (a topic)"
                </li>
            </ul>
        </div>
    }
}

/// One facet value as shown: its label, its count, whether it is the active filter, and
/// the filters that following its link gives.
struct FacetOption {
    label: String,
    count: usize,
    on: bool,
    next: Filters,
}

/// Facet filters: each value is a link that adds or removes it, with its count.
#[component]
fn FacetFilters(
    /// Counts per value.
    facets: FacetCounts,
    /// The current query text.
    text: String,
    /// The current filters.
    filters: Filters,
) -> impl IntoView {
    let content = loaded_content();
    let catalog: &Catalog = &content.catalog;
    let title_of = |id: &str| {
        catalog
            .get(id)
            .map_or_else(|| id.to_string(), |i| i.title.clone())
    };
    let mut groups: Vec<(&'static str, Vec<FacetOption>)> = Vec::new();

    let kinds = facets
        .kinds
        .iter()
        .map(|(kind, count)| {
            let on = filters.kind == Some(*kind);
            let next = Filters {
                kind: (!on).then_some(*kind),
                ..filters.clone()
            };
            FacetOption {
                label: kind.plural().to_string(),
                count: *count,
                on,
                next,
            }
        })
        .collect();
    groups.push(("Kind", kinds));
    let toggles = |values: &[(String, usize)],
                   current: &Option<String>,
                   set: fn(&mut Filters, Option<String>),
                   label: &dyn Fn(&str) -> String| {
        values
            .iter()
            .take(FACET_VALUES_SHOWN)
            .map(|(value, count)| {
                let on = current.as_deref() == Some(value.as_str());
                let mut next = filters.clone();
                set(&mut next, (!on).then(|| value.clone()));
                FacetOption {
                    label: label(value),
                    count: *count,
                    on,
                    next,
                }
            })
            .collect::<Vec<_>>()
    };
    groups.push((
        "Country",
        toggles(
            &facets.countries,
            &filters.country,
            |f, v| f.country = v,
            &title_of,
        ),
    ));
    groups.push((
        "Organisation",
        toggles(
            &facets.organisations,
            &filters.organisation,
            |f, v| f.organisation = v,
            &title_of,
        ),
    ));
    groups.push((
        "Programme edition",
        toggles(
            &facets.editions,
            &filters.edition,
            |f, v| f.edition = v,
            &title_of,
        ),
    ));
    groups.push((
        "Topic",
        toggles(
            &facets.topics,
            &filters.topic,
            |f, v| f.topic = v,
            &|t: &str| t.to_string(),
        ),
    ));

    let clear = (!filters.is_empty()).then(|| {
        view! {
            <p>
                <A href=search_href(&text, &Filters::default())>"Clear filters"</A>
            </p>
        }
    });
    view! {
        <details class="facets" open=!filters.is_empty()>
            <summary>"Filter results"</summary>
            {clear}
            {groups
                .into_iter()
                .filter(|(_, values)| !values.is_empty())
                .map(|(legend, values)| {
                    view! {
                        <section class="facet" aria-label=legend>
                            <h2 class="facet-title">{legend}</h2>
                            <ul class="link-list">
                                {values
                                    .into_iter()
                                    .map(|FacetOption { label, count, on, next }| {
                                        view! {
                                            <li>
                                                <A href=search_href(&text, &next) {..} aria-current=on.then_some("true")>
                                                    {if on { "✓ " } else { "" }}
                                                    {label}
                                                </A>
                                                " "
                                                <span class="count">{format!("({count})")}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </details>
    }
}

/// A search's link target, under the base (`/egov/search?q=…`).
fn search_href(text: &str, filters: &Filters) -> String {
    href(&search_path(text, filters))
}

/// The app path of a search (`/search?q=…&kind=…`). The router's `navigate` adds the base
/// itself.
fn search_path(text: &str, filters: &Filters) -> String {
    SearchParams {
        text: text.to_string(),
        filters: filters.clone(),
    }
    .to_path()
}
