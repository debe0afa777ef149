//! Markdown set on the page, from comrak's syntax tree: headings, paragraphs
//! with bold and italic, lists (nested, bulleted and numbered), quotations,
//! tables, code and raw HTML shown as text, and links made useful on paper:
//! a cross-reference gains the page it leads to, an address is printed, a
//! glossary term is underlined.

use comrak::Arena;
use comrak::nodes::{AstNode, ListType, NodeValue, TableAlignment};

use super::flow::{Draw, Flow, Frame, ParaStyle};
use super::inline::{Inline, LinkTo, Look};
use super::page::{Art, Role, Run};
use super::style::{self, BODY_PARA, CELL, CELL_LEADING, CELL_PAD, HEADER_FILL, RULE};
use crate::pdf::layout::Shape;

/// What a link in the text becomes.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    /// The anchor it leads to, if it is in the workbook.
    pub anchor: Option<String>,
    /// Underline the label (a glossary term).
    pub underline: bool,
    /// Printed after the label: "(tudalen 12)", an address.
    pub suffix: Option<String>,
}

/// How links are resolved: from the destination as written to what the page shows.
pub type Resolve<'a> = &'a dyn Fn(&str) -> Resolved;

/// Where Markdown is set.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    /// The structure element the blocks belong to.
    pub parent: usize,
    /// Left edge within the text block.
    pub x: f32,
    /// Width.
    pub width: f32,
    /// Added to heading levels in the structure (`##` under a level-2
    /// title is level 3).
    pub shift: u8,
    /// Added to heading levels for their look (a free page's `##` is a
    /// level-2 heading that looks like a principle's `##`).
    pub look_shift: u8,
    /// Body text look (smaller in boxes).
    pub look: Look,
    /// Body leading.
    pub leading: f32,
    /// Links.
    pub resolve: Resolve<'a>,
}

/// The narrowest a quotation or list item is indented to: deeper nesting
/// stops indenting rather than squeeze the text to nothing.
const MIN_WIDTH: f32 = 140.0;

/// `by`, or nothing if indenting by it would leave less than [`MIN_WIDTH`].
fn indent(place: &Place<'_>, by: f32) -> f32 {
    if place.width - by >= MIN_WIDTH {
        by
    } else {
        0.0
    }
}

/// Sets Markdown `md` at `place`.
pub fn markdown(flow: &mut Flow, md: &str, place: Place<'_>) {
    let arena = Arena::new();
    let root = crate::markdown::parse(&arena, md);
    blocks(flow, root, place, false);
}

fn blocks<'a>(flow: &mut Flow, parent: &'a AstNode<'a>, place: Place<'_>, tight: bool) {
    for node in parent.children() {
        block(flow, node, place, tight);
    }
}

fn para_style(place: &Place<'_>) -> ParaStyle {
    ParaStyle {
        leading: place.leading,
        ..BODY_PARA
    }
}

fn block<'a>(flow: &mut Flow, node: &'a AstNode<'a>, place: Place<'_>, tight: bool) {
    let value = node.data().value.clone();
    match value {
        NodeValue::Paragraph => {
            let inline = inline(node, place.look, place.resolve);
            if inline.is_empty() {
                return;
            }
            flow.space(if tight {
                style::ITEM_GAP
            } else {
                style::PARA_GAP
            });
            flow.paragraph(
                &inline,
                para_style(&place),
                Role::P,
                place.parent,
                place.x,
                place.width,
            );
        }
        NodeValue::Heading(h) => {
            let level = (h.level + place.shift).min(6);
            let (look, leading, above) = style::heading((h.level + place.look_shift).min(6));
            let inline = inline(node, look, place.resolve);
            flow.space(above);
            flow.paragraph(
                &inline,
                style::heading_para(leading),
                Role::heading(level),
                place.parent,
                place.x,
                place.width,
            );
            flow.space(3.0);
        }
        NodeValue::List(list) => list_block(flow, node, &list, place),
        NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
            let quote = flow.elem(Role::BlockQuote, place.parent);
            flow.space(style::PARA_GAP);
            flow.open(Frame {
                x: place.x,
                w: place.width,
                bar: Some((style::QUOTE_BAR, 2.5)),
                pad: 2.0,
                ..Frame::default()
            });
            let by = indent(&place, style::QUOTE_INDENT);
            let inner = Place {
                parent: quote,
                x: place.x + by,
                width: place.width - by,
                ..place
            };
            // The first block inside starts at the frame's top.
            let mut first = true;
            for child in node.children() {
                block(flow, child, inner, first);
                if first {
                    first = false;
                }
            }
            flow.close();
        }
        NodeValue::Table(_) => table(flow, node, place),
        NodeValue::CodeBlock(code) => {
            let text = code.literal.trim_end_matches('\n');
            literal(flow, text, place);
        }
        NodeValue::HtmlBlock(html) => {
            // Raw HTML is shown as text, never as markup.
            let text = html.literal.trim_end_matches('\n');
            literal(flow, text, place);
        }
        NodeValue::ThematicBreak => {
            flow.space(style::PARA_GAP);
            let mid = place.x + place.width / 2.0;
            flow.push(
                14.0,
                vec![Draw::Art(Art::Shape(Shape::Line {
                    from: (mid - 40.0, 7.0),
                    to: (mid + 40.0, 7.0),
                    color: RULE,
                    width: 0.8,
                }))],
                false,
            );
        }
        _ => blocks(flow, node, place, tight),
    }
}

