//! How fast canllaw builds a site of any size, beside Hugo and mdBook: a
//! report, not a timed test.
//!
//! ```sh
//! cargo bench --bench site                       # the whole report
//! cargo bench --bench site -- --sizes 100,1000   # fewer sizes
//! cargo bench --bench site -- synth 1000 DIR     # only write the packs
//! ```
//!
//! For each size N it writes a synthetic pack of N items (see `synth`), the
//! same content as two mdBook books and as a Hugo multilingual site (see
//! `others`), then reports:
//!
//! - each stage of canllaw's build, timed in this process: loading, the
//!   PDFs, the site (every page, both search indexes, the files written) and
//!   the search indexes alone;
//! - the whole `canllaw build` (site, search, PDFs, workbooks), and the site
//!   alone, each as a child process with its peak memory (`wait4`);
//! - Hugo (`hugo`, Debian's package) and mdBook (the `mdbook-driver`
//!   library, the two books built side by side as two processes), run
//!   alternately with canllaw in the same rounds so that a busy machine
//!   slows all of them alike.
//!
//! Then the shipped pack's complete build, a template PDF's time, and how
//! long `canllaw serve` takes to show an edited file.
//!
//! Options: `--sizes A,B,…` (default 100,1000,2000,4000,5000), `--rounds R`
//! (alternating rounds per size, default 3), `--work DIR` (where the packs
//! and outputs go, default `target/canllaw-bench`), `--serve N` (the pack
//! size for the preview's edit, default 1000; 0 skips it), `--no-mdbook-above N`
//! (skip mdBook for larger packs), `--no-hugo`.

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

/// The shipped pack, the model for the synthetic ones.
fn model() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Settings {
    sizes: Vec<usize>,
    rounds: usize,
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
                        .map(|n| n.trim().parse().expect("a size"))
                        .collect();
                }
                "--rounds" => s.rounds = value().parse().expect("a number of rounds"),
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
        Some("__load") => {
            for _ in 0..5 {
                let (_, took) = timed(|| build::open(Path::new(&args[1])).expect("loads"));
                eprintln!("load {}", ms(took));
            }
        }
        Some("__profile") => {
            let project = build::open(Path::new(&args[1])).expect("loads");
            let sizes = site::PdfSizes::new();
            {
                use canllaw::lang::Lang;
                use canllaw::markdown;
                let mut texts: Vec<&str> = Vec::new();
                for lang in Lang::ALL {
                    for p in &project.pack.principles { texts.push(p.body.get(lang)); }
                    for e in &project.pack.examples {
                        texts.push(e.more_helpful.get(lang));
                        texts.push(e.commentary.get(lang));
                        if let Some(t) = &e.less_helpful { texts.push(t.get(lang)); }
                    }
                    for x in &project.pack.exercises { texts.push(x.background.get(lang)); }
                    for p in &project.pack.pages { texts.push(p.body.get(lang)); }
                }
                let bytes: usize = texts.iter().map(|t| t.len()).sum();
                let cx = markdown::Context { lang: Lang::Cy, links: markdown::Links::Pages { root: "../../" }, id_prefix: "", heading_shift: 0, anchor_label: "x" };
                let (_, md) = timed(|| texts.iter().map(|t| markdown::render(t, &cx).len()).sum::<usize>());
                let (_, plain) = timed(|| texts.iter().map(|t| markdown::plain_text(t).len()).sum::<usize>());
                let (_, links) = timed(|| texts.iter().map(|t| markdown::links(t).len()).sum::<usize>());
                eprintln!("{} texts, {} KB: render {} plain {} links {} (one thread)", texts.len(), bytes / 1024, ms(md), ms(plain), ms(links));
            }
            for _ in 0..3 {
                let (renderer, made) = timed(|| {
                    Site::new(
                        &project.pack,
                        &project.resources,
                        project.strings.clone(),
                        &sizes,
                    )
                    .expect("site")
                });
                let (files, rendered) =
                    timed(|| renderer.render(&project.resources).expect("render"));
                let (_, search) = timed(|| renderer.search_indexes());
                let bytes: usize = files.iter().map(|f| f.1.len()).sum();
                let cpu = || {
                    // SAFETY: getrusage fills the struct.
                    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
                    unsafe { libc::getrusage(libc::RUSAGE_SELF, &raw mut u) };
                    u.ru_utime.tv_sec as f64 + u.ru_utime.tv_usec as f64 / 1e6
                };
                let before = cpu();
                let _ = renderer.render(&project.resources);
                let render_cpu = cpu() - before;
                eprintln!(
                    "new {} render {} (cpu {:.0} ms) search {} files {} bytes {}",
                    ms(made),
                    ms(rendered),
                    render_cpu * 1e3,
                    ms(search),
                    files.len(),
                    bytes
                );
            }
        }
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

