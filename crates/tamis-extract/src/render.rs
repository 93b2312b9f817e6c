//! Rendering of the selected subtree to plain text or light Markdown.

use crate::config::{ExtractConfig, OutputFormat};
use crate::content::Analysis;
use crate::dom::{Attr, Dom};
use crate::tag::Tag;

/// A link cluster inside the content root (related links, tag lists, in-article menus) is
/// skipped when its links cover more than this fraction of its text...
pub const MAX_INNER_LINK_DENSITY: f32 = 0.65;
/// ...and it has at least this many links.
pub const MIN_INNER_CLUSTER_LINKS: u32 = 3;
/// A list of links between two prose paragraphs of the root is part of the text when it
/// holds at least this many characters per link (titles, not tags or menu items).
pub const MIN_TEXT_LIST_LINK_CHARS: u32 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    /// A word break between two sibling inline elements, unless it would split a lowercase
    /// word (styled runs of one word: `<span>Le</span><span>arn</span>`) or come before
    /// punctuation.
    Soft,
    Space,
    Cell,
    Line,
    Para,
}

/// Builds the output text with whitespace collapsing and block separators.
struct Writer {
    out: String,
    gap: Gap,
    prefix: Option<String>,
    markdown: bool,
    /// Start offsets of paragraphs in `out` and their heading level (0: not a heading).
    segments: Vec<(usize, u8)>,
    /// Index in `segments` of the first paragraph of each post of a thread.
    posts: Vec<usize>,
    /// Outermost lists without a link: the index in `segments` of their first paragraph and
    /// one past their last.
    plain_lists: Vec<(usize, usize)>,
    /// The outermost list being written, if it holds no link: its first paragraph's index.
    plain_list: Option<usize>,
    /// The repeated records of the root (outermost), each as the range of indices in
    /// `segments` of its paragraphs and its parent node.
    records: Vec<(usize, usize, usize)>,
    /// Indices in `segments` of the records' paragraphs holding text outside links, in order.
    unlinked: Vec<usize>,
    /// Heading level of the next paragraph.
    next_heading: u8,
    /// First character of the word being written (for [`Gap::Soft`]).
    next_first: Option<char>,
    /// Markdown: nesting depth of `<table>`s; the depth of the data table being written as a
    /// GFM table (rows `| a | b |`, a `| --- |` line after the first; 0: none) and its state.
    /// Layout tables (see [`data_table_columns`]) are written as their cells' text.
    tables: usize,
    gfm_depth: usize,
    table: GfmTable,
    /// Markdown: the open inline marks (`**`, `*`, `` ` ``) and the ones waiting for their
    /// first word (written right before it, so `<b> word </b>` gives `**word**`).
    marks: Vec<Mark>,
    pending_marks: String,
    /// Markdown: inside a heading (no emphasis marks there).
    heading_depth: usize,
    /// Markdown: the open `<blockquote>`s; each line inside starts with `> ` per level.
    quotes: Vec<usize>,
    /// Byte ranges of `out` written inside `<pre>` (outermost), and where the open one began.
    code: Vec<(usize, usize)>,
    code_start: usize,
    /// Byte ranges of `out` written inside `<blockquote>` (outermost), the open one's start
    /// and the nesting depth.
    quoted: Vec<(usize, usize)>,
    quote_start: usize,
    quote_depth: usize,
    /// Byte ranges of `out` written by `<dt>` elements (terms), and the open one's start.
    terms: Vec<(usize, usize, bool)>,
    term_start: usize,
    /// Inside a `<dt>`, and whether it holds a `<code>` so far.
    term_open: bool,
    term_code: bool,
}

/// An inline Markdown mark opened by element `node`.
#[derive(Clone, Copy)]
struct Mark {
    node: usize,
    text: &'static str,
    /// Whether a word was written inside it (else it is dropped, not closed).
    written: bool,
}

/// Most nodes of an inline element looked at to decide whether it gets a Markdown mark.
const MAX_MARK_NODES: usize = 64;

/// The outermost table being written as Markdown.
#[derive(Default)]
struct GfmTable {
    /// Rows written so far.
    rows: u32,
    /// Columns of its widest row: the first row (the header) is padded to them, or a
    /// Markdown renderer would drop the cells of wider rows.
    columns: u32,
    /// Cells of the row being written (colspans counted).
    cells: u32,
    /// Extra columns the cell being written spans (`colspan` − 1), closed when it ends.
    spans: u32,
    /// Inside one of its cells: line and paragraph breaks become spaces, `|` is escaped,
    /// and inner tables are run together as text.
    in_cell: bool,
}

/// Widest `colspan` honoured when a Markdown table row is written.
const MAX_COLSPAN: u32 = 64;

/// The Markdown mark of the inline element `i` (`**` bold, `*` italic, `` ` `` code), if it
/// gets one: not when an open mark is the same (`<b><strong>`), and not when it holds a block
/// (a mark cannot span paragraphs), a backtick, or more than [`MAX_MARK_NODES`] nodes.
fn inline_mark(dom: &Dom, i: usize, open: &[Mark]) -> Option<&'static str> {
    let mark = match dom.tag(i) {
        Tag::B | Tag::Strong => "**",
        Tag::Em | Tag::I => "*",
        _ => "`",
    };
    if open.iter().any(|m| m.text == mark || m.text == "`") {
        return None;
    }
    let end = dom.end(i);
    if end.saturating_sub(i) > MAX_MARK_NODES {
        return None;
    }
    let plain = (i + 1..end).all(|j| {
        let t = dom.tag(j);
        let backtick = mark == "`" && dom.text_of(j).contains('`');
        !(t.is_block() || t == Tag::Br || backtick)
    });
    plain.then_some(mark)
}

/// The columns cell `i` spans (its `colspan`, 1 to [`MAX_COLSPAN`]).
fn colspan(dom: &Dom, i: usize) -> u32 {
    dom.attr(i, Attr::Colspan)
        .and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_COLSPAN)
}

/// Most nodes of a table looked at to tell a data table from a layout table; a larger table
/// is written as text.
const MAX_TABLE_SCAN_NODES: usize = 20_000;

/// Most characters of a data table's cell; a longer cell holds running text (layout).
const MAX_DATA_CELL_CHARS: usize = 400;

/// The number of columns of the `<table>` `t` if it holds data, to be written as a Markdown
/// table: at least two rows and a row of two columns, no table inside, no cell holding a
/// heading, a code block or more than [`MAX_DATA_CELL_CHARS`] of text, and not marked
/// `role=presentation`. Pages laid out with tables put whole articles in one cell; those stay
/// paragraphs. (The tests follow
/// the ones browsers' reader modes use to tell layout tables apart.)
fn data_table_columns(dom: &Dom, t: usize) -> Option<u32> {
    if dom
        .attr(t, Attr::Role)
        .is_some_and(|r| r.eq_ignore_ascii_case("presentation") || r.eq_ignore_ascii_case("none"))
    {
        return None;
    }
    let end = dom.end(t);
    if end.saturating_sub(t) > MAX_TABLE_SCAN_NODES {
        return None;
    }
    let (mut rows, mut widest, mut cells) = (0u32, 0u32, 0u32);
    let (mut cell_end, mut cell_chars) = (0usize, 0usize);
    for j in t + 1..end {
        let tag = dom.tag(j);
        match tag {
            Tag::Table | Tag::Pre | Tag::Blockquote => return None,
            h if h.is_heading() => return None,
            Tag::Tr => {
                rows += 1;
                cells = 0;
            }
            Tag::Td | Tag::Th => {
                cells += colspan(dom, j);
                widest = widest.max(cells);
                cell_end = dom.end(j);
                cell_chars = 0;
            }
            Tag::Text if j < cell_end => {
                cell_chars += dom.text_of(j).trim().len();
                if cell_chars > MAX_DATA_CELL_CHARS {
                    return None;
                }
            }
            _ => {}
        }
    }
    (rows >= 2 && widest >= 2).then_some(widest)
}

impl Writer {
    fn want(&mut self, g: Gap) {
        let g = if self.table.in_cell && g > Gap::Space {
            Gap::Space
        } else {
            g
        };
        if g > self.gap {
            self.gap = g;
        }
    }

    /// Whether `<tr>`/`<td>` at this point belong to the Markdown table being written.
    fn gfm_row(&self) -> bool {
        self.markdown && self.gfm_depth != 0 && self.tables == self.gfm_depth && !self.table.in_cell
    }

    /// Starts a cell of the Markdown table: `|` opens the row, ` |` ends the previous cell
    /// (empty cells and colspans keep the columns in place).
    fn open_cell(&mut self, span: u32) {
        if self.table.cells == 0 {
            self.want(Gap::Line);
            self.flush();
            self.out.push('|');
        } else {
            self.end_cell();
        }
        self.table.spans = span - 1;
        self.table.cells += span;
        self.table.in_cell = true;
        self.gap = Gap::Space;
    }

    /// Writes the `|` after a cell (and after the empty columns it spans).
    fn end_cell(&mut self) {
        trim_end_spaces(&mut self.out);
        for _ in 0..=self.table.spans {
            self.out.push_str(" |");
        }
        self.table.spans = 0;
    }

    /// Ends a row of the Markdown table; the first row gets the delimiter line.
    fn close_row(&mut self) {
        if self.table.cells > 0 {
            self.end_cell();
            if self.table.rows == 0 {
                for _ in self.table.cells..self.table.columns {
                    self.out.push_str(" |");
                }
                self.out.push_str("\n|");
                for _ in 0..self.table.cells.max(self.table.columns) {
                    self.out.push_str(" --- |");
                }
            }
            self.table.rows += 1;
            self.table.cells = 0;
        }
        self.gap = Gap::None;
        self.want(Gap::Line);
    }

    fn flush(&mut self) {
        let new_segment = self.out.is_empty() || self.gap == Gap::Para;
        if !self.out.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Soft => {
                    // A lowercase word in styled runs stays whole, and punctuation keeps
                    // to the word before it (`<span>5757</span><span>.com</span>`).
                    let glued = self.out.chars().next_back().is_some_and(char::is_lowercase)
                        && self.next_first.is_some_and(char::is_lowercase)
                        || !self.next_first.is_some_and(char::is_alphanumeric);
                    if !glued && !self.out.ends_with(['\n', ' ']) {
                        self.out.push(' ');
                    }
                }
                Gap::Space => {
                    if !self.out.ends_with(['\n', ' ']) {
                        self.out.push(' ');
                    }
                }
                Gap::Cell => {
                    if !self.out.ends_with('\n') {
                        self.out.push_str(if self.markdown { " | " } else { " " });
                    }
                }
                Gap::Line => {
                    trim_end_spaces(&mut self.out);
                    if !self.out.ends_with('\n') {
                        self.out.push('\n');
                    }
                }
                Gap::Para => {
                    trim_end_spaces(&mut self.out);
                    while !self.out.ends_with("\n\n") {
                        self.out.push('\n');
                    }
                }
            }
        }
        self.gap = Gap::None;
        if !self.quotes.is_empty() && (self.out.is_empty() || self.out.ends_with('\n')) {
            for _ in 0..self.quotes.len() {
                self.out.push_str("> ");
            }
        }
        if new_segment {
            self.segments.push((self.out.len(), self.next_heading));
            self.next_heading = 0;
        }
        if let Some(p) = self.prefix.take() {
            self.out.push_str(&p);
        }
        if !self.pending_marks.is_empty() {
            self.out.push_str(&self.pending_marks);
            self.pending_marks.clear();
            for m in &mut self.marks {
                m.written = true;
            }
        }
    }

    /// Opens the inline mark `text` for element `node`.
    fn open_mark(&mut self, node: usize, text: &'static str) {
        self.pending_marks.push_str(text);
        self.marks.push(Mark {
            node,
            text,
            written: false,
        });
    }

    /// Closes the mark of element `node`, if it opened one: right after the last word, or
    /// dropped when no word came.
    fn close_mark(&mut self, node: usize) {
        if self.marks.last().is_none_or(|m| m.node != node) {
            return;
        }
        let Some(m) = self.marks.pop() else { return };
        if m.written {
            self.out.push_str(m.text);
        } else if self.pending_marks.ends_with(m.text) {
            let keep = self.pending_marks.len() - m.text.len();
            self.pending_marks.truncate(keep);
        }
    }

    fn text(&mut self, s: &str) {
        let mut first = true;
        for word in s.split(char::is_whitespace) {
            if !first {
                self.want(Gap::Space);
            }
            first = false;
            if word.is_empty() {
                continue;
            }
            self.next_first = word.chars().next();
            self.flush();
            self.next_first = None;
            if self.table.in_cell && word.contains('|') {
                self.out.push_str(&word.replace('|', "\\|"));
            } else {
                self.out.push_str(word);
            }
        }
    }

    fn pre(&mut self, s: &str) {
        if self.table.in_cell {
            // A table row is one line.
            return self.text(s);
        }
        if s.is_empty() {
            return;
        }
        self.flush();
        if self.quotes.is_empty() || !self.markdown {
            self.out.push_str(s);
            return;
        }
        // Inside a quote every line of the code carries the quote's `> ` (a line without it
        // would end the quote); a line break that ends the text leaves its prefix to what
        // comes next (more code, or the closing fence).
        let depth = self.quotes.len();
        let mut pieces = s.split('\n').peekable();
        let mut first = true;
        while let Some(piece) = pieces.next() {
            if !first {
                self.out.push('\n');
                if pieces.peek().is_some() || !piece.is_empty() {
                    for _ in 0..depth {
                        self.out.push_str("> ");
                    }
                }
            }
            first = false;
            self.out.push_str(piece);
        }
    }

    fn raw(&mut self, s: &str) {
        self.flush();
        self.out.push_str(s);
    }
}

