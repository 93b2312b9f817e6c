//! The local executor: all shards of a stage on a pool of threads, stage after stage; and the
//! pieces any other engine (Slurm, Ray) uses to run single units.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tamis_core::{CorpusStep, Error, Result, RunStats, Step};
use tamis_io::{InputFormat, InputOptions, OutputOptions};
use tamis_pipeline::Pipeline;

use crate::layout::{RunLayout, RunManifest};
use crate::plan::plan_shards;
use crate::progress::{Progress, ProgressMode, Reporter};
use crate::shard::{ShardJob, run_shard};
use crate::stats::merge_stats;

/// Default upper bound of the shard count when it is derived from the number of input files.
pub const DEFAULT_MAX_SHARDS: usize = 4096;

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct ExecOptions {
    /// Worker threads; default `[run] workers`, else the number of cores.
    pub workers: Option<usize>,
    /// Shard count; default `[run] shards`, else one per input file (at most 4096).
    pub shards: Option<usize>,
    /// Run only this shard (Slurm array style: `--shard I --of N`).
    pub only_shard: Option<usize>,
    /// Progress display.
    pub progress: ProgressMode,
    /// Keep the intermediate data of earlier stages after the run completes.
    pub keep_intermediate: bool,
}

/// A unit that failed.
#[derive(Debug, Clone)]
pub struct ShardFailure {
    /// Stage index.
    pub stage: usize,
    /// Shard index.
    pub shard: usize,
    /// What went wrong.
    pub error: String,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// Number of shards.
    pub shards: usize,
    /// Per-stage statistics, merged over every completed unit in the run directory.
    pub stages: Vec<RunStats>,
    /// Units that failed in this invocation; a rerun retries them.
    pub failed: Vec<ShardFailure>,
    /// Units run by this invocation.
    pub units_run: usize,
    /// Units skipped because they had completed before.
    pub units_skipped: usize,
    /// With `only_shard`: a later stage is waiting for other shards of an earlier one.
    pub waiting_for_other_shards: bool,
    /// Whether every unit of every stage is complete.
    pub complete: bool,
    /// Run directory layout.
    pub layout: Option<RunLayout>,
    /// The statistics of the whole run: steps of all stages, input counters of the first,
    /// output counters of the last.
    pub stats: RunStats,
}

/// A run that has been planned: inputs listed, shards cut, run directory claimed.
///
/// Planning is deterministic: the same pipeline and shard count give the same plan on any
/// machine that sees the same input files, so a driver (Ray, Slurm) and its workers agree.
#[derive(Debug, Clone)]
pub struct RunPlan {
    /// Number of shards.
    pub shards: usize,
    /// Files of each shard of the first stage.
    pub shard_files: Vec<Vec<PathBuf>>,
    /// Files of the run directory.
    pub layout: RunLayout,
}

impl RunPlan {
    /// Lists the inputs, cuts them into `shards` (default `[run] shards`, else one per file, at
    /// most [`DEFAULT_MAX_SHARDS`]), and writes or checks the run manifest. Reads no data.
    pub fn new(pipeline: &Pipeline, shards: Option<usize>) -> Result<Self> {
        let config = &pipeline.config;
        let files = tamis_io::list_inputs(&config.input)?;
        let shards = shards
            .or(config.run.shards)
            .unwrap_or_else(|| files.len().clamp(1, DEFAULT_MAX_SHARDS));
        if shards == 0 {
            return Err(Error::config("shards", "must be at least 1"));
        }
        let layout = RunLayout::new(&config.output.path, pipeline.stages.len());
        let manifest = RunManifest {
            tamis_version: env!("CARGO_PKG_VERSION").to_owned(),
            shards,
            pipeline: serde_json::json!({
                "input": config.input,
                "steps": config.steps,
                "output": config.output,
            }),
        };
        match crate::remote::url(&layout.root) {
            Some(url) => crate::remote::check_stages(url, layout.stages)?,
            None => {
                std::fs::create_dir_all(&layout.root).map_err(|e| Error::io(&layout.root, e))?
            }
        }
        manifest.ensure(&layout.manifest_file())?;
        Ok(Self {
            shards,
            shard_files: plan_shards(&files, shards),
            layout,
        })
    }

    /// Whether every unit of `stage` is complete.
    pub fn stage_complete(&self, stage: usize) -> bool {
        (0..self.shards).all(|i| self.layout.is_complete(stage, i))
    }

    /// Whether every unit of every stage is complete.
    pub fn complete(&self) -> bool {
        (0..self.layout.stages).all(|k| self.stage_complete(k))
    }

