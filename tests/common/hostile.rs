//! A pack whose every text is an attack: raw HTML and script, event
//! attributes, SVG, `javascript:` and `data:` addresses, attempts to break
//! out of attributes and elements, template syntax, in every kind of field
//! (titles, bodies, glossary terms, group, form, section, field, option
//! and column labels and help, the site's own settings). Its Markdown
//! links are all ones canllaw accepts; the links it refuses are in the
//! broken-pack corpus (`link-javascript`, `link-data-and-file`).
//!
//! Each script, if it ever ran, would set `window.pwned`, or make the
//! page's title hold `PWNED`, or open an alert: things a browser test can
//! look for. The word is built from two halves in the payload, so that the
//! payload shown as text never holds it.
//!
//! And the checks every built page and PDF must pass, for this pack and
//! for the shipped one.

use std::fs;
use std::path::Path;

/// Markup and script, each trying another way to run.
pub const PAYLOADS: [&str; 16] = [
    "<script>document.title='PW'+'NED';window.pwned=1</script>",
    "<img src=x onerror=\"document.title='PW'+'NED';window.pwned=1\">",
    "<img src=x onerror=alert(1)>",
    "<svg onload=\"window.pwned=1\"><script>window.pwned=1</script></svg>",
    "<svg><a xlink:href=\"javascript:window.pwned=1\"><text>svg</text></a></svg>",
    "\"><script>window.pwned=1</script>",
    "' onmouseover='window.pwned=1' x='",
    "\" autofocus onfocus=\"window.pwned=1",
    "<a href=\"javascript:window.pwned=1\">javascript link</a>",
    "<a href=\"data:text/html,<script>parent.pwned=1</script>\">data link</a>",
    "<iframe src=\"data:text/html,<script>parent.pwned=1</script>\"></iframe>",
    "</textarea></title></style></script><script>window.pwned=1</script>",
    "<details open ontoggle=\"window.pwned=1\">details</details>",
    "<object data=\"data:text/html,<script>parent.pwned=1</script>\"></object>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.pwned=1\"><base href=\"javascript:/\">",
    "{{#each this}}{{this}}{{/each}} {{{content}}} {{> sidebar}} javascript:window.pwned=1",
];

/// What only Markdown can carry: links and images that try to break out
/// of their attributes, raw HTML blocks, code that must stay code.
pub const MARKDOWN_PAYLOADS: [&str; 6] = [
    "[a title that breaks out](https://example.org/ \"x\\\" onmouseover=\\\"window.pwned=1\")",
    "[an address that breaks out](https://example.org/\"onmouseover=\"window.pwned=1)",
    "<https://example.org/\"onmouseover=\"window.pwned=1>",
    "<div onclick=\"window.pwned=1\">a raw HTML block</div>",
    "```html\n<script>window.pwned=1</script>\n```",
    "Gweler [yr egwyddor](principle:own-words) and [the term](glossary:what-matters).",
];

/// A plain text holding every payload.
fn plain(lang: &str) -> String {
    format!("{lang} {}", PAYLOADS.join(" "))
}

/// A Markdown text holding every payload, each in its own paragraph.
fn markdown(lang: &str) -> String {
    let mut text = format!("{lang}\n\n");
    for p in PAYLOADS.iter().chain(MARKDOWN_PAYLOADS.iter()) {
        text.push_str(p);
        text.push_str("\n\n");
    }
    text
}

