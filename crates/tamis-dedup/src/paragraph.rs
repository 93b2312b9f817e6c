//! `paragraph_dedup`: paragraphs (or lines) already seen elsewhere in the corpus are removed.
//!
//! ## What it does
//! Splits each document into units (lines, or blank-line-separated paragraphs), hashes each
//! unit's trimmed text to 128 bits (XXH3-128) and removes every unit whose text occurred
//! earlier in the corpus, "earlier" meaning by `(shard, doc_index, position)`, so the result
//! is the same for any worker count or shard completion order. Repeats inside one document
//! are removed too. A document left with no text is dropped (`all_paragraphs_duplicate`)
//! unless `drop_empty` is false.
//!
//! Two methods:
//! * `exact` (default): a k-way sort-merge of the shards' hash files; exact, memory set by
//!   `observer_memory_mb` and `merge_buffer_mb`.
//! * `bloom`: Dolma's approach (a bloom filter of `bloom_size_bytes`, or sized from
//!   `bloom_expected_items` and `bloom_false_positive_rate`), filled in `(shard, doc_index,
//!   position)` order during the build; a false positive removes a unit that was new.
//!
//! ## Why
//! Navigation, cookie banners, signatures and syndicated paragraphs repeat across pages of a
//! crawl; Dolma removes them with paragraph-level dedup (Soldaini et al. 2024, arXiv:2402.00159,
//! §3.1.3).
//!
//! ## Memory (per million documents)
//! observe: 24 bytes per unit buffered (about 20 units per web page: 480 MB per million
//! documents on disk), capped by `observer_memory_mb`; build: `merge_buffer_mb` (exact) or
//! the bloom filter, plus the removed units (24 bytes each) buffered up to
//! `observer_memory_mb` and spilled, then written sorted per shard to
//! `paragraph_dedup.removed` next to the observation files; apply: the removed-unit lists of
//! at most `2 × cores` shards (8 bytes per removed unit of those shards), loaded lazily.
//!
//! ## Example
//! ```
//! use tamis_core::{CorpusStep, Document, Outcome, StepContext};
//! use tamis_dedup::ParagraphDedupConfig;
//!
//! let step = ParagraphDedupConfig::default().build()?;
//! let dir = tempfile::tempdir().map_err(|e| tamis_core::Error::io("tmp", e))?;
//! let docs = [Document::new("a", "Menu\nFirst story."), Document::new("b", "Menu\nSecond story.")];
//! let mut obs = step.observer();
//! docs.iter().for_each(|d| obs.observe(d));
//! let path = dir.path().join("00000.obs");
//! obs.save(&path)?;
//! let apply = step.build(&[path.as_path()])?;
//! let mut second = docs[1].clone();
//! let mut ctx = StepContext { shard: 0, doc_index: 1, ..Default::default() };
//! assert_eq!(apply.process(&mut second, &mut ctx), Outcome::Modified);
//! assert_eq!(second.text, "Second story.");
//! # Ok::<(), tamis_core::Error>(())
//! ```

use std::path::Path;
use std::sync::{Arc, Mutex};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{
    CorpusStep, Document, Error, Observer, Outcome, Reason, Result, Step, StepContext,
};

use crate::bloom::Bloom;
use crate::obsfile::{Collector, ObsFile, ShardMerge, fingerprint, open_all};

/// Default of [`ParagraphDedupConfig::unit`].
pub const DEFAULT_UNIT: ParagraphUnit = ParagraphUnit::Line;
/// Default of [`ParagraphDedupConfig::method`].
pub const DEFAULT_METHOD: ParagraphMethod = ParagraphMethod::Exact;
/// Default of [`ParagraphDedupConfig::min_chars`].
pub const DEFAULT_MIN_CHARS: usize = 0;
/// Default of [`ParagraphDedupConfig::drop_empty`].
pub const DEFAULT_DROP_EMPTY: bool = true;
/// Default of [`ParagraphDedupConfig::bloom_size_bytes`].
pub const DEFAULT_BLOOM_SIZE_BYTES: u64 = 0;
/// Default of [`ParagraphDedupConfig::bloom_expected_items`].
pub const DEFAULT_BLOOM_EXPECTED_ITEMS: u64 = 100_000_000;
/// Default of [`ParagraphDedupConfig::bloom_false_positive_rate`].
pub const DEFAULT_BLOOM_FALSE_POSITIVE_RATE: f64 = 0.001;
/// Default of [`ParagraphDedupConfig::observer_memory_mb`].
pub const DEFAULT_OBSERVER_MEMORY_MB: usize = 256;
/// Default of [`ParagraphDedupConfig::merge_buffer_mb`].
pub const DEFAULT_MERGE_BUFFER_MB: usize = 64;

