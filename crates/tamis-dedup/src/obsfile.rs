//! Observation files: what one shard's observer saw, as fixed-size records in sections.
//!
//! ```text
//! magic     8 bytes  "TAMISDD1"
//! kind      u64      fingerprint of the step and its config (build() refuses other files)
//! docs      u64      documents observed by the shard
//! sections  u64      number of sections S (MinHash: one per band; others: 1)
//! counts    S x u64  records per section
//! records   24 bytes each ([u64; 3] little-endian), section after section
//! ```
//!
//! A record is `[key0, key1, payload]`. In a *sorted* file each section is sorted by the whole
//! record; the observer keeps at most `max_records` records in memory and spills sorted runs to
//! temporary files, merged when the file is saved, so its memory is bounded by configuration.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use tamis_core::{Error, Result};

/// One record: two key words and a payload (a document index, or document and position).
pub(crate) type Record = [u64; 3];

/// Size of a record on disk.
pub(crate) const RECORD_BYTES: u64 = 24;

const MAGIC: &[u8; 8] = b"TAMISDD1";

/// Most documents one shard's observation file may announce (2^40): beyond it the header is
/// taken as corrupt rather than sizing per-document structures from it.
const MAX_SHARD_DOCS: u64 = 1 << 40;

/// Collects records for one shard and writes its observation file.
pub(crate) struct Collector {
    kind: u64,
    sorted: bool,
    sections: Vec<Vec<Record>>,
    buffered: usize,
    max_records: usize,
    spill_dir: Option<PathBuf>,
    spills: Vec<Spill>,
    docs: u64,
    error: Option<Error>,
}

struct Spill {
    file: tempfile::NamedTempFile,
    counts: Vec<u64>,
}

impl Collector {
    /// A collector given a memory budget rather than a record count: `memory_mb` MiB of
    /// buffered records (the steps' `observer_memory_mb`), spilling to `tmp_dir` (their
    /// `tmp_dir` field; the system temporary directory if `None`).
    pub(crate) fn with_budget(
        kind: u64,
        sections: usize,
        sorted: bool,
        memory_mb: usize,
        tmp_dir: Option<&String>,
    ) -> Self {
        let max_records = (memory_mb << 20) / RECORD_BYTES as usize;
        Self::new(
            kind,
            sections,
            sorted,
            max_records,
            tmp_dir.map(PathBuf::from),
        )
    }

    /// A collector for `sections` sections; sorts them if `sorted`; spills to `spill_dir`
    /// (the system temporary directory if `None`) beyond `max_records` buffered records.
    pub(crate) fn new(
        kind: u64,
        sections: usize,
        sorted: bool,
        max_records: usize,
        spill_dir: Option<PathBuf>,
    ) -> Self {
        Self {
            kind,
            sorted,
            sections: vec![Vec::new(); sections.max(1)],
            buffered: 0,
            max_records: max_records.max(1024),
            spill_dir,
            spills: Vec::new(),
            docs: 0,
            error: None,
        }
    }

    /// Counts one observed document.
    pub(crate) fn add_doc(&mut self) {
        self.docs += 1;
    }

    /// Adds a record to a section (ignored if the section does not exist).
    pub(crate) fn push(&mut self, section: usize, record: Record) {
        if self.error.is_some() {
            return;
        }
        if let Some(s) = self.sections.get_mut(section) {
            s.push(record);
            self.buffered += 1;
        }
        if self.buffered >= self.max_records {
            if let Err(e) = self.spill() {
                self.error = Some(e);
                for s in &mut self.sections {
                    *s = Vec::new();
                }
            }
        }
    }

