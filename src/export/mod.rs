//! Writing the content in formats other tools read.

pub mod mdbook;
