//! Sentence counting as spaCy's rule-based `sentencizer` (the one datatrove adds to
//! `spacy.blank("en")` for C4's `min_num_sentences`).

use crate::spacy_en::{class, for_each_token};
use crate::spacy_en_data::{PUNCT_CATEGORY, SENTENCIZER_PUNCT};

/// spaCy's `is_punct`: every character is in a Unicode punctuation category (P*).
fn is_punct(token: &str) -> bool {
    token.chars().all(|c| class(c) & PUNCT_CATEGORY != 0)
}

/// Number of sentences spaCy's sentencizer finds in `text` after datatrove drops the empty
/// ones: a sentence ends after a token in the sentencizer's list (`.`, `!`, `?`, ...) once a
/// token follows that is neither punctuation nor in the list.
///
/// ```
/// assert_eq!(tamis_text::count_sentences("One. Two! Three? four"), 4);
/// // "..." is not a sentence end for the sentencizer (only ".", "!", "?" and the like are).
/// assert_eq!(tamis_text::count_sentences("Wait... what?!"), 1);
/// assert_eq!(tamis_text::count_sentences("   "), 0);
/// ```
pub fn count_sentences(text: &str) -> usize {
    let mut counter = SentenceCounter::default();
    for_each_token(text, |tok, is_space| counter.token(tok, is_space));
    counter.finish()
}

/// [`count_sentences`] of a line of `text` from the word ranges that [`crate::word_spans`]
/// found in the whole of `text`, without splitting the line again: `spans` are the ranges
/// that lie inside the line, and the line must have no whitespace at either end (as C4's
/// stripped lines). The whitespace tokens spaCy would make are read off the gaps between the
/// words (a gap other than a single space is one whitespace token).
///
/// spaCy splits at whitespace first, so the words of a line are the words of the text inside
/// that line; this gives the same count as `count_sentences(line)`.
///
/// ```
/// let text = "Intro\nOne. Two!  Three? four\n";
/// let mut spans = Vec::new();
/// tamis_text::word_spans(text, &mut spans);
/// let line = 6..text.len() - 1;
/// let inside: Vec<_> = spans.iter().copied().filter(|&(a, b)| a >= line.start && b <= line.end).collect();
/// assert_eq!(tamis_text::count_sentences_in_spans(text, &inside), tamis_text::count_sentences(&text[line]));
/// ```
pub fn count_sentences_in_spans(text: &str, spans: &[(usize, usize)]) -> usize {
    let mut counter = SentenceCounter::default();
    let mut prev_end: Option<usize> = None;
    for &(a, b) in spans {
        if let Some(gap) = prev_end.filter(|&p| p < a).and_then(|p| text.get(p..a))
            && gap != " "
        {
            counter.token(gap.strip_prefix(' ').unwrap_or(gap), true);
        }
        counter.token(text.get(a..b).unwrap_or_default(), false);
        prev_end = Some(b);
    }
    counter.finish()
}

/// Is `tok` one of the sentencizer's punctuation marks? Every entry is a single character
/// (checked by a test), and the only ASCII ones are `!`, `.` and `?`, so most tokens are
/// rejected without scanning the list.
fn in_sentencizer_list(tok: &str) -> bool {
    let mut chars = tok.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii() => matches!(c, '!' | '.' | '?'),
        (Some(_), None) => SENTENCIZER_PUNCT.contains(&tok),
        _ => false,
    }
}

/// spaCy's sentencizer over a stream of tokens, counting the non-empty sentences.
#[derive(Default)]
struct SentenceCounter {
    tokens: usize,
    sentences: usize,
    seen_period: bool,
    /// Sentences made only of whitespace tokens are dropped by datatrove's strip.
    current_has_text: bool,
}

impl SentenceCounter {
    fn token(&mut self, tok: &str, is_space: bool) {
        self.tokens += 1;
        let in_list = !is_space && in_sentencizer_list(tok);
        if self.seen_period && !in_list && (is_space || !is_punct(tok)) {
            if self.current_has_text {
                self.sentences += 1;
            }
            self.current_has_text = false;
            self.seen_period = false;
        } else if in_list {
            self.seen_period = true;
        }
        if !is_space {
            self.current_has_text = true;
        }
    }

    fn finish(self) -> usize {
        self.sentences + usize::from(self.tokens > 0 && self.current_has_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting from the document's word ranges gives the same as splitting each stripped
    /// line again, whatever the whitespace between and around the words.
    #[test]
    fn sentencizer_list_is_single_characters() {
        for p in SENTENCIZER_PUNCT {
            assert_eq!(p.chars().count(), 1, "{p:?}");
            assert!(in_sentencizer_list(p));
        }
        let ascii: Vec<&&str> = SENTENCIZER_PUNCT.iter().filter(|p| p.is_ascii()).collect();
        assert_eq!(ascii, [&"!", &".", &"?"]);
        assert!(
            !in_sentencizer_list("..") && !in_sentencizer_list("a") && !in_sentencizer_list("")
        );
    }

    #[test]
    fn spans_count_equals_line_count() {
        let text = "Title\n  One. Two!  Three?\tfour \u{a0}five.\u{2028}Dr. Who?? Yes...  no. \"Quoted.\" Next\r\n\
                    e.g. this one.  (Really.) OK\x0b. . .\n\n   \n\u{3000}句子。下一个。\x1cLast line. ";
        let mut spans = Vec::new();
        crate::word_spans(text, &mut spans);
        let base = text.as_ptr() as usize;
        let mut lines = 0;
        for raw in crate::split_lines_python(text) {
            let line = crate::python_strip(raw);
            let start = line.as_ptr() as usize - base;
            let end = start + line.len();
            let inside: Vec<_> = spans
                .iter()
                .copied()
                .filter(|&(a, _)| a >= start && a < end)
                .collect();
            assert_eq!(
                count_sentences_in_spans(text, &inside),
                count_sentences(line),
                "{line:?}"
            );
            lines += 1;
        }
        assert!(lines >= 6);
    }
}
