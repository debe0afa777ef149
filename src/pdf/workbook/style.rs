//! The workbook's typography: sizes, leading, spacing and colours in one
//! place, so the pages keep one rhythm.
//!
//! The colours are the templates' ([`crate::pdf::layout`]) so the workbook
//! and the forms it lists look like one family, with two more for the worked
//! examples' boxes: warm for the record as often written, the accent's cool
//! tint for the record as it could be. Both print as distinct greys, and
//! their labels, not their colours, say which is which.

use super::flow::ParaStyle;
use super::inline::Look;
use crate::pdf::layout::{ACCENT, INK, MUTED, Rgb};

pub use crate::pdf::layout::{HEADER_FILL, RULE};

/// Body text.
pub const BODY: Look = Look::new(10.5, false, INK);
/// Body leading.
pub const BODY_LEADING: f32 = 15.2;
/// Space between paragraphs.
pub const PARA_GAP: f32 = 7.0;
/// Space between the items of a tight list.
pub const ITEM_GAP: f32 = 3.0;
/// Indent of a list level.
pub const LIST_INDENT: f32 = 16.0;
/// Indent of a quotation.
pub const QUOTE_INDENT: f32 = 13.0;

/// A principle's or exercise's summary under its title.
pub const LEAD: Look = Look::new(12.5, false, INK);
/// Its leading.
pub const LEAD_LEADING: f32 = 17.5;

/// The small label over a title: "EGWYDDOR 7".
pub const KICKER: Look = Look::new(9.5, true, ACCENT);

/// The title of a division (a part, the glossary).
pub const TITLE: Look = Look::new(24.0, true, INK);
/// Its leading.
pub const TITLE_LEADING: f32 = 29.0;
/// The title of a principle or exercise.
pub const SECTION: Look = Look::new(19.0, true, INK);
/// Its leading.
pub const SECTION_LEADING: f32 = 24.0;

/// Muted text: settings, hints, page references.
pub const NOTE: Look = Look::new(9.5, false, MUTED);
/// Its leading.
pub const NOTE_LEADING: f32 = 13.5;

/// The running header and the page number.
pub const CHROME: Look = Look::new(8.5, false, MUTED);

/// Table text.
pub const CELL: Look = Look::new(9.5, false, INK);
/// Its leading.
pub const CELL_LEADING: f32 = 13.2;
/// Padding inside a table cell.
pub const CELL_PAD: f32 = 5.0;

/// The record as often written: a warm tint and a rust bar.
pub const LESS_FILL: Rgb = Rgb(0.985, 0.955, 0.94);
/// Its bar and label.
pub const LESS_INK: Rgb = Rgb(0.6, 0.27, 0.13);
/// The record as it could be: the accent's tint and bar.
pub const MORE_FILL: Rgb = Rgb(0.925, 0.962, 0.962);
/// Its bar and label.
pub const MORE_INK: Rgb = ACCENT;
/// A neutral box ("you will need").
pub const PLAIN_FILL: Rgb = Rgb(0.955, 0.96, 0.965);
/// The bar beside a quotation.
pub const QUOTE_BAR: Rgb = Rgb(0.62, 0.74, 0.76);

/// The dotted leaders of the contents.
pub const LEADER: Rgb = Rgb(0.55, 0.62, 0.64);

/// The accent, re-exported for the builders.
pub const ACCENT_INK: Rgb = ACCENT;
/// Muted ink, re-exported for the builders.
pub const MUTED_INK: Rgb = MUTED;

/// Heading looks by level (1 to 6): look, leading, space above.
pub fn heading(level: u8) -> (Look, f32, f32) {
    match level {
        0 | 1 => (TITLE, TITLE_LEADING, 0.0),
        2 => (SECTION, SECTION_LEADING, 18.0),
        3 => (Look::new(13.5, true, ACCENT), 18.0, 15.0),
        4 => (Look::new(11.5, true, INK), 15.5, 11.0),
        _ => (Look::new(10.5, true, INK), BODY_LEADING, 9.0),
    }
}

/// How body paragraphs are set.
pub const BODY_PARA: ParaStyle = ParaStyle {
    leading: BODY_LEADING,
    hyphenate: true,
    keep: false,
};

/// How headings are set: never hyphenated, kept with what follows.
pub fn heading_para(leading: f32) -> ParaStyle {
    ParaStyle {
        leading,
        hyphenate: false,
        keep: true,
    }
}