/// One size's figures.
struct Figures {
    n: usize,
    pages: usize,
    pdfs: usize,
    load: Duration,
    pdf_stage: Duration,
    site_stage: Duration,
    search: Duration,
    full: Run,
    site: Run,
    hugo: Option<Run>,
    mdbook: Option<Run>,
    out_full: u64,
    out_site: u64,
    out_hugo: u64,
    out_mdbook: u64,
    hugo_pages: usize,
    mdbook_pages: usize,
}

/// Times `f` once, keeping what it returns.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed())
}

fn stages(
    project_dir: &Path,
    scratch: &Path,
) -> (usize, usize, Duration, Duration, Duration, Duration) {
    let (project, load) = timed(|| build::open(project_dir).expect("the pack loads"));
    clear(scratch);
    std::fs::create_dir_all(scratch).expect("a folder");
    let (pdfs, pdf_stage) =
        timed(|| pdf::write_all(&project.pack, &project.strings, scratch).expect("the PDFs"));
    let sizes = site::pdf_sizes(scratch);
    let (stats, site_stage) = timed(|| {
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
    (stats.pages, pdfs, load, pdf_stage, site_stage, search)
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
    let out = s.work.join("out");
    eprintln!("· {n} items: stages");
    let (pages, pdfs, load, pdf_stage, site_stage, search) = stages(&pack, &out);
    let hugo_on = s.hugo;
    let mdbook_on = n <= s.mdbook_max;
    let (mut full, mut site, mut hugo, mut mdbook) = (vec![], vec![], vec![], vec![]);
    let (mut out_full, mut out_site, mut out_hugo, mut out_mdbook) = (0, 0, 0, 0);
    let (mut hugo_pages, mut mdbook_pages) = (0, 0);
    for round in 0..s.rounds {
        eprintln!("· {n} items: round {}", round + 1);
        clear(&out);
        full.push(measure::run(vec![(
            canllaw_build(&pack, &out),
            "canllaw build".into(),
        )]));
        out_full = measure::output(&out).0;
        clear(&out);
        site.push(measure::run(vec![(
            self_command(&[&pack, &out], "__site"),
            "canllaw site".into(),
        )]));
        out_site = measure::output(&out).0;
        clear(&out);
        if hugo_on {
            let mut c = Command::new("hugo");
            c.arg("--quiet")
                .arg("--source")
                .arg(dir.join("hugo"))
                .arg("--destination")
                .arg(&out);
            hugo.push(measure::run(vec![(c, "hugo".into())]));
            (out_hugo, hugo_pages, _) = measure::output(&out);
            clear(&out);
        }
        if mdbook_on {
            let books: Vec<(Command, String)> = ["cy", "en"]
                .iter()
                .map(|lang| {
                    let book = dir.join("mdbook").join(lang);
                    clear(&book.join("book"));
                    (self_command(&[&book], "__mdbook"), format!("mdbook {lang}"))
                })
                .collect();
            mdbook.push(measure::run(books));
            let (cy, cy_pages, _) = measure::output(&dir.join("mdbook/cy/book"));
            let (en, en_pages, _) = measure::output(&dir.join("mdbook/en/book"));
            (out_mdbook, mdbook_pages) = (cy + en, cy_pages + en_pages);
        }
    }
    clear(&out);
    Figures {
        n,
        pages,
        pdfs,
        load,
        pdf_stage,
        site_stage,
        search,
        full: median(full),
        site: median(site),
        hugo: hugo_on.then(|| median(hugo)),
        mdbook: mdbook_on.then(|| median(mdbook)),
        out_full,
        out_site,
        out_hugo,
        out_mdbook,
        hugo_pages,
        mdbook_pages,
    }
}

fn per_second(count: usize, d: Duration) -> String {
    format!("{:.0}", count as f64 / d.as_secs_f64().max(1e-9))
}

fn bench(s: &Settings) {
    std::fs::create_dir_all(&s.work).expect("the work folder");
    let figures: Vec<Figures> = s.sizes.iter().map(|&n| measure_size(s, n)).collect();

    println!("\n### canllaw, stage by stage\n");
    println!(
        "| items | pages | PDFs | load | PDFs (per s) | site (pages per s) | search indexes | full build | peak memory | output |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for f in &figures {
        println!(
            "| {} | {} | {} | {} | {} ({}) | {} ({}) | {} | {} | {} | {} |",
            f.n,
            f.pages,
            f.pdfs,
            ms(f.load),
            ms(f.pdf_stage),
            per_second(f.pdfs, f.pdf_stage),
            ms(f.site_stage),
            per_second(f.pages, f.site_stage),
            ms(f.search),
            ms(f.full.wall),
            mb(f.full.peak),
            mb(f.out_full),
        );
    }

    println!("\n### The site beside Hugo and mdBook (load, every page, search; no PDFs)\n");
    println!(
        "| items | pages (canllaw / Hugo / mdBook) | canllaw | Hugo | mdBook | Hugo ÷ canllaw | mdBook ÷ canllaw | memory: canllaw / Hugo / mdBook | output: canllaw / Hugo / mdBook |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|---|---|");
    for f in &figures {
        let ratio = |r: &Option<Run>| {
            r.map_or("–".into(), |r| {
                format!("{:.1}×", r.wall.as_secs_f64() / f.site.wall.as_secs_f64())
            })
        };
        let time = |r: &Option<Run>| r.map_or("–".into(), |r| ms(r.wall));
        let memory = |r: &Option<Run>| r.map_or("–".into(), |r| mb(r.peak));
        println!(
            "| {} | {} / {} / {} | {} | {} | {} | {} | {} | {} / {} / {} | {} / {} / {} |",
            f.n,
            f.pages,
            f.hugo_pages,
            f.mdbook_pages,
            ms(f.site.wall),
            time(&f.hugo),
            time(&f.mdbook),
            ratio(&f.hugo),
            ratio(&f.mdbook),
            mb(f.site.peak),
            memory(&f.hugo),
            memory(&f.mdbook),
            mb(f.out_site),
            mb(f.out_hugo),
            mb(f.out_mdbook),
        );
    }

    println!("\n### Doubling the pack\n");
    println!("| from → to | site time × | full build time × |");
    println!("|---|---:|---:|");
    for a in &figures {
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

    println!("\n### The shipped pack and one template\n");
    let out = s.work.join("out");
    let shipped: Vec<Run> = (0..5)
        .map(|_| {
            clear(&out);
            measure::run(vec![(
                canllaw_build(&model(), &out),
                "canllaw build".into(),
            )])
        })
        .collect();
    let (bytes, html, pdfs) = measure::output(&out);
    clear(&out);
    let shipped = median(shipped);
    println!(
        "- the shipped pack, built completely ({html} pages, {pdfs} PDFs, {}): {} (median of 5), peak memory {}",
        mb(bytes),
        ms(shipped.wall),
        mb(shipped.peak)
    );
    let (mean, slowest) = template_pdf();
    println!(
        "- a fillable, tagged template PDF of the shipped pack, one core: {} on average, {} the slowest",
        ms(mean),
        ms(slowest)
    );
    if s.serve > 0 {
        let dir = s.work.join(format!("n{}", s.serve));
        prepare(s.serve, &dir);
        let project = dir.join("pack");
        let id = "principle-00000";
        let (served, rebuilt) = serve::edit_latency(&project, id, 7);
        let median_of = |mut v: Vec<Duration>| {
            v.sort();
            v.get(v.len() / 2).copied().unwrap_or_default()
        };
        let worst = served.iter().max().copied().unwrap_or_default();
        println!(
            "- `canllaw serve` at {} items: an edited principle served in {} (median of {}; slowest {}), of which the rebuild {}",
            s.serve,
            ms(median_of(served.clone())),
            served.len(),
            ms(worst),
            ms(median_of(rebuilt)),
        );
    }
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
