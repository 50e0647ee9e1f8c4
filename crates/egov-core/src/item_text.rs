//! An item page's text blocks written as markup ([`crate::markup`]): its other names,
//! summary and facts ([`head_markup`]), its sections, what to look for and questions to ask
//! ([`body_markup`]), an edition's programme ([`programme_markup`]), and the items related
//! to it and its sources ([`references_markup`]). They are drawn from the content, so the
//! UI puts each in place in one step instead of drawing it element by element; the two
//! that show programme times are written again when the person asks for local times.
//!
//! Links are plain `<a href>`: the app opens its own links in place (the router takes over
//! every link of the app's), and a source's address opens in a new tab. Nothing here knows
//! where the app is hosted or the person's time zone: the caller gives each item's link and
//! each programme time in the person's zone.

use crate::content::{day_heading, Catalog, ClockTime, Item, Kind, PartialDate, Schedule, Source};
use crate::markup::Markup;
use crate::search::analyzer::has_hangul;

/// An item's link, below wherever the app is hosted (`/egov/case-studies/hometax`).
pub type LinkOf<'a> = &'a dyn Fn(&Item) -> String;

/// A programme time (KST, on its day) in the person's own zone, as it should be shown
/// beside the KST time (`02:30 EET`); `None` shows the KST time alone.
pub type LocalTimeOf<'a> = &'a dyn Fn(PartialDate, ClockTime) -> Option<String>;

/// The item's other names (a Korean one marked as Korean), its summary, and the list of
/// its facts: dates, place, format, status, the edition and session it belongs to, the
/// organisations, countries and people it names, its topics.
pub fn head_markup(
    catalog: &Catalog,
    item: &Item,
    link_of: LinkOf<'_>,
    local_time_of: LocalTimeOf<'_>,
) -> String {
    let mut out = Markup::new();
    if !item.aliases.is_empty() {
        out.open("p", &[("class", "aliases")]);
        out.text("Also known as: ");
        for (i, alias) in item.aliases.iter().enumerate() {
            if i > 0 {
                out.text(", ");
            }
            let lang: &[(&str, &str)] = if has_hangul(alias) {
                &[("lang", "ko")]
            } else {
                &[]
            };
            out.element("span", lang, alias);
        }
        out.close("p");
    }
    out.element("p", &[("class", "summary")], &item.summary);
    facts_into(&mut out, catalog, item, link_of, local_time_of);
    out.finish()
}

fn facts_into(
    out: &mut Markup,
    catalog: &Catalog,
    item: &Item,
    link_of: LinkOf<'_>,
    local_time_of: LocalTimeOf<'_>,
) {
    let mut facts = Markup::new();
    let mut row = |label: &str, value: &dyn Fn(&mut Markup)| {
        facts.element("dt", &[], label);
        facts.open("dd", &[]);
        value(&mut facts);
        facts.close("dd");
    };
    let texts = [("Stands for", &item.expansion), ("Role", &item.role)];
    for (label, text) in texts {
        if let Some(text) = text {
            row(label, &|out| out.text(text));
        }
    }
    if let Some(schedule) = item.schedule {
        row("When", &|out| schedule_into(out, schedule, local_time_of));
    } else if let Some(start) = item.start {
        let text = match item.end {
            Some(end) if end != start => format!("{} to {}", start.display(), end.display()),
            _ => start.display(),
        };
        row(item.kind.start_label(), &|out| out.text(&text));
    }
    let texts = [
        ("Place", &item.place),
        ("Format", &item.format),
        ("Status", &item.status),
    ];
    for (label, text) in texts {
        if let Some(text) = text {
            row(label, &|out| out.text(text));
        }
    }
    for (label, ids) in [
        ("Edition", item.edition.as_slice()),
        ("Session", item.session.as_slice()),
        ("Organisations", &item.organisations),
        ("Countries", &item.countries),
        ("People", &item.people),
    ] {
        let linked: Vec<&Item> = ids.iter().filter_map(|id| catalog.get(id)).collect();
        if !linked.is_empty() {
            row(label, &|out| {
                for (i, other) in linked.iter().enumerate() {
                    if i > 0 {
                        out.text(", ");
                    }
                    out.element("a", &[("href", &link_of(other))], &other.title);
                }
            });
        }
    }
    if !item.topics.is_empty() {
        row("Topics", &|out| out.text(&item.topics.join(", ")));
    }
    if !facts.is_empty() {
        out.open("dl", &[("class", "facts")]);
        out.append(facts);
        out.close("dl");
    }
}

