//! How fast canllaw builds a site of any size, beside Hugo and mdBook: a
//! report, not a timed test.
//!
//! ```sh
//! cargo bench --bench site                         # the whole report
//! cargo bench --bench site -- --sizes 100,1000     # fewer sizes
//! cargo bench --bench site -- synth 1000 DIR       # only write the packs
//! cargo bench --bench site -- serve 1000           # only the preview's edit
//! ```
//!
//! For each size N it writes a synthetic pack of N items (see `synth`), the
//! same content as two mdBook books and as a Hugo multilingual site (see
//! `others`), then reports:
//!
//! - each stage of canllaw's build, timed in this process: loading, the
//!   PDFs, the site (every page, both search indexes, the files written)
//!   and the search indexes alone;
//! - the whole `canllaw build` (site, search, every PDF, the workbooks) and
//!   the site alone, each as a child process with its peak memory;
//! - Hugo (`hugo`, Debian's package) and mdBook (the `mdbook-driver`
//!   library, the two books built side by side as two processes), run in
//!   turn with canllaw in each round, so that a busy machine slows all of
//!   them alike.
//!
//! Then the shipped pack's complete build, a template PDF, and how long
//! `canllaw serve` takes to show an edited file.
//!
//! Every tool writes into a folder of its own in each round, and the
//! outputs of a round are removed before a pause that starts the next: ext4
//! makes files slowly where many were just deleted, which would otherwise
//! charge one tool for the one before it.
//!
//! Options: `--sizes A,B,…` (default 100,1000,2000,4000,5000), `--rounds R`
//! (default 3), `--pause S` (seconds between rounds, default 10), `--work
//! DIR` (default `target/canllaw-bench`), `--serve N` (the pack size for the
//! preview's edit, default 1000; 0 skips it), `--no-mdbook-above N`,
//! `--no-hugo`.

mod measure;
mod others;
mod serve;
mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use canllaw::build;
use canllaw::pdf::{self, Edition};
use canllaw::site::{self, Site};

use measure::{Run, clear, median};

/// The command line's allocator, so that the site built in a child of this
/// program is built as `canllaw build` would build it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The shipped pack, the model for the synthetic ones.
fn model() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Settings {
    sizes: Vec<usize>,
    rounds: usize,
    pause: Duration,
    work: PathBuf,
    serve: usize,
    mdbook_max: usize,
    hugo: bool,
}

impl Settings {
    fn parse(args: &[String]) -> Settings {
        let mut s = Settings {
            sizes: vec![100, 1000, 2000, 4000, 5000],
            rounds: 3,
            pause: Duration::from_secs(10),
            work: model().join("target/canllaw-bench"),
            serve: 1000,
            mdbook_max: usize::MAX,
            hugo: true,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = || args.next().cloned().unwrap_or_default();
            match arg.as_str() {
                "--sizes" => {
                    s.sizes = value()
                        .split(',')
                        .filter(|n| !n.trim().is_empty())
                        .map(|n| n.trim().parse().expect("a size"))
                        .collect();
                }
                "--rounds" => s.rounds = value().parse().expect("a number of rounds"),
                "--pause" => s.pause = Duration::from_secs(value().parse().expect("seconds")),
                "--work" => s.work = PathBuf::from(value()),
                "--serve" => s.serve = value().parse().expect("a pack size"),
                "--no-mdbook-above" => s.mdbook_max = value().parse().expect("a pack size"),
                "--no-hugo" => s.hugo = false,
                other => panic!("unknown option {other}"),
            }
        }
        s
    }
}

fn main() {
    // `cargo bench` passes `--bench`.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.first().map(String::as_str) {
        Some("synth") => {
            let n = args[1].parse().expect("a number of items");
            let dir = PathBuf::from(&args[2]);
            let mix = prepare(n, &dir);
            println!("{} items ({mix:?}) in {}", mix.items(), dir.display());
        }
        Some("serve") => {
            let n = args[1].parse().expect("a number of items");
            serve_report(&Settings::parse(&args[2..]), n);
        }
        // The child processes the report runs.
        Some("__site") => site_only(Path::new(&args[1]), Path::new(&args[2])),
        Some("__mdbook") => {
            let book = mdbook_driver::MDBook::load(&args[1]).expect("the book loads");
            book.build().expect("the book builds");
        }
        _ => bench(&Settings::parse(&args)),
    }
}

