//! Markdown with cross-references: rendered for pages and for the print
//! page, in both languages, its links listed, its plain text and its
//! CommonMark for mdBook made. Whatever it holds, the HTML has only the
//! elements Markdown makes, no event attribute, and no link that runs code.
#![no_main]

use canllaw::lang::Lang;
use canllaw::markdown::{self, Context, Links};
use libfuzzer_sys::fuzz_target;

/// The elements comrak writes for CommonMark with tables and strikethrough,
/// and the anchors canllaw adds to headings.
const ELEMENTS: [&str; 25] = [
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "br",
    "img",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// Checks each start tag of `html`: a known element, no `on…` attribute,
/// no `javascript:`, `data:` or `vbscript:` address.
fn check_html(html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let rest_of_tag = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest_of_tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            ELEMENTS.contains(&name.as_str()) || name == "del",
            "element <{name}> in {html}"
        );
        // Attributes: name="value", values quoted by comrak and canllaw.
        let mut attrs = &rest_of_tag[name.len()..];
        loop {
            attrs = attrs.trim_start();
            if attrs.starts_with('>') || attrs.starts_with("/>") || attrs.is_empty() {
                break;
            }
            let end = attrs.find(['=', ' ', '>']).unwrap_or(attrs.len());
            let attr = attrs[..end].to_ascii_lowercase();
            assert!(!attr.starts_with("on"), "attribute {attr} in {html}");
            attrs = &attrs[end..];
            if let Some(value) = attrs.strip_prefix("=\"") {
                let close = value.find('"').expect("a closed attribute value");
                let v: String = value[..close]
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if attr == "href" || attr == "src" {
                    for scheme in ["javascript:", "data:", "vbscript:", "file:"] {
                        assert!(!v.starts_with(scheme), "{attr}={v} in {html}");
                    }
                }
                attrs = &value[close + 1..];
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    for lang in Lang::ALL {
        for links in [Links::Pages { root: "../../" }, Links::Anchors] {
            let html = markdown::render(
                md,
                &Context {
                    lang,
                    links,
                    id_prefix: "x-",
                    heading_shift: 1,
                    anchor_label: "Dolen i’r adran hon",
                },
            );
            check_html(&html);
        }
    }
    for link in markdown::links(md) {
        let _ = markdown::cross_reference(&link.url);
        assert!(link.line >= 1 && link.line as usize <= canllaw_fuzz::lines(md));
    }
    let _ = markdown::plain_text(md);
    let commonmark = markdown::to_commonmark(md, &|url| url.to_string());
    // What mdBook is given holds no raw HTML: read again, it has none.
    check_html(&markdown::render(
        &commonmark,
        &Context {
            lang: Lang::Cy,
            links: Links::Anchors,
            id_prefix: "",
            heading_shift: 0,
            anchor_label: "#",
        },
    ));
});
