//! The Leptos user interface: the root component, the router and the shared state.
//!
//! Components here map state to markup and events to calls into [`crate::content`],
//! [`crate::search`] and [`crate::web`]; they hold no business rules. Global state lives in
//! the URL first (route, query), then in one [`AppState`] context.

mod components;
mod lazy_view;
pub mod library_state;
mod pages;
mod photos;
mod pictures;
mod qr;

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router, A};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{lazy_route, path, Lazy, LazyRoute};

use crate::content::{ContentProblem, Kind};
use crate::web;
use crate::web::loader::{load_bodies, load_content, Freshness, LoadedContent};
use components::{AppStatus, ContentNotices, LoadFailure, LoadingState};
use library_state::{LibraryNoticeBanner, LibraryState};
use pages::{
    AboutPage, HomePage, ItemPage, KindListPage, NotFoundPage, ReportPage, SavedPage, SearchPage,
    SharedPage,
};

/// The app's name, as shown in titles and the header.
pub const APP_NAME: &str = "e-Gov Companion";

/// The path the app is hosted under (`""` or `"/egov"`), read once from the document.
static BASE_PATH: OnceLock<String> = OnceLock::new();

fn base_path() -> &'static str {
    BASE_PATH.get_or_init(web::base_path)
}

/// The link target for an app path (`/about` becomes `/egov/about` under a sub-path).
/// The router strips its base when matching but does not add it to `<A href>`.
///
/// Pages link with a plain `<a href=href(…)>`, which the router takes over like any link
/// of the app's own: `<A>` is kept for the links that show whether they are the current
/// page (`aria-current`, the tab bar and the top bar), since it adds that tracking, and its
/// code, to every link drawn.
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// What a content load gives: the shared knowledge base, or why the index failed.
pub type ContentResult = Result<Arc<LoadedContent>, ContentProblem>;

/// State shared by every page, provided once by [`App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The knowledge base as far as a first page needs it, loaded once; Retry loads it
    /// again ([`ContentLoad::retry`]). Drawing waits for it.
    pub content: ContentLoad,
    /// Whether the knowledge base with every item's body has loaded after `content`
    /// (`web::loader::load_bodies`; at once when nothing was left to load). It is kept in
    /// `COMPLETE`, outside the reactive system: one signal type less in the WebAssembly.
    pub complete: RwSignal<bool>,
    /// Set by the `/` shortcut so the search page focuses its box once it is shown.
    pub focus_search: RwSignal<bool>,
    /// Whether times are also shown in the person's own zone (remembered on the device).
    pub local_times: RwSignal<bool>,
}

/// The first load of the knowledge base: `None` until it has finished, then its result,
/// which a Retry replaces once the new load has finished (every file checked with the host:
/// [`Freshness::Revalidated`]). A signal and a task rather than a
/// `LocalResource`: the app needs no more, and the resource's machinery (async derived
/// values and their futures) would be on every page's start-up path.
#[derive(Clone, Copy)]
pub struct ContentLoad(RwSignal<Option<ContentResult>>);

impl ContentLoad {
    /// Starts the first load.
    fn start() -> Self {
        let load = Self(RwSignal::new(None));
        load.load(Freshness::Cached);
        load
    }

    /// Loads the knowledge base again, every file checked with the host (the browser's
    /// cached copy may be what failed).
    pub fn retry(self) {
        self.load(Freshness::Revalidated);
    }

    /// Loads the knowledge base; the result replaces the current one when it is in, unless
    /// a later load has started in the meantime.
    fn load(self, freshness: Freshness) {
        let attempt = LOAD_ATTEMPT.with(|count| {
            count.set(count.get() + 1);
            count.get()
        });
        leptos::task::spawn_local(async move {
            let result = load_content(freshness).await.map(Arc::new);
            if LOAD_ATTEMPT.get() == attempt {
                self.0.set(Some(result));
            }
        });
    }

    /// The current result, tracked; `None` while the first load runs.
    pub fn get(self) -> Option<ContentResult> {
        self.0.get()
    }

    /// The current result, untracked.
    pub fn get_untracked(self) -> Option<ContentResult> {
        self.0.get_untracked()
    }

    /// Reads the current result, tracked.
    pub fn with<T>(self, read: impl FnOnce(&Option<ContentResult>) -> T) -> T {
        self.0.with(read)
    }
}

