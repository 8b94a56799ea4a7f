//! The error type that rolls up every subsystem's errors. Only `main`
//! turns it into text and an exit code.

/// Any error kioku can report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Bank(#[from] crate::bank::BankError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Schedule(#[from] crate::schedule::ScheduleError),
    #[error(transparent)]
    Exam(#[from] crate::exam::ExamError),
    #[error(transparent)]
    Optimize(#[from] crate::optimize::OptimizeError),
    #[error(transparent)]
    Csv(#[from] crate::revlog::CsvError),
    /// A command-line argument that names nothing kioku has.
    #[error("{0}")]
    Usage(String),
}
