//! `exact_dedup`: documents with identical normalised text keep one.
//!
//! ## What it does
//! Hashes each document's normalised text (and, with `include_url`, its URL) to 128 bits
//! (XXH3-128). Among documents with the same hash, the first by `(shard, doc_index)` is kept
//! and the others are dropped with reason `exact_duplicate`, so the result does not depend on
//! the number of workers. Documents whose normalised text is empty are never removed.
//!
//! ## Why
//! Crawls hold many byte-identical pages (mirrors, recrawls, syndicated copies); exact
//! matching is cheap and removes them before the costlier near-duplicate stage.
//!
//! ## Memory (per million documents)
//! observe: 24 bytes per buffered document (24 MB per million), capped by
//! `observer_memory_mb`, and the same on disk; build: `merge_buffer_mb` of read buffers and
//! the removed bitset (0.125 MB per million); apply: the bitset.
//!
//! ## Example
//! See the [crate documentation](crate).

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{
    CorpusStep, Document, Error, Observer, Outcome, Reason, Result, Step, StepContext,
};

use crate::normalize::{normalize_whitespace, simplify_text};
use crate::obsfile::{Collector, ShardMerge, fingerprint, open_all};
use crate::removed::RemovedSet;

/// Default of [`ExactDedupConfig::normalization`].
pub const DEFAULT_NORMALIZATION: TextNormalization = TextNormalization::Whitespace;
/// Default of [`ExactDedupConfig::include_url`].
pub const DEFAULT_INCLUDE_URL: bool = false;
/// Default of [`ExactDedupConfig::url_key`].
pub const DEFAULT_URL_KEY: &str = "url";
/// Default of [`ExactDedupConfig::observer_memory_mb`].
pub const DEFAULT_OBSERVER_MEMORY_MB: usize = 128;
/// Default of [`ExactDedupConfig::merge_buffer_mb`].
pub const DEFAULT_MERGE_BUFFER_MB: usize = 64;

/// Drop reason of an exact duplicate.
pub const EXACT_DUPLICATE: Reason = Reason::new("exact_duplicate");

/// How text is normalised before it is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextNormalization {
    /// Byte-identical text.
    None,
    /// Whitespace stripped at both ends and collapsed inside ([`crate::normalize_whitespace`]).
    Whitespace,
    /// datatrove's `simplify_text` ([`crate::simplify_text`]): also lowercase, numbers → 0,
    /// punctuation removed, diacritics removed.
    Simplify,
}

/// Configuration of the `exact_dedup` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ExactDedupConfig {
    /// Normalisation before hashing: `none`, `whitespace` or `simplify`. Default `whitespace`
    /// (our choice: layout-only differences are duplicates, wording and numbers are not).
    pub normalization: TextNormalization,
    /// Whether the URL (metadata `url_key`) is part of the identity, so the same text under
    /// two URLs is kept twice. Default false.
    pub include_url: bool,
    /// Metadata key of the URL. Default `url`.
    pub url_key: String,
    /// Memory for buffered records per shard in the observing stage, in MiB (24 bytes per
    /// document); beyond it sorted runs spill to `tmp_dir`. Default 128.
    pub observer_memory_mb: usize,
    /// Read buffers of the merge in the build stage, in MiB. Default 64.
    pub merge_buffer_mb: usize,
    /// Directory for spill files. Default: the system temporary directory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tmp_dir: Option<String>,
}

impl Default for ExactDedupConfig {
    fn default() -> Self {
        Self {
            normalization: DEFAULT_NORMALIZATION,
            include_url: DEFAULT_INCLUDE_URL,
            url_key: DEFAULT_URL_KEY.to_owned(),
            observer_memory_mb: DEFAULT_OBSERVER_MEMORY_MB,
            merge_buffer_mb: DEFAULT_MERGE_BUFFER_MB,
            tmp_dir: None,
        }
    }
}

impl ExactDedupConfig {
    /// Validates the configuration and builds the corpus step.
    pub fn build(&self) -> Result<ExactDedup> {
        if self.observer_memory_mb == 0 {
            return Err(Error::config("observer_memory_mb", "must be at least 1"));
        }
        if self.merge_buffer_mb == 0 {
            return Err(Error::config("merge_buffer_mb", "must be at least 1"));
        }
        if self.include_url && self.url_key.is_empty() {
            return Err(Error::config(
                "url_key",
                "must not be empty when include_url is true",
            ));
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
            "exact_dedup/1",
            &format!("{:?}", self.normalization),
            &self.include_url.to_string(),
            &self.url_key,
        ]);
        Ok(ExactDedup {
            config: self.clone(),
            kind,
        })
    }
}

/// The `exact_dedup` corpus step; see the [module docs](self).
pub struct ExactDedup {
    config: ExactDedupConfig,
    kind: u64,
}

