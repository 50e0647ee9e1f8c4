//! The trip report: what a person saved, noted and attended, as Markdown to send home.
//!
//! Programme items (editions, sessions, presentations) are grouped by edition and then by
//! day; everything else by kind. Each entry has its title, one-line summary, the person's
//! note, the attended mark and its sources. Items that left the content are listed with the
//! notes on them. Pure: the caller passes the library, the catalog and today's date.

use crate::content::{Catalog, Item, Kind, PartialDate};

use super::{Library, Note, NOTE_PROMPTS};
use crate::sort::sort_by_key;

/// The report, in Markdown.
pub fn trip_report_markdown(library: &Library, catalog: &Catalog, today: &str) -> String {
    let mut out = String::new();
    out.push_str("# Trip report: Korea–BSEC ICT Cooperation Program\n\n");
    let version = catalog
        .version()
        .map(|v| v.display())
        .unwrap_or_else(|| "unknown date".into());
    out.push_str(&format!(
        "Prepared on {today} with e-Gov Companion (content of {version}). Notes are my own; facts come from the sources listed.\n"
    ));
    let ids = library.item_ids();
    if ids.is_empty() {
        out.push_str("\nNothing saved yet.\n");
        return out;
    }
    let saved: Vec<&Item> = catalog
        .items()
        .iter()
        .filter(|item| ids.contains(item.id.as_str()))
        .collect();

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
        out.push_str(&format!("\n## {}\n", edition.title));
        if edition_saved {
            out.push('\n');
            entry(&mut out, library, edition);
        }
        let mut days: Vec<(Option<PartialDate>, Vec<&Item>)> = Vec::new();
        for session in catalog.sessions_of(&edition.id) {
            let day = session.schedule.map(|s| s.day);
            let mut items: Vec<&Item> = in_edition
                .iter()
                .copied()
                .filter(|i| i.id == session.id || i.session.as_deref() == Some(session.id.as_str()))
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
        for (day, items) in days {
            let heading = match day {
                Some(day) => match day.weekday() {
                    Some(weekday) => format!("{weekday} {}", day.display()),
                    None => day.display(),
                },
                None => "Day not recorded in the sources".to_string(),
            };
            out.push_str(&format!("\n### {heading}\n\n"));
            for item in items {
                entry(&mut out, library, item);
            }
        }
    }

    // Everything else, by kind.
    for kind in Kind::ALL {
        if matches!(kind, Kind::Edition | Kind::Session | Kind::Presentation) {
            continue;
        }
        let items: Vec<&Item> = catalog
            .of_kind(kind)
            .into_iter()
            .filter(|item| ids.contains(item.id.as_str()))
            .collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", kind.plural()));
        for item in items {
            entry(&mut out, library, item);
        }
    }

    let missing: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| catalog.get(id).is_none())
        .collect();
    if !missing.is_empty() {
        out.push_str("\n## No longer in the knowledge base\n\n");
        for id in missing {
            out.push_str(&format!("- {id}\n"));
            if let Some(note) = library.note(id) {
                push_note(&mut out, note);
            }
        }
    }
    out
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

fn entry(out: &mut String, library: &Library, item: &Item) {
    let attended = if library.is_attended(&item.id) {
        ", attended"
    } else {
        ""
    };
    out.push_str(&format!(
        "- **{}** ({}{attended}): {}\n",
        item.title,
        item.kind.singular(),
        item.summary
    ));
    if let Some(note) = library.note(&item.id) {
        push_note(out, note);
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

fn push_note(out: &mut String, note: &Note) {
    let quote = |out: &mut String, heading: &str, text: &str| {
        out.push_str(&format!("  - {heading}:\n"));
        for line in text.lines() {
            out.push_str(&format!("    > {line}\n"));
        }
    };
    if !note.text.trim().is_empty() {
        quote(out, "My note", &note.text);
    }
    for (key, question) in NOTE_PROMPTS {
        if let Some(answer) = note.prompts.get(key).filter(|a| !a.trim().is_empty()) {
            quote(out, question, answer);
        }
    }
}