/// Text shown as written, line for line (and indented as written), in
/// the muted ink.
fn literal(flow: &mut Flow, text: &str, place: Place<'_>) {
    let look = place.look.colored(style::MUTED_INK);
    let text: String = text
        .lines()
        .map(|line| {
            let body = line.trim_start_matches(' ');
            "\u{a0}".repeat(line.len() - body.len()) + body
        })
        .collect::<Vec<_>>()
        .join("\n");
    flow.space(style::PARA_GAP);
    let mut inline = Inline::default();
    inline.push_as_written(&text, look, None, None);
    flow.paragraph(
        &inline,
        para_style(&place),
        Role::P,
        place.parent,
        place.x,
        place.width,
    );
}

fn list_block<'a>(
    flow: &mut Flow,
    node: &'a AstNode<'a>,
    list: &comrak::nodes::NodeList,
    place: Place<'_>,
) {
    let l = flow.elem(Role::L, place.parent);
    let ordered = list.list_type == ListType::Ordered;
    let items: Vec<_> = node.children().collect();
    let markers: Vec<String> = (0..items.len())
        .map(|i| {
            if ordered {
                format!("{}.", list.start + i)
            } else if place.x > 0.0 && depth(node) > 1 {
                "–".to_string()
            } else {
                "•".to_string()
            }
        })
        .collect();
    let marker_w = markers
        .iter()
        .map(|m| place.look.width(m))
        .fold(0.0, f32::max);
    let hang = (marker_w + 7.0).max(style::LIST_INDENT);
    flow.space(if list.tight {
        style::ITEM_GAP + 1.0
    } else {
        style::PARA_GAP
    });
    for (i, item) in items.into_iter().enumerate() {
        let li = flow.elem(Role::LI, l);
        let lbl = flow.elem(Role::Lbl, li);
        let body = flow.elem(Role::LBody, li);
        let marker = &markers[i];
        let w = place.look.width(marker);
        // Numbers right-aligned on their stop, bullets at the indent.
        let mx = if ordered {
            place.x + hang - 6.0 - w
        } else {
            place.x + (hang - w) / 2.0 - 2.0
        };
        let marker_look = if ordered {
            place.look
        } else {
            place.look.colored(style::ACCENT_INK)
        };
        flow.label(vec![Draw::Text {
            elem: Some(lbl),
            lang: flow.lang,
            runs: vec![Run {
                x: mx,
                baseline: super::flow::baseline(&place.look, place.leading),
                text: format!("{marker} "),
                look: marker_look,
            }],
        }]);
        let by = indent(&place, hang);
        let inner = Place {
            parent: body,
            x: place.x + by,
            width: place.width - by,
            ..place
        };
        let mut first = true;
        for child in item.children() {
            // The first paragraph of an item follows its bullet closely.
            if first {
                flow.space(if list.tight || i == 0 {
                    style::ITEM_GAP
                } else {
                    style::PARA_GAP
                });
            }
            block(flow, child, inner, list.tight || first);
            first = false;
        }
    }
}

/// How many lists `node` is inside, itself included.
fn depth<'a>(node: &'a AstNode<'a>) -> usize {
    node.ancestors()
        .filter(|n| matches!(n.data().value, NodeValue::List(_)))
        .count()
}

