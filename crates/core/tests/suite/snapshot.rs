//! The progress snapshot (`cache/snapshot-DEVICE.bin`): opening from it
//! and the logs' tails gives what replaying the whole history gives, card
//! for card; a damaged one is reported once, ignored and rebuilt.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::{CardKey, SetId};
use kioku_core::library::{Library, Opened, SNAPSHOT_VERSION, snapshot_path};
use kioku_core::review::{Event, EventId, Mode, Progress, ReviewEvent, UndoEvent};
use kioku_core::scheduler::{Rating, Retention, StudyDay};
use kioku_core::stats;
use kioku_core::store::{Cache, CacheFault, WarningKind};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const OWN: &str = "me";

fn open(dir: &Path) -> Library {
    Library::open(dir, TimeZone::UTC, || OWN.into()).unwrap()
}

/// Card keys of the built-in set, and one of a set that does not exist.
fn keys() -> Vec<CardKey> {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let set = &lib.sets()[0];
    let mut keys: Vec<CardKey> = set.cards().take(5).map(|c| c.key(&set.id)).collect();
    keys.push(CardKey::parse("gone-set/gone-question").unwrap());
    keys
}

fn base() -> Timestamp {
    "2026-01-01T10:00:00Z".parse().unwrap()
}

/// One generated event: by device `device`, a review or an undo.
#[derive(Debug, Clone)]
enum Op {
    Review {
        device: usize,
        card: usize,
        rating: u8,
        study: bool,
        /// Seconds from `base()`, relative to the op's place in history.
        jitter: i64,
    },
    Undo {
        device: usize,
        /// Index into earlier ops (modulo), or a missing id when `None`.
        target: Option<usize>,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0..3usize, 0..6usize, 1..=4u8, prop::bool::weighted(0.85), prop_oneof![
            9 => Just(0i64),
            1 => -200_000i64..200_000,
        ])
            .prop_map(|(device, card, rating, study, jitter)| Op::Review {
                device,
                card,
                rating,
                study,
                jitter,
            }),
        1 => (0..3usize, prop::option::weighted(0.9, 0..1000usize))
            .prop_map(|(device, target)| Op::Undo { device, target }),
    ]
}

/// Device 0 is the library's own; 1 and 2 are other devices' logs.
fn device_name(d: usize) -> String {
    if d == 0 {
        OWN.to_owned()
    } else {
        format!("dev-{d}")
    }
}

/// The events of `ops`, each with its device.
fn events(ops: &[Op], keys: &[CardKey]) -> Vec<(usize, Event)> {
    let mut out: Vec<(usize, Event)> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let id = EventId(format!("{i:016x}"));
        match *op {
            Op::Review {
                device,
                card,
                rating,
                study,
                jitter,
            } => {
                let key = &keys[card];
                // Mostly in order, an hour apart; sometimes far off.
                let at = base()
                    .saturating_add(jiff::SignedDuration::from_secs(i as i64 * 3600 + jitter))
                    .unwrap();
                out.push((
                    device,
                    Event::Review(ReviewEvent {
                        id,
                        set: key.set.clone(),
                        question: key.question.clone(),
                        card: key.variant_suffix(),
                        rating: Rating::from_number(rating).unwrap(),
                        at,
                        day: StudyDay::of(at, &TimeZone::UTC, 4),
                        // Some unmeasured (0), for the statistics.
                        duration_ms: (i as u64 % 3) * 700,
                        mode: if study { Mode::Study } else { Mode::Cram },
                    }),
                ));
            }
            Op::Undo { device, target } => {
                let undoes = match target {
                    Some(t) if !out.is_empty() => out[t % out.len()].1.id().clone(),
                    _ => EventId("ffffffffffffffff".into()),
                };
                let at = base()
                    .saturating_add(jiff::SignedDuration::from_secs(i as i64 * 3600))
                    .unwrap();
                out.push((device, Event::Undo(UndoEvent { id, undoes, at })));
            }
        }
    }
    out
}

