//! `gopher_repetition`: Gopher's repetition heuristics (Rae et al. 2021, arXiv:2112.11446,
//! App. A, Table A1).
//!
//! ## What it does
//! Drops the document when, in this order (first failing check wins, as in datatrove's
//! `GopherRepetitionFilter`):
//!
//! | reason | check |
//! |---|---|
//! | `empty` | the text is empty |
//! | `dup_para_frac` | share of paragraphs (split at 2+ newlines) that repeat an earlier one > `dup_para_frac` |
//! | `dup_para_char_frac` | characters in repeated paragraphs / text characters > `dup_para_char_frac` |
//! | `dup_line_frac` | share of lines that repeat an earlier one > `dup_line_frac` |
//! | `dup_line_char_frac` | characters in repeated lines / text characters > `dup_line_char_frac` |
//! | `top_{n}_gram` | characters covered by the most frequent word n-gram > its threshold |
//! | `duplicated_{n}_n_grams` | characters in word n-grams seen before > its threshold |
//!
//! ## Why
//! Repetitive pages (boilerplate, spam, generated lists) hurt language models (Gopher, App. A).
//!
//! A fraction of 0 disables its check.
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "gopher_repetition"
//! top_n_grams = [[2, 0.2], [3, 0.18], [4, 0.16]]
//! ```

use std::collections::HashMap;
use std::collections::HashSet;
use std::hash::Hasher;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Step, StepContext, WordCache};

use crate::common::{Measures, Mode, chars, check_fraction, finish};

/// Default of [`GopherRepetitionConfig::dup_line_frac`]: 0.3 (Gopher Table A1).
pub const DEFAULT_DUP_LINE_FRAC: f64 = 0.3;
/// Default of [`GopherRepetitionConfig::dup_para_frac`]: 0.3 (Gopher Table A1).
pub const DEFAULT_DUP_PARA_FRAC: f64 = 0.3;
/// Default of [`GopherRepetitionConfig::dup_line_char_frac`]: 0.2 (Gopher Table A1).
pub const DEFAULT_DUP_LINE_CHAR_FRAC: f64 = 0.2;
/// Default of [`GopherRepetitionConfig::dup_para_char_frac`]: 0.2 (Gopher Table A1).
pub const DEFAULT_DUP_PARA_CHAR_FRAC: f64 = 0.2;
/// Default of [`GopherRepetitionConfig::top_n_grams`] (Gopher Table A1).
pub const DEFAULT_TOP_N_GRAMS: &[(usize, f64)] = &[(2, 0.2), (3, 0.18), (4, 0.16)];
/// Default of [`GopherRepetitionConfig::dup_n_grams`] (Gopher Table A1).
pub const DEFAULT_DUP_N_GRAMS: &[(usize, f64)] = &[
    (5, 0.15),
    (6, 0.14),
    (7, 0.13),
    (8, 0.12),
    (9, 0.11),
    (10, 0.10),
];

/// Configuration of the `gopher_repetition` step (datatrove's `GopherRepetitionFilter`
/// arguments). Fractions are of the text's characters or of its lines/paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct GopherRepetitionConfig {
    /// Maximum share of lines that duplicate an earlier line. Default 0.3 (Gopher Table A1).
    pub dup_line_frac: f64,
    /// Maximum share of paragraphs that duplicate an earlier one. Default 0.3 (Gopher Table A1).
    pub dup_para_frac: f64,
    /// Maximum share of characters in duplicate lines. Default 0.2 (Gopher Table A1).
    pub dup_line_char_frac: f64,
    /// Maximum share of characters in duplicate paragraphs. Default 0.2 (Gopher Table A1).
    pub dup_para_char_frac: f64,
    /// `[n, max_fraction]` pairs: the most frequent word n-gram may cover at most this share of
    /// the characters. Default `[[2, 0.2], [3, 0.18], [4, 0.16]]` (Gopher Table A1).
    pub top_n_grams: Vec<(usize, f64)>,
    /// `[n, max_fraction]` pairs: word n-grams seen before may cover at most this share of the
    /// characters. Default n = 5..10 with 0.15 down to 0.10 (Gopher Table A1).
    pub dup_n_grams: Vec<(usize, f64)>,
    /// `filter` (drop failing documents) or `annotate` (record the verdict). Default `filter`.
    pub mode: Mode,
}