fn trim_end_spaces(s: &mut String) {
    while s.ends_with([' ', '\t']) {
        s.pop();
    }
}

/// Renders the subtree of `root` (skipping pruned regions and inner link clusters).
pub fn render(dom: &Dom, a: &Analysis, root: usize, cfg: &ExtractConfig) -> String {
    let markdown = cfg.output == OutputFormat::Markdown;
    let mut w = Writer {
        out: String::new(),
        gap: Gap::None,
        prefix: None,
        markdown,
        segments: Vec::new(),
        posts: Vec::new(),
        plain_lists: Vec::new(),
        plain_list: None,
        records: Vec::new(),
        unlinked: Vec::new(),
        next_heading: 0,
        next_first: None,
        tables: 0,
        gfm_depth: 0,
        marks: Vec::new(),
        pending_marks: String::new(),
        heading_depth: 0,
        quotes: Vec::new(),
        table: GfmTable::default(),
        code: Vec::new(),
        code_start: 0,
        quoted: Vec::new(),
        quote_start: 0,
        quote_depth: 0,
        terms: Vec::new(),
        term_start: 0,
        term_open: false,
        term_code: false,
    };
    let end = dom.end(root);
    let text = prose_span(dom, a, root);
    let mut closers: Vec<(usize, usize)> = Vec::new();
    // Where the text of the tab set the root grew to ends (0: no such set rendered).
    let mut tab_end = 0usize;
    // Where the thread's last post ends in the output.
    let mut posts_end = 0usize;
    // Where the last specification sheet of a product's root ends (0: none rendered).
    let mut sheet_end = 0usize;
    // A product's lists that close a paragraph ([`closes_paragraph`]): where each starts and
    // ends in the output, in document order.
    let mut feature_lists: Vec<(usize, usize)> = Vec::new();
    let mut list_starts: Vec<(usize, usize)> = Vec::new();
    let mut pre_depth = 0usize;
    let mut list_depth = 0usize;
    // The open record: its first segment, where its subtree ends, and its parent.
    let mut record: Option<(usize, usize, usize)> = None;
    // Off a product's page, where the last record that is a small priced card (a category's
    // grid of products, [`shown_priced_card`]) ends in the output, the
    // grid's parent, and how many such cards it holds.
    let (mut grid_end, mut grid, mut grid_cards) = (0usize, usize::MAX, 0u32);
    let mut card_text = String::new();
    let mut record_node = 0usize;
    let mut i = root;
    while i < end {
        while let Some(&(e, k)) = closers.last() {
            if i < e {
                break;
            }
            closers.pop();
            close(dom, k, cfg, &mut w, &mut pre_depth, &mut list_depth);
            if a.tab_set == Some(k) {
                tab_end = w.out.len();
            }
            if a.last_post == Some(k) {
                posts_end = w.out.len();
            }
            if a.product && crate::content::is_sheet(dom, k) {
                sheet_end = w.out.len();
            }
            if list_starts.last().is_some_and(|&(n, _)| n == k)
                && let Some((_, start)) = list_starts.pop()
            {
                feature_lists.push((start, w.out.len()));
            }
        }
        if let Some((s, e, p)) = record
            && i >= e
        {
            w.records.push((s, w.segments.len(), p));
            record = None;
            // The record just closed: a card of a shop's grid?
            if !a.product && shown_priced_card(dom, a, record_node, &mut card_text) {
                if grid != p {
                    (grid, grid_cards) = (p, 0);
                }
                grid_cards += 1;
                grid_end = w.out.len();
            }
        }
        if skip(dom, a, i, root, cfg, text) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if record.is_none()
            && !a.product
            && i > root
            && a.in_record.get(i).copied().unwrap_or(false)
            && let Some(p) = dom.parent(i)
            && !a.in_record.get(p).copied().unwrap_or(false)
        {
            record = Some((w.segments.len(), dom.end(i), p));
            record_node = i;
        }
        let tag = dom.tag(i);
        if tag == Tag::Text {
            let parent = dom.parent(i).map_or(Tag::Root, |p| dom.tag(p));
            if !matches!(parent, Tag::Script | Tag::Title) {
                if pre_depth > 0 {
                    w.pre(dom.text_of(i))
                } else {
                    w.text(dom.text_of(i))
                }
                if record.is_some()
                    && let Some(k) = w.segments.len().checked_sub(1)
                    && w.unlinked.last() != Some(&k)
                    && !in_link(dom, i)
                {
                    w.unlinked.push(k);
                }
            }
            i += 1;
            continue;
        }
        if a.thread && crate::content::is_typed_post(dom, i) {
            w.posts.push(w.segments.len());
        }
        if a.product && matches!(tag, Tag::Ul | Tag::Ol) && closes_paragraph(dom, i) {
            list_starts.push((i, w.out.len()));
        }
        open(dom, i, cfg, &mut w, &mut pre_depth, &mut list_depth);
        let e = dom.end(i);
        if e > i + 1 {
            closers.push((e, i));
        } else {
            close(dom, i, cfg, &mut w, &mut pre_depth, &mut list_depth);
        }
        i += 1;
    }
    while let Some((_, k)) = closers.pop() {
        close(dom, k, cfg, &mut w, &mut pre_depth, &mut list_depth);
        if a.tab_set == Some(k) {
            tab_end = w.out.len();
        }
        if a.last_post == Some(k) {
            posts_end = w.out.len();
        }
        if a.product && crate::content::is_sheet(dom, k) {
            sheet_end = w.out.len();
        }
        if list_starts.last().is_some_and(|&(n, _)| n == k)
            && let Some((_, start)) = list_starts.pop()
        {
            feature_lists.push((start, w.out.len()));
        }
    }
    if let Some((s, _, p)) = record {
        w.records.push((s, w.segments.len(), p));
        if !a.product && shown_priced_card(dom, a, record_node, &mut card_text) {
            if grid != p {
                grid_cards = 0;
            }
            grid_cards += 1;
            grid_end = w.out.len();
        }
    }
    let code = repeatable_code_lines(&w.out, &w.code);
    let (s, e) = if a.listing {
        (0, w.out.len())
    } else {
        let (s, e) = prose_range(
            &w.out,
            &w.segments,
            &w.posts,
            &w.plain_lists,
            &w.records,
            &w.unlinked,
        );
        // With its table of contents restored the text starts at the top of the root.
        (if a.contents { 0 } else { s }, e)
    };
    // A product's list of highlights under its heading, straight before its description's
    // heading, is the description's lead (the item's material, size, origin), not the buy
    // box's lines.
    let s = if a.product && !w.plain_lists.is_empty() {
        lead_list_start(&w.segments, &w.plain_lists, s)
    } else {
        s
    };
    // Regions the text runs to the end of, past its last prose paragraph (0: none):
    // - the panels of a tab widget, peers shown one at a time (a town office's "Forms",
    //   "Tables & Maps" and "FAQs" tabs after the first tab's description);
    // - a product's specification sheet (dimensions, materials, weight) after its description;
    // - a thread's last post, however short that reply ("Thanks, that fixed it for me.");
    // - off a product's page, a grid of product cards after a category's description: the
    //   category's products (`grid_cards` counts only there).
    let grid_end = if grid_cards >= crate::content::MIN_PRODUCT_CARDS {
        grid_end
    } else {
        0
    };
    let e = [tab_end, sheet_end, posts_end, grid_end]
        .into_iter()
        .fold(e, |e, end| e.max(end.min(w.out.len())));
    // On a product's page, lists without links after the description's last paragraph, each
    // under at most [`MAX_TAIL_HEADINGS`] headings or straight after the one before, are the
    // product's too (its details, its price), whatever follows them.
    let e = if a.product {
        product_lists_end(&w.segments, &w.plain_lists, e, w.out.len())
    } else {
        e
    };
    // A product's description often closes with a list of its features or care points
    // straight after its last paragraph: that list is the description's, not trailing lines.
    feature_lists.sort_unstable();
    let mut e = e;
    for &(start, end) in &feature_lists {
        // The list's start was taken before the separator its first item writes.
        let gap = w.out.get(start.min(e)..start.max(e));
        if end > e && gap.is_some_and(|g| g.trim().is_empty()) {
            e = end.min(w.out.len());
        }
    }
    let (s, out) = match w.out.get(s..e) {
        Some(t) => (s, t),
        None => (0, w.out.as_str()),
    };
    // The headings and terms of the text and its quotes, as byte ranges of `out`.
    let mut headings: Vec<(usize, usize, Opener)> = w
        .segments
        .iter()
        .enumerate()
        .filter(|(_, g)| g.1 > 0 && g.0 >= s && g.0 - s < out.len())
        .map(|(k, g)| {
            let end = w.segments.get(k + 1).map_or(w.out.len(), |n| n.0);
            (
                g.0 - s,
                end.saturating_sub(s).min(out.len()),
                Opener::Heading,
            )
        })
        .collect();
    headings.extend(
        w.terms
            .iter()
            .filter(|t| t.0 >= s && t.0 - s < out.len())
            .map(|t| {
                let kind = if t.2 { Opener::CodeTerm } else { Opener::Term };
                (t.0 - s, t.1.saturating_sub(s).min(out.len()), kind)
            }),
    );
    headings.sort_unstable();
    let quoted: Vec<(usize, usize)> = w
        .quoted
        .iter()
        .filter(|q| q.1 > s)
        .map(|q| (q.0.saturating_sub(s), q.1 - s))
        .collect();
    let fields = if a.listing {
        record_fields(out)
    } else {
        Vec::new()
    };
    let mut out = drop_repeated_lines(out, &code, &headings, &quoted, &fields);
    if !a.listing && !a.thread && !a.contents {
        drop_closing_bio(&mut out);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// The end (a byte of the output, `len` long) of the run of lists without links
/// (`plain_lists`, first segment and one past the last) that starts at the text's end `e`,
/// each list under at most [`MAX_TAIL_HEADINGS`] heading segments or straight after the one
/// before; `e` when no list starts there.
fn product_lists_end(
    segments: &[(usize, u8)],
    plain_lists: &[(usize, usize)],
    e: usize,
    len: usize,
) -> usize {
    let start_of = |k: usize| segments.get(k).map_or(len, |g| g.0);
    let mut k = segments.partition_point(|g| g.0 < e);
    let mut end = e;
    loop {
        let mut j = k;
        while j - k < MAX_TAIL_HEADINGS && segments.get(j).is_some_and(|g| g.1 > 0) {
            j += 1;
        }
        // In document order: found by halving, not read through for each list of the run.
        let found = plain_lists
            .binary_search_by_key(&j, |&(f, _)| f)
            .ok()
            .and_then(|x| plain_lists.get(x));
        match found {
            Some(&(_, l)) if l > j => {
                end = start_of(l);
                k = l;
            }
            _ => break,
        }
    }
    end.max(e)
}

/// Most items of a list that [`closes_paragraph`]: a description's closing list of features.
/// Our choice.
const MAX_FEATURE_LIST_ITEMS: usize = 40;

/// Whether list `i` comes straight after a paragraph (`<p>`, its previous element sibling)
/// and holds at least two items and no link: the closing list of a product's description
/// (its features, what is in the box, care points), not a list of links to other pages.
fn closes_paragraph(dom: &Dom, i: usize) -> bool {
    if !crate::content::element_sibling(dom, i, Dom::previous_sibling)
        .is_some_and(|p| dom.tag(p) == Tag::P)
    {
        return false;
    }
    let mut items = 0usize;
    let mut k = i + 1;
    while k < dom.end(i) {
        match dom.tag(k) {
            Tag::A | Tag::Ul | Tag::Ol | Tag::Table => return false,
            Tag::Li => items += 1,
            _ => {}
        }
        if items > MAX_FEATURE_LIST_ITEMS {
            return false;
        }
        k += 1;
    }
    items >= 2
}

/// Lines shorter than this (characters) may repeat (table cells, "Yes", prices).
pub const MIN_DEDUP_LINE_CHARS: usize = 25;

/// A set of output lines (aHash: the lines are the page's own text, hashed once each).
type LineSet<'a> = std::collections::HashSet<&'a str, ahash::RandomState>;

/// Fewest occurrences of a line that a listing keeps as a field of its records. Our choice.
pub const MIN_FIELD_REPEATS: usize = 3;

/// In a listing, which lines of `out` (by index) repeat an earlier line as a field of another
/// record, and stay: the line occurs at least [`MIN_FIELD_REPEATS`] times, and neither the
/// line before this occurrence nor the one after it is the line before or after its first
/// occurrence (a paper's "Subjects: Artificial Intelligence (cs.AI)", a job's country, among
/// other words each time). A block shown twice (mobile and desktop copies, a carousel's
/// clones) brings its neighbours along, and a headline shown again in a "most read" box
/// occurs twice.
fn record_fields(out: &str) -> Vec<bool> {
    let lines: Vec<&str> = out.split('\n').map(str::trim).collect();
    // The nearest non-empty lines before and after each line.
    let mut around = vec![("", ""); lines.len()];
    let mut last = "";
    for (x, l) in around.iter_mut().zip(&lines) {
        x.0 = last;
        if !l.is_empty() {
            last = l;
        }
    }
    last = "";
    for (x, l) in around.iter_mut().zip(&lines).rev() {
        x.1 = last;
        if !l.is_empty() {
            last = l;
        }
    }
    // Each long line's first index and number of occurrences.
    let mut first: std::collections::HashMap<&str, (usize, usize), ahash::RandomState> =
        std::collections::HashMap::default();
    for (j, l) in lines.iter().enumerate() {
        if l.len() >= MIN_DEDUP_LINE_CHARS {
            first.entry(l).or_insert((j, 0)).1 += 1;
        }
    }
    lines
        .iter()
        .enumerate()
        .map(|(j, l)| {
            first.get(l).is_some_and(|&(f, n)| {
                let (a, b) = (around.get(f), around.get(j));
                n >= MIN_FIELD_REPEATS
                    && f != j
                    && a.zip(b).is_some_and(|(a, b)| a.0 != b.0 && a.1 != b.1)
            })
        })
        .collect()
}

/// Lines of code that may repeat: the same import or setup line in two examples stays in
/// both. A code block that is mostly lines of earlier blocks is a copy (a forum post quoting
/// another's code) and its lines are deduplicated like any text, wherever they stand.
/// `ranges` are the byte ranges of `out` written inside `<pre>`, in order.
fn repeatable_code_lines<'a>(out: &'a str, ranges: &[(usize, usize)]) -> LineSet<'a> {
    let mut seen = LineSet::default();
    let mut repeatable = LineSet::default();
    let mut copied = LineSet::default();
    for &(s, e) in ranges {
        let lines: Vec<&str> = out
            .get(s..e)
            .unwrap_or_default()
            .split('\n')
            .map(str::trim)
            .filter(|l| l.len() >= MIN_DEDUP_LINE_CHARS)
            .collect();
        // Repeats of earlier blocks' lines, and of the block's own (a log's same line over and
        // over), which are copies whatever the rest of the block is.
        let mut own = LineSet::default();
        let mut repeats = 0;
        for l in &lines {
            if !own.insert(*l) {
                copied.insert(*l);
                repeats += 1;
            } else if seen.contains(l) {
                repeats += 1;
            }
        }
        if repeats * 2 > lines.len() {
            copied.extend(lines.iter().copied());
        } else {
            repeatable.extend(lines.iter().copied());
        }
        seen.extend(own);
    }
    repeatable.retain(|l| !copied.contains(l));
    repeatable
}

