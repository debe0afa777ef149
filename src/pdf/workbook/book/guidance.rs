//! The guidance: the free pages, then each group with its principles, and
//! each principle with its worked examples.

use super::{Writer, part_title, principle_title};
use crate::i18n::Arg;
use crate::markdown::print_anchor;
use crate::model::{Example, Kind};
use crate::pdf::layout::Shape;
use crate::pdf::workbook::flow::{Draw, Frame, Mark, Start};
use crate::pdf::workbook::inline::{Inline, Look};
use crate::pdf::workbook::page::{Art, Entry, Role, Run};
use crate::pdf::workbook::plan::group_anchor;
use crate::pdf::workbook::style::{self, BODY, BODY_LEADING, LEAD, LEAD_LEADING, NOTE};
use crate::problem::Problem;

impl Writer<'_> {
    /// The free pages, each starting a page (the first a right-hand one),
    /// each a division of its own.
    pub(super) fn free_pages(&mut self) {
        let lang = self.cx.lang;
        for (i, page) in self.cx.plan.pages.iter().enumerate() {
            self.flow
                .start(if i == 0 { Start::Recto } else { Start::Page });
            let title = page.title.get(lang);
            self.division(title, &print_anchor(Kind::Page, &page.id));
            let part = self.flow.elem(Role::Part, 0);
            self.heading(title, Role::H1, part, 1);
            self.flow.space(10.0);
            self.markdown(page.body.get(lang), part, 0, 1);
        }
    }

    /// A group: its opening page (part number, title, summary, the
    /// principles in it), then each principle.
    pub(super) fn group(
        &mut self,
        g: &crate::pdf::workbook::plan::GroupEntry<'_>,
    ) -> Result<(), Problem> {
        let lang = self.cx.lang;
        let title = g.group.title.get(lang);
        let part_title = part_title(&self.cx, g.number, title)?;
        self.flow.start(Start::Recto);
        self.division(&part_title, &group_anchor(&g.group.id));
        let part = self.flow.elem(Role::Part, 0);
        self.opening_band(&g.number.to_string());
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

    /// The top of a part's opening page: a band of the accent's tint from
    /// the page's edge, with the part's number large in it (decoration: the
    /// number is said in words under it).
    fn opening_band(&mut self, number: &str) {
        let g = self.cx.geometry;
        let w = self.w();
        let height = 150.0;
        let numeral = Look::new(96.0, true, style::ACCENT_INK);
        // The opening page is a right-hand one: its left margin is the inner.
        let band = Art::Shape(Shape::Rect {
            x: -g.inner,
            y: -g.top,
            w: g.width,
            h: g.top + height,
            fill: Some(style::MORE_FILL),
            stroke: None,
        });
        let figure = Art::Text {
            run: Run {
                x: w - numeral.width(number),
                baseline: height - 22.0,
                text: number.to_string(),
                look: numeral,
            },
            spacing: 0.0,
        };
        self.flow.push(
            height + 34.0,
            vec![Draw::Art(band), Draw::Art(figure)],
            true,
        );
    }

    fn principle(
        &mut self,
        p: &crate::pdf::workbook::plan::PrincipleEntry<'_>,
        part: usize,
    ) -> Result<(), Problem> {
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

    /// A worked example: the record as often written and as it could be, in
    /// two boxes that differ in colour, mark and label, then the commentary.
    fn example(&mut self, e: &Example, parent: usize) -> Result<(), Problem> {
        let lang = self.cx.lang;
        self.flow.space(26.0);
        self.flow
            .mark(Mark::Anchor(print_anchor(Kind::Example, &e.id)));
        let sect = self.flow.elem(Role::Sect, parent);
        let title = self.cx.get(
            "workbook-example",
            &[("title", Arg::Text(e.title.get(lang).to_string()))],
        )?;
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
        let baseline = crate::pdf::workbook::flow::baseline(&look, leading);
        // The mark: drawn, so it needs no font; the label says it in words.
        let (x0, y0, s) = (18.0, baseline - 8.0, 8.5);
        let icon = if better {
            vec![
                Art::Shape(Shape::Line {
                    from: (x0, y0 + s * 0.55),
                    to: (x0 + s * 0.38, y0 + s * 0.92),
                    color: ink,
                    width: 1.8,
                }),
                Art::Shape(Shape::Line {
                    from: (x0 + s * 0.38, y0 + s * 0.92),
                    to: (x0 + s, y0 + s * 0.05),
                    color: ink,
                    width: 1.8,
                }),
            ]
        } else {
            vec![
                Art::Shape(Shape::Line {
                    from: (x0, y0),
                    to: (x0 + s * 0.9, y0 + s * 0.9),
                    color: ink,
                    width: 1.8,
                }),
                Art::Shape(Shape::Line {
                    from: (x0 + s * 0.9, y0),
                    to: (x0, y0 + s * 0.9),
                    color: ink,
                    width: 1.8,
                }),
            ]
        };
        self.flow.label(icon.into_iter().map(Draw::Art).collect());
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
        let link = inline.link(crate::pdf::workbook::inline::LinkTo {
            anchor,
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
}
