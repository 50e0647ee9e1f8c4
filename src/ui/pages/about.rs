//! About the app: the program, where the content comes from, its version, and privacy.

use leptos::prelude::*;

use crate::ui::components::{OfflineStatus, PageHeading};
use crate::ui::loaded_content;

/// What the program is, who organises it, the sources, the content version, privacy.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <PageHeading text="About this app" />
        <p>
            "The Korea–BSEC ICT Cooperation Program shares the Republic of Korea's experience of "
            "e-government with civil servants of the member states of the Organization of the Black "
            "Sea Economic Cooperation (BSEC): workshops, forum panels and site visits in Korea, and "
            "Korean delegations to member states."
        </p>
        <h2>"Where the content comes from"</h2>
        <p>
            "Every fact in this app comes from the BSEC Permanent International Secretariat's press "
            "release on the 2017 programme, or from a fact sheet of public sources compiled in "
            "November 2026. Each item lists its sources."
        </p>
        {
            let content = loaded_content();
            let version = content
                .catalog
                .version()
                .map(|date| date.display())
                .unwrap_or_else(|| "unknown".to_string());
            let count = content.catalog.len();
            view! { <p>{format!("Content version: {version} · {count} items.")}</p> }
        }
        <h2>"Privacy"</h2>
        <p>
            "This app has no account and no server of its own. Nothing you do in it leaves your device."
        </p>
        // Last on the page: the status changes once the offline download has started (after
        // the app is up), and nothing below it may move when it does.
        <h2>"Offline use"</h2>
        <p>
            "After one visit online, every page, the search and your saved items work with no network. "
            "New content arrives when you choose to reload."
        </p>
        <OfflineStatus />
    }
}
