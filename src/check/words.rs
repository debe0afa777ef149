//! A project's own lists, all optional, in `words/` beside `canllaw.toml`:
//!
//! - `words/cy.txt` and `words/en.txt`: words the spelling check accepts in
//!   Welsh or English beyond its dictionary — names of people and places,
//!   terms of the field. One word per line; case does not matter.
//! - `words/identical.txt`: texts that may rightly be the same in Welsh and
//!   English (a name, the title of a document), which the untranslated-copy
//!   check then lets through. One text per line, as written in the content.
//!
//! In all three, blank lines and lines starting with `#` are ignored.

use std::collections::HashSet;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::lang::Lang;
use crate::load::read_text;
use crate::problem::Problem;

/// The project's word lists and allowed identical texts.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Extra Welsh words, lowercase.
    pub(crate) cy: HashSet<String>,
    /// Extra English words, lowercase.
    pub(crate) en: HashSet<String>,
    /// Texts allowed to be identical, as [`normalise`] leaves them.
    pub(crate) identical: HashSet<String>,
}

impl Words {
    /// Reads the lists of the project in `root`; missing lists are empty.
    pub(crate) fn load(root: &Path, problems: &mut Vec<Problem>) -> Words {
        let mut read = |name: &str| -> Vec<String> {
            let relative = Path::new("words").join(name);
            if !root.join(&relative).is_file() {
                return Vec::new();
            }
            read_text(root, &relative, problems)
                .map(|text| {
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with('#'))
                        .map(|l| l.nfc().collect())
                        .collect()
                })
                .unwrap_or_default()
        };
        let lower = |list: Vec<String>| list.into_iter().map(|w| fold(&w)).collect();
        Words {
            cy: lower(read("cy.txt")),
            en: lower(read("en.txt")),
            identical: read("identical.txt").iter().map(|t| normalise(t)).collect(),
        }
    }

    /// The extra words of `lang`.
    pub(crate) fn of(&self, lang: Lang) -> &HashSet<String> {
        match lang {
            Lang::Cy => &self.cy,
            Lang::En => &self.en,
        }
    }
}

/// A word as the lists compare it: lowercase, with typographic apostrophes
/// made straight.
pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True for the characters written as an apostrophe: straight, curly, modifier.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// A text with its whitespace collapsed, for comparing texts as a reader
/// sees them rather than as they were wrapped.
pub(crate) fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
