//! The exercises, each question followed by ruled lines to write on.

use super::{EXERCISES, LIST_TEXT, Writer, exercise_title};
use crate::i18n::Arg;
use crate::markdown::print_anchor;
use crate::model::{Exercise, Kind};
use crate::pdf::layout::INK;
use crate::pdf::workbook::flow::{Frame, Mark, Start};
use crate::pdf::workbook::inline::{Inline, Look};
use crate::pdf::workbook::page::Role;
use crate::pdf::workbook::style::{self, BODY, BODY_LEADING, LEAD, LEAD_LEADING};
use crate::problem::Problem;

/// Ruled lines to write an answer on, after each question.
const ANSWER_LINES: usize = 6;

impl Writer<'_> {
    /// The exercises: each on its own page, its questions followed by ruled
    /// lines to write on.
    pub(super) fn exercises(&mut self) -> Result<(), Problem> {
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
            self.markdown_at(
                need.get(lang),
                div,
                2,
                3,
                14.0,
                w - 28.0,
                BODY,
                BODY_LEADING,
            );
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
            self.flow
                .ruled(ANSWER_LINES, 23.0, LIST_TEXT, style::RULE, ANSWER_LINES);
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
                let link = resolved.anchor.clone().map(|anchor| {
                    inline.link(crate::pdf::workbook::inline::LinkTo {
                        anchor,
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
}
