//! The error type that rolls up every subsystem's errors. Only `main`
//! turns it into text and an exit code.

/// Any error kioku can report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Bank(#[from] crate::bank::BankError),
    #[error("cannot open the window: {0}")]
    Ui(String),
}
