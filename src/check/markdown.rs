//! Markdown as the checks read it: the same CommonMark dialect the site
//! renders, parsed without typographic substitutions (so apostrophes stay as
//! written) and with positions counted in characters.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, parse_document};

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = false;
    options.parse.smart = false;
    options.parse.sourcepos_chars = true;
    options
}

/// Parses `md` into `arena`.
pub(crate) fn parse<'a>(arena: &'a Arena<'a>, md: &str) -> &'a AstNode<'a> {
    parse_document(arena, md, &options())
}

/// The 1-based line and column where `node` starts.
pub(crate) fn start(node: &AstNode<'_>) -> (u32, u32) {
    let pos = node.data().sourcepos.start;
    (
        u32::try_from(pos.line).unwrap_or(u32::MAX),
        u32::try_from(pos.column).unwrap_or(u32::MAX),
    )
}

/// A run of prose: the text of one `Text` node, and where it starts.
pub(crate) struct Prose {
    /// The text.
    pub(crate) text: String,
    /// 1-based line within the Markdown.
    pub(crate) line: u32,
    /// 1-based column (characters) within that line.
    pub(crate) col: u32,
    /// Inside emphasis: titles and foreign words are often set apart so.
    pub(crate) emphasis: bool,
}

/// The prose a reader sees in `md`, leaving out code and raw HTML: one list
/// of runs per block (paragraph, heading, table cell), in order.
pub(crate) fn prose(md: &str) -> Vec<Vec<Prose>> {
    let arena = Arena::new();
    let root = parse(&arena, md);
    let mut blocks: Vec<Vec<Prose>> = Vec::new();
    let mut current: Option<usize> = None;
    for node in root.descendants() {
        if let NodeValue::Text(text) = &node.data().value {
            let block = node
                .ancestors()
                .find(|a| a.data().value.block())
                .map(|b| std::ptr::from_ref(b) as usize);
            if block != current || blocks.is_empty() {
                blocks.push(Vec::new());
                current = block;
            }
            let (line, col) = start(node);
            let emphasis = node
                .ancestors()
                .take_while(|a| !a.data().value.block())
                .any(|a| matches!(a.data().value, NodeValue::Emph | NodeValue::Strong));
            if let Some(last) = blocks.last_mut() {
                last.push(Prose {
                    text: text.to_string(),
                    line,
                    col,
                    emphasis,
                });
            }
        }
    }
    blocks
}

/// A link or image destination written in Markdown, and where it stands.
pub(crate) struct MdLink {
    /// The destination as written.
    pub(crate) url: String,
    /// 1-based line within the Markdown.
    pub(crate) line: u32,
    /// 1-based column (characters) within that line.
    pub(crate) col: u32,
}

/// Every link and image destination in `md`.
pub(crate) fn links(md: &str) -> Vec<MdLink> {
    let arena = Arena::new();
    let root = parse(&arena, md);
    let mut found = Vec::new();
    for node in root.descendants() {
        if let NodeValue::Link(link) | NodeValue::Image(link) = &node.data().value {
            let (line, col) = start(node);
            found.push(MdLink {
                url: link.url.clone(),
                line,
                col,
            });
        }
    }
    found
}
