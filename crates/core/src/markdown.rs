//! Markdown to HTML for card content, which is untrusted: a set may come
//! from anyone. Raw HTML is shown as text, links keep only safe schemes,
//! so no script, event handler or `javascript:` URL from a set can reach
//! the webview.
//!
//! Images: `![alt](file.png)` becomes `<img src="kioku-media://SET/FILE"
//! alt="…">` and `![alt](word.mp3)` becomes `<audio controls
//! src="kioku-media://SET/FILE" aria-label="…">`, both written here from
//! a parsed [`MediaRef`], never from the source text. A remote URL is never
//! loaded: it becomes a note. Without a set ([`to_html`]) an image is its
//! alt text.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::id::SetId;
use crate::media::{MediaError, MediaKind, MediaRef, MediaUrl};

/// URL schemes a link in card content may use.
const SAFE_SCHEMES: &[&str] = &["http:", "https:", "mailto:"];

fn safe_url(url: &str) -> bool {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    // A URL with no scheme (relative, or a fragment) cannot run code.
    match lower.find(':') {
        None => true,
        Some(colon) => {
            let before = &lower[..colon];
            // `a/b:c` is a relative path, not a scheme.
            before.contains(['/', '?', '#']) || SAFE_SCHEMES.iter().any(|s| lower.starts_with(s))
        }
    }
}

/// Escape text for an HTML attribute value or text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The HTML for `![alt](dest)` in set `set` (`None`: no media).
fn media_html(alt: &str, dest: &str, set: Option<&SetId>) -> String {
    let note = |text: String| format!("<span class=\"media-note\">{}</span>", escape(&text));
    let Some(set) = set else {
        return escape(alt);
    };
    match MediaRef::parse(alt, dest) {
        Ok(m) => {
            let src = escape(&MediaUrl::to_url(set, &m.name));
            let alt = escape(m.alt.trim());
            match m.name.kind() {
                MediaKind::Image => format!("<img src=\"{src}\" alt=\"{alt}\">"),
                MediaKind::Audio => {
                    format!("<audio controls src=\"{src}\" aria-label=\"{alt}\"></audio>")
                }
            }
        }
        Err(errors) => {
            let alt = alt.trim();
            if errors
                .iter()
                .any(|e| matches!(e, MediaError::Remote { .. }))
            {
                note(format!("[remote media not loaded: {alt}]"))
            } else if alt.is_empty() {
                note("[media without alt text not shown]".to_owned())
            } else {
                note(format!("[media not shown: {alt}]"))
            }
        }
    }
}

/// Render Markdown to sanitised HTML; images are shown as their alt text.
pub fn to_html(markdown: &str) -> String {
    render(markdown, None)
}

/// Render Markdown to sanitised HTML, with images and audio of set `set`
/// as `kioku-media://` elements.
pub fn to_html_with_media(markdown: &str, set: &SetId) -> String {
    render(markdown, Some(set))
}

fn render(markdown: &str, set: Option<&SetId>) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut events: Vec<Event> = Vec::new();
    // Inside an image: its destination and the alt text so far.
    let mut image: Option<(CowStr, String)> = None;
    for event in Parser::new_ext(markdown, options) {
        if let Some((dest, alt)) = image.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    let html = media_html(alt, dest, set);
                    image = None;
                    events.push(Event::InlineHtml(html.into()));
                }
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    alt.push_str(&t)
                }
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
            continue;
        }
        let event = match event {
            // Raw HTML is shown, not interpreted.
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = if safe_url(&dest_url) {
                    dest_url
                } else {
                    CowStr::Borrowed("#")
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url, String::new()));
                continue;
            }
            other => other,
        };
        events.push(event);
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Render Markdown that should sit inline (no surrounding `<p>`).
pub fn to_inline_html(markdown: &str) -> String {
    strip_paragraph(to_html(markdown))
}

/// [`to_inline_html`] with media, as [`to_html_with_media`].
pub fn to_inline_html_with_media(markdown: &str, set: &SetId) -> String {
    strip_paragraph(to_html_with_media(markdown, set))
}

fn strip_paragraph(html: String) -> String {
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_ordinary_markdown() {
        assert_eq!(to_html("*Abe* went"), "<p><em>Abe</em> went</p>\n");
        assert_eq!(to_inline_html("a **b**"), "a <strong>b</strong>");
    }

    /// Every tag in `html` is a harmless formatting tag, no attribute is an
    /// event handler, and every link is safe. Text between tags is escaped
    /// by construction (`<` only ever starts a tag the renderer wrote).
    fn assert_only_safe_tags(html: &str, input: &str) {
        const ALLOWED: &[&str] = &[
            "p",
            "em",
            "strong",
            "a",
            "code",
            "pre",
            "ul",
            "ol",
            "li",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "br",
            "del",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "img",
            "audio",
            "span",
        ];
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                ALLOWED.contains(&name.as_str()),
                "{input} -> tag <{tag}> in {html}"
            );
            let lower = tag.to_ascii_lowercase();
            for attr in lower.split_whitespace().skip(1) {
                assert!(!attr.starts_with("on"), "{input} -> handler in <{tag}>");
                if let Some(url) = attr.strip_prefix("href=\"") {
                    assert!(safe_url(url.trim_end_matches('"')), "{input} -> {url}");
                    assert!(
                        !url.starts_with("javascript") && !url.starts_with("data"),
                        "{input} -> {url}"
                    );
                }
                if let Some(src) = attr.strip_prefix("src=\"") {
                    assert!(
                        src.starts_with("kioku-media://"),
                        "{input} -> src in <{tag}>"
                    );
                }
            }
        }
    }

    #[test]
    fn hostile_content_is_neutralised() {
        let hostile = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click]( java\tscript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "![x](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<div onclick=\"alert(1)\">x</div>",
            "text <iframe src=\"https://evil\"></iframe>",
        ];
        let set = SetId::new("s").unwrap();
        for h in hostile {
            assert_only_safe_tags(&to_html(h), h);
            assert_only_safe_tags(&to_html_with_media(h, &set), h);
        }
        assert_eq!(
            to_html("[ok](https://example.org)"),
            "<p><a href=\"https://example.org\">ok</a></p>\n"
        );
        assert_eq!(to_html("<b>x</b>"), "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
    }

    #[test]
    fn media_renders_as_img_and_audio() {
        let set = SetId::new("birds").unwrap();
        assert_eq!(
            to_inline_html_with_media("![A *red* \"robin\"](img/robin.png)", &set),
            "<img src=\"kioku-media://birds/img/robin.png\" alt=\"A red &quot;robin&quot;\">"
        );
        assert_eq!(
            to_inline_html_with_media("![say it](word.mp3)", &set),
            "<audio controls src=\"kioku-media://birds/word.mp3\" aria-label=\"say it\"></audio>"
        );
        let remote = to_html_with_media("![x](https://evil.example/x.png)", &set);
        assert!(!remote.contains("src"), "{remote}");
        assert!(remote.contains("not loaded"), "{remote}");
        let no_alt = to_html_with_media("![](x.png)", &set);
        assert!(!no_alt.contains("src"), "{no_alt}");
        let up = to_html_with_media("![x](../../etc/passwd.png)", &set);
        assert!(!up.contains("src"), "{up}");
        assert_eq!(to_inline_html("![alt](x.png)"), "alt");
        // Raw HTML in alt text stays text.
        let h = to_html_with_media("![<script>](x.png)", &set);
        assert!(!h.contains("<script"), "{h}");
    }
}
