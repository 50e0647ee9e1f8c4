//! ZIP archives, the small part the app needs: writing stored (uncompressed) entries, and
//! reading back archives written that way. Both the `.zip` backup and the Word report
//! (`.docx` is a ZIP package) are made with [`ZipWriter`]; [`read_zip`] reads a backup back.
//!
//! What it is not: a general ZIP library. It never compresses (photos are JPEG already, and
//! an inflater would add tens of KB to the WebAssembly), so an entry another program
//! compressed is refused with a message saying so; there is no zip64 (no archive past 4 GB
//! or 65,535 entries), no encryption, no multi-disk archives. Names are UTF-8 (flag bit 11),
//! and every entry carries the one timestamp the caller passes in, so the same input always
//! gives the same bytes. Pure: bytes in, bytes out.

use std::collections::HashSet;

/// The most entries a plain (non-zip64) archive holds.
pub const MAX_ENTRIES: usize = 0xFFFF;

/// Why an archive could not be written or read. The messages are for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    /// No ZIP end record: another kind of file.
    #[error("the file is not a .zip archive")]
    NotAZip,
    /// The end record or an entry points past the end of the file.
    #[error("the .zip file is cut short (was the download interrupted?)")]
    Truncated,
    /// An entry is compressed; the app reads only what it wrote itself.
    #[error(
        "“{0}” in the .zip was compressed by another program; import the .zip exactly as the app made it"
    )]
    Compressed(String),
    /// An entry is password-protected.
    #[error("“{0}” in the .zip is password-protected, so the app cannot read it")]
    Encrypted(String),
    /// An entry's bytes do not match its checksum.
    #[error("“{0}” in the .zip is damaged (its checksum does not match)")]
    CrcMismatch(String),
    /// The entries add up to more than the caller's limit, in bytes.
    #[error("the .zip holds more than {} MB, the most the app reads", .0 / (1024 * 1024))]
    TooLarge(usize),
    /// An archive past 4 GB or 65,535 entries (zip64), or split over several files.
    #[error("the .zip is too big or in a form the app does not read (zip64 or split)")]
    Unsupported,
    /// An absolute name, one with `..`, or a name that is not UTF-8 text.
    #[error("“{0}” in the .zip is not a safe file name")]
    UnsafeName(String),
    /// Two entries with one name.
    #[error("the .zip holds “{0}” twice")]
    Duplicate(String),
}

/// The date and time every entry of an archive is stamped with, in MS-DOS form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DosTime {
    date: u16,
    time: u16,
}

impl DosTime {
    /// The UTC time `ms` (milliseconds since 1970), to two seconds; times before 1980 (the
    /// earliest DOS date) and after 2107 are clamped.
    pub fn from_millis(ms: u64) -> DosTime {
        let seconds = ms / 1000;
        let (year, month, day) = crate::content::civil_from_days((seconds / 86_400) as i64);
        if year < 1980 {
            return DosTime {
                date: 1 << 5 | 1,
                time: 0,
            };
        }
        let year = year.min(2107) as u16 - 1980;
        let in_day = seconds % 86_400;
        DosTime {
            date: year << 9 | (month as u16) << 5 | day as u16,
            time: ((in_day / 3600) as u16) << 11
                | ((in_day / 60 % 60) as u16) << 5
                | (in_day % 60 / 2) as u16,
        }
    }
}

/// The CRC-32 table (IEEE, reflected), computed by the compiler.
const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

/// The CRC-32 (as ZIP, PNG and gzip use it) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8)
    })
}

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_RECORD: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
/// Version 2.0: what stored entries need.
const VERSION: u16 = 20;
/// General-purpose flag bit 11: the name is UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

/// Writes an archive of stored entries, in the order they are added.
#[derive(Debug)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    names: HashSet<String>,
    time: DosTime,
}

impl ZipWriter {
    /// An empty archive whose entries are all stamped `time`.
    pub fn new(time: DosTime) -> ZipWriter {
        ZipWriter {
            out: Vec::new(),
            central: Vec::new(),
            names: HashSet::new(),
            time,
        }
    }

