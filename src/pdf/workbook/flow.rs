//! The workbook as one long column before it is cut into pages: a list of
//! chunks (a line of text, a table row, a ruled line), each with its height,
//! the space above it, whether the page may break after it, and what it
//! draws relative to its own top left.
//!
//! The rules of good pages are written into the chunks as they are made, so
//! [`super::paginate`] only has to honour them: a paragraph's lines may break
//! only where at least two lines stay on each side (no widows or orphans), a
//! heading's lines are kept with what follows, and frames (the example boxes,
//! tables, quotations) know their extent so they can be kept whole where
//! they fit and drawn around each page's part where they do not.

use super::super::layout::Rgb;
use super::inline::{self, Inline, Look};
use super::page::{Art, Elem, LinkArea, Role, Run};
use crate::lang::Lang;

/// Where a chunk must start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// Wherever the column has got to.
    Flow,
    /// On a new page.
    Page,
    /// On a new right-hand (odd) page, as divisions of a printed book do.
    Recto,
}

/// Something a chunk tells the pages it lands on.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A named place links and bookmarks lead to (the chunk's top).
    Anchor(String),
    /// A new division begins: the running header of left-hand pages.
    Division(String),
    /// A new section begins: the running header of right-hand pages.
    Section(String),
    /// This page has no running header (a division's opening page).
    NoHeader,
    /// This page has neither header nor page number (the cover).
    Bare,
}

/// Something a chunk draws, relative to its top left.
#[derive(Clone, Debug)]
pub enum Draw {
    /// Text of element `elem` (none: an artifact).
    Text {
        /// The element.
        elem: Option<usize>,
        /// The language.
        lang: Lang,
        /// The runs.
        runs: Vec<Run>,
    },
    /// Decoration.
    Art(Art),
    /// A link's area.
    Link(LinkArea),
}

impl Draw {
    /// The same, moved by `dx`, `dy`.
    pub fn shifted(&self, dx: f32, dy: f32) -> Draw {
        match self {
            Draw::Text { elem, lang, runs } => Draw::Text {
                elem: *elem,
                lang: *lang,
                runs: runs
                    .iter()
                    .map(|r| Run {
                        x: r.x + dx,
                        baseline: r.baseline + dy,
                        ..r.clone()
                    })
                    .collect(),
            },
            Draw::Art(a) => Draw::Art(a.shifted(dx, dy)),
            Draw::Link(l) => {
                let [x, y, w, h] = l.rect;
                Draw::Link(LinkArea {
                    rect: [x + dx, y + dy, w, h],
                    ..l.clone()
                })
            }
        }
    }

    /// The same as an artifact (a repeated table header: the table has
    /// one header row, which assistive technology reads once).
    pub fn as_artifact(&self) -> Option<Draw> {
        match self {
            Draw::Text { lang, runs, .. } => Some(Draw::Text {
                elem: None,
                lang: *lang,
                runs: runs.clone(),
            }),
            Draw::Art(a) => Some(Draw::Art(a.clone())),
            Draw::Link(_) => None,
        }
    }
}

/// One unbreakable piece of the column.
#[derive(Clone, Debug)]
pub struct Chunk {
    /// Its height.
    pub height: f32,
    /// Space above it, dropped at the top of a page.
    pub space_before: f32,
    /// What it draws.
    pub draws: Vec<Draw>,
    /// The page may not break after it.
    pub keep_with_next: bool,
    /// Where it must start.
    pub start: Start,
    /// The frames it is inside, outermost first.
    pub frames: Vec<usize>,
    /// What it tells its page.
    pub marks: Vec<Mark>,
}

/// A box around chunks: a worked example's record, a quotation, a table.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    /// Left edge, from the text block's.
    pub x: f32,
    /// Width.
    pub w: f32,
    /// Background.
    pub fill: Option<Rgb>,
    /// A bar down the left edge: colour and width.
    pub bar: Option<(Rgb, f32)>,
    /// A border.
    pub stroke: Option<(Rgb, f32)>,
    /// Space inside the box above and below its chunks.
    pub pad: f32,
    /// Keep it on one page where it fits on one.
    pub keep: bool,
    /// A table's header row, drawn again at the top of each page it runs
    /// onto, and its height.
    pub header: Option<(Vec<Draw>, f32)>,
    /// Its first chunk (set as it is filled).
    pub first: usize,
    /// Its last chunk.
    pub last: usize,
}

