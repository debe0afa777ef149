//! Is the Welsh a translation of the English? Two things a machine can tell:
//! a text copied unchanged from one language to the other, and Markdown whose
//! structure differs between the two, so that one reader gets a link, a list
//! item, a table row or a heading that the other does not.
//!
//! Cross-references (`principle:ID` …) must match exactly. Other links are
//! matched by kind and count only: a Welsh text may rightly link to the Welsh
//! edition of a web page, at another address.

use std::collections::HashMap;

use comrak::Arena;
use comrak::nodes::{AstNode, NodeValue};

use super::markdown::{parse, start};
use super::place::Sources;
use super::words::{Words, normalise};
use crate::lang::{Lang, Loc, Text};
use crate::markdown::cross_reference;
use crate::problem::{Code, Problem};
use crate::validate::is_markdown;

/// A text of fewer words than this may rightly be the same in both languages
/// (a name, "PDF", a date); from this many on, sameness means a copy.
pub(crate) const MIN_COPY_WORDS: usize = 4;

/// Runs both checks on every text.
pub(super) fn check(
    texts: &[Text],
    words: &Words,
    sources: &mut Sources,
    problems: &mut Vec<Problem>,
) {
    for text in texts {
        if let Some(problem) = untranslated(text, words) {
            problems.push(problem);
        }
        if is_markdown(&text.key) {
            parity(text, sources, problems);
        }
    }
}

/// True if `cy` and `en` are the same text of at least [`MIN_COPY_WORDS`]
/// words and not on the project's list of allowed identical texts.
pub(crate) fn is_copy(cy: &str, en: &str, words: &Words) -> bool {
    let cy = normalise(cy);
    cy == normalise(en)
        && cy
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= MIN_COPY_WORDS
        && !words.identical.contains(&cy)
}

fn untranslated(text: &Text, words: &Words) -> Option<Problem> {
    is_copy(&text.cy, &text.en, words).then(|| {
        Problem::error(Code::Untranslated, text.cy_at.clone())
            .arg("field", &text.key)
            .also(text.en_at.clone())
    })
}

/// A block that holds inline text, and the links in it.
struct Container {
    line: u32,
    col: u32,
    links: Vec<Link>,
}

struct Link {
    /// What must match across languages (see the module's doc).
    key: String,
    url: String,
    line: u32,
    col: u32,
}

/// The structure of one language of a Markdown text.
#[derive(Default)]
struct Shape {
    containers: Vec<Container>,
    /// Item count and place of each list, in document order.
    lists: Vec<(usize, u32, u32)>,
    /// Rows, columns and place of each table.
    tables: Vec<(usize, usize, u32, u32)>,
    /// Level and place of each heading.
    headings: Vec<(u8, u32, u32)>,
}

fn link_key(url: &str) -> String {
    if cross_reference(url).is_some() {
        return url.to_string();
    }
    let lower = url.to_ascii_lowercase();
    if url.starts_with('#') {
        "#".into()
    } else if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        lower
    } else if lower.starts_with("http:") || lower.starts_with("https:") {
        "web".into()
    } else {
        "other".into()
    }
}

fn is_container(node: &AstNode<'_>) -> bool {
    matches!(
        node.data().value,
        NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell
    )
}

fn shape(md: &str) -> Shape {
    let arena = Arena::new();
    let root = parse(&arena, md);
    let mut shape = Shape::default();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for node in root.descendants() {
        let (line, col) = start(node);
        let id = std::ptr::from_ref(node) as usize;
        match &node.data().value {
            NodeValue::List(_) => shape.lists.push((node.children().count(), line, col)),
            NodeValue::Table(table) => {
                let rows = node.children().count();
                shape.tables.push((rows, table.num_columns, line, col));
            }
            NodeValue::Heading(h) => shape.headings.push((h.level, line, col)),
            NodeValue::Link(link) | NodeValue::Image(link) => {
                let holder = node.ancestors().find(|a| is_container(a));
                if let Some(holder) =
                    holder.and_then(|h| index.get(&(std::ptr::from_ref(h) as usize)))
                {
                    shape.containers[*holder].links.push(Link {
                        key: link_key(&link.url),
                        url: link.url.clone(),
                        line,
                        col,
                    });
                }
            }
            _ => {}
        }
        if is_container(node) {
            index.insert(id, shape.containers.len());
            shape.containers.push(Container {
                line,
                col,
                links: Vec::new(),
            });
        }
    }
    shape
}

fn parity(text: &Text, sources: &mut Sources, problems: &mut Vec<Problem>) {
    let shapes = [shape(&text.cy), shape(&text.en)];
    links(text, &shapes, sources, problems);
    lists(text, &shapes, sources, problems);
    tables(text, &shapes, sources, problems);
    headings(text, &shapes, sources, problems);
}

/// Links present in `has` and missing from `lacks`, by key, each with the
/// last unmatched occurrence.
fn extra<'a>(has: &[&'a Link], lacks: &[&Link]) -> Vec<&'a Link> {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for link in lacks {
        *counts.entry(link.key.as_str()).or_default() += 1;
    }
    let mut found = Vec::new();
    for link in has {
        let count = counts.entry(link.key.as_str()).or_default();
        if *count > 0 {
            *count -= 1;
        } else {
            found.push(*link);
        }
    }
    found
}