    /// Removes the intermediate data of earlier stages (only once the run is complete).
    pub fn remove_intermediate(&self) {
        if !self.complete() {
            return;
        }
        for k in 0..self.layout.stages.saturating_sub(1) {
            let dir = self.layout.data_dir(k);
            if let Err(e) = std::fs::remove_dir_all(&dir)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                log::warn!("could not remove intermediate data {}: {e}", dir.display());
            }
        }
    }
}

/// One stage made ready to run its units: inputs resolved and the corpus step of the previous
/// stage built from its observations. Shared by the threads that run the stage's units.
pub struct PreparedStage<'p> {
    stage: usize,
    input: InputOptions,
    shard_files: Vec<Vec<PathBuf>>,
    steps: Vec<(String, Arc<dyn Step>)>,
    output: OutputOptions,
    observe: Option<&'p dyn CorpusStep>,
    layout: RunLayout,
}

impl<'p> PreparedStage<'p> {
    /// Prepares stage `k` of `pipeline`. For `k > 0` every unit of stage `k - 1` must be
    /// complete (the barrier); otherwise this is an error.
    pub fn new(pipeline: &'p Pipeline, plan: &RunPlan, k: usize) -> Result<Self> {
        let stage = pipeline.stages.get(k).ok_or_else(|| {
            Error::config(
                "stage",
                format!("the pipeline has {} stages", pipeline.stages.len()),
            )
        })?;
        let layout = plan.layout.clone();
        let (input, shard_files) = if k == 0 {
            (pipeline.config.input.clone(), plan.shard_files.clone())
        } else {
            if !plan.stage_complete(k - 1) {
                return Err(Error::Shard {
                    shard: 0,
                    message: format!(
                        "stage {k} cannot start: stage {} is not complete on every shard",
                        k - 1
                    ),
                });
            }
            let prev = layout.intermediate_output(k - 1);
            let dir = layout.data_dir(k - 1);
            let per_shard = (0..plan.shards)
                .map(|i| vec![dir.join(tamis_io::output_file_name(&prev, i))])
                .collect();
            let input = InputOptions {
                paths: vec![dir.to_string_lossy().into_owned()],
                format: InputFormat::Jsonl,
                ..InputOptions::default()
            };
            (input, per_shard)
        };
        let mut steps: Vec<(String, Arc<dyn Step>)> = Vec::new();
        if let Some((key, corpus)) = &stage.apply {
            let obs: Vec<PathBuf> = (0..plan.shards)
                .map(|i| layout.observation_file(k - 1, i))
                .collect();
            let obs_refs: Vec<&std::path::Path> = obs.iter().map(PathBuf::as_path).collect();
            let built = corpus.build(&obs_refs)?;
            steps.push((key.clone(), Arc::from(built)));
        }
        steps.extend(stage.steps.iter().cloned());
        let last = pipeline.stages.len() - 1;
        let output = if k == last {
            pipeline.config.output.clone()
        } else {
            layout.intermediate_output(k)
        };
        Ok(Self {
            stage: k,
            input,
            shard_files,
            steps,
            output,
            observe: stage.observe.as_ref().map(|(_, c)| c.as_ref()),
            layout,
        })
    }

    /// Compressed input bytes of the given shards (for progress).
    pub fn input_bytes(&self, shards: &[usize]) -> u64 {
        shards
            .iter()
            .flat_map(|&i| self.shard_files.get(i).into_iter().flatten())
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum()
    }

    /// Runs one unit of this stage to completion (outputs, stats, completion marker). A panic
    /// inside is turned into an error.
    pub fn run_unit(&self, shard: usize, progress: &Progress) -> Result<RunStats> {
        let job = ShardJob {
            stage: self.stage,
            shard,
            files: self.shard_files.get(shard).cloned().unwrap_or_default(),
            input: &self.input,
            output: &self.output,
            steps: &self.steps,
            observe: self.observe,
            layout: &self.layout,
            progress,
        };
        match catch_unwind(AssertUnwindSafe(|| run_shard(&job))) {
            Ok(r) => r,
            Err(panic) => Err(Error::Shard {
                shard,
                message: panic_message(&panic),
            }),
        }
    }
}

/// Runs pipelines on this machine.
#[derive(Debug, Clone, Default)]
pub struct LocalExecutor {
    opts: ExecOptions,
}

impl LocalExecutor {
    /// An executor with these options.
    pub fn new(opts: ExecOptions) -> Self {
        Self { opts }
    }

