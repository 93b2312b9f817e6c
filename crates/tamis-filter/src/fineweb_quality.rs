//! `fineweb_quality`: FineWeb's extra line heuristics (Penedo et al. 2024, arXiv:2406.17557,
//! §3.3), as datatrove's `FineWebQualityFilter` applies them.
//!
//! ## What it does
//! Looks at the non-blank lines (split at `\n`) and drops the document with, in order:
//!
//! | reason | check |
//! |---|---|
//! | `empty` | no non-blank line |
//! | `line_punct_ratio` | share of lines ending in terminal punctuation < `line_punct_thr` |
//! | `short_line_ratio` | share of lines of at most `short_line_length` characters > `short_line_thr` |
//! | `char_dup_ratio` | characters in repeated lines / characters (newlines excluded) > `char_duplicates_ratio` |
//! | `list_ratio` | newlines per word > `new_line_ratio` |
//!
//! ## Why
//! These catch lists, menus and repeated boilerplate that Gopher and C4 let through
//! (FineWeb, §3.3).
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "fineweb_quality"
//! line_punct_thr = 0.12
//! ```

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Step, StepContext, WordCache};

use crate::common::{Measures, Mode, chars, check_fraction, finish};

/// Default of [`FineWebQualityConfig::line_punct_thr`]: 0.12 (FineWeb §3.3).
pub const DEFAULT_LINE_PUNCT_THR: f64 = 0.12;
/// Default of [`FineWebQualityConfig::short_line_thr`]: 0.67 (FineWeb §3.3).
pub const DEFAULT_SHORT_LINE_THR: f64 = 0.67;
/// Default of [`FineWebQualityConfig::short_line_length`]: 30 characters (FineWeb §3.3).
pub const DEFAULT_SHORT_LINE_LENGTH: u64 = 30;
/// Default of [`FineWebQualityConfig::char_duplicates_ratio`]: 0.01 (FineWeb §3.3).
pub const DEFAULT_CHAR_DUPLICATES_RATIO: f64 = 0.01;
/// Default of [`FineWebQualityConfig::new_line_ratio`]: 0.3 (FineWeb §3.3).
pub const DEFAULT_NEW_LINE_RATIO: f64 = 0.3;

/// Configuration of the `fineweb_quality` step (datatrove's `FineWebQualityFilter` arguments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct FineWebQualityConfig {
    /// Minimum share of lines ending in a stop character. Default 0.12 (FineWeb §3.3).
    pub line_punct_thr: f64,
    /// Do not drop documents where no line ends in a stop character. Default false.
    pub line_punct_exclude_zero: bool,
    /// Characters that end a line "like a sentence". Default: datatrove's
    /// `TERMINAL_PUNCTUATION` ([`tamis_text::TERMINAL_PUNCTUATION`]).
    pub stop_chars: Option<Vec<String>>,
    /// Maximum share of short lines. Default 0.67 (FineWeb §3.3).
    pub short_line_thr: f64,
    /// A line of at most this many characters is short. Default 30 (FineWeb §3.3).
    pub short_line_length: u64,
    /// Maximum share of characters in repeated lines. Default 0.01 (FineWeb §3.3).
    pub char_duplicates_ratio: f64,
    /// Maximum number of newlines per word. Default 0.3 (FineWeb §3.3).
    pub new_line_ratio: f64,
    /// `filter` (drop failing documents) or `annotate` (record the verdict). Default `filter`.
    pub mode: Mode,
}

impl Default for FineWebQualityConfig {
    fn default() -> Self {
        Self {
            line_punct_thr: DEFAULT_LINE_PUNCT_THR,
            line_punct_exclude_zero: false,
            stop_chars: None,
            short_line_thr: DEFAULT_SHORT_LINE_THR,
            short_line_length: DEFAULT_SHORT_LINE_LENGTH,
            char_duplicates_ratio: DEFAULT_CHAR_DUPLICATES_RATIO,
            new_line_ratio: DEFAULT_NEW_LINE_RATIO,
            mode: Mode::Filter,
        }
    }
}

impl FineWebQualityConfig {
    /// Validates the configuration and builds the step.
    pub fn build(&self) -> tamis_core::Result<FineWebQualityFilter> {
        check_fraction("line_punct_thr", self.line_punct_thr)?;
        check_fraction("short_line_thr", self.short_line_thr)?;
        check_fraction("char_duplicates_ratio", self.char_duplicates_ratio)?;
        if self.new_line_ratio < 0.0 || self.new_line_ratio.is_nan() {
            return Err(tamis_core::Error::config("new_line_ratio", "must be >= 0"));
        }
        let stop_chars = match &self.stop_chars {
            Some(list) => {
                if list.iter().any(String::is_empty) {
                    return Err(tamis_core::Error::config(
                        "stop_chars",
                        "entries must not be empty",
                    ));
                }
                Some(list.clone())
            }
            None => None,
        };
        Ok(FineWebQualityFilter {
            config: self.clone(),
            stop_chars,
        })
    }
}

/// The `fineweb_quality` step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct FineWebQualityFilter {
    config: FineWebQualityConfig,
    stop_chars: Option<Vec<String>>,
}

impl FineWebQualityFilter {
    fn ends_with_stop(&self, line: &str) -> bool {
        match &self.stop_chars {
            Some(list) => list.iter().any(|s| line.ends_with(s.as_str())),
            None => line
                .chars()
                .next_back()
                .is_some_and(tamis_text::is_terminal_punctuation),
        }
    }

    fn verdict(&self, text: &str, cache: &mut WordCache, m: &mut Measures) -> Result<bool, Reason> {
        let c = &self.config;
        let lines: Vec<&str> = text
            .split('\n')
            .filter(|l| !tamis_text::python_strip(l).is_empty())
            .collect();
        if lines.is_empty() {
            return Err(Reason::new("empty"));
        }
        let n = lines.len() as f64;
        let punct = lines.iter().filter(|l| self.ends_with_stop(l)).count() as f64 / n;
        m.add("line_punct_ratio", punct);
        if punct < c.line_punct_thr && !(punct == 0.0 && c.line_punct_exclude_zero) {
            return Err(Reason::new("line_punct_ratio"));
        }
        let short = lines
            .iter()
            .filter(|l| chars(l) as u64 <= c.short_line_length)
            .count() as f64
            / n;
        if m.add("short_line_ratio", short) > c.short_line_thr {
            return Err(Reason::new("short_line_ratio"));
        }
        let mut seen: HashSet<&str> = HashSet::with_capacity(lines.len());
        let mut dup_chars = 0usize;
        for l in &lines {
            if !seen.insert(l) {
                dup_chars += chars(l);
            }
        }
        let newlines = text.bytes().filter(|&b| b == b'\n').count();
        let non_newline_chars = chars(text) - newlines;
        let dup = dup_chars as f64 / non_newline_chars.max(1) as f64;
        if m.add("char_dup_ratio", dup) > c.char_duplicates_ratio {
            return Err(Reason::new("char_dup_ratio"));
        }
        let words = cache
            .spans(
                tamis_text::WORD_SPANS_SPLITTER,
                text,
                tamis_text::word_spans,
            )
            .len();
        if m.add("list_ratio", newlines as f64 / words.max(1) as f64) > c.new_line_ratio {
            return Err(Reason::new("list_ratio"));
        }
        Ok(false)
    }
}

impl Step for FineWebQualityFilter {
    fn name(&self) -> &'static str {
        "fineweb_quality"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let mut m = Measures::default();
        let verdict = self.verdict(&doc.text, &mut ctx.words, &mut m);
        finish(self.name(), self.config.mode, doc, ctx, m, verdict)
    }
}
