//! The applying stage: drop (or annotate) the documents the build stage decided on.

use tamis_core::{Document, Outcome, Reason, Step, StepContext};

use super::cluster::Annotation;
use crate::removed::RemovedSet;

/// Drop reason of a MinHash near-duplicate.
pub const MINHASH_DUPLICATE: Reason = Reason::new("minhash_duplicate");

/// The applying step of `minhash_dedup`, built by [`tamis_core::CorpusStep::build`]: drops
/// every cluster member but the kept one, or (in `annotate` mode) writes
/// `minhash_cluster_id` and `minhash_cluster_size` to metadata.
///
/// Documents are addressed by [`StepContext::shard`] and [`StepContext::doc_index`];
/// positions the build stage never saw are kept untouched.
pub struct MinhashFilter {
    pub(crate) removed: RemovedSet,
    pub(crate) annotations: Option<Vec<Vec<Annotation>>>,
}

impl MinhashFilter {
    /// Number of documents this step removes in `drop` mode.
    pub fn removed_count(&self) -> u64 {
        self.removed.len()
    }

    /// Whether the document at `(shard, doc_index)` is a removed cluster member.
    pub fn is_removed(&self, shard: usize, doc_index: u64) -> bool {
        self.removed.contains(shard, doc_index)
    }

    /// The removed positions of one shard, ascending.
    pub fn removed_in_shard(&self, shard: usize) -> impl Iterator<Item = u64> + '_ {
        self.removed.iter_shard(shard)
    }
}

impl Step for MinhashFilter {
    fn name(&self) -> &'static str {
        "minhash_dedup"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        match &self.annotations {
            None => {
                if self.removed.contains(ctx.shard, ctx.doc_index) {
                    Outcome::Drop(MINHASH_DUPLICATE)
                } else {
                    Outcome::Keep
                }
            }
            Some(per_shard) => {
                let found = per_shard.get(ctx.shard).and_then(|v| {
                    v.binary_search_by_key(&ctx.doc_index, |a| a.0)
                        .ok()
                        .and_then(|i| v.get(i))
                });
                let (id, size) = match found {
                    Some(&(_, id, size)) => (i64::from(id), u64::from(size)),
                    None => (-1, 1),
                };
                doc.set_meta("minhash_cluster_id", id);
                doc.set_meta("minhash_cluster_size", size);
                ctx.record("cluster_size", size as f64);
                Outcome::Modified
            }
        }
    }
}
