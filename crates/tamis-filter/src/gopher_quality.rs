//! `gopher_quality`: Gopher's quality heuristics (Rae et al. 2021, arXiv:2112.11446, App. A).
//!
//! ## What it does
//! Splits the text into words (datatrove's English splitter, see [`tamis_text::split_words`])
//! and drops the document when, in this order (first failing check wins, as in datatrove's
//! `GopherQualityFilter`):
//!
//! | reason | check |
//! |---|---|
//! | `gopher_short_doc` | fewer than `min_doc_words` words that are not pure punctuation |
//! | `gopher_long_doc` | more than `max_doc_words` such words |
//! | `gopher_below_avg_threshold` | their mean length (characters) below `min_avg_word_length` |
//! | `gopher_above_avg_threshold` | their mean length above `max_avg_word_length` |
//! | `gopher_too_many_hashes` | `#` count / words above `max_symbol_word_ratio` |
//! | `gopher_too_many_ellipsis` | (`...` + `…`) count / words above `max_symbol_word_ratio` |
//! | `gopher_too_many_bullets` | share of lines starting with `•` or `-` above `max_bullet_lines_ratio` |
//! | `gopher_too_many_end_ellipsis` | share of lines ending with `...`/`…` above `max_ellipsis_lines_ratio` |
//! | `gopher_below_alpha_threshold` | share of words with a letter below `max_non_alpha_words_ratio` |
//! | `gopher_enough_stop_words` | fewer than `min_stop_words` distinct stop words |
//!
//! ## Why
//! These remove machine-generated lists, keyword spam and fragments (Gopher, App. A).
//!
//! A threshold of 0 disables its check, as `None`/0 does in datatrove.
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "gopher_quality"
//! min_doc_words = 50
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Step, StepContext};

use crate::common::{Measures, Mode, chars, check_fraction, finish};

/// Default of [`GopherQualityConfig::min_doc_words`]: 50 (Gopher App. A).
pub const DEFAULT_MIN_DOC_WORDS: u64 = 50;
/// Default of [`GopherQualityConfig::max_doc_words`]: 100,000 (Gopher App. A).
pub const DEFAULT_MAX_DOC_WORDS: u64 = 100_000;
/// Default of [`GopherQualityConfig::min_avg_word_length`]: 3 characters (Gopher App. A).
pub const DEFAULT_MIN_AVG_WORD_LENGTH: f64 = 3.0;
/// Default of [`GopherQualityConfig::max_avg_word_length`]: 10 characters (Gopher App. A).
pub const DEFAULT_MAX_AVG_WORD_LENGTH: f64 = 10.0;
/// Default of [`GopherQualityConfig::max_symbol_word_ratio`]: 0.1 (Gopher App. A).
pub const DEFAULT_MAX_SYMBOL_WORD_RATIO: f64 = 0.1;
/// Default of [`GopherQualityConfig::max_bullet_lines_ratio`]: 0.9 (Gopher App. A).
pub const DEFAULT_MAX_BULLET_LINES_RATIO: f64 = 0.9;
/// Default of [`GopherQualityConfig::max_ellipsis_lines_ratio`]: 0.3 (Gopher App. A).
pub const DEFAULT_MAX_ELLIPSIS_LINES_RATIO: f64 = 0.3;
/// Default of [`GopherQualityConfig::max_non_alpha_words_ratio`]: 0.8 (Gopher App. A: 80% of
/// words must contain a letter).
pub const DEFAULT_MAX_NON_ALPHA_WORDS_RATIO: f64 = 0.8;
/// Default of [`GopherQualityConfig::min_stop_words`]: 2 (Gopher App. A).
pub const DEFAULT_MIN_STOP_WORDS: u64 = 2;

