//! Running text: spans in one look each (bold, italic, size, colour), some of
//! them links, broken into ragged-right lines.
//!
//! Line breaks are chosen for the whole paragraph at once (a small
//! Knuth–Plass: the least total squared slack), so the right edge is even
//! without justification's rivers; words are hyphenated in the paragraph's
//! language where that evens it further, at the cost of a penalty, and never
//! twice running if it can be helped.

use std::sync::OnceLock;

use super::super::font::{Face, fonts, italics};
use super::super::layout::Rgb;
use super::super::text::breaks;
use crate::lang::Lang;

/// How a span of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// Size in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// Colour.
    pub color: Rgb,
}

impl Look {
    /// Regular text of `size` in `color`.
    pub const fn new(size: f32, bold: bool, color: Rgb) -> Look {
        Look {
            size,
            bold,
            italic: false,
            color,
        }
    }

    /// The face the look is set in.
    pub fn face(&self) -> &'static Face {
        if self.italic {
            italics().face(self.bold)
        } else {
            fonts().face(self.bold)
        }
    }

    /// The width of `text` in this look, in points.
    pub fn width(&self, text: &str) -> f32 {
        let table = &advances()[usize::from(self.bold) + 2 * usize::from(self.italic)];
        let face = self.face();
        text.chars()
            .map(|c| {
                table
                    .get(c as usize)
                    .copied()
                    .unwrap_or_else(|| face.advance(c))
            })
            .sum::<f32>()
            * self.size
    }

    /// The same, bold.
    pub fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    /// The same, italic.
    pub fn italic(self) -> Look {
        Look {
            italic: true,
            ..self
        }
    }

    /// The same in another colour.
    pub fn colored(self, color: Rgb) -> Look {
        Look { color, ..self }
    }
}

/// The advances of the first characters of Unicode (Latin with its
/// diacritics, Welsh's ŵ and ŷ among them) in each face, looked up once:
/// measuring is most of what laying out a book does.
fn advances() -> &'static [Vec<f32>; 4] {
    static TABLE: OnceLock<[Vec<f32>; 4]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let faces = [
            &fonts().regular,
            &fonts().bold,
            &italics().regular,
            &italics().bold,
        ];
        faces.map(|face| {
            (0..0x2100_u32)
                .map(|c| char::from_u32(c).map_or(0.0, |c| face.advance(c)))
                .collect()
        })
    })
}

/// A link in a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkTo {
    /// The anchor it leads to, in the workbook.
    pub anchor: String,
    /// Underlined lightly (glossary terms): the reader finds it in the glossary.
    pub underline: bool,
    /// What the link is, for assistive technology (the annotation's text).
    pub alt: String,
}

/// A run of text in one look.
#[derive(Clone, Debug)]
pub struct Span {
    /// The text; `\n` is a forced line break.
    pub text: String,
    /// How it looks.
    pub look: Look,
    /// The index of its link in [`Inline::links`], if it is one.
    pub link: Option<usize>,
    /// Its language when not the paragraph's.
    pub lang: Option<Lang>,
}

/// A paragraph's text before it is broken into lines.
#[derive(Clone, Debug, Default)]
pub struct Inline {
    /// The spans in reading order.
    pub spans: Vec<Span>,
    /// The links the spans refer to.
    pub links: Vec<LinkTo>,
}

impl Inline {
    /// A paragraph of one span.
    pub fn plain(text: &str, look: Look) -> Inline {
        let mut inline = Inline::default();
        inline.push(text, look);
        inline
    }

    /// Adds text in `look`.
    pub fn push(&mut self, text: &str, look: Look) {
        self.push_span(text, look, None, None);
    }

    /// Adds text in `look`, part of link `link`, in language `lang`.
    /// Straight quotes become typographic, as comrak's smart punctuation
    /// makes them in Markdown, so plain titles and bodies read alike.
    pub fn push_span(&mut self, text: &str, look: Look, link: Option<usize>, lang: Option<Lang>) {
        let prev = self.spans.last().and_then(|s| s.text.chars().next_back());
        self.push_as_written(&typographic(prev, text), look, link, lang);
    }

