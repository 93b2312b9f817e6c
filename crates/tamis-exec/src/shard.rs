//! One unit of work: one shard of one stage.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use tamis_core::{
    Document, Error, Observer, Outcome, Result, RunStats, Step, StepContext, StepStats,
};
use tamis_io::{InputOptions, OutputOptions, ReadItem};

use crate::layout::{RunLayout, write_atomic};
use crate::progress::Progress;

/// How many malformed-record messages a shard logs before it only counts them.
const MAX_LOGGED_MALFORMED: u64 = 10;

/// Everything one unit of work needs.
pub struct ShardJob<'a> {
    /// Stage index.
    pub stage: usize,
    /// Shard index.
    pub shard: usize,
    /// The files this shard reads.
    pub files: Vec<PathBuf>,
    /// How to read them.
    pub input: &'a InputOptions,
    /// How to write the output.
    pub output: &'a OutputOptions,
    /// The steps, in order, with their stats keys (the applied corpus step first, if any).
    pub steps: &'a [(String, Arc<dyn Step>)],
    /// The corpus step whose observer this unit feeds, if any.
    pub observe: Option<&'a dyn tamis_core::CorpusStep>,
    /// File layout of the run.
    pub layout: &'a RunLayout,
    /// Shared progress counters.
    pub progress: &'a Progress,
}

/// Runs one unit to completion: outputs, observations, stats, then the completion marker.
///
/// A file that cannot be opened fails the unit (a rerun retries it); bad records are counted
/// in `io.skipped_malformed` and skipped; a step that panics on a document drops that document
/// with the reason `panic` and the run goes on.
pub fn run_shard(job: &ShardJob<'_>) -> Result<RunStats> {
    let started = Instant::now();
    let mut stats = RunStats {
        shards: 1,
        ..RunStats::default()
    };
    let mut step_stats: Vec<StepStats> = vec![StepStats::default(); job.steps.len()];
    let out_dir = job.layout.data_dir(job.stage);
    remove_stale_temp_files(&out_dir, &tamis_io::output_file_name(job.output, job.shard));
    let mut writer = tamis_io::create_writer(job.output, &out_dir, job.shard)?;
    let mut observer: Option<Box<dyn Observer>> = job.observe.map(|c| c.observer());
    let mut ctx = StepContext {
        shard: job.shard,
        ..StepContext::default()
    };
    let mut doc_index = 0u64;

    for path in &job.files {
        let read_start = Instant::now();
        let mut reader = tamis_io::open(path, job.input)?;
        stats.io.read_ns += elapsed_ns(read_start);
        stats.io.files += 1;
        let mut consumed = 0u64;
        loop {
            let t = Instant::now();
            let item = reader.next();
            stats.io.read_ns += elapsed_ns(t);
            let now = reader.bytes_read();
            job.progress.add_bytes(now.saturating_sub(consumed));
            consumed = now;
            let Some(item) = item else { break };
            match item {
                ReadItem::Doc(mut doc) => {
                    stats.io.docs_read += 1;
                    job.progress.add_doc();
                    ctx.doc_index = doc_index;
                    doc_index += 1;
                    if apply_steps(job.steps, &mut step_stats, &mut doc, &mut ctx) {
                        if let Some(obs) = observer.as_mut() {
                            obs.observe(&doc);
                        }
                        let t = Instant::now();
                        writer.write(&doc)?;
                        stats.io.write_ns += elapsed_ns(t);
                        stats.io.docs_written += 1;
                        stats.io.text_bytes_out += doc.text.len() as u64;
                    }
                }
                ReadItem::Malformed(m) => {
                    stats.io.skipped_malformed += 1;
                    if stats.io.skipped_malformed <= MAX_LOGGED_MALFORMED {
                        log::warn!("skipped malformed record: {m}");
                    } else if stats.io.skipped_malformed == MAX_LOGGED_MALFORMED + 1 {
                        log::warn!(
                            "shard {}: more malformed records; only counting them from now on",
                            job.shard
                        );
                    }
                }
                ReadItem::Skipped => stats.io.skipped_other += 1,
            }
        }
        stats.io.bytes_in += consumed;
    }

    let t = Instant::now();
    writer.finish()?;
    stats.io.write_ns += elapsed_ns(t);
    if let Some(obs) = observer {
        let path = job.layout.observation_file(job.stage, job.shard);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        obs.save(&path)?;
    }
    for ((key, _), s) in job.steps.iter().zip(step_stats) {
        stats.steps.insert(key.clone(), s);
    }
    stats.wall_ns = elapsed_ns(started);
    let stats_path = job.layout.stats_file(job.stage, job.shard);
    let json = serde_json::to_vec_pretty(&stats).map_err(|e| Error::Format {
        path: stats_path.clone(),
        message: e.to_string(),
    })?;
    write_atomic(&stats_path, &json)?;
    write_atomic(&job.layout.completion_file(job.stage, job.shard), b"")?;
    Ok(stats)
}

/// Removes `<name>.tmp-*` files left in `dir` by an earlier attempt at this unit that was
/// killed before it could rename its output.
fn remove_stale_temp_files(dir: &std::path::Path, name: &str) {
    let prefix = format!("{name}.tmp");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix))
            && let Err(err) = std::fs::remove_file(e.path())
        {
            log::warn!(
                "could not remove stale temporary file {}: {err}",
                e.path().display()
            );
        }
    }
}

/// Runs `doc` through the steps with the bookkeeping; returns whether it is kept.
fn apply_steps(
    steps: &[(String, Arc<dyn Step>)],
    stats: &mut [StepStats],
    doc: &mut Document,
    ctx: &mut StepContext,
) -> bool {
    for ((key, step), st) in steps.iter().zip(stats.iter_mut()) {
        let t = Instant::now();
        ctx.measurements.clear();
        let outcome = catch_unwind(AssertUnwindSafe(|| step.process(doc, ctx)));
        st.time_ns += elapsed_ns(t);
        st.docs_in += 1;
        for (name, value) in ctx.measurements.drain(..) {
            match st.summaries.get_mut(name) {
                Some(s) => s.add(value),
                None => {
                    let mut s = tamis_core::Summary::default();
                    s.add(value);
                    st.summaries.insert(name.to_owned(), s);
                }
            }
        }
        let reason = match outcome {
            Ok(Outcome::Keep) => {
                st.kept += 1;
                continue;
            }
            Ok(Outcome::Modified) => {
                st.kept += 1;
                st.modified += 1;
                continue;
            }
            Ok(Outcome::Drop(r)) => r.as_str(),
            Err(_) => {
                log::error!("step {key} panicked on document {:?}; dropped it", doc.id);
                "panic"
            }
        };
        match st.dropped.get_mut(reason) {
            Some(n) => *n += 1,
            None => {
                st.dropped.insert(reason.to_owned(), 1);
            }
        }
        return false;
    }
    true
}

fn elapsed_ns(t: Instant) -> u64 {
    u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX)
}
