//! Snapshot tests on real pages: the HTML `response` records of the Common Crawl excerpt
//! `fixtures/warc/resiliparse__warcfile.warc.gz` (licence in `fixtures/README.md`), each
//! extracted with the default configuration (and one page also as Markdown), compared with
//! the committed files in `tests/snapshots/` (`<record index>-<host>.txt`, `.md`).
//!
//! After an intended change of the extractor's output, review the diff and rewrite the
//! snapshots with:
//!
//! ```sh
//! UPDATE_SNAPSHOTS=1 cargo nextest run -p tamis-extract --test snapshots
//! ```
//!
//! (`cargo test -p tamis-extract --test snapshots` works the same way.) Then read the changed
//! files (`git diff crates/tamis-extract/tests/snapshots`) before committing them.
//!
//! Also, when `../shared/data/warc` exists next to the repository, every HTML record of its
//! crawl files is extracted and checked against invariants (no panic, no NUL or storm of
//! replacement characters, output no longer than the decoded page, deterministic). Those
//! pages are not copied into the repository, so they get no snapshots.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tamis_extract::{ExtractConfig, Extracted, Extractor, OutputFormat};
use tamis_io::{InputOptions, ReadItem};

const UPDATE_COMMAND: &str =
    "UPDATE_SNAPSHOTS=1 cargo nextest run -p tamis-extract --test snapshots";

/// The fixture's record (index among its HTML records) that is also snapshotted as
/// Markdown: a page with headings.
const MARKDOWN_RECORD: usize = 1;

// ---- Reading WARC files -------------------------------------------------------------------

/// One HTML page of a WARC file, as `tamis-io` reads it.
struct Page {
    /// Position among the file's HTML records.
    index: usize,
    record_id: String,
    uri: String,
    /// Charset declared by the HTTP `Content-Type`, if any.
    charset: Option<String>,
    body: Vec<u8>,
}

/// The HTML records of a WARC file (records `tamis-io` reports as malformed, such as the
/// tail of a truncated file, are left out).
fn read_warc(path: &Path) -> Vec<Page> {
    let reader = tamis_io::open(path, &InputOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut pages = Vec::new();
    for item in reader {
        let ReadItem::Doc(doc) = item else { continue };
        let Some(media) = doc.media else { continue };
        let html = match media.mime.as_deref() {
            Some(m) => m.contains("html"),
            None => media.bytes.trim_ascii_start().starts_with(b"<"),
        };
        if !html {
            continue;
        }
        let meta = |k: &str| {
            doc.metadata
                .get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned()
        };
        pages.push(Page {
            index: pages.len(),
            record_id: meta("warc_record_id"),
            uri: meta("url"),
            charset: media.charset,
            body: media.bytes,
        });
    }
    pages
}

// ---- Snapshots ----------------------------------------------------------------------------

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extractor(output: OutputFormat) -> Extractor {
    ExtractConfig {
        output,
        ..ExtractConfig::default()
    }
    .build()
    .unwrap()
}

/// `<index>-<host>`, e.g. `03-037426.cn`.
fn snapshot_name(page: &Page) -> String {
    let host = page
        .uri
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("");
    let host: String = host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{:02}-{host}", page.index)
}

/// The snapshot text: the record, the metadata, then the extracted text.
fn render_snapshot(page: &Page, out: &Extracted) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "uri: {}", page.uri);
    let _ = writeln!(s, "record: {}", page.record_id);
    let _ = writeln!(
        s,
        "charset: {} (http: {})",
        out.charset,
        page.charset.as_deref().unwrap_or("-")
    );
    for (k, v) in [
        ("title", &out.title),
        ("lang", &out.lang),
        ("canonical_url", &out.canonical_url),
        ("date", &out.date),
        ("author", &out.author),
    ] {
        if let Some(v) = v {
            let _ = writeln!(s, "{k}: {v}");
        }
    }
    if out.truncated || out.timed_out {
        let _ = writeln!(
            s,
            "truncated: {} timed_out: {}",
            out.truncated, out.timed_out
        );
    }
    let _ = writeln!(s, "---");
    s.push_str(&out.text);
    if !out.text.is_empty() {
        s.push('\n');
    }
    s
}

/// A line diff, changed hunks with two lines of context, cut at 200 lines.
fn line_diff(expected: &str, actual: &str) -> String {
    let diff = similar::TextDiff::from_lines(expected, actual);
    let mut out = String::new();
    let mut shown = 0;
    for (n, group) in diff.grouped_ops(2).iter().enumerate() {
        if n > 0 {
            out.push_str("  ...\n");
        }
        for op in group {
            for change in diff.iter_changes(op) {
                shown += 1;
                if shown > 200 {
                    out.push_str("  ... (diff cut at 200 lines)\n");
                    return out;
                }
                let kind = match change.tag() {
                    similar::ChangeTag::Equal => ' ',
                    similar::ChangeTag::Delete => '-',
                    similar::ChangeTag::Insert => '+',
                };
                let line: String = change
                    .value()
                    .trim_end_matches('\n')
                    .chars()
                    .take(300)
                    .collect();
                let _ = writeln!(out, "{kind} {line}");
            }
        }
    }
    out
}

