//! The typeface of the templates: Noto Sans regular and bold, from the
//! `notosans` crate (SIL Open Font License), parsed once per process.
//!
//! Two uses, two embeddings:
//!
//! - Page text goes through printpdf as a subset CID font (Identity-H with a
//!   ToUnicode map), so any letter in the content renders and extracts. The
//!   PDF standard fonts printpdf offers turn ŵ and ŷ into "?" without a word,
//!   so they are never used for text.
//! - Form fields need a font a viewer can type with, and viewers only do that
//!   with simple 8-bit fonts. [`FieldFont`] is Noto Sans subset to
//!   Windows-1252 with the twelve Welsh letters that code page lacks (ŵ ŷ ẁ ẃ ẅ
//!   ỳ and their capitals) put in its unused and least-used slots through a
//!   `/Differences` encoding, so Welsh typed into a field displays.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use printpdf::ParsedFont;

/// One face with the metrics layout needs.
pub struct Face {
    ttf: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// The face as printpdf embeds it.
    pub parsed: ParsedFont,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        let ttf = ttf_parser::Face::parse(bytes, 0).expect("the bundled Noto Sans parses");
        let units_per_em = f32::from(ttf.units_per_em());
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .expect("printpdf parses the bundled Noto Sans");
        Face {
            ttf,
            units_per_em,
            parsed,
        }
    }

    /// The advance of `c` in ems (the missing-glyph box's if the face lacks it).
    pub fn advance(&self, c: char) -> f32 {
        let glyph = self.ttf.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        f32::from(self.ttf.glyph_hor_advance(glyph).unwrap_or(0)) / self.units_per_em
    }

    /// The width of `text` set at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        c.is_whitespace() || self.ttf.glyph_index(c).is_some()
    }

    /// The height above the baseline of capitals, in ems.
    pub fn cap_height(&self) -> f32 {
        f32::from(self.ttf.capital_height().unwrap_or(714)) / self.units_per_em
    }

    /// The face's ascender and descender (negative), in ems.
    pub fn ascent_descent(&self) -> (f32, f32) {
        (
            f32::from(self.ttf.ascender()) / self.units_per_em,
            f32::from(self.ttf.descender()) / self.units_per_em,
        )
    }

    /// The bounding box of all glyphs, in thousandths of an em.
    pub fn bbox(&self) -> [i64; 4] {
        let b = self.ttf.global_bounding_box();
        let scale = |v: i16| i64::from(v) * 1000 / i64::from(self.ttf.units_per_em());
        [
            scale(b.x_min),
            scale(b.y_min),
            scale(b.x_max),
            scale(b.y_max),
        ]
    }

    /// The glyph id of `c`, if the face has it.
    fn glyph(&self, c: char) -> Option<u16> {
        self.ttf.glyph_index(c).map(|g| g.0)
    }
}

/// Both faces.
pub struct Fonts {
    /// Noto Sans Regular.
    pub regular: Face,
    /// Noto Sans Bold.
    pub bold: Face,
}

impl Fonts {
    /// The regular or the bold face.
    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

/// The faces, parsed on first use.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: Face::load(notosans::REGULAR_TTF),
        bold: Face::load(notosans::BOLD_TTF),
    })
}

/// The italic faces, Noto Sans Italic and Bold Italic, parsed on first use:
/// the workbook sets Markdown's emphasis in them, where the templates need
/// none (so forms never pay for parsing them).
pub fn italics() -> &'static Fonts {
    static ITALICS: OnceLock<Fonts> = OnceLock::new();
    ITALICS.get_or_init(|| Fonts {
        regular: Face::load(notosans::ITALIC_TTF),
        bold: Face::load(notosans::BOLD_ITALIC_TTF),
    })
}

/// The Welsh letters Windows-1252 lacks, each with the code it takes in the
/// field font and its PostScript glyph name (for `/Differences`). The codes
/// are the six Windows-1252 leaves undefined, then six of its rarest
/// characters (ƒ † ‡ ˆ ‰ ˜), which no form needs more than a Welsh letter.
const WELSH_EXTRAS: [(u8, char, &str); 12] = [
    (127, 'ŵ', "wcircumflex"),
    (129, 'Ŵ', "Wcircumflex"),
    (141, 'ŷ', "ycircumflex"),
    (143, 'Ŷ', "Ycircumflex"),
    (144, 'ẁ', "wgrave"),
    (157, 'Ẁ', "Wgrave"),
    (131, 'ẃ', "wacute"),
    (134, 'Ẃ', "Wacute"),
    (135, 'ẅ', "wdieresis"),
    (136, 'Ẅ', "Wdieresis"),
    (137, 'ỳ', "ygrave"),
    (152, 'Ỳ', "Ygrave"),
];

/// Windows-1252 from 128 to 159 (0 where undefined).
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The 8-bit font of the form fields: a subset of Noto Sans Regular with the
/// encoding described in the module's documentation.
pub struct FieldFont {
    /// The subset TrueType program.
    pub program: Vec<u8>,
    /// The character of each code from 32 to 255 (`'\0'` where none).
    pub chars: [char; 224],
    /// Advance of each code from 32 to 255, in thousandths of an em.
    pub widths: [i64; 224],
    /// `/Differences` entries: code and glyph name.
    pub differences: Vec<(u8, &'static str)>,
    by_char: BTreeMap<char, u8>,
}

impl FieldFont {
    /// The code of `c` in this font, if it has one.
    pub fn code(&self, c: char) -> Option<u8> {
        self.by_char.get(&c).copied()
    }