impl Default for GopherRepetitionConfig {
    fn default() -> Self {
        Self {
            dup_line_frac: DEFAULT_DUP_LINE_FRAC,
            dup_para_frac: DEFAULT_DUP_PARA_FRAC,
            dup_line_char_frac: DEFAULT_DUP_LINE_CHAR_FRAC,
            dup_para_char_frac: DEFAULT_DUP_PARA_CHAR_FRAC,
            top_n_grams: DEFAULT_TOP_N_GRAMS.to_vec(),
            dup_n_grams: DEFAULT_DUP_N_GRAMS.to_vec(),
            mode: Mode::Filter,
        }
    }
}

fn leak(s: String) -> &'static str {
    // Once per configured n at build time: bounded, and reasons must be 'static.
    Box::leak(s.into_boxed_str())
}

impl GopherRepetitionConfig {
    /// Validates the configuration and builds the step.
    pub fn build(&self) -> tamis_core::Result<GopherRepetitionFilter> {
        check_fraction("dup_line_frac", self.dup_line_frac)?;
        check_fraction("dup_para_frac", self.dup_para_frac)?;
        check_fraction("dup_line_char_frac", self.dup_line_char_frac)?;
        check_fraction("dup_para_char_frac", self.dup_para_char_frac)?;
        let mut top = Vec::new();
        for &(n, frac) in &self.top_n_grams {
            check_fraction("top_n_grams", frac)?;
            if n == 0 || n > 100 {
                return Err(tamis_core::Error::config(
                    "top_n_grams",
                    "n must be in 1..=100",
                ));
            }
            top.push((
                n,
                frac,
                Reason::new(leak(format!("top_{n}_gram"))),
                leak(format!("top_{n}_gram_frac")),
            ));
        }
        let mut dup = Vec::new();
        for &(n, frac) in &self.dup_n_grams {
            check_fraction("dup_n_grams", frac)?;
            if n == 0 || n > 100 {
                return Err(tamis_core::Error::config(
                    "dup_n_grams",
                    "n must be in 1..=100",
                ));
            }
            dup.push((
                n,
                frac,
                Reason::new(leak(format!("duplicated_{n}_n_grams"))),
                leak(format!("duplicated_{n}_n_grams_frac")),
            ));
        }
        Ok(GopherRepetitionFilter {
            config: self.clone(),
            top,
            dup,
        })
    }
}

type Check = (usize, f64, Reason, &'static str);

/// The `gopher_repetition` step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct GopherRepetitionFilter {
    config: GopherRepetitionConfig,
    top: Vec<Check>,
    dup: Vec<Check>,
}

/// datatrove's `find_duplicates`: (elements equal to an earlier one, their characters).
fn find_duplicates<'a>(items: impl Iterator<Item = &'a str>) -> (usize, usize, usize) {
    let mut seen: HashSet<&str, ahash::RandomState> = HashSet::default();
    let (mut total, mut dup, mut dup_chars) = (0, 0, 0);
    for item in items {
        total += 1;
        if !seen.insert(item) {
            dup += 1;
            dup_chars += chars(item);
        }
    }
    (total, dup, dup_chars)
}

/// Python's `re.split("\n+", text)`.
fn split_newline_runs(text: &str) -> impl Iterator<Item = &str> {
    let pieces: Vec<&str> = text.split('\n').collect();
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_iter()
        .enumerate()
        .filter(move |(i, p)| !p.is_empty() || *i == 0 || *i == last)
        .map(|(_, p)| p)
}

/// Polynomial hash base for n-gram keys (odd, so powers never vanish modulo 2^64).
const BASE: u64 = 0x100_0000_01b3;

/// Inverse of an odd number modulo 2^64 (Newton's iteration).
const fn inverse(b: u64) -> u64 {
    let mut x = b;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(b.wrapping_mul(x)));
        i += 1;
    }
    x
}

const INV_BASE: u64 = inverse(BASE);

/// Prefix hashes of the words, so that the hash of any run of words, joined with or without
/// a space, costs O(1): polynomial hashes of the exact strings datatrove builds, so equal
/// strings always give equal keys.
struct WordHashes {
    /// `cat[k]`: hash of `w0 + w1 + ... + w(k-1)`; `cat_pow[k]`/`cat_inv[k]`: BASE^bytes and its inverse.
    cat: Vec<u64>,
    cat_pow: Vec<u64>,
    cat_inv: Vec<u64>,
    /// Same over `w0 + " " + w1 + ...`: `sp_end[k]` ends after word k-1, `sp_start[k]` is
    /// where word k starts (after its space).
    sp_end: Vec<u64>,
    sp_end_pow: Vec<u64>,
    sp_start: Vec<u64>,
    sp_start_inv: Vec<u64>,
    /// Prefix sums of word lengths in characters.
    chars: Vec<usize>,
}

