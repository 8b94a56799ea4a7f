//! Self-tests: a fixed, shuffled selection of cards answered once each and
//! scored, without touching the spaced-repetition schedule. The seed is
//! kept with the result so the same test can be taken again.

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

mod result;

pub use result::{ExamKind, ExamResult, Given, QuestionResult, given_words};

use crate::bank::{CardKey, CardVariant, QuestionBody, QuestionKind, QuestionSet, SetId};
use crate::card::{CardView, Choice};
use crate::grader::{Response, Rules, Verdict, grade_in};

/// When the learner sees whether an answer was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    /// After each question.
    AfterEach,
    /// Only at the end, as in a real test.
    #[default]
    AtEnd,
}

/// What to put in a self-test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamConfig {
    pub set: SetId,
    /// Only cards with at least one of these tags (empty: all).
    pub tags: Vec<String>,
    /// Only these question types (empty: all).
    pub types: Vec<QuestionKind>,
    /// How many cards; `None` for all of them.
    pub count: Option<usize>,
    /// Minutes; `None` for no limit.
    pub time_limit: Option<u32>,
    pub feedback: Feedback,
    /// Seeds the shuffle of cards and choices.
    pub seed: u64,
    /// Only these cards (for "retry mistakes"); empty: no restriction.
    pub only: Vec<CardKey>,
}

impl ExamConfig {
    /// Defaults: 20 cards, no time limit, feedback at the end.
    pub fn new(set: SetId, seed: u64) -> Self {
        Self {
            set,
            tags: Vec::new(),
            types: Vec::new(),
            count: Some(20),
            time_limit: None,
            feedback: Feedback::AtEnd,
            seed,
            only: Vec::new(),
        }
    }
}

/// What the learner did with one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExamAnswer {
    /// An auto-graded response.
    Response(Response),
    /// A flashcard the learner marked right or wrong themselves.
    SelfMarked(bool),
}

#[derive(Debug, thiserror::Error)]
pub enum ExamError {
    #[error("no set \"{0}\"")]
    NoSet(SetId),
    #[error("no cards in \"{0}\" match the chosen tags and types")]
    NoCards(SetId),
}

/// A self-test in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Exam {
    pub config: ExamConfig,
    /// The cards in the order asked, with choices in the order shown.
    pub items: Vec<CardView>,
    pub answers: Vec<Option<ExamAnswer>>,
    pub started_at: Timestamp,
    /// What each item is graded against: its question and card.
    graded: Vec<(QuestionBody, CardVariant)>,
    /// The set's language, for the grader's rules.
    language: String,
    /// The set's abbreviations, for the grader.
    abbreviations: Vec<crate::bank::model::Abbreviation>,
}

impl Exam {
    /// Pick and shuffle cards of `set`. Pure: the same set, config and
    /// seed give the same test.
    pub fn new(set: &QuestionSet, config: ExamConfig, now: Timestamp) -> Result<Exam, ExamError> {
        if set.id != config.set {
            return Err(ExamError::NoSet(config.set.clone()));
        }
        let mut cards: Vec<(CardKey, &crate::bank::Question, CardVariant)> = set
            .cards()
            .filter(|c| {
                config.tags.is_empty() || c.question.tags.iter().any(|t| config.tags.contains(t))
            })
            .filter(|c| config.types.is_empty() || config.types.contains(&c.question.body.kind()))
            .map(|c| (c.key(&set.id), c.question, c.variant))
            .filter(|(k, _, _)| config.only.is_empty() || config.only.contains(k))
            .collect();
        if cards.is_empty() {
            return Err(ExamError::NoCards(config.set.clone()));
        }
        let mut rng = StdRng::seed_from_u64(config.seed);
        cards.shuffle(&mut rng);
        if let Some(n) = config.count {
            cards.truncate(n.max(1));
        }
        let mut items = Vec::with_capacity(cards.len());
        let mut graded = Vec::with_capacity(cards.len());
        for (key, q, variant) in cards {
            // Choices in file order, then shuffled with the exam's own RNG,
            // so a retake with the same seed shows them in the same order.
            let mut view = CardView::new(set, q, variant, &key, 0);
            let shuffle = matches!(q.body, QuestionBody::MultipleChoice { shuffle: true, .. });
            if let Some(choices) = &mut view.choices {
                choices.sort_by_key(|c| c.index);
                if shuffle {
                    choices.shuffle(&mut rng);
                }
            }
            items.push(view);
            graded.push((q.body.clone(), variant));
        }
        let answers = vec![None; items.len()];
        Ok(Exam {
            config,
            items,
            answers,
            started_at: now,
            graded,
            language: set.language.clone(),
            abbreviations: set.abbreviations.clone(),
        })
    }

