//! App paths as static hosts also spell them. Every page is a file on the host
//! (`about.html`, `case-studies/hometax.html`, `index.html`), and hosts answer those names
//! too, so a person may arrive by one; the app's own paths have no `.html`. Pure; the
//! browser layer rewrites the address (`web::use_app_path`).

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
    fn an_app_path_is_left_as_it_is() {
        for path in ["/", "/about", "/case-studies/hometax", "", "/search"] {
            assert_eq!(app_path_of_file(path), None, "{path}");
        }
    }
}
