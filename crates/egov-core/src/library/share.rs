//! Share codes: a reading list as a short link (`…/shared?v=20261127&i=3k9x2a7bq0c1`).
//!
//! Each item id becomes a fixed six-character code (a 30-bit FNV-1a hash in Crockford's
//! base 32), so 100 items fit in about 600 characters whatever their ids, and the link
//! carries the content version it was made with. Decoding matches codes against the
//! current catalog and says how many it could not find and whether the content changed.
//! Malformed codes are refused, never half-read. Two ids with the same code are a content
//! problem (`build_catalog` reports it); until it is fixed such a code opens neither item
//! rather than silently the wrong one. Pure.

use std::collections::HashMap;

use crate::content::Catalog;
use crate::keys::share::{CONTENT_VERSION as VERSION, ITEMS};

/// Characters of one item's code.
pub const CODE_CHARS: usize = 6;
/// Most items a share link may carry.
pub const MAX_SHARED_ITEMS: usize = 300;
/// Crockford's base-32 alphabet, lower case (no i, l, o, u: nothing to misread).
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The six-character code of an item id.
pub fn item_code(id: &str) -> String {
    let bits = crate::hash::fnv1a_32(id.as_bytes()) & 0x3fff_ffff;
    (0..CODE_CHARS)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// The query string of a share link for `ids` (at most [`MAX_SHARED_ITEMS`] are kept),
/// made with content version `version` (`YYYY-MM-DD`).
pub fn share_query(ids: &[&str], version: Option<&str>) -> String {
    let codes: String = ids
        .iter()
        .take(MAX_SHARED_ITEMS)
        .map(|id| item_code(id))
        .collect();
    match version {
        Some(v) => format!("{VERSION}={}&{ITEMS}={codes}", v.replace('-', "")),
        None => format!("{ITEMS}={codes}"),
    }
}

/// A decoded share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedList {
    /// Ids of the items found in the current content, in the order shared.
    pub ids: Vec<String>,
    /// How many codes match no single item of the current content (none, or more than one).
    pub unknown: usize,
    /// True when the link was made with other content than the current.
    pub content_changed: bool,
}

/// Why a share link cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// No items in the link.
    #[error("the link holds no items")]
    Empty,
    /// Not a whole number of codes, or characters that no code has.
    #[error("the link is damaged (was it cut short when copied?)")]
    Malformed,
    /// More items than a share link may carry.
    #[error("the link holds more than {MAX_SHARED_ITEMS} items")]
    TooLong,
}

/// Reads the `i` (codes) and `v` (content version) values of a share link against `catalog`.
pub fn decode_share(
    codes: &str,
    version: Option<&str>,
    catalog: &Catalog,
) -> Result<SharedList, ShareError> {
    if codes.is_empty() {
        return Err(ShareError::Empty);
    }
    if codes.len() > MAX_SHARED_ITEMS * CODE_CHARS {
        return Err(ShareError::TooLong);
    }
    if !codes.len().is_multiple_of(CODE_CHARS) || !codes.bytes().all(|b| ALPHABET.contains(&b)) {
        return Err(ShareError::Malformed);
    }
    // Each code with the one item it names, or `None` when it names several.
    let mut by_code: HashMap<String, Option<&str>> = HashMap::with_capacity(catalog.len());
    for item in catalog.items() {
        by_code
            .entry(item_code(&item.id))
            .and_modify(|id| *id = None)
            .or_insert(Some(item.id.as_str()));
    }
    let mut ids: Vec<String> = Vec::new();
    let mut unknown = 0;
    for code in codes.as_bytes().chunks(CODE_CHARS) {
        let code = String::from_utf8_lossy(code);
        match by_code.get(code.as_ref()).copied().flatten() {
            Some(id) if !ids.iter().any(|known| known == id) => ids.push(id.to_string()),
            Some(_) => {}
            None => unknown += 1,
        }
    }
    let current = catalog.version().map(|v| v.iso().replace('-', ""));
    let content_changed = match (version, current) {
        (Some(shared), Some(current)) => shared != current,
        _ => false,
    };
    Ok(SharedList {
        ids,
        unknown,
        content_changed,
    })
}

