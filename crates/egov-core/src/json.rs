//! A small JSON reader and writer of our own, for the content files and the library's stored
//! formats, so that the app reads and writes them without serde's generic code (the
//! content's and the library's types were its largest users in the WebAssembly every first
//! page waits for).
//!
//! The reader reads strict JSON (RFC 8259, as serde_json does) straight into our own
//! types: the caller asks for what it expects next (an object's fields, an array's
//! elements, a string, a number) and gets an error naming what it found instead. Objects of
//! a struct are read against their list of field names, so an unknown or repeated field is
//! an error, as serde's `deny_unknown_fields` made it. Errors say where (line and column),
//! and whether the text ended early, is not JSON, or is JSON of the wrong shape.
//!
//! The writer ([`push_string`]) writes strings escaped as serde_json escapes them, so what
//! the app stored before is written again byte for byte.
//!
//! It is not a general JSON library: no value tree, numbers only as our formats use them
//! (unsigned integers and decimals). It never panics on input, and it reads nesting it does
//! not need (a value skipped or kept as text) without recursion, so no depth overflows the
//! stack (serde_json skips the same way).

use std::borrow::Cow;
use std::fmt;

/// What went wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What, in words: "unknown field `titel`, expected one of `id`, `title`".
    pub message: String,
    /// Which sort of problem.
    pub category: Category,
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem in that line, in bytes from 1.
    pub column: usize,
}

/// The sort of problem a [`JsonError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// The text ends before the value does (a file cut short).
    Eof,
    /// The text is not JSON.
    Syntax,
    /// JSON, but not of the shape asked for.
    Data,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// The whole of `text` read by `read`: one value, nothing after it but spacing.
pub fn read_whole<'a, T>(
    text: &'a str,
    read: impl FnOnce(&mut Reader<'a>) -> Result<T, JsonError>,
) -> Result<T, JsonError> {
    let mut reader = Reader::new(text);
    let value = read(&mut reader)?;
    reader.spacing();
    if reader.at < text.len() {
        return Err(reader.error(Category::Syntax, "trailing characters"));
    }
    Ok(value)
}

