//! A damaged data directory: truncated files, garbage, NUL bytes, invalid
//! UTF-8, newer format versions, directories where files belong, a
//! read-only directory and a full disk. Each gives a clear message naming
//! the file; nothing readable is lost; nothing is silently rewritten.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::CardKey;
use kioku_core::library::Library;
use kioku_core::library::LibraryError as Error;
use kioku_core::review::{Event, EventId, Mode};
use kioku_core::scheduler::Rating;

const KEY: &str = "japan-russia-covid19/abe-cancelled-moscow-visit";
const OTHER: &str = "japan-russia-covid19/moscow-visit-anniversary";

fn open(dir: &Path) -> Result<Library, Error> {
    Library::open(dir, TimeZone::UTC, || "dev-a".into())
}

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn answer(lib: &mut Library, key: &str, at: &str, id: &str) -> Result<(), Error> {
    let key = CardKey::parse(key).unwrap();
    let now = lib.now(t(at));
    lib.answer(
        &key,
        Rating::Good,
        now,
        1000,
        Mode::Study,
        EventId(id.into()),
    )
    .map(|_| ())
}

fn reviews(lib: &Library) -> Vec<String> {
    lib.events()
        .iter()
        .filter_map(|e| match e {
            Event::Review(r) => Some(r.id.0.clone()),
            Event::Undo(_) => None,
        })
        .collect()
}

/// A data directory with two answers from this device (dev-a) and one from
/// another (dev-b).
fn populated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut lib = open(dir.path()).unwrap();
        answer(&mut lib, KEY, "2026-11-28T10:00:00Z", "a1").unwrap();
        answer(&mut lib, OTHER, "2026-11-28T10:01:00Z", "a2").unwrap();
    }
    let line = r#"{"type":"review","id":"b1","set":"japan-russia-covid19","question":"moscow-visit-anniversary","rating":"good","at":"2026-11-27T10:00:00Z","day":20419,"duration_ms":900,"mode":"study"}"#;
    fs::write(
        dir.path().join("reviews/dev-b.jsonl"),
        format!("{{\"kioku_reviews\":1,\"device\":\"dev-b\"}}\n{line}\n"),
    )
    .unwrap();
    dir
}

