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
use std::io::Read;
use std::path::{Path, PathBuf};

use tamis_extract::{ExtractConfig, Extracted, Extractor, OutputFormat};

const UPDATE_COMMAND: &str =
    "UPDATE_SNAPSHOTS=1 cargo nextest run -p tamis-extract --test snapshots";

/// The fixture's record (index among its HTML records) that is also snapshotted as
/// Markdown: a page with headings.
const MARKDOWN_RECORD: usize = 1;

// ---- A minimal WARC reader ----------------------------------------------------------------
//
// `tamis-io` has a complete reader, but as a dev-dependency it would pull its Parquet, Arrow
// and object-store stack (about 260 crates) into this crate's test builds; these few lines
// read what the tests need: response (and resource) records holding HTML.

/// One HTML page of a WARC file.
struct Page {
    /// Position among the file's HTML records.
    index: usize,
    record_id: String,
    uri: String,
    /// Charset of the HTTP `Content-Type`, if any.
    charset: Option<String>,
    body: Vec<u8>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// End of a header block (the blank line) and the start of what follows it.
fn header_end(data: &[u8]) -> Option<(usize, usize)> {
    let crlf = find(data, b"\r\n\r\n").map(|e| (e, e + 4));
    let lf = find(data, b"\n\n").map(|e| (e, e + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// `Name: value` lines of a header block (the first line is skipped).
fn header_fields(block: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(block)
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        })
        .collect()
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Undoes HTTP/1.1 chunked transfer coding; `None` if the body is not validly chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = find(body, b"\n")?;
        let line = String::from_utf8_lossy(&body[..nl]);
        let size = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        body = &body[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// The HTML body of an HTTP response block, decoded from its transfer and content codings.
fn http_html(block: &[u8]) -> Option<(Option<String>, Vec<u8>)> {
    let (end, body_start) = header_end(block)?;
    let fields = header_fields(&block[..end]);
    let content_type = field(&fields, "content-type").unwrap_or("");
    let mut body = block[body_start..].to_vec();
    if field(&fields, "transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
        && let Some(b) = dechunk(&body)
    {
        body = b;
    }
    match field(&fields, "content-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .as_deref()
    {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        // Brotli and others: not needed by these files.
        Some(_) => return None,
    }
    is_html(content_type, &body).then(|| (charset_of(content_type), body))
}

fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|c| !c.is_empty())
    })
}

fn is_html(content_type: &str, body: &[u8]) -> bool {
    let ct = content_type.to_ascii_lowercase();
    if ct.is_empty() {
        body.trim_ascii_start().starts_with(b"<")
    } else {
        ct.contains("html")
    }
}

/// The HTML pages of a WARC file (gzip per record, whole-file gzip or uncompressed). A
/// stream cut short yields the records before the cut.
fn read_warc(path: &Path) -> Vec<Page> {
    let raw = std::fs::read(path).unwrap();
    let data = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        // A truncated stream: keep what was decompressed before the error.
        let _ = flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out);
        out
    } else {
        raw
    };
    let mut pages = Vec::new();
    let mut pos = 0;
    while let Some(start) = data.get(pos..).and_then(|d| find(d, b"WARC/")) {
        let start = pos + start;
        let Some((end, block_start)) = header_end(&data[start..]) else {
            break;
        };
        let fields = header_fields(&data[start..start + end]);
        let Some(len) = field(&fields, "content-length").and_then(|l| l.parse::<usize>().ok())
        else {
            pos = start + 5;
            continue;
        };
        let block_start = start + block_start;
        let block_end = (block_start + len).min(data.len());
        let block = &data[block_start..block_end];
        pos = block_end;
        let html = match field(&fields, "warc-type") {
            Some("response") if block.starts_with(b"HTTP/") => http_html(block),
            Some("response" | "resource") => {
                let ct = field(&fields, "content-type").unwrap_or("");
                is_html(ct, block).then(|| (charset_of(ct), block.to_vec()))
            }
            _ => None,
        };
        if let Some((charset, body)) = html {
            pages.push(Page {
                index: pages.len(),
                record_id: field(&fields, "warc-record-id").unwrap_or("").to_owned(),
                uri: field(&fields, "warc-target-uri").unwrap_or("").to_owned(),
                charset,
                body,
            });
        }
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

/// A line diff (longest common subsequence), changed hunks with two lines of context.
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    // (kind, line): ' ' same, '-' only expected, '+' only actual.
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    let near_change = |k: usize| {
        ops[k.saturating_sub(2)..(k + 3).min(ops.len())]
            .iter()
            .any(|o| o.0 != ' ')
    };
    let mut out = String::new();
    let mut shown = 0;
    let mut gap = false;
    for (k, (kind, line)) in ops.iter().enumerate() {
        if !near_change(k) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push_str("  ...\n");
        }
        gap = false;
        shown += 1;
        if shown > 200 {
            out.push_str("  ... (diff cut at 200 lines)\n");
            break;
        }
        let line: String = line.chars().take(300).collect();
        let _ = writeln!(out, "{kind} {line}");
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
fn warc_reader_handles_chunked_bodies() {
    let body = b"5\r\n<p>ab\r\n3;ext=1\r\ncd<\r\n4\r\n/p>!\r\n0\r\n\r\n";
    assert_eq!(dechunk(body).unwrap(), b"<p>abcd</p>!");
    let block = [
        &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n"[..],
        body,
    ]
    .concat();
    let (charset, html) = http_html(&block).unwrap();
    assert_eq!(charset.as_deref(), Some("ISO-8859-1"));
    assert_eq!(html, b"<p>abcd</p>!");
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
