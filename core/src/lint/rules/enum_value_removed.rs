//! # enum-value-removed
//!
//! **Flags** a migration after which an enum has lost a value it had before.
//! Postgres cannot drop an enum value, so ORMs recreate the type, and this
//! rule compares the enum before and after the whole file, whichever way it
//! was done:
//!
//! - Prisma: `CREATE TYPE "Role_new" AS ENUM (…)`, `ALTER TABLE … TYPE
//!   "Role_new" USING ("role"::text::"Role_new")`, `ALTER TYPE "Role" RENAME
//!   TO "Role_old"`, `ALTER TYPE "Role_new" RENAME TO "Role"`, `DROP TYPE "Role_old"`;
//! - Drizzle: the column to `text`, `DROP TYPE`, `CREATE TYPE` again with
//!   fewer values, and `SET DATA TYPE … USING "status"::"order_status"`;
//! - MySQL: `MODIFY` / `CHANGE` of an inline `ENUM(…)` column without a value.
//!
//! A value renamed with `ALTER TYPE … RENAME VALUE` is not a removal.
//!
//! **Why it is dangerous.** Rows that still hold the removed value make the
//! cast back to the enum fail (`invalid input value for enum`), so the
//! migration fails on production data even though it passed on an empty
//! development database. A hand-written `USING CASE …` that maps them away
//! silently loses which value they had. On MySQL in strict mode (the
//! default) the `ALTER` fails (`Data truncated for column`); without strict
//! mode the rows silently become `''`.
//!
//! **Safe alternative.** Move the rows off the value first, keep the value
//! in the enum until that has run everywhere, and only then remove it:
//!
//! ```sql
//! SELECT count(*) FROM "User" WHERE "role" = 'GUEST';               -- how many rows hold it
//! -- in batches: driftgate backfill --table User --column role --set "'USER'" --where "role = 'GUEST'"
//! -- a later migration, once no row and no running code uses 'GUEST': recreate the enum without it
//! ```
//!
//! If the value was renamed, rename it instead:
//! `ALTER TYPE "Role" RENAME VALUE 'GUEST' TO 'VISITOR';` keeps the rows.
//!
//! **Examples**
//!
//! ```sql
//! -- flagged: Prisma recreates "Role" without 'GUEST'
//! CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
//! ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
//! ALTER TYPE "Role" RENAME TO "Role_old";
//! ALTER TYPE "Role_new" RENAME TO "Role";
//! DROP TYPE "Role_old";
//! -- not flagged
//! ALTER TYPE "Role" ADD VALUE 'MODERATOR';
//! ALTER TYPE "Role" RENAME VALUE 'GUEST' TO 'VISITOR';
//! ```

use crate::lint::{quote_ident, Emitter, FileCx, RuleMeta, Severity};
use crate::schema::{Schema, Table};
use crate::span::Span;
use crate::sql::ddl::{AlterAction, Ddl};
use crate::Dialect;

use super::support::{enum_type_ref, for_each_with_search_path, inline_enum_values, key, list, literal};

pub static RULE: RuleMeta = RuleMeta {
    id: "enum-value-removed",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "an enum loses a value: rows still holding it make the migration fail, or lose the value",
    source: doc_source!(include_str!("enum_value_removed.rs")),
    check: |_, _| {},
    check_file: Some(check_file),
};

fn check_file(fx: &FileCx, out: &mut Emitter) {
    match fx.opts.dialect {
        Dialect::Postgres => check_pg(fx, out),
        Dialect::Mysql => check_mysql(fx, out),
    }
}

/// A column using an enum type, for the help text.
struct Use {
    table: String,
    table_raw: String,
    column: String,
    column_raw: String,
    default: Option<String>,
}

fn uses(schema: &Schema, type_ref: &str, d: Dialect) -> Vec<Use> {
    let mut out = Vec::new();
    for t in schema.tables.values() {
        for c in &t.columns {
            if c.data_type == type_ref || c.data_type == format!("{type_ref}[]") {
                out.push(Use {
                    table: table_name(t, d),
                    table_raw: if t.schema.is_empty() || t.schema == "public" { t.name.clone() } else { format!("{}.{}", t.schema, t.name) },
                    column: quote_ident(&c.name, d),
                    column_raw: c.name.clone(),
                    default: c.default.clone(),
                });
            }
        }
    }
    out
}

