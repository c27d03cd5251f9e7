//! Helpers shared by the data-loss, rename, MySQL and style rules: where a
//! column's type is written in a statement, type families, name similarity,
//! the search path before each statement for file-level rules, and small text
//! utilities for help texts and fixes.

use crate::lint::{quote_ident, FileCx};
use crate::schema;
use crate::span::Span;
use crate::sql::ddl::{AlterAction, ColumnDef, Ddl, QName};
use crate::sql::lexer::{ident_value, TokenKind};
use crate::sql::Statement;
use crate::Dialect;

// ---------------------------------------------------------------- names

/// `schema.name` (Postgres) or `name` (MySQL) as written, quoted where needed.
pub fn qname(q: &QName, d: Dialect) -> String {
    match &q.schema {
        Some(s) => format!("{}.{}", quote_ident(s, d), quote_ident(&q.name, d)),
        None => quote_ident(&q.name, d),
    }
}

/// The model key of `q` when unqualified names resolve to `current_schema`.
pub fn key(d: Dialect, current_schema: &str, q: &QName) -> String {
    let s = match d {
        Dialect::Postgres => q.schema.as_deref().unwrap_or(current_schema),
        Dialect::Mysql => "",
    };
    schema::key(d, s, &q.name)
}

/// Whether [`key`]`(d, current_schema, q)` equals `k`, without building it.
pub fn has_key(d: Dialect, current_schema: &str, q: &QName, k: &str) -> bool {
    match d {
        Dialect::Postgres => {
            let s = q.schema.as_deref().unwrap_or(current_schema);
            k.len() == s.len() + 1 + q.name.len() && k.starts_with(s) && k.as_bytes()[s.len()] == b'.' && k.ends_with(q.name.as_str())
        }
        Dialect::Mysql => k == q.name,
    }
}

/// The type name a column of enum `name` in `schema` has in the model.
pub fn enum_type_ref(schema: &str, name: &str) -> String {
    if schema == "public" || schema.is_empty() {
        name.to_string()
    } else {
        format!("{schema}.{name}")
    }
}

/// A SQL string literal.
pub fn literal(v: &str) -> String {
    format!("'{}'", v.replace('\'', "''"))
}

/// `a, b and c` (at most `max` items, then `and N more`).
pub fn list(items: &[String], max: usize) -> String {
    let shown: Vec<&String> = items.iter().take(max).collect();
    let rest = items.len().saturating_sub(max);
    let mut s = String::new();
    for (i, it) in shown.iter().enumerate() {
        if i > 0 {
            s.push_str(if i + 1 == shown.len() && rest == 0 { " and " } else { ", " });
        }
        s.push_str(it);
    }
    if rest > 0 {
        s.push_str(&format!(" and {rest} more"));
    }
    s
}

// ---------------------------------------------------------------- walking a file

/// Calls `f` with every statement of the file and the schema unqualified
/// names resolve to just before it. (The engine has already replayed the
/// file; what the schema held before each `ALTER TABLE` is in
/// [`crate::lint::FileState::altered`] — no rule replays the file again.)
pub fn for_each_with_search_path<'a>(fx: &FileCx<'a>, mut f: impl FnMut(&'a Statement, &str)) {
    let mut current = fx.opts.dialect.default_schema().to_string();
    for stmt in &fx.file.statements {
        f(stmt, &current);
        if let Ddl::Set { name, value, .. } = &stmt.ddl {
            if name == "search_path" {
                if let Some(first) = value.split(',').next() {
                    let v = crate::sql::lexer::unquote(first.trim());
                    if !v.is_empty() && v != "$user" {
                        current = v;
                    }
                }
            }
        }
    }
}

/// Whether a statement changes the schema (what MySQL commits implicitly).
pub fn is_ddl(ddl: &Ddl) -> bool {
    match ddl {
        Ddl::CreateTable { temporary, .. } => !temporary,
        Ddl::Dml { .. } | Ddl::Transaction { .. } | Ddl::Set { .. } | Ddl::Do | Ddl::Unclassified => false,
        Ddl::Other { verb, .. } => matches!(verb.as_str(), "create" | "alter" | "drop" | "rename"),
        _ => true,
    }
}

// ---------------------------------------------------------------- where types are written

/// Where a column definition's type is written: the tokens after its name.
pub fn column_type_span(src: &str, stmt: &Statement, col: &ColumnDef) -> Option<Span> {
    let ty = col.type_text.as_str();
    if ty.is_empty() {
        return None;
    }
    let mut inside = stmt.tokens.iter().filter(|t| t.start >= col.span.start && t.end <= col.span.end);
    inside.next()?; // the column name
    let first = inside.next()?;
    let span = Span::new(first.start, first.start + ty.len());
    (src.get(span.start..span.end) == Some(ty)).then_some(span)
}

/// Where `ALTER COLUMN column [SET DATA] TYPE type_text` writes its type.
pub fn alter_type_span(src: &str, stmt: &Statement, column: &str, type_text: &str, d: Dialect) -> Option<Span> {
    let toks = &stmt.tokens;
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent) || ident_value(src, t, d) != column {
            continue;
        }
        let after_alter = i >= 1 && (toks[i - 1].is_word(src, "alter") || toks[i - 1].is_word(src, "column"));
        if !after_alter {
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && (toks[j].is_word(src, "set") || toks[j].is_word(src, "data")) {
            j += 1;
        }
        if !toks.get(j).is_some_and(|t| t.is_word(src, "type")) {
            continue;
        }
        let first = toks.get(j + 1)?;
        let span = Span::new(first.start, first.start + type_text.len());
        if src.get(span.start..span.end) == Some(type_text) {
            return Some(span);
        }
    }
    None
}

