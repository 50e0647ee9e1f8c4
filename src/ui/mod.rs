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

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos_router::components::{Router, A};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::content::raw::RawIndex;
use crate::content::{assemble, Assembled, ContentProblem, Kind, KindFile};
use crate::paths::Page;
use crate::web;
use crate::web::loader::{load_bodies, load_content, Freshness, LoadedContent};
use components::{AppStatus, ContentNotices, LoadFailure, LoadingState};
use lazy_view::LazyView;
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
            let result = load_content(freshness, checked_content).await.map(Arc::new);
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

/// The content checked in full, for the loader when some file is not as the build stamped
/// it (`web::loader::CheckContent`).
fn checked_content(
    index: RawIndex,
    files: Vec<Result<KindFile, ContentProblem>>,
) -> Pin<Box<dyn Future<Output = Assembled>>> {
    Box::pin(checked_assembly(index, files))
}

/// The checks' code (`#[lazy]`): fetched only for content the build did not stamp, since
/// a first page does without it.
#[lazy]
async fn checked_assembly(
    index: RawIndex,
    files: Vec<Result<KindFile, ContentProblem>>,
) -> Assembled {
    assemble(&index, files, None)
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
            let whole = match load_bodies(&first, checked_content).await {
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
            <SvgLinks />
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
                            <Pages />
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

/// SVG links (the map's countries) open their page in the app, as the router opens HTML
/// links; left to the browser, they would load the whole app again.
#[component]
fn SvgLinks() -> impl IntoView {
    let navigate = use_navigate();
    let handle = window_event_listener(leptos::ev::click, move |event| {
        if let Some(path) = web::svg_link_path(&event) {
            event.prevent_default();
            navigate(&path, Default::default());
        }
    });
    on_cleanup(move || handle.remove());
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

/// The page the address names ([`Page::of`]), drawn again when the path changes (not when
/// only the query does: a page that reads it follows it). Matched here rather than by the
/// router's `<FlatRoutes>`, whose route matching and lazy routes with their async views
/// were 13 KB (brotli) of landing code more; the router still keeps the address, history
/// and links.
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    // The router puts a new path in the address bar only once the routes say the page is
    // ready for it: here, at once (a lazy page says itself that it waits for its code).
    if let Some(provider) = use_context::<BrowserUrl>() {
        Effect::new(move |_| {
            location.pathname.track();
            provider.ready_to_complete();
        });
    }
    let page = Memo::new(move |_| {
        location
            .pathname
            .with(|path| match path.strip_prefix(base_path()) {
                Some(app_path) => Page::of(app_path),
                None => Page::NotFound,
            })
    });
    move || match page.get() {
        Page::Home => view! { <HomePage /> }.into_any(),
        Page::List(slug) => view! { <KindListPage slug /> }.into_any(),
        Page::Item(slug, id) => view! { <ItemPage slug id /> }.into_any(),
        Page::Search => lazy_page(__search_route_view),
        Page::Saved => lazy_page(__saved_route_view),
        Page::About => lazy_page(__about_route_view),
        Page::Shared => lazy_page(__shared_route_view),
        Page::Report => lazy_page(__report_route_view),
        Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// A page whose code is split out of the app's main WebAssembly and downloaded the first
/// time the person goes there (`scripts/split-wasm.mjs` does the splitting; the page's loader
/// asks for a lazy route's piece at once when a visit starts there). Landing routes (home,
/// lists, items) stay in the main module: a static page or a shared link opens them first,
/// and a second download would delay the moment they respond.
fn lazy_page<F>(code: fn(Owner) -> F) -> AnyView
where
    F: std::future::Future<Output = AnyView> + 'static,
{
    let place = LazyView::new();
    place.load(code);
    place.drawn().into_any()
}

/// Lazily loaded pages, each drawn under its place's owner once every item's body is in.
/// (Named `__<route>_route_view`: the build's loader knows a lazy route's piece by it.)
macro_rules! lazy_page {
    ($code:ident, $page:ident) => {
        #[doc = concat!("The lazily loaded code of [`", stringify!($page), "`].")]
        #[lazy]
        fn $code(owner: Owner) -> AnyView {
            owner.with(|| when_complete(|| view! { <$page /> }.into_any()))
        }
    };
}

lazy_page!(__search_route_view, SearchPage);
lazy_page!(__saved_route_view, SavedPage);
lazy_page!(__about_route_view, AboutPage);
lazy_page!(__shared_route_view, SharedPage);
lazy_page!(__report_route_view, ReportPage);