#[test]
fn fixture_pages_match_their_snapshots() {
    let root = manifest_dir();
    let warc = root.join("../../fixtures/warc/resiliparse__warcfile.warc.gz");
    let dir = root.join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v != "0" && !v.is_empty());
    let pages = read_warc(&warc);
    assert_eq!(pages.len(), 16, "HTML records in {}", warc.display());
    if update {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let text = extractor(OutputFormat::Text);
    let markdown = extractor(OutputFormat::Markdown);
    let mut expected_files = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for page in &pages {
        let mut runs = vec![("txt", &text)];
        if page.index == MARKDOWN_RECORD {
            runs.push(("md", &markdown));
        }
        for (ext, ex) in runs {
            let out = ex.extract(&page.body, page.charset.as_deref());
            let actual = render_snapshot(page, &out);
            let file = format!("{}.{ext}", snapshot_name(page));
            let path = dir.join(&file);
            expected_files.insert(file.clone());
            let stored = std::fs::read_to_string(&path).ok();
            if stored.as_deref() == Some(actual.as_str()) {
                continue;
            }
            if update {
                std::fs::write(&path, &actual).unwrap();
                println!("updated tests/snapshots/{file}");
                continue;
            }
            match stored {
                None => failures.push(format!("tests/snapshots/{file}: missing")),
                Some(s) => failures.push(format!(
                    "tests/snapshots/{file} differs (- snapshot, + now):\n{}",
                    line_diff(&s, &actual)
                )),
            }
        }
    }
    // Snapshots of records that no longer exist.
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if (name.ends_with(".txt") || name.ends_with(".md")) && !expected_files.contains(&name) {
            if update {
                std::fs::remove_file(entry.path()).unwrap();
                println!("removed stale tests/snapshots/{name}");
            } else {
                failures.push(format!("tests/snapshots/{name}: stale (no such record)"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} snapshot(s) differ:\n\n{}\n\nIf the change is intended, review it and run:\n  {UPDATE_COMMAND}\n",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn line_diff_shows_changes_with_context() {
    let d = line_diff("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nD\ne\nf\ng\nh");
    assert_eq!(d, "  b\n  c\n- d\n+ D\n  e\n  f\n");
}

// ---- Invariants over ../shared/data/warc ---------------------------------------------------

fn shared_warcs() -> Option<Vec<PathBuf>> {
    let dir = manifest_dir().join("../../../shared/data/warc");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: ../shared/data/warc not found");
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(".warc"))
        })
        .collect();
    files.sort();
    Some(files)
}

/// Every HTML record of the crawl files in `../shared/data/warc`, as text and as Markdown:
/// no panic; no NUL and no run of replacement characters the decoded page does not have;
/// no output longer than the decoded page; the same output twice.
#[test]
fn shared_crawl_pages_keep_invariants() {
    let Some(files) = shared_warcs() else { return };
    let runs = [
        ("text", extractor(OutputFormat::Text)),
        ("markdown", extractor(OutputFormat::Markdown)),
    ];
    let mut pages_seen = 0;
    let mut problems = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let pages = read_warc(file);
        println!("{name}: {} HTML records", pages.len());
        for page in pages {
            pages_seen += 1;
            let at = format!("{name} #{} {}", page.index, page.uri);
            let (decoded, _) =
                tamis_extract::charset::decode_html(&page.body, page.charset.as_deref());
            let input_chars = decoded.chars().count();
            let input_fffd = decoded.chars().filter(|&c| c == '\u{fffd}').count();
            for (label, ex) in &runs {
                let run = || ex.extract(&page.body, page.charset.as_deref());
                let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run));
                let Ok(first) = first else {
                    problems.push(format!("{at} ({label}): panicked"));
                    continue;
                };
                let text = &first.text;
                if text.contains('\0') {
                    problems.push(format!("{at} ({label}): NUL in output"));
                }
                let fffd = text.chars().filter(|&c| c == '\u{fffd}').count();
                let chars = text.chars().count();
                if fffd > input_fffd || (fffd > 8 && fffd * 100 > chars) {
                    problems.push(format!(
                        "{at} ({label}): {fffd} replacement characters in {chars} (page has {input_fffd})"
                    ));
                }
                if chars > input_chars {
                    problems.push(format!(
                        "{at} ({label}): output of {chars} characters from a page of {input_chars}"
                    ));
                }
                // (A run past the time budget returns the unscored body: not comparable.)
                let second = run();
                if second != first && !first.timed_out && !second.timed_out {
                    problems.push(format!("{at} ({label}): not deterministic"));
                }
            }
        }
    }
    println!("{pages_seen} HTML records in {} files", files.len());
    assert!(
        pages_seen > 0,
        "no HTML records found in ../shared/data/warc"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
