//! What the Saved page lists, grouped: saved items by kind (in [`Kind::ALL`] order), sessions
//! under their programme day, and the ids that left the content at the end with the notes
//! on them (never dropped). The trip report ([`super::trip_report`]) builds on the same
//! pieces: [`ReportEntry::of`], [`by_kind`] and [`missing`]. Pure.

use crate::sorted::SortedSet;

use crate::content::{day_heading, Catalog, Item, Kind};

use super::{Library, Note, ReportEntry};

/// A kind's saved items, by programme day for sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct KindGroup {
    /// The kind.
    pub kind: Kind,
    /// Day heading (sessions only: [`day_heading`]) with its entries, in programme order;
    /// other kinds have one list with no heading.
    pub days: Vec<(Option<String>, Vec<ReportEntry>)>,
}

impl KindGroup {
    /// How many items the group holds.
    pub fn len(&self) -> usize {
        self.days.iter().map(|(_, entries)| entries.len()).sum()
    }

    /// True when the group holds no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Everything saved, as the Saved page shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SavedGroups {
    /// Kinds with at least one saved item, in [`Kind::ALL`] order.
    pub kinds: Vec<KindGroup>,
    /// Ids no longer in the content, with the notes on them.
    pub missing: Vec<(String, Option<Note>)>,
}

impl SavedGroups {
    /// True when nothing is saved.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.missing.is_empty()
    }
}

/// Groups what `library` holds (bookmarks, notes, attended marks) for the Saved page.
pub fn saved_groups(library: &Library, catalog: &Catalog) -> SavedGroups {
    let ids = library.item_ids();
    let kinds = by_kind(library, catalog, &ids, |_| true)
        .into_iter()
        .map(|(kind, entries)| KindGroup {
            kind,
            days: if kind == Kind::Session {
                by_day(entries)
            } else {
                vec![(None, entries)]
            },
        })
        .collect();
    SavedGroups {
        kinds,
        missing: missing(library, catalog, &ids),
    }
}

impl ReportEntry {
    /// `item` with the person's note on it and attended mark.
    pub fn of(library: &Library, item: &Item) -> ReportEntry {
        ReportEntry {
            item: item.clone(),
            note: library.note(&item.id).cloned(),
            attended: library.is_attended(&item.id),
        }
    }
}

/// The saved items (`ids`) that `keep` accepts, by kind in [`Kind::ALL`] order, each kind in
/// the catalog's order for it; kinds with none are left out.
pub(super) fn by_kind(
    library: &Library,
    catalog: &Catalog,
    ids: &SortedSet<&str>,
    keep: impl Fn(&Item) -> bool,
) -> Vec<(Kind, Vec<ReportEntry>)> {
    Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let entries: Vec<ReportEntry> = catalog
                .of_kind(kind)
                .into_iter()
                .filter(|item| ids.contains(item.id.as_str()) && keep(item))
                .map(|item| ReportEntry::of(library, item))
                .collect();
            (!entries.is_empty()).then_some((kind, entries))
        })
        .collect()
}

/// The saved ids (`ids`) that no item of the catalog has, with the notes on them.
pub(super) fn missing(
    library: &Library,
    catalog: &Catalog,
    ids: &SortedSet<&str>,
) -> Vec<(String, Option<Note>)> {
    ids.iter()
        .filter(|id| catalog.get(id).is_none())
        .map(|id| (id.to_string(), library.note(id).cloned()))
        .collect()
}

/// Sessions (already in programme order) under their day's heading; consecutive sessions of
/// one day share it.
fn by_day(entries: Vec<ReportEntry>) -> Vec<(Option<String>, Vec<ReportEntry>)> {
    let mut days: Vec<(Option<String>, Vec<ReportEntry>)> = Vec::new();
    for entry in entries {
        let day = Some(day_heading(entry.item.schedule.map(|s| s.day)));
        match days.last_mut() {
            Some((heading, list)) if *heading == day => list.push(entry),
            _ => days.push((day, vec![entry])),
        }
    }
    days
}

/// What the person is told after removing the bookmark of `title` on Saved. An item with a
/// note or an attended mark stays in Saved for it (nothing written is dropped by a
/// removal), so they are told why it stays and how it would go.
pub fn removal_message(title: &str, note: bool, attended: bool) -> String {
    let why = match (note, attended) {
        (false, false) => return format!("Removed “{title}”."),
        (true, false) => "for your note; clear the note on its page to remove it",
        (false, true) => {
            "because you marked it attended; untick “I attended this” on its page to remove it"
        }
        (true, true) => "for your note and attended mark; clear both on its page to remove it",
    };
    format!("Removed the bookmark of “{title}”. It stays in Saved {why}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removal_says_why_an_item_with_a_note_or_attended_mark_stays() {
        assert_eq!(
            removal_message("Hometax", false, false),
            "Removed “Hometax”."
        );
        assert_eq!(
            removal_message("Hometax", true, false),
            "Removed the bookmark of “Hometax”. It stays in Saved for your note; clear the note on its page to remove it."
        );
        assert!(removal_message("Wrap-up", false, true).contains("untick “I attended this”"));
        assert!(removal_message("Wrap-up", true, true).contains("note and attended mark"));
    }
}
