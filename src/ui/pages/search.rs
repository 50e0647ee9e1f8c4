//! The search page. The query and filters live in the URL (`/search?q=seoul&kind=session`),
//! so a search can be shared, reloaded and navigated with Back.
//!
//! Keys: `/` anywhere focuses the box (see `ui::App`), ↓ and ↑ move through the results,
//! Enter opens one, Esc clears the search.
//!
//! A key press must paint fast on a slow phone, so the page draws what the eye needs first:
//! in the key press's own task, the count and the first [`FIRST_RESULTS`] results (rows are
//! keyed by item and kept between key presses; only their marks are redrawn); after that
//! frame has painted, the facet counts and the "did you mean" line; the other results when
//! "Show more" is pressed. The search index is made ready when the page opens, before the
//! first key, and the engine's query code ([`Engine`]) is fetched beside it: the page takes
//! key presses before both have arrived, and shows the results once they have.

use std::sync::Arc;

use leptos::either::Either;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::content::Catalog;
use crate::search::{
    find, FacetCounts, Filters, Hit, Matches, Query, SearchIndex, SearchParams, Segment,
    MAX_QUERY_CHARS,
};
use crate::ui::components::PageHeading;
use crate::ui::{href, loaded_content, AppState};
use crate::web;
use crate::web::loader::{prepare_search, LoadedContent};

/// Id of the search box, for the `/` shortcut and for moving focus back from results.
pub const SEARCH_BOX_ID: &str = "search-box";
/// Id of the results list, for arrow-key movement.
const RESULTS_ID: &str = "search-results";
/// Topic and country values shown per facet before the list is cut.
const FACET_VALUES_SHOWN: usize = 8;
/// Results drawn for each new query: a phone screen and a bit (default 10). Every key
/// press draws at most these, so typing stays fast however many items match.
const FIRST_RESULTS: usize = 10;
/// Results each press of "Show more" adds (default 20): the rest on request.
const MORE_RESULTS: usize = 20;

/// What is drawn after the results have painted: the facet counts and suggestion for one
/// query, with that query's text and filters for the facets' links.
#[derive(Debug, Clone, Default, PartialEq)]
struct Later {
    facets: FacetCounts,
    suggestion: Option<String>,
    asked: SearchParams,
}

thread_local! {
    /// The last "Show more" asked for, with its query: the page starts from it.
    static MORE_ASKED: std::cell::RefCell<Option<(SearchParams, usize)>> =
        const { std::cell::RefCell::new(None) };
}

/// URL writes asked for by key presses: only the latest is carried out (see `on_input`).
#[derive(Debug, Clone, Copy, Default)]
struct UrlWrites {
    /// Writes asked for so far.
    asked: u64,
    /// The last write carried out or cancelled.
    settled: u64,
}

impl UrlWrites {
    /// Asks for one more write; returns its number.
    fn ask(&mut self) -> u64 {
        self.asked += 1;
        self.asked
    }

    /// True when write `this` is the latest and not cancelled, and so is carried out now.
    fn carry_out(&mut self, this: u64) -> bool {
        if this != self.asked || !self.pending() {
            return false;
        }
        self.settled = this;
        true
    }

    /// Drops every pending write (the text was set another way, with its own navigation).
    fn cancel(&mut self) {
        self.settled = self.asked;
    }

    /// True while a key press's text is not yet in the URL.
    fn pending(&self) -> bool {
        self.settled != self.asked
    }
}

/// The search index built here from the content's catalog: only when the deploy-time file
/// cannot be used (`web::loader::prepare_search`), so its code is fetched only then
/// (`#[lazy]`).
#[lazy]
async fn built_search_index(content: Arc<LoadedContent>) -> SearchIndex {
    SearchIndex::build(&content.catalog)
}

/// The search engine's query steps, as the page calls them: code of its own (`#[lazy]`),
/// fetched as the page opens, beside the index, so the page's own code (the box, the
/// results' rows) responds sooner. Plain function pointers: once here, a key press calls
/// them at once, with no waiting.
#[derive(Clone, Copy)]
struct Engine {
    /// Everything a query matches, ranked.
    find: fn(&SearchIndex, &Catalog, &Query) -> Matches,
    /// The first `limit` of the matches, with their marks.
    hits: fn(&Matches, &SearchIndex, &Catalog, usize) -> Vec<Hit>,
    /// The facet counts and the "did you mean" of the matches.
    later: fn(&Matches, &SearchIndex) -> (FacetCounts, Option<String>),
}

