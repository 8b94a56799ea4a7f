//! Running the `kioku` binary as the tests do.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `kioku` on the data directory `data`: in English and in UTC, whatever
/// the machine's locale and time zone.
pub fn kioku(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kioku"));
    for v in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(v);
    }
    cmd.env("KIOKU_LANG", "en")
        .env("KIOKU_DATA_DIR", data)
        .env("TZ", "UTC");
    cmd
}

/// Run `cmd` with `stdin` as its input, and wait for its output.
pub fn with_stdin(cmd: &mut Command, stdin: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kioku");
    child
        .stdin
        .take()
        .expect("kioku's stdin")
        .write_all(stdin.as_bytes())
        .expect("write kioku's stdin");
    child.wait_with_output().expect("wait for kioku")
}
