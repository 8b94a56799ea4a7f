//! Whole-process benchmark figures (see benches/README.md):
//!
//! ```text
//! cargo build --release --examples
//! target/release/examples/bench all WORK_DIR [SIZES]   # e.g. 1k,10k,100k
//! ```
//!
//! `all` generates the data directories it lacks (`WORK_DIR/QUESTIONS`),
//! then runs itself as a child process for every figure, so each child
//! starts cold (a new process; the OS page cache is warm) and its peak RSS
//! is its own. The single measurements can be run by hand too:
//!
//! ```text
//! bench open DIR        cold open + today's queue, wall time and VmHWM
//! bench answer DIR N [START]  N durable answers, median and p99
//! bench replay DIR      scheduler replay throughput
//! bench optimize DIR    fsrs::compute_parameters on the log
//! bench bank DIR        built-in bank + a generated 10k-question set
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::CardKey;
use kioku_core::library::Library;
use kioku_core::review::progress::Progress;
use kioku_core::review::{Event, EventId, Mode};
use kioku_core::scheduler::Rating;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The benchmarks pretend it is this moment: the day after the synthetic
/// history ends.
const TODAY: &str = "2026-11-28T10:00:00Z";
const END: &str = "2026-11-28T00:00:00Z";

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| -> Res<&str> {
        args.get(i)
            .map(String::as_str)
            .ok_or_else(|| "missing argument; see the top of examples/bench.rs".into())
    };
    match arg(0)? {
        "open" => open(Path::new(arg(1)?)),
        "answer" => answer(
            Path::new(arg(1)?),
            arg(2)?.parse()?,
            args.get(3).map(|s| s.parse()).transpose()?,
        ),
        "replay" => replay(Path::new(arg(1)?)),
        "phases" => phases(Path::new(arg(1)?)),
        "optimize" => optimize(Path::new(arg(1)?)),
        "bank" => bank(Path::new(arg(1)?)),
        "all" => all(
            Path::new(arg(1)?),
            args.get(2).map_or("1k,10k,100k", String::as_str),
        ),
        other => Err(format!("unknown command {other}").into()),
    }
}

fn now() -> Timestamp {
    TODAY.parse().unwrap()
}

/// Peak resident set size of this process, in kB.
fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn open(dir: &Path) -> Res<()> {
    let start = Instant::now();
    let lib = Library::open(dir, TimeZone::UTC, || "bench-device".into())?;
    let opened = start.elapsed();
    let today = lib.now(now());
    let queue = lib.queue(None, today);
    let total = start.elapsed();
    // Not `lib.events()`: after an open from the snapshot that would read
    // the whole history.
    let from = match lib.opened() {
        kioku_core::library::Opened::Replayed => "replay".to_owned(),
        kioku_core::library::Opened::Snapshot { tail_events } => format!("snapshot+{tail_events}"),
    };
    println!(
        "{{\"open_ms\":{:.1},\"queue_ms\":{:.1},\"total_ms\":{:.1},\"vmhwm_kb\":{},\"from\":\"{from}\",\"learning\":{},\"review\":{},\"new\":{},\"warnings\":{}}}",
        ms(opened),
        ms(total - opened),
        ms(total),
        vm_hwm_kb(),
        queue.learning.len() + queue.learning_later.len(),
        queue.review.len(),
        queue.new.len(),
        lib.warnings().len()
    );
    Ok(())
}

/// `start`: when the first answer is given (default: `TODAY`); answers
/// are 5 s apart, with event ids from `start`.
fn answer(dir: &Path, n: usize, start: Option<Timestamp>) -> Res<()> {
    let mut lib = Library::open(dir, TimeZone::UTC, || "bench-device".into())?;
    // Cards to answer: every user card in set order, cycling.
    let keys: Vec<CardKey> = lib
        .sets()
        .iter()
        .filter(|s| !lib.is_builtin(&s.id))
        .flat_map(|s| s.cards().map(|c| c.key(&s.id)).collect::<Vec<_>>())
        .collect();
    let mut times = Vec::with_capacity(n);
    let mut at = start.unwrap_or_else(now);
    let first_id = 0xbe_0000_0000u64 + at.as_second().unsigned_abs();
    for i in 0..n {
        let key = &keys[i % keys.len()];
        let today = lib.now(at);
        let rating = if i % 8 == 0 {
            Rating::Again
        } else {
            Rating::Good
        };
        let id = EventId(format!("{:016x}", first_id + i as u64));
        let start = Instant::now();
        lib.answer(key, rating, today, 4000, Mode::Study, id)?;
        times.push(start.elapsed());
        at = at.saturating_add(jiff::SignedDuration::from_secs(5))?;
    }
    times.sort();
    let pct = |p: f64| ms(times[((times.len() - 1) as f64 * p).round() as usize]);
    println!(
        "{{\"answers\":{n},\"median_ms\":{:.3},\"p99_ms\":{:.3},\"max_ms\":{:.3},\"log\":\"{}\"}}",
        pct(0.5),
        pct(0.99),
        pct(1.0),
        lib.store().log_path().display()
    );
    Ok(())
}

