use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kioku::cli::Cli::from_env();
    match kioku::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            let lang = kioku::cli::lang();
            eprintln!("{}", kioku_i18n::t!(lang, "error", message = e.to_string()));
            ExitCode::FAILURE
        }
    }
}
