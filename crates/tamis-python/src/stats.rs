//! `tamis.stats`: merging and rendering per-shard statistics.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use tamis_core::RunStats;

use crate::convert::{serde_to_py, to_json};
use crate::errors::IntoPyResult;

/// Adds up the per-shard stats files of a run directory: one dict per stage.
#[pyfunction]
pub fn merge_stats(py: Python<'_>, dir: std::path::PathBuf) -> PyResult<Bound<'_, PyAny>> {
    let stages = py.detach(|| tamis_exec::merge_stats(&dir)).py()?;
    serde_to_py(py, &stages)
}

/// Combines per-stage stats into the whole run's (steps of all stages, input counters of the
/// first, output counters of the last).
#[pyfunction]
pub fn total_stats<'py>(
    py: Python<'py>,
    stages: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let stages = parse(stages)?;
    serde_to_py(py, &tamis_exec::total_stats(&stages))
}

/// Renders per-stage stats as the table `tamis stats` prints.
#[pyfunction]
pub fn stats_table(stages: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(tamis_exec::stats_table(&parse(stages)?))
}

fn parse(stages: &Bound<'_, PyAny>) -> PyResult<Vec<RunStats>> {
    serde_json::from_value(to_json(stages)?)
        .map_err(|e| PyValueError::new_err(format!("not tamis stats: {e}")))
}
