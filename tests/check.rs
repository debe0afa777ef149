//! `canllaw check`: for each check, a copy of the small pack broken in one
//! way, and the exact problem it must report — code, file, line, severity.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use canllaw::check::{self, Check, Dictionaries, Options, report};
use canllaw::lang::Lang;
use canllaw::problem::{Code, Messages, Problem, Severity};

/// Replaces `from` by `to` in `file` of the project, which must contain it.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Writes `file` in the project, making its folder.
fn write(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The 1-based line of `file` in the project on which `needle` first stands.
fn line_of(root: &Path, file: &str, needle: &str) -> u32 {
    let text = fs::read_to_string(root.join(file)).unwrap();
    let index = text
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{file} has no line with {needle:?}"));
    u32::try_from(index + 1).unwrap()
}

fn run(root: &Path, checks: &[Check]) -> Vec<Problem> {
    check::check(root, &Options::only(checks))
}

/// The problems with `code`, rendered for a failure message.
fn with_code(problems: &[Problem], code: Code) -> Vec<&Problem> {
    problems.iter().filter(|p| p.code == code).collect()
}

fn show(problems: &[Problem]) -> String {
    report::text(problems, &Messages::new(Lang::En))
}

/// The one problem with `code` in `file`, asserting its line and severity.
fn expect<'a>(
    problems: &'a [Problem],
    code: Code,
    file: &str,
    line: u32,
    severity: Severity,
) -> &'a Problem {
    let found: Vec<_> = with_code(problems, code)
        .into_iter()
        .filter(|p| p.at.file.to_string_lossy() == file)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {code:?} in {file}, got:\n{}",
        show(problems)
    );
    let p = found[0];
    assert_eq!(
        (p.at.file.to_string_lossy().as_ref(), p.at.line, p.severity),
        (file, line, severity),
        "{}",
        show(problems)
    );
    p
}

fn builtin(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

// ---------------------------------------------------------------- Fluent

#[test]
fn the_tool_messages_agree_in_both_languages() {
    let problems = check::check_tool_messages();
    assert!(problems.is_empty(), "{}", show(&problems));
}

#[test]
fn every_problem_code_has_a_message_and_a_fix_in_both_languages() {
    for (lang, path, source) in canllaw::problem::catalogue_sources() {
        let ids = canllaw::i18n::message_ids(source);
        for code in Code::ALL {
            for id in [code.id().to_string(), format!("{}.fix", code.id())] {
                assert!(ids.contains(&id), "{path} ({lang}) lacks {id}");
            }
        }
    }
}

#[test]
fn a_welsh_string_that_drops_a_variable_is_an_error_at_its_line() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    let cy = builtin("locales/cy/site.ftl");
    let line = cy
        .lines()
        .find(|l| l.starts_with("site-footer ="))
        .unwrap()
        .to_string();
    write(
        root,
        "locales/cy/site.ftl",
        &cy.replace(&line, "site-footer = Cyhoeddwyd gan y sefydliad."),
    );
    let problems = run(root, &[Check::Fluent]);
    let expected = line_of(root, "locales/cy/site.ftl", "site-footer =");
    let p = expect(
        &problems,
        Code::FluentVariables,
        "locales/cy/site.ftl",
        expected,
        Severity::Error,
    );
    assert_eq!(
        (p.at.col, p.get("var"), p.get("lacks")),
        (1, Some("$organisation"), Some("cy"))
    );
    assert_eq!(
        p.also.as_ref().unwrap().file.to_string_lossy(),
        "locales/en/site.ftl"
    );
    assert_eq!(report::exit_code(&problems, false), 1);
}

#[test]
fn a_welsh_plural_needs_all_six_forms() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    write(
        root,
        "locales/cy/extra.ftl",
        "extra-count = { $count ->\n    [one] un\n   *[other] { $count }\n}\n",
    );
    write(
        root,
        "locales/en/extra.ftl",
        "extra-count = { $count ->\n    [one] one\n   *[other] { $count }\n}\n",
    );
    write(
        root,
        "templates/page.hbs",
        &format!(
            "{}{{{{t \"extra-count\" count=2}}}}\n",
            builtin("templates/page.hbs")
        ),
    );
    let problems = run(root, &[Check::Fluent]);
    let p = expect(
        &problems,
        Code::FluentPlural,
        "locales/cy/extra.ftl",
        1,
        Severity::Error,
    );
    assert_eq!(p.get("missing"), Some("[zero], [two], [few], [many]"));
    assert!(
        with_code(&problems, Code::FluentObsolete).is_empty(),
        "{}",
        show(&problems)
    );
}

