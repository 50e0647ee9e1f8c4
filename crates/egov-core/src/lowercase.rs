//! Lower case for every letter of Unicode, from a table about a fifth the size of the
//! standard library's, to keep the WebAssembly small.
//!
//! `str::to_lowercase` and `char::to_lowercase` look letters up in a table of 1,400 pairs
//! (11.7 KB, about 5 KB compressed) that the app's main module carried for sorting titles
//! and checking aliases. Most of Unicode's case pairs come in runs (`A`–`Z` is `a`–`z` 32
//! places on; Latin Extended-A alternates capital and small letter), so `RUNS` lists 186
//! runs instead. [`lowercase_char`] gives the same letter as the standard library for every
//! character; where the standard library gives two (only `İ`, "i" and a combining dot
//! above), it gives the first. Unlike `str::to_lowercase`, [`lowercase`] does not write a
//! word-final capital sigma as `ς`: nothing here needs it (search folds both sigmas alike).
//! A test compares every character with the standard library, so a new Unicode version
//! that changes a case pair fails it, and prints the table to paste here.
//!
//! Pure: text in, text out.

/// Runs of letters whose lower case is the same distance away: `(first, delta, count,
/// stride)`, the letters `first`, `first + stride`, … (`count` of them) have their lower
/// case `delta` code points on. Sorted by `first`; runs do not overlap.
const RUNS: [(u32, i32, u16, u8); 186] = [
    (0x0041, 32, 26, 1),
    (0x00C0, 32, 23, 1),
    (0x00D8, 32, 7, 1),
    (0x0100, 1, 24, 2),
    (0x0130, -199, 1, 1),
    (0x0132, 1, 3, 2),
    (0x0139, 1, 8, 2),
    (0x014A, 1, 23, 2),
    (0x0178, -121, 1, 1),
    (0x0179, 1, 3, 2),
    (0x0181, 210, 1, 1),
    (0x0182, 1, 2, 2),
    (0x0186, 206, 1, 1),
    (0x0187, 1, 1, 1),
    (0x0189, 205, 2, 1),
    (0x018B, 1, 1, 1),
    (0x018E, 79, 1, 1),
    (0x018F, 202, 1, 1),
    (0x0190, 203, 1, 1),
    (0x0191, 1, 1, 1),
    (0x0193, 205, 1, 1),
    (0x0194, 207, 1, 1),
    (0x0196, 211, 1, 1),
    (0x0197, 209, 1, 1),
    (0x0198, 1, 1, 1),
    (0x019C, 211, 1, 1),
    (0x019D, 213, 1, 1),
    (0x019F, 214, 1, 1),
    (0x01A0, 1, 3, 2),
    (0x01A6, 218, 1, 1),
    (0x01A7, 1, 1, 1),
    (0x01A9, 218, 1, 1),
    (0x01AC, 1, 1, 1),
    (0x01AE, 218, 1, 1),
    (0x01AF, 1, 1, 1),
    (0x01B1, 217, 2, 1),
    (0x01B3, 1, 2, 2),
    (0x01B7, 219, 1, 1),
    (0x01B8, 1, 1, 1),
    (0x01BC, 1, 1, 1),
    (0x01C4, 2, 1, 1),
    (0x01C5, 1, 1, 1),
    (0x01C7, 2, 1, 1),
    (0x01C8, 1, 1, 1),
    (0x01CA, 2, 1, 1),
    (0x01CB, 1, 9, 2),
    (0x01DE, 1, 9, 2),
    (0x01F1, 2, 1, 1),
    (0x01F2, 1, 2, 2),
    (0x01F6, -97, 1, 1),
    (0x01F7, -56, 1, 1),
    (0x01F8, 1, 20, 2),
    (0x0220, -130, 1, 1),
    (0x0222, 1, 9, 2),
    (0x023A, 10795, 1, 1),
    (0x023B, 1, 1, 1),
    (0x023D, -163, 1, 1),
    (0x023E, 10792, 1, 1),
    (0x0241, 1, 1, 1),
    (0x0243, -195, 1, 1),
    (0x0244, 69, 1, 1),
    (0x0245, 71, 1, 1),
    (0x0246, 1, 5, 2),
    (0x0370, 1, 2, 2),
    (0x0376, 1, 1, 1),
    (0x037F, 116, 1, 1),
    (0x0386, 38, 1, 1),
    (0x0388, 37, 3, 1),
    (0x038C, 64, 1, 1),
    (0x038E, 63, 2, 1),
    (0x0391, 32, 17, 1),
    (0x03A3, 32, 9, 1),
    (0x03CF, 8, 1, 1),
    (0x03D8, 1, 12, 2),
    (0x03F4, -60, 1, 1),
    (0x03F7, 1, 1, 1),
    (0x03F9, -7, 1, 1),
    (0x03FA, 1, 1, 1),
    (0x03FD, -130, 3, 1),
    (0x0400, 80, 16, 1),
    (0x0410, 32, 32, 1),
    (0x0460, 1, 17, 2),
    (0x048A, 1, 27, 2),
    (0x04C0, 15, 1, 1),
    (0x04C1, 1, 7, 2),
    (0x04D0, 1, 48, 2),
    (0x0531, 48, 38, 1),
    (0x10A0, 7264, 38, 1),
    (0x10C7, 7264, 1, 1),
    (0x10CD, 7264, 1, 1),
    (0x13A0, 38864, 80, 1),
    (0x13F0, 8, 6, 1),
    (0x1C89, 1, 1, 1),
    (0x1C90, -3008, 43, 1),
    (0x1CBD, -3008, 3, 1),
    (0x1E00, 1, 75, 2),
    (0x1E9E, -7615, 1, 1),
    (0x1EA0, 1, 48, 2),
    (0x1F08, -8, 8, 1),
    (0x1F18, -8, 6, 1),
    (0x1F28, -8, 8, 1),
    (0x1F38, -8, 8, 1),
    (0x1F48, -8, 6, 1),
    (0x1F59, -8, 4, 2),
    (0x1F68, -8, 8, 1),
    (0x1F88, -8, 8, 1),
    (0x1F98, -8, 8, 1),
    (0x1FA8, -8, 8, 1),
    (0x1FB8, -8, 2, 1),
    (0x1FBA, -74, 2, 1),
    (0x1FBC, -9, 1, 1),
    (0x1FC8, -86, 4, 1),
    (0x1FCC, -9, 1, 1),
    (0x1FD8, -8, 2, 1),
    (0x1FDA, -100, 2, 1),
    (0x1FE8, -8, 2, 1),
    (0x1FEA, -112, 2, 1),
    (0x1FEC, -7, 1, 1),
    (0x1FF8, -128, 2, 1),
    (0x1FFA, -126, 2, 1),
    (0x1FFC, -9, 1, 1),
    (0x2126, -7517, 1, 1),
    (0x212A, -8383, 1, 1),
    (0x212B, -8262, 1, 1),
    (0x2132, 28, 1, 1),
    (0x2160, 16, 16, 1),
    (0x2183, 1, 1, 1),
    (0x24B6, 26, 26, 1),
    (0x2C00, 48, 48, 1),
    (0x2C60, 1, 1, 1),
    (0x2C62, -10743, 1, 1),
    (0x2C63, -3814, 1, 1),
    (0x2C64, -10727, 1, 1),
    (0x2C67, 1, 3, 2),
    (0x2C6D, -10780, 1, 1),
    (0x2C6E, -10749, 1, 1),
    (0x2C6F, -10783, 1, 1),
    (0x2C70, -10782, 1, 1),
    (0x2C72, 1, 1, 1),
    (0x2C75, 1, 1, 1),
    (0x2C7E, -10815, 2, 1),
    (0x2C80, 1, 50, 2),
    (0x2CEB, 1, 2, 2),
    (0x2CF2, 1, 1, 1),
    (0xA640, 1, 23, 2),
    (0xA680, 1, 14, 2),
    (0xA722, 1, 7, 2),
    (0xA732, 1, 31, 2),
    (0xA779, 1, 2, 2),
    (0xA77D, -35332, 1, 1),
    (0xA77E, 1, 5, 2),
    (0xA78B, 1, 1, 1),
    (0xA78D, -42280, 1, 1),
    (0xA790, 1, 2, 2),
    (0xA796, 1, 10, 2),
    (0xA7AA, -42308, 1, 1),
    (0xA7AB, -42319, 1, 1),
    (0xA7AC, -42315, 1, 1),
    (0xA7AD, -42305, 1, 1),
    (0xA7AE, -42308, 1, 1),
    (0xA7B0, -42258, 1, 1),
    (0xA7B1, -42282, 1, 1),
    (0xA7B2, -42261, 1, 1),
    (0xA7B3, 928, 1, 1),
    (0xA7B4, 1, 8, 2),
    (0xA7C4, -48, 1, 1),
    (0xA7C5, -42307, 1, 1),
    (0xA7C6, -35384, 1, 1),
    (0xA7C7, 1, 2, 2),
    (0xA7CB, -42343, 1, 1),
    (0xA7CC, 1, 8, 2),
    (0xA7DC, -42561, 1, 1),
    (0xA7F5, 1, 1, 1),
    (0xFF21, 32, 26, 1),
    (0x10400, 40, 40, 1),
    (0x104B0, 40, 36, 1),
    (0x10570, 39, 11, 1),
    (0x1057C, 39, 15, 1),
    (0x1058C, 39, 7, 1),
    (0x10594, 39, 2, 1),
    (0x10C80, 64, 51, 1),
    (0x10D50, 32, 22, 1),
    (0x118A0, 32, 32, 1),
    (0x16E40, 32, 32, 1),
    (0x16EA0, 27, 25, 1),
    (0x1E900, 34, 34, 1),
];

