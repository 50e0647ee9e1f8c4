//! The knowledge base, checked natively: the real `content/` is valid, complete and sourced,
//! and every kind of bad input is refused with a message naming file, item and field.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use egov_core::content::raw::{RawIndex, RawItem, RawOecdResult, RawRank, RawSection, RawSource};
use egov_core::content::{
    assemble, build_catalog, fact_ids_in, parse_index, parse_kind_file, Catalog, ContentProblem,
    Item, Kind, KindFile,
};

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

fn source_document(name: &str) -> String {
    fs::read_to_string(content_dir().join("sources").join(name))
        .unwrap_or_else(|e| panic!("content/sources/{name} is copied into the repo: {e}"))
}

/// The fact sheets whose rows items may cite, in content/sources: the fact sheet (F-001–F-145,
/// X-, U-) and its addendum (F-146 on), tables in the same layout.
const FACT_SHEETS: [&str; 2] = ["fact-sheet.md", "fact-sheet-addendum.md"];

/// Every fact sheet, one after the other, read as one sheet.
fn fact_sheets() -> String {
    FACT_SHEETS
        .iter()
        .map(|name| source_document(name))
        .collect::<Vec<_>>()
        .join("\n")
}

fn known_facts() -> HashSet<String> {
    fact_ids_in(&fact_sheets())
}

/// Loads the real content the way the app does, with the fact-sheet ids checked too.
fn load_real_content() -> (Catalog, Vec<ContentProblem>) {
    let index_text = fs::read_to_string(content_dir().join("index.json")).expect("index.json");
    let index = parse_index(&index_text).expect("index.json parses");
    let files: Vec<_> = index
        .file_names()
        .into_iter()
        .map(|name| {
            let text = fs::read_to_string(content_dir().join(name)).unwrap_or_else(|e| {
                panic!("{name} is listed in index.json but cannot be read: {e}")
            });
            parse_kind_file(name, &text)
        })
        .collect();
    let assembled = assemble(&index, files, Some(&known_facts()));
    (assembled.catalog, assembled.problems)
}

#[test]
fn the_real_content_has_no_problems() {
    let (catalog, problems) = load_real_content();
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "content problems:\n{}",
        listed.join("\n")
    );
    assert!(catalog.len() > 20, "only {} items", catalog.len());
}

#[test]
fn the_fact_sheet_defines_its_ids() {
    let facts = known_facts();
    assert!(facts.contains("F-001"));
    assert!(facts.contains("F-145"));
    assert!(facts.contains("X-09"));
    assert!(facts.contains("U-10"));
    assert!(facts.contains("F-146"), "the addendum's first row");
    assert!(facts.contains("F-234"), "the addendum's last row");
    assert!(!facts.contains("F-235"));
    assert_eq!(facts.iter().filter(|id| id.starts_with("F-")).count(), 234);
}

#[test]
fn the_fact_sheet_and_its_addendum_define_different_ids() {
    let sheet = fact_ids_in(&source_document("fact-sheet.md"));
    let addendum = fact_ids_in(&source_document("fact-sheet-addendum.md"));
    assert_eq!(addendum.len(), 89, "F-146–F-234");
    let both: Vec<&String> = sheet.intersection(&addendum).collect();
    assert!(both.is_empty(), "defined twice: {both:?}");
}

#[test]
fn every_json_file_in_content_is_listed_in_the_index() {
    let index_text = fs::read_to_string(content_dir().join("index.json")).expect("index.json");
    let index = parse_index(&index_text).expect("index.json parses");
    for entry in fs::read_dir(content_dir()).expect("content dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        if name.ends_with(".json") && name != "index.json" && name != "schema.json" {
            assert!(
                index.files.contains(&name),
                "{name} is not listed in index.json"
            );
        }
    }
}

#[test]
fn the_2017_edition_dates_only_what_the_press_release_dates() {
    let (catalog, _) = load_real_content();
    let edition = catalog
        .get_of_kind(Kind::Edition, "edition-2017-seoul")
        .expect("the 2017 edition");
    assert_eq!(edition.start.map(|d| d.iso()), Some("2017-10-30".into()));
    assert_eq!(edition.end.map(|d| d.iso()), Some("2017-11-03".into()));
    assert_eq!(edition.countries.len(), 9, "nine participating countries");
    let days = catalog.programme_days("edition-2017-seoul");
    let dated: Vec<String> = days
        .iter()
        .filter_map(|(day, _)| day.map(|d| d.iso()))
        .collect();
    // The press release dates only the wrap-up meeting (3 November). The Global Forum's day
    // (1 November, from Korean reports of a forum assumed to be the same) is no schedule fact.
    assert_eq!(dated, vec!["2017-11-03"]);
    let undated: Vec<&str> = days
        .iter()
        .filter(|(day, _)| day.is_none())
        .flat_map(|(_, sessions)| sessions.iter().map(|s| s.id.as_str()))
        .collect();
    for id in [
        "2017-global-forum",
        "2017-panel-why-e-government",
        "2017-panel-future-e-government",
    ] {
        assert!(undated.contains(&id), "{id} has no day from the sources");
    }
    let sessions = catalog.sessions_of("edition-2017-seoul");
    for title in [
        "Workshop at KLID headquarters",
        "Wrap-up meeting at KLID headquarters",
        "Visit to the Ubiquitous Integrated Center",
        "Visit to the National Computing and Information Service",
        "Visit to an Information Network Village",
        "Panel: Why do we need e-Government?",
        "Panel: Future of the e-Government",
    ] {
        assert!(
            sessions.iter().any(|s| s.title == title),
            "missing session {title}"
        );
    }
}

#[test]
fn presentations_link_back_from_their_session() {
    let (catalog, _) = load_real_content();
    let linking: Vec<&str> = catalog
        .linking_to("2017-workshop-klid")
        .iter()
        .filter(|i| i.kind == Kind::Presentation)
        .map(|i| i.id.as_str())
        .collect();
    assert!(linking.contains(&"ict-makes-our-e-government-convenient"));
    assert!(linking.len() >= 3);
}

