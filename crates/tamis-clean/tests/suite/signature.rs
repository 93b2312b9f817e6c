//! The signature page, ../shared/seed/page-403.txt: banner, title, four paragraphs of which
//! three repeat, a disclaimer and a comments crumb. Nothing in the crate knows its strings;
//! the result must come from the general mechanisms.

use tamis_clean::{BoilerplateConfig, DedupLinesConfig, SoftErrorConfig};
use tamis_core::{Document, Step};

use super::common::{run, shared, steps};

/// Reads the capture and strips its crawler line (`date YYYY-MM-DD STATUS`), as the reader does.
fn page() -> Option<(Document, String)> {
    let dir = shared()?.join("seed");
    let raw = std::fs::read_to_string(dir.join("page-403.txt")).unwrap();
    let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    let (first, text) = raw.split_once('\n').unwrap();
    assert!(first.trim_start().starts_with("date "), "{first}");
    let mut doc = Document::new("page-403", text);
    doc.set_meta("http_status", 403);
    Some((doc, expected))
}

#[test]
fn signature_page() {
    let Some((doc, expected)) = page() else {
        return;
    };
    let out = run(&steps(), doc.clone()).expect("the article must survive");
    assert_eq!(
        out.text.trim_end_matches('\n'),
        expected.trim_end_matches('\n')
    );
    // The HTTP status only raises suspicion: without it the result is the same.
    let mut bare = doc;
    bare.metadata.clear();
    let out = run(&steps(), bare).expect("the article must survive");
    assert_eq!(
        out.text.trim_end_matches('\n'),
        expected.trim_end_matches('\n')
    );
}

#[test]
fn signature_page_in_the_other_order() {
    // soft_error → boilerplate → dedup_lines gives the same text.
    let Some((doc, expected)) = page() else {
        return;
    };
    let steps: Vec<Box<dyn Step>> = vec![
        Box::new(SoftErrorConfig::default().build().unwrap()),
        Box::new(BoilerplateConfig::default().build().unwrap()),
        Box::new(DedupLinesConfig::default().build().unwrap()),
    ];
    let out = run(&steps, doc).expect("the article must survive");
    assert_eq!(
        out.text.trim_end_matches('\n'),
        expected.trim_end_matches('\n')
    );
}

#[test]
fn signature_page_needs_each_mechanism() {
    // Without any one of the three steps, the output differs: each does part of the job.
    let Some((doc, expected)) = page() else {
        return;
    };
    for (skip, step) in steps().iter().enumerate() {
        let partial: Vec<Box<dyn Step>> = steps()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, s)| s)
            .collect();
        let out = run(&partial, doc.clone()).expect("kept");
        assert_ne!(
            out.text.trim_end(),
            expected.trim_end(),
            "step {} did nothing",
            step.name()
        );
    }
}
