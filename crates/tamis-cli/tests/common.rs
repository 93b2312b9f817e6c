//! Helpers shared by the CLI integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// `../shared` next to the repository, if present (skips the caller otherwise).
pub fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared not found next to the repository");
        None
    }
}

/// The `tamis` binary under test.
pub fn tamis() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tamis"));
    c.current_dir(repo());
    c.env_remove("RUST_LOG");
    c
}

/// Runs tamis with `args` and returns the output.
pub fn run(args: &[&str]) -> Output {
    tamis().args(args).output().unwrap()
}

/// Stdout as a string.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Stderr as a string.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every regular file under `dir` (relative path → bytes), skipping `stats/` and `run.json`
/// (stats hold timings), sorted.
pub fn output_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                if !rel.ends_with("stats") {
                    stack.push(p);
                }
            } else if rel != "run.json" {
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Writes a pipeline file into `dir` and returns its path.
pub fn write_pipeline(dir: &Path, name: &str, toml: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, toml).unwrap();
    p
}

/// TOML string literal for a path.
pub fn lit(p: &Path) -> String {
    format!("{:?}", p.to_string_lossy())
}
