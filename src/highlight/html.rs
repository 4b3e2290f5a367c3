//! HTML output: the text escaped, each match wrapped in
//! `<mark data-keyword="i">…</mark>`.
//!
//! Everything taken from the text is escaped, and keywords never appear in the
//! output at all (only their index does), so neither can inject markup. The
//! five characters that matter in element content and quoted attributes are
//! escaped: `& < > " '`.

use std::fmt::Write as _;

/// Appends `s` to `out`, HTML-escaped.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    // Copy the runs between special characters whole: most text has none.
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // ASCII bytes are always character boundaries.
        out.push_str(&s[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
}

/// Builds highlighted HTML incrementally; matches must come in order.
pub(crate) struct HtmlWriter<'a> {
    text: &'a str,
    out: String,
    /// Bytes of `text` already written.
    done: usize,
}

impl<'a> HtmlWriter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        HtmlWriter {
            text,
            out: String::with_capacity(text.len() + text.len() / 8),
            done: 0,
        }
    }

    /// Writes the text up to byte `start`, then `text[start..end]` marked as `keyword`.
    pub(crate) fn mark(&mut self, start: usize, end: usize, keyword: usize) {
        // Defensive: out-of-order or out-of-range spans are skipped, not a panic.
        let ok = self.done <= start
            && start < end
            && self.text.get(self.done..start).is_some()
            && self.text.get(start..end).is_some();
        if !ok {
            return;
        }
        escape_into(&mut self.out, &self.text[self.done..start]);
        self.out.push_str("<mark data-keyword=\"");
        // Writing into a String cannot fail, and does not allocate per call.
        let _ = write!(self.out, "{keyword}\">");
        escape_into(&mut self.out, &self.text[start..end]);
        self.out.push_str("</mark>");
        self.done = end;
    }

    /// Writes the rest of the text and returns the HTML.
    pub(crate) fn finish(mut self) -> String {
        escape_into(&mut self.out, &self.text[self.done..]);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(escape("中文 plain"), "中文 plain");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn marks_in_order() {
        let mut w = HtmlWriter::new("a<b>c中d");
        w.mark(1, 4, 7);
        w.mark(5, 8, 12345);
        assert_eq!(
            w.finish(),
            "a<mark data-keyword=\"7\">&lt;b&gt;</mark>c<mark data-keyword=\"12345\">中</mark>d"
        );
    }

    #[test]
    fn bad_spans_are_skipped() {
        let mut w = HtmlWriter::new("中文");
        w.mark(1, 3, 0); // not a character boundary
        w.mark(3, 3, 0); // empty
        w.mark(3, 99, 0); // past the end
        w.mark(0, 3, 0);
        w.mark(0, 3, 1); // backwards
        assert_eq!(w.finish(), "<mark data-keyword=\"0\">中</mark>文");
    }
}
