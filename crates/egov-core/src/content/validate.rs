//! From JSON text to a validated [`Catalog`], reporting every problem at once.
//!
//! Parsing is per item: a malformed item is left out and named, the rest of its file still
//! loads. Validation then checks each item's fields, and a second pass checks links between
//! items. A broken link is reported and dropped, but the item stays. Nothing here panics on
//! data, and nothing here reads files: callers pass text in.

use std::collections::{HashMap, HashSet};

use super::raw::{RawIndex, RawItem, RawSource};
use super::stamp::STAMP_FIELD;
use super::{
    Catalog, ClockTime, ContentProblem, Item, Kind, OecdIndex, OecdResult, PartialDate, Rank,
    Schedule, Section, Source, MAX_CONTENT_FILE_BYTES,
};
use crate::charts::trimmed;
use crate::json::{self, Category, JsonError, Reader};
use crate::lowercase::lowercase;
use crate::sort::sort_by;

/// Longest summary, in words: a summary is read first, on a phone, in a second language.
pub const SUMMARY_MAX_WORDS: usize = 60;

/// Most items one file may hold. Ours hold dozens; more means a broken or hostile file.
pub const MAX_ITEMS_PER_FILE: usize = 5_000;

/// The index file's name, for messages.
/// The content index: the file that lists the others, relative to `content/`.
pub const INDEX_FILE: &str = "index.json";

/// One parsed kind file: its name, its kind, the items that parsed, and those that did not.
#[derive(Debug, Clone)]
pub struct KindFile {
    /// File name, relative to `content/`.
    pub name: String,
    /// The kind every item in it has.
    pub kind: Kind,
    /// Items that parsed.
    pub items: Vec<RawItem>,
    /// Items that did not parse, already described.
    pub problems: Vec<ContentProblem>,
    /// The items' bodies (sections, sources, …) are deployed apart and have not been
    /// merged in yet ([`super::bodies`]): validation lets the items through without
    /// sources, for a first draw; the full check runs once the bodies are in.
    pub bodies_pending: bool,
}

/// Parses `content/index.json`.
pub fn parse_index(text: &str) -> Result<RawIndex, ContentProblem> {
    check_size(INDEX_FILE, text)?;
    let index = parse_file(INDEX_FILE, text, RawIndex::read)?;
    if index.files.is_empty() {
        return Err(ContentProblem::in_file(
            INDEX_FILE,
            "lists no content files",
        ));
    }
    for name in &index.files {
        let safe = !name.is_empty()
            && name.ends_with(".json")
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            && !name.contains("..");
        if !safe {
            return Err(ContentProblem::in_file(
                INDEX_FILE,
                format!("`{name}` is not a plain content file name (lower-case, ending .json)"),
            ));
        }
    }
    Ok(index)
}

/// A kind file's outer shape; items stay unparsed so each can fail on its own.
pub(super) struct KindFileOuter<'a> {
    /// The kind named in the file.
    pub kind: String,
    /// Only in a bodies file (`super::bodies`): the content version it was written for.
    pub version: Option<String>,
    /// Each item's JSON text.
    pub items: Vec<&'a str>,
}

impl<'a> KindFileOuter<'a> {
    // `checked`: the build's stamp (`super::stamp`), read from the text before parsing.
    const FIELDS: &'static [&'static str] = &[STAMP_FIELD, "kind", "version", "items"];

    /// The outer shape from `reader`.
    pub(super) fn read(reader: &mut Reader<'a>) -> Result<Self, JsonError> {
        let mut outer = KindFileOuter {
            kind: String::new(),
            version: None,
            items: Vec::new(),
        };
        let mut fields = reader.object(Self::FIELDS)?;
        while let Some(field) = fields.next(reader)? {
            match field {
                "kind" => outer.kind = reader.string()?,
                "version" => outer.version = reader.optional(Reader::string)?,
                "items" => outer.items = reader.list(Reader::raw)?,
                _ => reader.skip()?,
            }
        }
        fields.require(reader, "kind")?;
        fields.require(reader, "items")?;
        Ok(outer)
    }
}

