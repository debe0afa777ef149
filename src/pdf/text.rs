//! Text for the page: Markdown flattened to paragraphs, and paragraphs broken
//! into lines by the font's real advances, hyphenated in the text's own
//! language (the `hyphenation` crate's TeX patterns, Welsh included) when a
//! word would otherwise leave a line short or not fit at all.

use std::sync::OnceLock;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};
use hyphenation::{Hyphenator, Language, Load, Standard};

use super::font::Face;
use crate::lang::Lang;

/// The paragraphs of a Markdown text as plain text: links become their label,
/// list items start with a bullet, emphasis is dropped.
pub fn paragraphs(md: &str) -> Vec<String> {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    let root = parse_document(&arena, md, &options);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut bullets = 0usize;
    for edge in root.traverse() {
        use comrak::arena_tree::NodeEdge;
        match edge {
            NodeEdge::Start(node) => match &node.data().value {
                NodeValue::Text(t) => current.push_str(t),
                NodeValue::Code(c) => current.push_str(&c.literal),
                NodeValue::SoftBreak => current.push(' '),
                NodeValue::LineBreak => current.push('\n'),
                NodeValue::Item(_) => bullets += 1,
                NodeValue::Paragraph if bullets > 0 => current.push_str("•\u{a0}"),
                NodeValue::TableCell if !current.is_empty() => current.push_str(" · "),
                _ => {}
            },
            NodeEdge::End(node) => match &node.data().value {
                NodeValue::Paragraph
                | NodeValue::Heading(_)
                | NodeValue::TableRow(_)
                | NodeValue::CodeBlock(_) => {
                    if let NodeValue::CodeBlock(c) = &node.data().value {
                        current.push_str(c.literal.trim_end());
                    }
                    let text = current.trim().to_string();
                    if !text.is_empty() {
                        out.push(text);
                    }
                    current.clear();
                }
                NodeValue::Item(_) => bullets = bullets.saturating_sub(1),
                _ => {}
            },
        }
    }
    out
}

/// The hyphenation dictionary of `lang`, loaded on first use.
fn dictionary(lang: Lang) -> Option<&'static Standard> {
    static CY: OnceLock<Option<Standard>> = OnceLock::new();
    static EN: OnceLock<Option<Standard>> = OnceLock::new();
    let (cell, language) = match lang {
        Lang::Cy => (&CY, Language::Welsh),
        Lang::En => (&EN, Language::EnglishGB),
    };
    cell.get_or_init(|| Standard::from_embedded(language).ok())
        .as_ref()
}

/// Where `word` may be broken with a hyphen, as byte offsets, in `lang`.
pub fn breaks(word: &str, lang: Lang) -> Vec<usize> {
    // Only the letters are hyphenated: punctuation around a word ("(gofal,")
    // is outside the patterns' alphabet.
    let start = word.find(char::is_alphabetic).unwrap_or(word.len());
    let end = word.rfind(char::is_alphabetic).map_or(start, |i| {
        i + word[i..].chars().next().map_or(0, char::len_utf8)
    });
    let core = &word[start..end];
    if core.chars().count() < 5
        || !core
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
    {
        return Vec::new();
    }
    let Some(dict) = dictionary(lang) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // The patterns do not know apostrophes, so each part is hyphenated alone.
    let mut offset = start;
    let mut rest = core;
    loop {
        let (part, apostrophe) = match rest.find(['\'', '’']) {
            Some(i) => (
                &rest[..i],
                rest[i..].chars().next().map_or(0, char::len_utf8),
            ),
            None => (rest, 0),
        };
        if part.chars().count() >= 5 {
            out.extend(dict.hyphenate(part).breaks.iter().map(|b| b + offset));
        }
        if apostrophe == 0 {
            return out;
        }
        offset += part.len() + apostrophe;
        rest = &rest[part.len() + apostrophe..];
    }
}

/// How a text is set: face, size and language.
#[derive(Clone, Copy)]
pub struct Setting<'a> {
    /// The face.
    pub face: &'a Face,
    /// Size in points.
    pub size: f32,
    /// The text's language, for hyphenation.
    pub lang: Lang,
}

