//! Spelling of every text a reader sees, in Welsh and English: the content,
//! `canllaw.toml`'s texts and the project's own interface strings.
//!
//! Words are checked with `spellbook` against the Hunspell dictionaries of
//! the npm packages `dictionary-cy` and `dictionary-en` (or `dictionary-en-gb`
//! where installed). They are not part of canllaw — the Welsh one is
//! LGPL-3.0 — so canllaw finds them, in this order:
//!
//! 1. the folder given in [`super::Options::dictionaries`];
//! 2. the folder named by the environment variable `CANLLAW_DICTIONARIES`;
//! 3. `node_modules/` and then `.test-deps/node_modules/` in the project
//!    folder, and then in the current folder.
//!
//! A folder holds them either as npm installs them (`dictionary-cy/index.aff`
//! and `index.dic`, and the same for `dictionary-en`) or as four files
//! `cy.aff`, `cy.dic`, `en.aff`, `en.dic` (for a system's Hunspell files).
//! Install them with `npm install --no-save dictionary-cy dictionary-en` in
//! the project folder.
//!
//! Before a word is called unknown it is tried as written, without its
//! apostrophe forms (`sy'n`, `i'r`, `'ch`), part by part if hyphenated, in
//! each radical form it may be a mutation of (Welsh), and with British
//! spelling made American (English, for `dictionary-en`, which is US English).
//! The project's word lists ([`super::words`]) extend both dictionaries.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use fluent_syntax::ast;
use spellbook::Dictionary;

use super::markdown::{Prose, prose};
use super::place::Sources;
use super::welsh::{is_clitic, radicals};
use super::words::{Words, fold, is_apostrophe};
use super::{Options, at_project};
use crate::config::line_col;
use crate::lang::{Lang, Loc, Text};
use crate::problem::{Code, Problem};
use crate::resources::Resources;
use crate::validate::is_markdown;

/// The environment variable naming the dictionaries' folder.
pub const DICTIONARIES_ENV: &str = "CANLLAW_DICTIONARIES";

/// How many of the dictionary's suggestions a problem names.
const SUGGESTIONS: usize = 3;

/// Where the Hunspell dictionaries are found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dictionaries {
    /// Welsh `.aff` and `.dic`.
    pub cy: (PathBuf, PathBuf),
    /// English `.aff` and `.dic`.
    pub en: (PathBuf, PathBuf),
}

impl Dictionaries {
    /// The folders searched, in order, for the project in `project` (see
    /// the module's documentation).
    pub fn candidates(project: &Path, explicit: Option<&Path>) -> Vec<PathBuf> {
        let mut folders = Vec::new();
        folders.extend(explicit.map(Path::to_path_buf));
        if let Some(env) = std::env::var_os(DICTIONARIES_ENV).filter(|v| !v.is_empty()) {
            folders.push(PathBuf::from(env));
        }
        let here = PathBuf::from(".");
        for base in [project, here.as_path()] {
            folders.push(base.join("node_modules"));
            folders.push(base.join(".test-deps").join("node_modules"));
        }
        folders
    }

    /// The dictionaries in `folder`, if both languages are there.
    pub fn in_folder(folder: &Path) -> Option<Dictionaries> {
        let pair = |dir: PathBuf| (dir.join("index.aff"), dir.join("index.dic"));
        let exists = |(aff, dic): &(PathBuf, PathBuf)| aff.is_file() && dic.is_file();
        let npm_cy = pair(folder.join("dictionary-cy"));
        let npm_en = [
            folder.join("dictionary-en-gb"),
            folder.join("dictionary-en"),
        ]
        .into_iter()
        .map(pair)
        .find(exists);
        if let (true, Some(en)) = (exists(&npm_cy), npm_en) {
            return Some(Dictionaries { cy: npm_cy, en });
        }
        let plain = |lang: &str| {
            (
                folder.join(format!("{lang}.aff")),
                folder.join(format!("{lang}.dic")),
            )
        };
        let (cy, en) = (plain("cy"), plain("en"));
        (exists(&cy) && exists(&en)).then_some(Dictionaries { cy, en })
    }

