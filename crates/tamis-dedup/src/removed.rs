//! The set of removed documents, one bit per observed document of each shard.

/// Removed documents as one bitset per shard: 1 bit per observed document (125 KB per million
/// documents), so the applying step's memory is fixed by the corpus's document count and
/// lookups are O(1).
#[derive(Debug, Clone, Default)]
pub(crate) struct RemovedSet {
    shards: Vec<Vec<u64>>,
    count: u64,
}

impl RemovedSet {
    /// An empty set for shards holding `docs[i]` documents.
    pub(crate) fn new(docs: &[u64]) -> Self {
        let shards = docs
            .iter()
            .map(|&n| vec![0u64; usize::try_from(n.div_ceil(64)).unwrap_or(0)])
            .collect();
        Self { shards, count: 0 }
    }

    /// Marks `(shard, doc)` removed; out-of-range positions are ignored.
    pub(crate) fn insert(&mut self, shard: usize, doc: u64) {
        let Ok(word) = usize::try_from(doc / 64) else {
            return;
        };
        if let Some(w) = self.shards.get_mut(shard).and_then(|s| s.get_mut(word)) {
            let bit = 1u64 << (doc % 64);
            if *w & bit == 0 {
                *w |= bit;
                self.count += 1;
            }
        }
    }

    /// Whether `(shard, doc)` is removed.
    pub(crate) fn contains(&self, shard: usize, doc: u64) -> bool {
        let Ok(word) = usize::try_from(doc / 64) else {
            return false;
        };
        self.shards
            .get(shard)
            .and_then(|s| s.get(word))
            .is_some_and(|w| w & (1u64 << (doc % 64)) != 0)
    }

    /// Number of removed documents.
    pub(crate) fn len(&self) -> u64 {
        self.count
    }

    /// The removed positions of one shard, ascending.
    pub(crate) fn iter_shard(&self, shard: usize) -> impl Iterator<Item = u64> + '_ {
        self.shards.get(shard).into_iter().flat_map(|words| {
            words.iter().enumerate().flat_map(|(i, &w)| {
                (0..64u64)
                    .filter(move |b| w & (1u64 << b) != 0)
                    .map(move |b| i as u64 * 64 + b)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_contains_iter() {
        let mut s = RemovedSet::new(&[10, 200]);
        s.insert(1, 130);
        s.insert(1, 130);
        s.insert(0, 3);
        s.insert(0, 1000); // out of range: ignored
        s.insert(5, 1); // no such shard: ignored
        assert_eq!(s.len(), 2);
        assert!(s.contains(1, 130) && s.contains(0, 3));
        assert!(!s.contains(1, 131) && !s.contains(9, 0));
        assert_eq!(s.iter_shard(1).collect::<Vec<_>>(), [130]);
    }
}