/// The inline content of `node` in `look`.
pub fn inline<'a>(node: &'a AstNode<'a>, look: Look, resolve: Resolve<'_>) -> Inline {
    let mut out = Inline::default();
    inline_into(node, look, None, resolve, &mut out);
    out
}

fn inline_into<'a>(
    node: &'a AstNode<'a>,
    look: Look,
    link: Option<usize>,
    resolve: Resolve<'_>,
    out: &mut Inline,
) {
    for child in node.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Text(t) => out.push_span(&t, look, link, None),
            NodeValue::Code(c) => out.push_as_written(&c.literal, look, link, None),
            NodeValue::HtmlInline(h) | NodeValue::Raw(h) => out.push_span(&h, look, link, None),
            NodeValue::SoftBreak => out.push_span(" ", look, link, None),
            NodeValue::LineBreak => out.push_span("\n", look, link, None),
            NodeValue::Emph => inline_into(child, look.italic(), link, resolve, out),
            NodeValue::Strong => inline_into(child, look.bold(), link, resolve, out),
            NodeValue::Link(l) if link.is_none() => {
                let mut resolved = resolve(&l.url);
                let label = label_of(child);
                // An address shown as its own label is not printed twice.
                if resolved.suffix.as_deref().is_some_and(|s| {
                    let shown = s.trim_start_matches('(').trim_end_matches(')');
                    shown == label.trim() || l.url == label.trim()
                }) {
                    resolved.suffix = None;
                }
                let index = resolved.anchor.clone().map(|anchor| {
                    out.link(LinkTo {
                        anchor,
                        underline: resolved.underline,
                        alt: match &resolved.suffix {
                            Some(s) => format!("{label} {s}"),
                            None => label.clone(),
                        },
                    })
                });
                inline_into(child, look, index, resolve, out);
                if let Some(suffix) = &resolved.suffix {
                    let muted = Look {
                        color: style::MUTED_INK,
                        bold: false,
                        italic: false,
                        ..look
                    };
                    out.push_span(" ", look, index, None);
                    out.push_span(suffix, muted, index, None);
                }
            }
            NodeValue::Image(_) => inline_into(child, look.italic(), link, resolve, out),
            _ => inline_into(child, look, link, resolve, out),
        }
    }
}

/// A table: columns sized to their content, a header row that is drawn
/// again on every page the table runs onto, kept whole where it fits.
fn table<'a>(flow: &mut Flow, node: &'a AstNode<'a>, place: Place<'_>) {
    let aligns = match &node.data().value {
        NodeValue::Table(t) => t.alignments.clone(),
        _ => Vec::new(),
    };
    let rows: Vec<(bool, Vec<Inline>)> = node
        .children()
        .map(|row| {
            let header = matches!(row.data().value, NodeValue::TableRow(true));
            let look = if header { CELL.bold() } else { CELL };
            let cells = row
                .children()
                .map(|cell| inline(cell, look, place.resolve))
                .collect();
            (header, cells)
        })
        .collect();
    let columns = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let widths = column_widths(&rows, columns, place.width);
    let tbl = flow.elem(Role::Table, place.parent);
    flow.space(style::PARA_GAP + 2.0);
    let frame = flow.open(Frame {
        x: place.x,
        w: place.width,
        keep: true,
        ..Frame::default()
    });
    let style = ParaStyle {
        leading: CELL_LEADING,
        hyphenate: true,
        keep: false,
    };
    for (header, cells) in &rows {
        let tr = flow.elem(Role::TR, tbl);
        let mut draws = Vec::new();
        let mut height: f32 = 0.0;
        let mut x = place.x;
        let mut cell_draws = Vec::new();
        for (c, w) in widths.iter().enumerate() {
            let cell = flow.elem(if *header { Role::TH } else { Role::TD }, tr);
            let empty = Inline::default();
            let inline = cells.get(c).unwrap_or(&empty);
            let lines = flow.lines(inline, style, cell, x + CELL_PAD, w - 2.0 * CELL_PAD);
            let n = lines.len();
            // Right-aligned and centred columns: shift each line.
            let align = aligns.get(c).copied().unwrap_or(TableAlignment::None);
            for (k, line) in lines.into_iter().enumerate() {
                let dy = CELL_PAD + k as f32 * CELL_LEADING;
                let dx = match align {
                    TableAlignment::Right | TableAlignment::Center => {
                        let used = line_width(&line);
                        let free = (w - 2.0 * CELL_PAD - used).max(0.0);
                        if align == TableAlignment::Right {
                            free
                        } else {
                            free / 2.0
                        }
                    }
                    _ => 0.0,
                };
                cell_draws.extend(line.into_iter().map(|d| d.shifted(dx, dy)));
            }
            height = height.max(n as f32 * CELL_LEADING + 2.0 * CELL_PAD);
            x += w;
        }
        let rule = if *header {
            draws.push(Draw::Art(Art::Shape(Shape::Rect {
                x: place.x,
                y: 0.0,
                w: place.width,
                h: height,
                fill: Some(HEADER_FILL),
                stroke: None,
            })));
            (style::ACCENT_INK, 0.8)
        } else {
            (RULE, 0.5)
        };
        draws.push(Draw::Art(Art::Shape(Shape::Line {
            from: (place.x, height),
            to: (place.x + place.width, height),
            color: rule.0,
            width: rule.1,
        })));
        draws.extend(cell_draws);
        if *header {
            flow.frames[frame].header = Some((draws.clone(), height));
        }
        flow.push(height, draws, *header);
    }
    flow.close();
}

