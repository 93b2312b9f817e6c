//! What a page's own `<style>` elements say about its class names.
//!
//! A class name says what its element is only in words the site chose (`sr-only`,
//! `visually-hidden`, or `css-1f8er69`, `_2VlMER4d` from CSS modules and CSS-in-JS). The rule
//! that styles it says the same thing in CSS, whatever the name: a rule that takes an element
//! out of the flow and clips it to nothing (`position: absolute; clip: rect(0 0 0 0); width:
//! 1px; height: 1px`) makes screen-reader-only text, shown to no one who looks at the page.
//! This reads inline style sheets for such rules, in one pass, without a full CSS parser.

/// The searcher of the word every screen-reader rule holds, built once (pages hold hundreds
/// of small `<style>` elements).
static CLIP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"clip"));

/// Longest style sheet read (bytes). Our choice: a longer one is a theme's whole style sheet
/// inlined (a fifth of the dev pages' sheets hold two thirds of their bytes), whose reading
/// would cost a few percent of the extraction time; the sheets that named screen-reader
/// classes on the dev pages were at most 60 KB.
const MAX_SHEET_BYTES: usize = 64 * 1024;

/// Most class names kept per page (a page declares one or two screen-reader classes; the
/// bound keeps a hostile style sheet from growing the list).
const MAX_CLASSES: usize = 32;

/// Reads style sheet `css` (up to [`MAX_SHEET_BYTES`]) and adds to `out` the class names that a rule of the sheet's top
/// level (or of an `@layer` block) selects alone (`.name`, among the rule's comma-separated
/// selectors) and clips to nothing ([`clips_to_nothing`]). Rules inside `@media`, `@supports`
/// and other conditional blocks are skipped: they hide an element on some screens only
/// (`md:sr-only`).
pub(crate) fn screen_reader_classes(css: &str, out: &mut Vec<String>) {
    let b = css.as_bytes();
    if b.len() > MAX_SHEET_BYTES {
        return;
    }
    // Every such rule clips the element (`clip`, `clip-path`): only the rules holding the
    // word are read, and a sheet without it is passed at once.
    let marks: Vec<usize> = CLIP.find_iter(b).collect();
    if marks.is_empty() {
        return;
    }
    let mut m = 0;
    let mut pos = 0;
    // Past the last mark no rule is read.
    while out.len() < MAX_CLASSES && marks.last().is_some_and(|&k| k >= pos) {
        // Prelude: up to the next `{` (a `}` closes an `@layer` block). Braces inside comments
        // and strings are not told apart: a sheet so written is misread, not harmful.
        let Some(e) = b.get(pos..).and_then(|r| memchr::memchr2(b'{', b'}', r)) else {
            return;
        };
        let e = pos + e;
        let start = pos;
        pos = e + 1;
        if b.get(e) != Some(&b'{') {
            continue;
        }
        // Past statements (`@import ...;`) and comments before the rule; most preludes hold
        // no at-rule and are read only when their rule holds a mark.
        let raw = css.get(start..e).unwrap_or("");
        let prelude = || {
            let p = raw.rsplit("*/").next().unwrap_or(raw);
            p.rsplit(';').next().unwrap_or(p).trim()
        };
        if memchr::memchr(b'@', raw.as_bytes()).is_some()
            && let Some(at) = prelude().strip_prefix('@')
        {
            let at = at.trim_start().as_bytes();
            if at
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"layer"))
            {
                // `@layer name { rules }`: its rules are read as top-level ones.
                continue;
            }
            pos = skip_block(b, pos);
            continue;
        }
        // A qualified rule: the declarations up to the matching `}`.
        let body_start = pos;
        pos = skip_block(b, pos);
        while marks.get(m).is_some_and(|&k| k < body_start) {
            m += 1;
        }
        if marks.get(m).is_none_or(|&k| k >= pos) {
            continue;
        }
        let prelude = prelude();
        let body = css.get(body_start..pos.saturating_sub(1)).unwrap_or("");
        if body.contains('{') || !clips_to_nothing(body) {
            continue;
        }
        for sel in prelude.split(',') {
            if let Some(name) = bare_class(sel.trim())
                && !out.contains(&name)
                && out.len() < MAX_CLASSES
            {
                out.push(name);
            }
        }
    }
}

