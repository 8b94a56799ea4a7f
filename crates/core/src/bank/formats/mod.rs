//! Question-set file formats other than JSON: the `.kioku.md` text format
//! and the import/export formats. Every importer returns a typed set plus
//! the items it skipped and why; every exporter returns text plus the
//! questions it could not write. Nothing here prints.

pub mod aiken;
pub mod anki;
pub mod apkg;
pub mod apkg_export;
pub mod bundle;
pub mod csv;
pub mod gift;
pub mod html;
pub mod moodle;
pub mod text;

use std::fmt;
use std::path::Path;

use super::model::{
    FORMAT_VERSION, Question, QuestionBody, QuestionId, QuestionKind, QuestionSet, SetId,
};
use super::problem::{LocatedProblem, Pos, Problem};
use super::validate::{Checker, SeenIds};

/// A file format kioku imports or exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Md,
    Csv,
    Tsv,
    AnkiTsv,
    Gift,
    Aiken,
    Apkg,
    /// `.kioku`: a zip of the set and its media.
    Bundle,
    /// Moodle XML, as Moodle's question bank exports it.
    Moodle,
}

impl Format {
    pub const ALL: [Format; 10] = [
        Format::Json,
        Format::Md,
        Format::Csv,
        Format::Tsv,
        Format::AnkiTsv,
        Format::Gift,
        Format::Aiken,
        Format::Apkg,
        Format::Bundle,
        Format::Moodle,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::AnkiTsv => "anki-tsv",
            Format::Gift => "gift",
            Format::Aiken => "aiken",
            Format::Apkg => "apkg",
            Format::Bundle => "kioku",
            Format::Moodle => "moodle",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Guess from a file name: `.json`, `.md`, `.csv`, `.tsv`, `.txt`
    /// (Anki's text export), `.gift`, `.aiken`, `.apkg`, `.colpkg` and
    /// `.kioku` (a bundle of a set and its media) and `.xml` (Moodle XML).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "md" => Format::Md,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "txt" => Format::AnkiTsv,
            "gift" => Format::Gift,
            "aiken" => Format::Aiken,
            "apkg" | "colpkg" => Format::Apkg,
            "kioku" => Format::Bundle,
            "xml" => Format::Moodle,
            _ => return None,
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Something left out of, or changed in, an import or export, named so
/// the user can find it: what it is about and what happened, as data for a
/// front end to word. `Display` is the English (`ITEM: REASON`) logs keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub item: Item,
    pub kind: NoteKind,
}

/// The older name of [`Note`].
pub type Skipped = Note;

impl Note {
    pub fn new(item: impl Into<Item>, kind: impl Into<NoteKind>) -> Note {
        Note {
            item: item.into(),
            kind: kind.into(),
        }
    }

    /// What happened, in English.
    pub fn reason(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.kind)
    }
}

/// What a [`Note`] is about: a part of the set, or a place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// The set as a whole (its metadata).
    Set,
    /// A question, by id.
    Question(String),
    /// Several questions, by id.
    Questions(Vec<String>),
    /// A line of the source file.
    Line(u64),
    /// A line of the source file and the question's name there.
    NamedLine { line: u64, name: String },
    /// An Anki note, counted from 1.
    AnkiNote(usize),
    /// A row of an Anki review log: its id (milliseconds), the note it
    /// belongs to (counted from 1) and its time when in range.
    Review {
        id: i64,
        note: Option<usize>,
        at: Option<jiff::Timestamp>,
    },
    /// A media file, by name.
    Media(String),
    /// A member of an Anki package meant to be a media file.
    MediaMember(String),
}

impl From<&Item> for Item {
    fn from(i: &Item) -> Item {
        i.clone()
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Set => f.write_str("set"),
            Item::Question(id) => f.write_str(id),
            Item::Questions(ids) => f.write_str(&ids.join(", ")),
            Item::Line(n) => write!(f, "line {n}"),
            Item::NamedLine { line, name } => write!(f, "line {line} ({name})"),
            Item::AnkiNote(n) => write!(f, "note {n}"),
            Item::Review { id, note, at } => {
                let when = at.map_or_else(|| format!("time {id}"), |t| t.to_string());
                match note {
                    Some(n) => write!(f, "review {id} (note {n}, {when})"),
                    None => write!(f, "review {id} ({when})"),
                }
            }
            Item::Media(name) => write!(f, "media \"{name}\""),
            Item::MediaMember(name) => write!(f, "media member \"{name}\""),
        }
    }
}

