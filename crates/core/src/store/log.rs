//! Append-only JSON Lines files, one per device: the review log and the
//! self-test results. The events themselves are `crate::review`'s.
//!
//! The first line is a header naming the format version and the device;
//! every later line is one event. A line is acknowledged only once it and
//! its newline are written and `fdatasync`ed, so a crash can leave at most
//! a torn last line, which was never acknowledged.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{StoreError, Warning, io_err};
use crate::review::{Event, LOG_VERSION, ReviewEvent, UndoEvent};

/// A kind of append-only JSON Lines file: its header key (which holds the
/// format version) and what its lines are called in messages.
#[derive(Debug, Clone, Copy)]
pub struct LogKind {
    pub header_key: &'static str,
    pub version: u32,
    pub what: &'static str,
}

/// The review log, `reviews/DEVICE.jsonl`.
pub const REVIEWS: LogKind = LogKind {
    header_key: "kioku_reviews",
    version: LOG_VERSION,
    what: "review-log event",
};

/// What one log file holds.
#[derive(Debug)]
pub struct LogContents<T> {
    pub device: Option<String>,
    pub events: Vec<T>,
    pub warnings: Vec<Warning>,
    /// Byte length up to the end of the last complete line.
    pub complete_len: u64,
    /// Lines up to `complete_len` (counting from the start of the file).
    pub complete_lines: u64,
    /// CRC-32 of the bytes up to `complete_len`, from the start of the
    /// file (continued from [`LogStart::crc`] when reading started later).
    pub complete_crc: u32,
}

/// Where to start reading a log: a byte offset at the start of a line, how
/// many lines come before it (so warnings name the right line), and the
/// CRC-32 of the bytes before it (so the CRC of the whole prefix read can
/// be continued without reading them again).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogStart {
    pub offset: u64,
    pub lines: u64,
    pub crc: u32,
}

/// Read a review log. Lines that are not valid events are reported and
/// skipped; the file is never modified.
pub fn read_log(path: &Path) -> Result<LogContents<Event>, StoreError> {
    read_jsonl_with(path, REVIEWS, Some(fast_event), LogStart::default(), None)
}

/// [`read_log`] from `start` (the header is not read again when `start`
/// is past it), and no further than byte `limit` when given. Line numbers
/// and `complete_len` count from the start of the file.
pub fn read_log_range(
    path: &Path,
    start: LogStart,
    limit: Option<u64>,
) -> Result<LogContents<Event>, StoreError> {
    read_jsonl_with(path, REVIEWS, Some(fast_event), start, limit)
}

/// Lines as kioku writes them start with the tag: parse the rest straight
/// into the variant, skipping the buffering serde does for tagged enums
/// (a third of the time of reading a log). Anything else, and any error,
/// goes the general way, which gives the same event for every line this
/// accepts.
fn fast_event(line: &mut [u8]) -> Option<Event> {
    const REVIEW: &[u8] = br#"{"type":"review","#;
    const UNDO: &[u8] = br#"{"type":"undo","#;
    let (prefix, review) = if line.starts_with(REVIEW) {
        (REVIEW.len(), true)
    } else if line.starts_with(UNDO) {
        (UNDO.len(), false)
    } else {
        return None;
    };
    // `{"type":"review",` + rest  →  `{` + rest, in place.
    let at = prefix - 1;
    let saved = line[at];
    line[at] = b'{';
    let rest = &line[at..];
    let event = if review {
        serde_json::from_slice::<ReviewEvent>(rest)
            .ok()
            .map(Event::Review)
    } else {
        serde_json::from_slice::<UndoEvent>(rest)
            .ok()
            .map(Event::Undo)
    };
    line[at] = saved;
    event
}

/// Read any append-only log of `kind`.
pub fn read_jsonl<T: serde::de::DeserializeOwned>(
    path: &Path,
    kind: LogKind,
) -> Result<LogContents<T>, StoreError> {
    read_jsonl_with(path, kind, None, LogStart::default(), None)
}

