//! The build's stamp on the content files it deploys after checking the whole content.
//!
//! The build checks the content in full (`build_catalog`, every rule). Where it found no
//! problem, it writes each deployed kind file, bodies file and item file ([`super::bodies`])
//! with a first field holding a hash of the file as it was before the stamp
//! (`{"checked":"<16 hex digits>",…`: [`stamped`]). The app then reads stamped files without
//! checking them again ([`super::assemble_as_written`]), and its first pages do without
//! the checks' code. A file whose stamp does not match its text (changed on the host after
//! the build, cut short, another build's) is not [`intact`]: the app checks the content in
//! full, as it would without stamps, and names every problem. Content with problems is
//! never stamped, so the app always names them.
//!
//! The hash is 64-bit FNV-1a: it tells a file changed by accident or by an editor from the
//! one the build checked. It is no defence against someone who can write the host's
//! files, who could change the app itself.
//!
//! This module is pure: it writes and reads text.

use std::hash::Hasher;

use crate::hash::Fnv;

/// What a stamped file starts with, before the hash.
const PREFIX: &str = "{\"checked\":\"";
/// The hash's length, in hexadecimal digits.
const DIGITS: usize = 16;

/// The field name of the stamp, which the readers of kind and bodies files accept.
pub const STAMP_FIELD: &str = "checked";

/// `text`, a JSON object, with the stamp as its first field; `None` when `text` is not an
/// object with a first field (`{"…`), the only shape the build writes.
pub fn stamped(text: &str) -> Option<String> {
    let fields = text.strip_prefix("{\"")?;
    Some(format!("{PREFIX}{:016x}\",\"{fields}", hash(text)))
}

/// Whether `text` holds a stamp that matches the rest of it.
pub fn intact(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(PREFIX) else {
        return false;
    };
    let (Some(digits), Some(fields)) = (rest.get(..DIGITS), rest.get(DIGITS..)) else {
        return false;
    };
    let (Ok(written), Some(fields)) = (
        u64::from_str_radix(digits, 16),
        fields.strip_prefix("\",\""),
    ) else {
        return false;
    };
    let mut hasher = Fnv::default();
    hasher.write(b"{\"");
    hasher.write(fields.as_bytes());
    hasher.finish() == written
}

fn hash(text: &str) -> u64 {
    let mut hasher = Fnv::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamped_file_is_intact_and_still_the_same_json_with_one_field_more() {
        let text = r#"{"kind":"country","items":[{"id":"greece"}]}"#;
        let stamped = stamped(text).expect("an object");
        assert!(stamped.starts_with("{\"checked\":\""));
        assert!(stamped.ends_with(&text[1..]));
        assert!(intact(&stamped));
        let value: serde_json::Value = serde_json::from_str(&stamped).expect("JSON");
        assert_eq!(value["kind"], "country");
        assert_eq!(value["checked"].as_str().map(str::len), Some(DIGITS));
    }

    #[test]
    fn a_change_anywhere_breaks_the_stamp() {
        let stamped = stamped(r#"{"kind":"country","items":[{"id":"greece"}]}"#).expect("object");
        assert!(!intact(&stamped.replace("greece", "greecE")));
        assert!(!intact(&stamped[..stamped.len() - 1]));
        assert!(!intact(&format!("{stamped} ")));
        let other = stamped.replacen(&stamped[12..28], "0123456789abcdef", 1);
        assert!(!intact(&other));
    }

    #[test]
    fn unstamped_or_malformed_stamps_are_not_intact() {
        assert!(!intact(r#"{"kind":"country","items":[]}"#));
        assert!(!intact(r#"{"checked":"zz","kind":"country"}"#));
        assert!(!intact(r#"{"checked":"0123456789abcdef"}"#));
        assert!(!intact(""));
        assert!(!intact("{\"checked\":\"ééééééééééééééééé\",\"a\":1}"));
        assert_eq!(stamped("[]"), None);
        assert_eq!(stamped("{}"), None);
    }
}
