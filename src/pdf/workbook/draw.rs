//! The laid-out workbook drawn with printpdf, as the templates are
//! ([`crate::pdf::render`], whose shapes it shares): text in the embedded,
//! subset Noto Sans in four faces, every piece of content in a marked-content
//! sequence with an MCID for the structure tree, everything else an artifact
//! (the running header and page number as pagination artifacts).

use crate::pdf::render::{color, point};
use std::collections::BTreeMap;

use lopdf::{Document, ObjectId};
use printpdf::{
    DictItem, Line, LineCapStyle, LineDashPattern, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem,
};

use super::page::{Art, Book, Item, Run};
use crate::pdf::font::{fonts, italics};
use crate::pdf::layout::Rgb;
use crate::pdf::render::{Mark, shape};

/// A logo to place on a page once the document exists.
#[derive(Clone, Copy, Debug)]
pub struct LogoSpot {
    /// The page (0-based).
    pub page: usize,
    /// Left, top, width, height.
    pub rect: [f32; 4],
    /// Its `Figure` element.
    pub elem: usize,
    /// The marked-content id it takes on its page.
    pub mcid: i64,
}

/// The drawn workbook.
pub struct Drawn {
    /// The document, pages and fonts only.
    pub doc: Document,
    /// Page objects in page order.
    pub pages: Vec<ObjectId>,
    /// Every marked-content sequence, in reading order.
    pub marks: Vec<Mark>,
    /// Logos still to draw.
    pub logos: Vec<LogoSpot>,
}

pub fn draw(book: &Book) -> Drawn {
    let mut pdf = PdfDocument::new(&book.title);
    // Fixed resource names rather than printpdf's random ones, so the same
    // content always makes the same file.
    let mut add_font = |name: &str, face: &printpdf::ParsedFont| {
        let id = printpdf::FontId(name.to_string());
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(face.clone()));
        PdfFontHandle::External(id)
    };
    let faces = [
        add_font("F1", &fonts().regular.parsed),
        add_font("F2", &fonts().bold.parsed),
        add_font("F3", &italics().regular.parsed),
        add_font("F4", &italics().bold.parsed),
    ];
    let h = book.height;
    let mut marks = Vec::new();
    let mut logos = Vec::new();
    let mut pages = Vec::with_capacity(book.pages.len());
    for (index, page) in book.pages.iter().enumerate() {
        let mut ops = Vec::new();
        let mut mcid = 0;
        for item in &page.items {
            match item {
                Item::Text { elem, lang, runs } => {
                    match elem {
                        Some(elem) => {
                            let mut map = BTreeMap::new();
                            map.insert("MCID".to_string(), DictItem::Int(mcid));
                            if *lang != book.lang {
                                map.insert(
                                    "Lang".to_string(),
                                    DictItem::String {
                                        data: lang.code().as_bytes().to_vec(),
                                        literal: true,
                                    },
                                );
                            }
                            ops.push(Op::BeginMarkedContentWithProperties {
                                tag: book.elems[*elem].role.name().to_string(),
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
                        text(run, 0.0, &faces, h, &mut ops);
                    }
                    ops.push(Op::EndMarkedContent);
                }
                Item::Art(arts) => {
                    let mut drawn = Vec::new();
                    for art in arts {
                        match art {
                            Art::Shape(s) => shape(s, h, &mut drawn),
                            Art::Dots {
                                from,
                                to,
                                color: c,
                                width,
                                gap,
                            } => dots(*from, *to, *c, *width, *gap, h, &mut drawn),
                            Art::Text { run, spacing } => {
                                text(run, *spacing, &faces, h, &mut drawn);
                            }
                            Art::Logo { rect, elem } => {
                                logos.push(LogoSpot {
                                    page: index,
                                    rect: *rect,
                                    elem: *elem,
                                    mcid,
                                });
                                marks.push(Mark {
                                    elem: *elem,
                                    page: index,
                                    mcid,
                                });
                                mcid += 1;
                            }
                        }
                    }
                    if !drawn.is_empty() {
                        ops.push(Op::BeginMarkedContent {
                            tag: "Artifact".to_string(),
                        });
                        ops.append(&mut drawn);
                        ops.push(Op::EndMarkedContent);
                    }
                }
            }
        }
        pages.push(PdfPage::new(
            printpdf::Mm::from(Pt(book.width)),
            printpdf::Mm::from(Pt(h)),
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
    Drawn {
        doc,
        pages,
        marks,
        logos,
    }
}

/// One run of text in its face, size and colour, with `spacing` after
/// each character.
fn text(run: &Run, spacing: f32, faces: &[PdfFontHandle; 4], h: f32, ops: &mut Vec<Op>) {
    let face = usize::from(run.look.bold) + 2 * usize::from(run.look.italic);
    ops.push(Op::SetFillColor {
        col: color(run.look.color),
    });
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: faces[face].clone(),
        size: Pt(run.look.size),
    });
    ops.push(Op::SetTextCursor {
        pos: Point {
            x: Pt(run.x),
            y: Pt(h - run.baseline),
        },
    });
    if spacing != 0.0 {
        ops.push(Op::SetCharacterSpacing {
            multiplier: spacing,
        });
    }
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(run.text.clone())],
    });
    if spacing != 0.0 {
        ops.push(Op::SetCharacterSpacing { multiplier: 0.0 });
    }
    ops.push(Op::EndTextSection);
}

/// A dotted line: round caps on zero-length dashes.
fn dots(from: (f32, f32), to: (f32, f32), c: Rgb, width: f32, gap: f32, h: f32, ops: &mut Vec<Op>) {
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetOutlineColor { col: color(c) });
    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    ops.push(Op::SetLineCapStyle {
        cap: LineCapStyle::Round,
    });
    ops.push(Op::SetLineDashPattern {
        dash: LineDashPattern::new(0.0, &[0.0, gap]),
    });
    ops.push(Op::DrawLine {
        line: Line {
            points: vec![point(from.0, h - from.1), point(to.0, h - to.1)],
            is_closed: false,
        },
    });
    ops.push(Op::RestoreGraphicsState);
}