/// What happened to a [`Note`]'s item, for a front end to word; the
/// `Display` form is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// The set's language guessed from the text; confidence in hundredths.
    LanguageGuessed { code: String, confidence: u32 },
    /// No language recognised: `en`.
    LanguageNotRecognised,
    /// The title is the file name's: the file names none.
    TitleFromFileName { title: String },
    /// The title is the file name's: an Anki package's notes are in
    /// several decks.
    TitleFromFileNameDecks { title: String },
    /// A CSV/TSV file has no set metadata: the id and title come from the
    /// file name.
    CsvNoMetadata { id: String, title: String },
    /// The first row was read as column names.
    HeaderRow { cells: Vec<String> },
    /// Text refers to a media file the format carries no copy of.
    MediaNotCarried {
        alt: String,
        dest: String,
        format: Format,
    },
    /// An Anki note whose note type is not in the collection.
    NoteTypeMissing,
    /// An Anki note with a field empty once HTML is removed.
    EmptyField,
    /// An Anki review-log row whose time is out of range.
    ReviewTimeOutOfRange,
    /// An Anki review-log row whose card is not in the package.
    ReviewCardMissing,
    /// An Anki "Forget".
    ReviewReset,
    /// An Anki "Set due date".
    ReviewSetDueDate,
    /// A reschedule by Anki's FSRS.
    ReviewRescheduled,
    /// A review-log row with no answer button.
    ReviewNoButton { kind: i64 },
    /// A review-log row with an unknown answer button.
    ReviewUnknownButton { ease: i64 },
    /// A review before the card's last reset (at review `reset`).
    ReviewBeforeReset { reset: i64 },
    /// A review of a note that was not imported.
    ReviewNoteNotImported,
    /// A GIFT command kioku does not know, ignored.
    UnknownCommand { command: String },
    /// A question given `id` because its title's id `base` was taken.
    IdTaken { id: String, base: String },
    /// A GIFT description (text with no answer block).
    GiftDescription,
    /// A GIFT essay question.
    Essay,
    /// A GIFT numerical question.
    Numerical,
    /// A GIFT matching question.
    Matching,
    /// A GIFT typed answer with part credit, not accepted.
    PartialAnswerNotAccepted { answer: String, percent: String },
    /// A GIFT typed question with no fully right answer.
    NoFullCredit,
    /// A GIFT choice with part credit, counted as wrong.
    PartialChoiceWrong { choice: String, percent: String },
    /// GIFT part credit on several choices: all of them must be chosen.
    AllOrNothing { choices: Vec<String> },
    /// A Moodle single-answer question's part credit, dropped.
    MoodlePartialDropped,
    /// A Moodle multiple-answer question's part credit.
    MoodlePartCredit,
    /// A Moodle true/false question with no 100% answer.
    NoRightTrueFalse,
    /// A Moodle short answer with part credit, not accepted.
    MoodlePartialAnswer { answer: String, percent: String },
    /// A Moodle short answer that is case-sensitive.
    CaseSensitive,
    /// A Moodle description.
    MoodleDescription,
    /// A Moodle question type kioku has not (`None`: untyped).
    UnsupportedType { what: Option<String> },
    /// Anki cloze hints, dropped.
    ClozeHintsDropped,
    /// An anki-tsv note of a one-field note type.
    OneFieldNoAnswer { notetype: String },
    /// A media name that is a path or hidden, not copied.
    UnsafeMediaName,
    /// A media file listed but missing from the package.
    MediaMissing,
    /// Moodle embedded answer with no 100% answer, kept as text.
    MoodleClozeNoRightAnswer { inner: String },
    /// Moodle embedded short answer: `others` answers under 100% not accepted.
    MoodleClozeShortAnswer { answer: String, others: usize },
    /// Moodle embedded number, to be typed exactly.
    MoodleClozeNumber { answer: String },
    /// Moodle embedded choice made a typed deletion; `others` choices dropped.
    MoodleClozeChoice { answer: String, others: usize },
    /// An Anki review of cloze `number`, no longer in the note.
    ClozeGone { number: u32 },
    /// An Anki review of a card type that was not imported.
    ReviewCardTypeNotImported { name: String },
    /// An Anki Image Occlusion note, skipped (its Header field, if any).
    ImageOcclusion { header: Option<String> },
    /// An Anki cloze imported without its hints.
    ClozeHintsNotImported,
    /// An Anki note type with one field: no answer.
    OneFieldNoteType { notetype: String },
    /// An Anki card type not imported.
    CardTypeNotImported { name: String },
    /// An Anki field on no card, not imported.
    FieldNotImported { name: String },
    /// A media file not copied: the package's own error text.
    MediaNotCopied { error: String },
    /// A media file not copied: the package's media list is unreadable
    /// (with the error text when there is one).
    MediaListUnreadable { error: Option<String> },
    /// Export: a question type `format` has no place for; skipped.
    NoQuestionType { format: Format, kind: QuestionKind },
    /// Aiken export: several right answers; skipped.
    AikenSeveralRight,
    /// Aiken export: a prompt or choice of several lines; skipped.
    AikenSingleLines,
    /// Aiken export: what the question loses (its id always).
    AikenLost {
        id: String,
        explanation: Option<String>,
        tags: Vec<String>,
    },
    /// anki-tsv export: a typed question as a Basic note.
    TsvTypedAsBasic,
    /// anki-tsv export: a multiple choice as a Basic note.
    TsvChoiceAsBasic,
    /// anki-tsv export: a true/false as a Basic note.
    TsvTrueFalseAsBasic,
    /// anki-tsv export: spaces in tags written as `_`.
    TagSpaces,
    /// anki-tsv export: Markdown written as HTML.
    MarkdownAsHtml,
    /// anki-tsv export: explanations (but a cloze's) and sources dropped.
    TsvFieldsDropped,
    /// .apkg export: a typed answer, only the first checked by Anki.
    ApkgTypedFirstOnly,
    /// .apkg export: a multiple choice as a Basic note.
    ApkgChoiceAsBasic,
    /// .apkg export: a true/false as a Basic note.
    ApkgTrueFalseAsBasic,
    /// .apkg export: cloze alternatives, only the first in Anki.
    ApkgClozeAlternatives,
    /// .apkg export: no review history written.
    ApkgNoHistory,
    /// CSV export: `shuffle: false` not carried.
    CsvShuffle,
    /// CSV export: the set's metadata not written.
    CsvMetadataNotWritten { fields: Vec<SetField> },
    /// Export: set fields `format` has no place for (`title_kept`: the
    /// format keeps the title).
    MetadataNotWritten {
        format: Format,
        fields: Vec<SetField>,
        title_kept: bool,
    },
    /// GIFT export: Moodle decides the shuffling.
    GiftShuffle,
    /// GIFT export: tags not written.
    GiftTags { tags: Vec<String> },
    /// Moodle XML export: cloze card numbers not written.
    MoodleClozeNumbers,
    /// Moodle XML export: the source not written.
    MoodleSource,
    /// Moodle XML export: authors, source and set tags not written.
    MoodleSetFields,
    /// Export: a media reference `format` cannot carry.
    MediaDropped {
        alt: String,
        dest: String,
        format: Format,
    },
    /// Export: abbreviations (short, long) `format` cannot carry.
    AbbreviationsDropped {
        format: Format,
        abbreviations: Vec<(String, String)>,
    },
    /// Bundle (`packed` false) or .apkg (`packed` true) export: a media
    /// file in a sub-folder, left out.
    MediaInSubfolder { packed: bool },
}

