//! English word splitting that reproduces spaCy's `spacy.blank("en")` tokenizer, the word
//! splitter datatrove uses for English (Gopher, C4, FineWeb filters and MinHash shingles).
//!
//! The algorithm follows spaCy's `Tokenizer`: split on whitespace, then for each chunk either
//! use a tokenizer exception ("don't" → "do" + "n't"), or repeatedly strip one prefix and one
//! suffix, then keep URLs whole and split the rest at infixes (hyphens between letters,
//! ellipses, ...). Character classes, affix lists and exceptions are generated from spaCy
//! itself (`tools/gen_spacy_en.py`, MIT licence) into `spacy_en_data.rs`.
//!
//! Not reproduced: spaCy's second pass that merges special cases spanning several tokens
//! (emoticons glued to a word such as `word:)`), which changes a few word counts in a million.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::spacy_en_data::{
    ALPHA, CLASS_RUNS, EXCEPTIONS, ICON, LOWER, PREFIXES, QUOTE, SPACE, SUFDOT, SUFFIXES, UPPER,
};

/// One entry of spaCy's ordered prefix or suffix list.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Affix {
    /// A literal string.
    Lit(&'static str),
    /// `\.\.+`: two or more dots.
    Dots,
    /// One character of spaCy's "other symbols" class (dingbats, emoji).
    Icon,
    /// `\+(?![0-9])` (prefix only).
    PlusNotDigit,
    /// `(?<=[0-9])(?:a|b|...)`: one of the strings, right after a digit (suffix only).
    AfterDigit(&'static [&'static str]),
    /// `(?<=°[FfCcKk])\.` (suffix only).
    DegreeDot,
    /// `(?<=[0-9 lower %²-+ punct quotes])\.` (suffix only).
    SufDot,
    /// `(?<=[upper][upper])\.` (suffix only).
    TwoUpperDot,
}

const fn ascii_classes() -> [u16; 128] {
    let mut table = [0u16; 128];
    let mut i = 0;
    while i < CLASS_RUNS.len() {
        let (lo, hi, bits) = CLASS_RUNS[i];
        let mut cp = lo;
        while cp <= hi && cp < 128 {
            table[cp as usize] = bits;
            cp += 1;
        }
        i += 1;
    }
    table
}

static ASCII_CLASSES: [u16; 128] = ascii_classes();

/// spaCy's class bits of a character (see the generated table).
#[inline]
pub(crate) fn class(c: char) -> u16 {
    let cp = c as u32;
    if cp < 128 {
        return ASCII_CLASSES.get(cp as usize).copied().unwrap_or(0);
    }
    match CLASS_RUNS.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => CLASS_RUNS.get(i).map_or(0, |r| r.2),
        Err(_) => 0,
    }
}

#[inline]
fn is(c: Option<char>, bits: u16) -> bool {
    c.is_some_and(|c| class(c) & bits != 0)
}

/// Python's `str.isspace()`, which is what spaCy splits on.
#[inline]
pub fn is_python_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f'
        )
    } else {
        class(c) & SPACE != 0
    }
}

