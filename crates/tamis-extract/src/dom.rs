//! A fault-tolerant HTML tokenizer and tree builder producing a flat, pre-ordered arena.
//!
//! Design points:
//!
//! * **Pre-order arena.** Nodes are appended in document order and never moved, so the subtree
//!   of node `i` is exactly the index range `i..nodes[i].end`. Every later pass (scoring,
//!   rendering) walks ranges with loops: no recursion, so depth cannot overflow the stack.
//! * **Depth cap.** Past `max_depth` open elements, new elements are added as empty leaves and
//!   their content goes to the deepest open element; the page is marked truncated.
//! * **HTML5-like recovery** for the cases that matter to text extraction: implied end tags
//!   (`<p>`, `<li>`, `<dd>`, `<dt>`, table rows and cells, `<option>`), end tags matched through
//!   scopes (an unmatched `</span>` does not close a `<div>`), raw-text elements (`<script>`,
//!   `<style>`, `<textarea>`, `<title>`...), comments, doctype, CDATA. No node is ever
//!   reparented (no adoption agency, no foster parenting): enough for text, and linear time.
//! * Only attributes used by extraction are kept ([`Attr`]); text is entity-decoded.

use crate::classes::{ClassHints, classify};
use crate::tag::Tag;
use std::collections::HashMap;

/// Sentinel for "no node".
pub const NONE: u32 = u32::MAX;

/// Attributes kept by the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Attr {
    Id,
    Class,
    Role,
    Itemprop,
    Itemtype,
    Href,
    Alt,
    AriaHidden,
    Hidden,
    Style,
    Name,
    Property,
    Content,
    Rel,
    Lang,
    Datetime,
    Type,
    AriaLabel,
    /// `aria-expanded`: the element opens and closes a region (a disclosure's toggle).
    AriaExpanded,
    Colspan,
    /// `data-nosnippet`: Google's mark of text kept out of search snippets.
    DataNosnippet,
    /// `aria-labelledby`: the ids of the elements naming this one.
    AriaLabelledby,
    /// `aria-describedby`: the ids of the elements describing this one.
    AriaDescribedby,
    /// `aria-selected`: the element is a tab (or option) that can be the selected one.
    AriaSelected,
    /// `aria-controls`: the ids of the elements this one shows, hides or switches.
    AriaControls,
    /// `aria-modal`: the element is a modal dialog (ARIA allows it on dialogs only).
    AriaModal,
}

impl Attr {
    fn from_name(name: &[u8]) -> Option<Attr> {
        let mut buf = [0u8; 16];
        if name.len() > buf.len() {
            return None;
        }
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        Some(match buf.get(..name.len()).unwrap_or_default() {
            b"id" => Attr::Id,
            b"class" => Attr::Class,
            b"role" => Attr::Role,
            b"itemprop" => Attr::Itemprop,
            b"itemtype" => Attr::Itemtype,
            b"href" => Attr::Href,
            b"alt" => Attr::Alt,
            b"aria-hidden" => Attr::AriaHidden,
            b"hidden" => Attr::Hidden,
            b"style" => Attr::Style,
            b"name" => Attr::Name,
            b"property" => Attr::Property,
            b"content" => Attr::Content,
            b"rel" => Attr::Rel,
            b"lang" => Attr::Lang,
            b"datetime" => Attr::Datetime,
            b"type" => Attr::Type,
            b"aria-label" => Attr::AriaLabel,
            b"aria-expanded" => Attr::AriaExpanded,
            b"colspan" => Attr::Colspan,
            b"data-nosnippet" => Attr::DataNosnippet,
            b"aria-labelledby" => Attr::AriaLabelledby,
            b"aria-describedby" => Attr::AriaDescribedby,
            b"aria-selected" => Attr::AriaSelected,
            b"aria-controls" => Attr::AriaControls,
            b"aria-modal" => Attr::AriaModal,
            _ => return None,
        })
    }
}

/// One node of the arena.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// Element kind; [`Tag::Text`] for text nodes.
    pub tag: Tag,
    /// Parent index ([`NONE`] for the root).
    pub parent: u32,
    /// One past the last index of this node's subtree.
    pub end: u32,
    /// Text nodes: start of the text in [`Dom::text`]. Elements: first attribute in [`Dom::attrs`].
    pub a: u32,
    /// Text nodes: end of the text. Elements: one past the last attribute.
    pub b: u32,
}

/// Fewest words of an id read as a heading's slug ([`Dom::id_is_heading_slug`]). Our choice.
const MIN_SLUG_WORDS: usize = 3;
/// Most nodes read for the heading of an id's element, and of that heading's text.
const MAX_SLUG_HEADING_NODES: usize = 16;

/// A parsed document.
#[derive(Debug, Default)]
pub struct Dom {
    /// Nodes in document order; index 0 is the root.
    pub nodes: Vec<Node>,
    /// Decoded text of all text nodes, concatenated.
    pub text: String,
    /// Attributes: (name, value start, value end in [`Dom::attr_text`]).
    pub attrs: Vec<(Attr, u32, u32)>,
    /// Decoded attribute values, concatenated.
    pub attr_text: String,
    /// True if the depth cap flattened part of the page.
    pub depth_capped: bool,
    /// What each element's `class` (low 16 bits) and its `class` then `id` (high 16 bits) say
    /// ([`crate::classes::classify`], packed), filled on first use: pruning asks about most
    /// elements more than once, and pages repeat a few class values on thousands of elements.
    hints: std::cell::OnceCell<Vec<u32>>,
    /// Class names that the page's own `<style>` elements clip to nothing: screen-reader-only
    /// text, whatever the names ([`crate::css::screen_reader_classes`]).
    pub sr_classes: Vec<String>,
}