/// How a paragraph's lines are set.
#[derive(Clone, Copy, Debug)]
pub struct ParaStyle {
    /// Distance between baselines.
    pub leading: f32,
    /// Hyphenate (body text yes, headings no).
    pub hyphenate: bool,
    /// Keep every line with what follows (headings).
    pub keep: bool,
}

/// The column being built, and the structure elements of its content.
#[derive(Debug)]
pub struct Flow {
    /// The chunks, top to bottom.
    pub chunks: Vec<Chunk>,
    /// The frames.
    pub frames: Vec<Frame>,
    /// Structure elements; the first is the document.
    pub elems: Vec<Elem>,
    /// The document's language.
    pub lang: Lang,
    /// The width of the text block.
    pub width: f32,
    open: Vec<usize>,
    start: Start,
    marks: Vec<Mark>,
    space: f32,
    label: Option<Vec<Draw>>,
}

impl Flow {
    /// An empty column `width` wide, in `lang`.
    pub fn new(lang: Lang, width: f32) -> Flow {
        Flow {
            chunks: Vec::new(),
            frames: Vec::new(),
            elems: vec![Elem {
                role: Role::Document,
                parent: None,
                lang: None,
                alt: None,
            }],
            lang,
            width,
            open: Vec::new(),
            start: Start::Flow,
            marks: Vec::new(),
            space: 0.0,
            label: None,
        }
    }

    /// A new structure element.
    pub fn elem(&mut self, role: Role, parent: usize) -> usize {
        self.elems.push(Elem {
            role,
            parent: Some(parent),
            lang: None,
            alt: None,
        });
        self.elems.len() - 1
    }

    /// The next chunk starts a new page (or a right-hand page).
    pub fn start(&mut self, start: Start) {
        if start == Start::Recto || self.start == Start::Flow {
            self.start = start;
        }
        self.space = 0.0;
    }

    /// The next chunk carries `mark`.
    pub fn mark(&mut self, mark: Mark) {
        self.marks.push(mark);
    }

    /// At least `h` points of space before the next chunk.
    pub fn space(&mut self, h: f32) {
        self.space = self.space.max(h);
    }

    /// Draws to add to the next chunk of text: a list item's bullet.
    pub fn label(&mut self, draws: Vec<Draw>) {
        self.label = Some(draws);
    }

    /// Adds a chunk.
    pub fn push(&mut self, height: f32, mut draws: Vec<Draw>, keep_with_next: bool) {
        if let Some(label) = self.label.take() {
            let mut all = label;
            all.append(&mut draws);
            draws = all;
        }
        let index = self.chunks.len();
        for &f in &self.open {
            if self.frames[f].first == usize::MAX {
                self.frames[f].first = index;
            }
            self.frames[f].last = index;
        }
        self.chunks.push(Chunk {
            height,
            space_before: std::mem::take(&mut self.space),
            draws,
            keep_with_next,
            start: std::mem::replace(&mut self.start, Start::Flow),
            frames: self.open.clone(),
            marks: std::mem::take(&mut self.marks),
        });
    }

    /// The last chunk may not be parted from the next.
    pub fn keep_last(&mut self) {
        if let Some(c) = self.chunks.last_mut() {
            c.keep_with_next = true;
        }
    }

    /// Opens a frame; chunks pushed until [`Flow::close`] are inside it.
    pub fn open(&mut self, frame: Frame) -> usize {
        self.frames.push(Frame {
            first: usize::MAX,
            last: 0,
            ..frame
        });
        let id = self.frames.len() - 1;
        self.open.push(id);
        id
    }

    /// Closes the innermost frame. A frame that got no chunks is dropped
    /// from the chunks' point of view (it has none).
    pub fn close(&mut self) {
        self.open.pop();
    }

