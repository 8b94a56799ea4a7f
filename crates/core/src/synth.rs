//! Synthetic data directories for benchmarks and tests: question sets and
//! a review log produced by simulating a learner through the real
//! scheduler, reproducible from a seed.
//!
//! Like the rest of the core this prints nothing and reads no clock: the
//! end of the simulated period and the seed come in as arguments.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::bank::{CardKey, CardVariant, QuestionId, SetId};
use crate::library::LibraryError as Error;
use crate::review::progress::Progress;
use crate::review::{Event, EventId, Mode, ReviewEvent};
use crate::scheduler::{CardState, Rating, Scheduler, StudyDay};
use crate::store::{Store, StoreError, io_err, log, write_atomic};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Question set files in `sets/`.
    pub sets: usize,
    /// Questions over all sets (one card each).
    pub questions: usize,
    /// Study reviews in the log (fewer if the cards run out).
    pub reviews: usize,
    /// Length of the simulated period in days; it ends the day before `end`.
    pub days: u32,
    /// The simulated period ends before this instant (today, for a benchmark).
    pub end: Timestamp,
    pub seed: u64,
}

impl Spec {
    /// `questions` in `questions / 1000` sets (at least one), `reviews`
    /// over two years ending before `end`.
    pub fn new(questions: usize, reviews: usize, end: Timestamp, seed: u64) -> Spec {
        Spec {
            sets: questions.div_ceil(1000).max(1),
            questions,
            reviews,
            days: 730,
            end,
            seed,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone)]
pub struct Summary {
    pub questions: usize,
    pub reviews: usize,
    /// Share of reviews rated Hard, Good or Easy.
    pub pass_rate: f64,
    /// Cards that were seen at least once.
    pub cards_seen: usize,
    pub log_path: PathBuf,
    pub log_bytes: u64,
    pub set_bytes: u64,
}

/// Words for question text, so lines are of a realistic length.
const WORDS: &[&str] = &[
    "treaty",
    "minister",
    "visit",
    "pandemic",
    "island",
    "border",
    "economy",
    "summit",
    "energy",
    "pipeline",
    "sanctions",
    "alliance",
    "region",
    "security",
    "trade",
    "policy",
    "election",
    "negotiation",
    "agreement",
    "history",
    "anniversary",
    "victory",
    "cooperation",
    "dispute",
    "fisheries",
    "investment",
    "relations",
    "the",
    "of",
    "and",
    "in",
    "to",
    "which",
    "what",
    "why",
    "who",
    "during",
    "after",
    "before",
];

fn sentence(rng: &mut StdRng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.random_range(0..WORDS.len())]);
    }
    s
}

fn set_id(i: usize) -> String {
    format!("synth-{i:04}")
}

fn question_id(i: usize) -> String {
    format!("q-{i:06}")
}

/// A question set file (format version 1) with `count` questions of mixed
/// types, one card each.
pub fn set_file(id: &str, count: usize, seed: u64) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let q = |s: &str| serde_json::Value::from(s).to_string();
    let mut out = format!(
        "{{\n  \"kioku\": 1,\n  \"id\": {},\n  \"title\": {},\n  \"description\": {},\n  \"language\": \"en\",\n  \"questions\": [\n",
        q(id),
        q(&format!("Synthetic set {id}")),
        q(&sentence(&mut rng, 12)),
    );
    for i in 0..count {
        let prompt = q(&format!("{}?", sentence(&mut rng, 12)));
        let body = match i % 4 {
            0 => format!(
                "\"type\": \"flashcard\", \"prompt\": {prompt}, \"answer\": {}",
                q(&sentence(&mut rng, 8))
            ),
            1 => format!(
                "\"type\": \"typed\", \"prompt\": {prompt}, \"answers\": [{}, {}]",
                q(&sentence(&mut rng, 2)),
                q(&sentence(&mut rng, 3))
            ),
            2 => format!(
                "\"type\": \"true_false\", \"prompt\": {prompt}, \"answer\": {}",
                rng.random_bool(0.5)
            ),
            _ => {
                let choices: Vec<String> = (0..4).map(|_| q(&sentence(&mut rng, 5))).collect();
                format!(
                    "\"type\": \"multiple_choice\", \"prompt\": {prompt}, \"choices\": [{}], \"correct\": [{}]",
                    choices.join(", "),
                    rng.random_range(0..4)
                )
            }
        };
        out.push_str(&format!(
            "    {{\"id\": {}, {body}, \"explanation\": {}, \"tags\": [\"synthetic\"]}}{}\n",
            q(&question_id(i)),
            q(&sentence(&mut rng, 14)),
            if i + 1 < count { "," } else { "" }
        ));
    }
    out.push_str("  ]\n}\n");
    out
}