/// A set-level field an export has no place for, with its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetField {
    Title(String),
    Language(String),
    Description(String),
    Authors(Vec<String>),
    Source(String),
    Tags(Vec<String>),
}

impl SetField {
    /// The field's name, as `unwritten_metadata`'s `kept` lists it.
    pub fn name(&self) -> &'static str {
        match self {
            SetField::Title(_) => "title",
            SetField::Language(_) => "language",
            SetField::Description(_) => "description",
            SetField::Authors(_) => "authors",
            SetField::Source(_) => "source",
            SetField::Tags(_) => "set tags",
        }
    }

    /// The set's fields, in order.
    pub fn of(set: &QuestionSet) -> Vec<SetField> {
        let mut out = vec![
            SetField::Title(set.title.clone()),
            SetField::Language(set.language.clone()),
        ];
        if let Some(d) = &set.description {
            out.push(SetField::Description(d.clone()));
        }
        if !set.authors.is_empty() {
            out.push(SetField::Authors(set.authors.clone()));
        }
        if let Some(s) = &set.source {
            out.push(SetField::Source(s.clone()));
        }
        if !set.tags.is_empty() {
            out.push(SetField::Tags(set.tags.clone()));
        }
        out
    }
}

impl fmt::Display for SetField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetField::Title(v)
            | SetField::Language(v)
            | SetField::Description(v)
            | SetField::Source(v) => {
                write!(f, "{} \"{v}\"", self.name())
            }
            SetField::Authors(v) | SetField::Tags(v) => {
                write!(f, "{} {}", self.name(), v.join(", "))
            }
        }
    }
}

fn joined<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Each abbreviation of a note as `short = long`, for a list: the note's
/// English text and its words in other languages join them.
pub fn abbreviation_pairs(abbreviations: &[(String, String)]) -> Vec<String> {
    abbreviations
        .iter()
        .map(|(s, l)| format!("{s} = {l}"))
        .collect()
}

