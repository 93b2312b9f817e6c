//! Parsing URLs into object stores, and listing.

use std::path::PathBuf;
use std::sync::Arc;

use futures_util::StreamExt;
use object_store::ObjectStore;
use object_store::path::Path as ObjPath;
use tamis_core::{Error, Result};
use url::Url;

use crate::read::ObjectReader;
use crate::write::{DEFAULT_PART_BYTES, ObjectWriter};

/// Prefixes of environment variables passed to the store builders (each builder ignores the
/// keys it does not know).
const ENV_PREFIXES: [&str; 3] = ["AWS_", "GOOGLE_", "AZURE_"];

/// Whether `s` is an object-store URL (`scheme://...`) rather than a local path.
pub fn is_url(s: &str) -> bool {
    s.contains("://") && Url::parse(s).is_ok_and(|u| u.scheme().len() > 1)
}

/// Whether `s` names an object in a remote store (`s3://`, `gs://`, `az://`, `http(s)://`...):
/// a URL other than `file://`. Cheap on plain paths (no parsing unless `s` contains `://`).
pub fn is_remote(s: &str) -> bool {
    is_url(s) && !s.starts_with("file://")
}

/// The local path of a `file://` URL (`None` for anything else).
pub fn file_url_path(s: &str) -> Option<PathBuf> {
    if !s.starts_with("file://") {
        return None;
    }
    Url::parse(s).ok()?.to_file_path().ok()
}

/// Access to object stores with one set of options.
#[derive(Clone)]
pub struct Store {
    options: Vec<(String, String)>,
    runtime: Arc<tokio::runtime::Runtime>,
    part_bytes: usize,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Options hold credentials: print only their names.
        let keys: Vec<&str> = self.options.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("Store")
            .field("options", &keys)
            .field("part_bytes", &self.part_bytes)
            .finish()
    }
}

impl Store {
    /// A store configured by `options`: builder keys of `object_store`, case-insensitive
    /// (`aws_access_key_id`, `aws_endpoint_url`, `aws_allow_http`, `aws_region`,
    /// `google_service_account`, `azure_storage_account_name`, ...).
    pub fn new<K: Into<String>, V: Into<String>>(
        options: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Self> {
        install_crypto_provider();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("tamis-store")
            .enable_all()
            .build()
            .map_err(|e| Error::io("tokio runtime", e))?;
        Ok(Self {
            options: options
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            runtime: Arc::new(runtime),
            part_bytes: DEFAULT_PART_BYTES,
        })
    }

    /// A store configured by the `AWS_*`, `GOOGLE_*` and `AZURE_*` environment variables.
    pub fn from_env() -> Result<Self> {
        Self::new(std::env::vars().filter(|(k, _)| ENV_PREFIXES.iter().any(|p| k.starts_with(p))))
    }

    /// The same store with another multipart part size (S3 needs at least 5 MiB for every
    /// part but the last).
    pub fn with_part_bytes(mut self, bytes: usize) -> Self {
        self.part_bytes = bytes.max(1);
        self
    }

    /// The store and the object path of a URL (a plain path is a local file).
    pub(crate) fn resolve(&self, url: &str) -> Result<(Arc<dyn ObjectStore>, ObjPath, Url)> {
        let parsed = to_url(url)?;
        let (store, path) =
            object_store::parse_url_opts(&parsed, self.options.iter().map(|(k, v)| (k, v.clone())))
                .map_err(|e| io_err(url, e))?;
        Ok((Arc::from(store), path, parsed))
    }

    pub(crate) fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.runtime.block_on(f)
    }

    pub(crate) fn runtime(&self) -> &Arc<tokio::runtime::Runtime> {
        &self.runtime
    }

