//! Time and size of every template PDF, in every edition: a report, not a
//! timed test. Run with `cargo bench --bench pdf [-- PROJECT]`; the project
//! defaults to the repository itself, falling back to the small test pack.
//! Set `CANLLAW_PDF_OUT=DIR` to keep the PDFs for looking at.

use std::path::{Path, PathBuf};
use std::time::Instant;

use canllaw::build;
use canllaw::pdf::{Edition, file_name, form_pdf};

fn main() {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let root = arg.map_or_else(|| PathBuf::from("."), PathBuf::from);
    let project = build::open(&root)
        .or_else(|_| build::open(Path::new("tests/packs/small")))
        .unwrap_or_else(|problems| panic!("no project loads: {problems:?}"));
    let out = std::env::var_os("CANLLAW_PDF_OUT").map(PathBuf::from);

    // The first PDF pays for parsing the fonts and the hyphenation patterns.
    let warm = Instant::now();
    if let Some(form) = project.pack.forms.first() {
        form_pdf(&project.pack, &project.strings, form, Edition::Cy, None).expect("a PDF");
    }
    println!(
        "first PDF (fonts and patterns loaded): {:.1} ms",
        warm.elapsed().as_secs_f64() * 1e3
    );

    println!("{:<32} {:>6} {:>9} {:>9}", "form", "lang", "ms", "KB");
    let (mut total_ms, mut total_kb, mut count) = (0.0, 0.0, 0);
    for form in &project.pack.forms {
        for edition in Edition::ALL {
            const RUNS: u32 = 5;
            let started = Instant::now();
            let mut bytes = Vec::new();
            for _ in 0..RUNS {
                bytes =
                    form_pdf(&project.pack, &project.strings, form, edition, None).expect("a PDF");
            }
            let ms = started.elapsed().as_secs_f64() * 1e3 / f64::from(RUNS);
            let kb = bytes.len() as f64 / 1024.0;
            println!(
                "{:<32} {:>6} {:>9.1} {:>9.1}",
                form.id,
                edition.file_suffix(),
                ms,
                kb
            );
            total_ms += ms;
            total_kb += kb;
            count += 1;
            if let Some(out) = &out {
                let path = out.join(file_name(form, edition));
                std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
                std::fs::write(path, &bytes).expect("written");
            }
        }
    }
    if count > 0 {
        println!(
            "mean over {count} PDFs: {:.1} ms, {:.1} KB",
            total_ms / f64::from(count),
            total_kb / f64::from(count)
        );
    }
}