// ---- bad input: each kind is refused with a message naming where it is ----

fn one_file(kind: &str, items: &str) -> String {
    format!(r#"{{"kind": "{kind}", "items": [{items}]}}"#)
}

const GOOD_TERM: &str = r#"{"id": "g4c", "title": "G4C", "expansion": "Government for Citizen",
  "summary": "Korea's online civil-service portal opened in 2002.",
  "sources": [{"publisher": "UN", "title": "Nomination", "facts": ["F-076"]}]}"#;

fn build(files: &[(&str, String)]) -> (Catalog, Vec<ContentProblem>) {
    let mut parsed: Vec<KindFile> = Vec::new();
    let mut problems = Vec::new();
    for (name, text) in files {
        match parse_kind_file(name, text) {
            Ok(file) => parsed.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    let facts = known_facts();
    let (catalog, more) = build_catalog("2026-11-27", parsed, Some(&facts));
    problems.extend(more);
    (catalog, problems)
}

fn has_problem(
    problems: &[ContentProblem],
    item: Option<&str>,
    field: Option<&str>,
    says: &str,
) -> bool {
    problems.iter().any(|p| {
        p.item.as_deref() == item && p.field.as_deref() == field && p.message.contains(says)
    })
}

#[test]
fn a_good_item_loads_without_problems() {
    let (catalog, problems) = build(&[("glossary.json", one_file("term", GOOD_TERM))]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(catalog.len(), 1);
}

#[test]
fn a_file_that_is_not_json_is_named() {
    let (_, problems) = build(&[("glossary.json", "{\"kind\": \"term\", \"items\": [".into())]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "glossary.json");
    assert!(
        problems[0].message.contains("ends too early"),
        "{}",
        problems[0]
    );
}

#[test]
fn an_unknown_kind_is_refused() {
    let (_, problems) = build(&[("x.json", one_file("gadget", GOOD_TERM))]);
    assert!(has_problem(&problems, None, None, "unknown kind `gadget`"));
}

#[test]
fn a_misspelt_field_is_an_error_naming_the_item_and_field() {
    let bad = GOOD_TERM.replacen("\"title\"", "\"titel\"", 1);
    let (catalog, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(catalog.is_empty());
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("titel"),
        "unknown field"
    ));
}

#[test]
fn one_bad_item_leaves_the_rest_of_its_file_usable() {
    let other = GOOD_TERM.replace("\"g4c\"", "\"koneps\"");
    let bad = GOOD_TERM.replace("\"summary\"", "\"sumary\"");
    let (catalog, problems) = build(&[(
        "glossary.json",
        one_file("term", &format!("{bad}, {other}")),
    )]);
    assert_eq!(catalog.len(), 1);
    assert!(catalog.get("koneps").is_some());
    assert_eq!(problems.len(), 1);
}

#[test]
fn duplicate_ids_are_refused_naming_the_first_file() {
    let (catalog, problems) = build(&[
        ("glossary.json", one_file("term", GOOD_TERM)),
        ("more.json", one_file("term", GOOD_TERM)),
    ]);
    assert_eq!(catalog.len(), 1);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("id"),
        "already used in glossary.json"
    ));
}

#[test]
fn ids_must_be_url_safe_slugs() {
    let bad = GOOD_TERM.replace("\"g4c\"", "\"G4C portal\"");
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("G4C portal"),
        Some("id"),
        "slug"
    ));
}

#[test]
fn empty_required_fields_are_refused() {
    let bad = GOOD_TERM.replace("\"title\": \"G4C\"", "\"title\": \"  \"");
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("title"),
        "is empty"
    ));
}

#[test]
fn a_missing_required_field_is_named() {
    let bad = GOOD_TERM.replace(
        "\"summary\": \"Korea's online civil-service portal opened in 2002.\",",
        "",
    );
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("summary"),
        "missing field"
    ));
}

#[test]
fn a_kind_specific_field_is_required_where_the_kind_needs_it() {
    let bad = GOOD_TERM.replace("\"expansion\": \"Government for Citizen\",", "");
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("expansion"),
        "required on a term"
    ));
}

#[test]
fn a_field_of_another_kind_is_refused() {
    let bad = GOOD_TERM.replacen("\"title\"", "\"day\": \"2017-11-01\", \"title\"", 1);
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("day"),
        "not used on a term"
    ));
}

#[test]
fn summaries_over_sixty_words_are_refused() {
    let long = vec!["word"; 61].join(" ");
    let bad = GOOD_TERM.replace("Korea's online civil-service portal opened in 2002.", &long);
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("summary"),
        "61 words"
    ));
}

#[test]
fn invalid_dates_and_dates_out_of_order_are_refused() {
    let bad = GOOD_TERM.replacen("\"title\"", "\"start\": \"2002-02-30\", \"title\"", 1);
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("start"),
        "not a day of that month"
    ));

    let bad = GOOD_TERM.replacen(
        "\"title\"",
        "\"start\": \"2005\", \"end\": \"2002\", \"title\"",
        1,
    );
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("end"),
        "before the start"
    ));
}

#[test]
fn every_item_needs_a_source() {
    let bad = GOOD_TERM.replace(
        r#""sources": [{"publisher": "UN", "title": "Nomination", "facts": ["F-076"]}]"#,
        r#""sources": []"#,
    );
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("sources"),
        "at least one source"
    ));
}

#[test]
fn a_cited_fact_must_exist_in_the_fact_sheet() {
    let bad = GOOD_TERM.replace("F-076", "F-999");
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("sources"),
        "not in the fact sheet"
    ));
}

#[test]
fn source_links_must_be_web_addresses() {
    let bad = GOOD_TERM.replace(r#""facts": ["F-076"]"#, r#""url": "javascript:alert(1)""#);
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("sources"),
        "not an https address"
    ));
}

