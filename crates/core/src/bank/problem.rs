//! What can be wrong with a question file, and where.

use std::fmt;
use std::path::PathBuf;

pub use crate::text::Pos;

/// A JSON syntax error. Parsing stops at the first one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyntaxError {
    #[error("unexpected end of file")]
    UnexpectedEnd,
    #[error("unexpected character; expected a JSON value")]
    UnexpectedToken,
    #[error("unexpected characters after the JSON value")]
    TrailingCharacters,
    #[error("comments are not allowed in JSON")]
    Comment,
    #[error("expected a key in double quotes")]
    ExpectedKey,
    #[error("expected ':' after the key")]
    ExpectedColon,
    #[error("expected ',' or '{0}'")]
    ExpectedCommaOrEnd(char),
    #[error("trailing comma before '{0}'")]
    TrailingComma(char),
    #[error("unterminated string")]
    UnterminatedString,
    #[error("invalid escape sequence")]
    InvalidEscape,
    #[error("control character in string (write it as an escape such as \\n)")]
    ControlCharacter,
    #[error("invalid number")]
    InvalidNumber,
}

/// One problem found in a question file. The `Display` text is the message
/// `kioku check` prints after `PATH:LINE:COL: error: `.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("a question set must be a JSON object, found {0}")]
    NotAnObject(Kind),
    #[error("\"{name}\" is not a field of {type_name} questions{}", if *.type_name == "cloze" && .name == "prompt" { " (a cloze has \"text\" with {{...}} deletions instead)" } else { "" })]
    FieldNotForType {
        name: String,
        type_name: &'static str,
    },
    #[error("file is empty")]
    EmptyFile,
    #[error("file is not valid UTF-8 (invalid byte 0x{byte:02x}); save it as UTF-8")]
    NotUtf8 { byte: u8 },
    #[error("file is {:.1} MiB; question files are limited to {} MiB", *.size as f64 / 1048576.0, .limit / 1048576)]
    TooLarge { size: u64, limit: u64 },
    #[error(transparent)]
    Syntax(#[from] SyntaxError),
    #[error("nesting deeper than {limit} levels")]
    TooDeep { limit: usize },
    #[error("duplicate key \"{key}\" (first at {first})")]
    DuplicateKey { key: String, first: Pos },
    #[error("unknown field \"{name}\"{}", suggestion_text(.suggestion))]
    UnknownField {
        name: String,
        suggestion: Option<String>,
    },
    #[error("missing field \"{name}\"{hint}")]
    MissingField { name: &'static str, hint: FieldHint },
    #[error("\"{field}\" must be {expected}, found {found}")]
    WrongType {
        field: String,
        expected: Kind,
        found: Kind,
    },
    #[error("unsupported format version {found}; this kioku reads version {supported}{}",
        if *.found > *.supported { " (the file needs a newer kioku)" } else { "" })]
    UnsupportedVersion { found: i64, supported: i64 },
    #[error("\"{field}\" must not be empty")]
    Empty { field: String },
    #[error(
        "{what} \"{value}\" is not kebab-case (lowercase letters and digits joined by single hyphens, e.g. \"{example}\")"
    )]
    NotKebabCase {
        what: IdKind,
        value: String,
        example: String,
    },
    #[error("language \"{0}\" is not a BCP 47 tag such as \"en\" or \"pt-BR\"")]
    BadLanguage(String),
    #[error("duplicate question id \"{id}\" (first used at {first})")]
    DuplicateQuestionId { id: String, first: Pos },
    #[error("unknown question type \"{found}\"{}; expected one of flashcard, typed, multiple_choice, true_false, cloze",
        suggestion_text(.suggestion))]
    UnknownType {
        found: String,
        suggestion: Option<String>,
    },
    #[error("a set needs at least one question")]
    NoQuestions,
    #[error("multiple choice needs at least {min} choices, found {found}")]
    TooFewChoices { min: usize, found: usize },
    #[error("multiple choice allows at most {max} choices, found {found}")]
    TooManyChoices { max: usize, found: usize },
    #[error("choice {index} is empty")]
    EmptyChoice { index: usize },
    #[error("choice {index} repeats choice {first} (\"{text}\")")]
    DuplicateChoice {
        index: usize,
        first: usize,
        text: String,
    },
    #[error("\"correct\" must list at least one choice index")]
    NoCorrectChoice,
    #[error("correct index {index} is negative; choices are numbered from 0")]
    NegativeIndex { index: i64 },
    #[error("correct index {index} is out of range; the {count} choices are numbered 0 to {}", .count.saturating_sub(1))]
    IndexOutOfRange { index: i64, count: usize },
    #[error("correct index must be a whole number, found {0}")]
    NotAnIndex(String),
    #[error("correct index {index} is listed twice")]
    DuplicateIndex { index: i64 },
    #[error("accepted answer {index} repeats answer {first} (\"{text}\")")]
    DuplicateAnswer {
        index: usize,
        first: usize,
        text: String,
    },
    #[error("cloze text has no deletion; mark each hidden part with {{{{...}}}}")]
    NoDeletion,
    #[error("unbalanced braces: \"{{{{\" is never closed with \"}}}}\"")]
    UnclosedDeletion,
    #[error("unbalanced braces: \"}}}}\" without an opening \"{{{{\"")]
    UnopenedDeletion,
    #[error("cloze deletions cannot be nested")]
    NestedDeletion,
    #[error("empty cloze deletion {{{{}}}}")]
    EmptyDeletion,
    #[error(
        "this deletion has no card number while others in the text have one; write it {{{{cN::...}}}} (deletions sharing N are hidden together)"
    )]
    UnnumberedDeletion,
    #[error("single brace '{0}' in cloze text; deletions are written {{{{answer}}}}")]
    StrayBrace(char),
    #[error("a .kioku.md file starts with a \"---\" line that opens the set's front matter")]
    NoFrontMatter,
    #[error("the front matter is never closed with a \"---\" line")]
    UnclosedFrontMatter,
    #[error(
        "text outside a question; each question starts with a \"## id\" heading (start a line with \\ to write it as text)"
    )]
    TextOutsideQuestion,
    #[error("this question mixes {first} and {second} markers; each question has one type")]
    MixedTypes {
        first: &'static str,
        second: &'static str,
    },
    #[error(
        "the question has no answer: add \"A:\", \"=\" answers, \"- [x]\" choices, or {{{{...}}}} deletions in \"Q:\""
    )]
    NoAnswer,
    #[error("source quote not found in {document}{}", nearest_text(.nearest))]
    QuoteNotInSource {
        document: String,
        nearest: Option<String>,
    },
    #[error("abbreviation \"{short}\" {reason}")]
    BadAbbreviation {
        short: String,
        reason: AbbreviationFault,
    },
    #[error("cannot read source document \"{document}\": {reason}")]
    SourceDocumentUnreadable { document: String, reason: String },
    /// An image or audio reference that cannot be shown.
    #[error(transparent)]
    Media(#[from] crate::media::MediaError),
    /// A problem particular to an imported format (CSV, GIFT, Aiken, Anki).
    #[error("{0}")]
    Format(String),
}

