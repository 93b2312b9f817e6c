//! `minhash_dedup`: near-duplicate documents, with datatrove's MinHash and its clusters.
//!
//! ## What it does
//! Finds clusters of near-duplicate documents and keeps one document per cluster, deciding as
//! datatrove's four MinHash stages (signature → buckets → cluster → filter) do with the same
//! `MinhashConfig`, so the removed set is the one datatrove removes (see `bench/dedup.sh`).
//!
//! 1. **Observe** (per shard, streaming): text → `simplify_text` → English words (the spaCy
//!    emulation of `tamis-text`) → word `n_grams` → 64-bit hash (first 8 bytes of SHA-1,
//!    little-endian) → `num_buckets × hashes_per_bucket` minima of `(h·a + b) mod (2^61 − 1)`
//!    with datatrove's `a`, `b` (`RandomState(seed)`). Each band becomes a 24-byte record;
//!    records are sorted per band, spilling sorted runs beyond `observer_memory_mb`. Documents
//!    with fewer than `n_grams` words get no signature and are never removed (as datatrove).
//! 2. **Build** (once, after the barrier): a k-way merge of every shard's band, band after
//!    band, in datatrove's order (band hashes, then shard, then document); consecutive equal
//!    bands make a duplicate pair; pairs are unioned with union by size in that order; every
//!    member of a cluster but its root is removed — the root is the document datatrove keeps.
//! 3. **Apply** (per document): drop with reason `minhash_duplicate`, or in `annotate` mode
//!    write `minhash_cluster_id` / `minhash_cluster_size` (datatrove's metadata keys).
//!
//! ## Memory (per million documents)
//! * observe: 24 bytes × `num_buckets` per buffered document (336 MB per million with 14
//!   bands), capped by `observer_memory_mb` per shard; disk: the same 336 MB per million.
//! * build: 8 MB per million documents (union-find: parent and size as `u32`), 0.125 MB per
//!   million (removed bitset), `merge_buffer_mb` of read buffers; `annotate` adds 16 bytes per
//!   clustered document. At most 2^32 − 2 documents per build.
//! * apply: the removed bitset only (0.125 MB per million documents).
//!
//! ## Example
//! ```
//! use tamis_core::{CorpusStep, Document, Outcome, StepContext};
//! use tamis_dedup::MinhashDedupConfig;
//!
//! let step = MinhashDedupConfig::default().build()?;
//! let dir = tempfile::tempdir().map_err(|e| tamis_core::Error::io("tmp", e))?;
//! let text = "the quick brown fox jumps over the lazy dog while the cat sleeps";
//! let docs = [Document::new("a", text), Document::new("b", text), Document::new("c", "something else entirely, five words or more")];
//! let mut observer = step.observer();
//! for d in &docs { observer.observe(d); }
//! let obs = dir.path().join("00000.obs");
//! observer.save(&obs)?;
//! let apply = step.build(&[obs.as_path()])?;
//! let kept: Vec<bool> = docs.iter().enumerate().map(|(i, d)| {
//!     let mut ctx = StepContext { shard: 0, doc_index: i as u64, ..Default::default() };
//!     apply.process(&mut d.clone(), &mut ctx) == Outcome::Keep
//! }).collect();
//! assert_eq!(kept, [true, false, true]);
//! # Ok::<(), tamis_core::Error>(())
//! ```

mod bucket;
mod cluster;
mod config;
mod filter;
mod mt19937;
mod params;
mod signature;

use std::path::Path;
use std::sync::Arc;

use tamis_core::{CorpusStep, Observer, Result, Step};

pub use config::{
    DEFAULT_HASH_FC, DEFAULT_HASHES_PER_BUCKET, DEFAULT_MERGE_BUFFER_MB, DEFAULT_MODE,
    DEFAULT_N_GRAMS, DEFAULT_NUM_BUCKETS, DEFAULT_OBSERVER_MEMORY_MB, DEFAULT_SEED, DedupMode,
    HashFunction, MinhashDedupConfig,
};
pub use filter::{MINHASH_DUPLICATE, MinhashFilter};
pub use signature::{MERSENNE_PRIME, SignScratch, Signer};

