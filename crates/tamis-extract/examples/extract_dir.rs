//! Extracts every `html/*/*.html.gz` under a directory (the layout of
//! `../shared/data/extraction`) and writes one `{"id", "text"}` JSON line per page, the input
//! of `../shared/tools/extraction_score.py`. Prints single-thread extraction throughput
//! (decompression and reading excluded) on stderr.
//!
//! ```text
//! cargo run --release -p tamis-extract --example extract_dir -- ../shared/data/extraction out.jsonl [--repeat N] [--markdown] [--timing FILE] [--pruned FILE] [--meta]
//! ```
//!
//! `--meta` adds the page's metadata to each line (`title`, `lang`, `canonical_url`, `date`,
//! `author`), for comparisons with other tools' metadata.
//!
//! `--pruned FILE` also writes, per page, every region pruning took out, with the rule that
//! did (`{"id", "regions": [{"why", "element", "in_root", "text"}]}`), for audits of the rules
//! against gold texts.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use tamis_extract::{ExtractConfig, OutputFormat};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut positional = Vec::new();
    let mut repeat = 1usize;
    let mut timing: Option<String> = None;
    let mut pruned: Option<String> = None;
    let mut cfg = ExtractConfig::default();
    let mut meta = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--repeat" => repeat = it.next().ok_or("--repeat N")?.parse()?,
            "--markdown" => cfg.output = OutputFormat::Markdown,
            "--timing" => timing = Some(it.next().ok_or("--timing FILE")?.clone()),
            "--pruned" => pruned = Some(it.next().ok_or("--pruned FILE")?.clone()),
            "--comments" => cfg.include_comments = true,
            "--meta" => meta = true,
            _ => positional.push(a.clone()),
        }
    }
    let [dir, out] = positional.as_slice() else {
        return Err("usage: extract_dir DIR OUT.jsonl [--repeat N] [--markdown]".into());
    };
    let mut files: Vec<PathBuf> = Vec::new();
    let html_dir = Path::new(dir).join("html");
    for sub in std::fs::read_dir(&html_dir)? {
        let sub = sub?.path();
        if !sub.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&sub)? {
            let f = f?.path();
            if f.to_string_lossy().ends_with(".html.gz") {
                files.push(f);
            }
        }
    }
    files.sort();
    let mut pages = Vec::with_capacity(files.len());
    for f in &files {
        let mut gz = flate2::read::GzDecoder::new(std::fs::File::open(f)?);
        let mut bytes = Vec::new();
        gz.read_to_end(&mut bytes)?;
        let name = f.file_name().unwrap().to_string_lossy();
        let id = name.trim_end_matches(".html.gz").to_owned();
        pages.push((id, bytes));
    }
    let ex = cfg.build()?;
    let total_bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let mut results = Vec::with_capacity(pages.len());
    let start = Instant::now();
    for r in 0..repeat {
        for (id, bytes) in &pages {
            let e = ex.extract(bytes, None);
            if r == 0 {
                results.push((id.clone(), e));
            }
        }
    }
    let secs = start.elapsed().as_secs_f64() / repeat as f64;
    let n = pages.len() as f64;
    eprintln!(
        "tamis: {} pages x{repeat}, {:.1} MB: {:.1} pages/s, {:.1} MB/s (single thread)",
        pages.len(),
        total_bytes as f64 / 1e6,
        n / secs,
        total_bytes as f64 / 1e6 / secs
    );
    if let Some(path) = timing {
        let t = serde_json::json!({"pages": pages.len(), "bytes": total_bytes, "secs": secs});
        std::fs::write(path, t.to_string())?;
    }
    if let Some(path) = pruned {
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (id, bytes) in &pages {
            let regions: Vec<_> = tamis_extract::pruned_regions(bytes)
                .into_iter()
                .map(|r| {
                    serde_json::json!({"why": r.why, "element": r.element,
                                       "in_root": r.in_root, "text": r.text})
                })
                .collect();
            writeln!(w, "{}", serde_json::json!({"id": id, "regions": regions}))?;
        }
        w.flush()?;
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    for (id, e) in results {
        let line = if meta {
            serde_json::json!({"id": id, "text": e.text, "title": e.title, "lang": e.lang,
                               "canonical_url": e.canonical_url, "date": e.date,
                               "author": e.author})
        } else {
            serde_json::json!({"id": id, "text": e.text})
        };
        writeln!(w, "{line}")?;
    }
    w.flush()?;
    Ok(())
}
