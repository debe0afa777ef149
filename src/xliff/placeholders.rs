//! Markup a translator must not break, as XLIFF inline codes.
//!
//! A text is cut into [`Piece`]s: runs of words to translate, and codes that
//! stand for markup. The codes travel through the CAT tool as XLIFF tags,
//! which translators move but cannot edit, and come back by their number;
//! canllaw writes each one's markup from the *current source*, never from what
//! the file says, so a link's address cannot be changed or lost in
//! translation.
//!
//! - Markdown: emphasis, strong, strikethrough, links and images are paired
//!   codes (`<g>`), whose content is translated; code spans and autolinks
//!   are shown as `<ph>` with their text; the line structure — blank lines,
//!   list, heading and quote markers, table pipes, indentation — is `<x/>`.
//!   A line break inside a paragraph stays a plain line break, so a
//!   translator may rewrap.
//! - Fluent: each simple placeable (`{ $name }`, `{ -term }`, `{"{"}`) is a
//!   `<ph>` showing its syntax. Selectors (`{ $count -> … }`) stay as text
//!   around their protected placeables, because a Welsh plural needs its own
//!   variants ([zero] … [other]) that the English does not have.
//!
//! The cutting is lossless: the pieces put back together give the text
//! exactly. Where the scanner does not recognise some markup it stays text,
//! and [`skeleton`] — comrak's reading of the result — still catches a
//! translation whose structure or links differ from the source's.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};

/// How a text is written: decides what is markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// Plain text: no markup.
    Plain,
    /// CommonMark with tables, as the site renders it.
    Markdown,
    /// A Fluent pattern, as written in a `.ftl` file.
    Fluent,
}

/// What a code stands for; decides its XLIFF element and `ctype`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Line structure: line ends, blank lines, list, heading and quote
    /// markers, table pipes, indentation, fenced code.
    Block,
    /// `**strong**`.
    Bold,
    /// `*emphasis*`.
    Italic,
    /// `***both***`.
    BoldItalic,
    /// `~~struck~~`.
    Strike,
    /// `[label](address)`.
    Link,
    /// `![alt](address)`.
    Image,
    /// `` `code` ``.
    CodeSpan,
    /// `<https://…>`.
    Autolink,
    /// A character XML cannot carry (a control character).
    Control,
    /// A Fluent placeable.
    Placeable,
}

impl Kind {
    /// True for codes that wrap translatable content (`<g>`).
    pub(crate) fn paired(self) -> bool {
        matches!(
            self,
            Kind::Bold | Kind::Italic | Kind::BoldItalic | Kind::Strike | Kind::Link | Kind::Image
        )
    }

    /// True for emphasis, strong emphasis and strikethrough.
    pub(crate) fn is_emphasis(self) -> bool {
        matches!(
            self,
            Kind::Bold | Kind::Italic | Kind::BoldItalic | Kind::Strike
        )
    }

    /// The XLIFF 1.2 `ctype`: a standard value where one fits, else `x-…`.
    pub(crate) fn ctype(self) -> &'static str {
        match self {
            Kind::Block => "x-md-block",
            Kind::Bold => "bold",
            Kind::Italic => "italic",
            Kind::BoldItalic => "x-bold-italic",
            Kind::Strike => "x-strike",
            Kind::Link => "link",
            Kind::Image => "image",
            Kind::CodeSpan => "x-md-code",
            Kind::Autolink => "x-md-autolink",
            Kind::Control => "x-control",
            Kind::Placeable => "x-fluent-placeable",
        }
    }

    /// True for standalone codes whose text the translator should see
    /// (written as `<ph>`); the others are `<x/>`.
    pub(crate) fn shows_text(self) -> bool {
        matches!(self, Kind::CodeSpan | Kind::Autolink | Kind::Placeable)
    }
}

/// One code: its kind and its markup (`close` is empty for standalone codes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Code {
    /// What it stands for.
    pub(crate) kind: Kind,
    /// The markup before the content, or the whole markup of a standalone code.
    pub(crate) open: String,
    /// The markup after the content of a paired code.
    pub(crate) close: String,
}

/// A piece of a cut text; codes by their index in [`Segmented::codes`]
/// (their XLIFF id is the index plus one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Words to translate.
    Text(String),
    /// The start of a paired code.
    Start(usize),
    /// The end of a paired code.
    End(usize),
    /// A standalone code.
    Code(usize),
}