    fn spill(&mut self) -> Result<()> {
        let tmp = match &self.spill_dir {
            Some(dir) => tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?,
            None => {
                tempfile::NamedTempFile::new().map_err(|e| Error::io(std::env::temp_dir(), e))?
            }
        };
        let path = tmp.path().to_owned();
        let mut w = BufWriter::with_capacity(1 << 20, tmp.as_file());
        let mut counts = Vec::with_capacity(self.sections.len());
        for s in &mut self.sections {
            if self.sorted {
                s.sort_unstable();
            }
            counts.push(s.len() as u64);
            for r in s.iter() {
                write_record(&mut w, r).map_err(|e| Error::io(&path, e))?;
            }
            s.clear();
        }
        w.flush().map_err(|e| Error::io(&path, e))?;
        drop(w);
        self.spills.push(Spill { file: tmp, counts });
        self.buffered = 0;
        Ok(())
    }

    /// Writes the observation file to `path` (through a temporary file and a rename).
    pub(crate) fn save(mut self, path: &Path) -> Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.tmp"));
        let file = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let mut w = BufWriter::with_capacity(1 << 20, file);
        let io = |e| Error::io(&tmp, e);
        let n = self.sections.len();
        let counts: Vec<u64> = (0..n)
            .map(|i| {
                let spilled: u64 = self
                    .spills
                    .iter()
                    .map(|s| s.counts.get(i).copied().unwrap_or(0))
                    .sum();
                spilled + self.sections.get(i).map_or(0, |s| s.len() as u64)
            })
            .collect();
        w.write_all(MAGIC).map_err(io)?;
        for v in [self.kind, self.docs, n as u64].iter().chain(counts.iter()) {
            w.write_all(&v.to_le_bytes()).map_err(io)?;
        }
        for i in 0..n {
            let mut memory = std::mem::take(&mut self.sections[i]);
            if self.sorted {
                memory.sort_unstable();
            }
            let mut runs = Vec::with_capacity(self.spills.len() + 1);
            for spill in &self.spills {
                let offset: u64 = spill.counts.iter().take(i).sum::<u64>() * RECORD_BYTES;
                let count = spill.counts.get(i).copied().unwrap_or(0);
                let f = spill
                    .file
                    .reopen()
                    .map_err(|e| Error::io(spill.file.path(), e))?;
                runs.push(RunSource::File(SectionReader::new(
                    f,
                    spill.file.path().to_owned(),
                    offset,
                    count,
                    1 << 16,
                )?));
            }
            runs.push(RunSource::Memory(memory.into_iter()));
            if self.sorted {
                let mut heap = BinaryHeap::with_capacity(runs.len());
                for (k, run) in runs.iter_mut().enumerate() {
                    if let Some(r) = run.next()? {
                        heap.push(Reverse((r, k)));
                    }
                }
                while let Some(Reverse((r, k))) = heap.pop() {
                    write_record(&mut w, &r).map_err(io)?;
                    if let Some(run) = runs.get_mut(k) {
                        if let Some(next) = run.next()? {
                            heap.push(Reverse((next, k)));
                        }
                    }
                }
            } else {
                for run in &mut runs {
                    while let Some(r) = run.next()? {
                        write_record(&mut w, &r).map_err(io)?;
                    }
                }
            }
        }
        let file = w
            .into_inner()
            .map_err(|e| Error::io(&tmp, e.into_error()))?;
        file.sync_all().map_err(io)?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
    }
}

enum RunSource {
    File(SectionReader),
    Memory(std::vec::IntoIter<Record>),
}

impl RunSource {
    fn next(&mut self) -> Result<Option<Record>> {
        match self {
            RunSource::File(r) => r.next(),
            RunSource::Memory(it) => Ok(it.next()),
        }
    }
}

fn write_record(w: &mut impl Write, r: &Record) -> std::io::Result<()> {
    let mut buf = [0u8; RECORD_BYTES as usize];
    for (chunk, v) in buf.chunks_exact_mut(8).zip(r) {
        chunk.copy_from_slice(&v.to_le_bytes());
    }
    w.write_all(&buf)
}

/// An observation file opened for reading, its header checked.
#[derive(Debug, Clone)]
pub(crate) struct ObsFile {
    path: PathBuf,
    /// Documents the shard observed.
    pub(crate) docs: u64,
    counts: Vec<u64>,
    data_offset: u64,
}

