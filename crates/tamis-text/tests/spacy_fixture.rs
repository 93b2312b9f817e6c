//! Word splitting against spaCy's own output on committed real lines
//! (`fixtures/spacy_en_tokens.jsonl`, made by `tools/gen_token_fixture.py`; see
//! `fixtures/README.md`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

#[test]
fn words_match_spacy_on_fixture_lines() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spacy_en_tokens.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let input = rec["text"].as_str().unwrap();
        let expected: Vec<&str> = rec["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert_eq!(tamis_text::split_words(input), expected, "input: {input:?}");
        n += 1;
    }
    assert!(n >= 100, "fixture has only {n} lines");
}
