//! Fluent files read for their patterns' places, and patterns written back
//! in place.
//!
//! `fluent-syntax` gives the meaning of a file but not where each pattern
//! stands, so the entries are found line by line here (a Fluent entry starts
//! at the beginning of a line; what belongs to it is indented), and every
//! edit is checked against `fluent-syntax`: the edited file must parse to the
//! same entries as before, but for the patterns that were meant to change.

use fluent_syntax::ast;

/// One message or term: its id (`-term` for a term), its patterns, and the
/// comment written just above it.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// `message` or `-term`.
    pub(crate) id: String,
    /// The `#` comment directly above, without the `# `.
    pub(crate) comment: Option<String>,
    /// The value; `None` for a message of attributes only.
    pub(crate) value: Option<Pattern>,
    /// The attributes by name.
    pub(crate) attributes: Vec<(String, Pattern)>,
    /// The byte just after the `=` of its first line.
    after_eq: usize,
    /// The end of its last line (before the line break).
    end: usize,
}

/// One pattern: where it stands and its source text.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    /// Its bytes, from just after the `=` to the end of its last line.
    span: (usize, usize),
    /// Its Fluent source, continuation lines unindented by their common
    /// indentation.
    pub(crate) text: String,
    /// That common indentation.
    indent: usize,
    /// True if its first line follows the `=`.
    inline: bool,
}

impl Entry {
    /// The pattern for `attr` (the value for `None`).
    pub(crate) fn pattern(&self, attr: Option<&str>) -> Option<&Pattern> {
        match attr {
            None => self.value.as_ref(),
            Some(a) => self.attributes.iter().find(|(n, _)| n == a).map(|(_, p)| p),
        }
    }
}

/// `[a-zA-Z][a-zA-Z0-9_-]*` at the start of `s`: its length.
fn identifier(s: &str) -> usize {
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    b.iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
        .count()
}

/// If `line` (less its indentation) is `NAME =`…, the name and the byte just
/// after the `=` (relative to `line`).
fn definition(line: &str, term: bool) -> Option<(String, usize)> {
    let (prefix, rest) = if term {
        ("-", line.strip_prefix('-')?)
    } else {
        ("", line)
    };
    let n = identifier(rest);
    if n == 0 {
        return None;
    }
    let after = rest[n..].trim_start_matches([' ', '\t']);
    let after_eq = after.strip_prefix('=')?;
    Some((
        format!("{prefix}{}", &rest[..n]),
        line.len() - after_eq.len(),
    ))
}

/// The lines of `source`: start, end (before `\r\n` or `\n`), text.
fn lines(source: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in source.split_inclusive('\n') {
        let text = piece.trim_end_matches('\n').trim_end_matches('\r');
        out.push((start, start + text.len(), text));
        start += piece.len();
    }
    out
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A pattern from its first line's text after `=` and its continuation lines.
fn pattern(first: (usize, &str), rest: &[(usize, usize, &str)]) -> Option<Pattern> {
    let (after_eq, inline_text) = first;
    let inline = inline_text.trim();
    let last = rest.iter().rposition(|(_, _, l)| !l.trim().is_empty());
    let rest = &rest[..last.map_or(0, |i| i + 1)];
    if inline.is_empty() && rest.is_empty() {
        return None;
    }
    let indent = rest
        .iter()
        .filter(|(_, _, l)| !l.trim().is_empty())
        .map(|(_, _, l)| indentation(l))
        .min()
        .unwrap_or(0);
    let mut parts: Vec<String> = Vec::new();
    if !inline.is_empty() {
        parts.push(inline.to_string());
    }
    for (_, _, l) in rest {
        parts.push(l.get(indent..).unwrap_or("").trim_end().to_string());
    }
    let end = rest
        .last()
        .map_or(after_eq + inline_text.trim_end().len(), |(_, e, _)| *e);
    Some(Pattern {
        span: (after_eq, end),
        text: parts.join("\n"),
        indent,
        inline: !inline.is_empty(),
    })
}

/// The messages and terms of a Fluent file, with their places.
pub(crate) fn entries(source: &str) -> Vec<Entry> {
    let lines = lines(source);
    let mut out = Vec::new();
    let mut comment: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (start, _, text) = lines[i];
        if let Some(c) = text.strip_prefix('#') {
            if c.is_empty() || c.starts_with(' ') {
                comment.push(c.strip_prefix(' ').unwrap_or(c));
            } else {
                comment.clear();
            }
            i += 1;
            continue;
        }
        let Some((id, after_eq)) = definition(text, text.starts_with('-')) else {
            comment.clear();
            i += 1;
            continue;
        };
        // The entry runs over the indented and blank lines after it, to the
        // last indented one.
        let mut last = i;
        let mut j = i + 1;
        while j < lines.len() {
            let l = lines[j].2;
            if l.trim().is_empty() {
                j += 1;
                continue;
            }
            // A selector's closing brace may stand at the start of a line.
            if l.starts_with(' ') || l.starts_with('}') {
                last = j;
                j += 1;
            } else {
                break;
            }
        }
        let body = &lines[i + 1..=last];
        // Attributes start at indented lines `.name =`.
        let starts: Vec<usize> = body
            .iter()
            .enumerate()
            .filter(|(_, (_, _, l))| {
                l.trim_start()
                    .strip_prefix('.')
                    .is_some_and(|a| definition(a, false).is_some())
            })
            .map(|(k, _)| k)
            .collect();
        let value_lines = &body[..starts.first().copied().unwrap_or(body.len())];
        let value = pattern((start + after_eq, &text[after_eq..]), value_lines);
        let mut attributes = Vec::new();
        for (n, &k) in starts.iter().enumerate() {
            let (line_start, _, l) = body[k];
            let indent = indentation(l);
            let Some((name, eq)) = definition(&l[indent + 1..], false) else {
                continue;
            };
            let eq = indent + 1 + eq;
            let until = starts.get(n + 1).copied().unwrap_or(body.len());
            if let Some(p) = pattern((line_start + eq, &l[eq..]), &body[k + 1..until]) {
                attributes.push((name, p));
            }
        }
        out.push(Entry {
            id,
            comment: (!comment.is_empty()).then(|| comment.join("\n")),
            value,
            attributes,
            after_eq: start + after_eq,
            end: lines[last].1,
        });
        comment.clear();
        i = last + 1;
    }
    out
}

