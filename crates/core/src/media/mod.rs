//! Images and audio in card content.
//!
//! A card refers to a media file with Markdown image syntax,
//! `![alt text](file.png)` or `![pronunciation](word.mp3)`, resolved
//! against the set's media folder: `ID.media/` beside the set file. Card
//! content is untrusted, so everything here is parsed into typed values
//! before it is used:
//!
//! * [`MediaName`]: a relative name that cannot leave the folder (no `..`,
//!   no absolute path, no drive, no backslash, no control character) and
//!   has a supported [`MediaType`];
//! * [`MediaFile::open`]: the name resolved inside a folder, both
//!   canonicalized so a symlink pointing out of the folder is refused, and
//!   at most [`MAX_MEDIA_BYTES`];
//! * [`MediaUrl`]: a `kioku-media://SET/FILE` request, and [`resolve`],
//!   the only way the app turns one into a file to serve.
//!
//! A remote URL (`https://…`, any scheme) is never fetched: it renders as
//! a note saying it was not loaded.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::id::SetId;
use crate::text::Pos;

mod add;
mod range;

pub use add::{AddedMedia, add_bytes, add_file, delete_file};
pub use range::{ByteRange, RangeRequest};

/// The URL scheme card content uses for media; the app serves it.
pub const SCHEME: &str = "kioku-media";

/// Largest media file served or accepted: 20 MiB.
pub const MAX_MEDIA_BYTES: u64 = 20 * 1024 * 1024;

/// Image or audio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    Image,
    Audio,
}

/// A supported media file type, known from the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaType {
    Png,
    Jpeg,
    Gif,
    Webp,
    /// Only ever shown with `<img>` (which runs no script in it), never
    /// as a document.
    Svg,
    Mp3,
    Ogg,
    Wav,
    M4a,
}

impl MediaType {
    /// Every supported type with its extensions, for documentation.
    pub const ALL: [MediaType; 9] = [
        MediaType::Png,
        MediaType::Jpeg,
        MediaType::Gif,
        MediaType::Webp,
        MediaType::Svg,
        MediaType::Mp3,
        MediaType::Ogg,
        MediaType::Wav,
        MediaType::M4a,
    ];

    /// The type of a file extension (without the dot), ignoring case.
    pub fn from_extension(ext: &str) -> Option<MediaType> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "png" => MediaType::Png,
            "jpg" | "jpeg" => MediaType::Jpeg,
            "gif" => MediaType::Gif,
            "webp" => MediaType::Webp,
            "svg" => MediaType::Svg,
            "mp3" => MediaType::Mp3,
            "ogg" => MediaType::Ogg,
            "wav" => MediaType::Wav,
            "m4a" => MediaType::M4a,
            _ => return None,
        })
    }

    pub fn kind(self) -> MediaKind {
        match self {
            MediaType::Png
            | MediaType::Jpeg
            | MediaType::Gif
            | MediaType::Webp
            | MediaType::Svg => MediaKind::Image,
            MediaType::Mp3 | MediaType::Ogg | MediaType::Wav | MediaType::M4a => MediaKind::Audio,
        }
    }

    /// The `Content-Type` the file is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Gif => "image/gif",
            MediaType::Webp => "image/webp",
            MediaType::Svg => "image/svg+xml",
            MediaType::Mp3 => "audio/mpeg",
            MediaType::Ogg => "audio/ogg",
            MediaType::Wav => "audio/wav",
            MediaType::M4a => "audio/mp4",
        }
    }
}

/// Why a media reference or request is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    #[error("image or audio \"{name}\" has no alt text; write a description in ![...]")]
    MissingAlt { name: String },
    #[error("empty media file name")]
    EmptyName,
    #[error("\"{name}\" is a remote or non-file URL; it is never loaded")]
    Remote { name: String },
    #[error("media name \"{name}\" could escape the set's media folder ({why})")]
    Escapes { name: String, why: Escape },
    #[error(
        "\"{name}\" is not a supported media type; use png, jpg, jpeg, gif, webp, svg, mp3, ogg, wav or m4a"
    )]
    Unsupported { name: String },
    #[error("media file \"{name}\" not found in {}", folder.display())]
    Missing { name: String, folder: PathBuf },
    #[error("media file \"{name}\" is not a regular file")]
    NotAFile { name: String },
    #[error("media file \"{name}\" is {:.1} MiB; media files are limited to {} MiB", *.size as f64 / 1048576.0, .limit / 1048576)]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("not a {SCHEME}://SET/FILE URL: \"{0}\"")]
    BadUrl(String),
    #[error("no media folder for set \"{0}\"")]
    UnknownSet(String),
    #[error("cannot read media file \"{name}\": {message}")]
    Io { name: String, message: String },
    #[error("alt text \"{alt}\" cannot contain [, ] or a line break")]
    BadAlt { alt: String },
    #[error("cannot write media file \"{name}\": {message}")]
    Write { name: String, message: String },
}