fn log_path(root: &Path, device: usize) -> std::path::PathBuf {
    root.join("reviews")
        .join(format!("{}.jsonl", device_name(device)))
}

/// Append events to their devices' logs (with a header for a new log).
fn append(root: &Path, events: &[(usize, Event)]) {
    use std::io::Write;
    fs::create_dir_all(root.join("reviews")).unwrap();
    for (device, e) in events {
        let path = log_path(root, *device);
        let new = !path.exists();
        let mut f = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .unwrap();
        if new {
            writeln!(
                f,
                "{{\"kioku_reviews\":1,\"device\":\"{}\"}}",
                device_name(*device)
            )
            .unwrap();
        }
        writeln!(f, "{}", serde_json::to_string(e).unwrap()).unwrap();
    }
}

fn sorted_warnings(lib: &Library) -> Vec<String> {
    let mut v: Vec<String> = lib.warnings().iter().map(ToString::to_string).collect();
    v.sort();
    v
}

/// Statistics from the per-day sums in `lib`'s progress equal those of a
/// whole replay, for all sets and for each one, at a few instants.
fn same_stats(lib: &Library) -> Result<(), TestCaseError> {
    let mut scopes: Vec<Option<SetId>> = vec![None];
    scopes.extend(keys().iter().map(|k| Some(k.set.clone())));
    scopes.dedup();
    for at in [
        "2026-01-02T03:00:00Z",
        "2026-01-03T20:00:00Z",
        "2026-01-20T12:00:00Z",
    ] {
        let now = lib.now(at.parse().unwrap());
        for set in &scopes {
            let fast = stats::for_library(lib, set.as_ref(), now).unwrap();
            let slow = stats::for_library_replayed(lib, set.as_ref(), now).unwrap();
            prop_assert_eq!(fast, slow);
        }
    }
    Ok(())
}

static FROM_SNAPSHOT: AtomicUsize = AtomicUsize::new(0);
static REPLAYED: AtomicUsize = AtomicUsize::new(0);

