//! Drives a tamis-dedup corpus step over JSONL directly (observe → save → build → apply),
//! the way the executor runs it, and prints per-stage time, docs/s and peak RSS.
//!
//! ```text
//! cargo run --release -p tamis-dedup --example dedup_bench -- \
//!     --input docs.jsonl.gz --step minhash --shards 4 --work /tmp/w \
//!     [--config '{"mode":"drop"}'] [--removed removed.txt] [--signatures sigs.tsv]
//! ```
//!
//! The input is cut into `--shards` contiguous shards (so shard order is input order). Each
//! stage re-reads the input, so peak RSS reflects the step, not a copy of the corpus. Peak RSS
//! is reset between stages through `/proc/self/clear_refs` (Linux).
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use tamis_core::{CorpusStep, Document, Outcome, StepContext};

fn open(path: &Path) -> Box<dyn BufRead> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(f),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 20, f))
    }
}

/// Calls `f` for every document of the input.
fn for_each_doc(path: &Path, mut f: impl FnMut(Document)) {
    for (i, line) in open(path).lines().enumerate() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Document>(&line) {
            Ok(d) => f(d),
            Err(e) => eprintln!("line {}: {e}", i + 1),
        }
    }
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// CPU time (user + system) of this process so far, in seconds, from `/proc/self/stat`.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let input = PathBuf::from(arg(&args, "--input").expect("--input FILE.jsonl[.gz]"));
    let step_name = arg(&args, "--step").unwrap_or_else(|| "minhash".into());
    let shards: usize = arg(&args, "--shards").map_or(1, |s| s.parse().expect("--shards N"));
    let work = PathBuf::from(arg(&args, "--work").expect("--work DIR"));
    let config = arg(&args, "--config").unwrap_or_else(|| "{}".into());
    std::fs::create_dir_all(&work).unwrap();

    let step: Box<dyn CorpusStep> = match step_name.as_str() {
        "minhash" => Box::new(
            serde_json::from_str::<tamis_dedup::MinhashDedupConfig>(&config)
                .unwrap()
                .build()
                .unwrap(),
        ),
        "exact" => Box::new(
            serde_json::from_str::<tamis_dedup::ExactDedupConfig>(&config)
                .unwrap()
                .build()
                .unwrap(),
        ),
        "paragraph" => Box::new(
            serde_json::from_str::<tamis_dedup::ParagraphDedupConfig>(&config)
                .unwrap()
                .build()
                .unwrap(),
        ),
        other => panic!("unknown --step {other}: minhash, exact or paragraph"),
    };

    // Count documents to cut contiguous shards.
    let mut total = 0u64;
    for_each_doc(&input, |_| total += 1);
    let shard_of = |i: u64| ((i as u128 * shards as u128) / u128::from(total.max(1))) as usize;

    // Optional: signatures for a parity check against datatrove.
    if let Some(sig_path) = arg(&args, "--signatures") {
        let c = serde_json::from_str::<tamis_dedup::MinhashDedupConfig>(&config).unwrap();
        let signer = tamis_dedup::minhash::Signer::new(
            c.seed,
            c.num_buckets * c.hashes_per_bucket,
            c.n_grams,
            c.hash_fc,
        );
        let mut out = std::io::BufWriter::new(std::fs::File::create(&sig_path).unwrap());
        let mut scratch = tamis_dedup::minhash::SignScratch::default();
        let mut sig = Vec::new();
        for_each_doc(&input, |d| {
            if signer.sign(&d.text, &mut scratch, &mut sig) {
                let s: Vec<String> = sig.iter().map(|v| v.to_string()).collect();
                writeln!(out, "{}\t{}", d.id, s.join(",")).unwrap();
            } else {
                writeln!(out, "{}\t", d.id).unwrap();
            }
        });
    }

    // Stage 1: observe and save.
    reset_peak();
    let cpu0 = cpu_s();
    let t = Instant::now();
    let mut step_ns = 0u128;
    let mut observers: Vec<_> = (0..shards).map(|_| Some(step.observer())).collect();
    let mut i = 0u64;
    for_each_doc(&input, |d| {
        let s = shard_of(i);
        i += 1;
        let t = Instant::now();
        if let Some(Some(o)) = observers.get_mut(s) {
            o.observe(&d);
        }
        step_ns += t.elapsed().as_nanos();
    });
    let mut files = Vec::new();
    for (s, o) in observers.iter_mut().enumerate() {
        let path = work.join(format!("{s:05}.obs"));
        let t = Instant::now();
        o.take().unwrap().save(&path).unwrap();
        step_ns += t.elapsed().as_nanos();
        files.push(path);
    }
    let wall = t.elapsed().as_secs_f64();
    let step_s = step_ns as f64 / 1e9;
    let cpu = cpu_s() - cpu0;
    println!(
        "stage=observe docs={total} wall_s={wall:.3} cpu_s={cpu:.2} step_s={step_s:.3} docs_per_s={:.0} peak_rss_mb={:.1}",
        total as f64 / cpu.max(0.01),
        peak_rss_mb()
    );

    // Stage 2: build.
    reset_peak();
    let cpu0 = cpu_s();
    let t = Instant::now();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let apply = step.build(&paths).unwrap();
    let build_s = t.elapsed().as_secs_f64();
    let cpu = cpu_s() - cpu0;
    println!(
        "stage=build docs={total} wall_s={build_s:.3} cpu_s={cpu:.2} docs_per_s={:.0} peak_rss_mb={:.1}",
        total as f64 / cpu.max(0.01),
        peak_rss_mb()
    );

    // Stage 3: apply.
    reset_peak();
    let cpu0 = cpu_s();
    let t = Instant::now();
    let mut step_ns = 0u128;
    let mut removed_out =
        arg(&args, "--removed").map(|p| std::io::BufWriter::new(std::fs::File::create(p).unwrap()));
    let mut annotated_out = arg(&args, "--annotated")
        .map(|p| std::io::BufWriter::new(std::fs::File::create(p).unwrap()));
    let (mut dropped, mut modified) = (0u64, 0u64);
    let mut next_index = vec![0u64; shards];
    let mut i = 0u64;
    for_each_doc(&input, |mut d| {
        let s = shard_of(i);
        i += 1;
        let doc_index = next_index.get(s).copied().unwrap_or(0);
        if let Some(n) = next_index.get_mut(s) {
            *n += 1;
        }
        let mut ctx = StepContext {
            shard: s,
            doc_index,
            ..StepContext::default()
        };
        let t = Instant::now();
        let outcome = apply.process(&mut d, &mut ctx);
        step_ns += t.elapsed().as_nanos();
        match outcome {
            Outcome::Drop(_) => {
                dropped += 1;
                if let Some(w) = removed_out.as_mut() {
                    writeln!(w, "{}", d.id).unwrap();
                }
            }
            Outcome::Modified => modified += 1,
            Outcome::Keep => {}
        }
        if !matches!(outcome, Outcome::Drop(_)) {
            if let Some(w) = annotated_out.as_mut() {
                serde_json::to_writer(&mut *w, &d).unwrap();
                w.write_all(b"\n").unwrap();
            }
        }
    });
    let wall = t.elapsed().as_secs_f64();
    let step_s = step_ns as f64 / 1e9;
    if let Some(w) = removed_out.as_mut() {
        w.flush().unwrap();
    }
    if let Some(w) = annotated_out.as_mut() {
        w.flush().unwrap();
    }
    let cpu = cpu_s() - cpu0;
    println!(
        "stage=apply docs={total} wall_s={wall:.3} cpu_s={cpu:.2} step_s={step_s:.3} docs_per_s={:.0} peak_rss_mb={:.1} dropped={dropped} modified={modified}",
        total as f64 / cpu.max(0.01),
        peak_rss_mb()
    );
}
