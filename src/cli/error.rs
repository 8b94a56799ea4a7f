//! The command line's errors: every core error, plus the command line's
//! own, with the wording a terminal user needs (which flag to pass).
//! Only `main` turns them into text and an exit code.

use kioku_core::library::LibraryError;
use kioku_core::store::StoreError;
use kioku_i18n::t;

use super::lang;

/// Any error `kioku` can report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", kioku_i18n::words::bank_error(lang(), .0))]
    Bank(#[from] kioku_core::bank::BankError),
    #[error("{}", store_message(.0))]
    Store(#[from] StoreError),
    #[error("{}", kioku_i18n::words::schedule_error(lang(), .0))]
    Schedule(#[from] kioku_core::scheduler::ScheduleError),
    #[error("{}", kioku_i18n::words::exam_error(lang(), .0))]
    Exam(#[from] kioku_core::exam::ExamError),
    #[error("{}", kioku_i18n::words::optimize_error(lang(), .0))]
    Optimize(#[from] kioku_core::optimizer::OptimizeError),
    #[error("{}", kioku_i18n::words::csv_error(lang(), .0))]
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
            LibraryError::UnknownFormat(path) => Error::Usage(t!(
                lang(),
                "error-unknown-format",
                path = path.display().to_string()
            )),
            LibraryError::NoSet(id) => Error::Usage(t!(lang(), "error-no-set", set = id.as_str())),
            LibraryError::BuiltinReadOnly(id) => {
                Error::Usage(t!(lang(), "error-builtin-read-only", set = id.as_str()))
            }
            e @ (LibraryError::Package { .. }
            | LibraryError::Export(_)
            | LibraryError::SourceDocument { .. }) => {
                Error::Usage(kioku_i18n::words::library_error(lang(), &e))
            }
        }
    }
}

/// The store's errors, with the flags that get a terminal user past them.
fn store_message(e: &StoreError) -> String {
    let l = lang();
    let said = kioku_i18n::words::store_error(l, e);
    match e {
        StoreError::SetExists { .. } => t!(l, "error-set-exists", error = said),
        StoreError::BuiltinSet { .. } => t!(l, "error-builtin-set", error = said),
        StoreError::SetElsewhere { .. } => t!(l, "error-set-elsewhere", error = said),
        StoreError::NoDataDir => t!(l, "error-no-data-dir"),
        _ => said,
    }
}