/// What the person is told after adding a shared list of `shared` items to Saved, of which
/// `added` were not there yet: "Added 2 items to Saved.", "Added 1 item to Saved; the other
/// 2 were there already.", "They were all in Saved already."
pub fn added_from_share(added: usize, shared: usize) -> String {
    let items = |n: usize| {
        if n == 1 {
            "1 item".to_string()
        } else {
            format!("{n} items")
        }
    };
    let others = shared.saturating_sub(added);
    match (added, others) {
        (0, 1) => "It was in Saved already.".to_string(),
        (0, _) => "They were all in Saved already.".to_string(),
        (_, 0) => format!("Added {} to Saved.", items(added)),
        (_, 1) => format!(
            "Added {} to Saved; the other one was there already.",
            items(added)
        ),
        _ => format!(
            "Added {} to Saved; the other {others} were there already.",
            items(added)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_unambiguous_characters() {
        for id in ["hometax", "edition-2017-seoul", "", "정보화마을"] {
            let code = item_code(id);
            assert_eq!(code.len(), CODE_CHARS);
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
        }
        assert_ne!(item_code("hometax"), item_code("koneps"));
    }

    /// Two ids whose codes are the same, found by trying `term-0`, `term-1`, … (a 30-bit
    /// hash is expected to collide somewhere in the first 40,000 ids).
    const TWINS: [&str; 2] = ["term-229599", "term-432382"];

    fn catalog_of(ids: &[&str]) -> (Catalog, Vec<crate::content::ContentProblem>) {
        let items: Vec<String> = ids
            .iter()
            .map(|id| {
                serde_json::json!({
                    "id": id, "title": id, "expansion": id,
                    "summary": "A term.", "sources": [{"publisher": "P", "title": "T"}]
                })
                .to_string()
            })
            .collect();
        let text = format!(r#"{{"kind": "term", "items": [{}]}}"#, items.join(","));
        let file = crate::content::parse_kind_file("glossary.json", &text).expect("fixture");
        crate::content::build_catalog("2026-11-27", vec![file], None)
    }

    #[test]
    fn twin_ids_share_a_code() {
        assert_eq!(item_code(TWINS[0]), item_code(TWINS[1]));
    }

    #[test]
    fn a_code_two_items_share_opens_neither_and_is_a_content_problem() {
        let (catalog, problems) = catalog_of(&[TWINS[0], "hometax", TWINS[1]]);
        assert_eq!(catalog.len(), 3, "both items stay");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].item.as_deref(), Some(TWINS[1]));
        assert!(
            problems[0].message.contains(TWINS[0]),
            "{}",
            problems[0].message
        );
        let codes = format!("{}{}", item_code(TWINS[1]), item_code("hometax"));
        let shared = decode_share(&codes, None, &catalog).expect("well formed");
        assert_eq!(shared.ids, ["hometax"]);
        assert_eq!(shared.unknown, 1);
    }

    #[test]
    fn a_hundred_items_fit_well_under_two_thousand_characters() {
        let ids: Vec<String> = (0..100)
            .map(|i| format!("a-rather-long-item-id-number-{i}"))
            .collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let query = share_query(&refs, Some("2026-11-27"));
        assert!(query.len() < 700, "{}", query.len());
    }

    #[test]
    fn refuses_malformed_codes() {
        let catalog = Catalog::default();
        assert_eq!(decode_share("", None, &catalog), Err(ShareError::Empty));
        assert_eq!(
            decode_share("abc12", None, &catalog),
            Err(ShareError::Malformed)
        );
        assert_eq!(
            decode_share("ABCDEF", None, &catalog),
            Err(ShareError::Malformed)
        );
        assert_eq!(
            decode_share("abcde<", None, &catalog),
            Err(ShareError::Malformed)
        );
        let long = "0".repeat((MAX_SHARED_ITEMS + 1) * CODE_CHARS);
        assert_eq!(
            decode_share(&long, None, &catalog),
            Err(ShareError::TooLong)
        );
    }

    #[test]
    fn says_how_many_of_a_shared_list_were_added_and_how_many_were_there() {
        assert_eq!(added_from_share(2, 2), "Added 2 items to Saved.");
        assert_eq!(added_from_share(1, 1), "Added 1 item to Saved.");
        assert_eq!(added_from_share(0, 2), "They were all in Saved already.");
        assert_eq!(added_from_share(0, 1), "It was in Saved already.");
        assert_eq!(
            added_from_share(1, 3),
            "Added 1 item to Saved; the other 2 were there already."
        );
        assert_eq!(
            added_from_share(2, 3),
            "Added 2 items to Saved; the other one was there already."
        );
    }
}
