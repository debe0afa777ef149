//! Site search that works for Welsh as well as English, entirely offline.
//!
//! The site is often opened from a file share, where `fetch` fails and no
//! server can answer queries, so the index is a script, `LANG/search-index.js`,
//! that the page loads with `<script src>` and that sets one global. The front
//! end, `theme/search.js`, turns a query into keys with a port of [`keys`] and
//! looks each one up as a prefix of the index's sorted keys.
//!
//! Welsh needs more than lowercasing: a word's first letter changes with the
//! word before it (`cofnod`, `ei gofnod`, `fy nghofnod`, `ei chofnod`), so for
//! Welsh the keys of a word also hold the radical (unmutated) forms it could
//! have come from. English gets neither stemming nor demutation, so the rules
//! of one language never reach the other.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::lang::Lang;
use crate::welsh;

/// One page as search sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The page's title, in the page's language.
    pub title: String,
    /// The page's path relative to the language folder, e.g. `principles/own-words.html`.
    pub path: String,
    /// A short label for the kind of page, in the page's language, e.g. "Egwyddor".
    pub kind: String,
    /// The page's text without markup.
    pub text: String,
}

/// The apostrophes typed or typeset in Welsh (`mae’n`, `iʼr`), all read as `'`.
const APOSTROPHES: [char; 3] = ['\u{2019}', '\u{2018}', '\u{02BC}'];

/// Very common Welsh words that are not mutated forms. Their would-be radicals
/// are ordinary words (`dy` → `ty`, `na` → `da`, `oes` → `goes`), so
/// demutating them would make a search for those words match nearly every page.
const NOT_MUTATED: [&str; 28] = [
    "dim", "dy", "eich", "ein", "fe", "fel", "fy", "gan", "gyda", "hefyd", "hon", "hwn", "hwnnw",
    "hyn", "hynny", "mae", "mai", "mewn", "na", "nac", "nad", "neu", "ni", "nid", "oedd", "oes",
    "ond", "wedi",
];

/// Shortest word, and shortest radical, that demutation considers: a
/// one-letter key would match, as a prefix, a large part of the index.
const SHORTEST_MUTATED: usize = 2;

/// Shortest word that may have lost an initial `g`: every vowel-initial word
/// could have, and two-letter ones (`yn`, `ac`, `ei`) are function words.
const SHORTEST_WITHOUT_G: usize = 3;

/// How much of a page's text the index carries for the front end to cut
/// excerpts from: enough for a few sentences around a match near the start,
/// without making the index as large as the site.
const EXCERPT_SOURCE_CHARS: usize = 800;

/// A word's normal form for matching: NFC, lowercase, curly apostrophes as
/// `'`, diacritics removed (`Tŷ` → `ty`, `â` → `a`).
///
/// Diacritics are folded rather than kept because readers often type Welsh
/// without them; letters with no decomposition (`ø`, `æ`) stay as they are.
pub fn normalise(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    if word.chars().all(|c| c.is_ascii() || is_plain(c)) {
        // Character by character: ASCII stretches copied whole and
        // lowercased, each other character through the whole process alone.
        let mut from = 0;
        for (at, c) in word.char_indices().filter(|(_, c)| !c.is_ascii()) {
            push_ascii(&mut out, &word[from..at]);
            if APOSTROPHES.contains(&c) {
                out.push('\'');
            } else {
                out.push_str(&normalise_run(c.encode_utf8(&mut [0; 4])));
            }
            from = at + c.len_utf8();
        }
        push_ascii(&mut out, &word[from..]);
        return out;
    }
    // Runs between ASCII white space normalise alone (white space neither
    // composes with a mark nor decides a final sigma). An ASCII byte is
    // never part of a longer character, so the text can be cut at one.
    let push = |out: &mut String, run: &str| {
        if run.is_ascii() {
            push_ascii(out, run);
        } else {
            out.push_str(&normalise_run(run));
        }
    };
    let mut start = 0;
    for (i, byte) in word.bytes().enumerate() {
        if byte.is_ascii_whitespace() {
            push(&mut out, &word[start..i]);
            out.push(char::from(byte));
            start = i + 1;
        }
    }
    push(&mut out, &word[start..]);
    out
}

