//! Chart geometry: where the points, lines, ticks and labels of a picture go, computed from
//! the content so the UI only draws what it is given.
//!
//! Pure: numbers and labels in, coordinates out, in the units of an SVG `viewBox`. It knows
//! nothing of colours, markup or the browser. Two pictures live here: the UN E-Government
//! Survey rank chart ([`rank_chart`]) and the schematic map of the BSEC member states
//! ([`BSEC_MAP`], [`map_tiles`]).

use crate::content::Rank;

/// Size of the rank chart's `viewBox`.
pub const CHART_WIDTH: f32 = 360.0;
/// Height of the rank chart's `viewBox`.
pub const CHART_HEIGHT: f32 = 270.0;
const PLOT_LEFT: f32 = 34.0;
const PLOT_RIGHT: f32 = 270.0;
const PLOT_TOP: f32 = 12.0;
const PLOT_BOTTOM: f32 = 242.0;
/// How far right of the plot the labels start.
const LABEL_INDENT: f32 = 10.0;
/// Least vertical distance between two end labels, so they never overlap.
const LABEL_GAP: f32 = 11.0;
/// Room kept free between an end label and the chart's right edge.
const LABEL_MARGIN: f32 = 2.0;
/// Rank ticks on the (logarithmic) vertical axis.
const RANK_TICKS: [u16; 8] = [1, 2, 5, 10, 20, 50, 100, 200];

/// One ranked country's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The country item id, or `None` for Korea.
    pub country: Option<String>,
    /// Its name, as shown at the end of the line.
    pub label: String,
    /// Its points in year order: `(x, y, year, rank)`.
    pub points: Vec<(f32, f32, u16, u16)>,
    /// Where the end label goes: in a column right of the plot, level with the last point
    /// unless that would overlap another label. A leader line joins it to the last point.
    pub label_at: (f32, f32),
    /// When the label is too long for the room right of the plot: the width to squeeze it
    /// into, so it is not cut off at the chart's edge.
    pub label_squeeze: Option<f32>,
}

impl Series {
    /// The line through the points as SVG path data (`M x y L x y …`).
    pub fn path(&self) -> String {
        let mut path = String::new();
        for (i, (x, y, _, _)) in self.points.iter().enumerate() {
            let command = if i == 0 { 'M' } else { 'L' };
            path.push_str(&format!("{command}{} {} ", fixed(*x, 1), fixed(*y, 1)));
        }
        path.trim_end().to_string()
    }

    /// The leader line from the last point to the label, as SVG path data.
    pub fn leader(&self) -> String {
        let (x, y, _, _) = self.points[self.points.len() - 1];
        let (lx, ly) = self.label_at;
        format!(
            "M{} {} L{} {}",
            fixed(x, 1),
            fixed(y, 1),
            fixed(lx - 3.0, 1),
            fixed(ly, 1)
        )
    }
}

/// The rank chart: years across, rank down on a logarithmic scale (1st at the top, where a
/// difference between 1st and 3rd matters more than between 61st and 63rd).
#[derive(Debug, Clone, PartialEq)]
pub struct RankChart {
    /// Vertical ticks: `(y, rank)`.
    pub rank_ticks: Vec<(f32, u16)>,
    /// Horizontal ticks: `(x, year)`.
    pub year_ticks: Vec<(f32, u16)>,
    /// Korea first, then the other countries by name.
    pub series: Vec<Series>,
    /// Left, right, top and bottom edges of the plotting area.
    pub plot: (f32, f32, f32, f32),
}

