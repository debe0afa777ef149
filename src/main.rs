//! The `canllaw` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use canllaw::problem::{Messages, Problem, Severity};

/// Bilingual Welsh/English guidance: a website, fillable PDF templates and a
/// trainer's workbook from YAML content.
#[derive(Parser)]
#[command(name = "canllaw", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site, every PDF and the workbooks.
    Build {
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// Where to write the output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the content to other formats.
    Export {
        #[command(subcommand)]
        format: ExportFormat,
    },
}

#[derive(Subcommand)]
enum ExportFormat {
    /// One mdBook source tree per language.
    Mdbook {
        /// The folder to write (one sub-folder per language).
        dir: PathBuf,
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
    },
}

fn report(messages: &Messages, problems: &[Problem]) {
    let mut current_file = None;
    for problem in problems {
        if current_file != Some(&problem.at.file) {
            current_file = Some(&problem.at.file);
        }
        eprintln!("{}", messages.render(problem));
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    eprintln!(
        "{}",
        messages.text(
            "summary-problems",
            &[
                ("errors", errors.to_string()),
                ("warnings", warnings.to_string())
            ]
        )
    );
}

fn spinner(messages: &Messages, id: &str) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(messages.text(id, &[]));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let messages = Messages::from_env();
    match cli.command {
        Command::Build { project, out } => {
            let out = out.unwrap_or_else(|| project.join("public"));
            let bar = spinner(&messages, "progress-loading");
            let result = canllaw::build::build(&project, &out);
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            match result {
                Ok(done) => {
                    println!(
                        "{}",
                        messages.text(
                            "build-done",
                            &[
                                ("pages", done.pages.to_string()),
                                ("pdfs", done.pdfs.to_string()),
                                ("out", out.display().to_string()),
                                ("seconds", format!("{:.2}", done.elapsed.as_secs_f64())),
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    report(&messages, &problems);
                    eprintln!(
                        "{}",
                        messages.text("build-failed", &[("out", out.display().to_string())])
                    );
                    ExitCode::from(1)
                }
            }
        }
        Command::Export {
            format: ExportFormat::Mdbook { dir, project },
        } => match canllaw::export::mdbook::export(&project, &dir) {
            Ok(()) => {
                println!(
                    "{}",
                    messages.text("export-done", &[("out", dir.display().to_string())])
                );
                ExitCode::SUCCESS
            }
            Err(problems) => {
                report(&messages, &problems);
                ExitCode::from(1)
            }
        },
    }
}