/// Where the open time goes: reading the logs, loading the sets,
/// replaying.
fn phases(dir: &Path) -> Res<()> {
    let list = |sub: &str, ext: &str| -> Res<Vec<PathBuf>> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        v.retain(|p| p.extension().is_some_and(|e| e == ext));
        Ok(v)
    };
    let t = Instant::now();
    let mut events = Vec::new();
    for p in list("reviews", "jsonl")? {
        events.extend(kioku_core::store::log::read_log(&p)?.events);
    }
    let logs = t.elapsed();
    let t = Instant::now();
    let mut cards = 0;
    for p in list("sets", "json")? {
        cards += kioku_core::bank::load_set_file(&p)?.card_count();
    }
    let sets = t.elapsed();
    let scheduler = kioku_core::scheduler::Scheduler::new(Default::default())?;
    let t = Instant::now();
    let p = Progress::replay(&events, &scheduler)?;
    let replayed = t.elapsed();
    std::hint::black_box(p);
    println!(
        "{{\"events\":{},\"read_logs_ms\":{:.0},\"cards\":{cards},\"load_sets_ms\":{:.0},\"replay_ms\":{:.0}}}",
        events.len(),
        ms(logs),
        ms(sets),
        ms(replayed)
    );
    Ok(())
}

fn replay(dir: &Path) -> Res<()> {
    let lib = Library::open(dir, TimeZone::UTC, || "bench-device".into())?;
    let events = lib.events();
    let reviews = events
        .iter()
        .filter(|e| matches!(e, Event::Review(_)))
        .count();
    let mut best = Duration::MAX;
    let mut runs = 0;
    let start = Instant::now();
    while runs < 3 || (start.elapsed() < Duration::from_secs(5) && runs < 20) {
        let t = Instant::now();
        let p = Progress::replay(events, lib.scheduler())?;
        best = best.min(t.elapsed());
        std::hint::black_box(p);
        runs += 1;
    }
    println!(
        "{{\"reviews\":{reviews},\"best_ms\":{:.1},\"runs\":{runs},\"reviews_per_s\":{:.0}}}",
        ms(best),
        reviews as f64 / best.as_secs_f64()
    );
    Ok(())
}

/// FSRS training items from the log, as Anki builds them: for every card,
/// each prefix of its history that ends in a review on a later day.
fn fsrs_items(events: &[Event]) -> Vec<(i64, fsrs::FSRSItem)> {
    let mut by_card: HashMap<String, Vec<(Timestamp, i32, u32)>> = HashMap::new();
    for e in events {
        if let Event::Review(r) = e
            && r.mode == Mode::Study
        {
            by_card
                .entry(format!("{}/{}", r.set, r.question))
                .or_default()
                .push((r.at, r.day.0, u32::from(r.rating.number())));
        }
    }
    let mut cards: Vec<_> = by_card.into_iter().collect();
    cards.sort_by(|a, b| a.0.cmp(&b.0));
    let mut items = Vec::new();
    for (card_id, (_, mut reviews)) in cards.into_iter().enumerate() {
        reviews.sort();
        let mut history = Vec::new();
        let mut last_day = None;
        for (_, day, rating) in reviews {
            let delta_t = last_day.map_or(0, |d: i32| (day - d).max(0) as u32);
            last_day = Some(day);
            history.push(fsrs::FSRSReview { rating, delta_t });
            if history.len() > 1 && delta_t > 0 {
                items.push((
                    card_id as i64,
                    fsrs::FSRSItem {
                        reviews: history.clone(),
                    },
                ));
            }
        }
    }
    items
}

fn optimize(dir: &Path) -> Res<()> {
    let lib = Library::open(dir, TimeZone::UTC, || "bench-device".into())?;
    let t = Instant::now();
    let items = fsrs_items(lib.events());
    let built = t.elapsed();
    let n = items.len();
    let (card_ids, train_set): (Vec<i64>, Vec<fsrs::FSRSItem>) = items.into_iter().unzip();
    let t = Instant::now();
    let params = fsrs::compute_parameters(fsrs::ComputeParametersInput {
        train_set,
        card_ids: Some(card_ids),
        ..Default::default()
    })?;
    let trained = t.elapsed();
    println!(
        "{{\"items\":{n},\"build_ms\":{:.1},\"train_ms\":{:.0},\"trained\":{},\"parameters\":{:?},\"vmhwm_kb\":{}}}",
        ms(built),
        ms(trained),
        params[4..] != fsrs::DEFAULT_PARAMETERS[4..],
        params,
        vm_hwm_kb()
    );
    Ok(())
}