/// A text cut into pieces, and its codes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Segmented {
    /// The pieces in order.
    pub(crate) pieces: Vec<Piece>,
    /// The codes the pieces refer to.
    pub(crate) codes: Vec<Code>,
}

impl Segmented {
    fn text(&mut self, s: &str) {
        let mut from = 0;
        for (i, c) in s.char_indices() {
            if is_unsafe_char(c) {
                self.push_text(&s[from..i]);
                self.standalone(Kind::Control, &s[i..i + c.len_utf8()]);
                from = i + c.len_utf8();
            }
        }
        self.push_text(&s[from..]);
    }

    fn push_text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(Piece::Text(last)) = self.pieces.last_mut() {
            last.push_str(s);
        } else {
            self.pieces.push(Piece::Text(s.to_string()));
        }
    }

    fn standalone(&mut self, kind: Kind, native: &str) {
        if native.is_empty() {
            return;
        }
        // Consecutive structure is one code: fewer tags for the translator.
        if kind == Kind::Block
            && let Some(Piece::Code(last)) = self.pieces.last()
            && self.codes[*last].kind == Kind::Block
        {
            let last = *last;
            self.codes[last].open.push_str(native);
            return;
        }
        self.codes.push(Code {
            kind,
            open: native.to_string(),
            close: String::new(),
        });
        self.pieces.push(Piece::Code(self.codes.len() - 1));
    }

    fn start(&mut self, kind: Kind, open: &str, close: &str) -> usize {
        self.codes.push(Code {
            kind,
            open: open.to_string(),
            close: close.to_string(),
        });
        let index = self.codes.len() - 1;
        self.pieces.push(Piece::Start(index));
        index
    }

    fn end(&mut self, index: usize) {
        self.pieces.push(Piece::End(index));
    }

    /// The text the pieces stand for.
    #[cfg(test)]
    pub(crate) fn native(&self) -> String {
        native(&self.pieces, &self.codes)
    }
}

/// The text that `pieces` stand for, with `codes`' markup.
#[cfg(test)]
fn native(pieces: &[Piece], codes: &[Code]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Start(i) | Piece::Code(i) => out.push_str(&codes[*i].open),
            Piece::End(i) => out.push_str(&codes[*i].close),
        }
    }
    out
}

/// True for characters XML 1.0 cannot carry, or carries changed (a carriage
/// return becomes a line feed).
fn is_unsafe_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{d}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Cuts `text`, written in `syntax`, into pieces.
pub(crate) fn segment(syntax: Syntax, text: &str) -> Segmented {
    let mut out = Segmented::default();
    match syntax {
        Syntax::Plain => out.text(text),
        Syntax::Markdown => markdown(text, &mut out),
        Syntax::Fluent => fluent(text, &mut out),
    }
    out
}

// ---------------------------------------------------------------- Markdown

/// Per line: true if it belongs to a table (header, delimiter or row).
fn table_lines(lines: &[&str]) -> Vec<bool> {
    let delimiter: Vec<bool> = lines.iter().map(|l| is_delimiter_row(l)).collect();
    let mut table = vec![false; lines.len()];
    for i in 0..lines.len() {
        let line = lines[i].trim_end_matches('\n');
        let row_after = i > 0 && table[i - 1];
        table[i] = (delimiter[i] && row_after)
            || (i + 1 < lines.len() && delimiter[i + 1] && line.contains('|'))
            || (row_after && !line.trim().is_empty() && line.contains('|'));
    }
    table
}

fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    if !line.contains('|') || !line.contains('-') {
        return false;
    }
    let inner = line.trim_start_matches('|').trim_end_matches('|');
    inner.split('|').all(|cell| {
        let cell = cell.trim();
        let cell = cell.strip_prefix(':').unwrap_or(cell);
        let cell = cell.strip_suffix(':').unwrap_or(cell);
        !cell.is_empty() && cell.bytes().all(|b| b == b'-')
    })
}

/// A fence opening: its character and length.
fn fence_open(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let c = *trimmed.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = trimmed.bytes().take_while(|b| *b == c).count();
    (n >= 3).then_some((c, n))
}

fn fence_closes(line: &str, (c, n): (u8, usize)) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= n && trimmed.bytes().all(|b| b == c)
}