    /// Adds a file named `name` (a relative path with `/` separators) holding `bytes`.
    /// Refuses an unsafe or repeated name, and what would pass 4 GB or 65,535 entries.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), ZipError> {
        check_name(name)?;
        if self.names.len() >= MAX_ENTRIES {
            return Err(ZipError::Unsupported);
        }
        let offset = u32::try_from(self.out.len()).map_err(|_| ZipError::Unsupported)?;
        let size = u32::try_from(bytes.len()).map_err(|_| ZipError::Unsupported)?;
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::UnsafeName(short(name)))?;
        // The end of the file data and the central directory must stay below 4 GB too.
        let after = self.out.len() + 30 + name.len() + bytes.len();
        if after + self.central.len() + 46 + name.len() + 22 > u32::MAX as usize {
            return Err(ZipError::Unsupported);
        }
        if !self.names.insert(name.to_string()) {
            return Err(ZipError::Duplicate(short(name)));
        }
        let crc = crc32(bytes);
        // Fields shared by the local and the central header, from "version needed" to the
        // extra field's length.
        let mut common = Vec::with_capacity(26);
        for half in [VERSION, UTF8_NAMES, 0, self.time.time, self.time.date] {
            common.extend_from_slice(&half.to_le_bytes());
        }
        for word in [crc, size, size] {
            common.extend_from_slice(&word.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());

        self.out.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(bytes);

        self.central
            .extend_from_slice(&CENTRAL_HEADER.to_le_bytes());
        self.central.extend_from_slice(&VERSION.to_le_bytes()); // made by
        self.central.extend_from_slice(&common);
        // Comment length, disk number, internal and external attributes, local offset.
        for half in [0u16, 0, 0] {
            self.central.extend_from_slice(&half.to_le_bytes());
        }
        self.central.extend_from_slice(&0u32.to_le_bytes());
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The finished archive: the entries, the central directory and the end record.
    pub fn finish(mut self) -> Vec<u8> {
        // `add` keeps every count and offset within the end record's fields.
        let count = self.names.len() as u16;
        let central_offset = self.out.len() as u32;
        let central_size = self.central.len() as u32;
        self.out.append(&mut self.central);
        self.out.extend_from_slice(&END_RECORD.to_le_bytes());
        for half in [0u16, 0, count, count] {
            self.out.extend_from_slice(&half.to_le_bytes());
        }
        self.out.extend_from_slice(&central_size.to_le_bytes());
        self.out.extend_from_slice(&central_offset.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes()); // comment length
        self.out
    }
}

/// A file read from an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipEntry {
    /// Its name (a relative path with `/` separators).
    pub name: String,
    /// Its bytes, checked against the stored CRC-32.
    pub bytes: Vec<u8>,
}