    /// Adds text exactly as written (code keeps its straight quotes).
    pub fn push_as_written(
        &mut self,
        text: &str,
        look: Look,
        link: Option<usize>,
        lang: Option<Lang>,
    ) {
        if text.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.look == look && last.link == link && last.lang == lang => {
                last.text.push_str(text);
            }
            _ => self.spans.push(Span {
                text: text.to_string(),
                look,
                link,
                lang,
            }),
        }
    }

    /// Starts a link; spans pushed with the returned index belong to it.
    pub fn link(&mut self, link: LinkTo) -> usize {
        self.links.push(link);
        self.links.len() - 1
    }

    /// True if there is no visible text.
    pub fn is_empty(&self) -> bool {
        self.spans.iter().all(|s| s.text.trim().is_empty())
    }

    /// The text without looks.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// `text` with straight quotes made typographic: opening after a space,
/// an opening bracket or a dash (or at the start), closing elsewhere, so an
/// apostrophe (`sy'n`) closes.
pub fn typographic(prev: Option<char>, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev = prev;
    let opens = |prev: Option<char>| {
        prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}".contains(p))
    };
    for c in text.chars() {
        out.push(match c {
            '"' if opens(prev) => '\u{201c}',
            '"' => '\u{201d}',
            '\'' if opens(prev) => '\u{2018}',
            '\'' => '\u{2019}',
            _ => c,
        });
        prev = Some(c);
    }
    out
}

/// A piece of a set line: text in one look.
#[derive(Clone, Debug)]
pub struct Piece {
    /// Left edge from the line's start.
    pub x: f32,
    /// Its width.
    pub width: f32,
    /// The text.
    pub text: String,
    /// How it looks.
    pub look: Look,
    /// Its link, if any.
    pub link: Option<usize>,
    /// Its language when not the paragraph's.
    pub lang: Option<Lang>,
}

/// One line of a paragraph.
#[derive(Clone, Debug, Default)]
pub struct Line {
    /// The pieces, left to right.
    pub pieces: Vec<Piece>,
    /// The width of the text.
    pub width: f32,
}

/// A piece of a word: text from one span.
#[derive(Clone, Debug)]
struct Frag {
    span: usize,
    text: String,
}

/// The items a paragraph is broken over.
#[derive(Clone, Debug)]
enum Tok {
    /// Part of a word.
    Word { width: f32, frags: Vec<Frag> },
    /// A space.
    Space { width: f32, span: usize },
    /// A place a word may break; `hyphen` if a hyphen is added there.
    Break {
        hyphen: Option<(usize, f32)>,
        cost: f32,
    },
    /// A forced line break.
    Forced,
}

/// Spaces that separate words (a no-break space does not).
fn is_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\n')
}

/// Cost of breaking at a hyphenation point.
const HYPHEN_COST: f32 = 40.0;
/// Extra cost of two hyphenated lines running.
const DOUBLE_HYPHEN_COST: f32 = 120.0;
/// Cost of breaking after a slash or a hard hyphen (in addresses, compounds).
const SOFT_COST: f32 = 15.0;

fn tokens(inline: &Inline, lang: Lang, hyphenate: bool, width: f32) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut word: Vec<Frag> = Vec::new();
    let flush = |word: &mut Vec<Frag>, toks: &mut Vec<Tok>| {
        if !word.is_empty() {
            split_word(std::mem::take(word), inline, lang, hyphenate, width, toks);
        }
    };
    for (i, span) in inline.spans.iter().enumerate() {
        let mut current = String::new();
        for c in span.text.chars() {
            if c == '\n' || is_space(c) {
                if !current.is_empty() {
                    word.push(Frag {
                        span: i,
                        text: std::mem::take(&mut current),
                    });
                }
                flush(&mut word, &mut toks);
                if c == '\n' {
                    toks.push(Tok::Forced);
                } else if !matches!(toks.last(), None | Some(Tok::Space { .. } | Tok::Forced)) {
                    toks.push(Tok::Space {
                        width: span.look.width(" "),
                        span: i,
                    });
                }
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            word.push(Frag {
                span: i,
                text: current,
            });
        }
    }
    flush(&mut word, &mut toks);
    while matches!(toks.last(), Some(Tok::Space { .. })) {
        toks.pop();
    }
    toks
}

