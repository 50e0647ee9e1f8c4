//! The search page's URL: the typed text and the filters, read from and written to a query
//! string (`/search?q=seoul&kind=session`), so a search can be shared, reloaded and navigated
//! with Back. The keys are [`crate::keys::search`].
//!
//! Values are cut where they are read: a crafted link may carry megabytes, which would
//! otherwise be shown and copied into every facet link. Written values are percent-encoded
//! (UTF-8, every byte but the unreserved `A–Z a–z 0–9 - _ . ~`).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::{Filters, MAX_QUERY_CHARS};
use crate::content::Kind;
use crate::keys::search as key;

/// Longest filter value read from the URL, in characters (ids and topics are far shorter).
pub const MAX_FILTER_CHARS: usize = 100;

/// The path of the search page, without the base the app is hosted under.
pub const SEARCH_PATH: &str = "/search";

/// Every byte but the unreserved characters of RFC 3986 is encoded.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A search as its URL holds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchParams {
    /// The typed text (at most [`MAX_QUERY_CHARS`] characters).
    pub text: String,
    /// The filters (each value at most [`MAX_FILTER_CHARS`] characters).
    pub filters: Filters,
}

impl SearchParams {
    /// Reads a search from decoded query parameters (`get` returns a key's value, if any).
    /// Over-long values are cut; an unknown kind is no kind filter.
    pub fn from_query<'a>(get: impl Fn(&str) -> Option<&'a str>) -> SearchParams {
        let value = |name: &str| get(name).map(|v| cut(v, MAX_FILTER_CHARS));
        SearchParams {
            text: cut(get(key::TEXT).unwrap_or_default(), MAX_QUERY_CHARS),
            filters: Filters {
                kind: value(key::KIND).and_then(|k| Kind::from_slug(&k)),
                topic: value(key::TOPIC),
                country: value(key::COUNTRY),
                organisation: value(key::ORGANISATION),
                edition: value(key::EDITION),
            },
        }
    }

    /// The query string (`q=…&kind=…`, empty when there is nothing to say), keys in a fixed
    /// order, values percent-encoded.
    pub fn to_query(&self) -> String {
        let filters = &self.filters;
        let pairs = [
            (
                key::TEXT,
                Some(self.text.as_str()).filter(|t| !t.is_empty()),
            ),
            (key::KIND, filters.kind.map(Kind::slug)),
            (key::TOPIC, filters.topic.as_deref()),
            (key::COUNTRY, filters.country.as_deref()),
            (key::ORGANISATION, filters.organisation.as_deref()),
            (key::EDITION, filters.edition.as_deref()),
        ];
        let query: Vec<String> = pairs
            .into_iter()
            .filter_map(|(name, value)| {
                value.map(|value| format!("{name}={}", utf8_percent_encode(value, ENCODED)))
            })
            .collect();
        query.join("&")
    }

    /// The app path of this search (`/search?q=…`), without the base.
    pub fn to_path(&self) -> String {
        match self.to_query() {
            query if query.is_empty() => SEARCH_PATH.to_string(),
            query => format!("{SEARCH_PATH}?{query}"),
        }
    }
}

/// `value`, cut to its first `max` characters.
fn cut(value: &str, max: usize) -> String {
    value.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&'static str, &'static str)]) -> SearchParams {
        SearchParams::from_query(|name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| *value)
        })
    }

    #[test]
    fn an_empty_search_is_the_bare_search_path() {
        assert_eq!(SearchParams::default().to_path(), "/search");
        assert_eq!(read(&[]), SearchParams::default());
    }

    #[test]
    fn text_and_every_filter_survive_the_round_trip_through_the_url() {
        let params = SearchParams {
            text: "e-gov Seoul & 서울 50%".into(),
            filters: Filters {
                kind: Some(Kind::Session),
                topic: Some("open data".into()),
                country: Some("türkiye".into()),
                organisation: Some("nia".into()),
                edition: Some("2017-seoul".into()),
            },
        };
        let path = params.to_path();
        assert_eq!(
            path,
            "/search?q=e-gov%20Seoul%20%26%20%EC%84%9C%EC%9A%B8%2050%25&kind=sessions\
             &topic=open%20data&country=t%C3%BCrkiye&organisation=nia&edition=2017-seoul"
        );
        let query = path.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let decoded: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| {
                let value = percent_encoding::percent_decode_str(v).decode_utf8_lossy();
                (k.to_string(), value.into_owned())
            })
            .collect();
        let back = SearchParams::from_query(|name| {
            decoded
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        });
        assert_eq!(back, params);
    }

    #[test]
    fn unreserved_characters_are_written_as_they_are() {
        let params = SearchParams {
            text: "AZaz09-_.~".into(),
            filters: Filters::default(),
        };
        assert_eq!(params.to_query(), "q=AZaz09-_.~");
    }

    #[test]
    fn over_long_values_are_cut_and_an_unknown_kind_is_no_filter() {
        let long = "ü".repeat(10_000);
        let params = SearchParams::from_query(|name| match name {
            "q" | "topic" => Some(long.as_str()),
            "kind" => Some("spaceship"),
            _ => None,
        });
        assert_eq!(params.text.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(
            params.filters.topic.map(|t| t.chars().count()),
            Some(MAX_FILTER_CHARS)
        );
        assert_eq!(params.filters.kind, None);
    }
}