impl ObsFile {
    /// Opens `path` and checks its header against `kind` and `sections`.
    pub(crate) fn open(path: &Path, kind: u64, sections: usize) -> Result<Self> {
        let format = |message: String| Error::Format {
            path: path.to_owned(),
            message,
        };
        let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
        let len = f.metadata().map_err(|e| Error::io(path, e))?.len();
        let mut head = [0u8; 32];
        f.read_exact(&mut head)
            .map_err(|_| format("not a tamis-dedup observation file (too short)".into()))?;
        let word = |i: usize| -> u64 {
            let mut b = [0u8; 8];
            if let Some(s) = head.get(i * 8..i * 8 + 8) {
                b.copy_from_slice(s);
            }
            u64::from_le_bytes(b)
        };
        if head.get(..8) != Some(MAGIC.as_slice()) {
            return Err(format(
                "not a tamis-dedup observation file (bad magic)".into(),
            ));
        }
        if word(1) != kind {
            return Err(format(
                "observation file was written by another step or config (fingerprint differs); rerun the stage that wrote it".into(),
            ));
        }
        let docs = word(2);
        if docs > MAX_SHARD_DOCS {
            return Err(format(format!(
                "header claims {docs} documents in one shard (corrupt file)"
            )));
        }
        let n = word(3);
        if n != sections as u64 {
            return Err(format(format!(
                "observation file has {n} sections, expected {sections}"
            )));
        }
        let mut counts = Vec::with_capacity(sections);
        let mut b = [0u8; 8];
        for _ in 0..sections {
            f.read_exact(&mut b)
                .map_err(|_| format("truncated header".into()))?;
            counts.push(u64::from_le_bytes(b));
        }
        let data_offset = 32 + 8 * sections as u64;
        let expected = counts.iter().try_fold(data_offset, |acc, c| {
            c.checked_mul(RECORD_BYTES).and_then(|b| acc.checked_add(b))
        });
        if expected != Some(len) {
            return Err(format(format!(
                "observation file is {len} bytes, its header announces {expected:?} (truncated or corrupt); rerun the stage that wrote it"
            )));
        }
        Ok(Self {
            path: path.to_owned(),
            docs,
            counts,
            data_offset,
        })
    }

    /// Number of records in all sections.
    pub(crate) fn total_records(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// A reader of one section with a read buffer of `buf_bytes`.
    pub(crate) fn section(&self, section: usize, buf_bytes: usize) -> Result<SectionReader> {
        let before: u64 = self.counts.iter().take(section).sum();
        let count = self.counts.get(section).copied().unwrap_or(0);
        let f = File::open(&self.path).map_err(|e| Error::io(&self.path, e))?;
        SectionReader::new(
            f,
            self.path.clone(),
            self.data_offset + before * RECORD_BYTES,
            count,
            buf_bytes,
        )
    }
}

/// Streams the records of one section.
pub(crate) struct SectionReader {
    reader: BufReader<File>,
    path: PathBuf,
    remaining: u64,
}

impl SectionReader {
    fn new(mut f: File, path: PathBuf, offset: u64, count: u64, buf_bytes: usize) -> Result<Self> {
        f.seek(SeekFrom::Start(offset))
            .map_err(|e| Error::io(&path, e))?;
        Ok(Self {
            reader: BufReader::with_capacity(buf_bytes.max(4096), f),
            path,
            remaining: count,
        })
    }

    /// The next record, `None` at the end of the section.
    pub(crate) fn next(&mut self) -> Result<Option<Record>> {
        if self.remaining == 0 {
            return Ok(None);
        }
        let mut buf = [0u8; RECORD_BYTES as usize];
        self.reader
            .read_exact(&mut buf)
            .map_err(|e| Error::io(&self.path, e))?;
        self.remaining -= 1;
        let mut r = [0u64; 3];
        for (v, chunk) in r.iter_mut().zip(buf.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            *v = u64::from_le_bytes(b);
        }
        Ok(Some(r))
    }

