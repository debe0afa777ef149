//! A synthetic content pack of any size, written as canllaw YAML.
//!
//! The shipped pack is the model: its sentences (both languages, real Welsh
//! with its mutations, so the search index sees real words) are recombined
//! into principles, examples, exercises, forms, free pages and glossary terms
//! of the shipped lengths, with cross-references of every kind. A few made-up
//! names per item keep the vocabulary growing with the pack, as a real one's
//! does. The same seed gives the same pack.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use canllaw::build;
use canllaw::lang::{Lang, Text};
use canllaw::markdown::plain_text;

/// How many items of each kind a pack of `n` items holds: the shipped
/// pack's mix, with fewer forms (a national pack has thousands of pages but
/// not thousands of forms).
#[derive(Clone, Copy, Debug)]
pub struct Mix {
    /// Principles.
    pub principles: usize,
    /// Worked examples.
    pub examples: usize,
    /// Reflective exercises.
    pub exercises: usize,
    /// Recording templates.
    pub forms: usize,
    /// Free pages.
    pub pages: usize,
    /// Glossary terms (on one page per language, so not items).
    pub terms: usize,
    /// Groups of principles.
    pub groups: usize,
}

impl Mix {
    /// The mix for `n` items: 30% principles, 45% examples, 10% exercises,
    /// 10% forms, the rest free pages; a glossary term for every fourth item.
    pub fn of(n: usize) -> Mix {
        let n = n.max(10);
        let principles = n * 30 / 100;
        let examples = n * 45 / 100;
        let exercises = n / 10;
        let forms = n / 10;
        let pages = n - principles - examples - exercises - forms;
        Mix {
            principles,
            examples,
            exercises,
            forms,
            pages,
            terms: n / 4 + 10,
            groups: (principles / 12).max(2),
        }
    }

    /// Every item (each one page per language).
    pub fn items(&self) -> usize {
        self.principles + self.examples + self.exercises + self.forms + self.pages
    }
}

/// A small deterministic generator (xorshift64*): the same pack every run,
/// without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

/// Sentences of one language, taken from the shipped pack.
struct Pool {
    lang: Lang,
    sentences: Vec<String>,
}

impl Pool {
    fn sentence(&self, rng: &mut Rng) -> &str {
        &self.sentences[rng.below(self.sentences.len())]
    }
}

/// Splits plain text into sentences of 6 to 35 words that can stand alone
/// in Markdown (no leading list or heading marks).
fn sentences(text: &str, out: &mut Vec<String>) {
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        if word.ends_with(['.', '?', '!']) {
            let words = current.split_whitespace().count();
            let first = current.chars().next().unwrap_or(' ');
            let clean = !current.contains(['*', '_', '[', ']', '<', '>', '`', '#', '|', '\\']);
            if (6..=35).contains(&words) && first.is_alphabetic() && clean {
                out.push(std::mem::take(&mut current));
            }
            current.clear();
        }
    }
}

/// The sentence pools of both languages, from the shipped pack in `model`.
fn pools(model: &Path) -> [Pool; 2] {
    let project = build::open(model)
        .unwrap_or_else(|problems| panic!("the shipped pack loads: {problems:?}"));
    let pack = &project.pack;
    Lang::ALL.map(|lang| {
        let mut out = Vec::new();
        let mut add = |t: &Text| sentences(&plain_text(t.get(lang)), &mut out);
        for p in &pack.principles {
            add(&p.body);
        }
        for e in &pack.examples {
            add(&e.more_helpful);
            add(&e.commentary);
            if let Some(t) = &e.less_helpful {
                add(t);
            }
        }
        for x in &pack.exercises {
            add(&x.background);
        }
        for p in &pack.pages {
            add(&p.body);
        }
        for t in &pack.glossary {
            add(&t.definition);
        }
        out.sort();
        out.dedup();
        assert!(out.len() > 100, "too few sentences in the model pack");
        Pool {
            lang,
            sentences: out,
        }
    })
}

/// Syllables for made-up names, so every item brings a few new words.
const SYLLABLES: [&str; 24] = [
    "ca", "dog", "llo", "wri", "bryn", "ach", "gwen", "llian", "rhys", "tal", "ie", "sin", "mor",
    "fa", "dei", "nol", "cer", "i", "dwen", "ar", "hed", "ydd", "ael", "on",
];

fn name(rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..rng.between(2, 3) {
        let s = SYLLABLES[rng.below(SYLLABLES.len())];
        if i == 0 {
            let mut c = s.chars();
            out.extend(c.next().map(|c| c.to_ascii_uppercase()));
            out.push_str(c.as_str());
        } else {
            out.push_str(s);
        }
    }
    out
}

