//! Search behaviour, as a spec: small fixtures for ranking rules, and golden queries over the
//! real `content/`.

mod common;

use common::real_catalog;
use egov_core::content::{Catalog, Kind};
use egov_core::fixtures::{glossary_catalog, FixtureTerm};
use egov_core::search::{
    find, search, Filters, ItemTexts, Query, SearchIndex, Segment, StoredTexts,
};

/// A catalog of glossary terms: (id, title, aliases, summary, body).
fn fixture(items: &[(&str, &str, &[&str], &str, &str)]) -> Catalog {
    let terms: Vec<FixtureTerm> = items
        .iter()
        .map(|&(id, title, aliases, summary, body)| FixtureTerm {
            id,
            title,
            aliases,
            summary,
            body,
        })
        .collect();
    glossary_catalog(&terms)
}

fn ids(catalog: &Catalog, index: &SearchIndex, text: &str) -> Vec<String> {
    search(index, catalog, &Query::new(text))
        .hits
        .iter()
        .map(|hit| catalog.items()[hit.item].id.clone())
        .collect()
}

/// The marked words of a title or snippet.
fn marked(segments: &[Segment]) -> Vec<&str> {
    segments
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect()
}

fn top(catalog: &Catalog, index: &SearchIndex, text: &str) -> Option<String> {
    ids(catalog, index, text).into_iter().next()
}

// ---- ranking rules, on fixtures ----

#[test]
fn ranks_the_shortest_completion_of_a_prefix_first() {
    // Names listed first would win a tie: the rule, not the order, must decide.
    let catalog = fixture(&[
        (
            "seongyun",
            "Seong Yun-ho",
            &["성윤호"],
            "A name.",
            "Nothing more.",
        ),
        (
            "seomin",
            "Seo Min-jun",
            &["서민준"],
            "A name.",
            "Nothing more.",
        ),
        (
            "seoktae",
            "Seok Tae-yang",
            &["석태양"],
            "A name.",
            "Nothing more.",
        ),
        ("seoul", "Seoul", &["서울"], "A city.", "Nothing more."),
        ("barometer", "Barometer", &[], "A summary.", "Nothing more."),
        ("bar", "Bar", &[], "A summary.", "Nothing more."),
    ]);
    let index = SearchIndex::build(&catalog);
    assert_eq!(top(&catalog, &index, "서").as_deref(), Some("seoul"));
    assert_eq!(top(&catalog, &index, "ㅅㅇ").as_deref(), Some("seoul"));
    assert_eq!(top(&catalog, &index, "ba").as_deref(), Some("bar"));
}

#[test]
fn ranks_title_matches_above_body_matches() {
    let catalog = fixture(&[
        (
            "body",
            "Something else",
            &[],
            "A summary.",
            "It mentions procurement in passing.",
        ),
        ("title", "Procurement", &[], "A summary.", "Nothing more."),
    ]);
    let index = SearchIndex::build(&catalog);
    assert_eq!(ids(&catalog, &index, "procurement "), ["title", "body"]);
}

#[test]
fn ranks_exact_matches_above_prefix_matches_above_typo_matches() {
    let catalog = fixture(&[
        ("typo", "Portel", &[], "A summary.", "Text."),
        ("prefix", "Portals", &[], "A summary.", "Text."),
        ("exact", "Portal", &[], "A summary.", "Text."),
    ]);
    let index = SearchIndex::build(&catalog);
    assert_eq!(ids(&catalog, &index, "portal"), ["exact", "prefix", "typo"]);
}

#[test]
fn requires_every_word_to_match() {
    let catalog = fixture(&[
        ("both", "Tax portal", &[], "A summary.", "Text."),
        ("one", "Tax office", &[], "A summary.", "Text."),
    ]);
    let index = SearchIndex::build(&catalog);
    assert_eq!(ids(&catalog, &index, "tax portal"), ["both"]);
}

