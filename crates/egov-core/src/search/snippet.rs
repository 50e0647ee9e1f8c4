//! Snippets: the passage of an item that best shows why it matched, with matched words
//! marked, for the UI to highlight. Text stays text: segments carry no markup.

use std::collections::HashSet;

use super::analyzer::tokenize;

/// Longest snippet, in bytes of the original text (about two lines on a phone).
const SNIPPET_BYTES: usize = 180;
/// How much text to keep before the first match, in bytes.
const LEAD_BYTES: usize = 50;

/// A run of text, marked when it is a matched word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, exactly as in the item.
    pub text: String,
    /// True for a matched word.
    pub marked: bool,
}

/// `text` split into segments, with words whose folded form is in `terms` marked.
pub fn mark(text: &str, terms: &HashSet<String>) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut at = 0;
    for token in tokenize(text) {
        if terms.contains(&token.term) {
            if token.start > at {
                segments.push(Segment {
                    text: text[at..token.start].to_string(),
                    marked: false,
                });
            }
            segments.push(Segment {
                text: text[token.start..token.end].to_string(),
                marked: true,
            });
            at = token.end;
        }
    }
    if at < text.len() {
        segments.push(Segment {
            text: text[at..].to_string(),
            marked: false,
        });
    }
    segments
}

/// The passage (of an item's summary, body, visit notes, in reading order) with the most
/// matched words, cut to a short window around the first of them.
pub fn snippet(passages: &[&str], terms: &HashSet<String>) -> Vec<Segment> {
    let mut best: Option<(usize, &str)> = None;
    for &passage in passages {
        let found: HashSet<String> = tokenize(passage)
            .into_iter()
            .map(|t| t.term)
            .filter(|t| terms.contains(t))
            .collect();
        if best.is_none_or(|(count, _)| found.len() > count) {
            best = Some((found.len(), passage));
        }
    }
    let Some((_, passage)) = best else {
        return Vec::new();
    };
    let first = tokenize(passage)
        .into_iter()
        .find(|t| terms.contains(&t.term))
        .map(|t| t.start)
        .unwrap_or(0);
    let mut start = first.saturating_sub(LEAD_BYTES);
    while start > 0 && !passage.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        // Begin at a word: skip the partial word the cut landed in.
        start = passage[start..]
            .find(char::is_whitespace)
            .map_or(start, |offset| start + offset + 1)
            .min(first);
    }
    let mut end = (start + SNIPPET_BYTES).min(passage.len());
    while end < passage.len() && !passage.is_char_boundary(end) {
        end += 1;
    }
    if end < passage.len() {
        end = passage[..end]
            .rfind(char::is_whitespace)
            .filter(|&e| e > start)
            .unwrap_or(end);
    }
    let mut segments = mark(&passage[start..end], terms);
    if start > 0 {
        segments.insert(
            0,
            Segment {
                text: "…".into(),
                marked: false,
            },
        );
    }
    if end < passage.len() {
        segments.push(Segment {
            text: "…".into(),
            marked: false,
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn marks_matched_words_whatever_their_accents() {
        let segments = mark("Visit to România, 2018", &terms(&["romania"]));
        let marked: Vec<&str> = segments
            .iter()
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["România"]);
        let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Visit to România, 2018");
    }
}
