//! Just enough HTML reading for the link check: the start tags of a page
//! with their attributes and lines.
//!
//! The pages are canllaw's own output, well formed and escaped, so a full
//! HTML5 parser would add much code and time for nothing; this reader skips
//! comments, the doctype, end tags and the raw text of `script`, `style`,
//! `textarea` and `title`, and decodes the entities canllaw writes.

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag {
    /// The element's name, lowercase.
    pub(crate) name: String,
    /// Attributes as written, names lowercase, values decoded.
    pub(crate) attrs: Vec<(String, String)>,
    /// 1-based line of the `<`.
    pub(crate) line: u32,
}

impl Tag {
    /// The value of attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// Every start tag of `html`, in order.
pub(crate) fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    let mut counted = 0;
    while let Some(found) = html[i..].find('<') {
        let lt = i + found;
        line +=
            u32::try_from(bytes[counted..lt].iter().filter(|&&b| b == b'\n').count()).unwrap_or(0);
        counted = lt;
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("</") || rest.starts_with("<?") {
            i = rest.find('>').map_or(html.len(), |e| lt + e + 1);
            continue;
        }
        let Some((tag, end)) = start_tag(rest) else {
            i = lt + 1;
            continue;
        };
        i = lt + end;
        if RAW_TEXT.contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            let mut at = i;
            i = html.len();
            while let Some(e) = html[at..].find("</") {
                let end = (at + e + close.len()).min(html.len());
                if html.is_char_boundary(end) && html[at + e..end].eq_ignore_ascii_case(&close) {
                    i = at + e;
                    break;
                }
                at += e + 2;
            }
        }
        tags.push(Tag { line, ..tag });
    }
    tags
}

/// Reads the start tag at the start of `s`; returns it and its length.
///
/// Works on bytes: every character that matters here is ASCII, and no byte
/// of a multi-byte UTF-8 character is, so slicing at them is always sound.
fn start_tag(s: &str) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    let space = |c: u8| c.is_ascii_whitespace();
    let mut i = 1;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    if i == 1 {
        return None;
    }
    let name = s[1..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return Some((
                Tag {
                    name,
                    attrs,
                    line: 0,
                },
                i + 1,
            ));
        }
        let attr_start = i;
        while i < b.len() && !space(b[i]) && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = s[attr_start..i].to_ascii_lowercase();
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let from = i + 1;
                    i = from;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    value = decode(&s[from..i.min(b.len())]);
                    i += 1;
                }
                _ => {
                    let from = i;
                    while i < b.len() && !space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode(&s[from..i]);
                }
            }
        }
        if !attr.is_empty() {
            attrs.push((attr, value));
        }
    }
}

/// Decodes character references: the five canllaw writes and numeric ones.
pub(crate) fn decode(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&s| s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_start_tags_with_lines_and_decoded_values() {
        let html = "<!DOCTYPE html>\n<html lang=\"cy\">\n<!-- <a href=\"no\"> -->\n<script src=\"a.js\">if (a<b) {}</script>\n<a class=x href='p.html?a=1&amp;b=2#Beth%20sy&#39;n' hreflang=en>x</a>";
        let tags = tags(html);
        let names: Vec<_> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["html", "script", "a"]);
        assert_eq!(tags[0].attr("lang"), Some("cy"));
        assert_eq!(tags[1].attr("src"), Some("a.js"));
        assert_eq!(tags[2].attr("href"), Some("p.html?a=1&b=2#Beth%20sy'n"));
        assert_eq!(tags[2].attr("hreflang"), Some("en"));
        assert_eq!(tags[2].line, 5);
    }
}
