//! Line splitting, normalisation and reassembly shared by the cleaning steps.
//!
//! A document's text is a sequence of lines separated by `\n` (a trailing `\r` is ignored when
//! looking at a line but kept in the output). A *content* line has at least one non-whitespace
//! character; *blank* lines separate paragraphs. Steps decide which content lines to remove and
//! [`rebuild`] reassembles the text so that paragraph separation survives: between two kept
//! lines it keeps the longest run of blank lines that was between them (the exact original run
//! when nothing was removed in between).
//!
//! Lines of a Markdown table (`| a | b |`, `| --- | --- |`) are marked: their repetition is
//! the table's structure (a header row in every table, the same delimiter line), so the
//! line-removing steps leave them alone rather than break the table into loose lines.

use xxhash_rust::xxh3::xxh3_64;

/// One line of a text: its byte range (without the `\n`) and whether it has content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Byte offset of the first byte of the line.
    pub start: usize,
    /// Byte offset one past the last byte of the line, `\n` excluded.
    pub end: usize,
    /// Whether the line has a non-whitespace character.
    pub content: bool,
    /// Whether the line is a row or the delimiter line of a Markdown table.
    pub table: bool,
}

impl Line {
    /// The line's text without its trailing `\r`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        let s = text.get(self.start..self.end).unwrap_or("");
        s.strip_suffix('\r').unwrap_or(s)
    }
}

/// Splits `text` into lines. A final `\n` does not start an extra empty line.
pub(crate) fn split(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(line(text, start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(line(text, start, text.len()));
    }
    out
}

fn line(text: &str, start: usize, end: usize) -> Line {
    let s = text.get(start..end).unwrap_or("");
    let content =
        s.bytes().any(|b| !b.is_ascii_whitespace()) && s.chars().any(|c| !c.is_whitespace());
    Line {
        start,
        end,
        content,
        table: content && table_row(s),
    }
}

/// Whether `s` is a row of a Markdown table: it starts and ends with `|` and has a cell
/// between (`| a | b |`, `| --- |`).
fn table_row(s: &str) -> bool {
    let t = s.trim();
    t.len() >= 3 && t.starts_with('|') && t.ends_with('|')
}

/// Reassembles `text` without the content lines `i` for which `remove[i]` is true (`remove` is
/// indexed like `lines`; entries of blank lines are ignored). Returns an empty string if no
/// content line is kept.
pub(crate) fn rebuild(text: &str, lines: &[Line], remove: &[bool]) -> String {
    let removed = |i: usize| remove.get(i).copied().unwrap_or(false);
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].content && !removed(i))
        .collect();
    let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else {
        return String::new();
    };
    let first_content = lines.iter().position(|l| l.content).unwrap_or(first);
    let last_content = lines.iter().rposition(|l| l.content).unwrap_or(last);
    let mut out = String::with_capacity(text.len());
    if first == first_content {
        out.push_str(text.get(..lines[first].start).unwrap_or(""));
    }
    for pair in kept.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        out.push_str(text.get(lines[a].start..lines[a].end).unwrap_or(""));
        out.push('\n');
        // Longest run of blank lines strictly between a and b (first on ties).
        let mut best: (usize, usize) = (a + 1, a + 1);
        let mut run_start = a + 1;
        for (i, l) in lines.iter().enumerate().take(b + 1).skip(a + 1) {
            if i == b || l.content {
                if i - run_start > best.1 - best.0 {
                    best = (run_start, i);
                }
                run_start = i + 1;
            }
        }
        for l in &lines[best.0..best.1] {
            out.push_str(text.get(l.start..l.end).unwrap_or(""));
            out.push('\n');
        }
    }
    out.push_str(text.get(lines[last].start..lines[last].end).unwrap_or(""));
    if last == last_content {
        out.push_str(text.get(lines[last].end..).unwrap_or(""));
    } else if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Writes into `out` the normalised form of `line` used to compare lines: lowercase, runs of
/// whitespace collapsed to one space, no leading or trailing whitespace.
pub(crate) fn normalize_into(line: &str, out: &mut String) {
    out.clear();
    if line.is_ascii() {
        let mut pending_space = false;
        for &b in line.as_bytes() {
            if b.is_ascii_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return;
    }
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// 64-bit hash (XXH3) of a normalised line.
pub(crate) fn hash(normalized: &str) -> u64 {
    xxh3_64(normalized.as_bytes())
}

/// Puts the result of a line-removing step into `doc`: `cleaned` is `Some((text, lines
/// removed))` when lines were removed. Records `lines_removed` and `chars_removed` either way.
pub(crate) fn apply_cleaned(
    doc: &mut tamis_core::Document,
    ctx: &mut tamis_core::StepContext,
    cleaned: Option<(String, usize)>,
) -> tamis_core::Outcome {
    match cleaned {
        Some((text, removed)) => {
            ctx.record("lines_removed", removed as f64);
            ctx.record(
                "chars_removed",
                doc.text.len().saturating_sub(text.len()) as f64,
            );
            doc.text = text;
            tamis_core::Outcome::Modified
        }
        None => {
            ctx.record("lines_removed", 0.0);
            ctx.record("chars_removed", 0.0);
            tamis_core::Outcome::Keep
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drop_lines(text: &str, which: &[usize]) -> String {
        let lines = split(text);
        let mut remove = vec![false; lines.len()];
        for &i in which {
            remove[i] = true;
        }
        rebuild(text, &lines, &remove)
    }

    #[test]
    fn rebuild_without_removal_is_identity() {
        for t in [
            "",
            "a",
            "a\n",
            "\n\na\n\n\nb\n\n",
            "a\r\nb\r\n",
            "  \n x \n\t\n",
        ] {
            let lines = split(t);
            let remove = vec![false; lines.len()];
            let expect = if lines.iter().any(|l| l.content) {
                t.to_owned()
            } else {
                String::new()
            };
            assert_eq!(rebuild(t, &lines, &remove), expect, "{t:?}");
        }
    }

    #[test]
    fn rebuild_keeps_paragraph_separation() {
        assert_eq!(drop_lines("a\n\nb\n\nc\n", &[2]), "a\n\nc\n");
        assert_eq!(drop_lines("a\nb\nc", &[1]), "a\nc");
        assert_eq!(drop_lines("x\n\na\nb\n", &[0]), "a\nb\n");
        assert_eq!(drop_lines("a\nb\n\n\nx\n", &[4]), "a\nb\n");
        assert_eq!(drop_lines("a\nx\n\n\nb", &[1]), "a\n\n\nb");
        assert_eq!(drop_lines("x\ny", &[0, 1]), "");
    }

    #[test]
    fn markdown_table_rows_are_marked() {
        let t = "| a | b |\n| --- | :---: |\nText | not a row\n||\n  | x |  \n";
        let table: Vec<bool> = split(t).iter().map(|l| l.table).collect();
        assert_eq!(table, [true, true, false, false, true]);
    }

    #[test]
    fn normalisation_folds_case_and_spaces() {
        let mut s = String::new();
        normalize_into("  Hello \t  WORLD  Ünï ", &mut s);
        assert_eq!(s, "hello world ünï");
        normalize_into("  Hello \t  WORLD  ", &mut s);
        assert_eq!(s, "hello world");
        normalize_into("a\u{a0}b\u{3000}C", &mut s);
        assert_eq!(s, "a b c");
        normalize_into("", &mut s);
        assert_eq!(s, "");
    }
}