/// Drop reason of a document whose every unit was a duplicate.
pub const ALL_PARAGRAPHS_DUPLICATE: Reason = Reason::new("all_paragraphs_duplicate");

/// Units are numbered in a document with 24 bits; later units are never removed.
const MAX_POSITION: u64 = (1 << 24) - 1;
/// Documents are numbered in a shard with 40 bits; later documents are never changed.
const MAX_DOC: u64 = (1 << 40) - 1;

/// What a unit of comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphUnit {
    /// A line (`\n`-separated): what Dolma calls a paragraph.
    Line,
    /// A block separated by two or more newlines (datatrove's `split_paragraphs`).
    Paragraph,
}

/// How "seen before" is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphMethod {
    /// Exact: sort-merge of 128-bit hashes.
    Exact,
    /// Bloom filter of fixed size (Dolma).
    Bloom,
}

/// Configuration of the `paragraph_dedup` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ParagraphDedupConfig {
    /// Unit: `line` (Dolma's "paragraph": one line) or `paragraph` (blank-line separated).
    /// Default `line` (Dolma).
    pub unit: ParagraphUnit,
    /// `exact` or `bloom`. Default `exact`.
    pub method: ParagraphMethod,
    /// Units whose trimmed text has fewer characters than this are never removed (nor
    /// counted). Default 0: every non-blank unit, as Dolma.
    pub min_chars: usize,
    /// Drop a document whose units were all removed (reason `all_paragraphs_duplicate`).
    /// Default true.
    pub drop_empty: bool,
    /// Bloom filter size in bytes; 0 derives it from `bloom_expected_items` and
    /// `bloom_false_positive_rate` (Dolma's `size_in_bytes`). Default 0.
    pub bloom_size_bytes: u64,
    /// Expected number of distinct units in the corpus (Dolma's `estimated_doc_count`, here
    /// per unit). Default 100,000,000 (180 MB at the default rate).
    pub bloom_expected_items: u64,
    /// Target false-positive rate of the bloom filter, in (0, 1). Default 0.001.
    pub bloom_false_positive_rate: f64,
    /// Memory for buffered records per shard in the observing stage, in MiB (24 bytes per
    /// unit); beyond it sorted runs spill to `tmp_dir`. Default 256.
    pub observer_memory_mb: usize,
    /// Read buffers of the merge in the build stage, in MiB. Default 64.
    pub merge_buffer_mb: usize,
    /// Directory for spill files. Default: the system temporary directory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tmp_dir: Option<String>,
}

impl Default for ParagraphDedupConfig {
    fn default() -> Self {
        Self {
            unit: DEFAULT_UNIT,
            method: DEFAULT_METHOD,
            min_chars: DEFAULT_MIN_CHARS,
            drop_empty: DEFAULT_DROP_EMPTY,
            bloom_size_bytes: DEFAULT_BLOOM_SIZE_BYTES,
            bloom_expected_items: DEFAULT_BLOOM_EXPECTED_ITEMS,
            bloom_false_positive_rate: DEFAULT_BLOOM_FALSE_POSITIVE_RATE,
            observer_memory_mb: DEFAULT_OBSERVER_MEMORY_MB,
            merge_buffer_mb: DEFAULT_MERGE_BUFFER_MB,
            tmp_dir: None,
        }
    }
}

