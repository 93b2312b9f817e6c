//! `pii`: replaces e-mail addresses and public IP addresses, as datatrove's `PIIFormatter`
//! (the last step of the FineWeb recipe, Penedo et al. 2024).
//!
//! ## What it does
//! Replaces every e-mail address (datatrove's regular expression), then every IPv4 address
//! that is globally routable (Python's `ipaddress.ip_address(..).is_global`, Python 3.11
//! tables; with `only_remove_public_ips = false`, every well-formed one), by the next string
//! of `email_replacement` / `ip_replacement`, cycling through the list. The position in the
//! cycle carries over from one document to the next (as in datatrove, where it is per worker;
//! here it is per step, shared by the workers that run it). Never drops a document.
//!
//! ## Why
//! Removes personal contact details from the corpus (FineWeb §3.6).
//!
//! In `annotate` mode the text is left as is and the counts of addresses found are recorded.
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "pii"
//! email_replacement = ["email@example.com"]
//! ```

use std::net::Ipv4Addr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex::{Captures, Regex};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Step, StepContext};

use crate::common::{Measures, Mode, finish};

/// Default of [`PiiConfig::email_replacement`] (datatrove's `PIIFormatter`).
pub const DEFAULT_EMAIL_REPLACEMENT: &[&str] =
    &["email@example.com", "firstname.lastname@example.org"];
/// Default of [`PiiConfig::ip_replacement`] (datatrove's `PIIFormatter`).
pub const DEFAULT_IP_REPLACEMENT: &[&str] = &[
    "22.214.171.124",
    "126.96.36.199",
    "188.8.131.52",
    "184.108.40.206",
    "220.127.116.11",
    "18.104.22.168",
];

/// Configuration of the `pii` step (datatrove's `PIIFormatter` arguments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PiiConfig {
    /// Replace e-mail addresses. Default true.
    pub remove_emails: bool,
    /// Replace IPv4 addresses. Default true.
    pub remove_ips: bool,
    /// Only replace globally routable IPv4 addresses (not 10.x, 192.168.x, 127.x, ...).
    /// Default true.
    pub only_remove_public_ips: bool,
    /// Replacements for e-mail addresses, used in turn. Default: datatrove's two.
    pub email_replacement: Vec<String>,
    /// Replacements for IP addresses, used in turn. Default: datatrove's six.
    pub ip_replacement: Vec<String>,
    /// `filter` (replace) or `annotate` (count only, leave the text). Default `filter`.
    pub mode: Mode,
}

impl Default for PiiConfig {
    fn default() -> Self {
        Self {
            remove_emails: true,
            remove_ips: true,
            only_remove_public_ips: true,
            email_replacement: DEFAULT_EMAIL_REPLACEMENT
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            ip_replacement: DEFAULT_IP_REPLACEMENT
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            mode: Mode::Filter,
        }
    }
}

impl PiiConfig {
    /// Validates the configuration and builds the step.
    pub fn build(&self) -> tamis_core::Result<PiiFormatter> {
        if self.remove_emails && self.email_replacement.is_empty() {
            return Err(tamis_core::Error::config(
                "email_replacement",
                "must not be empty",
            ));
        }
        if self.remove_ips && self.ip_replacement.is_empty() {
            return Err(tamis_core::Error::config(
                "ip_replacement",
                "must not be empty",
            ));
        }
        let email = regexes()
            .0
            .as_ref()
            .ok_or_else(|| tamis_core::Error::config("pii", "e-mail regex"))?;
        let ip = regexes()
            .1
            .as_ref()
            .ok_or_else(|| tamis_core::Error::config("pii", "IP regex"))?;
        Ok(PiiFormatter {
            config: self.clone(),
            email,
            ip,
            email_i: AtomicUsize::new(0),
            ip_i: AtomicUsize::new(0),
        })
    }
}

fn regexes() -> &'static (Option<Regex>, Option<Regex>) {
    static RE: OnceLock<(Option<Regex>, Option<Regex>)> = OnceLock::new();
    RE.get_or_init(|| {
        let email = Regex::new(concat!(
            r"\b[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:(?:[A-Za-z0-9](?:[",
            r"A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?|\[(?:(?:25[0-5]|2[0-4][0-9]|[",
            r"01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?|[A-Za-z0-9-]*[A-Za-z0-9]:)\])"
        ))
        .ok();
        let ip = Regex::new(
            r"(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)",
        )
        .ok();
        (email, ip)
    })
}

/// Python 3.11's `IPv4Address.is_global`: not in 100.64.0.0/10 and not private.
pub fn is_global_ipv4(ip: Ipv4Addr) -> bool {
    const PRIVATE: &[(u32, u32)] = &[
        (0x0000_0000, 8),  // 0.0.0.0/8
        (0x0a00_0000, 8),  // 10.0.0.0/8
        (0x7f00_0000, 8),  // 127.0.0.0/8
        (0xa9fe_0000, 16), // 169.254.0.0/16
        (0xac10_0000, 12), // 172.16.0.0/12
        (0xc000_0000, 29), // 192.0.0.0/29
        (0xc000_00aa, 31), // 192.0.0.170/31
        (0xc000_0200, 24), // 192.0.2.0/24
        (0xc0a8_0000, 16), // 192.168.0.0/16
        (0xc612_0000, 15), // 198.18.0.0/15
        (0xc633_6400, 24), // 198.51.100.0/24
        (0xcb00_7100, 24), // 203.0.113.0/24
        (0xf000_0000, 4),  // 240.0.0.0/4
        (0xffff_ffff, 32), // 255.255.255.255/32
        (0x6440_0000, 10), // 100.64.0.0/10 (shared address space, not global)
    ];
    let v = u32::from(ip);
    !PRIVATE
        .iter()
        .any(|&(net, bits)| (v ^ net) >> (32 - bits) == 0)
}

