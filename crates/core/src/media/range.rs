//! HTTP `Range` requests for media, so an `<audio>` element can seek.

/// Bytes `start..=end` of a file (both inclusive, as HTTP writes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRange {
    pub start: u64,
    pub end: u64,
}

impl ByteRange {
    /// The `Content-Range` header value for a file of `len` bytes.
    pub fn content_range(&self, len: u64) -> String {
        format!("bytes {}-{}/{len}", self.start, self.end)
    }
}

/// What to answer to a request with this `Range` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeRequest {
    /// No range, or one this server ignores (several ranges, a unit other
    /// than bytes, a malformed header): the whole file, 200.
    Full,
    /// One satisfiable range: 206 with `Content-Range`.
    Partial(ByteRange),
    /// A range wholly past the end of the file: 416.
    Unsatisfiable,
}

impl RangeRequest {
    /// Read a `Range` header (`bytes=0-99`, `bytes=100-`, `bytes=-100`)
    /// against a file of `len` bytes. An end past the file is clamped to
    /// its last byte (RFC 9110, 14.1.2).
    pub fn parse(header: Option<&str>, len: u64) -> RangeRequest {
        let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
            return RangeRequest::Full;
        };
        if spec.contains(',') {
            return RangeRequest::Full;
        }
        let Some((first, last)) = spec.trim().split_once('-') else {
            return RangeRequest::Full;
        };
        let number = |s: &str| -> Option<u64> {
            let s = s.trim();
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match (first.trim().is_empty(), number(first), number(last)) {
            // `bytes=-N`: the last N bytes.
            (true, _, Some(n)) => {
                if n == 0 || len == 0 {
                    RangeRequest::Unsatisfiable
                } else {
                    RangeRequest::Partial(ByteRange {
                        start: len.saturating_sub(n),
                        end: len - 1,
                    })
                }
            }
            (false, Some(start), end) if last.trim().is_empty() || end.is_some() => {
                if start >= len {
                    return RangeRequest::Unsatisfiable;
                }
                let end = end.map_or(len - 1, |e| e.min(len - 1));
                if end < start {
                    return RangeRequest::Full;
                }
                RangeRequest::Partial(ByteRange { start, end })
            }
            _ => RangeRequest::Full,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(start: u64, end: u64) -> RangeRequest {
        RangeRequest::Partial(ByteRange { start, end })
    }

    #[test]
    fn ranges() {
        let parse = |h| RangeRequest::parse(Some(h), 1000);
        assert_eq!(RangeRequest::parse(None, 1000), RangeRequest::Full);
        assert_eq!(parse("bytes=0-99"), p(0, 99));
        assert_eq!(parse("bytes=500-"), p(500, 999));
        assert_eq!(parse("bytes=-100"), p(900, 999));
        assert_eq!(parse("bytes=-5000"), p(0, 999));
        assert_eq!(parse("bytes=900-5000"), p(900, 999));
        assert_eq!(parse("bytes=1000-"), RangeRequest::Unsatisfiable);
        assert_eq!(parse("bytes=-0"), RangeRequest::Unsatisfiable);
        assert_eq!(parse("bytes=5-2"), RangeRequest::Full);
        assert_eq!(parse("bytes=0-1,5-9"), RangeRequest::Full);
        assert_eq!(parse("items=0-1"), RangeRequest::Full);
        assert_eq!(parse("bytes=x-1"), RangeRequest::Full);
        assert_eq!(parse("bytes=+1-2"), RangeRequest::Full);
        assert_eq!(
            RangeRequest::parse(Some("bytes=0-"), 0),
            RangeRequest::Unsatisfiable
        );
        assert_eq!(
            ByteRange { start: 0, end: 99 }.content_range(1000),
            "bytes 0-99/1000"
        );
    }
}
