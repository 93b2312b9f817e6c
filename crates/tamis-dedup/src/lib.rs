//! # tamis-dedup
//!
//! Deduplication across a whole corpus: exact, near-duplicate (MinHash, with datatrove's
//! clusters) and paragraph level, with memory bounded by configuration.
//!
//! ## Brief overview
//!
//! Every step here is a [`tamis_core::CorpusStep`]: the executor feeds each shard's kept
//! documents to an [`tamis_core::Observer`], which saves a per-shard *observation file* of
//! fixed-size records; after a barrier, `build()` merges all of them (k-way merges of sorted
//! files, so memory is set by configuration) into an ordinary [`tamis_core::Step`] that
//! addresses documents by `(shard, doc_index)`. Decisions never depend on the number of
//! workers or the order shards ran in: the kept document of a group is always chosen by its
//! `(shard, doc_index)`.
//!
//! * [`ExactDedupConfig`] → [`ExactDedup`] (`exact_dedup`): identical normalised text
//!   (optionally with identical URL) keeps the first document.
//! * [`MinhashDedupConfig`] → [`MinhashDedup`] (`minhash_dedup`): datatrove's MinHash with
//!   FineWeb's settings by default; union-find clusters; drops all but datatrove's kept
//!   document, or annotates `minhash_cluster_id` / `minhash_cluster_size`.
//! * [`ParagraphDedupConfig`] → [`ParagraphDedup`] (`paragraph_dedup`): removes paragraphs
//!   (or lines) seen earlier in the corpus, with an exact sort-merge or a bloom filter of
//!   configured size (Dolma's approach), first occurrence by `(shard, doc_index, position)`.
//! * [`simplify_text`] is datatrove's text normalisation for hashing.
//!
//! ```
//! use tamis_core::{CorpusStep, Document, Outcome, StepContext};
//! use tamis_dedup::ExactDedupConfig;
//!
//! let step = ExactDedupConfig::default().build()?;
//! let dir = tempfile::tempdir().map_err(|e| tamis_core::Error::io("tmp", e))?;
//! // Two shards; the same text appears in both.
//! let shards = [vec![Document::new("a", "Hello  world")], vec![Document::new("b", "Hello world"), Document::new("c", "Other")]];
//! let mut files = Vec::new();
//! for (i, docs) in shards.iter().enumerate() {
//!     let mut obs = step.observer();
//!     docs.iter().for_each(|d| obs.observe(d));
//!     let path = dir.path().join(format!("{i:05}.obs"));
//!     obs.save(&path)?;
//!     files.push(path);
//! }
//! let paths: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
//! let apply = step.build(&paths)?;
//! let mut ctx = StepContext { shard: 1, doc_index: 0, ..Default::default() };
//! assert!(matches!(apply.process(&mut shards[1][0].clone(), &mut ctx), Outcome::Drop(_)));
//! # Ok::<(), tamis_core::Error>(())
//! ```

#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod bloom;
pub mod exact;
pub mod minhash;
mod normalize;
mod obsfile;
pub mod paragraph;
mod removed;

pub use exact::{ExactDedup, ExactDedupConfig, ExactDedupFilter, TextNormalization};
pub use minhash::{DedupMode, HashFunction, MinhashDedup, MinhashDedupConfig, MinhashFilter};
pub use normalize::{normalize_whitespace, simplify_text};
pub use paragraph::{
    ParagraphDedup, ParagraphDedupConfig, ParagraphDedupFilter, ParagraphMethod, ParagraphUnit,
};
