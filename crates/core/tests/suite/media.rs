//! Images and audio: `kioku check`'s media problems, the `kioku-media://`
//! resolver and rendering, against hostile names and files.

use std::fs;
use std::path::{Path, PathBuf};

use kioku_core::bank::{BankError, SetId, load_set_file};
use kioku_core::markdown::to_html_with_media;
use kioku_core::media::{MAX_MEDIA_BYTES, MediaError, MediaType, resolve};

/// A set `pics` in `dir` whose first question's prompt is `prompt`
/// (a JSON string body), with a media folder `pics.media/`.
fn set_with_prompt(dir: &Path, prompt: &str) -> PathBuf {
    let media = dir.join("pics.media");
    fs::create_dir_all(&media).unwrap();
    let path = dir.join("pics.json");
    let json = format!(
        "{{\n  \"kioku\": 1,\n  \"id\": \"pics\",\n  \"title\": \"Pictures\",\n  \"language\": \"en\",\n  \"questions\": [\n    {{\n      \"id\": \"q1\",\n      \"type\": \"flashcard\",\n      \"prompt\": \"{prompt}\",\n      \"answer\": \"a\"\n    }}\n  ]\n}}\n"
    );
    fs::write(&path, json).unwrap();
    path
}

/// Every diagnostic line of `kioku check` for the file.
fn check(path: &Path) -> Vec<String> {
    match load_set_file(path) {
        Ok(_) => Vec::new(),
        Err(BankError::Invalid(ds)) => ds.iter().map(ToString::to_string).collect(),
        Err(e) => panic!("{e}"),
    }
}

fn folder_of(dir: &Path) -> impl FnOnce(&SetId) -> Option<PathBuf> + '_ {
    move |id| (id.as_str() == "pics").then(|| dir.join("pics.media"))
}

#[test]
fn a_good_image_and_sound_pass_and_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let path = set_with_prompt(dir.path(), "![a cat](cat.png) ![meow](meow.mp3)");
    fs::write(dir.path().join("pics.media/cat.png"), b"png").unwrap();
    fs::write(dir.path().join("pics.media/meow.mp3"), b"mp3").unwrap();
    assert_eq!(check(&path), Vec::<String>::new());
    let f = resolve("kioku-media://pics/cat.png", folder_of(dir.path())).unwrap();
    assert_eq!(f.media_type.content_type(), "image/png");
    assert_eq!(f.read().unwrap(), b"png");
    let f = resolve("kioku-media://pics/meow.mp3", folder_of(dir.path())).unwrap();
    assert_eq!(f.media_type.content_type(), "audio/mpeg");
}

#[test]
fn every_problem_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = set_with_prompt(dir.path(), "![](gone.png) ![x](movie.exe)");
    let lines = check(&path);
    let p = path.display();
    // The prompt value starts at line 10, column 17; `![` at column 18.
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines[0].starts_with(&format!("{p}:10:18: error: ")),
        "{lines:#?}"
    );
    assert!(lines[0].contains("no alt text"), "{lines:#?}");
    assert!(
        lines[1].starts_with(&format!("{p}:10:18: error: ")),
        "{lines:#?}"
    );
    assert!(lines[1].contains("not found"), "{lines:#?}");
    assert!(
        lines[2].starts_with(&format!("{p}:10:32: error: ")),
        "{lines:#?}"
    );
    assert!(
        lines[2].contains("not a supported media type"),
        "{lines:#?}"
    );
}

