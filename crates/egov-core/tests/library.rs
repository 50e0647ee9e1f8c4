//! The stored library format, checked against frozen values: what a person saved with an
//! earlier version of the app must load in every later one.

mod common;

use egov_core::library::{decode, encode, StoreError, FORMAT_VERSION};

/// A library exactly as format 1 stored it. Never edit this string: when the format moves
/// on, add a new fixture and keep this one loading.
const FORMAT_1_VALUE: &str = r#"{"format":1,"bookmarks":[{"id":"hometax","saved_at":1764201600000},{"id":"edition-2017-seoul","saved_at":1764201700000}],"notes":{"hometax":{"text":"Ask how e-invoicing became mandatory.","updated_at":1764201800000}},"attended":["2017-wrap-up"]}"#;

#[test]
fn loads_a_version_1_value() {
    let library = decode(FORMAT_1_VALUE).expect("format 1 loads");
    let ids: Vec<&str> = library.bookmarks().iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["hometax", "edition-2017-seoul"]);
    assert_eq!(
        library.note("hometax").map(|n| n.text.as_str()),
        Some("Ask how e-invoicing became mandatory.")
    );
    assert!(library.is_attended("2017-wrap-up"));
}

#[test]
fn writes_the_current_format_and_reads_it_back() {
    let library = decode(FORMAT_1_VALUE).expect("format 1 loads");
    let text = encode(&library);
    assert!(text.contains(&format!("\"format\":{FORMAT_VERSION}")));
    assert_eq!(decode(&text), Ok(library));
}

/// Format 1 as the app wrote it with serde_json (before it wrote it itself): prompts, and
/// every sort of character a note can hold.
const FORMAT_1_WITH_PROMPTS: &str = r#"{"format":1,"bookmarks":[{"id":"hometax","saved_at":1764201600000}],"notes":{"hometax":{"text":"Line one\nTab\there \"quoted\" back\\slash \u0001 é 한국 😀","updated_at":1764201800000,"prompts":{"contacts":"NTS","relevance":"High"}},"koneps":{"text":"x","updated_at":1}},"attended":["2017-wrap-up","anyang"]}"#;

#[test]
fn writes_a_stored_library_byte_for_byte_as_before() {
    for stored in [FORMAT_1_VALUE, FORMAT_1_WITH_PROMPTS] {
        let library = decode(stored).expect("format 1 loads");
        assert_eq!(encode(&library), stored);
    }
}

#[test]
fn a_value_from_a_newer_app_is_refused_not_misread() {
    let newer = FORMAT_1_VALUE.replace("\"format\":1", "\"format\":7");
    assert_eq!(decode(&newer), Err(StoreError::NewerFormat(7)));
}

#[test]
fn a_truncated_value_is_reported_as_damaged() {
    let cut = &FORMAT_1_VALUE[..FORMAT_1_VALUE.len() / 2];
    let error = decode(cut).expect_err("truncated");
    assert!(
        error
            .to_string()
            .starts_with("the saved library is damaged"),
        "{error}"
    );
}

mod with_real_content {
    use egov_core::content::Catalog;
    use egov_core::content::Kind;
    use egov_core::library::{
        calendar_ics, decode_share, item_code, saved_groups, trip_report_markdown, Library,
        MAX_SHARED_ITEMS,
    };

    pub(super) fn catalog() -> Catalog {
        super::common::real_catalog()
    }

    fn library() -> Library {
        let mut library = Library::default();
        for id in [
            "2017-global-forum",
            "2017-wrap-up",
            "2017-workshop-klid",
            "hometax",
            "gone-item",
        ] {
            library.toggle_bookmark(id, 1);
        }
        library.set_attended("2017-wrap-up", true);
        library
            .set_note("hometax", "Ask about e-invoices.\nAnd about identity.", 2)
            .expect("short");
        library
            .set_note("gone-item", "Kept anyway.", 3)
            .expect("short");
        library
    }

    #[test]
    fn the_trip_report_groups_the_programme_by_edition_and_day_with_notes_and_sources() {
        let report = trip_report_markdown(&library(), &catalog(), "2026-11-27");
        assert!(report.starts_with("# Trip report: Korea–BSEC ICT Cooperation Program"));
        let edition = report
            .find("## 2017 programme in Seoul (7th edition)")
            .expect("edition");
        let day3 = report
            .find("### Friday 3 November 2017")
            .expect("wrap-up day");
        let undated = report
            .find("### Day not recorded in the sources")
            .expect("workshop");
        let forum = report
            .find("**Global Forum on e-Government.")
            .expect("forum");
        assert!(edition < day3 && day3 < undated && undated < forum);
        assert!(
            !report.contains("Wednesday 1 November 2017"),
            "no source dates the forum"
        );
        assert!(report.contains("**Wrap-up meeting at KLID headquarters** (Session, attended)"));
        let cases = report.find("## Case studies").expect("case studies");
        assert!(
            report[cases..].contains("    > Ask about e-invoices.  \n    > And about identity.\n")
        );
        assert!(report[cases..].contains("  - Source: Aju Business Daily (ajunews.com)"));
        assert!(report.contains(
            "## No longer in the knowledge base\n\n- gone-item\n  - My note:\n    > Kept anyway."
        ));
    }

