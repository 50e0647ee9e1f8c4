//! The knowledge base: what an item is, and the validated catalog every page reads.
//!
//! Content arrives as JSON files (`raw`), is checked and linked by `validate`, and becomes a
//! [`Catalog`] of [`Item`]s that pages can trust: ids are unique, links resolve, dates parse.
//! Content the build has checked so carries its stamp ([`stamp`]) and is read as written
//! ([`assemble_as_written`]), which for such content gives the same catalog.
//! This module is pure: it never fetches, stores or renders anything, and it never panics on
//! data. Problems are values ([`ContentProblem`]) that name the file, the item and the field.

mod assemble;
pub mod bodies;
mod date;
pub mod first_load;
pub mod raw;
pub mod stamp;
mod validate;

use std::collections::HashMap;
use std::fmt;

use crate::lowercase::lowercase;
use crate::sort::sort_by;

pub use assemble::{assemble, assemble_as_written, load_content, load_content_from, Assembled};
pub use date::{
    civil_from_days, day_heading, days_from_civil, kst_to_utc_millis, weekday_from_monday,
    ClockTime, PartialDate, DAY_NOT_RECORDED, KST_OFFSET_HOURS,
};
pub use validate::{
    build_catalog, catalog_as_written, fact_ids_in, parse_index, parse_kind_file, KindFile,
    INDEX_FILE, MAX_ITEMS_PER_FILE, SUMMARY_MAX_WORDS,
};

/// Largest content file the app accepts, in bytes. Our biggest file is far smaller; a larger
/// one is almost certainly a mistake (or hostile) and would stall a phone while parsing.
pub const MAX_CONTENT_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The kinds of item in the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An edition of the Korea–BSEC ICT Cooperation Program.
    Edition,
    /// A session of an edition: workshop, forum panel, site visit, meeting.
    Session,
    /// A presentation given at a session.
    Presentation,
    /// A place visited during an edition.
    SiteVisit,
    /// A Korean e-government system or practice.
    CaseStudy,
    /// A ministry, agency or international body.
    Organisation,
    /// A BSEC member state.
    Country,
    /// A person a source names in a role.
    Person,
    /// A glossary term or acronym.
    Term,
}

impl Kind {
    /// Every kind, in the order the app lists them.
    pub const ALL: [Kind; 9] = [
        Kind::Edition,
        Kind::Session,
        Kind::Presentation,
        Kind::SiteVisit,
        Kind::CaseStudy,
        Kind::Organisation,
        Kind::Country,
        Kind::Person,
        Kind::Term,
    ];

    /// The number the search index file stores the kind as. A published format, not a
    /// position in [`Kind::ALL`] (which is display order): a code never changes, and a new
    /// kind takes the next free one.
    pub const fn code(self) -> u8 {
        match self {
            Kind::Edition => 0,
            Kind::Session => 1,
            Kind::Presentation => 2,
            Kind::SiteVisit => 3,
            Kind::CaseStudy => 4,
            Kind::Organisation => 5,
            Kind::Country => 6,
            Kind::Person => 7,
            Kind::Term => 8,
        }
    }

