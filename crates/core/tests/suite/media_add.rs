//! Adding media in the editor: the copy under a content-hashed name, what
//! is refused, and the files a saved set no longer uses.

use std::fs;
use std::path::Path;

use kioku_core::bank::{QuestionSet, load_set_file};
use kioku_core::media::{MAX_MEDIA_BYTES, MediaError, MediaName, add_bytes, add_file, delete_file};

/// A set `pics` whose only question's prompt is `prompt` (a JSON string
/// body).
fn set(dir: &Path, prompt: &str) -> QuestionSet {
    let path = dir.join("pics.json");
    let json = format!(
        r#"{{"kioku": 1, "id": "pics", "title": "Pictures", "language": "en",
  "questions": [{{"id": "q1", "type": "flashcard", "prompt": "{prompt}", "answer": "a"}}]}}"#
    );
    fs::write(&path, json).unwrap();
    load_set_file(&path).unwrap()
}

fn name(s: &str) -> MediaName {
    MediaName::parse(s).unwrap()
}

#[test]
fn a_file_is_copied_under_its_hash_and_markdown_is_returned() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("Map of the Islands.PNG");
    fs::write(&src, b"\x89PNG fake map").unwrap();
    let folder = dir.path().join("sets/pics.media");
    let added = add_file(&folder, &src, "  Map of the islands ").unwrap();
    let n = added.name.as_str();
    assert_eq!(n.len(), 16 + 4, "{n}");
    assert!(n.ends_with(".png"), "{n}");
    assert!(
        n[..16]
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert_eq!(added.markdown, format!("![Map of the islands]({n})"));
    assert!(added.new_file);
    assert_eq!(fs::read(folder.join(n)).unwrap(), b"\x89PNG fake map");
    // The same bytes again, from another name: the same file, not a copy.
    let again = dir.path().join("copy.png");
    fs::write(&again, b"\x89PNG fake map").unwrap();
    let second = add_file(&folder, &again, "Map").unwrap();
    assert_eq!(second.name, added.name);
    assert!(!second.new_file);
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 1);
    // Other bytes: another name.
    fs::write(&again, b"\x89PNG other map").unwrap();
    assert_ne!(add_file(&folder, &again, "Map").unwrap().name, added.name);
}

#[test]
fn a_hashed_name_holding_other_bytes_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("a.mp3");
    fs::write(&src, b"ID3 sound").unwrap();
    let folder = dir.path().join("m");
    let added = add_file(&folder, &src, "say it").unwrap();
    fs::write(folder.join(added.name.as_str()), b"tampered").unwrap();
    let err = add_file(&folder, &src, "say it").unwrap_err();
    assert!(matches!(err, MediaError::Write { .. }), "{err}");
    assert_eq!(
        fs::read(folder.join(added.name.as_str())).unwrap(),
        b"tampered"
    );
}

#[test]
fn bad_files_and_alt_texts_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("m");
    let png = dir.path().join("x.png");
    fs::write(&png, b"png").unwrap();
    let exe = dir.path().join("x.exe");
    fs::write(&exe, b"MZ").unwrap();
    let big = dir.path().join("big.jpg");
    fs::File::create(&big)
        .unwrap()
        .set_len(MAX_MEDIA_BYTES + 1)
        .unwrap();
    let sub = dir.path().join("folder.png");
    fs::create_dir(&sub).unwrap();

    let err = add_file(&folder, &png, "   ").unwrap_err();
    assert_eq!(
        err,
        MediaError::MissingAlt {
            name: "x.png".into()
        }
    );
    let err = add_file(&folder, &png, "a ] b").unwrap_err();
    assert!(matches!(err, MediaError::BadAlt { .. }), "{err}");
    let err = add_file(&folder, &png, "two\nlines").unwrap_err();
    assert!(matches!(err, MediaError::BadAlt { .. }), "{err}");
    let err = add_file(&folder, &exe, "program").unwrap_err();
    assert_eq!(
        err,
        MediaError::Unsupported {
            name: "x.exe".into()
        }
    );
    let err = add_file(&folder, &big, "huge").unwrap_err();
    assert_eq!(
        err,
        MediaError::TooLarge {
            name: "big.jpg".into(),
            size: MAX_MEDIA_BYTES + 1,
            limit: MAX_MEDIA_BYTES
        }
    );
    assert!(err.to_string().contains("limited to 20 MiB"), "{err}");
    let err = add_file(&folder, &sub, "dir").unwrap_err();
    assert!(matches!(err, MediaError::NotAFile { .. }), "{err}");
    let err = add_file(&folder, &dir.path().join("gone.png"), "gone").unwrap_err();
    assert!(matches!(err, MediaError::Io { .. }), "{err}");
    assert!(!folder.exists(), "a refused file created the media folder");
}

