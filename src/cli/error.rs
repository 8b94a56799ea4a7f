//! The command line's errors: every core error, plus the command line's
//! own, with the wording a terminal user needs (which flag to pass).
//! Only `main` turns them into text and an exit code.

use kioku_core::library::LibraryError;
use kioku_core::store::StoreError;

/// Any error `kioku` can report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Bank(#[from] kioku_core::bank::BankError),
    #[error("{}", store_message(.0))]
    Store(#[from] StoreError),
    #[error(transparent)]
    Schedule(#[from] kioku_core::scheduler::ScheduleError),
    #[error(transparent)]
    Exam(#[from] kioku_core::exam::ExamError),
    #[error(transparent)]
    Optimize(#[from] kioku_core::optimizer::OptimizeError),
    #[error(transparent)]
    Csv(#[from] kioku_core::review::revlog::CsvError),
    /// A command-line argument that names nothing kioku has.
    #[error("{0}")]
    Usage(String),
    /// The desktop app could not be started.
    #[error("{0}")]
    App(String),
}

impl From<LibraryError> for Error {
    fn from(e: LibraryError) -> Self {
        match e {
            LibraryError::Bank(e) => Error::Bank(e),
            LibraryError::Store(e) => Error::Store(e),
            LibraryError::Schedule(e) => Error::Schedule(e),
            LibraryError::UnknownFormat(path) => Error::Usage(format!(
                "cannot tell the format of {} from its extension; pass --format",
                path.display()
            )),
            LibraryError::NoSet(id) => Error::Usage(format!("no set \"{id}\"")),
            LibraryError::BuiltinReadOnly(id) => Error::Usage(format!(
                "\"{id}\" is built in and read-only; import a copy under another id with --set-id"
            )),
            LibraryError::Package { path, message } => {
                Error::Usage(format!("{}: error: {message}", path.display()))
            }
            LibraryError::Export(m) => Error::Usage(m),
            e @ LibraryError::SourceDocument { .. } => Error::Usage(e.to_string()),
        }
    }
}

/// The store's errors, with the flags that get a terminal user past them.
fn store_message(e: &StoreError) -> String {
    match e {
        StoreError::SetExists { .. } => {
            format!("{e}; pass --replace to overwrite it or --set-id to import under another id")
        }
        StoreError::BuiltinSet { .. } => format!("{e}; pass --set-id to import under another id"),
        StoreError::SetElsewhere { .. } => format!("{e}; remove it or pass --set-id"),
        StoreError::NoDataDir => "no data directory: set KIOKU_DATA_DIR or pass --data-dir".into(),
        _ => e.to_string(),
    }
}