/// Writes the pack of `n` items into `dir/pack`, the books into
/// `dir/mdbook` and the Hugo site into `dir/hugo`, unless already there.
fn prepare(n: usize, dir: &Path) -> synth::Mix {
    let pack = dir.join("pack");
    let done = dir.join(".complete");
    if !done.exists() {
        clear(dir);
        synth::write_pack(n, &pack, &model());
        let project = build::open(&pack)
            .unwrap_or_else(|problems| panic!("the synthetic pack loads: {problems:#?}"));
        others::write_mdbook(&project, &dir.join("mdbook"));
        others::write_hugo(&project, &dir.join("hugo"));
        std::fs::write(&done, "").expect("a marker");
    }
    synth::Mix::of(n)
}

/// `canllaw build` without the PDFs: the site and its search indexes, as
/// the comparison with Hugo and mdBook needs.
fn site_only(project: &Path, out: &Path) {
    let project = build::open(project).unwrap_or_else(|p| panic!("{p:?}"));
    std::fs::create_dir_all(out).expect("the output folder");
    site::build(
        &project.pack,
        &project.resources,
        project.strings.clone(),
        out,
    )
    .unwrap_or_else(|p| panic!("{p:?}"));
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1e3)
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// Canllaw's stages, timed in this process.
struct Stages {
    pages: usize,
    pdfs: usize,
    load: Duration,
    pdf: Duration,
    site: Duration,
    search: Duration,
}

/// One size's figures.
struct Figures {
    n: usize,
    stages: Stages,
    full: Run,
    site: Run,
    hugo: Option<Run>,
    mdbook: Option<Run>,
    /// Bytes written by each: full build, site, Hugo, mdBook.
    out: [u64; 4],
    /// HTML pages written by Hugo and mdBook.
    pages: [usize; 2],
}

/// Times `f` once, keeping what it returns.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed())
}

fn stages(project_dir: &Path, scratch: &Path) -> Stages {
    let (project, load) = timed(|| build::open(project_dir).expect("the pack loads"));
    clear(scratch);
    std::fs::create_dir_all(scratch).expect("a folder");
    let (pdfs, pdf) =
        timed(|| pdf::write_all(&project.pack, &project.strings, scratch).expect("the PDFs"));
    let sizes = site::pdf_sizes(scratch);
    let (stats, site) = timed(|| {
        site::build_with_pdf_sizes(
            &project.pack,
            &project.resources,
            project.strings.clone(),
            &sizes,
            scratch,
        )
        .expect("the site")
    });
    let renderer = Site::new(
        &project.pack,
        &project.resources,
        project.strings.clone(),
        &sizes,
    )
    .expect("the renderer");
    let (_, search) = timed(|| renderer.search_indexes());
    clear(scratch);
    Stages {
        pages: stats.pages,
        pdfs,
        load,
        pdf,
        site,
        search,
    }
}

fn canllaw_build(project: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_canllaw"));
    c.arg("build")
        .arg("--project")
        .arg(project)
        .arg("--out")
        .arg(out);
    c
}

fn self_command(args: &[&Path], mode: &str) -> Command {
    let mut c = Command::new(std::env::current_exe().expect("this program"));
    c.arg(mode).args(args);
    c
}