#[test]
fn matches_the_word_being_typed_as_a_prefix_but_not_finished_words() {
    let catalog = fixture(&[("g", "Government portal", &[], "A summary.", "Text.")]);
    let index = SearchIndex::build(&catalog);
    assert_eq!(ids(&catalog, &index, "gov"), ["g"]);
    assert!(
        ids(&catalog, &index, "gov ").is_empty(),
        "a finished word must match whole"
    );
}

#[test]
fn forgives_no_typo_under_five_letters_one_up_to_eight_two_from_nine() {
    let catalog = fixture(&[
        ("short", "Data", &[], "A summary.", "Text."),
        ("medium", "Customs", &[], "A summary.", "Text."),
        ("long", "Procurement", &[], "A summary.", "Text."),
    ]);
    let index = SearchIndex::build(&catalog);
    assert!(ids(&catalog, &index, "dota ").is_empty());
    assert_eq!(ids(&catalog, &index, "custons "), ["medium"]);
    assert!(ids(&catalog, &index, "cuztons ").is_empty());
    assert_eq!(
        ids(&catalog, &index, "procuremnet "),
        ["long"],
        "a transposition is one edit"
    );
    assert_eq!(ids(&catalog, &index, "prokurenent "), ["long"]);
}

#[test]
fn finds_baku_spelled_without_the_dotless_i() {
    let catalog = fixture(&[("baku", "Bakı", &[], "Capital of Azərbaycan.", "Text.")]);
    let index = SearchIndex::build(&catalog);
    assert_eq!(top(&catalog, &index, "baku").as_deref(), None, "u is not i");
    assert_eq!(top(&catalog, &index, "baki").as_deref(), Some("baku"));
    assert_eq!(top(&catalog, &index, "BAKI").as_deref(), Some("baku"));
    assert_eq!(top(&catalog, &index, "azerbaycan").as_deref(), Some("baku"));
}

#[test]
fn finds_romanian_letters_with_comma_or_cedilla() {
    let catalog = fixture(&[("ro", "Ștefan and Țara", &[], "A summary.", "Text.")]);
    let index = SearchIndex::build(&catalog);
    for query in ["stefan", "Ştefan", "Ștefan", "ţara", "tara"] {
        assert_eq!(
            top(&catalog, &index, query).as_deref(),
            Some("ro"),
            "{query}"
        );
    }
}

#[test]
fn finds_greek_without_accents_and_hangul_by_prefix_half_syllable_and_initials() {
    let catalog = fixture(&[
        ("gr", "Greece", &["Ελλάδα"], "A summary.", "Text."),
        ("kr", "Seoul", &["서울"], "A summary.", "Text."),
        ("name", "Kim Min-jun", &["김민준"], "A summary.", "Text."),
    ]);
    let index = SearchIndex::build(&catalog);
    assert_eq!(top(&catalog, &index, "ελλαδα").as_deref(), Some("gr"));
    assert_eq!(top(&catalog, &index, "ΕΛΛΑΔΑ").as_deref(), Some("gr"));
    assert_eq!(top(&catalog, &index, "김민").as_deref(), Some("name"));
    assert_eq!(
        top(&catalog, &index, "성").as_deref(),
        Some("kr"),
        "half-typed 서울"
    );
    assert_eq!(
        top(&catalog, &index, "ㅅㅇ").as_deref(),
        Some("kr"),
        "initial consonants"
    );
}

#[test]
fn suggests_a_correction_when_nothing_matches() {
    let catalog = fixture(&[("h", "Hometax", &[], "Online tax service.", "Text.")]);
    let index = SearchIndex::build(&catalog);
    let results = search(&index, &catalog, &Query::new("hmtax online "));
    assert!(results.hits.is_empty());
    assert_eq!(results.suggestion.as_deref(), Some("hometax online"));
}

#[test]
fn marks_matched_words_in_titles_and_snippets() {
    let catalog = fixture(&[(
        "t",
        "Hometax",
        &[],
        "The internet tax service of the National Tax Service.",
        "Text.",
    )]);
    let index = SearchIndex::build(&catalog);
    let results = search(&index, &catalog, &Query::new("internet"));
    assert_eq!(marked(&results.hits[0].snippet), ["internet"]);
    let results = search(&index, &catalog, &Query::new("homet"));
    assert!(results.hits[0]
        .title
        .iter()
        .any(|s| s.marked && s.text == "Hometax"));
}