    /// The first of the [`candidates`](Dictionaries::candidates) that holds both.
    pub fn find(project: &Path, explicit: Option<&Path>) -> Option<Dictionaries> {
        Dictionaries::candidates(project, explicit)
            .iter()
            .find_map(|folder| Dictionaries::in_folder(folder))
    }
}

/// Both dictionaries, parsed.
struct Loaded {
    cy: Dictionary,
    en: Dictionary,
}

/// Parsing a dictionary takes a moment; a process (a test run, `serve`)
/// checks many times with the same files.
fn load(found: &Dictionaries) -> Result<Arc<Loaded>, Problem> {
    static CACHE: OnceLock<Mutex<HashMap<Dictionaries, Arc<Loaded>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(loaded) = cache.lock().ok().and_then(|c| c.get(found).cloned()) {
        return Ok(loaded);
    }
    let read = |(aff, dic): &(PathBuf, PathBuf)| -> Result<Dictionary, Problem> {
        let fail = |path: &Path, detail: String| {
            Problem::warning(Code::DictionaryBroken, at_project())
                .arg("path", path.display())
                .arg("detail", detail)
        };
        let aff_text = std::fs::read_to_string(aff).map_err(|e| fail(aff, e.to_string()))?;
        let dic_text = std::fs::read_to_string(dic).map_err(|e| fail(dic, e.to_string()))?;
        Dictionary::new(&aff_text, &dic_text).map_err(|e| fail(dic, e.to_string()))
    };
    let loaded = Arc::new(Loaded {
        cy: read(&found.cy)?,
        en: read(&found.en)?,
    });
    if let Ok(mut cache) = cache.lock() {
        cache.insert(found.clone(), loaded.clone());
    }
    Ok(loaded)
}

impl std::hash::Hash for Dictionaries {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.cy.hash(state);
        self.en.hash(state);
    }
}

/// Checks words against a dictionary and the project's list, remembering
/// each verdict (a pack repeats its words many times).
struct Speller<'a> {
    dicts: &'a Loaded,
    words: &'a Words,
    verdicts: HashMap<(Lang, String), bool>,
}

