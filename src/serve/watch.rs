//! Watching the project's files: `canllaw.toml`, the four folders, and the
//! logo wherever it is.
//!
//! The project folder itself is watched without its sub-folders, so a folder
//! deleted and made again (as some editors and `git checkout` do) is seen and
//! watched anew; the output (`public/`) and anything else beside the content
//! are never watched, so a build elsewhere does not start a rebuild here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::lang::Loc;
use crate::problem::{Code, Problem};
use crate::resources::FOLDERS;

use super::rebuild::Wake;

/// The folders of the project that a build reads.
const WATCHED: [&str; 4] = ["content", FOLDERS[0], FOLDERS[1], FOLDERS[2]];

/// The project's watcher.
pub(crate) struct Watcher {
    root: PathBuf,
    inner: RecommendedWatcher,
    /// Folders watched with their sub-folders, relative to the root.
    folders: BTreeSet<String>,
    /// The logo's folder, when outside those.
    extra: Option<PathBuf>,
}

fn problem(path: &Path, detail: impl ToString) -> Problem {
    Problem::error(
        Code::ServeWatch,
        Loc::file(Arc::from(Path::new("canllaw.toml"))),
    )
    .arg("path", path.display())
    .arg("detail", detail.to_string())
}

impl Watcher {
    /// Watches the project in `root`, sending the changed paths to `wake`.
    ///
    /// # Errors
    /// When the project folder cannot be watched.
    pub fn new(root: &Path, wake: Sender<Wake>) -> Result<Watcher, Problem> {
        let handler = move |result: notify::Result<notify::Event>| {
            // Reading a file is an event too (inotify's IN_OPEN): a build
            // reads every file, and must not start another.
            if let Ok(event) = result
                && !matches!(event.kind, EventKind::Access(_))
            {
                let _ = wake.send(Wake::Files(event.paths));
            }
        };
        let mut inner = notify::recommended_watcher(handler).map_err(|e| problem(root, e))?;
        inner
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| problem(root, e))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            inner,
            folders: BTreeSet::new(),
            extra: None,
        };
        watcher.refresh(&[]);
        Ok(watcher)
    }

    /// Watches the folders that exist, and watches again any folder among
    /// `changed` (it may have been deleted and made anew, which ends a
    /// watch without a word).
    pub fn refresh(&mut self, changed: &[PathBuf]) {
        for folder in WATCHED {
            let path = self.root.join(folder);
            let touched = changed.contains(&path);
            let watched = self.folders.contains(folder);
            if watched && (touched || !path.is_dir()) {
                let _ = self.inner.unwatch(&path);
                self.folders.remove(folder);
            }
            if path.is_dir() && !self.folders.contains(folder) {
                // A folder that cannot be watched yet (being made) is tried
                // again at the next change.
                if self.inner.watch(&path, RecursiveMode::Recursive).is_ok() {
                    self.folders.insert(folder.to_string());
                }
            }
        }
    }

    /// Also watches the folder of the logo at `logo` (relative to the
    /// project), when it lies outside the watched ones.
    pub fn follow(&mut self, logo: Option<&str>) {
        let parent = logo
            .map(|l| self.root.join(l))
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .filter(|p| {
                *p != self.root && !WATCHED.iter().any(|f| p.starts_with(self.root.join(f)))
            });
        if parent == self.extra {
            return;
        }
        if let Some(old) = self.extra.take() {
            let _ = self.inner.unwatch(&old);
        }
        if let Some(new) = parent
            && self.inner.watch(&new, RecursiveMode::NonRecursive).is_ok()
        {
            self.extra = Some(new);
        }
    }

    /// Whether a change to `path` concerns the build, and whether it
    /// concerns the interface strings, templates or theme.
    pub fn classify(&self, path: &Path, logo: Option<&str>) -> (bool, bool) {
        let Ok(relative) = path.strip_prefix(&self.root) else {
            return (false, false);
        };
        let first = relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let resources = FOLDERS.contains(&first.as_str());
        let relevant = resources
            || first == "content"
            || relative == Path::new("canllaw.toml")
            || logo.is_some_and(|l| relative == Path::new(l));
        (relevant, resources)
    }
}
