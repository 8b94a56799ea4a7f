use std::process::ExitCode;

// Opening a large library decodes a few hundred thousand small strings
// (the cached sets): mimalloc makes those allocations cheaper than glibc's
// malloc (see benches/README.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its `mimalloc.h`; the Rust binding
/// names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Give freed memory back at once rather than after 10 ms: the peak
    // RSS of `decks` at 100k questions is then ~117 MB instead of ~140 MB,
    // at the same speed.
    // SAFETY: a plain option setter, called before any other thread runs.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
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
