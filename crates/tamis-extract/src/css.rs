//! The class names a page's own `<style>` text hides from the eye.
//!
//! Sites name their screen-reader-only class as they like (`u-hide-visually`, `a11y`, a
//! hashed CSS-module name); what they share is the rule's body: an absolutely positioned box
//! clipped to nothing (`clip: rect(0 0 0 0)`, `clip-path: inset(50%)`) or shrunk to one pixel
//! with its overflow hidden. A class whose unconditional rule (not inside `@media` or
//! `@supports`, bar `@media all`; not a nested rule) is a bare `.name` with such a body marks text that no state
//! shows; a class that another selector shows again (`.name.open`, `li:hover .name` setting
//! `position: static`, `clip: auto`, `width: auto`...) is left out, focus excepted (a "skip to
//! content" link shows on focus and stays a screen-reader link).
//!
//! The reading is one linear pass over at most [`MAX_CSS_BYTES`] of style text per page; it
//! parses no more CSS than it needs: blocks, preludes and declarations.

use std::collections::HashSet;

/// Most bytes of `<style>` text read per page. Our choice: frameworks' screen-reader rules
/// sit in the first stylesheets; a page inlining megabytes of CSS is not read past this.
pub const MAX_CSS_BYTES: usize = 256 * 1024;
/// Deepest block nesting followed; deeper blocks count as conditional.
const MAX_DEPTH: usize = 32;

/// Set of class names.
pub type ClassSet = HashSet<Box<str>, ahash::RandomState>;

/// What the style text read so far says.
#[derive(Debug, Default)]
pub struct CssScan {
    /// Bytes read so far.
    read: usize,
    /// Classes hidden by a bare unconditional rule.
    hidden: ClassSet,
    /// Classes that a compound, nested or conditional rule shows again.
    reshown: ClassSet,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// A style rule; its prelude is `src[start..end]` and its declarations follow `end`.
    Rule { start: usize, end: usize },
    /// `@media`, `@supports`, `@container` and other at-rules: what they hide depends on
    /// the screen or is no style rule.
    Conditional,
    /// `@layer`: unconditional.
    Layer,
}

impl CssScan {
    /// Reads one `<style>` element's text (what is left of the page's budget of it).
    pub fn scan(&mut self, css: &str) {
        let left = MAX_CSS_BYTES.saturating_sub(self.read);
        let src = css.as_bytes();
        let src = src.get(..src.len().min(left)).unwrap_or_default();
        self.read += src.len();
        let mut stack: Vec<Block> = Vec::new();
        // Blocks past MAX_DEPTH, not on the stack.
        let mut overflow = 0usize;
        let mut seg = 0;
        let mut i = 0;
        while let Some(&c) = src.get(i) {
            match c {
                b'/' if src.get(i + 1) == Some(&b'*') => {
                    let rest = src.get(i + 2..).unwrap_or_default();
                    i = memchr::memmem::find(rest, b"*/").map_or(src.len(), |k| i + 2 + k + 2);
                    continue;
                }
                b'"' | b'\'' => {
                    // To the closing quote, past escaped ones (`"\""`).
                    let mut k = i + 1;
                    i = loop {
                        let rest = src.get(k..).unwrap_or_default();
                        let Some(q) = memchr::memchr2(c, b'\\', rest) else {
                            break src.len();
                        };
                        if src.get(k + q) == Some(&c) {
                            break k + q + 1;
                        }
                        k += q + 2;
                    };
                    continue;
                }
                b'{' => {
                    let prelude = trim(src.get(seg..i).unwrap_or_default());
                    let block = if let Some(at) = prelude.strip_prefix(b"@") {
                        if unconditional(at) {
                            Block::Layer
                        } else {
                            Block::Conditional
                        }
                    } else {
                        Block::Rule { start: seg, end: i }
                    };
                    if stack.len() < MAX_DEPTH {
                        stack.push(block);
                    } else {
                        overflow += 1;
                    }
                    seg = i + 1;
                }
                b'}' => {
                    if overflow > 0 {
                        overflow -= 1;
                    } else if let Some(Block::Rule { start, end }) = stack.pop() {
                        // Unconditional: no enclosing rule or conditional block.
                        let top = stack.iter().all(|b| *b == Block::Layer);
                        let prelude = src.get(start..end).unwrap_or_default();
                        let body = src.get(end + 1..i).unwrap_or_default();
                        self.rule(prelude, body, top);
                    }
                    seg = i + 1;
                }
                b';' => seg = i + 1,
                _ => {}
            }
            i += 1;
        }
    }

