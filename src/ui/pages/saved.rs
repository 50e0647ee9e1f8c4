//! The Saved page: the person's bookmarks and notes.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::PageHeading;
use crate::ui::href;

/// Bookmarks and notes. Saving items is not built yet; this page says so plainly.
#[component]
pub fn SavedPage() -> impl IntoView {
    view! {
        <PageHeading text="Saved" />
        <p>
            "Bookmarks and private notes are not available yet in this version of the app. "
            "When they are, everything you save will stay on this device only."
        </p>
        <p>
            <A href=href("/editions")>"Browse the programme"</A>
        </p>
    }
}