#[test]
fn a_string_missing_from_a_project_file_is_told_in_that_file() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    let cy = builtin("locales/cy/site.ftl");
    let without: String = cy
        .lines()
        .filter(|l| !l.starts_with("home ="))
        .map(|l| format!("{l}\n"))
        .collect();
    write(root, "locales/cy/site.ftl", &without);
    let problems = run(root, &[Check::Fluent]);
    let p = expect(
        &problems,
        Code::FluentMissing,
        "locales/cy/site.ftl",
        1,
        Severity::Error,
    );
    assert_eq!((p.get("id"), p.get("lang")), (Some("home"), Some("cy")));
}

#[test]
fn missing_obsolete_and_broken_strings_are_reported() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    write(
        root,
        "locales/cy/extra.ftl",
        "unused-string = Heb ei ddefnyddio\n    .title = Teitl\nbroken = { ! }\nnext = Nesaf\n",
    );
    write(root, "locales/en/extra.ftl", "unused-string = Not used\n");
    let problems = run(root, &[Check::Fluent]);
    let p = expect(
        &problems,
        Code::FluentMissing,
        "locales/cy/extra.ftl",
        2,
        Severity::Error,
    );
    assert_eq!(
        (p.get("id"), p.get("lang")),
        (Some("unused-string.title"), Some("en"))
    );
    expect(
        &problems,
        Code::FluentObsolete,
        "locales/cy/extra.ftl",
        1,
        Severity::Warning,
    );
    let syntax = expect(
        &problems,
        Code::FluentSyntax,
        "locales/cy/extra.ftl",
        3,
        Severity::Error,
    );
    assert!(syntax.at.col > 1);
}

// ----------------------------------------------------------- Translation

#[test]
fn a_welsh_text_copied_from_english_is_an_error_unless_allowed() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    edit(
        root,
        "content/pages/about.yaml",
        "cy: Mae'r canllaw hwn yn enghraifft.",
        "cy: This guide is an example.",
    );
    let problems = run(root, &[Check::Translation]);
    let p = expect(
        &problems,
        Code::Untranslated,
        "content/pages/about.yaml",
        4,
        Severity::Error,
    );
    assert_eq!((p.at.col, p.get("field")), (7, Some("body")));
    assert_eq!(p.also.as_ref().unwrap().line, 5);

    write(
        root,
        "words/identical.txt",
        "# Texts that stay the same\nThis guide is an example.\n",
    );
    let problems = run(root, &[Check::Translation]);
    assert!(
        with_code(&problems, Code::Untranslated).is_empty(),
        "{}",
        show(&problems)
    );
}

#[test]
fn short_identical_texts_are_names_not_copies() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    edit(
        root,
        "content/forms/learning-log.yaml",
        "label: { cy: Enw, en: Name }",
        "label: { cy: PDF, en: PDF }",
    );
    let problems = run(root, &[Check::Translation]);
    assert!(problems.is_empty(), "{}", show(&problems));
}

#[test]
fn a_welsh_paragraph_that_lost_a_link_is_reported_with_both_places() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    let file = "content/principles/own-words.yaml";
    edit(
        root,
        file,
        "Gweler [yr enghraifft](example:walking-to-the-shop) a'r",
        "Gweler yr enghraifft a'r",
    );
    let problems = run(root, &[Check::Translation]);
    let p = expect(&problems, Code::LinkMismatch, file, 13, Severity::Error);
    assert_eq!(p.at.col, 5);
    assert_eq!(
        (p.get("url"), p.get("has"), p.get("lacks")),
        (Some("example:walking-to-the-shop"), Some("en"), Some("cy"))
    );
    let also = p.also.as_ref().unwrap();
    assert_eq!((also.line, also.col), (20, 42));
}