thread_local! {
    /// How many loads [`ContentLoad`] has started: only the latest one's result is kept.
    static LOAD_ATTEMPT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The knowledge base with every item's body, once [`AppState::complete`] is set.
    static COMPLETE: std::cell::RefCell<Option<Arc<LoadedContent>>> = const { std::cell::RefCell::new(None) };
}

fn complete_content() -> Option<Arc<LoadedContent>> {
    COMPLETE.with_borrow(Option::clone)
}

/// The loaded knowledge base, complete when the rest has loaded. Pages render only once it
/// has loaded (see [`App`]), and those that show bodies only once theirs are in
/// ([`bodies_ready`]), so they read it without tracking: a page is never redrawn under the
/// person reading it. Before that, or after a failed load, it is empty.
pub fn loaded_content() -> Arc<LoadedContent> {
    let state = expect_context::<AppState>();
    complete_content().unwrap_or_else(|| {
        state
            .content
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default()
    })
}

/// Whether the items' bodies a page shows have loaded: the body of `item` (its kind and id),
/// or with `None` every item's. Changes once, from false to true.
pub fn bodies_ready(item: Option<(Kind, String)>) -> Memo<bool> {
    let state = expect_context::<AppState>();
    Memo::new(move |_| {
        state.complete.get()
            || item.as_ref().is_some_and(|(kind, id)| {
                state.content.with(
                    |loaded| matches!(loaded, Some(Ok(loaded)) if loaded.has_body_of(*kind, id)),
                )
            })
    })
}

/// `page`, once every item's body has loaded; the loading line until then.
fn when_complete(page: fn() -> AnyView) -> AnyView {
    let ready = bodies_ready(None);
    (move || {
        if ready.get() {
            page()
        } else {
            view! { <LoadingState /> }.into_any()
        }
    })
    .into_any()
}

/// The root component: loads the content once and routes between pages.
#[component]
pub fn App() -> impl IntoView {
    let content = ContentLoad::start();
    let complete = RwSignal::new(false);
    provide_context(AppState {
        content,
        complete,
        focus_search: RwSignal::new(false),
        local_times: RwSignal::new(web::time::local_times_wanted()),
    });
    let library = LibraryState::load();
    provide_context(library);
    let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(value) = web::storage::changed_value(&event, crate::keys::LIBRARY) {
            library.take_outside_change(value);
        }
    });
    on_cleanup(move || storage_listener.remove());
    // The static first screen stays until the page it stands for is drawn: no loading
    // flash, no shift (`#boot ~ *` hides the app's markup until then). Every page removes it
    // when its heading is drawn (`PageHeading`); a failed load removes it here.
    Effect::new(move |_| {
        if matches!(content.get(), Some(Err(_))) {
            web::remove_boot_screen();
        }
    });
    // Once a first load is drawn, the rest (the items' bodies) follows, from a task of its
    // own: asking for nine files in the task that draws the page would keep the page from
    // responding that much longer. A load that a Retry has replaced in the meantime is
    // dropped.
    Effect::new(move |_| {
        let Some(Ok(first)) = content.get() else {
            return;
        };
        COMPLETE.set(None);
        complete.set(false);
        leptos::task::spawn_local(async move {
            web::next_task().await;
            let whole = match load_bodies(&first).await {
                Some(whole) => Arc::new(whole),
                None => Arc::clone(&first),
            };
            let current = content
                .get_untracked()
                .and_then(Result::ok)
                .is_some_and(|now| Arc::ptr_eq(&now, &first));
            if current {
                COMPLETE.set(Some(whole));
                complete.set(true);
            }
        });
    });
    // The notice lists the complete load's problems once it is in, the first load's until
    // then.
    let problems = move || {
        complete.track();
        match complete_content() {
            Some(whole) => whole.problems.clone(),
            None => content
                .get()
                .and_then(Result::ok)
                .map(|first| first.problems.clone())
                .unwrap_or_default(),
        }
    };

    view! {
        <Router base=base_path()>
            <SearchShortcut />
            <a class="skip-link" href="#main" on:click=skip_to_main>
                "Skip to main content"
            </a>
            <header class="top-bar">
                <A href=href("/") exact=true {..} class="brand">
                    {APP_NAME}
                </A>
                <div class="top-links">
                    <ThemeToggle />
                    <A href=href("/about") {..} class="top-link">
                        "About"
                    </A>
                </div>
            </header>
            <main id="main" tabindex="-1">
                <AppStatus />
                <LibraryNoticeBanner />
                // One loading state for the whole app, matched by hand, instead of a
                // `<Suspense>` (and `<ErrorBoundary>`) around each page: a deliberate choice
                // for the WebAssembly's size (README, Size), not an oversight. The content
                // loads once, so pages never wait again; pages read it with
                // `loaded_content()`, which is only called inside the `Some(Ok(_))` arm.
                {move || match content.get() {
                    None => view! { <LoadingState /> }.into_any(),
                    Some(Err(problem)) => view! { <LoadFailure problem /> }.into_any(),
                    Some(Ok(_)) => {
                        view! {
                            {move || view! { <ContentNotices problems=problems() /> }}
                            // Flat routes, not nested ones: no page has child routes, and the
                            // nested router is 10 KB more landing code. A page that reads the
                            // query and serves several paths reads the router's URL when its
                            // parameters change (`pages::list`): the route's own URL changes
                            // only when the path stays the same.
                            <FlatRoutes fallback=|| view! { <NotFoundPage /> }>
                                <Route path=path!("/") view=HomePage />
                                <Route path=path!("/search") view={Lazy::<SearchRoute>::new()} />
                                <Route path=path!("/saved") view={Lazy::<SavedRoute>::new()} />
                                <Route path=path!("/about") view={Lazy::<AboutRoute>::new()} />
                                <Route path=path!("/shared") view={Lazy::<SharedRoute>::new()} />
                                <Route path=path!("/report") view={Lazy::<ReportRoute>::new()} />
                                <Route path=path!("/:kind") view=KindListPage />
                                <Route path=path!("/:kind/:id") view=ItemPage />
                            </FlatRoutes>
                        }
                            .into_any()
                    }
                }}
            </main>
            <nav class="tab-bar" aria-label="Main">
                <A href=href("/") exact=true>
                    "Home"
                </A>
                <A href=href("/editions")>"Programme"</A>
                <A href=href("/search")>"Search"</A>
                <A href=href("/saved")>"Saved"</A>
            </nav>
        </Router>
    }
}

