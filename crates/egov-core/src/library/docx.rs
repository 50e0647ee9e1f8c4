//! The trip report as a Word document (`.docx`), with each item's photos and captions.
//!
//! [`trip_report_docx`] writes the same [`TripReport`] the Markdown and print page show:
//! the title, then each group (an edition or a kind) as a first-level heading, programme
//! days as second-level headings, each item as a third-level heading with its kind,
//! summary, note, prompt answers, photos (each with its caption under it) and sources as
//! links. Headings carry outline levels, so Word's navigation pane lists them. The page is
//! A4.
//!
//! The few OOXML parts are written by hand rather than with a crate such as `docx-rs`: the
//! report needs eight small parts, which is a few hundred lines here against a large
//! dependency in the WebAssembly, and every byte the document holds is ours to check.
//! The package is a ZIP of stored entries ([`crate::archive`]). Every text from the
//! library or the content is escaped for XML, and characters XML 1.0 forbids are dropped.
//!
//! What it is not: a general Word writer (no tables, lists, fields or headers), and it
//! does not decode photos: their size in the document comes from the width and height
//! recorded when each was added.

use crate::sorted::SortedMap;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use super::report::{note_parts, ReportEntry, TripReport, REPORT_TITLE};
use super::{Note, PhotoAlbum};
use crate::archive::{DosTime, ZipError, ZipWriter};

/// EMUs (the unit of DrawingML sizes) in a pixel at 96 pixels per inch.
const EMU_PER_PIXEL: u64 = 9_525;
/// EMUs in a twip (a twentieth of a point, the unit of page sizes).
const EMU_PER_TWIP: u64 = 635;
/// A4 width and height, in twips.
const PAGE: (u64, u64) = (11_906, 16_838);
/// Every margin, in twips (2.5 cm).
const MARGIN: u64 = 1_417;
/// Tallest a photo is drawn, in EMUs (12.5 cm: a 4:3 photo still spans the text width), so
/// a portrait photo leaves room for its caption and the text around it on the page.
const MAX_PHOTO_HEIGHT: u64 = 4_500_000;

const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The trip report as the bytes of a `.docx` file. `album` gives each item's photos in
/// order, and `jpegs` their bytes by hash (a photo whose bytes are missing is left out).
/// A picture shown on several items is stored once. `now` (milliseconds since 1970)
/// stamps the package's entries.
pub fn trip_report_docx(
    report: &TripReport,
    album: &PhotoAlbum,
    jpegs: &SortedMap<String, Vec<u8>>,
    now: u64,
) -> Result<Vec<u8>, ZipError> {
    let mut doc = Document {
        body: String::new(),
        rels: String::new(),
        rel_count: 0,
        media: Vec::new(),
        drawings: 0,
        album,
        jpegs,
    };
    doc.paragraph("Title", &run(REPORT_TITLE, ""));
    doc.paragraph("", &run(&report.prepared, ""));
    if report.groups.is_empty() && report.missing.is_empty() {
        doc.paragraph("", &run("Nothing saved yet.", ""));
    }
    for group in &report.groups {
        doc.paragraph("Heading1", &run(&group.heading, ""));
        for entry in &group.entries {
            doc.entry(entry);
        }
        for (day, entries) in &group.days {
            doc.paragraph("Heading2", &run(day, ""));
            for entry in entries {
                doc.entry(entry);
            }
        }
    }
    if !report.missing.is_empty() {
        doc.paragraph("Heading1", &run("No longer in the knowledge base", ""));
        for (id, note) in &report.missing {
            doc.paragraph("Heading3", &run(id, ""));
            doc.note(note.as_ref());
            doc.photos(id);
        }
    }
    doc.finish(now)
}

/// The document being written: its body, its relationships and the pictures it holds.
struct Document<'a> {
    body: String,
    /// `<Relationship>` elements of `word/_rels/document.xml.rels` after the styles'.
    rels: String,
    /// How many relationships `rels` holds.
    rel_count: usize,
    /// (hash, relationship id) of each picture stored, in order: `media/image{n}.jpeg`.
    media: Vec<(&'a str, String)>,
    /// Drawings so far (each needs its own id, even of a picture shown twice).
    drawings: usize,
    album: &'a PhotoAlbum,
    jpegs: &'a SortedMap<String, Vec<u8>>,
}

