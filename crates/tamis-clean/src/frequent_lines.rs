//! `frequent_lines`: lines that repeat on many pages of one site (a two-pass corpus step).
//!
//! ## What it does
//! Pass 1 (an [`Observer`] per shard): for every document with a metadata `url`, counts the
//! document under its host (lowercase, without a leading `www.`) and, for each distinct
//! normalised line of the document (lowercase, whitespace collapsed, digits mapped to `0` so
//! that "© 2023" and "© 2024" or "Page 2 of 9" and "Page 3 of 9" are one line), counts one
//! document for that (host, line). Lines are hashed to 64 bits; the shard's counts are saved
//! in a compact binary file.
//!
//! Pass 2 ([`CorpusStep::build`]): merges the files of all shards and returns a [`Step`] that
//! removes from each document every line seen in at least
//! [`FrequentLinesConfig::min_doc_fraction`] of its host's documents (or in at least
//! [`FrequentLinesConfig::min_docs`] of them, when that is set), provided the host has at least
//! [`FrequentLinesConfig::min_pages`] documents and the line at least 2. Documents without a
//! `url` are not touched. A document left without content is dropped with reason
//! `empty_after_cleaning`: everything on it was the site's template.
//!
//! ## Why
//! Menus, footers, taglines, newsletter prompts and disclaimers are the lines a site prints on
//! every page; the per-page rules of `boilerplate` know only generic ones. Counting lines across
//! the pages of a site finds the site's own. Removing repeated text spans across a corpus is
//! part of C4 (Raffel et al. 2020, JMLR 21(140), §2.2: all but one of any three-sentence span
//! occurring more than once are discarded) and of CCNet (Wenzek et al. 2020, LREC, §3.1:
//! paragraphs normalised — lowercase, digits replaced by 0, punctuation removed — and hashed,
//! duplicates within a shard removed, which mostly removes boilerplate). Unlike them we count
//! per site and keep lines that repeat only a little, so that content quoted on several pages
//! of a large site survives; the thresholds are our choice.
//!
//! ## Memory
//! Line text is never kept: an observer holds a 64-bit hash and a 32-bit count per distinct
//! (host, line) of its shard (about 16 to 32 bytes with hash-map overhead) and 16 bytes per
//! host; [`CorpusStep::build`] holds the same for the whole run while merging, then keeps only
//! the lines to remove. Both hold at most [`FrequentLinesConfig::max_tracked_lines`] counts:
//! beyond that the rarest counts are forgotten (see the field), so memory is bounded by
//! configuration, not by corpus size. At most [`FrequentLinesConfig::max_lines_per_doc`] lines
//! of a document are counted.
//!
//! ## Example
//! ```
//! use tamis_clean::FrequentLinesConfig;
//! use tamis_core::{CorpusStep, Document, Outcome, StepContext};
//!
//! let config = FrequentLinesConfig { min_pages: 3, ..Default::default() };
//! let step = config.build()?;
//! let docs: Vec<Document> = ["Apples", "Boats", "Clouds", "Dunes"].iter().enumerate().map(|(i, w)| {
//!     let mut d = Document::new(format!("{i}"), format!("{w} are the topic here.\nSubscribe to the Daily Example!"));
//!     d.set_meta("url", format!("https://www.example.com/{i}"));
//!     d
//! }).collect();
//! let mut observer = step.observer();
//! for d in &docs { observer.observe(d); }
//! let dir = tempfile::tempdir().unwrap();
//! let file = dir.path().join("shard-0.bin");
//! observer.save(&file)?;
//! let apply = step.build(&[file.as_path()])?;
//! let mut d = docs[0].clone();
//! assert_eq!(apply.process(&mut d, &mut StepContext::default()), Outcome::Modified);
//! assert_eq!(d.text, "Apples are the topic here.");
//! # Ok::<(), tamis_core::Error>(())
//! ```

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use ahash::{AHashMap, AHashSet};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{CorpusStep, Document, Error, Observer, Outcome, Result, Step, StepContext};
use xxhash_rust::xxh3::xxh3_64;

use crate::boilerplate::EMPTY_AFTER_CLEANING;
use crate::lines;
use crate::soft_error::check_fraction;