/// How a media name could leave its set's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    ControlCharacter,
    Backslash,
    AbsolutePath,
    DriveOrScheme,
    EmptyComponent,
    DotComponent,
    Symlink,
}

impl fmt::Display for Escape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Escape::ControlCharacter => "control character",
            Escape::Backslash => "backslash",
            Escape::AbsolutePath => "absolute path",
            Escape::DriveOrScheme => "drive or scheme",
            Escape::EmptyComponent => "empty path component",
            Escape::DotComponent => "\"..\" or \".\" component",
            Escape::Symlink => "a symlink pointing out of the folder",
        })
    }
}

/// A media file name that stays inside its folder and has a supported
/// type. Sub-folders are allowed (`img/cat.png`); `..`, `.`, absolute
/// paths, drives, backslashes, control characters and remote URLs are not.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MediaName {
    name: String,
    media_type: MediaType,
}

impl MediaName {
    /// Parse a reference as written in card content.
    pub fn parse(name: &str) -> Result<MediaName, MediaError> {
        let escapes = |why| MediaError::Escapes {
            name: name.to_owned(),
            why,
        };
        if name.is_empty() {
            return Err(MediaError::EmptyName);
        }
        if is_remote(name) {
            return Err(MediaError::Remote {
                name: name.to_owned(),
            });
        }
        if name.chars().any(char::is_control) {
            return Err(escapes(Escape::ControlCharacter));
        }
        if name.contains('\\') {
            return Err(escapes(Escape::Backslash));
        }
        if name.starts_with('/') {
            return Err(escapes(Escape::AbsolutePath));
        }
        if name.contains(':') {
            return Err(escapes(Escape::DriveOrScheme));
        }
        for part in name.split('/') {
            match part {
                "" => return Err(escapes(Escape::EmptyComponent)),
                "." | ".." => return Err(escapes(Escape::DotComponent)),
                _ => {}
            }
        }
        let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        if name.ends_with('/') || name.rsplit('/').next().is_some_and(|f| f.starts_with('.')) {
            return Err(MediaError::Unsupported {
                name: name.to_owned(),
            });
        }
        let media_type = MediaType::from_extension(ext).ok_or_else(|| MediaError::Unsupported {
            name: name.to_owned(),
        })?;
        Ok(MediaName {
            name: name.to_owned(),
            media_type,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.name
    }

    pub fn media_type(&self) -> MediaType {
        self.media_type
    }

    pub fn kind(&self) -> MediaKind {
        self.media_type.kind()
    }
}

impl fmt::Display for MediaName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// True for anything with a URL scheme (`https:`, `data:`, `javascript:`)
/// or a protocol-relative `//host`: never a file in the media folder.
pub fn is_remote(dest: &str) -> bool {
    let dest = dest.trim();
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        // `c:` (one letter) is a drive, refused as an escape instead.
        Some(i) if i > 1 => dest[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')),
        _ => false,
    }
}

/// A media file found inside a media folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// Canonical path, strictly inside the canonical folder.
    pub path: PathBuf,
    pub media_type: MediaType,
    pub size: u64,
}

impl MediaFile {
    /// Find `name` inside `folder`: both are canonicalized (resolving
    /// symlinks) and the file must lie strictly inside the folder, be a
    /// regular file and be at most [`MAX_MEDIA_BYTES`].
    pub fn open(folder: &Path, name: &MediaName) -> Result<MediaFile, MediaError> {
        let missing = || MediaError::Missing {
            name: name.name.clone(),
            folder: folder.to_owned(),
        };
        let root = fs::canonicalize(folder).map_err(|_| missing())?;
        let path = fs::canonicalize(root.join(&name.name)).map_err(|_| missing())?;
        if path == root || !path.starts_with(&root) {
            return Err(MediaError::Escapes {
                name: name.name.clone(),
                why: Escape::Symlink,
            });
        }
        let meta = fs::metadata(&path).map_err(|_| missing())?;
        if !meta.is_file() {
            return Err(MediaError::NotAFile {
                name: name.name.clone(),
            });
        }
        if meta.len() > MAX_MEDIA_BYTES {
            return Err(MediaError::TooLarge {
                name: name.name.clone(),
                size: meta.len(),
                limit: MAX_MEDIA_BYTES,
            });
        }
        Ok(MediaFile {
            path,
            media_type: name.media_type,
            size: meta.len(),
        })
    }