const HEADINGS: [[&str; 4]; 2] = [
    [
        "Beth mae hyn yn ei ofyn",
        "Pam mae'n bwysig",
        "Yn y cofnod",
        "Maglau cyffredin",
    ],
    [
        "What this asks",
        "Why it matters",
        "In the record",
        "Common pitfalls",
    ],
];

const SETTINGS: [[&str; 2]; 8] = [
    ["Gofal cartref", "Home care"],
    ["Gwasanaethau plant", "Children's services"],
    ["Gofal preswyl", "Residential care"],
    ["Iechyd meddwl", "Mental health"],
    ["Anabledd dysgu", "Learning disability"],
    ["Cymorth i ofalwyr", "Carer support"],
    ["Gadael gofal", "Leaving care"],
    ["Gofal diwedd oes", "End of life care"],
];

const FORM_KINDS: [&str; 7] = [
    "assessment",
    "learning-log",
    "review",
    "plan",
    "profile",
    "supervision",
    "record",
];

/// The ids of every item, so texts can refer to any of them.
struct Ids {
    mix: Mix,
}

impl Ids {
    fn principle(i: usize) -> String {
        format!("principle-{i:05}")
    }
    fn example(i: usize) -> String {
        format!("example-{i:05}")
    }
    fn exercise(i: usize) -> String {
        format!("exercise-{i:05}")
    }
    fn form(i: usize) -> String {
        format!("form-{i:05}")
    }
    fn page(i: usize) -> String {
        format!("page-{i:05}")
    }
    fn term(i: usize) -> String {
        format!("term-{i:05}")
    }
    fn group(i: usize) -> String {
        format!("group-{i:03}")
    }

    /// A cross-reference to a random item of a random kind.
    fn any(&self, rng: &mut Rng) -> String {
        let m = &self.mix;
        match rng.below(6) {
            0 => format!("principle:{}", Ids::principle(rng.below(m.principles))),
            1 => format!("example:{}", Ids::example(rng.below(m.examples))),
            2 => format!("exercise:{}", Ids::exercise(rng.below(m.exercises))),
            3 => format!("form:{}", Ids::form(rng.below(m.forms))),
            4 => format!("page:{}", Ids::page(rng.below(m.pages))),
            _ => format!("glossary:{}", Ids::term(rng.below(m.terms))),
        }
    }
}

/// Writes Markdown of one language, counting its words.
struct Writer<'a> {
    pool: &'a Pool,
    out: String,
    words: usize,
}

impl<'a> Writer<'a> {
    fn new(pool: &'a Pool) -> Writer<'a> {
        Writer {
            pool,
            out: String::new(),
            words: 0,
        }
    }

    /// One sentence; with `link`, a short run of its words links there.
    fn sentence(&mut self, rng: &mut Rng, link: Option<&str>) -> String {
        let s = self.pool.sentence(rng);
        let words: Vec<&str> = s.split_whitespace().collect();
        self.words += words.len();
        match link {
            Some(target) if words.len() > 4 => {
                let at = rng.between(1, words.len() - 3);
                let len = rng.between(1, 3);
                let mut out = words[..at].join(" ");
                let _ = write!(out, " [{}]({target}) ", words[at..at + len].join(" "));
                out.push_str(&words[at + len..].join(" "));
                out
            }
            _ => s.to_string(),
        }
    }

    fn paragraph(&mut self, rng: &mut Rng, count: usize, links: &mut Vec<String>) {
        let mut parts = Vec::new();
        for _ in 0..count {
            let link = if rng.below(3) == 0 { links.pop() } else { None };
            parts.push(self.sentence(rng, link.as_deref()));
        }
        self.out.push_str(&parts.join(" "));
        self.out.push_str("\n\n");
    }

    fn list(&mut self, rng: &mut Rng, count: usize, links: &mut Vec<String>) {
        for _ in 0..count {
            let link = if rng.below(2) == 0 { links.pop() } else { None };
            let s = self.sentence(rng, link.as_deref());
            let _ = writeln!(self.out, "- {s}");
        }
        self.out.push('\n');
    }

    fn heading(&mut self, text: &str) {
        let _ = writeln!(self.out, "## {text}\n");
        self.words += text.split_whitespace().count();
    }

    /// Paragraphs of about `target` words, with every link of `links` used.
    fn prose(&mut self, rng: &mut Rng, target: usize, mut links: Vec<String>) -> String {
        while self.words < target || !links.is_empty() {
            let count = rng.between(2, 4);
            self.paragraph(rng, count, &mut links);
            if self.words >= target * 2 {
                break;
            }
        }
        for link in links {
            let s = self.sentence(rng, Some(&link));
            let _ = writeln!(self.out, "{s}\n");
        }
        std::mem::take(&mut self.out)
    }
}

/// A phrase of 2 to 5 words for a title or a label, capitalised, without
/// closing punctuation.
fn phrase(pool: &Pool, rng: &mut Rng, low: usize, high: usize) -> String {
    let s = pool.sentence(rng);
    let count = rng.between(low, high);
    let words: Vec<&str> = s
        .split_whitespace()
        .take(count)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let text = words.join(" ");
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => "Teitl".into(),
    }
}