/// Removes exact repeats of lines of at least [`MIN_DEDUP_LINE_CHARS`] characters: the same
/// block rendered twice for mobile and desktop, carousels cloned for looping. A paragraph
/// that repeats the one before it is dropped whatever its length (a product card's name as
/// its image's caption, its link and its heading); repeated lines of one block (list items,
/// table rows) stay. A repeat after a heading that names a member of an API reference
/// ([`names_code`]) and is met for the first time stays too: members documented alike
/// ("Deprecated.", "Returns the value.") each under their own heading, where a copied block
/// brings its heading along. A member name met again counts as new when its first line is
/// (an overload's signature). A term (`<dt>`) stating a signature or holding `<code>` opens
/// a member like a heading (the `<dd>` it names is the member's documentation); other terms
/// do not. Quoted lines (`<blockquote>`: a reply quoting an earlier post)
/// are copies wherever they stand. A listing's record fields ([`record_fields`], `fields`
/// by line index; empty elsewhere) stay. `headings` and `quoted` are byte ranges of `out`,
/// in order.
fn drop_repeated_lines(
    out: &str,
    code: &LineSet<'_>,
    headings: &[(usize, usize, Opener)],
    quoted: &[(usize, usize)],
    fields: &[bool],
) -> String {
    // aHash: every line of the output is hashed (membership only, so the hasher changes
    // nothing but the cost). Each line maps to the offset of its last occurrence.
    let mut seen: std::collections::HashMap<&str, usize, ahash::RandomState> =
        std::collections::HashMap::default();
    let mut heading_texts = LineSet::default();
    // Next heading and quote to pass, and the start of the last heading passed when it names
    // a member for the first time.
    let (mut h, mut q) = (0, 0);
    let mut fresh: Option<usize> = None;
    // A heading naming code met again (an overloaded member's name), waiting for its first
    // line: a new one (its signature) makes it a new member.
    let mut pending: Option<usize> = None;
    let mut res = String::with_capacity(out.len());
    let mut blank = false;
    let mut prev = "";
    let mut offset = 0;
    for (j, line) in out.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        while let Some(&(hs, he, kind)) = headings.get(h) {
            if he > start {
                break;
            }
            h += 1;
            let text = out.get(hs..he).unwrap_or("").trim();
            let named = names_code(text) || kind == Opener::CodeTerm;
            // A term (`<dt>`) stating a signature (or holding `<code>`) opens a member like a
            // heading; other terms ("Parameters:", "Returns:") are parts of one.
            if kind != Opener::Heading && !named {
                continue;
            }
            let new = heading_texts.insert(text);
            fresh = (new && named).then_some(hs);
            pending = (!new && named).then_some(hs);
        }
        let in_heading = headings.get(h).is_some_and(|&(hs, _, _)| hs <= start);
        while quoted.get(q).is_some_and(|&(_, qe)| qe <= start) {
            q += 1;
        }
        let in_quote = quoted.get(q).is_some_and(|&(qs, _)| qs <= start);
        let t = line.trim();
        if !in_heading
            && !t.is_empty()
            && let Some(hs) = pending.take()
            && !seen.contains_key(t)
        {
            fresh = Some(hs);
        }
        if t.len() >= MIN_DEDUP_LINE_CHARS
            && !code.contains(t)
            && !fields.get(j).copied().unwrap_or(false)
            && let Some(last) = seen.insert(t, start)
            && (in_heading || in_quote || fresh.is_none_or(|f| last >= f))
        {
            continue;
        }
        if !t.is_empty() && blank && t == prev {
            continue;
        }
        if (ad_label(t) || credit_line(t) || inbox_prompt(t)) && !code.contains(t) {
            continue;
        }
        if !t.is_empty() {
            prev = t;
        }
        if t.is_empty() {
            if blank || res.is_empty() {
                continue;
            }
            blank = true;
        } else {
            blank = false;
        }
        res.push_str(line);
        res.push('\n');
    }
    res
}

/// Fewest and most words of an author's bio ([`drop_closing_bio`]). Our choice: a sentence
/// or two, up to a short paragraph.
pub const MIN_BIO_WORDS: usize = 8;
/// See [`MIN_BIO_WORDS`].
pub const MAX_BIO_WORDS: usize = 120;
/// Most capitalised words of the name a bio starts with (a name and a credential:
/// `Angela Holliday-Bell, MD,`).
const MAX_BIO_NAME_WORDS: usize = 5;

/// The name an author's bio starts with: `Firstname Lastname is a/an/the ...`, up to
/// [`MAX_BIO_NAME_WORDS`] capitalised words before `is`, the first not all in capitals, in a
/// line of [`MIN_BIO_WORDS`] to [`MAX_BIO_WORDS`] words. Returns the name and how many words
/// it has.
fn bio_name(line: &str) -> Option<(&str, usize)> {
    let t = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    let n = t.split_whitespace().take(MAX_BIO_WORDS + 1).count();
    if !(MIN_BIO_WORDS..=MAX_BIO_WORDS).contains(&n) {
        return None;
    }
    let mut words = t.split_whitespace();
    let mut name = 0;
    for w in words.by_ref() {
        if w == "is" {
            break;
        }
        if name == MAX_BIO_NAME_WORDS || !w.starts_with(char::is_uppercase) {
            return None;
        }
        // A first name is written "Jane", not "DECLARE": a word in capitals opens the name of
        // a command, an acronym or a shouted heading (a credential after the name, "MD",
        // may be in capitals).
        if name == 0 && !w.chars().any(char::is_lowercase) {
            return None;
        }
        name += 1;
    }
    let article = words.next()?;
    if name == 0 || !matches!(article, "a" | "an" | "the") {
        return None;
    }
    let end = t.find(" is ")?;
    Some((t[..end].trim_end_matches(',').trim(), name))
}

/// Drops an author's bio that closes the text: a last paragraph that starts with a person's
/// name and `is a`/`is an`/`is the` ([`bio_name`]: "Jane Doe is a reporter for ..."), and
/// the line naming the author right above it. A name of one word, or one starting with an
/// article ("The", "A", "An"), is a person's only when the line above is that name (an author
/// box's heading): "Emirates is the number one buyer ...", "The Association is a ..." or
/// "An Enum is a set of ..." (a definition: a teaser's blurb, a glossary's last entry) close
/// texts about them.
fn drop_closing_bio(out: &mut String) {
    let body = out.trim_end();
    let Some(k) = body.rfind('\n') else {
        return;
    };
    let last = &body[k + 1..];
    let Some((name, words)) = bio_name(last) else {
        return;
    };
    let before = body[..k].trim_end();
    let (above_at, above) = before
        .rfind('\n')
        .map_or((0, before), |j| (j + 1, &before[j + 1..]));
    let titled = above.trim() == name;
    let article_led = ["The ", "A ", "An "].iter().any(|a| name.starts_with(a));
    if !titled && (words < 2 || article_led) {
        return;
    }
    // The text must go on without its bio: another paragraph of some length above.
    let cut = if titled { above_at } else { k + 1 };
    if !out[..cut].split('\n').any(is_prose) {
        return;
    }
    out.truncate(cut);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
}

/// Words that label an ad slot when they make up a whole line ("Advertisement",
/// "- ADVERT -", "Sponsored", and the same label in a few other languages). "Advertising" is
/// left out: it heads sections of articles about marketing.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "sponsored",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "reklama",
    "iklan",
];

/// Whether a line is only an ad slot's label ([`AD_LABELS`], punctuation around it allowed):
/// the slot's ad is a script or an image that renders nothing, and the label stays behind
/// in the middle of the text.
fn ad_label(t: &str) -> bool {
    let w = t.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() || w.len() > 16 {
        return false;
    }
    let w = w.to_lowercase();
    AD_LABELS.contains(&w.as_str())
}

/// Labels that open a picture's credit line ([`credit_line`]), followed by `:` (or by
/// `copyright`).
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "photo credit",
    "photo credits",
    "image credit",
    "image credits",
    "photo source",
    "photo sources",
    "image source",
    "image sources",
    "credit",
    "credits",
];

/// Most words of a picture's credit line. Our choice: a list of photographers runs long.
pub const MAX_CREDIT_WORDS: usize = 50;

/// Whether a line is a picture's credit ("Photo: Jane Doe, AP", "Image Source: Agency",
/// "Image copyright Reuters"): a capitalised label of [`CREDIT_LABELS`] and a colon, or
/// `Image copyright`, opening a line of at most [`MAX_CREDIT_WORDS`] words. (A lowercase
/// `image: name` is a configuration line.)
fn credit_line(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    // The label is read first: few lines have one, and it bounds the search for the colon.
    let short = || t.split_whitespace().nth(MAX_CREDIT_WORDS).is_none();
    let head = match t.bytes().take(17).position(|b| b == b':') {
        Some(k) => t.get(..k).unwrap_or(""),
        None => {
            let l = t.get(..16).unwrap_or("");
            return (l.eq_ignore_ascii_case("image copyright ")
                || l.eq_ignore_ascii_case("photo copyright "))
                && short();
        }
    };
    let head = head.trim();
    CREDIT_LABELS.iter().any(|l| head.eq_ignore_ascii_case(l))
        && t.len() > head.len() + 2
        && short()
}

/// Most words of a line read as a newsletter prompt ([`inbox_prompt`]). Our choice: the
/// prompts are a sentence or two.
pub const MAX_INBOX_PROMPT_WORDS: usize = 30;

/// Whether a line is a newsletter prompt: a short line promising something delivered to
/// "your inbox" ("Get the latest updates right in your inbox.").
pub(crate) fn inbox_prompt(t: &str) -> bool {
    // Most lines hold no `x` at all: they are passed over without reading their words.
    if memchr::memchr2(b'x', b'X', t.as_bytes()).is_none() {
        return false;
    }
    let mut prev_your = false;
    for (n, w) in t.split_whitespace().enumerate() {
        if n >= MAX_INBOX_PROMPT_WORDS {
            return false;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if prev_your && (w.eq_ignore_ascii_case("inbox") || w.eq_ignore_ascii_case("inboxes")) {
            // The rest of the line must stay short too.
            return t.split_whitespace().nth(MAX_INBOX_PROMPT_WORDS).is_none();
        }
        prev_your = w.eq_ignore_ascii_case("your");
    }
    false
}

/// The marks [`drop_repeated_lines`] reads as opening a member: a heading, a term (`<dt>`),
/// a term holding `<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Opener {
    Heading,
    Term,
    CodeTerm,
}

/// Whether a heading names an identifier or states a signature, as an API reference's member
/// headings do: a call (`name(`), a path (`a::b`), a return arrow (`->`), or one word in
/// camelCase or snake_case (`getPrincipal`, `u8_suffixed`). Titles of prose are words.
pub(crate) fn names_code(h: &str) -> bool {
    let h = h.trim_start_matches('#').trim();
    let b = h.as_bytes();
    if h.contains("::")
        || h.contains("->")
        || b.windows(2)
            .any(|w| w[1] == b'(' && (w[0].is_ascii_alphanumeric() || w[0] == b'_'))
    {
        return true;
    }
    !h.is_empty()
        && !h.contains(char::is_whitespace)
        && (b.contains(&b'_')
            || b.windows(2)
                .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase()))
}

/// True if a rendered paragraph reads as prose (same thresholds as block scoring).
fn is_prose(p: &str) -> bool {
    let mut chars = 0u32;
    let mut sentence_end = false;
    // Markdown's emphasis, code and quote marks are not text.
    for c in p.chars().filter(|&c| !matches!(c, '*' | '`' | '>')) {
        if !c.is_whitespace() {
            chars += 1;
            if chars >= crate::content::MIN_PROSE_CHARS {
                // Prose whatever follows: no need to read the rest of a long paragraph.
                return true;
            }
            sentence_end = matches!(
                c,
                '.' | '!' | '?' | '。' | '！' | '？' | ':' | '"' | '”' | ')'
            );
        }
    }
    chars >= crate::content::MIN_PROSE_CHARS
        || (chars >= crate::content::MIN_SENTENCE_CHARS && sentence_end)
}