/// A place in a JSON text; each method reads the next value (after any spacing).
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader { text, at: 0 }
    }

    /// An error at the reader's place.
    pub fn error(&self, category: Category, message: impl Into<String>) -> JsonError {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        JsonError {
            message: message.into(),
            category,
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: self.at - line_start + 1,
        }
    }

    fn spacing(&mut self) {
        let bytes = self.text.as_bytes();
        while matches!(bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The next byte after spacing, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.spacing();
        self.text.as_bytes().get(self.at).copied()
    }

    fn eof(&self) -> JsonError {
        self.error(Category::Eof, "EOF while parsing a value")
    }

    /// The error for a value that is not `expected`: its type when it is JSON, else the
    /// syntax error or the early end.
    fn not_a(&mut self, expected: &str) -> JsonError {
        let found = match self.peek() {
            None => return self.eof(),
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => "a number",
            Some(_) => return self.error(Category::Syntax, "expected a value"),
        };
        self.error(
            Category::Data,
            format!("invalid type: {found}, expected {expected}"),
        )
    }

    /// Consumes `byte` if it comes next (after spacing).
    fn take(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        if next {
            self.at += 1;
        }
        next
    }

    /// An object whose fields are among `names`; read them with [`Fields::next`].
    pub fn object(&mut self, names: &'static [&'static str]) -> Result<Fields, JsonError> {
        if !self.take(b'{') {
            return Err(self.not_a("an object"));
        }
        Ok(Fields {
            names,
            seen: 0,
            first: true,
        })
    }

    /// An object of any keys (a map); read them with [`Fields::next_key`].
    pub fn map(&mut self) -> Result<Fields, JsonError> {
        self.object(&[])
    }

    /// An array; read its elements while [`Elements::next`] says there is one.
    pub fn array(&mut self) -> Result<Elements, JsonError> {
        if !self.take(b'[') {
            return Err(self.not_a("an array"));
        }
        Ok(Elements { first: true })
    }

    /// `null`, consumed, or `false` with nothing consumed.
    pub fn null(&mut self) -> Result<bool, JsonError> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.literal("null")?;
        Ok(true)
    }

    /// `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool, JsonError> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.not_a("a boolean")),
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), JsonError> {
        let rest = &self.text.as_bytes()[self.at..];
        let common = rest
            .iter()
            .zip(word.as_bytes())
            .take_while(|(a, b)| a == b)
            .count();
        self.at += common;
        if common == word.len() {
            Ok(())
        } else if self.at == self.text.len() {
            Err(self.eof())
        } else {
            Err(self.error(Category::Syntax, "expected a value"))
        }
    }

    /// A string, its escapes decoded.
    pub fn string(&mut self) -> Result<String, JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.not_a("a string"));
        }
        let mut out = String::new();
        self.string_body(Some(&mut out))?;
        Ok(out)
    }

    /// An object's key: a string (borrowed from the text when it has no escapes, as keys
    /// almost never do), or a syntax error.
    fn key(&mut self) -> Result<Cow<'a, str>, JsonError> {
        match self.peek() {
            Some(b'"') => {
                let start = self.at + 1;
                let bytes = self.text.as_bytes();
                let end = bytes[start..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                    .map(|length| start + length);
                if let Some(end) = end.filter(|&end| bytes[end] == b'"') {
                    self.at = end + 1;
                    return Ok(Cow::Borrowed(&self.text[start..end]));
                }
                self.string().map(Cow::Owned)
            }
            Some(_) => Err(self.error(Category::Syntax, "key must be a string")),
            None => Err(self.eof()),
        }
    }

    /// The string at the reader (its opening quote next), decoded into `out` when given;
    /// skipped otherwise, its escapes checked only for their form, as serde_json skips.
    fn string_body(&mut self, mut out: Option<&mut String>) -> Result<(), JsonError> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        loop {
            let run = bytes[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(run) = run else {
                self.at = bytes.len();
                return Err(self.error(Category::Eof, "EOF while parsing a string"));
            };
            if let Some(out) = out.as_deref_mut() {
                // The run ends at an ASCII byte, so both ends are character boundaries.
                out.push_str(&self.text[self.at..self.at + run]);
            }
            self.at += run;
            match bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(());
                }
                b'\\' => {
                    self.at += 1;
                    let decoded = self.escape(out.is_some())?;
                    if let Some(out) = out.as_deref_mut() {
                        out.push(decoded);
                    }
                }
                _ => {
                    return Err(self.error(
                        Category::Syntax,
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
            }
        }
    }

    /// The character of the escape after a backslash; when not `decoding`, its form only
    /// is checked (a `\u` escape's four hex digits) and the character is not worked out.
    fn escape(&mut self, decoding: bool) -> Result<char, JsonError> {
        let Some(&byte) = self.text.as_bytes().get(self.at) else {
            return Err(self.error(Category::Eof, "EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if !decoding {
                    return Ok(char::REPLACEMENT_CHARACTER);
                }
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.lone_surrogate());
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.lone_surrogate());
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                return char::from_u32(code).ok_or_else(|| self.lone_surrogate());
            }
            _ => {
                self.at -= 1;
                return Err(self.error(Category::Syntax, "invalid escape"));
            }
        })
    }

    fn lone_surrogate(&self) -> JsonError {
        self.error(Category::Syntax, "lone surrogate in hex escape")
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(&byte) = self.text.as_bytes().get(self.at) else {
                return Err(self.error(Category::Eof, "EOF while parsing a string"));
            };
            let Some(digit) = char::from(byte).to_digit(16) else {
                return Err(self.error(Category::Syntax, "invalid escape"));
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// The value `read` reads, or `None` for `null`.
    pub fn optional<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Option<T>, JsonError> {
        if self.null()? {
            return Ok(None);
        }
        read(self).map(Some)
    }

    /// An array of the values `read` reads.
    pub fn list<T>(
        &mut self,
        read: fn(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Vec<T>, JsonError> {
        let mut elements = self.array()?;
        let mut values = Vec::new();
        while elements.next(self)? {
            values.push(read(self)?);
        }
        Ok(values)
    }

    /// An array of strings.
    pub fn strings(&mut self) -> Result<Vec<String>, JsonError> {
        self.list(Self::string)
    }

    /// A string, into `place`.
    pub fn string_into(&mut self, place: &mut String) -> Result<(), JsonError> {
        *place = self.string()?;
        Ok(())
    }

    /// A string or `null`, into `place`.
    pub fn optional_string_into(&mut self, place: &mut Option<String>) -> Result<(), JsonError> {
        *place = self.optional(Self::string)?;
        Ok(())
    }

    /// An array of strings, into `place`.
    pub fn strings_into(&mut self, place: &mut Vec<String>) -> Result<(), JsonError> {
        *place = self.strings()?;
        Ok(())
    }

    /// An array of the values `read` reads, into `place`.
    pub fn list_into<T>(
        &mut self,
        place: &mut Vec<T>,
        read: fn(&mut Self) -> Result<T, JsonError>,
    ) -> Result<(), JsonError> {
        *place = self.list(read)?;
        Ok(())
    }

    /// A number's text: `-`, digits, fraction, exponent, as JSON writes them.
    fn number_text(&mut self, expected: &str) -> Result<Number<'a>, JsonError> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.not_a(expected));
        }
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = start + usize::from(bytes[start] == b'-');
        let whole = digits(&mut at);
        let leading_zero = whole > 1 && bytes[at - whole] == b'0';
        let mut integer = true;
        let mut well_formed = whole > 0 && !leading_zero;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            integer = false;
            well_formed &= digits(&mut at) > 0;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            integer = false;
            well_formed &= digits(&mut at) > 0;
        }
        self.at = at;
        if !well_formed {
            return Err(if at == bytes.len() {
                self.eof()
            } else {
                self.error(Category::Syntax, "invalid number")
            });
        }
        Ok(Number {
            text: &self.text[start..at],
            integer,
        })
    }

    /// An unsigned integer no larger than `max`; `expected` names it in errors (`u16`).
    fn unsigned(&mut self, max: u64, expected: &str) -> Result<u64, JsonError> {
        let number = self.number_text(expected)?;
        if !number.integer {
            return Err(self.error(
                Category::Data,
                format!(
                    "invalid type: floating point `{}`, expected {expected}",
                    number.text
                ),
            ));
        }
        match number.text.parse::<u64>() {
            Ok(value) if value <= max => Ok(value),
            _ => Err(self.error(
                Category::Data,
                format!(
                    "invalid value: integer `{}`, expected {expected}",
                    number.text
                ),
            )),
        }
    }

    /// An integer from 0 to 65535.
    pub fn u16(&mut self) -> Result<u16, JsonError> {
        let value = self.unsigned(u16::MAX.into(), "u16")?;
        Ok(u16::try_from(value).unwrap_or(u16::MAX))
    }

    /// An integer from 0 to 2^32 − 1.
    pub fn u32(&mut self) -> Result<u32, JsonError> {
        let value = self.unsigned(u32::MAX.into(), "u32")?;
        Ok(u32::try_from(value).unwrap_or(u32::MAX))
    }

    /// An integer from 0 to 2^64 − 1.
    pub fn u64(&mut self) -> Result<u64, JsonError> {
        self.unsigned(u64::MAX, "u64")
    }

    /// A number as a float. Exact for the decimals content holds (up to 15 significant
    /// digits, exponents within ±22); others are within a few units in the last place, as
    /// serde_json's default reading is.
    pub fn float(&mut self) -> Result<f64, JsonError> {
        let number = self.number_text("a number")?;
        let (negative, text) = match number.text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, number.text),
        };
        let (mantissa_text, exponent) = match text.find(['e', 'E']) {
            Some(e) => {
                let exponent = &text[e + 1..];
                // An exponent too large for an i32 is as good as infinite.
                let beyond = if exponent.starts_with('-') {
                    i32::MIN
                } else {
                    i32::MAX
                };
                (&text[..e], exponent.parse::<i32>().unwrap_or(beyond))
            }
            None => (text, 0),
        };
        let mut mantissa: u64 = 0;
        let mut scale: i64 = i64::from(exponent);
        let mut after_point = false;
        for byte in mantissa_text.bytes() {
            if byte == b'.' {
                after_point = true;
                continue;
            }
            if mantissa < 1_000_000_000_000_000_000 {
                mantissa = mantissa * 10 + u64::from(byte - b'0');
                scale -= i64::from(after_point);
            } else {
                // Digits past the 19th only move the point.
                scale += i64::from(!after_point);
            }
        }
        // `mantissa` is at most 19 digits: exact when it is below 2^53.
        #[allow(clippy::cast_precision_loss)]
        let mut value = mantissa as f64;
        if mantissa != 0 {
            let power = 10f64.powi(scale.unsigned_abs().min(400) as i32);
            value = if scale < 0 {
                value / power
            } else {
                value * power
            };
        }
        if !value.is_finite() {
            return Err(self.error(Category::Data, "number out of range"));
        }
        Ok(if negative { -value } else { value })
    }

    /// Skips one value of any shape. Nesting is followed with a list of the open brackets,
    /// not by recursion, so no depth of nesting can overflow the stack.
    pub fn skip(&mut self) -> Result<(), JsonError> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                Some(b'{') => {
                    self.at += 1;
                    if !self.take(b'}') {
                        open.push(b'}');
                        self.field_start()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.at += 1;
                    if !self.take(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'"') => self.string_body(None)?,
                Some(b't' | b'f') => {
                    self.boolean()?;
                }
                Some(b'n') => self.literal("null")?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number_text("a number")?;
                }
                _ => return Err(self.not_a("a value")),
            }
            // A value has ended: close what it ended, up to the next value.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                if self.take(close) {
                    open.pop();
                    continue;
                }
                if !self.take(b',') {
                    return Err(self.expected_separator(close));
                }
                if close == b'}' {
                    self.field_start()?;
                }
                break;
            }
        }
    }

    /// A key and its colon, skipped.
    fn field_start(&mut self) -> Result<(), JsonError> {
        self.key()?;
        if !self.take(b':') {
            return Err(self.expected_separator(b':'));
        }
        Ok(())
    }

    /// How many elements an array, or members an object, holds (0 for any other value),
    /// skipping them.
    pub fn count_entries(&mut self) -> Result<usize, JsonError> {
        let mut count = 0;
        match self.peek() {
            Some(b'[') => {
                let mut elements = self.array()?;
                while elements.next(self)? {
                    self.skip()?;
                    count += 1;
                }
            }
            Some(b'{') => {
                let mut members = self.map()?;
                while members.next_key(self)?.is_some() {
                    self.skip()?;
                    count += 1;
                }
            }
            _ => self.skip()?,
        }
        Ok(count)
    }

    /// One value of any shape, as its text in the document.
    pub fn raw(&mut self) -> Result<&'a str, JsonError> {
        self.spacing();
        let start = self.at;
        self.skip()?;
        Ok(&self.text[start..self.at])
    }

    fn expected_separator(&mut self, close: u8) -> JsonError {
        if self.peek().is_none() {
            return self.eof();
        }
        let what = match close {
            b':' => "expected `:`",
            b']' => "expected `,` or `]`",
            _ => "expected `,` or `}`",
        };
        self.error(Category::Syntax, what)
    }
}

