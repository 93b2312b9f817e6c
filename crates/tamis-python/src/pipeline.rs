//! `tamis.pipeline`: pipelines built from TOML, dicts or parts, validated before any data is
//! read, picklable (through their JSON config) so that Ray tasks can receive them.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use serde_json::{Map, Value, json};
use tamis_pipeline::{Pipeline, PipelineConfig};

use crate::convert::{to_json, to_py};
use crate::errors::{IntoPyResult, config_err};

/// A validated pipeline: input, steps (cut into stages at corpus-level steps) and output.
///
/// Build it with `Pipeline(input=..., steps=[...], output=...)`, `Pipeline.from_toml(text)`,
/// `Pipeline.from_file(path)` or `Pipeline.from_dict(d)`. Invalid configuration raises
/// `tamis.ConfigError` naming the step and the field.
#[pyclass(name = "Pipeline", module = "tamis._tamis", frozen)]
pub struct PyPipeline {
    /// The built pipeline.
    pub inner: Arc<Pipeline>,
    /// Its config as JSON (the pipeline file's shape), for pickling and `to_dict`.
    pub config: Value,
}

impl PyPipeline {
    /// Parses and builds a pipeline from its JSON config.
    pub fn from_value(value: Value) -> PyResult<Self> {
        let value = strip_nulls(value);
        let config = PipelineConfig::from_json(value).py()?;
        Self::from_config(config)
    }

    fn from_config(config: PipelineConfig) -> PyResult<Self> {
        let json =
            serde_json::to_value(&config).map_err(|e| config_err("pipeline", e.to_string()))?;
        let inner = config.build().py()?;
        Ok(Self {
            inner: Arc::new(inner),
            config: json,
        })
    }
}

#[pymethods]
impl PyPipeline {
    /// A pipeline from its parts: `input` (a `tamis.io.Input` or a dict of its fields),
    /// `steps` (step objects from `tamis.steps` or dicts with a `type`), `output` (a
    /// `tamis.io.Output` or dict) and `run` (dict of the `[run]` table).
    #[new]
    #[pyo3(signature = (input, output, steps = None, run = None))]
    fn new(
        input: &Bound<'_, PyAny>,
        output: &Bound<'_, PyAny>,
        steps: Option<&Bound<'_, PyAny>>,
        run: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let input = match input.extract::<String>() {
            Ok(path) => json!({ "paths": [path] }),
            Err(_) => match input.cast::<PyList>() {
                Ok(list) => json!({ "paths": to_json(list.as_any())? }),
                Err(_) => to_json(input)?,
            },
        };
        let output = match output.extract::<String>() {
            Ok(path) => json!({ "path": path }),
            Err(_) => to_json(output)?,
        };
        let mut config = Map::new();
        config.insert("version".into(), json!(tamis_pipeline::CONFIG_VERSION));
        config.insert("input".into(), input);
        config.insert(
            "steps".into(),
            match steps {
                Some(s) => to_json(s)?,
                None => json!([]),
            },
        );
        config.insert("output".into(), output);
        if let Some(r) = run {
            config.insert("run".into(), to_json(r)?);
        }
        Self::from_value(Value::Object(config))
    }

    /// Parses a pipeline file's text (TOML).
    #[staticmethod]
    fn from_toml(text: &str) -> PyResult<Self> {
        Self::from_config(PipelineConfig::from_toml_str(text).py()?)
    }

    /// Reads and parses a pipeline file.
    #[staticmethod]
    fn from_file(path: std::path::PathBuf) -> PyResult<Self> {
        Self::from_config(PipelineConfig::from_path(&path).py()?)
    }

