//! Content deployed as heads and bodies (`content::bodies`): the build's split loses
//! nothing, heads alone are enough to draw every card, and a bodies file that is missing,
//! damaged or from another deployment is named, as a whole file would be, and a broken
//! body as a broken item. An item's own file (for a first visit to its page) gives that
//! item's body, and one that does not fit is left aside.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use egov_core::content::bodies::{
    bodies_file_name, item_file_name, item_files, kind_file_from_parts, kind_file_with_item,
    split_kind_file,
};
use egov_core::content::stamp::{intact, stamped};
use egov_core::content::{
    assemble, assemble_as_written, build_catalog, catalog_as_written, load_content_from,
    parse_index, Assembled, ContentProblem, Kind, KindFile,
};

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

/// The real content as the repository holds it (whole files), by name.
fn whole_files() -> HashMap<String, String> {
    let read = |name: &str| {
        fs::read_to_string(content_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let index = read("index.json");
    let mut files = HashMap::new();
    for name in parse_index(&index).expect("index.json parses").files {
        files.insert(name.clone(), read(&name));
    }
    files.insert("index.json".to_string(), index);
    files
}

/// The same content as the build deploys it: every kind file split, the index marked.
fn split_files() -> HashMap<String, String> {
    let whole = whole_files();
    let index = parse_index(&whole["index.json"]).expect("index.json parses");
    let mut files = HashMap::new();
    for name in &index.files {
        let (heads, bodies) = split_kind_file(&whole[name], &index.version).expect("splits");
        files.insert(name.clone(), heads);
        files.insert(bodies_file_name(name), bodies);
    }
    let mut marked: serde_json::Value = serde_json::from_str(&whole["index.json"]).expect("json");
    marked["split_bodies"] = serde_json::Value::Bool(true);
    files.insert("index.json".to_string(), marked.to_string());
    files
}

fn load(files: &HashMap<String, String>) -> Assembled {
    let borrowed: HashMap<&str, &str> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    load_content_from(&borrowed).expect("the index loads")
}

/// `files` with the bodies file of `kind_file` changed by `change` (as JSON).
fn with_bodies_changed(
    mut files: HashMap<String, String>,
    kind_file: &str,
    change: impl FnOnce(&mut serde_json::Value),
) -> HashMap<String, String> {
    let name = bodies_file_name(kind_file);
    let mut bodies: serde_json::Value = serde_json::from_str(&files[&name]).expect("json");
    change(&mut bodies);
    files.insert(name, bodies.to_string());
    files
}

/// Asserts that `kind` was left out, with a problem on the whole of `file` that says `says`.
fn assert_kind_left_out(loaded: &Assembled, kind: Kind, file: &str, says: &str) {
    assert!(loaded.catalog.of_kind(kind).is_empty());
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.file == file && p.item.is_none() && p.message.contains(says)),
        "{:?}",
        loaded.problems
    );
}

fn version() -> String {
    parse_index(&whole_files()["index.json"])
        .expect("index.json parses")
        .version
}

#[test]
fn split_content_loads_the_same_catalog_as_whole_files() {
    let whole = load(&whole_files());
    let split = load(&split_files());
    assert!(split.problems.is_empty(), "{:?}", split.problems);
    assert_eq!(split.catalog, whole.catalog);
    assert!(split.catalog.len() > 100, "the real content is there");
}

#[test]
fn heads_hold_a_quarter_of_the_text_and_no_body_field() {
    let whole = whole_files();
    let split = split_files();
    let (mut whole_bytes, mut heads_bytes) = (0, 0);
    for name in parse_index(&whole["index.json"]).expect("parses").files {
        whole_bytes += whole[&name].len();
        heads_bytes += split[&name].len();
        for field in [
            "\"sections\"",
            "\"sources\"",
            "\"questions\"",
            "\"un_egov_ranks\"",
        ] {
            assert!(!split[&name].contains(field), "{name} heads hold {field}");
        }
    }
    assert!(
        heads_bytes * 3 < whole_bytes,
        "heads {heads_bytes} of {whole_bytes} bytes"
    );
}

#[test]
fn heads_alone_give_every_item_for_a_first_draw_without_its_body() {
    let split = split_files();
    let version = version();
    let file = kind_file_from_parts(
        "case-studies.json",
        Ok(split["case-studies.json"].clone()),
        None,
        &version,
    )
    .expect("heads parse");
    assert!(file.bodies_pending);
    let count = file.items.len();
    let (catalog, problems) = build_catalog(&version, vec![file], None);
    // Links to other kinds are not loaded here; nothing else may be wrong.
    assert!(
        problems
            .iter()
            .all(|p| p.message.contains("which is not an item")),
        "{problems:?}"
    );
    assert_eq!(catalog.of_kind(Kind::CaseStudy).len(), count);
    let hometax = catalog.get("hometax").expect("hometax is there");
    assert!(!hometax.title.is_empty() && !hometax.summary.is_empty());
    assert!(hometax.sections.is_empty() && hometax.sources.is_empty());
}