/// The width the text of a line's draws takes.
fn line_width(draws: &[Draw]) -> f32 {
    let mut left = f32::MAX;
    let mut right: f32 = 0.0;
    for d in draws {
        if let Draw::Text { runs, .. } = d {
            for r in runs {
                left = left.min(r.x);
                right = right.max(r.x + r.look.width(r.text.trim_end()));
            }
        }
    }
    if left == f32::MAX { 0.0 } else { right - left }
}

/// Column widths: a column whose text fits in its share of the width gets
/// what it needs and no more, so short columns (dates, names) do not wrap;
/// the rest share what is left by how much text each holds, each at least
/// as wide as its longest word.
fn column_widths(rows: &[(bool, Vec<Inline>)], columns: usize, width: f32) -> Vec<f32> {
    let mut natural = vec![0.0_f32; columns];
    let mut min = vec![0.0_f32; columns];
    for (_, cells) in rows {
        for (c, cell) in cells.iter().enumerate() {
            let mut total = 0.0;
            for span in &cell.spans {
                total += span.look.width(&span.text);
                for word in span.text.split_whitespace() {
                    // Long words hyphenate, so count a part of them.
                    let w = span.look.width(word).min(90.0);
                    min[c] = min[c].max(w + 2.0 * CELL_PAD);
                }
            }
            natural[c] = natural[c].max(total + 2.0 * CELL_PAD);
        }
    }
    let sum_min: f32 = min.iter().sum();
    if sum_min >= width {
        return min.iter().map(|m| m * width / sum_min).collect();
    }
    let sum_natural: f32 = natural.iter().sum();
    if sum_natural <= width {
        return natural
            .iter()
            .map(|n| n + (width - sum_natural) * n / sum_natural)
            .collect();
    }
    // Settle the columns that fit their share, then share out the rest
    // again, until none more fits.
    let mut widths: Vec<Option<f32>> = vec![None; columns];
    loop {
        let left = width - widths.iter().flatten().sum::<f32>();
        let open = widths.iter().filter(|w| w.is_none()).count().max(1);
        let share = left / open as f32;
        let mut settled = false;
        for c in 0..columns {
            if widths[c].is_none() && natural[c] <= share {
                widths[c] = Some(natural[c]);
                settled = true;
            }
        }
        if !settled {
            break;
        }
    }
    let left = width - widths.iter().flatten().sum::<f32>();
    let open: Vec<usize> = (0..columns).filter(|&c| widths[c].is_none()).collect();
    let open_min: f32 = open.iter().map(|&c| min[c]).sum();
    let want: f32 = open.iter().map(|&c| natural[c] - min[c]).sum();
    let spare = (left - open_min).max(0.0);
    for &c in &open {
        widths[c] = Some(min[c] + spare * (natural[c] - min[c]) / want.max(1.0));
    }
    widths.into_iter().map(|w| w.unwrap_or(0.0)).collect()
}

/// The text of a link's label.
fn label_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for d in node.descendants() {
        match &d.data().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            _ => {}
        }
    }
    text
}