/// Every file under `root` (not the lock) with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().unwrap() != "kioku.lock" {
                out.insert(p.clone(), fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

fn warnings_text(lib: &Library) -> String {
    lib.warnings()
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn damaged_files_are_reported_by_name_and_never_rewritten() {
    let dir = populated();
    let root = dir.path();
    // Another device's log: a garbage line, NUL bytes and invalid UTF-8
    // between good lines.
    let b = root.join("reviews/dev-b.jsonl");
    let mut bytes = fs::read(&b).unwrap();
    let good = bytes.split(|c| *c == b'\n').nth(1).unwrap().to_vec();
    bytes.extend_from_slice(b"garbage\n\0\0\0\0\n\xff\xfe{}\n");
    bytes.extend_from_slice(
        &String::from_utf8(good)
            .unwrap()
            .replace("b1", "b2")
            .into_bytes(),
    );
    bytes.push(b'\n');
    fs::write(&b, &bytes).unwrap();
    // A third device's log that is only NUL bytes, one that is empty, one
    // that is a directory, and one from a newer kioku.
    fs::write(root.join("reviews/dev-c.jsonl"), [0u8; 4096]).unwrap();
    fs::write(root.join("reviews/dev-d.jsonl"), b"").unwrap();
    fs::create_dir(root.join("reviews/dev-e.jsonl")).unwrap();
    fs::write(
        root.join("reviews/dev-f.jsonl"),
        "{\"kioku_reviews\":9,\"device\":\"dev-f\"}\n{\"new\":\"format\"}\n",
    )
    .unwrap();
    // Settings: invalid UTF-8 in a string.
    fs::write(
        root.join("settings.json"),
        b"{\"kioku_settings\": 1, \"theme\": \"\xffdark\"}\n",
    )
    .unwrap();
    // Sets: truncated, empty, NUL bytes, a directory, a newer format.
    let set = kioku_core::synth::set_file("my-set", 5, 1);
    fs::write(root.join("sets/truncated.json"), &set[..set.len() / 2]).unwrap();
    fs::write(root.join("sets/empty.json"), b"").unwrap();
    fs::write(root.join("sets/nul.json"), [0u8; 100]).unwrap();
    fs::create_dir(root.join("sets/dir.json")).unwrap();
    fs::write(
        root.join("sets/newer.json"),
        set.replace("\"kioku\": 1", "\"kioku\": 2")
            .replace("my-set", "newer-set"),
    )
    .unwrap();
    fs::write(root.join("sets/good.json"), &set).unwrap();

    let before = snapshot(root);
    let mut lib = open(root).unwrap();
    let text = warnings_text(&lib);
    // Each problem names its file (and line, for logs).
    for expected in [
        "dev-b.jsonl:3: not a review-log event",
        "dev-b.jsonl:4: not a review-log event",
        "dev-b.jsonl:5: not valid UTF-8",
        "dev-c.jsonl:1: the last line was cut short",
        "dev-e.jsonl: not a regular file",
        "dev-f.jsonl: written by a newer kioku (format version 9",
        "settings.json: not valid JSON",
        "truncated.json",
        "empty.json",
        "nul.json",
        "dir.json: cannot read",
        "newer.json",
    ] {
        assert!(text.contains(expected), "no \"{expected}\" in:\n{text}");
    }
    assert!(!text.contains("dev-d.jsonl"), "{text}");
    // Nothing readable is lost.
    let mut ids = reviews(&lib);
    ids.sort();
    assert_eq!(ids, ["a1", "a2", "b1", "b2"]);
    assert!(
        lib.set(&kioku_core::bank::SetId::new("my-set").unwrap())
            .is_some()
    );
    // Answering and trying to save settings rewrite nothing but this
    // device's own log.
    answer(&mut lib, KEY, "2026-11-29T10:00:00Z", "a3").unwrap();
    let err = lib.save_settings(lib.settings().clone()).unwrap_err();
    assert!(err.to_string().contains("settings.json"), "{err}");
    drop(lib);
    let after = snapshot(root);
    let own = root.join("reviews/dev-a.jsonl");
    for (path, bytes) in &before {
        // The progress snapshot is a cache (derived from the logs).
        if *path != own && !path.starts_with(root.join("cache")) {
            assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
        }
    }
    assert!(after[&own].starts_with(&before[&own]));
}

#[test]
fn a_torn_own_log_is_cut_only_after_its_last_complete_line() {
    let dir = populated();
    let own = dir.path().join("reviews/dev-a.jsonl");
    let good = fs::read(&own).unwrap();
    // A crash can leave a half line or a block of NUL bytes at the end.
    for tail in [&b"{\"type\":\"review\",\"id\":\"a9\""[..], &[0u8; 512][..]] {
        let mut bytes = good.clone();
        bytes.extend_from_slice(tail);
        fs::write(&own, &bytes).unwrap();
        let lib = open(dir.path()).unwrap();
        assert_eq!(reviews(&lib).len(), 3);
        assert!(warnings_text(&lib).contains("dev-a.jsonl:4: the last line was cut short"));
        drop(lib);
        assert_eq!(fs::read(&own).unwrap(), good);
    }
}

#[test]
fn files_where_directories_or_devices_belong_give_clear_errors() {
    // This device's own log is a directory: kioku cannot append, and says so.
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()).unwrap());
    let own = dir.path().join("reviews/dev-a.jsonl");
    fs::remove_file(&own).unwrap();
    fs::create_dir(&own).unwrap();
    let err = open(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("dev-a.jsonl") && err.contains("not a regular file"),
        "{err}"
    );

    // settings.json is a directory.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("settings.json")).unwrap();
    let err = open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("settings.json: cannot read"), "{err}");

    // Another device's log is a link to an endless device: skipped, no hang.
    #[cfg(unix)]
    {
        let dir = populated();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("reviews/dev-z.jsonl")).unwrap();
        let lib = open(dir.path()).unwrap();
        assert!(warnings_text(&lib).contains("dev-z.jsonl: not a regular file"));
        assert_eq!(reviews(&lib).len(), 3);
    }

    // The device file is empty, truncated or from a newer kioku.
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()).unwrap());
    let device = fs::read_dir(dir.path().join("devices"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = device.file_name().unwrap().to_string_lossy().into_owned();
    for (bytes, says) in [
        (&b""[..], "not a device file"),
        (
            &b"{\"kioku_device\": 1, \"id\": \"de"[..],
            "not a device file",
        ),
        (&b"{\"kioku_device\": 7, \"id\": \"x\"}"[..], "newer kioku"),
    ] {
        fs::write(&device, bytes).unwrap();
        let err = open(dir.path()).unwrap_err().to_string();
        assert!(err.contains(&name) && err.contains(says), "{err}");
        assert_eq!(fs::read(&device).unwrap(), bytes, "left as it was");
    }
}

#[test]
fn settings_from_a_newer_kioku_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"kioku_settings\": 2, \"something\": \"new\"}\n";
    fs::write(dir.path().join("settings.json"), text).unwrap();
    let err = open(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("settings.json") && err.contains("newer kioku"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("settings.json")).unwrap(),
        text
    );
}

/// A small tmpfs mounted for one test; unmounted when dropped. `None`
/// where mounting is not allowed (not root, or no mount namespace rights).
///
/// Mounted with the mount(2) system call, not by running `mount`: a child
/// process forked while another test holds a data directory's lock shares
/// the lock's open file until it execs, so under load that test's reopen
/// found the directory "locked" by a `mount` that had not started yet.
/// With no child processes in this binary, no lock outlives its `Store`.
struct Tmpfs {
    path: PathBuf,
    _dir: tempfile::TempDir,
}

