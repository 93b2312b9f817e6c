//! MinHash signatures as datatrove computes them.

use sha1::{Digest, Sha1};

use super::config::HashFunction;
use super::mt19937::Mt19937;
use super::params::{SEED1_A, SEED1_B};
use crate::normalize::simplify_text;

/// The Mersenne prime 2^61 - 1, modulus of the permutations.
pub const MERSENNE_PRIME: u64 = (1 << 61) - 1;

/// Computes signatures: `simplify_text` → English words (spaCy emulation of `tamis-text`) →
/// word n-grams joined by one space → 64-bit hash → for each of the `num_hashes` permutations,
/// the minimum of `(h * a + b) mod (2^61 - 1)` with wrapping `u64` products (as datatrove's
/// numpy code).
#[derive(Debug, Clone)]
pub struct Signer {
    a: Vec<u64>,
    b: Vec<u64>,
    n_grams: usize,
    hash_fc: HashFunction,
}

/// Reusable buffers of a [`Signer`].
#[derive(Debug, Default)]
pub struct SignScratch {
    simplified: String,
    words: Vec<(usize, usize)>,
    shingle: String,
}

impl Signer {
    /// The permutations datatrove draws for `seed` and `num_hashes`, for `n_grams`-word
    /// shingles hashed with `hash_fc`.
    pub fn new(seed: u64, num_hashes: usize, n_grams: usize, hash_fc: HashFunction) -> Self {
        let (a, b) = if seed == 1 && num_hashes == SEED1_A.len() {
            (SEED1_A.to_vec(), SEED1_B.to_vec())
        } else {
            datatrove_parameters(seed, num_hashes)
        };
        Self {
            a,
            b,
            n_grams: n_grams.max(1),
            hash_fc,
        }
    }

    /// Number of hash values in a signature.
    pub fn num_hashes(&self) -> usize {
        self.a.len()
    }

    /// Writes the signature of `text` into `out` (resized to [`Signer::num_hashes`]) and
    /// returns `true`, or returns `false` when the text has fewer than `n_grams` words (no
    /// shingle; datatrove writes no signature for such a document and never deduplicates it).
    pub fn sign(&self, text: &str, scratch: &mut SignScratch, out: &mut Vec<u64>) -> bool {
        simplify_text(text, &mut scratch.simplified);
        scratch.words.clear();
        let base = scratch.simplified.as_ptr() as usize;
        let words = &mut scratch.words;
        tamis_text::for_each_word(&scratch.simplified, |w| {
            let start = (w.as_ptr() as usize).wrapping_sub(base);
            words.push((start, start + w.len()));
        });
        let n = self.n_grams;
        if scratch.words.len() < n {
            return false;
        }
        out.clear();
        out.resize(self.a.len(), u64::MAX);
        for window in scratch.words.windows(n) {
            scratch.shingle.clear();
            for (i, &(s, e)) in window.iter().enumerate() {
                if i > 0 {
                    scratch.shingle.push(' ');
                }
                scratch
                    .shingle
                    .push_str(scratch.simplified.get(s..e).unwrap_or_default());
            }
            let h = self.hash(scratch.shingle.as_bytes());
            for ((m, &a), &b) in out.iter_mut().zip(&self.a).zip(&self.b) {
                let v = mod_mersenne(h.wrapping_mul(a).wrapping_add(b));
                if v < *m {
                    *m = v;
                }
            }
        }
        true
    }

    fn hash(&self, bytes: &[u8]) -> u64 {
        match self.hash_fc {
            HashFunction::Sha1 => {
                let digest = Sha1::digest(bytes);
                let mut first = [0u8; 8];
                first.copy_from_slice(digest.get(..8).unwrap_or(&[0u8; 8]));
                u64::from_le_bytes(first)
            }
            HashFunction::Xxhash => xxhash_rust::xxh64::xxh64(bytes, 0),
        }
    }
}

/// `x mod (2^61 - 1)` without a division: `x = hi·2^61 + lo` and `2^61 ≡ 1`, so
/// `x ≡ hi + lo`, which is below `2p` and needs at most one subtraction.
#[inline]
fn mod_mersenne(x: u64) -> u64 {
    let r = (x & MERSENNE_PRIME) + (x >> 61);
    if r >= MERSENNE_PRIME {
        r - MERSENNE_PRIME
    } else {
        r
    }
}

/// `a` and `b` as datatrove draws them: `RandomState(seed)`, `randint(1, p, size=n)` then
/// `randint(0, p, size=n)`. numpy accepts seeds below 2^32 only; larger seeds are reduced
/// modulo 2^32 here.
fn datatrove_parameters(seed: u64, n: usize) -> (Vec<u64>, Vec<u64>) {
    let mut mt = Mt19937::new((seed & 0xffff_ffff) as u32);
    let a = (0..n).map(|_| mt.randint_u64(1, MERSENNE_PRIME)).collect();
    let b = (0..n).map(|_| mt.randint_u64(0, MERSENNE_PRIME)).collect();
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn randomstate_emulation_reproduces_the_numpy_table() {
        let (a, b) = datatrove_parameters(1, SEED1_A.len());
        assert_eq!(a, SEED1_A.to_vec());
        assert_eq!(b, SEED1_B.to_vec());
    }

    #[test]
    fn mersenne_reduction_equals_remainder() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for edge in [
            0,
            1,
            MERSENNE_PRIME - 1,
            MERSENNE_PRIME,
            MERSENNE_PRIME + 1,
            2 * MERSENNE_PRIME,
            u64::MAX,
        ] {
            assert_eq!(mod_mersenne(edge), edge % MERSENNE_PRIME, "{edge}");
        }
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            assert_eq!(mod_mersenne(x), x % MERSENNE_PRIME);
        }
    }

    #[test]
    fn short_texts_have_no_signature() {
        let s = Signer::new(1, 112, 5, HashFunction::Sha1);
        let mut scratch = SignScratch::default();
        let mut out = Vec::new();
        assert!(!s.sign("", &mut scratch, &mut out));
        assert!(!s.sign("one", &mut scratch, &mut out));
        assert!(!s.sign("one two three four", &mut scratch, &mut out));
        assert!(s.sign("one two three four five", &mut scratch, &mut out));
        assert_eq!(out.len(), 112);
        assert!(out.iter().all(|&v| v < MERSENNE_PRIME));
    }

    #[test]
    fn normalisation_makes_variants_equal() {
        let s = Signer::new(1, 112, 5, HashFunction::Sha1);
        let mut scratch = SignScratch::default();
        let (mut x, mut y) = (Vec::new(), Vec::new());
        assert!(s.sign(
            "The café opened in 1999, and it's still open today!",
            &mut scratch,
            &mut x
        ));
        assert!(s.sign(
            "the CAFE opened in 2024 and it's   still open today",
            &mut scratch,
            &mut y
        ));
        assert_eq!(x, y);
    }
}
