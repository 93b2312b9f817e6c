//! Throughput of the tamis-io readers and writers (issue 3 benchmarks), one line per figure.
//!
//! ```text
//! cargo run --release -p tamis-io --example io_bench -- [--mb N] [FILE...]
//! ```
//!
//! FILEs ending in `.warc.gz` are concatenated (gzip members chain) and repeated until the
//! decompressed WARC reaches N MB (default 200); FILEs ending in `.jsonl`/`.jsonl.gz` are
//! decompressed and repeated the same way. Without FILEs, the files under `../shared/data/warc`
//! (except the truncated one) and `../shared/data/corpus/20newsgroups.jsonl.gz` are used.
//!
//! 1. plain gzip decoding (flate2 `MultiGzDecoder` to a sink) versus reading the same
//!    `.warc.gz` through `tamis_io::open` (every record parsed, HTTP bodies split off), and
//!    their ratio (goal ≥ 0.8);
//! 2. JSONL → JSONL passthrough on one core: `open` + `create_writer`, output uncompressed and
//!    zstd (goal ≥ 500 MB/s uncompressed), plus the JSON parsers alone (sonic-rs, serde_json).
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use tamis_io::{
    Compression, InputOptions, OutputFormat, OutputOptions, ReadItem, create_writer, open,
};

const RUNS: usize = 3;

/// The allocator of the `tamis` binary, so that these figures are those of a run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// CPU time of the calling thread, seconds (utime + stime from /proc/thread-self/stat, in
/// clock ticks of 10 ms), or `None` where that file does not exist.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// Runs `f` RUNS times; returns the best time and `f`'s last result. The time is the thread's
/// CPU time when available (so that other processes on a shared machine do not count), wall
/// time otherwise; set IO_BENCH_WALL=1 to force wall time.
fn best_of<F: FnMut() -> u64>(mut f: F) -> (f64, u64) {
    let use_cpu = std::env::var_os("IO_BENCH_WALL").is_none() && thread_cpu_secs().is_some();
    let mut best = f64::INFINITY;
    let mut out = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let c = thread_cpu_secs().unwrap_or(0.0);
        out = f();
        let secs = if use_cpu {
            thread_cpu_secs().unwrap_or(0.0) - c
        } else {
            t.elapsed().as_secs_f64()
        };
        best = best.min(secs.max(1e-3));
    }
    (best, out)
}

fn decompressed(path: &Path) -> Vec<u8> {
    let mut data = Vec::new();
    let f = BufReader::new(File::open(path).unwrap());
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::bufread::MultiGzDecoder::new(f)
            .read_to_end(&mut data)
            .unwrap();
    } else {
        BufReader::new(f).read_to_end(&mut data).unwrap();
    }
    data
}