    /// The file's bytes, at most [`MAX_MEDIA_BYTES`] even if it grew.
    pub fn read(&self) -> Result<Vec<u8>, MediaError> {
        let name = self.path.display().to_string();
        let io = |e: std::io::Error| MediaError::Io {
            name: name.clone(),
            message: e.to_string(),
        };
        let file = fs::File::open(&self.path).map_err(io)?;
        let mut bytes = Vec::new();
        file.take(MAX_MEDIA_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > MAX_MEDIA_BYTES {
            return Err(MediaError::TooLarge {
                name: name.clone(),
                size: bytes.len() as u64,
                limit: MAX_MEDIA_BYTES,
            });
        }
        Ok(bytes)
    }
}

/// The media folder of the set with id `id` whose file is `set_file`:
/// `ID.media/` beside it.
pub fn media_dir(set_file: &Path, id: &SetId) -> PathBuf {
    set_file
        .parent()
        .unwrap_or(Path::new("."))
        .join(format!("{id}.media"))
}

/// A media reference as written in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRef {
    /// Where the `!` of `![` is.
    pub pos: Pos,
    pub alt: String,
    pub dest: String,
}

/// A checked media reference: alt text present, name safe and supported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaRef {
    pub alt: String,
    pub name: MediaName,
}

impl MediaRef {
    /// Parse `![alt](dest)`. Every problem is returned, not only the first.
    /// A remote `dest` is `Err([Remote])` (plus a missing alt, if any).
    pub fn parse(alt: &str, dest: &str) -> Result<MediaRef, Vec<MediaError>> {
        let mut errors = Vec::new();
        if alt.trim().is_empty() {
            errors.push(MediaError::MissingAlt {
                name: dest.to_owned(),
            });
        }
        match MediaName::parse(dest.trim()) {
            Ok(name) if errors.is_empty() => Ok(MediaRef {
                alt: alt.to_owned(),
                name,
            }),
            Ok(_) => Err(errors),
            Err(e) => {
                errors.push(e);
                Err(errors)
            }
        }
    }
}

/// Every `![alt](dest)` in `src` with its position. `json` decodes JSON
/// string escapes in the alt text and destination. The scan is textual:
/// it does not know which field a reference sits in, so it also finds
/// references in fields that are not Markdown.
pub fn scan(src: &str, json: bool) -> Vec<RawRef> {
    let mut out = Vec::new();
    // Every reference starts with `![`: a source without one (most sets)
    // is not copied out as characters.
    if !src.contains("![") {
        return out;
    }
    let mut line = 1u32;
    let mut col = 1u32;
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '!'
            && chars.get(i + 1) == Some(&'[')
            && let Some((alt, dest, _end)) = reference_at(&chars, i + 2)
        {
            let (alt, dest) = if json {
                (json_unescape(&alt), json_unescape(&dest))
            } else {
                (alt, dest)
            };
            out.push(RawRef {
                pos: Pos { line, column: col },
                alt,
                dest,
            });
        }
        if chars[i] == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
        i += 1;
    }
    out
}

/// After `![` at `start`: `alt](dest)` or `alt](dest "title")` on one
/// line. Returns the alt, the destination and the index after `)`.
fn reference_at(chars: &[char], start: usize) -> Option<(String, String, usize)> {
    let mut i = start;
    let mut alt = String::new();
    let mut depth = 0;
    loop {
        match *chars.get(i)? {
            '\n' => return None,
            '[' => depth += 1,
            ']' if depth == 0 => break,
            ']' => depth -= 1,
            _ => {}
        }
        alt.push(chars[i]);
        i += 1;
    }
    if chars.get(i + 1) != Some(&'(') {
        return None;
    }
    i += 2;
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    let mut dest = String::new();
    if chars.get(i) == Some(&'<') {
        i += 1;
        loop {
            match *chars.get(i)? {
                '>' => break,
                '\n' => return None,
                c => dest.push(c),
            }
            i += 1;
        }
        i += 1;
    } else {
        loop {
            match *chars.get(i)? {
                ')' | ' ' => break,
                '\n' => return None,
                c => dest.push(c),
            }
            i += 1;
        }
    }
    // Skip an optional title up to `)`.
    loop {
        match *chars.get(i)? {
            ')' => return Some((alt, dest, i + 1)),
            '\n' => return None,
            _ => i += 1,
        }
    }
}

fn json_unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    let quoted = format!("\"{s}\"");
    serde_json::from_str::<String>(&quoted).unwrap_or_else(|_| s.to_owned())
}

