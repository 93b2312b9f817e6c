//! `url_filter`: drops documents whose URL is on a block list, as datatrove's `URLFilter`.
//!
//! ## What it does
//! Reads `metadata.url` and drops the document with, in order:
//!
//! | reason | when |
//! |---|---|
//! | `missing_url` | the document has no `url` metadata (datatrove fails instead) |
//! | `domain` | its registered domain (`example.co.uk` for `a.b.example.co.uk`) is listed in `extra_domains` |
//! | `subdomain` | its full host name is listed in `extra_domains` |
//! | `url` | the whole URL is listed in `extra_urls` |
//! | `hard_blacklisted` | a word of the URL (split at non-alphanumerics) is in `banned_words` |
//! | `soft_blacklisted` | at least `soft_word_threshold` of its words are in `soft_banned_words` |
//! | `blacklisted_subword` | a `banned_subwords` entry occurs in the URL reduced to lowercase alphanumerics |
//!
//! Lists are given inline or as files (`*_files`, one entry per line, `#` starts a comment
//! line), for example the UT1 lists datatrove ships. Nothing is downloaded.
//!
//! The registered domain is found without the Public Suffix List: the last two labels, or
//! three when the second-level label is a common registry label (`co`, `com`, `org`, `net`,
//! `ac`, `gov`, `edu`, ...) under a two-letter country code. Hosts under other multi-label
//! public suffixes can differ from datatrove's `tldextract`.
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "url_filter"
//! extra_domains_files = ["blocklists/adult/domains"]
//! banned_words = ["casino"]
//! ```

use std::collections::HashSet;
use std::path::PathBuf;

use aho_corasick::AhoCorasick;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Step, StepContext};

use crate::common::{Measures, Mode, finish};

/// Default of [`UrlFilterConfig::soft_word_threshold`]: 2 (datatrove).
pub const DEFAULT_SOFT_WORD_THRESHOLD: usize = 2;

/// Configuration of the `url_filter` step (datatrove's `URLFilter` arguments, plus files).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct UrlFilterConfig {
    /// Soft-banned words needed in one URL to drop it. Default 2 (datatrove).
    pub soft_word_threshold: Option<usize>,
    /// Blocked domains and host names (exact, lowercase).
    pub extra_domains: Vec<String>,
    /// Files with one blocked domain per line.
    pub extra_domains_files: Vec<PathBuf>,
    /// Blocked URLs (exact).
    pub extra_urls: Vec<String>,
    /// Files with one blocked URL per line.
    pub extra_urls_files: Vec<PathBuf>,
    /// Words that block a URL containing them as a word.
    pub banned_words: Vec<String>,
    /// Files with one banned word per line.
    pub banned_words_files: Vec<PathBuf>,
    /// Strings that block a URL containing them anywhere (after reducing it to lowercase
    /// letters and digits).
    pub banned_subwords: Vec<String>,
    /// Files with one banned subword per line.
    pub banned_subwords_files: Vec<PathBuf>,
    /// Words that block a URL when `soft_word_threshold` of them occur.
    pub soft_banned_words: Vec<String>,
    /// Files with one soft-banned word per line.
    pub soft_banned_words_files: Vec<PathBuf>,
    /// `filter` (drop) or `annotate` (record the verdict). Default `filter`.
    pub mode: Mode,
}

/// datatrove's `normalize`: drop everything but ASCII letters and digits, lowercase.
fn normalize(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn load(
    field: &str,
    inline: &[String],
    files: &[PathBuf],
    normalized: bool,
) -> tamis_core::Result<HashSet<String>> {
    let mut out = HashSet::new();
    let mut add = |line: &str| {
        if line.is_empty() || line.starts_with('#') {
            return;
        }
        let v = if normalized {
            normalize(line)
        } else {
            line.trim().to_owned()
        };
        if !v.is_empty() {
            out.insert(v);
        }
    };
    for s in inline {
        add(s);
    }
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| {
            tamis_core::Error::config(field, format!("cannot read {}: {e}", path.display()))
        })?;
        for line in text.lines() {
            add(line);
        }
    }
    Ok(out)
}

impl UrlFilterConfig {
    /// Validates the configuration, reads the list files and builds the step.
    pub fn build(&self) -> tamis_core::Result<UrlFilter> {
        let subwords: Vec<String> = load(
            "banned_subwords",
            &self.banned_subwords,
            &self.banned_subwords_files,
            true,
        )?
        .into_iter()
        .collect();
        let automaton = if subwords.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::new(&subwords)
                    .map_err(|e| tamis_core::Error::config("banned_subwords", e.to_string()))?,
            )
        };
        Ok(UrlFilter {
            domains: load(
                "extra_domains",
                &self.extra_domains,
                &self.extra_domains_files,
                false,
            )?,
            urls: load(
                "extra_urls",
                &self.extra_urls,
                &self.extra_urls_files,
                false,
            )?,
            banned_words: load(
                "banned_words",
                &self.banned_words,
                &self.banned_words_files,
                true,
            )?,
            soft_words: load(
                "soft_banned_words",
                &self.soft_banned_words,
                &self.soft_banned_words_files,
                true,
            )?,
            subwords: automaton,
            soft_word_threshold: self
                .soft_word_threshold
                .unwrap_or(DEFAULT_SOFT_WORD_THRESHOLD),
            mode: self.mode,
        })
    }
}

