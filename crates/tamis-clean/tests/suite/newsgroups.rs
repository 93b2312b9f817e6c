//! Another genre: 18,846 Usenet posts (../shared/data/corpus/20newsgroups.jsonl.gz), full of
//! "Sorry", "Thanks", "Reply", quoted text and signatures. The cleaning rules must leave them
//! almost entirely alone.

use std::io::{BufRead, BufReader};

use tamis_clean::{BoilerplateConfig, SoftErrorConfig};
use tamis_core::Step;

use super::common::shared;
use super::gold::{Chain, report, survival};

fn bodies() -> Option<Vec<(String, String)>> {
    let path = shared()?.join("data/corpus/20newsgroups.jsonl.gz");
    let file = std::fs::File::open(path).unwrap();
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let id = v["id"].to_string();
        let body = v["body"].as_str().unwrap_or_default().to_owned();
        if !body.trim().is_empty() {
            out.push((id, body));
        }
    }
    assert!(out.len() > 18_000, "{}", out.len());
    out.sort();
    Some(out)
}

#[test]
fn newsgroup_posts_survive() {
    // Every third post (6,282 posts) keeps the debug-build test short.
    let Some(posts) = bodies() else { return };
    let posts: Vec<(String, String)> = posts.into_iter().step_by(3).collect();
    let step: Box<dyn Step> = Box::new(Chain(vec![
        Box::new(BoilerplateConfig::default().build().unwrap()),
        Box::new(SoftErrorConfig::default().build().unwrap()),
    ]));
    let (frac, losses) = survival(step.as_ref(), &posts);
    report("20newsgroups boilerplate+soft_error", frac, &losses);
    assert!(frac >= 0.998, "{frac}");
}