/// A word's pieces with the places it may break: hyphenation points (in
/// `lang`), and after a hard hyphen or a slash.
fn split_word(
    frags: Vec<Frag>,
    inline: &Inline,
    lang: Lang,
    hyphenate: bool,
    width: f32,
    toks: &mut Vec<Tok>,
) {
    let word: String = frags.iter().map(|f| f.text.as_str()).collect();
    // (byte offset, adds a hyphen)
    let mut points: Vec<(usize, bool)> = Vec::new();
    if hyphenate {
        points.extend(breaks(&word, lang).into_iter().map(|b| (b, true)));
    }
    for (i, c) in word.char_indices() {
        let after = i + c.len_utf8();
        // Only inside the word: not "-" standing alone or at either end.
        if matches!(c, '-' | '/' | '–') && i > 0 && after < word.len() {
            points.push((after, false));
        }
    }
    points.sort_unstable();
    points.dedup_by_key(|p| p.0);
    let mut offset = 0;
    let mut rest = frags;
    let mut last_span = rest.first().map_or(0, |f| f.span);
    for (at, hyphen) in points {
        // Take the frags (or parts of them) up to byte `at` of the word.
        let mut head = Vec::new();
        let mut taken = offset;
        while taken < at {
            let mut frag = rest.remove(0);
            let room = at - taken;
            if frag.text.len() > room {
                let tail = frag.text.split_off(room);
                rest.insert(
                    0,
                    Frag {
                        span: frag.span,
                        text: tail,
                    },
                );
            }
            taken += frag.text.len();
            last_span = frag.span;
            head.push(frag);
        }
        offset = taken;
        push_word(head, inline, width, toks);
        let look = inline.spans[last_span].look;
        toks.push(Tok::Break {
            hyphen: hyphen.then(|| (last_span, look.width("-"))),
            cost: if hyphen { HYPHEN_COST } else { SOFT_COST },
        });
    }
    push_word(rest, inline, width, toks);
}

/// A part of a word; one wider than a line (a long address, a string of
/// letters) is cut where it must be, so nothing runs off the page.
fn push_word(frags: Vec<Frag>, inline: &Inline, max: f32, toks: &mut Vec<Tok>) {
    if frags.is_empty() {
        return;
    }
    let mut part: Vec<Frag> = Vec::new();
    let mut part_w = 0.0;
    for frag in frags {
        let look = inline.spans[frag.span].look;
        let mut text = String::new();
        for c in frag.text.chars() {
            let w = look.width(c.encode_utf8(&mut [0; 4]));
            if part_w + w > max && (part_w > 0.0) {
                if !text.is_empty() {
                    part.push(Frag {
                        span: frag.span,
                        text: std::mem::take(&mut text),
                    });
                }
                toks.push(Tok::Word {
                    width: part_w,
                    frags: std::mem::take(&mut part),
                });
                toks.push(Tok::Break {
                    hyphen: None,
                    cost: SOFT_COST,
                });
                part_w = 0.0;
            }
            text.push(c);
            part_w += w;
        }
        if !text.is_empty() {
            part.push(Frag {
                span: frag.span,
                text,
            });
        }
    }
    if !part.is_empty() {
        toks.push(Tok::Word {
            width: part_w,
            frags: part,
        });
    }
}

/// Breaks `inline` into lines no wider than `width`, hyphenating in `lang`
/// if `hyphenate`.
pub fn set(inline: &Inline, lang: Lang, width: f32, hyphenate: bool) -> Vec<Line> {
    // However narrow the place, a line holds a few letters.
    let width = width.max(24.0);
    let toks = tokens(inline, lang, hyphenate, width);
    if toks.is_empty() {
        return Vec::new();
    }
    let breaks = choose_breaks(&toks, width);
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &end) in breaks.iter().enumerate() {
        let last = i + 1 == breaks.len();
        lines.push(build_line(inline, &toks[start..end], toks.get(end), last));
        start = end + 1;
    }
    lines
}

