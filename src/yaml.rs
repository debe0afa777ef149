//! A YAML document as a tree that remembers where every node was written.
//!
//! canllaw reads YAML through `saphyr-parser`'s event stream rather than
//! through serde: serde stops at the first error in a file, while a pack author
//! wants every problem at once, each with its line. Aliases are shared, not
//! copied, and their expanded size is counted as the tree is built, so an
//! alias bomb is refused in microseconds instead of filling memory.

use std::collections::HashMap;
use std::rc::Rc;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// The largest number of nodes a document may expand to through aliases.
pub const MAX_EXPANDED_NODES: u64 = 100_000;
/// The deepest nesting of collections canllaw reads.
pub const MAX_DEPTH: usize = 64;

/// A node of the tree and where it starts (1-based line and column).
#[derive(Debug)]
pub struct Node {
    /// What the node holds.
    pub value: Value,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

/// What a node holds.
#[derive(Debug)]
pub enum Value {
    /// A scalar, with whether it was written plain (unquoted, not a block),
    /// which decides whether `12` is a number and `~` is null.
    Scalar {
        /// The text.
        text: String,
        /// Plain style.
        plain: bool,
        /// A literal (`|`) or folded (`>`) block.
        block: bool,
    },
    /// A sequence.
    Seq(Vec<Rc<Node>>),
    /// A mapping, in the order written.
    Map(Vec<(Rc<Node>, Rc<Node>)>),
}

impl Node {
    /// The scalar's text, if this is a scalar.
    pub fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// True for an empty plain scalar, `~` or `null`.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true, .. }
            if text.is_empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// A word for the node's type, for messages ("text", "list", "mapping").
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            _ if self.is_null() => "nothing",
            Value::Scalar { .. } => "text",
            Value::Seq(_) => "list",
            Value::Map(_) => "mapping",
        }
    }
}

/// Why a document could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Bad syntax: the parser's description.
    Syntax {
        /// The parser's words.
        info: String,
        /// 1-based line.
        line: u32,
        /// 1-based column.
        col: u32,
    },
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep {
        /// 1-based line.
        line: u32,
        /// 1-based column.
        col: u32,
    },
    /// Aliases expand beyond [`MAX_EXPANDED_NODES`].
    AliasBomb {
        /// 1-based line.
        line: u32,
        /// 1-based column.
        col: u32,
    },
    /// An alias to an anchor that was not set.
    UnknownAlias {
        /// 1-based line.
        line: u32,
        /// 1-based column.
        col: u32,
    },
    /// A tab used to indent: YAML indents with spaces only, and the parser's
    /// own complaint often names a later line.
    Tab {
        /// 1-based line.
        line: u32,
        /// 1-based column.
        col: u32,
    },
    /// More than one document in the file.
    ManyDocuments {
        /// 1-based line.
        line: u32,
        /// 1-based column.
        col: u32,
    },
}

fn position(span: &Span) -> (u32, u32) {
    let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX);
    let col = u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX);
    (line, col)
}

enum Open {
    Seq(Vec<Rc<Node>>, u32, u32, usize, u64),
    Map(Vec<Rc<Node>>, u32, u32, usize, u64),
}

/// Parses one YAML document. An empty file gives `None`.
pub fn parse(source: &str) -> Result<Option<Rc<Node>>, Error> {
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, (Rc<Node>, u64)> = HashMap::new();
    let mut root: Option<Rc<Node>> = None;
    let mut total: u64 = 0;
    let mut documents = 0;

    for event in Parser::new_from_str(source) {
        let (event, span) = event.map_err(|e| {
            let (line, col) = within(
                source,
                u32::try_from(e.marker().line()).unwrap_or(u32::MAX),
                u32::try_from(e.marker().col() + 1).unwrap_or(u32::MAX),
            );
            if e.info().contains("recursion limit") {
                // The parser's own guard, met in flow collections before
                // ours is: the same problem for the author.
                return Error::TooDeep { line, col };
            }
            indenting_tab(source, line).unwrap_or(Error::Syntax {
                info: e.info().to_string(),
                line,
                col,
            })
        })?;
        let (line, col) = position(&span);
        let (node, size, anchor) = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(Error::ManyDocuments { line, col });
                }
                continue;
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
            Event::SequenceStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Error::TooDeep { line, col });
                }
                stack.push(Open::Seq(Vec::new(), line, col, anchor, 1));
                continue;
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Error::TooDeep { line, col });
                }
                stack.push(Open::Map(Vec::new(), line, col, anchor, 1));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq(items, line, col, anchor, size)) => (
                    Rc::new(Node {
                        value: Value::Seq(items),
                        line,
                        col,
                    }),
                    size,
                    anchor,
                ),
                Some(Open::Map(items, line, col, anchor, size)) => {
                    let mut pairs = Vec::with_capacity(items.len() / 2);
                    let mut items = items.into_iter();
                    while let (Some(k), Some(v)) = (items.next(), items.next()) {
                        pairs.push((k, v));
                    }
                    (
                        Rc::new(Node {
                            value: Value::Map(pairs),
                            line,
                            col,
                        }),
                        size,
                        anchor,
                    )
                }
                None => continue,
            },
            Event::Scalar(text, style, anchor, _) => (
                Rc::new(Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                        block: matches!(style, ScalarStyle::Literal | ScalarStyle::Folded),
                    },
                    line,
                    col,
                }),
                1,
                anchor,
            ),
            Event::Alias(id) => {
                let (node, size) = anchors
                    .get(&id)
                    .cloned()
                    .ok_or(Error::UnknownAlias { line, col })?;
                (node, size, 0)
            }
        };
        total = total.saturating_add(size);
        if total > MAX_EXPANDED_NODES {
            return Err(Error::AliasBomb { line, col });
        }
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), size));
        }
        match stack.last_mut() {
            Some(Open::Seq(items, _, _, _, parent) | Open::Map(items, _, _, _, parent)) => {
                *parent = parent.saturating_add(size);
                items.push(node);
            }
            None => root = Some(node),
        }
    }
    Ok(root)
}

