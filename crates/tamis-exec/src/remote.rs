//! Run directories in object stores (`[output] path = "s3://bucket/run"`, `gs://`, `az://`):
//! the few file operations of a run (manifest, stats files, completion markers) done through
//! `tamis-store` when the run directory is a URL. Local paths never come here.
//!
//! An object appears whole or not at all (a `put`, or a multipart upload completed at the end),
//! so the temporary-name-and-rename of local files is not needed: a completion marker exists
//! only once the shard's output and stats objects do.

use std::path::{Path, PathBuf};

use tamis_core::{Error, Result};

/// The URL of a run-directory path that lives in an object store.
pub(crate) fn url(path: &Path) -> Option<&str> {
    path.to_str().filter(|s| tamis_store::is_remote(s))
}

/// The whole object, or `None` if there is none.
pub(crate) fn get(url: &str) -> Result<Option<Vec<u8>>> {
    let store = tamis_store::shared()?;
    if !store.exists(url)? {
        return Ok(None);
    }
    store.get(url).map(Some)
}

/// Writes a whole (small) object.
pub(crate) fn put(url: &str, bytes: &[u8]) -> Result<()> {
    tamis_store::shared()?.put(url, bytes)
}

/// Whether an object exists; a store that cannot be asked counts as "no" (the unit is redone).
pub(crate) fn exists(url: &str) -> bool {
    match tamis_store::shared().and_then(|s| s.exists(url)) {
        Ok(b) => b,
        Err(e) => {
            log::warn!("{url}: {e}");
            false
        }
    }
}

/// The `*.json` objects directly under `dir`, sorted.
pub(crate) fn list_json(dir: &str) -> Result<Vec<PathBuf>> {
    let urls = tamis_store::list(&format!("{}/*.json", dir.trim_end_matches('/')))?;
    Ok(urls.into_iter().map(PathBuf::from).collect())
}

/// Rejects what a run in an object store cannot do yet: corpus-level steps pass observation
/// files between stages by local path.
pub(crate) fn check_stages(root: &str, stages: usize) -> Result<()> {
    if stages > 1 {
        return Err(Error::config(
            "[output].path",
            format!(
                "{root}: a pipeline with a corpus-level step (several stages) needs a local or shared-filesystem output directory; object-store outputs take single-stage pipelines"
            ),
        ));
    }
    Ok(())
}