/// A parser for lines in the usual form; `None` from it means "parse the
/// general way".
type FastLine<T> = fn(&mut [u8]) -> Option<T>;

fn read_jsonl_with<T: serde::de::DeserializeOwned>(
    path: &Path,
    kind: LogKind,
    fast: Option<FastLine<T>>,
    start: LogStart,
    limit: Option<u64>,
) -> Result<LogContents<T>, StoreError> {
    // Only regular files: a directory, a FIFO or a device (say a symlink to
    // /dev/zero) would fail, block or never end.
    let meta = std::fs::metadata(path).map_err(io_err(path, "open"))?;
    if !meta.is_file() {
        return Err(StoreError::Invalid {
            path: path.to_owned(),
            message: "not a regular file (a directory or a device?)".into(),
        });
    }
    let mut file = File::open(path).map_err(io_err(path, "open"))?;
    if start.offset > 0 {
        file.seek(SeekFrom::Start(start.offset))
            .map_err(io_err(path, "seek"))?;
    }
    let reader = BufReader::with_capacity(1 << 16, file);
    match limit {
        Some(end) => read_log_from(
            path,
            reader.take(end.saturating_sub(start.offset)),
            kind,
            fast,
            start,
        ),
        None => read_log_from(path, reader, kind, fast, start),
    }
}

