//! The analyzer: from text to the terms the index stores and the query looks up.
//!
//! Text is split into words (letters and digits of any script), and each word is folded so
//! that what people type matches what is written: case is folded; Latin letters lose their
//! marks (ș ş → s, ț ţ → t, ă â → a, ç → c, ğ → g, ö → o, ü → u), every Turkish i (I ı İ i)
//! becomes `i` and Azerbaijani ə becomes `e`; Greek loses its accents and final sigma;
//! Cyrillic ё becomes е; Armenian and Georgian stay as they are, lower-cased. Hangul
//! syllables are spelled out as jamo (서울 → ㅅㅓㅇㅜㄹ, compound vowels and final clusters
//! split) so that a half-typed syllable is a prefix of the word it is on the way to.
//!
//! The tables are small and hand-written on purpose: a Unicode normalisation crate would
//! add far more to the WebAssembly than the handful of letters BSEC languages use. This
//! module does not rank, index or know about items.

use crate::lowercase::lowercase_char;

/// A word found in a text: its folded form and where it is in the original (byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded word, as indexed.
    pub term: String,
    /// Byte offset of the word's first character in the original text.
    pub start: usize,
    /// Byte offset just past the word's last character.
    pub end: usize,
}

/// Splits `text` into folded words with their positions. Hyphens and other punctuation
/// separate words; use [`joined_compounds`] to also index `UNI-PASS` as `unipass`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_word(text, |start, end| {
        let term = fold(&text[start..end]);
        if !term.is_empty() {
            tokens.push(Token { term, start, end });
        }
    });
    tokens
}

/// Calls `word(start, end)` with the byte range of every word of `text`, unfolded: the
/// allocation-free core of [`tokenize`], for the index build.
pub fn for_each_word(text: &str, mut word: impl FnMut(usize, usize)) {
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(at),
            (false, Some(begin)) => {
                word(begin, at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        word(begin, text.len());
    }
}

/// True for letters, digits and combining marks: quick answers for the scripts BSEC texts
/// use, the full Unicode tables for anything else.
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1 letters (not × and ÷), Latin Extended-A and -B.
        '\u{00C0}'..='\u{024F}' => c != '\u{00D7}' && c != '\u{00F7}',
        // Greek letters with and without tonos (not the ano teleia ·).
        '\u{0388}'..='\u{038A}'
        | '\u{038C}'
        | '\u{038E}'..='\u{03A1}'
        | '\u{03A3}'..='\u{03CE}' => true,
        // Cyrillic letters Ѐ–ӿ.
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        // Hangul syllables.
        '\u{AC00}'..='\u{D7A3}' => true,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// Words written with hyphens or dots between them (`UNI-PASS`, `e-People`, `gov.kr`),
/// joined and folded (`unipass`, `epeople`, `govkr`), so either spelling finds them.
pub fn joined_compounds(text: &str) -> Vec<String> {
    let tokens = tokenize(text);
    let spans: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
    joined_runs(text, &spans)
        .into_iter()
        .map(|run| tokens[run].iter().map(|t| t.term.as_str()).collect())
        .collect()
}

/// Runs of two or more words (given as byte spans of `text`, in order) with only joining
/// characters (`-`, `.`, `'`, …) between them, never a space or a separator: the parts of
/// `UNI-PASS` or `gov.kr`, as ranges of positions in `spans`.
pub fn joined_runs(text: &str, spans: &[(usize, usize)]) -> Vec<std::ops::Range<usize>> {
    let separates = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '“' | '”' | '"' | '/' | ':')
    };
    let mut runs = Vec::new();
    let mut first = 0;
    for i in 1..=spans.len() {
        let joined = i < spans.len() && !text[spans[i - 1].1..spans[i].0].contains(separates);
        if !joined {
            if i - first > 1 {
                runs.push(first..i);
            }
            first = i;
        }
    }
    runs
}

