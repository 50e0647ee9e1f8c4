//! The trip report: what a person saved, noted and attended, to send home.
//!
//! [`trip_report`] groups the library into a [`TripReport`] ([`trip_report_with_items`] also
//! lists items the library does not mention, such as those with only photos): programme
//! items (editions, sessions, presentations) by edition and then by day, everything else by
//! kind, and items that left the content at the end. Each entry has its title, one-line summary, the
//! person's note and prompt answers, the attended mark and its sources.
//! [`trip_report_markdown`] writes it as Markdown; the print page renders the same model.
//! Every saved item appears once: a presentation the sources tie to no session is listed
//! under its edition's "day not recorded".
//! Pure: the caller passes the library, the catalog and today's date.
//!
//! The Markdown is written for any viewer, including ones that render raw HTML: titles,
//! notes and ids (which can come from an imported backup) are escaped so they stay text,
//! and links are written so no character can end them early.

use std::collections::HashSet;

use crate::content::{day_heading, Catalog, Item, Kind, PartialDate};

use super::photos::{PhotoAlbum, PhotoMeta};
use super::saved::{by_kind, missing};
use super::{Library, Note, NOTE_PROMPTS};
use crate::sort::sort_by_key;

/// The report's title.
pub const REPORT_TITLE: &str = "Trip report: Korea–BSEC ICT Cooperation Program";

/// A saved item in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportEntry {
    /// The item.
    pub item: Item,
    /// The person's note on it.
    pub note: Option<Note>,
    /// Marked as attended.
    pub attended: bool,
}

/// A group of entries under a heading, with optional sub-groups (programme days).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportGroup {
    /// The heading (an edition's title, or a kind).
    pub heading: String,
    /// Entries directly under the heading.
    pub entries: Vec<ReportEntry>,
    /// Day headings with their entries.
    pub days: Vec<(String, Vec<ReportEntry>)>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct TripReport {
    /// "Prepared on … with e-Gov Companion (content of …)".
    pub prepared: String,
    /// Groups, programme first.
    pub groups: Vec<ReportGroup>,
    /// Ids no longer in the content, with the notes on them.
    pub missing: Vec<(String, Option<Note>)>,
}

/// Groups the library into a report.
pub fn trip_report(library: &Library, catalog: &Catalog, today: &str) -> TripReport {
    trip_report_with_items(library, catalog, today, &[])
}

/// Groups the library into a report that also lists the items `also` names (for example
/// those with photos but no bookmark or note), each once, in its place.
pub fn trip_report_with_items(
    library: &Library,
    catalog: &Catalog,
    today: &str,
    also: &[&str],
) -> TripReport {
    let version = catalog
        .version()
        .map(|v| v.display())
        .unwrap_or_else(|| "unknown date".into());
    let prepared = format!(
        "Prepared on {today} with e-Gov Companion (content of {version}). Notes are my own; facts come from the sources listed."
    );
    let mut ids = library.item_ids();
    ids.extend(also.iter().copied());
    let entry = |item: &Item| ReportEntry::of(library, item);
    let saved: Vec<&Item> = catalog
        .items()
        .iter()
        .filter(|item| ids.contains(item.id.as_str()))
        .collect();
    let mut groups = Vec::new();
    // Items already in a group, so the catch-all by kind lists only the rest.
    let mut placed: HashSet<&str> = HashSet::new();

    // Programme: by edition (newest first), then day.
    for edition in catalog.of_kind(Kind::Edition) {
        let in_edition: Vec<&Item> = saved
            .iter()
            .copied()
            .filter(|item| edition_of(catalog, item).as_deref() == Some(edition.id.as_str()))
            .collect();
        let edition_saved = ids.contains(edition.id.as_str());
        if in_edition.is_empty() && !edition_saved {
            continue;
        }
        let mut days: Vec<(Option<PartialDate>, Vec<ReportEntry>)> = Vec::new();
        for session in catalog.sessions_of(&edition.id) {
            let day = session.schedule.map(|s| s.day);
            let of_session: Vec<&Item> = in_edition
                .iter()
                .copied()
                .filter(|i| i.id == session.id || i.session.as_deref() == Some(session.id.as_str()))
                .collect();
            if of_session.is_empty() {
                continue;
            }
            placed.extend(of_session.iter().map(|i| i.id.as_str()));
            let mut items: Vec<ReportEntry> = of_session.into_iter().map(&entry).collect();
            match days.iter_mut().find(|(d, _)| *d == day) {
                Some((_, list)) => list.append(&mut items),
                None => days.push((day, items)),
            }
        }
        // Presentations the sources tie to no session of this edition (a session is not
        // required): their day is not recorded either.
        let unplaced: Vec<&Item> = in_edition
            .iter()
            .copied()
            .filter(|i| !placed.contains(i.id.as_str()))
            .collect();
        if !unplaced.is_empty() {
            placed.extend(unplaced.iter().map(|i| i.id.as_str()));
            let mut unplaced: Vec<ReportEntry> = unplaced.into_iter().map(&entry).collect();
            match days.iter_mut().find(|(d, _)| d.is_none()) {
                Some((_, list)) => list.append(&mut unplaced),
                None => days.push((None, unplaced)),
            }
        }
        if edition_saved {
            placed.insert(edition.id.as_str());
        }
        sort_by_key(&mut days, |(day, _)| (day.is_none(), *day));
        groups.push(ReportGroup {
            heading: edition.title.clone(),
            entries: if edition_saved {
                vec![entry(edition)]
            } else {
                Vec::new()
            },
            days: days
                .into_iter()
                .map(|(day, entries)| (day_heading(day), entries))
                .collect(),
        });
    }

    // Everything else, by kind (and any programme item no edition took, so none is lost).
    let rest = by_kind(library, catalog, &ids, |item| {
        !placed.contains(item.id.as_str())
    });
    groups.extend(rest.into_iter().map(|(kind, entries)| ReportGroup {
        heading: kind.plural().to_string(),
        entries,
        days: Vec::new(),
    }));

    let missing = missing(library, catalog, &ids);
    TripReport {
        prepared,
        groups,
        missing,
    }
}

