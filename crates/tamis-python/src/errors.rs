//! The one place where Rust errors become Python exceptions.
//!
//! The exception classes live in `tamis/errors.py` (so that they can also derive from the
//! matching built-in: `ConfigError` is a `ValueError`, `IoError` an `OSError`); this module
//! maps each [`tamis_core::Error`] variant to its class and attaches the structured fields
//! (`location`, `path`, `step`, `shard`) as attributes.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use tamis_core::Error;

/// Converts a tamis error into the matching `tamis.errors` exception.
pub fn to_py_err(e: Error) -> PyErr {
    Python::attach(|py| match build(py, &e) {
        Ok(err) => err,
        Err(_) => PyRuntimeError::new_err(e.to_string()),
    })
}

fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let module = py.import("tamis.errors")?;
    let (class, attrs): (&str, Vec<(&str, Bound<'_, PyAny>)>) = match e {
        Error::Config { location, message } => (
            "ConfigError",
            vec![
                ("location", location.clone().into_pyobject(py)?.into_any()),
                ("message", message.clone().into_pyobject(py)?.into_any()),
            ],
        ),
        Error::Io { path, source } => (
            "IoError",
            vec![
                (
                    "path",
                    path.to_string_lossy()
                        .into_owned()
                        .into_pyobject(py)?
                        .into_any(),
                ),
                ("errno", source.raw_os_error().into_pyobject(py)?.into_any()),
            ],
        ),
        Error::Format { path, message } => (
            "FormatError",
            vec![
                (
                    "path",
                    path.to_string_lossy()
                        .into_owned()
                        .into_pyobject(py)?
                        .into_any(),
                ),
                ("message", message.clone().into_pyobject(py)?.into_any()),
            ],
        ),
        Error::Step { step, message } => (
            "StepError",
            vec![
                ("step", step.clone().into_pyobject(py)?.into_any()),
                ("message", message.clone().into_pyobject(py)?.into_any()),
            ],
        ),
        Error::Shard { shard, message } => (
            "ShardError",
            vec![
                ("shard", shard.into_pyobject(py)?.into_any()),
                ("message", message.clone().into_pyobject(py)?.into_any()),
            ],
        ),
        _ => ("TamisError", Vec::new()),
    };
    let cls = module.getattr(class)?;
    let value = cls.call1((e.to_string(),))?;
    for (k, v) in attrs {
        value.setattr(k, v)?;
    }
    Ok(PyErr::from_value(value))
}

/// `Result` of tamis, converted for Python.
pub trait IntoPyResult<T> {
    /// Maps the error with [`to_py_err`].
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for tamis_core::Result<T> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_py_err)
    }
}

/// A config error raised from the bindings themselves (bad keyword argument, bad type).
pub fn config_err(location: &str, message: impl Into<String>) -> PyErr {
    to_py_err(Error::config(location, message))
}