/// Folds one word: case, marks, Turkish i, ə, Greek accents and final sigma, Hangul jamo.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appending to `out` (so one buffer can serve many words).
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        // Most words are plain ASCII: lower-casing is all they need.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Lower-case Cyrillic а–я and Greek α–ω (but final ς) are already folded.
        if matches!(c, 'а'..='я') || (matches!(c, 'α'..='ω') && c != 'ς') {
            out.push(c);
            continue;
        }
        if let Some(jamo) = hangul_jamo(c) {
            out.extend(jamo);
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        // Every Turkish i is i (`lowercase_char` lowers `İ` to i already).
        let lower = match c {
            'ı' => 'i',
            _ => lowercase_char(c),
        };
        if !is_combining_mark(lower) {
            out.push(strip_mark(lower));
        }
    }
}

/// True for combining diacritical marks (U+0300–U+036F) that some keyboards type separately.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// A lower-case letter without its diacritic, for the letters of BSEC languages (and
/// Western European ones met in names); other characters are returned unchanged.
fn strip_mark(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => 's',
        // Greek: accents and diaeresis off, final sigma as sigma.
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        // Cyrillic: ё is written е in most texts.
        'ё' => 'е',
        other => other,
    }
}

/// Compatibility jamo for the 19 initial consonants, in syllable order.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
/// The 21 vowels, compound ones spelled as the two vowels typed to make them.
const VOWELS: [&str; 21] = [
    "ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅗㅏ", "ㅗㅐ", "ㅗㅣ", "ㅛ", "ㅜ",
    "ㅜㅓ", "ㅜㅔ", "ㅜㅣ", "ㅠ", "ㅡ", "ㅡㅣ", "ㅣ",
];
/// The 28 finals (the first is "none"), clusters spelled as the two consonants typed.
const FINALS: [&str; 28] = [
    "", "ㄱ", "ㄲ", "ㄱㅅ", "ㄴ", "ㄴㅈ", "ㄴㅎ", "ㄷ", "ㄹ", "ㄹㄱ", "ㄹㅁ", "ㄹㅂ", "ㄹㅅ",
    "ㄹㅌ", "ㄹㅍ", "ㄹㅎ", "ㅁ", "ㅂ", "ㅂㅅ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ",
    "ㅎ",
];
/// First precomposed Hangul syllable (가).
const SYLLABLE_BASE: u32 = 0xAC00;
/// Number of precomposed syllables.
const SYLLABLE_COUNT: u32 = 11_172;

/// The jamo a Hangul syllable is typed as (서 → ㅅㅓ), or `None` for other characters.
fn hangul_jamo(c: char) -> Option<impl Iterator<Item = char>> {
    let index = u32::from(c).checked_sub(SYLLABLE_BASE)?;
    if index >= SYLLABLE_COUNT {
        return None;
    }
    let initial = INITIALS[(index / 588) as usize];
    let vowel = VOWELS[((index % 588) / 28) as usize];
    let last = FINALS[(index % 28) as usize];
    Some(
        std::iter::once(initial)
            .chain(vowel.chars())
            .chain(last.chars()),
    )
}

/// The initial consonants of a Hangul word (서울 → ㅅㅇ), for initial-consonant search;
/// `None` when the word is not all Hangul syllables.
pub fn initial_consonants(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        let index = u32::from(c).checked_sub(SYLLABLE_BASE)?;
        if index >= SYLLABLE_COUNT {
            return None;
        }
        out.push(INITIALS[(index / 588) as usize]);
    }
    (!out.is_empty()).then_some(out)
}

/// The initial consonants of a folded Hangul word (ㅅㅓㅇㅜㄹ → ㅅㅇ): every consonant that a
/// vowel follows starts a syllable. `None` unless the word is all jamo with at least one
/// syllable, so the index can derive these keys from its vocabulary instead of storing them.
pub fn initials_of_folded(term: &str) -> Option<String> {
    let is_consonant = |c: char| matches!(c, '\u{3131}'..='\u{314E}');
    let is_vowel = |c: char| matches!(c, '\u{314F}'..='\u{3163}');
    if term.is_empty() || !term.chars().all(|c| is_consonant(c) || is_vowel(c)) {
        return None;
    }
    let mut keys = String::new();
    let mut chars = term.chars().peekable();
    while let Some(c) = chars.next() {
        if is_consonant(c) && chars.peek().is_some_and(|&next| is_vowel(next)) {
            keys.push(c);
        }
    }
    (!keys.is_empty()).then_some(keys)
}