/// True if, in cased scripts, enough words of `p` start with a lowercase letter: running
/// text is mostly function words and common nouns, while bylines, datelines and credits are
/// names, dates and capitalised labels.
fn reads_as_running_text(p: &str) -> bool {
    let (mut words, mut cased, mut lower) = (0u32, 0u32, 0u32);
    for w in p.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            words += 1;
            if c.is_lowercase() {
                cased += 1;
                lower += 1;
            } else if c.is_uppercase() {
                cased += 1;
            }
        }
    }
    cased < MIN_CASED_WORDS
        || cased * 2 < words
        || lower as f32 >= MIN_LOWERCASE_SHARE * cased as f32
}

/// Share of cased words starting in lowercase from which a paragraph reads as running text.
/// Our choice: 0.2, 0.3 and 0.4 measured alike on both halves of the development pages.
pub const MIN_LOWERCASE_SHARE: f32 = 0.2;
/// The text starts after the page's only `<h1>` when less than this share of the rendered
/// text precedes it (a title further down is a box's, not the page's). Our choice: 0.1 and
/// 0.25 both helped on both halves of the development pages, 0.25 more.
pub const MAX_TEXT_SHARE_BEFORE_H1: f32 = 0.25;
/// The text starts at the title (or the top) rather than at the first prose paragraph when
/// at least this many paragraphs come before that one. Our choice, tuned on the development
/// pages (8, 10 and 12 measured about the same; 6 dropped a listing's lines).
pub const MIN_LEAD_SEGMENTS: usize = 12;
/// Longest header (characters: poster's name, date, rank) of a thread's first post that is
/// kept before its text. Our choice.
pub const MAX_POST_HEADER_CHARS: usize = 200;
/// Most sub-headings (h2..h6) kept in a row directly before the first prose paragraph (a
/// section's heading under its group's heading, a tagline set as a heading). Our choice: the
/// previous rule kept one; 3 and 8 measured alike on the tuning half (8 by one product page).
/// The page's title (`<h1>`) never counts, and a byline or any other line breaks the run.
pub const MAX_LEAD_HEADINGS: usize = 8;
/// Most paragraphs of a repeated record kept before its first or after its last prose
/// paragraph when the text starts or ends there (its title, date, place, price). Our choice.
pub const MAX_RECORD_LEAD: usize = 8;
/// Fewest words of a record's heading that make it a title (a poster's name is one or two).
/// Our choice.
const MIN_RECORD_TITLE_WORDS: usize = 3;
/// Lowest heading level (h2) that [`MAX_LEAD_HEADINGS`] keeps.
const LEAD_MIN_LEVEL: u8 = 2;
/// Paragraphs with fewer cased words than this skip the lowercase test.
const MIN_CASED_WORDS: u32 = 5;

/// Drops the paragraphs before the first and after the last prose paragraph (bylines, dates,
/// the title, "Advertisement", share prompts), keeping the sub-headings (h2..h6, up to
/// [`MAX_LEAD_HEADINGS`]) that directly precede the first prose paragraph.
#[cfg(test)]
fn trim_to_prose(out: &str, segments: &[(usize, u8)], posts: &[usize]) -> String {
    let (s, e) = prose_range(out, segments, posts, &[], &[], &[]);
    out.get(s..e).unwrap_or(out).to_owned()
}

/// Most headings between the last prose paragraph and a titled list that ends the text.
/// Our choice: a section's heading, under its group's.
const MAX_TAIL_HEADINGS: usize = 2;
/// Fewest paragraphs (items) of a titled list that ends the text. Our choice.
const MIN_TAIL_ITEMS: usize = 2;

/// The byte range of `out` that [`trim_to_prose`] keeps. `plain_lists` (first paragraph,
/// one past the last) are the outermost lists without a link; `records` (first paragraph,
/// one past the last, parent node) the root's repeated records, and `unlinked` their
/// paragraphs holding text outside links.
fn prose_range(
    out: &str,
    segments: &[(usize, u8)],
    posts: &[usize],
    plain_lists: &[(usize, usize)],
    records: &[(usize, usize, usize)],
    unlinked: &[usize],
) -> (usize, usize) {
    let bounds: Vec<(usize, usize, u8)> = segments
        .iter()
        .enumerate()
        .map(|(k, &(s, h))| (s, segments.get(k + 1).map_or(out.len(), |n| n.0), h))
        .collect();
    let text = |k: usize| {
        bounds
            .get(k)
            .and_then(|&(s, e, _)| out.get(s..e))
            .unwrap_or("")
    };
    let prose: Vec<bool> = (0..bounds.len())
        .map(|k| bounds[k].2 == 0 && is_prose(text(k)))
        .collect();
    // The text starts at the first paragraph of running text (a byline or dateline can be
    // long); it ends at the last prose paragraph (lists of names and dates end articles too).
    // Promotions and teasers above the page's title are not the text: when an `<h1>` is
    // followed by prose, the text starts after it.
    let h1s = bounds.iter().filter(|b| b.2 == 1).count();
    let from = bounds
        .iter()
        .position(|b| b.2 == 1)
        .filter(|&h| {
            h1s == 1
                && prose.iter().skip(h).any(|&p| p)
                && (bounds[h].0 as f32) < MAX_TEXT_SHARE_BEFORE_H1 * out.len() as f32
        })
        .unwrap_or(0);
    let (Some(first), Some(last)) = (
        prose
            .iter()
            .enumerate()
            .skip(from)
            .position(|(k, &p)| p && reads_as_running_text(text(k)))
            .map(|k| k + from)
            .or_else(|| prose.iter().skip(from).position(|&p| p).map(|k| k + from)),
        prose.iter().rposition(|&p| p),
    ) else {
        return (0, out.len());
    };
    let mut start = first;
    while start > from
        && start + MAX_LEAD_HEADINGS > first
        && bounds.get(start - 1).is_some_and(|b| b.2 >= LEAD_MIN_LEVEL)
    {
        start -= 1;
    }
    // Many short paragraphs before the first prose are no byline or dateline: they are cards
    // (a collection's products, names with specs and prices), kept from the title on.
    if first >= from + MIN_LEAD_SEGMENTS {
        start = from;
    }
    // In a thread, the first post's header (its poster's name, its date) goes with it.
    if let Some(&p) = posts.iter().rev().find(|&&p| p <= first)
        && p < start
        && bounds.get(p).zip(bounds.get(first)).is_some_and(|(a, b)| {
            out.get(a.0..b.0).is_some_and(|t| {
                t.chars().filter(|c| !c.is_whitespace()).count() <= MAX_POST_HEADER_CHARS
            })
        })
    {
        start = p;
    }
    // A list of the text's own words (no link: fees, a checklist, opening hours) under its
    // heading after the last paragraph ends the text, as a section of it; a list of links
    // there is a menu, tags or related pages.
    let last = match plain_lists.last() {
        Some(&(f, e))
            if e == bounds.len()
                && f > last + 1
                && f <= last + 1 + MAX_TAIL_HEADINGS
                && e >= f + MIN_TAIL_ITEMS
                && bounds
                    .get(last + 1..f)
                    .is_some_and(|h| h.iter().all(|b| b.2 > 0)) =>
        {
            e - 1
        }
        _ => last,
    };
    // Text that runs over several records of one group (a list of teasers, events,
    // products: records whose title, a heading of a few words, comes before their prose; a
    // thread's posts have none, or their poster's name) neither starts nor ends inside one: the first record's title, date and place
    // above its blurb (not the page's `<h1>`: a landing page's sections repeat too), and the
    // last one's price or place below it, go with it. One record
    // holding all the prose is an article among others: its title stays out; a product's
    // page is one item (its records are features and carousels), never read so.
    let holding = |k: usize| records.iter().find(|&&(r, e, _)| r <= k && k < e);
    let titled = |r: usize, e: usize| {
        (r..e).any(|k| {
            bounds.get(k).is_some_and(|b| b.2 > 0)
                && text(k)
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
                    >= MIN_RECORD_TITLE_WORDS
        })
    };
    // Another record of the group meets the text: it runs over the group.
    let shared = |r: usize, p: usize| {
        records
            .iter()
            .any(|&(r2, e2, p2)| p2 == p && r2 != r && r2 <= last && e2 > first)
    };
    if let Some(&(r, _, p)) = holding(first)
        && r >= from
        && first - r <= MAX_RECORD_LEAD
        && titled(r, first)
        && !(r..first).any(|k| bounds.get(k).is_some_and(|b| b.2 == 1))
        && shared(r, p)
    {
        start = start.min(r);
    }
    let mut last = last;
    if let Some(&(q, e, p)) = holding(last)
        && titled(q, last)
        && shared(q, p)
    {
        // Up to its last line of text outside links ("Read more", "Book now" are actions).
        let from = unlinked.partition_point(|&k| k <= last);
        let to = unlinked.partition_point(|&k| k < e.min(last + 1 + MAX_RECORD_LEAD));
        if let Some(&k) = unlinked.get(from..to).and_then(<[usize]>::last) {
            last = k;
        }
    }
    let s = bounds.get(start).map_or(0, |b| b.0);
    let e = bounds.get(last).map_or(out.len(), |b| b.1);
    (s, e)
}

/// The start of the text (byte `s` of the output) moved back to a titled list without a link
/// (`plain_lists`, under at most [`MAX_TAIL_HEADINGS`] sub-headings) that ends straight before the sub-headings that open the text; `s` when
/// none does.
fn lead_list_start(segments: &[(usize, u8)], plain_lists: &[(usize, usize)], s: usize) -> usize {
    // Segments are in output order: the first starting at `s`.
    let k = segments.partition_point(|g| g.0 < s);
    if segments.get(k).is_none_or(|g| g.0 != s) {
        return s;
    }
    let heads_before = |k: usize| {
        let mut j = k;
        while j > 0
            && k - j < MAX_TAIL_HEADINGS
            && segments.get(j - 1).is_some_and(|g| g.1 >= LEAD_MIN_LEVEL)
        {
            j -= 1;
        }
        j
    };
    let j = heads_before(k);
    match plain_lists.iter().find(|&&(_, e)| e == j) {
        Some(&(f, e)) if e > f => {
            let h = heads_before(f);
            if h < f {
                segments.get(h).map_or(s, |g| g.0)
            } else {
                s
            }
        }
        _ => s,
    }
}

/// Most ancestors of a text node read by [`in_link`]. Our choice.
const MAX_LINK_DEPTH: usize = 6;

/// Whether text node `i` stands inside a link (within [`MAX_LINK_DEPTH`] ancestors).
fn in_link(dom: &Dom, i: usize) -> bool {
    let mut p = dom.parent(i);
    for _ in 0..MAX_LINK_DEPTH {
        match p {
            Some(q) if dom.tag(q) == Tag::A => return true,
            Some(q) => p = dom.parent(q),
            None => return false,
        }
    }
    false
}

