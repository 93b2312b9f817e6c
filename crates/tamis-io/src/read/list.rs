//! Expanding the `paths` of an [`InputOptions`] into a list of files.

use std::path::{Component, Path, PathBuf};

use globset::GlobBuilder;
use tamis_core::{Error, Result};

use super::InputOptions;

/// Expands files, directories (recursively; entries whose name starts with `.` are skipped)
/// and glob patterns (`*`, `?`, `[...]`, `{a,b}`, `**`) into a sorted, de-duplicated list of
/// files, so every run and every shard count sees the same order.
///
/// An entry that matches no file is an error naming it (`input.paths`), as is a path that
/// cannot be read. Symbolic links are followed.
///
/// Object-store URLs (`s3://bucket/crawl/*.warc.gz`, a prefix, one object) are listed through
/// `tamis-store` and come back as URLs; `file://` URLs are local paths.
pub fn list_inputs(opts: &InputOptions) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in &opts.paths {
        let before = out.len();
        let local = tamis_store::file_url_path(entry).map(|p| p.to_string_lossy().into_owned());
        let entry = local.as_ref().unwrap_or(entry);
        if tamis_store::is_remote(entry) {
            out.extend(tamis_store::list(entry)?.into_iter().map(PathBuf::from));
        } else if is_glob(entry) {
            expand_glob(entry, &mut out)?;
        } else {
            let p = Path::new(entry);
            let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
            if meta.is_dir() {
                walk(p, None, &mut out)?;
            } else {
                out.push(p.to_path_buf());
            }
        }
        if out.len() == before {
            return Err(Error::config(
                "input.paths",
                format!("{entry:?} matches no file"),
            ));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// The directory part of a pattern before its first component with a glob character.
fn glob_base(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    for c in Path::new(pattern).components() {
        match c {
            Component::Normal(s) if is_glob(&s.to_string_lossy()) => break,
            other => base.push(other),
        }
    }
    if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    }
}

fn expand_glob(pattern: &str, out: &mut Vec<PathBuf>) -> Result<()> {
    let glob = GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| Error::config("input.paths", format!("bad glob {pattern:?}: {e}")))?;
    let matcher = glob.compile_matcher();
    let base = glob_base(pattern);
    if !base.exists() {
        return Ok(());
    }
    // Paths are produced relative to the same base as the pattern ("./x" patterns keep "./").
    let strip_dot = !pattern.starts_with("./") && base == Path::new(".");
    let mut found = Vec::new();
    let keep = |p: &Path| {
        let q = if strip_dot {
            p.strip_prefix(".").unwrap_or(p)
        } else {
            p
        };
        matcher.is_match(q)
    };
    walk(&base, Some(&keep), &mut found)?;
    for p in found {
        out.push(if strip_dot {
            p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)
        } else {
            p
        });
    }
    Ok(())
}

type Filter<'a> = &'a dyn Fn(&Path) -> bool;

fn walk(dir: &Path, keep: Option<Filter<'_>>, out: &mut Vec<PathBuf>) -> Result<()> {
    let it = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let it =
        it.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for e in it {
        let e = e.map_err(|e| {
            let path = e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.to_path_buf());
            let io = e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("file system loop"));
            Error::io(path, io)
        })?;
        if e.file_type().is_file() && keep.is_none_or(|k| k(e.path())) {
            out.push(e.into_path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(paths: &[String]) -> InputOptions {
        InputOptions {
            paths: paths.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn files_dirs_and_globs() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        for f in [
            "a/1.jsonl",
            "a/b/2.jsonl",
            "a/b/3.txt",
            "a/.hidden.jsonl",
            "4.warc.gz",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let s = |p: &str| root.join(p).to_string_lossy().into_owned();
        let got = list_inputs(&opts(&[s("a")])).unwrap();
        assert_eq!(
            got,
            vec![
                root.join("a/1.jsonl"),
                root.join("a/b/2.jsonl"),
                root.join("a/b/3.txt")
            ]
        );
        let got = list_inputs(&opts(&[s("a/**/*.jsonl"), s("4.warc.gz"), s("a/1.jsonl")])).unwrap();
        assert_eq!(
            got,
            vec![
                root.join("4.warc.gz"),
                root.join("a/1.jsonl"),
                root.join("a/b/2.jsonl")
            ]
        );
        let got = list_inputs(&opts(&[s("a/*.jsonl")])).unwrap();
        assert_eq!(got, vec![root.join("a/1.jsonl")]);
        let e = list_inputs(&opts(&[s("a/*.parquet")]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("matches no file"), "{e}");
        assert!(list_inputs(&opts(&[s("missing.txt")])).is_err());
    }
}