/// The `url_filter` step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct UrlFilter {
    domains: HashSet<String>,
    urls: HashSet<String>,
    banned_words: HashSet<String>,
    soft_words: HashSet<String>,
    subwords: Option<AhoCorasick>,
    soft_word_threshold: usize,
    mode: Mode,
}

/// Host name of a URL, lowercase, without port or user info.
fn host(url: &str) -> Option<String> {
    url::Url::parse(url).ok().and_then(|u| {
        u.host_str()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
    })
}

/// The registered domain of `host` (see the module docs for the approximation).
pub fn registered_domain(host: &str) -> &str {
    const SLD: &[&str] = &[
        "co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gob", "nic", "mil",
        "sch", "ltd", "plc",
    ];
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    if n <= 2 {
        return host;
    }
    let tld = labels.get(n - 1).copied().unwrap_or("");
    let sld = labels.get(n - 2).copied().unwrap_or("");
    let keep = if tld.len() == 2 && SLD.contains(&sld) {
        3
    } else {
        2
    };
    let skip: usize = labels
        .iter()
        .take(n.saturating_sub(keep))
        .map(|l| l.len() + 1)
        .sum();
    host.get(skip..).unwrap_or(host)
}

impl UrlFilter {
    fn verdict(&self, url: Option<&str>) -> Result<bool, Reason> {
        let Some(url) = url else {
            return Err(Reason::new("missing_url"));
        };
        if let Some(h) = host(url) {
            if self.domains.contains(registered_domain(&h)) {
                return Err(Reason::new("domain"));
            }
            if self.domains.contains(&h) {
                return Err(Reason::new("subdomain"));
            }
        }
        if self.urls.contains(url) {
            return Err(Reason::new("url"));
        }
        let words: HashSet<&str> = url.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        // datatrove compares normalized (lowercase) list words with the URL's words as written.
        if self.banned_words.iter().any(|w| words.contains(w.as_str())) {
            return Err(Reason::new("hard_blacklisted"));
        }
        let soft = self
            .soft_words
            .iter()
            .filter(|w| words.contains(w.as_str()))
            .count();
        if !self.soft_words.is_empty() && soft >= self.soft_word_threshold {
            return Err(Reason::new("soft_blacklisted"));
        }
        if self
            .subwords
            .as_ref()
            .is_some_and(|ac| ac.is_match(&normalize(url)))
        {
            return Err(Reason::new("blacklisted_subword"));
        }
        Ok(false)
    }
}

impl Step for UrlFilter {
    fn name(&self) -> &'static str {
        "url_filter"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let verdict = self.verdict(doc.meta_str("url"));
        finish(
            self.name(),
            self.mode,
            doc,
            ctx,
            Measures::default(),
            verdict,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(f: &UrlFilter, url: Option<&str>) -> String {
        let mut doc = Document::new("t", "text");
        if let Some(u) = url {
            doc.set_meta("url", u);
        }
        match f.process(&mut doc, &mut StepContext::default()) {
            Outcome::Drop(r) => r.to_string(),
            _ => "kept".to_owned(),
        }
    }

    fn filter() -> UrlFilter {
        UrlFilterConfig {
            extra_domains: vec!["bad.com".into(), "blog.fine.org".into()],
            extra_urls: vec!["https://ok.net/page".into()],
            banned_words: vec!["casino".into()],
            soft_banned_words: vec!["hot".into(), "deals".into()],
            banned_subwords: vec!["xxx".into()],
            ..Default::default()
        }
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn each_reason() {
        let f = filter();
        assert_eq!(verdict(&f, Some("https://example.org/about")), "kept");
        assert_eq!(verdict(&f, None), "missing_url");
        assert_eq!(verdict(&f, Some("http://www.bad.com/x")), "domain");
        assert_eq!(verdict(&f, Some("http://blog.fine.org/x")), "subdomain");
        assert_eq!(verdict(&f, Some("http://fine.org/x")), "kept");
        assert_eq!(verdict(&f, Some("https://ok.net/page")), "url");
        assert_eq!(
            verdict(&f, Some("https://ok.net/online-casino")),
            "hard_blacklisted"
        );
        assert_eq!(
            verdict(&f, Some("https://ok.net/hot")),
            "kept",
            "one soft word is below 2"
        );
        assert_eq!(
            verdict(&f, Some("https://ok.net/hot-deals")),
            "soft_blacklisted"
        );
        assert_eq!(
            verdict(&f, Some("https://ok.net/XX-X")),
            "blacklisted_subword"
        );
        assert_eq!(verdict(&f, Some("https://пример.рф/страница")), "kept");
    }

    #[test]
    fn registered_domains() {
        assert_eq!(registered_domain("a.b.example.co.uk"), "example.co.uk");
        assert_eq!(registered_domain("www.example.com"), "example.com");
        assert_eq!(registered_domain("example.com"), "example.com");
    }

    #[test]
    fn missing_list_file_is_a_config_error() {
        let c = UrlFilterConfig {
            extra_domains_files: vec!["/nonexistent/list".into()],
            ..Default::default()
        };
        assert!(c.build().is_err());
    }
}