/// Dark theme on or off, remembered on this device (the system setting until chosen), and
/// the same in every open tab of the app.
#[component]
fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(web::theme::is_dark());
    // A choice made in another tab of the app applies here too.
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(crate::keys::THEME) {
            web::theme::follow(event.new_value().as_deref());
            dark.set(web::theme::is_dark());
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-label="Dark theme"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            on:click=move |_| {
                let next = !dark.get_untracked();
                web::theme::choose(next);
                dark.set(next);
            }
        >
            "Dark"
        </button>
    }
}

/// The `/` key, anywhere outside a text field, opens search with the box focused.
#[component]
fn SearchShortcut() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let location = use_location();
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
        if event.key() != "/" || !plain || web::is_typing(&event) {
            return;
        }
        event.prevent_default();
        if location.pathname.get_untracked() == href("/search") {
            web::focus_by_id(pages::SEARCH_BOX_ID);
        } else {
            state.focus_search.set(true);
            // `navigate` adds the base itself.
            navigate("/search", Default::default());
        }
    });
    on_cleanup(move || handle.remove());
}

/// The skip link moves focus to `<main>` itself: with a `<base href>`, a plain `#main` link
/// would navigate to the base URL instead of jumping within the page.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    web::focus_by_id("main");
}

/// A route whose page's code is split out of the app's main WebAssembly and downloaded the
/// first time the person goes there (`scripts/split-wasm.mjs` does the splitting). Landing
/// routes (home, lists, items) stay in the main module: a static page or a shared link opens
/// them first, and a second download would delay the moment they respond.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        #[doc = concat!("The lazily loaded route of [`", stringify!($page), "`].")]
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                when_complete(|| view! { <$page /> }.into_any())
            }
        }
    };
}

lazy_page!(SearchRoute, SearchPage);
lazy_page!(SavedRoute, SavedPage);
lazy_page!(AboutRoute, AboutPage);
lazy_page!(SharedRoute, SharedPage);
lazy_page!(ReportRoute, ReportPage);