    /// Object URLs under a prefix or matching a glob (`*`, `?`, `[..]`, `{a,b}`; `**` spans
    /// directories), sorted. A URL naming one object lists that object.
    pub fn list(&self, url_or_glob: &str) -> Result<Vec<String>> {
        let glob_at = url_or_glob.find(['*', '?', '[', '{']);
        let base = match glob_at {
            // Everything up to the last `/` before the first glob character.
            Some(i) => url_or_glob
                .get(..i)
                .and_then(|s| s.rfind('/').map(|j| &url_or_glob[..=j]))
                .unwrap_or(url_or_glob),
            None => url_or_glob,
        };
        let (store, prefix, parsed) = self.resolve(base)?;
        let root = root_url(&parsed);
        let matcher = match glob_at {
            Some(_) => {
                let pattern = glob_key_pattern(url_or_glob)?;
                Some(
                    globset::GlobBuilder::new(&pattern)
                        .literal_separator(true)
                        .build()
                        .map_err(|e| {
                            Error::config("paths", format!("{url_or_glob}: bad glob: {e}"))
                        })?
                        .compile_matcher(),
                )
            }
            None => None,
        };
        let prefix_opt = if prefix.as_ref().is_empty() {
            None
        } else {
            Some(&prefix)
        };
        let metas: Vec<_> = self.block_on(async {
            let mut out = Vec::new();
            let mut stream = store.list(prefix_opt);
            while let Some(item) = stream.next().await {
                out.push(item);
            }
            out
        });
        let mut urls = Vec::new();
        for m in metas {
            let meta = m.map_err(|e| io_err(url_or_glob, e))?;
            let key = meta.location.as_ref();
            if let Some(g) = &matcher {
                if !g.is_match(key) {
                    continue;
                }
            } else if glob_at.is_none() && !prefix.as_ref().is_empty() {
                // A prefix lists the object itself and what is "below" it, not `key2` for `key`.
                let p = prefix.as_ref();
                if key != p && !key.starts_with(&format!("{p}/")) {
                    continue;
                }
            }
            urls.push(format!("{root}{key}"));
        }
        if urls.is_empty() && glob_at.is_none() && !prefix.as_ref().is_empty() {
            // Listing works on "directories"; a URL naming one object lists that object.
            use object_store::ObjectStoreExt;
            if self.block_on(store.head(&prefix)).is_ok() {
                urls.push(format!("{root}{}", prefix.as_ref()));
            }
        }
        urls.sort();
        Ok(urls)
    }

    /// Opens one object for streaming reads.
    pub fn open_read(&self, url: &str) -> Result<ObjectReader> {
        ObjectReader::open(self, url)
    }

    /// Starts writing one object; it appears when [`ObjectWriter::finish`] returns.
    pub fn create(&self, url: &str) -> Result<ObjectWriter> {
        ObjectWriter::create(self, url, self.part_bytes)
    }

    /// Writes one whole object (small ones: markers, stats, manifests).
    pub fn put(&self, url: &str, bytes: &[u8]) -> Result<()> {
        use object_store::ObjectStoreExt;
        let (store, path, _) = self.resolve(url)?;
        let payload = object_store::PutPayload::from(bytes.to_vec());
        self.block_on(store.put(&path, payload))
            .map_err(|e| io_err(url, e))?;
        Ok(())
    }

    /// Reads one whole object into memory.
    pub fn get(&self, url: &str) -> Result<Vec<u8>> {
        use std::io::Read;
        let mut r = self.open_read(url)?;
        let mut out = Vec::with_capacity(usize::try_from(r.size()).unwrap_or(0));
        r.read_to_end(&mut out).map_err(|e| Error::io(url, e))?;
        Ok(out)
    }

    /// Whether an object exists.
    pub fn exists(&self, url: &str) -> Result<bool> {
        use object_store::ObjectStoreExt;
        let (store, path, _) = self.resolve(url)?;
        match self.block_on(store.head(&path)) {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(io_err(url, e)),
        }
    }

    /// Deletes one object (a missing one is not an error).
    pub fn delete(&self, url: &str) -> Result<()> {
        use object_store::ObjectStoreExt;
        let (store, path, _) = self.resolve(url)?;
        match self.block_on(store.delete(&path)) {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(io_err(url, e)),
        }
    }