#[test]
fn traversal_and_absolute_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = set_with_prompt(dir.path(), "![p](../../etc/passwd) ![q](/etc/passwd)");
    let lines = check(&path);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines.iter().all(|l| l.contains("could escape")),
        "{lines:#?}"
    );
    for url in [
        "kioku-media://pics/../../etc/passwd",
        "kioku-media://pics/..%2F..%2Fetc%2Fpasswd",
        "kioku-media://pics//etc/passwd",
        "kioku-media://pics/%2Fetc%2Fpasswd",
        "kioku-media://pics/pics.media/../x.png",
    ] {
        let r = resolve(url, folder_of(dir.path()));
        assert!(
            matches!(
                r,
                Err(MediaError::Escapes { .. }) | Err(MediaError::BadUrl(_))
            ),
            "{url}: {r:?}"
        );
    }
    let html = to_html_with_media("![p](../../etc/passwd)", &SetId::new("pics").unwrap());
    assert!(!html.contains("src="), "{html}");
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("secret.png");
    fs::write(&outside, b"secret").unwrap();
    let path = set_with_prompt(dir.path(), "![s](link.png) ![d](sub/x.png)");
    std::os::unix::fs::symlink(&outside, dir.path().join("pics.media/link.png")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("pics.media/sub")).unwrap();
    fs::write(dir.path().join("x.png"), b"x").unwrap();
    let lines = check(&path);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines.iter().all(|l| l.contains("symlink")), "{lines:#?}");
    for url in [
        "kioku-media://pics/link.png",
        "kioku-media://pics/sub/x.png",
    ] {
        let r = resolve(url, folder_of(dir.path()));
        assert!(matches!(r, Err(MediaError::Escapes { .. })), "{url}: {r:?}");
    }
    // A symlink that stays inside the folder is fine.
    fs::write(dir.path().join("pics.media/real.png"), b"r").unwrap();
    std::os::unix::fs::symlink("real.png", dir.path().join("pics.media/alias.png")).unwrap();
    assert!(resolve("kioku-media://pics/alias.png", folder_of(dir.path())).is_ok());
}

#[test]
fn a_remote_image_is_never_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let path = set_with_prompt(dir.path(), "![logo](https://example.org/logo.png)");
    assert_eq!(check(&path), Vec::<String>::new());
    let set = SetId::new("pics").unwrap();
    for md in [
        "![logo](https://example.org/logo.png)",
        "![logo](//example.org/logo.png)",
        "![logo](http://example.org/a.mp3)",
        "![logo](data:image/png;base64,AAAA)",
    ] {
        let html = to_html_with_media(md, &set);
        assert!(!html.contains("src="), "{md} -> {html}");
        assert!(!html.contains("example.org/"), "{md} -> {html}");
        assert!(html.contains("not loaded"), "{md} -> {html}");
    }
    assert!(matches!(
        resolve("https://example.org/x.png", folder_of(dir.path())),
        Err(MediaError::BadUrl(_))
    ));
}

#[test]
fn svg_is_only_ever_an_image() {
    let dir = tempfile::tempdir().unwrap();
    let path = set_with_prompt(dir.path(), "![diagram](d.svg)");
    fs::write(
        dir.path().join("pics.media/d.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    )
    .unwrap();
    assert_eq!(check(&path), Vec::<String>::new());
    let f = resolve("kioku-media://pics/d.svg", folder_of(dir.path())).unwrap();
    assert_eq!(f.media_type, MediaType::Svg);
    assert_eq!(f.media_type.content_type(), "image/svg+xml");
    let html = to_html_with_media("![diagram](d.svg)", &SetId::new("pics").unwrap());
    assert_eq!(
        html,
        "<p><img src=\"kioku-media://pics/d.svg\" alt=\"diagram\"></p>\n"
    );
}

#[test]
fn an_oversized_file_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = set_with_prompt(dir.path(), "![big](big.wav)");
    let f = fs::File::create(dir.path().join("pics.media/big.wav")).unwrap();
    f.set_len(MAX_MEDIA_BYTES + 1).unwrap();
    let lines = check(&path);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("limited to 20 MiB"), "{lines:#?}");
    let r = resolve("kioku-media://pics/big.wav", folder_of(dir.path()));
    assert!(matches!(r, Err(MediaError::TooLarge { .. })), "{r:?}");
}

#[test]
fn text_format_references_are_checked_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("t.media")).unwrap();
    let path = dir.path().join("t.kioku.md");
    fs::write(
        &path,
        "---\nkioku: 1\nid: t\ntitle: T\nlanguage: en\n---\n\n## q1\n\nQ: What is ![](x.png)?\nA: a\n",
    )
    .unwrap();
    let lines = check(&path);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].contains(":10:12: error: "), "{lines:#?}");
}