impl WordHashes {
    fn new(words: &[&str]) -> Self {
        let n = words.len() + 1;
        let mut t = Self {
            cat: Vec::with_capacity(n),
            cat_pow: Vec::with_capacity(n),
            cat_inv: Vec::with_capacity(n),
            sp_end: Vec::with_capacity(n),
            sp_end_pow: Vec::with_capacity(n),
            sp_start: Vec::with_capacity(n),
            sp_start_inv: Vec::with_capacity(n),
            chars: Vec::with_capacity(n),
        };
        let (mut h, mut p, mut ip) = (0u64, 1u64, 1u64);
        let (mut sh, mut sp, mut sip) = (0u64, 1u64, 1u64);
        let mut c = 0usize;
        for (k, w) in words.iter().enumerate() {
            t.cat.push(h);
            t.cat_pow.push(p);
            t.cat_inv.push(ip);
            t.sp_end.push(sh);
            t.sp_end_pow.push(sp);
            if k > 0 {
                sh = sh.wrapping_mul(BASE).wrapping_add(u64::from(b' ') + 1);
                sp = sp.wrapping_mul(BASE);
                sip = sip.wrapping_mul(INV_BASE);
            }
            t.sp_start.push(sh);
            t.sp_start_inv.push(sip);
            t.chars.push(c);
            for &b in w.as_bytes() {
                let v = u64::from(b) + 1;
                h = h.wrapping_mul(BASE).wrapping_add(v);
                p = p.wrapping_mul(BASE);
                ip = ip.wrapping_mul(INV_BASE);
                sh = sh.wrapping_mul(BASE).wrapping_add(v);
                sp = sp.wrapping_mul(BASE);
                sip = sip.wrapping_mul(INV_BASE);
            }
            c += chars(w);
        }
        t.cat.push(h);
        t.cat_pow.push(p);
        t.cat_inv.push(ip);
        t.sp_end.push(sh);
        t.sp_end_pow.push(sp);
        t.sp_start.push(sh);
        t.sp_start_inv.push(sip);
        t.chars.push(c);
        t
    }

    fn len(&self) -> usize {
        self.chars.len().saturating_sub(1)
    }

    /// Key of the words `i..i + n` joined by a space (`spaced`) or by nothing.
    fn key(&self, i: usize, n: usize, spaced: bool) -> u64 {
        let j = i + n;
        let g = |v: &Vec<u64>, k: usize| v.get(k).copied().unwrap_or(0);
        let h = if spaced {
            let pow = g(&self.sp_end_pow, j).wrapping_mul(g(&self.sp_start_inv, i));
            g(&self.sp_end, j).wrapping_sub(g(&self.sp_start, i).wrapping_mul(pow))
        } else {
            let pow = g(&self.cat_pow, j).wrapping_mul(g(&self.cat_inv, i));
            g(&self.cat, j).wrapping_sub(g(&self.cat, i).wrapping_mul(pow))
        };
        mix(h ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    fn chars(&self, i: usize, n: usize) -> usize {
        let g = |k: usize| self.chars.get(k).copied().unwrap_or(0);
        g(i + n).saturating_sub(g(i))
    }
}

/// splitmix64 finaliser, so the identity hasher below sees well-spread keys.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type Identity = std::hash::BuildHasherDefault<IdentityHasher>;

/// Characters covered by the most frequent n-gram (joined with spaces), ties going to the
/// n-gram seen first, as `Counter.most_common(1)` does.
fn top_ngram_chars(
    words: &WordHashes,
    n: usize,
    counts: &mut HashMap<u64, (u32, u32), Identity>,
) -> Option<usize> {
    let len = words.len();
    if len < n {
        return None;
    }
    counts.clear();
    for i in 0..=len - n {
        let e = counts.entry(words.key(i, n, true)).or_insert((0, i as u32));
        e.0 += 1;
    }
    let (best_first, best_count) = counts
        .values()
        .map(|&(count, first)| (first as usize, count as usize))
        .min_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)))?;
    Some((words.chars(best_first, n) + n - 1) * best_count)
}

