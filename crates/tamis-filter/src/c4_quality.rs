//! `c4_quality`: C4's line and page heuristics (Raffel et al. 2020, JMLR 21(140), §2.2), as
//! datatrove's `C4QualityFilter` applies them.
//!
//! ## What it does
//! Goes through the lines (Python `str.splitlines()`), each stripped, and **removes** a line
//! when a word is longer than `max_word_length` characters, when (with
//! `filter_no_terminal_punct`) it does not end in `.` `?` `!` `"` `'` or ends in `...`, when it
//! has fewer than `min_words_per_line` words, when it mentions "javascript" (`filter_javascript`)
//! or a cookie/terms-of-use phrase (`filter_policy`). Wikipedia-style citations (`[1]`,
//! `[edit]`, `[citation needed]`) are cut out of lines first (`remove_citations`). It **drops
//! the document** with:
//!
//! | reason | when |
//! |---|---|
//! | `lorem_ipsum` | a kept-so-far line contains "lorem ipsum" (`filter_lorem_ipsum`) |
//! | `curly_bracket` | a kept-so-far line contains `{` (`filter_curly_bracket`) |
//! | `too_few_sentences` | the kept lines hold fewer than `min_num_sentences` sentences |
//!
//! Otherwise the text becomes the kept lines joined by `\n` (the step reports `Modified` when
//! that changes it). In `annotate` mode the text is left unchanged.
//!
//! ## Why
//! C4's cleaning rules keep lines that read like sentences (Raffel et al. 2020, §2.2).
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "c4_quality"
//! filter_no_terminal_punct = false   # FineWeb's setting
//! ```

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Step, StepContext, WordCache};

use crate::common::{Measures, Mode, chars, finish};

/// Default of [`C4QualityConfig::split_paragraph`]: true (lines, as in C4).
pub const DEFAULT_SPLIT_PARAGRAPH: bool = true;
/// Default of [`C4QualityConfig::remove_citations`]: true (datatrove).
pub const DEFAULT_REMOVE_CITATIONS: bool = true;
/// Default of [`C4QualityConfig::filter_no_terminal_punct`]: true (C4 §2.2; FineWeb sets false).
pub const DEFAULT_FILTER_NO_TERMINAL_PUNCT: bool = true;
/// Default of [`C4QualityConfig::min_num_sentences`]: 5 (C4 §2.2).
pub const DEFAULT_MIN_NUM_SENTENCES: i64 = 5;
/// Default of [`C4QualityConfig::min_words_per_line`]: 3 (C4 §2.2).
pub const DEFAULT_MIN_WORDS_PER_LINE: i64 = 3;
/// Default of [`C4QualityConfig::max_word_length`]: 1000 characters (C4's reference code).
pub const DEFAULT_MAX_WORD_LENGTH: i64 = 1000;

/// Phrases that mark cookie banners and legal boilerplate lines (C4's reference code).
pub const POLICY_SUBSTRINGS: &[&str] = &[
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
];

/// Configuration of the `c4_quality` step (datatrove's `C4QualityFilter` arguments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct C4QualityConfig {
    /// Work on lines (true, C4's way). `false` (sentences) is not supported yet. Default true.
    pub split_paragraph: bool,
    /// Cut `[1]`, `[edit]`, `[citation needed]` out of lines. Default true (datatrove).
    pub remove_citations: bool,
    /// Remove lines that do not end in terminal punctuation. Default true (C4); FineWeb: false.
    pub filter_no_terminal_punct: bool,
    /// Minimum number of sentences (spaCy sentencizer) in the kept lines; -1 disables.
    /// Default 5 (C4 §2.2).
    pub min_num_sentences: i64,
    /// Remove lines with fewer whitespace-separated words; -1 disables. Default 3 (C4 §2.2).
    pub min_words_per_line: i64,
    /// Remove lines with a word longer than this many characters; -1 disables. Default 1000.
    pub max_word_length: i64,
    /// Drop documents containing "lorem ipsum". Default true (C4 §2.2).
    pub filter_lorem_ipsum: bool,
    /// Remove lines mentioning "javascript". Default true (C4 §2.2).
    pub filter_javascript: bool,
    /// Drop documents containing `{`. Default true (C4 §2.2).
    pub filter_curly_bracket: bool,
    /// Remove lines with cookie/terms-of-use phrases ([`POLICY_SUBSTRINGS`]). Default true.
    pub filter_policy: bool,
    /// `filter` (drop failing documents) or `annotate` (record the verdict). Default `filter`.
    pub mode: Mode,
}

impl Default for C4QualityConfig {
    fn default() -> Self {
        Self {
            split_paragraph: DEFAULT_SPLIT_PARAGRAPH,
            remove_citations: DEFAULT_REMOVE_CITATIONS,
            filter_no_terminal_punct: DEFAULT_FILTER_NO_TERMINAL_PUNCT,
            min_num_sentences: DEFAULT_MIN_NUM_SENTENCES,
            min_words_per_line: DEFAULT_MIN_WORDS_PER_LINE,
            max_word_length: DEFAULT_MAX_WORD_LENGTH,
            filter_lorem_ipsum: true,
            filter_javascript: true,
            filter_curly_bracket: true,
            filter_policy: true,
            mode: Mode::Filter,
        }
    }
}

impl C4QualityConfig {
    /// Validates the configuration and builds the step.
    pub fn build(&self) -> tamis_core::Result<C4QualityFilter> {
        if !self.split_paragraph {
            return Err(tamis_core::Error::config(
                "split_paragraph",
                "only true (line mode, C4's default) is supported",
            ));
        }
        for (field, v) in [
            ("min_num_sentences", self.min_num_sentences),
            ("min_words_per_line", self.min_words_per_line),
            ("max_word_length", self.max_word_length),
        ] {
            if v < -1 {
                return Err(tamis_core::Error::config(
                    field,
                    "must be >= 0, or -1 to disable",
                ));
            }
        }
        Ok(C4QualityFilter {
            config: self.clone(),
        })
    }
}

