//! HTML from Anki notes to plain text, and text to escaped HTML.
//!
//! Card content in kioku is Markdown rendered with raw HTML shown as text,
//! so imported HTML is flattened: tags are removed, `<script>` and
//! `<style>` are dropped with their contents, line-breaking tags become
//! newlines, entities are decoded, and Anki media becomes kioku's media
//! syntax: `<img src="x.png" alt="a">` becomes `![a](x.png)` (the file
//! name is the alt text when there is none) and `[sound:x.mp3]` becomes
//! `![x.mp3](x.mp3)`. The files themselves are copied by the importer.

/// Escape text for an HTML field: `& < > "` and newlines as `<br>`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Decode one entity body (between `&` and `;`).
fn entity(name: &str) -> Option<char> {
    let named = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code).filter(|c| *c != '\0');
        }
    };
    Some(named)
}

/// Decode entities; unknown ones stay as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| entity(&rest[1..1 + end]).map(|c| (c, end + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in a tag's source, if present.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next(),
        _ => rest.split([' ', '>', '/']).next(),
    }
}

/// Flatten HTML to text as described in the module docs.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..i]));
        rest = &rest[i..];
        let Some(end) = rest.find('>') else {
            // A lone '<' is text.
            out.push_str(&decode_entities(rest));
            rest = "";
            break;
        };
        let tag = &rest[1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        rest = &rest[end + 1..];
        match name.as_str() {
            "script" | "style" if !closing => {
                // Drop everything up to the matching close tag (or the end).
                let lower = rest.to_ascii_lowercase();
                let close = format!("</{name}");
                rest = match lower.find(&close) {
                    Some(j) => rest[j..].find('>').map_or("", |k| &rest[j + k + 1..]),
                    None => "",
                };
            }
            "br" => out.push('\n'),
            "div" | "p" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if closing && !out.ends_with('\n') && !out.is_empty() =>
            {
                out.push('\n');
            }
            "img" => {
                if let Some(src) = attribute(tag, "src") {
                    let alt = attribute(tag, "alt").map(decode_entities);
                    out.push_str(&media_markdown(alt.as_deref(), &decode_entities(src)));
                }
            }
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    let out = sounds(&out);
    let trimmed = out.trim_matches(['\n', ' ']);
    trimmed.replace('\u{a0}', " ")
}

/// `![alt](name)` for a media file, the alt text defaulting to the name;
/// a name that cannot be written as a Markdown destination stays as
/// `[image: NAME]` text.
pub fn media_markdown(alt: Option<&str>, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() || name.contains(['<', '>', '\n', '\r']) {
        return format!("[image: {name}]");
    }
    let alt: String = alt
        .unwrap_or("")
        .chars()
        .map(|c| match c {
            '[' | ']' | '\n' | '\r' | '\\' => ' ',
            c => c,
        })
        .collect();
    let alt = match alt.trim() {
        "" => name.replace(['[', ']', '\\'], " "),
        a => a.to_owned(),
    };
    if name.contains(|c: char| c.is_whitespace() || c == '(' || c == ')') {
        format!("![{alt}](<{name}>)")
    } else {
        format!("![{alt}]({name})")
    }
}

/// Anki's `[sound:NAME]` as media syntax.
fn sounds(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("[sound:") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 7..];
        match after.find(']') {
            Some(end) if !after[..end].contains('\n') => {
                let name = &after[..end];
                out.push_str(&media_markdown(Some(name), name));
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str("[sound:");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattening() {
        assert_eq!(to_text("a<br>b &amp; c&lt;d&gt;"), "a\nb & c<d>");
        assert_eq!(
            to_text("<div>x</div><script>alert('x<y')</script><STYLE>p{}</style>y"),
            "x\ny"
        );
        assert_eq!(to_text("<script>never closed"), "");
        assert_eq!(to_text("<img src=\"cat.jpg\">"), "![cat.jpg](cat.jpg)");
        assert_eq!(
            to_text("<img alt=\"A [cat]\" src=\"my cat.jpg\">"),
            "![A  cat](<my cat.jpg>)"
        );
        assert_eq!(
            to_text("say [sound:hello.mp3] now"),
            "say ![hello.mp3](hello.mp3) now"
        );
        assert_eq!(to_text("&#x41;&#66;&bogus;&"), "AB&bogus;&");
        assert_eq!(to_text("1 < 2"), "1 < 2");
    }

    #[test]
    fn escape_round_trips_through_to_text() {
        let s = "a <b> & \"c\"\nd";
        assert_eq!(to_text(&escape(s)), s);
    }
}
