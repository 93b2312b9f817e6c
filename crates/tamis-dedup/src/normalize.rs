//! Text normalisation before hashing: datatrove's `simplify_text` and a whitespace-only variant.

use tamis_text::is_python_space;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// datatrove's `PUNCTUATION` string (`utils/text.py`, 0.10.1) without its control characters,
/// which [`is_datatrove_punctuation`] tests by range. Each of these becomes a space.
const PUNCTUATION: &str =
    "!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»";

/// Decimal separators allowed inside a number by datatrove's `NUMBERS_PATTERN`.
const NUMBER_SEPARATORS: &[char] = &['.', ',', '،', '٫', '⎖', '⎗', '⎘'];

/// Whether datatrove's `simplify_text` turns `c` into a space (its `PUNCTUATION_TRANS` table):
/// the punctuation list plus the control characters 0-8, 11-31 and 127-159.
fn is_datatrove_punctuation(c: char) -> bool {
    let u = u32::from(c);
    if u < 128 {
        return ASCII_PUNCTUATION.get(u as usize).copied().unwrap_or(false);
    }
    if u < 160 {
        return true;
    }
    PUNCTUATION.contains(c)
}

/// [`is_datatrove_punctuation`] for ASCII, as a table.
const ASCII_PUNCTUATION: [bool; 128] = {
    let mut t = [false; 128];
    let bytes = PUNCTUATION.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 128 {
            t[bytes[i] as usize] = true;
        }
        i += 1;
    }
    let mut c = 0;
    while c < 128 {
        if c < 9 || (c >= 11 && c < 32) || c == 127 {
            t[c] = true;
        }
        c += 1;
    }
    t
};

/// `\p{Nd}`: a decimal digit in any script.
fn is_decimal_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        c.general_category() == GeneralCategory::DecimalNumber
    }
}

/// datatrove's `simplify_text` with its default `TextNormConfig` (0.10.1, `utils/text.py`),
/// written into `out` (cleared first): lowercase; every number (`\p{Nd}+` with an optional
/// decimal part) becomes `0`; punctuation and control characters become spaces; whitespace is
/// stripped and runs of it collapse to one space; the text is NFD-decomposed and nonspacing
/// marks (`Mn`, i.e. diacritics) are removed; the result is stripped.
///
/// The steps run in datatrove's order, so `"Café, 1.5 €!"` becomes `"cafe 0 €"`.
///
/// ```
/// let mut out = String::new();
/// tamis_dedup::simplify_text("  Café,  1.5 apples\n(fresh)!  ", &mut out);
/// assert_eq!(out, "cafe 0 apples fresh");
/// ```
pub fn simplify_text(text: &str, out: &mut String) {
    out.clear();
    let lowered;
    let text: &str = if text.is_ascii() {
        text
    } else {
        lowered = text.to_lowercase();
        &lowered
    };
    // Lowercase (ASCII inline), numbers, punctuation and whitespace in one pass.
    let mut pending_space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = c.to_ascii_lowercase();
        if is_decimal_digit(c) {
            while chars.peek().is_some_and(|&d| is_decimal_digit(d)) {
                chars.next();
            }
            // Optional decimal part: exactly one separator followed by at least one digit.
            if let Some(&sep) = chars.peek() {
                if NUMBER_SEPARATORS.contains(&sep) {
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek().is_some_and(|&d| is_decimal_digit(d)) {
                        chars.next();
                        while chars.peek().is_some_and(|&d| is_decimal_digit(d)) {
                            chars.next();
                        }
                    }
                }
            }
            push_word_char(out, &mut pending_space, '0');
        } else if is_datatrove_punctuation(c) || is_python_space(c) {
            pending_space = true;
        } else {
            push_word_char(out, &mut pending_space, c);
        }
    }
    if out.is_ascii() {
        return;
    }
    // Diacritics: NFD, drop nonspacing marks, strip again (as datatrove, without recomposing).
    let decomposed: String = out
        .nfd()
        .filter(|c| c.is_ascii() || c.general_category() != GeneralCategory::NonspacingMark)
        .collect();
    out.clear();
    out.push_str(decomposed.trim_matches(is_python_space));
}

fn push_word_char(out: &mut String, pending_space: &mut bool, c: char) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
    out.push(c);
}

/// Whitespace normalisation for exact matching: leading and trailing whitespace removed, every
/// run of whitespace inside replaced by one space. Written into `out` (cleared first).
///
/// ```
/// let mut out = String::new();
/// tamis_dedup::normalize_whitespace(" a \n\n b\tc ", &mut out);
/// assert_eq!(out, "a b c");
/// ```
pub fn normalize_whitespace(text: &str, out: &mut String) {
    out.clear();
    for word in text.split(is_python_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simplify(s: &str) -> String {
        let mut out = String::new();
        simplify_text(s, &mut out);
        out
    }

    #[test]
    fn numbers_become_zero() {
        assert_eq!(simplify("1.2.3 and 45,000 or ٣٤"), "0 0 and 0 or 0");
        assert_eq!(simplify("3.5%"), "0");
        assert_eq!(simplify("v2"), "v0");
        assert_eq!(simplify("1."), "0");
    }

    #[test]
    fn punctuation_and_whitespace() {
        assert_eq!(
            simplify("Hello, World!!\n\nBye\u{a0}now."),
            "hello world bye now"
        );
        assert_eq!(simplify("e-mail a@b.com"), "e mail a b com");
        assert_eq!(simplify("\u{1}x\u{85}y"), "x y");
    }

    #[test]
    fn diacritics_removed_without_recomposing() {
        assert_eq!(simplify("Ångström naïve"), "angstrom naive");
        // Hangul stays decomposed into jamo (Lo, not Mn), as in datatrove.
        assert_eq!(simplify("한"), "\u{1112}\u{1161}\u{11ab}");
    }

    #[test]
    fn punctuation_table_matches_the_list() {
        for u in 0u32..0x3100 {
            let Some(c) = char::from_u32(u) else { continue };
            let expected = u < 9
                || (11..32).contains(&u)
                || (127..160).contains(&u)
                || PUNCTUATION.contains(c);
            assert_eq!(is_datatrove_punctuation(c), expected, "U+{u:04X}");
        }
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(simplify(""), "");
        assert_eq!(simplify(" \n\t!!"), "");
    }

    #[test]
    fn whitespace_normalisation() {
        let mut out = String::new();
        normalize_whitespace("", &mut out);
        assert_eq!(out, "");
        normalize_whitespace("x", &mut out);
        assert_eq!(out, "x");
    }
}
