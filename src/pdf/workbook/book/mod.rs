//! The workbook's content written into the column: the cover and its back,
//! the contents ([`front`]), the free pages and each group with its
//! principles and worked examples ([`guidance`]), the exercises with space
//! to write ([`exercises`]), the glossary and the appendix of recording
//! templates ([`back`]). This module holds what they share: what the
//! writing knows ([`Cx`]), how links resolve, the contents' entries, and
//! the small pieces every part is made of (headings, paragraphs, list
//! items, rules).

mod back;
mod exercises;
mod front;
mod guidance;

use std::collections::BTreeMap;

use super::flow::{Draw, Flow, Mark, ParaStyle};
use super::md::{self, Place, Resolved};
use super::page::{Art, Entry, Role, Run};
use super::paginate::Geometry;
use super::style::{self, BODY, BODY_LEADING, BODY_PARA, KICKER};
use crate::i18n::{Arg, Strings};
use crate::lang::Lang;
use crate::markdown::{cross_reference, is_unsafe_url, item_path, print_anchor};
use crate::model::{Exercise, Kind, Pack, Principle};
use crate::pdf::layout::Shape;
use crate::pdf::workbook::inline::{Inline, Look};
use crate::pdf::workbook::plan::{Plan, group_anchor};
use crate::problem::Problem;

/// The anchor of the contents.
pub const CONTENTS: &str = "contents";
/// The anchor of the exercises' division.
pub const EXERCISES: &str = "exercises";
/// The anchor of the glossary.
pub const GLOSSARY: &str = "glossary";
/// The anchor of the appendix.
pub const APPENDIX: &str = "forms";

/// What the writing needs to know, apart from the column it writes.
pub struct Cx<'a> {
    /// The pack.
    pub pack: &'a Pack,
    /// Interface strings.
    pub strings: &'a Strings,
    /// The edition's language.
    pub lang: Lang,
    /// What is in the workbook.
    pub plan: &'a Plan<'a>,
    /// The page (1-based) of each anchor, from the last layout.
    pub numbers: &'a BTreeMap<String, usize>,
    /// The page and its margins.
    pub geometry: Geometry,
}

impl Cx<'_> {
    /// An interface string.
    fn t(&self, id: &str) -> Result<String, Problem> {
        self.strings.t(self.lang, id)
    }

    /// An interface string with arguments.
    fn get(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, Problem> {
        self.strings.get(self.lang, id, args)
    }

    /// The page an anchor was on in the last layout (0 before the first).
    pub fn page(&self, anchor: &str) -> usize {
        self.numbers.get(anchor).copied().unwrap_or(0)
    }

    /// "(tudalen 12)" for an anchor; the words never part from the number.
    fn see_page(&self, anchor: &str) -> String {
        let page = Arg::Number(self.page(anchor) as f64);
        self.get("workbook-see-page", &[("page", page)])
            .unwrap_or_default()
            .replace(' ', "\u{a0}")
    }

    /// Where a file of the site is: `base_url` and its path.
    fn site_path(&self, path: &str) -> String {
        format!("{}{path}", self.pack.config.site.base_url)
    }

    /// What a link in the content becomes on paper. A cross-reference to
    /// something in the workbook leads to its page, and says which (a
    /// glossary term is underlined instead: there are many); one to
    /// something left out, and an address, print where to find it. No link
    /// leaves the file: a PDF that opens addresses can be made to act, and
    /// viewers find printed addresses themselves.
    fn resolve(&self, url: &str) -> Resolved {
        if let Some((kind, id)) = cross_reference(url) {
            let anchor = print_anchor(kind, id);
            if self.plan.anchors.contains(&anchor) {
                let underline = kind == Kind::Glossary;
                return Resolved {
                    suffix: (!underline).then(|| self.see_page(&anchor)),
                    anchor: Some(anchor),
                    underline,
                };
            }
            // Not in this workbook (a group left out): its page on the site.
            let address = self.site_path(&item_path(self.lang, kind, id));
            return Resolved {
                suffix: Some(format!("({address})")),
                ..Resolved::default()
            };
        }
        if is_unsafe_url(url) {
            return Resolved::default();
        }
        let lower = url.to_ascii_lowercase();
        let shown = if lower.starts_with("https://") || lower.starts_with("http://") {
            url
        } else if lower.starts_with("mailto:") {
            &url["mailto:".len()..]
        } else {
            return Resolved::default();
        };
        Resolved {
            suffix: Some(format!("({shown})")),
            ..Resolved::default()
        }
    }
}

