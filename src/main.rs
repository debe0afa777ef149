//! The `canllaw` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use canllaw::problem::{Messages, Problem, Severity};

/// A build makes and frees millions of small strings and maps (templates'
/// data, Markdown trees, search keys): mimalloc does that in a fifth less
/// time than the system's allocator, for a little more memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Exchange texts with translators' tools (CAT tools) as XLIFF 1.2.
    Xliff {
        #[command(subcommand)]
        action: XliffAction,
    },
    /// Write the trainer's workbook in one language, for every group or some.
    Workbook {
        /// The edition's language.
        #[arg(long, value_parser = ["cy", "en"])]
        lang: String,
        /// Only these groups: ids from content/groups.yaml, separated by commas.
        #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
        groups: Option<Vec<String>>,
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// The file to write (default: workbook.LANG.pdf here).
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
enum XliffAction {
    /// Write the texts to translate into one language as XLIFF 1.2, the
    /// other language as the source.
    Export {
        /// The language to translate into.
        #[arg(long, value_parser = ["cy", "en"])]
        lang: String,
        /// Only the texts with no translation yet, or only those whose
        /// source changed since the translation was confirmed.
        #[arg(long, value_enum)]
        only: Option<canllaw::xliff::Only>,
        /// The project folder.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// The file to write (default: standard output).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the translations of an XLIFF file into the project, in place,
    /// after checking every one; nothing is written if any fails.
    Import {
        /// The translated XLIFF file.
        file: PathBuf,
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
    canllaw::output::replace_file(&path, &bytes).map_err(|e| {
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

/// `canllaw workbook`: the trainer's workbook in one language.
fn write_workbook(
    lang: &str,
    groups: Option<&[String]>,
    project: &std::path::Path,
    output: Option<PathBuf>,
) -> Result<PathBuf, Vec<Problem>> {
    let opened = canllaw::build::open(project)?;
    let lang = canllaw::lang::Lang::from_code(lang).expect("clap allows only cy and en");
    let bytes = canllaw::pdf::workbook_pdf(&opened.pack, &opened.strings, lang, groups)?;
    let path = output.unwrap_or_else(|| PathBuf::from(format!("workbook.{lang}.pdf")));
    canllaw::output::replace_file(&path, &bytes).map_err(|e| {
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

/// `canllaw xliff export` and `canllaw xliff import`.
fn xliff(messages: &Messages, action: XliffAction) -> ExitCode {
    match action {
        XliffAction::Export {
            lang,
            only,
            project,
            output,
        } => {
            let lang = canllaw::lang::Lang::from_code(&lang).expect("clap allows only cy and en");
            let exported = match canllaw::xliff::export(&project, lang, only) {
                Ok(exported) => exported,
                Err(problems) => {
                    report(messages, &problems);
                    return ExitCode::from(1);
                }
            };
            let written = match &output {
                Some(path) => canllaw::output::replace_file(path, exported.xliff.as_bytes())
                    .map_err(|e| (path.clone(), e)),
                None => {
                    std::io::Write::write_all(&mut std::io::stdout(), exported.xliff.as_bytes())
                        .map_err(|e| (PathBuf::from("-"), e))
                }
            };
            if let Err((path, e)) = written {
                let problem = Problem::error(
                    canllaw::problem::Code::WriteFailed,
                    canllaw::lang::Loc::file(std::sync::Arc::from(path.as_path())),
                )
                .arg("path", path.display())
                .arg("detail", e);
                report(messages, &[problem]);
                return ExitCode::from(1);
            }
            // On standard error, so that standard output is the document alone.
            eprintln!(
                "{}",
                messages.text(
                    "xliff-exported",
                    &[
                        ("units", exported.units.to_string()),
                        ("lang", lang.code().to_string()),
                        ("new", exported.new.to_string()),
                        ("stale", exported.stale.to_string()),
                        (
                            "path",
                            output.map_or_else(|| "-".to_string(), |p| p.display().to_string())
                        ),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        XliffAction::Import { file, project } => match canllaw::xliff::import(&project, &file) {
            Ok(done) if done.lang.is_none() => {
                println!("{}", messages.text("xliff-imported-nothing", &[]));
                ExitCode::SUCCESS
            }
            Ok(done) => {
                for change in &done.changed {
                    let args = [("file", change.file.clone()), ("key", change.key.clone())];
                    println!("  {}", messages.text("xliff-imported-change", &args));
                }
                for change in &done.confirmed {
                    let args = [("file", change.file.clone()), ("key", change.key.clone())];
                    println!("  {}", messages.text("xliff-imported-confirmed", &args));
                }
                println!(
                    "{}",
                    messages.text(
                        "xliff-imported",
                        &[
                            ("changed", done.changed.len().to_string()),
                            ("files", done.files.len().to_string()),
                            ("locked", done.locked.to_string()),
                        ]
                    )
                );
                if done.skipped > 0 {
                    println!(
                        "{}",
                        messages.text(
                            "xliff-imported-skipped",
                            &[("skipped", done.skipped.to_string())]
                        )
                    );
                }
                ExitCode::SUCCESS
            }
            Err(problems) => {
                report(messages, &problems);
                ExitCode::from(1)
            }
        },
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let messages = Messages::from_env();
    match cli.command {
        Command::Build { project, out } => {
            let out = out.unwrap_or_else(|| project.join("public"));
            canllaw::output::clean_up_on_interrupt();
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
        Command::Xliff { action } => xliff(&messages, action),
        Command::Workbook {
            lang,
            groups,
            project,
            output,
        } => match write_workbook(&lang, groups.as_deref(), &project, output) {
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
