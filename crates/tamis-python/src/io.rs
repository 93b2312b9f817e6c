//! `tamis.io`: reading files into documents (dicts or Arrow record batches) and writing
//! documents out as JSONL/Parquet shards, with the GIL released while reading, processing
//! and writing.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use arrow::array::{Array, ArrayRef, StringArray, StringBuilder};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::pyarrow::{FromPyArrow, ToPyArrow};
use arrow::record_batch::RecordBatch;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::{Value, json};
use tamis_core::{Document, Outcome, Step, StepContext};
use tamis_io::{DocReader, DocWriter, InputOptions, OutputOptions, ReadItem};
use tamis_pipeline::PipelineConfig;

use crate::convert::{doc_from_py, doc_to_py, to_json};
use crate::errors::{IntoPyResult, config_err};

/// Most text bytes gathered into one batch, whatever the batch size asked for (bounds memory
/// on corpora of huge pages).
const MAX_BATCH_BYTES: usize = 256 * 1024 * 1024;
/// Malformed records logged per reader before they are only counted.
const MAX_LOGGED_MALFORMED: u64 = 10;

#[derive(Default)]
struct Counts {
    files: u64,
    docs_read: u64,
    skipped_malformed: u64,
    skipped_other: u64,
    dropped: u64,
    docs_out: u64,
}

struct ReaderState {
    files: Vec<PathBuf>,
    next_file: usize,
    current: Option<DocReader>,
    opts: InputOptions,
    steps: Vec<(String, Arc<dyn Step>)>,
    ctx: StepContext,
    counts: Counts,
}

impl ReaderState {
    /// Reads up to `n` documents (fewer at the end), applying the steps.
    fn next_docs(&mut self, n: usize) -> tamis_core::Result<Vec<Document>> {
        let mut out = Vec::with_capacity(n.min(4096));
        let mut bytes = 0usize;
        while out.len() < n && bytes < MAX_BATCH_BYTES {
            let reader = match self.current.as_mut() {
                Some(r) => r,
                None => {
                    let Some(path) = self.files.get(self.next_file) else {
                        break;
                    };
                    self.next_file += 1;
                    self.counts.files += 1;
                    self.current.insert(tamis_io::open(path, &self.opts)?)
                }
            };
            match reader.next() {
                None => self.current = None,
                Some(ReadItem::Doc(mut doc)) => {
                    self.counts.docs_read += 1;
                    if self.apply(&mut doc) {
                        self.counts.docs_out += 1;
                        bytes += doc.approx_bytes();
                        out.push(doc);
                    } else {
                        self.counts.dropped += 1;
                    }
                }
                Some(ReadItem::Malformed(m)) => {
                    self.counts.skipped_malformed += 1;
                    if self.counts.skipped_malformed <= MAX_LOGGED_MALFORMED {
                        log::warn!("skipped malformed record: {m}");
                    }
                }
                Some(ReadItem::Skipped) => self.counts.skipped_other += 1,
            }
        }
        Ok(out)
    }

    fn apply(&mut self, doc: &mut Document) -> bool {
        for (key, step) in &self.steps {
            self.ctx.measurements.clear();
            let ctx = &mut self.ctx;
            match catch_unwind(AssertUnwindSafe(|| step.process(doc, ctx))) {
                Ok(Outcome::Keep | Outcome::Modified) => {}
                Ok(Outcome::Drop(_)) => return false,
                Err(_) => {
                    log::error!("step {key} panicked on document {:?}; dropped it", doc.id);
                    return false;
                }
            }
        }
        self.ctx.doc_index += 1;
        true
    }
}

/// Builds per-document steps from step configs (single stage only: a corpus-level step
/// needs a run, see `tamis.run`).
fn build_steps(steps: Value) -> PyResult<Vec<(String, Arc<dyn Step>)>> {
    let probe = json!({
        "version": tamis_pipeline::CONFIG_VERSION,
        "input": {"paths": ["-"]},
        "steps": steps,
        "output": {"path": "-"},
    });
    let pipeline = PipelineConfig::from_json(probe).py()?.build().py()?;
    if pipeline.stages.len() > 1 {
        return Err(config_err(
            "steps",
            "a corpus-level step (one that must see the whole run first) cannot run while streaming; use tamis.run",
        ));
    }
    Ok(pipeline
        .stages
        .into_iter()
        .next()
        .map(|s| s.steps)
        .unwrap_or_default())
}

