//! JSON values to and from Python objects, and documents to and from dicts.
//!
//! Config, metadata and stats cross the boundary as [`serde_json::Value`]s, so every Python
//! keyword argument goes through the same serde structs (with `deny_unknown_fields`) as the
//! TOML file.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Value};
use tamis_core::{Document, Metadata};

/// Deepest nesting converted; deeper values are an error rather than a stack overflow.
const MAX_DEPTH: usize = 256;

/// Converts a Python value into JSON: `None`, `bool`, `int`, `float`, `str`, `dict` (string
/// keys), `list`/`tuple`, `os.PathLike` (as its path string) and any object with a
/// `to_dict()` method (the step and option classes of the package).
pub fn to_json(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    to_json_depth(obj, 0)
}

fn to_json_depth(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err("value nested too deeply"));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(PyValueError::new_err("integer out of the 64-bit range"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let x = f.value();
        return serde_json::Number::from_f64(x)
            .map(Value::Number)
            .ok_or_else(|| PyValueError::new_err(format!("{x} cannot be represented in JSON")));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key: String = k.extract().map_err(|_| {
                PyTypeError::new_err(format!("dict keys must be str, got {}", k.get_type()))
            })?;
            map.insert(key, to_json_depth(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return l
            .iter()
            .map(|v| to_json_depth(&v, depth + 1))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t
            .iter()
            .map(|v| to_json_depth(&v, depth + 1))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    if obj.hasattr("to_dict")? {
        return to_json_depth(&obj.call_method0("to_dict")?, depth + 1);
    }
    if obj.hasattr("__fspath__")? {
        return to_json_depth(&obj.call_method0("__fspath__")?, depth + 1);
    }
    Err(PyTypeError::new_err(format!(
        "cannot convert a {} to a config or metadata value",
        obj.get_type()
    )))
}

/// Converts JSON into Python objects (dicts keep the key order).
pub fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let items = a
                .iter()
                .map(|x| to_py(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(m) => metadata_to_py(py, m)?.into_any(),
    })
}

/// A JSON object as a Python dict.
pub fn metadata_to_py<'py>(
    py: Python<'py>,
    m: &Map<String, Value>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (k, x) in m {
        d.set_item(k, to_py(py, x)?)?;
    }
    Ok(d)
}

/// Serialises any serde value and converts it to Python.
pub fn serde_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    v: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(v).map_err(|e| PyValueError::new_err(e.to_string()))?;
    to_py(py, &json)
}

/// A document as `{"id": str, "text": str, "metadata": dict}`, plus `"media": {"bytes",
/// "mime", "charset"}` while it is still raw HTML.
pub fn doc_to_py<'py>(py: Python<'py>, doc: &Document) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &doc.id)?;
    d.set_item("text", &doc.text)?;
    d.set_item("metadata", metadata_to_py(py, &doc.metadata)?)?;
    if let Some(m) = &doc.media {
        let media = PyDict::new(py);
        media.set_item("bytes", pyo3::types::PyBytes::new(py, &m.bytes))?;
        media.set_item("mime", m.mime.as_deref())?;
        media.set_item("charset", m.charset.as_deref())?;
        d.set_item("media", media)?;
    }
    Ok(d)
}

/// A document from a mapping with `text` (required), `id` (default: `default_id`) and
/// `metadata` (a dict, or a JSON string as in tamis Parquet files).
pub fn doc_from_py(
    obj: &Bound<'_, PyAny>,
    default_id: impl FnOnce() -> String,
) -> PyResult<Document> {
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        match obj.get_item(key) {
            Ok(v) if !v.is_none() => Ok(Some(v)),
            Ok(_) => Ok(None),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(obj.py()) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let text: String = match get("text")? {
        Some(t) => t
            .extract()
            .map_err(|_| PyTypeError::new_err("document `text` must be a str"))?,
        None => return Err(PyValueError::new_err("document has no `text`")),
    };
    let id = match get("id")? {
        Some(i) => match i.extract::<String>() {
            Ok(s) => s,
            Err(_) => i.str()?.to_cow()?.into_owned(),
        },
        None => default_id(),
    };
    let metadata = match get("metadata")? {
        None => Metadata::new(),
        Some(m) => {
            let v = if let Ok(s) = m.cast::<PyString>() {
                serde_json::from_str(&s.to_cow()?).map_err(|e| {
                    PyValueError::new_err(format!("document `metadata` is not a JSON object: {e}"))
                })?
            } else {
                to_json(&m)?
            };
            match v {
                Value::Object(map) => map,
                _ => return Err(PyTypeError::new_err("document `metadata` must be a dict")),
            }
        }
    };
    let media = match get("media")? {
        None => None,
        Some(m) => {
            let bytes: Vec<u8> = match m.get_item("bytes") {
                Ok(b) => b
                    .extract()
                    .map_err(|_| PyTypeError::new_err("document `media.bytes` must be bytes"))?,
                Err(_) => {
                    return Err(PyTypeError::new_err(
                        "document `media` must be a dict with `bytes`",
                    ));
                }
            };
            let opt =
                |k: &str| -> Option<String> { m.get_item(k).ok().and_then(|v| v.extract().ok()) };
            Some(tamis_core::Media {
                bytes,
                mime: opt("mime"),
                charset: opt("charset"),
            })
        }
    };
    Ok(Document {
        id,
        text,
        metadata,
        media,
    })
}