/// A thematic break, or a setext heading's underline: all markup.
fn is_rule(line: &str) -> bool {
    let trimmed = line.trim();
    let Some(c) = trimmed.bytes().next() else {
        return false;
    };
    if c == b'=' {
        return trimmed.bytes().all(|b| b == b'=');
    }
    matches!(c, b'-' | b'*' | b'_')
        && trimmed.bytes().filter(|b| *b == c).count() >= 3
        && trimmed.bytes().all(|b| b == c || b == b' ' || b == b'\t')
}

/// The length of a line's block markers: indentation, `>`, list markers,
/// heading hashes, with the spaces after them.
fn block_prefix(line: &str) -> usize {
    let b = line.as_bytes();
    let len = b.len();
    let spaces = |mut i: usize| {
        while i < len && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        i
    };
    let after_marker = |i: usize| i == len || b[i] == b' ' || b[i] == b'\t';
    let mut i = 0;
    loop {
        i = spaces(i);
        if i >= len {
            return i;
        }
        if b[i] == b'>' {
            i += 1;
            continue;
        }
        if matches!(b[i], b'-' | b'*' | b'+') && after_marker(i + 1) {
            i += 1;
            continue;
        }
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=9).contains(&digits)
            && i + digits < len
            && matches!(b[i + digits], b'.' | b')')
            && after_marker(i + digits + 1)
        {
            i += digits + 1;
            continue;
        }
        let hashes = b[i..].iter().take_while(|c| **c == b'#').count();
        if (1..=6).contains(&hashes) && after_marker(i + hashes) {
            return spaces(i + hashes);
        }
        return i;
    }
}

fn markdown(text: &str, out: &mut Segmented) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let table = table_lines(&lines);
    let mut fence = None;
    // The end of the previous line (trailing spaces, line break), not yet
    // written: a plain line break inside a paragraph is text, anything else
    // is structure.
    let mut pending = String::new();
    let mut previous_was_text = false;
    for (i, line) in lines.iter().enumerate() {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let end = &line[body.len()..];
        if let Some(f) = fence {
            out.standalone(Kind::Block, &std::mem::take(&mut pending));
            out.standalone(Kind::Block, line);
            if fence_closes(body, f) {
                fence = None;
            }
            previous_was_text = false;
            continue;
        }
        let whole_line_markup =
            body.trim().is_empty() || is_rule(body) || table[i] && is_delimiter_row(body);
        if let Some(f) = fence_open(body) {
            fence = Some(f);
        }
        if fence.is_some() || whole_line_markup {
            out.standalone(Kind::Block, &std::mem::take(&mut pending));
            out.standalone(Kind::Block, line);
            previous_was_text = false;
            continue;
        }
        let prefix = block_prefix(body);
        let content = &body[prefix..];
        let kept = content.trim_end_matches([' ', '\t']);
        let (kept, trailing) = match kept.strip_suffix('\\') {
            // A backslash at the end of a line is a hard line break.
            Some(k) if !end.is_empty() && !k.ends_with('\\') => (k, &content[k.len()..]),
            _ => (kept, &content[kept.len()..]),
        };
        // A line that continues a paragraph: the line break and indentation
        // are a space to the reader, so a translator may rewrap.
        let soft = previous_was_text
            && pending.trim_end_matches('\n').len() < 2
            && !pending.contains('\\')
            && body[..prefix].trim().is_empty()
            && !table[i];
        if soft {
            out.text(&pending);
            out.text(&body[..prefix]);
            pending.clear();
        } else {
            out.standalone(Kind::Block, &pending);
        }
        if !soft {
            out.standalone(Kind::Block, &body[..prefix]);
        }
        if table[i] {
            table_row(kept, out);
        } else {
            inline(kept, out);
        }
        pending = format!("{trailing}{end}");
        // After a heading or a table row, a line break is structure.
        previous_was_text = !table[i] && !body[..prefix].contains('#');
    }
    out.standalone(Kind::Block, &pending);
}