/// The lower case of `c` (its first character where Unicode gives more than one).
pub fn lowercase_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = c as u32;
    let Some(&(first, delta, count, stride)) = RUNS
        .partition_point(|&(first, ..)| first <= code)
        .checked_sub(1)
        .and_then(|at| RUNS.get(at))
    else {
        return c;
    };
    let offset = code - first;
    let stride = u32::from(stride);
    if offset.is_multiple_of(stride) && offset / stride < u32::from(count) {
        code.checked_add_signed(delta)
            .and_then(char::from_u32)
            .unwrap_or(c)
    } else {
        c
    }
}

/// `text` in lower case, letter by letter ([`lowercase_char`]).
pub fn lowercase(text: &str) -> String {
    text.chars().map(lowercase_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of the standard library's lower case, as `RUNS` lists them.
    fn runs_of_the_standard_library() -> Vec<(u32, i32, u16, u8)> {
        let mut runs: Vec<(u32, i32, u16, u8)> = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower = c.to_lowercase().next().unwrap_or(c);
            if lower == c {
                continue;
            }
            let (code, delta) = (c as u32, lower as i32 - c as i32);
            if let Some(run) = runs.last_mut() {
                let last = run.0 + (u32::from(run.2) - 1) * u32::from(run.3);
                let gap = code - last;
                if run.1 == delta
                    && (gap == 1 || gap == 2)
                    && (run.2 == 1 || u32::from(run.3) == gap)
                {
                    run.2 += 1;
                    run.3 = gap as u8;
                    continue;
                }
            }
            runs.push((code, delta, 1, 1));
        }
        runs
    }

    #[test]
    fn every_character_lowers_as_the_standard_library_lowers_it() {
        let expected = runs_of_the_standard_library();
        if RUNS[..] != expected[..] {
            let lines: Vec<String> = expected
                .iter()
                .map(|(first, delta, count, stride)| {
                    format!("    (0x{first:04X}, {delta}, {count}, {stride}),")
                })
                .collect();
            panic!(
                "RUNS is not the standard library's lower case; replace it with:\n\
                 const RUNS: [(u32, i32, u16, u8); {}] = [\n{}\n];",
                expected.len(),
                lines.join("\n")
            );
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = c.to_lowercase().next().unwrap_or(c);
            assert_eq!(lowercase_char(c), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn lowers_the_letters_of_bsec_languages() {
        for (text, lower) in [
            ("ÀÉÎÕÜ Ș Ț Ă Ğ Ş İ", "àéîõü ș ț ă ğ ş i"),
            ("ΑΘΗΝΑ ΆΣ", "αθηνα άσ"),
            ("МОЛДОВА ЄЇ Ґ", "молдова єї ґ"),
            ("ՀԱՅԱՍՏԱՆ", "հայաստան"),
            ("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", "საქართველო"),
            ("서울 Seoul", "서울 seoul"),
        ] {
            assert_eq!(lowercase(text), lower);
        }
    }
}
