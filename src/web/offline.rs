//! Offline and updates, as the app sees them. The service worker is registered by
//! `public/page-shell.js` (plain JavaScript, so the WebAssembly carries no service-worker
//! bindings); it marks `<html data-update="available">` and fires `egov:update-available`
//! when a newer version waits, and takes `egov:apply-update` as the person's go-ahead.

/// Whether the app is kept for offline use on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineReadiness {
    /// Not known yet: the service worker is still installing, or has not answered.
    Preparing,
    /// Everything is cached: this many bytes.
    Ready(u64),
    /// Only part is cached (an interrupted download).
    Partial,
    /// This browser cannot keep the app offline (no service workers).
    Unavailable,
}

/// The event fired whenever the offline readiness is known anew.
pub const OFFLINE_STATUS_EVENT: &str = "egov:offline-status";
/// The event the app fires to ask the service worker to report (and finish) caching.
const MAKE_OFFLINE_EVENT: &str = "egov:make-offline";

/// What `public/page-shell.js` last reported about offline readiness.
pub fn offline_readiness() -> OfflineReadiness {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let attribute = |name: &str| html.as_ref().and_then(|h| h.get_attribute(name));
    match attribute("data-offline").as_deref() {
        Some("ready") => OfflineReadiness::Ready(
            attribute("data-offline-bytes")
                .and_then(|b| b.parse().ok())
                .unwrap_or(0),
        ),
        Some("partial") => OfflineReadiness::Partial,
        Some("unavailable") => OfflineReadiness::Unavailable,
        _ => OfflineReadiness::Preparing,
    }
}

/// Whether a service worker answers this page's requests: a later visit, once the offline
/// download has been made. It then holds every content file. Read through `Reflect`, so the
/// WebAssembly carries no service-worker bindings.
pub fn served_by_worker() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|workers| workers.is_object())
        .and_then(|workers| js_sys::Reflect::get(&workers, &"controller".into()).ok())
        .is_some_and(|controller| controller.is_object())
}

/// Asks the service worker to make sure everything is cached, and to report.
pub fn make_available_offline() {
    dispatch(MAKE_OFFLINE_EVENT);
}

fn dispatch(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// The event fired when a newer version is installed and waiting.
pub const UPDATE_AVAILABLE_EVENT: &str = "egov:update-available";
/// The event the app fires to switch to the waiting version.
const APPLY_UPDATE_EVENT: &str = "egov:apply-update";

/// True when a newer version is already waiting (it may have arrived before the app ran).
pub fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-update"))
        .is_some_and(|value| value == "available")
}

/// Switches to the waiting version; the page reloads once it has taken over.
pub fn apply_update() {
    dispatch(APPLY_UPDATE_EVENT);
}

/// Why part of the app's code (a page's, downloaded when it is first opened) has not
/// arrived yet. The app's loader (written by `scripts/split-wasm.mjs`) keeps such a piece
/// waiting, rather than failing, and tries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeWaiting {
    /// There is no network, and the piece is not kept offline yet.
    Offline,
    /// The host did not send it (an error status, or a damaged file).
    Failed,
}

/// The event the loader fires whenever a piece starts or stops waiting.
pub const CODE_STATUS_EVENT: &str = "egov:code-status";
/// The event that asks the loader to try every waiting piece again.
const CODE_RETRY_EVENT: &str = "egov:code-retry";

/// What the loader last reported about code still to arrive (`<html data-code-waiting>`).
pub fn code_waiting() -> Option<CodeWaiting> {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())?;
    match html.get_attribute("data-code-waiting")?.as_str() {
        "offline" => Some(CodeWaiting::Offline),
        _ => Some(CodeWaiting::Failed),
    }
}

/// Asks the loader to download every waiting piece again, now.
pub fn retry_code() {
    dispatch(CODE_RETRY_EVENT);
}

/// True when the browser believes it has a network connection.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