    /// Notes one rule: its selector list and its declarations.
    fn rule(&mut self, prelude: &[u8], body: &[u8], top: bool) {
        let hides = top && hides_from_eye(body);
        let shows = shows_again(body);
        if !hides && !shows {
            return;
        }
        for sel in prelude.split(|&c| c == b',') {
            let sel = trim(sel);
            if let Some(name) = bare_class(sel) {
                if hides {
                    self.hidden.insert(name);
                } else if !top {
                    // A bare class shown again inside `@media` (hidden on phones only).
                    self.reshown.insert(name);
                }
                continue;
            }
            // Focus shows a skip link, which stays a screen-reader link.
            if !shows || contains_ci(sel, b":focus") || contains_ci(sel, b":active") {
                continue;
            }
            let mut k = 0;
            while k < sel.len() {
                if sel.get(k) == Some(&b'.') {
                    let (name, len) = ident(sel.get(k + 1..).unwrap_or_default());
                    if let Some(name) = name {
                        self.reshown.insert(name);
                    }
                    k += 1 + len;
                } else {
                    k += 1;
                }
            }
        }
    }

    /// The classes hidden and never shown again.
    pub fn finish(mut self) -> ClassSet {
        let reshown = std::mem::take(&mut self.reshown);
        self.hidden.retain(|c| !reshown.contains(c));
        self.hidden
    }
}

/// Whether an at-rule's blocks apply on every screen: `@layer`, and `@media` of the `all` or
/// `screen` type without a feature (`@media all`, bundlers' wrap of a whole stylesheet).
fn unconditional(at: &[u8]) -> bool {
    let lower = at.to_ascii_lowercase();
    if lower.starts_with(b"layer") {
        return true;
    }
    let Some(query) = lower.strip_prefix(b"media") else {
        return false;
    };
    !query.contains(&b'(')
        && query
            .split(|&c| c == b',' || c.is_ascii_whitespace())
            .filter(|t| !t.is_empty())
            .all(|t| matches!(t, b"all" | b"screen" | b"only"))
        && query.iter().any(|c| !c.is_ascii_whitespace())
}