fn links(text: &Text, shapes: &[Shape; 2], sources: &mut Sources, problems: &mut Vec<Problem>) {
    let [cy, en] = shapes;
    // Paired paragraph by paragraph where the two have the same blocks, so a
    // lost link is reported at the paragraph that lost it; otherwise over the
    // whole text.
    let pairs: Vec<[(Vec<&Link>, u32, u32); 2]> = if cy.containers.len() == en.containers.len() {
        cy.containers
            .iter()
            .zip(&en.containers)
            .map(|(c, e)| {
                [
                    (c.links.iter().collect(), c.line, c.col),
                    (e.links.iter().collect(), e.line, e.col),
                ]
            })
            .collect()
    } else {
        vec![[(all_links(cy), 1, 1), (all_links(en), 1, 1)]]
    };
    for pair in &pairs {
        for (has, lacks) in [(0, 1), (1, 0)] {
            for link in extra(&pair[has].0, &pair[lacks].0) {
                let (has_lang, lacks_lang) = (Lang::ALL[has], Lang::ALL[lacks]);
                let at = sources.place(text.at(lacks_lang), pair[lacks].1, pair[lacks].2);
                let also = sources.place(text.at(has_lang), link.line, link.col);
                problems.push(
                    Problem::error(Code::LinkMismatch, at)
                        .arg("field", &text.key)
                        .arg("url", &link.url)
                        .arg("has", has_lang)
                        .arg("lacks", lacks_lang)
                        .also(also),
                );
            }
        }
    }
}

fn all_links(shape: &Shape) -> Vec<&Link> {
    shape.containers.iter().flat_map(|c| &c.links).collect()
}

/// The place of the `i`th of `items` in the `lang` side, or the text's start.
fn place_nth<T>(
    text: &Text,
    lang: Lang,
    items: &[T],
    i: usize,
    pos: impl Fn(&T) -> (u32, u32),
    sources: &mut Sources,
) -> Loc {
    let (line, col) = items.get(i).map_or((1, 1), pos);
    sources.place(text.at(lang), line, col)
}

fn lists(text: &Text, shapes: &[Shape; 2], sources: &mut Sources, problems: &mut Vec<Problem>) {
    let [cy, en] = shapes;
    let count = |s: &Shape, i: usize| s.lists.get(i).map_or(0, |l| l.0);
    let first = (0..cy.lists.len().max(en.lists.len())).find(|&i| count(cy, i) != count(en, i));
    if let Some(i) = first {
        let at = place_nth(text, Lang::Cy, &cy.lists, i, |l| (l.1, l.2), sources);
        let also = place_nth(text, Lang::En, &en.lists, i, |l| (l.1, l.2), sources);
        problems.push(
            Problem::error(Code::ListMismatch, at)
                .arg("field", &text.key)
                .arg("cy", count(cy, i))
                .arg("en", count(en, i))
                .also(also),
        );
    }
}

fn tables(text: &Text, shapes: &[Shape; 2], sources: &mut Sources, problems: &mut Vec<Problem>) {
    let [cy, en] = shapes;
    let dims = |s: &Shape, i: usize| s.tables.get(i).map_or((0, 0), |t| (t.0, t.1));
    let first = (0..cy.tables.len().max(en.tables.len())).find(|&i| dims(cy, i) != dims(en, i));
    if let Some(i) = first {
        let at = place_nth(text, Lang::Cy, &cy.tables, i, |t| (t.2, t.3), sources);
        let also = place_nth(text, Lang::En, &en.tables, i, |t| (t.2, t.3), sources);
        let show = |(rows, cols): (usize, usize)| format!("{rows} × {cols}");
        problems.push(
            Problem::error(Code::TableMismatch, at)
                .arg("field", &text.key)
                .arg("cy", show(dims(cy, i)))
                .arg("en", show(dims(en, i)))
                .also(also),
        );
    }
}

fn headings(text: &Text, shapes: &[Shape; 2], sources: &mut Sources, problems: &mut Vec<Problem>) {
    let [cy, en] = shapes;
    let level = |s: &Shape, i: usize| s.headings.get(i).map(|h| h.0);
    let first =
        (0..cy.headings.len().max(en.headings.len())).find(|&i| level(cy, i) != level(en, i));
    if let Some(i) = first {
        let at = place_nth(text, Lang::Cy, &cy.headings, i, |h| (h.1, h.2), sources);
        let also = place_nth(text, Lang::En, &en.headings, i, |h| (h.1, h.2), sources);
        let show = |s: &Shape| {
            if s.headings.is_empty() {
                "–".to_string()
            } else {
                s.headings
                    .iter()
                    .map(|h| format!("h{}", h.0))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        problems.push(
            Problem::error(Code::HeadingMismatch, at)
                .arg("field", &text.key)
                .arg("cy", show(cy))
                .arg("en", show(en))
                .also(also),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_needs_four_words_and_no_allowance() {
        let mut words = Words::default();
        assert!(!is_copy("Mr Jones", "Mr Jones", &words));
        assert!(is_copy(
            "Signs of Safety model",
            "Signs of  Safety\nmodel",
            &words
        ));
        words.identical.insert("Signs of Safety model".into());
        assert!(!is_copy(
            "Signs of Safety model",
            "Signs of Safety model",
            &words
        ));
    }

    #[test]
    fn links_are_keyed_by_what_must_match() {
        assert_eq!(link_key("principle:own-words"), "principle:own-words");
        assert_eq!(
            link_key("https://llyw.cymru"),
            link_key("https://gov.wales")
        );
        assert_eq!(link_key("#adran"), link_key("#section"));
    }

    #[test]
    fn shape_counts_lists_tables_headings_and_links() {
        let s = shape("## A\n\n- a\n- b [x](page:y)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(s.lists.iter().map(|l| l.0).collect::<Vec<_>>(), [2]);
        assert_eq!((s.tables[0].0, s.tables[0].1), (2, 2));
        assert_eq!(s.headings[0].0, 2);
        let links: Vec<_> = s.containers.iter().flat_map(|c| &c.links).collect();
        assert_eq!((links[0].url.as_str(), links[0].line), ("page:y", 4));
    }
}
