//! The content's pictures as markup (HTML with inline SVG, [`crate::markup`]): the UN
//! E-Government Survey rank chart, Korea's OECD index results and the schematic map of the
//! BSEC member states. Geometry comes from [`crate::charts`]; this module writes it out, and
//! gives each picture a text alternative (a table or a list) that holds the same facts.
//!
//! Which pictures a page shows and their markup from the catalog ([`has_pictures`],
//! [`item_pictures`], [`countries_map`]): the app writes them with code of their own, fetched
//! for the few pages that show one.
//!
//! Not the page around them, and no colours: the stylesheet styles the classes written here
//! (`.rank-chart`, `.bsec-map`, `.picture-table`).

use crate::charts::{
    black_sea, fixed, map_tiles, ordinal, rank_chart, score, MapTile, CHART_HEIGHT, CHART_WIDTH,
    MAP_HEIGHT, MAP_WIDTH,
};
use crate::content::{Catalog, Item, Kind, OecdResult, Rank};
use crate::item_text::LinkOf;
use crate::markup::Markup;

/// An item's pictures as markup, each `None` where the item has none: the rank chart and the
/// map go inside a `<figure>`, the OECD table inside its scrolling region.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemPictures {
    /// The UN E-Government Survey ranks ([`rank_chart_markup`]).
    pub rank_chart: Option<String>,
    /// Korea's OECD index results ([`oecd_table_markup`]).
    pub oecd_table: Option<String>,
    /// The member states, the edition's or the country itself highlighted
    /// ([`bsec_map_markup`]).
    pub map: Option<String>,
}

/// The map an item's page shows: an edition's countries (when it names any), or a country
/// itself, with what the highlight means.
fn map_of(item: &Item) -> Option<(&[String], &'static str)> {
    match item.kind {
        Kind::Edition if !item.countries.is_empty() => {
            Some((&item.countries, "took part in this edition"))
        }
        Kind::Country => Some((std::slice::from_ref(&item.id), "this country")),
        _ => None,
    }
}

/// Whether the item's page shows a picture.
pub fn has_pictures(item: &Item) -> bool {
    !item.un_egov_ranks.is_empty() || !item.oecd_indices.is_empty() || map_of(item).is_some()
}

/// The item's pictures, with the countries they name as the catalog calls them, each
/// linked by `link_of`.
pub fn item_pictures(catalog: &Catalog, item: &Item, link_of: LinkOf<'_>) -> ItemPictures {
    let name = |id: &str| {
        catalog
            .get_of_kind(Kind::Country, id)
            .map_or_else(|| id.to_string(), |country| country.title.clone())
    };
    ItemPictures {
        rank_chart: rank_chart_markup(&item.un_egov_ranks, &name),
        oecd_table: (!item.oecd_indices.is_empty()).then(|| oecd_table_markup(&item.oecd_indices)),
        map: map_of(item).and_then(|(selected, what)| {
            bsec_map_markup(&map_countries(catalog, link_of), selected, what)
        }),
    }
}

/// The map of every member state, none highlighted, for the list of countries.
pub fn countries_map(catalog: &Catalog, link_of: LinkOf<'_>) -> Option<String> {
    bsec_map_markup(&map_countries(catalog, link_of), &[], "")
}

/// The member states the catalog has a page for, on their tiles.
fn map_countries(catalog: &Catalog, link_of: LinkOf<'_>) -> Vec<MapCountry> {
    map_tiles()
        .into_iter()
        .filter_map(|tile| {
            let country = catalog.get_of_kind(Kind::Country, tile.country)?;
            Some(MapCountry {
                name: country.title.clone(),
                href: link_of(country),
                tile,
            })
        })
        .collect()
}

/// A coordinate as SVG text, with one decimal (see [`fixed`]: no float formatting code).
fn n(value: f32) -> String {
    fixed(value, 1)
}

