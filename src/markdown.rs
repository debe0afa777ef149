//! Markdown: CommonMark with tables, raw HTML shown as text, cross-references
//! (`principle:ID` …) resolved for the page and language they appear in.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use comrak::adapters::HeadingAdapter;
use comrak::nodes::{AstNode, NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{Arena, Options, parse_document};

use crate::lang::Lang;
use crate::model::Kind;

/// How cross-references are written into links.
#[derive(Clone, Copy, Debug)]
pub enum Links<'a> {
    /// Each item on its own page: `root` leads from the page to the site's
    /// root (e.g. `../../`).
    Pages {
        /// Relative path to the output root.
        root: &'a str,
    },
    /// Every item on one page (the print page): links become `#kind-id`.
    Anchors,
}

/// What a rendering needs to know about where the Markdown will stand.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The page's language.
    pub lang: Lang,
    /// How to write cross-references.
    pub links: Links<'a>,
    /// Prefix for heading ids, to keep them unique on a page holding many texts.
    pub id_prefix: &'a str,
    /// Added to every heading level (a body's `##` under an `h2` item title becomes `h3`).
    pub heading_shift: u8,
    /// The accessible label of heading anchor links, in the page's language.
    pub anchor_label: &'a str,
}

/// A link written in Markdown, with where it stands (1-based, within the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRef {
    /// The destination as written.
    pub url: String,
    /// 1-based line within the Markdown.
    pub line: u32,
    /// 1-based column within the Markdown line.
    pub col: u32,
}

/// A cross-reference (`principle:ID`) taken apart.
pub fn cross_reference(url: &str) -> Option<(Kind, &str)> {
    let (scheme, id) = url.split_once(':')?;
    Some((Kind::from_scheme(scheme)?, id))
}

/// True for URL schemes that must never reach a page as a link.
pub fn is_unsafe_url(url: &str) -> bool {
    let lower: String = url
        .trim_start()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = false;
    options.parse.smart = true;
    options.render.escape = true;
    options.render.r#unsafe = false;
    options.render.sourcepos = false;
    options
}

/// The syntax tree of `md`, parsed as every renderer parses it (CommonMark
/// with tables, smart punctuation), for renderers that walk the tree
/// themselves: the workbook sets it on the page.
pub fn parse<'a>(arena: &'a Arena<'a>, md: &str) -> &'a AstNode<'a> {
    parse_document(arena, md, &options())
}

/// Every link and image destination in `md`, with its position.
pub fn links(md: &str) -> Vec<LinkRef> {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &options());
    let mut found = Vec::new();
    for node in root.descendants() {
        let data = node.data();
        if let NodeValue::Link(link) | NodeValue::Image(link) = &data.value {
            found.push(LinkRef {
                url: link.url.clone(),
                line: u32::try_from(data.sourcepos.start.line).unwrap_or(u32::MAX),
                col: u32::try_from(data.sourcepos.start.column).unwrap_or(u32::MAX),
            });
        }
    }
    found
}

/// The path of an item's page from the output root, for one language.
pub fn item_path(lang: Lang, kind: Kind, id: &str) -> String {
    match kind {
        Kind::Glossary => format!("{lang}/glossary.html#{id}"),
        _ => format!("{lang}/{}/{id}.html", kind.folder()),
    }
}

/// The anchor an item has on the print page.
pub fn print_anchor(kind: Kind, id: &str) -> String {
    format!("{}-{id}", kind.scheme())
}

fn resolve(url: &str, cx: &Context<'_>) -> String {
    match cross_reference(url) {
        Some((kind, id)) => match cx.links {
            Links::Pages { root } => format!("{root}{}", item_path(cx.lang, kind, id)),
            Links::Anchors => format!("#{}", print_anchor(kind, id)),
        },
        None if is_unsafe_url(url) => String::new(),
        None => url.to_string(),
    }
}

/// A heading id from its text: lowercase letters and digits of any script,
/// words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

struct Headings<'a> {
    prefix: &'a str,
    shift: u8,
    label: &'a str,
    seen: Mutex<(HashMap<String, u32>, Vec<String>)>,
}

fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl HeadingAdapter for Headings<'_> {
    fn enter(
        &self,
        output: &mut dyn fmt::Write,
        heading: &comrak::adapters::HeadingMeta,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let mut seen = self.seen.lock().expect("heading state");
        let base = format!("{}{}", self.prefix, slug(&heading.content));
        let count = seen.0.entry(base.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        seen.1.push(id.clone());
        let level = (heading.level + self.shift).min(6);
        write!(output, "<h{level} id=\"{}\">", escape_attr(&id))
    }

    fn exit(
        &self,
        output: &mut dyn fmt::Write,
        heading: &comrak::adapters::HeadingMeta,
    ) -> fmt::Result {
        let seen = self.seen.lock().expect("heading state");
        let id = seen.1.last().cloned().unwrap_or_default();
        let level = (heading.level + self.shift).min(6);
        writeln!(
            output,
            " <a class=\"anchor\" href=\"#{}\" aria-label=\"{}: {}\">#</a></h{level}>",
            escape_attr(&id),
            escape_attr(self.label),
            escape_attr(&heading.content),
        )
    }
}

