//! The content files exactly as editors write them: strict types, and how each is read from
//! JSON ([`crate::json`]), nothing more.
//!
//! Every type refuses unknown fields, so a misspelt field is an error rather than silently
//! ignored; a field may be left out where its type has a default (empty, `None`, `false`),
//! and a `None` may also be written `null`. These types carry no rules beyond shape;
//! `validate` turns them into the catalog and is the only place that decides what is
//! allowed. UI code never sees these types.

use crate::json::{JsonError, Reader};

/// `content/index.json`: the content version and the list of kind files to load.
#[derive(Debug, Clone)]
pub struct RawIndex {
    /// The content version: the date of the last edit, `YYYY-MM-DD`.
    pub version: String,
    /// File names, relative to `content/`, each holding the items of one kind.
    pub files: Vec<String>,
    /// Ids of the items the home page features, in order (editors' choice).
    pub featured: Vec<String>,
    /// Written by the build, never by editors: each kind file's bodies are in a file of
    /// their own (`case-studies.bodies.json`), so pages can be drawn before they arrive.
    pub split_bodies: bool,
}

/// One item as written. Fields that only some kinds use are optional here; `validate`
/// rejects them on kinds that do not use them.
#[derive(Debug, Clone, Default)]
pub struct RawItem {
    /// Stable, URL-safe slug.
    pub id: String,
    /// The title a reader sees.
    pub title: String,
    /// Other names: acronyms, former names, Korean names in Hangul, native-language names.
    pub aliases: Vec<String>,
    /// Plain-English summary, at most 60 words.
    pub summary: String,
    /// Body sections.
    pub sections: Vec<RawSection>,
    /// Topic labels, lower case (`data centres`).
    pub topics: Vec<String>,
    /// When it starts, opened, was founded or joined (YYYY, YYYY-MM or YYYY-MM-DD).
    pub start: Option<String>,
    /// When it ends or ended.
    pub end: Option<String>,
    /// Ids of related countries.
    pub countries: Vec<String>,
    /// Ids of related organisations.
    pub organisations: Vec<String>,
    /// Ids of people named in a role.
    pub people: Vec<String>,
    /// Ids of any other related items.
    pub related: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<RawSource>,

    /// Sessions and presentations: the edition they belong to.
    pub edition: Option<String>,
    /// Presentations: the session they were part of.
    pub session: Option<String>,
    /// Sessions: the programme day (`YYYY-MM-DD`), only where a source gives it.
    pub day: Option<String>,
    /// Sessions: start time in Korea Standard Time, `HH:MM`, only where a source gives it.
    pub start_time: Option<String>,
    /// Sessions: end time in Korea Standard Time, `HH:MM`.
    pub end_time: Option<String>,
    /// Sessions: what sort of session (`workshop`, `forum`, `site-visit`, `meeting`, …).
    pub format: Option<String>,
    /// Editions, sessions, site visits, organisations: the place, as a reader would say it.
    pub place: Option<String>,
    /// Editions: the ordinal number where a source states it (7 for the 7th edition).
    pub number: Option<u32>,
    /// Case studies: whether it still runs, was replaced, …
    pub status: Option<String>,
    /// Glossary terms: what the acronym stands for.
    pub expansion: Option<String>,
    /// People: the role in which a source names them.
    pub role: Option<String>,
    /// Site visits: things worth looking for on the visit.
    pub look_for: Vec<String>,
    /// Site visits and case studies: questions a visitor might ask.
    pub questions: Vec<String>,
    /// Case studies: ranks in the UN E-Government Survey (EGDI), for the rank chart.
    pub un_egov_ranks: Vec<RawRank>,
    /// Case studies: Korea's results in the OECD's digital government indices, for their table.
    pub oecd_indices: Vec<RawOecdResult>,
}

/// One rank in the UN E-Government Survey: `{"year": 2016, "rank": 43, "country": "greece",
/// "facts": ["F-137"]}`. Without `country` the rank is Korea's.
#[derive(Debug, Clone)]
pub struct RawRank {
    /// The survey's year.
    pub year: u16,
    /// The EGDI rank, 1 = first.
    pub rank: u16,
    /// A country item id; absent for Korea.
    pub country: Option<String>,
    /// The fact-sheet ids this rank comes from; each must also be cited by a source.
    pub facts: Vec<String>,
}

/// Korea's result in one edition of an OECD index: `{"index": "DGI", "year": 2019, "rank": 1,
/// "of": 33, "score": 0.742, "facts": ["F-199"]}`.
#[derive(Debug, Clone)]
pub struct RawOecdResult {
    /// The index: `DGI` (Digital Government Index) or `OURdata` (open government data).
    pub index: String,
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
    /// The fact-sheet ids this result comes from; each must also be cited by a source.
    pub facts: Vec<String>,
}