/// The edition a saved item belongs to, directly or through its session.
fn edition_of(catalog: &Catalog, item: &Item) -> Option<String> {
    match item.kind {
        Kind::Session => item.edition.clone(),
        Kind::Presentation => item.edition.clone().or_else(|| {
            item.session
                .as_deref()
                .and_then(|s| catalog.get(s))
                .and_then(|s| s.edition.clone())
        }),
        _ => None,
    }
}

/// The note's parts with their headings: "My note", then each answered prompt.
pub fn note_parts(note: &Note) -> Vec<(&'static str, &str)> {
    let mut parts = Vec::new();
    if !note.text.trim().is_empty() {
        parts.push(("My note", note.text.as_str()));
    }
    for (key, question) in NOTE_PROMPTS {
        if let Some(answer) = note.prompts.get(key).filter(|a| !a.trim().is_empty()) {
            parts.push((question, answer.as_str()));
        }
    }
    parts
}

/// The report, in Markdown.
pub fn trip_report_markdown(library: &Library, catalog: &Catalog, today: &str) -> String {
    trip_report_markdown_with_photos(library, catalog, today, &PhotoAlbum::default())
}

/// [`trip_report_markdown`] that also lists each item's photos by caption (the pictures
/// themselves are in the Word report and the .zip backup), and items that have only photos.
pub fn trip_report_markdown_with_photos(
    library: &Library,
    catalog: &Catalog,
    today: &str,
    album: &PhotoAlbum,
) -> String {
    let also: Vec<&str> = album.item_ids().into_iter().collect();
    let report = trip_report_with_items(library, catalog, today, &also);
    let write_entry = |out: &mut String, entry: &ReportEntry| {
        write_entry(out, entry);
        write_photos(out, album.of_item(&entry.item.id));
    };
    let mut out = format!("# {REPORT_TITLE}\n\n{}\n", inline(&report.prepared));
    if report.groups.is_empty() && report.missing.is_empty() {
        out.push_str("\nNothing saved yet.\n");
        return out;
    }
    for group in &report.groups {
        out.push_str(&format!("\n## {}\n", inline(&group.heading)));
        if !group.entries.is_empty() {
            out.push('\n');
            for entry in &group.entries {
                write_entry(&mut out, entry);
            }
        }
        for (day, entries) in &group.days {
            out.push_str(&format!("\n### {}\n\n", inline(day)));
            for entry in entries {
                write_entry(&mut out, entry);
            }
        }
    }
    if !report.missing.is_empty() {
        out.push_str("\n## No longer in the knowledge base\n\n");
        for (id, note) in &report.missing {
            out.push_str(&format!("- {}\n", inline(id)));
            if let Some(note) = note {
                write_note(&mut out, note);
            }
        }
    }
    out
}

