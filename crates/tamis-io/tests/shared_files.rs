//! The reader on the real crawl files in ../shared/data/warc and on the seed page.

use tamis_io::{InputOptions, file_stem};

use crate::util::{read_all, repo, shared};

/// Counts `WARC-Type: <t>` header lines of a decompressed WARC (independent of the reader).
fn count_types(path: &std::path::Path, t: &str) -> usize {
    use std::io::Read;
    let mut data = Vec::new();
    let f = std::fs::File::open(path).unwrap();
    let _ = flate2::read::MultiGzDecoder::new(f).read_to_end(&mut data);
    let needle = format!("\nWARC-Type: {t}\r\n");
    data.windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

/// Counts lines starting with `WARC/1.` in whatever part of the file decompresses.
fn count_version_lines(path: &std::path::Path) -> usize {
    use std::io::Read;
    let mut data = Vec::new();
    let f = std::fs::File::open(path).unwrap();
    let _ = flate2::read::MultiGzDecoder::new(f).read_to_end(&mut data);
    let starts = data.windows(8).filter(|w| *w == b"\nWARC/1.").count();
    starts + usize::from(data.starts_with(b"WARC/1."))
}

#[test]
fn every_shared_warc_reads_without_unexpected_errors() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("data/warc");
    let opts = InputOptions::default();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains(".warc") {
            continue;
        }
        seen += 1;
        let items = read_all(&path, &opts);
        if name.contains("clipped") {
            continue; // see clipped_file_reports_the_cut
        }
        assert!(items.bad.is_empty(), "{name}: {:?}", items.bad);
        for d in &items.docs {
            assert!(d.id.starts_with("<urn:uuid:"), "{name}: id {}", d.id);
            assert!(
                d.meta_str("url").is_some() && d.meta_str("date").is_some(),
                "{name}: {:?}",
                d.metadata
            );
            assert_eq!(
                d.media.is_some(),
                d.text.is_empty(),
                "{name}: media xor text"
            );
        }
        if name.ends_with(".wat.gz") {
            assert!(
                items.docs.is_empty(),
                "{name}: WAT metadata records are not documents by default"
            );
        }
    }
    assert!(seen >= 10, "expected the shared WARC files, saw {seen}");
}

#[test]
fn common_crawl_excerpt_gives_its_html_pages() {
    let Some(shared) = shared() else { return };
    let path = shared.join("data/warc/resiliparse__warcfile.warc.gz");
    let items = read_all(&path, &InputOptions::default());
    let responses = count_types(&path, "response");
    assert_eq!(responses, 16);
    assert_eq!(
        items.docs.len(),
        responses,
        "every response of this excerpt is HTML"
    );
    // 17 request + 16 metadata + 1 warcinfo
    assert_eq!(
        items.skipped,
        count_types(&path, "request") + count_types(&path, "metadata") + 1
    );
    for d in &items.docs {
        let m = d.media.as_ref().unwrap();
        assert_eq!(m.mime.as_deref(), Some("text/html"));
        assert!(
            d.metadata
                .get("http_status")
                .and_then(|v| v.as_u64())
                .is_some()
        );
        let head =
            String::from_utf8_lossy(&m.bytes[..m.bytes.len().min(2000)]).to_ascii_lowercase();
        assert!(
            head.contains("<html") || head.contains("<!doctype"),
            "{}: {head:.200}",
            d.id
        );
    }
    // The declared charsets are carried.
    assert!(
        items
            .docs
            .iter()
            .any(|d| d.media.as_ref().unwrap().charset.as_deref() == Some("gb2312"))
    );
    // The bundled fixture is this very file.
    let fixture = repo().join("fixtures/warc/resiliparse__warcfile.warc.gz");
    assert_eq!(
        read_all(&fixture, &InputOptions::default()).docs,
        items.docs
    );
}

#[test]
fn clipped_file_reports_the_cut() {
    let Some(shared) = shared() else { return };
    let path = shared.join("data/warc/resiliparse__clipped.warc.gz");
    let items = read_all(&path, &InputOptions::default());
    assert_eq!(items.bad.len(), 1, "{:?}", items.bad);
    let m = &items.bad[0];
    assert!(m.location.contains("byte offset"), "{m}");
    assert!(m.path.ends_with("resiliparse__clipped.warc.gz"));
    assert!(m.message.contains("truncated"), "{m}");
    // Records before the cut are all read: every record that starts before the cut, but the
    // one the cut is in (counted independently of the reader).
    let starts = count_version_lines(&path);
    assert!(starts >= 1);
    assert_eq!(items.docs.len() + items.skipped, starts - 1, "{items:?}");
    let cut_record = format!("record {starts} at byte offset");
    assert!(m.location.starts_with(&cut_record), "{m}");
}