fn table_name(t: &Table, d: Dialect) -> String {
    if t.schema.is_empty() || t.schema == "public" {
        quote_ident(&t.name, d)
    } else {
        format!("{}.{}", quote_ident(&t.schema, d), quote_ident(&t.name, d))
    }
}

fn check_pg(fx: &FileCx, out: &mut Emitter) {
    let d = Dialect::Postgres;
    // Statements that matter, by enum key: renames of values, and where the
    // new value list is written (CREATE TYPE, possibly under a temporary
    // name renamed into place) or the old type dropped.
    let mut value_renames: Vec<(String, String, String)> = Vec::new();
    let mut creates: Vec<(String, usize, Span)> = Vec::new();
    let mut type_renames: Vec<(String, String)> = Vec::new();
    let mut drops: Vec<(String, usize, Span)> = Vec::new();
    for_each_with_search_path(fx, |stmt, current| match &stmt.ddl {
        Ddl::AlterEnumRenameValue { name, from, to } => value_renames.push((key(d, current, name), from.clone(), to.clone())),
        Ddl::CreateEnum { name, .. } => creates.push((key(d, current, name), stmt.index, stmt.body)),
        Ddl::RenameType { name, to } => {
            let mut renamed = name.clone();
            renamed.name = to.clone();
            type_renames.push((key(d, current, name), key(d, current, &renamed)));
        }
        Ddl::DropType { names, .. } => {
            for n in names {
                drops.push((key(d, current, n), stmt.index, stmt.body));
            }
        }
        _ => {}
    });
    for (k, before) in &fx.initial.enums {
        let Some(after) = fx.final_schema.enums.get(k) else { continue };
        let mut old_values = before.values.clone();
        for (ek, from, to) in value_renames.iter().filter(|(ek, _, _)| ek == k || type_renames.iter().any(|(a, b)| a == ek && b == k)) {
            let _ = ek;
            for v in old_values.iter_mut().filter(|v| *v == from) {
                *v = to.clone();
            }
        }
        let removed: Vec<String> = old_values.iter().filter(|v| !after.values.contains(v)).cloned().collect();
        if removed.is_empty() {
            continue;
        }
        let added: Vec<String> = after.values.iter().filter(|v| !old_values.contains(v)).cloned().collect();
        // The CREATE TYPE that wrote the new list: under this name, or a name renamed to it.
        let names_becoming_k: Vec<&String> = type_renames.iter().filter(|(_, b)| b == k).map(|(a, _)| a).collect();
        let at = creates
            .iter()
            .rev()
            .find(|(ck, _, _)| ck == k || names_becoming_k.contains(&ck))
            .or_else(|| drops.iter().find(|(dk, _, _)| dk == k))
            .map(|(_, i, span)| (*i, *span));
        let e = if after.schema == "public" { quote_ident(&after.name, d) } else { format!("{}.{}", quote_ident(&after.schema, d), quote_ident(&after.name, d)) };
        let users = uses(fx.final_schema, &enum_type_ref(&after.schema, &after.name), d);
        let fallback = after.values.first().cloned().unwrap_or_default();
        emit(out, at, &format!("enum {e}"), &removed, &added, &users, &fallback, Some(&e));
    }
}