fn measure_size(s: &Settings, n: usize) -> Figures {
    let dir = s.work.join(format!("n{n}"));
    eprintln!("· {n} items: writing the packs");
    prepare(n, &dir);
    let pack = dir.join("pack");
    let outs = s.work.join("out");
    let books = ["cy", "en"].map(|lang| dir.join("mdbook").join(lang));
    let clear_all = || {
        clear(&outs);
        for book in &books {
            clear(&book.join("book"));
        }
    };
    eprintln!("· {n} items: stages");
    let stages = stages(&pack, &outs.join("stages"));
    let mdbook_on = n <= s.mdbook_max;
    let (mut full, mut site, mut hugo, mut mdbook) = (vec![], vec![], vec![], vec![]);
    let mut out = [0; 4];
    let mut pages = [0; 2];
    for round in 0..s.rounds {
        clear_all();
        std::thread::sleep(s.pause);
        eprintln!("· {n} items: round {}", round + 1);
        let target = outs.join("full");
        full.push(measure::run(vec![(
            canllaw_build(&pack, &target),
            "canllaw build".into(),
        )]));
        out[0] = measure::output(&target).0;
        let target = outs.join("site");
        site.push(measure::run(vec![(
            self_command(&[&pack, &target], "__site"),
            "canllaw site".into(),
        )]));
        out[1] = measure::output(&target).0;
        if s.hugo {
            let target = outs.join("hugo");
            let mut c = Command::new("hugo");
            c.arg("--quiet")
                .arg("--source")
                .arg(dir.join("hugo"))
                .arg("--destination")
                .arg(&target);
            hugo.push(measure::run(vec![(c, "hugo".into())]));
            (out[2], pages[0], _) = measure::output(&target);
        }
        if mdbook_on {
            let both = books
                .iter()
                .map(|book| (self_command(&[book], "__mdbook"), "mdbook".to_string()))
                .collect();
            mdbook.push(measure::run(both));
            let made = [&books[0], &books[1]].map(|book| measure::output(&book.join("book")));
            (out[3], pages[1]) = (made[0].0 + made[1].0, made[0].1 + made[1].1);
        }
    }
    clear_all();
    Figures {
        n,
        stages,
        full: median(full),
        site: median(site),
        hugo: s.hugo.then(|| median(hugo)),
        mdbook: mdbook_on.then(|| median(mdbook)),
        out,
        pages,
    }
}

fn per_second(count: usize, d: Duration) -> String {
    format!("{:.0}", count as f64 / d.as_secs_f64().max(1e-9))
}

fn bench(s: &Settings) {
    std::fs::create_dir_all(&s.work).expect("the work folder");
    let figures: Vec<Figures> = s.sizes.iter().map(|&n| measure_size(s, n)).collect();

    if !figures.is_empty() {
        report_sizes(&figures);
    }

    println!("\n### The shipped pack, a template PDF, the preview\n");
    let target = s.work.join("out/shipped");
    let shipped: Vec<Run> = (0..5)
        .map(|_| {
            clear(&target);
            measure::run(vec![(
                canllaw_build(&model(), &target),
                "canllaw build".into(),
            )])
        })
        .collect();
    let (bytes, html, pdfs) = measure::output(&target);
    clear(&target);
    let shipped = median(shipped);
    println!(
        "- the shipped pack built completely ({html} pages, {pdfs} PDFs, {}): {} (median of 5; CPU {}), peak memory {}",
        mb(bytes),
        ms(shipped.wall),
        ms(shipped.cpu),
        mb(shipped.peak)
    );
    let (mean, slowest) = template_pdf();
    println!(
        "- a fillable, tagged template PDF of the shipped pack, on one core: {} on average, {} the slowest",
        ms(mean),
        ms(slowest)
    );
    if s.serve > 0 {
        serve_report(s, s.serve);
    }
}