/// Configuration of the `gopher_quality` step. Field names follow datatrove's
/// `GopherQualityFilter` arguments. A value of 0 disables a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct GopherQualityConfig {
    /// Minimum number of words that are not pure punctuation. Default 50 (Gopher App. A).
    pub min_doc_words: u64,
    /// Maximum number of such words. Default 100,000 (Gopher App. A).
    pub max_doc_words: u64,
    /// Minimum mean word length in characters. Default 3 (Gopher App. A).
    pub min_avg_word_length: f64,
    /// Maximum mean word length in characters. Default 10 (Gopher App. A).
    pub max_avg_word_length: f64,
    /// Maximum ratio of `#` (and, separately, of ellipses) to words. Default 0.1 (Gopher App. A).
    pub max_symbol_word_ratio: f64,
    /// Maximum share of lines starting with a bullet (`•` or `-`). Default 0.9 (Gopher App. A).
    pub max_bullet_lines_ratio: f64,
    /// Maximum share of lines ending with an ellipsis. Default 0.3 (Gopher App. A).
    pub max_ellipsis_lines_ratio: f64,
    /// *Minimum* share of words containing a letter (datatrove's name, kept for
    /// compatibility; it is a lower bound). Default 0.8 (Gopher App. A).
    pub max_non_alpha_words_ratio: f64,
    /// Minimum number of distinct stop words present. Default 2 (Gopher App. A).
    pub min_stop_words: u64,
    /// Stop words to count (case-sensitive). Default: Gopher's eight
    /// ([`tamis_text::stop_words::GOPHER_STOP_WORDS`]).
    pub stop_words: Option<Vec<String>>,
    /// `filter` (drop failing documents) or `annotate` (record the verdict). Default `filter`.
    pub mode: Mode,
}

impl Default for GopherQualityConfig {
    fn default() -> Self {
        Self {
            min_doc_words: DEFAULT_MIN_DOC_WORDS,
            max_doc_words: DEFAULT_MAX_DOC_WORDS,
            min_avg_word_length: DEFAULT_MIN_AVG_WORD_LENGTH,
            max_avg_word_length: DEFAULT_MAX_AVG_WORD_LENGTH,
            max_symbol_word_ratio: DEFAULT_MAX_SYMBOL_WORD_RATIO,
            max_bullet_lines_ratio: DEFAULT_MAX_BULLET_LINES_RATIO,
            max_ellipsis_lines_ratio: DEFAULT_MAX_ELLIPSIS_LINES_RATIO,
            max_non_alpha_words_ratio: DEFAULT_MAX_NON_ALPHA_WORDS_RATIO,
            min_stop_words: DEFAULT_MIN_STOP_WORDS,
            stop_words: None,
            mode: Mode::Filter,
        }
    }
}

impl GopherQualityConfig {
    /// Validates the configuration and builds the step.
    pub fn build(&self) -> tamis_core::Result<GopherQualityFilter> {
        check_fraction("max_bullet_lines_ratio", self.max_bullet_lines_ratio)?;
        check_fraction("max_ellipsis_lines_ratio", self.max_ellipsis_lines_ratio)?;
        check_fraction("max_non_alpha_words_ratio", self.max_non_alpha_words_ratio)?;
        if self.max_symbol_word_ratio < 0.0 || self.max_symbol_word_ratio.is_nan() {
            return Err(tamis_core::Error::config(
                "max_symbol_word_ratio",
                "must be >= 0",
            ));
        }
        if self.max_doc_words != 0 && self.min_doc_words > self.max_doc_words {
            return Err(tamis_core::Error::config(
                "min_doc_words",
                "must not exceed max_doc_words",
            ));
        }
        if self.max_avg_word_length != 0.0 && self.min_avg_word_length > self.max_avg_word_length {
            return Err(tamis_core::Error::config(
                "min_avg_word_length",
                "must not exceed max_avg_word_length",
            ));
        }
        let stop_words: ahash::AHashSet<String> = match &self.stop_words {
            Some(words) => words.iter().cloned().collect(),
            None => tamis_text::stop_words::GOPHER_STOP_WORDS
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        };
        let max_stop_word_len = stop_words.iter().map(String::len).max().unwrap_or(0);
        Ok(GopherQualityFilter {
            config: self.clone(),
            stop_words,
            max_stop_word_len,
        })
    }
}

/// The `gopher_quality` step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct GopherQualityFilter {
    config: GopherQualityConfig,
    stop_words: ahash::AHashSet<String>,
    /// Longest stop word in bytes: longer words skip the set lookup.
    max_stop_word_len: usize,
}

