//! Calendar dates as the sources give them: a year, a month, or a day.
//!
//! Sources often know only "2002" or "April 2002"; a `PartialDate` keeps exactly that precision
//! instead of inventing a day. It is not a time-zone-aware timestamp: programme times are
//! separate `ClockTime` values in Korea Standard Time.

use std::cmp::Ordering;
use std::fmt;

/// A Gregorian date known to the year, the month or the day (`2002`, `2002-04`, `2002-04-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year, 1000–2999.
    pub year: u16,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (requires `month`).
    pub day: Option<u8>,
}

/// Month names used when a date is shown to a person.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// Days since 1970-01-01 (the first of the month or year where those are not known).
    pub fn days_since_epoch(&self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            u32::from(self.month.unwrap_or(1)),
            u32::from(self.day.unwrap_or(1)),
        )
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, digits: usize| -> Result<u16, String> {
            if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "`{text}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
                ));
            }
            part.parse::<u16>()
                .map_err(|_| format!("`{text}` is not a date"))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!(
                "`{text}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            ));
        }
        let year = number(parts[0], 4)?;
        if !(1000..=2999).contains(&year) {
            return Err(format!("`{text}` has a year out of range"));
        }
        let month = match parts.get(1) {
            Some(part) => {
                let month = number(part, 2)?;
                if !(1..=12).contains(&month) {
                    return Err(format!("`{text}` has no month {month}"));
                }
                Some(month as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(part), Some(month)) => {
                let day = number(part, 2)?;
                if day == 0 || day > u16::from(days_in_month(year, month)) {
                    return Err(format!("`{text}` is not a day of that month"));
                }
                Some(day as u8)
            }
            _ => None,
        };
        Ok(Self { year, month, day })
    }

    /// The first day this date could mean, as `(year, month, day)`, for ordering.
    fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date could mean, as `(year, month, day)`, for ordering.
    fn latest(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }

    /// True when `self` cannot be after `other` (a range `self`..`other` is in order).
    pub fn is_not_after(&self, other: &PartialDate) -> bool {
        self.earliest() <= other.latest()
    }

    /// The date in the ISO form it was written in (`2017-11-01`).
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// The date for a reader, in day-month-year order: "1 November 2017", "April 2002", "2002".
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {} {}", d, MONTHS[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }

    /// The weekday name of a full date ("Monday"); `None` for a year or a month.
    pub fn weekday(&self) -> Option<&'static str> {
        const NAMES: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        self.month.and(self.day)?;
        Some(NAMES[weekday_from_monday(self.days_since_epoch())])
    }

    /// The heading of a full date with its weekday ("Friday 3 November 2017"); a year or a
    /// month as [`display`](Self::display) writes it.
    pub fn with_weekday(&self) -> String {
        match self.weekday() {
            Some(weekday) => format!("{weekday} {}", self.display()),
            None => self.display(),
        }
    }
}

/// The heading of a programme day ("Friday 3 November 2017"), or a plain statement when the
/// sources do not record the day. Every page and the trip report head days with it.
pub fn day_heading(day: Option<PartialDate>) -> String {
    match day {
        Some(day) => day.with_weekday(),
        None => DAY_NOT_RECORDED.to_string(),
    }
}

/// The heading of the items whose day the sources do not record.
pub const DAY_NOT_RECORDED: &str = "Day not recorded in the sources";

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
/// The one copy of this arithmetic: [`PartialDate`], the library's ISO dates and the
/// calendar export all use it and [`civil_from_days`].
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = year - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year, month and day of a number of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, the inverse of [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are small by construction (1–12 and 1–31).
    (year, month as u32, day as u32)
}

