//! The format-neutral tree a spec is read into: every value and every key
//! keeps the line and column it was written at, so errors and linter
//! findings can point into the spec.

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

use crate::document::{LineCol, LineIndex};

use super::{Format, SpecError, SpecErrorKind};

/// A value of the spec with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) pos: LineCol,
    pub(crate) value: Value,
}

/// A key of a map with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub(crate) name: String,
    pub(crate) pos: LineCol,
}

/// The shapes a spec value can take.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

impl Value {
    /// What the value is, for "expected …, found …" messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map",
        }
    }
}

const UNKNOWN: LineCol = LineCol { line: 1, column: 1 };

/// Deepest nesting accepted; answer files nest far less, and a bound keeps
/// hostile input from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Reads spec text into a tree; syntax errors carry their position.
pub(crate) fn parse(text: &str, format: Format) -> Result<Node, SpecError> {
    match format {
        Format::Yaml => parse_yaml(text),
        Format::Toml => parse_toml(text),
        Format::Json => JsonParser::new(text).document(),
    }
}

fn syntax(pos: LineCol, message: impl Into<String>) -> SpecError {
    SpecError::new(SpecErrorKind::Syntax, pos, message)
}

// ------------------------------------------------------------------ YAML

struct YamlNode(Node);
struct YamlKey(Key);

fn yaml_pos(l: &serde_saphyr::Location) -> LineCol {
    if l.line() == 0 {
        return UNKNOWN;
    }
    LineCol {
        line: u32::try_from(l.line()).unwrap_or(u32::MAX),
        column: u32::try_from(l.column()).unwrap_or(u32::MAX),
    }
}

impl<'de> Deserialize<'de> for YamlNode {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<ValueOf<YamlNode, YamlKey>>::deserialize(d)?;
        Ok(YamlNode(Node {
            pos: yaml_pos(&s.referenced),
            value: s.value.value,
        }))
    }
}

impl<'de> Deserialize<'de> for YamlKey {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<ValueOf<YamlNode, YamlKey>>::deserialize(d)?;
        key_of(s.value.value, yaml_pos(&s.referenced)).map(YamlKey)
    }
}

fn key_of<E: de::Error>(value: Value, pos: LineCol) -> Result<Key, E> {
    let name = match value {
        Value::Str(s) => s,
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        other => {
            return Err(E::custom(format!(
                "a key must be a string, not {}",
                other.kind()
            )));
        }
    };
    Ok(Key { name, pos })
}

impl From<YamlNode> for Node {
    fn from(n: YamlNode) -> Node {
        n.0
    }
}

impl From<YamlKey> for Key {
    fn from(k: YamlKey) -> Key {
        k.0
    }
}

fn parse_yaml(text: &str) -> Result<Node, SpecError> {
    if text.trim().is_empty() {
        return Ok(Node {
            pos: UNKNOWN,
            value: Value::Map(Vec::new()),
        });
    }
    serde_saphyr::from_str::<YamlNode>(text)
        .map(|n| n.0)
        .map_err(|e| {
            let pos = e.location().map(|l| yaml_pos(&l)).unwrap_or(UNKNOWN);
            let message = e.to_string();
            let first = message.lines().next().unwrap_or("invalid YAML");
            syntax(pos, first.to_string())
        })
}

// ------------------------------------------------------------------ TOML

struct TomlNode(Node);
struct TomlKey(Key);

thread_local! {
    /// The text being read, to turn the TOML parser's byte spans into lines.
    static TOML_LINES: std::cell::RefCell<Option<(String, LineIndex)>> = const { std::cell::RefCell::new(None) };
}

fn toml_pos(offset: usize) -> LineCol {
    TOML_LINES.with(|t| {
        t.borrow()
            .as_ref()
            .map(|(text, idx)| idx.line_col(text, offset))
            .unwrap_or(UNKNOWN)
    })
}

impl<'de> Deserialize<'de> for TomlNode {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = toml::Spanned::<ValueOf<TomlNode, TomlKey>>::deserialize(d)?;
        let pos = toml_pos(s.span().start);
        Ok(TomlNode(Node {
            pos,
            value: s.into_inner().value,
        }))
    }
}

impl<'de> Deserialize<'de> for TomlKey {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = toml::Spanned::<String>::deserialize(d)?;
        let pos = toml_pos(s.span().start);
        Ok(TomlKey(Key {
            name: s.into_inner(),
            pos,
        }))
    }
}