/// "Monday 30 October 2017, 09:30 KST to 12:00 KST" (times only where known).
fn schedule_into(out: &mut Markup, schedule: Schedule, local_time_of: LocalTimeOf<'_>) {
    let Schedule {
        day,
        start_time,
        end_time,
    } = schedule;
    out.text(&day.with_weekday());
    match (start_time, end_time) {
        (Some(start), Some(end)) => {
            out.text(", ");
            time_into(out, day, start, local_time_of);
            out.text(" to ");
            time_into(out, day, end, local_time_of);
        }
        (Some(start), None) => {
            out.text(", from ");
            time_into(out, day, start, local_time_of);
        }
        _ => {}
    }
}

/// `09:30 KST`, with the same moment in the person's zone beside it where there is one:
/// `09:30 KST (02:30 EET)`.
fn time_into(out: &mut Markup, day: PartialDate, time: ClockTime, local_time_of: LocalTimeOf<'_>) {
    out.open("span", &[("class", "kst-time")]);
    out.text(&format!("{time} KST"));
    if let Some(local) = local_time_of(day, time) {
        out.text(" ");
        out.element("span", &[("class", "local-time")], &format!("({local})"));
    }
    out.close("span");
}

/// An edition's programme, day by day ([`Catalog::programme_days`]): each day's heading,
/// then its sessions, each with its start time and format, link and summary.
pub fn programme_markup(
    days: &[(Option<PartialDate>, Vec<&Item>)],
    link_of: LinkOf<'_>,
    local_time_of: LocalTimeOf<'_>,
) -> String {
    let mut out = Markup::new();
    for (day, sessions) in days {
        out.element("h3", &[], &day_heading(*day));
        out.open("ul", &[("class", "cards")]);
        for session in sessions {
            out.open("li", &[("class", "card")]);
            out.open("span", &[("class", "card-kind")]);
            if let Some(Schedule {
                day,
                start_time: Some(start),
                ..
            }) = session.schedule
            {
                time_into(&mut out, day, start, local_time_of);
                out.text(" · ");
            }
            if let Some(format) = &session.format {
                out.text(format);
            }
            out.close("span");
            out.element("a", &[("href", &link_of(session))], &session.title);
            out.element("p", &[("class", "card-summary")], &session.summary);
            out.close("li");
        }
        out.close("ul");
    }
    out.finish()
}

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
pub fn references_markup(related: &[&Item], link_of: LinkOf<'_>, sources: &[Source]) -> String {
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

    fn day(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("a date")
    }

    fn time(text: &str) -> ClockTime {
        ClockTime::parse(text).expect("a time")
    }

    /// `02:30 EET` for 09:30 KST, as a person in Bucharest in November asks to see it.
    fn bucharest(_: PartialDate, time: ClockTime) -> Option<String> {
        Some(format!("{:02}:{:02} EET", time.hour - 7, time.minute))
    }

    #[test]
    fn other_names_summary_and_facts_are_written_with_korean_marked_and_ids_linked() {
        let items = items();
        let catalog = catalog(
            "case-study",
            "case-studies",
            &[FixtureItem {
                id: "b".into(),
                title: "Beta & Co".into(),
                aliases: Vec::new(),
                summary: "S.".into(),
                sections: Vec::new(),
                expansion: None,
            }],
        );
        let mut item = items[0].clone();
        item.aliases = vec!["HTS".into(), "홈택스".into()];
        item.start = Some(day("2002-04"));
        item.end = Some(day("2003"));
        item.place = Some("Seoul".into());
        item.organisations = vec!["b".into(), "not-here".into()];
        item.topics = vec!["tax".into(), "online services".into()];
        let markup = head_markup(
            &catalog,
            &item,
            &|item| format!("/egov{}", item.path()),
            &bucharest,
        );
        assert_eq!(
            markup,
            "<p class=\"aliases\">Also known as: <span>HTS</span>, <span lang=\"ko\">홈택스</span></p>\
             <p class=\"summary\">S.</p><dl class=\"facts\">\
             <dt>Launched</dt><dd>April 2002 to 2003</dd><dt>Place</dt><dd>Seoul</dd>\
             <dt>Organisations</dt><dd><a href=\"/egov/case-studies/b\">Beta &amp; Co</a></dd>\
             <dt>Topics</dt><dd>tax, online services</dd></dl>"
        );
        let bare = head_markup(&catalog, &items[1], &|item| item.path(), &bucharest);
        assert_eq!(
            bare, "<p class=\"summary\">S.</p>",
            "no names, no facts: no list"
        );
    }

    #[test]
    fn a_schedule_shows_its_day_and_kst_times_with_local_times_only_where_given() {
        let mut item = items().remove(0);
        item.schedule = Some(Schedule {
            day: day("2017-11-01"),
            start_time: Some(time("09:30")),
            end_time: Some(time("12:00")),
        });
        let when = |item: &Item, local: LocalTimeOf<'_>| {
            head_markup(&Catalog::default(), item, &|i| i.path(), local)
        };
        let kst_only = when(&item, &|_, _| None);
        assert!(
            kst_only.contains(
                "<dt>When</dt><dd>Wednesday 1 November 2017, <span class=\"kst-time\">09:30 KST</span> \
                 to <span class=\"kst-time\">12:00 KST</span></dd>"
            ),
            "{kst_only}"
        );
        let local = when(&item, &bucharest);
        assert!(
            local.contains(
                "<span class=\"kst-time\">09:30 KST <span class=\"local-time\">(02:30 EET)</span></span> to "
            ),
            "{local}"
        );
        item.schedule = item.schedule.map(|s| Schedule {
            end_time: None,
            ..s
        });
        assert!(when(&item, &|_, _| None)
            .contains("2017, from <span class=\"kst-time\">09:30 KST</span></dd>"));
    }

    #[test]
    fn a_programme_lists_each_day_with_its_sessions_times_formats_and_links() {
        let items = items();
        let mut first = items[0].clone();
        first.schedule = Some(Schedule {
            day: day("2017-10-30"),
            start_time: Some(time("09:30")),
            end_time: None,
        });
        first.format = Some("workshop".into());
        let second = items[1].clone();
        let days = vec![
            (first.schedule.map(|s| s.day), vec![&first]),
            (None, vec![&second]),
        ];
        let markup = programme_markup(&days, &|item| item.path(), &bucharest);
        assert!(
            markup.starts_with(
                "<h3>Monday 30 October 2017</h3><ul class=\"cards\"><li class=\"card\">\
             <span class=\"card-kind\"><span class=\"kst-time\">09:30 KST \
             <span class=\"local-time\">(02:30 EET)</span></span> · workshop</span>\
             <a href=\"/case-studies/a\">Alpha</a><p class=\"card-summary\">S.</p></li></ul><h3>"
            ),
            "{markup}"
        );
        assert!(
            markup.ends_with(
                "</h3><ul class=\"cards\"><li class=\"card\"><span class=\"card-kind\"></span>\
             <a href=\"/case-studies/b\">Beta</a><p class=\"card-summary\">S.</p></li></ul>"
            ),
            "{markup}"
        );
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
