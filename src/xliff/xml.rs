//! Just enough XML: a small tree read with `quick-xml`, names resolved to
//! namespaces, and escaping for writing.
//!
//! XLIFF files are small (a whole pack is a few megabytes), and a CAT tool
//! may reorder units, wrap them in groups or add its own elements, so reading
//! the whole file into a tree and looking things up in it is simpler and
//! sturdier than a streaming state machine.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

/// The XLIFF 1.2 namespace.
pub(crate) const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The deepest nesting read: far beyond any real XLIFF, short of the stack.
const MAX_DEPTH: usize = 256;

/// An element: its namespace, local name, attributes as written (qualified
/// names), children, and the byte offset of its start tag.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// The namespace URI, if the name is in one.
    pub(crate) ns: Option<String>,
    /// The local name.
    pub(crate) name: String,
    /// Attributes: qualified name (`id`, `xml:lang`, `mq:status`) and value.
    pub(crate) attrs: Vec<(String, String)>,
    /// Elements and text, in order.
    pub(crate) children: Vec<Node>,
    /// Where the start tag begins, in bytes.
    pub(crate) pos: usize,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    /// An element.
    Element(Element),
    /// Text, with references resolved.
    Text(String),
}

impl Element {
    /// True for an XLIFF element named `name` (files that leave out the
    /// namespace declaration count as XLIFF).
    pub(crate) fn is(&self, name: &str) -> bool {
        self.name == name && self.is_xliff()
    }

    /// True if in the XLIFF namespace, or in none.
    pub(crate) fn is_xliff(&self) -> bool {
        self.ns.as_deref().is_none_or(|ns| ns == XLIFF_NS)
    }

    /// The value of the attribute with this qualified name.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }
}

/// Why a document could not be read, and the byte offset where.
#[derive(Debug, Clone)]
pub(crate) struct XmlError {
    /// What is wrong.
    pub(crate) detail: String,
    /// Where, in bytes.
    pub(crate) pos: usize,
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Reads a whole document into its root element.
pub(crate) fn parse(source: &str) -> Result<Element, XmlError> {
    let mut reader = NsReader::from_str(source);
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let pos = to_usize(reader.buffer_position());
        let fail = |detail: String, reader: &NsReader<&[u8]>| XmlError {
            detail,
            pos: to_usize(reader.error_position()).max(pos),
        };
        let (resolved, event) = match reader.read_resolved_event() {
            Ok((resolved, event)) => {
                let ns = match resolved {
                    ResolveResult::Bound(ns) => Some(ns.0.to_string()),
                    ResolveResult::Unbound => None,
                    ResolveResult::Unknown(prefix) => {
                        return Err(XmlError {
                            detail: format!("unknown namespace prefix `{prefix}`"),
                            pos,
                        });
                    }
                };
                (ns, event)
            }
            Err(e) => return Err(fail(e.to_string(), &reader)),
        };
        let text = |stack: &mut Vec<Element>, t: &str| {
            if let Some(top) = stack.last_mut() {
                match top.children.last_mut() {
                    Some(Node::Text(last)) => last.push_str(t),
                    _ => top.children.push(Node::Text(t.to_string())),
                }
            }
        };
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError {
                        detail: format!("nested more than {MAX_DEPTH} elements deep"),
                        pos,
                    });
                }
                let name = start.local_name().as_ref().to_string();
                let mut attrs = Vec::new();
                for attr in start.attributes() {
                    let attr = attr.map_err(|e| fail(e.to_string(), &reader))?;
                    let key = attr.key.as_ref().to_string();
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| fail(e.to_string(), &reader))?;
                    attrs.push((key, value.into_owned()));
                }
                stack.push(Element {
                    ns: resolved,
                    name,
                    attrs,
                    children: Vec::new(),
                    pos,
                });
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(XmlError {
                        detail: "an end tag without its start".into(),
                        pos,
                    });
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                if stack.is_empty() {
                    if !t.xml10_content().trim().is_empty() {
                        return Err(XmlError {
                            detail: "text outside the root element".into(),
                            pos,
                        });
                    }
                } else {
                    text(&mut stack, &t.xml10_content());
                }
            }
            Event::CData(t) => text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|e| fail(e.to_string(), &reader))?
                        .map(String::from)
                } else {
                    resolve_predefined_entity(&r.xml10_content()).map(str::to_string)
                };
                match resolved {
                    Some(s) => text(&mut stack, &s),
                    None => {
                        return Err(XmlError {
                            detail: format!("unknown entity `&{};`", r.xml10_content()),
                            pos,
                        });
                    }
                }
            }
            Event::Eof => break,
            Event::Empty(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_)
            | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(XmlError {
            detail: format!("`<{}>` is not closed", open.name),
            pos: open.pos,
        });
    }
    root.ok_or(XmlError {
        detail: "no root element".into(),
        pos: 0,
    })
}

/// `text` escaped for XML character data.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped for a double-quoted attribute value; line breaks and tabs
/// as references so that they survive attribute normalisation.
pub(crate) fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_namespaces_text_and_references() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:mq=\"urn:x\"><file mq:a=\"1\"><mq:extra/>a &amp; b&#x20;<![CDATA[<c>]]></file></xliff>",
        )
        .unwrap();
        assert!(root.is("xliff"));
        let file = root.elements().next().unwrap();
        assert_eq!(file.attr("mq:a"), Some("1"));
        let extra = file.elements().next().unwrap();
        assert!(!extra.is_xliff());
        assert!(matches!(&file.children[1], Node::Text(t) if t == "a & b <c>"));
    }

    #[test]
    fn broken_documents_say_where() {
        let err = parse("<xliff>\n<file>\n</xliff>").unwrap_err();
        assert!(err.pos > 0, "{err:?}");
        assert!(parse("<a>&nbsp;</a>").is_err());
        assert!(parse("").is_err());
    }
}
