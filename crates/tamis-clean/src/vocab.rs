//! Word-level vocabulary matching: the engine behind the data-driven rule lists.
//!
//! A line is cut into lowercase word tokens ([`Tokens`]); a [`Vocab`] holds phrases (token
//! sequences) grouped in classes (`comments`, `share`, `strong` error vocabulary, ...) plus
//! *filler* words (articles, pronouns, auxiliaries) that carry no signal on their own. A
//! [`Scan`] of a line tells, for a set of classes, how much of the line the phrases cover:
//! `covered / counted`, where filler words and bare numbers are not counted unless a phrase
//! covers them. A line whose counted words are all covered by, say, the `comments` phrases is a
//! comment crumb; a real sentence that merely contains "comments" is not, because its other
//! words are not covered.
//!
//! Rule files are plain UTF-8 text: `# comment` lines, `[section]` headers, and one phrase per
//! line. Phrases go through the same tokenizer as the text, so punctuation and case in a rule
//! do not matter.

use ahash::AHashMap;

/// The tokens of one line: lowercase text in `buf`, token byte ranges in `spans`.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    buf: String,
    spans: Vec<(usize, usize)>,
}

impl Tokens {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Token `i` (lowercase).
    pub fn get(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(a, b)| self.buf.get(a..b))
            .unwrap_or("")
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}' | '`')
}

/// Scripts written without spaces between words: each character is a token.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x20000..=0x2FFFF)
}

fn is_word_char(c: char) -> bool {
    // Combining marks of Indic and Southeast Asian scripts are not alphanumeric but belong to
    // the word.
    c.is_alphanumeric() || matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0EFF)
}

/// Cuts `line` into tokens. With `camel`, a token that the vocabulary does not know as a whole
/// is also cut where lowercase turns to uppercase and between letters and digits, so glued
/// crumbs such as `CommentsAdd comment` read as `comments add comment` while `JavaScript` (a
/// known word) stays whole.
pub(crate) fn tokenize(line: &str, camel: Option<&Vocab>, out: &mut Tokens) {
    out.buf.clear();
    out.spans.clear();
    if line.is_ascii() {
        tokenize_ascii(line, camel, out);
    } else {
        tokenize_chars(line, camel, out);
    }
}

/// [`tokenize`] for ASCII text: the same rules on bytes, without Unicode tables.
fn tokenize_ascii(line: &str, camel: Option<&Vocab>, out: &mut Tokens) {
    let mut cur = Current::default();
    let mut prev: u8 = 0;
    let mut bytes = line.bytes().peekable();
    while let Some(b) = bytes.next() {
        let apostrophe_inside = (b == b'\'' || b == b'`')
            && prev.is_ascii_alphanumeric()
            && bytes.peek().is_some_and(u8::is_ascii_alphabetic);
        if !(b.is_ascii_alphanumeric() || apostrophe_inside) {
            close(out, &mut cur, camel);
            prev = 0;
            continue;
        }
        let boundary = camel.is_some()
            && ((prev.is_ascii_lowercase() && b.is_ascii_uppercase())
                || (prev.is_ascii_alphabetic() && b.is_ascii_digit())
                || (prev.is_ascii_digit() && b.is_ascii_alphabetic()));
        if cur.start.is_none() {
            cur.start = Some(out.buf.len());
        } else if boundary {
            cur.cuts.push(out.buf.len());
        }
        out.buf.push(if apostrophe_inside {
            '\''
        } else {
            char::from(b.to_ascii_lowercase())
        });
        prev = b;
    }
    close(out, &mut cur, camel);
}

