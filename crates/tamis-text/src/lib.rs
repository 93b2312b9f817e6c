//! # tamis-text
//!
//! Text splitting shared by the filters and deduplication steps.
//!
//! ## Brief overview
//!
//! * [`split_words`] / [`for_each_word`] split English text into words exactly as datatrove
//!   does (spaCy's `spacy.blank("en")` tokenizer, tokens stripped, empty ones dropped), so word
//!   counts, ratios and n-grams agree with datatrove's filters. [`split_words_unicode`] splits
//!   any language at Unicode word boundaries (UAX #29).
//! * [`split_lines`] and [`split_paragraphs`] split the way datatrove's filters do
//!   (`str.split("\n")` and `re.split("\n{2,}")`).
//! * [`stop_words`] holds the stop-word lists the Gopher filter counts.
//! * [`TERMINAL_PUNCTUATION`] is datatrove's list of sentence-ending marks.
//!
//! ```
//! let words = tamis_text::split_words("Don't stop-me now, U.S. e-mail: a@b.com 3.5%");
//! assert_eq!(
//!     words,
//!     ["Do", "n't", "stop", "-", "me", "now", ",", "U.S.", "e", "-", "mail", ":", "a@b.com", "3.5", "%"]
//! );
//! ```

#![deny(missing_docs)]

mod lines;
mod sentences;
mod spacy_en;
#[allow(missing_docs, clippy::all)]
mod spacy_en_data;
pub mod stop_words;
mod words;

pub use lines::{
    PUNCTUATION_SET, TERMINAL_PUNCTUATION, is_datatrove_punctuation, is_python_alpha,
    is_terminal_punctuation, python_strip, split_lines, split_lines_python, split_paragraphs,
};
pub use sentences::{count_sentences, count_sentences_in_spans};
pub use spacy_en::is_python_space;
pub use words::{WORD_SPANS_SPLITTER, for_each_word, split_words, split_words_unicode, word_spans};