/// Parses one kind file. A file that is not JSON, or not a kind file, is one problem; an
/// item that does not parse is named in [`KindFile::problems`] and the rest still load.
pub fn parse_kind_file(name: &str, text: &str) -> Result<KindFile, ContentProblem> {
    let outer = parse_file(name, text, KindFileOuter::read)?;
    if outer.version.is_some() {
        return Err(ContentProblem::in_file(
            name,
            "unknown field `version`: a kind file has only `kind` and `items`",
        ));
    }
    kind_file_of(name, &outer.kind, outer.items.into_iter())
}

/// The kind file `name` of the kind named `kind_name` from its items' JSON texts.
pub(super) fn kind_file_of<'a>(
    name: &str,
    kind_name: &str,
    items: impl ExactSizeIterator<Item = &'a str>,
) -> Result<KindFile, ContentProblem> {
    let kind = Kind::from_file_name(kind_name).ok_or_else(|| {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.file_name()).collect();
        ContentProblem::in_file(
            name,
            format!(
                "unknown kind `{kind_name}`; expected one of: {}",
                known.join(", ")
            ),
        )
    })?;
    if items.len() > MAX_ITEMS_PER_FILE {
        return Err(ContentProblem::in_file(
            name,
            format!(
                "has {} items; the limit is {MAX_ITEMS_PER_FILE}",
                items.len()
            ),
        ));
    }
    let (items, problems) = parse_each(name, items);
    Ok(KindFile {
        name: name.to_string(),
        kind,
        items,
        problems,
        bodies_pending: false,
    })
}

/// Parses each item of file `name` on its own: those that parse, and a problem naming each
/// one that does not (by its id, or its position when it has none), so that one bad item
/// never takes the rest of its file with it.
fn parse_each<'a>(
    name: &str,
    raw_items: impl ExactSizeIterator<Item = &'a str>,
) -> (Vec<RawItem>, Vec<ContentProblem>) {
    let mut items = Vec::with_capacity(raw_items.len());
    let mut problems = Vec::new();
    for (position, raw) in raw_items.into_iter().enumerate() {
        match json::read_whole(raw, RawItem::read) {
            Ok(item) => items.push(item),
            Err(error) => {
                let label = id_of(raw)
                    .filter(|id| !id.is_empty())
                    .unwrap_or_else(|| format!("#{} (no id)", position + 1));
                let message = error.to_string();
                problems.push(ContentProblem {
                    file: name.to_string(),
                    item: Some(label),
                    field: field_named_in(&message).or_else(|| field_of_value(raw, &error)),
                    message,
                });
            }
        }
    }
    (items, problems)
}

/// Just enough of an item to name it in a message: its `id`, when it has one that reads.
fn id_of(raw: &str) -> Option<String> {
    let mut reader = Reader::new(raw);
    let mut fields = reader.map().ok()?;
    let mut id = None;
    while let Some(key) = fields.next_key(&mut reader).ok()? {
        if key == "id" {
            id = reader.optional(Reader::string).ok()?;
        } else {
            reader.skip().ok()?;
        }
    }
    id
}

/// Every fact id (`F-001`, `X-05`, `U-07`) defined in the fact sheet's tables.
pub fn fact_ids_in(markdown: &str) -> HashSet<String> {
    markdown
        .lines()
        .filter_map(|line| line.strip_prefix("| "))
        .filter_map(|rest| rest.split(" |").next())
        .filter(|id| is_fact_id(id))
        .map(str::to_string)
        .collect()
}