/// A body section: a heading and its paragraphs (plain text, never HTML).
#[derive(Debug, Clone)]
pub struct RawSection {
    /// Section heading.
    pub heading: String,
    /// Paragraphs, plain text.
    pub paragraphs: Vec<String>,
}

/// One source an item rests on.
#[derive(Debug, Clone, Default)]
pub struct RawSource {
    /// Who published it.
    pub publisher: String,
    /// Its title, or a plain description where it has none.
    pub title: String,
    /// When it was published.
    pub date: Option<String>,
    /// Where to read it, if it is online.
    pub url: Option<String>,
    /// The fact-sheet ids (`F-062`, `X-07`, `U-02`) this source stands for.
    pub facts: Vec<String>,
}

impl RawIndex {
    /// Every field the index may have.
    pub const FIELDS: &'static [&'static str] = &["version", "files", "featured", "split_bodies"];

    /// The index from `reader`.
    pub fn read(reader: &mut Reader) -> Result<Self, JsonError> {
        let mut index = RawIndex {
            version: String::new(),
            files: Vec::new(),
            featured: Vec::new(),
            split_bodies: false,
        };
        let mut fields = reader.object(Self::FIELDS)?;
        while let Some(field) = fields.next(reader)? {
            match field {
                "version" => index.version = reader.string()?,
                "files" => index.files = reader.strings()?,
                "featured" => index.featured = reader.strings()?,
                "split_bodies" => index.split_bodies = reader.boolean()?,
                _ => unread_field(reader)?,
            }
        }
        fields.require(reader, "version")?;
        fields.require(reader, "files")?;
        Ok(index)
    }
}

impl RawItem {
    /// Every field an item may have, in the order of the struct.
    pub const FIELDS: &'static [&'static str] = &[
        "id",
        "title",
        "aliases",
        "summary",
        "sections",
        "topics",
        "start",
        "end",
        "countries",
        "organisations",
        "people",
        "related",
        "sources",
        "edition",
        "session",
        "day",
        "start_time",
        "end_time",
        "format",
        "place",
        "number",
        "status",
        "expansion",
        "role",
        "look_for",
        "questions",
        "un_egov_ranks",
        "oecd_indices",
    ];

    /// One item from `reader`.
    pub fn read(r: &mut Reader) -> Result<Self, JsonError> {
        let mut item = RawItem::default();
        let mut fields = r.object(Self::FIELDS)?;
        // Each field is read into its place by a shared function (`…_into`), not assigned
        // here: one copy of the code for each type of field instead of one per field.
        while let Some(field) = fields.next(r)? {
            match field {
                "id" => r.string_into(&mut item.id)?,
                "title" => r.string_into(&mut item.title)?,
                "aliases" => r.strings_into(&mut item.aliases)?,
                "summary" => r.string_into(&mut item.summary)?,
                "sections" => r.list_into(&mut item.sections, RawSection::read)?,
                "topics" => r.strings_into(&mut item.topics)?,
                "start" => r.optional_string_into(&mut item.start)?,
                "end" => r.optional_string_into(&mut item.end)?,
                "countries" => r.strings_into(&mut item.countries)?,
                "organisations" => r.strings_into(&mut item.organisations)?,
                "people" => r.strings_into(&mut item.people)?,
                "related" => r.strings_into(&mut item.related)?,
                "sources" => r.list_into(&mut item.sources, RawSource::read)?,
                "edition" => r.optional_string_into(&mut item.edition)?,
                "session" => r.optional_string_into(&mut item.session)?,
                "day" => r.optional_string_into(&mut item.day)?,
                "start_time" => r.optional_string_into(&mut item.start_time)?,
                "end_time" => r.optional_string_into(&mut item.end_time)?,
                "format" => r.optional_string_into(&mut item.format)?,
                "place" => r.optional_string_into(&mut item.place)?,
                "number" => item.number = r.optional(Reader::u32)?,
                "status" => r.optional_string_into(&mut item.status)?,
                "expansion" => r.optional_string_into(&mut item.expansion)?,
                "role" => r.optional_string_into(&mut item.role)?,
                "look_for" => r.strings_into(&mut item.look_for)?,
                "questions" => r.strings_into(&mut item.questions)?,
                "un_egov_ranks" => r.list_into(&mut item.un_egov_ranks, RawRank::read)?,
                "oecd_indices" => r.list_into(&mut item.oecd_indices, RawOecdResult::read)?,
                _ => unread_field(r)?,
            }
        }
        for required in ["id", "title", "summary"] {
            fields.require(r, required)?;
        }
        Ok(item)
    }
}