/// A column type written by a statement: new columns and type changes.
pub struct WrittenType<'a> {
    pub table: &'a QName,
    pub column: &'a str,
    pub type_text: &'a str,
    /// Where the type is written, when it could be located exactly.
    pub type_span: Option<Span>,
    /// The column definition (or the ALTER COLUMN action's statement).
    pub span: Span,
    /// The definition, for CREATE TABLE / ADD / MODIFY / CHANGE.
    pub def: Option<&'a ColumnDef>,
    /// Part of a CREATE TABLE.
    pub in_create: bool,
}

/// Every column type a statement writes (temporary tables excluded).
pub fn written_types<'a>(src: &str, stmt: &'a Statement, d: Dialect) -> Vec<WrittenType<'a>> {
    let mut out = Vec::new();
    let from_def = |table: &'a QName, c: &'a ColumnDef, in_create: bool| WrittenType {
        table,
        column: &c.name,
        type_text: &c.type_text,
        type_span: column_type_span(src, stmt, c),
        span: c.span,
        def: Some(c),
        in_create,
    };
    match &stmt.ddl {
        Ddl::CreateTable { name, columns, temporary: false, .. } => {
            out.extend(columns.iter().map(|c| from_def(name, c, true)));
        }
        Ddl::AlterTable { name, actions, .. } => {
            for a in actions {
                match a {
                    AlterAction::AddColumn { column, .. } | AlterAction::ModifyColumn { column } | AlterAction::ChangeColumn { column, .. } => {
                        out.push(from_def(name, column, false))
                    }
                    AlterAction::AlterColumnType { column, type_text, .. } => {
                        let type_span = alter_type_span(src, stmt, column, type_text, d);
                        out.push(WrittenType { table: name, column, type_text, type_span, span: stmt.body, def: None, in_create: false });
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

/// `replacement` in the letter case of `written` (all upper case when the
/// written text has no lower-case letter).
pub fn in_case_of(written: &str, replacement: &str) -> String {
    if written.chars().any(|c| c.is_ascii_alphabetic()) && !written.chars().any(|c| c.is_ascii_lowercase()) {
        replacement.to_ascii_uppercase()
    } else {
        replacement.to_ascii_lowercase()
    }
}

// ---------------------------------------------------------------- types

/// The family of a normalised type, for "is this a compatible column":
/// `varchar(n)`/`text`/`char(n)` are all strings, the integer widths are
/// integers, `json`/`jsonb` are JSON, … Arrays keep their family with `[]`.
pub fn type_family(t: &str) -> String {
    let (base, array) = match t.strip_suffix("[]") {
        Some(b) => (b, "[]"),
        None => (t, ""),
    };
    if base == "tinyint(1)" || base == "boolean" {
        return format!("boolean{array}");
    }
    let head = base.split('(').next().unwrap_or(base).trim_end_matches(" unsigned").trim();
    let fam = match head {
        "text" | "varchar" | "char" | "citext" | "tinytext" | "mediumtext" | "longtext" | "bpchar" => "string",
        "smallint" | "integer" | "bigint" | "int" | "tinyint" | "mediumint" => "integer",
        "numeric" | "decimal" | "real" | "double precision" | "double" | "float" => "number",
        "timestamp" | "timestamptz" | "datetime" => "timestamp",
        "json" | "jsonb" => "json",
        "bytea" | "blob" | "tinyblob" | "mediumblob" | "longblob" | "binary" | "varbinary" => "binary",
        "enum" => "enum",
        other => other,
    };
    format!("{fam}{array}")
}

/// The members of a normalised MySQL `enum('a','b')` / `set(…)` type.
pub fn inline_enum_values(t: &str) -> Option<Vec<String>> {
    let inner = t.strip_prefix("enum(").or_else(|| t.strip_prefix("set("))?.strip_suffix(')')?;
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_str = false;
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_str) {
            ('\'', true) if chars.peek() == Some(&'\'') => {
                chars.next();
                cur.push('\'');
            }
            ('\'', _) => in_str = !in_str,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, true) => cur.push(c),
            _ => {}
        }
    }
    out.push(cur);
    Some(out)
}

// ---------------------------------------------------------------- name similarity

// Name similarity lives with the rename scorer (`diff::rename`), which is
// its main user; the lint rules use the same implementation.
pub use crate::diff::rename::{name_similarity, name_words, NameSimilarity};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_similarity() {
        assert_eq!(name_words("fullName"), vec!["full", "name"]);
        assert_eq!(name_words("HTTPServer2_id"), vec!["http", "server", "2", "id"]);
        assert_eq!(name_similarity("full_name", "fullName").score, 1.0);
        assert_eq!(name_similarity("name_full", "full_name").score, 1.0);
        assert!(name_similarity("name", "displayName").score >= 0.5);
        assert!(name_similarity("notes", "description").score < 0.5);
        assert!(name_similarity("email_adress", "email_address").score > 0.9);
    }

    #[test]
    fn families_and_enum_values() {
        assert_eq!(type_family("varchar(100)"), type_family("text"));
        assert_eq!(type_family("integer"), type_family("bigint"));
        assert_ne!(type_family("integer"), type_family("text"));
        assert_eq!(type_family("text[]"), "string[]");
        assert_eq!(inline_enum_values("enum('a','b''c')").unwrap(), vec!["a", "b'c"]);
    }
}
