//! Search quality on a deterministic generated corpus of 1,000 items shaped like ours (mixed
//! scripts, Hangul names, Latin with diacritics, bodies of about 150 words): the share of
//! queries whose target is in the top 10, for clean, one-typo, two-typo, diacritic-stripped
//! and case-changed queries. Thresholds are deterministic; timings are printed, not asserted.

use std::time::Instant;

use egov_core::content::Catalog;
use egov_core::fixtures::{catalog, FixtureItem, Lcg};
use egov_core::search::{search, Query, SearchIndex};

const LATIN: [&str; 24] = [
    "ba", "ro", "ma", "ni", "te", "ș", "ț", "ă", "ğ", "ı", "ə", "ü", "ço", "şa", "lu", "ka", "de",
    "vi", "pa", "sto", "gra", "ne", "mi", "za",
];
const CYRILLIC: [&str; 12] = [
    "ба", "ро", "ки", "ев", "ска", "ра", "ду", "ни", "ко", "вла", "ми", "то",
];
const GREEK: [&str; 10] = ["ελ", "λά", "δα", "θε", "σα", "λο", "νί", "κη", "πό", "ρος"];

/// A word of `syllables` syllables from one script's syllables.
fn word(rng: &mut Lcg, syllables: &[&str], count: usize) -> String {
    (0..count).map(|_| *rng.pick(syllables)).collect()
}

/// A Hangul name of three syllables.
fn hangul(rng: &mut Lcg) -> String {
    (0..3)
        .map(|_| char::from_u32(0xAC00 + rng.below(11_172) as u32).unwrap_or('가'))
        .collect()
}

/// The words a corpus is built from: Latin (plain and with diacritics), Cyrillic, Greek.
fn vocabulary(rng: &mut Lcg) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    while words.len() < 900 {
        let script = rng.below(10);
        let count = 2 + rng.below(4);
        let candidate = match script {
            0..=5 => word(rng, &LATIN, count),
            6..=7 => word(rng, &CYRILLIC, count.min(4)),
            _ => word(rng, &GREEK, count.min(4)),
        };
        if candidate.chars().count() >= 4 && !words.contains(&candidate) {
            words.push(candidate);
        }
    }
    words
}

struct Generated {
    catalog: Catalog,
    /// For each item: its three title words.
    titles: Vec<Vec<String>>,
}

fn corpus(items: usize) -> Generated {
    let mut rng = Lcg::new(2026);
    let words = vocabulary(&mut rng);
    let mut titles = Vec::with_capacity(items);
    let mut fixture = Vec::with_capacity(items);
    for i in 0..items {
        let title_words: Vec<String> = (0..3).map(|_| rng.pick(&words).clone()).collect();
        let name = hangul(&mut rng);
        let summary: Vec<String> = (0..30).map(|_| rng.pick(&words).clone()).collect();
        let body: Vec<String> = (0..150).map(|_| rng.pick(&words).clone()).collect();
        fixture.push(FixtureItem {
            id: format!("item-{i}"),
            title: title_words.join(" "),
            aliases: vec![name],
            summary: summary.join(" "),
            sections: vec![("Body".into(), vec![body.join(" ")])],
            ..FixtureItem::default()
        });
        titles.push(title_words);
    }
    // Several files, as real content is split.
    let catalog = catalog("case-study", "generated", &fixture);
    Generated { catalog, titles }
}

/// Strips the marks our corpus uses, as a person without those keys would type.
fn strip_diacritics(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ș' | 'ş' => 's',
            'ț' => 't',
            'ă' => 'a',
            'ğ' => 'g',
            'ı' => 'i',
            'ə' => 'e',
            'ü' => 'u',
            'ç' => 'c',
            'ά' => 'α',
            'ί' => 'ι',
            'ό' => 'ο',
            other => other,
        })
        .collect()
}

/// `word` with `edits` typing mistakes (substitution, deletion, insertion, transposition),
/// using letters of the word itself so the script stays the same.
fn with_typos(rng: &mut Lcg, word: &str, edits: usize) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let mut used: Vec<usize> = Vec::new();
    for _ in 0..edits {
        // Keep edits apart so two edits never cancel or merge into one.
        let mut at = 1 + rng.below(chars.len() - 2);
        while used.iter().any(|u| u.abs_diff(at) < 2) {
            at = 1 + rng.below(chars.len() - 2);
        }
        used.push(at);
        let letter = chars[rng.below(chars.len())];
        match rng.below(4) {
            0 if chars[at] != 'x' => chars[at] = 'x',
            1 => {
                chars.remove(at);
            }
            2 => chars.insert(at, if letter == chars[at] { 'x' } else { letter }),
            _ if chars[at] != chars[at + 1] => chars.swap(at, at + 1),
            _ => chars[at] = 'x',
        }
    }
    chars.into_iter().collect()
}

fn found_in_top_10(index: &SearchIndex, catalog: &Catalog, query: &str, target: usize) -> bool {
    let mut q = Query::new(query);
    q.limit = 10;
    search(index, catalog, &q)
        .hits
        .iter()
        .any(|hit| hit.item == target)
}