/// The inside of the rank chart's `<figure>`: its caption, Korea's rank by year with the
/// other countries' ranks as an SVG chart, and the same numbers as a table. `name` gives a
/// country id's display name. `None` when there is nothing to draw.
pub fn rank_chart_markup(ranks: &[Rank], name: &dyn Fn(&str) -> String) -> Option<String> {
    let chart = rank_chart(ranks, name)?;
    let (left, right, top, bottom) = chart.plot;
    let mut out = Markup::new();
    out.element(
        "figcaption",
        &[("id", "rank-chart-title")],
        "Rank in the UN E-Government Survey (EGDI) by year; 1st is at the top",
    );
    let view_box = format!("0 0 {} {}", n(CHART_WIDTH), n(CHART_HEIGHT));
    out.open(
        "svg",
        &[
            ("class", "rank-chart"),
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-labelledby", "rank-chart-title"),
            ("aria-describedby", "rank-chart-table"),
        ],
    );
    let (left_x, right_x, tick_x) = (n(left), n(right), n(left - 4.0));
    for (y, rank) in &chart.rank_ticks {
        let (line_y, text_y) = (n(*y), n(*y + 3.5));
        out.empty(
            "line",
            &[
                ("class", "grid"),
                ("x1", &left_x),
                ("x2", &right_x),
                ("y1", &line_y),
                ("y2", &line_y),
            ],
        );
        out.element(
            "text",
            &[
                ("class", "tick"),
                ("x", &tick_x),
                ("y", &text_y),
                ("text-anchor", "end"),
            ],
            &ordinal(*rank),
        );
    }
    let year_y = n(bottom + 16.0);
    for (x, year) in &chart.year_ticks {
        out.element(
            "text",
            &[
                ("class", "tick"),
                ("x", &n(*x)),
                ("y", &year_y),
                ("text-anchor", "middle"),
            ],
            &year.to_string(),
        );
    }
    out.empty(
        "line",
        &[
            ("class", "axis"),
            ("x1", &left_x),
            ("x2", &left_x),
            ("y1", &n(top)),
            ("y2", &n(bottom)),
        ],
    );
    for series in &chart.series {
        let class = if series.country.is_none() {
            "series korea"
        } else {
            "series"
        };
        out.open("g", &[("class", class)]);
        out.empty("path", &[("d", &series.path())]);
        out.empty("path", &[("class", "leader"), ("d", &series.leader())]);
        for (x, y, _, _) in &series.points {
            out.empty("circle", &[("cx", &n(*x)), ("cy", &n(*y)), ("r", "3")]);
        }
        let (label_x, label_y) = (n(series.label_at.0), n(series.label_at.1 + 3.5));
        let mut label = vec![("class", "series-label"), ("x", &label_x), ("y", &label_y)];
        let squeeze = series.label_squeeze.map(n);
        if let Some(width) = &squeeze {
            label.extend([
                ("textLength", width.as_str()),
                ("lengthAdjust", "spacingAndGlyphs"),
            ]);
        }
        out.element("text", &label, &series.label);
        out.close("g");
    }
    out.close("svg");
    // The table scrolls inside its own box when enlarged text makes it wider than the page.
    out.open(
        "div",
        &[
            ("class", "table-scroll"),
            ("role", "region"),
            ("aria-labelledby", "rank-chart-table-title"),
            ("tabindex", "0"),
        ],
    );
    out.open(
        "table",
        &[("id", "rank-chart-table"), ("class", "picture-table")],
    );
    out.element(
        "caption",
        &[("id", "rank-chart-table-title")],
        "The ranks in the chart",
    );
    header_row(&mut out, &["Country", "Rank by survey year"]);
    out.open("tbody", &[]);
    for series in &chart.series {
        let ranks = series
            .points
            .iter()
            .map(|(_, _, year, rank)| format!("{year}: {}", ordinal(*rank)))
            .collect::<Vec<_>>()
            .join(", ");
        out.open("tr", &[]);
        out.element("th", &[("scope", "row")], &series.label);
        out.element("td", &[], &ranks);
        out.close("tr");
    }
    out.close("tbody");
    out.close("table");
    out.close("div");
    Some(out.finish())
}

/// The inside of the OECD results' scrolling region: a table of Korea's results in the
/// OECD's digital government indices, one row per index and year.
pub fn oecd_table_markup(results: &[OecdResult]) -> String {
    let mut out = Markup::new();
    out.open("table", &[("class", "picture-table oecd-table")]);
    out.element(
        "caption",
        &[("id", "oecd-table-title")],
        "Korea in the OECD's digital government indices",
    );
    header_row(
        &mut out,
        &[
            "Index",
            "Year",
            "Korea's rank",
            "Score (out of 1)",
            "OECD average",
        ],
    );
    out.open("tbody", &[]);
    let number = [("class", "number")];
    for result in results {
        let rank = match result.of {
            Some(of) => format!("{} of {of}", ordinal(result.rank)),
            None => ordinal(result.rank),
        };
        out.open("tr", &[]);
        out.open("th", &[("scope", "row")]);
        out.element(
            "abbr",
            &[("title", result.index.name())],
            result.index.code(),
        );
        out.close("th");
        out.element("td", &number, &result.year.to_string());
        out.element("td", &number, &rank);
        out.element("td", &number, &score(result.score));
        let average = result
            .oecd_average
            .map_or_else(|| "not given".to_string(), score);
        out.element("td", &number, &average);
        out.close("tr");
    }
    out.close("tbody");
    out.close("table");
    out.finish()
}