/// The tables for the synthetic packs.
fn report_sizes(figures: &[Figures]) {
    println!("\n### canllaw, stage by stage\n");
    println!(
        "| items | pages | PDFs | load | PDFs (per second) | site (pages per second) | search indexes | full build | its CPU time | peak memory | output |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for f in figures {
        let st = &f.stages;
        println!(
            "| {} | {} | {} | {} | {} ({}) | {} ({}) | {} | {} | {} | {} | {} |",
            f.n,
            st.pages,
            st.pdfs,
            ms(st.load),
            ms(st.pdf),
            per_second(st.pdfs, st.pdf),
            ms(st.site),
            per_second(st.pages, st.site),
            ms(st.search),
            ms(f.full.wall),
            ms(f.full.cpu),
            mb(f.full.peak),
            mb(f.out[0]),
        );
    }

    println!("\n### The site beside Hugo and mdBook (loading, every page, search; no PDFs)\n");
    println!(
        "| items | pages: canllaw / Hugo / mdBook | canllaw | Hugo | mdBook | Hugo ÷ canllaw | mdBook ÷ canllaw | CPU time: canllaw / Hugo / mdBook | peak memory: canllaw / Hugo / mdBook | output: canllaw / Hugo / mdBook |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|---|---|---|");
    for f in figures {
        let ratio = |r: &Option<Run>| {
            r.map_or("–".into(), |r| {
                format!("{:.1}×", r.wall.as_secs_f64() / f.site.wall.as_secs_f64())
            })
        };
        let time = |r: &Option<Run>, cpu: bool| {
            r.map_or("–".into(), |r| ms(if cpu { r.cpu } else { r.wall }))
        };
        let memory = |r: &Option<Run>| r.map_or("–".into(), |r| mb(r.peak));
        println!(
            "| {} | {} / {} / {} | {} | {} | {} | {} | {} | {} / {} / {} | {} / {} / {} | {} / {} / {} |",
            f.n,
            f.stages.pages,
            f.pages[0],
            f.pages[1],
            ms(f.site.wall),
            time(&f.hugo, false),
            time(&f.mdbook, false),
            ratio(&f.hugo),
            ratio(&f.mdbook),
            ms(f.site.cpu),
            time(&f.hugo, true),
            time(&f.mdbook, true),
            mb(f.site.peak),
            memory(&f.hugo),
            memory(&f.mdbook),
            mb(f.out[1]),
            mb(f.out[2]),
            mb(f.out[3]),
        );
    }

    println!("\n### Doubling the pack\n");
    println!("| items | site: time × | full build: time × |");
    println!("|---|---:|---:|");
    for a in figures {
        if let Some(b) = figures.iter().find(|b| b.n == a.n * 2) {
            println!(
                "| {} → {} | {:.2} | {:.2} |",
                a.n,
                b.n,
                b.site.wall.as_secs_f64() / a.site.wall.as_secs_f64(),
                b.full.wall.as_secs_f64() / a.full.wall.as_secs_f64()
            );
        }
    }
}

/// How long `canllaw serve` takes to show an edited principle, at `n` items.
fn serve_report(s: &Settings, n: usize) {
    let dir = s.work.join(format!("n{n}"));
    prepare(n, &dir);
    let project = dir.join("pack");
    let (served, builds) = serve::edit_latency(&project, "principle-00000", 7);
    let median_of = |mut v: Vec<Duration>| {
        v.sort();
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    let worst = served.iter().max().copied().unwrap_or_default();
    let first: Vec<Duration> = builds.iter().filter_map(|b| b.first().copied()).collect();
    let whole: Vec<Duration> = builds.iter().filter_map(|b| b.last().copied()).collect();
    println!(
        "- `canllaw serve` at {n} items: an edited principle shown in {} (median of {}; slowest {}); the build that showed it took {}, the whole build after it {}",
        ms(median_of(served.clone())),
        served.len(),
        ms(worst),
        ms(median_of(first)),
        ms(median_of(whole)),
    );
}

/// The mean and the slowest time of one template PDF of the shipped pack,
/// every form in every edition, on one core, after a first PDF has loaded
/// the fonts.
fn template_pdf() -> (Duration, Duration) {
    let project = build::open(&model()).expect("the shipped pack loads");
    let pack = &project.pack;
    if let Some(form) = pack.forms.first() {
        pdf::form_pdf(pack, &project.strings, form, Edition::Cy, None).expect("a PDF");
    }
    let mut times = Vec::new();
    for form in &pack.forms {
        for edition in Edition::ALL {
            const RUNS: u32 = 5;
            let started = Instant::now();
            for _ in 0..RUNS {
                pdf::form_pdf(pack, &project.strings, form, edition, None).expect("a PDF");
            }
            times.push(started.elapsed() / RUNS);
        }
    }
    let total: Duration = times.iter().sum();
    let mean = total / u32::try_from(times.len().max(1)).expect("few");
    (mean, times.into_iter().max().unwrap_or_default())
}
