//! The back of the book: the glossary and the appendix of recording
//! templates.

use super::{APPENDIX, GLOSSARY, LIST_TEXT, Writer};
use crate::collate;
use crate::i18n::Arg;
use crate::markdown::print_anchor;
use crate::model::{Form, Kind};
use crate::pdf::workbook::flow::{Frame, Mark, ParaStyle, Start};
use crate::pdf::workbook::inline::{Inline, Look};
use crate::pdf::workbook::md::{self, Place};
use crate::pdf::workbook::page::Role;
use crate::pdf::workbook::style::{self, BODY, BODY_LEADING, LEAD, LEAD_LEADING, NOTE};
use crate::problem::Problem;

impl Writer<'_> {
    /// The glossary, in the edition's alphabetical order under each letter
    /// (Welsh letters such as `Ch` and `Ll` in the Welsh edition), each term
    /// with its equivalent in the other language.
    pub(super) fn glossary(&mut self) -> Result<(), Problem> {
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
        let intro = self
            .cx
            .get("glossary-intro", &[("other", Arg::Text(other_name))])?;
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
    pub(super) fn appendix(&mut self) -> Result<(), Problem> {
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
            let label = self
                .cx
                .t(&format!("form-edition-{}", edition.file_suffix()))?;
            let path = self.cx.site_path(&crate::pdf::file_name(form, edition));
            let body = self.item(list, "•", false, 0.0);
            let mut inline = Inline::default();
            inline.push(&format!("{label}: "), BODY.bold());
            inline.push(&path, BODY.colored(style::ACCENT_INK));
            self.flow.space(style::ITEM_GAP);
            self.para_at(&inline, BODY_LEADING, body, LIST_TEXT, w - LIST_TEXT);
        }
        self.flow.close();
        Ok(())
    }
}
