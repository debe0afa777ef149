//! Writing a new value into a YAML or TOML file in place.
//!
//! Only the bytes of the value change: comments, key order, quoting and line
//! breaks of everything else stay as they were, so an import makes a small,
//! reviewable diff. The value is found from the parser's positions (the same
//! line and column that [`crate::lang::Loc`] records for every text) and
//! written in a style that holds it safely — the style it had where that
//! can hold the new text, else a block literal for several lines in block
//! context, else quotes.
//!
//! Every edit is checked by reading the edited file again: the value must
//! read back as intended and every other value exactly as before. If a
//! chosen style does not, the edit falls back to double quotes, which hold
//! any text; if even that fails, nothing is written.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// One value to write: where it stands (1-based line and column, as in
/// [`crate::lang::Loc`]) and its new text (without the trailing line break
/// that a block scalar adds).
#[derive(Clone, Debug)]
pub(crate) struct Edit {
    /// 1-based line of the value.
    pub(crate) line: u32,
    /// 1-based column (characters) of the value.
    pub(crate) col: u32,
    /// The new text.
    pub(crate) text: String,
}

/// The byte offsets of each character, so the parser's character positions
/// can be turned into byte offsets.
struct Offsets(Vec<usize>);

impl Offsets {
    fn of(source: &str) -> Offsets {
        let mut v: Vec<usize> = source.char_indices().map(|(i, _)| i).collect();
        v.push(source.len());
        Offsets(v)
    }

    fn byte(&self, char_index: usize) -> usize {
        self.0
            .get(char_index)
            .copied()
            .unwrap_or(*self.0.last().unwrap_or(&0))
    }
}

/// The byte offset of 1-based `line`, `col` (characters) in `source`.
fn offset_of(source: &str, line: u32, col: u32) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += source[start..].find('\n')? + 1;
    }
    let rest = &source[start..];
    let skip = usize::try_from(col.saturating_sub(1)).ok()?;
    let within = rest.char_indices().nth(skip).map_or(rest.len(), |(i, _)| i);
    Some(start + within)
}

// -------------------------------------------------------------------- YAML

/// How a YAML scalar is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
    Folded,
}

/// Where a scalar value of a mapping stands and how it is written.
#[derive(Clone, Debug)]
struct Slot {
    /// Its bytes: for a block scalar from the `|` or `>` to the end of its
    /// last line of content.
    start: usize,
    end: usize,
    style: Style,
    /// Inside `{…}` or `[…]`, where only quoted styles fit.
    flow: bool,
    /// The column of its key: block content is indented beyond it.
    key_col: usize,
    /// For a block scalar: its header's end, where its content lines start,
    /// their indentation, and its chomping indicator (`-`, `+` or none).
    block: Option<Block>,
}

#[derive(Clone, Debug)]
struct Block {
    header_end: usize,
    content_start: usize,
    indent: usize,
    chomp: Option<char>,
    /// The longest line, in characters with its indentation: a folded
    /// block is wrapped to it again.
    width: usize,
}

/// Every scalar's text in document order and the slots of mapping values
/// by position, from one parse.
struct Reading {
    /// Events, with scalars as their text: to compare two readings.
    events: Vec<String>,
    /// Index in `events` and slot of each mapping value, by (line, col).
    slots: HashMap<(u32, u32), (usize, Slot)>,
}

enum Frame {
    Map {
        flow: bool,
        expecting_key: bool,
        key_end: usize,
        key_col: usize,
    },
    Seq,
}

