//! kioku-core's typed results in words (the `core` feature): the core
//! returns data — a check problem, a grader's reason — and both front ends
//! word it here, in the user's language. Machine-readable output (JSON,
//! file formats) keeps the core's English `Display` text.

use kioku_core::bank::formats::ExportError;
use kioku_core::bank::formats::apkg::ApkgError;
use kioku_core::bank::formats::bundle::BundleError;
use kioku_core::bank::formats::{Format, Item, Note, NoteKind, SetField};
use kioku_core::bank::problem::SyntaxError;
use kioku_core::bank::{AbbreviationFault, Diagnostic, FieldHint, IdKind, Kind, Problem};
use kioku_core::bank::{BankError, QuestionKind};
use kioku_core::exam::ExamError;
use kioku_core::grader::{Detail, Lenience, MatchReason};
use kioku_core::library::{ExportFailure, LibraryError, PackageError, SourceProblem};
use kioku_core::media::{Escape, MediaError};
use kioku_core::optimizer::OptimizeError;
use kioku_core::review::revlog::{CsvError, RowProblem};
use kioku_core::scheduler::ScheduleError;
use kioku_core::scheduler::SettingsError;
use kioku_core::store::{
    Cache, CacheFault, DataProblem, FormError, LineProblem, Record, StoreError, Warning,
    WarningKind,
};

use crate::{Lang, t};

/// One line of `kioku check` output: `PATH:LINE:COL: error: MESSAGE`.
pub fn diagnostic(lang: Lang, d: &Diagnostic) -> String {
    t!(
        lang,
        "check-problem",
        path = d.path.display().to_string(),
        line = d.pos.line.to_string(),
        column = d.pos.column.to_string(),
        message = problem(lang, &d.problem)
    )
}

/// What a value is, or should be.
fn kind(lang: Lang, k: Kind) -> String {
    match k {
        Kind::Null => t!(lang, "kind-null"),
        Kind::Boolean => t!(lang, "kind-boolean"),
        Kind::Number => t!(lang, "kind-number"),
        Kind::String => t!(lang, "kind-string"),
        Kind::Array => t!(lang, "kind-array"),
        Kind::Object => t!(lang, "kind-object"),
        Kind::TrueOrFalse => t!(lang, "kind-true-or-false"),
        Kind::OtherText => t!(lang, "kind-other-text"),
        Kind::FormatVersion => t!(lang, "kind-format-version"),
        Kind::ArrayOfStrings => t!(lang, "kind-array-of-strings"),
        Kind::AbbreviationMap => t!(lang, "kind-abbreviation-map"),
        Kind::ArrayOfChoiceIndices => t!(lang, "kind-array-of-choice-indices"),
        Kind::ChoiceIndex => t!(lang, "kind-choice-index"),
    }
}

/// What is wrong with an abbreviation.
fn abbreviation_fault(lang: Lang, f: AbbreviationFault) -> String {
    match f {
        AbbreviationFault::NoEquals => t!(lang, "check-abbreviation-no-equals"),
        AbbreviationFault::BlankShort => t!(lang, "check-abbreviation-blank-short"),
        AbbreviationFault::NothingToMatch => t!(lang, "check-abbreviation-nothing-to-match"),
        AbbreviationFault::BlankLong => t!(lang, "check-abbreviation-blank-long"),
        AbbreviationFault::SameAsLong => t!(lang, "check-abbreviation-same-as-long"),
    }
}

fn id_kind(lang: Lang, what: IdKind) -> String {
    match what {
        IdKind::Set => t!(lang, "check-set-id"),
        IdKind::Question => t!(lang, "check-question-id"),
    }
}

fn suggestion(lang: Lang, s: &Option<String>) -> String {
    match s {
        Some(s) => t!(lang, "check-did-you-mean", name = s.as_str()),
        None => String::new(),
    }
}

