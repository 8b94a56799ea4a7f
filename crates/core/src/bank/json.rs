//! A small JSON parser that keeps the position of every key and value.
//!
//! `serde_json` reports where a syntax error is, but not where a well-formed
//! value that breaks a rule sits, and it keeps the last of two duplicate
//! keys silently. Question files need both, so this parser builds a located
//! tree that `parse` turns into typed values.
//!
//! It is iterative over input characters and recursive only over nesting,
//! which is capped at [`MAX_DEPTH`]: no input can overflow the stack.

use super::problem::{Kind, LocatedProblem, Pos, Problem, SyntaxError};

/// Deepest nesting of arrays and objects accepted. Real question sets use 4.
pub const MAX_DEPTH: usize = 64;

/// A JSON value with the position of its first character.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub pos: Pos,
    pub value: Value,
}

/// A JSON number kept as its source text so integers and floats can be told apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Number(pub String);

impl Number {
    /// The value as an integer, if it is written as one (no fraction or exponent).
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(Str),
    Array(Vec<Located>),
    Object(Vec<Member>),
}

impl Value {
    /// The JSON type name, for "expected X, found Y" messages.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Boolean,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }
}

/// A decoded string plus what is needed to locate a character inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Str {
    pub text: String,
    /// True when the literal had no escapes, so char `i` of `text` sits at
    /// column `pos.column + 1 + i` of the source.
    pub verbatim: bool,
}

/// One `"key": value` pair of an object, in source order (duplicates kept).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_pos: Pos,
    pub value: Located,
}

/// Parse a whole document. Syntax errors stop the parse (there is no
/// reliable way to resynchronise); duplicate keys do not, and are returned
/// alongside the tree.
pub fn parse(src: &str) -> Result<(Located, Vec<LocatedProblem>), LocatedProblem> {
    let mut p = Parser {
        src,
        chars: src.char_indices().peekable(),
        line: 1,
        column: 1,
        problems: Vec::new(),
    };
    p.skip_ws()?;
    if p.peek().is_none() {
        return Err((p.pos(), Problem::EmptyFile));
    }
    let root = p.value(0)?;
    p.skip_ws()?;
    if p.peek().is_some() {
        return Err((p.pos(), Problem::Syntax(SyntaxError::TrailingCharacters)));
    }
    Ok((root, p.problems))
}

struct Parser<'a> {
    /// The whole document, to look ahead in.
    src: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: u32,
    column: u32,
    problems: Vec<LocatedProblem>,
}

type PResult<T> = Result<T, LocatedProblem>;