impl<'a> Document<'a> {
    /// A paragraph of `style` ("" for Normal) holding `runs` (already XML).
    fn paragraph(&mut self, style: &str, runs: &str) {
        self.body.push_str("<w:p>");
        if !style.is_empty() {
            self.body
                .push_str(&format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#));
        }
        self.body.push_str(runs);
        self.body.push_str("</w:p>");
    }

    fn entry(&mut self, entry: &ReportEntry) {
        let item = &entry.item;
        self.paragraph("Heading3", &run(&item.title, ""));
        let attended = if entry.attended { ", attended" } else { "" };
        let kind = format!("{}{attended}: ", item.kind.singular());
        self.paragraph("", &(run(&kind, "<w:i/>") + &run(&item.summary, "")));
        self.note(entry.note.as_ref());
        self.photos(&item.id);
        for source in &item.sources {
            let mut runs = run(
                &format!("Source: {}, {}", source.publisher, source.title),
                "",
            );
            if let Some(url) = &source.url {
                runs.push_str(&run(" ", ""));
                runs.push_str(&self.link(url));
            }
            self.paragraph("", &runs);
        }
    }

    /// The note's parts, each under its heading in bold; every line a paragraph.
    fn note(&mut self, note: Option<&Note>) {
        let Some(note) = note else { return };
        for (heading, text) in note_parts(note) {
            self.paragraph("", &run(&format!("{heading}:"), "<w:b/>"));
            for line in text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])) {
                self.paragraph("NoteText", &run(line, ""));
            }
        }
    }

    /// `item_id`'s photos, each in a paragraph kept with its caption under it.
    fn photos(&mut self, item_id: &str) {
        let album = self.album;
        for photo in album.of_item(item_id) {
            let Some(rel) = self.image(&photo.hash) else {
                continue;
            };
            self.drawings += 1;
            let (cx, cy) = extent(photo.width, photo.height);
            let id = self.drawings;
            let alt = escape(&photo.caption);
            self.body.push_str(&format!(
                concat!(
                    r#"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing>"#,
                    r#"<wp:inline distT="0" distB="0" distL="0" distR="0">"#,
                    r#"<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#,
                    r#"<wp:docPr id="{id}" name="Photo {id}" descr="{alt}"/>"#,
                    r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
                    r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                    r#"<pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="Photo {id}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
                    r#"<pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
                    r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>"#,
                    r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"#,
                    r#"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
                ),
                cx = cx,
                cy = cy,
                id = id,
                alt = alt,
                rel = rel,
            ));
            if !photo.caption.is_empty() {
                self.paragraph("Caption", &run(&photo.caption, ""));
            }
        }
    }

    /// The relationship id of the picture `hash`, stored the first time it is shown;
    /// `None` when its bytes were not passed in.
    fn image(&mut self, hash: &str) -> Option<String> {
        let (stored, _) = self.jpegs.get_key_value(hash)?;
        if let Some((_, rel)) = self.media.iter().find(|(h, _)| *h == hash) {
            return Some(rel.clone());
        }
        let rel = self.next_rel();
        self.rels.push_str(&format!(
            r#"<Relationship Id="{rel}" Type="{R_NS}/image" Target="media/image{}.jpeg"/>"#,
            self.media.len() + 1
        ));
        self.media.push((stored.as_str(), rel.clone()));
        Some(rel)
    }

    /// A source address as a hyperlink run (an outside relationship); an address that is
    /// not http(s) is plain text.
    fn link(&mut self, url: &str) -> String {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            return run(url, "");
        }
        let rel = self.next_rel();
        self.rels.push_str(&format!(
            r#"<Relationship Id="{rel}" Type="{R_NS}/hyperlink" Target="{}" TargetMode="External"/>"#,
            escape(&uri(url))
        ));
        format!(
            r#"<w:hyperlink r:id="{rel}">{}</w:hyperlink>"#,
            run(url, r#"<w:rStyle w:val="Hyperlink"/>"#)
        )
    }

    fn next_rel(&mut self) -> String {
        self.rel_count += 1;
        // rId1 is the styles part.
        format!("rId{}", self.rel_count + 1)
    }

    /// The package: every part, `[Content_Types].xml` first.
    fn finish(self, now: u64) -> Result<Vec<u8>, ZipError> {
        let mut zip = ZipWriter::new(DosTime::from_millis(now));
        zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
        zip.add(
            "_rels/.rels",
            format!(
                concat!(
                    r#"{}<Relationships xmlns="{}">"#,
                    r#"<Relationship Id="rId1" Type="{}/officeDocument" Target="word/document.xml"/>"#,
                    r#"<Relationship Id="rId2" Type="{}/metadata/core-properties" Target="docProps/core.xml"/>"#,
                    "</Relationships>"
                ),
                XML_HEAD, PKG_RELS_NS, R_NS, PKG_RELS_NS
            )
            .as_bytes(),
        )?;
        zip.add(
            "docProps/core.xml",
            format!(
                concat!(
                    r#"{}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
                    r#"xmlns:dc="http://purl.org/dc/elements/1.1/">"#,
                    "<dc:title>{}</dc:title><dc:creator>e-Gov Companion</dc:creator></cp:coreProperties>"
                ),
                XML_HEAD,
                escape(REPORT_TITLE)
            )
            .as_bytes(),
        )?;
        zip.add(
            "word/document.xml",
            format!(
                concat!(
                    r#"{}<w:document xmlns:w="{}" xmlns:r="{}" "#,
                    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
                    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
                    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                    r#"<w:body>{}<w:sectPr><w:pgSz w:w="{}" w:h="{}"/>"#,
                    r#"<w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" w:header="708" w:footer="708" w:gutter="0"/>"#,
                    "</w:sectPr></w:body></w:document>"
                ),
                XML_HEAD,
                W_NS,
                R_NS,
                self.body,
                PAGE.0,
                PAGE.1,
                m = MARGIN
            )
            .as_bytes(),
        )?;
        zip.add("word/styles.xml", format!("{XML_HEAD}{STYLES}").as_bytes())?;
        zip.add(
            "word/_rels/document.xml.rels",
            format!(
                r#"{XML_HEAD}<Relationships xmlns="{PKG_RELS_NS}"><Relationship Id="rId1" Type="{R_NS}/styles" Target="styles.xml"/>{}</Relationships>"#,
                self.rels
            )
            .as_bytes(),
        )?;
        for (n, (hash, _)) in self.media.iter().enumerate() {
            if let Some(bytes) = self.jpegs.get(*hash) {
                zip.add(&format!("word/media/image{}.jpeg", n + 1), bytes)?;
            }
        }
        Ok(zip.finish())
    }
}

