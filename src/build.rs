//! `canllaw build`: load, validate, render, and swap the result into place.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::i18n::Strings;
use crate::load;
use crate::model::Pack;
use crate::output::{self, Staging};
use crate::pdf;
use crate::problem::Problem;
use crate::resources::Resources;
use crate::site;

/// What a successful build did.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    /// HTML pages written.
    pub pages: usize,
    /// PDFs written.
    pub pdfs: usize,
    /// Wall time.
    pub elapsed: Duration,
}

/// A project loaded with everything its renderers need.
pub struct Project {
    /// The content.
    pub pack: Pack,
    /// Built-in and project resources.
    pub resources: Resources,
    /// Interface strings.
    pub strings: Arc<Strings>,
}

/// Loads the project in `root`: content, resources, interface strings.
///
/// # Errors
/// Every problem found, in reading order.
pub fn open(root: &Path) -> Result<Project, Vec<Problem>> {
    let mut problems = Vec::new();
    let resources = Resources::load(root, &mut problems);
    let strings = Strings::load(&resources, &mut problems);
    let pack = load::load(root);
    match (pack, strings) {
        (Ok(pack), Some(strings)) if problems.is_empty() => Ok(Project {
            pack,
            resources,
            strings: Arc::new(strings),
        }),
        (pack, _) => {
            if let Err(found) = pack {
                problems.extend(found);
            }
            crate::problem::sort(&mut problems);
            Err(problems)
        }
    }
}

/// Builds the project in `root` into `out`. On any problem nothing is
/// written and the previous output stays as it was.
///
/// # Errors
/// Every problem found.
pub fn build(root: &Path, out: &Path) -> Result<Report, Vec<Problem>> {
    let started = Instant::now();
    let target = output::check_target(out, root).map_err(|p| vec![p])?;
    let project = open(root)?;
    let staging = Staging::new(&target).map_err(|p| vec![p])?;
    // PDFs first: the form pages show each download's size.
    let pdfs = pdf::write_all(&project.pack, &project.strings, staging.path())?
        + pdf::write_workbooks(&project.pack, &project.strings, staging.path())?;
    let sizes = site::pdf_sizes(staging.path());
    let stats = site::build_with_pdf_sizes(
        &project.pack,
        &project.resources,
        project.strings.clone(),
        &sizes,
        staging.path(),
    )?;
    staging.commit().map_err(|p| vec![p])?;
    Ok(Report {
        pages: stats.pages,
        pdfs,
        elapsed: started.elapsed(),
    })
}
