//! Review logs as the optimizer and `kioku memory` see them: one rating of
//! one card at one instant, from the user's own history or from a CSV file
//! with columns `card_id,review_rating,review_time[,review_duration]`.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use serde::Serialize;

use crate::review::Event;
use crate::review::progress::schedule_reviews;
use crate::scheduler::{CardState, FuzzFactor, Now, Rating, ScheduleError, Scheduler, StudyDay};

/// CSV files larger than this are refused before they are read, in bytes.
pub const MAX_CSV_BYTES: u64 = 256 * 1024 * 1024;
/// At most this many bad rows are reported; reading stops after them.
pub const MAX_CSV_ERRORS: usize = 20;

/// One review of one card.
#[derive(Debug, Clone, PartialEq)]
pub struct LogReview {
    /// The card: a card key for the user's history, `card_id` for a CSV.
    pub card: String,
    pub rating: Rating,
    pub at: Timestamp,
    /// The study day of `at` (local time zone, rollover applied).
    pub day: StudyDay,
    /// Milliseconds spent, if known.
    pub duration_ms: Option<u64>,
}

/// The user's schedule reviews (study mode, not undone), in time order.
pub fn from_events(events: &[Event]) -> Vec<LogReview> {
    schedule_reviews(events)
        .into_iter()
        .filter_map(|r| {
            Some(LogReview {
                card: r.card_key()?.to_string(),
                rating: r.rating,
                at: r.at,
                day: r.day,
                duration_ms: Some(r.duration_ms),
            })
        })
        .collect()
}

/// A CSV review log that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    #[error("{}: cannot {op}: {source}", path.display())]
    Io {
        path: PathBuf,
        op: &'static str,
        source: std::io::Error,
    },
    #[error("{}: error: the file is {size} bytes; review logs over {limit} bytes are not read", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Bad rows: at most [`MAX_CSV_ERRORS`], in file order, and how many
    /// more were found (reading goes on to count them).
    #[error("{}", rows_text(path, rows, *more))]
    Rows {
        path: PathBuf,
        rows: Vec<BadRow>,
        more: usize,
    },
}

/// One bad row of a CSV review log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based line.
    pub line: u64,
    pub problem: RowProblem,
}

/// What is wrong with a row (or the header) of a CSV review log. The
/// text of the CSV reader or the time parser is kept as it came.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    #[error("cannot read the header: {0}")]
    Header(String),
    /// The header lacks a required column; `found` is the header as read.
    #[error(
        "the header must name the columns card_id, review_rating and review_time (and optionally review_duration); found \"{found}\""
    )]
    Columns { found: String },
    #[error("not a CSV row: {0}")]
    NotARow(String),
    #[error("card_id is empty")]
    EmptyCard,
    #[error("review_rating \"{0}\" is not 1, 2, 3 or 4")]
    Rating(String),
    #[error("review_time \"{text}\" is not an ISO 8601 time with an offset ({detail})")]
    Time { text: String, detail: String },
    #[error("review_duration \"{0}\" is not a whole number of milliseconds")]
    Duration(String),
}

/// `PATH:LINE: error: MESSAGE` per row, then a count of the rest.
fn rows_text(path: &Path, rows: &[BadRow], more: usize) -> String {
    let mut lines: Vec<String> = rows
        .iter()
        .map(|r| format!("{}:{}: error: {}", path.display(), r.line, r.problem))
        .collect();
    if more > 0 {
        lines.push(format!(
            "{}: error: {more} more bad rows not shown",
            path.display()
        ));
    }
    lines.join("\n")
}

/// Read a CSV review log. The header names the columns (any order):
/// `card_id`, `review_rating` (1–4), `review_time` (ISO 8601 with an
/// offset) and optionally `review_duration` (milliseconds). Study days are
/// counted in `tz` with days starting at `rollover_hour`. Reviews come
/// back in file order.
pub fn read_csv(path: &Path, tz: &TimeZone, rollover_hour: u8) -> Result<Vec<LogReview>, CsvError> {
    let io = |op| {
        move |source| CsvError::Io {
            path: path.to_owned(),
            op,
            source,
        }
    };
    let file = File::open(path).map_err(io("open"))?;
    let size = file.metadata().map_err(io("read metadata of"))?.len();
    if size > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_CSV_BYTES,
        });
    }
    parse_csv(path, file.take(MAX_CSV_BYTES + 1), tz, rollover_hour)
}