/// The search engine's code ([`Engine`]).
#[lazy]
async fn search_engine() -> Engine {
    Engine {
        find: |index, catalog, query| find(index, catalog, query),
        hits: |matches, index, catalog, limit| matches.hits(index, catalog, limit),
        later: |matches, index| (matches.facets(index), matches.suggestion(index)),
    }
}

/// Search as you type, with facets, highlighted matches and keyboard movement.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query_map = use_query_map();
    let navigate = use_navigate();
    let state = expect_context::<AppState>();
    let content = loaded_content();

    // The URL's values, cut where they are read (`SearchParams`).
    let params = Memo::new(move |_| {
        let map = query_map.read();
        SearchParams::from_query(|key| map.get_str(key))
    });
    let filters = Memo::new(move |_| params.read().filters.clone());
    // The text as typed. The URL follows it once each key press has painted (writing the
    // URL costs a phone more than the search itself), and it follows the URL when a
    // navigation changes that (Back, a suggestion, a link to a search). While a write is
    // pending the URL is behind the box, not ahead of it, so it is not followed then.
    let text = RwSignal::new(params.get_untracked().text);
    let url_writes = StoredValue::new(UrlWrites::default());
    Effect::new(move |_| {
        let from_url = params.read().text.clone();
        let pending = url_writes.try_with_value(UrlWrites::pending);
        if pending == Some(false) && text.get_untracked() != from_url {
            text.set(from_url);
        }
    });
    // What is asked, as typed (the URL may be a frame behind).
    let asked = move || SearchParams {
        text: text.get(),
        filters: filters.get(),
    };
    // The index file built at deploy time, fetched as the page opens (from the offline
    // cache after the first visit), so it is ready by the first key; until it is, the page
    // says so instead of "no results".
    let index_ready = RwSignal::new(false);
    {
        let content = content.clone();
        leptos::task::spawn_local(async move {
            prepare_search(&content, built_search_index).await;
            // The page may have been left in the meantime.
            let _ = index_ready.try_set(true);
        });
    }
    // The engine's code, fetched at the same time.
    let engine = RwSignal::new(None::<Engine>);
    leptos::task::spawn_local(async move {
        let loaded = search_engine().await;
        let _ = engine.try_set(Some(loaded));
    });
    // The engine, once it and the index are both here.
    let ready_engine = move || engine.get().filter(|_| index_ready.get());
    let ready = Memo::new(move |_| ready_engine().is_some());
    // Once ready, one search no one sees, in a task of its own: the browser compiles and
    // warms code on its first run, and that first run should not be the first key press.
    {
        let content = content.clone();
        Effect::new(move |_| {
            if let Some(engine) = ready_engine() {
                let content = content.clone();
                web::after_next_paint(move || warm_up(engine, &content));
            }
        });
    }
    // Everything the query matched, ranked; nothing marked or counted yet.
    let found = {
        let content = content.clone();
        Memo::new(move |_| {
            let text = text.read();
            let mut query = Query::new(&text);
            query.filters = filters.get();
            match (ready_engine(), content.search_index()) {
                (Some(engine), Some(index)) => {
                    Arc::new((engine.find)(index, &content.catalog, &query))
                }
                _ => Arc::new(Matches::default()),
            }
        })
    };
    // How many results are drawn: the first few for every new query, more for this one
    // after "Show more" (the count is kept with the query it was asked for, and for the
    // next visit to the page: Back to a search shows as many results as before).
    let more = RwSignal::new(MORE_ASKED.with_borrow(Clone::clone).unwrap_or_default());
    let shown = Memo::new(move |_| {
        let now = asked();
        FIRST_RESULTS + more.with(|(then, extra)| if *then == now { *extra } else { 0 })
    });
    // The results drawn, with their marks: only these are marked.
    let hits = {
        let content = content.clone();
        Memo::new(move |_| match (engine.get(), content.search_index()) {
            (Some(engine), Some(index)) => {
                (engine.hits)(&found.read(), index, &content.catalog, shown.get())
            }
            _ => Vec::new(),
        })
    };
    // Facet counts and the suggestion, for the results on screen, computed after those
    // have painted. A newer key press makes a pending computation stale: it is skipped.
    let later = RwSignal::new(Later::default());
    let latest = StoredValue::new(0u64);
    {
        let content = content.clone();
        Effect::new(move |_| {
            let matches = found.get();
            let asked = asked();
            let this = latest.try_get_value().unwrap_or_default() + 1;
            latest.set_value(this);
            let content = content.clone();
            web::after_next_paint(move || {
                if latest.try_get_value() != Some(this) {
                    return;
                }
                let (Some(engine), Some(index)) =
                    (engine.try_get_untracked().flatten(), content.search_index())
                else {
                    return;
                };
                let (facets, suggestion) = (engine.later)(&matches, index);
                later.set(Later {
                    facets,
                    suggestion,
                    asked,
                });
            });
        });
    }

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
    // A key press searches at once; the URL is written once that has painted, and only for
    // the last of several quick key presses.
    let on_input = {
        let go = go.clone();
        move |event| {
            text.set(
                event_target_value(&event)
                    .chars()
                    .take(MAX_QUERY_CHARS)
                    .collect(),
            );
            let Some(this) = url_writes.try_update_value(UrlWrites::ask) else {
                return;
            };
            let go = go.clone();
            web::after_next_paint(move || {
                if url_writes.try_update_value(|w| w.carry_out(this)) == Some(true) {
                    go(&text.get_untracked(), &filters.get_untracked());
                }
            });
        }
    };
    // Esc empties the box and the URL at once, dropping any write still pending.
    let clear = {
        let go = go.clone();
        move || {
            url_writes.update_value(UrlWrites::cancel);
            text.set(String::new());
            go("", &filters.get_untracked());
        }
    };
    let on_box_key = {
        let clear = clear.clone();
        move |event: KeyboardEvent| match event.key().as_str() {
            "ArrowDown" => {
                event.prevent_default();
                web::focus_nth_link(RESULTS_ID, 0);
            }
            "Escape" => {
                event.prevent_default();
                clear();
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
                clear();
                web::focus_by_id(SEARCH_BOX_ID);
            }
            _ => {}
        }
    };
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        let now = untrack(asked);
        more.update(|(asked, extra)| {
            if *asked != now {
                *asked = now;
                *extra = 0;
            }
            *extra += MORE_RESULTS;
        });
        MORE_ASKED.with_borrow_mut(|kept| *kept = Some(more.get_untracked()));
        // Focus goes to the first new result, so a keyboard or screen-reader user carries
        // on where the list grew (the rows are drawn by then: the next task comes after).
        web::in_next_task(move || web::focus_nth_link(RESULTS_ID, first_new));
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

    // Something is asked: a text or a filter.
    let asks = Memo::new(move |_| !(text.read().trim().is_empty() && filters.read().is_empty()));
    // The results list is drawn only once something is asked and search is ready.
    let shows_results = Memo::new(move |_| ready.get() && asks.get());

    let status = move || {
        if !asks.get() {
            String::new()
        } else if !ready.get() {
            "Preparing search…".to_string()
        } else {
            let text = text.read();
            match found.read().total() {
                0 if text.trim().is_empty() => "No items match these filters.".to_string(),
                0 if !filters.read().is_empty() => {
                    format!("No results for “{}” with these filters.", text.trim())
                }
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
                aria-controls=move || shows_results.get().then_some(RESULTS_ID)
                maxlength=MAX_QUERY_CHARS
                prop:value=move || text.get()
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
            if !asks.get() {
                return view! { <SearchTips /> }.into_any();
            }
            if !shows_results.get() {
                return ().into_any();
            }
            let total = move || found.read().total();
            view! {
                {move || {
                    let Later { facets, suggestion, asked } = later.get();
                    let suggestion = suggestion
                        .map(|fixed| {
                            view! {
                                <p class="suggestion">
                                    "Did you mean "
                                    <a href=search_href(&fixed, &asked.filters)>{fixed.clone()}</a>
                                    "?"
                                </p>
                            }
                        });
                    view! {
                        {suggestion}
                        <FacetFilters facets text=asked.text filters=asked.filters />
                    }
                }}
                <ol id=RESULTS_ID class="cards" on:keydown=on_results_key.clone()>
                    <For
                        each=move || hits.with(|hits| hits.iter().map(|hit| hit.item).collect::<Vec<_>>())
                        key=|item| *item
                        children=move |item| view! { <ResultCard item hits /> }
                    />
                </ol>
                {move || {
                    (total() > shown.get())
                        .then(|| {
                            view! {
                                <p class="more">
                                    {move || format!("{} of {} shown. ", shown.get(), total())}
                                    <button type="button" class="button" on:click=show_more>
                                        "Show more results"
                                    </button>
                                </p>
                            }
                        })
                }}
            }
                .into_any()
        }}
    }
}