    /// Record the answer to question `i` (0-based). Answering again replaces it.
    pub fn answer(&mut self, i: usize, answer: ExamAnswer) {
        if let Some(slot) = self.answers.get_mut(i) {
            *slot = Some(answer);
        }
    }

    /// When the time runs out, if there is a limit.
    pub fn deadline(&self) -> Option<Timestamp> {
        let minutes = self.config.time_limit?;
        self.started_at
            .checked_add(jiff::SignedDuration::from_mins(i64::from(minutes)))
            .ok()
    }

    /// The verdict for question `i` as answered so far.
    pub fn verdict(&self, i: usize) -> Option<Verdict> {
        let answer = self.answers.get(i)?.as_ref()?;
        Some(self.judge(i, answer))
    }

    fn judge(&self, i: usize, answer: &ExamAnswer) -> Verdict {
        match answer {
            ExamAnswer::SelfMarked(true) => Verdict::Correct,
            ExamAnswer::SelfMarked(false) => Verdict::Wrong,
            ExamAnswer::Response(r) => match self.graded.get(i) {
                Some((body, variant)) => grade_in(
                    body,
                    *variant,
                    r,
                    Rules {
                        language: &self.language,
                        abbreviations: &self.abbreviations,
                    },
                ),
                None => Verdict::Wrong,
            },
        }
    }

    /// Score the test. Unanswered questions count as wrong. Finishing at
    /// or after the deadline records that the time ran out.
    pub fn finish(&self, now: Timestamp) -> ExamResult {
        let questions: Vec<QuestionResult> = self
            .items
            .iter()
            .zip(&self.answers)
            .enumerate()
            .map(|(i, (view, answer))| {
                let right = answer
                    .as_ref()
                    .is_some_and(|a| self.judge(i, a).is_correct() == Some(true));
                QuestionResult {
                    key: view.key.clone(),
                    kind: view.kind,
                    prompt: view.prompt.clone(),
                    given: answer.as_ref().map(|a| describe(view, a)),
                    correct_answer: view.answer.clone(),
                    right,
                    explanation: view.explanation.clone(),
                    source: view.source.clone(),
                }
            })
            .collect();
        let points = questions.iter().filter(|q| q.right).count();
        let total = questions.len();
        ExamResult {
            set: self.config.set.clone(),
            seed: self.config.seed,
            started_at: self.started_at,
            duration_s: now.duration_since(self.started_at).as_secs().max(0),
            points,
            total,
            score_percent: if total == 0 {
                0.0
            } else {
                (points as f64 * 1000.0 / total as f64).round() / 10.0
            },
            time_limit_min: self.config.time_limit,
            tags: self.config.tags.clone(),
            kind: if self.config.only.is_empty() {
                ExamKind::Full
            } else {
                ExamKind::Retry
            },
            timed_out: self.deadline().is_some_and(|d| now >= d),
            questions,
        }
    }
}