    /// Runs (or resumes) `pipeline`. Errors are problems of configuration or of the run
    /// directory, found before any data is read; failures of single shards are in the report.
    pub fn run(&self, pipeline: &Pipeline) -> Result<RunReport> {
        let config = &pipeline.config;
        let plan = RunPlan::new(pipeline, self.opts.shards)?;
        let shards = plan.shards;
        if let Some(i) = self.opts.only_shard
            && i >= shards
        {
            return Err(Error::config(
                "shard",
                format!("shard {i} does not exist: shards are 0..{shards}"),
            ));
        }
        let workers = self
            .opts
            .workers
            .or(config.run.workers)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let wanted: Vec<usize> = match self.opts.only_shard {
            Some(i) => vec![i],
            None => (0..shards).collect(),
        };
        let layout = plan.layout.clone();
        let mut report = RunReport {
            shards,
            layout: Some(layout.clone()),
            ..RunReport::default()
        };

        for k in 0..pipeline.stages.len() {
            let pending: Vec<usize> = wanted
                .iter()
                .copied()
                .filter(|&i| !layout.is_complete(k, i))
                .collect();
            report.units_skipped += wanted.len() - pending.len();
            if pending.is_empty() {
                continue;
            }
            if k > 0 && !plan.stage_complete(k - 1) {
                report.waiting_for_other_shards = true;
                break;
            }
            let stage = PreparedStage::new(pipeline, &plan, k)?;
            let progress = Arc::new(Progress::default());
            let label = if pipeline.stages.len() > 1 {
                format!("stage {}/{}", k + 1, pipeline.stages.len())
            } else {
                "tamis".to_owned()
            };
            let reporter = Reporter::start(
                self.opts.progress,
                label,
                stage.input_bytes(&pending),
                Arc::clone(&progress),
            );
            let next = AtomicUsize::new(0);
            let abort = AtomicBool::new(false);
            let failures = Mutex::new(Vec::new());
            let ran = AtomicUsize::new(0);
            std::thread::scope(|s| {
                for _ in 0..workers.min(pending.len()) {
                    s.spawn(|| {
                        loop {
                            if abort.load(Ordering::Relaxed) {
                                break;
                            }
                            let j = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&shard) = pending.get(j) else { break };
                            let result = stage.run_unit(shard, &progress);
                            ran.fetch_add(1, Ordering::Relaxed);
                            let Err(e) = result else { continue };
                            let error = e.to_string();
                            log::error!("stage {k} shard {shard} failed: {error}");
                            if let Ok(mut f) = failures.lock() {
                                f.push(ShardFailure {
                                    stage: k,
                                    shard,
                                    error,
                                });
                            }
                            if config.run.fail_fast {
                                abort.store(true, Ordering::Relaxed);
                            }
                        }
                    });
                }
            });
            drop(reporter);
            report.units_run += ran.load(Ordering::Relaxed);
            let mut failed = failures.into_inner().unwrap_or_default();
            failed.sort_by_key(|f| f.shard);
            let stage_failed = !failed.is_empty();
            report.failed.extend(failed);
            if stage_failed {
                break;
            }
        }

        report.complete = plan.complete();
        if !self.opts.keep_intermediate {
            plan.remove_intermediate();
        }
        // Nothing completed yet (every shard failed) is not an error of the run directory.
        report.stages = if report.units_run + report.units_skipped > report.failed.len() {
            merge_stats(&layout.root)?
        } else {
            Vec::new()
        };
        report.stats = total_stats(&report.stages);
        Ok(report)
    }
}

/// Combines per-stage stats: steps of every stage, reading counters of the first stage,
/// writing counters of the last.
pub fn total_stats(stages: &[RunStats]) -> RunStats {
    let mut total = RunStats::default();
    for s in stages {
        for (k, v) in &s.steps {
            *total.steps.entry(k.clone()).or_default() += v;
        }
        total.wall_ns += s.wall_ns;
    }
    if let Some(first) = stages.first() {
        total.shards = first.shards;
        total.io = first.io.clone();
    }
    if let Some(last) = stages.last() {
        total.io.docs_written = last.io.docs_written;
        total.io.text_bytes_out = last.io.text_bytes_out;
        total.io.write_ns = stages.iter().map(|s| s.io.write_ns).sum();
    }
    total
}

fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        format!("panicked: {s}")
    } else if let Some(s) = p.downcast_ref::<String>() {
        format!("panicked: {s}")
    } else {
        "panicked".to_owned()
    }
}