/// One pattern to write: the entry's id, the attribute (`None` for the
/// value), the new Fluent source text.
#[derive(Clone, Debug)]
pub(crate) struct Edit {
    /// `message` or `-term`.
    pub(crate) id: String,
    /// The attribute, or `None` for the value.
    pub(crate) attr: Option<String>,
    /// The pattern's Fluent source, as a translator wrote it.
    pub(crate) text: String,
}

/// `text` as a pattern after `=`: its first line after a space and the
/// others indented by `indent`, or every line on its own, indented.
fn layout(text: &str, indent: usize, inline: bool, newline: &str) -> String {
    let pad = " ".repeat(indent);
    let mut lines = text.split('\n');
    let mut out = String::new();
    let first = lines.next().unwrap_or_default();
    if inline {
        out.push(' ');
        out.push_str(first);
    } else {
        out.push_str(newline);
        out.push_str(&pad);
        out.push_str(first);
    }
    for line in lines {
        out.push_str(newline);
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out
}

/// Why a translator's text is not a Fluent pattern, if it is not one.
pub(crate) fn check_pattern(text: &str) -> Result<(), String> {
    let source = format!("x ={}\n", layout(text, 4, false, "\n"));
    match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r)
            if r.body.len() == 1
                && matches!(&r.body[0], ast::Entry::Message(m) if m.value.is_some() && m.attributes.is_empty()) =>
        {
            Ok(())
        }
        Ok(_) => Err("the text does not stand alone as one string".into()),
        Err((_, errors)) => Err(errors
            .first()
            .map(|e| e.kind.to_string())
            .unwrap_or_default()),
    }
}

/// The pattern `text` means, parsed.
fn meaning(text: &str) -> String {
    format!("x ={}\n", layout(text, 4, false, "\n"))
}

/// The variables (`$name`) a translator's pattern uses.
pub(crate) fn variables(text: &str) -> std::collections::BTreeSet<String> {
    fn pattern(p: &ast::Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, out);
            }
        }
    }
    fn expression_vars(e: &ast::Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
        }
    }
    fn inline(i: &ast::InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
                for a in &arguments.named {
                    inline(&a.value, out);
                }
            }
            ast::InlineExpression::TermReference { arguments, .. } => {
                for a in arguments.iter().flat_map(|a| a.named.iter()) {
                    inline(&a.value, out);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    let source = meaning(text);
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = std::collections::BTreeSet::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry
            && let Some(value) = &m.value
        {
            pattern(value, &mut out);
        }
    }
    out
}

/// A message to add: its id, value and attributes.
type Appended = (String, Option<String>, Vec<(String, String)>);