impl From<TomlNode> for Node {
    fn from(n: TomlNode) -> Node {
        n.0
    }
}

impl From<TomlKey> for Key {
    fn from(k: TomlKey) -> Key {
        k.0
    }
}

fn parse_toml(text: &str) -> Result<Node, SpecError> {
    let lines = LineIndex::new(text);
    TOML_LINES.with(|t| *t.borrow_mut() = Some((text.to_string(), lines.clone())));
    let result = toml::from_str::<TomlNode>(text);
    TOML_LINES.with(|t| *t.borrow_mut() = None);
    result
        .map(|n| {
            let mut node = n.0;
            node.pos = UNKNOWN;
            node
        })
        .map_err(|e| {
            let pos = e
                .span()
                .map(|s| lines.line_col(text, s.start))
                .unwrap_or(UNKNOWN);
            syntax(pos, e.message().trim().to_string())
        })
}

// ------------------------------------------------- shared serde visitor

/// A value read by serde, its children of type `N` and keys of type `K`.
struct ValueOf<N, K> {
    value: Value,
    _marker: std::marker::PhantomData<(N, K)>,
}

impl<'de, N, K> Deserialize<'de> for ValueOf<N, K>
where
    N: Deserialize<'de> + Into<Node>,
    K: Deserialize<'de> + Into<Key>,
{
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor::<N, K>(std::marker::PhantomData))
            .map(|value| ValueOf {
                value,
                _marker: std::marker::PhantomData,
            })
    }
}

struct ValueVisitor<N, K>(std::marker::PhantomData<(N, K)>);

