//! # tamis-python
//!
//! The native part of the `tamis` Python package (`tamis._tamis`).
//!
//! ## Brief overview
//!
//! * [`pipeline`]: `Pipeline` (from TOML, a file, a dict or parts; picklable through its JSON
//!   config), `step_config`/`section_config` (validate one step's or section's keyword
//!   arguments through the same serde structs as the pipeline file) and `schema`.
//! * [`exec`]: `run` (the local executor), `plan`, `run_shard` (one (stage, shard) unit, the
//!   building block of `tamis.ray`) and `finish`; the GIL is released for the work.
//! * [`io`]: `Reader` (files → dicts or pyarrow record batches, optionally through steps) and
//!   `Writer` (dicts or record batches → a JSONL/Parquet shard).
//! * [`stats`]: merging and rendering per-shard statistics.
//! * [`errors`]: the one mapping from `tamis_core::Error` to the `tamis.errors` classes.
//!
//! The Python modules in `python/tamis/` wrap these into the public API (`tamis.io`,
//! `tamis.pipeline`, `tamis.steps`, `tamis.exec`, `tamis.stats`, `tamis.ray`).

// pyo3's macros expand to unsafe FFI glue; this crate itself writes none.
#![allow(unsafe_code)]

pub mod convert;
pub mod errors;
pub mod exec;
pub mod io;
pub mod pipeline;
pub mod stats;

use pyo3::prelude::*;

/// The `tamis` binary's allocator, so that a run from Python costs what the same run costs
/// from the command line. It serves the Rust side only; Python objects keep Python's.
/// Arrow buffers handed to pyarrow are freed through their release callback, by Rust.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The extension module `tamis._tamis`.
#[pymodule]
fn _tamis(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<pipeline::PyPipeline>()?;
    m.add_function(wrap_pyfunction!(pipeline::step_config, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::section_config, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::schema, m)?)?;
    m.add_function(wrap_pyfunction!(exec::run, m)?)?;
    m.add_function(wrap_pyfunction!(exec::plan, m)?)?;
    m.add_function(wrap_pyfunction!(exec::run_shard, m)?)?;
    m.add_function(wrap_pyfunction!(exec::finish, m)?)?;
    m.add_class::<io::PyReader>()?;
    m.add_class::<io::PyWriter>()?;
    m.add_class::<io::PyProcessor>()?;
    m.add_function(wrap_pyfunction!(stats::merge_stats, m)?)?;
    m.add_function(wrap_pyfunction!(stats::total_stats, m)?)?;
    m.add_function(wrap_pyfunction!(stats::stats_table, m)?)?;
    Ok(())
}