/// A table's head: one row of column headers.
fn header_row(out: &mut Markup, headers: &[&str]) {
    out.open("thead", &[]);
    out.open("tr", &[]);
    for header in headers {
        out.element("th", &[("scope", "col")], header);
    }
    out.close("tr");
    out.close("thead");
}

/// A member state on the map: its tile, its name and its page's address.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCountry {
    /// Where it goes.
    pub tile: MapTile,
    /// Its name.
    pub name: String,
    /// Its page's address, as a link's `href`.
    pub href: String,
}

/// The inside of the map's `<figure>`: its caption, the member states on a schematic map,
/// each linking to its page, with the `selected` country ids highlighted (`what` says why,
/// e.g. "took part in this edition"), and a list with the same information. `None` when no
/// country is known.
pub fn bsec_map_markup(
    countries: &[MapCountry],
    selected: &[String],
    what: &str,
) -> Option<String> {
    if countries.is_empty() {
        return None;
    }
    let is_selected = |country: &MapCountry| selected.iter().any(|s| s == country.tile.country);
    let mut chosen: Vec<&MapCountry> = countries.iter().filter(|c| is_selected(c)).collect();
    crate::sort::sort_by(&mut chosen, &|a, b| a.name.cmp(&b.name));
    let mut out = Markup::new();
    out.open("figcaption", &[("id", "bsec-map-title")]);
    out.text("The BSEC member states around the Black Sea (a schematic map, not to scale)");
    if !chosen.is_empty() {
        out.text("; highlighted: ");
        out.text(what);
    }
    out.close("figcaption");
    let view_box = format!("0 0 {} {}", n(MAP_WIDTH), n(MAP_HEIGHT));
    out.open(
        "svg",
        &[
            ("class", "bsec-map"),
            ("viewBox", &view_box),
            ("aria-labelledby", "bsec-map-title"),
        ],
    );
    let (sea_x, sea_y, sea_w, sea_h) = black_sea();
    out.empty(
        "rect",
        &[
            ("class", "sea"),
            ("x", &n(sea_x)),
            ("y", &n(sea_y)),
            ("width", &n(sea_w)),
            ("height", &n(sea_h)),
            ("rx", "10"),
        ],
    );
    out.element(
        "text",
        &[
            ("class", "sea-label"),
            ("x", &n(sea_x + sea_w / 2.0)),
            ("y", &n(sea_y + sea_h / 2.0 + 4.0)),
            ("text-anchor", "middle"),
        ],
        "Black Sea",
    );
    for country in countries {
        let tile = &country.tile;
        let class = if is_selected(country) {
            "tile is-selected"
        } else {
            "tile"
        };
        out.open("a", &[("href", &country.href), ("class", class)]);
        let (x, y, w, h) = tile.rect;
        out.empty(
            "rect",
            &[
                ("x", &n(x)),
                ("y", &n(y)),
                ("width", &n(w)),
                ("height", &n(h)),
                ("rx", "6"),
            ],
        );
        let label = tile.name_lines(&country.name);
        let centre_x = n(tile.centre.0);
        out.open(
            "text",
            &[
                ("x", &centre_x),
                ("y", &n(label.first_line_y)),
                ("text-anchor", "middle"),
            ],
        );
        for line in &label.lines {
            let dy = n(line.dy);
            match line.squeeze_to.map(n) {
                Some(width) => out.element(
                    "tspan",
                    &[
                        ("x", &centre_x),
                        ("dy", &dy),
                        ("textLength", &width),
                        ("lengthAdjust", "spacingAndGlyphs"),
                    ],
                    &line.text,
                ),
                None => out.element("tspan", &[("x", &centre_x), ("dy", &dy)], &line.text),
            }
        }
        out.close("text");
        out.close("a");
    }
    out.close("svg");
    if !chosen.is_empty() {
        out.open("p", &[("class", "picture-list")]);
        out.text("Highlighted (");
        out.text(what);
        out.text("): ");
        for (i, country) in chosen.iter().enumerate() {
            if i > 0 {
                out.text(", ");
            }
            out.element("a", &[("href", &country.href)], &country.name);
        }
        out.close("p");
    }
    Some(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::map_tiles;
    use crate::charts::tests::rank;
    use crate::content::OecdIndex;

    fn count(text: &str, part: &str) -> usize {
        text.matches(part).count()
    }

    #[test]
    fn the_rank_chart_draws_each_rank_once_and_lists_it_in_its_table() {
        let ranks = [
            rank(2010, 1, None),
            rank(2016, 3, None),
            rank(2016, 43, Some("greece")),
        ];
        let markup = rank_chart_markup(&ranks, &|id| format!("<{id}>")).expect("a chart");
        assert!(markup.starts_with("<figcaption id=\"rank-chart-title\">"));
        assert!(markup.contains(
            "<svg class=\"rank-chart\" viewBox=\"0 0 360.0 270.0\" role=\"img\" \
             aria-labelledby=\"rank-chart-title\" aria-describedby=\"rank-chart-table\">"
        ));
        assert_eq!(count(&markup, "<circle "), 3);
        assert_eq!(count(&markup, "<g class=\"series korea\">"), 1);
        assert_eq!(count(&markup, "<g class=\"series\">"), 1);
        // A country's name is text, escaped.
        assert!(markup.contains(">&lt;greece&gt;</text>"));
        // A label longer than the room right of the plot is squeezed into it.
        let long = rank_chart_markup(&ranks, &|_| "North Macedonia".to_string()).expect("a chart");
        assert!(long.contains(
            " textLength=\"78.0\" lengthAdjust=\"spacingAndGlyphs\">North Macedonia</text>"
        ));
        assert!(
            markup.contains("<tr><th scope=\"row\">Korea</th><td>2010: 1st, 2016: 3rd</td></tr>")
        );
        assert!(
            markup.contains("<tr><th scope=\"row\">&lt;greece&gt;</th><td>2016: 43rd</td></tr>")
        );
        assert!(markup.ends_with("</tbody></table></div>"));
        assert_eq!(rank_chart_markup(&[], &|id| id.to_string()), None);
    }

    #[test]
    fn the_oecd_table_has_a_row_per_result_with_what_the_sources_leave_out_said() {
        let results = [OecdResult {
            index: OecdIndex::Dgi,
            year: 2019,
            rank: 1,
            of: Some(33),
            score: 0.742,
            oecd_average: None,
            facts: vec!["F-001".to_string()],
        }];
        let markup = oecd_table_markup(&results);
        assert!(markup.contains("<caption id=\"oecd-table-title\">Korea in the OECD&#39;s"));
        assert!(markup.contains(&format!(
            "<tr><th scope=\"row\"><abbr title=\"{}\">DGI</abbr></th><td class=\"number\">2019</td>\
             <td class=\"number\">1st of 33</td><td class=\"number\">0.742</td>\
             <td class=\"number\">not given</td></tr>",
            OecdIndex::Dgi.name()
        )));
    }

    fn countries() -> Vec<MapCountry> {
        map_tiles()
            .into_iter()
            .map(|tile| MapCountry {
                name: if tile.country == "north-macedonia" {
                    "North Macedonia".to_string()
                } else {
                    tile.country.to_string()
                },
                href: format!("/egov/countries/{}?a=1&b=2", tile.country),
                tile,
            })
            .collect()
    }

    #[test]
    fn the_map_links_every_country_and_highlights_and_lists_the_selected_ones() {
        let selected = ["romania".to_string(), "georgia".to_string()];
        let markup = bsec_map_markup(&countries(), &selected, "took part").expect("a map");
        assert_eq!(count(&markup, "<a href=\"/egov/countries/"), 13 + 2);
        assert_eq!(count(&markup, "class=\"tile is-selected\""), 2);
        assert!(markup.contains(
            "<a href=\"/egov/countries/romania?a=1&amp;b=2\" class=\"tile is-selected\">"
        ));
        assert!(markup.contains("; highlighted: took part</figcaption>"));
        // Listed by name.
        assert!(markup.ends_with(
            "<p class=\"picture-list\">Highlighted (took part): \
             <a href=\"/egov/countries/georgia?a=1&amp;b=2\">georgia</a>, \
             <a href=\"/egov/countries/romania?a=1&amp;b=2\">romania</a></p>"
        ));
        // A name of two words is two lines, read as one name.
        assert!(markup.contains(">North </tspan><tspan "));
    }

    #[test]
    fn the_map_without_a_selection_has_no_list_and_without_countries_is_not_drawn() {
        let markup = bsec_map_markup(&countries(), &[], "").expect("a map");
        assert!(markup.contains("not to scale)</figcaption>"));
        assert!(markup.ends_with("</svg>"));
        assert!(!markup.contains("is-selected"));
        assert_eq!(bsec_map_markup(&[], &[], ""), None);
    }
}