/// The byte positions of the pipes that separate a table row's cells (not
/// escaped, not in code spans).
fn table_row(row: &str, out: &mut Segmented) {
    let b = row.as_bytes();
    let mut pipes = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let n = b[i..].iter().take_while(|c| **c == b'`').count();
                i = match closing_backticks(row, i + n, n) {
                    Some(end) => end + n,
                    None => i + n,
                };
            }
            b'|' => {
                pipes.push(i);
                i += 1;
            }
            _ => i += 1,
        }
    }
    let mut start = 0;
    for &pipe in pipes.iter().chain(std::iter::once(&row.len())) {
        let cell = &row[start..pipe.min(row.len())];
        let trimmed = cell.trim();
        let lead = cell.len() - cell.trim_start().len();
        out.standalone(Kind::Block, &cell[..lead]);
        inline(trimmed, out);
        out.standalone(Kind::Block, &cell[lead + trimmed.len()..]);
        if pipe < row.len() {
            out.standalone(Kind::Block, "|");
        }
        start = pipe + 1;
    }
}

/// Where a run of exactly `n` backticks starts, from `from` on.
fn closing_backticks(s: &str, from: usize, n: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() {
        if b[i] == b'`' {
            let run = b[i..].iter().take_while(|c| **c == b'`').count();
            if run == n {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// The end (exclusive) of an autolink starting at `start` (`<scheme:…>`).
fn autolink(s: &str, start: usize) -> Option<usize> {
    let rest = &s[start + 1..];
    let end = rest.find('>')?;
    let inner = &rest[..end];
    let (scheme, after) = inner.split_once(':')?;
    let scheme_ok = (2..=32).contains(&scheme.len())
        && scheme.as_bytes()[0].is_ascii_alphabetic()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'));
    let after_ok = !after.contains(|c: char| c.is_whitespace() || c == '<');
    (scheme_ok && after_ok).then_some(start + 1 + end + 1)
}

/// From the `[` at `open`: the matching `]` and the `)` that ends `(…)`
/// right after it.
fn link_at(s: &str, open: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut depth = 0;
    let mut i = open;
    let close = loop {
        if i >= b.len() {
            return None;
        }
        match b[i] {
            b'\\' => i += 1,
            b'`' => {
                let n = b[i..].iter().take_while(|c| **c == b'`').count();
                if let Some(end) = closing_backticks(s, i + n, n) {
                    i = end + n - 1;
                } else {
                    i += n - 1;
                }
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break i;
                }
            }
            _ => {}
        }
        i += 1;
    };
    if b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let mut i = close + 2;
    let mut depth = 1;
    let mut in_angle = b.get(i) == Some(&b'<');
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'>' if in_angle => in_angle = false,
            b'(' if !in_angle => depth += 1,
            b')' if !in_angle => {
                depth -= 1;
                if depth == 0 {
                    return Some((close, i));
                }
            }
            b'\n' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// From a delimiter run of `n` × `c` at `open`: where the same run closes.
fn emphasis_end(s: &str, open: usize, c: u8, n: usize) -> Option<usize> {
    let b = s.as_bytes();
    let after = open + n;
    let next = s[after..].chars().next()?;
    if next.is_whitespace() {
        return None;
    }
    if c == b'_'
        && s[..open]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let mut i = after;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let run = b[i..].iter().take_while(|x| **x == b'`').count();
                i = closing_backticks(s, i + run, run).map_or(i + run, |e| e + run);
            }
            x if x == c => {
                let run = b[i..].iter().take_while(|y| **y == c).count();
                let before = s[..i].chars().next_back();
                let after_run = s[i + run..].chars().next();
                let closes = run == n
                    && i > after
                    && before.is_some_and(|p| !p.is_whitespace())
                    && (c != b'_' || !after_run.is_some_and(char::is_alphanumeric));
                if closes {
                    return Some(i);
                }
                i += run;
            }
            _ => i += 1,
        }
    }
    None
}

/// Cuts a run of inline Markdown (no line structure) into text and codes.
fn inline(s: &str, out: &mut Segmented) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut text_from = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
            b'`' => {
                let n = b[i..].iter().take_while(|c| **c == b'`').count();
                match closing_backticks(s, i + n, n) {
                    Some(end) => {
                        out.text(&s[text_from..i]);
                        out.standalone(Kind::CodeSpan, &s[i..end + n]);
                        i = end + n;
                        text_from = i;
                    }
                    None => i += n,
                }
            }
            b'<' => match autolink(s, i) {
                Some(end) => {
                    out.text(&s[text_from..i]);
                    out.standalone(Kind::Autolink, &s[i..end]);
                    i = end;
                    text_from = i;
                }
                None => i += 1,
            },
            b'[' | b'!' => {
                let (open, kind) = if b[i] == b'!' {
                    (i + 1, Kind::Image)
                } else {
                    (i, Kind::Link)
                };
                match (b.get(open), link_at(s, open)) {
                    (Some(b'['), Some((close, end))) => {
                        out.text(&s[text_from..i]);
                        let index = out.start(kind, &s[i..=open], &s[close..=end]);
                        inline(&s[open + 1..close], out);
                        out.end(index);
                        i = end + 1;
                        text_from = i;
                    }
                    _ => i += 1,
                }
            }
            c @ (b'*' | b'_' | b'~') => {
                let n = b[i..].iter().take_while(|x| **x == c).count();
                let kind = match (c, n) {
                    (b'~', 2) => Some(Kind::Strike),
                    (b'~', _) => None,
                    (_, 1) => Some(Kind::Italic),
                    (_, 2) => Some(Kind::Bold),
                    (_, 3) => Some(Kind::BoldItalic),
                    _ => None,
                };
                match kind.and_then(|k| emphasis_end(s, i, c, n).map(|e| (k, e))) {
                    Some((kind, end)) => {
                        out.text(&s[text_from..i]);
                        let run = &s[i..i + n];
                        let index = out.start(kind, run, run);
                        inline(&s[i + n..end], out);
                        out.end(index);
                        i = end + n;
                        text_from = i;
                    }
                    None => i += n,
                }
            }
            _ => i += 1,
        }
    }
    out.text(&s[text_from..]);
}

