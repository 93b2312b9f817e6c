//! Line and paragraph splitting, and the Python string predicates datatrove's filters use.

use crate::spacy_en::class;
use crate::spacy_en_data::{
    PUNCTUATION_SET as PUNCT_SET, PY_ALPHA, TERMINAL_PUNCTUATION as TERMINAL,
};

/// datatrove's `TERMINAL_PUNCTUATION` (utils/text.py): characters that end a sentence in
/// many scripts; FineWeb's `line_punct_ratio` counts lines ending with one of them. Sorted.
pub const TERMINAL_PUNCTUATION: &[char] = TERMINAL;

/// datatrove's `PUNCTUATION_SET` (utils/text.py): a word made only of these is a "symbol" for
/// the Gopher quality filter. Sorted.
pub const PUNCTUATION_SET: &[char] = PUNCT_SET;

/// Is `c` in datatrove's [`PUNCTUATION_SET`]?
#[inline]
pub fn is_datatrove_punctuation(c: char) -> bool {
    PUNCT_SET.binary_search(&c).is_ok()
}

/// Is `c` in datatrove's [`TERMINAL_PUNCTUATION`]?
#[inline]
pub fn is_terminal_punctuation(c: char) -> bool {
    TERMINAL.binary_search(&c).is_ok()
}

/// Python's `str.isalpha()` for one character (Unicode categories Lu, Ll, Lt, Lm, Lo).
#[inline]
pub fn is_python_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        class(c) & PY_ALPHA != 0
    }
}

/// Python's `str.strip()`: removes leading and trailing whitespace as Python defines it.
#[inline]
pub fn python_strip(s: &str) -> &str {
    s.trim_matches(crate::is_python_space)
}

/// Lines of `text` as Python's `text.split("\n")`: `"a\n"` gives `["a", ""]`, `""` gives `[""]`.
pub fn split_lines(text: &str) -> std::str::Split<'_, char> {
    text.split('\n')
}

/// Python's line boundaries for `str.splitlines()`.
#[inline]
fn is_line_boundary(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Lines of `text` as Python's `text.splitlines()`: splits at `\n`, `\r\n`, `\r` and the other
/// Unicode line boundaries; no trailing empty line, `""` gives no lines.
///
/// ```
/// let lines: Vec<&str> = tamis_text::split_lines_python("a\r\nb\rc\n\nd\n").collect();
/// assert_eq!(lines, ["a", "b", "c", "", "d"]);
/// ```
pub fn split_lines_python(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.char_indices().find(|&(_, c)| is_line_boundary(c)) {
            Some((i, c)) => {
                let line = &rest[..i];
                let mut next = i + c.len_utf8();
                if c == '\r' && rest.as_bytes().get(next) == Some(&b'\n') {
                    next += 1;
                }
                rest = &rest[next..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
        }
    })
}

/// Paragraphs of `text` as Python's `re.split(r"\n{2,}", text)`: runs of two or more
/// newlines separate paragraphs; leading/trailing separators give empty paragraphs.
pub fn split_paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'\n') && bytes.get(i + 1) == Some(&b'\n') {
            let mut j = i;
            while bytes.get(j) == Some(&b'\n') {
                j += 1;
            }
            out.push(&text[start..i]);
            start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_like_python() {
        assert_eq!(split_paragraphs("a\n\nb\n\n\nc"), ["a", "b", "c"]);
        assert_eq!(split_paragraphs("a\nb"), ["a\nb"]);
        assert_eq!(split_paragraphs("\n\na\n\n"), ["", "a", ""]);
        assert_eq!(split_paragraphs(""), [""]);
    }

    #[test]
    fn lines_like_python() {
        assert_eq!(split_lines("a\n").collect::<Vec<_>>(), ["a", ""]);
        assert_eq!(split_lines("").collect::<Vec<_>>(), [""]);
        assert_eq!(split_lines_python("").count(), 0);
        assert_eq!(split_lines_python("\n").collect::<Vec<_>>(), [""]);
        assert_eq!(
            split_lines_python("a\u{2028}b").collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn python_predicates() {
        assert!(is_python_alpha('é') && is_python_alpha('Ж') && !is_python_alpha('1'));
        assert!(is_datatrove_punctuation('!') && !is_datatrove_punctuation('a'));
        assert!(is_terminal_punctuation('.') && is_terminal_punctuation('。'));
        assert_eq!(python_strip("\u{1c} a \u{a0}"), "a");
    }
}