/// Reads every file of an archive of stored entries, in central-directory order, checking
/// names, checksums and that the files add up to at most `max_bytes`. Folder entries
/// (names ending in `/`) are skipped.
pub fn read_zip(data: &[u8], max_bytes: usize) -> Result<Vec<ZipEntry>, ZipError> {
    let end = find_end_record(data)?;
    let at = |offset: usize, len: usize| -> Result<&[u8], ZipError> {
        data.get(offset..offset.checked_add(len).ok_or(ZipError::Truncated)?)
            .ok_or(ZipError::Truncated)
    };
    let record = at(end, 22)?;
    let (disk, cd_disk) = (u16_at(record, 4), u16_at(record, 6));
    let (count_here, count) = (u16_at(record, 8), u16_at(record, 10));
    let cd_offset = u32_at(record, 16);
    if disk != 0 || cd_disk != 0 || count_here != count {
        return Err(ZipError::Unsupported);
    }
    // A zip64 archive keeps its real counts in a record announced just before this one.
    let zip64 = end >= 20 && u32_at(data, end - 20) == ZIP64_LOCATOR;
    if zip64 || cd_offset == u32::MAX {
        return Err(ZipError::Unsupported);
    }

    let mut entries = Vec::new();
    let mut names = HashSet::new();
    let mut total = 0usize;
    let mut cursor = cd_offset as usize;
    for _ in 0..count {
        let header = at(cursor, 46)?;
        if u32_at(header, 0) != CENTRAL_HEADER {
            return Err(ZipError::Truncated);
        }
        let flags = u16_at(header, 8);
        let method = u16_at(header, 10);
        let crc = u32_at(header, 16);
        let (packed, size) = (u32_at(header, 20) as usize, u32_at(header, 24) as usize);
        let name_len = u16_at(header, 28) as usize;
        let skip = name_len + u16_at(header, 30) as usize + u16_at(header, 32) as usize;
        let local = u32_at(header, 42) as usize;
        let raw_name = at(cursor + 46, name_len)?;
        cursor = cursor.saturating_add(46 + skip);

        let name = std::str::from_utf8(raw_name)
            .map_err(|_| ZipError::UnsafeName(String::from_utf8_lossy(raw_name).into()))?;
        if flags & 1 != 0 {
            return Err(ZipError::Encrypted(short(name)));
        }
        if method != 0 {
            return Err(ZipError::Compressed(short(name)));
        }
        if name.ends_with('/') && size == 0 {
            continue;
        }
        check_name(name)?;
        if !names.insert(name.to_string()) {
            return Err(ZipError::Duplicate(short(name)));
        }
        if packed != size || size == 0xFFFF_FFFF {
            return Err(ZipError::Unsupported);
        }
        total = total.saturating_add(size);
        if total > max_bytes {
            return Err(ZipError::TooLarge(max_bytes));
        }
        let local_header = at(local, 30)?;
        if u32_at(local_header, 0) != LOCAL_HEADER {
            return Err(ZipError::Truncated);
        }
        let start = (local + 30)
            .saturating_add(u16_at(local_header, 26) as usize + u16_at(local_header, 28) as usize);
        let bytes = at(start, size)?;
        if crc32(bytes) != crc {
            return Err(ZipError::CrcMismatch(short(name)));
        }
        entries.push(ZipEntry {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        });
    }
    Ok(entries)
}

/// Where the end record starts: searched from the end, past a comment of up to 64 KB.
fn find_end_record(data: &[u8]) -> Result<usize, ZipError> {
    if data.len() < 22 {
        return Err(if data.starts_with(b"PK") {
            ZipError::Truncated
        } else {
            ZipError::NotAZip
        });
    }
    let last = data.len() - 22;
    let first = last.saturating_sub(0xFFFF);
    (first..=last)
        .rev()
        .find(|&i| u32_at(data, i) == END_RECORD)
        .ok_or(if data.starts_with(b"PK\x03\x04") {
            ZipError::Truncated
        } else {
            ZipError::NotAZip
        })
}

/// True when `bytes` start like a ZIP archive (an entry, or the end of an empty one).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Refuses names that could land outside the folder they are unpacked in.
fn check_name(name: &str) -> Result<(), ZipError> {
    let unsafe_name = name.is_empty()
        || name.starts_with(['/', '\\'])
        || name.contains('\\')
        || name.chars().any(char::is_control)
        || name.as_bytes().get(1) == Some(&b':')
        || name
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..");
    if unsafe_name {
        return Err(ZipError::UnsafeName(short(name)));
    }
    Ok(())
}

/// At most 60 characters of a name, without control characters, for a message.
fn short(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(60).collect()
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_the_standard_crc_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn stamps_the_dos_date_and_time() {
        // 2025-11-27 13:45:30 UTC.
        let time = DosTime::from_millis(1_764_251_130_000);
        assert_eq!(time.date, (45 << 9) | (11 << 5) | 27);
        assert_eq!(time.time, (13 << 11) | (45 << 5) | 15);
        assert_eq!(DosTime::from_millis(0).date, 33);
    }
}
