//! # rename-table
//!
//! **Flags** `ALTER TABLE … RENAME TO`, MySQL `RENAME TABLE a TO b` and
//! Postgres `ALTER TABLE … SET SCHEMA` (a move is a rename of the qualified
//! name) on a table that existed before this migration.
//!
//! **Why it is dangerous.** The rename is instant and keeps the rows, but
//! the instances of the previous release still query the old name and fail
//! with `relation "…" does not exist` until the rollout finishes (or the new
//! release fails until the migration has run).
//!
//! **Safe alternative.** If only the name in code should change, keep the
//! table and map the model to it (Prisma `@@map("line_items")`, Drizzle
//! `pgTable('line_items', …)`). Otherwise rename and leave a view with the
//! old name for one release; a view over a single table is updatable, so
//! old code keeps reading *and* writing through it:
//!
//! ```sql
//! ALTER TABLE line_items RENAME TO order_items;
//! CREATE VIEW line_items AS SELECT * FROM order_items;   -- right after, in the same migration
//! -- a later migration, once no running code uses the old name:
//! DROP VIEW line_items;
//! ```
//!
//! On MySQL the same works (`RENAME TABLE line_items TO order_items;
//! CREATE VIEW line_items AS SELECT * FROM order_items;`), with a short
//! window between the two statements because MySQL DDL commits implicitly.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE "line_items" RENAME TO "order_items";   -- flagged
//! RENAME TABLE `Category` TO `categories`;             -- flagged (MySQL)
//! CREATE TABLE tmp (id int); ALTER TABLE tmp RENAME TO tmp2;   -- not flagged: new table
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, Ddl, QName};

pub static RULE: RuleMeta = RuleMeta {
    id: "rename-table",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: None,
    summary: "RENAME TABLE breaks code still querying the old name during a rolling deploy",
    source: doc_source!(include_str!("rename_table.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    match &cx.stmt.ddl {
        Ddl::AlterTable { name, actions, .. } if cx.table_existed(name) => {
            for a in actions {
                match a {
                    AlterAction::RenameTable { to } => {
                        // Postgres keeps the table in its schema; MySQL may move it to another database.
                        let to = if cx.is_pg() || to.schema.is_some() { QName { schema: to.schema.clone().or_else(|| name.schema.clone()), name: to.name.clone() } } else { to.clone() };
                        emit(cx, out, name, &to, "renaming");
                    }
                    AlterAction::SetSchema { schema } => {
                        let to = QName { schema: Some(schema.clone()), name: name.name.clone() };
                        let from = QName { schema: Some(name.schema.clone().unwrap_or_else(|| cx.state.current_schema.clone())), name: name.name.clone() };
                        emit(cx, out, &from, &to, "moving");
                    }
                    _ => {}
                }
            }
        }
        Ddl::RenameTables { pairs } => {
            for (from, to) in pairs.iter().filter(|(f, _)| cx.table_existed(f)) {
                emit(cx, out, from, to, "renaming");
            }
        }
        _ => {}
    }
}

fn emit(cx: &Cx, out: &mut Emitter, from: &QName, to: &QName, verb: &str) {
    let old = cx.qname(from);
    let new = cx.qname(to);
    let map = if cx.is_pg() { format!("Drizzle `pgTable('{}', …)`", from.name) } else { format!("Drizzle `mysqlTable('{}', …)`", from.name) };
    let view = format!("CREATE VIEW {old} AS SELECT * FROM {new};");
    let together = if cx.is_pg() {
        "right after the rename, in the same migration"
    } else {
        "right after it (MySQL commits each DDL statement, so there is a short window without the old name)"
    };
    out.emit(
        format!("{verb} table {old} to {new} breaks every running instance that still queries {old} until the rollout finishes"),
        format!(
            "If only the name in code should change, keep the table and map the model to it (Prisma `@@map(\"{}\")`, {map}). Otherwise leave a view with the old name for one release, {together}: `{view}` — a view over one table is updatable, so old code keeps reading and writing through it. Then `DROP VIEW {old};` in a later migration, once no running code uses the old name.",
            from.name,
        ),
    );
}
