//! The incremental builder behind the preview.
//!
//! What it keeps between builds, and why that is safe:
//!
//! - the interface strings and resources (templates, theme), loaded again
//!   only when a file of `locales/`, `templates/` or `theme/` changed;
//! - a hash of every file it wrote, so a build writes only the files whose
//!   bytes changed and deletes only those no longer made — the pages that
//!   reload are exactly the ones that changed;
//! - the last good pack, to render again when only the PDFs' sizes moved.
//!
//! The content itself is read again on every change: reading and checking
//! every file is what finds a reference that a change elsewhere broke.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::i18n::Strings;
use crate::load;
use crate::model::Pack;
use crate::output;
use crate::problem::Problem;
use crate::resources::Resources;
use crate::site::templates::Templates;
use crate::site::{PdfSizes, Site};

use super::pdfs::Pdfs;
use super::quick;
use super::state::Shared;
use super::watch::Watcher;
use super::{Event, Reporter};

/// How long the files must be still before a rebuild: editors save in
/// several steps (write a copy, rename it, set its times).
const SETTLE: Duration = Duration::from_millis(50);

/// The longest a rebuild waits for the files to be still.
const SETTLE_AT_MOST: Duration = Duration::from_millis(500);

/// What wakes the builder.
pub(crate) enum Wake {
    /// Files changed (absolute paths).
    Files(Vec<PathBuf>),
    /// The PDFs were written and some sizes changed: the form pages show them.
    PdfSizes(PdfSizes),
    /// The preview is stopping.
    Stop,
}

/// The builder and what it keeps between builds.
pub(crate) struct Builder {
    root: PathBuf,
    shared: Arc<Shared>,
    reporter: Reporter,
    resources: Option<(Resources, Arc<Strings>)>,
    /// The templates parsed from `resources`, kept with them.
    templates: Option<Arc<Templates>>,
    pack: Option<Arc<Pack>>,
    /// A hash of each file of the site in the folder, by its path there.
    written: HashMap<String, u64>,
    pdf_sizes: PdfSizes,
    /// Where the PDFs are made, after the pages.
    pub pdfs: Option<Pdfs>,
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl Builder {
    /// A builder of the project in `root` into the shared folder.
    pub fn new(root: PathBuf, shared: Arc<Shared>, reporter: Reporter) -> Builder {
        Builder {
            root,
            shared,
            reporter,
            resources: None,
            templates: None,
            pack: None,
            written: HashMap::new(),
            pdf_sizes: PdfSizes::new(),
            pdfs: None,
        }
    }

    /// The logo's path in the project, as the last good build read it.
    pub fn logo_path(&self) -> Option<String> {
        let pack = self.pack.as_ref()?;
        pack.config.brand.logo.as_ref().map(|l| l.path.clone())
    }

    /// Builds after a change, reading the resources again if `resources`
    /// changed, and tells the shared status and the reporter.
    pub fn rebuild(&mut self, resources: bool) {
        let started = Instant::now();
        if resources {
            self.resources = None;
            self.templates = None;
        }
        match self.load().and_then(|pack| self.render(pack)) {
            Ok(changed) => self.report(started, changed),
            Err(problems) => {
                self.shared.failed(&problems);
                (self.reporter)(&Event::Failed(problems));
            }
        }
    }

    /// Renders the last good pack again with new PDF sizes.
    fn resize(&mut self, sizes: PdfSizes) {
        if sizes == self.pdf_sizes {
            return;
        }
        self.pdf_sizes = sizes;
        // Only after a good build: a failing one shows its notice until fixed.
        let Some(pack) = self.pack.clone() else {
            return;
        };
        if self.resources.is_none() || self.shared.status().notice.is_some() {
            return;
        }
        match self.write_site(&pack) {
            // Quietly: the author changed nothing; the pages follow the PDFs.
            Ok(changed) => self
                .shared
                .built(changed, base_path(&pack.config.site.base_url)),
            Err(problems) => {
                self.shared.failed(&problems);
                (self.reporter)(&Event::Failed(problems));
            }
        }
    }

    fn report(&self, started: Instant, changed: BTreeSet<String>) {
        let base = self
            .pack
            .as_ref()
            .map_or_else(|| "/".to_string(), |p| base_path(&p.config.site.base_url));
        let count = changed.len();
        let first = self.shared.status().version == 0;
        self.shared.built(changed, base);
        (self.reporter)(&Event::Built {
            elapsed: started.elapsed(),
            changed: count,
            first,
        });
    }

    /// The content, with the resources (kept from before if unchanged).
    fn load(&mut self) -> Result<Pack, Vec<Problem>> {
        let mut problems = Vec::new();
        if self.resources.is_none() {
            let resources = Resources::load(&self.root, &mut problems);
            if let Some(strings) = Strings::load(&resources, &mut problems)
                && problems.is_empty()
            {
                self.resources = Some((resources, Arc::new(strings)));
            }
        }
        match load::load(&self.root) {
            Ok(pack) if problems.is_empty() => Ok(pack),
            Ok(_) => Err(problems),
            Err(found) => {
                problems.extend(found);
                crate::problem::sort(&mut problems);
                Err(problems)
            }
        }
    }

    /// Writes the site of a freshly loaded pack and hands it to the PDFs.
    fn render(&mut self, pack: Pack) -> Result<BTreeSet<String>, Vec<Problem>> {
        let pack = Arc::new(pack);
        let changed = self.write_site(&pack)?;
        self.pack = Some(pack.clone());
        if let (Some(pdfs), Some((_, strings))) = (&self.pdfs, &self.resources) {
            pdfs.request(pack, strings.clone(), self.strings_key());
        }
        Ok(changed)
    }

    /// A hash of every interface string file, so a PDF is made again when
    /// its words change.
    fn strings_key(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        if let Some((resources, _)) = &self.resources {
            for (path, resource) in resources.under("locales/") {
                path.hash(&mut hasher);
                resource.bytes.hash(&mut hasher);
            }
        }
        hasher.finish()
    }

    /// Renders every page and writes those whose bytes changed; returns the
    /// paths written or deleted.
    fn write_site(&mut self, pack: &Pack) -> Result<BTreeSet<String>, Vec<Problem>> {
        let templates = self.templates()?;
        let (resources, strings) = self.resources.as_ref().expect("loaded before rendering");
        let files = Site::with_templates(pack, templates, strings.clone(), &self.pdf_sizes)?
            .render(resources)?;
        let hashes: HashMap<String, u64> =
            files.iter().map(|(p, b)| (p.clone(), hash(b))).collect();
        let mut changed: BTreeSet<String> = BTreeSet::new();
        let _lock = self.shared.files.write().unwrap_or_else(|e| e.into_inner());
        for (path, bytes) in &files {
            if self.written.get(path) != hashes.get(path) {
                output::write(&self.shared.out, path, bytes).map_err(|p| vec![p])?;
                changed.insert(path.clone());
            }
        }
        for path in self.written.keys() {
            if !hashes.contains_key(path) {
                let _ = fs::remove_file(self.shared.out.join(path));
                changed.insert(path.clone());
            }
        }
        self.written = hashes;
        Ok(changed)
    }
}

impl Builder {
    /// The templates of the current resources, parsed when first needed.
    fn templates(&mut self) -> Result<Arc<Templates>, Vec<Problem>> {
        if let Some(templates) = &self.templates {
            return Ok(templates.clone());
        }
        let (resources, strings) = self.resources.as_ref().expect("loaded before rendering");
        let templates = Arc::new(Templates::load(resources, strings.clone())?);
        self.templates = Some(templates.clone());
        Ok(templates)
    }

