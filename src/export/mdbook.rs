//! `canllaw export mdbook DIR`: one mdBook source tree per language, for
//! organisations that already publish with mdBook.
//!
//! Cross-references become relative links between chapters, and raw HTML in
//! the content stays text, as it does on canllaw's own site.

use std::fmt::Write as _;
use std::path::Path;

use crate::build;
use crate::collate::Order;
use crate::lang::Lang;
use crate::markdown::{self, cross_reference, escape_text};
use crate::model::{Kind, Pack};
use crate::output;
use crate::problem::Problem;

fn chapter_path(kind: Kind, id: &str) -> String {
    match kind {
        Kind::Glossary => format!("glossary.md#{id}"),
        _ => format!("{}/{id}.md", kind.folder()),
    }
}

/// Rewrites `md` for a chapter at `depth` folders below `src/`.
fn chapter_markdown(md: &str, depth: usize) -> String {
    let up = "../".repeat(depth);
    markdown::to_commonmark(md, &|url| match cross_reference(url) {
        Some((kind, id)) => format!("{up}{}", chapter_path(kind, id)),
        None => url.to_string(),
    })
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Writes the export of the project in `project` into `dir`.
///
/// # Errors
/// Problems loading the project or writing files.
pub fn export(project: &Path, dir: &Path) -> Result<(), Vec<Problem>> {
    let project = build::open(project)?;
    for lang in Lang::ALL {
        let files = book(&project.pack, &project.strings, lang).map_err(|p| vec![p])?;
        let root = dir.join(lang.code());
        for (path, text) in files {
            output::write(&root, &path, text.as_bytes()).map_err(|p| vec![p])?;
        }
    }
    Ok(())
}

/// The files of one language's book: path below the book's root, and text.
///
/// # Errors
/// A missing interface string.
pub fn book(
    pack: &Pack,
    strings: &crate::i18n::Strings,
    lang: Lang,
) -> Result<Vec<(String, String)>, Problem> {
    let t = |id: &str| strings.t(lang, id);
    let number = |id: &str, n: u32| {
        strings.get(
            lang,
            id,
            &[("number", crate::i18n::Arg::Number(f64::from(n)))],
        )
    };
    let site = &pack.config.site;
    let mut files = Vec::new();
    files.push((
        "book.toml".to_string(),
        format!(
            "[book]\ntitle = {}\ndescription = {}\nauthors = [{}]\nlanguage = \"{lang}\"\nsrc = \"src\"\n\n[build]\ncreate-missing = false\n\n[output.html]\n",
            toml_string(site.title.get(lang)),
            toml_string(site.description.get(lang)),
            toml_string(site.organisation.get(lang)),
        ),
    ));

    let mut summary = String::new();
    let _ = writeln!(summary, "# {}\n", escape_text(site.title.get(lang)));
    let _ = writeln!(summary, "[{}](index.md)\n", escape_text(&t("home")?));
    files.push((
        "src/index.md".into(),
        format!(
            "# {}\n\n{}\n",
            escape_text(site.title.get(lang)),
            escape_text(site.description.get(lang))
        ),
    ));

    for group in &pack.groups {
        let _ = writeln!(summary, "# {}\n", escape_text(group.title.get(lang)));
        for p in pack.principles.iter().filter(|p| p.group.id == group.id) {
            let label = number("principle-number", p.number)?;
            let title = format!("{label}: {}", p.title.get(lang));
            let _ = writeln!(
                summary,
                "- [{}](principles/{}.md)",
                escape_text(&title),
                p.id
            );
            let mut text = format!(
                "# {}\n\n*{}*\n\n{}\n",
                escape_text(&title),
                escape_text(p.summary.get(lang)),
                chapter_markdown(p.body.get(lang), 1)
            );
            if !p.examples.is_empty() {
                let _ = writeln!(text, "\n## {}\n", escape_text(&t("principle-examples")?));
                for r in &p.examples {
                    if let Some(e) = pack.example(&r.id) {
                        let _ = writeln!(
                            text,
                            "- [{}](../examples/{}.md)",
                            escape_text(e.title.get(lang)),
                            e.id
                        );
                    }
                }
            }
            files.push((format!("src/principles/{}.md", p.id), text));
        }
        summary.push('\n');
    }

    let part = |summary: &mut String, title: String| {
        let _ = writeln!(summary, "# {}\n", escape_text(&title));
    };
    if !pack.examples.is_empty() {
        part(&mut summary, t("examples")?);
        for e in &pack.examples {
            let _ = writeln!(
                summary,
                "- [{}](examples/{}.md)",
                escape_text(e.title.get(lang)),
                e.id
            );
            let mut text = format!("# {}\n\n", escape_text(e.title.get(lang)));
            if let Some(setting) = &e.setting {
                let _ = writeln!(
                    text,
                    "*{}: {}*\n",
                    escape_text(&t("setting")?),
                    escape_text(setting.get(lang))
                );
            }
            if let Some(less) = &e.less_helpful {
                let _ = writeln!(
                    text,
                    "## {}\n\n{}\n",
                    escape_text(&t("less-helpful")?),
                    chapter_markdown(less.get(lang), 1)
                );
            }
            let _ = writeln!(
                text,
                "## {}\n\n{}\n",
                escape_text(&t("more-helpful")?),
                chapter_markdown(e.more_helpful.get(lang), 1)
            );
            let _ = writeln!(
                text,
                "## {}\n\n{}\n",
                escape_text(&t("commentary")?),
                chapter_markdown(e.commentary.get(lang), 1)
            );
            let _ = writeln!(text, "## {}\n", escape_text(&t("example-principles")?));
            for r in &e.principles {
                if let Some(p) = pack.principle(&r.id) {
                    let _ = writeln!(
                        text,
                        "- [{}: {}](../principles/{}.md)",
                        escape_text(&number("principle-number", p.number)?),
                        escape_text(p.title.get(lang)),
                        p.id
                    );
                }
            }
            files.push((format!("src/examples/{}.md", e.id), text));
        }
        summary.push('\n');
    }
    if !pack.exercises.is_empty() {
        part(&mut summary, t("exercises")?);
        for x in &pack.exercises {
            let title = format!(
                "{}: {}",
                number("exercise-number", x.number)?,
                x.title.get(lang)
            );
            let _ = writeln!(
                summary,
                "- [{}](exercises/{}.md)",
                escape_text(&title),
                x.id
            );
            let mut text = format!("# {}\n\n", escape_text(&title));
            if let Some(need) = &x.you_will_need {
                let _ = writeln!(
                    text,
                    "## {}\n\n{}\n",
                    escape_text(&t("you-will-need")?),
                    chapter_markdown(need.get(lang), 1)
                );
            }
            let _ = writeln!(
                text,
                "## {}\n\n{}\n",
                escape_text(&t("background")?),
                chapter_markdown(x.background.get(lang), 1)
            );
            let _ = writeln!(text, "## {}\n", escape_text(&t("questions")?));
            for (i, q) in x.questions.iter().enumerate() {
                let _ = writeln!(text, "{}. {}", i + 1, escape_text(q.get(lang)));
            }
            files.push((format!("src/exercises/{}.md", x.id), text));
        }
        summary.push('\n');
    }
    if !pack.forms.is_empty() {
        part(&mut summary, t("forms")?);
        for f in &pack.forms {
            let _ = writeln!(
                summary,
                "- [{}](forms/{}.md)",
                escape_text(f.title.get(lang)),
                f.id
            );
            let mut text = format!(
                "# {}\n\n{}\n",
                escape_text(f.title.get(lang)),
                chapter_markdown(f.description.get(lang), 1)
            );
            for s in &f.sections {
                let _ = writeln!(text, "\n## {}\n", escape_text(s.title.get(lang)));
                if let Some(help) = &s.help {
                    let _ = writeln!(text, "{}\n", chapter_markdown(help.get(lang), 1));
                }
                match &s.body {
                    crate::model::SectionBody::Fields(fields) => {
                        for field in fields {
                            let _ = writeln!(text, "- **{}**", escape_text(field.label.get(lang)));
                        }
                    }
                    crate::model::SectionBody::Table(table) => {
                        let heads: Vec<String> = table
                            .columns
                            .iter()
                            .map(|c| escape_text(c.label.get(lang)))
                            .collect();
                        let _ = writeln!(text, "| {} |", heads.join(" | "));
                        let _ = writeln!(text, "|{}", " --- |".repeat(heads.len()));
                    }
                }
            }
            files.push((format!("src/forms/{}.md", f.id), text));
        }
        summary.push('\n');
    }
    if !pack.pages.is_empty() {
        part(&mut summary, t("pages")?);
        for p in &pack.pages {
            let _ = writeln!(
                summary,
                "- [{}](pages/{}.md)",
                escape_text(p.title.get(lang)),
                p.id
            );
            files.push((
                format!("src/pages/{}.md", p.id),
                format!(
                    "# {}\n\n{}\n",
                    escape_text(p.title.get(lang)),
                    chapter_markdown(p.body.get(lang), 1)
                ),
            ));
        }
        summary.push('\n');
    }
    let glossary_title = t("glossary")?;
    let _ = writeln!(
        summary,
        "---\n\n[{}](glossary.md)",
        escape_text(&glossary_title)
    );
    let order = Order::new(lang);
    let mut terms: Vec<_> = pack.glossary.iter().collect();
    terms.sort_by(|a, b| order.compare(a.term.get(lang), b.term.get(lang)));
    let mut glossary = format!("# {}\n\n", escape_text(&glossary_title));
    for term in terms {
        let _ = writeln!(
            glossary,
            "## {} {{#{}}}\n\n*{}*\n\n{}\n",
            escape_text(term.term.get(lang)),
            term.id,
            escape_text(term.term.get(lang.other())),
            chapter_markdown(term.definition.get(lang), 0)
        );
    }
    files.push(("src/glossary.md".into(), glossary));
    files.push(("src/SUMMARY.md".into(), summary));
    Ok(files)
}