/// [`read_csv`] from any reader; `path` names it in errors.
pub fn parse_csv(
    path: &Path,
    input: impl Read,
    tz: &TimeZone,
    rollover_hour: u8,
) -> Result<Vec<LogReview>, CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let at = |line: u64, problem: RowProblem| BadRow { line, problem };
    let one = |problem| CsvError::Rows {
        path: path.to_owned(),
        rows: vec![at(1, problem)],
        more: 0,
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(one(RowProblem::Header(e.to_string()))),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(card_col), Some(rating_col), Some(time_col)) = (
        column("card_id"),
        column("review_rating"),
        column("review_time"),
    ) else {
        return Err(one(RowProblem::Columns {
            found: headers.iter().collect::<Vec<_>>().join(","),
        }));
    };
    let duration_col = column("review_duration");
    let mut reviews = Vec::new();
    let mut errors = Vec::new();
    let mut more_errors = 0usize;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return Err(CsvError::Io {
                        path: path.to_owned(),
                        op: "read",
                        source: std::io::Error::other(e.to_string()),
                    });
                }
                if errors.len() < MAX_CSV_ERRORS {
                    errors.push(at(line, RowProblem::NotARow(e.to_string())));
                } else {
                    more_errors += 1;
                }
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("");
        let row = (|| {
            let card = field(card_col);
            if card.is_empty() {
                return Err(RowProblem::EmptyCard);
            }
            let rating_text = field(rating_col);
            let rating = rating_text
                .parse::<u8>()
                .ok()
                .and_then(Rating::from_number)
                .ok_or_else(|| RowProblem::Rating(rating_text.to_owned()))?;
            let time_text = field(time_col);
            let time: Timestamp = time_text
                .parse()
                .map_err(|e: jiff::Error| RowProblem::Time {
                    text: time_text.to_owned(),
                    detail: e.to_string(),
                })?;
            let duration_ms = match duration_col.map(field).filter(|d| !d.is_empty()) {
                None => None,
                Some(d) => Some(
                    d.parse::<u64>()
                        .map_err(|_| RowProblem::Duration(d.to_owned()))?,
                ),
            };
            Ok(LogReview {
                card: card.to_owned(),
                rating,
                at: time,
                day: StudyDay::of(time, tz, rollover_hour),
                duration_ms,
            })
        })();
        match row {
            Ok(r) => reviews.push(r),
            Err(problem) if errors.len() < MAX_CSV_ERRORS => errors.push(at(line, problem)),
            Err(_) => more_errors += 1,
        }
    }
    if errors.is_empty() {
        return Ok(reviews);
    }
    Err(CsvError::Rows {
        path: path.to_owned(),
        rows: errors,
        more: more_errors,
    })
}

/// A card's memory after replaying its reviews, for `kioku memory`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardMemory {
    pub card_id: String,
    /// `learning`, `review` or `relearning`.
    pub state: &'static str,
    pub reviews: u32,
    /// Times forgotten in review.
    pub lapses: u32,
    /// Days until retrievability falls to 90%.
    pub stability: f32,
    /// 1–10.
    pub difficulty: f32,
    /// Probability of recall now, 0–1 (whole study days since the last
    /// review, as the scheduler counts them).
    pub retrievability: f32,
    pub last_review: Timestamp,
    /// When the card is next due: a date (`YYYY-MM-DD`, a study day) in
    /// review, an instant (RFC 3339) on (re)learning steps.
    pub due: String,
}

