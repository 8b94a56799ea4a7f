//! The question bank: the set model, the JSON file format, its validation,
//! and the sets built into kioku.

pub(crate) mod cache;
pub mod formats;
pub mod json;
pub mod model;
pub mod parse;
pub mod problem;
pub mod validate;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use model::{
    Card, CardKey, CardVariant, ClozeSegment, ClozeText, FORMAT_VERSION, Question, QuestionBody,
    QuestionId, QuestionKind, QuestionSet, SetId,
};
pub use parse::{MAX_FILE_BYTES, parse_set, parse_set_bytes};
pub use problem::{Diagnostic, Pos, Problem};

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
/// before their contents are read.
pub fn load_set_file(path: &Path) -> Result<QuestionSet, BankError> {
    let bytes = read_file_limited(path, MAX_FILE_BYTES)?;
    load_set_bytes(path, &bytes)
}

/// [`load_set_file`] of bytes already read from `path`.
pub fn load_set_bytes(path: &Path, bytes: &[u8]) -> Result<QuestionSet, BankError> {
    let text = parse::decode_text(bytes).map_err(|p| invalid(path, p))?;
    let parsed = if is_text_path(path) {
        formats::text::parse_text(text)
    } else {
        parse_set(text)
    };
    parsed.map_err(|p| invalid(path, p))
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

/// The sets built into kioku, parsed. They are checked by the test suite,
/// so a failure here is a build defect, reported rather than panicked on.
pub fn builtin_sets() -> Result<Vec<QuestionSet>, BankError> {
    let path = Path::new("questions/japan-russia-covid19.json");
    let set = parse_set(BUILTIN_INTERVIEW).map_err(|problems| invalid(path, problems))?;
    Ok(vec![set])
}
