//! An item page's text blocks written as markup ([`crate::markup`]): its sections, what to
//! look for and questions to ask ([`body_markup`]), and the items related to it and its
//! sources ([`references_markup`]). They are drawn once from the content and never change,
//! so the UI puts each in place in one step instead of drawing it element by element.
//!
//! Links are plain `<a href>`: the app opens its own links in place (the router takes over
//! every link of the app's), and a source's address opens in a new tab. Nothing here knows
//! where the app is hosted: the caller gives each item's link.

use crate::content::{Item, Kind, Source};
use crate::markup::Markup;

/// The item's sections, then its "What to look for" and "Questions to ask" lists.
pub fn body_markup(item: &Item) -> String {
    let mut out = Markup::new();
    for section in &item.sections {
        out.open("section", &[]);
        out.element("h2", &[], &section.heading);
        for paragraph in &section.paragraphs {
            out.element("p", &[], paragraph);
        }
        out.close("section");
    }
    for (heading, lines) in [
        ("What to look for", &item.look_for),
        ("Questions to ask", &item.questions),
    ] {
        if lines.is_empty() {
            continue;
        }
        out.open("section", &[]);
        out.element("h2", &[], heading);
        out.open("ul", &[]);
        for line in lines {
            out.element("li", &[], line);
        }
        out.close("ul");
        out.close("section");
    }
    out.finish()
}

/// The items related to this one, grouped by kind in the order given (each linked by
/// `link_of`), then its sources.
pub fn references_markup(
    related: &[&Item],
    link_of: &dyn Fn(&Item) -> String,
    sources: &[Source],
) -> String {
    let mut out = Markup::new();
    if !related.is_empty() {
        out.open("section", &[("aria-labelledby", "related-title")]);
        out.element("h2", &[("id", "related-title")], "Related");
        let mut kind: Option<Kind> = None;
        for item in related {
            if kind != Some(item.kind) {
                if kind.is_some() {
                    out.close("ul");
                }
                kind = Some(item.kind);
                out.element("h3", &[], item.kind.plural());
                out.open("ul", &[("class", "link-list")]);
            }
            out.open("li", &[]);
            out.element("a", &[("href", &link_of(item))], &item.title);
            out.close("li");
        }
        out.close("ul");
        out.close("section");
    }
    out.open(
        "section",
        &[("aria-labelledby", "sources-title"), ("class", "sources")],
    );
    out.element("h2", &[("id", "sources-title")], "Sources");
    out.open("ol", &[]);
    for source in sources {
        out.open("li", &[]);
        out.text(&source.publisher);
        out.text(": ");
        match &source.url {
            Some(url) => out.element(
                "a",
                &[
                    ("href", url),
                    ("rel", "noopener noreferrer"),
                    ("target", "_blank"),
                ],
                &source.title,
            ),
            None => out.text(&source.title),
        }
        if let Some(date) = source.date {
            out.text(&format!(", {}", date.display()));
        }
        out.text(".");
        if !source.facts.is_empty() {
            out.text(&format!(" Fact sheet: {}.", source.facts.join(", ")));
        }
        out.close("li");
    }
    out.close("ol");
    out.close("section");
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{catalog, glossary_catalog, FixtureItem, FixtureTerm};

    /// Two case studies (`a`, `b`) and a glossary term (`c`).
    fn items() -> Vec<Item> {
        let case = |id: &str, title: &str| FixtureItem {
            id: id.into(),
            title: title.into(),
            aliases: Vec::new(),
            summary: "S.".into(),
            sections: vec![(
                "Tax <online> & \"more\"".into(),
                vec!["One.".into(), "Two.".into()],
            )],
            expansion: None,
        };
        let cases = catalog(
            "case-study",
            "case-studies",
            &[case("a", "Alpha"), case("b", "Beta")],
        );
        let terms = glossary_catalog(&[FixtureTerm {
            id: "c",
            title: "Gamma",
            aliases: &[],
            summary: "S.",
            body: "B.",
        }]);
        cases.items().iter().chain(terms.items()).cloned().collect()
    }

    #[test]
    fn sections_and_lists_are_written_in_order_with_their_text_escaped() {
        let mut item = items().remove(0);
        item.questions = vec!["Who pays?".to_string()];
        assert_eq!(
            body_markup(&item),
            "<section><h2>Tax &lt;online&gt; &amp; &quot;more&quot;</h2><p>One.</p><p>Two.</p>\
             </section><section><h2>Questions to ask</h2><ul><li>Who pays?</li></ul></section>"
        );
    }

    #[test]
    fn related_items_are_grouped_by_kind_and_sources_link_only_where_they_have_an_address() {
        let items = items();
        let related: Vec<&Item> = items.iter().collect();
        let sources = [
            Source {
                publisher: "P & Co".to_string(),
                title: "T".to_string(),
                date: None,
                url: Some("https://example.org/?a=1&b=2".to_string()),
                facts: vec!["F-001".to_string(), "F-002".to_string()],
            },
            Source {
                publisher: "Q".to_string(),
                title: "U".to_string(),
                date: None,
                url: None,
                facts: Vec::new(),
            },
        ];
        let markup = references_markup(&related, &|item| format!("/egov{}", item.path()), &sources);
        assert_eq!(
            markup,
            "<section aria-labelledby=\"related-title\"><h2 id=\"related-title\">Related</h2>\
             <h3>Case studies</h3><ul class=\"link-list\">\
             <li><a href=\"/egov/case-studies/a\">Alpha</a></li>\
             <li><a href=\"/egov/case-studies/b\">Beta</a></li></ul>\
             <h3>Glossary</h3><ul class=\"link-list\"><li><a href=\"/egov/glossary/c\">Gamma</a></li></ul>\
             </section><section aria-labelledby=\"sources-title\" class=\"sources\">\
             <h2 id=\"sources-title\">Sources</h2><ol>\
             <li>P &amp; Co: <a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\" \
             target=\"_blank\">T</a>. Fact sheet: F-001, F-002.</li><li>Q: U.</li></ol></section>"
        );
        assert!(!references_markup(&[], &|item| item.path(), &[]).contains("Related"));
    }
}
