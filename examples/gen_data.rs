//! Build a synthetic data directory for benchmarks:
//!
//! ```text
//! cargo run --release --example gen_data -- DIR QUESTIONS REVIEWS [SEED]
//! ```
//!
//! The review log covers the two years before 2026-11-28 (the day the
//! benchmarks pretend it is), simulated through the real scheduler.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: gen_data DIR QUESTIONS REVIEWS [SEED]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[0]);
    let questions: usize = args[1].parse()?;
    let reviews: usize = args[2].parse()?;
    let seed: u64 = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let end = "2026-11-28T00:00:00Z".parse()?;
    let spec = kioku_core::synth::Spec::new(questions, reviews, end, seed);
    let start = std::time::Instant::now();
    let s = kioku_core::synth::generate(&dir, &spec)?;
    println!(
        "{}: {} questions in {} sets, {} reviews ({:.1}% pass, {} cards seen), log {:.1} MB, sets {:.1} MB, in {:.1} s",
        dir.display(),
        s.questions,
        spec.sets,
        s.reviews,
        s.pass_rate * 100.0,
        s.cards_seen,
        s.log_bytes as f64 / 1e6,
        s.set_bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