/// Open `root` (with its snapshot), then the same logs with no snapshot;
/// both must give the same progress, card for card, and the same
/// warnings. Leaves `root` with a fresh snapshot.
fn check_against_full_replay(root: &Path) -> Result<(), TestCaseError> {
    let lib = open(root);
    match lib.opened() {
        Opened::Snapshot { .. } => FROM_SNAPSHOT.fetch_add(1, Ordering::Relaxed),
        Opened::Replayed => REPLAYED.fetch_add(1, Ordering::Relaxed),
    };
    // The events, read lazily, replay to the same progress.
    let replayed = Progress::replay(lib.events(), lib.scheduler()).unwrap();
    prop_assert!(lib.progress().same_as(&replayed), "{:?}", lib.opened());
    same_stats(&lib)?;
    let warnings = sorted_warnings(&lib);
    let events = lib.events().to_vec();
    drop(lib);
    // A copy without the snapshot: a whole replay.
    let copy = tempfile::tempdir().unwrap();
    for sub in ["reviews", "devices"] {
        fs::create_dir_all(copy.path().join(sub)).unwrap();
        for e in fs::read_dir(root.join(sub)).unwrap() {
            let p = e.unwrap().path();
            fs::copy(&p, copy.path().join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    let full = open(copy.path());
    prop_assert_eq!(full.opened(), Opened::Replayed);
    prop_assert!(full.progress().same_as(&replayed));
    prop_assert_eq!(full.events(), &events[..]);
    let copy_warnings: Vec<String> = sorted_warnings(&full)
        .into_iter()
        .map(|w| {
            w.replace(
                &copy.path().display().to_string(),
                &root.display().to_string(),
            )
        })
        .collect();
    prop_assert_eq!(copy_warnings, warnings);
    Ok(())
}

/// What happens to a log between two opens.
#[derive(Debug, Clone, Copy)]
enum Damage {
    None,
    /// Cut back by this many bytes.
    Shrink(u16),
    /// A half-written line at the end.
    Torn,
    /// One byte of the covered part changed (same length).
    Flip(u16),
    /// A garbage line appended.
    Garbage,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        12 => Just(Damage::None),
        1 => any::<u16>().prop_map(Damage::Shrink),
        1 => Just(Damage::Torn),
        1 => any::<u16>().prop_map(Damage::Flip),
        1 => Just(Damage::Garbage),
    ]
}

fn apply_damage(root: &Path, device: usize, d: Damage) {
    let path = log_path(root, device);
    let Ok(mut bytes) = fs::read(&path) else {
        return;
    };
    match d {
        Damage::None => return,
        Damage::Shrink(n) => {
            let n = usize::from(n) % (bytes.len() + 1);
            bytes.truncate(bytes.len() - n);
        }
        Damage::Torn => bytes.extend_from_slice(b"{\"type\":\"review\",\"id\":\"to"),
        Damage::Flip(at) => {
            if bytes.is_empty() {
                return;
            }
            let at = usize::from(at) % bytes.len();
            bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
        }
        Damage::Garbage => bytes.extend_from_slice(b"garbage\n"),
    }
    fs::write(&path, bytes).unwrap();
}

#[test]
fn opening_from_a_snapshot_gives_what_a_whole_replay_gives() {
    let keys = keys();
    let mut runner = TestRunner::new(Config {
        cases: 96,
        ..Config::default()
    });
    let strategy = (
        prop::collection::vec(op(), 0..60),
        // Up to three cut points: each open sees the history up to one.
        prop::collection::vec(0..=100usize, 1..=3),
        // Per cut, damage to the other devices' logs (1 and 2).
        prop::collection::vec((damage(), damage()), 3),
    );
    runner
        .run(&strategy, |(ops, mut cuts, damages)| {
            let all = events(&ops, &keys);
            cuts.sort_unstable();
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            let mut written = 0;
            for (i, cut) in cuts.iter().chain([&100]).enumerate() {
                let upto = all.len() * cut / 100;
                append(root, &all[written.min(upto)..upto]);
                written = written.max(upto);
                if let Some((a, b)) = damages.get(i) {
                    apply_damage(root, 1, *a);
                    apply_damage(root, 2, *b);
                }
                check_against_full_replay(root)?;
                prop_assert!(snapshot_path(root, OWN).exists());
            }
            Ok(())
        })
        .unwrap();
    let (snap, full) = (
        FROM_SNAPSHOT.load(Ordering::Relaxed),
        REPLAYED.load(Ordering::Relaxed),
    );
    // Both paths were taken often enough to mean something.
    assert!(snap > 50 && full > 50, "snapshot {snap}, replayed {full}");
}

/// A small history in `root`, opened once so the snapshot exists.
fn history(root: &Path) -> Progress {
    history_of(root, 40)
}

/// `n` reviews across three devices, opened once so the snapshot exists.
fn history_of(root: &Path, n: usize) -> Progress {
    let keys = keys();
    let ops: Vec<Op> = (0..n)
        .map(|i| Op::Review {
            device: i % 3,
            card: i % keys.len(),
            rating: (i % 4) as u8 + 1,
            study: true,
            jitter: 0,
        })
        .collect();
    append(root, &events(&ops, &keys));
    let lib = open(root);
    let p = lib.progress().clone();
    drop(lib);
    assert!(snapshot_path(root, OWN).exists());
    p
}

#[test]
fn a_damaged_snapshot_is_reported_once_ignored_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let expected = history(root);
    let path = snapshot_path(root, OWN);
    let good = fs::read(&path).unwrap();
    let mut other_version = good.clone();
    other_version[8..12].copy_from_slice(&(SNAPSHOT_VERSION + 1).to_le_bytes());
    let mut bad_checksum = good.clone();
    *bad_checksum.last_mut().unwrap() ^= 0x55;
    let mut overlong = good.clone();
    overlong.extend_from_slice(b"more");
    for (what, bytes, fault) in [
        (
            "garbage",
            b"not a snapshot at all".to_vec(),
            CacheFault::NotCache,
        ),
        ("empty", Vec::new(), CacheFault::NotCache),
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            CacheFault::Length,
        ),
        ("overlong", overlong, CacheFault::Length),
        (
            "other version",
            other_version,
            CacheFault::OtherVersion {
                found: SNAPSHOT_VERSION + 1,
                supported: SNAPSHOT_VERSION,
            },
        ),
        ("bad checksum", bad_checksum, CacheFault::Checksum),
    ] {
        fs::write(&path, &bytes).unwrap();
        let mut lib = open(root);
        let w: Vec<String> = lib
            .warnings()
            .iter()
            .filter(|w| w.path == path)
            .map(ToString::to_string)
            .collect();
        assert_eq!(w.len(), 1, "{what}: {w:?}");
        assert!(
            w[0].contains("progress snapshot not used"),
            "{what}: {}",
            w[0]
        );
        assert!(
            matches!(
                &lib.warnings()[0].kind,
                WarningKind::CacheNotUsed { cache: Cache::Snapshot, fault: f } if *f == fault
            ),
            "{what}: {:?}",
            lib.warnings()
        );
        assert_eq!(lib.warnings().len(), 1, "{what}: {:?}", lib.warnings());
        assert_eq!(lib.opened(), Opened::Replayed, "{what}");
        assert!(lib.progress().same_as(&expected), "{what}");
        // Rebuilt: written again, and the next open uses it silently.
        assert!(lib.save_snapshot().unwrap(), "{what}");
        drop(lib);
        assert_eq!(fs::read(&path).unwrap(), good, "{what}");
        let lib = open(root);
        assert!(lib.warnings().is_empty(), "{what}: {:?}", lib.warnings());
        assert_eq!(lib.opened(), Opened::Snapshot { tail_events: 0 }, "{what}");
        assert!(lib.progress().same_as(&expected), "{what}");
    }
    // Deleting it loses nothing.
    fs::remove_dir_all(root.join("cache")).unwrap();
    let lib = open(root);
    assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
    assert_eq!(lib.opened(), Opened::Replayed);
    assert!(lib.progress().same_as(&expected));
}

