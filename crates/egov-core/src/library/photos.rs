//! Photos in notes: a person's photos of slides, screens and posters, each tied to an item
//! and kept with a caption in the order they chose.
//!
//! A [`PhotoAlbum`] holds the photos' descriptions ([`PhotoMeta`]) and the rules: limits,
//! caption clean-up, order, move, delete and undo, and a merge that never adds a photo
//! twice. A photo is known by the SHA-256 of its JPEG bytes ([`sha256_hex`]), so the same
//! picture on one item is one photo, and its bytes are stored once however many items show
//! it. [`photos_manifest_json`] and [`parse_photos_manifest`] are the versioned list of
//! photos a `.zip` backup carries.
//!
//! What it is not: it never holds or decodes image bytes beyond hashing them and checking
//! that they start like a JPEG. Shrinking a photo (which also drops its metadata, location
//! included) and storing the bytes are the browser's job; callers pass the day in.

use std::collections::HashSet;

use crate::sorted::SortedSet;

use super::ImportError;
use crate::json::{self, push_each, push_string, JsonError, Reader};
use crate::sort::{sort_by, sort_by_key};

/// Longest caption, in characters (a sentence or two; a caption is not a note).
pub const CAPTION_MAX_CHARS: usize = 300;
/// Most photos on one item (a session's slides, not a whole camera roll).
pub const PHOTOS_PER_ITEM: usize = 30;
/// Most photos in a library, and in a backup (about 300 KB each after shrinking).
pub const MAX_PHOTOS: usize = 2_000;
/// Largest photo accepted, in bytes, after the device has shrunk it.
pub const PHOTO_MAX_BYTES: usize = 4 * 1024 * 1024;
/// Longest side of a photo after shrinking, in pixels: sharp on a page, small to store.
pub const PHOTO_LONG_SIDE: u32 = 1600;
/// The format of the photo list written today.
pub const PHOTOS_FORMAT: u32 = 1;

/// One photo on one item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PhotoMeta {
    /// Lowercase hex SHA-256 of the JPEG bytes: the photo's identity and storage key.
    pub hash: String,
    /// The item it belongs to.
    pub item_id: String,
    /// The caption, one line of at most [`CAPTION_MAX_CHARS`] characters (may be empty).
    pub caption: String,
    /// Its place among the item's photos, from 0.
    pub position: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Size of the JPEG, in bytes.
    pub bytes: u32,
    /// The day it was added (`YYYY-MM-DD`).
    pub added_on: String,
}

/// Why a photo was not added or changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// The bytes are not a JPEG.
    #[error("the file is not a JPEG photo")]
    NotAJpeg,
    /// Larger than [`PHOTO_MAX_BYTES`] after shrinking.
    #[error("the photo is {0} KB even after shrinking; the limit is {limit} KB", limit = PHOTO_MAX_BYTES / 1024)]
    TooLarge(usize),
    /// Width or height is 0 or past [`PHOTO_LONG_SIDE`].
    #[error("the photo is {0}×{1} pixels; it should be shrunk to at most {PHOTO_LONG_SIDE} first")]
    BadSize(u32, u32),
    /// The item already has [`PHOTOS_PER_ITEM`] photos, or the library [`MAX_PHOTOS`].
    #[error("there is no room for another photo (at most {PHOTOS_PER_ITEM} on an item and {MAX_PHOTOS} in all)")]
    Full,
    /// The item already has this very photo.
    #[error("this photo is already on this item")]
    AlreadyThere,
    /// No such photo on the item (deleted meanwhile, perhaps in another tab).
    #[error("this photo is no longer on this item")]
    NotFound,
    /// A caption over [`CAPTION_MAX_CHARS`].
    #[error("the caption is {0} characters; the limit is {CAPTION_MAX_CHARS}")]
    CaptionTooLong(usize),
}

/// Which way to move a photo among its item's photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One place earlier.
    Earlier,
    /// One place later.
    Later,
}

/// What merging photos did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhotoMergeReport {
    /// Photos added.
    pub added: usize,
    /// Photos the album already had on the same item (skipped).
    pub already_there: usize,
    /// Photos left out because an item or the album was full.
    pub left_out: usize,
}

/// Every photo a person keeps, with their order per item.
///
/// Invariants: one photo per (item, hash); each item's positions are 0, 1, 2, … in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoAlbum {
    /// Sorted by item id, then position.
    photos: Vec<PhotoMeta>,
}

