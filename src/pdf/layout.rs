//! Where everything goes: a form laid out into pages of text runs, shapes and
//! field boxes, with the structure elements (headings, paragraphs, table
//! cells) that each run belongs to.
//!
//! Layout knows nothing of PDF objects: it measures text with the font's real
//! advances ([`super::text`]), keeps each field's label, help and box together,
//! never leaves a section title alone at the foot of a page, and repeats a
//! table's header row after a page break. Coordinates are points from the top
//! left of the page; [`super::render`] turns them the right way up.

use super::Edition;
use super::font::{Fonts, fonts};
use super::text::{Setting, paragraphs, wrap};
use crate::config::Paper;
use crate::i18n::{Arg, Strings};
use crate::lang::{Lang, Text};
use crate::model::{Field, FieldKind, Form, Orientation, Pack, Section, SectionBody, Table};
use crate::problem::Problem;

/// A colour, each component from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

/// Body text.
pub const INK: Rgb = Rgb(0.11, 0.12, 0.13);
/// Headings and rules: a deep teal that prints well in greyscale.
pub const ACCENT: Rgb = Rgb(0.0, 0.33, 0.38);
/// Help and hints.
pub const MUTED: Rgb = Rgb(0.30, 0.33, 0.35);
/// Field borders.
pub const BORDER: Rgb = Rgb(0.42, 0.47, 0.50);
/// The inside of a field box: light enough to write on when printed.
pub const FIELD_FILL: Rgb = Rgb(0.965, 0.975, 0.98);
/// Table header cells.
pub const HEADER_FILL: Rgb = Rgb(0.89, 0.935, 0.94);
/// Thin rules.
pub const RULE: Rgb = Rgb(0.70, 0.80, 0.82);

/// One line of text at a place.
#[derive(Clone, Debug)]
pub struct Run {
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub baseline: f32,
    /// The text.
    pub text: String,
    /// Size in points.
    pub size: f32,
    /// Bold or regular.
    pub bold: bool,
    /// Colour.
    pub color: Rgb,
}

/// Decoration: drawn, but not content (tagged as an artifact).
#[derive(Clone, Debug)]
pub enum Shape {
    /// A rectangle, filled and/or stroked.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Border colour and width.
        stroke: Option<(Rgb, f32)>,
    },
    /// A straight line.
    Line {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Colour.
        color: Rgb,
        /// Width.
        width: f32,
    },
    /// A circle (radio buttons).
    Circle {
        /// Centre.
        centre: (f32, f32),
        /// Radius.
        r: f32,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Border colour and width.
        stroke: Option<(Rgb, f32)>,
    },
}

/// What a page shows, in reading order.
#[derive(Clone, Debug)]
pub enum Item {
    /// Lines of text belonging to structure element `elem` (`None`: an
    /// artifact such as the footer), in language `lang`.
    Text {
        /// The structure element, or none for an artifact.
        elem: Option<usize>,
        /// The language of the text.
        lang: Lang,
        /// The lines.
        runs: Vec<Run>,
    },
    /// Decoration.
    Art(Vec<Shape>),
}

/// One page.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// What it shows, in reading order.
    pub items: Vec<Item>,
}

/// The kinds of structure element the templates use (PDF standard roles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The whole document.
    Document,
    /// A section.
    Sect,
    /// The form's title.
    H1,
    /// A section's title.
    H2,
    /// A paragraph: description, help, a label.
    P,
    /// A form field (its widget is linked in by object reference).
    Form,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A header cell.
    TH,
    /// A data cell.
    TD,
}

impl Role {
    /// The PDF structure type.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::P => "P",
            Role::Form => "Form",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
        }
    }
}

/// A structure element. Its children are the elements whose `parent` it is,
/// in the order they were made, which is reading order.
#[derive(Clone, Debug)]
pub struct Elem {
    /// Its role.
    pub role: Role,
    /// Its parent (none for the document).
    pub parent: Option<usize>,
    /// Its language, when not the document's.
    pub lang: Option<Lang>,
    /// A summary (tables) or alternative description (form fields).
    pub alt: Option<String>,
}