/// The contents of the workbook: its divisions, principles, examples,
/// exercises and templates, as the contents page and the bookmarks show them.
///
/// # Errors
/// A missing interface string.
pub fn entries(cx: &Cx<'_>) -> Result<Vec<Entry>, Problem> {
    let lang = cx.lang;
    let plan = cx.plan;
    let mut out = Vec::new();
    let mut push = |level: u8, title: String, anchor: String| {
        out.push(Entry {
            level,
            title,
            anchor,
        });
    };
    for page in &plan.pages {
        push(
            1,
            page.title.get(lang).to_string(),
            print_anchor(Kind::Page, &page.id),
        );
    }
    for g in &plan.groups {
        push(
            1,
            part_title(cx, g.number, g.group.title.get(lang))?,
            group_anchor(&g.group.id),
        );
        for p in &g.principles {
            push(
                2,
                principle_title(cx, p.principle)?,
                print_anchor(Kind::Principle, &p.principle.id),
            );
            for (e, full) in &p.examples {
                if *full {
                    push(
                        3,
                        e.title.get(lang).to_string(),
                        print_anchor(Kind::Example, &e.id),
                    );
                }
            }
        }
    }
    if !plan.exercises.is_empty() {
        push(1, cx.t("exercises")?, EXERCISES.to_string());
        for x in &plan.exercises {
            push(
                2,
                exercise_title(cx, x)?,
                print_anchor(Kind::Exercise, &x.id),
            );
        }
    }
    if !plan.glossary.is_empty() {
        push(1, cx.t("glossary")?, GLOSSARY.to_string());
    }
    if !plan.forms.is_empty() {
        push(1, cx.t("workbook-appendix")?, APPENDIX.to_string());
        for f in &plan.forms {
            push(
                2,
                f.title.get(lang).to_string(),
                print_anchor(Kind::Form, &f.id),
            );
        }
    }
    Ok(out)
}

fn part_title(cx: &Cx<'_>, number: usize, title: &str) -> Result<String, Problem> {
    let part = cx.get("workbook-part", &[("number", Arg::Number(number as f64))])?;
    Ok(format!("{part}: {title}"))
}

fn principle_title(cx: &Cx<'_>, p: &Principle) -> Result<String, Problem> {
    let number = cx.get(
        "principle-number",
        &[("number", Arg::Number(f64::from(p.number)))],
    )?;
    Ok(format!("{number}: {}", p.title.get(cx.lang)))
}

fn exercise_title(cx: &Cx<'_>, x: &Exercise) -> Result<String, Problem> {
    let number = cx.get(
        "exercise-number",
        &[("number", Arg::Number(f64::from(x.number)))],
    )?;
    Ok(format!("{number}: {}", x.title.get(cx.lang)))
}

/// Writes the workbook into a column.
pub struct Writer<'a> {
    cx: Cx<'a>,
    /// The column.
    pub flow: Flow,
    /// The contents.
    pub contents: Vec<Entry>,
}

