//! `canllaw xliff export`: the project's texts as an XLIFF 1.2 document.

use std::fmt::Write as _;
use std::path::Path;

use super::State;
use super::placeholders::{self, Piece, Segmented, Syntax};
use super::units::{self, Unit};
use super::xml::{XLIFF_NS, escape_attr, escape_text};
use crate::lang::Lang;
use crate::problem::Problem;

/// Which units to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// Units with no translation yet.
    Missing,
    /// Units whose source changed since the translation was confirmed.
    Stale,
}

/// An exported document and what it holds.
#[derive(Clone, Debug)]
pub struct Exported {
    /// The XLIFF 1.2 document.
    pub xliff: String,
    /// How many units it holds.
    pub units: usize,
    /// How many of them have no translation yet.
    pub new: usize,
    /// How many need their translation reviewed.
    pub stale: usize,
}

/// The texts of the project in `root` for translation into `lang`, from the
/// other language, as XLIFF 1.2; with `only`, just the units that need work.
///
/// # Errors
/// The project's loading problems (a pack that does not load cannot be
/// exported), or a `translations.lock` that cannot be read.
pub fn export(root: &Path, lang: Lang, only: Option<Only>) -> Result<Exported, Vec<Problem>> {
    let units: Vec<Unit> = units::collect(root, lang)?
        .into_iter()
        .filter(|u| match only {
            None => true,
            Some(Only::Missing) => u.state == State::New,
            Some(Only::Stale) => u.state == State::NeedsReview,
        })
        .collect();
    let source = lang.other();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<xliff version=\"1.2\" xmlns=\"{XLIFF_NS}\">");
    // One <file> per project file, in the order their units come.
    let mut files: Vec<(&str, Vec<&Unit>)> = Vec::new();
    for unit in &units {
        match files.iter_mut().find(|(f, _)| *f == unit.file) {
            Some((_, list)) => list.push(unit),
            None => files.push((&unit.file, vec![unit])),
        }
    }
    if files.is_empty() {
        // XLIFF 1.2 needs a <file>; an empty one says there is nothing to do.
        files.push(("canllaw.toml", Vec::new()));
    }
    for (file, list) in &files {
        let kind = if file.ends_with(".ftl") {
            "x-fluent"
        } else if file.ends_with(".toml") {
            "x-canllaw-toml"
        } else {
            "x-canllaw-yaml"
        };
        let _ = writeln!(
            out,
            "  <file original=\"{}\" source-language=\"{source}\" target-language=\"{lang}\" datatype=\"{kind}\">",
            escape_attr(file)
        );
        let _ = writeln!(
            out,
            "    <header>\n      <tool tool-id=\"canllaw\" tool-name=\"canllaw\" tool-version=\"{}\"/>\n    </header>",
            env!("CARGO_PKG_VERSION")
        );
        out.push_str("    <body>\n");
        for unit in list {
            write_unit(&mut out, unit, source, lang);
        }
        out.push_str("    </body>\n  </file>\n");
    }
    out.push_str("</xliff>\n");
    Ok(Exported {
        xliff: out,
        units: units.len(),
        new: units.iter().filter(|u| u.state == State::New).count(),
        stale: units
            .iter()
            .filter(|u| u.state == State::NeedsReview)
            .count(),
    })
}

fn write_unit(out: &mut String, unit: &Unit, source: Lang, lang: Lang) {
    let segmented = placeholders::segment(unit.syntax, &unit.source);
    let _ = writeln!(
        out,
        "      <trans-unit id=\"{}\" resname=\"{}\" datatype=\"{}\" xml:space=\"preserve\">",
        escape_attr(&unit.id),
        escape_attr(&unit.key),
        datatype(unit.syntax)
    );
    let _ = writeln!(
        out,
        "        <source xml:lang=\"{source}\">{}</source>",
        inline(&segmented, &segmented.pieces)
    );
    if let Some(target) = &unit.target {
        let pieces = placeholders::align(
            &segmented,
            &placeholders::segment(unit.syntax, target),
            unit.syntax,
        );
        let _ = writeln!(
            out,
            "        <target xml:lang=\"{lang}\" state=\"{}\">{}</target>",
            unit.state.xliff(),
            inline(&segmented, &pieces)
        );
    }
    for note in &unit.notes {
        let _ = writeln!(
            out,
            "        <note from=\"canllaw\">{}</note>",
            escape_text(note)
        );
    }
    out.push_str("      </trans-unit>\n");
}

/// Pieces as XLIFF inline content, codes numbered as in `source`.
fn inline(source: &Segmented, pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&escape_text(t)),
            Piece::Start(i) => {
                let _ = write!(
                    out,
                    "<g id=\"{}\" ctype=\"{}\">",
                    i + 1,
                    source.codes[*i].kind.ctype()
                );
            }
            Piece::End(_) => out.push_str("</g>"),
            Piece::Code(i) => {
                let code = &source.codes[*i];
                if code.kind.shows_text() {
                    let _ = write!(
                        out,
                        "<ph id=\"{}\" ctype=\"{}\">{}</ph>",
                        i + 1,
                        code.kind.ctype(),
                        escape_text(&code.open)
                    );
                } else {
                    let _ = write!(out, "<x id=\"{}\" ctype=\"{}\"/>", i + 1, code.kind.ctype());
                }
            }
        }
    }
    out
}

/// A unit's `datatype`: how its text is written.
fn datatype(syntax: Syntax) -> &'static str {
    match syntax {
        Syntax::Plain => "plaintext",
        Syntax::Markdown => "x-markdown",
        Syntax::Fluent => "x-fluent",
    }
}