fn c_path(p: &Path) -> std::ffi::CString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::CString::new(p.as_os_str().as_bytes()).expect("no NUL in a temp path")
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let path = dir.path().join("mnt");
        fs::create_dir(&path).ok()?;
        let target = c_path(&path);
        let opts = std::ffi::CString::new(format!("size={size}")).ok()?;
        // SAFETY: every pointer is a valid NUL-terminated string that
        // outlives the call.
        let rc = unsafe {
            libc::mount(
                c"tmpfs".as_ptr(),
                target.as_ptr(),
                c"tmpfs".as_ptr(),
                0,
                opts.as_ptr().cast(),
            )
        };
        if rc != 0 {
            eprintln!("note: cannot mount a tmpfs here; the full-disk case is not exercised");
            return None;
        }
        Some(Tmpfs { path, _dir: dir })
    }

    /// Make the file system read-only.
    fn remount_read_only(&self) {
        let target = c_path(&self.path);
        // SAFETY: as in `mount`; a remount needs no source or type.
        let rc = unsafe {
            libc::mount(
                std::ptr::null(),
                target.as_ptr(),
                std::ptr::null(),
                libc::MS_REMOUNT | libc::MS_RDONLY,
                std::ptr::null(),
            )
        };
        assert_eq!(
            rc,
            0,
            "remount read-only: {}",
            std::io::Error::last_os_error()
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let target = c_path(&self.path);
        // SAFETY: as in `mount`.
        unsafe {
            libc::umount2(target.as_ptr(), libc::MNT_DETACH);
        }
    }
}

#[test]
fn a_full_disk_fails_the_answer_cleanly_and_loses_nothing_acknowledged() {
    let Some(fs_) = Tmpfs::mount("128k") else {
        return;
    };
    let root = fs_.path.join("data");
    let mut lib = open(&root).unwrap();
    let settings_before = {
        let mut s = lib.settings().clone();
        s.text_size = 120;
        lib.save_settings(s).unwrap();
        fs::read(root.join("settings.json")).unwrap()
    };
    // Fill the disk.
    let filler = fs_.path.join("filler");
    {
        use std::io::Write;
        let mut f = fs::File::create(&filler).unwrap();
        while f.write_all(&[b'x'; 4096]).is_ok() {}
        let _ = f.flush();
    }
    // Answers go on until the log's last block is full, then fail with a
    // message naming the log; none of the failed ones count.
    let mut acknowledged = Vec::new();
    let mut error = None;
    for i in 0..200 {
        let at = format!("2026-11-28T10:{:02}:{:02}Z", i / 60, i % 60);
        match answer(&mut lib, KEY, &at, &format!("f{i:03}")) {
            Ok(()) => acknowledged.push(format!("f{i:03}")),
            Err(e) => {
                error = Some(e.to_string());
                break;
            }
        }
    }
    let error = error.expect("the disk never filled up");
    assert!(
        error.contains("dev-a.jsonl") && error.contains("No space left"),
        "{error}"
    );
    assert_eq!(reviews(&lib), acknowledged);
    // Saving settings fails too, leaving the old file.
    let mut s = lib.settings().clone();
    s.text_size = 150;
    let err = lib.save_settings(s).unwrap_err().to_string();
    assert!(
        err.contains("settings.json") && err.contains("No space left"),
        "{err}"
    );
    assert_eq!(
        fs::read(root.join("settings.json")).unwrap(),
        settings_before
    );
    // Space comes back: answering goes on, on a line of its own.
    fs::remove_file(&filler).unwrap();
    answer(&mut lib, KEY, "2026-11-28T11:00:00Z", "after").unwrap();
    acknowledged.push("after".into());
    drop(lib);
    let lib = open(&root).unwrap();
    assert!(lib.warnings().is_empty(), "{}", warnings_text(&lib));
    assert_eq!(reviews(&lib), acknowledged);
    assert_eq!(lib.settings().text_size, 120);
}

#[test]
fn a_read_only_data_dir_gives_a_clear_error_and_changes_nothing() {
    let Some(fs_) = Tmpfs::mount("1m") else {
        return;
    };
    let root = fs_.path.join("data");
    {
        let mut lib = open(&root).unwrap();
        answer(&mut lib, KEY, "2026-11-28T10:00:00Z", "a1").unwrap();
    }
    let before = snapshot(&root);
    fs_.remount_read_only();
    let err = open(&root).unwrap_err().to_string();
    assert!(
        err.contains("kioku.lock") && err.contains("Read-only file system"),
        "{err}"
    );
    assert_eq!(snapshot(&root), before);
}
