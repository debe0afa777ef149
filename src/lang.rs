//! The two languages of a pack and the bilingual text that every reader-visible
//! field holds.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

/// One of the pack's languages.
///
/// There are exactly two: the Active Offer is about Welsh and English, and a
/// closed enum lets the compiler check that every renderer handles both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Cymraeg.
    Cy,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Welsh first.
    pub const ALL: [Lang; 2] = [Lang::Cy, Lang::En];

    /// The BCP 47 code: `cy` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Cy => "cy",
            Lang::En => "en",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::Cy => Lang::En,
            Lang::En => Lang::Cy,
        }
    }

    /// The language's name in itself ("Cymraeg", "English"), as a switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Cy => "Cymraeg",
            Lang::En => "English",
        }
    }

    /// Parses `cy` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "cy" => Some(Lang::Cy),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where a piece of text came from: the file (relative to the project) and the
/// 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    /// The file, relative to the project folder.
    pub file: Arc<Path>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// True for a YAML block scalar (`|` or `>`): every line of its content
    /// is indented to `col`, so a position inside it can be told exactly.
    pub block: bool,
}

impl Loc {
    /// A location at the start of a file, for problems that concern it whole.
    pub fn file(file: Arc<Path>) -> Loc {
        Loc {
            file,
            line: 1,
            col: 1,
            block: false,
        }
    }

    /// Where line `line`, column `col` (both 1-based) of the text's content
    /// stands in the file.
    pub fn inside(&self, line: u32, col: u32) -> Loc {
        let first = line <= 1;
        Loc {
            line: self.line + line.saturating_sub(1),
            col: if first || self.block {
                self.col + col.saturating_sub(1)
            } else {
                col
            },
            ..self.clone()
        }
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.col)
    }
}

/// `text` in Unicode normalisation form C, as the pack keeps every text.
///
/// Nearly every text already is, and checking is far cheaper than composing
/// (loading a large pack spent more time composing than parsing), so a text
/// is only composed when the quick check cannot say it is in form C.
pub fn nfc(text: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

/// A text a reader sees, in both languages, NFC-normalised, with where each
/// side was written.
#[derive(Clone, Debug)]
pub struct Text {
    /// The Welsh.
    pub cy: String,
    /// The English.
    pub en: String,
    /// The field's path within its file, e.g. `sections[0].fields[2].label`:
    /// stable across edits, so translation tooling can name a text.
    pub key: String,
    /// Where the Welsh was written.
    pub cy_at: Loc,
    /// Where the English was written.
    pub en_at: Loc,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Cy => &self.cy,
            Lang::En => &self.en,
        }
    }

    /// Where the text in `lang` was written.
    pub fn at(&self, lang: Lang) -> &Loc {
        match lang {
            Lang::Cy => &self.cy_at,
            Lang::En => &self.en_at,
        }
    }
}
