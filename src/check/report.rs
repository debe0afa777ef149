//! What `canllaw check` prints: problems grouped by file, errors apart from
//! warnings, a summary line; or JSON for tools.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::ExternalLink;
use crate::problem::{Messages, Problem, Severity};

/// How to print the problems (`--format text|json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: `path:line:col: severity: message — fix`.
    #[default]
    Text,
    /// For tools: a JSON array, one object per problem.
    Json,
}

/// The problems as `format` prints them.
pub fn render(problems: &[Problem], messages: &Messages, format: Format) -> String {
    match format {
        Format::Text => text(problems, messages),
        Format::Json => json(problems, messages),
    }
}

/// Errors first, then warnings; within each, a block per file (problems are
/// already sorted by file, line and column), blocks apart by a blank line;
/// then the counts.
pub fn text(problems: &[Problem], messages: &Messages) -> String {
    let mut out = String::new();
    for (severity, heading) in [
        (Severity::Error, "check-heading-errors"),
        (Severity::Warning, "check-heading-warnings"),
    ] {
        let these: Vec<&Problem> = problems.iter().filter(|p| p.severity == severity).collect();
        if these.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}",
            messages.text(heading, &[("count", these.len().to_string())])
        );
        let mut file: Option<&Path> = None;
        for problem in these {
            if file.is_some_and(|f| f != &*problem.at.file) {
                out.push('\n');
            }
            file = Some(&problem.at.file);
            let _ = writeln!(out, "{}", messages.render(problem));
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary(problems, messages));
    out
}

/// "2 errors, 1 warning", or that there were none.
pub fn summary(problems: &[Problem], messages: &Messages) -> String {
    if problems.is_empty() {
        return messages.text("check-clean", &[]);
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    messages.text(
        "summary-problems",
        &[
            ("errors", errors.to_string()),
            ("warnings", warnings.to_string()),
        ],
    )
}

#[derive(Serialize)]
struct Place {
    path: String,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    path: String,
    line: u32,
    column: u32,
    severity: Severity,
    code: &'a str,
    message: String,
    fix: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    also: Option<Place>,
}

/// A JSON array with one object per problem: `path`, `line`, `column`,
/// `severity` (`error` or `warning`), `code`, `message`, `fix`, and `also`
/// (`path`, `line`, `column`) where a second place is concerned. One object
/// per line, so that line-based tools can read it too.
pub fn json(problems: &[Problem], messages: &Messages) -> String {
    let objects: Vec<String> = problems
        .iter()
        .map(|p| {
            let object = JsonProblem {
                path: path(&p.at.file),
                line: p.at.line,
                column: p.at.col,
                severity: p.severity,
                code: p.code.id(),
                message: messages.message(p),
                fix: messages.fix(p),
                also: p.also.as_ref().map(|a| Place {
                    path: path(&a.file),
                    line: a.line,
                    column: a.col,
                }),
            };
            serde_json::to_string(&object).unwrap_or_default()
        })
        .collect();
    if objects.is_empty() {
        "[]\n".to_string()
    } else {
        format!("[\n{}\n]\n", objects.join(",\n"))
    }
}

fn path(file: &Path) -> String {
    file.to_string_lossy().replace('\\', "/")
}

/// The links to other sites, one per line with where each was written, under
/// a heading: what `check` lists rather than fetches.
pub fn external(links: &[ExternalLink], messages: &Messages) -> String {
    if links.is_empty() {
        return String::new();
    }
    let mut out = messages.text("check-external", &[]);
    out.push('\n');
    for link in links {
        let _ = writeln!(out, "{}: {}", link.at, link.url);
    }
    out
}

/// The exit code of `canllaw check`: 1 if any error, or any warning with
/// `--deny-warnings`; otherwise 0.
pub fn exit_code(problems: &[Problem], deny_warnings: bool) -> u8 {
    u8::from(super::fails(problems, deny_warnings))
}