/// One result: its kind, its linked title and a snippet, with matched words marked. Rows
/// are keyed by item (its position in the catalog, one per id), so a row stays while its
/// item stays among the results, and a key press redraws only its marks, and only when
/// they change.
#[component]
fn ResultCard(
    /// The item's position in the catalog.
    item: usize,
    /// The results drawn, where this row finds its marks.
    hits: Memo<Vec<Hit>>,
) -> impl IntoView {
    let content = loaded_content();
    let entry = &content.catalog.items()[item];
    let mine = move |part: fn(&Hit) -> &Vec<Segment>| {
        Memo::new(move |_| {
            hits.with(|hits| {
                hits.iter()
                    .find(|hit| hit.item == item)
                    .map(|hit| part(hit).clone())
                    .unwrap_or_default()
            })
        })
    };
    let title = mine(|hit| &hit.title);
    let snippet = mine(|hit| &hit.snippet);
    view! {
        <li class="card">
            <span class="card-kind">{entry.kind.singular()}</span>
            // A plain link, which the router takes over like any other: `<A>` would add
            // active-link tracking a result never shows, and its cost is paid for every
            // row a key press brings in or takes out.
            <a href=href(&entry.path()) class="card-title">
                {move || title.with(|parts| segments(parts))}
            </a>
            <p class="card-summary">{move || snippet.with(|parts| segments(parts))}</p>
        </li>
    }
}

