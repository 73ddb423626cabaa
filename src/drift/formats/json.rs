//! JSON with positions. serde_json forgets where values were; findings need `file:line`.
//! Error messages never quote the input, so a broken line holding a secret stays hidden.

use std::sync::Arc;

use crate::drift::tree::{
    Document, KeyProblem, MapBuilder, Origin, Parsed, ScalarKind, Value, MAX_DEPTH, MAX_KEY_BYTES,
};
use crate::error::{Error, Result, SourcePos};

pub fn parse(text: &str, file: &Arc<str>) -> Result<Parsed> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        file,
        duplicates: Vec::new(),
        depth: 0,
    };
    parser.skip_bom();
    parser.skip_ws();
    let root = parser.value()?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("unexpected characters after the JSON value"));
    }
    Ok(Parsed {
        documents: vec![Document { root }],
        duplicates: parser.duplicates,
    })
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    line_start: usize,
    file: &'a Arc<str>,
    duplicates: Vec<crate::drift::tree::DuplicateKey>,
    depth: usize,
}

impl Parser<'_> {
    fn skip_bom(&mut self) {
        if self.bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pos = 3;
            self.line_start = 3;
        }
    }

    fn error(&self, message: &str) -> Error {
        let column =
            String::from_utf8_lossy(&self.bytes[self.line_start..self.pos.min(self.bytes.len())])
                .chars()
                .count()
                + 1;
        Error::input(
            SourcePos::new(self.file.as_ref(), self.line, Some(column)),
            message.to_string(),
        )
    }

    fn origin(&self) -> Origin {
        Origin::new(self.file, self.line)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                _ => break,
            }
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else if self.peek().is_none() {
            Err(self.error(&format!("unexpected end of file, expected {what}")))
        } else {
            Err(self.error(&format!("expected {what}")))
        }
    }

    fn value(&mut self) -> Result<Value> {
        let origin = self.origin();
        match self.peek() {
            None => Err(self.error("unexpected end of file, expected a value")),
            Some(b'{') => self.object(origin),
            Some(b'[') => self.array(origin),
            Some(b'"') => Ok(Value::scalar(self.string()?, ScalarKind::String, origin)),
            Some(b't') => self.literal("true", ScalarKind::Bool, origin),
            Some(b'f') => self.literal("false", ScalarKind::Bool, origin),
            Some(b'n') => self.literal("null", ScalarKind::Null, origin),
            Some(b'-' | b'0'..=b'9') => self.number(origin),
            Some(_) => {
                Err(self
                    .error("expected a value (object, array, string, number, true, false or null)"))
            }
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nesting deeper than 512 levels"));
        }
        Ok(())
    }

    fn object(&mut self, origin: Origin) -> Result<Value> {
        self.enter()?;
        self.pos += 1;
        let mut entries = MapBuilder::default();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::map(Vec::new(), origin));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a quoted key"));
            }
            let key = self.string()?;
            if key.len() > MAX_KEY_BYTES {
                return Err(self.error(&KeyProblem::TooLong.message()));
            }
            self.skip_ws();
            self.expect(b':', "`:` after the key")?;
            self.skip_ws();
            let value = self.value()?;
            entries.insert(key, value, &mut self.duplicates);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                None => return Err(self.error("unexpected end of file, expected `,` or `}`")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
        self.depth -= 1;
        Ok(Value::map(entries.into_entries(), origin))
    }

    fn array(&mut self, origin: Origin) -> Result<Value> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::list(items, origin));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                None => return Err(self.error("unexpected end of file, expected `,` or `]`")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
        self.depth -= 1;
        Ok(Value::list(items, origin))
    }

    fn literal(&mut self, word: &str, kind: ScalarKind, origin: Origin) -> Result<Value> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(Value::scalar(word, kind, origin))
        } else {
            Err(self.error("expected a value (object, array, string, number, true, false or null)"))
        }
    }

    fn number(&mut self, origin: Origin) -> Result<Value> {
        let start = self.pos;
        let mut float = false;
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' | b'-' | b'+' => self.pos += 1,
                b'.' | b'e' | b'E' => {
                    float = true;
                    self.pos += 1
                }
                _ => break,
            }
        }
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default();
        if text.parse::<f64>().is_err() {
            self.pos = start;
            return Err(self.error("malformed number"));
        }
        let kind = if float {
            ScalarKind::Float
        } else {
            ScalarKind::Integer
        };
        Ok(Value::scalar(text, kind, origin))
    }

    fn string(&mut self) -> Result<String> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\n') => {
                    return Err(self.error("unterminated string (newline inside a string)"))
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => b'"',
                        Some(b'\\') => b'\\',
                        Some(b'/') => b'/',
                        Some(b'b') => 8,
                        Some(b'f') => 12,
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b't') => b'\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.error("invalid escape in string")),
                    };
                    out.push(escaped);
                    self.pos += 1;
                }
                Some(b) => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
        String::from_utf8(out).map_err(|_| self.error("string is not valid UTF-8"))
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(digits)
    }

    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.pos..].starts_with(b"\\u") {
                return Err(self.error("unpaired surrogate in \\u escape"));
            }
            self.pos += 2;
            let second = self.hex4()?;
            0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::tree::Node;

    fn file() -> Arc<str> {
        Arc::from("prod.json")
    }

    #[test]
    fn values_remember_their_line() {
        let parsed = parse("{\n  \"db\": {\n    \"pool\": 50\n  }\n}\n", &file()).unwrap();
        let root = &parsed.documents[0].root;
        let pool = root.get("db").unwrap().get("pool").unwrap();
        assert_eq!(pool.origin.line, 3);
        assert_eq!(pool.as_text(), Some("50"));
    }

    #[test]
    fn strings_are_unescaped() {
        let parsed = parse(r#"{"a": "x\ny\u00e9\ud83d\ude00"}"#, &file()).unwrap();
        assert_eq!(
            parsed.documents[0].root.get("a").unwrap().as_text(),
            Some("x\nyé😀")
        );
    }

    #[test]
    fn duplicates_are_reported_and_last_wins() {
        let parsed = parse("{\"a\": 1,\n\"a\": 2}", &file()).unwrap();
        assert_eq!(parsed.duplicates.len(), 1);
        assert_eq!(
            parsed.documents[0].root.get("a").unwrap().as_text(),
            Some("2")
        );
    }

    #[test]
    fn errors_point_at_the_problem_without_quoting_it() {
        let err = parse("{\n  \"password\": \"hunter2\n}", &file()).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("prod.json:2:"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn arrays_and_literals() {
        let parsed = parse("[1, 2.5, true, null, []]", &file()).unwrap();
        let Node::List(items) = &parsed.documents[0].root.node else {
            panic!()
        };
        assert_eq!(items.len(), 5);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(10_000);
        assert!(parse(&text, &file()).is_err());
    }
}