/// What a missing field should hold, said after its name; front ends word
/// it, `Display` is the English `kioku check --json` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldHint {
    /// Nothing to add to the field's name.
    None,
    /// `kioku`: the format version, 1.
    FormatVersion,
    /// `Q:`: the question's prompt.
    Prompt,
    /// A true/false question's `answer`.
    TrueOrFalse,
    /// A typed question's `answers`.
    AcceptedAnswers,
    /// A multiple-choice question's `correct`.
    ChoiceIndices,
}

impl fmt::Display for FieldHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FieldHint::None => "",
            FieldHint::FormatVersion => " (the format version: 1)",
            FieldHint::Prompt => " (the question's prompt)",
            FieldHint::TrueOrFalse => " (true or false)",
            FieldHint::AcceptedAnswers => " (a list of accepted answers)",
            FieldHint::ChoiceIndices => " (the indices of the right choices, from 0)",
        })
    }
}

/// What a value is, or should be: a JSON kind or a field's expected form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
    /// `true` or `false`.
    TrueOrFalse,
    /// Text that is none of the expected words.
    OtherText,
    /// The format version, 1.
    FormatVersion,
    ArrayOfStrings,
    /// An object of short forms to long forms.
    AbbreviationMap,
    ArrayOfChoiceIndices,
    ChoiceIndex,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Null => "null",
            Kind::Boolean => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
            Kind::TrueOrFalse => "true or false",
            Kind::OtherText => "other text",
            Kind::FormatVersion => "the format version 1",
            Kind::ArrayOfStrings => "an array of strings",
            Kind::AbbreviationMap => "an object of short forms to long forms",
            Kind::ArrayOfChoiceIndices => "an array of choice indices",
            Kind::ChoiceIndex => "a choice index",
        })
    }
}

/// What is wrong with an abbreviation (`SHORT = LONG`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationFault {
    /// No `=` between the short and the long form.
    NoEquals,
    BlankShort,
    /// The short form has no letters or digits to match.
    NothingToMatch,
    BlankLong,
    SameAsLong,
}

impl fmt::Display for AbbreviationFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AbbreviationFault::NoEquals => "has no \"=\": write SHORT = LONG",
            AbbreviationFault::BlankShort => "is blank: write the short form",
            AbbreviationFault::NothingToMatch => "has no letters or digits to match",
            AbbreviationFault::BlankLong => "has a blank long form",
            AbbreviationFault::SameAsLong => "is the same as its long form",
        })
    }
}

/// Which id is not kebab-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Set,
    Question,
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::Set => "set id",
            IdKind::Question => "question id",
        })
    }
}

fn suggestion_text(s: &Option<String>) -> String {
    match s {
        Some(s) => format!(", did you mean \"{s}\"?"),
        None => String::new(),
    }
}

fn nearest_text(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("; did you mean: \"{s}\"?"),
        None => String::new(),
    }
}

/// A problem and where it is in the text (the path is attached later).
pub type LocatedProblem = (Pos, Problem);

/// A problem at a place in a file: one line of `kioku check` output.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}:{}: error: {problem}", path.display(), pos)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub pos: Pos,
    pub problem: Problem,
}
