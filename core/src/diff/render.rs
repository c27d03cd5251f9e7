//! SQL rendering of diff operations for Postgres and MySQL.
//!
//! The diff engine ([`super::diff`]) decides *what* changes and in which
//! order; this module only spells each operation in a dialect. Everything
//! here is total: any model renders to some text, nothing panics.
//!
//! Identifiers are always quoted (`"users"`, `` `users` ``): reserved words
//! differ between dialects and versions, and quoting is never wrong.
//! Types, defaults, checks, predicates and view definitions come from the
//! model in their normalised form (`schema::normalize`), which replays back
//! to the same model; view definitions and defaults lose literal casts in
//! that form (`'{}'::jsonb` → `'{}'`), which the column type restores.

use crate::schema::{Check, Column, Enum, ForeignKey, Identity, Index, PrimaryKey, Table, UniqueConstraint, View};
use crate::Dialect;

/// A column with its type already spelled for Postgres (user-defined types
/// quoted); MySQL spells the model's type as is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ColDef {
    pub column: Column,
    pub pg_type: String,
}

/// A column that uses an enum being recreated.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EnumUse {
    pub schema: String,
    pub table: String,
    pub column: String,
    pub array: bool,
    pub default: Option<String>,
    /// Set the default again after the cast (it is unchanged by the diff).
    pub restore_default: bool,
}

/// Which part of a column changed (Postgres renders one statement or a few
/// per aspect; MySQL renders one `MODIFY` for the first aspect of a column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Aspect {
    Type,
    DropExpression,
    Default,
    Nullability,
    Identity,
}

/// One rendered step of a change.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Op {
    CreateSchema(String),
    DropSchema(String),
    CreateExtension(String),
    DropExtension(String),
    CreateEnum(Enum),
    DropEnum { schema: String, name: String },
    AddEnumValue { schema: String, name: String, value: String, before: Option<String>, after: Option<String> },
    RecreateEnum { target: Enum, temp_new: String, temp_old: String, uses: Vec<EnumUse> },
    CreateSequence { schema: String, name: String },
    DropSequence { schema: String, name: String },
    CreateTable { table: Table, columns: Vec<ColDef> },
    DropTable { schema: String, name: String },
    RenameTable { schema: String, from: String, to_schema: String, to: String },
    RenameColumn { schema: String, table: String, from: String, to: String },
    AddColumn { schema: String, table: String, column: ColDef },
    DropColumn { schema: String, table: String, column: String },
    AlterColumn { schema: String, table: String, aspect: Aspect, from: ColDef, to: ColDef, via_text: bool, first: bool },
    AddPrimaryKey { schema: String, table: String, pk: PrimaryKey },
    DropPrimaryKey { schema: String, table: String, name: Option<String> },
    AddUnique { schema: String, table: String, unique: UniqueConstraint },
    DropConstraint { schema: String, table: String, name: String },
    AddCheck { schema: String, table: String, check: Check },
    DropCheck { schema: String, table: String, name: String },
    CreateIndex { schema: String, table: String, index: Index },
    DropIndex { schema: String, table: String, name: String },
    RenameIndex { schema: String, table: String, from: String, to: String },
    RenameConstraint { schema: String, table: String, from: String, to: String },
    AddForeignKey { schema: String, table: String, fk: ForeignKey },
    DropForeignKey { schema: String, table: String, name: String },
    CreateView(View),
    DropView { schema: String, name: String, materialized: bool },
}

/// Always-quoted identifier.
pub(crate) fn ident(name: &str, d: Dialect) -> String {
    match d {
        Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
        Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
    }
}

/// A table-like object name, qualified on Postgres when not in `public`.
pub(crate) fn object(d: Dialect, schema: &str, name: &str) -> String {
    match d {
        Dialect::Postgres if !schema.is_empty() && schema != "public" => format!("{}.{}", ident(schema, d), ident(name, d)),
        _ => ident(name, d),
    }
}

fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn ident_list(cols: &[String], d: Dialect) -> String {
    cols.iter().map(|c| ident(c, d)).collect::<Vec<_>>().join(", ")
}

