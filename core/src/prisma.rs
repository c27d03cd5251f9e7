//! Prisma schema text (`schema.prisma`, or a folder of `.prisma` files) →
//! schema model: the tables `prisma migrate` would create from it (DESIGN §6,
//! "Prisma schema → tables"), so a schema file can be compared with a
//! replayed migration history.
//!
//! The result follows the model's invariants and reproduces what replay of
//! Prisma's own SQL gives: default types per scalar (`String` = `text` /
//! `varchar(191)`), `@db.*` native types, Prisma's default names
//! (`{table}_pkey`, `{table}_{cols}_key|_idx|_fkey`, truncated the way the
//! Prisma schema engine truncates them), unique keys as unique *indexes*
//! (Prisma writes `CREATE UNIQUE INDEX` on Postgres and `UNIQUE INDEX` on
//! MySQL), scalar lists as nullable arrays, implicit many-to-many tables,
//! default referential actions, MySQL's implicit foreign-key indexes, and
//! defaults rendered as the SQL Prisma would write, then normalised.
//!
//! Pure and total: any text gives `Ok` or a [`PrismaError`] with path, line
//! and column; nothing panics. What the model cannot hold (views, composite
//! types, client-side-only or unknown attributes, index prefix lengths, …)
//! is listed in [`PrismaResult::not_modelled`] with its location, never
//! dropped silently.

use crate::schema::normalize::{normalize_action, normalize_expr, normalize_type};
use crate::schema::{self, Column, Enum, ForeignKey, Identity, Index, IndexColumn, PrimaryKey, Schema, Table};
use crate::Dialect;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A schema file that could not be read, with the position of the problem.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PrismaError {
    pub message: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for PrismaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

impl std::error::Error for PrismaError {}

/// Something in the schema that has no place in the model.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotModelled {
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// `view`, `composite type`, `attribute`, `default`, `index argument`, `native type`, …
    pub kind: String,
    /// `Model`, `Model.field` or `Enum`.
    pub name: String,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrismaResult {
    pub schema: Schema,
    /// The datasource's provider.
    pub provider: Dialect,
    pub not_modelled: Vec<NotModelled>,
}

/// Read a Prisma schema given as one or more files (`(path, text)`); exactly
/// one of them holds the `datasource` block.
pub fn parse_schema(files: &[(&str, &str)]) -> Result<PrismaResult, PrismaError> {
    let mut blocks = Vec::new();
    for (i, (path, text)) in files.iter().enumerate() {
        let tokens = lex(text, i, path)?;
        let mut p = Parser { toks: &tokens, i: 0, path };
        blocks.extend(p.blocks()?);
    }
    let paths: Vec<&str> = files.iter().map(|(p, _)| *p).collect();
    Builder::new(&paths, &blocks)?.build()
}

// ---------------------------------------------------------------------------
// Lexer

#[derive(Clone, Copy, Debug, PartialEq)]
struct Pos {
    file: usize,
    line: usize,
    column: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Num(String),
    Punct(char),
    /// `@@`
    BlockAt,
    Newline,
    Eof,
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    pos: Pos,
}

fn lex(text: &str, file: usize, path: &str) -> Result<Vec<Token>, PrismaError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut line, mut col) = (1usize, 1usize);
    let mut i = 0;
    let err = |msg: String, line: usize, column: usize| PrismaError { message: msg, path: path.to_string(), line, column };
    while i < chars.len() {
        let c = chars[i];
        let pos = Pos { file, line, column: col };
        let start = i;
        match c {
            '\n' => {
                out.push(Token { tok: Tok::Newline, pos });
                i += 1;
                line += 1;
                col = 1;
                continue;
            }
            c if c.is_whitespace() || c == '\u{feff}' => i += 1,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None | Some('\n') => return Err(err("unterminated string literal".into(), pos.line, pos.column)),
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some('\\') => {
                            let e = chars.get(i + 1).copied();
                            match e {
                                Some('n') => s.push('\n'),
                                Some('t') => s.push('\t'),
                                Some('r') => s.push('\r'),
                                Some('0') => s.push('\0'),
                                Some(x @ ('"' | '\\' | '\'')) => s.push(x),
                                Some(x) if x != '\n' => {
                                    s.push('\\');
                                    s.push(x);
                                }
                                _ => return Err(err("unterminated string literal".into(), pos.line, pos.column)),
                            }
                            i += 2;
                        }
                        Some(&x) => {
                            s.push(x);
                            i += 1;
                        }
                    }
                }
                out.push(Token { tok: Tok::Str(s), pos });
            }
            c if c.is_ascii_digit() || (c == '-' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) => {
                i += 1;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || ((chars[i] == '-' || chars[i] == '+') && matches!(chars[i - 1], 'e' | 'E'))) {
                    i += 1;
                }
                out.push(Token { tok: Tok::Num(chars[start..i].iter().collect()), pos });
            }
            c if c.is_alphabetic() || c == '_' => {
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '-') {
                    i += 1;
                }
                out.push(Token { tok: Tok::Ident(chars[start..i].iter().collect()), pos });
            }
            '@' if chars.get(i + 1) == Some(&'@') => {
                out.push(Token { tok: Tok::BlockAt, pos });
                i += 2;
            }
            '{' | '}' | '(' | ')' | '[' | ']' | ',' | ':' | '=' | '?' | '!' | '.' | '@' => {
                out.push(Token { tok: Tok::Punct(c), pos });
                i += 1;
            }
            other => return Err(err(format!("unexpected character {other:?}"), line, col)),
        }
        col += i - start;
    }
    out.push(Token { tok: Tok::Eof, pos: Pos { file, line, column: col } });
    Ok(out)
}

// ---------------------------------------------------------------------------
// Syntax tree and parser

#[derive(Clone, Debug)]
enum ExprKind {
    Str(String),
    Num(String),
    /// An identifier or dotted path: `Cascade`, `true`, `USER`, `db.VarChar`.
    Path(String),
    Call(String, Vec<Arg>),
    Array(Vec<Expr>),
}

#[derive(Clone, Debug)]
struct Expr {
    kind: ExprKind,
    pos: Pos,
}

#[derive(Clone, Debug)]
struct Arg {
    name: Option<String>,
    value: Expr,
}

/// `@name(args)` or `@@name(args)`; `name` without the at signs.
#[derive(Clone, Debug)]
struct Attribute {
    name: String,
    args: Vec<Arg>,
    pos: Pos,
}