#[test]
fn files_the_saved_set_no_longer_uses_are_offered_not_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("pics.media");
    fs::create_dir_all(&folder).unwrap();
    for f in ["a.png", "b.png", "c.mp3"] {
        fs::write(folder.join(f), f).unwrap();
    }
    let before = set(
        dir.path(),
        "![A](a.png) ![B](b.png) ![far](https://x.example/y.png)",
    );
    assert_eq!(before.media_names(), vec![name("a.png"), name("b.png")]);
    let after = set(dir.path(), "![A](a.png)");
    // c.mp3 was added while editing and never used; gone.png is not there.
    let mut candidates = before.media_names();
    candidates.extend([name("c.mp3"), name("gone.png")]);
    let offer = after.unused_media(&candidates, &folder);
    assert_eq!(offer, vec![name("b.png"), name("c.mp3")]);
    // Finding them deletes nothing.
    assert!(folder.join("b.png").exists());
    delete_file(&folder, &name("b.png")).unwrap();
    assert!(!folder.join("b.png").exists());
    assert!(folder.join("a.png").exists());
    assert!(matches!(
        delete_file(&folder, &name("b.png")),
        Err(MediaError::Missing { .. })
    ));
}

#[cfg(unix)]
#[test]
fn delete_never_follows_a_symlink_out_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("pics.media");
    fs::create_dir_all(&folder).unwrap();
    let outside = dir.path().join("precious.png");
    fs::write(&outside, b"keep me").unwrap();
    std::os::unix::fs::symlink(&outside, folder.join("link.png")).unwrap();
    let err = delete_file(&folder, &name("link.png")).unwrap_err();
    assert!(matches!(err, MediaError::Escapes { .. }), "{err}");
    assert_eq!(fs::read(&outside).unwrap(), b"keep me");
}

#[test]
fn the_library_adds_into_sets_id_media_and_never_into_a_built_in_set() {
    use kioku_core::bank::SetId;
    use kioku_core::library::Library;
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), jiff::tz::TimeZone::UTC, || "dev".into()).unwrap();
    let src = dir.path().join("map.webp");
    fs::write(&src, b"RIFF webp").unwrap();
    // A set not saved yet: its folder is made.
    let id = SetId::new("islands").unwrap();
    let added = lib.add_media(&id, &src, "Map").unwrap();
    let file = dir
        .path()
        .join("sets/islands.media")
        .join(added.name.as_str());
    assert_eq!(fs::read(&file).unwrap(), b"RIFF webp");
    lib.delete_media(&id, &added.name).unwrap();
    assert!(!file.exists());
    let builtin = lib.sets()[0].id.clone();
    assert!(lib.is_builtin(&builtin));
    let err = lib.add_media(&builtin, &src, "Map").unwrap_err();
    assert_eq!(err, MediaError::UnknownSet(builtin.to_string()));
}

#[test]
fn pasted_bytes_are_stored_as_a_file_would_be_and_checked_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sets/pics.media");
    let src = dir.path().join("map.png");
    fs::write(&src, b"\x89PNG pasted map").unwrap();
    let from_file = add_file(&folder, &src, "Map").unwrap();
    let pasted = add_bytes(
        &folder,
        b"\x89PNG pasted map",
        "PNG",
        "the pasted image",
        " Map ",
    )
    .unwrap();
    assert_eq!(pasted.name, from_file.name);
    assert_eq!(pasted.markdown, from_file.markdown);
    assert!(!pasted.new_file);
    let other = add_bytes(&folder, b"GIF89a", "gif", "the pasted image", "Anim").unwrap();
    assert!(other.name.as_str().ends_with(".gif"));
    assert!(other.new_file);
    assert_eq!(
        fs::read(folder.join(other.name.as_str())).unwrap(),
        b"GIF89a"
    );
    let count = || fs::read_dir(&folder).unwrap().count();
    assert_eq!(count(), 2);
    // Refused, naming what was pasted, and nothing written.
    assert!(matches!(
        add_bytes(&folder, b"x", "png", "the pasted image", " "),
        Err(MediaError::MissingAlt { name }) if name == "the pasted image"
    ));
    assert!(matches!(
        add_bytes(&folder, b"x", "png", "the pasted image", "a [b]"),
        Err(MediaError::BadAlt { .. })
    ));
    assert!(matches!(
        add_bytes(&folder, b"x", "exe", "the pasted image", "x"),
        Err(MediaError::Unsupported { name }) if name == "the pasted image"
    ));
    let big = vec![0u8; MAX_MEDIA_BYTES as usize + 1];
    assert!(matches!(
        add_bytes(&folder, &big, "png", "the pasted image", "x"),
        Err(MediaError::TooLarge { size, .. }) if size == MAX_MEDIA_BYTES + 1
    ));
    assert_eq!(count(), 2);
}
