//! Throughput of the cleaning steps on real text, one core.
//!
//! ```text
//! cargo run --release -p tamis-clean --example clean_throughput
//! ```
//!
//! Reads the gold texts of ../shared/data/extraction/gold and the Usenet bodies of
//! ../shared/data/corpus/20newsgroups.jsonl.gz and prints, per step, MB/s of input text and
//! documents per second, by wall time and by CPU time of the process (Linux `/proc`; the CPU
//! figure is the one to trust on a shared machine). An argument restricts the run to the steps
//! whose name contains it. Prints nothing but a notice when ../shared is missing.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Instant;

use tamis_clean::{BoilerplateConfig, DedupLinesConfig, FrequentLinesConfig, SoftErrorConfig};
use tamis_core::{CorpusStep, Document, Step, StepContext};

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if !shared.is_dir() {
        println!("skipped: ../shared not found");
        return;
    }
    let mut docs: Vec<Document> = Vec::new();
    for ds in std::fs::read_dir(shared.join("data/extraction/gold")).unwrap() {
        for f in std::fs::read_dir(ds.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            docs.push(Document::new(
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    let gz = std::fs::File::open(shared.join("data/corpus/20newsgroups.jsonl.gz")).unwrap();
    for line in BufReader::new(flate2::read::GzDecoder::new(gz)).lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let mut d = Document::new(v["id"].to_string(), v["body"].as_str().unwrap_or_default());
        d.set_meta(
            "url",
            format!(
                "https://news.example/{}",
                v["group"].as_str().unwrap_or("x")
            ),
        );
        docs.push(d);
    }
    let only = std::env::args().nth(1).unwrap_or_default();
    let steps: Vec<(&str, Box<dyn Step>)> = vec![
        (
            "boilerplate",
            Box::new(BoilerplateConfig::default().build().unwrap()),
        ),
        (
            "soft_error",
            Box::new(SoftErrorConfig::default().build().unwrap()),
        ),
        (
            "dedup_lines",
            Box::new(DedupLinesConfig::default().build().unwrap()),
        ),
    ];
    let gold_docs = docs
        .iter()
        .filter(|d| !d.metadata.contains_key("url"))
        .count();
    let corpora: [(&str, &[Document]); 3] = [
        ("web gold texts", docs.get(..gold_docs).unwrap_or_default()),
        ("usenet posts", docs.get(gold_docs..).unwrap_or_default()),
        ("both", &docs),
    ];
    for (corpus, docs) in corpora {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        println!(
            "input: {corpus}: {} documents, {:.1} MB of text",
            docs.len(),
            bytes as f64 / 1e6
        );
        for (name, step) in steps.iter().filter(|(n, _)| n.contains(&only)) {
            measure(name, bytes, docs.len(), || {
                let mut ctx = StepContext::default();
                for d in docs {
                    let mut d = d.clone();
                    step.process(&mut d, &mut ctx);
                    ctx.measurements.clear();
                }
            });
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    if !"frequent_lines".contains(&only) {
        return;
    }
    let fl = FrequentLinesConfig::default().build().unwrap();
    let dir = std::env::temp_dir().join(format!("tamis-clean-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("obs.bin");
    measure("frequent_lines observe+save", bytes, docs.len(), || {
        let mut o = fl.observer();
        docs.iter().for_each(|d| o.observe(d));
        o.save(&file).unwrap();
    });
    let mut apply: Option<Box<dyn Step>> = None;
    measure("frequent_lines build", bytes, docs.len(), || {
        apply = Some(fl.build(&[file.as_path()]).unwrap())
    });
    let apply = apply.unwrap();
    measure("frequent_lines apply", bytes, docs.len(), || {
        let mut ctx = StepContext::default();
        for d in &docs {
            let mut d = d.clone();
            apply.process(&mut d, &mut ctx);
            ctx.measurements.clear();
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
}

fn measure(name: &str, bytes: usize, docs: usize, mut f: impl FnMut()) {
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds()
        .map(|c| c - cpu0.unwrap_or(0.0))
        .filter(|c| *c > 0.0);
    let mb = bytes as f64 / 1e6;
    let cpu_fig = cpu.map_or_else(|| "n/a".to_owned(), |c| format!("{:.1} MB/s", mb / c));
    println!(
        "{name:<30} wall {:>7.1} MB/s {:>9.0} docs/s | cpu {cpu_fig:>12}  ({wall:.3} s)",
        mb / wall,
        docs as f64 / wall
    );
}

/// User + system CPU seconds of this process, from /proc/self/stat (clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
