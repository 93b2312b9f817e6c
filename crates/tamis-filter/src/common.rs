//! What every filter shares: the `mode` switch and the bookkeeping of a verdict.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tamis_core::{Document, Outcome, Reason, StepContext};

/// What a filter does with its verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Drop documents that fail (default).
    #[default]
    Filter,
    /// Keep every document; record the verdict in `metadata.filters.<tag>` (`"kept"` or the
    /// drop reason) and the measurements in `metadata.filter_values.<tag>`, so thresholds
    /// can be applied later without measuring again.
    Annotate,
}

/// Measurements a filter took on one document, in the order it took them.
#[derive(Debug, Default)]
pub(crate) struct Measures(pub(crate) Vec<(&'static str, f64)>);

impl Measures {
    /// Records `value` (unless it is NaN or infinite, which would spoil the run's
    /// summaries) and returns it.
    pub(crate) fn add(&mut self, name: &'static str, value: f64) -> f64 {
        if value.is_finite() {
            self.0.push((name, value));
        }
        value
    }
}

/// Turns a verdict into an [`Outcome`], recording measurements in `ctx` and, in annotate
/// mode, in the document's metadata.
pub(crate) fn finish(
    tag: &'static str,
    mode: Mode,
    doc: &mut Document,
    ctx: &mut StepContext,
    measures: Measures,
    verdict: Result<bool, Reason>,
) -> Outcome {
    for &(name, value) in &measures.0 {
        ctx.record(name, value);
    }
    match mode {
        Mode::Filter => match verdict {
            Ok(false) => Outcome::Keep,
            Ok(true) => Outcome::Modified,
            Err(reason) => Outcome::Drop(reason),
        },
        Mode::Annotate => {
            let label = match verdict {
                Ok(_) => "kept",
                Err(reason) => reason.as_str(),
            };
            insert_nested(doc, "filters", tag, Value::from(label));
            if !measures.0.is_empty() {
                let mut values = Map::new();
                for (name, value) in measures.0 {
                    let v = serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number);
                    values.insert(name.to_owned(), v);
                }
                insert_nested(doc, "filter_values", tag, Value::Object(values));
            }
            Outcome::Modified
        }
    }
}

/// Sets `metadata[outer][key] = value`, creating (or replacing a non-object) `outer`.
pub(crate) fn insert_nested(doc: &mut Document, outer: &str, key: &str, value: Value) {
    let entry = doc
        .metadata
        .entry(outer.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    if let Value::Object(map) = entry {
        map.insert(key.to_owned(), value);
    }
}

/// Number of characters (Unicode scalar values), Python's `len(str)`.
#[inline]
pub(crate) fn chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Checks a ratio threshold lies in [0, 1].
pub(crate) fn check_fraction(field: &str, value: f64) -> tamis_core::Result<()> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(tamis_core::Error::config(
            field,
            format!("must be a fraction in [0, 1], got {value}"),
        ))
    }
}