/// The page's text area (width, height) in EMUs.
fn text_area() -> (u64, u64) {
    (
        (PAGE.0 - 2 * MARGIN) * EMU_PER_TWIP,
        (PAGE.1 - 2 * MARGIN) * EMU_PER_TWIP,
    )
}

/// A photo's drawn size in EMUs: its size at 96 pixels per inch, shrunk (keeping its
/// proportions) to fit the text width and [`MAX_PHOTO_HEIGHT`].
fn extent(width: u32, height: u32) -> (u64, u64) {
    let (mut cx, mut cy) = (
        u64::from(width.max(1)) * EMU_PER_PIXEL,
        u64::from(height.max(1)) * EMU_PER_PIXEL,
    );
    let max_width = text_area().0;
    if cx > max_width {
        cy = cy * max_width / cx;
        cx = max_width;
    }
    if cy > MAX_PHOTO_HEIGHT {
        cx = cx * MAX_PHOTO_HEIGHT / cy;
        cy = MAX_PHOTO_HEIGHT;
    }
    (cx.max(1), cy.max(1))
}

/// A run of `text` on one line (line breaks become spaces) with run properties `props`
/// (XML, may be empty).
fn run(text: &str, props: &str) -> String {
    let props = if props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    let text: String = text
        .chars()
        .map(|c| if matches!(c, '\r' | '\n') { ' ' } else { c })
        .collect();
    format!(
        r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(&text)
    )
}

/// `text` safe inside XML text or a quoted attribute: markup characters as entities, and
/// control characters other than tab and line breaks dropped (XML 1.0 forbids most; the
/// rest are never wanted in a report).
fn escape(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect();
    let mut out = String::with_capacity(kept.len() + 8);
    crate::markup::escape_into(&mut out, &kept);
    out
}

/// An http(s) address as a valid URI: spaces, control characters, non-ASCII and the
/// characters a URI never holds raw are percent-encoded (Word refuses a document whose
/// link target is not a valid URI).
fn uri(url: &str) -> String {
    utf8_percent_encode(url, NOT_IN_URI).to_string()
}

/// What [`uri`] encodes besides non-ASCII: control characters, space, and the characters
/// RFC 3986 never allows raw.
const NOT_IN_URI: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'\\')
    .add(b'{')
    .add(b'}')
    .add(b'|')
    .add(b'^');

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Default Extension="jpeg" ContentType="image/jpeg"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    "</Types>"
);

/// The styles the report uses. Headings carry outline levels (navigation pane) and keep
/// with the next paragraph; Korean text gets a Korean font.
const STYLES: &str = concat!(
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Malgun Gothic" w:cs="Calibri"/>"#,
    r#"<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>"#,
    r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:rPr><w:i/><w:color w:val="444444"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="NoteText"><w:name w:val="Note text"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:pPr><w:ind w:left="360"/><w:spacing w:after="60"/></w:pPr></w:style>"#,
    r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>"#,
    "</w:styles>"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_shrunk_to_the_text_width_keeping_its_shape() {
        let (width, _) = text_area();
        let (cx, cy) = extent(1600, 1200);
        assert_eq!(cx, width);
        assert_eq!(cy, width * 1200 / 1600);
        // A small photo keeps its size; a tall one is held to the height limit.
        assert_eq!(extent(100, 50), (952_500, 476_250));
        let (cx, cy) = extent(900, 1600);
        assert_eq!(cy, MAX_PHOTO_HEIGHT);
        assert!(cx.abs_diff(MAX_PHOTO_HEIGHT * 900 / 1600) <= 1, "{cx}");
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a<b>&\"c'\u{0}\u{1b}\u{FFFF}d"),
            "a&lt;b&gt;&amp;&quot;c&#39;d"
        );
        assert_eq!(
            uri("https://a.b/x y\"<é>"),
            "https://a.b/x%20y%22%3C%C3%A9%3E"
        );
    }
}
