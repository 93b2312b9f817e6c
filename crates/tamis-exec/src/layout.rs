//! Where each file of a run lives.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tamis_core::{Error, Result};
use tamis_io::OutputOptions;

/// The files of a run directory (the `[output] path`).
///
/// ```text
/// OUT/run.json                           what ran: config and shard count (a rerun must match)
/// OUT/00000.jsonl.zst ...                final outputs, one per shard
/// OUT/stats/00000.json                   per-shard stats of the last stage
/// OUT/completions/00000                  per-shard completion markers of the last stage
/// OUT/_stages/0/data/00000.jsonl.zst     intermediate output of an earlier stage
/// OUT/_stages/0/observations/00000.obs   what stage 0 observed for the next corpus step
/// OUT/_stages/0/{stats,completions}/     as above, for stage 0
/// ```
#[derive(Debug, Clone)]
pub struct RunLayout {
    /// The output directory.
    pub root: PathBuf,
    /// Number of stages of the pipeline.
    pub stages: usize,
}

impl RunLayout {
    /// Layout of a run with `stages` stages under `root`.
    pub fn new(root: impl Into<PathBuf>, stages: usize) -> Self {
        Self {
            root: root.into(),
            stages: stages.max(1),
        }
    }

    fn stage_dir(&self, stage: usize) -> PathBuf {
        if stage + 1 >= self.stages {
            self.root.clone()
        } else {
            self.root.join("_stages").join(stage.to_string())
        }
    }

    /// Directory the data output of `stage` goes to.
    pub fn data_dir(&self, stage: usize) -> PathBuf {
        if stage + 1 >= self.stages {
            self.root.clone()
        } else {
            self.stage_dir(stage).join("data")
        }
    }

    /// Stats file of one unit.
    pub fn stats_file(&self, stage: usize, shard: usize) -> PathBuf {
        self.stage_dir(stage)
            .join("stats")
            .join(format!("{shard:05}.json"))
    }

    /// Completion marker of one unit.
    pub fn completion_file(&self, stage: usize, shard: usize) -> PathBuf {
        self.stage_dir(stage)
            .join("completions")
            .join(format!("{shard:05}"))
    }

    /// Observation file of one unit (for the corpus step after `stage`).
    pub fn observation_file(&self, stage: usize, shard: usize) -> PathBuf {
        self.stage_dir(stage)
            .join("observations")
            .join(format!("{shard:05}.obs"))
    }

    /// Whether a unit has completed.
    pub fn is_complete(&self, stage: usize, shard: usize) -> bool {
        let marker = self.completion_file(stage, shard);
        match crate::remote::url(&marker) {
            Some(url) => crate::remote::exists(url),
            None => marker.is_file(),
        }
    }

    /// The run manifest file.
    pub fn manifest_file(&self) -> PathBuf {
        self.root.join("run.json")
    }

    /// Output options of the intermediate data of earlier stages (zstd JSONL).
    pub fn intermediate_output(&self, stage: usize) -> OutputOptions {
        OutputOptions {
            path: self.data_dir(stage).to_string_lossy().into_owned(),
            format: tamis_io::OutputFormat::Jsonl,
            compression: tamis_io::Compression::Zstd,
        }
    }
}

/// What a run directory holds: written at the start of a run, checked by every rerun so that
/// a resumed run never mixes outputs of different configs or shard counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunManifest {
    /// tamis version that started the run.
    pub tamis_version: String,
    /// Number of shards.
    pub shards: usize,
    /// The pipeline config (input, steps, output), as JSON.
    pub pipeline: serde_json::Value,
}

impl RunManifest {
    /// Writes the manifest if the directory has none; otherwise checks it matches.
    pub fn ensure(&self, path: &Path) -> Result<()> {
        let existing = match crate::remote::url(path) {
            Some(url) => {
                crate::remote::get(url)?.ok_or_else(|| std::io::ErrorKind::NotFound.into())
            }
            None => std::fs::read(path),
        };
        match existing {
            Ok(bytes) => {
                let old: RunManifest =
                    serde_json::from_slice(&bytes).map_err(|e| Error::Format {
                        path: path.to_owned(),
                        message: format!("not a tamis run manifest: {e}"),
                    })?;
                if old.shards != self.shards {
                    return Err(Error::config(
                        "[output].path",
                        format!(
                            "{} holds a run with {} shards, this run has {}; use the same shard count to resume, or another output directory",
                            path.parent().unwrap_or(path).display(),
                            old.shards,
                            self.shards
                        ),
                    ));
                }
                if old.pipeline != self.pipeline {
                    return Err(Error::config(
                        "[output].path",
                        format!(
                            "{} holds a run of a different pipeline (input, steps or output changed); use another output directory",
                            path.parent().unwrap_or(path).display()
                        ),
                    ));
                }
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let bytes = serde_json::to_vec_pretty(self).map_err(|e| Error::Format {
                    path: path.to_owned(),
                    message: e.to_string(),
                })?;
                write_atomic(path, &bytes)
            }
            Err(e) => Err(Error::io(path, e)),
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// readers see either nothing or the whole file.
///
/// In an object store the object is written whole by one request.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(url) = crate::remote::url(path) {
        return crate::remote::put(url, bytes);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}
