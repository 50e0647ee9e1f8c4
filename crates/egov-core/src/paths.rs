//! App paths as static hosts also spell them. Every page is a file on the host
//! (`about.html`, `case-studies/hometax.html`, `index.html`), and hosts answer those names
//! too, so a person may arrive by one; the app's own paths have no `.html`. And which page
//! an app path names ([`Page::of`]). Pure; the browser layer rewrites the address
//! (`web::use_app_path`) and the interface draws the page.

/// The page an app path names. A list's kind and an item's id are as the path spells them,
/// not yet checked against the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// `/`.
    Home,
    /// `/search`.
    Search,
    /// `/saved`.
    Saved,
    /// `/about`.
    About,
    /// `/shared`, a shared list.
    Shared,
    /// `/report`, the trip report.
    Report,
    /// `/case-studies`: the items of one kind, by the kind's slug.
    List(String),
    /// `/case-studies/hometax`: one item, by its kind's slug and its id.
    Item(String, String),
    /// Any other path.
    NotFound,
}

impl Page {
    /// The page `path` (below the base, without its query) names. One trailing slash is
    /// allowed (`/about/`, as a person may type it); an empty segment is not.
    pub fn of(path: &str) -> Page {
        let path = match path.strip_suffix('/') {
            Some(rest) if !rest.is_empty() => rest,
            _ => path,
        };
        let Some(path) = path.strip_prefix('/') else {
            return if path.is_empty() {
                Page::Home
            } else {
                Page::NotFound
            };
        };
        let mut segments = path.split('/');
        let first = segments.next().unwrap_or_default();
        let second = segments.next();
        if segments.next().is_some() || second == Some("") {
            return Page::NotFound;
        }
        match (first, second) {
            ("", None) => Page::Home,
            ("", Some(_)) => Page::NotFound,
            ("search", None) => Page::Search,
            ("saved", None) => Page::Saved,
            ("about", None) => Page::About,
            ("shared", None) => Page::Shared,
            ("report", None) => Page::Report,
            (kind, None) => Page::List(kind.to_string()),
            (kind, Some(id)) => Page::Item(kind.to_string(), id.to_string()),
        }
    }
}

/// The app path (below the base) a host's file name stands for: `/about.html` → `/about`,
/// `/index.html` → `/`, `/case-studies/index.html` → `/case-studies`; `None` when `path`
/// is already an app path.
pub fn app_path_of_file(path: &str) -> Option<String> {
    let page = path.strip_suffix(".html")?;
    let page = match page.strip_suffix("index") {
        Some(folder) if folder.ends_with('/') => folder.trim_end_matches('/'),
        _ => page,
    };
    Some(if page.is_empty() {
        "/".to_string()
    } else {
        page.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_file_name_stands_for_its_app_path() {
        assert_eq!(app_path_of_file("/about.html").as_deref(), Some("/about"));
        assert_eq!(app_path_of_file("/index.html").as_deref(), Some("/"));
        assert_eq!(
            app_path_of_file("/case-studies/hometax.html").as_deref(),
            Some("/case-studies/hometax")
        );
        assert_eq!(
            app_path_of_file("/case-studies/index.html").as_deref(),
            Some("/case-studies")
        );
        assert_eq!(
            app_path_of_file("/glossary/reindex.html").as_deref(),
            Some("/glossary/reindex")
        );
    }

    #[test]
    fn a_path_names_its_page() {
        let cases = [
            ("/", Page::Home),
            ("", Page::Home),
            ("/search", Page::Search),
            ("/saved", Page::Saved),
            ("/about", Page::About),
            ("/about/", Page::About),
            ("/shared", Page::Shared),
            ("/report", Page::Report),
            ("/case-studies", Page::List("case-studies".into())),
            ("/case-studies/", Page::List("case-studies".into())),
            ("/nothing-here", Page::List("nothing-here".into())),
            (
                "/case-studies/hometax",
                Page::Item("case-studies".into(), "hometax".into()),
            ),
            (
                "/case-studies/hometax/",
                Page::Item("case-studies".into(), "hometax".into()),
            ),
            (
                "/search/hometax",
                Page::Item("search".into(), "hometax".into()),
            ),
        ];
        for (path, page) in cases {
            assert_eq!(Page::of(path), page, "{path}");
        }
    }

    #[test]
    fn a_path_with_more_or_empty_segments_names_no_page() {
        for path in [
            "//about",
            "/case-studies//",
            "/case-studies//hometax",
            "/case-studies/hometax/photos",
            "about",
            "/a/b/c/",
        ] {
            assert_eq!(Page::of(path), Page::NotFound, "{path}");
        }
    }

    #[test]
    fn an_app_path_is_left_as_it_is() {
        for path in ["/", "/about", "/case-studies/hometax", "", "/search"] {
            assert_eq!(app_path_of_file(path), None, "{path}");
        }
    }
}
