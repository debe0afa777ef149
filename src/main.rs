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
    /// Preview the site, rebuilt and reloaded as the content changes.
    Serve {
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// The port (by default 3000, or the next free one; 0 for any).
        #[arg(long)]
        port: Option<u16>,
        /// The address to listen on; only the loopback unless given.
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
    },
    /// Report every problem in the pack: links, translations, interface
    /// strings, spelling, stale translations.
    Check {
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// Fail on warnings too (unknown words, stale translations).
        #[arg(long)]
        deny_warnings: bool,
        /// How to print the problems.
        #[arg(long, value_enum, default_value = "text")]
        format: canllaw::check::report::Format,
    },
    /// Work with the record of reviewed translations (translations.lock).
    Translations {
        #[command(subcommand)]
        action: TranslationsAction,
    },
    /// Write one recording template as a PDF, blank or filled from a draft.
    Pdf {
        /// The form's id (its file name in content/forms/).
        form: String,
        /// The edition: Welsh, English, or bilingual with Welsh first.
        #[arg(long, value_parser = ["cy", "en", "cy-en"])]
        lang: String,
        /// A draft saved from the form's page, to fill the PDF with.
        #[arg(long, value_name = "DRAFT.json")]
        fill: Option<PathBuf>,
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// The file to write (default: FORM.LANG.pdf here).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a small working bilingual pack to start from.
    New {
        /// The folder to write: new or empty.
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum TranslationsAction {
    /// Record the current Welsh/English pairs as reviewed.
    Confirm {
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
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

/// `canllaw pdf`: one template, one edition, optionally filled.
fn write_pdf(
    form_id: &str,
    lang: &str,
    fill: Option<&std::path::Path>,
    project: &std::path::Path,
    output: Option<PathBuf>,
) -> Result<PathBuf, Vec<Problem>> {
    use canllaw::pdf::{self, Edition};
    let opened = canllaw::build::open(project)?;
    let edition = Edition::from_arg(lang).expect("clap allows only cy, en and cy-en");
    let form = opened
        .pack
        .forms
        .iter()
        .find(|f| f.id == form_id)
        .ok_or_else(|| {
            vec![
                Problem::error(
                    canllaw::problem::Code::UnknownReference,
                    canllaw::lang::Loc::file(std::sync::Arc::from(std::path::Path::new(
                        "content/forms/",
                    ))),
                )
                .arg("kind", "form")
                .arg("id", form_id),
            ]
        })?;
    let draft = fill
        .map(|path| canllaw::draft::load_draft(path, form))
        .transpose()?;
    let bytes = pdf::form_pdf(&opened.pack, &opened.strings, form, edition, draft.as_ref())
        .map_err(|p| vec![p])?;
    let path = output.unwrap_or_else(|| PathBuf::from(format!("{form_id}.{lang}.pdf")));
    std::fs::write(&path, bytes).map_err(|e| {
        vec![
            Problem::error(
                canllaw::problem::Code::WriteFailed,
                canllaw::lang::Loc::file(std::sync::Arc::from(path.as_path())),
            )
            .arg("path", path.display())
            .arg("detail", e),
        ]
    })?;
    Ok(path)
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
        Command::Serve {
            project,
            port,
            host,
        } => {
            let options = canllaw::serve::Options {
                project,
                host,
                port,
            };
            match canllaw::serve::run(&options, &messages) {
                Ok(()) => ExitCode::SUCCESS,
                Err(problems) => {
                    report(&messages, &problems);
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            project,
            deny_warnings,
            format,
        } => {
            let problems = canllaw::check::check(&project, &canllaw::check::Options::default());
            print!(
                "{}",
                canllaw::check::report::render(&problems, &messages, format)
            );
            ExitCode::from(canllaw::check::report::exit_code(&problems, deny_warnings))
        }
        Command::Translations {
            action: TranslationsAction::Confirm { project },
        } => match canllaw::check::confirm_translations(&project) {
            Ok(count) => {
                let path = project.join(canllaw::check::LOCK_FILE);
                println!(
                    "{}",
                    messages.text(
                        "confirm-done",
                        &[
                            ("count", count.to_string()),
                            ("path", path.display().to_string())
                        ]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(problems) => {
                report(&messages, &problems);
                ExitCode::from(1)
            }
        },
        Command::Pdf {
            form,
            lang,
            fill,
            project,
            output,
        } => match write_pdf(&form, &lang, fill.as_deref(), &project, output) {
            Ok(path) => {
                println!(
                    "{}",
                    messages.text("pdf-written", &[("path", path.display().to_string())])
                );
                ExitCode::SUCCESS
            }
            Err(problems) => {
                report(&messages, &problems);
                ExitCode::from(1)
            }
        },
        Command::New { dir } => match canllaw::new::create(&dir) {
            Ok(_) => {
                let dir = dir.display().to_string();
                println!("{}", messages.text("new-done", &[("dir", dir.clone())]));
                println!("{}", messages.text("new-next", &[("dir", dir)]));
                ExitCode::SUCCESS
            }
            Err(problems) => {
                report(&messages, &problems);
                ExitCode::from(1)
            }
        },
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
