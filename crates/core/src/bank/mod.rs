//! The question bank: the set model, the JSON file format, its validation,
//! and the sets built into kioku.

pub mod formats;
pub mod json;
pub mod model;
pub mod parse;
pub mod problem;
pub mod sources;
pub mod validate;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use model::{
    Card, CardKey, CardKeyParts, CardKeyRef, CardVariant, ClozeSegment, ClozeText, FORMAT_VERSION,
    Question, QuestionBody, QuestionId, QuestionKind, QuestionSet, SetId,
};
pub use parse::{MAX_FILE_BYTES, parse_set, parse_set_bytes};
pub use problem::{AbbreviationFault, Diagnostic, FieldHint, IdKind, Kind, Pos, Problem};

/// Why a question file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum BankError {
    /// The file could not be opened or read.
    #[error("{}: cannot {op}: {source}", path.display())]
    Io {
        path: PathBuf,
        op: &'static str,
        source: std::io::Error,
    },
    /// The file was read but is not a valid set: every problem found, in
    /// file order.
    #[error("{}", display_all(.0))]
    Invalid(Vec<Diagnostic>),
}

/// Attach `path` to positioned problems.
pub fn invalid(path: &Path, problems: Vec<problem::LocatedProblem>) -> BankError {
    BankError::Invalid(
        problems
            .into_iter()
            .map(|(pos, problem)| Diagnostic {
                path: path.to_owned(),
                pos,
                problem,
            })
            .collect(),
    )
}

fn display_all(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// True for the text format: a name ending in `.md` (`x.kioku.md`).
pub fn is_text_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Read and parse a question file: `.kioku.md` (any `.md`) as the text
/// format, anything else as JSON. Files over [`MAX_FILE_BYTES`] are refused
/// before their contents are read. Media references are checked against
/// the set's media folder (see [`crate::media`]); any media problem makes
/// the file invalid, as `kioku check` reports it.
pub fn load_set_file(path: &Path) -> Result<QuestionSet, BankError> {
    let (set, media) = load_set_file_lenient(path)?;
    if media.is_empty() {
        Ok(set)
    } else {
        Err(BankError::Invalid(media))
    }
}

/// As [`load_set_file`], but a set whose only problems are with its media
/// (a missing file, no alt text, ...) is still returned, with those
/// problems, so a library can show the set and warn.
pub fn load_set_file_lenient(path: &Path) -> Result<(QuestionSet, Vec<Diagnostic>), BankError> {
    load_located(path).map(|(set, _, media)| (set, media))
}

/// Parse `path` with where each question's `source` is, and the problems
/// with its media.
fn load_located(
    path: &Path,
) -> Result<(QuestionSet, sources::SourceSpots, Vec<Diagnostic>), BankError> {
    let bytes = read_file_limited(path, MAX_FILE_BYTES)?;
    load_located_bytes(path, &bytes)
}

/// [`load_set_file_lenient`] of bytes already read from `path`.
pub fn load_set_bytes(
    path: &Path,
    bytes: &[u8],
) -> Result<(QuestionSet, Vec<Diagnostic>), BankError> {
    load_located_bytes(path, bytes).map(|(set, _, media)| (set, media))
}

fn load_located_bytes(
    path: &Path,
    bytes: &[u8],
) -> Result<(QuestionSet, sources::SourceSpots, Vec<Diagnostic>), BankError> {
    let text = parse::decode_text(bytes).map_err(|p| invalid(path, p))?;
    let json = !is_text_path(path);
    let parsed = if json {
        parse::parse_set_located(text)
    } else {
        formats::text::parse_text_located(text)
    };
    let (set, spots) = parsed.map_err(|p| invalid(path, p))?;
    // Images and audio resolve against `ID.media/` beside the file.
    let mut media: Vec<problem::LocatedProblem> =
        crate::media::check_source(text, json, &crate::media::media_dir(path, &set.id))
            .into_iter()
            .map(|(pos, e)| (pos, Problem::Media(e)))
            .collect();
    media.sort_by_key(|(pos, _)| *pos);
    let diagnostics = match invalid(path, media) {
        BankError::Invalid(ds) => ds,
        BankError::Io { .. } => Vec::new(),
    };
    Ok((set, spots, diagnostics))
}

/// What `kioku check` does with a file: [`load_set_file`], then, when the
/// set names a `source_document` (a path relative to the set file), every
/// question's `source` is looked up in it; a quote not found, or a document
/// that cannot be read, is a located problem.
pub fn check_set_file(path: &Path) -> Result<QuestionSet, BankError> {
    let (set, spots, media) = load_located(path)?;
    if !media.is_empty() {
        return Err(BankError::Invalid(media));
    }
    let Some(name) = set.source_document.as_deref() else {
        return Ok(set);
    };
    let doc_path = path.parent().unwrap_or(Path::new("")).join(name);
    let unreadable = |reason: String| {
        vec![(
            spots.document,
            Problem::SourceDocumentUnreadable {
                document: name.to_owned(),
                reason,
            },
        )]
    };
    let problems = match read_file_limited(&doc_path, MAX_FILE_BYTES) {
        // A byte-order mark is not part of the text.
        Ok(bytes) => match parse::decode_text(&bytes) {
            Ok(doc) => sources::verify(&set, &spots, name, doc),
            Err(_) => unreadable("it is not valid UTF-8".to_owned()),
        },
        Err(BankError::Io { source, .. }) => unreadable(source.to_string()),
        Err(BankError::Invalid(_)) => unreadable(format!(
            "it is larger than {} MiB",
            MAX_FILE_BYTES / 1_048_576
        )),
    };
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(invalid(path, problems))
    }
}