/// A field in a type's `FIELDS` that its `read` forgot: skipped (a test reads every field).
fn unread_field(reader: &mut Reader) -> Result<(), JsonError> {
    reader.skip()
}

impl RawRank {
    /// Every field a rank may have.
    pub const FIELDS: &'static [&'static str] = &["year", "rank", "country", "facts"];

    /// One rank from `reader`.
    pub fn read(reader: &mut Reader) -> Result<Self, JsonError> {
        let (mut year, mut rank, mut country, mut facts) = (0, 0, None, Vec::new());
        let mut fields = reader.object(Self::FIELDS)?;
        while let Some(field) = fields.next(reader)? {
            match field {
                "year" => year = reader.u16()?,
                "rank" => rank = reader.u16()?,
                "country" => country = reader.optional(Reader::string)?,
                "facts" => facts = reader.strings()?,
                _ => unread_field(reader)?,
            }
        }
        for required in ["year", "rank", "facts"] {
            fields.require(reader, required)?;
        }
        Ok(RawRank {
            year,
            rank,
            country,
            facts,
        })
    }
}

impl RawOecdResult {
    /// Every field a result may have.
    pub const FIELDS: &'static [&'static str] = &[
        "index",
        "year",
        "rank",
        "of",
        "score",
        "oecd_average",
        "facts",
    ];

    /// One result from `reader`.
    pub fn read(reader: &mut Reader) -> Result<Self, JsonError> {
        let mut result = RawOecdResult {
            index: String::new(),
            year: 0,
            rank: 0,
            of: None,
            score: 0.0,
            oecd_average: None,
            facts: Vec::new(),
        };
        let mut fields = reader.object(Self::FIELDS)?;
        while let Some(field) = fields.next(reader)? {
            match field {
                "index" => result.index = reader.string()?,
                "year" => result.year = reader.u16()?,
                "rank" => result.rank = reader.u16()?,
                "of" => result.of = reader.optional(Reader::u16)?,
                "score" => result.score = reader.float()?,
                "oecd_average" => result.oecd_average = reader.optional(Reader::float)?,
                "facts" => result.facts = reader.strings()?,
                _ => unread_field(reader)?,
            }
        }
        for required in ["index", "year", "rank", "score", "facts"] {
            fields.require(reader, required)?;
        }
        Ok(result)
    }
}

impl RawSection {
    /// Every field a section may have.
    pub const FIELDS: &'static [&'static str] = &["heading", "paragraphs"];

    /// One section from `reader`.
    pub fn read(reader: &mut Reader) -> Result<Self, JsonError> {
        let (mut heading, mut paragraphs) = (String::new(), Vec::new());
        let mut fields = reader.object(Self::FIELDS)?;
        while let Some(field) = fields.next(reader)? {
            match field {
                "heading" => heading = reader.string()?,
                "paragraphs" => paragraphs = reader.strings()?,
                _ => unread_field(reader)?,
            }
        }
        fields.require(reader, "heading")?;
        fields.require(reader, "paragraphs")?;
        Ok(RawSection {
            heading,
            paragraphs,
        })
    }
}