impl GopherQualityFilter {
    fn verdict(
        &self,
        text: &str,
        spans: &[(usize, usize)],
        m: &mut Measures,
    ) -> Result<bool, Reason> {
        let c = &self.config;
        let mut n_words = 0usize;
        let mut n_non_symbol = 0usize;
        let mut non_symbol_chars = 0usize;
        let mut n_alpha_words = 0usize;
        let mut stop_found: Vec<&str> = Vec::new();
        for w in spans.iter().filter_map(|&(a, b)| text.get(a..b)) {
            n_words += 1;
            if w.chars()
                .any(|ch| !tamis_text::is_datatrove_punctuation(ch))
            {
                n_non_symbol += 1;
                non_symbol_chars += chars(w);
            }
            if w.chars().any(tamis_text::is_python_alpha) {
                n_alpha_words += 1;
            }
            if c.min_stop_words != 0
                && w.len() <= self.max_stop_word_len
                && self.stop_words.contains(w)
                && !stop_found.contains(&w)
            {
                stop_found.push(w);
            }
        }
        let n = m.add("n_non_symbol_words", n_non_symbol as f64);
        if c.min_doc_words != 0 && n < c.min_doc_words as f64 {
            return Err(Reason::new("gopher_short_doc"));
        }
        if c.max_doc_words != 0 && n > c.max_doc_words as f64 {
            return Err(Reason::new("gopher_long_doc"));
        }
        // numpy's mean of an empty list is NaN, which passes both comparisons.
        let avg = m.add(
            "avg_word_length",
            non_symbol_chars as f64 / n_non_symbol as f64,
        );
        if c.min_avg_word_length != 0.0 && avg < c.min_avg_word_length {
            return Err(Reason::new("gopher_below_avg_threshold"));
        }
        if c.max_avg_word_length != 0.0 && avg > c.max_avg_word_length {
            return Err(Reason::new("gopher_above_avg_threshold"));
        }
        // datatrove divides by zero here (and crashes) on a text without words; we pass it.
        let words = n_words.max(1) as f64;
        if c.max_symbol_word_ratio != 0.0 {
            let hashes = m.add("hash_word_ratio", text.matches('#').count() as f64 / words);
            if hashes > c.max_symbol_word_ratio {
                return Err(Reason::new("gopher_too_many_hashes"));
            }
            let ellipsis = (text.matches("...").count() + text.matches('…').count()) as f64 / words;
            if m.add("ellipsis_word_ratio", ellipsis) > c.max_symbol_word_ratio {
                return Err(Reason::new("gopher_too_many_ellipsis"));
            }
        }
        if c.max_bullet_lines_ratio != 0.0 || c.max_ellipsis_lines_ratio != 0.0 {
            let mut lines = 0usize;
            let mut bullets = 0usize;
            let mut end_ellipsis = 0usize;
            for line in tamis_text::split_lines_python(text) {
                lines += 1;
                let start = line.trim_start_matches(tamis_text::is_python_space);
                if start.starts_with('•') || start.starts_with('-') {
                    bullets += 1;
                }
                let end = line.trim_end_matches(tamis_text::is_python_space);
                if end.ends_with("...") || end.ends_with('…') {
                    end_ellipsis += 1;
                }
            }
            let lines = lines.max(1) as f64;
            if c.max_bullet_lines_ratio != 0.0
                && m.add("bullet_lines_ratio", bullets as f64 / lines) > c.max_bullet_lines_ratio
            {
                return Err(Reason::new("gopher_too_many_bullets"));
            }
            if c.max_ellipsis_lines_ratio != 0.0
                && m.add("end_ellipsis_lines_ratio", end_ellipsis as f64 / lines)
                    > c.max_ellipsis_lines_ratio
            {
                return Err(Reason::new("gopher_too_many_end_ellipsis"));
            }
        }
        if c.max_non_alpha_words_ratio != 0.0
            && m.add("alpha_words_ratio", n_alpha_words as f64 / words)
                < c.max_non_alpha_words_ratio
        {
            return Err(Reason::new("gopher_below_alpha_threshold"));
        }
        if c.min_stop_words != 0
            && m.add("stop_words", stop_found.len() as f64) < c.min_stop_words as f64
        {
            return Err(Reason::new("gopher_enough_stop_words"));
        }
        Ok(false)
    }
}

impl Step for GopherQualityFilter {
    fn name(&self) -> &'static str {
        "gopher_quality"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let mut m = Measures::default();
        let spans = ctx.words.spans(
            tamis_text::WORD_SPANS_SPLITTER,
            &doc.text,
            tamis_text::word_spans,
        );
        let verdict = self.verdict(&doc.text, spans, &mut m);
        finish(self.name(), self.config.mode, doc, ctx, m, verdict)
    }
}
