//! The build stage: merge the band records of all shards, union the duplicate pairs, decide.

use std::collections::HashMap;

use tamis_core::{Error, Result};

use crate::obsfile::{ObsFile, ShardMerge};
use crate::removed::RemovedSet;

/// Cluster of one document in `annotate` mode: `(doc_index, cluster_id, cluster_size)`.
pub(crate) type Annotation = (u64, u32, u32);

/// What the build stage decided.
pub(crate) struct Clusters {
    /// Every cluster member but its root.
    pub(crate) removed: RemovedSet,
    /// Per shard, sorted by doc index: the documents in clusters of two or more.
    pub(crate) annotations: Option<Vec<Vec<Annotation>>>,
    /// Duplicate pairs found (over all bands).
    pub(crate) pairs: u64,
    /// Clusters of two or more documents.
    pub(crate) clusters: u64,
}

/// Union-find over dense document numbers with union by size, as datatrove's
/// `MinhashDedupCluster`: when sizes tie, the root of the pair's first document stays root.
/// Path halving changes the shape of trees, never which node is a root.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        loop {
            let Some(&p) = self.parent.get(x as usize) else {
                return x;
            };
            if p == x {
                return x;
            }
            let gp = self.parent.get(p as usize).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x as usize) {
                *slot = gp;
            }
            x = gp;
        }
    }

    fn size(&self, root: u32) -> u32 {
        self.size.get(root as usize).copied().unwrap_or(1)
    }

    fn union(&mut self, a: u32, b: u32) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (mut sa, mut sb) = (self.size(ra), self.size(rb));
        if sa < sb {
            std::mem::swap(&mut ra, &mut rb);
            std::mem::swap(&mut sa, &mut sb);
        }
        if let Some(p) = self.parent.get_mut(rb as usize) {
            *p = ra;
        }
        if let Some(s) = self.size.get_mut(ra as usize) {
            *s = sa.saturating_add(sb);
        }
    }
}

/// Finds the clusters from the observation files (in shard order).
///
/// Memory: 8 bytes per observed document for the union-find (so 8 MB per million documents),
/// 1 bit per document for the removed set, plus `merge_budget` bytes of read buffers; in
/// `annotate` mode 16 bytes per clustered document more. Bands are merged one after another.
pub(crate) fn cluster(
    files: &[ObsFile],
    bands: usize,
    merge_budget: usize,
    annotate: bool,
) -> Result<Clusters> {
    let docs: Vec<u64> = files.iter().map(|f| f.docs).collect();
    let mut offsets = Vec::with_capacity(docs.len());
    let mut total: u64 = 0;
    for &d in &docs {
        offsets.push(total);
        total = total.saturating_add(d);
    }
    if total >= u64::from(u32::MAX) {
        return Err(Error::Step {
            step: "minhash_dedup".into(),
            message: format!(
                "{total} documents in one MinHash build; at most {} are supported (run the corpus in several parts)",
                u32::MAX - 1
            ),
        });
    }
    let mut uf = UnionFind::new(total as usize);
    let mut pairs = 0u64;
    for band in 0..bands {
        let mut merge = ShardMerge::new(files, band, merge_budget)?;
        let mut prev: Option<(u64, u64, u32)> = None;
        while let Some((rec, shard)) = merge.next()? {
            let [k0, k1, doc] = rec;
            let limit = docs.get(shard).copied().unwrap_or(0);
            if doc >= limit {
                let path = files
                    .get(shard)
                    .map(|_| format!("shard {shard}"))
                    .unwrap_or_default();
                return Err(Error::Step {
                    step: "minhash_dedup".into(),
                    message: format!(
                        "{path}: record for document {doc} but the shard observed {limit} documents"
                    ),
                });
            }
            let g = (offsets.get(shard).copied().unwrap_or(0) + doc) as u32;
            if let Some((p0, p1, pg)) = prev {
                if p0 == k0 && p1 == k1 {
                    uf.union(pg, g);
                    pairs += 1;
                }
            }
            prev = Some((k0, k1, g));
        }
    }

    let mut removed = RemovedSet::new(&docs);
    let mut annotations: Option<Vec<Vec<Annotation>>> =
        annotate.then(|| vec![Vec::new(); docs.len()]);
    let mut cluster_ids: HashMap<u32, u32> = HashMap::new();
    let mut clusters = 0u64;
    for (shard, (&n, &off)) in docs.iter().zip(&offsets).enumerate() {
        for doc in 0..n {
            let g = (off + doc) as u32;
            let root = uf.find(g);
            let size = uf.size(root);
            if size < 2 {
                continue;
            }
            if root != g {
                removed.insert(shard, doc);
            } else {
                clusters += 1;
            }
            if let Some(ann) = annotations.as_mut() {
                // Cluster ids in order of first member by (shard, doc), as datatrove numbers them.
                let next = cluster_ids.len() as u32;
                let id = *cluster_ids.entry(root).or_insert(next);
                if let Some(v) = ann.get_mut(shard) {
                    v.push((doc, id, size));
                }
            }
        }
    }
    Ok(Clusters {
        removed,
        annotations,
        pairs,
        clusters,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_by_size_keeps_first_root_on_ties() {
        let mut uf = UnionFind::new(5);
        uf.union(3, 1);
        assert_eq!(uf.find(1), 3);
        uf.union(0, 1); // {0} (size 1) joins {3,1} (size 2)
        assert_eq!(uf.find(0), 3);
        uf.union(4, 2);
        uf.union(2, 0); // sizes 2 and 3: the bigger root (3) wins
        assert_eq!(uf.find(4), 3);
        assert_eq!(uf.size(3), 5);
    }
}