fn trim(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// A selector that is one class and nothing else (`.sr-only`), its name unescaped.
fn bare_class(sel: &[u8]) -> Option<Box<str>> {
    let rest = sel.strip_prefix(b".")?;
    let (name, len) = ident(rest);
    (len == rest.len()).then_some(name).flatten()
}

/// The CSS identifier at the start of `s` (unescaped, `None` if there is none or it is no
/// UTF-8) and the bytes it takes.
fn ident(s: &[u8]) -> (Option<Box<str>>, usize) {
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(&c) = s.get(k) {
        if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c >= 0x80 {
            out.push(c);
            k += 1;
        } else if c == b'\\' {
            let hex = s
                .get(k + 1..)
                .unwrap_or_default()
                .iter()
                .take(6)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            if hex > 0 {
                let digits = std::str::from_utf8(s.get(k + 1..k + 1 + hex).unwrap_or_default())
                    .unwrap_or("0");
                let ch = u32::from_str_radix(digits, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                k += 1 + hex;
                // One whitespace ends a hex escape.
                if s.get(k).is_some_and(u8::is_ascii_whitespace) {
                    k += 1;
                }
            } else if let Some(&e) = s.get(k + 1).filter(|&&e| e != b'\n') {
                out.push(e);
                k += 2;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // An identifier starts with no digit (`.5em` is a number), nor with `-` and a digit.
    let starts_ok = match out.first() {
        Some(b'-') => !out.get(1).is_some_and(u8::is_ascii_digit),
        Some(c) => !c.is_ascii_digit(),
        None => false,
    };
    let name = starts_ok
        .then(|| String::from_utf8(out).ok().map(String::into_boxed_str))
        .flatten();
    (name, k)
}

/// The declarations of a rule, as (lowercase property, lowercase value without
/// `!important`, its spaces collapsed to one) pairs, to `f`.
fn declarations(body: &[u8], mut f: impl FnMut(&[u8], &[u8])) {
    let mut val = Vec::new();
    for decl in body.split(|&c| c == b';') {
        let Some(colon) = decl.iter().position(|&c| c == b':') else {
            continue;
        };
        let prop = trim(decl.get(..colon).unwrap_or_default());
        val.clear();
        for &c in trim(decl.get(colon + 1..).unwrap_or_default()) {
            if c.is_ascii_whitespace() {
                if val.last() != Some(&b' ') {
                    val.push(b' ');
                }
            } else {
                val.push(c.to_ascii_lowercase());
            }
        }
        if let Some(p) = val.windows(10).position(|w| w == b"!important") {
            val.truncate(p);
        }
        while val.last() == Some(&b' ') {
            val.pop();
        }
        let mut lower = [0u8; 24];
        if prop.len() > lower.len() {
            continue;
        }
        for (d, s) in lower.iter_mut().zip(prop) {
            *d = s.to_ascii_lowercase();
        }
        f(lower.get(..prop.len()).unwrap_or_default(), &val);
    }
}

/// Whether a length is no more than one pixel (`0`, `0px`, `1px`).
fn tiny(v: &[u8]) -> bool {
    matches!(v, b"0" | b"0px" | b"1px" | b"1")
}

/// The screen-reader pattern: an absolutely positioned box clipped to nothing, or shrunk to
/// one pixel with its overflow hidden.
fn hides_from_eye(body: &[u8]) -> bool {
    let (mut absolute, mut clipped, mut width, mut height, mut overflow) =
        (false, false, false, false, false);
    declarations(body, |prop, val| match prop {
        b"position" => absolute = matches!(val, b"absolute" | b"fixed"),
        b"clip" => {
            clipped |= val
                .strip_prefix(b"rect(")
                .and_then(|v| v.strip_suffix(b")"))
                .is_some_and(|v| {
                    v.split(|&c| c == b',' || c == b' ')
                        .filter(|t| !t.is_empty())
                        .all(tiny)
                });
        }
        b"clip-path" => {
            clipped |= matches!(
                val,
                b"inset(50%)" | b"inset(100%)" | b"inset(0 0 100% 100%)"
            )
        }
        b"width" => width = tiny(val),
        b"height" => height = tiny(val),
        b"overflow" => overflow = val == b"hidden",
        _ => {}
    });
    absolute && (clipped || (width && height && overflow))
}

/// Whether a rule undoes the pattern (a state or breakpoint that shows the element).
fn shows_again(body: &[u8]) -> bool {
    let mut shows = false;
    declarations(body, |prop, val| {
        shows |= match prop {
            b"position" => matches!(val, b"static" | b"relative" | b"initial" | b"unset"),
            b"clip" => matches!(val, b"auto" | b"initial" | b"unset"),
            b"clip-path" => matches!(val, b"none" | b"initial" | b"unset"),
            b"width" | b"height" => matches!(val, b"auto" | b"initial" | b"unset"),
            _ => false,
        };
    });
    shows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(css: &str) -> Vec<String> {
        let mut s = CssScan::default();
        s.scan(css);
        let mut v: Vec<String> = s.finish().iter().map(|c| c.to_string()).collect();
        v.sort();
        v
    }

    #[test]
    fn screen_reader_rules() {
        assert_eq!(
            hidden(
                ".a{display:inline}.css-vz7hjd{border:0;-webkit-clip:rect(0 0 0 0);clip:rect(0 0 0 0);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute}"
            ),
            ["css-vz7hjd"]
        );
        assert_eq!(
            hidden(
                ".x, .md\\:lbl{overflow:hidden;clip:rect(1px,1px,1px,1px);position:absolute!important;width:1px;height:1px}"
            ),
            ["md:lbl", "x"]
        );
        // Shown again by a state, inside @media, or nested: not collected.
        assert!(
            hidden(".t{position:absolute;clip-path:inset(50%)}.open .t{position:static}")
                .is_empty()
        );
        assert!(
            hidden("@media (max-width:600px){.m{position:absolute;clip:rect(0,0,0,0)}}").is_empty()
        );
        assert!(hidden(".m{position:absolute;clip:rect(0,0,0,0)}@media (min-width:600px){.m{position:relative;clip:auto}}").is_empty());
        assert_eq!(
            hidden("@media all{.w{position:absolute;clip:rect(0,0,0,0)}}"),
            ["w"]
        );
        assert_eq!(
            hidden(".q{content:\"\\\"{\"}.w{position:absolute;clip:rect(0,0,0,0)}"),
            ["w"]
        );
        // Focus shows a skip link, which stays hidden.
        assert_eq!(
            hidden(
                ".s{position:absolute;width:1px;height:1px;overflow:hidden}.s:focus{width:auto;height:auto}"
            ),
            ["s"]
        );
        // One pixel without hidden overflow shows its text.
        assert!(hidden(".p{position:absolute;width:1px;height:1px}").is_empty());
    }
}