fn read_yaml(source: &str) -> Result<Reading, String> {
    let offsets = Offsets::of(source);
    let mut events = Vec::new();
    let mut slots = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    for event in Parser::new_from_str(source) {
        let (event, span) = event.map_err(|e| e.info().to_string())?;
        let start = offsets.byte(span.start.index());
        let end = offsets.byte(span.end.index());
        // Whether this node is a key or a value of the mapping it is in.
        let role = match stack.last_mut() {
            Some(Frame::Map {
                expecting_key,
                key_end,
                key_col,
                ..
            }) if matches!(
                event,
                Event::Scalar(..)
                    | Event::MappingStart(..)
                    | Event::SequenceStart(..)
                    | Event::Alias(_)
            ) =>
            {
                let was_key = *expecting_key;
                *expecting_key = !*expecting_key;
                if was_key {
                    *key_end = end;
                    *key_col = span.start.col();
                    None
                } else {
                    Some((*key_end, *key_col))
                }
            }
            _ => None,
        };
        let flow_parent = matches!(stack.last(), Some(Frame::Map { flow: true, .. }));
        match event {
            Event::MappingStart(..) => {
                events.push("{".into());
                stack.push(Frame::Map {
                    flow: source[start..].starts_with('{'),
                    expecting_key: true,
                    key_end: 0,
                    key_col: 0,
                });
            }
            Event::SequenceStart(..) => {
                events.push("[".into());
                stack.push(Frame::Seq);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                events.push("}".into());
                stack.pop();
            }
            Event::Alias(id) => events.push(format!("*{id}")),
            Event::Scalar(text, style, ..) => {
                events.push(format!("={text}"));
                if let Some((key_end, key_col)) = role {
                    let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX);
                    let col = u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX);
                    let style = match style {
                        ScalarStyle::Plain => Style::Plain,
                        ScalarStyle::SingleQuoted => Style::Single,
                        ScalarStyle::DoubleQuoted => Style::Double,
                        ScalarStyle::Literal => Style::Literal,
                        ScalarStyle::Folded => Style::Folded,
                    };
                    if let Some(slot) =
                        slot(source, start, end, style, flow_parent, key_end, key_col)
                    {
                        slots.insert((line, col), (events.len() - 1, slot));
                    }
                }
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
    }
    Ok(Reading { events, slots })
}

/// The slot of a scalar the parser placed at `start..end`.
fn slot(
    source: &str,
    start: usize,
    end: usize,
    style: Style,
    flow: bool,
    key_end: usize,
    key_col: usize,
) -> Option<Slot> {
    let b = source.as_bytes();
    let (start, end, block) = match style {
        Style::Plain => (start, end, None),
        Style::Single => {
            let mut i = start + 1;
            loop {
                match b.get(i)? {
                    b'\'' if b.get(i + 1) == Some(&b'\'') => i += 2,
                    b'\'' => break (start, i + 1, None),
                    _ => i += 1,
                }
            }
        }
        Style::Double => {
            let mut i = start + 1;
            loop {
                match b.get(i)? {
                    b'\\' => i += 2,
                    b'"' => break (start, i + 1, None),
                    _ => i += 1,
                }
            }
        }
        Style::Literal | Style::Folded => {
            // The header follows the key's `:` on the same line, perhaps
            // after an anchor or a tag.
            let mut i = key_end;
            while matches!(b.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            if b.get(i) != Some(&b':') {
                return None;
            }
            i += 1;
            loop {
                while matches!(b.get(i), Some(b' ' | b'\t')) {
                    i += 1;
                }
                match b.get(i)? {
                    b'&' | b'!' => {
                        while !matches!(b.get(i), None | Some(b' ' | b'\t' | b'\n')) {
                            i += 1;
                        }
                    }
                    b'|' | b'>' => break,
                    _ => return None,
                }
            }
            let header = i;
            let mut j = i + 1;
            let mut chomp = None;
            while let Some(c) = b.get(j) {
                match c {
                    b'-' | b'+' => chomp = Some(char::from(*c)),
                    b'1'..=b'9' => {}
                    _ => break,
                }
                j += 1;
            }
            // Content: the lines from where the parser put it, up to the
            // last that is not blank and is indented as far.
            let content_start = source[..start].rfind('\n').map_or(0, |n| n + 1);
            let indent = start - content_start;
            let mut last_end = None;
            let mut width = 0;
            let mut line_start = content_start;
            while line_start < end.max(start) && line_start < source.len() {
                let line_end = source[line_start..]
                    .find('\n')
                    .map_or(source.len(), |n| line_start + n);
                let line = source[line_start..line_end].trim_end_matches('\r');
                if !line.trim().is_empty() {
                    let this_indent = line.len() - line.trim_start_matches(' ').len();
                    if this_indent < indent {
                        break;
                    }
                    last_end = Some(line_start + line.len());
                    width = width.max(line.chars().count());
                }
                line_start = line_end + 1;
            }
            let last_end = last_end?;
            (
                header,
                last_end,
                Some(Block {
                    header_end: j,
                    content_start,
                    indent,
                    chomp,
                    width,
                }),
            )
        }
    };
    Some(Slot {
        start,
        end,
        style,
        flow,
        key_col,
        block,
    })
}

/// True for a YAML plain scalar that reads back as exactly this text, and
/// as text rather than a number, a truth value or nothing.
fn plain_is_safe(text: &str, flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let lower = text.to_ascii_lowercase();
    let looks_typed = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ]
    .contains(&lower.as_str())
        || text.parse::<f64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o")
        || lower.starts_with(".inf")
        || lower.starts_with("-.inf")
        || lower.starts_with(".nan");
    !looks_typed
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !first.is_whitespace()
        && !text.ends_with(char::is_whitespace)
        && !text.ends_with(':')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains(['\t', '\n'])
        && !text.contains(is_special)
        && !(flow && text.contains([',', '[', ']', '{', '}', ':']))
}