/// Validates and links parsed files into a catalog. Returns the catalog of every valid item
/// and every problem found, so an editor sees them all at once. `known_facts`, when given,
/// is the set of fact ids that sources may cite.
pub fn build_catalog(
    version: &str,
    files: Vec<KindFile>,
    known_facts: Option<&HashSet<String>>,
) -> (Catalog, Vec<ContentProblem>) {
    let mut problems = Vec::new();
    let version = match PartialDate::parse(version) {
        Ok(date) if date.day.is_some() => Some(date),
        _ => {
            problems.push(ContentProblem {
                file: INDEX_FILE.into(),
                item: None,
                field: Some("version".into()),
                message: format!("`{version}` is not a date (YYYY-MM-DD)"),
            });
            None
        }
    };

    // One map type for every lookup below (an id or a share code → its item's place in
    // `items`): each map type is another copy of the hash table's code in the WebAssembly.
    let mut items: Vec<Item> = Vec::new();
    let mut places: HashMap<String, usize> = HashMap::new();
    for file in files {
        problems.extend(file.problems);
        for raw in file.items {
            let mut check = ItemCheck::new(&file.name, &raw.id);
            check.bodies_pending = file.bodies_pending;
            let item = check.item(file.kind, &raw, known_facts);
            if let Some(&first) = places.get(&raw.id) {
                check.fail(
                    "id",
                    format!("duplicate id; it is already used in {}", items[first].file),
                );
            }
            problems.extend(check.problems.iter().cloned());
            if !check.rejected {
                places.insert(raw.id.clone(), items.len());
                items.push(item);
            }
        }
    }

    // Share links name items by a short hash of their id; two ids with one code could not
    // be told apart in a link. Both items stay; the later one is named so its id is changed.
    // (The code belongs to `library::share`; checking it here makes every loader report it.)
    let mut codes: HashMap<String, usize> = HashMap::with_capacity(items.len());
    for (place, item) in items.iter().enumerate() {
        let code = crate::library::item_code(&item.id);
        if let Some(&first) = codes.get(&code) {
            problems.push(ContentProblem::in_field(
                &item.file,
                &item.id,
                "id",
                format!(
                    "its share code `{code}` is the same as `{}`'s, so share links cannot \
                     tell them apart; change one of the ids",
                    items[first].id
                ),
            ));
        } else {
            codes.insert(code, place);
        }
    }

    // What the checks below read of every item, by its place.
    let facts: Vec<(Kind, Option<PartialDate>, Option<PartialDate>)> =
        items.iter().map(|i| (i.kind, i.start, i.end)).collect();
    let kind_of = |id: &str| places.get(id).map(|&place| facts[place].0);
    for item in &mut items {
        check_links(item, &kind_of, &mut problems);
        let edition = item.edition.as_ref().and_then(|id| places.get(id));
        if let (Some(schedule), Some(&(Kind::Edition, Some(start), end))) =
            (item.schedule, edition.map(|&place| &facts[place]))
        {
            let end = end.unwrap_or(start);
            if !(start.is_not_after(&schedule.day) && schedule.day.is_not_after(&end)) {
                problems.push(ContentProblem::in_field(
                    &item.file,
                    &item.id,
                    "day",
                    format!(
                        "{} is outside its edition's dates ({} to {})",
                        schedule.day.iso(),
                        start.iso(),
                        end.iso()
                    ),
                ));
            }
        }
    }
    (Catalog::from_valid_items(version, items), problems)
}

/// The catalog of `files` as written, with no check (`item_as_written`), and the
/// problems their parsing met: for content that the build checked whole and stamped
/// (`super::stamp`), where checking it again would only cost a first visit the checks'
/// code. For such content it is the catalog [`build_catalog`] makes. An id met twice keeps
/// its first item; a link that does not resolve stays, as pages look every link up.
pub fn catalog_as_written(version: &str, files: Vec<KindFile>) -> (Catalog, Vec<ContentProblem>) {
    let mut problems = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    // The map type `build_catalog` and the catalog use: one copy of its code.
    let mut places: HashMap<String, usize> = HashMap::new();
    for file in files {
        problems.extend(file.problems);
        for raw in &file.items {
            if !places.contains_key(&raw.id) {
                places.insert(raw.id.clone(), items.len());
                items.push(item_as_written(file.kind, &file.name, raw));
            }
        }
    }
    let version = PartialDate::parse(version)
        .ok()
        .filter(|date| date.day.is_some());
    (Catalog::from_valid_items(version, items), problems)
}