struct Tables {
    exceptions: HashMap<&'static str, &'static [&'static str], ahash::RandomState>,
    /// Longest exception key in bytes (longer chunks cannot be exceptions).
    max_exception: usize,
    /// Prefix entries by first character, in spaCy's order (icons are checked last).
    prefixes: HashMap<char, Vec<Affix>, ahash::RandomState>,
    /// Suffix strings (literal or after a digit) by last character.
    suffixes: HashMap<char, Vec<(&'static str, bool)>, ahash::RandomState>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let state = ahash::RandomState::with_seeds(1, 2, 3, 4);
        let mut exceptions = HashMap::with_capacity_and_hasher(EXCEPTIONS.len(), state.clone());
        let mut max_exception = 0;
        for &(k, v) in EXCEPTIONS {
            exceptions.insert(k, v);
            max_exception = max_exception.max(k.len());
        }
        let mut prefixes: HashMap<char, Vec<Affix>, _> = HashMap::with_hasher(state.clone());
        for affix in PREFIXES {
            let key = match *affix {
                Affix::Lit(l) => l.chars().next(),
                Affix::Dots => Some('.'),
                Affix::PlusNotDigit => Some('+'),
                _ => None,
            };
            if let Some(k) = key {
                prefixes.entry(k).or_default().push(*affix);
            }
        }
        let mut suffixes: HashMap<char, Vec<(&'static str, bool)>, _> = HashMap::with_hasher(state);
        for affix in SUFFIXES {
            match *affix {
                Affix::Lit(l) => {
                    if let Some(c) = l.chars().next_back() {
                        suffixes.entry(c).or_default().push((l, false));
                    }
                }
                Affix::AfterDigit(list) => {
                    for l in list {
                        if let Some(c) = l.chars().next_back() {
                            suffixes.entry(c).or_default().push((l, true));
                        }
                    }
                }
                _ => {}
            }
        }
        Tables {
            exceptions,
            max_exception,
            prefixes,
            suffixes,
        }
    })
}

#[inline]
fn exception(chunk: &str) -> Option<&'static [&'static str]> {
    let t = tables();
    if chunk.len() > t.max_exception {
        return None;
    }
    t.exceptions.get(chunk).copied()
}

fn count_dots(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b'.').count()
}

/// Length in bytes of the prefix spaCy would split off `s`, 0 if none (the first entry of
/// spaCy's ordered list that matches; icons come last in that list).
fn find_prefix(s: &str) -> usize {
    let first = match s.chars().next() {
        Some(c) => c,
        None => return 0,
    };
    if let Some(list) = tables().prefixes.get(&first) {
        for affix in list {
            match *affix {
                Affix::Lit(l) if s.starts_with(l) => return l.len(),
                Affix::Dots if count_dots(s) >= 2 => return count_dots(s),
                Affix::PlusNotDigit if !s[1..].starts_with(|c: char| c.is_ascii_digit()) => {
                    return 1;
                }
                _ => {}
            }
        }
    }
    if class(first) & ICON != 0 {
        return first.len_utf8();
    }
    0
}

/// Length in bytes of the suffix spaCy would split off `s`, 0 if none. spaCy searches
/// `(?:a$|b$|...)`, so the match that starts leftmost wins: the longest matching suffix.
fn find_suffix(s: &str) -> usize {
    let Some(last) = s.chars().next_back() else {
        return 0;
    };
    let mut best = 0usize;
    if let Some(list) = tables().suffixes.get(&last) {
        for &(l, after_digit) in list {
            if l.len() > best && s.ends_with(l) {
                let head = &s[..s.len() - l.len()];
                if !after_digit || head.ends_with(|c: char| c.is_ascii_digit()) {
                    best = l.len();
                }
            }
        }
    }
    if last == '.' {
        let dots = s.bytes().rev().take_while(|&b| b == b'.').count();
        if dots >= 2 {
            best = best.max(dots);
        }
        if best == 0 {
            let head = &s[..s.len() - 1];
            let mut it = head.chars().rev();
            let p1 = it.next();
            let p2 = it.next();
            let degree = matches!(p1, Some('F' | 'f' | 'C' | 'c' | 'K' | 'k')) && p2 == Some('°');
            if degree || is(p1, SUFDOT) || (is(p1, UPPER) && is(p2, UPPER)) {
                best = 1;
            }
        }
    }
    if best == 0 && class(last) & ICON != 0 {
        best = last.len_utf8();
    }
    best
}

const INFIX_HYPHENS: [&str; 7] = ["-", "–", "—", "--", "---", "——", "~"];

