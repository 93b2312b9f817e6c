//! The signature case: `tamis clean ../shared/seed/page-403.txt` (issue 3, item 8).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;

#[test]
fn clean_prints_expected_text() {
    let Some(shared) = shared() else { return };
    let page = shared.join("seed/page-403.txt");
    let expected = std::fs::read_to_string(shared.join("seed/expected.txt")).unwrap();
    let out = run(&["clean", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim_end(), expected.trim_end());
}

#[test]
fn clean_jsonl_carries_capture_metadata() {
    let Some(shared) = shared() else { return };
    let page = shared.join("seed/page-403.txt");
    let out = run(&["clean", "--jsonl", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 1);
    let rec: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(rec["id"], "page-403");
    assert_eq!(rec["metadata"]["date"], "2025-05-12");
    assert_eq!(rec["metadata"]["http_status"], 403);
    let expected = std::fs::read_to_string(shared.join("seed/expected.txt")).unwrap();
    assert_eq!(
        rec["text"].as_str().unwrap().trim_end(),
        expected.trim_end()
    );
}