/// Drops links that do not resolve to an item of the right kind, reporting each.
fn check_links(
    item: &mut Item,
    kind_of: &dyn Fn(&str) -> Option<Kind>,
    problems: &mut Vec<ContentProblem>,
) {
    let (file, id) = (item.file.clone(), item.id.clone());
    let mut keep = |field: &str, target: &str, want: Option<Kind>| -> bool {
        let message = match kind_of(target) {
            None => format!("links to `{target}`, which is not an item"),
            Some(_) if target == id => "links to the item itself".to_string(),
            Some(kind) if want.is_some_and(|w| w != kind) => format!(
                "`{target}` is a {kind}, not a {}",
                want.map(Kind::file_name).unwrap_or_default()
            ),
            Some(_) => return true,
        };
        problems.push(ContentProblem::in_field(&file, &id, field, message));
        false
    };
    item.countries
        .retain(|t| keep("countries", t, Some(Kind::Country)));
    item.organisations
        .retain(|t| keep("organisations", t, Some(Kind::Organisation)));
    item.people
        .retain(|t| keep("people", t, Some(Kind::Person)));
    item.un_egov_ranks.retain(|rank| match &rank.country {
        Some(country) => keep("un_egov_ranks", country, Some(Kind::Country)),
        None => true,
    });
    item.related.retain(|t| keep("related", t, None));
    if let Some(edition) = item.edition.take() {
        item.edition = keep("edition", &edition, Some(Kind::Edition)).then_some(edition);
    }
    if let Some(session) = item.session.take() {
        item.session = keep("session", &session, Some(Kind::Session)).then_some(session);
    }
}

/// Collects the problems of one item; `rejected` is set by any problem that makes the item
/// unusable (as opposed to a link that can simply be dropped later).
struct ItemCheck<'a> {
    file: &'a str,
    id: &'a str,
    problems: Vec<ContentProblem>,
    rejected: bool,
    /// The item's body is still to come: its sources cannot be checked yet.
    bodies_pending: bool,
}

impl<'a> ItemCheck<'a> {
    fn new(file: &'a str, id: &'a str) -> Self {
        Self {
            file,
            id,
            problems: Vec::new(),
            rejected: false,
            bodies_pending: false,
        }
    }

    fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.rejected = true;
        self.problems
            .push(ContentProblem::in_field(self.file, self.id, field, message));
    }

    /// Fails `field` when `value` is empty or only spaces.
    fn text(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, "is empty");
        }
    }

    fn optional_text(&mut self, field: &str, value: &Option<String>) {
        if let Some(value) = value {
            self.text(field, value);
        }
    }

    fn texts(&mut self, field: &str, values: &[String]) {
        for value in values {
            self.text(field, value);
        }
    }

    fn date(&mut self, field: &str, value: &Option<String>) {
        if let Some(Err(message)) = value.as_deref().map(PartialDate::parse) {
            self.fail(field, message);
        }
    }

    fn time(&mut self, field: &str, value: &Option<String>) {
        if let Some(Err(message)) = value.as_deref().map(ClockTime::parse) {
            self.fail(field, message);
        }
    }

    /// Rejects a field that this kind does not use.
    fn only_for(&mut self, kind: Kind, field: &str, present: bool, allowed: &[Kind]) {
        if present && !allowed.contains(&kind) {
            self.fail(field, format!("is not used on a {kind}"));
        }
    }

    /// Rejects a missing field that this kind needs.
    fn required_for(&mut self, kind: Kind, field: &str, present: bool, needed: &[Kind]) {
        if !present && needed.contains(&kind) {
            self.fail(field, format!("is required on a {kind}"));
        }
    }

    /// The item `raw` as written ([`item_as_written`]), and every problem with it.
    fn item(&mut self, kind: Kind, raw: &RawItem, known_facts: Option<&HashSet<String>>) -> Item {
        let item = item_as_written(kind, self.file, raw);
        if !is_slug(&raw.id) {
            self.fail(
                "id",
                "must be a URL-safe slug: lower-case letters, digits and single hyphens",
            );
        }
        self.text("title", &raw.title);
        self.text("summary", &raw.summary);
        let words = item.summary.split_whitespace().count();
        if words > SUMMARY_MAX_WORDS {
            self.fail(
                "summary",
                format!("has {words} words; the limit is {SUMMARY_MAX_WORDS}"),
            );
        }
        self.texts("aliases", &raw.aliases);
        let mut folded: Vec<String> = Vec::new();
        for alias in &item.aliases {
            let key = lowercase(alias);
            if folded.contains(&key) {
                self.fail("aliases", format!("`{alias}` is listed twice"));
            }
            folded.push(key);
        }
        for section in &raw.sections {
            self.text("sections", &section.heading);
            if section.paragraphs.is_empty() {
                self.fail(
                    "sections",
                    format!("\"{}\" has no paragraphs", section.heading),
                );
            }
            self.texts("sections", &section.paragraphs);
        }
        self.texts("topics", &raw.topics);
        self.date("start", &raw.start);
        self.date("end", &raw.end);
        match (item.start, item.end) {
            (None, Some(_)) => self.fail("end", "an end needs a start"),
            (Some(s), Some(e)) if !s.is_not_after(&e) => self.fail(
                "end",
                format!("{} is before the start {}", e.iso(), s.iso()),
            ),
            _ => {}
        }
        if raw.sources.is_empty() && !self.bodies_pending {
            self.fail("sources", "every item needs at least one source");
        }
        for source in &raw.sources {
            self.source(source, known_facts);
        }

        use Kind::*;
        let field_rules: [(&str, bool, &[Kind]); 14] = [
            ("edition", raw.edition.is_some(), &[Session, Presentation]),
            ("session", raw.session.is_some(), &[Presentation]),
            ("day", raw.day.is_some(), &[Session]),
            ("start_time", raw.start_time.is_some(), &[Session]),
            ("end_time", raw.end_time.is_some(), &[Session]),
            ("format", raw.format.is_some(), &[Session]),
            (
                "place",
                raw.place.is_some(),
                &[Edition, Session, SiteVisit, Organisation],
            ),
            ("number", raw.number.is_some(), &[Edition]),
            ("status", raw.status.is_some(), &[CaseStudy]),
            ("expansion", raw.expansion.is_some(), &[Term]),
            ("role", raw.role.is_some(), &[Person]),
            ("look_for", !raw.look_for.is_empty(), &[SiteVisit]),
            ("un_egov_ranks", !raw.un_egov_ranks.is_empty(), &[CaseStudy]),
            ("oecd_indices", !raw.oecd_indices.is_empty(), &[CaseStudy]),
        ];
        for (field, present, allowed) in field_rules {
            self.only_for(kind, field, present, allowed);
        }
        self.only_for(
            kind,
            "questions",
            !raw.questions.is_empty(),
            &[SiteVisit, CaseStudy],
        );
        self.required_for(
            kind,
            "edition",
            raw.edition.is_some(),
            &[Session, Presentation],
        );
        self.required_for(kind, "format", raw.format.is_some(), &[Session]);
        self.required_for(kind, "start", item.start.is_some(), &[Edition]);
        self.required_for(kind, "expansion", raw.expansion.is_some(), &[Term]);
        self.required_for(kind, "role", raw.role.is_some(), &[Person]);

        self.date("day", &raw.day);
        if item.schedule.is_some_and(|s| s.day.day.is_none()) {
            self.fail(
                "day",
                "a programme day needs year, month and day (YYYY-MM-DD)",
            );
        }
        self.time("start_time", &raw.start_time);
        self.time("end_time", &raw.end_time);
        let times = raw.start_time.as_deref().map(ClockTime::parse);
        let end_times = raw.end_time.as_deref().map(ClockTime::parse);
        match (times, end_times) {
            (None, Some(Ok(_))) => self.fail("end_time", "an end time needs a start time"),
            (Some(Ok(s)), Some(Ok(e))) if e < s => {
                self.fail("end_time", "is before the start time")
            }
            _ => {}
        }
        if raw.number == Some(0) {
            self.fail("number", "editions are numbered from 1");
        }
        for (field, value) in [
            ("format", &raw.format),
            ("place", &raw.place),
            ("status", &raw.status),
            ("expansion", &raw.expansion),
            ("role", &raw.role),
        ] {
            self.optional_text(field, value);
        }
        self.texts("look_for", &raw.look_for);
        self.texts("questions", &raw.questions);
        self.ranks(raw);
        self.oecd_indices(raw);
        item
    }

    /// Checks that a structured entry (`label`, e.g. "Korea 2016") names at least one fact,
    /// and only facts that the item's own sources cite.
    fn rests_on_cited_facts(
        &mut self,
        field: &str,
        label: &str,
        facts: &[String],
        cited: &HashSet<&str>,
    ) {
        if facts.is_empty() {
            self.fail(field, format!("{label}: needs a fact id"));
        }
        for fact in facts {
            if !cited.contains(fact.as_str()) {
                self.fail(
                    field,
                    format!("{label}: `{fact}` is not cited by a source of this item"),
                );
            }
        }
    }

    /// The fact ids that the item's own sources cite.
    fn cited_facts(raw: &RawItem) -> HashSet<&str> {
        raw.sources
            .iter()
            .flat_map(|s| s.facts.iter().map(String::as_str))
            .collect()
    }

    /// UN E-Government Survey ranks: plausible years and ranks, one per country and year,
    /// each resting on facts that the item's own sources cite.
    fn ranks(&mut self, raw: &RawItem) {
        let cited = Self::cited_facts(raw);
        let mut seen: Vec<(u16, Option<&str>)> = Vec::new();
        for entry in &raw.un_egov_ranks {
            let who = entry.country.as_deref().unwrap_or("Korea");
            if !(2000..=2100).contains(&entry.year) {
                self.fail(
                    "un_egov_ranks",
                    format!("{who}: {} is not a survey year", entry.year),
                );
            }
            if !(1..=250).contains(&entry.rank) {
                self.fail(
                    "un_egov_ranks",
                    format!("{who}: rank {} is not a rank", entry.rank),
                );
            }
            let label = format!("{who} {}", entry.year);
            self.rests_on_cited_facts("un_egov_ranks", &label, &entry.facts, &cited);
            let key = (entry.year, entry.country.as_deref());
            if seen.contains(&key) {
                self.fail(
                    "un_egov_ranks",
                    format!("{who} {} is listed twice", entry.year),
                );
            }
            seen.push(key);
        }
    }

    /// Korea's results in the OECD indices: a known index, a plausible year, a rank within
    /// the number ranked, scores out of 1, one result per index and year, each resting on
    /// facts that the item's own sources cite.
    fn oecd_indices(&mut self, raw: &RawItem) {
        const FIELD: &str = "oecd_indices";
        let cited = Self::cited_facts(raw);
        let mut seen: Vec<(OecdIndex, u16)> = Vec::new();
        for entry in &raw.oecd_indices {
            let (name, year) = (entry.index.as_str(), entry.year);
            let Some(index) = OecdIndex::from_code(name) else {
                let known: Vec<&str> = OecdIndex::ALL.iter().map(|i| i.code()).collect();
                self.fail(
                    FIELD,
                    format!(
                        "`{name}` is not a known index; expected one of: {}",
                        known.join(", ")
                    ),
                );
                continue;
            };
            if !(2000..=2100).contains(&year) {
                self.fail(FIELD, format!("{name}: {year} is not an edition year"));
            }
            if entry.rank == 0 {
                self.fail(FIELD, format!("{name} {year}: rank 0 is not a rank"));
            }
            if let Some(of) = entry.of {
                if of < entry.rank {
                    self.fail(
                        FIELD,
                        format!("{name} {year}: rank {} of {of} is not a rank", entry.rank),
                    );
                }
            }
            let out_of_one = |score: f64| (0.0..=1.0).contains(&score);
            if !out_of_one(entry.score) {
                self.fail(
                    FIELD,
                    // `trimmed`, not `{}`: f64 formatting is 9 KB of the app's WebAssembly.
                    format!(
                        "{name} {year}: score {} is not between 0 and 1",
                        trimmed(entry.score, 3)
                    ),
                );
            }
            if let Some(average) = entry.oecd_average.filter(|a| !out_of_one(*a)) {
                self.fail(
                    FIELD,
                    format!(
                        "{name} {year}: OECD average {} is not between 0 and 1",
                        trimmed(average, 3)
                    ),
                );
            }
            self.rests_on_cited_facts(FIELD, &format!("{name} {year}"), &entry.facts, &cited);
            if seen.contains(&(index, year)) {
                self.fail(FIELD, format!("{name} {year} is listed twice"));
            }
            seen.push((index, year));
        }
    }

    fn source(&mut self, raw: &RawSource, known_facts: Option<&HashSet<String>>) {
        if let Some(url) = raw.url.as_deref().map(str::trim) {
            if !is_https_address(url) {
                self.fail("sources", format!("`{url}` is not an https address"));
            }
        }
        for fact in &raw.facts {
            if !is_fact_id(fact) {
                self.fail(
                    "sources",
                    format!("`{fact}` is not a fact id (F-001, X-01, U-01)"),
                );
            } else if known_facts.is_some_and(|known| !known.contains(fact)) {
                self.fail("sources", format!("`{fact}` is not in the fact sheet"));
            }
        }
        self.text("sources", &raw.publisher);
        self.text("sources", &raw.title);
        self.date("sources", &raw.date);
    }
}