impl PhotoAlbum {
    /// An album of `photos` as stored: a repeated (item, hash) is kept once, and each item's
    /// photos are renumbered in their stored order (ties keep the given order).
    pub fn new(photos: Vec<PhotoMeta>) -> PhotoAlbum {
        let mut seen = HashSet::new();
        let mut photos: Vec<PhotoMeta> = photos
            .into_iter()
            .filter(|p| seen.insert((p.item_id.clone(), p.hash.clone())))
            .collect();
        sort_by(&mut photos, &|a, b| {
            (a.item_id.as_str(), a.position).cmp(&(b.item_id.as_str(), b.position))
        });
        let mut album = PhotoAlbum { photos };
        album.renumber();
        album
    }

    /// Every photo, by item id and then position.
    pub fn photos(&self) -> &[PhotoMeta] {
        &self.photos
    }

    /// `item_id`'s photos, in order.
    pub fn of_item(&self, item_id: &str) -> &[PhotoMeta] {
        let start = self
            .photos
            .partition_point(|p| p.item_id.as_str() < item_id);
        let end = self
            .photos
            .partition_point(|p| p.item_id.as_str() <= item_id);
        &self.photos[start..end]
    }

    /// The photo `hash` on `item_id`, if there is one.
    pub fn get(&self, item_id: &str, hash: &str) -> Option<&PhotoMeta> {
        self.of_item(item_id).iter().find(|p| p.hash == hash)
    }

    /// Ids of the items with photos, sorted.
    pub fn item_ids(&self) -> SortedSet<&str> {
        self.photos.iter().map(|p| p.item_id.as_str()).collect()
    }

    /// True when some item still shows the photo `hash` (if not, its bytes can go).
    pub fn uses(&self, hash: &str) -> bool {
        self.photos.iter().any(|p| p.hash == hash)
    }

    /// Bytes the photos take, each stored picture counted once.
    pub fn total_bytes(&self) -> u64 {
        let mut seen = HashSet::new();
        self.photos
            .iter()
            .filter(|p| seen.insert(p.hash.as_str()))
            .map(|p| u64::from(p.bytes))
            .sum()
    }

    /// How many photos there are.
    pub fn len(&self) -> usize {
        self.photos.len()
    }

    /// True when there is no photo.
    pub fn is_empty(&self) -> bool {
        self.photos.is_empty()
    }

    /// Adds the (already shrunk) JPEG `jpeg` of `width`×`height` pixels as the last photo
    /// of `item_id`, with no caption, and returns its description (the bytes go to storage
    /// under its `hash`).
    pub fn add(
        &mut self,
        item_id: &str,
        jpeg: &[u8],
        width: u32,
        height: u32,
        today: &str,
    ) -> Result<PhotoMeta, PhotoError> {
        check_photo(jpeg, width, height)?;
        let hash = sha256_hex(jpeg);
        if self.get(item_id, &hash).is_some() {
            return Err(PhotoError::AlreadyThere);
        }
        if self.of_item(item_id).len() >= PHOTOS_PER_ITEM || self.photos.len() >= MAX_PHOTOS {
            return Err(PhotoError::Full);
        }
        let meta = PhotoMeta {
            hash,
            item_id: item_id.to_string(),
            caption: String::new(),
            position: self.of_item(item_id).len() as u32,
            width,
            height,
            // At most PHOTO_MAX_BYTES, checked above.
            bytes: jpeg.len() as u32,
            added_on: today.to_string(),
        };
        self.insert(meta.clone());
        Ok(meta)
    }

    /// Sets a photo's caption, cleaned by [`normalize_caption`]; refuses one over the limit.
    pub fn set_caption(
        &mut self,
        item_id: &str,
        hash: &str,
        caption: &str,
    ) -> Result<(), PhotoError> {
        let caption = normalize_caption(caption);
        let length = caption.chars().count();
        if length > CAPTION_MAX_CHARS {
            return Err(PhotoError::CaptionTooLong(length));
        }
        let at = self.index(item_id, hash).ok_or(PhotoError::NotFound)?;
        self.photos[at].caption = caption;
        Ok(())
    }

    /// Moves a photo one place earlier or later among its item's photos; returns false
    /// when it is already first (or last) or not there.
    pub fn move_photo(&mut self, item_id: &str, hash: &str, direction: Move) -> bool {
        let Some(at) = self.index(item_id, hash) else {
            return false;
        };
        let other = match direction {
            Move::Earlier => at.checked_sub(1),
            Move::Later => Some(at + 1),
        };
        let Some(other) =
            other.filter(|&o| self.photos.get(o).is_some_and(|p| p.item_id == item_id))
        else {
            return false;
        };
        self.photos.swap(at, other);
        self.renumber();
        true
    }

