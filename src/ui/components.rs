//! Small components shared by pages: headings, loading and error states, item links.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

use super::library_state::BookmarkButton;
use super::{href, AppState, APP_NAME};
use crate::content::{ContentProblem, Item};
use crate::web;

/// Set once the first page heading has mounted. The first page keeps focus where the browser
/// puts it (at the top, before the skip link); every later page moves focus to its heading.
static FIRST_HEADING_SHOWN: AtomicBool = AtomicBool::new(false);

/// The page's one `h1`. Sets the document title and, after a route change, takes focus so
/// screen-reader and keyboard users start at the new page.
#[component]
pub fn PageHeading(
    /// The heading text; also the first part of the document title.
    #[prop(into)]
    text: String,
    /// Leave focus alone: the page moves it somewhere more useful (the search box).
    #[prop(optional)]
    leave_focus: bool,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let title = if text == APP_NAME {
        APP_NAME.to_string()
    } else {
        format!("{text} – {APP_NAME}")
    };
    web::set_document_title(&title);
    Effect::new(move |_| {
        if let Some(element) = heading.get() {
            // The page is drawn: the static first screen it stands in for can go (a lazy
            // route's page is drawn only once its code has arrived, after the content).
            web::remove_boot_screen();
            if FIRST_HEADING_SHOWN.swap(true, Ordering::Relaxed) && !leave_focus {
                // Not scrolled to: a new page starts at the top anyway, and after Back the
                // person returns to their place on it (`public/page-shell.js`).
                web::focus_in_place(&element);
            }
        }
    });
    view! {
        <h1 tabindex="-1" node_ref=heading>
            {text}
        </h1>
    }
}

/// Shown while the knowledge base downloads.
#[component]
pub fn LoadingState() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            "Loading the knowledge base…"
        </p>
    }
}

/// The knowledge base could not be loaded at all: say which file and why, offer Retry.
#[component]
pub fn LoadFailure(
    /// What failed.
    problem: ContentProblem,
) -> impl IntoView {
    view! {
        <PageHeading text="The knowledge base could not be loaded" />
        <div class="notice notice-error">
            <p>{problem.to_string()}</p>
            <p>"Check your connection, then try again. Nothing you saved on this device is affected."</p>
            <RetryButton />
        </div>
    }
}

/// Loads the content again ([`crate::ui::ContentLoad::retry`]).
#[component]
fn RetryButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button type="button" class="button" on:click=move |_| state.content.retry()>
            "Retry"
        </button>
    }
}

/// A notice, on every page, naming the content files and items that were left out.
#[component]
pub fn ContentNotices(
    /// The problems met while loading; nothing is shown when there are none.
    problems: Vec<ContentProblem>,
) -> impl IntoView {
    if problems.is_empty() {
        return None;
    }
    let count = problems.len();
    Some(view! {
            <section class="notice notice-warning" aria-labelledby="content-problems-title">
                <h2 id="content-problems-title">"Some content could not be loaded"</h2>
                <p>
                    {format!(
                        "{count} problem{} in the knowledge base. Everything else works; the parts named below are left out.",
                        plural(count),
                    )}
                </p>
                <ul>
                    {problems
                        .into_iter()
                        .map(|problem| view! { <li>{problem.to_string()}</li> })
                        .collect_view()}
                </ul>
                <RetryButton />
            </section>
    })
}

/// A list entry linking to an item, with its kind and summary.
#[component]
pub fn ItemCard(
    /// The item.
    item: Item,
    /// Whether to show the kind label (lists of mixed kinds).
    #[prop(optional)]
    show_kind: bool,
) -> impl IntoView {
    let (id, title) = (item.id.clone(), item.title.clone());
    view! {
        <li class="card">
            {show_kind.then(|| view! { <span class="card-kind">{item.kind.singular()}</span> })}
            <a href=href(&item.path()) class="card-title">
                {item.title.clone()}
            </a>
            <p class="card-summary">{item.summary.clone()}</p>
            <BookmarkButton id title />
        </li>
    }
}