mod transfer {
    use super::*;
    use std::io::{Cursor, Write};

    use jiff::tz::TimeZone;
    use kioku_core::bank::formats::Format;
    use kioku_core::library::{Library, LibraryError, read_import};

    /// A data directory with user set `pics` using `cat.png` and
    /// `meow.mp3` from `sets/pics.media/`.
    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let sets = dir.path().join("sets");
        fs::create_dir_all(&sets).unwrap();
        let path = set_with_prompt(&sets, "![a cat](cat.png) and ![meow](meow.mp3)");
        assert!(path.ends_with("sets/pics.json"));
        fs::write(sets.join("pics.media/cat.png"), b"PNG").unwrap();
        fs::write(sets.join("pics.media/meow.mp3"), b"MP3").unwrap();
        fs::write(sets.join("pics.media/unused.png"), b"U").unwrap();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
        assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
        (dir, lib)
    }

    /// A set is offered for export as a `.kioku` bundle when it uses
    /// media files it has (one file then carries them), else as JSON.
    #[test]
    fn a_set_with_media_is_offered_as_a_bundle_and_others_as_json() {
        let (dir, lib) = library();
        assert_eq!(lib.export_format(&pics()), Format::Bundle);
        let builtin = kioku_core::bank::SetId::new("japan-russia-covid19").unwrap();
        assert_eq!(lib.export_format(&builtin), Format::Json);
        // Its references to files it does not have do not count.
        fs::remove_file(dir.path().join("sets/pics.media/cat.png")).unwrap();
        fs::remove_file(dir.path().join("sets/pics.media/meow.mp3")).unwrap();
        assert_eq!(lib.export_format(&pics()), Format::Json);
    }

    #[test]
    fn the_library_loads_a_set_with_media_problems_and_warns() {
        let dir = tempfile::tempdir().unwrap();
        let sets = dir.path().join("sets");
        fs::create_dir_all(&sets).unwrap();
        set_with_prompt(&sets, "![gone](gone.png) ![](x.png)");
        let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
        assert!(lib.set(&pics()).is_some());
        let warnings: Vec<String> = lib.warnings().iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 1, "{warnings:#?}");
        assert!(
            warnings[0].contains("pics.json:10:18: error: "),
            "{warnings:#?}"
        );
        assert!(warnings[0].contains("not found"), "{warnings:#?}");
        assert!(warnings[0].contains("no alt text"), "{warnings:#?}");
    }

    #[test]
    fn importing_a_json_file_brings_its_media_folder() {
        let src = tempfile::tempdir().unwrap();
        let path = set_with_prompt(src.path(), "![a cat](img/cat.png) ![meow](meow.mp3)");
        fs::create_dir_all(src.path().join("pics.media/img")).unwrap();
        fs::write(src.path().join("pics.media/img/cat.png"), b"PNG").unwrap();
        fs::write(src.path().join("pics.media/meow.mp3"), b"MP3").unwrap();
        let data = tempfile::tempdir().unwrap();
        let mut lib = Library::open(data.path(), TimeZone::UTC, || "dev".into()).unwrap();
        let imported = lib.import_file(&path, None, None, false).unwrap();
        assert_eq!(imported.media.len(), 2);
        let folder = data.path().join("sets/pics.media");
        assert_eq!(fs::read(folder.join("img/cat.png")).unwrap(), b"PNG");
        assert_eq!(
            check(&data.path().join("sets/pics.json")),
            Vec::<String>::new()
        );
    }

    fn pics() -> SetId {
        SetId::new("pics").unwrap()
    }

    #[test]
    fn json_export_writes_the_media_folder_beside_it() {
        let (_dir, lib) = library();
        let out = tempfile::tempdir().unwrap();
        let file = out.path().join("x.json");
        let written = lib
            .export_file_with_media(&pics(), Some(Format::Json), &file)
            .unwrap();
        assert_eq!(written.format, Format::Json);
        let (folder, n) = written.media.unwrap();
        assert_eq!(folder, out.path().join("pics.media"));
        assert_eq!(n, 2);
        assert_eq!(fs::read(folder.join("cat.png")).unwrap(), b"PNG");
        assert!(!folder.join("unused.png").exists());
        // The exported file checks clean where it was written.
        assert_eq!(check(&file), Vec::<String>::new());
    }

    #[test]
    fn formats_without_media_name_every_reference_they_drop() {
        let (_dir, lib) = library();
        for format in [Format::Gift, Format::Aiken, Format::Csv] {
            let Ok(out) = lib.export(&pics(), format) else {
                continue; // a flashcard-only set may not fit Aiken at all
            };
            let dropped: Vec<String> = out.notes.iter().map(ToString::to_string).collect();
            assert!(
                dropped.iter().any(|n| n.contains("![a cat](cat.png)")),
                "{format}: {dropped:?}"
            );
            assert!(
                dropped.iter().any(|n| n.contains("![meow](meow.mp3)")),
                "{format}: {dropped:?}"
            );
        }
    }

    #[test]
    fn a_bundle_round_trips_the_set_and_its_media() {
        let (_dir, lib) = library();
        let out = tempfile::tempdir().unwrap();
        let file = out.path().join("pics.kioku");
        lib.export_file(&pics(), None, &file).unwrap();
        let imported = read_import(&file, None, Some(SetId::new("pics-2").unwrap())).unwrap();
        let mut names: Vec<&str> = imported.media.iter().map(|m| m.name.as_str()).collect();
        names.sort();
        assert_eq!(names, ["cat.png", "meow.mp3"]);
        // Imported into another library, the card's media resolves.
        let (other, mut lib2) = {
            let d = tempfile::tempdir().unwrap();
            let l = Library::open(d.path(), TimeZone::UTC, || "dev".into()).unwrap();
            (d, l)
        };
        lib2.import_set(&imported, false).unwrap();
        let sets = other.path().join("sets");
        let f = resolve("kioku-media://pics-2/cat.png", |id| {
            Some(sets.join(format!("{id}.media")))
        })
        .unwrap();
        assert_eq!(f.read().unwrap(), b"PNG");
    }

    fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in members {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn import_bundle(bytes: &[u8]) -> Result<String, String> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.kioku");
        fs::write(&file, bytes).unwrap();
        match read_import(&file, None, None) {
            Ok(i) => Ok(i.set.id.to_string()),
            Err(LibraryError::Package { error, .. }) => Err(error.to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn a_bundle_with_traversal_names_is_refused_with_a_message() {
        let set = br#"{"kioku":1,"id":"b","title":"B","language":"en","questions":[{"id":"q","type":"flashcard","prompt":"p","answer":"a"}]}"#;
        assert_eq!(import_bundle(&zip_of(&[("set.json", set)])), Ok("b".into()));
        for bad in [
            "media/../../evil.png",
            "../evil.png",
            "/etc/evil.png",
            "media/..\\evil.png",
            "media/c:evil.png",
        ] {
            let err = import_bundle(&zip_of(&[("set.json", set), (bad, b"x")])).unwrap_err();
            assert!(err.contains("could escape"), "{bad}: {err}");
            assert!(err.contains("refused"), "{bad}: {err}");
        }
        for odd in [
            "media/x.exe",
            "media/sub/x.png",
            "other.json",
            "media/.hidden.png",
        ] {
            let err = import_bundle(&zip_of(&[("set.json", set), (odd, b"x")])).unwrap_err();
            assert!(err.contains("refused"), "{odd}: {err}");
        }
        let err = import_bundle(&zip_of(&[("media/x.png", b"x")])).unwrap_err();
        assert!(err.contains("no set.json"), "{err}");
        // A media member over the limit (all zeros: refused as too large
        // or as a zip bomb, before being unpacked).
        let big = vec![0u8; (MAX_MEDIA_BYTES + 1) as usize];
        let err =
            import_bundle(&zip_of(&[("set.json", set), ("media/big.wav", &big)])).unwrap_err();
        assert!(
            err.contains("limited to") || err.contains("zip bomb"),
            "{err}"
        );
    }
}
