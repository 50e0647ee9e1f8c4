//! One component per route. Each page renders exactly one `h1` through `PageHeading`.

mod about;
mod home;
mod item;
mod list;
mod not_found;
mod report;
mod saved;
mod search;
mod shared;

pub use about::AboutPage;
pub use home::HomePage;
pub use item::ItemPage;
pub use list::KindListPage;
pub use not_found::NotFoundPage;
pub use report::ReportPage;
pub use saved::SavedPage;
pub use search::{SearchPage, SEARCH_BOX_ID};
pub use shared::SharedPage;