/// Parses an address as Python's `ipaddress.ip_address` does for IPv4: four decimal octets,
/// no leading zeros.
fn parse_ipv4(s: &str) -> Option<Ipv4Addr> {
    let mut octets = [0u8; 4];
    let mut n = 0;
    for part in s.split('.') {
        if part.is_empty() || part.len() > 3 || (part.len() > 1 && part.starts_with('0')) {
            return None;
        }
        *octets.get_mut(n)? = part.parse().ok()?;
        n += 1;
    }
    (n == 4).then(|| Ipv4Addr::from(octets))
}

/// The `pii` step; see the [module docs](self).
#[derive(Debug)]
pub struct PiiFormatter {
    config: PiiConfig,
    email: &'static Regex,
    ip: &'static Regex,
    email_i: AtomicUsize,
    ip_i: AtomicUsize,
}

fn next<'a>(list: &'a [String], i: &AtomicUsize) -> &'a str {
    let k = i.fetch_add(1, Ordering::Relaxed);
    list.get(k % list.len().max(1)).map_or("", String::as_str)
}

impl PiiFormatter {
    fn ip_matches(&self, s: &str) -> bool {
        match parse_ipv4(s) {
            Some(ip) => !self.config.only_remove_public_ips || is_global_ipv4(ip),
            None => false,
        }
    }
}

impl Step for PiiFormatter {
    fn name(&self) -> &'static str {
        "pii"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let c = &self.config;
        let mut m = Measures::default();
        let annotate = c.mode == Mode::Annotate;
        let mut changed = false;
        if c.remove_emails && doc.text.contains('@') {
            if annotate {
                m.add("emails", self.email.find_iter(&doc.text).count() as f64);
            } else {
                let mut n = 0usize;
                let out = self.email.replace_all(&doc.text, |_: &Captures<'_>| {
                    n += 1;
                    next(&c.email_replacement, &self.email_i).to_owned()
                });
                if n > 0 {
                    doc.text = out.into_owned();
                    changed = true;
                }
                m.add("emails", n as f64);
            }
        }
        if c.remove_ips && doc.text.contains('.') {
            if annotate {
                let n = self
                    .ip
                    .find_iter(&doc.text)
                    .filter(|x| self.ip_matches(x.as_str()))
                    .count();
                m.add("ips", n as f64);
            } else {
                let mut n = 0usize;
                let out = self.ip.replace_all(&doc.text, |caps: &Captures<'_>| {
                    let found = caps.get(0).map_or("", |x| x.as_str());
                    if self.ip_matches(found) {
                        n += 1;
                        next(&c.ip_replacement, &self.ip_i).to_owned()
                    } else {
                        found.to_owned()
                    }
                });
                if n > 0 {
                    doc.text = out.into_owned();
                    changed = true;
                }
                m.add("ips", n as f64);
            }
        }
        finish(self.name(), c.mode, doc, ctx, m, Ok(changed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(step: &PiiFormatter, text: &str) -> String {
        let mut doc = Document::new("t", text);
        step.process(&mut doc, &mut StepContext::default());
        doc.text
    }

    #[test]
    fn replaces_emails_in_turn_across_documents() {
        let step = PiiConfig::default()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            run(&step, "write to a.b@c.org or x@y.com"),
            "write to email@example.com or firstname.lastname@example.org"
        );
        assert_eq!(run(&step, "me@host.net"), "email@example.com");
    }

    #[test]
    fn replaces_only_public_ips() {
        let step = PiiConfig::default()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            run(&step, "from 8.8.8.8 and 192.168.1.1 and 10.0.0.1"),
            "from 22.214.171.124 and 192.168.1.1 and 10.0.0.1"
        );
        assert_eq!(
            run(&step, "leading zero 08.8.8.8 stays"),
            "leading zero 08.8.8.8 stays"
        );
        let all = PiiConfig {
            only_remove_public_ips: false,
            ..Default::default()
        }
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run(&all, "10.0.0.1"), "22.214.171.124");
    }

    #[test]
    fn keeps_text_without_pii_and_non_latin() {
        let step = PiiConfig::default()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let mut doc = Document::new("t", "Привет, мир! Version 1.2.3 is out.");
        assert_eq!(
            step.process(&mut doc, &mut StepContext::default()),
            Outcome::Keep
        );
        assert_eq!(run(&step, ""), "");
    }

    #[test]
    fn global_table() {
        assert!(is_global_ipv4(Ipv4Addr::new(8, 8, 8, 8)));
        assert!(!is_global_ipv4(Ipv4Addr::new(100, 64, 0, 1)));
        assert!(!is_global_ipv4(Ipv4Addr::new(172, 31, 255, 255)));
        assert!(is_global_ipv4(Ipv4Addr::new(172, 32, 0, 0)));
        assert!(!is_global_ipv4(Ipv4Addr::new(255, 255, 255, 255)));
    }

    #[test]
    fn rejects_empty_replacements() {
        assert!(
            PiiConfig {
                email_replacement: vec![],
                ..Default::default()
            }
            .build()
            .is_err()
        );
    }
}
