//! The command line: argument parsing and the commands' terminal output.
//! The only module that imports clap.

mod check;
mod convert;
mod decks;
pub mod error;
mod exam;
mod optimize;
mod plumbing;
mod stats;
mod study;
mod transfer;

pub use error::Error;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jiff::Timestamp;

use kioku_core::bank::SetId;
use kioku_core::library::Library;
use kioku_core::review::EventId;
use kioku_i18n::{Lang, t};
use transfer::History;

/// The language of every human-readable line this command prints:
/// `KIOKU_LANG`, else the locale variables (see `kioku_i18n::Lang::from_env`).
/// JSON, CSV and file formats stay English.
pub fn lang() -> Lang {
    kioku_i18n::current()
}

/// Study with quizzes and flashcards. With no command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "kioku", version, about, long_about = None)]
pub struct Cli {
    /// Where progress is kept [default: KIOKU_DATA_DIR, else the user data directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Pretend it is this time (RFC 3339), for tests and demos [env: KIOKU_NOW]
    #[arg(long, global = true, value_name = "TIME", hide = true)]
    pub now: Option<Timestamp>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check question files and report every problem as PATH:LINE:COL.
    Check {
        /// Question files: JSON (format version 1) or `.kioku.md` text.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Convert a question file between JSON and `.kioku.md` text (by extension).
    Convert {
        /// The file to read.
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// The file to write; refused if it exists.
        #[arg(value_name = "OUT")]
        output: PathBuf,
    },
    /// Import a question file into the data directory as a new set (an Anki package with its review history).
    Import {
        /// The file: json, md, csv, tsv, anki-tsv (.txt), gift, aiken, apkg or kioku (a bundle of the set and its media).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The file's format [default: from its extension]
        #[arg(long, value_name = "F")]
        format: Option<String>,
        /// The new set's id [default: from the file name]
        #[arg(long, value_name = "ID")]
        set_id: Option<String>,
        /// Replace an existing set with the same id.
        #[arg(long)]
        replace: bool,
        /// Bring an Anki package's review history along as a review log of
        /// its own [default when the package has reviews].
        #[arg(long, conflicts_with = "no_history")]
        with_history: bool,
        /// Leave an Anki package's review history out.
        #[arg(long)]
        no_history: bool,
        /// The set's language (BCP 47, e.g. ja) [default: guessed from the text for formats that do not name it]
        #[arg(long, value_name = "LANG")]
        language: Option<String>,
    },
    /// Export a set as json, md, csv, tsv, anki-tsv, gift, aiken or kioku (a bundle; needs -o).
    Export {
        /// The set's id.
        set: String,
        /// The format [default: from -o's extension]
        #[arg(long, value_name = "F")]
        format: Option<String>,
        /// Write to FILE (refused if it exists) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List every set with today's counts.
    Decks {
        /// Print JSON: a list of {id, title, total, new, learning, due, ...}.
        #[arg(long)]
        json: bool,
    },
    /// Study today's cards in the terminal (works with piped input).
    Study {
        /// The set to study [default: all sets]
        set: Option<String>,
        /// Introduce at most N new cards in this session.
        #[arg(long, value_name = "N")]
        new: Option<u32>,
    },
    /// Print the next card due, as JSON (null when nothing is due).
    Next {
        /// Only this set.
        set: Option<String>,
        /// Print JSON (the only format; accepted for clarity in scripts).
        #[arg(long)]
        json: bool,
    },
    /// Record a rating for a card now.
    Answer {
        /// The card key, as printed by `kioku next` (SET/QUESTION[#VARIANT]).
        card: String,
        /// again | hard | good | easy, or 1–4.
        rating: String,
        /// Print the new state as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Undo the latest answer.
    Undo,
    /// Grade a typed answer to a card and say why; records nothing.
    Grade {
        /// The card key, as printed by `kioku next` (SET/QUESTION[#VARIANT]).
        card: String,
        /// The answer as the learner would type it.
        answer: String,
        /// Print JSON: {key, answer, correct, verdict, reason, matched, expected, detail}.
        #[arg(long)]
        json: bool,
    },
    /// Take a self-test in the terminal (does not change the schedule).
    Exam {
        /// The set to test.
        set: String,
        /// How many questions [default: 20].
        #[arg(long, value_name = "N", conflicts_with = "all")]
        count: Option<usize>,
        /// Every question of the set.
        #[arg(long)]
        all: bool,
        /// Seed for the shuffle: the same seed gives the same test.
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// Stop after this many minutes.
        #[arg(long, value_name = "MINUTES")]
        time_limit: Option<u32>,
        /// Only questions with one of these tags (comma-separated).
        #[arg(long, value_name = "T,...", value_delimiter = ',')]
        tags: Vec<String>,
        /// Show right/wrong after each question instead of at the end.
        #[arg(long)]
        feedback_each: bool,
        /// Print the full result as JSON on stdout (the test goes to stderr).
        #[arg(long)]
        json: bool,
    },
    /// List past self-test results.
    Exams {
        /// Only this set.
        set: Option<String>,
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV for collecting class results.
        #[arg(long)]
        csv: bool,
    },
    /// Statistics: cards by state, reviews per day, due forecast, true
    /// retention, answer time, streak and memory-state distributions.
    Stats {
        /// Only this set [default: all sets]
        set: Option<String>,
        /// Print JSON (shape documented in the README).
        #[arg(long)]
        json: bool,
    },
    /// Fit FSRS parameters to your review history (or a CSV review log) and
    /// compare them with the defaults.
    Optimize {
        /// Fit on this CSV instead: card_id,review_rating,review_time[,review_duration].
        #[arg(long, value_name = "FILE.csv")]
        reviews: Option<PathBuf>,
        /// Print JSON (shape documented in the README).
        #[arg(long)]
        json: bool,
        /// Save the fitted parameters to the settings if they beat the defaults.
        #[arg(long)]
        apply: bool,
    },
    /// Replay a CSV review log with the current parameters and print each
    /// card's memory state and next due date.
    Memory {
        /// The CSV review log: card_id,review_rating,review_time[,review_duration].
        #[arg(long, value_name = "FILE.csv")]
        reviews: PathBuf,
        /// Print JSON: a list of {card_id, state, stability, difficulty, retrievability, last_review, due, ...}.
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    /// Parse the process arguments; on a usage error clap prints it and
    /// exits with status 2.
    pub fn from_env() -> Self {
        Self::parse()
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    let ctx = Context {
        data_dir: cli.data_dir,
        now: cli.now,
    };
    match cli.command {
        None => open_app(&ctx),
        Some(Command::Check { files }) => Ok(check::run(&files)),
        Some(Command::Convert { input, output }) => convert::run(&input, &output),
        Some(Command::Import {
            file,
            format,
            set_id,
            replace,
            with_history,
            no_history,
            language,
        }) => transfer::import(
            &ctx,
            &file,
            format.as_deref(),
            set_id.as_deref(),
            replace,
            History::from_flags(with_history, no_history),
            language.as_deref(),
        ),
        Some(Command::Export {
            set,
            format,
            output,
        }) => transfer::export(&ctx, &set, format.as_deref(), output.as_deref()),
        Some(Command::Decks { json }) => decks::run(&ctx, json),
        Some(Command::Study { set, new }) => study::run(&ctx, set.as_deref(), new),
        Some(Command::Next { set, json: _ }) => plumbing::next(&ctx, set.as_deref()),
        Some(Command::Answer { card, rating, json }) => {
            plumbing::answer(&ctx, &card, &rating, json)
        }
        Some(Command::Undo) => plumbing::undo(&ctx),
        Some(Command::Grade { card, answer, json }) => plumbing::grade(&ctx, &card, &answer, json),
        Some(Command::Exam {
            set,
            count,
            all,
            seed,
            time_limit,
            tags,
            feedback_each,
            json,
        }) => exam::run(
            &ctx,
            exam::ExamArgs {
                set,
                count,
                all,
                seed,
                time_limit,
                tags,
                feedback_each,
                json,
            },
        ),
        Some(Command::Exams { set, json, csv }) => exam::list(&ctx, set.as_deref(), json, csv),
        Some(Command::Stats { set, json }) => stats::run(&ctx, set.as_deref(), json),
        Some(Command::Optimize {
            reviews,
            json,
            apply,
        }) => optimize::optimize(&ctx, reviews.as_deref(), json, apply),
        Some(Command::Memory { reviews, json }) => optimize::memory(&ctx, &reviews, json),
    }
}

/// The desktop app's binary, installed beside this one.
pub const APP_BINARY: &str = "kioku-app";

/// Open the desktop app: start `kioku-app` from this binary's folder on
/// the same data directory in this process's place. This binary links no
/// GUI, so every other command starts in milliseconds.
fn open_app(ctx: &Context) -> Result<ExitCode, Error> {
    let data_dir = ctx.data_dir()?;
    let exe = std::env::current_exe()
        .map_err(|e| Error::App(t!(lang(), "error-app-where", error = e.to_string())))?;
    let app = exe.with_file_name(format!("{APP_BINARY}{}", std::env::consts::EXE_SUFFIX));
    if !app.is_file() {
        return Err(Error::App(t!(
            lang(),
            "error-app-missing",
            path = app.display().to_string(),
            binary = APP_BINARY
        )));
    }
    let mut cmd = std::process::Command::new(&app);
    cmd.arg("--data-dir").arg(&data_dir);
    run_app(cmd, &app)
}

/// Become the app: on Unix the process is replaced, so the app has this
/// process's id and whoever stops `kioku` stops the app (a child left
/// behind would keep holding the data directory's lock).
#[cfg(unix)]
fn run_app(mut cmd: std::process::Command, app: &std::path::Path) -> Result<ExitCode, Error> {
    use std::os::unix::process::CommandExt;
    let e = cmd.exec();
    Err(Error::App(t!(
        lang(),
        "error-app-start",
        path = app.display().to_string(),
        error = e.to_string()
    )))
}

/// Start the app and wait for it.
#[cfg(not(unix))]
fn run_app(mut cmd: std::process::Command, app: &std::path::Path) -> Result<ExitCode, Error> {
    let status = cmd.status().map_err(|e| {
        Error::App(t!(
            lang(),
            "error-app-start",
            path = app.display().to_string(),
            error = e.to_string()
        ))
    })?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(c) => ExitCode::from(u8::try_from(c).unwrap_or(1)),
        None => ExitCode::FAILURE,
    })
}

/// Where a command's data directory is: `--data-dir`, else
/// `KIOKU_DATA_DIR`, else the user's data directory.
pub fn data_dir(cli: &Cli) -> Result<PathBuf, Error> {
    Context {
        data_dir: cli.data_dir.clone(),
        now: cli.now,
    }
    .data_dir()
}

/// What every command that touches progress needs: the edges (clock,
/// environment, randomness) in one place.
struct Context {
    data_dir: Option<PathBuf>,
    now: Option<Timestamp>,
}

impl Context {
    fn data_dir(&self) -> Result<PathBuf, Error> {
        if let Some(d) = &self.data_dir {
            return Ok(d.clone());
        }
        if let Some(d) = std::env::var_os("KIOKU_DATA_DIR").filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(d));
        }
        kioku_core::store::default_data_dir()
            .ok_or(Error::Store(kioku_core::store::StoreError::NoDataDir))
    }

    /// The current time: `--now`, else `KIOKU_NOW`, else the clock.
    fn now(&self) -> Result<Timestamp, Error> {
        if let Some(t) = self.now {
            return Ok(t);
        }
        match std::env::var("KIOKU_NOW") {
            Ok(s) if !s.is_empty() => s.parse::<Timestamp>().map_err(|e| {
                Error::Usage(t!(
                    lang(),
                    "error-kioku-now",
                    value = s.as_str(),
                    error = e.to_string()
                ))
            }),
            _ => Ok(Timestamp::now()),
        }
    }

    /// Open the library, printing any warnings about the data directory.
    fn open(&self) -> Result<Library, Error> {
        let tz = jiff::tz::TimeZone::system();
        let mut lib = Library::open(&self.data_dir()?, tz, || {
            EventId::random(&mut rand::rng()).0
        })?;
        for w in lib.warnings() {
            let message = kioku_i18n::words::warning(lang(), w);
            eprintln!("{}", t!(lang(), "warning", message = message));
        }
        // Write the progress snapshot now if opening had to replay, so the
        // next command starts from it; dropping the library writes it
        // again after any answers.
        if let Err(e) = lib.save_snapshot() {
            let error = kioku_i18n::words::library_error(lang(), &e);
            let message = t!(lang(), "snapshot-not-written", error = error);
            eprintln!("{}", t!(lang(), "warning", message = message));
        }
        Ok(lib)
    }
}

/// A library opened by a command that only reads, for the rest of the
/// process: when it goes, its snapshot is written if due (as dropping a
/// library does) but its memory is not given back piece by piece (over
/// 100 MB in a hundred thousand allocations for a large library, a tenth
/// of such a command's time), the process's exit does that at once. Its
/// lock is released when the process exits.
pub(crate) struct Leaving(std::mem::ManuallyDrop<Library>);

impl std::ops::Deref for Leaving {
    type Target = Library;
    fn deref(&self) -> &Library {
        &self.0
    }
}

impl Drop for Leaving {
    fn drop(&mut self) {
        let _ = self.0.save_snapshot();
    }
}

impl Context {
    /// [`Context::open`] for a command that reads and then ends the
    /// process.
    fn open_leaving(&self) -> Result<Leaving, Error> {
        Ok(Leaving(std::mem::ManuallyDrop::new(self.open()?)))
    }
}

fn new_event_id() -> EventId {
    EventId::random(&mut rand::rng())
}

/// Resolve a set argument to a set the library has.
fn set_arg(lib: &Library, set: Option<&str>) -> Result<Option<SetId>, Error> {
    let Some(s) = set else { return Ok(None) };
    let id = SetId::new(s).filter(|id| lib.set(id).is_some());
    match id {
        Some(id) => Ok(Some(id)),
        None => {
            let known: Vec<&str> = lib.sets().iter().map(|s| s.id.as_str()).collect();
            Err(Error::Usage(t!(
                lang(),
                "error-no-set-known",
                set = s,
                sets = known.join(", ")
            )))
        }
    }
}