fn read_log_from<T: serde::de::DeserializeOwned>(
    path: &Path,
    mut reader: impl BufRead,
    kind: LogKind,
    fast: Option<FastLine<T>>,
    start: LogStart,
) -> Result<LogContents<T>, StoreError> {
    let mut out = LogContents {
        device: None,
        events: Vec::new(),
        warnings: Vec::new(),
        complete_len: start.offset,
        complete_lines: start.lines,
        complete_crc: start.crc,
    };
    let mut crc = crc32fast::Hasher::new_with_initial_len(start.crc, start.offset);
    let mut buf = Vec::new();
    let mut line_no = start.lines;
    let mut offset = start.offset;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(io_err(path, "read"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        offset += n as u64;
        let complete = buf.ends_with(b"\n");
        if complete {
            crc.update(&buf);
            out.complete_len = offset;
            out.complete_lines = line_no;
            out.complete_crc = crc.clone().finalize();
        }
        let warn = |message: String| Warning {
            path: path.to_owned(),
            line: Some(line_no),
            message,
        };
        if !complete {
            out.warnings.push(warn(
                "the last line was cut short (kioku stopped while writing it); it was never confirmed and is ignored".into(),
            ));
            break;
        }
        // Not the first line, which should be the header.
        if line_no > 1
            && let Some(event) = fast.and_then(|f| f(&mut buf))
        {
            out.events.push(event);
            continue;
        }
        let Ok(text) = std::str::from_utf8(&buf) else {
            out.warnings
                .push(warn("not valid UTF-8; line skipped".into()));
            continue;
        };
        let text = text.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() {
            continue;
        }
        if line_no == 1 {
            match serde_json::from_str::<serde_json::Value>(text) {
                Ok(v) if v.get(kind.header_key).is_some() => {
                    let version = v.get(kind.header_key).and_then(serde_json::Value::as_u64);
                    match version {
                        Some(found) if found > u64::from(kind.version) => {
                            return Err(StoreError::NewerVersion {
                                path: path.to_owned(),
                                found,
                                supported: u64::from(kind.version),
                            });
                        }
                        Some(_) => {}
                        None => out.warnings.push(warn(format!(
                            "bad header: \"{}\" is not a version number",
                            kind.header_key
                        ))),
                    }
                    match v.get("device").and_then(serde_json::Value::as_str) {
                        Some(d) => out.device = Some(d.to_owned()),
                        None => out.warnings.push(warn("bad header: no device".into())),
                    }
                    continue;
                }
                _ => out
                    .warnings
                    .push(warn("no header line; reading the events anyway".into())),
            }
        }
        match serde_json::from_str::<T>(text) {
            Ok(e) => out.events.push(e),
            Err(e) => out
                .warnings
                .push(warn(format!("not a {} ({e}); line skipped", kind.what))),
        }
    }
    Ok(out)
}

/// Appends events to this device's log, durably.
#[derive(Debug)]
pub struct LogWriter {
    path: PathBuf,
    file: File,
    /// Length of the file up to its last complete line.
    len: u64,
    /// A failed append may have left part of a line that could not be cut
    /// off: the next line then starts with a newline of its own.
    torn: bool,
    lines_written: u64,
}

impl LogWriter {
    /// Open (or create, with a header) the log at `path` for appending.
    /// `complete_len` is from [`read_log`]: anything after it is a torn
    /// line that was never acknowledged, and is cut off so the next event
    /// starts on a line of its own.
    pub fn open(
        path: &Path,
        kind: LogKind,
        device: &str,
        complete_len: Option<u64>,
    ) -> Result<Self, StoreError> {
        let exists = path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(io_err(path, "open for appending"))?;
        if exists {
            let len = file
                .metadata()
                .map_err(io_err(path, "read metadata of"))?
                .len();
            if let Some(complete) = complete_len
                && complete < len
            {
                file.set_len(complete)
                    .map_err(io_err(path, "cut the torn last line of"))?;
                file.sync_data().map_err(io_err(path, "sync"))?;
            }
            file.seek(SeekFrom::End(0)).map_err(io_err(path, "seek"))?;
        }
        let len = file
            .metadata()
            .map_err(io_err(path, "read metadata of"))?
            .len();
        let mut writer = LogWriter {
            path: path.to_owned(),
            file,
            len,
            torn: false,
            lines_written: 0,
        };
        if len == 0 {
            // Key order as in the review log: version first, then device.
            let line = format!(
                "{{{}:{},\"device\":{}}}",
                serde_json::Value::from(kind.header_key),
                kind.version,
                serde_json::Value::from(device)
            );
            writer.write_line(&line)?;
            if let Some(dir) = path.parent() {
                super::sync_dir(dir)?;
            }
        }
        Ok(writer)
    }

    fn write_line(&mut self, line: &str) -> Result<(), StoreError> {
        let mut bytes = Vec::with_capacity(line.len() + 2);
        if self.torn {
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        // One write of the whole line, then fdatasync: the answer counts
        // only once this returns.
        let result = self
            .file
            .write_all(&bytes)
            .map_err(io_err(&self.path, "append to"))
            .and_then(|()| self.file.sync_data().map_err(io_err(&self.path, "sync")));
        match result {
            Ok(()) => {
                self.len += bytes.len() as u64;
                self.lines_written += 1 + u64::from(self.torn);
                self.torn = false;
            }
            // A full disk can leave part of the line: cut it off so the
            // next answer starts on a line of its own.
            Err(_) => self.torn = self.file.set_len(self.len).is_err(),
        }
        result
    }

    /// Length of the log up to its last complete line.
    pub fn complete_len(&self) -> u64 {
        self.len
    }

    /// Lines written by this writer (the header included, when it wrote
    /// one).
    pub fn lines_written(&self) -> u64 {
        self.lines_written
    }

    /// Append one event durably.
    pub fn append(&mut self, event: &impl Serialize) -> Result<(), StoreError> {
        let line = serde_json::to_string(event).map_err(|e| StoreError::Encode(e.to_string()))?;
        self.write_line(&line)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{QuestionId, SetId};
    use crate::review::{EventId, Mode};
    use crate::scheduler::{Rating, StudyDay};

    fn review(id: &str) -> Event {
        Event::Review(ReviewEvent {
            id: EventId(id.into()),
            set: SetId::new("s").unwrap(),
            question: QuestionId::new("q").unwrap(),
            card: Some("c2".into()),
            rating: Rating::Good,
            at: "2026-11-28T02:00:00Z".parse().unwrap(),
            day: StudyDay(20419),
            duration_ms: 5400,
            mode: Mode::Study,
        })
    }

    #[test]
    fn lines_are_readable_and_round_trip() {
        let line = serde_json::to_string(&review("a1")).unwrap();
        assert_eq!(
            line,
            r#"{"type":"review","id":"a1","set":"s","question":"q","card":"c2","rating":"good","at":"2026-11-28T02:00:00Z","day":20419,"duration_ms":5400,"mode":"study"}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&line).unwrap(), review("a1"));
    }

    #[test]
    fn torn_and_garbage_lines_are_reported_and_skipped() {
        let good = serde_json::to_string(&review("a1")).unwrap();
        let mut text =
            format!("{{\"kioku_reviews\":1,\"device\":\"d\"}}\n{good}\nnot json\n").into_bytes();
        text.extend_from_slice(b"\xff\n");
        text.extend_from_slice(format!("{good}\n{}", &good[..20]).as_bytes());
        let out = read_log_from::<Event>(
            Path::new("r.jsonl"),
            text.as_slice(),
            REVIEWS,
            Some(fast_event),
            LogStart::default(),
        )
        .unwrap();
        assert_eq!(out.events.len(), 2);
        assert_eq!(out.device.as_deref(), Some("d"));
        let lines: Vec<Option<u64>> = out.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(6)]);
        assert!(out.warnings[2].message.contains("cut short"));
        assert_eq!(out.complete_len as usize, text.len() - 20);
    }

    #[test]
    fn a_newer_version_is_refused() {
        let text = "{\"kioku_reviews\":2,\"device\":\"d\",\"new\":true}\n";
        let err = read_log_from::<Event>(
            Path::new("r.jsonl"),
            text.as_bytes(),
            REVIEWS,
            None,
            LogStart::default(),
        )
        .unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { found: 2, .. }));
    }

    #[test]
    fn the_fast_path_gives_what_the_general_one_gives() {
        let good = serde_json::to_string(&review("a1")).unwrap();
        let undo = serde_json::to_string(&Event::Undo(UndoEvent {
            id: EventId("u1".into()),
            undoes: EventId("a1".into()),
            at: "2026-11-28T02:00:00Z".parse().unwrap(),
        }))
        .unwrap();
        let lines = [
            good.clone(),
            undo.clone(),
            good.replace("\"mode\"", "\"type\":\"review\",\"mode\""),
            good.replace("\"mode\":\"study\"", "\"undoes\":\"x\",\"mode\":\"study\""),
            undo.replace("\"at\"", "\"rating\":\"good\",\"at\""),
            good.replace("\"type\":\"review\"", "\"type\":\"undo\""),
            good.replace("\"id\":\"a1\"", "\"id\":\"a\\u0031\""),
            good.replace("}", "} x"),
            format!("{good}\r"),
            good[..good.len() - 1].to_owned(),
        ];
        for line in lines {
            let mut bytes = line.clone().into_bytes();
            let fast = fast_event(&mut bytes);
            assert_eq!(bytes, line.as_bytes(), "the line is left as it was");
            let general = serde_json::from_str::<Event>(line.trim_end()).ok();
            if fast.is_some() {
                assert_eq!(fast, general, "{line}");
            }
            let text = format!("{{\"kioku_reviews\":1,\"device\":\"d\"}}\n{line}\n");
            let with = read_log_from(
                Path::new("r"),
                text.as_bytes(),
                REVIEWS,
                Some(fast_event),
                LogStart::default(),
            )
            .unwrap();
            let without = read_log_from::<Event>(
                Path::new("r"),
                text.as_bytes(),
                REVIEWS,
                None,
                LogStart::default(),
            )
            .unwrap();
            assert_eq!(with.events, without.events, "{line}");
            assert_eq!(with.warnings, without.warnings, "{line}");
        }
    }
}