/// A YAML (and TOML) string literal: JSON's, which both read.
fn lit(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// `{ cy: …, en: … }` of plain texts.
fn text() -> String {
    format!(
        "{{ cy: {}, en: {} }}",
        lit(&plain("Cymraeg")),
        lit(&plain("English"))
    )
}

/// `{ cy: …, en: … }` of Markdown texts.
fn md() -> String {
    format!(
        "{{ cy: {}, en: {} }}",
        lit(&markdown("Cymraeg")),
        lit(&markdown("English"))
    )
}

/// Writes the hostile pack into `dir`.
pub fn write_pack(dir: &Path) {
    let write = |file: &str, text: String| {
        let path = dir.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    let toml_text = format!(
        "{{ cy = {}, en = {} }}",
        lit(&plain("Cymraeg")),
        lit(&plain("English"))
    );
    write(
        "canllaw.toml",
        format!(
            "[site]\ntitle = {toml_text}\ndescription = {toml_text}\norganisation = {toml_text}\nlanguages = [\"cy\", \"en\"]\nbase_url = \"/\"\n"
        ),
    );
    write(
        "content/groups.yaml",
        format!("- id: personal\n  title: {t}\n  summary: {t}\n", t = text()),
    );
    write(
        "content/glossary.yaml",
        format!(
            "- id: what-matters\n  cy: {}\n  en: {}\n  definition: {}\n",
            lit(&plain("Cymraeg")),
            lit(&plain("English")),
            md()
        ),
    );
    write(
        "content/principles/own-words.yaml",
        format!(
            "number: 1\ngroup: personal\ntitle: {t}\nsummary: {t}\nbody: {m}\nexamples: [walking-to-the-shop]\n",
            t = text(),
            m = md()
        ),
    );
    write(
        "content/examples/walking-to-the-shop.yaml",
        format!(
            "title: {t}\nprinciples: [own-words]\nsetting: {t}\nless_helpful: {m}\nmore_helpful: {m}\ncommentary: {m}\n",
            t = text(),
            m = md()
        ),
    );
    write(
        "content/exercises/whose-words.yaml",
        format!(
            "number: 1\ntitle: {t}\ngroup: personal\nyou_will_need: {m}\nbackground: {m}\nquestions:\n  - {t}\n  - {t}\nexamples: [walking-to-the-shop]\n",
            t = text(),
            m = md()
        ),
    );
    write(
        "content/pages/about.yaml",
        format!("title: {t}\norder: 1\nbody: {m}\n", t = text(), m = md()),
    );
    write(
        "content/forms/support-plan.yaml",
        format!(
            "title: {t}
kind: plan
description: {m}
sections:
  - title: {t}
    help: {m}
    fields:
      - id: outcome
        type: textarea
        label: {t}
        help: {m}
      - id: name
        type: text
        label: {t}
        help: {m}
      - id: when
        type: date
        label: {t}
      - id: outcome-kind
        type: choice
        label: {t}
        help: {m}
        options:
          - {{ id: change, label: {t} }}
          - {{ id: maintenance, label: {t} }}
      - id: agreed
        type: checkbox
        label: {t}
        help: {m}
  - title: {t}
    help: {m}
    table:
      columns:
        - {{ id: what, label: {t} }}
        - {{ id: who, label: {t}, width: 2 }}
      rows: 2
",
            t = text(),
            m = md()
        ),
    );
}

/// A hostile pack in a new temporary folder.
pub fn pack() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    dir
}

/// Every way a built page could run something it should not, or could
/// have been made to: what is wrong with `html`, the page at `page`.
pub fn page_problems(page: &str, html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut wrong = Vec::new();
    let csp =
        scraper::Selector::parse("head > meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
    match doc
        .select(&csp)
        .next()
        .and_then(|m| m.value().attr("content"))
    {
        None => wrong.push(format!("{page}: no Content-Security-Policy in its head")),
        Some(policy) => wrong.extend(
            policy_problems(policy)
                .into_iter()
                .map(|p| format!("{page}: {p}")),
        ),
    }
    for element in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let e = element.value();
        let name = e.name();
        for (attr, value) in e.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                wrong.push(format!(
                    "{page}: <{name} {attr}=…>, an inline event handler"
                ));
            }
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "data"
            ) {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if ["javascript:", "data:", "vbscript:"]
                    .iter()
                    .any(|s| v.starts_with(s))
                {
                    wrong.push(format!("{page}: <{name} {attr}=\"{value}\">"));
                }
            }
        }
        match name {
            "script" if e.attr("src").is_none() || element.text().any(|t| !t.trim().is_empty()) => {
                wrong.push(format!("{page}: an inline script"));
            }
            "iframe" | "object" | "embed" | "base" | "svg" | "math" | "details" => {
                wrong.push(format!("{page}: a <{name}> element"));
            }
            "meta"
                if e.attr("http-equiv")
                    .is_some_and(|h| h.eq_ignore_ascii_case("refresh")) =>
            {
                wrong.push(format!("{page}: a refresh"));
            }
            "style" => wrong.push(format!("{page}: an inline style sheet")),
            _ => {}
        }
    }
    wrong
}

/// What is wrong with a Content-Security-Policy: anything beyond the
/// site's own origin, or inline script, or script from strings.
pub fn policy_problems(policy: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    let directives: Vec<(&str, Vec<&str>)> = policy
        .split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            Some((words.next()?, words.collect()))
        })
        .collect();
    let get = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    if get("default-src") != Some(vec!["'self'"]) {
        wrong.push(format!("default-src is not only 'self': {policy}"));
    }
    if get("script-src").is_some_and(|v| v != ["'self'"]) {
        wrong.push(format!("script-src is not only 'self': {policy}"));
    }
    if get("object-src") != Some(vec!["'none'"]) {
        wrong.push(format!("object-src is not 'none': {policy}"));
    }
    if get("base-uri") != Some(vec!["'none'"]) {
        wrong.push(format!("base-uri is not 'none': {policy}"));
    }
    for (name, sources) in &directives {
        for source in sources {
            if !matches!(*source, "'self'" | "'none'") {
                wrong.push(format!("{name} allows {source}: {policy}"));
            }
        }
    }
    wrong
}

/// Everything in a PDF that could act: JavaScript, launching a program,
/// opening an address that runs code, submitting or importing data,
/// actions run on opening or on an event.
pub fn pdf_actions(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let mut found = Vec::new();
    for (id, object) in &doc.objects {
        let dict = match object {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        for (key, value) in dict.iter() {
            let key_name = String::from_utf8_lossy(key);
            if matches!(
                key.as_slice(),
                b"JS" | b"JavaScript" | b"Launch" | b"AA" | b"OpenAction"
            ) {
                found.push(format!("object {id:?} has /{key_name}"));
            }
            if key == b"S"
                && let Ok(name) = value.as_name()
                && matches!(
                    name,
                    b"JavaScript" | b"Launch" | b"URI" | b"SubmitForm" | b"ImportData" | b"GoToR"
                )
            {
                found.push(format!(
                    "object {id:?} is a /{} action",
                    String::from_utf8_lossy(name)
                ));
            }
            if key == b"URI" {
                found.push(format!("object {id:?} has a /URI: {value:?}"));
            }
        }
    }
    found
}
