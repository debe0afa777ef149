//! The interface strings, read as Fluent syntax: both languages define the
//! same messages and attributes, use the same variables (a Welsh string that
//! drops `{ $count }` says less than its English), Welsh selectors on a number
//! give every CLDR Welsh plural form, nothing is copied untranslated, and a
//! project defines no string that nothing uses.
//!
//! It reads the interface strings a build would use — the built-in
//! `locales/` with a project's own files laid over them — and, through
//! [`check_tool_messages`], canllaw's own messages in `src/messages/`.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use std::sync::Arc;

use fluent_syntax::ast;

use super::translation::is_copy;
use super::words::Words;
use crate::config::line_col;
use crate::i18n::message_ids;
use crate::lang::{Lang, Loc};
use crate::problem::{self, Code, Problem};
use crate::resources::Resources;

/// The CLDR plural categories of Welsh, all of which a Welsh selector on a
/// number must give.
pub(crate) const WELSH_PLURALS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One Fluent source: its language, its path (for messages), its text, and
/// whether the project wrote it (only a project's strings can be obsolete).
pub(crate) struct Source<'a> {
    pub(crate) lang: Lang,
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
    pub(crate) from_project: bool,
}

/// A message's value, or one of its attributes.
struct Entry {
    at: Loc,
    vars: BTreeSet<String>,
    /// Selectors on a number: the variable, the variant keys, where.
    numeric: Vec<(String, BTreeSet<String>, Loc)>,
    /// The text with each placeable as `{}`, for the copy check.
    shape: String,
    from_project: bool,
}

/// Checks the interface strings a build of this project would use.
pub(super) fn check(resources: &Resources, words: &Words, problems: &mut Vec<Problem>) {
    let mut texts = Vec::new();
    for lang in Lang::ALL {
        let prefix = format!("locales/{lang}/");
        for (path, resource) in resources.under(&prefix) {
            if path.ends_with(".ftl") {
                texts.push((
                    lang,
                    path.to_string(),
                    String::from_utf8_lossy(&resource.bytes).into_owned(),
                    resource.from_project,
                ));
            }
        }
    }
    let sources: Vec<Source<'_>> = texts
        .iter()
        .map(|(lang, path, text, from_project)| Source {
            lang: *lang,
            path,
            text,
            from_project: *from_project,
        })
        .collect();
    let used = used_ids(resources);
    compare(&sources, words, Some(&used), problems);
}

/// Checks canllaw's own messages (`src/messages/*.ftl`) as a project's
/// strings are checked, less the obsolete-string check (the code, not a
/// template, uses them).
pub fn check_tool_messages() -> Vec<Problem> {
    let sources: Vec<Source<'_>> = problem::catalogue_sources()
        .iter()
        .map(|(lang, path, text)| Source {
            lang: *lang,
            path,
            text,
            from_project: false,
        })
        .collect();
    let mut problems = Vec::new();
    compare(&sources, &Words::default(), None, &mut problems);
    problems
}

/// The ids that templates (`{{t "id"}}`) and the built-in strings use, per language.
struct Used {
    templates: HashSet<String>,
    builtin: [BTreeSet<String>; 2],
}

fn used_ids(resources: &Resources) -> Used {
    let mut templates = HashSet::new();
    for prefix in ["templates/", "theme/"] {
        for (path, resource) in resources.under(prefix) {
            if path.ends_with(".hbs") {
                templates.extend(template_ids(&String::from_utf8_lossy(&resource.bytes)));
            }
        }
    }
    let builtin = Resources::builtin();
    let ids = |lang: Lang| {
        let prefix = format!("locales/{lang}/");
        builtin
            .under(&prefix)
            .flat_map(|(_, r)| message_ids(&String::from_utf8_lossy(&r.bytes)))
            .collect()
    };
    Used {
        templates,
        builtin: [ids(Lang::Cy), ids(Lang::En)],
    }
}

/// The ids a Handlebars template looks up with `t`: `{{t "id"}}`, `(t "id")`.
pub(crate) fn template_ids(template: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = template;
    while let Some(found) = rest.find("t \"") {
        let before = rest[..found].chars().next_back();
        let after = &rest[found + 3..];
        if matches!(before, Some('{' | '(' | '~'))
            && let Some(end) = after.find('"')
        {
            ids.push(after[..end].to_string());
        }
        rest = after;
    }
    ids
}

fn loc(file: &Arc<Path>, source: &str, slice: &str) -> Loc {
    let (line, col) = line_col(source, offset(source, slice).unwrap_or(0));
    Loc {
        file: file.clone(),
        line,
        col,
        block: false,
    }
}