// ------------------------------------------------------------------ Fluent

/// The end (exclusive) of the placeable whose `{` is at `open`, and whether
/// it is a selector (`->` at its own level).
fn placeable_at(s: &str, open: usize) -> Option<(usize, bool)> {
    let b = s.as_bytes();
    let mut depth = 0;
    let mut select = false;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((i + 1, select));
                }
            }
            b'-' if depth == 1 && b.get(i + 1) == Some(&b'>') => select = true,
            _ => {}
        }
        i += 1;
    }
    None
}

fn fluent(s: &str, out: &mut Segmented) {
    let mut i = 0;
    let mut text_from = 0;
    while let Some(offset) = s[i..].find('{') {
        let open = i + offset;
        match placeable_at(s, open) {
            Some((end, false)) => {
                out.text(&s[text_from..open]);
                out.standalone(Kind::Placeable, &s[open..end]);
                i = end;
                text_from = end;
            }
            // A selector's own syntax stays text; its variants' placeables
            // are found as the scan goes on inside it.
            _ => i = open + 1,
        }
    }
    out.text(&s[text_from..]);
}

// -------------------------------------------------------- the way back

/// A translated text as read from XLIFF: text and tags by their id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Inline {
    /// Text.
    Text(String),
    /// `<g id>…</g>`.
    Paired(String, Vec<Inline>),
    /// `<bx/>`, `<bpt>`, or `<it pos="open">`: a paired code's start alone.
    Open(String),
    /// `<ex/>`, `<ept>`, or `<it pos="close">`: a paired code's end alone.
    Close(String),
    /// `<x/>` or `<ph>`: a standalone code.
    Single(String),
}

/// Why a translation's tags do not fit its source's codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Issue {
    /// A tag whose id the source does not have.
    Unknown(String),
    /// A source code missing from the translation.
    Missing(usize),
    /// A code used more than once.
    Repeated(usize),
    /// A paired code used as a standalone one, or the other way round.
    Misused(usize),
    /// Line structure moved out of its order.
    Order(usize),
}

fn code_index(id: &str, codes: &[Code]) -> Option<usize> {
    id.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=codes.len()).contains(n))
        .map(|n| n - 1)
}

