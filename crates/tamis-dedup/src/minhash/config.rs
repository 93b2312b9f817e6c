//! `MinhashDedupConfig`: the one config shared by every MinHash stage.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Error, Result};

use super::MinhashDedup;

/// Default of [`MinhashDedupConfig::n_grams`].
pub const DEFAULT_N_GRAMS: usize = 5;
/// Default of [`MinhashDedupConfig::num_buckets`].
pub const DEFAULT_NUM_BUCKETS: usize = 14;
/// Default of [`MinhashDedupConfig::hashes_per_bucket`].
pub const DEFAULT_HASHES_PER_BUCKET: usize = 8;
/// Default of [`MinhashDedupConfig::seed`].
pub const DEFAULT_SEED: u64 = 1;
/// Default of [`MinhashDedupConfig::hash_fc`].
pub const DEFAULT_HASH_FC: HashFunction = HashFunction::Sha1;
/// Default of [`MinhashDedupConfig::mode`].
pub const DEFAULT_MODE: DedupMode = DedupMode::Drop;
/// Default of [`MinhashDedupConfig::observer_memory_mb`].
pub const DEFAULT_OBSERVER_MEMORY_MB: usize = 256;
/// Default of [`MinhashDedupConfig::merge_buffer_mb`].
pub const DEFAULT_MERGE_BUFFER_MB: usize = 64;

/// Hash function applied to each shingle before the permutations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HashFunction {
    /// First 8 bytes of SHA-1 of the UTF-8 shingle, little-endian (datatrove's `sha1`,
    /// FineWeb's choice).
    Sha1,
    /// XXH64 with seed 0 of the UTF-8 shingle (datatrove's library default `xxhash`).
    Xxhash,
}

/// What a deduplication step does with a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DedupMode {
    /// Drop every member of a cluster but the one kept.
    Drop,
    /// Keep every document and record the cluster in metadata instead.
    Annotate,
}

/// Configuration of the `minhash_dedup` step (near-duplicate documents).
///
/// Field names and defaults follow datatrove's `MinhashConfig` with FineWeb's
/// `HashConfig(hash_fc="sha1", precision=64)` (datatrove `examples/fineweb.py`): word 5-grams,
/// 14 bands of 8 hashes, so pairs with Jaccard similarity above about (1/14)^(1/8) ≈ 0.72 are
/// likely found (0.8 → 92 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct MinhashDedupConfig {
    /// Words per shingle (word n-grams after datatrove's `simplify_text`). Default 5
    /// (datatrove `MinhashConfig.n_grams`, FineWeb).
    pub n_grams: usize,
    /// Number of LSH bands ("buckets"): two documents are candidates when all hashes of one
    /// band are equal. Default 14 (datatrove, FineWeb).
    pub num_buckets: usize,
    /// Hashes per band. Default 8 (datatrove, FineWeb).
    pub hashes_per_bucket: usize,
    /// Seed of the permutation parameters, drawn as datatrove draws them
    /// (`numpy.random.RandomState(seed)`), so signatures equal datatrove's. Default 1
    /// (datatrove). Must be below 2^32.
    pub seed: u64,
    /// Shingle hash: `sha1` (FineWeb) or `xxhash` (datatrove's library default). Default
    /// `sha1`.
    pub hash_fc: HashFunction,
    /// `drop` removes every cluster member but the kept one (reason `minhash_duplicate`);
    /// `annotate` keeps all and writes `minhash_cluster_id` (-1 when alone) and
    /// `minhash_cluster_size` (1 when alone) to metadata, as datatrove's `save_cluster_id` /
    /// `save_cluster_size`. Default `drop`.
    pub mode: DedupMode,
    /// Memory for buffered band records per shard in the observing stage, in MiB (24 bytes per
    /// record, `num_buckets` records per document); beyond it sorted runs spill to `tmp_dir`.
    /// Default 256 (about 760,000 documents with 14 bands before the first spill).
    pub observer_memory_mb: usize,
    /// Read buffers of the merge in the build stage, in MiB, shared by all shards' files.
    /// Default 64.
    pub merge_buffer_mb: usize,
    /// Directory for spill files of the observing stage. Default: the system temporary
    /// directory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tmp_dir: Option<String>,
}

