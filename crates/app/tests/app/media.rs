//! The media protocol's byte ranges (so `<audio>` can seek), called as the
//! webview calls it.

use kioku_app::media_range_response;

/// A data directory's `sets/` with `pics.media/long.mp3`: 1000 bytes, each
/// its offset modulo 251, so any slice shows where it came from.
fn sets() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let sets = dir.path().join("sets");
    std::fs::create_dir_all(sets.join("pics.media")).unwrap();
    let bytes: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(sets.join("pics.media/long.mp3"), &bytes).unwrap();
    std::fs::write(dir.path().join("secret.mp3"), b"secret").unwrap();
    (dir, sets, bytes)
}

const URL: &str = "kioku-media://pics/long.mp3";

#[test]
fn one_range_is_a_206_with_that_slice() {
    let (_dir, sets, bytes) = sets();
    let r = media_range_response(&sets, URL, Some("bytes=100-199"));
    assert_eq!(r.status(), 206);
    assert_eq!(r.headers()["Content-Range"], "bytes 100-199/1000");
    assert_eq!(r.headers()["Content-Type"], "audio/mpeg");
    assert_eq!(r.headers()["Accept-Ranges"], "bytes");
    assert_eq!(&r.body()[..], &bytes[100..200]);

    let open_end = media_range_response(&sets, URL, Some("bytes=990-"));
    assert_eq!(open_end.status(), 206);
    assert_eq!(open_end.headers()["Content-Range"], "bytes 990-999/1000");
    assert_eq!(&open_end.body()[..], &bytes[990..]);

    let suffix = media_range_response(&sets, URL, Some("bytes=-10"));
    assert_eq!(suffix.status(), 206);
    assert_eq!(&suffix.body()[..], &bytes[990..]);

    let clamped = media_range_response(&sets, URL, Some("bytes=500-99999"));
    assert_eq!(clamped.headers()["Content-Range"], "bytes 500-999/1000");
    assert_eq!(clamped.body().len(), 500);
}

#[test]
fn no_or_ignored_ranges_serve_the_whole_file() {
    let (_dir, sets, bytes) = sets();
    for range in [
        None,
        Some("bytes=0-1,5-9"),
        Some("lines=1-2"),
        Some("bytes=9-2"),
    ] {
        let r = media_range_response(&sets, URL, range);
        assert_eq!(r.status(), 200, "{range:?}");
        assert_eq!(r.headers()["Accept-Ranges"], "bytes");
        assert!(r.headers().get("Content-Range").is_none(), "{range:?}");
        assert_eq!(&r.body()[..], &bytes[..], "{range:?}");
    }
}

#[test]
fn a_range_past_the_end_is_a_416() {
    let (_dir, sets, _) = sets();
    let r = media_range_response(&sets, URL, Some("bytes=1000-"));
    assert_eq!(r.status(), 416);
    assert_eq!(r.headers()["Content-Range"], "bytes */1000");
    assert!(r.body().is_empty());
}

#[test]
fn a_range_never_reaches_a_file_outside_the_folder() {
    let (_dir, sets, _) = sets();
    for url in [
        "kioku-media://pics/../../secret.mp3",
        "kioku-media://pics/..%2F..%2Fsecret.mp3",
    ] {
        let r = media_range_response(&sets, url, Some("bytes=0-3"));
        assert_eq!(r.status(), 404, "{url}");
        assert!(!r.body().starts_with(b"secr"), "{url}");
    }
}