/// What kind of form field a widget is.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetKind {
    /// A text field.
    Text {
        /// Several lines that wrap.
        multiline: bool,
    },
    /// A checkbox.
    Check,
    /// One button of a radio group: the group is every radio widget of the
    /// same name.
    Radio {
        /// The option id: the value the group takes when this is chosen.
        option: String,
    },
}

/// A form field's box.
#[derive(Clone, Debug)]
pub struct Widget {
    /// The field name (FORMAT.md): a field id or `COLUMN-ROW`.
    pub name: String,
    /// The page it is on (0-based).
    pub page: usize,
    /// Left, top, width, height.
    pub rect: [f32; 4],
    /// Its kind.
    pub kind: WidgetKind,
    /// Its accessible name.
    pub tooltip: String,
    /// Its `Form` structure element.
    pub elem: usize,
}

/// A form laid out.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The pages.
    pub pages: Vec<Page>,
    /// Structure elements; the first is the document.
    pub elems: Vec<Elem>,
    /// Field boxes in reading order, which is tab order.
    pub widgets: Vec<Widget>,
    /// The document's language.
    pub lang: Lang,
    /// Title, author and subject for the document's properties.
    pub title: String,
    /// The organisation.
    pub author: String,
    /// What the form is.
    pub subject: String,
}

/// How a kind of text is set.
#[derive(Clone, Copy, Debug)]
struct Style {
    size: f32,
    bold: bool,
    color: Rgb,
    leading: f32,
}

const fn style(size: f32, bold: bool, color: Rgb) -> Style {
    Style {
        size,
        bold,
        color,
        leading: size * 1.32,
    }
}

const KIND: Style = style(9.0, true, ACCENT);
const ORGANISATION: Style = style(9.5, false, MUTED);
const TITLE: Style = style(20.0, true, INK);
const BODY: Style = style(10.0, false, INK);
const INTRO: Style = style(9.0, false, MUTED);
const HEADING: Style = style(13.0, true, ACCENT);
const HELP: Style = style(9.0, false, MUTED);
const LABEL: Style = style(10.0, true, INK);
const OPTION: Style = style(10.0, false, INK);
const HEADER: Style = style(9.0, true, INK);
const FOOTER: Style = style(8.0, false, MUTED);

/// Height of a one-line field box.
const LINE_BOX: f32 = 21.0;
/// Height of one line of a multi-line box.
const AREA_LINE: f32 = 14.0;
/// Side of a checkbox, diameter of a radio button.
const TICK_BOX: f32 = 11.0;
/// Height of a table's data row.
const ROW: f32 = 30.0;
/// Space between fields.
const FIELD_GAP: f32 = 11.0;
/// Space between two columns.
const GUTTER: f32 = 16.0;
/// Space between label and box.
const LABEL_GAP: f32 = 3.0;
/// Padding inside table cells.
const CELL_PAD: f32 = 4.0;

/// The text of paragraphs set in one style and language, ready to place.
#[derive(Clone, Debug)]
struct Lines {
    lang: Lang,
    style: Style,
    lines: Vec<String>,
}

impl Lines {
    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.style.leading
    }
}

/// Text in one or two columns (Welsh on the left in the bilingual edition),
/// each a list of paragraphs.
#[derive(Clone, Debug, Default)]
struct Block {
    columns: Vec<(f32, Vec<Lines>)>,
}

/// Space between paragraphs of a block.
const PARA_GAP: f32 = 4.0;

impl Block {
    fn height(&self) -> f32 {
        self.columns
            .iter()
            .map(|(_, paras)| {
                paras.iter().map(Lines::height).sum::<f32>()
                    + PARA_GAP * paras.len().saturating_sub(1) as f32
            })
            .fold(0.0, f32::max)
    }

    fn is_empty(&self) -> bool {
        self.columns.iter().all(|(_, p)| p.is_empty())
    }
}

