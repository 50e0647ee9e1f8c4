//! The person's own time zone, from the browser: a KST instant as a local time, and whether
//! they asked to see local times (remembered on the device). The arithmetic from KST to UTC
//! is pure (`content::kst_to_utc_millis`); only the local zone comes from here.

use js_sys::{Date, Object, Reflect};

use crate::content::{kst_to_utc_millis, weekday_from_monday, ClockTime, PartialDate};
use wasm_bindgen::JsValue;

use crate::keys::LOCAL_TIMES as LOCAL_TIMES_KEY;

/// Whether the person asked to see times in their own zone.
pub fn local_times_wanted() -> bool {
    matches!(super::storage::read(LOCAL_TIMES_KEY), Ok(Some(v)) if v == "on")
}

/// Remembers the choice (if storage allows; the choice still applies to this visit).
pub fn remember_local_times(on: bool) {
    let _ = super::storage::write(LOCAL_TIMES_KEY, if on { "on" } else { "off" });
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

/// A KST `time` on `day` as a time in the browser's zone, e.g. `02:30 EET`, with the short
/// weekday first when it falls on another day there, e.g. `Sun 20:30 EST`; `None` where the
/// browser's clock reads the same as Korea's then (Tokyo), so the time is not said twice.
pub fn local_time(day: PartialDate, time: ClockTime) -> Option<String> {
    let date = Date::new(&JsValue::from_f64(kst_to_utc_millis(day, time) as f64));
    // `getDay` counts from Sunday = 0; the core counts from Monday = 0.
    let kst_weekday = (weekday_from_monday(day.days_since_epoch()) as u32 + 1) % 7;
    let same_as_kst = date.get_day() == kst_weekday
        && date.get_hours() == u32::from(time.hour)
        && date.get_minutes() == u32::from(time.minute);
    if same_as_kst {
        return None;
    }
    let local: String = date
        .to_locale_time_string_with_options(
            "en-GB",
            &options(&[
                ("hour", "2-digit"),
                ("minute", "2-digit"),
                ("timeZoneName", "short"),
            ]),
        )
        .into();
    if date.get_day() == kst_weekday {
        Some(local)
    } else {
        let weekday: String = date
            .to_locale_date_string("en-GB", &options(&[("weekday", "short")]))
            .into();
        Some(format!("{weekday} {local}"))
    }
}

/// Korea's time zone: a browser in it has no other time to show beside KST.
pub const KOREA_ZONE: &str = "Asia/Seoul";

/// The browser's time-zone name, e.g. `Europe/Bucharest`, if it says.
pub fn zone_name() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &Object::new());
    let resolved = format.resolved_options();
    Reflect::get(&resolved, &"timeZone".into())
        .ok()?
        .as_string()
}
