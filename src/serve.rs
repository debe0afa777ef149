//! `canllaw serve`: a preview that rebuilds as the author writes.
//!
//! The site is built into a temporary folder (never into the project) and
//! served on the loopback interface unless another is asked for. A watcher
//! on `canllaw.toml`, `content/`, `locales/`, `templates/` and `theme/`
//! starts a rebuild after each change, and a small script that only the
//! preview adds to its pages asks the server whether its page changed, so
//! open pages in both languages reload by themselves.
//!
//! A change that does not build leaves the last good site in place: the
//! problems are told in the terminal and as a notice on every open page, and
//! the next good build clears them.
//!
//! The parts, one thread each:
//!
//! - `http`: answers requests from the temporary folder, and the
//!   long-polling requests of the reload script.
//! - `rebuild`: the incremental builder, fed by `watch`. It keeps the
//!   parsed interface strings, templates and the theme's files until they
//!   change, and writes only the files whose bytes changed. After an edit
//!   to one item it first shows that item's pages (`quick`), then builds
//!   the whole site.
//! - `pdfs`: the recording templates' PDFs, after the pages, for the forms
//!   whose inputs changed, so a PDF never delays the page an author is
//!   looking at.

mod http;
mod pdfs;
mod quick;
mod rebuild;
mod state;
mod watch;

use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::lang::Loc;
use crate::problem::{Code, Messages, Problem, Severity};

use state::Shared;

/// The port tried first when none is given; the next few are tried if it
/// is taken.
pub const DEFAULT_PORT: u16 = 3000;

/// How to run the preview.
#[derive(Clone, Debug)]
pub struct Options {
    /// The project folder.
    pub project: PathBuf,
    /// The interface to listen on: loopback unless the user asks otherwise.
    pub host: IpAddr,
    /// The port; `None` tries [`DEFAULT_PORT`] and the few after it, `Some(0)`
    /// takes any free port.
    pub port: Option<u16>,
}

impl Options {
    /// The preview of `project` on 127.0.0.1 and the default port.
    pub fn new(project: impl Into<PathBuf>) -> Options {
        Options {
            project: project.into(),
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: None,
        }
    }
}

/// What the preview tells its user.
#[derive(Debug)]
pub enum Event {
    /// The site was built: the first time, or after a change.
    Built {
        /// From the change being seen to the files being written.
        elapsed: Duration,
        /// How many files of the site changed.
        changed: usize,
        /// True for the first good build of this preview.
        first: bool,
    },
    /// A change could not be built; the last good site is still served.
    Failed(Vec<Problem>),
    /// PDFs were written after the pages.
    Pdfs {
        /// How many.
        written: usize,
        /// How long they took.
        elapsed: Duration,
    },
}

/// Where a running preview sends its [`Event`]s.
pub type Reporter = Arc<dyn Fn(&Event) + Send + Sync>;

/// A running preview. Dropping it stops the server and removes its folder.
pub struct Server {
    shared: Arc<Shared>,
    url: String,
    threads: Vec<JoinHandle<()>>,
    wake: mpsc::Sender<rebuild::Wake>,
    // Last, so the folder goes once nothing serves from it.
    _out: tempfile::TempDir,
}