impl<'de, N, K> Visitor<'de> for ValueVisitor<N, K>
where
    N: Deserialize<'de> + Into<Node>,
    K: Deserialize<'de> + Into<Key>,
{
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a spec value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Str(v.to_string()), Value::Int))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Str(v.to_string()), Value::Int))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Str(v.to_string()), Value::Int))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<N>()? {
            items.push(item.into());
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries: Vec<(Key, Node)> = Vec::new();
        while let Some(key) = map.next_key::<K>()? {
            let key: Key = key.into();
            let value: Node = map.next_value::<N>()?.into();
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

// ------------------------------------------------------------------ JSON

/// A small JSON reader that keeps positions (serde_json does not expose them
/// per value). Strict RFC 8259; duplicate keys are kept for the caller to
/// report.
struct JsonParser<'t> {
    text: &'t str,
    pos: usize,
    lines: LineIndex,
    depth: usize,
}

impl<'t> JsonParser<'t> {
    fn new(text: &'t str) -> Self {
        JsonParser {
            text,
            pos: 0,
            lines: LineIndex::new(text),
            depth: 0,
        }
    }

    fn here(&self) -> LineCol {
        self.lines.line_col(self.text, self.pos)
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, SpecError> {
        Err(syntax(self.here(), message))
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn document(mut self) -> Result<Node, SpecError> {
        self.ws();
        if self.text[self.pos..].starts_with('\u{feff}') {
            self.pos += 3;
            self.ws();
        }
        let node = self.value()?;
        self.ws();
        if self.pos < self.text.len() {
            return self.err("trailing characters after the JSON value");
        }
        Ok(node)
    }

    fn value(&mut self) -> Result<Node, SpecError> {
        let pos = self.here();
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::Str(self.string()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return self.err("expected a JSON value"),
            None => return self.err("unexpected end of the JSON text"),
        };
        Ok(Node { pos, value })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SpecError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.err("expected a JSON value")
        }
    }

    fn enter(&mut self) -> Result<(), SpecError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err(format!("nested deeper than {MAX_DEPTH} levels"));
        }
        self.pos += 1;
        self.ws();
        Ok(())
    }

    fn object(&mut self) -> Result<Value, SpecError> {
        self.enter()?;
        let mut entries = Vec::new();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Map(entries));
        }
        loop {
            self.ws();
            let pos = self.here();
            if self.peek() != Some(b'"') {
                return self.err("expected a string key");
            }
            let name = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return self.err("expected `:` after the key");
            }
            self.pos += 1;
            self.ws();
            let value = self.value()?;
            entries.push((Key { name, pos }, value));
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Map(entries));
                }
                _ => return self.err("expected `,` or `}`"),
            }
        }
    }

    fn array(&mut self) -> Result<Value, SpecError> {
        self.enter()?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Seq(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Seq(items));
                }
                _ => return self.err("expected `,` or `]`"),
            }
        }
    }

    fn number(&mut self) -> Result<Value, SpecError> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut end = start;
        while end < bytes.len()
            && matches!(bytes[end], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        {
            end += 1;
        }
        let literal = &self.text[start..end];
        // serde_json checks the grammar (leading zeros, lone signs, …).
        let parsed: serde_json::Value = match serde_json::from_str(literal) {
            Ok(v) => v,
            Err(_) => return self.err(format!("invalid number {literal}")),
        };
        self.pos = end;
        Ok(match parsed.as_i64() {
            Some(i) => Value::Int(i),
            None if parsed.is_u64() => Value::Str(literal.to_string()),
            None => Value::Float(parsed.as_f64().unwrap_or_default()),
        })
    }

    fn string(&mut self) -> Result<String, SpecError> {
        let start = self.pos;
        self.pos += 1;
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.pos) {
                None => return self.err("unterminated string"),
                Some(b'"') => break,
                Some(b'\\') => self.pos += 2,
                Some(b) if *b < 0x20 => return self.err("control character in a string"),
                Some(_) => self.pos += 1,
            }
        }
        self.pos = self.pos.min(self.text.len());
        let literal = &self.text[start..=self.pos.min(self.text.len() - 1)];
        match serde_json::from_str::<String>(literal) {
            Ok(s) => {
                self.pos += 1;
                Ok(s)
            }
            Err(e) => {
                self.pos = start;
                self.err(format!("invalid string: {e}"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(node: &Node) -> Vec<(String, u32, u32)> {
        match &node.value {
            Value::Map(entries) => entries
                .iter()
                .map(|(k, _)| (k.name.clone(), k.pos.line, k.pos.column))
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn keys_keep_their_positions_in_every_format() {
        let yaml = parse("arch: amd64\nspecialize:\n  X: 1\n", Format::Yaml).unwrap();
        assert_eq!(
            keys(&yaml),
            [("arch".into(), 1, 1), ("specialize".into(), 2, 1)]
        );
        let toml = parse("arch = \"amd64\"\n[specialize]\nX = 1\n", Format::Toml).unwrap();
        assert_eq!(
            keys(&toml),
            [("arch".into(), 1, 1), ("specialize".into(), 2, 2)]
        );
        let json = parse(
            "{\n  \"arch\": \"amd64\",\n  \"s\": {\"X\": [1, true, null, 1.5, \"\\u00e9\"]}\n}",
            Format::Json,
        )
        .unwrap();
        assert_eq!(keys(&json), [("arch".into(), 2, 3), ("s".into(), 3, 3)]);
        let Value::Map(m) = &json.value else { panic!() };
        let Value::Map(inner) = &m[1].1.value else {
            panic!()
        };
        assert_eq!(
            inner[0].1.value,
            Value::Seq(vec![
                Node {
                    pos: LineCol {
                        line: 3,
                        column: 15
                    },
                    value: Value::Int(1)
                },
                Node {
                    pos: LineCol {
                        line: 3,
                        column: 18
                    },
                    value: Value::Bool(true)
                },
                Node {
                    pos: LineCol {
                        line: 3,
                        column: 24
                    },
                    value: Value::Null
                },
                Node {
                    pos: LineCol {
                        line: 3,
                        column: 30
                    },
                    value: Value::Float(1.5)
                },
                Node {
                    pos: LineCol {
                        line: 3,
                        column: 35
                    },
                    value: Value::Str("é".into())
                },
            ])
        );
    }

    #[test]
    fn json_syntax_errors_have_positions_and_never_panic() {
        for bad in [
            "{",
            "{\"a\" 1}",
            "[1,]",
            "\"abc",
            "{\"a\":1} x",
            "\"\\",
            "-",
            "[",
            "\"\\u12\"",
        ] {
            let e = parse(bad, Format::Json).unwrap_err();
            assert_eq!(e.kind, SpecErrorKind::Syntax, "{bad}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(
            parse(&deep, Format::Json)
                .unwrap_err()
                .message
                .contains("deeper")
        );
    }
}