impl ParagraphDedupConfig {
    /// Validates the configuration and builds the corpus step.
    pub fn build(&self) -> Result<ParagraphDedup> {
        if !(self.bloom_false_positive_rate > 0.0 && self.bloom_false_positive_rate < 1.0) {
            return Err(Error::config(
                "bloom_false_positive_rate",
                "must be in (0, 1)",
            ));
        }
        if self.bloom_expected_items == 0 {
            return Err(Error::config("bloom_expected_items", "must be at least 1"));
        }
        if self.bloom_size_bytes > (1 << 40) {
            return Err(Error::config("bloom_size_bytes", "must be at most 1 TiB"));
        }
        if self.observer_memory_mb == 0 {
            return Err(Error::config("observer_memory_mb", "must be at least 1"));
        }
        if self.merge_buffer_mb == 0 {
            return Err(Error::config("merge_buffer_mb", "must be at least 1"));
        }
        if let Some(dir) = &self.tmp_dir {
            if !Path::new(dir).is_dir() {
                return Err(Error::config(
                    "tmp_dir",
                    format!("{dir} is not a directory"),
                ));
            }
        }
        let kind = fingerprint(&[
            "paragraph_dedup/1",
            &format!("{:?}", self.unit),
            &format!("{:?}", self.method),
            &self.min_chars.to_string(),
        ]);
        Ok(ParagraphDedup {
            config: self.clone(),
            kind,
        })
    }

    /// Size of the bloom filter this config uses, in bytes.
    pub fn bloom_bytes(&self) -> u64 {
        if self.bloom_size_bytes > 0 {
            self.bloom_size_bytes
        } else {
            Bloom::bytes_for(self.bloom_expected_items, self.bloom_false_positive_rate)
        }
    }
}

/// The `paragraph_dedup` corpus step; see the [module docs](self).
pub struct ParagraphDedup {
    config: ParagraphDedupConfig,
    kind: u64,
}

/// Byte spans of the units of `text`, in order (blank units included, so positions are
/// stable).
fn unit_spans(text: &str, unit: ParagraphUnit, out: &mut Vec<(usize, usize)>) {
    out.clear();
    match unit {
        ParagraphUnit::Line => {
            let mut start = 0;
            for (i, b) in text.bytes().enumerate() {
                if b == b'\n' {
                    out.push((start, i));
                    start = i + 1;
                }
            }
            out.push((start, text.len()));
        }
        ParagraphUnit::Paragraph => {
            let bytes = text.as_bytes();
            let (mut start, mut i) = (0, 0);
            while i < bytes.len() {
                if bytes.get(i) == Some(&b'\n') && bytes.get(i + 1) == Some(&b'\n') {
                    let mut j = i;
                    while bytes.get(j) == Some(&b'\n') {
                        j += 1;
                    }
                    out.push((start, i));
                    start = j;
                    i = j;
                } else {
                    i += 1;
                }
            }
            out.push((start, text.len()));
        }
    }
}

/// The text of a unit as compared, or `None` if it is not counted.
fn unit_key(text: &str, span: (usize, usize), min_chars: usize) -> Option<&str> {
    let t = text.get(span.0..span.1)?.trim();
    if t.is_empty() || (min_chars > 0 && t.chars().count() < min_chars) {
        None
    } else {
        Some(t)
    }
}

impl ParagraphDedup {
    /// Builds the applying step with its concrete type.
    ///
    /// The removed units are written, sorted per shard, to `paragraph_dedup.removed` next to
    /// the first observation file (spilling beyond `observer_memory_mb`), and the applying
    /// step loads one shard's list when it first meets that shard.
    pub fn build_filter(&self, observations: &[&Path]) -> Result<ParagraphDedupFilter> {
        let files = open_all(observations, self.kind, 1)?;
        let Some(first) = observations.first() else {
            return Ok(ParagraphDedupFilter::empty(self.config.clone()));
        };
        let mut out = Collector::with_budget(
            self.removed_kind(),
            files.len(),
            true,
            self.config.observer_memory_mb,
            self.config.tmp_dir.as_ref(),
        );
        match self.config.method {
            ParagraphMethod::Exact => {
                let mut merge = ShardMerge::new(&files, 0, self.config.merge_buffer_mb << 20)?;
                let mut prev: Option<(u64, u64)> = None;
                while let Some(([k0, k1, payload], shard)) = merge.next()? {
                    if prev == Some((k0, k1)) {
                        out.push(shard, [payload, 0, 0]);
                    }
                    prev = Some((k0, k1));
                }
            }
            ParagraphMethod::Bloom => {
                let mut bloom =
                    Bloom::new(self.config.bloom_bytes(), self.config.bloom_expected_items);
                log::info!(
                    "paragraph_dedup: bloom filter of {} bytes, {} probes",
                    self.config.bloom_bytes(),
                    bloom.probes()
                );
                for (shard, f) in files.iter().enumerate() {
                    let mut reader = f.section(0, 1 << 20)?;
                    while let Some([k0, k1, payload]) = reader.next()? {
                        if bloom.check_and_insert(k0, k1) {
                            out.push(shard, [payload, 0, 0]);
                        }
                    }
                }
            }
        }
        let dir = first.parent().unwrap_or(Path::new("."));
        let path = dir.join("paragraph_dedup.removed");
        out.save(&path)?;
        let removed = ObsFile::open(&path, self.removed_kind(), files.len())?;
        log::info!(
            "paragraph_dedup: {} units to remove ({})",
            removed.total_records(),
            path.display()
        );
        Ok(ParagraphDedupFilter {
            config: self.config.clone(),
            removed: Some(removed),
            cache: Mutex::new(Vec::new()),
            cache_shards: std::thread::available_parallelism()
                .map_or(4, |n| 2 * n.get())
                .max(4),
        })
    }