/// Streams documents out of files: `Reader(paths, options, steps)`; see `tamis.io.read`.
#[pyclass(name = "Reader", module = "tamis._tamis")]
pub struct PyReader {
    state: Mutex<ReaderState>,
}

#[pymethods]
impl PyReader {
    /// `paths`: files, directories or globs; `options`: the `[input]` fields; `steps`:
    /// step configs applied to each document (a dropped document is not returned).
    #[new]
    #[pyo3(signature = (paths, options = None, steps = None))]
    fn new(
        py: Python<'_>,
        paths: Vec<String>,
        options: Option<&Bound<'_, PyDict>>,
        steps: Option<&Bound<'_, PyList>>,
    ) -> PyResult<Self> {
        let mut opts_json = match options {
            Some(o) => to_json(o.as_any())?,
            None => json!({}),
        };
        if let Value::Object(m) = &mut opts_json {
            m.retain(|_, v| !v.is_null());
            m.insert("paths".into(), json!(paths));
        }
        let opts: InputOptions =
            serde_json::from_value(opts_json).map_err(|e| config_err("input", e.to_string()))?;
        opts.validate().py()?;
        let steps = match steps {
            Some(s) => build_steps(to_json(s.as_any())?)?,
            None => Vec::new(),
        };
        let files = py.detach(|| tamis_io::list_inputs(&opts)).py()?;
        Ok(Self {
            state: Mutex::new(ReaderState {
                files,
                next_file: 0,
                current: None,
                opts,
                steps,
                ctx: StepContext::default(),
                counts: Counts::default(),
            }),
        })
    }

    /// The next `n` documents as dicts (an empty list at the end).
    fn next_dicts<'py>(&self, py: Python<'py>, n: usize) -> PyResult<Bound<'py, PyList>> {
        let docs = self.read(py, n)?;
        let list = PyList::empty(py);
        for d in &docs {
            list.append(doc_to_py(py, d)?)?;
        }
        Ok(list)
    }

    /// The next `n` documents as a `pyarrow.RecordBatch` with columns `id`, `text` and
    /// `metadata` (JSON text), or `None` at the end.
    fn next_batch<'py>(&self, py: Python<'py>, n: usize) -> PyResult<Option<Bound<'py, PyAny>>> {
        let docs = self.read(py, n)?;
        if docs.is_empty() {
            return Ok(None);
        }
        let batch = py
            .detach(|| docs_to_batch(&docs))
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        batch.to_pyarrow(py).map(Some)
    }

    /// Counters so far: files, docs_read, skipped_malformed, skipped_other, dropped, docs_out.
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let st = self
            .state
            .lock()
            .map_err(|_| PyRuntimeError::new_err("reader poisoned"))?;
        let c = &st.counts;
        let d = PyDict::new(py);
        d.set_item("files", c.files)?;
        d.set_item("docs_read", c.docs_read)?;
        d.set_item("skipped_malformed", c.skipped_malformed)?;
        d.set_item("skipped_other", c.skipped_other)?;
        d.set_item("dropped", c.dropped)?;
        d.set_item("docs_out", c.docs_out)?;
        Ok(d)
    }

    /// The files this reader reads, in order.
    #[getter]
    fn files(&self) -> PyResult<Vec<String>> {
        let st = self
            .state
            .lock()
            .map_err(|_| PyRuntimeError::new_err("reader poisoned"))?;
        Ok(st
            .files
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect())
    }
}

impl PyReader {
    fn read(&self, py: Python<'_>, n: usize) -> PyResult<Vec<Document>> {
        let n = n.max(1);
        py.detach(|| {
            let mut st = self
                .state
                .lock()
                .map_err(|_| PyRuntimeError::new_err("reader poisoned"))?;
            st.next_docs(n).py()
        })
    }
}

/// The Arrow schema of document batches: `id`, `text`, `metadata` (JSON text), as in tamis
/// Parquet output.
pub fn doc_schema() -> Schema {
    Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("metadata", DataType::Utf8, false),
    ])
}