/// The `c4_quality` step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct C4QualityFilter {
    config: C4QualityConfig,
}

fn citation_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\[\d*\]|\[edit\]|\[citation needed\]").ok())
        .as_ref()
}

/// Phrases looked for in each line, in one pass: 0 = "lorem ipsum", 1 = "javascript",
/// 2.. = [`POLICY_SUBSTRINGS`].
fn phrases() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        let mut pats = vec!["lorem ipsum", "javascript"];
        pats.extend_from_slice(POLICY_SUBSTRINGS);
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(pats)
            .ok()
    })
    .as_ref()
}

/// Which phrases occur in `line` as Python's `phrase in line.lower()` sees them:
/// (lorem ipsum, javascript, a policy phrase).
fn find_phrases(line: &str) -> (bool, bool, bool) {
    // Lowercasing maps only two non-ASCII characters to ASCII letters (KELVIN SIGN → "k",
    // "İ" → "i̇"); anywhere else an ASCII-case-insensitive search on the raw line is exact.
    let lowered;
    let hay = if !line.is_ascii() && line.contains(['\u{212a}', '\u{130}']) {
        lowered = line.to_lowercase();
        lowered.as_str()
    } else {
        line
    };
    let (mut lorem, mut js, mut policy) = (false, false, false);
    if let Some(ac) = phrases() {
        for m in ac.find_overlapping_iter(hay) {
            match m.pattern().as_usize() {
                0 => lorem = true,
                1 => js = true,
                _ => policy = true,
            }
        }
    }
    (lorem, js, policy)
}

impl C4QualityFilter {
    /// The verdict and the kept text.
    fn verdict(
        &self,
        text: &str,
        cache: &mut WordCache,
        m: &mut Measures,
    ) -> (Result<bool, Reason>, String) {
        let c = &self.config;
        // Sentences are counted from the document's word ranges (split once, shared with the
        // other filters through the word cache) rather than by splitting every line again.
        let spans: &[(usize, usize)] = if c.min_num_sentences != -1 {
            cache.spans(
                tamis_text::WORD_SPANS_SPLITTER,
                text,
                tamis_text::word_spans,
            )
        } else {
            &[]
        };
        let base = text.as_ptr() as usize;
        let mut kept = String::with_capacity(text.len());
        let mut n_sentences = 0i64;
        let (mut lines_total, mut lines_kept) = (0usize, 0usize);
        for raw in tamis_text::split_lines_python(text) {
            lines_total += 1;
            let stripped = tamis_text::python_strip(raw);
            let mut n_words = 0i64;
            let mut too_long = false;
            for w in stripped
                .split(tamis_text::is_python_space)
                .filter(|w| !w.is_empty())
            {
                n_words += 1;
                if c.max_word_length != -1 && chars(w) as i64 > c.max_word_length {
                    too_long = true;
                }
            }
            if too_long {
                continue;
            }
            let cleaned;
            let line: &str = match (c.remove_citations, citation_regex()) {
                (true, Some(re)) if stripped.contains('[') => {
                    cleaned = re.replace_all(stripped, "");
                    &cleaned
                }
                _ => stripped,
            };
            if c.filter_no_terminal_punct
                && (!line.ends_with(['.', '?', '!', '"', '\'']) || line.ends_with("..."))
            {
                continue;
            }
            if n_words < c.min_words_per_line {
                continue;
            }
            let (lorem, js, policy) = find_phrases(line);
            if c.filter_lorem_ipsum && lorem {
                return (Err(Reason::new("lorem_ipsum")), String::new());
            }
            if c.filter_javascript && js {
                continue;
            }
            if c.filter_curly_bracket && line.contains('{') {
                return (Err(Reason::new("curly_bracket")), String::new());
            }
            if c.filter_policy && policy {
                continue;
            }
            if c.min_num_sentences != -1 {
                // `line` is a slice of `text` unless citation removal rewrote it.
                let start = (line.as_ptr() as usize).wrapping_sub(base);
                let n = if start <= text.len() && text.len() - start >= line.len() {
                    let end = start + line.len();
                    let lo = spans.partition_point(|s| s.0 < start);
                    let hi = spans.partition_point(|s| s.0 < end);
                    tamis_text::count_sentences_in_spans(
                        text,
                        spans.get(lo..hi).unwrap_or_default(),
                    )
                } else {
                    tamis_text::count_sentences(line)
                };
                n_sentences += n as i64;
            }
            if lines_kept > 0 {
                kept.push('\n');
            }
            kept.push_str(line);
            lines_kept += 1;
        }
        m.add("lines", lines_total as f64);
        m.add("lines_kept", lines_kept as f64);
        if c.min_num_sentences != -1 {
            m.add("sentences", n_sentences as f64);
        }
        if n_sentences < c.min_num_sentences {
            return (Err(Reason::new("too_few_sentences")), String::new());
        }
        let kept = tamis_text::python_strip(&kept).to_owned();
        let changed = kept != text;
        (Ok(changed), kept)
    }
}

impl Step for C4QualityFilter {
    fn name(&self) -> &'static str {
        "c4_quality"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let mut m = Measures::default();
        let (verdict, kept) = self.verdict(&doc.text, &mut ctx.words, &mut m);
        if self.config.mode == Mode::Filter && verdict == Ok(true) {
            doc.text = kept;
        }
        finish(self.name(), self.config.mode, doc, ctx, m, verdict)
    }
}