    /// Removes a photo and returns it (with its place), so that it can be put back (undo).
    /// Its bytes may go from storage when [`PhotoAlbum::uses`] says no item shows it.
    pub fn remove(&mut self, item_id: &str, hash: &str) -> Option<PhotoMeta> {
        let at = self.index(item_id, hash)?;
        let removed = self.photos.remove(at);
        self.renumber();
        Some(removed)
    }

    /// Puts back a removed photo in its old place among its item's photos. Does nothing
    /// when the item has it again meanwhile.
    pub fn restore(&mut self, photo: PhotoMeta) {
        if self.get(&photo.item_id, &photo.hash).is_none() {
            self.insert(photo);
        }
    }

    /// Adds every photo of `incoming` this album lacks, each after the item's own photos
    /// in the incoming order. A photo with the same hash on the same item is the same
    /// photo and is skipped; nothing is deleted or reordered. No item passes
    /// [`PHOTOS_PER_ITEM`] and the album does not pass [`MAX_PHOTOS`]; what would is counted.
    pub fn merge(&mut self, incoming: &[PhotoMeta]) -> PhotoMergeReport {
        let mut report = PhotoMergeReport::default();
        let mut ordered: Vec<&PhotoMeta> = incoming.iter().collect();
        sort_by_key(&mut ordered, |p| (p.item_id.as_str(), p.position));
        for photo in ordered {
            if self.get(&photo.item_id, &photo.hash).is_some() {
                report.already_there += 1;
                continue;
            }
            let count = self.of_item(&photo.item_id).len();
            if count >= PHOTOS_PER_ITEM || self.photos.len() >= MAX_PHOTOS {
                report.left_out += 1;
                continue;
            }
            self.insert(PhotoMeta {
                position: count as u32,
                ..photo.clone()
            });
            report.added += 1;
        }
        report
    }

    /// How many photos of `incoming` a merge would add, for an import preview.
    pub fn count_new(&self, incoming: &[PhotoMeta]) -> usize {
        self.clone().merge(incoming).added
    }

    fn index(&self, item_id: &str, hash: &str) -> Option<usize> {
        let start = self
            .photos
            .partition_point(|p| p.item_id.as_str() < item_id);
        self.of_item(item_id)
            .iter()
            .position(|p| p.hash == hash)
            .map(|i| start + i)
    }

    /// Inserts `photo` at its position among its item's photos (clamped to the end).
    fn insert(&mut self, photo: PhotoMeta) {
        let start = self
            .photos
            .partition_point(|p| p.item_id.as_str() < photo.item_id.as_str());
        let count = self.of_item(&photo.item_id).len();
        let at = start + (photo.position as usize).min(count);
        self.photos.insert(at, photo);
        self.renumber();
    }

    /// Numbers each item's photos 0, 1, 2, … in their order.
    fn renumber(&mut self) {
        let mut position = 0;
        for i in 0..self.photos.len() {
            if i > 0 && self.photos[i - 1].item_id != self.photos[i].item_id {
                position = 0;
            }
            self.photos[i].position = position;
            position += 1;
        }
    }
}

