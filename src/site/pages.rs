//! The data each content template receives: one function per kind of page.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::{Depth, Entry, LangSite, Site};
use crate::collate::{self, Order};
use crate::i18n::{Arg, Strings};
use crate::lang::Lang;
use crate::markdown;
use crate::model::{Example, Exercise, FieldKind, Form, Kind, Pack, Page, Principle, SectionBody};
use crate::pdf::{self, Edition};
use crate::problem::Problem;

/// The pack's items by id, made once per build.
pub(crate) struct Lookup<'a> {
    principles: HashMap<&'a str, &'a Principle>,
    examples: HashMap<&'a str, &'a Example>,
    exercises: HashMap<&'a str, &'a Exercise>,
    forms: HashMap<&'a str, &'a Form>,
    pages: HashMap<&'a str, &'a Page>,
}

impl<'a> Lookup<'a> {
    pub(crate) fn new(pack: &'a Pack) -> Lookup<'a> {
        Lookup {
            principles: super::by_id(&pack.principles, |x| &x.id),
            examples: super::by_id(&pack.examples, |x| &x.id),
            exercises: super::by_id(&pack.exercises, |x| &x.id),
            forms: super::by_id(&pack.forms, |x| &x.id),
            pages: super::by_id(&pack.pages, |x| &x.id),
        }
    }
}

fn heading_levels(print: bool) -> (u8, u8) {
    if print { (2, 3) } else { (1, 2) }
}

/// The template and data for the content of `entry`.
pub(super) fn content(
    site: &Site<'_>,
    ls: &LangSite<'_>,
    entry: &Entry,
    depth: Depth,
    print: bool,
    texts: Option<&super::PlainTexts>,
) -> Result<(&'static str, Value), Problem> {
    let lang = ls.lang;
    let (h1, h2) = heading_levels(print);
    let anchor = entry
        .kind
        .map(|k| {
            markdown::print_anchor(
                k,
                if entry.id.is_empty() {
                    "index"
                } else {
                    &entry.id
                },
            )
        })
        .unwrap_or_else(|| "home".into());
    let prefix = if print {
        format!("{anchor}--")
    } else {
        String::new()
    };
    let md = |text: &str| site.md(ls, text, depth, print, &prefix, texts);
    let href = |kind: Kind, id: &str| Site::href(kind, id, depth, print);
    let label = |id: &str, n: u32| {
        site.strings
            .get(lang, id, &[("number", Arg::Number(f64::from(n)))])
    };
    let lookup = &site.lookup;
    let base = json!({"lang": lang, "h1": h1, "h2": h2, "anchor": anchor, "print": print, "title": entry.title, "label": entry.label});
    let mut data = base;
    let extra = match entry.kind {
        None => return home(site, ls, depth, data),
        Some(Kind::Glossary) => glossary(site, ls, &md)?,
        Some(Kind::Principle) => {
            let p = lookup.principles[entry.id.as_str()];
            let group = ls.pack.group(&p.group.id);
            json!({
                "summary": p.summary.get(lang),
                "body": md(p.body.get(lang)),
                "group": group.map(|g| g.title.get(lang)),
                "examples": p.examples.iter().filter_map(|r| lookup.examples.get(r.id.as_str())).map(|e| json!({
                    "href": href(Kind::Example, &e.id),
                    "title": e.title.get(lang),
                    "setting": e.setting.as_ref().map(|s| s.get(lang)),
                })).collect::<Vec<_>>(),
            })
        }
        Some(Kind::Example) => {
            let e = lookup.examples[entry.id.as_str()];
            let principles = e
                .principles
                .iter()
                .filter_map(|r| lookup.principles.get(r.id.as_str()))
                .map(|p| {
                    Ok(json!({
                        "href": href(Kind::Principle, &p.id),
                        "title": p.title.get(lang),
                        "label": label("principle-number", p.number)?,
                    }))
                })
                .collect::<Result<Vec<_>, Problem>>()?;
            json!({
                "setting": e.setting.as_ref().map(|s| s.get(lang)),
                "less_helpful": e.less_helpful.as_ref().map(|t| md(t.get(lang))),
                "more_helpful": md(e.more_helpful.get(lang)),
                "commentary": md(e.commentary.get(lang)),
                "principles": principles,
            })
        }
        Some(Kind::Exercise) => {
            let x = lookup.exercises[entry.id.as_str()];
            json!({
                "group": x.group.as_ref().and_then(|g| ls.pack.group(&g.id)).map(|g| g.title.get(lang)),
                "you_will_need": x.you_will_need.as_ref().map(|t| md(t.get(lang))),
                "background": md(x.background.get(lang)),
                "questions": x.questions.iter().map(|q| q.get(lang)).collect::<Vec<_>>(),
                "examples": x.examples.iter().filter_map(|r| lookup.examples.get(r.id.as_str())).map(|e| json!({
                    "href": href(Kind::Example, &e.id),
                    "title": e.title.get(lang),
                })).collect::<Vec<_>>(),
            })
        }
        Some(Kind::Form) => form(
            site,
            lookup.forms[entry.id.as_str()],
            lang,
            depth,
            &md,
            print,
        )?,
        Some(Kind::Page) => {
            let p = lookup.pages[entry.id.as_str()];
            json!({"body": md(p.body.get(lang))})
        }
    };
    if let (Value::Object(data), Value::Object(extra)) = (&mut data, extra) {
        data.extend(extra);
    }
    let template = match entry.kind {
        Some(Kind::Principle) => "templates/principle.hbs",
        Some(Kind::Example) => "templates/example.hbs",
        Some(Kind::Exercise) => "templates/exercise.hbs",
        Some(Kind::Form) => "templates/form.hbs",
        Some(Kind::Page) => "templates/page.hbs",
        _ => "templates/glossary.hbs",
    };
    Ok((template, data))
}

fn home(
    site: &Site<'_>,
    ls: &LangSite<'_>,
    depth: Depth,
    mut data: Value,
) -> Result<(&'static str, Value), Problem> {
    let lang = ls.lang;
    let pack = ls.pack;
    let href = |kind: Kind, id: &str| Site::href(kind, id, depth, false);
    let groups = pack
        .groups
        .iter()
        .map(|g| {
            let principles = pack
                .principles
                .iter()
                .filter(|p| p.group.id == g.id)
                .map(|p| {
                    Ok(json!({
                        "href": href(Kind::Principle, &p.id),
                        "title": p.title.get(lang),
                        "summary": p.summary.get(lang),
                        "label": site.strings.get(lang, "principle-number", &[("number", Arg::Number(f64::from(p.number)))])?,
                    }))
                })
                .collect::<Result<Vec<_>, Problem>>()?;
            Ok(json!({"id": g.id, "title": g.title.get(lang), "summary": g.summary.get(lang), "principles": principles}))
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    let list = |kind: Kind, items: Vec<(&str, &str, Option<&str>)>| {
        items
            .into_iter()
            .map(|(id, title, note)| json!({"href": href(kind, id), "title": title, "note": note}))
            .collect::<Vec<_>>()
    };
    let extra = json!({
        "site_title": pack.config.site.title.get(lang),
        "description": pack.config.site.description.get(lang),
        "groups": groups,
        "examples": list(Kind::Example, pack.examples.iter().map(|e| (e.id.as_str(), e.title.get(lang), e.setting.as_ref().map(|s| s.get(lang)))).collect()),
        "exercises": list(Kind::Exercise, pack.exercises.iter().map(|x| (x.id.as_str(), x.title.get(lang), None)).collect()),
        "forms": list(Kind::Form, pack.forms.iter().map(|f| (f.id.as_str(), f.title.get(lang), None)).collect()),
        "pages": list(Kind::Page, pack.pages.iter().map(|p| (p.id.as_str(), p.title.get(lang), None)).collect()),
        "glossary": format!("{}glossary.html", depth.lang_root),
    });
    if let (Value::Object(data), Value::Object(extra)) = (&mut data, extra) {
        data.extend(extra);
    }
    Ok(("templates/home.hbs", data))
}

fn glossary(
    site: &Site<'_>,
    ls: &LangSite<'_>,
    md: &dyn Fn(&str) -> String,
) -> Result<Value, Problem> {
    let lang = ls.lang;
    let other = lang.other();
    let order = Order::new(lang);
    let mut terms: Vec<_> = ls.pack.glossary.iter().collect();
    terms.sort_by(|a, b| order.compare(a.term.get(lang), b.term.get(lang)));
    let mut letters: Vec<Value> = Vec::new();
    for term in terms {
        let letter = collate::initial(lang, term.term.get(lang));
        let entry = json!({
            "id": term.id,
            "term": term.term.get(lang),
            "other": term.term.get(other),
            "other_lang": other,
            "definition": md(term.definition.get(lang)),
        });
        match letters.last_mut() {
            Some(last) if last["letter"] == letter.as_str() => {
                if let Some(list) = last["terms"].as_array_mut() {
                    list.push(entry);
                }
            }
            _ => letters.push(json!({"letter": letter, "anchor": format!("letter-{}", letter.to_lowercase()), "terms": [entry]})),
        }
    }
    let other_name = site.strings.t(
        lang,
        if other == Lang::Cy {
            "glossary-language-cy"
        } else {
            "glossary-language-en"
        },
    )?;
    Ok(json!({"letters": letters, "other_name": other_name}))
}

/// The data of a recording template's page: the form itself, built from the
/// same definition as the PDF (names as in FORMAT.md), and on the web page
/// (not the print page) its PDF downloads and what `form.js` needs.
fn form(
    site: &Site<'_>,
    f: &Form,
    lang: Lang,
    depth: Depth,
    md: &dyn Fn(&str) -> String,
    print: bool,
) -> Result<Value, Problem> {
    let sections: Vec<Value> = f
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let help_id = format!("{}-s{}-help", f.id, i + 1);
            let (fields, table) = match &s.body {
                SectionBody::Fields(fields) => (
                    fields
                        .iter()
                        .map(|field| form_field(field, lang, md))
                        .collect::<Vec<_>>(),
                    Value::Null,
                ),
                SectionBody::Table(t) => (Vec::new(), form_table(t, lang)),
            };
            json!({
                "title": s.title.get(lang),
                "help": s.help.as_ref().map(|h| md(h.get(lang))),
                "help_id": help_id,
                "fields": fields,
                "table": table,
            })
        })
        .collect();
    let mut data = json!({
        "id": f.id,
        "kind_label_id": format!("form-kind-{}", f.kind.name()),
        "description": md(f.description.get(lang)),
        "landscape": f.orientation == crate::model::Orientation::Landscape,
        "sections": sections,
        "interactive": !print,
    });
    if !print {
        let extra = json!({
            "downloads": downloads(site, f, lang, depth)?,
            "fill_command": format!(
                "canllaw pdf {} --lang {lang} --fill {}",
                f.id,
                site.strings.t(lang, "form-draft-file")?
            ),
            "script": format!("{}theme/form.js", depth.root),
        });
        if let (Value::Object(data), Value::Object(extra)) = (&mut data, extra) {
            data.extend(extra);
        }
    }
    Ok(data)
}

/// One field of a form section.
fn form_field(field: &crate::model::Field, lang: Lang, md: &dyn Fn(&str) -> String) -> Value {
    let (lines, options) = match &field.kind {
        FieldKind::TextArea { lines } => (Some(*lines), Vec::new()),
        FieldKind::Choice { options } => (
            None,
            options
                .iter()
                .map(|o| json!({"id": o.id, "label": o.label.get(lang), "input_id": format!("f-{}-{}", field.id, o.id)}))
                .collect(),
        ),
        _ => (None, Vec::new()),
    };
    json!({
        "id": field.id,
        "input_id": format!("f-{}", field.id),
        "type": field.kind.name(),
        "is_text": matches!(field.kind, FieldKind::Text),
        "is_textarea": matches!(field.kind, FieldKind::TextArea { .. }),
        "is_date": matches!(field.kind, FieldKind::Date),
        "is_checkbox": matches!(field.kind, FieldKind::Checkbox),
        "is_choice": matches!(field.kind, FieldKind::Choice { .. }),
        "label": field.label.get(lang),
        "help": field.help.as_ref().map(|h| md(h.get(lang))),
        "help_id": format!("f-{}-help", field.id),
        "label_id": format!("f-{}-label", field.id),
        "lines": lines,
        "options": options,
    })
}

/// A table section: header cells, and a text box per cell named `COLUMN-ROW`.
fn form_table(t: &crate::model::Table, lang: Lang) -> Value {
    let total: u32 = t.columns.iter().map(|c| c.width).sum::<u32>().max(1);
    let rows: Vec<Value> = (1..=t.rows)
        .map(|row| {
            json!({
                "row": row,
                "cells": t.columns.iter().map(|c| json!({
                    "name": format!("{}-{row}", c.id),
                    "input_id": format!("f-{}-{row}", c.id),
                    "label": c.label.get(lang),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "columns": t.columns.iter().map(|c| json!({
            "id": c.id,
            "label": c.label.get(lang),
            // For `<col width>`: CSP forbids style attributes.
            "percent": (c.width * 100 + total / 2) / total,
        })).collect::<Vec<_>>(),
        "rows": rows,
    })
}

/// The blank PDFs of a form, Welsh first (the Active Offer), each with its
/// size in the page's language when the build knows it.
fn downloads(site: &Site<'_>, f: &Form, lang: Lang, depth: Depth) -> Result<Vec<Value>, Problem> {
    Edition::ALL
        .into_iter()
        .map(|edition| {
            let path = pdf::file_name(f, edition);
            let size = pdf_size(&site.strings, lang, site.pdf_sizes.get(&path).copied())?;
            let label = site
                .strings
                .t(lang, &format!("form-edition-{}", edition.file_suffix()))?;
            Ok(json!({
                "href": format!("{}{path}", depth.root),
                "label": label,
                "size": size,
                // The bilingual edition is in both languages: no single hreflang.
                "hreflang": (edition != Edition::CyEn).then(|| edition.lang().code()),
            }))
        })
        .collect()
}

/// "PDF, 42 KB" in `lang`, or "PDF" when the size is not known.
fn pdf_size(strings: &Strings, lang: Lang, bytes: Option<u64>) -> Result<String, Problem> {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    match bytes {
        None => strings.t(lang, "form-pdf"),
        // Rounded up, so a small file never shows as "0 KB"; from 1000 KB
        // on, in MB with one decimal.
        Some(b) if b.div_ceil(KB) < 1000 => {
            let kb = b.div_ceil(KB).max(1);
            strings.get(lang, "form-pdf-kb", &[("kb", Arg::Number(kb as f64))])
        }
        Some(b) => {
            let tenths = (b * 10 + MB / 2) / MB;
            strings.get(
                lang,
                "form-pdf-mb",
                &[("mb", Arg::Number(tenths as f64 / 10.0))],
            )
        }
    }
}

/// The breadcrumb trail above a page.
pub(super) fn breadcrumbs(
    site: &Site<'_>,
    ls: &LangSite<'_>,
    entry: &Entry,
    depth: Depth,
) -> Result<Vec<Value>, Problem> {
    if entry.path == "index.html" {
        return Ok(Vec::new());
    }
    let lang = ls.lang;
    let home = format!("{}index.html", depth.lang_root);
    let mut trail = vec![json!({"href": home, "title": site.strings.t(lang, "home")?})];
    let section = match entry.kind {
        Some(Kind::Principle) => site
            .lookup
            .principles
            .get(entry.id.as_str())
            .and_then(|p| ls.pack.group(&p.group.id))
            .map(|g| (g.title.get(lang).to_string(), format!("group-{}", g.id))),
        Some(Kind::Example) => Some((site.strings.t(lang, "examples")?, "examples".into())),
        Some(Kind::Exercise) => Some((site.strings.t(lang, "exercises")?, "exercises".into())),
        Some(Kind::Form) => Some((site.strings.t(lang, "forms")?, "forms".into())),
        Some(Kind::Page) => Some((site.strings.t(lang, "pages")?, "pages".into())),
        _ => None,
    };
    if let Some((title, anchor)) = section {
        trail.push(json!({"href": format!("{home}#{anchor}"), "title": title}));
    }
    trail.push(json!({"title": entry.title, "current": true}));
    Ok(trail)
}

/// The plain text of a page, for the search index; `plain` gives a Markdown
/// text's plain text in the page's language.
pub(super) fn search_text(
    pack: &Pack,
    lookup: &Lookup<'_>,
    lang: Lang,
    entry: &Entry,
    plain: &dyn Fn(&crate::lang::Text) -> String,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    match entry.kind {
        Some(Kind::Principle) => {
            if let Some(p) = lookup.principles.get(entry.id.as_str()) {
                parts.extend([p.summary.get(lang).to_string(), plain(&p.body)]);
            }
        }
        Some(Kind::Example) => {
            if let Some(e) = lookup.examples.get(entry.id.as_str()) {
                parts.extend(e.setting.iter().map(|s| s.get(lang).to_string()));
                parts.extend(e.less_helpful.iter().map(plain));
                parts.extend([plain(&e.more_helpful), plain(&e.commentary)]);
            }
        }
        Some(Kind::Exercise) => {
            if let Some(x) = lookup.exercises.get(entry.id.as_str()) {
                parts.push(plain(&x.background));
                parts.extend(x.questions.iter().map(|q| q.get(lang).to_string()));
            }
        }
        Some(Kind::Form) => {
            if let Some(f) = lookup.forms.get(entry.id.as_str()) {
                parts.push(plain(&f.description));
                for s in &f.sections {
                    parts.push(s.title.get(lang).to_string());
                    if let SectionBody::Fields(fields) = &s.body {
                        parts.extend(fields.iter().map(|f| f.label.get(lang).to_string()));
                    }
                }
            }
        }
        Some(Kind::Page) => {
            if let Some(p) = lookup.pages.get(entry.id.as_str()) {
                parts.push(plain(&p.body));
            }
        }
        Some(Kind::Glossary) => {
            for t in &pack.glossary {
                parts.extend([t.term.get(lang).to_string(), plain(&t.definition)]);
            }
        }
        None => {}
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::Resources;

    #[test]
    fn pdf_sizes_read_as_kilobytes_or_megabytes_in_both_languages() {
        let mut problems = Vec::new();
        let strings = Strings::load(&Resources::builtin(), &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let size = |lang, bytes| pdf_size(&strings, lang, bytes).unwrap();
        assert_eq!(size(Lang::Cy, None), "PDF");
        assert_eq!(size(Lang::Cy, Some(0)), "PDF, 1 KB");
        assert_eq!(size(Lang::En, Some(42 * 1024 - 100)), "PDF, 42 KB");
        assert_eq!(size(Lang::Cy, Some(999 * 1024)), "PDF, 999 KB");
        assert_eq!(size(Lang::Cy, Some(1024 * 1024 - 1)), "PDF, 1 MB");
        assert_eq!(size(Lang::En, Some(1024 * 1024)), "PDF, 1 MB");
        assert_eq!(size(Lang::Cy, Some(1_572_864)), "PDF, 1.5 MB");
    }
}