/// What is wrong in a question file, in words.
pub fn problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::NotAnObject(found) => t!(lang, "check-not-an-object", found = kind(lang, *found)),
        Problem::FieldNotForType { name, type_name } => {
            if *type_name == "cloze" && name == "prompt" {
                t!(lang, "check-prompt-in-cloze")
            } else {
                t!(
                    lang,
                    "check-field-not-for-type",
                    name = name.as_str(),
                    kind = *type_name
                )
            }
        }
        Problem::EmptyFile => t!(lang, "check-empty-file"),
        Problem::NotUtf8 { byte } => t!(lang, "check-not-utf8", byte = format!("0x{byte:02x}")),
        Problem::TooLarge { size, limit } => t!(
            lang,
            "check-too-large",
            size = crate::fixed(*size as f64 / 1_048_576.0, 1),
            limit = limit / 1_048_576
        ),
        Problem::Syntax(e) => syntax(lang, e),
        Problem::TooDeep { limit } => t!(lang, "check-too-deep", limit = *limit),
        Problem::DuplicateKey { key, first } => {
            t!(
                lang,
                "check-duplicate-key",
                key = key.as_str(),
                first = first.to_string()
            )
        }
        Problem::UnknownField {
            name,
            suggestion: s,
        } => t!(
            lang,
            "check-unknown-field",
            name = name.as_str(),
            suggestion = suggestion(lang, s)
        ),
        Problem::MissingField { name, hint } => {
            let hint = match hint {
                FieldHint::None => String::new(),
                FieldHint::FormatVersion => t!(lang, "check-hint-version"),
                FieldHint::Prompt => t!(lang, "check-hint-prompt"),
                FieldHint::TrueOrFalse => t!(lang, "check-hint-true-or-false"),
                FieldHint::AcceptedAnswers => t!(lang, "check-hint-accepted-answers"),
                FieldHint::ChoiceIndices => t!(lang, "check-hint-choice-indices"),
            };
            t!(lang, "check-missing-field", name = *name, hint = hint)
        }
        Problem::WrongType {
            field,
            expected,
            found,
        } => t!(
            lang,
            "check-wrong-type",
            field = field.as_str(),
            expected = kind(lang, *expected),
            found = kind(lang, *found)
        ),
        Problem::UnsupportedVersion { found, supported } => {
            if found > supported {
                t!(
                    lang,
                    "check-newer-version",
                    found = *found,
                    supported = *supported
                )
            } else {
                t!(
                    lang,
                    "check-unsupported-version",
                    found = *found,
                    supported = *supported
                )
            }
        }
        Problem::Empty { field } => t!(lang, "check-empty", field = field.as_str()),
        Problem::NotKebabCase {
            what,
            value,
            example,
        } => {
            let what = id_kind(lang, *what);
            t!(
                lang,
                "check-not-kebab",
                what = what,
                value = value.as_str(),
                example = example.as_str()
            )
        }
        Problem::BadLanguage(tag) => t!(lang, "check-bad-language", tag = tag.as_str()),
        Problem::DuplicateQuestionId { id, first } => t!(
            lang,
            "check-duplicate-question-id",
            id = id.as_str(),
            first = first.to_string()
        ),
        Problem::UnknownType {
            found,
            suggestion: s,
        } => t!(
            lang,
            "check-unknown-type",
            found = found.as_str(),
            suggestion = suggestion(lang, s)
        ),
        Problem::NoQuestions => t!(lang, "check-no-questions"),
        Problem::TooFewChoices { min, found } => {
            t!(lang, "check-too-few-choices", min = *min, found = *found)
        }
        Problem::TooManyChoices { max, found } => {
            t!(lang, "check-too-many-choices", max = *max, found = *found)
        }
        Problem::EmptyChoice { index } => t!(lang, "check-empty-choice", index = *index),
        Problem::DuplicateChoice { index, first, text } => t!(
            lang,
            "check-duplicate-choice",
            index = *index,
            first = *first,
            text = text.as_str()
        ),
        Problem::NoCorrectChoice => t!(lang, "check-no-correct-choice"),
        Problem::NegativeIndex { index } => t!(lang, "check-negative-index", index = *index),
        Problem::IndexOutOfRange { index, count } => t!(
            lang,
            "check-index-out-of-range",
            index = *index,
            count = *count,
            last = count.saturating_sub(1)
        ),
        Problem::NotAnIndex(found) => t!(lang, "check-not-an-index", found = found.as_str()),
        Problem::DuplicateIndex { index } => t!(lang, "check-duplicate-index", index = *index),
        Problem::DuplicateAnswer { index, first, text } => t!(
            lang,
            "check-duplicate-answer",
            index = *index,
            first = *first,
            text = text.as_str()
        ),
        Problem::NoDeletion => t!(lang, "check-no-deletion"),
        Problem::UnclosedDeletion => t!(lang, "check-unclosed-deletion"),
        Problem::UnopenedDeletion => t!(lang, "check-unopened-deletion"),
        Problem::NestedDeletion => t!(lang, "check-nested-deletion"),
        Problem::EmptyDeletion => t!(lang, "check-empty-deletion"),
        Problem::UnnumberedDeletion => t!(lang, "check-unnumbered-deletion"),
        Problem::StrayBrace(c) => t!(lang, "check-stray-brace", brace = c.to_string()),
        Problem::NoFrontMatter => t!(lang, "check-no-front-matter"),
        Problem::UnclosedFrontMatter => t!(lang, "check-unclosed-front-matter"),
        Problem::TextOutsideQuestion => t!(lang, "check-text-outside-question"),
        Problem::MixedTypes { first, second } => {
            t!(lang, "check-mixed-types", first = *first, second = *second)
        }
        Problem::NoAnswer => t!(lang, "check-no-answer"),
        Problem::QuoteNotInSource { document, nearest } => match nearest {
            Some(n) => t!(
                lang,
                "check-quote-not-found-nearest",
                document = document.as_str(),
                nearest = n.as_str()
            ),
            None => t!(lang, "check-quote-not-found", document = document.as_str()),
        },
        Problem::BadAbbreviation { short, reason } => {
            let reason = abbreviation_fault(lang, *reason);
            t!(
                lang,
                "check-bad-abbreviation",
                short = short.as_str(),
                reason = reason
            )
        }
        Problem::SourceDocumentUnreadable { document, reason } => t!(
            lang,
            "check-source-unreadable",
            document = document.as_str(),
            reason = reason.as_str()
        ),
        Problem::Media(e) => media_error(lang, e),
        // Imported formats' own problems keep the core's text.
        other => other.to_string(),
    }
}

fn syntax(lang: Lang, e: &SyntaxError) -> String {
    match e {
        SyntaxError::UnexpectedEnd => t!(lang, "json-unexpected-end"),
        SyntaxError::UnexpectedToken => t!(lang, "json-unexpected-token"),
        SyntaxError::TrailingCharacters => t!(lang, "json-trailing-characters"),
        SyntaxError::Comment => t!(lang, "json-comment"),
        SyntaxError::ExpectedKey => t!(lang, "json-expected-key"),
        SyntaxError::ExpectedColon => t!(lang, "json-expected-colon"),
        SyntaxError::ExpectedCommaOrEnd(c) => {
            t!(lang, "json-expected-comma-or-end", end = c.to_string())
        }
        SyntaxError::TrailingComma(c) => t!(lang, "json-trailing-comma", end = c.to_string()),
        SyntaxError::UnterminatedString => t!(lang, "json-unterminated-string"),
        SyntaxError::InvalidEscape => t!(lang, "json-invalid-escape"),
        SyntaxError::ControlCharacter => t!(lang, "json-control-character"),
        SyntaxError::InvalidNumber => t!(lang, "json-invalid-number"),
    }
}

