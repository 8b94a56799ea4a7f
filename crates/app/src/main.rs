//! The desktop app's binary: opens the window on a data directory.
//! `kioku` (the command line) starts it when given no command.
//!
//! `kioku-app [--data-dir DIR]`; without `--data-dir`, `KIOKU_DATA_DIR`,
//! else the platform's user data directory.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: kioku-app [--data-dir DIR]";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Args {
    Open(Option<PathBuf>),
    Help,
    Version,
}

fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Args, String> {
    let mut dir = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--help" | "-h") => return Ok(Args::Help),
            Some("--version" | "-V") => return Ok(Args::Version),
            Some("--data-dir") => match args.next() {
                Some(d) => dir = Some(PathBuf::from(d)),
                None => return Err("--data-dir needs a directory".into()),
            },
            Some(a) if a.starts_with("--data-dir=") => {
                dir = Some(PathBuf::from(&a["--data-dir=".len()..]));
            }
            _ => return Err(format!("unexpected argument {}", arg.to_string_lossy())),
        }
    }
    Ok(Args::Open(dir))
}

fn main() -> ExitCode {
    let dir = match parse(std::env::args_os().skip(1)) {
        Ok(Args::Open(dir)) => dir,
        Ok(Args::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Args::Version) => {
            println!("kioku-app {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let dir = dir
        .or_else(|| {
            std::env::var_os("KIOKU_DATA_DIR")
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
        })
        .or_else(kioku_core::store::default_data_dir);
    match dir {
        Some(dir) => kioku_app::launch(dir),
        None => {
            eprintln!("error: no data directory: give --data-dir DIR or set KIOKU_DATA_DIR");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Result<Args, String> {
        parse(a.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn reads_the_data_directory_in_both_spellings() {
        assert_eq!(args(&[]), Ok(Args::Open(None)));
        assert_eq!(
            args(&["--data-dir", "/d"]),
            Ok(Args::Open(Some("/d".into())))
        );
        assert_eq!(args(&["--data-dir=/e"]), Ok(Args::Open(Some("/e".into()))));
        assert_eq!(args(&["--version"]), Ok(Args::Version));
        assert!(
            args(&["--data-dir"])
                .unwrap_err()
                .contains("needs a directory")
        );
        assert!(
            args(&["study"])
                .unwrap_err()
                .contains("unexpected argument study")
        );
    }
}