/// Characters whose normal form does not depend on their neighbours, so
/// that text of these and ASCII normalises one character at a time: the
/// Latin-1 and Latin Extended-A letters (`ŵ`, `ŷ`, `â`, `ï`…), which
/// decompose into an ASCII letter and marks or not at all, and general
/// punctuation (curly quotes, dashes). Combining marks, Greek sigma and
/// Hangul, which compose or change with their neighbours, are not among
/// them.
fn is_plain(c: char) -> bool {
    APOSTROPHES.contains(&c) || matches!(c, '\u{A0}'..='\u{17F}' | '\u{2000}'..='\u{206F}')
}

/// Appends ASCII `text` lowercased.
fn push_ascii(out: &mut String, text: &str) {
    let at = out.len();
    out.push_str(text);
    out[at..].make_ascii_lowercase();
}

/// [`normalise`] for text with letters beyond ASCII.
fn normalise_run(text: &str) -> String {
    let lower = text.nfc().collect::<String>().to_lowercase();
    lower
        .chars()
        .map(|c| if APOSTROPHES.contains(&c) { '\'' } else { c })
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect()
}

/// The index and query keys for `word` (or for each word of a phrase), in
/// order and without repeats: the normal form ([`normalise`]), for Welsh the
/// radical forms it may be a mutation of, and for a word with apostrophes
/// (`mae'n`) its parts (`mae`, `n`) too.
pub fn keys(word: &str, lang: Lang) -> Vec<String> {
    let normal = normalise(word);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for token in words(&normal) {
        for key in token_keys(token, lang, true) {
            if seen.insert(key.clone()) {
                out.push(key);
            }
        }
    }
    out
}

/// Letters and digits of any script; a word is never split at `ŷ` or `ø`.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// The words of normalised text: runs of letters and digits, with an
/// apostrophe kept when it stands between two of them (`mae'n`, not `'r`).
fn words(text: &str) -> Vec<&str> {
    // Byte by byte, decoding only what is not ASCII: this runs over every
    // page's whole text.
    let char_at = |at: usize| -> Option<char> {
        match text.as_bytes().get(at) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => text[at..].chars().next(),
            None => None,
        }
    };
    let mut out = Vec::new();
    let mut start = None;
    let mut at = 0;
    while let Some(c) = char_at(at) {
        let next = at + c.len_utf8();
        let joins = c == '\'' && start.is_some() && char_at(next).is_some_and(is_word_char);
        if is_word_char(c) || joins {
            start.get_or_insert(at);
        } else if let Some(from) = start.take() {
            out.push(&text[from..at]);
        }
        at = next;
    }
    if let Some(from) = start {
        out.push(&text[from..]);
    }
    out
}

/// The keys of one normalised word; `parts` adds the parts of a word with
/// apostrophes, which the index wants and a query does not (a query's `i'r`
/// should not match every page with a word beginning `r`).
fn token_keys(token: &str, lang: Lang, parts: bool) -> Vec<String> {
    let mut out = vec![token.to_string()];
    let add = |word: &str, out: &mut Vec<String>| {
        if lang == Lang::Cy {
            for radical in radicals(word) {
                if !out.contains(&radical) {
                    out.push(radical);
                }
            }
        }
    };
    add(token, &mut out);
    if parts && token.contains('\'') {
        for part in token.split('\'').filter(|p| !p.is_empty()) {
            if !out.iter().any(|k| k == part) {
                out.push(part.to_string());
            }
            add(part, &mut out);
        }
    }
    out
}

/// The radical forms a normalised Welsh word may be a mutation of (see
/// [`crate::welsh::radicals`]), within the limits that keep search useful:
/// very common and very short words are left alone, so that a search for
/// `ty` or `da` does not match nearly every page.
///
/// For a word with apostrophes the limits apply to the part before the first
/// one, so `gofnodi'r` gives `cofnodi'r` while `mae'n` stays as it is.
fn radicals(word: &str) -> Vec<String> {
    let head = word.split('\'').next().unwrap_or(word);
    let length = head.chars().count();
    if length < SHORTEST_MUTATED || NOT_MUTATED.contains(&head) {
        return Vec::new();
    }
    let mut out = welsh::radicals(word);
    if length < SHORTEST_WITHOUT_G {
        out.retain(|radical| radical.strip_prefix('g') != Some(word));
    }
    out.retain(|radical| radical.chars().count() >= SHORTEST_MUTATED);
    out
}

/// The start of `text` with runs of white space made single, cut at a word
/// boundary, for the front end to show and highlight.
fn excerpt_source(text: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if count > 0 && count + 1 + length > EXCERPT_SOURCE_CHARS {
            break;
        }
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        if length > EXCERPT_SOURCE_CHARS {
            out.extend(word.chars().take(EXCERPT_SOURCE_CHARS - count));
            break;
        }
        out.push_str(word);
        count += length;
    }
    out
}

