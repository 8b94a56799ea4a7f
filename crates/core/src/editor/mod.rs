//! The instructors' editor: a set as editable text fields (which may be
//! invalid while being typed), checked with the same parser and messages
//! as `kioku check`, each message tied to the field it is about.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::bank::model::{is_kebab_case, to_kebab_case};
use crate::bank::{Problem, QuestionBody, QuestionKind, QuestionSet, parse_set};

/// One question as the form holds it. Every type's fields are kept, so
/// switching the type back and forth loses nothing typed.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftQuestion {
    /// Empty until first given (from the prompt); never changed after.
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    /// Flashcard answer.
    pub answer: String,
    pub reversible: bool,
    /// Typed: accepted answers, the first shown.
    pub answers: Vec<String>,
    /// Multiple choice: (text, correct).
    pub choices: Vec<(String, bool)>,
    pub shuffle: bool,
    /// True/false answer.
    pub truth: bool,
    /// Cloze text with `{{deletions}}`.
    pub text: String,
    pub explanation: String,
    pub source: String,
    /// Comma-separated.
    pub tags: String,
}

impl DraftQuestion {
    pub fn new(kind: QuestionKind) -> Self {
        Self {
            id: String::new(),
            kind,
            prompt: String::new(),
            answer: String::new(),
            reversible: false,
            answers: vec![String::new()],
            choices: vec![(String::new(), true), (String::new(), false)],
            shuffle: true,
            truth: true,
            text: String::new(),
            explanation: String::new(),
            source: String::new(),
            tags: String::new(),
        }
    }

    /// The text the id is made from.
    fn id_source(&self) -> &str {
        if self.kind == QuestionKind::Cloze {
            &self.text
        } else {
            &self.prompt
        }
    }
}

/// A whole set being edited.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub description: String,
    pub language: String,
    /// Comma-separated.
    pub authors: String,
    pub source: String,
    /// The set's `source_document`, kept as it is (not edited in a form).
    pub source_document: String,
    /// `SHORT = LONG` entries, comma-separated (`\,` is a comma inside
    /// one): the set's `abbreviations`.
    pub abbreviations: String,
    /// Comma-separated.
    pub tags: String,
    pub questions: Vec<DraftQuestion>,
}

/// Which field a problem is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// A set field, by its key (`title`, `id`, …), or `file` for the whole.
    Set(String),
    /// Question `index`'s field `key` (`prompt`, `choices`, …).
    Question { index: usize, key: String },
}

/// A problem with the draft, where it is, and what to tell the person
/// editing (in plain words, one message per problem; `kioku check` words
/// the same problems for file authors).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    pub place: Place,
    /// What is wrong, as data (a front end words it in its language).
    pub problem: Problem,
    /// The problem in English, about the form's fields.
    pub message: String,
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The editor's abbreviations field as (short, long) pairs: entries split
/// on commas not written `\,`, each at its first `=` (an entry without
/// one has a blank long form, which the check reports).
fn abbreviation_entries(s: &str) -> Vec<(String, String)> {
    let mut entries = vec![String::new()];
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&',') => {
                chars.next();
                entries.last_mut().into_iter().for_each(|e| e.push(','));
            }
            ',' => entries.push(String::new()),
            c => entries.last_mut().into_iter().for_each(|e| e.push(c)),
        }
    }
    entries
        .iter()
        .filter(|e| !e.trim().is_empty())
        .map(|e| match e.split_once('=') {
            Some((short, long)) => (short.trim().to_owned(), long.trim().to_owned()),
            None => (e.trim().to_owned(), String::new()),
        })
        .collect()
}

