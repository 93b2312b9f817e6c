//! Runs one tamis filter (or the FineWeb chain) over a JSONL file and prints one decision per
//! document, for the parity harness in `bench/filters.sh`.
//!
//! ```text
//! cargo run --release -p tamis-filter --example filter_jsonl -- <filter|chain|words> <in.jsonl[.gz]> [out.jsonl]
//! ```
//!
//! Output lines: `{"id": ..., "decision": "kept" | "<reason>", "text_len": ...}` (for `words`:
//! `{"id": ..., "words": [...]}`). Timing of the filter calls alone goes to stderr as
//! `docs/s`.
#![allow(
    clippy::exit,
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::time::Instant;

use tamis_core::{Document, Outcome, Step, StepContext};
use tamis_filter::*;

fn steps(name: &str) -> Vec<Box<dyn Step>> {
    let c4 = C4QualityConfig {
        filter_no_terminal_punct: false,
        ..Default::default()
    };
    match name {
        "gopher_quality" => vec![Box::new(GopherQualityConfig::default().build().unwrap())],
        "gopher_repetition" => vec![Box::new(GopherRepetitionConfig::default().build().unwrap())],
        "c4_quality" => vec![Box::new(c4.build().unwrap())],
        "fineweb_quality" => vec![Box::new(FineWebQualityConfig::default().build().unwrap())],
        "chain" => vec![
            Box::new(GopherRepetitionConfig::default().build().unwrap()),
            Box::new(GopherQualityConfig::default().build().unwrap()),
            Box::new(c4.build().unwrap()),
            Box::new(FineWebQualityConfig::default().build().unwrap()),
        ],
        // A comma-separated list runs those filters in that order.
        list if list.contains(',') => list.split(',').flat_map(steps).collect(),
        other => {
            let extra = extra_steps(other);
            if extra.is_empty() {
                eprintln!("unknown filter {other}");
                std::process::exit(2);
            }
            extra
        }
    }
}

fn extra_steps(name: &str) -> Vec<Box<dyn Step>> {
    match name {
        "language" => vec![Box::new(
            LanguageConfig {
                label_only: true,
                ..Default::default()
            }
            .build()
            .unwrap(),
        )],
        // The fastText backend with the model named by TAMIS_LID_MODEL (bench/filters_lid.sh).
        "language_fasttext" => {
            let model =
                std::env::var_os("TAMIS_LID_MODEL").expect("TAMIS_LID_MODEL names lid.176.ftz");
            let config = LanguageConfig {
                label_only: true,
                backend: LanguageBackend::Fasttext,
                model_path: Some(model.into()),
                ..Default::default()
            };
            vec![Box::new(config.build().unwrap())]
        }
        "pii" => vec![Box::new(PiiConfig::default().build().unwrap())],
        _ => Vec::new(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: filter_jsonl <filter|chain|words> <in.jsonl[.gz]> [out.jsonl]");
        std::process::exit(2);
    }
    let file = std::fs::File::open(&args[2]).expect("open input");
    let reader: Box<dyn Read> = if args[2].ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut docs = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line.expect("read");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let id = v
            .get("id")
            .map(|x| {
                x.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| x.to_string())
            })
            .unwrap_or_default();
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_owned();
        let mut doc = Document::new(id, text);
        if let Some(serde_json::Value::Object(meta)) = v.get("metadata") {
            doc.metadata = meta.clone();
        }
        docs.push(doc);
    }
    let out: Box<dyn Write> = match args.get(3) {
        Some(p) => Box::new(std::fs::File::create(p).expect("create output")),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let n = docs.len();
    let cpu0 = thread_cpu_ns();
    let wall0 = Instant::now();
    let mut lines = Vec::with_capacity(n);
    if args[1] == "split" {
        // Word splitting alone (into a reused buffer), to see what it costs in the filters.
        let mut spans = Vec::new();
        let mut total = 0usize;
        for doc in &docs {
            spans.clear();
            tamis_text::word_spans(&doc.text, &mut spans);
            total += spans.len();
        }
        lines.push(serde_json::json!({"words": total}));
    } else if args[1] == "words" {
        for doc in &docs {
            lines.push(
                serde_json::json!({"id": doc.id, "words": tamis_text::split_words(&doc.text)}),
            );
        }
    } else {
        let no_cache = std::env::var_os("TAMIS_NO_WORD_CACHE").is_some();
        let steps = steps(&args[1]);
        let mut ctx = StepContext::default();
        for mut doc in docs {
            let mut decision = String::from("kept");
            for step in &steps {
                ctx.measurements.clear();
                if no_cache {
                    // Each step splits the words itself (as before the per-worker word cache).
                    ctx.words = tamis_core::WordCache::default();
                }
                if let Outcome::Drop(reason) = step.process(&mut doc, &mut ctx) {
                    decision = if steps.len() > 1 {
                        format!("{}.{}", step.name(), reason)
                    } else {
                        reason.to_string()
                    };
                    break;
                }
            }
            let mut line = serde_json::json!({"id": doc.id, "decision": decision, "text_len": doc.text.chars().count()});
            if args[1] == "pii" {
                line["text"] = serde_json::Value::String(doc.text.clone());
            }
            for key in ["language", "language_score"] {
                if let Some(v) = doc.metadata.get(key) {
                    line[key] = v.clone();
                }
            }
            lines.push(line);
        }
    }
    let wall = wall0.elapsed().as_secs_f64().max(1e-9);
    let cpu = thread_cpu_ns().saturating_sub(cpu0) as f64 / 1e9;
    for line in lines {
        writeln!(out, "{line}").unwrap();
    }
    out.flush().unwrap();
    eprintln!(
        "tamis {}: {} docs, cpu {:.3} s = {:.0} docs/s, wall {:.3} s = {:.0} docs/s",
        args[1],
        n,
        cpu,
        n as f64 / cpu.max(1e-9),
        wall,
        n as f64 / wall
    );
}

/// CPU time of this thread in nanoseconds (Linux `/proc/thread-self/schedstat`), 0 elsewhere.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}