/// Lays out `form` for `edition`.
///
/// # Errors
/// A missing interface string.
pub fn lay_out(
    pack: &Pack,
    strings: &Strings,
    form: &Form,
    edition: Edition,
) -> Result<Layout, Problem> {
    let (mut width, mut height) = match pack.config.pdf.paper {
        Paper::A4 => (595.28, 841.89),
        Paper::Letter => (612.0, 792.0),
    };
    if form.orientation == Orientation::Landscape {
        std::mem::swap(&mut width, &mut height);
    }
    let margin = 46.0;
    let mut b = Builder {
        edition,
        strings,
        fonts: fonts(),
        left: margin,
        right: width - margin,
        top: 42.0,
        bottom: height - 54.0,
        width,
        height,
        pages: vec![Page::default()],
        y: 42.0,
        elems: Vec::new(),
        widgets: Vec::new(),
    };
    let document = b.elem(Role::Document, None);
    b.head(pack, form, document)?;
    for section in &form.sections {
        b.section(section, document)?;
    }
    b.footers(form)?;

    let lang = edition.lang();
    let join = |t: &Text| b.joined(t);
    let kind_id = format!("form-kind-{}", form.kind.name());
    let subject = match edition {
        Edition::CyEn => {
            let kinds = [
                strings.t(Lang::Cy, &kind_id)?,
                strings.t(Lang::En, &kind_id)?,
            ];
            kinds.join(" / ")
        }
        _ => strings.get(
            lang,
            "pdf-subject",
            &[
                ("kind", Arg::Text(strings.t(lang, &kind_id)?)),
                (
                    "site",
                    Arg::Text(pack.config.site.title.get(lang).to_string()),
                ),
            ],
        )?,
    };
    Ok(Layout {
        width,
        height,
        title: join(&form.title),
        author: join(&pack.config.site.organisation),
        subject,
        lang,
        pages: b.pages,
        elems: b.elems,
        widgets: b.widgets,
    })
}

struct Builder<'a> {
    edition: Edition,
    strings: &'a Strings,
    fonts: &'static Fonts,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    width: f32,
    height: f32,
    pages: Vec<Page>,
    /// The top of the free space on the current page.
    y: f32,
    elems: Vec<Elem>,
    widgets: Vec<Widget>,
}

/// A field measured: its heading part (label, hints, help) and its box.
struct Measured<'f> {
    field: &'f Field,
    head: Block,
    body: f32,
}