fn write_entry(out: &mut String, entry: &ReportEntry) {
    let item = &entry.item;
    let attended = if entry.attended { ", attended" } else { "" };
    out.push_str(&format!(
        "- **{}** ({}{attended}): {}\n",
        inline(&item.title),
        item.kind.singular(),
        inline(&item.summary)
    ));
    if let Some(note) = &entry.note {
        write_note(out, note);
    }
    for source in &item.sources {
        let link = source.url.as_deref().map(link).unwrap_or_default();
        out.push_str(&format!(
            "  - Source: {}, {}{link}\n",
            inline(&source.publisher),
            inline(&source.title)
        ));
    }
}

fn write_photos(out: &mut String, photos: &[PhotoMeta]) {
    if photos.is_empty() {
        return;
    }
    out.push_str(&format!(
        "  - Photos: {} (the pictures are in the Word report and the .zip backup)\n",
        photos.len()
    ));
    for (number, photo) in photos.iter().enumerate() {
        let caption = if photo.caption.is_empty() {
            format!("Photo {}", number + 1)
        } else {
            inline(&photo.caption)
        };
        out.push_str(&format!("    - {}\n", line_start(&caption)));
    }
}

fn write_note(out: &mut String, note: &Note) {
    for (heading, text) in note_parts(note) {
        out.push_str(&format!("  - {heading}:\n"));
        // Every spelling of a line break ends a quoted line; a lone CR (possible only in
        // an imported note) would otherwise end the quote in some viewers. Each line but
        // the last ends in a hard break (two spaces), so viewers keep the note's lines
        // apart instead of running them into one paragraph.
        let lines: Vec<&str> = text
            .split("\r\n")
            .flat_map(|l| l.split(['\r', '\n']))
            .collect();
        for (i, line) in lines.iter().enumerate() {
            let hard_break = if i + 1 < lines.len() { "  " } else { "" };
            out.push_str(&format!(
                "    > {}{hard_break}\n",
                line_start(&inline(line))
            ));
        }
    }
}

/// Markdown characters that could start emphasis, code, a link, an image, HTML, a heading,
/// a table or strike-through, or an entity: each is written backslash-escaped (or as an
/// entity), so a viewer shows it as the character it is.
const MARKDOWN_SPECIALS: &[char] = &['\\', '`', '*', '_', '[', ']', '#', '!', '|', '~', '&'];

/// `text` as Markdown that shows exactly this text on one line: metacharacters escaped,
/// `<` and `>` as entities (no HTML, even in viewers that ignore backslashes), line
/// breaks as spaces, other control characters dropped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if MARKDOWN_SPECIALS.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An escaped line, with what would make it a list item or a heading underline at the
/// start of a line (`-`, `+`, `=`, `1.`, `1)`) escaped too.
fn line_start(line: &str) -> String {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &line[digits..];
    if line.starts_with(['-', '+', '=']) {
        format!("\\{line}")
    } else if digits > 0 && rest.starts_with(['.', ')']) {
        format!("{}\\{rest}", &line[..digits])
    } else {
        line.to_string()
    }
}

