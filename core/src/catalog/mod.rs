//! Introspection of a live database, split so that the core does no I/O:
//! [`catalog_queries`] is the SQL text to run (a fixed list per dialect,
//! however many tables the database has), and [`schema_from_catalog`] turns
//! the result rows into the schema model, normalised exactly as replay
//! normalises a history (so `==` with a replayed model means "same schema").
//!
//! The CLI runs the queries over the text protocol (every value a string or
//! NULL, booleans `t`/`f` on Postgres and `1`/`0` on MySQL); a Node script
//! may run them with its own driver and pass typed JSON (numbers, booleans).
//! Both are accepted. Every query returns scalar columns only (one row per
//! index or constraint column, with an ordinal), so any driver can run it.
//!
//! Left out on purpose: system schemas, objects that belong to an extension,
//! and the migration history tables (`_prisma_migrations`,
//! `_driftgate_migrations`, `_driftgate_backfill`, Drizzle's
//! `__drizzle_migrations` and, on Postgres, the whole `drizzle` schema).

mod mysql;
mod postgres;

use crate::schema::Schema;
use crate::Dialect;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// One catalog query: run `sql`, and hand its rows to
/// [`schema_from_catalog`] under `name`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogQuery {
    pub name: &'static str,
    pub sql: String,
}