#[test]
fn aliases_must_be_unique_within_an_item() {
    let bad = GOOD_TERM.replacen("\"title\"", "\"aliases\": [\"G4C\", \"g4c\"], \"title\"", 1);
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("aliases"),
        "listed twice"
    ));
}

#[test]
fn a_broken_link_is_reported_and_dropped_but_the_item_stays() {
    let bad = GOOD_TERM.replacen("\"title\"", "\"related\": [\"nowhere\"], \"title\"", 1);
    let (catalog, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("related"),
        "`nowhere`, which is not an item"
    ));
    let item = catalog.get("g4c").expect("the item stays");
    assert!(item.related.is_empty());
}

#[test]
fn a_link_to_the_wrong_kind_is_reported() {
    let other = GOOD_TERM.replace("\"g4c\"", "\"koneps\"");
    let bad = GOOD_TERM.replacen("\"title\"", "\"countries\": [\"koneps\"], \"title\"", 1);
    let (_, problems) = build(&[(
        "glossary.json",
        one_file("term", &format!("{bad}, {other}")),
    )]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("countries"),
        "is a term, not a country"
    ));
}

#[test]
fn a_session_day_outside_its_edition_is_reported() {
    let edition = r#"{"id": "e2017", "title": "2017", "summary": "The 2017 edition.",
      "start": "2017-10-30", "end": "2017-11-03", "sources": [{"publisher": "P", "title": "T"}]}"#;
    let session = r#"{"id": "s1", "title": "Workshop", "summary": "A workshop.", "edition": "e2017",
      "format": "Workshop", "day": "2017-12-01", "sources": [{"publisher": "P", "title": "T"}]}"#;
    let (_, problems) = build(&[
        ("editions.json", one_file("edition", edition)),
        ("sessions.json", one_file("session", session)),
    ]);
    assert!(has_problem(
        &problems,
        Some("s1"),
        Some("day"),
        "outside its edition's dates"
    ));
}

#[test]
fn session_times_must_be_valid_and_in_order() {
    let edition = r#"{"id": "e2017", "title": "2017", "summary": "The 2017 edition.",
      "start": "2017-10-30", "end": "2017-11-03", "sources": [{"publisher": "P", "title": "T"}]}"#;
    let session = r#"{"id": "s1", "title": "Workshop", "summary": "A workshop.", "edition": "e2017",
      "format": "Workshop", "day": "2017-11-01", "start_time": "14:00", "end_time": "09:30",
      "sources": [{"publisher": "P", "title": "T"}]}"#;
    let (_, problems) = build(&[
        ("editions.json", one_file("edition", edition)),
        ("sessions.json", one_file("session", session)),
    ]);
    assert!(has_problem(
        &problems,
        Some("s1"),
        Some("end_time"),
        "before the start time"
    ));
}

#[test]
fn all_problems_are_reported_at_once() {
    let bad = GOOD_TERM
        .replace("\"title\": \"G4C\"", "\"title\": \"\"")
        .replace("F-076", "F-999")
        .replacen("\"title\":", "\"start\": \"yesterday\", \"title\":", 1);
    let (_, problems) = build(&[("glossary.json", one_file("term", &bad))]);
    assert!(problems.len() >= 3, "{problems:?}");
}

