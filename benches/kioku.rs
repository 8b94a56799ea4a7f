//! In-process benchmarks (criterion). Whole-process figures (cold start,
//! peak RSS) come from `examples/bench.rs`; see benches/README.md.
//!
//! Sizes are `QUESTIONS` values, reviews being ten times that:
//! `KIOKU_BENCH_SIZES=1k,10k cargo bench`. Under `cargo test` (which CI
//! runs with `--all-targets`) each benchmark runs once, at 1k.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::CardKey;
use kioku_core::library::Library;
use kioku_core::review::progress::Progress;
use kioku_core::review::{Event, EventId, Mode};
use kioku_core::scheduler::Rating;

fn sizes() -> Vec<usize> {
    std::env::var("KIOKU_BENCH_SIZES")
        .unwrap_or_else(|_| "1k".into())
        .split(',')
        .map(|s| {
            let s = s.trim();
            match s.strip_suffix('k') {
                Some(n) => n.parse::<usize>().unwrap() * 1000,
                None => s.parse().unwrap(),
            }
        })
        .collect()
}

fn today() -> Timestamp {
    "2026-11-28T10:00:00Z".parse().unwrap()
}

fn generate(dir: &Path, questions: usize) {
    let end = "2026-11-28T00:00:00Z".parse().unwrap();
    let spec = kioku_core::synth::Spec::new(questions, questions * 10, end, 1);
    kioku_core::synth::generate(dir, &spec).unwrap();
}

fn open(dir: &Path) -> Library {
    Library::open(dir, TimeZone::UTC, || "bench-device".into()).unwrap()
}

fn benches(c: &mut Criterion) {
    for q in sizes() {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), q);
        let label = format!("{}k", q / 1000);

        let mut g = c.benchmark_group("open_and_queue");
        g.sample_size(10);
        g.bench_function(&label, |b| {
            b.iter(|| {
                let lib = open(dir.path());
                let now = lib.now(today());
                black_box(lib.queue(None, now))
            })
        });
        g.finish();

        let mut lib = open(dir.path());
        let events = lib.events().to_vec();
        let reviews = events
            .iter()
            .filter(|e| matches!(e, Event::Review(_)))
            .count();
        let mut g = c.benchmark_group("replay");
        g.sample_size(10);
        g.throughput(Throughput::Elements(reviews as u64));
        g.bench_function(&label, |b| {
            b.iter(|| Progress::replay(black_box(&events), lib.scheduler()).unwrap())
        });
        g.finish();

        let keys: Vec<CardKey> = lib
            .sets()
            .iter()
            .filter(|s| !lib.is_builtin(&s.id))
            .flat_map(|s| s.cards().map(|c| c.key(&s.id)).collect::<Vec<_>>())
            .collect();
        let mut i = 0u64;
        let mut at = today();
        let mut g = c.benchmark_group("answer_durably");
        g.bench_function(&label, |b| {
            b.iter(|| {
                let key = &keys[i as usize % keys.len()];
                let now = lib.now(at);
                at = at
                    .saturating_add(jiff::SignedDuration::from_secs(5))
                    .unwrap();
                i += 1;
                lib.answer(
                    key,
                    Rating::Good,
                    now,
                    4000,
                    Mode::Study,
                    EventId(format!("{i:016x}")),
                )
                .unwrap()
            })
        });
        g.finish();
    }

    let mut g = c.benchmark_group("bank");
    g.bench_function("builtin_sets", |b| {
        b.iter(|| kioku_core::bank::builtin_sets().unwrap())
    });
    let text = kioku_core::synth::set_file("synth-10k", 10_000, 1);
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse_10k_questions", |b| {
        b.iter_batched(
            || text.clone(),
            |t| kioku_core::bank::parse_set(&t).unwrap(),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(kioku_benches, benches);
criterion_main!(kioku_benches);