/// A problem as the editor says it, next to a field: about the form's
/// fields rather than the file's keys, choices and answers counted from 1.
/// Problems the editor has no words of its own for read as `kioku check`
/// says them, with a capital.
pub fn field_problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::EmptyChoice { index } => t!(lang, "editor-problem-empty-choice", n = index + 1),
        Problem::DuplicateChoice { index, first, .. } => t!(
            lang,
            "editor-problem-duplicate-choice",
            n = index + 1,
            first = first + 1
        ),
        Problem::NoCorrectChoice => t!(lang, "editor-problem-no-correct-choice"),
        Problem::TooFewChoices { min, .. } => {
            t!(lang, "editor-problem-too-few-choices", min = *min)
        }
        Problem::TooManyChoices { max, .. } => {
            t!(lang, "editor-problem-too-many-choices", max = *max)
        }
        Problem::NegativeIndex { .. }
        | Problem::IndexOutOfRange { .. }
        | Problem::NotAnIndex(_)
        | Problem::DuplicateIndex { .. } => t!(lang, "editor-problem-mark-again"),
        Problem::DuplicateAnswer { index, first, .. } => t!(
            lang,
            "editor-problem-duplicate-answer",
            n = index + 1,
            first = first + 1
        ),
        Problem::Empty { field } => match field.as_str() {
            "title" => t!(lang, "editor-problem-empty-title"),
            "id" => t!(lang, "editor-problem-empty-id"),
            "language" => t!(lang, "editor-problem-empty-language"),
            "prompt" => t!(lang, "editor-problem-empty-prompt"),
            "answer" => t!(lang, "editor-problem-empty-answer"),
            "answers" => t!(lang, "editor-problem-empty-answers"),
            "answers entry" => t!(lang, "editor-problem-empty-answers-entry"),
            "text" => t!(lang, "editor-problem-empty-text"),
            _ => t!(lang, "editor-problem-empty"),
        },
        Problem::NotKebabCase { what, example, .. } => {
            let what = id_kind(lang, *what);
            t!(
                lang,
                "editor-problem-not-kebab",
                what = what,
                example = example.as_str()
            )
        }
        Problem::BadLanguage(tag) => t!(lang, "editor-problem-bad-language", tag = tag.as_str()),
        Problem::DuplicateQuestionId { id, .. } => {
            t!(lang, "editor-problem-duplicate-id", id = id.as_str())
        }
        Problem::NoQuestions => t!(lang, "editor-problem-no-questions"),
        Problem::BadAbbreviation { short, reason } => {
            let reason = abbreviation_fault(lang, *reason);
            t!(
                lang,
                "editor-problem-bad-abbreviation",
                short = short.as_str(),
                reason = reason
            )
        }
        Problem::NoDeletion => t!(lang, "editor-problem-no-deletion"),
        Problem::UnclosedDeletion => t!(lang, "editor-problem-unclosed-deletion"),
        Problem::UnopenedDeletion => t!(lang, "editor-problem-unopened-deletion"),
        Problem::NestedDeletion => t!(lang, "editor-problem-nested-deletion"),
        Problem::EmptyDeletion => t!(lang, "editor-problem-empty-deletion"),
        Problem::UnnumberedDeletion => t!(lang, "editor-problem-unnumbered-deletion"),
        Problem::StrayBrace(c) => t!(lang, "editor-problem-stray-brace", brace = c.to_string()),
        other => {
            let text = problem(lang, other);
            let mut chars = text.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// What is wrong with a field of the settings form.
pub fn form_error(lang: Lang, e: &FormError) -> String {
    match e {
        FormError::NotInRange { min, max } => {
            t!(lang, "settings-not-in-range", min = *min, max = *max)
        }
        FormError::Steps(SettingsError::Step(word)) => {
            t!(lang, "settings-bad-step", step = word.as_str())
        }
        FormError::Steps(SettingsError::StepRange(word)) => {
            t!(lang, "settings-step-range", step = word.as_str())
        }
        FormError::Steps(other) => t!(
            lang,
            "settings-form-sentence",
            message = settings_error(lang, other)
        ),
    }
}

/// Why the grader judged a response as it did.
pub fn detail(lang: Lang, d: &Detail) -> String {
    match d {
        Detail::SelfGraded => t!(lang, "grade-self-graded"),
        Detail::ByLearner => t!(lang, "grade-by-learner"),
        Detail::MatchesAnswer { answer } => {
            t!(lang, "grade-matches-answer", answer = answer.as_str())
        }
        Detail::MatchesAlternative { answer } => {
            t!(lang, "grade-matches-alternative", answer = answer.as_str())
        }
        Detail::MatchesLeniently { answer, rule } => t!(
            lang,
            "grade-matches-leniently",
            answer = answer.as_str(),
            rule = lenience(lang, *rule)
        ),
        Detail::OneTypo { answer } => t!(lang, "grade-one-typo", answer = answer.as_str()),
        Detail::NoAcceptedAnswer => t!(lang, "grade-no-accepted-answer"),
        Detail::NoMatch {
            answer,
            alternatives,
        } => t!(
            lang,
            "grade-no-match",
            answer = answer.as_str(),
            alternatives = *alternatives
        ),
        Detail::NoSuchBlank => t!(lang, "grade-no-such-blank"),
        Detail::RightChoices => t!(lang, "grade-right-choices"),
        Detail::NotRightChoices => t!(lang, "grade-not-right-choices"),
        Detail::Right => t!(lang, "grade-right"),
        Detail::OtherWay => t!(lang, "grade-other-way"),
        Detail::BlankCount { blanks, given } => {
            t!(lang, "grade-blank-count", blanks = *blanks, given = *given)
        }
        Detail::Blanks(each) => each
            .iter()
            .enumerate()
            .map(|(i, d)| t!(lang, "grade-blank", n = i + 1, detail = detail(lang, d)))
            .collect::<Vec<_>>()
            .join(&t!(lang, "grade-blank-separator")),
    }
}

fn lenience(lang: Lang, rule: Lenience) -> String {
    match rule {
        Lenience::Wording => t!(lang, "grade-rule-wording"),
        Lenience::Order => t!(lang, "grade-rule-order"),
        Lenience::ExtraWords => t!(lang, "grade-rule-extra-words"),
        Lenience::Abbreviation => t!(lang, "grade-rule-abbreviation"),
        Lenience::Initials => t!(lang, "grade-rule-initials"),
    }
}

/// How the grader matched, in words (`kioku grade`, the editor's try box).
pub fn reason(lang: Lang, reason: MatchReason) -> String {
    match reason {
        MatchReason::SelfGraded => t!(lang, "app-reason-self-graded"),
        MatchReason::Exact => t!(lang, "app-reason-exact"),
        MatchReason::Normalized => t!(lang, "app-reason-normalized"),
        MatchReason::Typo => t!(lang, "app-reason-typo"),
        MatchReason::Alternative => t!(lang, "app-reason-alternative"),
        MatchReason::Rejected => t!(lang, "app-reason-rejected"),
    }
}

/// What is wrong with an image or audio file or reference.
pub fn media_error(lang: Lang, e: &MediaError) -> String {
    let name = |n: &String| n.clone();
    match e {
        MediaError::MissingAlt { name: n } => t!(lang, "media-error-missing-alt", name = name(n)),
        MediaError::EmptyName => t!(lang, "media-error-empty-name"),
        MediaError::Remote { name: n } => t!(lang, "media-error-remote", name = name(n)),
        MediaError::Escapes { name: n, why } => t!(
            lang,
            "media-error-escapes",
            name = name(n),
            why = escape(lang, *why)
        ),
        MediaError::Unsupported { name: n } => t!(lang, "media-error-unsupported", name = name(n)),
        MediaError::Missing { name: n, folder } => t!(
            lang,
            "media-error-missing",
            name = name(n),
            folder = folder.display().to_string()
        ),
        MediaError::NotAFile { name: n } => t!(lang, "media-error-not-a-file", name = name(n)),
        MediaError::TooLarge {
            name: n,
            size,
            limit,
        } => t!(
            lang,
            "media-error-too-large",
            name = name(n),
            size = crate::fixed(*size as f64 / 1_048_576.0, 1),
            limit = limit / 1_048_576
        ),
        MediaError::BadUrl(url) => t!(lang, "media-error-bad-url", url = url.as_str()),
        MediaError::UnknownSet(set) => t!(lang, "media-error-unknown-set", set = set.as_str()),
        MediaError::Io { name: n, message } => t!(
            lang,
            "media-error-read",
            name = name(n),
            error = message.as_str()
        ),
        MediaError::BadAlt { alt } => t!(lang, "media-error-bad-alt", alt = alt.as_str()),
        MediaError::Write { name: n, message } => t!(
            lang,
            "media-error-write",
            name = name(n),
            error = message.as_str()
        ),
    }
}

fn escape(lang: Lang, why: Escape) -> String {
    match why {
        Escape::ControlCharacter => t!(lang, "media-escape-control"),
        Escape::Backslash => t!(lang, "media-escape-backslash"),
        Escape::AbsolutePath => t!(lang, "media-escape-absolute"),
        Escape::DriveOrScheme => t!(lang, "media-escape-drive"),
        Escape::EmptyComponent => t!(lang, "media-escape-empty-component"),
        Escape::DotComponent => t!(lang, "media-escape-dot-component"),
        Escape::Symlink => t!(lang, "media-escape-symlink"),
    }
}

/// What went wrong in the data directory. Reading and writing errors keep
/// the system's own text after the file's name.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    match e {
        StoreError::Locked { dir, lock } => t!(
            lang,
            "store-error-locked",
            dir = dir.display().to_string(),
            lock = lock.display().to_string()
        ),
        StoreError::NewerVersion {
            path,
            found,
            supported,
        } => t!(
            lang,
            "store-error-newer-version",
            path = path.display().to_string(),
            found = *found,
            supported = *supported
        ),
        StoreError::Exists { path } => t!(
            lang,
            "store-error-exists",
            path = path.display().to_string()
        ),
        StoreError::SetExists { id, path } => t!(
            lang,
            "store-error-set-exists",
            set = id.as_str(),
            path = path.display().to_string()
        ),
        StoreError::BuiltinSet { id } => t!(lang, "store-error-builtin-set", set = id.as_str()),
        StoreError::SetElsewhere { id, dir } => t!(
            lang,
            "store-error-set-elsewhere",
            set = id.as_str(),
            dir = dir.display().to_string()
        ),
        StoreError::NoDataDir => t!(lang, "store-error-no-data-dir"),
        StoreError::Io { path, op, source } => io_error(lang, path, op, source),
        StoreError::Invalid { path, problem } => t!(
            lang,
            "store-error-invalid",
            path = path.display().to_string(),
            message = data_problem(lang, problem)
        ),
        StoreError::Encode(message) => t!(lang, "store-error-encode", error = message.as_str()),
    }
}

