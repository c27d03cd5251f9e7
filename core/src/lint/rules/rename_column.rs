//! # rename-column
//!
//! **Flags** `ALTER TABLE … RENAME COLUMN a TO b` and MySQL
//! `CHANGE [COLUMN] a b …` with a different name, on a column that existed
//! before this migration.
//!
//! **Why it is dangerous.** The rename is instant and keeps the data, but
//! during a rolling deploy the instances of the previous release still
//! select, insert and update the old name and fail with
//! `column "a" does not exist` until the last of them is replaced. If the
//! migration runs before the new code is out, every old instance breaks; if
//! after, the new code breaks until the migration runs.
//!
//! **Safe alternative.** If only the name in the code should change, keep
//! the column and map the new field to it (Prisma `fullName String @map("name")`,
//! Drizzle `fullName: text('name')`). Otherwise expand and contract over
//! several releases:
//!
//! ```sql
//! ALTER TABLE customers ADD COLUMN full_name text;              -- 1. expand
//! -- 2. release code that writes both columns (or a trigger that copies name into full_name)
//! -- 3. backfill: driftgate backfill --table customers --column full_name --set 'name'
//! -- 4. release code that reads full_name only
//! ALTER TABLE customers DROP COLUMN name;                       -- 5. contract, in a later migration
//! ```
//!
//! When every instance is stopped during the deploy (no rolling deploy),
//! the plain rename is fine: suppress with
//! `-- driftgate-ignore rename-column: downtime deploy`.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE customers RENAME COLUMN name TO full_name;   -- flagged
//! ALTER TABLE `Product` CHANGE `weight` `weightKg` DOUBLE; -- flagged (MySQL)
//! ALTER TABLE `Product` CHANGE `weight` `weight` FLOAT;    -- not flagged: same name (a type change)
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, Ddl};

pub static RULE: RuleMeta = RuleMeta {
    id: "rename-column",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: None,
    summary: "RENAME COLUMN breaks code still reading the old name during a rolling deploy",
    source: doc_source!(include_str!("rename_column.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    let initial = cx.initial.tables.get(&cx.key(name));
    for a in actions {
        let (from, to, how) = match a {
            AlterAction::RenameColumn { from, to } => (from, to, "RENAME COLUMN"),
            AlterAction::ChangeColumn { from, column } if !from.eq_ignore_ascii_case(&column.name) => (from, &column.name, "CHANGE"),
            _ => continue,
        };
        // A column added earlier in this migration has no readers yet.
        if initial.is_some_and(|t| !t.columns.iter().any(|c| c.name.eq_ignore_ascii_case(from))) {
            continue;
        }
        let t = cx.qname(name);
        let old = cx.ident(from);
        let new = cx.ident(to);
        let ty = cx
            .table(name)
            .and_then(|tb| tb.columns.iter().find(|c| c.name.eq_ignore_ascii_case(from)))
            .map(|c| c.data_type.clone())
            .unwrap_or_else(|| "<type>".into());
        let builder = drizzle_builder(&ty);
        out.emit(
            format!("renaming {t}.{old} to {new} ({how}) breaks every running instance that still uses {old} until the rollout finishes"),
            format!(
                "If only the name in code should change, keep the column and map the field to it (Prisma `{to} … @map(\"{from}\")`, Drizzle `{to}: {builder}('{from}')`). For a zero-downtime rename, expand/contract: `ALTER TABLE {t} ADD COLUMN {new} {ty};`, release code that writes both (or add a trigger copying {old} into {new}), backfill (`driftgate backfill --table {tn} --column {to} --set '{old}'`), release code that reads {new} only, then `ALTER TABLE {t} DROP COLUMN {old};` in a later migration. If every instance is stopped during this deploy, the rename is safe: `-- driftgate-ignore rename-column: downtime deploy`.",
                tn = name.display(),
            ),
        );
    }
}

/// The Drizzle column builder for a normalised type, for the help text.
fn drizzle_builder(ty: &str) -> &'static str {
    match ty.split(['(', ' ', '[']).next().unwrap_or("") {
        "text" => "text",
        "varchar" => "varchar",
        "char" => "char",
        "integer" => "integer",
        "int" => "int",
        "smallint" => "smallint",
        "bigint" => "bigint",
        "boolean" => "boolean",
        "numeric" => "numeric",
        "decimal" => "decimal",
        "double" => if ty.starts_with("double precision") { "doublePrecision" } else { "double" },
        "real" => "real",
        "timestamp" | "timestamptz" => "timestamp",
        "datetime" => "datetime",
        "date" => "date",
        "json" => "json",
        "jsonb" => "jsonb",
        "uuid" => "uuid",
        _ => "…",
    }
}
