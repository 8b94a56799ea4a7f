//! A card ready to show: the question in display form, with its choices
//! in the order to show them. What every front end (the app, the command
//! line, a self-test) renders.

use serde::Serialize;

use crate::bank::{CardKey, CardVariant, Question, QuestionKind, QuestionSet};
use crate::scheduler::FuzzFactor;

/// The order to show a multiple-choice question's choices in: a uniform
/// shuffle (Fisher–Yates) seeded by the card and its review count, so the
/// order is stable while the card is on screen and changes between reviews.
pub fn choice_order(key: &CardKey, reviews: u32, count: usize, shuffle: bool) -> Vec<usize> {
    use rand::SeedableRng;
    use rand::seq::SliceRandom;
    let mut order: Vec<usize> = (0..count).collect();
    if shuffle {
        let seed = FuzzFactor::seed(&key.to_string(), reviews);
        order.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
    }
    order
}

/// One choice of a multiple-choice card, in display order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    /// The index in the file (what grading and `correct` use).
    pub index: usize,
    pub text: String,
}

/// A card ready to show: what every front end needs, in display form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardView {
    pub key: CardKey,
    /// The question type.
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    /// Markdown. For a cloze, the text with this card's deletion as `[...]`;
    /// for a reversed flashcard, the answer side.
    pub prompt: String,
    /// Multiple choice only, in the order to show them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<Choice>>,
    /// Multiple choice with several right answers: all must be picked.
    pub select_all: bool,
    /// The answer to show after answering (Markdown). A true/false
    /// question's is `True` or `False`, as in the file formats; front ends
    /// word it from `truth`.
    pub answer: String,
    /// A true/false question's answer as data, for front ends to word.
    #[serde(skip)]
    pub truth: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// The verbatim source passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What the source material is (the set's `source`), for "From …".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_title: Option<String>,
    /// How many blanks a cloze card hides (several when deletions share a
    /// number): each is answered in order, separated by `;`. 1 otherwise.
    #[serde(skip_serializing_if = "is_one")]
    pub blanks: usize,
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

impl CardView {
    /// Card `key` (question `q`, card `variant` of `set`) in display form,
    /// with choices shuffled for its review count `reviews`.
    pub fn new(
        set: &QuestionSet,
        q: &Question,
        variant: CardVariant,
        key: &CardKey,
        reviews: u32,
    ) -> CardView {
        use crate::bank::QuestionBody as B;
        let blanks = match (&q.body, variant) {
            (B::Cloze { text }, CardVariant::Cloze(n)) => text.card_deletions(n).len().max(1),
            _ => 1,
        };
        let (prompt, answer, choices, select_all) = match &q.body {
            B::Flashcard { prompt, answer, .. } => {
                if variant == CardVariant::Reverse {
                    (answer.clone(), prompt.clone(), None, false)
                } else {
                    (prompt.clone(), answer.clone(), None, false)
                }
            }
            B::Typed { prompt, answers } => (prompt.clone(), answers[0].clone(), None, false),
            B::MultipleChoice {
                prompt,
                choices,
                correct,
                shuffle,
            } => {
                let order = choice_order(key, reviews, choices.len(), *shuffle);
                let shown = order
                    .into_iter()
                    .map(|index| Choice {
                        index,
                        text: choices[index].clone(),
                    })
                    .collect();
                let answer = correct
                    .iter()
                    .map(|&i| choices[i].as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                (prompt.clone(), answer, Some(shown), correct.len() > 1)
            }
            B::TrueFalse { prompt, answer } => (
                prompt.clone(),
                if *answer { "True" } else { "False" }.to_owned(),
                None,
                false,
            ),
            B::Cloze { text } => {
                let card = match variant {
                    CardVariant::Cloze(n) => n,
                    _ => 1,
                };
                // A card hiding several blanks is answered with each
                // blank's answer in order, separated by `;`.
                let answer = text
                    .card_deletions(card)
                    .into_iter()
                    .map(|n| text.deletion(n).unwrap_or_default().trim().to_owned())
                    .collect::<Vec<_>>()
                    .join("; ");
                (
                    text.render_blanked(Some(usize::from(card))),
                    answer,
                    None,
                    false,
                )
            }
        };
        CardView {
            key: key.clone(),
            kind: q.body.kind(),
            prompt,
            choices,
            select_all,
            answer,
            truth: match &q.body {
                B::TrueFalse { answer, .. } => Some(*answer),
                _ => None,
            },
            explanation: q.explanation.clone(),
            source: q.source.clone(),
            source_title: set.source.clone(),
            blanks,
        }
    }
}