/// `text` broken into lines no wider than `width` points. Explicit line
/// breaks are kept; a word wider than a line is hyphenated, or cut if it
/// cannot be.
pub fn wrap(text: &str, set: Setting<'_>, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        wrap_paragraph(para, set, width, &mut lines);
    }
    lines
}

fn wrap_paragraph(text: &str, set: Setting<'_>, width: f32, lines: &mut Vec<String>) {
    let space = set.face.width(" ", set.size);
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let w = set.face.width(&word, set.size);
            let gap = if line.is_empty() { 0.0 } else { space };
            if line_width + gap + w <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                line_width += gap + w;
                break;
            }
            // The word does not fit. Hyphenate when the line would be left
            // less than three-quarters full, or the word is wider than any line.
            let room = width - line_width - gap;
            if (line_width < width * 0.75 || w > width)
                && let Some((head, tail)) = split_to_fit(&word, set, room)
            {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&head);
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
                word = tail;
                continue;
            }
            if line.is_empty() {
                // Wider than a line and no hyphenation point fits: cut it.
                let (head, tail) = cut_to_fit(&word, set, width);
                lines.push(head);
                word = tail;
                if word.is_empty() {
                    break;
                }
                continue;
            }
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
}

/// The longest hyphenated head of `word` (with its hyphen) that fits in
/// `room`, and the rest. A hard hyphen in the word is a break point too.
fn split_to_fit(word: &str, set: Setting<'_>, room: f32) -> Option<(String, String)> {
    let mut points: Vec<(usize, bool)> = breaks(word, set.lang)
        .into_iter()
        .map(|b| (b, true))
        .collect();
    points.extend(word.match_indices('-').map(|(i, _)| (i + 1, false)));
    points.sort_unstable();
    points
        .into_iter()
        .rev()
        .filter(|(b, _)| *b > 0 && *b < word.len())
        .map(|(b, add_hyphen)| {
            let mut head = word[..b].to_string();
            if add_hyphen {
                head.push('-');
            }
            (head, word[b..].to_string())
        })
        .find(|(head, _)| set.face.width(head, set.size) <= room)
}

/// The longest head of `word` that fits in `width` (at least one character).
fn cut_to_fit(word: &str, set: Setting<'_>, width: f32) -> (String, String) {
    let mut end = 0;
    let mut w = 0.0;
    for (i, c) in word.char_indices() {
        let cw = set.face.advance(c) * set.size;
        if w + cw > width && end > 0 {
            break;
        }
        w += cw;
        end = i + c.len_utf8();
    }
    (word[..end].to_string(), word[end..].to_string())
}

#[cfg(test)]
mod tests {
    use super::super::font::fonts;
    use super::*;

    #[test]
    fn markdown_becomes_paragraphs_without_markup() {
        let p = paragraphs("Gweler [Egwyddor 1](principle:own-words).\n\n- un\n- dau");
        assert_eq!(p, ["Gweler Egwyddor 1.", "•\u{a0}un", "•\u{a0}dau"]);
    }

    #[test]
    fn lines_fit_their_width() {
        let set = Setting {
            face: &fonts().regular,
            size: 10.0,
            lang: Lang::Cy,
        };
        let text = "Cofnodwch y cryfderau a'r adegau pan fu'r plentyn yn ddiogel ac yn cael gofal da, yr un mor fanwl ag y byddwch yn cofnodi'r pryderon.";
        let lines = wrap(text, set, 120.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(set.face.width(line, 10.0) <= 120.0, "{line}");
        }
        let joined: String = lines.concat().replace(['-', ' '], "");
        assert_eq!(joined, text.replace(['-', ' '], ""));
    }

    #[test]
    fn welsh_is_hyphenated_with_welsh_patterns() {
        assert!(!breaks("cydgynhyrchu", Lang::Cy).is_empty());
        // Welsh digraphs are single letters: never split ll, dd, ch.
        for word in ["cyfrifoldeb", "gwasanaethau", "llwyddiannus"] {
            for b in breaks(word, Lang::Cy) {
                let pair = &word[b - 1..=b];
                assert!(
                    !["ll", "dd", "ch", "ff", "th", "ng"].contains(&pair),
                    "{word} at {b}"
                );
            }
        }
    }
}