/// datatrove's `find_all_duplicate`: characters of n-grams (joined without spaces) that were
/// seen before, skipping n words after each repeat.
fn all_duplicate_chars(words: &WordHashes, n: usize, seen: &mut HashSet<u64, Identity>) -> usize {
    seen.clear();
    let len = words.len();
    let mut repeated = 0usize;
    let mut idx = 0usize;
    while idx + n <= len {
        if seen.insert(words.key(idx, n, false)) {
            idx += 1;
        } else {
            repeated += words.chars(idx, n);
            idx += n;
        }
    }
    repeated
}

impl GopherRepetitionFilter {
    fn verdict(&self, text: &str, cache: &mut WordCache, m: &mut Measures) -> Result<bool, Reason> {
        let c = &self.config;
        if text.is_empty() {
            return Err(Reason::new("empty"));
        }
        let text_chars = chars(text) as f64;
        let paragraphs = tamis_text::split_paragraphs(tamis_text::python_strip(text));
        let (n_para, dup_para, dup_para_chars) = find_duplicates(paragraphs.into_iter());
        if c.dup_para_frac != 0.0
            && m.add("dup_para_frac", dup_para as f64 / n_para as f64) > c.dup_para_frac
        {
            return Err(Reason::new("dup_para_frac"));
        }
        if c.dup_para_char_frac != 0.0
            && m.add("dup_para_char_frac", dup_para_chars as f64 / text_chars)
                > c.dup_para_char_frac
        {
            return Err(Reason::new("dup_para_char_frac"));
        }
        let (n_lines, dup_lines, dup_line_chars) = find_duplicates(split_newline_runs(text));
        if c.dup_line_frac != 0.0
            && m.add("dup_line_frac", dup_lines as f64 / n_lines as f64) > c.dup_line_frac
        {
            return Err(Reason::new("dup_line_frac"));
        }
        if c.dup_line_char_frac != 0.0
            && m.add("dup_line_char_frac", dup_line_chars as f64 / text_chars)
                > c.dup_line_char_frac
        {
            return Err(Reason::new("dup_line_char_frac"));
        }
        if self.top.is_empty() && self.dup.is_empty() {
            return Ok(false);
        }
        let spans = cache.spans(
            tamis_text::WORD_SPANS_SPLITTER,
            text,
            tamis_text::word_spans,
        );
        let words: Vec<&str> = spans.iter().filter_map(|&(a, b)| text.get(a..b)).collect();
        let words = WordHashes::new(&words);
        let mut counts = HashMap::with_capacity_and_hasher(words.len(), Identity::default());
        for &(n, frac, reason, metric) in &self.top {
            let top = top_ngram_chars(&words, n, &mut counts);
            if top.is_some_and(|top| m.add(metric, top as f64 / text_chars) > frac) {
                return Err(reason);
            }
        }
        let mut seen = HashSet::with_capacity_and_hasher(words.len(), Identity::default());
        for &(n, frac, reason, metric) in &self.dup {
            let dup = all_duplicate_chars(&words, n, &mut seen);
            if m.add(metric, dup as f64 / text_chars) > frac {
                return Err(reason);
            }
        }
        Ok(false)
    }
}

impl Step for GopherRepetitionFilter {
    fn name(&self) -> &'static str {
        "gopher_repetition"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let mut m = Measures::default();
        let verdict = self.verdict(&doc.text, &mut ctx.words, &mut m);
        finish(self.name(), self.config.mode, doc, ctx, m, verdict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The O(1) keys equal direct hashes of the joined strings.
    #[test]
    fn prefix_keys_are_hashes_of_joined_strings() {
        let words = ["ab", "c", "a", "bc", "ab", "c", "x", "ab", "c"];
        let h = WordHashes::new(&words);
        let direct = |s: &str, n: usize| {
            let mut v = 0u64;
            for &b in s.as_bytes() {
                v = v.wrapping_mul(BASE).wrapping_add(u64::from(b) + 1);
            }
            mix(v ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        };
        for n in 1..=4 {
            for i in 0..=words.len() - n {
                assert_eq!(h.key(i, n, false), direct(&words[i..i + n].concat(), n));
                assert_eq!(h.key(i, n, true), direct(&words[i..i + n].join(" "), n));
            }
        }
        // "ab"+"c" and "a"+"bc" are the same string without spaces, different with them.
        assert_eq!(h.key(0, 2, false), h.key(2, 2, false));
        assert_ne!(h.key(0, 2, true), h.key(2, 2, true));
        assert_eq!(h.chars(1, 3), 4);
    }
}
