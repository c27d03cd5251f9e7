//! The CI gate's judgement (`driftgate check`, DESIGN §7): does the
//! migration history produce the schema the code compiles against? Drift is
//! reported per object in both directions, in words an engineer can act on,
//! with the SQL of the migration that is missing.

use crate::diff::{self, DiffOptions};
use crate::history::{HistoryFormat, HistoryIssue};
use crate::schema::Schema;
use serde::Serialize;

/// Which side has the object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// In the schema file, not produced by the migrations.
    MissingFromMigrations,
    /// Produced by the migrations, not in the schema file.
    MissingFromSchema,
    /// On both sides, different.
    Different,
    /// The same object under another name.
    Renamed,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Drift {
    pub direction: Direction,
    /// The diff change kind (`add-column`, `alter-column-type`, …).
    pub kind: String,
    pub object: String,
    pub message: String,
    /// SQL that would bring the database (the migrations) to the schema file.
    pub sql: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DriftReport {
    pub drift: Vec<Drift>,
    /// The missing migration, rendered in the history's dialect.
    pub migration_sql: String,
    /// Objects only the migrations hold that the schema file cannot express.
    pub inexpressible: Vec<String>,
}

/// What kind of file the history is compared with: a Prisma schema cannot
/// express some objects migrations can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    Prisma,
    Other,
}

/// Compare the replayed history with the schema file (`target_name` is how
/// the schema file is called in messages, e.g. `schema.prisma`).
pub fn drift(replayed: &Schema, target: &Schema, target_name: &str) -> DriftReport {
    drift_against(replayed, target, target_name, TargetKind::Other)
}

/// [`drift`], knowing what the target can express. Objects only in the
/// migrations that the target's language cannot describe (for Prisma:
/// expression and partial indexes, and indexes with a non-default method on
/// columns it only knows as `Unsupported`) are listed in `inexpressible`
/// instead of counted as drift.
pub fn drift_against(replayed: &Schema, target: &Schema, target_name: &str, kind: TargetKind) -> DriftReport {
    let result = diff::diff(replayed, target, &DiffOptions::default());
    let mut drift = Vec::with_capacity(result.changes.len());
    let mut inexpressible = Vec::new();
    for c in &result.changes {
        if kind == TargetKind::Prisma && (c.kind == "drop-index" || c.kind == "drop-unique-index") && prisma_cannot_express(replayed, target, &c.object) {
            inexpressible.push(format!("{} exists only in the migrations; schema.prisma cannot describe it (expression, partial or Unsupported-column index), so it is not drift", c.object));
            continue;
        }
        let what = describe(&c.object, target, &c.kind);
        let (direction, message) = classify(c, &what, &Sides::Gate { target: target_name });
        drift.push(Drift { direction, kind: c.kind.clone(), object: c.object.clone(), message, sql: c.sql.clone() });
    }
    // The missing migration must not drop what the schema file cannot hold.
    let kept: Vec<&diff::Change> = result.changes.iter().filter(|c| !(kind == TargetKind::Prisma && (c.kind == "drop-index" || c.kind == "drop-unique-index") && prisma_cannot_express(replayed, target, &c.object))).collect();
    let migration_sql = kept.iter().flat_map(|c| c.sql.iter()).map(|s| format!("{s};\n")).collect();
    DriftReport { drift, migration_sql, inexpressible }
}

/// Who holds which side, for the words of a drift message.
enum Sides<'a> {
    /// `check`: the migrations against the schema file `target`.
    Gate { target: &'a str },
    /// `validate`: the live database against what it should hold.
    Live { expected: &'a str },
}

fn classify(c: &diff::Change, what: &str, sides: &Sides) -> (Direction, String) {
    let kind = c.kind.as_str();
    let direction = if kind.starts_with("add-") || kind.starts_with("create-") {
        Direction::MissingFromMigrations
    } else if kind.starts_with("drop-") || kind.starts_with("remove-") {
        Direction::MissingFromSchema
    } else if kind.starts_with("rename-") {
        Direction::Renamed
    } else {
        Direction::Different
    };
    let message = match (sides, direction) {
        (Sides::Gate { target }, Direction::MissingFromMigrations) => format!("in {target} but not produced by the migrations: {what}"),
        (Sides::Gate { target }, Direction::MissingFromSchema) => format!("produced by the migrations but not in {target}: {what}"),
        (Sides::Gate { target }, Direction::Renamed) => format!("named differently in {target} than in the migrations: {what}"),
        (Sides::Gate { target }, Direction::Different) => format!("differs between the migrations and {target}: {what} ({kind})"),
        (Sides::Live { expected }, Direction::MissingFromMigrations) => format!("in the database but not in {expected}: {what}"),
        (Sides::Live { expected }, Direction::MissingFromSchema) => format!("in {expected} but missing from the database: {what}"),
        (Sides::Live { expected }, Direction::Renamed) => format!("named differently in the database than in {expected}: {what}"),
        (Sides::Live { expected }, Direction::Different) => format!("differs between {expected} and the database: {what} ({kind})"),
    };
    (direction, message)
}

/// `validate`'s judgement: the live database against what it should hold.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveDrift {
    /// What the database was compared with (`the applied migrations`, a schema file).
    pub against: String,
    /// Per object; `missing-from-migrations` means only the database has it.
    pub changes: Vec<Drift>,
    /// SQL that would bring the database back to `against` (the drift, to
    /// review, not a migration to run blindly).
    pub sql: String,
}

