//! The Handlebars registry: templates parsed once per build, and the `t`
//! helper that looks up interface strings in the page's language.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, RwLock};

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason, Template,
};
use rayon::prelude::*;
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

/// The `t` helper. Every page's layout asks for the same few dozen strings
/// as every other page in its language, so each string, with its arguments
/// and escaped, is made once per build and kept.
struct Translate {
    strings: Arc<Strings>,
    made: RwLock<HashMap<String, String>>,
}

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
        // The hash is ordered, so equal calls make equal keys.
        let mut key = format!("{lang}\0{id}");
        for (name, arg) in &args {
            let _ = match arg {
                Arg::Number(n) => write!(key, "\0{name}#{n}"),
                Arg::Text(t) => write!(key, "\0{name}={t}"),
            };
        }
        if let Some(text) = self.made.read().ok().as_ref().and_then(|m| m.get(&key)) {
            out.write(text)?;
            return Ok(());
        }
        let text = self.strings.get(lang, id, &args).map_err(|p| {
            RenderErrorReason::Other(format!("interface string `{id}` in {lang}: {:?}", p.code))
        })?;
        let text = escape_html(&text);
        if let Ok(mut made) = self.made.write() {
            made.insert(key, text.clone());
        }
        out.write(&text)?;
        Ok(())
    }
}

/// Escapes text for HTML content and double-quoted attributes, and makes
/// straight quotes typographic as comrak's smart punctuation does for
/// Markdown, so plain titles and Markdown bodies read alike ("sy’n", “…”).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Whether a quote at byte `at` opens: after nothing, white space or an
    // opening bracket or dash.
    let opens = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}".contains(p))
    };
    // Most text has nothing to escape: copy the runs between the few bytes
    // that need it (all ASCII, so never inside a longer character).
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if opens(at) => "\u{201c}",
            b'"' => "\u{201d}",
            b'\'' if opens(at) => "\u{2018}",
            b'\'' => "\u{2019}",
            _ => continue,
        };
        out.push_str(&text[from..at]);
        out.push_str(escaped);
        from = at + 1;
    }
    out.push_str(&text[from..]);
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
        registry.register_helper(
            "t",
            Box::new(Translate {
                strings,
                made: RwLock::new(HashMap::new()),
            }),
        );
        let mut problems = Vec::new();
        for name in REQUIRED {
            if resources.get(name).is_none() {
                problems.push(template_problem(name, "missing"));
            }
        }
        let sources: Vec<_> = resources
            .under("templates/")
            .chain(resources.under("theme/"))
            .filter(|(path, _)| path.ends_with(".hbs"))
            .collect();
        // Parsing a template takes longer than rendering a page: the
        // templates are parsed side by side, then registered.
        let compiled: Vec<_> = sources
            .par_iter()
            .map(|(path, resource)| {
                let source = String::from_utf8_lossy(&resource.bytes);
                (
                    *path,
                    Template::compile_with_name(source, (*path).to_string()),
                )
            })
            .collect();
        for (path, template) in compiled {
            match template {
                Ok(template) => registry.register_template(path, template),
                Err(e) => {
                    let mut problem = template_problem(path, e.reason());
                    if let Some((line, col)) = e.pos() {
                        problem.at.line = u32::try_from(line).unwrap_or(u32::MAX);
                        problem.at.col = u32::try_from(col).unwrap_or(1);
                    }
                    problems.push(problem);
                }
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
        let data = serde_json::to_value(data).map_err(|e| template_problem(path, e))?;
        self.render_value(path, data)
    }

    /// As [`Templates::render`], for data already made as JSON: Handlebars
    /// takes it as it is, where given a reference it would copy it whole
    /// (a page's content and sidebar included) before rendering.
    ///
    /// # Errors
    /// A problem naming the template.
    pub fn render_value(&self, path: &str, data: serde_json::Value) -> Result<String, Problem> {
        self.registry
            .render_with_context(path, &Context::from(data))
            .map(|html| {
                if PAGES.contains(&path) {
                    with_policy(html)
                } else {
                    html
                }
            })
            .map_err(|e: RenderError| template_problem(path, e))
    }
}

/// The templates that make whole pages.
const PAGES: [&str; 2] = ["theme/index.hbs", "templates/welcome.hbs"];

/// The Content-Security-Policy of every page: everything from the site's
/// own origin only, no inline script or style, no plugins, no `<base>`, no
/// form sent anywhere. The built-in layouts carry it; [`with_policy`] adds
/// it to a project's own layout that does not.
pub const POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// `html` with [`POLICY`] as the first element of its head, unless it
/// already holds it. A page's policies all apply, so one a theme wrote,
/// looser or stricter, can only be narrowed by canllaw's.
pub fn with_policy(html: String) -> String {
    if html.contains(POLICY) {
        return html;
    }
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">");
    let lower = html.to_ascii_lowercase();
    let at = lower
        .find("<head")
        .and_then(|head| lower[head..].find('>').map(|end| head + end + 1))
        .or_else(|| {
            lower
                .find("<html")
                .and_then(|h| lower[h..].find('>').map(|end| h + end + 1))
        })
        .unwrap_or(0);
    let mut out = String::with_capacity(html.len() + meta.len() + 1);
    out.push_str(&html[..at]);
    out.push_str(&meta);
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod escape_tests {
    use super::escape_html;

    /// Character by character, as the escaping was first written.
    fn reference(text: &str) -> String {
        let mut out = String::new();
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

    #[test]
    fn escapes_and_curls_quotes_as_it_always_did() {
        for text in [
            "",
            "plain",
            "\"quoted\" and 'single' i'r sy'n",
            "ŵ\"ŷ' —\"x\" –'y' (\"z\") [\"a\"] {'b'}",
            "<script>&amp;</script>",
            "'",
            "\"",
            " '\" \n\"\t'",
        ] {
            assert_eq!(escape_html(text), reference(text), "{text:?}");
        }
    }
}

#[cfg(test)]
mod policy_tests {
    use super::*;

    #[test]
    fn a_layout_without_the_policy_gets_it_first_in_its_head() {
        let html = with_policy(
            "<!DOCTYPE html><html><head><script src=a.js></script></head></html>".into(),
        );
        let meta = html.find("Content-Security-Policy").unwrap();
        assert!(html.find("<head>").unwrap() < meta && meta < html.find("<script").unwrap());
        let again = with_policy(html.clone());
        assert_eq!(again, html);
        assert!(with_policy("<p>no head</p>".into()).starts_with("<meta"));
    }
}