/// Characters that a YAML scalar other than double-quoted cannot hold as
/// they are: controls, line separators, the byte-order mark.
fn is_special(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// `text` as a YAML double-quoted scalar.
fn double_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_special(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as a YAML single-quoted scalar, if that style can hold it.
fn single_quoted(text: &str) -> Option<String> {
    (!text.contains('\n') && !text.contains(is_special))
        .then(|| format!("'{}'", text.replace('\'', "''")))
}

/// True if `text` can be a literal block: no leading space on its first line
/// (which would set the indentation), no lines of only spaces (which a block
/// cannot tell from its indentation), nothing a block cannot hold.
fn literal_is_safe(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with([' ', '\t', '\n'])
        && !text.contains(is_special)
        && !text.ends_with([' ', '\t'])
        && text
            .split('\n')
            .all(|l| l.is_empty() || !l.trim().is_empty())
}

/// One line of text cut into lines of at most `width` characters for a
/// folded block, at single spaces only (a folded line break reads as one
/// space); a word longer than that has a line to itself.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    let chars: Vec<char> = text.chars().collect();
    let mut word = String::new();
    let mut word_len = 0;
    let mut flush = |line: &mut String, len: &mut usize, word: &str, word_len: usize| {
        if *len > 0 && *len + 1 + word_len > width {
            lines.push(std::mem::take(line));
            *len = 0;
        }
        if *len > 0 {
            line.push(' ');
            *len += 1;
        }
        line.push_str(word);
        *len += word_len;
    };
    for (i, c) in chars.iter().enumerate() {
        let breakable = *c == ' '
            && i > 0
            && chars[i - 1] != ' '
            && chars.get(i + 1).is_some_and(|n| *n != ' ');
        if breakable {
            flush(&mut line, &mut len, &word, word_len);
            word.clear();
            word_len = 0;
        } else {
            word.push(*c);
            word_len += 1;
        }
    }
    flush(&mut line, &mut len, &word, word_len);
    lines.push(line);
    lines
}

/// The bytes to write over a slot and the value they read back as.
fn render(
    source: &str,
    slot: &Slot,
    text: &str,
    newline: &str,
    quoted_only: bool,
) -> Vec<(usize, usize, String)> {
    let single_line = !text.contains('\n');
    let rest_of_line_empty = source[slot.end..]
        .split('\n')
        .next()
        .is_none_or(|rest| rest.trim().is_empty());
    let whole = |s: String| vec![(slot.start, slot.end, s)];
    if quoted_only {
        return whole(double_quoted(text));
    }
    match (slot.style, &slot.block) {
        (Style::Literal | Style::Folded, Some(block)) if literal_is_safe(text) => {
            let header = if slot.style == Style::Folded && single_line {
                ">"
            } else {
                "|"
            };
            let chomp = if block.chomp == Some('-') { "-" } else { "" };
            let pad = " ".repeat(block.indent);
            let lines: Vec<String> = if header == ">" {
                wrap(text, block.width.max(80).saturating_sub(block.indent))
                    .into_iter()
                    .map(|l| format!("{pad}{l}"))
                    .collect()
            } else {
                text.split('\n')
                    .map(|l| {
                        if l.is_empty() {
                            String::new()
                        } else {
                            format!("{pad}{l}")
                        }
                    })
                    .collect()
            };
            vec![
                (slot.start, block.header_end, format!("{header}{chomp}")),
                (block.content_start, slot.end, lines.join(newline)),
            ]
        }
        _ if !single_line && !slot.flow && rest_of_line_empty && literal_is_safe(text) => {
            let pad = " ".repeat(slot.key_col + 2);
            let lines: Vec<String> = text
                .split('\n')
                .map(|l| {
                    if l.is_empty() {
                        String::new()
                    } else {
                        format!("{pad}{l}")
                    }
                })
                .collect();
            whole(format!("|{newline}{}", lines.join(newline)))
        }
        (Style::Plain, _) if plain_is_safe(text, slot.flow) => whole(text.to_string()),
        (Style::Plain | Style::Single, _) if single_line => match single_quoted(text) {
            Some(q) => whole(q),
            None => whole(double_quoted(text)),
        },
        _ => whole(double_quoted(text)),
    }
}

/// The value a rendered text reads back as: a block scalar adds a line break
/// unless it strips it.
fn expected_value(rendered: &[(usize, usize, String)], text: &str) -> String {
    let header = rendered.first().map(|(_, _, s)| s.as_str()).unwrap_or("");
    if header.starts_with('|') || header.starts_with('>') {
        if header.contains('-') {
            text.to_string()
        } else {
            format!("{text}\n")
        }
    } else {
        text.to_string()
    }
}

/// Applies replacements (byte ranges and their new text, not overlapping)
/// to `source`.
pub(crate) fn replace(
    source: &str,
    mut replacements: Vec<(usize, usize, String)>,
) -> Result<String, String> {
    replacements.sort_by_key(|(s, e, _)| (*s, *e));
    if replacements.windows(2).any(|w| w[0].1 > w[1].0) {
        return Err("two texts share one value (a YAML alias)".into());
    }
    let mut out = source.to_string();
    for (start, end, text) in replacements.into_iter().rev() {
        out.replace_range(start..end, &text);
    }
    Ok(out)
}

/// Writes `edits` into the YAML `source`; the new file's text and each
/// edit's value as it now reads, or why it cannot be done safely.
pub(crate) fn yaml(source: &str, edits: &[Edit]) -> Result<(String, Vec<String>), String> {
    let before = read_yaml(source)?;
    let newline = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut found = Vec::with_capacity(edits.len());
    for edit in edits {
        let (index, slot) = before
            .slots
            .get(&(edit.line, edit.col))
            .ok_or_else(|| format!("no value at line {}, column {}", edit.line, edit.col))?;
        found.push((*index, slot));
    }
    // Texts that several edits give the same value to are written once.
    let mut first_attempt = None;
    for quoted_only in [false, true] {
        let mut replacements = Vec::new();
        let mut expected = before.events.clone();
        let mut seen: HashMap<usize, &str> = HashMap::new();
        for ((index, slot), edit) in found.iter().zip(edits) {
            if let Some(previous) = seen.insert(*index, &edit.text) {
                if previous != edit.text {
                    return Err("two texts share one value (a YAML alias)".into());
                }
                continue;
            }
            let rendered = render(source, slot, &edit.text, newline, quoted_only);
            expected[*index] = format!("={}", expected_value(&rendered, &edit.text));
            replacements.extend(rendered);
        }
        let values = found
            .iter()
            .map(|(index, _)| expected[*index][1..].to_string())
            .collect();
        let edited = replace(source, replacements)?;
        match read_yaml(&edited) {
            Ok(after) if after.events == expected => return Ok((edited, values)),
            Ok(_) => {
                first_attempt
                    .get_or_insert_with(|| "the new text did not read back as written".to_string());
            }
            Err(e) => {
                first_attempt.get_or_insert(e);
            }
        }
    }
    Err(first_attempt.unwrap_or_default())
}

// -------------------------------------------------------------------- TOML

/// The end (exclusive) of the TOML string token at `start`.
fn toml_string_end(source: &str, start: usize) -> Option<usize> {
    let rest = &source[start..];
    for delimiter in ["\"\"\"", "'''"] {
        if let Some(after) = rest.strip_prefix(delimiter) {
            let quote = delimiter.as_bytes()[0];
            let b = after.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if quote == b'"' && b[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if b[i..].starts_with(delimiter.as_bytes()) {
                    // Up to two quotes may end the content just before it.
                    let mut end = i + 3;
                    let mut extra = 0;
                    while extra < 2 && b.get(end) == Some(&quote) {
                        end += 1;
                        extra += 1;
                    }
                    return Some(start + 3 + end);
                }
                i += 1;
            }
            return None;
        }
    }
    let b = rest.as_bytes();
    match b.first()? {
        b'"' => {
            let mut i = 1;
            loop {
                match b.get(i)? {
                    b'\\' => i += 2,
                    b'"' => return Some(start + i + 1),
                    _ => i += 1,
                }
            }
        }
        b'\'' => Some(start + 1 + rest[1..].find('\'')? + 1),
        _ => None,
    }
}

/// `text` as a TOML basic string.
fn toml_basic(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Sets the string at `path` (`site.title`, `brand.links[0].text`) then
/// `lang` in a parsed TOML value.
fn toml_set(value: &mut toml::Value, path: &str, lang: &str, text: &str) -> Option<()> {
    let mut node = value;
    for part in path.split('.').chain(std::iter::once(lang)) {
        let (name, index) = match part.split_once('[') {
            Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        node = node.get_mut(name)?;
        if let Some(i) = index {
            node = node.get_mut(i)?;
        }
    }
    *node = toml::Value::String(text.to_string());
    Some(())
}

/// One TOML value to write: where, its key path and language, its text.
#[derive(Clone, Debug)]
pub(crate) struct TomlEdit {
    /// Where the string stands.
    pub(crate) at: Edit,
    /// The key path of its bilingual text (`site.title`).
    pub(crate) key: String,
    /// `cy` or `en`.
    pub(crate) lang: String,
}

/// Writes `edits` into the TOML `source`; the new file's text, or why it
/// cannot be done safely.
pub(crate) fn toml(source: &str, edits: &[TomlEdit]) -> Result<String, String> {
    let mut expected: toml::Value = toml::from_str(source).map_err(|e| e.to_string())?;
    let mut replacements = Vec::new();
    for edit in edits {
        let start = offset_of(source, edit.at.line, edit.at.col).ok_or("no such place")?;
        let end = toml_string_end(source, start).ok_or("no string there")?;
        let literal = source[start..].starts_with('\'') && !source[start..].starts_with("'''");
        let written = if literal
            && !edit.at.text.contains(['\'', '\n'])
            && !edit.at.text.contains(char::is_control)
        {
            format!("'{}'", edit.at.text)
        } else {
            toml_basic(&edit.at.text)
        };
        replacements.push((start, end, written));
        toml_set(&mut expected, &edit.key, &edit.lang, &edit.at.text).ok_or("no such key")?;
    }
    let edited = replace(source, replacements)?;
    let after: toml::Value = toml::from_str(&edited).map_err(|e| e.to_string())?;
    if after == expected {
        Ok(edited)
    } else {
        Err("the new text did not read back as written".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(line: u32, col: u32, text: &str) -> Edit {
        Edit {
            line,
            col,
            text: text.into(),
        }
    }

    const DOC: &str = "# a comment\ntitle: { cy: Helo, en: \"Hello\" }   # kept\nbody:\n  cy: |\n    ## Pennawd\n\n    Testun.\n  en: |\n    ## Heading\n\n    Text.\nsummary:\n  cy: 'Un'  # also kept\n  en: plain\n    wrapped\nlast: x\n";

    #[test]
    fn only_the_value_changes() {
        let (out, values) = yaml(
            DOC,
            &[
                edit(2, 14, "Helo, byd"),
                edit(5, 5, "## Pennawd newydd\n\nTestun: newydd."),
                edit(13, 7, "Dau: it's"),
                edit(14, 7, "one line"),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "# a comment\ntitle: { cy: 'Helo, byd', en: \"Hello\" }   # kept\nbody:\n  cy: |\n    ## Pennawd newydd\n\n    Testun: newydd.\n  en: |\n    ## Heading\n\n    Text.\nsummary:\n  cy: 'Dau: it''s'  # also kept\n  en: one line\nlast: x\n"
        );
        assert_eq!(values[1], "## Pennawd newydd\n\nTestun: newydd.\n");
    }

    #[test]
    fn several_lines_become_a_block_in_block_context_and_quotes_in_flow() {
        let (out, _) = yaml(DOC, &[edit(2, 14, "a\nb"), edit(14, 7, "c\n\nd")]).unwrap();
        assert!(out.contains("{ cy: \"a\\nb\", en:"), "{out}");
        assert!(out.contains("  en: |\n    c\n\n    d\nlast: x\n"), "{out}");
    }

    #[test]
    fn awkward_texts_fall_back_to_double_quotes() {
        let (out, values) =
            yaml(DOC, &[edit(5, 5, "  indented\nfirst"), edit(14, 7, "true")]).unwrap();
        assert!(
            out.contains("  cy: \"  indented\\nfirst\"\n  en: |"),
            "{out}"
        );
        assert!(out.contains("  en: 'true'\n"), "{out}");
        assert_eq!(values[0], "  indented\nfirst");
    }

    #[test]
    fn windows_line_endings_are_kept() {
        let doc = "# note\r\nbody:\r\n  cy: |\r\n    Un\r\n\r\n    Dau\r\n  en: x\r\n";
        let (out, values) = yaml(doc, &[edit(4, 5, "Tri\n\nPedwar")]).unwrap();
        assert_eq!(
            out,
            "# note\r\nbody:\r\n  cy: |\r\n    Tri\r\n\r\n    Pedwar\r\n  en: x\r\n"
        );
        assert_eq!(values[0], "Tri\n\nPedwar\n");
    }

    #[test]
    fn folded_blocks_are_wrapped_again() {
        let doc = "summary:\n  cy: >-\n    Un dau tri\n    pedwar.\n  en: x\n";
        let (out, values) = yaml(
            doc,
            &[edit(
                3,
                5,
                "Un dau tri pedwar pump chwech saith wyth naw deg un ar ddeg deuddeg tri ar ddeg",
            )],
        )
        .unwrap();
        assert_eq!(
            out,
            "summary:\n  cy: >-\n    Un dau tri pedwar pump chwech saith wyth naw deg un ar ddeg deuddeg tri ar\n    ddeg\n  en: x\n"
        );
        assert_eq!(
            values[0],
            "Un dau tri pedwar pump chwech saith wyth naw deg un ar ddeg deuddeg tri ar ddeg"
        );
    }

    #[test]
    fn toml_strings_are_replaced_in_place() {
        let src = "[site]\n# note\ntitle = { cy = \"Canllaw\", en = 'Guide' }\n";
        let out = toml(
            src,
            &[TomlEdit {
                at: edit(3, 16, "Canllaw \"bach\""),
                key: "site.title".into(),
                lang: "cy".into(),
            }],
        )
        .unwrap();
        assert_eq!(
            out,
            "[site]\n# note\ntitle = { cy = \"Canllaw \\\"bach\\\"\", en = 'Guide' }\n"
        );
    }
}
