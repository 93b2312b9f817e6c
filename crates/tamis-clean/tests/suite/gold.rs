//! Real text from ../shared/data/extraction/gold (566 pages with human-checked main text):
//! the cleaning steps must leave real content alone, and must clean the same junk that the
//! signature page has when it is added to other real articles.

use std::path::PathBuf;

use tamis_clean::{BoilerplateConfig, DedupLinesConfig, SoftErrorConfig};
use tamis_core::{Document, Outcome, Step, StepContext};

use super::common::shared;

/// (id, text) of every non-empty gold text, sorted by id.
pub fn gold() -> Option<Vec<(String, String)>> {
    let root = shared()?.join("data/extraction/gold");
    let mut files: Vec<PathBuf> = Vec::new();
    for ds in std::fs::read_dir(&root).unwrap() {
        for f in std::fs::read_dir(ds.unwrap().path()).unwrap() {
            files.push(f.unwrap().path());
        }
    }
    files.sort();
    let out: Vec<(String, String)> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(p).unwrap())
        })
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    assert!(
        out.len() > 500,
        "expected the 566 gold texts, found {}",
        out.len()
    );
    Some(out)
}

fn chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Applies one step to every gold text and returns (surviving fraction of non-space
/// characters, per-document losses sorted worst first).
pub fn survival(
    step: &dyn Step,
    gold: &[(String, String)],
) -> (f64, Vec<(usize, String, Vec<String>)>) {
    let (mut before, mut after) = (0usize, 0usize);
    let mut losses = Vec::new();
    for (id, text) in gold {
        let mut doc = Document::new(id.clone(), text.clone());
        let b = chars(text);
        let a = match step.process(&mut doc, &mut StepContext::default()) {
            Outcome::Drop(_) => 0,
            _ => chars(&doc.text),
        };
        before += b;
        after += a;
        if a < b {
            let kept: std::collections::HashSet<&str> = doc.text.lines().collect();
            let mut gone: Vec<String> = text
                .lines()
                .filter(|l| !l.trim().is_empty() && !kept.contains(l))
                .map(str::to_owned)
                .collect();
            gone.dedup();
            losses.push((b - a, id.clone(), gone));
        }
    }
    losses.sort_by_key(|x| std::cmp::Reverse(x.0));
    (after as f64 / before as f64, losses)
}

pub fn report(name: &str, frac: f64, losses: &[(usize, String, Vec<String>)]) {
    eprintln!(
        "{name}: {:.4}% of characters survive; {} documents touched",
        frac * 100.0,
        losses.len()
    );
    for (lost, id, gone) in losses.iter().take(
        std::env::var("TAMIS_REPORT_ROWS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(12),
    ) {
        eprintln!("  {id}: -{lost} chars");
        for g in gone.iter().take(4) {
            let short: String = g.chars().take(110).collect();
            eprintln!("      {short:?}");
        }
    }
}

/// Steps applied in sequence, as one step.
pub struct Chain(pub Vec<Box<dyn Step>>);

impl Step for Chain {
    fn name(&self) -> &'static str {
        "chain"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let mut out = Outcome::Keep;
        for s in &self.0 {
            match s.process(doc, ctx) {
                Outcome::Drop(r) => return Outcome::Drop(r),
                Outcome::Modified => out = Outcome::Modified,
                Outcome::Keep => {}
            }
        }
        out
    }
}

#[test]
fn gold_content_survives_each_step() {
    let Some(gold) = gold() else { return };
    let steps: Vec<(&str, Box<dyn Step>, f64)> = vec![
        (
            "boilerplate",
            Box::new(BoilerplateConfig::default().build().unwrap()),
            0.995,
        ),
        (
            "soft_error",
            Box::new(SoftErrorConfig::default().build().unwrap()),
            0.999,
        ),
        (
            "boilerplate+soft_error",
            Box::new(Chain(vec![
                Box::new(BoilerplateConfig::default().build().unwrap()),
                Box::new(SoftErrorConfig::default().build().unwrap()),
            ])),
            0.995,
        ),
    ];
    for (name, step, min) in &steps {
        let (frac, losses) = survival(step.as_ref(), &gold);
        report(name, frac, &losses);
        assert!(
            frac >= *min,
            "{name}: only {frac} of gold characters survive"
        );
    }
}

/// A 4xx status makes `soft_error` stricter, but real articles served with one keep their
/// text (the signature page is a 403 with a real article).
#[test]
fn gold_content_survives_soft_error_with_http_error_status() {
    let Some(gold) = gold() else { return };
    let step = SoftErrorConfig::default().build().unwrap();
    let (mut before, mut after, mut dropped) = (0usize, 0usize, 0usize);
    for (id, text) in &gold {
        let mut doc = Document::new(id.clone(), text.clone());
        doc.set_meta("http_status", 404);
        before += chars(text);
        match step.process(&mut doc, &mut StepContext::default()) {
            Outcome::Drop(_) => dropped += 1,
            _ => after += chars(&doc.text),
        }
    }
    let frac = after as f64 / before as f64;
    eprintln!(
        "soft_error with http_status 404: {:.4}% survive, {dropped} dropped",
        frac * 100.0
    );
    assert!(frac >= 0.999, "{frac}");
}

/// Some gold texts repeat lines on purpose (an interview asks each guest the same questions, a
/// training plan repeats "Rest day"): `dedup_lines` removes the repeats, but never the first
/// occurrence, so no distinct line of real content is lost.
#[test]
fn dedup_lines_keeps_every_distinct_gold_line() {
    let Some(gold) = gold() else { return };
    let step = DedupLinesConfig::default().build().unwrap();
    let (frac, losses) = survival(&step, &gold);
    eprintln!(
        "dedup_lines: {:.4}% of characters survive; {} documents touched",
        frac * 100.0,
        losses.len()
    );
    let norm = |l: &str| {
        l.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    for (id, text) in &gold {
        let mut doc = Document::new(id.clone(), text.clone());
        step.process(&mut doc, &mut StepContext::default());
        let before: std::collections::BTreeSet<String> =
            text.lines().map(norm).filter(|l| !l.is_empty()).collect();
        let after: std::collections::BTreeSet<String> = doc
            .text
            .lines()
            .map(norm)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(before, after, "{id}");
    }
    assert!(frac > 0.95, "{frac}");
}