/// [`tokenize`] for any text.
fn tokenize_chars(line: &str, camel: Option<&Vocab>, out: &mut Tokens) {
    let mut cur = Current::default();
    let mut prev: Option<char> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let apostrophe_inside = is_apostrophe(c)
            && prev.is_some_and(is_word_char)
            && chars.peek().is_some_and(|n| n.is_alphabetic());
        if is_unspaced_script(c) {
            close(out, &mut cur, camel);
            let s = out.buf.len();
            out.buf.push(c);
            out.spans.push((s, out.buf.len()));
            prev = None;
            continue;
        }
        if !(is_word_char(c) || apostrophe_inside) {
            close(out, &mut cur, camel);
            prev = None;
            continue;
        }
        let boundary = camel.is_some()
            && prev.is_some_and(|p| {
                (p.is_lowercase() && c.is_uppercase())
                    || (p.is_alphabetic() && c.is_numeric())
                    || (p.is_numeric() && c.is_alphabetic())
            });
        if cur.start.is_none() {
            cur.start = Some(out.buf.len());
        } else if boundary {
            cur.cuts.push(out.buf.len());
        }
        if apostrophe_inside {
            out.buf.push('\'');
        } else if c.is_ascii() {
            out.buf.push(c.to_ascii_lowercase());
        } else {
            out.buf.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    close(out, &mut cur, camel);
}

/// The token being read: its start and its candidate camel-case cuts (byte offsets in `buf`).
#[derive(Debug, Default)]
struct Current {
    start: Option<usize>,
    cuts: Vec<usize>,
}

/// Ends the current token, cutting it at camel-case boundaries if asked and unknown.
fn close(out: &mut Tokens, cur: &mut Current, camel: Option<&Vocab>) {
    let Some(s) = cur.start.take() else { return };
    let end = out.buf.len();
    let cuts = std::mem::take(&mut cur.cuts);
    if end <= s {
        return;
    }
    if cuts.is_empty() || camel.is_none_or(|v| out.buf.get(s..end).is_some_and(|t| v.knows(t))) {
        push_piece(out, s, end);
        return;
    }
    let mut a = s;
    for c in cuts.into_iter().chain(std::iter::once(end)) {
        push_piece(out, a, c);
        a = c;
    }
}

/// Pushes one token. An elision (`l'article`, `d'accord`, `n'existe`: at most two characters,
/// an apostrophe, at least three more) is cut in two without the apostrophe, so that `article`
/// and `existe` can be matched; English contractions (`don't`, `I'm`) stay whole.
fn push_piece(out: &mut Tokens, s: usize, end: usize) {
    if end <= s {
        return;
    }
    if let Some(tok) = out.buf.get(s..end) {
        if let Some(pos) = tok.find('\'') {
            let before = tok.get(..pos).map_or(0, |b| b.chars().count());
            let after = tok.get(pos + 1..).map_or(0, |a| a.chars().count());
            if (1..=2).contains(&before) && after >= 3 {
                out.spans.push((s, s + pos));
                out.spans.push((s + pos + 1, end));
                return;
            }
        }
    }
    out.spans.push((s, end));
}

/// What a rule-file section feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// Filler words.
    Filler,
    /// Phrases of a class.
    Class(u8),
}

/// Loads a rule file into `vocab`. `sections` maps section names to what they feed; unknown
/// sections are an error naming the source.
pub(crate) fn load_rules(
    vocab: &mut Vocab,
    text: &str,
    source: &str,
    field: &str,
    sections: &[(&str, Section)],
) -> tamis_core::Result<()> {
    let rules = parse_rules(text)
        .map_err(|m| tamis_core::Error::config(field, format!("{source}: {m}")))?;
    for (section, phrase) in rules {
        let Some(&(_, what)) = sections.iter().find(|(n, _)| *n == section) else {
            let names: Vec<&str> = sections.iter().map(|(n, _)| *n).collect();
            return Err(tamis_core::Error::config(
                field,
                format!(
                    "{source}: unknown section [{section}]; expected one of {}",
                    names.join(", ")
                ),
            ));
        };
        match what {
            Section::Filler => vocab.add_filler(&phrase),
            Section::Class(c) => vocab.add_phrase(c, &phrase),
        }
    }
    Ok(())
}

/// A parsed rule file: `(section, phrase)` pairs in file order.
pub(crate) fn parse_rules(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut section: Option<String> = None;
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name.trim().to_owned());
            continue;
        }
        match &section {
            Some(s) => out.push((s.clone(), line.to_owned())),
            None => {
                return Err(format!(
                    "line {}: phrase before any [section] header",
                    n + 1
                ));
            }
        }
    }
    Ok(out)
}

/// A phrase: a token-id sequence and its class.
#[derive(Debug, Clone)]
struct Phrase {
    tokens: Box<[u32]>,
    class: u8,
}

/// Phrases by class plus filler words; see the module docs.
#[derive(Debug, Default, Clone)]
pub(crate) struct Vocab {
    ids: AHashMap<String, u32>,
    filler: Vec<bool>,
    /// Phrases by the id of their first token, longest first.
    by_first: AHashMap<u32, Vec<u32>>,
    phrases: Vec<Phrase>,
}

impl Vocab {
    fn intern(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = u32::try_from(self.filler.len()).unwrap_or(u32::MAX);
        self.ids.insert(token.to_owned(), id);
        self.filler.push(false);
        id
    }

