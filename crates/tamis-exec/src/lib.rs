//! # tamis-exec
//!
//! Runs a [`tamis_pipeline::Pipeline`].
//!
//! ## Brief overview
//!
//! * The unit of work is *(pipeline, stage, shard index, shard count)*. [`plan_shards`] cuts the
//!   sorted input file list into contiguous shards, so concatenating the shards' outputs in
//!   order keeps the input order.
//! * [`run_shard`] runs one unit: read, apply the steps, write the output under a temporary
//!   name and rename it, write `stats/<shard>.json`, then a completion marker. A unit is done
//!   only when its marker exists, so a rerun after `kill -9` at any moment redoes exactly the
//!   unfinished units and the output ends up as if nothing had happened. [`RunLayout`] names
//!   every file of a run directory.
//! * [`LocalExecutor`] runs all shards of a stage on a pool of worker threads (one shard per
//!   worker from start to finish), waits for the stage to complete (the barrier before a
//!   corpus-level step), and goes on with the next stage. The output does not depend on the
//!   number of workers.
//! * The run directory may be an object-store URL (`s3://bucket/run`, `gs://`, `az://`; inputs
//!   too, through `tamis-io`): output shards are staged locally and uploaded when complete,
//!   and the manifest, stats and markers are objects (single-stage pipelines).
//! * [`merge_stats`] adds up the per-shard statistics of a run directory and [`stats_table`]
//!   renders them for `tamis stats`.
//!
//! ```no_run
//! use tamis_exec::{ExecOptions, LocalExecutor};
//! use tamis_pipeline::PipelineConfig;
//!
//! let pipeline = PipelineConfig::from_path("examples/clean.toml".as_ref())?.build()?;
//! let report = LocalExecutor::new(ExecOptions::default()).run(&pipeline)?;
//! println!("{} docs written, {} shards failed", report.stats.io.docs_written, report.failed.len());
//! # Ok::<(), tamis_core::Error>(())
//! ```

mod layout;
mod local;
mod plan;
mod progress;
mod remote;
mod shard;
mod stats;

pub use layout::{RunLayout, RunManifest};
pub use local::{
    DEFAULT_MAX_SHARDS, ExecOptions, LocalExecutor, PreparedStage, RunPlan, RunReport,
    ShardFailure, total_stats,
};
pub use plan::plan_shards;
pub use progress::{Progress, ProgressMode};
pub use shard::{ShardJob, run_shard};
pub use stats::{merge_stats, stats_table};