impl Builder<'_> {
    fn elem(&mut self, role: Role, parent: Option<usize>) -> usize {
        self.elems.push(Elem {
            role,
            parent,
            lang: None,
            alt: None,
        });
        self.elems.len() - 1
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top;
    }

    /// Starts a new page unless `h` more points fit on this one (or the page
    /// is still empty, when nothing would be gained).
    fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom && self.y > self.top {
            self.new_page();
        }
    }

    fn text_width(&self) -> f32 {
        self.right - self.left
    }

    /// The languages of the edition, Welsh first.
    fn langs(&self) -> &'static [Lang] {
        self.edition.langs()
    }

    /// A text in the edition's language, or both joined with " / ".
    fn joined(&self, t: &Text) -> String {
        self.langs()
            .iter()
            .map(|l| t.get(*l))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// An interface string in the edition's language(s), joined.
    fn ui(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, Problem> {
        Ok(self
            .langs()
            .iter()
            .map(|l| self.strings.get(*l, id, args))
            .collect::<Result<Vec<_>, _>>()?
            .join(" / "))
    }

    fn set(&self, text: &str, lang: Lang, style: Style, width: f32) -> Lines {
        let set = Setting {
            face: self.fonts.face(style.bold),
            size: style.size,
            lang,
        };
        Lines {
            lang,
            style,
            lines: wrap(text, set, width),
        }
    }

    /// The edition's sides of `t` stacked, Welsh first: the Welsh in `first`,
    /// the English in `second` (the same size: Welsh is never the lesser).
    fn stacked(&self, t: &Text, first: Style, second: Style, width: f32) -> Block {
        let paras = self
            .langs()
            .iter()
            .enumerate()
            .map(|(i, l)| self.set(t.get(*l), *l, if i == 0 { first } else { second }, width))
            .collect();
        Block {
            columns: vec![(0.0, paras)],
        }
    }

    /// Markdown in the edition's language, or Welsh and English side by side.
    fn columns(&self, md: &Text, style: Style, width: f32) -> Block {
        let langs = self.langs();
        let column = (width - GUTTER * (langs.len() - 1) as f32) / langs.len() as f32;
        Block {
            columns: langs
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let paras = paragraphs(md.get(*l))
                        .iter()
                        .map(|p| self.set(p, *l, style, column))
                        .collect();
                    (i as f32 * (column + GUTTER), paras)
                })
                .collect(),
        }
    }

    /// An interface string in the edition's language, or Welsh and English
    /// side by side.
    fn side_by_side(&self, id: &str, style: Style, width: f32) -> Result<Block, Problem> {
        let langs = self.langs();
        let column = (width - GUTTER * (langs.len() - 1) as f32) / langs.len() as f32;
        let mut columns = Vec::new();
        for (i, l) in langs.iter().enumerate() {
            let text = self.strings.t(*l, id)?;
            columns.push((
                i as f32 * (column + GUTTER),
                vec![self.set(&text, *l, style, column)],
            ));
        }
        Ok(Block { columns })
    }

    /// Places `block` at the current position and moves down past it; each
    /// paragraph becomes an element of `role` under `parent`.
    fn place(&mut self, block: &Block, role: Role, parent: usize) {
        let (x, y) = (self.left, self.y);
        self.place_at(block, role, parent, x, y);
        self.y += block.height();
    }

    fn place_at(&mut self, block: &Block, role: Role, parent: usize, x: f32, y: f32) {
        for (dx, paras) in &block.columns {
            let mut top = y;
            for lines in paras {
                let elem = self.elem(role, Some(parent));
                self.put(Some(elem), lines, x + dx, top);
                top += lines.height() + PARA_GAP;
            }
        }
    }

    /// Draws `lines` with their top at `y`.
    fn put(&mut self, elem: Option<usize>, lines: &Lines, x: f32, y: f32) {
        if lines.lines.iter().all(String::is_empty) {
            return;
        }
        let s = lines.style;
        let cap = self.fonts.face(s.bold).cap_height() * s.size;
        let last = lines.lines.len() - 1;
        let runs = lines
            .lines
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(i, t)| Run {
                x,
                baseline: y + i as f32 * s.leading + (s.leading + cap) / 2.0,
                // A space at the end of a wrapped line, invisible, keeps the
                // words apart for whatever reads the text back.
                text: if i < last && !t.ends_with('-') {
                    format!("{t} ")
                } else {
                    t.clone()
                },
                size: s.size,
                bold: s.bold,
                color: s.color,
            })
            .collect();
        if let Some(e) = elem
            && lines.lang != self.edition.lang()
        {
            self.elems[e].lang = Some(lines.lang);
        }
        let lang = lines.lang;
        self.page().items.push(Item::Text { elem, lang, runs });
    }

    fn art(&mut self, shapes: Vec<Shape>) {
        self.page().items.push(Item::Art(shapes));
    }

    /// Organisation, kind, title, description and the line on filling in.
    fn head(&mut self, pack: &Pack, form: &Form, document: usize) -> Result<(), Problem> {
        let w = self.text_width();
        let organisation = self.stacked(
            &pack.config.site.organisation,
            ORGANISATION,
            ORGANISATION,
            w,
        );
        let kind_id = format!("form-kind-{}", form.kind.name());
        let kind = self.ui(&kind_id, &[])?.to_uppercase();
        let lang = self.edition.lang();
        // The organisation, the form's kind on the right, and a rule.
        let org_top = self.y;
        self.place(&organisation, Role::P, document);
        let kind_lines = self.set(&kind, lang, KIND, w / 2.0);
        let kind_w = self.fonts.bold.width(&kind_lines.lines[0], KIND.size);
        let kind_elem = self.elem(Role::P, Some(document));
        let right = self.right;
        self.put(Some(kind_elem), &kind_lines, right - kind_w, org_top);
        self.y += 5.0;
        let (l, r, y) = (self.left, self.right, self.y);
        self.art(vec![Shape::Line {
            from: (l, y),
            to: (r, y),
            color: ACCENT,
            width: 2.0,
        }]);
        self.y += 12.0;
        let second = Style {
            bold: false,
            ..TITLE
        };
        let title = self.stacked(&form.title, TITLE, second, w);
        // The title is one heading in one or two languages.
        let h1 = self.elem(Role::H1, Some(document));
        let mut top = self.y;
        for lines in &title.columns[0].1 {
            self.put(Some(h1), lines, l, top);
            top += lines.height();
        }
        self.y = top + 8.0;
        let description = self.columns(&form.description, BODY, w);
        self.place(&description, Role::P, document);
        self.y += 6.0;
        let intro = self.side_by_side("pdf-intro", INTRO, w)?;
        self.place(&intro, Role::P, document);
        self.y += 10.0;
        Ok(())
    }

    /// A section: its title and help kept with what follows, then its body.
    fn section(&mut self, section: &Section, document: usize) -> Result<(), Problem> {
        let w = self.text_width();
        let second = Style {
            bold: false,
            ..HEADING
        };
        let title = self.stacked(&section.title, HEADING, second, w);
        let help = section
            .help
            .as_ref()
            .map(|h| self.columns(h, HELP, w))
            .unwrap_or_default();
        let heading_h = title.height()
            + 6.0
            + if help.is_empty() {
                0.0
            } else {
                help.height() + 6.0
            };
        // Keep the title with the first row of what follows.
        let first = match &section.body {
            SectionBody::Fields(fields) => self
                .rows(fields, w)
                .first()
                .map_or(0.0, |row| row_height(row)),
            SectionBody::Table(table) => self.table_header(table, w).1 + ROW,
        };
        self.ensure(heading_h + first + 8.0);
        if self.y > self.top {
            self.y += 6.0;
        }
        let sect = self.elem(Role::Sect, Some(document));
        let h2 = self.elem(Role::H2, Some(sect));
        let (l, mut top) = (self.left, self.y);
        for lines in &title.columns[0].1 {
            self.put(Some(h2), lines, l, top);
            top += lines.height();
        }
        self.y = top + 2.0;
        let (r, y) = (self.right, self.y);
        self.art(vec![Shape::Line {
            from: (l, y),
            to: (r, y),
            color: RULE,
            width: 0.75,
        }]);
        self.y += 6.0;
        if !help.is_empty() {
            self.place(&help, Role::P, sect);
            self.y += 6.0;
        }
        match &section.body {
            SectionBody::Fields(fields) => self.fields(fields, sect, w),
            SectionBody::Table(table) => self.table(section, table, sect, w),
        }
    }

    /// Fields grouped into rows: short one-line fields (text, date) share a
    /// row, two across (three on a landscape page); others stand alone.
    fn rows<'f>(&self, fields: &'f [Field], w: f32) -> Vec<Vec<Measured<'f>>> {
        let across = if self.width > self.height { 3 } else { 2 };
        let short = |f: &Field| matches!(f.kind, FieldKind::Text | FieldKind::Date);
        let mut rows: Vec<Vec<&Field>> = Vec::new();
        for field in fields {
            match rows.last_mut() {
                Some(row) if short(field) && row.len() < across && row.iter().all(|f| short(f)) => {
                    row.push(field)
                }
                _ => rows.push(vec![field]),
            }
        }
        rows.into_iter()
            .map(|row| {
                let n = if row.len() > 1 { across } else { 1 };
                let cell = (w - GUTTER * (n - 1) as f32) / n as f32;
                row.into_iter().map(|f| self.measure(f, cell)).collect()
            })
            .collect()
    }

    /// A field's label (Welsh bold then English), hints and help, and the
    /// height of its box, at width `w`.
    fn measure<'f>(&self, field: &'f Field, w: f32) -> Measured<'f> {
        let label_w = if matches!(field.kind, FieldKind::Checkbox) {
            w - TICK_BOX - 6.0
        } else {
            w
        };
        let second = Style {
            bold: false,
            ..LABEL
        };
        let mut head = self.stacked(&field.label, LABEL, second, label_w);
        let hint = match &field.kind {
            FieldKind::Date => Some("pdf-date-hint"),
            FieldKind::Choice { .. } => Some("pdf-choose-one"),
            _ => None,
        };
        let paras = &mut head.columns[0].1;
        if let Some(hint) = hint
            && let Ok(text) = self.ui(hint, &[])
        {
            paras.push(self.set(&text, self.edition.lang(), HELP, label_w));
        }
        if let Some(help) = &field.help {
            for l in self.langs() {
                for p in paragraphs(help.get(*l)) {
                    paras.push(self.set(&p, *l, HELP, label_w));
                }
            }
        }
        let body = match &field.kind {
            FieldKind::Text | FieldKind::Date => LINE_BOX,
            FieldKind::TextArea { lines } => {
                // Never taller than a page can hold.
                let max = (self.bottom - self.top) * 0.8;
                (*lines as f32 * AREA_LINE + 8.0).min(max)
            }
            FieldKind::Checkbox => 0.0,
            FieldKind::Choice { options } => {
                self.option_rows(options, w).len() as f32 * self.option_height()
            }
        };
        Measured { field, head, body }
    }

    fn option_height(&self) -> f32 {
        OPTION.leading * self.langs().len() as f32 + 6.0
    }

    /// A choice's options flowed into rows that fit `w`: each option's
    /// left offset and the width of its label.
    fn option_rows(
        &self,
        options: &[crate::model::ChoiceOption],
        w: f32,
    ) -> Vec<Vec<(usize, f32, f32)>> {
        let mut rows: Vec<Vec<(usize, f32, f32)>> = vec![Vec::new()];
        let mut x = 0.0;
        for (i, option) in options.iter().enumerate() {
            let label_w = self
                .langs()
                .iter()
                .map(|l| self.fonts.regular.width(option.label.get(*l), OPTION.size))
                .fold(0.0, f32::max)
                .min(w - TICK_BOX - 6.0);
            let total = TICK_BOX + 6.0 + label_w;
            if x > 0.0 && x + total > w {
                rows.push(Vec::new());
                x = 0.0;
            }
            rows.last_mut().expect("a row").push((i, x, label_w));
            x += total + 22.0;
        }
        rows
    }

    fn fields(&mut self, fields: &[Field], sect: usize, w: f32) -> Result<(), Problem> {
        for row in self.rows(fields, w) {
            let h = row_height(&row);
            self.ensure(h);
            let head_h = row.iter().map(|m| m.head.height()).fold(0.0, f32::max);
            let cell = if row.len() > 1 {
                let across = if self.width > self.height { 3.0 } else { 2.0 };
                (w - GUTTER * (across - 1.0)) / across
            } else {
                w
            };
            let top = self.y;
            for (i, m) in row.iter().enumerate() {
                let x = self.left + i as f32 * (cell + GUTTER);
                self.field(m, sect, x, top, cell, head_h)?;
            }
            self.y = top + h + FIELD_GAP;
        }
        Ok(())
    }

    /// Accessible name of a field: its label in the edition's language(s).
    fn tooltip(&self, field: &Field) -> Result<String, Problem> {
        let label = self.joined(&field.label);
        Ok(match field.kind {
            FieldKind::Date => format!("{label} ({})", self.ui("pdf-date-hint", &[])?),
            _ => label,
        })
    }

    fn field(
        &mut self,
        m: &Measured<'_>,
        sect: usize,
        x: f32,
        top: f32,
        w: f32,
        head_h: f32,
    ) -> Result<(), Problem> {
        let field = m.field;
        let tooltip = self.tooltip(field)?;
        let page = self.page_index();
        match &field.kind {
            FieldKind::Checkbox => {
                let shift = (LABEL.leading - TICK_BOX) / 2.0;
                self.art(vec![Shape::Rect {
                    x,
                    y: top + shift,
                    w: TICK_BOX,
                    h: TICK_BOX,
                    fill: Some(FIELD_FILL),
                    stroke: Some((BORDER, 0.9)),
                }]);
                let form = self.elem(Role::Form, Some(sect));
                self.widgets.push(Widget {
                    name: field.id.clone(),
                    page,
                    rect: [x, top + shift, TICK_BOX, TICK_BOX],
                    kind: WidgetKind::Check,
                    tooltip,
                    elem: form,
                });
                self.place_at(&m.head, Role::P, sect, x + TICK_BOX + 6.0, top);
            }
            FieldKind::Choice { options } => {
                self.place_at(&m.head, Role::P, sect, x, top);
                let mut y = top + head_h + LABEL_GAP;
                let option_h = self.option_height();
                for row in self.option_rows(options, w) {
                    for (i, dx, label_w) in row {
                        let option = &options[i];
                        let ox = x + dx;
                        let r = TICK_BOX / 2.0;
                        let cy = y + OPTION.leading / 2.0 + 1.0;
                        self.art(vec![Shape::Circle {
                            centre: (ox + r, cy),
                            r,
                            fill: Some(FIELD_FILL),
                            stroke: Some((BORDER, 0.9)),
                        }]);
                        let form = self.elem(Role::Form, Some(sect));
                        self.elems[form].alt =
                            Some(format!("{tooltip}: {}", self.joined(&option.label)));
                        self.widgets.push(Widget {
                            name: field.id.clone(),
                            page,
                            rect: [ox, cy - r, TICK_BOX, TICK_BOX],
                            kind: WidgetKind::Radio {
                                option: option.id.clone(),
                            },
                            tooltip: tooltip.clone(),
                            elem: form,
                        });
                        let label = self.stacked(&option.label, OPTION, OPTION, label_w + 1.0);
                        self.place_at(&label, Role::P, sect, ox + TICK_BOX + 6.0, y + 1.0);
                    }
                    y += option_h;
                }
            }
            FieldKind::Text | FieldKind::Date | FieldKind::TextArea { .. } => {
                self.place_at(&m.head, Role::P, sect, x, top);
                let y = top + head_h + LABEL_GAP;
                self.art(vec![Shape::Rect {
                    x,
                    y,
                    w,
                    h: m.body,
                    fill: Some(FIELD_FILL),
                    stroke: Some((BORDER, 0.9)),
                }]);
                let form = self.elem(Role::Form, Some(sect));
                self.widgets.push(Widget {
                    name: field.id.clone(),
                    page,
                    rect: [x, y, w, m.body],
                    kind: WidgetKind::Text {
                        multiline: matches!(field.kind, FieldKind::TextArea { .. }),
                    },
                    tooltip,
                    elem: form,
                });
            }
        }
        Ok(())
    }

    /// Column x offsets and widths, and the header cells' text.
    fn table_columns(&self, table: &Table, w: f32) -> Vec<(f32, f32)> {
        let total: u32 = table.columns.iter().map(|c| c.width.max(1)).sum();
        let mut x = 0.0;
        table
            .columns
            .iter()
            .map(|c| {
                let cw = w * c.width.max(1) as f32 / total as f32;
                let out = (x, cw);
                x += cw;
                out
            })
            .collect()
    }

    /// The header cells and the header row's height.
    fn table_header(&self, table: &Table, w: f32) -> (Vec<Block>, f32) {
        let second = Style {
            bold: false,
            ..HEADER
        };
        let cells: Vec<Block> = table
            .columns
            .iter()
            .zip(self.table_columns(table, w))
            .map(|(c, (_, cw))| self.stacked(&c.label, HEADER, second, cw - 2.0 * CELL_PAD))
            .collect();
        let h = cells.iter().map(Block::height).fold(0.0, f32::max) + 2.0 * CELL_PAD;
        (cells, h)
    }

    /// Draws the header row at the current position; `elems` gives each
    /// cell's `TH` element, or none when repeated after a page break (then
    /// the repeat is an artifact: the table has one header row).
    fn header_row(&mut self, table: &Table, w: f32, elems: Option<&[usize]>) {
        let (cells, h) = self.table_header(table, w);
        let columns = self.table_columns(table, w);
        let y = self.y;
        let mut shapes = Vec::new();
        for (x, cw) in &columns {
            shapes.push(Shape::Rect {
                x: self.left + x,
                y,
                w: *cw,
                h,
                fill: Some(HEADER_FILL),
                stroke: Some((BORDER, 0.75)),
            });
        }
        self.art(shapes);
        for (i, (cell, (x, _))) in cells.iter().zip(&columns).enumerate() {
            let mut top = y + CELL_PAD;
            for lines in &cell.columns[0].1 {
                let elem = elems.map(|e| e[i]);
                let left = self.left + x + CELL_PAD;
                self.put(elem, lines, left, top);
                top += lines.height();
            }
        }
        self.y += h;
    }

    fn table(
        &mut self,
        section: &Section,
        table: &Table,
        sect: usize,
        w: f32,
    ) -> Result<(), Problem> {
        let tbl = self.elem(Role::Table, Some(sect));
        let rows_text = self.ui(
            "pdf-table-rows",
            &[("rows", Arg::Number(f64::from(table.rows)))],
        )?;
        self.elems[tbl].alt = Some(rows_text);
        let head_tr = self.elem(Role::TR, Some(tbl));
        let ths: Vec<usize> = table
            .columns
            .iter()
            .map(|_| self.elem(Role::TH, Some(head_tr)))
            .collect();
        self.header_row(table, w, Some(&ths));
        let columns = self.table_columns(table, w);
        for row in 1..=table.rows {
            if self.y + ROW > self.bottom {
                self.new_page();
                // The section goes on: its title again, then the header.
                let title = self.ui(
                    "pdf-continued",
                    &[("title", Arg::Text(self.joined(&section.title)))],
                )?;
                let lines = self.set(&title, self.edition.lang(), HELP, w);
                let (l, y) = (self.left, self.y);
                let h = lines.height();
                self.put(None, &lines, l, y);
                self.y += h + 4.0;
                self.header_row(table, w, None);
            }
            let tr = self.elem(Role::TR, Some(tbl));
            let y = self.y;
            let mut shapes = Vec::new();
            for (x, cw) in &columns {
                shapes.push(Shape::Rect {
                    x: self.left + x,
                    y,
                    w: *cw,
                    h: ROW,
                    fill: Some(FIELD_FILL),
                    stroke: Some((BORDER, 0.75)),
                });
            }
            self.art(shapes);
            for (column, (x, cw)) in table.columns.iter().zip(&columns) {
                let td = self.elem(Role::TD, Some(tr));
                let form = self.elem(Role::Form, Some(td));
                let tooltip = self.ui(
                    "pdf-cell",
                    &[
                        ("column", Arg::Text(self.joined(&column.label))),
                        ("row", Arg::Number(f64::from(row))),
                    ],
                )?;
                let page = self.page_index();
                self.widgets.push(Widget {
                    name: format!("{}-{row}", column.id),
                    page,
                    rect: [self.left + x, y, *cw, ROW],
                    kind: WidgetKind::Text { multiline: true },
                    tooltip,
                    elem: form,
                });
            }
            self.y += ROW;
        }
        self.y += FIELD_GAP;
        Ok(())
    }

    /// The footer of every page: the form's title, a rule, "Page 1 of 2".
    fn footers(&mut self, form: &Form) -> Result<(), Problem> {
        let pages = self.pages.len();
        let title = self.joined(&form.title);
        let lang = self.edition.lang();
        let y = self.height - 34.0;
        for page in 0..pages {
            let number = self.ui(
                "pdf-page",
                &[
                    ("page", Arg::Number((page + 1) as f64)),
                    ("pages", Arg::Number(pages as f64)),
                ],
            )?;
            let number_w = self.fonts.regular.width(&number, FOOTER.size);
            let title_lines = self.set(&title, lang, FOOTER, self.text_width() - number_w - GUTTER);
            let first = Lines {
                lines: title_lines.lines.into_iter().take(1).collect(),
                ..title_lines
            };
            let number = Lines {
                lang,
                style: FOOTER,
                lines: vec![number],
            };
            let (l, r) = (self.left, self.right);
            let items = &mut self.pages[page].items;
            items.push(Item::Art(vec![Shape::Line {
                from: (l, y - 4.0),
                to: (r, y - 4.0),
                color: RULE,
                width: 0.5,
            }]));
            let cap = self.fonts.regular.cap_height() * FOOTER.size;
            for (lines, x) in [(&first, l), (&number, r - number_w)] {
                let runs = lines
                    .lines
                    .iter()
                    .map(|t| Run {
                        x,
                        baseline: y + (FOOTER.leading + cap) / 2.0,
                        text: t.clone(),
                        size: FOOTER.size,
                        bold: false,
                        color: MUTED,
                    })
                    .collect();
                items.push(Item::Text {
                    elem: None,
                    lang,
                    runs,
                });
            }
        }
        Ok(())
    }
}

fn row_height(row: &[Measured<'_>]) -> f32 {
    let head = row.iter().map(|m| m.head.height()).fold(0.0, f32::max);
    let body = row.iter().map(|m| m.body).fold(0.0, f32::max);
    match row.first().map(|m| &m.field.kind) {
        Some(FieldKind::Checkbox) => head.max(TICK_BOX),
        _ => head + LABEL_GAP + body,
    }
}