use crate::obsfile::{Collector, fingerprint, open_all};

/// The `minhash_dedup` corpus step; see the [module docs](self).
pub struct MinhashDedup {
    config: MinhashDedupConfig,
    signer: Arc<Signer>,
    kind: u64,
}

impl MinhashDedup {
    pub(crate) fn new(config: MinhashDedupConfig) -> Self {
        let signer = Arc::new(Signer::new(
            config.seed,
            config.num_buckets * config.hashes_per_bucket,
            config.n_grams,
            config.hash_fc,
        ));
        let kind = fingerprint(&[
            "minhash_dedup/1",
            &config.n_grams.to_string(),
            &config.num_buckets.to_string(),
            &config.hashes_per_bucket.to_string(),
            &config.seed.to_string(),
            &format!("{:?}", config.hash_fc),
        ]);
        Self {
            config,
            signer,
            kind,
        }
    }

    /// The configuration this step was built from.
    pub fn config(&self) -> &MinhashDedupConfig {
        &self.config
    }

    /// The signer (for computing signatures outside a pipeline).
    pub fn signer(&self) -> &Signer {
        &self.signer
    }

    /// Builds the applying step with its concrete type (what [`CorpusStep::build`] returns
    /// boxed), so callers can inspect the removed set.
    pub fn build_filter(&self, observations: &[&Path]) -> Result<MinhashFilter> {
        let files = open_all(observations, self.kind, self.config.num_buckets)?;
        let annotate = self.config.mode == DedupMode::Annotate;
        let c = cluster::cluster(
            &files,
            self.config.num_buckets,
            self.config.merge_buffer_mb << 20,
            annotate,
        )?;
        log::info!(
            "minhash_dedup: {} documents in {} shards, {} duplicate pairs, {} clusters, {} documents removed",
            files.iter().map(|f| f.docs).sum::<u64>(),
            files.len(),
            c.pairs,
            c.clusters,
            c.removed.len()
        );
        Ok(MinhashFilter {
            removed: c.removed,
            annotations: c.annotations,
        })
    }
}

impl CorpusStep for MinhashDedup {
    fn name(&self) -> &'static str {
        "minhash_dedup"
    }

    fn observer(&self) -> Box<dyn Observer> {
        let collector = Collector::with_budget(
            self.kind,
            self.config.num_buckets,
            true,
            self.config.observer_memory_mb,
            self.config.tmp_dir.as_ref(),
        );
        Box::new(bucket::MinhashObserver::new(
            Arc::clone(&self.signer),
            self.config.num_buckets,
            self.config.hashes_per_bucket,
            collector,
        ))
    }

    fn build(&self, observations: &[&Path]) -> Result<Box<dyn Step>> {
        Ok(Box::new(self.build_filter(observations)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tamis_core::Document;

    #[test]
    fn spilling_observer_writes_the_same_bytes() {
        let step = MinhashDedupConfig::default().build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let observe = |max_records: usize, name: &str| {
            let collector = Collector::new(
                step.kind,
                14,
                true,
                max_records,
                Some(dir.path().to_owned()),
            );
            let mut obs = bucket::MinhashObserver::new(Arc::clone(&step.signer), 14, 8, collector);
            for i in 0..300u32 {
                let words: Vec<String> = (0..12)
                    .map(|k| {
                        char::from(b'a' + ((i * 7 + k * 13) % 26) as u8)
                            .to_string()
                            .repeat(1 + (k % 3) as usize)
                    })
                    .collect();
                obs.observe(&Document::new(i.to_string(), words.join(" ")));
            }
            let path = dir.path().join(name);
            Box::new(obs).save(&path).unwrap();
            std::fs::read(path).unwrap()
        };
        // 300 documents x 14 bands = 4200 records: the first spills four sorted runs.
        assert_eq!(observe(1024, "small.obs"), observe(1 << 20, "big.obs"));
    }
}