/// The infix match starting at byte `pos` of `s`, as its byte length.
fn infix_at(s: &str, pos: usize) -> Option<usize> {
    let rest = &s[pos..];
    let c = rest.chars().next()?;
    let prev = s[..pos].chars().next_back();
    let after = |len: usize| rest[len..].chars().next();
    // \.\.+
    if c == '.' {
        let n = count_dots(rest);
        if n >= 2 {
            return Some(n);
        }
    }
    // …
    if c == '…' {
        return Some(c.len_utf8());
    }
    // icons
    if class(c) & ICON != 0 {
        return Some(c.len_utf8());
    }
    // (?<=[0-9])[+\-\*^](?=[0-9-])
    if matches!(c, '+' | '-' | '*' | '^')
        && prev.is_some_and(|p| p.is_ascii_digit())
        && after(1).is_some_and(|n| n.is_ascii_digit() || n == '-')
    {
        return Some(1);
    }
    // (?<=[{al}{q}])\.(?=[{au}{q}])
    if c == '.' && is(prev, LOWER | QUOTE) && is(after(1), UPPER | QUOTE) {
        return Some(1);
    }
    // (?<=[{a}]),(?=[{a}])
    if c == ',' && is(prev, ALPHA) && is(after(1), ALPHA) {
        return Some(1);
    }
    let prev_alnum = prev.is_some_and(|p| p.is_ascii_digit()) || is(prev, ALPHA);
    // (?<=[{a}0-9])(?:{h})(?=[{a}])
    if prev_alnum {
        for h in INFIX_HYPHENS {
            if rest.starts_with(h) && is(after(h.len()), ALPHA) {
                return Some(h.len());
            }
        }
        // (?<=[{a}0-9])[:<>=/](?=[{a}])
        if matches!(c, ':' | '<' | '>' | '=' | '/') && is(after(1), ALPHA) {
            return Some(1);
        }
    }
    None
}

fn url_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(crate::spacy_en_data::URL_PATTERN).ok())
        .as_ref()
}

fn is_private_ip(ip: &str) -> bool {
    let parts: Vec<&str> = ip.split('.').collect();
    match parts.as_slice() {
        [a, b, ..] => {
            *a == "10"
                || *a == "127"
                || (*a == "169" && *b == "254")
                || (*a == "192" && *b == "168")
                || (*a == "172" && b.parse::<u32>().is_ok_and(|n| (16..=31).contains(&n)))
        }
        _ => false,
    }
}

fn url_match(s: &str) -> bool {
    // Cheap pre-check: every URL the pattern accepts has a dot followed by a top-level
    // domain of at least two lowercase letters (or is a dotted IPv4 address).
    let mut candidate = false;
    for (i, _) in s.match_indices('.') {
        let mut after = s[i + 1..].chars();
        let (a, b) = (after.next(), after.next());
        if (is(a, LOWER) && is(b, LOWER)) || a.is_some_and(char::is_numeric) {
            candidate = true;
            break;
        }
    }
    if !candidate {
        return false;
    }
    let Some(re) = url_regex() else { return false };
    if !re.is_match(s) {
        return false;
    }
    match re.captures(s) {
        Some(caps) => !caps.name("ip").is_some_and(|m| is_private_ip(m.as_str())),
        None => false,
    }
}

/// Splits one whitespace-free chunk into tokens, appended to `out` in order. With
/// `specials` false, tokenizer exceptions are ignored (spaCy's `with_special_cases=False`,
/// used to build the special-case matcher).
fn tokenize_chunk<'a>(chunk: &'a str, out: &mut Vec<&'a str>, specials: bool) {
    let exception = |s: &str| if specials { exception(s) } else { None };
    if let Some(pieces) = exception(chunk) {
        push_pieces(chunk, pieces, out);
        return;
    }
    // Fast path: ASCII letters only. No prefix, suffix (units need a digit before them) or
    // infix can match, and URLs need a dot, so the chunk is one token.
    if chunk.bytes().all(|b| b.is_ascii_alphabetic()) {
        out.push(chunk);
        return;
    }
    let mut string = chunk;
    // Prefixes are emitted first in any case; suffixes last, innermost first.
    let mut suffixes: Vec<&'a str> = Vec::new();
    let mut last_len = usize::MAX;
    while !string.is_empty() && string.len() != last_len {
        if exception(string).is_some() {
            break;
        }
        last_len = string.len();
        let pre_len = find_prefix(string);
        if pre_len != 0 {
            let minus_pre = &string[pre_len..];
            if !minus_pre.is_empty() && exception(minus_pre).is_some() {
                out.push(&string[..pre_len]);
                string = minus_pre;
                break;
            }
        }
        let suf_len = find_suffix(&string[pre_len..]);
        if suf_len != 0 {
            let minus_suf = &string[..string.len() - suf_len];
            if !minus_suf.is_empty() && exception(minus_suf).is_some() {
                suffixes.push(&string[string.len() - suf_len..]);
                string = minus_suf;
                break;
            }
        }
        if pre_len != 0 && suf_len != 0 && pre_len + suf_len <= string.len() {
            out.push(&string[..pre_len]);
            suffixes.push(&string[string.len() - suf_len..]);
            string = &string[pre_len..string.len() - suf_len];
        } else if pre_len != 0 {
            out.push(&string[..pre_len]);
            string = &string[pre_len..];
        } else if suf_len != 0 {
            suffixes.push(&string[string.len() - suf_len..]);
            string = &string[..string.len() - suf_len];
        }
    }
    if !string.is_empty() {
        if let Some(pieces) = exception(string) {
            push_pieces(string, pieces, out);
        } else if url_match(string) {
            out.push(string);
        } else {
            split_infixes(string, out);
        }
    }
    out.extend(suffixes.into_iter().rev());
}

