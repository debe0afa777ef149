//! The workbook's content written into the column: the cover and its back,
//! the contents, the free pages, each group with its principles and worked
//! examples, the exercises with space to write, the glossary and the
//! appendix of recording templates.

use std::collections::BTreeMap;

use super::flow::{Draw, Flow, Frame, Mark, ParaStyle, Start};
use super::inline::{Inline, Look, Target};
use super::md::{self, Place, Resolved};
use super::page::{Art, Entry, LinkArea, Role, Run};
use super::paginate::Geometry;
use super::plan::{Plan, group_anchor};
use super::style::{self, BODY, BODY_LEADING, BODY_PARA, KICKER, LEAD, LEAD_LEADING, NOTE};
use crate::collate;
use crate::i18n::{Arg, Strings};
use crate::lang::Lang;
use crate::markdown::{cross_reference, is_unsafe_url, item_path, print_anchor};
use crate::model::{Example, Exercise, Form, Kind, Pack, Principle};
use crate::pdf::layout::{INK, Rgb, Shape};
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

    /// The site's address, when it is a full one a reader can type.
    fn absolute_base(&self) -> Option<&str> {
        let base = self.pack.config.site.base_url.as_str();
        (base.starts_with("https://") || base.starts_with("http://")).then_some(base)
    }

    /// Where a file of the site is: `base_url` and its path.
    fn site_path(&self, path: &str) -> String {
        format!("{}{path}", self.pack.config.site.base_url)
    }

    /// What a link in the content becomes on paper.
    fn resolve(&self, url: &str) -> Resolved {
        if let Some((kind, id)) = cross_reference(url) {
            let anchor = print_anchor(kind, id);
            if self.plan.anchors.contains(&anchor) {
                let underline = kind == Kind::Glossary;
                return Resolved {
                    suffix: (!underline).then(|| self.see_page(&anchor)),
                    target: Some(Target::Anchor(anchor)),
                    underline,
                };
            }
            // Not in this workbook (a group left out): the page on the site,
            // when the site has an address to print.
            return match self.absolute_base() {
                Some(base) => {
                    let address = format!("{base}{}", item_path(self.lang, kind, id));
                    Resolved {
                        target: Some(Target::Uri(address.clone())),
                        underline: false,
                        suffix: Some(format!("({address})")),
                    }
                }
                None => Resolved::default(),
            };
        }
        if is_unsafe_url(url) {
            return Resolved::default();
        }
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Resolved {
                target: Some(Target::Uri(url.to_string())),
                underline: false,
                suffix: Some(format!("({url})")),
            };
        }
        if let Some(address) = lower.strip_prefix("mailto:") {
            return Resolved {
                target: Some(Target::Uri(url.to_string())),
                underline: false,
                suffix: Some(format!("({address})")),
            };
        }
        Resolved::default()
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

