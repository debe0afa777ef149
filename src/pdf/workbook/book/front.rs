//! The front of the book: the cover, the back of the cover, and the
//! contents with their page numbers and dotted leaders.

use super::{CONTENTS, Writer};
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::pdf::layout::{INK, Rgb, Shape};
use crate::pdf::workbook::flow::{Draw, Flow, Mark, ParaStyle, Start};
use crate::pdf::workbook::inline::{Inline, Look};
use crate::pdf::workbook::page::{Art, Entry, LinkArea, Role, Run};
use crate::pdf::workbook::style::{self, BODY_PARA, LEAD, LEAD_LEADING, NOTE};
use crate::problem::Problem;

/// The width of the page-number column of the contents.
const NUMBER_COLUMN: f32 = 40.0;

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

impl Writer<'_> {
    /// The cover: a band in the brand's colour (or the accent) with the
    /// organisation, the kind of document and the title; below it the
    /// edition's language, the guide's description, and which parts a
    /// workbook for some groups only holds.
    pub(super) fn cover(&mut self) -> Result<(), Problem> {
        let cx = &self.cx;
        let lang = cx.lang;
        let g = cx.geometry;
        let site = &cx.pack.config.site;
        let brand = &cx.pack.config.brand;
        let rgb = |c: crate::brand::Colour| {
            let [r, g, b] = c.rgb();
            Rgb(r, g, b)
        };
        let (band, on_band) = match brand.colour {
            Some(c) => (rgb(c), rgb(c.text())),
            None => (style::ACCENT_INK, Rgb(1.0, 1.0, 1.0)),
        };
        // The brand's colour names the edition too, where it reads on white.
        let edition_ink = match brand.colour {
            Some(c) if c.contrast(crate::brand::Colour::WHITE) >= crate::brand::MIN_CONTRAST => {
                rgb(c)
            }
            _ => style::ACCENT_INK,
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
        let logo = brand
            .logo
            .as_ref()
            .filter(|l| crate::pdf::workbook::logo::usable(l));

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
        let logo_w = logo.map_or(0.0, |l| {
            (l.width_for(f64::from(logo_h)) as f32).min(w * 0.4)
        });
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
            crate::pdf::workbook::inline::set(&Inline::plain(&title, title_look), lang, w, false)
                .len() as f32;
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
            &Inline::plain(&edition, Look::new(14.0, true, edition_ink)),
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
        let lines = self.flow.lines(
            &Inline::plain(&description, LEAD),
            lead,
            elem,
            0.0,
            w * 0.85,
        );
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
    pub(super) fn colophon(&mut self) -> Result<(), Problem> {
        let cx = &self.cx;
        let lang = cx.lang;
        let site = &cx.pack.config.site;
        let other = lang.other();
        let other_path = cx.site_path(&crate::pdf::workbook::file_name(other));
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
                crate::pdf::workbook::inline::set(p, lang, w, true).len() as f32
                    * style::NOTE_LEADING
                    + gap
            })
            .sum();
        let g = cx.geometry;
        let div = self.flow.elem(Role::Div, 0);
        self.flow.start(Start::Page);
        self.flow.mark(Mark::Bare);
        self.flow.push(
            (g.bottom - g.top - height - 20.0).max(0.0),
            Vec::new(),
            true,
        );
        for (inline, _) in &paras {
            self.flow.space(gap);
            self.para_at(inline, style::NOTE_LEADING, div, 0.0, w);
        }
        Ok(())
    }

    /// The contents: every entry with its page number on the right, linked
    /// to its page.
    pub(super) fn contents_pages(&mut self) -> Result<(), Problem> {
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
    pub(super) fn toc_entry(&mut self, e: &Entry, toc: usize, keep: bool) {
        let w = self.w();
        let (look, leading, above, indent) = match e.level {
            1 => (Look::new(11.5, true, INK), 16.5, 13.0, 0.0),
            2 => (Look::new(10.5, false, INK), 15.0, 2.5, 16.0),
            _ => (Look::new(9.5, false, style::MUTED_INK), 13.2, 0.5, 32.0),
        };
        let toci = self.flow.elem(Role::TOCI, toc);
        let reference = self.flow.elem(Role::Reference, toci);
        let link = self.flow.elem(Role::Link, reference);
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
            let baseline = crate::pdf::workbook::flow::baseline(&look, leading);
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
                anchor: e.anchor.clone(),
                elem: link,
                alt: format!("{}, {page}", e.title),
            }));
            self.flow.push(leading, draws, k + 1 < n || keep);
        }
    }
}