/// The text a translation stands for, with every code's markup taken from
/// the source; or every way its tags do not fit.
pub(crate) fn rebuild(
    source: &Segmented,
    translation: &[Inline],
    syntax: Syntax,
) -> Result<String, Vec<Issue>> {
    struct Walk<'a> {
        codes: &'a [Code],
        out: String,
        opened: Vec<usize>,
        closed: Vec<usize>,
        blocks: Vec<usize>,
        issues: Vec<Issue>,
    }
    impl Walk<'_> {
        fn go(&mut self, items: &[Inline]) {
            for item in items {
                match item {
                    Inline::Text(t) => self.out.push_str(t),
                    Inline::Paired(id, children) => match code_index(id, self.codes) {
                        Some(i) if self.codes[i].kind.paired() => {
                            self.opened[i] += 1;
                            self.closed[i] += 1;
                            self.out.push_str(&self.codes[i].open);
                            self.go(children);
                            self.out.push_str(&self.codes[i].close);
                        }
                        Some(i) => self.issues.push(Issue::Misused(i)),
                        None => self.issues.push(Issue::Unknown(id.clone())),
                    },
                    Inline::Open(id) | Inline::Close(id) => match code_index(id, self.codes) {
                        Some(i) if self.codes[i].kind.paired() => {
                            if matches!(item, Inline::Open(_)) {
                                self.opened[i] += 1;
                                self.out.push_str(&self.codes[i].open);
                            } else {
                                self.closed[i] += 1;
                                self.out.push_str(&self.codes[i].close);
                            }
                        }
                        Some(i) => self.issues.push(Issue::Misused(i)),
                        None => self.issues.push(Issue::Unknown(id.clone())),
                    },
                    Inline::Single(id) => match code_index(id, self.codes) {
                        Some(i) if !self.codes[i].kind.paired() => {
                            self.opened[i] += 1;
                            self.closed[i] += 1;
                            if self.codes[i].kind == Kind::Block {
                                self.blocks.push(i);
                            }
                            self.out.push_str(&self.codes[i].open);
                        }
                        Some(i) => self.issues.push(Issue::Misused(i)),
                        None => self.issues.push(Issue::Unknown(id.clone())),
                    },
                }
            }
        }
    }
    let n = source.codes.len();
    let mut walk = Walk {
        codes: &source.codes,
        out: String::new(),
        opened: vec![0; n],
        closed: vec![0; n],
        blocks: Vec::new(),
        issues: Vec::new(),
    };
    walk.go(translation);
    if syntax != Syntax::Fluent {
        // Each piece of markup exactly once; Fluent placeables may repeat
        // across plural variants, or be left out of one.
        for i in 0..n {
            let uses = walk.opened[i].max(walk.closed[i]);
            // Emphasis a translation does without says less, not something
            // else: it may be left out.
            if uses == 0 && source.codes[i].kind.is_emphasis() {
                continue;
            }
            if uses == 0 {
                walk.issues.push(Issue::Missing(i));
            } else if uses > 1 || walk.opened[i] != walk.closed[i] {
                walk.issues.push(Issue::Repeated(i));
            }
        }
        if let Some(pair) = walk.blocks.windows(2).find(|w| w[1] < w[0]) {
            walk.issues.push(Issue::Order(pair[1]));
        }
    }
    if walk.issues.is_empty() {
        Ok(walk.out)
    } else {
        Err(walk.issues)
    }
}

/// Pieces as the tree of text and tags that reading them back from XLIFF
/// gives, ids numbered as in the source.
pub(crate) fn as_inline(pieces: &[Piece]) -> Vec<Inline> {
    let mut stack: Vec<(String, Vec<Inline>)> = vec![(String::new(), Vec::new())];
    for piece in pieces {
        match piece {
            Piece::Text(t) => stack
                .last_mut()
                .expect("root")
                .1
                .push(Inline::Text(t.clone())),
            Piece::Code(i) => stack
                .last_mut()
                .expect("root")
                .1
                .push(Inline::Single((i + 1).to_string())),
            Piece::Start(i) => stack.push(((i + 1).to_string(), Vec::new())),
            Piece::End(_) => {
                if stack.len() > 1 {
                    let (id, children) = stack.pop().expect("checked");
                    stack
                        .last_mut()
                        .expect("root")
                        .1
                        .push(Inline::Paired(id, children));
                }
            }
        }
    }
    normalise(stack.swap_remove(0).1)
}

/// Adjacent texts joined and empty ones dropped, so that two readings of
/// the same content compare equal.
pub(crate) fn normalise(items: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for item in items {
        match item {
            Inline::Text(t) if t.is_empty() => {}
            Inline::Text(t) => match out.last_mut() {
                Some(Inline::Text(last)) => last.push_str(&t),
                _ => out.push(Inline::Text(t)),
            },
            Inline::Paired(id, children) => out.push(Inline::Paired(id, normalise(children))),
            other => out.push(other),
        }
    }
    out
}

