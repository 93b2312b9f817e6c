//! Cutting the input into shards.

use std::path::PathBuf;

/// Splits `files` (already sorted) into `shards` contiguous runs of nearly equal length; the
/// first `files.len() % shards` shards get one file more. Shard `i` of the result holds the
/// files of shard `i`; shards may be empty when there are fewer files than shards.
pub fn plan_shards(files: &[PathBuf], shards: usize) -> Vec<Vec<PathBuf>> {
    let shards = shards.max(1);
    let base = files.len() / shards;
    let extra = files.len() % shards;
    let mut out = Vec::with_capacity(shards);
    let mut start = 0;
    for i in 0..shards {
        let len = base + usize::from(i < extra);
        out.push(
            files
                .get(start..start + len)
                .map(<[PathBuf]>::to_vec)
                .unwrap_or_default(),
        );
        start += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_and_complete() {
        let files: Vec<PathBuf> = (0..10).map(|i| PathBuf::from(format!("{i:02}"))).collect();
        for n in 1..13 {
            let plan = plan_shards(&files, n);
            assert_eq!(plan.len(), n);
            let flat: Vec<PathBuf> = plan.iter().flatten().cloned().collect();
            assert_eq!(flat, files, "{n} shards");
            let max = plan.iter().map(Vec::len).max().unwrap_or(0);
            let min = plan.iter().map(Vec::len).min().unwrap_or(0);
            assert!(max - min <= 1);
        }
    }
}