/// Position just past the `}` closing the block whose `{` ends before `pos`, or the end of
/// `b`.
fn skip_block(b: &[u8], mut pos: usize) -> usize {
    let mut depth = 1usize;
    while let Some(k) = b.get(pos..).and_then(|r| memchr::memchr2(b'{', b'}', r)) {
        pos += k;
        if b.get(pos) == Some(&b'{') {
            depth += 1;
        } else {
            depth -= 1;
            if depth == 0 {
                return pos + 1;
            }
        }
        pos += 1;
    }
    b.len()
}

/// The class name of a selector made of one class and nothing else (`.sr-only`), with CSS
/// escapes decoded (`.md\:hidden` is `md:hidden`).
fn bare_class(sel: &str) -> Option<String> {
    let rest = sel.strip_prefix('.')?;
    let mut name = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let mut hex = String::new();
            while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
                hex.extend(chars.next());
            }
            if hex.is_empty() {
                name.extend(chars.next());
            } else {
                name.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                if chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
        } else if c.is_alphanumeric() || c == '-' || c == '_' || !c.is_ascii() {
            name.push(c);
        } else {
            // A combinator, pseudo-class or second selector: not a bare class.
            return None;
        }
    }
    (!name.is_empty()).then_some(name)
}

/// Whether declarations `body` take the element out of the flow (`position: absolute` or
/// `fixed`) and clip it to nothing (`clip: rect(0 0 0 0)`, `clip: rect(1px, 1px, 1px, 1px)`,
/// `clip-path: inset(50%)`): nothing of it is left to see.
fn clips_to_nothing(body: &str) -> bool {
    let (mut absolute, mut clipped) = (false, false);
    for decl in body.split(';') {
        let Some((prop, value)) = decl.split_once(':') else {
            continue;
        };
        let prop = prop.trim();
        let value = value.replace("!important", "").trim().to_ascii_lowercase();
        if prop.eq_ignore_ascii_case("position") {
            absolute = value == "absolute" || value == "fixed";
        } else if prop.eq_ignore_ascii_case("clip") {
            clipped = value.strip_prefix("rect(").is_some_and(|r| {
                r.trim_end_matches(')')
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|t| !t.is_empty())
                    .all(|t| matches!(t, "0" | "0px" | "1px"))
            });
        } else if prop.eq_ignore_ascii_case("clip-path") {
            clipped = value.starts_with("inset(50%") || value.starts_with("inset(100%");
        }
    }
    absolute && clipped
}

#[cfg(test)]
mod tests {
    use super::screen_reader_classes;

    fn classes(css: &str) -> Vec<String> {
        let mut v = Vec::new();
        screen_reader_classes(css, &mut v);
        v
    }

    #[test]
    fn clipped_classes_are_found() {
        assert_eq!(
            classes(
                ".a{color:red}.h1f{position:absolute!important;width:1px;height:1px;\
                 overflow:hidden;clip:rect(0 0 0 0)}.b,.c:focus{position:absolute;\
                 clip-path:inset(50%)}"
            ),
            vec!["h1f", "b"]
        );
        assert_eq!(
            classes(r".md\:sr{position:absolute;clip:rect(1px,1px,1px,1px)}"),
            vec!["md:sr"]
        );
        assert_eq!(
            classes("@layer u{.y{position:absolute;width:1px;height:1px;clip:rect(0,0,0,0)}}"),
            vec!["y"]
        );
    }

    #[test]
    fn shown_or_conditional_rules_are_not() {
        // Only on narrow screens, or not clipped, or not out of the flow.
        assert!(
            classes("@media (max-width:600px){.a{position:absolute;clip:rect(0 0 0 0)}}")
                .is_empty()
        );
        assert!(classes(".a{position:absolute;width:1px;height:1px}").is_empty());
        assert!(classes(".a{clip:rect(0 0 0 0);overflow:hidden}").is_empty());
        assert!(classes(".a{position:absolute;clip:rect(0 0 20px 0)}").is_empty());
        assert!(classes("div .a{position:absolute;clip:rect(0 0 0 0)}").is_empty());
        assert!(classes("/* .a{position:absolute;clip:rect(0 0 0 0)} */").is_empty());
    }
}
