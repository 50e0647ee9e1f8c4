//! Offline and updates, as the app sees them. The service worker is registered by
//! `public/sw-register.js` (plain JavaScript, so the WebAssembly carries no service-worker
//! bindings); it marks `<html data-update="available">` and fires `egov:update-available`
//! when a newer version waits, and takes `egov:apply-update` as the person's go-ahead.

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
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(APPLY_UPDATE_EVENT))
    {
        let _ = window.dispatch_event(&event);
    }
}

/// True when the browser believes it has a network connection.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
