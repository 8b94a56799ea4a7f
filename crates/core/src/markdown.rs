//! Markdown to HTML for card content, which is untrusted: a set may come
//! from anyone. Raw HTML is shown as text, links keep only safe schemes,
//! and images become their alt text, so no script, event handler or
//! `javascript:` URL from a set can reach the webview.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

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

/// Render Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        // Raw HTML is shown, not interpreted.
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
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
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        // Remote images would load content from anywhere; show the alt text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Render Markdown that should sit inline (no surrounding `<p>`).
pub fn to_inline_html(markdown: &str) -> String {
    let html = to_html(markdown);
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
                assert!(!attr.starts_with("src="), "{input} -> src in <{tag}>");
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
        for h in hostile {
            let out = to_html(h);
            assert_only_safe_tags(&out, h);
        }
        assert_eq!(
            to_html("[ok](https://example.org)"),
            "<p><a href=\"https://example.org\">ok</a></p>\n"
        );
        assert_eq!(to_html("<b>x</b>"), "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
    }
}