fn main() {
    let mut target_mb = 200u64;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--mb" {
            target_mb = args.next().and_then(|v| v.parse().ok()).expect("--mb N");
        } else {
            files.push(a.into());
        }
    }
    if files.is_empty() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        if let Ok(rd) = std::fs::read_dir(shared.join("warc")) {
            let mut w: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            w.sort();
            files.extend(w);
        }
        files.push(shared.join("corpus/20newsgroups.jsonl.gz"));
    }
    let tmp = tempfile::tempdir().unwrap();
    let target = target_mb * 1_000_000;
    let clock = if std::env::var_os("IO_BENCH_WALL").is_none() && thread_cpu_secs().is_some() {
        "thread CPU time"
    } else {
        "wall time"
    };
    println!(
        "tamis-io io_bench: best of {RUNS} runs, one thread, {clock}, inputs ~{target_mb} MB decompressed"
    );

    // ---- 1. WARC.gz reading versus gunzip ----
    let warcs: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".warc.gz") && !n.contains("clipped") && p.exists()
        })
        .collect();
    if !warcs.is_empty() {
        let path = tmp.path().join("bench.warc.gz");
        let mut raw_once = 0u64;
        let mut gz_once = Vec::new();
        for w in &warcs {
            gz_once.extend(std::fs::read(w).unwrap());
            raw_once += decompressed(w).len() as u64;
        }
        let reps = target.div_ceil(raw_once.max(1));
        {
            let mut f = BufWriter::new(File::create(&path).unwrap());
            for _ in 0..reps {
                f.write_all(&gz_once).unwrap();
            }
        }
        let stored = std::fs::metadata(&path).unwrap().len();
        let (t_gunzip, raw) = best_of(|| {
            let f = BufReader::with_capacity(256 << 10, File::open(&path).unwrap());
            io::copy(
                &mut flate2::bufread::MultiGzDecoder::new(f),
                &mut io::sink(),
            )
            .unwrap()
        });
        let opts = InputOptions::default();
        let mut counts = (0u64, 0u64, 0u64);
        let (t_read, _) = best_of(|| {
            counts = (0, 0, 0);
            let mut r = open(&path, &opts).unwrap();
            for item in r.by_ref() {
                match item {
                    ReadItem::Doc(_) => counts.0 += 1,
                    ReadItem::Skipped => counts.1 += 1,
                    ReadItem::Malformed(_) => counts.2 += 1,
                }
            }
            r.bytes_read()
        });
        let g = mb(raw) / t_gunzip;
        let w = mb(raw) / t_read;
        println!(
            "warc.gz  {} files x{reps}: {:.0} MB stored, {:.0} MB decompressed, {} docs, {} skipped, {} malformed",
            warcs.len(),
            mb(stored),
            mb(raw),
            counts.0,
            counts.1,
            counts.2
        );
        println!("warc.gz  gunzip (flate2 MultiGzDecoder -> sink)      {g:8.1} MB/s decompressed");
        println!("warc.gz  tamis_io::open, every record               {w:8.1} MB/s decompressed");
        println!(
            "warc.gz  ratio tamis/gunzip                         {:8.2}   (goal >= 0.80)",
            w / g
        );
    }

    // ---- 2. JSONL passthrough ----
    let jsonls: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let n = p.to_string_lossy();
            (n.ends_with(".jsonl") || n.ends_with(".jsonl.gz")) && p.exists()
        })
        .collect();
    if !jsonls.is_empty() {
        let mut once = Vec::new();
        for j in &jsonls {
            once.extend(decompressed(j));
            if once.last() != Some(&b'\n') {
                once.push(b'\n');
            }
        }
        let reps = target.div_ceil(once.len().max(1) as u64);
        let path = tmp.path().join("bench.jsonl");
        {
            let mut f = BufWriter::new(File::create(&path).unwrap());
            for _ in 0..reps {
                f.write_all(&once).unwrap();
            }
        }
        let size = std::fs::metadata(&path).unwrap().len();
        let opts = InputOptions::default();
        let mut docs = 0u64;
        let (t_read, n_read) = best_of(|| {
            open(&path, &opts)
                .unwrap()
                .filter(|i| matches!(i, ReadItem::Doc(_)))
                .count() as u64
        });
        println!(
            "jsonl    read only: open + parse ({n_read} docs)            {:8.1} MB/s per core",
            mb(size) / t_read
        );
        for (label, compression) in [("none", Compression::None), ("zstd", Compression::Zstd)] {
            let out = OutputOptions {
                path: String::new(),
                format: OutputFormat::Jsonl,
                compression,
            };
            let outdir = tmp.path().join(format!("out-{label}"));
            let (t, written) = best_of(|| {
                docs = 0;
                let mut w = create_writer(&out, &outdir, 0).unwrap();
                for item in open(&path, &opts).unwrap() {
                    if let ReadItem::Doc(d) = item {
                        w.write(&d).unwrap();
                        docs += 1;
                    }
                }
                let p = w.finish().unwrap();
                std::fs::metadata(p).unwrap().len()
            });
            let goal = if compression == Compression::None {
                "   (goal >= 500)"
            } else {
                ""
            };
            println!(
                "jsonl    passthrough -> {label:4} ({docs} docs, {:.0} MB in, {:.0} MB out) {:8.1} MB/s per core{goal}",
                mb(size),
                mb(written),
                mb(size) / t
            );
        }
        // The parsers alone, same lines, into a map.
        let lines: Vec<&[u8]> = once
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .collect();
        let bytes: u64 = lines.iter().map(|l| l.len() as u64 + 1).sum();
        let (t_sonic, _) = best_of(|| {
            let mut n = 0;
            for _ in 0..reps {
                for l in &lines {
                    let m: serde_json::Map<String, serde_json::Value> =
                        sonic_rs::from_slice(l).unwrap();
                    n += m.len() as u64;
                }
            }
            n
        });
        let (t_serde, _) = best_of(|| {
            let mut n = 0;
            for _ in 0..reps {
                for l in &lines {
                    let m: serde_json::Map<String, serde_json::Value> =
                        serde_json::from_slice(l).unwrap();
                    n += m.len() as u64;
                }
            }
            n
        });
        let total = bytes * reps;
        println!(
            "jsonl    parse only: sonic-rs {:8.1} MB/s, serde_json {:8.1} MB/s",
            mb(total) / t_sonic,
            mb(total) / t_serde
        );
    }
}