impl ExactDedup {
    /// Builds the applying step with its concrete type.
    pub fn build_filter(&self, observations: &[&Path]) -> Result<ExactDedupFilter> {
        let files = open_all(observations, self.kind, 1)?;
        let docs: Vec<u64> = files.iter().map(|f| f.docs).collect();
        let mut removed = RemovedSet::new(&docs);
        let mut merge = ShardMerge::new(&files, 0, self.config.merge_buffer_mb << 20)?;
        let mut prev: Option<(u64, u64)> = None;
        while let Some(([k0, k1, doc], shard)) = merge.next()? {
            if prev == Some((k0, k1)) {
                removed.insert(shard, doc);
            }
            prev = Some((k0, k1));
        }
        log::info!(
            "exact_dedup: {} documents, {} removed",
            docs.iter().sum::<u64>(),
            removed.len()
        );
        Ok(ExactDedupFilter { removed })
    }
}

impl CorpusStep for ExactDedup {
    fn name(&self) -> &'static str {
        "exact_dedup"
    }

    fn observer(&self) -> Box<dyn Observer> {
        Box::new(ExactObserver {
            config: self.config.clone(),
            collector: Collector::with_budget(
                self.kind,
                1,
                true,
                self.config.observer_memory_mb,
                self.config.tmp_dir.as_ref(),
            ),
            buf: String::new(),
            index: 0,
        })
    }

    fn build(&self, observations: &[&Path]) -> Result<Box<dyn Step>> {
        Ok(Box::new(self.build_filter(observations)?))
    }
}

struct ExactObserver {
    config: ExactDedupConfig,
    collector: Collector,
    buf: String,
    index: u64,
}

impl Observer for ExactObserver {
    fn observe(&mut self, doc: &Document) {
        let index = self.index;
        self.index += 1;
        self.collector.add_doc();
        let text: &str = match self.config.normalization {
            TextNormalization::None => &doc.text,
            TextNormalization::Whitespace => {
                normalize_whitespace(&doc.text, &mut self.buf);
                &self.buf
            }
            TextNormalization::Simplify => {
                simplify_text(&doc.text, &mut self.buf);
                &self.buf
            }
        };
        if text.is_empty() {
            return;
        }
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(text.as_bytes());
        if self.config.include_url {
            // A separator byte that never occurs in UTF-8 text keeps (text, url) unambiguous.
            hasher.update(&[0xff]);
            hasher.update(
                doc.meta_str(&self.config.url_key)
                    .unwrap_or_default()
                    .as_bytes(),
            );
        }
        let h = hasher.digest128();
        self.collector.push(0, [(h >> 64) as u64, h as u64, index]);
    }

    fn save(self: Box<Self>, path: &Path) -> Result<()> {
        self.collector.save(path)
    }
}

/// The applying step of `exact_dedup`: drops the documents the build stage marked.
pub struct ExactDedupFilter {
    removed: RemovedSet,
}

impl ExactDedupFilter {
    /// Number of documents this step removes.
    pub fn removed_count(&self) -> u64 {
        self.removed.len()
    }

    /// Whether the document at `(shard, doc_index)` is removed.
    pub fn is_removed(&self, shard: usize, doc_index: u64) -> bool {
        self.removed.contains(shard, doc_index)
    }
}

impl Step for ExactDedupFilter {
    fn name(&self) -> &'static str {
        "exact_dedup"
    }

    fn process(&self, _doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        if self.removed.contains(ctx.shard, ctx.doc_index) {
            Outcome::Drop(EXACT_DUPLICATE)
        } else {
            Outcome::Keep
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilling_observer_writes_the_same_bytes() {
        let step = ExactDedupConfig::default().build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let observe = |max_records: usize, name: &str| {
            let mut obs = ExactObserver {
                config: step.config.clone(),
                collector: Collector::new(
                    step.kind,
                    1,
                    true,
                    max_records,
                    Some(dir.path().to_owned()),
                ),
                buf: String::new(),
                index: 0,
            };
            for i in 0..5000u32 {
                obs.observe(&Document::new(i.to_string(), format!("text {}", i % 1700)));
            }
            let path = dir.path().join(name);
            Box::new(obs).save(&path).unwrap();
            std::fs::read(path).unwrap()
        };
        assert_eq!(observe(1024, "small.obs"), observe(1 << 20, "big.obs"));
    }

    #[test]
    fn url_is_part_of_the_identity_when_asked() {
        let step = ExactDedupConfig {
            include_url: true,
            ..Default::default()
        }
        .build()
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut docs = [
            Document::new("a", "same"),
            Document::new("b", "same"),
            Document::new("c", "same"),
        ];
        docs[0].set_meta("url", "http://x/1");
        docs[1].set_meta("url", "http://x/2");
        docs[2].set_meta("url", "http://x/1");
        let mut obs = step.observer();
        docs.iter().for_each(|d| obs.observe(d));
        let path = dir.path().join("0.obs");
        obs.save(&path).unwrap();
        let f = step.build_filter(&[path.as_path()]).unwrap();
        assert_eq!(
            (f.is_removed(0, 0), f.is_removed(0, 1), f.is_removed(0, 2)),
            (false, false, true)
        );
    }
}