/// Default of [`FrequentLinesConfig::min_pages`].
pub const DEFAULT_MIN_PAGES: u64 = 10;
/// Default of [`FrequentLinesConfig::min_doc_fraction`].
pub const DEFAULT_MIN_DOC_FRACTION: f64 = 0.2;
/// Default of [`FrequentLinesConfig::min_docs`].
pub const DEFAULT_MIN_DOCS: u64 = 0;
/// Default of [`FrequentLinesConfig::max_lines_per_doc`].
pub const DEFAULT_MAX_LINES_PER_DOC: usize = 10_000;

/// Default of [`FrequentLinesConfig::max_tracked_lines`].
pub const DEFAULT_MAX_TRACKED_LINES: usize = 20_000_000;

/// First bytes of an observation file (format version 1).
const MAGIC: &[u8; 8] = b"TAMISFL1";

/// Configuration of the `frequent_lines` corpus step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct FrequentLinesConfig {
    /// A host needs at least this many documents in the run for its lines to be judged: with
    /// fewer pages, a repeated line may be chance. Default 10. Our choice.
    pub min_pages: u64,
    /// A line is removed from a host's documents when it appears in at least this fraction
    /// (0..=1) of them. Default 0.2: a template line is on (nearly) every page of a site or of
    /// one of its sections, while a sentence quoted on a fifth of a site's pages is rare. Our
    /// choice.
    pub min_doc_fraction: f64,
    /// A line is also removed when it appears in at least this many documents of its host,
    /// whatever the fraction (useful on very large sites whose sections have their own
    /// templates; 100 to 1000 are reasonable on large crawls). 0 disables the rule. Default 0.
    pub min_docs: u64,
    /// Only the first this-many lines of a document are counted and considered (a bound on
    /// work and memory for pathological documents). Default 10000.
    pub max_lines_per_doc: usize,
    /// Most (host, line) counts held in memory by one observer, and by the merge in `build`.
    /// When there are more, the rarest are forgotten: every count at or below a floor chosen
    /// so that at most half the limit remains. Lines frequent on their site have high counts
    /// and survive; the counts they then lose (occurrences seen while below the floor) are at
    /// most the floor. Default 20,000,000 (about 400 to 650 MB). Must be at least 2.
    pub max_tracked_lines: usize,
}

impl Default for FrequentLinesConfig {
    fn default() -> Self {
        Self {
            min_pages: DEFAULT_MIN_PAGES,
            min_doc_fraction: DEFAULT_MIN_DOC_FRACTION,
            min_docs: DEFAULT_MIN_DOCS,
            max_lines_per_doc: DEFAULT_MAX_LINES_PER_DOC,
            max_tracked_lines: DEFAULT_MAX_TRACKED_LINES,
        }
    }
}

impl FrequentLinesConfig {
    /// Validates the configuration and returns the corpus step (observer factory and builder
    /// of the applying step).
    pub fn build(&self) -> Result<FrequentLines> {
        check_fraction("min_doc_fraction", self.min_doc_fraction)?;
        if self.min_pages == 0 {
            return Err(Error::config("min_pages", "must be at least 1"));
        }
        if self.max_tracked_lines < 2 {
            return Err(Error::config("max_tracked_lines", "must be at least 2"));
        }
        Ok(FrequentLines {
            config: self.clone(),
        })
    }
}

/// The `frequent_lines` corpus step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct FrequentLines {
    config: FrequentLinesConfig,
}