/// https only: a source read over plain http could be altered on the way.
fn is_https_address(url: &str) -> bool {
    url.starts_with("https://") && !url.contains(char::is_whitespace) && url.len() >= 12
}

fn parsed_date(value: &Option<String>) -> Option<PartialDate> {
    value
        .as_deref()
        .and_then(|text| PartialDate::parse(text).ok())
}

fn parsed_time(value: &Option<String>) -> Option<ClockTime> {
    value
        .as_deref()
        .and_then(|text| ClockTime::parse(text).ok())
}

/// The item `raw` of `kind` in file `file` as written, with no check: texts trimmed, dates
/// and times that parse, ranks sorted by year and OECD results by index and year (an
/// unknown index left out), and a source's address only when it is https, so that no
/// content, checked or not, makes a link of another kind. For valid content it is the item
/// [`build_catalog`] keeps; [`ItemCheck::item`] checks it.
pub(super) fn item_as_written(kind: Kind, file: &str, raw: &RawItem) -> Item {
    let text = |value: &str| value.trim().to_string();
    let texts = |values: &[String]| values.iter().map(|value| text(value)).collect::<Vec<_>>();
    let optional = |value: &Option<String>| value.as_deref().map(text);
    let mut un_egov_ranks: Vec<Rank> = raw
        .un_egov_ranks
        .iter()
        .map(|entry| Rank {
            year: entry.year,
            rank: entry.rank,
            country: entry.country.clone(),
            facts: entry.facts.clone(),
        })
        .collect();
    sort_by(&mut un_egov_ranks, &|a, b| a.year.cmp(&b.year));
    let mut oecd_indices: Vec<OecdResult> = raw
        .oecd_indices
        .iter()
        .filter_map(|entry| {
            Some(OecdResult {
                index: OecdIndex::from_code(&entry.index)?,
                year: entry.year,
                rank: entry.rank,
                of: entry.of,
                score: entry.score,
                oecd_average: entry.oecd_average,
                facts: entry.facts.clone(),
            })
        })
        .collect();
    sort_by(&mut oecd_indices, &|a, b| {
        (a.index, a.year).cmp(&(b.index, b.year))
    });
    Item {
        id: raw.id.clone(),
        kind,
        file: file.to_string(),
        title: text(&raw.title),
        aliases: texts(&raw.aliases),
        summary: text(&raw.summary),
        sections: raw
            .sections
            .iter()
            .map(|section| Section {
                heading: text(&section.heading),
                paragraphs: texts(&section.paragraphs),
            })
            .collect(),
        topics: texts(&raw.topics),
        start: parsed_date(&raw.start),
        end: parsed_date(&raw.end),
        countries: raw.countries.clone(),
        organisations: raw.organisations.clone(),
        people: raw.people.clone(),
        related: raw.related.clone(),
        sources: raw
            .sources
            .iter()
            .map(|source| Source {
                publisher: text(&source.publisher),
                title: text(&source.title),
                date: parsed_date(&source.date),
                url: source
                    .url
                    .as_deref()
                    .map(str::trim)
                    .filter(|url| is_https_address(url))
                    .map(str::to_string),
                facts: source.facts.clone(),
            })
            .collect(),
        edition: raw.edition.clone(),
        session: raw.session.clone(),
        schedule: parsed_date(&raw.day).map(|day| Schedule {
            day,
            start_time: parsed_time(&raw.start_time),
            end_time: parsed_time(&raw.end_time),
        }),
        format: optional(&raw.format),
        place: optional(&raw.place),
        number: raw.number,
        status: optional(&raw.status),
        expansion: optional(&raw.expansion),
        role: optional(&raw.role),
        look_for: texts(&raw.look_for),
        questions: texts(&raw.questions),
        un_egov_ranks,
        oecd_indices,
    }
}

