//! The trip report: what a person saved, noted and attended, to send home.
//!
//! [`trip_report`] groups the library into a [`TripReport`]: programme items (editions,
//! sessions, presentations) by edition and then by day, everything else by kind, and items
//! that left the content at the end. Each entry has its title, one-line summary, the
//! person's note and prompt answers, the attended mark and its sources.
//! [`trip_report_markdown`] writes it as Markdown; the print page renders the same model.
//! Pure: the caller passes the library, the catalog and today's date.

use crate::content::{Catalog, Item, Kind, PartialDate};

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
    let version = catalog
        .version()
        .map(|v| v.display())
        .unwrap_or_else(|| "unknown date".into());
    let prepared = format!(
        "Prepared on {today} with e-Gov Companion (content of {version}). Notes are my own; facts come from the sources listed."
    );
    let ids = library.item_ids();
    let entry = |item: &Item| ReportEntry {
        item: item.clone(),
        note: library.note(&item.id).cloned(),
        attended: library.is_attended(&item.id),
    };
    let saved: Vec<&Item> = catalog
        .items()
        .iter()
        .filter(|item| ids.contains(item.id.as_str()))
        .collect();
    let mut groups = Vec::new();

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
            let mut items: Vec<ReportEntry> = in_edition
                .iter()
                .filter(|i| i.id == session.id || i.session.as_deref() == Some(session.id.as_str()))
                .map(|i| entry(i))
                .collect();
            if items.is_empty() {
                continue;
            }
            match days.iter_mut().find(|(d, _)| *d == day) {
                Some((_, list)) => list.append(&mut items),
                None => days.push((day, items)),
            }
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

    // Everything else, by kind.
    for kind in Kind::ALL {
        if matches!(kind, Kind::Edition | Kind::Session | Kind::Presentation) {
            continue;
        }
        let entries: Vec<ReportEntry> = catalog
            .of_kind(kind)
            .into_iter()
            .filter(|item| ids.contains(item.id.as_str()))
            .map(&entry)
            .collect();
        if !entries.is_empty() {
            groups.push(ReportGroup {
                heading: kind.plural().to_string(),
                entries,
                days: Vec::new(),
            });
        }
    }

    let missing = ids
        .iter()
        .filter(|id| catalog.get(id).is_none())
        .map(|id| (id.to_string(), library.note(id).cloned()))
        .collect();
    TripReport {
        prepared,
        groups,
        missing,
    }
}

/// "Wednesday 1 November 2017", or a plain statement when the day is not known.
fn day_heading(day: Option<PartialDate>) -> String {
    match day {
        Some(day) => match day.weekday() {
            Some(weekday) => format!("{weekday} {}", day.display()),
            None => day.display(),
        },
        None => "Day not recorded in the sources".to_string(),
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
    let report = trip_report(library, catalog, today);
    let mut out = format!("# {REPORT_TITLE}\n\n{}\n", report.prepared);
    if report.groups.is_empty() && report.missing.is_empty() {
        out.push_str("\nNothing saved yet.\n");
        return out;
    }
    for group in &report.groups {
        out.push_str(&format!("\n## {}\n", group.heading));
        if !group.entries.is_empty() {
            out.push('\n');
            for entry in &group.entries {
                write_entry(&mut out, entry);
            }
        }
        for (day, entries) in &group.days {
            out.push_str(&format!("\n### {day}\n\n"));
            for entry in entries {
                write_entry(&mut out, entry);
            }
        }
    }
    if !report.missing.is_empty() {
        out.push_str("\n## No longer in the knowledge base\n\n");
        for (id, note) in &report.missing {
            out.push_str(&format!("- {id}\n"));
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
        item.title,
        item.kind.singular(),
        item.summary
    ));
    if let Some(note) = &entry.note {
        write_note(out, note);
    }
    for source in &item.sources {
        let link = source
            .url
            .as_deref()
            .map(|url| format!(" <{url}>"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  - Source: {}, {}{link}\n",
            source.publisher, source.title
        ));
    }
}

fn write_note(out: &mut String, note: &Note) {
    for (heading, text) in note_parts(note) {
        out.push_str(&format!("  - {heading}:\n"));
        for line in text.lines() {
            out.push_str(&format!("    > {line}\n"));
        }
    }
}