/// Host of a document's `url`, lowercase, without a leading `www.`.
fn host_of(doc: &Document) -> Option<String> {
    let url = url::Url::parse(doc.meta_str("url")?.trim()).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").map(str::to_owned).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Normalised-line hash: lowercase, whitespace collapsed, ASCII digits mapped to `0`.
fn line_key(line: &str, buf: &mut String) -> u64 {
    lines::normalize_into(line, buf);
    if buf.bytes().any(|b| b.is_ascii_digit()) {
        let mapped: String = buf
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        *buf = mapped;
    }
    lines::hash(buf)
}

/// Distinct line keys of the first `max` content lines of `text`.
fn doc_keys(text: &str, max: usize) -> Vec<u64> {
    let mut buf = String::new();
    let mut keys: Vec<u64> = lines::split(text)
        .iter()
        .filter(|l| l.content && !l.table)
        .take(max)
        .map(|l| line_key(l.text(text), &mut buf))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[derive(Debug, Default)]
struct HostCounts {
    docs: u64,
    lines: AHashMap<u64, u32>,
}

/// Per-host document counts and (host, line) counts, with at most `cap` line counts.
#[derive(Debug)]
struct Counts {
    hosts: AHashMap<u64, HostCounts>,
    tracked: usize,
    cap: usize,
}

impl Counts {
    fn new(cap: usize) -> Self {
        Self {
            hosts: AHashMap::new(),
            tracked: 0,
            cap,
        }
    }

    fn host(&mut self, host: u64, docs: u64) {
        let h = self.hosts.entry(host).or_default();
        h.docs = h.docs.saturating_add(docs);
    }

    fn add(&mut self, host: u64, key: u64, count: u32) {
        let h = self.hosts.entry(host).or_default();
        let e = h.lines.entry(key).or_insert_with(|| {
            self.tracked += 1;
            0
        });
        *e = e.saturating_add(count);
        if self.tracked > self.cap {
            self.prune();
        }
    }

    /// Forgets every count at or below the smallest floor that leaves at most `cap / 2`.
    fn prune(&mut self) {
        let mut histogram = [0usize; 256];
        for h in self.hosts.values() {
            for &c in h.lines.values() {
                histogram[usize::try_from(c).unwrap_or(255).min(255)] += 1;
            }
        }
        let target = self.cap / 2;
        let mut above = self.tracked;
        let mut floor = 0u32;
        for (c, n) in histogram.iter().enumerate().take(255) {
            if above <= target {
                break;
            }
            above = above.saturating_sub(*n);
            floor = u32::try_from(c).unwrap_or(u32::MAX);
        }
        let mut tracked = 0;
        for h in self.hosts.values_mut() {
            h.lines.retain(|_, c| *c > floor);
            h.lines.shrink_to_fit();
            tracked += h.lines.len();
        }
        self.tracked = tracked;
    }
}

/// Pass-1 observer of [`FrequentLines`].
#[derive(Debug)]
pub struct FrequentLinesObserver {
    max_lines: usize,
    counts: Counts,
}

impl Observer for FrequentLinesObserver {
    fn observe(&mut self, doc: &Document) {
        let Some(host) = host_of(doc) else { return };
        let host = xxh3_64(host.as_bytes());
        self.counts.host(host, 1);
        for k in doc_keys(&doc.text, self.max_lines) {
            self.counts.add(host, k, 1);
        }
    }

    fn save(self: Box<Self>, path: &Path) -> Result<()> {
        let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
        let mut w = BufWriter::new(file);
        let io = |e| Error::io(path, e);
        let mut hosts: Vec<(&u64, &HostCounts)> = self.counts.hosts.iter().collect();
        hosts.sort_unstable_by_key(|(h, _)| **h);
        w.write_all(MAGIC).map_err(io)?;
        w.write_all(&(hosts.len() as u64).to_le_bytes())
            .map_err(io)?;
        for (host, counts) in hosts {
            let mut lines: Vec<(&u64, &u32)> = counts.lines.iter().collect();
            lines.sort_unstable();
            w.write_all(&host.to_le_bytes()).map_err(io)?;
            w.write_all(&counts.docs.to_le_bytes()).map_err(io)?;
            w.write_all(&(lines.len() as u64).to_le_bytes())
                .map_err(io)?;
            for (k, c) in lines {
                w.write_all(&k.to_le_bytes()).map_err(io)?;
                w.write_all(&c.to_le_bytes()).map_err(io)?;
            }
        }
        w.flush().map_err(io)?;
        Ok(())
    }
}

/// Reads little-endian integers from an observation file, with its path and offset for errors.
struct FileReader<'a> {
    r: BufReader<std::fs::File>,
    path: &'a Path,
    offset: u64,
}

impl FileReader<'_> {
    fn bytes<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut b = [0u8; N];
        self.r.read_exact(&mut b).map_err(|e| Error::Format {
            path: self.path.to_owned(),
            message: format!(
                "frequent_lines observations truncated at byte offset {}: {e}",
                self.offset
            ),
        })?;
        self.offset += N as u64;
        Ok(b)
    }

    fn u64(&mut self) -> Result<u64> {
        self.bytes::<8>().map(u64::from_le_bytes)
    }

    fn u32(&mut self) -> Result<u32> {
        self.bytes::<4>().map(u32::from_le_bytes)
    }
}

/// Merged observations of all shards.
#[derive(Debug)]
struct Merged {
    counts: Counts,
}

