//! The colour theme a person chose, remembered on the device. `public/theme.js` applies it
//! before the first paint; this module reads and changes it afterwards.

use crate::keys::THEME as THEME_KEY;

fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// True when the page is dark: chosen, or by the system setting when nothing was chosen.
pub fn is_dark() -> bool {
    match html()
        .and_then(|h| h.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some(_) => false,
        None => web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|query| query.matches()),
    }
}

/// Chooses the dark or light theme, applies it and remembers it (if storage allows).
pub fn choose(dark: bool) {
    let value = if dark { "dark" } else { "light" };
    if let Some(html) = html() {
        let _ = html.set_attribute("data-theme", value);
    }
    let _ = super::storage::write(THEME_KEY, value);
}

/// Applies a choice made in another tab of the app (the stored value, `None` when it was
/// cleared: the system setting), without storing it again.
pub fn follow(stored: Option<&str>) {
    let Some(html) = html() else {
        return;
    };
    let _ = match stored {
        Some(value @ ("dark" | "light")) => html.set_attribute("data-theme", value),
        _ => html.remove_attribute("data-theme"),
    };
}
