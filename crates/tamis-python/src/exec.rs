//! `tamis.exec`: running pipelines. The local executor for a whole run, and the single
//! (stage, shard) unit that any other engine (Ray, Slurm, a notebook loop) runs. The GIL is
//! released for the whole of the work.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use tamis_core::RunStats;
use tamis_exec::{
    ExecOptions, LocalExecutor, PreparedStage, Progress, ProgressMode, RunPlan, RunReport,
};

use crate::convert::serde_to_py;
use crate::errors::IntoPyResult;
use crate::pipeline::PyPipeline;

/// Runs (or resumes) a pipeline on this machine with a pool of worker threads and returns
/// the report as a dict. Failed shards are listed in `report["failed"]`; configuration and
/// run-directory problems raise.
#[pyfunction]
#[pyo3(signature = (pipeline, workers = None, shards = None, only_shard = None, progress = false, keep_intermediate = false))]
pub fn run<'py>(
    py: Python<'py>,
    pipeline: &Bound<'py, PyPipeline>,
    workers: Option<usize>,
    shards: Option<usize>,
    only_shard: Option<usize>,
    progress: bool,
    keep_intermediate: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let p = pipeline.get().inner.clone();
    let opts = ExecOptions {
        workers,
        shards,
        only_shard,
        progress: if progress {
            ProgressMode::Auto
        } else {
            ProgressMode::Off
        },
        keep_intermediate,
    };
    let report = py.detach(|| LocalExecutor::new(opts).run(&p)).py()?;
    report_to_py(py, &report)
}

/// Plans a run without reading data: lists the inputs, cuts the shards, writes or checks the
/// run manifest. Returns `{"shards", "stages", "root", "complete": [[bool] per shard] per
/// stage}`.
#[pyfunction]
#[pyo3(signature = (pipeline, shards = None))]
pub fn plan<'py>(
    py: Python<'py>,
    pipeline: &Bound<'py, PyPipeline>,
    shards: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let p = pipeline.get().inner.clone();
    let plan = py.detach(|| RunPlan::new(&p, shards)).py()?;
    let d = PyDict::new(py);
    d.set_item("shards", plan.shards)?;
    d.set_item("stages", plan.layout.stages)?;
    d.set_item("root", plan.layout.root.to_string_lossy().into_owned())?;
    let complete: Vec<Vec<bool>> = (0..plan.layout.stages)
        .map(|k| {
            (0..plan.shards)
                .map(|i| plan.layout.is_complete(k, i))
                .collect()
        })
        .collect();
    d.set_item("complete", complete)?;
    Ok(d)
}

/// Runs one unit of work, shard `shard` of `shards` of stage `stage`, to completion
/// (outputs, stats, completion marker), releasing the GIL. A unit that completed before is
/// not run again. Stage `k > 0` needs every shard of stage `k - 1` complete.
///
/// Returns `{"stage", "shard", "skipped": bool, "stats": dict | None}`.
#[pyfunction]
pub fn run_shard<'py>(
    py: Python<'py>,
    pipeline: &Bound<'py, PyPipeline>,
    stage: usize,
    shard: usize,
    shards: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let p = pipeline.get().inner.clone();
    let result: tamis_core::Result<Option<RunStats>> = py.detach(|| {
        let plan = RunPlan::new(&p, Some(shards))?;
        if shard >= plan.shards {
            return Err(tamis_core::Error::config(
                "shard",
                format!(
                    "shard {shard} does not exist: shards are 0..{}",
                    plan.shards
                ),
            ));
        }
        if plan.layout.is_complete(stage, shard) {
            return Ok(None);
        }
        let prepared = PreparedStage::new(&p, &plan, stage)?;
        prepared.run_unit(shard, &Progress::default()).map(Some)
    });
    let stats = result.py()?;
    let d = PyDict::new(py);
    d.set_item("stage", stage)?;
    d.set_item("shard", shard)?;
    d.set_item("skipped", stats.is_none())?;
    match stats {
        Some(s) => d.set_item("stats", serde_to_py(py, &s)?)?,
        None => d.set_item("stats", py.None())?,
    }
    Ok(d)
}

/// Ends a run driven from outside (Ray): removes the intermediate data of earlier stages
/// once every unit is complete (unless `keep_intermediate`), and returns the same report
/// dict as `run` with the merged statistics.
#[pyfunction]
#[pyo3(signature = (pipeline, shards, keep_intermediate = false))]
pub fn finish<'py>(
    py: Python<'py>,
    pipeline: &Bound<'py, PyPipeline>,
    shards: usize,
    keep_intermediate: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let p = pipeline.get().inner.clone();
    let report = py
        .detach(|| -> tamis_core::Result<RunReport> {
            let plan = RunPlan::new(&p, Some(shards))?;
            let complete = plan.complete();
            if !keep_intermediate {
                plan.remove_intermediate();
            }
            let stages = tamis_exec::merge_stats(&plan.layout.root)?;
            let stats = tamis_exec::total_stats(&stages);
            Ok(RunReport {
                shards: plan.shards,
                stages,
                complete,
                layout: Some(plan.layout),
                stats,
                ..RunReport::default()
            })
        })
        .py()?;
    report_to_py(py, &report)
}

/// A run report as a dict.
pub fn report_to_py<'py>(py: Python<'py>, r: &RunReport) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("shards", r.shards)?;
    d.set_item("complete", r.complete)?;
    d.set_item("units_run", r.units_run)?;
    d.set_item("units_skipped", r.units_skipped)?;
    d.set_item("waiting_for_other_shards", r.waiting_for_other_shards)?;
    let failed = pyo3::types::PyList::empty(py);
    for f in &r.failed {
        let x = PyDict::new(py);
        x.set_item("stage", f.stage)?;
        x.set_item("shard", f.shard)?;
        x.set_item("error", &f.error)?;
        failed.append(x)?;
    }
    d.set_item("failed", failed)?;
    d.set_item(
        "output",
        r.layout
            .as_ref()
            .map(|l| l.root.to_string_lossy().into_owned()),
    )?;
    d.set_item("stages", serde_to_py(py, &r.stages)?)?;
    d.set_item("stats", serde_to_py(py, &r.stats)?)?;
    Ok(d)
}