/// Compare the live catalog with `expected` (named `expected_name` in messages).
pub fn live_drift(expected: &Schema, expected_name: &str, live: &Schema) -> LiveDrift {
    let result = diff::diff(expected, live, &DiffOptions::default());
    let changes = result
        .changes
        .iter()
        .map(|c| {
            let what = describe(&c.object, live, &c.kind);
            let (direction, message) = classify(c, &what, &Sides::Live { expected: expected_name });
            Drift { direction, kind: c.kind.clone(), object: c.object.clone(), message, sql: c.sql.clone() }
        })
        .collect();
    let back = diff::diff(live, expected, &DiffOptions::default());
    LiveDrift { against: expected_name.to_string(), changes, sql: diff::render_sql(&back, live.dialect) }
}

/// Where `check` finds the schema a history is compared with when none is
/// named: Prisma's `schema.prisma` (or a `schema/` folder of `.prisma`
/// files) in the folder above `migrations/`; a Drizzle out folder's latest
/// snapshot. The host tries the candidates in order and reads the first
/// that exists; plain SQL folders have none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaBeside {
    /// `../schema.prisma`
    PrismaFile,
    /// `../schema/` (a folder of `.prisma` files)
    PrismaFolder,
    /// The Drizzle out folder itself: the last journal entry's snapshot.
    DrizzleLatestSnapshot,
}

impl SchemaBeside {
    pub fn candidates(format: HistoryFormat) -> &'static [SchemaBeside] {
        match format {
            HistoryFormat::Prisma => &[SchemaBeside::PrismaFile, SchemaBeside::PrismaFolder],
            HistoryFormat::Drizzle => &[SchemaBeside::DrizzleLatestSnapshot],
            HistoryFormat::Plain => &[],
        }
    }

    /// Relative to the history folder: how many levels up, then which
    /// entry (`None`: that folder itself), and whether it is a directory.
    pub fn location(self) -> (usize, Option<&'static str>, bool) {
        match self {
            SchemaBeside::PrismaFile => (1, Some("schema.prisma"), false),
            SchemaBeside::PrismaFolder => (1, Some("schema"), true),
            SchemaBeside::DrizzleLatestSnapshot => (0, None, true),
        }
    }

    /// The source kind (`prisma`, `drizzle`) of [`crate::source::SourceSpec`].
    pub fn source_kind(self) -> &'static str {
        match self {
            SchemaBeside::PrismaFile | SchemaBeside::PrismaFolder => "prisma",
            SchemaBeside::DrizzleLatestSnapshot => "drizzle",
        }
    }
}

/// `--schema` (and the JS `schema` option) accepts a source spelling or a
/// path whose kind is obvious from its name (`is_dir`: the path is a folder,
/// taken as a folder of `.prisma` files).
pub fn schema_spelling(s: &str, is_dir: bool) -> String {
    if crate::source::SourceSpec::parse(s).is_ok() {
        return s.to_string();
    }
    if s.ends_with(".json") {
        format!("drizzle:{s}")
    } else if s.ends_with(".sql") {
        format!("sql:{s}")
    } else if s.ends_with(".prisma") || is_dir {
        format!("prisma:{s}")
    } else {
        s.to_string()
    }
}

/// How the schema is called in drift messages: its file name, or "the
/// latest Drizzle snapshot" for a Drizzle out folder.
pub fn schema_label(source_kind: &str, path: &str, is_dir: bool) -> String {
    if source_kind == "drizzle" && is_dir {
        return "the latest Drizzle snapshot".to_string();
    }
    let name = path.trim_end_matches(['/', '\\']).rsplit(['/', '\\']).next().unwrap_or(path);
    if name.is_empty() || name == "." || name == ".." {
        path.to_string()
    } else {
        name.to_string()
    }
}