#[test]
fn lists_tables_and_headings_must_match() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    let file = "content/principles/own-words.yaml";
    edit(
        root,
        file,
        "    - Dyfynnu\n",
        "    - Dyfynnu\n    - Cofnodi\n",
    );
    edit(
        root,
        file,
        "    ## Beth mae hyn yn ei ofyn",
        "    ### Beth mae hyn yn ei ofyn",
    );
    edit(
        root,
        "content/pages/about.yaml",
        "  cy: Mae'r canllaw hwn yn enghraifft.\n  en: This guide is an example.",
        "  cy: |\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n  en: |\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n    | 3 | 4 |",
    );
    let problems = run(root, &[Check::Translation]);
    let list = expect(&problems, Code::ListMismatch, file, 15, Severity::Error);
    assert_eq!((list.get("cy"), list.get("en")), (Some("3"), Some("2")));
    let heading = expect(&problems, Code::HeadingMismatch, file, 11, Severity::Error);
    assert_eq!(
        (heading.get("cy"), heading.get("en")),
        (Some("h3"), Some("h2"))
    );
    let table = expect(
        &problems,
        Code::TableMismatch,
        "content/pages/about.yaml",
        5,
        Severity::Error,
    );
    assert_eq!(
        (table.get("cy"), table.get("en")),
        (Some("2 × 2"), Some("3 × 2"))
    );
}

// -------------------------------------------------------------- Spelling

/// The Hunspell dictionaries, or `None` to skip a spelling test on a
/// developer's machine without them. Under CI they must be there.
fn dictionaries() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    match Dictionaries::find(here, None) {
        Some(found) => Some(found.cy.0.parent().unwrap().parent().unwrap().to_path_buf()),
        None => {
            let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
            assert!(
                !ci,
                "the Hunspell dictionaries dictionary-cy and dictionary-en are missing: run scripts/test, which installs them into .test-deps/"
            );
            eprintln!("skipping: no Hunspell dictionaries (run scripts/test to install them)");
            None
        }
    }
}

fn spell(root: &Path, dictionaries: PathBuf) -> Vec<Problem> {
    let options = Options {
        dictionaries: Some(dictionaries),
        ..Options::only(&[Check::Spelling])
    };
    check::check(root, &options)
}

#[test]
fn a_misspelt_welsh_word_is_a_warning_with_suggestions() {
    let Some(dictionaries) = dictionaries() else {
        return;
    };
    let pack = common::small_pack_copy();
    let root = pack.path();
    edit(
        root,
        "content/pages/about.yaml",
        "cy: Mae'r canllaw hwn yn enghraifft.",
        "cy: Mae'r canllaw hwn yn rhoi gwybodeth.",
    );
    let problems = spell(root, dictionaries);
    let p = expect(
        &problems,
        Code::UnknownWord,
        "content/pages/about.yaml",
        4,
        Severity::Warning,
    );
    assert_eq!(
        (p.at.col, p.get("word"), p.get("lang")),
        (33, Some("gwybodeth"), Some("cy"))
    );
    assert!(
        p.get("suggestions").unwrap().contains("gwybodaeth"),
        "{}",
        show(&problems)
    );
    assert_eq!(
        (
            report::exit_code(&problems, false),
            report::exit_code(&problems, true)
        ),
        (0, 1)
    );
}

#[test]
fn welsh_word_forms_are_known() {
    let Some(dictionaries) = dictionaries() else {
        return;
    };
    let pack = common::small_pack_copy();
    let root = pack.path();
    edit(
        root,
        "content/pages/about.yaml",
        "cy: Mae'r canllaw hwn yn enghraifft.",
        "cy: Mae’r hyn sy'n bwysig i'r unigolyn yn ei Gymraeg â'ch teulu yng Nghaerdydd, ei hiaith, ei chath a'i gath; siaradwch â’ch gilydd. Gwrandewch ar 'ch",
    );
    let problems = spell(root, dictionaries);
    assert!(problems.is_empty(), "{}", show(&problems));
}

#[test]
fn word_lists_and_quoted_english_are_accepted() {
    let Some(dictionaries) = dictionaries() else {
        return;
    };
    let pack = common::small_pack_copy();
    let root = pack.path();
    edit(
        root,
        "content/pages/about.yaml",
        "cy: Mae'r canllaw hwn yn enghraifft.",
        "cy: 'Dywedodd Siwsi Pantglasuchaf: \"I want to go home\", a gwenodd. Gweler *More than just words*.'",
    );
    edit(
        root,
        "content/pages/about.yaml",
        "en: This guide is an example.",
        "en: This organisation's centre of Pantglasuchaf behaviour.",
    );
    let problems = spell(root, dictionaries.clone());
    let words: Vec<_> = problems.iter().filter_map(|p| p.get("word")).collect();
    assert_eq!(
        words,
        ["Siwsi", "Pantglasuchaf", "Pantglasuchaf"],
        "{}",
        show(&problems)
    );
    let words = fs::read_to_string(root.join("words/cy.txt")).unwrap();
    write(
        root,
        "words/cy.txt",
        &format!("{words}Siwsi\nPantglasuchaf\n"),
    );
    let problems = spell(root, dictionaries);
    assert!(problems.is_empty(), "{}", show(&problems));
}