/// The indices of the tokens the lines end at (the last is `toks.len()`).
fn choose_breaks(toks: &[Tok], width: f32) -> Vec<usize> {
    let n = toks.len();
    // Widths before each token, and words before it, so a line's natural
    // width is a subtraction.
    let mut before = Vec::with_capacity(n + 1);
    let mut words_before = Vec::with_capacity(n + 1);
    let (mut w, mut k) = (0.0_f32, 0_usize);
    for t in toks {
        before.push(w);
        words_before.push(k);
        match t {
            Tok::Word { width, .. } => {
                w += width;
                k += 1;
            }
            Tok::Space { width, .. } => w += width,
            _ => {}
        }
    }
    before.push(w);
    words_before.push(k);
    let is_end =
        |k: usize| k == n || matches!(toks[k], Tok::Space { .. } | Tok::Break { .. } | Tok::Forced);
    // Line starts: after the previous end, skipping spaces.
    let start_after = |prev: Option<usize>| -> usize {
        let mut s = prev.map_or(0, |p| p + 1);
        while s < n && matches!(toks[s], Tok::Space { .. } | Tok::Break { .. }) {
            s += 1;
        }
        s
    };
    // The natural width of the tokens from `s` to `end`, less a space at the end.
    let span = |s: usize, end: usize| -> f32 {
        let trailing = match end.checked_sub(1).map(|i| &toks[i]) {
            Some(Tok::Space { width, .. }) if end > s => *width,
            _ => 0.0,
        };
        before[end] - before[s] - trailing
    };
    // best[k]: (cost, previous end, ended with a hyphen) for a line ending at k.
    let mut best: Vec<Option<(f32, Option<usize>, bool)>> = vec![None; n + 1];
    let mut starts: Vec<Option<usize>> = vec![None];
    for end in 0..=n {
        if !is_end(end) {
            continue;
        }
        let forced_here = end == n || matches!(toks[end], Tok::Forced);
        let (hyphen_w, cost, hyphen) = match toks.get(end) {
            Some(Tok::Break { hyphen, cost }) => {
                (hyphen.map_or(0.0, |h| h.1), *cost, hyphen.is_some())
            }
            _ => (0.0, 0.0, false),
        };
        let mut choice: Option<(f32, Option<usize>, bool)> = None;
        for &prev in &starts {
            let (base, prev_hyphen) = match prev {
                None => (0.0, false),
                Some(p) => match best[p] {
                    Some((c, _, h)) => (c, h),
                    None => continue,
                },
            };
            let s = start_after(prev);
            if s > end {
                continue;
            }
            let natural = span(s, end) + hyphen_w;
            let words = words_before[end] - words_before[s];
            let line_cost = if natural > width {
                if words <= 1 {
                    // One word wider than the line: it must stand alone.
                    1.0e6
                } else {
                    continue;
                }
            } else if forced_here {
                0.0
            } else {
                let slack = (width - natural) / width;
                slack * slack * 1000.0
            };
            let mut total = base + line_cost + cost + 5.0;
            if hyphen && prev_hyphen {
                total += DOUBLE_HYPHEN_COST;
            }
            if choice.is_none_or(|(c, _, _)| total < c) {
                choice = Some((total, prev, hyphen));
            }
        }
        if let Some(c) = choice {
            best[end] = Some(c);
            if forced_here {
                // Nothing may start before a forced break.
                starts.clear();
            }
            starts.push(Some(end));
        }
        // Drop starts whose line is already wider than any line can be.
        starts.retain(|&p| Some(end) == p || span(start_after(p).min(end), end) <= width * 1.5);
        if starts.is_empty() {
            starts.push(Some(end));
        }
    }
    let mut ends = Vec::new();
    let mut at = Some(n);
    while let Some(k) = at {
        ends.push(k);
        at = best[k].and_then(|(_, prev, _)| prev);
    }
    ends.reverse();
    ends
}

