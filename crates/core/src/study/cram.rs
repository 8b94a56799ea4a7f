//! Cram: going through a set's cards outside the schedule.

use std::collections::HashSet;

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::bank::{CardKey, QuestionSet, SetId};
use crate::library::Library;
use crate::review::{EventId, Progress};
use crate::scheduler::CardState;

/// Which cards a cram session goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CramFilter {
    All,
    /// Cards of questions with this tag.
    Tag(String),
    /// Cards answered Again (in study or cram) or missed in a self-test
    /// in the last 7 days.
    RecentlyWrong,
    /// Cards never studied.
    New,
}

/// A cram session: studying outside the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Cram {
    /// Cards still to go; a card answered Again goes to the back.
    pub queue: std::collections::VecDeque<CardKey>,
    /// Count the answers as scheduled reviews (off by default: cramming
    /// leaves the schedule alone).
    pub counts_as_reviews: bool,
    /// Answers so far: (event, card, whether it went to the back).
    pub history: Vec<(EventId, CardKey, bool)>,
}

/// The cards of `set` matching `filter`, in set order or shuffled with
/// `shuffle_seed`.
pub fn cram_cards(
    lib: &Library,
    set: &SetId,
    filter: &CramFilter,
    shuffle_seed: Option<u64>,
    now: Timestamp,
) -> Vec<CardKey> {
    let Some(qs) = lib.set(set) else {
        return Vec::new();
    };
    let week_ago = now
        .saturating_sub(jiff::SignedDuration::from_hours(24 * 7))
        .unwrap_or(now);
    let wrong = match filter {
        CramFilter::RecentlyWrong => lib.recently_wrong(week_ago),
        _ => HashSet::new(),
    };
    select(qs, lib.progress(), &wrong, filter, shuffle_seed)
}

/// The cards of `set` matching `filter`, given each card's `progress` and
/// the cards got `wrong` recently; in set order, or shuffled with
/// `shuffle_seed`.
pub fn select(
    set: &QuestionSet,
    progress: &Progress,
    wrong: &HashSet<CardKey>,
    filter: &CramFilter,
    shuffle_seed: Option<u64>,
) -> Vec<CardKey> {
    let mut keys: Vec<_> = set
        .cards()
        .filter(|c| match filter {
            CramFilter::All | CramFilter::RecentlyWrong | CramFilter::New => true,
            CramFilter::Tag(t) => c.question.tags.contains(t),
        })
        .map(|c| c.key(&set.id))
        .filter(|k| match filter {
            CramFilter::RecentlyWrong => wrong.contains(k),
            CramFilter::New => progress.card(k).state == CardState::New,
            CramFilter::All | CramFilter::Tag(_) => true,
        })
        .collect();
    if let Some(seed) = shuffle_seed {
        keys.shuffle(&mut StdRng::seed_from_u64(seed));
    }
    keys
}