    fn removed_kind(&self) -> u64 {
        self.kind ^ 0x5245_4d4f_5645_4421
    }
}

impl CorpusStep for ParagraphDedup {
    fn name(&self) -> &'static str {
        "paragraph_dedup"
    }

    fn observer(&self) -> Box<dyn Observer> {
        let sorted = self.config.method == ParagraphMethod::Exact;
        Box::new(ParagraphObserver {
            config: self.config.clone(),
            collector: Collector::with_budget(
                self.kind,
                1,
                sorted,
                self.config.observer_memory_mb,
                self.config.tmp_dir.as_ref(),
            ),
            spans: Vec::new(),
            index: 0,
        })
    }

    fn build(&self, observations: &[&Path]) -> Result<Box<dyn Step>> {
        Ok(Box::new(self.build_filter(observations)?))
    }
}

struct ParagraphObserver {
    config: ParagraphDedupConfig,
    collector: Collector,
    spans: Vec<(usize, usize)>,
    index: u64,
}

impl Observer for ParagraphObserver {
    fn observe(&mut self, doc: &Document) {
        let index = self.index;
        self.index += 1;
        self.collector.add_doc();
        if index > MAX_DOC {
            return;
        }
        unit_spans(&doc.text, self.config.unit, &mut self.spans);
        for (pos, &span) in self
            .spans
            .iter()
            .enumerate()
            .take(MAX_POSITION as usize + 1)
        {
            if let Some(key) = unit_key(&doc.text, span, self.config.min_chars) {
                let h = xxhash_rust::xxh3::xxh3_128(key.as_bytes());
                self.collector
                    .push(0, [(h >> 64) as u64, h as u64, (index << 24) | pos as u64]);
            }
        }
    }

    fn save(self: Box<Self>, path: &Path) -> Result<()> {
        self.collector.save(path)
    }
}

/// The applying step of `paragraph_dedup`: removes the units the build stage marked.
///
/// Holds in memory the removed-unit lists (8 bytes per removed unit) of at most
/// `2 × available cores` shards at a time, loading a shard's list from the build stage's file
/// the first time it meets a document of that shard. Records `units_removed` for every
/// document that had a removed unit.
pub struct ParagraphDedupFilter {
    config: ParagraphDedupConfig,
    removed: Option<ObsFile>,
    cache: Mutex<Vec<(usize, Arc<Vec<u64>>)>>,
    cache_shards: usize,
}

impl ParagraphDedupFilter {
    fn empty(config: ParagraphDedupConfig) -> Self {
        Self {
            config,
            removed: None,
            cache: Mutex::new(Vec::new()),
            cache_shards: 1,
        }
    }

    /// Number of units this step removes over the whole corpus.
    pub fn removed_count(&self) -> u64 {
        self.removed.as_ref().map_or(0, ObsFile::total_records)
    }

    /// The sorted removed list (`doc_index << 24 | position`) of one shard, from the cache or
    /// the file; empty if it cannot be read (logged).
    fn shard_list(&self, shard: usize) -> Arc<Vec<u64>> {
        let Some(file) = &self.removed else {
            return Arc::new(Vec::new());
        };
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(i) = cache.iter().position(|(s, _)| *s == shard) {
            let entry = cache.remove(i);
            let list = Arc::clone(&entry.1);
            cache.push(entry);
            return list;
        }
        let mut list = Vec::new();
        let loaded = file.section(shard, 1 << 16).and_then(|mut r| {
            while let Some([payload, _, _]) = r.next()? {
                list.push(payload);
            }
            Ok(())
        });
        if let Err(e) = loaded {
            log::error!(
                "paragraph_dedup: cannot load the removed units of shard {shard}: {e}; keeping its text"
            );
            list.clear();
        }
        let list = Arc::new(list);
        if cache.len() >= self.cache_shards {
            cache.remove(0);
        }
        cache.push((shard, Arc::clone(&list)));
        list
    }
}

