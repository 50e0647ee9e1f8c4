//! Every key the app stores data under on the device, and every URL query parameter it
//! reads or writes, in one place. A key here is a published format: changing one loses what
//! people stored, or breaks links they shared, so a key is never renamed, only superseded
//! (with a migration, for storage).
//!
//! `public/theme.js` applies the theme before the app loads and names [`THEME`] as a literal;
//! a native test (`tests/keys.rs`) checks that the two agree.

/// localStorage key of the library (bookmarks, notes, attended marks). The `v1` is the key's
/// generation: a format change that old app versions must not read would move to a new key
/// (and migrate from this one).
pub const LIBRARY: &str = "egov-companion/library/v1";

/// The start of the localStorage keys under which unreadable stored libraries are kept
/// aside (followed by the time in milliseconds).
pub const LIBRARY_UNREADABLE_PREFIX: &str = "egov-companion/library/unreadable-";

/// localStorage key of the chosen colour theme (`light` or `dark`; absent means the system
/// setting).
pub const THEME: &str = "egov-companion/theme";

/// localStorage key of the choice to show local times beside KST (`on`; absent or `off`
/// means off).
pub const LOCAL_TIMES: &str = "egov-companion/local-times";

/// IndexedDB database of the photos on notes: object store [`PHOTO_RECORDS`] holds each
/// photo's record (its photo list, one photo long, keyed by [`photo_record_key`]) and
/// [`PHOTO_FILES`] the JPEG bytes, keyed by their SHA-256. The database version
/// ([`PHOTO_DB_VERSION`]) is the schema's generation.
pub const PHOTO_DB: &str = "egov-companion-photos";

/// The schema generation of [`PHOTO_DB`].
pub const PHOTO_DB_VERSION: u32 = 1;

/// Object store of photo records in [`PHOTO_DB`].
pub const PHOTO_RECORDS: &str = "records";

/// Object store of JPEG bytes in [`PHOTO_DB`].
pub const PHOTO_FILES: &str = "jpegs";

/// BroadcastChannel on which a tab says its photos changed, so other tabs reload them.
pub const PHOTO_CHANNEL: &str = "egov-companion/photos";

/// The key of a photo's record in [`PHOTO_RECORDS`]: the item, a line break, the hash.
pub fn photo_record_key(item_id: &str, hash: &str) -> String {
    format!("{item_id}\n{hash}")
}

/// URL parameters of the search page (`/search?q=seoul&kind=session`).
pub mod search {
    /// The typed query.
    pub const TEXT: &str = "q";
    /// The kind filter (a kind's slug).
    pub const KIND: &str = "kind";
    /// The topic filter.
    pub const TOPIC: &str = "topic";
    /// The country filter (a country's id).
    pub const COUNTRY: &str = "country";
    /// The organisation filter (an organisation's id).
    pub const ORGANISATION: &str = "organisation";
    /// The edition filter (an edition's id).
    pub const EDITION: &str = "edition";
}

/// URL parameters of a share link (`/shared?v=20261127&i=…`).
pub mod share {
    /// The items' codes, run together.
    pub const ITEMS: &str = "i";
    /// The content version the link was made with, `YYYYMMDD`.
    pub const CONTENT_VERSION: &str = "v";
}

/// URL parameter of a kind's list page (`/case-studies?sort=newest`): the order chosen.
pub const LIST_ORDER: &str = "sort";
