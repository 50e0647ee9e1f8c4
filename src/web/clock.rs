//! The browser's clock. The core never reads a clock: callers pass the time in.

/// Milliseconds since 1970 (UTC), from the browser's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}
