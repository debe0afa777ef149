//! Appearance streams: what each field shows, drawn by canllaw rather than
//! left to the viewer, so a filled value, a tick or a chosen option shows the
//! same in every viewer and when printed. Text is wrapped by the field font's
//! real advances and shrunk, down to a floor, until it fits its box.

use super::font::{field_font, fonts};
use super::text::{Setting, wrap};
use crate::lang::Lang;

/// The field font's resource name in every appearance and `/DA`.
pub const FONT: &str = "NotoSans";
/// Text colour of values (the layout's ink).
pub const INK: &str = "0.11 0.12 0.13 rg";
/// Padding between a box's edge and its text.
pub const PAD: f32 = 3.0;
/// The smallest size a value is shrunk to before it is cut.
const MIN_SIZE: f32 = 6.0;

/// The font size a field starts at: one-line boxes and text areas 10 pt,
/// table cells 9 pt.
pub fn size_for(multiline: bool, height: f32) -> f32 {
    if multiline && height <= 32.0 {
        9.0
    } else {
        10.0
    }
}

/// The `/DA` string of a text field.
pub fn default_appearance(size: f32) -> String {
    format!("/{FONT} {size} Tf {INK}")
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2 + 2);
    out.push('<');
    for b in bytes {
        out.push_str(&format!("{b:02X}"));
    }
    out.push('>');
    out
}

/// The content of a text field's appearance showing `value` in a box of
/// `w` × `h`, wrapped if `multiline`.
pub fn text(value: &str, w: f32, h: f32, multiline: bool, lang: Lang) -> Vec<u8> {
    let mut out = String::from("/Tx BMC\n");
    if value.is_empty() {
        out.push_str("EMC\n");
        return out.into_bytes();
    }
    let face = &fonts().regular;
    let font = field_font();
    let inner = w - 2.0 * PAD;
    let mut size = size_for(multiline, h);
    let lines = loop {
        let set = Setting { face, size, lang };
        let lines = if multiline {
            wrap(value, set, inner)
        } else {
            vec![value.replace(['\n', '\r'], " ")]
        };
        let fits = if multiline {
            lines.len() as f32 * size * 1.15 <= h - 2.0 * PAD
        } else {
            lines.iter().all(|l| face.width(l, size) <= inner)
        };
        if fits || size <= MIN_SIZE {
            break lines;
        }
        size -= 0.5;
    };
    let leading = size * 1.15;
    let cap = face.cap_height() * size;
    out.push_str(&format!(
        "q {PAD} {PAD} {} {} re W n\nBT\n/{FONT} {size} Tf {INK}\n",
        w - 2.0 * PAD,
        h - 2.0 * PAD
    ));
    // One-line values sit in the middle; several lines start at the top.
    let first = if multiline {
        h - PAD - (leading + cap) / 2.0
    } else {
        (h - cap) / 2.0
    };
    out.push_str(&format!("{PAD} {first:.2} Td\n{leading:.2} TL\n"));
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("T*\n");
        }
        out.push_str(&hex(&font.encode(line)));
        out.push_str(" Tj\n");
    }
    out.push_str("ET\nQ\nEMC\n");
    out.into_bytes()
}

/// A tick in a `side` × `side` box.
pub fn tick(side: f32) -> Vec<u8> {
    let p = |fx: f32, fy: f32| format!("{:.2} {:.2}", side * fx, side * fy);
    format!(
        "q 0.11 0.12 0.13 RG 1.6 w 1 J 1 j\n{} m {} l {} l S\nQ\n",
        p(0.2, 0.52),
        p(0.42, 0.27),
        p(0.8, 0.78)
    )
    .into_bytes()
}

/// A filled dot in a `side` × `side` radio button.
pub fn dot(side: f32) -> Vec<u8> {
    let c = side / 2.0;
    let r = side * 0.27;
    let k = r * 0.552_284_8;
    let (hi, lo, khi, klo) = (c + r, c - r, c + k, c - k);
    format!(
        "q 0.11 0.12 0.13 rg\n\
         {hi:.2} {c:.2} m\n\
         {hi:.2} {khi:.2} {khi:.2} {hi:.2} {c:.2} {hi:.2} c\n\
         {klo:.2} {hi:.2} {lo:.2} {khi:.2} {lo:.2} {c:.2} c\n\
         {lo:.2} {klo:.2} {klo:.2} {lo:.2} {c:.2} {lo:.2} c\n\
         {khi:.2} {lo:.2} {hi:.2} {klo:.2} {hi:.2} {c:.2} c\n\
         f\nQ\n"
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_wraps_and_shrinks_to_fit() {
        let value = "Mae Siân eisiau mynd i'r siop bob bore gyda'i chymydog, a dweud wrth bawb yn y caffi sut mae'r ŵyn yn tyfu. ".repeat(3);
        let stream =
            String::from_utf8_lossy(&text(&value, 200.0, 60.0, true, Lang::Cy)).into_owned();
        assert!(stream.matches("Tj").count() > 2, "{stream}");
        assert!(stream.contains("T*"));
    }

    #[test]
    fn an_empty_value_draws_nothing() {
        assert_eq!(text("", 100.0, 20.0, false, Lang::En), b"/Tx BMC\nEMC\n");
    }
}
