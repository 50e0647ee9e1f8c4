//! The first load's files in one: `first-load.json`, written by the build beside the files
//! it holds.
//!
//! A first page needs `index.json` and every kind file's heads (`bodies`): ten files, about
//! 28 KB gzip when each is compressed alone, 22 KB in one, and one request instead of ten.
//! The build writes them as one JSON array of each file's name and its JSON, one per line
//! ([`first_load_file`]):
//!
//! ```text
//! [
//! "index.json",
//! {"version":"2026-12-02","files":["editions.json",…]},
//! "editions.json",
//! {"kind":"edition","items":[…]}
//! ]
//! ```
//!
//! A file's JSON never holds a line break (outside strings a line break is only spacing, so
//! the build writes a space instead; inside strings it is always escaped), so the app splits
//! the lines apart without parsing the JSON ([`first_load_parts`]: no JSON parser's code for
//! this shape in the app) and hands each text to the same parser as the file it came from:
//! a broken part is named as that file, and nothing here decides what content is valid. The
//! files stay deployed too: where the combined file is missing, not of this shape, or lacks
//! a file, the app fetches the files themselves.
//!
//! This module is pure: it joins and splits text, it never fetches.

/// The combined file's name, in the content folder.
pub const FIRST_LOAD_FILE: &str = "first-load.json";

/// The combined file holding `files`, each a name and its JSON text. A name that JSON would
/// have to escape (a quote, a backslash, a control character) is refused: the app could not
/// read it back.
pub fn first_load_file<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<String, String> {
    let mut lines = Vec::new();
    for (name, text) in files {
        if name.contains(['"', '\\']) || name.chars().any(char::is_control) {
            return Err(format!("{name:?}: a file name the app could not read back"));
        }
        lines.push(format!("\"{name}\""));
        lines.push(text.trim().replace(['\n', '\r'], " "));
    }
    Ok(format!("[\n{}\n]\n", lines.join(",\n")))
}

/// The files in a combined file, each a name and its text, or `None` when it is not of the
/// shape [`first_load_file`] writes.
pub fn first_load_parts(text: &str) -> Option<Vec<(String, String)>> {
    let inner = text.trim_end().strip_prefix("[\n")?.strip_suffix("\n]")?;
    let mut lines = inner.split(",\n");
    let mut parts = Vec::new();
    while let Some(name) = lines.next() {
        let name = name.strip_prefix('"')?.strip_suffix('"')?;
        if name.contains(['"', '\\']) {
            return None;
        }
        parts.push((name.to_owned(), lines.next()?.to_owned()));
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(files: &[(&str, &str)]) -> Vec<(String, String)> {
        files
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect()
    }

    #[test]
    fn files_come_back_as_they_were_written() {
        let files = [
            ("index.json", r#"{"files":["a.json"]}"#),
            (
                "a.json",
                r#"{"items":["é","\u00e9","</script>",",\n","a\"b"]}"#,
            ),
        ];
        let written = first_load_file(files).expect("written");
        assert_eq!(first_load_parts(&written), Some(owned(&files)));
    }

    #[test]
    fn the_combined_file_is_json_when_its_parts_are() {
        let files = [
            ("index.json", "{\n  \"files\": [\"a.json\"]\n}\n"),
            ("a.json", "{\r\n\"items\": [\"line\\nbreak\"]}"),
        ];
        let written = first_load_file(files).expect("written");
        let value: serde_json::Value = serde_json::from_str(&written).expect("JSON");
        assert_eq!(value[0], "index.json");
        assert_eq!(value[1]["files"][0], "a.json");
        assert_eq!(value[3]["items"][0], "line\nbreak");
        // Line breaks that were spacing are spaces: the same JSON, read back.
        let parts = first_load_parts(&written).expect("read back");
        assert_eq!(parts[0].1, r#"{   "files": ["a.json"] }"#);
        assert_eq!(parts[1].1, r#"{  "items": ["line\nbreak"]}"#);
    }

    #[test]
    fn a_part_that_is_not_json_is_kept_as_text_for_its_own_parser_to_name() {
        let files = [
            ("sessions.json", r#"{"kind": "session", "items": ["#),
            ("people.json", "{}"),
        ];
        let written = first_load_file(files).expect("written");
        assert_eq!(first_load_parts(&written), Some(owned(&files)));
    }

    #[test]
    fn a_name_that_json_would_escape_is_refused() {
        for name in ["a\"b.json", "a\\b.json", "a\nb.json"] {
            assert!(first_load_file([(name, "{}")]).is_err(), "{name:?}");
        }
    }

    #[test]
    fn anything_else_is_not_a_combined_file() {
        for text in [
            "",
            "<!DOCTYPE html><title>Not found</title>",
            "[\"index.json\", {}]",
            "[\n\"index.json\",\n{},\n\"a.json\"\n]",
            "[\nindex.json,\n{}\n]",
            "[\n\"a\\\".json\",\n{}\n]",
            "[\n\"index.json\",\n{}",
            "{\"index.json\": {}}",
        ] {
            assert_eq!(first_load_parts(text), None, "{text}");
        }
    }
}
