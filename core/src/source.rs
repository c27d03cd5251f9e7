//! Schema sources (DESIGN §4): the spellings the CLI and the JS API share
//! (`empty`, `migrations:DIR`, `sql:FILE`, `prisma:PATH`, `drizzle:PATH`,
//! `postgres://…`, `mysql://…`) and how each becomes a model once the host
//! has read the files it names.

use crate::history::{self, FolderFile};
use crate::schema::Schema;
use crate::{drizzle, prisma, replay, Dialect};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "path")]
pub enum SourceSpec {
    Empty,
    Migrations(String),
    Sql(String),
    Prisma(String),
    Drizzle(String),
    /// A live database (CLI only).
    Database(String),
}

impl SourceSpec {
    pub fn parse(s: &str) -> Result<SourceSpec, String> {
        let s = s.trim();
        if s == "empty" {
            return Ok(SourceSpec::Empty);
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") || s.starts_with("mysql://") || s.starts_with("mariadb://") {
            return Ok(SourceSpec::Database(s.to_string()));
        }
        let (kind, path) = s.split_once(':').ok_or_else(|| format!("{s:?} is not a schema source: use empty, migrations:DIR, sql:FILE, prisma:PATH, drizzle:PATH or a database URL"))?;
        if path.is_empty() {
            return Err(format!("{kind}: needs a path, e.g. {kind}:./{}", if kind == "sql" { "schema.sql" } else { "migrations" }));
        }
        let path = path.to_string();
        Ok(match kind {
            "migrations" => SourceSpec::Migrations(path),
            "sql" => SourceSpec::Sql(path),
            "prisma" => SourceSpec::Prisma(path),
            "drizzle" => SourceSpec::Drizzle(path),
            other => return Err(format!("unknown source kind {other:?}: use empty, migrations:, sql:, prisma: or drizzle:")),
        })
    }
}

/// A model read from a source, with what reading it could not model.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Loaded {
    pub schema: Schema,
    /// Warnings: unmodelled statements, history issues, Prisma items not modelled.
    pub notes: Vec<String>,
    /// Whether the source itself fixes the dialect (a lock file, a journal, a provider).
    pub dialect_known: bool,
    /// `-- driftgate:renamed-from old` comments found in the source's SQL:
    /// explicit renames for a diff that ends at this source.
    pub rename_hints: Vec<crate::diff::RenameHint>,
}

fn hints(sql: &str, dialect: Dialect) -> Vec<crate::diff::RenameHint> {
    crate::diff::rename::renamed_from_hints(sql, dialect).into_iter().map(|(table, from, to)| crate::diff::RenameHint { table, from, to }).collect()
}

/// `migrations:DIR` from its listing.
pub fn from_migrations(files: &[FolderFile], dialect: Option<Dialect>) -> Result<Loaded, String> {
    let h = history::read_for_analysis(files).map_err(|e| e.message)?;
    let r = replay::replay_history(&h, dialect);
    let mut notes: Vec<String> = h.issues.iter().map(|i| format!("{}: {}", i.path, i.message)).collect();
    notes.extend(r.unmodelled.iter().map(|u| format!("{}:{}:{}: not modelled: {}", u.migration, u.line, u.column, u.reason)));
    let d = r.schema.dialect;
    let rename_hints = h.migrations.iter().flat_map(|m| hints(&m.sql, d)).collect();
    Ok(Loaded { schema: r.schema, notes, dialect_known: h.dialect.is_some(), rename_hints })
}

/// `sql:FILE`.
pub fn from_sql(name: &str, sql: &str, dialect: Dialect) -> Loaded {
    let r = replay::replay(&[replay::MigrationSource { name, sql }], dialect);
    let notes = r.unmodelled.iter().map(|u| format!("{}:{}:{}: not modelled: {}", u.migration, u.line, u.column, u.reason)).collect();
    Loaded { schema: r.schema, notes, dialect_known: false, rename_hints: hints(sql, dialect) }
}

/// `prisma:PATH`: one or more `.prisma` files.
pub fn from_prisma(files: &[(&str, &str)]) -> Result<Loaded, String> {
    let r = prisma::parse_schema(files).map_err(|e| format!("{}:{}:{}: {}", e.path, e.line, e.column, e.message))?;
    let notes = r.not_modelled.iter().map(|n| format!("{}:{}:{}: not modelled: {} {} ({})", n.path, n.line, n.column, n.kind, n.name, n.reason)).collect();
    Ok(Loaded { schema: r.schema, notes, dialect_known: true, rename_hints: Vec::new() })
}

/// `drizzle:PATH`: a snapshot file's text.
pub fn from_drizzle_snapshot(json: &str) -> Result<Loaded, String> {
    let schema = drizzle::parse_snapshot(json).map_err(|e| format!("{}:{}: {}", e.line, e.column, e.message))?;
    Ok(Loaded { schema, notes: Vec::new(), dialect_known: true, rename_hints: Vec::new() })
}

/// The latest snapshot of a Drizzle out folder (the last journal entry's).
pub fn latest_drizzle_snapshot(files: &[FolderFile]) -> Result<&FolderFile, String> {
    let h = history::read_for_analysis(files).map_err(|e| e.message)?;
    let path = h.migrations.iter().rev().find_map(|m| m.snapshot_path.clone()).ok_or("no snapshot in meta/ for any journal entry")?;
    files.iter().find(|f| f.path == path).ok_or_else(|| format!("{path} is missing"))
}