/// Close `lib` as a crash would: the snapshot on disk stays as it was.
fn drop_without_snapshot(lib: Library, root: &Path) {
    let path = snapshot_path(root, OWN);
    let before = fs::read(&path).ok();
    drop(lib);
    match before {
        Some(bytes) => fs::write(&path, bytes).unwrap(),
        None => {
            let _ = fs::remove_file(&path);
        }
    }
}

#[test]
fn answers_after_the_snapshot_are_replayed_on_top_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    history(root);
    let keys = keys();
    let mut at: Timestamp = "2026-06-01T10:00:00Z".parse().unwrap();
    for round in 0..3u64 {
        let mut lib = open(root);
        // The snapshot is up to date: no tail, nothing to write.
        assert_eq!(lib.opened(), Opened::Snapshot { tail_events: 0 });
        assert!(!lib.save_snapshot().unwrap());
        for (i, key) in keys.iter().enumerate() {
            let now = lib.now(at);
            let id = EventId(format!("{:016x}", 0xa000 + round * 100 + i as u64));
            lib.answer(key, Rating::Good, now, 1000, Mode::Study, id)
                .unwrap();
            at = at
                .saturating_add(jiff::SignedDuration::from_mins(1))
                .unwrap();
        }
        let progress = lib.progress().clone();
        // A crash before the snapshot is written: the answers are in the
        // log and the old snapshot still opens to the same progress.
        drop_without_snapshot(lib, root);
        let lib = open(root);
        assert_eq!(
            lib.opened(),
            Opened::Snapshot {
                tail_events: keys.len()
            }
        );
        assert!(lib.progress().same_as(&progress));
        let replayed = Progress::replay(lib.events(), lib.scheduler()).unwrap();
        assert!(lib.progress().same_as(&replayed));
        drop(lib);
    }
}

