//! Content deployed in two parts, so that a page can be drawn before the longest texts
//! have arrived.
//!
//! The build ([`split_kind_file`], run by `split-bodies`) writes each kind file as its
//! *heads*, the same file without the body fields ([`BODY_FIELDS`]: sections, sources,
//! questions, …, about three quarters of the bytes), and a *bodies* file
//! (`case-studies.bodies.json`: the content version, and each item's body fields, in the
//! items' order), and marks the index `"split_bodies": true`. Home and the lists are drawn
//! from the heads; an item's page, search and the Saved pages wait for the bodies. Each
//! item's head and body are then joined back into the item's JSON text as the editor wrote
//! it ([`kind_file_from_parts`]), and that text goes through the same parser and validation
//! as a whole file, so nothing here decides what content is valid. Editors never see this:
//! `content/` in the repository holds whole files.
//!
//! The build also writes each item's body in a file of its own
//! (`items/case-studies/hometax.json`, [`item_files`]): its kind's bodies file with every
//! other body empty. A first visit that opens an item's page (a shared link) waits for that
//! one body instead of its kind's ([`kind_file_with_item`]). A visit the service worker
//! serves takes the kind's bodies, which it keeps for offline use; the items' own files are
//! not kept.
//!
//! This module is pure: it splits and joins text, it never fetches.

use serde_json::{Map, Value};

use super::validate::{kind_file_of, parse_file, KindFile, KindFileOuter};
use super::{parse_kind_file, ContentProblem};

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

/// The file holding the body of item `id` of kind file `kind_file`, for a first visit to its
/// page: `case-studies.json`, `hometax` → `items/case-studies/hometax.json`.
pub fn item_file_name(kind_file: &str, id: &str) -> String {
    let stem = kind_file.strip_suffix(".json").unwrap_or(kind_file);
    format!("items/{stem}/{id}.json")
}

/// The kind file `name` from its heads, with item `id`'s body from `item_file` (written by
/// [`item_files`]): what a first visit to that item's page needs. Also says whether the
/// item came with its body. An item file that failed in any way (not downloaded, another content
/// version, not one body per item, a body that does not parse, no item `id`) is left aside
/// without a problem: the heads alone are loaded, and the page waits for its kind's bodies,
/// which follow and are named if they fail.
pub fn kind_file_with_item(
    name: &str,
    heads: Result<String, ContentProblem>,
    item_file: Result<String, ContentProblem>,
    id: &str,
    version: &str,
) -> (Result<KindFile, ContentProblem>, bool) {
    let with_item = kind_file_from_parts(name, heads.clone(), Some(item_file), version);
    match with_item {
        Ok(mut file) if file.items.iter().any(|item| item.id == id) => {
            // The other items have no body yet.
            file.bodies_pending = true;
            (Ok(file), true)
        }
        _ => (kind_file_from_parts(name, heads, None, version), false),
    }
}

/// The kind file `name` as loaded from a split deployment: from its heads alone, its items
/// marked as waiting for their bodies (`bodies` is `None`), or whole, each item's head and
/// body joined and parsed as one. Whatever failed (either file; a bodies file of another
/// content version, left by a host caught mid-update, or that does not hold one body per
/// item) is the kind file's one problem: its items are left out, as when a whole file
/// fails.
pub fn kind_file_from_parts(
    name: &str,
    heads: Result<String, ContentProblem>,
    bodies: Option<Result<String, ContentProblem>>,
    version: &str,
) -> Result<KindFile, ContentProblem> {
    let heads = heads?;
    let Some(bodies) = bodies else {
        let mut file = parse_kind_file(name, &heads)?;
        file.bodies_pending = true;
        return Ok(file);
    };
    let bodies_name = bodies_file_name(name);
    let bodies = bodies?;
    // A bodies file has a kind file's shape, with the version it was written for.
    let bodies = parse_file(&bodies_name, &bodies, KindFileOuter::read)?;
    let outer = parse_file(name, &heads, KindFileOuter::read)?;
    let refused = |message: String| Err(ContentProblem::in_file(&bodies_name, message));
    if bodies.version.as_deref() != Some(version) {
        return refused(format!(
            "is from content version {}, not {version}: parts of two deployments met \
             (Retry fetches them again)",
            bodies.version.as_deref().unwrap_or("(none)")
        ));
    }
    if bodies.kind != outer.kind {
        return refused(format!(
            "holds `{}` bodies, not `{}`",
            bodies.kind, outer.kind
        ));
    }
    if bodies.items.len() != outer.items.len() {
        return refused(format!(
            "holds {} bodies for the {} items of {name}",
            bodies.items.len(),
            outer.items.len()
        ));
    }
    let items: Vec<String> = outer
        .items
        .iter()
        .zip(&bodies.items)
        .map(|(head, body)| joined(head, body))
        .collect();
    kind_file_of(name, &outer.kind, items.iter().map(String::as_str))
}

