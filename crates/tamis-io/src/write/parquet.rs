//! Parquet output: columns `id`, `text`, `metadata` (JSON string), zstd inside.

use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch, StringBuilder};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression as PqCompression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use tamis_core::{Document, Error, Result};

use super::{DocWriter, TempFile, ZSTD_LEVEL};

/// Documents per record batch handed to the Parquet encoder.
const BATCH_DOCS: usize = 1024;
/// Text bytes buffered before a batch is handed over early (long pages).
const BATCH_BYTES: usize = 32 * 1024 * 1024;
/// Rows per row group (readers such as `datasets` fetch whole row groups).
const ROW_GROUP_ROWS: usize = 16 * 1024;
/// Encoded bytes after which a row group is closed early.
const ROW_GROUP_BYTES: usize = 128 * 1024 * 1024;

/// A Parquet shard file being written. Build it with [`super::create_writer`].
///
/// Schema: `id: utf8`, `text: utf8`, `metadata: utf8` where `metadata` holds the metadata
/// object as a JSON string. (datatrove's writer stores metadata as a struct column instead;
/// a struct needs one schema for every row of a file, which per-document metadata does not
/// have. tamis' Parquet reader accepts both forms.)
pub struct ParquetWriter {
    writer: Option<ArrowWriter<File>>,
    schema: SchemaRef,
    tmp: TempFile,
    ids: StringBuilder,
    texts: StringBuilder,
    metas: StringBuilder,
    rows: usize,
    bytes: usize,
    meta_buf: Vec<u8>,
}

impl ParquetWriter {
    pub(crate) fn new((tmp, file): (TempFile, File)) -> Result<Self> {
        let schema = Arc::new(Schema::new(vec![
            Field::new("id", DataType::Utf8, false),
            Field::new("text", DataType::Utf8, false),
            Field::new("metadata", DataType::Utf8, false),
        ]));
        let level = ZstdLevel::try_new(ZSTD_LEVEL).map_err(|e| fmt_err(&tmp, e))?;
        let props = WriterProperties::builder()
            .set_compression(PqCompression::ZSTD(level))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props))
            .map_err(|e| fmt_err(&tmp, e))?;
        Ok(Self {
            writer: Some(writer),
            schema,
            tmp,
            ids: StringBuilder::new(),
            texts: StringBuilder::new(),
            metas: StringBuilder::new(),
            rows: 0,
            bytes: 0,
            meta_buf: Vec::new(),
        })
    }

    fn flush_batch(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let cols: Vec<ArrayRef> = vec![
            Arc::new(self.ids.finish()),
            Arc::new(self.texts.finish()),
            Arc::new(self.metas.finish()),
        ];
        self.rows = 0;
        self.bytes = 0;
        let batch =
            RecordBatch::try_new(self.schema.clone(), cols).map_err(|e| fmt_err(&self.tmp, e))?;
        match &mut self.writer {
            Some(w) => w.write(&batch).map_err(|e| fmt_err(&self.tmp, e)),
            None => Err(fmt_err(&self.tmp, "writer already finished")),
        }
    }
}

fn fmt_err(tmp: &TempFile, e: impl std::fmt::Display) -> Error {
    Error::Format {
        path: tmp.tmp_path.clone(),
        message: format!("parquet write failed: {e}"),
    }
}

impl DocWriter for ParquetWriter {
    fn write(&mut self, doc: &Document) -> Result<()> {
        self.meta_buf.clear();
        sonic_rs::to_writer(&mut self.meta_buf, &doc.metadata)
            .map_err(|e| fmt_err(&self.tmp, e))?;
        let meta = std::str::from_utf8(&self.meta_buf).map_err(|e| fmt_err(&self.tmp, e))?;
        self.ids.append_value(&doc.id);
        self.texts.append_value(&doc.text);
        self.metas.append_value(meta);
        self.rows += 1;
        self.bytes += doc.text.len() + meta.len();
        if self.rows >= BATCH_DOCS || self.bytes >= BATCH_BYTES {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.flush_batch()?;
        let writer = self
            .writer
            .take()
            .ok_or_else(|| fmt_err(&self.tmp, "writer already finished"))?;
        let file = writer.into_inner().map_err(|e| fmt_err(&self.tmp, e))?;
        let ParquetWriter { tmp, .. } = *self;
        tmp.commit(&file)
    }
}