/// `text` as a JSON string, appended to `out`: quoted, with `"`, `\\` and control characters
/// escaped exactly as serde_json escapes them (short escapes where JSON has them, else
/// `\u00XX`); everything else as it is.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') {
        out.push_str(&rest[..at]);
        let byte = rest.as_bytes()[at];
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

/// Each of `items` written into `out` by `write`, separated by commas (an array's elements
/// or an object's members, between the brackets the caller writes).
pub fn push_each<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) {
    for (place, item) in items.into_iter().enumerate() {
        if place > 0 {
            out.push(',');
        }
        write(out, item);
    }
}

/// The object field that `error`, made reading `text`, is in: the last key of the innermost
/// object still open at the error's place, if that object is past the key's `:`
/// (`{"sources": "a"}` → `sources`; `{"a": [{"b": 1}, 2]}` at `2` → `a`); `None` at the top
/// level or between fields. Worked out from the text only when asked, so reading pays
/// nothing for it. The key is given as written (keys with escapes are not unescaped).
pub fn field_of<'t>(text: &'t str, error: &JsonError) -> Option<&'t str> {
    // The error's place as a byte offset: its line's start, then its column.
    let line_start = if error.line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(error.line - 2)?.0 + 1
    };
    let before = text.as_bytes().get(..line_start + error.column - 1)?;
    // For each open object or array, the key whose value is being read: an object's last
    // key once its `:` is read, until the next `,`; never one for an array.
    let mut open: Vec<Option<(usize, usize)>> = Vec::new();
    let (mut string_start, mut last_string) = (0, (0, 0));
    let (mut in_string, mut escaped) = (false, false);
    for (at, &byte) in before.iter().enumerate() {
        match byte {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' if in_string => {
                in_string = false;
                last_string = (string_start, at);
            }
            _ if in_string => {}
            b'"' => {
                in_string = true;
                string_start = at + 1;
            }
            b'{' | b'[' => open.push(None),
            b'}' | b']' => {
                open.pop();
            }
            b':' | b',' => {
                if let Some(top) = open.last_mut() {
                    *top = (byte == b':').then_some(last_string);
                }
            }
            _ => {}
        }
    }
    let (start, end) = open.iter().rev().find_map(|top| *top)?;
    text.get(start..end)
}