    /// Uploads a local file to `url` as a multipart upload of [`Store::with_part_bytes`]
    /// parts, streaming it from disk; the object appears whole when the upload completes.
    pub fn upload_file(&self, local: &std::path::Path, url: &str) -> Result<()> {
        let mut file = std::fs::File::open(local).map_err(|e| Error::io(local, e))?;
        let mut w = self.create(url)?;
        std::io::copy(&mut file, &mut w).map_err(|e| Error::io(url, e))?;
        w.finish()?;
        Ok(())
    }

    /// Size in bytes of one object.
    pub fn size(&self, url: &str) -> Result<u64> {
        use object_store::ObjectStoreExt;
        let (store, path, _) = self.resolve(url)?;
        let meta = self
            .block_on(store.head(&path))
            .map_err(|e| io_err(url, e))?;
        Ok(meta.size)
    }
}

/// Makes ring the process's rustls crypto provider (HTTPS to the object stores) unless the
/// program installed one already: reqwest is built without a provider of its own, which keeps
/// aws-lc (a C library that takes minutes to build) out of the build.
fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Losing a race to another thread installing one is fine: any provider will do.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

/// `scheme://authority/` of a URL (`file:///` for local files).
fn root_url(u: &Url) -> String {
    match u.scheme() {
        "file" => "file:///".to_owned(),
        s => format!("{s}://{}/", u.host_str().unwrap_or_default()),
    }
}

/// The glob over object keys: the raw text after `scheme://authority/` (not parsed as a URL,
/// where `?` would start a query), or the absolute path without its leading `/`.
fn glob_key_pattern(s: &str) -> Result<String> {
    if let Some(i) = s.find("://").filter(|_| is_url(s)) {
        let rest = s.get(i + 3..).unwrap_or_default();
        if s.starts_with("file://") {
            return Ok(rest.trim_start_matches('/').to_owned());
        }
        return Ok(rest
            .split_once('/')
            .map(|(_, k)| k.to_owned())
            .unwrap_or_default());
    }
    let p = PathBuf::from(s);
    let abs = if p.is_absolute() {
        p
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io(".", e))?
            .join(p)
    };
    Ok(abs.to_string_lossy().trim_start_matches('/').to_owned())
}

/// Parses a URL; a plain path becomes a `file://` URL of its absolute form.
pub(crate) fn to_url(s: &str) -> Result<Url> {
    if is_url(s) {
        return Url::parse(s).map_err(|e| Error::config("url", format!("{s}: {e}")));
    }
    let p = PathBuf::from(s);
    let abs = if p.is_absolute() {
        p
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io(".", e))?
            .join(p)
    };
    let trailing = s.ends_with('/');
    let mut u = Url::from_file_path(&abs)
        .map_err(|()| Error::config("url", format!("{s}: not a valid path")))?;
    if trailing && !u.path().ends_with('/') {
        u.set_path(&format!("{}/", u.path()));
    }
    Ok(u)
}

/// An object-store error as a [`tamis_core::Error::Io`] on the URL.
pub(crate) fn io_err(url: &str, e: object_store::Error) -> Error {
    let kind = match &e {
        object_store::Error::NotFound { .. } => std::io::ErrorKind::NotFound,
        object_store::Error::PermissionDenied { .. }
        | object_store::Error::Unauthenticated { .. } => std::io::ErrorKind::PermissionDenied,
        object_store::Error::AlreadyExists { .. } => std::io::ErrorKind::AlreadyExists,
        _ => std::io::ErrorKind::Other,
    };
    Error::io(url, std::io::Error::new(kind, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths() {
        assert!(is_url("s3://b/k"));
        assert!(is_url("file:///tmp/x"));
        assert!(!is_url("/tmp/x"));
        assert!(!is_url("data/x.warc.gz"));
        assert!(!is_url("C:/x"));
        assert_eq!(to_url("/tmp/a b").unwrap().as_str(), "file:///tmp/a%20b");
        assert_eq!(
            glob_key_pattern("s3://b/crawl/*.warc?.gz").unwrap(),
            "crawl/*.warc?.gz"
        );
        assert_eq!(
            glob_key_pattern("file:///tmp/**/*.jsonl").unwrap(),
            "tmp/**/*.jsonl"
        );
        assert_eq!(glob_key_pattern("/tmp/x/*.gz").unwrap(), "tmp/x/*.gz");
    }
}
