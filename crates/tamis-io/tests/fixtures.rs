//! The committed fixtures under fixtures/ (no ../shared needed).

use tamis_io::{InputOptions, list_inputs};

use crate::util::{read_all, repo};

#[test]
fn bundled_warc_reads_its_pages() {
    let path = repo().join("fixtures/warc/resiliparse__warcfile.warc.gz");
    let items = read_all(&path, &InputOptions::default());
    assert_eq!(items.docs.len(), 16);
    assert!(items.bad.is_empty());
    assert_eq!(items.skipped, 34);
}

#[test]
fn bundled_html_and_jsonl() {
    let items = read_all(
        &repo().join("fixtures/html/hello.html"),
        &InputOptions::default(),
    );
    assert_eq!(items.docs.len(), 1);
    assert_eq!(items.docs[0].id, "hello");
    let items = read_all(
        &repo().join("fixtures/jsonl/mixed.jsonl"),
        &InputOptions::default(),
    );
    let ids: Vec<&str> = items.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["one", "mixed/5"]);
    assert_eq!(items.docs[0].meta_str("url"), Some("https://example.org/1"));
    let locs: Vec<&str> = items.bad.iter().map(|m| m.location.as_str()).collect();
    assert_eq!(locs, ["line 2", "line 3"]);
}

#[test]
fn fixture_directory_lists_sorted() {
    let dir = repo().join("fixtures");
    let opts = InputOptions {
        paths: vec![dir.to_string_lossy().into_owned()],
        ..Default::default()
    };
    let files = list_inputs(&opts).unwrap();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("warc/resiliparse__warcfile.warc.gz"))
    );
}