/// Check every media reference in a set's source text against its media
/// folder: alt text, a safe and supported name, an existing regular file
/// inside the folder (symlinks resolved) and its size. Remote URLs are not
/// problems (they are shown as "not loaded"). Every problem is reported.
pub fn check_source(src: &str, json: bool, folder: &Path) -> Vec<(Pos, MediaError)> {
    let mut problems = Vec::new();
    for r in scan(src, json) {
        let name = match MediaRef::parse(&r.alt, &r.dest) {
            Ok(m) => Some(m.name),
            Err(errors) => {
                for e in errors {
                    if !matches!(e, MediaError::Remote { .. }) {
                        problems.push((r.pos, e));
                    }
                }
                // A name without alt text is still checked on disk.
                MediaName::parse(r.dest.trim()).ok()
            }
        };
        if let Some(name) = name
            && let Err(e) = MediaFile::open(folder, &name)
        {
            problems.push((r.pos, e));
        }
    }
    problems
}

/// Every `![alt](dest)` in Markdown, as the renderer reads it (so not in
/// code spans or blocks): `(alt, dest)` pairs in order.
pub fn markdown_refs(markdown: &str) -> Vec<(String, String)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                current = Some((String::new(), dest_url.to_string()));
            }
            Event::End(TagEnd::Image) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((alt, _)) = current.as_mut() {
                    alt.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// How the webview addresses the media protocol. WebKitGTK and WKWebView
/// (Linux, macOS) take a custom scheme as it is: `kioku-media://SET/FILE`.
/// WebView2 (Windows) cannot: wry serves a custom protocol there as
/// `http://kioku-media.localhost/...` and hands the handler
/// `kioku-media://localhost/...`, so the set goes into the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlForm {
    /// `kioku-media://SET/FILE`.
    Scheme,
    /// `http://kioku-media.localhost/SET/FILE` (the handler sees
    /// `kioku-media://localhost/SET/FILE`).
    Localhost,
}

impl UrlForm {
    /// The form of the platform this is built for.
    pub const NATIVE: UrlForm = if cfg!(windows) {
        UrlForm::Localhost
    } else {
        UrlForm::Scheme
    };

    /// The origin a content security policy must allow for media in this
    /// form (`img-src` and `media-src`).
    pub fn csp_source(self) -> String {
        match self {
            UrlForm::Scheme => format!("{SCHEME}:"),
            UrlForm::Localhost => format!("http://{SCHEME}.localhost"),
        }
    }
}

/// A `kioku-media://SET/FILE` request, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaUrl {
    pub set: SetId,
    pub name: MediaName,
}

impl MediaUrl {
    /// The URL card HTML uses for `name` of `set` on this platform,
    /// percent-encoded (see [`UrlForm`]).
    pub fn to_url(set: &SetId, name: &MediaName) -> String {
        Self::to_url_in(UrlForm::NATIVE, set, name)
    }

    /// [`MediaUrl::to_url`] in the given form.
    pub fn to_url_in(form: UrlForm, set: &SetId, name: &MediaName) -> String {
        let file = percent_encode(name.as_str());
        match form {
            UrlForm::Scheme => format!("{SCHEME}://{set}/{file}"),
            UrlForm::Localhost => format!("http://{SCHEME}.localhost/{set}/{file}"),
        }
    }

    /// Parse a request URL in this platform's form (see [`UrlForm`]).
    pub fn parse(url: &str) -> Result<MediaUrl, MediaError> {
        Self::parse_in(UrlForm::NATIVE, url)
    }

    /// Parse a request URL in `form`. Webviews may hand over
    /// `kioku-media://set/f`, with the host lower-cased, or with a query or
    /// fragment: the query and fragment are ignored; the path is
    /// percent-decoded and must be a [`MediaName`]. In the `Localhost`
    /// form both what the page uses (`http://kioku-media.localhost/SET/F`)
    /// and what wry hands the handler (`kioku-media://localhost/SET/F`)
    /// are accepted.
    pub fn parse_in(form: UrlForm, url: &str) -> Result<MediaUrl, MediaError> {
        let bad = || MediaError::BadUrl(url.to_owned());
        let rest = match form {
            UrlForm::Scheme => url.strip_prefix(SCHEME).and_then(|r| r.strip_prefix("://")),
            UrlForm::Localhost => url
                .strip_prefix(SCHEME)
                .and_then(|r| r.strip_prefix("://localhost/"))
                .or_else(|| {
                    url.strip_prefix("http://")
                        .and_then(|r| r.strip_prefix(SCHEME))
                        .and_then(|r| r.strip_prefix(".localhost/"))
                }),
        }
        .ok_or_else(bad)?;
        let rest = rest.split(['?', '#']).next().unwrap_or("");
        let (host, path) = rest.split_once('/').ok_or_else(bad)?;
        let set = SetId::new(host).ok_or_else(bad)?;
        let decoded = percent_decode(path).ok_or_else(bad)?;
        let name = MediaName::parse(&decoded)?;
        Ok(MediaUrl { set, name })
    }
}

