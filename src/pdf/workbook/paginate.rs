//! Cutting the column into pages.
//!
//! The page breaks are chosen first, by measuring alone: a chunk that does
//! not fit goes to the next page, and takes with it every chunk before it
//! that asked to be kept with the next (a heading, the first line of a
//! paragraph); a frame that asked to be kept whole and fits on an empty page
//! starts one. Then the chunks are placed, with the margins of a left- or
//! right-hand page (mirrored: the wider margin is always the inner one), each
//! frame drawn around its part on every page, and a table's header row drawn
//! again at the top of each page it runs onto.

use std::collections::BTreeMap;

use super::flow::{Chunk, Draw, Flow, Frame, Mark, Start};
use super::page::{Art, Item, Page};
use crate::pdf::layout::Shape;

/// The page and its margins.
#[derive(Clone, Copy, Debug)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Top of the text block.
    pub top: f32,
    /// Bottom of the text block.
    pub bottom: f32,
    /// The margin at the binding.
    pub inner: f32,
    /// The margin at the fore-edge.
    pub outer: f32,
}

impl Geometry {
    /// The left edge of the text block on page `index` (0-based: page 1,
    /// index 0, is a right-hand page, its binding on the left).
    pub fn left(&self, index: usize) -> f32 {
        if index.is_multiple_of(2) {
            self.inner
        } else {
            self.outer
        }
    }

    /// The width of the text block.
    pub fn text_width(&self) -> f32 {
        self.width - self.inner - self.outer
    }
}

/// A page laid out, with what its chunks told it.
#[derive(Clone, Debug, Default)]
pub struct Placed {
    /// The content.
    pub page: Page,
    /// The marks of its chunks, in order.
    pub marks: Vec<Mark>,
    /// A page left blank so the next division starts on the right.
    pub blank: bool,
}

/// The pages, and each anchor's page and height.
pub struct Pages {
    /// The pages.
    pub pages: Vec<Placed>,
    /// Anchor name to page index and top.
    pub anchors: BTreeMap<String, (usize, f32)>,
}

/// Which chunks go on each page (`None`: a blank page).
fn plan(flow: &Flow, g: &Geometry) -> Vec<Option<(usize, usize)>> {
    let chunks = &flow.chunks;
    let frames = &flow.frames;
    let n = chunks.len();
    let mut plans = Vec::new();
    let mut i = 0;
    while i < n {
        if chunks[i].start == Start::Recto && !plans.len().is_multiple_of(2) {
            plans.push(None);
            continue;
        }
        let start = i;
        let mut y = g.top + continuation(chunks, frames, i);
        let mut j = i;
        let end = loop {
            if j == n {
                break n;
            }
            let c = &chunks[j];
            if j > start && c.start != Start::Flow {
                break j;
            }
            let gap = if j > start { c.space_before } else { 0.0 };
            let (enter, exit, reserve) = pads(c, frames, j);
            if j > start {
                // A frame kept whole that fits on an empty page starts one.
                let kept = c
                    .frames
                    .iter()
                    .filter(|&&f| frames[f].first == j && frames[f].keep)
                    .map(|&f| extent(chunks, frames, f))
                    .fold(0.0, f32::max);
                if kept > 0.0 && y + gap + kept > g.bottom && kept <= g.bottom - g.top {
                    break back(chunks, start, j);
                }
            }
            if j == start || y + gap + enter + c.height + exit + reserve <= g.bottom + 0.01 {
                y += gap + enter + c.height + exit;
                j += 1;
            } else {
                break back(chunks, start, j);
            }
        };
        plans.push(Some((start, end)));
        i = end;
    }
    plans
}

/// Where to break before chunk `j` on a page that starts at `start`: before
/// the run of chunks that asked to be kept with `j` (unless that is the
/// whole page, when the request cannot be honoured).
fn back(chunks: &[Chunk], start: usize, j: usize) -> usize {
    let mut b = j;
    while b > start && chunks[b - 1].keep_with_next {
        b -= 1;
    }
    if b == start { j } else { b }
}

/// Padding of frames a chunk enters and leaves, and the padding to leave room
/// for below it: frames it opens add their top padding, frames it closes
/// their bottom, and frames still open need their bottom padding to fit.
fn pads(c: &Chunk, frames: &[Frame], j: usize) -> (f32, f32, f32) {
    let mut enter = 0.0;
    let mut exit = 0.0;
    let mut reserve = 0.0;
    for &f in &c.frames {
        let frame = &frames[f];
        // (A frame that began on an earlier page has its top padding
        // counted by continuation().)
        if frame.first == j {
            enter += frame.pad;
        }
        if frame.last == j {
            exit += frame.pad;
        } else {
            reserve += frame.pad;
        }
    }
    (enter, exit, reserve)
}