    /// The kind stored as `code`, if any ([`Kind::code`]).
    pub fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The name used in content files (`"kind": "case-study"`).
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Edition => "edition",
            Kind::Session => "session",
            Kind::Presentation => "presentation",
            Kind::SiteVisit => "site-visit",
            Kind::CaseStudy => "case-study",
            Kind::Organisation => "organisation",
            Kind::Country => "country",
            Kind::Person => "person",
            Kind::Term => "term",
        }
    }

    /// The first URL segment of this kind's pages (`/case-studies/hometax`).
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Edition => "editions",
            Kind::Session => "sessions",
            Kind::Presentation => "presentations",
            Kind::SiteVisit => "site-visits",
            Kind::CaseStudy => "case-studies",
            Kind::Organisation => "organisations",
            Kind::Country => "countries",
            Kind::Person => "people",
            Kind::Term => "glossary",
        }
    }

    /// A reader's name for one item of this kind.
    pub fn singular(self) -> &'static str {
        match self {
            Kind::Edition => "Programme edition",
            Kind::Session => "Session",
            Kind::Presentation => "Presentation",
            Kind::SiteVisit => "Site visit",
            Kind::CaseStudy => "Case study",
            Kind::Organisation => "Organisation",
            Kind::Country => "Country",
            Kind::Person => "Person",
            Kind::Term => "Glossary term",
        }
    }

    /// A reader's name for the list of this kind.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Edition => "Programme editions",
            Kind::Session => "Sessions",
            Kind::Presentation => "Presentations",
            Kind::SiteVisit => "Site visits",
            Kind::CaseStudy => "Case studies",
            Kind::Organisation => "Organisations",
            Kind::Country => "Countries",
            Kind::Person => "People",
            Kind::Term => "Glossary",
        }
    }

    /// The kind whose content-file name is `name`.
    pub fn from_file_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.file_name() == name)
    }

    /// The kind whose URL segment is `slug`.
    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// What the item's `start` date means for this kind, for the facts list.
    pub fn start_label(self) -> &'static str {
        match self {
            Kind::Edition | Kind::Session => "Dates",
            Kind::CaseStudy => "Launched",
            Kind::Organisation => "Founded",
            Kind::Country => "BSEC member since",
            _ => "Date",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file_name())
    }
}

/// A body section of an item: a heading and plain-text paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// Paragraphs of plain text.
    pub paragraphs: Vec<String>,
}

/// A source an item rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Who published it.
    pub publisher: String,
    /// Its title or a plain description.
    pub title: String,
    /// When it was published.
    pub date: Option<PartialDate>,
    /// An `http`/`https` address, when there is one.
    pub url: Option<String>,
    /// Fact-sheet ids this source stands for.
    pub facts: Vec<String>,
}

/// When a session happens: its day and, where a source gives them, its times in KST.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    /// The programme day.
    pub day: PartialDate,
    /// Start, Korea Standard Time.
    pub start_time: Option<ClockTime>,
    /// End, Korea Standard Time.
    pub end_time: Option<ClockTime>,
}

/// A validated item. Every id it names resolves to an item of the right kind in its catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Stable, URL-safe id.
    pub id: String,
    /// Its kind.
    pub kind: Kind,
    /// The file it came from, for messages.
    pub file: String,
    /// Title.
    pub title: String,
    /// Other names (acronyms, former, Hangul and native-language names).
    pub aliases: Vec<String>,
    /// Plain-English summary, at most [`SUMMARY_MAX_WORDS`] words.
    pub summary: String,
    /// Body.
    pub sections: Vec<Section>,
    /// Topic labels.
    pub topics: Vec<String>,
    /// Start (opened, founded, joined).
    pub start: Option<PartialDate>,
    /// End.
    pub end: Option<PartialDate>,
    /// Related countries (ids of `Country` items).
    pub countries: Vec<String>,
    /// Related organisations (ids of `Organisation` items).
    pub organisations: Vec<String>,
    /// People named in a role (ids of `Person` items).
    pub people: Vec<String>,
    /// Other related items (any kind).
    pub related: Vec<String>,
    /// Sources, at least one.
    pub sources: Vec<Source>,
    /// The edition a session, presentation or site visit belongs to.
    pub edition: Option<String>,
    /// The session a presentation or site visit was part of.
    pub session: Option<String>,
    /// A session's day and times.
    pub schedule: Option<Schedule>,
    /// A session's format (`workshop`, `forum`, `site-visit`, `meeting`).
    pub format: Option<String>,
    /// The place.
    pub place: Option<String>,
    /// An edition's ordinal number, where a source states it.
    pub number: Option<u32>,
    /// A case study's status.
    pub status: Option<String>,
    /// A glossary term's expansion.
    pub expansion: Option<String>,
    /// A person's role.
    pub role: Option<String>,
    /// Things to look for on a site visit.
    pub look_for: Vec<String>,
    /// Questions a visitor might ask.
    pub questions: Vec<String>,
    /// Ranks in the UN E-Government Survey, in year order (Korea's and other countries').
    pub un_egov_ranks: Vec<Rank>,
    /// Korea's results in the OECD's digital government indices, by index then year.
    pub oecd_indices: Vec<OecdResult>,
}