fn build_line(inline: &Inline, toks: &[Tok], end: Option<&Tok>, last: bool) -> Line {
    // Leading and trailing spaces go.
    let first = toks
        .iter()
        .position(|t| matches!(t, Tok::Word { .. }))
        .unwrap_or(toks.len());
    let stop = toks
        .iter()
        .rposition(|t| matches!(t, Tok::Word { .. }))
        .map_or(first, |i| i + 1);
    let mut frags: Vec<(usize, String)> = Vec::new();
    let mut push = |span: usize, text: &str| match frags.last_mut() {
        Some((s, t)) if *s == span => t.push_str(text),
        _ => frags.push((span, text.to_string())),
    };
    for t in &toks[first..stop] {
        match t {
            Tok::Word { frags: fs, .. } => {
                for f in fs {
                    push(f.span, &f.text);
                }
            }
            Tok::Space { span, .. } => push(*span, " "),
            _ => {}
        }
    }
    let hyphenated = if let Some(Tok::Break {
        hyphen: Some((span, _)),
        ..
    }) = end
    {
        push(*span, "-");
        true
    } else {
        false
    };
    // A space at the end of a line broken between words, invisible, keeps
    // the words apart for whatever reads the text back (a word broken
    // inside stays one word).
    let between_words = matches!(end, Some(Tok::Space { .. } | Tok::Forced));
    if !last
        && !hyphenated
        && between_words
        && let Some((_, t)) = frags.last_mut()
    {
        t.push(' ');
    }
    let mut line = Line::default();
    let mut x = 0.0;
    for (span, text) in frags {
        let s = &inline.spans[span];
        let width = s.look.width(&text);
        match line.pieces.last_mut() {
            Some(p) if p.look == s.look && p.link == s.link && p.lang == s.lang => {
                p.text.push_str(&text);
                p.width += width;
            }
            _ => line.pieces.push(Piece {
                x,
                width,
                text,
                look: s.look,
                link: s.link,
                lang: s.lang,
            }),
        }
        x += width;
    }
    line.width = line
        .pieces
        .last()
        .map_or(0.0, |p| p.x + p.look.width(p.text.trim_end()));
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::INK;

    const BODY: Look = Look::new(10.0, false, INK);

    fn text_of(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn lines_fit_and_keep_every_word() {
        let text = "Cofnodwch y cryfderau a'r adegau pan fu'r plentyn yn ddiogel ac yn cael gofal da, yr un mor fanwl ag y byddwch yn cofnodi'r pryderon.";
        let lines = set(&Inline::plain(text, BODY), Lang::Cy, 150.0, true);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(l.width <= 150.0 + 0.01, "{l:?}");
        }
        let joined: String = text_of(&lines).concat();
        let squash = |s: &str| s.replace(['-', ' '], "");
        assert_eq!(squash(&joined), squash(&typographic(None, text)));
    }

    #[test]
    fn looks_and_links_survive_breaking() {
        let mut inline = Inline::default();
        inline.push("Gweler ", BODY);
        let link = inline.link(LinkTo {
            anchor: "x".into(),
            underline: false,
            alt: "x".into(),
        });
        inline.push_span("yr enghraifft", BODY.bold(), Some(link), None);
        inline.push(" isod.", BODY);
        let lines = set(&inline, Lang::Cy, 400.0, true);
        assert_eq!(lines.len(), 1);
        let pieces = &lines[0].pieces;
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[1].text, "yr enghraifft");
        assert_eq!(pieces[1].link, Some(0));
        assert!(pieces[1].x > 0.0 && pieces[2].x > pieces[1].x);
    }

    #[test]
    fn straight_quotes_become_typographic() {
        assert_eq!(
            typographic(None, "\"sy'n\" 'dd'"),
            "\u{201c}sy\u{2019}n\u{201d} \u{2018}dd\u{2019}"
        );
        let mut inline = Inline::plain("Beth sy", BODY);
        inline.push("'n", BODY.bold());
        assert_eq!(inline.text(), "Beth sy\u{2019}n");
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_to_fit() {
        let word = "0123456789".repeat(20);
        let lines = set(&Inline::plain(&word, BODY), Lang::En, 100.0, true);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(l.width <= 100.0 + 0.01, "{}", l.width);
        }
        assert_eq!(text_of(&lines).concat(), word);
    }

    #[test]
    fn forced_breaks_are_kept() {
        let lines = set(&Inline::plain("un\ndau", BODY), Lang::Cy, 400.0, true);
        assert_eq!(text_of(&lines), ["un ", "dau"]);
    }

    #[test]
    fn a_long_address_breaks_after_a_slash() {
        let text = "https://example.org/canllaw/pdf/analytical-assessment.cy-en.pdf";
        let lines = set(&Inline::plain(text, BODY), Lang::En, 120.0, true);
        assert!(lines.len() > 1);
        assert_eq!(text_of(&lines).concat(), text);
    }
}