impl Attribute {
    /// The argument called `name`, or else the `position`-th unnamed one.
    fn arg(&self, name: &str, position: Option<usize>) -> Option<&Expr> {
        if let Some(a) = self.args.iter().find(|a| a.name.as_deref() == Some(name)) {
            return Some(&a.value);
        }
        position.and_then(|p| self.args.iter().filter(|a| a.name.is_none()).nth(p)).map(|a| &a.value)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Arity {
    Required,
    Optional,
    List,
}

#[derive(Clone, Debug)]
struct Field {
    name: String,
    /// The type name; `Unsupported` for `Unsupported("…")`.
    ty: String,
    /// The database type text of `Unsupported("…")`.
    unsupported: Option<String>,
    arity: Arity,
    attrs: Vec<Attribute>,
    pos: Pos,
    ty_pos: Pos,
}

impl Field {
    fn attr(&self, name: &str) -> Option<&Attribute> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

#[derive(Clone, Debug)]
struct EnumValue {
    name: String,
    attrs: Vec<Attribute>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum BlockKind {
    Datasource,
    Generator,
    Model,
    View,
    Enum,
    Type,
}

#[derive(Clone, Debug)]
struct Block {
    kind: BlockKind,
    name: String,
    pos: Pos,
    fields: Vec<Field>,
    values: Vec<EnumValue>,
    attrs: Vec<Attribute>,
    properties: Vec<(String, Expr)>,
}

impl Block {
    fn attr(&self, name: &str) -> Option<&Attribute> {
        self.attrs.iter().find(|a| a.name == name)
    }
    fn property(&self, name: &str) -> Option<&Expr> {
        self.properties.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

struct Parser<'a> {
    toks: &'a [Token],
    i: usize,
    path: &'a str,
}

type PResult<T> = Result<T, PrismaError>;

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        self.toks.get(self.i).map_or(&Tok::Eof, |t| &t.tok)
    }
    fn peek_at(&self, n: usize) -> &Tok {
        self.toks.get(self.i + n).map_or(&Tok::Eof, |t| &t.tok)
    }
    fn pos(&self) -> Pos {
        self.toks.get(self.i).or(self.toks.last()).map_or(Pos { file: 0, line: 1, column: 1 }, |t| t.pos)
    }
    fn error_at(&self, pos: Pos, message: String) -> PrismaError {
        PrismaError { message, path: self.path.to_string(), line: pos.line, column: pos.column }
    }
    fn unexpected(&self, expected: &str) -> PrismaError {
        let found = match self.peek() {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Str(s) => format!("string \"{s}\""),
            Tok::Num(n) => format!("number {n}"),
            Tok::Punct(c) => format!("`{c}`"),
            Tok::BlockAt => "`@@`".into(),
            Tok::Newline => "end of line".into(),
            Tok::Eof => "end of file".into(),
        };
        self.error_at(self.pos(), format!("expected {expected}, found {found}"))
    }
    fn is_punct(&self, c: char) -> bool {
        *self.peek() == Tok::Punct(c)
    }
    fn eat_punct(&mut self, c: char) -> bool {
        if self.is_punct(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expect_punct(&mut self, c: char) -> PResult<()> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            Err(self.unexpected(&format!("`{c}`")))
        }
    }
    fn ident(&mut self, what: &str) -> PResult<String> {
        match self.peek().clone() {
            Tok::Ident(s) => {
                self.i += 1;
                Ok(s)
            }
            _ => Err(self.unexpected(what)),
        }
    }
    fn skip_newlines(&mut self) {
        while *self.peek() == Tok::Newline {
            self.i += 1;
        }
    }
    /// A line ends at a newline, or at the block's closing brace.
    fn end_of_line(&mut self) -> PResult<()> {
        match self.peek() {
            Tok::Newline => {
                self.i += 1;
                Ok(())
            }
            Tok::Punct('}') | Tok::Eof => Ok(()),
            _ => Err(self.unexpected("end of line")),
        }
    }

    fn blocks(&mut self) -> PResult<Vec<Block>> {
        let mut out = Vec::new();
        loop {
            self.skip_newlines();
            if *self.peek() == Tok::Eof {
                return Ok(out);
            }
            out.push(self.block()?);
        }
    }

    fn block(&mut self) -> PResult<Block> {
        let pos = self.pos();
        let keyword = self.ident("a block (`model`, `enum`, `view`, `type`, `datasource` or `generator`)")?;
        let kind = match keyword.as_str() {
            "datasource" => BlockKind::Datasource,
            "generator" => BlockKind::Generator,
            "model" => BlockKind::Model,
            "view" => BlockKind::View,
            "enum" => BlockKind::Enum,
            "type" => BlockKind::Type,
            other => return Err(self.error_at(pos, format!("unknown block type `{other}` (expected `model`, `enum`, `view`, `type`, `datasource` or `generator`)"))),
        };
        let name = self.ident("a name")?;
        self.expect_punct('{')?;
        let mut block = Block { kind, name, pos, fields: Vec::new(), values: Vec::new(), attrs: Vec::new(), properties: Vec::new() };
        loop {
            self.skip_newlines();
            match self.peek() {
                Tok::Punct('}') => {
                    self.i += 1;
                    break;
                }
                Tok::Eof => return Err(self.unexpected("`}` closing the block")),
                Tok::BlockAt if matches!(kind, BlockKind::Model | BlockKind::View | BlockKind::Enum | BlockKind::Type) => {
                    self.i += 1;
                    let a = self.attribute_body(self.pos())?;
                    block.attrs.push(a);
                    self.end_of_line()?;
                }
                Tok::Ident(_) => match kind {
                    BlockKind::Datasource | BlockKind::Generator => {
                        let key = self.ident("a property name")?;
                        self.expect_punct('=')?;
                        let value = self.expr()?;
                        block.properties.push((key, value));
                        self.end_of_line()?;
                    }
                    BlockKind::Enum => {
                        let name = self.ident("an enum value")?;
                        let attrs = self.field_attributes()?;
                        block.values.push(EnumValue { name, attrs });
                        self.end_of_line()?;
                    }
                    _ => {
                        let f = self.field()?;
                        block.fields.push(f);
                        self.end_of_line()?;
                    }
                },
                _ => return Err(self.unexpected("a field, an attribute or `}`")),
            }
        }
        Ok(block)
    }

    fn field(&mut self) -> PResult<Field> {
        let pos = self.pos();
        let name = self.ident("a field name")?;
        let ty_pos = self.pos();
        let ty = self.ident("a field type")?;
        let mut unsupported = None;
        if ty == "Unsupported" {
            self.expect_punct('(')?;
            match self.peek().clone() {
                Tok::Str(s) => {
                    self.i += 1;
                    unsupported = Some(s);
                }
                _ => return Err(self.unexpected("the database type as a string, as in Unsupported(\"tsvector\")")),
            }
            self.expect_punct(')')?;
        }
        let arity = if self.eat_punct('?') {
            Arity::Optional
        } else if self.is_punct('[') {
            self.i += 1;
            self.expect_punct(']')?;
            if self.is_punct('?') {
                return Err(self.unexpected("no `?` after `[]` (lists cannot be optional)"));
            }
            Arity::List
        } else {
            Arity::Required
        };
        if self.is_punct('!') {
            return Err(self.unexpected("an attribute or end of line"));
        }
        let attrs = self.field_attributes()?;
        Ok(Field { name, ty, unsupported, arity, attrs, pos, ty_pos })
    }

    fn field_attributes(&mut self) -> PResult<Vec<Attribute>> {
        let mut out = Vec::new();
        while self.is_punct('@') {
            let pos = self.pos();
            self.i += 1;
            out.push(self.attribute_body(pos)?);
        }
        Ok(out)
    }

    /// After `@` / `@@`: a dotted name and optional arguments.
    fn attribute_body(&mut self, pos: Pos) -> PResult<Attribute> {
        let mut name = self.ident("an attribute name")?;
        while self.is_punct('.') {
            self.i += 1;
            name.push('.');
            name.push_str(&self.ident("an attribute name")?);
        }
        let args = if self.is_punct('(') { self.args()? } else { Vec::new() };
        Ok(Attribute { name, args, pos })
    }

    /// `( [name:] expr, … )`, newlines allowed inside.
    fn args(&mut self) -> PResult<Vec<Arg>> {
        self.expect_punct('(')?;
        let mut out = Vec::new();
        loop {
            self.skip_newlines();
            if self.eat_punct(')') {
                return Ok(out);
            }
            let name = match (self.peek(), self.peek_at(1)) {
                (Tok::Ident(n), Tok::Punct(':')) => {
                    let n = n.clone();
                    self.i += 2;
                    self.skip_newlines();
                    Some(n)
                }
                _ => None,
            };
            let value = self.expr()?;
            out.push(Arg { name, value });
            self.skip_newlines();
            if !self.eat_punct(',') && !self.is_punct(')') {
                return Err(self.unexpected("`,` or `)`"));
            }
        }
    }

    fn expr(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Str(s) => {
                self.i += 1;
                ExprKind::Str(s)
            }
            Tok::Num(n) => {
                self.i += 1;
                ExprKind::Num(n)
            }
            Tok::Punct('[') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_newlines();
                    if self.eat_punct(']') {
                        break;
                    }
                    items.push(self.expr()?);
                    self.skip_newlines();
                    if !self.eat_punct(',') && !self.is_punct(']') {
                        return Err(self.unexpected("`,` or `]`"));
                    }
                }
                ExprKind::Array(items)
            }
            Tok::Ident(first) => {
                self.i += 1;
                let mut path = first;
                while self.is_punct('.') && matches!(self.peek_at(1), Tok::Ident(_)) {
                    self.i += 1;
                    path.push('.');
                    path.push_str(&self.ident("a name")?);
                }
                if self.is_punct('(') {
                    ExprKind::Call(path, self.args()?)
                } else {
                    ExprKind::Path(path)
                }
            }
            _ => return Err(self.unexpected("a value")),
        };
        Ok(Expr { kind, pos })
    }
}