impl Merged {
    fn read(&mut self, path: &Path) -> Result<()> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut r = FileReader {
            r: BufReader::new(file),
            path,
            offset: 0,
        };
        if &r.bytes::<8>()? != MAGIC {
            return Err(Error::Format {
                path: path.to_owned(),
                message: "not a frequent_lines observation file (bad magic bytes)".into(),
            });
        }
        let n_hosts = r.u64()?;
        for _ in 0..n_hosts {
            let host = r.u64()?;
            let docs = r.u64()?;
            let n_lines = r.u64()?;
            self.counts.host(host, docs);
            for _ in 0..n_lines {
                let k = r.u64()?;
                let c = r.u32()?;
                self.counts.add(host, k, c);
            }
        }
        let mut rest = [0u8; 1];
        if r.r.read(&mut rest).map_err(|e| Error::io(path, e))? != 0 {
            return Err(Error::Format {
                path: path.to_owned(),
                message: format!(
                    "trailing bytes after the observations at byte offset {}",
                    r.offset
                ),
            });
        }
        Ok(())
    }
}

impl FrequentLines {
    /// Decides, from merged observations, which (host, line) pairs to remove.
    fn select(&self, merged: Merged) -> AHashSet<(u64, u64)> {
        let cfg = &self.config;
        let mut out = AHashSet::new();
        for (host, counts) in merged.counts.hosts {
            if counts.docs < cfg.min_pages {
                continue;
            }
            // ceil(fraction * docs) (minus a rounding allowance), at least 2.
            let by_fraction = (cfg.min_doc_fraction * counts.docs as f64 - 1e-9)
                .ceil()
                .max(0.0) as u64;
            let mut need = by_fraction.max(2);
            if cfg.min_docs > 0 {
                need = need.min(cfg.min_docs.max(2));
            }
            for (k, c) in counts.lines {
                if u64::from(c) >= need {
                    out.insert((host, k));
                }
            }
        }
        out
    }
}

impl CorpusStep for FrequentLines {
    fn name(&self) -> &'static str {
        "frequent_lines"
    }

    fn observer(&self) -> Box<dyn Observer> {
        Box::new(FrequentLinesObserver {
            max_lines: self.config.max_lines_per_doc,
            counts: Counts::new(self.config.max_tracked_lines),
        })
    }

    fn build(&self, observations: &[&Path]) -> Result<Box<dyn Step>> {
        let mut merged = Merged {
            counts: Counts::new(self.config.max_tracked_lines),
        };
        for p in observations {
            merged.read(p)?;
        }
        let remove = self.select(merged);
        Ok(Box::new(FrequentLinesFilter {
            remove,
            max_lines: self.config.max_lines_per_doc,
        }))
    }
}

/// Pass-2 step of [`FrequentLines`]: removes the selected lines.
///
/// Records `lines_removed` for every document with a url.
#[derive(Debug)]
pub struct FrequentLinesFilter {
    remove: AHashSet<(u64, u64)>,
    max_lines: usize,
}

impl FrequentLinesFilter {
    /// Number of (host, line) pairs this filter removes.
    pub fn len(&self) -> usize {
        self.remove.len()
    }

    /// Whether the filter removes nothing.
    pub fn is_empty(&self) -> bool {
        self.remove.is_empty()
    }
}

impl Step for FrequentLinesFilter {
    fn name(&self) -> &'static str {
        "frequent_lines"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let Some(host) = host_of(doc) else {
            return Outcome::Keep;
        };
        let host = xxh3_64(host.as_bytes());
        let ls = lines::split(&doc.text);
        let mut remove = vec![false; ls.len()];
        let mut buf = String::new();
        let mut removed = 0usize;
        for (i, l) in ls
            .iter()
            .enumerate()
            .filter(|(_, l)| l.content && !l.table)
            .take(self.max_lines)
        {
            if self
                .remove
                .contains(&(host, line_key(l.text(&doc.text), &mut buf)))
            {
                remove[i] = true;
                removed += 1;
            }
        }
        ctx.record("lines_removed", removed as f64);
        if removed == 0 {
            return Outcome::Keep;
        }
        let text = lines::rebuild(&doc.text, &ls, &remove);
        if text.is_empty() {
            return Outcome::Drop(EMPTY_AFTER_CLEANING);
        }
        doc.text = text;
        Outcome::Modified
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(i: usize, host: &str, text: &str) -> Document {
        let mut d = Document::new(format!("{host}-{i}"), text);
        d.set_meta("url", format!("https://{host}/page/{i}"));
        d
    }