#[test]
fn a_bodies_file_from_another_deployment_leaves_its_kind_out_and_says_why() {
    let files = with_bodies_changed(split_files(), "countries.json", |bodies| {
        bodies["version"] = "2020-01-01".into();
    });
    let loaded = load(&files);
    assert_kind_left_out(
        &loaded,
        Kind::Country,
        "countries.bodies.json",
        "two deployments",
    );
}

#[test]
fn a_missing_bodies_file_is_named_and_the_other_kinds_load() {
    let mut files = split_files();
    files.remove(&bodies_file_name("people.json"));
    let loaded = load(&files);
    assert!(loaded.catalog.of_kind(Kind::Person).is_empty());
    assert!(!loaded.catalog.of_kind(Kind::CaseStudy).is_empty());
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.file == "people.bodies.json" && p.message.contains("missing")));
}

#[test]
fn a_bodies_file_without_one_body_per_item_leaves_its_kind_out() {
    let files = with_bodies_changed(split_files(), "glossary.json", |bodies| {
        bodies["items"].as_array_mut().expect("items").pop();
    });
    let loaded = load(&files);
    assert_kind_left_out(
        &loaded,
        Kind::Term,
        "glossary.bodies.json",
        "bodies for the",
    );
}

#[test]
fn an_item_whose_body_is_broken_is_left_out_and_named_the_rest_of_its_kind_loads() {
    let files = with_bodies_changed(split_files(), "glossary.json", |bodies| {
        bodies["items"][0]["sources"] = "not a list".into();
    });
    let heads: serde_json::Value = serde_json::from_str(&files["glossary.json"]).expect("json");
    let broken = heads["items"][0]["id"].as_str().expect("id").to_string();
    let loaded = load(&files);
    assert!(loaded.catalog.get(&broken).is_none());
    let about: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.item.as_deref() == Some(broken.as_str()))
        .collect();
    assert_eq!(about.len(), 1, "{:?}", loaded.problems);
    assert_eq!(about[0].file, "glossary.json");
    assert!(about[0].message.contains("expected an array"), "{about:?}");
    assert_eq!(about[0].field.as_deref(), Some("sources"), "{about:?}");
    assert!(loaded.catalog.of_kind(Kind::Term).len() > 10);
}

/// The files of their own the build writes for the items of `kind_file`, by name.
fn own_files(kind_file: &str) -> HashMap<String, String> {
    item_files(kind_file, &whole_files()[kind_file], &version())
        .expect("a kind file")
        .into_iter()
        .collect()
}

/// Case studies from their heads with `item_file` for hometax's body: the item that came
/// whole, the catalog, and its problems.
fn case_studies_with(
    item_file: Result<String, egov_core::content::ContentProblem>,
) -> (
    Option<String>,
    egov_core::content::Catalog,
    Vec<egov_core::content::ContentProblem>,
) {
    let heads = split_files()["case-studies.json"].clone();
    let (file, whole) = kind_file_with_item(
        "case-studies.json",
        Ok(heads),
        item_file,
        "hometax",
        &version(),
    );
    let (catalog, problems) = build_catalog(&version(), vec![file.expect("heads")], None);
    (whole.then(|| "hometax".to_string()), catalog, problems)
}

#[test]
fn every_item_has_a_file_of_its_own_named_by_its_kind_and_id() {
    let whole = load(&whole_files());
    let mut count = 0;
    for name in parse_index(&whole_files()["index.json"])
        .expect("index")
        .files
    {
        let own = own_files(&name);
        let kind = Kind::from_file_name(
            serde_json::from_str::<serde_json::Value>(&whole_files()[&name]).expect("json")["kind"]
                .as_str()
                .expect("kind"),
        )
        .expect("a known kind");
        for item in whole.catalog.of_kind(kind) {
            assert!(
                own.contains_key(&item_file_name(&name, &item.id)),
                "{}",
                item.id
            );
        }
        count += own.len();
    }
    assert_eq!(count, whole.catalog.len());
    assert_eq!(
        item_file_name("case-studies.json", "hometax"),
        "items/case-studies/hometax.json"
    );
}

#[test]
fn an_items_own_file_gives_that_item_whole_and_the_others_their_heads() {
    let own = own_files("case-studies.json")["items/case-studies/hometax.json"].clone();
    let (whole_id, catalog, problems) = case_studies_with(Ok(own));
    assert_eq!(whole_id.as_deref(), Some("hometax"));
    assert!(
        problems
            .iter()
            .all(|p| p.message.contains("which is not an item")),
        "{problems:?}"
    );
    let complete = load(&whole_files()).catalog;
    let hometax = catalog.get("hometax").expect("hometax");
    let expected = complete.get("hometax").expect("hometax");
    assert_eq!(hometax.sections, expected.sections);
    assert_eq!(hometax.sources, expected.sources);
    assert!(!hometax.sources.is_empty());
    let others = catalog.of_kind(Kind::CaseStudy);
    assert!(others.len() > 5);
    assert!(others
        .iter()
        .filter(|item| item.id != "hometax")
        .all(|item| item.sections.is_empty() && item.sources.is_empty()));
}