/// One rank in the UN E-Government Survey (E-Government Development Index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rank {
    /// The survey's year.
    pub year: u16,
    /// The rank, 1 = first.
    pub rank: u16,
    /// The country ranked (a `Country` item id), or `None` for Korea.
    pub country: Option<String>,
    /// The fact-sheet ids it comes from.
    pub facts: Vec<String>,
}

/// An OECD index of digital government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OecdIndex {
    /// The Digital Government Index (DGI).
    Dgi,
    /// The OURdata Index (open, useful and reusable government data).
    OurData,
}

impl OecdIndex {
    /// Every index, in the order the table lists them.
    pub const ALL: [OecdIndex; 2] = [OecdIndex::Dgi, OecdIndex::OurData];

    /// The name the content files use (`DGI`, `OURdata`).
    pub fn code(self) -> &'static str {
        match self {
            OecdIndex::Dgi => "DGI",
            OecdIndex::OurData => "OURdata",
        }
    }

    /// The index named by its code, if any.
    pub fn from_code(code: &str) -> Option<OecdIndex> {
        Self::ALL.into_iter().find(|index| index.code() == code)
    }

    /// Its name for a reader.
    pub fn name(self) -> &'static str {
        match self {
            OecdIndex::Dgi => "Digital Government Index",
            OecdIndex::OurData => "OURdata Index",
        }
    }
}

/// Korea's result in one edition of an OECD index.
#[derive(Debug, Clone, PartialEq)]
pub struct OecdResult {
    /// The index.
    pub index: OecdIndex,
    /// The edition's year.
    pub year: u16,
    /// Korea's rank, 1 = first.
    pub rank: u16,
    /// How many countries were ranked, where a source says.
    pub of: Option<u16>,
    /// Korea's score, out of 1.
    pub score: f64,
    /// The OECD average score, out of 1, where a source gives it.
    pub oecd_average: Option<f64>,
    /// The fact-sheet ids it comes from.
    pub facts: Vec<String>,
}

impl Item {
    /// The date an item is listed by: its programme day, else its start.
    pub fn date(&self) -> Option<PartialDate> {
        self.schedule.map(|s| s.day).or(self.start)
    }

    /// The app path of this item, below the base (`/case-studies/hometax`).
    pub fn path(&self) -> String {
        format!("/{}/{}", self.kind.slug(), self.id)
    }

    /// Every id this item links to, whatever the field.
    pub fn outgoing_links(&self) -> impl Iterator<Item = &str> {
        self.countries
            .iter()
            .chain(&self.organisations)
            .chain(&self.people)
            .chain(&self.related)
            .chain(&self.edition)
            .chain(&self.session)
            .map(String::as_str)
    }
}