/// The chart of `ranks`; `name` gives a country id's display name. `None` when there is
/// nothing to draw.
pub fn rank_chart(ranks: &[Rank], name: &dyn Fn(&str) -> String) -> Option<RankChart> {
    let first_year = ranks.iter().map(|r| r.year).min()?;
    let last_year = ranks.iter().map(|r| r.year).max()?;
    let worst = ranks.iter().map(|r| r.rank).max()?;
    let bottom_rank = RANK_TICKS
        .iter()
        .copied()
        .find(|t| *t >= worst)
        .unwrap_or(worst)
        .max(10);
    let span = f32::from(last_year - first_year).max(1.0);
    let x = |year: u16| PLOT_LEFT + f32::from(year - first_year) / span * (PLOT_RIGHT - PLOT_LEFT);
    let y = |rank: u16| {
        let share = f32::from(rank).ln() / f32::from(bottom_rank).ln();
        PLOT_TOP + share * (PLOT_BOTTOM - PLOT_TOP)
    };

    let mut countries: Vec<Option<&str>> = Vec::new();
    for rank in ranks {
        if !countries.contains(&rank.country.as_deref()) {
            countries.push(rank.country.as_deref());
        }
    }
    let mut series: Vec<Series> = countries
        .into_iter()
        .map(|country| {
            let points: Vec<(f32, f32, u16, u16)> = ranks
                .iter()
                .filter(|r| r.country.as_deref() == country)
                .map(|r| (x(r.year), y(r.rank), r.year, r.rank))
                .collect();
            let last = points[points.len() - 1];
            let label = country.map_or_else(|| "Korea".to_string(), name);
            let room = CHART_WIDTH - PLOT_RIGHT - LABEL_INDENT - LABEL_MARGIN;
            let label_squeeze = squeeze_to(&label, room);
            Series {
                country: country.map(str::to_string),
                label,
                points,
                label_at: (PLOT_RIGHT + LABEL_INDENT, last.1),
                label_squeeze,
            }
        })
        .collect();
    crate::sort::sort_by(&mut series, &|a, b| {
        (a.country.is_some(), &a.label).cmp(&(b.country.is_some(), &b.label))
    });
    spread_labels(&mut series);

    let rank_ticks = RANK_TICKS
        .iter()
        .filter(|t| **t <= bottom_rank)
        .map(|t| (y(*t), *t))
        .collect();
    let mut year_ticks: Vec<(f32, u16)> = (first_year..=last_year)
        .filter(|year| year % 5 == 0)
        .map(|year| (x(year), year))
        .collect();
    if year_ticks.is_empty() {
        year_ticks.push((x(first_year), first_year));
    }
    Some(RankChart {
        rank_ticks,
        year_ticks,
        series,
        plot: (PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM),
    })
}

/// Moves end labels apart vertically (keeping their order) so no two overlap, and keeps
/// them inside the chart.
fn spread_labels(series: &mut [Series]) {
    let mut order: Vec<usize> = (0..series.len()).collect();
    crate::sort::sort_by(&mut order, &|a, b| {
        series[*a].label_at.1.total_cmp(&series[*b].label_at.1)
    });
    let mut previous: Option<f32> = None;
    for &i in &order {
        let mut at = series[i].label_at.1.max(PLOT_TOP);
        if let Some(above) = previous {
            at = at.max(above + LABEL_GAP);
        }
        series[i].label_at.1 = at;
        previous = Some(at);
    }
    // If the lowest label fell off the bottom, shift the stack up.
    let overflow = previous.map_or(0.0, |lowest| lowest - (CHART_HEIGHT - 4.0));
    if overflow > 0.0 {
        for s in series.iter_mut() {
            s.label_at.1 -= overflow;
        }
    }
}

/// Size of the map's `viewBox`.
pub const MAP_WIDTH: f32 = 352.0;
/// Height of the map's `viewBox`.
pub const MAP_HEIGHT: f32 = 178.0;
const TILE: f32 = 54.0;
const TILE_GAP: f32 = 4.0;

/// The thirteen BSEC member states on a schematic six-by-three grid around the Black Sea,
/// each at `(id, column, row, width in tiles)`: roughly where they lie, not their shapes or
/// sizes.
pub const BSEC_MAP: [(&str, u8, u8, u8); 13] = [
    ("serbia", 0, 0, 1),
    ("romania", 1, 0, 1),
    ("moldova", 2, 0, 1),
    ("ukraine", 3, 0, 2),
    ("russia", 5, 0, 1),
    ("north-macedonia", 0, 1, 1),
    ("bulgaria", 1, 1, 1),
    ("georgia", 4, 1, 1),
    ("azerbaijan", 5, 1, 1),
    ("albania", 0, 2, 1),
    ("greece", 1, 2, 1),
    ("turkiye", 2, 2, 2),
    ("armenia", 4, 2, 1),
];

/// A country's tile on the map: its rectangle and where its name goes.
#[derive(Debug, Clone, PartialEq)]
pub struct MapTile {
    /// The country item id.
    pub country: &'static str,
    /// Left, top, width and height.
    pub rect: (f32, f32, f32, f32),
    /// The centre, for the name.
    pub centre: (f32, f32),
}