/// What is wrong with a data file kioku reads (a decoder's text kept).
pub fn data_problem(lang: Lang, p: &DataProblem) -> String {
    match p {
        DataProblem::NotRegularFile => t!(lang, "data-not-regular-file"),
        DataProblem::HasReviews => t!(lang, "data-has-reviews"),
        DataProblem::NotDeviceFile(e) => t!(lang, "data-not-device-file", error = e.as_str()),
        DataProblem::BadDeviceId(id) => t!(lang, "data-bad-device-id", id = id.as_str()),
        DataProblem::SettingsNotWritable => t!(lang, "data-settings-not-writable"),
        DataProblem::NotJson(e) => t!(lang, "data-not-json", error = e.as_str()),
        DataProblem::Decode(e) => t!(lang, "data-decode", error = e.as_str()),
        DataProblem::Settings(e) => settings_error(lang, e),
    }
}

/// A setting out of range or malformed.
pub fn settings_error(lang: Lang, e: &SettingsError) -> String {
    match e {
        SettingsError::Retention(r) => {
            t!(lang, "settings-error-retention", value = format!("{r}"))
        }
        SettingsError::Step(word) => t!(lang, "settings-bad-step", step = word.as_str()),
        SettingsError::StepRange(word) => t!(lang, "settings-step-range", step = word.as_str()),
        SettingsError::Range {
            name,
            min,
            max,
            value,
        } => {
            let name = match *name {
                "text size" => t!(lang, "setting-name-text-size"),
                "maximum answer seconds" => t!(lang, "setting-name-answer-seconds"),
                "self-test questions" => t!(lang, "setting-name-exam-questions"),
                "self-test time limit" => t!(lang, "setting-name-exam-minutes"),
                "maximum interval" => t!(lang, "setting-name-maximum-interval"),
                "new cards per day" => t!(lang, "setting-name-new-per-day"),
                "reviews per day" => t!(lang, "setting-name-reviews-per-day"),
                "day rollover hour" => t!(lang, "setting-name-rollover-hour"),
                other => other.to_owned(),
            };
            t!(
                lang,
                "settings-error-range",
                name = name,
                min = *min,
                max = *max,
                value = *value
            )
        }
        SettingsError::ParameterCount(n) => t!(lang, "settings-error-parameter-count", found = *n),
    }
}

/// `PATH: cannot OP: ERROR`, for a file that could not be read or written.
fn io_error(lang: Lang, path: &std::path::Path, op: &str, source: &std::io::Error) -> String {
    t!(
        lang,
        "store-error-io",
        path = path.display().to_string(),
        op = io_op(lang, op),
        error = os_error(lang, source)
    )
}

/// What the data directory could not do to a file (`op` is the core's
/// English verb); an unknown verb stays as it is.
fn io_op(lang: Lang, op: &str) -> String {
    match op {
        "append to" => t!(lang, "io-op-append"),
        "create" => t!(lang, "io-op-create"),
        "cut the torn last line of" => t!(lang, "io-op-cut-torn-line"),
        "list" => t!(lang, "io-op-list"),
        "lock" => t!(lang, "io-op-lock"),
        "move" => t!(lang, "io-op-move"),
        "open" | "open for appending" => t!(lang, "io-op-open"),
        "read" => t!(lang, "io-op-read"),
        "read metadata of" => t!(lang, "io-op-read-metadata"),
        "replace" => t!(lang, "io-op-replace"),
        "seek" => t!(lang, "io-op-seek"),
        "sync" | "sync directory" => t!(lang, "io-op-sync"),
        "write" => t!(lang, "io-op-write"),
        other => other.to_owned(),
    }
}

/// A question file that could not be loaded: every problem, a line each.
pub fn bank_error(lang: Lang, e: &BankError) -> String {
    match e {
        BankError::Invalid(ds) => ds
            .iter()
            .map(|d| diagnostic(lang, d))
            .collect::<Vec<_>>()
            .join("\n"),
        BankError::Io { path, op, source } => io_error(lang, path, op, source),
    }
}

/// A warning about the data directory, named by file and line.
pub fn warning(lang: Lang, w: &Warning) -> String {
    let message = warning_kind(lang, &w.kind);
    let path = w.path.display().to_string();
    match w.place() {
        None => message,
        Some(Some(line)) => t!(
            lang,
            "warning-at-line",
            path = path,
            line = line.to_string(),
            message = message
        ),
        Some(None) => t!(lang, "warning-at", path = path, message = message),
    }
}

/// What a warning about the data directory says.
pub fn warning_kind(lang: Lang, k: &WarningKind) -> String {
    match k {
        WarningKind::Line(p) => line_problem(lang, p),
        WarningKind::SettingsDefaults(p) => {
            t!(
                lang,
                "warning-settings-defaults",
                problem = data_problem(lang, p)
            )
        }
        WarningKind::CacheNotUsed { cache, fault } => {
            let fault = cache_fault(lang, fault);
            match cache {
                Cache::Snapshot => t!(lang, "warning-snapshot-not-used", fault = fault),
                Cache::Sets => t!(lang, "warning-set-cache-not-used", fault = fault),
            }
        }
        WarningKind::MediaUnshown(ds) => std::iter::once(t!(lang, "warning-media-unshown"))
            .chain(ds.iter().map(|d| diagnostic(lang, d)))
            .collect::<Vec<_>>()
            .join("\n"),
        WarningKind::SetNotLoaded(e) => {
            format!(
                "{}\n{}",
                t!(lang, "warning-set-not-loaded"),
                bank_error(lang, e)
            )
        }
        WarningKind::LogSkipped(e) => t!(lang, "warning-log-skipped", error = store_error(lang, e)),
        WarningKind::DuplicateSetId(id) => t!(lang, "warning-duplicate-set-id", set = id.as_str()),
    }
}