impl Dom {
    /// What element `i`'s `class` says ([`classify`]); default hints for text nodes and
    /// elements without one.
    pub fn class_hints(&self, i: usize) -> ClassHints {
        ClassHints::unpack(self.hints_of(i) as u16)
    }

    /// What element `i`'s `class` and then its `id` say, both classified into one
    /// [`ClassHints`] (the id's words count with the class's).
    pub fn class_id_hints(&self, i: usize) -> ClassHints {
        ClassHints::unpack((self.hints_of(i) >> 16) as u16)
    }

    fn hints_of(&self, i: usize) -> u32 {
        let table = self.hints.get_or_init(|| {
            // Each distinct class value is classified once.
            // Sized for about one distinct value per 16 nodes (what pages hold), to spare
            // most of the table's growth steps.
            let mut seen: HashMap<&str, ClassHints, ahash::RandomState> =
                HashMap::with_capacity_and_hasher(self.nodes.len() / 16, Default::default());
            (0..self.nodes.len())
                .map(|k| {
                    // Text nodes and elements without a kept attribute hold neither.
                    if self
                        .nodes
                        .get(k)
                        .is_none_or(|n| n.tag == Tag::Text || n.a == n.b)
                    {
                        return 0;
                    }
                    let class = self.attr(k, Attr::Class);
                    let id = self.attr(k, Attr::Id);
                    if class.is_none() && id.is_none() {
                        return 0;
                    }
                    let mut h = class.map_or_else(ClassHints::default, |c| {
                        *seen.entry(c).or_insert_with(|| {
                            let mut h = ClassHints::default();
                            classify(c, &mut h);
                            if !self.sr_classes.is_empty()
                                && c.split_ascii_whitespace()
                                    .any(|t| self.sr_classes.iter().any(|s| s == t))
                            {
                                h.hidden = true;
                                h.screen_reader = true;
                            }
                            h
                        })
                    });
                    let low = u32::from(h.pack());
                    if let Some(id) = id {
                        let mut with_id = h;
                        classify(id, &mut with_id);
                        if with_id != h && !self.id_is_heading_slug(k, id) {
                            h = with_id;
                        }
                    }
                    low | (u32::from(h.pack()) << 16)
                })
                .collect()
        });
        table.get(i).copied().unwrap_or(0)
    }

    /// Whether `id` is made from the words of element `i`'s heading (itself, or the first
    /// heading among its first [`MAX_SLUG_HEADING_NODES`] nodes): a slug that documentation
    /// and Markdown generators derive from the heading's text (`<section
    /// id="respond-to-review-comments"><h2>Respond to review comments</h2>`). Such an id
    /// says what the section is about, not which part of the template it is. An id of one or
    /// two words (`comments`, `related-posts`) is read as the template's name unless the
    /// heading links to it (`<h2>Cookie Objects<a class=headerlink href="#cookie-objects">`:
    /// the permalink generators put on the document's own sections).
    fn id_is_heading_slug(&self, i: usize, id: &str) -> bool {
        let words = id
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()));
        let n = words.clone().count();
        if n == 0 {
            return false;
        }
        let end = self.end(i).min(i + MAX_SLUG_HEADING_NODES);
        let Some(h) = (i..end).find(|&k| self.tag(k).is_heading()) else {
            return false;
        };
        let nodes = h..self.end(h).min(h + MAX_SLUG_HEADING_NODES);
        let mut text = String::new();
        for k in nodes.clone() {
            text.push_str(self.text_of(k));
            text.push(' ');
        }
        let text = text.to_lowercase();
        let heading: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        let made_of_heading = words
            .map(str::to_lowercase)
            .all(|w| heading.contains(&w.as_str()));
        made_of_heading
            && (n >= MIN_SLUG_WORDS
                || nodes.clone().any(|k| {
                    self.tag(k) == Tag::A
                        && self
                            .attr(k, Attr::Href)
                            .is_some_and(|href| href.strip_prefix('#') == Some(id))
                }))
    }

    /// Text of a text node (empty for elements).
    pub fn text_of(&self, i: usize) -> &str {
        match self.nodes.get(i) {
            Some(n) if n.tag == Tag::Text => {
                self.text.get(n.a as usize..n.b as usize).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Value of attribute `attr` on element `i`.
    pub fn attr(&self, i: usize, attr: Attr) -> Option<&str> {
        let n = self.nodes.get(i)?;
        if n.tag == Tag::Text || n.tag == Tag::Root {
            return None;
        }
        let list = self.attrs.get(n.a as usize..n.b as usize)?;
        let &(_, s, e) = list.iter().find(|(a, _, _)| *a == attr)?;
        self.attr_text.get(s as usize..e as usize)
    }

    /// Tag of node `i` ([`Tag::Root`] if out of range).
    pub fn tag(&self, i: usize) -> Tag {
        self.nodes.get(i).map_or(Tag::Root, |n| n.tag)
    }

    /// One past the last node of `i`'s subtree.
    pub fn end(&self, i: usize) -> usize {
        self.nodes.get(i).map_or(i + 1, |n| n.end as usize)
    }

    /// Parent of `i`, if any.
    pub fn parent(&self, i: usize) -> Option<usize> {
        let p = self.nodes.get(i)?.parent;
        (p != NONE).then_some(p as usize)
    }

    /// `i` and then its ancestors, nearest first (callers bound the walk with `take`).
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(i), move |&k| self.parent(k))
    }

    /// Next sibling of `i` (an element or a text node), if any: the node after its subtree,
    /// when it has the same parent.
    pub fn next_sibling(&self, i: usize) -> Option<usize> {
        let next = self.end(i);
        (next < self.nodes.len() && self.parent(next)? == self.parent(i)?).then_some(next)
    }

    /// Previous sibling of `i` (an element or a text node), if any. Nodes are in document
    /// order: the node before `i` is that sibling or its last descendant.
    pub fn previous_sibling(&self, i: usize) -> Option<usize> {
        let parent = self.parent(i)?;
        if i <= parent + 1 {
            return None;
        }
        let mut k = i - 1;
        while let Some(p) = self.parent(k) {
            if p == parent {
                return Some(k);
            }
            k = p;
        }
        None
    }

    /// All text of the subtree of `i`, concatenated without separators.
    pub fn subtree_text(&self, i: usize, out: &mut String) {
        for j in i..self.end(i) {
            out.push_str(self.text_of(j));
        }
    }
}