/// The byte offset of `slice` in `source`, if it is part of it (the parser
/// hands out slices of the source).
fn offset(source: &str, slice: &str) -> Option<usize> {
    let start = source.as_ptr() as usize;
    let at = slice.as_ptr() as usize;
    (at >= start && at + slice.len() <= start + source.len()).then(|| at - start)
}

fn compare(
    sources: &[Source<'_>],
    words: &Words,
    used: Option<&Used>,
    problems: &mut Vec<Problem>,
) {
    let mut entries: [BTreeMap<String, Entry>; 2] = Default::default();
    let mut referenced = HashSet::new();
    for source in sources {
        let file: Arc<Path> = Arc::from(Path::new(source.path));
        let resource = match fluent_syntax::parser::parse(source.text) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    let (line, col) = line_col(source.text, e.pos.start);
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
        let side = &mut entries[usize::from(source.lang == Lang::En)];
        for entry in &resource.body {
            let (prefix, id, value, attributes) = match entry {
                ast::Entry::Message(m) => ("", &m.id, m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => ("-", &t.id, Some(&t.value), &t.attributes),
                _ => continue,
            };
            let name = format!("{prefix}{}", id.name);
            let mut add = |key: String, at_slice: &str, pattern: &ast::Pattern<&str>| {
                let mut e = Entry {
                    at: loc(&file, source.text, at_slice),
                    vars: BTreeSet::new(),
                    numeric: Vec::new(),
                    shape: String::new(),
                    from_project: source.from_project,
                };
                walk_pattern(pattern, &file, source.text, &mut e, &mut referenced);
                side.insert(key, e);
            };
            match value {
                Some(pattern) => add(name.clone(), id.name, pattern),
                None => add(
                    name.clone(),
                    id.name,
                    &ast::Pattern {
                        elements: Vec::new(),
                    },
                ),
            }
            for a in attributes {
                add(format!("{name}.{}", a.id.name), a.id.name, &a.value);
            }
        }
    }
    // A string missing from a project's file is told there, not at the
    // built-in file of the other language, which the project does not have.
    let project_file = |lang: Lang| {
        sources
            .iter()
            .find(|s| s.lang == lang && s.from_project)
            .map(|s| Loc::file(Arc::from(Path::new(s.path))))
    };
    for (has, lacks) in [(0, Lang::En), (1, Lang::Cy)] {
        let other = &entries[1 - has];
        for (key, e) in entries[has].iter().filter(|(k, _)| !other.contains_key(*k)) {
            let at = match project_file(lacks) {
                Some(at) if !e.from_project => at,
                _ => e.at.clone(),
            };
            problems.push(
                Problem::error(Code::FluentMissing, at)
                    .arg("id", key)
                    .arg("lang", lacks),
            );
        }
    }
    let [cy, en] = &entries;
    for (key, c) in cy {
        let Some(e) = en.get(key) else { continue };
        for (has, lacks, vars, other_vars, at, also) in [
            (Lang::En, Lang::Cy, &e.vars, &c.vars, &c.at, &e.at),
            (Lang::Cy, Lang::En, &c.vars, &e.vars, &e.at, &c.at),
        ] {
            for var in vars.difference(other_vars) {
                problems.push(
                    Problem::error(Code::FluentVariables, at.clone())
                        .arg("id", key)
                        .arg("var", format!("${var}"))
                        .arg("has", has)
                        .arg("lacks", lacks)
                        .also(also.clone()),
                );
            }
        }
        if !c.shape.trim().is_empty() && is_copy(&c.shape, &e.shape, words) {
            problems.push(
                Problem::error(Code::Untranslated, c.at.clone())
                    .arg("field", key)
                    .also(e.at.clone()),
            );
        }
    }
    for (key, c) in cy {
        for (var, keys, at) in &c.numeric {
            let missing: Vec<String> = WELSH_PLURALS
                .iter()
                .filter(|k| !keys.contains(**k))
                .map(|k| format!("[{k}]"))
                .collect();
            if !missing.is_empty() {
                problems.push(
                    Problem::error(Code::FluentPlural, at.clone())
                        .arg("id", key)
                        .arg("var", format!("${var}"))
                        .arg("missing", missing.join(", ")),
                );
            }
        }
    }
    if let Some(used) = used {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            for (key, e) in &entries[i] {
                let message = key.split('.').next().unwrap_or(key);
                let known = message.starts_with('-')
                    || used.builtin[i].contains(message)
                    || used.templates.contains(message)
                    || referenced.contains(message);
                if e.from_project && !known && !key.contains('.') {
                    problems.push(
                        Problem::warning(Code::FluentObsolete, e.at.clone())
                            .arg("id", key)
                            .arg("lang", lang),
                    );
                }
            }
        }
    }
}

fn walk_pattern(
    pattern: &ast::Pattern<&str>,
    file: &Arc<Path>,
    source: &str,
    e: &mut Entry,
    refs: &mut HashSet<String>,
) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => e.shape.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                e.shape.push_str("{}");
                walk_expression(expression, file, source, e, refs);
            }
        }
    }
}

