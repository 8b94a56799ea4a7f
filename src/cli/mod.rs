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

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
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

// Every help text is a message (`cli-*` in crates/i18n/locales/*/kioku.ftl),
// so `kioku --help` speaks the user's language; `localize` words what clap
// adds itself (headings, the help flag and subcommand).

/// Study with quizzes and flashcards. With no command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "kioku", version, about = t!(lang(), "cli-about"), long_about = None)]
pub struct Cli {
    #[arg(long, global = true, value_name = "DIR", help = t!(lang(), "cli-data-dir"))]
    pub data_dir: Option<PathBuf>,

    // Pretend it is this time (RFC 3339), for tests and demos (KIOKU_NOW).
    #[arg(long, global = true, value_name = "TIME", hide = true)]
    pub now: Option<Timestamp>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = t!(lang(), "cli-check"))]
    Check {
        #[arg(required = true, value_name = "FILE", help = t!(lang(), "cli-check-files"))]
        files: Vec<PathBuf>,
    },
    #[command(about = t!(lang(), "cli-convert"))]
    Convert {
        #[arg(value_name = "IN", help = t!(lang(), "cli-convert-input"))]
        input: PathBuf,
        #[arg(value_name = "OUT", help = t!(lang(), "cli-convert-output"))]
        output: PathBuf,
    },
    #[command(about = t!(lang(), "cli-import"))]
    Import {
        #[arg(value_name = "FILE", help = t!(lang(), "cli-import-file"))]
        file: PathBuf,
        #[arg(long, value_name = "F", help = t!(lang(), "cli-import-format"))]
        format: Option<String>,
        #[arg(long, value_name = "ID", help = t!(lang(), "cli-import-set-id"))]
        set_id: Option<String>,
        #[arg(long, help = t!(lang(), "cli-import-replace"))]
        replace: bool,
        #[arg(long, conflicts_with = "no_history", help = t!(lang(), "cli-import-with-history"))]
        with_history: bool,
        #[arg(long, help = t!(lang(), "cli-import-no-history"))]
        no_history: bool,
        #[arg(long, value_name = "LANG", help = t!(lang(), "cli-import-language"))]
        language: Option<String>,
    },
    #[command(about = t!(lang(), "cli-export"))]
    Export {
        #[arg(help = t!(lang(), "cli-export-set"))]
        set: String,
        #[arg(long, value_name = "F", help = t!(lang(), "cli-export-format"))]
        format: Option<String>,
        #[arg(short, long, value_name = "FILE", help = t!(lang(), "cli-export-output"))]
        output: Option<PathBuf>,
    },
    #[command(about = t!(lang(), "cli-decks"))]
    Decks {
        #[arg(long, help = t!(lang(), "cli-decks-json"))]
        json: bool,
    },
    #[command(about = t!(lang(), "cli-study"))]
    Study {
        #[arg(help = t!(lang(), "cli-study-set"))]
        set: Option<String>,
        #[arg(long, value_name = "N", help = t!(lang(), "cli-study-new"))]
        new: Option<u32>,
    },
    #[command(about = t!(lang(), "cli-next"))]
    Next {
        #[arg(help = t!(lang(), "cli-only-set"))]
        set: Option<String>,
        #[arg(long, help = t!(lang(), "cli-next-json"))]
        json: bool,
    },
    #[command(about = t!(lang(), "cli-answer"))]
    Answer {
        #[arg(help = t!(lang(), "cli-card-key"))]
        card: String,
        #[arg(help = t!(lang(), "cli-answer-rating"))]
        rating: String,
        #[arg(long, help = t!(lang(), "cli-answer-json"))]
        json: bool,
    },
    #[command(about = t!(lang(), "cli-undo"))]
    Undo,
    #[command(about = t!(lang(), "cli-grade"))]
    Grade {
        #[arg(help = t!(lang(), "cli-card-key"))]
        card: String,
        #[arg(help = t!(lang(), "cli-grade-answer"))]
        answer: String,
        #[arg(long, help = t!(lang(), "cli-grade-json"))]
        json: bool,
    },
    #[command(about = t!(lang(), "cli-exam"))]
    Exam {
        #[arg(help = t!(lang(), "cli-exam-set"))]
        set: String,
        #[arg(long, value_name = "N", conflicts_with = "all", help = t!(lang(), "cli-exam-count"))]
        count: Option<usize>,
        #[arg(long, help = t!(lang(), "cli-exam-all"))]
        all: bool,
        #[arg(long, value_name = "S", help = t!(lang(), "cli-exam-seed"))]
        seed: Option<u64>,
        #[arg(long, value_name = "MINUTES", help = t!(lang(), "cli-exam-time-limit"))]
        time_limit: Option<u32>,
        #[arg(long, value_name = "T,...", value_delimiter = ',', help = t!(lang(), "cli-exam-tags"))]
        tags: Vec<String>,
        #[arg(long, help = t!(lang(), "cli-exam-feedback-each"))]
        feedback_each: bool,
        #[arg(long, help = t!(lang(), "cli-exam-json"))]
        json: bool,
    },
    #[command(about = t!(lang(), "cli-exams"))]
    Exams {
        #[arg(help = t!(lang(), "cli-only-set"))]
        set: Option<String>,
        #[arg(long, conflicts_with = "csv", help = t!(lang(), "cli-exams-json"))]
        json: bool,
        #[arg(long, help = t!(lang(), "cli-exams-csv"))]
        csv: bool,
    },
    #[command(about = t!(lang(), "cli-stats"))]
    Stats {
        #[arg(help = t!(lang(), "cli-stats-set"))]
        set: Option<String>,
        #[arg(long, help = t!(lang(), "cli-json-readme"))]
        json: bool,
    },
    #[command(about = t!(lang(), "cli-optimize"))]
    Optimize {
        #[arg(long, value_name = "FILE.csv", help = t!(lang(), "cli-optimize-reviews"))]
        reviews: Option<PathBuf>,
        #[arg(long, help = t!(lang(), "cli-json-readme"))]
        json: bool,
        #[arg(long, help = t!(lang(), "cli-optimize-apply"))]
        apply: bool,
    },
    #[command(about = t!(lang(), "cli-memory"))]
    Memory {
        #[arg(long, value_name = "FILE.csv", help = t!(lang(), "cli-memory-reviews"))]
        reviews: PathBuf,
        #[arg(long, help = t!(lang(), "cli-memory-json"))]
        json: bool,
    },
}

