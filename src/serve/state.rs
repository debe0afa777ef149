//! What the builder and the server share: the output folder, its lock, and
//! the status the reload script asks about.

use std::collections::{BTreeSet, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::lang::Lang;
use crate::problem::{Messages, Problem};

/// How many builds back a page may be and still be told exactly whether it
/// changed; an older page simply reloads.
const HISTORY: usize = 64;

/// How many problems a notice lists; the terminal has them all.
const NOTICE_PROBLEMS: usize = 30;

/// The notice shown on open pages while a change does not build, in one
/// language.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Notice {
    /// The heading.
    pub title: String,
    /// What is happening and what to do.
    pub body: String,
    /// Each problem as the terminal tells it.
    pub problems: Vec<String>,
}

impl Notice {
    /// The notice for `problems` in both languages.
    pub fn both(problems: &[Problem]) -> [Notice; 2] {
        Lang::ALL.map(|lang| {
            let messages = Messages::new(lang);
            let mut lines: Vec<String> = problems
                .iter()
                .take(NOTICE_PROBLEMS)
                .map(|p| messages.render(p))
                .collect();
            if problems.len() > NOTICE_PROBLEMS {
                lines.push("…".to_string());
            }
            Notice {
                title: messages.text("serve-notice-title", &[]),
                body: messages.text("serve-notice-body", &[]),
                problems: lines,
            }
        })
    }
}

/// The state of the preview, as the reload script sees it.
#[derive(Debug)]
pub(crate) struct Status {
    /// Changes whenever anything below does, so a waiting request knows to
    /// answer.
    pub seq: u64,
    /// Counts the builds that changed the site; 0 until the first.
    pub version: u64,
    /// The files each recent build changed, oldest first.
    pub history: VecDeque<(u64, BTreeSet<String>)>,
    /// The path the site is served under: `/`, or the path of `base_url`.
    pub base: String,
    /// The problems of the last build, if it failed.
    pub notice: Option<[Notice; 2]>,
}

impl Status {
    /// Whether a page served at `version` as `page` (its path in the site)
    /// should reload: it changed, or the theme it uses (styles, scripts,
    /// the logo) or its language's whole contents (a large site's
    /// `LANG/toc.js`) did, or it is too old to tell. A new search index or
    /// PDF needs no reload: pages fetch those when asked.
    pub fn should_reload(&self, version: u64, page: &str) -> bool {
        if version == self.version {
            return false;
        }
        // A page from before the first good build, or from a future one.
        if version == 0 || version > self.version {
            return true;
        }
        let oldest = self.history.front().map_or(u64::MAX, |(v, _)| *v);
        if oldest > version + 1 {
            return true;
        }
        self.history
            .iter()
            .filter(|(v, _)| *v > version)
            .flat_map(|(_, files)| files)
            .any(|file| {
                file == page
                    || file.starts_with("theme/")
                    || file.strip_suffix("/toc.js").is_some_and(|lang| {
                        page.strip_prefix(lang).is_some_and(|p| p.starts_with('/'))
                    })
            })
    }
}

/// Everything the threads share.
pub(crate) struct Shared {
    /// The temporary folder the site is built into.
    pub out: PathBuf,
    /// Held to read a file while serving it, and to write while a build is
    /// written, so no page is served half-written.
    pub files: RwLock<()>,
    /// Tells a reload script which preview it talks to: a restarted preview
    /// reloads every page.
    pub session: String,
    status: Mutex<Status>,
    changed: Condvar,
    stop: AtomicBool,
}

impl Shared {
    /// The state of a preview writing into `out`.
    pub fn new(out: PathBuf) -> Shared {
        let session = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
            .to_string();
        Shared {
            out,
            files: RwLock::new(()),
            session,
            status: Mutex::new(Status {
                seq: 0,
                version: 0,
                history: VecDeque::new(),
                base: "/".to_string(),
                notice: None,
            }),
            changed: Condvar::new(),
            stop: AtomicBool::new(false),
        }
    }

    /// The status, locked.
    pub fn status(&self) -> MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Changes the status with `f` and wakes the waiting requests.
    pub fn update(&self, f: impl FnOnce(&mut Status)) {
        let mut status = self.status();
        f(&mut status);
        status.seq += 1;
        drop(status);
        self.changed.notify_all();
    }

    /// Records a build that changed `files` (paths in the site).
    pub fn built(&self, files: BTreeSet<String>, base: String) {
        self.update(|s| {
            s.notice = None;
            s.base = base;
            if !files.is_empty() {
                s.version += 1;
                s.history.push_back((s.version, files));
                if s.history.len() > HISTORY {
                    s.history.pop_front();
                }
            }
        });
    }

    /// Records a build that failed with `problems`.
    pub fn failed(&self, problems: &[Problem]) {
        let notice = Notice::both(problems);
        self.update(|s| s.notice = Some(notice));
    }

    /// Waits up to `timeout` for the status to move past `seq`.
    pub fn wait(&self, seq: u64, timeout: std::time::Duration) -> MutexGuard<'_, Status> {
        let deadline = std::time::Instant::now() + timeout;
        let mut status = self.status();
        // In short slices, so a stopping preview is not kept waiting.
        while status.seq == seq && !self.stopping() {
            let now = std::time::Instant::now();
            if now >= deadline {
                break;
            }
            let slice = (deadline - now).min(std::time::Duration::from_millis(200));
            status = self
                .changed
                .wait_timeout(status, slice)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        status
    }

    /// Asks every thread to end.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        self.changed.notify_all();
    }

    /// True once [`Shared::stop`] was called.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_reload_only_when_they_changed() {
        let shared = Shared::new(PathBuf::from("/nowhere"));
        shared.built(BTreeSet::from(["cy/index.html".to_string()]), "/".into());
        shared.built(
            BTreeSet::from([
                "cy/principles/a.html".to_string(),
                "en/principles/a.html".to_string(),
            ]),
            "/".into(),
        );
        let status = shared.status();
        assert_eq!(status.version, 2);
        assert!(!status.should_reload(2, "cy/index.html"));
        assert!(status.should_reload(1, "en/principles/a.html"));
        assert!(!status.should_reload(1, "cy/index.html"));
        assert!(status.should_reload(0, "cy/index.html"));
        drop(status);
        shared.built(
            BTreeSet::from(["cy/search-index.js".to_string()]),
            "/".into(),
        );
        assert!(!shared.status().should_reload(2, "cy/index.html"));
        shared.built(
            BTreeSet::from(["theme/canllaw.css".to_string()]),
            "/".into(),
        );
        assert!(shared.status().should_reload(3, "cy/index.html"));
    }
}