/// The outer shape of file `name` read by `read`, once the file is known not to be too
/// large; a file that is not JSON of that shape is one problem, saying where.
pub(super) fn parse_file<'a, T>(
    name: &str,
    text: &'a str,
    read: fn(&mut Reader<'a>) -> Result<T, JsonError>,
) -> Result<T, ContentProblem> {
    check_size(name, text)?;
    json::read_whole(text, read).map_err(|e| ContentProblem::in_file(name, describe_json_error(&e)))
}

fn check_size(name: &str, text: &str) -> Result<(), ContentProblem> {
    if text.len() > MAX_CONTENT_FILE_BYTES {
        return Err(ContentProblem::in_file(
            name,
            format!(
                "is {} KB; the limit is {} KB",
                text.len() / 1024,
                MAX_CONTENT_FILE_BYTES / 1024
            ),
        ));
    }
    Ok(())
}

/// A JSON syntax error for a person: what and where.
fn describe_json_error(error: &JsonError) -> String {
    let what = match error.category {
        Category::Eof => "the file ends too early (is it cut short?)",
        Category::Syntax => "is not valid JSON",
        Category::Data => &error.message,
    };
    format!("{what} (line {}, column {})", error.line, error.column)
}

/// The field a reader's message names (`unknown field `titel``, `missing field `id``); a
/// value of the wrong type is placed in its field by [`field_of_value`] instead.
fn field_named_in(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    let named = message[..start].contains("field");
    named.then(|| message[start..end].to_string())
}