    fn path(&self) -> &Path {
        &self.path
    }
}

/// K-way merge of one section of every shard's file, in `(key0, key1, shard, payload)` order:
/// equal keys come out grouped, and inside a group by shard then payload.
pub(crate) struct ShardMerge {
    readers: Vec<SectionReader>,
    heap: BinaryHeap<Reverse<(u64, u64, usize, u64)>>,
    last: Vec<Option<Record>>,
}

impl ShardMerge {
    /// Opens section `section` of every file; `budget_bytes` of read buffers are shared out.
    pub(crate) fn new(files: &[ObsFile], section: usize, budget_bytes: usize) -> Result<Self> {
        let per_file = budget_bytes / files.len().max(1);
        let mut readers = Vec::with_capacity(files.len());
        for f in files {
            readers.push(f.section(section, per_file)?);
        }
        let mut merge = Self {
            heap: BinaryHeap::with_capacity(readers.len()),
            last: vec![None; readers.len()],
            readers,
        };
        for shard in 0..merge.readers.len() {
            merge.refill(shard)?;
        }
        Ok(merge)
    }

    fn refill(&mut self, shard: usize) -> Result<()> {
        let Some(reader) = self.readers.get_mut(shard) else {
            return Ok(());
        };
        if let Some(r) = reader.next()? {
            if let Some(Some(prev)) = self.last.get(shard) {
                if r < *prev {
                    return Err(Error::Format {
                        path: reader.path().to_owned(),
                        message: "records are not sorted (corrupt observation file); rerun the stage that wrote it".into(),
                    });
                }
            }
            if let Some(slot) = self.last.get_mut(shard) {
                *slot = Some(r);
            }
            self.heap.push(Reverse((r[0], r[1], shard, r[2])));
        }
        Ok(())
    }

    /// The next `(record, shard)`.
    pub(crate) fn next(&mut self) -> Result<Option<(Record, usize)>> {
        let Some(Reverse((k0, k1, shard, payload))) = self.heap.pop() else {
            return Ok(None);
        };
        self.refill(shard)?;
        Ok(Some(([k0, k1, payload], shard)))
    }
}

/// Opens every observation file (in shard order) and checks their headers.
pub(crate) fn open_all(paths: &[&Path], kind: u64, sections: usize) -> Result<Vec<ObsFile>> {
    paths
        .iter()
        .map(|p| ObsFile::open(p, kind, sections))
        .collect()
}

/// A stable 64-bit fingerprint of a step's settings, written in its observation files.
pub(crate) fn fingerprint(parts: &[&str]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(parts.join("\u{1f}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_and_memory_runs_merge_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Collector::new(7, 2, true, 1024, Some(dir.path().to_owned()));
        let mut expected = [Vec::new(), Vec::new()];
        for i in 0..5000u64 {
            let r = [(i * 7919) % 1000, i, i];
            c.add_doc();
            c.push((i % 2) as usize, r);
            expected[(i % 2) as usize].push(r);
        }
        assert!(!c.spills.is_empty());
        let path = dir.path().join("x.obs");
        c.save(&path).unwrap();
        let f = ObsFile::open(&path, 7, 2).unwrap();
        assert_eq!(f.docs, 5000);
        for (s, exp) in expected.iter_mut().enumerate() {
            exp.sort_unstable();
            let mut r = f.section(s, 4096).unwrap();
            let mut got = Vec::new();
            while let Some(x) = r.next().unwrap() {
                got.push(x);
            }
            assert_eq!(&got, exp);
        }
        assert!(ObsFile::open(&path, 8, 2).is_err());
        assert!(ObsFile::open(&path, 7, 3).is_err());
    }

    #[test]
    fn truncated_file_is_a_format_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Collector::new(1, 1, false, 1024, None);
        c.push(0, [1, 2, 3]);
        let path = dir.path().join("x.obs");
        c.save(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 5]).unwrap();
        assert!(matches!(
            ObsFile::open(&path, 1, 1),
            Err(Error::Format { .. })
        ));
        std::fs::write(&path, b"garbage").unwrap();
        assert!(matches!(
            ObsFile::open(&path, 1, 1),
            Err(Error::Format { .. })
        ));
    }
}