    /// A pipeline from a dict of the pipeline file's shape (`version`, `input`, `steps`,
    /// `output`, `run`).
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::from_value(to_json(d)?)
    }

    /// A pipeline from the JSON text of its config (what `to_json` returns).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| config_err("pipeline", e.to_string()))?;
        Self::from_value(v)
    }

    /// The config as a dict (every field, defaults filled in).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.config)
    }

    /// The config as JSON text.
    fn to_json(&self) -> String {
        self.config.to_string()
    }

    /// Number of stages (one more per corpus-level step such as `frequent_lines`).
    #[getter]
    fn stages(&self) -> usize {
        self.inner.stages.len()
    }

    /// The stats keys of the steps of each stage (`["00.extract", ...]`).
    #[getter]
    fn stage_steps(&self) -> Vec<Vec<String>> {
        self.inner
            .stages
            .iter()
            .map(|s| {
                s.apply
                    .iter()
                    .map(|(k, _)| k.clone())
                    .chain(s.steps.iter().map(|(k, _)| k.clone()))
                    .collect()
            })
            .collect()
    }

    /// The output directory.
    #[getter]
    fn output_path(&self) -> String {
        self.inner.config.output.path.clone()
    }

    fn __repr__(&self) -> String {
        let steps: Vec<&str> = self.inner.config.steps.iter().map(|s| s.tag()).collect();
        format!(
            "Pipeline(input={:?}, steps={:?}, output={:?})",
            self.inner.config.input.paths, steps, self.inner.config.output.path
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyPipeline>()
            .is_ok_and(|o| o.get().config == self.config)
    }

    /// Pickles through the JSON config.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let ctor = slf.get_type().getattr("from_json")?;
        let args = PyTuple::new(py, [slf.get().config.to_string()])?;
        PyTuple::new(py, [ctor, args.into_any()])
    }
}

/// Removes `null` members of objects (TOML has no null; a missing field means its default).
fn strip_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, x)| !x.is_null())
                .map(|(k, x)| (k, strip_nulls(x)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// Validates one step's settings and returns them with every default filled in
/// (`{"type": tag, ...}`); raises `ConfigError` naming the field.
#[pyfunction]
pub fn step_config<'py>(
    py: Python<'py>,
    tag: &str,
    fields: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut step = match to_json(fields.as_any())? {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    step.insert("type".into(), Value::String(tag.to_owned()));
    let probe = json!({
        "version": tamis_pipeline::CONFIG_VERSION,
        "input": {"paths": ["-"]},
        "steps": [strip_nulls(Value::Object(step))],
        "output": {"path": "-"},
    });
    let config = PipelineConfig::from_json(probe)
        .map_err(|e| relocate(e, tag))
        .py()?;
    let Some(first) = config.steps.first() else {
        return Err(config_err(tag, "no step parsed"));
    };
    first.build().map_err(|e| relocate(e, tag)).py()?;
    crate::convert::serde_to_py(py, first)
}

/// Validates `[input]` or `[output]` fields; returns them with defaults filled in.
#[pyfunction]
pub fn section_config<'py>(
    py: Python<'py>,
    section: &str,
    fields: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    let v = to_json(fields.as_any())?;
    let v = strip_nulls(v);
    match section {
        "input" => {
            let o: tamis_io::InputOptions =
                serde_json::from_value(v).map_err(|e| config_err("input", e.to_string()))?;
            o.validate()
                .map_err(|e| relocate_section(e, "input"))
                .py()?;
            crate::convert::serde_to_py(py, &o)
        }
        "output" => {
            let o: tamis_io::OutputOptions =
                serde_json::from_value(v).map_err(|e| config_err("output", e.to_string()))?;
            o.validate()
                .map_err(|e| relocate_section(e, "output"))
                .py()?;
            crate::convert::serde_to_py(py, &o)
        }
        "run" => {
            let o: tamis_pipeline::RunOptions =
                serde_json::from_value(v).map_err(|e| config_err("run", e.to_string()))?;
            crate::convert::serde_to_py(py, &o)
        }
        other => Err(config_err(
            "section",
            format!("unknown section {other:?}; expected input, output or run"),
        )),
    }
}

fn relocate(e: tamis_core::Error, tag: &str) -> tamis_core::Error {
    match e {
        tamis_core::Error::Config { location, message } => {
            let prefix = format!("steps[0] ({tag})");
            let loc = match location.strip_prefix(&prefix) {
                Some(rest) => format!("{tag}{rest}"),
                None => location.replace("steps[0]", tag),
            };
            tamis_core::Error::config(loc, message)
        }
        other => other,
    }
}

fn relocate_section(e: tamis_core::Error, section: &str) -> tamis_core::Error {
    match e {
        tamis_core::Error::Config { location, message } => {
            tamis_core::Error::config(format!("{section}.{location}"), message)
        }
        other => other,
    }
}

/// The JSON schema of a pipeline file (generated from the config types).
#[pyfunction]
pub fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &tamis_pipeline::schema())
}