/// A hasher for the index's own maps of short words: far quicker than the
/// standard one, whose resistance to chosen keys a build of the author's own
/// text does not need. (FxHash's step: rotate, xor, multiply.)
#[derive(Default)]
struct QuickHasher(u64);

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            self.add(word);
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Quick = std::hash::BuildHasherDefault<QuickHasher>;

/// One document as the index script carries it.
#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    path: &'a str,
    kind: &'a str,
    excerpt: String,
}

/// The whole index: `keys` sorted in UTF-16 order (JavaScript's string
/// order, so the front end can binary-search them), and `postings[i]` the
/// increasing document numbers holding `keys[i]`.
#[derive(Serialize)]
struct Index<'a> {
    lang: Lang,
    docs: Vec<Entry<'a>>,
    keys: Vec<&'a str>,
    postings: Vec<Vec<u32>>,
}

/// The contents of `LANG/search-index.js` for the pages `docs` in `lang`: one
/// statement setting `window.canllawSearchIndex`, valid JavaScript whatever
/// the text holds.
pub fn index_js(lang: Lang, docs: &[Document]) -> String {
    // Words recur from page to page: each distinct word's keys are made once
    // and numbered, and pages collect key numbers.
    let mut keys: Vec<String> = Vec::new();
    let mut numbers: HashMap<String, u32, Quick> = HashMap::default();
    let mut by_token: HashMap<String, Vec<u32>, Quick> = HashMap::default();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut doc_keys: Vec<u32> = Vec::new();
    for (number, doc) in docs.iter().enumerate() {
        let number = u32::try_from(number).expect("fewer than 2^32 pages");
        doc_keys.clear();
        for text in [&doc.title, &doc.text] {
            let normal = normalise(text);
            for token in words(&normal) {
                if let Some(known) = by_token.get(token) {
                    doc_keys.extend_from_slice(known);
                    continue;
                }
                let made: Vec<u32> = token_keys(token, lang, true)
                    .into_iter()
                    .map(|key| {
                        *numbers.entry(key).or_insert_with_key(|key| {
                            keys.push(key.clone());
                            postings.push(Vec::new());
                            u32::try_from(keys.len() - 1).expect("fewer than 2^32 keys")
                        })
                    })
                    .collect();
                doc_keys.extend_from_slice(&made);
                by_token.insert(token.to_string(), made);
            }
        }
        // Documents are visited in order, so each list stays increasing,
        // and a key already given this document ends with its number.
        for &key in &doc_keys {
            let list = &mut postings[key as usize];
            if list.last() != Some(&number) {
                list.push(number);
            }
        }
    }
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].encode_utf16().cmp(keys[b].encode_utf16()));
    let index = Index {
        lang,
        docs: docs
            .iter()
            .map(|doc| Entry {
                title: &doc.title,
                path: &doc.path,
                kind: &doc.kind,
                excerpt: excerpt_source(&doc.text),
            })
            .collect(),
        keys: order.iter().map(|&k| keys[k].as_str()).collect(),
        postings: order
            .iter()
            .map(|&k| std::mem::take(&mut postings[k]))
            .collect(),
    };
    let json = serde_json::to_string(&index).expect("the index serialises");
    // `<` can only stand inside a JSON string here, where `\u003c` means the
    // same; escaping it keeps `</script>` and `<!--` harmless if the index is
    // ever inlined. U+2028 and U+2029 end lines in older JavaScript.
    let json = json
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!(
        "// The search index for the {lang} pages, made by canllaw; read by search.js.\nwindow.canllawSearchIndex = {json};\n"
    )
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::process::{Command, Stdio};

    use super::*;

    fn doc(title: &str, text: &str) -> Document {
        Document {
            title: title.to_string(),
            path: format!("pages/{}.html", title.to_lowercase()),
            kind: "Tudalen".to_string(),
            text: text.to_string(),
        }
    }

    /// What the front end does for one query word: the word's own keys (no
    /// apostrophe parts) each looked up as a prefix of the text's keys.
    fn finds(query: &str, text: &str, lang: Lang) -> bool {
        let indexed = keys(text, lang);
        let normal = normalise(query);
        let words = words(&normal);
        !words.is_empty()
            && words.iter().all(|word| {
                token_keys(word, lang, false)
                    .iter()
                    .any(|key| indexed.iter().any(|k| k.starts_with(key.as_str())))
            })
    }

    /// Runs `script` with node, or returns `None` where node is not installed.
    fn node(script: &str) -> Option<String> {
        let child = Command::new("node")
            .arg("-")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                eprintln!("node is not installed; skipping");
                return None;
            }
            Err(e) => panic!("running node: {e}"),
        };
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(script.as_bytes())
            .expect("writing to node");
        let out = child.wait_with_output().expect("waiting for node");
        assert!(
            out.status.success(),
            "node failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(String::from_utf8(out.stdout).expect("node writes UTF-8"))
    }

    /// A node prelude that runs `theme/search.js`, and index scripts given to
    /// `run`, with a `window` and a `document` that has no search box.
    fn prelude() -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/theme/search.js");
        format!(
            "const fs = require('fs'), vm = require('vm');
             const window = {{}};
             const document = {{ documentElement: {{ lang: 'cy' }}, getElementById: () => null,
                                 addEventListener: () => {{}} }};
             const context = vm.createContext({{ window, document }});
             const run = (source) => vm.runInContext(source, context);
             run(fs.readFileSync({}, 'utf8'));\n",
            serde_json::to_string(path).expect("a path serialises")
        )
    }

    #[test]
    fn normal_form_folds_case_diacritics_and_apostrophes() {
        assert_eq!(normalise("Tŷ"), "ty");
        assert_eq!(normalise("Tŷ"), "ty");
        assert_eq!(normalise("MAE’N"), "mae'n");
        assert_eq!(normalise("iʼr"), "i'r");
        assert_eq!(normalise("â ô ŵ ø"), "a o w ø");
    }

    #[test]
    fn words_are_not_split_at_non_ascii_letters() {
        assert_eq!(keys("tŷ", Lang::En), ["ty"]);
        assert_eq!(keys("Dŵr, ŷd!", Lang::En), ["dwr", "yd"]);
        assert_eq!(keys("søren", Lang::En), ["søren"]);
    }

    #[test]
    fn normalising_by_parts_is_normalising_the_whole() {
        // `normalise` takes short cuts; `normalise_run` is the whole process.
        for text in [
            "Tŷ’r ŵyr â’i ŵr, ac mae’n “dda” — iawn…",
            "ΣΟΦΟΣ ΣΟΦΟΣ. Σ",
            "e\u{301}cole a\u{301} \u{301}x",
            "İstanbul ǅemal ﬁsh Å",
            "naïve café — ‘quoted’",
            "한국어 \u{1100}\u{1161}",
            "x\u{2028}y\tz\nw",
            "",
            "PLAIN ascii",
        ] {
            assert_eq!(normalise(text), normalise_run(text), "{text:?}");
        }
        let plain = ('\u{A0}'..='\u{17F}').chain('\u{2000}'..='\u{206F}');
        for c in plain {
            let text = format!("Ab{c}c {c}D {c}");
            assert_eq!(normalise(&text), normalise_run(&text), "{c:?}");
        }
    }

    #[test]
    fn words_split_at_anything_but_letters_digits_and_inner_apostrophes() {
        assert_eq!(
            words("mae'n 'r tŷ-ŵyr a''b 12x ø’"),
            ["mae'n", "r", "tŷ", "ŵyr", "a", "b", "12x", "ø"]
        );
    }

    #[test]
    fn radical_forms_are_found_from_mutations() {
        for word in ["gofnodi", "nghofnod", "chofnod"] {
            assert!(
                keys(word, Lang::Cy).iter().any(|k| k.starts_with("cofnod")),
                "{word}"
            );
        }
        assert!(keys("Nghymru", Lang::Cy).contains(&"cymru".to_string()));
        assert!(keys("hiaith", Lang::Cy).contains(&"iaith".to_string()));
        assert!(keys("ofal", Lang::Cy).contains(&"gofal".to_string()));
        assert!(keys("fam", Lang::Cy).contains(&"mam".to_string()));
        assert!(keys("law", Lang::Cy).contains(&"llaw".to_string()));
        assert!(keys("mhlentyn", Lang::Cy).contains(&"plentyn".to_string()));
        assert!(keys("nhad", Lang::Cy).contains(&"tad".to_string()));
        assert!(keys("ngardd", Lang::Cy).contains(&"gardd".to_string()));
        assert!(keys("ddysgu", Lang::Cy).contains(&"dysgu".to_string()));
        assert_eq!(keys("llaw", Lang::Cy), ["llaw"]);
        assert_eq!(keys("dy", Lang::Cy), ["dy"]);
        assert_eq!(keys("yn", Lang::Cy), ["yn"]);
    }

    #[test]
    fn cofnod_finds_its_mutations() {
        for text in [
            "Sut i gofnodi sgwrs",
            "fy nghofnod i",
            "ei chofnod hi",
            "y cofnod",
        ] {
            assert!(finds("cofnod", text, Lang::Cy), "{text}");
        }
        assert!(finds("Cymru", "yng Nghymru", Lang::Cy));
        assert!(finds("gofal", "ei ofal", Lang::Cy));
        assert!(!finds("cofnod", "sgwrs", Lang::Cy));
    }

    #[test]
    fn diacritics_match_both_ways() {
        for lang in Lang::ALL {
            assert!(finds("tŷ", "ty", lang));
            assert!(finds("tŷ", "tŷ", lang));
            assert!(finds("ty", "tŷ", lang));
        }
    }

    #[test]
    fn apostrophes_keep_the_word_and_its_parts() {
        assert_eq!(keys("mae’n", Lang::Cy), ["mae'n", "mae", "n"]);
        assert_eq!(keys("sy'n", Lang::Cy), ["sy'n", "sy", "n"]);
        assert_eq!(keys("i’r", Lang::En), ["i'r", "i", "r"]);
        assert!(finds("mae'n", "Mae’n bwysig", Lang::Cy));
        assert!(finds("mae’n", "Mae'n bwysig", Lang::Cy));
        assert!(finds("mae", "Mae’n bwysig", Lang::Cy));
        assert!(!finds("i'r", "rhaid", Lang::Cy));
        assert_eq!(keys("'r", Lang::Cy), ["r"]);
        assert_eq!(
            keys("gofnodi’r", Lang::Cy),
            ["gofnodi'r", "cofnodi'r", "gofnodi", "cofnodi", "r"]
        );
        assert!(finds("cofnodi'r", "i gofnodi'r sgwrs", Lang::Cy));
    }

    #[test]
    fn welsh_rules_never_touch_english() {
        assert_eq!(keys("gap", Lang::En), ["gap"]);
        assert_eq!(keys("nothing", Lang::En), ["nothing"]);
        assert_eq!(keys("records", Lang::En), ["records"]);
        assert!(!finds("cap", "mind the gap", Lang::En));
        assert!(keys("gap", Lang::Cy).contains(&"cap".to_string()));
    }

    #[test]
    fn index_keys_are_sorted_with_increasing_postings() {
        let js = index_js(
            Lang::Cy,
            &[
                doc("Cofnodi", "Sut i gofnodi'r sgwrs yng Nghymru"),
                doc("Gofal", "Ei ofal am 𝔞 a ｚ"),
            ],
        );
        let json = js
            .trim_end()
            .strip_prefix(js.lines().next().unwrap())
            .unwrap()
            .trim()
            .strip_prefix("window.canllawSearchIndex = ")
            .unwrap()
            .strip_suffix(';')
            .unwrap();
        let index: serde_json::Value = serde_json::from_str(json).unwrap();
        let keys: Vec<&str> = index["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let utf16: Vec<Vec<u16>> = keys.iter().map(|k| k.encode_utf16().collect()).collect();
        assert!(utf16.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        for want in ["cofnodi'r", "cofnodi", "cymru", "gofal", "r"] {
            assert!(keys.contains(&want), "{want} in {keys:?}");
        }
        for postings in index["postings"].as_array().unwrap() {
            let numbers: Vec<u64> = postings
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
                .collect();
            assert!(!numbers.is_empty() && numbers.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn excerpt_source_is_short_and_whole_words() {
        let long = "gair ".repeat(400);
        let source = excerpt_source(&long);
        assert!(source.chars().count() <= EXCERPT_SOURCE_CHARS);
        assert!(source.ends_with("gair"));
        assert_eq!(excerpt_source("  a \n\t b  "), "a b");
    }

    #[test]
    fn index_script_is_valid_javascript_for_any_text() {
        let nasty = "</script><script>alert(1)</script> <!-- \"quoted\" 'single' \\ \u{2028}\u{2029} `${x}` ’";
        let js = index_js(Lang::Cy, &[doc(nasty, nasty)]);
        assert!(!js.contains("</script"));
        assert!(!js.contains('\u{2028}') && !js.contains('\u{2029}'));
        let script = format!(
            "const window = {{}};\n{js}\nprocess.stdout.write(JSON.stringify([window.canllawSearchIndex.docs[0].title, window.canllawSearchIndex.docs[0].excerpt]));"
        );
        let Some(out) = node(&script) else { return };
        let got: Vec<String> = serde_json::from_str(&out).unwrap();
        assert_eq!(got[0], nasty);
        assert_eq!(got[1], excerpt_source(nasty));
    }

    #[test]
    fn javascript_keys_match_rust_keys() {
        let words = [
            "cofnod",
            "gofnodi",
            "nghofnod",
            "chofnod",
            "Nghymru",
            "hiaith",
            "ofal",
            "wraig",
            "lan",
            "rug",
            "llaw",
            "rhaglen",
            "ffôn",
            "fam",
            "mhlentyn",
            "nhad",
            "ngardd",
            "ddysgu",
            "thad",
            "phen",
            "bobl",
            "dŷ",
            "Tŷ",
            "tŷ",
            "ty",
            "mae’n",
            "MAE'N",
            "sy'n",
            "i’r",
            "iʼr",
            "gofnodi’r",
            "ofal'n",
            "dy'r",
            "'r",
            "a''b",
            "dy",
            "yn",
            "oes",
            "hi",
            "gap",
            "records",
            "don't",
            "Søren",
            "naïve café",
            "2024",
            "İstanbul",
            "ΣΟΦΟΣ",
            "𝔞𝔟𝔠",
            "Yng Nghymru, mae’n bwysig cofnodi’r sgwrs — yn y Gymraeg!",
            "",
            "  ",
        ];
        let mut want = Vec::new();
        for lang in Lang::ALL {
            for word in words {
                want.push(keys(word, lang));
            }
        }
        let script = format!(
            "{}const words = {};
             const out = [];
             for (const lang of ['cy', 'en']) for (const w of words) out.push(window.canllawSearchKeys(w, lang));
             process.stdout.write(JSON.stringify(out));",
            prelude(),
            serde_json::to_string(&words[..]).unwrap()
        );
        let Some(out) = node(&script) else { return };
        let got: Vec<Vec<String>> = serde_json::from_str(&out).unwrap();
        let labelled = Lang::ALL
            .iter()
            .flat_map(|lang| words.iter().map(move |w| (lang, w)));
        for (((lang, word), want), got) in labelled.zip(&want).zip(&got) {
            assert_eq!(got, want, "keys of {word:?} in {lang}");
        }
        assert_eq!(got.len(), want.len());
    }

    #[test]
    fn javascript_search_finds_and_ranks() {
        let docs = [
            doc("Sgwrs", "Sut i gofnodi sgwrs gyda pherson."),
            doc("Cartref", "Ei chofnod yn y tŷ."),
            doc("Cofnod", "Beth yw cofnod da."),
            doc("Gwlad", "Byw yng Nghymru."),
            doc("Dim", "Dim byd yma."),
        ];
        let index = index_js(Lang::Cy, &docs);
        let script = format!(
            "{}run({});
             const find = (q) => window.canllawSearchFind(window.canllawSearchIndex, q, 'cy').map(r => r.doc.path);
             const excerpt = window.canllawSearchExcerpt('Byw yng Nghymru.', 'cymru', 'cy');
             process.stdout.write(JSON.stringify({{
               cofnod: find('cofnod'), cymru: find('Cymru'), ty: find('ty'), both: find('cofnod ty'),
               none: find('zzz'), excerpt }}));",
            prelude(),
            serde_json::to_string(&index).unwrap()
        );
        let Some(out) = node(&script) else { return };
        let got: serde_json::Value = serde_json::from_str(&out).unwrap();
        let paths = |name: &str| -> Vec<String> {
            got[name]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
                .collect()
        };
        // The title hit first, then whole-word hits (`chofnod`) above prefix
        // hits (`gofnodi`).
        assert_eq!(
            paths("cofnod"),
            [
                "pages/cofnod.html",
                "pages/cartref.html",
                "pages/sgwrs.html"
            ]
        );
        assert_eq!(paths("cymru"), ["pages/gwlad.html"]);
        assert_eq!(paths("ty"), ["pages/cartref.html"]);
        // All words matched ranks above a title hit for one word.
        assert_eq!(paths("both")[0], "pages/cartref.html");
        assert!(paths("none").is_empty());
        let marked: Vec<(String, bool)> = got["excerpt"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["text"].as_str().unwrap().to_string(),
                    s["mark"].as_bool().unwrap(),
                )
            })
            .collect();
        assert!(
            marked.contains(&("Nghymru".to_string(), true)),
            "{marked:?}"
        );
    }
}