/// A special case whose text spaCy's affix rules would split: after tokenizing, adjacent
/// tokens equal to `pattern` are merged back into the exception's pieces (spaCy's
/// `_apply_special_cases`).
struct SpecialPattern {
    pattern: Vec<&'static str>,
    key: &'static str,
    pieces: &'static [&'static str],
}

fn special_patterns() -> &'static HashMap<&'static str, Vec<SpecialPattern>, ahash::RandomState> {
    static P: OnceLock<HashMap<&'static str, Vec<SpecialPattern>, ahash::RandomState>> =
        OnceLock::new();
    P.get_or_init(|| {
        let mut map: HashMap<&'static str, Vec<SpecialPattern>, _> =
            HashMap::with_hasher(ahash::RandomState::with_seeds(5, 6, 7, 8));
        for &(key, pieces) in EXCEPTIONS {
            if key.chars().any(is_python_space) {
                continue;
            }
            let has_infix = key.char_indices().any(|(i, _)| infix_at(key, i).is_some());
            if find_prefix(key) == 0 && find_suffix(key) == 0 && !has_infix {
                continue;
            }
            let mut pattern = Vec::new();
            tokenize_chunk(key, &mut pattern, false);
            if let Some(first) = pattern.first().copied() {
                map.entry(first).or_default().push(SpecialPattern {
                    pattern,
                    key,
                    pieces,
                });
            }
        }
        map
    })
}

/// spaCy's special-case matcher over the tokens of one chunk (all adjacent, no whitespace):
/// longest matches first, then leftmost; a match overlapping a taken one is skipped.
fn apply_special_cases<'a>(
    chunk: &'a str,
    chunk_tokens: &mut Vec<&'a str>,
    scratch: &mut Vec<&'a str>,
) {
    let patterns = special_patterns();
    let mut matches: Vec<(usize, usize, &SpecialPattern)> = Vec::new();
    for i in 0..chunk_tokens.len() {
        let Some(first) = chunk_tokens.get(i) else {
            break;
        };
        if let Some(list) = patterns.get(first) {
            for p in list {
                if chunk_tokens
                    .get(i..i + p.pattern.len())
                    .is_some_and(|t| t == p.pattern.as_slice())
                {
                    matches.push((i, i + p.pattern.len(), p));
                }
            }
        }
    }
    if matches.is_empty() {
        return;
    }
    matches.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut seen = vec![false; chunk_tokens.len()];
    let mut taken: Vec<(usize, usize, &SpecialPattern)> = Vec::new();
    for m in matches {
        if !seen.get(m.0).copied().unwrap_or(true) && !seen.get(m.1 - 1).copied().unwrap_or(true) {
            taken.push(m);
        }
        for s in seen.iter_mut().take(m.1).skip(m.0) {
            *s = true;
        }
    }
    taken.sort_by_key(|m| m.0);
    scratch.clear();
    let offset = |t: &str| (t.as_ptr() as usize).wrapping_sub(chunk.as_ptr() as usize);
    let mut i = 0;
    for (start, end, p) in taken {
        scratch.extend(chunk_tokens.get(i..start).unwrap_or_default());
        let span = chunk_tokens.get(start..end).unwrap_or_default();
        // The tokens are adjacent slices of `chunk`, so the span's text is a slice of it.
        let text = match (span.first(), span.last()) {
            (Some(f), Some(l)) => chunk.get(offset(f)..offset(l) + l.len()),
            _ => None,
        };
        match text {
            Some(text) if text == p.key => push_pieces(text, p.pieces, scratch),
            _ => scratch.extend(span),
        }
        i = end;
    }
    scratch.extend(chunk_tokens.get(i..).unwrap_or_default());
    std::mem::swap(chunk_tokens, scratch);
}