/// An open element on the builder's stack.
#[derive(Clone, Copy)]
struct Open {
    node: u32,
    tag: Tag,
    /// Hash of the lowercase name, to match end tags of unknown elements.
    name_hash: u32,
}

/// Parses `src` into a [`Dom`]. At most `max_depth` elements are open at once.
pub fn parse(src: &str, max_depth: usize) -> Dom {
    let mut b = Builder {
        src: src.as_bytes(),
        src_str: src,
        pos: 0,
        dom: Dom::default(),
        stack: Vec::with_capacity(64),
        max_depth: max_depth.max(4),
        seen_body: false,
        seen_head: false,
        open_counts: [0; 256],
    };
    b.dom.nodes.reserve(src.len() / 40);
    b.dom.text.reserve(src.len() / 3);
    b.dom.attrs.reserve(src.len() / 40);
    b.dom.attr_text.reserve(src.len() / 8);
    b.dom.nodes.push(Node {
        tag: Tag::Root,
        parent: NONE,
        end: 1,
        a: 0,
        b: 0,
    });
    b.run();
    b.finish()
}

struct Builder<'a> {
    src: &'a [u8],
    src_str: &'a str,
    pos: usize,
    dom: Dom,
    stack: Vec<Open>,
    max_depth: usize,
    seen_body: bool,
    seen_head: bool,
    /// Number of open elements per tag, to skip stack walks for tags that are not open.
    open_counts: [u32; 256],
}