/// The simulated learner's rating: about 88% pass in review, 82% while
/// learning.
fn rating(rng: &mut StdRng, learning: bool) -> Rating {
    let x: f64 = rng.random();
    let again = if learning { 0.18 } else { 0.12 };
    if x < again {
        Rating::Again
    } else if x < again + 0.07 {
        Rating::Hard
    } else if x < 0.94 {
        Rating::Good
    } else {
        Rating::Easy
    }
}

/// Build a data directory at `root` (created if needed; must not hold a
/// review log yet): the sets of `spec` in `sets/`, default settings, and
/// this device's review log, simulated day by day through `Scheduler` with
/// default settings. The log is written through a buffer and synced once.
pub fn generate(root: &Path, spec: &Spec) -> Result<Summary, Error> {
    // Open the store once so the device file exists and the log we write
    // is this device's own.
    let (store, loaded) =
        Store::open::<serde::de::IgnoredAny>(root, || "synthetic-device".to_owned())?;
    let log_path = store.log_path().to_owned();
    if !loaded.events.is_empty() {
        return Err(StoreError::Invalid {
            path: log_path,
            problem: crate::store::DataProblem::HasReviews,
        }
        .into());
    }
    let device = store.device().to_owned();
    let sets_dir = store.sets_dir();
    drop(store);

    let mut rng = StdRng::seed_from_u64(spec.seed);
    let sets = spec.sets.max(1);
    let mut keys: Vec<CardKey> = Vec::with_capacity(spec.questions);
    let mut set_bytes = 0u64;
    for s in 0..sets {
        let count = spec.questions / sets + usize::from(s < spec.questions % sets);
        let id = set_id(s);
        let text = set_file(&id, count, spec.seed ^ (s as u64 + 1));
        set_bytes += text.len() as u64;
        write_atomic(&sets_dir.join(format!("{id}.json")), text.as_bytes())?;
        let set = SetId::new(&id).ok_or_else(|| StoreError::Encode(id.clone()))?;
        for i in 0..count {
            let question =
                QuestionId::new(&question_id(i)).ok_or_else(|| StoreError::Encode(id.clone()))?;
            keys.push(CardKey {
                set: set.clone(),
                question,
                variant: CardVariant::Forward,
            });
        }
    }
    // New cards are introduced in a shuffled order across sets.
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    {
        use rand::seq::SliceRandom;
        order.shuffle(&mut rng);
    }

    let scheduler = Scheduler::new(Default::default())?;
    let rollover = scheduler.settings().rollover_hour;
    let tz = TimeZone::UTC;
    let days = spec.days.max(1);
    let end_day = StudyDay::of(spec.end, &tz, rollover);
    let first_day = StudyDay(end_day.0 - days as i32);
    let mut due: Vec<Vec<u32>> = vec![Vec::new(); days as usize];
    let mut progress = Progress::default();
    let mut next_new = 0usize;
    let mut written = 0usize;
    let mut passed = 0usize;

    let file = File::create(&log_path).map_err(io_err(&log_path, "create"))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let header = format!(
        "{{\"{}\":{},\"device\":{}}}\n",
        log::REVIEWS.header_key,
        log::REVIEWS.version,
        serde_json::Value::from(device.as_str())
    );
    out.write_all(header.as_bytes())
        .map_err(io_err(&log_path, "write"))?;

    'days: for d in 0..days as usize {
        if written >= spec.reviews {
            break;
        }
        let day = StudyDay(first_day.0 + d as i32);
        let start_minutes = 9 * 60 + rng.random_range(0..180);
        let mut t = day
            .date()
            .at(0, 0, 0, 0)
            .to_zoned(tz.clone())
            .map_err(|e| StoreError::Encode(e.to_string()))?
            .timestamp()
            .saturating_add(SignedDuration::from_mins(start_minutes))
            .map_err(|e| StoreError::Encode(e.to_string()))?;
        let mut reviews = std::mem::take(&mut due[d]);
        reviews.reverse();
        // Keep the pace even: today's share of the reviews, with about
        // 2.5 reviews for each new card on its first day.
        let target = spec.reviews * (d + 1) / days as usize;
        let ahead = written + reviews.len();
        let mut new_today = target.saturating_sub(ahead) * 2 / 5;
        let mut learning: BinaryHeap<Reverse<(Timestamp, u32)>> = BinaryHeap::new();
        loop {
            if written >= spec.reviews {
                break 'days;
            }
            let card = if let Some(&Reverse((at, c))) = learning.peek()
                && at <= t
            {
                learning.pop();
                c
            } else if let Some(c) = reviews.pop() {
                c
            } else if new_today > 0 && next_new < order.len() {
                new_today -= 1;
                next_new += 1;
                order[next_new - 1]
            } else if let Some(Reverse((at, c))) = learning.pop() {
                t = at;
                c
            } else {
                break;
            };
            let key = &keys[card as usize];
            let before = progress.card(key).state;
            let r = rating(&mut rng, !matches!(before, CardState::Review(_)));
            passed += usize::from(r != Rating::Again);
            let review = ReviewEvent {
                id: EventId::random(&mut rng),
                set: key.set.clone(),
                question: key.question.clone(),
                card: None,
                rating: r,
                at: t,
                day: StudyDay::of(t, &tz, rollover),
                duration_ms: rng.random_range(2_000..20_000),
                mode: Mode::Study,
            };
            progress.apply(key, &review, &scheduler)?;
            let event = Event::Review(review);
            serde_json::to_writer(&mut out, &event)
                .map_err(|e| StoreError::Encode(e.to_string()))?;
            out.write_all(b"\n").map_err(io_err(&log_path, "write"))?;
            written += 1;
            t = t
                .saturating_add(SignedDuration::from_millis(rng.random_range(3_000..20_000)))
                .unwrap_or(t);
            match progress.card(key).state {
                CardState::Learning(l) | CardState::Relearning(l) => {
                    let due_day = StudyDay::of(l.due, &tz, rollover);
                    if due_day == day {
                        learning.push(Reverse((l.due, card)));
                    } else if let Ok(i) = usize::try_from(due_day.0 - first_day.0)
                        && i < due.len()
                    {
                        due[i].push(card);
                    }
                }
                CardState::Review(rv) => {
                    if let Ok(i) = usize::try_from(rv.due.0 - first_day.0)
                        && let Some(bucket) = due.get_mut(i.max(d + 1))
                    {
                        bucket.push(card);
                    }
                }
                CardState::New => {}
            }
        }
    }
    let file = out
        .into_inner()
        .map_err(|e| io_err(&log_path, "write")(e.into_error()))?;
    file.sync_all().map_err(io_err(&log_path, "sync"))?;
    let log_bytes = file
        .metadata()
        .map_err(io_err(&log_path, "read metadata of"))?
        .len();
    Ok(Summary {
        questions: keys.len(),
        reviews: written,
        pass_rate: if written == 0 {
            0.0
        } else {
            passed as f64 / written as f64
        },
        cards_seen: next_new,
        log_path,
        log_bytes,
        set_bytes,
    })
}