impl Server {
    /// Builds the project once, then serves and watches it until stopped.
    ///
    /// # Errors
    /// The project has no `canllaw.toml`, or the address cannot be listened
    /// on, or the folders cannot be watched. Content problems are not errors
    /// here: they are reported and the preview waits for a fix.
    pub fn start(options: &Options, reporter: Reporter) -> Result<Server, Problem> {
        let root = std::path::absolute(&options.project).unwrap_or(options.project.clone());
        if !root.join("canllaw.toml").is_file() {
            return Err(Problem::error(
                Code::MissingFile,
                Loc::file(Arc::from(Path::new("canllaw.toml"))),
            ));
        }
        let out = tempfile::Builder::new()
            .prefix("canllaw-serve-")
            .tempdir()
            .map_err(|e| {
                Problem::error(
                    Code::WriteFailed,
                    Loc::file(Arc::from(std::env::temp_dir())),
                )
                .arg("path", std::env::temp_dir().display())
                .arg("detail", e)
            })?;
        let listener = http::listen(options.host, options.port)?;
        let port = listener.port;
        let shared = Arc::new(Shared::new(out.path().to_path_buf()));

        let (wake, woken) = mpsc::channel();
        let mut watcher = watch::Watcher::new(&root, wake.clone())?;
        let mut builder = rebuild::Builder::new(root, shared.clone(), reporter.clone());
        let (pdfs, pdf_thread) = pdfs::start(shared.clone(), wake.clone(), reporter);
        builder.pdfs = Some(pdfs);
        // The first build happens before the address is given out, so the
        // first page asked for is already there (or the notice says why not).
        builder.rebuild(true);
        watcher.follow(builder.logo_path().as_deref());

        let base = shared.status().base.clone();
        let host = match options.host {
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) => ip.to_string(),
        };
        let url = format!("http://{host}:{port}{base}");
        let threads = vec![
            http::spawn(listener, shared.clone()),
            rebuild::spawn(builder, watcher, woken),
            pdf_thread,
        ];
        Ok(Server {
            shared,
            url,
            threads,
            wake,
            _out: out,
        })
    }

    /// The address of the site, e.g. `http://127.0.0.1:3000/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The temporary folder the site is built into.
    pub fn out_dir(&self) -> &Path {
        &self.shared.out
    }

    /// Stops serving and watching, and waits for the threads to end.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.shared.stop();
        let _ = self.wake.send(rebuild::Wake::Stop);
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Runs `canllaw serve` until Ctrl+C, telling the user in their language.
///
/// # Errors
/// The problem that kept the preview from starting.
pub fn run(options: &Options, messages: &Messages) -> Result<(), Vec<Problem>> {
    static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    let stop = STOP
        .get_or_init(|| Arc::new(AtomicBool::new(false)))
        .clone();
    let flag = stop.clone();
    // Without a handler Ctrl+C would end the process before the temporary
    // folder is removed.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));

    let lang = messages.lang();
    let reporter: Reporter = Arc::new(move |event: &Event| print(&Messages::new(lang), event));
    let server = Server::start(options, reporter).map_err(|p| vec![p])?;
    println!(
        "{}",
        messages.text(
            "serve-listening",
            &[
                ("project", options.project.display().to_string()),
                ("url", server.url().to_string()),
            ]
        )
    );
    while !stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
    }
    server.stop();
    println!("{}", messages.text("serve-stopped", &[]));
    Ok(())
}

/// Tells one event in the terminal.
fn print(messages: &Messages, event: &Event) {
    let seconds = |d: &Duration| format!("{:.2}", d.as_secs_f64());
    match event {
        Event::Built {
            elapsed,
            changed,
            first,
        } => println!(
            "{}",
            messages.text(
                if *first {
                    "serve-built"
                } else {
                    "serve-rebuilt"
                },
                &[
                    ("seconds", seconds(elapsed)),
                    ("files", changed.to_string())
                ]
            )
        ),
        Event::Pdfs { written, elapsed } => println!(
            "{}",
            messages.text(
                "serve-pdfs",
                &[("pdfs", written.to_string()), ("seconds", seconds(elapsed))]
            )
        ),
        Event::Failed(problems) => {
            for problem in problems {
                eprintln!("{}", messages.render(problem));
            }
            let errors = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            eprintln!(
                "{}",
                messages.text(
                    "summary-problems",
                    &[
                        ("errors", errors.to_string()),
                        ("warnings", (problems.len() - errors).to_string()),
                    ]
                )
            );
            eprintln!("{}", messages.text("serve-failed", &[]));
        }
    }
}