fn name_hash(name: &[u8]) -> u32 {
    // FNV-1a over the lowercase bytes.
    let mut h: u32 = 0x811c_9dc5;
    for &c in name {
        h ^= u32::from(c.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\t' | b'\r' | b'\x0c')
}

impl<'a> Builder<'a> {
    fn byte(&self, i: usize) -> Option<u8> {
        self.src.get(i).copied()
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.src_str.get(a..b).unwrap_or("")
    }

    fn run(&mut self) {
        while self.pos < self.src.len() {
            let rest = self.src.get(self.pos..).unwrap_or_default();
            let lt = memchr_short(b'<', rest).map_or(self.src.len(), |i| self.pos + i);
            if lt > self.pos {
                let text = self.slice(self.pos, lt);
                self.add_text(text);
            }
            self.pos = lt;
            if lt >= self.src.len() {
                break;
            }
            self.markup();
        }
    }

    /// At a `<`: dispatches on what follows.
    fn markup(&mut self) {
        let p = self.pos;
        match self.byte(p + 1) {
            Some(b'!') => {
                if self.src.get(p + 2..p + 4) == Some(b"--") {
                    self.skip_past(p + 4, b"-->");
                } else if self
                    .src
                    .get(p + 2..p + 9)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"[CDATA["))
                {
                    let start = p + 9;
                    let end = find(self.src, start, b"]]>").unwrap_or(self.src.len());
                    let text = self.slice(start, end);
                    self.add_raw_text(text);
                    self.pos = (end + 3).min(self.src.len());
                } else {
                    self.skip_past(p + 2, b">");
                }
            }
            Some(b'?') => self.skip_past(p + 2, b">"),
            Some(b'/') => match self.byte(p + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.end_tag(),
                Some(b'>') => self.pos = p + 3,
                _ => self.skip_past(p + 2, b">"),
            },
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(),
            _ => {
                self.add_text("<");
                self.pos = p + 1;
            }
        }
    }

    fn skip_past(&mut self, from: usize, needle: &[u8]) {
        self.pos = find(self.src, from, needle).map_or(self.src.len(), |i| i + needle.len());
    }

    fn read_name(&mut self) -> (usize, usize) {
        let start = self.pos;
        let mut i = start;
        while let Some(c) = self.byte(i) {
            if is_ws(c) || c == b'/' || c == b'>' {
                break;
            }
            i += 1;
        }
        self.pos = i;
        (start, i)
    }

    fn end_tag(&mut self) {
        self.pos += 2;
        let (s, e) = self.read_name();
        let name = self.src.get(s..e).unwrap_or_default();
        let tag = Tag::from_name(name);
        let hash = name_hash(name);
        // Skip to the closing '>'.
        self.skip_past(self.pos, b">");
        self.close(tag, hash);
    }

    fn start_tag(&mut self) {
        self.pos += 1;
        let (s, e) = self.read_name();
        let name = self.src.get(s..e).unwrap_or_default();
        let tag = Tag::from_name(name);
        let hash = name_hash(name);
        let attr_start = self.dom.attrs.len();
        let self_closing = self.attributes();
        let attr_end = self.dom.attrs.len();
        self.open(tag, hash, attr_start, attr_end, self_closing);
        if tag.is_raw_text() {
            self.raw_text(tag, name, attr_start, attr_end);
        }
    }

    /// Parses attributes up to and including `>`. Returns whether the tag ended with `/>`.
    fn attributes(&mut self) -> bool {
        let mut self_closing = false;
        loop {
            while self.byte(self.pos).is_some_and(is_ws) {
                self.pos += 1;
            }
            match self.byte(self.pos) {
                None => return self_closing,
                Some(b'>') => {
                    self.pos += 1;
                    return self_closing;
                }
                Some(b'/') => {
                    self.pos += 1;
                    self_closing = true;
                    continue;
                }
                Some(_) => self_closing = false,
            }
            // Name: up to whitespace, '/', '>' or '=' (a leading '=' belongs to the name).
            let ns = self.pos;
            let mut i = ns + 1;
            while let Some(c) = self.byte(i) {
                if is_ws(c) || c == b'/' || c == b'>' || c == b'=' {
                    break;
                }
                i += 1;
            }
            let name = self.src.get(ns..i).unwrap_or_default();
            self.pos = i;
            while self.byte(self.pos).is_some_and(is_ws) {
                self.pos += 1;
            }
            let mut value = (0, 0);
            if self.byte(self.pos) == Some(b'=') {
                self.pos += 1;
                while self.byte(self.pos).is_some_and(is_ws) {
                    self.pos += 1;
                }
                match self.byte(self.pos) {
                    Some(q @ (b'"' | b'\'')) => {
                        let vs = self.pos + 1;
                        let rest = self.src.get(vs..).unwrap_or_default();
                        let ve = memchr::memchr(q, rest).map_or(self.src.len(), |k| vs + k);
                        value = (vs, ve);
                        self.pos = (ve + 1).min(self.src.len());
                    }
                    _ => {
                        let vs = self.pos;
                        let mut k = vs;
                        while let Some(c) = self.byte(k) {
                            if is_ws(c) || c == b'>' {
                                break;
                            }
                            k += 1;
                        }
                        value = (vs, k);
                        self.pos = k;
                    }
                }
            }
            if let Some(attr) = Attr::from_name(name) {
                let raw = self.slice(value.0, value.1);
                let vs = self.dom.attr_text.len();
                if raw.contains('&') {
                    html_escape::decode_html_entities_to_string(raw, &mut self.dom.attr_text);
                } else {
                    self.dom.attr_text.push_str(raw);
                }
                let ve = self.dom.attr_text.len();
                self.dom.attrs.push((attr, vs as u32, ve as u32));
            }
        }
    }

    /// Reads the content of a raw-text element up to its end tag.
    fn raw_text(&mut self, tag: Tag, name: &[u8], attr_start: usize, attr_end: usize) {
        let start = self.pos;
        let end = if tag == Tag::Plaintext {
            self.src.len()
        } else {
            find_end_tag(self.src, start, name).unwrap_or(self.src.len())
        };
        if tag == Tag::Style {
            crate::css::screen_reader_classes(self.slice(start, end), &mut self.dom.sr_classes);
        }
        let keep = match tag {
            Tag::Title | Tag::Xmp | Tag::Plaintext => true,
            Tag::Script => self
                .dom
                .attrs
                .get(attr_start..attr_end)
                .and_then(|l| l.iter().find(|(a, _, _)| *a == Attr::Type))
                .and_then(|&(_, s, e)| self.dom.attr_text.get(s as usize..e as usize))
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")),
            _ => false,
        };
        if keep {
            let text = self.slice(start, end);
            if tag == Tag::Script {
                self.add_raw_text(text);
            } else {
                self.add_text(text);
            }
        }
        self.pos = end;
        if end < self.src.len() {
            // Consume the end tag and close the element.
            self.pos = end + 2;
            let (s, e) = self.read_name();
            let hash = name_hash(self.src.get(s..e).unwrap_or_default());
            self.skip_past(self.pos, b">");
            self.close(tag, hash);
        }
    }

    fn top(&self) -> u32 {
        self.stack.last().map_or(0, |o| o.node)
    }

    fn top_tag(&self) -> Tag {
        self.stack.last().map_or(Tag::Root, |o| o.tag)
    }

    /// True when the open element's last child is an inline element (or text): whitespace
    /// after it separates words.
    fn follows_inline(&self) -> bool {
        let top = self.top();
        let Some(mut i) = self.dom.nodes.len().checked_sub(1) else {
            return false;
        };
        // Climb from the last node to the child of the open element.
        loop {
            let Some(n) = self.dom.nodes.get(i) else {
                return false;
            };
            if i as u32 == top {
                return false; // no child yet
            }
            if n.parent == top {
                return !n.tag.is_block();
            }
            if n.parent == NONE {
                return false;
            }
            i = n.parent as usize;
        }
    }

    fn push_node(&mut self, tag: Tag, a: usize, b: usize) -> u32 {
        let id = self.dom.nodes.len() as u32;
        let parent = self.top();
        self.dom.nodes.push(Node {
            tag,
            parent,
            end: id + 1,
            a: a as u32,
            b: b as u32,
        });
        id
    }

    fn add_text(&mut self, raw: &str) {
        // Inside `<pre>` whitespace is text: the line breaks between a syntax highlighter's
        // `<span>`s are the code's lines. Only right in the `<pre>` or in an inline element:
        // blocks inside a `<pre>` (or after one left unclosed) stay as they are.
        if raw.bytes().all(is_ws)
            && !(self.is_open(Tag::Pre) && {
                let t = self.top_tag();
                t == Tag::Pre || !t.is_block()
            })
        {
            // Whitespace between block containers carries nothing; between inline elements
            // it is a word separator, also when their parent is a block:
            // `<div><span>Size</span> <span>44</span></div>` reads "Size 44".
            let t = self.top_tag();
            if t == Tag::Head || t == Tag::Root {
                return;
            }
            if t.is_block() && t != Tag::P && !self.follows_inline() {
                return;
            }
            self.append_text(" ");
            return;
        }
        if self.top_tag() == Tag::Head {
            self.pop_to(self.stack.len().saturating_sub(1));
        }
        if raw.contains('&') {
            let start = self.dom.text.len();
            html_escape::decode_html_entities_to_string(raw, &mut self.dom.text);
            self.finish_text(start);
        } else {
            self.append_text(raw);
        }
    }

    /// Adds text without entity decoding (CDATA, JSON-LD).
    fn add_raw_text(&mut self, raw: &str) {
        self.append_text(raw);
    }

    fn append_text(&mut self, s: &str) {
        let start = self.dom.text.len();
        self.dom.text.push_str(s);
        self.finish_text(start);
    }

    fn finish_text(&mut self, start: usize) {
        let end = self.dom.text.len();
        // Merge with a directly preceding text sibling.
        let top = self.top();
        if let Some(last) = self.dom.nodes.last_mut()
            && last.tag == Tag::Text
            && last.b as usize == start
            && last.parent == top
        {
            last.b = end as u32;
            return;
        }
        self.push_node(Tag::Text, start, end);
    }

    /// Index in the stack of the nearest open element satisfying `hit`, stopping (None) at an
    /// element satisfying `stop`.
    fn find_open(&self, hit: impl Fn(&Open) -> bool, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for (k, o) in self.stack.iter().enumerate().rev() {
            if hit(o) {
                return Some(k);
            }
            if stop(o.tag) {
                return None;
            }
        }
        None
    }

    /// Pops the stack down to (and including) index `k`, fixing subtree ends.
    fn pop_to(&mut self, k: usize) {
        let end = self.dom.nodes.len() as u32;
        while self.stack.len() > k {
            if let Some(o) = self.stack.pop() {
                if let Some(c) = self.open_counts.get_mut(o.tag as usize) {
                    *c = c.saturating_sub(1);
                }
                if let Some(n) = self.dom.nodes.get_mut(o.node as usize) {
                    n.end = end;
                }
            }
        }
    }

    fn is_open(&self, tag: Tag) -> bool {
        self.open_counts.get(tag as usize).is_some_and(|&c| c > 0)
    }

    fn close_p(&mut self) {
        if !self.is_open(Tag::P) {
            return;
        }
        if let Some(k) = self.find_open(
            |o| o.tag == Tag::P,
            |t| t.is_scope_boundary() || t == Tag::Button,
        ) {
            self.pop_to(k);
        }
    }

    fn open(&mut self, tag: Tag, hash: u32, a: usize, b: usize, self_closing: bool) {
        match tag {
            Tag::Html if (!self.stack.is_empty() || self.dom.nodes.len() > 1) => {
                return;
            }
            Tag::Head => {
                if self.seen_head || self.seen_body {
                    return;
                }
                self.seen_head = true;
            }
            Tag::Body => {
                if self.seen_body {
                    return;
                }
                self.seen_body = true;
                if let Some(k) = self.find_open(|o| o.tag == Tag::Head, |_| false) {
                    self.pop_to(k);
                }
            }
            _ => {}
        }
        // HTML block and phrasing start tags break out of unclosed <svg>/<math> (WHATWG
        // "rules for parsing tokens in foreign content").
        if (tag.closes_p()
            || matches!(
                tag,
                Tag::Span
                    | Tag::B
                    | Tag::I
                    | Tag::Em
                    | Tag::Strong
                    | Tag::Br
                    | Tag::Img
                    | Tag::Table
                    | Tag::Body
            ))
            && (self.is_open(Tag::Svg) || self.is_open(Tag::Math))
            && let Some(k) = self.find_open(|o| matches!(o.tag, Tag::Svg | Tag::Math), |_| false)
        {
            self.pop_to(k);
        }
        if !tag.is_head_content()
            && tag != Tag::Body
            && self.is_open(Tag::Head)
            && let Some(k) = self.find_open(|o| o.tag == Tag::Head, |_| false)
        {
            self.pop_to(k);
        }
        match tag {
            Tag::Li if self.is_open(Tag::Li) => {
                if let Some(k) = self.find_open(
                    |o| o.tag == Tag::Li,
                    |t| {
                        t.is_special() && !matches!(t, Tag::Address | Tag::Div | Tag::P)
                            || matches!(t, Tag::Ul | Tag::Ol)
                    },
                ) {
                    self.pop_to(k);
                }
            }
            Tag::Dd | Tag::Dt => {
                if let Some(k) = self.find_open(
                    |o| matches!(o.tag, Tag::Dd | Tag::Dt),
                    |t| {
                        t.is_special() && !matches!(t, Tag::Address | Tag::Div | Tag::P)
                            || t == Tag::Dl
                    },
                ) {
                    self.pop_to(k);
                }
            }
            Tag::Tr if self.is_open(Tag::Tr) => {
                if let Some(k) = self.find_open(|o| o.tag == Tag::Tr, |t| t == Tag::Table) {
                    self.pop_to(k);
                }
            }
            Tag::Td | Tag::Th => {
                if let Some(k) = self.find_open(
                    |o| matches!(o.tag, Tag::Td | Tag::Th),
                    |t| matches!(t, Tag::Table | Tag::Tr),
                ) {
                    self.pop_to(k);
                }
            }
            Tag::Thead | Tag::Tbody | Tag::Tfoot => {
                if let Some(k) = self.find_open(
                    |o| matches!(o.tag, Tag::Thead | Tag::Tbody | Tag::Tfoot),
                    |t| t == Tag::Table,
                ) {
                    self.pop_to(k);
                }
            }
            Tag::Option | Tag::Optgroup if self.top_tag() == Tag::Option => {
                self.pop_to(self.stack.len() - 1);
            }
            Tag::A if self.is_open(Tag::A) => {
                if let Some(k) = self.find_open(|o| o.tag == Tag::A, |t| t.is_special()) {
                    self.pop_to(k);
                }
            }
            Tag::Button => {
                if let Some(k) = self.find_open(|o| o.tag == Tag::Button, |t| t.is_scope_boundary())
                {
                    self.pop_to(k);
                }
            }
            _ => {}
        }
        if tag.closes_p() {
            self.close_p();
        }
        if tag.is_heading() && self.top_tag().is_heading() {
            self.pop_to(self.stack.len() - 1);
        }
        let id = self.push_node(tag, a, b);
        let leaf =
            tag.is_void() || (self_closing && matches!(tag, Tag::Other | Tag::Svg | Tag::Math));
        if leaf {
            return;
        }
        if self.stack.len() >= self.max_depth {
            self.dom.depth_capped = true;
            return;
        }
        if let Some(c) = self.open_counts.get_mut(tag as usize) {
            *c += 1;
        }
        self.stack.push(Open {
            node: id,
            tag,
            name_hash: hash,
        });
    }

    fn close(&mut self, tag: Tag, hash: u32) {
        if !matches!(tag, Tag::Other | Tag::Br | Tag::P) && !tag.is_heading() && !self.is_open(tag)
        {
            return;
        }
        let found = match tag {
            Tag::Html | Tag::Body | Tag::Head => {
                if tag == Tag::Head {
                    self.find_open(|o| o.tag == Tag::Head, |_| false)
                } else {
                    None
                }
            }
            Tag::Br => {
                self.push_node(Tag::Br, 0, 0);
                None
            }
            Tag::P => {
                let k = self.find_open(
                    |o| o.tag == Tag::P,
                    |t| t.is_scope_boundary() || t == Tag::Button,
                );
                if k.is_none() {
                    // `</p>` without `<p>` is an empty paragraph: a break.
                    self.push_node(Tag::P, 0, 0);
                }
                k
            }
            Tag::Li => self.find_open(
                |o| o.tag == Tag::Li,
                |t| t.is_scope_boundary() || matches!(t, Tag::Ul | Tag::Ol),
            ),
            Tag::Td | Tag::Th | Tag::Tr | Tag::Thead | Tag::Tbody | Tag::Tfoot | Tag::Caption => {
                self.find_open(
                    |o| o.tag == tag,
                    |t| matches!(t, Tag::Table | Tag::Html | Tag::Template),
                )
            }
            Tag::Table => self.find_open(
                |o| o.tag == Tag::Table,
                |t| matches!(t, Tag::Html | Tag::Template),
            ),
            t if t.is_heading() => {
                self.find_open(|o| o.tag.is_heading(), |t| t.is_scope_boundary())
            }
            Tag::Other => self.find_open(
                |o| o.tag == Tag::Other && o.name_hash == hash,
                |t| t.is_special(),
            ),
            t if t.is_special() => {
                self.find_open(|o| o.tag == t, |s| s.is_scope_boundary() && s != t)
            }
            t => self.find_open(|o| o.tag == t, |s| s.is_special()),
        };
        if let Some(k) = found {
            self.pop_to(k);
        }
    }

    fn finish(mut self) -> Dom {
        self.pop_to(0);
        let len = self.dom.nodes.len() as u32;
        if let Some(root) = self.dom.nodes.first_mut() {
            root.end = len;
        }
        self.dom
    }
}