/// Runs the steps of a key press once, drawing nothing: a prefix and a typo search, their
/// marked hits, facets and suggestion.
fn warm_up(engine: Engine, content: &LoadedContent) {
    let Some(index) = content.search_index() else {
        return;
    };
    for text in ["e", "govrnment"] {
        let matches = (engine.find)(index, &content.catalog, &Query::new(text));
        let _ = (engine.hits)(&matches, index, &content.catalog, FIRST_RESULTS);
        let _ = (engine.later)(&matches, index);
    }
}

/// Text segments with matched words in `<mark>`.
/// (An `Either`, not `AnyView`: a typed view a key press can rebuild in place, text node by
/// text node, without boxing every segment.)
fn segments(parts: &[Segment]) -> impl IntoView {
    parts
        .iter()
        .map(|part| {
            if part.marked {
                Either::Left(view! { <mark>{part.text.clone()}</mark> })
            } else {
                Either::Right(part.text.clone())
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
                    <a href=href("/search?q=KONEPS")>"KONEPS"</a>
                    " (an acronym)"
                </li>
                <li>
                    <a href=href("/search?q=%EC%A0%95%EB%B3%B4%ED%99%94%EB%A7%88%EC%9D%84")>
                        <span lang="ko">"정보화마을"</span>
                    </a>
                    " (a Korean name)"
                </li>
                <li>
                    <a href=href("/search?q=Rom%C3%A2nia")>"România"</a>
                    " (a country in its own language)"
                </li>
                <li>
                    <a href=href("/search?q=data%20centre")>"data centre"</a>
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
        // The first few: the one filtered on comes first.
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
                <a href=search_href(&text, &Filters::default())>"Clear filters"</a>
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
                                                <a href=search_href(&text, &next) aria-current=on.then_some("true")>
                                                    {if on { "✓ " } else { "" }}
                                                    {label}
                                                </a>
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

#[cfg(test)]
mod tests {
    use super::UrlWrites;

    #[test]
    fn only_the_last_of_several_quick_url_writes_is_carried_out() {
        let mut writes = UrlWrites::default();
        assert!(!writes.pending());
        let first = writes.ask();
        let second = writes.ask();
        assert!(writes.pending());
        assert!(!writes.carry_out(first), "a newer key press came since");
        assert!(writes.pending(), "the newer one is still to be written");
        assert!(writes.carry_out(second));
        assert!(!writes.pending());
    }

    #[test]
    fn a_cancelled_write_is_not_carried_out_and_leaves_nothing_pending() {
        let mut writes = UrlWrites::default();
        let asked = writes.ask();
        writes.cancel();
        assert!(!writes.pending());
        assert!(!writes.carry_out(asked));
        assert!(!writes.pending());
    }
}
