//! A study session as a state machine: which card is on screen, what the
//! learner has typed or picked, the verdict, the next intervals, and the
//! session's tally. The desktop app holds one in a signal and calls these
//! methods; they take the time and event ids as arguments.

use jiff::Timestamp;

mod cram;

pub use cram::{Cram, CramFilter, cram_cards};

use crate::bank::SetId;
use crate::card::CardView;
use crate::grader::{Response, Verdict, grade_in};
use crate::library::{Library, LibraryError};
use crate::review::{EventId, Mode};
use crate::scheduler::{Outcomes, Rating};

type Error = LibraryError;

/// Where the card on screen is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// The prompt is shown; the learner is answering.
    Question,
    /// The answer is shown with the verdict; the learner rates it.
    Answered { verdict: Verdict },
}

/// Counts of today's remaining cards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Remaining {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl Remaining {
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

/// The card on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub view: CardView,
    /// What each rating would do, for the button labels.
    pub outcomes: Outcomes,
    pub phase: Phase,
    /// When the card was shown (for the answer time).
    pub shown_at: Timestamp,
    /// What the learner has typed (typed and cloze cards).
    pub typed: String,
    /// Choices picked so far (file indices), multiple choice only.
    pub picked: Vec<usize>,
}

/// The end-of-session summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub studied: u32,
    /// Share of answers that were right, 0–100 (self-graded: not Again).
    pub accuracy: u32,
    pub seconds: i64,
    /// When the next card is due, if one is due later today.
    pub next_due: Option<Timestamp>,
    /// Whether cards are due now (e.g. new cards beyond the session).
    pub more_now: bool,
}

/// One study session over a set (or all sets).
#[derive(Debug, Clone, PartialEq)]
pub struct StudySession {
    pub set: Option<SetId>,
    /// Set for a cram session; `None` studies the day's scheduled cards.
    pub cram: Option<Cram>,
    pub current: Option<Current>,
    pub remaining: Remaining,
    /// Cards answered in this session, for the progress bar.
    pub studied: u32,
    pub right: u32,
    pub started_at: Timestamp,
    /// The latest thing to announce to screen readers, as data: each
    /// front end words it in its language.
    pub announcement: Option<Announcement>,
    /// Introduce at most this many new cards in this session (on top of
    /// the daily limit); `None`: only the daily limit.
    pub new_limit: Option<u32>,
    /// New cards introduced in this session.
    pub new_seen: u32,
}

impl StudySession {
    /// Start on the first due card at `now`.
    pub fn start(lib: &Library, set: Option<SetId>, now: Timestamp) -> Result<Self, Error> {
        Self::begin(lib, set, None, None, now)
    }

    /// Start on the first due card at `now`, introducing at most
    /// `new_limit` new cards in this session.
    pub fn start_limited(
        lib: &Library,
        set: Option<SetId>,
        new_limit: Option<u32>,
        now: Timestamp,
    ) -> Result<Self, Error> {
        Self::begin(lib, set, None, new_limit, now)
    }

    /// Start a cram session over `cards`.
    pub fn start_cram(
        lib: &Library,
        set: SetId,
        cards: Vec<crate::bank::CardKey>,
        counts_as_reviews: bool,
        now: Timestamp,
    ) -> Result<Self, Error> {
        let cram = Cram {
            queue: cards.into(),
            counts_as_reviews,
            history: Vec::new(),
        };
        Self::begin(lib, Some(set), Some(cram), None, now)
    }

    fn begin(
        lib: &Library,
        set: Option<SetId>,
        cram: Option<Cram>,
        new_limit: Option<u32>,
        now: Timestamp,
    ) -> Result<Self, Error> {
        let mut s = StudySession {
            set,
            cram,
            current: None,
            remaining: Remaining::default(),
            studied: 0,
            right: 0,
            started_at: now,
            announcement: None,
            new_limit,
            new_seen: 0,
        };
        s.advance(lib, now)?;
        Ok(s)
    }

