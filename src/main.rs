use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kioku::cli::Cli::from_env();
    match kioku::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