/// True when a query word is typed as bare initial consonants (ㅅㅇ).
pub fn is_initial_consonants(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| INITIALS.contains(&c))
}

/// True when the text contains Hangul (syllables or jamo).
pub fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn folds_case_and_latin_marks() {
        assert_eq!(
            terms("România Türkiye Azərbaycan"),
            ["romania", "turkiye", "azerbaycan"]
        );
        assert_eq!(fold("ȘȚĂÂÎ"), "stAAI".to_lowercase());
        assert_eq!(fold("ş"), fold("ș"));
        assert_eq!(fold("ţ"), fold("ț"));
        assert_eq!(fold("çğöü"), "cgou");
    }

    #[test]
    fn folds_every_turkish_i_to_i() {
        for word in ["Bakı", "BAKI", "Baki", "BAKİ"] {
            assert_eq!(fold(word), "baki", "{word}");
        }
        assert_eq!(fold("İstanbul"), fold("istanbul"));
    }

    #[test]
    fn folds_greek_accents_and_final_sigma() {
        assert_eq!(fold("Ελλάδα"), fold("ελλαδα"));
        assert_eq!(fold("ΕΛΛΆΔΑ"), fold("Ελλαδα"));
        assert_eq!(fold("Δημοκρατίας"), "δημοκρατιασ");
    }

    #[test]
    fn keeps_cyrillic_armenian_and_georgian_letters() {
        assert_eq!(fold("Україна"), "україна");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Հայաստան"), "հայաստան");
        assert_eq!(fold("საქართველო"), "საქართველო");
    }

    #[test]
    fn spells_hangul_as_jamo_so_half_typed_syllables_are_prefixes() {
        let seoul = fold("서울");
        assert_eq!(seoul, "ㅅㅓㅇㅜㄹ");
        assert!(seoul.starts_with(&fold("성")), "성 is on the way to 서울");
        assert!(fold("김민준").starts_with(&fold("김민")));
        assert!(fold("과").starts_with(&fold("고")), "compound vowels split");
    }

    #[test]
    fn the_quick_letter_test_agrees_with_unicode() {
        for c in ('\u{80}'..='\u{D7A3}').filter(|c| !matches!(c, '\u{0300}'..='\u{036F}')) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn finds_the_same_initials_in_the_folded_word() {
        for word in [
            "서울",
            "김민준",
            "정보화마을",
            "과천",
            "닭갈비",
            "의왕",
            "뷁",
        ] {
            assert_eq!(
                initials_of_folded(&fold(word)),
                initial_consonants(word),
                "{word}"
            );
        }
        assert_eq!(
            initials_of_folded("ㅋㅋ"),
            None,
            "bare consonants are no syllables"
        );
        assert_eq!(initials_of_folded("seoul"), None);
    }

    #[test]
    fn finds_initial_consonants_of_hangul_words() {
        assert_eq!(initial_consonants("서울").as_deref(), Some("ㅅㅇ"));
        assert_eq!(initial_consonants("Seoul"), None);
        assert!(is_initial_consonants("ㅅㅇ"));
        assert!(!is_initial_consonants("서울"));
    }

    #[test]
    fn splits_on_punctuation_and_joins_compounds() {
        assert_eq!(terms("UNI-PASS (KCS)"), ["uni", "pass", "kcs"]);
        assert_eq!(
            joined_compounds("UNI-PASS and e-People"),
            ["unipass", "epeople"]
        );
        // Runs of several parts join whole; spaces and separators end a run.
        assert_eq!(
            joined_compounds("www.gov.kr, Saeol (e-Gov) G-Cloud: K-ICT"),
            ["wwwgovkr", "egov", "gcloud", "kict"]
        );
        assert!(joined_compounds("plain words only").is_empty());
    }

    #[test]
    fn reports_positions_in_the_original_text() {
        let text = "Bakı, Azərbaycan";
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[1].start..tokens[1].end], "Azərbaycan");
    }
}