impl Default for MinhashDedupConfig {
    fn default() -> Self {
        Self {
            n_grams: DEFAULT_N_GRAMS,
            num_buckets: DEFAULT_NUM_BUCKETS,
            hashes_per_bucket: DEFAULT_HASHES_PER_BUCKET,
            seed: DEFAULT_SEED,
            hash_fc: DEFAULT_HASH_FC,
            mode: DEFAULT_MODE,
            observer_memory_mb: DEFAULT_OBSERVER_MEMORY_MB,
            merge_buffer_mb: DEFAULT_MERGE_BUFFER_MB,
            tmp_dir: None,
        }
    }
}

impl MinhashDedupConfig {
    /// Validates the configuration and builds the corpus step.
    pub fn build(&self) -> Result<MinhashDedup> {
        if self.n_grams == 0 || self.n_grams > 64 {
            return Err(Error::config(
                "n_grams",
                format!("must be in 1..=64, got {}", self.n_grams),
            ));
        }
        if self.num_buckets == 0 || self.num_buckets > 1024 {
            return Err(Error::config(
                "num_buckets",
                format!("must be in 1..=1024, got {}", self.num_buckets),
            ));
        }
        if self.hashes_per_bucket == 0 || self.hashes_per_bucket > 1024 {
            return Err(Error::config(
                "hashes_per_bucket",
                format!("must be in 1..=1024, got {}", self.hashes_per_bucket),
            ));
        }
        if self.seed > u64::from(u32::MAX) {
            return Err(Error::config(
                "seed",
                "must be below 2^32 (numpy's RandomState seeds are 32-bit)",
            ));
        }
        if self.observer_memory_mb == 0 {
            return Err(Error::config("observer_memory_mb", "must be at least 1"));
        }
        if self.merge_buffer_mb == 0 {
            return Err(Error::config("merge_buffer_mb", "must be at least 1"));
        }
        if let Some(dir) = &self.tmp_dir {
            if !std::path::Path::new(dir).is_dir() {
                return Err(Error::config(
                    "tmp_dir",
                    format!("{dir} is not a directory"),
                ));
            }
        }
        Ok(MinhashDedup::new(self.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_fineweb() {
        let c = MinhashDedupConfig::default();
        assert_eq!(
            (c.n_grams, c.num_buckets, c.hashes_per_bucket, c.seed),
            (5, 14, 8, 1)
        );
        assert_eq!(c.hash_fc, HashFunction::Sha1);
        assert!(c.build().is_ok());
    }

    #[test]
    fn invalid_values_name_the_field() {
        for (field, c) in [
            (
                "n_grams",
                MinhashDedupConfig {
                    n_grams: 0,
                    ..Default::default()
                },
            ),
            (
                "num_buckets",
                MinhashDedupConfig {
                    num_buckets: 0,
                    ..Default::default()
                },
            ),
            (
                "hashes_per_bucket",
                MinhashDedupConfig {
                    hashes_per_bucket: 0,
                    ..Default::default()
                },
            ),
            (
                "seed",
                MinhashDedupConfig {
                    seed: 1 << 40,
                    ..Default::default()
                },
            ),
            (
                "tmp_dir",
                MinhashDedupConfig {
                    tmp_dir: Some("/nonexistent/x".into()),
                    ..Default::default()
                },
            ),
        ] {
            match c.build() {
                Err(Error::Config { location, .. }) => assert_eq!(location, field),
                other => panic!(
                    "{field}: expected a config error, got {:?}",
                    other.map(|_| ())
                ),
            }
        }
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let r: std::result::Result<MinhashDedupConfig, _> =
            serde_json::from_str(r#"{"n_gram": 5}"#);
        assert!(r.is_err());
        let ok: MinhashDedupConfig = serde_json::from_str(r#"{"mode": "annotate"}"#).unwrap();
        assert_eq!(ok.mode, DedupMode::Annotate);
    }
}