/// What the schema file can express ([`drift_against`]).
pub fn target_kind(source_kind: &str) -> TargetKind {
    if source_kind == "prisma" {
        TargetKind::Prisma
    } else {
        TargetKind::Other
    }
}

/// The gate's verdict: any history problem (an introspected baseline is
/// not one), any drift, or any error-level lint finding fails it.
pub fn failed(issues: &[HistoryIssue], drift: Option<&DriftReport>, lint_has_error: bool) -> bool {
    issues.iter().any(|i| i.code != "introspected-baseline") || drift.is_some_and(|d| !d.drift.is_empty()) || lint_has_error
}

fn prisma_cannot_express(replayed: &Schema, target: &Schema, object: &str) -> bool {
    let Some(rest) = object.strip_prefix("index ") else { return false };
    let Some((table, index)) = rest.rsplit_once('.') else { return false };
    let Some(t) = replayed.tables.values().find(|t| t.name == table || format!("{}.{}", t.schema, t.name) == table) else { return false };
    let Some(i) = t.indexes.iter().find(|i| i.name == index) else { return false };
    let unsupported_col = |col: &str| {
        target.tables.values().find(|x| x.name == t.name).and_then(|x| x.columns.iter().find(|c| c.name == col)).is_some_and(|c| !crate::prisma::is_prisma_native_type(&c.data_type, target))
    };
    i.predicate.is_some() || i.columns.iter().any(|c| c.expression || unsupported_col(&c.name))
}

/// `column User.nickname text` rather than `column User.nickname`, when the
/// target has the column.
fn describe(object: &str, target: &Schema, kind: &str) -> String {
    let Some(rest) = object.strip_prefix("column ") else { return object.to_string() };
    if !kind.starts_with("add-") {
        return object.to_string();
    }
    let Some((table, column)) = rest.rsplit_once('.') else { return object.to_string() };
    let found = target.tables.values().find(|t| t.name == table || format!("{}.{}", t.schema, t.name) == table);
    match found.and_then(|t| t.columns.iter().find(|c| c.name == column)) {
        Some(c) => format!("{object} {}{}", c.data_type, if c.nullable { "" } else { " NOT NULL" }),
        None => object.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::{replay, MigrationSource};
    use crate::Dialect;

    #[test]
    fn live_drift_names_the_database_side_and_the_way_back() {
        let expected = replay(&[MigrationSource { name: "m", sql: "CREATE TABLE t (id int PRIMARY KEY, old text);" }], Dialect::Postgres).schema;
        let live = replay(&[MigrationSource { name: "db", sql: "CREATE TABLE t (id int PRIMARY KEY, hotfix boolean);" }], Dialect::Postgres).schema;
        let r = live_drift(&expected, "the applied migrations", &live);
        let got: Vec<(Direction, &str)> = r.changes.iter().map(|d| (d.direction, d.message.as_str())).collect();
        assert!(got.contains(&(Direction::MissingFromMigrations, "in the database but not in the applied migrations: column t.hotfix boolean")), "{got:?}");
        assert!(got.contains(&(Direction::MissingFromSchema, "in the applied migrations but missing from the database: column t.old")), "{got:?}");
        assert!(r.sql.contains("\"hotfix\"") && r.sql.contains("\"old\""), "{}", r.sql);
        assert!(live_drift(&expected, "x", &expected).changes.is_empty());
    }

    #[test]
    fn drift_in_both_directions() {
        let a = replay(&[MigrationSource { name: "m", sql: "CREATE TABLE \"User\" (id int PRIMARY KEY, legacy text);" }], Dialect::Postgres).schema;
        let b = replay(&[MigrationSource { name: "s", sql: "CREATE TABLE \"User\" (id int PRIMARY KEY, nickname text NOT NULL, legacy text);\nALTER TABLE \"User\" DROP COLUMN legacy;" }], Dialect::Postgres).schema;
        let r = drift(&a, &b, "schema.prisma");
        let msgs: Vec<&str> = r.drift.iter().map(|d| d.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("in schema.prisma but not produced by the migrations: column User.nickname text NOT NULL")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("produced by the migrations but not in schema.prisma: column User.legacy")), "{msgs:?}");
        assert!(r.migration_sql.contains("ADD COLUMN \"nickname\""), "{}", r.migration_sql);
    }
}
