//! A bloom filter of fixed size (the paragraph step's low-memory mode).

/// Bloom filter with `k` probes by double hashing (Kirsch and Mitzenmacher, 2006):
/// probe `i` is `(h1 + i·h2) mod m`.
pub(crate) struct Bloom {
    bits: Vec<u64>,
    m: u64,
    k: u32,
}

impl Bloom {
    /// Bits needed for `n` items at false-positive rate `p`: `-n ln p / (ln 2)^2`.
    pub(crate) fn bytes_for(n: u64, p: f64) -> u64 {
        let bits = -(n.max(1) as f64) * p.ln() / (std::f64::consts::LN_2 * std::f64::consts::LN_2);
        ((bits / 8.0).ceil() as u64).max(8)
    }

    /// A filter of `bytes` bytes sized for `n` expected items (the probe count is
    /// `m/n · ln 2`, between 1 and 30).
    pub(crate) fn new(bytes: u64, n: u64) -> Self {
        let words = bytes.div_ceil(8).max(1);
        let m = words * 64;
        let k = ((m as f64 / n.max(1) as f64) * std::f64::consts::LN_2)
            .round()
            .clamp(1.0, 30.0) as u32;
        Self {
            bits: vec![0; usize::try_from(words).unwrap_or(usize::MAX / 64)],
            m,
            k,
        }
    }

    /// Number of probes per item.
    pub(crate) fn probes(&self) -> u32 {
        self.k
    }

    /// Whether the item hashed to `(h1, h2)` is (probably) present, without inserting it.
    #[cfg(test)]
    pub(crate) fn contains(&self, h1: u64, h2: u64) -> bool {
        let h2 = h2 | 1;
        (0..u64::from(self.k)).all(|i| {
            let bit = h1.wrapping_add(i.wrapping_mul(h2)) % self.m;
            self.bits
                .get((bit / 64) as usize)
                .is_some_and(|w| w & (1u64 << (bit % 64)) != 0)
        })
    }

    /// Inserts the item hashed to `(h1, h2)`; returns whether it was (probably) present.
    pub(crate) fn check_and_insert(&mut self, h1: u64, h2: u64) -> bool {
        let h2 = h2 | 1;
        let mut present = true;
        for i in 0..u64::from(self.k) {
            let bit = h1.wrapping_add(i.wrapping_mul(h2)) % self.m;
            if let Some(w) = self.bits.get_mut((bit / 64) as usize) {
                let mask = 1u64 << (bit % 64);
                if *w & mask == 0 {
                    present = false;
                    *w |= mask;
                }
            }
        }
        present
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn false_positive_rate_is_near_the_target() {
        let n = 20_000u64;
        let mut b = Bloom::new(Bloom::bytes_for(n, 0.01), n);
        let hash = |i: u64| {
            let h = xxhash_rust::xxh3::xxh3_128(&i.to_le_bytes());
            ((h >> 64) as u64, h as u64)
        };
        let first_seen = (0..n).filter(|&i| {
            let (h1, h2) = hash(i);
            !b.check_and_insert(h1, h2)
        });
        // Nearly every new item is reported new while the filter fills up.
        assert!(first_seen.count() as u64 > n - n / 100);
        let fp = (n..2 * n).filter(|&i| {
            let (h1, h2) = hash(i);
            b.contains(h1, h2)
        });
        // Target 1 %: allow up to 1.5 % for randomness.
        let fp = fp.count() as u64;
        assert!(fp < n * 3 / 200, "false positives: {fp}");
        assert!(
            fp > 0,
            "a 1 % filter over {n} probes should show some false positives"
        );
        // Everything inserted is found again.
        for i in 0..n {
            let h = xxhash_rust::xxh3::xxh3_128(&i.to_le_bytes());
            assert!(b.check_and_insert((h >> 64) as u64, h as u64));
        }
    }
}