/// What was wrong with one line of a log (a decoder's text kept).
pub fn line_problem(lang: Lang, p: &LineProblem) -> String {
    match p {
        LineProblem::Torn => t!(lang, "line-torn"),
        LineProblem::NotUtf8 => t!(lang, "line-not-utf8"),
        LineProblem::HeaderVersion { key } => t!(lang, "line-header-version", key = key.as_str()),
        LineProblem::HeaderNoDevice => t!(lang, "line-header-no-device"),
        LineProblem::NoHeader => t!(lang, "line-no-header"),
        LineProblem::NotAnEvent { record, detail } => match record {
            Record::Review => t!(lang, "line-not-review", error = detail.as_str()),
            Record::ExamResult => t!(lang, "line-not-exam-result", error = detail.as_str()),
        },
    }
}

/// Why a cache file was not used (a decoder's or the system's text kept).
pub fn cache_fault(lang: Lang, f: &CacheFault) -> String {
    match f {
        CacheFault::NotCache => t!(lang, "cache-fault-not-cache"),
        CacheFault::OtherVersion { found, supported } => t!(
            lang,
            "cache-fault-other-version",
            found = *found,
            supported = *supported
        ),
        CacheFault::Length => t!(lang, "cache-fault-length"),
        CacheFault::Checksum => t!(lang, "cache-fault-checksum"),
        CacheFault::Index => t!(lang, "cache-fault-index"),
        CacheFault::Decode(e) => t!(lang, "cache-fault-decode", error = e.as_str()),
        CacheFault::Read(e) => t!(lang, "cache-fault-read", error = e.as_str()),
    }
}

/// A CSV review log that could not be read (`kioku optimize --reviews`,
/// `kioku memory --reviews`): one `PATH:LINE: error: MESSAGE` per bad row.
pub fn csv_error(lang: Lang, e: &CsvError) -> String {
    match e {
        CsvError::Io { path, op, source } => io_error(lang, path, op, source),
        CsvError::TooLarge { path, size, limit } => t!(
            lang,
            "csv-too-large",
            path = path.display().to_string(),
            size = *size,
            limit = *limit
        ),
        CsvError::Rows { path, rows, more } => {
            let path = path.display().to_string();
            let mut lines: Vec<String> = rows
                .iter()
                .map(|r| {
                    t!(
                        lang,
                        "csv-row-error",
                        path = path.as_str(),
                        line = r.line.to_string(),
                        message = row_problem(lang, &r.problem)
                    )
                })
                .collect();
            if *more > 0 {
                lines.push(t!(
                    lang,
                    "csv-more-rows",
                    path = path.as_str(),
                    count = *more
                ));
            }
            lines.join("\n")
        }
    }
}

/// What is wrong with a row of a CSV review log (the reader's or the time
/// parser's text kept).
pub fn row_problem(lang: Lang, p: &RowProblem) -> String {
    match p {
        RowProblem::Header(e) => t!(lang, "csv-header", error = e.as_str()),
        RowProblem::Columns { found } => t!(lang, "csv-columns", found = found.as_str()),
        RowProblem::NotARow(e) => t!(lang, "csv-not-a-row", error = e.as_str()),
        RowProblem::EmptyCard => t!(lang, "csv-empty-card"),
        RowProblem::Rating(v) => t!(lang, "csv-rating", value = v.as_str()),
        RowProblem::Time { text, detail } => t!(
            lang,
            "csv-time",
            value = text.as_str(),
            error = detail.as_str()
        ),
        RowProblem::Duration(v) => t!(lang, "csv-duration", value = v.as_str()),
    }
}

/// An error from the operating system. In English, its own text (`No
/// such file or directory (os error 2)`); in Japanese, the common kinds
/// are worded, with the error's number kept (`ファイルまたはフォルダがありません
/// （os error 2）`). A library's own message stays as it came.
pub fn os_error(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En || e.get_ref().is_some() {
        return e.to_string();
    }
    let key = match e.kind() {
        K::NotFound => "os-error-not-found",
        K::PermissionDenied => "os-error-permission-denied",
        K::AlreadyExists => "os-error-already-exists",
        K::IsADirectory => "os-error-is-a-directory",
        K::NotADirectory => "os-error-not-a-directory",
        K::DirectoryNotEmpty => "os-error-directory-not-empty",
        K::ReadOnlyFilesystem => "os-error-read-only",
        K::StorageFull => "os-error-storage-full",
        K::QuotaExceeded => "os-error-quota-exceeded",
        K::FileTooLarge => "os-error-file-too-large",
        K::ResourceBusy => "os-error-busy",
        K::InvalidFilename => "os-error-invalid-filename",
        K::CrossesDevices => "os-error-crosses-devices",
        K::UnexpectedEof => "os-error-unexpected-eof",
        K::OutOfMemory => "os-error-out-of-memory",
        _ => return e.to_string(),
    };
    let what = crate::tr(lang, key, &[]);
    match e.raw_os_error() {
        Some(code) => t!(
            lang,
            "os-error-numbered",
            what = what,
            code = code.to_string()
        ),
        None => what,
    }
}

/// A library error: every kind, worded from its typed value. Text from the
/// operating system or a decoder stays as it came, inside the language's
/// frame.
pub fn library_error(lang: Lang, e: &LibraryError) -> String {
    match e {
        LibraryError::Bank(e) => bank_error(lang, e),
        LibraryError::Store(e) => store_error(lang, e),
        LibraryError::Schedule(e) => schedule_error(lang, e),
        LibraryError::UnknownFormat(path) => t!(
            lang,
            "error-unknown-format",
            path = path.display().to_string()
        ),
        LibraryError::NoSet(id) => t!(lang, "error-no-set", set = id.as_str()),
        LibraryError::BuiltinReadOnly(id) => {
            t!(lang, "library-error-builtin-read-only", set = id.as_str())
        }
        LibraryError::Package { path, error } => t!(
            lang,
            "file-error",
            path = path.display().to_string(),
            message = package_error(lang, error)
        ),
        LibraryError::Export(e) => export_failure(lang, e),
        LibraryError::SourceDocument { document, reason } => t!(
            lang,
            "library-error-source-document",
            document = document.as_str(),
            reason = source_problem(lang, reason)
        ),
    }
}