fn check_mysql(fx: &FileCx, out: &mut Emitter) {
    let d = Dialect::Mysql;
    // The last MODIFY/CHANGE of each column, by (table key, column name).
    let mut changes: Vec<(String, String, usize, Span)> = Vec::new();
    for_each_with_search_path(fx, |stmt, current| {
        if let Ddl::AlterTable { name, actions, .. } = &stmt.ddl {
            for a in actions {
                if let AlterAction::ModifyColumn { column } | AlterAction::ChangeColumn { column, .. } = a {
                    changes.push((key(d, current, name), column.name.to_ascii_lowercase(), stmt.index, stmt.body));
                }
            }
        }
    });
    for (k, t0) in &fx.initial.tables {
        let Some(t1) = fx.final_schema.tables.get(k) else { continue };
        for c0 in &t0.columns {
            let Some(old_values) = inline_enum_values(&c0.data_type) else { continue };
            let Some(c1) = t1.columns.iter().find(|c| c.name.eq_ignore_ascii_case(&c0.name)) else { continue };
            let Some(new_values) = inline_enum_values(&c1.data_type) else { continue };
            let removed: Vec<String> = old_values.iter().filter(|v| !new_values.contains(v)).cloned().collect();
            if removed.is_empty() {
                continue;
            }
            let added: Vec<String> = new_values.iter().filter(|v| !old_values.contains(v)).cloned().collect();
            let at = changes.iter().rev().find(|(ck, cn, _, _)| ck == k && cn.eq_ignore_ascii_case(&c1.name)).map(|(_, _, i, s)| (*i, *s));
            let u = Use {
                table: quote_ident(&t1.name, d),
                table_raw: t1.name.clone(),
                column: quote_ident(&c1.name, d),
                column_raw: c1.name.clone(),
                default: c1.default.clone(),
            };
            let fallback = new_values.first().cloned().unwrap_or_default();
            emit(out, at, &format!("{}.{} (ENUM)", u.table, u.column), &removed, &added, &[u], &fallback, None);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn emit(out: &mut Emitter, at: Option<(usize, Span)>, what: &str, removed: &[String], added: &[String], users: &[Use], fallback: &str, pg_enum: Option<&str>) {
    let vals: Vec<String> = removed.iter().map(|v| literal(v)).collect();
    let values = list(&vals, 5);
    let plural = if removed.len() == 1 { "value" } else { "values" };
    let one = &vals[0];
    let holders = if users.is_empty() || pg_enum.is_none() {
        "rows still holding it".to_string()
    } else {
        let cols: Vec<String> = users.iter().map(|u| format!("{}.{}", u.table, u.column)).collect();
        format!("rows of {} still holding it", list(&cols, 3))
    };
    let consequence = match pg_enum {
        Some(_) => "make the cast to the new type fail, so the migration fails on production data (or, with a USING that maps them away, lose their value)",
        None => "make the ALTER fail in strict SQL mode (the default); without strict mode they silently become ''",
    };
    let message = format!("{what} loses {plural} {values}: {holders} {consequence}");

    let mut help = String::from("Move the rows off the value first and keep it in the enum until that has run everywhere: ");
    match users.first() {
        Some(u) => {
            let replacement = u.default.clone().unwrap_or_else(|| literal(fallback));
            let col = &u.column;
            help.push_str(&format!(
                "check with `SELECT count(*) FROM {t} WHERE {col} = {one};`, update them in batches (`driftgate backfill --table {tr} --column {cr} --set \"{replacement}\" --where \"{col} = {one}\"`), release code that no longer writes {one}, and remove the value in a later migration.",
                t = u.table,
                tr = u.table_raw,
                cr = u.column_raw,
            ));
        }
        None => help.push_str(&format!("update every column of this type away from {one} (`driftgate backfill … --where \"<column> = {one}\"`), then remove the value in a later migration.")),
    }
    if removed.len() == 1 && added.len() == 1 {
        let new = literal(&added[0]);
        match pg_enum {
            Some(e) => help.push_str(&format!(" If {one} was renamed to {new}, rename it instead, which keeps the rows: `ALTER TYPE {e} RENAME VALUE {one} TO {new};`.")),
            None => help.push_str(&format!(" If {one} was renamed to {new}, first add {new} at the end of the ENUM list, `UPDATE` the rows from {one} to {new}, and remove {one} in a later migration.")),
        }
    }
    let (span, stmt) = match at {
        Some((i, s)) => (s, Some(i)),
        None => (Span::new(0, 0), None),
    };
    out.emit_at(span, message, help).statement = stmt;
}