    /// Shows the pages of the one item in `changed` at once, when the quick
    /// path ([`super::quick`]) applies, before the whole site is built again;
    /// tells the reporter as for any build.
    pub fn quick(&mut self, changed: &[PathBuf]) {
        let started = Instant::now();
        let [path] = changed else {
            return;
        };
        // Only from a good build: a failing one shows its notice until fixed.
        if self.shared.status().notice.is_some() {
            return;
        }
        let (Some(pack), Some((_, strings))) = (self.pack.clone(), self.resources.as_ref()) else {
            return;
        };
        let strings = strings.clone();
        let Ok(templates) = self.templates() else {
            return;
        };
        let Some(files) =
            quick::item_pages(&self.root, path, &pack, templates, strings, &self.pdf_sizes)
        else {
            return;
        };
        let mut changed = BTreeSet::new();
        {
            let _lock = self.shared.files.write().unwrap_or_else(|e| e.into_inner());
            for (path, bytes) in &files {
                let new = hash(bytes);
                if self.written.get(path) != Some(&new)
                    && output::write(&self.shared.out, path, bytes).is_ok()
                {
                    self.written.insert(path.clone(), new);
                    changed.insert(path.clone());
                }
            }
        }
        if !changed.is_empty() {
            self.report(started, changed);
        }
    }
}

/// The path part of `base_url`, where the preview serves the site so that
/// the root `404.html`'s links (written from `base_url`) work.
fn base_path(base_url: &str) -> String {
    let path = match base_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => base_url,
    };
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// Runs the builder on the watcher's changes until the preview stops.
pub(crate) fn spawn(
    mut builder: Builder,
    mut watcher: Watcher,
    woken: Receiver<Wake>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        loop {
            let first = match woken.recv_timeout(Duration::from_millis(200)) {
                Ok(wake) => wake,
                Err(RecvTimeoutError::Timeout) if !builder.shared.stopping() => continue,
                Err(_) => break,
            };
            // Gather what comes until the files are still: one build for
            // one save.
            let mut paths = Vec::new();
            let mut sizes = None;
            let mut next = Some(first);
            let started = Instant::now();
            while let Some(wake) = next.take() {
                match wake {
                    Wake::Files(p) => paths.extend(p),
                    Wake::PdfSizes(s) => sizes = Some(s),
                    Wake::Stop => return,
                }
                if !paths.is_empty() && started.elapsed() < SETTLE_AT_MOST {
                    next = woken.recv_timeout(SETTLE).ok();
                } else {
                    next = woken.try_recv().ok();
                }
            }
            if builder.shared.stopping() {
                return;
            }
            if !paths.is_empty() {
                watcher.refresh(&paths);
                let logo = builder.logo_path();
                let (mut relevant, mut resources) = (false, false);
                let mut files: Vec<PathBuf> = Vec::new();
                for path in &paths {
                    let (r, res) = watcher.classify(path, logo.as_deref());
                    relevant |= r;
                    resources |= res;
                    if r && !files.contains(path) {
                        files.push(path.clone());
                    }
                }
                if relevant {
                    if !resources {
                        builder.quick(&files);
                    }
                    builder.rebuild(resources);
                    watcher.follow(builder.logo_path().as_deref());
                }
            }
            if let Some(sizes) = sizes {
                builder.resize(sizes);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_is_served_under_the_path_of_base_url() {
        assert_eq!(base_path("/"), "/");
        assert_eq!(base_path("/guide/"), "/guide/");
        assert_eq!(base_path("https://example.org/guide/"), "/guide/");
        assert_eq!(base_path("https://example.org"), "/");
    }
}