// ---------------------------------------------------------------------------
// Model building

const SCALARS: &[&str] = &["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Bytes", "Json"];

const PG_NATIVE: &[&str] = &[
    "SmallInt", "Integer", "BigInt", "Decimal", "Money", "Inet", "Oid", "Citext", "Real", "DoublePrecision", "VarChar", "Char", "Text", "ByteA",
    "Timestamp", "Timestamptz", "Date", "Time", "Timetz", "Boolean", "Bit", "VarBit", "Uuid", "Xml", "Json", "JsonB",
];

const MYSQL_NATIVE: &[&str] = &[
    "Int", "UnsignedInt", "SmallInt", "UnsignedSmallInt", "MediumInt", "UnsignedMediumInt", "TinyInt", "UnsignedTinyInt", "BigInt", "UnsignedBigInt",
    "Year", "Decimal", "Float", "Double", "Bit", "Char", "VarChar", "TinyText", "Text", "MediumText", "LongText", "Binary", "VarBinary", "TinyBlob",
    "Blob", "MediumBlob", "LongBlob", "Date", "Time", "DateTime", "Timestamp", "Json",
];

const KNOWN_FIELD_ATTRS: &[&str] = &["id", "default", "unique", "map", "relation", "updatedAt", "ignore", "shardKey"];

/// Where a model ended up: its table and the column of each scalar field.
#[derive(Clone, Debug, Default)]
struct ModelInfo {
    schema: String,
    table: String,
    key: String,
    /// Field name → column name, for fields that are columns.
    columns: BTreeMap<String, String>,
}

struct Builder<'a> {
    paths: &'a [&'a str],
    blocks: &'a [Block],
    dialect: Dialect,
    /// `relationMode = "prisma"`: no foreign keys in the database.
    emulated_relations: bool,
    schema: Schema,
    not_modelled: Vec<NotModelled>,
    models: BTreeMap<&'a str, &'a Block>,
    enums: BTreeMap<&'a str, &'a Block>,
    composite_types: BTreeSet<&'a str>,
    views: BTreeSet<&'a str>,
    info: BTreeMap<&'a str, ModelInfo>,
}