    /// Sets `inline` as lines `width` wide from `x`, as content of `elem`:
    /// what each line draws, relative to the line's top (lines are
    /// `style.leading` apart). Links become `Link` elements under `elem`.
    pub fn lines(
        &mut self,
        inline: &Inline,
        style: ParaStyle,
        elem: usize,
        x: f32,
        width: f32,
    ) -> Vec<Vec<Draw>> {
        let lines = inline::set(inline, self.lang, width, style.hyphenate);
        let mut link_elems: Vec<Option<usize>> = vec![None; inline.links.len()];
        let mut out = Vec::with_capacity(lines.len());
        for line in &lines {
            let size = line.pieces.iter().map(|p| p.look.size).fold(0.0, f32::max);
            let cap = line
                .pieces
                .first()
                .map_or(0.7, |p| p.look.face().cap_height())
                * size;
            let baseline = (style.leading + cap) / 2.0;
            let mut draws: Vec<Draw> = Vec::new();
            for piece in &line.pieces {
                let owner = match piece.link {
                    Some(l) => *link_elems[l].get_or_insert_with(|| {
                        self.elems.push(Elem {
                            role: Role::Link,
                            parent: Some(elem),
                            lang: None,
                            alt: None,
                        });
                        self.elems.len() - 1
                    }),
                    None => elem,
                };
                let lang = piece.lang.unwrap_or(self.lang);
                let run = Run {
                    x: x + piece.x,
                    baseline,
                    text: piece.text.clone(),
                    look: piece.look,
                };
                match draws.last_mut() {
                    Some(Draw::Text {
                        elem: Some(e),
                        lang: l,
                        runs,
                    }) if *e == owner && *l == lang => runs.push(run),
                    _ => draws.push(Draw::Text {
                        elem: Some(owner),
                        lang,
                        runs: vec![run],
                    }),
                }
                if let Some(l) = piece.link {
                    let link = &inline.links[l];
                    let width = piece.look.width(piece.text.trim_end());
                    let top = baseline - piece.look.size * 0.95;
                    draws.push(Draw::Link(LinkArea {
                        rect: [x + piece.x, top, width, piece.look.size * 1.3],
                        anchor: link.anchor.clone(),
                        elem: owner,
                        alt: link.alt.clone(),
                    }));
                    if link.underline {
                        let y = baseline + piece.look.size * 0.17;
                        draws.push(Draw::Art(Art::Dots {
                            from: (x + piece.x + 0.6, y),
                            to: (x + piece.x + width, y),
                            color: piece.look.color,
                            width: 0.7,
                            gap: 2.0,
                        }));
                    }
                }
            }
            out.push(draws);
        }
        // A paragraph in one language other than the document's is marked so.
        if let Some(lang) = single_lang(inline)
            && lang != self.lang
        {
            self.elems[elem].lang = Some(lang);
        }
        out
    }

    /// Sets `inline` as lines `width` wide from `x`, as content of `elem`;
    /// one chunk per line, broken only where two lines stay on each side.
    pub fn text(&mut self, inline: &Inline, style: ParaStyle, elem: usize, x: f32, width: f32) {
        let lines = self.lines(inline, style, elem, x, width);
        let n = lines.len();
        for (k, draws) in lines.into_iter().enumerate() {
            let line_no = k + 1;
            let breakable = line_no >= 2 && n - line_no >= 2;
            let keep = style.keep || (line_no < n && !breakable);
            if k > 0 {
                // Lines of one paragraph sit at their leading, no gap.
                self.space = 0.0;
            }
            self.push(style.leading, draws, keep);
        }
    }

    /// A paragraph element under `parent` holding `inline`.
    pub fn paragraph(
        &mut self,
        inline: &Inline,
        style: ParaStyle,
        role: Role,
        parent: usize,
        x: f32,
        width: f32,
    ) -> usize {
        let elem = self.elem(role, parent);
        self.text(inline, style, elem, x, width);
        elem
    }

    /// Ruled lines `h` apart, `count` of them, for writing on: the first
    /// `keep` are kept with what precedes them.
    pub fn ruled(&mut self, count: usize, h: f32, x: f32, color: Rgb, keep: usize) {
        let w = self.width;
        if let Some(last) = self.chunks.last_mut() {
            last.keep_with_next = true;
        }
        for i in 0..count {
            let line = Art::Shape(super::super::layout::Shape::Line {
                from: (x, h - 0.5),
                to: (w, h - 0.5),
                color,
                width: 0.6,
            });
            self.push(h, vec![Draw::Art(line)], i + 1 < keep);
        }
    }
}

/// The language every span of `inline` has, if they share one.
fn single_lang(inline: &Inline) -> Option<Lang> {
    let mut langs = inline.spans.iter().map(|s| s.lang);
    let first = langs.next()??;
    langs.all(|l| l == Some(first)).then_some(first)
}

/// A look's line of text at `leading`, for drawing a run outside paragraphs.
pub fn baseline(look: &Look, leading: f32) -> f32 {
    (leading + look.face().cap_height() * look.size) / 2.0
}