fn walk_expression(
    expression: &ast::Expression<&str>,
    file: &Arc<Path>,
    source: &str,
    e: &mut Entry,
    refs: &mut HashSet<String>,
) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, file, source, e, refs),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, file, source, e, refs);
            let keys: BTreeSet<String> = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => (*name).to_string(),
                    ast::VariantKey::NumberLiteral { value } => (*value).to_string(),
                })
                .collect();
            let is_number_fn = matches!(selector, ast::InlineExpression::FunctionReference { id, .. } if id.name == "NUMBER");
            let has_numeric_key = variants
                .iter()
                .any(|v| matches!(v.key, ast::VariantKey::NumberLiteral { .. }));
            let has_plural_key = keys
                .iter()
                .any(|k| WELSH_PLURALS[..5].contains(&k.as_str()));
            if is_number_fn || has_numeric_key || has_plural_key {
                let (var, slice) = selector_variable(selector);
                e.numeric.push((var, keys, loc(file, source, slice)));
            }
            for v in variants {
                walk_pattern(&v.value, file, source, e, refs);
            }
        }
    }
}

/// The variable a selector chooses by, and a slice of the source to place it.
fn selector_variable<'s>(selector: &ast::InlineExpression<&'s str>) -> (String, &'s str) {
    match selector {
        ast::InlineExpression::VariableReference { id } => (id.name.to_string(), id.name),
        ast::InlineExpression::FunctionReference { id, arguments } => arguments
            .positional
            .iter()
            .find_map(|a| match a {
                ast::InlineExpression::VariableReference { id } => {
                    Some((id.name.to_string(), id.name))
                }
                _ => None,
            })
            .unwrap_or((String::from("?"), id.name)),
        _ => (String::from("?"), ""),
    }
}

fn walk_inline(
    inline: &ast::InlineExpression<&str>,
    file: &Arc<Path>,
    source: &str,
    e: &mut Entry,
    refs: &mut HashSet<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            e.vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, file, source, e, refs);
            }
            for a in &arguments.named {
                walk_inline(&a.value, file, source, e, refs);
            }
        }
        ast::InlineExpression::TermReference { arguments, .. } => {
            for a in arguments.iter().flat_map(|a| a.named.iter()) {
                walk_inline(&a.value, file, source, e, refs);
            }
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => {
            walk_expression(expression, file, source, e, refs)
        }
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(cy: &str, en: &str) -> Vec<Problem> {
        let sources = [
            Source {
                lang: Lang::Cy,
                path: "locales/cy/x.ftl",
                text: cy,
                from_project: true,
            },
            Source {
                lang: Lang::En,
                path: "locales/en/x.ftl",
                text: en,
                from_project: true,
            },
        ];
        let mut problems = Vec::new();
        compare(&sources, &Words::default(), None, &mut problems);
        problems
    }

    #[test]
    fn a_dropped_variable_is_reported_on_the_welsh_line() {
        let problems = run("a = Un\nb = Croeso\n", "a = One\nb = Welcome { $name }\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].code, Code::FluentVariables);
        assert_eq!(
            (problems[0].at.line, problems[0].get("var")),
            (2, Some("$name"))
        );
    }

    #[test]
    fn welsh_numbers_need_six_forms_and_other_selectors_do_not() {
        let cy = "n = { $n ->\n    [one] un\n   *[other] llawer\n}\nk = { $k ->\n    [a] A\n   *[other] B\n}\n";
        let en = "n = { $n ->\n    [one] one\n   *[other] many\n}\nk = { $k ->\n    [a] A\n   *[other] B\n}\n";
        let problems = run(cy, en);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].code, Code::FluentPlural);
        assert_eq!(
            problems[0].get("missing"),
            Some("[zero], [two], [few], [many]")
        );
    }

    #[test]
    fn missing_attributes_and_syntax_errors_have_places() {
        let problems = run("a = A\n    .title = T\nb = {\n", "a = A\n");
        let codes: Vec<_> = problems.iter().map(|p| (p.code, p.at.line)).collect();
        assert!(codes.contains(&(Code::FluentMissing, 2)), "{codes:?}");
        assert!(
            codes.iter().any(|(c, _)| *c == Code::FluentSyntax),
            "{codes:?}"
        );
    }

    #[test]
    fn template_ids_are_found() {
        assert_eq!(
            template_ids(r#"{{t "home"}} {{#if x}}{{t "next" n=1}}{{/if}} (t "a") at "b""#),
            ["home", "next", "a"]
        );
    }
}
