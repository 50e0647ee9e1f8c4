//! Pictures drawn as inline SVG from the content: the UN E-Government Survey rank chart and
//! the schematic map of the BSEC member states. Geometry comes from [`crate::charts`]; this
//! module only draws it, and gives each picture a text alternative (a table or a list) that
//! holds the same facts. Korea's OECD index results are small enough to be a table alone.

use leptos::prelude::*;

use crate::charts::{
    black_sea, fixed, map_tiles, ordinal, rank_chart, score, CHART_HEIGHT, CHART_WIDTH, MAP_HEIGHT,
    MAP_WIDTH,
};
use crate::content::{Catalog, Kind, OecdResult, Rank};
use crate::ui::{href, loaded_content};

/// A coordinate as SVG text, with one decimal (see [`fixed`]: no float formatting code).
fn n(value: f32) -> String {
    fixed(value, 1)
}

fn country_name(catalog: &Catalog, id: &str) -> String {
    catalog
        .get_of_kind(Kind::Country, id)
        .map_or_else(|| id.to_string(), |c| c.title.clone())
}

/// Korea's rank by year, with the participating countries' ranks, and the same numbers as a
/// table.
#[component]
pub fn RankChart(ranks: Vec<Rank>) -> impl IntoView {
    let content = loaded_content();
    let catalog = &content.catalog;
    let Some(chart) = rank_chart(&ranks, &|id| country_name(catalog, id)) else {
        return ().into_any();
    };
    let (left, right, top, bottom) = chart.plot;
    let rows: Vec<(String, String)> = chart
        .series
        .iter()
        .map(|series| {
            let ranks = series
                .points
                .iter()
                .map(|(_, _, year, rank)| format!("{year}: {}", ordinal(*rank)))
                .collect::<Vec<_>>()
                .join(", ");
            (series.label.clone(), ranks)
        })
        .collect();
    view! {
        <figure class="picture">
            <figcaption id="rank-chart-title">
                "Rank in the UN E-Government Survey (EGDI) by year; 1st is at the top"
            </figcaption>
            <svg
                class="rank-chart"
                viewBox=format!("0 0 {} {}", n(CHART_WIDTH), n(CHART_HEIGHT))
                role="img"
                aria-labelledby="rank-chart-title"
                aria-describedby="rank-chart-table"
            >
                {chart
                    .rank_ticks
                    .iter()
                    .map(|(y, rank)| {
                        view! {
                            <line class="grid" x1=n(left) x2=n(right) y1=n(*y) y2=n(*y) />
                            <text class="tick" x=n(left - 4.0) y=n(*y + 3.5) text-anchor="end">
                                {ordinal(*rank)}
                            </text>
                        }
                    })
                    .collect_view()}
                {chart
                    .year_ticks
                    .iter()
                    .map(|(x, year)| {
                        view! {
                            <text class="tick" x=n(*x) y=n(bottom + 16.0) text-anchor="middle">
                                {year.to_string()}
                            </text>
                        }
                    })
                    .collect_view()}
                <line class="axis" x1=n(left) x2=n(left) y1=n(top) y2=n(bottom) />
                {chart
                    .series
                    .iter()
                    .map(|series| {
                        let class = if series.country.is_none() { "series korea" } else { "series" };
                        view! {
                            <g class=class>
                                <path d=series.path() />
                                <path class="leader" d=series.leader() />
                                {series
                                    .points
                                    .iter()
                                    .map(|(x, y, _, _)| view! { <circle cx=n(*x) cy=n(*y) r="3" /> })
                                    .collect_view()}
                                <text class="series-label" x=n(series.label_at.0) y=n(series.label_at.1 + 3.5)>
                                    {series.label.clone()}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
            <table id="rank-chart-table" class="picture-table">
                <caption>"The ranks in the chart"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Country"</th>
                        <th scope="col">"Rank by survey year"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(country, ranks)| {
                            view! {
                                <tr>
                                    <th scope="row">{country}</th>
                                    <td>{ranks}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </figure>
    }
    .into_any()
}

/// Korea's results in the OECD's digital government indices, one row per index and year. The
/// table scrolls sideways on its own when enlarged text makes it wider than the screen.
#[component]
pub fn OecdTable(results: Vec<OecdResult>) -> impl IntoView {
    view! {
        <div class="picture table-scroll" role="region" aria-labelledby="oecd-table-title" tabindex="0">
            <table class="picture-table oecd-table">
                <caption id="oecd-table-title">"Korea in the OECD's digital government indices"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Index"</th>
                        <th scope="col">"Year"</th>
                        <th scope="col">"Korea's rank"</th>
                        <th scope="col">"Score (out of 1)"</th>
                        <th scope="col">"OECD average"</th>
                    </tr>
                </thead>
                <tbody>
                    {results
                        .into_iter()
                        .map(|result| {
                            let rank = match result.of {
                                Some(of) => format!("{} of {of}", ordinal(result.rank)),
                                None => ordinal(result.rank),
                            };
                            view! {
                                <tr>
                                    <th scope="row">
                                        <abbr title=result.index.name()>{result.index.code()}</abbr>
                                    </th>
                                    <td class="number">{result.year.to_string()}</td>
                                    <td class="number">{rank}</td>
                                    <td class="number">{score(result.score)}</td>
                                    <td class="number">
                                        {result.oecd_average.map_or_else(|| "not given".to_string(), score)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The BSEC member states on a schematic map, each linking to its page, with `selected`
/// highlighted (`what` says why, e.g. "took part in this edition"), and a list with the same
/// information.
#[component]
pub fn BsecMap(selected: Vec<String>, what: &'static str) -> impl IntoView {
    let content = loaded_content();
    let catalog = &content.catalog;
    let tiles: Vec<_> = map_tiles()
        .into_iter()
        .filter_map(|tile| {
            let country = catalog.get_of_kind(Kind::Country, tile.country)?;
            Some((tile, country.title.clone(), country.path()))
        })
        .collect();
    if tiles.is_empty() {
        return ().into_any();
    }
    let (sea_x, sea_y, sea_w, sea_h) = black_sea();
    let mut chosen: Vec<(String, String)> = tiles
        .iter()
        .filter(|(tile, _, _)| selected.iter().any(|s| s == tile.country))
        .map(|(_, name, path)| (name.clone(), path.clone()))
        .collect();
    crate::sort::sort_by(&mut chosen, &|a, b| a.0.cmp(&b.0));
    view! {
        <figure class="picture">
            <figcaption id="bsec-map-title">
                "The BSEC member states around the Black Sea (a schematic map, not to scale)"
                {(!chosen.is_empty()).then(|| format!("; highlighted: {what}"))}
            </figcaption>
            <svg
                class="bsec-map"
                viewBox=format!("0 0 {} {}", n(MAP_WIDTH), n(MAP_HEIGHT))
                aria-labelledby="bsec-map-title"
            >
                <rect class="sea" x=n(sea_x) y=n(sea_y) width=n(sea_w) height=n(sea_h) rx="10" />
                <text class="sea-label" x=n(sea_x + sea_w / 2.0) y=n(sea_y + sea_h / 2.0 + 4.0) text-anchor="middle">
                    "Black Sea"
                </text>
                {tiles
                    .into_iter()
                    .map(|(tile, name, path)| {
                        let picked = selected.iter().any(|s| s == tile.country);
                        let (x, y, w, h) = tile.rect;
                        let label = tile.name_lines(&name);
                        // The `g` makes the macro build an SVG link, not an HTML one.
                        view! {
                            <g>
                            <a
                                href=href(&path)
                                class=if picked { "tile is-selected" } else { "tile" }
                            >
                                <rect x=n(x) y=n(y) width=n(w) height=n(h) rx="6" />
                                <text x=n(tile.centre.0) y=n(label.first_line_y) text-anchor="middle">
                                    {label
                                        .lines
                                        .into_iter()
                                        .map(|line| {
                                            let squeeze = line.squeeze_to.map(n);
                                            view! {
                                                <tspan
                                                    x=n(tile.centre.0)
                                                    dy=n(line.dy)
                                                    textLength=squeeze.clone()
                                                    lengthAdjust=squeeze.map(|_| "spacingAndGlyphs")
                                                >
                                                    {line.text}
                                                </tspan>
                                            }
                                        })
                                        .collect_view()}
                                </text>
                            </a>
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
            {(!chosen.is_empty())
                .then(|| {
                    view! {
                        <p class="picture-list">
                            {format!("Highlighted ({what}): ")}
                            {chosen
                                .into_iter()
                                .enumerate()
                                .map(|(i, (name, path))| {
                                    view! {
                                        {(i > 0).then_some(", ")}
                                        <a href=href(&path)>{name}</a>
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })}
        </figure>
    }
    .into_any()
}