impl Step for ParagraphDedupFilter {
    fn name(&self) -> &'static str {
        "paragraph_dedup"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        if ctx.doc_index > MAX_DOC || self.removed.is_none() {
            return Outcome::Keep;
        }
        let list = self.shard_list(ctx.shard);
        let lo = ctx.doc_index << 24;
        let start = list.partition_point(|&v| v < lo);
        let positions: Vec<u64> = list
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&v| v >> 24 == ctx.doc_index)
            .map(|&v| v & MAX_POSITION)
            .collect();
        if positions.is_empty() {
            return Outcome::Keep;
        }
        let mut spans = Vec::new();
        unit_spans(&doc.text, self.config.unit, &mut spans);
        let mut out = String::with_capacity(doc.text.len());
        let mut first = true;
        let mut prev_end = 0;
        let mut removed = 0usize;
        for (pos, &(s, e)) in spans.iter().enumerate() {
            let gap = doc.text.get(prev_end..s).unwrap_or_default();
            prev_end = e;
            if positions.binary_search(&(pos as u64)).is_ok() {
                removed += 1;
                continue;
            }
            if !first {
                out.push_str(gap);
            }
            first = false;
            out.push_str(doc.text.get(s..e).unwrap_or_default());
        }
        ctx.record("units_removed", removed as f64);
        if removed == 0 {
            return Outcome::Keep;
        }
        if self.config.drop_empty && out.trim().is_empty() {
            return Outcome::Drop(ALL_PARAGRAPHS_DUPLICATE);
        }
        doc.text = out;
        Outcome::Modified
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_units() {
        let mut v = Vec::new();
        unit_spans("a\nb\n\nc", ParagraphUnit::Line, &mut v);
        assert_eq!(v, [(0, 1), (2, 3), (4, 4), (5, 6)]);
        unit_spans("a\nb\n\n\nc", ParagraphUnit::Paragraph, &mut v);
        assert_eq!(v, [(0, 3), (6, 7)]);
        unit_spans("", ParagraphUnit::Paragraph, &mut v);
        assert_eq!(v, [(0, 0)]);
    }

    #[test]
    fn lists_are_reloaded_after_eviction() {
        let step = ParagraphDedupConfig::default().build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let shards = [["same line", "a"], ["same line", "b"], ["same line", "c"]];
        let mut paths = Vec::new();
        for (i, docs) in shards.iter().enumerate() {
            let mut obs = step.observer();
            for t in docs {
                obs.observe(&Document::new("x", *t));
            }
            let p = dir.path().join(format!("{i:05}.obs"));
            obs.save(&p).unwrap();
            paths.push(p);
        }
        let refs: Vec<&Path> = paths.iter().map(std::path::PathBuf::as_path).collect();
        let mut f = step.build_filter(&refs).unwrap();
        f.cache_shards = 1;
        assert_eq!(f.removed_count(), 2);
        for round in 0..2 {
            for shard in [2, 0, 1] {
                let mut d = Document::new("x", "same line");
                let mut ctx = StepContext {
                    shard,
                    doc_index: 0,
                    ..StepContext::default()
                };
                let expected = if shard == 0 {
                    Outcome::Keep
                } else {
                    Outcome::Drop(ALL_PARAGRAPHS_DUPLICATE)
                };
                assert_eq!(
                    f.process(&mut d, &mut ctx),
                    expected,
                    "round {round} shard {shard}"
                );
            }
        }
        assert!(dir.path().join("paragraph_dedup.removed").is_file());
    }

    #[test]
    fn invalid_config_names_the_field() {
        let c = ParagraphDedupConfig {
            bloom_false_positive_rate: 1.5,
            ..Default::default()
        };
        assert!(
            matches!(c.build(), Err(Error::Config { location, .. }) if location == "bloom_false_positive_rate")
        );
        let c = ParagraphDedupConfig {
            bloom_expected_items: 0,
            ..Default::default()
        };
        assert!(
            matches!(c.build(), Err(Error::Config { location, .. }) if location == "bloom_expected_items")
        );
    }
}
