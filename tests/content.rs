//! The knowledge base, checked natively: the real `content/` is valid, complete and sourced,
//! and every kind of bad input is refused with a message naming file, item and field.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use egov_companion::content::{
    build_catalog, fact_ids_in, parse_index, parse_kind_file, Catalog, ContentProblem, Kind,
    KindFile,
};

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
}

fn known_facts() -> HashSet<String> {
    let sheet = fs::read_to_string(content_dir().join("sources/fact-sheet.md"))
        .expect("the fact sheet is copied into content/sources");
    fact_ids_in(&sheet)
}

/// Loads the real content the way the app does, with the fact-sheet ids checked too.
fn load_real_content() -> (Catalog, Vec<ContentProblem>) {
    let index_text = fs::read_to_string(content_dir().join("index.json")).expect("index.json");
    let index = parse_index(&index_text).expect("index.json parses");
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for name in &index.files {
        let text = fs::read_to_string(content_dir().join(name))
            .unwrap_or_else(|e| panic!("{name} is listed in index.json but cannot be read: {e}"));
        match parse_kind_file(name, &text) {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    let facts = known_facts();
    let (catalog, more) = build_catalog(&index.version, files, Some(&facts));
    problems.extend(more);
    let (catalog, more) = catalog.with_featured(&index.featured);
    problems.extend(more);
    (catalog, problems)
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
    assert!(!facts.contains("F-146"));
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
fn the_2017_edition_runs_day_by_day_from_the_press_release() {
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
    assert_eq!(dated, vec!["2017-11-01", "2017-11-03"]);
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
        "not an http(s) address"
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
    let huge = " ".repeat(egov_companion::content::MAX_CONTENT_FILE_BYTES + 1);
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

#[test]
fn lists_sort_by_title_or_by_date_with_undated_items_last() {
    use egov_companion::content::ListOrder;
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