/// The first and the last prose paragraph (a `<p>` of positive value, outside pruned
/// regions) of the subtree of `root`, if any.
fn prose_span(dom: &Dom, a: &Analysis, root: usize) -> Option<(usize, usize)> {
    let mut span: Option<(usize, usize)> = None;
    let end = dom.end(root);
    let mut i = root + 1;
    while i < end {
        if a.pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom.tag(i) == Tag::P && a.value.get(i).copied().unwrap_or(0.0) > 0.0 {
            span = Some(span.map_or((i, i), |(f, _)| (f, i)));
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
    span
}

fn skip(
    dom: &Dom,
    a: &Analysis,
    i: usize,
    root: usize,
    cfg: &ExtractConfig,
    text: Option<(usize, usize)>,
) -> bool {
    if a.pruned.get(i).copied().unwrap_or(false) {
        return true;
    }
    let tag = dom.tag(i);
    match tag {
        Tag::Table if !cfg.include_tables => return true,
        Tag::Ul | Tag::Ol | Tag::Dl if !cfg.include_lists => return true,
        _ => {}
    }
    if i == root
        || tag == Tag::Text
        || (a.listing && a.in_record.get(i).copied().unwrap_or(false))
        || (a.listing && tag == Tag::Dt && term_of_record(dom, a, i))
    {
        return false;
    }
    let c = a.chars.get(i).copied().unwrap_or(0);
    let l = a.link_chars.get(i).copied().unwrap_or(0);
    let k = a.links.get(i).copied().unwrap_or(0);
    let v = a.value.get(i).copied().unwrap_or(0.0);
    c > 0
        && k >= MIN_INNER_CLUSTER_LINKS
        && l as f32 > MAX_INNER_LINK_DENSITY * c as f32
        && v < 0.0
        && !holds_header_table(dom, a, i, c)
        // A list between two prose paragraphs of the root is part of the running text (an
        // enumeration of links: changes, sources, places), however many links it holds:
        // menus, tag lists and "related" boxes sit before or after the text.
        && !(matches!(tag, Tag::Ul | Tag::Ol)
            && c >= MIN_TEXT_LIST_LINK_CHARS * k
            && text.is_some_and(|(f, l)| f < i && dom.end(i) <= l))
        && !product_cards(dom, a, i, k)
        // The link lists of a tab widget's panels are the tabs' content (forms to download,
        // a plan's features), not menus.
        && !a.tab_set.is_some_and(|s| s < i && i < dom.end(s))
        // Cards after the first prose paragraph of the root, each a link around a block (a
        // service's or feature's title and blurb), are part of the page's text; teaser
        // sliders of other posts look alike but date their cards. (Cards anywhere in the
        // root, before the text too, lost a held-out collection page.)
        && !(text.is_some_and(|(f, _)| f < i) && card_group(dom, a, i, k))
}

/// Most nodes of a link cluster searched for cards ([`card_group`]). Our choice: a dozen
/// cards with images and blurbs take a few hundred.
pub const MAX_CARD_GROUP_NODES: usize = 1500;
/// Fewest characters of a card link ([`card_group`]): a title and a line of blurb. Our
/// choice: 25 took a listing's link rows for cards (tuning listing -0.05, held product
/// -0.003), 60 missed two tuning service pages' cards.
pub const MIN_CARD_LINK_CHARS: u32 = 40;

/// Class words of a date or time stamp.
const DATE_WORDS: &[&str] = &[
    "date",
    "time",
    "timestamp",
    "published",
    "pubdate",
    "posted",
];

/// Whether most of the `k` links of `i` (at least [`MIN_INNER_CLUSTER_LINKS`]) are cards: a
/// link of at least [`MIN_CARD_LINK_CHARS`] characters around a block (a title and a blurb),
/// and no card is dated (a `<time>`, a class naming a date, a date-shaped text): dated cards
/// are teasers of posts.
fn card_group(dom: &Dom, a: &Analysis, i: usize, k: u32) -> bool {
    let end = dom.end(i);
    if end.saturating_sub(i) > MAX_CARD_GROUP_NODES {
        return false;
    }
    let mut cards = 0u32;
    let mut j = i + 1;
    while j < end {
        if a.pruned.get(j).copied().unwrap_or(true) {
            j = dom.end(j).max(j + 1);
            continue;
        }
        let tag = dom.tag(j);
        if tag == Tag::Time
            || (tag == Tag::Text && date_shaped(dom.text_of(j)))
            || crate::content::class_has_word(dom, j, DATE_WORDS)
        {
            return false;
        }
        if tag == Tag::A
            && a.chars.get(j).copied().unwrap_or(0) >= MIN_CARD_LINK_CHARS
            && (j + 1..dom.end(j)).any(|x| dom.tag(x).closes_p())
        {
            cards += 1;
        }
        j += 1;
    }
    cards >= MIN_INNER_CLUSTER_LINKS && 2 * cards >= k
}

/// Month names and their common abbreviations, lowercase and space-separated: English,
/// German, French, Spanish, Italian, Portuguese, Dutch, Polish and Turkish, and Russian in
/// the nominative and the genitive used in dates (`3 марта`). Abbreviations that are also
/// common words next to a number (Portuguese `out` as in "4 out of 5", Italian `set`, `gen`,
/// `mag`, `lug`) are left out.
const MONTHS: &[&str] = &[
    // English
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june \
     july august september october november december",
    // German
    "januar jän jänner februar märz mär mai juni juli oktober okt dezember dez",
    // French
    "janvier janv février févr mars avril avr juin juillet juil août septembre octobre \
     novembre décembre déc",
    // Spanish
    "enero ene febrero marzo abril abr mayo junio julio agosto septiembre setiembre octubre \
     noviembre diciembre dic",
    // Italian
    "gennaio febbraio aprile maggio giugno giu luglio settembre ottobre ott dicembre",
    // Portuguese
    "janeiro fevereiro fev março maio junho julho setembro outubro dezembro",
    // Dutch
    "januari februari maart mrt mei augustus",
    // Polish (genitive, as written in dates)
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października \
     listopada grudnia",
    // Turkish
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    // Russian (nominative and genitive)
    "январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля \
     август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря",
];

/// Words that follow a number and a unit to say how long ago (`6 years ago`, `3 дня назад`,
/// `3 giorni fa`, `2 weken geleden`).
const AGO_AFTER: &[&str] = &["ago назад fa geleden temu önce"];

/// Words that come before a number and a unit to say how long ago (`vor 3 Tagen`,
/// `hace 3 días`, `há 3 dias`; French `il y a 3 jours` ends in `a`, too common to match).
const AGO_BEFORE: &[&str] = &["vor hace há"];

/// The words of [`MONTHS`], for [`is_month`].
static MONTH_WORDS: std::sync::LazyLock<
    std::collections::HashSet<&'static str, ahash::RandomState>,
> = std::sync::LazyLock::new(|| {
    MONTHS
        .iter()
        .flat_map(|l| l.split_ascii_whitespace())
        .collect()
});

/// Whether the word `w` is a month's name or abbreviation ([`MONTHS`]), in any letter case.
/// Dates are looked for in many short texts (a thread's posts' date lines): one set lookup,
/// lowercased on the stack for ASCII words (longer words are no month).
fn is_month(w: &str) -> bool {
    let mut buf = [0u8; 12];
    if w.is_ascii() {
        let Some(b) = buf.get_mut(..w.len()) else {
            return false;
        };
        for (d, c) in b.iter_mut().zip(w.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(b).is_ok_and(|l| MONTH_WORDS.contains(l));
    }
    MONTH_WORDS.contains(w.to_lowercase().as_str())
}

/// Whether the word `w` is one of the space-separated lowercase words of `lists`, in any
/// letter case, without allocating.
fn word_in(w: &str, lists: &[&str]) -> bool {
    let ascii = w.is_ascii();
    lists
        .iter()
        .flat_map(|l| l.split_ascii_whitespace())
        .any(|m| {
            if ascii {
                w.eq_ignore_ascii_case(m)
            } else {
                w.chars().flat_map(char::to_lowercase).eq(m.chars())
            }
        })
}

/// Whether `s` holds a date: a month name next to a day or a year (`Mar. 03, 2026`,
/// `3 March`, `3. März 2026`, `3 марта`), three numbers joined by `/`, `.` or `-`
/// (`03/03/2026`, `2026-03-03`), a CJK date (`2026年3月3日`, `3월 3일`), or an age (`6 years
/// ago`, `vor 3 Tagen`).
pub(crate) fn date_shaped(s: &str) -> bool {
    worded_date(s) || cjk_date(s) || numeric_date(s)
}

/// Words that may stand in a line that is only a date or an age, besides numbers, month
/// names and the words of [`AGO_AFTER`]: units of an age (`9 hrs ago`) and the article of
/// `an hour ago`.
const DATE_LINE_WORDS: &[&str] = &[
    "a an second seconds sec secs minute minutes min mins hour hours hr hrs day days week \
     weeks wk wks month months mo mos year years yr yrs am pm",
];

/// Whether `s` is a date or an age and nothing else (`9 hrs ago`, `Dec 15, 2025`,
/// `46m - Dec 15, 2025`, `2026-03-03`): [`date_with_month_or_year`] whose every word is a
/// number (a time or a duration: `09:08PM`, `46m`), a month's name, or a word of an age. A date line with other words (`Releases May 8, 2026`,
/// `Updated on ...`, a byline) says more than when.
pub(crate) fn only_date(s: &str) -> bool {
    let words_fit = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || is_month(w)
                || word_in(w, AGO_AFTER)
                || word_in(w, DATE_LINE_WORDS)
        });
    words_fit && date_with_month_or_year(s)
}

/// [`date_shaped`], but three numbers are a date only with a four-digit year of the last two
/// centuries among them (`03/03/2026`, `2026-03-03`): `4.1.1` numbers a section, `1.2.3` a
/// version.
pub(crate) fn date_with_month_or_year(s: &str) -> bool {
    worded_date(s) || cjk_date(s) || (numeric_date(s) && has_year(s))
}

/// Whether `s` holds a four-digit year of the last two centuries (`19xx`, `20xx`) that is
/// not part of a longer number.
fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    (0..b.len().saturating_sub(3)).any(|k| {
        (k == 0 || !digit(k - 1))
            && !digit(k + 4)
            && matches!(b.get(k..k + 2), Some(b"19" | b"20"))
            && digit(k + 2)
            && digit(k + 3)
    })
}

/// The worded part of [`date_shaped`]: a month name next to a number, or an age.
fn worded_date(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) && w.len() != 3;
    let count = |w: &str| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    for (n, w) in words.iter().enumerate() {
        // The number may stand one `de` away (`5 de mayo de 2024`).
        let beside = |before: bool| {
            let at = |d: usize| {
                if before {
                    n.checked_sub(d)
                } else {
                    Some(n + d)
                }
            };
            let word = |d: usize| at(d).and_then(|x| words.get(x));
            word(1).is_some_and(|p| number(p))
                || word(1).is_some_and(|p| p.eq_ignore_ascii_case("de"))
                    && word(2).is_some_and(|p| number(p))
        };
        // The numbers around a word are checked before the word lists, which cost more.
        if (beside(true) || beside(false)) && is_month(w) {
            return true;
        }
        if n >= 2 && words.get(n - 2).is_some_and(|p| count(p)) && word_in(w, AGO_AFTER) {
            return true;
        }
        if words.get(n + 1).is_some_and(|p| count(p))
            && words
                .get(n + 2)
                .is_some_and(|u| u.chars().all(char::is_alphabetic))
            && word_in(w, AGO_BEFORE)
        {
            return true;
        }
    }
    false
}

/// Two numbers each followed by a CJK year, month or day sign (`2026年3月`, `3月3日`,
/// `3월 3일`).
fn cjk_date(s: &str) -> bool {
    let mut marked = 0;
    let mut digits = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits = true;
            continue;
        }
        if digits && matches!(c, '年' | '月' | '日' | '년' | '월' | '일') {
            marked += 1;
            if marked == 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            marked = 0;
        }
        digits = false;
    }
    false
}

/// Three groups of digits joined by one separator each (`03/03/2026`, `2026-03-03`).
fn numeric_date(s: &str) -> bool {
    let b = s.as_bytes();
    let mut groups = 0;
    let mut digits = 0;
    for (x, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            digits += 1;
            continue;
        }
        let sep = matches!(c, b'/' | b'.' | b'-')
            && digits > 0
            && b.get(x + 1).is_some_and(u8::is_ascii_digit);
        if sep {
            groups += 1;
            if groups == 2 {
                return true;
            }
        } else {
            groups = 0;
        }
        digits = 0;
    }
    false
}

/// True if the next element sibling of the `<dt>` `i` (after whitespace) is a record of a
/// listing: the term goes with its description (`<dt>` title, `<dd>` record).
fn term_of_record(dom: &Dom, a: &Analysis, i: usize) -> bool {
    let Some(p) = dom.parent(i) else {
        return false;
    };
    let mut k = dom.end(i);
    while k < dom.end(p) {
        if dom.tag(k) == Tag::Text && dom.text_of(k).trim().is_empty() {
            k += 1;
            continue;
        }
        return dom.tag(k) == Tag::Dd && a.in_record.get(k).copied().unwrap_or(false);
    }
    false
}

/// Whether record `r` is a small card (at most [`crate::content::MAX_PRODUCT_CARD_NODES`]
/// nodes) showing a picture and a price outside its pruned parts: a product of a shop's
/// grid, its price shown. (`s` is a buffer for the shown text.)
fn shown_priced_card(dom: &Dom, a: &Analysis, r: usize, s: &mut String) -> bool {
    let end = dom.end(r);
    if end.saturating_sub(r) > crate::content::MAX_PRODUCT_CARD_NODES {
        return false;
    }
    s.clear();
    let mut picture = false;
    let mut k = r + 1;
    while k < end {
        if a.pruned.get(k).copied().unwrap_or(false) {
            k = dom.end(k).max(k + 1);
            continue;
        }
        match dom.tag(k) {
            Tag::Img | Tag::Picture => picture = true,
            Tag::Text => {
                s.push_str(dom.text_of(k));
                s.push(' ');
            }
            _ => {}
        }
        k += 1;
    }
    picture && crate::content::holds_price(s)
}

/// A product card may hold this many links (its picture, its name, its reviews, a compare
/// or wish-list action) when its picture link is priced
/// ([`crate::content::is_priced_image_link`]). Our choice.
pub const MAX_LINKS_PER_PRICED_CARD: u32 = 4;

/// Whether most of the `k` links of `i` are product cards (see
/// [`crate::content::is_product_card_link`]): a shop's grid, not a menu. Or cards whose
/// picture link is priced: one card or more, with at most [`MAX_LINKS_PER_PRICED_CARD`]
/// links each.
fn product_cards(dom: &Dom, a: &Analysis, i: usize, k: u32) -> bool {
    let end = dom.end(i);
    let mut cards = 0u32;
    let mut priced = 0u32;
    // The links still shown: `k` was counted before the passes that prune inside the root
    // (a card's "Be the first to review" link, alike in each card, goes with the template
    // lines).
    let mut shown = 0u32;
    let mut j = i + 1;
    while j < end {
        if a.pruned.get(j).copied().unwrap_or(false) {
            j = dom.end(j).max(j + 1);
            continue;
        }
        if dom.tag(j) == Tag::A {
            shown += 1;
            if crate::content::is_product_card_link(dom, j) {
                cards += 1;
            } else if crate::content::is_priced_image_link(dom, j) {
                priced += 1;
            }
            j = dom.end(j).max(j + 1);
            continue;
        }
        j += 1;
    }
    let k = k.min(shown);
    if (cards >= MIN_INNER_CLUSTER_LINKS && 2 * cards >= k)
        || (cards + priced > 0 && MAX_LINKS_PER_PRICED_CARD * (cards + priced) >= k)
    {
        return true;
    }
    // A part of such a card (its details beside the picture: name, reviews, actions).
    let mut p = i;
    for _ in 0..MAX_CARD_PART_DEPTH {
        let Some(q) = dom.parent(p) else { break };
        p = q;
        let end = dom.end(p);
        if end.saturating_sub(p) > MAX_CARD_PART_NODES {
            break;
        }
        let priced = (p + 1..end).any(|j| {
            dom.tag(j) == Tag::A
                && !(j <= i && i < dom.end(j))
                && crate::content::is_priced_image_link(dom, j)
        });
        if priced {
            return MAX_LINKS_PER_PRICED_CARD >= shown_links(dom, a, p);
        }
    }
    false
}

