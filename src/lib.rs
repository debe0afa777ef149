//! canllaw turns guidance written as bilingual YAML into a Welsh/English
//! website, fillable PDF recording templates and a trainer's workbook.
//!
//! The data flows one way, and the modules are named for the stages:
//!
//! 1. [`load`] reads a project folder ([`config`] for `canllaw.toml`, [`yaml`]
//!    and [`decode`] for the content), and [`validate`] checks references
//!    across files; the result is the typed [`model::Pack`], holding both
//!    languages of every text ([`lang`]).
//! 2. Renderers read the pack: [`site`] writes the website (with [`markdown`],
//!    [`i18n`], [`collate`], [`search`] and the built-in [`resources`]);
//!    [`export`] writes other formats.
//! 3. [`output`] swaps a finished build into place, so a failed build never
//!    leaves a half-written folder.
//!
//! Every problem is a [`problem::Problem`] with a place and a code, told to
//! the user in Welsh or English.

pub mod build;
pub mod collate;
pub mod config;
pub mod decode;
pub mod export;
pub mod i18n;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod problem;
pub mod resources;
pub mod search;
pub mod site;
pub mod validate;
pub mod yaml;