    /// Show the next due card (or none: the session is over).
    pub fn advance(&mut self, lib: &Library, now: Timestamp) -> Result<(), Error> {
        let n = lib.now(now);
        let next = match &self.cram {
            Some(c) => {
                self.remaining = Remaining {
                    review: c.queue.len(),
                    ..Remaining::default()
                };
                c.queue.front().cloned()
            }
            None => {
                let mut queue = lib.queue(self.set.as_ref(), n);
                if self.new_limit.is_some_and(|cap| self.new_seen >= cap) {
                    queue.new.clear();
                }
                self.remaining = Remaining {
                    new: queue.new.len(),
                    learning: queue.learning.len() + queue.learning_later.len(),
                    review: queue.review.len(),
                };
                queue.next(now).cloned()
            }
        };
        self.current = match next.and_then(|k| lib.card_view(&k)) {
            Some(view) => {
                let outcomes = lib.outcomes(&view.key, n)?;
                Some(Current {
                    view,
                    outcomes,
                    phase: Phase::Question,
                    shown_at: now,
                    typed: String::new(),
                    picked: Vec::new(),
                })
            }
            None => None,
        };
        if let Some(c) = &self.current {
            self.announcement = Some(Announcement::NextCard {
                prompt: plain(&c.view.prompt),
            });
        } else {
            self.announcement = Some(Announcement::Finished);
        }
        Ok(())
    }

    /// Is the session over?
    pub fn is_done(&self) -> bool {
        self.current.is_none()
    }

    /// Replace the typed answer.
    pub fn set_typed(&mut self, text: String) {
        if let Some(c) = &mut self.current {
            c.typed = text;
        }
    }

    /// Toggle choice `index` (a file index); for single-answer questions
    /// picking replaces the previous pick.
    pub fn toggle_choice(&mut self, index: usize) {
        let Some(c) = &mut self.current else { return };
        if c.phase != Phase::Question {
            return;
        }
        if c.view.select_all {
            if let Some(i) = c.picked.iter().position(|&p| p == index) {
                c.picked.remove(i);
            } else {
                c.picked.push(index);
            }
        } else {
            c.picked = vec![index];
        }
    }

    /// Toggle the choice shown at position `shown` (0-based, screen order).
    pub fn toggle_shown_choice(&mut self, shown: usize) {
        let index = self
            .current
            .as_ref()
            .and_then(|c| c.view.choices.as_ref()?.get(shown))
            .map(|c| c.index);
        if let Some(i) = index {
            self.toggle_choice(i);
        }
    }

    /// Submit the answer: reveal a flashcard, grade anything else.
    /// `tf` is the true/false answer when the card is true/false.
    pub fn submit(&mut self, lib: &Library, tf: Option<bool>) {
        let Some(c) = &mut self.current else { return };
        if c.phase != Phase::Question {
            return;
        }
        let Some(response) = Response::from_input(c.view.kind, &c.typed, &c.picked, tf) else {
            return;
        };
        let verdict = match lib.card(&c.view.key) {
            Some((set, q, variant)) => grade_in(&q.body, variant, &response, set),
            None => Verdict::SelfGraded,
        };
        self.announcement = Some(match &verdict {
            Verdict::SelfGraded => Announcement::Answer {
                answer: plain(&c.view.answer),
            },
            Verdict::Correct => Announcement::Correct,
            Verdict::CorrectWithTypo { expected } => Announcement::CorrectWithTypo {
                expected: expected.clone(),
            },
            Verdict::Wrong => Announcement::Wrong {
                answer: plain(&c.view.answer),
            },
        });
        c.phase = Phase::Answered { verdict };
    }

    /// Show the answer without grading (the learner rates themselves), as
    /// when no answer could be read.
    pub fn reveal(&mut self) {
        if let Some(c) = &mut self.current
            && c.phase == Phase::Question
        {
            self.announcement = Some(Announcement::Answer {
                answer: plain(&c.view.answer),
            });
            c.phase = Phase::Answered {
                verdict: Verdict::SelfGraded,
            };
        }
    }

    /// The rating Space/Enter gives: the suggestion after an auto-graded
    /// answer, Good otherwise.
    pub fn suggested_rating(&self) -> Rating {
        match &self.current {
            Some(Current {
                phase: Phase::Answered { verdict },
                ..
            }) => verdict.suggested_rating(),
            _ => Rating::Good,
        }
    }