impl Cli {
    /// Parse the process arguments; on a usage error it is printed, in the
    /// user's language, and the process exits with status 2.
    pub fn from_env() -> Self {
        let lang = lang();
        Self::parse_from_in(std::env::args_os(), lang).unwrap_or_else(|e| {
            match usage_error(&e, lang) {
                Some(text) => {
                    eprint!("{text}");
                    std::process::exit(2)
                }
                None => e.exit(),
            }
        })
    }

    /// Parse `args` with the help and usage errors worded in `lang`.
    pub fn parse_from_in<I, T>(args: I, lang: Lang) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let mut cmd = localize(Self::command(), lang);
        let matches = cmd.try_get_matches_from_mut(args)?;
        Self::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
    }
}

/// A usage error worded in `lang`, as clap words it in English: what is
/// wrong, the usage line and where to read more. `None` for help and
/// version output (not errors) and in English, where clap's own text is
/// used.
fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(" "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let what = match e.kind() {
        ErrorKind::UnknownArgument => t!(lang, "cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            lang,
            "cli-error-unknown-command",
            command = text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => t!(lang, "cli-error-missing", args = arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => t!(
            lang,
            "cli-error-invalid-value",
            arg = arg,
            value = text(ContextKind::InvalidValue)
        ),
        ErrorKind::ArgumentConflict => t!(
            lang,
            "cli-error-conflict",
            arg = arg,
            other = text(ContextKind::PriorArg)
        ),
        // Rarer kinds: clap's own sentence, inside ours.
        _ => {
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            t!(
                lang,
                "cli-error-other",
                detail = first.strip_prefix("error: ").unwrap_or(first)
            )
        }
    };
    let mut out = vec![t!(lang, "error", message = what)];
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let s = text(kind);
        if !s.is_empty() {
            out.push(t!(lang, "cli-error-did-you-mean", suggestion = s));
        }
    }
    let usage = text(ContextKind::Usage);
    if let Some(usage) = usage.trim().strip_prefix("Usage:") {
        out.push(String::new());
        out.push(format!("{} {}", t!(lang, "cli-usage"), usage.trim()));
    }
    out.push(String::new());
    out.push(t!(lang, "cli-error-more"));
    Some(out.join("\n") + "\n")
}

/// Word in `lang` what clap adds by itself: the headings, the usage line's
/// label, the help and version flags, and the `help` subcommand.
fn localize(cmd: clap::Command, lang: Lang) -> clap::Command {
    use clap::{Arg, ArgAction};
    let mut cmd = cmd
        .help_template(help_template(lang))
        .subcommand_help_heading(t!(lang, "cli-commands"))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help(t!(lang, "cli-help")),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!(lang, "cli-version")),
        )
        .mut_subcommands(|sub| sub.help_template(help_template(lang)));
    cmd = headings(cmd, lang);
    cmd.build();
    // Built, the `help` subcommand holds a copy of every command (and a
    // `help` of its own) to explain.
    cmd.mut_subcommand("help", |h| {
        h.about(t!(lang, "cli-help-command"))
            .help_template(help_template(lang))
            .subcommand_help_heading(t!(lang, "cli-commands"))
            .mut_subcommand("help", |hh| hh.about(t!(lang, "cli-help-command")))
    })
}

/// A command's help, laid out as clap's own, with the usage label in
/// `lang`.
fn help_template(lang: Lang) -> String {
    // Styled as clap styles its own label (bold and underlined on a
    // terminal; clap drops the styling elsewhere).
    let style = clap::builder::Styles::default().get_usage().to_owned();
    format!(
        "{{before-help}}{{about-with-newline}}\n{style}{}{style:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!(lang, "cli-usage")
    )
}

/// The "Arguments" and "Options" headings in `lang`, for `cmd` and its
/// subcommands.
fn headings(cmd: clap::Command, lang: Lang) -> clap::Command {
    let heading = |a: clap::Arg| {
        let h = if a.is_positional() {
            t!(lang, "cli-arguments")
        } else {
            t!(lang, "cli-options")
        };
        a.help_heading(h)
    };
    cmd.mut_args(heading)
        .mut_subcommands(move |sub| sub.mut_args(heading))
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
