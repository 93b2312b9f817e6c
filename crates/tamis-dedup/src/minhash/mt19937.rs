//! numpy's legacy `RandomState(seed).randint(low, high, dtype=uint64)`, to draw datatrove's
//! MinHash parameters for any seed and hash count (the FineWeb table is in `params.rs`).
//!
//! MT19937 as published by Matsumoto and Nishimura (1998), seeded with `init_genrand`; a
//! 64-bit draw is two 32-bit outputs, high word first; a bounded draw masks it to the next power
//! of two above the range and rejects values beyond it (numpy's `use_masked=True` path).

const N: usize = 624;
const M: usize = 397;

pub(crate) struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    /// `RandomState(seed)` for a seed below 2^32.
    pub(crate) fn new(seed: u32) -> Self {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Self { state, index: N }
    }

    fn twist(&mut self) {
        for i in 0..N {
            let y = (self.state[i] & 0x8000_0000) | (self.state[(i + 1) % N] & 0x7fff_ffff);
            let mut v = self.state[(i + M) % N] ^ (y >> 1);
            if y & 1 != 0 {
                v ^= 0x9908_b0df;
            }
            self.state[i] = v;
        }
        self.index = 0;
    }

    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index % N];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn next_u64(&mut self) -> u64 {
        let hi = u64::from(self.next_u32());
        let lo = u64::from(self.next_u32());
        (hi << 32) | lo
    }

    /// `randint(low, high, dtype=uint64)` for one value, `high - low > 2^32` (the only case
    /// MinHash needs; smaller ranges draw 32-bit values in numpy).
    pub(crate) fn randint_u64(&mut self, low: u64, high: u64) -> u64 {
        let rng = high.saturating_sub(low).saturating_sub(1);
        if rng == 0 {
            return low;
        }
        let mask = u64::MAX >> rng.leading_zeros();
        loop {
            let v = self.next_u64() & mask;
            if v <= rng {
                return low + v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_first_outputs() {
        // Published MT19937 reference: init_genrand(5489) starts 3499211612, 581869302.
        let mut mt = Mt19937::new(5489);
        assert_eq!(mt.next_u32(), 3_499_211_612);
        assert_eq!(mt.next_u32(), 581_869_302);
    }
}