impl fmt::Display for NoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteKind::LanguageGuessed { code, confidence } => write!(
                f,
                "language guessed from the text: {code} (confidence {}.{:02}); kioku import --language overrides",
                confidence / 100,
                confidence % 100
            ),
            NoteKind::LanguageNotRecognised => f.write_str(
                "language not recognised from the text; set to en (kioku import --language overrides)",
            ),
            NoteKind::TitleFromFileName { title } => write!(
                f,
                "title \"{title}\" taken from the file name: the file names no set title"
            ),
            NoteKind::TitleFromFileNameDecks { title } => write!(
                f,
                "title \"{title}\" taken from the file name: the notes are in several decks"
            ),
            NoteKind::CsvNoMetadata { id, title } => write!(
                f,
                "CSV/TSV carries no set metadata: id \"{id}\" and title \"{title}\" from the file name, language \"en\", no description, authors or set tags"
            ),
            NoteKind::HeaderRow { cells } => write!(
                f,
                "header row \"{}\" read as column names, not as a card",
                cells.join(", ")
            ),
            NoteKind::MediaNotCarried { alt, dest, format } => write!(
                f,
                "media ![{alt}]({dest}) referenced, but {format} carries no media files: copy {dest} into the set's media folder"
            ),
            NoteKind::NoteTypeMissing => f.write_str("its note type is missing from the collection"),
            NoteKind::EmptyField => f.write_str("a field is empty after removing HTML"),
            NoteKind::ReviewTimeOutOfRange => f.write_str("its time is out of range"),
            NoteKind::ReviewCardMissing => f.write_str("its card is not in the package"),
            NoteKind::ReviewReset => f.write_str(
                "a reset (\"Forget\") in Anki, not an answer; the card's earlier reviews are left out too, as Anki's FSRS leaves them out",
            ),
            NoteKind::ReviewSetDueDate => f.write_str(
                "a manual reschedule (\"Set due date\") in Anki, not an answer; kioku schedules from answers alone",
            ),
            NoteKind::ReviewRescheduled => {
                f.write_str("a reschedule by Anki's FSRS, not an answer")
            }
            NoteKind::ReviewNoButton { kind } => write!(f, "no answer button (kind {kind})"),
            NoteKind::ReviewUnknownButton { ease } => write!(f, "unknown answer button {ease}"),
            NoteKind::ReviewBeforeReset { reset } => write!(
                f,
                "before the card was reset (\"Forget\") in Anki at review {reset}"
            ),
            NoteKind::ReviewNoteNotImported => f.write_str("its note was not imported"),
            NoteKind::UnknownCommand { command } => {
                write!(f, "unknown GIFT command \"{command}\" ignored")
            }
            NoteKind::IdTaken { id, base } => {
                write!(f, "id \"{id}\": the title's id \"{base}\" is already used")
            }
            NoteKind::GiftDescription => f.write_str(
                "a description (text with no answer block { }), not a question: skipped",
            ),
            NoteKind::Essay => f.write_str("essay questions (empty { }) have no answer to check"),
            NoteKind::Numerical => f.write_str("numerical questions are not supported"),
            NoteKind::Matching => f.write_str("matching questions are not supported"),
            NoteKind::PartialAnswerNotAccepted { answer, percent } => write!(
                f,
                "answer \"{answer}\" ({percent}% credit) not accepted: kioku accepts only fully right answers"
            ),
            NoteKind::NoFullCredit => {
                f.write_str("no answer has full credit, so none can be accepted")
            }
            NoteKind::PartialChoiceWrong { choice, percent } => write!(
                f,
                "choice \"{choice}\" ({percent}% credit) counted as wrong: kioku has no partial credit"
            ),
            NoteKind::AllOrNothing { choices } => write!(
                f,
                "partial credit scored all-or-nothing: all of {} must be chosen",
                choices.join(", ")
            ),
            NoteKind::MoodlePartialDropped => {
                f.write_str("partial credit dropped: only the 100% choice counts as right")
            }
            NoteKind::MoodlePartCredit => f.write_str(
                "Moodle gives part credit for some of the right choices; kioku counts the answer right only with every choice that has credit",
            ),
            NoteKind::NoRightTrueFalse => f.write_str("a true/false question with no 100% answer"),
            NoteKind::MoodlePartialAnswer { answer, percent } => write!(
                f,
                "answer \"{answer}\" ({percent}%) not accepted: kioku has no partial credit"
            ),
            NoteKind::CaseSensitive => f.write_str("case-sensitive in Moodle; kioku ignores case"),
            NoteKind::MoodleDescription => {
                f.write_str("a description (text without a question), skipped")
            }
            NoteKind::UnsupportedType { what } => write!(
                f,
                "kioku has no {} questions; skipped",
                what.as_deref().unwrap_or("untyped")
            ),
            NoteKind::ClozeHintsDropped => {
                f.write_str("written without its cloze hints (kioku has none)")
            }
            NoteKind::OneFieldNoAnswer { notetype } => {
                write!(f, "note type \"{notetype}\" with one field has no answer")
            }
            NoteKind::UnsafeMediaName => {
                f.write_str("unsafe file name (a path or hidden file), not copied")
            }
            NoteKind::MediaMissing => f.write_str("missing from the package"),
            NoteKind::MoodleClozeNoRightAnswer { inner } => write!(
                f,
                "embedded answer {{{inner}}} has no 100% answer; kept as text"
            ),
            NoteKind::MoodleClozeShortAnswer { answer, others } => write!(
                f,
                "embedded short answer \"{answer}\": {others} answer(s) under 100% not accepted"
            ),
            NoteKind::MoodleClozeNumber { answer } => write!(
                f,
                "embedded number \"{answer}\" must be typed exactly (no tolerance)"
            ),
            NoteKind::MoodleClozeChoice { answer, others } => write!(
                f,
                "embedded choice \"{answer}\" becomes a typed deletion; its {others} other choice(s) are dropped"
            ),
            NoteKind::ClozeGone { number } => {
                write!(f, "its cloze c{number} is no longer in the note")
            }
            NoteKind::ReviewCardTypeNotImported { name } => {
                write!(f, "its card type \"{name}\" was not imported")
            }
            NoteKind::ImageOcclusion { header } => {
                let named = header
                    .as_ref()
                    .map_or_else(String::new, |h| format!(" (\"{h}\")"));
                write!(
                    f,
                    "an Image Occlusion note{named}: shapes hidden over an image, which kioku cannot show; skipped"
                )
            }
            NoteKind::ClozeHintsNotImported => f.write_str("imported without its cloze hints"),
            NoteKind::OneFieldNoteType { notetype } => {
                write!(f, "note type \"{notetype}\" has one field, so no answer")
            }
            NoteKind::CardTypeNotImported { name } => {
                write!(f, "card type \"{name}\" not imported")
            }
            NoteKind::FieldNotImported { name } => {
                write!(f, "field \"{name}\" is on no card, not imported")
            }
            NoteKind::MediaNotCopied { error } => write!(f, "not copied: {error}"),
            NoteKind::MediaListUnreadable { error } => match error {
                Some(e) => write!(f, "not copied: its media list could not be read ({e})"),
                None => f.write_str("not copied: its media list could not be read"),
            },
            NoteKind::NoQuestionType { format, kind } => match format {
                Format::Aiken => write!(f, "Aiken has no {} questions", kind.as_str()),
                Format::Gift => write!(f, "GIFT has no {} questions", kind.as_str()),
                Format::Moodle => write!(
                    f,
                    "Moodle has no {} questions (export anki-tsv or apkg for flashcards)",
                    kind.as_str()
                ),
                other => write!(f, "{other} has no {} questions", kind.as_str()),
            },
            NoteKind::AikenSeveralRight => {
                f.write_str("Aiken has one right answer; this question has several")
            }
            NoteKind::AikenSingleLines => f.write_str("Aiken prompts and choices are single lines"),
            NoteKind::AikenLost {
                id,
                explanation,
                tags,
            } => {
                let mut lost = vec![format!("id {id}")];
                if let Some(e) = explanation {
                    lost.push(format!("explanation \"{e}\""));
                }
                if !tags.is_empty() {
                    lost.push(format!("tags {}", tags.join(", ")));
                }
                write!(
                    f,
                    "not written, Aiken has no place for them: {} (an import derives the id from the prompt)",
                    lost.join("; ")
                )
            }
            NoteKind::TsvTypedAsBasic => f.write_str(
                "typed question written as a Basic note showing the accepted answers",
            ),
            NoteKind::TsvChoiceAsBasic => f.write_str(
                "multiple choice written as a Basic note listing the choices, answer shown",
            ),
            NoteKind::TsvTrueFalseAsBasic => {
                f.write_str("true/false written as a Basic note with answer True or False")
            }
            NoteKind::TagSpaces => {
                f.write_str("spaces in tags written as _ (Anki tags have no spaces)")
            }
            NoteKind::MarkdownAsHtml => f.write_str(
                "Markdown written as HTML (formatting kept in Anki; importing the file back gives plain text)",
            ),
            NoteKind::TsvFieldsDropped => f.write_str(
                "explanations (except on cloze notes) and sources are not carried by anki-tsv",
            ),
            NoteKind::ApkgTypedFirstOnly => f.write_str(
                "typed answer: Anki's type-in card checks only the first accepted answer; the others are listed in the explanation",
            ),
            NoteKind::ApkgChoiceAsBasic => f.write_str(
                "multiple choice written as a Basic note listing the choices, the answer on the back",
            ),
            NoteKind::ApkgTrueFalseAsBasic => {
                f.write_str("true/false written as a Basic note, the answer on the back")
            }
            NoteKind::ApkgClozeAlternatives => {
                f.write_str("cloze alternatives (a|b): Anki shows and checks only the first")
            }
            NoteKind::ApkgNoHistory => f.write_str(
                "review history not written: Anki starts every card as new (kioku's progress stays in its review log)",
            ),
            NoteKind::CsvShuffle => {
                f.write_str("written, but \"shuffle: false\" is not carried by CSV")
            }
            NoteKind::CsvMetadataNotWritten { fields } => write!(
                f,
                "CSV/TSV has no place for set metadata; not written: {} (an import takes the title from the file name and language \"en\")",
                joined(fields)
            ),
            NoteKind::MetadataNotWritten {
                format,
                fields,
                title_kept,
            } => write!(
                f,
                "not written, {format} has no place for them: {} ({})",
                joined(fields),
                if *title_kept {
                    "an import guesses the language"
                } else {
                    "an import takes the title from the file name and guesses the language"
                }
            ),
            NoteKind::GiftShuffle => {
                f.write_str("written, but Moodle decides whether choices are shuffled")
            }
            NoteKind::GiftTags { tags } => {
                write!(f, "tags not written ({}): GIFT has no tags", tags.join(", "))
            }
            NoteKind::MoodleClozeNumbers => f.write_str(
                "its card numbers ({{c1::…}}) are not written: Moodle asks every blank at once, and they come back as one card per blank",
            ),
            NoteKind::MoodleSource => {
                f.write_str("its source is not written: Moodle XML has no place for it")
            }
            NoteKind::MoodleSetFields => f.write_str(
                "authors, source and set tags are not written: Moodle XML has no place for them; the title is the category",
            ),
            NoteKind::MediaDropped { alt, dest, format } => write!(
                f,
                "media ![{alt}]({dest}) dropped: {format} cannot carry images or audio"
            ),
            NoteKind::AbbreviationsDropped {
                format,
                abbreviations,
            } => write!(
                f,
                "abbreviations ({}) dropped: {format} cannot carry them, so answers using them are graded without",
                abbreviation_pairs(abbreviations).join(", ")
            ),
            NoteKind::MediaInSubfolder { packed } => f.write_str(if *packed {
                "media in a sub-folder is not packed"
            } else {
                "media in a sub-folder is not bundled"
            }),
        }
    }
}

