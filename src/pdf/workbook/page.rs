//! The workbook laid out: pages of text runs and drawings, the structure
//! elements the text belongs to, the links on each page and the named places
//! links and bookmarks lead to. Coordinates are points from the top left of
//! the page, as in [`crate::pdf::layout`]; drawing turns them the right way up.

use std::collections::BTreeMap;

use super::super::layout::{Rgb, Shape};
use super::inline::Look;
use crate::lang::Lang;

/// The standard structure types the workbook uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The whole workbook.
    Document,
    /// A division: the free pages, a group, the exercises, the glossary, the appendix.
    Part,
    /// A section within a part: a principle, an example, an exercise.
    Sect,
    /// A generic block: the cover, a worked example's box.
    Div,
    /// Headings, by level.
    H1,
    /// Second-level heading.
    H2,
    /// Third-level heading.
    H3,
    /// Fourth-level heading.
    H4,
    /// Fifth-level heading.
    H5,
    /// Sixth-level heading.
    H6,
    /// A paragraph.
    P,
    /// A list.
    L,
    /// A list item.
    LI,
    /// A list item's bullet or number.
    Lbl,
    /// A list item's content.
    LBody,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A header cell.
    TH,
    /// A data cell.
    TD,
    /// A quotation.
    BlockQuote,
    /// The table of contents.
    TOC,
    /// One entry of the contents.
    TOCI,
    /// A reference to another part of the document (a contents entry).
    Reference,
    /// A link (its annotation is attached by object reference).
    Link,
    /// An image (the logo), with alternative text.
    Figure,
}

impl Role {
    /// The PDF structure type.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Part => "Part",
            Role::Sect => "Sect",
            Role::Div => "Div",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::H4 => "H4",
            Role::H5 => "H5",
            Role::H6 => "H6",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::BlockQuote => "BlockQuote",
            Role::TOC => "TOC",
            Role::TOCI => "TOCI",
            Role::Reference => "Reference",
            Role::Link => "Link",
            Role::Figure => "Figure",
        }
    }

    /// The heading role of `level` (1 to 6; deeper is 6).
    pub fn heading(level: u8) -> Role {
        match level {
            0 | 1 => Role::H1,
            2 => Role::H2,
            3 => Role::H3,
            4 => Role::H4,
            5 => Role::H5,
            _ => Role::H6,
        }
    }
}

/// A structure element. Its children are the elements whose parent it is;
/// their order is the order their content appears on the pages, which is
/// reading order.
#[derive(Clone, Debug)]
pub struct Elem {
    /// Its role.
    pub role: Role,
    /// Its parent (none for the document).
    pub parent: Option<usize>,
    /// Its language, when not the document's.
    pub lang: Option<Lang>,
    /// Alternative text (figures) or a summary (tables).
    pub alt: Option<String>,
}

/// Decoration: drawn, but not content (an artifact).
#[derive(Clone, Debug)]
pub enum Art {
    /// A shape as the templates draw them.
    Shape(Shape),
    /// A dotted line: contents leaders.
    Dots {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Colour.
        color: Rgb,
        /// Dot size.
        width: f32,
        /// Distance from one dot to the next.
        gap: f32,
    },
    /// Text that is not content: the dotted leaders of the contents, which
    /// a reader of the text should find between a title and its page
    /// number, and a screen reader should pass over; `spacing` is added
    /// after every character (to fit the dots to their place exactly).
    Text {
        /// The text.
        run: Run,
        /// Extra space after each character.
        spacing: f32,
    },
    /// The organisation's logo (an image the document holds once).
    Logo {
        /// Left, top, width, height.
        rect: [f32; 4],
        /// Its `Figure` element.
        elem: usize,
    },
}

impl Art {
    /// The same drawing moved by `dx`, `dy`.
    pub fn shifted(&self, dx: f32, dy: f32) -> Art {
        let p = |(x, y): (f32, f32)| (x + dx, y + dy);
        match self {
            Art::Shape(s) => Art::Shape(match s {
                Shape::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => Shape::Rect {
                    x: x + dx,
                    y: y + dy,
                    w: *w,
                    h: *h,
                    fill: *fill,
                    stroke: *stroke,
                },
                Shape::Line {
                    from,
                    to,
                    color,
                    width,
                } => Shape::Line {
                    from: p(*from),
                    to: p(*to),
                    color: *color,
                    width: *width,
                },
                Shape::Circle {
                    centre,
                    r,
                    fill,
                    stroke,
                } => Shape::Circle {
                    centre: p(*centre),
                    r: *r,
                    fill: *fill,
                    stroke: *stroke,
                },
            }),
            Art::Dots {
                from,
                to,
                color,
                width,
                gap,
            } => Art::Dots {
                from: p(*from),
                to: p(*to),
                color: *color,
                width: *width,
                gap: *gap,
            },
            Art::Text { run, spacing } => Art::Text {
                run: Run {
                    x: run.x + dx,
                    baseline: run.baseline + dy,
                    ..run.clone()
                },
                spacing: *spacing,
            },
            Art::Logo { rect, elem } => Art::Logo {
                rect: [rect[0] + dx, rect[1] + dy, rect[2], rect[3]],
                elem: *elem,
            },
        }
    }
}

/// One piece of text at a place.
#[derive(Clone, Debug)]
pub struct Run {
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top.
    pub baseline: f32,
    /// The text.
    pub text: String,
    /// How it looks.
    pub look: Look,
}

/// What a page shows, in reading order.
#[derive(Clone, Debug)]
pub enum Item {
    /// Text of structure element `elem` (none: an artifact such as the
    /// running header), in language `lang`.
    Text {
        /// The element, or none for an artifact.
        elem: Option<usize>,
        /// The text's language.
        lang: Lang,
        /// The pieces.
        runs: Vec<Run>,
    },
    /// Decoration.
    Art(Vec<Art>),
}

/// A link's active area.
#[derive(Clone, Debug)]
pub struct LinkArea {
    /// Left, top, width, height.
    pub rect: [f32; 4],
    /// The anchor it leads to.
    pub anchor: String,
    /// Its `Link` element.
    pub elem: usize,
    /// What it is, for assistive technology.
    pub alt: String,
}

/// One page.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// What it shows.
    pub items: Vec<Item>,
    /// Its links.
    pub links: Vec<LinkArea>,
}

/// An entry of the contents and of the bookmarks.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// 1 for a division, 2 for a principle or exercise, 3 for an example.
    pub level: u8,
    /// As the contents shows it.
    pub title: String,
    /// The anchor of its heading.
    pub anchor: String,
}

/// The workbook laid out.
#[derive(Clone, Debug)]
pub struct Book {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The pages.
    pub pages: Vec<Page>,
    /// Structure elements; the first is the document.
    pub elems: Vec<Elem>,
    /// Each anchor's page (0-based) and the top of its heading.
    pub anchors: BTreeMap<String, (usize, f32)>,
    /// The contents, which the bookmarks repeat.
    pub contents: Vec<Entry>,
    /// The language.
    pub lang: Lang,
    /// The title shown by viewers.
    pub title: String,
    /// The organisation.
    pub author: String,
    /// What the document is.
    pub subject: String,
}