/// One thing wrong with the content, named so an editor can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentProblem {
    /// The file (`case-studies.json`).
    pub file: String,
    /// The item id, when the problem is inside an item.
    pub item: Option<String>,
    /// The field, when one field is at fault.
    pub field: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl ContentProblem {
    /// A problem with a whole file.
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            item: None,
            field: None,
            message: message.into(),
        }
    }

    /// A problem with one field of one item.
    pub fn in_field(file: &str, item: &str, field: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            item: Some(item.to_string()),
            field: Some(field.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(item) = &self.item {
            write!(f, ", item \"{item}\"")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field \"{field}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The validated knowledge base.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    version: Option<PartialDate>,
    featured: Vec<String>,
    items: Vec<Item>,
    by_id: HashMap<String, usize>,
    /// For each item index, the indexes of items that link to it.
    backlinks: Vec<Vec<usize>>,
}

impl Catalog {
    /// Items that link to `id`, in no particular order (cheaper than [`Catalog::linking_to`]).
    pub fn linking_to_unordered<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Item> + 'a {
        let links: &[usize] = match self.by_id.get(id) {
            Some(&index) => &self.backlinks[index],
            None => &[],
        };
        links.iter().map(|&i| &self.items[i])
    }

    /// Builds the lookups over already-validated items whose links all resolve.
    fn from_valid_items(version: Option<PartialDate>, items: Vec<Item>) -> Self {
        let by_id: HashMap<String, usize> = items
            .iter()
            .enumerate()
            .map(|(index, item)| (item.id.clone(), index))
            .collect();
        let mut backlinks = vec![Vec::new(); items.len()];
        for (from, item) in items.iter().enumerate() {
            for to in item.outgoing_links().filter_map(|id| by_id.get(id)) {
                if !backlinks[*to].contains(&from) {
                    backlinks[*to].push(from);
                }
            }
        }
        Self {
            version,
            featured: Vec::new(),
            items,
            by_id,
            backlinks,
        }
    }

    /// Sets the items the home page features (the index's `featured` ids), reporting ids
    /// that name no item; those are left out.
    pub fn with_featured(mut self, ids: &[String]) -> (Self, Vec<ContentProblem>) {
        let mut problems = Vec::new();
        for id in ids {
            if self.get(id).is_some() {
                if !self.featured.contains(id) {
                    self.featured.push(id.clone());
                }
            } else {
                problems.push(ContentProblem {
                    file: "index.json".into(),
                    item: None,
                    field: Some("featured".into()),
                    message: format!("`{id}` is not an item"),
                });
            }
        }
        (self, problems)
    }

    /// The featured items, in the editors' order.
    pub fn featured(&self) -> Vec<&Item> {
        self.featured.iter().filter_map(|id| self.get(id)).collect()
    }

    /// The content version (the date of the last edit), if the index gave a valid one.
    pub fn version(&self) -> Option<PartialDate> {
        self.version
    }

    /// Every item, in file order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<&Item> {
        self.by_id.get(id).map(|&index| &self.items[index])
    }

    /// Where the item with this id is in [`Catalog::items`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The item with this id, only if it is of `kind`.
    pub fn get_of_kind(&self, kind: Kind, id: &str) -> Option<&Item> {
        self.get(id).filter(|item| item.kind == kind)
    }

    /// Items of one kind, sorted for a list: by date where they have one, then by title.
    pub fn of_kind(&self, kind: Kind) -> Vec<&Item> {
        self.of_kind_in(kind, ListOrder::Usual)
    }

    /// Every item of `kind`, in `order`.
    pub fn of_kind_in(&self, kind: Kind, order: ListOrder) -> Vec<&Item> {
        let mut items: Vec<&Item> = self.items.iter().filter(|i| i.kind == kind).collect();
        match order {
            ListOrder::Usual => sort_by(&mut items, &|a, b| list_order(a, b)),
            ListOrder::Title => sort_by(&mut items, &|a, b| by_title(a, b)),
            ListOrder::Newest | ListOrder::Oldest => sort_by(&mut items, &|a, b| {
                // Undated items go last either way, by title.
                let (da, db) = (a.date(), b.date());
                let dates = match order {
                    ListOrder::Newest => db.cmp(&da),
                    _ => da.cmp(&db),
                };
                da.is_none()
                    .cmp(&db.is_none())
                    .then(dates)
                    .then_with(|| by_title(a, b))
            }),
        }
        items
    }

    /// How many items of each kind there are, in [`Kind::ALL`] order.
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .into_iter()
            .map(|kind| (kind, self.items.iter().filter(|i| i.kind == kind).count()))
            .collect()
    }

    /// Items that link to `id`, in list order.
    pub fn linking_to(&self, id: &str) -> Vec<&Item> {
        let mut items: Vec<&Item> = self.linking_to_unordered(id).collect();
        sort_by(&mut items, &|a, b| {
            a.kind.cmp(&b.kind).then(list_order(a, b))
        });
        items
    }

    /// Items related to `item` in either direction, grouped by kind, without duplicates.
    /// The item's own edition and session are left out (pages show them as facts).
    pub fn related_both_ways(&self, item: &Item) -> Vec<&Item> {
        let mut seen = vec![item.id.as_str()];
        let mut out: Vec<&Item> = Vec::new();
        let linked = item
            .countries
            .iter()
            .chain(&item.organisations)
            .chain(&item.people)
            .chain(&item.related)
            .filter_map(|id| self.get(id));
        for other in linked.chain(self.linking_to(&item.id)) {
            if !seen.contains(&other.id.as_str()) {
                seen.push(&other.id);
                out.push(other);
            }
        }
        sort_by(&mut out, &|a, b| a.kind.cmp(&b.kind).then(list_order(a, b)));
        out
    }

    /// The sessions of an edition, in programme order (day, then start time, then title).
    pub fn sessions_of(&self, edition_id: &str) -> Vec<&Item> {
        let mut sessions: Vec<&Item> = self
            .items
            .iter()
            .filter(|i| i.kind == Kind::Session && i.edition.as_deref() == Some(edition_id))
            .collect();
        sort_by(&mut sessions, &|a, b| session_order(a, b));
        sessions
    }

    /// An edition's sessions grouped by programme day, days in order. Sessions whose day no
    /// source gives come last, under `None`.
    pub fn programme_days(&self, edition_id: &str) -> Vec<(Option<PartialDate>, Vec<&Item>)> {
        let mut days: Vec<(Option<PartialDate>, Vec<&Item>)> = Vec::new();
        let mut undated = Vec::new();
        for session in self.sessions_of(edition_id) {
            let Some(schedule) = session.schedule else {
                undated.push(session);
                continue;
            };
            match days.last_mut() {
                Some((Some(day), list)) if *day == schedule.day => list.push(session),
                _ => days.push((Some(schedule.day), vec![session])),
            }
        }
        if !undated.is_empty() {
            days.push((None, undated));
        }
        days
    }
}