#[test]
fn the_dictionaries_are_found_by_layout() {
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(Dictionaries::in_folder(empty.path()), None);
    for name in ["cy.aff", "cy.dic", "en.aff", "en.dic"] {
        fs::write(empty.path().join(name), "").unwrap();
    }
    let found = Dictionaries::in_folder(empty.path()).unwrap();
    assert_eq!(found.cy.0, empty.path().join("cy.aff"));
    let candidates = Dictionaries::candidates(Path::new("/project"), Some(Path::new("/mine")));
    assert_eq!(candidates[0], Path::new("/mine"));
    assert!(candidates.contains(&Path::new("/project/.test-deps/node_modules").to_path_buf()));
}

// ---------------------------------------------------------------- Stale

#[test]
fn an_english_text_edited_after_confirming_is_reported_at_the_welsh() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    let problems = run(root, &[Check::Stale]);
    expect(
        &problems,
        Code::NoLock,
        "translations.lock",
        1,
        Severity::Warning,
    );

    let count = check::confirm_translations(root).unwrap();
    assert!(count > 50, "{count}");
    let lock = fs::read_to_string(root.join("translations.lock")).unwrap();
    assert!(
        lock.contains("\ncontent/glossary.yaml what-matters.definition cy=")
            && lock.contains("\ncontent/groups.yaml personal.title cy="),
        "{lock}"
    );
    assert!(run(root, &[Check::Stale]).is_empty());
    check::confirm_translations(root).unwrap();
    assert_eq!(
        fs::read_to_string(root.join("translations.lock")).unwrap(),
        lock,
        "the lock is stable"
    );

    let file = "content/principles/own-words.yaml";
    edit(
        root,
        file,
        "en: Use the person's own words.",
        "en: Use the words the person uses.",
    );
    let problems = run(root, &[Check::Stale]);
    let p = expect(
        &problems,
        Code::StaleTranslationNoHistory,
        file,
        7,
        Severity::Warning,
    );
    assert_eq!(
        (p.get("field"), p.get("source"), p.get("lang")),
        (Some("summary"), Some("en"), Some("cy"))
    );
    assert_eq!(p.get("new"), Some("Use the words the person uses."));
    assert_eq!(p.also.as_ref().unwrap().line, 8);

    edit(
        root,
        file,
        "cy: Defnyddiwch eiriau'r unigolyn ei hun.",
        "cy: Defnyddiwch y geiriau y mae'r unigolyn yn eu defnyddio.",
    );
    let problems = run(root, &[Check::Stale]);
    expect(&problems, Code::ChangedBoth, file, 7, Severity::Warning);
}

fn git(root: &Path, args: &[&str]) -> bool {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "-c",
            "user.name=canllaw",
            "-c",
            "user.email=canllaw@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_stale_text_shows_the_old_and_new_source_from_git() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    check::confirm_translations(root).unwrap();
    if !git(root, &["init", "-q"])
        || !git(root, &["add", "-A"])
        || !git(root, &["commit", "-q", "-m", "reviewed"])
    {
        eprintln!("skipping: git is not available");
        return;
    }
    let file = "content/glossary.yaml";
    edit(
        root,
        file,
        "en: Working as equal partners.",
        "en: Working together as equal partners.",
    );
    let problems = run(root, &[Check::Stale]);
    let p = expect(
        &problems,
        Code::StaleTranslation,
        file,
        line_of(root, file, "Gweithio fel partneriaid"),
        Severity::Warning,
    );
    assert_eq!(p.get("old"), Some("Working as equal partners."));
    assert_eq!(p.get("new"), Some("Working together as equal partners."));
    let text = Messages::new(Lang::En).render(p);
    assert!(
        text.contains("“Working as equal partners.” is now “Working together as equal partners.”"),
        "{text}"
    );
}

// ---------------------------------------------------------------- Links