#[test]
fn an_empty_or_punctuation_only_query_finds_nothing() {
    let catalog = fixture(&[("t", "Hometax", &[], "A summary.", "Text.")]);
    let index = SearchIndex::build(&catalog);
    assert!(ids(&catalog, &index, "").is_empty());
    assert!(ids(&catalog, &index, " -- !! ").is_empty());
}

// ---- golden queries over the real content ----

#[test]
fn an_acronym_finds_its_item() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    for (query, id) in [
        ("KLID", "klid"),
        ("NIRS", "ncis-nirs"),
        ("koneps", "koneps"),
        ("unipass", "uni-pass"),
    ] {
        let found = ids(&catalog, &index, query);
        assert!(found.iter().take(3).any(|f| f == id), "{query}: {found:?}");
    }
}

#[test]
fn a_korean_name_finds_its_item() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let found = ids(&catalog, &index, "정보화마을");
    assert!(
        found
            .iter()
            .take(3)
            .any(|f| f.contains("information-network-village") || f.contains("invil")),
        "{found:?}"
    );
    let found = ids(&catalog, &index, "행정안전부");
    assert!(found.iter().take(3).any(|f| f == "mois"), "{found:?}");
}

#[test]
fn a_countrys_native_name_finds_the_country() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    for (query, id) in [
        ("România", "romania"),
        ("romania", "romania"),
        ("Türkiye", "turkiye"),
        ("turkiye", "turkiye"),
        ("Ελλάδα", "greece"),
        ("България", "bulgaria"),
        ("Україна", "ukraine"),
        ("Հայաստան", "armenia"),
        ("Azərbaycan", "azerbaijan"),
        ("azerbaycan", "azerbaijan"),
        ("Србија", "serbia"),
        ("საქართველო", "georgia"),
    ] {
        assert_eq!(top(&catalog, &index, query).as_deref(), Some(id), "{query}");
    }
}

#[test]
fn a_typo_in_a_long_word_still_finds_the_case() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let found = ids(&catalog, &index, "hometxa ");
    assert_eq!(
        found.first().map(String::as_str),
        Some("hometax"),
        "{found:?}"
    );
}

#[test]
fn filters_narrow_results_and_facets_count_the_rest() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let mut query = Query::new("seoul");
    let all = search(&index, &catalog, &query);
    assert!(all.total > 3);
    let sessions = all
        .facets
        .kinds
        .iter()
        .find(|(kind, _)| *kind == Kind::Session)
        .map(|(_, count)| *count)
        .expect("sessions mention Seoul");
    query.filters = Filters {
        kind: Some(Kind::Session),
        ..Filters::default()
    };
    let filtered = search(&index, &catalog, &query);
    assert_eq!(filtered.total, sessions);
    assert!(filtered
        .hits
        .iter()
        .all(|hit| catalog.items()[hit.item].kind == Kind::Session));
    // The kind facet still counts other kinds, so a person can switch.
    assert_eq!(filtered.facets.kinds, all.facets.kinds);
}

#[test]
fn a_filter_that_leaves_nothing_is_still_listed_with_zero_beside_the_rest() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let mut query = Query::new("hometax");
    query.filters.kind = Some(Kind::Person);
    let results = search(&index, &catalog, &query);
    assert_eq!(results.total, 0);
    assert!(results.facets.kinds.contains(&(Kind::Person, 0)));
    assert!(
        results.facets.kinds.iter().any(|(_, count)| *count > 0),
        "the other kinds are counted, to switch to: {:?}",
        results.facets.kinds
    );
    query.filters = Filters::default();
    query.filters.topic = Some("No such topic".into());
    let results = search(&index, &catalog, &query);
    assert_eq!(results.total, 0);
    assert_eq!(
        results.facets.topics.first(),
        Some(&("No such topic".to_string(), 0))
    );
}

#[test]
fn filters_alone_list_every_matching_item() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let mut query = Query::new("");
    query.filters.country = Some("romania".into());
    let results = search(&index, &catalog, &query);
    assert!(results.total >= 2, "{}", results.total);
    assert!(results
        .hits
        .iter()
        .any(|h| catalog.items()[h.item].id == "romania"));
}