/// `memchr::memchr(b, hay)`, with a look at the first byte first: the parser searches for the
/// `<` after each tag, often the next byte, where memchr's set-up costs more than the search.
fn memchr_short(b: u8, hay: &[u8]) -> Option<usize> {
    if hay.first() == Some(&b) {
        return Some(0);
    }
    memchr::memchr(b, hay)
}

/// Position of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let rest = hay.get(from..)?;
    match needle {
        // Most searches are for the `>` closing a tag: `memmem::find` would build a searcher
        // for each.
        &[b] => memchr::memchr(b, rest),
        // `</`: the next `<` followed by `/`.
        b"</" => {
            let mut k = 0;
            loop {
                k += memchr::memchr(b'<', rest.get(k..)?)?;
                if rest.get(k + 1) == Some(&b'/') {
                    break Some(k);
                }
                k += 1;
            }
        }
        _ => memchr::memmem::find(rest, needle),
    }
    .map(|i| from + i)
}

/// Position of the `</name` that ends a raw-text element (case-insensitive, followed by a
/// delimiter).
fn find_end_tag(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let i = find(hay, at, b"</")?;
        let ns = i + 2;
        let matches = hay
            .get(ns..ns + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let delim = hay
            .get(ns + name.len())
            .is_none_or(|&c| is_ws(c) || c == b'>' || c == b'/');
        if matches && delim {
            return Some(i);
        }
        at = i + 2;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn shape(dom: &Dom) -> String {
        // Serialise the tree back for assertions: tags as names, text quoted.
        let mut out = String::new();
        let mut stack: Vec<usize> = Vec::new();
        for i in 1..dom.nodes.len() {
            while let Some(&top) = stack.last() {
                if i >= dom.end(top) {
                    stack.pop();
                    out.push(')');
                } else {
                    break;
                }
            }
            let n = dom.nodes[i];
            if n.tag == Tag::Text {
                out.push_str(&format!("{:?}", dom.text_of(i)));
            } else {
                out.push_str(&format!("{:?}", n.tag).to_lowercase());
                if n.end as usize > i + 1 {
                    out.push('(');
                    stack.push(i);
                }
            }
        }
        for _ in stack {
            out.push(')');
        }
        out
    }

    #[test]
    fn implied_end_tags() {
        let d = parse("<ul><li>a<li>b</ul><p>x<p>y<div>z</div>", 256);
        assert_eq!(shape(&d), r#"ul(li("a")li("b"))p("x")p("y")div("z")"#);
    }

    #[test]
    fn whitespace_separates_inline_siblings_only() {
        // Between inline elements it is a word separator, even in a block parent; before the
        // first child and after a block it carries nothing.
        let d = parse("<div> <span>Size</span>\n <span>44</span></div>", 256);
        assert_eq!(shape(&d), r#"div(span("Size")" "span("44"))"#);
        let d = parse("<div>\n <div>a</div>\n <div>b</div> </div>", 256);
        assert_eq!(shape(&d), r#"div(div("a")div("b"))"#);
        let d = parse("<div><b><i>x</i></b> <p>y</p></div>", 256);
        assert_eq!(shape(&d), r#"div(b(i("x"))" "p("y"))"#);
    }

    #[test]
    fn next_sibling_is_the_node_after_the_subtree_under_the_same_parent() {
        // root, div(1), p(2), "a"(3), span(4), "b"(5), em(6)
        let d = parse("<div><p>a</p><span>b</span></div><em>c</em>", 256);
        let p = (0..d.nodes.len()).find(|&k| d.tag(k) == Tag::P).unwrap();
        let span = (0..d.nodes.len()).find(|&k| d.tag(k) == Tag::Span).unwrap();
        assert_eq!(d.next_sibling(p), Some(span));
        assert_eq!(d.previous_sibling(span), Some(p));
        // The last child has none, though a node follows its parent.
        assert_eq!(d.next_sibling(span), None);
    }

    #[test]
    fn whitespace_inside_pre_is_kept() {
        // A highlighter's spans with the code's line breaks between them. Between blocks
        // in a block inside a `<pre>` (a layout after a `<pre>` left open), whitespace is
        // layout as anywhere.
        let d = parse("<pre><span>a</span>\n  <span>b</span></pre>", 256);
        assert_eq!(shape(&d), r#"pre(span("a")"\n  "span("b"))"#);
        let d = parse("<pre>x<div><div>a</div>\n<div>b</div></div>", 256);
        assert_eq!(shape(&d), r#"pre("x"div(div("a")div("b")))"#);
    }

    #[test]
    fn stray_end_tags_do_not_close_blocks() {
        let d = parse("<div><b>x</span></b>y</div>z", 256);
        assert_eq!(shape(&d), r#"div(b("x")"y")"z""#);
        let d = parse("<div><span>a</div>b", 256);
        assert_eq!(shape(&d), r#"div(span("a"))"b""#);
    }

    #[test]
    fn raw_text_and_comments() {
        let d = parse(
            "<p>a<script>if (a<b) { x = '</p>'; }</script><!-- <p>no</p> -->b<style>p{}</style></p>",
            256,
        );
        assert_eq!(shape(&d), r#"p("a"script"b"style)"#);
        let d = parse(
            r#"<script type="application/ld+json">{"a":"&amp;"}</script>"#,
            256,
        );
        assert_eq!(d.text_of(2), r#"{"a":"&amp;"}"#);
    }

    #[test]
    fn entities_and_attributes() {
        let d = parse(
            r#"<a href='/x?a=1&amp;b=2' class=foo>caf&eacute; &lt;3&#33;</a>"#,
            256,
        );
        assert_eq!(d.attr(1, Attr::Href), Some("/x?a=1&b=2"));
        assert_eq!(d.attr(1, Attr::Class), Some("foo"));
        assert_eq!(d.text_of(2), "café <3!");
    }

    #[test]
    fn unclosed_svg_does_not_swallow_the_page() {
        let d = parse("<a href=#><svg width=1></a><ul><li>x</ul><p>y", 256);
        assert_eq!(shape(&d), r#"a(svg)ul(li("x"))p("y")"#);
    }

    #[test]
    fn short_class_word_hint_agrees_with_class_words() {
        // Also across and past the 256 bytes that `classify` reads of a value.
        let html = format!(
            r#"<span class="time__short">1</span><span class="SHORT x">2</span><span class="shortcut">3</span><span id=short>4</span><span class="a-short-b">5</span><b class="{}-short">6</b><b class="{} shorts">7</b><b class="{} shortcut">8</b>"#,
            "x".repeat(300),
            "y".repeat(300),
            "z".repeat(250)
        );
        let d = parse(&html, 256);
        for i in 0..d.nodes.len() {
            assert_eq!(
                d.class_hints(i).short,
                crate::content::class_has_word(&d, i, &["short"]),
                "{i}"
            );
        }
        assert_eq!(
            (0..d.nodes.len())
                .filter(|&i| d.class_hints(i).short)
                .count(),
            4
        );
    }

    #[test]
    fn product_class_word_hint_agrees_with_class_words() {
        let html = format!(
            r#"<li class="Product-card">1</li><li class="products__item">2</li><li class="productx">3</li><li class="{} product">4</li><li class="{} products-grid">5</li><li class="{} productsx">6</li><li id=product>7</li>"#,
            "x".repeat(300),
            "y".repeat(245),
            "z".repeat(247)
        );
        let d = parse(&html, 256);
        for i in 0..d.nodes.len() {
            assert_eq!(
                d.class_hints(i).product,
                crate::content::class_has_word(&d, i, crate::content::PRODUCT_WORDS),
                "{i}"
            );
        }
        assert_eq!(
            (0..d.nodes.len())
                .filter(|&i| d.class_hints(i).product)
                .count(),
            4
        );
    }

    #[test]
    fn fixed_class_hint_agrees_with_class_names() {
        // Also across and past the 256 bytes that `classify` reads of a value.
        let html = format!(
            r#"<div class="x Fixed-Top">1</div><div class="fixedx fixed-left">2</div><div class="{} fixed">3</div><div class="{} fixed-top">4</div><div class="{} fixedx">5</div><div id=fixed>6</div>"#,
            "x".repeat(300),
            "y".repeat(249),
            "z".repeat(250)
        );
        let d = parse(&html, 256);
        for i in 0..d.nodes.len() {
            assert_eq!(
                d.class_hints(i).fixed,
                d.attr(i, Attr::Class)
                    .is_some_and(crate::content::names_fixed),
                "{i}"
            );
        }
        assert_eq!(
            (0..d.nodes.len())
                .filter(|&i| d.class_hints(i).fixed)
                .count(),
            3
        );
    }

    #[test]
    fn memchr_short_agrees_with_memchr() {
        let hay: Vec<u8> = (0..80u8)
            .map(|k| if k % 7 == 0 { b'<' } else { b'a' })
            .collect();
        for from in 0..hay.len() {
            for b in [b'<', b'z'] {
                let h = &hay[from..];
                assert_eq!(memchr_short(b, h), memchr::memchr(b, h));
                for len in 0..h.len() {
                    assert_eq!(memchr_short(b, &h[..len]), memchr::memchr(b, &h[..len]));
                }
            }
        }
    }

    #[test]
    fn find_agrees_with_memmem() {
        let hay = b"a<b</ <</c>-->x</ ></";
        for needle in [b">".as_slice(), b"</", b"-->", b"]]>", b"<"] {
            for from in 0..=hay.len() + 1 {
                let want = hay
                    .get(from..)
                    .and_then(|r| memchr::memmem::find(r, needle))
                    .map(|i| from + i);
                assert_eq!(find(hay, from, needle), want, "{needle:?} {from}");
            }
        }
    }

    #[test]
    fn tables() {
        let d = parse("<table><tr><td>a<td>b<tr><td>c</table>d", 256);
        assert_eq!(shape(&d), r#"table(tr(td("a")td("b"))tr(td("c")))"d""#);
    }

    #[test]
    fn depth_cap_flattens() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let d = parse(&html, 500);
        assert!(d.depth_capped);
        let mut t = String::new();
        d.subtree_text(0, &mut t);
        assert_eq!(t, "deep");
    }

    #[test]
    fn truncated_inputs() {
        for s in [
            "<",
            "<a",
            "<a href=\"x",
            "<!--",
            "<script>",
            "</",
            "<p>x</p",
            "&",
            "<![CDATA[",
        ] {
            let d = parse(s, 16);
            assert_eq!(d.nodes[0].end as usize, d.nodes.len());
        }
    }
}