    /// Observes `docs` split over `shards` observers and builds the filter.
    fn build(cfg: &FrequentLinesConfig, docs: &[Document], shards: usize) -> Box<dyn Step> {
        let step = cfg.build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        for s in 0..shards {
            let mut o = step.observer();
            for d in docs.iter().skip(s).step_by(shards) {
                o.observe(d);
            }
            let p = dir.path().join(format!("{s}.bin"));
            o.save(&p).unwrap();
            paths.push(p);
        }
        let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
        step.build(&refs).unwrap()
    }

    fn apply(step: &dyn Step, mut d: Document) -> (Outcome, String) {
        let o = step.process(&mut d, &mut StepContext::default());
        (o, d.text)
    }

    /// A distinct word for `i` (digits spelled as letters: numbers are normalised away).
    fn word(i: usize) -> String {
        i.to_string()
            .bytes()
            .map(|b| char::from(b'a' + (b - b'0')))
            .collect()
    }

    /// `n` pages of `host`; the footer is on the first `with_footer` of them.
    fn site(host: &str, n: usize, with_footer: usize) -> Vec<Document> {
        (0..n)
            .map(|i| {
                let footer = if i < with_footer {
                    "\n© 2024 Example Press\nFollow us"
                } else {
                    ""
                };
                doc(i, host, &format!("Unique story about {}.{footer}", word(i)))
            })
            .collect()
    }

    #[test]
    fn removes_site_template_lines_across_shards() {
        let mut docs = site("www.example.com", 10, 10);
        docs.extend(site("other.org", 10, 1));
        let f = build(&FrequentLinesConfig::default(), &docs, 3);
        let (o, t) = apply(f.as_ref(), docs[3].clone());
        assert_eq!(o, Outcome::Modified);
        assert_eq!(t, "Unique story about d.");
        // Same footer on one page of another host: kept there.
        assert_eq!(apply(f.as_ref(), docs[10].clone()).0, Outcome::Keep);
        // Digits are normalised: a different year is the same line.
        let (_, t) = apply(
            f.as_ref(),
            doc(99, "example.com", "New text.\n© 2025 Example Press"),
        );
        assert_eq!(t, "New text.");
    }

    #[test]
    fn markdown_table_rows_are_not_site_template() {
        // Every page of a site has a price table with the same header: the footer goes, the
        // table stays whole.
        let docs: Vec<Document> = (0..10)
            .map(|i| {
                let text = format!(
                    "Offer {}.\n\n| Size | Price |\n| --- | --- |\n| {} | 10 |\n\n© 2024 Example Press",
                    word(i),
                    word(i)
                );
                doc(i, "shop.example", &text)
            })
            .collect();
        let f = build(&FrequentLinesConfig::default(), &docs, 2);
        let (o, t) = apply(f.as_ref(), docs[4].clone());
        assert_eq!(o, Outcome::Modified);
        assert_eq!(t, "Offer e.\n\n| Size | Price |\n| --- | --- |\n| e | 10 |");
    }

    #[test]
    fn thresholds_at_their_values() {
        // 10 pages, footer on 2: fraction 0.2 exactly.
        let docs = site("a.com", 10, 2);
        let at = build(&FrequentLinesConfig::default(), &docs, 1);
        assert_eq!(apply(at.as_ref(), docs[0].clone()).0, Outcome::Modified);
        let above = FrequentLinesConfig {
            min_doc_fraction: 0.21,
            ..Default::default()
        };
        let f = build(&above, &docs, 1);
        assert_eq!(apply(f.as_ref(), docs[0].clone()).0, Outcome::Keep);
        // min_pages: 9 pages are not enough by default, 9 is at min_pages 9.
        let small = site("b.com", 9, 9);
        assert_eq!(
            apply(
                build(&FrequentLinesConfig::default(), &small, 1).as_ref(),
                small[0].clone()
            )
            .0,
            Outcome::Keep
        );
        let nine = FrequentLinesConfig {
            min_pages: 9,
            ..Default::default()
        };
        assert_eq!(
            apply(build(&nine, &small, 1).as_ref(), small[0].clone()).0,
            Outcome::Modified
        );
        // min_docs: 3 of 100 pages (3%) with min_docs 3.
        let big = site("c.com", 100, 3);
        assert_eq!(
            apply(
                build(&FrequentLinesConfig::default(), &big, 2).as_ref(),
                big[0].clone()
            )
            .0,
            Outcome::Keep
        );
        let abs = FrequentLinesConfig {
            min_docs: 3,
            ..Default::default()
        };
        assert_eq!(
            apply(build(&abs, &big, 2).as_ref(), big[0].clone()).0,
            Outcome::Modified
        );
        // A line on a single page is never removed, even with fraction 0.
        let zero = FrequentLinesConfig {
            min_doc_fraction: 0.0,
            ..Default::default()
        };
        assert_eq!(
            apply(build(&zero, &docs, 1).as_ref(), docs[5].clone()).0,
            Outcome::Keep
        );
    }

