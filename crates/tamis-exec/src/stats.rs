//! Merging per-shard statistics and rendering them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tamis_core::{Error, Result, RunStats};

/// Reads and adds up the per-shard stats files of a run directory, one [`RunStats`] per stage
/// (earlier stages under `_stages/<k>/stats/`, the last stage under `stats/`). A directory
/// without any stats file is an error.
pub fn merge_stats(root: &Path) -> Result<Vec<RunStats>> {
    let mut stage_dirs: Vec<(usize, PathBuf)> = Vec::new();
    let stages_root = root.join("_stages");
    if let Ok(entries) = std::fs::read_dir(&stages_root) {
        for e in entries.flatten() {
            if let Some(k) = e.file_name().to_str().and_then(|n| n.parse::<usize>().ok()) {
                stage_dirs.push((k, e.path()));
            }
        }
    }
    stage_dirs.sort();
    let mut dirs: Vec<PathBuf> = stage_dirs.into_iter().map(|(_, p)| p).collect();
    dirs.push(root.to_owned());
    let mut out = Vec::new();
    let mut found = false;
    for dir in dirs {
        let mut total = RunStats::default();
        let stats_dir = dir.join("stats");
        let mut files: Vec<PathBuf> = match crate::remote::url(&stats_dir) {
            Some(url) => crate::remote::list_json(url)?,
            None => match std::fs::read_dir(&stats_dir) {
                Ok(rd) => rd
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(e) => return Err(Error::io(&stats_dir, e)),
            },
        };
        files.sort();
        for f in files {
            let bytes = match crate::remote::url(&f) {
                Some(url) => tamis_store::shared()?.get(url)?,
                None => std::fs::read(&f).map_err(|e| Error::io(&f, e))?,
            };
            let s: RunStats = serde_json::from_slice(&bytes).map_err(|e| Error::Format {
                path: f.clone(),
                message: format!("not a tamis stats file: {e}"),
            })?;
            total += &s;
            found = true;
        }
        out.push(total);
    }
    if !found {
        return Err(Error::Format {
            path: root.to_owned(),
            message: "no stats files (stats/*.json) found: is this a tamis run directory?".into(),
        });
    }
    Ok(out)
}

/// Renders per-stage stats as a table for a terminal.
pub fn stats_table(stages: &[RunStats]) -> String {
    let mut s = String::new();
    for (k, st) in stages.iter().enumerate() {
        if st.shards == 0 {
            continue;
        }
        let io = &st.io;
        let secs = st.wall_ns as f64 / 1e9;
        let _ = writeln!(
            s,
            "stage {k}: {} shards, {:.2} s (summed over shards)",
            st.shards, secs
        );
        let _ = writeln!(
            s,
            "  io: {} files ({} failed), {:.1} MB read, {} docs read, {} malformed skipped, {} other records skipped, {} docs written ({:.1} MB text)",
            io.files,
            io.files_failed,
            io.bytes_in as f64 / 1e6,
            io.docs_read,
            io.skipped_malformed,
            io.skipped_other,
            io.docs_written,
            io.text_bytes_out as f64 / 1e6
        );
        if st.steps.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "  {:<24} {:>10} {:>10} {:>10} {:>10} {:>9} {:>10}",
            "step", "in", "kept", "modified", "dropped", "time s", "docs/s"
        );
        for (key, step) in &st.steps {
            let t = step.time_ns as f64 / 1e9;
            let rate = if t > 0.0 {
                format!("{:.0}", step.docs_in as f64 / t)
            } else {
                "-".into()
            };
            let _ = writeln!(
                s,
                "  {:<24} {:>10} {:>10} {:>10} {:>10} {:>9.3} {:>10}",
                key,
                step.docs_in,
                step.kept,
                step.modified,
                step.dropped_total(),
                t,
                rate
            );
            for (reason, n) in &step.dropped {
                let _ = writeln!(s, "  {:<24} {:>54}", format!("  dropped.{reason}"), n);
            }
            for (name, m) in &step.summaries {
                let _ = writeln!(
                    s,
                    "    {name}: mean {:.3}, min {:.3}, max {:.3}, n {}",
                    m.mean, m.min, m.max, m.count
                );
            }
        }
    }
    s
}