/// Why a package (.apkg, .colpkg, .kioku) could not be read.
pub fn package_error(lang: Lang, e: &PackageError) -> String {
    match e {
        PackageError::Apkg(e) => apkg_error(lang, e),
        PackageError::Bundle(e) => bundle_error(lang, e),
    }
}

/// Why an Anki package could not be read or written.
pub fn apkg_error(lang: Lang, e: &ApkgError) -> String {
    match e {
        ApkgError::NotZip(why) => t!(lang, "apkg-error-not-zip", error = why.as_str()),
        ApkgError::MemberTooLarge { name, size, limit } => t!(
            lang,
            "apkg-error-member-too-large",
            name = name.as_str(),
            size = size.to_string(),
            limit = limit.to_string()
        ),
        ApkgError::TotalTooLarge { limit } => {
            t!(
                lang,
                "apkg-error-total-too-large",
                limit = limit.to_string()
            )
        }
        ApkgError::Ratio { name, ratio, limit } => t!(
            lang,
            "apkg-error-ratio",
            name = name.as_str(),
            ratio = ratio.to_string(),
            limit = limit.to_string()
        ),
        ApkgError::OnlyStub => t!(lang, "apkg-error-only-stub"),
        ApkgError::NoCollection => t!(lang, "apkg-error-no-collection"),
        ApkgError::Member { name, reason } => t!(
            lang,
            "apkg-error-member",
            name = name.as_str(),
            error = reason.as_str()
        ),
        ApkgError::Database(why) => t!(lang, "apkg-error-database", error = why.as_str()),
        ApkgError::Temp { path, source } => t!(
            lang,
            "apkg-error-temp",
            path = path.display().to_string(),
            error = os_error(lang, source)
        ),
    }
}

/// Why a .kioku bundle could not be read or written.
pub fn bundle_error(lang: Lang, e: &BundleError) -> String {
    match e {
        BundleError::NotZip(why) => t!(lang, "bundle-error-not-zip", error = why.as_str()),
        BundleError::UnsafeName(name) => t!(lang, "bundle-error-unsafe-name", name = name.as_str()),
        BundleError::UnexpectedMember(name) => {
            t!(lang, "bundle-error-unexpected-member", name = name.as_str())
        }
        BundleError::TooManyMembers { count, limit } => t!(
            lang,
            "bundle-error-too-many-members",
            count = *count,
            limit = *limit
        ),
        BundleError::MemberTooLarge { name, size, limit } => t!(
            lang,
            "bundle-error-member-too-large",
            name = name.as_str(),
            size = size.to_string(),
            limit = limit.to_string()
        ),
        BundleError::TotalTooLarge { limit } => {
            t!(
                lang,
                "bundle-error-total-too-large",
                limit = limit.to_string()
            )
        }
        BundleError::Ratio { name, ratio, limit } => t!(
            lang,
            "bundle-error-ratio",
            name = name.as_str(),
            ratio = ratio.to_string(),
            limit = limit.to_string()
        ),
        BundleError::NoSet => t!(lang, "bundle-error-no-set"),
        BundleError::Member { name, reason } => t!(
            lang,
            "bundle-error-member",
            name = name.as_str(),
            error = reason.as_str()
        ),
        BundleError::Write(why) => t!(lang, "bundle-error-write", error = why.as_str()),
    }
}

/// Why an export failed.
pub fn export_failure(lang: Lang, e: &ExportFailure) -> String {
    match e {
        ExportFailure::Format(e) => export_error(lang, e),
        ExportFailure::Media(e) => media_error(lang, e),
        ExportFailure::Package(e) => apkg_error(lang, e),
        ExportFailure::Bundle(e) => bundle_error(lang, e),
        ExportFailure::CreateDir { path, source } => t!(
            lang,
            "export-error-create-dir",
            path = path.display().to_string(),
            error = os_error(lang, source)
        ),
        ExportFailure::Encode(why) => t!(lang, "store-error-encode", error = why.as_str()),
    }
}

/// Why a set could not be written in a format.
pub fn export_error(lang: Lang, e: &ExportError) -> String {
    match e {
        ExportError::Unsupported => t!(lang, "export-error-apkg-to-file"),
        ExportError::NeedsMedia => t!(lang, "export-error-bundle-needs-media"),
        ExportError::Encode(why) => t!(lang, "store-error-encode", error = why.as_str()),
        ExportError::Nothing(format) => {
            t!(lang, "export-error-nothing", format = format_name(*format))
        }
    }
}

/// Why a set's source document could not be read.
pub fn source_problem(lang: Lang, p: &SourceProblem) -> String {
    match p {
        SourceProblem::BuiltinOnly { only } => {
            t!(lang, "source-problem-builtin-only", only = only.as_str())
        }
        SourceProblem::NotInside => t!(lang, "source-problem-not-inside"),
        SourceProblem::NotUtf8 => t!(lang, "source-problem-not-utf8"),
        SourceProblem::Io(e) => os_error(lang, e),
        SourceProblem::TooLarge { mib } => {
            t!(lang, "source-problem-too-large", mib = mib.to_string())
        }
    }
}

/// The scheduler's errors (FSRS's own text kept).
pub fn schedule_error(lang: Lang, e: &ScheduleError) -> String {
    match e {
        ScheduleError::Parameters(f) => {
            t!(lang, "schedule-error-parameters", error = f.to_string())
        }
        ScheduleError::Fsrs(f) => t!(lang, "schedule-error-fsrs", error = f.to_string()),
    }
}

/// Why a self-test could not be set up.
pub fn exam_error(lang: Lang, e: &ExamError) -> String {
    match e {
        ExamError::NoSet(id) => t!(lang, "error-no-set", set = id.as_str()),
        ExamError::NoCards(id) => t!(lang, "exam-error-no-cards", set = id.as_str()),
    }
}

/// Why fitting the parameters failed.
pub fn optimize_error(lang: Lang, e: &OptimizeError) -> String {
    match e {
        OptimizeError::NotEnoughData { items, needed } => t!(
            lang,
            "optimize-error-not-enough-data",
            items = *items,
            needed = *needed
        ),
        OptimizeError::Cancelled => t!(lang, "optimize-error-cancelled"),
        OptimizeError::Fsrs(f) => t!(lang, "optimize-error-fsrs", error = format!("{f:?}")),
    }
}

/// A note of an import or export (something left out or changed):
/// `ITEM: WHAT HAPPENED`.
pub fn note(lang: Lang, n: &Note) -> String {
    t!(
        lang,
        "note-line",
        item = item(lang, &n.item),
        what = note_kind(lang, &n.kind)
    )
}

