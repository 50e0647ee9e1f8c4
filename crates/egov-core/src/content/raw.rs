//! The content files exactly as editors write them: strict serde types, nothing more.
//!
//! Every struct denies unknown fields, so a misspelt field is an error rather than silently
//! ignored. These types carry no rules beyond shape; `validate` turns them into the catalog
//! and is the only place that decides what is allowed. UI code never sees these types.

use serde::Deserialize;

/// `content/index.json`: the content version and the list of kind files to load.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndex {
    /// The content version: the date of the last edit, `YYYY-MM-DD`.
    pub version: String,
    /// File names, relative to `content/`, each holding the items of one kind.
    pub files: Vec<String>,
    /// Ids of the items the home page features, in order (editors' choice).
    #[serde(default)]
    pub featured: Vec<String>,
    /// Written by the build, never by editors: each kind file's bodies are in a file of
    /// their own (`case-studies.bodies.json`), so pages can be drawn before they arrive.
    #[serde(default)]
    pub split_bodies: bool,
}

/// One kind file: `{"kind": "case-study", "items": [...]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKindFile {
    /// The kind of every item in the file, e.g. `case-study`.
    pub kind: String,
    /// The items.
    pub items: Vec<RawItem>,
}

/// One item as written. Fields that only some kinds use are optional here; `validate`
/// rejects them on kinds that do not use them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    /// Stable, URL-safe slug.
    pub id: String,
    /// The title a reader sees.
    pub title: String,
    /// Other names: acronyms, former names, Korean names in Hangul, native-language names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Plain-English summary, at most 60 words.
    pub summary: String,
    /// Body sections.
    #[serde(default)]
    pub sections: Vec<RawSection>,
    /// Topic labels, lower case (`data centres`).
    #[serde(default)]
    pub topics: Vec<String>,
    /// When it starts, opened, was founded or joined (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default)]
    pub start: Option<String>,
    /// When it ends or ended.
    #[serde(default)]
    pub end: Option<String>,
    /// Ids of related countries.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Ids of related organisations.
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Ids of people named in a role.
    #[serde(default)]
    pub people: Vec<String>,
    /// Ids of any other related items.
    #[serde(default)]
    pub related: Vec<String>,
    /// Where the facts come from.
    #[serde(default)]
    pub sources: Vec<RawSource>,

    /// Sessions and presentations: the edition they belong to.
    #[serde(default)]
    pub edition: Option<String>,
    /// Presentations: the session they were part of.
    #[serde(default)]
    pub session: Option<String>,
    /// Sessions: the programme day (`YYYY-MM-DD`), only where a source gives it.
    #[serde(default)]
    pub day: Option<String>,
    /// Sessions: start time in Korea Standard Time, `HH:MM`, only where a source gives it.
    #[serde(default)]
    pub start_time: Option<String>,
    /// Sessions: end time in Korea Standard Time, `HH:MM`.
    #[serde(default)]
    pub end_time: Option<String>,
    /// Sessions: what sort of session (`workshop`, `forum`, `site-visit`, `meeting`, …).
    #[serde(default)]
    pub format: Option<String>,
    /// Editions, sessions, site visits, organisations: the place, as a reader would say it.
    #[serde(default)]
    pub place: Option<String>,
    /// Editions: the ordinal number where a source states it (7 for the 7th edition).
    #[serde(default)]
    pub number: Option<u32>,
    /// Case studies: whether it still runs, was replaced, …
    #[serde(default)]
    pub status: Option<String>,
    /// Glossary terms: what the acronym stands for.
    #[serde(default)]
    pub expansion: Option<String>,
    /// People: the role in which a source names them.
    #[serde(default)]
    pub role: Option<String>,
    /// Site visits: things worth looking for on the visit.
    #[serde(default)]
    pub look_for: Vec<String>,
    /// Site visits and case studies: questions a visitor might ask.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Case studies: ranks in the UN E-Government Survey (EGDI), for the rank chart.
    #[serde(default)]
    pub un_egov_ranks: Vec<RawRank>,
    /// Case studies: Korea's results in the OECD's digital government indices, for their table.
    #[serde(default)]
    pub oecd_indices: Vec<RawOecdResult>,
}

/// One rank in the UN E-Government Survey: `{"year": 2016, "rank": 43, "country": "greece",
/// "facts": ["F-137"]}`. Without `country` the rank is Korea's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRank {
    /// The survey's year.
    pub year: u16,
    /// The EGDI rank, 1 = first.
    pub rank: u16,
    /// A country item id; absent for Korea.
    #[serde(default)]
    pub country: Option<String>,
    /// The fact-sheet ids this rank comes from; each must also be cited by a source.
    pub facts: Vec<String>,
}

/// Korea's result in one edition of an OECD index: `{"index": "DGI", "year": 2019, "rank": 1,
/// "of": 33, "score": 0.742, "facts": ["F-199"]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOecdResult {
    /// The index: `DGI` (Digital Government Index) or `OURdata` (open government data).
    pub index: String,
    /// The edition's year.
    pub year: u16,
    /// Korea's rank, 1 = first.
    pub rank: u16,
    /// How many countries were ranked, where a source says.
    #[serde(default)]
    pub of: Option<u16>,
    /// Korea's score, out of 1.
    pub score: f64,
    /// The OECD average score, out of 1, where a source gives it.
    #[serde(default)]
    pub oecd_average: Option<f64>,
    /// The fact-sheet ids this result comes from; each must also be cited by a source.
    pub facts: Vec<String>,
}

/// A body section: a heading and its paragraphs (plain text, never HTML).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// Section heading.
    pub heading: String,
    /// Paragraphs, plain text.
    pub paragraphs: Vec<String>,
}

/// One source an item rests on.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Who published it.
    pub publisher: String,
    /// Its title, or a plain description where it has none.
    pub title: String,
    /// When it was published.
    #[serde(default)]
    pub date: Option<String>,
    /// Where to read it, if it is online.
    #[serde(default)]
    pub url: Option<String>,
    /// The fact-sheet ids (`F-062`, `X-07`, `U-02`) this source stands for.
    #[serde(default)]
    pub facts: Vec<String>,
}
