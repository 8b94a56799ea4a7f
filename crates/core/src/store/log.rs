//! Append-only JSON Lines files, one per device: the review log and the
//! self-test results. The events themselves are `crate::review`'s.
//!
//! The first line is a header naming the format version and the device;
//! every later line is one event. A line is acknowledged only once it and
//! its newline are written and `fdatasync`ed, so a crash can leave at most
//! a torn last line, which was never acknowledged.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{LineProblem, Record, StoreError, Warning, WarningKind, io_err};
use crate::review::{Event, LOG_VERSION, ReviewEvent, UndoEvent};

/// A kind of append-only JSON Lines file: its header key (which holds the
/// format version) and what its lines are called in messages.
#[derive(Debug, Clone, Copy)]
pub struct LogKind {
    pub header_key: &'static str,
    pub version: u32,
    /// What its lines are.
    pub record: Record,
}

/// The review log, `reviews/DEVICE.jsonl`.
pub const REVIEWS: LogKind = LogKind {
    header_key: "kioku_reviews",
    version: LOG_VERSION,
    record: Record::Review,
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
pub fn read_jsonl<T: serde::de::DeserializeOwned + Send>(
    path: &Path,
    kind: LogKind,
) -> Result<LogContents<T>, StoreError> {
    read_jsonl_with(path, kind, None, LogStart::default(), None)
}

/// A parser for lines in the usual form; `None` from it means "parse the
/// general way".
type FastLine<T> = fn(&mut [u8]) -> Option<T>;

fn read_jsonl_with<T: serde::de::DeserializeOwned + Send>(
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
            problem: super::DataProblem::NotRegularFile,
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

/// Bytes read at a time: the complete lines of each block are parsed in
/// parallel pieces, so memory stays bounded while all cores work.
const BLOCK: usize = 8 << 20;

/// Below this, a block is parsed in one piece (threads cost more).
const MIN_PIECE: usize = 256 << 10;

fn read_log_from<T: serde::de::DeserializeOwned + Send>(
    path: &Path,
    mut reader: impl Read,
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
    let mut line_no = start.lines;
    let mut offset = start.offset;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let n = reader
            .by_ref()
            .take(BLOCK as u64)
            .read_to_end(&mut buf)
            .map_err(io_err(path, "read"))?;
        let eof = n < BLOCK;
        // Up to the last newline: complete lines; after it, a line still
        // being read (or, at the end, a torn one).
        let cut = buf.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if !eof && cut == 0 {
            continue;
        }
        let complete = &mut buf[..cut];
        crc.update(complete);
        let lines = complete.iter().filter(|&&b| b == b'\n').count() as u64;
        parse_block(path, complete, line_no, kind, fast, threads, &mut out)?;
        line_no += lines;
        offset += cut as u64;
        if lines > 0 {
            out.complete_len = offset;
            out.complete_lines = line_no;
            out.complete_crc = crc.clone().finalize();
        }
        if eof {
            if cut < buf.len() {
                out.warnings.push(Warning {
                    path: path.to_owned(),
                    line: Some(line_no + 1),
                    kind: WarningKind::Line(LineProblem::Torn),
                });
            }
            break;
        }
        buf.drain(..cut);
    }
    Ok(out)
}

/// What one piece of a block gave.
struct Piece<T> {
    device: Option<String>,
    events: Vec<T>,
    warnings: Vec<Warning>,
}

/// Parse `block`, complete lines the first of which is line
/// `before + 1`, in up to `threads` pieces split at line ends, into
/// `out` in file order.
fn parse_block<T: serde::de::DeserializeOwned + Send>(
    path: &Path,
    block: &mut [u8],
    before: u64,
    kind: LogKind,
    fast: Option<FastLine<T>>,
    threads: usize,
    out: &mut LogContents<T>,
) -> Result<(), StoreError> {
    let k = threads.min(block.len() / MIN_PIECE).max(1);
    // Split into k pieces at line ends, each with the line number before it.
    let mut pieces: Vec<(u64, &mut [u8])> = Vec::with_capacity(k);
    let mut rest = block;
    let mut line = before;
    for i in (1..=k).rev() {
        let at = if i == 1 {
            rest.len()
        } else {
            let target = rest.len() / i;
            rest[target..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |p| target + p + 1)
        };
        let (piece, tail) = std::mem::take(&mut rest).split_at_mut(at);
        let n = piece.iter().filter(|&&b| b == b'\n').count() as u64;
        pieces.push((line, piece));
        line += n;
        rest = tail;
    }
    let results: Vec<Result<Piece<T>, StoreError>> = if pieces.len() == 1 {
        pieces
            .into_iter()
            .map(|(before, piece)| parse_piece(path, piece, before, kind, fast))
            .collect()
    } else {
        std::thread::scope(|scope| {
            let mut pieces = pieces.into_iter();
            let first = pieces.next();
            let handles: Vec<_> = pieces
                .map(|(before, piece)| {
                    scope.spawn(move || parse_piece(path, piece, before, kind, fast))
                })
                .collect();
            let mut results = Vec::with_capacity(handles.len() + 1);
            if let Some((before, piece)) = first {
                results.push(parse_piece(path, piece, before, kind, fast));
            }
            for h in handles {
                results.push(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            }
            results
        })
    };
    for r in results {
        let p = r?;
        if p.device.is_some() {
            out.device = p.device;
        }
        out.events.extend(p.events);
        out.warnings.extend(p.warnings);
    }
    Ok(())
}

/// Parse complete lines, the first of which is line `before + 1`.
fn parse_piece<T: serde::de::DeserializeOwned>(
    path: &Path,
    mut piece: &mut [u8],
    before: u64,
    kind: LogKind,
    fast: Option<FastLine<T>>,
) -> Result<Piece<T>, StoreError> {
    let mut out = Piece {
        device: None,
        events: Vec::new(),
        warnings: Vec::new(),
    };
    let mut line_no = before;
    while !piece.is_empty() {
        let end = piece
            .iter()
            .position(|&b| b == b'\n')
            .map_or(piece.len(), |i| i + 1);
        let (buf, rest) = std::mem::take(&mut piece).split_at_mut(end);
        piece = rest;
        line_no += 1;
        let warn = |problem: LineProblem| Warning {
            path: path.to_owned(),
            line: Some(line_no),
            kind: WarningKind::Line(problem),
        };
        // Not the first line, which should be the header.
        if line_no > 1
            && let Some(event) = fast.and_then(|f| f(buf))
        {
            out.events.push(event);
            continue;
        }
        let Ok(text) = std::str::from_utf8(buf) else {
            out.warnings.push(warn(LineProblem::NotUtf8));
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
                        None => out.warnings.push(warn(LineProblem::HeaderVersion {
                            key: kind.header_key.to_owned(),
                        })),
                    }
                    match v.get("device").and_then(serde_json::Value::as_str) {
                        Some(d) => out.device = Some(d.to_owned()),
                        None => out.warnings.push(warn(LineProblem::HeaderNoDevice)),
                    }
                    continue;
                }
                _ => out.warnings.push(warn(LineProblem::NoHeader)),
            }
        }
        match serde_json::from_str::<T>(text) {
            Ok(e) => out.events.push(e),
            Err(e) => out.warnings.push(warn(LineProblem::NotAnEvent {
                record: kind.record,
                detail: e.to_string(),
            })),
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

    /// Warnings as their text, to compare them.
    fn texts(ws: &[Warning]) -> Vec<String> {
        ws.iter().map(ToString::to_string).collect()
    }

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
        assert!(matches!(
            out.warnings[2].kind,
            WarningKind::Line(LineProblem::Torn)
        ));
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
            assert_eq!(texts(&with.warnings), texts(&without.warnings), "{line}");
        }
    }

    #[test]
    fn pieces_parsed_in_parallel_give_what_one_piece_gives() {
        let good = serde_json::to_string(&review("a1")).unwrap();
        let mut text = String::from("{\"kioku_reviews\":1,\"device\":\"d\"}\n");
        let mut i = 0;
        while text.len() < 6 * MIN_PIECE {
            i += 1;
            match i % 997 {
                0 => text.push_str("garbage\n"),
                1 => text.push('\n'),
                2 => text.push_str(&good.replace("\"good\"", "\"great\"")),
                _ => text.push_str(&good.replace("\"a1\"", &format!("\"e{i}\""))),
            }
            if i % 997 != 0 && i % 997 != 1 {
                text.push('\n');
            }
        }
        let read = |threads: usize| {
            let mut out = LogContents {
                device: None,
                events: Vec::new(),
                warnings: Vec::new(),
                complete_len: 0,
                complete_lines: 0,
                complete_crc: 0,
            };
            let mut bytes = text.clone().into_bytes();
            parse_block(
                Path::new("r"),
                &mut bytes,
                0,
                REVIEWS,
                Some(fast_event),
                threads,
                &mut out,
            )
            .unwrap();
            out
        };
        let one = read(1);
        assert!(one.events.len() > 1000);
        assert!(one.warnings.len() > 10);
        for threads in [2, 3, 8] {
            let many = read(threads);
            assert_eq!(many.device, one.device);
            assert_eq!(many.events, one.events, "{threads}");
            assert_eq!(texts(&many.warnings), texts(&one.warnings), "{threads}");
        }
        // And through the reader, in blocks, with a torn last line.
        let torn = format!("{text}{}", &good[..20]);
        let whole = read_log_from(
            Path::new("r"),
            torn.as_bytes(),
            REVIEWS,
            Some(fast_event),
            LogStart::default(),
        )
        .unwrap();
        assert_eq!(whole.events, one.events);
        assert_eq!(
            texts(&whole.warnings[..one.warnings.len()]),
            texts(&one.warnings)
        );
        let last = whole.warnings.last().unwrap();
        assert_eq!(last.line, Some(text.lines().count() as u64 + 1));
        assert!(matches!(last.kind, WarningKind::Line(LineProblem::Torn)));
        assert_eq!(whole.complete_len, text.len() as u64);
        assert_eq!(whole.complete_crc, crc32fast::hash(text.as_bytes()));
    }
}