    /// Rate the answered card: record it durably, then show the next.
    pub fn rate(
        &mut self,
        lib: &mut Library,
        rating: Rating,
        now: Timestamp,
        id: EventId,
    ) -> Result<(), Error> {
        let Some(c) = &self.current else {
            return Ok(());
        };
        let Phase::Answered { verdict } = &c.phase else {
            return Ok(());
        };
        let right = verdict.is_correct().unwrap_or(rating != Rating::Again);
        // The whole time shown: `Span::get_milliseconds` would be only the
        // millisecond component (500 for 12.5 s).
        let duration = u64::try_from(now.duration_since(c.shown_at).as_millis()).unwrap_or(0);
        let key = c.view.key.clone();
        let mode = match &self.cram {
            Some(c) if !c.counts_as_reviews => Mode::Cram,
            _ => Mode::Study,
        };
        let was_new = lib.progress().card(&key).state == crate::scheduler::CardState::New;
        lib.answer(&key, rating, lib.now(now), duration, mode, id.clone())?;
        self.new_seen += u32::from(was_new && self.cram.is_none());
        if let Some(c) = &mut self.cram
            && let Some(k) = c.queue.pop_front()
        {
            // Forgotten while cramming: see it again at the end.
            let again = rating == Rating::Again;
            if again {
                c.queue.push_back(k.clone());
            }
            c.history.push((id, k, again));
        }
        self.studied += 1;
        self.right += u32::from(right);
        self.advance(lib, now)
    }

    /// Undo the latest answer and show that card again.
    pub fn undo(&mut self, lib: &mut Library, now: Timestamp, id: EventId) -> Result<bool, Error> {
        if let Some(c) = &mut self.cram
            && !c.counts_as_reviews
        {
            let Some((event, key, again)) = c.history.pop() else {
                self.announcement = Some(Announcement::NothingToUndo);
                return Ok(false);
            };
            lib.undo_event(event, now, id)?;
            if again {
                c.queue.pop_back();
            }
            c.queue.push_front(key);
            self.studied = self.studied.saturating_sub(1);
            self.advance(lib, now)?;
            self.announcement = Some(Announcement::Undone);
            return Ok(true);
        }
        let had_session_answers = lib.undo_depth() > 0;
        match lib.undo(now, id)? {
            Some(key) => {
                if had_session_answers {
                    self.studied = self.studied.saturating_sub(1);
                    if lib.progress().card(&key).state == crate::scheduler::CardState::New {
                        self.new_seen = self.new_seen.saturating_sub(1);
                    }
                }
                self.advance(lib, now)?;
                // Show the undone card first, whatever the queue says.
                if let Some(view) = lib.card_view(&key) {
                    let n = lib.now(now);
                    self.current = Some(Current {
                        outcomes: lib.outcomes(&key, n)?,
                        view,
                        phase: Phase::Question,
                        shown_at: now,
                        typed: String::new(),
                        picked: Vec::new(),
                    });
                }
                self.announcement = Some(Announcement::Undone);
                Ok(true)
            }
            None => {
                self.announcement = Some(Announcement::NothingToUndo);
                Ok(false)
            }
        }
    }

    /// The session's tally so far.
    pub fn summary(&self, lib: &Library, now: Timestamp) -> Summary {
        let n = lib.now(now);
        let queue = lib.queue(self.set.as_ref(), n);
        Summary {
            studied: self.studied,
            accuracy: (self.right * 100).checked_div(self.studied).unwrap_or(0),
            seconds: now.duration_since(self.started_at).as_secs().max(0),
            next_due: queue.learning_later.first().map(|(t, _)| *t),
            more_now: !(queue.learning.is_empty()
                && queue.review.is_empty()
                && queue.new.is_empty()),
        }
    }

    /// Share of this session done, 0–1, for the progress bar.
    pub fn progress(&self) -> f32 {
        let total = self.studied as usize + self.remaining.total();
        if total == 0 {
            1.0
        } else {
            self.studied as f32 / total as f32
        }
    }
}

/// What a study session tells screen readers, as data. Text in it is the
/// learner's content (Markdown reduced to plain text); the words around
/// it are the front end's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Announcement {
    /// A new card is showing.
    NextCard {
        prompt: String,
    },
    /// No more cards are due; the summary is showing.
    Finished,
    /// The answer is showing, for the learner to rate themselves.
    Answer {
        answer: String,
    },
    Correct,
    CorrectWithTypo {
        expected: String,
    },
    Wrong {
        answer: String,
    },
    NothingToUndo,
    /// The latest answer was undone and its card is showing again.
    Undone,
}

/// Markdown reduced to text for announcements.
fn plain(markdown: &str) -> String {
    markdown
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '#'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