/// The pieces of a translation as it stands, with each of its codes matched
/// to the source's code of the same markup, for export; markup the source
/// does not have (a translation out of date) is shown as text, for the
/// translator to replace with the source's tags.
pub(crate) fn align(source: &Segmented, target: &Segmented, syntax: Syntax) -> Vec<Piece> {
    let mut used = vec![false; source.codes.len()];
    let mut mapped: Vec<Option<usize>> = vec![None; target.codes.len()];
    let mut pieces = Vec::new();
    let push_text = |pieces: &mut Vec<Piece>, t: &str| match pieces.last_mut() {
        Some(Piece::Text(last)) => last.push_str(t),
        _ => pieces.push(Piece::Text(t.to_string())),
    };
    for piece in &target.pieces {
        match piece {
            Piece::Text(t) => push_text(&mut pieces, t),
            Piece::Start(t) | Piece::Code(t) => {
                let code = &target.codes[*t];
                let found = source
                    .codes
                    .iter()
                    .enumerate()
                    .position(|(i, c)| c == code && (syntax == Syntax::Fluent || !used[i]));
                match found {
                    Some(s) => {
                        used[s] = true;
                        mapped[*t] = Some(s);
                        pieces.push(if matches!(piece, Piece::Start(_)) {
                            Piece::Start(s)
                        } else {
                            Piece::Code(s)
                        });
                    }
                    // A control character the source lacks cannot be text.
                    None if code.kind == Kind::Control => {}
                    None => push_text(&mut pieces, &code.open),
                }
            }
            Piece::End(t) => match mapped[*t] {
                Some(s) => pieces.push(Piece::End(s)),
                None => push_text(&mut pieces, &target.codes[*t].close),
            },
        }
    }
    pieces
}

// -------------------------------------------------------------- skeleton

/// What of a Markdown text's structure differs between two texts: `None` if
/// nothing; else `structure` (blocks, lists, headings, tables) or `links`
/// (addresses). Emphasis may differ: a language may need less of it.
pub(crate) fn skeleton_differs(source: &str, translation: &str) -> Option<&'static str> {
    let (a, b) = (skeleton(source), skeleton(translation));
    if a.0 != b.0 {
        Some("structure")
    } else if a.1 != b.1 {
        Some("links")
    } else {
        None
    }
}