/// The width of the page-number column of the contents.
const NUMBER_COLUMN: f32 = 40.0;

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
        let plan = self.cx.plan;
        for (i, page) in plan.pages.iter().enumerate() {
            self.flow
                .start(if i == 0 { Start::Recto } else { Start::Page });
            let title = page.title.get(self.cx.lang);
            self.division(title, &print_anchor(Kind::Page, &page.id));
            let part = self.flow.elem(Role::Part, 0);
            self.heading(title, Role::H1, part, 1);
            self.flow.space(10.0);
            self.markdown(page.body.get(self.cx.lang), part, 0, 1);
        }
        for g in &plan.groups {
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
        self.markdown_at(md, parent, shift, look_shift, 0.0, self.w(), BODY, BODY_LEADING);
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

    /// The cover: a band in the brand's colour (or the accent) with the
    /// organisation, the kind of document and the title; below it the
    /// edition's language, the guide's description, and which parts a
    /// workbook for some groups only holds.
    fn cover(&mut self) -> Result<(), Problem> {
        let cx = &self.cx;
        let lang = cx.lang;
        let g = cx.geometry;
        let site = &cx.pack.config.site;
        let brand = &cx.pack.config.brand;
        let (band, on_band) = match brand.colour {
            Some(c) => {
                let [r, gg, b] = c.rgb();
                let [tr, tg, tb] = c.text().rgb();
                (Rgb(r, gg, b), Rgb(tr, tg, tb))
            }
            None => (style::ACCENT_INK, Rgb(1.0, 1.0, 1.0)),
        };
        let w = self.w();
        let title_look = Look::new(32.0, true, on_band);
        let kicker = cx.t("workbook-title")?.to_uppercase();
        let edition = cx.t("workbook-edition")?;
        let selection = if cx.plan.subset {
            let titles: Vec<&str> = cx
                .plan
                .groups
                .iter()
                .map(|g| g.group.title.get(lang))
                .collect();
            Some(cx.get(
                "workbook-selection",
                &[
                    ("count", Arg::Number(titles.len() as f64)),
                    ("groups", Arg::Text(titles.join("; "))),
                ],
            )?)
        } else {
            None
        };
        let organisation = site.organisation.get(lang).to_string();
        let title = site.title.get(lang).to_string();
        let description = site.description.get(lang).to_string();
        let logo = brand.logo.as_ref().filter(|l| super::logo::usable(l));

        let div = self.flow.elem(Role::Div, 0);
        let mut draws: Vec<Draw> = Vec::new();
        // Positions are from the text block's top left; the band bleeds off
        // the page's top and sides.
        let top = -g.top;
        let place = |flow: &mut Flow,
                         draws: &mut Vec<Draw>,
                         inline: &Inline,
                         role: Role,
                         leading: f32,
                         y: f32,
                         width: f32|
         -> f32 {
            let elem = flow.elem(role, div);
            let lines = flow.lines(inline, style::heading_para(leading), elem, 0.0, width);
            let n = lines.len();
            for (k, line) in lines.into_iter().enumerate() {
                draws.extend(line.iter().map(|d| d.shifted(0.0, y + k as f32 * leading)));
            }
            y + n as f32 * leading
        };
        let mut band_draws = Vec::new();
        let org_y = top + 46.0;
        let org_look = Look::new(11.5, true, on_band);
        let logo_h = 46.0;
        let logo_w = logo.map_or(0.0, |l| (l.width_for(f64::from(logo_h)) as f32).min(w * 0.4));
        place(
            &mut self.flow,
            &mut band_draws,
            &Inline::plain(&organisation, org_look),
            Role::P,
            16.0,
            org_y,
            w - logo_w - 16.0,
        );
        if logo.is_some() {
            let figure = self.flow.elem(Role::Figure, div);
            self.flow.elems[figure].alt = Some(organisation.clone());
            band_draws.push(Draw::Art(Art::Logo {
                rect: [w - logo_w, org_y - 8.0, logo_w, logo_h],
                elem: figure,
            }));
        }
        // The title stands at the foot of the band, the kind of document
        // over it; a long title makes the band deeper.
        let title_lines =
            super::inline::set(&Inline::plain(&title, title_look), lang, w, false).len() as f32;
        let title_h = title_lines * 38.0;
        let mut y = (top + 400.0 - 44.0 - title_h - 24.0).max(org_y + 80.0);
        y = place(
            &mut self.flow,
            &mut band_draws,
            &Inline::plain(&kicker, Look::new(11.0, true, on_band)),
            Role::P,
            16.0,
            y,
            w,
        );
        y += 8.0;
        y = place(
            &mut self.flow,
            &mut band_draws,
            &Inline::plain(&title, title_look),
            Role::H1,
            38.0,
            y,
            w,
        );
        let band_bottom = (y + 44.0).max(top + 380.0);
        draws.push(Draw::Art(Art::Shape(Shape::Rect {
            x: -g.inner,
            y: top,
            w: g.width,
            h: band_bottom - top,
            fill: Some(band),
            stroke: None,
        })));
        draws.append(&mut band_draws);
        let mut y = band_bottom + 40.0;
        y = place(
            &mut self.flow,
            &mut draws,
            &Inline::plain(&edition, Look::new(14.0, true, style::ACCENT_INK)),
            Role::P,
            19.0,
            y,
            w,
        );
        y += 10.0;
        let lead = ParaStyle {
            leading: LEAD_LEADING,
            ..BODY_PARA
        };
        let elem = self.flow.elem(Role::P, div);
        let lines = self
            .flow
            .lines(&Inline::plain(&description, LEAD), lead, elem, 0.0, w * 0.85);
        for line in lines {
            draws.extend(line.iter().map(|d| d.shifted(0.0, y)));
            y += LEAD_LEADING;
        }
        if let Some(selection) = selection {
            y += 14.0;
            place(
                &mut self.flow,
                &mut draws,
                &Inline::plain(&selection, Look::new(11.0, true, INK)),
                Role::P,
                15.5,
                y,
                w * 0.85,
            );
        }
        self.flow.start(Start::Page);
        self.flow.mark(Mark::Bare);
        self.flow.mark(Mark::Anchor("cover".to_string()));
        self.flow.push(g.bottom - g.top, draws, false);
        Ok(())
    }

    /// The back of the cover: where the workbook comes from, the edition in
    /// the other language (said in both), and how terms are marked; set at
    /// the foot of the page.
    fn colophon(&mut self) -> Result<(), Problem> {
        let cx = &self.cx;
        let lang = cx.lang;
        let site = &cx.pack.config.site;
        let other = lang.other();
        let other_path = cx.site_path(&super::file_name(other));
        let also = |l: Lang| {
            cx.strings.get(
                l,
                "workbook-also-in",
                &[
                    ("lang", Arg::Text(other.code().to_string())),
                    ("path", Arg::Text(other_path.clone())),
                ],
            )
        };
        let mut paras: Vec<(Inline, Option<Lang>)> = vec![
            (
                Inline::plain(site.title.get(lang), NOTE.bold().colored(INK)),
                None,
            ),
            (Inline::plain(site.description.get(lang), NOTE), None),
            (
                Inline::plain(
                    &cx.get(
                        "workbook-made-from",
                        &[
                            ("site", Arg::Text(site.title.get(lang).to_string())),
                            (
                                "organisation",
                                Arg::Text(site.organisation.get(lang).to_string()),
                            ),
                        ],
                    )?,
                    NOTE,
                ),
                None,
            ),
            (Inline::plain(&also(lang)?, NOTE), None),
        ];
        // Said in the other language too: a reader of this edition may be
        // looking for the other.
        let mut other_inline = Inline::default();
        other_inline.push_span(&also(other)?, NOTE.italic(), None, Some(other));
        paras.push((other_inline, Some(other)));
        paras.push((Inline::plain(&cx.t("workbook-glossary-note")?, NOTE), None));
        let contact = &cx.pack.config.brand.contact;
        if let Some(email) = &contact.email {
            let label = cx.t("contact-email")?;
            paras.push((Inline::plain(&format!("{label} {email}"), NOTE), None));
        }
        if let Some(phone) = &contact.phone {
            let label = cx.t("contact-phone")?;
            paras.push((Inline::plain(&format!("{label} {phone}"), NOTE), None));
        }
        let w = self.w() * 0.8;
        let gap = 6.0;
        let height: f32 = paras
            .iter()
            .map(|(p, _)| {
                super::inline::set(p, lang, w, true).len() as f32 * style::NOTE_LEADING + gap
            })
            .sum();
        let g = cx.geometry;
        let div = self.flow.elem(Role::Div, 0);
        self.flow.start(Start::Page);
        self.flow.mark(Mark::Bare);
        self.flow
            .push((g.bottom - g.top - height - 20.0).max(0.0), Vec::new(), true);
        for (inline, _) in &paras {
            self.flow.space(gap);
            self.para_at(inline, style::NOTE_LEADING, div, 0.0, w);
        }
        Ok(())
    }

    /// The contents: every entry with its page number on the right, linked
    /// to its page.
    fn contents_pages(&mut self) -> Result<(), Problem> {
        let title = self.cx.t("contents")?;
        self.flow.start(Start::Recto);
        self.flow.mark(Mark::Division(title.clone()));
        self.flow.mark(Mark::NoHeader);
        self.flow.mark(Mark::Anchor(CONTENTS.to_string()));
        let part = self.flow.elem(Role::Div, 0);
        self.heading(&title, Role::H1, part, 1);
        self.flow.space(14.0);
        let toc = self.flow.elem(Role::TOC, part);
        let entries = self.contents.clone();
        for (i, e) in entries.iter().enumerate() {
            let next_deeper = entries.get(i + 1).is_some_and(|n| n.level > e.level);
            self.toc_entry(e, toc, next_deeper);
        }
        Ok(())
    }

    /// One line (or more) of contents: the title, dotted leaders and the
    /// page number, all one link.
    fn toc_entry(&mut self, e: &Entry, toc: usize, keep: bool) {
        let w = self.w();
        let (look, leading, above, indent) = match e.level {
            1 => (Look::new(11.5, true, INK), 16.5, 13.0, 0.0),
            2 => (Look::new(10.5, false, INK), 15.0, 2.5, 16.0),
            _ => (Look::new(9.5, false, style::MUTED_INK), 13.2, 0.5, 32.0),
        };
        let toci = self.flow.elem(Role::TOCI, toc);
        let link = self.flow.elem(Role::Link, toci);
        let number = self.cx.page(&e.anchor).to_string();
        let page = self
            .cx
            .get(
                "workbook-page",
                &[("page", Arg::Number(self.cx.page(&e.anchor) as f64))],
            )
            .unwrap_or_default();
        let style = ParaStyle {
            leading,
            hyphenate: false,
            keep: false,
        };
        let lines = self.flow.lines(
            &Inline::plain(&e.title, look),
            style,
            link,
            indent,
            w - indent - NUMBER_COLUMN,
        );
        let n = lines.len();
        self.flow.space(above);
        for (k, mut draws) in lines.into_iter().enumerate() {
            let baseline = super::flow::baseline(&look, leading);
            if k + 1 == n {
                let end = text_right(&draws);
                let number_look = look;
                let nw = number_look.width(&number);
                let space = number_look.width(" ");
                if let Some(leader) = leader(end + space, w - nw - space, baseline, look.size) {
                    draws.push(Draw::Art(leader));
                }
                draws.push(Draw::Text {
                    elem: Some(link),
                    lang: self.flow.lang,
                    runs: vec![Run {
                        x: w - nw,
                        baseline,
                        text: number.clone(),
                        look: number_look,
                    }],
                });
            }
            draws.push(Draw::Link(LinkArea {
                rect: [indent, 0.0, w - indent, leading],
                target: Target::Anchor(e.anchor.clone()),
                elem: link,
                alt: format!("{}, {page}", e.title),
            }));
            self.flow.push(leading, draws, k + 1 < n || keep);
        }
    }

    /// A group: its opening page (part number, title, summary, the
    /// principles in it), then each principle.
    fn group(&mut self, g: &super::plan::GroupEntry<'_>) -> Result<(), Problem> {
        let lang = self.cx.lang;
        let title = g.group.title.get(lang);
        let part_title = part_title(&self.cx, g.number, title)?;
        self.flow.start(Start::Recto);
        self.division(&part_title, &group_anchor(&g.group.id));
        let part = self.flow.elem(Role::Part, 0);
        self.flow.push(70.0, Vec::new(), true);
        let kicker = self
            .cx
            .get("workbook-part", &[("number", Arg::Number(g.number as f64))])?;
        self.kicker(&kicker, part);
        self.heading(title, Role::H1, part, 1);
        self.flow.space(8.0);
        self.para(g.group.summary.get(lang), LEAD, LEAD_LEADING, part);
        self.flow.space(34.0);
        let label = self.cx.t("workbook-in-this-part")?;
        self.para(&label, NOTE.bold(), style::NOTE_LEADING, part);
        self.flow.space(4.0);
        let toc = self.flow.elem(Role::TOC, part);
        for p in &g.principles {
            let entry = Entry {
                level: 2,
                title: principle_title(&self.cx, p.principle)?,
                anchor: print_anchor(Kind::Principle, &p.principle.id),
            };
            self.toc_entry(&entry, toc, false);
        }
        for p in &g.principles {
            self.principle(p, part)?;
        }
        Ok(())
    }

    fn principle(&mut self, p: &super::plan::PrincipleEntry<'_>, part: usize) -> Result<(), Problem> {
        let lang = self.cx.lang;
        let principle = p.principle;
        let heading = principle_title(&self.cx, principle)?;
        self.flow.start(Start::Page);
        self.flow.mark(Mark::Section(heading));
        self.flow
            .mark(Mark::Anchor(print_anchor(Kind::Principle, &principle.id)));
        let sect = self.flow.elem(Role::Sect, part);
        let number = self.cx.get(
            "principle-number",
            &[("number", Arg::Number(f64::from(principle.number)))],
        )?;
        self.kicker(&number, sect);
        self.heading(principle.title.get(lang), Role::H2, sect, 2);
        self.flow.space(4.0);
        self.para(principle.summary.get(lang), LEAD, LEAD_LEADING, sect);
        self.rule(12.0);
        self.markdown(principle.body.get(lang), sect, 1, 1);
        for (example, full) in &p.examples {
            if *full {
                self.example(example, sect)?;
            } else {
                self.example_again(example, sect)?;
            }
        }
        Ok(())
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

    /// A worked example: the record as often written and as it could be, in
    /// two boxes that differ in colour, mark and label, then the commentary.
    fn example(&mut self, e: &Example, parent: usize) -> Result<(), Problem> {
        let lang = self.cx.lang;
        self.flow.space(26.0);
        self.flow
            .mark(Mark::Anchor(print_anchor(Kind::Example, &e.id)));
        let sect = self.flow.elem(Role::Sect, parent);
        let title = self
            .cx
            .get("workbook-example", &[("title", Arg::Text(e.title.get(lang).to_string()))])?;
        self.heading(&title, Role::H3, sect, 3);
        if let Some(setting) = &e.setting {
            let label = self.cx.t("setting")?;
            let mut inline = Inline::default();
            inline.push(&format!("{label}: "), NOTE.bold());
            inline.push(setting.get(lang), NOTE);
            let w = self.w();
            self.para_at(&inline, style::NOTE_LEADING, sect, 0.0, w);
            self.flow.keep_last();
        }
        if let Some(less) = &e.less_helpful {
            let label = self.cx.t("less-helpful")?;
            self.record_box(&label, less.get(lang), false, sect);
        }
        let label = self.cx.t("more-helpful")?;
        self.record_box(&label, e.more_helpful.get(lang), true, sect);
        let label = self.cx.t("commentary")?;
        self.heading(&label, Role::H4, sect, 4);
        self.markdown(e.commentary.get(lang), sect, 2, 2);
        Ok(())
    }

    /// A box holding a record: warm with a cross for the less helpful, the
    /// accent's tint with a tick for the more helpful.
    fn record_box(&mut self, label: &str, md: &str, better: bool, parent: usize) {
        let (fill, ink) = if better {
            (style::MORE_FILL, style::MORE_INK)
        } else {
            (style::LESS_FILL, style::LESS_INK)
        };
        let w = self.w();
        self.flow.space(12.0);
        self.flow.open(Frame {
            x: 0.0,
            w,
            fill: Some(fill),
            bar: Some((ink, 4.0)),
            pad: 11.0,
            keep: true,
            ..Frame::default()
        });
        let div = self.flow.elem(Role::Div, parent);
        let look = Look::new(10.5, true, ink);
        let leading = 15.0;
        let baseline = super::flow::baseline(&look, leading);
        // The mark: drawn, so it needs no font; the label says it in words.
        let (x0, y0, s) = (18.0, baseline - 8.0, 8.5);
        let icon = if better {
            vec![Art::Shape(Shape::Line {
                from: (x0, y0 + s * 0.55),
                to: (x0 + s * 0.38, y0 + s * 0.92),
                color: ink,
                width: 1.8,
            }), Art::Shape(Shape::Line {
                from: (x0 + s * 0.38, y0 + s * 0.92),
                to: (x0 + s, y0 + s * 0.05),
                color: ink,
                width: 1.8,
            })]
        } else {
            vec![Art::Shape(Shape::Line {
                from: (x0, y0),
                to: (x0 + s * 0.9, y0 + s * 0.9),
                color: ink,
                width: 1.8,
            }), Art::Shape(Shape::Line {
                from: (x0 + s * 0.9, y0),
                to: (x0, y0 + s * 0.9),
                color: ink,
                width: 1.8,
            })]
        };
        self.flow
            .label(icon.into_iter().map(Draw::Art).collect());
        let inner_x = 34.0;
        let inner_w = w - inner_x - 14.0;
        self.flow.paragraph(
            &Inline::plain(label, look),
            style::heading_para(leading),
            Role::H4,
            div,
            inner_x,
            inner_w,
        );
        self.markdown_at(md, div, 3, 3, inner_x, inner_w, BODY, BODY_LEADING);
        self.flow.close();
        self.flow.space(4.0);
    }

    /// An example shown in full under an earlier principle: a sentence that
    /// leads to it.
    fn example_again(&mut self, e: &Example, parent: usize) -> Result<(), Problem> {
        let lang = self.cx.lang;
        let anchor = print_anchor(Kind::Example, &e.id);
        let text = self.cx.get(
            "workbook-example-again",
            &[("title", Arg::Text(e.title.get(lang).to_string()))],
        )?;
        let mut inline = Inline::default();
        let see = self.cx.see_page(&anchor);
        let link = inline.link(super::inline::LinkTo {
            target: Target::Anchor(anchor),
            underline: false,
            alt: format!("{text} {see}"),
        });
        inline.push_span(&text, BODY.italic(), Some(link), None);
        inline.push_span(" ", BODY, Some(link), None);
        inline.push_span(&see, BODY.colored(style::MUTED_INK), Some(link), None);
        self.flow.space(18.0);
        let w = self.w();
        self.para_at(&inline, BODY_LEADING, parent, 0.0, w);
        Ok(())
    }

    /// The exercises: each on its own page, its questions followed by ruled
    /// lines to write on.
    fn exercises(&mut self) -> Result<(), Problem> {
        let plan = self.cx.plan;
        if plan.exercises.is_empty() {
            return Ok(());
        }
        let title = self.cx.t("exercises")?;
        self.flow.start(Start::Recto);
        self.division(&title, EXERCISES);
        let part = self.flow.elem(Role::Part, 0);
        self.heading(&title, Role::H1, part, 1);
        self.flow.space(8.0);
        let intro = self.cx.t("workbook-exercises-intro")?;
        self.para(&intro, LEAD, LEAD_LEADING, part);
        for (i, x) in plan.exercises.iter().enumerate() {
            if i > 0 {
                self.flow.start(Start::Page);
            } else {
                self.flow.space(30.0);
            }
            self.exercise(x, part)?;
        }
        Ok(())
    }

    fn exercise(&mut self, x: &Exercise, part: usize) -> Result<(), Problem> {
        let lang = self.cx.lang;
        self.flow.mark(Mark::Section(exercise_title(&self.cx, x)?));
        self.flow
            .mark(Mark::Anchor(print_anchor(Kind::Exercise, &x.id)));
        let sect = self.flow.elem(Role::Sect, part);
        let number = self.cx.get(
            "exercise-number",
            &[("number", Arg::Number(f64::from(x.number)))],
        )?;
        self.kicker(&number, sect);
        self.heading(x.title.get(lang), Role::H2, sect, 2);
        if let Some(need) = &x.you_will_need {
            let w = self.w();
            self.flow.space(12.0);
            self.flow.open(Frame {
                x: 0.0,
                w,
                fill: Some(style::PLAIN_FILL),
                pad: 10.0,
                keep: true,
                ..Frame::default()
            });
            let div = self.flow.elem(Role::Div, sect);
            let label = self.cx.t("you-will-need")?;
            let look = Look::new(10.5, true, INK);
            self.flow.paragraph(
                &Inline::plain(&label, look),
                style::heading_para(15.0),
                Role::H3,
                div,
                14.0,
                w - 28.0,
            );
            self.markdown_at(need.get(lang), div, 2, 3, 14.0, w - 28.0, BODY, BODY_LEADING);
            self.flow.close();
        }
        let background = self.cx.t("background")?;
        self.heading(&background, Role::H3, sect, 3);
        self.markdown(x.background.get(lang), sect, 2, 2);
        let questions = self.cx.t("questions")?;
        self.heading(&questions, Role::H3, sect, 3);
        let list = self.flow.elem(Role::L, sect);
        let w = self.w();
        for (i, q) in x.questions.iter().enumerate() {
            let body = self.item(list, &format!("{}.", i + 1), true, 0.0);
            self.flow.space(if i == 0 { 4.0 } else { 16.0 });
            self.para_at(
                &Inline::plain(q.get(lang), BODY),
                BODY_LEADING,
                body,
                LIST_TEXT,
                w - LIST_TEXT,
            );
            // The lines stay with their question.
            self.flow.ruled(ANSWER_LINES, 23.0, LIST_TEXT, style::RULE, ANSWER_LINES);
        }
        if !x.examples.is_empty() {
            let label = self.cx.t("exercise-examples")?;
            self.heading(&label, Role::H3, sect, 3);
            let list = self.flow.elem(Role::L, sect);
            for r in &x.examples {
                let Some(example) = self.cx.pack.example(&r.id) else {
                    continue;
                };
                let body = self.item(list, "•", false, 0.0);
                let url = format!("example:{}", example.id);
                let resolved = self.cx.resolve(&url);
                let mut inline = Inline::default();
                let link = resolved.target.clone().map(|target| {
                    inline.link(super::inline::LinkTo {
                        target,
                        underline: false,
                        alt: example.title.get(lang).to_string(),
                    })
                });
                inline.push_span(example.title.get(lang), BODY, link, None);
                if let Some(suffix) = &resolved.suffix {
                    inline.push_span(" ", BODY, link, None);
                    inline.push_span(suffix, BODY.colored(style::MUTED_INK), link, None);
                }
                self.flow.space(style::ITEM_GAP);
                self.para_at(&inline, BODY_LEADING, body, LIST_TEXT, w - LIST_TEXT);
            }
        }
        Ok(())
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
                baseline: super::flow::baseline(&BODY, BODY_LEADING),
                text: format!("{marker} "),
                look,
            }],
        }]);
        body
    }

    /// The glossary, in the edition's alphabetical order under each letter
    /// (Welsh letters such as `Ch` and `Ll` in the Welsh edition), each term
    /// with its equivalent in the other language.
    fn glossary(&mut self) -> Result<(), Problem> {
        let plan = self.cx.plan;
        if plan.glossary.is_empty() {
            return Ok(());
        }
        let lang = self.cx.lang;
        let other = lang.other();
        let title = self.cx.t("glossary")?;
        self.flow.start(Start::Recto);
        self.division(&title, GLOSSARY);
        let part = self.flow.elem(Role::Part, 0);
        self.heading(&title, Role::H1, part, 1);
        self.flow.space(8.0);
        let other_name = self.cx.t(&format!("glossary-language-{}", other.code()))?;
        let intro = self.cx.get("glossary-intro", &[("other", Arg::Text(other_name))])?;
        self.para(&intro, LEAD, LEAD_LEADING, part);
        self.flow.space(6.0);
        let note = self.cx.t("workbook-glossary-note")?;
        self.para(&note, NOTE, style::NOTE_LEADING, part);
        let w = self.w();
        let mut letter = String::new();
        for term in &plan.glossary {
            let word = term.term.get(lang);
            let initial = collate::initial(lang, word);
            if initial != letter {
                letter = initial.clone();
                self.flow.space(20.0);
                let look = Look::new(17.0, true, style::ACCENT_INK);
                self.flow.paragraph(
                    &Inline::plain(&letter, look),
                    style::heading_para(21.0),
                    Role::H2,
                    part,
                    0.0,
                    w,
                );
                self.rule(3.0);
                self.flow.keep_last();
            }
            self.flow.space(9.0);
            self.flow
                .mark(Mark::Anchor(print_anchor(Kind::Glossary, &term.id)));
            let mut inline = Inline::default();
            inline.push(word, BODY.bold());
            inline.push("  ", BODY);
            inline.push_span(
                term.term.get(other),
                BODY.italic().colored(style::MUTED_INK),
                None,
                Some(other),
            );
            self.flow.paragraph(
                &inline,
                ParaStyle {
                    leading: BODY_LEADING,
                    hyphenate: false,
                    keep: true,
                },
                Role::P,
                part,
                0.0,
                w,
            );
            self.flow.space(1.0);
            let cx = &self.cx;
            let resolve = |url: &str| cx.resolve(url);
            // The definition's first paragraph follows the term closely.
            md::markdown(
                &mut self.flow,
                term.definition.get(lang),
                Place {
                    parent: part,
                    x: 14.0,
                    width: w - 14.0,
                    shift: 2,
                    look_shift: 3,
                    look: BODY,
                    leading: BODY_LEADING,
                    resolve: &resolve,
                },
            );
        }
        Ok(())
    }

    /// The appendix: each recording template with what it is for and where
    /// each of its editions is on the site.
    fn appendix(&mut self) -> Result<(), Problem> {
        let plan = self.cx.plan;
        if plan.forms.is_empty() {
            return Ok(());
        }
        let title = self.cx.t("workbook-appendix")?;
        self.flow.start(Start::Recto);
        self.division(&title, APPENDIX);
        let part = self.flow.elem(Role::Part, 0);
        self.heading(&title, Role::H1, part, 1);
        self.flow.space(8.0);
        let intro = self.cx.t("workbook-appendix-intro")?;
        self.para(&intro, LEAD, LEAD_LEADING, part);
        for form in &plan.forms {
            self.form(form, part)?;
        }
        Ok(())
    }

    fn form(&mut self, form: &Form, part: usize) -> Result<(), Problem> {
        let lang = self.cx.lang;
        let w = self.w();
        self.flow.space(24.0);
        self.flow.open(Frame {
            x: 0.0,
            w,
            keep: true,
            ..Frame::default()
        });
        self.flow
            .mark(Mark::Anchor(print_anchor(Kind::Form, &form.id)));
        let sect = self.flow.elem(Role::Sect, part);
        let kind = self.cx.t(&format!("form-kind-{}", form.kind.name()))?;
        self.kicker(&kind, sect);
        self.heading(form.title.get(lang), Role::H2, sect, 3);
        self.markdown(form.description.get(lang), sect, 2, 3);
        self.flow.space(8.0);
        let list = self.flow.elem(Role::L, sect);
        for edition in crate::pdf::Edition::ALL {
            let label = self.cx.t(&format!("form-edition-{}", edition.file_suffix()))?;
            let path = self.cx.site_path(&crate::pdf::file_name(form, edition));
            let body = self.item(list, "•", false, 0.0);
            let mut inline = Inline::default();
            inline.push(&format!("{label}: "), BODY.bold());
            let link = self.cx.absolute_base().map(|_| {
                inline.link(super::inline::LinkTo {
                    target: Target::Uri(path.clone()),
                    underline: false,
                    alt: format!("{label}: {path}"),
                })
            });
            inline.push_span(&path, BODY.colored(style::ACCENT_INK), link, None);
            self.flow.space(style::ITEM_GAP);
            self.para_at(&inline, BODY_LEADING, body, LIST_TEXT, w - LIST_TEXT);
        }
        self.flow.close();
        Ok(())
    }
}

