//! Terraform `.tfvars`: `name = literal`, where a literal is a string (with escapes; `${…}`
//! kept as written), a heredoc, a number, a bool, null, a list or a map. Expressions are
//! not evaluated; a `.tfvars` file may not hold any.

use std::sync::Arc;

use super::LineIndex;
use crate::drift::tree::{
    DuplicateKey, KeyProblem, MapBuilder, Origin, Parsed, ScalarKind, Value, MAX_DEPTH,
    MAX_KEY_BYTES,
};
use crate::error::{Error, Result, SourcePos};

pub fn parse(text: &str, file: &Arc<str>) -> Result<Parsed> {
    let mut p = Parser {
        text,
        pos: 0,
        file,
        lines: LineIndex::new(text),
        duplicates: Vec::new(),
        depth: 0,
    };
    let mut entries = MapBuilder::default();
    loop {
        p.skip_space(true)?;
        if p.pos >= text.len() {
            break;
        }
        let key_origin = p.origin();
        let key = p.key()?;
        p.skip_space(false)?;
        if !p.eat('=') {
            return Err(p.error("expected `=` after the variable name"));
        }
        p.skip_space(false)?;
        let mut value = p.value()?;
        if matches!(
            value.node,
            crate::drift::tree::Node::Map(_) | crate::drift::tree::Node::List(_)
        ) {
            value.origin = key_origin;
        }
        entries.insert(key, value, &mut p.duplicates);
        p.skip_space(false)?;
        if p.pos < text.len() && !p.eat('\n') {
            return Err(p.error("expected a new line after the value"));
        }
    }
    Ok(Parsed::single(entries.into_entries(), file, p.duplicates))
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    file: &'a Arc<str>,
    lines: LineIndex,
    duplicates: Vec<DuplicateKey>,
    depth: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn origin(&self) -> Origin {
        Origin::new(self.file, self.lines.line_of(self.pos))
    }

    fn error(&self, message: &str) -> Error {
        Error::input(
            SourcePos::from_offset(self.file.as_ref(), self.text, self.pos),
            message.to_string(),
        )
    }

    /// Skips blanks and comments; newlines too when `newlines` is set.
    fn skip_space(&mut self, newlines: bool) -> Result<()> {
        loop {
            let rest = self.rest();
            if rest.starts_with('#') || rest.starts_with("//") {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                match rest.find("*/") {
                    Some(end) => self.pos += end + 2,
                    None => return Err(self.error("unterminated /* comment")),
                }
            } else if let Some(c) = self
                .peek()
                .filter(|c| matches!(c, ' ' | '\t' | '\r') || (newlines && *c == '\n'))
            {
                self.pos += c.len_utf8();
            } else {
                return Ok(());
            }
        }
    }

    fn key(&mut self) -> Result<String> {
        let key = self.key_text()?;
        if key.len() > MAX_KEY_BYTES {
            return Err(self.error(&KeyProblem::TooLong.message()));
        }
        Ok(key)
    }

    fn key_text(&mut self) -> Result<String> {
        if self.peek() == Some('"') {
            return self.string();
        }
        let len = self
            .rest()
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(self.rest().len());
        if len == 0 {
            return Err(self.error("expected a variable name"));
        }
        let key = self.rest()[..len].to_string();
        self.pos += len;
        Ok(key)
    }

    fn value(&mut self) -> Result<Value> {
        let origin = self.origin();
        match self.peek() {
            Some('"') => Ok(Value::scalar(self.string()?, ScalarKind::String, origin)),
            Some('[') => self.list(origin),
            Some('{') => self.object(origin),
            Some('<') if self.rest().starts_with("<<") => {
                Ok(Value::scalar(self.heredoc()?, ScalarKind::String, origin))
            }
            Some(c) if c.is_ascii_digit() || c == '-' => {
                let len = self
                    .rest()
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')))
                    .unwrap_or(self.rest().len());
                let text = &self.rest()[..len];
                if text.parse::<f64>().is_err() {
                    return Err(self.error("malformed number"));
                }
                let kind = if text.contains(['.', 'e', 'E']) {
                    ScalarKind::Float
                } else {
                    ScalarKind::Integer
                };
                let value = Value::scalar(text, kind, origin);
                self.pos += len;
                Ok(value)
            }
            _ => {
                for (word, kind) in [
                    ("true", ScalarKind::Bool),
                    ("false", ScalarKind::Bool),
                    ("null", ScalarKind::Null),
                ] {
                    let after = self.rest().get(word.len()..).and_then(|r| r.chars().next());
                    if self.rest().starts_with(word)
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    {
                        self.pos += word.len();
                        return Ok(Value::scalar(word, kind, origin));
                    }
                }
                Err(self.error("expected a literal value (.tfvars files hold no expressions)"))
            }
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nesting deeper than 256 levels"));
        }
        Ok(())
    }

    fn list(&mut self, origin: Origin) -> Result<Value> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space(true)?;
            if self.eat(']') {
                break;
            }
            items.push(self.value()?);
            self.skip_space(true)?;
            if self.eat(']') {
                break;
            }
            if !self.eat(',') {
                return Err(self.error("expected `,` or `]`"));
            }
        }
        self.depth -= 1;
        Ok(Value::list(items, origin))
    }

    fn object(&mut self, origin: Origin) -> Result<Value> {
        self.enter()?;
        self.pos += 1;
        let mut entries = MapBuilder::default();
        loop {
            self.skip_space(true)?;
            if self.eat('}') {
                break;
            }
            let key = self.key()?;
            self.skip_space(false)?;
            if !self.eat('=') && !self.eat(':') {
                return Err(self.error("expected `=` or `:` after the key"));
            }
            self.skip_space(false)?;
            let value = self.value()?;
            entries.insert(key, value, &mut self.duplicates);
            self.skip_space(false)?;
            self.eat(',');
        }
        self.depth -= 1;
        Ok(Value::map(entries.into_entries(), origin))
    }

    fn string(&mut self) -> Result<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                self.pos = start;
                return Err(self.error("unterminated string"));
            };
            self.pos += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\n' => {
                    self.pos = start;
                    return Err(self.error("unterminated string"));
                }
                '\\' => {
                    let Some(e) = self.peek() else { continue };
                    self.pos += e.len_utf8();
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'u' | 'U' => {
                            let n = if e == 'u' { 4 } else { 8 };
                            let hex = self.rest().get(..n).unwrap_or("");
                            let c = u32::from_str_radix(hex, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or_else(|| self.error("malformed unicode escape"))?;
                            out.push(c);
                            self.pos += n;
                        }
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    fn heredoc(&mut self) -> Result<String> {
        let start = self.pos;
        self.pos += 2;
        let indented = self.eat('-');
        let len = self
            .rest()
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(0);
        if len == 0 {
            return Err(self.error("expected a heredoc marker after `<<`"));
        }
        let marker = self.rest()[..len].to_string();
        self.pos += len;
        let Some(nl) = self.rest().find('\n') else {
            self.pos = start;
            return Err(self.error("unterminated heredoc"));
        };
        self.pos += nl + 1;
        let mut body = Vec::new();
        loop {
            if self.pos >= self.text.len() {
                self.pos = start;
                return Err(self.error("unterminated heredoc"));
            }
            let line_end = self.rest().find('\n').unwrap_or(self.rest().len());
            let line = &self.rest()[..line_end];
            if line.trim() == marker {
                self.pos += line_end;
                break;
            }
            body.push(line.to_string());
            self.pos += (line_end + 1).min(self.rest().len());
        }
        if indented {
            let indent = body
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.len() - l.trim_start().len())
                .min()
                .unwrap_or(0);
            for line in &mut body {
                *line = line.get(indent..).unwrap_or("").to_string();
            }
        }
        Ok(body.join("\n") + "\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::tree::Node;

    fn root(text: &str) -> Value {
        parse(text, &Arc::from("prod.tfvars"))
            .unwrap()
            .documents
            .remove(0)
            .root
    }

    #[test]
    fn literals_lists_and_maps() {
        let r = root(
            "# comment\nregion = \"eu-west-1\"\ninstance_count = 3\nenable_cdn = true\n\
             azs = [\"a\", \"b\",]\ntags = {\n  team = \"platform\"\n  \"cost-center\": \"42\"\n}\n\
             ratio = 0.5 // trailing\n/* block */\n",
        );
        assert_eq!(r.get("region").unwrap().as_text(), Some("eu-west-1"));
        assert_eq!(r.get("instance_count").unwrap().origin.line, 3);
        let Node::List(azs) = &r.get("azs").unwrap().node else {
            panic!()
        };
        assert_eq!(azs.len(), 2);
        let tags = r.get("tags").unwrap();
        assert_eq!(tags.get("cost-center").unwrap().as_text(), Some("42"));
        assert_eq!(tags.get("team").unwrap().origin.line, 7);
        assert_eq!(r.get("ratio").unwrap().as_text(), Some("0.5"));
    }

    #[test]
    fn heredocs() {
        let r = root("policy = <<-EOT\n    line one\n      line two\n    EOT\nnext = 1\n");
        assert_eq!(
            r.get("policy").unwrap().as_text(),
            Some("line one\n  line two\n")
        );
        assert_eq!(r.get("next").unwrap().as_text(), Some("1"));
    }

    #[test]
    fn expressions_are_refused_with_a_position() {
        let err = parse("a = 1\nb = var.x\n", &Arc::from("p.tfvars"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.tfvars:2:5: expected a literal value"),
            "{err}"
        );
    }

    #[test]
    fn unterminated_string_does_not_echo() {
        let err = parse("db_password = \"hunter2\n", &Arc::from("p.tfvars"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.tfvars:1:15: unterminated string"),
            "{err}"
        );
        assert!(!err.contains("hunter2"));
    }
}