/// A YAML double-quoted scalar (JSON strings are YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// `key:` with both languages as block scalars, indented by `indent`.
fn block(out: &mut String, indent: usize, key: &str, texts: &[String; 2]) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}:");
    for (lang, text) in Lang::ALL.iter().zip(texts) {
        let _ = writeln!(out, "{pad}  {lang}: |");
        for line in text.trim_end().lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}    {line}");
            }
        }
    }
}

/// `key: { cy: "…", en: "…" }` on one line.
fn inline(out: &mut String, indent: usize, key: &str, texts: &[String; 2]) {
    let _ = writeln!(
        out,
        "{}{key}: {{ cy: {}, en: {} }}",
        " ".repeat(indent),
        quoted(&texts[0]),
        quoted(&texts[1])
    );
}

/// Both languages of one kind of text, made by `f` with the same random
/// choices (same links, same shape) in each.
fn both(
    rng: &mut Rng,
    pools: &[Pool; 2],
    mut f: impl FnMut(&Pool, &mut Rng) -> String,
) -> [String; 2] {
    let seed = rng.next();
    [0, 1].map(|i| {
        // The languages share the shape but not the sentences.
        let mut r = Rng(seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        f(&pools[i], &mut r)
    })
}

/// Writes a pack of `n` items into `dir` (which must not exist or be
/// empty), modelled on the shipped pack in `model`. Returns its mix.
pub fn write_pack(n: usize, dir: &Path, model: &Path) -> Mix {
    let pools = pools(model);
    let mix = Mix::of(n);
    let ids = Ids { mix };
    let mut rng = Rng(0x00C0_FFEE_u64 ^ n as u64);
    let content = dir.join("content");
    for folder in ["principles", "examples", "exercises", "forms", "pages"] {
        fs::create_dir_all(content.join(folder)).expect("a folder");
    }
    fs::write(
        dir.join("canllaw.toml"),
        format!(
            "[site]\ntitle = {{ cy = \"Canllaw synthetig o {n} eitem\", en = \"A synthetic guide of {n} items\" }}\n\
             description = {{ cy = \"Pecyn i fesur cyflymder canllaw.\", en = \"A pack for measuring canllaw's speed.\" }}\n\
             organisation = {{ cy = \"Prosiect canllaw\", en = \"The canllaw project\" }}\n\
             languages = [\"cy\", \"en\"]\nbase_url = \"/\"\n\n[pdf]\npaper = \"A4\"\n"
        ),
    )
    .expect("canllaw.toml");

    let mut groups = String::new();
    for g in 0..mix.groups {
        let _ = writeln!(groups, "- id: {}", Ids::group(g));
        let title = both(&mut rng, &pools, |p, r| phrase(p, r, 3, 6));
        let summary = both(&mut rng, &pools, |p, r| Writer::new(p).sentence(r, None));
        inline(&mut groups, 2, "title", &title);
        inline(&mut groups, 2, "summary", &summary);
    }
    fs::write(content.join("groups.yaml"), groups).expect("groups.yaml");

    let mut glossary = String::new();
    for t in 0..mix.terms {
        let term = both(&mut rng, &pools, |p, r| {
            phrase(p, r, 1, 3).to_lowercase() + " " + &name(r).to_lowercase()
        });
        let link = ids.any(&mut rng);
        let definition = both(&mut rng, &pools, |p, r| {
            let mut w = Writer::new(p);
            let a = w.sentence(r, None);
            let b = w.sentence(r, Some(&link));
            format!("{a} {b}")
        });
        let _ = writeln!(glossary, "- id: {}", Ids::term(t));
        let _ = writeln!(glossary, "  cy: {}", quoted(&term[0]));
        let _ = writeln!(glossary, "  en: {}", quoted(&term[1]));
        block(&mut glossary, 2, "definition", &definition);
    }
    fs::write(content.join("glossary.yaml"), glossary).expect("glossary.yaml");

    for i in 0..mix.principles {
        let mut out = format!(
            "number: {}\ngroup: {}\n",
            i + 1,
            Ids::group(i * mix.groups / mix.principles.max(1))
        );
        inline(
            &mut out,
            0,
            "title",
            &both(&mut rng, &pools, |p, r| phrase(p, r, 3, 7)),
        );
        inline(
            &mut out,
            0,
            "summary",
            &both(&mut rng, &pools, |p, r| Writer::new(p).sentence(r, None)),
        );
        let links: Vec<String> = (0..5).map(|_| ids.any(&mut rng)).collect();
        let person = name(&mut rng);
        let target = rng.between(300, 450);
        let body = both(&mut rng, &pools, |pool, r| {
            principle_body(pool, r, target, &links, &person)
        });
        block(&mut out, 0, "body", &body);
        let examples: Vec<String> = (0..rng.between(1, 3))
            .map(|_| Ids::example(rng.below(mix.examples)))
            .collect();
        let _ = writeln!(out, "examples: [{}]", dedup(examples).join(", "));
        write(&content, "principles", &Ids::principle(i), &out);
    }

    for i in 0..mix.examples {
        let mut out = String::new();
        inline(
            &mut out,
            0,
            "title",
            &both(&mut rng, &pools, |p, r| phrase(p, r, 3, 6)),
        );
        let principles: Vec<String> = (0..rng.between(1, 2))
            .map(|_| Ids::principle(rng.below(mix.principles)))
            .collect();
        let _ = writeln!(out, "principles: [{}]", dedup(principles).join(", "));
        let setting = SETTINGS[rng.below(SETTINGS.len())];
        inline(&mut out, 0, "setting", &setting.map(str::to_string));
        let person = name(&mut rng);
        for (key, target, count) in [
            ("less_helpful", 100, 0),
            ("more_helpful", 230, 1),
            ("commentary", 150, 3),
        ] {
            let links: Vec<String> = (0..count).map(|_| ids.any(&mut rng)).collect();
            let text = both(&mut rng, &pools, |pool, r| {
                let mut w = Writer::new(pool);
                let lead = format!(
                    "**{person}, {}**\n\n",
                    w.sentence(r, None).trim_end_matches('.')
                );
                lead + &w.prose(r, target, links.clone())
            });
            block(&mut out, 0, key, &text);
        }
        write(&content, "examples", &Ids::example(i), &out);
    }

    for i in 0..mix.exercises {
        let mut out = format!(
            "number: {}\ngroup: {}\n",
            i + 1,
            Ids::group(rng.below(mix.groups))
        );
        inline(
            &mut out,
            0,
            "title",
            &both(&mut rng, &pools, |p, r| phrase(p, r, 3, 6)),
        );
        inline(
            &mut out,
            0,
            "you_will_need",
            &both(&mut rng, &pools, |p, r| Writer::new(p).sentence(r, None)),
        );
        let links: Vec<String> = (0..2).map(|_| ids.any(&mut rng)).collect();
        let target = rng.between(200, 300);
        block(
            &mut out,
            0,
            "background",
            &both(&mut rng, &pools, |p, r| {
                Writer::new(p).prose(r, target, links.clone())
            }),
        );
        out.push_str("questions:\n");
        for _ in 0..rng.between(3, 5) {
            let q = both(&mut rng, &pools, |p, r| {
                Writer::new(p)
                    .sentence(r, None)
                    .trim_end_matches(['.', '!', '?'])
                    .to_string()
                    + "?"
            });
            let _ = writeln!(
                out,
                "  - {{ cy: {}, en: {} }}",
                quoted(&q[0]),
                quoted(&q[1])
            );
        }
        let examples: Vec<String> = (0..2)
            .map(|_| Ids::example(rng.below(mix.examples)))
            .collect();
        let _ = writeln!(out, "examples: [{}]", dedup(examples).join(", "));
        write(&content, "exercises", &Ids::exercise(i), &out);
    }

    for i in 0..mix.forms {
        let out = form(&mut rng, &pools, &ids, i);
        write(&content, "forms", &Ids::form(i), &out);
    }

    for i in 0..mix.pages {
        let mut out = format!("order: {}\n", i + 1);
        inline(
            &mut out,
            0,
            "title",
            &both(&mut rng, &pools, |p, r| phrase(p, r, 2, 5)),
        );
        let links: Vec<String> = (0..6).map(|_| ids.any(&mut rng)).collect();
        let person = name(&mut rng);
        let target = rng.between(500, 650);
        block(
            &mut out,
            0,
            "body",
            &both(&mut rng, &pools, |pool, r| {
                principle_body(pool, r, target, &links, &person)
            }),
        );
        write(&content, "pages", &Ids::page(i), &out);
    }
    mix
}

fn dedup(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids.dedup();
    ids
}

fn write(content: &Path, folder: &str, id: &str, text: &str) {
    fs::write(content.join(folder).join(format!("{id}.yaml")), text).expect("an item");
}

/// A principle's body as the shipped ones are made: four headed sections
/// with paragraphs, a list, a quotation, and the cross-references.
fn principle_body(
    pool: &Pool,
    rng: &mut Rng,
    target: usize,
    links: &[String],
    person: &str,
) -> String {
    let headings = HEADINGS[usize::from(pool.lang == Lang::En)];
    let mut links = links.to_vec();
    let mut w = Writer::new(pool);
    let mut sections = vec![String::new(); 4];
    for (i, heading) in headings.iter().enumerate() {
        w.heading(heading);
        match i {
            0 => {
                w.paragraph(rng, 2, &mut links);
                w.list(rng, 3, &mut links);
            }
            2 => {
                w.paragraph(rng, 2, &mut links);
                let quote = w.sentence(rng, None);
                let _ = writeln!(w.out, "> \"{quote}\" ({person})\n");
            }
            3 => w.list(rng, 2, &mut links),
            _ => w.paragraph(rng, 3, &mut links),
        }
        sections[i] = std::mem::take(&mut w.out);
    }
    // Fill the second and third sections up to the target.
    let mut i = 1;
    while w.words < target {
        w.paragraph(rng, 2, &mut links);
        sections[i].push_str(&std::mem::take(&mut w.out));
        i = 3 - i;
    }
    for link in links {
        let s = w.sentence(rng, Some(&link));
        let _ = writeln!(sections[3], "{s}\n");
    }
    sections.concat()
}

/// A recording template: about six sections of text, date, choice and
/// checkbox fields, every third form with a table.
fn form(rng: &mut Rng, pools: &[Pool; 2], ids: &Ids, i: usize) -> String {
    let mut out = String::new();
    inline(
        &mut out,
        0,
        "title",
        &both(rng, pools, |p, r| phrase(p, r, 2, 4)),
    );
    let _ = writeln!(out, "kind: {}", FORM_KINDS[i % FORM_KINDS.len()]);
    let links: Vec<String> = (0..2).map(|_| ids.any(rng)).collect();
    block(
        &mut out,
        0,
        "description",
        &both(rng, pools, |p, r| {
            Writer::new(p).prose(r, 60, links.clone())
        }),
    );
    if i % 4 == 1 {
        out.push_str("orientation: landscape\n");
    }
    out.push_str("sections:\n");
    let mut field = 0;
    let sections = rng.between(5, 7);
    for s in 0..sections {
        inline(
            &mut out,
            2,
            "- title",
            &both(rng, pools, |p, r| phrase(p, r, 2, 4)),
        );
        if rng.below(2) == 0 {
            block(
                &mut out,
                4,
                "help",
                &both(rng, pools, |p, r| Writer::new(p).sentence(r, None)),
            );
        }
        if s == sections - 1 && i.is_multiple_of(3) {
            out.push_str("    table:\n      columns:\n");
            for c in 0..rng.between(3, 4) {
                let _ = writeln!(out, "        - id: column-{c}");
                inline(
                    &mut out,
                    10,
                    "label",
                    &both(rng, pools, |p, r| phrase(p, r, 1, 3)),
                );
                let _ = writeln!(out, "          width: {}", rng.between(1, 3));
            }
            let _ = writeln!(out, "      rows: {}", rng.between(4, 8));
            continue;
        }
        out.push_str("    fields:\n");
        for _ in 0..rng.between(2, 5) {
            field += 1;
            let kind = match rng.below(10) {
                0..=3 => "textarea",
                4..=5 => "text",
                6 => "date",
                7 => "checkbox",
                _ => "choice",
            };
            let _ = writeln!(out, "      - id: field-{field}\n        type: {kind}");
            inline(
                &mut out,
                8,
                "label",
                &both(rng, pools, |p, r| phrase(p, r, 2, 5)),
            );
            if rng.below(3) == 0 {
                inline(
                    &mut out,
                    8,
                    "help",
                    &both(rng, pools, |p, r| Writer::new(p).sentence(r, None)),
                );
            }
            match kind {
                "textarea" => {
                    let _ = writeln!(out, "        lines: {}", rng.between(3, 6));
                }
                "choice" => {
                    out.push_str("        options:\n");
                    for o in 0..3 {
                        let _ = writeln!(out, "          - id: option-{o}");
                        inline(
                            &mut out,
                            12,
                            "label",
                            &both(rng, pools, |p, r| phrase(p, r, 1, 3)),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    out
}