#[test]
fn an_index_that_lists_an_unsafe_file_name_is_refused() {
    let problem = parse_index(r#"{"version": "2026-11-27", "files": ["../secret.json"]}"#)
        .expect_err("unsafe name");
    assert_eq!(problem.file, "index.json");
    assert!(problem.message.contains("not a plain content file name"));
}

#[test]
fn an_invalid_content_version_is_reported() {
    let (_, problems) = {
        let facts = known_facts();
        build_catalog("last tuesday", Vec::new(), Some(&facts))
    };
    assert!(has_problem(&problems, None, Some("version"), "not a date"));
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let huge = " ".repeat(egov_core::content::MAX_CONTENT_FILE_BYTES + 1);
    let problem = parse_kind_file("glossary.json", &huge).expect_err("too big");
    assert!(problem.message.contains("the limit is"));
}

/// The field names of a `pub struct` in `src/content/raw.rs`, read from its source.
fn raw_struct_fields(name: &str) -> Vec<String> {
    let source = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/content/raw.rs"))
        .expect("raw.rs");
    let start = source
        .find(&format!("pub struct {name} {{"))
        .unwrap_or_else(|| panic!("struct {name} in raw.rs"));
    let body = &source[start..];
    let body = &body[..body.find("\n}").expect("end of struct")];
    let mut fields: Vec<String> = body
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub "))
        .filter_map(|rest| rest.split_once(':').map(|(field, _)| field.to_string()))
        .collect();
    fields.sort();
    fields
}

#[test]
fn the_json_schema_for_editors_matches_the_parser() {
    let text = fs::read_to_string(content_dir().join("schema.json")).expect("schema.json");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema.json is JSON");
    let fields = |pointer: &str| -> Vec<String> {
        let mut keys: Vec<String> = schema
            .pointer(pointer)
            .and_then(|v| v.as_object())
            .unwrap_or_else(|| panic!("{pointer} in schema.json"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(
        fields("/$defs/item/properties"),
        raw_struct_fields("RawItem")
    );
    assert_eq!(
        fields("/$defs/source/properties"),
        raw_struct_fields("RawSource")
    );
    assert_eq!(
        fields("/$defs/section/properties"),
        raw_struct_fields("RawSection")
    );
    assert_eq!(
        fields("/$defs/rank/properties"),
        raw_struct_fields("RawRank")
    );
    assert_eq!(
        fields("/$defs/oecdResult/properties"),
        raw_struct_fields("RawOecdResult")
    );
    // And the reader reads every field of each type (`FIELDS`), and no other.
    let sorted = |names: &[&str]| {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(sorted(RawItem::FIELDS), raw_struct_fields("RawItem"));
    assert_eq!(sorted(RawSource::FIELDS), raw_struct_fields("RawSource"));
    assert_eq!(sorted(RawSection::FIELDS), raw_struct_fields("RawSection"));
    assert_eq!(sorted(RawRank::FIELDS), raw_struct_fields("RawRank"));
    assert_eq!(
        sorted(RawOecdResult::FIELDS),
        raw_struct_fields("RawOecdResult")
    );
    assert_eq!(sorted(RawIndex::FIELDS), raw_struct_fields("RawIndex"));
    let kinds = schema
        .pointer("/$defs/kind/enum")
        .and_then(|v| v.as_array())
        .expect("kind enum");
    assert_eq!(kinds.len(), Kind::ALL.len());
    for kind in Kind::ALL {
        assert!(
            kinds.iter().any(|k| k == kind.file_name()),
            "{kind} in schema"
        );
    }
}

#[test]
fn featured_ids_that_name_no_item_are_reported_and_left_out() {
    let (catalog, _) = build(&[("glossary.json", one_file("term", GOOD_TERM))]);
    let (catalog, problems) = catalog.with_featured(&["g4c".to_string(), "nowhere".to_string()]);
    assert_eq!(catalog.featured().len(), 1);
    assert!(has_problem(
        &problems,
        None,
        Some("featured"),
        "`nowhere` is not an item"
    ));
}

// ---- UN E-Government Survey ranks, for the rank chart ----

const GOOD_CASE: &str = r#"{"id": "survey", "title": "Korea in the survey",
  "summary": "How Korea ranked.",
  "un_egov_ranks": [
    {"year": 2016, "rank": 3, "facts": ["F-131"]},
    {"year": 2010, "rank": 1, "facts": ["F-128"]},
    {"year": 2016, "rank": 43, "country": "greece", "facts": ["F-137"]}
  ],
  "sources": [{"publisher": "UN", "title": "Survey", "facts": ["F-128", "F-131", "F-137"]}]}"#;

const GREECE: &str = r#"{"id": "greece", "title": "Greece", "summary": "A BSEC member.",
  "sources": [{"publisher": "UN", "title": "Survey", "facts": ["F-137"]}]}"#;

fn with_greece(case: &str) -> (Catalog, Vec<ContentProblem>) {
    build(&[
        ("case-studies.json", one_file("case-study", case)),
        ("countries.json", one_file("country", GREECE)),
    ])
}

#[test]
fn un_ranks_load_in_year_order_with_their_country() {
    let (catalog, problems) = with_greece(GOOD_CASE);
    assert!(problems.is_empty(), "{problems:?}");
    let ranks = &catalog.get("survey").expect("loaded").un_egov_ranks;
    let years: Vec<u16> = ranks.iter().map(|r| r.year).collect();
    assert_eq!(years, [2010, 2016, 2016]);
    assert_eq!(ranks[2].country.as_deref(), Some("greece"));
    assert_eq!(ranks[0].country, None, "no country means Korea");
}

#[test]
fn a_un_rank_must_rest_on_a_fact_the_item_cites() {
    let bad = GOOD_CASE.replace(
        r#""rank": 1, "facts": ["F-128"]"#,
        r#""rank": 1, "facts": ["F-129"]"#,
    );
    let (_, problems) = with_greece(&bad);
    assert!(has_problem(
        &problems,
        Some("survey"),
        Some("un_egov_ranks"),
        "Korea 2010: `F-129` is not cited by a source of this item"
    ));
}

#[test]
fn a_un_rank_twice_for_one_country_and_year_or_out_of_range_is_refused() {
    let twice = GOOD_CASE.replace(r#""year": 2010"#, r#""year": 2016"#);
    let (_, problems) = with_greece(&twice);
    assert!(has_problem(
        &problems,
        Some("survey"),
        Some("un_egov_ranks"),
        "Korea 2016 is listed twice"
    ));
    let zero = GOOD_CASE.replace(r#""rank": 3"#, r#""rank": 0"#);
    let (_, problems) = with_greece(&zero);
    assert!(has_problem(
        &problems,
        Some("survey"),
        Some("un_egov_ranks"),
        "rank 0 is not a rank"
    ));
}

#[test]
fn a_un_rank_of_an_unknown_country_is_reported_and_dropped() {
    let (catalog, problems) = build(&[("case-studies.json", one_file("case-study", GOOD_CASE))]);
    assert!(has_problem(
        &problems,
        Some("survey"),
        Some("un_egov_ranks"),
        "`greece`, which is not an item"
    ));
    assert_eq!(
        catalog
            .get("survey")
            .expect("item stays")
            .un_egov_ranks
            .len(),
        2
    );
}

#[test]
fn the_real_content_charts_koreas_ranks_from_the_fact_sheet() {
    let (catalog, _) = load_real_content();
    let item = catalog
        .get("korea-in-un-e-government-survey")
        .expect("the survey case study");
    let korea: Vec<(u16, u16)> = item
        .un_egov_ranks
        .iter()
        .filter(|r| r.country.is_none())
        .map(|r| (r.year, r.rank))
        .collect();
    // F-128 to F-135: first in 2010, 2012 and 2014; 3rd in 2016; 4th in 2024.
    for expected in [(2010, 1), (2012, 1), (2014, 1), (2016, 3), (2024, 4)] {
        assert!(korea.contains(&expected), "{expected:?} in {korea:?}");
    }
    assert!(item
        .un_egov_ranks
        .iter()
        .any(|r| r.country.as_deref() == Some("greece") && r.rank == 43));
}

// ---- Korea's results in the OECD indices, for their table ----

const GOOD_OECD: &str = r#"{"id": "dgi", "title": "Korea in the OECD indices",
  "summary": "How Korea scored.",
  "oecd_indices": [
    {"index": "OURdata", "year": 2015, "rank": 1, "of": 30, "score": 0.98,
     "oecd_average": 0.58, "facts": ["F-195"]},
    {"index": "DGI", "year": 2023, "rank": 1, "score": 0.935, "oecd_average": 0.605,
     "facts": ["F-201"]},
    {"index": "DGI", "year": 2019, "rank": 1, "of": 33, "score": 0.742, "facts": ["F-199"]}
  ],
  "sources": [{"publisher": "OECD", "title": "Indices", "facts": ["F-195", "F-199", "F-201"]}]}"#;

fn oecd_case(case: &str) -> (Catalog, Vec<ContentProblem>) {
    build(&[("case-studies.json", one_file("case-study", case))])
}

/// Whether one problem names the case-studies file, the `dgi` item, `oecd_indices` and says
/// `says`.
fn has_oecd_problem(problems: &[ContentProblem], says: &str) -> bool {
    problems.iter().any(|p| p.file == "case-studies.json")
        && has_problem(problems, Some("dgi"), Some("oecd_indices"), says)
}

#[test]
fn oecd_results_load_by_index_then_year_with_rank_of_and_average() {
    use egov_core::content::OecdIndex;
    let (catalog, problems) = oecd_case(GOOD_OECD);
    assert!(problems.is_empty(), "{problems:?}");
    let results = &catalog.get("dgi").expect("loaded").oecd_indices;
    let order: Vec<(OecdIndex, u16)> = results.iter().map(|r| (r.index, r.year)).collect();
    assert_eq!(
        order,
        [
            (OecdIndex::Dgi, 2019),
            (OecdIndex::Dgi, 2023),
            (OecdIndex::OurData, 2015)
        ]
    );
    assert_eq!((results[0].of, results[0].oecd_average), (Some(33), None));
    assert_eq!(results[1].score, 0.935);
    assert_eq!(results[2].oecd_average, Some(0.58));
}

#[test]
fn an_oecd_result_must_rest_on_a_fact_the_item_cites() {
    let uncited = GOOD_OECD.replace(r#""facts": ["F-195"]}"#, r#""facts": ["F-196"]}"#);
    let (_, problems) = oecd_case(&uncited);
    assert!(has_oecd_problem(
        &problems,
        "OURdata 2015: `F-196` is not cited by a source of this item"
    ));
    let none = GOOD_OECD.replace(r#""facts": ["F-199"]}"#, r#""facts": []}"#);
    let (catalog, problems) = oecd_case(&none);
    assert!(has_oecd_problem(&problems, "DGI 2019: needs a fact id"));
    assert!(catalog.get("dgi").is_none(), "the item is refused");
}

#[test]
fn an_oecd_result_of_an_unknown_index_is_refused_naming_the_known_ones() {
    let bad = GOOD_OECD.replace(r#""index": "OURdata""#, r#""index": "EGDI""#);
    let (_, problems) = oecd_case(&bad);
    assert!(has_oecd_problem(
        &problems,
        "`EGDI` is not a known index; expected one of: DGI, OURdata"
    ));
}

#[test]
fn an_oecd_result_twice_for_one_index_and_year_is_refused() {
    let twice = GOOD_OECD.replace(r#""year": 2023"#, r#""year": 2019"#);
    let (_, problems) = oecd_case(&twice);
    assert!(has_oecd_problem(&problems, "DGI 2019 is listed twice"));
    let other_index = GOOD_OECD.replace(r#""year": 2015"#, r#""year": 2019"#);
    let (_, problems) = oecd_case(&other_index);
    assert!(
        problems.is_empty(),
        "one index's year may repeat in another: {problems:?}"
    );
}

#[test]
fn an_oecd_year_rank_or_score_out_of_range_is_refused() {
    let cases = [
        (
            r#""year": 2019"#,
            r#""year": 1999"#,
            "DGI: 1999 is not an edition year",
        ),
        (
            r#""rank": 1, "of": 33"#,
            r#""rank": 0, "of": 33"#,
            "DGI 2019: rank 0 is not a rank",
        ),
        (
            r#""rank": 1, "of": 33"#,
            r#""rank": 34, "of": 33"#,
            "DGI 2019: rank 34 of 33 is not a rank",
        ),
        (
            r#""score": 0.742"#,
            r#""score": 74.2"#,
            "DGI 2019: score 74.2 is not between 0 and 1",
        ),
        (
            r#""score": 0.98"#,
            r#""score": -0.1"#,
            "OURdata 2015: score -0.1 is not between 0 and 1",
        ),
        (
            r#""oecd_average": 0.605"#,
            r#""oecd_average": 60.5"#,
            "DGI 2023: OECD average 60.5 is not between 0 and 1",
        ),
    ];
    for (good, bad, says) in cases {
        let (_, problems) = oecd_case(&GOOD_OECD.replacen(good, bad, 1));
        assert!(has_oecd_problem(&problems, says), "{says}: {problems:?}");
    }
}

#[test]
fn oecd_results_are_used_on_case_studies_only() {
    let on_a_term = GOOD_TERM.replacen(
        "\"title\"",
        r#""oecd_indices": [{"index": "DGI", "year": 2019, "rank": 1, "score": 0.742,
          "facts": ["F-076"]}], "title""#,
        1,
    );
    let (_, problems) = build(&[("glossary.json", one_file("term", &on_a_term))]);
    assert!(has_problem(
        &problems,
        Some("g4c"),
        Some("oecd_indices"),
        "not used on a term"
    ));
}

#[test]
fn the_real_content_tables_koreas_oecd_results_from_the_fact_sheet() {
    use egov_core::content::OecdIndex;
    let (catalog, _) = load_real_content();
    let item = catalog
        .get("oecd-digital-government-index")
        .expect("the DGI case study");
    let results: Vec<(OecdIndex, u16, u16, f64)> = item
        .oecd_indices
        .iter()
        .map(|r| (r.index, r.year, r.rank, r.score))
        .collect();
    // F-195 to F-199 and F-201: first in every edition of both indices.
    let expected = [
        (OecdIndex::Dgi, 2019, 1, 0.742),
        (OecdIndex::Dgi, 2023, 1, 0.935),
        (OecdIndex::OurData, 2015, 1, 0.98),
        (OecdIndex::OurData, 2017, 1, 0.94),
        (OecdIndex::OurData, 2019, 1, 0.93),
        (OecdIndex::OurData, 2023, 1, 0.91),
    ];
    assert_eq!(results, expected);
    assert!(
        !item
            .sections
            .iter()
            .any(|s| s.heading == "OECD indices at a glance"),
        "the numbers are in the table, not repeated as prose"
    );
}

/// Every number of a structured result (year, rank, number ranked, score, average) that is not
/// in any fact-sheet row the result itself cites, as "file: item `id`, field `f`: …" lines.
fn unsourced_structured_numbers(catalog: &Catalog, sheet: &str) -> Vec<String> {
    let rows = fact_rows(sheet);
    let as_values = |text: &str| -> Vec<f64> {
        numbers_in(text)
            .iter()
            .filter_map(|n| n.parse::<f64>().ok())
            .collect()
    };
    let mut problems = Vec::new();
    for item in catalog.items() {
        let mut check = |field: &str, what: String, facts: &[String], numbers: &[f64]| {
            let given: Vec<f64> = facts
                .iter()
                .flat_map(|fact| as_values(rows.get(fact).map(String::as_str).unwrap_or("")))
                .collect();
            for number in numbers {
                if !given.iter().any(|g| (g - number).abs() < 1e-9) {
                    problems.push(format!(
                        "{}: item `{}`, field `{field}`: {what}: the number {number} is in none \
                         of its facts ({})",
                        item.file,
                        item.id,
                        facts.join(", ")
                    ));
                }
            }
        };
        for r in &item.oecd_indices {
            let mut numbers = vec![f64::from(r.year), f64::from(r.rank), r.score];
            numbers.extend(r.of.map(f64::from));
            numbers.extend(r.oecd_average);
            let what = format!("{} {}", r.index.code(), r.year);
            check("oecd_indices", what, &r.facts, &numbers);
        }
        for r in &item.un_egov_ranks {
            let what = format!("{} {}", r.country.as_deref().unwrap_or("Korea"), r.year);
            let numbers = [f64::from(r.year), f64::from(r.rank)];
            check("un_egov_ranks", what, &r.facts, &numbers);
        }
    }
    problems
}

#[test]
fn every_number_in_the_real_contents_tables_comes_from_the_facts_it_cites() {
    let (catalog, _) = load_real_content();
    let problems = unsourced_structured_numbers(&catalog, &fact_sheets());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn a_table_number_missing_from_its_facts_is_named_by_file_item_and_field() {
    let wrong = GOOD_OECD.replace(r#""score": 0.742"#, r#""score": 0.743"#);
    let (catalog, problems) = oecd_case(&wrong);
    assert!(problems.is_empty(), "{problems:?}");
    let problems = unsourced_structured_numbers(&catalog, &fact_sheets());
    assert_eq!(
        problems,
        ["case-studies.json: item `dgi`, field `oecd_indices`: DGI 2019: the number 0.743 is in \
          none of its facts (F-199)"]
    );
}

#[test]
fn lists_sort_by_title_or_by_date_with_undated_items_last() {
    use egov_core::content::ListOrder;
    let (catalog, _) = load_real_content();
    let ids = |order| -> Vec<String> {
        catalog
            .of_kind_in(Kind::Edition, order)
            .iter()
            .map(|i| i.id.clone())
            .collect()
    };
    let oldest = ids(ListOrder::Oldest);
    assert_eq!(
        oldest.first().map(String::as_str),
        Some("edition-2011-origins")
    );
    let newest = ids(ListOrder::Newest);
    assert_eq!(
        newest.first().map(String::as_str),
        Some("edition-2025-korea")
    );
    let titles: Vec<String> = catalog
        .of_kind_in(Kind::CaseStudy, ListOrder::Title)
        .iter()
        .map(|i| i.title.to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "A to Z");
    // Undated case studies come after every dated one, newest first or oldest first.
    for order in [ListOrder::Newest, ListOrder::Oldest] {
        let dated: Vec<bool> = catalog
            .of_kind_in(Kind::CaseStudy, order)
            .iter()
            .map(|i| i.date().is_some())
            .collect();
        assert!(
            dated.windows(2).all(|w| w[0] >= w[1]),
            "{order:?}: undated last"
        );
    }
    assert_eq!(ListOrder::from_param("newest"), ListOrder::Newest);
    assert_eq!(ListOrder::from_param("<script>"), ListOrder::Usual);
}

// ---- every number in an item's prose comes from a source it cites ----
//
// A number written in an item's text (title, aliases, summary, section headings and
// paragraphs, topics, look-for lines, questions, format, place, status, expansion, role) must
// appear in a fact-sheet row the item cites (every column but "Source", each cell read with its
// column heading, so "2016 EGDI rank: 43" backs both 2016 and 43) or, when the item cites the
// 2017 press release, anywhere in that release (one short document; the U- ids the items cite
// with it say only that the fact sheet could not confirm it). Years are numbers like any other.
// Exceptions live in one reviewed file, content/sources/number-allowlist.json, with a reason each.

const ALLOW_LIST: &str = "number-allowlist.json";

/// Separators that may group thousands: "1,500", "1 500" (space, no-break or thin space).
const GROUP_SEPARATORS: [char; 5] = [',', ' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The numbers written in `text`, normalised: group separators removed ("1,500" and "1 500"
/// are "1500"), leading zeros dropped, decimals kept ("98.2"). Ordinals, plurals and
/// percentages count as their number ("7th", "1990s", "24%"). Digits that are part of a name
/// are not numbers: after a letter ("G4C", "Government24", "D5") or in a code such as "F-062",
/// "X-07" or "COVID-19" (a hyphen after a capital letter).
fn numbers_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digits_at = |from: usize, count: usize| {
        from + count <= chars.len() && chars[from..from + count].iter().all(char::is_ascii_digit)
    };
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let mut whole: String = chars[start..i].iter().collect();
        if i - start <= 3 {
            while i < chars.len()
                && GROUP_SEPARATORS.contains(&chars[i])
                && digits_at(i + 1, 3)
                && !digits_at(i + 4, 1)
            {
                whole.extend(&chars[i + 1..i + 4]);
                i += 4;
            }
        }
        let mut fraction = String::new();
        if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                fraction.push(chars[i]);
                i += 1;
            }
        }
        let before = start.checked_sub(1).map(|b| chars[b]);
        let before_that = start.checked_sub(2).map(|b| chars[b]);
        let in_a_name = before.is_some_and(char::is_alphabetic)
            || (before == Some('-') && before_that.is_some_and(|c| c.is_ascii_uppercase()));
        if in_a_name {
            continue;
        }
        let whole = whole.trim_start_matches('0');
        let mut number = if whole.is_empty() { "0" } else { whole }.to_string();
        if !fraction.is_empty() {
            number.push('.');
            number.push_str(&fraction);
        }
        numbers.push(number);
    }
    numbers
}

/// Fact-sheet rows by id, as text: each cell after its column heading, the Source column left
/// out (its URLs and article numbers are not facts).
fn fact_rows(sheet: &str) -> HashMap<String, String> {
    let cells = |line: &str| -> Vec<String> {
        let line = line.trim();
        let line = line.strip_prefix('|').unwrap_or(line);
        let line = line.strip_suffix('|').unwrap_or(line);
        line.split('|').map(|c| c.trim().to_string()).collect()
    };
    let mut header: Vec<String> = Vec::new();
    let mut rows = HashMap::new();
    for line in sheet.lines() {
        if line.starts_with("| ID |") {
            header = cells(line);
            continue;
        }
        let row = cells(line);
        let id = row.first().map(String::as_str).unwrap_or("");
        let is_fact_id = matches!(id.split_once('-'), Some(("F" | "U" | "X", n))
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if !line.starts_with("| ") || !is_fact_id {
            continue;
        }
        assert_eq!(
            row.len(),
            header.len(),
            "fact-sheet row {id}: cells and headings"
        );
        let text: Vec<String> = header
            .iter()
            .zip(&row)
            .filter(|(heading, _)| heading.as_str() != "Source")
            .map(|(heading, cell)| format!("{heading}: {cell}"))
            .collect();
        rows.insert(id.to_string(), text.join(" | "));
    }
    rows
}

/// Whether a source entry is the 2017 BSEC press release copied in content/sources.
fn is_the_press_release(source: &egov_core::content::Source) -> bool {
    source.publisher.contains("Black Sea Economic Cooperation")
        && source
            .title
            .starts_with("Press release: 2017 Korea-BSEC ICT Cooperation Program")
}

/// The prose of an item, field by field, as (field name, text).
fn prose_fields(item: &Item) -> Vec<(String, &str)> {
    let mut fields = vec![("title".to_string(), item.title.as_str())];
    let lists = [
        ("aliases", &item.aliases),
        ("topics", &item.topics),
        ("look_for", &item.look_for),
        ("questions", &item.questions),
    ];
    for (name, list) in lists {
        fields.extend(list.iter().map(|text| (name.to_string(), text.as_str())));
    }
    fields.push(("summary".to_string(), item.summary.as_str()));
    for (n, section) in item.sections.iter().enumerate() {
        fields.push((format!("sections[{n}].heading"), section.heading.as_str()));
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            fields.push((format!("sections[{n}].paragraphs[{p}]"), paragraph.as_str()));
        }
    }
    let optional = [
        ("format", &item.format),
        ("place", &item.place),
        ("status", &item.status),
        ("expansion", &item.expansion),
        ("role", &item.role),
    ];
    for (name, text) in optional {
        if let Some(text) = text {
            fields.push((name.to_string(), text.as_str()));
        }
    }
    fields
}

/// One reviewed exception: a number an item may write although no source it cites gives it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AllowedNumber {
    item: String,
    number: String,
    reason: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AllowList {
    #[serde(rename = "$comment")]
    _comment: Option<String>,
    numbers: Vec<AllowedNumber>,
}

/// Every number in every item's prose that no cited fact-sheet row or press release gives and
/// the allow-list does not excuse, as "file: item `id`, field `f`: …" lines; and the
/// allow-list entries that nothing needed.
fn unsourced_numbers(
    catalog: &Catalog,
    sheet: &str,
    press_release: &str,
    allowed: &[AllowedNumber],
) -> (Vec<String>, Vec<String>) {
    let rows = fact_rows(sheet);
    let release_numbers: HashSet<String> = numbers_in(press_release).into_iter().collect();
    let mut used = vec![false; allowed.len()];
    let mut problems = Vec::new();
    for item in catalog.items() {
        let mut cited: HashSet<String> = HashSet::new();
        let mut cited_ids: Vec<&str> = Vec::new();
        for source in &item.sources {
            if is_the_press_release(source) {
                cited.extend(release_numbers.iter().cloned());
                cited_ids.push("the press release");
            }
            for fact in &source.facts {
                let row = rows.get(fact).map(String::as_str).unwrap_or("");
                cited.extend(numbers_in(row));
                cited_ids.push(fact);
            }
        }
        cited_ids.sort_unstable();
        cited_ids.dedup();
        for (field, text) in prose_fields(item) {
            for number in numbers_in(text) {
                if cited.contains(&number) {
                    continue;
                }
                let excused = allowed
                    .iter()
                    .position(|a| a.item == item.id && a.number == number);
                if let Some(n) = excused {
                    used[n] = true;
                    continue;
                }
                problems.push(format!(
                    "{}: item `{}`, field `{field}`: the number {number} is in no fact-sheet row \
                     or press release the item cites ({}); cite the fact that gives it, or list \
                     it in content/sources/{ALLOW_LIST} with a reason",
                    item.file,
                    item.id,
                    cited_ids.join(", ")
                ));
            }
        }
    }
    let unused = allowed
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(a, _)| {
            format!(
                "{ALLOW_LIST}: `{}` in item `{}` is listed but needs no exception; remove the entry",
                a.number, a.item
            )
        })
        .collect();
    (problems, unused)
}

fn allow_list() -> Vec<AllowedNumber> {
    let list: AllowList = serde_json::from_str(&source_document(ALLOW_LIST))
        .unwrap_or_else(|e| panic!("content/sources/{ALLOW_LIST}: {e}"));
    for entry in &list.numbers {
        assert!(
            entry.reason.split_whitespace().count() >= 4,
            "{ALLOW_LIST}: `{}` in item `{}` needs a reason",
            entry.number,
            entry.item
        );
        assert_eq!(
            numbers_in(&entry.number),
            std::slice::from_ref(&entry.number),
            "{ALLOW_LIST}: write `{}` (item `{}`) as the check normalises it",
            entry.number,
            entry.item
        );
    }
    list.numbers
}

#[test]
fn every_number_in_the_real_content_comes_from_a_cited_source() {
    let (catalog, _) = load_real_content();
    let (problems, unused) = unsourced_numbers(
        &catalog,
        &fact_sheets(),
        &source_document("press-release-2017.txt"),
        &allow_list(),
    );
    assert!(
        problems.is_empty() && unused.is_empty(),
        "numbers without a source:\n{}",
        [problems, unused].concat().join("\n")
    );
}

#[test]
fn numbers_are_compared_after_normalising_how_they_are_written() {
    let all = |text: &str| numbers_in(text).join(" ");
    assert_eq!(
        all("about 1,500 or 1500 or 1 500 or 1\u{a0}500"),
        "1500 1500 1500 1500"
    );
    assert_eq!(
        all("12,345,678 and 2.7 trillion, 98.2%, 0.8915"),
        "12345678 2.7 98.2 0.8915"
    );
    assert_eq!(
        all("the 7th, 1st and 22nd; the 1990s; 24%"),
        "7 1 22 1990 24"
    );
    assert_eq!(
        all("from 2005, 2006 and 2008 to 2012–2015"),
        "2005 2006 2008 2012 2015"
    );
    assert_eq!(all("in mid-2009, on 09 March"), "2009 9");
    assert_eq!(
        all("G4C, Minwon24, D5, F-062, X-07, COVID-19 and 한국1"),
        ""
    );
    assert_eq!(all("ended in 2017. Then 3 more"), "2017 3");
}

#[test]
fn fact_rows_keep_column_headings_and_leave_out_sources() {
    let rows = fact_rows(&source_document("fact-sheet.md"));
    assert!(rows.len() >= 160, "{} rows", rows.len());
    let greece = &rows["F-137"];
    assert!(greece.contains("2016 EGDI rank: 43"), "{greece}");
    assert!(!greece.contains("fliphtml5"), "{greece}");
    assert!(rows["U-05"].contains("1,500"));
    assert!(rows["X-09"].contains("more than 360"));

    // The addendum's tables have the same columns; its rows are read the same way.
    let rows = fact_rows(&fact_sheets());
    assert!(rows.len() >= 160 + 89, "{} rows", rows.len());
    let neis = &rows["F-174"];
    assert!(
        neis.contains("Fact: Upgrades") && neis.contains("Confidence: High / Med"),
        "{neis}"
    );
    assert!(neis.contains("282.4 bn won"), "{neis}");
    assert!(!neis.contains("newspim"), "{neis}");
    assert_eq!(
        numbers_in(&rows["F-198"]).first().map(String::as_str),
        Some("2023")
    );
}

#[test]
fn a_number_without_a_cited_source_is_named_by_file_item_and_field() {
    let item = GOOD_TERM.replace(
        "opened in 2002.",
        "opened in 2002 with 393 documents, 394 by 2003.",
    );
    let (catalog, problems) = build(&[("glossary.json", one_file("term", &item))]);
    assert!(problems.is_empty(), "{problems:?}");
    let sheet = source_document("fact-sheet.md");
    let (found, unused) = unsourced_numbers(&catalog, &sheet, "", &[]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("glossary.json: item `g4c`, field `summary`: the number 394 "));
    assert!(found[0].contains("(F-076)"));
    assert!(found[1].contains("the number 2003 "));
    assert!(unused.is_empty());

    // Citing the press release covers what it says; an allow-list entry covers the rest.
    let with_release = item.replace(
        r#"{"publisher": "UN", "title": "Nomination", "facts": ["F-076"]}"#,
        r#"{"publisher": "UN", "title": "Nomination", "facts": ["F-076"]},
           {"publisher": "Organization of the Black Sea Economic Cooperation",
            "title": "Press release: 2017 Korea-BSEC ICT Cooperation Program (Seoul)"}"#,
    );
    let (catalog, _) = build(&[("glossary.json", one_file("term", &with_release))]);
    let allowed = [
        AllowedNumber {
            item: "g4c".into(),
            number: "394".into(),
            reason: "a test of the allow-list".into(),
        },
        AllowedNumber {
            item: "g4c".into(),
            number: "77".into(),
            reason: "an entry nothing needs".into(),
        },
    ];
    let (found, unused) = unsourced_numbers(&catalog, &sheet, "yearly since 2003", &allowed);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(unused.len(), 1, "{unused:?}");
    assert!(unused[0].contains("`77` in item `g4c`"));
}

#[test]
fn the_number_allow_list_is_not_loaded_as_content() {
    let index_text = fs::read_to_string(content_dir().join("index.json")).expect("index.json");
    let index = parse_index(&index_text).expect("index.json parses");
    assert!(!index.files.iter().any(|f| f.contains(ALLOW_LIST)));
    assert!(
        !content_dir().join(ALLOW_LIST).exists(),
        "it lives in content/sources/"
    );
}