/// The field whose value `error` is in, for a value of the wrong type ([`json::field_of`]).
/// In the content checks editors run (native builds) only: the app's notice names the file,
/// the item and the line and column, which is what a reader needs, and leaves this
/// 0.6 KB (brotli) of WebAssembly out of the code every first visit waits for.
#[cfg(not(target_arch = "wasm32"))]
fn field_of_value(raw: &str, error: &JsonError) -> Option<String> {
    json::field_of(raw, error).map(String::from)
}

#[cfg(target_arch = "wasm32")]
fn field_of_value(_raw: &str, _error: &JsonError) -> Option<String> {
    None
}

pub(super) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_fact_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let digits = |range: &[u8]| !range.is_empty() && range.iter().all(u8::is_ascii_digit);
    match bytes {
        [b'F', b'-', rest @ ..] => rest.len() == 3 && digits(rest),
        [b'X' | b'U', b'-', rest @ ..] => rest.len() == 2 && digits(rest),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_fact_ids() {
        assert!(is_fact_id("F-062"));
        assert!(is_fact_id("X-07"));
        assert!(is_fact_id("U-01"));
        assert!(!is_fact_id("F-62"));
        assert!(!is_fact_id("F-0620"));
        assert!(!is_fact_id("Z-01"));
    }

    #[test]
    fn recognises_slugs() {
        assert!(is_slug("edition-2017"));
        assert!(!is_slug("Edition 2017"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug(""));
    }

    #[test]
    fn finds_the_field_named_in_a_readers_message() {
        assert_eq!(
            field_named_in("unknown field `titel`, expected one of `id`"),
            Some("titel".into())
        );
        assert_eq!(field_named_in("invalid type: map"), None);
    }
}
