//! Content deployed in two parts, so that a page can be drawn before the longest texts
//! have arrived.
//!
//! The build ([`split_kind_file`], run by `egov-split-bodies`) writes each kind file as its
//! *heads*, the same file without the body fields ([`BODY_FIELDS`]: sections, sources,
//! questions, …, about three quarters of the bytes), and a *bodies* file
//! (`case-studies.bodies.json`: the content version, the kind, and each item's id with its
//! body fields), and marks the index `"split_bodies": true`. Home and the lists are drawn
//! from the heads; an item's page, search and the Saved pages wait for the bodies, which
//! [`merge_bodies`] puts back into the same raw items, so that the full validation then sees
//! exactly what an unsplit file gives. Editors never see this: `content/` in the
//! repository holds whole files.
//!
//! This module is pure: it splits and merges text, it never fetches.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::raw::{RawItem, RawOecdResult, RawRank, RawSection, RawSource};
use super::validate::{parse_each, parse_file, KindFile};
use super::{ContentProblem, Kind};

/// The fields of an item that go to its kind's bodies file: what only the item's own page
/// (and search, the report, exports) shows. Everything a card, a list, the home page or a
/// link needs stays in the heads.
pub const BODY_FIELDS: [&str; 6] = [
    "sections",
    "sources",
    "look_for",
    "questions",
    "un_egov_ranks",
    "oecd_indices",
];

/// The bodies file of a kind file: `case-studies.json` → `case-studies.bodies.json`.
pub fn bodies_file_name(kind_file: &str) -> String {
    let stem = kind_file.strip_suffix(".json").unwrap_or(kind_file);
    format!("{stem}.bodies.json")
}

/// One item's body as the bodies file holds it; the fields are [`RawItem`]'s.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    id: String,
    #[serde(default)]
    sections: Vec<RawSection>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    look_for: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    un_egov_ranks: Vec<RawRank>,
    #[serde(default)]
    oecd_indices: Vec<RawOecdResult>,
}

impl RawBody {
    fn put_into(self, item: &mut RawItem) {
        item.sections = self.sections;
        item.sources = self.sources;
        item.look_for = self.look_for;
        item.questions = self.questions;
        item.un_egov_ranks = self.un_egov_ranks;
        item.oecd_indices = self.oecd_indices;
    }
}

/// A parsed bodies file: each item's body by id, and the items whose body did not parse
/// (each already a problem naming the item and field).
#[derive(Debug, Clone)]
pub struct BodiesFile {
    name: String,
    bodies: HashMap<String, RawBody>,
    failed: HashSet<String>,
    problems: Vec<ContentProblem>,
}

/// Parses a bodies file written for `kind` and content `version`. A file of another kind
/// or version (a host holding parts of two deployments) is one problem, as is a file that
/// is not JSON; an item whose body does not parse is a problem of its own, and the rest
/// still load.
pub fn parse_bodies_file(
    name: &str,
    text: &str,
    kind: Kind,
    version: &str,
) -> Result<BodiesFile, ContentProblem> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer<'a> {
        version: String,
        kind: String,
        #[serde(borrow)]
        items: Vec<&'a RawValue>,
    }
    let outer: Outer = parse_file(name, text)?;
    if outer.kind != kind.file_name() {
        return Err(ContentProblem::in_file(
            name,
            format!("holds `{}` items, not `{}`", outer.kind, kind.file_name()),
        ));
    }
    if outer.version != version {
        return Err(ContentProblem::in_file(
            name,
            format!(
                "is from content version {}, not {version}: the host holds parts of two \
                 deployments (try again in a few minutes)",
                outer.version
            ),
        ));
    }
    let (bodies, problems) = parse_each::<RawBody>(name, outer.items);
    Ok(BodiesFile {
        name: name.to_string(),
        bodies: bodies
            .into_iter()
            .map(|body| (body.id.clone(), body))
            .collect(),
        // A problem's item is the id of a body that did not parse (or `#n (no id)`, which
        // is never an id).
        failed: problems.iter().filter_map(|p| p.item.clone()).collect(),
        problems,
    })
}

/// Puts each item's body back into its kind file, which is then whole again
/// (`bodies_pending` is cleared). An item whose body did not parse is left out (its
/// problem is already in the bodies file's); an item with no body at all is left out with
/// a problem of its own. A body whose item is not in the file adds nothing: its item
/// failed to parse, and that is already named.
pub fn merge_bodies(file: &mut KindFile, mut bodies: BodiesFile) {
    let mut problems = std::mem::take(&mut bodies.problems);
    file.items
        .retain_mut(|item| match bodies.bodies.remove(&item.id) {
            Some(body) => {
                body.put_into(item);
                true
            }
            None => {
                if !bodies.failed.contains(&item.id) {
                    problems.push(ContentProblem {
                        file: bodies.name.clone(),
                        item: Some(item.id.clone()),
                        field: None,
                        message: "is not in this file: its body (sections, sources) is missing"
                            .to_string(),
                    });
                }
                false
            }
        });
    file.problems.extend(problems);
    file.bodies_pending = false;
}

/// The kind file `name` as loaded from a split deployment: its heads, and its bodies merged
/// in when `bodies` is given (else marked pending). Whatever failed (either file, or a
/// bodies file of another version) is the kind file's one problem: its items are left out,
/// as when an unsplit file fails.
pub fn kind_file_from_parts(
    name: &str,
    heads: Result<String, ContentProblem>,
    bodies: Option<Result<String, ContentProblem>>,
    version: &str,
) -> Result<KindFile, ContentProblem> {
    let mut file = super::parse_kind_file(name, &heads?)?;
    match bodies {
        None => file.bodies_pending = true,
        Some(text) => {
            let bodies_name = bodies_file_name(name);
            let bodies = parse_bodies_file(&bodies_name, &text?, file.kind, version)?;
            merge_bodies(&mut file, bodies);
        }
    }
    Ok(file)
}

/// Splits a whole kind file's text into its heads and its bodies file, for content
/// `version` (the build's step; see the module docs). Both are written without spaces. An
/// item that is not an object with a string id stays whole in the heads, where its parse
/// fails and is named, as in an unsplit file. Fails only when the text is not a kind file
/// at all (not JSON, no `kind` or `items`): the build then stops, since the app could not
/// load it either.
pub fn split_kind_file(text: &str, version: &str) -> Result<(String, String), String> {
    let mut file: Map<String, Value> =
        serde_json::from_str(text).map_err(|e| format!("not a JSON object: {e}"))?;
    let kind = file
        .get("kind")
        .cloned()
        .ok_or("has no `kind`".to_string())?;
    let Some(Value::Array(items)) = file.get_mut("items") else {
        return Err("has no `items` list".to_string());
    };
    let mut bodies = Vec::with_capacity(items.len());
    for item in items.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        let Some(id) = item.get("id").filter(|id| id.is_string()).cloned() else {
            continue;
        };
        let mut body = Map::new();
        body.insert("id".to_string(), id);
        for field in BODY_FIELDS {
            if let Some(value) = item.remove(field) {
                body.insert(field.to_string(), value);
            }
        }
        bodies.push(Value::Object(body));
    }
    let mut bodies_file = Map::new();
    bodies_file.insert("version".to_string(), Value::String(version.to_string()));
    bodies_file.insert("kind".to_string(), kind);
    bodies_file.insert("items".to_string(), Value::Array(bodies));
    let write = |value: &Map<String, Value>| {
        serde_json::to_string(value).map_err(|e| format!("cannot be written: {e}"))
    };
    Ok((write(&file)?, write(&bodies_file)?))
}