#[test]
fn new_settings_or_an_undo_of_an_older_answer_replay_everything() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    history(root);
    // Other settings: a whole replay, then a snapshot for them.
    let mut lib = open(root);
    let mut s = lib.settings().clone();
    s.scheduler.desired_retention = Retention::new(0.85).unwrap();
    lib.save_settings(s).unwrap();
    let expected = lib.progress().clone();
    drop(lib);
    let lib = open(root);
    assert_eq!(lib.opened(), Opened::Snapshot { tail_events: 0 });
    assert!(lib.progress().same_as(&expected));
    drop(lib);
    fs::write(root.join("settings.json"), "{\"kioku_settings\": 1}\n").unwrap();
    let lib = open(root);
    assert_eq!(lib.opened(), Opened::Replayed);
    drop(lib);
    // An undo across sessions of an answer inside the snapshot.
    let mut lib = open(root);
    let at: Timestamp = "2026-06-01T10:00:00Z".parse().unwrap();
    let undone = lib.undo(at, EventId("u1".into())).unwrap();
    assert!(undone.is_some());
    let expected = lib.progress().clone();
    drop_without_snapshot(lib, root);
    let lib = open(root);
    assert_eq!(lib.opened(), Opened::Replayed);
    assert!(lib.progress().same_as(&expected));
}

#[test]
fn parsed_sets_come_from_the_cache_only_while_their_files_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sets")).unwrap();
    for (i, id) in ["set-a", "set-b", "set-c"].iter().enumerate() {
        fs::write(
            root.join("sets").join(format!("{id}.json")),
            kioku_core::synth::set_file(id, 20 + i, i as u64),
        )
        .unwrap();
    }
    let parsed = |root: &Path| -> Vec<kioku_core::bank::QuestionSet> {
        let mut v: Vec<_> = fs::read_dir(root.join("sets"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v.iter()
            .filter_map(|p| kioku_core::bank::load_set_file(p).ok())
            .collect()
    };
    let user_sets = |lib: &Library| lib.sets()[1..].to_vec();
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(root));
    drop(lib);
    let cache = root.join("cache/sets.bin");
    assert!(cache.exists());
    // From the cache: the same sets.
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(root));
    drop(lib);
    // A file changed without changing its length or modification time:
    // the hash tells.
    let b = root.join("sets/set-b.json");
    let mtime = fs::metadata(&b).unwrap().modified().unwrap();
    let text = fs::read_to_string(&b).unwrap();
    let changed = text.replacen("Synthetic set", "Synthetik set", 1);
    assert_eq!(changed.len(), text.len());
    fs::write(&b, &changed).unwrap();
    fs::File::options()
        .write(true)
        .open(&b)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(root));
    drop(lib);
    // A removed set is gone; a garbage cache is ignored and rewritten.
    fs::remove_file(root.join("sets/set-c.json")).unwrap();
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(root));
    drop(lib);
    // A damaged cache is reported once, ignored and rebuilt.
    let good = fs::read(&cache).unwrap();
    let mut other_version = good.clone();
    other_version[8..12].copy_from_slice(&99u32.to_le_bytes());
    let mut bad_checksum = good.clone();
    *bad_checksum.last_mut().unwrap() ^= 0x55;
    for (what, garbage, found) in [
        ("garbage", b"junk".to_vec(), CacheFault::NotCache),
        ("truncated", good[..40].to_vec(), CacheFault::Length),
        (
            "other version",
            other_version,
            CacheFault::OtherVersion {
                found: 99,
                supported: u32::from_le_bytes(good[8..12].try_into().unwrap()),
            },
        ),
        ("bad checksum", bad_checksum, CacheFault::Checksum),
    ] {
        fs::write(&cache, &garbage).unwrap();
        let lib = open(root);
        let w: Vec<String> = lib.warnings().iter().map(ToString::to_string).collect();
        assert_eq!(w.len(), 1, "{what}: {w:?}");
        assert!(
            w[0].contains("sets.bin") && w[0].contains("parsed-set cache not used"),
            "{what}: {w:?}"
        );
        assert!(
            matches!(
                &lib.warnings()[0].kind,
                WarningKind::CacheNotUsed { cache: Cache::Sets, fault } if *fault == found
            ),
            "{what}: {:?}",
            lib.warnings()
        );
        assert_eq!(user_sets(&lib), parsed(root), "{what}");
        drop(lib);
        assert_eq!(fs::read(&cache).unwrap(), good, "{what}");
        let lib = open(root);
        assert!(lib.warnings().is_empty(), "{what}: {:?}", lib.warnings());
        assert_eq!(user_sets(&lib), parsed(root), "{what}");
    }
}