/// Links of `p` outside pruned regions (links inside links not counted). The counts of the
/// analysis were taken before the passes that prune inside the root.
fn shown_links(dom: &Dom, a: &Analysis, p: usize) -> u32 {
    let mut shown = 0u32;
    let end = dom.end(p);
    let mut j = p + 1;
    while j < end {
        if a.pruned.get(j).copied().unwrap_or(false) {
            j = dom.end(j).max(j + 1);
            continue;
        }
        if dom.tag(j) == Tag::A {
            shown += 1;
            j = dom.end(j).max(j + 1);
            continue;
        }
        j += 1;
    }
    shown
}

/// Levels above a link cluster searched for the priced card it is a part of. Our choice.
const MAX_CARD_PART_DEPTH: usize = 2;
/// Most nodes of a card searched by [`product_cards`] for the picture link of a part of it.
const MAX_CARD_PART_NODES: usize = 400;

/// Share of a link cluster's text from which a data table inside it makes it content.
pub const MIN_HEADER_TABLE_SHARE: f32 = 0.9;

/// True if most of the text of `i` (`c` characters) is a table with header cells (`<th>`),
/// or `i` is a part of one (its body, a row): a data table whose cells are links (companies
/// and their revenue, players and their scores) is content even when its links outweigh its
/// other text; menus and link lists are not laid out under column headers.
fn holds_header_table(dom: &Dom, a: &Analysis, i: usize, c: u32) -> bool {
    let has_th = |t: usize| (t..dom.end(t).max(t + 1)).any(|x| dom.tag(x) == Tag::Th);
    let mut p = i;
    while matches!(
        dom.tag(p),
        Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr | Tag::Td | Tag::Th
    ) {
        match dom.parent(p) {
            Some(q) if dom.tag(q) == Tag::Table => return has_th(q),
            Some(q) => p = q,
            None => return false,
        }
    }
    let end = dom.end(i);
    let mut j = i;
    while j < end {
        if dom.tag(j) == Tag::Table {
            let t_end = dom.end(j).max(j + 1);
            let tc = a.chars.get(j).copied().unwrap_or(0);
            if tc as f32 >= MIN_HEADER_TABLE_SHARE * c as f32 {
                return has_th(j);
            }
            j = t_end;
        } else {
            j += 1;
        }
    }
    false
}

fn open(
    dom: &Dom,
    i: usize,
    cfg: &ExtractConfig,
    w: &mut Writer,
    pre_depth: &mut usize,
    list_depth: &mut usize,
) {
    let tag = dom.tag(i);
    let md = w.markdown;
    // No Markdown line prefixes (headings, list bullets) inside a table cell.
    let prefixes = md && !w.table.in_cell;
    if tag == Tag::Blockquote {
        if w.quote_depth == 0 {
            w.quote_start = w.out.len();
        }
        w.quote_depth += 1;
    }
    if tag == Tag::Dt {
        w.term_start = w.out.len();
        w.term_open = true;
        w.term_code = false;
    }
    if tag == Tag::Code && w.term_open {
        w.term_code = true;
    }
    match tag {
        Tag::Br => w.want(Gap::Line),
        Tag::Table if md => {
            w.tables += 1;
            if w.gfm_depth == 0
                && let Some(columns) = data_table_columns(dom, i)
            {
                w.gfm_depth = w.tables;
                w.table = GfmTable {
                    columns,
                    ..GfmTable::default()
                };
            }
            w.want(Gap::Para);
        }
        Tag::Tr if w.gfm_row() => {
            w.table.cells = 0;
            w.want(Gap::Line);
        }
        // Row groups of a Markdown table are not paragraphs.
        Tag::Thead | Tag::Tbody | Tag::Tfoot if w.gfm_row() => w.want(Gap::Line),
        Tag::Td | Tag::Th if w.gfm_row() => {
            let span = colspan(dom, i);
            w.open_cell(span);
        }
        Tag::Td | Tag::Th => w.want(Gap::Cell),
        Tag::B | Tag::Strong | Tag::Em | Tag::I | Tag::Code
            if md && *pre_depth == 0 && w.heading_depth == 0 =>
        {
            if separates_from_previous(dom, i) {
                w.want(Gap::Soft);
            }
            if let Some(mark) = inline_mark(dom, i, &w.marks) {
                w.open_mark(i, mark);
            }
        }
        Tag::Blockquote if prefixes => {
            w.want(Gap::Para);
            w.quotes.push(i);
        }
        Tag::Li | Tag::Dt | Tag::Dd | Tag::Tr => {
            w.want(Gap::Line);
            if prefixes && tag == Tag::Li {
                w.prefix = Some(format!("{}- ", "  ".repeat(list_depth.saturating_sub(1))));
            }
        }
        Tag::Ul | Tag::Ol | Tag::Dl => {
            *list_depth += 1;
            if *list_depth == 1 && !(i + 1..dom.end(i)).any(|k| dom.tag(k) == Tag::A) {
                w.plain_list = Some(w.segments.len());
            }
            w.want(if *list_depth > 1 {
                Gap::Line
            } else {
                Gap::Para
            });
        }
        Tag::Pre | Tag::Xmp | Tag::Plaintext | Tag::Listing => {
            w.want(Gap::Para);
            *pre_depth += 1;
            if prefixes && *pre_depth == 1 {
                w.raw("```\n");
            }
            if *pre_depth == 1 {
                w.code_start = w.out.len();
            }
        }
        t if t.is_heading() => {
            w.want(Gap::Para);
            let level = match t {
                Tag::H1 => 1,
                Tag::H2 => 2,
                Tag::H3 => 3,
                Tag::H4 => 4,
                Tag::H5 => 5,
                _ => 6,
            };
            w.next_heading = level;
            w.heading_depth += 1;
            if prefixes {
                w.prefix = Some(format!("{} ", "#".repeat(usize::from(level))));
            }
        }
        Tag::Img if cfg.include_images => {
            if let Some(alt) = dom
                .attr(i, Attr::Alt)
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                w.want(Gap::Para);
                if md {
                    w.raw(&format!("![{alt}]()"));
                } else {
                    w.raw(&format!("[image: {alt}]"));
                }
                w.want(Gap::Para);
            }
        }
        t if !t.is_block() && separates_from_previous(dom, i) => {
            w.want(Gap::Soft);
            if t == Tag::A && cfg.include_links && md && dom.attr(i, Attr::Href).is_some() {
                w.flush();
                w.out.push('[');
            }
        }
        Tag::A if cfg.include_links && md && dom.attr(i, Attr::Href).is_some() => {
            w.flush();
            w.out.push('[');
        }
        t if t.is_block() => w.want(Gap::Para),
        _ => {}
    }
}

fn close(
    dom: &Dom,
    i: usize,
    cfg: &ExtractConfig,
    w: &mut Writer,
    pre_depth: &mut usize,
    list_depth: &mut usize,
) {
    let tag = dom.tag(i);
    if tag == Tag::Blockquote && w.quote_depth > 0 {
        w.quote_depth -= 1;
        if w.quote_depth == 0 {
            w.quoted.push((w.quote_start, w.out.len()));
        }
    }
    if tag == Tag::Dt {
        if w.out.len() > w.term_start {
            w.terms.push((w.term_start, w.out.len(), w.term_code));
        }
        w.term_open = false;
    }
    match tag {
        Tag::Table if w.markdown => {
            if w.tables == w.gfm_depth {
                w.gfm_depth = 0;
                w.table = GfmTable::default();
            }
            w.tables = w.tables.saturating_sub(1);
            w.want(Gap::Para);
        }
        Tag::Td | Tag::Th if w.gfm_depth != 0 && w.tables == w.gfm_depth && w.table.in_cell => {
            w.table.in_cell = false;
        }
        Tag::Tr if w.gfm_row() => w.close_row(),
        Tag::B | Tag::Strong | Tag::Em | Tag::I | Tag::Code if w.markdown => w.close_mark(i),
        Tag::Blockquote if w.quotes.last() == Some(&i) => {
            w.quotes.pop();
            w.want(Gap::Para);
        }
        t if t.is_heading() => {
            w.heading_depth = w.heading_depth.saturating_sub(1);
            w.want(Gap::Para);
        }
        Tag::Thead | Tag::Tbody | Tag::Tfoot if w.gfm_row() => w.want(Gap::Line),
        Tag::Li | Tag::Dt | Tag::Dd | Tag::Tr => w.want(Gap::Line),
        Tag::Ul | Tag::Ol | Tag::Dl => {
            *list_depth = list_depth.saturating_sub(1);
            if *list_depth == 0
                && let Some(f) = w.plain_list.take()
            {
                w.plain_lists.push((f, w.segments.len()));
            }
            w.want(if *list_depth > 0 {
                Gap::Line
            } else {
                Gap::Para
            });
        }
        Tag::Pre | Tag::Xmp | Tag::Plaintext | Tag::Listing => {
            *pre_depth = pre_depth.saturating_sub(1);
            if *pre_depth == 0 {
                w.code.push((w.code_start, w.out.len()));
            }
            if w.markdown && !w.table.in_cell && *pre_depth == 0 {
                trim_end_newlines(&mut w.out);
                trim_end_spaces(&mut w.out);
                w.out.push('\n');
                for _ in 0..w.quotes.len() {
                    w.out.push_str("> ");
                }
                w.out.push_str("```");
            }
            w.want(Gap::Para);
        }
        Tag::A if cfg.include_links => {
            if let Some(href) = dom.attr(i, Attr::Href) {
                if w.markdown {
                    w.out.push_str(&format!("]({href})"));
                } else if !href.starts_with('#') && !href.starts_with("javascript:") {
                    w.out.push_str(&format!(" <{href}>"));
                }
            }
        }
        t if t.is_block() => w.want(Gap::Para),
        _ => {}
    }
}

/// True if inline element `i` directly follows an inline sibling element with no text
/// between them: adjacent inline items (`<span>2026</span><span>1h 54m</span>`, a number and
/// its unit) are shown apart by their stylesheet, so a word break goes between them
/// ([`Gap::Soft`] keeps a lowercase word split into styled runs whole).
fn separates_from_previous(dom: &Dom, i: usize) -> bool {
    let Some(p) = dom.previous_sibling(i) else {
        return false;
    };
    let ptag = dom.tag(p);
    !(ptag.is_block() || ptag == Tag::Br || ptag == Tag::Text)
}