/// A caption as kept: every run of spaces, tabs and line breaks becomes one space, other
/// control characters go, and the ends are trimmed.
pub fn normalize_caption(text: &str) -> String {
    text.split(char::is_whitespace)
        .filter(|word| !word.is_empty())
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `bytes` start like a JPEG (the SOI marker, then another marker).
pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// Checks a shrunk photo's bytes and size against the limits.
fn check_photo(jpeg: &[u8], width: u32, height: u32) -> Result<(), PhotoError> {
    if !is_jpeg(jpeg) {
        return Err(PhotoError::NotAJpeg);
    }
    if jpeg.len() > PHOTO_MAX_BYTES {
        return Err(PhotoError::TooLarge(jpeg.len() / 1024));
    }
    if width == 0 || height == 0 || width.max(height) > PHOTO_LONG_SIDE {
        return Err(PhotoError::BadSize(width, height));
    }
    Ok(())
}

impl PhotoMeta {
    /// Every field of a photo's description, in the order they are written.
    const FIELDS: &'static [&'static str] = &[
        "hash", "item_id", "caption", "position", "width", "height", "bytes", "added_on",
    ];

    fn read(r: &mut Reader) -> Result<Self, JsonError> {
        let mut photo = PhotoMeta::default();
        let mut fields = r.object(Self::FIELDS)?;
        while let Some(field) = fields.next(r)? {
            match field {
                "hash" => r.string_into(&mut photo.hash)?,
                "item_id" => r.string_into(&mut photo.item_id)?,
                "caption" => r.string_into(&mut photo.caption)?,
                "position" => photo.position = r.u32()?,
                "width" => photo.width = r.u32()?,
                "height" => photo.height = r.u32()?,
                "bytes" => photo.bytes = r.u32()?,
                "added_on" => r.string_into(&mut photo.added_on)?,
                _ => r.skip()?,
            }
        }
        for name in Self::FIELDS {
            fields.require(r, name)?;
        }
        Ok(photo)
    }

    fn write(&self, out: &mut String) {
        out.push_str("{\"hash\":");
        push_string(out, &self.hash);
        out.push_str(",\"item_id\":");
        push_string(out, &self.item_id);
        out.push_str(",\"caption\":");
        push_string(out, &self.caption);
        let PhotoMeta {
            position,
            width,
            height,
            bytes,
            ..
        } = self;
        out.push_str(&format!(
            ",\"position\":{position},\"width\":{width},\"height\":{height},\"bytes\":{bytes},\"added_on\":"
        ));
        push_string(out, &self.added_on);
        out.push('}');
    }
}

/// The photo list of a backup, as read: the frame first, each photo's text checked after.
#[derive(Default)]
struct ManifestIn<'a> {
    app: String,
    kind: String,
    format: u32,
    photos: Vec<&'a str>,
}

impl<'a> ManifestIn<'a> {
    fn read(r: &mut Reader<'a>) -> Result<Self, JsonError> {
        let mut manifest = ManifestIn::default();
        let mut fields = r.object(&["app", "kind", "format", "photos"])?;
        while let Some(field) = fields.next(r)? {
            match field {
                "app" => r.string_into(&mut manifest.app)?,
                "kind" => r.string_into(&mut manifest.kind)?,
                "format" => manifest.format = r.u32()?,
                "photos" => manifest.photos = r.list(Reader::raw)?,
                _ => r.skip()?,
            }
        }
        for name in ["app", "kind", "format", "photos"] {
            fields.require(r, name)?;
        }
        Ok(manifest)
    }
}

/// The app name a backup's photo list carries (as the library backup does).
const MANIFEST_APP: &str = "e-Gov Companion";
/// The kind a backup's photo list carries.
const MANIFEST_KIND: &str = "photos";

/// The photo list a `.zip` backup carries (`photos.json`): versioned, with every photo's
/// description (the bytes travel as files beside it).
pub fn photos_manifest_json(photos: &[PhotoMeta]) -> String {
    let mut out = format!(
        "{{\"app\":\"{MANIFEST_APP}\",\"kind\":\"{MANIFEST_KIND}\",\"format\":{PHOTOS_FORMAT},\"photos\":["
    );
    push_each(&mut out, photos, |out, photo| photo.write(out));
    out.push_str("]}");
    out
}

/// Reads a backup's photo list (or one stored photo's record), checking its frame, format
/// and every photo against the limits; a list that breaks one is refused whole, saying why.
/// Each photo keeps the position written for it.
pub fn parse_photos_manifest(text: &str) -> Result<Vec<PhotoMeta>, ImportError> {
    let damaged = |why: String| ImportError::Damaged(format!("its photo list {why}"));
    let cannot_read = |e: JsonError| damaged(format!("cannot be read ({e})"));
    let outer = json::read_whole(text, ManifestIn::read).map_err(cannot_read)?;
    if outer.app != MANIFEST_APP || outer.kind != MANIFEST_KIND {
        return Err(damaged("is not one this app writes".into()));
    }
    if outer.format > PHOTOS_FORMAT {
        return Err(ImportError::NewerFormat(outer.format));
    }
    if outer.photos.len() > MAX_PHOTOS {
        return Err(damaged(format!("holds more than {MAX_PHOTOS} photos")));
    }
    let photos = outer
        .photos
        .iter()
        .map(|photo| json::read_whole(photo, PhotoMeta::read))
        .collect::<Result<Vec<_>, _>>()
        .map_err(cannot_read)?;
    let mut seen = HashSet::new();
    for photo in &photos {
        if let Some(problem) = breaks_rules(photo) {
            return Err(damaged(problem));
        }
        if !seen.insert((photo.item_id.as_str(), photo.hash.as_str())) {
            return Err(damaged(format!(
                "lists one photo twice on “{}”",
                short(&photo.item_id)
            )));
        }
    }
    let mut per_item: Vec<&str> = photos.iter().map(|p| p.item_id.as_str()).collect();
    sort_by(&mut per_item, &|a, b| a.cmp(b));
    if let Some(crowded) = per_item
        .windows(PHOTOS_PER_ITEM + 1)
        .find(|run| run[0] == run[PHOTOS_PER_ITEM])
    {
        return Err(damaged(format!(
            "puts more than {PHOTOS_PER_ITEM} photos on “{}”",
            short(crowded[0])
        )));
    }
    // Positions as written: the app stores each photo as a list of its own, so renumbering
    // here would put every stored photo first. The album orders them (`PhotoAlbum::new`).
    Ok(photos)
}