#[test]
fn set_files_are_known_by_their_stamp_and_read_again_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sets")).unwrap();
    let a = root.join("sets/set-a.json");
    fs::write(&a, kioku_core::synth::set_file("set-a", 30, 1)).unwrap();
    let user_sets = |lib: &Library| lib.sets()[1..].to_vec();
    let parsed = |p: &Path| vec![kioku_core::bank::load_set_file(p).unwrap()];
    let cache = root.join("cache/sets.bin");
    drop(open(root));
    let first = fs::read(&cache).unwrap();
    // Unchanged: the cache is used and not rewritten.
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(&a));
    drop(lib);
    assert_eq!(fs::read(&cache).unwrap(), first);
    // `touch`: the stamp differs, the bytes do not; the cached set is
    // used and the new stamp recorded (the cache is rewritten once).
    let later = fs::metadata(&a).unwrap().modified().unwrap() + std::time::Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(&a));
    drop(lib);
    let touched = fs::read(&cache).unwrap();
    assert_ne!(touched, first);
    drop(open(root));
    assert_eq!(fs::read(&cache).unwrap(), touched);
    // Edited in place to the same length, the modification time put back:
    // the status-change time moved, so the file is read and parsed again.
    let mtime = fs::metadata(&a).unwrap().modified().unwrap();
    let text = fs::read_to_string(&a).unwrap();
    let edited = text.replacen("Synthetic set", "Synthetix set", 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    fs::write(&a, &edited).unwrap();
    fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(&a));
    assert!(user_sets(&lib)[0].title.contains("Synthetix"));
    drop(lib);
    // Replaced by another file (save-by-rename), same length and mtime:
    // a new inode, so it is read again.
    let tmp = root.join("sets/.set-a.json.tmp");
    fs::write(&tmp, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&tmp)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    fs::rename(&tmp, &a).unwrap();
    let lib = open(root);
    assert_eq!(user_sets(&lib), parsed(&a));
    assert!(!user_sets(&lib)[0].title.contains("Synthetix"));
    drop(lib);
    // And the cache holds what a fresh parse gives.
    fs::remove_dir_all(root.join("cache")).unwrap();
    let lib = open(root);
    assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
    assert_eq!(user_sets(&lib), parsed(&a));
}

/// Answer `n` cards of the built-in set, a minute apart from `at`.
fn answer_some(lib: &mut Library, n: usize, at: &mut Timestamp, tag: u64) {
    let keys = keys();
    for i in 0..n {
        let key = &keys[i % (keys.len() - 1)];
        let now = lib.now(*at);
        let id = EventId(format!("{:016x}", tag * 1000 + i as u64));
        lib.answer(key, Rating::Good, now, 1000, Mode::Study, id)
            .unwrap();
        *at = at
            .saturating_add(jiff::SignedDuration::from_mins(1))
            .unwrap();
    }
}