/// A source address as a Markdown autolink, with every character that could end it or
/// break out of it percent-encoded; anything not http(s) is written as plain text.
fn link(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return format!(" {}", inline(url));
    }
    let mut out = String::with_capacity(url.len() + 3);
    out.push_str(" <");
    for c in url.chars() {
        if c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '\\') {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{build_catalog, parse_kind_file};

    /// A catalog of `(kind, items)` files; each item gets a summary and a source.
    fn catalog_of(files: &[(&str, Vec<serde_json::Value>)]) -> Catalog {
        let files = files
            .iter()
            .map(|(kind, items)| {
                let items: Vec<serde_json::Value> = items
                    .iter()
                    .cloned()
                    .map(|mut item| {
                        item["summary"] = "A summary.".into();
                        if item.get("sources").is_none() {
                            item["sources"] = serde_json::json!([{"publisher": "P", "title": "T"}]);
                        }
                        item
                    })
                    .collect();
                let text = serde_json::json!({"kind": kind, "items": items}).to_string();
                parse_kind_file(&format!("{kind}s.json"), &text).expect("fixture parses")
            })
            .collect();
        let (catalog, problems) = build_catalog("2026-11-27", files, None);
        assert!(problems.is_empty(), "{problems:?}");
        catalog
    }

    fn programme() -> Catalog {
        use serde_json::json;
        catalog_of(&[
            (
                "edition",
                vec![
                    json!({"id": "e2017", "title": "2017 in Seoul", "start": "2017-10-30",
                    "end": "2017-11-03"}),
                ],
            ),
            (
                "session",
                vec![json!({"id": "forum", "title": "Forum", "edition": "e2017",
                    "format": "forum", "day": "2017-11-01"})],
            ),
            (
                "presentation",
                vec![
                    json!({"id": "in-forum", "title": "In the forum", "edition": "e2017",
                        "session": "forum"}),
                    json!({"id": "no-session", "title": "Tied to no session",
                        "edition": "e2017"}),
                ],
            ),
        ])
    }

    /// Every item id the report lists, in order.
    fn listed(report: &TripReport) -> Vec<&str> {
        report
            .groups
            .iter()
            .flat_map(|g| {
                g.entries
                    .iter()
                    .chain(g.days.iter().flat_map(|(_, entries)| entries))
            })
            .map(|e| e.item.id.as_str())
            .collect()
    }

    #[test]
    fn a_presentation_tied_to_no_session_is_listed_under_its_edition() {
        let catalog = programme();
        let mut library = Library::default();
        library.toggle_bookmark("no-session", 1);
        let report = trip_report(&library, &catalog, "2026-11-27");
        assert_eq!(listed(&report), ["no-session"]);
        assert_eq!(report.groups[0].heading, "2017 in Seoul");
        assert_eq!(
            report.groups[0].days[0].0,
            "Day not recorded in the sources"
        );
        let markdown = trip_report_markdown(&library, &catalog, "2026-11-27");
        assert!(
            markdown.contains("**Tied to no session** (Presentation)"),
            "{markdown}"
        );
    }

    #[test]
    fn every_saved_item_is_listed_exactly_once() {
        let catalog = programme();
        let mut library = Library::default();
        for id in ["no-session", "in-forum", "forum", "e2017"] {
            library.toggle_bookmark(id, 1);
        }
        let report = trip_report(&library, &catalog, "2026-11-27");
        let mut ids = listed(&report);
        ids.sort_unstable();
        assert_eq!(ids, ["e2017", "forum", "in-forum", "no-session"]);
        let group = &report.groups[0];
        assert_eq!(group.days.len(), 2, "{group:?}");
        assert_eq!(group.days[1].0, "Day not recorded in the sources");
    }

    /// A title, an address and a note of the kind a hostile backup or content could bring.
    fn hostile() -> (Catalog, Library) {
        let catalog = catalog_of(&[(
            "term",
            vec![serde_json::json!({
                "id": "evil", "title": "<img src=x onerror=alert(1)> *bold* [a](javascript:x)",
                "expansion": "E",
                "sources": [{"publisher": "P <b>", "title": "T",
                    "url": "https://a.bc/><img/src=x/onerror=alert(1)>"}]
            })],
        )]);
        let mut library = Library::default();
        library.toggle_bookmark("evil", 1);
        library.toggle_bookmark("<script>alert(1)</script>", 2);
        library
            .set_note(
                "evil",
                "line one\rline two\r\n- not a list\n1. not a list\n# not a heading <b>x</b>",
                3,
            )
            .expect("short");
        (catalog, library)
    }

    #[test]
    fn markdown_keeps_hostile_titles_notes_and_ids_as_text() {
        let (catalog, library) = hostile();
        let markdown = trip_report_markdown(&library, &catalog, "2026-11-27");
        assert!(markdown.contains(
            "**&lt;img src=x onerror=alert(1)&gt; \\*bold\\* \\[a\\](javascript:x)** (Glossary term)"
        ));
        assert!(markdown.contains(
            "    > line one  \n    > line two  \n    > \\- not a list  \n    > 1\\. not a list  \n    > \\# not a heading &lt;b&gt;x&lt;/b&gt;\n"
        ), "{markdown}");
        assert!(markdown.contains("- &lt;script&gt;alert(1)&lt;/script&gt;\n"));
        assert!(!markdown.contains('\r'));
        // The only `<` left opens an autolink.
        for (at, _) in markdown.match_indices('<') {
            assert!(
                markdown[at..].starts_with("<https://"),
                "{}",
                &markdown[at..]
            );
        }
    }

    #[test]
    fn a_source_address_cannot_break_out_of_its_link() {
        let (catalog, library) = hostile();
        let markdown = trip_report_markdown(&library, &catalog, "2026-11-27");
        assert!(
            markdown.contains(
                "  - Source: P &lt;b&gt;, T <https://a.bc/%3E%3Cimg/src=x/onerror=alert(1)%3E>\n"
            ),
            "{markdown}"
        );
        assert_eq!(
            link("https://a.bc/a b\"c`d"),
            " <https://a.bc/a%20b%22c%60d>"
        );
        assert_eq!(link("javascript:alert(1)"), " javascript:alert(1)");
    }
}
