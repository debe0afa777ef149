//! The preview's PDFs: made on their own thread after the pages are written,
//! and only for the forms whose inputs changed.
//!
//! A form's PDF depends on the form, the settings (paper, titles, branding)
//! and the interface strings; a hash of those is kept for each file, and a
//! file is made again only when its hash moves. A newer build makes the
//! thread leave the rest of an older one to the newer.

use std::collections::HashMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::i18n::Strings;
use crate::model::{Form, Pack};
use crate::output;
use crate::pdf::{self, Edition};
use crate::problem::Problem;
use crate::site::PdfSizes;

use super::rebuild::Wake;
use super::state::Shared;
use super::{Event, Reporter};

/// A request to bring the PDFs up to date with a pack.
struct Job {
    id: u64,
    pack: Arc<Pack>,
    strings: Arc<Strings>,
    strings_key: u64,
}

/// The handle the builder sends its packs to.
pub(crate) struct Pdfs {
    jobs: Sender<Job>,
    latest: Arc<AtomicU64>,
}

impl Pdfs {
    /// Asks for the PDFs of `pack`; an unfinished older request gives way.
    pub fn request(&self, pack: Arc<Pack>, strings: Arc<Strings>, strings_key: u64) {
        let id = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let _ = self.jobs.send(Job {
            id,
            pack,
            strings,
            strings_key,
        });
    }
}

/// Starts the PDF thread, which tells the builder through `wake` when the
/// files' sizes change (the form pages show them).
pub(crate) fn start(
    shared: Arc<Shared>,
    wake: Sender<Wake>,
    reporter: Reporter,
) -> (Pdfs, JoinHandle<()>) {
    let (jobs, received) = mpsc::channel();
    let latest = Arc::new(AtomicU64::new(0));
    let mut maker = Maker {
        shared,
        wake,
        reporter,
        latest: latest.clone(),
        made: HashMap::new(),
        sizes: PdfSizes::new(),
    };
    let thread = std::thread::spawn(move || maker.run(&received));
    (Pdfs { jobs, latest }, thread)
}

struct Maker {
    shared: Arc<Shared>,
    wake: Sender<Wake>,
    reporter: Reporter,
    latest: Arc<AtomicU64>,
    /// The inputs' hash of each PDF in the folder, by path.
    made: HashMap<String, u64>,
    sizes: PdfSizes,
}

fn key(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

impl Maker {
    fn run(&mut self, received: &Receiver<Job>) {
        loop {
            let job = match received.recv_timeout(Duration::from_millis(200)) {
                Ok(job) => job,
                Err(RecvTimeoutError::Timeout) if !self.shared.stopping() => continue,
                Err(_) => return,
            };
            // Only the newest request matters.
            let job = received.try_iter().last().unwrap_or(job);
            if self.shared.stopping() {
                return;
            }
            self.make(&job);
        }
    }

    fn superseded(&self, job: &Job) -> bool {
        self.latest.load(Ordering::SeqCst) != job.id || self.shared.stopping()
    }

    fn make(&mut self, job: &Job) {
        let started = Instant::now();
        let pack = &job.pack;
        let config = &pack.config;
        let brand = &config.brand;
        // The logo by its bytes rather than their printed form.
        let settings = key((
            format!("{:?}{:?}", config.site, config.pdf),
            format!(
                "{:?}{:?}{:?}{:?}",
                brand.colour, brand.footer, brand.links, brand.contact
            ),
            brand.logo.as_ref().map(|l| &l.bytes[..]),
            job.strings_key,
        ));
        let wanted: Vec<(String, u64, &Form, Edition)> = pack
            .forms
            .iter()
            .flat_map(|form| {
                let form_key = key(format!("{form:?}"));
                Edition::ALL.into_iter().map(move |edition| {
                    let k = key((settings, form_key, edition.file_suffix()));
                    (pdf::file_name(form, edition), k, form, edition)
                })
            })
            .collect();

        let mut problems: Vec<Problem> = Vec::new();
        let mut written = 0;
        for (path, k, form, edition) in &wanted {
            if self.made.get(path) == Some(k) {
                continue;
            }
            if self.superseded(job) {
                return;
            }
            match pdf::form_pdf(pack, &job.strings, form, *edition, None) {
                Ok(bytes) => {
                    let _lock = self.shared.files.write().unwrap_or_else(|e| e.into_inner());
                    match output::write(&self.shared.out, path, &bytes) {
                        Ok(()) => {
                            self.made.insert(path.clone(), *k);
                            self.sizes.insert(path.clone(), bytes.len() as u64);
                            written += 1;
                        }
                        Err(p) => problems.push(p),
                    }
                }
                Err(p) => problems.push(p),
            }
        }
        // The PDFs of forms that are gone.
        let keep: std::collections::HashSet<&String> = wanted.iter().map(|w| &w.0).collect();
        let gone: Vec<String> = self
            .made
            .keys()
            .filter(|p| !keep.contains(p))
            .cloned()
            .collect();
        if !gone.is_empty() {
            let _lock = self.shared.files.write().unwrap_or_else(|e| e.into_inner());
            for path in gone {
                let _ = fs::remove_file(self.shared.out.join(&path));
                self.made.remove(&path);
                self.sizes.remove(&path);
            }
        }

        if !problems.is_empty() {
            crate::problem::sort(&mut problems);
            self.shared.failed(&problems);
            (self.reporter)(&Event::Failed(problems));
            return;
        }
        if written > 0 {
            (self.reporter)(&Event::Pdfs {
                written,
                elapsed: started.elapsed(),
            });
        }
        let _ = self.wake.send(Wake::PdfSizes(self.sizes.clone()));
    }
}