impl Speller<'_> {
    fn dict(&self, lang: Lang) -> &Dictionary {
        match lang {
            Lang::Cy => &self.dicts.cy,
            Lang::En => &self.dicts.en,
        }
    }

    fn listed(&self, lang: Lang, word: &str) -> bool {
        self.dict(lang).check(word) || self.words.of(lang).contains(&fold(word))
    }

    /// One word, without apostrophes or hyphens, in any form it may take.
    fn word(&self, lang: Lang, word: &str) -> bool {
        if word.is_empty() || self.listed(lang, word) {
            return true;
        }
        match lang {
            Lang::Cy => radicals(word).iter().any(|r| self.listed(lang, r)),
            Lang::En => american(word).iter().any(|v| self.listed(lang, v)),
        }
    }

    /// A token as the tokenizer found it, in `lang` alone.
    fn known(&mut self, lang: Lang, token: &str) -> bool {
        if let Some(&known) = self.verdicts.get(&(lang, token.to_string())) {
            return known;
        }
        let known = self.token(lang, token);
        self.verdicts.insert((lang, token.to_string()), known);
        known
    }

    /// A token in a passage of `lang`: a word of `lang`, or a name (a
    /// capitalised word) that the other language's dictionary knows —
    /// Peggy in Welsh, Tyddyn Isaf in English.
    fn fits(&mut self, lang: Lang, token: &str) -> bool {
        if self.known(lang, token) {
            return true;
        }
        if !is_capitalised(token) {
            return false;
        }
        // A name with this language's ending: Peggy'n, Iestyn's.
        let straight: String = token
            .chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .collect();
        let (name, ending) = match straight.split_once('\'') {
            Some((name, ending)) => (name, Some(ending)),
            None => (straight.as_str(), None),
        };
        let ending_fits = match (ending, lang) {
            (None, _) => true,
            (Some(e), Lang::Cy) => is_clitic(e),
            (Some(e), Lang::En) => e == "s" || e.is_empty(),
        };
        ending_fits
            && (self.known(lang.other(), name) || (ending.is_some() && self.known(lang, name)))
    }

    /// The language a passage of a `lang` text is written in: `lang`, unless
    /// more of its words are known only in the other language than only in
    /// `lang` (a record
    /// quoted in English in a Welsh text, a Welsh phrase in an English one).
    fn passage_lang(&mut self, lang: Lang, words: &[Found]) -> Lang {
        let mut own = 0;
        let mut other = 0;
        // Names are no evidence: Dewi and Peggy stand in either language.
        // Nor are words of both languages (a, i, to, hi).
        for w in words.iter().filter(|w| !is_capitalised(&w.word)) {
            match (self.known(lang, &w.word), self.known(lang.other(), &w.word)) {
                (true, false) => own += 1,
                (false, true) => other += 1,
                _ => {}
            }
        }
        if other > own { lang.other() } else { lang }
    }

    /// The unknown words of a block of prose written as `lang`, each with the
    /// language it was checked in.
    fn block(&mut self, lang: Lang, block: &[Prose]) -> Vec<(Found, Lang)> {
        let mut unknown = Vec::new();
        for passage in passages(block) {
            let passage_lang = self.passage_lang(lang, &passage);
            for w in passage {
                if !self.fits(passage_lang, &w.word) {
                    unknown.push((w, passage_lang));
                }
            }
        }
        unknown
    }

    fn token(&self, lang: Lang, token: &str) -> bool {
        let straight: String = token
            .chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .collect();
        if self.word(lang, &straight) {
            return true;
        }
        if straight.contains('-') {
            return straight.split('-').all(|part| self.token(lang, part));
        }
        if !straight.contains('\'') {
            return false;
        }
        match lang {
            // sy'n, i'r, â'ch, gyda'i, 'ch: a word and short forms.
            Lang::Cy => {
                let mut parts = straight.split('\'');
                let head = parts.next().unwrap_or_default();
                self.word(lang, head) && parts.all(|p| is_clitic(p) || self.word(lang, p))
            }
            // person's, parents', 'quoted'.
            Lang::En => {
                let trimmed = straight.trim_start_matches('\'');
                let stem = trimmed
                    .strip_suffix("'s")
                    .or_else(|| trimmed.strip_suffix('\''))
                    .unwrap_or(trimmed);
                stem != straight && self.token(lang, stem)
            }
        }
    }

    fn suggest(&self, lang: Lang, word: &str) -> Vec<String> {
        let mut found = Vec::new();
        self.dict(lang).suggest(word, &mut found);
        found.truncate(SUGGESTIONS);
        found
    }
}