fn docs_to_batch(docs: &[Document]) -> arrow::error::Result<RecordBatch> {
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut ids = StringBuilder::with_capacity(docs.len(), docs.len() * 48);
    let mut texts = StringBuilder::with_capacity(docs.len(), text_bytes);
    let mut metas = StringBuilder::with_capacity(docs.len(), docs.len() * 128);
    let mut buf = Vec::new();
    for d in docs {
        ids.append_value(&d.id);
        texts.append_value(&d.text);
        buf.clear();
        serde_json::to_writer(&mut buf, &d.metadata)
            .map_err(|e| arrow::error::ArrowError::ExternalError(Box::new(e)))?;
        metas.append_value(String::from_utf8_lossy(&buf));
    }
    let cols: Vec<ArrayRef> = vec![
        Arc::new(ids.finish()),
        Arc::new(texts.finish()),
        Arc::new(metas.finish()),
    ];
    RecordBatch::try_new(Arc::new(doc_schema()), cols)
}

/// Writes documents to one output file: `Writer(dir, options, shard)`; see `tamis.io.write`.
#[pyclass(name = "Writer", module = "tamis._tamis")]
pub struct PyWriter {
    inner: Mutex<Option<Box<dyn DocWriter>>>,
    written: std::sync::atomic::AtomicU64,
}

#[pymethods]
impl PyWriter {
    /// `dir`: output directory; `options`: the `[output]` fields other than `path`; `shard`:
    /// the file's shard number (`00000.jsonl.zst`, ...).
    #[new]
    #[pyo3(signature = (dir, options = None, shard = 0))]
    fn new(
        py: Python<'_>,
        dir: PathBuf,
        options: Option<&Bound<'_, PyDict>>,
        shard: usize,
    ) -> PyResult<Self> {
        let mut o = match options {
            Some(o) => to_json(o.as_any())?,
            None => json!({}),
        };
        if let Value::Object(m) = &mut o {
            m.retain(|_, v| !v.is_null());
            m.insert("path".into(), json!(dir.to_string_lossy()));
        }
        let opts: OutputOptions =
            serde_json::from_value(o).map_err(|e| config_err("output", e.to_string()))?;
        opts.validate().py()?;
        let w = py
            .detach(|| tamis_io::create_writer(&opts, &dir, shard))
            .py()?;
        Ok(Self {
            inner: Mutex::new(Some(w)),
            written: Default::default(),
        })
    }

    /// Writes dicts with `text` (required), `id` (default: the running document number) and
    /// `metadata` (dict or JSON text).
    fn write_dicts(&self, py: Python<'_>, docs: &Bound<'_, PyAny>) -> PyResult<usize> {
        let mut out = Vec::new();
        for item in docs.try_iter()? {
            let item = item?;
            let n = self.written.load(std::sync::atomic::Ordering::Relaxed) + out.len() as u64;
            out.push(doc_from_py(&item, || n.to_string())?);
        }
        self.write_docs(py, out)
    }

    /// Writes a `pyarrow.RecordBatch` with string columns `text`, optionally `id` and
    /// `metadata` (JSON text).
    fn write_batch(&self, py: Python<'_>, batch: &Bound<'_, PyAny>) -> PyResult<usize> {
        let batch = RecordBatch::from_pyarrow_bound(batch)?;
        let start = self.written.load(std::sync::atomic::Ordering::Relaxed);
        let docs = py.detach(|| batch_to_docs(&batch, start))?;
        self.write_docs(py, docs)
    }