/// Why catalog rows could not be decoded: which query, which row (0-based)
/// and which column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogError {
    pub query: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "catalog query `{}`", self.query)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column `{c}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CatalogError {}

/// Tables that record migration history, never part of the schema.
pub const HISTORY_TABLES: &[&str] = &["_prisma_migrations", "_driftgate_migrations", "_driftgate_backfill", "__drizzle_migrations"];

/// The queries to run for `dialect`, in order. Their number does not
/// depend on the database.
pub fn catalog_queries(dialect: Dialect) -> Vec<CatalogQuery> {
    let list: &[(&'static str, &str)] = match dialect {
        Dialect::Postgres => postgres::QUERIES,
        Dialect::Mysql => mysql::QUERIES,
    };
    list.iter().map(|(name, sql)| CatalogQuery { name, sql: sql.trim().to_string() }).collect()
}

/// The schema model from the rows of every [`catalog_queries`] query,
/// keyed by query name; each row is a JSON object keyed by column name
/// (case-insensitive).
pub fn schema_from_catalog(dialect: Dialect, rows: &BTreeMap<String, Vec<Value>>) -> Result<Schema, CatalogError> {
    let mut schema = match dialect {
        Dialect::Postgres => postgres::decode(&Results { rows })?,
        Dialect::Mysql => mysql::decode(&Results { rows })?,
    };
    schema.canonicalize();
    Ok(schema)
}

/// All result sets, looked up by query name.
pub(crate) struct Results<'a> {
    rows: &'a BTreeMap<String, Vec<Value>>,
}

impl<'a> Results<'a> {
    /// The rows of one query; a missing result or a row that is not an
    /// object is an error.
    pub(crate) fn get(&self, query: &'static str) -> Result<Vec<Row<'a>>, CatalogError> {
        let rows = self.rows.get(query).ok_or_else(|| CatalogError {
            query: query.to_string(),
            row: None,
            column: None,
            message: "no result for this query (run every query of catalogQueries and pass its rows under its name)".into(),
        })?;
        rows.iter()
            .enumerate()
            .map(|(index, v)| match v {
                Value::Object(obj) => Ok(Row { query, index, obj }),
                other => Err(CatalogError { query: query.to_string(), row: Some(index), column: None, message: format!("a row must be an object keyed by column name, not {}", kind(other)) }),
            })
            .collect()
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One result row, with typed accessors that accept text-protocol strings
/// as well as typed JSON.
#[derive(Clone, Copy)]
pub(crate) struct Row<'a> {
    query: &'static str,
    pub(crate) index: usize,
    obj: &'a Map<String, Value>,
}

impl<'a> Row<'a> {
    pub(crate) fn error(&self, column: &str, message: impl Into<String>) -> CatalogError {
        CatalogError { query: self.query.to_string(), row: Some(self.index), column: Some(column.to_string()), message: message.into() }
    }

    fn value(&self, column: &str) -> Option<&'a Value> {
        self.obj.get(column).or_else(|| self.obj.iter().find(|(k, _)| k.eq_ignore_ascii_case(column)).map(|(_, v)| v))
    }

    /// A column the query selects: its absence is an error.
    fn required(&self, column: &str) -> Result<&'a Value, CatalogError> {
        self.value(column).ok_or_else(|| self.error(column, "missing from the row"))
    }

    /// Text or NULL (numbers and booleans are written as text).
    pub(crate) fn text(&self, column: &str) -> Result<Option<String>, CatalogError> {
        self.to_text(column, self.required(column)?)
    }

    /// Like [`Row::text`], but a column the server may not have (it differs
    /// between MySQL and MariaDB) reads as NULL.
    pub(crate) fn text_if_present(&self, column: &str) -> Result<Option<String>, CatalogError> {
        match self.value(column) {
            None => Ok(None),
            Some(v) => self.to_text(column, v),
        }
    }

    fn to_text(&self, column: &str, v: &Value) -> Result<Option<String>, CatalogError> {
        match v {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s.clone())),
            Value::Number(n) => Ok(Some(n.to_string())),
            Value::Bool(b) => Ok(Some(b.to_string())),
            other => Err(self.error(column, format!("expected a scalar value, got {}", kind(other)))),
        }
    }

    /// Text that must not be NULL.
    pub(crate) fn string(&self, column: &str) -> Result<String, CatalogError> {
        self.text(column)?.ok_or_else(|| self.error(column, "unexpected NULL"))
    }

    /// A boolean: JSON true/false, `t`/`f`, `true`/`false`, `1`/`0`,
    /// `YES`/`NO`; NULL reads as false.
    pub(crate) fn boolean(&self, column: &str) -> Result<bool, CatalogError> {
        match self.required(column)? {
            Value::Null => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::Number(n) => match n.as_f64() {
                Some(x) if x == 0.0 => Ok(false),
                Some(x) if x == 1.0 => Ok(true),
                _ => Err(self.error(column, format!("expected a boolean, got {n}"))),
            },
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "t" | "true" | "1" | "yes" | "y" | "on" => Ok(true),
                "f" | "false" | "0" | "no" | "n" | "off" | "" => Ok(false),
                other => Err(self.error(column, format!("expected a boolean, got {other:?}"))),
            },
            other => Err(self.error(column, format!("expected a boolean, got {}", kind(other)))),
        }
    }

    /// A number (ordinals, sort orders); NULL is an error.
    pub(crate) fn number(&self, column: &str) -> Result<f64, CatalogError> {
        match self.required(column)? {
            Value::Number(n) => n.as_f64().ok_or_else(|| self.error(column, "not a finite number")),
            Value::String(s) => s.trim().parse::<f64>().map_err(|_| self.error(column, format!("expected a number, got {s:?}"))),
            Value::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
            Value::Null => Err(self.error(column, "unexpected NULL")),
            other => Err(self.error(column, format!("expected a number, got {}", kind(other)))),
        }
    }
}

/// Rows grouped by a key, in first-seen order of the key, each group
/// sorted by its ordinal (drivers need not keep the ORDER BY).
pub(crate) fn grouped<K: Ord + Clone, T>(items: Vec<(K, f64, T)>) -> Vec<(K, Vec<T>)> {
    let mut order: Vec<K> = Vec::new();
    let mut groups: BTreeMap<K, Vec<(f64, T)>> = BTreeMap::new();
    for (k, ord, t) in items {
        let g = groups.entry(k.clone()).or_default();
        if g.is_empty() {
            order.push(k);
        }
        g.push((ord, t));
    }
    order
        .into_iter()
        .map(|k| {
            let mut g = groups.remove(&k).unwrap_or_default();
            g.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
            (k, g.into_iter().map(|(_, t)| t).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests;