/// A media file from an Anki package or a `.kioku` bundle, its name
/// already made safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// A plain file name: no separators, no `..`, not hidden.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What an import produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub set: QuestionSet,
    pub skipped: Vec<Skipped>,
    /// Imported, but with something defaulted, dropped or changed.
    pub notes: Vec<Skipped>,
    pub media: Vec<MediaFile>,
    /// An Anki package's review history (`None` when the file has none).
    pub history: Option<apkg::History>,
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub text: String,
    /// Questions left out.
    pub skipped: Vec<Skipped>,
    /// Questions written, but with something lost or changed.
    pub notes: Vec<Skipped>,
}

/// Names the set an import creates: the file's stem unless given.
#[derive(Debug, Clone)]
pub struct ImportMeta {
    pub id: SetId,
    pub title: String,
}

impl ImportMeta {
    /// From `--set-id` or the file name (`My Deck.apkg` → `my-deck`).
    pub fn for_file(path: &Path, id: Option<SetId>) -> ImportMeta {
        let stem = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.split('.').next().unwrap_or(n))
            .unwrap_or("imported");
        let title = if stem.trim().is_empty() {
            "Imported".to_owned()
        } else {
            stem.to_owned()
        };
        let id = id
            .or_else(|| SetId::new(&super::model::to_kebab_case(stem)))
            .unwrap_or_else(|| SetId::trusted("imported"));
        ImportMeta { id, title }
    }
}