#[test]
fn a_broken_link_and_fragment_in_a_project_template_are_placed_in_it() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    let template = builtin("templates/principle.hbs");
    write(
        root,
        "templates/principle.hbs",
        &format!(
            "{template}<p><a href=\"nowhere.html\">x</a></p>\n<p><a href=\"#no-such-part\">y</a></p>\n"
        ),
    );
    let problems = run(root, &[Check::Links]);
    let lines = template.lines().count();
    let link = expect(
        &problems,
        Code::BrokenLink,
        "templates/principle.hbs",
        u32::try_from(lines + 1).unwrap(),
        Severity::Error,
    );
    assert_eq!(link.get("url"), Some("nowhere.html"));
    assert_eq!(link.at.col, 7);
    let fragment = expect(
        &problems,
        Code::BrokenFragment,
        "templates/principle.hbs",
        u32::try_from(lines + 2).unwrap(),
        Severity::Error,
    );
    assert_eq!(fragment.get("fragment"), Some("no-such-part"));
}

#[test]
fn a_page_without_a_language_switcher_is_reported_at_the_layout() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    let layout = builtin("theme/index.hbs");
    let start = layout.find("{{#each switcher}}").unwrap();
    let end = layout[start..].find("{{/each}}").unwrap() + start + "{{/each}}".len();
    write(
        root,
        "theme/index.hbs",
        &format!("{}{}", &layout[..start], &layout[end..]),
    );
    let problems = run(root, &[Check::Links]);
    let line = line_of(root, "theme/index.hbs", "switcher");
    let p = expect(
        &problems,
        Code::SwitcherMissing,
        "theme/index.hbs",
        line,
        Severity::Error,
    );
    assert!(p.get("others").unwrap().parse::<u32>().unwrap() > 10);
}

#[test]
fn a_plain_http_link_in_content_is_a_warning() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    edit(
        root,
        "content/pages/about.yaml",
        "en: This guide is an example.",
        "en: This guide is an [example](http://example.org/).",
    );
    let problems = run(root, &[Check::Links]);
    let p = expect(
        &problems,
        Code::InsecureLink,
        "content/pages/about.yaml",
        5,
        Severity::Warning,
    );
    assert_eq!((p.at.col, p.get("url")), (24, Some("http://example.org/")));
    let links = check::external_links(root).unwrap();
    assert_eq!(
        links.iter().map(|l| l.url.as_str()).collect::<Vec<_>>(),
        ["http://example.org/"]
    );
}

// ---------------------------------------------------------- The whole

#[test]
fn the_small_pack_passes_every_check() {
    let Some(dictionaries) = dictionaries() else {
        return;
    };
    let pack = common::small_pack_copy();
    let root = pack.path();
    check::confirm_translations(root).unwrap();
    let options = Options {
        dictionaries: Some(dictionaries),
        ..Options::default()
    };
    let problems = check::check(root, &options);
    assert!(problems.is_empty(), "{}", show(&problems));
    assert_eq!(report::exit_code(&problems, true), 0);
}

#[test]
fn problems_print_grouped_by_file_and_as_json() {
    let pack = common::small_pack_copy();
    let root = pack.path();
    edit(
        root,
        "content/pages/about.yaml",
        "cy: Mae'r canllaw hwn yn enghraifft.",
        "cy: This guide is an example.",
    );
    let mut problems = run(root, &[Check::Translation, Check::Stale]);
    problems.sort_by_key(|p| p.severity);
    let messages = Messages::new(Lang::En);
    let text = report::text(&problems, &messages);
    assert!(
        text.starts_with("1 error:\ncontent/pages/about.yaml:4:7: error: body is the same in Welsh and English: an untranslated copy — translate it"),
        "{text}"
    );
    assert!(
        text.contains("\n\n1 warning:\ntranslations.lock:1:1: warning: "),
        "{text}"
    );
    assert!(text.ends_with("\n\n1 error, 1 warning\n"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&report::json(&problems, &messages)).unwrap();
    let first = &json[0];
    assert_eq!(first["path"], "content/pages/about.yaml");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(4), Some(7))
    );
    assert_eq!(
        (first["severity"].as_str(), first["code"].as_str()),
        (Some("error"), Some("untranslated"))
    );
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .contains("untranslated copy")
    );
    let welsh = report::text(&problems, &Messages::new(Lang::Cy));
    assert!(
        welsh.contains("gwall: mae body yr un fath yn Gymraeg ac yn Saesneg"),
        "{welsh}"
    );
}