/// Resolve a `kioku-media://SET/FILE` request to a file strictly inside
/// the set's media folder. `folder_of` names the media folder of a set
/// (`None` for an unknown set or one without media). The result carries
/// the content type to serve the file with.
pub fn resolve(
    url: &str,
    folder_of: impl FnOnce(&SetId) -> Option<PathBuf>,
) -> Result<MediaFile, MediaError> {
    let parsed = MediaUrl::parse(url)?;
    let folder =
        folder_of(&parsed.set).ok_or_else(|| MediaError::UnknownSet(parsed.set.to_string()))?;
    MediaFile::open(&folder, &parsed.name)
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(MediaName::parse("cat.png").is_ok());
        assert!(MediaName::parse("img/Cat.JPG").is_ok());
        for bad in [
            "../x.png",
            "/etc/x.png",
            "a/../b.png",
            "c:x.png",
            "a\\b.png",
            "./a.png",
        ] {
            assert!(
                matches!(MediaName::parse(bad), Err(MediaError::Escapes { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            MediaName::parse("https://x/y.png"),
            Err(MediaError::Remote { .. })
        ));
        assert!(matches!(
            MediaName::parse("x.exe"),
            Err(MediaError::Unsupported { .. })
        ));
    }

    #[test]
    fn scans_references_with_positions() {
        let refs = scan("a\n  ![x](b.png) ![](c.mp3 \"t\")", false);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].pos, Pos { line: 2, column: 3 });
        assert_eq!(refs[0].dest, "b.png");
        assert_eq!(refs[1].alt, "");
        assert_eq!(refs[1].dest, "c.mp3");
    }

    #[test]
    fn urls_round_trip() {
        let set = SetId::new("my-set").unwrap();
        let name = MediaName::parse("a b/ü.png").unwrap();
        let url = MediaUrl::to_url(&set, &name);
        let parsed = MediaUrl::parse(&url).unwrap();
        assert_eq!(parsed.name, name);
        assert!(MediaUrl::parse_in(UrlForm::Scheme, "kioku-media://my-set/..%2Fx.png").is_err());
        assert!(MediaUrl::parse("https://my-set/x.png").is_err());
    }

    #[test]
    fn urls_in_both_webview_forms() {
        let set = SetId::new("my-set").unwrap();
        let name = MediaName::parse("a b/ü.png").unwrap();
        let scheme = MediaUrl::to_url_in(UrlForm::Scheme, &set, &name);
        let local = MediaUrl::to_url_in(UrlForm::Localhost, &set, &name);
        assert_eq!(scheme, "kioku-media://my-set/a%20b/%C3%BC.png");
        assert_eq!(
            local,
            "http://kioku-media.localhost/my-set/a%20b/%C3%BC.png"
        );
        let want = MediaUrl {
            set: set.clone(),
            name: name.clone(),
        };
        assert_eq!(MediaUrl::parse_in(UrlForm::Scheme, &scheme).unwrap(), want);
        assert_eq!(
            MediaUrl::parse_in(UrlForm::Localhost, &local).unwrap(),
            want
        );
        // What wry hands the handler on Windows.
        assert_eq!(
            MediaUrl::parse_in(
                UrlForm::Localhost,
                "kioku-media://localhost/my-set/a%20b/%C3%BC.png"
            )
            .unwrap(),
            want
        );
        // Each form refuses the other's URLs, and escapes.
        assert!(MediaUrl::parse_in(UrlForm::Localhost, &scheme).is_err());
        assert!(MediaUrl::parse_in(UrlForm::Scheme, &local).is_err());
        assert!(
            MediaUrl::parse_in(
                UrlForm::Localhost,
                "http://kioku-media.localhost/my-set/..%2Fx.png"
            )
            .is_err()
        );
        assert!(
            MediaUrl::parse_in(UrlForm::Localhost, "http://evil.localhost/my-set/x.png").is_err()
        );
        assert_eq!(UrlForm::Scheme.csp_source(), "kioku-media:");
        assert_eq!(
            UrlForm::Localhost.csp_source(),
            "http://kioku-media.localhost"
        );
        // This build's form.
        let native = MediaUrl::to_url(&set, &name);
        assert_eq!(native, if cfg!(windows) { local } else { scheme });
    }
}