#[test]
fn finds_targets_in_the_top_10_for_clean_typo_stripped_and_case_changed_queries() {
    let started = Instant::now();
    let generated = corpus(1_000);
    let built = Instant::now();
    let index = SearchIndex::build(&generated.catalog);
    let index_time = built.elapsed();
    let mut rng = Lcg::new(7);
    let (mut tried, mut found) = ([0usize; 5], [0usize; 5]);
    let labels = [
        "clean",
        "one typo",
        "two typos",
        "diacritics stripped",
        "case changed",
    ];
    let mut query_time = std::time::Duration::ZERO;
    let mut queries = 0u32;
    for target in (0..generated.titles.len()).step_by(4) {
        let words = &generated.titles[target];
        let clean = format!("{} {}", words[0], words[1]);
        let longest = words
            .iter()
            .max_by_key(|w| w.chars().count())
            .expect("three words");
        let others: Vec<&String> = words.iter().filter(|w| *w != longest).take(1).collect();
        let mut cases: Vec<(usize, String)> = vec![(0, clean.clone())];
        let length = longest.chars().count();
        if length >= 5 {
            cases.push((
                1,
                format!("{} {}", others[0], with_typos(&mut rng, longest, 1)),
            ));
        }
        if length >= 9 {
            cases.push((
                2,
                format!("{} {}", others[0], with_typos(&mut rng, longest, 2)),
            ));
        }
        if strip_diacritics(&clean) != clean {
            cases.push((3, strip_diacritics(&clean)));
        }
        cases.push((4, clean.to_uppercase()));
        for (kind, query) in cases {
            let timer = Instant::now();
            let hit = found_in_top_10(&index, &generated.catalog, &query, target);
            if !hit && std::env::var("SHOW_MISSES").is_ok() {
                println!(
                    "miss [{}] {query} (target: {})",
                    labels[kind],
                    words.join(" ")
                );
            }
            query_time += timer.elapsed();
            queries += 1;
            tried[kind] += 1;
            found[kind] += usize::from(hit);
        }
    }
    println!(
        "corpus: 1,000 items, {} words indexed; generated in {:?}, indexed in {:?}; {} queries, mean {:?} each (native, unoptimised test build)",
        index.vocabulary_len(),
        built - started,
        index_time,
        queries,
        query_time / queries.max(1)
    );
    let thresholds = [0.99, 0.98, 0.85, 0.99, 0.99];
    let mut failures = Vec::new();
    for i in 0..5 {
        let share = found[i] as f64 / tried[i].max(1) as f64;
        println!(
            "success@10 {:>20}: {:.3} ({} of {})",
            labels[i], share, found[i], tried[i]
        );
        assert!(
            tried[i] >= 20,
            "too few {} queries: {}",
            labels[i],
            tried[i]
        );
        if share < thresholds[i] {
            failures.push(format!("{}: {:.3} < {}", labels[i], share, thresholds[i]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("; "));
}

#[test]
fn passes_the_multilingual_probes() {
    let catalog = {
        let items = [
            ("baku", "Bakı Ⅰ city", "Azərbaycan"),
            ("istanbul", "İstanbul office", "Türkiye"),
            ("romania", "Ştefan cel Mare", "România"),
            ("greece", "Αθήνα", "Ελλάδα"),
            ("ukraine", "Київ", "Україна"),
            ("seoul", "Seoul", "서울"),
            ("kim", "Kim Min-jun", "김민준"),
        ];
        let items: Vec<FixtureItem> = items
            .iter()
            .map(|&(id, title, alias)| FixtureItem {
                id: id.into(),
                title: title.into(),
                aliases: vec![alias.into()],
                summary: "A probe.".into(),
                ..FixtureItem::default()
            })
            .collect();
        catalog("case-study", "p", &items)
    };
    let index = SearchIndex::build(&catalog);
    let probes = [
        ("baki", "baku"),
        ("BAKI", "baku"),
        ("azerbaycan", "baku"),
        ("istanbul", "istanbul"),
        ("ISTANBUL", "istanbul"),
        ("türkiye", "istanbul"),
        ("turkiye", "istanbul"),
        ("stefan", "romania"),
        ("Ștefan", "romania"),
        ("romania", "romania"),
        ("αθηνα", "greece"),
        ("ελλαδα", "greece"),
        ("ΕΛΛΆΔΑ", "greece"),
        ("київ", "ukraine"),
        ("україна", "ukraine"),
        ("서울", "seoul"),
        ("서", "seoul"),
        ("성", "seoul"),
        ("ㅅㅇ", "seoul"),
        ("김민", "kim"),
        ("ㄱㅁㅈ", "kim"),
    ];
    let mut failed = Vec::new();
    for (query, id) in probes {
        let results = search(&index, &catalog, &Query::new(query));
        let top = results
            .hits
            .first()
            .map(|h| catalog.items()[h.item].id.as_str());
        if top != Some(id) {
            failed.push(format!("{query} → {top:?}, expected {id}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
