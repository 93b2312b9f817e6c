//! JSONL output (plain, gzip or zstd).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use tamis_core::{Document, Error, Result};

use super::{Compression, DocWriter, GZIP_LEVEL, TempFile, ZSTD_LEVEL};

/// Buffer between the serializer and the compressor or file, bytes.
const WRITE_BUFFER: usize = 1024 * 1024;

/// Writes `doc` as one JSON line `{"id","text","metadata"}` followed by `\n` (the layout of
/// `tamis_core::Document`'s serde form and of datatrove's JSONL writer).
pub fn write_jsonl_record(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let mut buf = Vec::with_capacity(doc.text.len() + 256);
    encode(&mut buf, doc)?;
    out.write_all(&buf)
}

/// Appends the JSON line of `doc` to `buf`.
fn encode(buf: &mut Vec<u8>, doc: &Document) -> io::Result<()> {
    sonic_rs::to_writer(&mut *buf, doc).map_err(io::Error::other)?;
    buf.push(b'\n');
    Ok(())
}

enum Sink {
    Plain(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::stream::write::Encoder<'static, BufWriter<File>>),
}

impl Sink {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Plain(w) => w,
            Sink::Gzip(w) => w,
            Sink::Zstd(w) => w,
        }
    }

    fn finish(self) -> io::Result<File> {
        let buffered = match self {
            Sink::Plain(w) => w,
            Sink::Gzip(w) => w.finish()?,
            Sink::Zstd(w) => w.finish()?,
        };
        buffered.into_inner().map_err(|e| e.into_error())
    }
}

/// A JSONL shard file being written. Build it with [`super::create_writer`].
pub struct JsonlWriter {
    sink: Option<Sink>,
    tmp: TempFile,
    buf: Vec<u8>,
}

impl JsonlWriter {
    pub(crate) fn new((tmp, file): (TempFile, File), compression: Compression) -> Result<Self> {
        let w = BufWriter::with_capacity(WRITE_BUFFER, file);
        let sink = match compression {
            Compression::None => Sink::Plain(w),
            Compression::Gzip => Sink::Gzip(flate2::write::GzEncoder::new(w, flate2::Compression::new(GZIP_LEVEL))),
            Compression::Zstd => {
                Sink::Zstd(zstd::stream::write::Encoder::new(w, ZSTD_LEVEL).map_err(|e| Error::io(&tmp.tmp_path, e))?)
            }
        };
        Ok(Self { sink: Some(sink), tmp, buf: Vec::with_capacity(64 * 1024) })
    }
}

impl DocWriter for JsonlWriter {
    fn write(&mut self, doc: &Document) -> Result<()> {
        self.buf.clear();
        let path = &self.tmp.tmp_path;
        encode(&mut self.buf, doc).map_err(|e| Error::io(path, e))?;
        match &mut self.sink {
            Some(s) => s.writer().write_all(&self.buf).map_err(|e| Error::io(path, e)),
            None => Err(Error::io(path, io::Error::other("writer already finished"))),
        }
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        let path = self.tmp.tmp_path.clone();
        let sink = self.sink.take().ok_or_else(|| Error::io(&path, io::Error::other("writer already finished")))?;
        let file = sink.finish().map_err(|e| Error::io(&path, e))?;
        let JsonlWriter { tmp, .. } = *self;
        tmp.commit(&file)
    }
}
