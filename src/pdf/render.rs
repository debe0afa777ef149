//! A layout drawn with printpdf: text in the embedded, subset Noto Sans,
//! shapes as artifacts, and every piece of content wrapped in a marked-content
//! sequence with an MCID, so that [`super::tags`] can link it into the
//! structure tree.

use lopdf::{Document, ObjectId};
use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Polygon, PolygonRing, Pt, Rect, TextItem, WindingOrder,
};
use std::collections::BTreeMap;

use super::font::fonts;
use super::layout::{Item, Layout, Rgb, Shape};
use printpdf::DictItem;

/// Content of structure element `elem` on page `page`, marked with `mcid`.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    /// The structure element.
    pub elem: usize,
    /// The page (0-based).
    pub page: usize,
    /// The marked-content id, unique within the page.
    pub mcid: i64,
}

/// The drawn document, its page objects in order, and the marks made.
pub struct Rendered {
    /// The document, pages and fonts only.
    pub doc: Document,
    /// Page objects in page order.
    pub pages: Vec<ObjectId>,
    /// Every marked-content sequence, in reading order.
    pub marks: Vec<Mark>,
}

/// A printpdf colour from ours.
pub(crate) fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// A straight-line point of a path.
pub(crate) fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn control(x: f32, y: f32) -> LinePoint {
    LinePoint {
        bezier: true,
        ..point(x, y)
    }
}

fn paint(fill: Option<Rgb>, stroke: Option<(Rgb, f32)>, ops: &mut Vec<Op>) -> PaintMode {
    if let Some(f) = fill {
        ops.push(Op::SetFillColor { col: color(f) });
    }
    if let Some((s, w)) = stroke {
        ops.push(Op::SetOutlineColor { col: color(s) });
        ops.push(Op::SetOutlineThickness { pt: Pt(w) });
    }
    match (fill.is_some(), stroke.is_some()) {
        (true, true) => PaintMode::FillStroke,
        (false, true) => PaintMode::Stroke,
        _ => PaintMode::Fill,
    }
}

/// The four Bézier arcs of a circle (the usual 0.5523 control distance).
fn circle(cx: f32, cy: f32, r: f32) -> Vec<LinePoint> {
    let k = r * 0.552_284_8;
    vec![
        point(cx + r, cy),
        control(cx + r, cy + k),
        control(cx + k, cy + r),
        point(cx, cy + r),
        control(cx - k, cy + r),
        control(cx - r, cy + k),
        point(cx - r, cy),
        control(cx - r, cy - k),
        control(cx - k, cy - r),
        point(cx, cy - r),
        control(cx + k, cy - r),
        control(cx + r, cy - k),
        point(cx + r, cy),
    ]
}

/// Draws `s` on a page `height` points tall (layout measures from the top,
/// PDF from the bottom). Public for the workbook, which draws the same shapes.
pub fn shape(s: &Shape, height: f32, ops: &mut Vec<Op>) {
    ops.push(Op::SaveGraphicsState);
    match s {
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let mode = paint(*fill, *stroke, ops);
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(height - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(mode),
                    winding_order: None,
                },
            });
        }
        Shape::Line {
            from,
            to,
            color: c,
            width,
        } => {
            paint(None, Some((*c, *width)), ops);
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(from.0, height - from.1), point(to.0, height - to.1)],
                    is_closed: false,
                },
            });
        }
        Shape::Circle {
            centre,
            r,
            fill,
            stroke,
        } => {
            let mode = paint(*fill, *stroke, ops);
            ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing {
                        points: circle(centre.0, height - centre.1, *r),
                    }],
                    mode,
                    winding_order: WindingOrder::NonZero,
                },
            });
        }
    }
    ops.push(Op::RestoreGraphicsState);
}

/// Draws `layout`.
pub fn render(layout: &Layout) -> Rendered {
    let mut pdf = PdfDocument::new(&layout.title);
    // Fixed resource names rather than printpdf's random ones, so the same
    // content always makes the same file.
    let mut add_font = |name: &str, face: &printpdf::ParsedFont| {
        let id = printpdf::FontId(name.to_string());
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(face.clone()));
        id
    };
    let regular = add_font("F1", &fonts().regular.parsed);
    let bold = add_font("F2", &fonts().bold.parsed);
    let mut marks = Vec::new();
    let mut pages = Vec::new();
    for (index, page) in layout.pages.iter().enumerate() {
        let mut ops = Vec::new();
        let mut mcid = 0;
        for item in &page.items {
            match item {
                Item::Text { elem, lang, runs } => {
                    match elem {
                        Some(elem) => {
                            let mut map = BTreeMap::new();
                            map.insert("MCID".to_string(), DictItem::Int(mcid));
                            if *lang != layout.lang {
                                map.insert(
                                    "Lang".to_string(),
                                    DictItem::String {
                                        data: lang.code().as_bytes().to_vec(),
                                        literal: true,
                                    },
                                );
                            }
                            let role = layout.elems[*elem].role.name();
                            ops.push(Op::BeginMarkedContentWithProperties {
                                tag: role.to_string(),
                                properties: DictItem::Dict { map },
                            });
                            marks.push(Mark {
                                elem: *elem,
                                page: index,
                                mcid,
                            });
                            mcid += 1;
                        }
                        None => {
                            let mut map = BTreeMap::new();
                            map.insert("Type".to_string(), DictItem::Name(b"Pagination".to_vec()));
                            ops.push(Op::BeginMarkedContentWithProperties {
                                tag: "Artifact".to_string(),
                                properties: DictItem::Dict { map },
                            });
                        }
                    }
                    for run in runs {
                        ops.push(Op::SetFillColor {
                            col: color(run.color),
                        });
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(if run.bold {
                                bold.clone()
                            } else {
                                regular.clone()
                            }),
                            size: Pt(run.size),
                        });
                        ops.push(Op::SetTextCursor {
                            pos: Point {
                                x: Pt(run.x),
                                y: Pt(layout.height - run.baseline),
                            },
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(run.text.clone())],
                        });
                        ops.push(Op::EndTextSection);
                    }
                    ops.push(Op::EndMarkedContent);
                }
                Item::Art(shapes) => {
                    ops.push(Op::BeginMarkedContent {
                        tag: "Artifact".to_string(),
                    });
                    for s in shapes {
                        shape(s, layout.height, &mut ops);
                    }
                    ops.push(Op::EndMarkedContent);
                }
            }
        }
        pages.push(PdfPage::new(
            printpdf::Mm::from(Pt(layout.width)),
            printpdf::Mm::from(Pt(layout.height)),
            ops,
        ));
    }
    pdf.with_pages(pages);
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let doc = pdf.to_lopdf_document(&options, &mut Vec::new());
    let pages = doc.get_pages().into_values().collect();
    Rendered { doc, pages, marks }
}
