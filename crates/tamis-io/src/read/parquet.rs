//! Apache Parquet, read in record batches (memory bounded by the batch, not the file).

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::{
    DataType, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use arrow::util::display::{ArrayFormatter, FormatOptions};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use serde_json::{Map, Value};
use tamis_core::Malformed;

use super::jsonl::record_to_document;
use super::{InputOptions, ReadItem, file_stem, malformed};

/// Rows per record batch: small enough that a batch of long pages stays in tens of MB.
const BATCH_ROWS: usize = 256;

pub(crate) struct ParquetReader {
    path: PathBuf,
    stem: String,
    batches: ParquetRecordBatchReader,
    batch: Option<RecordBatch>,
    row_in_batch: usize,
    row: u64,
    total_rows: u64,
    text_key: String,
    id_key: String,
    max: usize,
    done: bool,
}

impl ParquetReader {
    /// Opens the file; a file that is not valid Parquet is a malformed item.
    pub(crate) fn open(path: &Path, opts: &InputOptions) -> Result<Self, Malformed> {
        let bad = |e: &dyn std::fmt::Display| {
            malformed(path, "file footer", format!("not readable as Parquet: {e}"))
        };
        let file = File::open(path).map_err(|e| bad(&e))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(&e))?;
        let total_rows = u64::try_from(builder.metadata().file_metadata().num_rows()).unwrap_or(0);
        if builder.schema().field_with_name(&opts.text_key).is_err() {
            return Err(malformed(
                path,
                "schema",
                format!("no column {:?}", opts.text_key),
            ));
        }
        let batches = builder
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| bad(&e))?;
        Ok(Self {
            path: path.to_path_buf(),
            stem: file_stem(path),
            batches,
            batch: None,
            row_in_batch: 0,
            row: 0,
            total_rows,
            text_key: opts.text_key.clone(),
            id_key: opts.id_key.clone(),
            max: opts.max_bytes(),
            done: false,
        })
    }

    /// Estimated stored bytes consumed: the file size times the fraction of rows read.
    pub(crate) fn bytes_read_estimate(&self, file_bytes: u64) -> u64 {
        if self.done || self.total_rows == 0 {
            return if self.done { file_bytes } else { 0 };
        }
        let frac = self.row as f64 / self.total_rows as f64;
        (file_bytes as f64 * frac.min(1.0)) as u64
    }

    fn row_item(&self, batch: &RecordBatch, i: usize) -> ReadItem {
        let loc = format!("row {}", self.row);
        let mut map = Map::new();
        let schema = batch.schema();
        for (field, col) in schema.fields().iter().zip(batch.columns()) {
            let v = value_at(col.as_ref(), i);
            if field.name() == &self.text_key
                && let Value::String(s) = &v
                && s.len() > self.max
            {
                return ReadItem::Malformed(malformed(
                    &self.path,
                    loc,
                    format!(
                        "text of {} bytes is larger than max_record_bytes ({})",
                        s.len(),
                        self.max
                    ),
                ));
            }
            // A metadata column written as a JSON string (tamis) reads back as an object.
            let v = match (field.name().as_str(), v) {
                ("metadata", Value::String(s)) => match serde_json::from_str::<Value>(&s) {
                    Ok(obj @ Value::Object(_)) => obj,
                    _ => Value::String(s),
                },
                (_, v) => v,
            };
            map.insert(field.name().clone(), v);
        }
        match record_to_document(
            map,
            &self.text_key,
            &self.id_key,
            format!("{}/{}", self.stem, self.row),
        ) {
            Ok(d) => ReadItem::Doc(d),
            Err(msg) => ReadItem::Malformed(malformed(&self.path, loc, msg)),
        }
    }
}

impl Iterator for ParquetReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        loop {
            if self.done {
                return None;
            }
            if let Some(batch) = &self.batch
                && self.row_in_batch < batch.num_rows()
            {
                let i = self.row_in_batch;
                self.row_in_batch += 1;
                self.row += 1;
                return Some(self.row_item(batch, i));
            }
            match self.batches.next() {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Ok(b)) => {
                    self.batch = Some(b);
                    self.row_in_batch = 0;
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(ReadItem::Malformed(malformed(
                        &self.path,
                        format!("row {}", self.row + 1),
                        format!("cannot decode the rest of the file: {e}"),
                    )));
                }
            }
        }
    }
}

/// One cell as JSON: numbers, booleans and strings as themselves, structs as objects, lists
/// as arrays, anything else (dates, timestamps, decimals, binary) as its display string.
pub(crate) fn value_at(a: &dyn Array, i: usize) -> Value {
    if a.is_null(i) {
        return Value::Null;
    }
    match a.data_type() {
        DataType::Boolean => Value::Bool(a.as_boolean().value(i)),
        DataType::Int8 => a.as_primitive::<Int8Type>().value(i).into(),
        DataType::Int16 => a.as_primitive::<Int16Type>().value(i).into(),
        DataType::Int32 => a.as_primitive::<Int32Type>().value(i).into(),
        DataType::Int64 => a.as_primitive::<Int64Type>().value(i).into(),
        DataType::UInt8 => a.as_primitive::<UInt8Type>().value(i).into(),
        DataType::UInt16 => a.as_primitive::<UInt16Type>().value(i).into(),
        DataType::UInt32 => a.as_primitive::<UInt32Type>().value(i).into(),
        DataType::UInt64 => a.as_primitive::<UInt64Type>().value(i).into(),
        DataType::Float32 => f64::from(a.as_primitive::<Float32Type>().value(i)).into(),
        DataType::Float64 => a.as_primitive::<Float64Type>().value(i).into(),
        DataType::Utf8 => Value::String(a.as_string::<i32>().value(i).to_owned()),
        DataType::LargeUtf8 => Value::String(a.as_string::<i64>().value(i).to_owned()),
        DataType::Utf8View => Value::String(a.as_string_view().value(i).to_owned()),
        DataType::Struct(fields) => {
            let s = a.as_struct();
            let mut m = Map::new();
            for (f, c) in fields.iter().zip(s.columns()) {
                m.insert(f.name().clone(), value_at(c.as_ref(), i));
            }
            Value::Object(m)
        }
        DataType::List(_) => {
            let l = a.as_list::<i32>().value(i);
            Value::Array((0..l.len()).map(|j| value_at(l.as_ref(), j)).collect())
        }
        DataType::LargeList(_) => {
            let l = a.as_list::<i64>().value(i);
            Value::Array((0..l.len()).map(|j| value_at(l.as_ref(), j)).collect())
        }
        _ => match ArrayFormatter::try_new(a, &FormatOptions::default()) {
            Ok(f) => Value::String(f.value(i).to_string()),
            Err(_) => Value::Null,
        },
    }
}