#[test]
fn wet_conversion_records_become_text() {
    let Some(shared) = shared() else { return };
    let items = read_all(
        &shared.join("data/warc/whirlwind__whirlwind.warc.wet.gz"),
        &InputOptions::default(),
    );
    assert_eq!(items.docs.len(), 1);
    let d = &items.docs[0];
    assert!(d.media.is_none());
    assert!(d.text.len() > 1000, "{}", d.text.len());
    assert_eq!(
        d.meta_str("url"),
        Some("https://an.wikipedia.org/wiki/Escopete")
    );
}

#[test]
fn chunked_body_is_decoded() {
    let Some(shared) = shared() else { return };
    let items = read_all(
        &shared.join("data/warc/warcio__example-iana.org-chunked.warc"),
        &InputOptions::default(),
    );
    assert_eq!(items.docs.len(), 1, "{items:?}");
    let body = &items.docs[0].media.as_ref().unwrap().bytes;
    let s = String::from_utf8_lossy(body);
    assert!(
        s.trim_start().starts_with("<!doctype")
            || s.trim_start().starts_with("<!DOCTYPE")
            || s.trim_start().starts_with("<html"),
        "{:.100}",
        s
    );
    assert!(
        s.trim_end().ends_with("</html>"),
        "chunk sizes removed: {:?}",
        &s[s.len().saturating_sub(50)..]
    );
}

#[test]
fn revisit_and_wget_resources() {
    let Some(shared) = shared() else { return };
    let items = read_all(
        &shared.join("data/warc/warcio__example.warc.gz"),
        &InputOptions::default(),
    );
    // one response, one revisit (skipped), two requests, two warcinfo
    assert_eq!(items.docs.len(), 1, "{items:?}");
    let items = read_all(
        &shared.join("data/warc/wacommons__IAH-urls-wget.warc.gz"),
        &InputOptions::default(),
    );
    assert!(items.bad.is_empty());
    let resources = items
        .docs
        .iter()
        .filter(|d| {
            d.meta_str("url")
                .is_some_and(|u| u.starts_with("metadata://"))
        })
        .count();
    assert_eq!(resources, 3, "wget's three text/plain resource records");
}

#[test]
fn seed_page_date_line() {
    let Some(shared) = shared() else { return };
    let path = shared.join("seed/page-403.txt");
    let items = read_all(&path, &InputOptions::default());
    assert_eq!(items.docs.len(), 1);
    let d = &items.docs[0];
    assert_eq!(d.id, file_stem(&path));
    assert_eq!(d.meta_str("date"), Some("2025-05-12"));
    assert_eq!(d.metadata.get("http_status"), Some(&serde_json::json!(403)));
    assert!(!d.text.contains("2025-05-12 403"));
    let original = std::fs::read_to_string(&path).unwrap();
    assert!(original.ends_with(&d.text));
}

#[test]
fn shared_html_and_jsonl() {
    let Some(shared) = shared() else { return };
    let html_dir = shared.join("data/extraction/html");
    let first = walk_first(&html_dir, ".html.gz").expect("an html.gz page");
    let items = read_all(&first, &InputOptions::default());
    assert_eq!(items.docs.len(), 1);
    let d = &items.docs[0];
    assert_eq!(d.id, file_stem(&first));
    assert!(!d.id.contains('.'));
    assert_eq!(d.media.as_ref().unwrap().mime.as_deref(), Some("text/html"));

    let corpus = shared.join("data/corpus/20newsgroups.jsonl.gz");
    let items = read_all(&corpus, &InputOptions::default());
    assert_eq!(items.docs.len(), 18_846);
    assert!(items.bad.is_empty());
    assert!(items.docs[0].metadata.contains_key("group"));
}

fn walk_first(dir: &std::path::Path, suffix: &str) -> Option<std::path::PathBuf> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if let Some(f) = walk_first(&p, suffix) {
                return Some(f);
            }
        } else if p.to_string_lossy().ends_with(suffix) {
            return Some(p);
        }
    }
    None
}
