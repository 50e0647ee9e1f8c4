//! Markup written as text: elements of HTML and inline SVG, their text and attribute values
//! escaped, for parts of a page that are drawn once from the content and never change
//! (the pictures, [`crate::pictures`]). The app puts the text in place in one step; each
//! element drawn by the UI framework instead costs code of its own in the WebAssembly.
//!
//! Not a template language and not a sanitiser: tag and attribute names are the caller's
//! constants, and only text and attribute values come from the content.

/// Markup being written.
#[derive(Debug, Default)]
pub struct Markup {
    text: String,
}

impl Markup {
    /// Empty markup.
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes `<tag name="value" …>`, the values escaped.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.start_tag(tag, attributes);
        self.text.push('>');
    }

    /// Writes `</tag>`.
    pub fn close(&mut self, tag: &str) {
        self.text.push_str("</");
        self.text.push_str(tag);
        self.text.push('>');
    }

    /// Writes an SVG element with no content, `<rect … />` (HTML's parser reads that form
    /// inside `<svg>`).
    pub fn empty(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.start_tag(tag, attributes);
        self.text.push_str(" />");
    }

    /// Writes `text`, escaped.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.text, text);
    }

    /// Writes `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    /// Writes what `other` holds after what this holds.
    pub fn append(&mut self, other: Markup) {
        self.text.push_str(&other.text);
    }

    /// Whether nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The markup written.
    pub fn finish(self) -> String {
        self.text
    }

    fn start_tag(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.text.push('<');
        self.text.push_str(tag);
        for (name, value) in attributes {
            self.text.push(' ');
            self.text.push_str(name);
            self.text.push_str("=\"");
            escape_into(&mut self.text, value);
            self.text.push('"');
        }
    }
}

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` escaped: safe as an element's text
/// and as a quoted attribute value, in HTML and in XML (the Word report's, `library::docx`).
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_with_their_text_and_values_escaped() {
        let mut markup = Markup::new();
        markup.open("p", &[("class", "a\"b"), ("title", "<x> & 'y'")]);
        markup.text("1 < 2 & <script>alert(1)</script>");
        markup.empty("rect", &[("x", "1.0")]);
        markup.element("a", &[("href", "/egov/x?a=1&b=2")], "Serbia");
        markup.close("p");
        assert_eq!(
            markup.finish(),
            "<p class=\"a&quot;b\" title=\"&lt;x&gt; &amp; &#39;y&#39;\">1 &lt; 2 &amp; \
             &lt;script&gt;alert(1)&lt;/script&gt;<rect x=\"1.0\" />\
             <a href=\"/egov/x?a=1&amp;b=2\">Serbia</a></p>"
        );
    }

    #[test]
    fn keeps_every_other_character_as_it_is() {
        let mut out = String::new();
        escape_into(&mut out, "Türkiye · 행정안전부 — “quoted”");
        assert_eq!(out, "Türkiye · 행정안전부 — “quoted”");
    }
}
