//! Today's queue and the deck list's counts.

use jiff::Timestamp;

use std::collections::HashSet;

use super::Library;
use crate::bank::{CardKey, QuestionId, SetId};
use crate::scheduler::{CardState, Now, StudyDay};

/// Learning cards due within this many minutes are shown when nothing
/// else is left, as Anki's "learn ahead limit".
pub const LEARN_AHEAD_MINUTES: i64 = 20;

/// Stability (days) from which a review card counts as mastered.
pub const MASTERED_STABILITY: f32 = 21.0;

/// Today's cards for some sets, in the order they are shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue {
    /// (Re)learning cards due now, earliest first.
    pub learning: Vec<CardKey>,
    /// Review cards due today, oldest due first, within the review limit.
    pub review: Vec<CardKey>,
    /// New cards in set order, within the new-card limit.
    pub new: Vec<CardKey>,
    /// (Re)learning cards due later today, earliest first, with due times.
    pub learning_later: Vec<(Timestamp, CardKey)>,
}

impl Queue {
    /// The card to show at `now`: learning, then review, then new; if none,
    /// a learning card due within the learn-ahead limit.
    pub fn next(&self, now: Timestamp) -> Option<&CardKey> {
        self.learning
            .first()
            .or_else(|| self.review.first())
            .or_else(|| self.new.first())
            .or_else(|| {
                let limit = now
                    .saturating_add(jiff::SignedDuration::from_mins(LEARN_AHEAD_MINUTES))
                    .ok()?;
                self.learning_later
                    .first()
                    .filter(|(due, _)| *due <= limit)
                    .map(|(_, k)| k)
            })
    }

    pub fn is_empty(&self) -> bool {
        self.learning.is_empty()
            && self.review.is_empty()
            && self.new.is_empty()
            && self.learning_later.is_empty()
    }
}

/// A set as the deck list shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DeckSummary {
    pub id: SetId,
    pub title: String,
    pub description: Option<String>,
    /// Whether it ships with kioku (read-only).
    pub builtin: bool,
    /// Cards in the set.
    pub total: usize,
    /// New cards available today (within the limit).
    pub new: usize,
    /// (Re)learning cards due today, now or later.
    pub learning: usize,
    /// Review cards due today (within the limit).
    pub due: usize,
    /// Share of cards in review with stability ≥ 21 days, 0–1.
    pub mastered: f32,
}

impl Library {
    /// Today's queue for one set, or for all sets.
    ///
    /// Siblings (cards of one question: cloze deletions, a flashcard's
    /// reverse) are buried as in Anki: once a card of a question was
    /// answered today, its new and review siblings wait for the next study
    /// day, and at most one new or review card of a question is queued.
    /// New cards are spread so that questions sharing a source sentence
    /// are not shown one after the other, and those whose source was
    /// already studied today come last.
    pub fn queue(&self, set: Option<&SetId>, now: Now) -> Queue {
        let mut queue = Queue::default();
        let mut reviews: Vec<(StudyDay, CardKey)> = Vec::new();
        let mut learning: Vec<(Timestamp, CardKey)> = Vec::new();
        let mut new: Vec<(bool, Vec<String>, CardKey)> = Vec::new();
        let s = &self.settings().scheduler;
        let end_of_day = self.day_end(now.day);
        for qs in self
            .sets
            .iter()
            .filter(|qs| set.is_none_or(|id| &qs.id == id))
        {
            let done = self.progress.day_count(&qs.id, now.day);
            let new_left = s.new_per_day.saturating_sub(done.new) as usize;
            let review_limit = s.reviews_per_day.saturating_sub(done.review) as usize;
            // Questions with a card answered today, and the source
            // sentences studied today.
            let mut answered_today: HashSet<&str> = HashSet::new();
            let mut sources_today: HashSet<String> = HashSet::new();
            for card in qs.cards() {
                let p = self.progress.card(&card.key(&qs.id));
                if p.last_at.is_some_and(|at| self.day_of(at) == now.day) {
                    answered_today.insert(card.question.id.as_str());
                    sources_today.extend(source_sentences(card.question.source.as_deref()));
                }
            }
            let mut set_reviews = Vec::new();
            let mut set_new = Vec::new();
            for card in qs.cards() {
                let key = card.key(&qs.id);
                let buried = answered_today.contains(card.question.id.as_str());
                match self.progress.card(&key).state {
                    CardState::New => {
                        if !buried {
                            set_new.push((card.question, key));
                        }
                    }
                    CardState::Learning(l) | CardState::Relearning(l) => {
                        if l.due <= end_of_day {
                            learning.push((l.due, key));
                        }
                    }
                    CardState::Review(r) => {
                        if r.due <= now.day && !buried {
                            set_reviews.push((r.due, key));
                        }
                    }
                }
            }
            set_reviews.sort();
            // One card per question: the most overdue review, else the
            // first new card.
            let mut queued: HashSet<QuestionId> = HashSet::new();
            set_reviews.retain(|(_, k)| queued.insert(k.question.clone()));
            set_reviews.truncate(review_limit);
            reviews.extend(set_reviews);
            set_new.retain(|(_, k)| queued.insert(k.question.clone()));
            set_new.truncate(new_left);
            new.extend(set_new.into_iter().map(|(q, k)| {
                let sentences = source_sentences(q.source.as_deref());
                let seen = sentences.iter().any(|s| sources_today.contains(s));
                (seen, sentences, k)
            }));
        }
        reviews.sort();
        queue.review = reviews.into_iter().map(|(_, k)| k).collect();
        // Stable: set order, with sources studied today last.
        new.sort_by_key(|(seen, _, _)| *seen);
        queue.new = spread(new);
        learning.sort();
        for (due, key) in learning {
            if due <= now.at {
                queue.learning.push(key);
            } else {
                queue.learning_later.push((due, key));
            }
        }
        queue
    }