/// Read a whole file of at most `limit` bytes; larger files are refused
/// (as a located "too large" problem) before or while reading.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>, BankError> {
    let io = |op| {
        move |source| BankError::Io {
            path: path.to_owned(),
            op,
            source,
        }
    };
    let file = File::open(path).map_err(io("open"))?;
    let meta = file.metadata().map_err(io("read metadata of"))?;
    if meta.is_dir() {
        return Err(io("read")(std::io::Error::other("it is a directory")));
    }
    let located = |problems| invalid(path, problems);
    let too_large = |size| located(vec![(Pos::START, Problem::TooLarge { size, limit })]);
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    // The file may grow between the check and the read: read one byte past
    // the limit at most.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io("read"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The interview bank, compiled in so kioku works with nothing on disk.
pub const BUILTIN_INTERVIEW: &str = include_str!("../../../../questions/japan-russia-covid19.json");

/// The source text the interview bank quotes.
pub const INTERVIEW_TEXT: &str = include_str!("../../../../questions/sources/interview.txt");

/// The interview bank's `source_document`, relative to the bank: the file
/// compiled in as [`INTERVIEW_TEXT`].
pub const INTERVIEW_DOCUMENT: &str = "sources/interview.txt";

/// The sets built into kioku, parsed, with every quote verified against its
/// compiled-in source document. They are checked by the test suite, so a
/// failure here is a build defect, reported rather than panicked on.
pub fn builtin_sets() -> Result<Vec<QuestionSet>, BankError> {
    let path = Path::new("questions/japan-russia-covid19.json");
    let (set, spots) =
        parse::parse_set_located(BUILTIN_INTERVIEW).map_err(|problems| invalid(path, problems))?;
    let problems = match set.source_document.as_deref() {
        None => Vec::new(),
        Some(INTERVIEW_DOCUMENT) => {
            sources::verify(&set, &spots, INTERVIEW_DOCUMENT, INTERVIEW_TEXT)
        }
        Some(other) => vec![(
            spots.document,
            Problem::SourceDocumentUnreadable {
                document: other.to_owned(),
                reason: format!("the built-in bank carries only {INTERVIEW_DOCUMENT}"),
            },
        )],
    };
    if !problems.is_empty() {
        return Err(invalid(path, problems));
    }
    Ok(vec![set])
}