fn quote(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

impl Draft {
    /// A new, empty set.
    pub fn new_set(title: &str, existing_ids: &[&str]) -> Self {
        Self {
            id: Self::id_for_title(title, existing_ids),
            title: title.to_owned(),
            language: "en".to_owned(),
            ..Self::default()
        }
    }

    /// The id a new set titled `title` gets: the title in kebab-case,
    /// unique among `existing_ids`.
    pub fn id_for_title(title: &str, existing_ids: &[&str]) -> String {
        let base = match to_kebab_case(title) {
            s if s.is_empty() || !is_kebab_case(&s) => "my-set".to_owned(),
            s => s,
        };
        unique(&base, existing_ids)
    }

    /// The set as editable fields.
    pub fn from_set(set: &QuestionSet) -> Self {
        let questions = set
            .questions
            .iter()
            .map(|q| {
                let mut d = DraftQuestion::new(q.body.kind());
                d.id = q.id.to_string();
                d.explanation = q.explanation.clone().unwrap_or_default();
                d.source = q.source.clone().unwrap_or_default();
                d.tags = q.tags.join(", ");
                match &q.body {
                    QuestionBody::Flashcard {
                        prompt,
                        answer,
                        reversible,
                    } => {
                        d.prompt = prompt.clone();
                        d.answer = answer.clone();
                        d.reversible = *reversible;
                    }
                    QuestionBody::Typed { prompt, answers } => {
                        d.prompt = prompt.clone();
                        d.answers = answers.clone();
                    }
                    QuestionBody::MultipleChoice {
                        prompt,
                        choices,
                        correct,
                        shuffle,
                    } => {
                        d.prompt = prompt.clone();
                        d.choices = choices
                            .iter()
                            .enumerate()
                            .map(|(i, c)| (c.clone(), correct.contains(&i)))
                            .collect();
                        d.shuffle = *shuffle;
                    }
                    QuestionBody::TrueFalse { prompt, answer } => {
                        d.prompt = prompt.clone();
                        d.truth = *answer;
                    }
                    QuestionBody::Cloze { text } => d.text = text.source_text(),
                }
                d
            })
            .collect();
        Self {
            id: set.id.to_string(),
            title: set.title.clone(),
            description: set.description.clone().unwrap_or_default(),
            language: set.language.clone(),
            authors: set.authors.join(", "),
            source: set.source.clone().unwrap_or_default(),
            source_document: set.source_document.clone().unwrap_or_default(),
            abbreviations: set
                .abbreviations
                .iter()
                .map(|a| format!("{} = {}", a.short, a.long).replace(',', "\\,"))
                .collect::<Vec<_>>()
                .join(", "),
            tags: set.tags.join(", "),
            questions,
        }
    }

    /// A copy to edit under a new id (for the read-only built-in sets).
    pub fn duplicate(set: &QuestionSet, existing_ids: &[&str]) -> Self {
        let mut d = Self::from_set(set);
        d.id = unique(&format!("{}-copy", set.id), existing_ids);
        d.title = format!("{} (copy)", set.title);
        // The document path is relative to the original file, which the
        // copy does not sit next to.
        d.source_document.clear();
        d
    }

    /// Give every question without an id one made from its prompt, unique
    /// in the set. Ids already given are never touched, so editing a
    /// question's text keeps its progress.
    pub fn assign_ids(&mut self) {
        let mut taken: Vec<String> = self
            .questions
            .iter()
            .map(|q| q.id.clone())
            .filter(|i| !i.is_empty())
            .collect();
        for q in &mut self.questions {
            if q.id.is_empty() && !q.id_source().trim().is_empty() {
                let words: Vec<&str> = q.id_source().split_whitespace().take(6).collect();
                let mut base = to_kebab_case(&words.join(" ").replace(['{', '}'], ""));
                if base.is_empty() || !is_kebab_case(&base) {
                    base = "question".to_owned();
                }
                let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
                q.id = unique(&base, &refs);
                taken.push(q.id.clone());
            }
        }
    }

    /// The draft as a question file, and which line holds which field (so
    /// problems can be put next to their field).
    pub fn to_json(&self) -> (String, Vec<(u32, Place)>) {
        let mut out = String::new();
        let mut places: Vec<(u32, Place)> = Vec::new();
        let mut line = 1u32;
        let mut push = |out: &mut String, text: &str, place: Option<Place>| {
            if let Some(p) = place {
                places.push((line, p));
            }
            out.push_str(text);
            out.push('\n');
            line += 1;
        };
        let set = |k: &str| Some(Place::Set(k.to_owned()));
        push(&mut out, "{", set("file"));
        push(&mut out, "  \"$schema\": \"./schema.json\",", None);
        push(&mut out, "  \"kioku\": 1,", None);
        push(
            &mut out,
            &format!("  \"id\": {},", quote(&self.id)),
            set("id"),
        );
        push(
            &mut out,
            &format!("  \"title\": {},", quote(&self.title)),
            set("title"),
        );
        if !self.description.trim().is_empty() {
            push(
                &mut out,
                &format!("  \"description\": {},", quote(&self.description)),
                set("description"),
            );
        }
        push(
            &mut out,
            &format!("  \"language\": {},", quote(&self.language)),
            set("language"),
        );
        for (key, value) in [("authors", &self.authors), ("tags", &self.tags)] {
            let list = split_list(value);
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(|s| quote(s)).collect();
                push(
                    &mut out,
                    &format!("  \"{key}\": [{}],", items.join(", ")),
                    set(key),
                );
            }
        }
        if !self.source.trim().is_empty() {
            push(
                &mut out,
                &format!("  \"source\": {},", quote(&self.source)),
                set("source"),
            );
        }
        if !self.source_document.trim().is_empty() {
            push(
                &mut out,
                &format!("  \"source_document\": {},", quote(&self.source_document)),
                set("source_document"),
            );
        }
        let abbreviations = abbreviation_entries(&self.abbreviations);
        if !abbreviations.is_empty() {
            let items: Vec<String> = abbreviations
                .iter()
                .map(|(short, long)| format!("{}: {}", quote(short), quote(long)))
                .collect();
            push(
                &mut out,
                &format!("  \"abbreviations\": {{{}}},", items.join(", ")),
                set("abbreviations"),
            );
        }
        push(&mut out, "  \"questions\": [", set("questions"));
        for (index, q) in self.questions.iter().enumerate() {
            let at = |key: &str| {
                Some(Place::Question {
                    index,
                    key: key.to_owned(),
                })
            };
            push(&mut out, "    {", at("question"));
            push(
                &mut out,
                &format!("      \"id\": {},", quote(&q.id)),
                at("id"),
            );
            push(
                &mut out,
                &format!("      \"type\": {},", quote(q.kind.as_str())),
                at("type"),
            );
            match q.kind {
                QuestionKind::Cloze => push(
                    &mut out,
                    &format!("      \"text\": {},", quote(&q.text)),
                    at("text"),
                ),
                _ => push(
                    &mut out,
                    &format!("      \"prompt\": {},", quote(&q.prompt)),
                    at("prompt"),
                ),
            }
            match q.kind {
                QuestionKind::Flashcard => {
                    push(
                        &mut out,
                        &format!("      \"answer\": {},", quote(&q.answer)),
                        at("answer"),
                    );
                    if q.reversible {
                        push(&mut out, "      \"reversible\": true,", at("reversible"));
                    }
                }
                QuestionKind::Typed => {
                    let items: Vec<String> = q.answers.iter().map(|a| quote(a)).collect();
                    push(
                        &mut out,
                        &format!("      \"answers\": [{}],", items.join(", ")),
                        at("answers"),
                    );
                }
                QuestionKind::MultipleChoice => {
                    let items: Vec<String> = q.choices.iter().map(|(c, _)| quote(c)).collect();
                    push(
                        &mut out,
                        &format!("      \"choices\": [{}],", items.join(", ")),
                        at("choices"),
                    );
                    let correct: Vec<String> = q
                        .choices
                        .iter()
                        .enumerate()
                        .filter(|(_, (_, ok))| *ok)
                        .map(|(i, _)| i.to_string())
                        .collect();
                    push(
                        &mut out,
                        &format!("      \"correct\": [{}],", correct.join(", ")),
                        at("correct"),
                    );
                    if !q.shuffle {
                        push(&mut out, "      \"shuffle\": false,", at("shuffle"));
                    }
                }
                QuestionKind::TrueFalse => push(
                    &mut out,
                    &format!("      \"answer\": {},", q.truth),
                    at("answer"),
                ),
                QuestionKind::Cloze => {}
            }
            if !q.explanation.trim().is_empty() {
                push(
                    &mut out,
                    &format!("      \"explanation\": {},", quote(&q.explanation)),
                    at("explanation"),
                );
            }
            if !q.source.trim().is_empty() {
                push(
                    &mut out,
                    &format!("      \"source\": {},", quote(&q.source)),
                    at("source"),
                );
            }
            let tags: Vec<String> = split_list(&q.tags).iter().map(|s| quote(s)).collect();
            push(
                &mut out,
                &format!("      \"tags\": [{}]", tags.join(", ")),
                at("tags"),
            );
            let comma = if index + 1 < self.questions.len() {
                ","
            } else {
                ""
            };
            push(&mut out, &format!("    }}{comma}"), None);
        }
        push(&mut out, "  ]", None);
        push(&mut out, "}", None);
        (out, places)
    }

    /// Check the draft as `kioku check` would; `Ok` is the set it saves as.
    pub fn check(&self) -> Result<QuestionSet, Vec<FieldProblem>> {
        let (json, places) = self.to_json();
        parse_set(&json).map_err(|problems| {
            problems
                .into_iter()
                .map(|(pos, problem)| FieldProblem {
                    place: place_of(&places, pos.line),
                    message: message(&problem),
                    problem,
                })
                .collect()
        })
    }
}

