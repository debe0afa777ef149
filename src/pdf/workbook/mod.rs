//! The trainer's workbook: `pdf/workbook.cy.pdf` and `pdf/workbook.en.pdf`,
//! one book per language made from the same content as the site, for
//! printing double-sided and for reading on screen.
//!
//! It shares the templates' PDF layer (the fonts and hyphenation of
//! [`super::font`] and [`super::text`], the shapes of [`super::render`]) and
//! adds what a book needs, one stage a module:
//!
//! 1. [`plan`] decides what goes in (all groups, or those asked for);
//! 2. [`book`] writes it into one long column ([`flow`]), setting Markdown
//!    from comrak's tree ([`md`]) and breaking paragraphs into lines
//!    ([`inline`]) in the [`style`] of the book;
//! 3. [`paginate`] cuts the column into pages with mirrored margins, keeping
//!    headings with what follows, paragraphs without widows or orphans, and
//!    boxes whole where they fit; the running header and page numbers are
//!    added ([`page`] is the result). This is done again until every page
//!    number printed (in the contents, in cross-references) is the page the
//!    heading landed on;
//! 4. [`draw`] draws the pages, [`logo`] adds the organisation's logo, and
//!    [`links`], [`outline`], [`tags`] and [`meta`] add the links, the
//!    bookmarks, the structure tree and the properties.

pub mod book;
pub mod draw;
pub mod flow;
pub mod inline;
pub mod links;
pub mod logo;
pub mod md;
pub mod meta;
pub mod outline;
pub mod page;
pub mod paginate;
pub mod plan;
pub mod style;
pub mod tags;

use std::collections::BTreeMap;
use std::path::Path;

use book::{Cx, Writer};
use flow::Mark;
use inline::Look;
use page::{Art, Book, Item, Run};
use paginate::{Geometry, Placed};
use plan::Plan;

use crate::config::Paper;
use crate::i18n::{Arg, Strings};
use crate::lang::{Lang, Loc};
use crate::model::Pack;
use crate::output;
use crate::problem::{Code, Problem};

/// Where the build writes the workbook in `lang`: `pdf/workbook.cy.pdf`.
pub fn file_name(lang: Lang) -> String {
    format!("pdf/workbook.{}.pdf", lang.code())
}

/// The most layouts made to settle the page numbers. Each moves a number
/// only if the one before moved a line, so two or three suffice.
const MAX_PASSES: usize = 6;

/// The page and margins: the pack's paper, a wider margin at the binding
/// for double-sided printing and hole punching.
pub fn geometry(pack: &Pack) -> Geometry {
    let (width, height) = match pack.config.pdf.paper {
        Paper::A4 => (595.28, 841.89),
        Paper::Letter => (612.0, 792.0),
    };
    Geometry {
        width,
        height,
        top: 74.0,
        bottom: height - 68.0,
        inner: 78.0,
        outer: 56.0,
    }
}

/// Lays out the workbook in `lang` holding the groups `groups` (all if
/// `None`).
///
/// # Errors
/// Unknown group ids, or a missing interface string.
pub fn lay_out(
    pack: &Pack,
    strings: &Strings,
    lang: Lang,
    groups: Option<&[String]>,
) -> Result<Book, Vec<Problem>> {
    let plan = Plan::new(pack, lang, groups)?;
    let geometry = geometry(pack);
    let mut numbers: BTreeMap<String, usize> = BTreeMap::new();
    let mut settled = None;
    for _ in 0..MAX_PASSES {
        let cx = Cx {
            pack,
            strings,
            lang,
            plan: &plan,
            numbers: &numbers,
            geometry,
        };
        let (flow, contents) = Writer::new(cx)
            .and_then(Writer::write)
            .map_err(|p| vec![p])?;
        let pages = paginate::paginate(&flow, &geometry);
        let found: BTreeMap<String, usize> = pages
            .anchors
            .iter()
            .map(|(name, (page, _))| (name.clone(), page + 1))
            .collect();
        let done = found == numbers;
        numbers = found;
        settled = Some((flow, contents, pages));
        if done {
            break;
        }
    }
    let (flow, contents, pages) = settled.expect("at least one layout is made");
    let mut placed = pages.pages;
    chrome(&mut placed, &geometry, strings, lang).map_err(|p| vec![p])?;
    let site = &pack.config.site;
    let title = format!(
        "{} – {}",
        site.title.get(lang),
        strings.t(lang, "workbook-title").map_err(|p| vec![p])?
    );
    let subject = strings
        .get(
            lang,
            "workbook-subject",
            &[("site", Arg::Text(site.title.get(lang).to_string()))],
        )
        .map_err(|p| vec![p])?;
    Ok(Book {
        width: geometry.width,
        height: geometry.height,
        pages: placed.into_iter().map(|p| p.page).collect(),
        elems: flow.elems,
        anchors: pages.anchors,
        contents,
        lang,
        title,
        author: site.organisation.get(lang).to_string(),
        subject,
    })
}

