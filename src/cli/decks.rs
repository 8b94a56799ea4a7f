//! `kioku decks`

use std::process::ExitCode;

use super::Context;
use crate::cli::Error;

pub(super) fn run(ctx: &Context, json: bool) -> Result<ExitCode, Error> {
    let lib = ctx.open()?;
    let decks = lib.decks(lib.now(ctx.now()?));
    if json {
        let text = serde_json::to_string_pretty(&decks).map_err(|e| Error::Usage(e.to_string()))?;
        println!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<28} {:>6} {:>6} {:>6} {:>6}  title",
        "id", "cards", "new", "learn", "due"
    );
    for d in decks {
        println!(
            "{:<28} {:>6} {:>6} {:>6} {:>6}  {}",
            d.id, d.total, d.new, d.learning, d.due, d.title
        );
    }
    Ok(ExitCode::SUCCESS)
}