/// Renders `md` to HTML for a page in `cx.lang`.
pub fn render(md: &str, cx: &Context<'_>) -> String {
    render_parsed(md, cx, false).0
}

/// Renders `md` to HTML as [`render`] does, and gives its [`plain_text`]
/// too, from one parse: a page's search text comes with the page.
pub fn render_with_text(md: &str, cx: &Context<'_>) -> (String, String) {
    render_parsed(md, cx, true)
}

fn render_parsed(md: &str, cx: &Context<'_>, with_text: bool) -> (String, String) {
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, md, &options);
    // Links only change destinations, never text: the same as before.
    let text = if with_text {
        text_of(root, md.len())
    } else {
        String::new()
    };
    rewrite_links(root, cx);
    let headings = Headings {
        prefix: cx.id_prefix,
        shift: cx.heading_shift,
        label: cx.anchor_label,
        seen: Mutex::new((HashMap::new(), Vec::new())),
    };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&headings);
    let mut html = String::with_capacity(md.len() * 3 / 2);
    comrak::format_html_with_plugins(root, &options, &mut html, &plugins)
        .expect("writing to a String cannot fail");
    (html, text)
}

fn rewrite_links<'a>(root: &'a AstNode<'a>, cx: &Context<'_>) {
    for node in root.descendants() {
        let mut data = node.data_mut();
        if let NodeValue::Link(link) | NodeValue::Image(link) = &mut data.value {
            link.url = resolve(&link.url, cx);
        }
    }
}

/// The text of `md` without markup, for search and for summaries.
pub fn plain_text(md: &str) -> String {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &options());
    text_of(root, md.len())
}

/// The text of a parsed document, for [`plain_text`].
fn text_of<'a>(root: &'a AstNode<'a>, capacity: usize) -> String {
    let mut text = String::with_capacity(capacity);
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            NodeValue::Paragraph
            | NodeValue::Heading(_)
            | NodeValue::TableCell
            | NodeValue::Item(_)
                if !text.is_empty() && !text.ends_with(' ') =>
            {
                text.push(' ');
            }
            _ => {}
        }
    }
    text
}

/// `md` rewritten as CommonMark for another Markdown tool: links passed
/// through `link`, raw HTML turned into literal text so that no tool
/// downstream renders it as markup.
pub fn to_commonmark(md: &str, link: &dyn Fn(&str) -> String) -> String {
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, md, &options);
    for node in root.descendants() {
        let mut data = node.data_mut();
        let replacement = match &mut data.value {
            NodeValue::Link(l) | NodeValue::Image(l) => {
                l.url = if is_unsafe_url(&l.url) {
                    String::new()
                } else {
                    link(&l.url)
                };
                None
            }
            NodeValue::HtmlInline(html) => Some(NodeValue::Text(std::mem::take(html).into())),
            NodeValue::HtmlBlock(block) => Some(NodeValue::Paragraph)
                .map(|p| {
                    let text = std::mem::take(&mut block.literal);
                    (p, text)
                })
                .map(|(p, text)| {
                    let child = arena.alloc(comrak::nodes::AstNode::from(NodeValue::Text(
                        text.trim_end().to_string().into(),
                    )));
                    node.append(child);
                    p
                }),
            _ => None,
        };
        if let Some(value) = replacement {
            data.value = value;
        }
    }
    let mut out = String::with_capacity(md.len() + 64);
    comrak::format_commonmark(root, &options, &mut out).expect("writing to a String cannot fail");
    out
}

/// Plain text made safe to stand in Markdown as text (titles, labels).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx(lang: Lang) -> Context<'static> {
        Context {
            lang,
            links: Links::Pages { root: "../../" },
            id_prefix: "",
            heading_shift: 0,
            anchor_label: "Dolen i'r adran hon",
        }
    }

    #[test]
    fn cross_references_resolve_per_language() {
        let html = render(
            "See [this](principle:own-words) and [that](glossary:what-matters).",
            &cx(Lang::Cy),
        );
        assert!(
            html.contains("href=\"../../cy/principles/own-words.html\""),
            "{html}"
        );
        assert!(
            html.contains("href=\"../../cy/glossary.html#what-matters\""),
            "{html}"
        );
    }

    #[test]
    fn raw_html_and_script_links_come_out_as_text() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))",
            &cx(Lang::En),
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn headings_get_ids_and_anchors_in_the_page_language() {
        let html = render(
            "## Beth mae hyn yn ei ofyn\n\n## Beth mae hyn yn ei ofyn",
            &cx(Lang::Cy),
        );
        assert!(
            html.contains("<h2 id=\"beth-mae-hyn-yn-ei-ofyn\">"),
            "{html}"
        );
        assert!(html.contains("id=\"beth-mae-hyn-yn-ei-ofyn-2\""), "{html}");
        assert!(
            html.contains("aria-label=\"Dolen i&#39;r adran hon")
                || html.contains("aria-label=\"Dolen i'r adran hon"),
            "{html}"
        );
    }

    #[test]
    fn links_have_positions() {
        let found = links("Para\n\nSee [x](example:a) and [y](form:b)");
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].line, found[0].url.as_str()), (3, "example:a"));
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(plain_text("## Hi\n\nA *b* [c](d)").trim(), "Hi A b c");
    }
}
