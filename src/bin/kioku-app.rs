//! The desktop app's binary. With no command it opens the window; given a
//! command it runs it as `kioku` would (so `cargo run -- COMMAND` works),
//! though `kioku` itself starts faster, without the webview.

use std::process::ExitCode;

use kioku::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::from_env();
    let result = match cli.command {
        None => cli::data_dir(&cli).map(|dir| kioku_app::launch(dir)),
        Some(_) => cli::run(cli),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