/// How a list of one kind is ordered; `?sort=` in a list's URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// The kind's usual order: editions newest first, sessions in programme order, other
    /// kinds by title.
    #[default]
    Usual,
    /// By title, A to Z.
    Title,
    /// Newest first by the item's date (start or programme day); undated items last.
    Newest,
    /// Oldest first; undated items last.
    Oldest,
}

impl ListOrder {
    /// Every order, as offered to people.
    pub const ALL: [ListOrder; 4] = [
        ListOrder::Usual,
        ListOrder::Title,
        ListOrder::Newest,
        ListOrder::Oldest,
    ];

    /// The value in the URL (`title`, `newest`, `oldest`; the usual order has none).
    pub fn param(self) -> &'static str {
        match self {
            ListOrder::Usual => "",
            ListOrder::Title => "title",
            ListOrder::Newest => "newest",
            ListOrder::Oldest => "oldest",
        }
    }

    /// The order a URL value names; anything else is the usual order.
    pub fn from_param(value: &str) -> ListOrder {
        ListOrder::ALL
            .into_iter()
            .find(|o| !value.is_empty() && o.param() == value)
            .unwrap_or_default()
    }

    /// What people see in the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            ListOrder::Usual => "Usual order",
            ListOrder::Title => "Title, A to Z",
            ListOrder::Newest => "Newest first",
            ListOrder::Oldest => "Oldest first",
        }
    }
}

fn by_title(a: &Item, b: &Item) -> std::cmp::Ordering {
    lowercase(&a.title).cmp(&lowercase(&b.title))
}

/// List order: newest dated items first for editions, otherwise by date then title.
fn list_order(a: &Item, b: &Item) -> std::cmp::Ordering {
    match a.kind {
        Kind::Edition => b.start.cmp(&a.start).then(a.title.cmp(&b.title)),
        Kind::Session => session_order(a, b),
        _ => by_title(a, b),
    }
}

/// Programme order: dated sessions by day and start time, then sessions with no known day.
fn session_order(a: &Item, b: &Item) -> std::cmp::Ordering {
    let key = |i: &Item| {
        (
            i.schedule.is_none(),
            i.schedule.map(|s| (s.day, s.start_time)),
        )
    };
    key(a).cmp(&key(b)).then(a.title.cmp(&b.title))
}