impl Parser<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn err<T>(&self, e: SyntaxError) -> PResult<T> {
        Err((self.pos(), Problem::Syntax(e)))
    }

    fn skip_ws(&mut self) -> PResult<()> {
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\n' | '\r' => {
                    self.bump();
                }
                '/' => return self.err(SyntaxError::Comment),
                _ => break,
            }
        }
        Ok(())
    }

    fn expect_literal(&mut self, word: &'static str, v: Value) -> PResult<Value> {
        let start = self.pos();
        for expected in word.chars() {
            if self.peek() != Some(expected) {
                return Err((start, Problem::Syntax(SyntaxError::UnexpectedToken)));
            }
            self.bump();
        }
        Ok(v)
    }

    fn value(&mut self, depth: usize) -> PResult<Located> {
        let pos = self.pos();
        let value = match self.peek() {
            None => return self.err(SyntaxError::UnexpectedEnd),
            Some('{') => self.object(depth + 1)?,
            Some('[') => self.array(depth + 1)?,
            Some('"') => Value::String(self.string()?),
            Some('t') => self.expect_literal("true", Value::Bool(true))?,
            Some('f') => self.expect_literal("false", Value::Bool(false))?,
            Some('n') => self.expect_literal("null", Value::Null)?,
            Some(c) if c == '-' || c.is_ascii_digit() => Value::Number(self.number()?),
            Some(_) => return self.err(SyntaxError::UnexpectedToken),
        };
        Ok(Located { pos, value })
    }

    fn enter(&self, depth: usize) -> PResult<()> {
        if depth > MAX_DEPTH {
            return Err((self.pos(), Problem::TooDeep { limit: MAX_DEPTH }));
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> PResult<Value> {
        self.enter(depth)?;
        self.bump(); // '{'
        let mut members: Vec<Member> = Vec::new();
        self.skip_ws()?;
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws()?;
            let key_pos = self.pos();
            match self.peek() {
                Some('"') => {}
                Some('}') if !members.is_empty() => {
                    return self.err(SyntaxError::TrailingComma('}'));
                }
                None => return self.err(SyntaxError::UnexpectedEnd),
                Some(_) => return self.err(SyntaxError::ExpectedKey),
            }
            let key = self.string()?.text;
            self.skip_ws()?;
            match self.peek() {
                Some(':') => {
                    self.bump();
                }
                None => return self.err(SyntaxError::UnexpectedEnd),
                Some(_) => return self.err(SyntaxError::ExpectedColon),
            }
            self.skip_ws()?;
            let value = self.value(depth)?;
            if let Some(first) = members.iter().find(|m| m.key == key) {
                self.problems.push((
                    key_pos,
                    Problem::DuplicateKey {
                        key: key.clone(),
                        first: first.key_pos,
                    },
                ));
            }
            members.push(Member {
                key,
                key_pos,
                value,
            });
            self.skip_ws()?;
            match self.bump() {
                Some(',') => continue,
                Some('}') => return Ok(Value::Object(members)),
                None => return self.err(SyntaxError::UnexpectedEnd),
                Some(_) => {
                    return Err((
                        self.back_one(),
                        Problem::Syntax(SyntaxError::ExpectedCommaOrEnd('}')),
                    ));
                }
            }
        }
    }

    /// Position of the character just consumed (not across a newline, which
    /// is never the culprit here: whitespace was skipped before it).
    fn back_one(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column.saturating_sub(1).max(1),
        }
    }

    fn array(&mut self, depth: usize) -> PResult<Value> {
        self.enter(depth)?;
        self.bump(); // '['
        let mut items = Vec::new();
        self.skip_ws()?;
        if self.peek() == Some(']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws()?;
            if self.peek() == Some(']') && !items.is_empty() {
                return self.err(SyntaxError::TrailingComma(']'));
            }
            items.push(self.value(depth)?);
            self.skip_ws()?;
            match self.bump() {
                Some(',') => continue,
                Some(']') => return Ok(Value::Array(items)),
                None => return self.err(SyntaxError::UnexpectedEnd),
                Some(_) => {
                    return Err((
                        self.back_one(),
                        Problem::Syntax(SyntaxError::ExpectedCommaOrEnd(']')),
                    ));
                }
            }
        }
    }

    fn string(&mut self) -> PResult<Str> {
        self.bump(); // opening quote
        // Room for the text up to the next quote (all of it unless it has
        // an escaped quote): grown once rather than a character at a time.
        let room = self
            .chars
            .peek()
            .and_then(|&(at, _)| self.src.get(at..))
            .and_then(|rest| rest.find('"'))
            .unwrap_or(0);
        let mut text = String::with_capacity(room);
        let mut verbatim = true;
        loop {
            let pos = self.pos();
            match self.bump() {
                None => return self.err(SyntaxError::UnterminatedString),
                Some('"') => return Ok(Str { text, verbatim }),
                Some('\\') => {
                    verbatim = false;
                    let c = match self.bump() {
                        Some('"') => '"',
                        Some('\\') => '\\',
                        Some('/') => '/',
                        Some('b') => '\u{8}',
                        Some('f') => '\u{c}',
                        Some('n') => '\n',
                        Some('r') => '\r',
                        Some('t') => '\t',
                        Some('u') => self.unicode_escape(pos)?,
                        None => return self.err(SyntaxError::UnterminatedString),
                        Some(_) => return Err((pos, Problem::Syntax(SyntaxError::InvalidEscape))),
                    };
                    text.push(c);
                }
                Some(c) if (c as u32) < 0x20 => {
                    return Err((pos, Problem::Syntax(SyntaxError::ControlCharacter)));
                }
                Some(c) => text.push(c),
            }
        }
    }

    fn hex4(&mut self, start: Pos) -> PResult<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .bump()
                .and_then(|c| c.to_digit(16))
                .ok_or((start, Problem::Syntax(SyntaxError::InvalidEscape)))?;
            n = n * 16 + d;
        }
        Ok(n)
    }

    fn unicode_escape(&mut self, start: Pos) -> PResult<char> {
        let bad = (start, Problem::Syntax(SyntaxError::InvalidEscape));
        let hi = self.hex4(start)?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            // A high surrogate must be followed by `\uDC00`..`\uDFFF`.
            if self.bump() != Some('\\') || self.bump() != Some('u') {
                return Err(bad);
            }
            let lo = self.hex4(start)?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(bad);
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or(bad)
    }

    fn number(&mut self) -> PResult<Number> {
        let start = self.pos();
        let mut s = String::new();
        let bad = (start, Problem::Syntax(SyntaxError::InvalidNumber));
        if self.peek() == Some('-') {
            s.push('-');
            self.bump();
        }
        let int_start = s.len();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            s.push(c);
            self.bump();
        }
        let int = &s[int_start..];
        if int.is_empty() || (int.len() > 1 && int.starts_with('0')) {
            return Err(bad);
        }
        if self.peek() == Some('.') {
            s.push('.');
            self.bump();
            let before = s.len();
            while let Some(c) = self.peek().filter(char::is_ascii_digit) {
                s.push(c);
                self.bump();
            }
            if s.len() == before {
                return Err(bad);
            }
        }
        if let Some(e) = self.peek().filter(|c| *c == 'e' || *c == 'E') {
            s.push(e);
            self.bump();
            if let Some(sign) = self.peek().filter(|c| *c == '+' || *c == '-') {
                s.push(sign);
                self.bump();
            }
            let before = s.len();
            while let Some(c) = self.peek().filter(char::is_ascii_digit) {
                s.push(c);
                self.bump();
            }
            if s.len() == before {
                return Err(bad);
            }
        }
        Ok(Number(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> (u32, u32, String) {
        let (pos, p) = parse(src).unwrap_err();
        (pos.line, pos.column, p.to_string())
    }

    #[test]
    fn parses_nested_values_with_positions() {
        let (root, dups) =
            parse("{\n  \"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\ny\"\n}").unwrap();
        assert!(dups.is_empty());
        let Value::Object(m) = root.value else {
            panic!("not an object")
        };
        assert_eq!(m[0].key, "a");
        assert_eq!((m[0].key_pos.line, m[0].key_pos.column), (2, 3));
        assert_eq!((m[0].value.pos.line, m[0].value.pos.column), (2, 8));
        let Value::Array(items) = &m[0].value.value else {
            panic!("not an array")
        };
        assert_eq!(items[1].value, Value::Number(Number("-2.5e3".into())));
        assert_eq!((items[1].pos.line, items[1].pos.column), (2, 12));
        let Value::String(s) = &m[1].value.value else {
            panic!("not a string")
        };
        assert_eq!(s.text, "x\ny");
        assert!(!s.verbatim);
    }

    #[test]
    fn reports_duplicate_keys_and_keeps_going() {
        let (_, dups) = parse("{\"a\": 1, \"a\": 2}").unwrap();
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].0.column, 10);
        assert_eq!(dups[0].1.to_string(), "duplicate key \"a\" (first at 1:2)");
    }

    #[test]
    fn locates_syntax_errors() {
        assert_eq!(err("").2, "file is empty");
        assert_eq!(
            err("{\"a\": 1,}"),
            (1, 9, "trailing comma before '}'".into())
        );
        assert_eq!(err("[1 2]"), (1, 4, "expected ',' or ']'".into()));
        assert_eq!(
            err("{\"a\" 1}"),
            (1, 6, "expected ':' after the key".into())
        );
        assert_eq!(err("{\"a\": tru}").0, 1);
        assert_eq!(
            err("{} x"),
            (1, 4, "unexpected characters after the JSON value".into())
        );
        assert_eq!(
            err("// hi\n{}"),
            (1, 1, "comments are not allowed in JSON".into())
        );
        assert_eq!(err("[01]"), (1, 2, "invalid number".into()));
        assert_eq!(err("\"abc"), (1, 5, "unterminated string".into()));
        assert_eq!(err("\"\\x\""), (1, 2, "invalid escape sequence".into()));
        assert_eq!(err("{\"a\":"), (1, 6, "unexpected end of file".into()));
    }

    #[test]
    fn decodes_surrogate_pairs() {
        let (root, _) = parse(r#""\ud83d\ude00""#).unwrap();
        assert_eq!(
            root.value,
            Value::String(Str {
                text: "😀".into(),
                verbatim: false
            })
        );
        assert!(parse(r#""\ud83d""#).is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let (pos, p) = parse(&deep).unwrap_err();
        assert_eq!(p, Problem::TooDeep { limit: MAX_DEPTH });
        assert_eq!(pos.column, 65);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
