//! Word splitting.

/// Calls `emit` with each word of `text`, split as datatrove splits English (spaCy's
/// `spacy.blank("en")` tokenizer; whitespace dropped). Every word is a slice of `text`.
///
/// No allocation per word; use this on hot paths.
pub fn for_each_word<'a>(text: &'a str, emit: impl FnMut(&'a str)) {
    crate::spacy_en::for_each_word(text, emit);
}

/// Name of the [`word_spans`] splitter, for caches keyed by splitter (such as
/// `tamis_core::WordCache`).
pub const WORD_SPANS_SPLITTER: &str = "spacy_en";

/// Appends the byte ranges `(start, end)` of the words of `text` (split as
/// [`for_each_word`]) to `out`.
///
/// ```
/// let mut spans = Vec::new();
/// tamis_text::word_spans("(hi) you", &mut spans);
/// assert_eq!(spans, [(0, 1), (1, 3), (3, 4), (5, 8)]);
/// ```
pub fn word_spans(text: &str, out: &mut Vec<(usize, usize)>) {
    let base = text.as_ptr() as usize;
    for_each_word(text, |w| {
        let start = (w.as_ptr() as usize).wrapping_sub(base);
        out.push((start, start + w.len()));
    });
}

/// The words of `text`, split as datatrove splits English (see [`for_each_word`]).
///
/// ```
/// assert_eq!(tamis_text::split_words("(hello) world..."), ["(", "hello", ")", "world", "..."]);
/// ```
pub fn split_words(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    for_each_word(text, |w| out.push(w));
    out
}

/// The words of `text` at Unicode word boundaries (UAX #29), without the whitespace and
/// punctuation-only segments: a language-neutral splitter for text that is not English.
///
/// ```
/// assert_eq!(tamis_text::split_words_unicode("Ça va, très bien."), ["Ça", "va", "très", "bien"]);
/// ```
pub fn split_words_unicode(text: &str) -> Vec<&str> {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datatrove_example() {
        assert_eq!(
            split_words("Don't stop-me now, U.S. e-mail: a@b.com 3.5%"),
            [
                "Do", "n't", "stop", "-", "me", "now", ",", "U.S.", "e", "-", "mail", ":",
                "a@b.com", "3.5", "%"
            ]
        );
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(split_words("").is_empty());
        assert!(split_words(" \n\t \u{a0}\u{1c}").is_empty());
    }

    #[test]
    fn affixes_and_infixes() {
        assert_eq!(
            split_words("\"Hello,\" she said."),
            ["\"", "Hello", ",", "\"", "she", "said", "."]
        );
        assert_eq!(
            split_words("well-known 10-20 a/b"),
            ["well", "-", "known", "10", "-", "20", "a", "/", "b"]
        );
        assert_eq!(split_words("wait...what"), ["wait", "...", "what"]);
        assert_eq!(split_words("$5 5km"), ["$", "5", "5", "km"]);
        assert_eq!(split_words("end.Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn urls_stay_whole() {
        assert_eq!(
            split_words("see http://example.com/a-b/c."),
            ["see", "http://example.com/a-b/c", "."]
        );
        assert_eq!(split_words("www.example.org/x"), ["www.example.org/x"]);
    }

    #[test]
    fn exceptions() {
        assert_eq!(
            split_words("I'm can't e.g. (don't)"),
            ["I", "'m", "ca", "n't", "e.g.", "(", "do", "n't", ")"]
        );
    }

    #[test]
    fn special_cases_split_by_affixes_are_merged_back() {
        // spaCy's second pass: "Jr" + "." and "'" + "'" become the exceptions "Jr." and "''".
        assert_eq!(
            split_words("Smith,Jr. said ''yes''"),
            ["Smith", ",", "Jr.", "said", "''", "yes", "''"]
        );
    }

    #[test]
    fn non_latin() {
        assert_eq!(split_words("Привет, мир!"), ["Привет", ",", "мир", "!"]);
        assert_eq!(
            split_words("日本語のテキスト。"),
            ["日本語のテキスト", "。"]
        );
    }

    #[test]
    fn random_strings_split_into_slices_covering_the_text() {
        // Deterministic pseudo-random strings over an alphabet of the characters the rules
        // look at: every word is non-empty and the words cover the non-space text in order.
        let alphabet: Vec<char> = "aZé9.,'’\"-–—…()[]$€%°F/:@#+*^~ \n\t\u{a0}\u{1c}日Ж😀\u{301}"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let len = (state % 24) as usize;
            let mut s = String::new();
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            let words = split_words(&s);
            assert!(words.iter().all(|w| !w.is_empty()), "{s:?}");
            let joined: String = words.concat();
            let expected: String = s.chars().filter(|c| !crate::is_python_space(*c)).collect();
            assert_eq!(joined, expected, "{s:?}");
            let _ = crate::count_sentences(&s);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "+",
            "..",
            "°F.",
            "+1",
            "'s",
            "—",
            "a\u{301}.",
            "..\u{1F600}..",
            "US$5",
            "5US$",
        ] {
            let w = split_words(s);
            assert_eq!(w.concat(), s.split_whitespace().collect::<String>());
        }
    }
}
