//! HTML element names and their categories.

/// A known HTML element, [`Tag::Other`] for anything else (custom elements, typos), or the
/// pseudo-tags [`Tag::Text`] and [`Tag::Root`] used by the DOM arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Tag {
    Root,
    Text,
    Other,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Iframe,
    Frame,
    Frameset,
    Noframes,
    Noembed,
    Object,
    Applet,
    Embed,
    Param,
    Canvas,
    Video,
    Audio,
    Source,
    Track,
    Picture,
    Img,
    Map,
    Area,
    Div,
    P,
    Span,
    A,
    Br,
    Hr,
    Wbr,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Hgroup,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Dir,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Col,
    Colgroup,
    Pre,
    Code,
    Xmp,
    Plaintext,
    Listing,
    Blockquote,
    Q,
    Article,
    Section,
    Main,
    Nav,
    Aside,
    Header,
    Footer,
    Address,
    Figure,
    Figcaption,
    Details,
    Summary,
    Dialog,
    Menu,
    Form,
    Input,
    Button,
    Select,
    Option,
    Optgroup,
    Textarea,
    Label,
    Fieldset,
    Legend,
    Output,
    Datalist,
    Progress,
    Meter,
    Keygen,
    B,
    I,
    U,
    S,
    Em,
    Strong,
    Small,
    Big,
    Sub,
    Sup,
    Mark,
    Abbr,
    Cite,
    Dfn,
    Kbd,
    Samp,
    Var,
    Time,
    Data,
    Font,
    Center,
    Nobr,
    Del,
    Ins,
    Strike,
    Tt,
    Bdi,
    Bdo,
    Ruby,
    Rt,
    Rp,
    Marquee,
    Slot,
}

impl Tag {
    /// The tag for an element name (any case). Unknown names give [`Tag::Other`].
    pub fn from_name(name: &[u8]) -> Tag {
        let mut buf = [0u8; 12];
        if name.len() > buf.len() {
            return Tag::Other;
        }
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        let lower = buf.get(..name.len()).unwrap_or_default();
        match lower {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" => Tag::Body,
            b"title" => Tag::Title,
            b"meta" => Tag::Meta,
            b"link" => Tag::Link,
            b"base" => Tag::Base,
            b"script" => Tag::Script,
            b"style" => Tag::Style,
            b"noscript" => Tag::Noscript,
            b"template" => Tag::Template,
            b"svg" => Tag::Svg,
            b"math" => Tag::Math,
            b"iframe" => Tag::Iframe,
            b"frame" => Tag::Frame,
            b"frameset" => Tag::Frameset,
            b"noframes" => Tag::Noframes,
            b"noembed" => Tag::Noembed,
            b"object" => Tag::Object,
            b"applet" => Tag::Applet,
            b"embed" => Tag::Embed,
            b"param" => Tag::Param,
            b"canvas" => Tag::Canvas,
            b"video" => Tag::Video,
            b"audio" => Tag::Audio,
            b"source" => Tag::Source,
            b"track" => Tag::Track,
            b"picture" => Tag::Picture,
            b"img" | b"image" => Tag::Img,
            b"map" => Tag::Map,
            b"area" => Tag::Area,
            b"div" => Tag::Div,
            b"p" => Tag::P,
            b"span" => Tag::Span,
            b"a" => Tag::A,
            b"br" => Tag::Br,
            b"hr" => Tag::Hr,
            b"wbr" => Tag::Wbr,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"hgroup" => Tag::Hgroup,
            b"ul" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"li" => Tag::Li,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"dir" => Tag::Dir,
            b"table" => Tag::Table,
            b"caption" => Tag::Caption,
            b"thead" => Tag::Thead,
            b"tbody" => Tag::Tbody,
            b"tfoot" => Tag::Tfoot,
            b"tr" => Tag::Tr,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"col" => Tag::Col,
            b"colgroup" => Tag::Colgroup,
            b"pre" => Tag::Pre,
            b"code" => Tag::Code,
            b"xmp" => Tag::Xmp,
            b"plaintext" => Tag::Plaintext,
            b"listing" => Tag::Listing,
            b"blockquote" => Tag::Blockquote,
            b"q" => Tag::Q,
            b"article" => Tag::Article,
            b"section" => Tag::Section,
            b"main" => Tag::Main,
            b"nav" => Tag::Nav,
            b"aside" => Tag::Aside,
            b"header" => Tag::Header,
            b"footer" => Tag::Footer,
            b"address" => Tag::Address,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"details" => Tag::Details,
            b"summary" => Tag::Summary,
            b"dialog" => Tag::Dialog,
            b"menu" => Tag::Menu,
            b"form" => Tag::Form,
            b"input" => Tag::Input,
            b"button" => Tag::Button,
            b"select" => Tag::Select,
            b"option" => Tag::Option,
            b"optgroup" => Tag::Optgroup,
            b"textarea" => Tag::Textarea,
            b"label" => Tag::Label,
            b"fieldset" => Tag::Fieldset,
            b"legend" => Tag::Legend,
            b"output" => Tag::Output,
            b"datalist" => Tag::Datalist,
            b"progress" => Tag::Progress,
            b"meter" => Tag::Meter,
            b"keygen" => Tag::Keygen,
            b"b" => Tag::B,
            b"i" => Tag::I,
            b"u" => Tag::U,
            b"s" => Tag::S,
            b"em" => Tag::Em,
            b"strong" => Tag::Strong,
            b"small" => Tag::Small,
            b"big" => Tag::Big,
            b"sub" => Tag::Sub,
            b"sup" => Tag::Sup,
            b"mark" => Tag::Mark,
            b"abbr" | b"acronym" => Tag::Abbr,
            b"cite" => Tag::Cite,
            b"dfn" => Tag::Dfn,
            b"kbd" => Tag::Kbd,
            b"samp" => Tag::Samp,
            b"var" => Tag::Var,
            b"time" => Tag::Time,
            b"data" => Tag::Data,
            b"font" => Tag::Font,
            b"center" => Tag::Center,
            b"nobr" => Tag::Nobr,
            b"del" => Tag::Del,
            b"ins" => Tag::Ins,
            b"strike" => Tag::Strike,
            b"tt" => Tag::Tt,
            b"bdi" => Tag::Bdi,
            b"bdo" => Tag::Bdo,
            b"ruby" => Tag::Ruby,
            b"rt" => Tag::Rt,
            b"rp" => Tag::Rp,
            b"marquee" => Tag::Marquee,
            b"slot" => Tag::Slot,
            _ => Tag::Other,
        }
    }