/// The Postgres spelling of a normalised type: built-in types verbatim,
/// user-defined ones (enums, or any name with capitals) quoted.
pub(crate) fn pg_type(ty: &str, user_defined: bool) -> String {
    let (base, array) = match ty.strip_suffix("[]") {
        Some(b) => (b, "[]"),
        None => (ty, ""),
    };
    let needs_quotes = user_defined || (!base.contains('(') && base.chars().any(|c| c.is_ascii_uppercase() || !c.is_ascii()));
    if !needs_quotes {
        return ty.to_string();
    }
    let d = Dialect::Postgres;
    let quoted = match base.split_once('.') {
        Some((s, n)) if !s.is_empty() && !n.is_empty() => format!("{}.{}", ident(s, d), ident(n, d)),
        _ => ident(base, d),
    };
    format!("{quoted}{array}")
}

/// An enum as a type reference (`"Role"`, `"auth"."Role"`).
fn enum_type(d: Dialect, schema: &str, name: &str) -> String {
    object(d, schema, name)
}

/// Is the (normalised) expression a plain literal or keyword?
fn is_literal(e: &str) -> bool {
    let e = e.trim();
    if e.is_empty() {
        return false;
    }
    if e.starts_with('\'') && e.ends_with('\'') && e.len() >= 2 && !e[1..e.len() - 1].replace("''", "").contains('\'') {
        return true;
    }
    let num = e.strip_prefix('-').unwrap_or(e);
    if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return true;
    }
    matches!(e, "true" | "false" | "null")
}