/// What a note is about.
pub fn item(lang: Lang, i: &Item) -> String {
    match i {
        Item::Set => t!(lang, "item-set"),
        Item::Question(id) => id.clone(),
        Item::Questions(ids) => ids.join(&t!(lang, "list-separator")),
        Item::Line(n) => t!(lang, "item-line", line = n.to_string()),
        Item::NamedLine { line, name } => {
            t!(
                lang,
                "item-named-line",
                line = line.to_string(),
                name = name.as_str()
            )
        }
        Item::AnkiNote(n) => t!(lang, "item-anki-note", note = n.to_string()),
        Item::Review { id, note, at } => {
            let when = at.map_or_else(|| id.to_string(), |t| t.to_string());
            match note {
                Some(n) => t!(
                    lang,
                    "item-review-of-note",
                    id = id.to_string(),
                    note = *n,
                    when = when
                ),
                None => t!(lang, "item-review", id = id.to_string(), when = when),
            }
        }
        Item::Media(name) => t!(lang, "item-media", name = name.as_str()),
        Item::MediaMember(name) => t!(lang, "item-media-member", name = name.as_str()),
    }
}

/// What happened to a note's item.
pub fn note_kind(lang: Lang, k: &NoteKind) -> String {
    match k {
        NoteKind::LanguageGuessed { code, confidence } => t!(
            lang,
            "note-language-guessed",
            code = code.as_str(),
            confidence = format!("{}.{:02}", confidence / 100, confidence % 100)
        ),
        NoteKind::LanguageNotRecognised => t!(lang, "note-language-not-recognised"),
        NoteKind::TitleFromFileName { title } => {
            t!(lang, "note-title-from-file-name", title = title.as_str())
        }
        NoteKind::TitleFromFileNameDecks { title } => {
            t!(
                lang,
                "note-title-from-file-name-decks",
                title = title.as_str()
            )
        }
        NoteKind::CsvNoMetadata { id, title } => t!(
            lang,
            "note-csv-no-metadata",
            id = id.as_str(),
            title = title.as_str()
        ),
        NoteKind::HeaderRow { cells } => {
            t!(lang, "note-header-row", cells = cells.join(", "))
        }
        NoteKind::MediaNotCarried { alt, dest, format } => t!(
            lang,
            "note-media-not-carried",
            alt = alt.as_str(),
            dest = dest.as_str(),
            format = format.name()
        ),
        NoteKind::NoteTypeMissing => t!(lang, "note-note-type-missing"),
        NoteKind::EmptyField => t!(lang, "note-empty-field"),
        NoteKind::ReviewTimeOutOfRange => t!(lang, "note-review-time-out-of-range"),
        NoteKind::ReviewCardMissing => t!(lang, "note-review-card-missing"),
        NoteKind::ReviewReset => t!(lang, "note-review-reset"),
        NoteKind::ReviewSetDueDate => t!(lang, "note-review-set-due-date"),
        NoteKind::ReviewRescheduled => t!(lang, "note-review-rescheduled"),
        NoteKind::ReviewNoButton { kind } => t!(lang, "note-review-no-button", kind = *kind),
        NoteKind::ReviewUnknownButton { ease } => {
            t!(lang, "note-review-unknown-button", button = *ease)
        }
        NoteKind::ReviewBeforeReset { reset } => {
            t!(lang, "note-review-before-reset", reset = reset.to_string())
        }
        NoteKind::ReviewNoteNotImported => t!(lang, "note-review-note-not-imported"),
        NoteKind::UnknownCommand { command } => {
            t!(lang, "note-unknown-command", command = command.as_str())
        }
        NoteKind::IdTaken { id, base } => {
            t!(
                lang,
                "note-id-taken",
                id = id.as_str(),
                base = base.as_str()
            )
        }
        NoteKind::GiftDescription | NoteKind::MoodleDescription => t!(lang, "note-description"),
        NoteKind::Essay => t!(lang, "note-essay"),
        NoteKind::Numerical => t!(lang, "note-numerical"),
        NoteKind::Matching => t!(lang, "note-matching"),
        NoteKind::PartialAnswerNotAccepted { answer, percent }
        | NoteKind::MoodlePartialAnswer { answer, percent } => t!(
            lang,
            "note-partial-answer",
            answer = answer.as_str(),
            percent = percent.as_str()
        ),
        NoteKind::NoFullCredit => t!(lang, "note-no-full-credit"),
        NoteKind::PartialChoiceWrong { choice, percent } => t!(
            lang,
            "note-partial-choice",
            choice = choice.as_str(),
            percent = percent.as_str()
        ),
        NoteKind::AllOrNothing { choices } => t!(
            lang,
            "note-all-or-nothing",
            choices = choices.join(&t!(lang, "list-separator"))
        ),
        NoteKind::MoodlePartialDropped => t!(lang, "note-moodle-partial-dropped"),
        NoteKind::MoodlePartCredit => t!(lang, "note-moodle-part-credit"),
        NoteKind::NoRightTrueFalse => t!(lang, "note-no-right-true-false"),
        NoteKind::CaseSensitive => t!(lang, "note-case-sensitive"),
        NoteKind::UnsupportedType { what } => match what {
            Some(w) => t!(lang, "note-unsupported-type", kind = w.as_str()),
            None => t!(lang, "note-untyped"),
        },
        NoteKind::ClozeHintsDropped => t!(lang, "note-cloze-hints-dropped"),
        NoteKind::OneFieldNoAnswer { notetype } => {
            t!(lang, "note-one-field", notetype = notetype.as_str())
        }
        NoteKind::UnsafeMediaName => t!(lang, "note-unsafe-media-name"),
        NoteKind::MediaMissing => t!(lang, "note-media-missing"),
        NoteKind::MoodleClozeNoRightAnswer { inner } => {
            t!(lang, "note-moodle-cloze-no-right", inner = inner.as_str())
        }
        NoteKind::MoodleClozeShortAnswer { answer, others } => t!(
            lang,
            "note-moodle-cloze-short-answer",
            answer = answer.as_str(),
            others = *others
        ),
        NoteKind::MoodleClozeNumber { answer } => {
            t!(lang, "note-moodle-cloze-number", answer = answer.as_str())
        }
        NoteKind::MoodleClozeChoice { answer, others } => t!(
            lang,
            "note-moodle-cloze-choice",
            answer = answer.as_str(),
            others = *others
        ),
        NoteKind::ClozeGone { number } => t!(lang, "note-cloze-gone", number = *number),
        NoteKind::ReviewCardTypeNotImported { name } => {
            t!(
                lang,
                "note-review-card-type-not-imported",
                name = name.as_str()
            )
        }
        NoteKind::ImageOcclusion { header } => match header {
            Some(h) => t!(lang, "note-image-occlusion-named", header = h.as_str()),
            None => t!(lang, "note-image-occlusion"),
        },
        NoteKind::ClozeHintsNotImported => t!(lang, "note-cloze-hints-not-imported"),
        NoteKind::OneFieldNoteType { notetype } => {
            t!(
                lang,
                "note-one-field-note-type",
                notetype = notetype.as_str()
            )
        }
        NoteKind::CardTypeNotImported { name } => {
            t!(lang, "note-card-type-not-imported", name = name.as_str())
        }
        NoteKind::FieldNotImported { name } => {
            t!(lang, "note-field-not-imported", name = name.as_str())
        }
        NoteKind::MediaNotCopied { error } => {
            t!(lang, "note-media-not-copied", error = error.as_str())
        }
        NoteKind::MediaListUnreadable { error } => match error {
            Some(e) => t!(
                lang,
                "note-media-list-unreadable-because",
                error = e.as_str()
            ),
            None => t!(lang, "note-media-list-unreadable"),
        },
        NoteKind::NoQuestionType { format, kind } => {
            let kind = question_kind(lang, *kind);
            match format {
                Format::Moodle => t!(lang, "note-moodle-no-type", kind = kind),
                other => t!(
                    lang,
                    "note-format-no-type",
                    format = format_name(*other),
                    kind = kind
                ),
            }
        }
        NoteKind::AikenSeveralRight => t!(lang, "note-aiken-several-right"),
        NoteKind::AikenSingleLines => t!(lang, "note-aiken-single-lines"),
        NoteKind::AikenLost {
            id,
            explanation,
            tags,
        } => {
            let mut lost = vec![t!(lang, "lost-id", id = id.as_str())];
            if let Some(e) = explanation {
                lost.push(t!(lang, "lost-explanation", value = e.as_str()));
            }
            if !tags.is_empty() {
                lost.push(t!(
                    lang,
                    "lost-tags",
                    value = tags.join(&t!(lang, "list-separator"))
                ));
            }
            t!(
                lang,
                "note-aiken-lost",
                fields = lost.join(&t!(lang, "lost-separator"))
            )
        }
        NoteKind::TsvTypedAsBasic => t!(lang, "note-tsv-typed-as-basic"),
        NoteKind::TsvChoiceAsBasic => t!(lang, "note-tsv-choice-as-basic"),
        NoteKind::TsvTrueFalseAsBasic => t!(lang, "note-tsv-true-false-as-basic"),
        NoteKind::TagSpaces => t!(lang, "note-tag-spaces"),
        NoteKind::MarkdownAsHtml => t!(lang, "note-markdown-as-html"),
        NoteKind::TsvFieldsDropped => t!(lang, "note-tsv-fields-dropped"),
        NoteKind::ApkgTypedFirstOnly => t!(lang, "note-apkg-typed-first-only"),
        NoteKind::ApkgChoiceAsBasic => t!(lang, "note-apkg-choice-as-basic"),
        NoteKind::ApkgTrueFalseAsBasic => t!(lang, "note-apkg-true-false-as-basic"),
        NoteKind::ApkgClozeAlternatives => t!(lang, "note-apkg-cloze-alternatives"),
        NoteKind::ApkgNoHistory => t!(lang, "note-apkg-no-history"),
        NoteKind::CsvShuffle => t!(lang, "note-csv-shuffle"),
        NoteKind::CsvMetadataNotWritten { fields } => t!(
            lang,
            "note-csv-metadata-not-written",
            fields = set_fields(lang, fields)
        ),
        NoteKind::MetadataNotWritten {
            format,
            fields,
            title_kept,
        } => {
            let format = format_name(*format);
            let fields = set_fields(lang, fields);
            if *title_kept {
                t!(
                    lang,
                    "note-metadata-not-written-title-kept",
                    format = format,
                    fields = fields
                )
            } else {
                t!(
                    lang,
                    "note-metadata-not-written",
                    format = format,
                    fields = fields
                )
            }
        }
        NoteKind::GiftShuffle => t!(lang, "note-gift-shuffle"),
        NoteKind::GiftTags { tags } => t!(
            lang,
            "note-gift-tags",
            tags = tags.join(&t!(lang, "list-separator"))
        ),
        NoteKind::MoodleClozeNumbers => t!(lang, "note-moodle-cloze-numbers"),
        NoteKind::MoodleSource => t!(lang, "note-moodle-source"),
        NoteKind::MoodleSetFields => t!(lang, "note-moodle-set-fields"),
        NoteKind::MediaDropped { alt, dest, format } => t!(
            lang,
            "note-media-dropped",
            alt = alt.as_str(),
            dest = dest.as_str(),
            format = format_name(*format)
        ),
        NoteKind::AbbreviationsDropped {
            format,
            abbreviations,
        } => {
            let list = kioku_core::bank::formats::abbreviation_pairs(abbreviations);
            t!(
                lang,
                "note-abbreviations-dropped",
                format = format_name(*format),
                list = list.join(&t!(lang, "list-separator"))
            )
        }
        NoteKind::MediaInSubfolder { packed: false } => t!(lang, "note-media-subfolder-bundle"),
        NoteKind::MediaInSubfolder { packed: true } => t!(lang, "note-media-subfolder-apkg"),
    }
}