impl<'a> Builder<'a> {
    fn new(paths: &'a [&'a str], blocks: &'a [Block]) -> PResult<Self> {
        let error_at = |pos: Pos, message: String| PrismaError { message, path: paths.get(pos.file).unwrap_or(&"").to_string(), line: pos.line, column: pos.column };
        let datasources: Vec<&Block> = blocks.iter().filter(|b| b.kind == BlockKind::Datasource).collect();
        let ds = match datasources.as_slice() {
            [] => {
                return Err(PrismaError { message: "no `datasource` block: the provider (postgresql or mysql) is unknown".into(), path: paths.first().unwrap_or(&"").to_string(), line: 1, column: 1 })
            }
            [one] => *one,
            [_, second, ..] => return Err(error_at(second.pos, "more than one `datasource` block".into())),
        };
        let provider = match ds.property("provider") {
            Some(Expr { kind: ExprKind::Str(s), .. }) => s.clone(),
            Some(e) => return Err(error_at(e.pos, "the datasource provider must be a string, as in provider = \"postgresql\"".into())),
            None => return Err(error_at(ds.pos, "the datasource has no `provider`".into())),
        };
        let dialect = match provider.as_str() {
            "postgresql" | "postgres" => Dialect::Postgres,
            "mysql" => Dialect::Mysql,
            other => {
                let pos = ds.property("provider").map_or(ds.pos, |e| e.pos);
                return Err(error_at(pos, format!("provider \"{other}\" is not supported (postgresql and mysql are)")));
            }
        };
        let emulated_relations = ["relationMode", "referentialIntegrity"]
            .iter()
            .any(|k| matches!(ds.property(k), Some(Expr { kind: ExprKind::Str(s), .. }) if s == "prisma"));
        let mut b = Builder {
            paths,
            blocks,
            dialect,
            emulated_relations,
            schema: Schema::new(dialect),
            not_modelled: Vec::new(),
            models: BTreeMap::new(),
            enums: BTreeMap::new(),
            composite_types: BTreeSet::new(),
            views: BTreeSet::new(),
            info: BTreeMap::new(),
        };
        let mut names: BTreeMap<&str, Pos> = BTreeMap::new();
        for blk in blocks.iter().filter(|x| matches!(x.kind, BlockKind::Model | BlockKind::View | BlockKind::Enum | BlockKind::Type)) {
            if names.insert(&blk.name, blk.pos).is_some() {
                return Err(error_at(blk.pos, format!("`{}` is defined more than once", blk.name)));
            }
            match blk.kind {
                BlockKind::Model => {
                    b.models.insert(&blk.name, blk);
                }
                BlockKind::Enum => {
                    b.enums.insert(&blk.name, blk);
                }
                BlockKind::Type => {
                    b.composite_types.insert(&blk.name);
                }
                BlockKind::View => {
                    b.views.insert(&blk.name);
                }
                _ => {}
            }
        }
        // Datasource: schemas and extensions.
        if dialect == Dialect::Postgres {
            if let Some(Expr { kind: ExprKind::Array(items), .. }) = ds.property("schemas") {
                for it in items {
                    if let ExprKind::Str(s) = &it.kind {
                        if s != "public" {
                            b.schema.schemas.insert(s.clone());
                        }
                    }
                }
            }
            if let Some(Expr { kind: ExprKind::Array(items), .. }) = ds.property("extensions") {
                for it in items {
                    let name = match &it.kind {
                        ExprKind::Path(p) => Some(p.clone()),
                        ExprKind::Call(p, args) => Some(
                            args.iter()
                                .find(|a| a.name.as_deref() == Some("map"))
                                .and_then(|a| if let ExprKind::Str(s) = &a.value.kind { Some(s.clone()) } else { None })
                                .unwrap_or_else(|| p.clone()),
                        ),
                        ExprKind::Str(s) => Some(s.clone()),
                        _ => None,
                    };
                    if let Some(n) = name {
                        b.schema.extensions.insert(n);
                    }
                }
            }
        }
        Ok(b)
    }

    fn error_at(&self, pos: Pos, message: String) -> PrismaError {
        PrismaError { message, path: self.paths.get(pos.file).unwrap_or(&"").to_string(), line: pos.line, column: pos.column }
    }

    fn note(&mut self, pos: Pos, kind: &str, name: String, reason: String) {
        self.not_modelled.push(NotModelled {
            path: self.paths.get(pos.file).unwrap_or(&"").to_string(),
            line: pos.line,
            column: pos.column,
            kind: kind.to_string(),
            name,
            reason,
        });
    }

    fn build(mut self) -> PResult<PrismaResult> {
        for blk in self.blocks {
            match blk.kind {
                BlockKind::View => self.note(
                    blk.pos,
                    "view",
                    blk.name.clone(),
                    "Prisma views are not created by migrations and schema.prisma does not hold their SQL".into(),
                ),
                BlockKind::Type => self.note(blk.pos, "composite type", blk.name.clone(), "composite types exist only on MongoDB".into()),
                _ => {}
            }
        }
        let enums: Vec<&Block> = self.enums.values().copied().collect();
        for e in enums {
            self.enum_block(e)?;
        }
        let models: Vec<&Block> = self.models.values().copied().collect();
        for m in &models {
            let info = self.model_info(m)?;
            self.info.insert(&m.name, info);
        }
        for m in &models {
            let table = self.table(m)?;
            self.schema.tables.insert(self.info[m.name.as_str()].key.clone(), table);
        }
        let mut join_tables = BTreeSet::new();
        for m in &models {
            self.relations(m, &mut join_tables)?;
        }
        self.schema.canonicalize();
        // Document order: file, then position.
        let paths = self.paths;
        let file_order = |p: &str| paths.iter().position(|x| *x == p).unwrap_or(usize::MAX);
        self.not_modelled.sort_by_key(|n| (file_order(&n.path), n.line, n.column));
        Ok(PrismaResult { schema: self.schema, provider: self.dialect, not_modelled: self.not_modelled })
    }

    fn default_schema(&self) -> String {
        self.dialect.default_schema().to_string()
    }

    /// `@@schema("x")` of a model or enum (Postgres only; MySQL has no schemas in the model).
    fn block_schema(&self, blk: &Block) -> PResult<String> {
        match blk.attr("schema") {
            Some(a) if self.dialect == Dialect::Postgres => Ok(str_arg(a, "name", 0).ok_or_else(|| self.error_at(a.pos, "@@schema needs the schema name as a string".into()))?),
            _ => Ok(self.default_schema()),
        }
    }

    fn mapped_name(&self, attrs: &[Attribute], default: &str) -> PResult<String> {
        match attrs.iter().find(|a| a.name == "map") {
            Some(a) => str_arg(a, "name", 0).ok_or_else(|| self.error_at(a.pos, "@map / @@map needs the database name as a string".into())),
            None => Ok(default.to_string()),
        }
    }

    fn enum_values(&self, e: &Block) -> PResult<Vec<String>> {
        e.values.iter().map(|v| self.mapped_name(&v.attrs, &v.name)).collect()
    }

    fn enum_block(&mut self, e: &Block) -> PResult<()> {
        for a in &e.attrs {
            if !["map", "schema"].contains(&a.name.as_str()) {
                self.note(a.pos, "attribute", e.name.clone(), format!("@@{} on an enum is not part of the schema model", a.name));
            }
        }
        for v in &e.values {
            for a in v.attrs.iter().filter(|a| a.name != "map") {
                self.note(a.pos, "attribute", format!("{}.{}", e.name, v.name), format!("@{} on an enum value is not part of the schema model", a.name));
            }
        }
        if self.dialect == Dialect::Mysql {
            // MySQL has no enum objects: each column gets an inline ENUM(…).
            return Ok(());
        }
        let sch = self.block_schema(e)?;
        let name = self.mapped_name(&e.attrs, &e.name)?;
        let values = self.enum_values(e)?;
        if sch != "public" {
            self.schema.schemas.insert(sch.clone());
        }
        self.schema.enums.insert(schema::key(self.dialect, &sch, &name), Enum { schema: sch, name, values });
        Ok(())
    }

    fn is_column(&self, f: &Field) -> bool {
        f.unsupported.is_some() || SCALARS.contains(&f.ty.as_str()) || self.enums.contains_key(f.ty.as_str())
    }

    fn model_info(&mut self, m: &Block) -> PResult<ModelInfo> {
        let schema = self.block_schema(m)?;
        if schema != "public" && self.dialect == Dialect::Postgres {
            self.schema.schemas.insert(schema.clone());
        }
        let table = self.mapped_name(&m.attrs, &m.name)?;
        let mut columns = BTreeMap::new();
        for f in &m.fields {
            if self.is_column(f) {
                columns.insert(f.name.clone(), self.mapped_name(&f.attrs, &f.name)?);
            } else if !self.models.contains_key(f.ty.as_str()) && !self.composite_types.contains(f.ty.as_str()) && !self.views.contains(f.ty.as_str()) {
                return Err(self.error_at(f.ty_pos, format!("type `{}` of field {}.{} is neither a scalar type, an enum nor a model", f.ty, m.name, f.name)));
            }
        }
        let key = schema::key(self.dialect, &schema, &table);
        Ok(ModelInfo { schema, table, key, columns })
    }

    /// Column names of `fields` (field names of model `model`), erroring at `pos`.
    fn columns_of(&self, model: &str, names: &[(String, Pos)]) -> PResult<Vec<String>> {
        let info = &self.info[model];
        names
            .iter()
            .map(|(n, pos)| info.columns.get(n).cloned().ok_or_else(|| self.error_at(*pos, format!("model {model} has no scalar field `{n}`"))))
            .collect()
    }

    fn table(&mut self, m: &'a Block) -> PResult<Table> {
        let info = self.info[m.name.as_str()].clone();
        let d = self.dialect;
        let mut table = Table { schema: info.schema.clone(), name: info.table.clone(), ..Default::default() };
        let mut pk: Option<PrimaryKey> = None;
        for f in &m.fields {
            let who = format!("{}.{}", m.name, f.name);
            for a in &f.attrs {
                if !KNOWN_FIELD_ATTRS.contains(&a.name.as_str()) && !a.name.starts_with("db.") {
                    self.note(a.pos, "attribute", who.clone(), format!("@{} is not part of the schema model", a.name));
                }
            }
            if !self.is_column(f) {
                if self.composite_types.contains(f.ty.as_str()) {
                    self.note(f.pos, "field", who, format!("composite type `{}` fields exist only on MongoDB", f.ty));
                }
                continue;
            }
            let column_name = info.columns[&f.name].clone();
            let column = self.column(m, f, &info.table, &column_name)?;
            table.columns.push(column);
            if let Some(a) = f.attr("id") {
                if pk.is_some() {
                    return Err(self.error_at(a.pos, format!("model {} has more than one @id field; use @@id([…]) for a composite key", m.name)));
                }
                self.sort_not_modelled(a, &who, "@id");
                let name = self.pk_name(a, &info.table)?;
                pk = Some(PrimaryKey { name: Some(name), columns: vec![column_name.clone()] });
            }
            if let Some(a) = f.attr("unique") {
                let map = self.map_arg(a)?;
                let descending = matches!(a.arg("sort", None), Some(Expr { kind: ExprKind::Path(s), .. }) if s == "Desc");
                if a.arg("length", None).is_some() {
                    self.note(a.pos, "index argument", who.clone(), "index key prefix length (`length:`) is not part of the schema model".into());
                }
                let name = map.unwrap_or_else(|| prisma_name(d, &format!("{}_{}", info.table, column_name), "_key"));
                table.indexes.push(Index {
                    name,
                    columns: vec![IndexColumn { name: column_name.clone(), expression: false, descending, opclass: None }],
                    unique: true,
                    method: None,
                    predicate: None,
                    implicit: false,
                });
            }
        }
        for a in &m.attrs {
            let who = m.name.clone();
            match a.name.as_str() {
                "id" => {
                    if pk.is_some() {
                        return Err(self.error_at(a.pos, format!("model {} has both @id and @@id", m.name)));
                    }
                    let elements = self.index_elements(m, a, &info.table)?;
                    if elements.iter().any(|c| c.descending) {
                        self.note(a.pos, "index argument", who.clone(), "sort order of primary key columns is not part of the schema model".into());
                    }
                    let name = self.pk_name(a, &info.table)?;
                    pk = Some(PrimaryKey { name: Some(name), columns: elements.into_iter().map(|c| c.name).collect() });
                }
                "unique" | "index" | "fulltext" => {
                    let elements = self.index_elements(m, a, &info.table)?;
                    let unique = a.name == "unique";
                    let map = self.map_arg(a)?;
                    // Prisma 2 spelled the database name of @@index `name:`.
                    let legacy_name = if a.name == "index" { str_arg(a, "name", None) } else { None };
                    let cols: Vec<&str> = elements.iter().map(|c| c.name.as_str()).collect();
                    let suffix = if unique { "_key" } else { "_idx" };
                    let name = map.or(legacy_name).unwrap_or_else(|| prisma_name(d, &format!("{}_{}", info.table, cols.join("_")), suffix));
                    let method = if a.name == "fulltext" {
                        Some("fulltext".to_string())
                    } else {
                        match a.arg("type", None) {
                            Some(Expr { kind: ExprKind::Path(t), .. }) => match t.to_ascii_lowercase().as_str() {
                                "btree" => None,
                                other => Some(other.to_string()),
                            },
                            Some(e) => return Err(self.error_at(e.pos, "index `type:` must be a name such as Gin, Hash, Gist, SpGist or Brin".into())),
                            None => None,
                        }
                    };
                    let predicate = match a.arg("where", None) {
                        Some(Expr { kind: ExprKind::Call(f, args), .. }) if f == "raw" => match args.first().map(|x| &x.value.kind) {
                            Some(ExprKind::Str(s)) => Some(normalize_expr(s, d, Some(&info.table))),
                            _ => None,
                        },
                        Some(e) => {
                            self.note(e.pos, "index argument", who.clone(), "only `where: raw(\"…\")` partial-index predicates are understood".into());
                            None
                        }
                        None => None,
                    };
                    table.indexes.push(Index { name, columns: elements, unique, method, predicate, implicit: false });
                }
                "map" | "schema" | "ignore" | "shardKey" => {}
                other => self.note(a.pos, "attribute", who, format!("@@{other} is not part of the schema model")),
            }
        }
        if let Some(pk) = &pk {
            for c in table.columns.iter_mut().filter(|c| pk.columns.contains(&c.name)) {
                c.nullable = false;
            }
        }
        table.primary_key = pk;
        Ok(table)
    }

    fn sort_not_modelled(&mut self, a: &Attribute, who: &str, what: &str) {
        if a.arg("sort", None).is_some() || a.arg("length", None).is_some() {
            self.note(a.pos, "index argument", who.to_string(), format!("sort order and prefix length of {what} columns are not part of the schema model"));
        }
    }

    fn map_arg(&self, a: &Attribute) -> PResult<Option<String>> {
        match a.arg("map", None) {
            None => Ok(None),
            Some(Expr { kind: ExprKind::Str(s), .. }) => Ok(Some(s.clone())),
            Some(e) => Err(self.error_at(e.pos, "`map:` needs the database name as a string".into())),
        }
    }

    fn pk_name(&self, a: &Attribute, table: &str) -> PResult<String> {
        Ok(match self.dialect {
            Dialect::Mysql => "PRIMARY".to_string(),
            Dialect::Postgres => self.map_arg(a)?.unwrap_or_else(|| prisma_name(self.dialect, table, "_pkey")),
        })
    }

    /// The `fields` list of @@id / @@unique / @@index / @@fulltext, with
    /// `sort:`, `ops:` and (listed, not modelled) `length:`.
    fn index_elements(&mut self, m: &Block, a: &Attribute, table: &str) -> PResult<Vec<IndexColumn>> {
        let Some(fields) = a.arg("fields", Some(0)) else {
            return Err(self.error_at(a.pos, format!("@@{} needs a list of fields", a.name)));
        };
        let ExprKind::Array(items) = &fields.kind else {
            return Err(self.error_at(fields.pos, format!("@@{} needs a list of fields, as in [a, b]", a.name)));
        };
        let mut out = Vec::new();
        for it in items {
            let (fname, args): (&str, &[Arg]) = match &it.kind {
                ExprKind::Path(p) => (p, &[]),
                ExprKind::Call(p, args) => (p, args),
                _ => return Err(self.error_at(it.pos, "expected a field name".into())),
            };
            let column = self.columns_of(&m.name, &[(fname.to_string(), it.pos)])?.remove(0);
            let mut col = IndexColumn { name: column, expression: false, descending: false, opclass: None };
            for arg in args {
                match (arg.name.as_deref(), &arg.value.kind) {
                    (Some("sort"), ExprKind::Path(s)) => col.descending = s == "Desc",
                    (Some("ops"), ExprKind::Path(s)) => col.opclass = Some(opclass_name(s)),
                    (Some("ops"), ExprKind::Call(f, raw)) if f == "raw" => {
                        if let Some(ExprKind::Str(s)) = raw.first().map(|x| &x.value.kind) {
                            col.opclass = Some(s.to_ascii_lowercase());
                        }
                    }
                    (Some("length"), _) => {
                        self.note(arg.value.pos, "index argument", format!("{}.{fname}", m.name), "index key prefix length (`length:`) is not part of the schema model".into())
                    }
                    _ => self.note(arg.value.pos, "index argument", format!("{}.{fname}", m.name), format!("index column argument in {table} is not understood")),
                }
            }
            out.push(col);
        }
        Ok(out)
    }

    /// One scalar field as a column: type, nullability, default, identity.
    fn column(&mut self, m: &Block, f: &Field, table: &str, column_name: &str) -> PResult<Column> {
        let d = self.dialect;
        let who = format!("{}.{}", m.name, f.name);
        let native = f.attrs.iter().find(|a| a.name.starts_with("db."));
        if f.arity == Arity::List && d == Dialect::Mysql {
            return Err(self.error_at(f.ty_pos, format!("field {who}: scalar lists are not supported on MySQL")));
        }
        let enum_block = self.enums.get(f.ty.as_str()).copied();
        // The type as Prisma renders it in its SQL.
        let mut type_text = if let Some(u) = &f.unsupported {
            u.clone()
        } else if let Some(e) = enum_block {
            match d {
                Dialect::Postgres => {
                    // Qualified only outside `public`, so a list default's
                    // cast reads like the type in an unqualified history.
                    let sch = self.block_schema(e)?;
                    let name = self.mapped_name(&e.attrs, &e.name)?;
                    if sch == "public" {
                        format!("\"{name}\"")
                    } else {
                        format!("\"{sch}\".\"{name}\"")
                    }
                }
                Dialect::Mysql => {
                    let vals: Vec<String> = self.enum_values(e)?.iter().map(|v| sql_string(v)).collect();
                    format!("ENUM({})", vals.join(", "))
                }
            }
        } else {
            match native {
                Some(a) => {
                    let name = &a.name[3..];
                    let args: Vec<String> = a
                        .args
                        .iter()
                        .map(|x| match &x.value.kind {
                            ExprKind::Num(n) => n.clone(),
                            ExprKind::Str(s) => s.clone(),
                            ExprKind::Path(p) => p.clone(),
                            _ => String::new(),
                        })
                        .collect();
                    let known = match d {
                        Dialect::Postgres => PG_NATIVE,
                        Dialect::Mysql => MYSQL_NATIVE,
                    };
                    if !known.contains(&name) {
                        self.note(a.pos, "native type", who.clone(), format!("@db.{name} is not a {} native type driftgate knows; its name is used as the type", d.name()));
                    }
                    native_type_sql(d, &f.ty, name, &args)
                }
                None => default_type_sql(d, &f.ty).to_string(),
            }
        };
        if f.arity == Arity::List {
            type_text.push_str("[]");
        }
        let data_type = normalize_type(&type_text, d).name;
        let mut nullable = match f.arity {
            Arity::Optional => true,
            // Prisma creates scalar lists without NOT NULL.
            Arity::List => true,
            Arity::Required => false,
        };
        let mut identity = None;
        let mut default = None;
        if let Some(a) = f.attr("default") {
            match a.arg("value", Some(0)) {
                None => return Err(self.error_at(a.pos, "@default needs a value".into())),
                Some(v) => match self.default_sql(v, f, enum_block, native, &type_text)? {
                    DefaultValue::None => {}
                    DefaultValue::AutoIncrement => {
                        identity = Some(match d {
                            Dialect::Postgres => Identity::Serial,
                            Dialect::Mysql => Identity::AutoIncrement,
                        });
                        nullable = false;
                    }
                    DefaultValue::Sql(sql) => {
                        let v = normalize_expr(&sql, d, Some(table));
                        if v != "null" {
                            default = Some(v);
                        }
                    }
                    DefaultValue::NotModelled(reason) => self.note(v.pos, "default", who.clone(), reason),
                },
            }
        }
        Ok(Column { name: column_name.to_string(), data_type, nullable, default, identity, generated: None })
    }

    fn default_sql(&self, v: &Expr, f: &Field, enum_block: Option<&Block>, native: Option<&Attribute>, type_text: &str) -> PResult<DefaultValue> {
        let d = self.dialect;
        Ok(match &v.kind {
            ExprKind::Call(name, args) => match name.as_str() {
                "autoincrement" => DefaultValue::AutoIncrement,
                "now" => match d {
                    Dialect::Postgres => DefaultValue::Sql("CURRENT_TIMESTAMP".into()),
                    Dialect::Mysql => {
                        let precision = match native {
                            None => Some("3".to_string()),
                            Some(a) => a.args.first().and_then(|x| if let ExprKind::Num(n) = &x.value.kind { Some(n.clone()) } else { None }),
                        };
                        DefaultValue::Sql(match precision {
                            Some(p) => format!("CURRENT_TIMESTAMP({p})"),
                            None => "CURRENT_TIMESTAMP".into(),
                        })
                    }
                },
                "dbgenerated" => match args.first().map(|a| &a.value.kind) {
                    Some(ExprKind::Str(s)) => DefaultValue::Sql(s.clone()),
                    None => DefaultValue::None,
                    Some(_) => return Err(self.error_at(v.pos, "dbgenerated() takes the SQL expression as a string".into())),
                },
                // Generated by Prisma Client, not by the database.
                "uuid" | "cuid" | "nanoid" | "ulid" => DefaultValue::None,
                other => DefaultValue::NotModelled(format!("@default({other}()) has no database default driftgate knows on {}", d.name())),
            },
            ExprKind::Array(items) => {
                if f.arity != Arity::List {
                    return Err(self.error_at(v.pos, format!("a list default on the non-list field {}", f.name)));
                }
                let mut parts = Vec::new();
                for it in items {
                    match self.scalar_default(it, f, enum_block)? {
                        Ok(s) => parts.push(s),
                        Err(reason) => return Ok(DefaultValue::NotModelled(reason)),
                    }
                }
                DefaultValue::Sql(format!("ARRAY[{}]::{type_text}", parts.join(", ")))
            }
            _ => match self.scalar_default(v, f, enum_block)? {
                Ok(s) => DefaultValue::Sql(s),
                Err(reason) => DefaultValue::NotModelled(reason),
            },
        })
    }

    /// A literal default as SQL; `Err(reason)` when it has no rendering here.
    fn scalar_default(&self, v: &Expr, f: &Field, enum_block: Option<&Block>) -> PResult<Result<String, String>> {
        Ok(match &v.kind {
            ExprKind::Str(s) if f.ty == "Bytes" => Err(format!("a Bytes default ({s:?}, base64) is not rendered")),
            ExprKind::Str(s) if f.ty == "DateTime" => Err(format!("a DateTime literal default ({s:?}) is rendered by Prisma in its own timestamp format, which is not reproduced")),
            ExprKind::Str(s) => Ok(sql_string(s)),
            ExprKind::Num(n) => Ok(n.clone()),
            ExprKind::Path(p) if (p == "true" || p == "false") && enum_block.is_none() => Ok(p.clone()),
            ExprKind::Path(p) => match enum_block {
                Some(e) => match e.values.iter().find(|x| &x.name == p) {
                    Some(val) => Ok(sql_string(&self.mapped_name(&val.attrs, &val.name)?)),
                    None => return Err(self.error_at(v.pos, format!("enum {} has no value {p}", e.name))),
                },
                None => Err(format!("default `{p}` is not a literal")),
            },
            _ => Err("this default is not a literal".into()),
        })
    }

    /// Foreign keys of model `m` and the implicit many-to-many tables its list fields imply.
    fn relations(&mut self, m: &'a Block, join_tables: &mut BTreeSet<String>) -> PResult<()> {
        for f in &m.fields {
            let Some(target) = self.models.get(f.ty.as_str()).copied() else { continue };
            let rel = f.attr("relation");
            let rel_name = rel.and_then(|a| str_arg(a, "name", 0));
            let has_fields = rel.is_some_and(|a| a.arg("fields", None).is_some());
            if has_fields {
                self.foreign_key(m, f, target, rel.expect("checked above"))?;
            } else if f.arity == Arity::List {
                // Implicit many-to-many: the other side is a list without `fields:` too.
                let back = target.fields.iter().find(|g| {
                    g.ty == m.name
                        && !std::ptr::eq(*g, f)
                        && g.arity == Arity::List
                        && g.attr("relation").and_then(|a| str_arg(a, "name", 0)) == rel_name
                        && g.attr("relation").is_none_or(|a| a.arg("fields", None).is_none())
                });
                if back.is_some() {
                    let (a, b) = if m.name <= target.name { (m, target) } else { (target, m) };
                    let relation = rel_name.unwrap_or_else(|| format!("{}To{}", a.name, b.name));
                    if join_tables.insert(relation.clone()) {
                        self.join_table(&relation, a, b, f.pos)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn foreign_key(&mut self, m: &Block, f: &Field, target: &Block, rel: &Attribute) -> PResult<()> {
        let d = self.dialect;
        let names = |e: Option<&Expr>, what: &str| -> PResult<Vec<(String, Pos)>> {
            match e {
                Some(Expr { kind: ExprKind::Array(items), .. }) => items
                    .iter()
                    .map(|it| match &it.kind {
                        ExprKind::Path(p) => Ok((p.clone(), it.pos)),
                        _ => Err(self.error_at(it.pos, format!("`{what}:` lists field names"))),
                    })
                    .collect(),
                Some(e) => Err(self.error_at(e.pos, format!("`{what}:` needs a list of fields"))),
                None => Err(self.error_at(rel.pos, format!("@relation with `fields:` needs `references:` too on {}.{}", m.name, f.name))),
            }
        };
        let fields = names(rel.arg("fields", None), "fields")?;
        let references = names(rel.arg("references", None), "references")?;
        if fields.len() != references.len() {
            return Err(self.error_at(rel.pos, format!("{}.{}: `fields:` and `references:` differ in length", m.name, f.name)));
        }
        let columns = self.columns_of(&m.name, &fields)?;
        let referenced_columns = self.columns_of(&target.name, &references)?;
        if self.emulated_relations {
            return Ok(());
        }
        let info = self.info[m.name.as_str()].clone();
        let tinfo = self.info[target.name.as_str()].clone();
        let all_nullable = {
            let t = &self.schema.tables[&info.key];
            columns.iter().all(|c| t.columns.iter().any(|x| &x.name == c && x.nullable))
        };
        let action = |e: Option<&Expr>| -> PResult<Option<&'static str>> {
            match e {
                None => Ok(None),
                Some(Expr { kind: ExprKind::Path(p), pos }) => Ok(Some(match p.as_str() {
                    "Cascade" => "CASCADE",
                    "Restrict" => "RESTRICT",
                    "NoAction" => "NO ACTION",
                    "SetNull" => "SET NULL",
                    "SetDefault" => "SET DEFAULT",
                    other => return Err(self.error_at(*pos, format!("unknown referential action `{other}`"))),
                })),
                Some(e) => Err(self.error_at(e.pos, "a referential action is one of Cascade, Restrict, NoAction, SetNull, SetDefault".into())),
            }
        };
        // Prisma's defaults: SetNull for an optional relation, Restrict for a required one; Cascade on update.
        let optional = f.arity == Arity::Optional || all_nullable;
        let on_delete = action(rel.arg("onDelete", None))?.unwrap_or(if optional { "SET NULL" } else { "RESTRICT" });
        let on_update = action(rel.arg("onUpdate", None))?.unwrap_or("CASCADE");
        let name = match self.map_arg(rel)? {
            Some(n) => n,
            None => prisma_name(d, &format!("{}_{}", info.table, columns.join("_")), "_fkey"),
        };
        let fk = ForeignKey {
            name,
            columns,
            referenced_schema: tinfo.schema.clone(),
            referenced_table: tinfo.table.clone(),
            referenced_columns,
            on_delete: normalize_action(Some(on_delete), d),
            on_update: normalize_action(Some(on_update), d),
        };
        let table = self.schema.tables.get_mut(&info.key).expect("every model has its table");
        add_foreign_key(table, fk, d);
        Ok(())
    }

    /// `_{relation}`: columns A and B typed like the primary keys they
    /// reference (A = the model whose name sorts first).
    fn join_table(&mut self, relation: &str, a: &Block, b: &Block, pos: Pos) -> PResult<()> {
        let d = self.dialect;
        let limit = d.max_identifier_bytes();
        let table_name = format!("_{relation}");
        let ainfo = self.info[a.name.as_str()].clone();
        let binfo = self.info[b.name.as_str()].clone();
        let pk_column = |info: &ModelInfo, model: &str| -> PResult<Column> {
            let t = &self.schema.tables[&info.key];
            match t.primary_key.as_ref().map(|pk| pk.columns.as_slice()) {
                Some([one]) => t.columns.iter().find(|c| &c.name == one).cloned().ok_or_else(|| self.error_at(pos, format!("model {model}: primary key column missing"))),
                _ => Err(self.error_at(pos, format!("implicit many-to-many relation {relation}: model {model} needs a single-field @id"))),
            }
        };
        let (pa, pb) = (pk_column(&ainfo, &a.name)?, pk_column(&binfo, &b.name)?);
        let col = |name: &str, like: &Column| Column { name: name.to_string(), data_type: like.data_type.clone(), nullable: false, default: None, identity: None, generated: None };
        let plain = |n: &str| IndexColumn { name: n.to_string(), expression: false, descending: false, opclass: None };
        let mut table = Table { schema: ainfo.schema.clone(), name: table_name.clone(), columns: vec![col("A", &pa), col("B", &pb)], ..Default::default() };
        match d {
            Dialect::Postgres => {
                table.primary_key = Some(PrimaryKey { name: Some(truncate_bytes(&format!("{table_name}_AB_pkey"), limit)), columns: vec!["A".into(), "B".into()] });
            }
            Dialect::Mysql => table.indexes.push(Index {
                name: truncate_bytes(&format!("{table_name}_AB_unique"), limit),
                columns: vec![plain("A"), plain("B")],
                unique: true,
                method: None,
                predicate: None,
                implicit: false,
            }),
        }
        table.indexes.push(Index { name: truncate_bytes(&format!("{table_name}_B_index"), limit), columns: vec![plain("B")], unique: false, method: None, predicate: None, implicit: false });
        if !self.emulated_relations {
            for (side, info, pk) in [("A", &ainfo, &pa), ("B", &binfo, &pb)] {
                let fk = ForeignKey {
                    name: truncate_bytes(&format!("{table_name}_{side}_fkey"), limit),
                    columns: vec![side.to_string()],
                    referenced_schema: info.schema.clone(),
                    referenced_table: info.table.clone(),
                    referenced_columns: vec![pk.name.clone()],
                    on_delete: normalize_action(Some("CASCADE"), d),
                    on_update: normalize_action(Some("CASCADE"), d),
                };
                add_foreign_key(&mut table, fk, d);
            }
        }
        let key = schema::key(d, &table.schema, &table.name);
        self.schema.tables.insert(key, table);
        Ok(())
    }
}

enum DefaultValue {
    None,
    AutoIncrement,
    Sql(String),
    NotModelled(String),
}

/// Add a foreign key; on MySQL, InnoDB creates an index named after the
/// constraint when no index (or the primary key) starts with its columns.
fn add_foreign_key(table: &mut Table, fk: ForeignKey, d: Dialect) {
    if d == Dialect::Mysql {
        let leads = |cols: &[String]| cols.len() >= fk.columns.len() && cols[..fk.columns.len()] == *fk.columns;
        let covered = table.primary_key.as_ref().is_some_and(|pk| leads(&pk.columns))
            || table.indexes.iter().any(|i| leads(&i.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>()));
        if !covered {
            table.indexes.push(Index {
                name: fk.name.clone(),
                columns: fk.columns.iter().map(|c| IndexColumn { name: c.clone(), expression: false, descending: false, opclass: None }).collect(),
                unique: false,
                method: None,
                predicate: None,
                implicit: true,
            });
        }
    }
    table.foreign_keys.push(fk);
}

/// A string argument by name or position.
fn str_arg(a: &Attribute, name: &str, position: impl Into<Option<usize>>) -> Option<String> {
    match a.arg(name, position.into()) {
        Some(Expr { kind: ExprKind::Str(s), .. }) => Some(s.clone()),
        _ => None,
    }
}

fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The SQL type Prisma writes for a scalar without `@db.*`.
fn default_type_sql(d: Dialect, scalar: &str) -> &'static str {
    match (d, scalar) {
        (Dialect::Postgres, "String") => "TEXT",
        (Dialect::Postgres, "Int") => "INTEGER",
        (Dialect::Postgres, "BigInt") => "BIGINT",
        (Dialect::Postgres, "Float") => "DOUBLE PRECISION",
        (Dialect::Postgres, "Decimal") => "DECIMAL(65,30)",
        (Dialect::Postgres, "Boolean") => "BOOLEAN",
        (Dialect::Postgres, "DateTime") => "TIMESTAMP(3)",
        (Dialect::Postgres, "Bytes") => "BYTEA",
        (Dialect::Postgres, "Json") => "JSONB",
        (Dialect::Mysql, "String") => "VARCHAR(191)",
        (Dialect::Mysql, "Int") => "INTEGER",
        (Dialect::Mysql, "BigInt") => "BIGINT",
        (Dialect::Mysql, "Float") => "DOUBLE",
        (Dialect::Mysql, "Decimal") => "DECIMAL(65,30)",
        (Dialect::Mysql, "Boolean") => "BOOLEAN",
        (Dialect::Mysql, "DateTime") => "DATETIME(3)",
        (Dialect::Mysql, "Bytes") => "LONGBLOB",
        (Dialect::Mysql, "Json") => "JSON",
        _ => "TEXT",
    }
}

/// The SQL type for `@db.Name(args)`.
fn native_type_sql(d: Dialect, scalar: &str, name: &str, args: &[String]) -> String {
    let with_args = |base: &str| if args.is_empty() { base.to_string() } else { format!("{base}({})", args.join(",")) };
    match (d, name) {
        (Dialect::Postgres, "DoublePrecision") => "DOUBLE PRECISION".into(),
        (Dialect::Mysql, "TinyInt") if scalar == "Boolean" => "TINYINT(1)".into(),
        (Dialect::Mysql, n) if n.starts_with("Unsigned") => format!("{} UNSIGNED", with_args(&n["Unsigned".len()..].to_ascii_uppercase())),
        (_, n) => with_args(&n.to_ascii_uppercase()),
    }
}

/// Prisma's `ops:` names (`JsonbPathOps`, `Int4MinMaxOps`) as Postgres
/// operator classes (`jsonb_path_ops`, `int4_minmax_ops`).
fn opclass_name(ops: &str) -> String {
    let mut s = ops.to_string();
    for (from, to) in [("MinMax", "Minmax"), ("TimestampTz", "Timestamptz"), ("TimeTz", "Timetz"), ("VarBit", "Varbit"), ("MacAddr", "Macaddr"), ("SpGist", "Spgist")] {
        s = s.replace(from, to);
    }
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Prisma's default constraint/index name: `{base}{suffix}`, where `base`
/// (`{table}_{cols}` or `{table}`) is cut at a char boundary so the whole
/// name fits the provider's identifier limit (63 bytes Postgres, 64 MySQL).
/// This is the schema engine's rule, not Postgres' `makeObjectName`.
fn prisma_name(d: Dialect, base: &str, suffix: &str) -> String {
    let limit = d.max_identifier_bytes();
    let cut = limit.saturating_sub(suffix.len());
    let mut out = if base.len() >= cut { truncate_bytes(base, cut) } else { base.to_string() };
    out.push_str(suffix);
    out
}

fn truncate_bytes(s: &str, max: usize) -> String {
    let mut n = s.len().min(max);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s[..n].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prisma_names_truncate_the_joined_base() {
        let table = "a".repeat(40);
        let n = prisma_name(Dialect::Postgres, &format!("{table}_{}", "b".repeat(40)), "_key");
        assert_eq!(n.len(), 63);
        assert_eq!(n, format!("{table}_{}_key", "b".repeat(18)));
        assert_eq!(prisma_name(Dialect::Mysql, &"x".repeat(70), "_fkey").len(), 64);
        assert_eq!(prisma_name(Dialect::Postgres, "User", "_pkey"), "User_pkey");
        // Cut on a char boundary.
        let n = prisma_name(Dialect::Postgres, &"é".repeat(40), "_idx");
        assert!(n.len() <= 63 && n.ends_with("_idx"));
    }

    #[test]
    fn opclass_names() {
        assert_eq!(opclass_name("JsonbPathOps"), "jsonb_path_ops");
        assert_eq!(opclass_name("Int4MinMaxOps"), "int4_minmax_ops");
        assert_eq!(opclass_name("TimestampTzMinMaxMultiOps"), "timestamptz_minmax_multi_ops");
        assert_eq!(opclass_name("ArrayOps"), "array_ops");
    }
}

/// Whether a normalised column type is one a Prisma field can have without
/// `Unsupported("…")` (a scalar, an `@db.*` type or an enum of `schema`).
pub fn is_prisma_native_type(data_type: &str, schema: &Schema) -> bool {
    let base = data_type.trim_end_matches("[]");
    let base = base.split('(').next().unwrap_or(base).trim();
    match schema.dialect {
        Dialect::Postgres => {
            const PG: &[&str] = &[
                "integer", "smallint", "bigint", "text", "varchar", "char", "boolean", "double precision", "real", "numeric",
                "timestamp", "timestamptz", "date", "time", "timetz", "bytea", "jsonb", "json", "uuid", "inet", "money",
                "oid", "citext", "xml", "bit", "varbit",
            ];
            PG.contains(&base) || schema.enums.values().any(|e| e.name == base || format!("{}.{}", e.schema, e.name) == base)
        }
        // MySQL's Prisma types cover its column types; Unsupported is rare there.
        Dialect::Mysql => true,
    }
}