/// Is it a function call `name(…)` whose outer parentheses close at the end?
fn is_call(e: &str) -> bool {
    let Some(open) = e.find('(') else { return false };
    let head = &e[..open];
    if head.is_empty() || !head.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '"') {
        return false;
    }
    if !e.ends_with(')') {
        return false;
    }
    let mut depth = 0i32;
    let mut in_str = false;
    for (i, ch) in e.char_indices().skip_while(|(i, _)| *i < open) {
        match ch {
            '\'' => in_str = !in_str,
            '(' if !in_str => depth += 1,
            ')' if !in_str => {
                depth -= 1;
                if depth == 0 && i + 1 != e.len() {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

fn default_sql(e: &str, d: Dialect) -> String {
    match d {
        Dialect::Postgres => {
            if is_literal(e) || is_call(e) || e.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                e.to_string()
            } else {
                format!("({e})")
            }
        }
        Dialect::Mysql => {
            let ts = e.starts_with("current_timestamp") && (e == "current_timestamp" || is_call(e));
            if is_literal(e) || ts {
                e.to_string()
            } else {
                format!("({e})")
            }
        }
    }
}

/// `name type [GENERATED …] [NOT NULL] [DEFAULT …] [AUTO_INCREMENT]`.
fn column_sql(c: &ColDef, d: Dialect) -> String {
    let col = &c.column;
    let mut s = ident(&col.name, d);
    s.push(' ');
    match d {
        Dialect::Postgres => {
            let serial = match (col.identity, col.data_type.as_str()) {
                (Some(Identity::Serial), "integer") => Some("serial"),
                (Some(Identity::Serial), "bigint") => Some("bigserial"),
                (Some(Identity::Serial), "smallint") => Some("smallserial"),
                _ => None,
            };
            s.push_str(serial.unwrap_or(&c.pg_type));
            if let Some(g) = &col.generated {
                s.push_str(&format!(" GENERATED ALWAYS AS ({g}) STORED"));
            }
            match col.identity {
                Some(Identity::Always) => s.push_str(" GENERATED ALWAYS AS IDENTITY"),
                Some(Identity::ByDefault) => s.push_str(" GENERATED BY DEFAULT AS IDENTITY"),
                _ => {}
            }
            if !col.nullable {
                s.push_str(" NOT NULL");
            }
            if let Some(def) = &col.default {
                s.push_str(" DEFAULT ");
                s.push_str(&default_sql(def, d));
            }
        }
        Dialect::Mysql => {
            s.push_str(&col.data_type);
            if let Some(g) = &col.generated {
                s.push_str(&format!(" GENERATED ALWAYS AS ({g}) STORED"));
            }
            s.push_str(if col.nullable { " NULL" } else { " NOT NULL" });
            if let Some(def) = &col.default {
                s.push_str(" DEFAULT ");
                s.push_str(&default_sql(def, d));
            }
            if col.identity == Some(Identity::AutoIncrement) {
                s.push_str(" AUTO_INCREMENT");
            }
        }
    }
    s
}

fn pk_sql(pk: &PrimaryKey, d: Dialect) -> String {
    match (&pk.name, d) {
        (Some(n), Dialect::Postgres) => format!("CONSTRAINT {} PRIMARY KEY ({})", ident(n, d), ident_list(&pk.columns, d)),
        _ => format!("PRIMARY KEY ({})", ident_list(&pk.columns, d)),
    }
}

fn unique_sql(u: &UniqueConstraint, d: Dialect) -> String {
    let nnd = if u.nulls_not_distinct && d == Dialect::Postgres { " NULLS NOT DISTINCT" } else { "" };
    match d {
        Dialect::Postgres => format!("CONSTRAINT {} UNIQUE{nnd} ({})", ident(&u.name, d), ident_list(&u.columns, d)),
        Dialect::Mysql => format!("UNIQUE INDEX {} ({})", ident(&u.name, d), ident_list(&u.columns, d)),
    }
}

fn check_sql(c: &Check, d: Dialect) -> String {
    format!("CONSTRAINT {} CHECK ({})", ident(&c.name, d), c.expression)
}

fn fk_sql(fk: &ForeignKey, d: Dialect) -> String {
    let mut s = format!(
        "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
        ident(&fk.name, d),
        ident_list(&fk.columns, d),
        object(d, &fk.referenced_schema, &fk.referenced_table),
        ident_list(&fk.referenced_columns, d)
    );
    let default = crate::schema::normalize::normalize_action(None, d);
    for (what, action) in [("DELETE", &fk.on_delete), ("UPDATE", &fk.on_update)] {
        if !action.is_empty() && *action != default {
            s.push_str(&format!(" ON {what} {action}"));
        }
    }
    s
}

fn index_elems(index: &Index, d: Dialect) -> String {
    index
        .columns
        .iter()
        .map(|c| {
            let mut s = if c.expression { format!("({})", c.name) } else { ident(&c.name, d) };
            if let Some(op) = &c.opclass {
                if d == Dialect::Postgres {
                    s.push(' ');
                    s.push_str(op);
                }
            }
            if c.descending {
                s.push_str(" DESC");
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn index_sql(schema: &str, table: &str, index: &Index, d: Dialect) -> String {
    match d {
        Dialect::Postgres => {
            let mut s = format!("CREATE {}INDEX {} ON {}", if index.unique { "UNIQUE " } else { "" }, ident(&index.name, d), object(d, schema, table));
            if let Some(m) = &index.method {
                s.push_str(&format!(" USING {m}"));
            }
            s.push_str(&format!(" ({})", index_elems(index, d)));
            if let Some(p) = &index.predicate {
                s.push_str(&format!(" WHERE {p}"));
            }
            s
        }
        Dialect::Mysql => {
            // `ALTER TABLE … ADD FULLTEXT INDEX` keeps the index kind, which
            // `CREATE FULLTEXT INDEX` does not tell the replay reader.
            let kind = match index.method.as_deref() {
                Some("fulltext") => "FULLTEXT INDEX",
                Some("spatial") => "SPATIAL INDEX",
                _ if index.unique => "UNIQUE INDEX",
                _ => "INDEX",
            };
            let mut s = format!("ALTER TABLE {} ADD {kind} {} ({})", object(d, schema, table), ident(&index.name, d), index_elems(index, d));
            if let Some(m) = index.method.as_deref().filter(|m| *m != "fulltext" && *m != "spatial") {
                s.push_str(&format!(" USING {}", m.to_ascii_uppercase()));
            }
            s
        }
    }
}

fn alter(d: Dialect, schema: &str, table: &str, action: &str) -> String {
    format!("ALTER TABLE {} {action}", object(d, schema, table))
}

/// Render one operation as zero or more statements (without `;`).
pub(crate) fn render_op(op: &Op, d: Dialect) -> Vec<String> {
    let pg = d == Dialect::Postgres;
    match op {
        Op::CreateSchema(s) if pg => vec![format!("CREATE SCHEMA {}", ident(s, d))],
        Op::DropSchema(s) if pg => vec![format!("DROP SCHEMA {}", ident(s, d))],
        Op::CreateExtension(e) if pg => vec![format!("CREATE EXTENSION IF NOT EXISTS {}", ident(e, d))],
        Op::DropExtension(e) if pg => vec![format!("DROP EXTENSION {}", ident(e, d))],
        Op::CreateEnum(e) if pg => {
            let vals: Vec<String> = e.values.iter().map(|v| literal(v)).collect();
            vec![format!("CREATE TYPE {} AS ENUM ({})", enum_type(d, &e.schema, &e.name), vals.join(", "))]
        }
        Op::DropEnum { schema, name } if pg => vec![format!("DROP TYPE {}", enum_type(d, schema, name))],
        Op::AddEnumValue { schema, name, value, before, after } if pg => {
            let mut s = format!("ALTER TYPE {} ADD VALUE {}", enum_type(d, schema, name), literal(value));
            if let Some(b) = before {
                s.push_str(&format!(" BEFORE {}", literal(b)));
            } else if let Some(a) = after {
                s.push_str(&format!(" AFTER {}", literal(a)));
            }
            vec![s]
        }
        Op::RecreateEnum { target, temp_new, temp_old, uses } if pg => {
            // Prisma's pattern: a new type, every column cast through text, swap names.
            let new_t = enum_type(d, &target.schema, temp_new);
            let mut out = vec![format!(
                "CREATE TYPE {new_t} AS ENUM ({})",
                target.values.iter().map(|v| literal(v)).collect::<Vec<_>>().join(", ")
            )];
            for u in uses {
                let col = ident(&u.column, d);
                if u.default.is_some() {
                    out.push(alter(d, &u.schema, &u.table, &format!("ALTER COLUMN {col} DROP DEFAULT")));
                }
                let (arr, text) = if u.array { ("[]", "text[]") } else { ("", "text") };
                out.push(alter(d, &u.schema, &u.table, &format!("ALTER COLUMN {col} TYPE {new_t}{arr} USING ({col}::{text}::{new_t}{arr})")));
            }
            out.push(format!("ALTER TYPE {} RENAME TO {}", enum_type(d, &target.schema, &target.name), ident(temp_old, d)));
            out.push(format!("ALTER TYPE {new_t} RENAME TO {}", ident(&target.name, d)));
            out.push(format!("DROP TYPE {}", enum_type(d, &target.schema, temp_old)));
            for u in uses.iter().filter(|u| u.restore_default) {
                if let Some(def) = &u.default {
                    out.push(alter(d, &u.schema, &u.table, &format!("ALTER COLUMN {} SET DEFAULT {}", ident(&u.column, d), default_sql(def, d))));
                }
            }
            out
        }
        Op::CreateSequence { schema, name } if pg => vec![format!("CREATE SEQUENCE {}", object(d, schema, name))],
        Op::DropSequence { schema, name } if pg => vec![format!("DROP SEQUENCE {}", object(d, schema, name))],
        Op::CreateSchema(_)
        | Op::DropSchema(_)
        | Op::CreateExtension(_)
        | Op::DropExtension(_)
        | Op::CreateEnum(_)
        | Op::DropEnum { .. }
        | Op::AddEnumValue { .. }
        | Op::RecreateEnum { .. }
        | Op::CreateSequence { .. }
        | Op::DropSequence { .. } => Vec::new(),
        Op::CreateTable { table, columns } => {
            let mut items: Vec<String> = columns.iter().map(|c| column_sql(c, d)).collect();
            if let Some(pk) = &table.primary_key {
                items.push(pk_sql(pk, d));
            }
            for u in &table.uniques {
                items.push(unique_sql(u, d));
            }
            for c in &table.checks {
                items.push(check_sql(c, d));
            }
            vec![format!("CREATE TABLE {} (\n    {}\n)", object(d, &table.schema, &table.name), items.join(",\n    "))]
        }
        Op::DropTable { schema, name } => vec![format!("DROP TABLE {}", object(d, schema, name))],
        Op::RenameTable { schema, from, to_schema, to } => {
            let mut out = Vec::new();
            match d {
                Dialect::Postgres => {
                    if from != to {
                        out.push(format!("ALTER TABLE {} RENAME TO {}", object(d, schema, from), ident(to, d)));
                    }
                    if schema != to_schema {
                        out.push(format!("ALTER TABLE {} SET SCHEMA {}", object(d, schema, to), ident(to_schema, d)));
                    }
                }
                Dialect::Mysql => out.push(format!("RENAME TABLE {} TO {}", ident(from, d), ident(to, d))),
            }
            out
        }
        Op::RenameColumn { schema, table, from, to } => vec![alter(d, schema, table, &format!("RENAME COLUMN {} TO {}", ident(from, d), ident(to, d)))],
        Op::AddColumn { schema, table, column } => vec![alter(d, schema, table, &format!("ADD COLUMN {}", column_sql(column, d)))],
        Op::DropColumn { schema, table, column } => vec![alter(d, schema, table, &format!("DROP COLUMN {}", ident(column, d)))],
        Op::AlterColumn { schema, table, aspect, from, to, via_text, first } => match d {
            Dialect::Mysql => {
                if *first {
                    vec![alter(d, schema, table, &format!("MODIFY COLUMN {}", column_sql(to, d)))]
                } else {
                    Vec::new()
                }
            }
            Dialect::Postgres => alter_column_pg(schema, table, *aspect, from, to, *via_text),
        },
        Op::AddPrimaryKey { schema, table, pk } => vec![alter(d, schema, table, &format!("ADD {}", pk_sql(pk, d)))],
        Op::DropPrimaryKey { schema, table, name } => match d {
            Dialect::Mysql => vec![alter(d, schema, table, "DROP PRIMARY KEY")],
            Dialect::Postgres => {
                let n = name.clone().unwrap_or_else(|| crate::replay::pg_object_name(table, "", "pkey", d));
                vec![alter(d, schema, table, &format!("DROP CONSTRAINT {}", ident(&n, d)))]
            }
        },
        Op::AddUnique { schema, table, unique } => match d {
            Dialect::Postgres => vec![alter(d, schema, table, &format!("ADD {}", unique_sql(unique, d)))],
            Dialect::Mysql => vec![alter(d, schema, table, &format!("ADD {}", unique_sql(unique, d)))],
        },
        Op::DropConstraint { schema, table, name } => match d {
            Dialect::Postgres => vec![alter(d, schema, table, &format!("DROP CONSTRAINT {}", ident(name, d)))],
            Dialect::Mysql => vec![format!("DROP INDEX {} ON {}", ident(name, d), object(d, schema, table))],
        },
        Op::AddCheck { schema, table, check } => vec![alter(d, schema, table, &format!("ADD {}", check_sql(check, d)))],
        Op::DropCheck { schema, table, name } => match d {
            Dialect::Postgres => vec![alter(d, schema, table, &format!("DROP CONSTRAINT {}", ident(name, d)))],
            Dialect::Mysql => vec![alter(d, schema, table, &format!("DROP CHECK {}", ident(name, d)))],
        },
        Op::CreateIndex { schema, table, index } => vec![index_sql(schema, table, index, d)],
        Op::DropIndex { schema, table, name } => match d {
            Dialect::Postgres => vec![format!("DROP INDEX {}", object(d, schema, name))],
            Dialect::Mysql => vec![format!("DROP INDEX {} ON {}", ident(name, d), object(d, schema, table))],
        },
        Op::RenameIndex { schema, table, from, to } => match d {
            Dialect::Postgres => vec![format!("ALTER INDEX {} RENAME TO {}", object(d, schema, from), ident(to, d))],
            Dialect::Mysql => vec![alter(d, schema, table, &format!("RENAME INDEX {} TO {}", ident(from, d), ident(to, d)))],
        },
        Op::RenameConstraint { schema, table, from, to } => vec![alter(d, schema, table, &format!("RENAME CONSTRAINT {} TO {}", ident(from, d), ident(to, d)))],
        Op::AddForeignKey { schema, table, fk } => vec![alter(d, schema, table, &format!("ADD {}", fk_sql(fk, d)))],
        Op::DropForeignKey { schema, table, name } => match d {
            Dialect::Postgres => vec![alter(d, schema, table, &format!("DROP CONSTRAINT {}", ident(name, d)))],
            Dialect::Mysql => vec![alter(d, schema, table, &format!("DROP FOREIGN KEY {}", ident(name, d)))],
        },
        Op::CreateView(v) => {
            let kind = if v.materialized && pg { "MATERIALIZED VIEW" } else { "VIEW" };
            vec![format!("CREATE {kind} {} AS {}", object(d, &v.schema, &v.name), v.definition)]
        }
        Op::DropView { schema, name, materialized } => {
            let kind = if *materialized && pg { "MATERIALIZED VIEW" } else { "VIEW" };
            vec![format!("DROP {kind} {}", object(d, schema, name))]
        }
    }
}

fn alter_column_pg(schema: &str, table: &str, aspect: Aspect, from: &ColDef, to: &ColDef, via_text: bool) -> Vec<String> {
    let d = Dialect::Postgres;
    let col = ident(&to.column.name, d);
    let a = |action: String| alter(d, schema, table, &format!("ALTER COLUMN {col} {action}"));
    match aspect {
        Aspect::Type => {
            let using = if via_text {
                let text = if to.column.data_type.ends_with("[]") { "text[]" } else { "text" };
                format!("{col}::{text}::{}", to.pg_type)
            } else {
                format!("{col}::{}", to.pg_type)
            };
            // A default that cannot be cast automatically blocks the change:
            // drop it around the cast (the default aspect sets the new one).
            let mut out = Vec::new();
            if from.column.default.is_some() {
                out.push(a("DROP DEFAULT".into()));
            }
            out.push(a(format!("TYPE {} USING ({using})", to.pg_type)));
            if from.column.default.is_some() && from.column.default == to.column.default {
                if let Some(def) = &to.column.default {
                    out.push(a(format!("SET DEFAULT {}", default_sql(def, d))));
                }
            }
            out
        }
        Aspect::DropExpression => vec![a("DROP EXPRESSION".into())],
        Aspect::Default => match &to.column.default {
            Some(def) => vec![a(format!("SET DEFAULT {}", default_sql(def, d)))],
            None => vec![a("DROP DEFAULT".into())],
        },
        Aspect::Nullability => vec![a(if to.column.nullable { "DROP NOT NULL".into() } else { "SET NOT NULL".into() })],
        Aspect::Identity => {
            let mut out = Vec::new();
            let (f, t) = (from.column.identity, to.column.identity);
            if f == Some(Identity::Serial) {
                // The sequence default is what makes a serial column.
                out.push(a("DROP DEFAULT".into()));
            }
            let pg_identity = |i: Option<Identity>| matches!(i, Some(Identity::Always | Identity::ByDefault));
            match t {
                Some(Identity::Always) | Some(Identity::ByDefault) => {
                    let kind = if t == Some(Identity::Always) { "ALWAYS" } else { "BY DEFAULT" };
                    if pg_identity(f) {
                        out.push(a(format!("SET GENERATED {kind}")));
                    } else {
                        out.push(a(format!("ADD GENERATED {kind} AS IDENTITY")));
                    }
                }
                Some(Identity::Serial) => {
                    // Not expressible as one statement; a sequence owned by the column.
                    let seq = crate::replay::pg_object_name(table, &to.column.name, "seq", d);
                    out.push(format!("CREATE SEQUENCE {} OWNED BY {}.{col}", object(d, schema, &seq), object(d, schema, table)));
                    let qualified = if schema.is_empty() || schema == "public" { seq.clone() } else { format!("{schema}.{seq}") };
                    out.push(a(format!("SET DEFAULT nextval({})", literal(&qualified))));
                }
                None | Some(Identity::AutoIncrement) => {
                    if pg_identity(f) {
                        out.push(a("DROP IDENTITY".into()));
                    }
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_defaults() {
        assert_eq!(pg_type("varchar(255)", false), "varchar(255)");
        assert_eq!(pg_type("double precision", false), "double precision");
        assert_eq!(pg_type("Role", true), "\"Role\"");
        assert_eq!(pg_type("Role[]", true), "\"Role\"[]");
        assert_eq!(pg_type("auth.Role", true), "\"auth\".\"Role\"");
        assert_eq!(pg_type("status", false), "status");
        assert_eq!(default_sql("'a'", Dialect::Mysql), "'a'");
        assert_eq!(default_sql("uuid()", Dialect::Mysql), "(uuid())");
        assert_eq!(default_sql("current_timestamp(3)", Dialect::Mysql), "current_timestamp(3)");
        assert_eq!(default_sql("gen_random_uuid()", Dialect::Postgres), "gen_random_uuid()");
        assert_eq!(default_sql("1+2", Dialect::Postgres), "(1+2)");
        assert_eq!(default_sql("-1", Dialect::Postgres), "-1");
        assert!(!is_call("f(a)+g(b)"));
        assert!(is_call("f(')')"));
    }
}
