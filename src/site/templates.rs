//! The Handlebars registry: templates parsed once per build, and the `t`
//! helper that looks up interface strings in the page's language.

use std::sync::Arc;

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde::Serialize;

use crate::i18n::{Arg, Strings};
use crate::lang::{Lang, Loc};
use crate::problem::{Code, Problem};
use crate::resources::Resources;

/// The templates every site needs: content templates from `templates/`, the
/// page layout from `theme/index.hbs`.
pub const REQUIRED: [&str; 12] = [
    "templates/home.hbs",
    "templates/principle.hbs",
    "templates/example.hbs",
    "templates/exercise.hbs",
    "templates/form.hbs",
    "templates/page.hbs",
    "templates/glossary.hbs",
    "templates/print.hbs",
    "templates/not-found.hbs",
    "templates/sidebar.hbs",
    "templates/welcome.hbs",
    "theme/index.hbs",
];

/// Parsed templates, ready to render from many threads.
pub struct Templates {
    registry: Handlebars<'static>,
}

struct Translate(Arc<Strings>);

impl HelperDef for Translate {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let id = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let lang = h
            .hash_get("lang")
            .and_then(|v| v.value().as_str())
            .or_else(|| ctx.data().get("lang").and_then(|v| v.as_str()))
            .and_then(Lang::from_code)
            .ok_or_else(|| RenderErrorReason::Other("the page has no `lang`".into()))?;
        let args: Vec<(&str, Arg)> = h
            .hash()
            .iter()
            .filter(|(k, _)| **k != "lang")
            .map(|(k, v)| {
                let arg = match v.value() {
                    serde_json::Value::Number(n) => Arg::Number(n.as_f64().unwrap_or(0.0)),
                    serde_json::Value::String(s) => Arg::Text(s.clone()),
                    other => Arg::Text(other.to_string()),
                };
                (*k, arg)
            })
            .collect();
        let text = self.0.get(lang, id, &args).map_err(|p| {
            RenderErrorReason::Other(format!("interface string `{id}` in {lang}: {:?}", p.code))
        })?;
        out.write(&escape_html(&text))?;
        Ok(())
    }
}

/// Escapes text for HTML content and double-quoted attributes, and makes
/// straight quotes typographic as comrak's smart punctuation does for
/// Markdown, so plain titles and Markdown bodies read alike ("sy’n", “…”).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}".contains(p));
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push(if opens { '\u{201c}' } else { '\u{201d}' }),
            '\'' => out.push(if opens { '\u{2018}' } else { '\u{2019}' }),
            _ => out.push(c),
        }
        prev = Some(c);
    }
    out
}

fn template_problem(name: &str, detail: impl ToString) -> Problem {
    Problem::error(
        Code::TemplateError,
        Loc::file(Arc::from(std::path::Path::new(name))),
    )
    .arg("name", name)
    .arg("detail", detail.to_string())
}

impl Templates {
    /// Parses every template in `resources`.
    ///
    /// # Errors
    /// Every template that is missing or does not parse.
    pub fn load(resources: &Resources, strings: Arc<Strings>) -> Result<Templates, Vec<Problem>> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        // Every attribute is double-quoted, so apostrophes (common in Welsh:
        // "i'r", "sy'n") can stay as they are.
        registry.register_escape_fn(escape_html);
        registry.register_helper("t", Box::new(Translate(strings)));
        let mut problems = Vec::new();
        for name in REQUIRED {
            if resources.get(name).is_none() {
                problems.push(template_problem(name, "missing"));
            }
        }
        let sources = resources
            .under("templates/")
            .chain(resources.under("theme/"))
            .filter(|(path, _)| path.ends_with(".hbs"));
        for (path, resource) in sources {
            let source = String::from_utf8_lossy(&resource.bytes);
            if let Err(e) = registry.register_template_string(path, source) {
                let mut problem = template_problem(path, e.reason());
                if let Some((line, col)) = e.pos() {
                    problem.at.line = u32::try_from(line).unwrap_or(u32::MAX);
                    problem.at.col = u32::try_from(col).unwrap_or(1);
                }
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            Ok(Templates { registry })
        } else {
            Err(problems)
        }
    }

    /// Renders the template at `path` (e.g. `templates/home.hbs`) with `data`.
    ///
    /// # Errors
    /// A problem naming the template.
    pub fn render<T: Serialize>(&self, path: &str, data: &T) -> Result<String, Problem> {
        self.registry
            .render(path, data)
            .map_err(|e: RenderError| template_problem(path, e))
    }
}