#[test]
fn an_items_own_file_that_does_not_fit_is_left_aside_and_the_heads_load() {
    let own = own_files("case-studies.json")["items/case-studies/hometax.json"].clone();
    let value: serde_json::Value = serde_json::from_str(&own).expect("json");
    let position = value["items"]
        .as_array()
        .expect("items")
        .iter()
        .position(|body| body.as_object().is_some_and(|b| !b.is_empty()))
        .expect("hometax's body");
    let changed = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut copy = value.clone();
        change(&mut copy);
        copy.to_string()
    };
    let other_version = changed(&|v| v["version"] = "2020-01-01".into());
    let other_kind = changed(&|v| v["kind"] = "country".into());
    let one_body_short = changed(&|v| {
        v["items"].as_array_mut().expect("items").pop();
    });
    let broken_item = changed(&|v| v["items"][position]["sources"] = "not a list".into());
    let missing = Err(egov_core::content::ContentProblem::in_file(
        "items/case-studies/hometax.json",
        "could not be downloaded",
    ));
    for (what, item_file) in [
        ("another version", Ok(other_version)),
        ("another kind", Ok(other_kind)),
        ("not one body per item", Ok(one_body_short)),
        ("a broken item", Ok(broken_item)),
        ("not JSON", Ok("<!doctype html>".to_string())),
        ("not downloaded", missing),
    ] {
        let (whole_id, catalog, problems) = case_studies_with(item_file);
        assert_eq!(whole_id, None, "{what}");
        let hometax = catalog.get("hometax").expect("hometax from its head");
        assert!(hometax.sources.is_empty(), "{what}");
        assert!(
            problems
                .iter()
                .all(|p| p.message.contains("which is not an item")),
            "{what}: {problems:?}"
        );
    }
    // A file that fits, asked for an id that is not among the heads.
    let (file, came) = kind_file_with_item(
        "case-studies.json",
        Ok(split_files()["case-studies.json"].clone()),
        Ok(own),
        "no-such-item",
        &version(),
    );
    assert!(!came);
    assert!(file.expect("heads").bodies_pending);
}

/// The kind files of `files` (as the build deploys them) parsed as the app parses them: with
/// their bodies, or from their heads alone.
fn kind_files(
    files: &HashMap<String, String>,
    with_bodies: bool,
) -> Vec<Result<KindFile, ContentProblem>> {
    let index = parse_index(&files["index.json"]).expect("index.json parses");
    index
        .file_names()
        .into_iter()
        .map(|name| {
            let bodies = with_bodies.then(|| Ok(files[&bodies_file_name(name)].clone()));
            kind_file_from_parts(name, Ok(files[name].clone()), bodies, &index.version)
        })
        .collect()
}

#[test]
fn stamped_content_read_as_written_is_the_catalog_the_checks_make() {
    let mut files = split_files();
    for (name, text) in files.iter_mut() {
        if name != "index.json" {
            *text = stamped(text).expect("a kind or bodies file is an object");
            assert!(intact(text), "{name}");
        }
    }
    let index = parse_index(&files["index.json"]).expect("index.json parses");
    for with_bodies in [false, true] {
        let checked = assemble(&index, kind_files(&files, with_bodies), None);
        let as_written = assemble_as_written(&index, kind_files(&files, with_bodies));
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        assert!(as_written.problems.is_empty());
        assert_eq!(as_written, checked, "with bodies: {with_bodies}");
    }
}

#[test]
fn content_read_as_written_never_links_outside_https_and_keeps_an_ids_first_item() {
    let file = |items: &str| format!(r#"{{"kind":"term","items":[{items}]}}"#);
    let term = |id: &str, title: &str, url: &str| {
        format!(
            r#"{{"id":"{id}","title":"{title}","summary":"S.","expansion":"E",
            "sources":[{{"publisher":"P","title":"T","url":"{url}"}}]}}"#
        )
    };
    let text = file(
        &[
            term("a", "First", "javascript:alert(1)"),
            term("b", "Second", "https://example.org/b"),
            term("a", "Again", "https://example.org/a"),
        ]
        .join(","),
    );
    let parsed = egov_core::content::parse_kind_file("glossary.json", &text).expect("parses");
    let (catalog, problems) = catalog_as_written("2026-12-05", vec![parsed]);
    assert!(problems.is_empty());
    assert_eq!(catalog.len(), 2);
    let first = catalog.get("a").expect("kept");
    assert_eq!(first.title, "First");
    assert_eq!(first.sources[0].url, None, "only https addresses are links");
    assert_eq!(
        catalog.get("b").expect("kept").sources[0].url.as_deref(),
        Some("https://example.org/b")
    );
}