fn bank(work: &Path) -> Res<()> {
    let t = Instant::now();
    let sets = kioku_core::bank::builtin_sets()?;
    let builtin = t.elapsed();
    let cards: usize = sets.iter().map(|s| s.card_count()).sum();
    let path = work.join("set-10k.json");
    if !path.exists() {
        std::fs::create_dir_all(work)?;
        std::fs::write(&path, kioku_core::synth::set_file("synth-10k", 10_000, 1))?;
    }
    let bytes = std::fs::metadata(&path)?.len();
    let t = Instant::now();
    let set = kioku_core::bank::load_set_file(&path)?;
    let big = t.elapsed();
    println!(
        "{{\"builtin_ms\":{:.2},\"builtin_cards\":{cards},\"set10k_ms\":{:.1},\"set10k_bytes\":{bytes},\"set10k_cards\":{},\"vmhwm_kb\":{}}}",
        ms(builtin),
        ms(big),
        set.card_count(),
        vm_hwm_kb()
    );
    Ok(())
}

fn parse_size(s: &str) -> Res<usize> {
    let s = s.trim();
    Ok(match s.strip_suffix('k') {
        Some(n) => n.parse::<usize>()? * 1000,
        None => match s.strip_suffix('M') {
            Some(n) => n.parse::<usize>()? * 1_000_000,
            None => s.parse()?,
        },
    })
}

fn child(args: &[&str]) -> Res<serde_json::Value> {
    let exe = std::env::current_exe()?;
    let out = Command::new(exe).args(args).output()?;
    if !out.status.success() {
        return Err(format!(
            "bench {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Every figure at every size, as the rows of benches/README.md. The answer
/// figure needs a disk that really syncs: set KIOKU_BENCH_DISK to a
/// directory on one (default: WORK/disk).
fn all(work: &Path, sizes: &str) -> Res<()> {
    let disk = std::env::var_os("KIOKU_BENCH_DISK")
        .map(PathBuf::from)
        .unwrap_or_else(|| work.join("disk"));
    let bank = child(&["bank", &work.to_string_lossy()])?;
    println!("bank: {bank}");
    for size in sizes.split(',') {
        let q = parse_size(size)?;
        let r = q * 10;
        let dir = work.join(format!("{q}"));
        if !dir.join("sets").exists() {
            let end = END.parse()?;
            let spec = kioku_core::synth::Spec::new(q, r, end, 1);
            let t = Instant::now();
            let s = kioku_core::synth::generate(&dir, &spec)?;
            println!(
                "generated {}: {} reviews, {:.1}% pass, log {:.1} MB, sets {:.1} MB, in {:.1} s",
                dir.display(),
                s.reviews,
                s.pass_rate * 100.0,
                s.log_bytes as f64 / 1e6,
                s.set_bytes as f64 / 1e6,
                t.elapsed().as_secs_f64()
            );
        }
        let d = dir.to_string_lossy();
        let opens: Vec<serde_json::Value> =
            (0..5).map(|_| child(&["open", &d])).collect::<Res<_>>()?;
        let total = median(
            opens
                .iter()
                .map(|o| o["total_ms"].as_f64().unwrap_or(0.0))
                .collect(),
        );
        let open_ms = median(
            opens
                .iter()
                .map(|o| o["open_ms"].as_f64().unwrap_or(0.0))
                .collect(),
        );
        let rss = opens
            .iter()
            .map(|o| o["vmhwm_kb"].as_u64().unwrap_or(0))
            .max()
            .unwrap_or(0);
        println!(
            "{size}: open+queue median of 5 {total:.0} ms (open {open_ms:.0} ms), peak RSS {:.0} MB; {}",
            rss as f64 / 1024.0,
            opens[0]
        );
        let replay = child(&["replay", &d])?;
        println!("{size}: replay {replay}");
        // The answer run appends to this device's log; it writes into a
        // file on a real disk (a symlink), the history moved aside as
        // another device's log so the load is the same.
        let answer = answer_on_disk(&dir, &disk)?;
        println!("{size}: answer {answer}");
        if r <= 100_000 {
            let opt = child(&["optimize", &d])?;
            println!("{size}: optimize {opt}");
        }
    }
    Ok(())
}

fn answer_on_disk(dir: &Path, disk: &Path) -> Res<serde_json::Value> {
    let reviews = dir.join("reviews");
    let own = reviews.join("synthetic-device.jsonl");
    let aside = reviews.join("history.jsonl");
    std::fs::create_dir_all(disk)?;
    let target = disk.join("own-log.jsonl");
    std::fs::write(&target, b"")?;
    std::fs::rename(&own, &aside)?;
    std::os::unix::fs::symlink(&target, &own)?;
    let result = child(&["answer", &dir.to_string_lossy(), "1000"]);
    std::fs::remove_file(&own)?;
    std::fs::rename(&aside, &own)?;
    let _ = std::fs::remove_file(&target);
    result
}