/// The blocks in order and the link addresses sorted, as comrak reads the
/// text the site renders.
fn skeleton(md: &str) -> (Vec<String>, Vec<String>) {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    let root = parse_document(&arena, md, &options);
    let mut blocks = Vec::new();
    let mut links = Vec::new();
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Paragraph => blocks.push("p".to_string()),
            NodeValue::Heading(h) => blocks.push(format!("h{}", h.level)),
            NodeValue::List(_) => blocks.push(format!("list {}", node.children().count())),
            NodeValue::Table(t) => blocks.push(format!(
                "table {}x{}",
                node.children().count(),
                t.num_columns
            )),
            NodeValue::BlockQuote => blocks.push("quote".into()),
            NodeValue::CodeBlock(_) => blocks.push("code".into()),
            NodeValue::ThematicBreak => blocks.push("hr".into()),
            NodeValue::HtmlBlock(_) => blocks.push("html".into()),
            NodeValue::Link(l) | NodeValue::Image(l) => links.push(l.url.clone()),
            _ => {}
        }
    }
    links.sort();
    (blocks, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(syntax: Syntax, text: &str) -> Segmented {
        let s = segment(syntax, text);
        assert_eq!(s.native(), text, "{:?}", s.pieces);
        s
    }

    fn shown(s: &Segmented) -> String {
        s.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Start(i) => format!("<{}>", i + 1),
                Piece::End(i) => format!("</{}>", i + 1),
                Piece::Code(i) => format!("<{}/>", i + 1),
            })
            .collect()
    }

    #[test]
    fn markdown_markup_becomes_codes_and_words_stay_text() {
        let s = roundtrip(
            Syntax::Markdown,
            "## What this asks\n\nA **good** record quotes the person. See [the example](example:walking-to-the-shop).\n\n- Listen\n- Quote",
        );
        assert_eq!(
            shown(&s),
            "<1/>What this asks<2/>A <3>good</3> record quotes the person. See <4>the example</4>.<5/>Listen<6/>Quote"
        );
        assert_eq!(s.codes[3].close, "](example:walking-to-the-shop)");
        assert_eq!(s.codes[4].open, "\n\n- ");
    }

    #[test]
    fn soft_breaks_stay_text_and_tables_keep_pipes() {
        let s = roundtrip(Syntax::Markdown, "one line\nand the next");
        assert_eq!(shown(&s), "one line\nand the next");
        let s = roundtrip(Syntax::Markdown, "- an item\n  that wraps\n- next");
        assert_eq!(shown(&s), "<1/>an item\n  that wraps<2/>next");
        let s = roundtrip(
            Syntax::Markdown,
            "| When | What |\n|---|---|\n| Today | `code` and *it* |",
        );
        assert_eq!(
            shown(&s),
            "<1/>When<2/>What<3/>Today<4/><5/> and <6>it</6><7/>"
        );
    }

    #[test]
    fn odd_markdown_is_lossless() {
        for text in [
            "a * b * c",
            "snake_case_word and _emphasis_",
            "[not a link] and [x](y (z)) and ![alt](i.png \"t\")",
            "```\ncode [x](y)\n```\nafter",
            "> quoted *text*\n> more",
            "1. one\n2. two\n   continued",
            "line with break  \nnext\\\nlast",
            "<https://example.org> and <b>html</b>",
            "unclosed **bold and `tick",
            "tab\tand \u{1} control\r",
            "***both*** ~~gone~~ ~one~",
            "# Heading #\n---\ntext\n===",
        ] {
            roundtrip(Syntax::Markdown, text);
        }
    }

    #[test]
    fn fluent_placeables_are_codes_and_selectors_text() {
        let s = roundtrip(
            Syntax::Fluent,
            "{ $count ->\n    [one] One example\n   *[other] { $count } examples\n}",
        );
        assert_eq!(
            shown(&s),
            "{ $count ->\n    [one] One example\n   *[other] <1/> examples\n}"
        );
        let s = roundtrip(Syntax::Fluent, "Published by { $organisation }{\"{\"}.");
        assert_eq!(shown(&s), "Published by <1/><2/>.");
    }

    #[test]
    fn rebuild_takes_markup_from_the_source() {
        let source = segment(Syntax::Markdown, "See [the example](example:a) now.");
        let target = vec![
            Inline::Text("Gweler ".into()),
            Inline::Paired("1".into(), vec![Inline::Text("yr enghraifft".into())]),
            Inline::Text(" nawr.".into()),
        ];
        assert_eq!(
            rebuild(&source, &target, Syntax::Markdown).unwrap(),
            "Gweler [yr enghraifft](example:a) nawr."
        );
        let dropped = vec![Inline::Text("Gweler yr enghraifft.".into())];
        assert_eq!(
            rebuild(&source, &dropped, Syntax::Markdown),
            Err(vec![Issue::Missing(0)])
        );
        let wrong = vec![Inline::Single("1".into()), Inline::Single("7".into())];
        assert_eq!(
            rebuild(&source, &wrong, Syntax::Markdown),
            Err(vec![
                Issue::Misused(0),
                Issue::Unknown("7".into()),
                Issue::Missing(0)
            ])
        );
    }

    #[test]
    fn align_matches_codes_by_markup() {
        let source = segment(Syntax::Markdown, "See [a](example:a) and **b**.");
        let target = segment(Syntax::Markdown, "**B** a [A](example:a) [old](example:z).");
        let pieces = align(&source, &target, Syntax::Markdown);
        assert_eq!(
            pieces,
            vec![
                Piece::Start(1),
                Piece::Text("B".into()),
                Piece::End(1),
                Piece::Text(" a ".into()),
                Piece::Start(0),
                Piece::Text("A".into()),
                Piece::End(0),
                Piece::Text(" [old](example:z).".into()),
            ]
        );
    }

    #[test]
    fn skeleton_tells_structure_from_words() {
        assert_eq!(skeleton_differs("a [x](y)\n\n- b", "c [z](y)\n\n- d"), None);
        assert_eq!(skeleton_differs("a [x](y)", "a [x](z)"), Some("links"));
        assert_eq!(skeleton_differs("a *b*", "a b"), None);
        assert_eq!(
            skeleton_differs("- a\n- b", "- a\n\n- b\n- c"),
            Some("structure")
        );
    }
}