#[test]
fn filters_by_organisation_with_counts() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let mut query = Query::new("");
    query.filters.kind = Some(Kind::CaseStudy);
    let all = search(&index, &catalog, &query);
    let (mois, count) = all
        .facets
        .organisations
        .iter()
        .find(|(id, _)| id == "mois")
        .cloned()
        .expect("case studies name the interior ministry");
    assert!(count >= 2, "{count}");
    query.filters.organisation = Some(mois);
    let filtered = search(&index, &catalog, &query);
    assert_eq!(filtered.total, count);
    assert!(filtered.hits.iter().all(|hit| catalog.items()[hit.item]
        .organisations
        .iter()
        .any(|o| o == "mois")));
}

// ---- drawing a little at a time: `find`, then hits, facets and suggestion when asked ----

#[test]
fn find_counts_every_match_but_marks_only_the_hits_asked_for() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let query = Query::new("e");
    let found = find(&index, &catalog, &query);
    assert!(found.total() > 10, "{}", found.total());
    let first = found.hits(&index, &catalog, 10);
    assert_eq!(first.len(), 10);
    assert_eq!(
        found.hits(&index, &catalog, found.total() + 5).len(),
        found.total()
    );
    assert!(found.hits(&index, &catalog, 0).is_empty());
}

#[test]
fn asking_for_more_hits_keeps_the_first_ones_in_the_same_order() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    for text in ["e", "seoul", "ㅅㅇ", "gov"] {
        let found = find(&index, &catalog, &Query::new(text));
        let ten = found.hits(&index, &catalog, 10);
        let twenty = found.hits(&index, &catalog, 20);
        assert_eq!(ten[..], twenty[..ten.len()], "{text}");
    }
    let mut listing = Query::new("");
    listing.filters.kind = Some(Kind::CaseStudy);
    let found = find(&index, &catalog, &listing);
    let three = found.hits(&index, &catalog, 3);
    assert_eq!(three[..], found.hits(&index, &catalog, 30)[..3]);
}

#[test]
fn find_then_hits_facets_and_suggestion_give_what_search_gives() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let mut filtered = Query::new("seoul");
    filtered.filters.kind = Some(Kind::Session);
    let mut listing = Query::new("");
    listing.filters.country = Some("romania".into());
    for query in [
        Query::new("seoul data centre"),
        Query::new("hometx koneps"),
        Query::new("hmtax "),
        Query::new("azerbaycan"),
        Query::new(""),
        filtered,
        listing,
    ] {
        let all = search(&index, &catalog, &query);
        let found = find(&index, &catalog, &query);
        assert_eq!(found.total(), all.total, "{query:?}");
        assert_eq!(
            found.hits(&index, &catalog, query.limit),
            all.hits,
            "{query:?}"
        );
        assert_eq!(found.facets(&index), all.facets, "{query:?}");
        assert_eq!(found.suggestion(&index), all.suggestion, "{query:?}");
    }
}

#[test]
fn a_suggestion_is_looked_for_only_when_nothing_matched() {
    let catalog = fixture(&[("h", "Hometax", &[], "Online tax service.", "Text.")]);
    let index = SearchIndex::build(&catalog);
    let found = find(&index, &catalog, &Query::new("hmtax "));
    assert_eq!(found.total(), 0);
    assert_eq!(found.suggestion(&index).as_deref(), Some("hometax"));
    let found = find(&index, &catalog, &Query::new("hometax"));
    assert_eq!(found.suggestion(&index), None);
}

#[test]
fn marks_every_matched_form_of_a_word_in_a_hit() {
    // Two completions of the prefix are two vocabulary words; each is marked where it
    // occurs, in the title and in the snippet.
    let catalog = fixture(&[(
        "p",
        "Procurement portal",
        &[],
        "Public procurement and the procuring agency.",
        "Text.",
    )]);
    let index = SearchIndex::build(&catalog);
    let found = find(&index, &catalog, &Query::new("procur"));
    let hit = &found.hits(&index, &catalog, 1)[0];
    assert_eq!(marked(&hit.title), ["Procurement"]);
    assert_eq!(marked(&hit.snippet), ["procurement", "procuring"]);
}

