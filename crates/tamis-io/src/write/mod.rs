//! Writers: documents out as JSONL (plain, gzip, zstd) or Parquet shards.
//!
//! [`create_writer`] writes shard `n` of a run into `dir` under a temporary name and renames
//! it to [`output_file_name`] only in [`DocWriter::finish`], so a file with the final name is
//! always complete. A writer dropped without `finish` (a crash, an error) removes its
//! temporary file.

mod jsonl;
mod parquet;

use std::fs::File;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Error, Result};

pub use jsonl::{JsonlWriter, write_jsonl_record};
pub use parquet::ParquetWriter;

/// Default of [`OutputOptions::path`].
pub const DEFAULT_OUTPUT_PATH: &str = "output";

/// Output configuration: the `[output]` table of a pipeline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct OutputOptions {
    /// Output directory; shard files, `stats/` and completion markers go under it.
    /// Default `"output"`.
    pub path: String,
    /// File format: `jsonl` (default) or `parquet`.
    pub format: OutputFormat,
    /// JSONL compression: `zstd` (default, level 3), `gzip` (level 6) or `none`. Parquet files
    /// are always zstd-compressed inside (per column chunk); for them only `zstd` and `none`
    /// (which means the same) are accepted.
    pub compression: Compression,
}

impl Default for OutputOptions {
    fn default() -> Self {
        Self {
            path: DEFAULT_OUTPUT_PATH.to_owned(),
            format: OutputFormat::Jsonl,
            compression: Compression::Zstd,
        }
    }
}

impl OutputOptions {
    /// Checks the values before any data is read; errors name the field.
    pub fn validate(&self) -> Result<()> {
        if self.path.trim().is_empty() {
            return Err(Error::config("path", "empty output path"));
        }
        if self.format == OutputFormat::Parquet && self.compression == Compression::Gzip {
            return Err(Error::config(
                "compression",
                "parquet output is zstd-compressed inside; use compression = \"zstd\" or \"none\"",
            ));
        }
        Ok(())
    }
}

/// Output file format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutputFormat {
    /// JSON Lines: one `{"id","text","metadata"}` object per line (datatrove's layout).
    #[default]
    Jsonl,
    /// Apache Parquet with columns `id` (utf8), `text` (utf8) and `metadata` (utf8 holding a
    /// JSON object).
    Parquet,
}

/// Compression of JSONL output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// Zstandard, level 3 (`.jsonl.zst`).
    #[default]
    Zstd,
    /// gzip, level 6 (`.jsonl.gz`).
    Gzip,
    /// None (`.jsonl`).
    None,
}

/// zstd level of JSONL output (zstd's own default: fast, ~3.5x on web text).
pub const ZSTD_LEVEL: i32 = 3;
/// gzip level of JSONL output (gzip's own default).
pub const GZIP_LEVEL: u32 = 6;

/// The file name of shard `shard`: `00042.jsonl.zst`, `00042.jsonl.gz`, `00042.jsonl`,
/// `00042.parquet`. Deterministic: the same options and shard give the same name.
pub fn output_file_name(opts: &OutputOptions, shard: usize) -> String {
    match (opts.format, opts.compression) {
        (OutputFormat::Parquet, _) => format!("{shard:05}.parquet"),
        (OutputFormat::Jsonl, Compression::Zstd) => format!("{shard:05}.jsonl.zst"),
        (OutputFormat::Jsonl, Compression::Gzip) => format!("{shard:05}.jsonl.gz"),
        (OutputFormat::Jsonl, Compression::None) => format!("{shard:05}.jsonl"),
    }
}

/// A sink of documents for one output file.
pub trait DocWriter: Send {
    /// Writes one document (its `id`, `text` and `metadata`; `media` is never written).
    fn write(&mut self, doc: &Document) -> Result<()>;

    /// Flushes, closes and renames the file to its final name; returns the final path.
    fn finish(self: Box<Self>) -> Result<PathBuf>;
}