/// The weekday of a number of days since 1970-01-01, counting from Monday = 0
/// (1 January 1970 was a Thursday, 3).
pub fn weekday_from_monday(days: i64) -> usize {
    // `rem_euclid(7)` is 0–6, so the cast is exact.
    (days + 3).rem_euclid(7) as usize
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.earliest()
            .cmp(&other.earliest())
            .then(self.latest().cmp(&other.latest()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// A time of day in Korea Standard Time (UTC+9), as `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
}

impl ClockTime {
    /// Parses `HH:MM` (24-hour clock).
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a time: use HH:MM (24-hour, Korea Standard Time)");
        let (h, m) = text.split_once(':').ok_or_else(bad)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(bad());
        }
        let hour: u8 = h.parse().map_err(|_| bad())?;
        let minute: u8 = m.parse().map_err(|_| bad())?;
        if hour > 23 || minute > 59 {
            return Err(bad());
        }
        Ok(Self { hour, minute })
    }
}

/// Korea Standard Time is UTC+9 all year (no daylight saving).
pub const KST_OFFSET_HOURS: i64 = 9;

/// The instant a KST `time` on `day` happens, in milliseconds since 1970 (UTC).
pub fn kst_to_utc_millis(day: PartialDate, time: ClockTime) -> i64 {
    let minutes =
        day.days_since_epoch() * 1_440 + i64::from(time.hour) * 60 + i64::from(time.minute)
            - KST_OFFSET_HOURS * 60;
    minutes * 60_000
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip_across_leap_years_and_centuries() {
        for days in (-800_000..800_000).step_by(97) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 2, 29), 11_016);
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(weekday_from_monday(0), 3, "1 January 1970 was a Thursday");
    }

    #[test]
    fn a_day_heading_names_the_weekday_or_says_the_day_is_not_recorded() {
        let day = |text: &str| PartialDate::parse(text).expect("a date");
        assert_eq!(
            day_heading(Some(day("2017-11-03"))),
            "Friday 3 November 2017"
        );
        assert_eq!(day_heading(Some(day("2017-11"))), "November 2017");
        assert_eq!(day_heading(None), "Day not recorded in the sources");
    }

    #[test]
    fn parses_years_months_and_days() {
        assert_eq!(
            PartialDate::parse("2002").map(|d| d.iso()),
            Ok("2002".into())
        );
        assert_eq!(
            PartialDate::parse("2002-04").map(|d| d.iso()),
            Ok("2002-04".into())
        );
        assert_eq!(
            PartialDate::parse("1967-06-24").map(|d| d.display()),
            Ok("24 June 1967".into())
        );
    }

    #[test]
    fn a_kst_time_is_nine_hours_ahead_of_utc() {
        let day = PartialDate::parse("2017-10-30").expect("day");
        let time = ClockTime::parse("09:30").expect("time");
        // 2017-10-30T00:30:00Z
        assert_eq!(kst_to_utc_millis(day, time), 1_509_323_400_000);
        let early = ClockTime::parse("08:00").expect("time");
        // The evening before, in UTC.
        assert_eq!(kst_to_utc_millis(day, early), 1_509_318_000_000);
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(PartialDate::parse("2017-02-29").is_err());
        assert!(PartialDate::parse("2016-02-29").is_ok());
        assert!(PartialDate::parse("2017-13").is_err());
        assert!(PartialDate::parse("17-11-01").is_err());
        assert!(PartialDate::parse("2017/11/01").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn a_month_range_is_in_order_with_a_day_inside_it() {
        let month = PartialDate::parse("2017-11").expect("valid");
        let day = PartialDate::parse("2017-11-03").expect("valid");
        assert!(month.is_not_after(&day));
        assert!(day.is_not_after(&month));
        let earlier = PartialDate::parse("2017-10-30").expect("valid");
        assert!(!day.is_not_after(&earlier));
    }

    #[test]
    fn knows_the_weekday_of_programme_days() {
        let day = PartialDate::parse("2017-10-30").expect("valid");
        assert_eq!(day.weekday(), Some("Monday"));
        let day = PartialDate::parse("2017-11-03").expect("valid");
        assert_eq!(day.weekday(), Some("Friday"));
        assert_eq!(PartialDate::parse("2017").expect("valid").weekday(), None);
    }

    #[test]
    fn parses_korea_standard_times() {
        assert_eq!(
            ClockTime::parse("09:30").map(|t| t.to_string()),
            Ok("09:30".into())
        );
        assert!(ClockTime::parse("24:00").is_err());
        assert!(ClockTime::parse("9:30").is_err());
    }
}
