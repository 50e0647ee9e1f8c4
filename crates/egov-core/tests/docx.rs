//! The trip report as a Word document: unpacked with our own reader, its parts checked
//! (well-formed XML, styles, relationships, pictures) and its text read back.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use egov_core::sorted::SortedMap;

use egov_core::archive::read_zip;
use egov_core::library::{
    sha256_hex, trip_report, trip_report_docx, trip_report_markdown,
    trip_report_markdown_with_photos, trip_report_with_items, Library, PhotoAlbum, REPORT_TITLE,
};

const SLIDE: &[u8] = include_bytes!("images/slide.jpg");
const POSTER: &[u8] = include_bytes!("images/poster.jpg");
const NOW: u64 = 1_764_201_600_000;
const TODAY: &str = "2025-11-27";

/// A library over the real content: a workshop with a presentation, a case study with a
/// note of several lines and a prompt answer, an item that left the content, and text a
/// hostile backup could bring.
fn library() -> Library {
    let mut library = Library::default();
    for id in [
        "2017-workshop-klid",
        "e-government-of-korea-development-history-outcome",
        "hometax",
        "ubiquitous-integrated-center",
        "gone-item",
    ] {
        library.toggle_bookmark(id, 1);
    }
    library.set_attended("2017-workshop-klid", true);
    library
        .set_note(
            "hometax",
            "Ask about e-invoices.\nAnd about identity <b>&</b>.\r\nThird line\u{1}\u{7f} ends.",
            2,
        )
        .expect("short");
    library
        .set_prompt("hometax", "relevance", "We plan e-filing by 2027.", 3)
        .expect("short");
    library
        .set_note("gone-item", "Kept anyway.", 4)
        .expect("short");
    library
}

/// Photos: the slide on hometax and again on koneps (an item with only photos), the
/// poster on the item that left the content.
fn album() -> (PhotoAlbum, SortedMap<String, Vec<u8>>) {
    let mut album = PhotoAlbum::default();
    let slide = album.add("hometax", SLIDE, 160, 120, TODAY).expect("photo");
    album
        .set_caption(
            "hometax",
            &slide.hash,
            "Slide 3: the Hometax portal & its <users>",
        )
        .expect("short");
    album.add("koneps", SLIDE, 160, 120, TODAY).expect("photo");
    album
        .set_caption("koneps", &slide.hash, "The same slide, shown for KONEPS")
        .expect("short");
    let poster = album
        .add("gone-item", POSTER, 90, 160, TODAY)
        .expect("photo");
    album
        .set_caption("gone-item", &poster.hash, "A poster at the door")
        .expect("short");
    let jpegs = SortedMap::from([(slide.hash, SLIDE.to_vec()), (poster.hash, POSTER.to_vec())]);
    (album, jpegs)
}

/// The report's `.docx` parts, by name.
fn report_parts() -> BTreeMap<String, Vec<u8>> {
    let catalog = common::real_catalog();
    let library = library();
    let (album, jpegs) = album();
    let report = trip_report_with_items(
        &library,
        &catalog,
        TODAY,
        &album.item_ids().into_iter().collect::<Vec<_>>(),
    );
    let bytes = trip_report_docx(&report, &album, &jpegs, NOW).expect("written");
    read_zip(&bytes, usize::MAX)
        .expect("a .docx is a zip our reader reads")
        .into_iter()
        .map(|entry| (entry.name, entry.bytes))
        .collect()
}

fn text_of(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts.get(name).unwrap_or_else(|| panic!("{name}")).clone()).expect("UTF-8")
}

/// A tag of a tokenized XML document.
enum Token<'a> {
    Open(&'a str, &'a str),
    Close(&'a str),
    Text(&'a str),
}

/// Tokenizes `xml`, checking that it is well-formed enough for any reader: balanced tags
/// under one root, quoted attributes, known entities only, no forbidden characters.
fn tokens(xml: &str) -> Vec<Token<'_>> {
    assert!(xml.starts_with("<?xml "), "declaration");
    assert!(
        !xml.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
        "control characters"
    );
    let mut out = Vec::new();
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = &xml[xml.find("?>").expect("declaration ends") + 2..];
    while let Some(at) = rest.find('<') {
        check_text(&rest[..at]);
        if !rest[..at].is_empty() {
            assert!(!stack.is_empty(), "text outside the root");
            out.push(Token::Text(&rest[..at]));
        }
        let end = at + rest[at..].find('>').expect("tag ends");
        let tag = &rest[at + 1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "closing tag");
            out.push(Token::Close(name));
            continue;
        }
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .expect("a name");
        assert!(!name.is_empty(), "empty tag name in <{tag}>");
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "attribute quotes in <{tag}>"
        );
        check_text(tag);
        if stack.is_empty() {
            roots += 1;
        }
        out.push(Token::Open(name, tag));
        if tag.ends_with('/') {
            out.push(Token::Close(name));
        } else {
            stack.push(name);
        }
    }
    assert!(rest.trim().is_empty(), "text after the root");
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert_eq!(roots, 1, "one root");
    out
}

