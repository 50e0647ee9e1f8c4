//! The page for any address the app does not know.

use leptos::prelude::*;

use crate::ui::components::PageHeading;
use crate::ui::href;

/// "Page not found", with ways back into the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeading text="Page not found" />
        <p>"There is nothing at this address. It may have been mistyped, or the item may have been renamed."</p>
        <ul class="link-list">
            <li>
                <a href=href("/")>"Go to the home page"</a>
            </li>
            <li>
                <a href=href("/search")>"Search the knowledge base"</a>
            </li>
        </ul>
    }
}