/// Creates the writer of shard `shard` in `dir` (created if missing). The data goes to
/// `dir/<final name>.tmp-<process id>` until [`DocWriter::finish`] renames it.
///
/// A `dir` that is an object-store URL (`s3://bucket/out`, see `tamis-store`) is staged: the
/// file is written in the temporary directory and uploaded by `finish` as a multipart upload
/// (the object appears whole when the upload completes), and `finish` returns its URL.
pub fn create_writer(opts: &OutputOptions, dir: &Path, shard: usize) -> Result<Box<dyn DocWriter>> {
    let name = output_file_name(opts, shard);
    let tmp = match dir.to_str().filter(|s| tamis_store::is_remote(s)) {
        Some(url) => TempFile::create_staged(format!("{}/{name}", url.trim_end_matches('/')))?,
        None => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            TempFile::create(dir.join(name))?
        }
    };
    Ok(match opts.format {
        OutputFormat::Jsonl => Box::new(JsonlWriter::new(tmp, opts.compression)?),
        OutputFormat::Parquet => Box::new(ParquetWriter::new(tmp)?),
    })
}

/// A file being written under a temporary name; removed on drop unless committed.
#[derive(Debug)]
pub(crate) struct TempFile {
    pub(crate) tmp_path: PathBuf,
    pub(crate) final_path: PathBuf,
    committed: bool,
    /// Where a staged file is uploaded on commit (an object-store URL), and its staging dir.
    upload: Option<(String, PathBuf)>,
}

impl TempFile {
    /// Creates `<final>.tmp-<pid>` and returns it with the open file.
    pub(crate) fn create(final_path: PathBuf) -> Result<(Self, File)> {
        let mut name = final_path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(format!(".tmp-{}", std::process::id()));
        let tmp_path = final_path.with_file_name(name);
        let file = File::create(&tmp_path).map_err(|e| Error::io(&tmp_path, e))?;
        Ok((
            Self {
                tmp_path,
                final_path,
                committed: false,
                upload: None,
            },
            file,
        ))
    }

    /// A file staged in a directory of its own under the temporary directory, uploaded to
    /// `url` on commit.
    fn create_staged(url: String) -> Result<(Self, File)> {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stage = std::env::temp_dir().join(format!("tamis-upload-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&stage).map_err(|e| Error::io(&stage, e))?;
        let name = url.rsplit('/').next().unwrap_or("shard").to_owned();
        let (mut tmp, file) = Self::create(stage.join(name))?;
        tmp.upload = Some((url, stage));
        Ok((tmp, file))
    }

    /// Syncs `file` to disk and renames the temporary file to its final name (a staged file is
    /// uploaded to its URL instead, which is returned).
    pub(crate) fn commit(mut self, file: &File) -> Result<PathBuf> {
        if let Some((url, _)) = &self.upload {
            tamis_store::shared()?.upload_file(&self.tmp_path, url)?;
            return Ok(PathBuf::from(url));
        }
        file.sync_all().map_err(|e| Error::io(&self.tmp_path, e))?;
        std::fs::rename(&self.tmp_path, &self.final_path)
            .map_err(|e| Error::io(&self.final_path, e))?;
        self.committed = true;
        Ok(self.final_path.clone())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.tmp_path);
        }
        if let Some((_, stage)) = &self.upload {
            let _ = std::fs::remove_dir(stage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_deterministic() {
        let mut o = OutputOptions::default();
        assert_eq!(output_file_name(&o, 3), "00003.jsonl.zst");
        o.compression = Compression::Gzip;
        assert_eq!(output_file_name(&o, 12345), "12345.jsonl.gz");
        o.compression = Compression::None;
        assert_eq!(output_file_name(&o, 0), "00000.jsonl");
        o.format = OutputFormat::Parquet;
        assert_eq!(output_file_name(&o, 7), "00007.parquet");
    }

    #[test]
    fn options_parse_and_validate() {
        let o: OutputOptions =
            serde_json::from_str(r#"{"path":"out","format":"parquet"}"#).unwrap();
        assert_eq!(o.compression, Compression::Zstd);
        o.validate().unwrap();
        let bad = OutputOptions {
            compression: Compression::Gzip,
            ..o
        };
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("compression")
        );
        assert!(serde_json::from_str::<OutputOptions>(r#"{"keep_media":true}"#).is_err());
    }

    #[test]
    fn dropped_writer_leaves_nothing() {
        let d = tempfile::tempdir().unwrap();
        let mut w = create_writer(&OutputOptions::default(), d.path(), 1).unwrap();
        w.write(&Document::new("a", "b")).unwrap();
        drop(w);
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0);
    }
}