// ---- the index file built at deploy time ----

#[test]
fn the_real_contents_index_file_loads_as_the_index_it_was_built_from() {
    let catalog = real_catalog();
    let index = SearchIndex::build(&catalog);
    let bytes = index.to_bytes(&catalog, "2026-11-27");
    let loaded = SearchIndex::from_bytes(&bytes, &catalog, "2026-11-27").expect("it loads");
    assert_eq!(loaded, index);
    assert_eq!(
        top(&catalog, &loaded, "정보화마을"),
        top(&catalog, &index, "정보화마을")
    );
}

#[test]
fn stored_texts_give_the_same_results_as_the_catalog() {
    let catalog = real_catalog();
    let bytes = StoredTexts::to_bytes(&catalog, "2026-11-27");
    let texts = StoredTexts::from_bytes(&bytes, "2026-11-27").expect("it loads");
    assert_eq!(texts.len(), catalog.len());
    let index = SearchIndex::from_bytes(
        &SearchIndex::build(&catalog).to_bytes(&catalog, "2026-11-27"),
        &texts,
        "2026-11-27",
    )
    .expect("the index ties to the stored texts by id");
    for text in [
        "hometax",
        "정보화마을",
        "Romania",
        "data centre",
        "ㅅㅇ",
        "UNI-PASS",
    ] {
        let query = Query::new(text);
        let from_catalog = search(&index, &catalog, &query);
        let from_texts = search(&index, &texts, &query);
        assert_eq!(from_texts, from_catalog, "{text}");
        assert!(!from_texts.hits.is_empty(), "{text}");
    }
    assert_eq!(texts.id(5), catalog.items()[5].id);
}

#[test]
fn stored_texts_refuse_every_truncation_and_survive_flipped_bytes() {
    let catalog = real_catalog();
    let bytes = StoredTexts::to_bytes(&catalog, "2026-11-27");
    assert!(StoredTexts::from_bytes(&bytes, "2026-12-01").is_err());
    // Every cut in the first and last few kilobytes, and a sample between.
    let cuts = (0..bytes.len()).filter(|&n| n < 4096 || n + 4096 > bytes.len() || n % 997 == 0);
    for end in cuts {
        assert!(
            StoredTexts::from_bytes(&bytes[..end], "2026-11-27").is_err(),
            "cut at {end}"
        );
    }
    // A flipped byte may load (a changed letter), but what loads is whole: every item's
    // id leads back to it, and an index tied to it finds only real items.
    let index_bytes = SearchIndex::build(&catalog).to_bytes(&catalog, "2026-11-27");
    for at in (0..bytes.len()).step_by(7) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x80;
        let Ok(texts) = StoredTexts::from_bytes(&damaged, "2026-11-27") else {
            continue;
        };
        assert_eq!(texts.len(), catalog.len(), "byte {at}");
        for item in 0..texts.len() {
            let back = texts
                .position(texts.id(item))
                .expect("an id leads to an item");
            assert_eq!(texts.id(back), texts.id(item), "byte {at}");
            let _ = (texts.title(item), texts.passages(item));
        }
        // Tying the index and searching is slow in a debug build: every 100th damaged file.
        if at % 700 != 0 {
            continue;
        }
        if let Ok(index) = SearchIndex::from_bytes(&index_bytes, &texts, "2026-11-27") {
            for text in ["hometax", "정보화마을", "Romania"] {
                let results = search(&index, &texts, &Query::new(text));
                let mut seen = std::collections::HashSet::new();
                for hit in &results.hits {
                    assert!(hit.item < texts.len(), "byte {at}: {text}");
                    assert!(seen.insert(hit.item), "byte {at}: {text}");
                    let title: String = hit.title.iter().map(|s| s.text.as_str()).collect();
                    assert_eq!(title, texts.title(hit.item), "byte {at}: {text}");
                }
            }
        }
    }
}