/// British spellings as `dictionary-en` (US English) lists them:
/// organisation → organization, behaviour → behavior, centre → center…
fn american(word: &str) -> Vec<String> {
    const SUFFIXES: [(&str, &str); 30] = [
        ("isation", "ization"),
        ("isational", "izational"),
        ("tred", "tered"),
        ("tring", "tering"),
        ("ements", "ments"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("ise", "ice"),
        ("ising", "icing"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("yses", "yzes"),
        ("ysing", "yzing"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("ogue", "og"),
        ("ogues", "ogs"),
        ("ence", "ense"),
        ("mme", "m"),
        ("mmes", "ms"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ller", "ler"),
        ("llers", "lers"),
        ("ement", "ment"),
    ];
    let mut found = Vec::new();
    for (british, american) in SUFFIXES {
        if let Some(stem) = word.strip_suffix(british) {
            found.push(format!("{stem}{american}"));
        }
    }
    if word.contains("our") {
        found.push(word.replace("our", "or"));
        found.extend(found.clone().iter().map(|w| w.replace("our", "or")));
    }
    found
}

/// The words of `text`, each with its byte offset. Web and e-mail addresses
/// are skipped whole, and so are tokens with digits and single letters.
pub(crate) fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut chunk_start = None;
    let bytes_end = text.len();
    let mut chunks = Vec::new();
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), chunk_start) {
            (true, Some(s)) => {
                chunks.push((s, i));
                chunk_start = None;
            }
            (false, None) => chunk_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = chunk_start {
        chunks.push((s, bytes_end));
    }
    for (s, e) in chunks {
        let chunk = &text[s..e];
        if chunk.contains("://") || chunk.contains('@') || chunk.starts_with("www.") {
            continue;
        }
        let chars: Vec<(usize, char)> = chunk.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            let next_letter = chars.get(i + 1).is_some_and(|(_, n)| n.is_alphabetic());
            let prev_alnum = i > 0 && chars[i - 1].1.is_alphanumeric();
            let starts = c.is_alphabetic() || (is_apostrophe(c) && next_letter && !prev_alnum);
            if !starts {
                i += 1;
                continue;
            }
            let begin = i;
            // Letters straight after a digit belong to it: 18th, 2il, A4.
            let after_digit = i > 0 && chars[i - 1].1.is_alphanumeric();
            i += 1;
            while i < chars.len() {
                let c = chars[i].1;
                let next_letter = chars.get(i + 1).is_some_and(|(_, n)| n.is_alphabetic());
                let joins = (is_apostrophe(c) || c == '-' || c == '\u{2010}') && next_letter;
                if c.is_alphanumeric() || is_combining(c) || joins {
                    i += 1;
                } else {
                    break;
                }
            }
            let from = chars[begin].0;
            let to = chars.get(i).map_or(chunk.len(), |(b, _)| *b);
            let token = &chunk[from..to];
            let letters = token.chars().filter(|c| c.is_alphabetic()).count();
            if letters > 1 && !after_digit && !token.chars().any(|c| c.is_ascii_digit()) {
                found.push((s + from, token));
            }
        }
    }
    found
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// An unknown word and where it was found.
struct Unknown {
    word: String,
    at: Loc,
    lang: Lang,
    field: String,
}

/// Runs the spelling check, or says once why it could not.
pub(super) fn check(
    root: &Path,
    options: &Options,
    texts: &[Text],
    resources: &Resources,
    words: &Words,
    sources: &mut Sources,
    problems: &mut Vec<Problem>,
) {
    let Some(found) = Dictionaries::find(root, options.dictionaries.as_deref()) else {
        problems.push(Problem::warning(Code::DictionariesMissing, at_project()));
        return;
    };
    let loaded = match load(&found) {
        Ok(loaded) => loaded,
        Err(problem) => {
            problems.push(problem);
            return;
        }
    };
    let mut speller = Speller {
        dicts: &loaded,
        words,
        verdicts: HashMap::new(),
    };
    let mut unknown = Vec::new();
    for text in texts {
        for lang in Lang::ALL {
            content_words(text, lang, &mut speller, sources, &mut unknown);
        }
    }
    for lang in Lang::ALL {
        let prefix = format!("locales/{lang}/");
        for (path, resource) in resources.under(&prefix) {
            if resource.from_project && path.ends_with(".ftl") {
                let source = String::from_utf8_lossy(&resource.bytes);
                fluent_words(path, &source, lang, &mut speller, &mut unknown);
            }
        }
    }
    let mut suggestions: HashMap<(Lang, String), String> = HashMap::new();
    for u in unknown {
        let listed = suggestions
            .entry((u.lang, u.word.clone()))
            .or_insert_with(|| {
                let found = speller.suggest(u.lang, &u.word);
                if found.is_empty() {
                    "none".to_string()
                } else {
                    found.join(", ")
                }
            })
            .clone();
        problems.push(
            Problem::warning(Code::UnknownWord, u.at)
                .arg("word", &u.word)
                .arg("lang", u.lang)
                .arg("field", u.field)
                .arg("suggestions", listed),
        );
    }
}

/// A word and where it stands within its text (or file, for Fluent).
struct Found {
    word: String,
    line: u32,
    col: u32,
}

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Quotation marks: a quotation may be in the other language.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// The words of a block, cut into passages at quotation marks and where
/// emphasis starts or ends.
fn passages(block: &[Prose]) -> Vec<Vec<Found>> {
    let mut passages: Vec<Vec<Found>> = vec![Vec::new()];
    let mut emphasis = false;
    for piece in block {
        if piece.emphasis != emphasis {
            passages.push(Vec::new());
            emphasis = piece.emphasis;
        }
        let add = |from: usize, to: usize, passages: &mut Vec<Vec<Found>>| {
            for (offset, token) in tokens(&piece.text[from..to]) {
                let before =
                    u32::try_from(piece.text[..from + offset].chars().count()).unwrap_or(0);
                if let Some(last) = passages.last_mut() {
                    last.push(Found {
                        word: token.to_string(),
                        line: piece.line,
                        col: piece.col + before,
                    });
                }
            }
        };
        let mut last = 0;
        for (i, c) in piece.text.char_indices().filter(|(_, c)| is_quote(*c)) {
            add(last, i, &mut passages);
            passages.push(Vec::new());
            last = i + c.len_utf8();
        }
        add(last, piece.text.len(), &mut passages);
    }
    passages.retain(|p| !p.is_empty());
    passages
}

fn content_words(
    text: &Text,
    lang: Lang,
    speller: &mut Speller<'_>,
    sources: &mut Sources,
    unknown: &mut Vec<Unknown>,
) {
    let side = text.get(lang);
    let blocks: Vec<Vec<Prose>> = if is_markdown(&text.key) {
        prose(side)
    } else {
        vec![
            side.lines()
                .enumerate()
                .map(|(i, l)| Prose {
                    text: l.to_string(),
                    line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    col: 1,
                    emphasis: false,
                })
                .collect(),
        ]
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for block in blocks {
        for (found, checked_as) in speller.block(lang, &block) {
            let nth = seen.entry(found.word.clone()).or_insert(0);
            let at = sources.place_word(text.at(lang), found.line, found.col, &found.word, *nth);
            *nth += 1;
            unknown.push(Unknown {
                word: found.word,
                at,
                lang: checked_as,
                field: format!("{}.{lang}", text.key),
            });
        }
    }
}

/// Words of the text of every message and term of a Fluent file.
fn fluent_words(
    path: &str,
    source: &str,
    lang: Lang,
    speller: &mut Speller<'_>,
    unknown: &mut Vec<Unknown>,
) {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) | Err((r, _)) => r,
    };
    let file: Arc<Path> = Arc::from(Path::new(path));
    let start = source.as_ptr() as usize;
    for entry in &resource.body {
        let (id, pattern, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut texts = Vec::new();
        if let Some(p) = pattern {
            pattern_texts(p, &mut texts);
        }
        for a in attributes {
            pattern_texts(&a.value, &mut texts);
        }
        for text in texts {
            // The parser hands out slices of the source; anything else has no place.
            let at = text.as_ptr() as usize;
            if at < start || at + text.len() > start + source.len() {
                continue;
            }
            let mut block = Vec::new();
            let mut offset = at - start;
            for line in text.split('\n') {
                let (line_no, col) = line_col(source, offset);
                block.push(Prose {
                    text: line.to_string(),
                    line: line_no,
                    col,
                    emphasis: false,
                });
                offset += line.len() + 1;
            }
            for (found, checked_as) in speller.block(lang, &block) {
                unknown.push(Unknown {
                    word: found.word,
                    at: Loc {
                        file: file.clone(),
                        line: found.line,
                        col: found.col,
                        block: false,
                    },
                    lang: checked_as,
                    field: id.to_string(),
                });
            }
        }
    }
}

/// The literal text of a pattern, with its variants', as slices of the source.
fn pattern_texts<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push(value),
            ast::PatternElement::Placeable { expression } => expression_texts(expression, out),
        }
    }
}

fn expression_texts<'s>(expression: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            for v in variants {
                pattern_texts(&v.value, out);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_texts(expression, out)
        }
        ast::Expression::Inline(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn tokens_keep_welsh_apostrophes_and_skip_addresses() {
        assert_eq!(
            words("Mae'r hyn sy'n bwysig i'r unigolyn"),
            ["Mae'r", "hyn", "sy'n", "bwysig", "i'r", "unigolyn"]
        );
        assert_eq!(words("â’ch teulu, 'ch"), ["â’ch", "teulu", "'ch"]);
        assert_eq!(
            words("see https://llyw.cymru or help@example.org, 2024 A4"),
            ["see", "or"]
        );
        assert_eq!(
            words("well-being (co-production)"),
            ["well-being", "co-production"]
        );
        assert_eq!(
            words("after 18th birthday, yr 2il"),
            ["after", "birthday", "yr"]
        );
    }

    #[test]
    fn british_spelling_is_tried_as_american() {
        assert!(american("organisation").contains(&"organization".to_string()));
        assert!(american("behaviour").contains(&"behavior".to_string()));
        assert!(american("centre").contains(&"center".to_string()));
        assert!(american("programme").contains(&"program".to_string()));
    }
}