/// One item's JSON text from its head's and its body's (both objects): the head's fields,
/// then the body's. A head that is not an object is left as it is, for its parse to name;
/// a body that is not an object adds nothing, and the item then lacks its sources.
fn joined(head: &str, body: &str) -> String {
    let (Some(head_fields), Some(body_fields)) =
        (head.trim().strip_suffix('}'), body.trim().strip_prefix('{'))
    else {
        return head.to_string();
    };
    let (head_fields, body_fields) = (head_fields.trim_end(), body_fields.trim_start());
    if body_fields.starts_with('}') {
        return head.to_string();
    }
    let comma = if head_fields.ends_with('{') { "" } else { "," };
    format!("{head_fields}{comma}{body_fields}")
}

/// Splits a whole kind file's text into its heads and its bodies file, for content
/// `version` (the build's step; see the module docs). Both are written without spaces. An
/// item that is not an object stays whole in the heads, where its parse fails and is
/// named, as in a whole file, and has an empty body. Fails only when the text is not a kind
/// file at all (not JSON, no `items` list): the build then stops, since the app could not
/// load it either.
pub fn split_kind_file(text: &str, version: &str) -> Result<(String, String), String> {
    let mut file: Map<String, Value> =
        serde_json::from_str(text).map_err(|e| format!("is not a JSON object: {e}"))?;
    let Some(Value::Array(items)) = file.get_mut("items") else {
        return Err("has no `items` list".to_string());
    };
    let bodies: Vec<Value> = items
        .iter_mut()
        .map(|item| {
            let mut body = Map::new();
            if let Some(item) = item.as_object_mut() {
                for field in BODY_FIELDS {
                    if let Some(value) = item.remove(field) {
                        body.insert(field.to_string(), value);
                    }
                }
            }
            Value::Object(body)
        })
        .collect();
    let kind = file.get("kind").cloned().unwrap_or(Value::Null);
    let mut bodies_file = Map::new();
    bodies_file.insert("kind".to_string(), kind);
    bodies_file.insert("version".to_string(), Value::String(version.to_string()));
    bodies_file.insert("items".to_string(), Value::Array(bodies));
    let write = |value: &Map<String, Value>| {
        serde_json::to_string(value).map_err(|e| format!("cannot be written: {e}"))
    };
    Ok((write(&file)?, write(&bodies_file)?))
}

/// Each item of a whole kind file's text, for content `version`, as the file of its own a
/// first visit to its page reads ([`item_file_name`], [`kind_file_with_item`]): the kind's
/// bodies file with every other item's body empty, so that it joins its heads as the whole
/// bodies file does. Items without a URL-safe id are left out (their pages do not exist).
/// Fails when the text is not a kind file, as [`split_kind_file`] does.
pub fn item_files(
    kind_file: &str,
    text: &str,
    version: &str,
) -> Result<Vec<(String, String)>, String> {
    let (heads, bodies) = split_kind_file(text, version)?;
    let heads: Map<String, Value> =
        serde_json::from_str(&heads).map_err(|e| format!("cannot be read back: {e}"))?;
    let mut bodies: Map<String, Value> =
        serde_json::from_str(&bodies).map_err(|e| format!("cannot be read back: {e}"))?;
    let (Some(Value::Array(heads)), Some(Value::Array(all))) =
        (heads.get("items"), bodies.remove("items"))
    else {
        return Err("has no `items` list".to_string());
    };
    let mut written = Vec::with_capacity(all.len());
    for (position, head) in heads.iter().enumerate() {
        let Some(id) = head.get("id").and_then(Value::as_str) else {
            continue;
        };
        if !super::validate::is_slug(id) {
            continue;
        }
        let only_this: Vec<Value> = all
            .iter()
            .enumerate()
            .map(|(other, body)| match other == position {
                true => body.clone(),
                false => Value::Object(Map::new()),
            })
            .collect();
        bodies.insert("items".to_string(), Value::Array(only_this));
        let text = serde_json::to_string(&bodies).map_err(|e| format!("cannot be written: {e}"))?;
        written.push((item_file_name(kind_file, id), text));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::joined;

    #[test]
    fn a_head_and_its_body_join_into_one_object() {
        assert_eq!(
            joined(r#"{"id":"a"}"#, r#"{"sources":[]}"#),
            r#"{"id":"a","sources":[]}"#
        );
        assert_eq!(
            joined(r#" { "id": "a" } "#, r#" { } "#),
            r#" { "id": "a" } "#
        );
        assert_eq!(joined("{}", r#"{"sources":[]}"#), r#"{"sources":[]}"#);
        assert_eq!(
            joined(r#""not an item""#, r#"{"sources":[]}"#),
            r#""not an item""#
        );
        assert_eq!(joined(r#"{"id":"a"}"#, "[1]"), r#"{"id":"a"}"#);
    }
}