    /// When study day `day` ends (the next rollover), as an instant.
    fn day_end(&self, day: StudyDay) -> Timestamp {
        let hour = i8::try_from(self.settings().scheduler.rollover_hour).unwrap_or(4);
        day.plus(1)
            .date()
            .at(hour, 0, 0, 0)
            .to_zoned(self.tz.clone())
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::MAX)
    }

    /// Every set with today's counts.
    pub fn decks(&self, now: Now) -> Vec<DeckSummary> {
        self.sets
            .iter()
            .map(|qs| {
                let q = self.queue(Some(&qs.id), now);
                let total = qs.card_count();
                let mastered = qs
                    .cards()
                    .filter(|c| {
                        matches!(self.progress.card(&c.key(&qs.id)).state,
                            CardState::Review(r) if r.memory.stability >= MASTERED_STABILITY)
                    })
                    .count();
                DeckSummary {
                    id: qs.id.clone(),
                    title: qs.title.clone(),
                    description: qs.description.clone(),
                    builtin: self.is_builtin(&qs.id),
                    total,
                    new: q.new.len(),
                    learning: q.learning.len() + q.learning_later.len(),
                    due: q.review.len(),
                    mastered: if total == 0 {
                        0.0
                    } else {
                        mastered as f32 / total as f32
                    },
                }
            })
            .collect()
    }
}

/// The sentences of a question's `source`, normalized (lowercase, spaces
/// collapsed, end punctuation dropped), to tell which questions quote
/// the same passage.
fn source_sentences(source: Option<&str>) -> Vec<String> {
    let Some(source) = source else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        let words: Vec<String> = current
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if !words.is_empty() {
            out.push(words.join(" "));
        }
        current.clear();
    };
    for c in source.chars() {
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | ';' | '\n') {
            flush(&mut current);
        } else {
            current.push(c);
        }
    }
    flush(&mut current);
    out
}

/// Reorder new cards (keeping their order where possible) so that no two
/// neighbours share a source sentence or a question.
fn spread(mut cards: Vec<(bool, Vec<String>, CardKey)>) -> Vec<CardKey> {
    let clash = |a: &(bool, Vec<String>, CardKey), b: &(bool, Vec<String>, CardKey)| {
        a.2.set == b.2.set && (a.2.question == b.2.question || a.1.iter().any(|s| b.1.contains(s)))
    };
    let mut out: Vec<(bool, Vec<String>, CardKey)> = Vec::with_capacity(cards.len());
    while !cards.is_empty() {
        let i = out
            .last()
            .and_then(|last| cards.iter().position(|c| !clash(last, c)))
            .unwrap_or(0);
        out.push(cards.remove(i));
    }
    out.into_iter().map(|(_, _, k)| k).collect()
}
