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
    let mut tokens = 0usize;
    let mut sentences = 0usize;
    let mut seen_period = false;
    // Sentences made only of whitespace tokens are dropped by datatrove's strip.
    let mut current_has_text = false;
    for_each_token(text, |tok, is_space| {
        tokens += 1;
        let in_list = !is_space && SENTENCIZER_PUNCT.contains(&tok);
        if seen_period && !in_list && (is_space || !is_punct(tok)) {
            if current_has_text {
                sentences += 1;
            }
            current_has_text = false;
            seen_period = false;
        } else if in_list {
            seen_period = true;
        }
        if !is_space {
            current_has_text = true;
        }
    });
    if tokens > 0 && current_has_text {
        sentences += 1;
    }
    sentences
}