/// Replay `reviews` through kioku's scheduler, card by card in time order
/// (with the same per-card fuzz as the user's own cards), and report each
/// card's memory at `now`. Cards come back sorted by id.
pub fn replay(
    reviews: &[LogReview],
    scheduler: &Scheduler,
    now: Now,
) -> Result<Vec<CardMemory>, ScheduleError> {
    let mut sorted: Vec<&LogReview> = reviews.iter().collect();
    sorted.sort_by(|a, b| a.card.cmp(&b.card).then(a.at.cmp(&b.at)));
    let decay = scheduler
        .settings()
        .parameters
        .as_ref()
        .and_then(|p| p.get(20).copied())
        .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
    let mut out: Vec<CardMemory> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let card = &sorted[i].card;
        let (mut state, mut count, mut lapses, mut last) = (CardState::New, 0u32, 0u32, None);
        while i < sorted.len() && &sorted[i].card == card {
            let r = sorted[i];
            let fuzz = FuzzFactor::for_card(card, count);
            let next = scheduler.answer(
                &state,
                r.rating,
                Now {
                    at: r.at,
                    day: r.day,
                },
                fuzz,
            )?;
            lapses += u32::from(
                matches!(state, CardState::Review(_)) && !matches!(next, CardState::Review(_)),
            );
            state = next;
            count += 1;
            last = Some(r.at);
            i += 1;
        }
        let (Some(memory), Some(last_day), Some(last_review)) =
            (state.memory(), state.last_review(), last)
        else {
            continue;
        };
        let due = match state {
            CardState::Review(r) => r.due.to_string(),
            CardState::Learning(l) | CardState::Relearning(l) => l.due.to_string(),
            CardState::New => String::new(),
        };
        out.push(CardMemory {
            card_id: card.clone(),
            state: state.name(),
            reviews: count,
            lapses,
            stability: memory.stability,
            difficulty: memory.difficulty,
            retrievability: fsrs::current_retrievability(
                memory.into(),
                now.day.days_since(last_day) as f32,
                decay,
            ),
            last_review,
            due,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<LogReview>, CsvError> {
        parse_csv(Path::new("log.csv"), text.as_bytes(), &TimeZone::UTC, 4)
    }

    #[test]
    fn good_rows_parse_with_study_days() {
        let rows = parse(
            "card_id,review_rating,review_time,review_duration\n\
             1,3,2024-03-29T20:32:32.250000+00:00,25060\n\
             1,1,2024-03-30T03:59:00+00:00,\n\
             2,4,2024-03-30T05:00:00+09:00,7\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].rating, Rating::Good);
        assert_eq!(rows[0].duration_ms, Some(25060));
        assert_eq!(rows[1].duration_ms, None);
        // 03:59 UTC with a 04:00 rollover is still the 29th.
        assert_eq!(rows[1].day, rows[0].day);
        // 05:00+09:00 is 20:00 UTC on the 29th.
        assert_eq!(rows[2].day, rows[0].day);
        // Columns may come in any order, without a duration.
        let rows = parse("review_time,card_id,review_rating\n2024-03-29T20:00:00Z,x,2\n").unwrap();
        assert_eq!(rows[0].card, "x");
        assert_eq!(rows[0].rating, Rating::Hard);
    }

    #[test]
    fn bad_rows_are_reported_with_their_lines() {
        let err = parse(
            "card_id,review_rating,review_time\n\
             1,3,2024-03-29T20:32:32Z\n\
             1,5,2024-03-29T20:32:32Z\n\
             ,3,2024-03-29T20:32:32Z\n\
             1,3,yesterday\n\
             1,3,2024-03-29T20:32:32Z,abc\n",
        )
        .unwrap_err()
        .to_string();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 3, "{err}");
        assert!(
            lines[0].starts_with("log.csv:3: error: review_rating \"5\""),
            "{err}"
        );
        assert!(
            lines[1].starts_with("log.csv:4: error: card_id is empty"),
            "{err}"
        );
        assert!(
            lines[2].starts_with("log.csv:5: error: review_time \"yesterday\""),
            "{err}"
        );
    }

    #[test]
    fn a_bad_duration_and_a_bad_header_are_reported() {
        let err = parse(
            "card_id,review_rating,review_time,review_duration\n1,3,2024-03-29T20:32:32Z,-4\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("log.csv:2: error: review_duration \"-4\""),
            "{err}"
        );
        let err = parse("id,rating,time\n1,3,2024-03-29T20:32:32Z\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("log.csv:1: error: the header must name"),
            "{err}"
        );
    }

    #[test]
    fn replay_matches_the_scheduler_card_by_card() {
        let rows = parse(
            "card_id,review_rating,review_time\n\
             b,4,2024-03-01T10:00:00Z\n\
             a,3,2024-03-01T10:00:00Z\n\
             a,3,2024-03-01T10:10:00Z\n\
             a,1,2024-03-05T10:00:00Z\n",
        )
        .unwrap();
        let scheduler = Scheduler::new(crate::scheduler::SchedulerSettings::default()).unwrap();
        let at: Timestamp = "2024-03-05T12:00:00Z".parse().unwrap();
        let now = Now {
            at,
            day: StudyDay::of(at, &TimeZone::UTC, 4),
        };
        let cards = replay(&rows, &scheduler, now).unwrap();
        assert_eq!(cards.len(), 2);
        let a = &cards[0];
        assert_eq!(
            (a.card_id.as_str(), a.state, a.reviews, a.lapses),
            ("a", "relearning", 3, 1)
        );
        // Relearning step of 10 minutes after the lapse.
        assert_eq!(a.due, "2024-03-05T10:10:00Z");
        // Answered today: nothing forgotten yet.
        assert_eq!(a.retrievability, 1.0);
        let b = &cards[1];
        assert_eq!((b.state, b.lapses), ("review", 0));
        // Easy on a new card: stability w3, difficulty 1.
        assert!((b.stability - 8.2956).abs() < 1e-4 && b.difficulty == 1.0);
        assert!(
            b.retrievability < 0.99 && b.retrievability > 0.9,
            "{}",
            b.retrievability
        );
        assert!(b.due.starts_with("2024-03-"), "{}", b.due);
    }

    #[test]
    fn errors_are_bounded() {
        let mut text = "card_id,review_rating,review_time\n".to_owned();
        for _ in 0..100 {
            text.push_str("1,9,2024-03-29T20:32:32Z\n");
        }
        let err = parse(&text).unwrap_err().to_string();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), MAX_CSV_ERRORS + 1);
        assert_eq!(
            lines[MAX_CSV_ERRORS],
            "log.csv: error: 80 more bad rows not shown"
        );
    }
}