/// Writes `edits` into `source`, adding the messages and attributes it does
/// not have; the new text, or why it cannot be done safely.
pub(crate) fn apply(source: &str, edits: &[Edit]) -> Result<String, String> {
    let newline = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let found = entries(source);
    for styled in [true, false] {
        let mut replacements: Vec<(usize, usize, String)> = Vec::new();
        let mut appended: Vec<Appended> = Vec::new();
        for edit in edits {
            let entry = found.iter().find(|e| e.id == edit.id);
            match (entry, entry.and_then(|e| e.pattern(edit.attr.as_deref()))) {
                (Some(_), Some(p)) => {
                    let (indent, inline) = if styled {
                        (
                            if p.indent > 0 || !edit.text.contains('\n') {
                                p.indent.max(4)
                            } else {
                                0
                            },
                            p.inline || !edit.text.contains('\n'),
                        )
                    } else {
                        (if edit.attr.is_some() { 8 } else { 4 }, false)
                    };
                    replacements.push((
                        p.span.0,
                        p.span.1,
                        layout(&edit.text, indent, inline, newline),
                    ));
                }
                (Some(e), None) => match &edit.attr {
                    // A value for a message of attributes only.
                    None => {
                        let line_end = source[e.after_eq..]
                            .find(['\n', '\r'])
                            .map_or(source.len(), |n| e.after_eq + n);
                        replacements.push((
                            e.after_eq,
                            line_end,
                            layout(&edit.text, 4, !edit.text.contains('\n') && styled, newline),
                        ));
                    }
                    Some(a) => replacements.push((
                        e.end,
                        e.end,
                        format!(
                            "{newline}    .{a} ={}",
                            layout(&edit.text, 8, !edit.text.contains('\n') && styled, newline)
                        ),
                    )),
                },
                (None, _) => {
                    let slot = match appended.iter_mut().find(|(id, _, _)| *id == edit.id) {
                        Some(slot) => slot,
                        None => {
                            appended.push((edit.id.clone(), None, Vec::new()));
                            appended.last_mut().expect("just pushed")
                        }
                    };
                    match &edit.attr {
                        None => slot.1 = Some(edit.text.clone()),
                        Some(a) => slot.2.push((a.clone(), edit.text.clone())),
                    }
                }
            }
        }
        let mut out = super::edit::replace(source, replacements)?;
        for (id, value, attributes) in &appended {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(newline);
            }
            out.push_str(id);
            out.push_str(" =");
            if let Some(v) = value {
                out.push_str(&layout(v, 4, !v.contains('\n') && styled, newline));
            }
            for (a, v) in attributes {
                out.push_str(newline);
                out.push_str(&format!(
                    "    .{a} ={}",
                    layout(v, 8, !v.contains('\n') && styled, newline)
                ));
            }
            out.push_str(newline);
        }
        if verify(source, &out, edits)? {
            return Ok(out);
        }
    }
    Err("the new text did not read back as written".into())
}

