//! The calendar export: bookmarked programme sessions as an iCalendar (`.ics`) file.
//!
//! Sessions with a known day become events; times, where the content has them, are Korea
//! Standard Time (UTC+9, no daylight saving) written in UTC so every calendar places them
//! right; sessions with a day but no time are all-day events. Sessions whose day no source
//! gives are left out (the caller can say how many). Pure.

use crate::content::{kst_to_utc_millis, Catalog, ClockTime, Item, Kind, PartialDate};

use super::{iso_date, Library};

/// Bookmarked sessions, in an iCalendar file, and how many could not be included.
pub fn calendar_ics(library: &Library, catalog: &Catalog, now_ms: u64) -> (String, usize) {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//e-Gov Companion//Korea-BSEC programme//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    let stamp = utc_stamp(now_ms);
    let mut left_out = 0;
    let sessions = library
        .bookmarks()
        .iter()
        .filter_map(|b| catalog.get_of_kind(Kind::Session, &b.id));
    for session in sessions {
        let Some(schedule) = session.schedule else {
            left_out += 1;
            continue;
        };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@egov-companion", session.id));
        lines.push(format!("DTSTAMP:{stamp}"));
        match (schedule.start_time, schedule.end_time) {
            (Some(start), end) => {
                lines.push(format!("DTSTART:{}", kst_to_utc(schedule.day, start)));
                let end = end.unwrap_or(ClockTime {
                    hour: (start.hour + 1).min(23),
                    minute: start.minute,
                });
                lines.push(format!("DTEND:{}", kst_to_utc(schedule.day, end)));
            }
            (None, _) => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", compact(schedule.day, 0)));
                lines.push(format!("DTEND;VALUE=DATE:{}", compact(schedule.day, 1)));
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&session.title)));
        lines.push(format!("DESCRIPTION:{}", escape(&description(session))));
        if let Some(place) = &session.place {
            lines.push(format!("LOCATION:{}", escape(place)));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let text: String = lines.iter().map(|l| fold(l) + "\r\n").collect();
    (text, left_out)
}

fn description(session: &Item) -> String {
    let times = if session.schedule.is_some_and(|s| s.start_time.is_some()) {
        " Times are Korea Standard Time (UTC+9)."
    } else {
        " The sources give the day but not the time."
    };
    format!("{}{times}", session.summary)
}

/// `YYYYMMDD` of `day` plus `offset` days.
fn compact(day: PartialDate, offset: i64) -> String {
    let ms = (day.days_since_epoch() + offset) * 86_400_000;
    iso_date(ms.max(0) as u64).replace('-', "")
}

/// A KST day and time as a UTC timestamp `YYYYMMDDTHHMMSSZ`.
fn kst_to_utc(day: PartialDate, time: ClockTime) -> String {
    let minutes = kst_to_utc_millis(day, time) / 60_000;
    let date = iso_date((minutes.max(0) * 60_000) as u64).replace('-', "");
    let of_day = minutes.rem_euclid(1_440);
    format!("{date}T{:02}{:02}00Z", of_day / 60, of_day % 60)
}

fn utc_stamp(ms: u64) -> String {
    let minutes = (ms / 60_000) as i64;
    let of_day = minutes.rem_euclid(1_440);
    let seconds = (ms / 1_000) % 60;
    format!(
        "{}T{:02}{:02}{seconds:02}Z",
        iso_date(ms).replace('-', ""),
        of_day / 60,
        of_day % 60
    )
}

/// iCalendar text escaping (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped; a
/// line break in any spelling (CRLF, a lone CR, LF) becomes the `\n` escape, so no content can
/// end a content line and start a property of its own; other C0 controls (but tab) and DEL are
/// dropped (the format does not allow them in TEXT).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // TEXT allows a horizontal tab (TSAFE-CHAR includes WSP).
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, as RFC 5545 requires, without splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("valid date")
    }

    #[test]
    fn converts_korea_standard_time_to_utc() {
        let nine_thirty = ClockTime::parse("09:30").expect("time");
        assert_eq!(
            kst_to_utc(date("2017-11-01"), nine_thirty),
            "20171101T003000Z"
        );
        let early = ClockTime::parse("08:00").expect("time");
        assert_eq!(kst_to_utc(date("2017-11-01"), early), "20171031T230000Z");
    }

    #[test]
    fn all_day_events_end_the_next_day() {
        assert_eq!(compact(date("2017-10-31"), 1), "20171101");
        assert_eq!(compact(date("2017-12-31"), 1), "20180101");
    }

    #[test]
    fn every_spelling_of_a_line_break_becomes_one_escape_and_controls_are_dropped() {
        assert_eq!(escape("a\r\nb\rc\nd"), "a\\nb\\nc\\nd");
        assert_eq!(escape("a\r\rb"), "a\\n\\nb");
        assert_eq!(escape("x\u{0}y\u{7}z\u{1b}\u{7f}!"), "xyz!");
        assert_eq!(escape("tab\there"), "tab\there");
        // A title trying to smuggle in a property stays one escaped line.
        let injected = escape("Talk\rLOCATION:elsewhere\r\nEND:VEVENT");
        assert!(!injected.contains('\r') && !injected.contains('\n'));
    }

    #[test]
    fn escapes_and_folds_long_lines() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "정".repeat(40));
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|line| line.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), long);
    }
}
