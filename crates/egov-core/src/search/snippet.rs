//! Snippets: the passage of an item that best shows why it matched, with matched words
//! marked, for the UI to highlight. Text stays text: segments carry no markup.
//!
//! Which words to mark is a [`MatchedTerms`]: the vocabulary words the query matched,
//! borrowed from the index (never cloned per keystroke) and sorted, so each word of a text
//! is folded into one reused buffer and looked up by binary search. Only the hits that are
//! shown are marked (see `Matches::hits`), so the cost follows the screen, not the number of
//! results.

use super::analyzer::{fold_into, for_each_word};
use crate::sort::sort_by;

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

/// The folded vocabulary words a query matched, borrowed from the index, sorted and unique.
#[derive(Debug, Clone, Default)]
pub(super) struct MatchedTerms<'a> {
    terms: Vec<&'a str>,
}

impl<'a> MatchedTerms<'a> {
    /// The set of `terms` (in any order; duplicates are dropped).
    pub(super) fn new(mut terms: Vec<&'a str>) -> Self {
        sort_by(&mut terms, &|a, b| a.cmp(b));
        terms.dedup();
        Self { terms }
    }

    /// Where the folded word `term` is in the set, if it is in it.
    fn position(&self, term: &str) -> Option<usize> {
        self.terms.binary_search(&term).ok()
    }

    /// Calls `found(start, end, position)` for every word of `text` in the set, with its
    /// byte range and its position in the set. Words are folded into one reused buffer.
    fn for_each_match(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        if self.terms.is_empty() {
            return;
        }
        let mut folded = String::new();
        for_each_word(text, |start, end| {
            folded.clear();
            fold_into(&text[start..end], &mut folded);
            if let Some(position) = self.position(&folded) {
                found(start, end, position);
            }
        });
    }
}

/// `text` split into segments, with words whose folded form is in `terms` marked.
pub(super) fn mark(text: &str, terms: &MatchedTerms) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut at = 0;
    terms.for_each_match(text, |start, end, _| {
        if start > at {
            segments.push(Segment {
                text: text[at..start].to_string(),
                marked: false,
            });
        }
        segments.push(Segment {
            text: text[start..end].to_string(),
            marked: true,
        });
        at = end;
    });
    if at < text.len() {
        segments.push(Segment {
            text: text[at..].to_string(),
            marked: false,
        });
    }
    segments
}

/// The passage (of an item's summary, body, visit notes, in reading order) with the most
/// different matched words (the first such on a tie), cut to a short window around the
/// first of them.
pub(super) fn snippet(passages: &[&str], terms: &MatchedTerms) -> Vec<Segment> {
    // (different matched words, first match's byte offset, passage)
    let mut best: Option<(usize, usize, &str)> = None;
    let mut seen = vec![false; terms.terms.len()];
    for &passage in passages {
        seen.fill(false);
        let mut different = 0;
        let mut first = None;
        terms.for_each_match(passage, |start, _, position| {
            first.get_or_insert(start);
            if !seen[position] {
                seen[position] = true;
                different += 1;
            }
        });
        if best.is_none_or(|(count, _, _)| different > count) {
            best = Some((different, first.unwrap_or(0), passage));
        }
    }
    let Some((_, first, passage)) = best else {
        return Vec::new();
    };
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

    fn plain(text: &str) -> Segment {
        Segment {
            text: text.into(),
            marked: false,
        }
    }

    fn marked(text: &str) -> Segment {
        Segment {
            text: text.into(),
            marked: true,
        }
    }

    #[test]
    fn marks_matched_words_whatever_their_accents() {
        let segments = mark(
            "Visit to România, 2018",
            &MatchedTerms::new(vec!["romania"]),
        );
        assert_eq!(
            segments,
            [plain("Visit to "), marked("România"), plain(", 2018")]
        );
    }

    #[test]
    fn marks_nothing_and_keeps_the_text_whole_when_no_word_matched() {
        assert_eq!(
            mark("Hometax", &MatchedTerms::default()),
            [plain("Hometax")]
        );
    }

    #[test]
    fn takes_the_passage_with_the_most_different_matched_words() {
        let terms = MatchedTerms::new(vec!["tax", "seoul"]);
        let passages = ["Tax, tax and tax.", "Seoul pays its tax online.", "Seoul."];
        assert_eq!(
            snippet(&passages, &terms),
            [
                marked("Seoul"),
                plain(" pays its "),
                marked("tax"),
                plain(" online.")
            ]
        );
    }

    #[test]
    fn takes_the_first_passage_when_none_matched() {
        let segments = snippet(&["First.", "Second."], &MatchedTerms::new(vec!["x"]));
        assert_eq!(segments, [plain("First.")]);
    }
}
