//! e-Gov Companion: a phone-first companion to the Korea–BSEC ICT Cooperation Program.
//!
//! The app has three layers, and the boundary between them is the architecture:
//! - The pure core is its own crate, [`egov_core`]: [`content`] (the knowledge-base model,
//!   strict parsing and validation into a [`content::Catalog`]), [`library`] (bookmarks,
//!   notes, their stored format), [`search`], [`charts`] (picture geometry) and [`sort`].
//!   It has no browser dependency, so the compiler keeps it pure; it is re-exported here so
//!   the app names it `crate::content`, `crate::library`, … as before.
//! - [`web`] is the only code that talks to browser APIs: fetching content, the document
//!   title, focus, the base path the app is hosted under.
//! - [`ui`] holds the Leptos components and the router. It maps state to markup and events
//!   to calls, and holds no business rules.
//!
//! `main.rs` only mounts [`ui::App`].

pub use egov_core::{
    charts, content, item_text, keys, library, paths, pictures, search, sort, sorted,
};

pub mod ui;
pub mod web;