/// The field on `line`, or the nearest one above it.
fn place_of(places: &[(u32, Place)], line: u32) -> Place {
    places
        .iter()
        .rev()
        .find(|(l, _)| *l <= line)
        .map(|(_, p)| p.clone())
        .unwrap_or(Place::Set("file".into()))
}

/// The problem as the editor says it: in plain words, about the form's
/// fields rather than the file's keys, choices and answers counted from 1.
fn message(p: &Problem) -> String {
    match p {
        Problem::EmptyChoice { index } => format!("Choice {} is empty", index + 1),
        Problem::DuplicateChoice { index, first, .. } => {
            format!("Choice {} is the same as choice {}", index + 1, first + 1)
        }
        Problem::NoCorrectChoice => "Mark at least one choice as correct".into(),
        Problem::TooFewChoices { min, .. } => format!("Give at least {min} choices"),
        Problem::TooManyChoices { max, .. } => format!("Give at most {max} choices"),
        Problem::NegativeIndex { .. }
        | Problem::IndexOutOfRange { .. }
        | Problem::NotAnIndex(_)
        | Problem::DuplicateIndex { .. } => "Mark the correct choices again".into(),
        Problem::DuplicateAnswer { index, first, .. } => format!(
            "Accepted answer {} is the same as answer {}",
            index + 1,
            first + 1
        ),
        Problem::Empty { field } => match field.as_str() {
            "title" => "Give the set a title".into(),
            "id" => "Give it an id".into(),
            "language" => "Give the set's language, such as en".into(),
            "prompt" => "Write the question".into(),
            "answer" => "Write the answer".into(),
            "answers" => "Give at least one accepted answer".into(),
            "answers entry" => "An accepted answer is empty".into(),
            "text" => "Write the text with its blanks".into(),
            _ => "This must not be empty".into(),
        },
        Problem::NotKebabCase { what, example, .. } => format!(
            "The {what} may only have lowercase letters and digits joined by single hyphens, such as {example}"
        ),
        Problem::BadLanguage(tag) => {
            format!("{tag} is not a language code such as en or pt-BR")
        }
        Problem::DuplicateQuestionId { id, .. } => {
            format!("Another question already has the id {id}")
        }
        Problem::NoQuestions => "Add at least one question".into(),
        Problem::BadAbbreviation { short, reason } => format!(
            "The abbreviation {short} {reason}; write each as SHORT = LONG, separated by commas"
        ),
        Problem::NoDeletion => {
            "Make at least one blank: select a part of the text and mark it as a blank".into()
        }
        Problem::UnclosedDeletion => "A blank is opened with {{ but never closed with }}".into(),
        Problem::UnopenedDeletion => "A blank is closed with }} but never opened with {{".into(),
        Problem::NestedDeletion => "A blank cannot be inside another blank".into(),
        Problem::EmptyDeletion => "A blank is empty".into(),
        Problem::UnnumberedDeletion => {
            "This blank has no card number while others have one: write it {{c1::like this}}".into()
        }
        Problem::StrayBrace(c) => {
            format!("A single {c} is in the text; blanks are written {{{{like this}}}}")
        }
        other => capitalized(&other.to_string()),
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `base`, or `base-2`, `base-3`, … whichever is not in `taken`.
fn unique(base: &str, taken: &[&str]) -> String {
    if !taken.contains(&base) {
        return base.to_owned();
    }
    let mut n = 2;
    loop {
        let mut candidate = String::new();
        let _ = write!(candidate, "{base}-{n}");
        if !taken.contains(&candidate.as_str()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interview_bank_round_trips_through_a_draft() {
        let set = crate::bank::builtin_sets().unwrap().remove(0);
        let draft = Draft::from_set(&set);
        let back = draft.check().unwrap();
        assert_eq!(back.questions, set.questions);
        assert!(!set.abbreviations.is_empty());
        assert_eq!(back.abbreviations, set.abbreviations);
        assert_eq!(back.title, set.title);
    }

    #[test]
    fn ids_come_from_the_prompt_once_and_stay() {
        let mut d = Draft::new_set("My Set!", &["my-set"]);
        assert_eq!(d.id, "my-set-2");
        let mut q = DraftQuestion::new(QuestionKind::Flashcard);
        q.prompt = "Why did Abe cancel his visit to Moscow in 2020?".into();
        q.answer = "COVID-19".into();
        d.questions.push(q.clone());
        d.questions.push(q);
        d.assign_ids();
        assert_eq!(d.questions[0].id, "why-did-abe-cancel-his-visit");
        assert_eq!(d.questions[1].id, "why-did-abe-cancel-his-visit-2");
        d.questions[0].prompt = "Entirely new wording".into();
        d.assign_ids();
        assert_eq!(
            d.questions[0].id, "why-did-abe-cancel-his-visit",
            "editing keeps the id"
        );
        assert!(d.check().is_ok(), "{:?}", d.check().err());
    }

    #[test]
    fn problems_are_tied_to_their_fields_in_plain_words() {
        let mut d = Draft::new_set("T", &[]);
        let mut q = DraftQuestion::new(QuestionKind::MultipleChoice);
        q.id = "q".into();
        q.prompt = "Pick".into();
        q.choices = vec![("a".into(), false), ("a".into(), false)];
        d.questions.push(q);
        let mut c = DraftQuestion::new(QuestionKind::Cloze);
        c.id = "c".into();
        c.text = "no blanks".into();
        d.questions.push(c);
        d.title = String::new();
        let problems = d.check().unwrap_err();
        let got: Vec<(Place, String)> =
            problems.into_iter().map(|p| (p.place, p.message)).collect();
        let q = |index, key: &str| Place::Question {
            index,
            key: key.into(),
        };
        assert_eq!(
            got,
            vec![
                (
                    Place::Set("title".into()),
                    "Give the set a title".to_owned()
                ),
                (
                    q(0, "choices"),
                    "Choice 2 is the same as choice 1".to_owned()
                ),
                (
                    q(0, "correct"),
                    "Mark at least one choice as correct".to_owned()
                ),
                (
                    q(1, "text"),
                    "Make at least one blank: select a part of the text and mark it as a blank"
                        .to_owned()
                ),
            ]
        );
    }
}

/// The editor screen's state: the draft, the question showing, and
/// whether there are unsaved changes.
#[derive(Debug, Clone, PartialEq)]
pub struct EditorState {
    pub draft: Draft,
    /// The question whose form is showing.
    pub selected: Option<usize>,
    /// Changed since opened or last saved.
    pub dirty: bool,
    /// Editing a set already saved (its id is fixed).
    pub existing: bool,
    /// The user asked to leave with unsaved changes: ask first.
    pub confirm_leave: bool,
    /// Fields the user has typed in: only their problems are shown, so a
    /// new form does not open full of complaints.
    pub touched: HashSet<Place>,
    /// The user tried to save: every problem is shown.
    pub save_attempted: bool,
    /// The set's id is made from its title (a set not saved yet whose id
    /// was not typed by hand).
    pub id_follows_title: bool,
    /// Ids of the other sets, which the id made from the title avoids.
    pub taken_ids: Vec<String>,
}

impl EditorState {
    pub fn new(draft: Draft, existing: bool) -> Self {
        let selected = (!draft.questions.is_empty()).then_some(0);
        Self {
            draft,
            selected,
            // A new set or a copy exists only here until saved.
            dirty: !existing,
            existing,
            confirm_leave: false,
            touched: HashSet::new(),
            save_attempted: false,
            id_follows_title: !existing,
            taken_ids: Vec::new(),
        }
    }

    /// The other sets' ids, for the id made from the title.
    pub fn with_taken_ids(mut self, ids: &[&str]) -> Self {
        self.taken_ids = ids.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// Change something in the draft.
    pub fn edit(&mut self, f: impl FnOnce(&mut Draft)) {
        f(&mut self.draft);
        self.dirty = true;
        self.confirm_leave = false;
    }

    /// Change the field at `place` (the user typed in it): from now on its
    /// problems are shown.
    pub fn edit_field(&mut self, place: Place, f: impl FnOnce(&mut Draft)) {
        if place == Place::Set("id".into()) {
            self.id_follows_title = false;
        }
        self.touched.insert(place);
        self.edit(f);
    }

    /// Set the title; a set not saved yet takes its id from it.
    pub fn set_title(&mut self, title: &str) {
        let follow = self.id_follows_title && !self.existing;
        let id = follow.then(|| {
            let taken: Vec<&str> = self.taken_ids.iter().map(String::as_str).collect();
            Draft::id_for_title(title, &taken)
        });
        self.edit_field(Place::Set("title".into()), |d| {
            d.title = title.to_owned();
            if let Some(id) = id {
                d.id = id;
            }
        });
    }

    /// The problems to show: those of fields typed in, or all of them
    /// once a save was tried.
    pub fn visible_problems(&self) -> Vec<FieldProblem> {
        let mut draft = self.draft.clone();
        draft.assign_ids();
        let problems = draft.check().err().unwrap_or_default();
        if self.save_attempted {
            return problems;
        }
        problems
            .into_iter()
            .filter(|p| self.is_touched(&p.place))
            .collect()
    }

    fn is_touched(&self, place: &Place) -> bool {
        match place {
            Place::Set(_) => self.touched.contains(place),
            Place::Question { index, key } => {
                let touched = |k: &str| {
                    self.touched.contains(&Place::Question {
                        index: *index,
                        key: k.to_owned(),
                    })
                };
                match key.as_str() {
                    // The correct marks are ticked next to the choices.
                    "choices" | "correct" => touched("choices") || touched("correct"),
                    // About the question as a whole: once any of its
                    // fields was typed in.
                    "question" => self
                        .touched
                        .iter()
                        .any(|p| matches!(p, Place::Question { index: i, .. } if i == index)),
                    k => touched(k),
                }
            }
        }
    }

    /// Try to save: give questions their ids and check the draft. From now
    /// on every problem is shown. `Ok` is the set to save; call
    /// [`EditorState::saved`] once it is on disk.
    pub fn try_save(&mut self) -> Result<QuestionSet, Vec<FieldProblem>> {
        self.save_attempted = true;
        self.draft.assign_ids();
        self.draft.check()
    }

    /// The set was saved: its id is now fixed.
    pub fn saved(&mut self) {
        self.dirty = false;
        self.existing = true;
        self.id_follows_title = false;
        self.confirm_leave = false;
    }

    pub fn add_question(&mut self, kind: QuestionKind) {
        self.edit(|d| d.questions.push(DraftQuestion::new(kind)));
        self.selected = Some(self.draft.questions.len() - 1);
    }

    pub fn delete_question(&mut self, i: usize) {
        if i < self.draft.questions.len() {
            self.edit(|d| {
                d.questions.remove(i);
            });
            self.selected = match self.draft.questions.len() {
                0 => None,
                n => Some(i.min(n - 1)),
            };
            self.renumber_touched(|j| match j.cmp(&i) {
                std::cmp::Ordering::Less => Some(j),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(j - 1),
            });
        }
    }

    /// Move question `i` up (`-1`) or down (`+1`).
    pub fn move_question(&mut self, i: usize, up: bool) {
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        if let Some(j) = j.filter(|&j| j < self.draft.questions.len()) {
            self.edit(|d| d.questions.swap(i, j));
            self.selected = Some(j);
            self.renumber_touched(|k| {
                Some(if k == i {
                    j
                } else if k == j {
                    i
                } else {
                    k
                })
            });
        }
    }

    /// Keep the touched fields with their questions when these move.
    fn renumber_touched(&mut self, f: impl Fn(usize) -> Option<usize>) {
        self.touched = std::mem::take(&mut self.touched)
            .into_iter()
            .filter_map(|p| match p {
                Place::Question { index, key } => {
                    f(index).map(|index| Place::Question { index, key })
                }
                set => Some(set),
            })
            .collect();
    }
}

/// Wrap characters `start..end` (UTF-16 offsets, as a text field reports
/// its selection) of `text` in `{{ }}`. `None` when the range is empty or
/// not inside the text.
pub fn make_blank(text: &str, start: usize, end: usize) -> Option<String> {
    let to_byte = |u16_offset| utf16_to_byte(text, u16_offset);
    let (s, e) = (to_byte(start.min(end))?, to_byte(start.max(end))?);
    let inner = &text[s..e];
    if inner.trim().is_empty() || inner.contains(['{', '}']) {
        return None;
    }
    Some(format!("{}{{{{{}}}}}{}", &text[..s], inner, &text[e..]))
}

/// The byte offset of UTF-16 offset `u16_offset` in `text`; `None` past
/// the end or inside a character.
fn utf16_to_byte(text: &str, u16_offset: usize) -> Option<usize> {
    let mut count = 0;
    for (b, c) in text.char_indices() {
        if count == u16_offset {
            return Some(b);
        }
        count += c.len_utf16();
    }
    (count == u16_offset).then_some(text.len())
}

/// Put `snippet` (an image's Markdown) in place of characters
/// `start..end` of `text` (UTF-16 offsets, as a text field reports its
/// cursor and selection). Put at the end of a line that has text, it goes
/// into a paragraph of its own (a blank line before); inside a line it
/// stays inline. A range that is not inside the text (the field changed
/// since) puts it at the end, in a paragraph of its own, as it would with
/// no cursor at all. Returns the new text and the cursor just after the
/// snippet (a UTF-16 offset).
pub fn insert_at(text: &str, start: usize, end: usize, snippet: &str) -> (String, usize) {
    let range = utf16_to_byte(text, start.min(end)).zip(utf16_to_byte(text, start.max(end)));
    let (s, e) = range.unwrap_or((text.len(), text.len()));
    let before = &text[..s];
    let after = &text[e..];
    let line_has_text = before
        .rsplit('\n')
        .next()
        .is_some_and(|l| !l.trim().is_empty());
    let at_line_end = after.is_empty() || after.starts_with('\n');
    let sep = if line_has_text && at_line_end {
        "\n\n"
    } else {
        ""
    };
    let head = format!("{before}{sep}{snippet}");
    let cursor = head.encode_utf16().count();
    (format!("{head}{after}"), cursor)
}

#[cfg(test)]
mod editor_state_tests {
    #[test]
    fn insert_at_puts_the_snippet_at_the_cursor() {
        let img = "![map](m.png)";
        let ins = |t: &str, s: usize, e: usize, snippet: &str| insert_at(t, s, e, snippet).0;
        // Empty field; cursor at the start of text; inside a line.
        assert_eq!(ins("", 0, 0, img), img);
        assert_eq!(ins("Where?", 0, 0, img), "![map](m.png)Where?");
        assert_eq!(
            ins("Look at  here", 8, 8, img),
            "Look at ![map](m.png) here"
        );
        // The end of a line with text: a paragraph of its own.
        assert_eq!(
            ins("Where is it?\n\nMore", 12, 12, img),
            "Where is it?\n\n![map](m.png)\n\nMore"
        );
        assert_eq!(
            ins("Where is it?", 12, 12, img),
            "Where is it?\n\n![map](m.png)"
        );
        // On an empty line: as it is.
        assert_eq!(ins("a\n\nb", 2, 2, img), "a\n![map](m.png)\nb");
        // A selection is replaced, either way round.
        assert_eq!(ins("a XX b", 2, 4, img), "a ![map](m.png) b");
        assert_eq!(ins("a XX b", 4, 2, img), "a ![map](m.png) b");
        // UTF-16 offsets: after 東京 (2 units) and 😀 (2 units).
        assert_eq!(ins("東京 x", 2, 2, img), "東京![map](m.png) x");
        assert_eq!(ins("😀 x", 2, 2, img), "😀![map](m.png) x");
        // Inside a surrogate pair or past the end: at the end.
        assert_eq!(ins("😀 x", 1, 1, img), "😀 x\n\n![map](m.png)");
        assert_eq!(ins("ab", 9, 9, img), "ab\n\n![map](m.png)");
        // The cursor lands after the snippet.
        assert_eq!(insert_at("東京 x", 2, 2, img).1, 2 + 13);
        assert_eq!(insert_at("ab", 2, 2, img).1, 2 + 2 + 13);
    }

    use super::*;

    #[test]
    fn make_blank_wraps_the_selection() {
        assert_eq!(
            make_blank("Abe went to Moscow", 12, 18).as_deref(),
            Some("Abe went to {{Moscow}}")
        );
        assert_eq!(
            make_blank("東京 is big", 0, 2).as_deref(),
            Some("{{東京}} is big")
        );
        assert_eq!(make_blank("a 😀 b", 2, 4).as_deref(), Some("a {{😀}} b"));
        assert_eq!(make_blank("abc", 1, 1), None);
        assert_eq!(make_blank("abc", 1, 9), None);
        assert_eq!(make_blank("{{a}} b", 0, 5), None);
    }

    #[test]
    fn reorder_and_delete_track_the_selection() {
        let mut s = EditorState::new(Draft::new_set("t", &[]), false);
        s.add_question(QuestionKind::Typed);
        s.add_question(QuestionKind::Cloze);
        assert_eq!(s.selected, Some(1));
        s.move_question(1, true);
        assert_eq!(
            (s.selected, s.draft.questions[0].kind),
            (Some(0), QuestionKind::Cloze)
        );
        s.delete_question(0);
        assert_eq!((s.selected, s.draft.questions.len()), (Some(0), 1));
        assert!(s.dirty);
    }
}