/// Ruled lines to write an answer on, after each question.
const ANSWER_LINES: usize = 6;

/// Where the text of a list item starts, from the list's left edge.
const LIST_TEXT: f32 = 22.0;

/// Dotted leaders filling `from` to `to` exactly, in the size of the
/// entry: text, so a reader of the text finds each title and its number on
/// one line, but an artifact that screen readers pass over. They start and
/// end a space from the title and the number (a wider gap would make tools
/// that read the text take the numbers for a column of their own); the
/// dots are spread to fit.
fn leader(from: f32, to: f32, baseline: f32, size: f32) -> Option<Art> {
    let look = Look::new(size, false, style::LEADER);
    let pitch = look.width(". ");
    let count = ((to - from + look.width(" ")) / pitch).floor() as usize;
    if count < 3 {
        return None;
    }
    let text = ". ".repeat(count).trim_end().to_string();
    let glyphs = text.chars().count();
    let spacing = (to - from - look.width(&text)) / (glyphs - 1) as f32;
    Some(Art::Text {
        run: Run {
            x: from,
            baseline,
            text,
            look,
        },
        spacing,
    })
}

/// The right edge of a line's text.
fn text_right(draws: &[Draw]) -> f32 {
    let mut right: f32 = 0.0;
    for d in draws {
        if let Draw::Text { runs, .. } = d {
            for r in runs {
                right = right.max(r.x + r.look.width(r.text.trim_end()));
            }
        }
    }
    right
}