/// True if `edited` means what `source` meant with `edits` made.
fn verify(source: &str, edited: &str, edits: &[Edit]) -> Result<bool, String> {
    fn parse(s: &str) -> ast::Resource<&str> {
        match fluent_syntax::parser::parse(s) {
            Ok(r) => r,
            Err((r, _)) => r,
        }
    }
    fn intended<'a>(
        edits: &[Edit],
        parsed: &[ast::Resource<&'a str>],
        id: &str,
        attr: Option<&str>,
    ) -> Option<ast::Pattern<&'a str>> {
        edits
            .iter()
            .zip(parsed)
            .rev()
            .find(|(e, _)| e.id == id && e.attr.as_deref() == attr)
            .and_then(|(_, r)| match r.body.first() {
                Some(ast::Entry::Message(m)) => m.value.clone(),
                _ => None,
            })
    }
    fn set<'a>(
        edits: &[Edit],
        parsed: &[ast::Resource<&'a str>],
        id: &str,
        value: &mut Option<ast::Pattern<&'a str>>,
        attributes: &mut Vec<ast::Attribute<&'a str>>,
    ) -> Result<(), String> {
        if let Some(p) = intended(edits, parsed, id, None) {
            *value = Some(p);
        }
        for e in edits.iter().filter(|e| e.id == id) {
            if let Some(a) = &e.attr {
                let p = intended(edits, parsed, id, Some(a)).ok_or("not a Fluent pattern")?;
                match attributes.iter_mut().find(|x| x.id.name == a.as_str()) {
                    Some(x) => x.value = p,
                    None => attributes.push(ast::Attribute {
                        id: ast::Identifier { name: "" },
                        value: p,
                    }),
                }
            }
        }
        Ok(())
    }
    let meanings: Vec<String> = edits.iter().map(|e| meaning(&e.text)).collect();
    let parsed: Vec<ast::Resource<&str>> = meanings.iter().map(|m| parse(m)).collect();
    let before = parse(source);
    let after = parse(edited);
    let mut expected = before.body.clone();
    for entry in &mut expected {
        match entry {
            ast::Entry::Message(m) => {
                let id = m.id.name;
                set(edits, &parsed, id, &mut m.value, &mut m.attributes)?;
            }
            ast::Entry::Term(t) => {
                let id = format!("-{}", t.id.name);
                let mut value = Some(t.value.clone());
                set(edits, &parsed, &id, &mut value, &mut t.attributes)?;
                if let Some(v) = value {
                    t.value = v;
                }
            }
            _ => {}
        }
    }
    // Names of attributes added above are compared by position, not name:
    // the parsed file must agree on everything else.
    let strip = |body: &[ast::Entry<&str>]| -> Vec<String> {
        body.iter()
            .map(|e| match e {
                ast::Entry::Message(m) => format!(
                    "{}={:?}|{:?}|{:?}",
                    m.id.name,
                    m.value,
                    m.attributes.iter().map(|a| &a.value).collect::<Vec<_>>(),
                    m.comment
                ),
                ast::Entry::Term(t) => format!(
                    "-{}={:?}|{:?}|{:?}",
                    t.id.name,
                    t.value,
                    t.attributes.iter().map(|a| &a.value).collect::<Vec<_>>(),
                    t.comment
                ),
                other => format!("{other:?}"),
            })
            .collect()
    };
    let expected_entries = strip(&expected);
    let after_entries = strip(&after.body);
    let n = expected_entries.len();
    if after_entries.len() < n || after_entries[..n] != expected_entries[..] {
        return Ok(false);
    }
    // Messages added at the end: each must carry its intended patterns.
    for extra in &after.body[n..] {
        let ast::Entry::Message(m) = extra else {
            return Ok(false);
        };
        if m.value != intended(edits, &parsed, m.id.name, None) {
            return Ok(false);
        }
        for a in &m.attributes {
            if Some(&a.value) != intended(edits, &parsed, m.id.name, Some(a.id.name)).as_ref() {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FTL: &str = "# Site strings.\n\n## Group\n\n# The footer.\nsite-footer = Published by { $organisation }.\nlong =\n    first line\n    second line\n    .title = A title\ncount = { $n ->\n    [one] one\n   *[other] { $n } things\n}\n-brand = Canllaw\n";

    #[test]
    fn finds_patterns_and_comments() {
        let found = entries(FTL);
        let ids: Vec<&str> = found.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["site-footer", "long", "count", "-brand"]);
        assert_eq!(found[0].comment.as_deref(), Some("The footer."));
        assert_eq!(
            found[1].value.as_ref().unwrap().text,
            "first line\nsecond line"
        );
        assert_eq!(found[1].pattern(Some("title")).unwrap().text, "A title");
        assert_eq!(
            found[2].value.as_ref().unwrap().text,
            "{ $n ->\n    [one] one\n   *[other] { $n } things\n}"
        );
    }

    #[test]
    fn edits_change_only_their_patterns() {
        let edit = |id: &str, attr: Option<&str>, text: &str| Edit {
            id: id.into(),
            attr: attr.map(String::from),
            text: text.into(),
        };
        let out = apply(
            FTL,
            &[
                edit("site-footer", None, "Cyhoeddwyd gan { $organisation }."),
                edit("long", None, "llinell gyntaf\nail linell"),
                edit("long", Some("title"), "Teitl"),
                edit(
                    "count",
                    None,
                    "{ $n ->\n    [zero] dim\n    [one] un\n   *[other] { $n } peth\n}",
                ),
                edit("new-one", None, "Newydd"),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "# Site strings.\n\n## Group\n\n# The footer.\nsite-footer = Cyhoeddwyd gan { $organisation }.\nlong =\n    llinell gyntaf\n    ail linell\n    .title = Teitl\ncount = { $n ->\n    [zero] dim\n    [one] un\n   *[other] { $n } peth\n}\n-brand = Canllaw\nnew-one = Newydd\n"
        );
    }

    #[test]
    fn broken_fluent_is_told() {
        assert!(check_pattern("Published by { $organisation").is_err());
        assert!(check_pattern("{ $n ->\n  [one] x\n}").is_err());
        assert!(check_pattern("Fine { $x } text").is_ok());
    }
}