/// A number's text, and whether it is written as an integer.
struct Number<'a> {
    text: &'a str,
    integer: bool,
}

/// An object being read: its field names (at most 64), and which have been seen.
pub struct Fields {
    names: &'static [&'static str],
    seen: u64,
    first: bool,
}

impl Fields {
    /// The next field's name, whatever it is, with the reader at its value; or `None` at
    /// the end of the object.
    pub fn next_key<'a>(
        &mut self,
        reader: &mut Reader<'a>,
    ) -> Result<Option<Cow<'a, str>>, JsonError> {
        if reader.take(b'}') {
            return Ok(None);
        }
        if !self.first && !reader.take(b',') {
            return Err(reader.expected_separator(b'}'));
        }
        self.first = false;
        let key = reader.key()?;
        if !reader.take(b':') {
            return Err(reader.expected_separator(b':'));
        }
        Ok(Some(key))
    }

    /// The next field's name (one of the object's names), with the reader at its value; or
    /// `None` at the end of the object. An unknown or repeated field is an error.
    pub fn next(&mut self, reader: &mut Reader) -> Result<Option<&'static str>, JsonError> {
        let Some(key) = self.next_key(reader)? else {
            return Ok(None);
        };
        let Some(place) = self.names.iter().position(|name| *name == key) else {
            let known: Vec<String> = self.names.iter().map(|n| format!("`{n}`")).collect();
            return Err(reader.error(
                Category::Data,
                format!(
                    "unknown field `{key}`, expected one of {}",
                    known.join(", ")
                ),
            ));
        };
        let bit = 1u64 << (place % 64);
        if self.seen & bit != 0 {
            return Err(reader.error(Category::Data, format!("duplicate field `{key}`")));
        }
        self.seen |= bit;
        Ok(Some(self.names[place]))
    }

    /// An error if field `name` (one of the object's names) was not in the object.
    pub fn require(&self, reader: &Reader, name: &'static str) -> Result<(), JsonError> {
        match self.names.iter().position(|n| *n == name) {
            Some(place) if self.seen & (1u64 << (place % 64)) != 0 => Ok(()),
            _ => Err(reader.error(Category::Data, format!("missing field `{name}`"))),
        }
    }
}

