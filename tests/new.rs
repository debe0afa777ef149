//! `canllaw new`, and branding on the pack it writes.

mod common;

use std::fs;
use std::path::Path;

use canllaw::check::{self, Check, Dictionaries, Options};
use canllaw::lang::Lang;
use canllaw::problem::Messages;
use common::{canllaw, stderr};

/// A new pack in a new temporary folder.
fn new_pack() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("my-guide");
    let result = canllaw(&["new", pack.to_str().unwrap()]);
    assert!(result.status.success(), "new failed: {}", stderr(&result));
    (dir, pack)
}

fn build(pack: &Path) -> std::process::Output {
    canllaw(&["build", "--project", pack.to_str().unwrap()])
}

#[test]
fn a_new_pack_builds_and_checks_clean() {
    let (_dir, pack) = new_pack();
    let result = build(&pack);
    assert!(result.status.success(), "build failed: {}", stderr(&result));
    let public = pack.join("public");
    for page in [
        "index.html",
        "cy/index.html",
        "en/index.html",
        "cy/principles/listen-first.html",
        "en/principles/same-day.html",
        "cy/examples/a-visit-to-megan.html",
        "en/exercises/looking-back-at-a-visit.html",
        "cy/forms/visit-record.html",
        "en/pages/about-this-guide.html",
        "cy/glossary.html",
    ] {
        assert!(public.join(page).is_file(), "{page} was not built");
    }

    // Spelling needs the Hunspell dictionaries (scripts/test installs them);
    // without them every other check still runs.
    let mut options = Options::default();
    if Dictionaries::find(&pack, None).is_none() {
        eprintln!("no Hunspell dictionaries: checking all but spelling");
        options.checks.remove(&Check::Spelling);
    }
    let problems = check::check(&pack, &options);
    let messages = Messages::new(Lang::En);
    let told: Vec<String> = problems.iter().map(|p| messages.render(p)).collect();
    assert!(told.is_empty(), "check found:\n{}", told.join("\n"));
}

#[test]
fn the_pack_teaches_the_format_in_both_languages() {
    let (_dir, pack) = new_pack();
    let principle = fs::read_to_string(pack.join("content/principles/listen-first.yaml")).unwrap();
    // Comments in Welsh and English, and content in both.
    assert!(principle.contains("# Un egwyddor i bob ffeil"));
    assert!(principle.contains("# One principle per file"));
    assert!(principle.contains("cy: Gwrando yn gyntaf"));
    assert!(principle.contains("en: Listen first"));
    let settings = fs::read_to_string(pack.join("canllaw.toml")).unwrap();
    assert!(settings.contains("# colour = "), "branding keys are shown");
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let result = canllaw(&["new", dir.path().to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("is not an empty folder"),
        "{}",
        stderr(&result)
    );
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing was written");
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );

    // A file where the folder should be is refused too.
    let file = dir.path().join("notes.txt");
    let result = canllaw(&["new", file.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
}

/// Replaces the `[brand]` table of the pack's settings.
fn brand(pack: &Path, table: &str) {
    let settings = fs::read_to_string(pack.join("canllaw.toml")).unwrap();
    let start = settings.find("[brand]").unwrap();
    fs::write(
        pack.join("canllaw.toml"),
        format!("{}{table}", &settings[..start]),
    )
    .unwrap();
}

#[test]
fn a_colour_text_cannot_be_read_on_is_refused_at_its_line() {
    let (_dir, pack) = new_pack();
    brand(&pack, "[brand]\ncolour = \"#808080\"\n");
    let settings = fs::read_to_string(pack.join("canllaw.toml")).unwrap();
    let line = settings
        .lines()
        .position(|l| l.starts_with("colour"))
        .unwrap()
        + 1;
    let result = build(&pack);
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    assert!(
        err.contains(&format!("canllaw.toml:{line}:")),
        "no place in: {err}"
    );
    assert!(err.contains("#808080") && err.contains("4.5:1"), "{err}");
    assert!(!pack.join("public").exists(), "nothing was written");

    // Not a colour at all.
    brand(&pack, "[brand]\ncolour = \"teal\"\n");
    let err = stderr(&build(&pack));
    assert!(err.contains("brand.colour"), "{err}");
}

#[test]
fn branding_reaches_every_page() {
    let (_dir, pack) = new_pack();
    fs::create_dir_all(pack.join("theme")).unwrap();
    fs::write(
        pack.join("theme/logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90 30"><rect width="90" height="30" fill="#fff"/></svg>"##,
    )
    .unwrap();
    brand(
        &pack,
        r##"[brand]
logo = "theme/logo.svg"
colour = "#1d4f91"
footer = { cy = "Canllaw mewnol i staff.", en = "An internal guide for staff." }
contact = { email = "cymorth@example.org", phone = "029 2000 0000" }

[[brand.links]]
text = { cy = "Datganiad hygyrchedd", en = "Accessibility statement" }
href = { cy = "https://example.org/cy/hygyrchedd", en = "https://example.org/accessibility" }
"##,
    );
    let result = build(&pack);
    assert!(result.status.success(), "build failed: {}", stderr(&result));
    let public = pack.join("public");
    let css = fs::read_to_string(public.join("theme/brand.css")).unwrap();
    assert!(
        css.contains("--accent: #1d4f91;") && css.contains("--accent-fg: #ffffff;"),
        "{css}"
    );
    assert!(public.join("theme/brand-logo.svg").is_file());

    let cy = fs::read_to_string(public.join("cy/principles/listen-first.html")).unwrap();
    assert!(
        cy.contains(
            r#"src="../../theme/brand-logo.svg" alt="Eich sefydliad" width="120" height="40""#
        ),
        "{cy}"
    );
    assert!(cy.contains(r#"href="../../theme/brand.css""#));
    assert!(cy.contains("Canllaw mewnol i staff."));
    assert!(cy.contains(r#"<a href="https://example.org/cy/hygyrchedd">Datganiad hygyrchedd</a>"#));
    assert!(cy.contains(r#"<a href="mailto:cymorth@example.org">"#));
    assert!(cy.contains(r#"<a href="tel:02920000000">029 2000 0000</a>"#));
    let en = fs::read_to_string(public.join("en/index.html")).unwrap();
    assert!(en.contains(r#"alt="Your organisation""#));
    assert!(
        en.contains(r#"<a href="https://example.org/accessibility">Accessibility statement</a>"#)
    );
    let welcome = fs::read_to_string(public.join("index.html")).unwrap();
    assert!(welcome.contains(r#"src="theme/brand-logo.svg""#));
    // Colour through the style sheet only: the pages carry no inline style.
    assert!(!cy.contains("style="));
}

#[test]
fn a_logo_that_is_missing_or_not_an_image_is_refused() {
    let (_dir, pack) = new_pack();
    brand(&pack, "[brand]\nlogo = \"theme/nope.svg\"\n");
    let err = stderr(&build(&pack));
    assert!(
        err.contains("canllaw.toml:") && err.contains("theme/nope.svg is not in the project"),
        "{err}"
    );

    fs::create_dir_all(pack.join("theme")).unwrap();
    fs::write(pack.join("theme/logo.png"), "not a picture").unwrap();
    brand(&pack, "[brand]\nlogo = \"theme/logo.png\"\n");
    let err = stderr(&build(&pack));
    assert!(err.contains("is not an SVG or PNG image"), "{err}");

    brand(&pack, "[brand]\nlogo = \"../outside.svg\"\n");
    let err = stderr(&build(&pack));
    assert!(err.contains("is outside the project"), "{err}");
}