#[test]
fn a_snapshot_saved_during_a_session_is_used_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    history(root);
    let mut at: Timestamp = "2026-06-01T10:00:00Z".parse().unwrap();
    let mut lib = open(root);
    answer_some(&mut lib, 4, &mut at, 0xb1);
    // What the app does every few answers.
    assert!(lib.snapshot_due(4));
    assert!(!lib.snapshot_due(5));
    assert!(lib.save_snapshot().unwrap());
    assert!(!lib.snapshot_due(1));
    answer_some(&mut lib, 3, &mut at, 0xb2);
    let progress = lib.progress().clone();
    // Killed before it could write again: the mid-session snapshot and
    // the 3 answers after it, which are in the log.
    drop_without_snapshot(lib, root);
    let lib = open(root);
    assert_eq!(lib.opened(), Opened::Snapshot { tail_events: 3 });
    assert!(lib.progress().same_as(&progress));
    drop(lib);
    check_against_full_replay(root).unwrap();
}

/// Change one rating in the middle of `device`'s log, keeping its length
/// and its modification time.
fn change_middle(root: &Path, device: usize) {
    let path = log_path(root, device);
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mid = lines.len() / 2;
    let line = lines[mid];
    let changed = if line.contains("\"rating\":\"good\"") {
        line.replace("\"rating\":\"good\"", "\"rating\":\"easy\"")
    } else {
        line.replace(
            &format!(
                "\"rating\":\"{}\"",
                ["again", "hard", "easy"]
                    .iter()
                    .find(|r| line.contains(&format!("\"rating\":\"{r}\"")))
                    .unwrap()
            ),
            "\"rating\":\"good\"",
        )
    };
    assert_ne!(changed, line);
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[mid] = changed;
    let new = out.join("\n") + "\n";
    // Same length only when the swap kept it; either way, same mtime.
    fs::write(&path, new).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
}

#[test]
fn a_change_inside_the_covered_prefix_forces_a_whole_replay() {
    for device in [0, 1] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Logs of ~190 KB each: the middle is far from both ends.
        history_of(root, 3000);
        assert!(fs::metadata(log_path(root, device)).unwrap().len() > 150_000);
        // The snapshot is used while nothing changed.
        assert_eq!(open(root).opened(), Opened::Snapshot { tail_events: 0 });
        change_middle(root, device);
        let lib = open(root);
        assert_eq!(lib.opened(), Opened::Replayed, "device {device}");
        drop(lib);
        check_against_full_replay(root).unwrap();
        // A log rewritten with the very same bytes (a new file, as a sync
        // tool writes it) is read to check it, and the snapshot is used.
        let path = log_path(root, device);
        let bytes = fs::read(&path).unwrap();
        fs::remove_file(&path).unwrap();
        fs::write(&path, bytes).unwrap();
        let lib = open(root);
        assert_eq!(lib.opened(), Opened::Snapshot { tail_events: 0 });
        drop(lib);
        // ...and the snapshot written then records its new stamp.
        let mut lib = open(root);
        assert!(!lib.save_snapshot().unwrap());
    }
}

/// Events of device `device` at `at`, `at + 1 h`, ... rating the first
/// cards Good.
fn more_events(device: usize, n: usize, at: Timestamp, tag: u64) -> Vec<(usize, Event)> {
    let keys = keys();
    (0..n)
        .map(|i| {
            let key = &keys[i % (keys.len() - 1)];
            let at = at
                .saturating_add(jiff::SignedDuration::from_hours(i as i64))
                .unwrap();
            (
                device,
                Event::Review(ReviewEvent {
                    id: EventId(format!("{:016x}", tag * 1000 + i as u64)),
                    set: key.set.clone(),
                    question: key.question.clone(),
                    card: key.variant_suffix(),
                    rating: Rating::Good,
                    at,
                    day: StudyDay::of(at, &TimeZone::UTC, 4),
                    duration_ms: 1000,
                    mode: Mode::Study,
                }),
            )
        })
        .collect()
}

