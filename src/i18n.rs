//! The site's interface strings: Fluent files `locales/LANG/*.ftl`, built in
//! and overridable by a project.
//!
//! Lookups are strict. A string missing in either language is a build error,
//! never a silent fall back to English; isolation marks are off because they
//! leak U+2068/U+2069 into PDFs and HTML attributes.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::config::line_col;
use crate::lang::{Lang, Loc};
use crate::problem::{Code, Problem};
use crate::resources::Resources;

/// A value given to a message: text or a number (numbers choose plural forms).
#[derive(Clone, Debug)]
pub enum Arg {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
}

/// The interface strings of both languages.
pub struct Strings {
    cy: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Strings")
    }
}

/// The message ids (and `id.attribute`s) a Fluent source defines.
pub fn message_ids(source: &str) -> BTreeSet<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut ids = BTreeSet::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            ids.insert(m.id.name.to_string());
            for a in m.attributes {
                ids.insert(format!("{}.{}", m.id.name, a.id.name));
            }
        }
    }
    ids
}

impl Strings {
    /// Loads every `locales/cy/*.ftl` and `locales/en/*.ftl`, reporting syntax
    /// errors and strings present in one language only.
    pub fn load(resources: &Resources, problems: &mut Vec<Problem>) -> Option<Strings> {
        let before = problems.len();
        let mut ids: [BTreeSet<String>; 2] = Default::default();
        let mut first_file: [Option<Arc<Path>>; 2] = [None, None];
        let mut bundles = Lang::ALL.map(|lang| {
            let mut bundle = FluentBundle::new_concurrent(vec![
                lang.code()
                    .parse()
                    .expect("cy and en are valid language ids"),
            ]);
            bundle.set_use_isolating(false);
            bundle
        });
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            let prefix = format!("locales/{lang}/");
            for (path, resource) in resources.under(&prefix) {
                if !path.ends_with(".ftl") {
                    continue;
                }
                let file: Arc<Path> = Arc::from(Path::new(path));
                first_file[i].get_or_insert_with(|| file.clone());
                let source = String::from_utf8_lossy(&resource.bytes).into_owned();
                ids[i].extend(message_ids(&source));
                let parsed = match FluentResource::try_new(source.clone()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            let (line, col) = line_col(&source, e.pos.start);
                            problems.push(
                                Problem::error(
                                    Code::FluentSyntax,
                                    Loc {
                                        file: file.clone(),
                                        line,
                                        col,
                                        block: false,
                                    },
                                )
                                .arg("detail", e.kind),
                            );
                        }
                        r
                    }
                };
                // A project file overrides a built-in one of the same name, so
                // one message id can only come from one file per language.
                bundles[i].add_resource_overriding(parsed);
            }
        }
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            let other = 1 - i;
            for id in ids[other].difference(&ids[i]) {
                let file = first_file[i]
                    .clone()
                    .unwrap_or_else(|| Arc::from(Path::new(&format!("locales/{lang}/"))));
                problems.push(
                    Problem::error(Code::FluentMissing, Loc::file(file))
                        .arg("id", id)
                        .arg("lang", lang),
                );
            }
        }
        if problems.len() > before {
            return None;
        }
        let [cy, en] = bundles;
        Some(Strings { cy, en })
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Cy => &self.cy,
            Lang::En => &self.en,
        }
    }

    /// True if `id` is defined in both languages.
    pub fn has(&self, id: &str) -> bool {
        self.cy.has_message(id) && self.en.has_message(id)
    }

    /// The message `id` (or `id.attr`) in `lang`, with arguments.
    ///
    /// # Errors
    /// A problem naming the string if it is missing or fails to format.
    pub fn get(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> Result<String, Problem> {
        let (message_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let missing = || {
            Problem::error(
                Code::FluentMissing,
                Loc::file(Arc::from(Path::new(&format!("locales/{lang}/")))),
            )
            .arg("id", id)
            .arg("lang", lang)
        };
        let bundle = self.bundle(lang);
        let message = bundle.get_message(message_id).ok_or_else(missing)?;
        let pattern = match attr {
            Some(a) => message.get_attribute(a).map(|a| a.value()),
            None => message.value(),
        }
        .ok_or_else(missing)?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(t) => fluent_args.set(*name, FluentValue::from(t.clone())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if let Some(e) = errors.first() {
            return Err(Problem::error(
                Code::FluentFormat,
                Loc::file(Arc::from(Path::new(&format!("locales/{lang}/")))),
            )
            .arg("id", id)
            .arg("lang", lang)
            .arg("detail", e));
        }
        Ok(text.into_owned())
    }

    /// A message without arguments.
    ///
    /// # Errors
    /// As [`Strings::get`].
    pub fn t(&self, lang: Lang, id: &str) -> Result<String, Problem> {
        self.get(lang, id, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        let mut problems = Vec::new();
        let strings = Strings::load(&Resources::builtin(), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        strings.unwrap()
    }

    #[test]
    fn welsh_plurals_use_all_six_categories() {
        let s = strings();
        let count = |n: f64| {
            s.get(Lang::Cy, "examples-count", &[("count", Arg::Number(n))])
                .unwrap()
        };
        assert_eq!(count(2.0), "dwy enghraifft");
        assert_eq!(count(3.0), "3 enghraifft");
        assert_ne!(count(0.0), count(1.0));
    }

    #[test]
    fn no_isolation_marks() {
        let s = strings();
        let text = s
            .get(
                Lang::En,
                "principle-number",
                &[("number", Arg::Number(4.0))],
            )
            .unwrap();
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{text:?}"
        );
    }

    #[test]
    fn a_missing_string_is_an_error_not_english() {
        let s = strings();
        assert!(s.t(Lang::Cy, "no-such-string").is_err());
    }
}