/// What goes at the top of a page that starts inside frames: their top
/// padding, and a table's header row.
fn continuation(chunks: &[Chunk], frames: &[Frame], i: usize) -> f32 {
    chunks[i]
        .frames
        .iter()
        .filter(|&&f| frames[f].first < i)
        .map(|&f| frames[f].pad + frames[f].header.as_ref().map_or(0.0, |h| h.1))
        .sum()
}

/// The height of frame `f` set without a break.
fn extent(chunks: &[Chunk], frames: &[Frame], f: usize) -> f32 {
    let frame = &frames[f];
    let mut h = 0.0;
    for (j, c) in chunks
        .iter()
        .enumerate()
        .take(frame.last + 1)
        .skip(frame.first)
    {
        if j > frame.first {
            h += c.space_before;
        }
        for &g in &c.frames {
            if frames[g].first == j {
                h += frames[g].pad;
            }
            if frames[g].last == j {
                h += frames[g].pad;
            }
        }
        h += c.height;
    }
    h
}

/// Places the chunks of `flow` on pages.
pub fn paginate(flow: &Flow, g: &Geometry) -> Pages {
    let plans = plan(flow, g);
    let mut pages = Vec::with_capacity(plans.len());
    let mut anchors = BTreeMap::new();
    for (index, plan) in plans.iter().enumerate() {
        let Some((start, end)) = *plan else {
            pages.push(Placed {
                blank: true,
                ..Placed::default()
            });
            continue;
        };
        pages.push(place(flow, g, index, start, end, &mut anchors));
    }
    Pages { pages, anchors }
}

/// The top and bottom of each frame's part on a page.
type Extents = BTreeMap<usize, (f32, f32)>;

fn place(
    flow: &Flow,
    g: &Geometry,
    index: usize,
    start: usize,
    end: usize,
    anchors: &mut BTreeMap<String, (usize, f32)>,
) -> Placed {
    let chunks = &flow.chunks;
    let frames = &flow.frames;
    let left = g.left(index);
    let mut content: Vec<Item> = Vec::new();
    let mut links = Vec::new();
    let mut marks = Vec::new();
    let mut extents: Extents = BTreeMap::new();
    let mut y = g.top;
    let emit = |draw: Draw, content: &mut Vec<Item>, links: &mut Vec<_>| match draw {
        Draw::Text { elem, lang, runs } => content.push(Item::Text { elem, lang, runs }),
        Draw::Art(a) => content.push(Item::Art(vec![a])),
        Draw::Link(l) => links.push(l),
    };
    // Frames that began on an earlier page: their padding, and the header
    // of a table again.
    for &f in &chunks[start].frames {
        let frame = &frames[f];
        if frame.first < start {
            extents.insert(f, (y, y));
            y += frame.pad;
            if let Some((header, h)) = &frame.header {
                for d in header.iter().filter_map(Draw::as_artifact) {
                    emit(d.shifted(left, y), &mut content, &mut links);
                }
                y += h;
            }
        }
    }
    for (j, c) in chunks.iter().enumerate().take(end).skip(start) {
        if j > start {
            y += c.space_before;
        }
        for &f in &c.frames {
            if frames[f].first == j {
                extents.insert(f, (y, y));
                y += frames[f].pad;
            }
        }
        for m in &c.marks {
            if let Mark::Anchor(name) = m {
                anchors.insert(name.clone(), (index, y));
            }
            marks.push(m.clone());
        }
        for d in &c.draws {
            emit(d.shifted(left, y), &mut content, &mut links);
        }
        y += c.height;
        for &f in &c.frames {
            if frames[f].last == j {
                y += frames[f].pad;
            }
            if let Some(e) = extents.get_mut(&f) {
                e.1 = y;
            }
        }
    }
    // Frames that go on to the next page end with their padding here.
    for (&f, e) in &mut extents {
        if frames[f].last >= end {
            e.1 += frames[f].pad;
        }
    }
    let mut items = backgrounds(frames, &extents, left);
    items.extend(content);
    Placed {
        page: Page { items, links },
        marks,
        blank: false,
    }
}