/// Every member state's tile, in the order of [`BSEC_MAP`].
pub fn map_tiles() -> Vec<MapTile> {
    let origin = (
        (MAP_WIDTH - 6.0 * (TILE + TILE_GAP) + TILE_GAP) / 2.0,
        (MAP_HEIGHT - 3.0 * (TILE + TILE_GAP) + TILE_GAP) / 2.0,
    );
    BSEC_MAP
        .iter()
        .map(|(country, column, row, wide)| {
            let left = origin.0 + f32::from(*column) * (TILE + TILE_GAP);
            let top = origin.1 + f32::from(*row) * (TILE + TILE_GAP);
            let width = f32::from(*wide) * TILE + f32::from(wide - 1) * TILE_GAP;
            MapTile {
                country,
                rect: (left, top, width, TILE),
                centre: (left + width / 2.0, top + TILE / 2.0),
            }
        })
        .collect()
}

/// Height of one line of a tile's name, in map units (the names are 10 px).
const NAME_LINE_HEIGHT: f32 = 12.0;
/// How far below a line's middle its baseline sits (about 0.4 em at 10 px).
const NAME_BASELINE: f32 = 4.0;
/// Width of a letter of a tile's name or a chart's label, about 0.6 em at 10 px.
const NAME_CHAR_WIDTH: f32 = 6.0;
/// Room kept free across a tile, left and right together.
const NAME_PADDING: f32 = 6.0;

/// `room`, when a 10 px `text` is estimated wider than it: the width to squeeze the text
/// into (SVG's `textLength`); `None` when it fits.
fn squeeze_to(text: &str, room: f32) -> Option<f32> {
    (text.chars().count() as f32 * NAME_CHAR_WIDTH > room).then_some(room)
}

/// One line of a tile's name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameLine {
    /// The text; every line but the last ends with a space, so the lines read as the name
    /// (the link's accessible name is their text run together).
    pub text: String,
    /// How far below the previous line it starts (0 for the first).
    pub dy: f32,
    /// When the line is too long for its tile: the width to squeeze it into.
    pub squeeze_to: Option<f32>,
}

/// A country's name laid out on its tile: one word per line, centred on the tile.
#[derive(Debug, Clone, PartialEq)]
pub struct TileName {
    /// Where the first line's baseline goes.
    pub first_line_y: f32,
    /// The lines, top down.
    pub lines: Vec<NameLine>,
}

impl MapTile {
    /// `name` laid out on this tile: a word per line, the block centred vertically, a word
    /// wider than the tile squeezed to fit it.
    pub fn name_lines(&self, name: &str) -> TileName {
        let words: Vec<&str> = name.split(' ').collect();
        let room = self.rect.2 - NAME_PADDING;
        let lines: Vec<NameLine> = words
            .iter()
            .enumerate()
            .map(|(i, word)| NameLine {
                text: if i + 1 < words.len() {
                    format!("{word} ")
                } else {
                    word.to_string()
                },
                dy: if i == 0 { 0.0 } else { NAME_LINE_HEIGHT },
                squeeze_to: squeeze_to(word, room),
            })
            .collect();
        let first_line_y =
            self.centre.1 + NAME_BASELINE - NAME_LINE_HEIGHT / 2.0 * (lines.len() as f32 - 1.0);
        TileName {
            first_line_y,
            lines,
        }
    }
}

/// An English ordinal: "1st", "2nd", "3rd", "11th", "43rd".
pub fn ordinal(n: u16) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `value` with exactly `places` decimals, rounded half away from zero ("12.0", "0.742"),
/// like `format!("{value:.places$}")` but with integer arithmetic: Rust's float formatting
/// is about 16 KB of WebAssembly, and every number the app writes (picture coordinates,
/// scores, megabytes) goes through here instead.
pub fn fixed(value: impl Into<f64>, places: u32) -> String {
    let value: f64 = value.into();
    if !value.is_finite() {
        return "0".into();
    }
    let scale = 10u64.pow(places.min(9));
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
    }
}