    #[test]
    fn documents_without_url_are_untouched_and_template_only_pages_dropped() {
        let docs: Vec<Document> = (0..10)
            .map(|i| doc(i, "t.com", "Menu\nFooter line"))
            .collect();
        let f = build(&FrequentLinesConfig::default(), &docs, 1);
        assert_eq!(
            apply(f.as_ref(), docs[0].clone()).0,
            Outcome::Drop(EMPTY_AFTER_CLEANING)
        );
        let bare = Document::new("x", "Menu\nFooter line");
        assert_eq!(apply(f.as_ref(), bare).0, Outcome::Keep);
        let mut bad = Document::new("y", "Menu");
        bad.set_meta("url", "not a url");
        assert_eq!(apply(f.as_ref(), bad).0, Outcome::Keep);
    }

    #[test]
    fn corrupt_observation_files_are_errors_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let step = FrequentLinesConfig::default().build().unwrap();
        let p = dir.path().join("bad.bin");
        std::fs::write(&p, b"NOTMAGIC").unwrap();
        assert!(matches!(
            step.build(&[p.as_path()]),
            Err(Error::Format { .. })
        ));
        // Truncated: a valid file cut short.
        let mut o = step.observer();
        o.observe(&doc(0, "a.com", "x\ny"));
        let good = dir.path().join("good.bin");
        o.save(&good).unwrap();
        let bytes = std::fs::read(&good).unwrap();
        std::fs::write(&p, &bytes[..bytes.len() - 3]).unwrap();
        let e = step.build(&[p.as_path()]).err().unwrap().to_string();
        assert!(e.contains("bad.bin") && e.contains("truncated"), "{e}");
        assert!(matches!(
            step.build(&[dir.path().join("missing.bin").as_path()]),
            Err(Error::Io { .. })
        ));
        // An empty run builds a filter that removes nothing.
        assert!(step.build(&[]).is_ok());
    }

    #[test]
    fn memory_cap_keeps_frequent_lines() {
        // 40 pages, each with 5 unique lines and the footer: 200+ distinct lines, cap 50.
        let docs: Vec<Document> = (0..40)
            .map(|i| {
                let unique: Vec<String> = (0..5)
                    .map(|j| format!("Line {} of page {}.", word(j), word(i)))
                    .collect();
                doc(
                    i,
                    "cap.com",
                    &format!("{}\nFollow us on the radio", unique.join("\n")),
                )
            })
            .collect();
        let capped = FrequentLinesConfig {
            max_tracked_lines: 50,
            ..Default::default()
        };
        let f = build(&capped, &docs, 2);
        let (o, t) = apply(f.as_ref(), docs[7].clone());
        assert_eq!(o, Outcome::Modified);
        assert!(!t.contains("Follow us") && t.lines().count() == 5, "{t}");
        let mut c = Counts::new(50);
        for k in 0..1000u64 {
            c.add(1, k, 1);
            assert!(c.tracked <= 50);
        }
        assert!(
            FrequentLinesConfig {
                max_tracked_lines: 1,
                ..Default::default()
            }
            .build()
            .is_err()
        );
    }

    #[test]
    fn config_is_validated() {
        assert!(
            FrequentLinesConfig {
                min_doc_fraction: 2.0,
                ..Default::default()
            }
            .build()
            .is_err()
        );
        assert!(
            FrequentLinesConfig {
                min_pages: 0,
                ..Default::default()
            }
            .build()
            .is_err()
        );
        assert!(serde_json::from_str::<FrequentLinesConfig>(r#"{"min_page": 3}"#).is_err());
    }
}