impl RawSource {
    /// Every field a source may have.
    pub const FIELDS: &'static [&'static str] = &["publisher", "title", "date", "url", "facts"];

    /// One source from `reader`.
    pub fn read(reader: &mut Reader) -> Result<Self, JsonError> {
        let mut source = RawSource::default();
        let mut fields = reader.object(Self::FIELDS)?;
        while let Some(field) = fields.next(reader)? {
            match field {
                "publisher" => source.publisher = reader.string()?,
                "title" => source.title = reader.string()?,
                "date" => source.date = reader.optional(Reader::string)?,
                "url" => source.url = reader.optional(Reader::string)?,
                "facts" => source.facts = reader.strings()?,
                _ => unread_field(reader)?,
            }
        }
        fields.require(reader, "publisher")?;
        fields.require(reader, "title")?;
        Ok(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::read_whole;

    /// An item with every field, each with a value of its own.
    const EVERY_FIELD: &str = r#"{
      "id": "i", "title": "t", "aliases": ["a"], "summary": "s",
      "sections": [{"heading": "h", "paragraphs": ["p"]}], "topics": ["to"],
      "start": "2017", "end": "2018", "countries": ["c"], "organisations": ["o"],
      "people": ["pe"], "related": ["r"],
      "sources": [{"publisher": "pu", "title": "ti", "date": "2017-10-30",
                   "url": "https://example.org", "facts": ["F-001"]}],
      "edition": "e", "session": "se", "day": "2017-10-30", "start_time": "09:30",
      "end_time": "12:00", "format": "f", "place": "pl", "number": 7, "status": "st",
      "expansion": "ex", "role": "ro", "look_for": ["l"], "questions": ["q"],
      "un_egov_ranks": [{"year": 2016, "rank": 3, "country": "greece", "facts": ["F-131"]}],
      "oecd_indices": [{"index": "DGI", "year": 2019, "rank": 1, "of": 33, "score": 0.742,
                        "oecd_average": 0.501, "facts": ["F-199"]}]
    }"#;

    #[test]
    fn every_field_of_every_type_is_read_into_its_place() {
        let item = read_whole(EVERY_FIELD, RawItem::read).expect("every field");
        let texts = [
            &item.id,
            &item.title,
            &item.summary,
            &item.aliases[0],
            &item.topics[0],
            &item.countries[0],
            &item.organisations[0],
            &item.people[0],
            &item.related[0],
            &item.look_for[0],
            &item.questions[0],
            &item.sections[0].heading,
            &item.sections[0].paragraphs[0],
        ];
        let expected = [
            "i", "t", "s", "a", "to", "c", "o", "pe", "r", "l", "q", "h", "p",
        ];
        assert_eq!(texts.map(String::as_str), expected);
        let optional = [
            &item.start,
            &item.end,
            &item.edition,
            &item.session,
            &item.day,
            &item.start_time,
            &item.end_time,
            &item.format,
            &item.place,
            &item.status,
            &item.expansion,
            &item.role,
        ];
        let expected = [
            "2017",
            "2018",
            "e",
            "se",
            "2017-10-30",
            "09:30",
            "12:00",
            "f",
            "pl",
            "st",
            "ex",
            "ro",
        ];
        assert_eq!(optional.map(|o| o.as_deref().unwrap_or_default()), expected);
        assert_eq!(item.number, Some(7));
        let source = &item.sources[0];
        assert_eq!(
            (
                &*source.publisher,
                &*source.title,
                source.date.as_deref(),
                source.url.as_deref()
            ),
            ("pu", "ti", Some("2017-10-30"), Some("https://example.org"))
        );
        assert_eq!(source.facts, ["F-001"]);
        let rank = &item.un_egov_ranks[0];
        assert_eq!(
            (rank.year, rank.rank, rank.country.as_deref()),
            (2016, 3, Some("greece"))
        );
        assert_eq!(rank.facts, ["F-131"]);
        let oecd = &item.oecd_indices[0];
        assert_eq!(
            (&*oecd.index, oecd.year, oecd.rank, oecd.of),
            ("DGI", 2019, 1, Some(33))
        );
        assert_eq!((oecd.score, oecd.oecd_average), (0.742, Some(0.501)));
        assert_eq!(oecd.facts, ["F-199"]);
        let index =
            r#"{"version": "v", "files": ["f.json"], "featured": ["x"], "split_bodies": true}"#;
        let index = read_whole(index, RawIndex::read).expect("every index field");
        assert_eq!((&*index.version, index.split_bodies), ("v", true));
        assert_eq!(
            (index.files, index.featured),
            (vec!["f.json".into()], vec!["x".into()])
        );
    }

    #[test]
    fn optional_fields_may_be_null_or_left_out_lists_may_not_be_null() {
        let item = r#"{"id": "i", "title": "t", "summary": "s", "start": null, "number": null}"#;
        let item = read_whole(item, RawItem::read).expect("nulls");
        assert_eq!((item.start, item.number), (None, None));
        let null_list = r#"{"id": "i", "title": "t", "summary": "s", "topics": null}"#;
        let error = read_whole(null_list, RawItem::read).expect_err("a null list");
        assert!(
            error
                .message
                .contains("invalid type: null, expected an array"),
            "{error}"
        );
    }

    #[test]
    fn ranks_and_years_must_fit_their_numbers() {
        let rank = r#"{"year": 2016, "rank": 70000, "facts": []}"#;
        let error = read_whole(rank, RawRank::read).expect_err("too large");
        assert!(
            error.message.contains("integer `70000`, expected u16"),
            "{error}"
        );
        let missing = read_whole(r#"{"year": 2016, "facts": []}"#, RawRank::read);
        assert_eq!(
            missing.expect_err("no rank").message,
            "missing field `rank`"
        );
    }
}