/// Status lines for the whole app: "you are offline" (and whether that matters yet), a
/// page whose code is still to be downloaded, and "a newer version is available" with a
/// Reload button that is the only thing that switches versions.
#[component]
pub fn AppStatus() -> impl IntoView {
    use web::offline::{
        code_waiting, offline_readiness, CodeWaiting, OfflineReadiness, CODE_STATUS_EVENT,
        OFFLINE_STATUS_EVENT,
    };
    let online = RwSignal::new(web::offline::is_online());
    let update = RwSignal::new(web::offline::update_waiting());
    let code = RwSignal::new(code_waiting());
    // A page opened offline learns whether the app is kept a moment after it starts, when
    // the service worker answers: the offline notice follows.
    let kept = RwSignal::new(matches!(offline_readiness(), OfflineReadiness::Ready(_)));
    let listeners = [
        window_event_listener(leptos::ev::online, move |_| online.set(true)),
        window_event_listener(leptos::ev::offline, move |_| online.set(false)),
    ];
    let untyped = [
        window_event_listener_untyped(web::offline::UPDATE_AVAILABLE_EVENT, move |_| {
            update.set(true)
        }),
        window_event_listener_untyped(CODE_STATUS_EVENT, move |_| code.set(code_waiting())),
        window_event_listener_untyped(OFFLINE_STATUS_EVENT, move |_| {
            kept.set(matches!(offline_readiness(), OfflineReadiness::Ready(_)))
        }),
    ];
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
        for listener in untyped {
            listener.remove();
        }
    });
    view! {
        <div role="status" class="app-status">
            {move || {
                (!online.get())
                    .then(|| {
                        view! {
                            <p class="notice">
                                {move || if kept.get() {
                                    "You are offline. Everything in the app, and everything you saved, still works."
                                } else {
                                    "You are offline. Everything you saved still works, but the app is not yet kept for offline use: a page you have not opened may wait for a connection."
                                }}
                            </p>
                        }
                    })
            }}
            {move || {
                code.get()
                    .map(|why| {
                        let text = match why {
                            CodeWaiting::Offline => {
                                "Part of the app has not been downloaded yet, and there is no connection: what you opened will be ready when you are back online. "
                            }
                            CodeWaiting::Failed => {
                                "Part of the app could not be downloaded from the site. Try again, or reload the app if it keeps failing. "
                            }
                        };
                        notice_with_button(
                            "notice notice-error",
                            text,
                            "Try again",
                            web::offline::retry_code,
                        )
                    })
            }}
            {move || {
                update
                    .get()
                    .then(|| {
                        notice_with_button(
                            "notice",
                            "A newer version is available — ",
                            "Reload",
                            web::offline::apply_update,
                        )
                    })
            }}
        </div>
    }
}

/// A status line that ends with one button.
fn notice_with_button(
    class: &'static str,
    text: &'static str,
    label: &'static str,
    action: fn(),
) -> impl IntoView {
    view! {
        <p class=class>
            {text}
            <button type="button" class="button" on:click=move |_| action()>
                {label}
            </button>
        </p>
    }
}

/// "Available offline · N items · size · content of DATE", or how to get there.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    use crate::web::offline::{offline_readiness, OfflineReadiness, OFFLINE_STATUS_EVENT};
    let readiness = RwSignal::new(offline_readiness());
    let asked = RwSignal::new(false);
    let listener = window_event_listener_untyped(OFFLINE_STATUS_EVENT, move |_| {
        readiness.set(offline_readiness());
    });
    on_cleanup(move || listener.remove());
    let content = super::loaded_content();
    let items = content.catalog.len();
    let date = content
        .catalog
        .version()
        .map(|v| v.display())
        .unwrap_or_else(|| "unknown date".into());
    view! {
        <div class="offline-status" role="status">
            {move || match readiness.get() {
                OfflineReadiness::Ready(bytes) => {
                    view! {
                        <p>
                            <span aria-hidden="true">"✓ "</span>
                            {format!(
                                "Available offline · {items} items · {} · content of {date}",
                                megabytes(bytes),
                            )}
                        </p>
                    }
                        .into_any()
                }
                OfflineReadiness::Unavailable => {
                    view! {
                        <p>
                            "This browser cannot keep the app for offline use here; it works while you are online."
                        </p>
                    }
                        .into_any()
                }
                OfflineReadiness::Preparing | OfflineReadiness::Partial => {
                    view! {
                        <p>
                            {move || {
                                if asked.get() {
                                    "Preparing for offline use…"
                                } else {
                                    "Not yet available offline."
                                }
                            }} " "
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    asked.set(true);
                                    crate::web::offline::make_available_offline();
                                }
                            >
                                "Make available offline now"
                            </button>
                        </p>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Bytes as megabytes with one decimal ("1.4 MB"), as every size the app shows is written.
pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", crate::charts::fixed(bytes as f64 / 1_000_000.0, 1))
}

/// The plural ending for a count in English messages: "" for 1, "s" otherwise.
pub fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// "Also show times in my time zone", remembered on the device; not offered on a device
/// that keeps Korea's time, where it would change nothing.
#[component]
pub fn LocalTimesToggle() -> impl IntoView {
    let local_times = expect_context::<AppState>().local_times;
    let zone = web::time::zone_name();
    (zone.as_deref() != Some(web::time::KOREA_ZONE)).then(|| {
        let zone = zone.map(|zone| format!(" ({zone})")).unwrap_or_default();
        view! {
            <p class="local-times-toggle">
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || local_times.get()
                        on:change=move |event| {
                            let on = event_target_checked(&event);
                            web::time::remember_local_times(on);
                            local_times.set(on);
                        }
                    />
                    {format!(" Also show times in my time zone{zone}")}
                </label>
            </p>
        }
    })
}