impl<'a> Writer<'a> {
    /// A writer for the workbook `cx` describes.
    ///
    /// # Errors
    /// A missing interface string.
    pub fn new(cx: Cx<'a>) -> Result<Writer<'a>, Problem> {
        // Strings used inside link resolution, which cannot report: check
        // them here.
        cx.get("workbook-see-page", &[("page", Arg::Number(1.0))])?;
        let contents = entries(&cx)?;
        let flow = Flow::new(cx.lang, cx.geometry.text_width());
        Ok(Writer { cx, flow, contents })
    }

    /// Writes everything.
    ///
    /// # Errors
    /// A missing interface string.
    pub fn write(mut self) -> Result<(Flow, Vec<Entry>), Problem> {
        self.cover()?;
        self.colophon()?;
        self.contents_pages()?;
        self.free_pages();
        for g in &self.cx.plan.groups {
            self.group(g)?;
        }
        self.exercises()?;
        self.glossary()?;
        self.appendix()?;
        Ok((self.flow, self.contents))
    }

    fn w(&self) -> f32 {
        self.flow.width
    }

    /// Sets Markdown under `parent`: its headings' levels shifted by `shift`
    /// in the structure, by `look_shift` in how they look.
    fn markdown(&mut self, md: &str, parent: usize, shift: u8, look_shift: u8) {
        self.markdown_at(
            md,
            parent,
            shift,
            look_shift,
            0.0,
            self.w(),
            BODY,
            BODY_LEADING,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn markdown_at(
        &mut self,
        md: &str,
        parent: usize,
        shift: u8,
        look_shift: u8,
        x: f32,
        width: f32,
        look: Look,
        leading: f32,
    ) {
        let cx = &self.cx;
        let resolve = |url: &str| cx.resolve(url);
        md::markdown(
            &mut self.flow,
            md,
            Place {
                parent,
                x,
                width,
                shift,
                look_shift,
                look,
                leading,
                resolve: &resolve,
            },
        );
    }

    /// A paragraph of one look.
    fn para(&mut self, text: &str, look: Look, leading: f32, parent: usize) -> usize {
        let w = self.w();
        self.para_at(&Inline::plain(text, look), leading, parent, 0.0, w)
    }

    fn para_at(&mut self, inline: &Inline, leading: f32, parent: usize, x: f32, w: f32) -> usize {
        let style = ParaStyle {
            leading,
            ..BODY_PARA
        };
        self.flow.paragraph(inline, style, Role::P, parent, x, w)
    }

    /// A heading in the look of `look_level`.
    fn heading(&mut self, text: &str, role: Role, parent: usize, look_level: u8) -> usize {
        let (look, leading, above) = style::heading(look_level);
        self.flow.space(above);
        let w = self.w();
        let elem = self.flow.paragraph(
            &Inline::plain(text, look),
            style::heading_para(leading),
            role,
            parent,
            0.0,
            w,
        );
        self.flow.space(4.0);
        elem
    }

    /// The small capitals over a title ("EGWYDDOR 7"), with a short rule
    /// above in the accent.
    fn kicker(&mut self, text: &str, parent: usize) {
        let upper = text.to_uppercase();
        self.flow.label(vec![Draw::Art(Art::Shape(Shape::Rect {
            x: 0.0,
            y: -10.0,
            w: 28.0,
            h: 3.0,
            fill: Some(style::ACCENT_INK),
            stroke: None,
        }))]);
        let w = self.w();
        self.flow.paragraph(
            &Inline::plain(&upper, KICKER),
            style::heading_para(14.0),
            Role::P,
            parent,
            0.0,
            w,
        );
        self.flow.space(2.0);
    }

    /// The start of a division: the running header of left-hand pages, no
    /// header on its first page, and its anchor.
    fn division(&mut self, title: &str, anchor: &str) {
        self.flow.mark(Mark::Division(title.to_string()));
        self.flow.mark(Mark::NoHeader);
        self.flow.mark(Mark::Anchor(anchor.to_string()));
    }

    /// A thin rule across the column, with `space` around it.
    fn rule(&mut self, space: f32) {
        let w = self.w();
        self.flow.space(space);
        self.flow.push(
            space,
            vec![Draw::Art(Art::Shape(Shape::Line {
                from: (0.0, 0.5),
                to: (w, 0.5),
                color: style::RULE,
                width: 0.75,
            }))],
            false,
        );
    }

    /// A list item under `list`: its label (drawn with the next line) and
    /// its body, whose content starts at [`LIST_TEXT`].
    fn item(&mut self, list: usize, marker: &str, ordered: bool, x: f32) -> usize {
        let li = self.flow.elem(Role::LI, list);
        let lbl = self.flow.elem(Role::Lbl, li);
        let body = self.flow.elem(Role::LBody, li);
        let look = if ordered {
            BODY.bold().colored(style::ACCENT_INK)
        } else {
            BODY.colored(style::ACCENT_INK)
        };
        let mw = look.width(marker);
        let mx = if ordered {
            x + LIST_TEXT - 7.0 - mw
        } else {
            x + 4.0
        };
        self.flow.label(vec![Draw::Text {
            elem: Some(lbl),
            lang: self.flow.lang,
            runs: vec![Run {
                x: mx,
                baseline: crate::pdf::workbook::flow::baseline(&BODY, BODY_LEADING),
                text: format!("{marker} "),
                look,
            }],
        }]);
        body
    }
}

/// Where the text of a list item starts, from the list's left edge.
const LIST_TEXT: f32 = 22.0;
