//! Running a tool as a child process and reading its wall time and peak
//! memory, and measuring what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of a child cost.
#[derive(Clone, Copy, Debug, Default)]
pub struct Run {
    /// From spawning to the last child ending.
    pub wall: Duration,
    /// The peak resident memory, in bytes: for children run side by side,
    /// the sum of their peaks (they run at the same time).
    pub peak: u64,
    /// Processor time, user and system, of all of them.
    pub cpu: Duration,
}

/// Runs the commands side by side and waits for all of them.
///
/// Each runs under `/usr/bin/time`, which reads its peak resident set as it
/// ends. The bench cannot read it itself: a process started from this one
/// inherits this one's peak (Linux keeps the largest across `exec`), and this
/// one grows large while it times the stages.
pub fn run(commands: Vec<(Command, String)>) -> Run {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let started = Instant::now();
    let children: Vec<(Child, String, PathBuf)> = commands
        .into_iter()
        .enumerate()
        .map(|(i, (command, what))| {
            let report = scratch.path().join(format!("{i}.rss"));
            let child = Command::new("/usr/bin/time")
                .arg("--format=%M %U %S")
                .arg("--output")
                .arg(&report)
                .arg(command.get_program())
                .args(command.get_args())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("starting {what} under /usr/bin/time: {e}"));
            (child, what, report)
        })
        .collect();
    let (mut peak, mut cpu) = (0, 0.0);
    let mut outputs = Vec::new();
    for (child, what, report) in children {
        outputs.push((child.wait_with_output().expect("waiting"), what, report));
    }
    let wall = started.elapsed();
    for (out, what, report) in outputs {
        assert!(
            out.status.success(),
            "{what} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&report).expect("the peak memory");
        // GNU time: kilobytes, then user and system seconds.
        let figures: Vec<f64> = text
            .lines()
            .last()
            .unwrap_or_default()
            .split_whitespace()
            .map(|f| f.parse().expect("a number"))
            .collect();
        peak += figures[0] as u64 * 1024;
        cpu += figures[1] + figures[2];
    }
    Run {
        wall,
        peak,
        cpu: Duration::from_secs_f64(cpu),
    }
}

/// The total size of the files below `dir`, and how many end in `.html`
/// and in `.pdf`.
pub fn output(dir: &Path) -> (u64, usize, usize) {
    let (mut bytes, mut html, mut pdf) = (0, 0, 0);
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            bytes += entry.metadata().map_or(0, |m| m.len());
            let name = entry.file_name().to_string_lossy();
            html += usize::from(name.ends_with(".html"));
            pdf += usize::from(name.ends_with(".pdf"));
        }
    }
    (bytes, html, pdf)
}

/// The median of some runs (the lower middle one of an even count), by wall time.
pub fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.wall);
    runs.get((runs.len().max(1) - 1) / 2)
        .copied()
        .unwrap_or_default()
}

/// Removes `dir` if it is there.
pub fn clear(dir: &Path) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("an old output removed");
    }
}
