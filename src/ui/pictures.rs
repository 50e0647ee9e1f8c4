//! The content's pictures in a page: the UN E-Government Survey rank chart, Korea's OECD
//! index results and the schematic map of the BSEC member states. Their markup is the
//! core's ([`crate::pictures`]: geometry, text alternatives, escaping); this module finds the
//! names and addresses they show and puts the markup in place, in one step (drawn element by
//! element, every SVG attribute a type of the framework's with code of its own, they took
//! 2.8 KB more of the landing code, brotli).

use leptos::prelude::*;

use crate::charts::map_tiles;
use crate::content::{Kind, OecdResult, Rank};
use crate::pictures::{bsec_map_markup, oecd_table_markup, rank_chart_markup, MapCountry};
use crate::ui::{href, loaded_content};

/// Korea's rank by year, with the participating countries' ranks, and the same numbers as a
/// table.
#[component]
pub fn RankChart(ranks: Vec<Rank>) -> impl IntoView {
    let content = loaded_content();
    let catalog = &content.catalog;
    let name = |id: &str| {
        catalog
            .get_of_kind(Kind::Country, id)
            .map_or_else(|| id.to_string(), |c| c.title.clone())
    };
    rank_chart_markup(&ranks, &name)
        .map(|markup| view! { <figure class="picture" inner_html=markup /> })
}

/// Korea's results in the OECD's digital government indices, one row per index and year. The
/// table scrolls sideways on its own when enlarged text makes it wider than the screen.
#[component]
pub fn OecdTable(results: Vec<OecdResult>) -> impl IntoView {
    view! {
        <div
            class="picture table-scroll"
            role="region"
            aria-labelledby="oecd-table-title"
            tabindex="0"
            inner_html=oecd_table_markup(&results)
        />
    }
}

/// The BSEC member states on a schematic map, each linking to its page, with `selected`
/// highlighted (`what` says why, e.g. "took part in this edition"), and a list with the same
/// information.
#[component]
pub fn BsecMap(selected: Vec<String>, what: &'static str) -> impl IntoView {
    let content = loaded_content();
    let catalog = &content.catalog;
    let countries: Vec<MapCountry> = map_tiles()
        .into_iter()
        .filter_map(|tile| {
            let country = catalog.get_of_kind(Kind::Country, tile.country)?;
            Some(MapCountry {
                name: country.title.clone(),
                href: href(&country.path()),
                tile,
            })
        })
        .collect();
    bsec_map_markup(&countries, &selected, what)
        .map(|markup| view! { <figure class="picture" inner_html=markup /> })
}
