//! The browser boundary: the only module that names `web_sys`, `gloo` or `wasm_bindgen`.
//!
//! It fetches content files, reads where the app is hosted (the document base), and sets the
//! document title and focus. It holds no rules about content: it hands text to
//! [`crate::content`] and returns what that decides. Failures are values, never panics.

pub mod loader;

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

/// Moves focus to the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        focus(&element);
    }
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
