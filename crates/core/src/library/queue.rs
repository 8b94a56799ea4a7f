//! Today's queue and the deck list's counts.

use jiff::Timestamp;

use std::collections::HashSet;

use super::Library;
use crate::bank::{Card, CardKey, CardVariant, Question, QuestionId, QuestionSet, SetId};
use crate::review::CardProgress;
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
        let end_of_day = self.day_end(now.day);
        let mut parts = Parts::default();
        for qs in self
            .sets
            .iter()
            .filter(|qs| set.is_none_or(|id| &qs.id == id))
        {
            self.queue_set(qs, now, end_of_day, &mut parts);
        }
        parts.finish(now)
    }

    /// Add set `qs`'s cards for today to `parts`; returns how many of its
    /// cards are mastered. Each card's progress is looked up once, by
    /// borrowed ids, and keys are built only for the cards queued.
    fn queue_set(
        &self,
        qs: &QuestionSet,
        now: Now,
        end_of_day: Timestamp,
        parts: &mut Parts,
    ) -> usize {
        let s = &self.settings().scheduler;
        let done = self.progress.day_count(&qs.id, now.day);
        let new_left = s.new_per_day.saturating_sub(done.new) as usize;
        let review_limit = s.reviews_per_day.saturating_sub(done.review) as usize;
        let cards: Vec<(Card<'_>, CardProgress)> = qs
            .cards()
            .map(|c| (c, self.progress.card_by(c.key_ref(&qs.id))))
            .collect();
        // A study day is at most 25 hours long: an answer older than two
        // days cannot be today's, and its day is not worked out.
        let recent = now
            .at
            .saturating_sub(jiff::SignedDuration::from_hours(48))
            .unwrap_or(Timestamp::MIN);
        // Questions with a card answered today, and the source sentences
        // studied today.
        let mut answered_today: HashSet<&str> = HashSet::new();
        let mut sources_today: HashSet<String> = HashSet::new();
        for (card, p) in &cards {
            if p.last_at
                .is_some_and(|at| at >= recent && self.day_of(at) == now.day)
            {
                answered_today.insert(card.question.id.as_str());
                sources_today.extend(source_sentences(card.question.source.as_deref()));
            }
        }
        let mut mastered = 0;
        let mut set_reviews: Vec<(StudyDay, &QuestionId, CardVariant)> = Vec::new();
        let mut set_new: Vec<(&Question, CardVariant)> = Vec::new();
        for (card, p) in &cards {
            let buried = answered_today.contains(card.question.id.as_str());
            match p.state {
                CardState::New => {
                    if !buried {
                        set_new.push((card.question, card.variant));
                    }
                }
                CardState::Learning(l) | CardState::Relearning(l) => {
                    if l.due <= end_of_day {
                        parts.learning.push((l.due, card.key(&qs.id)));
                    }
                }
                CardState::Review(r) => {
                    if r.memory.stability >= MASTERED_STABILITY {
                        mastered += 1;
                    }
                    if r.due <= now.day && !buried {
                        set_reviews.push((r.due, &card.question.id, card.variant));
                    }
                }
            }
        }
        // In key order within the set: by question id, then variant.
        set_reviews.sort();
        // One card per question: the most overdue review, else the
        // first new card.
        let mut queued: HashSet<&QuestionId> = HashSet::new();
        set_reviews.retain(|(_, q, _)| queued.insert(q));
        set_reviews.truncate(review_limit);
        let key = |question: &QuestionId, variant| CardKey {
            set: qs.id.clone(),
            question: question.clone(),
            variant,
        };
        parts
            .reviews
            .extend(set_reviews.into_iter().map(|(due, q, v)| (due, key(q, v))));
        set_new.retain(|(q, _)| queued.insert(&q.id));
        set_new.truncate(new_left);
        parts.new.extend(set_new.into_iter().map(|(q, v)| {
            let sentences = source_sentences(q.source.as_deref());
            let seen = sentences.iter().any(|s| sources_today.contains(s));
            let key = CardKey {
                set: qs.id.clone(),
                question: q.id.clone(),
                variant: v,
            };
            (seen, sentences, key)
        }));
        mastered
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
        let end_of_day = self.day_end(now.day);
        self.sets
            .iter()
            .map(|qs| {
                let mut parts = Parts::default();
                let mastered = self.queue_set(qs, now, end_of_day, &mut parts);
                let q = parts.finish(now);
                let total = qs.card_count();
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

/// Today's cards of some sets, before they are put in order.
#[derive(Default)]
struct Parts {
    reviews: Vec<(StudyDay, CardKey)>,
    learning: Vec<(Timestamp, CardKey)>,
    new: Vec<(bool, Vec<String>, CardKey)>,
}

impl Parts {
    fn finish(self, now: Now) -> Queue {
        let Parts {
            mut reviews,
            mut learning,
            mut new,
        } = self;
        let mut queue = Queue::default();
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