/// `line` and `col` moved back into `source`: the parser places a problem
/// at the end of the stream on a line after the last when the file does not
/// end with a line break, where no editor can go.
fn within(source: &str, line: u32, col: u32) -> (u32, u32) {
    let breaks = source.replace("\r\n", "\n");
    let last = breaks.split(['\n', '\r']).count();
    let last = u32::try_from(last).unwrap_or(u32::MAX);
    if line <= last {
        return (line, col);
    }
    let tail = breaks.rsplit(['\n', '\r']).next().unwrap_or_default();
    let col = u32::try_from(tail.chars().count() + 1).unwrap_or(u32::MAX);
    (last, col)
}

/// The first tab that indents a line, up to the line after `error`, where
/// the parser gave up (it may stop at the end of the line before the tab):
/// a line that starts with a tab, or those two lines when a tab stands
/// among their leading spaces. (A tab after spaces on an earlier line may
/// be the content of a block scalar, which is allowed.)
fn indenting_tab(source: &str, error: u32) -> Option<Error> {
    for (i, text) in source.lines().enumerate() {
        let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if line > error.saturating_add(1) {
            break;
        }
        let indent = &text[..text.len() - text.trim_start_matches([' ', '\t']).len()];
        if let Some(at) = indent.find('\t')
            && (at == 0 || line >= error)
        {
            let col = u32::try_from(at + 1).unwrap_or(u32::MAX);
            return Some(Error::Tab { line, col });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        let root = parse("title:\n  cy: Helo\n  en: Hello\n").unwrap().unwrap();
        let Value::Map(pairs) = &root.value else {
            panic!("not a map")
        };
        let (_, title) = &pairs[0];
        let Value::Map(inner) = &title.value else {
            panic!("not a map")
        };
        assert_eq!((inner[0].0.line, inner[0].0.col), (2, 3));
        assert_eq!(inner[1].1.scalar(), Some("Hello"));
    }

    #[test]
    fn an_alias_bomb_is_refused() {
        let mut doc = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='j' {
            doc.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = name;
        }
        assert!(matches!(parse(&doc), Err(Error::AliasBomb { .. })));
    }

    #[test]
    fn small_aliases_are_shared() {
        let root = parse("a: &x {cy: Helo, en: Hello}\nb: *x\n")
            .unwrap()
            .unwrap();
        let Value::Map(pairs) = &root.value else {
            panic!("not a map")
        };
        assert!(Rc::ptr_eq(&pairs[0].1, &pairs[1].1));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let doc = "[".repeat(200) + &"]".repeat(200);
        assert!(matches!(parse(&doc), Err(Error::TooDeep { .. })));
    }

    #[test]
    fn a_tab_that_indents_is_named_where_it_is() {
        let err = parse("\ttitle: {cy: a, en: b}\nbody: {cy: a, en: b}\n").unwrap_err();
        assert_eq!(err, Error::Tab { line: 1, col: 1 });
        let err = parse("title:\n  cy: a\n \ten: b\n").unwrap_err();
        assert!(matches!(err, Error::Tab { line: 3, col: 2 }), "{err:?}");
        // A tab inside a block scalar's text is text.
        assert!(parse("body:\n  cy: |\n    a\tb\n  en: b\n").is_ok());
    }

    #[test]
    fn flow_nesting_beyond_the_parser_is_too_deep() {
        let doc = "a: ".to_string() + &"[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(parse(&doc), Err(Error::TooDeep { .. })));
    }

    #[test]
    fn a_problem_at_the_end_of_a_file_is_on_its_last_line() {
        // Found by fuzzing: a plain scalar over several lines, and a flow
        // list cut short by the end of a file without a final line break.
        let doc = "title:\n  cy: Gweler [hwn](example:a).\n\n    - Gwrando\n  en: |\n    See.\nexamples: [walking-to-the-shoGwe";
        let err = parse(doc).unwrap_err();
        assert!(
            matches!(err, Error::Syntax { line: 7, .. }),
            "{err:?}: past the last line"
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = parse("title:\n  cy: [unclosed\n").unwrap_err();
        assert!(matches!(err, Error::Syntax { line, .. } if line >= 2));
    }
}