/// What is wrong with one listed photo, if anything.
fn breaks_rules(photo: &PhotoMeta) -> Option<String> {
    let id = &photo.item_id;
    let is_hash = photo.hash.len() == 64
        && photo
            .hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let is_day = photo.added_on.len() == 10
        && photo.added_on.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if id.is_empty() || id.len() > 200 || id.chars().any(char::is_control) {
        Some(format!("names “{}”, which is not an item id", short(id)))
    } else if !is_hash {
        Some(format!("has a photo on “{}” with no valid hash", short(id)))
    } else if photo.caption.chars().count() > CAPTION_MAX_CHARS
        || photo.caption != normalize_caption(&photo.caption)
    {
        Some(format!(
            "has a caption on “{}” that is too long or not one line",
            short(id)
        ))
    } else if photo.width == 0
        || photo.height == 0
        || photo.width.max(photo.height) > PHOTO_LONG_SIDE
        || photo.bytes == 0
        || photo.bytes as usize > PHOTO_MAX_BYTES
    {
        Some(format!(
            "has a photo on “{}” over the size limits",
            short(id)
        ))
    } else if !is_day {
        Some(format!("has a photo on “{}” with no valid date", short(id)))
    } else {
        None
    }
}

/// At most 40 characters of `text`, for a message.
fn short(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(40).collect()
}

/// SHA-256's round constants (FIPS 180-4, 4.2.2).
const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// The SHA-256 digest of `bytes` (FIPS 180-4). Written here, not taken from a crate: it is
/// sixty lines and the core keeps its dependencies few.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut state: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        compress(&mut state, block);
    }
    // The rest, the 1 bit, zeros, and the length in bits: one or two more blocks.
    let rest = blocks.remainder();
    let mut tail = [0u8; 128];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    let end = if rest.len() < 56 { 64 } else { 128 };
    tail[end - 8..end].copy_from_slice(&((bytes.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in tail[..end].chunks_exact(64) {
        compress(&mut state, block);
    }
    let mut digest = [0u8; 32];
    for (out, word) in digest.chunks_exact_mut(4).zip(state) {
        out.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

/// One 64-byte block into the state.
fn compress(state: &mut [u32; 8], block: &[u8]) {
    let mut w = [0u32; 64];
    for (i, word) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16]
            .wrapping_add(s0)
            .wrapping_add(w[i - 7])
            .wrapping_add(s1);
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let choice = (e & f) ^ (!e & g);
        let t1 = h
            .wrapping_add(s1)
            .wrapping_add(choice)
            .wrapping_add(K[i])
            .wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let majority = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(majority);
        (h, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(v);
    }
}

/// The SHA-256 of `bytes` as 64 lowercase hex digits: a photo's [`PhotoMeta::hash`].
pub fn sha256_hex(bytes: &[u8]) -> String {
    sha256(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_fips_180_examples() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            sha256_hex(b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        );
        assert_eq!(
            sha256_hex(&vec![b'a'; 1_000_000]),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        // Lengths around the padding boundary (55, 56, 64 bytes).
        assert_eq!(
            sha256_hex(&[b'a'; 55]),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"
        );
        assert_eq!(
            sha256_hex(&[b'a'; 56]),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"
        );
        assert_eq!(
            sha256_hex(&[b'a'; 64]),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        );
    }

    #[test]
    fn a_caption_becomes_one_clean_line() {
        assert_eq!(
            normalize_caption("  Slide 3:\r\n the\tnew\u{0}  portal  "),
            "Slide 3: the new portal"
        );
        assert_eq!(normalize_caption(" \n "), "");
    }
}
