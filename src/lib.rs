//! e-Gov Companion: a phone-first companion to the Korea–BSEC ICT Cooperation Program.
//!
//! The crate has three layers, and the boundary between them is the architecture:
//! - [`content`] is the pure core: the knowledge-base model, strict parsing and validation
//!   into a [`content::Catalog`]. It never touches the browser and is tested natively.
//! - [`library`] (bookmarks, notes, their stored format), [`search`], [`charts`] (picture
//!   geometry) and [`sort`] are pure too.
//! - [`web`] is the only code that talks to browser APIs: fetching content, the document
//!   title, focus, the base path the app is hosted under.
//! - [`ui`] holds the Leptos components and the router. It maps state to markup and events
//!   to calls, and holds no business rules.
//!
//! `main.rs` only mounts [`ui::App`].

pub mod charts;
pub mod content;
pub mod library;
pub mod search;
pub mod sort;
pub mod ui;
pub mod web;
