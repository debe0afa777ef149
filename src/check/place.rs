//! Where a position inside a text stands in the file it was written in.
//!
//! A text knows where its value starts ([`Loc`]); a position inside it (a
//! word, a link) is found from that. Block scalars map exactly
//! ([`Loc::inside`]); quoted and folded scalars do not (quotes, escapes, line
//! folding), so a word's place is checked against the file and, if it is not
//! there, found by searching the file from the value's start.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::lang::Loc;

/// The project's files, read once each, for placing positions.
pub(crate) struct Sources {
    root: PathBuf,
    files: HashMap<Arc<Path>, Option<Vec<String>>>,
}

impl Sources {
    /// Files of the project in `root`.
    pub(crate) fn new(root: &Path) -> Sources {
        Sources {
            root: root.to_path_buf(),
            files: HashMap::new(),
        }
    }

    fn lines(&mut self, file: &Arc<Path>) -> Option<&[String]> {
        let root = &self.root;
        self.files
            .entry(file.clone())
            .or_insert_with(|| {
                std::fs::read_to_string(root.join(file))
                    .ok()
                    .map(|text| text.lines().map(str::to_string).collect())
            })
            .as_deref()
    }

    /// The character at 1-based `line` and `col` of `file`.
    fn char_at(&mut self, file: &Arc<Path>, line: u32, col: u32) -> Option<char> {
        let lines = self.lines(file)?;
        let text = lines.get(usize::try_from(line).ok()?.checked_sub(1)?)?;
        text.chars().nth(usize::try_from(col).ok()?.checked_sub(1)?)
    }

    /// Where 1-based `line` and `col` (in characters) of the text whose value
    /// starts at `start` stand in the file.
    pub(crate) fn place(&mut self, start: &Loc, line: u32, col: u32) -> Loc {
        // A quoted value starts at its quote; its text one character later.
        let quoted = !start.block
            && matches!(
                self.char_at(&start.file, start.line, start.col),
                Some('"' | '\'')
            );
        let mut at = start.inside(line, col);
        if quoted && line <= 1 {
            at.col += 1;
        }
        at
    }

    /// Where `word`, the `nth` (0-based) occurrence of it in its text, found at
    /// `line` and `col` of the text starting at `start`, stands in the file.
    pub(crate) fn place_word(
        &mut self,
        start: &Loc,
        line: u32,
        col: u32,
        word: &str,
        nth: usize,
    ) -> Loc {
        let at = self.place(start, line, col);
        if self.has_at(&at, word) {
            return at;
        }
        self.search(start, word, nth).unwrap_or(at)
    }

    fn has_at(&mut self, at: &Loc, word: &str) -> bool {
        let Some(lines) = self.lines(&at.file) else {
            return false;
        };
        let Some(text) = (at.line as usize).checked_sub(1).and_then(|i| lines.get(i)) else {
            return false;
        };
        text.chars()
            .skip((at.col as usize).saturating_sub(1))
            .zip(word.chars())
            .filter(|(a, b)| plain(*a) == plain(*b))
            .count()
            == word.chars().count()
    }

    /// The `nth` occurrence of `word` in the file at or after `start`.
    fn search(&mut self, start: &Loc, word: &str, nth: usize) -> Option<Loc> {
        let lines = self.lines(&start.file)?;
        let word: String = word.chars().map(plain).collect();
        let word = word.as_str();
        let mut seen = 0;
        for (i, text) in lines
            .iter()
            .enumerate()
            .skip((start.line as usize).saturating_sub(1))
        {
            // Typographic quotes may stand for straight ones: one character
            // for one, so columns are the same.
            let text: String = text.chars().map(plain).collect();
            let skip = if i + 1 == start.line as usize {
                text.char_indices()
                    .nth((start.col as usize).saturating_sub(1))
                    .map_or(text.len(), |(b, _)| b)
            } else {
                0
            };
            let mut from = skip;
            while let Some(found) = text[from..].find(word) {
                let byte = from + found;
                if seen == nth {
                    return Some(Loc {
                        file: start.file.clone(),
                        line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                        col: u32::try_from(text[..byte].chars().count() + 1).unwrap_or(u32::MAX),
                        block: false,
                    });
                }
                seen += 1;
                from = byte + word.len().max(1);
            }
        }
        None
    }
}

/// A character with typographic apostrophes and quotes made straight, as
/// canllaw may have made them typographic on loading.
fn plain(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        other => other,
    }
}