/// A format's name as the notes give it (`GIFT`, `Moodle XML`, `.apkg`).
fn format_name(f: Format) -> String {
    f.name().to_owned()
}

/// A question type's name: the file formats' `type` in English, the
/// editor's name in Japanese.
fn question_kind(lang: Lang, k: QuestionKind) -> String {
    match lang {
        Lang::En => k.as_str().to_owned(),
        _ => match k {
            QuestionKind::Flashcard => t!(lang, "app-kind-flashcard"),
            QuestionKind::Typed => t!(lang, "app-kind-typed"),
            QuestionKind::MultipleChoice => t!(lang, "app-kind-choice"),
            QuestionKind::TrueFalse => t!(lang, "app-kind-true-false"),
            QuestionKind::Cloze => t!(lang, "app-kind-cloze"),
        },
    }
}

/// Set fields and their values, as a list.
fn set_fields(lang: Lang, fields: &[SetField]) -> String {
    let sep = t!(lang, "list-separator");
    fields
        .iter()
        .map(|f| match f {
            SetField::Title(v) => t!(lang, "lost-title", value = v.as_str()),
            SetField::Language(v) => t!(lang, "lost-language", value = v.as_str()),
            SetField::Description(v) => t!(lang, "lost-description", value = v.as_str()),
            SetField::Authors(v) => t!(lang, "lost-authors", value = v.join(&sep)),
            SetField::Source(v) => t!(lang, "lost-source", value = v.as_str()),
            SetField::Tags(v) => t!(lang, "lost-set-tags", value = v.join(&sep)),
        })
        .collect::<Vec<_>>()
        .join(&t!(lang, "lost-separator"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_are_worded_in_japanese_with_their_number() {
        let gone = std::io::Error::from_raw_os_error(2);
        assert_eq!(os_error(Lang::En, &gone), gone.to_string());
        assert_eq!(
            os_error(Lang::Ja, &gone),
            "ファイルまたはフォルダがありません（os error 2）"
        );
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(os_error(Lang::Ja, &denied), "アクセスが許可されていません");
        // A library's own message, and a kind with no words, stay as they
        // came.
        let own = std::io::Error::other("zip: bad header");
        assert_eq!(os_error(Lang::Ja, &own), "zip: bad header");
        let odd = std::io::Error::from_raw_os_error(71);
        assert_eq!(os_error(Lang::Ja, &odd), odd.to_string());
    }
}