/// `text` cut with an ellipsis to fit `width` in `look`.
fn fit(text: &str, look: Look, width: f32) -> String {
    if look.width(text) <= width {
        return text.to_string();
    }
    let mut cut: String = text.to_string();
    while !cut.is_empty() && look.width(&format!("{cut}…")) > width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// The running header (the division on left-hand pages, the section on
/// right-hand ones, at the outer edge, over a hairline) and the page number
/// in the edition's language at the outer foot. The cover and blank pages
/// have neither; a division's first page has no header.
fn chrome(
    placed: &mut [Placed],
    g: &Geometry,
    strings: &Strings,
    lang: Lang,
) -> Result<(), Problem> {
    let look = style::CHROME;
    let w = g.text_width();
    let mut division = String::new();
    let mut section: Option<String> = None;
    for (i, p) in placed.iter_mut().enumerate() {
        for m in &p.marks {
            match m {
                Mark::Division(d) => {
                    division = d.clone();
                    section = None;
                }
                Mark::Section(s) => section = Some(s.clone()),
                _ => {}
            }
        }
        if p.blank || p.marks.contains(&Mark::Bare) {
            continue;
        }
        let left = g.left(i);
        let recto = i.is_multiple_of(2);
        let at_outer = |text: &str| {
            if recto {
                left + w - look.width(text)
            } else {
                left
            }
        };
        let items = &mut p.page.items;
        if !p.marks.contains(&Mark::NoHeader) {
            let text = if recto {
                section.clone().unwrap_or_else(|| division.clone())
            } else {
                division.clone()
            };
            let text = fit(&text, look, w);
            let x = at_outer(&text);
            items.push(Item::Text {
                elem: None,
                lang,
                runs: vec![Run {
                    x,
                    baseline: g.top - 26.0,
                    text,
                    look,
                }],
            });
            items.push(Item::Art(vec![Art::Shape(
                crate::pdf::layout::Shape::Line {
                    from: (left, g.top - 18.0),
                    to: (left + w, g.top - 18.0),
                    color: style::RULE,
                    width: 0.5,
                },
            )]));
        }
        let number = strings.get(
            lang,
            "workbook-page",
            &[("page", Arg::Number((i + 1) as f64))],
        )?;
        let x = at_outer(&number);
        items.push(Item::Text {
            elem: None,
            lang,
            runs: vec![Run {
                x,
                baseline: g.bottom + 36.0,
                text: number,
                look,
            }],
        });
    }
    Ok(())
}

fn failed(lang: Lang, detail: impl ToString) -> Problem {
    Problem::error(
        Code::PdfFailed,
        Loc::file(std::sync::Arc::from(Path::new("content/"))),
    )
    .arg("form", file_name(lang))
    .arg("detail", detail.to_string())
}

/// The workbook in `lang`, holding the groups `groups` (every group if
/// `None`), as the bytes of a PDF.
///
/// # Errors
/// A problem for each id in `groups` that is not a group; a missing
/// interface string; a fault in writing the file.
pub fn workbook_pdf(
    pack: &Pack,
    strings: &Strings,
    lang: Lang,
    groups: Option<&[String]>,
) -> Result<Vec<u8>, Vec<Problem>> {
    let book = lay_out(pack, strings, lang, groups)?;
    let drawn = draw::draw(&book);
    let mut doc = drawn.doc;
    if let Some(logo) = &pack.config.brand.logo
        && !drawn.logos.is_empty()
        && let Some(image) = logo::embed(&mut doc, logo)
    {
        for spot in &drawn.logos {
            logo::place(
                &mut doc,
                drawn.pages[spot.page],
                book.height,
                image,
                spot.rect,
                spot.mcid,
            );
        }
    }
    let annots = links::add(&mut doc, &book, &drawn.pages);
    tags::add(&mut doc, &book, &drawn.pages, &drawn.marks, &annots);
    outline::add(&mut doc, &book, &drawn.pages);
    meta::add(&mut doc, &book);
    doc.version = "1.7".to_string();
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|e| vec![failed(lang, e)])?;
    Ok(bytes)
}

/// Writes both workbooks into `dir` (`pdf/workbook.cy.pdf`,
/// `pdf/workbook.en.pdf`), side by side. Returns how many were written.
///
/// # Errors
/// Every problem met.
pub fn write_workbooks(pack: &Pack, strings: &Strings, dir: &Path) -> Result<usize, Vec<Problem>> {
    let write = |lang: Lang| {
        workbook_pdf(pack, strings, lang, None)
            .and_then(|bytes| output::write(dir, &file_name(lang), &bytes).map_err(|p| vec![p]))
    };
    let (cy, en) = rayon::join(|| write(Lang::Cy), || write(Lang::En));
    let problems: Vec<Problem> = [cy, en]
        .into_iter()
        .filter_map(Result::err)
        .flatten()
        .collect();
    if problems.is_empty() {
        Ok(Lang::ALL.len())
    } else {
        Err(problems)
    }
}
