//! The content's pictures in a page: the UN E-Government Survey rank chart, Korea's OECD
//! index results and the schematic map of the BSEC member states. Their markup is the
//! core's ([`crate::pictures`]: geometry, text alternatives, escaping), written by code of
//! its own (`#[lazy]`, [`pictures_markup`]): only a few pages show a picture, and that code
//! was 6.2 KB (brotli) of the code every first page downloads.
//!
//! When the app takes over a page's static copy (the build's drawing of the same page,
//! `scripts/prerender.mjs`), it keeps that copy's pictures and needs no code to write them,
//! and nothing moves. A page opened from another, or with no static copy, is drawn at once
//! and its pictures are put in place when their code has written them: right away where
//! that code is here already (the service worker keeps it after the first visit), and
//! offline before it has arrived, once back online.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::{Item, Kind};
use crate::pictures::{countries_map, item_pictures, ItemPictures};
use crate::ui::href;
use crate::web::loader::LoadedContent;
use crate::web::static_picture;

/// Which page's pictures.
#[derive(Debug, Clone)]
pub enum PicturesOf {
    /// An item's page: its kind and id.
    Item(Kind, String),
    /// The list of countries: the map of every member state.
    Countries,
}

fn link_of(item: &Item) -> String {
    href(&item.path())
}

/// Writes the pictures of `of` (`#[lazy]`: the charts' and the map's code).
#[lazy]
async fn pictures_markup(content: Arc<LoadedContent>, of: PicturesOf) -> ItemPictures {
    let catalog = &content.catalog;
    match of {
        PicturesOf::Item(kind, id) => catalog
            .get_of_kind(kind, &id)
            .map(|item| item_pictures(catalog, item, &link_of))
            .unwrap_or_default(),
        PicturesOf::Countries => ItemPictures {
            map: countries_map(catalog, &link_of),
            ..ItemPictures::default()
        },
    }
}

/// The pictures of `of`, for their place in a page: the static page's at once, when the app
/// is taking over the page's static copy; otherwise once their code has written them.
#[derive(Clone, Copy)]
pub struct Pictures(RwSignal<Option<ItemPictures>>);

impl Pictures {
    /// The pictures of `of` in `content`: kept from the static page, or asked for.
    pub fn load(content: Arc<LoadedContent>, of: PicturesOf) -> Self {
        let written = RwSignal::new(static_pictures());
        if written.with_untracked(Option::is_none) {
            leptos::task::spawn_local(async move {
                let pictures = pictures_markup(content, of).await;
                written.try_set(Some(pictures));
            });
        }
        Self(written)
    }

    /// The pictures in their place. Until they are written the place is empty (marked for
    /// the build, which draws a page's static copy once its pictures are in,
    /// `scripts/prerender.mjs`), and the page around it works.
    pub fn view(self) -> impl IntoView {
        move || match self.0.get() {
            Some(pictures) => pictures_view(pictures).into_any(),
            None => view! { <div data-pictures-pending="" /> }.into_any(),
        }
    }
}

/// The pictures on the static page the app is taking over, if it has any.
fn static_pictures() -> Option<ItemPictures> {
    let pictures = ItemPictures {
        rank_chart: static_picture(RANK_CHART),
        oecd_table: static_picture(OECD_TABLE),
        map: static_picture(MAP),
    };
    (pictures != ItemPictures::default()).then_some(pictures)
}

/// Each picture's `data-picture` mark, by which the app finds it on a static page.
const RANK_CHART: &str = "rank-chart";
const OECD_TABLE: &str = "oecd-table";
const MAP: &str = "map";

/// The pictures, each in its place: the rank chart, the OECD table (which scrolls sideways
/// on its own when enlarged text makes it wider than the screen), the map.
fn pictures_view(pictures: ItemPictures) -> impl IntoView {
    let ItemPictures {
        rank_chart,
        oecd_table,
        map,
    } = pictures;
    view! {
        {rank_chart
            .map(|markup| {
                view! { <figure class="picture" data-picture=RANK_CHART inner_html=markup /> }
            })}
        {oecd_table
            .map(|markup| {
                view! {
                    <div
                        class="picture table-scroll"
                        data-picture=OECD_TABLE
                        role="region"
                        aria-labelledby="oecd-table-title"
                        tabindex="0"
                        inner_html=markup
                    />
                }
            })}
        {map.map(|markup| view! { <figure class="picture" data-picture=MAP inner_html=markup /> })}
    }
}