/// Every `&` starts a known entity; no raw `<` or `>` in text.
fn check_text(text: &str) {
    assert!(!text.contains('<'), "raw < in {text}");
    for (at, _) in text.match_indices('&') {
        let entity = &text[at..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "unknown entity in {text}"
        );
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The document's paragraphs as (style, text).
fn paragraphs(document: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut in_text = false;
    for token in tokens(document) {
        match token {
            Token::Open("w:p", _) => out.push((String::new(), String::new())),
            Token::Open("w:pStyle", tag) => {
                if let Some(last) = out.last_mut() {
                    last.0 = attribute(tag, "w:val");
                }
            }
            Token::Open("w:t", _) => in_text = true,
            Token::Close("w:t") => in_text = false,
            Token::Text(text) if in_text => {
                if let Some(last) = out.last_mut() {
                    last.1.push_str(&unescape(text));
                }
            }
            _ => {}
        }
    }
    out
}

fn attribute(tag: &str, name: &str) -> String {
    let start = tag
        .find(&format!(" {name}=\""))
        .unwrap_or_else(|| panic!("{name} in {tag}"))
        + name.len()
        + 3;
    let end = start + tag[start..].find('"').expect("quote");
    unescape(&tag[start..end])
}

/// Every value of attribute `name` on elements `element` in `xml`.
fn attributes(xml: &str, element: &str, name: &str) -> Vec<String> {
    tokens(xml)
        .into_iter()
        .filter_map(|t| match t {
            Token::Open(e, tag) if e == element && tag.contains(&format!(" {name}=")) => {
                Some(attribute(tag, name))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_word_report_holds_every_part_word_needs_and_each_is_well_formed() {
    let parts = report_parts();
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
    ] {
        tokens(&text_of(&parts, name));
    }
    let types = text_of(&parts, "[Content_Types].xml");
    assert!(types.contains(r#"<Default Extension="jpeg" ContentType="image/jpeg"/>"#));
    assert!(text_of(&parts, "docProps/core.xml")
        .contains(&format!("<dc:title>{REPORT_TITLE}</dc:title>")));
    let document = text_of(&parts, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "A4"
    );
}

#[test]
fn headings_carry_outline_levels_for_the_navigation_pane() {
    let styles = text_of(&report_parts(), "word/styles.xml");
    for (id, level) in [("Heading1", 0), ("Heading2", 1), ("Heading3", 2)] {
        let start = styles.find(&format!(r#"w:styleId="{id}""#)).expect(id);
        let end = start + styles[start..].find("</w:style>").expect("end");
        assert!(
            styles[start..end].contains(&format!(r#"<w:outlineLvl w:val="{level}"/>"#)),
            "{id}"
        );
    }
    for id in ["Normal", "Title", "Caption", "Hyperlink"] {
        assert!(styles.contains(&format!(r#"w:styleId="{id}""#)), "{id}");
    }
}

#[test]
fn titles_notes_answers_and_captions_appear_in_their_places() {
    let parts = report_parts();
    let paragraphs = paragraphs(&text_of(&parts, "word/document.xml"));
    let find = |style: &str, text: &str| -> usize {
        paragraphs
            .iter()
            .position(|(s, t)| s == style && t == text)
            .unwrap_or_else(|| panic!("{style}: {text} in {paragraphs:#?}"))
    };
    assert_eq!(
        paragraphs[0],
        ("Title".to_string(), REPORT_TITLE.to_string())
    );
    let hometax = find("Heading3", "Hometax (online tax services)");
    let note = find("", "My note:");
    find("NoteText", "Ask about e-invoices.");
    find("NoteText", "And about identity <b>&</b>.");
    find("NoteText", "Third line ends.");
    find("", "Relevance to my country:");
    find("NoteText", "We plan e-filing by 2027.");
    let caption = find("Caption", "Slide 3: the Hometax portal & its <users>");
    assert!(
        hometax < note && note < caption,
        "the photo is under its item"
    );
    find("Heading1", "No longer in the knowledge base");
    let gone = find("Heading3", "gone-item");
    assert!(gone < find("Caption", "A poster at the door"));
    assert!(
        paragraphs
            .iter()
            .any(|(s, t)| s == "Heading2" && !t.is_empty()),
        "a day"
    );
}

#[test]
fn an_item_with_only_photos_appears_in_the_report() {
    let catalog = common::real_catalog();
    let (album, _) = album();
    let only_photos = trip_report_with_items(&library(), &catalog, TODAY, &["koneps"]);
    let plain = trip_report(&library(), &catalog, TODAY);
    let listed = |report: &egov_core::library::TripReport| -> BTreeSet<String> {
        report
            .groups
            .iter()
            .flat_map(|g| g.entries.iter().chain(g.days.iter().flat_map(|(_, e)| e)))
            .map(|e| e.item.id.clone())
            .collect()
    };
    assert!(listed(&only_photos).contains("koneps"));
    assert!(!listed(&plain).contains("koneps"));
    assert_eq!(
        listed(&only_photos).len(),
        listed(&plain).len() + 1,
        "nothing else changes"
    );
    let parts = report_parts();
    let paragraphs = paragraphs(&text_of(&parts, "word/document.xml"));
    assert!(paragraphs.contains(&("Caption".into(), "The same slide, shown for KONEPS".into())));
    assert_eq!(album.of_item("koneps").len(), 1);
}

#[test]
fn image_relationships_match_the_media_files_and_a_picture_is_stored_once() {
    let parts = report_parts();
    let document = text_of(&parts, "word/document.xml");
    let rels = text_of(&parts, "word/_rels/document.xml.rels");
    let targets: BTreeMap<String, String> = attributes(&rels, "Relationship", "Id")
        .into_iter()
        .zip(attributes(&rels, "Relationship", "Target"))
        .collect();
    let embeds = attributes(&document, "a:blip", "r:embed");
    assert_eq!(embeds.len(), 3, "three photos drawn");
    let media: BTreeSet<String> = parts
        .keys()
        .filter(|name| name.starts_with("word/media/"))
        .cloned()
        .collect();
    assert_eq!(media.len(), 2, "the slide shown twice is stored once");
    for embed in &embeds {
        let target = format!("word/{}", targets[embed]);
        assert!(media.contains(&target), "{target}");
    }
    let stored: BTreeSet<String> = media.iter().map(|name| sha256_hex(&parts[name])).collect();
    assert_eq!(
        stored,
        BTreeSet::from([sha256_hex(SLIDE), sha256_hex(POSTER)])
    );
    // Each drawing has its own id; sizes are positive and keep the photo's shape.
    let ids = attributes(&document, "wp:docPr", "id");
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 3);
    let widths = attributes(&document, "wp:extent", "cx");
    let heights = attributes(&document, "wp:extent", "cy");
    let (cx, cy): (u64, u64) = (
        widths[0].parse().expect("n"),
        heights[0].parse().expect("n"),
    );
    assert_eq!(cx * 120, cy * 160);
}

#[test]
fn sources_are_external_links() {
    let parts = report_parts();
    let document = text_of(&parts, "word/document.xml");
    let rels = text_of(&parts, "word/_rels/document.xml.rels");
    let links = attributes(&document, "w:hyperlink", "r:id");
    assert!(!links.is_empty());
    for id in &links {
        let at = rels.find(&format!(r#"Id="{id}""#)).expect("a relationship");
        let element = &rels[at..at + rels[at..].find("/>").expect("end")];
        assert!(element.contains(r#"TargetMode="External""#), "{element}");
        assert!(element.contains("/relationships/hyperlink"), "{element}");
    }
    // An address with `&` is escaped in the relationship, and read back whole.
    assert!(attributes(&rels, "Relationship", "Target")
        .contains(&"https://we-gov.org/catalog/?mod=document&uid=699".to_string()));
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let catalog = common::real_catalog();
    let (album, jpegs) = album();
    let report = trip_report(&library(), &catalog, TODAY);
    assert_eq!(
        trip_report_docx(&report, &album, &jpegs, NOW),
        trip_report_docx(&report, &album, &jpegs, NOW)
    );
}

/// Writes `target/docx-example/trip-report.docx`, for opening by hand in Word, LibreOffice
/// or Google Docs, and with Debian's python3-docx:
/// `/usr/bin/python3 -c "import docx; d=docx.Document('target/docx-example/trip-report.docx');
/// print([p.text for p in d.paragraphs][:20]); print(len(d.inline_shapes))"`.
#[test]
fn writes_an_example_report_for_an_independent_reader() {
    let catalog = common::real_catalog();
    let (album, jpegs) = album();
    let report = trip_report_with_items(
        &library(),
        &catalog,
        TODAY,
        &album.item_ids().into_iter().collect::<Vec<_>>(),
    );
    let bytes = trip_report_docx(&report, &album, &jpegs, NOW).expect("written");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/docx-example");
    std::fs::create_dir_all(&dir).expect("target is writable");
    std::fs::write(dir.join("trip-report.docx"), bytes).expect("written");
}

#[test]
fn the_markdown_report_lists_each_items_photos_by_caption_and_items_with_only_photos() {
    let catalog = common::real_catalog();
    let (album, _) = album();
    let markdown = trip_report_markdown_with_photos(&library(), &catalog, TODAY, &album);
    let hometax = markdown.find("**Hometax").expect("hometax is listed");
    let photos = markdown[hometax..]
        .find("  - Photos: 1 (the pictures are in the Word report and the .zip backup)\n")
        .expect("its photos are listed");
    // The caption is text, escaped like every other line of the report.
    let listed = &markdown[hometax + photos..];
    assert!(
        listed.contains("    - Slide 3: the Hometax portal \\& its &lt;users&gt;\n"),
        "{listed}"
    );
    // KONEPS has only a photo: it is in the report, with it.
    assert!(markdown.contains("    - The same slide, shown for KONEPS\n"));
    // Without photos, the report is what it always was.
    assert_eq!(
        trip_report_markdown_with_photos(&library(), &catalog, TODAY, &PhotoAlbum::default()),
        trip_report_markdown(&library(), &catalog, TODAY)
    );
}