#[test]
fn tails_appended_to_any_log_are_replayed_on_top_of_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    history(root);
    let later: Timestamp = "2026-06-01T10:00:00Z".parse().unwrap();
    let mut tail = more_events(1, 3, later, 0xc1);
    tail.extend(more_events(
        2,
        2,
        later
            .saturating_add(jiff::SignedDuration::from_hours(10))
            .unwrap(),
        0xc2,
    ));
    // A new device's log, all of it later than the snapshot.
    tail.extend(more_events(
        3,
        2,
        later
            .saturating_add(jiff::SignedDuration::from_hours(20))
            .unwrap(),
        0xc3,
    ));
    append(root, &tail);
    let lib = open(root);
    assert_eq!(lib.opened(), Opened::Snapshot { tail_events: 7 });
    drop(lib);
    check_against_full_replay(root).unwrap();
}

#[test]
fn a_late_log_with_events_before_the_snapshot_forces_a_whole_replay() {
    // A new device's log (synced late), and a tail of a known device's log.
    for device in [3, 1] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        history(root);
        // Within the history's hours: sorts before covered reviews.
        let early = base()
            .saturating_add(jiff::SignedDuration::from_mins(90))
            .unwrap();
        append(root, &more_events(device, 2, early, 0xd1));
        let lib = open(root);
        assert_eq!(lib.opened(), Opened::Replayed, "device {device}");
        drop(lib);
        check_against_full_replay(root).unwrap();
    }
}

#[test]
fn an_undo_in_a_tail_of_an_event_inside_the_snapshot_forces_a_whole_replay() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    history(root);
    let at: Timestamp = "2026-06-01T10:00:00Z".parse().unwrap();
    // Another device undoes review 7 of the history (covered).
    let undo = Event::Undo(UndoEvent {
        id: EventId("e0000000000000001".into()),
        undoes: EventId(format!("{:016x}", 7)),
        at,
    });
    append(root, &[(2, undo)]);
    let lib = open(root);
    assert_eq!(lib.opened(), Opened::Replayed);
    drop(lib);
    check_against_full_replay(root).unwrap();
}

#[test]
fn statistics_from_the_day_sums_equal_a_replay_after_answers_and_undos() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    history_of(root, 120);
    let keys = keys();
    let mut at: Timestamp = "2026-03-01T10:00:00Z".parse().unwrap();
    let mut lib = open(root);
    // Answers with every rating and measured or unmeasured times, some
    // undone in the session (taken back from the sums), one across
    // sessions (a replay).
    for i in 0..40u64 {
        let key = &keys[i as usize % (keys.len() - 1)];
        let now = lib.now(at);
        let rating = Rating::from_number((i % 4) as u8 + 1).unwrap();
        let id = EventId(format!("{:016x}", 0xc000 + i));
        lib.answer(key, rating, now, (i % 3) * 900, Mode::Study, id)
            .unwrap();
        if i % 7 == 3 {
            let id = EventId(format!("{:016x}", 0xd000 + i));
            assert!(lib.undo(at, id).unwrap().is_some());
        }
        at = at
            .saturating_add(jiff::SignedDuration::from_hours(20))
            .unwrap();
        same_stats(&lib).unwrap();
    }
    let now = lib.now(at);
    let fast = stats::for_library(&lib, None, now).unwrap();
    assert!(fast.total_reviews > 100);
    assert!(fast.retention.last_365_days.young.reviews > 0);
    drop(lib);
    // Reopened from the snapshot (the sums come from it).
    let lib = open(root);
    assert_eq!(lib.opened(), Opened::Snapshot { tail_events: 0 });
    assert_eq!(stats::for_library(&lib, None, now).unwrap(), fast);
    same_stats(&lib).unwrap();
    // An undo across sessions.
    drop(lib);
    let mut lib = open(root);
    assert!(lib.undo(at, EventId("u-late".into())).unwrap().is_some());
    same_stats(&lib).unwrap();
}
