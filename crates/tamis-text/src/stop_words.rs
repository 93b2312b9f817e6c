//! Stop words.

/// The stop words the Gopher quality filter requires (at least `min_stop_words` of them):
/// "the", "be", "to", "of", "and", "that", "have", "with" (Rae et al. 2021, arXiv:2112.11446,
/// App. A; datatrove's `STOP_WORDS`). Compared case-sensitively with words, as datatrove does.
pub const GOPHER_STOP_WORDS: &[&str] = &["the", "be", "to", "of", "and", "that", "have", "with"];