fn trim_end_newlines(s: &mut String) {
    while s.ends_with(['\n', ' ']) {
        s.pop();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_long_text_or_a_sentence() {
        // Markdown marks are no text; 60 characters are prose whatever ends them.
        assert!(is_prose(&"word ".repeat(15)));
        assert!(!is_prose(&"**word** ".repeat(11)));
        assert!(is_prose("A sentence of thirty characters ends."));
        assert!(!is_prose("A label of thirty characters or so"));
        assert!(is_prose(&format!("{} and more", "x".repeat(60))));
    }

    #[test]
    fn long_bylines_before_the_text_are_trimmed() {
        let out = "By Jane Doe | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM\n\nThe telescope found water vapour above the surface of the moon, which scientists had long suspected.\n\nFollow Us On Facebook, Twitter And Instagram For All The Latest News Today";
        let segs: Vec<(usize, u8)> = [
            0,
            out.find("The tele").unwrap(),
            out.find("Follow").unwrap(),
        ]
        .into_iter()
        .map(|s| (s, 0))
        .collect();
        let t = trim_to_prose(out, &segs, &[]);
        assert!(t.starts_with("The telescope"), "{t}");
        // The end boundary only needs prose: lists of names and dates end articles too.
        assert!(t.ends_with("Latest News Today"), "{t}");
        // A promotion above the only h1 goes with the title.
        let out = "Try our analytics for free, no card required, and see what your users do.\n\nThe Ultimate Guide\n\nMobile design starts with the thumb, which reaches only part of the screen, and a long paragraph follows here to make the body of the article much longer than the promotion, with more words again and again.";
        let segs = vec![
            (0, 0),
            (out.find("The Ult").unwrap(), 1),
            (out.find("Mobile").unwrap(), 0),
        ];
        assert!(trim_to_prose(out, &segs, &[]).starts_with("Mobile design"));
        // Uncased scripts are not judged by case.
        assert!(reads_as_running_text(
            "MBC SBS KBS JTBC 이유리의 연기는 그녀의 막장 히트작 연민정처럼 감정펀치다 그때그때 감정의"
        ));
    }

    #[test]
    fn a_titled_list_without_links_after_the_last_paragraph_ends_the_text() {
        // A service page's fees under their heading after its last paragraph (Wix rich
        // text: an `<li><p>` per item): a section of the text. Not when the list holds links
        // (not among `plain_lists`: related pages, tags), nor without a heading of its own.
        let out = "Most of our clients never go to court, and we help them agree in writing so that it lasts.\n\nOur fees\n\nUncontested divorce: 750 plus VAT\n\nConsent order: 950 plus VAT";
        let segs = vec![
            (0, 0),
            (out.find("Our fees").unwrap(), 2),
            (out.find("Uncontested").unwrap(), 0),
            (out.find("Consent").unwrap(), 0),
        ];
        let (_, e) = prose_range(out, &segs, &[], &[(2, 4)], &[], &[]);
        assert_eq!(e, out.len());
        let (_, e) = prose_range(out, &segs, &[], &[], &[], &[]);
        assert!(out[..e].trim_end().ends_with("lasts."), "{}", &out[..e]);
        let untitled: Vec<(usize, u8)> = segs.iter().map(|&(s, _)| (s, 0)).collect();
        let (_, e) = prose_range(out, &untitled, &[], &[(1, 4)], &[], &[]);
        assert!(out[..e].trim_end().ends_with("lasts."), "{}", &out[..e]);
        // A list with more after it is no ending.
        let (_, e) = prose_range(out, &segs, &[], &[(2, 3)], &[], &[]);
        assert!(out[..e].trim_end().ends_with("lasts."), "{}", &out[..e]);
    }

    const PROSE: &str = "The committee met on Tuesday to discuss the budget, and after a long debate it decided to fund the new library.";

    fn extract_with(html: &str, cfg: ExtractConfig) -> String {
        cfg.build().unwrap().extract(html.as_bytes(), None).text
    }

    fn extract(html: &str) -> String {
        extract_with(html, ExtractConfig::default())
    }

    #[test]
    fn a_list_closing_a_products_description_is_kept() {
        // Shopify's Debut theme: the description's paragraphs, then a list of points, last in
        // the product's column (the platform page of the theme, tests/platforms/).
        let html = include_str!("../tests/platforms/shopify-debut.html");
        let t = extract(html);
        assert!(
            t.contains("Capacity: 12 oz") && t.contains("Not for the microwave"),
            "{t}"
        );
        // A list of links is no description's.
        let links = extract(&html.replace(
            "<li>Not for the microwave</li>",
            "<li><a href=/care>Not for the microwave</a></li>",
        ));
        assert!(!links.contains("Not for the microwave"), "{links}");
        // Off a product page, the lines after the last prose paragraph stay trimmed.
        let article = extract(&html.replace("content=\"product\"", "content=\"article\""));
        assert!(!article.contains("Not for the microwave"), "{article}");
    }

    #[test]
    fn a_products_specification_sheet_after_its_description_is_kept() {
        // A shop's buy box, then its tabs: the description, and a table of labelled values
        // (WooCommerce's "Additional information") after the last paragraph of prose.
        let html = "<html><head><meta property=og:type content=product></head><body><main><div><h1>Walnut Stand</h1><p>$64.00</p><p>A solid walnut stand that holds your dripper at the right height over a mug.</p></div><div><ul><li><a href=#d>Description</a></li><li><a href=#a>Additional information</a></li></ul><div role=tabpanel id=d><h2>Description</h2><p>Every stand is cut from a single board of air-dried black walnut, sanded by hand and finished with three coats of oil.</p><p>The brass ring in the arm fits conical drippers with a base between 60 and 75 millimetres, including most common brands.</p><p>Because each board is different, the grain and colour of your stand will vary from the photos, and small knots are part of the wood.</p></div><div role=tabpanel id=a><h2>Additional information</h2><table><tr><th>Weight</th><td>1.1 kg</td></tr><tr><th>Wood</th><td>Black walnut</td></tr></table></div></div></main></body></html>";
        let t = extract(html);
        assert!(t.contains("1.1 kg") && t.contains("Black walnut"), "{t}");
        // Off a product page, the lines after the last prose paragraph stay trimmed.
        let article = extract(&html.replace("content=product", "content=article"));
        assert!(!article.contains("Black walnut"), "{article}");
        // A table of more than two cells a row is no sheet of labelled values.
        let grid =
            extract(&html.replace("<td>Black walnut</td>", "<td>Black walnut</td><td>Oak</td>"));
        assert!(!grid.contains("Black walnut"), "{grid}");
        // A definition list is one.
        let dl = extract(&html.replace(
            "<table><tr><th>Weight</th><td>1.1 kg</td></tr><tr><th>Wood</th><td>Black walnut</td></tr></table>",
            "<dl><dt>Weight</dt><dd>1.1 kg</dd><dt>Wood</dt><dd>Black walnut</dd></dl>",
        ));
        assert!(dl.contains("Black walnut"), "{dl}");
    }

    #[test]
    fn text_over_titled_records_keeps_the_first_and_last_records_fields() {
        // A list of events read as an article (each has a blurb of prose): the first one's
        // date, title and place stand above its blurb, the last one's price below it (not its
        // action link).
        let events: String = [
            ("Sat, Mar 8", "Seed swap and potting morning", "Community Hall", "Free"),
            ("Wed, Mar 19", "Talk on hedgerows through the seasons", "Old School Room", "$5"),
            ("Sat, Apr 5", "Pond dipping at Whitewater Meadow", "Whitewater Meadow", "$3"),
        ]
        .iter()
        .map(|(d, t, v, c)| {
            format!(
                "<li class=ev><div><span>{d}</span><h3><a href=/e>{t}</a></h3><address>{v}</address><p>{PROSE} {PROSE}</p><div>{c}</div><a href=/e>Read more</a></div></li>"
            )
        })
        .collect();
        let html = format!(
            "<body><main><ul>{events}</ul></main><footer>Site footer, with some words here.</footer></body>"
        );
        let t = extract(&html);
        assert!(t.starts_with("Sat, Mar 8"), "{t}");
        assert!(t.contains("Community Hall"), "{t}");
        assert!(t.ends_with("$3"), "{t}");
        // Records whose heading is a poster's name (a thread's posts) are not read so.
        let posts = html
            .replace("Seed swap and potting morning", "kevin")
            .replace("Pond dipping at Whitewater Meadow", "ana");
        let t = extract(&posts);
        assert!(!t.contains("Sat, Mar 8") && !t.ends_with("$3"), "{t}");
    }

    #[test]
    fn inner_link_clusters_are_skipped() {
        let tags: String = ["Budget", "Library", "Council", "Town"]
            .iter()
            .map(|t| format!("<li><a href=/tag/{t}>{t}</a></li>"))
            .collect();
        let html = format!(
            "<body><article><p>{PROSE}</p><ul>{tags}</ul><p>It was, as the <a href=/mayor>mayor</a> said, a long evening.</p><p>{PROSE}</p></article></body>"
        );
        let t = extract(&html);
        assert!(t.contains("fund the new library"), "{t}");
        assert!(!t.contains("Council"), "{t}");
        // A paragraph with a link in its text is not a cluster.
        assert!(t.contains("as the mayor said"), "{t}");
    }

    #[test]
    fn priced_cards_with_separate_links_are_kept() {
        // A shop's grid whose cards link their picture, their name, their reviews and a
        // compare action apart, the price standing outside the links: most of the text is
        // link text, but the cards are priced, so they are the grid, not a menu.
        let card = |k: usize| {
            format!(
                "<li class=card><a href=/p{k}><img src=p.jpg></a><a href=/p{k}#reviews>{k} Reviews</a><strong><a href=/p{k}>Garden Kneeler and Bench number {k}</a></strong><span>$3{k}.19</span><a href=/compare/{k}>Add to Compare</a></li>"
            )
        };
        let grid: String = (0..6).map(card).collect();
        let html = format!(
            "<body><main><div>{PROSE} {PROSE} {PROSE}</div><ol class=grid>{grid}</ol><div>{PROSE} {PROSE}</div></main></body>"
        );
        let t = extract(&html);
        assert!(t.contains("Garden Kneeler and Bench number 3"), "{t}");
        assert!(t.contains("$33.19"), "{t}");
        // The same links without prices are a link cluster.
        let html = html.replace("<span>$3", "<span>model 3");
        let t = extract(&html);
        assert!(!t.contains("Garden Kneeler and Bench number 3"), "{t}");
        // The card's details beside its picture are a part of it, however many links.
        let html = format!(
            "<body><main><div>{PROSE} {PROSE} {PROSE}</div><ol class=grid>{}</ol><div>{PROSE} {PROSE}</div></main></body>",
            (0..6)
                .map(|k| format!("<li class=card><a href=/p{k}><img src=p.jpg></a><div class=details><a href=/p{k}#reviews>{k} Reviews</a><strong><a href=/p{k}>Garden Kneeler and Bench number {k}</a></strong><span>$3{k}.19</span><a href=/compare/{k}>Add to Compare</a></div></li>"))
                .collect::<String>()
        );
        let t = extract(&html);
        assert!(t.contains("Garden Kneeler and Bench number 3"), "{t}");
    }

    #[test]
    fn priced_cards_are_counted_by_their_shown_links() {
        // Each card links its picture, its name and a compare action, and a "Be the first to
        // review" link alike in every card, pruned as the template's after the links were
        // counted: the cards hold four links each, not five, and stay a grid.
        let card = |k: usize| {
            format!(
                "<li class=card><div class=info><a href=/p{k}><img src=p.jpg></a><div class=details><div class=rev><a href=/p{k}#review>Be the first to review this product</a></div><strong><a href=/p{k}>Garden Kneeler and Bench number {k}</a></strong><span>$3{k}.19</span><a href=/compare/{k}>Compare</a><a href=/list/{k}>Save</a></div></div></li>"
            )
        };
        let grid: String = (0..6).map(card).collect();
        let html = format!(
            "<body><main><div>{PROSE} {PROSE} {PROSE}</div><ol class=grid>{grid}</ol><div>{PROSE} {PROSE}</div></main></body>"
        );
        let t = extract(&html);
        assert!(!t.contains("Be the first"), "{t}");
        assert!(t.contains("Garden Kneeler and Bench number 3"), "{t}");
    }

    #[test]
    fn link_lists_between_paragraphs_are_text() {
        let items = |titles: &[&str]| -> String {
            titles
                .iter()
                .map(|t| format!("<li><a href='/p/{}'>{t}</a></li>", t.len()))
                .collect()
        };
        let inside = items(&[
            "Fix the build of the parser on older compilers",
            "Avoid a stack overflow on deeply nested comments",
            "Resolve links to remote posts into local addresses",
        ]);
        let after = items(&[
            "Ten things to know before you visit the museum",
            "Why the city council voted against the new stadium",
            "The best bakeries in town, ranked by our readers",
        ]);
        let html = format!(
            "<body><article><p>{PROSE}</p><p>{PROSE} It met again.</p><ul>{inside}</ul><p>{PROSE} Then it adjourned.</p><p>{PROSE} It will meet in May.</p><ul>{after}</ul></article></body>"
        );
        let t = extract(&html);
        assert!(t.contains("Avoid a stack overflow"), "{t}");
        // A list after the last paragraph is still a box of links.
        assert!(!t.contains("best bakeries"), "{t}");
    }

    #[test]
    fn a_listings_repeated_record_fields_are_kept() {
        // A listing's records: the same subject line under each paper, among other lines
        // each time, stays. A block shown three times brings its neighbours along and goes;
        // a headline shown twice (a "most read" box) goes.
        let mut out = String::new();
        for n in 1..=4 {
            out.push_str(&format!(
                "Title: A study of sparse attention, part {n}\n\nAnn Lee, Bo Chen and co-author {n}\n\nSubjects: Artificial Intelligence (cs.AI)\n\n[{n}] arXiv:2603.0{n}\n\n"
            ));
        }
        for _ in 0..3 {
            out.push_str("Sign up for the weekly newsletter today\n\nNo spam, unsubscribe at any time you like\n\n");
        }
        out.push_str("Editors' pick: the best bakeries in town\n\n1\n\nEditors' pick: the best bakeries in town\n\n2\n");
        let fields = record_fields(&out);
        let kept = drop_repeated_lines(&out, &LineSet::default(), &[], &[], &fields);
        assert_eq!(kept.matches("Subjects: Artificial").count(), 4, "{kept}");
        assert_eq!(kept.matches("Sign up for").count(), 1, "{kept}");
        assert_eq!(kept.matches("No spam").count(), 1, "{kept}");
        assert_eq!(kept.matches("best bakeries").count(), 1, "{kept}");
        // Outside a listing (no fields) the subject line is shown once.
        let kept = drop_repeated_lines(&out, &LineSet::default(), &[], &[], &[]);
        assert_eq!(kept.matches("Subjects: Artificial").count(), 1, "{kept}");
    }

    #[test]
    fn terms_of_listing_records_are_kept() {
        let pairs: String = (1..=6)
            .map(|n| {
                format!(
                    "<dt><a href='#i{n}'>[{n}]</a> <a href='/abs/{n}'>paper:26{n}</a> [<a href='/pdf/{n}'>pdf</a>, <a href='/html/{n}'>html</a>]</dt>\
                     <dd><div>Title: A study of sparse attention, part {n}</div><div>Authors: <a href='/a/{n}'>Ann Lee</a>, <a href='/b/{n}'>Bo Chen</a></div></dd>"
                )
            })
            .collect();
        let html = format!("<body><main><h1>Recent submissions</h1><dl>{pairs}</dl></main></body>");
        let t = extract(&html);
        assert!(t.contains("sparse attention, part 3"), "{t}");
        assert!(t.contains("paper:263"), "{t}");
    }

    #[test]
    fn repeated_long_lines_are_dropped_short_ones_kept() {
        let out = drop_repeated_lines(
            "A paragraph shown twice for mobile and desktop.\n\nYes\nYes\n\nA paragraph shown twice for mobile and desktop.\n",
            &LineSet::default(),
            &[],
            &[],
            &[],
        );
        assert_eq!(out.matches("A paragraph shown twice").count(), 1, "{out}");
        assert_eq!(out.matches("Yes").count(), 2, "{out}");
        let html = format!("<body><article><p>{PROSE}</p><p>{PROSE}</p></article></body>");
        assert_eq!(extract(&html).matches("fund the new library").count(), 1);
    }

    #[test]
    fn repeats_under_a_new_member_heading_stay() {
        // An API reference: members documented alike ("Deprecated", the same summary) under
        // headings naming each member; the same line under a prose heading (a shop's promise
        // repeated per section) and a copied block with its heading still go.
        let note = "Deprecated, for removal: this member goes away in a later version.";
        let members: String = ["getFirstValue", "getSecondValue", "set_third_value()"]
            .iter()
            .map(|m| format!("<section><h3>{m}</h3><p>{note}</p><p>{PROSE} {m}.</p></section>"))
            .collect();
        let promise = "Same day shipping on every order placed before noon.";
        let html = format!(
            "<body><main><h1>Class Widget</h1><p>{PROSE}</p><h2>Method Details</h2>{members}<h2>Delivery</h2><p>{promise}</p><h2>Returns</h2><p>{promise}</p><h2>Copied</h2><p>{PROSE} Copied.</p><h2>Copied</h2><p>{PROSE} Copied.</p></main></body>"
        );
        let t = extract(&html);
        assert_eq!(t.matches(note).count(), 3, "{t}");
        assert_eq!(t.matches(promise).count(), 1, "{t}");
        assert_eq!(t.matches("Copied.").count(), 1, "{t}");
        // Overloads: one member name over two signatures, documented alike; a copy of a
        // member, its signature included, still goes.
        let param = "reason - a description of the exception, may be null.";
        let overload = |sig: &str| format!("<h3>getPrincipal</h3><div>{sig}</div><p>{param}</p>");
        let html = format!(
            "<body><main><h1>Class Widget</h1><p>{PROSE}</p>{}{}{}<p>{PROSE} End.</p></main></body>",
            overload("public Principal getPrincipal(String reason)"),
            overload("public Principal getPrincipal(String reason, int code)"),
            overload("public Principal getPrincipal(String reason, int code)"),
        );
        let t = extract(&html);
        assert_eq!(t.matches(param).count(), 2, "{t}");
        // Members as terms (`<dt>` signatures, a `<dd>` each), sharing a line; a term that
        // names no code ("Parameters:") does not end the member.
        let shared = "Return value: New reference. Part of the Stable ABI.";
        let member = |f: &str| {
            format!(
                "<dl><dt>PyObject *{f}(PyObject *o1, PyObject *o2)</dt><dd><p>{shared}</p><dl><dt>Parameters:</dt><dd>o1 - the first operand of the call.</dd></dl><p>{PROSE} {f}.</p></dd></dl>"
            )
        };
        let html = format!(
            "<body><main><h1>Number Protocol</h1><p>{PROSE}</p>{}{}{}</main></body>",
            member("PyNumber_Add"),
            member("PyNumber_Subtract"),
            member("PyNumber_Multiply"),
        );
        let t = extract(&html);
        assert_eq!(t.matches(shared).count(), 3, "{t}");
        assert_eq!(t.matches("o1 - the first operand").count(), 3, "{t}");
        // A manual's definitions: the term holds `<code>` (its arguments) without reading as
        // a signature by its text.
        let tol = "Absolute tolerance. May be either vector or scalar, of any size.";
        let def = |f: &str| {
            format!(
                "<dl><dt><strong>{f}</strong> <code>(fcn, x, t)</code></dt><dd><p>{tol}</p><p>{PROSE} {f}.</p></dd></dl>"
            )
        };
        let html = format!(
            "<body><main><h1>Equations</h1><p>{PROSE}</p>{}{}{}</main></body>",
            def("daspk"),
            def("dassl"),
            def("daspk options")
        );
        let t = extract(&html);
        assert_eq!(t.matches(tol).count(), 3, "{t}");
        // A reply quoting an earlier post, under a poster name shaped like an identifier.
        let html = format!(
            "<body><main><h1>Thread</h1><h4>first_poster</h4><p>{PROSE} Quoted.</p><h4>JaneRoe</h4><blockquote><p>{PROSE} Quoted.</p></blockquote><p>{PROSE} Reply.</p></main></body>"
        );
        let t = extract(&html);
        assert_eq!(t.matches("Quoted.").count(), 1, "{t}");
        assert!(names_code("pub fn u8_suffixed(n: u8) -> Literal"));
        assert!(!names_code("Frequently asked questions (FAQ)"));
        assert!(!names_code("Delivery"));
    }

    #[test]
    fn code_keeps_its_lines_and_their_repeats() {
        // A highlighter's spans with line breaks between them; the same import in two
        // examples stays in both.
        let import = "<span class=kn>import</span> <span class=nn>React, { useState }</span> <span class=kn>from</span> <span class=s>'react'</span>;";
        let html = format!(
            "<body><article><p>{PROSE}</p><pre>{import}\n<span class=n>renderCounterWithState</span>(initialCount);</pre><p>{PROSE} Again.</p><pre>{import}\n<span>renderListWithTwoItems</span>(firstItem, secondItem);\n<span>renderFooterWithLinks</span>(pageLinks);</pre></article></body>"
        );
        let t = extract(&html);
        assert_eq!(
            t.matches("import React, { useState } from 'react';\n")
                .count(),
            2,
            "{t}"
        );
        assert!(t.contains("\nrenderFooterWithLinks(pageLinks);"), "{t}");
    }

    #[test]
    fn copied_code_blocks_and_repeated_log_lines_are_deduplicated() {
        // A reply quoting an earlier post's code block whole, and a log of one line over
        // and over: repeats, not code that happens to share a line.
        let code = "let configuration = load_configuration(path)?;\nlet server = Server::bind(configuration.address)?;";
        let log = "ERROR connection refused by upstream host 10.0.0.1\n".repeat(5);
        let html = format!(
            "<body><article><p>{PROSE}</p><pre>{code}</pre><p>{PROSE} Quoted.</p><pre>{code}</pre><p>{PROSE} Log.</p><pre>{log}</pre></article></body>"
        );
        let t = extract(&html);
        assert_eq!(t.matches("load_configuration(path)").count(), 1, "{t}");
        assert_eq!(t.matches("connection refused").count(), 1, "{t}");
    }

    #[test]
    fn many_short_cards_before_the_first_prose_are_kept() {
        let cards: String = (0..5)
            .map(|k| format!("<p>Arm model {k}</p><p>Load: {k} to 9 kg</p><p>From ${k}99</p>"))
            .collect();
        let html = format!(
            "<body><div><h1>Monitor arms</h1>{cards}<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body>"
        );
        let t = extract(&html);
        assert!(t.contains("Arm model 0") && t.contains("From $099"), "{t}");
    }

    #[test]
    fn a_subheading_before_the_first_prose_is_kept_other_fragments_are_not() {
        let html = format!(
            "<body><article><p>By Jane Doe</p><p>5 March 2024</p><h2>Library funded</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE} Again.</p><p>Share</p></article></body>"
        );
        let t = extract(&html);
        assert!(t.starts_with("Library funded\n\nThe committee"), "{t}");
        assert!(t.ends_with("Again."), "{t}");
    }

    fn rich_page() -> String {
        format!(
            "<body><article><h2>Results</h2><p>{PROSE}</p><ul><li>First point of the list</li><li>Second point<ul><li>Nested point</li></ul></li></ul><table><tr><th>Team</th><th>Points</th></tr><tr><td>Lions</td><td>12</td></tr></table><pre>let x = 1;\n  x + 1</pre><p>See the <a href=https://example.org/report>full report</a> and the <img src=c.png alt='budget chart'> chart. {PROSE}</p></article></body>"
        )
    }

    #[test]
    fn plain_text_layout() {
        let t = extract(&rich_page());
        assert!(t.starts_with("Results\n\nThe committee"), "{t}");
        assert!(
            t.contains("First point of the list\nSecond point\nNested point"),
            "{t}"
        );
        assert!(t.contains("Team Points\nLions 12"), "{t}");
        assert!(t.contains("let x = 1;\n  x + 1"), "{t}");
        assert!(t.contains("See the full report and the chart."), "{t}");
        assert!(
            !t.contains("example.org") && !t.contains("budget chart"),
            "{t}"
        );
    }

    #[test]
    fn markdown_layout() {
        let cfg = ExtractConfig {
            output: OutputFormat::Markdown,
            ..Default::default()
        };
        let t = extract_with(&rich_page(), cfg);
        assert!(t.starts_with("## Results\n\nThe committee"), "{t}");
        assert!(
            t.contains("- First point of the list\n- Second point\n  - Nested point"),
            "{t}"
        );
        assert!(
            t.contains("| Team | Points |\n| --- | --- |\n| Lions | 12 |"),
            "{t}"
        );
        assert!(t.contains("```\nlet x = 1;\n  x + 1\n```"), "{t}");
    }

    #[test]
    fn markdown_inline_marks() {
        let cfg = ExtractConfig {
            output: OutputFormat::Markdown,
            ..Default::default()
        };
        let html = format!(
            "<html><body><article><h2>The <em>new</em> plan</h2><p>{PROSE} It is <b> very </b> \
             <strong><em>important</em></strong>, run <code>make test</code> first, \
             <b><b>once</b></b> and <i> </i>never <b>after</b>.</p>\
             <p><b>Note: <br>this line breaks</b> so it stays plain.</p><p>{PROSE}</p></article></body></html>"
        );
        let t = extract_with(&html, cfg);
        assert!(t.contains("## The new plan\n"), "{t}");
        assert!(
            t.contains(
                "It is **very** ***important***, run `make test` first, **once** and never **after**."
            ),
            "{t}"
        );
        assert!(
            t.contains("\nNote:\nthis line breaks so it stays plain."),
            "{t}"
        );
        // Plain text has no marks.
        let t = extract_with(&html, ExtractConfig::default());
        assert!(
            t.contains("It is very important, run make test first, once and never after."),
            "{t}"
        );
    }

    #[test]
    fn markdown_block_quotes() {
        let cfg = ExtractConfig {
            output: OutputFormat::Markdown,
            ..Default::default()
        };
        let html = format!(
            "<html><body><article><p>{PROSE}</p><blockquote><p>We will build it this year.</p>\
             <p>And open it next spring,<br>said the mayor.</p></blockquote><p>{PROSE} Again.</p></article></body></html>"
        );
        let t = extract_with(&html, cfg);
        assert!(
            t.contains(
                "library.\n\n> We will build it this year.\n\n> And open it next spring,\n> said the mayor.\n\nThe committee"
            ),
            "{t}"
        );
    }

    #[test]
    fn markdown_code_in_a_quote_is_quoted_on_every_line() {
        let cfg = ExtractConfig {
            output: OutputFormat::Markdown,
            ..Default::default()
        };
        let html = format!(
            "<html><body><article><p>{PROSE}</p><blockquote><p>He wrote:</p>\
             <pre>fn main() {{\n\n    run();\n}}\n</pre></blockquote><p>{PROSE} Again.</p></article></body></html>"
        );
        let t = extract_with(&html, cfg);
        assert!(
            t.contains(
                "> He wrote:\n\n> ```\n> fn main() {\n> \n>     run();\n> }\n> ```\n\nThe committee"
            ),
            "{t}"
        );
    }

    #[test]
    fn markdown_tables_are_gfm_tables() {
        let cfg = ExtractConfig {
            output: OutputFormat::Markdown,
            ..Default::default()
        };
        let page = |table: &str| {
            format!(
                "<html><body><article><h2>Scores</h2><p>{PROSE}</p>{table}<p>The scores were \
                 read out after the meeting, and the next round is in May.</p></article></body></html>"
            )
        };
        let data = "<table><thead><tr><th colspan=2>Name</th><th>Score</th></tr></thead>\
            <tbody><tr><td>Ada</td><td></td><td>a | b</td></tr>\
            <tr><td><p>Two</p><p>paragraphs</p></td><td><ul><li>x</li><li>y</li></ul></td>\
            <td><div>31</div></td></tr></tbody></table>";
        let t = extract_with(&page(data), cfg.clone());
        assert!(
            t.contains(
                "| Name | | Score |\n| --- | --- | --- |\n| Ada | | a \\| b |\n\
                 | Two paragraphs | x y | 31 |\n\nThe scores"
            ),
            "{t}"
        );
        // A header row narrower than the rows below is padded to their width.
        let t = extract_with(
            &page(
                "<table><tr><td>Plans</td></tr><tr><td>Basic</td><td>Pro</td><td>Team</td></tr></table>",
            ),
            cfg.clone(),
        );
        assert!(
            t.contains("| Plans | | |\n| --- | --- | --- |\n| Basic | Pro | Team |"),
            "{t}"
        );
        // Layout tables keep their paragraphs: one with a table inside, one column, or a
        // cell of running text.
        let long = format!("<p>{PROSE} {PROSE} {PROSE} {PROSE}</p><p>Second paragraph here.</p>");
        for layout in [
            format!(
                "<table><tr><td>{long}</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr><tr><td>x</td><td>y</td></tr></table>"
            ),
            format!("<table><tr><td>Menu</td></tr><tr><td>{long}</td></tr></table>"),
            format!(
                "<table><tr><td>Menu</td><td>{long}</td></tr><tr><td>x</td><td>y</td></tr></table>"
            ),
        ] {
            let t = extract_with(&page(&layout), cfg.clone());
            assert!(!t.contains("---"), "{t}");
            assert!(t.contains("\n\nSecond paragraph here."), "{t}");
        }
    }

    #[test]
    fn options_drop_tables_and_lists_and_add_images_and_links() {
        let t = extract_with(
            &rich_page(),
            ExtractConfig {
                include_tables: false,
                include_lists: false,
                ..Default::default()
            },
        );
        assert!(t.contains("fund the new library"), "{t}");
        assert!(!t.contains("Lions") && !t.contains("First point"), "{t}");
        let t = extract_with(
            &rich_page(),
            ExtractConfig {
                include_images: true,
                include_links: true,
                ..Default::default()
            },
        );
        assert!(
            t.contains("full report <https://example.org/report>"),
            "{t}"
        );
        assert!(t.contains("[image: budget chart]"), "{t}");
        let t = extract_with(
            &rich_page(),
            ExtractConfig {
                output: OutputFormat::Markdown,
                include_images: true,
                include_links: true,
                ..Default::default()
            },
        );
        assert!(
            t.contains("[full report](https://example.org/report)"),
            "{t}"
        );
        assert!(t.contains("![budget chart]()"), "{t}");
    }
}