/// A question as read from a foreign format, before validation.
#[derive(Debug, Clone)]
pub enum Draft {
    Flashcard {
        prompt: String,
        answer: String,
        reversible: bool,
    },
    Typed {
        prompt: String,
        answers: Vec<String>,
    },
    MultipleChoice {
        prompt: String,
        choices: Vec<String>,
        /// Indices from 0, as written.
        correct: Vec<i64>,
        shuffle: bool,
    },
    TrueFalse {
        prompt: String,
        answer: bool,
    },
    Cloze {
        text: String,
    },
}

impl Draft {
    /// True when the prompt (or cloze text) is blank.
    pub fn is_blank(&self) -> bool {
        let text = match self {
            Draft::Flashcard { prompt, answer, .. } => {
                return prompt.trim().is_empty() || answer.trim().is_empty();
            }
            Draft::Typed { prompt, .. }
            | Draft::MultipleChoice { prompt, .. }
            | Draft::TrueFalse { prompt, .. } => prompt,
            Draft::Cloze { text } => text,
        };
        text.trim().is_empty()
    }
}

/// Extra fields of a drafted question.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub id: Option<String>,
    pub explanation: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
}

/// Turns drafts into a validated set with the same checks as JSON, each
/// problem located at the draft's place in the source file.
#[derive(Debug, Default)]
pub struct Builder {
    ck: Checker,
    ids: SeenIds,
    taken: Vec<String>,
    questions: Vec<Question>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Skipped>,
}

impl Builder {
    pub fn report(&mut self, pos: Pos, p: Problem) {
        self.ck.report(pos, p);
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.ck.report(pos, Problem::Format(message.into()));
    }

    pub fn skip(&mut self, item: impl Into<Item>, kind: impl Into<NoteKind>) {
        self.skipped.push(Note::new(item, kind));
    }

    /// Name something imported but defaulted or changed.
    pub fn note(&mut self, item: impl Into<Item>, kind: impl Into<NoteKind>) {
        self.notes.push(Note::new(item, kind));
    }

    /// True when an earlier question has (or was given) `id`.
    pub fn is_taken(&self, id: &str) -> bool {
        self.taken.iter().any(|t| t == id)
    }

