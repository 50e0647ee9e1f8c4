//! The browser boundary: the only module that names `web_sys`, `gloo` or `wasm_bindgen`.
//!
//! It fetches content files, reads where the app is hosted (the document base), and sets the
//! document title and focus. It holds no rules about content: it hands text to
//! [`crate::content`] and returns what that decides. Failures are values, never panics.

pub mod clock;
pub mod files;
pub mod images;
pub mod loader;
pub mod offline;
pub mod photos;
pub mod storage;
pub mod theme;
pub mod time;

use wasm_bindgen::JsCast;

/// The path the app is served under, without a trailing slash: `""` at the root of a host,
/// `"/egov"` under a sub-path. Read from the document base (`<base href>`), which the build
/// sets, so one build flag moves the whole app.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// The app's path (below the base, `/countries/georgia`) of the SVG link a plain click
/// (the main button, no modifier key) in `event` landed on. The router opens the app's HTML
/// links itself and leaves SVG ones (an `<a>` inside `<svg>`, as on the map) to the browser,
/// which would load the whole app again. `None` for anything else, or a link out of the app.
pub fn svg_link_path(event: &web_sys::MouseEvent) -> Option<String> {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    if event.default_prevented() || event.button() != 0 || modified {
        return None;
    }
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let link = target.closest("svg a").ok()??;
    let href = link.get_attribute("href")?;
    let path = href.strip_prefix(&base_path())?;
    path.starts_with('/').then(|| path.to_string())
}

/// The current path below the base (`/case-studies/hometax`), as the router matches it.
pub fn app_path() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let base = base_path();
    path.strip_prefix(&base).unwrap_or(&path).to_string()
}

/// When the address names a page's file (`…/about.html`, `…/index.html`), as hosts also
/// answer, puts the app's own path in its place (`…/about`, `…/`) before the router reads
/// it, keeping the query and fragment; no new history entry.
pub fn use_app_path() {
    let Some(app_path) = crate::paths::app_path_of_file(&app_path()) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let rest = format!(
        "{}{}",
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    let address = format!("{}{app_path}{rest}", base_path());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// The origin the app is served from (`https://example.org`), for links to share.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Opens the browser's print dialog (print, or save as PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Reloads the page.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Sets the document title.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves keyboard and screen-reader focus to `element` (which should have `tabindex="-1"`).
pub fn focus(element: &web_sys::Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        // Focus can fail only on detached elements; there is nothing to report to a person.
        let _ = element.focus();
    }
}

/// Moves focus to `element` where the page is scrolled now: a page's heading after Back,
/// where the person returns to their place further down (`public/page-shell.js`).
pub fn focus_in_place(element: &web_sys::Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        // As in `focus`: only a detached element refuses.
        let _ = element.focus_with_options(&options);
    }
}

/// Moves focus to the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        focus(&element);
    }
}

/// Focuses the `n`th link inside the element with id `container_id`, if there is one.
pub fn focus_nth_link(container_id: &str, n: usize) {
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(container_id))
        .and_then(|container| container.query_selector_all("a").ok())
        .and_then(|links| links.item(n as u32))
        .and_then(|node| node.dyn_into::<web_sys::Element>().ok());
    if let Some(link) = link {
        focus(&link);
    }
}

/// The position of the focused link among the links inside `container_id`, if focus is
/// on one of them.
pub fn focused_link_position(container_id: &str) -> Option<usize> {
    let document = web_sys::window()?.document()?;
    let active: web_sys::Node = document.active_element()?.into();
    let links = document
        .get_element_by_id(container_id)?
        .query_selector_all("a")
        .ok()?;
    (0..links.length())
        .find(|&i| links.item(i).is_some_and(|link| link == active))
        .map(|i| i as usize)
}

/// True when a key event comes from a place where the person is typing text (a text
/// field, a text area, an editable region), where shortcuts must not fire.
pub fn is_typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

/// True when the page is hidden: the phone was locked, another app or tab was brought to
/// the front. Pending work must be saved now; the page may never be shown again.
pub fn page_is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Removes the static loading screen that `index.html` shows before the app runs.
pub fn remove_boot_screen() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// The markup inside the element marked `data-picture="<name>"` on the static page the app
/// is taking over, if that page is the one at this address (not standing back for a query,
/// `scripts/prerender.mjs`): the build drew it with the app's own code.
pub fn static_picture(name: &str) -> Option<String> {
    let selector = format!("#boot:not(.elsewhere) [data-picture=\"{name}\"]");
    let element = web_sys::window()?
        .document()?
        .query_selector(&selector)
        .ok()??;
    Some(element.inner_html())
}

/// Resolves in a later task of the browser's event loop, so that a long piece of start-up
/// work can be split and the page stays responsive between pieces. The task is a message
/// the page posts to itself: a zero-delay timer would do too, but after five nested ones
/// the browser makes each wait at least 4 ms, and the content load yields a dozen times.
/// Without a message channel it falls back to a timer; without a window (never in the app)
/// it resolves at once.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let posted = web_sys::MessageChannel::new().ok().and_then(|channel| {
            channel.port1().set_onmessage(Some(&resolve));
            channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::UNDEFINED)
                .ok()
        });
        if posted.is_none()
            && window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `work` in a later browser task (see [`next_task`]).
pub fn in_next_task(work: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        work();
    });
}

/// Runs `work` once the browser has painted the next frame: in a task queued from that
/// frame's animation callback, which runs just before the paint. A plain zero-delay task
/// ([`in_next_task`]) may run *before* the paint and delay it; this one never does, so work
/// that can wait (facet counts under search results) never slows what a key press shows.
/// Without a window (never in the app), or if the frame cannot be asked for, `work` runs in
/// the next task instead.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        in_next_task(work);
        return;
    };
    // Shared so that `work` is still ours if the browser refuses the frame callback.
    let work = std::rc::Rc::new(std::cell::Cell::new(Some(work)));
    let queued = work.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(work) = queued.take() {
            in_next_task(work);
        }
    });
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        if let Some(work) = work.take() {
            in_next_task(work);
        }
    }
}
