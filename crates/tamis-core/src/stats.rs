//! Statistics that add together.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

/// Summary of a measured value: count, sum, min, max, mean and variance (merged with Chan et
/// al.'s parallel formula, so merging is associative and commutative up to rounding).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of values.
    pub count: u64,
    /// Sum of values.
    pub sum: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// Mean.
    pub mean: f64,
    /// Sum of squared deviations from the mean (variance = m2 / count).
    pub m2: f64,
}

impl Default for Summary {
    fn default() -> Self {
        Self {
            count: 0,
            sum: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            mean: 0.0,
            m2: 0.0,
        }
    }
}

impl Summary {
    /// Adds one value (Welford's update).
    pub fn add(&mut self, x: f64) {
        self.count += 1;
        self.sum += x;
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        let delta = x - self.mean;
        self.mean += delta / self.count as f64;
        self.m2 += delta * (x - self.mean);
    }

    /// Population variance.
    pub fn variance(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.m2 / self.count as f64
        }
    }
}

impl AddAssign<&Summary> for Summary {
    fn add_assign(&mut self, o: &Summary) {
        if o.count == 0 {
            return;
        }
        if self.count == 0 {
            *self = *o;
            return;
        }
        let n = (self.count + o.count) as f64;
        let delta = o.mean - self.mean;
        self.m2 += o.m2 + delta * delta * (self.count as f64) * (o.count as f64) / n;
        self.mean = (self.sum + o.sum) / n;
        self.count += o.count;
        self.sum += o.sum;
        self.min = self.min.min(o.min);
        self.max = self.max.max(o.max);
    }
}

/// What one step did, on one worker or merged over many.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StepStats {
    /// Documents given to the step.
    pub docs_in: u64,
    /// Documents passed on (unchanged or modified).
    pub kept: u64,
    /// Documents passed on with changes.
    pub modified: u64,
    /// Documents dropped, by reason.
    pub dropped: BTreeMap<String, u64>,
    /// Summaries of recorded measurements, by name.
    pub summaries: BTreeMap<String, Summary>,
    /// Time spent in the step, nanoseconds.
    pub time_ns: u64,
}

impl StepStats {
    /// Total dropped over all reasons.
    pub fn dropped_total(&self) -> u64 {
        self.dropped.values().sum()
    }
}

impl AddAssign<&StepStats> for StepStats {
    fn add_assign(&mut self, o: &StepStats) {
        self.docs_in += o.docs_in;
        self.kept += o.kept;
        self.modified += o.modified;
        for (k, v) in &o.dropped {
            *self.dropped.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &o.summaries {
            *self.summaries.entry(k.clone()).or_default() += v;
        }
        self.time_ns += o.time_ns;
    }
}

/// Input/output counters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IoStats {
    /// Input files opened.
    pub files: u64,
    /// Input files that failed as a whole (unreadable).
    pub files_failed: u64,
    /// Bytes read from input files (as stored, i.e. compressed).
    pub bytes_in: u64,
    /// Documents read.
    pub docs_read: u64,
    /// Records skipped because they were malformed.
    pub skipped_malformed: u64,
    /// Records skipped on purpose (WARC request/metadata records, non-HTML payloads, ...).
    pub skipped_other: u64,
    /// Documents written.
    pub docs_written: u64,
    /// Bytes of document text written.
    pub text_bytes_out: u64,
    /// Time spent reading and decoding, nanoseconds.
    pub read_ns: u64,
    /// Time spent writing, nanoseconds.
    pub write_ns: u64,
}

impl AddAssign<&IoStats> for IoStats {
    fn add_assign(&mut self, o: &IoStats) {
        self.files += o.files;
        self.files_failed += o.files_failed;
        self.bytes_in += o.bytes_in;
        self.docs_read += o.docs_read;
        self.skipped_malformed += o.skipped_malformed;
        self.skipped_other += o.skipped_other;
        self.docs_written += o.docs_written;
        self.text_bytes_out += o.text_bytes_out;
        self.read_ns += o.read_ns;
        self.write_ns += o.write_ns;
    }
}

/// Statistics of a shard, a stage or a whole run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunStats {
    /// Number of shards merged into this value.
    pub shards: u64,
    /// Wall time of the shards added together, nanoseconds.
    pub wall_ns: u64,
    /// Reading and writing.
    pub io: IoStats,
    /// Per step, keyed `NN.tag` (position and tag: the same step may appear twice).
    pub steps: BTreeMap<String, StepStats>,
}

impl AddAssign<&RunStats> for RunStats {
    fn add_assign(&mut self, o: &RunStats) {
        self.shards += o.shards;
        self.wall_ns += o.wall_ns;
        self.io += &o.io;
        for (k, v) in &o.steps {
            *self.steps.entry(k.clone()).or_default() += v;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn summary_of(xs: &[f64]) -> Summary {
        let mut s = Summary::default();
        for &x in xs {
            s.add(x);
        }
        s
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
    }

    proptest! {
        #[test]
        fn summary_merge_equals_sequential(a in prop::collection::vec(-1e6f64..1e6, 0..50),
                                           b in prop::collection::vec(-1e6f64..1e6, 0..50),
                                           c in prop::collection::vec(-1e6f64..1e6, 0..50)) {
            let all: Vec<f64> = a.iter().chain(&b).chain(&c).copied().collect();
            let whole = summary_of(&all);
            // (a + b) + c
            let mut left = summary_of(&a);
            left += &summary_of(&b);
            left += &summary_of(&c);
            // a + (c + b)
            let mut cb = summary_of(&c);
            cb += &summary_of(&b);
            let mut right = summary_of(&a);
            right += &cb;
            for s in [left, right] {
                prop_assert_eq!(s.count, whole.count);
                prop_assert!(close(s.sum, whole.sum));
                prop_assert!(close(s.mean, whole.mean));
                prop_assert!(close(s.m2, whole.m2));
                prop_assert_eq!(s.min, whole.min);
                prop_assert_eq!(s.max, whole.max);
            }
        }

        #[test]
        fn step_stats_merge_is_commutative(x in 0u64..1000, y in 0u64..1000, r in "[a-c]") {
            let mut a = StepStats { docs_in: x, kept: x, ..Default::default() };
            a.dropped.insert(r.clone(), y);
            let mut b = StepStats { docs_in: y, kept: 1, ..Default::default() };
            b.dropped.insert("a".into(), x);
            let mut ab = a.clone();
            ab += &b;
            let mut ba = b.clone();
            ba += &a;
            prop_assert_eq!(ab, ba);
        }
    }
}