/// The boxes of the frames on a page, outermost first so inner ones show.
fn backgrounds(frames: &[Frame], extents: &Extents, left: f32) -> Vec<Item> {
    let mut items = Vec::new();
    for (&f, &(top, bottom)) in extents {
        let frame = &frames[f];
        let mut art = Vec::new();
        let x = left + frame.x;
        let h = bottom - top;
        if frame.fill.is_some() || frame.stroke.is_some() {
            art.push(Art::Shape(Shape::Rect {
                x,
                y: top,
                w: frame.w,
                h,
                fill: frame.fill,
                stroke: frame.stroke,
            }));
        }
        if let Some((color, w)) = frame.bar {
            art.push(Art::Shape(Shape::Rect {
                x,
                y: top,
                w,
                h,
                fill: Some(color),
                stroke: None,
            }));
        }
        if !art.is_empty() {
            items.push(Item::Art(art));
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::pdf::workbook::inline::Inline;
    use crate::pdf::workbook::md::{self, Place, Resolved};
    use crate::pdf::workbook::page::Role;
    use crate::pdf::workbook::style::{self, BODY, BODY_LEADING, BODY_PARA};

    /// A page that holds `lines` lines of body text.
    fn geometry(lines: f32) -> Geometry {
        Geometry {
            width: 320.0,
            height: 100.0 + lines * BODY_LEADING,
            top: 50.0,
            bottom: 50.0 + lines * BODY_LEADING + 0.5,
            inner: 40.0,
            outer: 30.0,
        }
    }

    /// The element of each line of text on each page.
    fn lines(pages: &Pages) -> Vec<Vec<usize>> {
        pages
            .pages
            .iter()
            .map(|p| {
                p.page
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text { elem: Some(e), .. } => Some(*e),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn no_paragraph_leaves_one_line_alone_and_headings_stay_with_what_follows() {
        let g = geometry(9.0);
        let mut flow = Flow::new(Lang::En, g.text_width());
        let mut paragraphs = Vec::new();
        let mut headings = Vec::new();
        for i in 0..40 {
            if i % 5 == 0 {
                let (look, leading, above) = style::heading(3);
                flow.space(above);
                let h = flow.paragraph(
                    &Inline::plain("A heading", look),
                    style::heading_para(leading),
                    Role::H3,
                    0,
                    0.0,
                    g.text_width(),
                );
                headings.push(h);
            }
            let words = [3, 12, 25, 40, 60, 90][i % 6];
            flow.space(style::PARA_GAP);
            let p = flow.paragraph(
                &Inline::plain(&"word ".repeat(words), BODY),
                BODY_PARA,
                Role::P,
                0,
                0.0,
                g.text_width(),
            );
            paragraphs.push(p);
        }
        let pages = paginate(&flow, &g);
        let per_page = lines(&pages);
        assert!(per_page.len() > 10);
        for p in paragraphs {
            let total = per_page.iter().flatten().filter(|e| **e == p).count();
            for page in &per_page {
                let here = page.iter().filter(|e| **e == p).count();
                assert!(
                    here == 0 || here >= total.min(2),
                    "a paragraph of {total} lines leaves {here} on a page"
                );
            }
        }
        for page in &per_page {
            let last = page.last().unwrap();
            assert!(
                !headings.contains(last) || page.iter().all(|e| e == last),
                "a heading ends a page"
            );
        }
    }

    #[test]
    fn a_kept_frame_starts_a_page_rather_than_split() {
        let g = geometry(12.0);
        let mut flow = Flow::new(Lang::En, g.text_width());
        let w = g.text_width();
        flow.paragraph(
            &Inline::plain(&"word ".repeat(60), BODY),
            BODY_PARA,
            Role::P,
            0,
            0.0,
            w,
        );
        flow.open(Frame {
            w,
            pad: 6.0,
            keep: true,
            ..Frame::default()
        });
        let boxed = flow.paragraph(
            &Inline::plain(&"word ".repeat(50), BODY),
            BODY_PARA,
            Role::P,
            0,
            0.0,
            w,
        );
        flow.close();
        let per_page = lines(&paginate(&flow, &g));
        let pages_with_box: Vec<usize> = per_page
            .iter()
            .enumerate()
            .filter(|(_, p)| p.contains(&boxed))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(pages_with_box, [1], "{per_page:?}");
    }

    #[test]
    fn a_table_that_runs_over_repeats_its_header_as_an_artifact() {
        let g = geometry(14.0);
        let mut flow = Flow::new(Lang::En, g.text_width());
        let mut md_table = String::from("| When | What happened |\n|---|---|\n");
        for i in 0..30 {
            md_table.push_str(&format!("| {i} March | A visit |\n"));
        }
        let resolve = |_: &str| Resolved::default();
        md::markdown(
            &mut flow,
            &md_table,
            Place {
                parent: 0,
                x: 0.0,
                width: g.text_width(),
                shift: 0,
                look_shift: 0,
                look: BODY,
                leading: BODY_LEADING,
                resolve: &resolve,
            },
        );
        let pages = paginate(&flow, &g);
        assert!(pages.pages.len() > 2);
        for (i, page) in pages.pages.iter().enumerate() {
            let first_text = page
                .page
                .items
                .iter()
                .find_map(|item| match item {
                    Item::Text { elem, runs, .. } => Some((*elem, runs[0].text.clone())),
                    _ => None,
                })
                .unwrap();
            assert_eq!(first_text.1.trim(), "When", "page {i}");
            // Tagged the first time, an artifact after.
            assert_eq!(first_text.0.is_none(), i > 0, "page {i}");
        }
        let headers = flow.elems.iter().filter(|e| e.role == Role::TH).count();
        assert_eq!(headers, 2);
    }
}