    /// Flushes, closes and renames the file to its final name; returns its path.
    fn finish(&self, py: Python<'_>) -> PyResult<String> {
        let w = self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("writer poisoned"))?
            .take();
        let Some(w) = w else {
            return Err(PyValueError::new_err("writer already finished"));
        };
        let path = py.detach(|| w.finish()).py()?;
        Ok(path.to_string_lossy().into_owned())
    }

    /// Documents written so far.
    #[getter]
    fn written(&self) -> u64 {
        self.written.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl PyWriter {
    fn write_docs(&self, py: Python<'_>, docs: Vec<Document>) -> PyResult<usize> {
        let n = docs.len();
        py.detach(|| {
            let mut guard = self
                .inner
                .lock()
                .map_err(|_| PyRuntimeError::new_err("writer poisoned"))?;
            let Some(w) = guard.as_mut() else {
                return Err(PyValueError::new_err("writer already finished"));
            };
            for d in &docs {
                w.write(d).py()?;
            }
            Ok(())
        })?;
        self.written
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

fn string_column(batch: &RecordBatch, name: &str) -> PyResult<Option<StringArray>> {
    let Some(col) = batch.column_by_name(name) else {
        return Ok(None);
    };
    let cast = arrow::compute::cast(col, &DataType::Utf8)
        .map_err(|e| PyValueError::new_err(format!("column {name:?} is not text: {e}")))?;
    cast.as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .map(Some)
        .ok_or_else(|| PyValueError::new_err(format!("column {name:?} is not text")))
}

fn batch_to_docs(batch: &RecordBatch, start: u64) -> PyResult<Vec<Document>> {
    let Some(text) = string_column(batch, "text")? else {
        return Err(PyValueError::new_err("the batch has no `text` column"));
    };
    let id = string_column(batch, "id")?;
    let meta = string_column(batch, "metadata")?;
    let mut docs = Vec::with_capacity(batch.num_rows());
    for row in 0..batch.num_rows() {
        let id = match &id {
            Some(a) if a.is_valid(row) => a.value(row).to_owned(),
            _ => (start + row as u64).to_string(),
        };
        let metadata = match &meta {
            Some(a) if a.is_valid(row) && !a.value(row).is_empty() => {
                match serde_json::from_str(a.value(row)) {
                    Ok(Value::Object(m)) => m,
                    Ok(_) | Err(_) => {
                        return Err(PyValueError::new_err(format!(
                            "row {row}: `metadata` is not a JSON object"
                        )));
                    }
                }
            }
            _ => serde_json::Map::new(),
        };
        let text = if text.is_valid(row) {
            text.value(row).to_owned()
        } else {
            String::new()
        };
        docs.push(Document {
            id,
            text,
            metadata,
            media: None,
        });
    }
    Ok(docs)
}

/// Applies per-document steps to documents held in Python: `Processor(steps).process(docs)`;
/// see `tamis.io.process`.
#[pyclass(name = "Processor", module = "tamis._tamis")]
pub struct PyProcessor {
    steps: Vec<(String, Arc<dyn Step>)>,
    ctx: Mutex<StepContext>,
}

#[pymethods]
impl PyProcessor {
    /// `steps`: step configs (per-document steps only).
    #[new]
    fn new(steps: &Bound<'_, PyList>) -> PyResult<Self> {
        Ok(Self {
            steps: build_steps(to_json(steps.as_any())?)?,
            ctx: Mutex::new(StepContext::default()),
        })
    }

    /// Runs each dict through the steps (the GIL released for the step work); returns the
    /// kept documents as new dicts, in order.
    fn process<'py>(
        &self,
        py: Python<'py>,
        docs: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut input = Vec::new();
        for (i, item) in docs.try_iter()?.enumerate() {
            input.push(doc_from_py(&item?, || i.to_string())?);
        }
        let kept = py.detach(|| -> PyResult<Vec<Document>> {
            let mut ctx = self
                .ctx
                .lock()
                .map_err(|_| PyRuntimeError::new_err("processor poisoned"))?;
            let mut out = Vec::with_capacity(input.len());
            'docs: for mut doc in input {
                for (key, step) in &self.steps {
                    ctx.measurements.clear();
                    let c = &mut *ctx;
                    match catch_unwind(AssertUnwindSafe(|| step.process(&mut doc, c))) {
                        Ok(Outcome::Keep | Outcome::Modified) => {}
                        Ok(Outcome::Drop(_)) => continue 'docs,
                        Err(_) => {
                            log::error!("step {key} panicked on document {:?}; dropped it", doc.id);
                            continue 'docs;
                        }
                    }
                }
                ctx.doc_index += 1;
                out.push(doc);
            }
            Ok(out)
        })?;
        let list = PyList::empty(py);
        for d in &kept {
            list.append(doc_to_py(py, d)?)?;
        }
        Ok(list)
    }
}