/// An array being read.
pub struct Elements {
    first: bool,
}

impl Elements {
    /// Whether another element follows (the reader is then at it), or the array has ended.
    pub fn next(&mut self, reader: &mut Reader) -> Result<bool, JsonError> {
        if reader.take(b']') {
            return Ok(false);
        }
        if !self.first && !reader.take(b',') {
            return Err(reader.expected_separator(b']'));
        }
        self.first = false;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(text: &str) -> Result<(), JsonError> {
        read_whole(text, Reader::skip)
    }

    #[test]
    fn reads_strings_with_every_escape() {
        let text = r#""a\"b\\c\/d\b\f\n\r\t \u00e9 \ud83d\ude00 한국""#;
        let read = read_whole(text, Reader::string).expect("a string");
        assert_eq!(read, "a\"b\\c/d\u{8}\u{c}\n\r\t é 😀 한국");
    }

    #[test]
    fn refuses_broken_strings_as_serde_json_does() {
        for text in [
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\x""#,
            "\"a\u{1}\"",
            r#""\u12g4""#,
        ] {
            let error = read_whole(text, Reader::string).expect_err(text);
            assert_eq!(error.category, Category::Syntax, "{text}: {error}");
            assert!(serde_json::from_str::<String>(text).is_err(), "{text}");
        }
        for text in ["\"abc", "\"a\\", "\"\\u12"] {
            let error = read_whole(text, Reader::string).expect_err(text);
            assert_eq!(error.category, Category::Eof, "{text}: {error}");
        }
    }

    #[test]
    fn writes_strings_as_serde_json_does_and_reads_them_back() {
        let mut every_ascii: String = (0u8..128).map(char::from).collect();
        every_ascii.push_str(" é 😀 한국 \u{2028} \u{7f}");
        let mut written = String::new();
        push_string(&mut written, &every_ascii);
        assert_eq!(
            written,
            serde_json::to_string(&every_ascii).expect("a string")
        );
        assert_eq!(read_whole(&written, Reader::string), Ok(every_ascii));
    }

    #[test]
    fn reads_numbers_as_the_content_uses_them() {
        assert_eq!(read_whole("2017", Reader::u32), Ok(2017));
        let millis = read_whole("1764547200000", Reader::u64);
        assert_eq!(millis, Ok(1_764_547_200_000));
        assert_eq!(read_whole("0.742", Reader::float), Ok(0.742));
        assert_eq!(read_whole("-1.5e2", Reader::float), Ok(-150.0));
        assert_eq!(read_whole("7E-1", Reader::float), Ok(0.7));
        assert_eq!(read_whole("0", Reader::float), Ok(0.0));
        let too_big = read_whole("70000", Reader::u16);
        assert!(too_big
            .expect_err("u16")
            .message
            .contains("invalid value: integer `70000`"));
        let negative = read_whole("-1", Reader::u32);
        assert!(negative.expect_err("u32").message.contains("invalid value"));
        let fraction = read_whole("1.5", Reader::u32);
        assert!(fraction
            .expect_err("u32")
            .message
            .contains("floating point `1.5`"));
        assert!(read_whole("1e999", Reader::float).is_err());
    }

    #[test]
    fn floats_match_serde_json_on_the_decimals_content_writes() {
        for text in [
            "0.742", "0.6", "0.08", "1", "0.999", "12.34", "0.0001", "3.14159",
        ] {
            let ours = read_whole(text, Reader::float).expect(text);
            let theirs: f64 = serde_json::from_str(text).expect(text);
            assert_eq!(ours.to_bits(), theirs.to_bits(), "{text}");
        }
    }

    #[test]
    fn refuses_malformed_numbers() {
        for text in ["01", "1.", ".5", "-", "1e", "+1", "1.e3"] {
            assert!(skipped(text).is_err(), "{text}");
            assert!(
                serde_json::from_str::<serde::de::IgnoredAny>(text).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn objects_refuse_unknown_repeated_and_missing_fields() {
        const NAMES: &[&str] = &["id", "title"];
        let read = |text| {
            read_whole(text, |r| {
                let mut fields = r.object(NAMES)?;
                let mut id = String::new();
                while let Some(name) = fields.next(r)? {
                    match name {
                        "id" => id = r.string()?,
                        _ => r.skip()?,
                    }
                }
                fields.require(r, "id")?;
                Ok(id)
            })
        };
        assert_eq!(
            read(r#" { "id" : "a" , "title": [1, {"x": null}] } "#),
            Ok("a".into())
        );
        let unknown = read(r#"{"id": "a", "titel": 1}"#).expect_err("unknown");
        assert!(unknown
            .message
            .starts_with("unknown field `titel`, expected one of `id`"));
        assert_eq!(unknown.category, Category::Data);
        let repeated = read(r#"{"id": "a", "id": "b"}"#).expect_err("repeated");
        assert_eq!(repeated.message, "duplicate field `id`");
        let missing = read(r#"{"title": "a"}"#).expect_err("missing");
        assert_eq!(missing.message, "missing field `id`");
        let wrong = read(r#"["a"]"#).expect_err("not an object");
        assert_eq!(wrong.message, "invalid type: an array, expected an object");
    }

    #[test]
    fn an_error_is_placed_in_the_field_whose_value_it_is_in() {
        // The field is the innermost one whose value is being read, and the outer one
        // again once an inner object has ended.
        fn read(text: &str) -> Result<(), JsonError> {
            read_whole(text, |r| {
                let mut fields = r.object(&["id", "parts", "note"])?;
                while let Some(name) = fields.next(r)? {
                    match name {
                        "parts" => {
                            let mut parts = r.array()?;
                            while parts.next(r)? {
                                let mut part = r.object(&["n"])?;
                                while part.next(r)?.is_some() {
                                    r.u32()?;
                                }
                            }
                        }
                        _ => {
                            r.string()?;
                        }
                    }
                }
                Ok(())
            })
        }
        let field = |text| field_of(text, &read(text).expect_err(text));
        assert_eq!(field(r#"{"id": 1}"#), Some("id"));
        assert_eq!(
            field("{\n  \"id\": \"a\",\n  \"parts\": \"x\"\n}"),
            Some("parts")
        );
        assert_eq!(field(r#"{"parts": [{"n": "1"}]}"#), Some("n"));
        assert_eq!(field(r#"{"parts": [{"n": 1}, 2]}"#), Some("parts"));
        assert_eq!(field(r#"{"parts": [{"n": 1}], "note": 2}"#), Some("note"));
        assert_eq!(field(r#"{"parts": [{"n": 1.5}]}"#), Some("n"));
        assert_eq!(field(r#"{"id": "a\"}", "note": ["{"]}"#), Some("note"));
        assert_eq!(field(r#"["a"]"#), None);
        assert_eq!(
            read(r#"{"id": "a", "parts": [{"n": 1}], "note": "b"}"#),
            Ok(())
        );
        // A place past the text (an error from another text) names nothing.
        let elsewhere = read(r#"{"note": "a long enough text", "id": 5}"#).expect_err("id");
        assert_eq!(field_of("{}", &elsewhere), None);
    }

    #[test]
    fn says_where_the_problem_is() {
        let error = skipped("{\n  \"a\": [1,\n  2,,]\n}").expect_err("two commas");
        assert_eq!((error.line, error.column), (3, 5));
        assert_eq!(error.category, Category::Syntax);
        assert!(error.to_string().ends_with("at line 3 column 5"), "{error}");
    }

    #[test]
    fn tells_a_text_cut_short_from_one_that_is_not_json() {
        for text in ["{", "[1, 2", "{\"a\"", "{\"a\":", "tru", "nul", "-"] {
            let error = skipped(text).expect_err(text);
            assert_eq!(error.category, Category::Eof, "{text}: {error}");
        }
        for text in [
            "{]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "[1,]",
            "nulx",
            "{1:2}",
            "1 2",
            "'a'",
        ] {
            let error = skipped(text).expect_err(text);
            assert_eq!(error.category, Category::Syntax, "{text}: {error}");
        }
    }

    #[test]
    fn keeps_a_value_as_its_text() {
        let read = read_whole(r#"[ {"a": [1, "]"]} , 2 ]"#, |r| {
            let mut elements = r.array()?;
            let mut raws = Vec::new();
            while elements.next(r)? {
                raws.push(r.raw()?);
            }
            Ok(raws)
        });
        assert_eq!(read, Ok(vec![r#"{"a": [1, "]"]}"#, "2"]));
    }

    #[test]
    fn deep_nesting_is_read_without_overflowing_the_stack() {
        let deep = format!("{}1{}", "[{\"a\":".repeat(100_000), "}]".repeat(100_000));
        assert_eq!(skipped(&deep), Ok(()));
        let cut = "[".repeat(100_000);
        assert_eq!(skipped(&cut).expect_err("cut").category, Category::Eof);
    }

    /// Every cut and every one-byte change of a real content file is accepted or refused
    /// exactly as serde_json accepts or refuses it.
    #[test]
    fn accepts_exactly_what_serde_json_accepts() {
        let text = include_str!("../../../content/countries.json");
        let sample: String = text.chars().take(1500).collect();
        let mut cases = vec![sample.clone()];
        for cut in (0..sample.len()).filter(|&i| sample.is_char_boundary(i)) {
            cases.push(sample[..cut].to_string());
        }
        let bytes = sample.as_bytes();
        for at in (0..bytes.len()).step_by(3) {
            for replacement in [b'"', b',', b'}', b']', b'\\', b' ', b'1', b'x', b'{', b':'] {
                let mut changed = bytes.to_vec();
                changed[at] = replacement;
                if let Ok(changed) = String::from_utf8(changed) {
                    cases.push(changed);
                }
            }
        }
        for case in &cases {
            let ours = skipped(case);
            let theirs = serde_json::from_str::<serde::de::IgnoredAny>(case);
            assert_eq!(
                ours.is_ok(),
                theirs.is_ok(),
                "{case:?}: {ours:?} / {theirs:?}"
            );
            if let (Err(ours), Err(theirs)) = (ours, theirs) {
                let eof = theirs.classify() == serde_json::error::Category::Eof;
                assert_eq!(
                    ours.category == Category::Eof,
                    eof,
                    "{case:?}: {ours} / {theirs}"
                );
            }
        }
    }
}