/// The answer as text for the results.
fn describe(view: &CardView, answer: &ExamAnswer) -> String {
    match answer {
        ExamAnswer::SelfMarked(true) => given_words::KNEW_IT.into(),
        ExamAnswer::SelfMarked(false) => given_words::DID_NOT_KNOW_IT.into(),
        ExamAnswer::Response(Response::Typed(t)) => t.clone(),
        ExamAnswer::Response(Response::TrueFalse(b)) => if *b {
            given_words::TRUE
        } else {
            given_words::FALSE
        }
        .into(),
        ExamAnswer::Response(Response::Revealed) => given_words::REVEALED.into(),
        ExamAnswer::Response(Response::Choices(picked)) => {
            let all: &[Choice] = view.choices.as_deref().unwrap_or(&[]);
            let mut texts: Vec<&str> = all
                .iter()
                .filter(|c| picked.contains(&c.index))
                .map(|c| c.text.as_str())
                .collect();
            texts.sort_unstable();
            texts.join("; ")
        }
    }
}

/// A self-test on screen: the exam, which question is showing, what the
/// learner has typed or picked, and the result once finished.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamSession {
    pub exam: Exam,
    /// The question showing (0-based).
    pub index: usize,
    pub typed: String,
    pub picked: Vec<usize>,
    /// A flashcard's answer is showing (the learner then marks it).
    pub revealed: bool,
    /// With feedback after each question: the verdict on the one showing.
    pub verdict: Option<Verdict>,
    /// Set once the test is over.
    pub result: Option<ExamResult>,
}

impl ExamSession {
    pub fn new(exam: Exam) -> Self {
        Self {
            exam,
            index: 0,
            typed: String::new(),
            picked: Vec::new(),
            revealed: false,
            verdict: None,
            result: None,
        }
    }

    pub fn current(&self) -> Option<&CardView> {
        if self.result.is_some() {
            return None;
        }
        self.exam.items.get(self.index)
    }

    /// Toggle the choice shown at position `shown`.
    pub fn toggle_shown_choice(&mut self, shown: usize) {
        let Some(view) = self.current() else { return };
        let Some(c) = view.choices.as_ref().and_then(|cs| cs.get(shown)) else {
            return;
        };
        let (index, select_all) = (c.index, view.select_all);
        if let Some(i) = self.picked.iter().position(|&p| p == index) {
            self.picked.remove(i);
        } else if select_all {
            self.picked.push(index);
        } else {
            self.picked = vec![index];
        }
    }

    /// Record an answer for the question showing. With feedback after
    /// each question the verdict is shown first; otherwise the next
    /// question comes (or the result, after the last).
    pub fn submit(&mut self, answer: ExamAnswer, now: Timestamp) {
        if self.current().is_none() || self.verdict.is_some() {
            return;
        }
        self.exam.answer(self.index, answer);
        if self.exam.config.feedback == Feedback::AfterEach {
            self.verdict = self.exam.verdict(self.index);
        } else {
            self.next(now);
        }
    }

    /// The answer from what was typed or picked, for the question showing.
    pub fn pending_answer(&self, tf: Option<bool>) -> Option<ExamAnswer> {
        let view = self.current()?;
        match Response::from_input(view.kind, &self.typed, &self.picked, tf)? {
            // A flashcard is marked by the learner, not graded.
            Response::Revealed => None,
            r => Some(ExamAnswer::Response(r)),
        }
    }

    /// Move on to the next question, or finish after the last.
    pub fn next(&mut self, now: Timestamp) {
        self.typed.clear();
        self.picked.clear();
        self.revealed = false;
        self.verdict = None;
        self.index += 1;
        if self.index >= self.exam.items.len() {
            self.finish(now);
        }
    }

    /// End the test now (unanswered questions count as wrong). At or
    /// after the deadline the result says the time ran out.
    pub fn finish(&mut self, now: Timestamp) {
        if self.result.is_none() {
            self.result = Some(self.exam.finish(now));
        }
    }

    /// Whether the time limit has passed.
    pub fn out_of_time(&self, now: Timestamp) -> bool {
        self.exam.deadline().is_some_and(|d| now >= d)
    }
}