/// `value` with at most `places` decimals, trailing zeros dropped ("74.2", "-0.1", "3"):
/// [`fixed`], for messages that quote a number as it was written.
pub fn trimmed(value: impl Into<f64>, places: u32) -> String {
    let text = fixed(value, places);
    if !text.contains('.') {
        return text;
    }
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A score out of 1 as a table shows it: two decimals at least, three where the third is not
/// zero ("0.742", "0.60", "1.00"), so a column of scores lines up as the sources write them.
pub fn score(value: f64) -> String {
    let three = fixed(value, 3);
    match three.strip_suffix('0') {
        Some(two) => two.to_string(),
        None => three,
    }
}

/// Where the Black Sea sits on the map: the gap between the tiles, `(x, y, width, height)`.
pub fn black_sea() -> (f32, f32, f32, f32) {
    let tiles = map_tiles();
    let bulgaria = tiles.iter().find(|t| t.country == "bulgaria");
    let georgia = tiles.iter().find(|t| t.country == "georgia");
    match (bulgaria, georgia) {
        (Some(b), Some(g)) => {
            let left = b.rect.0 + b.rect.2 + TILE_GAP;
            (left, b.rect.1, g.rect.0 - TILE_GAP - left, b.rect.3)
        }
        _ => (0.0, 0.0, 0.0, 0.0),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A rank from the fact sheet, for tests.
    pub(crate) fn rank(year: u16, rank: u16, country: Option<&str>) -> Rank {
        Rank {
            year,
            rank,
            country: country.map(str::to_string),
            facts: vec!["F-131".to_string()],
        }
    }

    fn names(id: &str) -> String {
        id.to_uppercase()
    }

    #[test]
    fn draws_nothing_without_ranks() {
        assert_eq!(rank_chart(&[], &names), None);
    }

    #[test]
    fn puts_first_place_at_the_top_and_later_years_to_the_right() {
        let ranks = [
            rank(2010, 1, None),
            rank(2016, 3, None),
            rank(2024, 4, None),
        ];
        let chart = rank_chart(&ranks, &names).expect("a chart");
        let korea = &chart.series[0];
        assert_eq!(korea.label, "Korea");
        let (x0, y0, _, _) = korea.points[0];
        let (x1, y1, _, _) = korea.points[1];
        assert!(x1 > x0, "2016 right of 2010");
        assert!(y1 > y0, "3rd below 1st");
        assert!((y0 - chart.plot.2).abs() < 0.01, "1st on the top edge");
        assert!(korea.path().starts_with("M34.0 12.0 L"));
    }

    #[test]
    fn the_rank_axis_reaches_past_the_worst_rank() {
        let ranks = [rank(2016, 3, None), rank(2016, 75, Some("romania"))];
        let chart = rank_chart(&ranks, &names).expect("a chart");
        let ticks: Vec<u16> = chart.rank_ticks.iter().map(|t| t.1).collect();
        assert_eq!(ticks, [1, 2, 5, 10, 20, 50, 100]);
        let romania = chart
            .series
            .iter()
            .find(|s| s.label == "ROMANIA")
            .expect("romania");
        assert!(romania.points[0].1 < chart.plot.3, "75th above the bottom");
    }

    #[test]
    fn a_label_too_long_for_the_room_right_of_the_plot_is_squeezed_into_it() {
        let ranks = [rank(2016, 3, None), rank(2016, 60, Some("north-macedonia"))];
        let chart = rank_chart(&ranks, &|_| "North Macedonia".to_string()).expect("a chart");
        let (korea, long) = (&chart.series[0], &chart.series[1]);
        assert_eq!(korea.label_squeeze, None);
        let room = long.label_squeeze.expect("squeezed");
        assert!(
            long.label_at.0 + room <= CHART_WIDTH,
            "ends inside the chart"
        );
        assert!(room < 15.0 * NAME_CHAR_WIDTH);
    }

    #[test]
    fn korea_comes_first_then_countries_by_name() {
        let ranks = [
            rank(2016, 43, Some("greece")),
            rank(2016, 3, None),
            rank(2016, 52, Some("bulgaria")),
        ];
        let chart = rank_chart(&ranks, &names).expect("a chart");
        let labels: Vec<&str> = chart.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Korea", "BULGARIA", "GREECE"]);
    }

    #[test]
    fn end_labels_never_overlap() {
        let ranks = [
            rank(2020, 61, Some("turkiye")),
            rank(2020, 68, Some("armenia")),
            rank(2020, 70, Some("azerbaijan")),
            rank(2020, 2, None),
        ];
        let chart = rank_chart(&ranks, &names).expect("a chart");
        let mut ys: Vec<f32> = chart.series.iter().map(|s| s.label_at.1).collect();
        ys.sort_by(f32::total_cmp);
        for pair in ys.windows(2) {
            assert!(pair[1] - pair[0] >= LABEL_GAP - 0.01, "{ys:?}");
        }
        assert!(ys.iter().all(|y| *y <= CHART_HEIGHT));
    }

    #[test]
    fn the_map_has_every_member_state_once_without_overlaps() {
        let tiles = map_tiles();
        assert_eq!(tiles.len(), 13);
        for (i, a) in tiles.iter().enumerate() {
            let (ax, ay, aw, ah) = a.rect;
            assert!(ax >= 0.0 && ay >= 0.0 && ax + aw <= MAP_WIDTH && ay + ah <= MAP_HEIGHT);
            for b in &tiles[i + 1..] {
                assert_ne!(a.country, b.country);
                let (bx, by, bw, bh) = b.rect;
                let apart = ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay;
                assert!(apart, "{} overlaps {}", a.country, b.country);
            }
        }
        let sea = black_sea();
        assert!(sea.2 > 0.0, "the sea lies between Bulgaria and Georgia");
    }

    #[test]
    fn a_name_has_a_word_per_line_centred_and_reads_as_the_name() {
        let tiles = map_tiles();
        let tile = tiles
            .iter()
            .find(|t| t.country == "north-macedonia")
            .expect("tile");
        let name = tile.name_lines("North Macedonia");
        let text: String = name.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text, "North Macedonia");
        let dys: Vec<f32> = name.lines.iter().map(|l| l.dy).collect();
        assert_eq!(dys, [0.0, 12.0]);
        assert!((name.first_line_y - (tile.centre.1 + 4.0 - 6.0)).abs() < 0.001);
        let one = tile.name_lines("Greece");
        assert!((one.first_line_y - (tile.centre.1 + 4.0)).abs() < 0.001);
    }

    #[test]
    fn a_word_wider_than_its_tile_is_squeezed_to_fit_and_a_short_one_is_not() {
        let tile = &map_tiles()[0];
        let room = tile.rect.2 - 6.0;
        assert_eq!(room, 48.0, "a one-tile name has room for 8 letters");
        let long = tile.name_lines("Abcdefghi Abcdefgh");
        assert_eq!(
            long.lines[0].squeeze_to,
            Some(room),
            "9 letters are squeezed"
        );
        assert_eq!(long.lines[1].squeeze_to, None, "8 letters fit");
    }

    #[test]
    fn ordinals_take_the_right_suffix() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (43, "43rd"),
            (111, "111th"),
            (112, "112th"),
        ];
        for (n, text) in cases {
            assert_eq!(ordinal(n), text);
        }
    }

    #[test]
    fn numbers_are_written_as_rust_formats_them_without_its_float_code() {
        for (value, places, text) in [
            (34.0, 1, "34.0"),
            (12.25, 1, "12.3"),
            (-3.04, 1, "-3.0"),
            (-0.04, 1, "0.0"),
            (0.7415, 3, "0.742"),
            (1.0, 3, "1.000"),
            (352.0, 0, "352"),
            (1.449, 1, "1.4"),
        ] {
            assert_eq!(fixed(value, places), text, "{value} to {places} places");
        }
        // Every coordinate a picture can have, to one decimal, as `{:.1}` writes it.
        for tenths in -5000..50_000 {
            let value = tenths as f32 / 10.0 + 0.03;
            assert_eq!(fixed(value, 1), format!("{value:.1}"));
        }
        assert_eq!(fixed(f64::NAN, 2), "0");
        assert_eq!(trimmed(74.2, 3), "74.2");
        assert_eq!(trimmed(-0.1, 3), "-0.1");
        assert_eq!(trimmed(3.0, 3), "3");
    }

    #[test]
    fn scores_show_two_decimals_or_three_where_the_third_counts() {
        let cases = [
            (0.742, "0.742"),
            (0.6, "0.60"),
            (0.98, "0.98"),
            (1.0, "1.00"),
            (0.0, "0.00"),
            (0.935, "0.935"),
        ];
        for (value, text) in cases {
            assert_eq!(score(value), text);
        }
    }
}