    /// A fresh id from the prompt when none was written.
    fn derive_id(&self, prompt: &str) -> String {
        let mut base: String = super::model::to_kebab_case(prompt)
            .split('-')
            .take(6)
            .collect::<Vec<_>>()
            .join("-");
        if base.is_empty() {
            base = "q".to_owned();
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Validate and add one drafted question found at `pos`.
    pub fn add(&mut self, pos: Pos, draft: Draft, extras: Extras) {
        let ck = &mut self.ck;
        let body = match draft {
            Draft::Flashcard {
                prompt,
                answer,
                reversible,
            } => {
                let p = ck.nonblank("prompt", &prompt, pos);
                let a = ck.nonblank("answer", &answer, pos);
                p.zip(a).map(|(prompt, answer)| QuestionBody::Flashcard {
                    prompt,
                    answer,
                    reversible,
                })
            }
            Draft::Typed { prompt, answers } => {
                let p = ck.nonblank("prompt", &prompt, pos);
                let located: Vec<(String, Pos)> = answers.into_iter().map(|a| (a, pos)).collect();
                let a = ck.typed_answers(&located, pos);
                p.zip(a)
                    .map(|(prompt, answers)| QuestionBody::Typed { prompt, answers })
            }
            Draft::MultipleChoice {
                prompt,
                choices,
                correct,
                shuffle,
            } => {
                let p = ck.nonblank("prompt", &prompt, pos);
                let count = choices.len();
                let items: Vec<Option<(String, Pos)>> =
                    choices.into_iter().map(|c| Some((c, pos))).collect();
                let c = ck.choices(&items, pos);
                let idx: Vec<Option<(i64, Pos)>> =
                    correct.into_iter().map(|i| Some((i, pos))).collect();
                let k = ck.correct(&idx, Some(count), pos);
                match (p, c, k) {
                    (Some(prompt), Some(choices), Some(correct)) => {
                        Some(QuestionBody::MultipleChoice {
                            prompt,
                            choices,
                            correct,
                            shuffle,
                        })
                    }
                    _ => None,
                }
            }
            Draft::TrueFalse { prompt, answer } => ck
                .nonblank("prompt", &prompt, pos)
                .map(|prompt| QuestionBody::TrueFalse { prompt, answer }),
            Draft::Cloze { text } => ck
                .cloze(&text, pos, |_| pos)
                .map(|text| QuestionBody::Cloze { text }),
        };
        let id = match extras.id {
            Some(id) => ck.kebab(crate::bank::problem::IdKind::Question, &id, pos),
            None => body.as_ref().map(|b| self.derive_id(&b.prompt_text())),
        };
        let ck = &mut self.ck;
        let explanation = match extras.explanation {
            Some(e) if e.trim().is_empty() => Ok(None),
            Some(e) => Ok(Some(e)),
            None => Ok::<_, ()>(None),
        };
        let tags: Vec<String> = extras
            .tags
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .collect();
        let source = extras.source.filter(|s| !s.trim().is_empty());
        if let Some(id) = &id {
            self.ids.check(ck, id, pos);
            self.taken.push(id.clone());
        }
        if let (Some(id), Some(body), Ok(explanation)) = (id, body, explanation)
            && let Some(id) = QuestionId::new(&id)
        {
            self.questions.push(Question {
                id,
                body,
                explanation,
                source,
                tags,
            });
        }
    }

    /// The set, or every problem found.
    pub fn finish(
        mut self,
        meta: &ImportMeta,
        media: Vec<MediaFile>,
    ) -> Result<Imported, Vec<LocatedProblem>> {
        if self.questions.is_empty() && self.ck.problems.is_empty() {
            self.ck.report(Pos::START, Problem::NoQuestions);
        }
        if !self.ck.problems.is_empty() {
            return Err(self.ck.into_sorted());
        }
        Ok(Imported {
            set: QuestionSet {
                schema: None,
                kioku: FORMAT_VERSION,
                id: meta.id.clone(),
                title: meta.title.clone(),
                description: None,
                language: "en".to_owned(),
                authors: Vec::new(),
                source: None,
                source_document: None,
                abbreviations: Vec::new(),
                tags: Vec::new(),
                questions: self.questions,
            },
            skipped: self.skipped,
            notes: self.notes,
            media,
            history: None,
        })
    }
}

/// The position of 1-based `line`, column 1.
pub fn line_pos(line: u64) -> Pos {
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: 1,
    }
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file was read but is not valid in its format: every problem.
    #[error("{}", .0.iter().map(|(p, m)| format!("{p}: {m}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<LocatedProblem>),
    /// A package (`.apkg`) that cannot be read.
    #[error(transparent)]
    Package(#[from] apkg::ApkgError),
    /// A `.kioku` bundle that cannot be read.
    #[error(transparent)]
    Bundle(#[from] bundle::BundleError),
}

/// The language of `set`'s text, guessed (with the `whatlang` crate) from
/// its prompts, answers and explanations: an ISO 639-1 code and the
/// guess's confidence (0–1), or `None` when the text is too short or the
/// language not one kioku names.
pub fn guess_language(set: &QuestionSet) -> Option<(&'static str, f64)> {
    let mut text = String::new();
    for q in &set.questions {
        text.push_str(&q.prompt_text());
        text.push('\n');
        if let QuestionBody::Flashcard { answer, .. } = &q.body {
            text.push_str(answer);
            text.push('\n');
        }
        if let Some(e) = &q.explanation {
            text.push_str(e);
            text.push('\n');
        }
    }
    let info = whatlang::detect(&text)?;
    use whatlang::Lang;
    let code = match info.lang() {
        Lang::Eng => "en",
        Lang::Jpn => "ja",
        Lang::Cmn => "zh",
        Lang::Kor => "ko",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Nld => "nl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Fin => "fi",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Tur => "tr",
        Lang::Ell => "el",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Hin => "hi",
        Lang::Tha => "th",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Hun => "hu",
        Lang::Ron => "ro",
        _ => return None,
    };
    Some((code, info.confidence()))
}

/// Parse `bytes` (the contents of a file in `format`) into a set. Formats
/// that do not name the set's language (all but JSON, text and bundles)
/// get it guessed from the text ([`guess_language`]), named in `notes`;
/// `en` when no guess is reliable.
pub fn import(bytes: &[u8], format: Format, meta: &ImportMeta) -> Result<Imported, ImportError> {
    let mut imported = import_as_written(bytes, format, meta)?;
    if !matches!(format, Format::Json | Format::Md | Format::Bundle) {
        let (language, kind) = match guess_language(&imported.set) {
            Some((code, confidence)) if confidence >= 0.5 => (
                code,
                NoteKind::LanguageGuessed {
                    code: code.to_owned(),
                    confidence: (confidence * 100.0).round() as u32,
                },
            ),
            _ => ("en", NoteKind::LanguageNotRecognised),
        };
        imported.set.language = language.to_owned();
        imported.notes.push(Note::new(Item::Set, kind));
    }
    if matches!(format, Format::AnkiTsv | Format::Gift | Format::Aiken)
        && imported.set.title == meta.title
    {
        imported.notes.push(Note::new(
            Item::Set,
            NoteKind::TitleFromFileName {
                title: meta.title.clone(),
            },
        ));
    }
    if !carries_media(format) && format != Format::Apkg {
        // The text names a file the import has no copy of.
        let refs: Vec<Skipped> = imported
            .set
            .questions
            .iter()
            .flat_map(|q| {
                q.media_refs()
                    .into_iter()
                    .filter(|(_, dest)| !dest.contains("://"))
                    .map(move |(alt, dest)| {
                        Note::new(
                            Item::Question(q.id.to_string()),
                            NoteKind::MediaNotCarried { alt, dest, format },
                        )
                    })
            })
            .collect();
        imported.notes.extend(refs);
    }
    Ok(imported)
}

fn import_as_written(
    bytes: &[u8],
    format: Format,
    meta: &ImportMeta,
) -> Result<Imported, ImportError> {
    if format == Format::Apkg {
        return Ok(apkg::import(bytes, meta)?);
    }
    if format == Format::Bundle {
        let (text, media) = bundle::read(bytes)?;
        let set = super::parse::parse_set(&text).map_err(ImportError::Invalid)?;
        return Ok(Imported {
            set,
            skipped: Vec::new(),
            notes: Vec::new(),
            media,
            history: None,
        });
    }
    let text = super::parse::decode_text(bytes).map_err(ImportError::Invalid)?;
    let plain = |set: Result<QuestionSet, Vec<LocatedProblem>>| {
        set.map(|set| Imported {
            set,
            skipped: Vec::new(),
            notes: Vec::new(),
            media: Vec::new(),
            history: None,
        })
        .map_err(ImportError::Invalid)
    };
    match format {
        Format::Json => plain(super::parse::parse_set(text)),
        Format::Md => plain(text::parse_text(text)),
        Format::Csv => csv::import(text, b',', meta).map_err(ImportError::Invalid),
        Format::Tsv => csv::import(text, b'\t', meta).map_err(ImportError::Invalid),
        Format::AnkiTsv => anki::import(text, meta).map_err(ImportError::Invalid),
        Format::Gift => gift::import(text, meta).map_err(ImportError::Invalid),
        Format::Aiken => aiken::import(text, meta).map_err(ImportError::Invalid),
        Format::Moodle => moodle::import(text, meta).map_err(ImportError::Invalid),
        Format::Apkg | Format::Bundle => Err(ImportError::Invalid(Vec::new())),
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("an .apkg package is written to a file: pass -o FILE.apkg")]
    Unsupported,
    #[error("a .kioku bundle holds media files; export it from the library")]
    NeedsMedia,
    #[error("cannot encode: {0}")]
    Encode(String),
    #[error("no question of the set can be written as {0}")]
    Nothing(Format),
}

/// True for the formats that can carry images and audio: JSON and the
/// text format (with the media folder beside the file) and bundles.
pub fn carries_media(format: Format) -> bool {
    matches!(format, Format::Json | Format::Md | Format::Bundle)
}

/// One note per media reference a format that cannot carry media drops,
/// naming the question and the reference.
pub fn dropped_media(set: &QuestionSet, format: Format) -> Vec<Skipped> {
    if carries_media(format) {
        return Vec::new();
    }
    set.questions
        .iter()
        .flat_map(|q| {
            q.media_refs().into_iter().map(move |(alt, dest)| {
                Note::new(
                    Item::Question(q.id.to_string()),
                    NoteKind::MediaDropped {
                        alt: alt.to_string(),
                        dest: dest.to_string(),
                        format,
                    },
                )
            })
        })
        .collect()
}

/// The note naming the set-level fields (title, language, description,
/// authors, source, set tags) that `format` has no place for, leaving out
/// the names in `kept`; `None` when the set has none of them.
pub fn unwritten_metadata(set: &QuestionSet, format: Format, kept: &[&str]) -> Option<Skipped> {
    let fields: Vec<SetField> = SetField::of(set)
        .into_iter()
        .filter(|f| !kept.contains(&f.name()))
        .collect();
    (!fields.is_empty()).then(|| {
        Note::new(
            Item::Set,
            NoteKind::MetadataNotWritten {
                format,
                fields,
                title_kept: kept.contains(&"title"),
            },
        )
    })
}

/// Write `set` in `format`.
pub fn export(set: &QuestionSet, format: Format) -> Result<Exported, ExportError> {
    let out = match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(set)
                .map_err(|e| ExportError::Encode(e.to_string()))?;
            text.push('\n');
            Exported {
                text,
                skipped: Vec::new(),
                notes: Vec::new(),
            }
        }
        Format::Md => Exported {
            text: text::to_text(set),
            skipped: Vec::new(),
            notes: Vec::new(),
        },
        Format::Csv => csv::export(set, b',')?,
        Format::Tsv => csv::export(set, b'\t')?,
        Format::AnkiTsv => anki::export(set),
        Format::Gift => gift::export(set),
        Format::Aiken => aiken::export(set),
        Format::Moodle => moodle::export(set),
        Format::Apkg => return Err(ExportError::Unsupported),
        Format::Bundle => return Err(ExportError::NeedsMedia),
    };
    if out.skipped.len() == set.questions.len() {
        return Err(ExportError::Nothing(format));
    }
    let mut out = out;
    if matches!(format, Format::AnkiTsv | Format::Gift | Format::Aiken)
        && let Some(n) = unwritten_metadata(set, format, &[])
    {
        out.notes.push(n);
    }
    if format == Format::Moodle {
        // The title and description are the category's; the Moodle
        // writer names the rest.
        let kept = ["title", "description", "authors", "source", "set tags"];
        out.notes.extend(unwritten_metadata(set, format, &kept));
    }
    out.notes.extend(dropped_media(set, format));
    if !set.abbreviations.is_empty() && !carries_media(format) {
        // The same formats carry set-level fields as carry media.
        let abbreviations = set
            .abbreviations
            .iter()
            .map(|a| (a.short.clone(), a.long.clone()))
            .collect();
        out.notes.push(Note::new(
            Item::Set,
            NoteKind::AbbreviationsDropped {
                format,
                abbreviations,
            },
        ));
    }
    Ok(out)
}