    /// `text` in the font's encoding. A character the encoding lacks falls
    /// back to its base letter (ą to a) and then to "?": a field can always be
    /// shown, and the value itself keeps every character.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        use unicode_normalization::UnicodeNormalization;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            if let Some(code) = self.code(c) {
                out.push(code);
            } else if let Some(code) = c.to_string().nfd().next().and_then(|b| self.code(b)) {
                out.push(code);
            } else {
                out.push(b'?');
            }
        }
        out
    }
}

/// The field font, built on first use.
pub fn field_font() -> &'static FieldFont {
    static FIELD: OnceLock<FieldFont> = OnceLock::new();
    FIELD.get_or_init(|| {
        let face = &fonts().regular;
        let mut chars = ['\0'; 224];
        for (i, slot) in chars.iter_mut().enumerate() {
            let code = i + 32;
            *slot = match code {
                32..=126 | 160..=255 => char::from(u8::try_from(code).expect("a byte")),
                128..=159 => CP1252_HIGH[code - 128],
                _ => '\0',
            };
        }
        let mut differences = Vec::new();
        for (code, c, name) in WELSH_EXTRAS {
            chars[usize::from(code) - 32] = c;
            differences.push((code, name));
        }
        differences.sort_unstable();
        let mut by_char = BTreeMap::new();
        let mut glyphs = BTreeMap::new();
        let mut widths = [0; 224];
        for (i, &c) in chars.iter().enumerate() {
            if c == '\0' {
                continue;
            }
            let code = u8::try_from(i + 32).expect("a byte");
            by_char.insert(c, code);
            if let Some(g) = face.glyph(c) {
                glyphs.insert(g, c.to_string());
            }
            // Rounded to whole thousandths, as /Widths are written.
            widths[i] = (face.advance(c) * 1000.0).round() as i64;
        }
        // A no-break space types as a space.
        by_char.insert('\u{202F}', 160);
        let mut program = printpdf::subset_font(&face.parsed, &glyphs)
            .map(|s| s.bytes)
            .expect("Noto Sans subsets");
        windows_cmap(&mut program);
        FieldFont {
            program,
            chars,
            widths,
            differences,
            by_char,
        }
    })
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The sum of a font table's big-endian words, as the sfnt checksums are.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.chunks(4).fold(0u32, |sum, word| {
        let mut w = [0u8; 4];
        w[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// Relabels the subset's Unicode cmap (platform 0) as Windows Unicode (3, 1).
///
/// The subsetter writes the same format-4 table under platform 0, but a
/// viewer drawing a non-symbolic TrueType font through its encoding looks for
/// (3, 1): pdf.js finds no glyph for ŵ without it. The table's checksum and
/// the font's checksum adjustment are brought up to date.
fn windows_cmap(font: &mut [u8]) {
    if font.len() < 12 {
        return;
    }
    let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
    let record = |tag: &[u8; 4], font: &[u8]| {
        (0..tables)
            .map(|i| 12 + 16 * i)
            .find(|&r| r + 16 <= font.len() && &font[r..r + 4] == tag)
    };
    let Some(cmap_record) = record(b"cmap", font) else {
        return;
    };
    let start = be32(font, cmap_record + 8) as usize;
    let length = be32(font, cmap_record + 12) as usize;
    if start + length > font.len() || length < 4 {
        return;
    }
    let subtables = usize::from(u16::from_be_bytes([font[start + 2], font[start + 3]]));
    for i in 0..subtables {
        let at = start + 4 + 8 * i;
        if at + 8 <= start + length && font[at..at + 2] == [0, 0] {
            font[at..at + 4].copy_from_slice(&[0, 3, 0, 1]);
        }
    }
    let sum = checksum(&font[start..start + length]);
    font[cmap_record + 4..cmap_record + 8].copy_from_slice(&sum.to_be_bytes());
    if let Some(head_record) = record(b"head", font) {
        let head = be32(font, head_record + 8) as usize;
        if head + 12 <= font.len() {
            font[head + 8..head + 12].copy_from_slice(&[0; 4]);
            let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(font));
            font[head + 8..head + 12].copy_from_slice(&adjustment.to_be_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WELSH: &str = "âêîôûŵŷÂÊÎÔÛŴŶàáäèéëìíïòóöùúüẁẃẅỳýÿÀÁÄÈÉËÌÍÏÒÓÖÙÚÜẀẂẄỲÝŸ";

    #[test]
    fn both_faces_have_every_welsh_letter() {
        for face in [&fonts().regular, &fonts().bold] {
            let missing: String = WELSH.chars().filter(|c| !face.has(*c)).collect();
            assert!(missing.is_empty(), "missing {missing}");
        }
    }

    #[test]
    fn the_field_font_encodes_every_welsh_letter() {
        let font = field_font();
        for c in WELSH.chars() {
            assert!(font.code(c).is_some(), "{c} has no code");
        }
        let codes: std::collections::BTreeSet<u8> =
            WELSH.chars().filter_map(|c| font.code(c)).collect();
        assert_eq!(codes.len(), WELSH.chars().count(), "one code per letter");
        assert_eq!(font.encode("ŵ"), vec![127]);
        // The program maps ŵ through a Windows Unicode cmap.
        let face = ttf_parser::Face::parse(&font.program, 0).unwrap();
        let windows = face
            .tables()
            .cmap
            .unwrap()
            .subtables
            .into_iter()
            .find(|s| s.platform_id == ttf_parser::PlatformId::Windows && s.encoding_id == 1);
        assert!(windows.unwrap().glyph_index(u32::from('ŵ')).is_some());
        assert_eq!(font.encode("ą"), vec![b'a']);
    }
}
