//! The pure core of e-Gov Companion: everything the app knows and decides that does not need
//! a browser. It never names a browser or UI crate; its `Cargo.toml` has none to name, so
//! the compiler keeps it that way. It builds and tests natively in seconds, and the
//! deploy-time index tool, the benchmarks and the fuzz targets use it without compiling
//! Leptos.
//!
//! - [`content`]: the knowledge-base model, strict parsing and validation into a
//!   [`content::Catalog`].
//! - [`search`]: the analyzer, the index and its file format, queries, ranking and snippets.
//! - [`library`]: bookmarks, notes and attended marks, their stored and exported formats,
//!   share codes, the trip report (also as `.docx`), photos on notes and the `.zip` backup,
//!   and the groupings pages show.
//! - [`archive`]: a small ZIP writer and reader (stored entries), for the `.zip` backup and
//!   the `.docx` report.
//! - [`fixtures`]: small valid catalogs for tests, benchmarks and fuzzing.
//! - [`hash`]: FNV-1a, for stored keys and the search engine's maps.
//! - [`json`]: a small JSON reader and writer for the content and the library's stored
//!   formats, so the app needs no serde code to start.
//! - [`keys`]: every storage key and URL parameter.
//! - [`charts`]: the geometry of the app's pictures; [`pictures`] writes them out as markup
//!   ([`markup`]: escaped HTML and SVG as text), which the app puts in place.
//! - [`sort`]: one small sort used everywhere, for the WebAssembly's size.
//! - [`sorted`]: a map and a set in one sorted vector, for the library, for the same reason.
//! - [`lowercase`]: Unicode's lower case from a small table, for the WebAssembly's size.

pub mod archive;
pub mod charts;
pub mod content;
pub mod fixtures;
pub mod hash;
pub mod item_text;
pub mod json;
pub mod keys;
pub mod library;
pub mod lowercase;
pub mod markup;
pub mod paths;
pub mod pictures;
pub mod search;
pub mod sort;
pub mod sorted;
