//! Parity with datatrove on committed fixtures: every document's decision (and C4's output
//! text) must be the one datatrove 0.10.1 made. See `fixtures/README.md` for how the
//! fixture was generated.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use tamis_core::{Document, Outcome, Step, StepContext};
use tamis_filter::*;

fn decision(step: &dyn Step, doc: &mut Document) -> String {
    match step.process(doc, &mut StepContext::default()) {
        Outcome::Drop(r) => r.to_string(),
        _ => "kept".to_owned(),
    }
}

#[test]
fn decisions_match_datatrove() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datatrove_parity.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let steps: Vec<(&str, Box<dyn Step>)> = vec![
        (
            "gopher_repetition",
            Box::new(GopherRepetitionConfig::default().build().unwrap()),
        ),
        (
            "gopher_quality",
            Box::new(GopherQualityConfig::default().build().unwrap()),
        ),
        (
            "c4_quality",
            Box::new(
                C4QualityConfig {
                    filter_no_terminal_punct: false,
                    ..Default::default()
                }
                .build()
                .unwrap(),
            ),
        ),
        (
            "fineweb_quality",
            Box::new(FineWebQualityConfig::default().build().unwrap()),
        ),
    ];
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = rec["id"].as_str().unwrap();
        let body = rec["text"].as_str().unwrap();
        for (name, step) in &steps {
            let mut doc = Document::new(id, body);
            let ours = decision(step.as_ref(), &mut doc);
            let theirs = rec["datatrove"][name].as_str().unwrap();
            checked += 1;
            if ours != theirs {
                mismatches.push(format!("{id} {name}: datatrove {theirs}, tamis {ours}"));
            }
            if *name == "c4_quality"
                && theirs == "kept"
                && doc.text != rec["c4_text"].as_str().unwrap()
            {
                mismatches.push(format!("{id} c4_quality: output text differs"));
            }
        }
    }
    assert!(checked >= 100, "fixture too small: {checked} decisions");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