    #[test]
    fn the_saved_page_groups_by_kind_with_sessions_by_day_and_keeps_what_left_the_content() {
        let groups = saved_groups(&library(), &catalog());
        let kinds: Vec<(Kind, usize)> = groups.kinds.iter().map(|g| (g.kind, g.len())).collect();
        assert_eq!(kinds, [(Kind::Session, 3), (Kind::CaseStudy, 1)]);
        let days: Vec<(Option<&str>, Vec<&str>)> = groups.kinds[0]
            .days
            .iter()
            .map(|(day, entries)| {
                let ids = entries.iter().map(|e| e.item.id.as_str()).collect();
                (day.as_deref(), ids)
            })
            .collect();
        assert_eq!(
            days,
            [
                (Some("Friday 3 November 2017"), vec!["2017-wrap-up"]),
                (
                    Some("Day not recorded in the sources"),
                    vec!["2017-global-forum", "2017-workshop-klid"]
                ),
            ],
            "the day headings are the trip report's"
        );
        assert!(groups.kinds[0].days[0].1[0].attended);
        let case = &groups.kinds[1].days[0];
        assert_eq!(case.0, None, "only sessions have day headings");
        assert_eq!(
            case.1[0].note.as_ref().map(|n| n.text.as_str()),
            Some("Ask about e-invoices.\nAnd about identity.")
        );
        let missing: Vec<(&str, Option<&str>)> = groups
            .missing
            .iter()
            .map(|(id, note)| (id.as_str(), note.as_ref().map(|n| n.text.as_str())))
            .collect();
        assert_eq!(missing, [("gone-item", Some("Kept anyway."))]);
        assert!(saved_groups(&Library::default(), &catalog()).is_empty());
    }

    #[test]
    fn every_item_of_the_real_catalog_has_its_own_share_code() {
        let catalog = catalog();
        let mut owners: std::collections::HashMap<String, &str> = Default::default();
        for item in catalog.items() {
            if let Some(other) = owners.insert(item_code(&item.id), &item.id) {
                panic!(
                    "`{}` and `{other}` share the code {}",
                    item.id,
                    item_code(&item.id)
                );
            }
        }
        assert_eq!(owners.len(), catalog.len());
        // So a link of all of them opens all of them, in order.
        let ids: Vec<&str> = catalog.items().iter().map(|i| i.id.as_str()).collect();
        for chunk in ids.chunks(MAX_SHARED_ITEMS) {
            let codes: String = chunk.iter().map(|id| item_code(id)).collect();
            let shared = decode_share(&codes, None, &catalog).expect("decodes");
            assert_eq!(shared.ids, chunk);
            assert_eq!(shared.unknown, 0);
        }
    }

    #[test]
    fn the_calendar_holds_bookmarked_sessions_with_a_known_day() {
        let (ics, left_out) = calendar_ics(&library(), &catalog(), 1_764_201_600_000);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
        assert!(ics.contains("UID:2017-wrap-up@egov-companion\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20171103\r\nDTEND;VALUE=DATE:20171104\r\n"));
        assert_eq!(
            left_out, 2,
            "the forum and the workshop have no recorded day"
        );
        assert!(ics.split("\r\n").all(|line| line.len() <= 75));
    }
}

/// Property-style checks with a deterministic generator: many random libraries and
/// reading lists round-trip exactly.
mod round_trips {
    use egov_core::fixtures::Lcg;
    use egov_core::library::{
        backup_json, decode, decode_share, encode, parse_backup, share_query, Library,
    };

    const PIECES: [&str; 8] = ["a", "ș", "서울", "\"", "\\", "\n", "😀", "\u{202e}"];

    fn random_library(rng: &mut Lcg) -> Library {
        let mut library = Library::default();
        for _ in 0..rng.below(20) {
            let id = format!("item-{}", rng.below(50));
            library.toggle_bookmark(&id, rng.below(1_000_000) as u64);
            if rng.below(2) == 0 {
                let text: String = (0..rng.below(30)).map(|_| *rng.pick(&PIECES)).collect();
                let _ = library.set_note(&id, &text, rng.below(1_000_000) as u64);
            }
            if rng.below(3) == 0 {
                library.set_attended(&id, true);
            }
        }
        library
    }

    #[test]
    fn any_library_survives_storage_and_backup() {
        let mut rng = Lcg::new(42);
        for _ in 0..500 {
            let library = random_library(&mut rng);
            assert_eq!(decode(&encode(&library)).as_ref(), Ok(&library));
            let backup = parse_backup(&backup_json(&library, Some("2026-11-27"), rng.next_bits()))
                .expect("own backup parses");
            assert_eq!(backup.library, library);
        }
    }

    #[test]
    fn any_reading_list_survives_a_share_link() {
        let catalog = super::with_real_content::catalog();
        let ids: Vec<&str> = catalog.items().iter().map(|i| i.id.as_str()).collect();
        let version = catalog.version().map(|v| v.iso());
        let mut rng = Lcg::new(7);
        for _ in 0..200 {
            let mut chosen: Vec<&str> = Vec::new();
            for _ in 0..rng.below(100) {
                let id = *rng.pick(&ids);
                if !chosen.contains(&id) {
                    chosen.push(id);
                }
            }
            let query = share_query(&chosen, version.as_deref());
            let (v, i) = query
                .split_once('&')
                .map(|(v, i)| (v.trim_start_matches("v="), i.trim_start_matches("i=")))
                .expect("v and i");
            if chosen.is_empty() {
                continue;
            }
            let shared = decode_share(i, Some(v), &catalog).expect("decodes");
            assert_eq!(shared.ids, chosen);
            assert_eq!(shared.unknown, 0);
            assert!(!shared.content_changed);
            let other = decode_share(i, Some("20000101"), &catalog).expect("decodes");
            assert!(other.content_changed);
        }
    }
}