    /// Elements that never have children.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Area
                | Tag::Base
                | Tag::Br
                | Tag::Col
                | Tag::Embed
                | Tag::Hr
                | Tag::Img
                | Tag::Input
                | Tag::Link
                | Tag::Meta
                | Tag::Param
                | Tag::Source
                | Tag::Track
                | Tag::Wbr
                | Tag::Keygen
                | Tag::Frame
        )
    }

    /// Elements whose content is raw text up to the matching end tag (no markup inside).
    pub fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Textarea
                | Tag::Title
                | Tag::Xmp
                | Tag::Iframe
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Plaintext
        )
    }

    /// Headings h1..h6.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Start tags that close an open `<p>` (WHATWG tree construction, "in body").
    pub fn closes_p(self) -> bool {
        self.is_heading()
            || matches!(
                self,
                Tag::Address
                    | Tag::Article
                    | Tag::Aside
                    | Tag::Blockquote
                    | Tag::Center
                    | Tag::Details
                    | Tag::Dialog
                    | Tag::Dir
                    | Tag::Div
                    | Tag::Dl
                    | Tag::Fieldset
                    | Tag::Figcaption
                    | Tag::Figure
                    | Tag::Footer
                    | Tag::Form
                    | Tag::Header
                    | Tag::Hgroup
                    | Tag::Hr
                    | Tag::Main
                    | Tag::Menu
                    | Tag::Nav
                    | Tag::Ol
                    | Tag::P
                    | Tag::Pre
                    | Tag::Section
                    | Tag::Summary
                    | Tag::Table
                    | Tag::Ul
                    | Tag::Li
                    | Tag::Dd
                    | Tag::Dt
                    | Tag::Xmp
                    | Tag::Listing
                    | Tag::Plaintext
            )
    }

    /// Elements that bound a "has an element in scope" search (WHATWG default scope).
    pub fn is_scope_boundary(self) -> bool {
        matches!(
            self,
            Tag::Html
                | Tag::Table
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Marquee
                | Tag::Object
                | Tag::Applet
                | Tag::Template
        )
    }

    /// WHATWG "special" elements: an unmatched end tag of a formatting element does not
    /// close past them.
    pub fn is_special(self) -> bool {
        self.closes_p()
            || self.is_void()
            || self.is_scope_boundary()
            || matches!(
                self,
                Tag::Body
                    | Tag::Head
                    | Tag::Button
                    | Tag::Colgroup
                    | Tag::Frameset
                    | Tag::Iframe
                    | Tag::Noembed
                    | Tag::Noframes
                    | Tag::Noscript
                    | Tag::Script
                    | Tag::Select
                    | Tag::Style
                    | Tag::Tbody
                    | Tag::Textarea
                    | Tag::Tfoot
                    | Tag::Thead
                    | Tag::Title
                    | Tag::Tr
            )
    }

    /// Elements rendered as their own block (a paragraph break before and after).
    pub fn is_block(self) -> bool {
        self.closes_p()
            || matches!(
                self,
                Tag::Root
                    | Tag::Html
                    | Tag::Body
                    | Tag::Table
                    | Tag::Caption
                    | Tag::Tr
                    | Tag::Thead
                    | Tag::Tbody
                    | Tag::Tfoot
                    | Tag::Legend
                    | Tag::Option
                    | Tag::Frameset
                    | Tag::Noscript
                    | Tag::Video
                    | Tag::Audio
                    | Tag::Canvas
                    | Tag::Iframe
                    | Tag::Object
            )
    }

    /// Elements that live in `<head>` and do not end it implicitly.
    pub fn is_head_content(self) -> bool {
        matches!(
            self,
            Tag::Meta
                | Tag::Link
                | Tag::Title
                | Tag::Script
                | Tag::Style
                | Tag::Base
                | Tag::Noscript
                | Tag::Template
        )
    }
}