    /// Whether `token` (lowercase) appears in a phrase or in the filler words.
    pub fn knows(&self, token: &str) -> bool {
        self.ids.contains_key(token)
    }

    /// Adds the words of `text` as filler words.
    pub fn add_filler(&mut self, text: &str) {
        let mut t = Tokens::default();
        tokenize(text, None, &mut t);
        for i in 0..t.len() {
            let id = self.intern(t.get(i));
            if let Some(f) = self.filler.get_mut(id as usize) {
                *f = true;
            }
        }
    }

    /// Adds a phrase of class `class` (0..16). Empty phrases (only punctuation) are ignored.
    pub fn add_phrase(&mut self, class: u8, text: &str) {
        let mut t = Tokens::default();
        tokenize(text, None, &mut t);
        if t.len() == 0 {
            return;
        }
        let tokens: Box<[u32]> = (0..t.len()).map(|i| self.intern(t.get(i))).collect();
        let first = tokens[0];
        let idx = u32::try_from(self.phrases.len()).unwrap_or(u32::MAX);
        self.phrases.push(Phrase { tokens, class });
        let list = self.by_first.entry(first).or_default();
        list.push(idx);
        let phrases = &self.phrases;
        list.sort_by_key(|&p| {
            std::cmp::Reverse(phrases.get(p as usize).map_or(0, |p| p.tokens.len()))
        });
    }

    /// Matches the phrases against `tokens`.
    pub fn scan(&self, tokens: &Tokens, out: &mut Scan) {
        out.ids.clear();
        out.cover.clear();
        out.neutral.clear();
        out.matched.clear();
        for i in 0..tokens.len() {
            let tok = tokens.get(i);
            let id = self.ids.get(tok).copied();
            out.ids.push(id);
            out.cover.push(0);
            let filler =
                id.is_some_and(|id| self.filler.get(id as usize).copied().unwrap_or(false));
            out.neutral
                .push(filler || tok.chars().all(|c| c.is_ascii_digit()));
        }
        for i in 0..out.ids.len() {
            let Some(Some(first)) = out.ids.get(i).copied() else {
                continue;
            };
            let Some(list) = self.by_first.get(&first) else {
                continue;
            };
            for &p in list {
                let Some(phrase) = self.phrases.get(p as usize) else {
                    continue;
                };
                let n = phrase.tokens.len();
                let Some(window) = out.ids.get(i..i + n) else {
                    continue;
                };
                if window
                    .iter()
                    .zip(phrase.tokens.iter())
                    .all(|(a, b)| *a == Some(*b))
                {
                    let bit = 1u16 << (phrase.class & 15);
                    for c in out.cover.get_mut(i..i + n).into_iter().flatten() {
                        *c |= bit;
                    }
                    out.matched.push((phrase.class, p));
                }
            }
        }
    }
}

/// What a [`Vocab::scan`] found on one line.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    ids: Vec<Option<u32>>,
    /// Per token: bit `c` set when a phrase of class `c` covers it.
    cover: Vec<u16>,
    /// Per token: filler word or bare number.
    neutral: Vec<bool>,
    /// `(class, phrase index)` of every match.
    matched: Vec<(u8, u32)>,
}

impl Scan {
    /// `(covered, counted)` for the classes in `mask`: counted tokens are those covered by one
    /// of the classes or not neutral; covered ones are those covered.
    pub fn coverage(&self, mask: u16) -> (usize, usize) {
        let mut covered = 0;
        let mut counted = 0;
        for (c, n) in self.cover.iter().zip(&self.neutral) {
            if c & mask != 0 {
                covered += 1;
                counted += 1;
            } else if !n {
                counted += 1;
            }
        }
        (covered, counted)
    }

    /// `(covered, words)` for the classes in `mask`, counting only tokens that are not
    /// neutral (filler words and bare numbers are left out even when a phrase covers them).
    pub fn coverage_words(&self, mask: u16) -> (usize, usize) {
        let mut covered = 0;
        let mut words = 0;
        for (c, n) in self.cover.iter().zip(&self.neutral) {
            if !n {
                words += 1;
                covered += usize::from(c & mask != 0);
            }
        }
        (covered, words)
    }

    /// Fraction of counted tokens covered by `mask` (0 when nothing is counted).
    pub fn fraction(&self, mask: u16) -> f64 {
        let (covered, counted) = self.coverage(mask);
        if counted == 0 {
            0.0
        } else {
            covered as f64 / counted as f64
        }
    }

