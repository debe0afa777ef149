//! The guidance pack that ships with canllaw: complete, and clean under every
//! check, spelling and stale translations included.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use canllaw::model::{FieldKind, SectionBody};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn words(markdown: &str) -> usize {
    canllaw::markdown::plain_text(markdown)
        .split_whitespace()
        .count()
}

#[test]
fn the_shipped_pack_has_what_the_guidance_promises() {
    let project = canllaw::build::open(root()).unwrap_or_else(|p| panic!("{p:?}"));
    let pack = &project.pack;
    assert_eq!(pack.groups.len(), 4);
    assert_eq!(pack.principles.len(), 12);
    for p in &pack.principles {
        for (lang, body) in [("cy", &p.body.cy), ("en", &p.body.en)] {
            let n = words(body);
            assert!((250..=500).contains(&n), "{} body.{lang}: {n} words", p.id);
        }
        let examples = pack
            .examples
            .iter()
            .filter(|e| e.principles.iter().any(|r| r.id == p.id));
        assert!(
            examples.count() >= 2,
            "{} has fewer than two examples",
            p.id
        );
    }
    assert!(
        pack.examples.len() >= 30,
        "{} examples",
        pack.examples.len()
    );
    let settings: BTreeSet<&str> = pack
        .examples
        .iter()
        .filter_map(|e| e.setting.as_ref())
        .map(|s| s.en.split(['(', ',']).next().unwrap().trim())
        .collect();
    assert!(settings.len() >= 8, "{settings:?}");
    for e in &pack.examples {
        assert!(
            e.less_helpful.is_some(),
            "{} has no less helpful record",
            e.id
        );
    }
    assert!(pack.exercises.len() >= 6);
    for x in &pack.exercises {
        assert!(
            (4..=6).contains(&x.questions.len()),
            "{}: {} questions",
            x.id,
            x.questions.len()
        );
        assert!(x.you_will_need.is_some(), "{}", x.id);
    }
    let exercise_groups: BTreeSet<&str> = pack
        .exercises
        .iter()
        .filter_map(|x| x.group.as_ref())
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(exercise_groups.len(), 4, "an exercise for every group");
    assert!(pack.forms.len() >= 11);
    let kinds: BTreeSet<&str> = pack.forms.iter().map(|f| f.kind.name()).collect();
    assert_eq!(kinds.len(), 7, "every kind of form: {kinds:?}");
    let mut types = BTreeSet::new();
    for f in &pack.forms {
        let ids: Vec<&str> = f
            .sections
            .iter()
            .flat_map(|s| match &s.body {
                SectionBody::Fields(fields) => fields.iter().map(|f| f.id.as_str()).collect(),
                SectionBody::Table(_) => Vec::new(),
            })
            .collect();
        for required in [
            "person-name",
            "record-date",
            "recorded-by",
            "recorder-role",
            "record-language",
        ] {
            assert!(ids.contains(&required), "{} has no {required}", f.id);
        }
        for s in &f.sections {
            assert!(s.help.is_some(), "{}: a section without help", f.id);
            if let SectionBody::Fields(fields) = &s.body {
                for field in fields {
                    types.insert(match field.kind {
                        FieldKind::Text => "text",
                        FieldKind::TextArea { .. } => "textarea",
                        FieldKind::Date => "date",
                        FieldKind::Checkbox => "checkbox",
                        FieldKind::Choice { .. } => "choice",
                    });
                }
            } else {
                types.insert("table");
            }
        }
    }
    assert_eq!(types.len(), 6, "every field type and a table: {types:?}");
    assert!(pack.glossary.len() >= 50);
    assert_eq!(pack.pages.len(), 4);
}

#[test]
fn the_shipped_pack_passes_check_with_warnings_denied() {
    let deps = root().join(".test-deps/node_modules");
    let dictionaries = std::env::var("CANLLAW_DICTIONARIES")
        .map(std::path::PathBuf::from)
        .unwrap_or(deps);
    if !dictionaries.join("dictionary-cy").is_dir() {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
        assert!(
            !ci,
            "the Hunspell dictionaries are missing: run scripts/test, which installs them"
        );
        eprintln!("skipping: no Hunspell dictionaries (run scripts/test to install them)");
        return;
    }
    let result = Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .args(["check", "--deny-warnings", "--project"])
        .arg(root())
        .env("CANLLAW_DICTIONARIES", &dictionaries)
        .env("CANLLAW_LANG", "en")
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "check --deny-warnings failed on the shipped pack:\n{}{}",
        String::from_utf8_lossy(&result.stdout),
        common::stderr(&result)
    );
}