fn push_pieces<'a>(chunk: &'a str, pieces: &[&str], out: &mut Vec<&'a str>) {
    let mut at = 0;
    for p in pieces {
        let end = (at + p.len()).min(chunk.len());
        if let Some(piece) = chunk.get(at..end) {
            out.push(piece);
        }
        at = end;
    }
}

fn split_infixes<'a>(string: &'a str, out: &mut Vec<&'a str>) {
    let mut start = 0;
    let mut pos = 0;
    let mut found_any = false;
    while pos < string.len() {
        if let Some(len) = infix_at(string, pos) {
            found_any = true;
            // spaCy skips an infix at the very start of the string.
            if pos != 0 {
                if pos != start {
                    out.push(&string[start..pos]);
                }
                out.push(&string[pos..pos + len]);
                start = pos + len;
            }
            pos += len;
        } else {
            pos += string[pos..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if !found_any {
        out.push(string);
        return;
    }
    if start < string.len() {
        out.push(&string[start..]);
    }
}

/// Tokenizes one whitespace-free chunk as spaCy does, special-case matcher included.
fn chunk_tokens<'a>(chunk: &'a str, out: &mut Vec<&'a str>, scratch: &mut Vec<&'a str>) {
    out.clear();
    tokenize_chunk(chunk, out, true);
    if out.len() >= 2 {
        apply_special_cases(chunk, out, scratch);
    }
}

/// Calls `emit` with every token spaCy produces for `text`, including whitespace tokens
/// (runs of whitespace other than the single space after a word), flagged `true`.
pub(crate) fn for_each_token<'a>(text: &'a str, mut emit: impl FnMut(&'a str, bool)) {
    let mut buf = Vec::new();
    let mut scratch = Vec::new();
    let mut start = 0;
    let mut in_ws = text.chars().next().is_some_and(is_python_space);
    let mut flush =
        |span: &'a str, ws: bool, buf: &mut Vec<&'a str>, scratch: &mut Vec<&'a str>| {
            if ws {
                emit(span, true);
            } else {
                chunk_tokens(span, buf, scratch);
                for t in buf.iter() {
                    emit(t, false);
                }
            }
        };
    for (i, c) in text.char_indices() {
        let ws = is_python_space(c);
        if ws != in_ws {
            if start < i {
                flush(&text[start..i], in_ws, &mut buf, &mut scratch);
            }
            start = if c == ' ' { i + 1 } else { i };
            in_ws = ws;
        }
    }
    if start < text.len() {
        flush(&text[start..], in_ws, &mut buf, &mut scratch);
    }
}

/// Calls `emit` with each word of `text` as `spacy.blank("en")` followed by datatrove's
/// `strip_strings` would return it: whitespace tokens dropped, every token a slice of `text`.
pub fn for_each_word<'a>(text: &'a str, mut emit: impl FnMut(&'a str)) {
    let mut buf = Vec::new();
    let mut scratch = Vec::new();
    for chunk in text.split(is_python_space) {
        if !chunk.is_empty() {
            chunk_tokens(chunk, &mut buf, &mut scratch);
            for t in &buf {
                emit(t);
            }
        }
    }
}