    /// Whether token `i` is covered by a class of `mask`.
    pub fn covered_at(&self, i: usize, mask: u16) -> bool {
        self.cover.get(i).is_some_and(|c| c & mask != 0)
    }

    /// Whether token `i` is a filler word or a bare number.
    pub fn neutral_at(&self, i: usize) -> bool {
        self.neutral.get(i).copied().unwrap_or(false)
    }

    /// Whether a phrase of class `class` matched.
    pub fn has(&self, class: u8) -> bool {
        self.matched.iter().any(|&(c, _)| c == class)
    }

    /// Number of distinct phrases of class `class` that matched.
    pub fn distinct(&self, class: u8) -> usize {
        let mut seen: Vec<u32> = self
            .matched
            .iter()
            .filter(|m| m.0 == class)
            .map(|m| m.1)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str, camel: bool) -> Vec<String> {
        let mut v = Vocab::default();
        v.add_phrase(0, "javascript");
        let mut t = Tokens::default();
        tokenize(s, camel.then_some(&v), &mut t);
        (0..t.len()).map(|i| t.get(i).to_owned()).collect()
    }

    #[test]
    fn tokenizer_handles_case_apostrophes_and_scripts() {
        assert_eq!(
            toks("Don’t STOP-me now!", false),
            ["don't", "stop", "me", "now"]
        );
        assert_eq!(
            toks("'quoted' l'été n’existe qu'il", false),
            ["quoted", "l", "été", "n", "existe", "qu'il"]
        );
        assert_eq!(toks("I'm sure we're", false), ["i'm", "sure", "we're"]);
        assert_eq!(
            toks("CommentsLeave a reply", true),
            ["comments", "leave", "a", "reply"]
        );
        assert_eq!(
            toks("CommentsLeave a reply", false),
            ["commentsleave", "a", "reply"]
        );
        assert_eq!(toks("12Comments", true), ["12", "comments"]);
        assert_eq!(
            toks("JavaScript YouTube", true),
            ["javascript", "you", "tube"]
        );
        assert_eq!(toks("页面不存在", false), ["页", "面", "不", "存", "在"]);
        assert_eq!(
            toks("Страница не найдена", false),
            ["страница", "не", "найдена"]
        );
        assert_eq!(toks("नहीं मिला", false), ["नहीं", "मिला"]);
        assert!(toks("", true).is_empty());
        assert!(toks(" ... !! ", true).is_empty());
    }

    proptest::proptest! {
        /// The ASCII fast path cuts exactly like the general one.
        #[test]
        fn ascii_fast_path_matches_general_path(line in "[ -~]{0,60}", camel in proptest::bool::ANY) {
            let mut v = Vocab::default();
            v.add_phrase(0, "javascript");
            let camel = camel.then_some(&v);
            let (mut a, mut b) = (Tokens::default(), Tokens::default());
            tokenize_ascii(&line, camel, &mut a);
            tokenize_chars(&line, camel, &mut b);
            let ta: Vec<&str> = (0..a.len()).map(|i| a.get(i)).collect();
            let tb: Vec<&str> = (0..b.len()).map(|i| b.get(i)).collect();
            proptest::prop_assert_eq!(ta, tb);
        }
    }

    #[test]
    fn coverage_counts_fillers_only_when_covered() {
        let mut v = Vocab::default();
        v.add_filler("the a this");
        v.add_phrase(0, "share");
        v.add_phrase(0, "article");
        v.add_phrase(1, "page not found");
        let mut t = Tokens::default();
        let mut s = Scan::default();
        tokenize("Share this article", None, &mut t);
        v.scan(&t, &mut s);
        assert_eq!(s.coverage(1), (2, 2));
        tokenize("Share this article with your friends", None, &mut t);
        v.scan(&t, &mut s);
        assert_eq!(s.coverage(1), (2, 5));
        tokenize("404 - Page not found", None, &mut t);
        v.scan(&t, &mut s);
        assert_eq!(s.coverage(2), (3, 3));
        assert!(s.has(1) && !s.has(0));
        assert_eq!(s.distinct(1), 1);
    }

    #[test]
    fn rule_files_need_sections() {
        assert!(parse_rules("oops").is_err());
        let r = parse_rules("# c\n[a]\nx y\n\n[b]\n z ").unwrap_or_default();
        assert_eq!(
            r,
            vec![("a".into(), "x y".into()), ("b".into(), "z".into())]
        );
    }
}
